/* worklist.c - "Na dziś": what is due today for the user, overdue first;
 * Enter opens the case or the screen the item belongs to. */
#include "app.h"
#include "worklist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ui_worklist(struct app *app)
{
	const char *saved_title = app->screen_title;
	unsigned saved_ctx = app->context;
	struct wl_item *w = NULL;
	size_t n = 0;
	int sel = 0, top = 0;
	bool reload = true;

	for (;;) {
		struct date today;
		int rows = LINES - 6, y, r;
		char line[400];
		wint_t ch;
		enum action a;

		if (reload) {
			free(w);
			date_today(&today);
			if (ui_failed(app, worklist(app->db, &app->me, &today, &w, &n))) {
				break;
			}
			if ((size_t)sel >= n)
				sel = n ? (int)n - 1 : 0;
			reload = false;
		}
		app->screen_title = _("for today");
		app->context = CTX_WORKLIST;
		werase(stdscr);
		ui_frame(app);
		snprintf(line, sizeof(line), P_("%zu thing to do, the most urgent first.",
						"%zu things to do, the most urgent first.", n), n);
		ui_put(stdscr, 1, 1, line, COLS - 2, false);
		wattrset(stdscr, ui_attr(R_HEADER));
		{
			/* the days column is right-aligned like its numbers */
			static const int wd[] = {10, 6, 22, 19, 0};
			char days[32];
			const char *h[] = {_("Due"), days, _("What"), _("Case ref."), _("Person")};
			snprintf(days, sizeof(days), "%*s", 5 - ui_text_width(_("Days")) +
				 (int)strlen(_("Days")), _("Days"));
			ui_put_row(stdscr, 3, 2, COLS - 3, wd, h, 5);
		}
		wattrset(stdscr, A_NORMAL);
		if (sel < top)
			top = sel;
		if (sel >= top + rows)
			top = sel - rows + 1;
		for (y = 0; y < rows && (size_t)(top + y) < n; y++) {
			const struct wl_item *it = &w[top + y];
			bool s = top + y == sel, overdue = it->days_left < 0;
			int x = 0;
			char days[16];
			/* "!" marks overdue, so it shows on a monochrome screen */
			wattrset(stdscr, s ? ui_attr(R_SELECTED) : overdue ? ui_attr(R_ERROR) : A_NORMAL);
			x += ui_put(stdscr, 4 + y, x, s ? ">" : " ", 1, false);
			x += ui_put(stdscr, 4 + y, x, overdue ? "!" : " ", 1, false);
			x += ui_put(stdscr, 4 + y, x, it->due, 10, true) + 1;
			snprintf(days, sizeof(days), "%5ld", it->days_left);
			x += ui_put(stdscr, 4 + y, x, days, 5, true) + 2;
			x += ui_put(stdscr, 4 + y, x, wl_kind_label(it->kind), 22, true) + 1;
			x += ui_put(stdscr, 4 + y, x, it->case_ref, 19, true) + 1;
			ui_put(stdscr, 4 + y, x, it->person, COLS - x - 1, true);
			wattrset(stdscr, A_NORMAL);
		}
		if (!n)
			ui_put(stdscr, 4, 2, _("Nothing due. Esc opens the menu."), COLS - 4, false);
		else if (w[sel].detail[0])
			ui_put(stdscr, LINES - 3, 1, w[sel].detail, COLS - 2, true);
		curs_set(0);
		r = ui_getkey(app, stdscr, &ch);
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			reload = true;
			continue;
		}
		a = keys_action(CTX_WORKLIST, r, ch);
		if (a == A_BACK)
			break;
		if (a == A_OPEN && n && w[sel].kind == WL_MEETING) {
			ui_meetings(app);
			reload = true;
		} else if (a == A_OPEN && n && w[sel].kind == WL_SUMMARY) {
			ui_summaries(app);
			reload = true;
		} else if (a == A_OPEN && n) {
			ui_case(app, w[sel].request_id);
			reload = true;
		} else if (r == KEY_CODE_YES) {
			ui_list_move(ch, &sel, n, rows);
		}
	}
	free(w);
	app->screen_title = saved_title;
	app->context = saved_ctx;
	werase(stdscr);
}
