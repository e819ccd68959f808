/* session.c - the desks logged in now. */
#include "session.h"
#include "dbint.h"
#include "i18n.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void this_terminal(char *out, size_t size)
{
	const char *tty = ttyname(STDIN_FILENO), *ssh = getenv("SSH_CLIENT");
	char client[64] = "";

	if (ssh && *ssh)
		sscanf(ssh, "%63s", client);
	snprintf(out, size, "%s%s%s", tty ? tty : "?", client[0] ? " " : "", client);
}


int session_begin(struct cd_db *db, const struct actor *a, int64_t *id)
{
	sqlite3_stmt *st;
	char terminal[64], host[64];
	int rc;

	*id = 0;
	this_terminal(terminal, sizeof(terminal));
	host_name(host, sizeof(host));
	if (db_prepare(db, "INSERT INTO desk_session(user_id, terminal, host, pid) VALUES "
		       "(?1, ?2, ?3, ?4)", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, a->user_id);
	sqlite3_bind_text(st, 2, terminal, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, host, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)getpid());
	if ((rc = db_step_done(db, st)))
		return rc;
	*id = sqlite3_last_insert_rowid(db->h);
	return CD_OK;
}

int session_touch(struct cd_db *db, int64_t id)
{
	sqlite3_stmt *st;

	if (db_prepare(db, "UPDATE desk_session SET last_seen = strftime('%Y-%m-%d %H:%M:%S', "
		       "'now', 'localtime') WHERE id = ?1", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, id);
	return db_step_done(db, st);
}

int session_end(struct cd_db *db, int64_t id)
{
	sqlite3_stmt *st;

	if (db_prepare(db, "DELETE FROM desk_session WHERE id = ?1", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, id);
	return db_step_done(db, st);
}

static void session_row(sqlite3_stmt *st, void *row)
{
	struct desk_session *s = row;

	s->id = sqlite3_column_int64(st, 0);
	db_col_copy(st, 1, s->login, sizeof(s->login));
	db_col_copy(st, 2, s->name, sizeof(s->name));
	db_col_copy(st, 3, s->since, sizeof(s->since));
	db_col_copy(st, 4, s->last_seen, sizeof(s->last_seen));
	db_col_copy(st, 5, s->terminal, sizeof(s->terminal));
	db_col_copy(st, 6, s->host, sizeof(s->host));
	s->pid = (long)sqlite3_column_int64(st, 7);
}

/* Removes the rows of desks that are gone: silent for too long, or a
 * process of this machine that no longer runs. */
static int clean(struct cd_db *db)
{
	struct desk_session *l = NULL;
	sqlite3_stmt *st;
	char host[64];
	size_t n = 0, i;
	int rc;

	if (db_prepare(db, "DELETE FROM desk_session WHERE last_seen < strftime('%Y-%m-%d "
		       "%H:%M:%S', 'now', 'localtime', ?1)", &st))
		return CD_EDB;
	{
		char ago[32];
		snprintf(ago, sizeof(ago), "-%d minutes", SESSION_STALE_MINUTES);
		sqlite3_bind_text(st, 1, ago, -1, SQLITE_TRANSIENT);
	}
	if ((rc = db_step_done(db, st)))
		return rc;
	host_name(host, sizeof(host));
	if (db_prepare(db, "SELECT s.id, '', '', '', '', '', s.host, s.pid FROM desk_session s",
		       &st))
		return CD_EDB;
	if ((rc = db_collect(st, sizeof(*l), session_row, (void **)&l, &n)))
		return rc;
	for (i = 0; i < n && !rc; i++)
		if (!strcmp(l[i].host, host) && l[i].pid > 0 && !process_alive(l[i].pid))
			rc = session_end(db, l[i].id);
	free(l);
	return rc;
}

int session_list(struct cd_db *db, const struct actor *a, struct desk_session **out, size_t *n)
{
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	if (a->user_id != 0 && !actor_can(a, PERM_REPORTS) && !actor_can(a, PERM_USER_ADMIN))
		return CD_EPERM;
	if ((rc = clean(db)))
		return rc;
	if (db_prepare(db, "SELECT s.id, u.login, u.full_name, s.since, s.last_seen, s.terminal, "
		       "s.host, s.pid FROM desk_session s JOIN app_user u ON u.id = s.user_id "
		       "ORDER BY s.since", &st))
		return CD_EDB;
	return db_collect(st, sizeof(**out), session_row, (void **)out, n);
}
