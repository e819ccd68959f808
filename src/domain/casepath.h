/* casepath.h - one case as a whole: where it stands on the case path
 * (request -> assessment -> outcome -> plan -> approval -> monitoring ->
 * closing -> follow-up), the next sensible actions, and its timeline as
 * whole translated sentences.  The desk shows them; nothing here draws. */
#ifndef CUSDESK_CASEPATH_H
#define CUSDESK_CASEPATH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "assessment.h"
#include "auth.h"
#include "db.h"
#include "monitoring.h"
#include "plan.h"
#include "request.h"
#include "validate.h"

/* What one load of a case knows; filled by case_load, freed by
 * case_release. */
struct case_view {
	struct request r;
	bool have_assessment;
	struct assessment as;
	int64_t plan_id;               /* 0: no plan yet */
	bool have_plan;
	struct plan_version latest;    /* the newest version, with its items */
	bool closed;
	struct closing c;
	bool may_approve;              /* the actor may approve plans today */
	size_t items_running;          /* items of the newest version not ended */
};

/* Loads the case of request_id as a sees it (CD_EPERM, CD_ENOTFOUND as
 * case_access says; CD_EDB when a part could not be read). */
int case_load(struct cd_db *db, const struct actor *a, int64_t request_id,
	      struct case_view *out);
void case_release(struct case_view *cv);

/* The next sensible actions, one bit each; the order of the bits is the
 * order they are offered in. */
enum case_next {
	CASE_NEXT_ASSESS_START = 1u << 0,   /* no assessment yet, the request is open */
	CASE_NEXT_GROUP_NO_IPUS = 1u << 1,  /* a group service needs no plan */
	CASE_NEXT_ASSESS_CONTINUE = 1u << 2,
	CASE_NEXT_OUTCOME = 1u << 3,        /* the assessment is a draft */
	CASE_NEXT_GROUP = 1u << 4,
	CASE_NEXT_PLAN_DRAW = 1u << 5,      /* qualified, no plan yet */
	CASE_NEXT_PLAN_EDIT = 1u << 6,      /* a draft or a returned version */
	CASE_NEXT_SUBMIT = 1u << 7,
	CASE_NEXT_APPROVE = 1u << 8,        /* submitted, and the actor may approve */
	CASE_NEXT_RETURN = 1u << 9,
	CASE_NEXT_AWAIT_APPROVAL = 1u << 10, /* submitted, someone else approves */
	CASE_NEXT_MONITOR = 1u << 11,       /* approved, a service is running */
	CASE_NEXT_CONTACT = 1u << 12,
	CASE_NEXT_CLOSE_IDLE = 1u << 13,    /* approved, no service is running */
	CASE_NEXT_UPDATE = 1u << 14,
	CASE_NEXT_CLOSE = 1u << 15,
	CASE_NEXT_FOLLOWUP = 1u << 16,      /* closed, the follow-up not recorded */
	CASE_NEXT_CARD = 1u << 17,          /* closed */
};
/* The bits of what makes sense next in the case (0: nothing, e.g. not
 * qualified or forwarded).  Pure: reads only cv. */
unsigned case_next_actions(const struct case_view *cv);

/* One line of the timeline: a heading (a part of the case) or a sentence
 * at an indent level under it (0 top, 1 under a heading, 2 under that). */
struct case_line {
	bool heading;
	bool due;          /* something due in the case, with its date */
	bool overdue;      /* ... whose date has passed (marked "!" where shown) */
	int level;
	char *text;        /* owned, translated, a whole sentence */
};
/* The timeline of the case as whole sentences: the request, what is due
 * (as of today), group services, the assessment with its needs and
 * outcome, every plan version with who approved it and when (and the late
 * mark), the items with their orders, contacts and ends, monitoring,
 * closing.  Allocated; free with case_lines_free.  On failure *out is
 * NULL and *n 0. */
int case_timeline(struct cd_db *db, const struct actor *a, const struct case_view *cv,
		  const struct date *today, struct case_line **out, size_t *n);
void case_lines_free(struct case_line *l, size_t n);

#endif
