/* util.h - allocation, strings, status codes shared by every module.
 *
 * Conventions (README "Layout and conventions"):
 *  - functions return int status: 0 = OK, negative = one of CD_E*;
 *  - x*alloc never return NULL (they abort on out-of-memory);
 *  - BUG() is for can't-happen conditions, never for user errors;
 *  - a function that returns a list as (T **out, size_t *n) allocates it
 *    for the caller, who frees it; on any failure *out is NULL and *n is 0.
 */
#ifndef CUSDESK_UTIL_H
#define CUSDESK_UTIL_H

#include <stdarg.h>
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* The status codes with the message a user sees when nothing more precise
 * (a fielderr) was given: one table, after tig's STATUS_CODE_INFO. */
#define CD_STATUS_INFO(X) \
	X(CD_OK, 0, N_("done")) \
	X(CD_EINVAL, -1, N_("the input is not valid")) /* a fielderr says why */ \
	X(CD_EDB, -2, N_("the database refused the change")) \
	X(CD_EPERM, -3, N_("your role does not allow this")) \
	X(CD_ENOTFOUND, -4, N_("not found (perhaps someone else removed it)")) \
	X(CD_EEXIST, -5, N_("this is already recorded")) /* unique value present */ \
	X(CD_EAUTH, -6, N_("wrong login or password")) \
	X(CD_ESCHEMA, -7, N_("not a cusdesk database, or one made by a newer version")) \
	X(CD_EIO, -8, N_("a file could not be read or written")) \
	X(CD_ECONFLICT, -9, N_("someone else saved this in the meantime; nothing was overwritten")) \
	X(CD_EBUSY, -10, N_("another user kept the database busy too long; nothing was saved, " \
			    "what you typed stays - try again")) \
	X(CD_ELOCKED, -11, N_("the account is locked after too many failed logins; try again " \
			      "later or ask the administrator to unlock it"))

enum cd_status {
#define CD_STATUS_ENUM(name, value, text) name = value,
	CD_STATUS_INFO(CD_STATUS_ENUM)
#undef CD_STATUS_ENUM
};

/* The translated message of a status (any int: unknown ones get the
 * database's). */
const char *cd_status_text(int rc);
/* The message to show for a failed call: the fielderr's text when it has
 * one, else the status's; e may be NULL. */
struct fielderr;
const char *cd_error_text(int rc, const struct fielderr *e);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);          /* NULL in -> NULL out */
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Frees *p and sets it to NULL. */
void xfree(char **p);

/* Strips leading and trailing ASCII white space in place; returns s. */
char *str_trim(char *s);
/* Collapses runs of spaces (e.g. libform padding) into one, in place. */
char *str_squeeze(char *s);
bool str_empty(const char *s);         /* NULL or only white space */
/* Copies at most size-1 bytes, never splitting a UTF-8 sequence. */
void str_copy(char *dst, size_t size, const char *src);

/* Opens path for writing, created or emptied, readable by its owner only
 * (0600: the files cusdesk writes hold personal data); NULL on failure
 * (errno set). */
FILE *fopen_private(const char *path);
/* A new empty private file (0600, mkstemp) in dir, or in $TMPDIR (else
 * /tmp) when dir is NULL; its path (caller unlinks and frees), NULL with
 * errno set when it cannot be made. */
char *temp_private(const char *dir);
/* Removes a database file and its -wal and -shm files. */
void unlink_db_files(const char *path);

/* Wipes a secret (a password) so the compiler cannot drop the wipe. */
void secret_clear(void *p, size_t n);

/* Creates dir and its missing parents with mode (private: 0700); 0 when
 * it exists afterwards, -1 otherwise. */
int mkdir_p(const char *dir, unsigned mode);
/* Whether the process pid of this machine still runs (a zombie, killed and
 * not yet reaped, does not). */
bool process_alive(long pid);
/* This machine's name ("?" when unknown), for rows that name a process. */
void host_name(char *out, size_t size);

/* A growable string. */
struct strbuf {
	char *buf;
	size_t len, cap;
};
void sb_init(struct strbuf *sb);
void sb_release(struct strbuf *sb);
void sb_add(struct strbuf *sb, const char *s);
void sb_addn(struct strbuf *sb, const char *s, size_t n);
void sb_addc(struct strbuf *sb, char c);
void sb_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the buffer over to the caller (who frees it) and resets sb. */
char *sb_detach(struct strbuf *sb);

/* Can't-happen check: prints and aborts. */
#define BUG(...) cd_bug(__FILE__, __LINE__, __VA_ARGS__)
_Noreturn void cd_bug(const char *file, int line, const char *fmt, ...);

/* Hook the UI sets so that a fatal path restores the terminal first. */
extern void (*cd_fatal_hook)(void);

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Appends a zeroed element to the array *arr of *n elements of size bytes
 * with room for *cap (growing it), and returns it. */
void *array_push(void **arr, size_t *n, size_t *cap, size_t size);

#endif
