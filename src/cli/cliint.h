/* cliint.h - private to src/cli: the option helpers every command family
 * uses, and the commands the table in cli.c dispatches to. */
#ifndef CUSDESK_CLIINT_H
#define CUSDESK_CLIINT_H

#include <stdbool.h>
#include <stddef.h>

#include "auth.h"
#include "cli.h"
#include "csv.h"
#include "db.h"
#include "job.h"
#include "validate.h"

/* Prints "cusdesk: MESSAGE" and the --help hint; returns exit status 2. */
int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints the failure (the fielderr's text, else the status's); returns 1. */
int fail_msg(const struct fielderr *e, int rc);
/* Reads one line (a password) from stdin without echo on a terminal;
 * NULL at end of input.  The caller frees it. */
char *read_secret(const char *prompt);
/* Finds "--name value" among argv[from..argc); NULL when absent.  Marks
 * the consumed words in used[]. */
const char *opt_value(int argc, char **argv, int from, const char *name, bool *used);
/* The word at i when it is not an option (marked used); NULL otherwise. */
const char *opt_positional(int argc, char **argv, int i, bool *used);
/* Whether --name is among argv[from..argc) (marked used). */
bool opt_flag(int argc, char **argv, int from, const char *name, bool *used);
/* Every word from `from` on must have been consumed: else a usage error. */
int check_all_used(int argc, char **argv, int from, const bool *used);
/* Opens the database the global options name (printing why not). */
int open_db(struct cli_opts *o, struct cd_db **db);
/* Copies an option's value (NULL: empty). */
/* An option's value into dst (unchanged when v is NULL): 0, or 1 with
 * the option and its limit on stderr when it does not fit (never cut). */
int copy_opt(char *dst, size_t size, const char *v, const char *opt);
/* --user LOGIN: the actor of that account; without it the system (all). */
int actor_of_login(const struct cli_opts *o, struct cd_db *db, const char *login,
		   struct actor *a);
/* Writes text (UTF-8) to path (0600) in enc (UTF-8 with BOM, or
 * Windows-1250). */
int write_encoded(const char *path, const char *text, enum csv_encoding enc);
/* --encoding: utf-8 (default) or cp1250. */
int output_encoding(const char *s, enum csv_encoding *enc);

/* A long job run from the command line: progress on a terminal (done,
 * rate, time left), Ctrl-C asks it to stop at its next step. */
struct cli_job {
	struct job job;
	const char *what;
	long long t0, shown;
};
void cli_job_start(struct cli_job *j, const char *what);
/* Restores Ctrl-C; returns whether the user pressed it. */
bool cli_job_end(struct cli_job *j);

/* A command: argv[at - 1] is its word, its arguments start at argv[at];
 * db is open when the table says it needs one, else NULL.  Returns the
 * exit status (0, 1 failed, 2 usage). */
typedef int cli_command_fn(struct cli_opts *o, struct cd_db *db, int argc, char **argv, int at);

/* people.c */
cli_command_fn cmd_init, cmd_user, cmd_person, cmd_request, cmd_gmina;
/* cases.c */
cli_command_fn cmd_worklist, cmd_register;
/* offer.c */
cli_command_fn cmd_catalogue, cmd_setting;
/* paper.c */
cli_command_fn cmd_export, cmd_print, cmd_rodo, cmd_import, cmd_report;
/* backup.c */
cli_command_fn cmd_backup, cmd_restore, cmd_sessions, cmd_audit;
/* cli.c */
cli_command_fn cmd_demo, cmd_check;

#endif
