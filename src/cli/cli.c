/* cli.c - command line commands. */
#include "cliint.h"
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
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#ifndef VERSION
#define VERSION "0.1"
#endif

/* The commands: the dispatcher, --help and the man page's synopsis all
 * come from this table (a CLI test checks the man page against --help).
 * Usage lines keep the command words and options in English. */
static const struct command {
	const char *name;
	cli_command_fn *run;
	bool needs_db;          /* opens an existing database first */
	const char *usage;      /* N_(): the lines after "cusdesk [--db PATH] " */
} commands[] = {
	{"init", cmd_init, false,
	 N_("init [--centre NAME] [--test]\n"
	    "                                              create an empty database (--test: one\n"
	    "                                              for tests, where CUSDESK_TODAY acts)")},
	{"user", cmd_user, true,
	 N_("user add LOGIN --role ROLE[,ROLE...] [--name \"Full name\"]\n"
	    "                                              password from stdin\n"
	    "user list | user passwd LOGIN | user disable|enable|unlock LOGIN\n"
	    "user set LOGIN [--role ROLE[,ROLE...]] [--name \"Full name\"]\n"
	    "                                              change an account's roles or name")},
	{"person", cmd_person, true,
	 N_("person add --first X --last Y [--pesel N]\n"
	    "        [--birth YYYY-MM-DD] [--sex K|M] [--phone P] [--email E]\n"
	    "        [--street S] [--house N] [--flat N] [--postcode NN-NNN]\n"
	    "        [--town T] [--gmina G] [--force]      prints the new id\n"
	    "person find QUERY         id, surname, first name, PESEL")},
	{"request", cmd_request, true,
	 N_("request add --person ID [--filed YYYY-MM-DD]\n"
	    "        [--channel C] [--asked TEXT] [--another]\n"
	    "                                 prints the case reference; --another:\n"
	    "                                 the person has an open request, file anyway")},
	{"demo", cmd_demo, true, N_("demo                      fill the database with demo data")},
	{"check", cmd_check, true, N_("check                     integrity and schema check")},
	{"backup", cmd_backup, true,
	 N_("backup [-o FILE [--encrypt]]\n"
	    "                                              a checked copy of the live database\n"
	    "                                              (without -o into the backup folder,\n"
	    "                                              which keeps the newest copies);\n"
	    "                                              --encrypt: passphrase from stdin\n"
	    "backup --verify FILE      checks a copy, an encrypted one too")},
	{"restore", cmd_restore, true,
	 N_("restore FILE              puts a checked copy in place of the\n"
	    "                                              database; refused while anyone is\n"
	    "                                              logged in at a desk")},
	{"audit", cmd_audit, true,
	 N_("audit list [--person ID] [--user LOGIN] [--from YYYY-MM-DD]\n"
	    "        [--to YYYY-MM-DD] [--limit N]\n"
	    "                                 the audit log, newest first: time, login,\n"
	    "                                 OS account, action, case, detail")},
	{"sessions", cmd_sessions, true,
	 N_("sessions [--user LOGIN]   who is logged in: login, name,\n"
	    "                                              since, last seen, terminal")},
	{"setting", cmd_setting, true, N_("setting [NAME [VALUE]]    show or change a setting")},
	{"worklist", cmd_worklist, true,
	 N_("worklist [--user LOGIN] [--date YYYY-MM-DD]\n"
	    "                                              kind, due, days left, case, person")},
	{"unmet", cmd_register, true,
	 N_("unmet [--user LOGIN]      the register of unmet needs:\n"
	    "                                              date, case, person, domain, need")},
	{"waiting", cmd_register, true,
	 N_("waiting [--user LOGIN]    the waiting list: service,\n"
	    "                                              position, filed, case, person")},
	{"catalogue", cmd_catalogue, true,
	 N_("catalogue list            the catalogue: service id, service,\n"
	    "                                              area, unit, group, fee, programmes\n"
	    "catalogue list --programme ID\n"
	    "                                              programme id, programme, status,\n"
	    "                                              service id, service, monthly\n"
	    "                                              capacity, limit a month, limit, fee")},
	{"report", cmd_report, true,
	 N_("report half-year --from YYYY-MM-DD --to YYYY-MM-DD\n"
	    "        [--format text|csv] [-o FILE [--encoding utf-8|cp1250]]\n"
	    "                                              the half-yearly summary's figures\n"
	    "report quarterly --quarter YYYYQn [--format text|csv]\n"
	    "        [-o FILE [--encoding utf-8|cp1250]]   the quarterly report to the ministry")},
	{"export", cmd_export, true,
	 N_("export persons|requests|plans|waiting|catalogue -o FILE\n"
	    "        [--encoding utf-8|cp1250] [--yes]     CSV for a spreadsheet; personal\n"
	    "                                              data only when confirmed")},
	{"gmina", cmd_gmina, true, N_("gmina add NAME | gmina list  the gminas the centre serves")},
	{"print", cmd_print, true,
	 N_("print KIND ID -o FILE.pdf|FILE.txt [--encoding utf-8|cp1250]\n"
	    "        KIND: request, assessment, plan, order, closing, card, half-year,\n"
	    "        quarterly                             a document to print or keep")},
	{"rodo", cmd_rodo, true,
	 N_("rodo export PERSON_ID -o FILE.pdf   all about a person\n"
	    "rodo anonymise [--closed-before YYYY-MM-DD] [--dry-run]\n"
	    "rodo consent PERSON_ID [give SCOPE | withdraw ID] [--on DATE]")},
	{"import", cmd_import, true,
	 N_("import persons|providers FILE [--dry-run]\n"
	    "        [--encoding auto|utf-8|cp1250|iso-8859-2]\n"
	    "                                              from another system's CSV")},
};

void cli_usage(void)
{
	/* TRANSLATORS: translate PATH only; the trailing space stays */
	const char *prefix = _("cusdesk [--db PATH] ");
	size_t i;

	fputs(_("Usage:\n"), stdout);
	/* TRANSLATORS: keep the option words in English */
	fputs(_("  cusdesk [--db PATH] [--lang pl|en] [--mono]   start the desk\n"), stdout);
	for (i = 0; i < ARRAY_SIZE(commands); i++) {
		const char *u = _(commands[i].usage), *nl;
		/* the first line and every line that starts a new form of the
		 * command get the program's name; continuations are indented */
		for (; *u; u = *nl ? nl + 1 : nl) {
			nl = strchr(u, '\n');
			if (!nl)
				nl = u + strlen(u);
			if (*u == ' ')
				printf("  %.*s\n", (int)(nl - u), u);
			else
				printf("  %s%.*s\n", prefix, (int)(nl - u), u);
		}
	}
	fputs(_("  cusdesk --help | --version\n"
		"\n"
		"Roles: reception, coordinator, organiser, director, community_organiser, admin.\n"
		"Channels: in_person, writing, phone, email, epuap.\n"
		"The database is $CUSDESK_DB, else $XDG_DATA_HOME/cusdesk/cusdesk.db.\n"), stdout);
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

int usage_error(const char *fmt, ...)
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
	o->password_fd = -1;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--user") || !strcmp(a, "--password-fd")) {
			char *end;
			long fd;
			if (i + 1 >= argc)
				return usage_error(_("option %s needs a value"), a);
			if (!strcmp(a, "--user")) {
				o->login = argv[++i];
				continue;
			}
			fd = strtol(argv[++i], &end, 10);
			if (*end || end == argv[i] || fd < 0 || fd > 1000)
				return usage_error(_("--password-fd takes a file descriptor number, "
						     "not '%s'"), argv[i]);
			o->password_fd = (int)fd;
		} else if (!strcmp(a, "--db") || !strcmp(a, "--lang")) {
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
		} else if (!strcmp(a, "--keys")) {
			o->keys = true;
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
char *read_secret(const char *prompt)
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

static volatile sig_atomic_t job_interrupted;
static struct sigaction job_old_int;

static void on_interrupt(int sig)
{
	(void)sig;
	job_interrupted = 1;
}

static void job_show(void *ctx, size_t done, size_t total)
{
	struct cli_job *j = ctx;
	long long now = job_clock_ms(), spent = now - j->t0;
	double rate;

	if (!isatty(STDERR_FILENO) || (now - j->shown < 500 && done < total))
		return;
	j->shown = now;
	rate = spent > 0 ? (double)done * 1000.0 / (double)spent : 0;
	fputc('\r', stderr);
	fprintf(stderr, _("%s: %zu of %zu, %.0f a second, about %.0f s left   "), j->what, done,
		total, rate, rate > 0 ? (double)(total - done) / rate : 0.0);
	fflush(stderr);
}

void cli_job_start(struct cli_job *j, const char *what)
{
	struct sigaction sa;

	memset(j, 0, sizeof(*j));
	j->what = what;
	j->t0 = job_clock_ms();
	j->job.report = job_show;
	j->job.ctx = j;
	j->job.stop = &job_interrupted;
	job_interrupted = 0;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_interrupt;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &job_old_int);
}

bool cli_job_end(struct cli_job *j)
{
	sigaction(SIGINT, &job_old_int, NULL);
	if (j->shown && isatty(STDERR_FILENO))
		fputc('\n', stderr);
	return job_interrupted != 0;
}

int fail_msg(const struct fielderr *e, int rc)
{
	fprintf(stderr, "cusdesk: %s\n", cd_error_text(rc, e));
	return 1;
}

/* Finds "--name value" among argv[from..argc); NULL when absent.  Marks
 * the consumed words in used[]. */
const char *opt_value(int argc, char **argv, int from, const char *name,
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
const char *opt_positional(int argc, char **argv, int i, bool *used)
{
	if (i >= argc || argv[i][0] == '-')
		return NULL;
	used[i] = true;
	return argv[i];
}

bool opt_flag(int argc, char **argv, int from, const char *name, bool *used)
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
int check_all_used(int argc, char **argv, int from, const bool *used)
{
	int i;

	for (i = from; i < argc; i++)
		if (!used[i])
			return usage_error(_("unexpected argument '%s'"), argv[i]);
	return 0;
}

/* The password of --user: one line from --password-fd, else asked on the
 * terminal without echo (never from the command line or the
 * environment, which other accounts can read). */
static char *login_password(const struct cli_opts *o)
{
	char buf[512];
	size_t n = 0;

	if (o->password_fd >= 0) {
		char c;
		ssize_t r;
		while (n + 1 < sizeof(buf) && (r = read(o->password_fd, &c, 1)) == 1 && c != '\n')
			buf[n++] = c;
		if (n && buf[n - 1] == '\r')
			n--;
		buf[n] = '\0';
		return xstrdup(buf);
	} else {
		struct termios old, quiet;
		FILE *tty = fopen("/dev/tty", "r+");
		char *r;
		if (!tty)
			return NULL;
		fprintf(tty, _("Password for %s: "), o->login);
		fflush(tty);
		tcgetattr(fileno(tty), &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(fileno(tty), TCSANOW, &quiet);
		r = fgets(buf, sizeof(buf), tty);
		tcsetattr(fileno(tty), TCSANOW, &old);
		fputc('\n', tty);
		fclose(tty);
		if (!r)
			return NULL;
		buf[strcspn(buf, "\r\n")] = '\0';
		return xstrdup(buf);
	}
}

/* Who runs this command: the cusdesk account of --user (its password
 * checked, as at the desk), or, without --user, the host's administrator:
 * root or the OS account that owns the database file, who can read the
 * file anyway.  Anyone else is refused before anything is read. */
static int cli_identify(struct cli_opts *o, struct cd_db *db)
{
	struct stat st;
	char *pw;
	int rc;

	if (!o->login) {
		if (geteuid() == 0 || (stat(o->db_path, &st) == 0 && st.st_uid == geteuid())) {
			actor_system(&o->actor);
			o->host_admin = true;
			return 0;
		}
		fprintf(stderr, "cusdesk: %s\n",
			_("the command line needs your cusdesk login: cusdesk --user LOGIN ... "
			  "(without one only root or the owner of the database file may run it)"));
		return 1;
	}
	if (!(pw = login_password(o))) {
		fprintf(stderr, "cusdesk: %s\n", _("no terminal to ask the password on; a script "
						      "gives it with --password-fd N"));
		return 1;
	}
	rc = user_login(db, o->login, pw, &o->actor);
	sodium_memzero(pw, strlen(pw));
	free(pw);
	if (rc == CD_ELOCKED) {
		fprintf(stderr, "cusdesk: ");
		fprintf(stderr, _("the account is locked after too many failed logins, until %.16s; "
				  "the administrator can unlock it (user unlock LOGIN)"),
			o->actor.locked_until);
		fputc('\n', stderr);
		return 1;
	}
	if (rc) {
		fprintf(stderr, "cusdesk: %s\n", cd_status_text(rc));
		return 1;
	}
	return 0;
}

int open_db(struct cli_opts *o, struct cd_db **db)
{
	char *err = NULL;

	size_t undone = 0;

	if (db_open(o->db_path, DB_OPEN_EXISTING, db, &err)) {
		fprintf(stderr, "cusdesk: %s\n", err);
		free(err);
		return 1;
	}
	if (cli_identify(o, *db)) {
		db_close(db);
		return 1;
	}
	/* an import whose process died is taken back before anything else */
	if (import_recover(*db, &undone) == CD_OK && undone)
		fprintf(stderr, P_("cusdesk: %zu import cut short earlier was taken back\n",
				   "cusdesk: %zu imports cut short earlier were taken back\n",
				   (unsigned long)undone), undone);
	return 0;
}

int copy_opt(char *dst, size_t size, const char *v, const char *opt)
{
	if (!v)
		return 0;
	if (strlen(v) >= size) {
		fputs("cusdesk: ", stderr);
		fprintf(stderr, _("%s: too long, at most %zu bytes (a Polish letter takes 2); "
				  "nothing saved"), opt, size - 1);
		fputc('\n', stderr);
		return 1;
	}
	str_copy(dst, size, v);
	return 0;
}

/* A command's own --user LOGIN (whose worklist, whose sessions): the
 * acting account itself; the host's administrator may name anyone.
 * Without it, who acts. */
int actor_of_login(const struct cli_opts *o, struct cd_db *db, const char *login,
		   struct actor *a)
{
	struct user *u;
	size_t nu, i;
	bool found = false;

	*a = o->actor;
	if (!login || (!o->host_admin && !strcmp(login, o->actor.login)))
		return 0;
	if (!o->host_admin) {
		fprintf(stderr, "cusdesk: ");
		fprintf(stderr, _("--user %s: only your own (%s); another account's view is for "
				  "the host's administrator"), login, o->actor.login);
		fputc('\n', stderr);
		return 1;
	}
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

/* report quarterly --quarter YYYYQn [--format text|csv] */
/* Writes text (UTF-8) to path in enc (UTF-8 with BOM, or Windows-1250). */
int write_encoded(const char *path, const char *text, enum csv_encoding enc)
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
int output_encoding(const char *s, enum csv_encoding *enc)
{
	*enc = CSV_UTF8;
	if (s && (!csv_encoding_parse(s, enc) || *enc == CSV_AUTO || *enc == CSV_ISO8859_2))
		return usage_error(_("--encoding takes utf-8 or cp1250, not '%s'"), s);
	return 0;
}

int cmd_demo(struct cli_opts *o, struct cd_db *db, int argc, char **argv, int at)
{
	int rc;

	if (at < argc)
		return usage_error(_("unexpected argument '%s'"), argv[at]);
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
	return rc ? 1 : 0;
}

int cmd_check(struct cli_opts *o, struct cd_db *db, int argc, char **argv, int at)
{
	struct strbuf sb;
	int rc;

	if (at < argc)
		return usage_error(_("unexpected argument '%s'"), argv[at]);
	sb_init(&sb);
	rc = db_check(db, &sb);
	fputs(sb.buf ? sb.buf : "", stdout);
	sb_release(&sb);
	return rc ? 1 : 0;
}

int cli_run(struct cli_opts *o, int argc, char **argv)
{
	const char *word = argv[o->first_arg];
	const struct command *c = NULL;
	struct cd_db *db = NULL;
	size_t i;
	int rc;

	for (i = 0; i < ARRAY_SIZE(commands) && !c; i++)
		if (!strcmp(word, commands[i].name))
			c = &commands[i];
	if (!c)
		return usage_error(_("unknown command '%s'"), word);
	if (c->needs_db && open_db(o, &db))
		return 1;
	if (db) {
		/* every command in the audit log: the account and the OS account
		 * (db.c adds it to every entry), the command and its first word */
		char what[80];
		int at = o->first_arg + 1;
		snprintf(what, sizeof(what), "%s%s%.40s", word,
			 at < argc && argv[at][0] != '-' ? " " : "",
			 at < argc && argv[at][0] != '-' ? argv[at] : "");
		if (audit_add(db, o->actor.user_id, o->host_admin ? "cli.host_admin" : "cli",
			      "command", 0, what)) {
			fprintf(stderr, "cusdesk: %s\n", cd_status_text(CD_EDB));
			db_close(&db);
			return 1;
		}
	}
	rc = c->run(o, db, argc, argv, o->first_arg + 1);
	db_close(&db);
	return rc;
}
