/* group.c - group services and supporting activities: the list of
 * activities, members, sessions with their head count. */
#include "group.h"
#include "codes.h"
#include "dbint.h"
#include "i18n.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *code, *label;
} kinds[] = {
	{"volunteering", N_("volunteering")},
	{"self_help", N_("self-help")},
	{"neighbour_help", N_("neighbour help")},
};

const char *activity_kind_label(const char *kind)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kinds); i++)
		if (!strcmp(kinds[i].code, kind))
			return _(kinds[i].label);
	return kind;
}

bool activity_kind_known(const char *kind)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kinds); i++)
		if (!strcmp(kinds[i].code, kind))
			return true;
	return false;
}

void activity_init(struct activity *ac)
{
	struct date today;

	memset(ac, 0, sizeof(*ac));
	str_copy(ac->kind, sizeof(ac->kind), "volunteering");
	str_copy(ac->status, sizeof(ac->status), "active");
	date_today(&today);
	date_format(&today, ac->starts_on);
}

#define ACT_COLS "a.id, a.name, a.kind, a.description, COALESCE(a.place_id, 0), " \
	"COALESCE(pl.name, ''), COALESCE(a.run_by, 0), COALESCE(u.full_name, ''), a.starts_on, " \
	"COALESCE(a.ends_on, ''), a.status FROM activity a " \
	"LEFT JOIN place pl ON pl.id = a.place_id LEFT JOIN app_user u ON u.id = a.run_by "

static void activity_row(sqlite3_stmt *st, void *row)
{
	struct activity *ac = row;

	ac->id = sqlite3_column_int64(st, 0);
	db_col_copy(st, 1, ac->name, sizeof(ac->name));
	db_col_copy(st, 2, ac->kind, sizeof(ac->kind));
	db_col_copy(st, 3, ac->description, sizeof(ac->description));
	ac->place_id = sqlite3_column_int64(st, 4);
	db_col_copy(st, 5, ac->place_name, sizeof(ac->place_name));
	ac->run_by = sqlite3_column_int64(st, 6);
	db_col_copy(st, 7, ac->run_by_name, sizeof(ac->run_by_name));
	db_col_copy(st, 8, ac->starts_on, sizeof(ac->starts_on));
	db_col_copy(st, 9, ac->ends_on, sizeof(ac->ends_on));
	db_col_copy(st, 10, ac->status, sizeof(ac->status));
}

int activity_list(struct cd_db *db, const struct actor *a, struct activity **out, size_t *n)
{
	sqlite3_stmt *st;

	*out = NULL;
	*n = 0;
	if (!actor_can(a, PERM_OFFER_READ))
		return CD_EPERM;
	if (db_prepare(db, "SELECT " ACT_COLS "ORDER BY a.status = 'archived', "
		       "a.name COLLATE PL", &st))
		return CD_EDB;
	return db_collect(st, sizeof(**out), activity_row, (void **)out, n);
}

int activity_get(struct cd_db *db, const struct actor *a, int64_t id, struct activity *out)
{
	sqlite3_stmt *st;
	int rc = CD_ENOTFOUND;

	if (!actor_can(a, PERM_OFFER_READ))
		return CD_EPERM;
	if (db_prepare(db, "SELECT " ACT_COLS "WHERE a.id = ?1", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		activity_init(out);
		activity_row(st, out);
		rc = CD_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

static bool exists(struct cd_db *db, const char *sql, int64_t id)
{
	sqlite3_stmt *st;
	bool found;

	if (db_prepare(db, sql, &st))
		return false;
	sqlite3_bind_int64(st, 1, id);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

int activity_save(struct cd_db *db, const struct actor *a, struct activity *ac,
		  struct fielderr *e)
{
	struct date from, to;
	sqlite3_stmt *st;
	bool insert = ac->id == 0;

	fielderr_clear(e);
	if (a->user_id != 0 && !actor_can(a, PERM_ACTIVITY))
		return fielderr_set(e, -1, "%s", _("only the community organiser or the services "
						   "organiser changes the supporting activities")),
		       CD_EPERM;
	if (text_field_check(ac->name, false, GF_ACT_NAME, _("Name"), e) ||
	    text_field_check(ac->description, true, GF_ACT_DESCRIPTION, _("Description"), e))
		return CD_EINVAL;
	str_trim(ac->name);
	str_trim(ac->starts_on);
	str_trim(ac->ends_on);
	if (!ac->name[0])
		return fielderr_set(e, GF_ACT_NAME, "%s", _("Name: required"));
	if (!activity_kind_known(ac->kind))
		return fielderr_set(e, GF_ACT_KIND, "%s",
				    _("Kind: volunteering, self-help or neighbour help"));
	if (ac->place_id && !exists(db, "SELECT 1 FROM place WHERE id = ?1", ac->place_id))
		return fielderr_set(e, GF_ACT_PLACE, "%s", _("Place: no such place"));
	if (ac->run_by && !exists(db, "SELECT 1 FROM app_user WHERE id = ?1 AND disabled = 0",
				  ac->run_by))
		return fielderr_set(e, GF_ACT_RUN_BY, "%s", _("Run by: no such active user"));
	if (!ac->starts_on[0])
		return fielderr_set(e, GF_ACT_FROM, "%s", _("From: required"));
	if (!date_parse(ac->starts_on, &from))
		return fielderr_set(e, GF_ACT_FROM, "%s",
				    _("From: not a valid date (use YYYY-MM-DD)"));
	if (ac->ends_on[0] && !date_parse(ac->ends_on, &to))
		return fielderr_set(e, GF_ACT_TO, "%s", _("To: not a valid date (use YYYY-MM-DD)"));
	if (ac->ends_on[0] && date_cmp(&to, &from) < 0)
		return fielderr_set(e, GF_ACT_TO, "%s", _("To: not before the start"));
	if (strcmp(ac->status, "active") && strcmp(ac->status, "archived"))
		return fielderr_set(e, GF_ACT_STATUS, "%s", _("Status: active or archived"));
	if (db_prepare(db, insert ?
		       "INSERT INTO activity(name, kind, description, place_id, run_by, starts_on, "
		       "ends_on, status) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)" :
		       "UPDATE activity SET name = ?2, kind = ?3, description = ?4, place_id = ?5, "
		       "run_by = ?6, starts_on = ?7, ends_on = ?8, status = ?9 WHERE id = ?1", &st))
		return CD_EDB;
	if (!insert)
		sqlite3_bind_int64(st, 1, ac->id);
	sqlite3_bind_text(st, 2, ac->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, ac->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, ac->description, -1, SQLITE_STATIC);
	db_bind_id_or_null(st, 5, ac->place_id);
	db_bind_id_or_null(st, 6, ac->run_by);
	sqlite3_bind_text(st, 7, ac->starts_on, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 8, ac->ends_on);
	sqlite3_bind_text(st, 9, ac->status, -1, SQLITE_STATIC);
	if (db_step_done(db, st))
		return CD_EDB;
	if (insert)
		ac->id = sqlite3_last_insert_rowid(db->h);
	else if (!sqlite3_changes(db->h))
		return CD_ENOTFOUND;
	return CD_OK;
}

/* ---- groups ---- */

static void group_row(sqlite3_stmt *st, void *row)
{
	struct group *g = row;

	g->programme_id = sqlite3_column_int64(st, 0);
	g->service_id = sqlite3_column_int64(st, 1);
	g->activity_id = sqlite3_column_int64(st, 2);
	db_col_copy(st, 3, g->name, sizeof(g->name));
	if (g->activity_id)
		str_copy(g->kind_label, sizeof(g->kind_label),
			 activity_kind_label((const char *)sqlite3_column_text(st, 4)));
	else
		db_col_copy(st, 4, g->kind_label, sizeof(g->kind_label));
	g->members = sqlite3_column_int64(st, 5);
	g->sessions = sqlite3_column_int64(st, 6);
	db_col_copy(st, 7, g->last_held, sizeof(g->last_held));
}

/* Rows of the group's members and sessions match ?1 programme, ?2
 * service, ?3 activity. */
#define SAME_GROUP(t) "(" t ".activity_id = ?3 OR (" t ".service_id = ?2 AND " \
	t ".programme_id = ?1))"

int group_list(struct cd_db *db, const struct actor *a, struct group **out, size_t *n)
{
	sqlite3_stmt *st;

	*out = NULL;
	*n = 0;
	if (!actor_can(a, PERM_OFFER_READ))
		return CD_EPERM;
	if (db_prepare(db, "SELECT * FROM ("
		       "SELECT p.id, s.id, 0, s.name || ' (' || p.name || ')' AS name, "
		       "COALESCE(ar.name_pl, ''), "
		       "(SELECT count(*) FROM group_member m WHERE m.service_id = s.id AND "
		       "m.programme_id = p.id AND (m.left_on IS NULL OR m.left_on > date(cd_now()))), "
		       "(SELECT count(*) FROM group_session g WHERE g.service_id = s.id AND "
		       "g.programme_id = p.id), (SELECT max(held_on) FROM group_session g "
		       "WHERE g.service_id = s.id AND g.programme_id = p.id) "
		       "FROM programme_service ps JOIN programme p ON p.id = ps.programme_id "
		       "JOIN service s ON s.id = ps.service_id LEFT JOIN area ar ON ar.code = s.area_code "
		       "WHERE s.is_group = 1 AND p.status = 'active' "
		       "UNION ALL SELECT 0, 0, a.id, a.name, a.kind, "
		       "(SELECT count(*) FROM group_member m WHERE m.activity_id = a.id AND "
		       "(m.left_on IS NULL OR m.left_on > date(cd_now()))), "
		       "(SELECT count(*) FROM group_session g WHERE g.activity_id = a.id), "
		       "(SELECT max(held_on) FROM group_session g WHERE g.activity_id = a.id) "
		       "FROM activity a WHERE a.status = 'active') ORDER BY name COLLATE PL", &st))
		return CD_EDB;
	return db_collect(st, sizeof(**out), group_row, (void **)out, n);
}

static void member_row(sqlite3_stmt *st, void *row)
{
	struct group_member *m = row;

	m->id = sqlite3_column_int64(st, 0);
	m->person_id = sqlite3_column_int64(st, 1);
	db_col_copy(st, 2, m->person_name, sizeof(m->person_name));
	m->request_id = db_col_id(st, 3);
	db_col_copy(st, 4, m->case_ref, sizeof(m->case_ref));
	db_col_copy(st, 5, m->joined_on, sizeof(m->joined_on));
	db_col_copy(st, 6, m->left_on, sizeof(m->left_on));
}

#define MEMBER_COLS "m.id, m.person_id, pe.surname || ' ' || pe.first_names, m.request_id, " \
	"COALESCE(r.case_ref, ''), m.joined_on, COALESCE(m.left_on, '') FROM group_member m " \
	"JOIN person pe ON pe.id = m.person_id LEFT JOIN request r ON r.id = m.request_id "

int group_members(struct cd_db *db, const struct actor *a, const struct group *g,
		  struct group_member **out, size_t *n)
{
	sqlite3_stmt *st;

	*out = NULL;
	*n = 0;
	if (!actor_can(a, PERM_PERSON_READ))
		return CD_EPERM;
	if (db_prepare(db, "SELECT " MEMBER_COLS "WHERE " SAME_GROUP("m")
		       " ORDER BY m.left_on IS NOT NULL, pe.surname COLLATE PL, "
		       "pe.first_names COLLATE PL", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, g->programme_id);
	sqlite3_bind_int64(st, 2, g->service_id);
	sqlite3_bind_int64(st, 3, g->activity_id);
	return db_collect(st, sizeof(**out), member_row, (void **)out, n);
}

/* May a write members and sessions of g?  Whoever manages requests
 * (reception, coordinators, organiser, director) for group services; also
 * the community organiser for supporting activities. */
static int may_run(const struct actor *a, const struct group *g, struct fielderr *e)
{
	if (a->user_id == 0 || actor_can(a, PERM_REQUEST_MANAGE) ||
	    (g->activity_id && actor_can(a, PERM_ACTIVITY)))
		return CD_OK;
	fielderr_set(e, -1, "%s", _("your role does not record group members and meetings"));
	return CD_EPERM;
}

/* The group is open on day d: an active group service of an active
 * programme, or an active activity running that day. */
static int group_check(struct cd_db *db, const struct group *g, const char *d,
		       struct fielderr *e)
{
	sqlite3_stmt *st;
	bool ok = false;

	if (g->activity_id) {
		if (db_prepare(db, "SELECT 1 FROM activity WHERE id = ?1 AND status = 'active' "
			       "AND starts_on <= ?2 AND (ends_on IS NULL OR ends_on >= ?2)", &st))
			return CD_EDB;
		sqlite3_bind_int64(st, 1, g->activity_id);
	} else {
		if (db_prepare(db, "SELECT 1 FROM programme_service ps JOIN programme p ON "
			       "p.id = ps.programme_id JOIN service s ON s.id = ps.service_id "
			       "WHERE ps.programme_id = ?1 AND ps.service_id = ?3 AND s.is_group = 1 "
			       "AND p.status = 'active' AND p.valid_from <= ?2 AND "
			       "(p.valid_to IS NULL OR p.valid_to >= ?2)", &st))
			return CD_EDB;
		sqlite3_bind_int64(st, 1, g->programme_id);
		sqlite3_bind_int64(st, 3, g->service_id);
	}
	sqlite3_bind_text(st, 2, d, -1, SQLITE_STATIC);
	ok = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	if (!ok)
		return fielderr_set(e, GF_GROUP, "%s", g->activity_id ?
				    _("Activity: not active on that day") :
				    _("Group service: not a group service of a programme "
				      "running on that day"));
	return CD_OK;
}

int group_enrol(struct cd_db *db, const struct actor *a, const struct group *g,
		int64_t person_id, int64_t request_id, const char *joined_on,
		struct fielderr *e)
{
	struct date d;
	sqlite3_stmt *st;
	char status[24] = "", filed_on[16] = "";
	int64_t req_person = 0, coordinator = 0;
	bool found = false, take = false;
	int rc;

	fielderr_clear(e);
	if ((rc = may_run(a, g, e)))
		return rc;
	if (!g->activity_id && !request_id)
		return fielderr_set(e, GF_REQUEST, "%s",
				    _("Request: a group service needs the person's request"));
	if (request_id) {
		if (db_prepare(db, "SELECT person_id, status, filed_on, COALESCE(coordinator_id, 0) "
			       "FROM request WHERE id = ?1", &st))
			return CD_EDB;
		sqlite3_bind_int64(st, 1, request_id);
		if (sqlite3_step(st) == SQLITE_ROW) {
			found = true;
			req_person = sqlite3_column_int64(st, 0);
			db_col_copy(st, 1, status, sizeof(status));
			db_col_copy(st, 2, filed_on, sizeof(filed_on));
			coordinator = sqlite3_column_int64(st, 3);
		}
		sqlite3_finalize(st);
		if (!found)
			return fielderr_set(e, GF_REQUEST, "%s", _("Request: no such request"));
		if (!person_id)
			person_id = req_person;
		if (req_person != person_id)
			return fielderr_set(e, GF_REQUEST, "%s",
					    _("Request: it is another person's request"));
		if (!request_status_is_open(status))
			return fielderr_set(e, GF_REQUEST, "%s",
					    _("Request: it is no longer open"));
		/* an unassigned request is taken by the coordinator who enrols
		 * (whoever manages requests may settle one by an enrolment) */
		take = !coordinator && (a->roles & ROLE_COORDINATOR) && a->user_id;
	}
	if (!person_id || !exists(db, "SELECT 1 FROM person WHERE id = ?1", person_id))
		return fielderr_set(e, GF_PERSON, "%s", _("Person: choose the person"));
	if ((rc = date_field_past(joined_on, GF_JOINED, _("Joined on"), &d, e)))
		return rc;
	if (filed_on[0] && strcmp(joined_on, filed_on) < 0)
		return fielderr_set(e, GF_JOINED, "%s",
				    _("Joined on: not before the request was filed"));
	if ((rc = group_check(db, g, joined_on, e)))
		return rc;
	if (db_prepare(db, "SELECT 1 FROM group_member m WHERE m.person_id = ?4 AND "
		       "m.left_on IS NULL AND " SAME_GROUP("m"), &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, g->programme_id);
	sqlite3_bind_int64(st, 2, g->service_id);
	sqlite3_bind_int64(st, 3, g->activity_id);
	sqlite3_bind_int64(st, 4, person_id);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	if (found)
		return fielderr_set(e, GF_PERSON, "%s", _("Person: already takes part"));
	if ((rc = db_begin(db)))
		return rc;
	if (db_prepare(db, "INSERT INTO group_member(person_id, request_id, programme_id, "
		       "service_id, activity_id, joined_on, created_by) "
		       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st))
		goto fail;
	sqlite3_bind_int64(st, 1, person_id);
	db_bind_id_or_null(st, 2, request_id);
	db_bind_id_or_null(st, 3, g->activity_id ? 0 : g->programme_id);
	db_bind_id_or_null(st, 4, g->activity_id ? 0 : g->service_id);
	db_bind_id_or_null(st, 5, g->activity_id);
	sqlite3_bind_text(st, 6, joined_on, -1, SQLITE_STATIC);
	db_bind_id_or_null(st, 7, a->user_id);
	if (db_step_done(db, st))
		goto fail;
	if (request_id) {
		/* a request only filed is settled by the enrolment */
		if (db_prepare(db, "UPDATE request SET status = CASE status WHEN 'filed' THEN "
			       "'closed' ELSE status END, coordinator_id = CASE WHEN ?2 THEN ?3 "
			       "ELSE coordinator_id END, updated_at = cd_now() WHERE id = ?1", &st))
			goto fail;
		sqlite3_bind_int64(st, 1, request_id);
		sqlite3_bind_int(st, 2, take);
		sqlite3_bind_int64(st, 3, a->user_id);
		if (db_step_done(db, st))
			goto fail;
	}
	if (audit_add(db, a->user_id, "group.enrol", "person", person_id, NULL) ||
	    db_commit(db))
		goto fail;
	return CD_OK;
fail:
	db_rollback(db);
	return CD_EDB;
}

int group_leave(struct cd_db *db, const struct actor *a, int64_t member_id,
		const char *left_on, struct fielderr *e)
{
	struct group g;
	struct date d;
	sqlite3_stmt *st;
	char joined[16] = "";
	bool found = false;
	int rc;

	fielderr_clear(e);
	memset(&g, 0, sizeof(g));
	if (db_prepare(db, "SELECT COALESCE(programme_id, 0), COALESCE(service_id, 0), "
		       "COALESCE(activity_id, 0), joined_on FROM group_member WHERE id = ?1 "
		       "AND left_on IS NULL", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, member_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		found = true;
		g.programme_id = sqlite3_column_int64(st, 0);
		g.service_id = sqlite3_column_int64(st, 1);
		g.activity_id = sqlite3_column_int64(st, 2);
		db_col_copy(st, 3, joined, sizeof(joined));
	}
	sqlite3_finalize(st);
	if (!found)
		return fielderr_set(e, GF_PERSON, "%s", _("Person: does not take part now"));
	if ((rc = may_run(a, &g, e)))
		return rc;
	if ((rc = date_field_past(left_on, GF_LEFT, _("Left on"), &d, e)))
		return rc;
	if (strcmp(left_on, joined) < 0)
		return fielderr_set(e, GF_LEFT, "%s", _("Left on: not before joining"));
	if (db_prepare(db, "UPDATE group_member SET left_on = ?2 WHERE id = ?1", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, member_id);
	sqlite3_bind_text(st, 2, left_on, -1, SQLITE_STATIC);
	return db_step_done(db, st) ? CD_EDB : CD_OK;
}

int group_memberships_of_request(struct cd_db *db, const struct actor *a, int64_t request_id,
				 struct group_member **out, char ***names, size_t *n)
{
	sqlite3_stmt *st;
	size_t i;
	int rc;

	*out = NULL;
	*names = NULL;
	*n = 0;
	if (!actor_can(a, PERM_PERSON_READ))
		return CD_EPERM;
	if (db_prepare(db, "SELECT " MEMBER_COLS "WHERE m.request_id = ?1 ORDER BY m.joined_on",
		       &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, request_id);
	if ((rc = db_collect(st, sizeof(**out), member_row, (void **)out, n)))
		return rc;
	*names = xcalloc(*n + 1, sizeof(char *));
	for (i = 0; i < *n; i++) {
		if (db_prepare(db, "SELECT COALESCE(s.name || ' (' || p.name || ')', a.name, '') "
			       "FROM group_member m LEFT JOIN service s ON s.id = m.service_id "
			       "LEFT JOIN programme p ON p.id = m.programme_id "
			       "LEFT JOIN activity a ON a.id = m.activity_id WHERE m.id = ?1", &st))
			return CD_EDB;
		sqlite3_bind_int64(st, 1, (*out)[i].id);
		(*names)[i] = sqlite3_step(st) == SQLITE_ROW ? db_col_dup(st, 0) : xstrdup("");
		sqlite3_finalize(st);
	}
	return CD_OK;
}

int group_session_add(struct cd_db *db, const struct actor *a, const struct group *g,
		      const char *held_on, int head_count, const char *notes,
		      struct fielderr *e)
{
	struct date d;
	sqlite3_stmt *st;
	int rc;

	fielderr_clear(e);
	if ((rc = may_run(a, g, e)) ||
	    (rc = date_field_past(held_on, GF_HELD, _("Held on"), &d, e)))
		return rc;
	if (head_count < 0 || head_count > 10000)
		return fielderr_set(e, GF_HEADS, "%s",
				    _("Head count: the number of persons present, 0 or more"));
	if ((rc = group_check(db, g, held_on, e)))
		return rc;
	if (db_prepare(db, "INSERT INTO group_session(programme_id, service_id, activity_id, "
		       "held_on, head_count, notes, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
		       &st))
		return CD_EDB;
	db_bind_id_or_null(st, 1, g->activity_id ? 0 : g->programme_id);
	db_bind_id_or_null(st, 2, g->activity_id ? 0 : g->service_id);
	db_bind_id_or_null(st, 3, g->activity_id);
	sqlite3_bind_text(st, 4, held_on, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, head_count);
	sqlite3_bind_text(st, 6, notes ? notes : "", -1, SQLITE_STATIC);
	db_bind_id_or_null(st, 7, a->user_id);
	return db_step_done(db, st) ? CD_EDB : CD_OK;
}

static void session_row(sqlite3_stmt *st, void *row)
{
	struct group_session *s = row;

	s->id = sqlite3_column_int64(st, 0);
	db_col_copy(st, 1, s->held_on, sizeof(s->held_on));
	s->head_count = sqlite3_column_int(st, 2);
	db_col_copy(st, 3, s->notes, sizeof(s->notes));
}

int group_sessions(struct cd_db *db, const struct actor *a, const struct group *g,
		   struct group_session **out, size_t *n)
{
	sqlite3_stmt *st;

	*out = NULL;
	*n = 0;
	if (!actor_can(a, PERM_OFFER_READ))
		return CD_EPERM;
	if (db_prepare(db, "SELECT id, held_on, head_count, notes FROM group_session m WHERE "
		       SAME_GROUP("m") " ORDER BY held_on DESC, id DESC", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, g->programme_id);
	sqlite3_bind_int64(st, 2, g->service_id);
	sqlite3_bind_int64(st, 3, g->activity_id);
	return db_collect(st, sizeof(**out), session_row, (void **)out, n);
}
