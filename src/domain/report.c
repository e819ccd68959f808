/* report.c - the quarterly report to the ministry. */
#include "report.h"
#include "csv.h"
#include "dbint.h"
#include "embedded.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int may_report(const struct actor *a, struct fielderr *e)
{
	if (a->user_id == 0 || actor_can(a, PERM_REPORTS))
		return CD_OK;
	fielderr_set(e, -1, "%s", _("reports are for the services organiser and the director"));
	return CD_EPERM;
}

int report_categories_sync(struct cd_db *db)
{
	const struct embedded_file *f = embedded_get("seed/report-categories.tsv");
	char *copy, *line, *save = NULL;
	sqlite3_stmt *cat = NULL, *del = NULL, *match = NULL;
	int pos = 0, rc = CD_OK;
	char stamp[20];
	bool same;

	if (!f)
		BUG("seed/report-categories.tsv missing");
	/* a report is a read: the categories are written again only when the
	 * program brings a different list (FNV-1a of the file, in a setting) */
	{
		uint64_t h = 1469598103934665603ull;
		size_t i;
		char *have;
		for (i = 0; i < f->len; i++)
			h = (h ^ (unsigned char)f->text[i]) * 1099511628211ull;
		snprintf(stamp, sizeof(stamp), "%016llx", (unsigned long long)h);
		have = setting_get(db, "report_categories_hash", "");
		same = !strcmp(have, stamp);
		free(have);
		if (same)
			return CD_OK;
	}
	if ((rc = db_begin(db)))
		return rc;
	if (db_prepare(db, "INSERT INTO report_category(code, kind, position, name_pl, name_en) "
		       "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(code) DO UPDATE SET "
		       "kind = excluded.kind, position = excluded.position, "
		       "name_pl = excluded.name_pl, name_en = excluded.name_en", &cat) ||
	    db_prepare(db, "DELETE FROM report_category_match WHERE category = ?1", &del) ||
	    db_prepare(db, "INSERT INTO report_category_match(category, area_code, activity) "
		       "VALUES (?1, ?2, ?3)", &match)) {
		rc = CD_EDB;
		goto out;
	}
	copy = xstrndup(f->text, f->len);
	for (line = strtok_r(copy, "\n", &save); line && !rc; line = strtok_r(NULL, "\n", &save)) {
		char *fl[5], *p = line, *m, *msave = NULL;
		int k = 0;
		if (pos++ == 0)
			continue;                       /* the header */
		while (k < 5) {
			char *tab = strchr(p, '\t');
			fl[k++] = p;
			if (!tab)
				break;
			*tab = '\0';
			p = tab + 1;
		}
		if (k < 5)
			continue;
		sqlite3_reset(cat);
		sqlite3_bind_text(cat, 1, fl[0], -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(cat, 2, fl[1], -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(cat, 3, pos);
		sqlite3_bind_text(cat, 4, fl[2], -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(cat, 5, fl[3], -1, SQLITE_TRANSIENT);
		sqlite3_reset(del);
		sqlite3_bind_text(del, 1, fl[0], -1, SQLITE_TRANSIENT);
		if (sqlite3_step(cat) != SQLITE_DONE || sqlite3_step(del) != SQLITE_DONE) {
			rc = CD_EDB;
			break;
		}
		for (m = strtok_r(fl[4], ",", &msave); m && !rc; m = strtok_r(NULL, ",", &msave)) {
			sqlite3_reset(match);
			sqlite3_clear_bindings(match);
			sqlite3_bind_text(match, 1, fl[0], -1, SQLITE_TRANSIENT);
			if (!strcmp(fl[1], "service"))
				sqlite3_bind_int(match, 2, atoi(m));
			else
				sqlite3_bind_text(match, 3, m, -1, SQLITE_TRANSIENT);
			if (sqlite3_step(match) != SQLITE_DONE)
				rc = CD_EDB;
		}
	}
	free(copy);
out:
	sqlite3_finalize(cat);
	sqlite3_finalize(del);
	sqlite3_finalize(match);
	if (!rc)
		rc = setting_set(db, "report_categories_hash", stamp);
	if (rc || db_commit(db)) {
		db_rollback(db);
		return CD_EDB;
	}
	return CD_OK;
}

bool quarter_parse(const char *q, char from[11], char to[11])
{
	static const char *ends[] = {"03-31", "06-30", "09-30", "12-31"};
	int y, n;
	char extra;

	if (!q || sscanf(q, "%4dQ%1d%c", &y, &n, &extra) != 2 || y < 2000 || y > 2999 ||
	    n < 1 || n > 4 || strlen(q) != 6)
		return false;
	snprintf(from, 11, "%04d-%02d-01", y, (n - 1) * 3 + 1);
	snprintf(to, 11, "%04d-%s", y, ends[n - 1]);
	return true;
}

/* When an item of a version really ran: from its start to its end, its
 * early end, or the day the next version took over. */
#define ITEM_END "min(COALESCE(i.ended_on, i.ends_on), COALESCE((SELECT date(v2.decided_at) " \
	"FROM plan_version v2 WHERE v2.plan_id = v.plan_id AND v2.version_no = v.version_no + 1 " \
	"AND v2.status IN ('approved', 'superseded')), '9999-12-31'))"
#define ACT_END "min(COALESCE(a.ends_on, v.period_to), COALESCE((SELECT date(v2.decided_at) " \
	"FROM plan_version v2 WHERE v2.plan_id = v.plan_id AND v2.version_no = v.version_no + 1 " \
	"AND v2.status IN ('approved', 'superseded')), '9999-12-31'))"

/* A member of a group service or activity between ?1 and ?2. */
#define GROUP_IN "g.joined_on <= ?2 AND COALESCE(g.left_on, '9999-12-31') >= ?1"

/* Distinct persons per category between from and to: those with a plan's
 * service or supporting activity, and the members of group services and
 * of the supporting activities run outside plans. */
static int count_persons(struct cd_db *db, const char *from, const char *to,
			 struct quarterly_report *r, bool total)
{
	sqlite3_stmt *st;
	size_t i;

	/* one pass over what ran in the period, each row joined to the
	 * categories its area or kind belongs to (not one pass per category) */
	if (db_prepare(db, "SELECT m.category, count(DISTINCT x.pid) FROM ("
		       "SELECT p.person_id AS pid, s.area_code AS area, NULL AS kind "
		       "FROM plan_item i JOIN plan_version v ON v.id = i.version_id "
		       "AND v.status IN ('approved', 'superseded') "
		       "JOIN plan p ON p.id = v.plan_id JOIN service s ON s.id = i.service_id "
		       "WHERE i.starts_on <= ?2 AND COALESCE(i.ended_on, i.ends_on) >= ?1 "
		       "AND " ITEM_END " >= ?1 "
		       "UNION ALL SELECT g.person_id, s.area_code, NULL FROM group_member g "
		       "JOIN service s ON s.id = g.service_id WHERE " GROUP_IN " "
		       "UNION ALL SELECT p.person_id, NULL, a.kind FROM supporting_activity a "
		       "JOIN plan_version v ON v.id = a.version_id "
		       "AND v.status IN ('approved', 'superseded') "
		       "JOIN plan p ON p.id = v.plan_id "
		       "WHERE COALESCE(a.starts_on, v.period_from) <= ?2 AND " ACT_END " >= ?1 "
		       "UNION ALL SELECT g.person_id, NULL, a.kind FROM group_member g "
		       "JOIN activity a ON a.id = g.activity_id WHERE " GROUP_IN ") x "
		       "JOIN report_category_match m ON m.area_code = x.area OR m.activity = x.kind "
		       "GROUP BY m.category", &st))
		return CD_EDB;
	for (i = 0; i < r->nrows; i++)
		if (total)
			r->rows[i].total = 0;
		else
			r->rows[i].period = 0;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 0);
		for (i = 0; i < r->nrows; i++)
			if (!strcmp(r->rows[i].code, code)) {
				if (total)
					r->rows[i].total = sqlite3_column_int64(st, 1);
				else
					r->rows[i].period = sqlite3_column_int64(st, 1);
			}
	}
	if (db_finish(st))
		return CD_EDB;
	/* anyone served at all, and the plans started */
	if (db_prepare(db, "SELECT (SELECT count(DISTINCT pid) FROM (SELECT p.person_id AS pid "
		       "FROM plan_item i JOIN plan_version v ON v.id = i.version_id "
		       "AND v.status IN ('approved', 'superseded') "
		       "JOIN plan p ON p.id = v.plan_id WHERE i.starts_on <= ?2 AND "
		       "COALESCE(i.ended_on, i.ends_on) >= ?1 AND "
		       ITEM_END " >= ?1 UNION ALL SELECT g.person_id FROM group_member g "
		       "WHERE g.service_id IS NOT NULL AND " GROUP_IN ")), (SELECT count(*) FROM plan_version v WHERE "
		       "v.version_no = 1 AND v.status IN ('approved', 'superseded') AND "
		       "v.period_from BETWEEN ?1 AND ?2)", &st))
		return CD_EDB;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		if (total) {
			r->persons_total = sqlite3_column_int64(st, 0);
			r->plans_total = sqlite3_column_int64(st, 1);
		} else {
			r->persons_period = sqlite3_column_int64(st, 0);
			r->plans_period = sqlite3_column_int64(st, 1);
		}
	}
	sqlite3_finalize(st);
	return CD_OK;
}

int report_quarterly(struct cd_db *db, const struct actor *a, const char *quarter,
		     struct quarterly_report *out, struct fielderr *e)
{
	sqlite3_stmt *st;
	size_t cap = 20;
	char *since;
	struct date d;
	bool en = !strcmp(i18n_lang(), "en");
	int rc;

	memset(out, 0, sizeof(*out));
	fielderr_clear(e);
	if ((rc = may_report(a, e)))
		return rc;
	if (!quarter_parse(quarter, out->from, out->to))
		return fielderr_set(e, -1, "%s", _("Quarter: write it like 2026Q4"));
	str_copy(out->quarter, sizeof(out->quarter), quarter);
	since = setting_get(db, "centre_started", "");
	if (!date_parse(since, &d)) {
		/* not set: since the first request */
		free(since);
		since = NULL;
		if (db_prepare(db, "SELECT COALESCE(min(filed_on), '2020-01-01') FROM request", &st))
			return CD_EDB;
		if (sqlite3_step(st) == SQLITE_ROW)
			since = db_col_dup(st, 0);
		sqlite3_finalize(st);
	}
	str_copy(out->since, sizeof(out->since), since ? since : "2020-01-01");
	free(since);
	if (strcmp(out->since, out->to) > 0)
		return fielderr_set(e, -1, _("Quarter: ends before the centre started (%s)"),
				    out->since);
	if ((rc = report_categories_sync(db)))
		return rc;
	if (db_prepare(db, "SELECT code, kind, name_pl, name_en FROM report_category "
		       "ORDER BY kind = 'activity', position", &st))
		return CD_EDB;
	out->rows = xcalloc(cap, sizeof(*out->rows));
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct report_row *row = array_push((void **)&out->rows, &out->nrows, &cap,
						    sizeof(*out->rows));
		db_col_copy(st, 0, row->code, sizeof(row->code));
		db_col_copy(st, 1, row->kind, sizeof(row->kind));
		db_col_copy(st, en ? 3 : 2, row->name, sizeof(row->name));
	}
	if ((rc = db_finish(st)) ||
	    (rc = count_persons(db, out->from, out->to, out, false)) ||
	    (rc = count_persons(db, out->since, out->to, out, true))) {
		quarterly_report_release(out);
		return rc;
	}
	return CD_OK;
}

void quarterly_report_release(struct quarterly_report *r)
{
	free(r->rows);
	r->rows = NULL;
	r->nrows = 0;
}

/* Appends s cut or padded to width characters (Polish letters are one
 * character, whatever their bytes). */
static void add_col(struct strbuf *sb, const char *s, size_t width)
{
	const char *p = s;
	size_t n = 0;

	while (*p && n < width) {
		const char *start = p;
		utf8_next(&p);
		sb_addn(sb, start, (size_t)(p - start));
		n++;
	}
	for (; n < width; n++)
		sb_addc(sb, ' ');
}

static void add_line(struct strbuf *sb, const char *name, long a, long b)
{
	sb_add(sb, "  ");
	add_col(sb, name, 56);
	sb_addf(sb, " %8ld %8ld\n", a, b);
}

char *quarterly_report_format(const struct quarterly_report *r, bool csv)
{
	struct strbuf sb;
	const char *kind = "";
	size_t i;

	sb_init(&sb);
	if (csv) {
		csv_cell(&sb, _("category"), true);
		csv_cell(&sb, _("kind"), false);
		csv_cell(&sb, r->quarter, false);
		csv_cell(&sb, _("since the start"), false);
		csv_row_end(&sb);
		for (i = 0; i < r->nrows; i++) {
			csv_cell(&sb, r->rows[i].name, true);
			csv_cell(&sb, r->rows[i].kind, false);
			csv_cell_long(&sb, r->rows[i].period, false);
			csv_cell_long(&sb, r->rows[i].total, false);
			csv_row_end(&sb);
		}
		csv_cell(&sb, _("plans started"), true);
		csv_cell(&sb, "", false);
		csv_cell_long(&sb, r->plans_period, false);
		csv_cell_long(&sb, r->plans_total, false);
		csv_row_end(&sb);
		csv_cell(&sb, _("persons served (any service)"), true);
		csv_cell(&sb, "", false);
		csv_cell_long(&sb, r->persons_period, false);
		csv_cell_long(&sb, r->persons_total, false);
		csv_row_end(&sb);
		return sb_detach(&sb);
	}
	sb_addf(&sb, _("Quarterly report %s (%s – %s); cumulative since %s"), r->quarter, r->from,
		r->to, r->since);
	sb_add(&sb, "\n");
	for (i = 0; i < r->nrows; i++) {
		if (strcmp(kind, r->rows[i].kind)) {
			kind = r->rows[i].kind;
			sb_addf(&sb, "\n%s\n", !strcmp(kind, "service") ?
				_("Distinct persons per kind of social service:") :
				_("Distinct persons per kind of supporting activity:"));
			sb_add(&sb, "  ");
			add_col(&sb, "", 56);
			sb_addf(&sb, " %*s%s %*s%s\n", 8 - (int)utf8_len(_("quarter")), "",
				_("quarter"), 8 - (int)utf8_len(_("total")), "", _("total"));
		}
		add_line(&sb, r->rows[i].name, r->rows[i].period, r->rows[i].total);
	}
	sb_add(&sb, "\n");
	add_line(&sb, _("Plans (IPUS) started"), r->plans_period, r->plans_total);
	add_line(&sb, _("Persons served, any service"), r->persons_period, r->persons_total);
	return sb_detach(&sb);
}
