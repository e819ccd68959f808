/* plan.c - IPUS: versions, items, rules, approval, orders. */
#include "plan.h"
#include "casefile.h"
#include "codes.h"
#include "dbint.h"
#include "i18n.h"
#include "person.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void plan_version_init(struct plan_version *v)
{
	memset(v, 0, sizeof(*v));
	str_copy(v->status, sizeof(v->status), "draft");
}

void plan_version_release(struct plan_version *v)
{
	free(v->items);
	free(v->acts);
	v->items = NULL;
	v->acts = NULL;
	v->nitems = v->nacts = 0;
}

struct plan_item *plan_add_item(struct plan_version *v)
{
	struct plan_item *it;

	v->items = xrealloc(v->items, (v->nitems + 1) * sizeof(*v->items));
	it = &v->items[v->nitems++];
	memset(it, 0, sizeof(*it));
	str_copy(it->frequency, sizeof(it->frequency), "week");
	return it;
}

struct supporting_activity *plan_add_act(struct plan_version *v)
{
	struct supporting_activity *s;

	v->acts = xrealloc(v->acts, (v->nacts + 1) * sizeof(*v->acts));
	s = &v->acts[v->nacts++];
	memset(s, 0, sizeof(*s));
	return s;
}

double plan_item_monthly(const struct plan_item *it)
{
	if (!strcmp(it->frequency, "day"))
		return it->amount * 365.0 / 12.0;
	if (!strcmp(it->frequency, "week"))
		return it->amount * 52.0 / 12.0;
	if (!strcmp(it->frequency, "quarter"))
		return it->amount / 3.0;
	if (!strcmp(it->frequency, "year"))
		return it->amount / 12.0;
	return it->amount; /* month, once */
}

/* The request and coordinator of a plan or version. */
static int64_t request_of_plan(struct cd_db *db, int64_t plan_id)
{
	sqlite3_stmt *st;
	int64_t r = 0;

	if (db_prepare(db, "SELECT request_id FROM plan WHERE id = ?1", &st))
		return 0;
	sqlite3_bind_int64(st, 1, plan_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		r = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return r;
}

/* Reads a version's header: plan, request, status. */
static int version_head(struct cd_db *db, int64_t version_id, int64_t *plan_id,
			int64_t *request_id, char status[12], int *version_no)
{
	sqlite3_stmt *st;
	int rc = CD_ENOTFOUND;

	if (db_prepare(db, "SELECT v.plan_id, p.request_id, v.status, v.version_no "
		       "FROM plan_version v JOIN plan p ON p.id = v.plan_id WHERE v.id = ?1", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, version_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*plan_id = sqlite3_column_int64(st, 0);
		*request_id = sqlite3_column_int64(st, 1);
		db_col_copy(st, 2, status, 12);
		if (version_no)
			*version_no = sqlite3_column_int(st, 3);
		rc = CD_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

static bool exists(struct cd_db *db, const char *sql, int64_t a, int64_t b)
{
	sqlite3_stmt *st;
	bool found;

	if (db_prepare(db, sql, &st))
		return false;
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

/* Checks the rules of the law and of the offer; collects limit warnings. */
/* The amount of an item over `months` months of its frequency (what a
 * quarter's or a year's limit compares with); an item shorter than that
 * counts only what it runs. */
static double item_in_period(const struct plan_item *it, int months)
{
	struct date s, t;
	double runs = months;

	if (!strcmp(it->frequency, "once"))
		return it->amount;
	if (date_parse(it->starts_on, &s) && date_parse(it->ends_on, &t)) {
		double m = (date_diff(&s, &t) + 1) / (365.25 / 12);
		if (m < runs)
			runs = m;
	}
	return plan_item_monthly(it) * runs;
}

/* Whether the person had the service in another plan starting within
 * `years` before this item starts. */
static bool had_recently(struct cd_db *db, int64_t person_id, const struct plan_version *v,
			 const struct plan_item *it, int years)
{
	sqlite3_stmt *st;
	struct date s, since;
	char d[11];
	bool found = false;

	if (!date_parse(it->starts_on, &s))
		return false;
	date_add_months(&s, -12 * years, &since);
	date_format(&since, d);
	if (db_prepare(db, "SELECT 1 FROM plan_item i JOIN plan_version pv ON pv.id = i.version_id "
		       "AND pv.status IN ('approved', 'superseded') JOIN plan p ON p.id = pv.plan_id "
		       "WHERE p.person_id = ?1 AND i.service_id = ?2 AND pv.plan_id <> ?3 "
		       "AND COALESCE(i.ended_on, i.ends_on) >= ?4", &st))
		return false;
	sqlite3_bind_int64(st, 1, person_id);
	sqlite3_bind_int64(st, 2, it->service_id);
	sqlite3_bind_int64(st, 3, v->plan_id);
	sqlite3_bind_text(st, 4, d, -1, SQLITE_TRANSIENT);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

/* The start of the plan's first version, when v is an update of it. */
static bool plan_first_start(struct cd_db *db, const struct plan_version *v, struct date *out)
{
	sqlite3_stmt *st;
	bool found = false;

	if (!v->plan_id)
		return false;
	if (db_prepare(db, "SELECT period_from FROM plan_version WHERE plan_id = ?1 AND "
		       "id <> ?2 ORDER BY version_no LIMIT 1", &st))
		return false;
	sqlite3_bind_int64(st, 1, v->plan_id);
	sqlite3_bind_int64(st, 2, v->id);
	if (sqlite3_step(st) == SQLITE_ROW)
		found = date_parse((const char *)sqlite3_column_text(st, 0), out);
	sqlite3_finalize(st);
	/* v itself the first version: its own start, checked above */
	return found && v->version_no > 1;
}

static int plan_validate(struct cd_db *db, struct plan_version *v, int64_t person_id,
			 struct plan_warning **warn, size_t *nwarn, struct fielderr *e)
{
	struct date from, to, max_to, s, t, birth;
	struct person p;
	struct actor sys;
	size_t i;
	bool have_birth;

	if (text_field_check(v->goals, true, PLAN_F_GOALS, _("Goals"), e) ||
	    text_field_check(v->person_view, true, PLAN_F_GOALS, _("The person's view"), e) ||
	    text_field_check(v->update_note, true, PLAN_F_REASON, _("Update note"), e))
		return CD_EINVAL;
	actor_system(&sys);
	person_get(db, &sys, person_id, &p);
	have_birth = date_parse(p.birth_date, &birth);
	if (!date_parse(v->period_from, &from))
		return fielderr_set(e, PLAN_F_FROM, "%s",
				    _("Plan from: not a valid date (use YYYY-MM-DD)"));
	if (!date_parse(v->period_to, &to))
		return fielderr_set(e, PLAN_F_TO, "%s",
				    _("Plan to: not a valid date (use YYYY-MM-DD)"));
	if (date_cmp(&to, &from) < 0)
		return fielderr_set(e, PLAN_F_TO, "%s", _("Plan to: before the start of the plan"));
	date_add_months(&from, PLAN_MAX_MONTHS, &max_to);
	date_from_days(date_to_days(&max_to) - 1, &max_to);
	if (date_cmp(&to, &max_to) > 0) {
		char m[11];
		date_format(&max_to, m);
		return fielderr_set(e, PLAN_F_TO,
				    _("Plan to: a plan is drawn up for at most one year "
				      "(art. 40); the latest end is %s"), m);
	}
	{
		/* an update changes the same plan (art. 41 ust. 2): its year
		 * counts from the first version's start, whatever the update's */
		struct date first;
		if (plan_first_start(db, v, &first)) {
			date_add_months(&first, PLAN_MAX_MONTHS, &max_to);
			date_from_days(date_to_days(&max_to) - 1, &max_to);
			if (date_cmp(&to, &max_to) > 0) {
				char m[11], f0[11];
				date_format(&max_to, m);
				date_format(&first, f0);
				return fielderr_set(e, PLAN_F_TO,
						    _("Plan to: the plan began on %s and runs at most "
						      "one year, its updates too (art. 40, art. 41 "
						      "ust. 2): the latest end is %s; a longer need is "
						      "a new request and a new plan"), f0, m);
			}
		}
	}
	if (v->agreed_on[0] && !date_parse(v->agreed_on, &s))
		return fielderr_set(e, PLAN_F_AGREED, "%s",
				    _("Agreed on: not a valid date (use YYYY-MM-DD)"));
	for (i = 0; i < v->nitems; i++) {
		struct plan_item *it = &v->items[i];
		int f = PLAN_F_ITEM + (int)i;
		sqlite3_stmt *st;
		double max_month = -1, max_quarter = -1, max_year = -1;
		int once_years = 0;
		int age_min = -1, age_max = -1, cert = 0;
		char w[300], unit[16] = "";

		if (!it->service_id || !it->programme_id)
			return fielderr_set(e, f, _("Item %zu: choose the service and its programme"),
					    i + 1);
		if (!exists(db, "SELECT 1 FROM programme_service WHERE programme_id = ?1 AND "
			    "service_id = ?2", it->programme_id, it->service_id))
			return fielderr_set(e, f, _("Item %zu: the service is not in the programme"),
					    i + 1);
		if (!exists(db, "SELECT 1 FROM programme WHERE id = ?1 AND status = 'active' "
			    "AND ?2 = ?2", it->programme_id, 0))
			return fielderr_set(e, f, _("Item %zu: the programme is not active"), i + 1);
		if (!it->provider_id)
			return fielderr_set(e, f, _("Item %zu: choose the provider"), i + 1);
		if (!exists(db, "SELECT 1 FROM provider_service WHERE provider_id = ?1 AND "
			    "service_id = ?2", it->provider_id, it->service_id))
			return fielderr_set(e, f, _("Item %zu: the provider does not offer this service"),
					    i + 1);
		if (it->place_id && !exists(db, "SELECT 1 FROM place WHERE id = ?1 AND ?2 = ?2",
					    it->place_id, 0))
			return fielderr_set(e, f, _("Item %zu: no such place"), i + 1);
		if (!date_parse(it->starts_on, &s) || !date_parse(it->ends_on, &t))
			return fielderr_set(e, f, _("Item %zu: start and end must be dates (YYYY-MM-DD)"),
					    i + 1);
		if (date_cmp(&t, &s) < 0)
			return fielderr_set(e, f, _("Item %zu: ends before it starts"), i + 1);
		if (date_cmp(&s, &from) < 0 || date_cmp(&t, &to) > 0)
			return fielderr_set(e, f, _("Item %zu: its dates must lie inside the plan "
						    "period (%s to %s)"), i + 1, v->period_from,
					    v->period_to);
		if (!(it->amount > 0) || it->amount > 10000)
			return fielderr_set(e, f, _("Item %zu: the amount must be a positive number"),
					    i + 1);
		if (code_index(&codes_frequency, it->frequency) < 0)
			return fielderr_set(e, f, _("Item %zu: frequency once, a day, a week, a month, "
						    "a quarter or a year"), i + 1);
		{
			/* the schedule: days of the week and hours, both optional */
			char days[32], hours[12];
			str_trim(it->days);
			str_trim(it->hours);
			if (!weekdays_parse(it->days, days, sizeof(days)))
				return fielderr_set(e, f, _("Item %zu: days like \"pn śr pt\" or "
							    "\"pn-pt\""), i + 1);
			str_copy(it->days, sizeof(it->days), days);
			if (it->hours[0]) {
				if (!hours_parse(it->hours, hours))
					return fielderr_set(e, f, _("Item %zu: hours like \"9-11\" or "
								    "\"9:30-11:00\", the start "
								    "before the end"), i + 1);
				str_copy(it->hours, sizeof(it->hours), hours);
			}
		}
		str_trim(it->override_reason);
		/* programme limits and entitlements: warnings */
		if (db_prepare(db, "SELECT COALESCE(max_per_month, -1), COALESCE(age_min, -1), "
			       "COALESCE(age_max, -1), certificate_required, "
			       "(SELECT unit FROM service WHERE id = ?2), COALESCE(max_per_quarter, -1), "
			       "COALESCE(max_per_year, -1), COALESCE(once_in_years, 0) "
			       "FROM programme_service WHERE programme_id = ?1 AND service_id = ?2", &st))
			return CD_EDB;
		sqlite3_bind_int64(st, 1, it->programme_id);
		sqlite3_bind_int64(st, 2, it->service_id);
		if (sqlite3_step(st) == SQLITE_ROW) {
			max_month = sqlite3_column_double(st, 0);
			age_min = sqlite3_column_int(st, 1);
			age_max = sqlite3_column_int(st, 2);
			cert = sqlite3_column_int(st, 3);
			db_col_copy(st, 4, unit, sizeof(unit));
			max_quarter = sqlite3_column_double(st, 5);
			max_year = sqlite3_column_double(st, 6);
			once_years = sqlite3_column_int(st, 7);
		}
		sqlite3_finalize(st);
		w[0] = '\0';
		if (max_month >= 0 && plan_item_monthly(it) > max_month + 1e-9)
			snprintf(w, sizeof(w), _("Item %zu: %.1f %s a month is over the programme's "
						 "limit of %g"), i + 1, plan_item_monthly(it),
				 unit_amount_label(unit, plan_item_monthly(it)), max_month);
		else if (max_quarter >= 0 && item_in_period(it, 3) > max_quarter + 1e-9)
			snprintf(w, sizeof(w), _("Item %zu: %.1f %s a quarter is over the programme's "
						 "limit of %g"), i + 1, item_in_period(it, 3),
				 unit_amount_label(unit, item_in_period(it, 3)), max_quarter);
		else if (max_year >= 0 && item_in_period(it, 12) > max_year + 1e-9)
			snprintf(w, sizeof(w), _("Item %zu: %.1f %s a year is over the programme's "
						 "limit of %g"), i + 1, item_in_period(it, 12),
				 unit_amount_label(unit, item_in_period(it, 12)), max_year);
		else if (once_years > 0 && had_recently(db, person_id, v, it, once_years))
			snprintf(w, sizeof(w), _("Item %zu: the programme gives this service once in "
						 "%d years, and the person had it within that time"),
				 i + 1, once_years);
		else if ((age_min >= 0 || age_max >= 0) && !have_birth)
			snprintf(w, sizeof(w), _("Item %zu: the service has an age limit and the "
						 "person's birth date is not known"), i + 1);
		else if (age_min >= 0 && date_age(&birth, &s) < age_min)
			snprintf(w, sizeof(w), _("Item %zu: the service is for persons aged %d "
						 "or more"), i + 1, age_min);
		else if (age_max >= 0 && date_age(&birth, &s) > age_max)
			snprintf(w, sizeof(w), _("Item %zu: the service is for persons aged up "
						 "to %d"), i + 1, age_max);
		if (!w[0] && cert) {
			int has = 0;
			if (db_prepare(db, "SELECT disability_certificate FROM person WHERE id = ?1",
				       &st) == CD_OK) {
				sqlite3_bind_int64(st, 1, person_id);
				if (sqlite3_step(st) == SQLITE_ROW)
					has = sqlite3_column_int(st, 0);
				sqlite3_finalize(st);
			}
			if (!has)
				snprintf(w, sizeof(w), _("Item %zu: the service requires a disability "
							 "certificate"), i + 1);
		}
		if (w[0]) {
			if (warn) {
				*warn = xrealloc(*warn, (*nwarn + 1) * sizeof(**warn));
				(*warn)[*nwarn].item = i;
				str_copy((*warn)[*nwarn].text, sizeof((*warn)[*nwarn].text), w);
				(*nwarn)++;
			}
			if (!it->override_reason[0])
				return fielderr_set(e, f, _("%s; to plan it anyway write a "
							    "justification"), w);
		}
	}
	for (i = 0; i < v->nacts; i++) {
		struct supporting_activity *sa = &v->acts[i];
		if (strcmp(sa->kind, "volunteering") && strcmp(sa->kind, "self_help") &&
		    strcmp(sa->kind, "neighbour_help"))
			return fielderr_set(e, PLAN_F_ACT + (int)i, _("Supporting activity %zu: "
					    "volunteering, self-help or neighbour help"), i + 1);
		if (str_empty(sa->description))
			return fielderr_set(e, PLAN_F_ACT + (int)i,
					    _("Supporting activity %zu: describe it"), i + 1);
	}
	return CD_OK;
}

/* The ids of the rows of table (plan_item or supporting_activity) of a
 * version; *out allocated. */
static int child_ids(struct cd_db *db, const char *sql, int64_t version_id, int64_t **out,
		     size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 0;

	*out = NULL;
	*n = 0;
	if (db_prepare(db, sql, &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, version_id);
	while (sqlite3_step(st) == SQLITE_ROW)
		*(int64_t *)array_push((void **)out, n, &cap, sizeof(**out)) =
			sqlite3_column_int64(st, 0);
	return db_finish_list(st, (void **)out, n);
}

static bool has_id(const int64_t *ids, size_t n, int64_t id)
{
	size_t i;

	for (i = 0; id > 0 && i < n; i++)
		if (ids[i] == id)
			return true;
	return false;
}

static int delete_by_id(struct cd_db *db, const char *sql, int64_t id)
{
	sqlite3_stmt *st;

	if (db_prepare(db, sql, &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, id);
	return db_step_done(db, st);
}

/* The services and supporting activities of a version as v has them, and
 * only what changed: a kept row is updated in place (what points at it
 * stays), a new one inserted, a removed one deleted; never all deleted and
 * written again. */
/* For the audit log: the dates the save changes, old -> new, the
 * period's ("period: a..b -> c..d") and each kept service's ("service
 * N: a..b -> c..d", N its item id); "" when none changes. */
static char *dates_changed(struct cd_db *db, const struct plan_version *v)
{
	struct strbuf sb;
	sqlite3_stmt *st;
	size_t i;

	sb_init(&sb);
	sb_add(&sb, "");
	if (db_prepare(db, "SELECT period_from, period_to FROM plan_version WHERE id = ?1",
		       &st) == CD_OK) {
		sqlite3_bind_int64(st, 1, v->id);
		if (sqlite3_step(st) == SQLITE_ROW) {
			const char *f = (const char *)sqlite3_column_text(st, 0);
			const char *t = (const char *)sqlite3_column_text(st, 1);
			if (f && t && (strcmp(f, v->period_from) || strcmp(t, v->period_to)))
				sb_addf(&sb, "period: %s..%s -> %s..%s", f, t, v->period_from,
					v->period_to);
		}
		sqlite3_finalize(st);
	}
	if (db_prepare(db, "SELECT starts_on, ends_on FROM plan_item WHERE id = ?1 AND "
		       "version_id = ?2", &st) == CD_OK) {
		for (i = 0; i < v->nitems; i++) {
			const struct plan_item *it = &v->items[i];
			if (!it->id)
				continue;
			sqlite3_reset(st);
			sqlite3_bind_int64(st, 1, it->id);
			sqlite3_bind_int64(st, 2, v->id);
			if (sqlite3_step(st) == SQLITE_ROW) {
				const char *f = (const char *)sqlite3_column_text(st, 0);
				const char *t = (const char *)sqlite3_column_text(st, 1);
				if (f && t && (strcmp(f, it->starts_on) || strcmp(t, it->ends_on)))
					sb_addf(&sb, "%sservice %lld: %s..%s -> %s..%s",
						sb.len ? "; " : "", (long long)it->id, f, t,
						it->starts_on, it->ends_on);
			}
		}
		sqlite3_finalize(st);
	}
	return sb_detach(&sb);
}

static int write_children(struct cd_db *db, struct plan_version *v)
{
	int64_t *have = NULL;
	sqlite3_stmt *st;
	size_t nhave = 0, i, k;
	int rc;

	if ((rc = child_ids(db, "SELECT id FROM plan_item WHERE version_id = ?1", v->id, &have,
			    &nhave)))
		return rc;
	for (k = 0; k < nhave; k++) {
		bool kept = false;
		for (i = 0; i < v->nitems && !kept; i++)
			kept = v->items[i].id == have[k];
		if (!kept && (rc = delete_by_id(db, "DELETE FROM plan_item WHERE id = ?1", have[k])))
			goto out;
	}
	for (i = 0; i < v->nitems; i++) {
		struct plan_item *it = &v->items[i];
		bool update = has_id(have, nhave, it->id);
		if (db_prepare(db, update ?
			       "UPDATE plan_item SET origin_id = ?2, programme_id = ?3, service_id = ?4, "
			       "provider_id = ?5, place_id = ?6, starts_on = ?7, ends_on = ?8, "
			       "amount = ?9, frequency = ?10, notes = ?11, override_reason = ?12, "
			       "days = ?14, hours = ?15 WHERE id = ?13 AND version_id = ?1" :
			       "INSERT INTO plan_item(version_id, origin_id, programme_id, "
			       "service_id, provider_id, place_id, starts_on, ends_on, amount, "
			       "frequency, notes, override_reason, days, hours) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
			       "?7, ?8, ?9, ?10, ?11, ?12, ?14, ?15)", &st)) {
			rc = CD_EDB;
			goto out;
		}
		sqlite3_bind_int64(st, 1, v->id);
		db_bind_id_or_null(st, 2, it->origin_id);
		sqlite3_bind_int64(st, 3, it->programme_id);
		sqlite3_bind_int64(st, 4, it->service_id);
		sqlite3_bind_int64(st, 5, it->provider_id);
		db_bind_id_or_null(st, 6, it->place_id);
		sqlite3_bind_text(st, 7, it->starts_on, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 8, it->ends_on, -1, SQLITE_STATIC);
		sqlite3_bind_double(st, 9, it->amount);
		sqlite3_bind_text(st, 10, it->frequency, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 11, it->notes, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 12, it->override_reason, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 14, it->days, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 15, it->hours, -1, SQLITE_STATIC);
		if (update)
			sqlite3_bind_int64(st, 13, it->id);
		if ((rc = db_step_done(db, st)))
			goto out;
		if (!update)
			it->id = sqlite3_last_insert_rowid(db->h);
	}
	free(have);
	have = NULL;
	if ((rc = child_ids(db, "SELECT id FROM supporting_activity WHERE version_id = ?1", v->id,
			    &have, &nhave)))
		return rc;
	for (k = 0; k < nhave; k++) {
		bool kept = false;
		for (i = 0; i < v->nacts && !kept; i++)
			kept = v->acts[i].id == have[k];
		if (!kept && (rc = delete_by_id(db, "DELETE FROM supporting_activity WHERE id = ?1",
						have[k])))
			goto out;
	}
	for (i = 0; i < v->nacts; i++) {
		struct supporting_activity *sa = &v->acts[i];
		bool update = has_id(have, nhave, sa->id);
		if (db_prepare(db, update ?
			       "UPDATE supporting_activity SET kind = ?2, description = ?3, "
			       "starts_on = ?4, ends_on = ?5, activity_id = ?6 WHERE id = ?7 AND "
			       "version_id = ?1" :
			       "INSERT INTO supporting_activity(version_id, kind, description, "
			       "starts_on, ends_on, activity_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st)) {
			rc = CD_EDB;
			goto out;
		}
		sqlite3_bind_int64(st, 1, v->id);
		sqlite3_bind_text(st, 2, sa->kind, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, sa->description, -1, SQLITE_STATIC);
		db_bind_text_or_null(st, 4, sa->starts_on);
		db_bind_text_or_null(st, 5, sa->ends_on);
		db_bind_id_or_null(st, 6, sa->activity_id);
		if (update)
			sqlite3_bind_int64(st, 7, sa->id);
		if ((rc = db_step_done(db, st)))
			goto out;
		if (!update)
			sa->id = sqlite3_last_insert_rowid(db->h);
	}
out:
	free(have);
	return rc;
}

static int write_header(struct cd_db *db, struct plan_version *v, int64_t user)
{
	sqlite3_stmt *st;

	int rc;

	/* who changed it last: not the one to approve it (four eyes, art. 41) */
	if (db_prepare(db, "UPDATE plan_version SET period_from = ?2, period_to = ?3, "
		       "goals = ?4, person_view = ?5, update_note = ?6, agreed_on = ?7, "
		       "signed_paper = ?8, changed_by = ?10, row_version = row_version + 1 "
		       "WHERE id = ?1 AND row_version = ?9", &st))
		return CD_EDB;
	db_bind_id_or_null(st, 10, user);
	sqlite3_bind_int64(st, 1, v->id);
	sqlite3_bind_text(st, 2, v->period_from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, v->period_to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, str_trim(v->goals), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, str_trim(v->person_view), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, str_trim(v->update_note), -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 7, v->agreed_on);
	sqlite3_bind_int(st, 8, v->signed_paper);
	sqlite3_bind_int64(st, 9, v->row_version);
	if ((rc = db_step_done(db, st)))
		return rc;
	/* someone saved the version after this one was read: refused, told */
	return sqlite3_changes(db->h) ? CD_OK : CD_ECONFLICT;
}

static int64_t person_of_request(struct cd_db *db, int64_t request_id)
{
	sqlite3_stmt *st;
	int64_t id = 0;

	if (db_prepare(db, "SELECT person_id FROM request WHERE id = ?1", &st))
		return 0;
	sqlite3_bind_int64(st, 1, request_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

int plan_create(struct cd_db *db, const struct actor *a, int64_t request_id,
		struct plan_version *v, struct fielderr *e)
{
	return plan_create_warn(db, a, request_id, v, NULL, NULL, e);
}

int plan_create_warn(struct cd_db *db, const struct actor *a, int64_t request_id,
		     struct plan_version *v, struct plan_warning **warnings,
		     size_t *nwarnings, struct fielderr *e)
{
	sqlite3_stmt *st;
	int64_t plan_id;
	int rc;

	fielderr_clear(e);
	if (warnings) {
		*warnings = NULL;
		*nwarnings = 0;
	}
	if ((rc = case_access(db, a, request_id, true, e)))
		return rc;
	if (!exists(db, "SELECT 1 FROM assessment WHERE request_id = ?1 AND outcome = "
		    "'qualified' AND ?2 = ?2", request_id, 0))
		return fielderr_set(e, -1, "%s",
				    _("a plan needs an assessment that qualified the person"));
	if (exists(db, "SELECT 1 FROM plan WHERE request_id = ?1 AND ?2 = ?2", request_id, 0))
		return fielderr_set(e, -1, "%s", _("this case already has a plan"));
	if ((rc = plan_validate(db, v, person_of_request(db, request_id), warnings, nwarnings,
				e)))
		return rc;
	if ((rc = db_begin(db)))
		return rc;
	if (db_prepare(db, "INSERT INTO plan(request_id, person_id, coordinator_id) "
		       "SELECT id, person_id, coordinator_id FROM request WHERE id = ?1", &st))
		goto fail;
	sqlite3_bind_int64(st, 1, request_id);
	if (db_step_done(db, st))
		goto fail;
	plan_id = sqlite3_last_insert_rowid(db->h);
	if (db_prepare(db, "INSERT INTO plan_version(plan_id, version_no, period_from, "
		       "period_to, created_by) VALUES (?1, 1, ?2, ?3, ?4)", &st))
		goto fail;
	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_text(st, 2, v->period_from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, v->period_to, -1, SQLITE_STATIC);
	db_bind_id_or_null(st, 4, a->user_id);
	if (db_step_done(db, st))
		goto fail;
	v->id = sqlite3_last_insert_rowid(db->h);
	v->plan_id = plan_id;
	v->request_id = request_id;
	v->version_no = 1;
	v->row_version = 1;
	str_copy(v->status, sizeof(v->status), "draft");
	if (write_header(db, v, a->user_id) || write_children(db, v) ||
	    audit_add(db, a->user_id, "plan.create", "plan", plan_id, "") || db_commit(db))
		goto fail;
	v->row_version++;           /* the header was written once */
	return CD_OK;
fail:
	db_rollback(db);
	v->id = 0;
	return CD_EDB;
}

int plan_save(struct cd_db *db, const struct actor *a, struct plan_version *v,
	      struct plan_warning **warnings, size_t *nwarnings, struct fielderr *e)
{
	int64_t plan_id, request_id;
	char status[12];
	int rc;

	fielderr_clear(e);
	if (warnings) {
		*warnings = NULL;
		*nwarnings = 0;
	}
	if ((rc = version_head(db, v->id, &plan_id, &request_id, status, NULL)))
		return rc;
	if ((rc = case_access(db, a, request_id, true, e)))
		return rc;
	if (strcmp(status, "draft") && strcmp(status, "returned"))
		return fielderr_set(e, -1, "%s",
				    _("only a draft or a returned plan can be changed; "
				      "start an update instead"));
	if ((rc = plan_validate(db, v, person_of_request(db, request_id), warnings,
				nwarnings, e)))
		return rc;
	if ((rc = db_begin(db)))
		return rc;
	{
		char *detail = dates_changed(db, v);
		rc = write_header(db, v, a->user_id);
		if (!rc)
			rc = write_children(db, v);
		if (!rc)
			rc = audit_add(db, a->user_id, "plan.save", "plan", plan_id, detail);
		free(detail);
	}
	if (rc || (rc = db_commit(db))) {
		db_rollback(db);
		return rc;
	}
	v->row_version++;
	return CD_OK;
}

/* A version's new status: submitted (when), or decided (who, when, and the
 * comment of a return). */
static int set_status(struct cd_db *db, int64_t version_id, const char *status,
		      bool decision, const char *text, int64_t user)
{
	sqlite3_stmt *st;
	int rc = db_prepare(db, decision ?
			    "UPDATE plan_version SET status = ?2, return_comment = ?3, "
			    "decided_by = ?4, decided_at = cd_now() WHERE id = ?1" :
			    "UPDATE plan_version SET status = ?2, submitted_at = cd_now() "
			    "WHERE id = ?1", &st);

	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, version_id);
	sqlite3_bind_text(st, 2, status, -1, SQLITE_STATIC);
	if (sqlite3_bind_parameter_count(st) >= 3)
		sqlite3_bind_text(st, 3, text ? text : "", -1, SQLITE_STATIC);
	if (sqlite3_bind_parameter_count(st) >= 4)
		db_bind_id_or_null(st, 4, user);
	return db_step_done(db, st);
}

int plan_submit(struct cd_db *db, const struct actor *a, int64_t version_id,
		struct fielderr *e)
{
	struct plan_version v;
	int64_t plan_id, request_id;
	char status[12];
	int rc;

	fielderr_clear(e);
	if ((rc = version_head(db, version_id, &plan_id, &request_id, status, NULL)))
		return rc;
	if ((rc = case_access(db, a, request_id, true, e)))
		return rc;
	if (strcmp(status, "draft") && strcmp(status, "returned"))
		return fielderr_set(e, -1, "%s", _("only a draft or a returned plan can be submitted"));
	if ((rc = plan_version_get(db, a, version_id, &v)))
		return rc;
	if (!v.nitems)
		rc = fielderr_set(e, PLAN_F_ITEMS, "%s",
				  _("Services: a plan needs at least one service"));
	else if (!v.agreed_on[0])
		rc = fielderr_set(e, PLAN_F_AGREED, "%s",
				  _("Agreed on: record the date the person agreed to the plan"));
	else if (v.version_no > 1 && !v.update_reason[0])
		rc = fielderr_set(e, PLAN_F_REASON, "%s", _("Reason: why is the plan updated"));
	else
		rc = plan_validate(db, &v, person_of_request(db, request_id), NULL, NULL, e);
	plan_version_release(&v);
	if (rc)
		return rc;
	if ((rc = db_begin(db)))
		return rc;
	if ((rc = set_status(db, version_id, "submitted", false, NULL, 0)) ||
	    (rc = audit_add(db, a->user_id, "plan.submit", "plan", plan_id, "")) ||
	    (rc = db_commit(db))) {
		db_rollback(db);
		return rc;
	}
	return CD_OK;
}

/* A refusal for want of the role: the message, and CD_EPERM (auth.h). */
static int refuse(struct fielderr *e, const char *msg)
{
	fielderr_set(e, -1, "%s", msg);
	return CD_EPERM;
}

bool plan_may_approve(struct cd_db *db, const struct actor *a, const struct date *day)
{
	return a->user_id == 0 || (a->roles & ROLE_DIRECTOR) ||
	       ((a->roles & ROLE_ORGANISER) && authorised_on(db, a->user_id, day));
}

bool authorised_on(struct cd_db *db, int64_t user_id, const struct date *day)
{
	sqlite3_stmt *st;
	char d[11];
	bool ok;

	date_format(day, d);
	if (db_prepare(db, "SELECT 1 FROM authorisation WHERE organiser_id = ?1 AND "
		       "valid_from <= ?2 AND (valid_to IS NULL OR valid_to >= ?2)", &st))
		return false;
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_text(st, 2, d, -1, SQLITE_TRANSIENT);
	ok = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return ok;
}

int authorisation_grant(struct cd_db *db, const struct actor *a, int64_t organiser_id,
			const char *from, const char *to, struct fielderr *e)
{
	struct date f, t;
	struct user u;
	sqlite3_stmt *st;

	fielderr_clear(e);
	if (a->user_id != 0 && !actor_can(a, PERM_AUTHORISE))
		return refuse(e, _("only the director authorises organisers"));
	if (user_get(db, organiser_id, &u) || !(u.roles & ROLE_ORGANISER))
		return fielderr_set(e, -1, "%s", _("Organiser: not a services organiser"));
	if (!date_parse(from, &f))
		return fielderr_set(e, -1, "%s", _("From: not a valid date (use YYYY-MM-DD)"));
	if (to && *to && (!date_parse(to, &t) || date_cmp(&t, &f) < 0))
		return fielderr_set(e, -1, "%s", _("To: not a valid date after the start"));
	if (db_prepare(db, "INSERT INTO authorisation(organiser_id, granted_by, valid_from, "
		       "valid_to) VALUES (?1, ?2, ?3, ?4)", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, organiser_id);
	db_bind_id_or_null(st, 2, a->user_id);
	sqlite3_bind_text(st, 3, from, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 4, to);
	return db_step_done(db, st);
}

static void authorisation_row(sqlite3_stmt *st, void *row)
{
	struct authorisation *x = row;

	x->id = sqlite3_column_int64(st, 0);
	x->organiser_id = sqlite3_column_int64(st, 1);
	db_col_copy(st, 2, x->organiser, sizeof(x->organiser));
	db_col_copy(st, 3, x->granted_by, sizeof(x->granted_by));
	db_col_copy(st, 4, x->valid_from, sizeof(x->valid_from));
	db_col_copy(st, 5, x->valid_to, sizeof(x->valid_to));
}

int authorisation_list(struct cd_db *db, const struct actor *a, struct authorisation **out,
		       size_t *n)
{
	sqlite3_stmt *st;

	*out = NULL;
	*n = 0;
	if (!actor_can(a, PERM_PLAN_APPROVE))
		return CD_EPERM;
	if (db_prepare(db, "SELECT z.id, z.organiser_id, o.full_name, COALESCE(g.full_name, ''), "
		       "z.valid_from, COALESCE(z.valid_to, '') FROM authorisation z "
		       "JOIN app_user o ON o.id = z.organiser_id "
		       "LEFT JOIN app_user g ON g.id = z.granted_by "
		       "ORDER BY z.valid_from DESC, z.id DESC", &st))
		return CD_EDB;
	return db_collect(st, sizeof(**out), authorisation_row, (void **)out, n);
}

int authorisation_end(struct cd_db *db, const struct actor *a, int64_t id, const char *on,
		      struct fielderr *e)
{
	struct date d;
	sqlite3_stmt *st;

	fielderr_clear(e);
	if (a->user_id != 0 && !actor_can(a, PERM_AUTHORISE))
		return refuse(e, _("only the director authorises organisers"));
	if (!on || !date_parse(on, &d))
		return fielderr_set(e, -1, "%s", _("To: not a valid date (use YYYY-MM-DD)"));
	if (db_prepare(db, "UPDATE authorisation SET valid_to = ?2 WHERE id = ?1 AND "
		       "valid_from <= ?2 AND (valid_to IS NULL OR valid_to > ?2)", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, on, -1, SQLITE_STATIC);
	if (db_step_done(db, st))
		return CD_EDB;
	if (!sqlite3_changes(db->h))
		return fielderr_set(e, -1, "%s", _("To: the authorisation does not run on that day"));
	return CD_OK;
}

/* On approval: an order for every item; an item continuing an earlier one
 * with the same provider keeps that order. */
static int make_orders(struct cd_db *db, int64_t version_id, const char *today)
{
	sqlite3_stmt *st;

	if (db_prepare(db, "INSERT INTO service_order(item_id, sent_on, provider_contact_on) "
		       "SELECT i.id, COALESCE(o.sent_on, ?2), o.provider_contact_on "
		       "FROM plan_item i LEFT JOIN plan_item prev ON prev.id = i.origin_id "
		       "AND prev.provider_id = i.provider_id "
		       "LEFT JOIN service_order o ON o.item_id = prev.id "
		       "WHERE i.version_id = ?1", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, version_id);
	sqlite3_bind_text(st, 2, today, -1, SQLITE_STATIC);
	return db_step_done(db, st);
}

/* Four eyes (art. 41: the approver checks the coordinator's draft): who
 * created or last changed the version neither approves nor returns it.
 * CD_EPERM with whom to ask, or whom the director must authorise. */
static int four_eyes(struct cd_db *db, const struct actor *a, int64_t version_id,
		     const struct date *today, struct fielderr *e)
{
	sqlite3_stmt *st;
	bool own = false, other = false;
	char d[11];

	if (!a->user_id)
		return CD_OK;
	if (db_prepare(db, "SELECT 1 FROM plan_version WHERE id = ?1 AND (created_by = ?2 OR "
		       "changed_by = ?2)", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, version_id);
	sqlite3_bind_int64(st, 2, a->user_id);
	own = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	if (!own)
		return CD_OK;
	/* is there anyone else who may decide today? */
	date_format(today, d);
	if (db_prepare(db, "SELECT 1 FROM app_user u WHERE u.id <> ?1 AND u.disabled = 0 AND "
		       "((u.roles & ?2) <> 0 OR ((u.roles & ?3) <> 0 AND EXISTS (SELECT 1 FROM "
		       "authorisation z WHERE z.organiser_id = u.id AND z.valid_from <= ?4 AND "
		       "(z.valid_to IS NULL OR z.valid_to >= ?4))))", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, a->user_id);
	sqlite3_bind_int(st, 2, ROLE_DIRECTOR);
	sqlite3_bind_int(st, 3, ROLE_ORGANISER);
	sqlite3_bind_text(st, 4, d, -1, SQLITE_TRANSIENT);
	other = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return refuse(e, other ?
		      _("you drew up or changed this version: another approver (the director "
			"or an authorised organiser) decides on it (art. 41)") :
		      _("you drew up or changed this version and no one else may approve it: "
			"the director must authorise an organiser who did not work on it "
			"(menu: Authorisations to approve plans)"));
}

int plan_approve(struct cd_db *db, const struct actor *a, int64_t version_id,
		 const struct date *today, struct fielderr *e)
{
	int64_t plan_id, request_id;
	char status[12], d[11];
	sqlite3_stmt *st;
	int rc;

	fielderr_clear(e);
	if ((rc = version_head(db, version_id, &plan_id, &request_id, status, NULL)))
		return rc;
	if (!plan_may_approve(db, a, today))
		return refuse(e, _("plans are approved by the director or an organiser "
				   "the director authorised (art. 41)"));
	if (strcmp(status, "submitted"))
		return fielderr_set(e, -1, "%s", _("only a submitted plan can be approved"));
	if ((rc = four_eyes(db, a, version_id, today, e)))
		return rc;
	date_format(today, d);
	if ((rc = db_begin(db)))
		return rc;
	if (db_prepare(db, "UPDATE plan_version SET status = 'superseded' WHERE plan_id = ?1 "
		       "AND status = 'approved'", &st))
		goto fail;
	sqlite3_bind_int64(st, 1, plan_id);
	if (db_step_done(db, st))
		goto fail;
	if (set_status(db, version_id, "approved", true, "", a->user_id) ||
	    make_orders(db, version_id, d) ||
	    audit_add(db, a->user_id, "plan.approve", "plan", plan_id, "") ||
	    db_commit(db))
		goto fail;
	return CD_OK;
fail:
	db_rollback(db);
	return CD_EDB;
}

int plan_return(struct cd_db *db, const struct actor *a, int64_t version_id,
		const char *comment, struct fielderr *e)
{
	int64_t plan_id, request_id;
	char status[12], *said;
	struct date today;
	int rc;

	fielderr_clear(e);
	if ((rc = version_head(db, version_id, &plan_id, &request_id, status, NULL)))
		return rc;
	date_today(&today);
	if (!plan_may_approve(db, a, &today))
		return refuse(e, _("plans are approved by the director or an organiser "
				   "the director authorised (art. 41)"));
	if (strcmp(status, "submitted"))
		return fielderr_set(e, -1, "%s", _("only a submitted plan can be returned"));
	if ((rc = four_eyes(db, a, version_id, &today, e)))
		return rc;
	if (str_empty(comment))
		return fielderr_set(e, PLAN_F_COMMENT, "%s",
				    _("Comment: say what should change"));
	if ((rc = text_param_check(comment, false, TEXT_REASON_MAX, PLAN_F_COMMENT, _("Comment"),
				   &said, e)))
		return rc;
	if ((rc = db_begin(db))) {
		free(said);
		return rc;
	}
	if ((rc = set_status(db, version_id, "returned", true, said, a->user_id)) ||
	    (rc = audit_add(db, a->user_id, "plan.return", "plan", plan_id, "")) ||
	    (rc = db_commit(db)))
		db_rollback(db);
	free(said);
	return rc;
}

int plan_update(struct cd_db *db, const struct actor *a, int64_t plan_id,
		const char *reason, const char *note, int64_t *new_version,
		struct fielderr *e)
{
	struct plan_version cur;
	int64_t request_id = request_of_plan(db, plan_id);
	sqlite3_stmt *st;
	size_t i;
	int rc, next = 0;

	fielderr_clear(e);
	if (!request_id)
		return CD_ENOTFOUND;
	if ((rc = case_access(db, a, request_id, true, e)))
		return rc;
	if (!reason || code_index(&codes_update_reason, reason) < 0)
		return fielderr_set(e, PLAN_F_REASON, "%s",
				    _("Reason: needs changed, new programme, the person's "
				      "request, provider change or other"));
	if (!strcmp(reason, "other") && str_empty(note))
		return fielderr_set(e, PLAN_F_REASON, "%s", _("Reason: describe the other reason"));
	if (exists(db, "SELECT 1 FROM plan_version WHERE plan_id = ?1 AND status IN "
		   "('draft', 'submitted', 'returned') AND ?2 = ?2", plan_id, 0))
		return fielderr_set(e, PLAN_F_REASON, "%s",
				    _("an update of this plan is already in progress"));
	if (exists(db, "SELECT 1 FROM closure WHERE plan_id = ?1 AND ?2 = ?2", plan_id, 0))
		return fielderr_set(e, PLAN_F_REASON, "%s", _("the plan is closed"));
	if ((rc = plan_current(db, a, plan_id, &cur)))
		return rc == CD_ENOTFOUND ? fielderr_set(e, PLAN_F_REASON, "%s",
				_("only an approved plan can be updated")) : rc;
	if (db_prepare(db, "SELECT max(version_no) + 1 FROM plan_version WHERE plan_id = ?1", &st))
		goto fail_nobegin;
	sqlite3_bind_int64(st, 1, plan_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		next = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if ((rc = db_begin(db))) {
		plan_version_release(&cur);
		return rc;
	}
	if (db_prepare(db, "INSERT INTO plan_version(plan_id, version_no, period_from, "
		       "period_to, goals, person_view, update_reason, update_note, created_by) "
		       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", &st))
		goto fail;
	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int(st, 2, next);
	sqlite3_bind_text(st, 3, cur.period_from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, cur.period_to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, cur.goals, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, cur.person_view, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, reason, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, note ? note : "", -1, SQLITE_STATIC);
	db_bind_id_or_null(st, 9, a->user_id);
	if (db_step_done(db, st))
		goto fail;
	cur.id = sqlite3_last_insert_rowid(db->h);
	/* the items continue the approved ones (unless already ended) */
	{
		size_t k = 0;
		for (i = 0; i < cur.nitems; i++) {
			if (cur.items[i].ended_on[0])
				continue;
			cur.items[i].origin_id = cur.items[i].id;
			cur.items[k++] = cur.items[i];
		}
		cur.nitems = k;
	}
	if (write_children(db, &cur) ||
	    audit_add(db, a->user_id, "plan.update", "plan", plan_id, reason) ||
	    db_commit(db))
		goto fail;
	if (new_version)
		*new_version = cur.id;
	plan_version_release(&cur);
	return CD_OK;
fail:
	db_rollback(db);
fail_nobegin:
	plan_version_release(&cur);
	return CD_EDB;
}

/* One version by a condition on it.  where must be a string literal of
 * this file (it is pasted into the SQL); the value comes bound as ?1. */
static int read_version(struct cd_db *db, const char *where, int64_t id,
			struct plan_version *v)
{
	sqlite3_stmt *st;
	char *sql;
	int rc = CD_ENOTFOUND;

	plan_version_init(v);
	sql = xasprintf("SELECT v.id, v.plan_id, p.request_id, v.version_no, v.status, "
			"v.period_from, v.period_to, v.goals, v.person_view, "
			"COALESCE(v.update_reason, ''), v.update_note, COALESCE(v.agreed_on, ''), "
			"v.signed_paper, COALESCE(v.submitted_at, ''), COALESCE(v.decided_at, ''), "
			"COALESCE(u.full_name, ''), v.return_comment, "
			"r.filed_on, v.row_version "
			"FROM plan_version v JOIN plan p ON p.id = v.plan_id "
			"JOIN request r ON r.id = p.request_id "
			"LEFT JOIN app_user u ON u.id = v.decided_by WHERE %s", where);
	rc = db_cached(db, sql, &st);
	free(sql);
	if (rc)
		return rc;
	rc = CD_ENOTFOUND;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		v->id = sqlite3_column_int64(st, 0);
		v->plan_id = sqlite3_column_int64(st, 1);
		v->request_id = sqlite3_column_int64(st, 2);
		v->version_no = sqlite3_column_int(st, 3);
		db_col_copy(st, 4, v->status, sizeof(v->status));
		db_col_copy(st, 5, v->period_from, sizeof(v->period_from));
		db_col_copy(st, 6, v->period_to, sizeof(v->period_to));
		db_col_copy(st, 7, v->goals, sizeof(v->goals));
		db_col_copy(st, 8, v->person_view, sizeof(v->person_view));
		db_col_copy(st, 9, v->update_reason, sizeof(v->update_reason));
		db_col_copy(st, 10, v->update_note, sizeof(v->update_note));
		db_col_copy(st, 11, v->agreed_on, sizeof(v->agreed_on));
		v->signed_paper = sqlite3_column_int(st, 12);
		db_col_copy(st, 13, v->submitted_at, sizeof(v->submitted_at));
		db_col_copy(st, 14, v->decided_at, sizeof(v->decided_at));
		db_col_copy(st, 15, v->decided_by_name, sizeof(v->decided_by_name));
		db_col_copy(st, 16, v->return_comment, sizeof(v->return_comment));
		v->row_version = sqlite3_column_int64(st, 18);
		/* late: version 1 not submitted within 30 days of the request
		 * (judged on today's date while it is not submitted yet) */
		{
			struct date filed, sub;
			char filed_on[16], day[11];
			db_col_copy(st, 17, filed_on, sizeof(filed_on));
			str_copy(day, sizeof(day), v->submitted_at);
			if (!date_parse(day, &sub))
				date_today(&sub);
			v->late = v->version_no == 1 && date_parse(filed_on, &filed) &&
				  date_diff(&filed, &sub) > PLAN_DEADLINE_DAYS;
			v->submitted_day = v->decided_day = 0;
			if (v->version_no == 1 && date_parse(filed_on, &filed)) {
				struct date dec;
				char dd[11];
				if (date_parse(day, &sub))
					v->submitted_day = date_diff(&filed, &sub);
				str_copy(dd, sizeof(dd), v->decided_at);
				if (date_parse(dd, &dec) && strcmp(v->status, "returned"))
					v->decided_day = date_diff(&filed, &dec);
			}
		}
		rc = CD_OK;
	}
	db_release(db, st);
	return rc;
}

static int read_children(struct cd_db *db, struct plan_version *v)
{
	sqlite3_stmt *st;

	if (db_cached(db, "SELECT i.id, COALESCE(i.origin_id, 0), i.programme_id, i.service_id, "
		       "i.provider_id, COALESCE(i.place_id, 0), i.starts_on, i.ends_on, i.amount, "
		       "i.frequency, i.notes, i.override_reason, s.name, pr.name, "
		       "COALESCE(pl.name, ''), s.unit, COALESCE(o.sent_on, ''), "
		       "COALESCE(o.provider_contact_on, ''), COALESCE(i.ended_on, ''), i.end_reason, "
		       "i.days, i.hours FROM plan_item i JOIN service s ON s.id = i.service_id "
		       "JOIN provider pr ON pr.id = i.provider_id "
		       "LEFT JOIN place pl ON pl.id = i.place_id "
		       "LEFT JOIN service_order o ON o.item_id = i.id "
		       "WHERE i.version_id = ?1 ORDER BY i.starts_on, i.id", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, v->id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct plan_item *it = plan_add_item(v);
		it->id = sqlite3_column_int64(st, 0);
		it->origin_id = sqlite3_column_int64(st, 1);
		it->programme_id = sqlite3_column_int64(st, 2);
		it->service_id = sqlite3_column_int64(st, 3);
		it->provider_id = sqlite3_column_int64(st, 4);
		it->place_id = sqlite3_column_int64(st, 5);
		db_col_copy(st, 6, it->starts_on, sizeof(it->starts_on));
		db_col_copy(st, 7, it->ends_on, sizeof(it->ends_on));
		it->amount = sqlite3_column_double(st, 8);
		db_col_copy(st, 9, it->frequency, sizeof(it->frequency));
		db_col_copy(st, 10, it->notes, sizeof(it->notes));
		db_col_copy(st, 11, it->override_reason, sizeof(it->override_reason));
		db_col_copy(st, 12, it->service_name, sizeof(it->service_name));
		db_col_copy(st, 13, it->provider_name, sizeof(it->provider_name));
		db_col_copy(st, 14, it->place_name, sizeof(it->place_name));
		db_col_copy(st, 15, it->unit, sizeof(it->unit));
		db_col_copy(st, 16, it->order_sent_on, sizeof(it->order_sent_on));
		db_col_copy(st, 17, it->provider_contact_on, sizeof(it->provider_contact_on));
		db_col_copy(st, 18, it->ended_on, sizeof(it->ended_on));
		db_col_copy(st, 19, it->end_reason, sizeof(it->end_reason));
		db_col_copy(st, 20, it->days, sizeof(it->days));
		db_col_copy(st, 21, it->hours, sizeof(it->hours));
	}
	if (db_release(db, st))
		return CD_EDB;
	if (db_cached(db, "SELECT id, kind, description, COALESCE(starts_on, ''), "
		       "COALESCE(ends_on, ''), COALESCE(activity_id, 0) FROM supporting_activity "
		       "WHERE version_id = ?1 ORDER BY id", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, v->id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct supporting_activity *sa = plan_add_act(v);
		sa->id = sqlite3_column_int64(st, 0);
		db_col_copy(st, 1, sa->kind, sizeof(sa->kind));
		db_col_copy(st, 2, sa->description, sizeof(sa->description));
		db_col_copy(st, 3, sa->starts_on, sizeof(sa->starts_on));
		db_col_copy(st, 4, sa->ends_on, sizeof(sa->ends_on));
		sa->activity_id = sqlite3_column_int64(st, 5);
	}
	return db_release(db, st);
}

static int read_full(struct cd_db *db, const struct actor *a, const char *where,
		     int64_t id, struct plan_version *out)
{
	int rc = read_version(db, where, id, out);

	if (rc)
		return rc;
	if ((rc = case_access(db, a, out->request_id, false, NULL)))
		return rc;
	return read_children(db, out);
}

int plan_version_get(struct cd_db *db, const struct actor *a, int64_t version_id,
		     struct plan_version *out)
{
	return read_full(db, a, "v.id = ?1", version_id, out);
}

int plan_latest(struct cd_db *db, const struct actor *a, int64_t plan_id,
		struct plan_version *out)
{
	return read_full(db, a, "v.plan_id = ?1 ORDER BY v.version_no DESC LIMIT 1",
			 plan_id, out);
}

int plan_current(struct cd_db *db, const struct actor *a, int64_t plan_id,
		 struct plan_version *out)
{
	return read_full(db, a, "v.plan_id = ?1 AND v.status = 'approved'", plan_id, out);
}

int plan_id_of_request(struct cd_db *db, int64_t request_id, int64_t *plan_id)
{
	sqlite3_stmt *st;
	int rc;

	*plan_id = 0;
	if (db_cached(db, "SELECT id FROM plan WHERE request_id = ?1", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, request_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*plan_id = sqlite3_column_int64(st, 0);
	if (db_release(db, st) || (rc != SQLITE_ROW && rc != SQLITE_DONE))
		return CD_EDB;
	return *plan_id ? CD_OK : CD_ENOTFOUND;
}

int plan_of_request(struct cd_db *db, const struct actor *a, int64_t request_id,
		    int64_t *plan_id, struct plan_version **out, size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 4;
	int rc;

	*out = NULL;
	*n = 0;
	*plan_id = 0;
	if ((rc = case_access(db, a, request_id, false, NULL)))
		return rc;
	if (db_prepare(db, "SELECT v.id FROM plan_version v JOIN plan p ON p.id = v.plan_id "
		       "WHERE p.request_id = ?1 ORDER BY v.version_no DESC", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, request_id);
	*out = xcalloc(cap, sizeof(**out));
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (*n == cap) {
			cap *= 2;
			*out = xrealloc(*out, cap * sizeof(**out));
		}
		if (read_version(db, "v.id = ?1", sqlite3_column_int64(st, 0), &(*out)[*n]) == CD_OK)
			*plan_id = (*out)[(*n)++].plan_id;
	}
	if (sqlite3_finalize(st) != SQLITE_OK || !*n) {
		rc = *n ? CD_EDB : CD_ENOTFOUND;
		for (size_t i = 0; i < *n; i++)
			plan_version_release(&(*out)[i]);
		free(*out);
		*out = NULL;
		*n = 0;
		return rc;
	}
	return CD_OK;
}

static void diff_add(struct plan_diff **out, size_t *n, enum diff_kind k,
		     const char *service, const char *what)
{
	*out = xrealloc(*out, (*n + 1) * sizeof(**out));
	(*out)[*n].kind = k;
	str_copy((*out)[*n].service_name, sizeof((*out)[*n].service_name), service);
	str_copy((*out)[*n].what, sizeof((*out)[*n].what), what ? what : "");
	(*n)++;
}

int plan_compare(const struct plan_version *older, const struct plan_version *newer,
		 struct plan_diff **out, size_t *n)
{
	size_t i, j;

	*out = NULL;
	*n = 0;
	for (i = 0; i < newer->nitems; i++) {
		const struct plan_item *b = &newer->items[i], *a = NULL;
		struct strbuf sb;
		for (j = 0; j < older->nitems; j++)
			if (b->origin_id && older->items[j].id == b->origin_id)
				a = &older->items[j];
		if (!a) {
			char amount[96], *what;
			item_amount_text(b, amount, sizeof(amount));
			what = xasprintf("%s – %s, %s", b->starts_on, b->ends_on, amount);
			diff_add(out, n, DIFF_ADDED, b->service_name, what);
			free(what);
			continue;
		}
		sb_init(&sb);
		sb_add(&sb, "");
		if (a->provider_id != b->provider_id)
			sb_addf(&sb, _("provider %s → %s; "), a->provider_name, b->provider_name);
		if (a->place_id != b->place_id)
			sb_addf(&sb, _("place %s → %s; "), a->place_name, b->place_name);
		if (strcmp(a->starts_on, b->starts_on) || strcmp(a->ends_on, b->ends_on))
			sb_addf(&sb, _("dates %s–%s → %s–%s; "), a->starts_on, a->ends_on,
				b->starts_on, b->ends_on);
		if (fabs(a->amount - b->amount) > 1e-9 || strcmp(a->frequency, b->frequency) ||
		    strcmp(a->days, b->days) || strcmp(a->hours, b->hours)) {
			char am[96], bm[96];
			item_amount_text(a, am, sizeof(am));
			item_amount_text(b, bm, sizeof(bm));
			sb_addf(&sb, _("amount %s → %s; "), am, bm);
		}
		if (strcmp(a->notes, b->notes))
			sb_add(&sb, _("notes changed; "));
		if (sb.len) {
			sb.buf[sb.len - 2] = '\0';
			diff_add(out, n, DIFF_CHANGED, b->service_name, sb.buf);
		}
		sb_release(&sb);
	}
	for (j = 0; j < older->nitems; j++) {
		bool kept = false;
		for (i = 0; i < newer->nitems; i++)
			if (newer->items[i].origin_id == older->items[j].id)
				kept = true;
		if (!kept)
			diff_add(out, n, DIFF_REMOVED, older->items[j].service_name,
				 older->items[j].provider_name);
	}
	return CD_OK;
}

int plan_order_contact(struct cd_db *db, const struct actor *a, int64_t item_id,
		       const char *on, struct fielderr *e)
{
	sqlite3_stmt *st;
	int64_t request_id = 0;
	char sent[16] = "";
	struct date d, s, today;
	int rc;

	fielderr_clear(e);
	if (db_prepare(db, "SELECT p.request_id, o.sent_on FROM service_order o "
		       "JOIN plan_item i ON i.id = o.item_id JOIN plan_version v ON "
		       "v.id = i.version_id JOIN plan p ON p.id = v.plan_id WHERE o.item_id = ?1", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, item_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		request_id = sqlite3_column_int64(st, 0);
		db_col_copy(st, 1, sent, sizeof(sent));
	}
	sqlite3_finalize(st);
	if (!request_id)
		return fielderr_set(e, -1, "%s", _("this service has no order yet"));
	if ((rc = case_access(db, a, request_id, true, e)))
		return rc;
	date_today(&today);
	if (!date_parse(on, &d) || date_cmp(&d, &today) > 0)
		return fielderr_set(e, -1, "%s", _("Contact date: a date not in the future"));
	if (date_parse(sent, &s) && date_cmp(&d, &s) < 0)
		return fielderr_set(e, -1, _("Contact date: before the order was sent (%s)"), sent);
	/* the contact belongs to the order of this item and of the items that
	 * continue it */
	if (db_prepare(db, "UPDATE service_order SET provider_contact_on = ?2 WHERE item_id = ?1",
		       &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, item_id);
	sqlite3_bind_text(st, 2, on, -1, SQLITE_STATIC);
	return db_step_done(db, st);
}

void plan_item_limit_text(struct cd_db *db, const struct plan_item *it, char *out, size_t size)
{
	sqlite3_stmt *st;
	struct strbuf sb;

	out[0] = '\0';
	if (db_prepare(db, "SELECT COALESCE(ps.max_per_month, -1), COALESCE(ps.max_per_quarter, -1), "
		       "COALESCE(ps.max_per_year, -1), COALESCE(ps.limit_text, ''), s.unit "
		       "FROM programme_service ps JOIN service s ON s.id = ps.service_id "
		       "WHERE ps.programme_id = ?1 AND ps.service_id = ?2", &st))
		return;
	sqlite3_bind_int64(st, 1, it->programme_id);
	sqlite3_bind_int64(st, 2, it->service_id);
	sb_init(&sb);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *unit = (const char *)sqlite3_column_text(st, 4);
		const char *when[] = {N_("a month"), N_("a quarter"), N_("a year")};
		int k;
		for (k = 0; k < 3; k++) {
			double v = sqlite3_column_double(st, k);
			char n[32];
			if (v < 0)
				continue;
			number_text(v, n, sizeof(n));
			sb_addf(&sb, "%s%s %s %s", sb.len ? "; " : "", n, unit_amount_label(unit, v),
				_(when[k]));
		}
		if (sqlite3_column_text(st, 3) && *sqlite3_column_text(st, 3))
			sb_addf(&sb, "%s%s", sb.len ? "; " : "", sqlite3_column_text(st, 3));
	}
	sqlite3_finalize(st);
	if (sb.buf)
		str_copy(out, size, sb.buf);
	sb_release(&sb);
}

void item_amount_text(const struct plan_item *it, char *out, size_t size)
{
	char n[32], days[80];

	number_text(it->amount, n, sizeof(n));
	weekdays_text(it->days, days, sizeof(days));
	/* "3 godziny tygodniowo (pn, śr, pt 09:00-11:00)" */
	snprintf(out, size, "%s %s %s%s%s%s%s%s", n, unit_amount_label(it->unit, it->amount),
		 code_label(&codes_frequency, it->frequency), days[0] || it->hours[0] ? " (" : "",
		 days, days[0] && it->hours[0] ? " " : "", it->hours,
		 days[0] || it->hours[0] ? ")" : "");
}

int plan_item_describe(struct cd_db *db, struct plan_item *it)
{
	sqlite3_stmt *st;
	int rc = CD_ENOTFOUND;

	if (db_prepare(db, "SELECT s.name, s.unit, COALESCE((SELECT name FROM provider "
		       "WHERE id = ?2), ''), COALESCE((SELECT name FROM place WHERE id = ?3), '') "
		       "FROM service s WHERE s.id = ?1", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, it->service_id);
	sqlite3_bind_int64(st, 2, it->provider_id);
	sqlite3_bind_int64(st, 3, it->place_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		db_col_copy(st, 0, it->service_name, sizeof(it->service_name));
		db_col_copy(st, 1, it->unit, sizeof(it->unit));
		db_col_copy(st, 2, it->provider_name, sizeof(it->provider_name));
		db_col_copy(st, 3, it->place_name, sizeof(it->place_name));
		rc = CD_OK;
	}
	sqlite3_finalize(st);
	return rc;
}
