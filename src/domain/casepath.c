/* casepath.c - a case as a whole: its state, what comes next, its timeline. */
#include "casepath.h"
#include "casefile.h"
#include "codes.h"
#include "group.h"
#include "i18n.h"
#include "util.h"
#include "worklist.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int case_load(struct cd_db *db, const struct actor *a, int64_t request_id,
	      struct case_view *out)
{
	struct date today;
	size_t i;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = case_access(db, a, request_id, false, NULL)) ||
	    (rc = request_get(db, a, request_id, &out->r)))
		return rc;
	rc = assessment_get(db, a, request_id, &out->as);
	if (rc && rc != CD_ENOTFOUND)
		return rc;
	out->have_assessment = rc == CD_OK;
	rc = plan_id_of_request(db, request_id, &out->plan_id);
	if (rc && rc != CD_ENOTFOUND)
		goto fail;
	if (rc == CD_OK) {
		if ((rc = plan_latest(db, a, out->plan_id, &out->latest)))
			goto fail;
		out->have_plan = true;
		rc = closing_get(db, a, out->plan_id, &out->c);
		if (rc && rc != CD_ENOTFOUND)
			goto fail;
		out->closed = rc == CD_OK;
		for (i = 0; i < out->latest.nitems; i++)
			out->items_running += !out->latest.items[i].ended_on[0];
	}
	date_today(&today);
	out->may_approve = plan_may_approve(db, a, &today);
	return CD_OK;
fail:
	case_release(out);
	return rc;
}

void case_release(struct case_view *cv)
{
	if (cv->have_assessment)
		assessment_release(&cv->as);
	if (cv->have_plan)
		plan_version_release(&cv->latest);
	cv->have_assessment = cv->have_plan = false;
}

unsigned case_next_actions(const struct case_view *cv)
{
	const char *st = cv->have_plan ? cv->latest.status : "";

	if (cv->closed)
		return cv->c.followup_on[0] ? CASE_NEXT_CARD : CASE_NEXT_FOLLOWUP | CASE_NEXT_CARD;
	if (!cv->have_assessment)
		return request_status_is_open(cv->r.status) ?
		       CASE_NEXT_ASSESS_START | CASE_NEXT_GROUP_NO_IPUS : 0;
	if (strcmp(cv->as.status, "final"))
		return CASE_NEXT_ASSESS_CONTINUE | CASE_NEXT_OUTCOME | CASE_NEXT_GROUP;
	if (strcmp(cv->as.outcome, "qualified"))
		return 0;
	if (!cv->have_plan)
		return CASE_NEXT_PLAN_DRAW;
	if (!strcmp(st, "draft") || !strcmp(st, "returned"))
		return CASE_NEXT_PLAN_EDIT | CASE_NEXT_SUBMIT;
	if (!strcmp(st, "submitted"))
		return cv->may_approve ? CASE_NEXT_APPROVE | CASE_NEXT_RETURN :
		       CASE_NEXT_AWAIT_APPROVAL;
	if (!strcmp(st, "approved"))
		return cv->items_running ?
		       CASE_NEXT_MONITOR | CASE_NEXT_CONTACT | CASE_NEXT_UPDATE | CASE_NEXT_CLOSE :
		       CASE_NEXT_CLOSE_IDLE | CASE_NEXT_UPDATE;
	return 0;
}

/* ---- the timeline ---- */

struct lines {
	struct case_line *l;
	size_t n, cap;
};

static void line(struct lines *L, bool heading, int level, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void line(struct lines *L, bool heading, int level, const char *fmt, ...)
{
	struct case_line *c = array_push((void **)&L->l, &L->n, &L->cap, sizeof(*L->l));
	struct strbuf sb;
	va_list ap;
	char buf[1200];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	sb_init(&sb);
	sb_add(&sb, buf);
	c->heading = heading;
	c->level = level;
	c->text = sb_detach(&sb);
}

void case_lines_free(struct case_line *l, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(l[i].text);
	free(l);
}

static int due_and_groups(struct cd_db *db, const struct actor *a, const struct case_view *cv,
			  const struct date *today, struct lines *L)
{
	struct wl_item *w = NULL;
	struct group_member *gm = NULL;
	char **names = NULL;
	size_t nw = 0, ng = 0, i;
	int rc;

	if ((rc = worklist_case(db, a, today, cv->r.id, &w, &nw)))
		return rc;
	for (i = 0; i < nw; i++) {
		long d = w[i].days_left;
		if (w[i].request_id != cv->r.id)
			continue;
		/* TRANSLATORS: what is due, its date, the days left (negative:
		 * overdue) and a detail such as "update 2" */
		line(L, false, 0, P_("%s %s (%ld day) %s", "%s %s (%ld days) %s",
				    (unsigned long)(d < 0 ? -d : d)),
		     wl_kind_label(w[i].kind), w[i].due, d, w[i].detail);
		L->l[L->n - 1].due = true;
		L->l[L->n - 1].overdue = d < 0;
	}
	free(w);
	if ((rc = group_memberships_of_request(db, a, cv->r.id, &gm, &names, &ng)))
		return rc;
	for (i = 0; i < ng; i++) {
		if (gm[i].left_on[0])
			line(L, false, 0, _("Group service: %s, from %s to %s"), names[i],
			     gm[i].joined_on, gm[i].left_on);
		else
			line(L, false, 0, _("Group service: %s, from %s"), names[i], gm[i].joined_on);
		free(names[i]);
	}
	free(names);
	free(gm);
	return CD_OK;
}

static int assessment_part(struct cd_db *db, const struct actor *a, const struct case_view *cv,
			   struct lines *L)
{
	const struct assessment *as = &cv->as;
	struct need *nd = NULL;
	size_t nn = 0, k;
	const char *why;
	int rc;

	line(L, true, 0, "%s", _("Needs assessment"));
	if (!cv->have_assessment) {
		line(L, false, 1, "%s", _("not started"));
		return CD_OK;
	}
	/* TRANSLATORS: the day, the place, and "final" or "draft" */
	line(L, false, 1, _("%s, %s; %s"), as->sittings[0] ? as->sittings : as->held_on,
	     !strcmp(as->place, "home") ? _("at the person's home") :
	     !strcmp(as->place, "cus") ? _("at the centre") : as->place_note,
	     !strcmp(as->status, "final") ? _("final") : _("draft"));
	if (as->outcome[0])
		line(L, false, 1, _("outcome: %s %s"), code_label(&codes_request_status, as->outcome),
		     as->outcome_note);
	if ((rc = need_list(db, a, cv->r.id, &nd, &nn)))
		return rc;
	for (k = 0; k < nn; k++)
		line(L, false, 1, "· %s → %s", nd[k].description,
		     nd[k].unmet ? _("unmet (register)") : nd[k].service_name);
	free(nd);
	if (!strcmp(as->outcome, "forwarded"))
		line(L, false, 1, as->forward_whole ? _("forwarded in whole to %s; consent %s") :
		     _("forwarded in part to %s; consent %s"),
		     code_label(&codes_forward_to, as->forward_to), as->consent_on);
	if (as->coordination_months > 0 || as->outcome[0]) {
		assessment_ipus_need(db, a, cv->r.id, &why);
		/* TRANSLATORS: the months of coordination, and why an IPUS is
		 * (or is not) needed */
		line(L, false, 1, P_("coordination %d month; IPUS %s",
				    "coordination %d months; IPUS %s",
				    (unsigned long)(as->coordination_months > 0 ?
						    as->coordination_months : 0)),
		     as->coordination_months, why);
	}
	return CD_OK;
}

static void version_line(struct lines *L, const struct plan_version *v)
{
	const char *status = code_label(&codes_plan_status, v->status);
	char decision[160];

	snprintf(decision, sizeof(decision), "%s%s%.10s", v->decided_by_name,
		 v->decided_by_name[0] && v->decided_at[0] ? " " : "", v->decided_at);
	if (decision[0] && v->late)
		/* TRANSLATORS: version no., status, from, to, who decided and when */
		line(L, false, 1, _("version %d: %s, %s – %s, %s [LATE: over 30 days]"),
		     v->version_no, status, v->period_from, v->period_to, decision);
	else if (decision[0])
		line(L, false, 1, _("version %d: %s, %s – %s, %s"), v->version_no, status,
		     v->period_from, v->period_to, decision);
	else if (v->late)
		line(L, false, 1, _("version %d: %s, %s – %s [LATE: over 30 days]"), v->version_no,
		     status, v->period_from, v->period_to);
	else
		line(L, false, 1, _("version %d: %s, %s – %s"), v->version_no, status,
		     v->period_from, v->period_to);
	/* the 30 days of art. 40 bind the submission; the approval is its own
	 * time: a plan submitted in time but decided later says so, rather
	 * than looking late ("submitted on day 20 (within the 30 days),
	 * approved on day 45") */
	if (!v->late && v->submitted_day > 0 && v->decided_day > PLAN_DEADLINE_DAYS)
		line(L, false, 2, _("submitted on day %d after the request (%s), approved on day %d"),
		     v->submitted_day, _("within the 30 days"), v->decided_day);
	if (v->update_reason[0])
		line(L, false, 2, _("update (%s): %s"), code_label(&codes_update_reason,
								   v->update_reason), v->update_note);
	if (!strcmp(v->status, "returned"))
		line(L, false, 2, _("returned: %s"), v->return_comment);
}

static void item_line(struct lines *L, const struct plan_item *it)
{
	struct strbuf sb;
	char amount[96], *clause;

	item_amount_text(it, amount, sizeof(amount));
	sb_init(&sb);
	/* TRANSLATORS: service, provider, from, to, amount ("2 hours a week") */
	sb_addf(&sb, _("%s, %s, %s – %s, %s"), it->service_name, it->provider_name,
		it->starts_on, it->ends_on, amount);
	if (it->order_sent_on[0]) {
		clause = xasprintf(_("order %s"), it->order_sent_on);
		sb_addf(&sb, "; %s", clause);
		free(clause);
	}
	if (it->provider_contact_on[0]) {
		clause = xasprintf(_("provider's contact %s"), it->provider_contact_on);
		sb_addf(&sb, "; %s", clause);
		free(clause);
	}
	if (it->ended_on[0]) {
		clause = it->end_reason[0] ? xasprintf(_("ended %s (%s)"), it->ended_on, it->end_reason)
			 : xasprintf(_("ended %s"), it->ended_on);
		sb_addf(&sb, "; %s", clause);
		free(clause);
	}
	line(L, false, 1, "- %s", sb.buf);
	sb_release(&sb);
	if (it->override_reason[0])
		line(L, false, 2, _("over the limit, because: %s"), it->override_reason);
}

static int plan_part(struct cd_db *db, const struct actor *a, const struct case_view *cv,
		     struct lines *L)
{
	struct plan_version *vers = NULL;
	struct monitoring_note *notes = NULL;
	size_t nv = 0, nn = 0, i;
	int64_t pid;
	int rc;

	rc = plan_of_request(db, a, cv->r.id, &pid, &vers, &nv);
	if (rc == CD_ENOTFOUND)
		return CD_OK;
	if (rc)
		return rc;
	line(L, true, 0, "%s", _("Plan (IPUS)"));
	for (i = nv; i-- > 0;)
		version_line(L, &vers[i]);
	for (i = 0; i < nv; i++)
		plan_version_release(&vers[i]);
	free(vers);
	if (cv->have_plan)
		for (i = 0; i < cv->latest.nitems; i++)
			item_line(L, &cv->latest.items[i]);
	if ((rc = monitoring_list(db, a, pid, &notes, &nn)))
		return rc;
	if (nn) {
		line(L, true, 0, "%s", _("Monitoring"));
		for (i = 0; i < nn; i++)
			line(L, false, 1, "%s %s: %s", notes[i].held_on,
			     code_label(&codes_note_kind, notes[i].kind), notes[i].text);
	}
	monitoring_list_free(notes, nn);
	if (cv->closed) {
		const char *why = code_label(&codes_closure_reason, cv->c.reason);
		line(L, true, 0, "%s", _("Closing"));
		if (cv->c.followup_on[0])
			/* TRANSLATORS: closed on, why, the follow-up's day and note */
			line(L, false, 1, _("closed %s (%s); follow-up %s: %s"), cv->c.closed_on, why,
			     cv->c.followup_on, cv->c.followup_note);
		else
			line(L, false, 1, _("closed %s (%s); follow-up due %s"), cv->c.closed_on, why,
			     cv->c.followup_due);
	}
	return CD_OK;
}

int case_timeline(struct cd_db *db, const struct actor *a, const struct case_view *cv,
		  const struct date *today, struct case_line **out, size_t *n)
{
	struct lines L = {NULL, 0, 0};
	int rc;

	*out = NULL;
	*n = 0;
	/* TRANSLATORS: case reference, person, status, coordinator */
	line(&L, true, 0, _("%s · %s · status: %s · coordinator: %s"), cv->r.case_ref,
	     cv->r.person_name, code_label(&codes_request_status, cv->r.status),
	     cv->r.coordinator_name[0] ? cv->r.coordinator_name : "—");
	line(&L, false, 0, _("Request filed %s (%s): %s"), cv->r.filed_on,
	     code_label(&codes_channel, cv->r.channel), cv->r.asked);
	if ((rc = due_and_groups(db, a, cv, today, &L)) ||
	    (rc = assessment_part(db, a, cv, &L)) ||
	    (rc = plan_part(db, a, cv, &L))) {
		case_lines_free(L.l, L.n);
		return rc;
	}
	*out = L.l;
	*n = L.n;
	return CD_OK;
}
