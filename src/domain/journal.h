/* journal.h - the audit log read back: who read or changed what, and the
 * record of reading a case. */
#ifndef CUSDESK_JOURNAL_H
#define CUSDESK_JOURNAL_H

#include "auth.h"
#include "db.h"
#include "validate.h"

#include <stddef.h>
#include <stdint.h>

/* Records that a read the contents of the case of request_id (what: "case
 * view", "assessment", "plan", ...), after checking a may read it: CD_OK,
 * or the refusal of case_access.  One short transaction. */
int case_opened(struct cd_db *db, const struct actor *a, int64_t request_id,
		const char *what, struct fielderr *e);

struct audit_entry {
	int64_t id;
	char at[20];            /* local time, YYYY-MM-DD HH:MM:SS */
	char login[40];         /* "" for the system */
	char os_account[40];
	char action[40];
	char entity[24];
	int64_t entity_id;
	char case_ref[40];      /* the case an entry is about, when it is */
	char detail[512];
};

enum audit_field { AUDIT_F_PERSON = 1400, AUDIT_F_USER, AUDIT_F_FROM, AUDIT_F_TO };

struct audit_filter {
	int64_t person_id;      /* 0: anyone; else entries on the person and their cases */
	const char *login;      /* NULL: any user */
	const char *from, *to;  /* YYYY-MM-DD (local days, inclusive), NULL: open */
	size_t limit;           /* newest first; 0: 1000 */
};

enum { AUDIT_LIST_DEFAULT_LIMIT = 1000 };

/* The entries matching f, newest first: the director and the
 * administrator (CD_EPERM otherwise); a bad date or an unknown login is
 * CD_EINVAL naming the field.  The listing itself is recorded. */
int audit_list(struct cd_db *db, const struct actor *a, const struct audit_filter *f,
	       struct audit_entry **out, size_t *n, struct fielderr *e);

#endif
