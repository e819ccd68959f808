/* cases.c - case lists: worklist, unmet, waiting. */
#include "cliint.h"
#include "access.h"
#include "assessment.h"
#include "auth.h"
#include "catalogue.h"
#include "centre.h"
#include "codes.h"
#include "csv.h"
#include "document.h"
#include "export.h"
#include "i18n.h"
#include "import.h"
#include "offer.h"
#include "person.h"
#include "report.h"
#include "request.h"
#include "rodo.h"
#include "settings.h"
#include "summary.h"
#include "text.h"
#include "worklist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The worklist of a user (or of everyone: every case, every approval). */
int cmd_worklist(struct cli_opts *o, struct cd_db *db, int argc, char **argv, int at)
{
	bool *used = xcalloc((size_t)argc + 1, sizeof(bool));
	const char *login = opt_value(argc, argv, at, "--user", used);
	const char *day = opt_value(argc, argv, at, "--date", used);
	struct actor a;
	struct date today;
	struct wl_item *w;
	size_t n, i;
	int rc;

	rc = check_all_used(argc, argv, at, used);
	free(used);
	if (rc)
		return rc;
	if (day && !date_parse(day, &today)) {
		fprintf(stderr, "cusdesk: %s\n", _("--date: not a valid date (use YYYY-MM-DD)"));
		return 1;
	}
	if (!day)
		date_today(&today);
	if (actor_of_login(o, db, login, &a))
		return 1;
	if ((rc = worklist(db, &a, &today, &w, &n)))
		return fail_msg(NULL, rc);
	for (i = 0; i < n; i++)
		printf("%s\t%s\t%ld\t%s\t%s\n", wl_kind_code(w[i].kind), w[i].due,
		       w[i].days_left, w[i].case_ref, w[i].person);
	free(w);
	return 0;
}

/* The register of unmet needs, or the waiting list, as the user sees it. */
int cmd_register(struct cli_opts *o, struct cd_db *db, int argc, char **argv, int at)
{
	const char *cmd = argv[at - 1];
	bool *used = xcalloc((size_t)argc + 1, sizeof(bool));
	const char *login = opt_value(argc, argv, at, "--user", used);
	struct actor a;
	size_t n, i;
	int rc;

	rc = check_all_used(argc, argv, at, used);
	free(used);
	if (rc || actor_of_login(o, db, login, &a))
		return 1;
	if (!strcmp(cmd, "unmet")) {
		struct need *l;
		if ((rc = unmet_needs(db, &a, &l, &n)))
			return fail_msg(NULL, rc);
		for (i = 0; i < n; i++)
			printf("%s\t%s\t%s\t%s\t%s\n", l[i].held_on, l[i].case_ref,
			       l[i].person_name, l[i].domain, l[i].description);
		free(l);
	} else {
		struct waiting *l;
		if ((rc = waiting_list(db, &a, 0, &l, &n)))
			return fail_msg(NULL, rc);
		for (i = 0; i < n; i++)
			printf("%s\t%d\t%s\t%s\t%s\n", l[i].service_name, l[i].position,
			       l[i].filed_on, l[i].case_ref, l[i].person_name);
		free(l);
	}
	return 0;
}
