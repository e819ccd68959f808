/* worklist.c - what is due today. */
#include "worklist.h"
#include "meeting.h"
#include "summary.h"
#include "casefile.h"
#include "dbint.h"
#include "i18n.h"
#include "monitoring.h"
#include "plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *code;
	const char *label;
} kinds[WL__COUNT] = {
	[WL_ASSESSMENT] = {"assessment", N_("needs assessment")},
	[WL_PLAN_DUE] = {"plan_due", N_("plan due (30 days)")},
	[WL_RETURNED] = {"plan_returned", N_("plan returned")},
	[WL_APPROVAL] = {"approval", N_("plan to approve")},
	[WL_PROVIDER_CONTACT] = {"provider_contact", N_("no provider contact")},
	[WL_ABSENCES] = {"absences", N_("absences")},
	[WL_REVIEW] = {"review", N_("first review")},
	[WL_NEXT_CONTACT] = {"next_contact", N_("next contact")},
	[WL_PLAN_ENDING] = {"plan_ending", N_("plan ending")},
	[WL_FOLLOWUP] = {"followup", N_("follow-up")},
	[WL_MEETING] = {"meeting", N_("coordinators' meeting")},
	[WL_SUMMARY] = {"summary", N_("half-yearly summary")},
	[WL_NEW_OFFER] = {"new_offer", N_("new in the offer")},
};

const char *wl_kind_code(enum wl_kind k)
{
	return k < WL__COUNT ? kinds[k].code : "?";
}

const char *wl_kind_label(enum wl_kind k)
{
	return k < WL__COUNT ? _(kinds[k].label) : "?";
}

/* Which cases a query covers.  Each query is written with the marker
 * MINE where the restriction goes; the restriction is put in before it is
 * prepared (constant text, never user text), so that every variant is a
 * plain condition an index can serve: for a user, the requests they
 * coordinate or were shared (indexes on request(coordinator_id) and
 * case_share(user_id), read first); for one case, its id besides.  The
 * form "?all OR coordinator = ?user OR EXISTS (share)" would make every
 * query read the whole history, whoever asks.  ?2 is always bound (1 for
 * all), ?3 the user, ?6 the case. */
#define MINE "@MINE@"
#define MINE_USER "r.id IN (SELECT id FROM request WHERE coordinator_id = ?3 UNION ALL " \
	"SELECT request_id FROM case_share WHERE user_id = ?3)"
#define MINE_ALL "?2"
/* one case: its row is found by id, so the test of the user is on that row
 * alone (not the list of all the user's requests, built per statement) */
#define MINE_CASE_USER "r.id = ?6 AND (r.coordinator_id = ?3 OR EXISTS (SELECT 1 FROM " \
	"case_share WHERE request_id = r.id AND user_id = ?3))"
#define MINE_CASE_ALL "r.id = ?6 AND ?2"
#define OPEN_PLAN "NOT EXISTS (SELECT 1 FROM closure c WHERE c.plan_id = p.id)"

/* Each query returns: due, case_ref, person, request id, plan id, detail;
 * ?1 is today, ?4 a number of days, ?5 a number of months. */
static const struct {
	enum wl_kind kind;
	bool approvers;      /* only for those who may approve */
	const char *sql;
} queries[] = {
	{WL_ASSESSMENT, false,
	 "SELECT date(r.filed_on, '+30 days'), r.case_ref, pe.surname || ' ' || pe.first_names, "
	 "r.id, 0, '' FROM request r JOIN person pe ON pe.id = r.person_id "
	 "WHERE r.status IN ('filed', 'assessment') AND " MINE " AND NOT EXISTS "
	 "(SELECT 1 FROM assessment s WHERE s.request_id = r.id AND s.status = 'final')"},
	{WL_PLAN_DUE, false,
	 "SELECT date(r.filed_on, '+30 days'), r.case_ref, pe.surname || ' ' || pe.first_names, "
	 "r.id, COALESCE(p.id, 0), '' FROM request r JOIN person pe ON pe.id = r.person_id "
	 "JOIN assessment s ON s.request_id = r.id AND s.outcome = 'qualified' "
	 "LEFT JOIN plan p ON p.request_id = r.id WHERE r.status = 'qualified' AND " MINE
	 " AND NOT EXISTS (SELECT 1 FROM plan_version v WHERE v.plan_id = p.id AND "
	 "v.status IN ('submitted', 'approved', 'superseded'))"
	 /* the 30 days of art. 40 bind while an IPUS is or may be required: not
	  * once the assessment found under 3 months of coordination (art. 38
	  * ust. 2) and no plan is being drawn up */
	 " AND (s.coordination_months IS NULL OR s.coordination_months >= 3 OR p.id IS NOT NULL)"},
	{WL_RETURNED, false,
	 "SELECT date(v.decided_at), r.case_ref, pe.surname || ' ' || pe.first_names, r.id, p.id, "
	 "v.return_comment FROM plan_version v JOIN plan p ON p.id = v.plan_id "
	 "JOIN request r ON r.id = p.request_id JOIN person pe ON pe.id = r.person_id "
	 "WHERE v.status = 'returned' AND " MINE},
	{WL_APPROVAL, true,
	 "SELECT CASE WHEN v.version_no = 1 THEN min(date(r.filed_on, '+30 days'), "
	 "date(v.submitted_at, '+7 days')) ELSE date(v.submitted_at, '+7 days') END, "
	 "r.case_ref, pe.surname || ' ' || pe.first_names, r.id, p.id, "
	 "v.version_no - 1 "
	 "FROM plan_version v JOIN plan p ON p.id = v.plan_id "
	 "JOIN request r ON r.id = p.request_id JOIN person pe ON pe.id = r.person_id "
	 /* four eyes: not the versions the approver drew up or changed */
	 "WHERE v.status = 'submitted' AND " MINE " AND (?3 = 0 OR "
	 "(COALESCE(v.created_by, -1) <> ?3 AND COALESCE(v.changed_by, -1) <> ?3))"},
	{WL_PROVIDER_CONTACT, false,
	 "SELECT date(o.sent_on, '+' || ?4 || ' days') AS due, r.case_ref, "
	 "pe.surname || ' ' || pe.first_names, r.id, p.id, sv.name || ' – ' || pv.name "
	 "FROM service_order o JOIN plan_item i ON i.id = o.item_id "
	 "JOIN plan_version v ON v.id = i.version_id AND v.status = 'approved' "
	 "JOIN plan p ON p.id = v.plan_id JOIN request r ON r.id = p.request_id "
	 "JOIN person pe ON pe.id = r.person_id JOIN service sv ON sv.id = i.service_id "
	 "JOIN provider pv ON pv.id = i.provider_id "
	 "WHERE o.provider_contact_on IS NULL AND i.ended_on IS NULL AND " OPEN_PLAN
	 " AND " MINE " AND due <= ?1"},
	{WL_REVIEW, false,
	 "SELECT date(v1.period_from, '+' || ?5 || ' months') AS due, r.case_ref, "
	 "pe.surname || ' ' || pe.first_names, r.id, p.id, '' "
	 "FROM plan p JOIN plan_version v1 ON v1.plan_id = p.id AND v1.version_no = 1 "
	 "JOIN request r ON r.id = p.request_id JOIN person pe ON pe.id = r.person_id "
	 "WHERE EXISTS (SELECT 1 FROM plan_version v WHERE v.plan_id = p.id AND "
	 "v.status = 'approved') AND " OPEN_PLAN " AND " MINE
	 " AND date(due, '-14 days') <= ?1 AND NOT EXISTS (SELECT 1 FROM monitoring_note m "
	 "WHERE m.plan_id = p.id AND m.held_on >= date(due, '-14 days'))"},
	{WL_NEXT_CONTACT, false,
	 "SELECT m.next_contact_on, r.case_ref, pe.surname || ' ' || pe.first_names, r.id, p.id, "
	 "'' FROM monitoring_note m JOIN plan p ON p.id = m.plan_id "
	 "JOIN request r ON r.id = p.request_id JOIN person pe ON pe.id = r.person_id "
	 "WHERE m.next_contact_on IS NOT NULL AND " OPEN_PLAN " AND " MINE
	 " AND m.id = (SELECT m2.id FROM monitoring_note m2 WHERE m2.plan_id = p.id "
	 "ORDER BY m2.held_on DESC, m2.id DESC LIMIT 1) AND date(m.next_contact_on, '-7 days') <= ?1"},
	{WL_PLAN_ENDING, false,
	 "SELECT v.period_to, r.case_ref, pe.surname || ' ' || pe.first_names, r.id, p.id, '' "
	 "FROM plan_version v JOIN plan p ON p.id = v.plan_id "
	 "JOIN request r ON r.id = p.request_id JOIN person pe ON pe.id = r.person_id "
	 "WHERE v.status = 'approved' AND " OPEN_PLAN " AND " MINE
	 " AND date(v.period_to, '-30 days') <= ?1"},
	{WL_FOLLOWUP, false,
	 "SELECT c.followup_due, r.case_ref, pe.surname || ' ' || pe.first_names, r.id, p.id, '' "
	 "FROM closure c JOIN plan p ON p.id = c.plan_id JOIN request r ON r.id = p.request_id "
	 "JOIN person pe ON pe.id = r.person_id WHERE c.followup_on IS NULL AND " MINE
	 " AND date(c.followup_due, '-14 days') <= ?1"},
	/* the organiser added a service or raised a capacity in the last 30
	 * days: the unmet needs of its area and the persons waiting for it */
	{WL_NEW_OFFER, false,
	 "SELECT date(max(c.on_date), '+30 days'), r.case_ref, "
	 "pe.surname || ' ' || pe.first_names, r.id, 0, sv.name || ' (' || pr.name || '): ' || "
	 "n.description FROM offer_change c JOIN service sv ON sv.id = c.service_id "
	 "JOIN programme pr ON pr.id = c.programme_id AND pr.status = 'active' "
	 "JOIN need n ON n.unmet = 1 AND n.answered_on IS NULL AND n.area_code = sv.area_code "
	 "JOIN assessment s ON s.id = n.assessment_id AND s.held_on <= c.on_date "
	 "JOIN request r ON r.id = s.request_id JOIN person pe ON pe.id = r.person_id "
	 "WHERE r.status <> 'withdrawn' AND c.on_date BETWEEN date(?1, '-30 days') AND ?1 AND "
	 MINE " GROUP BY n.id"},
	{WL_NEW_OFFER, false,
	 "SELECT date(max(c.on_date), '+30 days'), r.case_ref, "
	 "pe.surname || ' ' || pe.first_names, r.id, 0, sv.name || ' (' || pr.name || ')' "
	 "FROM offer_change c JOIN service sv ON sv.id = c.service_id "
	 "JOIN programme pr ON pr.id = c.programme_id AND pr.status = 'active' "
	 "JOIN waiting_entry w ON w.service_id = c.service_id AND w.removed_on IS NULL "
	 "AND w.added_on <= c.on_date JOIN request r ON r.id = w.request_id "
	 "JOIN person pe ON pe.id = r.person_id "
	 "WHERE c.on_date BETWEEN date(?1, '-30 days') AND ?1 AND " MINE " GROUP BY w.id"},
};

static struct wl_item *push(struct wl_item **out, size_t *n, size_t *cap)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*out = xrealloc(*out, *cap * sizeof(**out));
	}
	memset(&(*out)[*n], 0, sizeof(**out));
	return &(*out)[(*n)++];
}

static int by_urgency(const void *a, const void *b)
{
	const struct wl_item *x = a, *y = b;

	if (x->days_left != y->days_left)
		return x->days_left < y->days_left ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return strcmp(x->case_ref, y->case_ref);
}

/* Running services of the plans in force whose unexcused absences, over
 * the service and every one it continues, reached the limit: one grouped
 * statement for all the actor's plans. */
static const char absences_sql[] =
	"WITH RECURSIVE lin(item, anc) AS (SELECT i.id, i.id FROM plan p "
	"JOIN request r ON r.id = p.request_id "
	"JOIN plan_version v ON v.plan_id = p.id AND v.status = 'approved' "
	"JOIN plan_item i ON i.version_id = v.id AND i.ended_on IS NULL "
	"WHERE " OPEN_PLAN " AND " MINE " UNION ALL SELECT lin.item, pi.origin_id FROM lin "
	"JOIN plan_item pi ON pi.id = lin.anc WHERE pi.origin_id IS NOT NULL) "
	"SELECT ?1, r.case_ref, pe.surname || ' ' || pe.first_names, r.id, p.id, x.n "
	"FROM (SELECT lin.item, sum(mi.absences) AS n FROM lin JOIN monitoring_item mi "
	"ON mi.item_id = lin.anc AND mi.superseded = 0 GROUP BY lin.item HAVING n >= ?7) x "
	"JOIN plan_item i ON i.id = x.item JOIN plan_version v ON v.id = i.version_id "
	"JOIN plan p ON p.id = v.plan_id JOIN request r ON r.id = p.request_id "
	"JOIN person pe ON pe.id = r.person_id";

/* Prepares sql with MINE replaced by the restriction. */
static int prepare_for(struct cd_db *db, const char *sql, const char *mine, sqlite3_stmt **st)
{
	const char *at = strstr(sql, MINE);
	struct strbuf sb;
	int rc;

	sb_init(&sb);
	while (at) {
		sb_addn(&sb, sql, (size_t)(at - sql));
		sb_add(&sb, mine);
		sql = at + strlen(MINE);
		at = strstr(sql, MINE);
	}
	sb_add(&sb, sql);
	rc = db_cached(db, sb.buf, st);
	sb_release(&sb);
	return rc;
}

/* The worklist of a, of one case when request_id is not 0. */
static int worklist_of(struct cd_db *db, const struct actor *a, const struct date *today,
		       int64_t request_id, struct wl_item **out, size_t *n)
{
	struct practice pr;
	sqlite3_stmt *st;
	char d[11];
	size_t i, cap = 0;
	bool all = a->user_id == 0;
	bool approver = plan_may_approve(db, a, today);
	bool works_cases = all || (a->roles & (ROLE_COORDINATOR | ROLE_ORGANISER));
	const char *mine = request_id ? (all ? MINE_CASE_ALL : MINE_CASE_USER) :
		(all ? MINE_ALL : MINE_USER);

	*out = NULL;
	*n = 0;
	if (!actor_can(a, PERM_CASE_CONTENT))
		return CD_EPERM;
	practice_load(db, &pr);
	date_format(today, d);
	for (i = 0; i <= ARRAY_SIZE(queries); i++) {
		bool absences = i == ARRAY_SIZE(queries);
		enum wl_kind kind = absences ? WL_ABSENCES : queries[i].kind;
		if (absences ? !works_cases : queries[i].approvers ? !approver : !works_cases)
			continue;
		if (prepare_for(db, absences ? absences_sql : queries[i].sql,
				kind == WL_APPROVAL ? (request_id ? "r.id = ?6" : "1") : mine, &st)) {
			free(*out);
			*out = NULL;
			return CD_EDB;
		}
		sqlite3_bind_text(st, 1, d, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 2, 1);
		sqlite3_bind_int64(st, 3, a->user_id);
		if (sqlite3_bind_parameter_index(st, "?4"))
			sqlite3_bind_int(st, 4, pr.provider_contact_days);
		if (sqlite3_bind_parameter_index(st, "?5"))
			sqlite3_bind_int(st, 5, pr.first_review_months);
		if (sqlite3_bind_parameter_index(st, "?6"))
			sqlite3_bind_int64(st, 6, request_id);
		if (sqlite3_bind_parameter_index(st, "?7"))
			sqlite3_bind_int(st, 7, pr.absence_limit);
		while (sqlite3_step(st) == SQLITE_ROW) {
			struct wl_item *w = push(out, n, &cap);
			w->kind = kind;
			db_col_copy(st, 0, w->due, sizeof(w->due));
			db_col_copy(st, 1, w->case_ref, sizeof(w->case_ref));
			db_col_copy(st, 2, w->person, sizeof(w->person));
			w->request_id = sqlite3_column_int64(st, 3);
			w->plan_id = sqlite3_column_int64(st, 4);
			db_col_copy(st, 5, w->detail, sizeof(w->detail));
			if (w->kind == WL_APPROVAL) {
				/* the column holds the number of the update */
				int upd = atoi(w->detail);
				if (upd > 0)
					snprintf(w->detail, sizeof(w->detail), _("update %d"), upd);
				else
					w->detail[0] = '\0';
			} else if (w->kind == WL_ABSENCES) {
				int count = atoi(w->detail);
				snprintf(w->detail, sizeof(w->detail),
					 P_("%d absence", "%d absences", (unsigned long)count), count);
			}
		}
		if (db_release(db, st)) {
			free(*out);
			*out = NULL;
			*n = 0;
			return CD_EDB;
		}
	}
	if (!request_id && (all || (a->roles & ROLE_ORGANISER))) {
		/* art. 46 ust. 2: a meeting at least every 3 months; shown two
		 * weeks ahead.  Never held: due 3 months after the start. */
		struct date due, started;
		char *s = setting_get(db, "centre_started", "");
		if (!meeting_next_due(db, today, &due) && date_parse(s, &started))
			date_add_months(&started, MEETING_EVERY_MONTHS, &due);
		free(s);
		if (date_diff(today, &due) <= 14) {
			struct wl_item *w = push(out, n, &cap);
			w->kind = WL_MEETING;
			date_format(&due, w->due);
			str_copy(w->person, sizeof(w->person), _("coordinators' meeting"));
			str_copy(w->detail, sizeof(w->detail),
				 _("art. 46 ust. 2: at least every 3 months"));
		}
		/* art. 46 ust. 1: a summary at least every 6 months */
		summary_next_due(db, &due);
		if (date_diff(today, &due) <= 14) {
			struct wl_item *w = push(out, n, &cap);
			w->kind = WL_SUMMARY;
			date_format(&due, w->due);
			str_copy(w->person, sizeof(w->person), _("half-yearly summary"));
			str_copy(w->detail, sizeof(w->detail),
				 _("art. 46 ust. 1: to the director and the community organiser"));
		}
	}
	for (i = 0; i < *n; i++) {
		struct date due;
		(*out)[i].days_left = date_parse((*out)[i].due, &due) ?
			date_diff(today, &due) : 0;
	}
	if (*n)
		qsort(*out, *n, sizeof(**out), by_urgency);
	return CD_OK;
}

int worklist(struct cd_db *db, const struct actor *a, const struct date *today,
	     struct wl_item **out, size_t *n)
{
	return worklist_of(db, a, today, 0, out, n);
}

int worklist_case(struct cd_db *db, const struct actor *a, const struct date *today,
		  int64_t request_id, struct wl_item **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	return request_id ? worklist_of(db, a, today, request_id, out, n) : CD_ENOTFOUND;
}
