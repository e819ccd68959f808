/* test_person.c - residents: rules, duplicates, search, order. */
#include "testutil.h"
#include "person.h"
#include "request.h"
#include "dbint.h"
#include "job.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

static struct actor coord;

static int64_t add(struct cd_db *db, const char *first, const char *last,
		   const char *pesel, const char *birth)
{
	struct person p;
	struct fielderr e;

	person_init(&p);
	str_copy(p.first_names, sizeof(p.first_names), first);
	str_copy(p.surname, sizeof(p.surname), last);
	str_copy(p.pesel, sizeof(p.pesel), pesel ? pesel : "");
	str_copy(p.birth_date, sizeof(p.birth_date), birth ? birth : "");
	ck_assert_msg(person_save(db, &coord, &p, &e) == CD_OK, "%s", e.msg);
	return p.id;
}

static void setup(void)
{
	coord = tactor(ROLE_COORDINATOR);
}

START_TEST(required_names)
{
	struct person p;
	struct fielderr e;
	struct date today;

	date_parse(TEST_TODAY, &today);
	person_init(&p);
	str_copy(p.surname, sizeof(p.surname), "Nowak");
	ck_assert_int_eq(person_validate(&p, &today, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, PERSON_F_FIRST);
	ck_assert_str_eq(e.msg, "First name: required");
	str_copy(p.first_names, sizeof(p.first_names), "  Anna  ");
	str_copy(p.surname, sizeof(p.surname), "   ");
	ck_assert_int_eq(person_validate(&p, &today, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, PERSON_F_SURNAME);
	str_copy(p.surname, sizeof(p.surname), "Nowak2");
	ck_assert_int_eq(person_validate(&p, &today, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, PERSON_F_SURNAME);
	str_copy(p.surname, sizeof(p.surname), "Nowak-Żółć");
	ck_assert_int_eq(person_validate(&p, &today, &e), CD_OK);
	ck_assert_str_eq(p.first_names, "Anna");
}
END_TEST

START_TEST(pesel_fills_and_cross_checks)
{
	struct person p;
	struct fielderr e;
	struct date today;

	date_parse(TEST_TODAY, &today);
	person_init(&p);
	str_copy(p.first_names, sizeof(p.first_names), "Jan");
	str_copy(p.surname, sizeof(p.surname), "Kowalski");
	str_copy(p.pesel, sizeof(p.pesel), "44051401359");
	ck_assert_int_eq(person_validate(&p, &today, &e), CD_OK);
	ck_assert_str_eq(p.birth_date, "1944-05-14");
	ck_assert_str_eq(p.sex, "M");

	str_copy(p.birth_date, sizeof(p.birth_date), "1944-05-15");
	ck_assert_int_eq(person_validate(&p, &today, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, PERSON_F_BIRTH);
	ck_assert_ptr_nonnull(strstr(e.msg, "1944-05-14"));

	str_copy(p.birth_date, sizeof(p.birth_date), "1944-05-14");
	str_copy(p.sex, sizeof(p.sex), "K");
	ck_assert_int_eq(person_validate(&p, &today, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, PERSON_F_SEX);

	str_copy(p.sex, sizeof(p.sex), "");
	str_copy(p.pesel, sizeof(p.pesel), "44051401358");
	ck_assert_int_eq(person_validate(&p, &today, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, PERSON_F_PESEL);
	ck_assert_str_eq(e.msg, "PESEL: the check digit is wrong");
}
END_TEST

START_TEST(address_and_contact_rules)
{
	struct person p;
	struct fielderr e;
	struct date today;

	date_parse(TEST_TODAY, &today);
	person_init(&p);
	str_copy(p.first_names, sizeof(p.first_names), "Ewa");
	str_copy(p.surname, sizeof(p.surname), "Lis");
	str_copy(p.postcode, sizeof(p.postcode), "07431");
	ck_assert_int_eq(person_validate(&p, &today, &e), CD_OK);
	ck_assert_str_eq(p.postcode, "07-431"); /* the dash is put in */
	str_copy(p.postcode, sizeof(p.postcode), "7-431");
	ck_assert_int_eq(person_validate(&p, &today, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, PERSON_F_POSTCODE);
	str_copy(p.postcode, sizeof(p.postcode), "");
	str_copy(p.phone, sizeof(p.phone), "12");
	ck_assert_int_eq(person_validate(&p, &today, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, PERSON_F_PHONE);
	str_copy(p.phone, sizeof(p.phone), "");
	str_copy(p.email, sizeof(p.email), "ewa@");
	ck_assert_int_eq(person_validate(&p, &today, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, PERSON_F_EMAIL);
	str_copy(p.email, sizeof(p.email), "");
	str_copy(p.birth_date, sizeof(p.birth_date), "2026-11-23");
	ck_assert_int_eq(person_validate(&p, &today, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, PERSON_F_BIRTH);
	ck_assert_str_eq(e.msg, "Birth date: cannot be in the future");
}
END_TEST

START_TEST(same_pesel_refused)
{
	struct cd_db *db = tdb_open();
	struct person p;
	struct fielderr e;

	add(db, "Jan", "Kowalski", "44051401359", NULL);
	person_init(&p);
	str_copy(p.first_names, sizeof(p.first_names), "Janusz");
	str_copy(p.surname, sizeof(p.surname), "Nowak");
	str_copy(p.pesel, sizeof(p.pesel), "44051401359");
	ck_assert_int_eq(person_save(db, &coord, &p, &e), CD_EEXIST);
	ck_assert_int_eq(e.field, PERSON_F_PESEL);
	ck_assert_ptr_nonnull(strstr(e.msg, "Kowalski Jan"));
	ck_assert_int_eq(p.id, 0);
	tdb_close(&db);
}
END_TEST

START_TEST(same_name_and_birth_is_a_duplicate)
{
	struct cd_db *db = tdb_open();
	struct person p;
	int64_t id = add(db, "Łucja", "Żółć", NULL, "1950-03-01"), dups[4];

	person_init(&p);
	/* typed without diacritics and in capitals: still the same */
	str_copy(p.first_names, sizeof(p.first_names), "LUCJA");
	str_copy(p.surname, sizeof(p.surname), "Zolc");
	str_copy(p.birth_date, sizeof(p.birth_date), "1950-03-01");
	ck_assert_uint_eq(person_find_duplicates(db, &p, dups, 4), 1);
	ck_assert_int_eq(dups[0], id);
	str_copy(p.birth_date, sizeof(p.birth_date), "1950-03-02");
	ck_assert_uint_eq(person_find_duplicates(db, &p, dups, 4), 0);
	/* the record itself is not its own duplicate */
	person_get(db, &coord, id, &p);
	ck_assert_uint_eq(person_find_duplicates(db, &p, dups, 4), 0);
	tdb_close(&db);
}
END_TEST

static size_t find(struct cd_db *db, const char *q, struct person_hit **h)
{
	size_t n;
	ck_assert_int_eq(person_search(db, &coord, q, 100, h, &n), CD_OK);
	return n;
}

START_TEST(search_ignores_diacritics_both_ways)
{
	struct cd_db *db = tdb_open();
	struct person_hit *h;
	int64_t a = add(db, "Adam", "Łódź", NULL, NULL);
	int64_t b = add(db, "Bogdan", "Lodz", NULL, NULL);
	int64_t c = add(db, "Celina", "Żółć", "90051203422", NULL);

	ck_assert_uint_eq(find(db, "lodz", &h), 2);
	free(h);
	ck_assert_uint_eq(find(db, "łódź", &h), 2);
	free(h);
	ck_assert_uint_eq(find(db, "ZOLC", &h), 1);
	ck_assert_int_eq(h[0].id, c);
	free(h);
	ck_assert_uint_eq(find(db, "żół", &h), 1);   /* a prefix */
	free(h);
	ck_assert_uint_eq(find(db, "900512", &h), 1); /* PESEL prefix */
	free(h);
	ck_assert_uint_eq(find(db, "lodz bog", &h), 1); /* two words */
	ck_assert_int_eq(h[0].id, b);
	free(h);
	ck_assert_uint_eq(find(db, "ada", &h), 1);
	ck_assert_int_eq(h[0].id, a);
	free(h);
	ck_assert_uint_eq(find(db, "xyz", &h), 0);
	free(h);
	tdb_close(&db);
}
END_TEST

START_TEST(search_results_in_polish_order)
{
	struct cd_db *db = tdb_open();
	struct person_hit *h;
	const char *want[] = {"Lis", "Łoś", "Maj", "Sowa", "Śliwa", "Zając", "Źrebiec", "Żak"};
	size_t n, i;

	add(db, "A", "Żak", NULL, NULL);
	add(db, "A", "Śliwa", NULL, NULL);
	add(db, "A", "Maj", NULL, NULL);
	add(db, "A", "Źrebiec", NULL, NULL);
	add(db, "A", "Łoś", NULL, NULL);
	add(db, "A", "Zając", NULL, NULL);
	add(db, "A", "Sowa", NULL, NULL);
	add(db, "A", "Lis", NULL, NULL);
	n = find(db, "", &h);
	ck_assert_uint_eq(n, 8);
	for (i = 0; i < n; i++)
		ck_assert_str_eq(h[i].surname, want[i]);
	free(h);
	n = find(db, "a", &h); /* every first name is A */
	ck_assert_uint_eq(n, 8);
	ck_assert_str_eq(h[1].surname, "Łoś");
	free(h);
	tdb_close(&db);
}
END_TEST

/* Broad words read persons from person_prefix in alphabetical order,
 * narrow ones collect and sort: on enough persons to take both ways ("now"
 * matches 2,400 and walks, "maz" 600 and collects), each
 * answer is the first screen of exactly the persons a plain scan finds,
 * in the same order, also after a rename and a removal from the index. */
START_TEST(search_ways_agree_with_a_plain_scan)
{
	struct cd_db *db = tdb_open();
	static const char *sur[] = {"Nowak", "Nowicka", "Kowalski", "Mazur", "Nosal",
				    "Kowalczyk", "Majewska", "Wójcik", "Nowak", "Nowicka"};
	static const char *fir[] = {"Anna", "Jan", "Maria", "Nikola", "Kamil", "Zofia"};
	static const char *qs[] = {"n", "no", "now", "nowak", "ma", "maz", "k", "kowal",
				   "nowak anna", "no ma", "wój", "z"};
	struct person_hit *h;
	size_t n, i, k;

	ck_assert_int_eq(db_begin(db), CD_OK);
	for (i = 0; i < 6000; i++)
		add(db, fir[(i * 7) % 6], sur[(i * 13) % 10], NULL, NULL);
	ck_assert_int_eq(db_commit(db), CD_OK);
	{
		/* a rename moves the person in the alphabet of every prefix */
		struct person p;
		struct fielderr e;
		ck_assert_int_eq(person_get(db, &coord, 5, &p), CD_OK);
		str_copy(p.surname, sizeof(p.surname), "Aaronowicz");
		ck_assert_msg(person_save(db, &coord, &p, &e) == CD_OK, "%s", e.msg);
	}
	for (k = 0; k < ARRAY_SIZE(qs); k++) {
		sqlite3_stmt *st;
		char **tok;
		size_t nt = text_tokens(qs[k], &tok, 4), j, want = 0;
		ck_assert_int_eq(person_search(db, &coord, qs[k], 500, &h, &n), CD_OK);
		/* the plain scan: every person whose terms start each word */
		ck_assert_int_eq(db_prepare(db, "SELECT p.id FROM person p ORDER BY p.sort_key, p.id",
					    &st), CD_OK);
		while (sqlite3_step(st) == SQLITE_ROW && want < 500) {
			int64_t id = sqlite3_column_int64(st, 0);
			bool all = true;
			for (j = 0; j < nt && all; j++) {
				sqlite3_stmt *t;
				ck_assert_int_eq(db_prepare(db, "SELECT 1 FROM person_term WHERE "
							    "person_id = ?1 AND substr(term, 1, "
							    "length(?2)) = ?2", &t), CD_OK);
				sqlite3_bind_int64(t, 1, id);
				sqlite3_bind_text(t, 2, tok[j], -1, SQLITE_STATIC);
				all = sqlite3_step(t) == SQLITE_ROW;
				sqlite3_finalize(t);
			}
			if (!all)
				continue;
			ck_assert_msg(want < n, "%s: the search found %zu, the scan more", qs[k], n);
			ck_assert_msg(h[want].id == id, "%s: row %zu is %lld, the scan says %lld",
				      qs[k], want, (long long)h[want].id, (long long)id);
			want++;
		}
		sqlite3_finalize(st);
		ck_assert_msg(want == n, "%s: the search found %zu, the scan %zu", qs[k], n, want);
		ck_assert_uint_gt(n, 0);
		text_tokens_free(tok);
		free(h);
	}
	tdb_close(&db);
}
END_TEST

START_TEST(search_by_case_reference)
{
	struct cd_db *db = tdb_open();
	struct person_hit *h;
	struct request r;
	struct fielderr e;
	int64_t id = add(db, "Jan", "Kowalski", NULL, NULL);

	add(db, "Ewa", "Nowak", NULL, NULL);
	request_init(&r);
	r.person_id = id;
	str_copy(r.asked, sizeof(r.asked), "opieka");
	ck_assert_int_eq(request_file(db, &coord, &r, &e), CD_OK);
	ck_assert_str_eq(r.case_ref, "CUS.IPUS.1.2026");
	ck_assert_uint_eq(find(db, "cus.ipus.1.2026", &h), 1);
	ck_assert_int_eq(h[0].id, id);
	free(h);
	/* the tail of the reference is enough */
	ck_assert_uint_eq(find(db, "IPUS.1.2026", &h), 1);
	ck_assert_int_eq(h[0].id, id);
	free(h);
	ck_assert_uint_eq(find(db, "1.2026", &h), 1);
	ck_assert_int_eq(h[0].id, id);
	free(h);
	tdb_close(&db);
}
END_TEST

START_TEST(household_and_links)
{
	struct cd_db *db = tdb_open();
	struct person_hit *h;
	struct person p;
	struct fielderr e;
	size_t n;
	int64_t a = add(db, "Anna", "Nowak", NULL, NULL);
	int64_t b = add(db, "Jan", "Nowak", NULL, NULL);
	int64_t c = add(db, "Zofia", "Nowak", NULL, "2015-01-01");

	ck_assert_int_eq(person_household_join(db, &coord, a, b, &e), CD_OK);
	ck_assert_int_eq(person_household_join(db, &coord, a, c, &e), CD_OK);
	ck_assert_int_eq(person_household_members(db, &coord, c, &h, &n), CD_OK);
	ck_assert_uint_eq(n, 2);
	free(h);
	ck_assert_int_eq(person_household_join(db, &coord, a, a, &e), CD_EINVAL);

	person_get(db, &coord, c, &p);
	p.legal_rep_id = a;
	ck_assert_int_eq(person_save(db, &coord, &p, &e), CD_OK);
	person_get(db, &coord, c, &p);
	ck_assert_int_eq(p.legal_rep_id, a);
	p.carer_id = c;
	ck_assert_int_eq(person_save(db, &coord, &p, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, PERSON_F_CARER);
	p.carer_id = 9999;
	ck_assert_int_eq(person_save(db, &coord, &p, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, PERSON_F_CARER);
	tdb_close(&db);
}
END_TEST

/* Two desks on one database (two connections): the second save of the same
 * person, started from the version before the first, is refused. */
START_TEST(second_save_from_an_old_version_is_refused)
{
	struct cd_db *db = tdb_open(), *other = NULL;
	struct actor recep = login_as(db, "recepcja2", ROLE_RECEPTION);
	struct person a, b;
	struct fielderr e;
	char *err = NULL, who[128], at[32];
	int64_t id = add(db, "Halina", "Kowal", NULL, "1950-01-01");

	ck_assert_int_eq(db_open(db_path(db), DB_OPEN_EXISTING, &other, &err), CD_OK);
	ck_assert_int_eq(person_get(db, &recep, id, &a), CD_OK);
	ck_assert_int_eq(person_get(other, &coord, id, &b), CD_OK);
	ck_assert_int_eq(a.row_version, b.row_version);
	/* reception changes the phone and saves first */
	str_copy(a.phone, sizeof(a.phone), "600 700 800");
	ck_assert_int_eq(person_save(db, &recep, &a, &e), CD_OK);
	ck_assert_int_eq(a.row_version, b.row_version + 1);
	/* the coordinator, on the card read before, changes the town */
	str_copy(b.town, sizeof(b.town), "Czarnia");
	ck_assert_int_eq(person_save(other, &coord, &b, &e), CD_ECONFLICT);
	/* nothing was overwritten: the phone stays, the town was not written */
	ck_assert_int_eq(person_get(other, &coord, id, &b), CD_OK);
	ck_assert_str_eq(b.phone, "600 700 800");
	ck_assert_str_eq(b.town, "");
	/* who changed it, from the audit log */
	ck_assert_int_eq(audit_last_change(other, "person", id, who, sizeof(who), at, sizeof(at)),
			 CD_OK);
	ck_assert_str_eq(who, "recepcja2");
	ck_assert_int_eq(strlen(at), 19);
	/* on the record as it is now, the save goes through */
	str_copy(b.town, sizeof(b.town), "Czarnia");
	ck_assert_int_eq(person_save(other, &coord, &b, &e), CD_OK);
	ck_assert_int_eq(person_get(db, &recep, id, &a), CD_OK);
	ck_assert_str_eq(a.town, "Czarnia");
	ck_assert_str_eq(a.phone, "600 700 800");
	db_close(&other);
	tdb_close(&db);
}
END_TEST

static int waits_said, waits_ended;
static void count_wait(bool waiting)
{
	if (waiting)
		waits_said++;
	else
		waits_ended++;
}

/* A save that meets another desk's long write waits, says so, and gives
 * up only after the limit: busy, not refused, and nothing half-written. */
START_TEST(save_waits_for_another_write_then_says_busy)
{
	struct cd_db *db = tdb_open(), *other = NULL;
	struct person p;
	struct fielderr e;
	char *err = NULL;
	int64_t id = add(db, "Halina", "Kowal", NULL, "1950-01-01");
	long long t0;

	ck_assert_int_eq(db_open(db_path(db), DB_OPEN_EXISTING, &other, &err), CD_OK);
	ck_assert_int_eq(person_get(other, &coord, id, &p), CD_OK);
	other->busy_limit = 500; /* DB_BUSY_WAIT_MS, 30 s, shortened for the test */
	db_wait_hook = count_wait;
	/* another desk holds the write lock longer than the limit */
	ck_assert_int_eq(db_begin(db), CD_OK);
	str_copy(p.phone, sizeof(p.phone), "600 700 800");
	t0 = job_clock_ms();
	ck_assert_int_eq(person_save(other, &coord, &p, &e), CD_EBUSY);
	ck_assert_int_ge(job_clock_ms() - t0, 500);
	ck_assert_int_eq(waits_said, 1);
	ck_assert_int_eq(waits_ended, 1);
	/* the typed phone is still in the record the form holds */
	ck_assert_str_eq(p.phone, "600 700 800");
	ck_assert_str_ne(cd_status_text(CD_EBUSY), cd_status_text(CD_EDB));
	db_rollback(db);
	/* the lock is free: the same save goes through, once */
	ck_assert_int_eq(person_save(other, &coord, &p, &e), CD_OK);
	ck_assert_int_eq(person_get(db, &coord, id, &p), CD_OK);
	ck_assert_str_eq(p.phone, "600 700 800");
	ck_assert_int_eq(tdb_count(db, "SELECT count(*) FROM audit_log WHERE action = "
				   "'person.edit'"), 1);
	db_wait_hook = NULL;
	db_close(&other);
	tdb_close(&db);
}
END_TEST

Suite *suite_person(void)
{
	Suite *s = suite_create("person");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 20);
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, required_names);
	tcase_add_test(tc, pesel_fills_and_cross_checks);
	tcase_add_test(tc, address_and_contact_rules);
	tcase_add_test(tc, same_pesel_refused);
	tcase_add_test(tc, same_name_and_birth_is_a_duplicate);
	tcase_add_test(tc, search_ignores_diacritics_both_ways);
	tcase_add_test(tc, search_results_in_polish_order);
	tcase_add_test(tc, search_by_case_reference);
	tcase_add_test(tc, household_and_links);
	tcase_add_test(tc, search_ways_agree_with_a_plain_scan);
	tcase_add_test(tc, second_save_from_an_old_version_is_refused);
	tcase_add_test(tc, save_waits_for_another_write_then_says_busy);
	suite_add_tcase(s, tc);
	return s;
}
