/* draft.c - autosaved text. */
#include "draft.h"
#include "dbint.h"

#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int draft_save(struct cd_db *db, int64_t user_id, const char *key, const char *text)
{
	sqlite3_stmt *st;

	if (db_prepare(db, "INSERT INTO text_draft(user_id, draft_key, text, updated_at) "
		       "VALUES (?1, ?2, ?3, cd_now()) ON CONFLICT(user_id, draft_key) DO UPDATE SET text = excluded.text, "
		       "updated_at = cd_now()", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, text ? text : "", -1, SQLITE_STATIC);
	return db_step_done(db, st);
}

char *draft_get(struct cd_db *db, int64_t user_id, const char *key, char saved_at[24])
{
	sqlite3_stmt *st;
	char *text = NULL;

	if (db_prepare(db, "SELECT text, updated_at FROM text_draft WHERE user_id = ?1 "
		       "AND draft_key = ?2", &st))
		return NULL;
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		text = db_col_dup(st, 0);
		if (saved_at)
			db_col_copy(st, 1, saved_at, 24);
	}
	sqlite3_finalize(st);
	return text;
}

int draft_clear(struct cd_db *db, int64_t user_id, const char *key)
{
	sqlite3_stmt *st;

	if (db_prepare(db, "DELETE FROM text_draft WHERE user_id = ?1 AND draft_key = ?2", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	return db_step_done(db, st);
}

int draft_clear_prefix(struct cd_db *db, int64_t user_id, const char *prefix)
{
	sqlite3_stmt *st;

	/* substr comparison: no LIKE, so % and _ in keys mean nothing */
	if (db_prepare(db, "DELETE FROM text_draft WHERE user_id = ?1 AND "
		       "substr(draft_key, 1, length(?2)) = ?2", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_text(st, 2, prefix, -1, SQLITE_STATIC);
	return db_step_done(db, st);
}

int draft_count(struct cd_db *db, int64_t user_id)
{
	sqlite3_stmt *st;
	int n = 0;

	if (db_prepare(db, "SELECT count(*) FROM text_draft WHERE user_id = ?1", &st))
		return 0;
	sqlite3_bind_int64(st, 1, user_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

int draft_forms(struct cd_db *db, int64_t user_id, struct draft_form **out, size_t *n)
{
	sqlite3_stmt *st, *q;
	size_t cap = 4;

	*out = NULL;
	*n = 0;
	if (db_prepare(db, "SELECT draft_key, updated_at FROM text_draft WHERE user_id = ?1 "
		       "AND text <> '' ORDER BY updated_at DESC", &st))
		return CD_EDB;
	if (db_prepare(db, "SELECT r.id, r.case_ref, p.surname || ' ' || p.first_names "
		       "FROM request r JOIN person p ON p.id = r.person_id WHERE r.id = "
		       "CASE WHEN ?1 THEN (SELECT request_id FROM plan WHERE id = ?2) ELSE ?2 END",
		       &q)) {
		sqlite3_finalize(st);
		return CD_EDB;
	}
	sqlite3_bind_int64(st, 1, user_id);
	*out = xcalloc(cap, sizeof(**out));
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);
		struct draft_form f;
		size_t i;
		bool seen = false;
		memset(&f, 0, sizeof(f));
		if (!key || sscanf(key, "%15[a-z]:%lld:%15[a-z_]", f.form, (long long *)&f.id,
				   f.part) < 2)
			continue;
		if (strcmp(f.form, "assessment"))
			f.part[0] = '\0';
		for (i = 0; i < *n; i++)
			seen |= !strcmp((*out)[i].form, f.form) && (*out)[i].id == f.id &&
				!strcmp((*out)[i].part, f.part);
		if (seen)
			continue;
		db_col_copy(st, 1, f.saved_at, sizeof(f.saved_at));
		sqlite3_reset(q);
		sqlite3_bind_int(q, 1, !strcmp(f.form, "monitoring") || !strcmp(f.form, "closing"));
		sqlite3_bind_int64(q, 2, f.id);
		if (sqlite3_step(q) != SQLITE_ROW)
			continue;               /* the case is gone */
		f.request_id = sqlite3_column_int64(q, 0);
		db_col_copy(q, 1, f.case_ref, sizeof(f.case_ref));
		db_col_copy(q, 2, f.person, sizeof(f.person));
		if (*n == cap) {
			cap *= 2;
			*out = xrealloc(*out, cap * sizeof(**out));
		}
		(*out)[(*n)++] = f;
	}
	sqlite3_finalize(q);
	return db_finish_list(st, (void **)out, n);
}
