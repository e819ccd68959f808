/* card.c - the service card. */
#include "card.h"
#include "assessment.h"
#include "casefile.h"
#include "codes.h"
#include "i18n.h"
#include "monitoring.h"
#include "person.h"
#include "plan.h"
#include "request.h"

#include <stdlib.h>
#include <string.h>

static void heading(struct strbuf *sb, const char *title)
{
	sb_addf(sb, "\n== %s ==\n", title);
}

static void case_part(struct cd_db *db, const struct actor *a, const struct request *r,
		      struct strbuf *sb)
{
	struct assessment as;
	struct plan_version cur;
	struct monitoring_note *notes = NULL;
	struct closing c;
	struct need *needs = NULL;
	int64_t plan_id = 0;
	size_t nn = 0, nneeds = 0, i;

	sb_addf(sb, "\n-- %s (%s) --\n", r->case_ref, r->filed_on);
	if (assessment_get(db, a, r->id, &as) == CD_OK) {
		sb_addf(sb, _("Needs assessment on %s (%s)."), as.held_on,
			!strcmp(as.status, "final") ? _("final") : _("draft"));
		sb_add(sb, "\n");
		for (i = 0; i < as.ndomains; i++) {
			const struct assessment_domain *d = &as.domains[i];
			char name[160];
			life_domain_name(db, d->code, name, sizeof(name));
			if (d->needs[0])
				sb_addf(sb, _("  needs (%s): %s\n"), name, d->needs);
			if (d->strengths[0])
				sb_addf(sb, _("  resources (%s): %s\n"), name, d->strengths);
		}
		assessment_release(&as);
	}
	if (need_list(db, a, r->id, &needs, &nneeds) == CD_OK)
		for (i = 0; i < nneeds; i++)
			sb_addf(sb, "  - %s%s%s\n", needs[i].description,
				needs[i].unmet ? _(" (unmet)") : " → ",
				needs[i].unmet ? "" : needs[i].service_name);
	free(needs);
	if (plan_id_of_request(db, r->id, &plan_id) == CD_OK) {
		if (plan_latest(db, a, plan_id, &cur) == CD_OK) {
			sb_addf(sb, _("Plan (version %d, %s to %s):\n"), cur.version_no,
				cur.period_from, cur.period_to);
			for (i = 0; i < cur.nitems; i++) {
				int un, ex;
				item_absence_counts(db, cur.items[i].id, &un, &ex);
				sb_addf(sb, "  - %s, %s, %s – %s%s%s\n", cur.items[i].service_name,
					cur.items[i].provider_name, cur.items[i].starts_on,
					cur.items[i].ends_on, cur.items[i].ended_on[0] ?
					_(", ended ") : "", cur.items[i].ended_on);
				/* both counts: only the unexcused ones end a service */
				if (un || ex)
					sb_addf(sb, _("    absences: %d unexcused, %d excused\n"), un, ex);
			}
			plan_version_release(&cur);
		}
		if (monitoring_list(db, a, plan_id, &notes, &nn) == CD_OK)
			for (i = 0; i < nn; i++)
				sb_addf(sb, _("  action %s: %s\n"), notes[i].held_on, notes[i].text);
		monitoring_list_free(notes, nn);
		if (closing_get(db, a, plan_id, &c) == CD_OK) {
			sb_addf(sb, _("Closed on %s.\n"), c.closed_on);
			if (c.changes[0])
				sb_addf(sb, _("  results: %s\n"), c.changes);
			if (c.goals_met[0])
				sb_addf(sb, _("  goals met: %s\n"), c.goals_met);
			if (c.followup_on[0])
				sb_addf(sb, _("  follow-up %s: %s\n"), c.followup_on, c.followup_note);
			else
				sb_addf(sb, _("  follow-up due %s\n"), c.followup_due);
		}
	}
}

char *service_card(struct cd_db *db, const struct actor *a, int64_t person_id, int *rc)
{
	struct person p;
	struct request *reqs;
	struct request_filter f = {NULL, 0, person_id};
	struct strbuf sb;
	size_t n, i;

	*rc = actor_require(a, PERM_CASE_CONTENT, NULL);
	if (*rc)
		return NULL;
	if ((*rc = person_get(db, a, person_id, &p)))
		return NULL;
	sb_init(&sb);
	sb_addf(&sb, "%s: %s %s\n", _("Service card"), p.first_names, p.surname);
	heading(&sb, _("General part"));
	sb_addf(&sb, "%s: %s   %s: %s\n", _("PESEL"), p.pesel[0] ? p.pesel : "-",
		_("Birth date"), p.birth_date[0] ? p.birth_date : "-");
	sb_addf(&sb, "%s: %s %s%s%s, %s %s\n", _("Address"), p.street, p.house_no,
		p.flat_no[0] ? "/" : "", p.flat_no, p.postcode, p.town);
	sb_addf(&sb, "%s: %s   %s: %s\n", _("Phone"), p.phone[0] ? p.phone : "-",
		_("E-mail"), p.email[0] ? p.email : "-");
	if (request_list(db, a, &f, &reqs, &n) == CD_OK) {
		sb_addf(&sb, "%s:\n", _("Contact history"));
		for (i = 0; i < n; i++)
			sb_addf(&sb, "  %s  %s, %s; %s: %s; %s\n", reqs[i].filed_on,
				reqs[i].case_ref, code_label(&codes_channel, reqs[i].channel),
				_("referred by"), code_label(&codes_referral, reqs[i].referral_source),
				code_label(&codes_request_status, reqs[i].status));
		heading(&sb, _("Detailed part"));
		for (i = 0; i < n; i++)
			if (case_access(db, a, reqs[i].id, false, NULL) == CD_OK)
				case_part(db, a, &reqs[i], &sb);
		free(reqs);
	}
	return sb_detach(&sb);
}
