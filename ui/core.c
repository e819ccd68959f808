/* core.c - curses set-up, the frame, key reading, dialogs, the lock. */
#include "app.h"
#include "text.h"

#include <ncursesw/panel.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool use_colour;

static void restore_terminal(void)
{
	if (!isendwin())
		endwin();
}

int ui_init_curses(struct app *app)
{
	const char *nc = getenv("NO_COLOR");

	setenv("ESCDELAY", "25", 0);
	if (!initscr())
		return -1;
	cd_fatal_hook = restore_terminal;
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	use_colour = !app->mono && !(nc && *nc) && has_colors();
	if (use_colour) {
		start_color();
		use_default_colors();
		init_pair(1, COLOR_WHITE, COLOR_BLUE);   /* title, hints */
		init_pair(2, COLOR_RED, -1);             /* errors */
		init_pair(3, COLOR_CYAN, -1);            /* labels */
		init_pair(4, COLOR_BLACK, COLOR_CYAN);   /* active field, selection */
		init_pair(5, COLOR_WHITE, COLOR_RED);    /* invalid field */
		init_pair(6, COLOR_YELLOW, -1);          /* headers, required */
		init_pair(7, COLOR_BLACK, COLOR_WHITE);  /* dialogs */
		init_pair(8, COLOR_GREEN, -1);           /* status */
	}
	return 0;
}

void ui_end_curses(void)
{
	restore_terminal();
	cd_fatal_hook = NULL;
}

attr_t ui_attr(enum role_attr r)
{
	/* monochrome: reverse, bold and underline carry the roles; errors
	 * also get a text marker where they are shown */
	static const attr_t mono[R__COUNT] = {
		[R_NORMAL] = A_NORMAL,
		[R_TITLE] = A_REVERSE,
		[R_HINT] = A_NORMAL,
		[R_HINT_KEY] = A_REVERSE,
		[R_STATUS] = A_BOLD,
		[R_ERROR] = A_BOLD,
		[R_LABEL] = A_NORMAL,
		[R_REQUIRED] = A_BOLD,
		[R_FIELD] = A_UNDERLINE,
		[R_FIELD_ACTIVE] = A_REVERSE,
		[R_FIELD_INVALID] = A_BOLD | A_UNDERLINE,
		[R_SELECTED] = A_REVERSE,
		[R_HEADER] = A_BOLD,
		[R_DIALOG] = A_NORMAL,
	};
	static const attr_t colour[R__COUNT] = {
		[R_NORMAL] = A_NORMAL,
		[R_TITLE] = A_BOLD,
		[R_HINT] = A_NORMAL,
		[R_HINT_KEY] = A_BOLD,
		[R_STATUS] = A_NORMAL,
		[R_ERROR] = A_BOLD,
		[R_LABEL] = A_NORMAL,
		[R_REQUIRED] = A_BOLD,
		[R_FIELD] = A_UNDERLINE,
		[R_FIELD_ACTIVE] = A_NORMAL,
		[R_FIELD_INVALID] = A_BOLD,
		[R_SELECTED] = A_NORMAL,
		[R_HEADER] = A_BOLD,
		[R_DIALOG] = A_NORMAL,
	};
	static const short pair[R__COUNT] = {
		[R_TITLE] = 1, [R_HINT] = 0, [R_HINT_KEY] = 1, [R_STATUS] = 8,
		[R_ERROR] = 2, [R_LABEL] = 3, [R_REQUIRED] = 6, [R_FIELD_ACTIVE] = 4,
		[R_FIELD_INVALID] = 5, [R_SELECTED] = 4, [R_HEADER] = 6,
		[R_DIALOG] = 7,
	};

	if (!use_colour)
		return mono[r];
	return colour[r] | (pair[r] ? COLOR_PAIR(pair[r]) : 0);
}

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

int ui_put(WINDOW *w, int y, int x, const char *s, int width, bool pad)
{
	mbstate_t st;
	wchar_t wc;
	size_t n;
	int used = 0;

	if (width <= 0)
		return 0;
	wmove(w, y, x);
	memset(&st, 0, sizeof(st));
	while (s && *s && (n = mbrtowc(&wc, s, MB_CUR_MAX, &st)) != 0) {
		int cw;
		if (n == (size_t)-1 || n == (size_t)-2) {
			wc = L'?';
			n = 1;
			memset(&st, 0, sizeof(st));
		}
		if (wc == L'\n' || wc == L'\t')
			wc = L' ';
		cw = wcwidth(wc);
		if (cw < 0)
			cw = 1, wc = L'?';
		if (used + cw > width)
			break;
		waddnwstr(w, &wc, 1);
		used += cw;
		s += n;
	}
	while (pad && used < width) {
		waddch(w, ' ');
		used++;
	}
	return used;
}

void ui_put_row(WINDOW *w, int y, int x, int maxw, const int *widths,
		const char *const *cells, size_t n)
{
	int end = x + maxw;
	size_t i;

	for (i = 0; i < n && x < end; i++) {
		int cw = widths[i] > 0 && x + widths[i] < end ? widths[i] : end - x;
		x += ui_put(w, y, x, cells[i], cw, true);
		if (i + 1 < n && x < end)
			x += ui_put(w, y, x, " ", 1, false);
	}
}

int ui_content_top(void)
{
	return 1;
}

int ui_content_height(void)
{
	return LINES - 3;
}

void ui_draw_status(struct app *app)
{
	int y = LINES - 2;

	wmove(stdscr, y, 0);
	wclrtoeol(stdscr);
	/* stdscr shares its cells with the screens' windows: pushing it
	 * shows the message without disturbing them */
	wnoutrefresh(stdscr);
	if (!app->status[0])
		return;
	wattrset(stdscr, ui_attr(app->status_error ? R_ERROR : R_STATUS));
	if (app->status_error) {
		/* TRANSLATORS: marker before an error in the status line */
		int used = ui_put(stdscr, y, 0, _("Error: "), COLS, false);
		ui_put(stdscr, y, used, app->status, COLS - used, false);
	} else {
		ui_put(stdscr, y, 0, app->status, COLS, false);
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

void ui_report(struct app *app, int rc, const struct fielderr *e, const char *ok)
{
	if (rc)
		ui_status(app, true, "%s", cd_error_text(rc, e));
	else if (ok)
		ui_status(app, false, "%s", ok);
}

bool ui_failed(struct app *app, int rc)
{
	if (rc)
		ui_status(app, true, "%s", cd_status_text(rc));
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
		wtimeout(stdscr, 1000);
		if (wget_wch(stdscr, &ch) != ERR)
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
		update_panels();
		doupdate();
		wtimeout(w, 1000);
		r = wget_wch(w, ch);
		if (r == ERR) {
			unsigned gen = app->resize_gen;
			if (app->idle)
				app->idle(app, app->idle_ctx);
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
			if (app->logged_in && !app->in_new_request &&
			    actor_can(&app->me, PERM_REQUEST_FILE)) {
				unsigned saved_ctx = app->context;
				const char *saved_title = app->screen_title;
				ui_new_request(app, app->current_person);
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

/* ---- dialogs ---- */

struct dialog {
	WINDOW *win;
	PANEL *panel;
	int h, w;
};

static void dialog_open(struct dialog *d, int h, int w, const char *title)
{
	if (w > COLS - 2)
		w = COLS - 2;
	if (h > LINES - 2)
		h = LINES - 2;
	d->h = h;
	d->w = w;
	d->win = newwin(h, w, (LINES - h) / 2, (COLS - w) / 2);
	keypad(d->win, TRUE);
	d->panel = new_panel(d->win);
	wbkgd(d->win, ui_attr(R_DIALOG));
	werase(d->win);
	box(d->win, 0, 0);
	if (title) {
		wattron(d->win, A_BOLD);
		mvwaddstr(d->win, 0, 2, " ");
		ui_put(d->win, 0, 3, title, w - 6, false);
		waddstr(d->win, " ");
		wattroff(d->win, A_BOLD);
	}
}

static void dialog_close(struct dialog *d)
{
	del_panel(d->panel);
	delwin(d->win);
	touchwin(stdscr);
	wnoutrefresh(stdscr);
	update_panels();
	doupdate();
}

/* Word-wraps text into the dialog from row y; returns the next row. */
static int dialog_text(struct dialog *d, int y, const char *text)
{
	char *copy = xstrdup(text), *rest = copy, *line;
	int width = d->w - 4;

	/* strsep keeps empty lines (paragraph breaks) */
	while ((line = strsep(&rest, "\n")) && y < d->h - 1) {
		const char *p = line;
		if (!*p)
			y++;
		while (*p && y < d->h - 1) {
			/* take as many words as fit */
			const char *end = p, *last_break = NULL;
			char *chunk;
			for (;;) {
				const char *next = end;
				char *tmp;
				while (*next == ' ')
					next++;
				while (*next && *next != ' ')
					next++;
				tmp = xstrndup(p, (size_t)(next - p));
				if (ui_text_width(tmp) > width) {
					free(tmp);
					break;
				}
				free(tmp);
				last_break = next;
				end = next;
				if (!*next)
					break;
			}
			if (!last_break) /* one long word: cut it */
				last_break = p + strlen(p);
			chunk = xstrndup(p, (size_t)(last_break - p));
			ui_put(d->win, y++, 2, chunk, width, false);
			free(chunk);
			p = last_break;
			while (*p == ' ')
				p++;
		}
	}
	free(copy);
	return y;
}

static int text_lines(const char *text, int width)
{
	int lines = 0, w = 0;
	const char *p;

	/* a generous estimate: every line plus wrapped overflow */
	for (p = text; ; p++) {
		if (*p == '\n' || !*p) {
			lines += 1 + w / (width > 0 ? width : 1);
			w = 0;
			if (!*p)
				break;
		} else if (((unsigned char)*p & 0xC0) != 0x80) {
			w++;
		}
	}
	return lines;
}

wint_t ui_ask(struct app *app, const char *title, const char *text,
	      const char *allowed)
{
	struct dialog d;
	unsigned gen = app->resize_gen;
	wint_t ch;
	int r;

	for (;;) {
		int w = COLS - 10 < 70 ? COLS - 10 : 70;
		dialog_open(&d, text_lines(text, w - 4) + 3, w, title);
		dialog_text(&d, 1, text);
		curs_set(0);
		r = ui_getkey(app, d.win, &ch);
		dialog_close(&d);
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			gen = app->resize_gen;
			continue;
		}
		(void)gen;
		if (r == OK && ch == 27)
			return 0;
		if (r == OK && ch < 128) {
			wint_t lc = (ch >= 'A' && ch <= 'Z') ? ch + 32 : ch;
			if (strchr(allowed, (int)lc))
				return lc;
			/* Polish answers: t(ak)/n(ie) also accepted as y/n */
			if (lc == 'y' && strchr(allowed, 't'))
				return 't';
		}
		if (r == OK && (ch == '\r' || ch == '\n') && strchr(allowed, '\n'))
			return '\n';
	}
}

bool ui_confirm(struct app *app, const char *question)
{
	char *text = xasprintf("%s\n\n%s", question, _("[T] yes   [N] no"));
	wint_t r = ui_ask(app, _("Confirm"), text, "tn");
	free(text);
	return r == 't';
}

void ui_message(struct app *app, const char *title, const char *text)
{
	char *full = xasprintf("%s\n\n%s", text, _("Press Enter."));
	ui_ask(app, title, full, "\n ");
	free(full);
}

/* The first label (from start, wrapping) whose folded text begins with
 * the folded typed text, else the first that contains it; -1 if none. */
static int choose_find(const char *const *labels, size_t n, int start, const char *typed)
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

bool ui_list_move(wint_t ch, int *sel, size_t n, int rows)
{
	int last = n ? (int)n - 1 : 0;

	if (rows < 1)
		rows = 1;
	switch (ch) {
	case KEY_UP:
		*sel = *sel > 0 ? *sel - 1 : 0;
		return true;
	case KEY_DOWN:
		*sel = *sel < last ? *sel + 1 : last;
		return true;
	case KEY_PPAGE:
		*sel = *sel > rows ? *sel - rows : 0;
		return true;
	case KEY_NPAGE:
		*sel = *sel + rows < last ? *sel + rows : last;
		return true;
	case KEY_HOME:
		*sel = 0;
		return true;
	case KEY_END:
		*sel = last;
		return true;
	default:
		return false;
	}
}

/* Drops the last UTF-8 character of the type-ahead text. */
static void choose_backspace(char *typed)
{
	size_t len = strlen(typed);

	while (len > 0 && ((unsigned char)typed[len - 1] & 0xC0) == 0x80)
		len--;
	if (len > 0)
		len--;
	typed[len] = '\0';
}

int ui_choose(struct app *app, const char *title, const char *const *labels,
	      size_t n, int current)
{
	struct dialog d;
	int sel = current >= 0 && (size_t)current < n ? current : 0, top = 0;
	char typed[64] = "";
	wint_t ch;

	if (!n)
		return -1;
	for (;;) {
		int w = 20, h, rows, i, r;
		size_t k;
		for (k = 0; k < n; k++)
			if (ui_text_width(labels[k]) + 6 > w)
				w = ui_text_width(labels[k]) + 6;
		if (w < ui_text_width(title) + 8)
			w = ui_text_width(title) + 8;
		h = (int)n + 2;
		dialog_open(&d, h, w, title);
		rows = d.h - 2;
		if (sel < top)
			top = sel;
		if (sel >= top + rows)
			top = sel - rows + 1;
		for (i = 0; i < rows && (size_t)(top + i) < n; i++) {
			wattrset(d.win, top + i == sel ? ui_attr(R_SELECTED) : ui_attr(R_DIALOG));
			ui_put(d.win, 1 + i, 1, top + i == sel ? "> " : "  ", 2, false);
			ui_put(d.win, 1 + i, 3, labels[top + i], d.w - 4, true);
		}
		wattrset(d.win, ui_attr(R_DIALOG));
		if (typed[0]) {
			char shown[96];
			snprintf(shown, sizeof(shown), " %s: %s ", _("find"), typed);
			ui_put(d.win, d.h - 1, 2, shown, d.w - 4, false);
		} else if ((size_t)rows < n)
			ui_put(d.win, d.h - 1, 2, _(" type to find "), d.w - 4, false);
		wattrset(d.win, A_NORMAL);
		curs_set(0);
		r = ui_getkey(app, d.win, &ch);
		dialog_close(&d);
		if (r == KEY_CODE_YES && ch == KEY_BACKSPACE) {
			choose_backspace(typed);
		} else if (r == KEY_CODE_YES) {
			typed[0] = '\0';
			if (!ui_list_move(ch, &sel, n, rows) && ch == KEY_ENTER)
				return sel;
		} else if (r == OK) {
			if (ch == '\r' || ch == '\n')
				return sel;
			if (ch == 27)
				return -1;
			if (ch == 127 || ch == 8) {
				choose_backspace(typed);
			} else if (ch >= 32) {
				char u[8];
				size_t ul = utf8_put(u, (uint32_t)ch), len = strlen(typed);
				if (len + ul < sizeof(typed)) {
					int at;
					memcpy(typed + len, u, ul);
					typed[len + ul] = '\0';
					/* one letter steps to the next match; more refine */
					at = choose_find(labels, n,
							 typed[ul] ? sel : (sel + 1) % (int)n, typed);
					if (at >= 0)
						sel = at;
				}
			}
		}
	}
}

static bool prompt(struct app *app, const char *title, const char *label,
		   bool secret, bool prefill, char *out, size_t size);

/* A one-line text entry inside a dialog; secret shows stars. */
bool ui_prompt(struct app *app, const char *title, const char *label,
	       bool secret, char *out, size_t size)
{
	return prompt(app, title, label, secret, false, out, size);
}

/* The same, starting from the text already in out (e.g. a known value). */
bool ui_prompt_value(struct app *app, const char *title, const char *label,
		     char *out, size_t size)
{
	return prompt(app, title, label, false, true, out, size);
}

static bool prompt(struct app *app, const char *title, const char *label,
		   bool secret, bool prefill, char *out, size_t size)
{
	struct dialog d;
	wchar_t buf[256];
	size_t len = 0;
	wint_t ch;
	int r;

	buf[0] = L'\0';
	if (prefill && out[0]) {
		size_t m = mbstowcs(buf, out, ARRAY_SIZE(buf) - 1);
		len = m == (size_t)-1 ? 0 : m;
		buf[len] = L'\0';
	}
	for (;;) {
		int lw = ui_text_width(label), fx, fw;
		size_t i;
		dialog_open(&d, 5, 60, title);
		ui_put(d.win, 2, 2, label, d.w - 4, false);
		fx = 3 + lw;
		fw = d.w - fx - 2;
		wattrset(d.win, ui_attr(R_FIELD_ACTIVE) | A_UNDERLINE);
		wmove(d.win, 2, fx);
		for (i = 0; i < (size_t)fw; i++)
			waddch(d.win, ' ');
		wmove(d.win, 2, fx);
		for (i = len > (size_t)fw - 1 ? len - (size_t)fw + 1 : 0; i < len; i++) {
			wchar_t c = secret ? L'*' : buf[i];
			waddnwstr(d.win, &c, 1);
		}
		wattrset(d.win, A_NORMAL);
		curs_set(1);
		r = ui_getkey(app, d.win, &ch);
		dialog_close(&d);
		if (r == KEY_CODE_YES) {
			if ((ch == KEY_BACKSPACE || ch == KEY_DC) && len)
				buf[--len] = L'\0';
			else if (ch == KEY_ENTER)
				break;
			continue;
		}
		if (ch == 27) {
			curs_set(0);
			return false;
		}
		if (ch == '\r' || ch == '\n')
			break;
		if ((ch == 127 || ch == 8) && len) {
			buf[--len] = L'\0';
			continue;
		}
		if (ch >= 32 && ch != 127 && len + 1 < ARRAY_SIZE(buf)) {
			buf[len++] = (wchar_t)ch;
			buf[len] = L'\0';
		}
	}
	curs_set(0);
	if (wcstombs(out, buf, size) == (size_t)-1)
		out[0] = '\0';
	out[size - 1] = '\0';
	return true;
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
	audit_add(app->db, app->me.user_id, "lock", "app_user", app->me.user_id, "");
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
		wtimeout(w, -1);
		r = wget_wch(w, &ch);
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
	memset(pw, 0, sizeof(pw));
	app->last_input = time(NULL);
	touchwin(stdscr);
	wnoutrefresh(stdscr);
	update_panels();
	doupdate();
}
