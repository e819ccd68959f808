/* settings.c - known settings and their rules. */
#include "settings.h"
#include "auth.h"
#include "dbint.h"
#include "i18n.h"
#include "request.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

const struct setting_def setting_defs[] = {
	{"centre_name", N_("name of the centre, shown on every screen")},
	{"centre_address", N_("address of the centre, in the header of printed documents")},
	{"documents_dir", N_("folder for documents saved instead of printed (empty: ~/cusdesk-dokumenty)")},
	{"case_ref_pattern", N_("case reference pattern, e.g. CUS.IPUS.{n}.{yyyy}")},
	{"lock_minutes", N_("minutes of inactivity before the screen locks (0: never)")},
	{"centre_started", N_("the date the centre started (YYYY-MM-DD), for reports")},
	{"ipus_min_services", N_("practice: a plan is advised from this many services (0: off)")},
	{"provider_contact_days", N_("practice: days within which the provider contacts the person")},
	{"first_review_months", N_("practice: months after the start of a plan to the first review")},
	{"absence_limit", N_("practice: absences from a service that prompt ending it")},
	{"followup_months", N_("practice: months after closing to the follow-up")},
	{"assessment_income", N_("ask about income in the needs assessment (0 or 1)")},
	{"retention_years", N_("RODO: years after the last case closed before a person may be anonymised")},
	{"backup_dir", N_("folder of the nightly copies (empty: cusdesk-kopie beside the database)")},
	{"backup_keep", N_("how many of the newest copies the backup folder keeps")},
	{"login_max_failures", N_("failed logins in a row that lock an account")},
	{"login_lock_minutes", N_("minutes an account stays locked after them")},
	{NULL, NULL},
};

/* Whole-number settings and their ranges. */
static const struct {
	const char *key;
	int min, max;
} int_settings[] = {
	{"lock_minutes", 0, 480},
	{"ipus_min_services", 0, 20},
	{"provider_contact_days", 1, 90},
	{"first_review_months", 1, 12},
	{"absence_limit", 1, 20},
	{"followup_months", 1, 24},
	{"assessment_income", 0, 1},
	{"retention_years", 1, 50},
	{"backup_keep", 1, 365},
	{"login_max_failures", 3, 20},
	{"login_lock_minutes", 1, 1440},
};

int setting_change(struct cd_db *db, const struct actor *a, const char *key,
		   const char *value, struct fielderr *e)
{
	char *end, *old, *detail;
	long n;
	struct date d;
	int rc;

	fielderr_clear(e);
	if ((rc = actor_require(a, PERM_USER_ADMIN, e)))
		return rc;
	if (!key || !value)
		return fielderr_set(e, -1, "%s", _("Setting: give a name and a value"));
	if (!strcmp(key, "centre_name")) {
		if (str_empty(value) || strlen(value) > 150)
			return fielderr_set(e, -1, "%s",
					    _("centre_name: give 1 to 150 characters"));
	} else if (!strcmp(key, "centre_address") || !strcmp(key, "documents_dir") ||
		   !strcmp(key, "backup_dir")) {
		if (strlen(value) > 250 || !utf8_valid(value))
			return fielderr_set(e, -1, _("%s: at most 250 characters"), key);
	} else if (!strcmp(key, "case_ref_pattern")) {
		if ((rc = case_ref_pattern_validate(value, e)))
			return rc;
	} else if (!strcmp(key, "centre_started")) {
		if (!date_parse(value, &d))
			return fielderr_set(e, -1, "%s",
					    _("centre_started: not a valid date (use YYYY-MM-DD)"));
	} else {
		size_t i;
		for (i = 0; i < ARRAY_SIZE(int_settings); i++)
			if (!strcmp(key, int_settings[i].key))
				break;
		if (i == ARRAY_SIZE(int_settings))
			return fielderr_set(e, -1, _("Setting: unknown name '%s'"), key);
		n = strtol(value, &end, 10);
		if (!*value || *end || n < int_settings[i].min || n > int_settings[i].max)
			return fielderr_set(e, -1, _("%s: a whole number from %d to %d"),
					    key, int_settings[i].min, int_settings[i].max);
	}
	/* one transaction: the value and its entry, old -> new */
	if ((rc = db_begin(db)))
		return rc;
	old = setting_get(db, key, "");
	detail = xasprintf("%s: %s -> %s", key, old, value);
	free(old);
	rc = setting_set(db, key, value) || audit_add(db, a->user_id, "setting", "setting", 0, detail) ||
	     db_commit(db) ? CD_EDB : CD_OK;
	free(detail);
	if (rc)
		db_rollback(db);
	return rc;
}
