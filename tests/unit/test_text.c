/* test_text.c - diacritic folding, Polish collation, tokens. */
#include "testutil.h"
#include "text.h"
#include "codes.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fold_is(const char *in, const char *want)
{
	char *f = text_fold(in);
	ck_assert_str_eq(f, want);
	free(f);
}

START_TEST(fold_polish_letters)
{
	fold_is("Żółć", "zolc");
	fold_is("ŁÓDŹ", "lodz");
	fold_is("Łódź", "lodz");
	fold_is("ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ", "acelnoszz acelnoszz");
	fold_is("Müller-Lüdenscheidt", "muller-ludenscheidt");
	fold_is("CUS.IPUS.12.2026", "cus.ipus.12.2026");
	fold_is("", "");
}
END_TEST

START_TEST(fold_other_scripts_lowercase)
{
	fold_is("ОЛЕНА", "олена");
}
END_TEST

static int pl(const char *a, const char *b)
{
	return text_pl_cmp(a, b);
}

START_TEST(polish_alphabet_order)
{
	/* the letters with diacritics come right after their base letter */
	ck_assert_int_lt(pl("Lis", "Łoś"), 0);
	ck_assert_int_lt(pl("Łoś", "Maj"), 0);
	ck_assert_int_lt(pl("Sowa", "Śliwa"), 0);
	ck_assert_int_lt(pl("Śliwa", "Tomczak"), 0);
	ck_assert_int_lt(pl("Zając", "Źrebiec"), 0);
	ck_assert_int_lt(pl("Źrebiec", "Żak"), 0);
	ck_assert_int_lt(pl("Azor", "Ąbek"), 0);
	ck_assert_int_lt(pl("Cyran", "Ćwik"), 0);
	ck_assert_int_lt(pl("Ózef", "Pawlak"), 0);
	ck_assert_int_lt(pl("Oz", "Ó"), 0);
	/* case does not decide the order */
	ck_assert_int_lt(pl("nowak", "Nowicki"), 0);
	ck_assert_int_lt(pl("łęcki", "Maj"), 0);
	/* byte order would put Ł after Z; Polish order does not */
	ck_assert_int_lt(pl("Łukasik", "Zalewski"), 0);
}
END_TEST

START_TEST(sort_key_is_bytewise_order)
{
	const char *names[] = {"Żak", "Zalewski", "Łukasik", "Lis", "Śliwa", "Sowa",
			       "Źrebiec", "Ćwik", "Cyran", "Mazur"};
	/* Cyran before Ćwik: the first letters decide, C before Ć */
	const char *want[] = {"Cyran", "Ćwik", "Lis", "Łukasik", "Mazur", "Sowa",
			      "Śliwa", "Zalewski", "Źrebiec", "Żak"};
	char *keys[10];
	int i, j;

	for (i = 0; i < 10; i++)
		keys[i] = text_sort_key(names[i]);
	for (i = 0; i < 10; i++)
		for (j = i + 1; j < 10; j++)
			if (strcmp(keys[j], keys[i]) < 0) {
				char *k = keys[i];
				const char *n = names[i];
				keys[i] = keys[j];
				keys[j] = k;
				names[i] = names[j];
				names[j] = n;
			}
	for (i = 0; i < 10; i++) {
		ck_assert_str_eq(names[i], want[i]);
		free(keys[i]);
	}
}
END_TEST

START_TEST(tokens_split_and_fold)
{
	char **t;
	size_t n = text_tokens("  Nowak-Kowalska,  ŻANETA ", &t, 8);

	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(t[0], "nowak");
	ck_assert_str_eq(t[1], "kowalska");
	ck_assert_str_eq(t[2], "zaneta");
	ck_assert_ptr_null(t[3]);
	text_tokens_free(t);
	n = text_tokens("a b c d e", &t, 2);
	ck_assert_uint_eq(n, 2);
	text_tokens_free(t);
}
END_TEST

START_TEST(utf8_decoding)
{
	const char *s = "aż\xff";
	ck_assert_uint_eq(utf8_next(&s), 'a');
	ck_assert_uint_eq(utf8_next(&s), 0x17C);
	ck_assert_uint_eq(utf8_next(&s), 0xFFFD);
	ck_assert_uint_eq(utf8_next(&s), 0);
	ck_assert(utf8_valid("Źdźbło"));
	ck_assert(!utf8_valid("\xc5"));
	ck_assert_uint_eq(utf8_len("Źdźbło"), 6);
}
END_TEST

/* The open statuses in SQL are the ones the C check knows. */
START_TEST(open_statuses_agree)
{
	static const char *const all[] = {"filed", "assessment", "qualified", "waiting", "in_plan",
					  "forwarded", "not_qualified", "closed", "", "open"};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(all); i++) {
		char quoted[40];
		snprintf(quoted, sizeof(quoted), "'%s'", all[i]);
		ck_assert_msg(request_status_is_open(all[i]) == (strstr(REQUEST_OPEN_SQL, quoted) != NULL),
			      "status '%s'", all[i]);
	}
	ck_assert(!request_status_is_open(NULL));
}
END_TEST

Suite *suite_text(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, open_statuses_agree);
	tcase_add_test(tc, fold_polish_letters);
	tcase_add_test(tc, fold_other_scripts_lowercase);
	tcase_add_test(tc, polish_alphabet_order);
	tcase_add_test(tc, sort_key_is_bytewise_order);
	tcase_add_test(tc, tokens_split_and_fold);
	tcase_add_test(tc, utf8_decoding);
	suite_add_tcase(s, tc);
	return s;
}
