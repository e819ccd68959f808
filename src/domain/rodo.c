/* rodo.c - consents, the right of access, anonymisation. */
#include "rodo.h"
#include "codes.h"
#include "dbint.h"
#include "i18n.h"
#include "person.h"
#include "text.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- consents ---- */

int consent_give(struct cd_db *db, const struct actor *a, int64_t person_id, const char *scope,
		 const char *given_on, const char *note, struct fielderr *e)
{
	sqlite3_stmt *st;
	struct date d;
	bool in_force;
	int rc;

	fielderr_clear(e);
	if (a->user_id != 0 && (rc = actor_require(a, PERM_PERSON_WRITE, e)))
		return rc;
	if (!scope || code_index(&codes_consent_scope, scope) < 0)
		return fielderr_set(e, RF_SCOPE, "%s", _("Scope: processing, the service card, "
							 "forwarding or passing data to a provider"));
	if ((rc = date_field_past(given_on, RF_GIVEN, _("Given on"), &d, e)))
		return rc;
	if (db_prepare(db, "SELECT 1 FROM person WHERE id = ?1", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, person_id);
	rc = sqlite3_step(st) == SQLITE_ROW ? CD_OK : CD_ENOTFOUND;
	sqlite3_finalize(st);
	if (rc)
		return fielderr_set(e, -1, "%s", _("no such person")), rc;
	in_force = consent_in_force(db, person_id, scope);
	if (in_force)
		return fielderr_set(e, RF_SCOPE, "%s",
				    _("Scope: this consent is already in force"));
	if (db_prepare(db, "INSERT INTO consent(person_id, scope, given_on, note, recorded_by) "
		       "VALUES (?1, ?2, ?3, ?4, ?5)", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, person_id);
	sqlite3_bind_text(st, 2, scope, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, given_on, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, note ? note : "", -1, SQLITE_STATIC);
	db_bind_id_or_null(st, 5, a->user_id);
	return db_step_done(db, st);
}

int consent_withdraw(struct cd_db *db, const struct actor *a, int64_t consent_id,
		     const char *on, struct fielderr *e)
{
	sqlite3_stmt *st;
	struct date d;
	char given[16] = "";
	int rc;

	fielderr_clear(e);
	if (a->user_id != 0 && (rc = actor_require(a, PERM_PERSON_WRITE, e)))
		return rc;
	if (db_prepare(db, "SELECT given_on FROM consent WHERE id = ?1 AND withdrawn_on IS NULL",
		       &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, consent_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		db_col_copy(st, 0, given, sizeof(given));
	sqlite3_finalize(st);
	if (!given[0])
		return fielderr_set(e, RF_WITHDRAWN, "%s",
				    _("Withdrawn on: the consent is not in force"));
	if ((rc = date_field_past(on, RF_WITHDRAWN, _("Withdrawn on"), &d, e)))
		return rc;
	if (strcmp(on, given) < 0)
		return fielderr_set(e, RF_WITHDRAWN, "%s",
				    _("Withdrawn on: not before the consent was given"));
	if (db_prepare(db, "UPDATE consent SET withdrawn_on = ?2 WHERE id = ?1", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, consent_id);
	sqlite3_bind_text(st, 2, on, -1, SQLITE_STATIC);
	return db_step_done(db, st);
}

static void consent_row(sqlite3_stmt *st, void *row)
{
	struct consent *c = row;

	c->id = sqlite3_column_int64(st, 0);
	c->person_id = sqlite3_column_int64(st, 1);
	db_col_copy(st, 2, c->scope, sizeof(c->scope));
	db_col_copy(st, 3, c->given_on, sizeof(c->given_on));
	db_col_copy(st, 4, c->withdrawn_on, sizeof(c->withdrawn_on));
	db_col_copy(st, 5, c->note, sizeof(c->note));
}

int consent_list(struct cd_db *db, const struct actor *a, int64_t person_id,
		 struct consent **out, size_t *n)
{
	sqlite3_stmt *st;

	*out = NULL;
	*n = 0;
	if (!actor_can(a, PERM_PERSON_READ))
		return CD_EPERM;
	if (db_prepare(db, "SELECT id, person_id, scope, given_on, COALESCE(withdrawn_on, ''), "
		       "note FROM consent WHERE person_id = ?1 ORDER BY withdrawn_on IS NOT NULL, "
		       "given_on DESC, id DESC", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, person_id);
	return db_collect(st, sizeof(**out), consent_row, (void **)out, n);
}

bool consent_in_force(struct cd_db *db, int64_t person_id, const char *scope)
{
	sqlite3_stmt *st;
	bool yes = false;

	if (db_prepare(db, "SELECT 1 FROM consent WHERE person_id = ?1 AND scope = ?2 AND "
		       "withdrawn_on IS NULL", &st))
		return false;
	sqlite3_bind_int64(st, 1, person_id);
	sqlite3_bind_text(st, 2, scope, -1, SQLITE_STATIC);
	yes = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return yes;
}

/* ---- anonymisation ---- */

void rodo_default_before(struct cd_db *db, char out[11])
{
	struct date today, d;
	int years = setting_get_int(db, "retention_years", 10);

	date_today(&today);
	date_add_months(&today, -12 * years, &d);
	date_format(&d, out);
}

/* The last day something happened in a person's cases (filed, assessed,
 * closed, followed up; for a person with no case, the registration) or in
 * their groups; only persons with nothing open. */
#define CANDIDATES_WHERE(inner, outer) "WITH c AS MATERIALIZED (SELECT p.id AS id, " \
	"p.surname || ' ' || p.first_names AS name, p.sort_key AS sort_key, " \
	"max(COALESCE((SELECT max(max(r.filed_on, COALESCE(s.held_on, ''), " \
	"COALESCE(c.closed_on, ''), COALESCE(c.followup_on, ''))) " \
	"FROM request r LEFT JOIN assessment s ON s.request_id = r.id LEFT JOIN plan pl ON " \
	"pl.request_id = r.id LEFT JOIN closure c ON c.plan_id = pl.id WHERE r.person_id = " \
	"p.id), date(p.created_at)), COALESCE((SELECT max(m.left_on) FROM " \
	"group_member m WHERE m.person_id = p.id), '0000-00-00')) AS last FROM person p " \
	"WHERE p.anonymised_on IS NULL AND NOT EXISTS (SELECT 1 FROM request r WHERE " \
	"r.person_id = p.id AND r.status IN " REQUEST_OPEN_SQL ") " \
	"AND NOT EXISTS (SELECT 1 FROM plan pl WHERE pl.person_id = p.id AND NOT EXISTS " \
	"(SELECT 1 FROM closure c WHERE c.plan_id = pl.id)) AND NOT EXISTS (SELECT 1 FROM " \
	"group_member m WHERE m.person_id = p.id AND m.left_on IS NULL) AND NOT EXISTS " \
	"(SELECT 1 FROM person o WHERE o.legal_representative_id = p.id AND " \
	"o.anonymised_on IS NULL) AND NOT EXISTS (SELECT 1 FROM person o WHERE " \
	"o.actual_carer_id = p.id AND o.anonymised_on IS NULL) " inner ") " \
	"SELECT id, name, last FROM c WHERE last < ?1 " outer
/* every person's last day computed once (a materialised step), each
 * check through an index (migration 20) */
#define CANDIDATES CANDIDATES_WHERE("", "ORDER BY sort_key")
/* one person, checked again in the step that anonymises them (a case may
 * have opened since the list was made) */
#define STILL_CANDIDATE CANDIDATES_WHERE("AND p.id = ?2", "")

static void candidate_row(sqlite3_stmt *st, void *row)
{
	struct anon_candidate *c = row;

	c->person_id = sqlite3_column_int64(st, 0);
	db_col_copy(st, 1, c->name, sizeof(c->name));
	db_col_copy(st, 2, c->last_activity, sizeof(c->last_activity));
}

int rodo_candidates(struct cd_db *db, const struct actor *a, const char *before,
		    struct anon_candidate **out, size_t *n, struct fielderr *e)
{
	sqlite3_stmt *st;
	struct date d, today;
	int rc;

	*out = NULL;
	*n = 0;
	fielderr_clear(e);
	if (a->user_id != 0 && (rc = actor_require(a, PERM_AUTHORISE, e)))
		return rc;
	if (!before || !date_parse(before, &d))
		return fielderr_set(e, RF_BEFORE, "%s",
				    _("Closed before: not a valid date (use YYYY-MM-DD)"));
	date_today(&today);
	if (date_cmp(&d, &today) > 0)
		return fielderr_set(e, RF_BEFORE, "%s", _("Closed before: cannot be in the future"));
	if (db_prepare(db, CANDIDATES, &st))
		return CD_EDB;
	sqlite3_bind_text(st, 1, before, -1, SQLITE_STATIC);
	return db_collect(st, sizeof(**out), candidate_row, (void **)out, n);
}

/* The persons one step blanks (a temporary table: the connection's own,
 * in memory): each one's new first name ("#id") and sort key. */
#define BATCH "(SELECT id FROM temp.anon_batch)"

/* The statements that blank the identity and free texts of the persons of
 * the batch, each run once for the whole batch; ?1 is the new surname, ?2
 * today. */
static const char *const blank[] = {
	"UPDATE person SET surname = ?1, first_names = (SELECT first FROM temp.anon_batch b "
	"WHERE b.id = person.id), pesel = NULL, "
	"birth_date = CASE WHEN birth_date IS NULL THEN NULL ELSE substr(birth_date, 1, 4) || "
	"'-01-01' END, street = '', house_no = '', flat_no = '', postcode = '', town = '', "
	"phone = '', email = '', notes = '', household_id = NULL, legal_representative_id = NULL, "
	"actual_carer_id = NULL, sort_key = (SELECT sort_key FROM temp.anon_batch b WHERE "
	"b.id = person.id), dup_key = 'anonymised|' || id, anonymised_on = ?2, "
	"updated_at = cd_now() WHERE id IN " BATCH,
	"UPDATE request SET asked = '', filer_person_id = NULL WHERE person_id IN " BATCH,
	"UPDATE assessment SET place_note = '', others = '', outcome_note = '' WHERE request_id "
	"IN (SELECT id FROM request WHERE person_id IN " BATCH ")",
	"UPDATE assessment_domain SET situation = '', needs = '', strengths = '', wishes = '' "
	"WHERE assessment_id IN (SELECT s.id FROM assessment s JOIN request r ON r.id = "
	"s.request_id WHERE r.person_id IN " BATCH ")",
	"UPDATE need SET description = '—' WHERE assessment_id IN (SELECT s.id FROM assessment s "
	"JOIN request r ON r.id = s.request_id WHERE r.person_id IN " BATCH ")",
	"UPDATE plan_version SET goals = '', person_view = '', update_note = '', late_note = '', "
	"return_comment = '' WHERE plan_id IN (SELECT id FROM plan WHERE person_id IN " BATCH ")",
	"UPDATE plan_item SET notes = '', override_reason = '', end_reason = '' WHERE version_id "
	"IN (SELECT v.id FROM plan_version v JOIN plan p ON p.id = v.plan_id WHERE "
	"p.person_id IN " BATCH ")",
	"UPDATE supporting_activity SET description = '—' WHERE version_id IN (SELECT v.id FROM "
	"plan_version v JOIN plan p ON p.id = v.plan_id WHERE p.person_id IN " BATCH ")",
	"UPDATE monitoring_note SET with_whom = '', text = '' WHERE plan_id IN (SELECT id FROM "
	"plan WHERE person_id IN " BATCH ")",
	"UPDATE resignation SET reason = '' WHERE plan_id IN (SELECT id FROM plan WHERE "
	"person_id IN " BATCH ")",
	"UPDATE closure SET person_view = '', changes = '', goals_met = '', further_needs = '', "
	"description = '', followup_note = '' WHERE plan_id IN (SELECT id FROM plan WHERE "
	"person_id IN " BATCH ")",
	"UPDATE consent SET note = '' WHERE person_id IN " BATCH,
	/* texts typed into their forms and never saved (see draft.h) */
	"DELETE FROM text_draft WHERE EXISTS (SELECT 1 FROM request r WHERE r.person_id IN "
	BATCH " AND (text_draft.draft_key LIKE 'assessment:' || r.id || ':%' OR "
	"text_draft.draft_key LIKE 'plan:' || r.id || ':%'))",
	"DELETE FROM text_draft WHERE EXISTS (SELECT 1 FROM plan p WHERE p.person_id IN "
	BATCH " AND (text_draft.draft_key LIKE 'monitoring:' || p.id || ':%' OR "
	"text_draft.draft_key LIKE 'closing:' || p.id || ':%'))",
};

/* Puts a person into the batch when they are still a candidate (a case may
 * have opened since the list was made); *added says whether they were. */
static int batch_add(struct cd_db *db, const char *before, int64_t person_id, bool *added)
{
	char first[32], *sk, *s1, *s2;
	sqlite3_stmt *st;
	int rc;

	*added = false;
	/* the statements are kept (db_cached): a run blanks thousands */
	if (db_cached(db, STILL_CANDIDATE, &st))
		return CD_EDB;
	sqlite3_bind_text(st, 1, before, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, person_id);
	rc = sqlite3_step(st);
	db_release(db, st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? CD_OK : CD_EDB;
	snprintf(first, sizeof(first), "#%lld", (long long)person_id);
	s1 = text_sort_key(_("Anonymised"));
	s2 = text_sort_key(first);
	sk = xasprintf("%s\x01%s", s1, s2);
	free(s1);
	free(s2);
	rc = db_cached(db, "INSERT INTO temp.anon_batch(id, first, sort_key) VALUES (?1, ?2, ?3)",
		       &st);
	if (!rc) {
		sqlite3_bind_int64(st, 1, person_id);
		sqlite3_bind_text(st, 2, first, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, sk, -1, SQLITE_STATIC);
		rc = db_cached_done(db, st);
	}
	free(sk);
	*added = !rc;
	return rc;
}

/* Blanks the persons of the batch (inside the caller's transaction): the
 * texts in one statement per table, then each one's search terms and
 * audit entry. */
static int batch_blank(struct cd_db *db, const struct actor *a, const char *day)
{
	sqlite3_stmt *st, *ids;
	size_t k;
	int rc = CD_OK;

	for (k = 0; k < ARRAY_SIZE(blank) && !rc; k++) {
		if (db_cached(db, blank[k], &st))
			return CD_EDB;
		if (sqlite3_bind_parameter_count(st) >= 2) {
			sqlite3_bind_text(st, 1, _("Anonymised"), -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
		}
		rc = db_cached_done(db, st);
	}
	if (rc || db_prepare(db, "SELECT id FROM temp.anon_batch ORDER BY id", &ids))
		return rc ? rc : CD_EDB;
	while (!rc && sqlite3_step(ids) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(ids, 0);
		if (!(rc = person_reindex(db, id)))
			rc = audit_add(db, a->user_id, "rodo.anonymise", "person", id, NULL);
	}
	sqlite3_finalize(ids);
	if (!rc)
		rc = db_exec(db, "DELETE FROM temp.anon_batch");
	return rc;
}

/* Persons checked and put into the batch between two looks at the clock. */
#define BATCH_PERSONS 16

int rodo_anonymise(struct cd_db *db, const struct actor *a, const char *before, size_t *count,
		   const struct job *job, struct fielderr *e)
{
	struct anon_candidate *l;
	struct date today;
	char day[11];
	size_t n, i = 0;
	int rc;

	*count = 0;
	if ((rc = rodo_candidates(db, a, before, &l, &n, e)))
		return rc;
	date_today(&today);
	date_format(&today, day);
	/* in steps of about JOB_STEP_MS each, so no desk waits for the
	 * write lock; a person is anonymised whole or not at all */
	if (db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS anon_batch(id INTEGER PRIMARY KEY, "
		    "first TEXT NOT NULL, sort_key TEXT NOT NULL)") ||
	    db_exec(db, "DELETE FROM temp.anon_batch")) {
		free(l);
		return CD_EDB;
	}
	db_bulk(db, true);
	while (i < n && !rc && !job_stopped(job)) {
		long long t0;
		size_t step = 0;      /* counted once the step is committed */
		if ((rc = db_begin(db)))
			break;
		t0 = job_clock_ms();  /* the write lock is held from here */
		while (i < n && !rc && job_clock_ms() - t0 < JOB_STEP_MS) {
			size_t in = 0, k;
			for (k = 0; k < BATCH_PERSONS && i < n && !rc; k++, i++) {
				bool added;
				if (!(rc = batch_add(db, before, l[i].person_id, &added)))
					in += added;
			}
			if (!rc && in && !(rc = batch_blank(db, a, day)))
				step += in;
		}
		if (!rc && (rc = db_commit(db)) == CD_OK) {
			*count += step;
			t0 = job_clock_ms() - t0;
			job_step_took(job, t0);
			job_report(job, i, n);
			db_job_pause(db, job_yield_ms(t0));
			continue;
		}
		db_rollback(db);
		db_exec(db, "DELETE FROM temp.anon_batch");
	}
	db_bulk(db, false);
	if (!rc && *count) {
		/* the run in one entry, committed with a sync: it makes every
		 * step before it durable too */
		char detail[64];
		snprintf(detail, sizeof(detail), "%zu, before %s", *count, before);
		if (!(rc = db_begin(db)) &&
		    ((rc = audit_add(db, a->user_id, "rodo.anonymise.run", "person", 0, detail)) ||
		     (rc = db_commit(db))))
			db_rollback(db);
	}
	free(l);
	if (rc)
		return fielderr_set(e, -1, P_("the database refused the anonymisation; %zu person "
					      "was anonymised before, the rest are unchanged",
					      "the database refused the anonymisation; %zu persons "
					      "were anonymised before, the rest are unchanged",
					      (unsigned long)*count), *count), rc == CD_EBUSY ? rc : CD_EDB;
	return CD_OK;
}
