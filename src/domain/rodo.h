/* rodo.h - the person's rights under the GDPR (RODO): consents with their
 * scope and dates, access to everything stored about them (art. 15), and
 * anonymisation after the retention period, keeping every statistic. */
#ifndef CUSDESK_RODO_H
#define CUSDESK_RODO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "auth.h"
#include "db.h"
#include "job.h"
#include "validate.h"

enum rodo_field { RF_SCOPE = 1200, RF_GIVEN, RF_WITHDRAWN, RF_BEFORE };

struct consent {
	int64_t id;
	int64_t person_id;
	char scope[16];           /* codes_consent_scope */
	char given_on[16];
	char withdrawn_on[16];    /* empty: in force */
	char note[300];
};
/* Records a consent given on the day given_on; one scope is in force once. */
int consent_give(struct cd_db *db, const struct actor *a, int64_t person_id, const char *scope,
		 const char *given_on, const char *note, struct fielderr *e);
int consent_withdraw(struct cd_db *db, const struct actor *a, int64_t consent_id,
		     const char *on, struct fielderr *e);
/* The person's consents, those in force first. */
int consent_list(struct cd_db *db, const struct actor *a, int64_t person_id,
		 struct consent **out, size_t *n);
/* Is the consent of scope in force for the person today? */
bool consent_in_force(struct cd_db *db, int64_t person_id, const char *scope);

/* Persons whose last case ended (or who registered, with no case) before
 * `before`, with no open case, group membership or anonymisation yet. */
struct anon_candidate {
	int64_t person_id;
	char name[260];
	char last_activity[16];
};
int rodo_candidates(struct cd_db *db, const struct actor *a, const char *before,
		    struct anon_candidate **out, size_t *n, struct fielderr *e);
/* Anonymises them: names, PESEL, address, contact and the free texts of
 * their cases go; the rows, dates, services and amounts stay, so the
 * reports count the same.  Works in short steps (JOB_STEP_MS each, one
 * transaction a step), each person whole, checked again in its step;
 * stops at a step's end when job's stop is set.  *count how many. */
int rodo_anonymise(struct cd_db *db, const struct actor *a, const char *before, size_t *count,
		   const struct job *job, struct fielderr *e);
/* The default date: today minus the setting retention_years (default 10). */
void rodo_default_before(struct cd_db *db, char out[11]);

#endif
