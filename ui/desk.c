/* desk.c - ui_run: open the database, log in, the main menu, log out. */
#include "app.h"
#include "form.h"
#include "ui.h"
#include "assessment.h"
#include "draft.h"
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int ui_run(const char *db_path, bool mono)
{
	struct app app;
	char *err = NULL, *centre;

	memset(&app, 0, sizeof(app));
	app.mono = mono;
	app.on_new_request = ui_new_request;
	if (db_open(db_path, DB_OPEN_EXISTING, &app.db, &err)) {
		fprintf(stderr, "cusdesk: %s\n", err);
		free(err);
		return 1;
	}
	centre = setting_get(app.db, "centre_name", "CUS");
	str_copy(app.centre, sizeof(app.centre), centre);
	free(centre);
	app.lock_seconds = setting_get_int(app.db, "lock_minutes", 10) * 60;
	/* tests shorten the lock time (db_open refused it on a real database) */
	if (db_is_test(app.db) && getenv("CUSDESK_LOCK_SECONDS"))
		app.lock_seconds = atoi(getenv("CUSDESK_LOCK_SECONDS"));
	ui_watch_end_signals();
	if (ui_init_curses(&app)) {
		fprintf(stderr, "cusdesk: %s\n", _("cannot start the terminal interface"));
		db_close(&app.db);
		return 1;
	}
	while (!app.quit) {
		if (!ui_login(&app))
			break;
		/* coordinators and approvers start with what is due today,
		 * after the text they left unsaved last time, if any */
		if (actor_can(&app.me, PERM_CASE_CONTENT)) {
			ui_unsaved_text(&app);
			ui_worklist(&app);
		}
		ui_main_menu(&app);
		if (app.logged_in) {
			user_logout(app.db, &app.me);
			session_end(app.db, app.session_id);
		}
		app.logged_in = false;
		memset(&app.me, 0, sizeof(app.me));
		ui_status_clear(&app);
	}
	ui_end_curses();
	db_close(&app.db);
	return 0;
}

/* ---- login ---- */

enum { LOGIN_F_USER = 1, LOGIN_F_PASS = 2 };

/* What the login form edits (the password is cleared after use). */
struct login_input {
	char login[33];
	char pass[257];
};

static const struct fdef login_form[] = {
	{0, N_("Log in"), FF_HEADER, 0, FC_LEFT, 0, 0, false, 0},
	{LOGIN_F_USER, N_("Login"), FF_TEXT, 2, FC_LEFT, 20, 0, true, 0, NULL,
	 FB(struct login_input, login, FB_TEXT)},
	{LOGIN_F_PASS, N_("Password"), FF_PASSWORD, 3, FC_LEFT, 20, 0, true, 0, NULL,
	 FB(struct login_input, pass, FB_TEXT)},
};

static void login_extras(struct app *app, struct form_screen *fs)
{
	wattrset(stdscr, A_BOLD);
	ui_put(stdscr, 3, 2, _("cusdesk: the social services desk"), COLS - 4, false);
	/* test switches act on this one: nobody should take it for the real */
	if (db_is_test(app->db))
		ui_put(stdscr, 1, 2, _("TEST OR DEMO DATABASE: do not enter real persons' data"),
		       COLS - 4, false);
	wattrset(stdscr, A_NORMAL);
	{
		size_t n, i;
		char **l = ui_wrap_lines(_("Log in with your account. Enter moves to the next "
					   "field, F2 or Enter on the password logs in, Esc quits."),
					 COLS - 4, &n);
		for (i = 0; i < n && i < 2; i++)
			ui_put(stdscr, 4 + (int)i, 2, l[i], COLS - 4, false);
		ui_free_lines(l, n);
	}
	wnoutrefresh(stdscr);
}

/* Checks the login; true when logged in, else the message is shown. */
static bool login_try(struct app *app, struct uform *uf, int *failures)
{
	struct login_input in;
	struct fielderr e;
	bool ok;
	int rc;

	memset(&in, 0, sizeof(in));
	if (uform_store(uf, &in, &e)) {
		ui_status(app, true, "%s", e.msg);
		return false;
	}
	if (!in.login[0]) {
		ui_status(app, true, "%s", _("Login: required"));
		uform_focus(uf, LOGIN_F_USER);
		return false;
	}
	rc = user_login(app->db, in.login, in.pass, &app->me);
	ok = rc == CD_OK;
	secret_clear(in.pass, sizeof(in.pass));
	if (rc == CD_ELOCKED) {
		uform_set(uf, LOGIN_F_PASS, "");
		ui_status(app, true, _("The account is locked after too many failed logins, until "
				       "%.16s; the administrator can unlock it."), app->me.locked_until);
		return false;
	}
	if (ok) {
		app->logged_in = true;
		session_begin(app->db, &app->me, &app->session_id);
		app->session_touched = time(NULL);
		app->last_input = time(NULL);
		ui_status(app, false, _("Welcome, %s."), app->me.full_name);
		return true;
	}
	(*failures)++;
	uform_set(uf, LOGIN_F_PASS, "");
	uform_focus(uf, LOGIN_F_PASS);
	ui_status(app, true, "%s", _("wrong login or password, or the account is disabled"));
	if (*failures >= 3)
		napms(1000 * (*failures - 2)); /* slow down guessing */
	return false;
}

bool ui_login(struct app *app)
{
	struct form_screen fs;
	bool ok = false;
	int failures = 0;
	enum action a;

	memset(&fs, 0, sizeof(fs));
	fs.uf = uform_new(login_form, ARRAY_SIZE(login_form));
	fs.title = _("log in");
	fs.ctx = CTX_FORM;
	fs.top = 6;
	fs.gen = app->resize_gen - 1;
	fs.extras = login_extras;
	fs.enter_saves_on = LOGIN_F_PASS;
	while ((a = form_screen_turn(app, &fs)) != A_BACK)
		if (a == A_SAVE && (ok = login_try(app, fs.uf, &failures)))
			break;
	if (a == A_BACK)
		app->quit = true;
	uform_free(&fs.uf);
	werase(stdscr);
	return ok;
}

/* ---- main menu ---- */

/* What a menu entry opens; false: leave the menu (log out or quit). */
typedef bool menu_fn(struct app *app);

static bool m_worklist(struct app *app) { ui_worklist(app); return true; }
static bool m_search(struct app *app) { ui_search(app, false, NULL); return true; }
static bool m_new_request(struct app *app) { ui_new_request(app, 0); return true; }
static bool m_requests(struct app *app) { ui_requests(app, 0); return true; }
static bool m_new_person(struct app *app) { ui_person_card(app, 0); return true; }
static bool m_unmet(struct app *app) { ui_unmet_needs(app); return true; }
static bool m_waiting(struct app *app) { ui_waiting_list(app); return true; }
static bool m_authorise(struct app *app) { ui_authorisations(app); return true; }
static bool m_meetings(struct app *app) { ui_meetings(app); return true; }
static bool m_summaries(struct app *app) { ui_summaries(app); return true; }
static bool m_caseload(struct app *app) { ui_caseload(app); return true; }
static bool m_reports(struct app *app) { ui_reports(app); return true; }
static bool m_groups(struct app *app) { ui_groups(app); return true; }
static bool m_export(struct app *app) { ui_export(app); return true; }
static bool m_users(struct app *app) { ui_users(app); return true; }
static bool m_sessions(struct app *app) { ui_sessions(app); return true; }
static bool m_audit(struct app *app) { ui_audit(app); return true; }
static bool m_password(struct app *app) { ui_change_password(app); return true; }
static bool m_lock(struct app *app) { ui_lock(app); return true; }
static bool m_logout(struct app *app) { return false; }

static bool m_offer(struct app *app)
{
	/* the organiser keeps the offer; everyone else reads it */
	if (actor_can(&app->me, PERM_OFFER_EDIT))
		ui_offer_edit(app);
	else
		ui_offer(app);
	return true;
}

static bool m_quit(struct app *app)
{
	app->quit = true;
	return false;
}

enum { PERM_SEE_SESSIONS = -2 };

static const struct {
	menu_fn *open;
	const char *key;
	const char *label;
	int perm;        /* -1: everyone, PERM_SEE_SESSIONS: director, organiser, admin */
} menu_items[] = {
	{m_worklist, "F6", N_("For today (worklist)"), PERM_CASE_CONTENT},
	{m_search, "F5", N_("Find a person"), PERM_PERSON_READ},
	{m_new_request, "F3", N_("New request (wniosek)"), PERM_REQUEST_FILE},
	{m_requests, "", N_("Requests"), PERM_REQUEST_FILE},
	{m_new_person, "", N_("Register a person"), PERM_PERSON_WRITE},
	{m_unmet, "", N_("Unmet needs (register)"), PERM_CASE_CONTENT},
	{m_waiting, "", N_("Waiting list"), PERM_CASE_CONTENT},
	{m_authorise, "", N_("Authorisations to approve plans"), PERM_AUTHORISE},
	{m_meetings, "", N_("Coordinators' meetings"), PERM_REPORTS},
	{m_summaries, "", N_("Half-yearly summaries"), PERM_REPORTS},
	{m_caseload, "", N_("Caseload of the coordinators"), PERM_REPORTS},
	{m_reports, "", N_("Quarterly report to the ministry"), PERM_REPORTS},
	{m_offer, "", N_("Offer of services"), PERM_OFFER_READ},
	{m_groups, "", N_("Groups and supporting activities"), PERM_PERSON_READ},
	{m_export, "", N_("Export a list for a spreadsheet (CSV)"), PERM_REQUEST_FILE},
	{m_users, "", N_("User accounts"), PERM_USER_ADMIN},
	{m_sessions, "", N_("Who is logged in"), PERM_SEE_SESSIONS},
	{m_audit, "", N_("Audit log (who read or changed what)"), PERM_AUDIT_READ},
	{m_password, "", N_("Change my password"), -1},
	{m_lock, "F9", N_("Lock the screen"), -1},
	{m_logout, "", N_("Log out"), -1},
	{m_quit, "", N_("Quit cusdesk"), -1},
};

void ui_main_menu(struct app *app)
{
	int visible[ARRAY_SIZE(menu_items)];
	size_t n = 0, i;
	int sel = 0, top, rows, first;
	unsigned gen = app->resize_gen - 1;

	for (i = 0; i < ARRAY_SIZE(menu_items); i++)
		if (menu_items[i].perm == -1 ||
		    (menu_items[i].perm == PERM_SEE_SESSIONS ?
		     actor_can(&app->me, PERM_REPORTS) || actor_can(&app->me, PERM_USER_ADMIN) :
		     actor_can(&app->me, (enum perm)menu_items[i].perm)))
			visible[n++] = (int)i;
	for (;;) {
		menu_fn *open = NULL;
		wint_t ch;
		int r;
		enum action a;

		app->screen_title = _("main menu");
		app->context = CTX_MENU;
		if (gen != app->resize_gen) {
			gen = app->resize_gen;
			werase(stdscr);
		}
		ui_frame(app);
		/* the entries from row 3, higher up when they would reach the
		 * status line; on a very short terminal they scroll */
		top = 3 + (int)n <= LINES - 2 ? 3 : LINES - 2 - (int)n > 1 ? LINES - 2 - (int)n : 1;
		rows = LINES - 2 - top > 1 ? LINES - 2 - top : 1;
		first = sel >= rows ? sel - rows + 1 : 0;
		for (i = (size_t)first; i < n && (int)i < first + rows; i++) {
			const char *key = menu_items[visible[i]].key;
			int y = top + (int)i - first;
			char line[200];
			snprintf(line, sizeof(line), " %-3s %s", key,
				 _(menu_items[visible[i]].label));
			wattrset(stdscr, (int)i == sel ? ui_attr(R_SELECTED) : A_NORMAL);
			ui_put(stdscr, y, 4, (int)i == sel ? ">" : " ", 1, false);
			ui_put(stdscr, y, 5, line, COLS - 6 > 40 ? COLS - 6 : 40, true);
			wattrset(stdscr, A_NORMAL);
		}
		curs_set(0);
		wmove(stdscr, top + sel - first, 4);
		r = ui_getkey(app, stdscr, &ch);
		if (r == KEY_CODE_YES && ch == KEY_RESIZE)
			continue;
		a = keys_action(CTX_MENU, r, ch);
		if (r == KEY_CODE_YES && ch == KEY_UP)
			sel = sel > 0 ? sel - 1 : (int)n - 1;
		else if (r == KEY_CODE_YES && ch == KEY_DOWN)
			sel = (size_t)sel + 1 < n ? sel + 1 : 0;
		if (a == A_WORKLIST && actor_can(&app->me, PERM_CASE_CONTENT))
			open = m_worklist;
		else if (a == A_SEARCH && actor_can(&app->me, PERM_PERSON_READ))
			open = m_search;
		else if (a == A_OPEN)
			open = menu_items[visible[sel]].open;
		else if (a == A_BACK && ui_confirm(app, _("Log out?")))
			return;
		if (!open)
			continue;
		ui_status_clear(app);
		if (!open(app))
			return;
		gen--; /* redraw after a screen */
		werase(stdscr);
	}
}

void ui_change_password(struct app *app)
{
	char old[300], pw1[300], pw2[300];
	struct fielderr e;

	if (!ui_prompt(app, _("Change my password"), _("Current password:"), true,
		       old, sizeof(old)))
		return;
	if (user_verify_password(app->db, &app->me, old) != CD_OK) {
		ui_status(app, true, "%s", _("Current password: wrong password"));
		return;
	}
	if (!ui_prompt(app, _("Change my password"), _("New password:"), true,
		       pw1, sizeof(pw1)) ||
	    !ui_prompt(app, _("Change my password"), _("Repeat it:"), true,
		       pw2, sizeof(pw2)))
		return;
	if (strcmp(pw1, pw2)) {
		ui_status(app, true, "%s", _("New password: the two entries differ"));
		return;
	}
	if (user_set_password(app->db, &app->me, app->me.login, pw1, &e))
		ui_status(app, true, "%s", e.msg);
	else
		ui_status(app, false, "%s", _("Password changed."));
	secret_clear(pw1, sizeof(pw1));
	secret_clear(pw2, sizeof(pw2));
	memset(old, 0, sizeof(old));
}

void ui_unsaved_text(struct app *app)
{
	for (;;) {
		struct draft_form *f;
		size_t n, i;
		const char **labels;
		char **own;
		int k;

		if (draft_forms(app->db, app->me.user_id, &f, &n) || !n) {
			free(f);
			return;
		}
		labels = xcalloc(n + 1, sizeof(char *));
		own = xcalloc(n + 1, sizeof(char *));
		for (i = 0; i < n; i++) {
			const char *what = !strcmp(f[i].form, "assessment") ? _("needs assessment") :
					   !strcmp(f[i].form, "plan") ? _("plan") :
					   !strcmp(f[i].form, "monitoring") ? _("monitoring note") :
					   _("closing the plan");
			char part[160] = "";
			if (f[i].part[0]) {
				char name[150];
				life_domain_name(app->db, f[i].part, name, sizeof(name));
				snprintf(part, sizeof(part), " (%s)", name);
			}
			own[i] = xasprintf("%s %s: %s%s · %.16s", f[i].case_ref, f[i].person, what,
					   part, f[i].saved_at);
			labels[i] = own[i];
		}
		labels[n] = _("later: go on to the worklist");
		k = ui_choose(app, _("Text you did not save last time"), labels, n + 1, 0);
		for (i = 0; i < n; i++)
			free(own[i]);
		free(own);
		free(labels);
		if (k < 0 || (size_t)k == n) {
			free(f);
			return;
		}
		if (!strcmp(f[k].form, "assessment") && f[k].part[0])
			ui_assessment_domain(app, f[k].id, f[k].part);
		else if (!strcmp(f[k].form, "assessment"))
			ui_assessment(app, f[k].id);
		else if (!strcmp(f[k].form, "plan"))
			ui_plan_edit(app, f[k].id);
		else if (!strcmp(f[k].form, "monitoring"))
			ui_monitoring_note(app, f[k].id);
		else
			ui_closing(app, f[k].id);
		free(f);
	}
}
