/* test_validate.c - PESEL, dates, postcodes, phones, e-mail. */
#include "testutil.h"
#include "text.h"
#include "validate.h"

#include <stdlib.h>

START_TEST(pesel_valid_and_derived)
{
	struct pesel_info pi;

	ck_assert_int_eq(pesel_check("44051401359", &pi), PESEL_OK);
	ck_assert_int_eq(pi.birth.y, 1944);
	ck_assert_int_eq(pi.birth.m, 5);
	ck_assert_int_eq(pi.birth.d, 14);
	ck_assert_int_eq(pi.sex, 'M');
	ck_assert_int_eq(pesel_check("90051203422", &pi), PESEL_OK);
	ck_assert_int_eq(pi.sex, 'K');
	/* born in the 2000s: month + 20 */
	ck_assert_int_eq(pesel_check("02250101713", &pi), PESEL_OK);
	ck_assert_int_eq(pi.birth.y, 2002);
	ck_assert_int_eq(pi.birth.m, 5);
	ck_assert_int_eq(pi.birth.d, 1);
}
END_TEST

START_TEST(pesel_errors)
{
	ck_assert_int_eq(pesel_check("44051401358", NULL), PESEL_CHECKSUM);
	ck_assert_int_eq(pesel_check("4405140135", NULL), PESEL_LENGTH);
	ck_assert_int_eq(pesel_check("440514013590", NULL), PESEL_LENGTH);
	ck_assert_int_eq(pesel_check("4405140135a", NULL), PESEL_DIGITS);
	ck_assert_int_eq(pesel_check("", NULL), PESEL_LENGTH);
	/* 31 February does not exist */
	ck_assert_int_eq(pesel_check("44023112345", NULL), PESEL_DATE);
	ck_assert_str_eq(pesel_status_text(PESEL_CHECKSUM), "the check digit is wrong");
}
END_TEST

START_TEST(dates)
{
	struct date d, e;
	char buf[11];

	ck_assert(date_parse("2024-02-29", &d));
	ck_assert(!date_parse("2023-02-29", &d));
	ck_assert(!date_parse("2023-13-01", &d));
	ck_assert(!date_parse("2023-1-01", &d));
	ck_assert(!date_parse("01.02.2023", &d));
	ck_assert(!date_parse("", &d));
	ck_assert(date_parse("1900-02-28", &d));
	ck_assert(!date_parse("1900-02-29", &d));
	ck_assert(date_parse("2000-02-29", &d));
	date_parse("2026-11-22", &d);
	date_from_days(date_to_days(&d) + 40, &e);
	date_format(&e, buf);
	ck_assert_str_eq(buf, "2027-01-01");
	date_parse("1956-11-23", &e);
	ck_assert_int_eq(date_age(&e, &d), 69);
	date_parse("1956-11-22", &e);
	ck_assert_int_eq(date_age(&e, &d), 70);
}
END_TEST

START_TEST(today_can_be_fixed)
{
	struct date d;
	setenv("CUSDESK_TODAY", "2030-01-15", 1);
	date_test_clock(true);  /* a test database is open */
	date_today(&d);
	ck_assert_int_eq(d.y, 2030);
	ck_assert_int_eq(d.d, 15);
	/* on a real database the switch does nothing */
	date_test_clock(false);
	date_today(&d);
	ck_assert_int_ne(d.y, 2030);
	date_test_clock(true);
	unsetenv("CUSDESK_TODAY");
}
END_TEST

START_TEST(postcode_phone_email)
{
	ck_assert(postcode_valid("07-431"));
	ck_assert(!postcode_valid("07431"));
	ck_assert(!postcode_valid("7-431"));
	ck_assert(!postcode_valid("07-43a"));
	ck_assert(phone_valid("600 100 200"));
	ck_assert(phone_valid("+48 29 772 10 01"));
	ck_assert(!phone_valid("600 100"));
	ck_assert(!phone_valid("600-100-200 wew."));
	ck_assert(email_valid("jan.kowalski@example.pl"));
	ck_assert(!email_valid("jan.kowalski@"));
	ck_assert(!email_valid("jan kowalski@example.pl"));
	ck_assert(!email_valid("@example.pl"));
	ck_assert(!email_valid("a@b@c.pl"));
}
END_TEST

/* Free text: valid UTF-8, no control characters; tab -> space, CR LF ->
 * LF; and a fuzz of random bytes finds nothing accepted raw. */
START_TEST(free_text_checked)
{
	struct fielderr e;
	char s[64];
	unsigned seed = 12345;
	int i, accepted = 0;

	str_copy(s, sizeof(s), "Żółć\tgęś\r\nłąka");
	ck_assert_int_eq(text_field_check(s, true, 7, "Uwagi", &e), CD_OK);
	ck_assert_str_eq(s, "Żółć gęś\nłąka");
	str_copy(s, sizeof(s), "dwie\nlinie");
	ck_assert_int_eq(text_field_check(s, false, 7, "Nazwisko", &e), CD_EINVAL);
	ck_assert_int_eq(e.field, 7);
	str_copy(s, sizeof(s), "esc\x1b[31m");
	ck_assert_int_eq(text_field_check(s, true, 7, "Uwagi", &e), CD_EINVAL);
	ck_assert_str_eq(e.msg, "Uwagi: has a control character (code 27); remove it");
	str_copy(s, sizeof(s), "zle \xc5 bajty");
	ck_assert_int_eq(text_field_check(s, true, 7, "Uwagi", &e), CD_EINVAL);
	str_copy(s, sizeof(s), "c1 \xc2\x85 znak");
	ck_assert_int_eq(text_field_check(s, true, 7, "Uwagi", &e), CD_EINVAL);
	for (i = 0; i < 20000; i++) {
		int n = (int)(rand_r(&seed) % 20), k;
		const char *p;
		for (k = 0; k < n; k++) {
			unsigned r = (unsigned)rand_r(&seed);
			/* letters, Polish letters' bytes, controls and stray bytes */
			s[k] = (char)(r % 4 == 0 ? 'a' + r % 26 : r % 4 == 1 ? (r & 1 ? 0xC5 : 0x82) :
				      r % 4 == 2 ? r % 0x20 : r % 256);
			if (!s[k])
				s[k] = 'x';
		}
		s[n] = '\0';
		if (text_field_check(s, true, 1, "T", &e))
			continue;
		accepted++;
		ck_assert(utf8_valid(s));
		for (p = s; *p;) {
			uint32_t cp = utf8_next(&p);
			ck_assert(cp == '\n' || (cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0)));
		}
	}
	ck_assert_int_gt(accepted, 100);
}
END_TEST

/* A text given as a string: at most its declared bytes (exactly that many
 * pass), trimmed, checked; NULL reads as empty. */
START_TEST(string_texts_checked)
{
	struct fielderr e;
	char full[TEXT_REASON_MAX + 2], *out;

	ck_assert_int_eq(text_param_check(NULL, false, 10, 3, "Powód", &out, &e), CD_OK);
	ck_assert_str_eq(out, "");
	free(out);
	ck_assert_int_eq(text_param_check("  łąka\t ", false, 10, 3, "Powód", &out, &e), CD_OK);
	ck_assert_str_eq(out, "łąka");
	free(out);
	memset(full, 'x', TEXT_REASON_MAX);
	full[TEXT_REASON_MAX] = '\0';
	ck_assert_int_eq(text_param_check(full, false, TEXT_REASON_MAX, 3, "Powód", &out, &e), CD_OK);
	ck_assert_uint_eq(strlen(out), TEXT_REASON_MAX);
	free(out);
	strcat(full, "y");
	ck_assert_int_eq(text_param_check(full, false, TEXT_REASON_MAX, 3, "Powód", &out, &e),
			 CD_EINVAL);
	ck_assert_ptr_null(out);
	ck_assert_int_eq(e.field, 3);
	ck_assert_int_eq(text_param_check("a\nb", false, 10, 3, "Powód", &out, &e), CD_EINVAL);
	ck_assert_int_eq(text_param_check("a\nb", true, 10, 3, "Powód", &out, &e), CD_OK);
	free(out);
}
END_TEST

/* A service's days and hours, typed the ways people write them. */
START_TEST(schedule_days_and_hours)
{
	char d[32], h[12];

	ck_assert(weekdays_parse("pn śr pt", d, sizeof(d)));
	ck_assert_str_eq(d, "1,3,5");
	ck_assert(weekdays_parse("Pn-Pt", d, sizeof(d)));
	ck_assert_str_eq(d, "1,2,3,4,5");
	ck_assert(weekdays_parse("sobota, niedziela", d, sizeof(d)));
	ck_assert_str_eq(d, "6,7");
	ck_assert(weekdays_parse("1,3,5", d, sizeof(d)));          /* as stored */
	ck_assert_str_eq(d, "1,3,5");
	ck_assert(weekdays_parse("  ", d, sizeof(d)));
	ck_assert_str_eq(d, "");
	ck_assert(!weekdays_parse("pn xx", d, sizeof(d)));
	ck_assert(!weekdays_parse("pt-pn", d, sizeof(d)));
	weekdays_text("1,3,5", d, sizeof(d));
	ck_assert_str_eq(d, "Mon, Wed, Fri");
	ck_assert(hours_parse("9-11", h));
	ck_assert_str_eq(h, "09:00-11:00");
	ck_assert(hours_parse("9:30 – 11:00", h));
	ck_assert_str_eq(h, "09:30-11:00");
	ck_assert(!hours_parse("11-9", h));
	ck_assert(!hours_parse("9:7-10", h));
	ck_assert(!hours_parse("25-26", h));
	ck_assert(!hours_parse("9", h));
}
END_TEST

Suite *suite_validate(void)
{
	Suite *s = suite_create("validate");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, pesel_valid_and_derived);
	tcase_add_test(tc, pesel_errors);
	tcase_add_test(tc, dates);
	tcase_add_test(tc, today_can_be_fixed);
	tcase_add_test(tc, postcode_phone_email);
	tcase_add_test(tc, free_text_checked);
	tcase_add_test(tc, string_texts_checked);
	tcase_add_test(tc, schedule_days_and_hours);
	suite_add_tcase(s, tc);
	return s;
}
