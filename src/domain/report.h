/* report.h - the reports the centre owes: the quarterly report to the
 * ministry (figures for a quarter and cumulative since the centre
 * started, persons counted once however many quarters they were served).
 * The categories are data (data/seed/report-categories.tsv). */
#ifndef CUSDESK_REPORT_H
#define CUSDESK_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "auth.h"
#include "db.h"
#include "validate.h"

struct report_row {
	char code[32];
	char kind[12];        /* service, activity */
	char name[256];
	long period;          /* distinct persons in the quarter */
	long total;           /* distinct persons since the centre started */
};

struct quarterly_report {
	char quarter[8];      /* 2026Q4 */
	char from[11], to[11];
	char since[11];       /* the centre's start */
	long plans_period, plans_total;        /* plans started */
	long persons_period, persons_total;    /* anyone served at all */
	struct report_row *rows;
	size_t nrows;
};

/* Copies the categories of the data file into the database (new ones
 * added, names updated); one transaction. */
int report_categories_sync(struct cd_db *db);

/* "2026Q4" -> 2026-10-01 .. 2026-12-31; false when malformed. */
bool quarter_parse(const char *q, char from[11], char to[11]);

/* The quarterly report (organiser, director). */
int report_quarterly(struct cd_db *db, const struct actor *a, const char *quarter,
		     struct quarterly_report *out, struct fielderr *e);
void quarterly_report_release(struct quarterly_report *r);
/* As text for the screen and the command line, or as CSV (semicolons,
 * the Polish spreadsheet default).  Caller frees. */
char *quarterly_report_format(const struct quarterly_report *r, bool csv);

#endif
