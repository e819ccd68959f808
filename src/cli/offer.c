/* offer.c - the offer and the settings: catalogue, setting. */
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

/* The whole catalogue: every service with its area, unit, group flag, fee
 * and the active programmes that offer it. */
static int catalogue_all(struct cd_db *db, const struct actor *a)
{
	struct service *sv;
	struct programme *pl;
	size_t ns, np, i, j, k;
	int rc;

	if ((rc = service_list(db, a, &sv, &ns)))
		return fail_msg(NULL, rc);
	if ((rc = programme_list(db, a, &pl, &np))) {
		free(sv);
		return fail_msg(NULL, rc);
	}
	for (i = 0; i < ns; i++) {
		struct strbuf progs;
		char *fee = service_fee_text(&sv[i]);
		sb_init(&progs);
		for (j = 0; j < np; j++) {
			struct programme_service *ps;
			size_t m;
			if (strcmp(pl[j].status, "active") ||
			    programme_services(db, a, pl[j].id, &ps, &m))
				continue;
			for (k = 0; k < m; k++)
				if (ps[k].service_id == sv[i].id) {
					sb_addf(&progs, "%s%lld", progs.len ? "," : "",
						(long long)pl[j].id);
					break;
				}
			free(ps);
		}
		printf("%lld\t%s\t%d\t%s\t%s\t%s\t%s\n", (long long)sv[i].id, sv[i].name,
		       sv[i].area_code, code_label(&codes_unit, sv[i].unit),
		       sv[i].is_group ? _("group") : _("individual"), fee,
		       progs.buf ? progs.buf : "");
		sb_release(&progs);
		free(fee);
	}
	free(sv);
	free(pl);
	return 0;
}

/* catalogue list [--programme ID]: the whole catalogue of services, or the
 * services of one programme with their capacity and limits. */
int cmd_catalogue(struct cli_opts *o, struct cd_db *db, int argc, char **argv, int at)
{
	bool *used = xcalloc((size_t)argc + 1, sizeof(bool));
	const char *prog, *sub = at < argc ? argv[at] : "";
	struct actor a;
	struct programme *pl;
	size_t np, i, j;
	int64_t only = 0;
	int rc;

	if (strcmp(sub, "list")) {
		free(used);
		return usage_error(_("unknown command '%s'"), sub);
	}
	used[at] = true;
	prog = opt_value(argc, argv, at + 1, "--programme", used);
	rc = check_all_used(argc, argv, at + 1, used);
	free(used);
	if (rc)
		return rc;
	if (prog) {
		char *end;
		only = strtoll(prog, &end, 10);
		if (*end || only <= 0) {
			fprintf(stderr, "cusdesk: %s\n", _("--programme: give the programme's id"));
			return 1;
		}
	}
	a = o->actor;
	if (!only)
		return catalogue_all(db, &a);
	if ((rc = programme_list(db, &a, &pl, &np)))
		return fail_msg(NULL, rc);
	for (i = 0; i < np; i++) {
		struct programme_service *ps;
		size_t ns;
		if (only && pl[i].id != only)
			continue;
		if (programme_services(db, &a, pl[i].id, &ps, &ns))
			continue;
		for (j = 0; j < ns; j++) {
			char cap[32] = "", lim[32] = "";
			struct service sv;
			char *fee = NULL;
			if (ps[j].monthly_capacity >= 0)
				number_text(ps[j].monthly_capacity, cap, sizeof(cap));
			if (ps[j].max_per_month >= 0)
				number_text(ps[j].max_per_month, lim, sizeof(lim));
			if (service_get(db, &a, ps[j].service_id, &sv) == CD_OK)
				fee = service_fee_text(&sv);
			printf("%lld\t%s\t%s\t%lld\t%s\t%s\t%s\t%s\t%s\n", (long long)pl[i].id,
			       pl[i].name, pl[i].status, (long long)ps[j].service_id,
			       ps[j].service_name, cap, lim, ps[j].limit_text, fee ? fee : "");
			free(fee);
		}
		free(ps);
		if (only)
			break;
	}
	if (only && i == np) {
		free(pl);
		fprintf(stderr, "cusdesk: %s\n", _("no such programme"));
		return 1;
	}
	free(pl);
	return 0;
}

int cmd_setting(struct cli_opts *o, struct cd_db *db, int argc, char **argv, int at)
{
	const struct setting_def *d;
	struct fielderr e;
	int rc;

	if (at + 2 < argc)
		return usage_error(_("unexpected argument '%s'"), argv[at + 2]);
	if (at + 1 < argc) {
		if ((rc = setting_change(db, &o->actor, argv[at], argv[at + 1], &e)))
			return fail_msg(&e, rc);
		return 0;
	}
	for (d = setting_defs; d->key; d++) {
		char *v;
		if (at < argc && strcmp(argv[at], d->key))
			continue;
		v = setting_get(db, d->key, "");
		if (at < argc)
			printf("%s\n", v);
		else
			printf("%s\t%s\t# %s\n", d->key, v, _(d->help));
		free(v);
		if (at < argc)
			return 0;
	}
	if (at < argc) {
		fielderr_set(&e, -1, _("Setting: unknown name '%s'"), argv[at]);
		return fail_msg(&e, CD_EINVAL);
	}
	return 0;
}
