/* case.c - one screen per case: the timeline, what is due, the actions of
 * the case path. */
#include "app.h"
#include "assessment.h"
#include "card.h"
#include "casefile.h"
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

struct lines {
	char **l;
	bool *head;
	size_t n;
};

static void add(struct lines *L, bool head, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void add(struct lines *L, bool head, const char *fmt, ...)
{
	va_list ap;
	char buf[1200];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	L->l = xrealloc(L->l, (L->n + 1) * sizeof(char *));
	L->head = xrealloc(L->head, (L->n + 1) * sizeof(bool));
	L->l[L->n] = xstrdup(buf);
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

/* What the case screen knows of the case. */
struct case_state {
	struct request r;
	bool have_assessment;
	struct assessment as;
	int64_t plan_id;
	struct plan_version latest;     /* newest version, full */
	bool have_plan;
	bool closed;
	struct closing c;
};

static void state_load(struct app *app, int64_t request_id, struct case_state *cs)
{
	struct plan_version *vers;
	size_t nv, i;

	memset(cs, 0, sizeof(*cs));
	request_get(app->db, &app->me, request_id, &cs->r);
	cs->have_assessment = assessment_get(app->db, &app->me, request_id, &cs->as) == CD_OK;
	if (plan_of_request(app->db, &app->me, request_id, &cs->plan_id, &vers, &nv) == CD_OK) {
		cs->have_plan = plan_latest(app->db, &app->me, cs->plan_id, &cs->latest) == CD_OK;
		cs->closed = closing_get(app->db, &app->me, cs->plan_id, &cs->c) == CD_OK;
		for (i = 0; i < nv; i++)
			plan_version_release(&vers[i]);
	}
	free(vers);
}

static void state_free(struct case_state *cs)
{
	if (cs->have_assessment)
		assessment_release(&cs->as);
	if (cs->have_plan)
		plan_version_release(&cs->latest);
}

/* What the user can do next in this case, with the keys for it. */
static void next_step(struct app *app, const struct case_state *cs, struct lines *L)
{
	struct date today;
	const char *s = NULL;

	date_today(&today);
	if (cs->closed && cs->c.followup_on[0])
		s = _("u: service card");
	else if (cs->closed)
		s = _("f: the follow-up half a year after closing · u: service card");
	else if (!cs->have_assessment && !request_status_is_open(cs->r.status))
		s = NULL;
	else if (!cs->have_assessment)
		s = _("r: start the needs assessment · g: enrol into a group service (no IPUS)");
	else if (strcmp(cs->as.status, "final"))
		s = _("r: continue the assessment · w: record its outcome · g: group service");
	else if (strcmp(cs->as.outcome, "qualified"))
		s = NULL;
	else if (!cs->have_plan)
		s = _("p: draw up the plan (IPUS)");
	else if (!strcmp(cs->latest.status, "draft") || !strcmp(cs->latest.status, "returned"))
		s = _("p: edit the plan · s: submit it for approval");
	else if (!strcmp(cs->latest.status, "submitted"))
		s = plan_may_approve(app->db, &app->me, &today) ?
		    _("z: approve the plan · x: return it with a comment") :
		    _("the plan awaits the director's approval");
	else if (!strcmp(cs->latest.status, "approved")) {
		size_t i, running = 0;
		for (i = 0; i < cs->latest.nitems; i++)
			running += !cs->latest.items[i].ended_on[0];
		s = running ? _("m: monitoring note · k: provider contact · a: update · c: close") :
			      _("c: close the plan (no service is running) · a: update");
	}
	if (s)
		add(L, false, "» %s %s", _("Next:"), s);
}

static void build(struct app *app, const struct case_state *cs, struct lines *L)
{
	struct plan_version *vers = NULL;
	struct monitoring_note *notes = NULL;
	struct wl_item *w = NULL;
	struct date today;
	int64_t pid;
	size_t nv = 0, nn = 0, nw = 0, i;

	add(L, true, "%s · %s · %s: %s · %s: %s", cs->r.case_ref, cs->r.person_name,
	    _("status"), code_label(&codes_request_status, cs->r.status), _("coordinator"),
	    cs->r.coordinator_name[0] ? cs->r.coordinator_name : "—");
	add(L, false, _("Request filed %s (%s): %s"), cs->r.filed_on,
	    code_label(&codes_channel, cs->r.channel), cs->r.asked);
	/* what is due in this case */
	date_today(&today);
	if (worklist(app->db, &app->me, &today, &w, &nw) == CD_OK)
		for (i = 0; i < nw; i++)
			if (w[i].request_id == cs->r.id)
				add(L, false, "%s %s %s (%ld %s) %s", w[i].days_left < 0 ? "!" : "»",
				    wl_kind_label(w[i].kind), w[i].due, w[i].days_left, _("days"),
				    w[i].detail);
	free(w);
	{
		struct group_member *gm;
		char **names;
		size_t ng, k;
		if (group_memberships_of_request(app->db, &app->me, cs->r.id, &gm, &names, &ng) ==
		    CD_OK) {
			for (k = 0; k < ng; k++) {
				if (gm[k].left_on[0])
					add(L, false, _("Group service: %s, from %s to %s"), names[k],
					    gm[k].joined_on, gm[k].left_on);
				else
					add(L, false, _("Group service: %s, from %s"), names[k],
					    gm[k].joined_on);
				free(names[k]);
			}
			free(names);
			free(gm);
		}
	}
	next_step(app, cs, L);
	add(L, true, "%s", _("Needs assessment"));
	if (!cs->have_assessment) {
		add(L, false, "%s", _("  not started (r: start it)"));
	} else {
		add(L, false, _("  %s, %s; %s"), cs->as.held_on,
		    !strcmp(cs->as.place, "home") ? _("at the person's home") :
		    !strcmp(cs->as.place, "cus") ? _("at the centre") : cs->as.place_note,
		    !strcmp(cs->as.status, "final") ? _("final") : _("draft (w: record the outcome)"));
		if (cs->as.outcome[0])
			add(L, false, _("  outcome: %s %s"), code_label(&codes_request_status,
			    cs->as.outcome), cs->as.outcome_note);
		{
			struct need *nd = NULL;
			size_t nn2 = 0, k;
			if (need_list(app->db, &app->me, cs->r.id, &nd, &nn2) == CD_OK)
				for (k = 0; k < nn2; k++)
					add(L, false, "  · %s → %s", nd[k].description,
					    nd[k].unmet ? _("unmet (register)") : nd[k].service_name);
			free(nd);
		}
		if (!strcmp(cs->as.outcome, "forwarded"))
			add(L, false, _("  forwarded (%s) to %s; consent %s"),
			    cs->as.forward_whole ? _("whole") : _("in part"),
			    code_label(&codes_forward_to, cs->as.forward_to), cs->as.consent_on);
		if (cs->as.coordination_months > 0 || cs->as.outcome[0]) {
			const char *why;
			assessment_ipus_need(app->db, &app->me, cs->r.id, &why);
			add(L, false, _("  coordination %d months; IPUS %s"),
			    cs->as.coordination_months, why);
		}
	}
	if (plan_of_request(app->db, &app->me, cs->r.id, &pid, &vers, &nv) == CD_OK) {
		add(L, true, "%s", _("Plan (IPUS)"));
		for (i = nv; i-- > 0;) {
			add(L, false, _("  version %d: %s, %s – %s%s%s%s%.10s%s"), vers[i].version_no,
			    code_label(&codes_plan_status, vers[i].status), vers[i].period_from,
			    vers[i].period_to,
			    vers[i].decided_by_name[0] || vers[i].decided_at[0] ? ", " : "",
			    vers[i].decided_by_name,
			    vers[i].decided_by_name[0] && vers[i].decided_at[0] ? " " : "",
			    vers[i].decided_at, vers[i].late ? _(" [LATE: over 30 days]") : "");
			if (vers[i].update_reason[0])
				add(L, false, _("    update (%s): %s"),
				    code_label(&codes_update_reason, vers[i].update_reason),
				    vers[i].update_note);
			if (!strcmp(vers[i].status, "returned"))
				add(L, false, _("    returned: %s"), vers[i].return_comment);
		}
		for (i = 0; i < nv; i++)
			plan_version_release(&vers[i]);
		free(vers);
		if (cs->have_plan)
			for (i = 0; i < cs->latest.nitems; i++) {
				const struct plan_item *it = &cs->latest.items[i];
				char amount[96];
				item_amount_text(it, amount, sizeof(amount));
				add(L, false, "  - %s, %s, %s – %s, %s%s%s%s%s%s%s%s%s%s",
				    it->service_name,
				    it->provider_name, it->starts_on, it->ends_on, amount,
				    it->order_sent_on[0] ? _("; order ") : "", it->order_sent_on,
				    it->provider_contact_on[0] ? _("; provider's contact ") : "",
				    it->provider_contact_on,
				    it->ended_on[0] ? _("; ended ") : "", it->ended_on,
				    it->ended_on[0] && it->end_reason[0] ? " (" : "",
				    it->ended_on[0] ? it->end_reason : "",
				    it->ended_on[0] && it->end_reason[0] ? ")" : "");
				if (it->override_reason[0])
					add(L, false, _("    over the limit, because: %s"),
					    it->override_reason);
			}
		if (monitoring_list(app->db, &app->me, pid, &notes, &nn) == CD_OK && nn) {
			add(L, true, "%s", _("Monitoring"));
			for (i = 0; i < nn; i++)
				add(L, false, "  %s %s: %s", notes[i].held_on,
				    code_label(&codes_note_kind, notes[i].kind), notes[i].text);
		}
		monitoring_list_free(notes, nn);
		if (cs->closed) {
			add(L, true, "%s", _("Closing"));
			add(L, false, _("  closed %s (%s); follow-up %s %s"), cs->c.closed_on,
			    code_label(&codes_closure_reason, cs->c.reason), cs->c.followup_on[0] ? cs->c.followup_on : _("due"),
			    cs->c.followup_on[0] ? cs->c.followup_note : cs->c.followup_due);
		}
	} else {
		free(vers);
	}
}

/* Wraps the long lines at width columns, continuation lines indented. */
static void wrap(struct lines *L, int width)
{
	struct lines out;
	size_t i, j, n;

	memset(&out, 0, sizeof(out));
	for (i = 0; i < L->n; i++) {
		char **parts = ui_wrap_lines(L->l[i], width, &n);
		size_t first = n ? strlen(parts[0]) : 0;
		add(&out, L->head[i], "%s", n ? parts[0] : "");
		ui_free_lines(parts, n);
		if (!L->l[i][first])
			continue;
		/* the rest, indented under the first piece */
		parts = ui_wrap_lines(L->l[i] + first + strspn(L->l[i] + first, " "), width - 4, &n);
		for (j = 0; j < n; j++)
			add(&out, L->head[i], "    %s", parts[j]);
		ui_free_lines(parts, n);
	}
	lines_free(L);
	*L = out;
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

static void do_action(struct app *app, struct case_state *cs, enum action a)
{
	struct fielderr e;
	struct date today;
	char buf[300], day[16];
	int rc;

	fielderr_clear(&e);
	date_today(&today);
	switch (a) {
	case A_CASE_ASSESS:
		ui_assessment(app, cs->r.id);
		break;
	case A_CASE_OUTCOME:
		ui_outcome(app, cs->r.id);
		break;
	case A_CASE_PLAN:
		ui_plan_edit(app, cs->r.id);
		break;
	case A_CASE_SUBMIT:
		if (!cs->have_plan || !ui_confirm(app, _("Submit the plan for approval?")))
			break;
		rc = plan_submit(app->db, &app->me, cs->latest.id, &e);
		ui_report(app, rc, &e, _("The plan was submitted for approval."));
		break;
	case A_CASE_APPROVE:
	case A_CASE_RETURN:
		/* asked only of those who may decide (the domain checks again) */
		if (cs->have_plan && !plan_may_approve(app->db, &app->me, &today)) {
			ui_status(app, true, "%s", _("plans are approved by the director or an "
						     "organiser the director authorised (art. 41)"));
			break;
		}
		if (a == A_CASE_RETURN)
			goto return_plan;
		if (!cs->have_plan || !ui_confirm(app, _("Approve the plan?")))
			break;
		rc = plan_approve(app->db, &app->me, cs->latest.id, &today, &e);
		ui_report(app, rc, &e, _("The plan was approved; orders went to the providers."));
		break;
	return_plan:
		if (!cs->have_plan || !ui_prompt(app, _("Return the plan"), _("Comment:"), false,
						 buf, sizeof(buf)))
			break;
		rc = plan_return(app->db, &app->me, cs->latest.id, buf, &e);
		ui_report(app, rc, &e, _("The plan was returned to the coordinator."));
		break;
	case A_CASE_UPDATE: {
		const struct code_table *t = &codes_update_reason;
		const char *labels[8];
		size_t i;
		int k;
		if (!cs->plan_id)
			break;
		for (i = 0; i < t->count && i < ARRAY_SIZE(labels); i++)
			labels[i] = _(t->items[i].label);
		k = ui_choose(app, _("Reason for the update"), labels, i, 0);
		if (k < 0 || !ui_prompt(app, _("Update the plan"), _("Note:"), false, buf, sizeof(buf)))
			break;
		rc = plan_update(app->db, &app->me, cs->plan_id, t->items[k].code, buf, NULL, &e);
		ui_report(app, rc, &e, _("A new version was started from the approved plan."));
		if (!rc)
			ui_plan_edit(app, cs->r.id);
		break;
	}
	case A_CASE_MONITOR:
		if (cs->plan_id)
			ui_monitoring_note(app, cs->plan_id);
		else
			ui_status(app, true, "%s", _("there is no plan to monitor yet"));
		break;
	case A_CASE_CONTACT:
	case A_CASE_END_ITEM:
	case A_CASE_RESIGN: {
		struct plan_version cur;
		int k;
		if (!cs->plan_id || plan_current(app->db, &app->me, cs->plan_id, &cur)) {
			ui_status(app, true, "%s", _("the plan is not approved yet"));
			break;
		}
		k = choose_item(app, &cur, a == A_CASE_CONTACT ? _("Provider contact") :
				a == A_CASE_END_ITEM ? _("End a service") : _("Resignation"),
				a == A_CASE_RESIGN);
		if (k == -1) {
			plan_version_release(&cur);
			break;
		}
		if (a == A_CASE_CONTACT) {
			if (ui_prompt_date(app, _("Provider contact"), _("Date (Enter: today):"), false, day)) {
				rc = plan_order_contact(app->db, &app->me, cur.items[k].id, day, &e);
				ui_report(app, rc, &e, _("The provider's contact was recorded."));
			}
		} else if (ui_prompt(app, a == A_CASE_END_ITEM ? _("End a service") :
				     _("Resignation"), _("Reason:"), false, buf, sizeof(buf))) {
			date_format(&today, day);
			if (a == A_CASE_END_ITEM)
				rc = item_end(app->db, &app->me, cur.items[k].id, day, buf, &e);
			else
				rc = resignation_add(app->db, &app->me, cs->plan_id,
						     k >= 0 ? cur.items[k].id : 0, day, buf,
						     ui_confirm(app, _("Was the resignation in writing?")),
						     &e);
			ui_report(app, rc, &e, _("Recorded."));
		}
		plan_version_release(&cur);
		break;
	}
	case A_CASE_CLOSE:
		if (cs->plan_id)
			ui_closing(app, cs->plan_id);
		break;
	case A_CASE_COMPARE: {
		struct plan_version *vers, older, newer;
		struct plan_diff *d;
		size_t nv, nd, i;
		int64_t pid;
		struct strbuf sb;
		if (plan_of_request(app->db, &app->me, cs->r.id, &pid, &vers, &nv) || nv < 2) {
			ui_status(app, true, "%s", _("the plan has only one version"));
			if (!nv)
				free(vers);
			break;
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
		break;
	}
	case A_CASE_CARD: {
		char *text = service_card(app->db, &app->me, cs->r.person_id, &rc);
		if (text)
			ui_text_view(app, _("service card"), text);
		else
			ui_report(app, rc, &e, "");
		free(text);
		break;
	}
	case A_CASE_REQUEST:
		ui_request_edit(app, cs->r.id);
		break;
	case A_CASE_GROUP:
		ui_group_enrol_request(app, cs->r.id);
		break;
	case A_CASE_PRINT:
		ui_print_case(app, cs->r.id);
		break;
	case A_CASE_FOLLOWUP:
		if (!cs->closed) {
			ui_status(app, true, "%s", _("the plan is not closed"));
			break;
		}
		if (ui_prompt(app, _("Follow-up"), _("How is the person doing:"), false, buf,
			      sizeof(buf))) {
			date_format(&today, day);
			rc = followup_record(app->db, &app->me, cs->plan_id, day, buf, &e);
			ui_report(app, rc, &e, _("Recorded."));
		}
		break;
	default:
		break;
	}
}

void ui_case(struct app *app, int64_t request_id)
{
	const char *saved_title = app->screen_title;
	unsigned saved_ctx = app->context;
	size_t top = 0;
	struct fielderr e;
	int rc;

	if ((rc = case_access(app->db, &app->me, request_id, false, &e))) {
		/* reception: the request's data and status only */
		if (rc == CD_EPERM && actor_can(&app->me, PERM_REQUEST_FILE))
			ui_request_edit(app, request_id);
		else
			ui_status(app, true, "%s", e.msg);
		return;
	}
	for (;;) {
		struct case_state cs;
		struct lines L;
		int rows, y, r;
		wint_t ch;
		enum action a;

		memset(&L, 0, sizeof(L));
		state_load(app, request_id, &cs);
		build(app, &cs, &L);
		wrap(&L, COLS - 2);
		app->screen_title = _("case");
		app->context = CTX_CASE;
		werase(stdscr);
		ui_frame(app);
		rows = LINES - 3;
		if (top + (size_t)rows > L.n)
			top = L.n > (size_t)rows ? L.n - (size_t)rows : 0;
		for (y = 0; y < rows && top + (size_t)y < L.n; y++) {
			wattrset(stdscr, L.head[top + y] ? ui_attr(R_HEADER) : A_NORMAL);
			ui_put(stdscr, 1 + y, 1, L.l[top + y], COLS - 2, false);
			wattrset(stdscr, A_NORMAL);
		}
		lines_free(&L);
		curs_set(0);
		r = ui_getkey(app, stdscr, &ch);
		a = keys_action(CTX_CASE, r, ch);
		if (r == KEY_CODE_YES && ch == KEY_DOWN)
			top++;
		else if (r == KEY_CODE_YES && ch == KEY_UP && top)
			top--;
		else if (r == KEY_CODE_YES && ch == KEY_NPAGE)
			top += (size_t)rows - 1;
		else if (r == KEY_CODE_YES && ch == KEY_PPAGE)
			top = top > (size_t)rows ? top - (size_t)rows + 1 : 0;
		else if (r == KEY_CODE_YES && ch == KEY_HOME)
			top = 0;
		else if (r == KEY_CODE_YES && ch == KEY_END)
			top = (size_t)-1 / 2;     /* clamped to the last page when drawn */
		if (a == A_BACK) {
			state_free(&cs);
			break;
		}
		if (a != A_NONE && !(r == KEY_CODE_YES && ch == KEY_RESIZE))
			do_action(app, &cs, a);
		state_free(&cs);
	}
	app->screen_title = saved_title;
	app->context = saved_ctx;
	werase(stdscr);
}
