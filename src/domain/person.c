/* person.c - residents. */
#include "person.h"
#include "dbint.h"
#include "i18n.h"
#include "text.h"
#include "codes.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

void person_init(struct person *p)
{
	memset(p, 0, sizeof(*p));
}

static void trim_all(struct person *p)
{
	str_squeeze(p->first_names);
	str_squeeze(p->surname);
	str_trim(p->pesel);
	str_trim(p->birth_date);
	str_trim(p->sex);
	str_squeeze(p->street);
	str_trim(p->house_no);
	str_trim(p->flat_no);
	str_trim(p->postcode);
	str_squeeze(p->town);
	str_squeeze(p->gmina);
	str_trim(p->phone);
	str_trim(p->email);
	str_trim(p->notes);
	if (p->sex[0])
		p->sex[0] = (char)toupper((unsigned char)p->sex[0]);
	/* "00950" typed without the dash */
	if (strlen(p->postcode) == 5 && !strchr(p->postcode, '-')) {
		memmove(p->postcode + 3, p->postcode + 2, 4);
		p->postcode[2] = '-';
	}
}

/* A name: letters (any script), spaces, hyphens, apostrophes, dots. */
static bool name_ok(const char *s)
{
	const char *p = s;
	uint32_t cp;

	while ((cp = utf8_next(&p))) {
		if (cp == 0xFFFD || (cp < 0x80 && !isalpha((int)cp) &&
				     !strchr(" -'.", (int)cp)))
			return false;
	}
	return true;
}

int person_validate(struct person *p, const struct date *today,
		    struct fielderr *e)
{
	struct pesel_info pi;
	struct date birth;
	bool have_birth = false;

	fielderr_clear(e);
	{
		/* free text: valid UTF-8, no control characters (name order of the form) */
		const struct { char *s; int field; const char *label; bool multi; } t[] = {
			{p->first_names, PERSON_F_FIRST, _("First name"), false},
			{p->surname, PERSON_F_SURNAME, _("Surname"), false},
			{p->pesel, PERSON_F_PESEL, "PESEL", false},
			{p->birth_date, PERSON_F_BIRTH, _("Birth date"), false},
			{p->sex, PERSON_F_SEX, _("Sex"), false},
			{p->street, PERSON_F_STREET, _("Street"), false},
			{p->house_no, PERSON_F_HOUSE, _("House no."), false},
			{p->flat_no, PERSON_F_FLAT, _("Flat no."), false},
			{p->postcode, PERSON_F_POSTCODE, _("Postcode"), false},
			{p->town, PERSON_F_TOWN, _("Town"), false},
			{p->gmina, PERSON_F_GMINA, _("Gmina"), false},
			{p->phone, PERSON_F_PHONE, _("Phone"), false},
			{p->email, PERSON_F_EMAIL, _("E-mail"), false},
			{p->notes, PERSON_F_NOTES, _("Notes"), true},
		};
		size_t i;
		int rc;
		for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
			if ((rc = text_field_check(t[i].s, t[i].multi, t[i].field, t[i].label, e)))
				return rc;
	}
	trim_all(p);
	if (!p->first_names[0])
		return fielderr_set(e, PERSON_F_FIRST, "%s",
				    _("First name: required"));
	if (!name_ok(p->first_names))
		return fielderr_set(e, PERSON_F_FIRST, "%s",
				    _("First name: use letters, spaces and hyphens only"));
	if (!p->surname[0])
		return fielderr_set(e, PERSON_F_SURNAME, "%s", _("Surname: required"));
	if (!name_ok(p->surname))
		return fielderr_set(e, PERSON_F_SURNAME, "%s",
				    _("Surname: use letters, spaces and hyphens only"));
	if (p->birth_date[0]) {
		if (!date_parse(p->birth_date, &birth))
			return fielderr_set(e, PERSON_F_BIRTH, "%s",
					    _("Birth date: not a valid date "
					      "(use YYYY-MM-DD, e.g. 1956-03-14)"));
		if (date_cmp(&birth, today) > 0)
			return fielderr_set(e, PERSON_F_BIRTH, "%s",
					    _("Birth date: cannot be in the future"));
		if (birth.y < 1900)
			return fielderr_set(e, PERSON_F_BIRTH, "%s",
					    _("Birth date: before 1900, check the year"));
		have_birth = true;
	}
	if (p->sex[0] && code_index(&codes_sex, p->sex) < 0)
		return fielderr_set(e, PERSON_F_SEX, "%s",
				    _("Sex: use K (female) or M (male)"));
	if (p->pesel[0]) {
		enum pesel_status st = pesel_check(p->pesel, &pi);
		char derived[11];
		if (st != PESEL_OK)
			return fielderr_set(e, PERSON_F_PESEL, _("PESEL: %s"),
					    pesel_status_text(st));
		date_format(&pi.birth, derived);
		if (date_cmp(&pi.birth, today) > 0)
			return fielderr_set(e, PERSON_F_PESEL, "%s",
					    _("PESEL: the birth date it encodes is in the future"));
		if (have_birth && date_cmp(&birth, &pi.birth) != 0)
			return fielderr_set(e, PERSON_F_BIRTH,
					    _("Birth date: does not match the PESEL "
					      "(PESEL gives %s)"), derived);
		if (p->sex[0] && p->sex[0] != pi.sex)
			return fielderr_set(e, PERSON_F_SEX,
					    _("Sex: does not match the PESEL (PESEL gives %s)"),
					    pi.sex == 'K' ? _("female") : _("male"));
		if (!have_birth)
			str_copy(p->birth_date, sizeof(p->birth_date), derived);
		if (!p->sex[0]) {
			p->sex[0] = pi.sex;
			p->sex[1] = '\0';
		}
	}
	if (p->postcode[0] && !postcode_valid(p->postcode))
		return fielderr_set(e, PERSON_F_POSTCODE, "%s",
				    _("Postcode: use the form NN-NNN, e.g. 07-431"));
	if (p->phone[0] && !phone_valid(p->phone))
		return fielderr_set(e, PERSON_F_PHONE, "%s",
				    _("Phone: 9 to 15 digits; only + ( ) - and spaces besides"));
	if (p->email[0] && !email_valid(p->email))
		return fielderr_set(e, PERSON_F_EMAIL, "%s",
				    _("E-mail: not a valid address (like name@example.pl)"));
	if (p->legal_rep_id && p->legal_rep_id == p->id)
		return fielderr_set(e, PERSON_F_LEGAL_REP, "%s",
				    _("Legal representative: cannot be the person themself"));
	if (p->carer_id && p->carer_id == p->id)
		return fielderr_set(e, PERSON_F_CARER, "%s",
				    _("Actual carer: cannot be the person themself"));
	return CD_OK;
}

static char *make_dup_key(const struct person *p)
{
	char *s = text_fold(p->surname), *f = text_fold(p->first_names);
	char *k = xasprintf("%s|%s|%s", s, f, p->birth_date);
	free(s);
	free(f);
	return k;
}

char *person_dup_key(const struct person *p)
{
	return make_dup_key(p);
}

static char *make_sort_key(const char *surname, const char *first)
{
	/* \x01 sorts below the space inside a double surname, so "Nowak
	 * Anna" comes before "Nowak-Kowalska Anna" */
	char *s = text_sort_key(surname), *f = text_sort_key(first);
	char *k = xasprintf("%s\x01%s", s, f);
	free(s);
	free(f);
	return k;
}

size_t person_find_duplicates(struct cd_db *db, const struct person *p,
			      int64_t *out, size_t max)
{
	sqlite3_stmt *st;
	char *key;
	size_t n = 0;

	if (!p->birth_date[0])
		return 0;
	key = make_dup_key(p);
	if (db_cached(db, "SELECT id FROM person WHERE dup_key = ?1 AND id != ?2 "
		       "ORDER BY id", &st) == CD_OK) {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, p->id);
		while (n < max && sqlite3_step(st) == SQLITE_ROW)
			out[n++] = sqlite3_column_int64(st, 0);
		db_release(db, st);
	}
	free(key);
	return n;
}

static int add_term(sqlite3_stmt *st, int64_t id, const char *term)
{
	int rc;

	if (!term || !*term)
		return CD_OK;
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, term, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, id);
	rc = sqlite3_step(st);
	return rc == SQLITE_DONE ? CD_OK : CD_EDB;
}

/* Adds the whole folded value and each of its words. */
static int add_terms(sqlite3_stmt *st, int64_t id, const char *value)
{
	char **tok;
	char *whole = text_fold(value);
	size_t n, i;
	int rc = add_term(st, id, whole);

	n = text_tokens(value, &tok, 16);
	/* a one-word value is its own only word: not written twice */
	for (i = 0; i < n && !rc; i++)
		if (strcmp(tok[i], whole))
			rc = add_term(st, id, tok[i]);
	free(whole);
	text_tokens_free(tok);
	return rc;
}

/* The first one and two letters of each term of a person, in alphabetical
 * order, for the broad searches (migration 19). */
static int add_prefixes(struct cd_db *db, int64_t id)
{
	sqlite3_stmt *ins;

	if (db_cached(db, "INSERT OR IGNORE INTO person_prefix(prefix, sort_key, "
		      "person_id) SELECT substr(t.term, 1, n.k), p.sort_key, p.id "
		      "FROM person_term t JOIN person p ON p.id = t.person_id, "
		      "(SELECT 1 AS k UNION ALL SELECT 2) n WHERE t.person_id = ?1", &ins))
		return CD_EDB;
	sqlite3_bind_int64(ins, 1, id);
	return db_cached_done(db, ins);
}

/* The terms of a person just added: from what was written, with nothing to
 * delete first and no case references yet (an import adds thousands). */
static int index_new(struct cd_db *db, const struct person *p)
{
	sqlite3_stmt *ins;
	int rc;

	if (db_cached(db, "INSERT OR IGNORE INTO person_term(term, person_id) "
		      "VALUES (?1, ?2)", &ins))
		return CD_EDB;
	rc = add_terms(ins, p->id, p->surname);
	if (!rc)
		rc = add_terms(ins, p->id, p->first_names);
	if (!rc && p->pesel[0])
		rc = add_term(ins, p->id, p->pesel);
	db_release(db, ins);
	return rc ? rc : add_prefixes(db, p->id);
}

int person_reindex(struct cd_db *db, int64_t id)
{
	sqlite3_stmt *del, *get, *ins, *refs;
	int rc = CD_OK;

	if (db_cached(db, "DELETE FROM person_term WHERE person_id = ?1", &del))
		return CD_EDB;
	sqlite3_bind_int64(del, 1, id);
	if (db_cached_done(db, del))
		return CD_EDB;
	if (db_cached(db, "INSERT OR IGNORE INTO person_term(term, person_id) "
		       "VALUES (?1, ?2)", &ins))
		return CD_EDB;
	if (db_cached(db, "SELECT surname, first_names, pesel FROM person "
		       "WHERE id = ?1", &get)) {
		db_release(db, ins);
		return CD_EDB;
	}
	sqlite3_bind_int64(get, 1, id);
	if (sqlite3_step(get) == SQLITE_ROW) {
		rc = add_terms(ins, id, (const char *)sqlite3_column_text(get, 0));
		if (!rc)
			rc = add_terms(ins, id, (const char *)sqlite3_column_text(get, 1));
		if (!rc && sqlite3_column_type(get, 2) != SQLITE_NULL)
			rc = add_term(ins, id, (const char *)sqlite3_column_text(get, 2));
	}
	db_release(db, get);
	if (!rc && db_cached(db, "SELECT case_ref FROM request WHERE person_id = ?1",
			     &refs) == CD_OK) {
		sqlite3_bind_int64(refs, 1, id);
		while (!rc && sqlite3_step(refs) == SQLITE_ROW) {
			char *f = text_fold((const char *)sqlite3_column_text(refs, 0)), *p;
			rc = add_term(ins, id, f);
			/* and every tail after a separator, so "3.2026" or
			 * "ipus.3.2026" finds CUS.IPUS.3.2026 */
			for (p = f; !rc && *p; p++)
				if ((*p == '.' || *p == '/' || *p == '-') && p[1])
					rc = add_term(ins, id, p + 1);
			free(f);
		}
		db_release(db, refs);
	}
	db_release(db, ins);
	if (!rc && (rc = db_cached(db, "DELETE FROM person_prefix WHERE person_id = ?1", &del)) == CD_OK) {
		sqlite3_bind_int64(del, 1, id);
		rc = db_cached_done(db, del);
	}
	return rc ? rc : add_prefixes(db, id);
}

static int gmina_id_by_name(struct cd_db *db, const char *name, int64_t *id)
{
	sqlite3_stmt *st;
	int rc = CD_ENOTFOUND;
	char *want = text_fold(name);

	*id = 0;
	if (db_cached(db, "SELECT id, name FROM gmina", &st) == CD_OK) {
		while (sqlite3_step(st) == SQLITE_ROW) {
			char *f = text_fold((const char *)sqlite3_column_text(st, 1));
			if (!strcmp(f, want)) {
				*id = sqlite3_column_int64(st, 0);
				rc = CD_OK;
			}
			free(f);
		}
		if (db_release(db, st))
			rc = CD_EDB;
	} else {
		rc = CD_EDB;
	}
	free(want);
	return rc;
}

static bool person_exists(struct cd_db *db, int64_t id)
{
	sqlite3_stmt *st;
	bool found = false;

	if (db_cached(db, "SELECT 1 FROM person WHERE id = ?1", &st) == CD_OK) {
		sqlite3_bind_int64(st, 1, id);
		found = sqlite3_step(st) == SQLITE_ROW;
		db_release(db, st);
	}
	return found;
}

/* The PESEL owner other than p, as "Surname First"; false when none. */
static bool pesel_taken(struct cd_db *db, const struct person *p, char *who,
			size_t size)
{
	sqlite3_stmt *st;
	bool taken = false;

	if (!p->pesel[0])
		return false;
	if (db_cached(db, "SELECT surname || ' ' || first_names FROM person "
		       "WHERE pesel = ?1 AND id != ?2", &st) == CD_OK) {
		sqlite3_bind_text(st, 1, p->pesel, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, p->id);
		if (sqlite3_step(st) == SQLITE_ROW) {
			db_col_copy(st, 0, who, size);
			taken = true;
		}
		db_release(db, st);
	}
	return taken;
}

int person_save(struct cd_db *db, const struct actor *a, struct person *p,
		struct fielderr *e)
{
	struct date today;
	sqlite3_stmt *st;
	int64_t gmina_id = 0;
	char *sort_key = NULL, *dup_key = NULL, who[256];
	bool insert = p->id == 0;
	int rc;

	fielderr_clear(e);
	if ((rc = actor_require(a, PERM_PERSON_WRITE, e)))
		return rc;
	date_today(&today);
	if ((rc = person_validate(p, &today, e)))
		return rc;
	if (p->gmina[0] && (rc = gmina_id_by_name(db, p->gmina, &gmina_id)) == CD_EDB)
		return rc;
	if (p->gmina[0] && rc)
		return fielderr_set(e, PERSON_F_GMINA,
				    _("Gmina: '%s' is not one of the centre's gminas"),
				    p->gmina);
	if (p->legal_rep_id && !person_exists(db, p->legal_rep_id))
		return fielderr_set(e, PERSON_F_LEGAL_REP, "%s",
				    _("Legal representative: no such person"));
	if (p->carer_id && !person_exists(db, p->carer_id))
		return fielderr_set(e, PERSON_F_CARER, "%s",
				    _("Actual carer: no such person"));
	if (pesel_taken(db, p, who, sizeof(who))) {
		fielderr_set(e, PERSON_F_PESEL,
			     _("PESEL: already registered for %s"), who);
		return CD_EEXIST;
	}
	if (!insert && !person_exists(db, p->id))
		return CD_ENOTFOUND;

	sort_key = make_sort_key(p->surname, p->first_names);
	dup_key = make_dup_key(p);
	if ((rc = db_begin(db)))
		goto out;
	rc = db_cached(db, insert ?
		"INSERT INTO person(first_names, surname, pesel, birth_date, sex, "
		"street, house_no, flat_no, postcode, town, gmina_id, phone, email, "
		"notes, legal_representative_id, actual_carer_id, household_id, "
		"sort_key, dup_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
		"?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)" :
		"UPDATE person SET first_names = ?1, surname = ?2, pesel = ?3, "
		"birth_date = ?4, sex = ?5, street = ?6, house_no = ?7, flat_no = ?8, "
		"postcode = ?9, town = ?10, gmina_id = ?11, phone = ?12, email = ?13, "
		"notes = ?14, legal_representative_id = ?15, actual_carer_id = ?16, "
		"sort_key = ?18, dup_key = ?19, updated_at = cd_now(), "
		"row_version = row_version + 1 WHERE id = ?20 AND row_version = ?21 "
		"AND ?17 IS ?17", &st);
	if (rc)
		goto fail;
	sqlite3_bind_text(st, 1, p->first_names, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, p->surname, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 3, p->pesel);
	db_bind_text_or_null(st, 4, p->birth_date);
	db_bind_text_or_null(st, 5, p->sex);
	sqlite3_bind_text(st, 6, p->street, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, p->house_no, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, p->flat_no, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, p->postcode, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, p->town, -1, SQLITE_STATIC);
	db_bind_id_or_null(st, 11, gmina_id);
	sqlite3_bind_text(st, 12, p->phone, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 13, p->email, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 14, p->notes, -1, SQLITE_STATIC);
	db_bind_id_or_null(st, 15, p->legal_rep_id);
	db_bind_id_or_null(st, 16, p->carer_id);
	db_bind_id_or_null(st, 17, p->household_id);
	sqlite3_bind_text(st, 18, sort_key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 19, dup_key, -1, SQLITE_STATIC);
	if (!insert) {
		sqlite3_bind_int64(st, 20, p->id);
		sqlite3_bind_int64(st, 21, p->row_version);
	}
	rc = db_cached_done(db, st);
	/* someone saved the person after this one was read: refused, told */
	if (!rc && !insert && sqlite3_changes(db->h) == 0) {
		rc = CD_ECONFLICT;
		goto fail;
	}
	if (rc == CD_EEXIST) {
		fielderr_set(e, PERSON_F_PESEL, "%s", _("PESEL: already registered"));
		goto fail;
	}
	if (rc)
		goto fail;
	if (insert)
		p->id = sqlite3_last_insert_rowid(db->h);
	if ((rc = insert ? index_new(db, p) : person_reindex(db, p->id)) ||
	    (rc = audit_add(db, a->user_id, insert ? "person.add" : "person.edit",
			    "person", p->id, "")))
		goto fail;
	if ((rc = db_commit(db)))
		goto fail;
	p->row_version = insert ? 1 : p->row_version + 1;
	goto out;
fail:
	db_rollback(db);
	if (insert)
		p->id = 0;
	if (!rc)
		rc = CD_EDB;
out:
	free(sort_key);
	free(dup_key);
	return rc;
}

int person_get(struct cd_db *db, const struct actor *a, int64_t id,
	       struct person *out)
{
	sqlite3_stmt *st;
	int rc = CD_ENOTFOUND;

	if (!actor_can(a, PERM_PERSON_READ))
		return CD_EPERM;
	if (db_prepare(db, "SELECT p.id, first_names, surname, pesel, birth_date, "
		       "sex, street, house_no, flat_no, postcode, town, g.name, phone, "
		       "email, notes, legal_representative_id, actual_carer_id, "
		       "household_id, row_version FROM person p LEFT JOIN gmina g ON "
		       "g.id = p.gmina_id WHERE p.id = ?1", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		person_init(out);
		out->id = sqlite3_column_int64(st, 0);
		db_col_copy(st, 1, out->first_names, sizeof(out->first_names));
		db_col_copy(st, 2, out->surname, sizeof(out->surname));
		db_col_copy(st, 3, out->pesel, sizeof(out->pesel));
		db_col_copy(st, 4, out->birth_date, sizeof(out->birth_date));
		db_col_copy(st, 5, out->sex, sizeof(out->sex));
		db_col_copy(st, 6, out->street, sizeof(out->street));
		db_col_copy(st, 7, out->house_no, sizeof(out->house_no));
		db_col_copy(st, 8, out->flat_no, sizeof(out->flat_no));
		db_col_copy(st, 9, out->postcode, sizeof(out->postcode));
		db_col_copy(st, 10, out->town, sizeof(out->town));
		db_col_copy(st, 11, out->gmina, sizeof(out->gmina));
		db_col_copy(st, 12, out->phone, sizeof(out->phone));
		db_col_copy(st, 13, out->email, sizeof(out->email));
		db_col_copy(st, 14, out->notes, sizeof(out->notes));
		out->legal_rep_id = db_col_id(st, 15);
		out->carer_id = db_col_id(st, 16);
		out->household_id = db_col_id(st, 17);
		out->row_version = sqlite3_column_int64(st, 18);
		rc = CD_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

void person_display_name(struct cd_db *db, int64_t id, char *out, size_t size)
{
	sqlite3_stmt *st;

	out[0] = '\0';
	if (id <= 0 || db_prepare(db, "SELECT surname || ' ' || first_names "
				  "FROM person WHERE id = ?1", &st))
		return;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		db_col_copy(st, 0, out, size);
	sqlite3_finalize(st);
}

static void hit_from_row(sqlite3_stmt *st, struct person_hit *h)
{
	memset(h, 0, sizeof(*h));
	h->id = sqlite3_column_int64(st, 0);
	db_col_copy(st, 1, h->surname, sizeof(h->surname));
	db_col_copy(st, 2, h->first_names, sizeof(h->first_names));
	db_col_copy(st, 3, h->pesel, sizeof(h->pesel));
	db_col_copy(st, 4, h->birth_date, sizeof(h->birth_date));
	db_col_copy(st, 5, h->town, sizeof(h->town));
}

static int collect_hits(sqlite3_stmt *st, size_t max, struct person_hit **out,
			size_t *n)
{
	size_t cap = 32;
	int rc;

	*n = 0;
	*out = xcalloc(cap, sizeof(**out));
	while (*n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap *= 2;
			*out = xrealloc(*out, cap * sizeof(**out));
		}
		hit_from_row(st, &(*out)[(*n)++]);
	}
	sqlite3_finalize(st);
	return CD_OK;
}

/* The smallest string greater than every string that starts with prefix:
 * the prefix with its last byte raised by one (folded terms never end in
 * 0xFF). */
static char *prefix_end(const char *prefix)
{
	char *end = xstrdup(prefix);
	size_t n = strlen(end);

	if (n)
		end[n - 1] = (char)((unsigned char)end[n - 1] + 1);
	return end;
}

#define PERSON_COLS "p.id, p.surname, p.first_names, p.pesel, p.birth_date, p.town"
#define MAX_QUERY_WORDS 4

/* How many terms start with prefix, counting no further than cap. */
static int count_prefix(struct cd_db *db, const char *prefix, const char *end,
			int cap)
{
	sqlite3_stmt *st;
	int n = 0;

	if (db_prepare(db, "SELECT count(*) FROM (SELECT 1 FROM person_term "
		       "WHERE term >= ?1 AND term < ?2 LIMIT ?3)", &st))
		return cap;
	sqlite3_bind_text(st, 1, prefix, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, end, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, cap);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Which way a word is searched.  A word of one or two letters is read
 * from person_prefix: its rows are the answer, already in order.  A longer
 * word that starts m terms: collecting them and sorting costs about m;
 * reading the P persons of its first two letters in order and testing
 * each costs about P * 500 / m (a screen is 500 rows).  Under BROAD_TERMS
 * matches collecting wins; at BROAD_COUNT_CAP or more, walking (P cannot
 * be large enough to lose); between, the walk is taken while P < 4 m,
 * where it tests fewer persons than collecting reads terms.  The counts
 * stop at their caps, so choosing stays cheap. */
#define BROAD_TERMS 2000
#define BROAD_COUNT_CAP 50000

static bool walk_cheaper(struct cd_db *db, const char *word, const char *end, const char *two)
{
	sqlite3_stmt *st;
	long m = count_prefix(db, word, end, BROAD_COUNT_CAP), p = 0;

	if (m < BROAD_TERMS)
		return false;
	if (m >= BROAD_COUNT_CAP)
		return true;
	if (db_cached(db, "SELECT count(*) FROM (SELECT 1 FROM person_prefix WHERE prefix = ?1 "
		      "LIMIT ?2)", &st))
		return false;
	sqlite3_bind_text(st, 1, two, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, 4 * m);
	if (sqlite3_step(st) == SQLITE_ROW)
		p = sqlite3_column_int64(st, 0);
	db_release(db, st);
	return p < 4 * m;
}

int person_search(struct cd_db *db, const struct actor *a, const char *query,
		  size_t max, struct person_hit **out, size_t *n)
{
	char **tok;
	size_t ntok, i;
	sqlite3_stmt *st;
	struct strbuf sql;
	char *ends[MAX_QUERY_WORDS] = {0}, *prefix = NULL;
	bool broad = true;
	int rc;

	*out = NULL;
	*n = 0;
	if (!actor_can(a, PERM_PERSON_READ))
		return CD_EPERM;
	ntok = text_tokens(query, &tok, MAX_QUERY_WORDS);
	for (i = 0; i < ntok; i++) {
		const char *q = tok[i];
		size_t chars = 0;
		while (*q && chars < 2) {
			utf8_next(&q);
			chars++;
		}
		ends[i] = prefix_end(tok[i]);
		/* one narrow word makes the whole query narrow */
		if (*q && broad) {
			char *two = xstrndup(tok[i], (size_t)(q - tok[i]));
			broad = walk_cheaper(db, tok[i], ends[i], two);
			free(two);
		}
	}
	sb_init(&sql);
	if (ntok && broad) {
		/* every word matches many: the persons in alphabetical order
		 * from the first letters of the first word (person_prefix),
		 * each tested for the rest; only placeholders are added to
		 * the text, never the words */
		const char *q = tok[0];
		size_t chars = 0;
		while (*q && chars < 2) {
			utf8_next(&q);
			chars++;
		}
		prefix = xstrndup(tok[0], (size_t)(q - tok[0]));
		sb_add(&sql, "SELECT " PERSON_COLS " FROM person_prefix x JOIN person p ON "
		       "p.id = x.person_id WHERE x.prefix = ?21");
		for (i = *q ? 0 : 1; i < ntok; i++)
			sb_addf(&sql, " AND EXISTS (SELECT 1 FROM person_term t WHERE "
				"t.person_id = p.id AND t.term >= ?%zu AND t.term < ?%zu)",
				2 * i + 1, 2 * i + 2);
		sb_add(&sql, " ORDER BY x.sort_key, x.person_id LIMIT ?20");
	} else if (ntok) {
		sb_add(&sql, "SELECT " PERSON_COLS " FROM person p");
		sb_add(&sql, " WHERE p.id IN (");
		for (i = 0; i < ntok; i++) {
			if (i)
				sb_add(&sql, " INTERSECT ");
			sb_addf(&sql, "SELECT person_id FROM person_term WHERE "
				"term >= ?%zu AND term < ?%zu", 2 * i + 1, 2 * i + 2);
		}
		sb_add(&sql, ")");
		sb_add(&sql, " ORDER BY p.sort_key, p.id LIMIT ?20");
	} else {
		sb_add(&sql, "SELECT " PERSON_COLS " FROM person p ORDER BY p.sort_key, p.id "
		       "LIMIT ?20");
	}
	rc = db_prepare(db, sql.buf, &st);
	sb_release(&sql);
	if (rc)
		goto out;
	for (i = 0; i < ntok; i++) {
		sqlite3_bind_text(st, (int)(2 * i + 1), tok[i], -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, (int)(2 * i + 2), ends[i], -1, SQLITE_TRANSIENT);
	}
	sqlite3_bind_int64(st, 20, (sqlite3_int64)max);
	if (prefix)
		sqlite3_bind_text(st, 21, prefix, -1, SQLITE_TRANSIENT);
	rc = collect_hits(st, max, out, n);
out:
	free(prefix);
	for (i = 0; i < ntok; i++)
		free(ends[i]);
	text_tokens_free(tok);
	return rc;
}

int person_household_join(struct cd_db *db, const struct actor *a,
			  int64_t id, int64_t other, struct fielderr *e)
{
	struct person p, q;
	sqlite3_stmt *st;
	int64_t hh;
	int rc;

	fielderr_clear(e);
	if ((rc = actor_require(a, PERM_PERSON_WRITE, e)))
		return rc;
	if (id == other)
		return fielderr_set(e, -1, "%s",
				    _("Household: a person cannot be added to themself"));
	if (person_get(db, a, id, &p) || person_get(db, a, other, &q))
		return fielderr_set(e, -1, "%s", _("Household: no such person"));
	if ((rc = db_begin(db)))
		return rc;
	hh = p.household_id;
	if (!hh) {
		if (db_prepare(db, "INSERT INTO household(note) VALUES ('')", &st) ||
		    db_step_done(db, st))
			goto fail;
		hh = sqlite3_last_insert_rowid(db->h);
	}
	/* other's whole former household moves along when it had one */
	if (db_prepare(db, "UPDATE person SET household_id = ?1 WHERE id IN (?2, ?3) "
		       "OR (household_id = ?4 AND ?4 IS NOT NULL)", &st))
		goto fail;
	sqlite3_bind_int64(st, 1, hh);
	sqlite3_bind_int64(st, 2, id);
	sqlite3_bind_int64(st, 3, other);
	db_bind_id_or_null(st, 4, q.household_id);
	if (db_step_done(db, st) ||
	    audit_add(db, a->user_id, "household.join", "person", other, "") ||
	    db_commit(db))
		goto fail;
	return CD_OK;
fail:
	db_rollback(db);
	return CD_EDB;
}

int person_household_leave(struct cd_db *db, const struct actor *a, int64_t id)
{
	sqlite3_stmt *st;

	if (!actor_can(a, PERM_PERSON_WRITE))
		return CD_EPERM;
	if (db_prepare(db, "UPDATE person SET household_id = NULL WHERE id = ?1", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, id);
	return db_step_done(db, st);
}

int person_household_members(struct cd_db *db, const struct actor *a,
			     int64_t id, struct person_hit **out, size_t *n)
{
	sqlite3_stmt *st;

	*out = NULL;
	*n = 0;
	if (!actor_can(a, PERM_PERSON_READ))
		return CD_EPERM;
	if (db_prepare(db, "SELECT " PERSON_COLS " FROM person p JOIN person me "
		       "ON me.household_id = p.household_id WHERE me.id = ?1 "
		       "AND p.id != ?1 ORDER BY p.sort_key", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, id);
	return collect_hits(st, 1000, out, n);
}

int gmina_names(struct cd_db *db, char ***out, size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 8;

	*out = NULL;
	*n = 0;
	if (db_prepare(db, "SELECT name FROM gmina ORDER BY name COLLATE PL", &st))
		return CD_EDB;
	*out = xcalloc(cap, sizeof(char *));
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (*n + 1 >= cap) {
			cap *= 2;
			*out = xrealloc(*out, cap * sizeof(char *));
		}
		(*out)[(*n)++] = db_col_dup(st, 0);
	}
	if (db_finish(st)) {
		gmina_names_free(*out, *n);
		*out = NULL;
		*n = 0;
		return CD_EDB;
	}
	return CD_OK;
}

void gmina_names_free(char **names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

int gmina_add(struct cd_db *db, const struct actor *a, const char *name, int64_t *id)
{
	sqlite3_stmt *st;
	struct fielderr e;
	int64_t have;
	int rc;

	if ((rc = actor_require(a, PERM_USER_ADMIN, &e)))
		return rc;
	/* "czarnia" is the Czarnia the centre has */
	if ((rc = gmina_id_by_name(db, name, &have)) != CD_ENOTFOUND)
		return rc == CD_OK ? CD_EEXIST : rc;
	if (db_prepare(db, "INSERT INTO gmina(name) VALUES (?1)", &st))
		return CD_EDB;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	rc = db_step_done(db, st);
	if (!rc && id)
		*id = sqlite3_last_insert_rowid(db->h);
	return rc;
}
