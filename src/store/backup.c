/* backup.c - copies of the live database: made with the online backup API,
 * checked, rotated, encrypted, restored. */
#include "backup.h"
#include "dbint.h"
#include "i18n.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Sets *errmsg (when wanted) to the message; returns rc. */
static int fail(char **errmsg, int rc, char *msg)
{
	if (errmsg)
		*errmsg = msg;
	else
		free(msg);
	return rc;
}

/* Copies every page of src into dst with the online backup API in one
 * step: one read transaction on src, so the copy is one consistent moment;
 * in WAL mode the desks go on writing meanwhile (a step of a few pages
 * would start again after every desk's save and might never end). */
static int copy_pages(sqlite3 *dst, sqlite3 *src)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	int rc;

	if (!b)
		return CD_EDB;
	do {
		rc = sqlite3_backup_step(b, -1);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	return sqlite3_backup_finish(b) == SQLITE_OK && rc == SQLITE_DONE ? CD_OK : CD_EDB;
}

/* The last audit entry of a copy opened read-only. */
static int copy_audit_head(sqlite3 *h, int64_t *id, char hash[65])
{
	sqlite3_stmt *st;
	int rc = CD_ENOTFOUND;

	if (sqlite3_prepare_v2(h, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1", -1,
			       &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return CD_EDB;
	}
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 1)) {
		*id = sqlite3_column_int64(st, 0);
		str_copy(hash, 65, (const char *)sqlite3_column_text(st, 1));
		rc = CD_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

int backup_verify(const char *path, struct strbuf *report)
{
	sqlite3 *h = NULL;
	sqlite3_stmt *st;
	int rc = CD_ESCHEMA, version = -1;
	bool ok = false;

	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		sb_addf(report, _("%s: cannot be opened as a database\n"), path);
		sqlite3_close(h);
		return CD_ESCHEMA;
	}
	if (sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		sb_addf(report, _("%s: not a database file\n"), path);
		goto out;
	}
	version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (version < 1 || version > db_latest_version()) {
		sb_addf(report, _("schema version: %d, not a copy this program can restore "
				  "(it knows 1 to %d)\n"), version, db_latest_version());
		goto out;
	}
	sb_addf(report, _("schema version: %d\n"), version);
	if (sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			ok = !strcmp((const char *)sqlite3_column_text(st, 0), "ok");
		sqlite3_finalize(st);
	}
	sb_add(report, ok ? _("integrity: ok\n") : _("integrity: damaged\n"));
	if (!ok)
		goto out;
	{
		int64_t id;
		char hash[65];
		if (copy_audit_head(h, &id, hash) == CD_OK)
			sb_addf(report, _("audit log head: entry %lld, %s\n"), (long long)id, hash);
	}
	/* a cusdesk copy has its settings and persons */
	if (sqlite3_prepare_v2(h, "SELECT (SELECT count(*) FROM person), (SELECT value FROM "
			       "setting WHERE key = 'centre_name')", -1, &st, NULL) != SQLITE_OK) {
		sb_add(report, _("not a cusdesk database\n"));
		goto out;
	}
	if (sqlite3_step(st) == SQLITE_ROW) {
		sb_addf(report, _("centre: %s; persons: %lld\n"),
			sqlite3_column_text(st, 1) ? (const char *)sqlite3_column_text(st, 1) : "?",
			(long long)sqlite3_column_int64(st, 0));
		rc = CD_OK;
	}
	sqlite3_finalize(st);
out:
	sqlite3_close(h);
	return rc;
}

int backup_make(struct cd_db *db, const char *path, char **errmsg)
{
	struct strbuf report;
	struct stat sb;
	sqlite3 *dst = NULL;
	char *part;
	FILE *f;
	int rc;

	if (errmsg)
		*errmsg = NULL;
	if (stat(path, &sb) == 0)
		return fail(errmsg, CD_EEXIST, xasprintf(_("%s already exists; refusing to "
							    "overwrite it"), path));
	/* written under another name and renamed once checked: a copy cut
	 * short (kill -9, a full disk) never looks like a copy */
	part = xasprintf("%s.czesciowa", path);
	unlink(part);
	if (!(f = fopen_private(part)) || fclose(f) != 0) {
		rc = fail(errmsg, CD_EIO, xasprintf(_("cannot create %s: %s"), part,
						    strerror(errno)));
		free(part);
		return rc;
	}
	if (sqlite3_open_v2(part, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    (rc = copy_pages(dst, db->h)) ||
	    /* a copy stands alone: no -wal file to lose when it is moved */
	    sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK) {
		fail(errmsg, CD_EDB, xasprintf(_("the copy into %s failed: %s"), path,
					       dst ? sqlite3_errmsg(dst) : "?"));
		sqlite3_close(dst);
		unlink(part);
		free(part);
		return CD_EDB;
	}
	sqlite3_close(dst);
	sb_init(&report);
	if ((rc = backup_verify(part, &report))) {
		fail(errmsg, rc, xasprintf(_("the copy %s does not check out: %s"), path,
					   report.buf ? report.buf : ""));
		unlink(part);
	} else if (rename(part, path) != 0) {
		rc = fail(errmsg, CD_EIO, xasprintf(_("cannot create %s: %s"), path,
						    strerror(errno)));
		unlink(part);
	}
	sb_release(&report);
	free(part);
	return rc;
}

char *backup_dir(struct cd_db *db)
{
	char *dir = setting_get(db, "backup_dir", "");

	if (!dir[0]) {
		char *base = xstrdup(db_path(db)), *slash = strrchr(base, '/');
		free(dir);
		if (slash)
			*slash = '\0';
		dir = xasprintf("%s/cusdesk-kopie", slash ? base : ".");
		free(base);
	}
	mkdir_p(dir, 0700);
	return dir;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int backup_rotate(struct cd_db *db, char **made, char **errmsg)
{
	char *dir = backup_dir(db), **names = NULL, stamp[32];
	size_t n = 0, cap = 0, i;
	long keep = setting_get_int(db, "backup_keep", 14);
	struct dirent *de;
	time_t now = time(NULL);
	DIR *d;
	int rc;

	strftime(stamp, sizeof(stamp), "%Y-%m-%d-%H%M%S", localtime(&now));
	/* two copies in one second get -00, -01, ...; the names still sort */
	for (i = 0;; i++) {
		struct stat sb;
		*made = xasprintf("%s/cusdesk-%s-%02zu.db", dir, stamp, i);
		if (stat(*made, &sb) != 0 || i == 99)
			break;
		free(*made);
	}
	if ((rc = backup_make(db, *made, errmsg))) {
		free(*made);
		*made = NULL;
		free(dir);
		return rc;
	}
	/* the newest keep copies stay; their names sort by time */
	if (keep > 0 && (d = opendir(dir))) {
		while ((de = readdir(d)))
			if (!strncmp(de->d_name, "cusdesk-", 8) && strstr(de->d_name, ".db") &&
			    !strcmp(de->d_name + strlen(de->d_name) - 3, ".db"))
				*(char **)array_push((void **)&names, &n, &cap, sizeof(char *)) =
					xstrdup(de->d_name);
		closedir(d);
		qsort(names, n, sizeof(char *), by_name);
		for (i = 0; i + (size_t)keep < n; i++) {
			char *old = xasprintf("%s/%s", dir, names[i]);
			unlink(old);
			free(old);
		}
		for (i = 0; i < n; i++)
			free(names[i]);
		free(names);
	}
	free(dir);
	return CD_OK;
}

/* ---- encrypted copies ---- */

static const char magic[16] = "CUSDESK-KOPIA-1\n";
enum { CHUNK = 64 * 1024 };

bool backup_is_encrypted(const char *path)
{
	char head[sizeof(magic)];
	FILE *f = fopen(path, "rb");
	bool yes;

	if (!f)
		return false;
	yes = fread(head, 1, sizeof(head), f) == sizeof(head) && !memcmp(head, magic, sizeof(head));
	fclose(f);
	return yes;
}

static void put_u64(unsigned char *p, uint64_t v)
{
	int i;

	for (i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get_u64(const unsigned char *p)
{
	uint64_t v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

static int derive(unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES],
		  const char *passphrase, const unsigned char *salt, uint64_t ops, uint64_t mem)
{
	return crypto_pwhash(key, crypto_secretstream_xchacha20poly1305_KEYBYTES, passphrase,
			     strlen(passphrase), salt, ops, (size_t)mem,
			     crypto_pwhash_ALG_ARGON2ID13) ? CD_EIO : CD_OK;
}

int backup_encrypt(const char *src, const char *dst, const char *passphrase, char **errmsg)
{
	unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
	unsigned char salt[crypto_pwhash_SALTBYTES], num[8];
	unsigned char header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
	unsigned char *in = xmalloc(CHUNK), *out = xmalloc(CHUNK + 17);
	crypto_secretstream_xchacha20poly1305_state s;
	FILE *fi = NULL, *fo = NULL;
	int rc = CD_EIO;
	size_t got;

	if (errmsg)
		*errmsg = NULL;
	if (sodium_init() < 0)
		BUG("libsodium failed to initialise");
	randombytes_buf(salt, sizeof(salt));
	if (derive(key, passphrase, salt, (uint64_t)crypto_pwhash_OPSLIMIT_INTERACTIVE, (uint64_t)crypto_pwhash_MEMLIMIT_INTERACTIVE) ||
	    !(fi = fopen(src, "rb")) || !(fo = fopen_private(dst))) {
		fail(errmsg, CD_EIO, xasprintf(_("cannot write the encrypted copy %s: %s"), dst,
					       strerror(errno)));
		goto out;
	}
	crypto_secretstream_xchacha20poly1305_init_push(&s, header, key);
	fwrite(magic, 1, sizeof(magic), fo);
	fwrite(salt, 1, sizeof(salt), fo);
	put_u64(num, (uint64_t)crypto_pwhash_OPSLIMIT_INTERACTIVE);
	fwrite(num, 1, 8, fo);
	put_u64(num, (uint64_t)crypto_pwhash_MEMLIMIT_INTERACTIVE);
	fwrite(num, 1, 8, fo);
	fwrite(header, 1, sizeof(header), fo);
	do {
		unsigned long long len;
		unsigned char lenbuf[4];
		got = fread(in, 1, CHUNK, fi);
		crypto_secretstream_xchacha20poly1305_push(
			&s, out, &len, in, got, NULL, 0,
			feof(fi) ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
		lenbuf[0] = (unsigned char)len;
		lenbuf[1] = (unsigned char)(len >> 8);
		lenbuf[2] = (unsigned char)(len >> 16);
		lenbuf[3] = (unsigned char)(len >> 24);
		if (fwrite(lenbuf, 1, 4, fo) != 4 || fwrite(out, 1, (size_t)len, fo) != len)
			goto out;
	} while (!feof(fi));
	rc = ferror(fi) ? CD_EIO : CD_OK;
out:
	sodium_memzero(key, sizeof(key));
	if (fi)
		fclose(fi);
	if (fo && fclose(fo) != 0)
		rc = CD_EIO;
	if (rc)
		unlink(dst);
	free(in);
	free(out);
	return rc;
}

int backup_decrypt(const char *src, const char *dst, const char *passphrase, char **errmsg)
{
	unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
	unsigned char head[sizeof(magic) + crypto_pwhash_SALTBYTES + 16 +
			   crypto_secretstream_xchacha20poly1305_HEADERBYTES];
	unsigned char *in = xmalloc(CHUNK + 17), *out = xmalloc(CHUNK);
	const unsigned char *salt = head + sizeof(magic);
	crypto_secretstream_xchacha20poly1305_state s;
	FILE *fi = NULL, *fo = NULL;
	unsigned char tag = 0;
	int rc = CD_EAUTH;

	if (errmsg)
		*errmsg = NULL;
	if (sodium_init() < 0)
		BUG("libsodium failed to initialise");
	if (!(fi = fopen(src, "rb")) || fread(head, 1, sizeof(head), fi) != sizeof(head) ||
	    memcmp(head, magic, sizeof(magic))) {
		fail(errmsg, CD_ESCHEMA, xasprintf(_("%s is not an encrypted cusdesk copy"), src));
		rc = CD_ESCHEMA;
		goto out;
	}
	if (derive(key, passphrase, salt, get_u64(salt + crypto_pwhash_SALTBYTES),
		   get_u64(salt + crypto_pwhash_SALTBYTES + 8)) ||
	    crypto_secretstream_xchacha20poly1305_init_pull(
		    &s, head + sizeof(head) - crypto_secretstream_xchacha20poly1305_HEADERBYTES,
		    key) ||
	    !(fo = fopen_private(dst))) {
		fail(errmsg, CD_EAUTH, xasprintf(_("%s cannot be opened with this passphrase"),
						 src));
		goto out;
	}
	for (;;) {
		unsigned char lenbuf[4];
		unsigned long long plain;
		size_t len;
		if (fread(lenbuf, 1, 4, fi) != 4)
			break;
		len = (size_t)lenbuf[0] | (size_t)lenbuf[1] << 8 | (size_t)lenbuf[2] << 16 |
		      (size_t)lenbuf[3] << 24;
		if (len > CHUNK + 17 || fread(in, 1, len, fi) != len ||
		    crypto_secretstream_xchacha20poly1305_pull(&s, out, &plain, &tag, in, len, NULL,
							       0) ||
		    fwrite(out, 1, (size_t)plain, fo) != plain)
			break;
		if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL)
			break;
	}
	/* a cut or changed file never reaches the final tag */
	if (tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
		fail(errmsg, CD_EAUTH, xasprintf(_("%s cannot be opened with this passphrase, or "
						   "it is damaged"), src));
		goto out;
	}
	rc = CD_OK;
out:
	sodium_memzero(key, sizeof(key));
	if (fi)
		fclose(fi);
	if (fo && fclose(fo) != 0 && !rc)
		rc = CD_EIO;
	if (rc && fo)
		unlink(dst);
	free(in);
	free(out);
	return rc;
}

/* ---- restoring ---- */

int backup_restore(const char *db_path, const char *path, char **kept, char **errmsg)
{
	sqlite3 *live = NULL, *copy = NULL, *aside = NULL;
	char stamp[32];
	time_t now = time(NULL);
	FILE *f;
	int rc = CD_EDB;

	*kept = NULL;
	if (errmsg)
		*errmsg = NULL;
	strftime(stamp, sizeof(stamp), "%Y-%m-%d-%H%M%S", localtime(&now));
	*kept = xasprintf("%s.przed-odtworzeniem-%s", db_path, stamp);
	if (sqlite3_open_v2(db_path, &live, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    sqlite3_open_v2(path, &copy, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		goto fail;
	/* the current file aside first, whole (its -wal included) */
	if (!(f = fopen_private(*kept)) || fclose(f) != 0 ||
	    sqlite3_open_v2(*kept, &aside, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    copy_pages(aside, live) ||
	    sqlite3_exec(aside, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	/* then the copy's pages into the live file, through SQLite (its -wal
	 * and -shm stay right) */
	if (copy_pages(live, copy))
		goto fail;
	rc = CD_OK;
	goto out;
fail:
	fail(errmsg, rc, xasprintf(_("restoring %s failed: %s"), path,
				   live ? sqlite3_errmsg(live) : "?"));
out:
	sqlite3_close(aside);
	sqlite3_close(copy);
	sqlite3_close(live);
	if (rc) {
		unlink(*kept);
		free(*kept);
		*kept = NULL;
	}
	return rc;
}

int backup_audit_compare(struct cd_db *db, struct strbuf *out)
{
	char *dir = backup_dir(db), *newest = NULL, *path, hash[65], live[65] = "";
	struct dirent *de;
	sqlite3 *h = NULL;
	sqlite3_stmt *st;
	int64_t id;
	DIR *d;
	int rc;

	if ((d = opendir(dir))) {
		while ((de = readdir(d))) {
			size_t l = strlen(de->d_name);
			if (strncmp(de->d_name, "cusdesk-", 8) || l < 4 ||
			    strcmp(de->d_name + l - 3, ".db"))
				continue;
			if (!newest || strcmp(de->d_name, newest) > 0) {
				free(newest);
				newest = xstrdup(de->d_name);
			}
		}
		closedir(d);
	}
	if (!newest) {
		free(dir);
		sb_add(out, _("audit log: no copy in the backup folder to compare with\n"));
		return CD_OK;
	}
	path = xasprintf("%s/%s", dir, newest);
	free(dir);
	free(newest);
	rc = sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK ?
	     copy_audit_head(h, &id, hash) : CD_EDB;
	/* the same database: both logs begin with the same entry */
	if (!rc) {
		char first[65] = "", mine[65] = "";
		if (sqlite3_prepare_v2(h, "SELECT hash FROM audit_log ORDER BY id LIMIT 1", -1, &st,
				       NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
		    sqlite3_column_text(st, 0))
			str_copy(first, sizeof(first), (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		if (!db_prepare(db, "SELECT hash FROM audit_log ORDER BY id LIMIT 1", &st)) {
			if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
				str_copy(mine, sizeof(mine), (const char *)sqlite3_column_text(st, 0));
			sqlite3_finalize(st);
		}
		if (strcmp(first, mine)) {
			sqlite3_close(h);
			sb_addf(out, _("audit log: the newest copy %s is of another database; "
				       "not compared\n"), path);
			free(path);
			return CD_OK;
		}
	}
	sqlite3_close(h);
	if (rc) {
		sb_addf(out, _("audit log: the copy %s has no audit log to compare with\n"), path);
		free(path);
		return CD_OK;
	}
	if (db_prepare(db, "SELECT hash FROM audit_log WHERE id = ?1", &st)) {
		free(path);
		return CD_EDB;
	}
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		str_copy(live, sizeof(live), (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (strcmp(live, hash)) {
		sb_addf(out, _("audit log: the newest copy %s ends at entry %lld, which this log no "
			       "longer has as it was: entries were cut or rewritten since\n"),
			path, (long long)id);
		free(path);
		return CD_EDB;
	}
	sb_addf(out, _("audit log: agrees with the newest copy %s (entry %lld)\n"), path,
		(long long)id);
	free(path);
	return CD_OK;
}
