/* import.h - residents and providers from CSV files other systems made.
 *
 * The encoding (UTF-8 with or without BOM, Windows-1250, ISO-8859-2) and
 * the separator are detected unless given; the header is mapped by the
 * usual Polish (and English) column names.  Every row is checked by the
 * same domain rules as the forms.  A dry run reports what would be added,
 * which rows are duplicates of persons (providers) already stored, and
 * which are rejected and why; it stores nothing (it works in the real
 * run's short steps and takes each back, so desks wait no longer than for
 * one step; rows repeated within the file are found as the real run finds
 * them).  The real run
 * stores the good rows in steps of about JOB_STEP_MS, each row marked with
 * its run; when it fails, is interrupted (the job's stop) or its process
 * dies, the run is taken back whole, so it stays all or nothing.  The
 * rejected rows (with the reason) go to a file next to the input. */
#ifndef CUSDESK_IMPORT_H
#define CUSDESK_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "auth.h"
#include "csv.h"
#include "db.h"
#include "job.h"
#include "validate.h"

enum import_kind { IMPORT_PERSONS, IMPORT_PROVIDERS };
bool import_kind_parse(const char *s, enum import_kind *out);

enum import_outcome { IMPORT_ADDED, IMPORT_DUPLICATE, IMPORT_REJECTED };
struct import_row {
	size_t line;                 /* where the row starts in the file */
	enum import_outcome outcome;
	char name[260];              /* "Surname First" or the provider */
	char reason[300];            /* duplicate of whom, or why rejected */
	int64_t id;                  /* the person or provider added */
};
struct import_result {
	enum csv_encoding encoding;
	char sep;
	size_t rows, added, duplicates, rejected;
	struct import_row *row;      /* one per data row, in file order */
	char ignored[500];           /* columns not used, "A, B" */
	char rejects_path[1024];     /* the real run, when rows were rejected */
	bool interrupted;            /* stopped by the user: nothing was added */
};
int import_file(struct cd_db *db, const struct actor *a, enum import_kind k, const char *path,
		enum csv_encoding enc, bool dry_run, const struct job *job, struct import_result *r,
		struct fielderr *e);
/* Takes back the imports whose process died on this machine (kill -9, a
 * power cut) before they finished; *undone how many runs. */
int import_recover(struct cd_db *db, size_t *undone);
void import_result_free(struct import_result *r);

/* "1.03.1950", "01.03.1950", "1950-03-01" -> "1950-03-01"; false when not
 * a real date. */
bool import_date(const char *in, char out[11]);

#endif
