/* request.h - requests (wnioski, art. 35): filing, case references, lists.
 *
 * A request starts a case.  Its case reference is assigned when it is
 * filed, from the pattern in the setting "case_ref_pattern" (default
 * "CUS.IPUS.{n}.{yyyy}"), numbered per year of filing.
 */
#ifndef CUSDESK_REQUEST_H
#define CUSDESK_REQUEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "auth.h"
#include "db.h"
#include "person.h"
#include "validate.h"

enum request_field {
	REQUEST_F_FILED = 100,  /* distinct from person_field values */
	REQUEST_F_CHANNEL,
	REQUEST_F_FILED_BY,
	REQUEST_F_FILER,
	REQUEST_F_REFERRAL,
	REQUEST_F_ASKED,
	REQUEST_F_COORDINATOR,
	REQUEST_F_STATUS,
	REQUEST_F_PERSON,
	REQUEST_F_REASON,       /* change_reason */
};

struct request {
	int64_t id;
	char case_ref[48];
	int64_t person_id;
	char filed_on[16];          /* YYYY-MM-DD */
	char channel[24];           /* codes_channel */
	char filed_by[24];          /* codes_filed_by */
	int64_t filer_person_id;    /* when filed by a representative/carer */
	char referral_source[24];   /* codes_referral */
	char asked[2048];           /* services or needs, in the person's words */
	int64_t coordinator_id;     /* app_user, 0 = not assigned */
	char status[24];            /* codes_request_status */
	int64_t row_version;        /* as read; a save from an older one is refused */
	/* input only: why the filing date of a case in assessment is corrected
	 * (request_update), and that a second open request for the person is
	 * meant (request_file) */
	char change_reason[256];
	bool another_open_ok;
	/* filled by request_get / request_list for display */
	char person_name[256];
	char coordinator_name[128];
};

/* Defaults: filed today, in person, by the person, self-referred, "filed". */
void request_init(struct request *r);
/* Checks every rule; today bounds the filing date. */
int request_validate(struct request *r, const struct date *today,
		     struct fielderr *e);

/* Files a request for an existing person (r->person_id): assigns the case
 * reference, in one transaction.  The filing date is not before the
 * centre started (setting centre_started) nor in the future.  A person
 * who has an open request already gives CD_EEXIST naming it in e
 * (REQUEST_F_PERSON) unless r->another_open_ok. */
int request_file(struct cd_db *db, const struct actor *a, struct request *r,
		 struct fielderr *e);
/* The reception flow: saves the person (new when p->id == 0, else the
 * edited existing record) and files the request for them, all in one
 * transaction; either both are stored or neither. */
int request_file_with_person(struct cd_db *db, const struct actor *a,
			     struct person *p, struct request *r,
			     struct fielderr *e);
/* Changes status, coordinator, channel, referral, asked text.  The case
 * path sets the statuses of assessment, outcome and closing; by hand a
 * request is only withdrawn (at the person's wish, while no plan runs).
 * Once the assessment has started, only a coordinator or the organiser
 * corrects the filing date, never after the assessment's first sitting,
 * with r->change_reason (REQUEST_F_REASON when missing); audited old ->
 * new with the reason. */
int request_update(struct cd_db *db, const struct actor *a, struct request *r,
		   struct fielderr *e);
int request_get(struct cd_db *db, const struct actor *a, int64_t id,
		struct request *out);

struct request_filter {
	const char *status;       /* NULL = any; "open" = the open statuses */
	int64_t coordinator_id;   /* 0 = any, -1 = not assigned */
	int64_t person_id;        /* 0 = any */
};
/* Requests matching f, oldest filing first (the order the law asks for).
 * *out is allocated; caller frees. */
int request_list(struct cd_db *db, const struct actor *a,
		 const struct request_filter *f, struct request **out, size_t *n);

/* Formats a case reference from pattern for number n in year y:
 * {n} number, {nnn} zero-padded to three digits (more n, more digits),
 * {yyyy} year, {yy} two-digit year. */
char *case_ref_format(const char *pattern, int n, int y);
/* A pattern must contain {n...} and a year. */
int case_ref_pattern_validate(const char *pattern, struct fielderr *e);
#define CASE_REF_DEFAULT "CUS.IPUS.{n}.{yyyy}"

#endif
