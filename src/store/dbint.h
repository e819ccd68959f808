/* dbint.h - private to src/: SQLite handle and statement helpers.
 * Never include this from ui/. */
#ifndef CUSDESK_DBINT_H
#define CUSDESK_DBINT_H

#include <sqlite3.h>
#include <stdbool.h>

#include "db.h"

struct cd_db {
	sqlite3 *h;
	char *path;
	int tx_depth;   /* nesting of db_begin; inner levels are savepoints */
	long busy_waited; /* ms waited for another desk's write so far */
	long busy_limit;  /* and how long it waits (DB_BUSY_WAIT_MS) */
	bool bulk;        /* a long job's connection (db_bulk) */
	int job_fd;       /* its hold on the jobs' lock file, or -1 */
	bool others_wrote; /* another connection committed in its last pause */
	int wal_pages;     /* a long job's: pages in the log after its last commit */
	char os_account[64]; /* the OS account the program runs as */
	bool test;           /* a test or demo database: test switches act */
	/* db_cached: statements kept prepared, by their text */
	struct db_cached_stmt {
		char *sql;
		sqlite3_stmt *st;
		bool busy;
	} cache[64];
	unsigned cache_next;
};

/* audit.c: chains the entries without a hash (migration 10 only), and
 * checks the chain, adding what it found to out; CD_EDB when broken. */
int audit_chain_existing(struct cd_db *db);
struct strbuf;
int audit_check(struct cd_db *db, struct strbuf *out);

/* Prepares sql; on failure logs to stderr and returns CD_EDB. */
int db_prepare(struct cd_db *db, const char *sql, sqlite3_stmt **st);
int db_exec(struct cd_db *db, const char *sql);
/* Transactions nest: the outermost db_begin is BEGIN IMMEDIATE, inner ones
 * are savepoints, so a function that saves "one thing" in its own
 * transaction can also run inside a caller's larger one.  Every db_begin
 * is matched by one successful db_commit or by db_rollback (also after a
 * failed db_commit). */
int db_begin(struct cd_db *db);
int db_commit(struct cd_db *db);
void db_rollback(struct cd_db *db);

/* Binds text, or NULL when s is NULL or empty. */
int db_bind_text_or_null(sqlite3_stmt *st, int idx, const char *s);
/* Binds an id, or NULL when id <= 0. */
int db_bind_id_or_null(sqlite3_stmt *st, int idx, int64_t id);
/* Copies column text into dst (empty for NULL). */
void db_col_copy(sqlite3_stmt *st, int col, char *dst, size_t size);
/* Column text duplicated (empty string for NULL). */
char *db_col_dup(sqlite3_stmt *st, int col);
int64_t db_col_id(sqlite3_stmt *st, int col);  /* 0 for NULL */

/* Steps a prepared (and bound) query, reading each row with fn into a new
 * zeroed element of size bytes appended to *out (allocated; *n counts
 * them), and finalizes it.  A step that fails (SQLITE_BUSY after the busy
 * timeout, a damaged file) ends it with CD_EDB, *out NULL and *n 0: never
 * a silently short list. */
int db_collect(sqlite3_stmt *st, size_t size, void (*fn)(sqlite3_stmt *, void *),
	       void **out, size_t *n);

/* Finalizes a statement whose rows were read with sqlite3_step: CD_OK when
 * the last step ended the rows, else CD_EDB (logged).  A loop
 * `while (sqlite3_step(st) == SQLITE_ROW)` ends with this, never with a
 * bare sqlite3_finalize, so a failed step is never a short list. */
int db_finish(sqlite3_stmt *st);
/* db_finish for a list of flat elements (no owned pointers): on failure
 * frees *out and leaves *out NULL, *n 0. */
int db_finish_list(sqlite3_stmt *st, void **out, size_t *n);

/* Steps a statement that returns no rows and finalizes it. */
int db_step_done(struct cd_db *db, sqlite3_stmt *st);

/* The statements a desk repeats on every key, row or save (the audit
 * chain, a person's save and index, the access check), prepared once per
 * connection and kept, found again by their text (built text too, as
 * long as it holds no user input: that goes in bound parameters, as
 * everywhere).  Give the statement back with db_release or db_cached_done,
 * never sqlite3_finalize; it comes back reset, its bindings cleared.  A
 * statement already in use (a nested call) is prepared afresh and
 * finalized on release. */
int db_cached(struct cd_db *db, const char *sql, sqlite3_stmt **st);
/* CD_OK, or CD_EDB (logged) when its last step failed. */
int db_release(struct cd_db *db, sqlite3_stmt *st);
/* db_step_done for a cached statement. */
int db_cached_done(struct cd_db *db, sqlite3_stmt *st);

#endif
