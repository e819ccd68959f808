/* access.h - the art. 15 (RODO) access document of one person. */
#ifndef CUSDESK_ACCESS_H
#define CUSDESK_ACCESS_H

#include <stdint.h>

#include "auth.h"
#include "db.h"
#include "document.h"
#include "validate.h"

/* Art. 15: everything stored about a person, as a document (recorded in
 * the audit log). */
int rodo_access(struct cd_db *db, const struct actor *a, int64_t person_id,
		struct document *out, struct fielderr *e);

#endif
