/* text.c - UTF-8 folding and Polish collation, locale-free. */
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

uint32_t utf8_next(const char **p)
{
	const unsigned char *s = (const unsigned char *)*p;
	uint32_t cp;
	int n, i;

	if (!*s)
		return 0;
	if (s[0] < 0x80) {
		*p += 1;
		return s[0];
	} else if ((s[0] & 0xE0) == 0xC0) {
		n = 2;
		cp = s[0] & 0x1F;
	} else if ((s[0] & 0xF0) == 0xE0) {
		n = 3;
		cp = s[0] & 0x0F;
	} else if ((s[0] & 0xF8) == 0xF0) {
		n = 4;
		cp = s[0] & 0x07;
	} else {
		*p += 1;
		return 0xFFFD;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*p += 1;
			return 0xFFFD;
		}
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) ||
	    (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF)) {
		*p += 1;
		return 0xFFFD;
	}
	*p += n;
	return cp;
}

size_t utf8_put(char *out, uint32_t cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	} else if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	} else if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

bool utf8_valid(const char *s)
{
	while (*s) {
		const char *before = s;
		uint32_t cp = utf8_next(&s);
		if (cp == 0xFFFD && !(s - before == 3 &&
		    (unsigned char)before[0] == 0xEF &&
		    (unsigned char)before[1] == 0xBF &&
		    (unsigned char)before[2] == 0xBD))
			return false;
	}
	return true;
}

size_t utf8_len(const char *s)
{
	size_t n = 0;
	while (utf8_next(&s))
		n++;
	return n;
}

/* Base letter (lower-case ASCII) of Latin-1 and Latin Extended-A letters;
 * 0 for anything that is not a Latin letter with a diacritic. */
static const char latin1_upper[] = "aaaaaaaceeeeiiiidnooooo*ouuuuyts";
static const char latin1_lower[] = "aaaaaaaceeeeiiiidnooooo*ouuuuyty";
static const char latin_ext_a[] =
	"aaaaaa" "cccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh"
	"iiiiiiiiii" "ii" "jj" "kkk" "llllllllll" "nnnnnnn" "nn" "oooooo"
	"oo" "rrrrrr" "ssssssss" "tttttt" "uuuuuuuuuuuu" "ww" "yyy"
	"zzzzzz" "s";

static char latin_base(uint32_t cp)
{
	char c = 0;

	if (cp >= 'A' && cp <= 'Z')
		return (char)(cp - 'A' + 'a');
	if (cp >= 'a' && cp <= 'z')
		return (char)cp;
	if (cp >= 0xC0 && cp <= 0xDF)
		c = latin1_upper[cp - 0xC0];
	else if (cp >= 0xE0 && cp <= 0xFF)
		c = latin1_lower[cp - 0xE0];
	else if (cp >= 0x100 && cp <= 0x17F)
		c = latin_ext_a[cp - 0x100];
	return c == '*' ? 0 : c;
}

char *text_fold(const char *s)
{
	struct strbuf sb;
	uint32_t cp;
	char enc[4];

	sb_init(&sb);
	sb_add(&sb, "");
	while ((cp = utf8_next(&s))) {
		char c = latin_base(cp);
		if (c) {
			sb_addc(&sb, c);
			/* ß, æ, œ, ĳ fold to two letters */
			if (cp == 0xDF)
				sb_addc(&sb, 's');
			else if (cp == 0xC6 || cp == 0xE6)
				sb_addc(&sb, 'e');
			else if (cp == 0x152 || cp == 0x153)
				sb_addc(&sb, 'e');
			else if (cp == 0x132 || cp == 0x133)
				sb_addc(&sb, 'j');
		} else {
			/* Other scripts (Cyrillic for Ukrainian residents):
			 * lower-case only. towlower is locale-aware, but the
			 * desk always runs in a UTF-8 locale. */
			uint32_t lc = cp < 0x80 ? cp : (uint32_t)towlower((wint_t)cp);
			sb_addn(&sb, enc, utf8_put(enc, lc));
		}
	}
	return sb_detach(&sb);
}

/* Polish alphabet: a ą b c ć d e ę f g h i j k l ł m n ń o ó p q r s ś t u
 * v w x y z ź ż.  Returns the rank (0..34) or -1. */
static int pl_rank(uint32_t cp)
{
	static const uint32_t extra[][2] = {
		/* code point, rank */
		{0x105, 1}, {0x104, 1},   /* ą */
		{0x107, 4}, {0x106, 4},   /* ć */
		{0x119, 7}, {0x118, 7},   /* ę */
		{0x142, 15}, {0x141, 15}, /* ł */
		{0x144, 18}, {0x143, 18}, /* ń */
		{0xF3, 20}, {0xD3, 20},   /* ó */
		{0x15B, 25}, {0x15A, 25}, /* ś */
		{0x17A, 33}, {0x179, 33}, /* ź */
		{0x17C, 34}, {0x17B, 34}, /* ż */
	};
	/* rank of each ASCII letter in the Polish alphabet */
	static const int ascii[26] = {
		/* a  b  c  d  e  f  g  h   i   j   k   l   m   n   o   p */
		0, 2, 3, 5, 6, 8, 9, 10, 11, 12, 13, 14, 16, 17, 19, 21,
		/* q  r   s   t   u   v   w   x   y   z */
		22, 23, 24, 26, 27, 28, 29, 30, 31, 32,
	};
	size_t i;
	char base;

	for (i = 0; i < ARRAY_SIZE(extra); i++)
		if (extra[i][0] == cp)
			return (int)extra[i][1];
	base = latin_base(cp);
	if (base)
		return ascii[base - 'a'];
	return -1;
}

char *text_sort_key(const char *s)
{
	struct strbuf sb;
	uint32_t cp;
	bool space = false;

	sb_init(&sb);
	sb_add(&sb, "");
	while ((cp = utf8_next(&s))) {
		int r = pl_rank(cp);
		if (r >= 0) {
			sb_addc(&sb, (char)('A' + r));
			space = false;
		} else if (cp >= '0' && cp <= '9') {
			sb_addc(&sb, (char)cp);
			space = false;
		} else if (cp == ' ' || cp == '-' || cp == '\t' || cp == '\'') {
			/* word separators weigh the same and fold together */
			if (!space && sb.len)
				sb_addc(&sb, ' ');
			space = true;
		} else if (cp < 0x80) {
			continue; /* other punctuation is ignored */
		} else {
			char enc[4];
			uint32_t lc = (uint32_t)towlower((wint_t)cp);
			sb_addc(&sb, '~');
			sb_addn(&sb, enc, utf8_put(enc, lc));
			space = false;
		}
	}
	if (space && sb.len)
		sb.buf[--sb.len] = '\0';
	return sb_detach(&sb);
}

int text_pl_cmp(const char *a, const char *b)
{
	char *ka = text_sort_key(a ? a : "");
	char *kb = text_sort_key(b ? b : "");
	int r = strcmp(ka, kb);

	if (!r)
		r = strcmp(a ? a : "", b ? b : "");
	free(ka);
	free(kb);
	return r;
}

size_t text_tokens(const char *s, char ***out, size_t max)
{
	char *folded = text_fold(s ? s : "");
	char **tokens = xcalloc(max + 1, sizeof(*tokens));
	size_t n = 0;
	char *p = folded;

	while (*p && n < max) {
		size_t len;
		while (*p && strchr(" \t\n,;-", *p))
			p++;
		len = strcspn(p, " \t\n,;-");
		if (len)
			tokens[n++] = xstrndup(p, len);
		p += len;
	}
	free(folded);
	*out = tokens;
	return n;
}

void text_tokens_free(char **tokens)
{
	size_t i;

	if (!tokens)
		return;
	for (i = 0; tokens[i]; i++)
		free(tokens[i]);
	free(tokens);
}
