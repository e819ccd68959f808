/* auth.h - user accounts, roles, and what each role may do.
 *
 * Every domain function that reads or writes personal data takes the
 * acting user (struct actor) and refuses with CD_EPERM what the role does
 * not allow: the UI hides menus, but the rule lives here.
 */
#ifndef CUSDESK_AUTH_H
#define CUSDESK_AUTH_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"
#include "validate.h"

enum role {
	ROLE_RECEPTION = 1 << 0,
	ROLE_COORDINATOR = 1 << 1,
	ROLE_ORGANISER = 1 << 2,
	ROLE_DIRECTOR = 1 << 3,
	ROLE_COMMUNITY_ORGANISER = 1 << 4,
	ROLE_ADMIN = 1 << 5,
};
#define ROLE_ALL 0x3F

enum perm {
	PERM_PERSON_READ,     /* contact data of residents */
	PERM_PERSON_WRITE,    /* register and edit residents */
	PERM_REQUEST_FILE,    /* file a request, see its status */
	PERM_REQUEST_MANAGE,  /* change status, assign a coordinator */
	PERM_CASE_CONTENT,    /* assessment and plan contents */
	PERM_OFFER_READ,      /* the programmes, services, providers */
	PERM_OFFER_EDIT,
	PERM_PLAN_APPROVE,
	PERM_AUTHORISE,       /* authorise organisers to approve plans (art. 41) */
	PERM_REPORTS,         /* the team's duties: meetings, summaries, reports */
	PERM_ACTIVITY,        /* supporting activities: the list, members, meetings */
	PERM_USER_ADMIN,      /* accounts */
	PERM_AUDIT_READ,      /* the audit log read back */
};

/* Who is acting.  The command line acts as the system actor (user_id 0,
 * every role): whoever can run it can read the database file anyway. */
struct actor {
	int64_t user_id;
	unsigned roles;
	char login[40];
	char full_name[128];
	char locked_until[20];  /* user_login's CD_ELOCKED: until when (local time) */
};

void actor_system(struct actor *a);
bool actor_can(const struct actor *a, enum perm p);
/* CD_OK, or CD_EPERM with a translated message in e. */
int actor_require(const struct actor *a, enum perm p, struct fielderr *e);

/* Roles: "reception,coordinator" or Polish "recepcja,koordynator".
 * Returns 0 (and sets e) when a name is unknown. */
unsigned roles_parse(const char *list, struct fielderr *e);
/* Translated, comma separated; caller frees. */
char *roles_describe(unsigned roles);
/* English code list, comma separated; caller frees. */
char *roles_codes(unsigned roles);

enum user_field { USER_F_LOGIN, USER_F_NAME, USER_F_ROLES, USER_F_PASSWORD };

struct user {
	int64_t id;
	char login[40];
	char full_name[128];
	unsigned roles;
	bool disabled;
	char locked_until[20];   /* user_list: local time of a running lock, else "" */
};

/* Login: 2-32 of a-z 0-9 . _ -; password at least 8 characters. */
int user_validate_login(const char *login, struct fielderr *e);
int user_validate_password(const char *pw, struct fielderr *e);

int user_add(struct cd_db *db, const struct actor *a, const char *login,
	     const char *full_name, unsigned roles, const char *password,
	     int64_t *id, struct fielderr *e);
int user_set_password(struct cd_db *db, const struct actor *a,
		      const char *login, const char *password, struct fielderr *e);
int user_set_disabled(struct cd_db *db, const struct actor *a,
		      const char *login, bool disabled, struct fielderr *e);
/* Changes an account's full name (when name is not NULL) and roles (when
 * not 0), audited old -> new.  The last enabled administrator keeps the
 * role, and no one can be left without one. */
int user_update(struct cd_db *db, const struct actor *a, const char *login,
		const char *name, unsigned roles, struct fielderr *e);
/* Lifts a lock of failed logins (the administrator). */
int user_unlock(struct cd_db *db, const struct actor *a, const char *login,
		struct fielderr *e);
/* Checks login and password of an enabled account; fills *out.  Wrong
 * login, wrong password and a disabled account all give CD_EAUTH, and an
 * unknown login takes as long as a known one.  Failures are counted per
 * account: login_max_failures in a row lock it for login_lock_minutes
 * (settings); the right password on a locked account gives CD_ELOCKED
 * with out->locked_until. */
int user_login(struct cd_db *db, const char *login, const char *password,
	       struct actor *out);
/* Re-checks the password of an already logged-in actor (screen unlock). */
int user_verify_password(struct cd_db *db, const struct actor *a,
			 const char *password);

/* The desk's screen lock and logging out, recorded in the audit log with
 * the user (a failed record is returned, the desk goes on). */
int user_locked(struct cd_db *db, const struct actor *a);
int user_logout(struct cd_db *db, const struct actor *a);
/* All users (login order); *out is an array the caller frees. */
int user_list(struct cd_db *db, const struct actor *a, struct user **out,
	      size_t *n);
/* Enabled users holding any of roles, in Polish order of full name; for
 * pick lists such as "assigned coordinator".  No permission needed. */
int user_list_with_role(struct cd_db *db, unsigned roles, struct user **out,
			size_t *n);
int user_get(struct cd_db *db, int64_t id, struct user *out);

/* The argon2id cost of a new password hash.  Defined alone in pwcost.c
 * (libsodium's interactive limits), so the unit tests can link a cheap one
 * of their own (tests/unit/pwcost.c) in its place: the program itself has
 * no way to reach a cheaper cost.  A stored hash keeps its own cost, so
 * verifying never depends on this. */
struct pw_cost {
	unsigned long long ops;
	size_t mem;
};
extern const struct pw_cost auth_pw_cost;

#endif
