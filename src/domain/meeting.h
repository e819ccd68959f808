/* meeting.h - the coordinators' meetings the organiser holds at least
 * every 3 months (art. 46 ust. 2): who came, the providers invited, the
 * plans discussed, notes and decisions. */
#ifndef CUSDESK_MEETING_H
#define CUSDESK_MEETING_H

#include <stddef.h>
#include <stdint.h>

#include "auth.h"
#include "db.h"
#include "validate.h"

enum meeting_field {
	MEET_F_HELD_ON = 1000,
	MEET_F_ATTENDEES,
	MEET_F_INVITED,
	MEET_F_NOTES,
	MEET_F_DECISIONS,
	MEET_F_PLANS,
};

#define MEETING_EVERY_MONTHS 3

struct meeting {
	int64_t id;
	char held_on[16];
	char attendees[1000];
	char invited[1000];
	char notes[4000];
	char decisions[2000];
	int64_t *plans;          /* plan ids discussed; owned */
	size_t nplans;
	char plans_text[1000];   /* filled when read: the case references */
};
void meeting_init(struct meeting *m);
void meeting_release(struct meeting *m);
/* Records a meeting with its plans (one transaction); organiser, director. */
int meeting_save(struct cd_db *db, const struct actor *a, struct meeting *m,
		 struct fielderr *e);
/* The meetings, newest first; release each and free the array. */
int meeting_list(struct cd_db *db, const struct actor *a, struct meeting **out, size_t *n);
void meeting_list_free(struct meeting *l, size_t n);
/* Plans open now (not closed), to link to a meeting: id = plan, label
 * "case reference person". */
struct choice;
int meeting_open_plans(struct cd_db *db, const struct actor *a, struct choice **out,
		       size_t *n);
/* When the next meeting is due: 3 months after the last one (or today
 * when there was none); false when there was none. */
bool meeting_next_due(struct cd_db *db, const struct date *today, struct date *due);

#endif
