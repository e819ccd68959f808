/* draft.h - autosaved text: long texts being typed are kept here every few
 * seconds, so a crash, a killed terminal or a dropped ssh session loses at
 * most a few seconds.  A draft belongs to a user and a key naming the
 * field ("assessment:12:care", "closing:4:description"). */
#ifndef CUSDESK_DRAFT_H
#define CUSDESK_DRAFT_H

#include <stddef.h>
#include <stdint.h>

#include "db.h"

int draft_save(struct cd_db *db, int64_t user_id, const char *key, const char *text);
/* The draft text (caller frees) or NULL; when found and saved_at is not
 * NULL, the time it was saved ("YYYY-MM-DD HH:MM:SS") is copied there. */
char *draft_get(struct cd_db *db, int64_t user_id, const char *key, char saved_at[24]);
int draft_clear(struct cd_db *db, int64_t user_id, const char *key);
/* Removes every draft whose key starts with prefix (a form saved). */
int draft_clear_prefix(struct cd_db *db, int64_t user_id, const char *prefix);
/* How many drafts the user has left. */
int draft_count(struct cd_db *db, int64_t user_id);

/* The forms a user left unsaved text in, newest first: one entry a form
 * (a key "<form>:<id>:..."), with the case it belongs to. */
struct draft_form {
	char form[16];          /* assessment, plan, monitoring, closing */
	int64_t id;             /* request id (assessment, plan) or plan id */
	char part[16];          /* assessment: the life domain's code */
	int64_t request_id;
	char case_ref[48];
	char person[256];
	char saved_at[24];
};
int draft_forms(struct cd_db *db, int64_t user_id, struct draft_form **out, size_t *n);

#endif
