/* monitoring.h - monitoring the plan (art. 45 ust. 1), absences,
 * resignations, and closing it (art. 45 ust. 2-3) with the summary
 * conversation, the description of the plan's course and the follow-up
 * half a year later (the "karta usług" practice).
 */
#ifndef CUSDESK_MONITORING_H
#define CUSDESK_MONITORING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "auth.h"
#include "db.h"
#include "validate.h"

enum monitoring_field {
	MON_F_HELD_ON = 600,
	MON_F_KIND,
	MON_F_NEXT,
	MON_F_TEXT,
	MON_F_ITEM = 620,     /* + index of the item check */
	CLOSE_F_CONVERSATION = 700,
	CLOSE_F_REASON,
	CLOSE_F_CLOSED_ON,
	CLOSE_F_DESCRIPTION,
	CLOSE_F_FOLLOWUP,
};

/* What a note found about one plan item.  -1 (or < 0) means not checked. */
/* One absence from a service: its day, and whether it was excused (then
 * with the reason). */
struct absence_rec {
	char on[16];
	bool excused;
	char reason[200];
};
#define ABSENCES_MAX 12      /* absences one check records */

struct item_check {
	int64_t item_id;
	int taking_place;        /* 1 yes, 0 no, -1 not checked */
	int on_time;
	int quality;             /* 1-5, 0 not rated */
	/* absences since the last note: the unexcused count toward the limit
	 * (absence_limit), the excused ones do not; with records (nabs > 0)
	 * both counts come from them */
	int absences;
	int excused;
	struct absence_rec abs[ABSENCES_MAX];
	size_t nabs;
	int satisfaction;        /* 1-5, 0 not rated */
	double delivered;        /* amount delivered in the period, < 0 unknown */
	double ordered;          /* amount ordered for the period, < 0 unknown */
	char service_name[256];
};

struct monitoring_note {
	int64_t id, plan_id;
	char held_on[16];
	char kind[20];           /* phone, home_visit, at_cus, provider_contact, specialist_opinion */
	char with_whom[200];
	char text[12000];
	char next_contact_on[16];
	char author[128];
	/* a correction: the note it corrects (0: none); filled by the list:
	 * the note that corrected this one (0: none, it is in force) */
	int64_t corrects_id, corrected_by;
	struct item_check *checks;
	size_t nchecks;
};

void monitoring_note_init(struct monitoring_note *m, int64_t plan_id);
void monitoring_note_release(struct monitoring_note *m);
struct item_check *monitoring_add_check(struct monitoring_note *m, int64_t item_id);

/* Checks one item check (the i-th of its note: messages say "Service
 * i+1"); the error's field is MON_F_ITEM + i. */
int item_check_validate(const struct item_check *c, size_t i, struct fielderr *e);
/* Records a note (one transaction with its item checks).  With
 * m->corrects_id it corrects that note of the same plan: the first stays
 * as it was, its service checks superseded by these; a note is corrected
 * once (a correction may be corrected in turn). */
int monitoring_add(struct cd_db *db, const struct actor *a, struct monitoring_note *m,
		   struct fielderr *e);
/* Notes of a plan, oldest first; release each and free the array. */
int monitoring_list(struct cd_db *db, const struct actor *a, int64_t plan_id,
		    struct monitoring_note **out, size_t *n);
void monitoring_list_free(struct monitoring_note *l, size_t n);

/* Absences counted over an item and the items it continues. */
int item_absences(struct cd_db *db, int64_t item_id);
/* The excused ones, which count toward no limit. */
int item_absences_excused(struct cd_db *db, int64_t item_id);
/* Both in one read. */
int item_absence_counts(struct cd_db *db, int64_t item_id, int *unexcused, int *excused);
/* Items of the plan in force, not ended, whose absences reached the
 * centre's limit (setting absence_limit): ids in *out (caller frees). */
int absence_alerts(struct cd_db *db, const struct actor *a, int64_t plan_id,
		   int64_t **out, size_t *n);

/* Ends one item of the plan in force (after absences, or when done). */
int item_end(struct cd_db *db, const struct actor *a, int64_t item_id, const char *on,
	     const char *reason, struct fielderr *e);
/* A resignation (rezygnacja) from one item (item_id) or from the whole
 * plan (item_id 0): the item(s) end on that day. */
int resignation_add(struct cd_db *db, const struct actor *a, int64_t plan_id,
		    int64_t item_id, const char *on, const char *reason, bool written,
		    struct fielderr *e);

struct closing {
	int64_t plan_id;
	char conversation_on[16];
	char person_view[4000];      /* the person's view of each service */
	char changes[4000];          /* what changed in their life */
	char goals_met[4000];
	char further_needs[4000];
	char description[12000];     /* opis przebiegu i realizacji planu */
	char reason[20];             /* completed, goals_achieved, resignation, moved_away, death, transferred, other */
	char closed_on[16];
	char followup_due[16];
	char followup_on[16];
	char followup_note[2000];
};

/* The description of the course and implementation of the plan, drafted
 * from the versions, the monitoring notes and the conversation in c.
 * Caller frees. */
char *closing_draft(struct cd_db *db, const struct actor *a, const struct closing *c);
/* Closes the plan: stores the conversation and the description, ends the
 * items still running, schedules the follow-up, closes the request. */
int closing_save(struct cd_db *db, const struct actor *a, struct closing *c,
		 struct fielderr *e);
int closing_get(struct cd_db *db, const struct actor *a, int64_t plan_id,
		struct closing *out);
int followup_record(struct cd_db *db, const struct actor *a, int64_t plan_id,
		    const char *on, const char *note, struct fielderr *e);

#endif
