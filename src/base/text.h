/* text.h - UTF-8 text: diacritic folding for search, Polish collation.
 *
 * Pure functions, no locale dependence: the results are the same whatever
 * LC_COLLATE the machine has, so search and sorting behave alike on every
 * desk and in every test.
 */
#ifndef CUSDESK_TEXT_H
#define CUSDESK_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes one code point at *p and advances *p; invalid bytes give U+FFFD
 * and advance by one byte.  At the terminating NUL returns 0 and does not
 * advance. */
uint32_t utf8_next(const char **p);
/* Appends cp encoded as UTF-8 to out (needs 4 bytes); returns the length. */
size_t utf8_put(char *out, uint32_t cp);
bool utf8_valid(const char *s);
/* Number of code points. */
size_t utf8_len(const char *s);

/* Lower-case, diacritics removed: "Żółć Łódź" -> "zolc lodz".  Characters
 * other than letters are kept as they are.  Caller frees. */
char *text_fold(const char *s);

/* A byte string whose strcmp() order is the Polish alphabetical order,
 * case-insensitive: a < ą < b < c < ć ... l < ł < m ... z < ź < ż.  Caller
 * frees. */
char *text_sort_key(const char *s);
/* Polish comparison of two UTF-8 strings (what text_sort_key orders by). */
int text_pl_cmp(const char *a, const char *b);

/* Splits s at white space and at ",;-" into a NULL-terminated array of
 * folded tokens (at most max); returns the count.  Free with
 * text_tokens_free. */
size_t text_tokens(const char *s, char ***out, size_t max);
void text_tokens_free(char **tokens);

#endif
