/* offer.c - the organiser's offer: programmes, services, providers, places. */
#include "offer.h"
#include "plan.h"
#include "person.h"
#include "text.h"
#include "codes.h"
#include "dbint.h"
#include "i18n.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int may_edit(const struct actor *a, struct fielderr *e)
{
	if (a->user_id == 0 || actor_can(a, PERM_OFFER_EDIT))
		return CD_OK;
	fielderr_set(e, -1, "%s", _("only the services organiser changes the offer"));
	return CD_EPERM;
}

/* A date field: empty allowed when optional; otherwise a real date. */
static int check_date(const char *s, bool optional, int field, const char *label,
		      struct date *out, struct fielderr *e)
{
	if (!s[0] && optional)
		return CD_OK;
	if (!s[0])
		return fielderr_set(e, field, _("%s: required"), label);
	if (!date_parse(s, out))
		return fielderr_set(e, field, _("%s: not a valid date (use YYYY-MM-DD)"), label);
	return CD_OK;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	sqlite3_bind_text(st, i, s ? s : "", -1, SQLITE_TRANSIENT);
}

static void bind_positive(sqlite3_stmt *st, int i, double v)
{
	if (v >= 0)
		sqlite3_bind_double(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

/* Runs an INSERT (id 0) or UPDATE, sets *id to the new row. */
static bool row_exists(struct cd_db *db, const char *sql, int64_t a1, int64_t a2);

/* Steps an insert or a versioned update.  An update that changed no row
 * met a newer version (CD_ECONFLICT) or a row that is gone: exists_sql
 * (a literal, the id bound as ?1) tells which. */
static int save_row(struct cd_db *db, sqlite3_stmt *st, int64_t *id, int64_t *row_version,
		    const char *exists_sql)
{
	bool insert = *id == 0;

	if (db_step_done(db, st))
		return CD_EDB;
	if (insert) {
		*id = sqlite3_last_insert_rowid(db->h);
		*row_version = 1;
	} else if (!sqlite3_changes(db->h)) {
		return row_exists(db, exists_sql, *id, 0) ? CD_ECONFLICT : CD_ENOTFOUND;
	} else {
		(*row_version)++;
	}
	return CD_OK;
}

/* A list of rows read by fn (for everyone who may read the offer). */
static int read_list(struct cd_db *db, const struct actor *a, const char *sql, size_t size,
		     void (*fn)(sqlite3_stmt *, void *), void **out, size_t *n)
{
	sqlite3_stmt *st;

	*out = NULL;
	*n = 0;
	if (!actor_can(a, PERM_OFFER_READ))
		return CD_EPERM;
	if (db_prepare(db, sql, &st))
		return CD_EDB;
	return db_collect(st, size, fn, out, n);
}

/* The row of id, read by fn. */
static int read_one(struct cd_db *db, const struct actor *a, const char *sql, int64_t id,
		    void (*fn)(sqlite3_stmt *, void *), void *out)
{
	sqlite3_stmt *st;
	int rc = CD_ENOTFOUND;

	if (!actor_can(a, PERM_OFFER_READ))
		return CD_EPERM;
	if (db_prepare(db, sql, &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		fn(st, out);
		rc = CD_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

/* ---- programmes ---- */

void programme_init(struct programme *p)
{
	memset(p, 0, sizeof(*p));
	str_copy(p->status, sizeof(p->status), "active");
}

#define PROG_COLS "id, name, resolution_no, COALESCE(resolution_date, ''), valid_from, " \
	"COALESCE(valid_to, ''), target_group, COALESCE(expected_persons, 0), qualification, " \
	"fees, status, (SELECT group_concat(name, ', ') FROM (SELECT g.name FROM programme_gmina pg " \
	"JOIN gmina g ON g.id = pg.gmina_id WHERE pg.programme_id = programme.id " \
	"ORDER BY g.name COLLATE PL)), row_version"

static void programme_row(sqlite3_stmt *st, void *row)
{
	struct programme *p = row;

	programme_init(p);
	p->id = sqlite3_column_int64(st, 0);
	db_col_copy(st, 1, p->name, sizeof(p->name));
	db_col_copy(st, 2, p->resolution_no, sizeof(p->resolution_no));
	db_col_copy(st, 3, p->resolution_date, sizeof(p->resolution_date));
	db_col_copy(st, 4, p->valid_from, sizeof(p->valid_from));
	db_col_copy(st, 5, p->valid_to, sizeof(p->valid_to));
	db_col_copy(st, 6, p->target_group, sizeof(p->target_group));
	p->expected_persons = sqlite3_column_int(st, 7);
	db_col_copy(st, 8, p->qualification, sizeof(p->qualification));
	db_col_copy(st, 9, p->fees, sizeof(p->fees));
	db_col_copy(st, 10, p->status, sizeof(p->status));
	db_col_copy(st, 11, p->gminas, sizeof(p->gminas));
	p->row_version = sqlite3_column_int64(st, 12);
}

/* Resolves "A, B" to the ids of the centre's gminas (letter case and
 * Polish letters folded); rewrites the list with the names as stored. */
static int programme_gminas(struct cd_db *db, char *list, size_t size, int64_t **ids,
			    size_t *nids, struct fielderr *e)
{
	char **names = NULL, *copy = xstrdup(list), *tok, *save = NULL;
	size_t nn = 0, i;
	struct strbuf sb;
	int rc = CD_OK;

	*ids = NULL;
	*nids = 0;
	sb_init(&sb);
	if (gmina_names(db, &names, &nn)) {
		free(copy);
		return CD_EDB;
	}
	for (tok = strtok_r(copy, ",;", &save); tok; tok = strtok_r(NULL, ",;", &save)) {
		char *f = text_fold(str_trim(tok));
		size_t k;
		bool found = false;
		if (!tok[0]) {
			free(f);
			continue;
		}
		for (i = 0; i < nn && !found; i++) {
			char *g = text_fold(names[i]);
			found = !strcmp(f, g);
			free(g);
		}
		free(f);
		if (!found) {
			rc = fielderr_set(e, OF_PROG_GMINAS, _("Gminas: \"%s\" is not one of the "
							       "centre's gminas (see the settings)"), tok);
			break;
		}
		i--;
		for (k = 0; k < *nids; k++)
			if ((*ids)[k] == (int64_t)i)
				break;
		if (k < *nids)
			continue;
		*ids = xrealloc(*ids, (*nids + 1) * sizeof(**ids));
		(*ids)[(*nids)++] = (int64_t)i;    /* an index for now */
		if (sb.len)
			sb_add(&sb, ", ");
		sb_add(&sb, names[i]);
	}
	free(copy);
	if (!rc) {
		/* indexes to ids */
		for (i = 0; i < *nids; i++) {
			sqlite3_stmt *st;
			size_t idx = (size_t)(*ids)[i];
			(*ids)[i] = 0;
			if (db_prepare(db, "SELECT id FROM gmina WHERE name = ?1", &st)) {
				rc = CD_EDB;
				break;
			}
			sqlite3_bind_text(st, 1, names[idx], -1, SQLITE_STATIC);
			if (sqlite3_step(st) == SQLITE_ROW)
				(*ids)[i] = sqlite3_column_int64(st, 0);
			sqlite3_finalize(st);
		}
		str_copy(list, size, sb.buf ? sb.buf : "");
	}
	sb_release(&sb);
	gmina_names_free(names, nn);
	if (rc) {
		free(*ids);
		*ids = NULL;
		*nids = 0;
	}
	return rc;
}

int programme_list(struct cd_db *db, const struct actor *a, struct programme **out,
		   size_t *n)
{
	return read_list(db, a, "SELECT " PROG_COLS " FROM programme "
			 "ORDER BY status = 'archived', name COLLATE PL", sizeof(**out),
			 programme_row, (void **)out, n);
}

int programme_get(struct cd_db *db, const struct actor *a, int64_t id, struct programme *out)
{
	return read_one(db, a, "SELECT " PROG_COLS " FROM programme WHERE id = ?1", id,
			programme_row, out);
}

static int programme_validate(struct programme *p, struct fielderr *e)
{
	struct date from, to, res, today;
	int rc;

	if (text_field_check(p->name, false, OF_PROG_NAME, _("Name"), e) ||
	    text_field_check(p->resolution_no, false, OF_PROG_RESOLUTION_NO, _("Resolution no."), e) ||
	    text_field_check(p->target_group, true, OF_PROG_TARGET, _("Target group"), e))
		return CD_EINVAL;
	str_trim(p->name);
	str_trim(p->resolution_no);
	str_trim(p->resolution_date);
	str_trim(p->valid_from);
	str_trim(p->valid_to);
	str_trim(p->target_group);
	if (!p->name[0])
		return fielderr_set(e, OF_PROG_NAME, "%s", _("Name: required"));
	date_today(&today);
	if ((rc = check_date(p->resolution_date, true, OF_PROG_RESOLUTION_DATE,
			     _("Resolution date"), &res, e)))
		return rc;
	if (p->resolution_date[0] && date_cmp(&res, &today) > 0)
		return fielderr_set(e, OF_PROG_RESOLUTION_DATE, "%s",
				    _("Resolution date: cannot be in the future"));
	if ((rc = check_date(p->valid_from, false, OF_PROG_FROM, _("Valid from"), &from, e)) ||
	    (rc = check_date(p->valid_to, true, OF_PROG_TO, _("Valid to"), &to, e)))
		return rc;
	if (p->valid_to[0] && date_cmp(&to, &from) < 0)
		return fielderr_set(e, OF_PROG_TO, "%s",
				    _("Valid to: not before the start of the programme"));
	if (p->expected_persons < 0 || p->expected_persons > 1000000)
		return fielderr_set(e, OF_PROG_EXPECTED, "%s",
				    _("Expected persons: a number, 0 or more"));
	if (strcmp(p->status, "active") && strcmp(p->status, "archived"))
		return fielderr_set(e, OF_PROG_STATUS, "%s", _("Status: active or archived"));
	return CD_OK;
}

int programme_save(struct cd_db *db, const struct actor *a, struct programme *p,
		   struct fielderr *e)
{
	sqlite3_stmt *st;
	int64_t *gids = NULL, id = p->id;
	size_t ng = 0, i;
	int rc;

	fielderr_clear(e);
	if ((rc = may_edit(a, e)) || (rc = programme_validate(p, e)) ||
	    (rc = programme_gminas(db, p->gminas, sizeof(p->gminas), &gids, &ng, e)))
		return rc;
	if ((rc = db_begin(db))) {
		free(gids);
		return rc;
	}
	if (db_prepare(db, id ?
		       "UPDATE programme SET name = ?2, resolution_no = ?3, resolution_date = ?4, "
		       "valid_from = ?5, valid_to = ?6, target_group = ?7, expected_persons = ?8, "
		       "qualification = ?9, fees = ?10, status = ?11, row_version = row_version + 1 "
		       "WHERE id = ?1 AND row_version = ?12" :
		       "INSERT INTO programme(name, resolution_no, resolution_date, valid_from, "
		       "valid_to, target_group, expected_persons, qualification, fees, status) "
		       "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", &st))
		return CD_EDB;
	if (id)
		sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, p->name);
	bind_text(st, 3, p->resolution_no);
	db_bind_text_or_null(st, 4, p->resolution_date);
	bind_text(st, 5, p->valid_from);
	db_bind_text_or_null(st, 6, p->valid_to);
	bind_text(st, 7, p->target_group);
	if (p->expected_persons > 0)
		sqlite3_bind_int(st, 8, p->expected_persons);
	bind_text(st, 9, p->qualification);
	bind_text(st, 10, p->fees);
	bind_text(st, 11, p->status);
	if (id)
		sqlite3_bind_int64(st, 12, p->row_version);
	if ((rc = save_row(db, st, &id, &p->row_version, "SELECT 1 FROM programme WHERE id = ?1 AND ?2 = ?2")))
		goto fail;
	rc = CD_EDB;
	if (db_prepare(db, "DELETE FROM programme_gmina WHERE programme_id = ?1", &st))
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	if (db_step_done(db, st))
		goto fail;
	for (i = 0; i < ng; i++) {
		if (db_prepare(db, "INSERT INTO programme_gmina(programme_id, gmina_id) "
			       "VALUES (?1, ?2)", &st))
			goto fail;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, gids[i]);
		if (db_step_done(db, st))
			goto fail;
	}
	if (audit_add(db, a->user_id, "programme.save", "programme", id, "") || db_commit(db))
		goto fail;
	free(gids);
	p->id = id;
	return CD_OK;
fail:
	db_rollback(db);
	free(gids);
	return rc;
}



/* ---- services ---- */

void service_init(struct service *s)
{
	memset(s, 0, sizeof(*s));
	str_copy(s->unit, sizeof(s->unit), "hour");
	str_copy(s->fee_rule, sizeof(s->fee_rule), "free");
	s->fee_amount = -1;
}

#define SERVICE_COLS "id, name, COALESCE(area_code, 0), unit, summary, qualifications, " \
	"occupation_codes, is_group, std_infrastructure, std_staff, std_quality, " \
	"std_conditions, COALESCE(std_max_days, 0), std_availability, std_management, fee_rule, " \
	"COALESCE(fee_amount, -1), fee_note, row_version"

static void service_row(sqlite3_stmt *st, void *row)
{
	struct service *s = row;

	service_init(s);
	s->id = sqlite3_column_int64(st, 0);
	db_col_copy(st, 1, s->name, sizeof(s->name));
	s->area_code = sqlite3_column_int(st, 2);
	db_col_copy(st, 3, s->unit, sizeof(s->unit));
	db_col_copy(st, 4, s->summary, sizeof(s->summary));
	db_col_copy(st, 5, s->qualifications, sizeof(s->qualifications));
	db_col_copy(st, 6, s->occupation_codes, sizeof(s->occupation_codes));
	s->is_group = sqlite3_column_int(st, 7) != 0;
	db_col_copy(st, 8, s->std_infrastructure, sizeof(s->std_infrastructure));
	db_col_copy(st, 9, s->std_staff, sizeof(s->std_staff));
	db_col_copy(st, 10, s->std_quality, sizeof(s->std_quality));
	db_col_copy(st, 11, s->std_conditions, sizeof(s->std_conditions));
	s->std_max_days = sqlite3_column_int(st, 12);
	db_col_copy(st, 13, s->std_availability, sizeof(s->std_availability));
	db_col_copy(st, 14, s->std_management, sizeof(s->std_management));
	db_col_copy(st, 15, s->fee_rule, sizeof(s->fee_rule));
	s->fee_amount = sqlite3_column_double(st, 16);
	db_col_copy(st, 17, s->fee_note, sizeof(s->fee_note));
	s->row_version = sqlite3_column_int64(st, 18);
}

char *service_fee_text(const struct service *s)
{
	char amount[32];

	if (!strcmp(s->fee_rule, "fixed")) {
		snprintf(amount, sizeof(amount), "%.2f", s->fee_amount);
		if (strchr(amount, '.'))
			*strchr(amount, '.') = ',';
		return xasprintf(_("%s zł per unit (%s)%s%s"), amount,
				 code_label(&codes_unit, s->unit), s->fee_note[0] ? "; " : "",
				 s->fee_note);
	}
	return xasprintf("%s%s%s", code_label(&codes_fee_rule, s->fee_rule),
			 s->fee_note[0] ? ": " : "", s->fee_note);
}

int service_list(struct cd_db *db, const struct actor *a, struct service **out, size_t *n)
{
	return read_list(db, a, "SELECT " SERVICE_COLS " FROM service ORDER BY name COLLATE PL",
			 sizeof(**out), service_row, (void **)out, n);
}

int service_get(struct cd_db *db, const struct actor *a, int64_t id, struct service *out)
{
	return read_one(db, a, "SELECT " SERVICE_COLS " FROM service WHERE id = ?1", id,
			service_row, out);
}

static bool name_taken(struct cd_db *db, const char *sql, const char *name, int64_t id)
{
	sqlite3_stmt *st;
	bool taken = false;

	if (db_prepare(db, sql, &st))
		return false;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	taken = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return taken;
}

/* The service's free texts: valid UTF-8, no control characters (the
 * quality standard's paragraphs may have line breaks). */
static int service_texts_check(struct service *s, struct fielderr *e)
{
	const struct {
		char *text;
		bool multiline;
		int field;
		const char *label;
	} t[] = {
		{s->name, false, OF_SV_NAME, N_("Name")},
		{s->summary, true, OF_SV_SUMMARY, N_("Description")},
		{s->qualifications, false, OF_SV_QUALIFICATIONS, N_("Qualifications")},
		{s->std_infrastructure, true, OF_SV_STD_INFRA, N_("Infrastructure")},
		{s->std_staff, true, OF_SV_STD_STAFF, N_("Staff")},
		{s->std_quality, true, OF_SV_STD_QUALITY, N_("Quality")},
		{s->std_conditions, true, OF_SV_STD_CONDITIONS, N_("Conditions")},
		{s->std_availability, true, OF_SV_STD_AVAILABILITY, N_("Availability")},
		{s->std_management, true, OF_SV_STD_MANAGEMENT, N_("Management")},
		{s->fee_note, false, OF_SV_FEE_NOTE, N_("Fee terms")},
	};
	size_t i;
	int rc;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if ((rc = text_field_check(t[i].text, t[i].multiline, t[i].field, _(t[i].label), e)))
			return rc;
	return CD_OK;
}

int service_save(struct cd_db *db, const struct actor *a, struct service *s,
		 struct fielderr *e)
{
	sqlite3_stmt *st;
	int rc;

	fielderr_clear(e);
	if ((rc = may_edit(a, e)))
		return rc;
	str_trim(s->name);
	str_trim(s->occupation_codes);
	if (!s->name[0])
		return fielderr_set(e, OF_SV_NAME, "%s", _("Name: required"));
	if ((rc = service_texts_check(s, e)))
		return rc;
	if (name_taken(db, "SELECT 1 FROM service WHERE name = ?1 COLLATE NOCASE AND id <> ?2",
		       s->name, s->id))
		return fielderr_set(e, OF_SV_NAME, "%s",
				    _("Name: the catalogue already has a service of that name"));
	if (s->area_code < 1 || s->area_code > 14)
		return fielderr_set(e, OF_SV_AREA, "%s",
				    _("Area: choose one of the 14 areas of the Act"));
	if (code_index(&codes_unit, s->unit) < 0)
		return fielderr_set(e, OF_SV_UNIT, "%s",
				    _("Unit: hour, session, ride, visit, day, meal or other"));
	if (s->occupation_codes[0] &&
	    strspn(s->occupation_codes, "0123456789 ,;") != strlen(s->occupation_codes))
		return fielderr_set(e, OF_SV_OCCUPATIONS, "%s",
				    _("Occupation codes: six-digit codes separated by commas"));
	if (s->std_max_days < 0 || s->std_max_days > 365)
		return fielderr_set(e, OF_SV_STD_MAX_DAYS, "%s",
				    _("Days to start: from 1 to 365 (empty: not set)"));
	str_trim(s->fee_note);
	if (code_index(&codes_fee_rule, s->fee_rule) < 0)
		return fielderr_set(e, OF_SV_FEE_RULE, "%s",
				    _("Fee: free of charge, a fixed fee or dependent on income"));
	if (!strcmp(s->fee_rule, "fixed") && (s->fee_amount <= 0 || s->fee_amount > 10000))
		return fielderr_set(e, OF_SV_FEE_AMOUNT, "%s",
				    _("Fee per unit: an amount in zł above 0, e.g. 12,50"));
	if (strcmp(s->fee_rule, "fixed"))
		s->fee_amount = -1;
	if (!strcmp(s->fee_rule, "income") && !s->fee_note[0])
		return fielderr_set(e, OF_SV_FEE_NOTE, "%s",
				    _("Fee conditions: describe how the fee depends on income"));
	if (db_prepare(db, s->id ?
		       "UPDATE service SET name = ?2, area_code = ?3, unit = ?4, summary = ?5, "
		       "qualifications = ?6, occupation_codes = ?7, is_group = ?8, "
		       "std_infrastructure = ?9, std_staff = ?10, std_quality = ?11, "
		       "std_conditions = ?12, std_max_days = ?13, std_availability = ?14, "
		       "std_management = ?15, fee_rule = ?16, fee_amount = ?17, fee_note = ?18, "
		       "row_version = row_version + 1 WHERE id = ?1 AND row_version = ?19" :
		       "INSERT INTO service(name, area_code, unit, summary, qualifications, "
		       "occupation_codes, is_group, std_infrastructure, std_staff, std_quality, "
		       "std_conditions, std_max_days, std_availability, std_management, fee_rule, "
		       "fee_amount, fee_note) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
		       "?13, ?14, ?15, ?16, ?17, ?18)", &st))
		return CD_EDB;
	if (s->id)
		sqlite3_bind_int64(st, 1, s->id);
	bind_text(st, 2, s->name);
	sqlite3_bind_int(st, 3, s->area_code);
	bind_text(st, 4, s->unit);
	bind_text(st, 5, s->summary);
	bind_text(st, 6, s->qualifications);
	bind_text(st, 7, s->occupation_codes);
	sqlite3_bind_int(st, 8, s->is_group);
	bind_text(st, 9, s->std_infrastructure);
	bind_text(st, 10, s->std_staff);
	bind_text(st, 11, s->std_quality);
	bind_text(st, 12, s->std_conditions);
	if (s->std_max_days > 0)
		sqlite3_bind_int(st, 13, s->std_max_days);
	bind_text(st, 14, s->std_availability);
	bind_text(st, 15, s->std_management);
	bind_text(st, 16, s->fee_rule);
	bind_positive(st, 17, s->fee_amount);
	bind_text(st, 18, s->fee_note);
	if (s->id)
		sqlite3_bind_int64(st, 19, s->row_version);
	if ((rc = save_row(db, st, &s->id, &s->row_version,
			   "SELECT 1 FROM service WHERE id = ?1 AND ?2 = ?2")))
		return rc;
	/* who changed it and when, for another desk's conflict */
	return audit_add(db, a->user_id, "service.save", "service", s->id, "");
}

/* ---- the services of a programme ---- */

void programme_service_init(struct programme_service *ps, int64_t programme_id)
{
	memset(ps, 0, sizeof(*ps));
	ps->programme_id = programme_id;
	ps->monthly_capacity = ps->max_per_month = -1;
	ps->max_per_quarter = ps->max_per_year = -1;
	ps->age_min = ps->age_max = -1;
}

int programme_services(struct cd_db *db, const struct actor *a, int64_t programme_id,
		       struct programme_service **out, size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 8;

	*out = NULL;
	*n = 0;
	if (!actor_can(a, PERM_OFFER_READ))
		return CD_EPERM;
	if (db_prepare(db, "SELECT ps.service_id, s.name, COALESCE(ps.monthly_capacity, -1), "
		       "COALESCE(ps.expected_persons, 0), COALESCE(ps.max_per_month, -1), "
		       "COALESCE(ps.age_min, -1), COALESCE(ps.age_max, -1), "
		       "ps.certificate_required, ps.limit_text, COALESCE(ps.max_per_quarter, -1), "
		       "COALESCE(ps.max_per_year, -1), COALESCE(ps.once_in_years, 0) "
		       "FROM programme_service ps "
		       "JOIN service s ON s.id = ps.service_id WHERE ps.programme_id = ?1 "
		       "ORDER BY s.name COLLATE PL", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, programme_id);
	*out = xcalloc(cap, sizeof(**out));
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct programme_service *ps = array_push((void **)out, n, &cap, sizeof(**out));
		programme_service_init(ps, programme_id);
		ps->service_id = sqlite3_column_int64(st, 0);
		db_col_copy(st, 1, ps->service_name, sizeof(ps->service_name));
		ps->monthly_capacity = sqlite3_column_double(st, 2);
		ps->expected_persons = sqlite3_column_int(st, 3);
		ps->max_per_month = sqlite3_column_double(st, 4);
		ps->age_min = sqlite3_column_int(st, 5);
		ps->age_max = sqlite3_column_int(st, 6);
		ps->certificate_required = sqlite3_column_int(st, 7) != 0;
		db_col_copy(st, 8, ps->limit_text, sizeof(ps->limit_text));
		ps->max_per_quarter = sqlite3_column_double(st, 9);
		ps->max_per_year = sqlite3_column_double(st, 10);
		ps->once_in_years = sqlite3_column_int(st, 11);
	}
	return db_finish_list(st, (void **)out, n);
}

static bool row_exists(struct cd_db *db, const char *sql, int64_t a1, int64_t a2)
{
	sqlite3_stmt *st;
	bool found;

	if (db_prepare(db, sql, &st))
		return false;
	sqlite3_bind_int64(st, 1, a1);
	sqlite3_bind_int64(st, 2, a2);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

/* The monthly capacity a programme's service had (< 0: none given); *was
 * false when the programme did not offer it. */
static double prev_capacity(struct cd_db *db, int64_t programme_id, int64_t service_id,
			    bool *was)
{
	sqlite3_stmt *st;
	double v = -1;

	*was = false;
	if (db_prepare(db, "SELECT COALESCE(monthly_capacity, -1) FROM programme_service "
		       "WHERE programme_id = ?1 AND service_id = ?2", &st))
		return v;
	sqlite3_bind_int64(st, 1, programme_id);
	sqlite3_bind_int64(st, 2, service_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*was = true;
		v = sqlite3_column_double(st, 0);
	}
	sqlite3_finalize(st);
	return v;
}

int programme_service_save(struct cd_db *db, const struct actor *a,
			   const struct programme_service *given, struct fielderr *e)
{
	struct programme_service copy = *given, *ps = &copy;
	sqlite3_stmt *st;
	double prev;
	bool was;
	int rc;

	fielderr_clear(e);
	if ((rc = may_edit(a, e)))
		return rc;
	if (!row_exists(db, "SELECT 1 FROM programme WHERE id = ?1 AND ?2 = ?2",
			ps->programme_id, 0))
		return fielderr_set(e, -1, "%s", _("no such programme"));
	if (!row_exists(db, "SELECT 1 FROM service WHERE id = ?1 AND ?2 = ?2", ps->service_id, 0))
		return fielderr_set(e, OF_PS_SERVICE, "%s", _("Service: choose one from the catalogue"));
	if (ps->monthly_capacity > 1000000 || ps->max_per_month > 10000)
		return fielderr_set(e, OF_PS_CAPACITY, "%s", _("Capacity: the number is too large"));
	if (ps->max_per_quarter > 100000 || ps->max_per_year > 100000)
		return fielderr_set(e, OF_PS_MAX_QUARTER, "%s", _("Limit: the number is too large"));
	if (ps->once_in_years < 0 || ps->once_in_years > 50)
		return fielderr_set(e, OF_PS_ONCE_YEARS, "%s",
				    _("Once in: a number of years, 1 to 50 (empty: no such limit)"));
	if (ps->expected_persons < 0)
		return fielderr_set(e, OF_PS_EXPECTED, "%s", _("Expected persons: 0 or more"));
	if (ps->age_min > 120 || ps->age_max > 120)
		return fielderr_set(e, OF_PS_AGE_MIN, "%s", _("Age: from 0 to 120"));
	if (ps->age_min >= 0 && ps->age_max >= 0 && ps->age_max < ps->age_min)
		return fielderr_set(e, OF_PS_AGE_MAX, "%s",
				    _("Age up to: not below the lower age limit"));
	str_trim(ps->limit_text);
	if ((rc = text_field_check(ps->limit_text, false, OF_PS_LIMIT_TEXT, _("Limit (words)"), e)))
		return rc;
	if (db_prepare(db, "INSERT INTO programme_service(programme_id, service_id, "
		       "monthly_capacity, expected_persons, max_per_month, age_min, age_max, "
		       "certificate_required, limit_text, max_per_quarter, max_per_year, "
		       "once_in_years) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
		       "ON CONFLICT(programme_id, service_id) DO UPDATE SET "
		       "monthly_capacity = excluded.monthly_capacity, "
		       "expected_persons = excluded.expected_persons, "
		       "max_per_month = excluded.max_per_month, age_min = excluded.age_min, "
		       "age_max = excluded.age_max, "
		       "certificate_required = excluded.certificate_required, "
		       "limit_text = excluded.limit_text, max_per_quarter = excluded.max_per_quarter, "
		       "max_per_year = excluded.max_per_year, once_in_years = excluded.once_in_years",
		       &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, ps->programme_id);
	sqlite3_bind_int64(st, 2, ps->service_id);
	bind_positive(st, 3, ps->monthly_capacity);
	if (ps->expected_persons > 0)
		sqlite3_bind_int(st, 4, ps->expected_persons);
	bind_positive(st, 5, ps->max_per_month);
	if (ps->age_min >= 0)
		sqlite3_bind_int(st, 6, ps->age_min);
	if (ps->age_max >= 0)
		sqlite3_bind_int(st, 7, ps->age_max);
	sqlite3_bind_int(st, 8, ps->certificate_required);
	bind_text(st, 9, ps->limit_text);
	bind_positive(st, 10, ps->max_per_quarter);
	bind_positive(st, 11, ps->max_per_year);
	if (ps->once_in_years > 0)
		sqlite3_bind_int(st, 12, ps->once_in_years);
	if ((rc = db_begin(db))) {
		sqlite3_finalize(st);
		return rc;
	}
	/* before: is it new, or is the capacity raised?  (coordinators are told) */
	prev = prev_capacity(db, ps->programme_id, ps->service_id, &was);
	if (db_step_done(db, st))
		goto fail;
	if (!was || (ps->monthly_capacity >= 0 && prev >= 0 && ps->monthly_capacity > prev) ||
	    (ps->monthly_capacity < 0 && prev >= 0)) {
		if (db_prepare(db, "INSERT INTO offer_change(programme_id, service_id, kind, "
			       "on_date) VALUES (?1, ?2, ?3, date(cd_now()))", &st))
			goto fail;
		sqlite3_bind_int64(st, 1, ps->programme_id);
		sqlite3_bind_int64(st, 2, ps->service_id);
		sqlite3_bind_text(st, 3, was ? "raised" : "added", -1, SQLITE_STATIC);
		if (db_step_done(db, st))
			goto fail;
	}
	if (db_commit(db))
		goto fail;
	return CD_OK;
fail:
	db_rollback(db);
	return CD_EDB;
}

int programme_service_remove(struct cd_db *db, const struct actor *a, int64_t programme_id,
			     int64_t service_id, struct fielderr *e)
{
	sqlite3_stmt *st;
	int rc;

	fielderr_clear(e);
	if ((rc = may_edit(a, e)))
		return rc;
	if (row_exists(db, "SELECT 1 FROM plan_item WHERE programme_id = ?1 AND service_id = ?2",
		       programme_id, service_id))
		return fielderr_set(e, -1, "%s",
				    _("plans use this service of the programme; archive the "
				      "programme instead"));
	if (db_prepare(db, "DELETE FROM programme_service WHERE programme_id = ?1 AND "
		       "service_id = ?2", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, programme_id);
	sqlite3_bind_int64(st, 2, service_id);
	return db_step_done(db, st);
}

/* ---- providers ---- */

void provider_init(struct provider *p)
{
	memset(p, 0, sizeof(*p));
	str_copy(p->kind, sizeof(p->kind), "ngo");
	p->hour_pool = -1;
}

#define PROVIDER_COLS "v.id, v.name, v.kind, v.address, v.contact_person, v.phone, v.email, " \
	"v.contract_no, COALESCE(v.contract_from, ''), COALESCE(v.contract_to, ''), " \
	"COALESCE(v.hour_pool, -1), COALESCE((SELECT group_concat(s.name, ', ') FROM " \
	"provider_service x JOIN service s ON s.id = x.service_id WHERE x.provider_id = v.id), " \
	"''), v.social_employment, v.resources, v.activity, v.affiliation, v.other_info, " \
	"v.partner_role, v.row_version"

static void provider_row(sqlite3_stmt *st, void *row)
{
	struct provider *p = row;

	provider_init(p);
	p->id = sqlite3_column_int64(st, 0);
	db_col_copy(st, 1, p->name, sizeof(p->name));
	db_col_copy(st, 2, p->kind, sizeof(p->kind));
	db_col_copy(st, 3, p->address, sizeof(p->address));
	db_col_copy(st, 4, p->contact_person, sizeof(p->contact_person));
	db_col_copy(st, 5, p->phone, sizeof(p->phone));
	db_col_copy(st, 6, p->email, sizeof(p->email));
	db_col_copy(st, 7, p->contract_no, sizeof(p->contract_no));
	db_col_copy(st, 8, p->contract_from, sizeof(p->contract_from));
	db_col_copy(st, 9, p->contract_to, sizeof(p->contract_to));
	p->hour_pool = sqlite3_column_double(st, 10);
	db_col_copy(st, 11, p->services, sizeof(p->services));
	p->social_employment = sqlite3_column_int(st, 12) != 0;
	db_col_copy(st, 13, p->resources, sizeof(p->resources));
	db_col_copy(st, 14, p->activity, sizeof(p->activity));
	db_col_copy(st, 15, p->affiliation, sizeof(p->affiliation));
	db_col_copy(st, 16, p->other_info, sizeof(p->other_info));
	db_col_copy(st, 17, p->partner_role, sizeof(p->partner_role));
	p->row_version = sqlite3_column_int64(st, 18);
}

int provider_list(struct cd_db *db, const struct actor *a, struct provider **out, size_t *n)
{
	return read_list(db, a, "SELECT " PROVIDER_COLS " FROM provider v "
			 "ORDER BY v.name COLLATE PL", sizeof(**out), provider_row, (void **)out, n);
}

int provider_get(struct cd_db *db, const struct actor *a, int64_t id, struct provider *out)
{
	return read_one(db, a, "SELECT " PROVIDER_COLS " FROM provider v WHERE v.id = ?1", id,
			provider_row, out);
}

int provider_save(struct cd_db *db, const struct actor *a, struct provider *p,
		  struct fielderr *e)
{
	struct date from, to;
	sqlite3_stmt *st;
	int rc;

	fielderr_clear(e);
	if ((rc = may_edit(a, e)))
		return rc;
	if (text_field_check(p->name, false, OF_PV_NAME, _("Name"), e) ||
	    text_field_check(p->address, false, OF_PV_ADDRESS, _("Address"), e) ||
	    text_field_check(p->contact_person, false, OF_PV_ADDRESS, _("Contact person"), e) ||
	    text_field_check(p->phone, false, OF_PV_ADDRESS, _("Phone"), e) ||
	    text_field_check(p->email, false, OF_PV_EMAIL, _("E-mail"), e) ||
	    text_field_check(p->contract_no, false, OF_PV_ADDRESS, _("Contract no."), e))
		return CD_EINVAL;
	str_trim(p->name);
	str_trim(p->email);
	str_trim(p->phone);
	str_trim(p->contract_from);
	str_trim(p->contract_to);
	if (!p->name[0])
		return fielderr_set(e, OF_PV_NAME, "%s", _("Name: required"));
	if (code_index(&codes_provider_kind, p->kind) < 0)
		return fielderr_set(e, OF_PV_KIND, "%s",
				    _("Kind: choose one of the kinds of art. 7 ust. 2"));
	if (p->email[0] && !email_valid(p->email))
		return fielderr_set(e, OF_PV_EMAIL, "%s",
				    _("E-mail: not a valid address (like name@example.pl)"));
	if (p->phone[0] && !phone_valid(p->phone))
		return fielderr_set(e, OF_PV_PHONE, "%s",
				    _("Phone: 9 to 15 digits; only + ( ) - and spaces besides"));
	if ((rc = check_date(p->contract_from, true, OF_PV_CONTRACT_FROM, _("Contract from"),
			     &from, e)) ||
	    (rc = check_date(p->contract_to, true, OF_PV_CONTRACT_TO, _("Contract to"), &to, e)))
		return rc;
	if (p->contract_from[0] && p->contract_to[0] && date_cmp(&to, &from) < 0)
		return fielderr_set(e, OF_PV_CONTRACT_TO, "%s",
				    _("Contract to: not before the start of the contract"));
	if (p->hour_pool > 1000000)
		return fielderr_set(e, OF_PV_HOUR_POOL, "%s", _("Hour pool: the number is too large"));
	if (db_prepare(db, p->id ?
		       "UPDATE provider SET name = ?2, kind = ?3, address = ?4, contact_person = ?5, "
		       "phone = ?6, email = ?7, contract_no = ?8, contract_from = ?9, "
		       "contract_to = ?10, hour_pool = ?11, social_employment = ?12, "
		       "resources = ?13, activity = ?14, affiliation = ?15, other_info = ?16, "
		       "partner_role = ?17, row_version = row_version + 1 WHERE id = ?1 AND "
		       "row_version = ?18" :
		       "INSERT INTO provider(name, kind, address, contact_person, phone, email, "
		       "contract_no, contract_from, contract_to, hour_pool, social_employment, "
		       "resources, activity, affiliation, other_info, partner_role) "
		       "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
		       "?17)", &st))
		return CD_EDB;
	if (p->id)
		sqlite3_bind_int64(st, 1, p->id);
	bind_text(st, 2, p->name);
	bind_text(st, 3, p->kind);
	bind_text(st, 4, p->address);
	bind_text(st, 5, p->contact_person);
	bind_text(st, 6, p->phone);
	bind_text(st, 7, p->email);
	bind_text(st, 8, p->contract_no);
	db_bind_text_or_null(st, 9, p->contract_from);
	db_bind_text_or_null(st, 10, p->contract_to);
	bind_positive(st, 11, p->hour_pool);
	sqlite3_bind_int(st, 12, p->social_employment);
	bind_text(st, 13, p->resources);
	bind_text(st, 14, p->activity);
	bind_text(st, 15, p->affiliation);
	bind_text(st, 16, p->other_info);
	bind_text(st, 17, p->partner_role);
	if (p->id)
		sqlite3_bind_int64(st, 18, p->row_version);
	if ((rc = save_row(db, st, &p->id, &p->row_version,
			   "SELECT 1 FROM provider WHERE id = ?1 AND ?2 = ?2")))
		return rc;
	return audit_add(db, a->user_id, "provider.save", "provider", p->id, "");
}

int provider_service_save(struct cd_db *db, const struct actor *a, int64_t provider_id,
			  int64_t service_id, double monthly_capacity, struct fielderr *e)
{
	sqlite3_stmt *st;
	int rc;

	fielderr_clear(e);
	if ((rc = may_edit(a, e)))
		return rc;
	if (!row_exists(db, "SELECT 1 FROM provider WHERE id = ?1 AND ?2 = ?2", provider_id, 0))
		return fielderr_set(e, -1, "%s", _("no such provider"));
	if (!row_exists(db, "SELECT 1 FROM service WHERE id = ?1 AND ?2 = ?2", service_id, 0))
		return fielderr_set(e, OF_PVS_SERVICE, "%s",
				    _("Service: choose one from the catalogue"));
	if (monthly_capacity > 1000000)
		return fielderr_set(e, OF_PVS_CAPACITY, "%s", _("Capacity: the number is too large"));
	if (db_prepare(db, "INSERT INTO provider_service(provider_id, service_id, monthly_capacity) "
		       "VALUES (?1, ?2, ?3) ON CONFLICT(provider_id, service_id) DO UPDATE SET "
		       "monthly_capacity = excluded.monthly_capacity", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, provider_id);
	sqlite3_bind_int64(st, 2, service_id);
	bind_positive(st, 3, monthly_capacity);
	return db_step_done(db, st);
}

int provider_service_remove(struct cd_db *db, const struct actor *a, int64_t provider_id,
			    int64_t service_id, struct fielderr *e)
{
	sqlite3_stmt *st;
	int rc;

	fielderr_clear(e);
	if ((rc = may_edit(a, e)))
		return rc;
	if (row_exists(db, "SELECT 1 FROM plan_item i JOIN plan_version v ON v.id = i.version_id "
		       "WHERE i.provider_id = ?1 AND i.service_id = ?2 AND i.ended_on IS NULL "
		       "AND v.status IN ('draft', 'submitted', 'approved', 'returned')",
		       provider_id, service_id))
		return fielderr_set(e, -1, "%s",
				    _("plans in force use this provider for the service; "
				      "update them first"));
	if (db_prepare(db, "DELETE FROM provider_service WHERE provider_id = ?1 AND "
		       "service_id = ?2", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, provider_id);
	sqlite3_bind_int64(st, 2, service_id);
	return db_step_done(db, st);
}

/* ---- places ---- */

static void place_row(sqlite3_stmt *st, void *row)
{
	struct place *p = row;

	p->id = sqlite3_column_int64(st, 0);
	db_col_copy(st, 1, p->name, sizeof(p->name));
	db_col_copy(st, 2, p->address, sizeof(p->address));
	p->provider_id = sqlite3_column_int64(st, 3);
	db_col_copy(st, 4, p->provider_name, sizeof(p->provider_name));
}

int place_list(struct cd_db *db, const struct actor *a, struct place **out, size_t *n)
{
	return read_list(db, a, "SELECT p.id, p.name, p.address, COALESCE(p.provider_id, 0), "
			 "COALESCE(v.name, '') FROM place p LEFT JOIN provider v "
			 "ON v.id = p.provider_id ORDER BY p.name COLLATE PL", sizeof(**out),
			 place_row, (void **)out, n);
}

int place_save(struct cd_db *db, const struct actor *a, struct place *p, struct fielderr *e)
{
	sqlite3_stmt *st;
	int rc;

	fielderr_clear(e);
	if ((rc = may_edit(a, e)))
		return rc;
	str_trim(p->name);
	if (!p->name[0])
		return fielderr_set(e, OF_PL_NAME, "%s", _("Name: required"));
	if ((rc = text_field_check(p->name, false, OF_PL_NAME, _("Name"), e)) ||
	    (rc = text_field_check(p->address, false, OF_PL_ADDRESS, _("Address"), e)))
		return rc;
	if (p->provider_id &&
	    !row_exists(db, "SELECT 1 FROM provider WHERE id = ?1 AND ?2 = ?2", p->provider_id, 0))
		return fielderr_set(e, OF_PL_PROVIDER, "%s", _("Provider: no such provider"));
	if (db_prepare(db, p->id ?
		       "UPDATE place SET name = ?2, address = ?3, provider_id = ?4 WHERE id = ?1" :
		       "INSERT INTO place(name, address, provider_id) VALUES (?2, ?3, ?4)", &st))
		return CD_EDB;
	if (p->id)
		sqlite3_bind_int64(st, 1, p->id);
	bind_text(st, 2, p->name);
	bind_text(st, 3, p->address);
	db_bind_id_or_null(st, 4, p->provider_id);
	{
		int64_t unversioned = 0;
		return save_row(db, st, &p->id, &unversioned,
				"SELECT 1 FROM place WHERE id = ?1 AND ?2 = ?2");
	}
}

int supply_demand(struct cd_db *db, const struct actor *a, struct supply **out, size_t *n)
{
	sqlite3_stmt *st, *items;
	int irc = SQLITE_DONE;
	struct date today, back;
	char d[11], b[11];
	size_t cap = 16;

	*out = NULL;
	*n = 0;
	if (a->user_id != 0 && !actor_can(a, PERM_CASE_CONTENT))
		return CD_EPERM;
	date_today(&today);
	date_from_days(date_to_days(&today) - 30, &back);
	date_format(&today, d);
	date_format(&back, b);
	/* each figure grouped once over its own rows (the monitoring of the
	 * last 30 days through the note date, the services in force today
	 * through their end), not once per service over all of them */
	if (db_prepare(db, "WITH cap AS (SELECT service_id AS sid, sum(monthly_capacity) AS n "
		       "FROM provider_service GROUP BY 1), "
		       "del AS (SELECT i.service_id AS sid, sum(mi.delivered) AS n "
		       "FROM monitoring_note mn CROSS JOIN monitoring_item mi ON mi.note_id = mn.id "
		       "AND mi.superseded = 0 JOIN plan_item i ON i.id = mi.item_id "
		       "WHERE mn.held_on BETWEEN ?2 AND ?1 GROUP BY 1), "
		       "wt AS (SELECT w.service_id AS sid, count(*) AS n, min(r.filed_on) AS f "
		       "FROM waiting_entry w JOIN request r ON r.id = w.request_id "
		       "WHERE w.removed_on IS NULL GROUP BY 1), "
		       "un AS (SELECT area_code AS area, count(*) AS n FROM need "
		       "WHERE unmet = 1 AND answered_on IS NULL GROUP BY 1), "
		       "gm AS (SELECT service_id AS sid, count(DISTINCT person_id) AS n "
		       "FROM group_member WHERE service_id IS NOT NULL AND joined_on <= ?1 "
		       "AND (left_on IS NULL OR left_on > ?1) GROUP BY 1) "
		       "SELECT s.id, s.name, s.unit, cap.n, COALESCE(del.n, 0), COALESCE(wt.n, 0), "
		       "COALESCE(wt.f, ''), COALESCE(un.n, 0), COALESCE(gm.n, 0) FROM service s "
		       "LEFT JOIN cap ON cap.sid = s.id LEFT JOIN del ON del.sid = s.id "
		       "LEFT JOIN wt ON wt.sid = s.id LEFT JOIN un ON un.area = s.area_code "
		       "LEFT JOIN gm ON gm.sid = s.id "
		       "WHERE EXISTS (SELECT 1 FROM group_member m WHERE m.service_id = s.id) "
		       "OR cap.sid IS NOT NULL OR wt.sid IS NOT NULL "
		       "OR EXISTS (SELECT 1 FROM plan_item i WHERE i.service_id = s.id) "
		       "OR EXISTS (SELECT 1 FROM waiting_entry w WHERE w.service_id = s.id) "
		       "ORDER BY s.name COLLATE PL", &st))
		return CD_EDB;
	sqlite3_bind_text(st, 1, d, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, b, -1, SQLITE_TRANSIENT);
	*out = xcalloc(cap, sizeof(**out));
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct supply *x = array_push((void **)out, n, &cap, sizeof(**out));
		x->service_id = sqlite3_column_int64(st, 0);
		db_col_copy(st, 1, x->service, sizeof(x->service));
		db_col_copy(st, 2, x->unit, sizeof(x->unit));
		x->contracted = sqlite3_column_type(st, 3) == SQLITE_NULL ? -1 :
				sqlite3_column_double(st, 3);
		x->delivered = sqlite3_column_double(st, 4);
		x->waiting = sqlite3_column_int64(st, 5);
		db_col_copy(st, 6, x->oldest_wait, sizeof(x->oldest_wait));
		x->unmet = sqlite3_column_int64(st, 7);
		x->persons = sqlite3_column_int64(st, 8);   /* members of a group service */
	}
	if (db_finish(st)) {
		free(*out);
		*out = NULL;
		*n = 0;
		return CD_EDB;
	}
	/* the services in force today, for the monthly amounts: one pass,
	 * by service and person (index plan_item_running) */
	if (db_prepare(db, "SELECT i.service_id, i.amount, i.frequency, p.person_id FROM plan_item i "
		       "JOIN plan_version v ON v.id = i.version_id AND v.status = 'approved' "
		       "JOIN plan p ON p.id = v.plan_id WHERE COALESCE(i.ended_on, i.ends_on) >= ?1 "
		       "AND i.starts_on <= ?1 AND NOT EXISTS (SELECT 1 FROM "
		       "closure c WHERE c.plan_id = p.id) ORDER BY i.service_id, p.person_id", &items)) {
		free(*out);
		*out = NULL;
		*n = 0;
		return CD_EDB;
	}
	sqlite3_bind_text(items, 1, d, -1, SQLITE_TRANSIENT);
	{
		struct supply *x = NULL;
		int64_t last = 0;
		while ((irc = sqlite3_step(items)) == SQLITE_ROW) {
			struct plan_item it;
			int64_t sid = sqlite3_column_int64(items, 0);
			size_t k;
			if (!x || x->service_id != sid) {
				x = NULL;
				last = 0;
				for (k = 0; k < *n && !x; k++)
					if ((*out)[k].service_id == sid)
						x = &(*out)[k];
			}
			if (!x)
				continue;
			memset(&it, 0, sizeof(it));
			it.amount = sqlite3_column_double(items, 1);
			str_copy(it.frequency, sizeof(it.frequency),
				 (const char *)sqlite3_column_text(items, 2));
			x->planned += plan_item_monthly(&it);
			if (sqlite3_column_int64(items, 3) != last)
				x->persons++;
			last = sqlite3_column_int64(items, 3);
		}
	}
	sqlite3_finalize(items);
	if (irc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return CD_EDB;
	}
	return CD_OK;
}
