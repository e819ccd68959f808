/* test_textlayout.c - the desk's pure text layout (ui/textlayout.c):
 * widths, wrapping and multi-line fields, with Polish text. */
#include "testutil.h"
#include "textlayout.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

START_TEST(polish_letters_are_one_column)
{
	ck_assert_int_eq(ui_text_width("Źrebiec-Łęcka"), 13);
	ck_assert_int_eq(ui_text_width("zażółć gęślą jaźń"), 17);
	ck_assert_int_eq(ui_text_width(""), 0);
	ck_assert_int_eq(ui_text_width("a\xff" "b"), 3);       /* a bad byte: one column */
}
END_TEST

START_TEST(wrapping_cuts_at_spaces_and_keeps_breaks)
{
	size_t n;
	char **l = ui_wrap_lines("Pani Żaneta prosi o pomoc w zakupach.\nOd zaraz.", 16, &n);

	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(l[0], "Pani Żaneta");
	ck_assert_str_eq(l[1], "prosi o pomoc w");
	ck_assert_str_eq(l[2], "zakupach.");
	ck_assert_str_eq(l[3], "Od zaraz.");
	for (size_t i = 0; i < n; i++)
		ck_assert_int_le(ui_text_width(l[i]), 16);
	ui_free_lines(l, n);
	/* a word longer than the width is cut, never lost */
	l = ui_wrap_lines("Konstantynopolitańczykowianeczka", 10, &n);
	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(l[0], "Konstantyn");
	ck_assert_str_eq(l[3], "ka");
	ui_free_lines(l, n);
}
END_TEST

START_TEST(multiline_field_rows_round_trip)
{
	static const char *const texts[] = {
		"Mieszka sama; córka dojeżdża w weekendy.",
		"Pierwsza.\nDruga po złamaniu.\n\nPo pustej linii: łóżko, wózek.",
		"Słowo",
		"",
		"ąęśćźżółń ĄĘŚĆŹŻÓŁŃ mieszkanie chronione dla osób po kryzysie psychicznym",
	};
	/* widths where every line break falls with room for the next word
	 * (the one case text_multi_text cannot tell from a wrap) */
	static const int widths[] = {17, 30, 60};
	size_t i, k;

	for (i = 0; i < ARRAY_SIZE(texts); i++)
		for (k = 0; k < ARRAY_SIZE(widths); k++) {
			char *shown = text_multi_display(texts[i], widths[k]);
			char *back = text_multi_text(shown, widths[k]);
			ck_assert_msg(!strcmp(back, texts[i]), "width %d: '%s' came back as '%s'",
				      widths[k], texts[i], back);
			free(shown);
			free(back);
		}
}
END_TEST

START_TEST(multiline_field_pads_a_break_to_the_row_end)
{
	char *shown = text_multi_display("Ala\nŁoś", 6);

	/* "Ala" and three spaces fill the row; "Łoś" starts the next */
	ck_assert_str_eq(shown, "Ala   Łoś");
	free(shown);
	/* "jeden dwa" fills the row exactly; "trzy" starts the next one */
	shown = text_multi_display("jeden dwa trzy", 9);
	ck_assert_str_eq(shown, "jeden dwatrzy");
	free(shown);
	shown = text_multi_text("jeden dwatrzy", 9);
	ck_assert_str_eq(shown, "jeden dwa trzy");
	free(shown);
}
END_TEST

START_TEST(type_ahead_ignores_case_and_diacritics)
{
	static const char *const labels[] = {"Usługi opiekuńcze", "Łaźnia", "Pomoc sąsiedzka",
					     "Asystent osobisty", "Łóżko rehabilitacyjne"};

	ck_assert_int_eq(ui_choose_find(labels, 5, 0, "laz"), 1);
	ck_assert_int_eq(ui_choose_find(labels, 5, 2, "L"), 4);     /* from the start given */
	ck_assert_int_eq(ui_choose_find(labels, 5, 0, "sasiedz"), 2); /* inside a label */
	ck_assert_int_eq(ui_choose_find(labels, 5, 0, "OPIEKUN"), 0);
	ck_assert_int_eq(ui_choose_find(labels, 5, 0, "xyz"), -1);
}
END_TEST

Suite *suite_textlayout(void)
{
	Suite *s = suite_create("textlayout");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, polish_letters_are_one_column);
	tcase_add_test(tc, wrapping_cuts_at_spaces_and_keeps_breaks);
	tcase_add_test(tc, multiline_field_rows_round_trip);
	tcase_add_test(tc, multiline_field_pads_a_break_to_the_row_end);
	tcase_add_test(tc, type_ahead_ignores_case_and_diacritics);
	suite_add_tcase(s, tc);
	return s;
}
