/* db.c - opening, migrations, settings, audit log. */
#include "dbint.h"
#include "backup.h"
#include "codes.h"
#include "embedded.h"
#include "job.h"
#include "i18n.h"
#include "text.h"
#include "validate.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

void (*db_log_hook)(const char *msg);
void (*db_wait_hook)(bool waiting);

/* Waiting for another desk's write: short sleeps, growing to 5 ms, for up
 * to DB_BUSY_WAIT_MS in all (a bulk job writes in steps of well under a
 * second, so this is a desk's save, never a lost one); after the first
 * 300 ms the wait hook lets the desk say so.  A long job's connection
 * polls every 10 ms: a desk waiting beside it gets the lock first. */
static int busy_wait(void *ctx, int count)
{
	/* short polls: a bulk job leaves the lock free for a moment after every
	 * step (JOB_YIELD_MS), and a waiting desk must not sleep past it */
	static const int steps[] = {1, 2, 3, 5, 5, 5};
	struct cd_db *db = ctx;
	int ms = db->bulk ? 10 : count < (int)(sizeof(steps) / sizeof(steps[0])) ? steps[count] : 5;

	if (count == 0)
		db->busy_waited = 0;
	if (db->busy_waited >= db->busy_limit)
		return 0;
	if (db_wait_hook && !db->bulk && db->busy_waited < 300 && db->busy_waited + ms >= 300)
		db_wait_hook(true);
	sqlite3_sleep(ms);
	db->busy_waited += ms;
	return 1;
}

void db_log(const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (db_log_hook)
		db_log_hook(msg);
	else
		fprintf(stderr, "cusdesk: %s\n", msg);
}

int db_prepare(struct cd_db *db, const char *sql, sqlite3_stmt **st)
{
	if (sqlite3_prepare_v2(db->h, sql, -1, st, NULL) != SQLITE_OK) {
		db_log("sql error: %s; in: %s", sqlite3_errmsg(db->h), sql);
		*st = NULL;
		return CD_EDB;
	}
	return CD_OK;
}

int db_exec(struct cd_db *db, const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(db->h, sql, NULL, NULL, &err) != SQLITE_OK) {
		db_log("sql error: %s", err ? err : "?");
		sqlite3_free(err);
		return CD_EDB;
	}
	return CD_OK;
}

/* Long jobs take turns: one at a time runs a step and the pause after it,
 * holding the lock file "<database>-job" (flock: the kernel lets it go when
 * the job dies), so that two jobs at once never run their steps back to
 * back and the desks always find the write lock free between steps. */
static void job_turn(struct cd_db *db, bool take)
{
	if (take && db->job_fd < 0) {
		char *p = xasprintf("%s-job", db->path);
		db->job_fd = open(p, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
		free(p);
	}
	if (db->job_fd >= 0)
		while (flock(db->job_fd, take ? LOCK_EX : LOCK_UN) && errno == EINTR)
			;
}

/* A long job's log size after each commit (its pauses checkpoint when the
 * log has grown, not after every step: each checkpoint syncs the file). */
static int job_wal_hook(void *ctx, sqlite3 *h, const char *name, int pages)
{
	(void)h;
	(void)name;
	((struct cd_db *)ctx)->wal_pages = pages;
	return SQLITE_OK;
}

void db_bulk(struct cd_db *db, bool on)
{
	db->bulk = on;
	db->others_wrote = true;
	db->wal_pages = 0;
	if (!on)
		job_turn(db, false);
	/* a job reads far more of the file than a desk: a larger page cache
	 * while it runs (reads from the kernel's cache cost a call each), the
	 * desk's small default again after */
	db_exec(db, on ? "PRAGMA cache_size = -32768" : "PRAGMA cache_size = -2000");
	/* the automatic checkpoint is itself a log hook: one or the other */
	if (on)
		sqlite3_wal_hook(db->h, job_wal_hook, db);
	else
		sqlite3_wal_autocheckpoint(db->h, DB_CHECKPOINT_PAGES);
	/* a step's commit is not synced on its own: the job's last commit
	 * (FULL again) syncs the log with every step before it, and a power
	 * cut before that loses the unfinished job only, which is taken back
	 * whole (an import) or run again (an anonymisation) */
	db_exec(db, on ? "PRAGMA synchronous = NORMAL" : "PRAGMA synchronous = FULL");
	if (!on)
		sqlite3_wal_checkpoint_v2(db->h, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
}

void db_idle(struct cd_db *db)
{
	/* PASSIVE: never waits for a reader or a writer, and returns at once
	 * when another desk is checkpointing or the log is already copied */
	if (db && db->h && !db->tx_depth)
		sqlite3_wal_checkpoint_v2(db->h, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
}

/* PRAGMA data_version: changes when another connection commits. */
static long long data_version(struct cd_db *db)
{
	sqlite3_stmt *st;
	long long v = -1;

	if (sqlite3_prepare_v2(db->h, "PRAGMA data_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

void db_job_pause(struct cd_db *db, int ms)
{
	long long t0 = 0, v = data_version(db);
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	t0 = (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
	if (db->wal_pages >= JOB_CHECKPOINT_PAGES) {
		sqlite3_wal_checkpoint_v2(db->h, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
		db->wal_pages = 0;
	}
	/* nobody saved in the last pause: nobody is waiting, a short one is
	 * enough for a desk that begins to (it polls every 5 ms at most) */
	if (!db->others_wrote && ms > JOB_QUIET_YIELD_MS)
		ms = JOB_QUIET_YIELD_MS;
	clock_gettime(CLOCK_MONOTONIC, &t);
	ms -= (int)((long long)t.tv_sec * 1000 + t.tv_nsec / 1000000 - t0);
	if (ms > 0)
		sqlite3_sleep(ms);
	db->others_wrote = data_version(db) != v;
	/* the pause was part of this job's turn: another job may step now */
	job_turn(db, false);
}

/* A statement without rows run from the cache (the savepoints of nested
 * saves: parsed once, not on every save). */
static int db_kept(struct cd_db *db, const char *sql)
{
	sqlite3_stmt *st;

	if (db_cached(db, sql, &st))
		return CD_EDB;
	return db_cached_done(db, st);
}

int db_begin(struct cd_db *db)
{
	int rc;

	if (db->tx_depth)
		rc = db_kept(db, "SAVEPOINT nested");
	else {
		db->busy_waited = 0;
		if (db->bulk)
			job_turn(db, true);
		rc = sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL);
		if (db->busy_waited >= 300 && db_wait_hook && !db->bulk)
			db_wait_hook(false);
		if (rc == SQLITE_BUSY) {
			db_log("BEGIN IMMEDIATE: busy for %ld ms", db->busy_waited);
			return CD_EBUSY;
		}
		rc = rc == SQLITE_OK ? CD_OK : (db_log("BEGIN IMMEDIATE: %s",
						       sqlite3_errmsg(db->h)), CD_EDB);
	}
	if (!rc)
		db->tx_depth++;
	return rc;
}

int db_commit(struct cd_db *db)
{
	int rc;

	if (db->tx_depth <= 0)
		BUG("commit without begin");
	/* on failure the transaction stays open: the caller rolls back */
	rc = db->tx_depth > 1 ? db_kept(db, "RELEASE nested") : db_exec(db, "COMMIT");
	if (rc)
		return rc;
	db->tx_depth--;
	return CD_OK;
}

void db_rollback(struct cd_db *db)
{
	if (db->tx_depth <= 0)
		return;
	if (db->tx_depth > 1) {
		db_kept(db, "ROLLBACK TO nested");
		db_kept(db, "RELEASE nested");
	}
	else if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	db->tx_depth--;
}

int db_bind_text_or_null(sqlite3_stmt *st, int idx, const char *s)
{
	if (!s || !*s)
		return sqlite3_bind_null(st, idx);
	return sqlite3_bind_text(st, idx, s, -1, SQLITE_TRANSIENT);
}

int db_bind_id_or_null(sqlite3_stmt *st, int idx, int64_t id)
{
	if (id <= 0)
		return sqlite3_bind_null(st, idx);
	return sqlite3_bind_int64(st, idx, id);
}

void db_col_copy(sqlite3_stmt *st, int col, char *dst, size_t size)
{
	const char *s = (const char *)sqlite3_column_text(st, col);
	str_copy(dst, size, s ? s : "");
}

char *db_col_dup(sqlite3_stmt *st, int col)
{
	const char *s = (const char *)sqlite3_column_text(st, col);
	return xstrdup(s ? s : "");
}

int64_t db_col_id(sqlite3_stmt *st, int col)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL ?
		0 : sqlite3_column_int64(st, col);
}

int db_collect(sqlite3_stmt *st, size_t size, void (*fn)(sqlite3_stmt *, void *),
	       void **out, size_t *n)
{
	size_t cap = 8;
	int rc;

	*n = 0;
	*out = xcalloc(cap, size);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(st, array_push(out, n, &cap, size));
	if (rc != SQLITE_DONE) {
		db_log("sql error: %s", sqlite3_errmsg(sqlite3_db_handle(st)));
		sqlite3_finalize(st);
		free(*out);
		*out = NULL;
		*n = 0;
		return CD_EDB;
	}
	sqlite3_finalize(st);
	return CD_OK;
}

int db_finish(sqlite3_stmt *st)
{
	sqlite3 *h = sqlite3_db_handle(st);

	if (sqlite3_finalize(st) != SQLITE_OK) {
		db_log("sql error: %s", sqlite3_errmsg(h));
		return CD_EDB;
	}
	return CD_OK;
}

int db_finish_list(sqlite3_stmt *st, void **out, size_t *n)
{
	if (db_finish(st)) {
		free(*out);
		*out = NULL;
		*n = 0;
		return CD_EDB;
	}
	return CD_OK;
}

/* What the step of a statement that returns no rows came to. */
static int step_outcome(struct cd_db *db, int rc)
{
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return CD_OK;
	if (rc == SQLITE_CONSTRAINT)
		return CD_EEXIST;
	db_log("sql error: %s", sqlite3_errmsg(db->h));
	return CD_EDB;
}

int db_step_done(struct cd_db *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_finalize(st);
	return step_outcome(db, rc);
}

int db_cached(struct cd_db *db, const char *sql, sqlite3_stmt **st)
{
	struct db_cached_stmt *c = NULL;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(db->cache); i++)
		if (db->cache[i].sql && !strcmp(db->cache[i].sql, sql)) {
			c = &db->cache[i];
			break;
		}
	if (c && !c->busy) {
		c->busy = true;
		*st = c->st;
		return CD_OK;
	}
	if (c) /* in use further up: a statement of its own */
		return db_prepare(db, sql, st);
	/* a free slot, else the next one not in use */
	for (i = 0; i < ARRAY_SIZE(db->cache) && !c; i++) {
		struct db_cached_stmt *x = &db->cache[(db->cache_next + i) % ARRAY_SIZE(db->cache)];
		if (!x->busy)
			c = x;
	}
	if (!c)
		return db_prepare(db, sql, st);
	db->cache_next = (unsigned)((c - db->cache) + 1) % ARRAY_SIZE(db->cache);
	if (c->st)
		sqlite3_finalize(c->st);
	free(c->sql);
	c->sql = NULL;
	c->st = NULL;
	if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK) {
		db_log("sql error: %s\n  in: %s", sqlite3_errmsg(db->h), sql);
		*st = NULL;
		return CD_EDB;
	}
	c->sql = xstrdup(sql);
	c->st = *st;
	c->busy = true;
	return CD_OK;
}

int db_release(struct cd_db *db, sqlite3_stmt *st)
{
	size_t i;
	int rc;

	if (!st)
		return CD_OK;
	for (i = 0; i < ARRAY_SIZE(db->cache); i++)
		if (db->cache[i].st == st && db->cache[i].busy) {
			rc = sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			db->cache[i].busy = false;
			if (rc != SQLITE_OK) {
				db_log("sql error: %s", sqlite3_errmsg(db->h));
				return CD_EDB;
			}
			return CD_OK;
		}
	return db_finish(st);
}

int db_cached_done(struct cd_db *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	db_release(db, st);
	return step_outcome(db, rc);
}

static void cache_clear(struct cd_db *db)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(db->cache); i++) {
		if (db->cache[i].st)
			sqlite3_finalize(db->cache[i].st);
		free(db->cache[i].sql);
		db->cache[i].st = NULL;
		db->cache[i].sql = NULL;
		db->cache[i].busy = false;
	}
}

char *db_default_path(void)
{
	const char *env = getenv("CUSDESK_DB");
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");

	if (env && *env)
		return xstrdup(env);
	if (xdg && *xdg)
		return xasprintf("%s/cusdesk/cusdesk.db", xdg);
	return xasprintf("%s/.local/share/cusdesk/cusdesk.db",
			 home && *home ? home : ".");
}

int db_make_parent_dirs(const char *path)
{
	char *dir = xstrdup(path);
	char *p;
	int rc = CD_OK;

	for (p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			rc = CD_EIO;
		*p = '/';
	}
	free(dir);
	return rc;
}

/* Migrations are the embedded files "migrations/NNNN_name.sql". */
static int migration_version(const char *name)
{
	const char *base = name + strlen("migrations/");
	return atoi(base);
}

int db_latest_version(void)
{
	const struct embedded_file *f;
	int max = 0;

	for (f = embedded_files; f->name; f++)
		if (!strncmp(f->name, "migrations/", 11) &&
		    migration_version(f->name) > max)
			max = migration_version(f->name);
	return max;
}

int db_schema_version(struct cd_db *db)
{
	sqlite3_stmt *st;
	int v = -1;

	if (db_prepare(db, "PRAGMA user_version", &st))
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int migrate(struct cd_db *db, char **errmsg)
{
	int current = db_schema_version(db), latest = db_latest_version();
	int v;

	if (current < 0)
		return CD_EDB;
	if (current > latest) {
		if (errmsg)
			*errmsg = xasprintf(_("the database %s has schema version %d, "
					      "newer than this program knows (%d); "
					      "install a newer cusdesk"),
					    db->path, current, latest);
		return CD_ESCHEMA;
	}
	for (v = current + 1; v <= latest; v++) {
		const struct embedded_file *f, *found = NULL;
		char pragma[64];

		for (f = embedded_files; f->name; f++)
			if (!strncmp(f->name, "migrations/", 11) &&
			    migration_version(f->name) == v)
				found = f;
		if (!found)
			BUG("migration %d missing", v);
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", v);
		if (db_begin(db)) {
			if (errmsg)
				*errmsg = xasprintf(_("upgrading the database to "
						      "schema version %d failed"), v);
			return CD_EDB;
		}
		if (db_schema_version(db) >= v) {
			/* another desk upgraded it meanwhile (BEGIN IMMEDIATE waited) */
			if (db_commit(db))
				db_rollback(db);
			continue;
		}
		if (db_exec(db, found->text) || (v == 10 && audit_chain_existing(db)) ||
		    db_exec(db, pragma) || db_commit(db)) {
			db_rollback(db);
			if (errmsg)
				*errmsg = xasprintf(_("upgrading the database to "
						      "schema version %d failed"), v);
			return CD_EDB;
		}
	}
	return CD_OK;
}

/* Registered so that SQL can order by Polish collation: COLLATE PL. */
static int pl_collation(void *unused, int la, const void *a, int lb, const void *b)
{
	char *sa = xstrndup(a, (size_t)la), *sb = xstrndup(b, (size_t)lb);
	int r;

	(void)unused;
	r = text_pl_cmp(sa, sb);
	free(sa);
	free(sb);
	return r;
}

/* cd_now(): "YYYY-MM-DD HH:MM:SS", local time, the date from the
 * program's clock (date_today) so that CUSDESK_TODAY moves it too. */
static void sql_cd_now(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct date d;
	struct tm tm;
	time_t t = time(NULL);
	char buf[32];

	(void)argc;
	(void)argv;
	date_today(&d);
	localtime_r(&t, &tm);
	snprintf(buf, sizeof(buf), "%04d-%02d-%02d %02d:%02d:%02d", d.y, d.m, d.d,
		 tm.tm_hour, tm.tm_min, tm.tm_sec);
	sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
}

/* Whether the file at path is a cusdesk database, read from its header
 * without opening it with SQLite (which would change another program's
 * file: the journal mode, a -wal file).  A cusdesk database is an SQLite
 * file whose user_version (the migration it is at) is 1 or more; while a
 * -wal file is there the header may lag behind, so that case is left to
 * SQLite and the migrations. */
static int check_header(const char *path, char **errmsg)
{
	static const char magic[16] = "SQLite format 3";
	unsigned char h[100];
	char *wal;
	struct stat sb;
	ssize_t got;
	unsigned long version;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	bool has_wal;

	if (fd < 0) {
		if (errmsg)
			*errmsg = xasprintf(_("cannot open %s: %s"), path, strerror(errno));
		return CD_EIO;
	}
	got = read(fd, h, sizeof(h));
	close(fd);
	wal = xasprintf("%s-wal", path);
	has_wal = stat(wal, &sb) == 0 && sb.st_size > 0;
	free(wal);
	if (got < (ssize_t)sizeof(h) || memcmp(h, magic, sizeof(magic))) {
		if (errmsg)
			*errmsg = xasprintf(got <= 0 ? _("%s is an empty file, not a cusdesk database "
							 "(create one with 'cusdesk --db %s init')") :
					    _("%s is not a cusdesk database (not an SQLite file); it "
					      "was left as it is"), path, path);
		return CD_ESCHEMA;
	}
	version = (unsigned long)h[60] << 24 | (unsigned long)h[61] << 16 |
		  (unsigned long)h[62] << 8 | h[63];
	if (!version && !has_wal) {
		if (errmsg)
			*errmsg = xasprintf(_("%s is not a cusdesk database (another program's SQLite "
					      "file); it was left as it is"), path);
		return CD_ESCHEMA;
	}
	return CD_OK;
}

/* The environment's test switches (a fixed "today", a shorter screen
 * lock) act only on a database made for tests or the demo; on a real one
 * the program refuses to start, so no one can backdate an approval. */
static const char *const test_switches[] = {"CUSDESK_TODAY", "CUSDESK_LOCK_SECONDS"};

static int test_gate(struct cd_db *db, enum db_open_mode mode, char **errmsg)
{
	char *kind = NULL;
	size_t i;

	if (mode != DB_CREATE_NEW)
		kind = setting_get(db, "database_kind", "real");
	db->test = kind && (!strcmp(kind, "test") || !strcmp(kind, "demo"));
	free(kind);
	date_test_clock(db->test);
	if (db->test || mode == DB_CREATE_NEW)
		return CD_OK;
	for (i = 0; i < ARRAY_SIZE(test_switches); i++)
		if (getenv(test_switches[i])) {
			if (errmsg)
				*errmsg = xasprintf(_("%s is a real database: %s works only on a "
						      "test or demo database; unset it"),
						    db->path, test_switches[i]);
			return CD_EPERM;
		}
	return CD_OK;
}

bool db_test_switches_set(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(test_switches); i++)
		if (getenv(test_switches[i]))
			return true;
	return false;
}

bool db_is_test(const struct cd_db *db)
{
	return db && db->test;
}

int db_mark_kind(struct cd_db *db, const char *kind)
{
	if (setting_set(db, "database_kind", kind))
		return CD_EDB;
	db->test = !strcmp(kind, "test") || !strcmp(kind, "demo");
	date_test_clock(db->test);
	return CD_OK;
}

int db_open(const char *path, enum db_open_mode mode, struct cd_db **out,
	    char **errmsg)
{
	struct cd_db *db;
	struct stat sb;
	int rc, flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;

	if (errmsg)
		*errmsg = NULL;
	if (mode == DB_CREATE_NEW) {
		int fd;
		if (stat(path, &sb) == 0) {
			if (errmsg)
				*errmsg = xasprintf(_("%s already exists; "
						      "refusing to overwrite it"), path);
			return CD_EEXIST;
		}
		db_make_parent_dirs(path);
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
		if (fd < 0) {
			if (errmsg)
				*errmsg = xasprintf(_("cannot create %s: %s"),
						    path, strerror(errno));
			return CD_EIO;
		}
		close(fd);
	} else if (stat(path, &sb) != 0) {
		if (errmsg)
			*errmsg = xasprintf(_("no database at %s (create one with "
					      "'cusdesk --db %s init')"), path, path);
		return CD_ENOTFOUND;
	} else if ((rc = check_header(path, errmsg))) {
		return rc;
	}

	db = xcalloc(1, sizeof(*db));
	db->path = xstrdup(path);
	db->job_fd = -1;
	{
		/* who the program runs as, in every audit entry */
		struct passwd *pw = getpwuid(geteuid());
		if (pw && pw->pw_name)
			snprintf(db->os_account, sizeof(db->os_account), "%s", pw->pw_name);
		else
			snprintf(db->os_account, sizeof(db->os_account), "uid %ld", (long)geteuid());
		/* the desk of a service account (tools/setup-host.sh): sudo names
		 * the staff member's own OS account */
		{
			const char *via = getenv("SUDO_USER");
			if (via && *via && strlen(via) < 32 && strcmp(via, db->os_account)) {
				size_t l = strlen(db->os_account);
				snprintf(db->os_account + l, sizeof(db->os_account) - l, " (sudo: %s)", via);
			}
		}
	}
	db->busy_limit = DB_BUSY_WAIT_MS;
	if (sqlite3_open_v2(path, &db->h, flags, NULL) != SQLITE_OK) {
		if (errmsg)
			*errmsg = xasprintf(_("cannot open %s: %s"), path,
					    db->h ? sqlite3_errmsg(db->h) : "?");
		db_close(&db);
		return CD_EDB;
	}
	sqlite3_busy_handler(db->h, busy_wait, db);
	/* the program's clock for timestamps (CUSDESK_TODAY moves it) */
	sqlite3_create_function(db->h, "cd_now", 0, SQLITE_UTF8, NULL, sql_cd_now, NULL, NULL);
	sqlite3_create_collation(db->h, "PL", SQLITE_UTF8, NULL, pl_collation);
	/* The journal mode query also proves the file is a database. */
	if (db_exec(db, "PRAGMA journal_mode = WAL") ||
	    db_exec(db, "PRAGMA foreign_keys = ON") ||
	    /* FULL: a committed save survives a power cut; it costs 0.3 ms a
	     * save here (tools/sync-cost.py), nothing a desk notices */
	    db_exec(db, "PRAGMA synchronous = FULL") ||
	    /* the undo of each savepoint (one per nested save) and the sorts
	     * of a report in memory: on disk each is a temporary file
	     * created, written and removed, ten per saved row of an import */
	    db_exec(db, "PRAGMA temp_store = MEMORY")) {
		if (errmsg)
			*errmsg = xasprintf(_("%s is not a cusdesk database"), path);
		db_close(&db);
		return CD_ESCHEMA;
	}
	if ((rc = test_gate(db, mode, errmsg))) {
		db_close(&db);
		return rc;
	}
	/* a save copies the log into the database only when it is very long:
	 * desks do it while idle (db_idle), long jobs between their steps */
	sqlite3_wal_autocheckpoint(db->h, DB_CHECKPOINT_PAGES);
	rc = migrate(db, errmsg);
	if (rc) {
		db_close(&db);
		return rc;
	}
	*out = db;
	return CD_OK;
}

void db_close(struct cd_db **db)
{
	if (!*db)
		return;
	db_idle(*db);
	cache_clear(*db);
	if ((*db)->h)
		sqlite3_close_v2((*db)->h);
	if ((*db)->job_fd >= 0)
		close((*db)->job_fd);
	free((*db)->path);
	free(*db);
	*db = NULL;
}

const char *db_path(const struct cd_db *db)
{
	return db->path;
}

/* The kept caseload counts (migration 21) against a recount. */
static int caseload_check(struct cd_db *db, struct strbuf *out)
{
	sqlite3_stmt *st;
	int bad = 0;

	if (db_prepare(db, "WITH run AS (SELECT p.id, EXISTS (SELECT 1 FROM plan_version v "
		       "WHERE v.plan_id = p.id AND v.status = 'approved') AND NOT EXISTS (SELECT 1 "
		       "FROM closure c WHERE c.plan_id = p.id) AS r FROM plan p) "
		       "SELECT count(*) FROM plan p JOIN run ON run.id = p.id WHERE p.running <> run.r",
		       &st))
		return CD_EDB;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 0)) {
		sb_addf(out, _("caseload: %lld plans marked running wrongly\n"),
			(long long)sqlite3_column_int64(st, 0));
		bad = 1;
	}
	if (db_finish(st))
		return CD_EDB;
	if (db_prepare(db, "WITH o AS (SELECT COALESCE(coordinator_id, 0) AS uid, count(*) AS n "
		       "FROM request WHERE status IN " REQUEST_OPEN_SQL " GROUP BY 1), "
		       "pr AS (SELECT COALESCE(r.coordinator_id, 0) AS uid, count(*) AS n FROM plan p "
		       "JOIN request r ON r.id = p.request_id WHERE p.running GROUP BY 1), "
		       "u AS (SELECT uid FROM o UNION SELECT uid FROM pr UNION SELECT user_id FROM "
		       "caseload_count) "
		       "SELECT u.uid FROM u LEFT JOIN o ON o.uid = u.uid LEFT JOIN pr ON pr.uid = u.uid "
		       "LEFT JOIN caseload_count k ON k.user_id = u.uid "
		       "WHERE COALESCE(o.n, 0) <> COALESCE(k.open_cases, 0) "
		       "OR COALESCE(pr.n, 0) <> COALESCE(k.plans_running, 0)", &st))
		return CD_EDB;
	while (sqlite3_step(st) == SQLITE_ROW) {
		sb_addf(out, _("caseload: the counts of user %lld differ from a recount\n"),
			(long long)sqlite3_column_int64(st, 0));
		bad = 1;
	}
	if (db_finish(st))
		return CD_EDB;
	if (!bad)
		sb_add(out, _("caseload counts: ok\n"));
	return bad;
}

int db_check(struct cd_db *db, struct strbuf *out)
{
	sqlite3_stmt *st;
	int rc = CD_OK, v = db_schema_version(db), fk = 0;
	bool ok_integrity = false;

	sb_addf(out, _("schema version: %d (this program: %d)\n"), v,
		db_latest_version());
	if (v != db_latest_version())
		rc = CD_ESCHEMA;
	if (db_prepare(db, "PRAGMA integrity_check", &st))
		return CD_EDB;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *r = (const char *)sqlite3_column_text(st, 0);
		if (r && !strcmp(r, "ok"))
			ok_integrity = true;
		else
			sb_addf(out, _("integrity: %s\n"), r ? r : "?");
	}
	if (db_finish(st))
		return CD_EDB;
	if (ok_integrity)
		sb_add(out, _("integrity: ok\n"));
	else
		rc = CD_EDB;
	if (db_prepare(db, "PRAGMA foreign_key_check", &st))
		return CD_EDB;
	while (sqlite3_step(st) == SQLITE_ROW) {
		sb_addf(out, _("broken reference: table %s row %lld\n"),
			sqlite3_column_text(st, 0),
			(long long)sqlite3_column_int64(st, 1));
		fk++;
	}
	if (db_finish(st))
		return CD_EDB;
	if (fk)
		rc = CD_EDB;
	else
		sb_add(out, _("references: ok\n"));
	if (caseload_check(db, out))
		rc = CD_EDB;
	if (audit_check(db, out) || backup_audit_compare(db, out))
		rc = CD_EDB;
	return rc;
}

char *setting_get(struct cd_db *db, const char *key, const char *def)
{
	sqlite3_stmt *st;
	char *v = NULL;

	if (db_cached(db, "SELECT value FROM setting WHERE key = ?1", &st) == CD_OK) {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			v = db_col_dup(st, 0);
		db_release(db, st);
	}
	return v ? v : xstrdup(def ? def : "");
}

int setting_get_int(struct cd_db *db, const char *key, int def)
{
	char *v = setting_get(db, key, NULL);
	char *end;
	long n = strtol(v, &end, 10);
	int r = (*v && !*end) ? (int)n : def;

	free(v);
	return r;
}

int setting_set(struct cd_db *db, const char *key, const char *value)
{
	sqlite3_stmt *st;

	if (db_prepare(db, "INSERT INTO setting(key, value) VALUES (?1, ?2) "
		       "ON CONFLICT(key) DO UPDATE SET value = excluded.value", &st))
		return CD_EDB;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	return db_step_done(db, st);
}

int audit_last_change(struct cd_db *db, const char *entity, int64_t entity_id, char *who,
		      size_t who_size, char *at, size_t at_size)
{
	sqlite3_stmt *st;
	int rc = CD_ENOTFOUND;

	who[0] = at[0] = '\0';
	if (db_prepare(db, "SELECT COALESCE(NULLIF(u.full_name, ''), u.login, ''), l.at "
		       "FROM audit_log l LEFT JOIN app_user u ON u.id = l.user_id WHERE "
		       "l.entity = ?1 AND l.entity_id = ?2 AND l.action NOT LIKE '%.read' "
		       "ORDER BY l.id DESC LIMIT 1", &st))
		return CD_EDB;
	sqlite3_bind_text(st, 1, entity, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, entity_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		db_col_copy(st, 0, who, who_size);
		db_col_copy(st, 1, at, at_size);
		rc = CD_OK;
	}
	if (db_finish(st))
		rc = CD_EDB;
	return rc;
}
