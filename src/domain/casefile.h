/* casefile.h - who may see and work a case (a request and everything that
 * follows it), and the practice settings the case path uses.
 *
 * A coordinator sees the cases assigned to them and the cases shared with
 * them; organisers and directors see every case; reception sees intake
 * data and status only, never case contents.
 */
#ifndef CUSDESK_CASEFILE_H
#define CUSDESK_CASEFILE_H

#include <stdbool.h>
#include <stdint.h>

#include "auth.h"
#include "db.h"
#include "validate.h"

/* CD_OK when a may read (write = false) or work on (write = true) the
 * case of request_id; else CD_EPERM (message in e) or CD_ENOTFOUND.
 * Writing: the assigned coordinator, a coordinator it is shared with, or
 * an organiser.  Directors read every case (and approve plans). */
int case_access(struct cd_db *db, const struct actor *a, int64_t request_id,
		bool write, struct fielderr *e);
/* Shares a case with another coordinator (who then sees and works it). */
int case_share(struct cd_db *db, const struct actor *a, int64_t request_id,
	       int64_t user_id, struct fielderr *e);

/* The caseload: open cases per coordinator (every active coordinator,
 * also with none; "not assigned" as user 0).  The organiser and director,
 * and reception, who assigns cases (counts only). */
struct caseload {
	int64_t user_id;
	char name[128];
	long open_cases;
	long plans_running;
};
int caseload(struct cd_db *db, const struct actor *a, struct caseload **out, size_t *n);
/* Hands every open case of one coordinator to another (someone leaves):
 * recorded with the date and the reason; one transaction.  Organiser or
 * director.  *moved gets the number of cases. */
int case_reassign_all(struct cd_db *db, const struct actor *a, int64_t from_user,
		      int64_t to_user, const char *reason, long *moved, struct fielderr *e);

/* Practice rules, configurable by `cusdesk setting` (defaults in
 * parentheses).  The law's rules (30 days, 12 months) are not settings. */
struct practice {
	int ipus_min_services;      /* plan advised from this many services (2; 0 off) */
	int provider_contact_days;  /* provider contacts the person within (14) */
	int first_review_months;    /* first review after the start (3) */
	int absence_limit;          /* absences that prompt ending an item (3) */
	int followup_months;        /* follow-up after closure (6) */
	bool assessment_income;     /* ask about income (off) */
};
void practice_load(struct cd_db *db, struct practice *p);

/* The law's deadlines. */
#define PLAN_DEADLINE_DAYS 30   /* art. 40: plan within 30 days of the request */
#define PLAN_MAX_MONTHS 12      /* art. 35/40: at most one year */
#define IPUS_REQUIRED_MONTHS 3  /* art. 38 ust. 2: coordination for >= 3 months */

#endif
