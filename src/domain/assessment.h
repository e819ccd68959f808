/* assessment.h - the needs assessment (rozpoznanie indywidualnych
 * potrzeb, art. 29 pkt 1, art. 36) and its outcome.
 *
 * One assessment per request.  It is a conversation: per life domain the
 * person's situation, needs, strengths and wishes in their own words.  It
 * may be written over several sittings (status "draft") and is finalised
 * when its outcome is recorded; then it is read-only.
 */
#ifndef CUSDESK_ASSESSMENT_H
#define CUSDESK_ASSESSMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "auth.h"
#include "db.h"
#include "validate.h"

enum assessment_field {
	ASSESS_F_HELD_ON = 200,
	ASSESS_F_PLACE,
	ASSESS_F_OUTCOME,
	ASSESS_F_OUTCOME_NOTE,
	ASSESS_F_FORWARD_TO,
	ASSESS_F_CONSENT,
	ASSESS_F_MONTHS,
	ASSESS_F_PROGRAMMES,
	ASSESS_F_NEED,
	ASSESS_F_DOMAIN,      /* + index of the domain */
};

struct life_domain {
	char code[16];
	char name[160];      /* in the desk's language */
	bool optional;
};
/* The life domains in order; optional ones (income) only when the centre
 * switched them on.  *out allocated, caller frees. */
int life_domains(struct cd_db *db, struct life_domain **out, size_t *n);
/* The name of one life domain in the desk's language (the code itself
 * when unknown). */
void life_domain_name(struct cd_db *db, const char *code, char *out, size_t size);

struct assessment_domain {
	char code[16];
	char situation[2000];
	char needs[2000];
	char strengths[2000];
	char wishes[2000];
};

struct assessment {
	int64_t id;                  /* 0 until first saved */
	int64_t request_id;
	char held_on[16];            /* the sitting being recorded; read back: the first */
	char sittings[200];          /* read back: every sitting's date, "a, b, c" */
	char place[8];               /* cus, home, other */
	char place_note[200];
	bool with_person, with_legal_rep, with_carer;
	char others[200];
	char status[8];              /* draft, final */
	char outcome[16];            /* "", qualified, forwarded, not_qualified, waiting */
	char outcome_note[1000];
	char forward_to[24];
	bool forward_whole;
	char consent_on[16];
	int coordination_months;     /* expected, 0 unknown */
	int64_t row_version;         /* as read; a save from an older one is refused */
	struct assessment_domain *domains;   /* owned; one per life domain used */
	size_t ndomains;
};

void assessment_init(struct assessment *as, int64_t request_id);
void assessment_release(struct assessment *as);
/* The domain entry for code, added when missing. */
struct assessment_domain *assessment_domain(struct assessment *as, const char *code);

int assessment_get(struct cd_db *db, const struct actor *a, int64_t request_id,
		   struct assessment *out);
/* Saves a draft (one transaction with its domain texts); the request's
 * status becomes "needs assessment".  A final assessment is read-only. */
int assessment_save(struct cd_db *db, const struct actor *a, struct assessment *as,
		    struct fielderr *e);

/* Outcome of the assessment. */
struct outcome {
	char kind[16];               /* qualified, forwarded, not_qualified, waiting */
	int64_t programmes[8];       /* qualified: active programmes */
	size_t nprogrammes;
	char forward_to[24];         /* forwarded: social_assistance, other_team, gmina_office, gmina_unit */
	bool forward_whole;
	char consent_on[16];         /* forwarded: the applicant's consent (date) */
	char note[1000];             /* not qualified: the reason; else a remark */
	int64_t waiting_services[8]; /* waiting: programme services whose limit is reached */
	int64_t waiting_programme;
	size_t nwaiting;
	int coordination_months;
};
/* Checks the outcome, records it, finalises the assessment and sets the
 * request's status, all in one transaction. */
int assessment_decide(struct cd_db *db, const struct actor *a, int64_t request_id,
		      const struct outcome *o, const struct date *today,
		      struct fielderr *e);

/* Whether an IPUS is required (art. 38 ust. 2: coordination for at least
 * 3 months) or advised (practice: min_services or more services; 0 turns
 * the practice rule off).  reason gets a translated explanation. */
enum ipus_need { IPUS_OPTIONAL, IPUS_ADVISED, IPUS_REQUIRED };
enum ipus_need ipus_needed(int coordination_months, int services,
			   int min_services, const char **reason);

/* ipus_needed for a case: the assessment's months of coordination and the
 * number of distinct services its needs point to, against the centre's
 * practice setting.  IPUS_OPTIONAL when there is no assessment yet. */
enum ipus_need assessment_ipus_need(struct cd_db *db, const struct actor *a,
				    int64_t request_id, const char **reason);

struct need {
	int64_t id;
	int64_t assessment_id;
	char domain[16];
	char description[500];
	int64_t service_id;          /* 0 = none */
	bool unmet;
	char service_name[256];      /* filled by lists */
	/* filled by the unmet-needs register */
	int64_t request_id;
	char person_name[256];
	char case_ref[48];
	char held_on[16];
	int area_code;               /* unmet: the statutory area (1-14), 0 unknown */
	char answered_on[16];        /* unmet: when the offer answered it */
};
/* A need found; either linked to a catalogue service or marked unmet
 * (nd->id gets the new need's id). */
int need_add(struct cd_db *db, const struct actor *a, int64_t request_id,
	     struct need *nd, struct fielderr *e);
/* Need nd->id of the case corrected, by the same rules (not once the
 * register has it answered). */
int need_update(struct cd_db *db, const struct actor *a, int64_t request_id,
		struct need *nd, struct fielderr *e);
int need_remove(struct cd_db *db, const struct actor *a, int64_t need_id);
/* An unmet need is answered (a new service, more capacity) on the day on:
 * it leaves the register. */
int need_answer(struct cd_db *db, const struct actor *a, int64_t need_id,
		const char *on, struct fielderr *e);
int need_list(struct cd_db *db, const struct actor *a, int64_t request_id,
	      struct need **out, size_t *n);
/* The register of unmet needs (organiser, director, coordinators): not yet
 * answered, oldest first. */
int unmet_needs(struct cd_db *db, const struct actor *a, struct need **out,
		size_t *n);
/* One page of it: at most limit needs (0: all) after the need *after
 * (NULL: from the oldest), in the same order; a screen reads the next page
 * when the cursor reaches the end of what it holds. */
int unmet_needs_page(struct cd_db *db, const struct actor *a, const struct need *after,
		     size_t limit, struct need **out, size_t *n);

struct waiting {
	int64_t id;
	int64_t request_id;
	char case_ref[48];
	char person_name[256];
	char filed_on[16];
	char added_on[16];
	int64_t service_id;
	char service_name[256];
	int position;                /* 1-based, per service */
};
/* The open waiting list of a service (0: all services), in the order the
 * requests were filed. */
int waiting_list(struct cd_db *db, const struct actor *a, int64_t service_id,
		 struct waiting **out, size_t *n);
int waiting_remove(struct cd_db *db, const struct actor *a, int64_t entry_id,
		   const char *reason, const struct date *today, struct fielderr *e);

#endif
