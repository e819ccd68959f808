/* db.h - the database file: open, create, migrate, check.
 *
 * One SQLite file holds a whole centre.  Several desks (terminals, ssh
 * sessions) may have it open at once: WAL journal and a busy timeout make
 * their writes wait for each other instead of failing.
 */
#ifndef CUSDESK_DB_H
#define CUSDESK_DB_H

#include <stdbool.h>
#include <stdint.h>

#include "util.h"

struct cd_db;

enum db_open_mode {
	DB_OPEN_EXISTING,  /* the file must exist */
	DB_CREATE_NEW,     /* the file must NOT exist; created with mode 0600 */
};

/* Opens (or creates) the file at path and brings its schema up to date.
 * On failure returns a CD_E* status and, when errmsg is not NULL, a
 * translated message the caller frees.  *out is set only on success. */
int db_open(const char *path, enum db_open_mode mode, struct cd_db **out,
	    char **errmsg);
/* Closes and sets *db to NULL; NULL is fine. */
void db_close(struct cd_db **db);

/* $CUSDESK_DB, else $XDG_DATA_HOME/cusdesk/cusdesk.db, else
 * ~/.local/share/cusdesk/cusdesk.db.  Caller frees. */
char *db_default_path(void);
/* Creates the directories leading to path (mode 0700). */
int db_make_parent_dirs(const char *path);

const char *db_path(const struct cd_db *db);
/* The schema version this program writes (highest embedded migration). */
int db_latest_version(void);
int db_schema_version(struct cd_db *db);

/* Integrity and schema check; appends a human-readable report to out and
 * returns CD_OK when everything is fine. */
int db_check(struct cd_db *db, struct strbuf *out);

/* Settings (key/value, text).  setting_get returns a copy (caller frees)
 * or a copy of def when unset. */
char *setting_get(struct cd_db *db, const char *key, const char *def);
int setting_get_int(struct cd_db *db, const char *key, int def);
int setting_set(struct cd_db *db, const char *key, const char *value);

/* The audit log: who did what to which record. */
/* Who made the last change to a record and when (from the audit log):
 * the user's name and "YYYY-MM-DD HH:MM:SS"; CD_ENOTFOUND when none. */
int audit_last_change(struct cd_db *db, const char *entity, int64_t entity_id, char *who,
		      size_t who_size, char *at, size_t at_size);
/* Adds an entry, chained to the one before it (audit.c), with the OS
 * account the program runs as; its own transaction, or a savepoint in the
 * caller's. */
int audit_add(struct cd_db *db, int64_t user_id, const char *action,
	      const char *entity, int64_t entity_id, const char *detail);
/* The last entry's id and hash (the chain's head, to note down or compare
 * with a backup's); CD_ENOTFOUND when the log is empty. */
int audit_head(struct cd_db *db, int64_t *id, char hash[65]);

/* A database made for tests (`init --test`) or the demo: the environment's
 * test switches (CUSDESK_TODAY, CUSDESK_LOCK_SECONDS) act only there; on a
 * real database db_open refuses while one is set.  db_mark_kind records
 * "test" or "demo" (init, the demo filling). */
bool db_is_test(const struct cd_db *db);
bool db_test_switches_set(void);
int db_mark_kind(struct cd_db *db, const char *kind);

/* Where storage errors go: by default to stderr; the desk sets a hook so
 * that, while curses runs, they reach a log file and the status line. */
extern void (*db_log_hook)(const char *msg);
/* A bulk job's connection (import, anonymisation): on, its commits do not
 * checkpoint the WAL (inside a step, so that the step stays short) and
 * are synced by the job's last commit, made after db_bulk(db, false);
 * db_job_pause then checkpoints between steps, outside the write lock, and
 * leaves the lock free JOB_YIELD_MS for the desks waiting. */
void db_bulk(struct cd_db *db, bool on);
void db_job_pause(struct cd_db *db, int ms);
/* Copies the write-ahead log into the database when no one is waiting for
 * this connection (the desk after a second without a key, the command
 * line before it ends), so that a save rarely has to: a commit does it
 * only past DB_CHECKPOINT_PAGES pages of log. */
void db_idle(struct cd_db *db);
#define DB_CHECKPOINT_PAGES 10000
/* A long job checkpoints in its pauses once its log holds this many pages
 * (4 MiB): the log stays small without a synced checkpoint every step. */
#define JOB_CHECKPOINT_PAGES 1000

/* How long a write waits for another desk's before it is refused. */
#define DB_BUSY_WAIT_MS 30000
/* Called with true when a write has waited 300 ms for another desk's (the
 * desk says "another user is saving, waiting..."), with false when that
 * write is done. */
extern void (*db_wait_hook)(bool waiting);
void db_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
