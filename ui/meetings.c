/* meetings.c - the coordinators' meetings (art. 46 ust. 2): a list, and a
 * form for one meeting with the plans discussed. */
#include "form.h"
#include "catalogue.h"
#include "meeting.h"
#include "casefile.h"
#include "summary.h"
#include "plan.h"
#include "report.h"
#include "person_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct fdef meeting_fields[] = {
	{-1, N_("Coordinators' meeting"), FF_HEADER, 0, FC_LEFT},
	{MEET_F_HELD_ON, N_("Date"), FF_TEXT, 1, FC_LEFT, 10, 0, true, 10, ACCEPT_DATE},
	{MEET_F_ATTENDEES, N_("Attendees"), FF_TEXT, 2, FC_FULL, 0, 0, true, 990},
	{MEET_F_INVITED, N_("Invited"), FF_TEXT, 3, FC_FULL, 0, 0, false, 990},
	{MEET_F_NOTES, N_("Notes"), FF_MULTI, 4, FC_FULL, 0, 5, false, 3990},
	{MEET_F_DECISIONS, N_("Decisions"), FF_MULTI, 9, FC_FULL, 0, 3, false, 1990},
};

static void meeting_extras(struct app *app, struct form_screen *fs)
{
	const struct meeting *m = fs->data;
	char line[1200];

	snprintf(line, sizeof(line), "%s %s", _("F6: plans discussed:"),
		 m->plans_text[0] ? m->plans_text : _("none yet"));
	ui_put(uform_window(fs->uf), 13, 1, line, COLS - 2, false);
}

/* F6: the open plans, those discussed marked; Enter toggles. */
static void choose_plans(struct app *app, struct meeting *m)
{
	struct choice *c;
	size_t n, i, j;
	int k = 0;

	if (meeting_open_plans(app->db, &app->me, &c, &n) || !n) {
		free(c);
		ui_status(app, true, "%s", _("there are no open plans"));
		return;
	}
	for (;;) {
		const char **labels = xcalloc(n, sizeof(char *));
		struct strbuf sb;
		for (i = 0; i < n; i++) {
			bool on = false;
			for (j = 0; j < m->nplans; j++)
				on |= m->plans[j] == c[i].id;
			labels[i] = xasprintf("%s %s", on ? "[x]" : "[ ]", c[i].label);
		}
		k = ui_choose(app, _("Plans discussed ([x]); Enter marks, Esc ends"), labels, n, k);
		for (i = 0; i < n; i++)
			free((char *)labels[i]);
		free(labels);
		if (k < 0)
			break;
		for (j = 0; j < m->nplans && m->plans[j] != c[k].id; j++)
			;
		if (j < m->nplans) {
			m->plans[j] = m->plans[--m->nplans];
		} else {
			m->plans = xrealloc(m->plans, (m->nplans + 1) * sizeof(*m->plans));
			m->plans[m->nplans++] = c[k].id;
		}
		/* the references for the form */
		sb_init(&sb);
		sb_add(&sb, "");
		for (i = 0; i < n; i++)
			for (j = 0; j < m->nplans; j++)
				if (m->plans[j] == c[i].id) {
					char ref[64];
					sscanf(c[i].label, "%63s", ref);
					sb_addf(&sb, "%s%s", sb.len ? ", " : "", ref);
				}
		str_copy(m->plans_text, sizeof(m->plans_text), sb.buf);
		sb_release(&sb);
	}
	free(c);
}

static void meeting_edit(struct app *app, struct meeting *m)
{
	struct form_screen fs;
	enum action a;

	form_screen_init(&fs, app, meeting_fields, ARRAY_SIZE(meeting_fields),
			 m->id ? _("meeting") : _("new meeting"), CTX_OFFER, meeting_extras, m);
	snprintf(fs.draft_prefix, sizeof(fs.draft_prefix), "meeting:%lld", (long long)m->id);
	uform_set(fs.uf, MEET_F_HELD_ON, m->held_on);
	uform_set(fs.uf, MEET_F_ATTENDEES, m->attendees);
	uform_set(fs.uf, MEET_F_INVITED, m->invited);
	uform_set(fs.uf, MEET_F_NOTES, m->notes);
	uform_set(fs.uf, MEET_F_DECISIONS, m->decisions);
	fs.uf->dirty = false;
	form_screen_restore(app, &fs);
	while ((a = form_screen_turn(app, &fs)) != A_BACK) {
		struct fielderr e;
		int rc;
		if (a == A_SERVICES) {
			choose_plans(app, m);
			fs.uf->dirty = true;
			continue;
		}
		if (a != A_SAVE)
			continue;
		str_copy(m->held_on, sizeof(m->held_on), uform_get(fs.uf, MEET_F_HELD_ON));
		str_copy(m->attendees, sizeof(m->attendees), uform_get(fs.uf, MEET_F_ATTENDEES));
		str_copy(m->invited, sizeof(m->invited), uform_get(fs.uf, MEET_F_INVITED));
		str_copy(m->notes, sizeof(m->notes), uform_get(fs.uf, MEET_F_NOTES));
		str_copy(m->decisions, sizeof(m->decisions), uform_get(fs.uf, MEET_F_DECISIONS));
		if ((rc = meeting_save(app->db, &app->me, m, &e))) {
			form_show_error(app, fs.uf, &e, rc);
			continue;
		}
		form_screen_saved(app, &fs);
		ui_status(app, false, "%s", _("The meeting was recorded."));
		break;
	}
	uform_free(&fs.uf);
	werase(stdscr);
}

void ui_meetings(struct app *app)
{
	static const int widths[] = {10, 40, 0};
	static const int f7[] = {KEY_F(7)};
	const char *header[] = {_("Date"), _("Attendees"), _("Plans discussed")};
	int sel = 0;

	for (;;) {
		struct meeting *l, m;
		size_t n, i;
		char **cells, *intro;
		struct date today, due;
		int chosen, key;

		if (ui_failed(app, meeting_list(app->db, &app->me, &l, &n))) {
			return;
		}
		date_today(&today);
		if (meeting_next_due(app->db, &today, &due)) {
			char d[11];
			date_format(&due, d);
			intro = xasprintf(_("At least every 3 months (art. 46 ust. 2); the next by %s. "
					    "Enter opens one, F7 records a new one."), d);
		} else {
			intro = xstrdup(_("At least every 3 months (art. 46 ust. 2); none recorded yet. "
					  "F7 records one."));
		}
		cells = xcalloc(n * 3 + 1, sizeof(char *));
		for (i = 0; i < n; i++) {
			cells[i * 3] = xstrdup(l[i].held_on);
			cells[i * 3 + 1] = xstrdup(l[i].attendees);
			cells[i * 3 + 2] = xstrdup(l[i].plans_text);
		}
		chosen = ui_table(app, _("coordinators' meetings"), intro, widths, header, 3, cells,
				  n, &sel, actor_can(&app->me, PERM_REPORTS) ? f7 : NULL,
				  actor_can(&app->me, PERM_REPORTS) ? 1 : 0, &key);
		free(intro);
		ui_cells_free(cells, n * 3);
		if (key == KEY_F(7)) {
			meeting_init(&m);
			meeting_edit(app, &m);
			meeting_release(&m);
		} else if (chosen >= 0) {
			m = l[chosen];
			m.plans = NULL;
			m.nplans = 0;
			if (l[chosen].nplans) {
				m.plans = xcalloc(l[chosen].nplans, sizeof(*m.plans));
				memcpy(m.plans, l[chosen].plans, l[chosen].nplans * sizeof(*m.plans));
				m.nplans = l[chosen].nplans;
			}
			meeting_edit(app, &m);
			meeting_release(&m);
		} else {
			meeting_list_free(l, n);
			return;
		}
		meeting_list_free(l, n);
	}
}

/* ---- the half-yearly summary (art. 46 ust. 1) ---- */

static const struct fdef summary_fields[] = {
	{-1, N_("Half-yearly summary"), FF_HEADER, 0, FC_LEFT},
	{SUM_F_FROM, N_("From"), FF_TEXT, 2, FC_LEFT, 10, 0, true, 10, ACCEPT_DATE},
	{SUM_F_TO, N_("To"), FF_TEXT, 2, FC_RIGHT, 10, 0, true, 10, ACCEPT_DATE},
	{SUM_F_NARRATIVE, N_("Narrative"), FF_MULTI, 4, FC_FULL, 0, 12, false, 7990},
};

static void summary_extras(struct app *app, struct form_screen *fs)
{
	ui_put(uform_window(fs->uf), 1, 1,
	       _("For the director and the community organiser. F6 shows the figures for the "
		 "period; F2 stores them with your words."), COLS - 2, false);
}

static void summary_new(struct app *app)
{
	struct form_screen fs;
	struct date today, from;
	char d[11];
	enum action a;

	form_screen_init(&fs, app, summary_fields, ARRAY_SIZE(summary_fields),
			 _("new half-yearly summary"), CTX_OFFER, summary_extras, NULL);
	str_copy(fs.draft_prefix, sizeof(fs.draft_prefix), "summary:0");
	date_today(&today);
	date_add_months(&today, -SUMMARY_EVERY_MONTHS, &from);
	date_format(&from, d);
	uform_set(fs.uf, SUM_F_FROM, d);
	date_format(&today, d);
	uform_set(fs.uf, SUM_F_TO, d);
	fs.uf->dirty = false;
	form_screen_restore(app, &fs);
	while ((a = form_screen_turn(app, &fs)) != A_BACK) {
		struct fielderr e;
		int64_t id;
		int rc;
		if (a == A_SERVICES) {
			char *text;
			if ((rc = summary_figures(app->db, &app->me, uform_get(fs.uf, SUM_F_FROM),
						  uform_get(fs.uf, SUM_F_TO), false, &text, &e))) {
				form_show_error(app, fs.uf, &e, rc);
				continue;
			}
			ui_text_view(app, _("half-yearly summary"), text);
			free(text);
			continue;
		}
		if (a != A_SAVE)
			continue;
		if ((rc = summary_save(app->db, &app->me, uform_get(fs.uf, SUM_F_FROM),
				       uform_get(fs.uf, SUM_F_TO), uform_get(fs.uf, SUM_F_NARRATIVE),
				       &id, &e))) {
			form_show_error(app, fs.uf, &e, rc);
			continue;
		}
		form_screen_saved(app, &fs);
		ui_status(app, false, "%s", _("The summary was stored."));
		break;
	}
	uform_free(&fs.uf);
	werase(stdscr);
}

void ui_summaries(struct app *app)
{
	static const int widths[] = {23, 11, 0};
	static const int f7[] = {KEY_F(7)};
	const char *header[] = {_("Period"), _("Made on"), _("By")};
	int sel = 0;

	for (;;) {
		struct summary *l;
		size_t n, i;
		char **cells, *intro;
		struct date due;
		char d[11];
		int chosen, key;

		if (ui_failed(app, summary_list(app->db, &app->me, &l, &n))) {
			return;
		}
		summary_next_due(app->db, &due);
		date_format(&due, d);
		intro = xasprintf(_("At least every 6 months (art. 46 ust. 1); the next by %s. Enter "
				    "opens one, F7 makes a new one."), d);
		cells = xcalloc(n * 3 + 1, sizeof(char *));
		for (i = 0; i < n; i++) {
			cells[i * 3] = xasprintf("%s – %s", l[i].period_from, l[i].period_to);
			cells[i * 3 + 1] = xstrdup(l[i].created_on);
			cells[i * 3 + 2] = xstrdup(l[i].author);
		}
		chosen = ui_table(app, _("half-yearly summaries"), intro, widths, header, 3, cells, n,
				  &sel, f7, 1, &key);
		free(intro);
		ui_cells_free(cells, n * 3);
		if (key == KEY_F(7)) {
			summary_new(app);
		} else if (chosen >= 0) {
			char *text = xasprintf("%s\n== %s ==\n%s\n", l[chosen].figures,
					       _("The organiser's narrative"), l[chosen].narrative);
			ui_text_view(app, _("half-yearly summary"), text);
			free(text);
		} else {
			summary_list_free(l, n);
			return;
		}
		summary_list_free(l, n);
	}
}

/* ---- caseload and handing cases over ---- */

void ui_caseload(struct app *app)
{
	static const int widths[] = {34, 12, 0};
	const char *header[] = {_("Coordinator"), _("Open cases"), _("Plans running")};
	int sel = 0;

	for (;;) {
		struct caseload *l;
		size_t n, i, nt = 0;
		char **cells;
		int chosen, key, k;

		if (ui_failed(app, caseload(app->db, &app->me, &l, &n))) {
			return;
		}
		cells = xcalloc(n * 3 + 1, sizeof(char *));
		for (i = 0; i < n; i++) {
			cells[i * 3] = xstrdup(l[i].name);
			cells[i * 3 + 1] = xasprintf("%ld", l[i].open_cases);
			cells[i * 3 + 2] = xasprintf("%ld", l[i].plans_running);
		}
		chosen = ui_table(app, _("caseload"),
				  _("Open cases per coordinator. Enter on a coordinator hands all of "
				    "their open cases to another one (someone leaves)."),
				  widths, header, 3, cells, n, &sel, NULL, 0, &key);
		ui_cells_free(cells, n * 3);
		if (chosen < 0) {
			free(l);
			return;
		}
		if (!l[chosen].open_cases) {
			ui_status(app, true, "%s", _("no open cases to hand over"));
			free(l);
			continue;
		}
		{
			const char **labels = xcalloc(n, sizeof(char *));
			int64_t *ids = xcalloc(n, sizeof(int64_t));
			char reason[300];
			for (i = 0; i < n; i++)
				if (l[i].user_id && (int)i != chosen) {
					ids[nt] = l[i].user_id;
					labels[nt++] = l[i].name;
				}
			k = nt ? ui_choose(app, _("Hand the cases over to"), labels, nt, 0) : -1;
			if (k >= 0 && ui_prompt(app, _("Handing over"), _("Reason:"), false, reason,
						sizeof(reason))) {
				struct fielderr e;
				long moved;
				int rc = case_reassign_all(app->db, &app->me, l[chosen].user_id, ids[k],
							   reason, &moved, &e);
				if (rc)
					ui_status(app, true, "%s", e.msg[0] ? e.msg :
						  _("the database refused the change"));
				else
					ui_status(app, false, P_("%ld case handed over.",
								 "%ld cases handed over.",
								 (unsigned long)moved), moved);
			}
			free(labels);
			free(ids);
		}
		free(l);
	}
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
				    ui_prompt_date(app, _("Authorisation"), _("From (Enter: today):"), false,
					     from) &&
				    ui_prompt_date(app, _("Authorisation"), _("To (Enter: until ended):"), true,
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
			   ui_prompt_date(app, _("End the authorisation"), _("Last day (Enter: today):"),
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
