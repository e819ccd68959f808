/* textview.c - a scrollable text, and the worklist screen. */
#include "app.h"
#include "worklist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ui_text_view(struct app *app, const char *title, const char *text)
{
	const char *saved_title = app->screen_title;
	keyctx saved_ctx = app->context;
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
		if (r == KEY_CODE_YES)
			ui_list_scroll(ch, &top, n, rows);
	}
	app->screen_title = saved_title;
	app->context = saved_ctx;
	werase(stdscr);
}

