/* monitoring.c - monitoring notes, absences, resignations, closing. */
#include "monitoring.h"
#include "casefile.h"
#include "codes.h"
#include "dbint.h"
#include "i18n.h"
#include "plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void monitoring_note_init(struct monitoring_note *m, int64_t plan_id)
{
	struct date today;

	memset(m, 0, sizeof(*m));
	m->plan_id = plan_id;
	date_today(&today);
	date_format(&today, m->held_on);
	str_copy(m->kind, sizeof(m->kind), "phone");
}

void monitoring_note_release(struct monitoring_note *m)
{
	free(m->checks);
	m->checks = NULL;
	m->nchecks = 0;
}

struct item_check *monitoring_add_check(struct monitoring_note *m, int64_t item_id)
{
	struct item_check *c;

	m->checks = xrealloc(m->checks, (m->nchecks + 1) * sizeof(*m->checks));
	c = &m->checks[m->nchecks++];
	memset(c, 0, sizeof(*c));
	c->item_id = item_id;
	c->taking_place = c->on_time = -1;
	c->delivered = c->ordered = -1;
	return c;
}

/* The request of a plan (0 when none) and whether it is closed. */
static int64_t plan_request(struct cd_db *db, int64_t plan_id, bool *closed)
{
	sqlite3_stmt *st;
	int64_t r = 0;

	if (db_cached(db, "SELECT p.request_id, EXISTS (SELECT 1 FROM closure c "
		       "WHERE c.plan_id = p.id) FROM plan p WHERE p.id = ?1", &st))
		return 0;
	sqlite3_bind_int64(st, 1, plan_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		r = sqlite3_column_int64(st, 0);
		if (closed)
			*closed = sqlite3_column_int(st, 1) != 0;
	}
	db_release(db, st);
	return r;
}

/* Who changed the plan last and when (to the minute, so both fit the
 * status line), from the audit log; "?" for what it does not say. */
static void last_change(struct cd_db *db, int64_t plan_id, char who[128], char at[32])
{
	who[0] = at[0] = '\0';
	audit_last_change(db, "plan", plan_id, who, 128, at, 32);
	at[16] = '\0';
	if (!who[0])
		strcpy(who, "?");
	if (!at[0])
		strcpy(at, "?");
}

/* The plan was closed after this desk read it: who did and when; nothing
 * is written, the text typed stays in the form. */
static int closed_meanwhile(struct cd_db *db, int64_t plan_id, int field, struct fielderr *e)
{
	char who[128], at[32];

	last_change(db, plan_id, who, at);
	fielderr_set(e, field, _("%s closed this plan in the meantime (%s); nothing was "
				 "overwritten, your text stays"), who, at);
	return CD_ECONFLICT;
}

/* Case access for work on a plan that is approved and still open. */
static int open_plan(struct cd_db *db, const struct actor *a, int64_t plan_id,
		     struct plan_version *cur, struct fielderr *e)
{
	bool closed = false;
	int64_t request_id = plan_request(db, plan_id, &closed);
	int rc;

	if (!request_id)
		return fielderr_set(e, -1, "%s", _("no such plan"));
	if ((rc = case_access(db, a, request_id, true, e)))
		return rc;
	if (closed) {
		char who[128], at[32];
		last_change(db, plan_id, who, at);
		return fielderr_set(e, -1, _("the plan is closed (by %s, %s)"), who, at);
	}
	rc = plan_current(db, a, plan_id, cur);
	if (rc == CD_ENOTFOUND)
		return fielderr_set(e, -1, "%s", _("the plan is not approved yet"));
	return rc;
}

static bool item_of_plan(struct cd_db *db, int64_t plan_id, int64_t item_id)
{
	sqlite3_stmt *st;
	bool ok;

	if (db_prepare(db, "SELECT 1 FROM plan_item i JOIN plan_version v ON v.id = i.version_id "
		       "WHERE i.id = ?1 AND v.plan_id = ?2", &st))
		return false;
	sqlite3_bind_int64(st, 1, item_id);
	sqlite3_bind_int64(st, 2, plan_id);
	ok = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return ok;
}

int item_check_validate(const struct item_check *c, size_t i, struct fielderr *e)
{
	int f = MON_F_ITEM + (int)i;

	if (c->quality < 0 || c->quality > 5 || c->satisfaction < 0 || c->satisfaction > 5)
		return fielderr_set(e, f, _("Service %zu: rate quality and satisfaction "
					    "from 1 to 5 (0: not rated)"), i + 1);
	if (c->absences < 0 || c->absences > 100 || c->excused < 0 || c->excused > 100)
		return fielderr_set(e, f, _("Service %zu: absences must be 0 or more"), i + 1);
	if (c->nabs > ABSENCES_MAX)
		return fielderr_set(e, f, _("Service %zu: at most %d absences in one note"), i + 1,
				    ABSENCES_MAX);
	{
		struct date d, today;
		size_t k;
		date_today(&today);
		for (k = 0; k < c->nabs; k++) {
			const struct absence_rec *r = &c->abs[k];
			if (!date_parse(r->on, &d) || date_cmp(&d, &today) > 0)
				return fielderr_set(e, f, _("Service %zu: absence %zu: a date, not in "
							    "the future"), i + 1, k + 1);
			if (r->excused && str_empty(r->reason))
				return fielderr_set(e, f, _("Service %zu: absence %zu: an excused "
							    "absence needs its reason"), i + 1, k + 1);
		}
	}
	if (c->delivered > 100000 || c->ordered > 100000)
		return fielderr_set(e, f, _("Service %zu: amount too large"), i + 1);
	return CD_OK;
}

int monitoring_add(struct cd_db *db, const struct actor *a, struct monitoring_note *m,
		   struct fielderr *e)
{
	struct plan_version cur;
	struct date held, today, next;
	sqlite3_stmt *st;
	size_t i;
	int rc;

	fielderr_clear(e);
	if ((rc = open_plan(db, a, m->plan_id, &cur, e)))
		return rc;
	plan_version_release(&cur);
	date_today(&today);
	if (!date_parse(m->held_on, &held))
		return fielderr_set(e, MON_F_HELD_ON, "%s",
				    _("Date: not a valid date (use YYYY-MM-DD)"));
	if (date_cmp(&held, &today) > 0)
		return fielderr_set(e, MON_F_HELD_ON, "%s", _("Date: cannot be in the future"));
	if (code_index(&codes_note_kind, m->kind) < 0)
		return fielderr_set(e, MON_F_KIND, "%s",
				    _("Kind: phone, home visit, at the centre, provider "
				      "contact or specialist opinion"));
	if (m->next_contact_on[0] && (!date_parse(m->next_contact_on, &next) ||
				      date_cmp(&next, &held) <= 0))
		return fielderr_set(e, MON_F_NEXT, "%s",
				    _("Next contact: a date after this one"));
	if (text_field_check(m->with_whom, false, -1, _("With whom"), e) ||
	    text_field_check(m->text, true, MON_F_TEXT, _("Note"), e))
		return CD_EINVAL;
	str_trim(m->text);
	if (!m->text[0] && !m->nchecks)
		return fielderr_set(e, MON_F_TEXT, "%s",
				    _("Note: write what you found or check a service"));
	for (i = 0; i < m->nchecks; i++) {
		struct item_check *c = &m->checks[i];
		size_t k;
		if (!item_of_plan(db, m->plan_id, c->item_id))
			return fielderr_set(e, MON_F_ITEM + (int)i, _("Service %zu: not in this plan"),
					    i + 1);
		for (k = 0; k < c->nabs && k < ABSENCES_MAX; k++)
			if ((rc = text_field_check(c->abs[k].reason, false, MON_F_ITEM + (int)i,
						   _("Reason"), e)))
				return rc;
		if ((rc = item_check_validate(c, i, e)))
			return rc;
		/* with records, the counts are theirs: only unexcused ones count
		 * toward the limit */
		if (c->nabs) {
			c->absences = c->excused = 0;
			for (k = 0; k < c->nabs; k++) {
				str_trim(c->abs[k].reason);
				if (c->abs[k].excused)
					c->excused++;
				else
					c->absences++;
			}
		}
	}
	if ((rc = db_begin(db)))
		return rc;
	if (m->corrects_id) {
		/* a note of this plan, not corrected already (by another desk too) */
		int ok = 0;
		if (db_prepare(db, "SELECT 1 FROM monitoring_note n WHERE n.id = ?1 AND n.plan_id = ?2 "
			       "AND NOT EXISTS (SELECT 1 FROM monitoring_note c WHERE c.corrects_id = "
			       "n.id)", &st))
			goto fail;
		sqlite3_bind_int64(st, 1, m->corrects_id);
		sqlite3_bind_int64(st, 2, m->plan_id);
		ok = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
		if (!ok) {
			db_rollback(db);
			return fielderr_set(e, MON_F_TEXT, "%s",
					    _("Note: that note is not one of this plan or was "
					      "corrected already (open the latest correction)"));
		}
		if (db_prepare(db, "UPDATE monitoring_item SET superseded = 1 WHERE note_id = ?1", &st))
			goto fail;
		sqlite3_bind_int64(st, 1, m->corrects_id);
		if (db_step_done(db, st))
			goto fail;
	}
	if (db_prepare(db, "INSERT INTO monitoring_note(plan_id, held_on, kind, with_whom, text, "
		       "next_contact_on, author_id, corrects_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
		       &st))
		goto fail;
	db_bind_id_or_null(st, 8, m->corrects_id);
	sqlite3_bind_int64(st, 1, m->plan_id);
	sqlite3_bind_text(st, 2, m->held_on, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, m->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, str_trim(m->with_whom), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, m->text, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 6, m->next_contact_on);
	db_bind_id_or_null(st, 7, a->user_id);
	if (db_step_done(db, st))
		goto fail;
	m->id = sqlite3_last_insert_rowid(db->h);
	for (i = 0; i < m->nchecks; i++) {
		struct item_check *c = &m->checks[i];
		if (db_prepare(db, "INSERT INTO monitoring_item(note_id, item_id, taking_place, "
			       "on_time, quality, absences, satisfaction, delivered, ordered, excused) "
			       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", &st))
			goto fail;
		sqlite3_bind_int(st, 10, c->excused);
		sqlite3_bind_int64(st, 1, m->id);
		sqlite3_bind_int64(st, 2, c->item_id);
		if (c->taking_place >= 0)
			sqlite3_bind_int(st, 3, c->taking_place);
		if (c->on_time >= 0)
			sqlite3_bind_int(st, 4, c->on_time);
		if (c->quality > 0)
			sqlite3_bind_int(st, 5, c->quality);
		sqlite3_bind_int(st, 6, c->absences);
		if (c->satisfaction > 0)
			sqlite3_bind_int(st, 7, c->satisfaction);
		if (c->delivered >= 0)
			sqlite3_bind_double(st, 8, c->delivered);
		if (c->ordered >= 0)
			sqlite3_bind_double(st, 9, c->ordered);
		if (db_step_done(db, st))
			goto fail;
		/* each absence with its day (a bare count: dated on the note's) */
		{
			size_t k, nrec = c->nabs ? c->nabs : (size_t)c->absences;
			for (k = 0; k < nrec; k++) {
				if (db_prepare(db, "INSERT INTO absence(note_id, item_id, on_date, excused, "
					       "reason) VALUES (?1, ?2, ?3, ?4, ?5)", &st))
					goto fail;
				sqlite3_bind_int64(st, 1, m->id);
				sqlite3_bind_int64(st, 2, c->item_id);
				sqlite3_bind_text(st, 3, c->nabs ? c->abs[k].on : m->held_on, -1,
						  SQLITE_STATIC);
				sqlite3_bind_int(st, 4, c->nabs ? c->abs[k].excused : 0);
				sqlite3_bind_text(st, 5, c->nabs ? c->abs[k].reason : "", -1,
						  SQLITE_STATIC);
				if (db_step_done(db, st))
					goto fail;
			}
		}
	}
	{
		char *detail = m->corrects_id ?
			xasprintf("%s; corrects note %lld", m->kind, (long long)m->corrects_id) :
			xstrdup(m->kind);
		rc = audit_add(db, a->user_id, m->corrects_id ? "monitoring.correct" :
			       "monitoring.add", "plan", m->plan_id, detail);
		free(detail);
		if (rc || db_commit(db))
			goto fail;
	}
	return CD_OK;
fail:
	db_rollback(db);
	m->id = 0;
	return CD_EDB;
}

static int by_note_id(const void *a, const void *b)
{
	int64_t x = (*(struct monitoring_note *const *)a)->id;
	int64_t y = (*(struct monitoring_note *const *)b)->id;
	return x < y ? -1 : x > y;
}

static struct monitoring_note *note_by_id(struct monitoring_note **byid, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (byid[mid]->id == id)
			return byid[mid];
		if (byid[mid]->id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

int monitoring_list(struct cd_db *db, const struct actor *a, int64_t plan_id,
		    struct monitoring_note **out, size_t *n)
{
	sqlite3_stmt *st, *ci;
	struct monitoring_note **byid = NULL;
	size_t cap = 8, k;
	int64_t request_id = plan_request(db, plan_id, NULL);
	int rc;

	*out = NULL;
	*n = 0;
	if (!request_id)
		return CD_ENOTFOUND;
	if ((rc = case_access(db, a, request_id, false, NULL)))
		return rc;
	if (db_cached(db, "SELECT m.id, m.held_on, m.kind, m.with_whom, m.text, "
		       "COALESCE(m.next_contact_on, ''), COALESCE(u.full_name, ''), "
		       "COALESCE(m.corrects_id, 0), COALESCE((SELECT c.id FROM monitoring_note c "
		       "WHERE c.corrects_id = m.id), 0) "
		       "FROM monitoring_note m LEFT JOIN app_user u ON u.id = m.author_id "
		       "WHERE m.plan_id = ?1 ORDER BY m.held_on, m.id", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, plan_id);
	*out = xcalloc(cap, sizeof(**out));
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct monitoring_note *m;
		if (*n == cap) {
			cap *= 2;
			*out = xrealloc(*out, cap * sizeof(**out));
		}
		m = &(*out)[(*n)++];
		monitoring_note_init(m, plan_id);
		m->id = sqlite3_column_int64(st, 0);
		db_col_copy(st, 1, m->held_on, sizeof(m->held_on));
		db_col_copy(st, 2, m->kind, sizeof(m->kind));
		db_col_copy(st, 3, m->with_whom, sizeof(m->with_whom));
		db_col_copy(st, 4, m->text, sizeof(m->text));
		db_col_copy(st, 5, m->next_contact_on, sizeof(m->next_contact_on));
		db_col_copy(st, 6, m->author, sizeof(m->author));
		m->corrects_id = sqlite3_column_int64(st, 7);
		m->corrected_by = sqlite3_column_int64(st, 8);
	}
	if (db_release(db, st))
		goto fail;
	/* the checks of all the plan's notes in one statement, and their
	 * absences in another (not one query per note and per check) */
	byid = xcalloc(*n ? *n : 1, sizeof(*byid));
	for (k = 0; k < *n; k++)
		byid[k] = &(*out)[k];
	qsort(byid, *n, sizeof(*byid), by_note_id);
	if (db_cached(db, "SELECT c.note_id, c.item_id, COALESCE(c.taking_place, -1), "
		       "COALESCE(c.on_time, -1), COALESCE(c.quality, 0), c.absences, "
		       "COALESCE(c.satisfaction, 0), COALESCE(c.delivered, -1), "
		       "COALESCE(c.ordered, -1), s.name, c.excused FROM monitoring_note m "
		       "JOIN monitoring_item c ON c.note_id = m.id "
		       "JOIN plan_item i ON i.id = c.item_id JOIN service s ON s.id = i.service_id "
		       "WHERE m.plan_id = ?1 ORDER BY c.note_id, c.item_id", &ci))
		goto fail;
	sqlite3_bind_int64(ci, 1, plan_id);
	while (sqlite3_step(ci) == SQLITE_ROW) {
		struct monitoring_note *m = note_by_id(byid, *n, sqlite3_column_int64(ci, 0));
		struct item_check *c;
		if (!m)
			continue;
		c = monitoring_add_check(m, sqlite3_column_int64(ci, 1));
		c->taking_place = sqlite3_column_int(ci, 2);
		c->on_time = sqlite3_column_int(ci, 3);
		c->quality = sqlite3_column_int(ci, 4);
		c->absences = sqlite3_column_int(ci, 5);
		c->satisfaction = sqlite3_column_int(ci, 6);
		c->delivered = sqlite3_column_double(ci, 7);
		c->ordered = sqlite3_column_double(ci, 8);
		db_col_copy(ci, 9, c->service_name, sizeof(c->service_name));
		c->excused = sqlite3_column_int(ci, 10);
	}
	if (db_release(db, ci))
		goto fail;
	/* the absences themselves, each with its day */
	if (db_cached(db, "SELECT a.note_id, a.item_id, a.on_date, a.excused, a.reason "
		       "FROM monitoring_note m JOIN absence a ON a.note_id = m.id "
		       "WHERE m.plan_id = ?1 ORDER BY a.note_id, a.item_id, a.on_date, a.id", &ci))
		goto fail;
	sqlite3_bind_int64(ci, 1, plan_id);
	while (sqlite3_step(ci) == SQLITE_ROW) {
		struct monitoring_note *m = note_by_id(byid, *n, sqlite3_column_int64(ci, 0));
		int64_t item = sqlite3_column_int64(ci, 1);
		size_t x;
		for (x = 0; m && x < m->nchecks; x++) {
			struct item_check *c = &m->checks[x];
			struct absence_rec *r;
			if (c->item_id != item || c->nabs >= ABSENCES_MAX)
				continue;
			r = &c->abs[c->nabs++];
			db_col_copy(ci, 2, r->on, sizeof(r->on));
			r->excused = sqlite3_column_int(ci, 3) != 0;
			db_col_copy(ci, 4, r->reason, sizeof(r->reason));
			break;
		}
	}
	if (db_release(db, ci))
		goto fail;
	free(byid);
	return CD_OK;
fail:
	free(byid);
	monitoring_list_free(*out, *n);
	*out = NULL;
	*n = 0;
	return CD_EDB;
}

void monitoring_list_free(struct monitoring_note *l, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		monitoring_note_release(&l[i]);
	free(l);
}

/* An item and every item it continues (across plan versions). */
#define ITEM_LINEAGE "WITH RECURSIVE lineage(id) AS (SELECT ?1 UNION " \
	"SELECT i.origin_id FROM plan_item i JOIN lineage l ON i.id = l.id " \
	"WHERE i.origin_id IS NOT NULL) "

/* The absences of an item and its lineage from the checks in force:
 * unexcused (column absences) and excused, in one read. */
int item_absence_counts(struct cd_db *db, int64_t item_id, int *unexcused, int *excused)
{
	sqlite3_stmt *st;

	*unexcused = *excused = 0;
	if (db_cached(db, ITEM_LINEAGE "SELECT COALESCE(sum(absences), 0), "
		      "COALESCE(sum(excused), 0) FROM monitoring_item WHERE "
		      "item_id IN (SELECT id FROM lineage) AND superseded = 0", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, item_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*unexcused = sqlite3_column_int(st, 0);
		*excused = sqlite3_column_int(st, 1);
	}
	return db_release(db, st);
}

int item_absences(struct cd_db *db, int64_t item_id)
{
	int un, ex;

	item_absence_counts(db, item_id, &un, &ex);
	return un;
}

int item_absences_excused(struct cd_db *db, int64_t item_id)
{
	int un, ex;

	item_absence_counts(db, item_id, &un, &ex);
	return ex;
}

int absence_alerts(struct cd_db *db, const struct actor *a, int64_t plan_id,
		   int64_t **out, size_t *n)
{
	struct plan_version cur;
	struct practice pr;
	size_t i;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = plan_current(db, a, plan_id, &cur)))
		return rc == CD_ENOTFOUND ? CD_OK : rc;
	practice_load(db, &pr);
	*out = xcalloc(cur.nitems + 1, sizeof(**out));
	for (i = 0; i < cur.nitems; i++)
		if (!cur.items[i].ended_on[0] &&
		    item_absences(db, cur.items[i].id) >= pr.absence_limit)
			(*out)[(*n)++] = cur.items[i].id;
	plan_version_release(&cur);
	return CD_OK;
}

static int end_items(struct cd_db *db, int64_t version_id, int64_t item_id,
		     const char *on, const char *reason)
{
	sqlite3_stmt *st;

	if (db_prepare(db, "UPDATE plan_item SET ended_on = ?3, end_reason = ?4 WHERE "
		       "version_id = ?1 AND (?2 = 0 OR id = ?2) AND ended_on IS NULL", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, version_id);
	sqlite3_bind_int64(st, 2, item_id);
	sqlite3_bind_text(st, 3, on, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, reason, -1, SQLITE_STATIC);
	return db_step_done(db, st);
}

/* The plan in force holding item_id (0 when the item is not in it). */
static int64_t plan_of_current_item(struct cd_db *db, int64_t item_id, int64_t *version_id)
{
	sqlite3_stmt *st;
	int64_t plan_id = 0;

	if (db_prepare(db, "SELECT v.plan_id, v.id FROM plan_item i JOIN plan_version v ON "
		       "v.id = i.version_id WHERE i.id = ?1 AND v.status = 'approved'", &st))
		return 0;
	sqlite3_bind_int64(st, 1, item_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		plan_id = sqlite3_column_int64(st, 0);
		*version_id = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return plan_id;
}

static int day_check(const char *on, int field, struct fielderr *e)
{
	struct date d, today;

	date_today(&today);
	if (!date_parse(on, &d))
		return fielderr_set(e, field, "%s", _("Date: not a valid date (use YYYY-MM-DD)"));
	if (date_cmp(&d, &today) > 0)
		return fielderr_set(e, field, "%s", _("Date: cannot be in the future"));
	return CD_OK;
}

int item_end(struct cd_db *db, const struct actor *a, int64_t item_id, const char *on,
	     const char *reason, struct fielderr *e)
{
	struct plan_version cur;
	int64_t version_id = 0, plan_id = plan_of_current_item(db, item_id, &version_id);
	char *why;
	int rc;

	fielderr_clear(e);
	if (!plan_id)
		return fielderr_set(e, -1, "%s", _("the service is not in the plan in force"));
	if ((rc = open_plan(db, a, plan_id, &cur, e)))
		return rc;
	plan_version_release(&cur);
	if ((rc = day_check(on, -1, e)))
		return rc;
	if (str_empty(reason))
		return fielderr_set(e, -1, "%s", _("Reason: say why the service ends"));
	if ((rc = text_param_check(reason, false, TEXT_REASON_MAX, -1, _("Reason"), &why, e)))
		return rc;
	if ((rc = db_begin(db))) {
		free(why);
		return rc;
	}
	if ((rc = end_items(db, version_id, item_id, on, why)) ||
	    (rc = audit_add(db, a->user_id, "item.end", "plan", plan_id, why)) ||
	    (rc = db_commit(db)))
		db_rollback(db);
	free(why);
	return rc;
}

int resignation_add(struct cd_db *db, const struct actor *a, int64_t plan_id,
		    int64_t item_id, const char *on, const char *reason, bool written,
		    struct fielderr *e)
{
	char *why, *said;
	struct plan_version cur;
	sqlite3_stmt *st;
	int64_t version_id = 0;
	int rc;

	fielderr_clear(e);
	if ((rc = open_plan(db, a, plan_id, &cur, e)))
		return rc;
	version_id = cur.id;
	plan_version_release(&cur);
	if (item_id && plan_of_current_item(db, item_id, &version_id) != plan_id)
		return fielderr_set(e, -1, "%s", _("the service is not in the plan in force"));
	if ((rc = day_check(on, -1, e)))
		return rc;
	if ((rc = text_param_check(reason, false, TEXT_REASON_MAX, -1, _("Reason"), &said, e)))
		return rc;
	reason = said;
	if ((rc = db_begin(db))) {
		free(said);
		return rc;
	}
	if (db_prepare(db, "INSERT INTO resignation(plan_id, item_id, on_date, reason, written) "
		       "VALUES (?1, ?2, ?3, ?4, ?5)", &st))
		goto fail;
	sqlite3_bind_int64(st, 1, plan_id);
	db_bind_id_or_null(st, 2, item_id);
	sqlite3_bind_text(st, 3, on, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, reason, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, written);
	why = *reason ? xasprintf("%s: %s", _("resignation"), reason) :
				  xstrdup(_("resignation"));
	if (db_step_done(db, st) ||
	    end_items(db, version_id, item_id, on, why) ||
	    audit_add(db, a->user_id, "resignation", "plan", plan_id, "") ||
	    db_commit(db)) {
		free(why);
		goto fail;
	}
	free(why);
	free(said);
	return CD_OK;
fail:
	db_rollback(db);
	free(said);
	return CD_EDB;
}

char *closing_draft(struct cd_db *db, const struct actor *a, const struct closing *c)
{
	struct plan_version *vers = NULL, cur;
	struct monitoring_note *notes = NULL;
	int64_t plan_id = 0, request_id = plan_request(db, c->plan_id, NULL);
	size_t nv = 0, nn = 0, i, j;
	struct strbuf sb;
	int sat_sum = 0, sat_n = 0;

	sb_init(&sb);
	sb_add(&sb, "");
	if (!request_id || plan_of_request(db, a, request_id, &plan_id, &vers, &nv))
		return sb_detach(&sb);
	/* versions: oldest first */
	sb_add(&sb, _("Course of the plan."));
	sb_add(&sb, "\n");
	for (i = nv; i-- > 0;) {
		const struct plan_version *v = &vers[i];
		if (strcmp(v->status, "approved") && strcmp(v->status, "superseded"))
			continue;
		if (v->version_no == 1)
			sb_addf(&sb, _("The plan for %s to %s was approved on %.10s by %s."),
				v->period_from, v->period_to, v->decided_at, v->decided_by_name);
		else
			sb_addf(&sb, _(" Update %d (%s) was approved on %.10s by %s."),
				v->version_no - 1, code_label(&codes_update_reason, v->update_reason),
				v->decided_at, v->decided_by_name);
	}
	sb_add(&sb, "\n\n");
	/* services of the plan in force, with what monitoring found */
	if (plan_current(db, a, c->plan_id, &cur) == CD_OK) {
		sb_add(&sb, _("Services:"));
		sb_add(&sb, "\n");
		for (i = 0; i < cur.nitems; i++) {
			const struct plan_item *it = &cur.items[i];
			char amount[96];
			item_amount_text(it, amount, sizeof(amount));
			sb_addf(&sb, "- %s (%s), %s – %s, %s", it->service_name,
				it->provider_name, it->starts_on, it->ends_on, amount);
			if (it->ended_on[0])
				sb_addf(&sb, _("; ended on %s"), it->ended_on);
			j = (size_t)item_absences(db, it->id);
			if (j)
				sb_addf(&sb, P_("; %zu absence", "; %zu absences", j), j);
			sb_add(&sb, ".\n");
		}
		for (i = 0; i < cur.nacts; i++)
			sb_addf(&sb, _("- supporting activity: %s.\n"), cur.acts[i].description);
		if (cur.goals[0])
			sb_addf(&sb, _("Goals of the plan: %s\n"), cur.goals);
		plan_version_release(&cur);
		sb_add(&sb, "\n");
	}
	/* monitoring */
	if (monitoring_list(db, a, c->plan_id, &notes, &nn) == CD_OK && nn) {
		sb_addf(&sb, P_("Monitoring: %zu contact, from %s to %s:",
				"Monitoring: %zu contacts, from %s to %s:", nn), nn,
			notes[0].held_on, notes[nn - 1].held_on);
		sb_add(&sb, "\n");
		for (i = 0; i < nn; i++) {
			sb_addf(&sb, "- %s, %s", notes[i].held_on, code_label(&codes_note_kind, notes[i].kind));
			if (notes[i].text[0])
				sb_addf(&sb, ": %s", notes[i].text);
			sb_add(&sb, "\n");
			for (j = 0; j < notes[i].nchecks; j++)
				if (notes[i].checks[j].satisfaction > 0) {
					sat_sum += notes[i].checks[j].satisfaction;
					sat_n++;
				}
		}
		if (sat_n)
			sb_addf(&sb, _("Average satisfaction with the services: %.1f of 5.\n"),
				(double)sat_sum / sat_n);
		sb_add(&sb, "\n");
	}
	monitoring_list_free(notes, nn);
	/* the summary conversation */
	if (c->conversation_on[0]) {
		sb_addf(&sb, _("Summary conversation on %s."), c->conversation_on);
		sb_add(&sb, "\n");
		if (c->person_view[0])
			sb_addf(&sb, _("The person's view of the services: %s\n"), c->person_view);
		if (c->changes[0])
			sb_addf(&sb, _("What changed: %s\n"), c->changes);
		if (c->goals_met[0])
			sb_addf(&sb, _("Goals met: %s\n"), c->goals_met);
		if (c->further_needs[0])
			sb_addf(&sb, _("Further needs: %s\n"), c->further_needs);
	}
	for (i = 0; i < nv; i++)
		plan_version_release(&vers[i]);
	free(vers);
	return sb_detach(&sb);
}


int closing_save(struct cd_db *db, const struct actor *a, struct closing *c,
		 struct fielderr *e)
{
	struct plan_version cur;
	struct practice pr;
	struct date conv, closed, due;
	sqlite3_stmt *st;
	int64_t request_id;
	bool closed_before = false;
	int rc;

	fielderr_clear(e);
	/* closed by another desk since this one read it (after the access
	 * check: who closed it is for those who may see the case) */
	request_id = plan_request(db, c->plan_id, &closed_before);
	if (request_id && closed_before)
		return (rc = case_access(db, a, request_id, true, e)) ? rc :
		       closed_meanwhile(db, c->plan_id, CLOSE_F_DESCRIPTION, e);
	if (text_field_check(c->person_view, true, CLOSE_F_DESCRIPTION, _("The person's view"), e) ||
	    text_field_check(c->changes, true, CLOSE_F_DESCRIPTION, _("What changed"), e) ||
	    text_field_check(c->goals_met, true, CLOSE_F_DESCRIPTION, _("Goals met"), e) ||
	    text_field_check(c->further_needs, true, CLOSE_F_DESCRIPTION, _("Further needs"), e) ||
	    text_field_check(c->description, true, CLOSE_F_DESCRIPTION, _("Description"), e))
		return CD_EINVAL;
	if ((rc = open_plan(db, a, c->plan_id, &cur, e)))
		return rc;
	if ((rc = day_check(c->conversation_on, CLOSE_F_CONVERSATION, e)) ||
	    (rc = day_check(c->closed_on, CLOSE_F_CLOSED_ON, e)))
		goto out;
	date_parse(c->conversation_on, &conv);
	date_parse(c->closed_on, &closed);
	if (date_cmp(&closed, &conv) < 0) {
		rc = fielderr_set(e, CLOSE_F_CLOSED_ON, "%s",
				  _("Closed on: not before the summary conversation"));
		goto out;
	}
	if (code_index(&codes_closure_reason, c->reason) < 0) {
		rc = fielderr_set(e, CLOSE_F_REASON, "%s",
				  _("Reason: completed, goals achieved, resignation, moved away, "
				    "death, transferred or other"));
		goto out;
	}
	str_trim(c->description);
	if (!c->description[0]) {
		rc = fielderr_set(e, CLOSE_F_DESCRIPTION, "%s",
				  _("Description: the description of the plan's course is "
				    "required (art. 45 ust. 3)"));
		goto out;
	}
	practice_load(db, &pr);
	date_add_months(&closed, pr.followup_months, &due);
	date_format(&due, c->followup_due);
	request_id = cur.request_id;
	if ((rc = db_begin(db)))
		goto out;
	/* another desk closed it since this one read the plan: nothing is
	 * overwritten, the text typed here stays in the form */
	if (db_prepare(db, "SELECT 1 FROM closure WHERE plan_id = ?1", &st))
		goto fail;
	sqlite3_bind_int64(st, 1, c->plan_id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW) {
		db_rollback(db);
		rc = closed_meanwhile(db, c->plan_id, CLOSE_F_DESCRIPTION, e);
		goto out;
	}
	if (db_prepare(db, "INSERT INTO closure(plan_id, conversation_on, person_view, changes, "
		       "goals_met, further_needs, description, reason, closed_on, followup_due, "
		       "author_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", &st))
		goto fail;
	sqlite3_bind_int64(st, 1, c->plan_id);
	sqlite3_bind_text(st, 2, c->conversation_on, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, str_trim(c->person_view), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, str_trim(c->changes), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, str_trim(c->goals_met), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, str_trim(c->further_needs), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, c->description, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, c->reason, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, c->closed_on, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, c->followup_due, -1, SQLITE_STATIC);
	db_bind_id_or_null(st, 11, a->user_id);
	if (db_step_done(db, st) || end_items(db, cur.id, 0, c->closed_on, _("plan closed")))
		goto fail;
	if (db_prepare(db, "UPDATE request SET status = 'closed', updated_at = "
		       "cd_now() WHERE id = ?1", &st))
		goto fail;
	sqlite3_bind_int64(st, 1, request_id);
	if (db_step_done(db, st) ||
	    audit_add(db, a->user_id, "plan.close", "plan", c->plan_id, c->reason) ||
	    db_commit(db))
		goto fail;
	rc = CD_OK;
	goto out;
fail:
	db_rollback(db);
	rc = CD_EDB;
out:
	plan_version_release(&cur);
	return rc;
}

int closing_get(struct cd_db *db, const struct actor *a, int64_t plan_id,
		struct closing *out)
{
	sqlite3_stmt *st;
	int64_t request_id = plan_request(db, plan_id, NULL);
	int rc;

	memset(out, 0, sizeof(*out));
	if (!request_id)
		return CD_ENOTFOUND;
	if ((rc = case_access(db, a, request_id, false, NULL)))
		return rc;
	if (db_prepare(db, "SELECT conversation_on, person_view, changes, goals_met, "
		       "further_needs, description, reason, closed_on, COALESCE(followup_due, ''), "
		       "COALESCE(followup_on, ''), followup_note FROM closure WHERE plan_id = ?1",
		       &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, plan_id);
	rc = CD_ENOTFOUND;
	if (sqlite3_step(st) == SQLITE_ROW) {
		out->plan_id = plan_id;
		db_col_copy(st, 0, out->conversation_on, sizeof(out->conversation_on));
		db_col_copy(st, 1, out->person_view, sizeof(out->person_view));
		db_col_copy(st, 2, out->changes, sizeof(out->changes));
		db_col_copy(st, 3, out->goals_met, sizeof(out->goals_met));
		db_col_copy(st, 4, out->further_needs, sizeof(out->further_needs));
		db_col_copy(st, 5, out->description, sizeof(out->description));
		db_col_copy(st, 6, out->reason, sizeof(out->reason));
		db_col_copy(st, 7, out->closed_on, sizeof(out->closed_on));
		db_col_copy(st, 8, out->followup_due, sizeof(out->followup_due));
		db_col_copy(st, 9, out->followup_on, sizeof(out->followup_on));
		db_col_copy(st, 10, out->followup_note, sizeof(out->followup_note));
		rc = CD_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

/* The follow-up was recorded already (by another desk, perhaps a moment
 * ago): who and when, and nothing overwritten. */
static int followup_taken(struct cd_db *db, int64_t plan_id, struct fielderr *e)
{
	char who[128], at[32];

	last_change(db, plan_id, who, at);
	/* TRANSLATORS: who saved it and when */
	fielderr_set(e, CLOSE_F_FOLLOWUP, _("Follow-up already recorded by %s (%s); nothing was "
					    "overwritten, your text stays"), who, at);
	return CD_ECONFLICT;
}

int followup_record(struct cd_db *db, const struct actor *a, int64_t plan_id,
		    const char *on, const char *note, struct fielderr *e)
{
	struct closing c;
	struct date d, closed;
	sqlite3_stmt *st;
	int rc;

	fielderr_clear(e);
	if ((rc = closing_get(db, a, plan_id, &c)))
		return rc == CD_ENOTFOUND ? fielderr_set(e, -1, "%s", _("the plan is not closed")) : rc;
	if ((rc = case_access(db, a, plan_request(db, plan_id, NULL), true, e)))
		return rc;
	if ((rc = day_check(on, CLOSE_F_FOLLOWUP, e)))
		return rc;
	date_parse(on, &d);
	date_parse(c.closed_on, &closed);
	if (date_cmp(&d, &closed) < 0)
		return fielderr_set(e, CLOSE_F_FOLLOWUP, "%s",
				    _("Follow-up: not before the plan was closed"));
	if (str_empty(note))
		return fielderr_set(e, CLOSE_F_FOLLOWUP, "%s",
				    _("Follow-up: write how the person is doing"));
	if (strlen(note) >= sizeof(c.followup_note))
		return fielderr_set(e, CLOSE_F_FOLLOWUP, _("Follow-up: too long, at most %zu bytes "
							   "(a Polish letter takes 2)"),
				    sizeof(c.followup_note) - 1);
	str_copy(c.followup_note, sizeof(c.followup_note), note);
	if ((rc = text_field_check(c.followup_note, true, CLOSE_F_FOLLOWUP, _("Follow-up"), e)))
		return rc;
	note = c.followup_note;
	if (c.followup_on[0])
		return followup_taken(db, plan_id, e);
	if ((rc = db_begin(db)))
		return rc;
	/* only the first: a second desk's record would overwrite it */
	if (db_prepare(db, "UPDATE closure SET followup_on = ?2, followup_note = ?3 "
		       "WHERE plan_id = ?1 AND followup_on IS NULL", &st)) {
		db_rollback(db);
		return CD_EDB;
	}
	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_text(st, 2, on, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, note, -1, SQLITE_STATIC);
	if ((rc = db_step_done(db, st))) {
		db_rollback(db);
		return rc;
	}
	if (sqlite3_changes(db->h) == 0) {
		db_rollback(db);
		closing_get(db, a, plan_id, &c);
		return followup_taken(db, plan_id, e);
	}
	if ((rc = audit_add(db, a->user_id, "plan.followup", "plan", plan_id, on)) ||
	    (rc = db_commit(db))) {
		db_rollback(db);
		return rc;
	}
	return CD_OK;
}
