/* draw.c - curses set-up and colour roles, text width and writing. */
#include "app.h"
#include "text.h"

#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static bool use_colour;

static void restore_terminal(void)
{
	if (!isendwin()) {
		termkeys_paste_mode(false);
		endwin();
	}
}

/* While curses runs, storage errors go to a log file (0600) beside the
 * user's other cusdesk state, never raw onto the screen. */
static char log_path[512];
static bool logged;

const char *ui_log_written(void)
{
	return logged && log_path[0] ? log_path : NULL;
}

static void log_to_file(const char *msg)
{
	char when[32];
	time_t now = time(NULL);
	int fd;

	if (!log_path[0])
		return;
	logged = true;
	fd = open(log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (fd < 0)
		return;
	strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", localtime(&now));
	dprintf(fd, "%s %s\n", when, msg);
	close(fd);
}

static void open_log(void)
{
	const char *state = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char dir[400];

	if (state && *state)
		snprintf(dir, sizeof(dir), "%s/cusdesk", state);
	else if (home && *home)
		snprintf(dir, sizeof(dir), "%s/.local/state/cusdesk", home);
	else
		return;
	if (mkdir_p(dir, 0700) == 0)
		snprintf(log_path, sizeof(log_path), "%s/cusdesk.log", dir);
	db_log_hook = log_to_file;
}

/* A save waiting for another desk's write says so on the bottom line at
 * once (no key needs to come); the next screen drawn replaces it. */
static void show_waiting(bool waiting)
{
	if (isendwin())
		return;
	attrset(ui_attr(R_STATUS));
	mvaddstr(LINES - 1, 0, waiting ? _("Another user is saving, waiting...") : "");
	clrtoeol();
	attrset(A_NORMAL);
	refresh();
}

int ui_init_curses(struct app *app)
{
	const char *nc = getenv("NO_COLOR");

	setenv("ESCDELAY", "25", 0);
	/* frames as Unicode line characters in a UTF-8 locale: PuTTY (and
	 * tmux under TERM=xterm) show VT100 line drawing as letters there */
	setenv("NCURSES_NO_UTF8_ACS", "1", 0);
	if (!initscr())
		return -1;
	cd_fatal_hook = restore_terminal;
	open_log();
	db_wait_hook = show_waiting;
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	termkeys_init();
	termkeys_paste_mode(true);
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
	db_log_hook = NULL;
	db_wait_hook = NULL;
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
