/* test_rodo.c - consents, the right of access, anonymisation that keeps
 * the statistics. */
#include "testutil.h"
#include "document.h"
#include "draft.h"
#include "monitoring.h"
#include "person.h"
#include "plan.h"
#include "report.h"
#include "access.h"
#include "rodo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

START_TEST(consents_given_and_withdrawn)
{
	struct fx f;
	struct consent *c;
	struct fielderr e;
	size_t n;

	fx_open(&f);
	ck_assert_int_eq(consent_give(f.db, &f.recep, f.person, "marketing", "2026-11-02", "", &e),
			 CD_EINVAL);
	ck_assert_int_eq(e.field, RF_SCOPE);
	ck_assert_int_eq(consent_give(f.db, &f.recep, f.person, "processing", "2026-12-02", "", &e),
			 CD_EINVAL);
	ck_assert_int_eq(e.field, RF_GIVEN);
	ck_assert_int_eq(consent_give(f.db, &f.recep, f.person, "processing", "2026-11-02",
				      "na wniosku", &e), CD_OK);
	ck_assert_int_eq(consent_give(f.db, &f.recep, f.person, "processing", "2026-11-03", "", &e),
			 CD_EINVAL);
	ck_assert_str_eq(e.msg, "Scope: this consent is already in force");
	ck_assert_int_eq(consent_give(f.db, &f.recep, f.person, "provider", "2026-11-02", "", &e),
			 CD_OK);
	ck_assert(consent_in_force(f.db, f.person, "provider"));
	ck_assert_int_eq(consent_list(f.db, &f.recep, f.person, &c, &n), CD_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(consent_withdraw(f.db, &f.recep, c[0].id, "2026-11-01", &e), CD_EINVAL);
	ck_assert_int_eq(e.field, RF_WITHDRAWN);
	ck_assert_int_eq(consent_withdraw(f.db, &f.recep, c[0].id, "2026-11-20", &e), CD_OK);
	ck_assert_int_eq(consent_withdraw(f.db, &f.recep, c[0].id, "2026-11-21", &e), CD_EINVAL);
	free(c);
	ck_assert_int_eq(consent_list(f.db, &f.recep, f.person, &c, &n), CD_OK);
	ck_assert_str_eq(c[1].withdrawn_on, "2026-11-20");       /* in force first */
	ck_assert_str_eq(c[0].withdrawn_on, "");
	free(c);
	/* the admin sees no personal data and records no consent */
	{
		struct actor admin = login_as(f.db, "admin", ROLE_ADMIN);
		ck_assert_int_eq(consent_give(f.db, &admin, f.person, "service_card", "2026-11-02",
					      "", &e), CD_EPERM);
	}
	fx_close(&f);
}
END_TEST

START_TEST(access_shows_everything_stored)
{
	struct fx f;
	struct document d;
	struct fielderr e;
	int64_t rid;
	char *t;

	fx_open(&f);
	rid = fx_served(&f, "Zdzisława", "2026-10-01", "2026-10-05", "2027-03-31", true);
	(void)rid;
	ck_assert_int_eq(consent_give(f.db, &f.recep, f.person, "provider", "2026-10-01", "", &e),
			 CD_OK);
	ck_assert_int_eq(rodo_access(f.db, &f.recep, f.person, &d, &e), CD_EPERM);
	ck_assert_int_eq(rodo_access(f.db, &f.anna, f.person, &d, &e), CD_OK);
	t = doc_text(&d);
	doc_free(&d);
	ck_assert_ptr_nonnull(strstr(t, "Information on the personal data processed (art. 15"));
	ck_assert_ptr_nonnull(strstr(t, "Surname: Łęcka"));
	ck_assert_ptr_nonnull(strstr(t, "First name: Zdzisława"));
	ck_assert_ptr_nonnull(strstr(t, "Usługi opiekuńcze"));
	ck_assert_ptr_nonnull(strstr(t, "Stowarzyszenie „Razem”"));
	ck_assert_ptr_nonnull(strstr(t, "passing data to a provider: given 2026-10-01"));
	free(t);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM audit_log WHERE action = "
				   "'rodo.access'"), 1);
	fx_close(&f);
}
END_TEST

static char *report_csv(struct fx *f, const char *quarter)
{
	struct quarterly_report r;
	struct fielderr e;
	char *t;

	ck_assert_int_eq(report_quarterly(f->db, &f->sys, quarter, &r, &e), CD_OK);
	t = quarterly_report_format(&r, true);
	quarterly_report_release(&r);
	return t;
}

START_TEST(anonymise_keeps_the_statistics)
{
	struct fx f;
	struct anon_candidate *l;
	struct person_hit *h;
	struct closing c;
	struct fielderr e;
	struct person p;
	int64_t old_req, old_person, pid;
	char *q3, *q4, *after3, *after4;
	size_t n, count;

	fx_open(&f);
	ck_assert_int_eq(setting_set(f.db, "centre_started", "2025-01-01"), CD_OK);
	/* a case closed long ago, and one still running */
	old_req = fx_served(&f, "Genowefa", "2025-02-01", "2025-02-10", "2025-06-30", true);
	old_person = f.person;
	{
		struct plan_version *vers;
		size_t nv, i;
		ck_assert_int_eq(plan_of_request(f.db, &f.sys, old_req, &pid, &vers, &nv), CD_OK);
		for (i = 0; i < nv; i++)
			plan_version_release(&vers[i]);
		free(vers);
	}
	memset(&c, 0, sizeof(c));
	c.plan_id = pid;
	str_copy(c.conversation_on, sizeof(c.conversation_on), "2025-06-30");
	str_copy(c.closed_on, sizeof(c.closed_on), "2025-06-30");
	str_copy(c.reason, sizeof(c.reason), "completed");
	str_copy(c.description, sizeof(c.description), "Pani Genowefa mieszka przy ul. Polnej.");
	ck_assert_int_eq(closing_save(f.db, &f.sys, &c, &e), CD_OK);
	fx_served(&f, "Halina", "2026-10-01", "2026-10-05", "2027-03-31", false);
	{
		/* a text typed into her closing form and never saved */
		char key[64];
		snprintf(key, sizeof(key), "closing:%lld:3", (long long)pid);
		ck_assert_int_eq(draft_save(f.db, f.anna.user_id, key, "Pani Genowefa płakała."),
				 CD_OK);
	}
	q3 = report_csv(&f, "2025Q2");
	q4 = report_csv(&f, "2026Q4");
	/* the dry run: only the closed case, and no date in the future */
	ck_assert_int_eq(rodo_candidates(f.db, &f.sys, "2026-12-01", &l, &n, &e), CD_EINVAL);
	ck_assert_int_eq(rodo_candidates(f.db, &f.anna, "2026-01-01", &l, &n, &e), CD_EPERM);
	ck_assert_int_eq(rodo_candidates(f.db, &f.director, "2026-01-01", &l, &n, &e), CD_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(l[0].person_id, old_person);
	ck_assert_str_eq(l[0].name, "Łęcka Genowefa");
	free(l);
	{
		/* Ctrl-C before the first step: nobody is touched */
		volatile sig_atomic_t stop = 1;
		struct job job = {.stop = &stop};
		ck_assert_int_eq(rodo_anonymise(f.db, &f.director, "2026-01-01", &count, &job, &e),
				 CD_OK);
		ck_assert_uint_eq(count, 0);
		ck_assert_int_eq(person_get(f.db, &f.sys, old_person, &p), CD_OK);
		ck_assert_str_eq(p.surname, "Łęcka");
	}
	/* the candidate query finds representatives and carers by index */
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM pragma_index_list('person') WHERE "
				   "name IN ('person_representative', 'person_carer')"), 2);
	ck_assert_int_eq(rodo_anonymise(f.db, &f.director, "2026-01-01", &count, NULL, &e), CD_OK);
	ck_assert_uint_eq(count, 1);
	/* the statistics count the same */
	after3 = report_csv(&f, "2025Q2");
	after4 = report_csv(&f, "2026Q4");
	ck_assert_str_eq(after3, q3);
	ck_assert_str_eq(after4, q4);
	free(q3);
	free(q4);
	free(after3);
	free(after4);
	/* nothing identifies her */
	ck_assert_int_eq(person_get(f.db, &f.sys, old_person, &p), CD_OK);
	ck_assert_str_eq(p.surname, "Anonymised");
	ck_assert_str_eq(p.pesel, "");
	ck_assert_str_eq(p.birth_date, "1950-01-01");             /* the year stays */
	ck_assert_int_eq(person_search(f.db, &f.sys, "genowefa", 5, &h, &n), CD_OK);
	ck_assert_uint_eq(n, 0);
	free(h);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM closure WHERE description <> ''"),
			 0);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM text_draft"), 0);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM request WHERE asked = ''"), 1);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM audit_log WHERE action = "
				   "'rodo.anonymise'"), 1);
	/* once is enough */
	ck_assert_int_eq(rodo_anonymise(f.db, &f.director, "2026-01-01", &count, NULL, &e), CD_OK);
	ck_assert_uint_eq(count, 0);
	fx_close(&f);
}
END_TEST

Suite *suite_rodo(void)
{
	Suite *s = suite_create("rodo");
	TCase *tc = tcase_create("rodo");

	tcase_add_test(tc, consents_given_and_withdrawn);
	tcase_add_test(tc, access_shows_everything_stored);
	tcase_add_test(tc, anonymise_keeps_the_statistics);
	suite_add_tcase(s, tc);
	return s;
}
