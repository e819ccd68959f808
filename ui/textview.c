/* textview.c - a scrollable text, and the worklist screen. */
#include "app.h"
#include "worklist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

void ui_text_view(struct app *app, const char *title, const char *text)
{
	const char *saved_title = app->screen_title;
	unsigned saved_ctx = app->context;
	size_t top = 0;

	for (;;) {
		size_t n, i;
		char **lines = ui_wrap_lines(text, COLS - 2, &n);
		int rows = LINES - 3;
		wint_t ch;
		int r;

		app->screen_title = title;
		app->context = CTX_TEXT;
		werase(stdscr);
		ui_frame(app);
		if (top + (size_t)rows > n)
			top = n > (size_t)rows ? n - (size_t)rows : 0;
		for (i = 0; i < (size_t)rows && top + i < n; i++) {
			const char *l = lines[top + i];
			bool head = !strncmp(l, "== ", 3) || !strncmp(l, "-- ", 3);
			if (head)
				wattrset(stdscr, ui_attr(R_HEADER));
			ui_put(stdscr, 1 + (int)i, 1, l, COLS - 2, false);
			wattrset(stdscr, A_NORMAL);
		}
		ui_free_lines(lines, n);
		curs_set(0);
		r = ui_getkey(app, stdscr, &ch);
		if (r == KEY_CODE_YES && ch == KEY_RESIZE)
			continue;
		if (keys_action(CTX_TEXT, r, ch) == A_BACK)
			break;
		if (r != KEY_CODE_YES)
			continue;
		if (ch == KEY_DOWN)
			top++;
		else if (ch == KEY_UP && top)
			top--;
		else if (ch == KEY_NPAGE)
			top += (size_t)rows - 1;
		else if (ch == KEY_PPAGE)
			top = top > (size_t)rows ? top - (size_t)rows + 1 : 0;
		else if (ch == KEY_HOME)
			top = 0;
		else if (ch == KEY_END)
			top = n;        /* clamped to the last page when drawn */
	}
	app->screen_title = saved_title;
	app->context = saved_ctx;
	werase(stdscr);
}

