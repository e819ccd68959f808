/* test_textedit.c - a form field's text (ui/textedit.c): it holds what it
 * shows, typing at the start inserts, the maximum refuses instead of
 * cutting, Delete joins lines, a pasted screenful keeps every letter. */
#include "testutil.h"
#include "text.h"
#include "textedit.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static void type(struct textedit *t, const char *s)
{
	while (*s) {
		const char *p = s;
		uint32_t c = utf8_next(&p);
		textedit_insert(t, c);
		s = p;
	}
}

static void expect(const struct textedit *t, const char *want)
{
	char *got = textedit_text(t);
	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(typing_at_the_start_inserts)
{
	struct textedit t;

	textedit_init(&t, false, 100);
	textedit_set(&t, "abilitacja");
	textedit_home(&t, 20);
	type(&t, "reh");
	expect(&t, "rehabilitacja");
	textedit_end(&t, 20);
	ck_assert_uint_eq(t.cur, t.len);
	textedit_free(&t);
}
END_TEST

START_TEST(the_maximum_refuses_never_cuts)
{
	struct textedit t;

	textedit_init(&t, false, 5);
	type(&t, "abcd");
	ck_assert(!textedit_insert(&t, 0x17C));     /* ż takes 2 bytes: no room */
	ck_assert(textedit_insert(&t, 'e'));
	ck_assert(!textedit_insert(&t, 'f'));
	expect(&t, "abcde");
	ck_assert_uint_eq(textedit_room(&t), 0);
	textedit_backspace(&t);
	ck_assert_uint_eq(textedit_room(&t), 1);
	textedit_free(&t);
}
END_TEST

START_TEST(a_date_is_typed_over)
{
	struct textedit t;

	textedit_init(&t, false, 10);
	textedit_set(&t, "2027-05-31");
	t.replace = true;                         /* the form sets it on entering */
	type(&t, "1.12.2026");
	expect(&t, "1.12.2026");
	/* a move first: the text is kept and typed into */
	textedit_set(&t, "2027-05-31");
	t.replace = true;
	textedit_left(&t);
	ck_assert(!textedit_insert(&t, '9'));     /* full: 10 bytes */
	expect(&t, "2027-05-31");
	textedit_free(&t);
}
END_TEST

START_TEST(one_line_scrolls_to_show_the_cursor)
{
	struct textedit t;
	int row, col;

	textedit_init(&t, false, 600);
	for (int i = 0; i < 500; i++)
		textedit_insert(&t, (uint32_t)('a' + i % 26));
	textedit_scroll(&t, 40, 1);
	textedit_cursor(&t, 40, &row, &col);
	ck_assert_int_eq(row, 0);
	ck_assert_int_le(col, 39);
	ck_assert_uint_gt(t.first, 0);
	textedit_home(&t, 40);
	textedit_scroll(&t, 40, 1);
	ck_assert_uint_eq(t.first, 0);
	/* clearing by Backspace leaves nothing behind */
	textedit_end(&t, 40);
	while (textedit_backspace(&t))
		;
	expect(&t, "");
	textedit_free(&t);
}
END_TEST

START_TEST(lines_wrap_and_delete_joins)
{
	struct textedit t;
	size_t *s, *e, n;
	int row, col;

	textedit_init(&t, true, 1000);
	textedit_set(&t, "Pani Żaneta prosi o pomoc\nOd zaraz.");
	n = textedit_rows(&t, 16, &s, &e);
	ck_assert_uint_eq(n, 3);                  /* "Pani Żaneta ", "prosi o pomoc", "Od zaraz." */
	ck_assert_uint_eq(s[1], 12);
	free(s);
	free(e);
	ck_assert_uint_eq(t.cur, 0);              /* several lines: read from the start */
	t.cur = t.len;
	textedit_cursor(&t, 16, &row, &col);
	ck_assert_int_eq(row, 2);
	ck_assert_int_eq(col, 9);
	ck_assert(textedit_up(&t, 16));
	textedit_end(&t, 16);
	textedit_cursor(&t, 16, &row, &col);
	ck_assert_int_eq(row, 1);
	ck_assert(textedit_delete(&t));           /* at the line's end: joins */
	expect(&t, "Pani Żaneta prosi o pomocOd zaraz.");
	textedit_free(&t);
}
END_TEST

START_TEST(a_pasted_screenful_keeps_every_letter)
{
	struct textedit t;
	struct strbuf sb;
	char *got;
	int i;

	sb_init(&sb);
	for (i = 0; i < 120; i++)
		sb_addf(&sb, "rehabilitacja %d: zażółć gęślą jaźń%s", i, i % 7 ? " " : "\n");
	textedit_init(&t, true, 10000);
	type(&t, sb.buf);
	got = textedit_text(&t);
	ck_assert_str_eq(got, sb.buf);
	free(got);
	textedit_scroll(&t, 60, 4);
	ck_assert_uint_gt(t.top, 0);
	sb_release(&sb);
	textedit_free(&t);
}
END_TEST

Suite *suite_textedit(void)
{
	Suite *s = suite_create("textedit");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, typing_at_the_start_inserts);
	tcase_add_test(tc, the_maximum_refuses_never_cuts);
	tcase_add_test(tc, a_date_is_typed_over);
	tcase_add_test(tc, one_line_scrolls_to_show_the_cursor);
	tcase_add_test(tc, lines_wrap_and_delete_joins);
	tcase_add_test(tc, a_pasted_screenful_keeps_every_letter);
	suite_add_tcase(s, tc);
	return s;
}
