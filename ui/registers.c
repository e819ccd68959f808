/* registers.c - the register of unmet needs and the waiting list: lists
 * the organiser and the coordinators keep an eye on; Enter opens the case. */
#include "app.h"
#include "assessment.h"
#include "plan.h"
#include "report.h"
#include "draft.h"

#include <stdio.h>
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

void ui_unmet_needs(struct app *app)
{
	static const int widths[] = {10, 17, 20, 0};
	static const int f8[] = {KEY_F(8)};
	const char *header[] = {_("Found on"), _("Case ref."), _("Person"), _("Need")};
	int sel = 0;

	for (;;) {
		struct need *l;
		size_t n, i;
		char **cells;
		int chosen, key;

		if (ui_failed(app, unmet_needs(app->db, &app->me, &l, &n))) {
			break;
		}
		cells = xcalloc(n * 4 + 1, sizeof(char *));
		for (i = 0; i < n; i++) {
			cells[i * 4] = xstrdup(l[i].held_on);
			cells[i * 4 + 1] = xstrdup(l[i].case_ref);
			cells[i * 4 + 2] = xstrdup(l[i].person_name);
			if (l[i].domain[0]) {
				char name[160];
				life_domain_name(app->db, l[i].domain, name, sizeof(name));
				cells[i * 4 + 3] = xasprintf("%s (%s)", l[i].description, name);
			} else {
				cells[i * 4 + 3] = xstrdup(l[i].description);
			}
		}
		chosen = ui_table(app, _("unmet needs"),
			       _("Needs the offer could not meet, oldest first: material for the "
				 "organiser's next programme. Enter opens the case; F8: the need "
				 "is answered now."),
			       widths, header, 4, cells, n, &sel, f8, 1, &key);
		ui_cells_free(cells, n * 4);
		if (key == KEY_F(8) && n) {
			struct fielderr e;
			struct date t;
			char day[16];
			date_today(&t);
			date_format(&t, day);
			if (ui_prompt_value(app, l[sel].description, _("Answered on (YYYY-MM-DD):"), day,
					    sizeof(day))) {
				if (need_answer(app->db, &app->me, l[sel].id, day, &e))
					ui_status(app, true, "%s", e.msg);
				else
					ui_status(app, false, "%s",
						  _("The need left the register as answered."));
			}
			free(l);
			continue;
		}
		if (chosen < 0) {
			free(l);
			break;
		}
		{
			int64_t request_id = l[chosen].request_id;
			free(l);
			ui_case(app, request_id);
		}
	}
}

void ui_waiting_list(struct app *app)
{
	static const int widths[] = {3, 28, 10, 17, 0};
	static const int extra[] = {KEY_DC};
	const char *header[] = {_("No."), _("Service"), _("Filed"), _("Case ref."), _("Person")};
	int sel = 0;

	for (;;) {
		struct waiting *l;
		size_t n, i;
		char **cells;
		int chosen, key;

		if (ui_failed(app, waiting_list(app->db, &app->me, 0, &l, &n))) {
			break;
		}
		cells = xcalloc(n * 5 + 1, sizeof(char *));
		for (i = 0; i < n; i++) {
			cells[i * 5] = xasprintf("%d", l[i].position);
			cells[i * 5 + 1] = xstrdup(l[i].service_name);
			cells[i * 5 + 2] = xstrdup(l[i].filed_on);
			cells[i * 5 + 3] = xstrdup(l[i].case_ref);
			cells[i * 5 + 4] = xstrdup(l[i].person_name);
		}
		chosen = ui_table(app, _("waiting list"),
			       _("In the order the requests were filed, per service. Enter opens "
				 "the case; Del takes a person off the list."),
			       widths, header, 5, cells, n, &sel, extra, 1, &key);
		ui_cells_free(cells, n * 5);
		if (key == KEY_DC && n) {
			char reason[300];
			struct fielderr e;
			struct date today;
			date_today(&today);
			if (ui_prompt(app, _("Take off the waiting list"), _("Reason:"), false, reason,
				      sizeof(reason))) {
				int rc = waiting_remove(app->db, &app->me, l[sel].id, reason, &today, &e);
				if (rc)
					ui_status(app, true, "%s", e.msg[0] ? e.msg :
						  _("the database refused the change"));
				else
					ui_status(app, false, "%s", _("Taken off the waiting list."));
			}
			free(l);
			continue;
		}
		if (chosen < 0) {
			free(l);
			break;
		}
		{
			int64_t request_id = l[chosen].request_id;
			free(l);
			ui_case(app, request_id);
		}
	}
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

/* A date typed in a prompt, Enter meaning today (or empty when empty_ok). */
static bool ask_date(struct app *app, const char *title, const char *label, bool empty_ok,
		     char out[16])
{
	struct date today;

	out[0] = '\0';
	if (!ui_prompt(app, title, label, false, out, 16))
		return false;
	str_trim(out);
	if (!out[0] && !empty_ok) {
		date_today(&today);
		date_format(&today, out);
	}
	return true;
}

void ui_authorisations(struct app *app)
{
	static const int widths[] = {28, 10, 10, 0};
	static const int extra[] = {KEY_F(7), KEY_DC};
	const char *header[] = {_("Organiser"), _("From"), _("To"), _("Granted by")};
	int sel = 0;

	for (;;) {
		struct authorisation *l;
		struct fielderr e;
		size_t n, i;
		char **cells, from[16], to[16];
		int key, rc = CD_OK;
		bool acted = false;

		if (ui_failed(app, authorisation_list(app->db, &app->me, &l, &n))) {
			break;
		}
		cells = xcalloc(n * 4 + 1, sizeof(char *));
		for (i = 0; i < n; i++) {
			cells[i * 4] = xstrdup(l[i].organiser);
			cells[i * 4 + 1] = xstrdup(l[i].valid_from);
			cells[i * 4 + 2] = xstrdup(l[i].valid_to[0] ? l[i].valid_to : "…");
			cells[i * 4 + 3] = xstrdup(l[i].granted_by);
		}
		ui_table(app, _("authorisations"),
		      _("Organisers the director authorised to approve plans (art. 41). "
			"F7 authorises one, Del ends the selected authorisation."),
		      widths, header, 4, cells, n, &sel, extra, 2, &key);
		ui_cells_free(cells, n * 4);
		if (key == KEY_F(7)) {
			struct user *u;
			size_t nu;
			if (user_list_with_role(app->db, ROLE_ORGANISER, &u, &nu) == CD_OK && nu) {
				const char **names = xcalloc(nu, sizeof(char *));
				int k;
				for (i = 0; i < nu; i++)
					names[i] = u[i].full_name;
				k = ui_choose(app, _("Authorise which organiser"), names, nu, 0);
				if (k >= 0 &&
				    ask_date(app, _("Authorisation"), _("From (Enter: today):"), false,
					     from) &&
				    ask_date(app, _("Authorisation"), _("To (Enter: until ended):"), true,
					     to)) {
					rc = authorisation_grant(app->db, &app->me, u[k].id, from, to, &e);
					acted = true;
				}
				free(names);
			} else {
				ui_status(app, true, "%s", _("there is no services organiser's account"));
			}
			free(u);
		} else if (key == KEY_DC && n &&
			   ask_date(app, _("End the authorisation"), _("Last day (Enter: today):"),
				    false, to)) {
			rc = authorisation_end(app->db, &app->me, l[sel].id, to, &e);
			acted = true;
		} else if (!key) {
			free(l);
			break;
		}
		if (acted && rc)
			ui_status(app, true, "%s", e.msg[0] ? e.msg : _("the database refused the change"));
		else if (acted)
			ui_status(app, false, "%s", _("Saved."));
		free(l);
	}
}

void ui_reports(struct app *app)
{
	struct quarterly_report r;
	struct fielderr e;
	struct date today;
	char q[16];
	char *text;
	int rc;

	date_today(&today);
	snprintf(q, sizeof(q), "%04dQ%d", today.y, (today.m - 1) / 3 + 1);
	for (;;) {
		if (!ui_prompt_value(app, _("Quarterly report to the ministry"),
				     _("Quarter (like 2026Q4):"), q, sizeof(q)))
			return;
		str_trim(q);
		if ((rc = report_quarterly(app->db, &app->me, q, &r, &e))) {
			ui_status(app, true, "%s", e.msg[0] ? e.msg : _("the database refused the change"));
			if (rc == CD_EPERM)
				return;
			continue;
		}
		text = quarterly_report_format(&r, false);
		ui_status_clear(app);
		ui_text_view(app, _("quarterly report"), text);
		free(text);
		quarterly_report_release(&r);
		return;
	}
}
