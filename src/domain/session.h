/* session.h - who is logged in at a desk now: a row a desk, kept while it
 * runs (touched every minute), gone at logout or when the desk ends; rows
 * of desks that died are cleaned whenever the list is read. */
#ifndef CUSDESK_SESSION_H
#define CUSDESK_SESSION_H

#include <stddef.h>
#include <stdint.h>

#include "auth.h"
#include "db.h"

/* Minutes without a touch after which a desk counts as gone. */
#define SESSION_STALE_MINUTES 15

struct desk_session {
	int64_t id;
	char login[40];
	char name[128];
	char since[24], last_seen[24];
	char terminal[64];   /* the tty, and the ssh client's address when over ssh */
	char host[64];
	long pid;
};

/* The desk of a logs in: *id names its row. */
int session_begin(struct cd_db *db, const struct actor *a, int64_t *id);
int session_touch(struct cd_db *db, int64_t id);
int session_end(struct cd_db *db, int64_t id);
/* Who is logged in now (dead desks cleaned first): the director, an
 * organiser or the administrator; the system actor (the command line's
 * restore) too. */
int session_list(struct cd_db *db, const struct actor *a, struct desk_session **out, size_t *n);

#endif
