/* test_request.c - filing requests, case references, lists. */
#include "testutil.h"
#include "dbint.h"
#include "request.h"
#include "assessment.h"
#include "settings.h"
#include "journal.h"

#include <stdlib.h>
#include <string.h>

static struct actor recep;

static void setup(void)
{
	recep = tactor(ROLE_RECEPTION);
}

static int64_t person(struct cd_db *db, const char *first, const char *last)
{
	struct person p;
	struct fielderr e;

	person_init(&p);
	str_copy(p.first_names, sizeof(p.first_names), first);
	str_copy(p.surname, sizeof(p.surname), last);
	ck_assert_int_eq(person_save(db, &recep, &p, &e), CD_OK);
	return p.id;
}


START_TEST(case_ref_pattern)
{
	char *s = case_ref_format("CUS.IPUS.{n}.{yyyy}", 12, 2026);
	struct fielderr e;

	ck_assert_str_eq(s, "CUS.IPUS.12.2026");
	free(s);
	s = case_ref_format("IPUS/{nnnn}/{yy}", 7, 2026);
	ck_assert_str_eq(s, "IPUS/0007/26");
	free(s);
	ck_assert_int_eq(case_ref_pattern_validate("IPUS/{n}", &e), CD_EINVAL);
	ck_assert_int_eq(case_ref_pattern_validate("IPUS/{n}/{yyyy}", &e), CD_OK);
}
END_TEST

START_TEST(numbered_per_year_of_filing)
{
	struct cd_db *db = tdb_open();
	struct request r;
	struct fielderr e;
	int64_t id = person(db, "Jan", "Kowalski");
	static const char *filed[] = {"2025-12-30", "2026-01-02", "2026-03-01", "2025-12-31"};
	static const char *want[] = {"CUS.IPUS.1.2025", "CUS.IPUS.1.2026",
				     "CUS.IPUS.2.2026", "CUS.IPUS.2.2025"};
	size_t i;

	for (i = 0; i < 4; i++) {
		request_init(&r);
		r.person_id = id;
		str_copy(r.filed_on, sizeof(r.filed_on), filed[i]);
		str_copy(r.asked, sizeof(r.asked), "usługi opiekuńcze");
		r.another_open_ok = true;   /* four requests of one person */
		ck_assert_int_eq(request_file(db, &recep, &r, &e), CD_OK);
		ck_assert_str_eq(r.case_ref, want[i]);
	}
	/* a changed pattern applies to the next request */
	ck_assert_int_eq(setting_set(db, "case_ref_pattern", "{nnn}/{yyyy}"), CD_OK);
	request_init(&r);
	r.person_id = id;
	str_copy(r.asked, sizeof(r.asked), "x");
	r.another_open_ok = true;
	ck_assert_int_eq(request_file(db, &recep, &r, &e), CD_OK);
	ck_assert_str_eq(r.case_ref, "003/2026");
	tdb_close(&db);
}
END_TEST

START_TEST(request_rules)
{
	struct cd_db *db = tdb_open();
	struct request r;
	struct fielderr e;
	int64_t id = person(db, "Jan", "Kowalski");

	request_init(&r);
	ck_assert_str_eq(r.filed_on, TEST_TODAY);
	r.person_id = id;
	ck_assert_int_eq(request_file(db, &recep, &r, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, REQUEST_F_ASKED);
	str_copy(r.asked, sizeof(r.asked), "dowóz posiłków");
	str_copy(r.filed_on, sizeof(r.filed_on), "2026-11-23");
	ck_assert_int_eq(request_file(db, &recep, &r, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, REQUEST_F_FILED);
	ck_assert_str_eq(e.msg, "Filing date: cannot be in the future");
	str_copy(r.filed_on, sizeof(r.filed_on), "2026-02-30");
	ck_assert_int_eq(request_file(db, &recep, &r, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, REQUEST_F_FILED);
	str_copy(r.filed_on, sizeof(r.filed_on), TEST_TODAY);
	str_copy(r.channel, sizeof(r.channel), "fax");
	ck_assert_int_eq(request_file(db, &recep, &r, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, REQUEST_F_CHANNEL);
	str_copy(r.channel, sizeof(r.channel), "phone");
	str_copy(r.filed_by, sizeof(r.filed_by), "actual_carer");
	ck_assert_int_eq(request_file(db, &recep, &r, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, REQUEST_F_FILER);
	r.filer_person_id = person(db, "Maria", "Kowalska");
	ck_assert_int_eq(request_file(db, &recep, &r, &e), CD_OK);
	{
		/* the carer recorded on the card is the default filer */
		struct person p;
		struct request r2 = r;
		person_get(db, &recep, id, &p);
		p.carer_id = r.filer_person_id;
		ck_assert_int_eq(person_save(db, &recep, &p, &e), CD_OK);
		r2.filer_person_id = 0;
		r2.another_open_ok = true;
		ck_assert_int_eq(request_file(db, &recep, &r2, &e), CD_OK);
		ck_assert_int_eq(r2.filer_person_id, p.carer_id);
	}
	r.coordinator_id = 12345;
	ck_assert_int_eq(request_update(db, &recep, &r, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, REQUEST_F_COORDINATOR);
	ck_assert_int_eq(tdb_count(db, "SELECT count(*) FROM request"), 2);
	tdb_close(&db);
}
END_TEST

START_TEST(person_and_request_are_one_transaction)
{
	struct cd_db *db = tdb_open();
	struct person p;
	struct request r;
	struct fielderr e;

	person_init(&p);
	str_copy(p.first_names, sizeof(p.first_names), "Żaneta");
	str_copy(p.surname, sizeof(p.surname), "Źrebiec");
	request_init(&r);
	/* the request is wrong: neither the person nor the request is stored */
	ck_assert_int_eq(request_file_with_person(db, &recep, &p, &r, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, REQUEST_F_ASKED);
	ck_assert_int_eq(tdb_count(db, "SELECT count(*) FROM person"), 0);
	ck_assert_int_eq(p.id, 0);
	/* a coordinator who does not exist fails after the person was
	 * written inside the transaction: rolled back too */
	str_copy(r.asked, sizeof(r.asked), "opieka wytchnieniowa");
	r.coordinator_id = 777;
	ck_assert_int_eq(request_file_with_person(db, &recep, &p, &r, &e), CD_EINVAL);
	ck_assert_int_eq(tdb_count(db, "SELECT count(*) FROM person"), 0);
	ck_assert_int_eq(tdb_count(db, "SELECT count(*) FROM case_counter"), 0);
	r.coordinator_id = 0;
	ck_assert_int_eq(request_file_with_person(db, &recep, &p, &r, &e), CD_OK);
	ck_assert_int_gt(p.id, 0);
	ck_assert_int_eq(r.person_id, p.id);
	ck_assert_str_eq(r.case_ref, "CUS.IPUS.1.2026");
	ck_assert_int_eq(tdb_count(db, "SELECT count(*) FROM person"), 1);
	ck_assert_int_eq(tdb_count(db, "SELECT count(*) FROM audit_log WHERE action = 'request.file'"), 1);
	tdb_close(&db);
}
END_TEST

START_TEST(lists_filter_and_order)
{
	struct cd_db *db = tdb_open();
	struct actor sys;
	struct request r, *l;
	struct fielderr e;
	struct request_filter f = {"open", 0, 0};
	int64_t a = person(db, "Anna", "Nowak"), uid;
	size_t n;

	actor_system(&sys);
	ck_assert_int_eq(user_add(db, &sys, "koord", "Koordynatorka", ROLE_COORDINATOR,
				  "haslo1234", &uid, &e), CD_OK);
	request_init(&r);
	r.person_id = a;
	str_copy(r.asked, sizeof(r.asked), "a");
	str_copy(r.filed_on, sizeof(r.filed_on), "2026-10-02");
	r.another_open_ok = true;   /* several requests of one person */
	ck_assert_int_eq(request_file(db, &recep, &r, &e), CD_OK);
	str_copy(r.filed_on, sizeof(r.filed_on), "2026-10-01");
	r.coordinator_id = uid;
	ck_assert_int_eq(request_file(db, &recep, &r, &e), CD_OK);
	str_copy(r.filed_on, sizeof(r.filed_on), "2026-09-01");
	str_copy(r.status, sizeof(r.status), "closed");
	ck_assert_int_eq(request_file(db, &recep, &r, &e), CD_OK);

	ck_assert_int_eq(request_list(db, &recep, &f, &l, &n), CD_OK);
	ck_assert_uint_eq(n, 2);
	/* oldest filing first: the order the law asks for */
	ck_assert_str_eq(l[0].filed_on, "2026-10-01");
	ck_assert_str_eq(l[0].coordinator_name, "Koordynatorka");
	ck_assert_str_eq(l[0].person_name, "Nowak Anna");
	free(l);
	f.coordinator_id = -1;
	ck_assert_int_eq(request_list(db, &recep, &f, &l, &n), CD_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(l[0].filed_on, "2026-10-02");
	free(l);
	f.status = NULL;
	f.coordinator_id = uid;
	ck_assert_int_eq(request_list(db, &recep, &f, &l, &n), CD_OK);
	ck_assert_uint_eq(n, 2);
	free(l);
	f.status = "closed";
	ck_assert_int_eq(request_list(db, &recep, &f, &l, &n), CD_OK);
	ck_assert_uint_eq(n, 1);
	free(l);
	tdb_close(&db);
}
END_TEST

/* Each role changes only what is its job: the filing date against the
 * centre and the assessment, a second open request, statuses by hand. */
START_TEST(request_rules_follow_the_case_path)
{
	struct fx f;
	struct request r, r2;
	struct assessment as;
	struct fielderr e;
	int64_t served;

	fx_open(&f);
	ck_assert_int_eq(setting_set(f.db, "centre_started", "2025-01-01"), CD_OK);
	request_init(&r);
	r.person_id = f.person;
	str_copy(r.asked, sizeof(r.asked), "asystencja");
	str_copy(r.filed_on, sizeof(r.filed_on), "2024-12-31");
	ck_assert_int_eq(request_file(f.db, &f.recep, &r, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, REQUEST_F_FILED);
	ck_assert_str_eq(e.msg, "Filing date: cannot be before the centre started (2025-01-01)");
	/* a second open request asks first and names the open one */
	str_copy(r.filed_on, sizeof(r.filed_on), "2026-11-20");
	ck_assert_int_eq(request_file(f.db, &f.recep, &r, &e), CD_EEXIST);
	ck_assert_int_eq(e.field, REQUEST_F_PERSON);
	ck_assert_ptr_nonnull(strstr(e.msg, "CUS.IPUS.1.2026"));
	ck_assert_ptr_nonnull(strstr(e.msg, "2026-11-02"));
	r.another_open_ok = true;
	ck_assert_int_eq(request_file(f.db, &f.recep, &r, &e), CD_OK);

	/* statuses of the case path are not set by hand */
	ck_assert_int_eq(request_get(f.db, &f.recep, f.request, &r2), CD_OK);
	str_copy(r2.status, sizeof(r2.status), "qualified");
	ck_assert_int_eq(request_update(f.db, &f.recep, &r2, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, REQUEST_F_STATUS);
	str_copy(r2.status, sizeof(r2.status), "closed");
	ck_assert_int_eq(request_update(f.db, &f.organiser, &r2, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, REQUEST_F_STATUS);

	/* the assessment started: the filing date is the coordinator's, with a
	 * reason, never after the first sitting */
	assessment_init(&as, f.request);
	str_copy(as.held_on, sizeof(as.held_on), "2026-11-10");
	ck_assert_int_eq(assessment_save(f.db, &f.anna, &as, &e), CD_OK);
	assessment_release(&as);
	ck_assert_int_eq(request_get(f.db, &f.recep, f.request, &r2), CD_OK);
	ck_assert_str_eq(r2.status, "assessment");
	str_copy(r2.filed_on, sizeof(r2.filed_on), "2026-11-03");
	ck_assert_int_eq(request_update(f.db, &f.recep, &r2, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, REQUEST_F_FILED);
	ck_assert_int_eq(request_update(f.db, &f.anna, &r2, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, REQUEST_F_REASON);
	str_copy(r2.change_reason, sizeof(r2.change_reason), "pomyłka przy wpisie");
	str_copy(r2.filed_on, sizeof(r2.filed_on), "2026-11-12");
	ck_assert_int_eq(request_update(f.db, &f.anna, &r2, &e), CD_EINVAL);
	ck_assert_str_eq(e.msg, "Filing date: cannot be after the assessment (2026-11-10)");
	str_copy(r2.filed_on, sizeof(r2.filed_on), "2026-11-03");
	ck_assert_int_eq(request_update(f.db, &f.anna, &r2, &e), CD_OK);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM audit_log WHERE action = "
				   "'request.filed_on' AND detail = '2026-11-02 -> 2026-11-03; "
				   "pomyłka przy wpisie'"), 1);

	/* withdrawn at the person's wish: reception may, audited old -> new */
	ck_assert_int_eq(request_get(f.db, &f.recep, r.id, &r2), CD_OK);
	str_copy(r2.status, sizeof(r2.status), "withdrawn");
	ck_assert_int_eq(request_update(f.db, &f.recep, &r2, &e), CD_OK);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM audit_log WHERE action = "
				   "'request.status' AND detail = 'filed -> withdrawn'"), 1);
	/* ... but not while a plan runs: that is a resignation */
	served = fx_served(&f, "Zofia", "2026-06-01", "2026-07-01", "2026-12-31", false);
	ck_assert_int_eq(request_get(f.db, &f.recep, served, &r2), CD_OK);
	str_copy(r2.status, sizeof(r2.status), "withdrawn");
	ck_assert_int_eq(request_update(f.db, &f.recep, &r2, &e), CD_EINVAL);
	ck_assert_ptr_nonnull(strstr(e.msg, "resignation"));
	fx_close(&f);
}
END_TEST

/* Reads of a case are recorded with the user; the director lists the log
 * per person, user and day; reception may not. */
START_TEST(reads_and_changes_of_a_case_are_listed)
{
	struct fx f;
	struct audit_filter fl;
	struct audit_entry *l;
	struct fielderr e;
	struct request r;
	size_t n, i;
	bool read = false, changed = false;
	int64_t other;

	fx_open(&f);
	other = file_request(&f, "Halina", "2026-11-05", f.pawel.user_id);
	ck_assert_int_eq(case_opened(f.db, &f.recep, f.request, "case view", &e), CD_EPERM);
	ck_assert_int_eq(case_opened(f.db, &f.anna, f.request, "case view", &e), CD_OK);
	ck_assert_int_eq(request_get(f.db, &f.anna, f.request, &r), CD_OK);
	str_copy(r.status, sizeof(r.status), "withdrawn");
	ck_assert_int_eq(request_update(f.db, &f.anna, &r, &e), CD_OK);
	ck_assert_int_eq(case_opened(f.db, &f.pawel, other, "plan", &e), CD_OK);

	memset(&fl, 0, sizeof(fl));
	ck_assert_int_eq(audit_list(f.db, &f.recep, &fl, &l, &n, &e), CD_EPERM);
	free(l);
	r.person_id = 0;
	ck_assert_int_eq(request_get(f.db, &f.anna, f.request, &r), CD_OK);
	fl.person_id = r.person_id;
	ck_assert_int_eq(audit_list(f.db, &f.director, &fl, &l, &n, &e), CD_OK);
	for (i = 0; i < n; i++) {
		ck_assert_str_eq(l[i].case_ref[0] ? l[i].case_ref : r.case_ref, r.case_ref);
		if (!strcmp(l[i].action, "case.read") && !strcmp(l[i].login, "anna"))
			read = true;
		if (!strcmp(l[i].action, "request.status") &&
		    !strcmp(l[i].detail, "filed -> withdrawn"))
			changed = true;
		ck_assert_str_ne(l[i].detail, "plan");   /* pawel's read of the other case */
	}
	ck_assert(read && changed);
	free(l);
	/* by user and day */
	memset(&fl, 0, sizeof(fl));
	fl.login = "pawel";
	ck_assert_int_eq(audit_list(f.db, &f.director, &fl, &l, &n, &e), CD_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(l[0].action, "case.read");
	ck_assert_str_eq(l[0].detail, "plan");
	free(l);
	fl.login = "nikt";
	ck_assert_int_eq(audit_list(f.db, &f.director, &fl, &l, &n, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, AUDIT_F_USER);
	free(l);
	fl.login = NULL;
	fl.from = "2000-01-01";
	fl.to = "2000-12-31";
	ck_assert_int_eq(audit_list(f.db, &f.director, &fl, &l, &n, &e), CD_OK);
	ck_assert_uint_eq(n, 0);
	free(l);
	fl.to = "2000-13-01";
	ck_assert_int_eq(audit_list(f.db, &f.director, &fl, &l, &n, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, AUDIT_F_TO);
	free(l);
	/* reading the log is itself recorded */
	ck_assert_int_ge(tdb_count(f.db, "SELECT count(*) FROM audit_log WHERE action = "
				   "'audit.list'"), 2);
	fx_close(&f);
}
END_TEST

Suite *suite_request(void)
{
	Suite *s = suite_create("request");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 20);
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, case_ref_pattern);
	tcase_add_test(tc, numbered_per_year_of_filing);
	tcase_add_test(tc, request_rules);
	tcase_add_test(tc, person_and_request_are_one_transaction);
	tcase_add_test(tc, lists_filter_and_order);
	tcase_add_test(tc, request_rules_follow_the_case_path);
	tcase_add_test(tc, reads_and_changes_of_a_case_are_listed);
	suite_add_tcase(s, tc);
	return s;
}
