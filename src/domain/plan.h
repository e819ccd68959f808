/* plan.h - the individual social services plan (IPUS, art. 38-41).
 *
 * A plan belongs to one request (case).  Its states are versions: version
 * 1 is the plan, later ones its updates (aktualizacje).  A version is a
 * draft until submitted; the director or an authorised organiser approves
 * it (or returns it with a comment).  Approved versions are never changed;
 * an update starts a new draft from the approved one.  On approval every
 * item gets an order (zlecenie) to its provider.
 */
#ifndef CUSDESK_PLAN_H
#define CUSDESK_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "auth.h"
#include "db.h"
#include "validate.h"

enum plan_field {
	PLAN_F_FROM = 300,
	PLAN_F_TO,
	PLAN_F_GOALS,
	PLAN_F_AGREED,
	PLAN_F_REASON,
	PLAN_F_COMMENT,
	PLAN_F_ITEMS,
	PLAN_F_ITEM = 400,   /* + index of the item */
	PLAN_F_ACT = 500,    /* + index of the supporting activity */
};

struct plan_item {
	int64_t id;
	int64_t origin_id;          /* the item it continues in the previous version */
	int64_t programme_id, service_id, provider_id, place_id;
	char starts_on[16], ends_on[16];
	double amount;
	char frequency[12];         /* once, day, week, month, quarter, year */
	char days[32];              /* the weekdays, "1,3,5" (typed "pn śr pt" is taken too) */
	char hours[16];             /* "09:00-11:00" (typed "9-11" is taken too) */
	char notes[500];
	char override_reason[500];  /* written justification of a limit override */
	/* filled when read */
	char service_name[256], provider_name[256], place_name[256], unit[16];
	char order_sent_on[16], provider_contact_on[16];
	char ended_on[16];
	char end_reason[300];
};

struct supporting_activity {
	int64_t id;
	char kind[16];              /* volunteering, self_help, neighbour_help */
	char description[500];
	int64_t activity_id;        /* one of the OSL's activities; 0: other */
	char starts_on[16], ends_on[16];
};

struct plan_version {
	int64_t id, plan_id, request_id;
	int version_no;
	char status[12];            /* draft, submitted, approved, returned, superseded */
	char period_from[16], period_to[16];
	char goals[2000];
	char person_view[2000];     /* the person's own assessment, in their words */
	char update_reason[20];     /* for versions > 1 */
	char update_note[1000];
	char agreed_on[16];         /* the person's agreement */
	bool signed_paper;
	char submitted_at[24], decided_at[24], decided_by_name[128];
	char return_comment[1000];
	bool late;                  /* version 1 submitted after the 30 days */
	/* version 1: the day after the request it was submitted on and decided
	 * on (0: not yet), so "submitted on time, approved on day 45" shows */
	int submitted_day, decided_day;
	int64_t row_version;        /* as read; a save from an older one is refused */
	struct plan_item *items;
	size_t nitems;
	struct supporting_activity *acts;
	size_t nacts;
};

void plan_version_init(struct plan_version *v);
void plan_version_release(struct plan_version *v);
struct plan_item *plan_add_item(struct plan_version *v);
struct supporting_activity *plan_add_act(struct plan_version *v);

/* Warnings about programme limits and entitlements; each needs a written
 * justification (override_reason) on its item before the plan is saved. */
struct plan_warning {
	size_t item;                /* index into the version's items */
	char text[300];
};

/* Starts the plan of a qualified request: version 1, a draft. */
int plan_create(struct cd_db *db, const struct actor *a, int64_t request_id,
		struct plan_version *v, struct fielderr *e);
/* The same, giving the limit warnings like plan_save. */
int plan_create_warn(struct cd_db *db, const struct actor *a, int64_t request_id,
		     struct plan_version *v, struct plan_warning **warnings,
		     size_t *nwarnings, struct fielderr *e);
/* Saves a draft or returned version with its items and supporting
 * activities (one transaction).  Checks the law's rules (12 months, items
 * inside the period, the provider offers the service) and the programme
 * limits: a limit exceeded without a justification refuses the save with
 * the reason in e; *warnings (may be NULL) lists every limit touched. */
int plan_save(struct cd_db *db, const struct actor *a, struct plan_version *v,
	      struct plan_warning **warnings, size_t *nwarnings, struct fielderr *e);
int plan_submit(struct cd_db *db, const struct actor *a, int64_t version_id,
		struct fielderr *e);
/* The director, or an organiser authorised on that day. */
int plan_approve(struct cd_db *db, const struct actor *a, int64_t version_id,
		 const struct date *today, struct fielderr *e);
int plan_return(struct cd_db *db, const struct actor *a, int64_t version_id,
		const char *comment, struct fielderr *e);
/* A new draft version from the approved one, with a reason (update). */
int plan_update(struct cd_db *db, const struct actor *a, int64_t plan_id,
		const char *reason, const char *note, int64_t *new_version,
		struct fielderr *e);

int plan_version_get(struct cd_db *db, const struct actor *a, int64_t version_id,
		     struct plan_version *out);
/* The plan of a request: its id and its versions, newest first (headers
 * only: no items).  *out allocated. */
int plan_of_request(struct cd_db *db, const struct actor *a, int64_t request_id,
		    int64_t *plan_id, struct plan_version **out, size_t *n);
/* The id of a request's plan (CD_ENOTFOUND: none yet), for a caller that
 * has checked the access already. */
int plan_id_of_request(struct cd_db *db, int64_t request_id, int64_t *plan_id);
/* The newest version of a plan (approved or not), fully read. */
int plan_latest(struct cd_db *db, const struct actor *a, int64_t plan_id,
		struct plan_version *out);
/* The approved version in force. */
int plan_current(struct cd_db *db, const struct actor *a, int64_t plan_id,
		 struct plan_version *out);

/* Comparison of two versions: items added, removed and changed. */
enum diff_kind { DIFF_ADDED, DIFF_REMOVED, DIFF_CHANGED };
struct plan_diff {
	enum diff_kind kind;
	char service_name[256];
	char what[400];             /* translated: what changed */
};
int plan_compare(const struct plan_version *older, const struct plan_version *newer,
		 struct plan_diff **out, size_t *n);

/* The provider's first contact with the person after the order. */
int plan_order_contact(struct cd_db *db, const struct actor *a, int64_t item_id,
		       const char *on, struct fielderr *e);

/* The director authorises an organiser to approve plans, from-to (to may
 * be empty: until revoked).  Both days count: to is the last day the
 * organiser may approve (authorised_on(to) holds, the day after not). */
int authorisation_grant(struct cd_db *db, const struct actor *a, int64_t organiser_id,
			const char *from, const char *to, struct fielderr *e);
bool authorised_on(struct cd_db *db, int64_t user_id, const struct date *day);

struct authorisation {
	int64_t id;
	int64_t organiser_id;
	char organiser[128];      /* full name */
	char granted_by[128];
	char valid_from[16], valid_to[16];   /* valid_to empty: until ended */
};
/* Every authorisation, newest first (the director and organisers). */
int authorisation_list(struct cd_db *db, const struct actor *a, struct authorisation **out,
		       size_t *n);
/* Ends an authorisation on a day (the last day it holds). */
int authorisation_end(struct cd_db *db, const struct actor *a, int64_t id, const char *on,
		      struct fielderr *e);
/* Whether a may approve or return plans on day: the director, an organiser
 * authorised that day, or the system. */
bool plan_may_approve(struct cd_db *db, const struct actor *a, const struct date *day);

/* Amount per month of an item (hours a week x 52/12 ...). */
double plan_item_monthly(const struct plan_item *it);

/* Fills the names an item shows (service, provider, place, unit) from its
 * ids, e.g. after the user chose them in a form. */
int plan_item_describe(struct cd_db *db, struct plan_item *it);
/* The programme's limit of the item's service in words ("20 godzin
 * miesięcznie; 60 kwartalnie"); "" when the programme sets none. */
void plan_item_limit_text(struct cd_db *db, const struct plan_item *it, char *out, size_t size);

/* "2 hours a week": the amount with its unit and frequency, translated,
 * into out. */
void item_amount_text(const struct plan_item *it, char *out, size_t size);

#endif
