/* test_db.c - creating, migrating and checking the database file. */
#include "testutil.h"
#include "catalogue.h"
#include "dbint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>


START_TEST(migrates_empty_file)
{
	struct cd_db *db = tdb_open();
	struct strbuf sb;

	ck_assert_int_eq(db_schema_version(db), db_latest_version());
	ck_assert_int_ge(db_latest_version(), 1);
	ck_assert_int_eq(tdb_count(db, "SELECT count(*) FROM area"), 14);
	ck_assert_int_eq(tdb_count(db, "SELECT count(*) FROM area WHERE name_pl = 'mieszkalnictwo'"), 1);
	ck_assert_int_eq(catalogue_service_count(db), 15);
	ck_assert_int_eq(tdb_count(db, "PRAGMA foreign_keys"), 1);
	sb_init(&sb);
	ck_assert_int_eq(db_check(db, &sb), CD_OK);
	ck_assert_ptr_nonnull(strstr(sb.buf, "integrity: ok"));
	sb_release(&sb);
	tdb_close(&db);
}
END_TEST

static char logged[1024];
static void log_to_buffer(const char *msg)
{
	snprintf(logged, sizeof(logged), "%s", msg);
}

static void read_int(sqlite3_stmt *st, void *row)
{
	*(int *)row = sqlite3_column_int(st, 0);
}

/* A step that fails half way (abs() of the smallest integer overflows when
 * the second row is computed) ends the list with an error, not short. */
START_TEST(failed_step_is_an_error_not_a_short_list)
{
	struct cd_db *db = tdb_open();
	sqlite3_stmt *st;
	void *out = (void *)1;
	size_t n = 99;

	db_log_hook = log_to_buffer;
	logged[0] = '\0';
	ck_assert_int_eq(db_prepare(db, "SELECT 1 UNION ALL SELECT abs(-9223372036854775807 - 1)",
				    &st), CD_OK);
	ck_assert_int_eq(db_collect(st, sizeof(int), read_int, &out, &n), CD_EDB);
	ck_assert_ptr_null(out);
	ck_assert_uint_eq(n, 0);
	ck_assert_ptr_nonnull(strstr(logged, "integer overflow"));
	/* the same query that succeeds gives its rows */
	ck_assert_int_eq(db_prepare(db, "SELECT 1 UNION ALL SELECT 2", &st), CD_OK);
	ck_assert_int_eq(db_collect(st, sizeof(int), read_int, &out, &n), CD_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(((int *)out)[1], 2);
	free(out);
	db_log_hook = NULL;
	tdb_close(&db);
}
END_TEST

/* A kept statement comes back the same, reset, its bindings cleared; one
 * asked for while in use is a statement of its own, finalized on release;
 * built text finds its statement too; a failed step is reported. */
START_TEST(kept_statements_come_back_reset)
{
	struct cd_db *db = tdb_open();
	sqlite3_stmt *a, *b, *c;
	char sql[64];

	ck_assert_int_eq(db_cached(db, "SELECT ?1", &a), CD_OK);
	sqlite3_bind_int(a, 1, 7);
	ck_assert_int_eq(sqlite3_step(a), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(a, 0), 7);
	/* still in use: another one */
	ck_assert_int_eq(db_cached(db, "SELECT ?1", &b), CD_OK);
	ck_assert_ptr_ne(a, b);
	ck_assert_int_eq(db_release(db, b), CD_OK);
	ck_assert_int_eq(db_release(db, a), CD_OK);
	/* the same text, built: the kept one, reset and unbound */
	snprintf(sql, sizeof(sql), "SELECT ?%d", 1);
	ck_assert_int_eq(db_cached(db, sql, &c), CD_OK);
	ck_assert_ptr_eq(c, a);
	ck_assert_int_eq(sqlite3_step(c), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_type(c, 0), SQLITE_NULL);
	ck_assert_int_eq(db_release(db, c), CD_OK);
	/* a constraint refused: EEXIST; the statement is usable again */
	ck_assert_int_eq(db_exec(db, "CREATE TEMP TABLE k(x INTEGER PRIMARY KEY)"), CD_OK);
	ck_assert_int_eq(db_cached(db, "INSERT INTO k(x) VALUES (?1)", &a), CD_OK);
	sqlite3_bind_int(a, 1, 1);
	ck_assert_int_eq(db_cached_done(db, a), CD_OK);
	ck_assert_int_eq(db_cached(db, "INSERT INTO k(x) VALUES (?1)", &a), CD_OK);
	sqlite3_bind_int(a, 1, 1);
	ck_assert_int_eq(db_cached_done(db, a), CD_EEXIST);
	ck_assert_int_eq(db_cached(db, "INSERT INTO k(x) VALUES (?1)", &a), CD_OK);
	sqlite3_bind_int(a, 1, 2);
	ck_assert_int_eq(db_cached_done(db, a), CD_OK);
	ck_assert_int_eq(tdb_count(db, "SELECT count(*) FROM k"), 2);
	tdb_close(&db);
}
END_TEST

START_TEST(status_codes_have_messages)
{
	struct fielderr e;

	ck_assert_str_eq(cd_status_text(CD_EPERM), "your role does not allow this");
	ck_assert_str_eq(cd_status_text(CD_EDB), "the database refused the change");
	ck_assert_str_eq(cd_status_text(-99), "the database refused the change");
	fielderr_clear(&e);
	ck_assert_str_eq(cd_error_text(CD_EPERM, &e), "your role does not allow this");
	ck_assert_str_eq(cd_error_text(CD_EPERM, NULL), "your role does not allow this");
	fielderr_set(&e, 3, "%s", "Surname: required");
	ck_assert_str_eq(cd_error_text(CD_EINVAL, &e), "Surname: required");
}
END_TEST

START_TEST(file_is_private_and_not_overwritten)
{
	struct cd_db *db = tdb_open(), *again = NULL;
	char *path = xstrdup(db_path(db)), *err = NULL;
	struct stat sb;

	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	ck_assert_int_eq(db_open(path, DB_CREATE_NEW, &again, &err), CD_EEXIST);
	ck_assert_ptr_nonnull(strstr(err, "already exists"));
	ck_assert_ptr_null(again);
	free(err);
	free(path);
	tdb_close(&db);
}
END_TEST

START_TEST(refuses_newer_schema)
{
	struct cd_db *db = tdb_open(), *again = NULL;
	char *path = xstrdup(db_path(db)), *err = NULL;

	ck_assert_int_eq(db_exec(db, "PRAGMA user_version = 999"), CD_OK);
	db_close(&db);
	ck_assert_int_eq(db_open(path, DB_OPEN_EXISTING, &again, &err), CD_ESCHEMA);
	ck_assert_ptr_nonnull(strstr(err, "newer than this program"));
	free(err);
	/* reopen for the cleanup */
	db = NULL;
	free(path);
	tdb_close(&db);
}
END_TEST

START_TEST(missing_file_is_not_created)
{
	struct cd_db *db = NULL;
	char *err = NULL;
	struct stat sb;

	ck_assert_int_eq(db_open("/tmp/cusdesk-no-such-dir/x.db", DB_OPEN_EXISTING, &db, &err),
			 CD_ENOTFOUND);
	ck_assert_ptr_nonnull(strstr(err, "init"));
	ck_assert_int_ne(stat("/tmp/cusdesk-no-such-dir/x.db", &sb), 0);
	free(err);
}
END_TEST

START_TEST(nested_transactions)
{
	struct cd_db *db = tdb_open();

	ck_assert_int_eq(db_begin(db), CD_OK);
	ck_assert_int_eq(setting_set(db, "a", "1"), CD_OK);
	ck_assert_int_eq(db_begin(db), CD_OK);
	ck_assert_int_eq(setting_set(db, "b", "2"), CD_OK);
	db_rollback(db);       /* inner: b is gone, a stays */
	ck_assert_int_eq(db_commit(db), CD_OK);
	ck_assert_int_eq(setting_get_int(db, "a", 0), 1);
	ck_assert_int_eq(setting_get_int(db, "b", 0), 0);

	ck_assert_int_eq(db_begin(db), CD_OK);
	ck_assert_int_eq(setting_set(db, "c", "3"), CD_OK);
	ck_assert_int_eq(db_begin(db), CD_OK);
	ck_assert_int_eq(db_commit(db), CD_OK);
	db_rollback(db);       /* outer: everything is gone */
	ck_assert_int_eq(setting_get_int(db, "c", 0), 0);
	tdb_close(&db);
}
END_TEST

START_TEST(settings_defaults)
{
	struct cd_db *db = tdb_open();
	char *v = setting_get(db, "case_ref_pattern", "x");

	ck_assert_str_eq(v, "CUS.IPUS.{n}.{yyyy}");
	free(v);
	ck_assert_int_eq(setting_get_int(db, "lock_minutes", 0), 10);
	ck_assert_int_eq(setting_get_int(db, "nothing", 7), 7);
	tdb_close(&db);
}
END_TEST

/* check's verdict on the audit chain: NULL when intact, else the text. */
static char *chain_verdict(struct cd_db *db)
{
	struct strbuf sb;
	char *r = NULL;

	sb_init(&sb);
	if (db_check(db, &sb) != CD_OK)
		r = xstrdup(strstr(sb.buf, "audit log") ? strstr(sb.buf, "audit log") : sb.buf);
	else
		ck_assert_ptr_nonnull(strstr(sb.buf, "chain intact"));
	sb_release(&sb);
	return r;
}

/* An entry edited, inserted or deleted with sqlite3 breaks the chain, and
 * check names the first entry that does not fit. */
START_TEST(audit_chain_shows_every_change)
{
	struct cd_db *db = tdb_open();
	struct actor ewa = login_as(db, "ewa", ROLE_RECEPTION);
	char *v, sql[160];
	int i;

	for (i = 0; i < 5; i++)
		ck_assert_int_eq(audit_add(db, 0, "person.edit", "person", i + 1, "x"), CD_OK);
	ck_assert_ptr_null(chain_verdict(db));
	ck_assert_int_eq(tdb_count(db, "SELECT count(*) FROM audit_log WHERE hash IS NULL OR "
				   "length(hash) <> 64 OR os_account = ''"), 0);
	/* a forged user on entry 3 */
	snprintf(sql, sizeof(sql), "UPDATE audit_log SET user_id = %lld WHERE action = "
		 "'person.edit' AND entity_id = 3", (long long)ewa.user_id);
	ck_assert_int_eq(db_exec(db, sql), CD_OK);
	ck_assert_ptr_nonnull(v = chain_verdict(db));
	ck_assert_ptr_nonnull(strstr(v, "BROKEN"));
	free(v);
	ck_assert_int_eq(db_exec(db, "UPDATE audit_log SET user_id = NULL WHERE action = "
				 "'person.edit' AND entity_id = 3"), CD_OK);
	ck_assert_ptr_null(chain_verdict(db));
	/* a deleted entry: the one after it does not fit */
	ck_assert_int_eq(db_exec(db, "DELETE FROM audit_log WHERE action = 'person.edit' AND "
				 "entity_id = 2"), CD_OK);
	ck_assert_ptr_nonnull(v = chain_verdict(db));
	free(v);
	tdb_close(&db);
	/* an inserted one, even with a made-up hash */
	db = tdb_open();
	ck_assert_int_eq(audit_add(db, 0, "login", "", 0, ""), CD_OK);
	ck_assert_int_eq(db_exec(db, "INSERT INTO audit_log(action, hash) VALUES ('login', "
				 "'00000000000000000000000000000000000000000000000000000000000000')"),
			 CD_OK);
	ck_assert_ptr_nonnull(v = chain_verdict(db));
	free(v);
	tdb_close(&db);
}
END_TEST

/* A database from before the chain (schema 9) gets its entries chained
 * when it is upgraded. */
START_TEST(audit_chain_upgrade_chains_old_entries)
{
	struct cd_db *db = tdb_open();
	char *path = xstrdup(db_path(db)), *err = NULL;
	int i;

	for (i = 0; i < 3; i++)
		ck_assert_int_eq(audit_add(db, 0, "person.add", "person", i + 1, ""), CD_OK);
	ck_assert_int_eq(db_exec(db, "ALTER TABLE audit_log DROP COLUMN hash; ALTER TABLE "
				 "audit_log DROP COLUMN os_account; ALTER TABLE app_user DROP COLUMN "
				 "failed_logins; ALTER TABLE app_user DROP COLUMN locked_until; "
				 "DROP TABLE assessment_sitting; ALTER TABLE plan_item DROP COLUMN days; "
				 "ALTER TABLE plan_item DROP COLUMN hours; "
				 "ALTER TABLE plan_version DROP COLUMN changed_by; DROP TABLE absence; "
				 "ALTER TABLE monitoring_item DROP COLUMN excused; "
				 "DROP INDEX monitoring_item_absences; "
				 "DROP INDEX monitoring_correction; ALTER TABLE monitoring_note DROP "
				 "COLUMN corrects_id; ALTER TABLE monitoring_item DROP COLUMN superseded; "
				 "DROP TABLE person_prefix; "
				 "DROP TRIGGER caseload_request_insert; DROP TRIGGER caseload_request_delete; DROP TRIGGER caseload_request_update; "
				 "DROP TRIGGER plan_running_version_insert; DROP TRIGGER plan_running_version_update; DROP TRIGGER plan_running_version_delete; "
				 "DROP TRIGGER plan_running_closure_insert; DROP TRIGGER plan_running_closure_delete; DROP TRIGGER caseload_plan_running; DROP TRIGGER caseload_plan_delete; "
				 "DROP TABLE caseload_count; ALTER TABLE plan DROP COLUMN running; "
				 "DROP INDEX assessment_held; "
				 "PRAGMA user_version = 9"), CD_OK);
	db_close(&db);
	ck_assert_int_eq(db_open(path, DB_OPEN_EXISTING, &db, &err), CD_OK);
	ck_assert_int_eq(db_schema_version(db), db_latest_version());
	ck_assert_int_eq(tdb_count(db, "SELECT count(*) FROM audit_log WHERE hash IS NOT NULL"),
			 tdb_count(db, "SELECT count(*) FROM audit_log"));
	ck_assert_ptr_null(chain_verdict(db));
	free(path);
	tdb_close(&db);
}
END_TEST

Suite *suite_db(void)
{
	Suite *s = suite_create("db");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 20);
	tcase_add_test(tc, migrates_empty_file);
	tcase_add_test(tc, file_is_private_and_not_overwritten);
	tcase_add_test(tc, failed_step_is_an_error_not_a_short_list);
	tcase_add_test(tc, status_codes_have_messages);
	tcase_add_test(tc, kept_statements_come_back_reset);
	tcase_add_test(tc, refuses_newer_schema);
	tcase_add_test(tc, missing_file_is_not_created);
	tcase_add_test(tc, nested_transactions);
	tcase_add_test(tc, settings_defaults);
	tcase_add_test(tc, audit_chain_shows_every_change);
	tcase_add_test(tc, audit_chain_upgrade_chains_old_entries);
	suite_add_tcase(s, tc);
	return s;
}
