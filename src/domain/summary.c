/* summary.c - the half-yearly summary (art. 46 ust. 1). */
#include "summary.h"
#include "csv.h"
#include "codes.h"
#include "dbint.h"
#include "i18n.h"
#include "plan.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int may_summarise(const struct actor *a, struct fielderr *e)
{
	if (a->user_id == 0 || actor_can(a, PERM_REPORTS))
		return CD_OK;
	fielderr_set(e, -1, "%s", _("reports are for the services organiser and the director"));
	return CD_EPERM;
}

static int check_period(const char *from, const char *to, struct fielderr *e)
{
	struct date f, t, today;

	if (!from || !date_parse(from, &f))
		return fielderr_set(e, SUM_F_FROM, "%s", _("From: not a valid date (use YYYY-MM-DD)"));
	if (!to || !date_parse(to, &t))
		return fielderr_set(e, SUM_F_TO, "%s", _("To: not a valid date (use YYYY-MM-DD)"));
	if (date_cmp(&t, &f) < 0)
		return fielderr_set(e, SUM_F_TO, "%s", _("To: not before the start of the period"));
	date_today(&today);
	if (date_cmp(&f, &today) > 0)
		return fielderr_set(e, SUM_F_FROM, "%s", _("From: the period has not begun yet"));
	return CD_OK;
}

/* One figure: a line of text or of CSV. */
static void figure(struct strbuf *sb, bool csv, const char *section, const char *item,
		   const char *value)
{
	if (csv) {
		csv_cell(sb, section, true);
		csv_cell(sb, item, false);
		csv_cell(sb, value, false);
		csv_row_end(sb);
	} else
		sb_addf(sb, "  %s: %s\n", item, value);
}

static void figure_l(struct strbuf *sb, bool csv, const char *section, const char *item,
		     long v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%ld", v);
	figure(sb, csv, section, item, buf);
}

/* A section's query, prepared unless an earlier one failed; a failure is
 * kept in *rc, so the summary fails as a whole and never prints without a
 * section. */
static bool prepared(struct cd_db *db, int *rc, const char *sql, sqlite3_stmt **st)
{
	if (*rc)
		return false;
	if (db_prepare(db, sql, st)) {
		*rc = CD_EDB;
		return false;
	}
	return true;
}

static void finished(sqlite3_stmt *st, int *rc)
{
	if (db_finish(st) && !*rc)
		*rc = CD_EDB;
}

static long count(struct cd_db *db, const char *sql, const char *from, const char *to, int *rc)
{
	sqlite3_stmt *st;
	long n = 0;

	if (!prepared(db, rc, sql, &st))
		return 0;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	finished(st, rc);
	return n;
}

static void heading(struct strbuf *sb, bool csv, const char *title)
{
	if (!csv)
		sb_addf(sb, "\n%s\n", title);
}

/* The amount planned in the period for the items ids ("1,5,9"): the
 * monthly amount times the months each item ran in the period; an item
 * continued in an update counts from the update's approval. */
static double planned_amount(struct cd_db *db, const char *ids, const char *from, const char *to,
			     int *rc)
{
	sqlite3_stmt *st;
	double total = 0;
	char *copy, *tok, *save = NULL;

	if (!ids || !prepared(db, rc, "SELECT i.amount, i.frequency, julianday(min(COALESCE("
			       "i.ended_on, i.ends_on), ?3)) - julianday(max(i.starts_on, ?2, "
			       "CASE WHEN i.origin_id IS NOT NULL THEN date(v.decided_at) ELSE "
			       "i.starts_on END)) + 1, i.starts_on BETWEEN ?2 AND ?3 "
			       "FROM plan_item i JOIN plan_version v ON v.id = i.version_id "
			       "WHERE i.id = ?1", &st))
		return 0;
	copy = xstrdup(ids);
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, strtoll(tok, NULL, 10));
		sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			struct plan_item it;
			double days = sqlite3_column_double(st, 2);
			memset(&it, 0, sizeof(it));
			it.amount = sqlite3_column_double(st, 0);
			str_copy(it.frequency, sizeof(it.frequency),
				 (const char *)sqlite3_column_text(st, 1));
			if (!strcmp(it.frequency, "once"))
				total += sqlite3_column_int(st, 3) ? it.amount : 0;
			else if (days > 0)
				total += plan_item_monthly(&it) * days / (365.25 / 12);
		}
	}
	free(copy);
	finished(st, rc);
	return total;
}

int summary_figures(struct cd_db *db, const struct actor *a, const char *from, const char *to,
		    bool csv, char **out, struct fielderr *e)
{
	struct strbuf sb;
	sqlite3_stmt *st;
	const char *sec;
	int rc;

	*out = NULL;
	fielderr_clear(e);
	if ((rc = may_summarise(a, e)) || (rc = check_period(from, to, e)))
		return rc;
	sb_init(&sb);
	if (csv)
		sb_addf(&sb, "%s;%s;%s\n", _("section"), _("item"), _("value"));
	else {
		sb_addf(&sb, _("Summary of the coordinators' work, %s – %s (art. 46 ust. 1)"), from,
			to);
		sb_add(&sb, "\n");
	}

	sec = _("Plans (IPUS)");
	heading(&sb, csv, sec);
	figure_l(&sb, csv, sec, _("plans started"),
		 count(db, "SELECT count(*) FROM plan_version WHERE version_no = 1 AND status IN "
		       "('approved', 'superseded') AND period_from BETWEEN ?1 AND ?2", from, to, &rc));
	figure_l(&sb, csv, sec, _("plans active"),
		 count(db, "SELECT count(DISTINCT v.plan_id) FROM plan_version v WHERE v.status IN "
		       "('approved', 'superseded') AND v.period_from <= ?2 AND v.period_to >= ?1 "
		       "AND NOT EXISTS (SELECT 1 FROM closure c WHERE c.plan_id = v.plan_id AND "
		       "c.closed_on < ?1)", from, to, &rc));
	figure_l(&sb, csv, sec, _("plans updated"),
		 count(db, "SELECT count(DISTINCT plan_id) FROM plan_version WHERE version_no > 1 "
		       "AND status IN ('approved', 'superseded') AND date(decided_at) BETWEEN ?1 "
		       "AND ?2", from, to, &rc));
	figure_l(&sb, csv, sec, _("plans closed"),
		 count(db, "SELECT count(*) FROM closure WHERE closed_on BETWEEN ?1 AND ?2",
		       from, to, &rc));
	if (prepared(db, &rc, "SELECT reason, count(*) FROM closure WHERE closed_on BETWEEN ?1 AND ?2 "
		       "GROUP BY reason ORDER BY count(*) DESC", &st)) {
		sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW) {
			char *item = xasprintf("%s: %s", _("closed because"),
					       code_label(&codes_closure_reason,
							  (const char *)sqlite3_column_text(st, 0)));
			figure_l(&sb, csv, sec, item, sqlite3_column_int64(st, 1));
			free(item);
		}
		finished(st, &rc);
	}

	sec = _("Time from the request to the approved plan");
	heading(&sb, csv, sec);
	/* the 30 days of art. 40 bind the submission; the approval's time is
	 * counted apart, so "late" and "time to approval" say which is which */
	if (prepared(db, &rc, "SELECT count(*), COALESCE(round(avg(julianday(date(v.decided_at)) - "
		       "julianday(r.filed_on))), 0), COALESCE(sum(julianday(date(v.submitted_at)) - "
		       "julianday(r.filed_on) > 30), 0), COALESCE(sum(julianday(date(v.decided_at)) - "
		       "julianday(r.filed_on) > 30), 0) FROM plan_version v JOIN plan p ON "
		       "p.id = v.plan_id JOIN request r ON r.id = p.request_id WHERE v.version_no = 1 "
		       "AND v.status IN ('approved', 'superseded') AND date(v.decided_at) BETWEEN ?1 "
		       "AND ?2", &st)) {
		sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			figure_l(&sb, csv, sec, _("plans approved"), sqlite3_column_int64(st, 0));
			figure_l(&sb, csv, sec, _("days on average"), sqlite3_column_int64(st, 1));
			figure_l(&sb, csv, sec, _("submitted after the 30 days of art. 40"),
				 sqlite3_column_int64(st, 2));
			figure_l(&sb, csv, sec, _("approved more than 30 days after the request"),
				 sqlite3_column_int64(st, 3));
		}
		finished(st, &rc);
	}

	sec = _("Services: persons, amount planned and delivered");
	heading(&sb, csv, sec);
	/* the amounts delivered grouped once over the period's notes (index on
	 * the note date), the services that ran through the day they end
	 * (plan_item_running: the early or planned end bounds the real one) */
	if (prepared(db, &rc, "WITH del AS MATERIALIZED (SELECT i2.service_id AS sid, sum(mi.delivered) AS n "
		       "FROM monitoring_note mn CROSS JOIN monitoring_item mi ON mi.note_id = mn.id "
		       "AND mi.superseded = 0 JOIN plan_item i2 ON i2.id = mi.item_id "
		       "WHERE mn.held_on BETWEEN ?1 AND ?2 GROUP BY 1) "
		       "SELECT s.name, s.unit, count(DISTINCT p.person_id), "
		       "COALESCE((SELECT n FROM del WHERE del.sid = s.id), 0), "
		       "group_concat(DISTINCT i.id) FROM plan_item i "
		       "JOIN service s ON s.id = i.service_id "
		       "JOIN plan_version v ON v.id = i.version_id AND v.status IN ('approved', "
		       "'superseded') JOIN plan p ON p.id = v.plan_id WHERE i.starts_on <= ?2 AND "
		       "COALESCE(i.ended_on, i.ends_on) >= ?1 AND "
		       "min(COALESCE(i.ended_on, i.ends_on), COALESCE((SELECT date(v2.decided_at) "
		       "FROM plan_version v2 WHERE v2.plan_id = v.plan_id AND v2.version_no = "
		       "v.version_no + 1 AND v2.status IN ('approved', 'superseded')), "
		       "'9999-12-31')) >= ?1 GROUP BY s.id ORDER BY s.name COLLATE PL", &st)) {
		sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW) {
			char value[160];
			long persons = sqlite3_column_int64(st, 2);
			double delivered = sqlite3_column_double(st, 3);
			const char *unit = (const char *)sqlite3_column_text(st, 1);
			double planned = planned_amount(db, (const char *)sqlite3_column_text(st, 4),
							from, to, &rc);
			/* TRANSLATORS: persons served, the amount planned and delivered,
			 * and the unit of the amount delivered */
			snprintf(value, sizeof(value), P_("%ld person; planned %.0f, delivered %.0f %s",
							  "%ld persons; planned %.0f, delivered %.0f %s",
							  (unsigned long)persons),
				 persons, planned, delivered, unit_amount_label(unit, delivered));
			figure(&sb, csv, sec, (const char *)sqlite3_column_text(st, 0), value);
		}
		finished(st, &rc);
	}

	sec = _("Providers: persons served");
	heading(&sb, csv, sec);
	if (prepared(db, &rc, "SELECT pv.name, count(DISTINCT p.person_id) FROM plan_item i "
		       "JOIN provider pv ON pv.id = i.provider_id "
		       "JOIN plan_version v ON v.id = i.version_id AND v.status IN ('approved', "
		       "'superseded') JOIN plan p ON p.id = v.plan_id WHERE i.starts_on <= ?2 AND "
		       "COALESCE(i.ended_on, i.ends_on) >= ?1 GROUP BY pv.id "
		       "ORDER BY pv.name COLLATE PL", &st)) {
		sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW)
			figure_l(&sb, csv, sec, (const char *)sqlite3_column_text(st, 0),
				 sqlite3_column_int64(st, 1));
		finished(st, &rc);
	}

	sec = _("Group services and supporting activities");
	heading(&sb, csv, sec);
	if (prepared(db, &rc, "SELECT name, (SELECT count(DISTINCT m.person_id) FROM group_member m "
		       "WHERE (m.activity_id = x.aid OR (m.service_id = x.sid AND m.programme_id = "
		       "x.pid)) AND m.joined_on <= ?2 AND COALESCE(m.left_on, '9999-12-31') >= ?1), "
		       "(SELECT count(*) FROM group_session g WHERE (g.activity_id = x.aid OR "
		       "(g.service_id = x.sid AND g.programme_id = x.pid)) AND g.held_on BETWEEN ?1 "
		       "AND ?2), (SELECT COALESCE(sum(head_count), 0) FROM group_session g WHERE "
		       "(g.activity_id = x.aid OR (g.service_id = x.sid AND g.programme_id = x.pid)) "
		       "AND g.held_on BETWEEN ?1 AND ?2) FROM (SELECT DISTINCT s.name || ' (' || "
		       "p.name || ')' AS name, p.id AS pid, s.id AS sid, 0 AS aid FROM group_member m "
		       "JOIN service s ON s.id = m.service_id JOIN programme p ON p.id = m.programme_id "
		       "UNION SELECT a.name, 0, 0, a.id FROM activity a) x "
		       "ORDER BY name COLLATE PL", &st)) {
		sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW) {
			char value[160];
			long members = sqlite3_column_int64(st, 1), meetings = sqlite3_column_int64(st, 2);
			long heads = sqlite3_column_int64(st, 3);
			if (!members && !meetings)
				continue;
			/* TRANSLATORS: members; meetings held, and persons present in all of
			 * them together (the plural follows the members) */
			snprintf(value, sizeof(value), P_("%ld member; %ld meetings, %ld present in all",
							  "%ld members; %ld meetings, %ld present in all",
							  (unsigned long)members),
				 members, meetings, heads);
			figure(&sb, csv, sec, (const char *)sqlite3_column_text(st, 0), value);
		}
		finished(st, &rc);
	}

	sec = _("Monitoring");
	heading(&sb, csv, sec);
	figure_l(&sb, csv, sec, _("monitoring notes"),
		 count(db, "SELECT count(*) FROM monitoring_note WHERE held_on BETWEEN ?1 AND ?2",
		       from, to, &rc));
	{
		/* the service checks of the period read once for all four */
		long unexcused = 0, excused = 0, ratings = 0;
		double avg = 0;
		if (prepared(db, &rc, "SELECT COALESCE(sum(mi.absences), 0), "
			     "COALESCE(sum(mi.excused), 0), "
			     "count(CASE WHEN mi.satisfaction > 0 THEN 1 END), "
			     "COALESCE(avg(CASE WHEN mi.satisfaction > 0 THEN mi.satisfaction END), 0) "
			     "FROM monitoring_note mn CROSS JOIN monitoring_item mi ON "
			     "mi.note_id = mn.id WHERE mi.superseded = 0 AND "
			     "mn.held_on BETWEEN ?1 AND ?2", &st)) {
			sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
			if (sqlite3_step(st) == SQLITE_ROW) {
				unexcused = sqlite3_column_int64(st, 0);
				excused = sqlite3_column_int64(st, 1);
				ratings = sqlite3_column_int64(st, 2);
				avg = sqlite3_column_double(st, 3);
			}
			finished(st, &rc);
		}
		figure_l(&sb, csv, sec, _("unexcused absences"), unexcused);
		figure_l(&sb, csv, sec, _("excused absences"), excused);
		figure_l(&sb, csv, sec, _("resignations"),
			 count(db, "SELECT count(*) FROM resignation WHERE on_date BETWEEN ?1 AND ?2",
			       from, to, &rc));
		{
			char v[64];
			if (ratings)
				snprintf(v, sizeof(v), P_("%.1f of 5 (%lld rating)",
							  "%.1f of 5 (%lld ratings)",
							  (unsigned long)ratings), avg, (long long)ratings);
			else
				str_copy(v, sizeof(v), _("no ratings"));
			figure(&sb, csv, sec, _("average satisfaction"), v);
		}
	}
	if (rc) {
		sb_release(&sb);
		return fielderr_set(e, -1, "%s", _("the database could not count every section; "
						   "try again in a moment")), rc;
	}
	*out = sb_detach(&sb);
	return CD_OK;
}

void summary_release(struct summary *s)
{
	free(s->figures);
	free(s->narrative);
	s->figures = s->narrative = NULL;
}

int summary_save(struct cd_db *db, const struct actor *a, const char *from, const char *to,
		 const char *narrative, int64_t *id, struct fielderr *e)
{
	struct date today;
	sqlite3_stmt *st;
	char *figures, *text, d[11];
	int rc;

	{
		/* a summary sums up what happened (art. 46 ust. 1): its period
		 * ends on the day it is written at the latest */
		struct date t, now;
		date_today(&now);
		if (to && date_parse(to, &t) && date_cmp(&t, &now) > 0) {
			char latest[11];
			date_format(&now, latest);
			return fielderr_set(e, -1, _("To: a summary covers a past period; it ends "
						     "today (%s) at the latest"), latest);
		}
	}
	if ((rc = text_param_check(narrative, true, SUMMARY_NARRATIVE_MAX, -1,
				   _("The organiser's narrative"), &text, e)))
		return rc;
	if ((rc = summary_figures(db, a, from, to, false, &figures, e))) {
		free(text);
		return rc;
	}
	date_today(&today);
	date_format(&today, d);
	if (db_prepare(db, "INSERT INTO summary(period_from, period_to, figures, narrative, "
		       "created_on, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st)) {
		free(figures);
		free(text);
		return CD_EDB;
	}
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, figures, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, text, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, d, -1, SQLITE_STATIC);
	db_bind_id_or_null(st, 6, a->user_id);
	rc = db_step_done(db, st);
	free(figures);
	free(text);
	if (!rc && id)
		*id = sqlite3_last_insert_rowid(db->h);
	return rc;
}

int summary_list(struct cd_db *db, const struct actor *a, struct summary **out, size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 4;

	*out = NULL;
	*n = 0;
	if (a->user_id != 0 && !actor_can(a, PERM_REPORTS) &&
	    !(a->roles & ROLE_COMMUNITY_ORGANISER))
		return CD_EPERM;
	if (db_prepare(db, "SELECT s.id, s.period_from, s.period_to, s.created_on, "
		       "COALESCE(u.full_name, ''), s.figures, s.narrative FROM summary s "
		       "LEFT JOIN app_user u ON u.id = s.created_by "
		       "ORDER BY s.period_to DESC, s.id DESC", &st))
		return CD_EDB;
	*out = xcalloc(cap, sizeof(**out));
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct summary *x = array_push((void **)out, n, &cap, sizeof(**out));
		x->id = sqlite3_column_int64(st, 0);
		db_col_copy(st, 1, x->period_from, sizeof(x->period_from));
		db_col_copy(st, 2, x->period_to, sizeof(x->period_to));
		db_col_copy(st, 3, x->created_on, sizeof(x->created_on));
		db_col_copy(st, 4, x->author, sizeof(x->author));
		x->figures = db_col_dup(st, 5);
		x->narrative = db_col_dup(st, 6);
	}
	if (db_finish(st)) {
		summary_list_free(*out, *n);
		*out = NULL;
		*n = 0;
		return CD_EDB;
	}
	return CD_OK;
}

void summary_list_free(struct summary *l, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		summary_release(&l[i]);
	free(l);
}

bool summary_next_due(struct cd_db *db, struct date *due)
{
	sqlite3_stmt *st;
	struct date last;
	bool found = false;
	char *s;

	/* six months after the end of what was actually summarised: a period
	 * ending after the day it was written counts to that day only */
	if (db_prepare(db, "SELECT max(min(period_to, created_on)) FROM summary", &st))
		return false;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL &&
	    date_parse((const char *)sqlite3_column_text(st, 0), &last)) {
		date_add_months(&last, SUMMARY_EVERY_MONTHS, due);
		found = true;
	}
	sqlite3_finalize(st);
	if (found)
		return true;
	s = setting_get(db, "centre_started", "");
	if (date_parse(s, &last))
		date_add_months(&last, SUMMARY_EVERY_MONTHS, due);
	else
		date_today(due);
	free(s);
	return false;
}
