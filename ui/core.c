/* core.c - the frame and status line, key reading (resize, too small, F1,
 * the global keys, autosave), the inactivity lock. */
#include "app.h"
#include "text.h"

#include <errno.h>
#include <ncursesw/panel.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How many rows the last message took: a long one takes the row above
 * the status line too, which is cleared again when it is gone. */
static size_t status_rows;

void ui_draw_status(struct app *app)
{
	int y = LINES - 2;

	wmove(stdscr, y, 0);
	wclrtoeol(stdscr);
	while (status_rows > 1) {
		wmove(stdscr, y - (int)--status_rows, 0);
		wclrtoeol(stdscr);
	}
	/* stdscr shares its cells with the screens' windows: pushing it
	 * shows the message without disturbing them */
	wnoutrefresh(stdscr);
	if (!app->status[0])
		return;
	wattrset(stdscr, ui_attr(app->status_error ? R_ERROR : R_STATUS));
	{
		/* TRANSLATORS: marker before an error in the status line */
		char *text = xasprintf("%s%s", app->status_error ? _("Error: ") : "", app->status);
		size_t all, n, i;
		char **l = ui_wrap_lines(text, COLS - 1, &all);
		/* a message longer than the line takes the rows above too (up
		 * to two), so its end (the part that says what to do) is never cut */
		n = all > 3 ? 3 : all;
		status_rows = n;
		for (i = 0; i < n; i++) {
			int row = y - (int)(n - 1 - i);
			wmove(stdscr, row, 0);
			wclrtoeol(stdscr);
			ui_put(stdscr, row, 0, l[i], COLS, false);
		}
		ui_free_lines(l, all);
		free(text);
	}
	wattrset(stdscr, A_NORMAL);
	wnoutrefresh(stdscr);
}

void ui_status(struct app *app, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->status, sizeof(app->status), fmt, ap);
	va_end(ap);
	app->status_error = error;
	ui_draw_status(app);
	if (error)
		beep();
}

/* A failure on the status line; a storage error also says where its
 * details were logged (for the centre's IT), never raw on the screen. */
static void show_failure(struct app *app, int rc, const char *text)
{
	const char *log = rc == CD_EDB ? ui_log_written() : NULL;

	if (log)
		/* TRANSLATORS: the message, then the log file's path */
		ui_status(app, true, _("%s (details: %s)"), text, log);
	else
		ui_status(app, true, "%s", text);
}

void ui_report(struct app *app, int rc, const struct fielderr *e, const char *ok)
{
	if (rc)
		show_failure(app, rc, cd_error_text(rc, e));
	else if (ok)
		ui_status(app, false, "%s", ok);
}

bool ui_failed(struct app *app, int rc)
{
	if (rc)
		show_failure(app, rc, cd_status_text(rc));
	return rc != 0;
}

void ui_status_clear(struct app *app)
{
	app->status[0] = '\0';
	app->status_error = false;
	ui_draw_status(app);
}

void ui_frame(struct app *app)
{
	char left[400], right[300];
	char *roles;
	int rw;

	wattrset(stdscr, ui_attr(R_TITLE));
	wmove(stdscr, 0, 0);
	whline(stdscr, ' ', COLS);
	/* the screen first: the centre's name is what gets cut */
	snprintf(left, sizeof(left), " %s · %s", app->screen_title ?
		 app->screen_title : "cusdesk", app->centre);
	if (app->logged_in) {
		roles = roles_describe(app->me.roles);
		snprintf(right, sizeof(right), "%s (%s) ", app->me.full_name[0] ?
			 app->me.full_name : app->me.login, roles);
		if (ui_text_width(right) + ui_text_width(left) > COLS)
			snprintf(right, sizeof(right), "%s ", app->me.full_name[0] ?
				 app->me.full_name : app->me.login);
		free(roles);
	} else {
		right[0] = '\0';
	}
	rw = ui_text_width(right);
	if (rw > COLS / 2)
		rw = 0;
	ui_put(stdscr, 0, 0, left, COLS - rw - 1, false);
	if (rw)
		ui_put(stdscr, 0, COLS - rw, right, rw, false);
	wattrset(stdscr, A_NORMAL);
	ui_draw_status(app);
	keys_draw_hints(app->context, &app->me);
}

static bool too_small(void)
{
	return COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;
}

/* Shown, and waited out, while the terminal is below 80x24. */
static void too_small_notice(struct app *app)
{
	char line[200];
	wint_t ch;

	while (too_small()) {
		int y = LINES / 2 - 1;
		werase(stdscr);
		if (y < 0)
			y = 0;
		wattrset(stdscr, A_BOLD);
		ui_put(stdscr, y, 0, _("Terminal too small"), COLS, false);
		wattrset(stdscr, A_NORMAL);
		snprintf(line, sizeof(line), _("Need at least %dx%d, now %dx%d."),
			 UI_MIN_COLS, UI_MIN_LINES, COLS, LINES);
		if (y + 1 < LINES)
			ui_put(stdscr, y + 1, 0, line, COLS, false);
		if (y + 2 < LINES)
			ui_put(stdscr, y + 2, 0, _("Enlarge the window; nothing is lost."),
			       COLS, false);
		wrefresh(stdscr);
		if (ui_read_key(app, stdscr, &ch, 1000) != ERR)
			app->last_input = time(NULL);
	}
	app->resize_gen++;
	werase(stdscr);
}

static void handle_resize(struct app *app)
{
	app->resize_gen++;
	werase(stdscr);
	if (too_small())
		too_small_notice(app);
	wrefresh(stdscr);
}

int ui_getkey(struct app *app, WINDOW *w, wint_t *ch)
{
	int r;

	for (;;) {
		if (too_small()) {
			handle_resize(app);
			*ch = KEY_RESIZE;
			return KEY_CODE_YES;
		}
		/* the message over whatever the screen drew, so none of it is
		 * hidden; the screen's cursor stays where it was */
		if (app->status[0]) {
			int cy, cx;
			getyx(stdscr, cy, cx);
			ui_draw_status(app);
			wmove(stdscr, cy, cx);
			wnoutrefresh(stdscr);
		}
		update_panels();
		doupdate();
		r = ui_read_key(app, w, ch, 1000);
		if (r == ERR) {
			unsigned gen = app->resize_gen;
			if (app->idle)
				app->idle(app, app->idle_ctx);
			/* a second without a key: nobody waits for this desk */
			db_idle(app->db);
			if (app->logged_in && app->lock_seconds > 0 &&
			    time(NULL) - app->last_input >= app->lock_seconds) {
				ui_lock(app);
				if (gen != app->resize_gen) {
					*ch = KEY_RESIZE;
					return KEY_CODE_YES;
				}
			}
			continue;
		}
		app->last_input = time(NULL);
		if (r == KEY_CODE_YES && *ch == KEY_RESIZE) {
			handle_resize(app);
			return r;
		}
		switch (keys_action(CTX_GLOBAL, r, *ch)) {
		case A_HELP:
			keys_help(app);
			*ch = KEY_RESIZE;
			return KEY_CODE_YES;
		case A_LOCK:
			if (app->logged_in) {
				unsigned gen = app->resize_gen;
				ui_lock(app);
				if (gen != app->resize_gen) {
					*ch = KEY_RESIZE;
					return KEY_CODE_YES;
				}
				continue;
			}
			break;
		case A_NEW_REQUEST:
			if (app->logged_in && !app->in_new_request && app->on_new_request &&
			    actor_can(&app->me, PERM_REQUEST_FILE)) {
				keyctx saved_ctx = app->context;
				const char *saved_title = app->screen_title;
				app->on_new_request(app, app->current_person);
				app->context = saved_ctx;
				app->screen_title = saved_title;
				app->resize_gen++; /* the caller lays out again */
				*ch = KEY_RESIZE;
				return KEY_CODE_YES;
			}
			break;
		default:
			break;
		}
		return r;
	}
}

void ui_lock(struct app *app)
{
	WINDOW *w;
	PANEL *p;
	wchar_t buf[256];
	size_t len = 0;
	bool wrong = false;
	char pw[1024];

	buf[0] = L'\0';
	user_locked(app->db, &app->me);
	for (;;) {
		char line[300];
		int y = LINES / 2 - 3;
		wint_t ch;
		int r;
		size_t i;

		w = newwin(LINES, COLS, 0, 0);
		keypad(w, TRUE);
		p = new_panel(w);
		werase(w);
		wattrset(w, A_BOLD);
		ui_put(w, y, 4, _("Screen locked"), COLS - 8, false);
		wattrset(w, A_NORMAL);
		snprintf(line, sizeof(line), _("User: %s (%s). Your work is kept as it was."),
			 app->me.full_name, app->me.login);
		ui_put(w, y + 2, 4, line, COLS - 8, false);
		ui_put(w, y + 4, 4, _("Password:"), 20, false);
		if (wrong) {
			wattrset(w, ui_attr(R_ERROR));
			ui_put(w, y + 6, 4, _("Error: wrong password"), COLS - 8, false);
			wattrset(w, A_NORMAL);
		}
		wattrset(w, A_UNDERLINE);
		wmove(w, y + 4, 16);
		for (i = 0; i < 30; i++)
			waddch(w, ' ');
		wmove(w, y + 4, 16);
		for (i = 0; i < len && i < 29; i++)
			waddch(w, '*');
		wattrset(w, A_NORMAL);
		curs_set(1);
		update_panels();
		doupdate();
		r = ui_read_key(app, w, &ch, -1);
		del_panel(p);
		delwin(w);
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			app->resize_gen++;
			continue;
		}
		if (r == ERR)
			continue;
		if ((r == KEY_CODE_YES && ch == KEY_BACKSPACE) ||
		    (r == OK && (ch == 127 || ch == 8))) {
			if (len)
				buf[--len] = L'\0';
			continue;
		}
		if (r == OK && (ch == '\r' || ch == '\n')) {
			if (wcstombs(pw, buf, sizeof(pw)) == (size_t)-1)
				pw[0] = '\0';
			pw[sizeof(pw) - 1] = '\0';
			if (user_verify_password(app->db, &app->me, pw) == CD_OK)
				break;
			wrong = true;
			len = 0;
			buf[0] = L'\0';
			continue;
		}
		if (r == OK && ch >= 32 && ch != 127 && len + 1 < ARRAY_SIZE(buf)) {
			buf[len++] = (wchar_t)ch;
			buf[len] = L'\0';
		}
	}
	secret_clear(pw, sizeof(pw));
	app->last_input = time(NULL);
	touchwin(stdscr);
	wnoutrefresh(stdscr);
	update_panels();
	doupdate();
}
