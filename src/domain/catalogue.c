/* catalogue.c - the offer. */
#include "catalogue.h"
#include "dbint.h"
#include "embedded.h"
#include "i18n.h"

#include <stdlib.h>
#include <string.h>

/* Calls fn for each data row (header skipped) of an embedded TSV file,
 * with the row split at tabs into at most max fields. */
static int tsv_each(const char *name, size_t max,
		    int (*fn)(void *ctx, char **fields, size_t n), void *ctx)
{
	const struct embedded_file *f = embedded_get(name);
	char *copy, *line, *save = NULL;
	bool header = true;
	int rc = CD_OK;

	if (!f)
		BUG("embedded file %s missing", name);
	copy = xstrndup(f->text, f->len);
	for (line = strtok_r(copy, "\n", &save); line && !rc;
	     line = strtok_r(NULL, "\n", &save)) {
		char **fields = xcalloc(max, sizeof(char *));
		size_t n = 0;
		char *p = line;
		if (header) {
			header = false;
			free(fields);
			continue;
		}
		while (n < max) {
			char *tab = strchr(p, '\t');
			fields[n++] = p;
			if (!tab)
				break;
			*tab = '\0';
			p = tab + 1;
		}
		rc = fn(ctx, fields, n);
		free(fields);
	}
	free(copy);
	return rc;
}

static int seed_area(void *ctx, char **f, size_t n)
{
	struct cd_db *db = ctx;
	sqlite3_stmt *st;

	if (n < 3)
		return CD_OK;
	if (db_prepare(db, "INSERT INTO area(code, name_pl, name_en) VALUES (?1, ?2, ?3)",
		       &st))
		return CD_EDB;
	sqlite3_bind_int(st, 1, atoi(f[0]));
	sqlite3_bind_text(st, 2, f[1], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, f[2], -1, SQLITE_STATIC);
	return db_step_done(db, st);
}

static int seed_service(void *ctx, char **f, size_t n)
{
	struct cd_db *db = ctx;
	sqlite3_stmt *st;

	if (n < 1 || !*f[0])
		return CD_OK;
	if (db_prepare(db, "INSERT OR IGNORE INTO service(name, summary, "
		       "qualifications, occupation_codes, note) "
		       "VALUES (?1, ?2, ?3, ?4, ?5)", &st))
		return CD_EDB;
	sqlite3_bind_text(st, 1, f[0], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, n > 1 ? f[1] : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, n > 2 ? f[2] : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, n > 3 ? f[3] : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, n > 4 ? f[4] : "", -1, SQLITE_STATIC);
	return db_step_done(db, st);
}

int catalogue_seed(struct cd_db *db)
{
	int rc;

	if ((rc = db_begin(db)))
		return rc;
	if (tsv_each("seed/service-areas.tsv", 3, seed_area, db) ||
	    tsv_each("seed/service-catalogue.tsv", 5, seed_service, db) ||
	    db_commit(db)) {
		db_rollback(db);
		return CD_EDB;
	}
	return CD_OK;
}

int programme_add(struct cd_db *db, const struct programme_def *d, int64_t *id)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "INSERT INTO programme(name, resolution_no, "
		       "resolution_date, valid_from, valid_to, target_group, "
		       "expected_persons, gmina_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
		       "(SELECT id FROM gmina WHERE name = ?8))", &st))
		return CD_EDB;
	sqlite3_bind_text(st, 1, d->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, d->resolution_no ? d->resolution_no : "", -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 3, d->resolution_date);
	sqlite3_bind_text(st, 4, d->valid_from, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 5, d->valid_to);
	sqlite3_bind_text(st, 6, d->target_group ? d->target_group : "", -1, SQLITE_STATIC);
	if (d->expected_persons > 0)
		sqlite3_bind_int(st, 7, d->expected_persons);
	else
		sqlite3_bind_null(st, 7);
	db_bind_text_or_null(st, 8, d->gmina);
	rc = db_step_done(db, st);
	if (!rc && id)
		*id = sqlite3_last_insert_rowid(db->h);
	return rc;
}

int service_ensure(struct cd_db *db, const struct service_def *d, int64_t *id)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "INSERT INTO service(name, area_code, unit, summary, "
		       "is_group) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(name) DO "
		       "UPDATE SET area_code = excluded.area_code, unit = excluded.unit",
		       &st))
		return CD_EDB;
	sqlite3_bind_text(st, 1, d->name, -1, SQLITE_STATIC);
	if (d->area_code)
		sqlite3_bind_int(st, 2, d->area_code);
	else
		sqlite3_bind_null(st, 2);
	sqlite3_bind_text(st, 3, d->unit ? d->unit : "hour", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, d->summary ? d->summary : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, d->is_group);
	if ((rc = db_step_done(db, st)))
		return rc;
	if (db_prepare(db, "SELECT id FROM service WHERE name = ?1", &st))
		return CD_EDB;
	sqlite3_bind_text(st, 1, d->name, -1, SQLITE_STATIC);
	rc = CD_ENOTFOUND;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		rc = CD_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

int programme_service_add(struct cd_db *db, int64_t programme, int64_t service,
			  double monthly_capacity, int expected_persons,
			  const char *limit_text)
{
	sqlite3_stmt *st;

	if (db_prepare(db, "INSERT INTO programme_service(programme_id, service_id, "
		       "monthly_capacity, expected_persons, limit_text) "
		       "VALUES (?1, ?2, ?3, ?4, ?5)", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, programme);
	sqlite3_bind_int64(st, 2, service);
	if (monthly_capacity >= 0)
		sqlite3_bind_double(st, 3, monthly_capacity);
	else
		sqlite3_bind_null(st, 3);
	if (expected_persons > 0)
		sqlite3_bind_int(st, 4, expected_persons);
	else
		sqlite3_bind_null(st, 4);
	sqlite3_bind_text(st, 5, limit_text ? limit_text : "", -1, SQLITE_STATIC);
	return db_step_done(db, st);
}

int programme_service_set_limits(struct cd_db *db, int64_t programme, int64_t service,
				 double max_per_month, int age_min, int age_max,
				 bool certificate_required)
{
	sqlite3_stmt *st;

	if (db_prepare(db, "UPDATE programme_service SET max_per_month = ?3, age_min = ?4, "
		       "age_max = ?5, certificate_required = ?6 "
		       "WHERE programme_id = ?1 AND service_id = ?2", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, programme);
	sqlite3_bind_int64(st, 2, service);
	if (max_per_month >= 0)
		sqlite3_bind_double(st, 3, max_per_month);
	else
		sqlite3_bind_null(st, 3);
	if (age_min >= 0)
		sqlite3_bind_int(st, 4, age_min);
	else
		sqlite3_bind_null(st, 4);
	if (age_max >= 0)
		sqlite3_bind_int(st, 5, age_max);
	else
		sqlite3_bind_null(st, 5);
	sqlite3_bind_int(st, 6, certificate_required);
	if (db_step_done(db, st))
		return CD_EDB;
	return sqlite3_changes(db->h) ? CD_OK : CD_ENOTFOUND;
}

int provider_add(struct cd_db *db, const struct provider_def *d, int64_t *id)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "INSERT INTO provider(name, kind, address, contact_person, "
		       "phone, email, contract_no, contract_from, contract_to, hour_pool) "
		       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", &st))
		return CD_EDB;
	sqlite3_bind_text(st, 1, d->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, d->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, d->address ? d->address : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, d->contact_person ? d->contact_person : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, d->phone ? d->phone : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, d->email ? d->email : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, d->contract_no ? d->contract_no : "", -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 8, d->contract_from);
	db_bind_text_or_null(st, 9, d->contract_to);
	if (d->hour_pool > 0)
		sqlite3_bind_double(st, 10, d->hour_pool);
	else
		sqlite3_bind_null(st, 10);
	rc = db_step_done(db, st);
	if (!rc && id)
		*id = sqlite3_last_insert_rowid(db->h);
	return rc;
}

int provider_service_add(struct cd_db *db, int64_t provider, int64_t service,
			 double monthly_capacity)
{
	sqlite3_stmt *st;

	if (db_prepare(db, "INSERT INTO provider_service(provider_id, service_id, "
		       "monthly_capacity) VALUES (?1, ?2, ?3)", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, provider);
	sqlite3_bind_int64(st, 2, service);
	if (monthly_capacity >= 0)
		sqlite3_bind_double(st, 3, monthly_capacity);
	else
		sqlite3_bind_null(st, 3);
	return db_step_done(db, st);
}

int place_add(struct cd_db *db, const char *name, const char *address,
	      int64_t provider, int64_t *id)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "INSERT INTO place(name, address, provider_id) "
		       "VALUES (?1, ?2, ?3)", &st))
		return CD_EDB;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, address ? address : "", -1, SQLITE_STATIC);
	db_bind_id_or_null(st, 3, provider);
	rc = db_step_done(db, st);
	if (!rc && id)
		*id = sqlite3_last_insert_rowid(db->h);
	return rc;
}

int catalogue_offer(struct cd_db *db, const struct actor *a,
		    struct offer_line **out, size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 16;

	*out = NULL;
	*n = 0;
	if (!actor_can(a, PERM_OFFER_READ))
		return CD_EPERM;
	if (db_prepare(db, "SELECT s.id, pr.name, s.name, COALESCE(ar.name_pl, ''), "
		       "s.unit, COALESCE(ps.monthly_capacity, -1), ps.limit_text, "
		       "COALESCE((SELECT group_concat(v.name, ', ') FROM provider_service pv "
		       "JOIN provider v ON v.id = pv.provider_id WHERE pv.service_id = s.id), '') "
		       "FROM programme_service ps JOIN programme pr ON pr.id = ps.programme_id "
		       "JOIN service s ON s.id = ps.service_id "
		       "LEFT JOIN area ar ON ar.code = s.area_code "
		       "WHERE pr.status = 'active' "
		       "ORDER BY pr.name COLLATE PL, s.name COLLATE PL", &st))
		return CD_EDB;
	*out = xcalloc(cap, sizeof(**out));
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct offer_line *l;
		l = array_push((void **)out, n, &cap, sizeof(**out));
		l->service_id = sqlite3_column_int64(st, 0);
		db_col_copy(st, 1, l->programme, sizeof(l->programme));
		db_col_copy(st, 2, l->service, sizeof(l->service));
		db_col_copy(st, 3, l->area, sizeof(l->area));
		db_col_copy(st, 4, l->unit, sizeof(l->unit));
		l->monthly_capacity = sqlite3_column_double(st, 5);
		db_col_copy(st, 6, l->limit_text, sizeof(l->limit_text));
		db_col_copy(st, 7, l->providers, sizeof(l->providers));
	}
	return db_finish_list(st, (void **)out, n);
}

int catalogue_service_count(struct cd_db *db)
{
	sqlite3_stmt *st;
	int n = 0;

	if (db_prepare(db, "SELECT count(*) FROM service", &st))
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int choice_query(struct cd_db *db, const char *sql, int64_t param,
			struct choice **out, size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 16;

	*n = 0;
	*out = xcalloc(cap, sizeof(**out));
	if (db_prepare(db, sql, &st))
		return CD_EDB;
	if (sqlite3_bind_parameter_count(st) >= 1)
		sqlite3_bind_int64(st, 1, param);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct choice *c;
		if (*n == cap) {
			cap *= 2;
			*out = xrealloc(*out, cap * sizeof(**out));
		}
		c = &(*out)[(*n)++];
		c->id = sqlite3_column_int64(st, 0);
		c->id2 = sqlite3_column_int64(st, 1);
		db_col_copy(st, 2, c->label, sizeof(c->label));
	}
	return db_finish_list(st, (void **)out, n);
}

int catalogue_programme_services(struct cd_db *db, struct choice **out, size_t *n)
{
	return choice_query(db, "SELECT p.id, s.id, s.name || ' (' || p.name || ')' "
			    "FROM programme_service ps JOIN programme p ON p.id = ps.programme_id "
			    "JOIN service s ON s.id = ps.service_id WHERE p.status = 'active' "
			    "ORDER BY s.name COLLATE PL, p.name COLLATE PL", 0, out, n);
}

int catalogue_providers_of(struct cd_db *db, int64_t service_id, struct choice **out,
			   size_t *n)
{
	return choice_query(db, "SELECT v.id, 0, v.name FROM provider_service pv "
			    "JOIN provider v ON v.id = pv.provider_id WHERE pv.service_id = ?1 "
			    "ORDER BY v.name COLLATE PL", service_id, out, n);
}

int catalogue_places(struct cd_db *db, struct choice **out, size_t *n)
{
	return choice_query(db, "SELECT id, 0, name || CASE WHEN address != '' THEN ', ' || "
			    "address ELSE '' END FROM place ORDER BY name COLLATE PL", 0, out, n);
}

int catalogue_programmes(struct cd_db *db, struct choice **out, size_t *n)
{
	return choice_query(db, "SELECT id, 0, name FROM programme WHERE status = 'active' "
			    "ORDER BY name COLLATE PL", 0, out, n);
}

int catalogue_areas(struct cd_db *db, struct choice **out, size_t *n)
{
	return choice_query(db, strcmp(i18n_lang(), "en") ?
			    "SELECT code, 0, code || '. ' || name_pl FROM area ORDER BY code" :
			    "SELECT code, 0, code || '. ' || name_en FROM area ORDER BY code",
			    0, out, n);
}

int catalogue_providers(struct cd_db *db, struct choice **out, size_t *n)
{
	return choice_query(db, "SELECT id, 0, name FROM provider ORDER BY name COLLATE PL",
			    0, out, n);
}

int catalogue_services(struct cd_db *db, struct choice **out, size_t *n)
{
	return choice_query(db, "SELECT id, 0, name FROM service ORDER BY name COLLATE PL",
			    0, out, n);
}
