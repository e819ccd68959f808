/* backup.c - the command line's copies: backup (into the backup folder or
 * a file, encrypted for a USB stick), verify, restore; and who is logged in
 * (restore refuses while anyone is). */
#include "cliint.h"
#include "journal.h"
#include "backup.h"
#include "i18n.h"
#include "session.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A passphrase for an encrypted copy: a short one would fall to guessing
 * in hours whatever the key derivation costs. */
enum { PASSPHRASE_MIN = 10 };

/* A private temporary file in the folder of path (NULL: the temporary
 * folder), saying why not; caller unlinks and frees. */
static char *temp_beside(const char *path)
{
	char *dir = path ? xstrdup(path) : NULL, *slash = dir ? strrchr(dir, '/') : NULL, *t;

	if (slash)
		*slash = '\0';
	t = temp_private(path ? (slash ? dir : ".") : NULL);
	if (!t)
		fprintf(stderr, "cusdesk: %s\n", strerror(errno));
	free(dir);
	return t;
}

/* A copy that may be encrypted, opened as a plain file: *plain is path
 * itself, or a decrypted temporary copy (*temp set; caller unlinks). */
static int open_copy(const char *path, char **plain, char **temp)
{
	char *pass, *err = NULL;
	int rc;

	*temp = NULL;
	*plain = (char *)path;
	if (access(path, R_OK) != 0) {
		fprintf(stderr, "cusdesk: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (!backup_is_encrypted(path))
		return 0;
	if (!(pass = read_secret(_("Passphrase of the copy: ")))) {
		fprintf(stderr, "cusdesk: %s\n", _("no passphrase given"));
		return 1;
	}
	if (!(*temp = temp_beside(NULL))) {
		secret_clear(pass, strlen(pass));
		free(pass);
		return 1;
	}
	rc = backup_decrypt(path, *temp, pass, &err);
	secret_clear(pass, strlen(pass));
	free(pass);
	if (rc) {
		fprintf(stderr, "cusdesk: %s\n", err ? err : cd_status_text(rc));
		free(err);
		unlink(*temp);
		free(*temp);
		*temp = NULL;
		return 1;
	}
	*plain = *temp;
	return 0;
}

static int backup_encrypted(struct cd_db *db, const char *out)
{
	char *pass, *again, *temp, *err = NULL;
	int rc = 1;

	if (!access(out, F_OK)) {
		fprintf(stderr, "cusdesk: %s\n", _("the output file already exists; refusing to "
						    "overwrite it"));
		return 1;
	}
	if (!(pass = read_secret(_("Passphrase for the copy: "))))
		return usage_error("%s", _("no passphrase given"));
	if (strlen(pass) < PASSPHRASE_MIN) {
		fprintf(stderr, "cusdesk: ");
		fprintf(stderr, _("the passphrase must have at least %d characters"),
			PASSPHRASE_MIN);
		fputc('\n', stderr);
		goto out;
	}
	if (isatty(STDIN_FILENO)) {
		again = read_secret(_("The passphrase again: "));
		if (!again || strcmp(again, pass)) {
			fprintf(stderr, "cusdesk: %s\n", _("the passphrases differ"));
			free(again);
			goto out;
		}
		secret_clear(again, strlen(again));
		free(again);
	}
	if (!(temp = temp_beside(out)))
		goto out;
	unlink(temp); /* backup_make creates it afresh */
	if (backup_make(db, temp, &err) || backup_encrypt(temp, out, pass, &err)) {
		fprintf(stderr, "cusdesk: %s\n", err ? err : "?");
		free(err);
	} else {
		printf(_("encrypted copy: %s\n"), out);
		rc = 0;
	}
	unlink(temp);
	free(temp);
out:
	secret_clear(pass, strlen(pass));
	free(pass);
	return rc;
}

static int verify(const char *path)
{
	struct strbuf sb;
	char *plain, *temp;
	int rc;

	if (open_copy(path, &plain, &temp))
		return 1;
	sb_init(&sb);
	rc = backup_verify(plain, &sb);
	fputs(sb.buf ? sb.buf : "", stdout);
	sb_release(&sb);
	if (temp) {
		unlink(temp);
		free(temp);
	}
	if (rc)
		fprintf(stderr, _("cusdesk: %s is not a copy that can be restored\n"), path);
	return rc ? 1 : 0;
}

int cmd_backup(struct cli_opts *o, struct cd_db *db, int argc, char **argv, int at)
{
	bool used[argc];
	const char *out, *check;
	bool encrypt;
	char *made = NULL, *err = NULL;
	int rc;

	(void)o;
	memset(used, 0, sizeof(used));
	out = opt_value(argc, argv, at, "-o", used);
	check = opt_value(argc, argv, at, "--verify", used);
	encrypt = opt_flag(argc, argv, at, "--encrypt", used);
	if ((rc = check_all_used(argc, argv, at, used)))
		return rc;
	if (check)
		return out || encrypt ? usage_error("%s", _("--verify takes only the copy's file"))
				      : verify(check);
	if (encrypt)
		return out ? backup_encrypted(db, out)
			   : usage_error("%s", _("--encrypt needs -o FILE"));
	if (out)
		rc = backup_make(db, out, &err);
	else
		rc = backup_rotate(db, &made, &err);
	if (rc) {
		fprintf(stderr, "cusdesk: %s\n", err ? err : cd_status_text(rc));
		free(err);
		return 1;
	}
	printf(_("copy: %s\n"), out ? out : made);
	audit_add(db, 0, "backup", "database", 0, out ? out : made);
	free(made);
	return 0;
}

/* Prints the desks logged in now; returns how many (-1 on failure). */
static long print_sessions(struct cd_db *db, const struct actor *a, FILE *to)
{
	struct desk_session *l;
	size_t n, i;
	int rc;

	if ((rc = session_list(db, a, &l, &n))) {
		fail_msg(NULL, rc);
		return -1;
	}
	for (i = 0; i < n; i++)
		fprintf(to, "%s\t%s\t%s\t%s\t%s\n", l[i].login, l[i].name, l[i].since,
			l[i].last_seen, l[i].terminal);
	free(l);
	return (long)n;
}

int cmd_sessions(struct cli_opts *o, struct cd_db *db, int argc, char **argv, int at)
{
	bool used[argc];
	struct actor a;
	int rc;

	(void)o;
	memset(used, 0, sizeof(used));
	if ((rc = actor_of_login(o, db, opt_value(argc, argv, at, "--user", used), &a)))
		return fail_msg(NULL, rc);
	if ((rc = check_all_used(argc, argv, at, used)))
		return rc;
	return print_sessions(db, &a, stdout) < 0 ? 1 : 0;
}

int cmd_restore(struct cli_opts *o, struct cd_db *db, int argc, char **argv, int at)
{
	bool used[argc];
	const char *path;
	char *plain, *temp, *kept = NULL, *err = NULL, *live;
	struct strbuf sb;
	struct actor sys;
	long busy;
	int rc;

	(void)o;
	memset(used, 0, sizeof(used));
	path = opt_positional(argc, argv, at, used);
	if ((rc = check_all_used(argc, argv, at, used)))
		return rc;
	if (!path)
		return usage_error("%s", _("restore needs the copy's file"));
	actor_system(&sys);
	/* nobody may be working on what is about to be replaced */
	if ((busy = print_sessions(db, &sys, stderr)) != 0) {
		if (busy > 0)
			fprintf(stderr, ngettext("cusdesk: %ld desk is logged in (above); ask them "
						 "to log out, then restore\n",
						 "cusdesk: %ld desks are logged in (above); ask "
						 "them to log out, then restore\n", (unsigned long)busy),
				busy);
		return 1;
	}
	if (open_copy(path, &plain, &temp))
		return 1;
	sb_init(&sb);
	if ((rc = backup_verify(plain, &sb))) {
		fputs(sb.buf ? sb.buf : "", stderr);
		fprintf(stderr, _("cusdesk: %s is not a copy that can be restored\n"), path);
		rc = 1;
		goto out;
	}
	live = xstrdup(db_path(db));
	rc = backup_restore(live, plain, &kept, &err);
	free(live);
	if (rc) {
		fprintf(stderr, "cusdesk: %s\n", err ? err : cd_status_text(rc));
		free(err);
		rc = 1;
		goto out;
	}
	fputs(sb.buf ? sb.buf : "", stdout);
	printf(_("restored from %s; the database as it was is kept in %s\n"), path, kept);
	audit_add(db, 0, "restore", "database", 0, path);
	free(kept);
out:
	sb_release(&sb);
	if (temp) {
		unlink(temp);
		free(temp);
	}
	return rc;
}

/* audit list [--person ID] [--user LOGIN] [--from DATE] [--to DATE]
 * [--limit N]: the audit log, newest first, tab separated. */
int cmd_audit(struct cli_opts *o, struct cd_db *db, int argc, char **argv, int at)
{
	bool *used = xcalloc((size_t)argc + 1, sizeof(bool));
	struct audit_filter f;
	struct audit_entry *l = NULL;
	struct fielderr e;
	const char *person, *limit;
	char *end;
	size_t n = 0, i;
	int rc;

	memset(&f, 0, sizeof(f));
	if (at >= argc || strcmp(argv[at], "list")) {
		rc = usage_error(_("unknown audit command '%s'"), at < argc ? argv[at] : "");
		goto out;
	}
	person = opt_value(argc, argv, at + 1, "--person", used);
	f.login = opt_value(argc, argv, at + 1, "--user", used);
	f.from = opt_value(argc, argv, at + 1, "--from", used);
	f.to = opt_value(argc, argv, at + 1, "--to", used);
	limit = opt_value(argc, argv, at + 1, "--limit", used);
	if ((rc = check_all_used(argc, argv, at + 1, used)))
		goto out;
	if (person) {
		f.person_id = strtoll(person, &end, 10);
		if (*end || f.person_id <= 0) {
			fprintf(stderr, "cusdesk: %s\n", _("Person: give the numeric id"));
			rc = 1;
			goto out;
		}
	}
	if (limit) {
		long v = strtol(limit, &end, 10);
		if (*end || v <= 0) {
			fprintf(stderr, "cusdesk: %s\n", _("--limit: give a number of entries"));
			rc = 1;
			goto out;
		}
		f.limit = (size_t)v;
	}
	if ((rc = audit_list(db, &o->actor, &f, &l, &n, &e))) {
		rc = fail_msg(&e, rc);
		goto out;
	}
	for (i = 0; i < n; i++)
		printf("%s\t%s\t%s\t%s\t%s\t%s\n", l[i].at, l[i].login[0] ? l[i].login : "-",
		       l[i].os_account[0] ? l[i].os_account : "-", l[i].action,
		       l[i].case_ref[0] ? l[i].case_ref : "-", l[i].detail);
out:
	free(l);
	free(used);
	return rc;
}
