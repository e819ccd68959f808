/* input.c - reading a key, and ending the desk when its terminal is gone
 * (a hang-up, SIGTERM, or a terminal that reads as closed). */
#include "app.h"
#include "session.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* SIGHUP and SIGTERM only note that the desk must end; the key reader
 * does the rest outside the handler. */
static volatile sig_atomic_t end_signal;

static void on_end_signal(int sig)
{
	end_signal = sig;
}

void ui_watch_end_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_end_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

/* Whether the terminal is gone: a hang-up, an error or the end of input
 * on it (a dropped ssh session without SIGHUP reads as that). */
static bool terminal_gone(void)
{
	struct pollfd p = {STDIN_FILENO, POLLIN, 0};

	if (end_signal)
		return true;
	if (poll(&p, 1, 0) < 0)
		return errno != EINTR;
	return (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* The terminal went away: the typed text is kept as drafts, the user is
 * logged out in the audit log, and the desk ends (nothing left running). */
static _Noreturn void end_desk(struct app *app)
{
	app->ending = true;
	if (app->idle)
		app->idle(app, app->idle_ctx);
	if (app->logged_in) {
		user_logout(app->db, &app->me);
		session_end(app->db, app->session_id);
	}
	db_close(&app->db);
	_exit(end_signal == SIGTERM ? 143 : 129);
}

int ui_read_key(struct app *app, WINDOW *w, wint_t *ch, int timeout_ms)
{
	static int fast_errors;
	time_t before = time(NULL);
	int r;

	for (;;) {
		wtimeout(w, timeout_ms);
		r = wget_wch(w, ch);
		/* a read that fails at once, again and again, is a dead terminal */
		if (r == ERR && (timeout_ms < 0 || time(NULL) == before))
			fast_errors++;
		else
			fast_errors = 0;
		if (end_signal || (fast_errors >= 3 && terminal_gone()))
			end_desk(app);
		/* a paste streams in without pauses: a pause means its end marker
		 * was lost, and the keys are keys again */
		if (r == ERR && app->pasting) {
			app->pasting = false;
			*ch = KEY_PASTE_END;
			r = KEY_CODE_YES;
			break;
		}
		if (r == ERR)
			break;
		r = termkeys_after_read(w, r, ch);
		if (r == KEY_CODE_YES && *ch == KEY_PASTE_BEGIN) {
			app->pasting = true;
			continue;
		}
		/* the end of a paste is a key: a form puts the pasted text in */
		if (r == KEY_CODE_YES && *ch == KEY_PASTE_END)
			app->pasting = false;
		if (r != ERR)
			break;
		/* a sequence of no use was dropped whole: the next key */
	}
	/* still here: the "who is logged in" list hears from this desk */
	if (app->logged_in && time(NULL) - app->session_touched >= 60) {
		session_touch(app->db, app->session_id);
		app->session_touched = time(NULL);
	}
	return r;
}
