/* test_import.c - residents and providers from other systems' files: the
 * four encodings, quoted separators and line breaks, a bad PESEL, an
 * undecodable byte, a duplicate; dry run; all or nothing; rejects file;
 * export -> import gives back the same people. */
#include "testutil.h"
#include "csv.h"
#include "export.h"
#include "import.h"
#include "dbint.h"
#include "person.h"
#include "text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A fixture file copied into the test's temporary directory. */
static char *fixture(const char *name)
{
	const char *dir = getenv("CUSDESK_TEST_DATA") ? getenv("CUSDESK_TEST_DATA") : "tests/data";
	char *src = xasprintf("%s/%s", dir, name), *dst = xasprintf("%s/%s", tdb_dir(), name);
	char *bytes;
	size_t len;
	struct fielderr e;

	ck_assert_int_eq(csv_read_file(src, &bytes, &len, &e), CD_OK);
	ck_assert_int_eq(csv_write_file(dst, bytes, len, &e), CD_OK);
	free(bytes);
	free(src);
	return dst;
}

static void check_persons_file(const char *name, enum csv_encoding want, char sep)
{
	struct fx f;
	struct import_result r;
	struct fielderr e;
	struct person p;
	struct person_hit *h;
	size_t n;
	int before;
	char *path, *rejects;

	fx_open(&f);
	ck_assert_int_eq(gmina_add(f.db, &f.sys, "Czarnia", NULL), CD_OK);
	path = fixture(name);
	before = tdb_count(f.db, "SELECT count(*) FROM person");
	/* the dry run says what would happen and stores nothing */
	ck_assert_int_eq(import_file(f.db, &f.recep, IMPORT_PERSONS, path, CSV_AUTO, true, NULL, &r, &e),
			 CD_OK);
	ck_assert_int_eq(r.encoding, want);
	ck_assert_int_eq(r.sep, sep);
	ck_assert_uint_eq(r.rows, 6);
	ck_assert_uint_eq(r.added, 3);
	ck_assert_uint_eq(r.duplicates, 1);
	ck_assert_uint_eq(r.rejected, 2);
	ck_assert_int_eq(r.row[3].outcome, IMPORT_DUPLICATE);      /* the fixture's Jadwiga */
	ck_assert_str_eq(r.row[3].name, "Łęcka Jadwiga");
	ck_assert_int_eq(r.row[2].outcome, IMPORT_REJECTED);
	ck_assert_str_eq(r.row[2].reason, "PESEL: the check digit is wrong");
	ck_assert_uint_eq(r.row[2].line, 5);                   /* a line break in row 1 */
	ck_assert_int_eq(r.row[4].outcome, IMPORT_REJECTED);
	ck_assert_str_eq(r.row[4].name, "Zając ?");
	ck_assert_str_eq(r.ignored, "Uwagi" + 5);              /* every column known */
	ck_assert_str_eq(r.rejects_path, "");
	import_result_free(&r);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM person"), before);
	/* the real run */
	ck_assert_int_eq(import_file(f.db, &f.recep, IMPORT_PERSONS, path, CSV_AUTO, false, NULL, &r,
				     &e), CD_OK);
	ck_assert_uint_eq(r.added, 3);
	rejects = xasprintf("%s.rejected.csv", path);
	ck_assert_str_eq(r.rejects_path, rejects);
	import_result_free(&r);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM person"), before + 3);
	ck_assert_int_eq(person_search(f.db, &f.recep, "zrebiec", 5, &h, &n), CD_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(person_get(f.db, &f.recep, h[0].id, &p), CD_OK);
	free(h);
	ck_assert_str_eq(p.first_names, "Bożenna");
	ck_assert_str_eq(p.birth_date, "1950-03-03");          /* from 03.03.1950 */
	ck_assert_str_eq(p.street, "ul. Żytnia 5; m. 2");
	ck_assert_str_eq(p.town, "Łódź");
	ck_assert_str_eq(p.notes, "mówi \"proszę dzwonić\"\nrano");
	/* the rejected rows, with the reason, in the file's encoding */
	{
		struct csv_file rf;
		char *bytes;
		size_t len;
		ck_assert_int_eq(csv_read_file(rejects, &bytes, &len, &e), CD_OK);
		ck_assert_int_eq(csv_parse(bytes, len, want, &rf, &e), CD_OK);
		ck_assert_uint_eq(rf.n, 3);
		ck_assert_str_eq(rf.records[0].fields[rf.records[0].nfields - 1], "Reason");
		ck_assert_str_eq(rf.records[1].fields[0], "Gałązka");
		ck_assert_str_eq(rf.records[1].fields[rf.records[1].nfields - 1],
				 "PESEL: the check digit is wrong");
		csv_file_free(&rf);
		free(bytes);
	}
	/* once more: everyone is a duplicate now */
	ck_assert_int_eq(import_file(f.db, &f.recep, IMPORT_PERSONS, path, CSV_AUTO, true, NULL, &r, &e),
			 CD_OK);
	ck_assert_uint_eq(r.added, 0);
	ck_assert_uint_eq(r.duplicates, 4);
	import_result_free(&r);
	free(rejects);
	free(path);
	fx_close(&f);
}

START_TEST(persons_in_windows_1250)
{
	check_persons_file("persons-cp1250.csv", CSV_CP1250, ';');
}
END_TEST

START_TEST(persons_in_iso_8859_2)
{
	check_persons_file("persons-iso8859-2.csv", CSV_ISO8859_2, ';');
}
END_TEST

START_TEST(persons_in_utf8_with_bom)
{
	check_persons_file("persons-utf8-bom.csv", CSV_UTF8, ';');
}
END_TEST

START_TEST(persons_in_utf8_with_commas)
{
	check_persons_file("persons-utf8.csv", CSV_UTF8, ',');
}
END_TEST

START_TEST(encoding_given_and_header_required)
{
	struct fx f;
	struct import_result r;
	struct fielderr e;
	char *path, *bad;

	fx_open(&f);
	path = fixture("persons-cp1250.csv");
	/* read as UTF-8 on request: the header is not UTF-8 text */
	ck_assert_int_eq(import_file(f.db, &f.recep, IMPORT_PERSONS, path, CSV_UTF8, true, NULL, &r, &e),
			 CD_EINVAL);
	ck_assert_str_eq(e.msg, "File: the first row is not text in utf-8; try another encoding");
	/* only the organiser imports providers; reception imports persons */
	ck_assert_int_eq(import_file(f.db, &f.recep, IMPORT_PROVIDERS, path, CSV_AUTO, true, NULL, &r,
				     &e), CD_EPERM);
	bad = xasprintf("%s/no-header.csv", tdb_dir());
	ck_assert_int_eq(csv_write_file(bad, "Kowalski;Jan\n", 13, &e), CD_OK);
	ck_assert_int_eq(import_file(f.db, &f.recep, IMPORT_PERSONS, bad, CSV_AUTO, true, NULL, &r, &e),
			 CD_EINVAL);
	ck_assert_str_eq(e.msg, "File: the first row must name the columns; Nazwisko and Imię "
			 "are needed");
	free(bad);
	free(path);
	fx_close(&f);
}
END_TEST

START_TEST(providers_imported)
{
	struct fx f;
	struct import_result r;
	struct fielderr e;
	char *path;

	fx_open(&f);
	path = fixture("providers-cp1250.csv");
	ck_assert_int_eq(import_file(f.db, &f.organiser, IMPORT_PROVIDERS, path, CSV_AUTO, false, NULL,
				     &r, &e), CD_OK);
	ck_assert_uint_eq(r.added, 1);
	ck_assert_uint_eq(r.duplicates, 1);                   /* the fixture's „Razem” */
	ck_assert_uint_eq(r.rejected, 1);
	ck_assert_str_eq(r.row[2].reason,
			 "Kind: 'spółka akcyjna' is not one of the kinds of art. 7 ust. 2");
	import_result_free(&r);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM provider WHERE name = "
				   "'Fundacja „Złoty Wiek”' AND kind = 'ngo' AND contract_from = "
				   "'2026-01-01' AND hour_pool = 1200.5"), 1);
	free(path);
	fx_close(&f);
}
END_TEST

/* What cusdesk exports, cusdesk (or another centre) imports back. */
START_TEST(export_then_import_gives_the_same_people)
{
	struct fx f;
	struct cd_db *other;
	struct import_result r;
	struct fielderr e;
	char *text, *again, *path, *bytes;
	size_t len;
	long rows;
	int enc;

	for (enc = 0; enc < 2; enc++) {
		fx_open(&f);
		ck_assert_int_eq(gmina_add(f.db, &f.sys, "Czarnia", NULL), CD_OK);
		{
			/* a second person, with everything filled in */
			struct person p;
			person_init(&p);
			str_copy(p.first_names, sizeof(p.first_names), "Żaneta");
			str_copy(p.surname, sizeof(p.surname), "Źrebiec-Łęcka");
			str_copy(p.pesel, sizeof(p.pesel), "90051203422");
			str_copy(p.street, sizeof(p.street), "=SUMA(A1)");   /* a formula cell */
			str_copy(p.house_no, sizeof(p.house_no), "5a");
			str_copy(p.postcode, sizeof(p.postcode), "07-431");
			str_copy(p.town, sizeof(p.town), "Łódź");
			str_copy(p.gmina, sizeof(p.gmina), "Czarnia");
			str_copy(p.phone, sizeof(p.phone), "+48 600 100 200");
			str_copy(p.email, sizeof(p.email), "zaneta@example.pl");
			ck_assert_int_eq(person_save(f.db, &f.recep, &p, &e), CD_OK);
		}
		ck_assert_int_eq(export_csv(f.db, &f.recep, EXPORT_PERSONS, &text, &rows, &e), CD_OK);
		ck_assert_int_eq(rows, 2);
		ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM audit_log WHERE action = "
					   "'export'"), 1);
		ck_assert_ptr_nonnull(strstr(text, "\"'=SUMA(A1)\""));
		ck_assert_int_eq(csv_encode(text, enc ? CSV_CP1250 : CSV_UTF8, &bytes, &len, &e),
				 CD_OK);
		path = xasprintf("%s/persons.csv", tdb_dir());
		ck_assert_int_eq(csv_write_file(path, bytes, len, &e), CD_OK);
		free(bytes);
		/* into another, empty database of a centre with the same gmina */
		other = tdb_open();
		ck_assert_int_eq(gmina_add(other, &f.sys, "Czarnia", NULL), CD_OK);
		ck_assert_int_eq(import_file(other, &f.sys, IMPORT_PERSONS, path, CSV_AUTO, false, NULL, &r,
					     &e), CD_OK);
			ck_assert_uint_eq(r.added, 2);
		import_result_free(&r);
		ck_assert_int_eq(export_csv(other, &f.sys, EXPORT_PERSONS, &again, &rows, &e), CD_OK);
		/* the street came back without the apostrophe: the same people */
		ck_assert_str_eq(again, text);
		free(again);
		free(text);
		free(path);
		tdb_close(&other);
		fx_close(&f);
	}
}
END_TEST

START_TEST(dates_of_other_systems)
{
	char d[11];

	ck_assert(import_date("1950-03-01", d));
	ck_assert_str_eq(d, "1950-03-01");
	ck_assert(import_date("1.3.1950", d));
	ck_assert_str_eq(d, "1950-03-01");
	ck_assert(import_date("29.02.2024", d));
	ck_assert(!import_date("29.02.2023", d));
	ck_assert(!import_date("03/01/1950", d));
	ck_assert(!import_date("1.3.50", d));
	/* exact digit counts, nothing after */
	ck_assert(!import_date("101.03.1950", d));
	ck_assert(!import_date("01.003.1950", d));
	ck_assert(!import_date("01.03.19500", d));
	ck_assert(!import_date("01.03.1950r", d));
	ck_assert(!import_date("1950-03-01x", d));
}
END_TEST

static void tdb_exec(struct cd_db *db, const char *sql)
{
	ck_assert_int_eq(db_exec(db, sql), CD_OK);
}

/* An import is all or nothing for the user though it writes in steps:
 * interrupted, nothing stays; a run whose process died is taken back; a
 * run still working is left alone. */
START_TEST(import_taken_back_whole)
{
	struct fx f;
	struct import_result r;
	struct fielderr e;
	char host[64], sql[512];
	size_t undone;
	int before;
	char *path;

	fx_open(&f);
	ck_assert_int_eq(gmina_add(f.db, &f.sys, "Czarnia", NULL), CD_OK);
	path = fixture("persons-utf8-bom.csv");
	before = tdb_count(f.db, "SELECT count(*) FROM person");
	{
		volatile sig_atomic_t stop = 1;         /* Ctrl-C at once */
		struct job job = {.stop = &stop};
		ck_assert_int_eq(import_file(f.db, &f.recep, IMPORT_PERSONS, path, CSV_AUTO, false,
					     &job, &r, &e), CD_OK);
		ck_assert(r.interrupted);
		ck_assert_uint_eq(r.added, 0);
		import_result_free(&r);
	}
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM person"), before);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM import_run WHERE state = "
				   "'undone'"), 1);
	/* a run whose process is gone (kill -9 halfway): its persons go, the
	 * person a desk already filed a request for stays */
	gethostname(host, sizeof(host));
	host[sizeof(host) - 1] = '\0';
	snprintf(sql, sizeof(sql), "INSERT INTO import_run(id, kind, host, pid) VALUES (70, "
		 "'persons', '%s', 999999), (71, 'persons', '%s', %ld)", host, host, (long)getpid());
	tdb_exec(f.db, sql);
	tdb_exec(f.db, "INSERT INTO person(surname, first_names, sort_key, dup_key, import_id) "
		 "VALUES ('Półimport', 'Jan', 'p', 'd1', 70), ('Półimport', 'Ewa', 'p', 'd2', 70), "
		 "('Trwający', 'Ola', 't', 'd3', 71)");
	tdb_exec(f.db, "INSERT INTO request(person_id, case_ref, case_year, case_no, channel, asked, filed_on, status) SELECT id, 'T.1', 2026, 901, 'writing', '', '2026-11-20', "
		 "'filed' FROM person WHERE first_names = 'Ewa' AND import_id = 70");
	ck_assert_int_eq(import_recover(f.db, &undone), CD_OK);
	ck_assert_uint_eq(undone, 1);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM person WHERE import_id = 70"), 1);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM person WHERE import_id = 71"), 1);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM import_run WHERE id = 71 AND "
				   "state = 'running'"), 1);
	/* the real run marks its rows and ends done */
	ck_assert_int_eq(import_file(f.db, &f.recep, IMPORT_PERSONS, path, CSV_AUTO, false, NULL,
				     &r, &e), CD_OK);
	ck_assert_uint_eq(r.added, 3);
	import_result_free(&r);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM person p JOIN import_run i ON "
				   "i.id = p.import_id WHERE i.state = 'done'"), 3);
	free(path);
	fx_close(&f);
}
END_TEST

/* A row that cannot be read is rejected with its reason and the others
 * come in; an import whose file of rejected rows cannot be made adds
 * nothing. */
START_TEST(unreadable_rows_and_unwritable_rejects)
{
	struct fx f;
	struct import_result r;
	struct fielderr e;
	static const char csv[] = "Nazwisko;Imię;Data urodzenia\n"
				  "Nowak;Ewa;1950-01-01\n"
				  "Zając;An\0na;1951-02-02\n"
				  "Kos;\"Jan;1952-03-03\n";
	char *path, *rejects;
	int before;

	fx_open(&f);
	path = xasprintf("%s/bad.csv", tdb_dir());
	ck_assert_int_eq(csv_write_file(path, csv, sizeof(csv) - 1, &e), CD_OK);
	before = tdb_count(f.db, "SELECT count(*) FROM person");
	/* a folder where the rejected rows would go: cannot be written */
	rejects = xasprintf("%s.rejected.csv", path);
	ck_assert_int_eq(mkdir(rejects, 0700), 0);
	ck_assert_int_eq(import_file(f.db, &f.recep, IMPORT_PERSONS, path, CSV_AUTO, false, NULL,
				     &r, &e), CD_EIO);
	ck_assert_ptr_nonnull(strstr(e.msg, "nothing was added"));
	import_result_free(&r);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM person"), before);
	ck_assert_int_eq(rmdir(rejects), 0);
	ck_assert_int_eq(import_file(f.db, &f.recep, IMPORT_PERSONS, path, CSV_AUTO, false, NULL,
				     &r, &e), CD_OK);
	ck_assert_uint_eq(r.rows, 3);
	ck_assert_uint_eq(r.added, 1);
	ck_assert_uint_eq(r.rejected, 2);
	ck_assert_str_eq(r.row[1].reason, "the row has a NUL byte");
	ck_assert_str_eq(r.row[2].reason, "a quote is not closed (\")");
	ck_assert_str_eq(r.rejects_path, rejects);
	import_result_free(&r);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM person"), before + 1);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM person WHERE first_names LIKE 'An%'"), 0);
	free(rejects);
	free(path);
	fx_close(&f);
}
END_TEST

/* ---- a fuzz of every input path: nothing stored cut or raw ---- */

/* A random text of up to max bytes: ASCII and Polish letters, spaces,
 * tabs, line breaks (when lines), CR LF, C0 and C1 controls, DEL, stray
 * and invalid bytes, NUL (when nul); now and then longer than limit. */
static size_t random_text(unsigned *seed, char *out, size_t max, size_t limit, bool lines,
			  bool nul)
{
	static const char *const pl[] = {"ą", "ć", "ę", "ł", "ń", "ó", "ś", "ź", "ż", "Ł", "Ż"};
	size_t n = 0, want = (size_t)rand_r(seed) % 40;

	if (rand_r(seed) % 8 == 0)
		want = limit + 1 + (size_t)rand_r(seed) % 40;     /* over the maximum */
	while (n < want && n + 4 < max) {
		unsigned r = (unsigned)rand_r(seed) % 100;
		if (r < 40)
			out[n++] = (char)('a' + rand_r(seed) % 26);
		else if (r < 55) {
			const char *c = pl[rand_r(seed) % 11];
			memcpy(out + n, c, strlen(c));
			n += strlen(c);
		} else if (r < 62)
			out[n++] = ' ';
		else if (r < 66)
			out[n++] = '\t';
		else if (r < 70 && lines)
			out[n++] = '\n';
		else if (r < 73 && lines) {
			out[n++] = '\r';
			out[n++] = '\n';
		} else if (r < 80)
			out[n++] = (char)(1 + rand_r(seed) % 31);           /* C0, ESC among them */
		else if (r < 83)
			out[n++] = 0x7F;
		else if (r < 86) {
			out[n++] = (char)0xC2;                              /* C1 */
			out[n++] = (char)(0x80 + rand_r(seed) % 32);
		} else if (r < 93)
			out[n++] = (char)(0x80 + rand_r(seed) % 128);       /* stray byte */
		else if (r < 96 && nul)
			out[n++] = '\0';
		else
			out[n++] = (char)('A' + rand_r(seed) % 26);
	}
	out[n] = '\0';
	return n;
}

/* What a stored text must be, given what was typed (n bytes): a tab a
 * space, CR LF a line break, then whitespace trimmed; NULL when it must be
 * refused: a NUL, invalid UTF-8, a control character (a lone CR too), a
 * line break in a one-line field, longer than limit. */
static char *expected_text(const char *in, size_t n, size_t limit, bool lines)
{
	char *s, *w;
	const char *p;

	if (memchr(in, '\0', n) || n > limit)
		return NULL;
	s = xcalloc(n + 1, 1);
	for (w = s, p = in; p < in + n; p++) {
		if (*p == '\r' && p + 1 < in + n && p[1] == '\n')
			continue;
		*w++ = *p == '\t' ? ' ' : *p;
	}
	if (!utf8_valid(s))
		goto refused;
	for (p = s; *p;) {
		uint32_t cp = utf8_next(&p);
		if ((cp == '\n' && !lines) ||
		    (cp != '\n' && (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))))
			goto refused;
	}
	return str_trim(s);
refused:
	free(s);
	return NULL;
}

START_TEST(random_inputs_never_stored_cut_or_raw)
{
	struct fx f;
	struct fielderr e;
	struct import_result r;
	struct strbuf csv;
	unsigned seed = 20261202;
	char text[2048], *want, *path;
	size_t n, i, rows = 300;
	char **wants;
	int saved = 0, refused = 0;

	fx_open(&f);
	/* the domain (the desk's forms and the command line end here): a
	 * person's notes (lines, 1023 bytes) */
	for (i = 0; i < 400; i++) {
		struct person p, got;
		n = random_text(&seed, text, sizeof(text), sizeof(p.notes) - 1, true, false);
		person_init(&p);
		str_copy(p.first_names, sizeof(p.first_names), "Ala");
		str_copy(p.surname, sizeof(p.surname), "Fuzz");
		if (n >= sizeof(p.notes))
			continue;                  /* the form and copy_opt refuse it before */
		memcpy(p.notes, text, n + 1);
		want = expected_text(text, n, sizeof(p.notes) - 1, true);
		if (person_save(f.db, &f.recep, &p, &e) == CD_OK) {
			ck_assert_msg(want != NULL, "stored raw: %s", text);
			ck_assert_int_eq(person_get(f.db, &f.recep, p.id, &got), CD_OK);
			ck_assert_str_eq(got.notes, want);
			saved++;
		} else {
			ck_assert_msg(want == NULL, "refused %s: %s", want, e.msg);
			refused++;
		}
		free(want);
	}
	ck_assert_int_gt(saved, 20);
	ck_assert_int_gt(refused, 20);

	/* the import: each row's notes random, NUL bytes among them */
	sb_init(&csv);
	sb_add(&csv, "Nazwisko;Imię;Data urodzenia;Uwagi\n");
	wants = xcalloc(rows, sizeof(char *));
	for (i = 0; i < rows; i++) {
		size_t k;
		n = random_text(&seed, text, sizeof(text), 1023, false, true);
		for (k = 0; k < n; k++)
			if (text[k] == ';' || text[k] == '"' || text[k] == '\n' || text[k] == '\r' ||
			    (i % 2 && (unsigned char)text[k] < 0x20 && text[k] != '\t'))
				text[k] = 'x';         /* the structure is not what is fuzzed here; */
						       /* every other row without controls */
		wants[i] = expected_text(text, n, 1023, false);
		sb_addf(&csv, "Importowa;Ala;%04zu-%02zu-01;", 1900 + i % 100, 1 + i / 100);
		sb_addn(&csv, text, n);
		sb_addc(&csv, '\n');
	}
	path = xasprintf("%s/fuzz.csv", tdb_dir());
	ck_assert_int_eq(csv_write_file(path, csv.buf, csv.len, &e), CD_OK);
	ck_assert_int_eq(import_file(f.db, &f.recep, IMPORT_PERSONS, path, CSV_UTF8, false, NULL,
				     &r, &e), CD_OK);
	ck_assert_uint_eq(r.rows, rows);
	saved = refused = 0;
	for (i = 0; i < rows; i++) {
		if (r.row[i].outcome == IMPORT_ADDED) {
			struct person got;
			ck_assert_msg(wants[i] != NULL, "row %zu stored raw", i + 2);
			ck_assert_int_eq(person_get(f.db, &f.recep, r.row[i].id, &got), CD_OK);
			ck_assert_str_eq(got.notes, wants[i]);
			saved++;
		} else if (r.row[i].outcome == IMPORT_REJECTED) {
			ck_assert_msg(wants[i] == NULL, "row %zu refused: %s", i + 2, r.row[i].reason);
			ck_assert(r.row[i].reason[0]);
			refused++;
		}
		free(wants[i]);
	}
	ck_assert_int_gt(saved, 20);
	ck_assert_int_gt(refused, 20);
	free(wants);
	import_result_free(&r);
	sb_release(&csv);
	free(path);
	fx_close(&f);
}
END_TEST

Suite *suite_import(void)
{
	Suite *s = suite_create("import");
	TCase *tc = tcase_create("import");

	tcase_add_test(tc, persons_in_windows_1250);
	tcase_add_test(tc, persons_in_iso_8859_2);
	tcase_add_test(tc, persons_in_utf8_with_bom);
	tcase_add_test(tc, persons_in_utf8_with_commas);
	tcase_add_test(tc, encoding_given_and_header_required);
	tcase_add_test(tc, providers_imported);
	tcase_add_test(tc, export_then_import_gives_the_same_people);
	tcase_add_test(tc, dates_of_other_systems);
	tcase_add_test(tc, import_taken_back_whole);
	tcase_add_test(tc, unreadable_rows_and_unwritable_rejects);
	tcase_add_test(tc, random_inputs_never_stored_cut_or_raw);
	suite_add_tcase(s, tc);
	return s;
}
