/* main.c - runs every unit test suite. */
#include "settings.h"
#include "testutil.h"
#include "centre.h"
#include "dbint.h"
#include "i18n.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[256];

struct cd_db *tdb_open(void)
{
	struct cd_db *db = NULL;
	char *path, *err = NULL;

	setenv("CUSDESK_TODAY", TEST_TODAY, 1);
	snprintf(dir, sizeof(dir), "/tmp/cusdesk-test-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	path = xasprintf("%s/test.db", dir);
	ck_assert_int_eq(db_open(path, DB_CREATE_NEW, &db, &err), CD_OK);
	ck_assert_int_eq(centre_setup(db, "CUS Test"), CD_OK);
	ck_assert_int_eq(db_mark_kind(db, "test"), CD_OK);
	/* the cases of the tests are dated from 2021 */
	ck_assert_int_eq(setting_set(db, "centre_started", "2020-01-01"), CD_OK);
	free(path);
	return db;
}

const char *tdb_dir(void)
{
	return dir;
}

void tdb_close(struct cd_db **db)
{
	char *cmd;

	db_close(db);
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(cmd);
}

int tdb_count(struct cd_db *db, const char *sql)
{
	sqlite3_stmt *st;
	int n = -1;

	ck_assert_int_eq(db_prepare(db, sql, &st), CD_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

struct actor tactor(unsigned roles)
{
	struct actor a;

	memset(&a, 0, sizeof(a));
	a.roles = roles;
	str_copy(a.login, sizeof(a.login), "test");
	return a;
}

int main(void)
{
	SRunner *sr;
	int failed;

	setlocale(LC_ALL, "C.UTF-8");
	/* messages are checked in English (the source language) */
	i18n_init("en");
	sr = srunner_create(suite_text());
	srunner_add_suite(sr, suite_validate());
	srunner_add_suite(sr, suite_casepath());
	srunner_add_suite(sr, suite_textlayout());
	srunner_add_suite(sr, suite_textedit());
	srunner_add_suite(sr, suite_db());
	srunner_add_suite(sr, suite_person());
	srunner_add_suite(sr, suite_request());
	srunner_add_suite(sr, suite_auth());
	srunner_add_suite(sr, suite_assessment());
	srunner_add_suite(sr, suite_plan());
	srunner_add_suite(sr, suite_monitoring());
	srunner_add_suite(sr, suite_offer());
	srunner_add_suite(sr, suite_report());
	srunner_add_suite(sr, suite_group());
	srunner_add_suite(sr, suite_csv());
	srunner_add_suite(sr, suite_import());
	srunner_add_suite(sr, suite_document());
	srunner_add_suite(sr, suite_rodo());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
