/* test_auth.c - accounts, passwords and what each role may do. */
#include "testutil.h"
#include "catalogue.h"
#include "dbint.h"
#include "person.h"
#include "request.h"
#include "assessment.h"
#include "casefile.h"
#include "meeting.h"
#include "offer.h"
#include "plan.h"
#include "summary.h"

#include <stdlib.h>
#include <string.h>

START_TEST(roles_parse_english_and_polish)
{
	struct fielderr e;
	char *s;

	ck_assert_uint_eq(roles_parse("reception", &e), ROLE_RECEPTION);
	ck_assert_uint_eq(roles_parse("dyrektor,organizator", &e),
			  ROLE_DIRECTOR | ROLE_ORGANISER);
	ck_assert_uint_eq(roles_parse("Koordynator, ADMIN", &e),
			  ROLE_COORDINATOR | ROLE_ADMIN);
	ck_assert_uint_eq(roles_parse("osl", &e), ROLE_COMMUNITY_ORGANISER);
	ck_assert_uint_eq(roles_parse("janitor", &e), 0);
	ck_assert_int_eq(e.field, USER_F_ROLES);
	ck_assert_ptr_nonnull(strstr(e.msg, "janitor"));
	ck_assert_uint_eq(roles_parse("", &e), 0);
	s = roles_codes(ROLE_DIRECTOR | ROLE_ORGANISER);
	ck_assert_str_eq(s, "organiser, director");
	free(s);
}
END_TEST

START_TEST(login_and_passwords)
{
	struct cd_db *db = tdb_open();
	struct actor sys, me;
	struct fielderr e;
	sqlite3_stmt *st;
	int64_t id;

	actor_system(&sys);
	ck_assert_int_eq(user_add(db, &sys, "anna", "Anna Wiśniewska", ROLE_COORDINATOR,
				  "tajne-hasło", &id, &e), CD_OK);
	ck_assert_int_eq(user_login(db, "anna", "tajne-hasło", &me), CD_OK);
	ck_assert_int_eq(me.user_id, id);
	ck_assert_uint_eq(me.roles, ROLE_COORDINATOR);
	ck_assert_str_eq(me.full_name, "Anna Wiśniewska");
	ck_assert_int_eq(user_login(db, "anna", "tajne-haslo", &me), CD_EAUTH);
	ck_assert_int_eq(user_login(db, "nobody", "tajne-hasło", &me), CD_EAUTH);
	/* stored as an argon2id hash, never as the password */
	ck_assert_int_eq(db_prepare(db, "SELECT pw_hash FROM app_user WHERE login = 'anna'", &st), CD_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_ptr_nonnull(strstr((const char *)sqlite3_column_text(st, 0), "$argon2id$"));
	ck_assert_ptr_null(strstr((const char *)sqlite3_column_text(st, 0), "tajne"));
	sqlite3_finalize(st);
	/* the rules */
	ck_assert_int_eq(user_add(db, &sys, "anna", "x", ROLE_ADMIN, "12345678", NULL, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, USER_F_LOGIN);
	ck_assert_int_eq(user_add(db, &sys, "Anna B", "x", ROLE_ADMIN, "12345678", NULL, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, USER_F_LOGIN);
	ck_assert_int_eq(user_add(db, &sys, "ewa", "x", ROLE_ADMIN, "short", NULL, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, USER_F_PASSWORD);
	/* change, disable */
	ck_assert_int_eq(user_set_password(db, &sys, "anna", "nowe-hasło-1", &e), CD_OK);
	ck_assert_int_eq(user_login(db, "anna", "tajne-hasło", &me), CD_EAUTH);
	ck_assert_int_eq(user_login(db, "anna", "nowe-hasło-1", &me), CD_OK);
	ck_assert_int_eq(user_verify_password(db, &me, "nowe-hasło-1"), CD_OK);
	ck_assert_int_eq(user_set_disabled(db, &sys, "anna", true, &e), CD_OK);
	ck_assert_int_eq(user_login(db, "anna", "nowe-hasło-1", &me), CD_EAUTH);
	tdb_close(&db);
}
END_TEST

START_TEST(roles_are_enforced_in_the_domain)
{
	struct cd_db *db = tdb_open();
	struct actor recep = tactor(ROLE_RECEPTION), admin = tactor(ROLE_ADMIN);
	struct actor osl = tactor(ROLE_COMMUNITY_ORGANISER);
	struct actor coord = tactor(ROLE_COORDINATOR);
	struct person p, got;
	struct request r, *rl;
	struct person_hit *h;
	struct user *u;
	struct offer_line *ol;
	struct fielderr e;
	size_t n;

	/* the matrix */
	ck_assert(actor_can(&recep, PERM_PERSON_WRITE));
	ck_assert(actor_can(&recep, PERM_REQUEST_FILE));
	ck_assert(!actor_can(&recep, PERM_CASE_CONTENT));
	ck_assert(actor_can(&coord, PERM_CASE_CONTENT));
	ck_assert(!actor_can(&admin, PERM_PERSON_READ));
	ck_assert(!actor_can(&osl, PERM_PERSON_WRITE));
	ck_assert(!actor_can(&coord, PERM_USER_ADMIN));

	/* reception registers a person and a request and sees the status */
	person_init(&p);
	str_copy(p.first_names, sizeof(p.first_names), "Jan");
	str_copy(p.surname, sizeof(p.surname), "Nowak");
	request_init(&r);
	str_copy(r.asked, sizeof(r.asked), "rehabilitacja");
	ck_assert_int_eq(request_file_with_person(db, &recep, &p, &r, &e), CD_OK);
	ck_assert_int_eq(request_list(db, &recep, NULL, &rl, &n), CD_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rl[0].status, "filed");
	free(rl);

	/* the admin sees no personal data */
	ck_assert_int_eq(person_get(db, &admin, p.id, &got), CD_EPERM);
	ck_assert_int_eq(person_search(db, &admin, "", 10, &h, &n), CD_EPERM);
	ck_assert_int_eq(request_list(db, &admin, NULL, &rl, &n), CD_EPERM);
	/* the community organiser reads but does not write */
	ck_assert_int_eq(person_get(db, &osl, p.id, &got), CD_OK);
	ck_assert_int_eq(person_save(db, &osl, &got, &e), CD_EPERM);
	ck_assert_int_eq(request_file(db, &osl, &r, &e), CD_EPERM);
	/* accounts are for the admin only */
	ck_assert_int_eq(user_list(db, &recep, &u, &n), CD_EPERM);
	ck_assert_int_eq(user_add(db, &coord, "x1", "x", ROLE_ADMIN, "12345678", NULL, &e), CD_EPERM);
	ck_assert_int_eq(user_list(db, &admin, &u, &n), CD_OK);
	free(u);
	/* reception may inform about the offer */
	ck_assert_int_eq(catalogue_offer(db, &recep, &ol, &n), CD_OK);
	free(ol);
	ck_assert_int_eq(catalogue_offer(db, &admin, &ol, &n), CD_EPERM);
	tdb_close(&db);
}
END_TEST

/* Failed logins are counted per account, in the database: at the limit
 * the account is locked, the right password then says so, a wrong one
 * says only "wrong"; the admin unlocks; the unlock prompt counts too. */
START_TEST(failed_logins_lock_the_account)
{
	struct cd_db *db = tdb_open();
	struct actor sys, me, admin;
	struct fielderr e;
	int i;

	actor_system(&sys);
	ck_assert_int_eq(user_add(db, &sys, "anna", "Anna", ROLE_COORDINATOR, "tajne-hasło", NULL,
				  &e), CD_OK);
	ck_assert_int_eq(user_add(db, &sys, "admin", "Admin", ROLE_ADMIN, "admin-hasło", NULL, &e),
			 CD_OK);
	ck_assert_int_eq(setting_get_int(db, "login_max_failures", 5), 5);
	for (i = 0; i < 4; i++)
		ck_assert_int_eq(user_login(db, "anna", "zle", &me), CD_EAUTH);
	/* a good one in between starts the count again */
	ck_assert_int_eq(user_login(db, "anna", "tajne-hasło", &me), CD_OK);
	for (i = 0; i < 5; i++)
		ck_assert_int_eq(user_login(db, "anna", "zle", &me), CD_EAUTH);
	ck_assert_int_eq(user_login(db, "anna", "tajne-hasło", &me), CD_ELOCKED);
	ck_assert_int_eq(strlen(me.locked_until), 19);
	ck_assert_int_eq(me.user_id, 0);
	ck_assert_int_eq(user_login(db, "anna", "zle", &me), CD_EAUTH);
	ck_assert_int_eq(tdb_count(db, "SELECT count(*) FROM audit_log WHERE action = "
				   "'login.locked'"), 1);
	/* another process (another desk) sees the same lock */
	{
		struct cd_db *other;
		char *err = NULL;
		ck_assert_int_eq(db_open(db_path(db), DB_OPEN_EXISTING, &other, &err), CD_OK);
		ck_assert_int_eq(user_login(other, "anna", "tajne-hasło", &me), CD_ELOCKED);
		db_close(&other);
	}
	/* only the admin unlocks */
	ck_assert_int_eq(user_login(db, "admin", "admin-hasło", &admin), CD_OK);
	ck_assert_int_eq(user_unlock(db, &me, "anna", &e), CD_EPERM);
	ck_assert_int_eq(user_unlock(db, &admin, "anna", &e), CD_OK);
	ck_assert_int_eq(user_login(db, "anna", "tajne-hasło", &me), CD_OK);
	/* the screen unlock counts the same */
	for (i = 0; i < 5; i++)
		ck_assert_int_eq(user_verify_password(db, &me, "zle"), CD_EAUTH);
	ck_assert_int_eq(user_verify_password(db, &me, "tajne-hasło"), CD_ELOCKED);
	/* an unknown login is counted nowhere and answers the same */
	ck_assert_int_eq(user_login(db, "nikt", "tajne-hasło", &me), CD_EAUTH);
	tdb_close(&db);
}
END_TEST

/* An account's name and roles change, audited old -> new; the last
 * enabled administrator can neither lose the role nor be disabled. */
START_TEST(accounts_change_and_the_last_admin_stays)
{
	struct cd_db *db = tdb_open();
	struct actor sys, admin, coord = tactor(ROLE_COORDINATOR);
	struct fielderr e;
	int64_t id;
	struct user u;

	actor_system(&sys);
	ck_assert_int_eq(user_add(db, &sys, "admin", "Admin", ROLE_ADMIN, "admin-hasło", NULL, &e),
			 CD_OK);
	ck_assert_int_eq(user_add(db, &sys, "ewa", "Ewa Nowak", ROLE_RECEPTION, "ewa-hasło-1", &id,
				  &e), CD_OK);
	ck_assert_int_eq(user_login(db, "admin", "admin-hasło", &admin), CD_OK);
	ck_assert_int_eq(user_update(db, &coord, "ewa", NULL, ROLE_DIRECTOR, &e), CD_EPERM);
	ck_assert_int_eq(user_update(db, &admin, "ewa", "Ewa Kowalska",
				     ROLE_RECEPTION | ROLE_COORDINATOR, &e), CD_OK);
	ck_assert_int_eq(user_get(db, id, &u), CD_OK);
	ck_assert_str_eq(u.full_name, "Ewa Kowalska");
	ck_assert_uint_eq(u.roles, ROLE_RECEPTION | ROLE_COORDINATOR);
	ck_assert_int_eq(tdb_count(db, "SELECT count(*) FROM audit_log WHERE action = 'user.update' "
				   "AND detail = 'ewa; roles: reception -> reception, coordinator; name: "
				   "Ewa Nowak -> Ewa Kowalska'"), 1);
	/* the last admin */
	ck_assert_int_eq(user_update(db, &sys, "admin", NULL, ROLE_DIRECTOR, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, USER_F_ROLES);
	ck_assert_int_eq(user_set_disabled(db, &sys, "admin", true, &e), CD_EINVAL);
	/* with a second one, the first may go */
	ck_assert_int_eq(user_update(db, &admin, "ewa", NULL, ROLE_RECEPTION | ROLE_ADMIN, &e),
			 CD_OK);
	ck_assert_int_eq(user_set_disabled(db, &sys, "admin", true, &e), CD_OK);
	ck_assert_int_eq(user_update(db, &sys, "ewa", NULL, ROLE_RECEPTION, &e), CD_EINVAL);
	tdb_close(&db);
}
END_TEST

/* Every write of the domain refuses a user without the role with
 * CD_EPERM and a message (auth.h), not as a field error. */
START_TEST(every_write_refuses_a_missing_role)
{
	struct fx f;
	struct fielderr e;
	struct actor admin = tactor(ROLE_ADMIN);
	struct person p;
	struct request r;
	struct assessment as;
	struct need nd;
	struct plan_version v;
	struct meeting m;
	struct programme pg;
	struct service sv;
	struct provider pv;
	struct place pl;
	struct date today;
	int64_t id;

	fx_open(&f);
	admin.user_id = 4242;
	date_parse(TEST_TODAY, &today);
#define REFUSED(call)                                                                   \
	do {                                                                            \
		e.msg[0] = '\0';                                                        \
		ck_assert_msg((call) == CD_EPERM, "%s: not CD_EPERM", #call);           \
		ck_assert_msg(e.msg[0] != '\0', "%s: no message", #call);               \
	} while (0)
	person_init(&p);
	str_copy(p.first_names, sizeof(p.first_names), "Ala");
	str_copy(p.surname, sizeof(p.surname), "Bezuprawnień");
	REFUSED(person_save(f.db, &admin, &p, &e));
	memset(&r, 0, sizeof(r));
	r.person_id = f.person;
	str_copy(r.asked, sizeof(r.asked), "opieka");
	REFUSED(request_file(f.db, &admin, &r, &e));
	assessment_init(&as, f.request);
	str_copy(as.held_on, sizeof(as.held_on), TEST_TODAY);
	REFUSED(assessment_save(f.db, &f.recep, &as, &e));
	assessment_release(&as);
	memset(&nd, 0, sizeof(nd));
	str_copy(nd.description, sizeof(nd.description), "dowóz");
	nd.unmet = true;
	REFUSED(need_add(f.db, &f.recep, f.request, &nd, &e));
	plan_version_init(&v);
	REFUSED(plan_create(f.db, &f.recep, f.request, &v, &e));
	plan_version_release(&v);
	memset(&m, 0, sizeof(m));
	str_copy(m.held_on, sizeof(m.held_on), TEST_TODAY);
	REFUSED(meeting_save(f.db, &f.anna, &m, &e));
	REFUSED(summary_save(f.db, &f.anna, "2026-06-01", "2026-11-22", "x", &id, &e));
	memset(&pg, 0, sizeof(pg));
	str_copy(pg.name, sizeof(pg.name), "Program bez prawa");
	REFUSED(programme_save(f.db, &f.anna, &pg, &e));
	service_init(&sv);
	str_copy(sv.name, sizeof(sv.name), "Usługa bez prawa");
	REFUSED(service_save(f.db, &f.anna, &sv, &e));
	memset(&pv, 0, sizeof(pv));
	str_copy(pv.name, sizeof(pv.name), "Realizator bez prawa");
	REFUSED(provider_save(f.db, &f.anna, &pv, &e));
	memset(&pl, 0, sizeof(pl));
	str_copy(pl.name, sizeof(pl.name), "Miejsce bez prawa");
	REFUSED(place_save(f.db, &f.anna, &pl, &e));
	REFUSED(authorisation_grant(f.db, &f.anna, f.organiser.user_id, "2026-01-01", NULL, &e));
	REFUSED(user_add(f.db, &f.anna, "nowy", "Nowy", ROLE_RECEPTION, "haslo-haslo", &id, &e));
	REFUSED(case_share(f.db, &f.recep, f.request, f.pawel.user_id, &e));
#undef REFUSED
	fx_close(&f);
}
END_TEST

Suite *suite_auth(void)
{
	Suite *s = suite_create("auth");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, roles_parse_english_and_polish);
	tcase_add_test(tc, login_and_passwords);
	tcase_add_test(tc, roles_are_enforced_in_the_domain);
	tcase_add_test(tc, failed_logins_lock_the_account);
	tcase_add_test(tc, accounts_change_and_the_last_admin_stays);
	tcase_add_test(tc, every_write_refuses_a_missing_role);
	suite_add_tcase(s, tc);
	return s;
}
