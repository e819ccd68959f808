/* test_csv.c - CSV for spreadsheets: quoting, formula cells, encodings,
 * separators, fields with separators and line breaks inside. */
#include "testutil.h"
#include "csv.h"

#include <stdlib.h>
#include <string.h>

START_TEST(cells_quoted_and_formulas_neutralised)
{
	struct strbuf sb;

	sb_init(&sb);
	csv_cell(&sb, "Łęcka", true);
	csv_cell(&sb, "ul. Długa 5; m. 2", false);
	csv_cell(&sb, "powiedziała \"nie\"", false);
	csv_cell(&sb, "=HYPERLINK(\"http://x\")", false);
	csv_cell(&sb, "+48 600 100 200", false);
	csv_cell(&sb, "-2+3", false);
	csv_cell(&sb, "@SUM(A1)", false);
	csv_cell(&sb, "\tukryte", false);
	csv_cell(&sb, "wiersz\ndrugi", false);
	csv_cell_long(&sb, -5, false);
	csv_row_end(&sb);
	ck_assert_str_eq(sb.buf, "Łęcka;\"ul. Długa 5; m. 2\";\"powiedziała \"\"nie\"\"\";"
			 "\"'=HYPERLINK(\"\"http://x\"\")\";\"'+48 600 100 200\";\"'-2+3\";"
			 "\"'@SUM(A1)\";\"'\tukryte\";\"wiersz\ndrugi\";-5\r\n");
	sb_release(&sb);
}
END_TEST

START_TEST(encodings_written)
{
	char *out;
	size_t len;
	struct fielderr e;

	ck_assert_int_eq(csv_encode("Źrebiec;Łódź\r\n", CSV_UTF8, &out, &len, &e), CD_OK);
	ck_assert_uint_eq(len, 3 + strlen("Źrebiec;Łódź\r\n"));
	ck_assert_int_eq(memcmp(out, "\xEF\xBB\xBF", 3), 0);
	free(out);
	ck_assert_int_eq(csv_encode("Źrebiec;Łódź ąść\r\n", CSV_CP1250, &out, &len, &e), CD_OK);
	ck_assert_str_eq(out, "\x8Frebiec;\xA3\xF3\x64\x9F \xB9\x9C\xE6\r\n");
	free(out);
	/* a letter Windows-1250 lacks is transliterated, not an error */
	ck_assert_int_eq(csv_encode("Søren", CSV_CP1250, &out, &len, &e), CD_OK);
	ck_assert_uint_eq(len, 5);
	free(out);
}
END_TEST

START_TEST(encoding_detected)
{
	/* "Świątek" */
	ck_assert_int_eq(csv_detect("\xEF\xBB\xBFx", 4), CSV_UTF8);
	ck_assert_int_eq(csv_detect("Świątek", strlen("Świątek")), CSV_UTF8);
	ck_assert_int_eq(csv_detect("\x8Cwi\xB9tek", 7), CSV_CP1250);
	ck_assert_int_eq(csv_detect("\xA6wi\xB1tek", 7), CSV_ISO8859_2);
	/* only the letters both share (ł ó): Windows-1250, the common one */
	ck_assert_int_eq(csv_detect("\xB3\xF3", 2), CSV_CP1250);
}
END_TEST

START_TEST(records_parsed)
{
	const char *in = "\xEF\xBB\xBFImi\xC4\x99;Nazwisko;Uwagi\r\n"
			 "Anna;\"Kowalska; z d. Nowak\";\"dwa\r\nwiersze\"\r\n"
			 "\r\n"
			 "Jan;\"Bia\xC5\x82y \"\"Ma\xC5\x82y\"\"\";\r\n"
			 "Ewa;Zi\xFF;x\n";
	struct csv_file f;
	struct fielderr e;

	ck_assert_int_eq(csv_parse(in, strlen(in), CSV_AUTO, &f, &e), CD_OK);
	ck_assert_int_eq(f.encoding, CSV_UTF8);
	ck_assert_int_eq(f.sep, ';');
	ck_assert_uint_eq(f.n, 4);
	ck_assert_str_eq(f.records[0].fields[0], "Imię");
	ck_assert_str_eq(f.records[1].fields[1], "Kowalska; z d. Nowak");
	ck_assert_str_eq(f.records[1].fields[2], "dwa\r\nwiersze");
	ck_assert_uint_eq(f.records[2].line, 5);
	ck_assert_str_eq(f.records[2].fields[1], "Biały \"Mały\"");
	ck_assert_uint_eq(f.records[2].nfields, 3);
	ck_assert(f.records[3].undecodable);                 /* a byte not UTF-8 */
	ck_assert(!f.records[2].undecodable);
	csv_file_free(&f);
}
END_TEST

START_TEST(cp1250_with_commas)
{
	/* Windows-1250, comma-separated, a byte the code page lacks (0x98) */
	const char *in = "Nazwisko,Imi\xEA,Miejscowo\x9C\xE6\n"
			 "\x8Cwi\xB9tek,Jolanta,\"\xA3\xF3\x64\x9F, ul. Piotrkowska\"\n"
			 "Zaj\xB9\x63,Ewa\x98,Czarnia\n";
	struct csv_file f;
	struct fielderr e;

	ck_assert_int_eq(csv_parse(in, strlen(in), CSV_AUTO, &f, &e), CD_OK);
	ck_assert_int_eq(f.encoding, CSV_CP1250);
	ck_assert_int_eq(f.sep, ',');
	ck_assert_str_eq(f.records[0].fields[2], "Miejscowość");
	ck_assert_str_eq(f.records[1].fields[0], "Świątek");
	ck_assert_str_eq(f.records[1].fields[2], "Łódź, ul. Piotrkowska");
	ck_assert(f.records[2].undecodable);
	csv_file_free(&f);
	/* the same bytes read as ISO-8859-2 on request */
	ck_assert_int_eq(csv_parse("\xA6wi\xB1tek\n", 8, CSV_ISO8859_2, &f, &e), CD_OK);
	ck_assert_str_eq(f.records[0].fields[0], "Świątek");
	csv_file_free(&f);
}
END_TEST

/* Records that cannot be read are kept apart with the reason, and the
 * rest of the file is read on: an unterminated quote, a NUL byte, a line
 * over 1 MiB (skipped, nothing of it kept), too many fields. */
START_TEST(malformed_records_rejected_with_reason)
{
	struct csv_file f;
	struct fielderr e;
	static const char nul[] = "a;b\n1;x\0y\n2;z\n";
	size_t big = (size_t)CSV_MAX_RECORD * 2, i;
	char *bytes = xmalloc(big + 64);
	static const char unclosed[] = "a;b\n1;\"nie zamknięty\n2;z\n";

	ck_assert_int_eq(csv_parse(unclosed, strlen(unclosed), CSV_UTF8, &f, &e), CD_OK);
	ck_assert_uint_eq(f.n, 2);
	ck_assert_ptr_nonnull(f.records[1].problem);
	ck_assert_ptr_nonnull(strstr(f.records[1].problem, "quote"));
	csv_file_free(&f);

	ck_assert_int_eq(csv_parse(nul, sizeof(nul) - 1, CSV_UTF8, &f, &e), CD_OK);
	ck_assert_uint_eq(f.n, 3);
	ck_assert_str_eq(f.records[1].problem, "the row has a NUL byte");
	ck_assert_ptr_null(f.records[2].problem);
	ck_assert_str_eq(f.records[2].fields[1], "z");
	csv_file_free(&f);

	memcpy(bytes, "a;b\n", 4);
	for (i = 4; i < big; i++)
		bytes[i] = 'x';
	memcpy(bytes + big, "\n3;ok\n", 6);
	ck_assert_int_eq(csv_parse(bytes, big + 6, CSV_UTF8, &f, &e), CD_OK);
	ck_assert_uint_eq(f.n, 3);
	ck_assert_str_eq(f.records[1].problem, "the row is longer than 1 MiB");
	ck_assert_uint_eq(f.records[1].nfields, 0);
	ck_assert_str_eq(f.records[1].raw, "");
	ck_assert_ptr_null(f.records[2].problem);
	ck_assert_str_eq(f.records[2].fields[1], "ok");
	ck_assert_uint_eq(f.records[2].line, 3);
	csv_file_free(&f);

	memset(bytes + 4, ';', 1500);
	memcpy(bytes + 1504, "\n4;ok\n", 6);
	ck_assert_int_eq(csv_parse(bytes, 1510, CSV_UTF8, &f, &e), CD_OK);
	ck_assert_uint_eq(f.n, 3);
	ck_assert_str_eq(f.records[1].problem, "the row has more than 1000 fields");
	ck_assert_str_eq(f.records[2].fields[0], "4");
	csv_file_free(&f);
	free(bytes);
}
END_TEST

Suite *suite_csv(void)
{
	Suite *s = suite_create("csv");
	TCase *tc = tcase_create("csv");

	tcase_add_test(tc, cells_quoted_and_formulas_neutralised);
	tcase_add_test(tc, encodings_written);
	tcase_add_test(tc, encoding_detected);
	tcase_add_test(tc, records_parsed);
	tcase_add_test(tc, cp1250_with_commas);
	tcase_add_test(tc, malformed_records_rejected_with_reason);
	suite_add_tcase(s, tc);
	return s;
}
