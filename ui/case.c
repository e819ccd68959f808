/* case.c - one screen per case: the timeline, what is due, the actions of
 * the case path. */
#include "journal.h"
#include "app.h"
#include "assessment.h"
#include "card.h"
#include "casefile.h"
#include "casepath.h"
#include "codes.h"
#include "group.h"
#include "monitoring.h"
#include "plan.h"
#include "request.h"
#include "worklist.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The case view's lines as drawn: wrapped to the width, headings marked. */
struct lines {
	char **l;
	bool *head;
	size_t n;
};

static void add(struct lines *L, bool head, const char *s)
{
	L->l = xrealloc(L->l, (L->n + 1) * sizeof(char *));
	L->head = xrealloc(L->head, (L->n + 1) * sizeof(bool));
	L->l[L->n] = xstrdup(s);
	L->head[L->n++] = head;
}

static void lines_free(struct lines *L)
{
	size_t i;

	for (i = 0; i < L->n; i++)
		free(L->l[i]);
	free(L->l);
	free(L->head);
	memset(L, 0, sizeof(*L));
}

/* What the "Next:" line offers for each bit of case_next_actions, in
 * order, with the key bound to the action in the key table. */
static const struct {
	unsigned bit;
	enum action action;     /* A_NONE: a note, no key */
	const char *label;
} next_labels[] = {
	{CASE_NEXT_ASSESS_START, A_CASE_ASSESS, N_("start the needs assessment")},
	{CASE_NEXT_GROUP_NO_IPUS, A_CASE_GROUP, N_("enrol into a group service (no IPUS)")},
	{CASE_NEXT_ASSESS_CONTINUE, A_CASE_ASSESS, N_("continue the assessment")},
	{CASE_NEXT_OUTCOME, A_CASE_OUTCOME, N_("record its outcome")},
	{CASE_NEXT_GROUP, A_CASE_GROUP, N_("group service")},
	{CASE_NEXT_PLAN_DRAW, A_CASE_PLAN, N_("draw up the plan (IPUS)")},
	{CASE_NEXT_PLAN_EDIT, A_CASE_PLAN, N_("edit the plan")},
	{CASE_NEXT_SUBMIT, A_CASE_SUBMIT, N_("submit it for approval")},
	{CASE_NEXT_APPROVE, A_CASE_APPROVE, N_("approve the plan")},
	{CASE_NEXT_RETURN, A_CASE_RETURN, N_("return it with a comment")},
	{CASE_NEXT_AWAIT_APPROVAL, A_NONE, N_("the plan awaits the director's approval")},
	{CASE_NEXT_MONITOR, A_CASE_MONITOR, N_("monitoring note")},
	{CASE_NEXT_CONTACT, A_CASE_CONTACT, N_("provider contact")},
	{CASE_NEXT_CLOSE_IDLE, A_CASE_CLOSE, N_("close the plan (no service is running)")},
	{CASE_NEXT_UPDATE, A_CASE_UPDATE, N_("update")},
	{CASE_NEXT_CLOSE, A_CASE_CLOSE, N_("close")},
	{CASE_NEXT_FOLLOWUP, A_CASE_FOLLOWUP, N_("the follow-up half a year after closing")},
	{CASE_NEXT_CARD, A_CASE_CARD, N_("service card")},
};

/* The case keys that act now for this user: the "Next:" ones, and what
 * reads the case (the plan, versions, documents, the request, the card). */
struct case_keys {
	unsigned next;
	const struct case_view *cv;
	bool write;
};

static bool case_key_acts(enum action a, void *ctx)
{
	const struct case_keys *k = ctx;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(next_labels); i++)
		if (next_labels[i].action == a && (k->next & next_labels[i].bit))
			return true;
	switch (a) {
	case A_CASE_PRINT:
	case A_CASE_REQUEST:
		return true;
	case A_CASE_PLAN:
		return k->cv->have_plan;
	case A_CASE_COMPARE:
		return k->cv->have_plan && k->cv->latest.version_no > 1;
	case A_CASE_CARD:
	case A_CASE_NOTES:
		return k->cv->have_plan;
	case A_CASE_END_ITEM:
	case A_CASE_RESIGN:
	case A_CASE_CONTACT:
		return k->write && k->cv->items_running > 0 && !k->cv->closed &&
		       !strcmp(k->cv->latest.status, "approved");
	default:
		return false;
	}
}

/* "» Next: r: start the needs assessment · g: ..." (NULL: nothing next). */
static char *next_line(unsigned bits)
{
	struct strbuf sb;
	size_t i;

	if (!bits)
		return NULL;
	sb_init(&sb);
	sb_addf(&sb, "» %s", _("Next:"));
	for (i = 0; i < ARRAY_SIZE(next_labels); i++) {
		const char *key = keys_name(CTX_CASE, next_labels[i].action);
		if (!(bits & next_labels[i].bit))
			continue;
		sb_add(&sb, sb.len > strlen("» ") + strlen(_("Next:")) ? " · " : " ");
		if (key && next_labels[i].action != A_NONE)
			sb_addf(&sb, "%s: ", key);
		sb_add(&sb, _(next_labels[i].label));
	}
	return sb_detach(&sb);
}

/* Adds text wrapped at width, continuation lines indented under it. */
static void add_wrapped(struct lines *L, bool head, const char *indent, const char *text,
			int width)
{
	size_t n, j, first;
	char **parts = ui_wrap_lines(text, width - (int)strlen(indent), &n);
	char *l;

	first = n ? strlen(parts[0]) : 0;
	l = xasprintf("%s%s", indent, n ? parts[0] : "");
	add(L, head, l);
	free(l);
	ui_free_lines(parts, n);
	if (!text[first])
		return;
	parts = ui_wrap_lines(text + first + strspn(text + first, " "),
			      width - (int)strlen(indent) - 4, &n);
	for (j = 0; j < n; j++) {
		l = xasprintf("%s    %s", indent, parts[j]);
		add(L, head, l);
		free(l);
	}
	ui_free_lines(parts, n);
}

/* The timeline as drawn: the "Next:" line goes after the request's own
 * lines, before the first part (the assessment). */
static void layout(const struct case_line *t, size_t nt, const char *next, int width,
		   struct lines *L)
{
	static const char *const indents[] = {"", "  ", "    "};
	bool next_done = !next;
	size_t i;

	memset(L, 0, sizeof(*L));
	for (i = 0; i < nt; i++) {
		const char *ind = indents[t[i].level < 0 ? 0 : t[i].level > 2 ? 2 : t[i].level];
		char *s;
		if (!next_done && i > 0 && t[i].heading) {
			add_wrapped(L, false, "", next, width);
			next_done = true;
		}
		if (t[i].due) {
			s = xasprintf("%s %s", t[i].overdue ? "!" : "»", t[i].text);
			add_wrapped(L, false, ind, s, width);
			free(s);
		} else {
			add_wrapped(L, t[i].heading, ind, t[i].text, width);
		}
	}
	if (!next_done)
		add_wrapped(L, false, "", next, width);
}

/* Chooses an item of the plan in force; -1 when none or cancelled. */
static int choose_item(struct app *app, const struct plan_version *v, const char *title,
		       bool with_whole_plan)
{
	const char **labels = xcalloc(v->nitems + 1, sizeof(char *));
	char **own = xcalloc(v->nitems + 1, sizeof(char *));
	size_t i, n = 0;
	int r;

	if (with_whole_plan)
		labels[n++] = _("the whole plan");
	for (i = 0; i < v->nitems; i++) {
		own[i] = xasprintf("%s – %s", v->items[i].service_name, v->items[i].provider_name);
		labels[n++] = own[i];
	}
	/* one service and no "whole plan" to choose: nothing to ask */
	r = n == 1 ? 0 : n ? ui_choose(app, title, labels, n, 0) : -1;
	for (i = 0; i < v->nitems; i++)
		free(own[i]);
	free(own);
	free(labels);
	if (with_whole_plan && r >= 0)
		return r == 0 ? -2 : r - 1;   /* -2: the whole plan */
	return r;
}

/* ---- the actions: one small handler each ---- */

static void act_assess(struct app *app, struct case_view *cv)
{
	ui_assessment(app, cv->r.id);
}

static void act_outcome(struct app *app, struct case_view *cv)
{
	ui_outcome(app, cv->r.id);
}

static void act_plan(struct app *app, struct case_view *cv)
{
	/* a plan the user does not write (an approver's), or one past its
	 * draft, is read; a draft or returned one of their case, edited */
	if (cv->have_plan &&
	    ((strcmp(cv->latest.status, "draft") && strcmp(cv->latest.status, "returned")) ||
	     case_access(app->db, &app->me, cv->r.id, true, NULL) != CD_OK)) {
		ui_plan_read(app, cv->r.id, 0);
		return;
	}
	ui_plan_edit(app, cv->r.id);
}

static void act_submit(struct app *app, struct case_view *cv)
{
	struct fielderr e;

	if (!cv->have_plan || !ui_confirm(app, _("Submit the plan for approval?")))
		return;
	ui_report(app, plan_submit(app->db, &app->me, cv->latest.id, &e), &e,
		  _("The plan was submitted for approval."));
}

/* Approving and returning are asked only of those who may decide (the
 * domain checks again). */
static bool may_decide(struct app *app, const struct case_view *cv)
{
	if (cv->have_plan && !cv->may_approve) {
		ui_status(app, true, "%s", _("plans are approved by the director or an "
					     "organiser the director authorised (art. 41)"));
		return false;
	}
	return cv->have_plan;
}

static void act_approve(struct app *app, struct case_view *cv)
{
	struct fielderr e;
	struct date today;

	if (!may_decide(app, cv) || !ui_confirm(app, _("Approve the plan?")))
		return;
	date_today(&today);
	ui_report(app, plan_approve(app->db, &app->me, cv->latest.id, &today, &e), &e,
		  _("The plan was approved; orders went to the providers."));
}

static void act_return(struct app *app, struct case_view *cv)
{
	struct fielderr e;
	char buf[TEXT_REASON_MAX + 1];

	if (!may_decide(app, cv) ||
	    !ui_prompt(app, _("Return the plan"), _("Comment:"), false, buf, sizeof(buf)))
		return;
	ui_report(app, plan_return(app->db, &app->me, cv->latest.id, buf, &e), &e,
		  _("The plan was returned to the coordinator."));
}

static void act_update(struct app *app, struct case_view *cv)
{
	const struct code_table *t = &codes_update_reason;
	const char *labels[8];
	struct fielderr e;
	char buf[300];
	size_t i;
	int k, rc;

	if (!cv->plan_id)
		return;
	for (i = 0; i < t->count && i < ARRAY_SIZE(labels); i++)
		labels[i] = _(t->items[i].label);
	k = ui_choose(app, _("Reason for the update"), labels, i, 0);
	if (k < 0 || !ui_prompt(app, _("Update the plan"), _("Note:"), false, buf, sizeof(buf)))
		return;
	rc = plan_update(app->db, &app->me, cv->plan_id, t->items[k].code, buf, NULL, &e);
	ui_report(app, rc, &e, _("A new version was started from the approved plan."));
	if (!rc)
		ui_plan_edit(app, cv->r.id);
}

static void act_notes(struct app *app, struct case_view *cv)
{
	if (cv->plan_id)
		ui_monitoring_notes(app, cv->plan_id);
	else
		ui_status(app, true, "%s", _("there is no plan to monitor yet"));
}

static void act_monitor(struct app *app, struct case_view *cv)
{
	if (cv->plan_id)
		ui_monitoring_note(app, cv->plan_id);
	else
		ui_status(app, true, "%s", _("there is no plan to monitor yet"));
}

/* Before a service (k >= 0) or every service (k == -2) of the plan in
 * force ends on day: which ones, and the question. */
static bool confirm_ending(struct app *app, const struct plan_version *cur, int k,
			   const char *day, bool resignation)
{
	struct strbuf sb;
	size_t i;
	bool yes;

	sb_init(&sb);
	sb_addf(&sb, _("These services end on %s:"), day);
	sb_add(&sb, "\n");
	for (i = 0; i < cur->nitems; i++) {
		const struct plan_item *it = &cur->items[i];
		if ((k >= 0 && (size_t)k != i) || it->ended_on[0])
			continue;
		sb_addf(&sb, "- %s, %s (%s %s)\n", it->service_name, it->provider_name,
			_("planned until"), it->ends_on);
	}
	sb_add(&sb, "\n");
	sb_add(&sb, resignation ? _("Record the resignation?") : _("End this service?"));
	yes = ui_confirm(app, sb.buf);
	sb_release(&sb);
	return yes;
}

/* An action on one item of the plan in force: the provider's contact,
 * ending a service, a resignation (of one service or the whole plan). */
static void item_action(struct app *app, struct case_view *cv, enum action a)
{
	const char *title = a == A_CASE_CONTACT ? _("Provider contact") :
			    a == A_CASE_END_ITEM ? _("End a service") : _("Resignation");
	struct plan_version cur;
	struct fielderr e;
	struct date today;
	char buf[TEXT_REASON_MAX + 1], day[16];
	int k, rc;

	if (!cv->plan_id || plan_current(app->db, &app->me, cv->plan_id, &cur)) {
		ui_status(app, true, "%s", _("the plan is not approved yet"));
		return;
	}
	k = choose_item(app, &cur, title, a == A_CASE_RESIGN);
	if (k == -1)
		goto out;
	if (a == A_CASE_CONTACT) {
		if (ui_prompt_date(app, title, _("Date (Enter: today):"), false, day))
			ui_report(app, plan_order_contact(app->db, &app->me, cur.items[k].id, day, &e),
				  &e, _("The provider's contact was recorded."));
		goto out;
	}
	if (!ui_prompt(app, title, _("Reason:"), false, buf, sizeof(buf)))
		goto out;
	date_today(&today);
	date_format(&today, day);
	if (!confirm_ending(app, &cur, k, day, a == A_CASE_RESIGN))
		goto out;
	if (a == A_CASE_END_ITEM)
		rc = item_end(app->db, &app->me, cur.items[k].id, day, buf, &e);
	else
		rc = resignation_add(app->db, &app->me, cv->plan_id, k >= 0 ? cur.items[k].id : 0,
				     day, buf, ui_confirm(app, _("Was the resignation in writing?")),
				     &e);
	ui_report(app, rc, &e, _("Recorded."));
out:
	plan_version_release(&cur);
}

static void act_contact(struct app *app, struct case_view *cv)
{
	item_action(app, cv, A_CASE_CONTACT);
}

static void act_end_item(struct app *app, struct case_view *cv)
{
	item_action(app, cv, A_CASE_END_ITEM);
}

static void act_resign(struct app *app, struct case_view *cv)
{
	item_action(app, cv, A_CASE_RESIGN);
}

static void act_close(struct app *app, struct case_view *cv)
{
	if (cv->plan_id)
		ui_closing(app, cv->plan_id);
}

static void act_compare(struct app *app, struct case_view *cv)
{
	struct plan_version *vers, older, newer;
	struct plan_diff *d;
	size_t nv, nd, i;
	int64_t pid;
	struct strbuf sb;

	if (plan_of_request(app->db, &app->me, cv->r.id, &pid, &vers, &nv) || nv < 2) {
		ui_status(app, true, "%s", _("the plan has only one version"));
		for (i = 0; i < nv; i++)
			plan_version_release(&vers[i]);
		free(vers);
		return;
	}
	sb_init(&sb);
	if (plan_version_get(app->db, &app->me, vers[1].id, &older) == CD_OK &&
	    plan_version_get(app->db, &app->me, vers[0].id, &newer) == CD_OK) {
		sb_addf(&sb, _("Version %d compared with version %d"), newer.version_no,
			older.version_no);
		sb_add(&sb, "\n\n");
		plan_compare(&older, &newer, &d, &nd);
		for (i = 0; i < nd; i++)
			sb_addf(&sb, "%s %s: %s\n", d[i].kind == DIFF_ADDED ? "+" :
				d[i].kind == DIFF_REMOVED ? "-" : "~", d[i].service_name,
				d[i].kind == DIFF_ADDED ? _("added") :
				d[i].kind == DIFF_REMOVED ? _("removed") : d[i].what);
		if (!nd)
			sb_add(&sb, _("No change in the services."));
		free(d);
		plan_version_release(&older);
		plan_version_release(&newer);
		ui_text_view(app, _("compare versions"), sb.buf);
	}
	sb_release(&sb);
	for (i = 0; i < nv; i++)
		plan_version_release(&vers[i]);
	free(vers);
}

static void act_card(struct app *app, struct case_view *cv)
{
	int rc;
	char *text = service_card(app->db, &app->me, cv->r.person_id, &rc);

	if (text)
		ui_text_view(app, _("service card"), text);
	else
		ui_failed(app, rc);
	free(text);
}

static void act_request(struct app *app, struct case_view *cv)
{
	ui_request_edit(app, cv->r.id);
}

static void act_group(struct app *app, struct case_view *cv)
{
	ui_group_enrol_request(app, cv->r.id);
}

static void act_print(struct app *app, struct case_view *cv)
{
	ui_print_case(app, cv->r.id);
}

static void act_followup(struct app *app, struct case_view *cv)
{
	struct fielderr e;
	struct date today;
	char buf[300], day[16];

	if (!cv->closed) {
		ui_status(app, true, "%s", _("the plan is not closed"));
		return;
	}
	/* refused (empty, or another desk recorded it meanwhile): the prompt
	 * comes back with the text typed, until it is saved or dropped */
	buf[0] = '\0';
	while (ui_prompt_value(app, _("Follow-up"), _("How is the person doing:"), buf,
			       sizeof(buf))) {
		int rc;
		date_today(&today);
		date_format(&today, day);
		rc = followup_record(app->db, &app->me, cv->plan_id, day, buf, &e);
		ui_report(app, rc, &e, _("Recorded."));
		if (rc == CD_OK)
			return;
	}
}

static const struct {
	enum action action;
	void (*run)(struct app *app, struct case_view *cv);
} handlers[] = {
	{A_CASE_ASSESS, act_assess},     {A_CASE_OUTCOME, act_outcome},
	{A_CASE_PLAN, act_plan},         {A_CASE_SUBMIT, act_submit},
	{A_CASE_APPROVE, act_approve},   {A_CASE_RETURN, act_return},
	{A_CASE_UPDATE, act_update},     {A_CASE_MONITOR, act_monitor},
	{A_CASE_CONTACT, act_contact},   {A_CASE_END_ITEM, act_end_item},
	{A_CASE_RESIGN, act_resign},     {A_CASE_CLOSE, act_close},
	{A_CASE_COMPARE, act_compare},   {A_CASE_CARD, act_card},
	{A_CASE_REQUEST, act_request},   {A_CASE_GROUP, act_group},
	{A_CASE_PRINT, act_print},       {A_CASE_FOLLOWUP, act_followup},
	{A_CASE_NOTES, act_notes},
};

/* Draws the lines from top and reads keys, scrolling, until an action;
 * returns it (A_NONE after a resize: lay out again). */
static enum action view(struct app *app, const struct case_line *t, size_t nt, const char *next,
			size_t *top)
{
	unsigned gen = app->resize_gen;
	struct lines L;
	enum action a = A_NONE;

	layout(t, nt, next, COLS - 2, &L);
	for (;;) {
		int rows = LINES - 3, y, r;
		wint_t ch;

		werase(stdscr);
		ui_frame(app);
		if (*top + (size_t)rows > L.n)
			*top = L.n > (size_t)rows ? L.n - (size_t)rows : 0;
		for (y = 0; y < rows && *top + (size_t)y < L.n; y++) {
			wattrset(stdscr, L.head[*top + y] ? ui_attr(R_HEADER) : A_NORMAL);
			ui_put(stdscr, 1 + y, 1, L.l[*top + y], COLS - 2, false);
			wattrset(stdscr, A_NORMAL);
		}
		curs_set(0);
		r = ui_getkey(app, stdscr, &ch);
		if (r == KEY_CODE_YES && (ch == KEY_RESIZE || gen != app->resize_gen))
			break;
		if (r == KEY_CODE_YES && ui_list_scroll(ch, top, L.n, rows))
			continue;
		if ((a = keys_action(CTX_CASE, r, ch)) != A_NONE)
			break;
	}
	lines_free(&L);
	return a;
}

void ui_case(struct app *app, int64_t request_id)
{
	const char *saved_title = app->screen_title;
	keyctx saved_ctx = app->context;
	struct fielderr e;
	size_t top = 0;
	bool reload = true, done = false;
	struct case_view cv;
	struct case_line *t = NULL;
	size_t nt = 0, i;
	char *next = NULL;
	struct case_keys keys;
	int rc;

	/* the case view shows the case's contents: the reading is recorded */
	if ((rc = case_opened(app->db, &app->me, request_id, "case view", &e))) {
		/* reception: the request's data and status only */
		if (rc == CD_EPERM && actor_can(&app->me, PERM_REQUEST_FILE))
			ui_request_edit(app, request_id);
		else
			ui_status(app, true, "%s", e.msg);
		return;
	}
	memset(&cv, 0, sizeof(cv));
	while (!done) {
		enum action a;
		struct date today;

		/* the case is read once per action, not on every key */
		if (reload) {
			case_release(&cv);
			case_lines_free(t, nt);
			free(next);
			t = NULL;
			nt = 0;
			next = NULL;
			date_today(&today);
			if ((rc = case_load(app->db, &app->me, request_id, &cv)) ||
			    (rc = case_timeline(app->db, &app->me, &cv, &today, &t, &nt))) {
				ui_failed(app, rc);
				break;
			}
			next = next_line(case_next_actions(&cv));
			keys.next = case_next_actions(&cv);
			keys.cv = &cv;
			keys.write = case_access(app->db, &app->me, request_id, true, NULL) == CD_OK;
			reload = false;
		}
		app->screen_title = _("case");
		app->context = CTX_CASE;
		keys_hint_filter(case_key_acts, &keys);
		a = view(app, t, nt, next, &top);
		keys_hint_filter(NULL, NULL);
		if (a == A_BACK)
			break;
		for (i = 0; i < ARRAY_SIZE(handlers); i++)
			if (handlers[i].action == a) {
				handlers[i].run(app, &cv);
				reload = true;
			}
	}
	case_release(&cv);
	case_lines_free(t, nt);
	free(next);
	app->screen_title = saved_title;
	app->context = saved_ctx;
	werase(stdscr);
}
