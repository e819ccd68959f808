/* i18n.h - the one place where translation macros are defined. */
#ifndef CUSDESK_I18N_H
#define CUSDESK_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)
#define P_(s, p, n) ngettext((s), (p), (n))
/* ngettext with a context (msgctxt in the .po), for a word that also
 * appears alone: PC_("amount", "hour", "hours", n). */
#define PC_(c, s, p, n) i18n_npgettext(c "\004" s, (p), (n))

const char *i18n_npgettext(const char *ctx_and_msgid, const char *plural, unsigned long n);

/* Chooses the language ("pl" or "en") and binds the message catalogue.
 * Looks for catalogues in $CUSDESK_LOCALEDIR, then in locale/ next to the
 * executable (a build tree), then in the compiled-in LOCALEDIR.  Must run
 * after setlocale() and before the first gettext() call. */
void i18n_init(const char *lang);
/* "pl" or "en": what i18n_init chose. */
const char *i18n_lang(void);

#endif
