/* summary.h - the half-yearly summary of the coordinators' work the
 * organiser gives the director and the community organiser at least every
 * 6 months (art. 46 ust. 1): figures generated from the record for a
 * period, the organiser's narrative, stored and dated. */
#ifndef CUSDESK_SUMMARY_H
#define CUSDESK_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "auth.h"
#include "db.h"
#include "validate.h"

enum summary_field {
	SUM_F_FROM = 1100,
	SUM_F_TO,
	SUM_F_NARRATIVE,
};

#define SUMMARY_EVERY_MONTHS 6

/* The figures for from..to as text (csv: semicolon-separated lines
 * "section;item;value").  Organiser, director.  Caller frees *out. */
int summary_figures(struct cd_db *db, const struct actor *a, const char *from, const char *to,
		    bool csv, char **out, struct fielderr *e);

struct summary {
	int64_t id;
	char period_from[16], period_to[16];
	char created_on[16];
	char author[128];
	char *figures;          /* owned */
	char *narrative;        /* owned */
};
void summary_release(struct summary *s);
/* The organiser's narrative: at most this many bytes (the desk's form
 * holds as much). */
#define SUMMARY_NARRATIVE_MAX 7990
/* Generates the figures and stores them with the narrative (one row);
 * the narrative is checked as free text (text_param_check). */
int summary_save(struct cd_db *db, const struct actor *a, const char *from, const char *to,
		 const char *narrative, int64_t *id, struct fielderr *e);
/* Stored summaries, newest first; release each and free the array. */
int summary_list(struct cd_db *db, const struct actor *a, struct summary **out, size_t *n);
void summary_list_free(struct summary *l, size_t n);
/* When the next summary is due: 6 months after the last period's end (or
 * after the centre's start); false when none was made. */
bool summary_next_due(struct cd_db *db, struct date *due);

#endif
