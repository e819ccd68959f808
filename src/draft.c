/* draft.c - autosaved text. */
#include "draft.h"
#include "dbint.h"

#include <string.h>

int draft_save(struct cd_db *db, int64_t user_id, const char *key, const char *text)
{
	sqlite3_stmt *st;

	if (db_prepare(db, "INSERT INTO text_draft(user_id, draft_key, text) VALUES (?1, ?2, ?3) "
		       "ON CONFLICT(user_id, draft_key) DO UPDATE SET text = excluded.text, "
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
