/* table.c - the table widget: a list of rows in columns with a header,
 * a selection and the keys of the current context. */
#include "app.h"

#include <stdlib.h>
#include <string.h>

int ui_table(struct app *app, const char *title, const char *intro, const int *widths,
	     const char *const *header, size_t ncols, char **cells, size_t nrows,
	     int *sel, const int *extra, size_t nextra, int *key)
{
	const char *saved_title = app->screen_title;
	unsigned saved_ctx = app->context;
	int top = 0, result = -1;

	*key = 0;
	if ((size_t)*sel >= nrows)
		*sel = nrows ? (int)nrows - 1 : 0;
	for (;;) {
		int rows = LINES - 6, y, r;
		size_t k;
		wint_t ch;
		enum action a;

		app->screen_title = title;
		app->context = CTX_LIST;
		werase(stdscr);
		ui_frame(app);
		{
			size_t nl, i;
			char **l = ui_wrap_lines(intro, COLS - 2, &nl);
			for (i = 0; i < nl && i < 2; i++)
				ui_put(stdscr, 1 + (int)i, 1, l[i], COLS - 2, false);
			ui_free_lines(l, nl);
		}
		wattrset(stdscr, ui_attr(R_HEADER));
		ui_put_row(stdscr, 3, 1, COLS - 2, widths, header, ncols);
		wattrset(stdscr, A_NORMAL);
		if (*sel < top)
			top = *sel;
		if (*sel >= top + rows)
			top = *sel - rows + 1;
		for (y = 0; y < rows && (size_t)(top + y) < nrows; y++) {
			bool s = top + y == *sel;
			wattrset(stdscr, s ? ui_attr(R_SELECTED) : A_NORMAL);
			ui_put(stdscr, 4 + y, 0, s ? ">" : " ", 1, false);
			ui_put_row(stdscr, 4 + y, 1, COLS - 2, widths,
				   (const char *const *)&cells[(size_t)(top + y) * ncols], ncols);
			wattrset(stdscr, A_NORMAL);
		}
		if (!nrows)
			ui_put(stdscr, 4, 2, _("The list is empty."), COLS - 4, false);
		curs_set(0);
		r = ui_getkey(app, stdscr, &ch);
		if (r == KEY_CODE_YES && ch == KEY_RESIZE)
			continue;
		a = keys_action(CTX_LIST, r, ch);
		if (a == A_BACK)
			break;
		if (a == A_OPEN && nrows) {
			result = *sel;
			break;
		}
		if (r != KEY_CODE_YES)
			continue;
		for (k = 0; k < nextra; k++)
			if ((int)ch == extra[k])
				*key = extra[k];
		if (*key)
			break;
		ui_list_move(ch, sel, nrows, rows);
	}
	app->screen_title = saved_title;
	app->context = saved_ctx;
	werase(stdscr);
	return result;
}

void ui_cells_free(char **cells, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(cells[i]);
	free(cells);
}
