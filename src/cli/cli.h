/* cli.h - the command line: global options and the admin/script commands.
 * The same domain functions as the desk; no curses here. */
#ifndef CUSDESK_CLI_H
#define CUSDESK_CLI_H

#include <stdbool.h>

#include "auth.h"

struct cli_opts {
	char *db_path;     /* --db, else $CUSDESK_DB / XDG default */
	const char *lang;  /* --lang, NULL when not given */
	bool mono;         /* --mono: no colours */
	int first_arg;     /* index of the command word (argc when none) */
	bool help, version;
	bool keys;         /* --keys: the desk's key table (Markdown, for the README) */
	const char *login; /* --user LOGIN: the cusdesk account acting */
	int password_fd;   /* --password-fd N: its password from there, not a terminal */
	/* who acts, once the database is open: the logged-in account, or the
	 * host's administrator (root or the database file's owner, no login) */
	struct actor actor;
	bool host_admin;
};

/* Parses the global options before the command word.  Returns 0, or 2
 * after printing a usage error. */
int cli_parse_global(int argc, char **argv, struct cli_opts *o);
/* Runs the command at argv[o->first_arg]; returns the exit status. */
int cli_run(struct cli_opts *o, int argc, char **argv);
void cli_usage(void);
void cli_version(void);
void cli_opts_release(struct cli_opts *o);

#endif
