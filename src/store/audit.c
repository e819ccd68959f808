/* audit.c - the audit log as a hash chain.
 *
 * Each entry's hash is BLAKE2b-256 (libsodium's generic hash) over the
 * previous entry's hash and the entry's own fields, so that changing,
 * inserting or deleting an entry anywhere breaks every hash after it.
 * Cutting the tail leaves a valid but shorter chain: the head (the last
 * entry's id and hash) is printed by `cusdesk check` and kept in every
 * backup, and check compares the live chain with the newest backup's head.
 */
#include "dbint.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define HASH_HEX (crypto_generichash_BYTES * 2 + 1)

static void add_field(crypto_generichash_state *h, const char *s)
{
	static const unsigned char sep = 0x1f;

	crypto_generichash_update(h, (const unsigned char *)(s ? s : ""), s ? strlen(s) : 0);
	crypto_generichash_update(h, &sep, 1);
}

/* The hash of one entry after prev (hex; "" for the first). */
static void entry_hash(const char *prev, int64_t id, const char *at, int64_t user_id,
		       const char *action, const char *entity, int64_t entity_id,
		       const char *detail, const char *os_account, char out[HASH_HEX])
{
	crypto_generichash_state h;
	unsigned char bin[crypto_generichash_BYTES];
	char num[3][24];

	snprintf(num[0], sizeof(num[0]), "%lld", (long long)id);
	snprintf(num[1], sizeof(num[1]), "%lld", (long long)user_id);
	snprintf(num[2], sizeof(num[2]), "%lld", (long long)entity_id);
	crypto_generichash_init(&h, NULL, 0, sizeof(bin));
	add_field(&h, prev);
	add_field(&h, num[0]);
	add_field(&h, at);
	add_field(&h, num[1]);
	add_field(&h, action);
	add_field(&h, entity);
	add_field(&h, num[2]);
	add_field(&h, detail);
	add_field(&h, os_account);
	crypto_generichash_final(&h, bin, sizeof(bin));
	sodium_bin2hex(out, HASH_HEX, bin, sizeof(bin));
}

#define ENTRY_COLUMNS "id, at, COALESCE(user_id, 0), action, entity, COALESCE(entity_id, 0), " \
	"detail, os_account, hash"

static void row_hash(sqlite3_stmt *st, const char *prev, char out[HASH_HEX])
{
	entry_hash(prev, sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
		   sqlite3_column_int64(st, 2), (const char *)sqlite3_column_text(st, 3),
		   (const char *)sqlite3_column_text(st, 4), sqlite3_column_int64(st, 5),
		   (const char *)sqlite3_column_text(st, 6), (const char *)sqlite3_column_text(st, 7),
		   out);
}

/* The id and hash of the last entry (0 and "" when there is none). */
static int last_entry(struct cd_db *db, int64_t *id, char out[HASH_HEX])
{
	sqlite3_stmt *st;

	out[0] = '\0';
	*id = 0;
	if (db_cached(db, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1", &st))
		return CD_EDB;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		if (sqlite3_column_text(st, 1))
			snprintf(out, HASH_HEX, "%s", (const char *)sqlite3_column_text(st, 1));
	}
	return db_release(db, st);
}

int audit_add(struct cd_db *db, int64_t user_id, const char *action,
	      const char *entity, int64_t entity_id, const char *detail)
{
	sqlite3_stmt *st;
	char prev[HASH_HEX], hash[HASH_HEX], at[32];
	bool own = db->tx_depth == 0;
	time_t now = time(NULL);
	struct tm tm;
	int64_t id;
	int rc;

	if (sodium_init() < 0)
		BUG("libsodium failed to initialise");
	entity = entity ? entity : "";
	detail = detail ? detail : "";
	/* the entry is written whole, its id, time and hash known before: one
	 * statement.  Reading the last entry and adding after it must not let
	 * another desk add between them: inside a caller's transaction the
	 * write lock is held already; alone, a transaction of its own. */
	if (own && (rc = db_begin(db)))
		return rc;
	if ((rc = last_entry(db, &id, prev)) ||
	    (rc = db_cached(db, "INSERT INTO audit_log(id, at, user_id, action, entity, "
			    "entity_id, detail, os_account, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
			    "?7, ?8, ?9)", &st)))
		goto fail;
	id++;
	gmtime_r(&now, &tm);
	strftime(at, sizeof(at), "%Y-%m-%d %H:%M:%S", &tm);
	entry_hash(prev, id, at, user_id, action, entity, entity_id, detail, db->os_account, hash);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, at, -1, SQLITE_STATIC);
	db_bind_id_or_null(st, 3, user_id);
	sqlite3_bind_text(st, 4, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, entity, -1, SQLITE_STATIC);
	db_bind_id_or_null(st, 6, entity_id);
	sqlite3_bind_text(st, 7, detail, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, db->os_account, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, hash, -1, SQLITE_STATIC);
	if ((rc = db_cached_done(db, st))) {
		db_log("audit: %s", sqlite3_errmsg(db->h));
		goto fail;
	}
	if (own && (rc = db_commit(db)))
		goto fail;
	return CD_OK;
fail:
	if (own)
		db_rollback(db);
	return rc ? rc : CD_EDB;
}

int audit_chain_existing(struct cd_db *db)
{
	sqlite3_stmt *st, *up;
	char prev[HASH_HEX] = "", hash[HASH_HEX];
	int rc = CD_OK;

	if (sodium_init() < 0)
		BUG("libsodium failed to initialise");
	if (db_prepare(db, "SELECT " ENTRY_COLUMNS " FROM audit_log ORDER BY id", &st))
		return CD_EDB;
	if (db_prepare(db, "UPDATE audit_log SET hash = ?2 WHERE id = ?1", &up)) {
		sqlite3_finalize(st);
		return CD_EDB;
	}
	while (!rc && sqlite3_step(st) == SQLITE_ROW) {
		row_hash(st, prev, hash);
		sqlite3_bind_int64(up, 1, sqlite3_column_int64(st, 0));
		sqlite3_bind_text(up, 2, hash, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(up) != SQLITE_DONE)
			rc = CD_EDB;
		sqlite3_reset(up);
		memcpy(prev, hash, HASH_HEX);
	}
	sqlite3_finalize(up);
	sqlite3_finalize(st);
	return rc;
}

int audit_head(struct cd_db *db, int64_t *id, char hash[65])
{
	sqlite3_stmt *st;
	int rc = CD_ENOTFOUND;

	*id = 0;
	hash[0] = '\0';
	if (db_prepare(db, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1", &st))
		return CD_EDB;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		db_col_copy(st, 1, hash, 65);
		rc = CD_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

int audit_check(struct cd_db *db, struct strbuf *out)
{
	sqlite3_stmt *st;
	char prev[HASH_HEX] = "", hash[HASH_HEX];
	long long n = 0, broken = 0;
	int rc;

	if (sodium_init() < 0)
		BUG("libsodium failed to initialise");
	if (db_prepare(db, "SELECT " ENTRY_COLUMNS " FROM audit_log ORDER BY id", &st))
		return CD_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *stored = (const char *)sqlite3_column_text(st, 8);
		row_hash(st, prev, hash);
		n++;
		if (!stored || strcmp(stored, hash)) {
			broken = sqlite3_column_int64(st, 0);
			break;
		}
		memcpy(prev, hash, HASH_HEX);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return CD_EDB;
	if (broken) {
		sb_addf(out, _("audit log: BROKEN at entry %lld (it, or one before it, was changed, "
			       "inserted or deleted)\n"), broken);
		return CD_EDB;
	}
	sb_addf(out, _("audit log: %lld entries, chain intact; head %s\n"), n,
		n ? prev : "-");
	return CD_OK;
}
