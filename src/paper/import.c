/* import.c - residents and providers from other systems' CSV files. */
#include "import.h"
#include "backup.h"
#include "codes.h"
#include "dbint.h"
#include "i18n.h"
#include "offer.h"
#include "person.h"
#include "text.h"
#include "util.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>

bool import_kind_parse(const char *s, enum import_kind *out)
{
	if (s && !strcmp(s, "persons"))
		*out = IMPORT_PERSONS;
	else if (s && !strcmp(s, "providers"))
		*out = IMPORT_PROVIDERS;
	else
		return false;
	return true;
}

bool import_date(const char *in, char out[11])
{
	struct date d;

	if (!date_parse_pl(in, &d))
		return false;
	date_format(&d, out);
	return true;
}

/* The column a heading stands for: the heading folded (no case, no Polish
 * letters) and stripped of everything but letters and digits. */
struct colname {
	int col;
	const char *names;   /* "|"-separated folded names */
};

enum { PC_SURNAME, PC_FIRST, PC_PESEL, PC_BIRTH, PC_SEX, PC_STREET, PC_HOUSE, PC_FLAT,
       PC_POSTCODE, PC_TOWN, PC_GMINA, PC_PHONE, PC_EMAIL, PC_NOTES, PC__COUNT };
static const struct colname person_cols[] = {
	{PC_SURNAME, "nazwisko|surname|lastname|familyname"},
	{PC_FIRST, "imie|imiona|imieimiona|firstname|firstnames|givenname"},
	{PC_PESEL, "pesel|nrpesel|numerpesel"},
	{PC_BIRTH, "dataurodzenia|dataur|urodzony|urodzona|urodzenie|dateofbirth|birthdate"},
	{PC_SEX, "plec|sex|gender"},
	{PC_STREET, "ulica|ul|street"},
	{PC_HOUSE, "nrdomu|numerdomu|nrbudynku|numerbudynku|dom|house|houseno"},
	{PC_FLAT, "nrlokalu|numerlokalu|nrmieszkania|numermieszkania|lokal|mieszkanie|flat|flatno"},
	{PC_POSTCODE, "kodpocztowy|kodpoczt|kod|postcode|postalcode|zip"},
	{PC_TOWN, "miejscowosc|miasto|wies|town|city|place"},
	{PC_GMINA, "gmina|municipality"},
	{PC_PHONE, "telefon|tel|nrtelefonu|numertelefonu|telefonkontaktowy|phone"},
	{PC_EMAIL, "email|adresemail|mail|poczta|emailaddress"},
	{PC_NOTES, "uwagi|notatki|notes|comments"},
};

enum { VC_NAME, VC_KIND, VC_ADDRESS, VC_CONTACT, VC_PHONE, VC_EMAIL, VC_CONTRACT,
       VC_FROM, VC_TO, VC_POOL, VC__COUNT };
static const struct colname provider_cols[] = {
	{VC_NAME, "nazwa|nazwawykonawcy|wykonawca|realizator|nazwarealizatora|name|provider"},
	{VC_KIND, "rodzaj|typ|formaprawna|kind|type"},
	{VC_ADDRESS, "adres|siedziba|address"},
	{VC_CONTACT, "osobakontaktowa|kontakt|contactperson|contact"},
	{VC_PHONE, "telefon|tel|phone"},
	{VC_EMAIL, "email|adresemail|mail|poczta"},
	{VC_CONTRACT, "nrumowy|numerumowy|umowa|contractno|contract"},
	{VC_FROM, "umowaod|od|contractfrom|from"},
	{VC_TO, "umowado|do|contractto|to"},
	{VC_POOL, "pulagodzin|liczbagodzin|godziny|hourpool|hours"},
};

static char *heading_key(const char *h)
{
	char *f = text_fold(h), *p, *q;

	for (p = q = f; *p; p++)
		if (isalnum((unsigned char)*p))
			*q++ = *p;
	*q = '\0';
	return f;
}

static int column_of(const struct colname *cols, size_t ncols, const char *heading)
{
	char *key = heading_key(heading);
	size_t i;
	int found = -1;

	for (i = 0; i < ncols && found < 0 && key[0]; i++) {
		const char *n = cols[i].names;
		size_t kl = strlen(key);
		while (n && *n) {
			const char *bar = strchr(n, '|');
			size_t l = bar ? (size_t)(bar - n) : strlen(n);
			if (l == kl && !strncmp(n, key, l)) {
				found = cols[i].col;
				break;
			}
			n = bar ? bar + 1 : NULL;
		}
	}
	free(key);
	return found;
}

/* map[col] = the field index in a record, -1 when the file lacks it. */
static void map_header(const struct csv_record *h, const struct colname *cols, size_t ncols,
		       int *map, int nmap, struct import_result *r)
{
	struct strbuf ign;
	size_t i;

	for (i = 0; i < (size_t)nmap; i++)
		map[i] = -1;
	sb_init(&ign);
	for (i = 0; i < h->nfields; i++) {
		int c = column_of(cols, ncols, h->fields[i]);
		if (c >= 0 && map[c] < 0) {
			map[c] = (int)i;
		} else if (h->fields[i][0]) {
			if (ign.len)
				sb_add(&ign, ", ");
			sb_add(&ign, h->fields[i]);
		}
	}
	str_copy(r->ignored, sizeof(r->ignored), ign.buf ? ign.buf : "");
	sb_release(&ign);
}

/* A cell; the apostrophe that neutralised a formula-like cell on export
 * (csv_cell) is dropped. */
static const char *field(const struct csv_record *rec, const int *map, int col)
{
	int i = map[col];
	const char *s = i >= 0 && (size_t)i < rec->nfields ? rec->fields[i] : "";

	if (s[0] == '\'' && s[1] && strchr("=+-@\t\r", s[1]))
		s++;
	return s;
}

static void note(struct import_row *row, enum import_outcome o, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void note(struct import_row *row, enum import_outcome o, const char *fmt, ...)
{
	va_list ap;

	row->outcome = o;
	va_start(ap, fmt);
	vsnprintf(row->reason, sizeof(row->reason), fmt, ap);
	va_end(ap);
}

/* "K"/"M" from the usual spellings; false when not one of them. */
static bool sex_code(const char *in, char out[4])
{
	char *f = text_fold(in);
	bool ok = true;

	if (!f[0])
		out[0] = '\0';
	else if (!strcmp(f, "k") || !strcmp(f, "kobieta") || !strcmp(f, "f") ||
		 !strcmp(f, "female"))
		str_copy(out, 4, "K");
	else if (!strcmp(f, "m") || !strcmp(f, "mezczyzna") || !strcmp(f, "male"))
		str_copy(out, 4, "M");
	else
		ok = false;
	free(f);
	return ok;
}

/* The column names in messages, in PC_ order. */
static const char *const person_col_labels[] = {
	N_("Surname"), N_("First name"), N_("PESEL"), N_("Date of birth"), N_("Sex"),
	N_("Street"), N_("House no."), N_("Flat no."), N_("Postcode"), N_("Town"), N_("Gmina"),
	N_("Phone"), N_("E-mail"), N_("Notes"),
};

/* A cell into a record's member: false, and the row rejected naming the
 * column and the limit, when it does not fit (never cut). */
static bool take_value(char *dst, size_t size, const char *v, const char *label,
		       struct import_row *row)
{
	if (strlen(v) >= size) {
		note(row, IMPORT_REJECTED, _("%s: too long, at most %zu bytes (a Polish letter "
					     "takes 2)"), label, size - 1);
		return false;
	}
	str_copy(dst, size, v);
	return true;
}

static bool take(char *dst, size_t size, const struct csv_record *rec, const int *map, int col,
		 struct import_row *row)
{
	return take_value(dst, size, field(rec, map, col), _(person_col_labels[col]), row);
}

/* What a dry run has "added" so far, by key ("P" PESEL, "D" the duplicate
 * key, "N" a provider's folded name), with the name to show: the dry run
 * takes each step back, so a later row that repeats an earlier one is
 * found here, as the real run finds it in the database. */
struct seen {
	char **key, **name;
	size_t cap, n;
};

static size_t seen_slot(const struct seen *s, const char *key)
{
	size_t h = 5381, i;
	for (i = 0; key[i]; i++)
		h = h * 33 + (unsigned char)key[i];
	h &= s->cap - 1;
	while (s->key[h] && strcmp(s->key[h], key))
		h = (h + 1) & (s->cap - 1);
	return h;
}

static const char *seen_get(const struct seen *s, const char *key)
{
	size_t h;
	if (!s || !s->n)
		return NULL;
	h = seen_slot(s, key);
	return s->key[h] ? s->name[h] : NULL;
}

static void seen_put(struct seen *s, const char *key, const char *name)
{
	size_t h, i;
	if (!s)
		return;
	if (2 * (s->n + 1) > s->cap) {
		struct seen big = {NULL, NULL, s->cap ? s->cap * 2 : 256, 0};
		big.key = xcalloc(big.cap, sizeof(char *));
		big.name = xcalloc(big.cap, sizeof(char *));
		for (i = 0; i < s->cap; i++)
			if (s->key[i]) {
				h = seen_slot(&big, s->key[i]);
				big.key[h] = s->key[i];
				big.name[h] = s->name[i];
				big.n++;
			}
		free(s->key);
		free(s->name);
		*s = big;
	}
	h = seen_slot(s, key);
	if (s->key[h])
		return;
	s->key[h] = xstrdup(key);
	s->name[h] = xstrdup(name);
	s->n++;
}

static void seen_free(struct seen *s)
{
	size_t i;
	for (i = 0; i < s->cap; i++) {
		free(s->key[i]);
		free(s->name[i]);
	}
	free(s->key);
	free(s->name);
}

static void person_row(struct cd_db *db, const struct actor *a, struct seen *dry,
		       const struct csv_record *rec,
		       const int *map, struct import_row *row)
{
	struct person p;
	struct fielderr e;
	struct date today;
	int64_t dup[2];
	sqlite3_stmt *st;
	char birth[11];

	person_init(&p);
	snprintf(row->name, sizeof(row->name), "%s %s", field(rec, map, PC_SURNAME),
		 field(rec, map, PC_FIRST));
	if (!take(p.surname, sizeof(p.surname), rec, map, PC_SURNAME, row) ||
	    !take(p.first_names, sizeof(p.first_names), rec, map, PC_FIRST, row) ||
	    !take(p.pesel, sizeof(p.pesel), rec, map, PC_PESEL, row))
		return;
	str_trim(p.pesel);
	if (field(rec, map, PC_BIRTH)[0]) {
		char tmp[40];
		if (!take(tmp, sizeof(tmp), rec, map, PC_BIRTH, row))
			return;
		str_trim(tmp);
		if (!import_date(tmp, birth))
			return note(row, IMPORT_REJECTED, _("Date of birth: '%s' is not a date "
							    "(YYYY-MM-DD or DD.MM.YYYY)"), tmp);
		str_copy(p.birth_date, sizeof(p.birth_date), birth);
	}
	if (!sex_code(field(rec, map, PC_SEX), p.sex))
		return note(row, IMPORT_REJECTED, _("Sex: '%s' is not K or M"),
			    field(rec, map, PC_SEX));
	if (!take(p.street, sizeof(p.street), rec, map, PC_STREET, row) ||
	    !take(p.house_no, sizeof(p.house_no), rec, map, PC_HOUSE, row) ||
	    !take(p.flat_no, sizeof(p.flat_no), rec, map, PC_FLAT, row) ||
	    !take(p.postcode, sizeof(p.postcode), rec, map, PC_POSTCODE, row) ||
	    !take(p.town, sizeof(p.town), rec, map, PC_TOWN, row) ||
	    !take(p.gmina, sizeof(p.gmina), rec, map, PC_GMINA, row) ||
	    !take(p.phone, sizeof(p.phone), rec, map, PC_PHONE, row) ||
	    !take(p.email, sizeof(p.email), rec, map, PC_EMAIL, row) ||
	    !take(p.notes, sizeof(p.notes), rec, map, PC_NOTES, row))
		return;
	date_today(&today);
	if (person_validate(&p, &today, &e))
		return note(row, IMPORT_REJECTED, "%s", e.msg);
	snprintf(row->name, sizeof(row->name), "%s %s", p.surname, p.first_names);
	if (p.pesel[0] || p.birth_date[0]) {
		/* a dry run: the same person earlier in the file */
		char *dk = person_dup_key(&p), *pk = xasprintf("P%s", p.pesel);
		const char *by_pesel = p.pesel[0] ? seen_get(dry, pk) : NULL;
		const char *by_name = p.birth_date[0] ? seen_get(dry, dk) : NULL;
		if (by_pesel)
			note(row, IMPORT_DUPLICATE, _("the PESEL of %s, already registered"),
			     by_pesel);
		else if (by_name)
			note(row, IMPORT_DUPLICATE, _("%s with the same date of birth is already "
						      "registered"), by_name);
		free(dk);
		free(pk);
		if (by_pesel || by_name)
			return;
	}
	/* the same PESEL, or the same name and date of birth */
	if (p.pesel[0] && db_prepare(db, "SELECT surname || ' ' || first_names FROM person "
				     "WHERE pesel = ?1", &st) == CD_OK) {
		bool found;
		sqlite3_bind_text(st, 1, p.pesel, -1, SQLITE_STATIC);
		found = sqlite3_step(st) == SQLITE_ROW;
		if (found)
			note(row, IMPORT_DUPLICATE, _("the PESEL of %s, already registered"),
			     (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		if (found)
			return;
	}
	if (person_find_duplicates(db, &p, dup, 2) > 0) {
		char who[260];
		person_display_name(db, dup[0], who, sizeof(who));
		return note(row, IMPORT_DUPLICATE, _("%s with the same date of birth is already "
						     "registered"), who);
	}
	if (person_save(db, a, &p, &e))
		return note(row, IMPORT_REJECTED, "%s", e.msg);
	row->outcome = IMPORT_ADDED;
	row->id = p.id;
	if (dry) {
		char *dk = person_dup_key(&p), *pk = xasprintf("P%s", p.pesel);
		if (p.pesel[0])
			seen_put(dry, pk, row->name);
		if (p.birth_date[0])
			seen_put(dry, dk, row->name);
		free(dk);
		free(pk);
	}
}

/* Words other systems use for the kinds of art. 7 ust. 2 (folded). */
static const struct {
	const char *word, *code;
} kind_words[] = {
	{"urzad gminy", "gmina_office"}, {"urzad miasta", "gmina_office"},
	{"jednostka organizacyjna", "gmina_unit"}, {"jednostka gminy", "gmina_unit"},
	{"pozarzadow", "ngo"}, {"pozytku publicznego", "ngo"}, {"fundacja", "ngo"},
	{"stowarzyszenie", "ngo"}, {"zamowieni", "procurement"}, {"leczniczy", "health"},
	{"zoz", "health"},
};

static void provider_row(struct cd_db *db, const struct actor *a, struct seen *dry,
			 const struct csv_record *rec, const int *map, struct import_row *row)
{
	struct provider p;
	struct fielderr e;
	sqlite3_stmt *st;
	const char *kind = field(rec, map, VC_KIND);
	char d[11], *want;
	bool known = false;
	size_t i;

	provider_init(&p);
	str_copy(row->name, sizeof(row->name), field(rec, map, VC_NAME));
	if (!take_value(p.name, sizeof(p.name), field(rec, map, VC_NAME), _("Name"), row))
		return;
	str_trim(p.name);
	str_copy(row->name, sizeof(row->name), p.name);
	/* the kind: its code or its label (art. 7 ust. 2) */
	want = text_fold(kind);
	for (i = 0; i < ARRAY_SIZE(kind_words) && !known && want[0]; i++)
		if (strstr(want, kind_words[i].word)) {
			str_copy(p.kind, sizeof(p.kind), kind_words[i].code);
			known = true;
		}
	for (i = 0; i < codes_provider_kind.count && !known; i++) {
		char *l = text_fold(_(codes_provider_kind.items[i].label));
		if (!strcmp(want, codes_provider_kind.items[i].code) || !strcmp(want, l)) {
			str_copy(p.kind, sizeof(p.kind), codes_provider_kind.items[i].code);
			known = true;
		}
		free(l);
	}
	free(want);
	if (kind[0] && !known)
		return note(row, IMPORT_REJECTED, _("Kind: '%s' is not one of the kinds of art. 7 "
						    "ust. 2"), kind);
	if (!take_value(p.address, sizeof(p.address), field(rec, map, VC_ADDRESS), _("Address"),
			row) ||
	    !take_value(p.contact_person, sizeof(p.contact_person), field(rec, map, VC_CONTACT),
			_("Contact person"), row) ||
	    !take_value(p.phone, sizeof(p.phone), field(rec, map, VC_PHONE), _("Phone"), row) ||
	    !take_value(p.email, sizeof(p.email), field(rec, map, VC_EMAIL), _("E-mail"), row) ||
	    !take_value(p.contract_no, sizeof(p.contract_no), field(rec, map, VC_CONTRACT),
			_("Contract no."), row))
		return;
	if (field(rec, map, VC_FROM)[0]) {
		if (!import_date(field(rec, map, VC_FROM), d))
			return note(row, IMPORT_REJECTED, _("Contract from: '%s' is not a date"),
				    field(rec, map, VC_FROM));
		str_copy(p.contract_from, sizeof(p.contract_from), d);
	}
	if (field(rec, map, VC_TO)[0]) {
		if (!import_date(field(rec, map, VC_TO), d))
			return note(row, IMPORT_REJECTED, _("Contract to: '%s' is not a date"),
				    field(rec, map, VC_TO));
		str_copy(p.contract_to, sizeof(p.contract_to), d);
	}
	if (field(rec, map, VC_POOL)[0]) {
		char tmp[32], *end;
		str_copy(tmp, sizeof(tmp), field(rec, map, VC_POOL));
		if (strchr(tmp, ','))
			*strchr(tmp, ',') = '.';
		p.hour_pool = strtod(tmp, &end);
		if (*end || p.hour_pool < 0)
			return note(row, IMPORT_REJECTED, _("Hour pool: '%s' is not a number"),
				    field(rec, map, VC_POOL));
	}
	if (p.name[0] && db_prepare(db, "SELECT name FROM provider", &st) == CD_OK) {
		char *f = text_fold(p.name), *nk = xasprintf("N%s", f);
		bool found = seen_get(dry, nk) != NULL;
		free(nk);
		while (!found && sqlite3_step(st) == SQLITE_ROW) {
			char *g = text_fold((const char *)sqlite3_column_text(st, 0));
			found = !strcmp(f, g);
			free(g);
		}
		sqlite3_finalize(st);
		free(f);
		if (found)
			return note(row, IMPORT_DUPLICATE, "%s", _("a provider of this name is "
								   "already registered"));
	}
	if (provider_save(db, a, &p, &e))
		return note(row, IMPORT_REJECTED, "%s", e.msg);
	row->outcome = IMPORT_ADDED;
	row->id = p.id;
	if (dry) {
		char *f = text_fold(p.name), *nk = xasprintf("N%s", f);
		seen_put(dry, nk, p.name);
		free(nk);
		free(f);
	}
}

static void rejects_path_of(const char *path, struct import_result *r)
{
	snprintf(r->rejects_path, sizeof(r->rejects_path), "%s.%s.csv", path, _("rejected"));
}

/* Before anything is added: the file of rejected rows can be made (made
 * empty now, removed at the end when no row is rejected). */
static int rejects_writable(const char *path, struct import_result *r, struct fielderr *e)
{
	FILE *out;

	rejects_path_of(path, r);
	if (!(out = fopen_private(r->rejects_path)) || fclose(out) != 0)
		return fielderr_set(e, -1, _("%s: cannot write the file of rejected rows; "
					     "nothing was added"), r->rejects_path), CD_EIO;
	return CD_OK;
}

/* The rejected rows next to the input: "<input>.<rejected>.csv", in the
 * input's encoding and separator, the rows as they were plus the reason. */
static int write_rejects(const char *path, const struct csv_file *f, struct import_result *r,
			 struct fielderr *e)
{
	char *reason = NULL, *enc_reason;
	size_t i, len;
	FILE *out;
	int rc = CD_OK;

	rejects_path_of(path, r);
	out = fopen_private(r->rejects_path);
	if (!out)
		return fielderr_set(e, -1, _("%s: cannot write the file"), r->rejects_path);
	for (i = 0; i <= r->rows; i++) {
		const char *raw = f->records[i].raw;
		struct strbuf line;
		enum csv_encoding enc = f->encoding;
		if (i > 0 && r->row[i - 1].outcome != IMPORT_REJECTED)
			continue;
		sb_init(&line);
		csv_cell(&line, i == 0 ? _("Reason") : r->row[i - 1].reason, true);
		/* the reason in the file's own encoding */
		free(reason);
		reason = xstrdup(line.buf);
		sb_release(&line);
		if (enc == CSV_UTF8) {
			enc_reason = xstrdup(reason);
			len = strlen(enc_reason);
		} else if (csv_encode(reason, enc, &enc_reason, &len, e)) {
			enc_reason = xstrdup("?");
			len = 1;
		}
		fwrite(raw, 1, strlen(raw), out);
		fputc(f->sep, out);
		fwrite(enc_reason, 1, len, out);
		fputs("\r\n", out);
		free(enc_reason);
	}
	free(reason);
	if (fclose(out) != 0)
		rc = fielderr_set(e, -1, _("%s: cannot write the file"), r->rejects_path);
	return rc;
}

/* ---- runs: an import written in steps, taken back whole ---- */

static int run_begin(struct cd_db *db, const struct actor *a, enum import_kind k,
		     const char *path, int64_t *run)
{
	sqlite3_stmt *st;
	char host[64];
	int rc;

	host_name(host, sizeof(host));
	if (db_prepare(db, "INSERT INTO import_run(kind, file, user_id, host, pid) VALUES "
		       "(?1, ?2, ?3, ?4, ?5)", &st))
		return CD_EDB;
	sqlite3_bind_text(st, 1, k == IMPORT_PERSONS ? "persons" : "providers", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, path, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, a->user_id);
	sqlite3_bind_text(st, 4, host, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)getpid());
	if ((rc = db_step_done(db, st)))
		return rc;
	*run = sqlite3_last_insert_rowid(db->h);
	return CD_OK;
}

static int run_state(struct cd_db *db, int64_t run, const char *state)
{
	sqlite3_stmt *st;

	if (db_prepare(db, "UPDATE import_run SET state = ?2 WHERE id = ?1", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, run);
	sqlite3_bind_text(st, 2, state, -1, SQLITE_STATIC);
	return db_step_done(db, st);
}

/* Deletes what run added, in steps (a person a desk already filed a
 * request for stays: someone works with them now). */
#define PERSON_UNUSED "NOT EXISTS (SELECT 1 FROM request r WHERE r.person_id = person.id OR " \
	"r.filer_person_id = person.id) AND NOT EXISTS (SELECT 1 FROM plan WHERE plan.person_id " \
	"= person.id) AND NOT EXISTS (SELECT 1 FROM group_member m WHERE m.person_id = " \
	"person.id) AND NOT EXISTS (SELECT 1 FROM consent c WHERE c.person_id = person.id)"
static const char *const undo_steps[] = {
	"DELETE FROM person_prefix WHERE person_id IN (SELECT id FROM person WHERE import_id = ?1 "
	"AND " PERSON_UNUSED " LIMIT 500)",
	"DELETE FROM person_term WHERE person_id IN (SELECT id FROM person WHERE import_id = ?1 "
	"AND " PERSON_UNUSED " LIMIT 500)",
	"DELETE FROM person WHERE id IN (SELECT id FROM person WHERE import_id = ?1 AND "
	PERSON_UNUSED " LIMIT 500)",
	"DELETE FROM provider WHERE id IN (SELECT id FROM provider WHERE import_id = ?1 AND NOT "
	"EXISTS (SELECT 1 FROM provider_service s WHERE s.provider_id = provider.id) AND NOT "
	"EXISTS (SELECT 1 FROM plan_item i WHERE i.provider_id = provider.id) LIMIT 500)",
};

static int run_undo(struct cd_db *db, int64_t run)
{
	size_t k;
	int rc = CD_OK;

	for (k = 0; k < ARRAY_SIZE(undo_steps) && !rc; k++) {
		int changed;
		do {
			sqlite3_stmt *st;
			if ((rc = db_begin(db)))
				return rc;
			if (db_prepare(db, undo_steps[k], &st)) {
				db_rollback(db);
				return CD_EDB;
			}
			sqlite3_bind_int64(st, 1, run);
			rc = db_step_done(db, st);
			changed = sqlite3_changes(db->h);
			if (rc || (rc = db_commit(db))) {
				db_rollback(db);
				return rc;
			}
			db_job_pause(db, JOB_YIELD_MS);
		} while (changed > 0);
	}
	if ((rc = db_begin(db)))
		return rc;
	if ((rc = run_state(db, run, "undone")) ||
	    (rc = audit_add(db, 0, "import.undone", "import_run", run, "")) ||
	    (rc = db_commit(db)))
		db_rollback(db);
	return rc;
}

int import_recover(struct cd_db *db, size_t *undone)
{
	sqlite3_stmt *st;
	char host[64];
	int64_t runs[64];
	size_t n = 0, i;
	int rc = CD_OK;

	*undone = 0;
	host_name(host, sizeof(host));
	if (db_prepare(db, "SELECT id, host, pid FROM import_run WHERE state = 'running'", &st))
		return CD_EDB;
	while (n < ARRAY_SIZE(runs) && sqlite3_step(st) == SQLITE_ROW) {
		const char *h = (const char *)sqlite3_column_text(st, 1);
		long pid = (long)sqlite3_column_int64(st, 2);
		/* a run of this machine whose process is gone */
		if (h && !strcmp(h, host) && !process_alive(pid))
			runs[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	for (i = 0; i < n && !rc; i++)
		if (!(rc = run_undo(db, runs[i])))
			++*undone;
	return rc;
}

/* The rows of f, in steps of about JOB_STEP_MS (one transaction a step);
 * each row added is marked with run (0: none).  A dry run (dry not NULL)
 * takes every step back instead of committing it. */
static int import_rows(struct cd_db *db, const struct actor *a, enum import_kind k,
		       const struct csv_file *f, const int *map, int64_t run, const struct job *job,
		       struct import_result *r, struct seen *dry)
{
	size_t i = 1;
	int rc = CD_OK;

	while (i < f->n && !rc) {
		long long t0;
		if (job_stopped(job)) {
			r->interrupted = true;
			return CD_OK;
		}
		if ((rc = db_begin(db)))
			return rc;
		t0 = job_clock_ms();  /* the write lock is held from here */
		for (; i < f->n && !rc && job_clock_ms() - t0 < JOB_STEP_MS; i++) {
			struct import_row *row = &r->row[i - 1];
			row->line = f->records[i].line;
			if (f->records[i].problem) {
				/* cannot be read as a row: rejected whole, with why */
				str_copy(row->name, sizeof(row->name), "?");
				note(row, IMPORT_REJECTED, "%s", _(f->records[i].problem));
			} else if (f->records[i].undecodable) {
				/* what could be read of the name, "?" for the rest */
				const char *s1 = field(&f->records[i], map,
						       k == IMPORT_PERSONS ? PC_SURNAME : VC_NAME);
				const char *s2 = k == IMPORT_PERSONS ?
						 field(&f->records[i], map, PC_FIRST) : "";
				snprintf(row->name, sizeof(row->name), "%s%s%s", s1[0] ? s1 : "?",
					 k == IMPORT_PERSONS ? " " : "",
					 k == IMPORT_PERSONS ? (s2[0] ? s2 : "?") : "");
				note(row, IMPORT_REJECTED,
				     _("the row has bytes that are not text in %s"),
				     csv_encoding_name(f->encoding));
			} else if (k == IMPORT_PERSONS) {
				person_row(db, a, dry, &f->records[i], map, row);
			} else {
				provider_row(db, a, dry, &f->records[i], map, row);
			}
			if (row->outcome == IMPORT_ADDED && run) {
				sqlite3_stmt *st;
				if (db_prepare(db, k == IMPORT_PERSONS ?
					       "UPDATE person SET import_id = ?1 WHERE id = ?2" :
					       "UPDATE provider SET import_id = ?1 WHERE id = ?2", &st)) {
					rc = CD_EDB;
					break;
				}
				sqlite3_bind_int64(st, 1, run);
				sqlite3_bind_int64(st, 2, row->id);
				rc = db_step_done(db, st);
			}
			r->added += row->outcome == IMPORT_ADDED;
			r->duplicates += row->outcome == IMPORT_DUPLICATE;
			r->rejected += row->outcome == IMPORT_REJECTED;
		}
		if (dry) {
			db_rollback(db);
			if (rc)
				return rc;
		} else if (rc || (rc = db_commit(db))) {
			db_rollback(db);
			return rc;
		}
		t0 = job_clock_ms() - t0;
		job_step_took(job, t0);
		job_report(job, i - 1, f->n - 1);
		if (run || dry)
			db_job_pause(db, job_yield_ms(t0));
	}
	return rc;
}

/* The dry run on the live database, in the same short steps as the real
 * run, each taken back (so no desk waits longer than for a real import's
 * step, and nothing of it stays); duplicates within the file are found
 * through what the earlier steps would have added. */
static int dry_run_rows(struct cd_db *db, const struct actor *a, enum import_kind k,
			const struct csv_file *f, const int *map, const struct job *job,
			struct import_result *r, struct fielderr *e)
{
	struct seen dry = {NULL, NULL, 0, 0};
	size_t i;
	int rc;

	/* a job like the real run: it takes turns with the other jobs */
	db_bulk(db, true);
	rc = import_rows(db, a, k, f, map, 0, job, r, &dry);
	db_bulk(db, false);

	seen_free(&dry);
	/* nothing was added: the rows are what a real run would add */
	for (i = 0; i < r->rows; i++)
		r->row[i].id = 0;
	if (rc)
		fielderr_set(e, -1, "%s", cd_status_text(rc));
	return rc;
}

int import_file(struct cd_db *db, const struct actor *a, enum import_kind k, const char *path,
		enum csv_encoding enc, bool dry_run, const struct job *job, struct import_result *r,
		struct fielderr *e)
{
	struct csv_file f;
	char *bytes;
	size_t len, undone;
	int64_t run = 0;
	int map[16];
	int rc;

	memset(r, 0, sizeof(*r));
	fielderr_clear(e);
	if (a->user_id != 0 &&
	    (rc = actor_require(a, k == IMPORT_PERSONS ? PERM_PERSON_WRITE : PERM_OFFER_EDIT, e)))
		return rc;
	if ((rc = csv_read_file(path, &bytes, &len, e)))
		return rc;
	rc = csv_parse(bytes, len, enc, &f, e);
	free(bytes);
	if (rc)
		return rc;
	r->encoding = f.encoding;
	r->sep = f.sep;
	if (k == IMPORT_PERSONS)
		map_header(&f.records[0], person_cols, ARRAY_SIZE(person_cols), map, PC__COUNT, r);
	else
		map_header(&f.records[0], provider_cols, ARRAY_SIZE(provider_cols), map,
			   VC__COUNT, r);
	if (f.records[0].undecodable) {
		csv_file_free(&f);
		return fielderr_set(e, -1, _("File: the first row is not text in %s; try another "
					     "encoding"), csv_encoding_name(r->encoding));
	}
	if (k == IMPORT_PERSONS && (map[PC_SURNAME] < 0 || map[PC_FIRST] < 0)) {
		csv_file_free(&f);
		return fielderr_set(e, -1, "%s", _("File: the first row must name the columns; "
						   "Nazwisko and Imię are needed"));
	}
	if (k == IMPORT_PROVIDERS && map[VC_NAME] < 0) {
		csv_file_free(&f);
		return fielderr_set(e, -1, "%s", _("File: the first row must name the columns; "
						   "Nazwa is needed"));
	}
	r->rows = f.n - 1;
	r->row = xcalloc(r->rows + 1, sizeof(*r->row));
	if (dry_run) {
		rc = dry_run_rows(db, a, k, &f, map, job, r, e);
		csv_file_free(&f);
		return rc;
	}
	if ((rc = rejects_writable(path, r, e))) {
		csv_file_free(&f);
		return rc;
	}
	/* an earlier run cut short by a dead process goes first */
	if ((rc = import_recover(db, &undone)) ||
	    (rc = db_begin(db)) ||
	    (rc = run_begin(db, a, k, path, &run)) || (rc = db_commit(db))) {
		db_rollback(db);
		unlink(r->rejects_path);
		r->rejects_path[0] = '\0';
		csv_file_free(&f);
		return fielderr_set(e, -1, "%s", _("the database refused the import; nothing was "
						   "added")), rc == CD_EBUSY ? rc : CD_EDB;
	}
	db_bulk(db, true);
	rc = import_rows(db, a, k, &f, map, run, job, r, NULL);
	db_bulk(db, false);
	if (!rc && !r->interrupted) {
		char detail[80];
		snprintf(detail, sizeof(detail), "%zu added", r->added);
		if (!(rc = db_begin(db)) &&
		    ((rc = run_state(db, run, "done")) ||
		     (rc = audit_add(db, a->user_id, "import", k == IMPORT_PERSONS ? "persons" :
				     "providers", run, detail)) ||
		     (rc = db_commit(db))))
			db_rollback(db);
	}
	if (rc || r->interrupted) {
		/* taken back whole: the user sees nothing of it */
		run_undo(db, run);
		r->added = 0;
		unlink(r->rejects_path);
		r->rejects_path[0] = '\0';
		csv_file_free(&f);
		if (r->interrupted)
			return CD_OK;
		return fielderr_set(e, -1, "%s", _("the database refused the import; nothing was "
						   "added")), rc == CD_EBUSY ? rc : CD_EDB;
	}
	if (r->rejected && (rc = write_rejects(path, &f, r, e))) {
		csv_file_free(&f);
		return rc;
	}
	if (!r->rejected) {
		unlink(r->rejects_path);
		r->rejects_path[0] = '\0';
	}
	csv_file_free(&f);
	return CD_OK;
}

void import_result_free(struct import_result *r)
{
	free(r->row);
	r->row = NULL;
}
