/* paper.c - documents and files: print, export, import, report, rodo. */
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

/* export persons|requests|plans|waiting|catalogue -o FILE [--encoding E]
 * [--yes]: personal data leaves only when confirmed (asked on a terminal,
 * --yes otherwise). */
int cmd_export(struct cli_opts *o, struct cd_db *db, int argc, char **argv, int at)
{
	bool *used = xcalloc((size_t)argc + 1, sizeof(bool));
	const char *sub = at < argc ? argv[at] : "", *path, *encoding;
	enum export_kind kind;
	enum csv_encoding enc;
	struct fielderr e;
	struct actor a;
	bool yes;
	char *text;
	long rows;
	int rc;

	if (!export_kind_parse(sub, &kind)) {
		free(used);
		return usage_error(_("unknown list '%s' (persons, requests, plans, waiting, "
				     "catalogue)"), sub);
	}
	used[at] = true;
	path = opt_value(argc, argv, at + 1, "-o", used);
	encoding = opt_value(argc, argv, at + 1, "--encoding", used);
	yes = opt_flag(argc, argv, at + 1, "--yes", used);
	rc = check_all_used(argc, argv, at + 1, used);
	free(used);
	if (rc)
		return rc;
	if (!path)
		return usage_error("%s", _("-o FILE is required"));
	if ((rc = output_encoding(encoding, &enc)))
		return rc;
	if (export_is_personal(kind) && !yes) {
		char buf[16] = "";
		if (!isatty(STDIN_FILENO)) {
			fprintf(stderr, "cusdesk: %s\n", _("the list holds personal data: confirm "
							   "with --yes"));
			return 1;
		}
		fprintf(stderr, "%s ", _("The list holds personal data; the export is recorded. "
					 "Continue? [t/N]"));
		if (!fgets(buf, sizeof(buf), stdin) || (buf[0] != 't' && buf[0] != 'T' &&
							buf[0] != 'y' && buf[0] != 'Y')) {
			fprintf(stderr, "cusdesk: %s\n", _("nothing exported"));
			return 1;
		}
	}
	a = o->actor;
	if ((rc = export_csv(db, &a, kind, &text, &rows, &e)))
		return fail_msg(&e, rc);
	rc = write_encoded(path, text, enc);
	free(text);
	if (!rc)
		fprintf(stderr, P_("%ld row written to %s\n", "%ld rows written to %s\n",
				   (unsigned long)rows), rows, path);
	return rc;
}

/* print KIND ID -o FILE.pdf|FILE.txt [--encoding utf-8|cp1250] */
int cmd_print(struct cli_opts *o, struct cd_db *db, int argc, char **argv, int at)
{
	bool *used = xcalloc((size_t)argc + 1, sizeof(bool));
	const char *sub = at < argc ? argv[at] : "", *id, *path, *encoding;
	enum doc_kind kind;
	enum csv_encoding enc = CSV_UTF8;
	struct document d;
	struct fielderr e;
	struct actor a;
	int rc;

	if (!doc_kind_parse(sub, &kind)) {
		free(used);
		return usage_error(_("unknown document '%s' (request, assessment, plan, order, "
				     "closing, card, half-year, quarterly)"), sub);
	}
	used[at] = true;
	id = opt_positional(argc, argv, at + 1, used);
	path = opt_value(argc, argv, at + 1, "-o", used);
	encoding = opt_value(argc, argv, at + 1, "--encoding", used);
	rc = check_all_used(argc, argv, at + 1, used);
	free(used);
	if (rc)
		return rc;
	if (!id)
		return usage_error("%s", _("give the document's ID (a case reference, a number or a "
					   "quarter)"));
	if (!path)
		return usage_error("%s", _("-o FILE is required"));
	if ((rc = output_encoding(encoding, &enc)))
		return rc;
	a = o->actor;
	if ((rc = doc_build(db, &a, kind, id, &d, &e)))
		return fail_msg(&e, rc);
	rc = doc_write(&d, path, enc, &e);
	doc_free(&d);
	return rc ? fail_msg(&e, rc) : 0;
}

/* rodo export PERSON_ID -o FILE | rodo anonymise [--closed-before D] [--dry-run]
 * | rodo consent PERSON_ID [give SCOPE [--on D] | withdraw CONSENT_ID [--on D]] */
int cmd_rodo(struct cli_opts *o, struct cd_db *db, int argc, char **argv, int at)
{
	bool *used = xcalloc((size_t)argc + 1, sizeof(bool));
	const char *sub = at < argc ? argv[at] : "";
	struct fielderr e;
	struct actor a;
	int rc;

	a = o->actor;
	used[at] = true;
	if (!strcmp(sub, "export")) {
		const char *id = opt_positional(argc, argv, at + 1, used);
		const char *path;
		struct document d;
		path = opt_value(argc, argv, at + 1, "-o", used);
		rc = check_all_used(argc, argv, at + 1, used);
		free(used);
		if (rc)
			return rc;
		if (!id || !path)
			return usage_error("%s", _("rodo export PERSON_ID -o FILE.pdf|FILE.txt"));
		if ((rc = rodo_access(db, &a, strtoll(id, NULL, 10), &d, &e)))
			return fail_msg(&e, rc);
		rc = doc_write(&d, path, CSV_UTF8, &e);
		doc_free(&d);
		return rc ? fail_msg(&e, rc) : 0;
	}
	if (!strcmp(sub, "anonymise")) {
		const char *before = opt_value(argc, argv, at + 1, "--closed-before", used);
		bool dry = opt_flag(argc, argv, at + 1, "--dry-run", used);
		struct anon_candidate *l;
		char def[11];
		size_t n, i;
		rc = check_all_used(argc, argv, at + 1, used);
		free(used);
		if (rc)
			return rc;
		if (!before) {
			rodo_default_before(db, def);
			before = def;
		}
		if ((rc = rodo_candidates(db, &a, before, &l, &n, &e)))
			return fail_msg(&e, rc);
		for (i = 0; i < n && dry; i++)
			printf("%lld\t%s\t%s\n", (long long)l[i].person_id, l[i].name,
			       l[i].last_activity);
		free(l);
		if (dry) {
			fprintf(stderr, P_("%zu person would be anonymised (the last case closed "
					   "before %s)\n", "%zu persons would be anonymised (the last "
					   "case closed before %s)\n", (unsigned long)n), n, before);
			return 0;
		}
		{
			struct cli_job job;
			size_t total = n;
			bool stopped;
			cli_job_start(&job, _("anonymising"));
			rc = rodo_anonymise(db, &a, before, &n, &job.job, &e);
			stopped = cli_job_end(&job);
			if (rc)
				return fail_msg(&e, rc);
			fprintf(stderr, P_("%zu person anonymised\n", "%zu persons anonymised\n",
					   (unsigned long)n), n);
			if (stopped) {
				fprintf(stderr, P_("interrupted: the other %zu person is unchanged\n",
						   "interrupted: the other %zu persons are unchanged\n",
						   (unsigned long)(total - n)), total - n);
				return 1;
			}
		}
		return 0;
	}
	if (!strcmp(sub, "consent")) {
		const char *id = at + 1 < argc ? argv[at + 1] : NULL;
		const char *verb = at + 2 < argc ? argv[at + 2] : NULL;
		const char *arg = at + 3 < argc ? argv[at + 3] : NULL;
		const char *on;
		struct consent *c;
		struct date today;
		char day[11];
		size_t n, i;
		int64_t pid = id ? strtoll(id, NULL, 10) : 0;
		if (id)
			used[at + 1] = true;
		if (verb)
			used[at + 2] = true;
		if (arg && verb)
			used[at + 3] = true;
		on = opt_value(argc, argv, at + 1, "--on", used);
		rc = check_all_used(argc, argv, at + 1, used);
		free(used);
		if (rc)
			return rc;
		if (!pid)
			return usage_error("%s", _("rodo consent PERSON_ID [give SCOPE | withdraw ID] "
						   "[--on YYYY-MM-DD]"));
		date_today(&today);
		date_format(&today, day);
		if (!on)
			on = day;
		if (verb && !strcmp(verb, "give") && arg)
			rc = consent_give(db, &a, pid, arg, on, "", &e);
		else if (verb && !strcmp(verb, "withdraw") && arg)
			rc = consent_withdraw(db, &a, strtoll(arg, NULL, 10), on, &e);
		else if (verb)
			return usage_error("%s", _("rodo consent PERSON_ID [give SCOPE | withdraw ID] "
						   "[--on YYYY-MM-DD]"));
		if (rc)
			return fail_msg(&e, rc);
		if (consent_list(db, &a, pid, &c, &n))
			return fail_msg(NULL, CD_EDB);
		for (i = 0; i < n; i++)
			printf("%lld\t%s\t%s\t%s\n", (long long)c[i].id, c[i].scope, c[i].given_on,
			       c[i].withdrawn_on);
		free(c);
		return 0;
	}
	free(used);
	return usage_error(_("unknown rodo command '%s' (export, anonymise, consent)"), sub);
}

/* import persons|providers FILE [--encoding E] [--dry-run] */
int cmd_import(struct cli_opts *o, struct cd_db *db, int argc, char **argv, int at)
{
	bool *used = xcalloc((size_t)argc + 1, sizeof(bool));
	const char *sub = at < argc ? argv[at] : "", *path, *encoding;
	struct import_result r;
	enum import_kind kind;
	enum csv_encoding enc = CSV_AUTO;
	struct fielderr e;
	struct actor a;
	bool dry;
	size_t i;
	int rc;

	if (!import_kind_parse(sub, &kind)) {
		free(used);
		return usage_error(_("unknown list '%s' (persons, providers)"), sub);
	}
	used[at] = true;
	path = opt_positional(argc, argv, at + 1, used);
	encoding = opt_value(argc, argv, at + 1, "--encoding", used);
	dry = opt_flag(argc, argv, at + 1, "--dry-run", used);
	rc = check_all_used(argc, argv, at + 1, used);
	free(used);
	if (rc)
		return rc;
	if (!path)
		return usage_error("%s", _("the file to import is required"));
	if (encoding && !csv_encoding_parse(encoding, &enc))
		return usage_error(_("--encoding takes auto, utf-8, cp1250 or iso-8859-2, not "
				     "'%s'"), encoding);
	a = o->actor;
	{
		struct cli_job job;
		bool stopped;
		cli_job_start(&job, dry ? _("checking") : _("importing"));
		rc = import_file(db, &a, kind, path, enc, dry, &job.job, &r, &e);
		stopped = cli_job_end(&job);
		if (rc)
			return fail_msg(&e, rc);
		if (stopped || r.interrupted) {
			fprintf(stderr, "%s\n", _("interrupted: nothing was added"));
			import_result_free(&r);
			return 1;
		}
	}
	/* TRANSLATORS: the file's encoding, its separator and how many rows */
	printf(P_("File: %s, separator '%c', %zu row\n", "File: %s, separator '%c', %zu rows\n",
		  r.rows), csv_encoding_name(r.encoding), r.sep, r.rows);
	printf(dry ? _("Would be added: %zu\n") : _("Added: %zu\n"), r.added);
	printf(_("Duplicates (not added): %zu\n"), r.duplicates);
	for (i = 0; i < r.rows; i++)
		if (r.row[i].outcome == IMPORT_DUPLICATE)
			printf(_("  line %zu: %s: %s\n"), r.row[i].line, r.row[i].name,
			       r.row[i].reason);
	printf(_("Rejected: %zu\n"), r.rejected);
	for (i = 0; i < r.rows; i++)
		if (r.row[i].outcome == IMPORT_REJECTED)
			printf(_("  line %zu: %s: %s\n"), r.row[i].line, r.row[i].name,
			       r.row[i].reason);
	if (r.ignored[0])
		printf(_("Columns not used: %s\n"), r.ignored);
	if (r.rejects_path[0])
		printf(_("The rejected rows are in %s\n"), r.rejects_path);
	if (dry)
		printf("%s\n", _("A dry run: nothing was stored."));
	import_result_free(&r);
	return 0;
}

int cmd_report(struct cli_opts *o, struct cd_db *db, int argc, char **argv, int at)
{
	bool *used = xcalloc((size_t)argc + 1, sizeof(bool));
	const char *sub = at < argc ? argv[at] : "", *quarter, *format, *path, *encoding;
	enum csv_encoding enc;
	struct quarterly_report r;
	struct fielderr e;
	struct actor a;
	char *text;
	int rc;

	if (!strcmp(sub, "half-year")) {
		const char *from, *to;
		used[at] = true;
		from = opt_value(argc, argv, at + 1, "--from", used);
		to = opt_value(argc, argv, at + 1, "--to", used);
		format = opt_value(argc, argv, at + 1, "--format", used);
		path = opt_value(argc, argv, at + 1, "-o", used);
		encoding = opt_value(argc, argv, at + 1, "--encoding", used);
		rc = check_all_used(argc, argv, at + 1, used);
		free(used);
		if (rc)
			return rc;
		if (!from || !to)
			return usage_error("%s", _("--from and --to are required (YYYY-MM-DD)"));
		if (format && strcmp(format, "text") && strcmp(format, "csv"))
			return usage_error(_("--format takes text or csv, not '%s'"), format);
		a = o->actor;
		if ((rc = output_encoding(encoding, &enc)))
			return rc;
		if ((rc = summary_figures(db, &a, from, to, format && !strcmp(format, "csv"), &text,
					  &e)))
			return fail_msg(&e, rc);
		rc = path ? write_encoded(path, text, enc) : (fputs(text, stdout), 0);
		free(text);
		return rc;
	}
	if (strcmp(sub, "quarterly")) {
		free(used);
		return usage_error(_("unknown report '%s' (quarterly, half-year)"), sub);
	}
	used[at] = true;
	quarter = opt_value(argc, argv, at + 1, "--quarter", used);
	format = opt_value(argc, argv, at + 1, "--format", used);
	path = opt_value(argc, argv, at + 1, "-o", used);
	encoding = opt_value(argc, argv, at + 1, "--encoding", used);
	rc = check_all_used(argc, argv, at + 1, used);
	free(used);
	if (rc)
		return rc;
	if (!quarter)
		return usage_error("%s", _("--quarter is required (like 2026Q4)"));
	if (format && strcmp(format, "text") && strcmp(format, "csv"))
		return usage_error(_("--format takes text or csv, not '%s'"), format);
	if ((rc = output_encoding(encoding, &enc)))
		return rc;
	a = o->actor;
	if ((rc = report_quarterly(db, &a, quarter, &r, &e)))
		return fail_msg(&e, rc);
	text = quarterly_report_format(&r, format && !strcmp(format, "csv"));
	rc = path ? write_encoded(path, text, enc) : (fputs(text, stdout), 0);
	free(text);
	quarterly_report_release(&r);
	return rc;
}
