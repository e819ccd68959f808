/* test_document.c - printable documents built from the record, as text. */
#include "testutil.h"
#include "document.h"
#include "summary.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *text_of(struct fx *f, const struct actor *a, enum doc_kind k, const char *id)
{
	struct document d;
	struct fielderr e;
	char *t;

	ck_assert_int_eq(doc_build(f->db, a, k, id, &d, &e), CD_OK);
	t = doc_text(&d);
	doc_free(&d);
	return t;
}

START_TEST(request_confirmation)
{
	struct fx f;
	char id[24], *t;

	fx_open(&f);
	ck_assert_int_eq(setting_set(f.db, "centre_address", "ul. Źródlana 1, 07-431 Czarnia"),
			 CD_OK);
	snprintf(id, sizeof(id), "%lld", (long long)f.request);
	t = text_of(&f, &f.recep, DOCK_REQUEST, id);
	ck_assert_ptr_nonnull(strstr(t, "ul. Źródlana 1, 07-431 Czarnia\nDate: 2026-11-22"));
	ck_assert_ptr_nonnull(strstr(t, "Confirmation of the request\n======"));
	ck_assert_ptr_nonnull(strstr(t, "Person: Jadwiga Łęcka\n"));
	ck_assert_ptr_nonnull(strstr(t, "by 2026-12-02 (art. 40"));   /* filed 2026-11-02 */
	ck_assert_ptr_nonnull(strstr(t, "received by (the centre)"));
	free(t);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM audit_log WHERE action = 'print'"),
			 1);
	fx_close(&f);
}
END_TEST

START_TEST(documents_refused_or_missing)
{
	struct fx f;
	struct document d;
	struct fielderr e;
	char id[24];

	fx_open(&f);
	snprintf(id, sizeof(id), "%lld", (long long)f.request);
	ck_assert_int_eq(doc_build(f.db, &f.anna, DOCK_PLAN, id, &d, &e), CD_ENOTFOUND);
	ck_assert_str_eq(e.msg, "the case has no plan yet");
	ck_assert_int_eq(doc_build(f.db, &f.anna, DOCK_ASSESSMENT, "CUS.IPUS.99.2026", &d, &e),
			 CD_ENOTFOUND);
	ck_assert_str_eq(e.msg, "no case CUS.IPUS.99.2026");
	/* not Paweł's case; reception never sees assessments */
	ck_assert_int_eq(doc_build(f.db, &f.pawel, DOCK_ASSESSMENT, id, &d, &e), CD_EPERM);
	ck_assert_int_eq(doc_build(f.db, &f.recep, DOCK_ASSESSMENT, id, &d, &e), CD_EPERM);
	ck_assert_int_eq(doc_build(f.db, &f.anna, DOCK_ORDER, "7", &d, &e), CD_ENOTFOUND);
	ck_assert_int_eq(doc_build(f.db, &f.director, DOCK_QUARTERLY, "2026Q5", &d, &e), CD_EINVAL);
	fx_close(&f);
}
END_TEST

START_TEST(summary_and_quarterly)
{
	struct fx f;
	struct fielderr e;
	int64_t id;
	char sid[24], *t;

	fx_open(&f);
	ck_assert_int_eq(summary_save(f.db, &f.organiser, "2026-05-01", "2026-10-31",
				      "Współpraca z realizatorami układa się dobrze; brakuje "
				      "opiekunek w Źródłach.", &id, &e), CD_OK);
	snprintf(sid, sizeof(sid), "%lld", (long long)id);
	t = text_of(&f, &f.director, DOCK_HALF_YEAR, sid);
	ck_assert_ptr_nonnull(strstr(t, "Half-yearly summary of the plans, 2026-05-01 – 2026-10-31"));
	ck_assert_ptr_nonnull(strstr(t, "brakuje opiekunek w Źródłach."));
	ck_assert_ptr_nonnull(strstr(t, "the services organiser"));
	free(t);
	t = text_of(&f, &f.director, DOCK_QUARTERLY, "2026Q4");
	ck_assert_ptr_nonnull(strstr(t, "Quarterly report 2026Q4"));
	ck_assert_ptr_nonnull(strstr(t, ": 0 in the quarter, 0 in all"));
	free(t);
	fx_close(&f);
}
END_TEST

START_TEST(text_wrapped_at_78_columns)
{
	struct document d;
	char *t, *line, *save = NULL;
	char word[120];

	memset(word, 'x', 100);
	word[100] = '\0';
	doc_init(&d, "Próba", "CUS.1.2026");
	str_copy(d.centre, sizeof(d.centre), "Centrum");
	doc_para(&d, "Zażółć gęślą jaźń. Zażółć gęślą jaźń. Zażółć gęślą jaźń. Zażółć gęślą "
		     "jaźń. Zażółć gęślą jaźń.\ndruga linia");
	doc_para(&d, word);
	doc_field(&d, "Pole", "");
	doc_signatures(&d, "osoba|koordynator");
	t = doc_text(&d);
	ck_assert_ptr_nonnull(strstr(t, "\ndruga linia\n"));
	ck_assert_ptr_nonnull(strstr(t, "Pole: —\n"));
	ck_assert_ptr_nonnull(strstr(t, "osoba"));
	for (line = strtok_r(t, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		ck_assert_uint_le(utf8_len(line), 78);
	free(t);
	doc_free(&d);
}
END_TEST

Suite *suite_document(void)
{
	Suite *s = suite_create("document");
	TCase *tc = tcase_create("document");

	tcase_add_test(tc, request_confirmation);
	tcase_add_test(tc, documents_refused_or_missing);
	tcase_add_test(tc, summary_and_quarterly);
	tcase_add_test(tc, text_wrapped_at_78_columns);
	suite_add_tcase(s, tc);
	return s;
}
