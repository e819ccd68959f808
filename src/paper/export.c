/* export.c - the lists as CSV for spreadsheets. */
#include "export.h"
#include "codes.h"
#include "csv.h"
#include "dbint.h"
#include "document.h"
#include "i18n.h"
#include "offer.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *code;
	bool personal;
	enum perm perm;
} kinds[] = {
	[EXPORT_PERSONS] = {"persons", true, PERM_PERSON_WRITE},
	[EXPORT_REQUESTS] = {"requests", true, PERM_REQUEST_FILE},
	[EXPORT_PLANS] = {"plans", true, PERM_CASE_CONTENT},
	[EXPORT_WAITING] = {"waiting", true, PERM_CASE_CONTENT},
	[EXPORT_CATALOGUE] = {"catalogue", false, PERM_OFFER_READ},
};

bool export_kind_parse(const char *s, enum export_kind *out)
{
	size_t i;

	for (i = 0; s && i < ARRAY_SIZE(kinds); i++)
		if (!strcmp(s, kinds[i].code)) {
			*out = (enum export_kind)i;
			return true;
		}
	return false;
}

bool export_is_personal(enum export_kind k)
{
	return kinds[k].personal;
}

/* The column headings; the person columns use the names other systems use
 * too, so that an exported file imports back (import.c maps them). */
static const char *const person_head[] = {
	N_("Surname"), N_("First name"), N_("PESEL"), N_("Date of birth"), N_("Sex"),
	N_("Street"), N_("House no."), N_("Flat no."), N_("Postal code"), N_("Town"),
	N_("Gmina"), N_("Phone"), N_("E-mail"),
};

static void heading(struct strbuf *sb, const char *const *h, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		csv_cell(sb, _(h[i]), i == 0);
	csv_row_end(sb);
}

/* Every row of sql as cells; column c is translated through the code
 * table codes[c] when it is not NULL. */
/* The cases a sees, for the SQL of case contents: ?1 the user, ?2 all
 * (the organiser, the director and the host's administrator); else the
 * coordinator's own and shared cases. */
#define VISIBLE_CASE(r) "(?2 OR " r ".coordinator_id = ?1 OR EXISTS (SELECT 1 FROM " \
	"case_share cs WHERE cs.request_id = " r ".id AND cs.user_id = ?1))"

static long rows_of_for(struct cd_db *db, const struct actor *a, const char *sql,
			const struct code_table *const *codes, int ncols, struct strbuf *sb);

static long rows_of(struct cd_db *db, const char *sql, const struct code_table *const *codes,
		    int ncols, struct strbuf *sb)
{
	return rows_of_for(db, NULL, sql, codes, ncols, sb);
}

static long rows_of_for(struct cd_db *db, const struct actor *a, const char *sql,
			const struct code_table *const *codes, int ncols, struct strbuf *sb)
{
	sqlite3_stmt *st;
	long n = 0;
	int c;

	if (db_prepare(db, sql, &st))
		return -1;
	if (a) {
		sqlite3_bind_int64(st, 1, a->user_id);
		sqlite3_bind_int(st, 2, a->user_id == 0 ||
				 (a->roles & (ROLE_ORGANISER | ROLE_DIRECTOR)) != 0);
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (c = 0; c < ncols; c++) {
			const char *v = (const char *)sqlite3_column_text(st, c);
			if (codes && codes[c] && v && v[0])
				v = code_label(codes[c], v);
			csv_cell(sb, v ? v : "", c == 0);
		}
		csv_row_end(sb);
		n++;
	}
	return db_finish(st) ? -1 : n;
}

static long persons(struct cd_db *db, struct strbuf *sb)
{
	heading(sb, person_head, ARRAY_SIZE(person_head));
	return rows_of(db, "SELECT p.surname, p.first_names, COALESCE(p.pesel, ''), "
		       "COALESCE(p.birth_date, ''), COALESCE(p.sex, ''), p.street, p.house_no, "
		       "p.flat_no, p.postcode, p.town, COALESCE(g.name, ''), p.phone, p.email "
		       "FROM person p LEFT JOIN gmina g ON g.id = p.gmina_id ORDER BY p.sort_key",
		       NULL, 13, sb);
}

static long requests(struct cd_db *db, struct strbuf *sb)
{
	static const char *const head[] = {
		N_("Case ref."), N_("Filed"), N_("Surname"), N_("First name"), N_("PESEL"),
		N_("Channel"), N_("Status"), N_("Coordinator"), N_("Asked for"),
	};
	const struct code_table *codes[] = {NULL, NULL, NULL, NULL, NULL, &codes_channel,
					    &codes_request_status, NULL, NULL};

	heading(sb, head, ARRAY_SIZE(head));
	return rows_of(db, "SELECT r.case_ref, r.filed_on, p.surname, p.first_names, "
		       "COALESCE(p.pesel, ''), r.channel, r.status, COALESCE(u.full_name, ''), "
		       "r.asked FROM request r JOIN person p ON p.id = r.person_id "
		       "LEFT JOIN app_user u ON u.id = r.coordinator_id "
		       "ORDER BY r.filed_on, r.case_year, r.case_no", codes, 9, sb);
}

static long plans(struct cd_db *db, const struct actor *a, struct strbuf *sb)
{
	static const char *const head[] = {
		N_("Case ref."), N_("Surname"), N_("First name"), N_("Version"), N_("Status"),
		N_("From"), N_("To"), N_("Approved"), N_("Coordinator"), N_("Services"),
	};
	const struct code_table *codes[] = {NULL, NULL, NULL, NULL, &codes_plan_status, NULL,
					    NULL, NULL, NULL, NULL};

	heading(sb, head, ARRAY_SIZE(head));
	/* the newest version of every plan, with its services */
	return rows_of_for(db, a, "SELECT r.case_ref, p.surname, p.first_names, v.version_no, v.status, "
		       "v.period_from, v.period_to, COALESCE(date(v.decided_at), ''), "
		       "COALESCE(u.full_name, ''), COALESCE((SELECT group_concat(s.name, ', ') "
		       "FROM plan_item i JOIN service s ON s.id = i.service_id WHERE "
		       "i.version_id = v.id), '') FROM plan pl JOIN plan_version v ON "
		       "v.plan_id = pl.id AND v.version_no = (SELECT max(version_no) FROM "
		       "plan_version WHERE plan_id = pl.id) JOIN request r ON r.id = pl.request_id "
		       "JOIN person p ON p.id = pl.person_id LEFT JOIN app_user u ON "
		       "u.id = pl.coordinator_id WHERE " VISIBLE_CASE("r")
		       " ORDER BY r.case_year, r.case_no", codes, 10, sb);
}

static long waiting(struct cd_db *db, const struct actor *a, struct strbuf *sb)
{
	static const char *const head[] = {
		N_("Service"), N_("No."), N_("Filed"), N_("Case ref."), N_("Surname"),
		N_("First name"), N_("Programme"),
	};

	heading(sb, head, ARRAY_SIZE(head));
	/* the place in the queue counts every waiting person; the rows are the
	 * cases the user sees */
	return rows_of_for(db, a, "SELECT s.name, (SELECT count(*) FROM waiting_entry w2 JOIN request "
		       "r2 ON r2.id = w2.request_id WHERE w2.service_id = w.service_id AND "
		       "w2.removed_on IS NULL AND (r2.filed_on < r.filed_on OR (r2.filed_on = "
		       "r.filed_on AND w2.id <= w.id))), r.filed_on, r.case_ref, p.surname, "
		       "p.first_names, pr.name FROM waiting_entry w JOIN service s ON "
		       "s.id = w.service_id JOIN request r ON r.id = w.request_id JOIN person p ON "
		       "p.id = r.person_id JOIN programme pr ON pr.id = w.programme_id WHERE "
		       "w.removed_on IS NULL AND " VISIBLE_CASE("r")
		       " ORDER BY s.name COLLATE PL, 2", NULL, 7, sb);
}

static long catalogue(struct cd_db *db, const struct actor *a, struct strbuf *sb)
{
	static const char *const head[] = {
		N_("Service"), N_("Area"), N_("Unit"), N_("Group service"), N_("Fee"),
		N_("Programmes"),
	};
	struct service *sv;
	size_t n, i;
	sqlite3_stmt *st;

	heading(sb, head, ARRAY_SIZE(head));
	if (service_list(db, a, &sv, &n))
		return -1;
	if (db_prepare(db, "SELECT group_concat(name, ', ') FROM (SELECT p.name FROM "
		       "programme_service ps JOIN programme p ON p.id = ps.programme_id WHERE "
		       "ps.service_id = ?1 AND p.status = 'active' ORDER BY p.name COLLATE PL)",
		       &st)) {
		free(sv);
		return -1;
	}
	for (i = 0; i < n; i++) {
		char *fee = service_fee_text(&sv[i]);
		char area[8];
		snprintf(area, sizeof(area), "%d", sv[i].area_code);
		csv_cell(sb, sv[i].name, true);
		csv_cell(sb, area, false);
		csv_cell(sb, code_label(&codes_unit, sv[i].unit), false);
		csv_cell(sb, sv[i].is_group ? _("yes") : _("no"), false);
		csv_cell(sb, fee, false);
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, sv[i].id);
		csv_cell(sb, sqlite3_step(st) == SQLITE_ROW ?
			 (const char *)sqlite3_column_text(st, 0) : "", false);
		csv_row_end(sb);
		free(fee);
	}
	sqlite3_finalize(st);
	free(sv);
	return (long)n;
}

int export_csv(struct cd_db *db, const struct actor *a, enum export_kind k, char **out,
	       long *rows, struct fielderr *e)
{
	struct strbuf sb;
	long n;
	int rc;

	*out = NULL;
	*rows = 0;
	fielderr_clear(e);
	if (a->user_id != 0 && (rc = actor_require(a, kinds[k].perm, e)))
		return rc;
	sb_init(&sb);
	switch (k) {
	case EXPORT_PERSONS:
		n = persons(db, &sb);
		break;
	case EXPORT_REQUESTS:
		n = requests(db, &sb);
		break;
	case EXPORT_PLANS:
		n = plans(db, a, &sb);
		break;
	case EXPORT_WAITING:
		n = waiting(db, a, &sb);
		break;
	default:
		n = catalogue(db, a, &sb);
		break;
	}
	if (n < 0) {
		sb_release(&sb);
		return CD_EDB;
	}
	if (kinds[k].personal) {
		char detail[64];
		snprintf(detail, sizeof(detail), "%ld rows", n);
		if (audit_add(db, a->user_id, "export", kinds[k].code, 0, detail)) {
			sb_release(&sb);
			return CD_EDB;
		}
	}
	*rows = n;
	*out = sb_detach(&sb);
	return CD_OK;
}

int export_to_documents(struct cd_db *db, const struct actor *a, enum export_kind k,
			enum csv_encoding enc, char *path, size_t size, long *rows,
			struct fielderr *e)
{
	struct date today;
	char *text, *bytes, *name, day[11];
	size_t len;
	int rc;

	if ((rc = export_csv(db, a, k, &text, rows, e)))
		return rc;
	date_today(&today);
	date_format(&today, day);
	name = xasprintf("%s-%s", kinds[k].code, day);
	if (!(rc = documents_path(db, a, name, "csv", path, size, e)) &&
	    !(rc = csv_encode(text, enc, &bytes, &len, e))) {
		rc = csv_write_file(path, bytes, len, e);
		free(bytes);
	}
	free(name);
	free(text);
	return rc;
}
