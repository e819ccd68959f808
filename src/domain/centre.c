/* centre.c - the first-run content of a new centre's database. */
#include "centre.h"
#include "catalogue.h"
#include "request.h"
#include "validate.h"

int centre_setup(struct cd_db *db, const char *name)
{
	struct date today;
	char d[11];

	date_today(&today);
	date_format(&today, d);
	if (setting_set(db, "centre_name", name && *name ? name : CENTRE_DEFAULT_NAME) ||
	    setting_set(db, "centre_started", d) ||
	    setting_set(db, "case_ref_pattern", CASE_REF_DEFAULT) ||
	    setting_set(db, "lock_minutes", "10"))
		return CD_EDB;
	return catalogue_seed(db);
}
