/* settings.c - known settings and their rules. */
#include "settings.h"
#include "i18n.h"
#include "request.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

const struct setting_def setting_defs[] = {
	{"centre_name", N_("name of the centre, shown on every screen")},
	{"case_ref_pattern", N_("case reference pattern, e.g. CUS.IPUS.{n}.{yyyy}")},
	{"lock_minutes", N_("minutes of inactivity before the screen locks (0: never)")},
	{"centre_started", N_("the date the centre started (YYYY-MM-DD), for reports")},
	{NULL, NULL},
};

int setting_change(struct cd_db *db, const char *key, const char *value,
		   struct fielderr *e)
{
	char *end;
	long n;
	struct date d;

	fielderr_clear(e);
	if (!key || !value)
		return fielderr_set(e, -1, "%s", _("Setting: give a name and a value"));
	if (!strcmp(key, "centre_name")) {
		if (str_empty(value) || strlen(value) > 150)
			return fielderr_set(e, -1, "%s",
					    _("centre_name: give 1 to 150 characters"));
	} else if (!strcmp(key, "case_ref_pattern")) {
		int rc = case_ref_pattern_validate(value, e);
		if (rc)
			return rc;
	} else if (!strcmp(key, "lock_minutes")) {
		n = strtol(value, &end, 10);
		if (!*value || *end || n < 0 || n > 480)
			return fielderr_set(e, -1, "%s",
					    _("lock_minutes: a whole number from 0 to 480"));
	} else if (!strcmp(key, "centre_started")) {
		if (!date_parse(value, &d))
			return fielderr_set(e, -1, "%s",
					    _("centre_started: not a valid date (use YYYY-MM-DD)"));
	} else {
		return fielderr_set(e, -1, _("Setting: unknown name '%s'"), key);
	}
	if (setting_set(db, key, value) ||
	    audit_add(db, 0, "setting", "setting", 0, key))
		return CD_EDB;
	return CD_OK;
}
