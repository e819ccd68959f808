/* group.h - group services and supporting activities.
 *
 * A group service (a service marked "group" in the catalogue, offered in a
 * programme: a zumba class, a self-help group) needs only the person's
 * request and a head count, no IPUS (procedure step 4).  A supporting
 * activity (volunteering, self-help, neighbour help) is run by the
 * community organiser (OSL) and reported separately from services.  Both
 * have members (persons taking part, from a date) and sessions (a meeting
 * held on a day, with its head count).  Every write checks its input here
 * and is one transaction. */
#ifndef CUSDESK_GROUP_H
#define CUSDESK_GROUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "auth.h"
#include "db.h"
#include "validate.h"

enum group_field {
	GF_ACT_NAME = 1300,
	GF_ACT_KIND,
	GF_ACT_DESCRIPTION,
	GF_ACT_PLACE,
	GF_ACT_RUN_BY,
	GF_ACT_FROM,
	GF_ACT_TO,
	GF_ACT_STATUS,
	GF_GROUP = 1320,
	GF_PERSON,
	GF_REQUEST,
	GF_JOINED,
	GF_LEFT,
	GF_HELD,
	GF_HEADS,
	GF_NOTES,
};

/* A supporting activity of the offer. */
struct activity {
	int64_t id;
	char name[256];
	char kind[16];               /* volunteering, self_help, neighbour_help */
	char description[1000];
	int64_t place_id;            /* 0: none */
	char place_name[256];
	int64_t run_by;              /* the community organiser; 0: none */
	char run_by_name[128];
	char starts_on[16], ends_on[16];   /* ends_on empty: open-ended */
	char status[12];             /* active, archived */
};
void activity_init(struct activity *ac);
/* Kinds of supporting activity: code and translated label. */
const char *activity_kind_label(const char *kind);
bool activity_kind_known(const char *kind);
int activity_list(struct cd_db *db, const struct actor *a, struct activity **out, size_t *n);
int activity_get(struct cd_db *db, const struct actor *a, int64_t id, struct activity *out);
/* Adds (id 0) or changes an activity (community organiser or organiser). */
int activity_save(struct cd_db *db, const struct actor *a, struct activity *ac,
		  struct fielderr *e);

/* A group: a group service of a programme, or a supporting activity. */
struct group {
	int64_t programme_id, service_id;    /* a group service ... */
	int64_t activity_id;                 /* ... or an activity */
	char name[520];                      /* "service (programme)" or the activity */
	char kind_label[64];                 /* the area's kind or the activity's kind */
	long members;                        /* taking part today */
	long sessions;
	char last_held[16];                  /* the latest session, empty: none */
};
/* Every group open today: active programmes' group services and active
 * activities, in Polish order of the name. */
int group_list(struct cd_db *db, const struct actor *a, struct group **out, size_t *n);

struct group_member {
	int64_t id;
	int64_t person_id;
	char person_name[256];
	int64_t request_id;                  /* 0: none (activities) */
	char case_ref[48];
	char joined_on[16], left_on[16];
};
/* The members of g, those taking part first, in Polish order. */
int group_members(struct cd_db *db, const struct actor *a, const struct group *g,
		  struct group_member **out, size_t *n);
/* Enrols a person.  A group service needs the person's open request
 * (request_id); a request still only filed is settled by the enrolment
 * (status closed: no assessment, no IPUS) and an unassigned one goes to
 * the coordinator who enrols.  Nobody is enrolled twice at a time.
 * Reception, coordinators, organiser, director; for activities also the
 * community organiser. */
int group_enrol(struct cd_db *db, const struct actor *a, const struct group *g,
		int64_t person_id, int64_t request_id, const char *joined_on,
		struct fielderr *e);
/* The person stops taking part on the day left_on. */
int group_leave(struct cd_db *db, const struct actor *a, int64_t member_id,
		const char *left_on, struct fielderr *e);
/* The groups a person's request enrolled them into (the case view). */
int group_memberships_of_request(struct cd_db *db, const struct actor *a, int64_t request_id,
				 struct group_member **out, char ***names, size_t *n);

struct group_session {
	int64_t id;
	char held_on[16];
	int head_count;
	char notes[500];
};
/* Records a meeting held with its head count. */
int group_session_add(struct cd_db *db, const struct actor *a, const struct group *g,
		      const char *held_on, int head_count, const char *notes,
		      struct fielderr *e);
/* The sessions of g, newest first. */
int group_sessions(struct cd_db *db, const struct actor *a, const struct group *g,
		   struct group_session **out, size_t *n);

#endif
