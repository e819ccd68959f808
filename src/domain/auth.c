/* auth.c - accounts (argon2id via libsodium), roles and permissions. */
#include "auth.h"
#include "dbint.h"
#include "i18n.h"
#include "text.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	unsigned role;
	const char *code;
	const char *pl;        /* accepted on the command line too */
	const char *label;
} role_names[] = {
	{ROLE_RECEPTION, "reception", "recepcja", N_("reception")},
	{ROLE_COORDINATOR, "coordinator", "koordynator", N_("coordinator")},
	{ROLE_ORGANISER, "organiser", "organizator", N_("services organiser")},
	{ROLE_DIRECTOR, "director", "dyrektor", N_("director")},
	{ROLE_COMMUNITY_ORGANISER, "community_organiser", "osl",
	 N_("community organiser")},
	{ROLE_ADMIN, "admin", "administrator", N_("administrator")},
};

void actor_system(struct actor *a)
{
	memset(a, 0, sizeof(*a));
	a->user_id = 0;
	a->roles = ROLE_ALL;
	str_copy(a->login, sizeof(a->login), "system");
	str_copy(a->full_name, sizeof(a->full_name), "system");
}

/* The permission matrix.  Reception registers residents and requests and
 * sees their status, never case contents; the admin manages accounts and
 * sees no personal data. */
static unsigned perm_roles(enum perm p)
{
	switch (p) {
	case PERM_PERSON_READ:
		return ROLE_RECEPTION | ROLE_COORDINATOR | ROLE_ORGANISER |
		       ROLE_DIRECTOR | ROLE_COMMUNITY_ORGANISER;
	case PERM_PERSON_WRITE:
	case PERM_REQUEST_FILE:
	case PERM_REQUEST_MANAGE:
		return ROLE_RECEPTION | ROLE_COORDINATOR | ROLE_ORGANISER |
		       ROLE_DIRECTOR;
	case PERM_CASE_CONTENT:
		return ROLE_COORDINATOR | ROLE_ORGANISER | ROLE_DIRECTOR;
	case PERM_OFFER_READ:
		return ROLE_RECEPTION | ROLE_COORDINATOR | ROLE_ORGANISER |
		       ROLE_DIRECTOR | ROLE_COMMUNITY_ORGANISER;
	case PERM_OFFER_EDIT:
		return ROLE_ORGANISER;
	case PERM_PLAN_APPROVE:
		return ROLE_DIRECTOR | ROLE_ORGANISER;
	case PERM_AUTHORISE:
		return ROLE_DIRECTOR;
	case PERM_REPORTS:
		return ROLE_ORGANISER | ROLE_DIRECTOR;
	case PERM_ACTIVITY:
		return ROLE_COMMUNITY_ORGANISER | ROLE_ORGANISER;
	case PERM_USER_ADMIN:
		return ROLE_ADMIN;
	case PERM_AUDIT_READ:
		return ROLE_DIRECTOR | ROLE_ADMIN;
	}
	return 0;
}

bool actor_can(const struct actor *a, enum perm p)
{
	return a && (a->roles & perm_roles(p)) != 0;
}

int actor_require(const struct actor *a, enum perm p, struct fielderr *e)
{
	if (actor_can(a, p))
		return CD_OK;
	fielderr_set(e, -1, "%s", _("your role does not allow this"));
	return CD_EPERM;
}

unsigned roles_parse(const char *list, struct fielderr *e)
{
	char *copy = xstrdup(list ? list : ""), *tok, *save = NULL;
	unsigned roles = 0;

	for (tok = strtok_r(copy, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) {
		size_t i;
		bool found = false;
		char *folded = text_fold(tok);
		for (i = 0; i < ARRAY_SIZE(role_names); i++)
			if (!strcmp(folded, role_names[i].code) ||
			    !strcmp(folded, role_names[i].pl)) {
				roles |= role_names[i].role;
				found = true;
			}
		free(folded);
		if (!found) {
			fielderr_set(e, USER_F_ROLES,
				     _("Roles: unknown role '%s' (known: reception, "
				       "coordinator, organiser, director, "
				       "community_organiser, admin)"), tok);
			free(copy);
			return 0;
		}
	}
	free(copy);
	if (!roles)
		fielderr_set(e, USER_F_ROLES, "%s", _("Roles: give at least one role"));
	return roles;
}

static char *roles_join(unsigned roles, bool labels)
{
	struct strbuf sb;
	size_t i;

	sb_init(&sb);
	sb_add(&sb, "");
	for (i = 0; i < ARRAY_SIZE(role_names); i++) {
		if (!(roles & role_names[i].role))
			continue;
		if (sb.len)
			sb_add(&sb, ", ");
		sb_add(&sb, labels ? _(role_names[i].label) : role_names[i].code);
	}
	return sb_detach(&sb);
}

char *roles_describe(unsigned roles)
{
	return roles_join(roles, true);
}

char *roles_codes(unsigned roles)
{
	return roles_join(roles, false);
}

int user_validate_login(const char *login, struct fielderr *e)
{
	size_t n = login ? strlen(login) : 0, i;

	if (n < 2 || n > 32)
		return fielderr_set(e, USER_F_LOGIN, "%s",
				    _("Login: must have 2 to 32 characters"));
	for (i = 0; i < n; i++) {
		char c = login[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == '-'))
			return fielderr_set(e, USER_F_LOGIN, "%s",
					    _("Login: use only small letters a-z, "
					      "digits and . _ -"));
	}
	return CD_OK;
}

int user_validate_password(const char *pw, struct fielderr *e)
{
	if (!pw || utf8_len(pw) < 8)
		return fielderr_set(e, USER_F_PASSWORD, "%s",
				    _("Password: must have at least 8 characters"));
	if (strlen(pw) > 256)
		return fielderr_set(e, USER_F_PASSWORD, "%s",
				    _("Password: too long (at most 256 bytes)"));
	return CD_OK;
}

static int hash_password(const char *pw, char out[crypto_pwhash_STRBYTES])
{
	if (sodium_init() < 0)
		BUG("libsodium failed to initialise");
	if (crypto_pwhash_str(out, pw, strlen(pw), auth_pw_cost.ops, auth_pw_cost.mem) != 0)
		return CD_EIO;
	return CD_OK;
}

int user_add(struct cd_db *db, const struct actor *a, const char *login,
	     const char *full_name, unsigned roles, const char *password,
	     int64_t *id, struct fielderr *e)
{
	char hash[crypto_pwhash_STRBYTES];
	sqlite3_stmt *st;
	int rc;

	fielderr_clear(e);
	if ((rc = actor_require(a, PERM_USER_ADMIN, e)))
		return rc;
	if ((rc = user_validate_login(login, e)) ||
	    (rc = user_validate_password(password, e)))
		return rc;
	if (!roles || (roles & ~ROLE_ALL))
		return fielderr_set(e, USER_F_ROLES, "%s",
				    _("Roles: give at least one role"));
	if (full_name && strlen(full_name) >= sizeof(((struct user *)0)->full_name))
		return fielderr_set(e, USER_F_NAME, "%s", _("Full name: too long"));
	if (hash_password(password, hash))
		return fielderr_set(e, USER_F_PASSWORD, "%s",
				    _("Password: could not be hashed (out of memory?)"));
	if ((rc = db_begin(db)))
		return rc;
	if (db_prepare(db, "INSERT INTO app_user(login, full_name, pw_hash, roles) "
		       "VALUES (?1, ?2, ?3, ?4)", &st))
		goto fail;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, full_name ? full_name : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, hash, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, (int)roles);
	rc = db_step_done(db, st);
	if (rc == CD_EEXIST) {
		db_rollback(db);
		return fielderr_set(e, USER_F_LOGIN,
				    _("Login: '%s' is already taken"), login);
	}
	if (rc)
		goto fail;
	if (id)
		*id = sqlite3_last_insert_rowid(db->h);
	if (audit_add(db, a->user_id, "user.add", "app_user",
		      sqlite3_last_insert_rowid(db->h), login) || db_commit(db))
		goto fail;
	return CD_OK;
fail:
	db_rollback(db);
	return CD_EDB;
}

static int user_id_by_login(struct cd_db *db, const char *login, int64_t *id)
{
	sqlite3_stmt *st;
	int rc = CD_ENOTFOUND;

	if (db_prepare(db, "SELECT id FROM app_user WHERE login = ?1", &st))
		return CD_EDB;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		rc = CD_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

int user_set_password(struct cd_db *db, const struct actor *a,
		      const char *login, const char *password, struct fielderr *e)
{
	char hash[crypto_pwhash_STRBYTES];
	sqlite3_stmt *st;
	int64_t id;
	int rc;

	fielderr_clear(e);
	if (user_id_by_login(db, login ? login : "", &id))
		return fielderr_set(e, USER_F_LOGIN, _("Login: no user '%s'"),
				    login ? login : "");
	/* everyone may change their own password */
	if (id != a->user_id && (rc = actor_require(a, PERM_USER_ADMIN, e)))
		return rc;
	if ((rc = user_validate_password(password, e)))
		return rc;
	if (hash_password(password, hash))
		return CD_EIO;
	if ((rc = db_begin(db)))
		return rc;
	if (db_prepare(db, "UPDATE app_user SET pw_hash = ?1 WHERE id = ?2", &st))
		goto fail;
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	if (db_step_done(db, st) ||
	    audit_add(db, a->user_id, "user.passwd", "app_user", id, login) ||
	    db_commit(db))
		goto fail;
	return CD_OK;
fail:
	db_rollback(db);
	return CD_EDB;
}

/* The account an administrator acts on: CD_OK with its id, or the
 * refusal (not the administrator, no such login) in e. */
static int admin_target(struct cd_db *db, const struct actor *a, const char *login,
			int64_t *id, struct fielderr *e)
{
	int rc;

	fielderr_clear(e);
	if ((rc = actor_require(a, PERM_USER_ADMIN, e)))
		return rc;
	if (user_id_by_login(db, login ? login : "", id))
		return fielderr_set(e, USER_F_LOGIN, _("Login: no user '%s'"), login ? login : "");
	return CD_OK;
}

/* Whether id is the only enabled account with the administrator's role. */
static bool last_admin(struct cd_db *db, int64_t id)
{
	sqlite3_stmt *st;
	bool last = false;

	if (db_prepare(db, "SELECT EXISTS (SELECT 1 FROM app_user WHERE id = ?1 AND disabled = 0 "
		       "AND (roles & ?2) <> 0) AND NOT EXISTS (SELECT 1 FROM app_user WHERE id <> ?1 "
		       "AND disabled = 0 AND (roles & ?2) <> 0)", &st))
		return true;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, ROLE_ADMIN);
	if (sqlite3_step(st) == SQLITE_ROW)
		last = sqlite3_column_int(st, 0) != 0;
	sqlite3_finalize(st);
	return last;
}

int user_update(struct cd_db *db, const struct actor *a, const char *login,
		const char *name, unsigned roles, struct fielderr *e)
{
	struct user u;
	struct strbuf detail;
	sqlite3_stmt *st;
	int64_t id;
	int rc;

	if ((rc = admin_target(db, a, login, &id, e)))
		return rc;
	if (user_get(db, id, &u))
		return fielderr_set(e, USER_F_LOGIN, _("Login: no user '%s'"), login);
	if (roles & ~ROLE_ALL)
		return fielderr_set(e, USER_F_ROLES, "%s", _("Roles: give at least one role"));
	if (name && (strlen(name) >= sizeof(u.full_name) || !utf8_valid(name)))
		return fielderr_set(e, USER_F_NAME, _("Full name: at most %zu characters"),
				    sizeof(u.full_name) - 1);
	if (roles && !(roles & ROLE_ADMIN) && last_admin(db, id))
		return fielderr_set(e, USER_F_ROLES, "%s",
				    _("Roles: the last administrator keeps the role"));
	sb_init(&detail);
	sb_addf(&detail, "%s", login);
	if (roles && roles != u.roles) {
		char *was = roles_codes(u.roles), *now = roles_codes(roles);
		sb_addf(&detail, "; roles: %s -> %s", was, now);
		free(was);
		free(now);
	}
	if (name && strcmp(name, u.full_name))
		sb_addf(&detail, "; name: %s -> %s", u.full_name, name);
	if ((rc = db_begin(db))) {
		sb_release(&detail);
		return rc;
	}
	if (db_prepare(db, "UPDATE app_user SET full_name = COALESCE(?2, full_name), roles = "
		       "CASE WHEN ?3 = 0 THEN roles ELSE ?3 END WHERE id = ?1", &st))
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	if (name)
		sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, (int)roles);
	if (db_step_done(db, st) ||
	    audit_add(db, a->user_id, "user.update", "app_user", id, detail.buf) || db_commit(db))
		goto fail;
	sb_release(&detail);
	return CD_OK;
fail:
	db_rollback(db);
	sb_release(&detail);
	return CD_EDB;
}

int user_unlock(struct cd_db *db, const struct actor *a, const char *login,
		struct fielderr *e)
{
	sqlite3_stmt *st;
	int64_t id;
	int rc;

	if ((rc = admin_target(db, a, login, &id, e)))
		return rc;
	if ((rc = db_begin(db)))
		return rc;
	if (db_prepare(db, "UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE "
		       "id = ?1", &st))
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	if (db_step_done(db, st) || audit_add(db, a->user_id, "user.unlock", "app_user", id, login) ||
	    db_commit(db))
		goto fail;
	return CD_OK;
fail:
	db_rollback(db);
	return CD_EDB;
}

int user_set_disabled(struct cd_db *db, const struct actor *a,
		      const char *login, bool disabled, struct fielderr *e)
{
	sqlite3_stmt *st;
	int64_t id;
	int rc;

	if ((rc = admin_target(db, a, login, &id, e)))
		return rc;
	if (id == a->user_id && disabled)
		return fielderr_set(e, USER_F_LOGIN, "%s",
				    _("Login: you cannot disable your own account"));
	if (disabled && last_admin(db, id))
		return fielderr_set(e, USER_F_LOGIN, "%s",
				    _("Login: the last administrator cannot be disabled"));
	if ((rc = db_begin(db)))
		return rc;
	if (db_prepare(db, "UPDATE app_user SET disabled = ?1 WHERE id = ?2", &st))
		goto fail;
	sqlite3_bind_int(st, 1, disabled);
	sqlite3_bind_int64(st, 2, id);
	if (db_step_done(db, st) ||
	    audit_add(db, a->user_id, disabled ? "user.disable" : "user.enable",
		      "app_user", id, login) || db_commit(db))
		goto fail;
	return CD_OK;
fail:
	db_rollback(db);
	return CD_EDB;
}

/* A hash of the same cost as the accounts', verified for an unknown login,
 * so that it answers as slowly as a known one (which accounts exist does
 * not show in the time). */
static const char *dummy_hash(void)
{
	static char h[crypto_pwhash_STRBYTES];
	unsigned char pw[16];

	if (!h[0]) {
		randombytes_buf(pw, sizeof(pw));
		if (crypto_pwhash_str(h, (const char *)pw, sizeof(pw), auth_pw_cost.ops,
				      auth_pw_cost.mem) != 0)
			h[0] = '\0';
	}
	return h;
}

/* The failed attempt counted (locking the account at the limit), or the
 * count cleared after a good one; with the audit entry, one transaction. */
static int count_attempt(struct cd_db *db, int64_t id, const char *login, bool good,
			 int64_t user_id)
{
	sqlite3_stmt *st;
	int max = setting_get_int(db, "login_max_failures", 5);
	int minutes = setting_get_int(db, "login_lock_minutes", 15);
	int rc;
	bool locked = false;

	if ((rc = db_begin(db)))
		return rc;
	if (id) {
		if (db_prepare(db, good ?
			       "UPDATE app_user SET failed_logins = 0 WHERE id = ?1 RETURNING 0" :
			       "UPDATE app_user SET failed_logins = failed_logins + 1, locked_until = "
			       "CASE WHEN failed_logins + 1 >= ?2 THEN strftime('%Y-%m-%d %H:%M:%S', "
			       "'now', '+' || ?3 || ' minutes') ELSE locked_until END WHERE id = ?1 "
			       "RETURNING failed_logins >= ?2", &st))
			goto fail;
		sqlite3_bind_int64(st, 1, id);
		if (!good) {
			sqlite3_bind_int(st, 2, max);
			sqlite3_bind_int(st, 3, minutes);
		}
		if (sqlite3_step(st) == SQLITE_ROW)
			locked = sqlite3_column_int(st, 0) != 0;
		sqlite3_finalize(st);
	}
	if (locked) {
		/* the count starts again once the lock has run out */
		if (db_prepare(db, "UPDATE app_user SET failed_logins = 0 WHERE id = ?1", &st))
			goto fail;
		sqlite3_bind_int64(st, 1, id);
		if (db_step_done(db, st) ||
		    audit_add(db, 0, "login.locked", "app_user", id, login))
			goto fail;
	}
	if (audit_add(db, user_id, good ? "login" : "login.failed", "app_user", good ? id : 0,
		      login) || db_commit(db))
		goto fail;
	return CD_OK;
fail:
	db_rollback(db);
	return CD_EDB;
}

int user_login(struct cd_db *db, const char *login, const char *password,
	       struct actor *out)
{
	sqlite3_stmt *st;
	char hash[crypto_pwhash_STRBYTES] = "", until[20] = "";
	int64_t id = 0;
	bool disabled = true, good;
	int rc;

	if (sodium_init() < 0)
		BUG("libsodium failed to initialise");
	memset(out, 0, sizeof(*out));
	if (db_prepare(db, "SELECT id, login, full_name, pw_hash, roles, disabled, CASE WHEN "
		       "locked_until > strftime('%Y-%m-%d %H:%M:%S', 'now') THEN "
		       "datetime(locked_until, 'localtime') END FROM app_user WHERE login = ?1", &st))
		return CD_EDB;
	sqlite3_bind_text(st, 1, login ? login : "", -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		db_col_copy(st, 1, out->login, sizeof(out->login));
		db_col_copy(st, 2, out->full_name, sizeof(out->full_name));
		db_col_copy(st, 3, hash, sizeof(hash));
		out->roles = (unsigned)sqlite3_column_int(st, 4);
		disabled = sqlite3_column_int(st, 5) != 0;
		db_col_copy(st, 6, until, sizeof(until));
	}
	sqlite3_finalize(st);
	/* the same work for an unknown login as for a known one */
	good = password && crypto_pwhash_str_verify(id && hash[0] ? hash : dummy_hash(), password,
						     strlen(password)) == 0 && id;
	if (good && until[0]) {
		/* the right password on a locked account: said only to the one
		 * who knows it (a guesser sees "wrong login or password") */
		audit_add(db, 0, "login.refused_locked", "app_user", id, login);
		memset(out, 0, sizeof(*out));
		str_copy(out->locked_until, sizeof(out->locked_until), until);
		return CD_ELOCKED;
	}
	good = good && !disabled;
	if ((rc = count_attempt(db, id, login ? login : "", good, good ? id : 0)) && good) {
		memset(out, 0, sizeof(*out));
		return rc;
	}
	if (!good) {
		memset(out, 0, sizeof(*out));
		return CD_EAUTH;
	}
	out->user_id = id;
	return CD_OK;
}

int user_verify_password(struct cd_db *db, const struct actor *a,
			 const char *password)
{
	struct actor tmp;
	return user_login(db, a->login, password, &tmp);
}

static int user_query(struct cd_db *db, const char *sql, unsigned roles,
		      struct user **out, size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 16;

	*n = 0;
	*out = xcalloc(cap, sizeof(**out));
	if (db_prepare(db, sql, &st))
		return CD_EDB;
	if (roles)
		sqlite3_bind_int(st, 1, (int)roles);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct user *u;
		u = array_push((void **)out, n, &cap, sizeof(**out));
		u->id = sqlite3_column_int64(st, 0);
		db_col_copy(st, 1, u->login, sizeof(u->login));
		db_col_copy(st, 2, u->full_name, sizeof(u->full_name));
		u->roles = (unsigned)sqlite3_column_int(st, 3);
		u->disabled = sqlite3_column_int(st, 4) != 0;
		if (sqlite3_column_count(st) > 5)
			db_col_copy(st, 5, u->locked_until, sizeof(u->locked_until));
	}
	return db_finish_list(st, (void **)out, n);
}

int user_list(struct cd_db *db, const struct actor *a, struct user **out,
	      size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!actor_can(a, PERM_USER_ADMIN))
		return CD_EPERM;
	return user_query(db, "SELECT id, login, full_name, roles, disabled, CASE WHEN "
			  "locked_until > strftime('%Y-%m-%d %H:%M:%S', 'now') THEN "
			  "datetime(locked_until, 'localtime') END "
			  "FROM app_user ORDER BY login", 0, out, n);
}

int user_list_with_role(struct cd_db *db, unsigned roles, struct user **out,
			size_t *n)
{
	return user_query(db, "SELECT id, login, full_name, roles, disabled "
			  "FROM app_user WHERE disabled = 0 AND (roles & ?1) != 0 "
			  "ORDER BY full_name COLLATE PL, login", roles, out, n);
}

int user_get(struct cd_db *db, int64_t id, struct user *out)
{
	sqlite3_stmt *st;
	int rc = CD_ENOTFOUND;

	if (db_prepare(db, "SELECT id, login, full_name, roles, disabled "
		       "FROM app_user WHERE id = ?1", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		memset(out, 0, sizeof(*out));
		out->id = sqlite3_column_int64(st, 0);
		db_col_copy(st, 1, out->login, sizeof(out->login));
		db_col_copy(st, 2, out->full_name, sizeof(out->full_name));
		out->roles = (unsigned)sqlite3_column_int(st, 3);
		out->disabled = sqlite3_column_int(st, 4) != 0;
		rc = CD_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

int user_locked(struct cd_db *db, const struct actor *a)
{
	return audit_add(db, a->user_id, "lock", "app_user", a->user_id, "");
}

int user_logout(struct cd_db *db, const struct actor *a)
{
	return audit_add(db, a->user_id, "logout", "app_user", a->user_id, "");
}
