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
	{MEET_F_HELD_ON, N_("Date"), FF_TEXT, 1, FC_LEFT, 10, 0, true, 10, ACCEPT_DATE,
	 FB(struct meeting, held_on, FB_TEXT)},
	{MEET_F_ATTENDEES, N_("Attendees"), FF_TEXT, 2, FC_FULL, 0, 0, true, 990, NULL,
	 FB(struct meeting, attendees, FB_TEXT)},
	{MEET_F_INVITED, N_("Invited"), FF_TEXT, 3, FC_FULL, 0, 0, false, 990, NULL,
	 FB(struct meeting, invited, FB_TEXT)},
	{MEET_F_NOTES, N_("Notes"), FF_MULTI, 4, FC_FULL, 0, 5, false, 3990, NULL,
	 FB(struct meeting, notes, FB_TEXT)},
	{MEET_F_DECISIONS, N_("Decisions"), FF_MULTI, 9, FC_FULL, 0, 3, false, 1990, NULL,
	 FB(struct meeting, decisions, FB_TEXT)},
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
			 m->id ? _("meeting") : _("new meeting"), CTX_FORM | CTX_MEETING,
			 meeting_extras, m);
	snprintf(fs.draft_prefix, sizeof(fs.draft_prefix), "meeting:%lld", (long long)m->id);
	uform_load(fs.uf, m);
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
		if ((rc = uform_store(fs.uf, m, &e)) ||
		    (rc = meeting_save(app->db, &app->me, m, &e))) {
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

struct meetings {
	struct meeting *l;
	size_t n;
	struct date due;
	bool due_known;
};

static int meetings_load(struct app *app, void *ctx, size_t *n)
{
	struct meetings *s = ctx;
	struct date today;
	int rc;

	meeting_list_free(s->l, s->n);
	s->l = NULL;
	s->n = 0;
	rc = meeting_list(app->db, &app->me, &s->l, &s->n);
	date_today(&today);
	s->due_known = meeting_next_due(app->db, &today, &s->due);
	*n = s->n;
	return rc;
}

static void meetings_intro(struct app *app, void *ctx, size_t n, char *out, size_t size)
{
	const struct meetings *s = ctx;
	char d[11];

	if (s->due_known) {
		date_format(&s->due, d);
		snprintf(out, size, _("At least every 3 months (art. 46 ust. 2); the next by %s."), d);
	} else {
		str_copy(out, size, _("At least every 3 months (art. 46 ust. 2); none recorded yet."));
	}
}

static void meetings_cell(void *ctx, size_t row, size_t col, char *out, size_t size)
{
	const struct meeting *m = &((struct meetings *)ctx)->l[row];

	str_copy(out, size, col == 0 ? m->held_on : col == 1 ? m->attendees : m->plans_text);
}

static void meetings_open(struct app *app, void *ctx, size_t row)
{
	const struct meeting *l = &((struct meetings *)ctx)->l[row];
	struct meeting m = *l;

	m.plans = NULL;
	m.nplans = 0;
	if (l->nplans) {
		m.plans = xcalloc(l->nplans, sizeof(*m.plans));
		memcpy(m.plans, l->plans, l->nplans * sizeof(*m.plans));
		m.nplans = l->nplans;
	}
	meeting_edit(app, &m);
	meeting_release(&m);
}

static void meetings_add(struct app *app, void *ctx)
{
	struct meeting m;

	meeting_init(&m);
	meeting_edit(app, &m);
	meeting_release(&m);
}

static const struct list_col meetings_cols[] = {
	{N_("Date"), 10}, {N_("Attendees"), 40}, {N_("Plans discussed"), 0},
};

void ui_meetings(struct app *app)
{
	struct meetings s = {NULL, 0, {0, 0, 0}, false};
	struct list_ops ops = {
		.title = N_("coordinators' meetings"), .intro_text = meetings_intro,
		.cols = meetings_cols, .ncols = ARRAY_SIZE(meetings_cols),
		.load = meetings_load, .cell = meetings_cell, .open = meetings_open,
		/* the organiser and the director record them */
		.add = actor_can(&app->me, PERM_REPORTS) ? meetings_add : NULL,
	};

	ui_list_run(app, &ops, &s);
	meeting_list_free(s.l, s.n);
}

/* ---- the half-yearly summary (art. 46 ust. 1) ---- */

/* What the summary form edits: the period and the organiser's words. */
struct summary_input {
	char from[16], to[16];
	char narrative[SUMMARY_NARRATIVE_MAX + 1];
};

static const struct fdef summary_fields[] = {
	{-1, N_("Half-yearly summary"), FF_HEADER, 0, FC_LEFT},
	{SUM_F_FROM, N_("From"), FF_TEXT, 2, FC_LEFT, 10, 0, true, 10, ACCEPT_DATE,
	 FB(struct summary_input, from, FB_TEXT)},
	{SUM_F_TO, N_("To"), FF_TEXT, 2, FC_RIGHT, 10, 0, true, 10, ACCEPT_DATE,
	 FB(struct summary_input, to, FB_TEXT)},
	{SUM_F_NARRATIVE, N_("Narrative"), FF_MULTI, 4, FC_FULL, 0, 12, false, 0, NULL,
	 FB(struct summary_input, narrative, FB_TEXT)},
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
	struct summary_input in;
	struct date today, from;
	enum action a;

	form_screen_init(&fs, app, summary_fields, ARRAY_SIZE(summary_fields),
			 _("new half-yearly summary"), CTX_FORM | CTX_SUMMARY, summary_extras,
			 NULL);
	str_copy(fs.draft_prefix, sizeof(fs.draft_prefix), "summary:0");
	date_today(&today);
	date_add_months(&today, -SUMMARY_EVERY_MONTHS, &from);
	memset(&in, 0, sizeof(in));
	date_format(&from, in.from);
	date_format(&today, in.to);
	uform_load(fs.uf, &in);
	form_screen_restore(app, &fs);
	while ((a = form_screen_turn(app, &fs)) != A_BACK) {
		struct fielderr e;
		int64_t id;
		int rc;
		if ((a != A_SERVICES && a != A_SAVE))
			continue;
		if ((rc = uform_store(fs.uf, &in, &e))) {
			form_show_error(app, fs.uf, &e, rc);
			continue;
		}
		if (a == A_SERVICES) {
			char *text;
			if ((rc = summary_figures(app->db, &app->me, in.from, in.to, false, &text,
						  &e))) {
				form_show_error(app, fs.uf, &e, rc);
				continue;
			}
			ui_text_view(app, _("half-yearly summary"), text);
			free(text);
			continue;
		}
		if ((rc = summary_save(app->db, &app->me, in.from, in.to, in.narrative, &id, &e))) {
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

struct summaries {
	struct summary *l;
	size_t n;
	struct date due;
};

static int summaries_load(struct app *app, void *ctx, size_t *n)
{
	struct summaries *s = ctx;
	int rc;

	summary_list_free(s->l, s->n);
	s->l = NULL;
	s->n = 0;
	rc = summary_list(app->db, &app->me, &s->l, &s->n);
	summary_next_due(app->db, &s->due);
	*n = s->n;
	return rc;
}

static void summaries_intro(struct app *app, void *ctx, size_t n, char *out, size_t size)
{
	char d[11];

	date_format(&((struct summaries *)ctx)->due, d);
	snprintf(out, size, _("At least every 6 months (art. 46 ust. 1); the next by %s."), d);
}

static void summaries_cell(void *ctx, size_t row, size_t col, char *out, size_t size)
{
	const struct summary *x = &((struct summaries *)ctx)->l[row];

	if (col == 0)
		snprintf(out, size, "%s – %s", x->period_from, x->period_to);
	else
		str_copy(out, size, col == 1 ? x->created_on : x->author);
}

static void summaries_open(struct app *app, void *ctx, size_t row)
{
	const struct summary *x = &((struct summaries *)ctx)->l[row];
	char *text = xasprintf("%s\n== %s ==\n%s\n", x->figures, _("The organiser's narrative"),
			       x->narrative);

	ui_text_view(app, _("half-yearly summary"), text);
	free(text);
}

static void summaries_add(struct app *app, void *ctx)
{
	summary_new(app);
}

static const struct list_col summaries_cols[] = {
	{N_("Period"), 23}, {N_("Made on"), 11}, {N_("By"), 0},
};
static const struct list_ops summaries_list = {
	.title = N_("half-yearly summaries"), .intro_text = summaries_intro,
	.cols = summaries_cols, .ncols = ARRAY_SIZE(summaries_cols),
	.load = summaries_load, .cell = summaries_cell, .open = summaries_open,
	.add = summaries_add,
};

void ui_summaries(struct app *app)
{
	struct summaries s = {NULL, 0, {0, 0, 0}};

	ui_list_run(app, &summaries_list, &s);
	summary_list_free(s.l, s.n);
}

static int loads_load(struct app *app, void *ctx, size_t *n)
{
	struct list_rows *r = list_rows_reset(ctx);

	return list_rows_loaded(r, caseload(app->db, &app->me, (struct caseload **)&r->l, &r->n), n);
}

static void loads_cell(void *ctx, size_t row, size_t col, char *out, size_t size)
{
	const struct caseload *x = LIST_ROW(ctx, struct caseload, row);

	if (col == 0)
		str_copy(out, size, x->name);
	else
		snprintf(out, size, "%ld", col == 1 ? x->open_cases : x->plans_running);
}

/* Enter on a coordinator hands all their open cases to another one. */
static void loads_hand_over(struct app *app, void *ctx, size_t row)
{
	const struct list_rows *s = ctx;
	const struct caseload *l = s->l, *from = &l[row];
	const char **labels;
	int64_t *ids;
	char reason[300];
	size_t i, nt = 0;
	int k;

	if (!from->open_cases) {
		ui_status(app, true, "%s", _("no open cases to hand over"));
		return;
	}
	labels = xcalloc(s->n, sizeof(char *));
	ids = xcalloc(s->n, sizeof(int64_t));
	for (i = 0; i < s->n; i++)
		if (l[i].user_id && i != row) {
			ids[nt] = l[i].user_id;
			labels[nt++] = l[i].name;
		}
	k = nt ? ui_choose(app, _("Hand the cases over to"), labels, nt, 0) : -1;
	if (k >= 0 && ui_prompt(app, _("Handing over"), _("Reason:"), false, reason, sizeof(reason))) {
		struct fielderr e;
		long moved;
		int rc = case_reassign_all(app->db, &app->me, from->user_id, ids[k], reason, &moved, &e);
		if (rc)
			ui_report(app, rc, &e, NULL);
		else
			ui_status(app, false, P_("%ld case handed over.", "%ld cases handed over.",
						 (unsigned long)moved), moved);
	}
	free(labels);
	free(ids);
}

static const struct list_col loads_cols[] = {
	{N_("Coordinator"), 34}, {N_("Open cases"), 12}, {N_("Plans running"), 0},
};
static const struct list_ops loads_list = {
	.title = N_("caseload"),
	.intro = N_("Open cases per coordinator. Enter on a coordinator hands all of their open "
		    "cases to another one (someone leaves)."),
	.cols = loads_cols, .ncols = ARRAY_SIZE(loads_cols),
	.load = loads_load, .cell = loads_cell, .open = loads_hand_over,
};

void ui_caseload(struct app *app)
{
	struct list_rows r = {NULL, 0, NULL};

	ui_list_run(app, &loads_list, &r);
	free(r.l);
}

static int auths_load(struct app *app, void *ctx, size_t *n)
{
	struct list_rows *r = list_rows_reset(ctx);

	return list_rows_loaded(r, authorisation_list(app->db, &app->me,
						      (struct authorisation **)&r->l, &r->n), n);
}

static void auths_cell(void *ctx, size_t row, size_t col, char *out, size_t size)
{
	const struct authorisation *x = LIST_ROW(ctx, struct authorisation, row);

	str_copy(out, size, col == 0 ? x->organiser : col == 1 ? x->valid_from :
		 col == 2 ? (x->valid_to[0] ? x->valid_to : "…") : x->granted_by);
}

static void auths_grant(struct app *app, void *ctx)
{
	struct user *u;
	struct fielderr e;
	char from[16], to[16];
	size_t nu, i;
	int k;

	if (user_list_with_role(app->db, ROLE_ORGANISER, &u, &nu) || !nu) {
		ui_status(app, true, "%s", _("there is no services organiser's account"));
		free(u);
		return;
	}
	{
		const char **names = xcalloc(nu, sizeof(char *));
		for (i = 0; i < nu; i++)
			names[i] = u[i].full_name;
		k = ui_choose(app, _("Authorise which organiser"), names, nu, 0);
		free(names);
	}
	if (k >= 0 && ui_prompt_date(app, _("Authorisation"), _("From (Enter: today):"), false, from) &&
	    ui_prompt_date(app, _("Authorisation"), _("To (Enter: until ended):"), true, to))
		ui_report(app, authorisation_grant(app->db, &app->me, u[k].id, from, to, &e), &e,
			  _("Saved."));
	free(u);
}

static void auths_end(struct app *app, void *ctx, size_t row)
{
	const struct authorisation *x = LIST_ROW(ctx, struct authorisation, row);
	struct fielderr e;
	char to[16];

	if (ui_prompt_date(app, _("End the authorisation"), _("Last day (Enter: today):"), false, to))
		ui_report(app, authorisation_end(app->db, &app->me, x->id, to, &e), &e, _("Saved."));
}

static const struct list_col auths_cols[] = {
	{N_("Organiser"), 28}, {N_("From"), 10}, {N_("To"), 10}, {N_("Granted by"), 0},
};
static const struct list_action auths_actions[] = {
	{A_AUTH_END, true, auths_end},
};
static const struct list_ops auths_list = {
	.title = N_("authorisations"),
	.intro = N_("Organisers the director authorised to approve plans (art. 41)."),
	.cols = auths_cols, .ncols = ARRAY_SIZE(auths_cols), .ctx = CTX_AUTHS,
	.load = auths_load, .cell = auths_cell, .add = auths_grant,
	.actions = auths_actions, .nactions = ARRAY_SIZE(auths_actions),
};

void ui_authorisations(struct app *app)
{
	struct list_rows r = {NULL, 0, NULL};

	ui_list_run(app, &auths_list, &r);
	free(r.l);
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
			ui_report(app, rc, &e, NULL);
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
