/* request.c - requests. */
#include "request.h"
#include "settings.h"
#include "codes.h"
#include "dbint.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void request_init(struct request *r)
{
	struct date today;

	memset(r, 0, sizeof(*r));
	date_today(&today);
	date_format(&today, r->filed_on);
	str_copy(r->channel, sizeof(r->channel), "in_person");
	str_copy(r->filed_by, sizeof(r->filed_by), "person");
	str_copy(r->referral_source, sizeof(r->referral_source), "self");
	str_copy(r->status, sizeof(r->status), "filed");
}

int request_validate(struct request *r, const struct date *today,
		     struct fielderr *e)
{
	struct date filed;

	fielderr_clear(e);
	if (text_field_check(r->filed_on, false, REQUEST_F_FILED, _("Filing date"), e) ||
	    text_field_check(r->asked, true, REQUEST_F_ASKED, _("Asked for"), e) ||
	    text_field_check(r->change_reason, false, REQUEST_F_REASON, _("Reason"), e))
		return CD_EINVAL;
	str_trim(r->filed_on);
	str_trim(r->asked);
	if (!r->filed_on[0])
		return fielderr_set(e, REQUEST_F_FILED, "%s", _("Filing date: required"));
	if (!date_parse(r->filed_on, &filed))
		return fielderr_set(e, REQUEST_F_FILED, "%s",
				    _("Filing date: not a valid date (use YYYY-MM-DD)"));
	if (date_cmp(&filed, today) > 0)
		return fielderr_set(e, REQUEST_F_FILED, "%s",
				    _("Filing date: cannot be in the future"));
	if (code_index(&codes_channel, r->channel) < 0)
		return fielderr_set(e, REQUEST_F_CHANNEL, "%s",
				    _("Channel: choose in person, in writing, by phone, "
				      "by e-mail or ePUAP"));
	if (code_index(&codes_filed_by, r->filed_by) < 0)
		return fielderr_set(e, REQUEST_F_FILED_BY, "%s",
				    _("Filed by: choose the person, legal representative "
				      "or actual carer"));
	if (strcmp(r->filed_by, "person") != 0) {
		if (!r->filer_person_id)
			return fielderr_set(e, REQUEST_F_FILER, "%s",
					    _("Filer: choose who filed the request "
					      "on the person's behalf"));
		if (r->filer_person_id == r->person_id && r->person_id)
			return fielderr_set(e, REQUEST_F_FILER, "%s",
					    _("Filer: cannot be the person themself"));
	}
	if (code_index(&codes_referral, r->referral_source) < 0)
		return fielderr_set(e, REQUEST_F_REFERRAL, "%s",
				    _("Referral source: choose one from the list"));
	if (!r->asked[0])
		return fielderr_set(e, REQUEST_F_ASKED, "%s",
				    _("Asked for: write the services or needs the "
				      "person asks for"));
	if (code_index(&codes_request_status, r->status) < 0)
		return fielderr_set(e, REQUEST_F_STATUS, "%s",
				    _("Status: unknown status"));
	return CD_OK;
}

char *case_ref_format(const char *pattern, int n, int y)
{
	struct strbuf sb;
	const char *p = pattern;

	sb_init(&sb);
	sb_add(&sb, "");
	while (*p) {
		size_t len;
		if (*p != '{' || !(len = strcspn(p, "}")) || !p[len]) {
			sb_addc(&sb, *p++);
			continue;
		}
		if (p[1] == 'n' && strspn(p + 1, "n") == len - 1)
			sb_addf(&sb, "%0*d", (int)(len - 1 > 1 ? len - 1 : 1), n);
		else if (!strncmp(p, "{yyyy}", 6))
			sb_addf(&sb, "%04d", y);
		else if (!strncmp(p, "{yy}", 4))
			sb_addf(&sb, "%02d", y % 100);
		else
			sb_addn(&sb, p, len + 1);
		p += len + 1;
	}
	return sb_detach(&sb);
}

int case_ref_pattern_validate(const char *pattern, struct fielderr *e)
{
	if (!pattern || !strstr(pattern, "{n") || (!strstr(pattern, "{yyyy}") &&
						   !strstr(pattern, "{yy}")))
		return fielderr_set(e, -1, "%s",
				    _("Case reference pattern: must contain {n} and "
				      "{yyyy} (or {yy})"));
	if (strlen(pattern) > 32)
		return fielderr_set(e, -1, "%s",
				    _("Case reference pattern: too long"));
	return CD_OK;
}

/* Filed by the legal representative or the actual carer, with no filer
 * chosen: the one recorded on the person's card. */
static void default_filer(struct request *r, const struct person *p)
{
	if (r->filer_person_id)
		return;
	if (!strcmp(r->filed_by, "legal_representative"))
		r->filer_person_id = p->legal_rep_id;
	else if (!strcmp(r->filed_by, "actual_carer"))
		r->filer_person_id = p->carer_id;
}

static bool coordinator_ok(struct cd_db *db, int64_t id)
{
	struct user u;
	return user_get(db, id, &u) == CD_OK && !u.disabled &&
	       (u.roles & (ROLE_COORDINATOR | ROLE_ORGANISER));
}

static int check_links(struct cd_db *db, const struct actor *a,
		       const struct request *r, struct fielderr *e)
{
	struct person tmp;

	if (r->person_id && person_get(db, a, r->person_id, &tmp))
		return fielderr_set(e, REQUEST_F_PERSON, "%s",
				    _("Person: no such person"));
	if (r->filer_person_id && person_get(db, a, r->filer_person_id, &tmp))
		return fielderr_set(e, REQUEST_F_FILER, "%s",
				    _("Filer: no such person"));
	if (r->coordinator_id && !coordinator_ok(db, r->coordinator_id))
		return fielderr_set(e, REQUEST_F_COORDINATOR, "%s",
				    _("Coordinator: not an active coordinator"));
	return CD_OK;
}

/* Inside a transaction: numbers and inserts the request. */
/* The filing date against the centre: not before it started (setting
 * centre_started, when set). */
static int filed_on_in_centre(struct cd_db *db, const struct request *r, struct fielderr *e)
{
	char *started = setting_get(db, "centre_started", "");
	struct date s, f;
	int rc = CD_OK;

	if (started[0] && date_parse(started, &s) && date_parse(r->filed_on, &f) &&
	    date_cmp(&f, &s) < 0)
		rc = fielderr_set(e, REQUEST_F_FILED,
				  _("Filing date: cannot be before the centre started (%s)"), started);
	free(started);
	return rc;
}

/* Another open request of the person (not except_id): CD_EEXIST naming
 * it, unless r->another_open_ok. */
static int another_open_request(struct cd_db *db, const struct request *r, int64_t except_id,
				struct fielderr *e)
{
	sqlite3_stmt *st;
	int rc = CD_OK;

	if (r->another_open_ok || r->person_id <= 0)
		return CD_OK;
	if (db_prepare(db, "SELECT case_ref, filed_on, status FROM request WHERE person_id = ?1 "
		       "AND id != ?2 AND status IN ('filed', 'assessment', 'qualified', 'waiting') "
		       "ORDER BY filed_on DESC, id DESC LIMIT 1", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, r->person_id);
	sqlite3_bind_int64(st, 2, except_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		rc = fielderr_set(e, REQUEST_F_PERSON,
				  _("Person: already has an open request %s of %s (%s)"),
				  (const char *)sqlite3_column_text(st, 0),
				  (const char *)sqlite3_column_text(st, 1),
				  code_label(&codes_request_status,
					     (const char *)sqlite3_column_text(st, 2)));
	sqlite3_finalize(st);
	return rc == CD_EINVAL ? CD_EEXIST : rc;
}

static int insert_request(struct cd_db *db, const struct actor *a,
			  struct request *r)
{
	sqlite3_stmt *st;
	struct date filed;
	char *pattern, *ref;
	int no = 0, rc;

	date_parse(r->filed_on, &filed);
	if (db_prepare(db, "INSERT INTO case_counter(year, last_no) VALUES (?1, 1) "
		       "ON CONFLICT(year) DO UPDATE SET last_no = last_no + 1 "
		       "RETURNING last_no", &st))
		return CD_EDB;
	sqlite3_bind_int(st, 1, filed.y);
	if (sqlite3_step(st) == SQLITE_ROW)
		no = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (!no)
		return CD_EDB;
	pattern = setting_get(db, "case_ref_pattern", CASE_REF_DEFAULT);
	ref = case_ref_format(pattern, no, filed.y);
	free(pattern);
	str_copy(r->case_ref, sizeof(r->case_ref), ref);
	free(ref);

	if (db_prepare(db, "INSERT INTO request(case_ref, case_year, case_no, "
		       "person_id, filed_on, channel, filed_by, filer_person_id, "
		       "referral_source, asked, coordinator_id, status, created_by) "
		       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
		       &st))
		return CD_EDB;
	sqlite3_bind_text(st, 1, r->case_ref, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, filed.y);
	sqlite3_bind_int(st, 3, no);
	sqlite3_bind_int64(st, 4, r->person_id);
	sqlite3_bind_text(st, 5, r->filed_on, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, r->channel, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, r->filed_by, -1, SQLITE_STATIC);
	db_bind_id_or_null(st, 8, strcmp(r->filed_by, "person") ? r->filer_person_id : 0);
	sqlite3_bind_text(st, 9, r->referral_source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, r->asked, -1, SQLITE_STATIC);
	db_bind_id_or_null(st, 11, r->coordinator_id);
	sqlite3_bind_text(st, 12, r->status, -1, SQLITE_STATIC);
	db_bind_id_or_null(st, 13, a->user_id);
	if ((rc = db_step_done(db, st)))
		return rc;
	r->id = sqlite3_last_insert_rowid(db->h);
	if ((rc = person_reindex(db, r->person_id)))
		return rc;
	return audit_add(db, a->user_id, "request.file", "request", r->id,
			 r->case_ref);
}

int request_file(struct cd_db *db, const struct actor *a, struct request *r,
		 struct fielderr *e)
{
	struct date today;
	int rc;

	fielderr_clear(e);
	if ((rc = actor_require(a, PERM_REQUEST_FILE, e)))
		return rc;
	date_today(&today);
	if (!r->person_id)
		return fielderr_set(e, REQUEST_F_PERSON, "%s",
				    _("Person: choose the person the request is for"));
	{
		struct person p;
		if (person_get(db, a, r->person_id, &p) == CD_OK)
			default_filer(r, &p);
	}
	if ((rc = request_validate(r, &today, e)) || (rc = filed_on_in_centre(db, r, e)) ||
	    (rc = check_links(db, a, r, e)))
		return rc;
	if ((rc = db_begin(db)))
		return rc;
	if ((rc = another_open_request(db, r, 0, e)) || (rc = insert_request(db, a, r)) ||
	    (rc = db_commit(db))) {
		db_rollback(db);
		r->id = 0;
		r->case_ref[0] = '\0';
		return rc;
	}
	return CD_OK;
}

int request_file_with_person(struct cd_db *db, const struct actor *a,
			     struct person *p, struct request *r,
			     struct fielderr *e)
{
	struct date today;
	struct person *before = NULL;
	int64_t old_pid = p->id;
	int rc;

	fielderr_clear(e);
	if ((rc = actor_require(a, PERM_REQUEST_FILE, e)) ||
	    (rc = actor_require(a, PERM_PERSON_WRITE, e)))
		return rc;
	date_today(&today);
	/* validate both before writing anything, so the first error the user
	 * sees is the first one on the screen */
	if ((rc = person_validate(p, &today, e)))
		return rc;
	default_filer(r, p);
	r->person_id = p->id ? p->id : -1; /* -1: not known yet */
	rc = request_validate(r, &today, e);
	r->person_id = p->id;
	if (rc || (rc = filed_on_in_centre(db, r, e)))
		return rc;
	if ((rc = db_begin(db)))
		return rc;
	before = xmalloc(sizeof(*before));
	*before = *p;
	if ((rc = person_save(db, a, p, e)))
		goto fail;
	r->person_id = p->id;
	if ((old_pid && (rc = another_open_request(db, r, 0, e))) ||
	    (rc = check_links(db, a, r, e)) || (rc = insert_request(db, a, r)) ||
	    (rc = db_commit(db)))
		goto fail;
	free(before);
	return CD_OK;
fail:
	db_rollback(db);
	*p = *before;    /* as it was: a retry saves the same version */
	free(before);
	r->person_id = old_pid;
	r->id = 0;
	r->case_ref[0] = '\0';
	return rc;
}

/* A status set by hand: only a withdrawal at the person's wish, of an open
 * request on which no approved plan runs (that is a resignation from the
 * plan); the other statuses follow the case path. */
static int status_by_hand(struct cd_db *db, const struct request *old,
			  const struct request *r, struct fielderr *e)
{
	sqlite3_stmt *st;
	bool running = false;

	if (!strcmp(old->status, r->status))
		return CD_OK;
	if (strcmp(r->status, "withdrawn"))
		return fielderr_set(e, REQUEST_F_STATUS,
				    _("Status: \"%s\" follows from the case path (assessment, "
				      "outcome, closing); by hand a request can only be withdrawn"),
				    code_label(&codes_request_status, r->status));
	if (!strcmp(old->status, "forwarded") || !strcmp(old->status, "not_qualified") ||
	    !strcmp(old->status, "closed"))
		return fielderr_set(e, REQUEST_F_STATUS,
				    _("Status: the request is already settled (%s)"),
				    code_label(&codes_request_status, old->status));
	if (db_prepare(db, "SELECT 1 FROM plan p JOIN plan_version v ON v.plan_id = p.id "
		       "WHERE p.request_id = ?1 AND v.status = 'approved'",
		       &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, old->id);
	running = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	if (running)
		return fielderr_set(e, REQUEST_F_STATUS, "%s",
				    _("Status: the plan is running; record the resignation "
				      "from the whole plan in the case (n)"));
	return CD_OK;
}

/* The filing date of a case whose assessment has started: corrected only
 * by a coordinator or the organiser, with a reason, and never after the
 * assessment's first sitting (the 30-day mark counts from it). */
static int filed_on_correction(struct cd_db *db, const struct actor *a,
			       const struct request *old, struct request *r,
			       struct fielderr *e)
{
	sqlite3_stmt *st;
	char held[16] = "";

	str_trim(r->change_reason);
	if (!strcmp(old->status, "filed"))
		return CD_OK;
	if (!(a->roles & (ROLE_COORDINATOR | ROLE_ORGANISER)))
		return fielderr_set(e, REQUEST_F_FILED, "%s",
				    _("Filing date: once the assessment has started only a "
				      "coordinator or the organiser may correct it"));
	if (db_prepare(db, "SELECT held_on FROM assessment WHERE request_id = ?1", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, old->id);
	if (sqlite3_step(st) == SQLITE_ROW)
		db_col_copy(st, 0, held, sizeof(held));
	sqlite3_finalize(st);
	if (held[0] && strcmp(r->filed_on, held) > 0)
		return fielderr_set(e, REQUEST_F_FILED,
				    _("Filing date: cannot be after the assessment (%s)"), held);
	if (!r->change_reason[0])
		return fielderr_set(e, REQUEST_F_REASON, "%s",
				    _("Reason: say why the filing date is corrected"));
	return CD_OK;
}

int request_update(struct cd_db *db, const struct actor *a, struct request *r,
		   struct fielderr *e)
{
	struct request old;
	struct date today;
	sqlite3_stmt *st;
	int rc;

	fielderr_clear(e);
	if ((rc = actor_require(a, PERM_REQUEST_MANAGE, e)))
		return rc;
	if ((rc = request_get(db, a, r->id, &old)))
		return rc;
	r->person_id = old.person_id;
	date_today(&today);
	if ((rc = request_validate(r, &today, e)) || (rc = check_links(db, a, r, e)) ||
	    (rc = status_by_hand(db, &old, r, e)))
		return rc;
	if (strcmp(old.filed_on, r->filed_on) &&
	    ((rc = filed_on_in_centre(db, r, e)) || (rc = filed_on_correction(db, a, &old, r, e))))
		return rc;
	if ((rc = db_begin(db)))
		return rc;
	if (db_prepare(db, "UPDATE request SET filed_on = ?1, channel = ?2, "
		       "filed_by = ?3, filer_person_id = ?4, referral_source = ?5, "
		       "asked = ?6, coordinator_id = ?7, status = ?8, "
		       "updated_at = cd_now(), row_version = row_version + 1 "
		       "WHERE id = ?9 AND row_version = ?10", &st))
		goto fail;
	sqlite3_bind_text(st, 1, r->filed_on, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->channel, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, r->filed_by, -1, SQLITE_STATIC);
	db_bind_id_or_null(st, 4, strcmp(r->filed_by, "person") ? r->filer_person_id : 0);
	sqlite3_bind_text(st, 5, r->referral_source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, r->asked, -1, SQLITE_STATIC);
	db_bind_id_or_null(st, 7, r->coordinator_id);
	sqlite3_bind_text(st, 8, r->status, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 9, r->id);
	sqlite3_bind_int64(st, 10, r->row_version);
	if (db_step_done(db, st))
		goto fail;
	/* someone changed the request after this one was read: refused, told */
	if (sqlite3_changes(db->h) == 0) {
		db_rollback(db);
		return CD_ECONFLICT;
	}
	if (strcmp(old.status, r->status)) {
		char *d = xasprintf("%s -> %s", old.status, r->status);
		rc = audit_add(db, a->user_id, "request.status", "request", r->id, d);
		free(d);
		if (rc)
			goto fail;
	}
	if (strcmp(old.filed_on, r->filed_on)) {
		char *d = xasprintf("%s -> %s%s%s", old.filed_on, r->filed_on,
				    r->change_reason[0] ? "; " : "", r->change_reason);
		rc = audit_add(db, a->user_id, "request.filed_on", "request", r->id, d);
		free(d);
		if (rc)
			goto fail;
	}
	if (old.coordinator_id != r->coordinator_id &&
	    audit_add(db, a->user_id, "request.assign", "request", r->id, ""))
		goto fail;
	if (audit_add(db, a->user_id, "request.edit", "request", r->id, "") || db_commit(db))
		goto fail;
	r->row_version++;
	return CD_OK;
fail:
	db_rollback(db);
	return CD_EDB;
}

#define REQUEST_COLS "r.id, r.case_ref, r.person_id, r.filed_on, r.channel, " \
	"r.filed_by, r.filer_person_id, r.referral_source, r.asked, " \
	"r.coordinator_id, r.status, p.surname || ' ' || p.first_names, " \
	"COALESCE(u.full_name, ''), r.row_version"
#define REQUEST_FROM " FROM request r JOIN person p ON p.id = r.person_id " \
	"LEFT JOIN app_user u ON u.id = r.coordinator_id"

static void request_from_row(sqlite3_stmt *st, struct request *r)
{
	memset(r, 0, sizeof(*r));
	r->id = sqlite3_column_int64(st, 0);
	db_col_copy(st, 1, r->case_ref, sizeof(r->case_ref));
	r->person_id = sqlite3_column_int64(st, 2);
	db_col_copy(st, 3, r->filed_on, sizeof(r->filed_on));
	db_col_copy(st, 4, r->channel, sizeof(r->channel));
	db_col_copy(st, 5, r->filed_by, sizeof(r->filed_by));
	r->filer_person_id = db_col_id(st, 6);
	db_col_copy(st, 7, r->referral_source, sizeof(r->referral_source));
	db_col_copy(st, 8, r->asked, sizeof(r->asked));
	r->coordinator_id = db_col_id(st, 9);
	db_col_copy(st, 10, r->status, sizeof(r->status));
	db_col_copy(st, 11, r->person_name, sizeof(r->person_name));
	db_col_copy(st, 12, r->coordinator_name, sizeof(r->coordinator_name));
	r->row_version = sqlite3_column_int64(st, 13);
}

int request_get(struct cd_db *db, const struct actor *a, int64_t id,
		struct request *out)
{
	sqlite3_stmt *st;
	int rc = CD_ENOTFOUND;

	if (!actor_can(a, PERM_REQUEST_FILE))
		return CD_EPERM;
	if (db_prepare(db, "SELECT " REQUEST_COLS REQUEST_FROM " WHERE r.id = ?1", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		request_from_row(st, out);
		rc = CD_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

int request_list(struct cd_db *db, const struct actor *a,
		 const struct request_filter *f, struct request **out, size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 16;
	const char *status = f && f->status ? f->status : "";
	struct strbuf sql;
	int rc;

	*out = NULL;
	*n = 0;
	if (!actor_can(a, PERM_REQUEST_FILE))
		return CD_EPERM;
	/* only the conditions the filter asks for, so that an index serves
	 * each (a person's requests, a coordinator's, a status); "?x = 0 OR"
	 * forms would read every request whatever is asked */
	sb_init(&sql);
	sb_add(&sql, "SELECT " REQUEST_COLS REQUEST_FROM " WHERE 1");
	if (!strcmp(status, "open"))
		sb_add(&sql, " AND r.status IN " REQUEST_OPEN_SQL);
	else if (*status)
		sb_add(&sql, " AND r.status = ?1");
	if (f && f->coordinator_id == -1)
		sb_add(&sql, " AND r.coordinator_id IS NULL");
	else if (f && f->coordinator_id)
		sb_add(&sql, " AND r.coordinator_id = ?2");
	if (f && f->person_id)
		sb_add(&sql, " AND r.person_id = ?3");
	sb_add(&sql, " ORDER BY r.filed_on, r.case_year, r.case_no");
	rc = db_prepare(db, sql.buf, &st);
	sb_release(&sql);
	if (rc)
		return CD_EDB;
	if (sqlite3_bind_parameter_index(st, "?1"))
		sqlite3_bind_text(st, 1, status, -1, SQLITE_STATIC);
	if (sqlite3_bind_parameter_index(st, "?2"))
		sqlite3_bind_int64(st, 2, f->coordinator_id);
	if (sqlite3_bind_parameter_index(st, "?3"))
		sqlite3_bind_int64(st, 3, f->person_id);
	*out = xcalloc(cap, sizeof(**out));
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (*n == cap) {
			cap *= 2;
			*out = xrealloc(*out, cap * sizeof(**out));
		}
		request_from_row(st, &(*out)[(*n)++]);
	}
	return db_finish_list(st, (void **)out, n);
}
