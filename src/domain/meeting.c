/* meeting.c - the coordinators' meetings. */
#include "meeting.h"
#include "catalogue.h"
#include "dbint.h"
#include "i18n.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

void meeting_init(struct meeting *m)
{
	struct date today;

	memset(m, 0, sizeof(*m));
	date_today(&today);
	date_format(&today, m->held_on);
}

void meeting_release(struct meeting *m)
{
	free(m->plans);
	m->plans = NULL;
	m->nplans = 0;
}

int meeting_save(struct cd_db *db, const struct actor *a, struct meeting *m,
		 struct fielderr *e)
{
	int rc;
	struct date held, today;
	sqlite3_stmt *st;
	size_t i;

	fielderr_clear(e);
	if (a->user_id != 0 && !actor_can(a, PERM_REPORTS)) {
		fielderr_set(e, -1, "%s", _("meetings are recorded by the services organiser or "
					    "the director"));
		return CD_EPERM;
	}
	if (text_field_check(m->attendees, true, MEET_F_ATTENDEES, _("Attendees"), e) ||
	    text_field_check(m->invited, true, MEET_F_INVITED, _("Invited"), e) ||
	    text_field_check(m->notes, true, MEET_F_NOTES, _("Notes"), e) ||
	    text_field_check(m->decisions, true, MEET_F_DECISIONS, _("Decisions"), e))
		return CD_EINVAL;
	str_trim(m->held_on);
	str_trim(m->attendees);
	date_today(&today);
	if (!date_parse(m->held_on, &held))
		return fielderr_set(e, MEET_F_HELD_ON, "%s",
				    _("Date: not a valid date (use YYYY-MM-DD)"));
	if (date_cmp(&held, &today) > 0)
		return fielderr_set(e, MEET_F_HELD_ON, "%s", _("Date: cannot be in the future"));
	if (!m->attendees[0])
		return fielderr_set(e, MEET_F_ATTENDEES, "%s",
				    _("Attendees: say who took part"));
	if ((rc = db_begin(db)))
		return rc;
	if (db_prepare(db, m->id ?
		       "UPDATE meeting SET held_on = ?2, attendees = ?3, invited = ?4, notes = ?5, "
		       "decisions = ?6 WHERE id = ?1" :
		       "INSERT INTO meeting(held_on, attendees, invited, notes, decisions, "
		       "created_by) VALUES (?2, ?3, ?4, ?5, ?6, ?7)", &st))
		goto fail;
	if (m->id)
		sqlite3_bind_int64(st, 1, m->id);
	sqlite3_bind_text(st, 2, m->held_on, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, m->attendees, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, m->invited, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, m->notes, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, m->decisions, -1, SQLITE_STATIC);
	if (!m->id)
		db_bind_id_or_null(st, 7, a->user_id);
	if (db_step_done(db, st))
		goto fail;
	if (!m->id)
		m->id = sqlite3_last_insert_rowid(db->h);
	if (db_prepare(db, "DELETE FROM meeting_plan WHERE meeting_id = ?1", &st))
		goto fail;
	sqlite3_bind_int64(st, 1, m->id);
	if (db_step_done(db, st))
		goto fail;
	for (i = 0; i < m->nplans; i++) {
		if (db_prepare(db, "INSERT OR IGNORE INTO meeting_plan(meeting_id, plan_id) "
			       "SELECT ?1, id FROM plan WHERE id = ?2", &st))
			goto fail;
		sqlite3_bind_int64(st, 1, m->id);
		sqlite3_bind_int64(st, 2, m->plans[i]);
		if (db_step_done(db, st))
			goto fail;
	}
	if (db_commit(db))
		goto fail;
	return CD_OK;
fail:
	db_rollback(db);
	return CD_EDB;
}

int meeting_list(struct cd_db *db, const struct actor *a, struct meeting **out, size_t *n)
{
	sqlite3_stmt *st, *pl;
	int prc = SQLITE_DONE;
	size_t cap = 4;

	*out = NULL;
	*n = 0;
	if (a->user_id != 0 && !actor_can(a, PERM_CASE_CONTENT))
		return CD_EPERM;
	if (db_prepare(db, "SELECT id, held_on, attendees, invited, notes, decisions FROM meeting "
		       "ORDER BY held_on DESC, id DESC", &st))
		return CD_EDB;
	if (db_prepare(db, "SELECT p.id, r.case_ref FROM meeting_plan mp JOIN plan p "
		       "ON p.id = mp.plan_id JOIN request r ON r.id = p.request_id "
		       "WHERE mp.meeting_id = ?1 ORDER BY r.case_year, r.case_no", &pl)) {
		sqlite3_finalize(st);
		return CD_EDB;
	}
	*out = xcalloc(cap, sizeof(**out));
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct meeting *m = array_push((void **)out, n, &cap, sizeof(**out));
		struct strbuf sb;
		size_t pcap = 0;
		m->id = sqlite3_column_int64(st, 0);
		db_col_copy(st, 1, m->held_on, sizeof(m->held_on));
		db_col_copy(st, 2, m->attendees, sizeof(m->attendees));
		db_col_copy(st, 3, m->invited, sizeof(m->invited));
		db_col_copy(st, 4, m->notes, sizeof(m->notes));
		db_col_copy(st, 5, m->decisions, sizeof(m->decisions));
		sqlite3_reset(pl);
		sqlite3_bind_int64(pl, 1, m->id);
		sb_init(&sb);
		sb_add(&sb, "");
		while ((prc = sqlite3_step(pl)) == SQLITE_ROW) {
			int64_t *id = array_push((void **)&m->plans, &m->nplans, &pcap,
						 sizeof(*m->plans));
			*id = sqlite3_column_int64(pl, 0);
			sb_addf(&sb, "%s%s", m->nplans > 1 ? ", " : "",
				(const char *)sqlite3_column_text(pl, 1));
		}
		str_copy(m->plans_text, sizeof(m->plans_text), sb.buf);
		sb_release(&sb);
		if (prc != SQLITE_DONE)
			break;
	}
	sqlite3_finalize(pl);
	if (db_finish(st) || prc != SQLITE_DONE) {
		meeting_list_free(*out, *n);
		*out = NULL;
		*n = 0;
		return CD_EDB;
	}
	return CD_OK;
}

void meeting_list_free(struct meeting *l, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		meeting_release(&l[i]);
	free(l);
}

bool meeting_next_due(struct cd_db *db, const struct date *today, struct date *due)
{
	sqlite3_stmt *st;
	bool found = false;
	struct date last;

	*due = *today;
	/* from the last meeting held, never from one dated in the future */
	if (db_prepare(db, "SELECT max(held_on) FROM meeting WHERE held_on <= ?1", &st))
		return false;
	{
		char d[11];
		date_format(today, d);
		sqlite3_bind_text(st, 1, d, -1, SQLITE_TRANSIENT);
	}
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL &&
	    date_parse((const char *)sqlite3_column_text(st, 0), &last)) {
		date_add_months(&last, MEETING_EVERY_MONTHS, due);
		found = true;
	}
	sqlite3_finalize(st);
	return found;
}

static void choice_row(sqlite3_stmt *st, void *row)
{
	struct choice *c = row;

	c->id = sqlite3_column_int64(st, 0);
	db_col_copy(st, 1, c->label, sizeof(c->label));
}

int meeting_open_plans(struct cd_db *db, const struct actor *a, struct choice **out,
		       size_t *n)
{
	sqlite3_stmt *st;

	*out = NULL;
	*n = 0;
	if (a->user_id != 0 && !actor_can(a, PERM_REPORTS))
		return CD_EPERM;
	if (db_prepare(db, "SELECT p.id, r.case_ref || '  ' || pe.surname || ' ' || pe.first_names "
		       "FROM plan p JOIN request r ON r.id = p.request_id "
		       "JOIN person pe ON pe.id = r.person_id WHERE NOT EXISTS "
		       "(SELECT 1 FROM closure c WHERE c.plan_id = p.id) "
		       "ORDER BY r.case_year, r.case_no", &st))
		return CD_EDB;
	return db_collect(st, sizeof(**out), choice_row, (void **)out, n);
}
