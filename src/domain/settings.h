/* settings.h - the centre's settings that an admin may change. */
#ifndef CUSDESK_SETTINGS_H
#define CUSDESK_SETTINGS_H

#include "db.h"
#include "validate.h"

struct setting_def {
	const char *key;
	const char *help;   /* N_() */
};
/* The known keys, terminated by a NULL key. */
extern const struct setting_def setting_defs[];

/* Checks and stores a value of a known key (one transaction, audited). */
struct actor;
/* Changes a setting (the administrator's), audited old -> new. */
int setting_change(struct cd_db *db, const struct actor *a, const char *key,
		   const char *value, struct fielderr *e);

#endif
