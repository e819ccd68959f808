/* cli.c - command line commands. */
#include "cli.h"
#include "auth.h"
#include "catalogue.h"
#include "csv.h"
#include "export.h"
#include "document.h"
#include "access.h"
#include "rodo.h"
#include "import.h"
#include "centre.h"
#include "demo.h"
#include "codes.h"
#include "db.h"
#include "i18n.h"
#include "person.h"
#include "text.h"
#include "request.h"
#include "settings.h"
#include "worklist.h"
#include "assessment.h"
#include "offer.h"
#include "report.h"
#include "summary.h"
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#ifndef VERSION
#define VERSION "0.1"
#endif

void cli_usage(void)
{
	/* TRANSLATORS: keep the command words and options in English */
	fputs(_("Usage:\n"
		"  cusdesk [--db PATH] [--lang pl|en] [--mono]   start the desk\n"
		"  cusdesk [--db PATH] init [--centre NAME]      create an empty database\n"
		"  cusdesk [--db PATH] user add LOGIN --role ROLE[,ROLE...] [--name \"Full name\"]\n"
		"                                                password from stdin\n"
		"  cusdesk [--db PATH] user list | user passwd LOGIN | user disable LOGIN\n"
		"  cusdesk [--db PATH] person add --first X --last Y [--pesel N]\n"
		"          [--birth YYYY-MM-DD] [--sex K|M] [--phone P] [--email E]\n"
		"          [--street S] [--house N] [--flat N] [--postcode NN-NNN]\n"
		"          [--town T] [--gmina G] [--force]      prints the new id\n"
		"  cusdesk [--db PATH] person find QUERY         id, surname, first name, PESEL\n"
		"  cusdesk [--db PATH] request add --person ID [--filed YYYY-MM-DD]\n"
		"          [--channel C] [--asked TEXT]          prints the case reference\n"
		"  cusdesk [--db PATH] demo                      fill the database with demo data\n"
		"  cusdesk [--db PATH] check                     integrity and schema check\n"
		"  cusdesk [--db PATH] setting [NAME [VALUE]]    show or change a setting\n"
		"  cusdesk [--db PATH] worklist [--user LOGIN] [--date YYYY-MM-DD]\n"
		"                                                kind, due, days left, case, person\n"
		"  cusdesk [--db PATH] unmet [--user LOGIN]      the register of unmet needs:\n"
		"                                                date, case, person, domain, need\n"
		"  cusdesk [--db PATH] waiting [--user LOGIN]    the waiting list: service,\n"
		"                                                position, filed, case, person\n"
		"  cusdesk [--db PATH] catalogue list            the catalogue: service id, service,\n"
		"                                                area, unit, group, fee, programmes\n"
		"  cusdesk [--db PATH] catalogue list --programme ID\n"
		"                                                programme id, programme, status,\n"
		"                                                service id, service, monthly\n"
		"                                                capacity, limit a month, limit, fee\n"
		"  cusdesk [--db PATH] report half-year --from YYYY-MM-DD --to YYYY-MM-DD\n"
		"          [--format text|csv] [-o FILE [--encoding utf-8|cp1250]]\n"
		"                                                the half-yearly summary's figures\n"
		"  cusdesk [--db PATH] report quarterly --quarter YYYYQn [--format text|csv]\n"
		"          [-o FILE [--encoding utf-8|cp1250]]   the quarterly report to the ministry\n"
		"  cusdesk [--db PATH] export persons|requests|plans|waiting|catalogue -o FILE\n"
		"          [--encoding utf-8|cp1250] [--yes]     CSV for a spreadsheet; personal\n"
		"                                                data only when confirmed\n"
		"  cusdesk [--db PATH] gmina add NAME | gmina list  the gminas the centre serves\n"
		"  cusdesk [--db PATH] print KIND ID -o FILE.pdf|FILE.txt [--encoding utf-8|cp1250]\n"
		"          KIND: request, assessment, plan, order, closing, card, half-year,\n"
		"          quarterly                             a document to print or keep\n"
		"  cusdesk [--db PATH] rodo export PERSON_ID -o FILE.pdf   all about a person\n"
		"  cusdesk [--db PATH] rodo anonymise [--closed-before YYYY-MM-DD] [--dry-run]\n"
		"  cusdesk [--db PATH] rodo consent PERSON_ID [give SCOPE | withdraw ID] [--on DATE]\n"
		"  cusdesk [--db PATH] import persons|providers FILE [--dry-run]\n"
		"          [--encoding auto|utf-8|cp1250|iso-8859-2]\n"
		"                                                from another system's CSV\n"
		"  cusdesk --help | --version\n"
		"\n"
		"Roles: reception, coordinator, organiser, director, community_organiser, admin.\n"
		"Channels: in_person, writing, phone, email, epuap.\n"
		"The database is $CUSDESK_DB, else $XDG_DATA_HOME/cusdesk/cusdesk.db.\n"),
	      stdout);
}

void cli_version(void)
{
	printf("cusdesk %s\n", VERSION);
}

void cli_opts_release(struct cli_opts *o)
{
	free(o->db_path);
	o->db_path = NULL;
}

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("cusdesk: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fputs(_("Try 'cusdesk --help'.\n"), stderr);
	return 2;
}

int cli_parse_global(int argc, char **argv, struct cli_opts *o)
{
	int i;

	memset(o, 0, sizeof(*o));
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--db") || !strcmp(a, "--lang")) {
			if (i + 1 >= argc)
				return usage_error(_("option %s needs a value"), a);
			if (!strcmp(a, "--db")) {
				free(o->db_path);
				o->db_path = xstrdup(argv[++i]);
			} else {
				o->lang = argv[++i];
				if (strcmp(o->lang, "pl") && strcmp(o->lang, "en"))
					return usage_error(_("--lang takes pl or en, not '%s'"),
							   o->lang);
			}
		} else if (!strncmp(a, "--db=", 5)) {
			free(o->db_path);
			o->db_path = xstrdup(a + 5);
		} else if (!strncmp(a, "--lang=", 7)) {
			o->lang = a + 7;
		} else if (!strcmp(a, "--mono")) {
			o->mono = true;
		} else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			o->help = true;
		} else if (!strcmp(a, "--version") || !strcmp(a, "-V")) {
			o->version = true;
		} else if (a[0] == '-') {
			return usage_error(_("unknown option '%s'"), a);
		} else {
			break;
		}
	}
	o->first_arg = i;
	if (!o->db_path)
		o->db_path = db_default_path();
	return 0;
}

/* Reads one line (a password) from stdin without echo on a terminal. */
static char *read_secret(const char *prompt)
{
	struct termios old, quiet;
	bool tty = isatty(STDIN_FILENO);
	char buf[512];
	char *r;

	if (tty) {
		fputs(prompt, stderr);
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
	}
	r = fgets(buf, sizeof(buf), stdin);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSANOW, &old);
		fputc('\n', stderr);
	}
	if (!r)
		return NULL;
	buf[strcspn(buf, "\r\n")] = '\0';
	return xstrdup(buf);
}

static int fail_msg(const struct fielderr *e, int rc)
{
	fprintf(stderr, "cusdesk: %s\n", cd_error_text(rc, e));
	return 1;
}

/* Finds "--name value" among argv[from..argc); NULL when absent.  Marks
 * the consumed words in used[]. */
static const char *opt_value(int argc, char **argv, int from, const char *name,
			     bool *used)
{
	int i;

	for (i = from; i < argc - 1; i++)
		if (!strcmp(argv[i], name)) {
			used[i] = used[i + 1] = true;
			return argv[i + 1];
		}
	return NULL;
}

/* The word at i when it is not an option (marked used); NULL otherwise. */
static const char *opt_positional(int argc, char **argv, int i, bool *used)
{
	if (i >= argc || argv[i][0] == '-')
		return NULL;
	used[i] = true;
	return argv[i];
}

static bool opt_flag(int argc, char **argv, int from, const char *name, bool *used)
{
	int i;

	for (i = from; i < argc; i++)
		if (!strcmp(argv[i], name)) {
			used[i] = true;
			return true;
		}
	return false;
}

/* Every word from `from` on must have been consumed. */
static int check_all_used(int argc, char **argv, int from, const bool *used)
{
	int i;

	for (i = from; i < argc; i++)
		if (!used[i])
			return usage_error(_("unexpected argument '%s'"), argv[i]);
	return 0;
}

static int cmd_init(struct cli_opts *o, int argc, char **argv, int at)
{
	bool *used = xcalloc((size_t)argc + 1, sizeof(bool));
	const char *centre = opt_value(argc, argv, at, "--centre", used);
	struct cd_db *db = NULL;
	char *err = NULL;
	int rc;

	if ((rc = check_all_used(argc, argv, at, used))) {
		free(used);
		return rc;
	}
	free(used);
	if (db_open(o->db_path, DB_CREATE_NEW, &db, &err)) {
		fprintf(stderr, "cusdesk: %s\n", err);
		free(err);
		return 1;
	}
	rc = centre_setup(db, centre);
	db_close(&db);
	if (rc) {
		fprintf(stderr, "cusdesk: %s\n", _("could not set up the new database"));
		unlink(o->db_path);
		return 1;
	}
	printf(_("created %s\n"), o->db_path);
	return 0;
}

static int open_db(struct cli_opts *o, struct cd_db **db)
{
	char *err = NULL;

	if (db_open(o->db_path, DB_OPEN_EXISTING, db, &err)) {
		fprintf(stderr, "cusdesk: %s\n", err);
		free(err);
		return 1;
	}
	return 0;
}

static int cmd_user(struct cd_db *db, int argc, char **argv, int at)
{
	struct actor sys;
	struct fielderr e;
	const char *sub = at < argc ? argv[at] : "";
	bool *used = xcalloc((size_t)argc + 1, sizeof(bool));
	int rc = 0;

	actor_system(&sys);
	fielderr_clear(&e);
	if (!strcmp(sub, "add") && at + 1 < argc) {
		const char *login = argv[at + 1];
		const char *role, *name;
		unsigned roles;
		char *pw;
		int64_t id;

		role = opt_value(argc, argv, at + 2, "--role", used);
		if (!role)
			role = opt_value(argc, argv, at + 2, "--roles", used);
		name = opt_value(argc, argv, at + 2, "--name", used);
		if ((rc = check_all_used(argc, argv, at + 2, used)))
			goto out;
		if (!role) {
			rc = usage_error("%s", _("user add needs --role"));
			goto out;
		}
		if (user_validate_login(login, &e)) {
			rc = fail_msg(&e, CD_EINVAL);
			goto out;
		}
		if (!(roles = roles_parse(role, &e))) {
			rc = fail_msg(&e, CD_EINVAL);
			goto out;
		}
		pw = read_secret(_("Password: "));
		if (!pw) {
			fprintf(stderr, "cusdesk: %s\n", _("Password: none given on stdin"));
			rc = 1;
			goto out;
		}
		if ((rc = user_add(db, &sys, login, name, roles, pw, &id, &e)))
			rc = fail_msg(&e, rc);
		else
			printf("%lld\n", (long long)id);
		free(pw);
	} else if (!strcmp(sub, "list") && at + 1 == argc) {
		struct user *u;
		size_t n, i;
		if (user_list(db, &sys, &u, &n) == CD_OK) {
			for (i = 0; i < n; i++) {
				char *r = roles_codes(u[i].roles);
				printf("%s\t%s\t%s\t%s\n", u[i].login, u[i].full_name, r,
				       u[i].disabled ? "disabled" : "active");
				free(r);
			}
		}
		free(u);
	} else if (!strcmp(sub, "passwd") && at + 2 == argc) {
		char *pw = read_secret(_("New password: "));
		if (!pw) {
			fprintf(stderr, "cusdesk: %s\n", _("Password: none given on stdin"));
			rc = 1;
			goto out;
		}
		if ((rc = user_set_password(db, &sys, argv[at + 1], pw, &e)))
			rc = fail_msg(&e, rc);
		free(pw);
	} else if (!strcmp(sub, "disable") && at + 2 == argc) {
		if ((rc = user_set_disabled(db, &sys, argv[at + 1], true, &e)))
			rc = fail_msg(&e, rc);
	} else if (!strcmp(sub, "enable") && at + 2 == argc) {
		if ((rc = user_set_disabled(db, &sys, argv[at + 1], false, &e)))
			rc = fail_msg(&e, rc);
	} else {
		rc = usage_error(_("unknown user command '%s'"), sub);
	}
out:
	free(used);
	return rc;
}

static void copy_opt(char *dst, size_t size, const char *v)
{
	if (v)
		str_copy(dst, size, v);
}

static int cmd_person(struct cd_db *db, int argc, char **argv, int at)
{
	struct actor sys;
	struct fielderr e;
	const char *sub = at < argc ? argv[at] : "";
	bool *used = xcalloc((size_t)argc + 1, sizeof(bool));
	int rc = 0;

	actor_system(&sys);
	fielderr_clear(&e);
	if (!strcmp(sub, "add")) {
		struct person p;
		int64_t dups[8];
		size_t nd, i;
		bool force;

		person_init(&p);
		copy_opt(p.first_names, sizeof(p.first_names),
			 opt_value(argc, argv, at + 1, "--first", used));
		copy_opt(p.surname, sizeof(p.surname),
			 opt_value(argc, argv, at + 1, "--last", used));
		copy_opt(p.pesel, sizeof(p.pesel), opt_value(argc, argv, at + 1, "--pesel", used));
		copy_opt(p.birth_date, sizeof(p.birth_date),
			 opt_value(argc, argv, at + 1, "--birth", used));
		copy_opt(p.sex, sizeof(p.sex), opt_value(argc, argv, at + 1, "--sex", used));
		copy_opt(p.phone, sizeof(p.phone), opt_value(argc, argv, at + 1, "--phone", used));
		copy_opt(p.email, sizeof(p.email), opt_value(argc, argv, at + 1, "--email", used));
		copy_opt(p.street, sizeof(p.street), opt_value(argc, argv, at + 1, "--street", used));
		copy_opt(p.house_no, sizeof(p.house_no), opt_value(argc, argv, at + 1, "--house", used));
		copy_opt(p.flat_no, sizeof(p.flat_no), opt_value(argc, argv, at + 1, "--flat", used));
		copy_opt(p.postcode, sizeof(p.postcode),
			 opt_value(argc, argv, at + 1, "--postcode", used));
		copy_opt(p.town, sizeof(p.town), opt_value(argc, argv, at + 1, "--town", used));
		copy_opt(p.gmina, sizeof(p.gmina), opt_value(argc, argv, at + 1, "--gmina", used));
		force = opt_flag(argc, argv, at + 1, "--force", used);
		if ((rc = check_all_used(argc, argv, at + 1, used)))
			goto out;
		{
			struct date today;
			date_today(&today);
			if ((rc = person_validate(&p, &today, &e))) {
				rc = fail_msg(&e, rc);
				goto out;
			}
		}
		nd = person_find_duplicates(db, &p, dups, ARRAY_SIZE(dups));
		if (nd && !force) {
			fprintf(stderr, "cusdesk: %s\n",
				_("a person with the same name and birth date is "
				  "already registered (add --force to register "
				  "another one):"));
			for (i = 0; i < nd; i++) {
				struct person x;
				if (person_get(db, &sys, dups[i], &x) == CD_OK)
					fprintf(stderr, "  %lld\t%s\t%s\t%s\t%s\n",
						(long long)x.id, x.surname, x.first_names,
						x.pesel, x.town);
			}
			rc = 1;
			goto out;
		}
		if ((rc = person_save(db, &sys, &p, &e)))
			rc = fail_msg(&e, rc);
		else
			printf("%lld\n", (long long)p.id);
	} else if (!strcmp(sub, "find") && at + 2 <= argc) {
		struct strbuf q;
		struct person_hit *h;
		size_t n, i;
		int k;

		sb_init(&q);
		sb_add(&q, "");
		for (k = at + 1; k < argc; k++) {
			if (q.len)
				sb_addc(&q, ' ');
			sb_add(&q, argv[k]);
		}
		rc = person_search(db, &sys, q.buf, 100000, &h, &n);
		sb_release(&q);
		if (rc) {
			rc = fail_msg(NULL, rc);
			goto out;
		}
		for (i = 0; i < n; i++)
			printf("%lld\t%s\t%s\t%s\n", (long long)h[i].id, h[i].surname,
			       h[i].first_names, h[i].pesel);
		free(h);
	} else {
		rc = usage_error(_("unknown person command '%s'"), sub);
	}
out:
	free(used);
	return rc;
}

static int cmd_request(struct cd_db *db, int argc, char **argv, int at)
{
	struct actor sys;
	struct fielderr e;
	struct request r;
	const char *sub = at < argc ? argv[at] : "";
	bool *used = xcalloc((size_t)argc + 1, sizeof(bool));
	const char *person, *filed, *channel, *asked;
	char *end;
	int rc = 0;

	actor_system(&sys);
	fielderr_clear(&e);
	if (strcmp(sub, "add")) {
		rc = usage_error(_("unknown request command '%s'"), sub);
		goto out;
	}
	request_init(&r);
	person = opt_value(argc, argv, at + 1, "--person", used);
	filed = opt_value(argc, argv, at + 1, "--filed", used);
	channel = opt_value(argc, argv, at + 1, "--channel", used);
	asked = opt_value(argc, argv, at + 1, "--asked", used);
	if ((rc = check_all_used(argc, argv, at + 1, used)))
		goto out;
	if (!person) {
		rc = usage_error("%s", _("request add needs --person ID"));
		goto out;
	}
	r.person_id = strtoll(person, &end, 10);
	if (*end || r.person_id <= 0) {
		fprintf(stderr, "cusdesk: %s\n", _("Person: give the numeric id"));
		rc = 1;
		goto out;
	}
	copy_opt(r.filed_on, sizeof(r.filed_on), filed);
	if (channel) {
		const char *c = code_lookup(&codes_channel, channel);
		str_copy(r.channel, sizeof(r.channel), c ? c : channel);
	}
	copy_opt(r.asked, sizeof(r.asked), asked);
	if ((rc = request_file(db, &sys, &r, &e)))
		rc = fail_msg(&e, rc);
	else
		printf("%s\n", r.case_ref);
out:
	free(used);
	return rc;
}

/* --user LOGIN: the actor of that account; without it the system (all). */
static int actor_of_login(struct cd_db *db, const char *login, struct actor *a)
{
	struct user *u;
	size_t nu, i;
	bool found = false;

	actor_system(a);
	if (!login)
		return 0;
	user_list(db, a, &u, &nu);
	for (i = 0; i < nu && !found; i++)
		if (!strcmp(u[i].login, login)) {
			a->user_id = u[i].id;
			a->roles = u[i].roles;
			str_copy(a->login, sizeof(a->login), u[i].login);
			found = true;
		}
	free(u);
	if (!found) {
		fprintf(stderr, "cusdesk: ");
		fprintf(stderr, _("Login: no user '%s'"), login);
		fputc('\n', stderr);
		return 1;
	}
	return 0;
}

/* The worklist of a user (or of everyone: every case, every approval). */
static int cmd_worklist(struct cd_db *db, int argc, char **argv, int at)
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
	if (actor_of_login(db, login, &a))
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
static int cmd_register(struct cd_db *db, const char *cmd, int argc, char **argv, int at)
{
	bool *used = xcalloc((size_t)argc + 1, sizeof(bool));
	const char *login = opt_value(argc, argv, at, "--user", used);
	struct actor a;
	size_t n, i;
	int rc;

	rc = check_all_used(argc, argv, at, used);
	free(used);
	if (rc || actor_of_login(db, login, &a))
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

/* report quarterly --quarter YYYYQn [--format text|csv] */
/* Writes text (UTF-8) to path in enc (UTF-8 with BOM, or Windows-1250). */
static int write_encoded(const char *path, const char *text, enum csv_encoding enc)
{
	struct fielderr e;
	char *bytes;
	size_t len;
	int rc;

	if ((rc = csv_encode(text, enc, &bytes, &len, &e)) ||
	    (rc = csv_write_file(path, bytes, len, &e))) {
		free(bytes);
		return fail_msg(&e, rc);
	}
	free(bytes);
	return 0;
}

/* --encoding: utf-8 (default) or cp1250. */
static int output_encoding(const char *s, enum csv_encoding *enc)
{
	*enc = CSV_UTF8;
	if (s && (!csv_encoding_parse(s, enc) || *enc == CSV_AUTO || *enc == CSV_ISO8859_2))
		return usage_error(_("--encoding takes utf-8 or cp1250, not '%s'"), s);
	return 0;
}

/* export persons|requests|plans|waiting|catalogue -o FILE [--encoding E]
 * [--yes]: personal data leaves only when confirmed (asked on a terminal,
 * --yes otherwise). */
static int cmd_export(struct cd_db *db, int argc, char **argv, int at)
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
	actor_system(&a);
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
static int cmd_print(struct cd_db *db, int argc, char **argv, int at)
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
	actor_system(&a);
	if ((rc = doc_build(db, &a, kind, id, &d, &e)))
		return fail_msg(&e, rc);
	rc = doc_write(&d, path, enc, &e);
	doc_free(&d);
	return rc ? fail_msg(&e, rc) : 0;
}

/* rodo export PERSON_ID -o FILE | rodo anonymise [--closed-before D] [--dry-run]
 * | rodo consent PERSON_ID [give SCOPE [--on D] | withdraw CONSENT_ID [--on D]] */
static int cmd_rodo(struct cd_db *db, int argc, char **argv, int at)
{
	bool *used = xcalloc((size_t)argc + 1, sizeof(bool));
	const char *sub = at < argc ? argv[at] : "";
	struct fielderr e;
	struct actor a;
	int rc;

	actor_system(&a);
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
		if ((rc = rodo_anonymise(db, &a, before, &n, &e)))
			return fail_msg(&e, rc);
		fprintf(stderr, P_("%zu person anonymised\n", "%zu persons anonymised\n",
				   (unsigned long)n), n);
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

/* gmina add NAME | gmina list: the gminas the centre serves. */
static int cmd_gmina(struct cd_db *db, int argc, char **argv, int at)
{
	const char *sub = at < argc ? argv[at] : "";
	char **names, name[64];
	size_t n, i;
	int rc;

	if (!strcmp(sub, "list") && at + 1 == argc) {
		if (gmina_names(db, &names, &n))
			return fail_msg(NULL, CD_EDB);
		for (i = 0; i < n; i++)
			puts(names[i]);
		gmina_names_free(names, n);
		return 0;
	}
	if (strcmp(sub, "add") || at + 2 != argc)
		return usage_error("%s", _("gmina add NAME | gmina list"));
	str_copy(name, sizeof(name), argv[at + 1]);
	str_squeeze(name);
	if (!name[0] || !utf8_valid(name))
		return usage_error("%s", _("Gmina: give its name"));
	rc = gmina_add(db, name, NULL);
	if (rc == CD_EEXIST) {
		fprintf(stderr, "cusdesk: %s\n", _("Gmina: the centre already has it"));
		return 1;
	}
	return rc ? fail_msg(NULL, rc) : 0;
}

/* import persons|providers FILE [--encoding E] [--dry-run] */
static int cmd_import(struct cd_db *db, int argc, char **argv, int at)
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
	actor_system(&a);
	if ((rc = import_file(db, &a, kind, path, enc, dry, &r, &e)))
		return fail_msg(&e, rc);
	printf(_("File: %s, separator '%c', %zu rows\n"), csv_encoding_name(r.encoding), r.sep,
	       r.rows);
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

static int cmd_report(struct cd_db *db, int argc, char **argv, int at)
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
		actor_system(&a);
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
	actor_system(&a);
	if ((rc = report_quarterly(db, &a, quarter, &r, &e)))
		return fail_msg(&e, rc);
	text = quarterly_report_format(&r, format && !strcmp(format, "csv"));
	rc = path ? write_encoded(path, text, enc) : (fputs(text, stdout), 0);
	free(text);
	quarterly_report_release(&r);
	return rc;
}

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
static int cmd_catalogue(struct cd_db *db, int argc, char **argv, int at)
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
	actor_system(&a);
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
				snprintf(cap, sizeof(cap), "%g", ps[j].monthly_capacity);
			if (ps[j].max_per_month >= 0)
				snprintf(lim, sizeof(lim), "%g", ps[j].max_per_month);
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

static int cmd_setting(struct cd_db *db, int argc, char **argv, int at)
{
	const struct setting_def *d;
	struct fielderr e;

	if (at + 2 < argc)
		return usage_error(_("unexpected argument '%s'"), argv[at + 2]);
	if (at + 1 < argc) {
		if (setting_change(db, argv[at], argv[at + 1], &e))
			return fail_msg(&e, CD_EINVAL);
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

int cli_run(struct cli_opts *o, int argc, char **argv)
{
	const char *cmd = argv[o->first_arg];
	struct cd_db *db = NULL;
	int at = o->first_arg + 1, rc;

	if (!strcmp(cmd, "init"))
		return cmd_init(o, argc, argv, at);
	if (strcmp(cmd, "user") && strcmp(cmd, "person") && strcmp(cmd, "request") &&
	    strcmp(cmd, "demo") && strcmp(cmd, "check") && strcmp(cmd, "setting") &&
	    strcmp(cmd, "worklist") && strcmp(cmd, "unmet") && strcmp(cmd, "waiting") &&
	    strcmp(cmd, "catalogue") && strcmp(cmd, "report") && strcmp(cmd, "export") &&
	    strcmp(cmd, "import") && strcmp(cmd, "gmina") && strcmp(cmd, "print") &&
	    strcmp(cmd, "rodo"))
		return usage_error(_("unknown command '%s'"), cmd);
	if (open_db(o, &db))
		return 1;
	if (!strcmp(cmd, "user")) {
		rc = cmd_user(db, argc, argv, at);
	} else if (!strcmp(cmd, "person")) {
		rc = cmd_person(db, argc, argv, at);
	} else if (!strcmp(cmd, "request")) {
		rc = cmd_request(db, argc, argv, at);
	} else if (!strcmp(cmd, "worklist")) {
		rc = cmd_worklist(db, argc, argv, at);
	} else if (!strcmp(cmd, "report")) {
		rc = cmd_report(db, argc, argv, at);
	} else if (!strcmp(cmd, "catalogue")) {
		rc = cmd_catalogue(db, argc, argv, at);
	} else if (!strcmp(cmd, "export")) {
		rc = cmd_export(db, argc, argv, at);
	} else if (!strcmp(cmd, "import")) {
		rc = cmd_import(db, argc, argv, at);
	} else if (!strcmp(cmd, "gmina")) {
		rc = cmd_gmina(db, argc, argv, at);
	} else if (!strcmp(cmd, "print")) {
		rc = cmd_print(db, argc, argv, at);
	} else if (!strcmp(cmd, "rodo")) {
		rc = cmd_rodo(db, argc, argv, at);
	} else if (!strcmp(cmd, "unmet") || !strcmp(cmd, "waiting")) {
		rc = cmd_register(db, cmd, argc, argv, at);
	} else if (!strcmp(cmd, "setting")) {
		rc = cmd_setting(db, argc, argv, at);
	} else if (!strcmp(cmd, "demo")) {
		rc = demo_fill(db);
		if (rc == CD_EEXIST)
			fprintf(stderr, "cusdesk: %s\n",
				_("the database already holds persons; the demo "
				  "goes only into an empty one"));
		else if (rc)
			fprintf(stderr, "cusdesk: %s\n", _("filling the demo data failed"));
		else
			printf(_("demo data added: %d persons; accounts recepcja, "
				 "koordynator, koordynator2, organizator, dyrektor, osl, "
				 "admin; password %s\n"), DEMO_PERSONS, DEMO_PASSWORD);
		rc = rc ? 1 : 0;
	} else {
		struct strbuf sb;
		sb_init(&sb);
		rc = db_check(db, &sb);
		fputs(sb.buf ? sb.buf : "", stdout);
		sb_release(&sb);
		rc = rc ? 1 : 0;
	}
	db_close(&db);
	return rc;
}
