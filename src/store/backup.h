/* backup.h - consistent copies of the live database, checked, kept, and
 * restored; encrypted copies for a USB stick or another building.
 *
 * A copy is made with SQLite's online backup API while desks work (never
 * `cp` of a live file: the last transactions may still be in its -wal
 * file).  Every copy is checked (integrity and schema) before it counts.
 * Files are 0600.
 */
#ifndef CUSDESK_BACKUP_H
#define CUSDESK_BACKUP_H

#include <stdbool.h>
#include <stddef.h>

#include "db.h"
#include "util.h"

/* Copies the live database into path (created, 0600; an existing file is
 * refused) and checks the copy.  *errmsg (caller frees) says why not. */
int backup_make(struct cd_db *db, const char *path, char **errmsg);

/* The folder the nightly copies go to (setting backup_dir, default a
 * "cusdesk-kopie" folder beside the database), created 0700; caller frees. */
char *backup_dir(struct cd_db *db);
/* A copy into the backup folder, named by the date and time; keeps the
 * newest N copies there (setting backup_keep, default 14) and deletes the
 * older ones.  *made (caller frees) is the new file's path. */
int backup_rotate(struct cd_db *db, char **made, char **errmsg);

/* Encrypts src into dst (0600) with a passphrase: argon2id derives the
 * key, secretstream (XChaCha20-Poly1305) seals the file in chunks, so a
 * changed or cut file is refused when opened. */
int backup_encrypt(const char *src, const char *dst, const char *passphrase, char **errmsg);
/* Whether the file at path is an encrypted copy. */
bool backup_is_encrypted(const char *path);
/* Decrypts src into dst (0600); CD_EAUTH for a wrong passphrase or a
 * damaged file. */
int backup_decrypt(const char *src, const char *dst, const char *passphrase, char **errmsg);

/* Checks a plain copy: a cusdesk database this program can open, whose
 * integrity check passes; a line a check into report. */
int backup_verify(const char *path, struct strbuf *report);
/* The audit log against the newest plain copy in the backup folder: the
 * copy's last entry must be in the live log unchanged, else entries were
 * cut or rewritten since (CD_EDB).  A line into out either way; CD_OK
 * when there is no copy to compare with. */
int backup_audit_compare(struct cd_db *db, struct strbuf *out);

/* Puts the copy at path (plain, verified by the caller) in place of the
 * live database at db_path: the current file is kept aside first (its
 * name in *kept, caller frees).  The caller makes sure no desk works. */
int backup_restore(const char *db_path, const char *path, char **kept, char **errmsg);

#endif
