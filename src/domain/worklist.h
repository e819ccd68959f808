/* worklist.h - "Na dziś": what is due, for one user, ordered by urgency.
 *
 * For the cases a coordinator works (assigned or shared): requests without
 * an assessment, plans due within the 30 days of art. 40, returned plans,
 * provider contact overdue, first reviews and next contacts, plans ending
 * within 30 days, absences at the limit, follow-ups.  For those who may
 * approve today (the director, an authorised organiser): plans awaiting
 * approval.
 */
#ifndef CUSDESK_WORKLIST_H
#define CUSDESK_WORKLIST_H

#include <stddef.h>
#include <stdint.h>

#include "auth.h"
#include "db.h"
#include "validate.h"

enum wl_kind {
	WL_ASSESSMENT,       /* a request waits for its needs assessment */
	WL_PLAN_DUE,         /* qualified, the plan is due 30 days after the request */
	WL_RETURNED,         /* a plan came back from the approver */
	WL_APPROVAL,         /* a plan waits for approval */
	WL_PROVIDER_CONTACT, /* no contact from the provider after the order */
	WL_ABSENCES,         /* absences reached the limit */
	WL_REVIEW,           /* the first review of the plan */
	WL_NEXT_CONTACT,     /* the next contact set in a monitoring note */
	WL_PLAN_ENDING,      /* the plan ends within 30 days */
	WL_FOLLOWUP,         /* the follow-up half a year after closing */
	WL_MEETING,          /* the organiser: the coordinators' meeting is due */
	WL_SUMMARY,          /* the organiser: the half-yearly summary is due */
	WL_NEW_OFFER,        /* a new service or more capacity may answer an unmet
	                      * need or a wait (shown 30 days) */
	WL__COUNT
};

struct wl_item {
	enum wl_kind kind;
	char due[16];
	long days_left;          /* negative when overdue */
	char case_ref[48];
	char person[256];
	int64_t request_id;
	int64_t plan_id;         /* 0 when there is no plan yet */
	char detail[256];        /* a service, a provider ... */
};

/* English code of a kind (command line) and its translated label. */
const char *wl_kind_code(enum wl_kind k);
const char *wl_kind_label(enum wl_kind k);

/* The worklist of a for today; *out allocated, caller frees. */
int worklist(struct cd_db *db, const struct actor *a, const struct date *today,
	     struct wl_item **out, size_t *n);
/* The same for one case (the case view): only its own items, read
 * through the case's id, whatever the size of the actor's caseload. */
int worklist_case(struct cd_db *db, const struct actor *a, const struct date *today,
		  int64_t request_id, struct wl_item **out, size_t *n);

#endif
