/* i18n.c - language choice and catalogue binding. */
#include "i18n.h"
#include "util.h"

#include <libgen.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

static char chosen[4] = "pl";

static bool has_catalogue(const char *dir)
{
	char *p = xasprintf("%s/pl/LC_MESSAGES/cusdesk.mo", dir);
	struct stat sb;
	bool ok = stat(p, &sb) == 0;

	free(p);
	return ok;
}

void i18n_init(const char *lang)
{
	const char *env = getenv("CUSDESK_LANG");
	const char *dir = getenv("CUSDESK_LOCALEDIR");
	char exe[PATH_MAX];
	ssize_t n;
	char *build_dir = NULL;

	if (!lang || !*lang)
		lang = env && *env ? env : "pl";
	str_copy(chosen, sizeof(chosen), strncmp(lang, "en", 2) ? "pl" : "en");
	/* LANGUAGE outranks LANG and LC_*, and glibc honours it in every
	 * locale but plain "C" (main() makes sure we are in a UTF-8 one), so
	 * the desk speaks Polish even on a machine whose locale is C.UTF-8. */
	setenv("LANGUAGE", chosen, 1);

	if (!dir || !*dir) {
		n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
		if (n > 0) {
			exe[n] = '\0';
			build_dir = xasprintf("%s/locale", dirname(exe));
			if (has_catalogue(build_dir))
				dir = build_dir;
		}
	}
	bindtextdomain("cusdesk", dir && *dir ? dir : LOCALEDIR);
	bind_textdomain_codeset("cusdesk", "UTF-8");
	textdomain("cusdesk");
	free(build_dir);
}

const char *i18n_lang(void)
{
	return chosen;
}

const char *i18n_npgettext(const char *ctx_and_msgid, const char *plural, unsigned long n)
{
	const char *r = ngettext(ctx_and_msgid, plural, n);

	/* untranslated: ngettext gives back our own string, context and all */
	if (r == ctx_and_msgid)
		return strchr(ctx_and_msgid, '\004') + 1;
	return r;
}
