/* export.h - lists a gmina office takes in a spreadsheet: persons,
 * requests, plans, the waiting list and the catalogue, as CSV (see csv.h:
 * semicolons, UTF-8 with BOM or Windows-1250, formula cells neutralised).
 * Personal data leaves only with the caller's confirmation (the command
 * line asks) and an audit entry naming who, what and how many rows. */
#ifndef CUSDESK_EXPORT_H
#define CUSDESK_EXPORT_H

#include <stdbool.h>

#include "auth.h"
#include "csv.h"
#include "db.h"
#include "validate.h"

enum export_kind {
	EXPORT_PERSONS,
	EXPORT_REQUESTS,
	EXPORT_PLANS,
	EXPORT_WAITING,
	EXPORT_CATALOGUE,
};
/* "persons", "requests", "plans", "waiting", "catalogue". */
bool export_kind_parse(const char *s, enum export_kind *out);
/* Does the list hold personal data? */
bool export_is_personal(enum export_kind k);
/* The list as CSV text (UTF-8, not yet encoded); *rows the number of data
 * rows.  Personal lists are written to the audit log. */
int export_csv(struct cd_db *db, const struct actor *a, enum export_kind k, char **out,
	       long *rows, struct fielderr *e);

/* From the desk: the list as a CSV file in the documents folder
 * (documents_path), encoded as asked; path gets the file. */
int export_to_documents(struct cd_db *db, const struct actor *a, enum export_kind k,
			enum csv_encoding enc, char *path, size_t size, long *rows,
			struct fielderr *e);

#endif
