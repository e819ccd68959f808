/* textlayout.c - the pure text layout of the desk: display widths, word
 * wrapping, the rows of a multi-line field, type-ahead matching.  No
 * curses here (make layering checks it), so the unit tests run it. */
#include "textlayout.h"
#include "text.h"
#include "util.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

int ui_text_width(const char *s)
{
	mbstate_t st;
	wchar_t wc;
	size_t n;
	int w = 0;

	memset(&st, 0, sizeof(st));
	while (*s && (n = mbrtowc(&wc, s, MB_CUR_MAX, &st)) != 0) {
		if (n == (size_t)-1 || n == (size_t)-2) {
			s++;
			w++;
			memset(&st, 0, sizeof(st));
			continue;
		}
		w += wcwidth(wc) > 0 ? wcwidth(wc) : 0;
		s += n;
	}
	return w;
}

char **ui_wrap_lines(const char *text, int width, size_t *n)
{
	char **out = NULL;
	char *copy = xstrdup(text), *rest = copy, *line;

	*n = 0;
	while ((line = strsep(&rest, "\n"))) {
		do {
			const char *p = line, *cut = NULL;
			int w = 0;
			mbstate_t st;
			wchar_t wc;
			size_t len;
			memset(&st, 0, sizeof(st));
			while (*p && (len = mbrtowc(&wc, p, MB_CUR_MAX, &st)) != 0 &&
			       len != (size_t)-1 && len != (size_t)-2) {
				int cw = wcwidth(wc) > 0 ? wcwidth(wc) : 1;
				if (w + cw > width)
					break;
				if (wc == L' ')
					cut = p;
				w += cw;
				p += len;
			}
			if (!*p || !cut || (size_t)(cut - line) < 1)
				cut = p;
			out = xrealloc(out, (*n + 1) * sizeof(char *));
			out[(*n)++] = xstrndup(line, (size_t)(cut - line));
			line = (char *)cut;
			while (*line == ' ' && cut != p)
				line++;
			if (!*p)
				break;
		} while (*line);
	}
	free(copy);
	return out;
}

void ui_free_lines(char **l, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(l[i]);
	free(l);
}

/* Display width of the first n bytes of s. */
static int width_of(const char *s, size_t n)
{
	char *part = xstrndup(s, n);
	int w = ui_text_width(part);

	free(part);
	return w;
}

/* A long text with line breaks, as a multi-line field shows it: words
 * wrapped at the field's width, and each line break padded to the end of
 * its row so that it survives on screen. */
char *text_multi_display(const char *text, int width)
{
	struct strbuf sb;
	char *copy = xstrdup(text ? text : ""), *rest = copy, *line;
	bool first = true, prev_empty = false;
	int col = 0;

	sb_init(&sb);
	sb_add(&sb, "");
	while ((line = strsep(&rest, "\n"))) {
		const char *p = line;
		if (!first && width > 0) {
			/* the break: the rest of the row blank (a whole row
			 * after an empty line) */
			if (col == 0 && prev_empty)
				col = -width;
			for (; col != 0 && col < width; col++)
				sb_addc(&sb, ' ');
		}
		col = 0;
		first = false;
		prev_empty = !*line;
		while (*p) {
			size_t sp = strspn(p, " "), wl = strcspn(p + sp, " ");
			int ws = width_of(p, sp), ww = width_of(p + sp, wl);
			/* a row just filled: the next one starts with the word */
			if (width > 0 && col == 0 && p != line) {
				p += sp;
				sp = 0;
				ws = 0;
			}
			/* a word that does not fit starts the next row */
			if (width > 0 && col > 0 && col + ws + ww > width && ww <= width) {
				for (; col < width; col++)
					sb_addc(&sb, ' ');
				col = 0;
				p += sp;
				sp = 0;
				ws = 0;
			}
			sb_addn(&sb, p, sp + wl);
			col += ws + ww;
			if (width > 0)
				col %= width;
			p += sp + wl;
		}
	}
	free(copy);
	return sb_detach(&sb);
}

/* The text of a multi-line field's buffer (rows of width columns): a row
 * whose blank end could have held the next row's first word ends with a
 * line break the user typed; otherwise the rows were wrapped. */
char *text_multi_text(const char *buf, int width)
{
	struct strbuf sb;
	char **rows = NULL;
	size_t n = 0, i;
	const char *p = buf;

	/* cut the buffer into rows of `width` columns */
	while (*p) {
		const char *start = p;
		int w = 0;
		mbstate_t st;
		memset(&st, 0, sizeof(st));
		while (*p && w < width) {
			wchar_t wc;
			size_t len = mbrtowc(&wc, p, MB_CUR_MAX, &st);
			int cw;
			if (len == (size_t)-1 || len == (size_t)-2 || len == 0) {
				len = 1;
				memset(&st, 0, sizeof(st));
				cw = 1;
			} else {
				cw = wcwidth(wc) > 0 ? wcwidth(wc) : 1;
			}
			w += cw;
			p += len;
		}
		rows = xrealloc(rows, (n + 1) * sizeof(char *));
		rows[n++] = xstrndup(start, (size_t)(p - start));
	}
	for (i = 0; i < n; i++) {
		size_t len = strlen(rows[i]);
		while (len > 0 && rows[i][len - 1] == ' ')
			rows[i][--len] = '\0';
	}
	while (n > 0 && !rows[n - 1][0])
		free(rows[--n]);
	sb_init(&sb);
	sb_add(&sb, "");
	for (i = 0; i < n; i++) {
		sb_add(&sb, rows[i]);
		if (i + 1 < n) {
			const char *next = rows[i + 1];
			int room = width - ui_text_width(rows[i]);
			int first = width_of(next, strcspn(next, " "));
			if (!rows[i][0] || !next[0] || first + 1 <= room)
				sb_addc(&sb, '\n');
			else
				sb_addc(&sb, ' ');
		}
	}
	for (i = 0; i < n; i++)
		free(rows[i]);
	free(rows);
	return sb_detach(&sb);
}

/* The first label (from start, wrapping) whose folded text begins with
 * the folded typed text, else the first that contains it; -1 if none. */
int ui_choose_find(const char *const *labels, size_t n, int start, const char *typed)
{
	char *want = text_fold(typed);
	int found = -1, pass;
	size_t k;

	if (!want)
		return -1;
	for (pass = 0; pass < 2 && found < 0; pass++)
		for (k = 0; k < n && found < 0; k++) {
			int i = (int)((start + k) % n);
			char *f = text_fold(labels[i]);
			if (f && (pass == 0 ? !strncmp(f, want, strlen(want)) : !!strstr(f, want)))
				found = i;
			free(f);
		}
	free(want);
	return found;
}
