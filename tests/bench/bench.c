/* bench.c - `make bench`: every action of the desk on ten years of a
 * centre, beside the raw SQL that returns the same rows.
 *
 * For each size (1,000, 10,000 and 100,000 persons; BENCH_SIZES to
 * choose) gen.c builds the database once under build/ and reuses it; the
 * bench works on a copy, so the writes it times (a save, an import) never
 * change the next run's data.  Each action is timed through the domain,
 * as the desk calls it, and its floor -- a query written by hand, run on
 * the raw SQLite handle -- is timed beside it; the two must return the
 * same number of rows.  One table: action, size, p50/p95, floor p95,
 * ratio, growth from the smallest to the largest size, memory.  The run
 * fails when a target is missed (see README, "Speed"). */
#include "auth.h"
#include "casefile.h"
#include "centre.h"
#include "casepath.h"
#include "card.h"
#include "dbint.h"
#include "export.h"
#include "gen.h"
#include "import.h"
#include "journal.h"
#include "monitoring.h"
#include "offer.h"
#include "person.h"
#include "plan.h"
#include "report.h"
#include "request.h"
#include "rodo.h"
#include "summary.h"
#include "text.h"
#include "worklist.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define GEN_VERSION "7"   /* raise when gen.c changes what it builds */
#define MAX_SIZES 4

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* What the actions work on, found in the database once per size. */
struct ctx {
	struct cd_db *db;
	sqlite3 *h;
	struct actor coord, organiser, director;
	int64_t request_id, person_id, plan_id, item_id;
	struct date today;
	char today_s[11], quarter[24], half_from[11], anon_before[11];
	const char *import_csv;
	int iter;                 /* which run of the action this is */
	int absence_limit;
};

static const char *queries[] = {
	"a", "n", "k", "ż", "z", "ł", "no", "now", "nowa", "nowak", "kow", "kowal",
	"kowalski", "wis", "wiśn", "zol", "lodz", "m", "ma", "maz", "mazur", "kowalski jan",
	"nowak anna", "19", "cus", "cus.ipus.1", "cus.ipus.123", "x", "qqq", "s", "sl", "śli",
};
#define NQUERIES (sizeof(queries) / sizeof(*queries))

/* ---- the persons-only database of the many-desks bench (desks.c) ---- */

#define PERSONS 100000
static const char *pfirst[] = {"Anna", "Maria", "Katarzyna", "Małgorzata", "Żaneta",
	"Łucja", "Jan", "Stanisław", "Józef", "Łukasz", "Ścibor", "Zdzisław", "Grażyna",
	"Elżbieta", "Bożena", "Wiesław", "Mieczysław", "Agnieszka", "Tomasz", "Paweł"};
static const char *plast[] = {"Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk",
	"Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak", "Dąbrowski",
	"Kozłowski", "Mazur", "Krawczyk", "Żółć", "Łódź", "Źrebiec", "Ślązak", "Ćwik",
	"Śliwa", "Żurawski", "Łukasik", "Ożóg", "Bąk", "Król", "Wróbel", "Stępień",
	"Górski", "Michalak", "Sikora"};


/* 100,000 fictional residents and a request for every tenth, saved
 * through the domain, 5,000 to a transaction: the database desks.c
 * copies for its desks. */
static int build_persons_db(const char *path)
{
	struct cd_db *db;
	struct actor sys;
	struct fielderr e;
	char *err = NULL;
	unsigned r = 12345;
	int i;
	double t0 = now_ms();

	actor_system(&sys);
	if (db_open(path, DB_CREATE_NEW, &db, &err) || centre_setup(db, "bench") ||
	    /* the desks file their cases months back (a request may not
	     * precede the centre) */
	    setting_set(db, "centre_started", "2016-01-01")) {
		fprintf(stderr, "bench: %s\n", err ? err : "setup failed");
		return 1;
	}
	/* persons are saved through the same domain code as the desk, in
	 * batches of 5,000 per transaction */
	for (i = 0; i < PERSONS; i++) {
		struct person p;
		if (i % 5000 == 0 && db_begin(db))
			return 1;
		person_init(&p);
		r = r * 1103515245u + 12345u;
		snprintf(p.first_names, sizeof(p.first_names), "%s", pfirst[(r >> 8) % 20]);
		r = r * 1103515245u + 12345u;
		snprintf(p.surname, sizeof(p.surname), "%s%s", plast[(r >> 8) % 30],
			 (r >> 20) % 3 ? "" : "-Nowicka");
		snprintf(p.birth_date, sizeof(p.birth_date), "19%02d-%02d-%02d",
			 30 + (int)((r >> 4) % 70), 1 + (int)(r % 12), 1 + (int)((r >> 12) % 28));
		if (person_save(db, &sys, &p, &e)) {
			fprintf(stderr, "bench: %s\n", e.msg);
			return 1;
		}
		if (i % 10 == 0) {
			struct request q;
			request_init(&q);
			q.person_id = p.id;
			snprintf(q.asked, sizeof(q.asked), "usługi opiekuńcze");
			if (request_file(db, &sys, &q, &e))
				return 1;
		}
		if (i % 5000 == 4999 && db_commit(db))
			return 1;
	}
	db_close(&db);
	printf("built %s: %d persons in %.1f s\n", path, PERSONS, (now_ms() - t0) / 1000);
	return 0;
}

/* ---- raw SQL helpers ---- */

/* Steps a statement to the end, reading every column (the work a caller
 * does), and returns the rows. */
static long drain(sqlite3_stmt *st)
{
	long n = 0;
	int i, cols = sqlite3_column_count(st);

	while (sqlite3_step(st) == SQLITE_ROW) {
		for (i = 0; i < cols; i++)
			(void)sqlite3_column_text(st, i);
		n++;
	}
	sqlite3_finalize(st);
	return n;
}

static sqlite3_stmt *raw(struct ctx *c, const char *sql)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(c->h, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench: floor SQL: %s\n%s\n", sqlite3_errmsg(c->h), sql);
		exit(2);
	}
	return st;
}

/* ---- the worklist and its floor ---- */

/* A worklist's fingerprint: each item's kind and case summed, so that the
 * action and its floor must find the same items, not only as many (the
 * organiser's meeting and summary lines have no case and are left out). */
static long wl_sum(int kind, int64_t request_id)
{
	return request_id ? (long)(kind + 1) * 1000003L + (long)request_id : 0;
}

static long act_worklist(struct ctx *c, const struct actor *a)
{
	struct wl_item *w;
	size_t n, i;
	long sum = 0;
	if (worklist(c->db, a, &c->today, &w, &n))
		return -1;
	for (i = 0; i < n; i++)
		sum += wl_sum((int)w[i].kind, w[i].request_id);
	free(w);
	return sum;
}

/* By hand, the same items with the same columns: the actor's cases found
 * first (own and shared) and the plans among them still open, then each
 * kind of due item joined from them; the kind numbers are enum wl_kind's. */
#define FLOOR_MINE "WITH mine(id) AS MATERIALIZED (SELECT id FROM request WHERE " \
	"coordinator_id = ?3 UNION SELECT request_id FROM case_share WHERE user_id = ?3), " \
	"op(pid, rid) AS MATERIALIZED (SELECT p.id, p.request_id FROM mine JOIN plan p ON " \
	"p.request_id = mine.id WHERE NOT EXISTS (SELECT 1 FROM closure c WHERE c.plan_id = p.id)) "

static const char *floor_worklist_sql =
	FLOOR_MINE
	"SELECT x.k, x.due, x.rid, x.pid, x.detail, r.case_ref, pe.surname || ' ' || "
	"pe.first_names FROM ("
	"SELECT 0 AS k, date(r.filed_on, '+30 days') AS due, r.id AS rid, 0 AS pid, '' AS detail "
	"FROM mine JOIN request r ON r.id = mine.id WHERE r.status IN ('filed', 'assessment') "
	"AND NOT EXISTS (SELECT 1 FROM assessment s WHERE s.request_id = r.id AND s.status = 'final') "
	"UNION ALL SELECT 1, date(r.filed_on, '+30 days'), r.id, COALESCE(p.id, 0), '' FROM mine "
	"JOIN request r ON r.id = mine.id JOIN assessment s ON s.request_id = r.id AND "
	"s.outcome = 'qualified' LEFT JOIN plan p ON p.request_id = r.id WHERE r.status = "
	"'qualified' AND NOT EXISTS (SELECT 1 FROM plan_version v WHERE v.plan_id = p.id AND "
	"v.status IN ('submitted', 'approved', 'superseded')) AND (s.coordination_months IS NULL "
	"OR s.coordination_months >= 3 OR p.id IS NOT NULL) "
	"UNION ALL SELECT 2, date(v.decided_at), p.request_id, p.id, v.return_comment FROM mine "
	"JOIN plan p ON p.request_id = mine.id JOIN plan_version v ON v.plan_id = p.id AND "
	"v.status = 'returned' "
	"UNION ALL SELECT 4, date(o.sent_on, '+' || ?4 || ' days'), op.rid, op.pid, "
	"sv.name || ' – ' || pv.name FROM op JOIN plan_version v ON v.plan_id = op.pid AND "
	"v.status = 'approved' JOIN plan_item i ON i.version_id = v.id AND i.ended_on IS NULL "
	"JOIN service_order o ON o.item_id = i.id AND o.provider_contact_on IS NULL "
	"JOIN service sv ON sv.id = i.service_id JOIN provider pv ON pv.id = i.provider_id "
	"WHERE date(o.sent_on, '+' || ?4 || ' days') <= ?1 "
	"UNION ALL SELECT 6, date(v1.period_from, '+' || ?5 || ' months'), op.rid, op.pid, '' "
	"FROM op JOIN plan_version v1 ON v1.plan_id = op.pid AND v1.version_no = 1 WHERE EXISTS "
	"(SELECT 1 FROM plan_version v WHERE v.plan_id = op.pid AND v.status = 'approved') AND "
	"date(v1.period_from, '+' || ?5 || ' months', '-14 days') <= ?1 AND NOT EXISTS (SELECT 1 "
	"FROM monitoring_note m WHERE m.plan_id = op.pid AND m.held_on >= date(v1.period_from, "
	"'+' || ?5 || ' months', '-14 days')) "
	"UNION ALL SELECT 7, m.next_contact_on, op.rid, op.pid, '' FROM op JOIN monitoring_note m "
	"ON m.id = (SELECT m2.id FROM monitoring_note m2 WHERE m2.plan_id = op.pid ORDER BY "
	"m2.held_on DESC, m2.id DESC LIMIT 1) WHERE m.next_contact_on IS NOT NULL AND "
	"date(m.next_contact_on, '-7 days') <= ?1 "
	"UNION ALL SELECT 8, v.period_to, op.rid, op.pid, '' FROM op JOIN plan_version v ON "
	"v.plan_id = op.pid AND v.status = 'approved' WHERE date(v.period_to, '-30 days') <= ?1 "
	"UNION ALL SELECT 9, c.followup_due, p.request_id, p.id, '' FROM mine JOIN plan p ON "
	"p.request_id = mine.id JOIN closure c ON c.plan_id = p.id WHERE c.followup_on IS NULL "
	"AND date(c.followup_due, '-14 days') <= ?1 "
	/* absences: the running services of the plans in force over the
	 * limit, counted over each service's lineage */
	"UNION ALL SELECT 5, ?1, op.rid, op.pid, a.n FROM (WITH RECURSIVE lin(item, anc) AS "
	"(SELECT i.id, i.id FROM op JOIN plan_version v ON v.plan_id = op.pid AND v.status = "
	"'approved' JOIN plan_item i ON i.version_id = v.id AND i.ended_on IS NULL UNION ALL "
	"SELECT lin.item, pi.origin_id FROM lin JOIN plan_item pi ON pi.id = lin.anc WHERE "
	"pi.origin_id IS NOT NULL) SELECT lin.item AS item, sum(mi.absences) AS n FROM lin JOIN "
	"monitoring_item mi ON mi.item_id = lin.anc AND mi.superseded = 0 GROUP BY lin.item "
	"HAVING n >= ?6) a JOIN plan_item i ON i.id = a.item JOIN plan_version v ON "
	"v.id = i.version_id JOIN op ON op.pid = v.plan_id "
	/* what the organiser added to the offer in the last 30 days, for the
	 * unmet needs and the waits of these cases */
	"UNION ALL SELECT 12, date(max(oc.on_date), '+30 days'), r.id, 0, sv.name FROM offer_change "
	"oc JOIN service sv ON sv.id = oc.service_id JOIN programme pr ON pr.id = oc.programme_id "
	"AND pr.status = 'active' JOIN need n ON n.unmet = 1 AND n.answered_on IS NULL AND "
	"n.area_code = sv.area_code JOIN assessment s ON s.id = n.assessment_id AND s.held_on <= "
	"oc.on_date JOIN request r ON r.id = s.request_id JOIN mine ON mine.id = r.id WHERE "
	"r.status <> 'withdrawn' AND oc.on_date BETWEEN date(?1, '-30 days') AND ?1 GROUP BY n.id "
	"UNION ALL SELECT 12, date(max(oc.on_date), '+30 days'), r.id, 0, sv.name FROM offer_change "
	"oc JOIN service sv ON sv.id = oc.service_id JOIN programme pr ON pr.id = oc.programme_id "
	"AND pr.status = 'active' JOIN waiting_entry w ON w.service_id = oc.service_id AND "
	"w.removed_on IS NULL AND w.added_on <= oc.on_date JOIN request r ON r.id = w.request_id "
	"JOIN mine ON mine.id = r.id WHERE oc.on_date BETWEEN date(?1, '-30 days') AND ?1 "
	"GROUP BY w.id) x JOIN request r ON r.id = x.rid JOIN person pe ON pe.id = r.person_id";

static long floor_worklist(struct ctx *c, const struct actor *a)
{
	sqlite3_stmt *st = raw(c, floor_worklist_sql);
	long sum = 0;
	sqlite3_bind_text(st, 1, c->today_s, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, a->user_id);
	sqlite3_bind_int(st, 4, 14);
	sqlite3_bind_int(st, 5, 3);
	sqlite3_bind_int(st, 6, c->absence_limit);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int i;
		for (i = 1; i < 7; i++)
			(void)sqlite3_column_text(st, i);
		sum += wl_sum(sqlite3_column_int(st, 0), sqlite3_column_int64(st, 2));
	}
	sqlite3_finalize(st);
	return sum;
}

static long w_coord(struct ctx *c) { return act_worklist(c, &c->coord); }
static long f_coord(struct ctx *c) { return floor_worklist(c, &c->coord); }
static long w_org(struct ctx *c) { return act_worklist(c, &c->organiser); }
static long f_org(struct ctx *c) { return floor_worklist(c, &c->organiser); }
static long w_dir(struct ctx *c) { return act_worklist(c, &c->director); }
static long f_dir(struct ctx *c)
{
	sqlite3_stmt *st = raw(c, "SELECT r.id, v.submitted_at, r.case_ref, pe.surname || ' ' || "
			       "pe.first_names, v.version_no FROM plan_version v JOIN plan p ON "
			       "p.id = v.plan_id JOIN request r ON r.id = p.request_id JOIN person pe "
			       "ON pe.id = r.person_id WHERE v.status = 'submitted' AND "
			       "COALESCE(v.created_by, -1) <> ?1 AND COALESCE(v.changed_by, -1) <> ?1");
	long sum = 0;
	sqlite3_bind_int64(st, 1, c->director.user_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		(void)sqlite3_column_text(st, 3);
		sum += wl_sum(WL_APPROVAL, sqlite3_column_int64(st, 0));
	}
	sqlite3_finalize(st);
	return sum;
}

/* ---- login ---- */

static long a_login(struct ctx *c)
{
	struct actor a;
	if (user_login(c->db, "koordynator", "demo1234", &a))
		return -1;
	return act_worklist(c, &a);
}

static long f_login(struct ctx *c)
{
	sqlite3_stmt *st = raw(c, "SELECT pw_hash FROM app_user WHERE login = 'koordynator'");
	if (sqlite3_step(st) != SQLITE_ROW ||
	    crypto_pwhash_str_verify((const char *)sqlite3_column_text(st, 0), "demo1234", 8))
		return -1;
	sqlite3_finalize(st);
	return floor_worklist(c, &c->coord);
}

/* ---- a case ---- */

static long a_case(struct ctx *c)
{
	struct case_view cv;
	struct case_line *t;
	size_t nt;
	struct fielderr e;

	if (case_opened(c->db, &c->coord, c->request_id, "case view", &e) ||
	    case_load(c->db, &c->coord, c->request_id, &cv) ||
	    case_timeline(c->db, &c->coord, &cv, &c->today, &t, &nt))
		return -1;
	case_release(&cv);
	case_lines_free(t, nt);
	return 1;
}

/* The rows a case view shows, each read once. */
static long f_case(struct ctx *c)
{
	static const char *sql[] = {
		"SELECT r.*, pe.* FROM request r JOIN person pe ON pe.id = r.person_id WHERE r.id = ?1",
		"SELECT s.*, d.* FROM assessment s LEFT JOIN assessment_domain d ON "
		"d.assessment_id = s.id WHERE s.request_id = ?1",
		"SELECT n.* FROM assessment s JOIN need n ON n.assessment_id = s.id WHERE s.request_id = ?1",
		"SELECT v.*, i.*, o.* FROM plan p JOIN plan_version v ON v.plan_id = p.id JOIN "
		"plan_item i ON i.version_id = v.id LEFT JOIN service_order o ON o.item_id = i.id "
		"WHERE p.request_id = ?1",
		"SELECT m.*, mi.* FROM plan p JOIN monitoring_note m ON m.plan_id = p.id LEFT JOIN "
		"monitoring_item mi ON mi.note_id = m.id WHERE p.request_id = ?1",
		"SELECT c.* FROM plan p JOIN closure c ON c.plan_id = p.id WHERE p.request_id = ?1",
		"SELECT g.* FROM group_member g WHERE g.request_id = ?1",
	};
	size_t i;
	sqlite3_exec(c->h, "BEGIN", NULL, NULL, NULL);
	for (i = 0; i < sizeof(sql) / sizeof(*sql); i++) {
		sqlite3_stmt *st = raw(c, sql[i]);
		sqlite3_bind_int64(st, 1, c->request_id);
		drain(st);
	}
	/* what is due in it: the worklist's statement, for one case */
	{
		sqlite3_stmt *st = raw(c, "INSERT INTO audit_log(user_id, action, entity, entity_id) "
				       "VALUES (?1, 'case.read', 'request', ?2)");
		sqlite3_bind_int64(st, 1, c->coord.user_id);
		sqlite3_bind_int64(st, 2, c->request_id);
		sqlite3_step(st);
		sqlite3_finalize(st);
	}
	sqlite3_exec(c->h, "COMMIT", NULL, NULL, NULL);
	return 1;
}

static long a_card(struct ctx *c)
{
	int rc;
	char *t = service_card(c->db, &c->coord, c->person_id, &rc);
	free(t);
	return t ? 1 : -1;
}

static long f_card(struct ctx *c)
{
	static const char *sql[] = {
		"SELECT * FROM person WHERE id = ?1",
		"SELECT r.* FROM request r WHERE r.person_id = ?1",
		"SELECT v.*, i.*, s.name, pv.name FROM plan p JOIN plan_version v ON v.plan_id = p.id "
		"AND v.status IN ('approved', 'superseded') JOIN plan_item i ON i.version_id = v.id "
		"JOIN service s ON s.id = i.service_id JOIN provider pv ON pv.id = i.provider_id "
		"WHERE p.person_id = ?1",
		"SELECT m.held_on, mi.* FROM plan p JOIN monitoring_note m ON m.plan_id = p.id JOIN "
		"monitoring_item mi ON mi.note_id = m.id WHERE p.person_id = ?1",
	};
	size_t i;
	for (i = 0; i < sizeof(sql) / sizeof(*sql); i++) {
		sqlite3_stmt *st = raw(c, sql[i]);
		sqlite3_bind_int64(st, 1, c->person_id);
		drain(st);
	}
	return 1;
}

static long a_plan(struct ctx *c)
{
	struct plan_version v;
	if (plan_latest(c->db, &c->coord, c->plan_id, &v))
		return -1;
	plan_version_release(&v);
	return 1;
}

static long f_plan(struct ctx *c)
{
	sqlite3_stmt *st = raw(c, "SELECT v.*, i.*, s.name, pv.name, pr.name FROM plan_version v "
			       "JOIN plan_item i ON i.version_id = v.id JOIN service s ON "
			       "s.id = i.service_id JOIN provider pv ON pv.id = i.provider_id JOIN "
			       "programme pr ON pr.id = i.programme_id WHERE v.id = (SELECT id FROM "
			       "plan_version WHERE plan_id = ?1 ORDER BY version_no DESC LIMIT 1)");
	sqlite3_bind_int64(st, 1, c->plan_id);
	drain(st);
	st = raw(c, "SELECT a.* FROM supporting_activity a WHERE a.version_id = (SELECT id FROM "
		 "plan_version WHERE plan_id = ?1 ORDER BY version_no DESC LIMIT 1)");
	sqlite3_bind_int64(st, 1, c->plan_id);
	drain(st);
	return 1;
}

/* ---- search ---- */

static long a_search(struct ctx *c)
{
	struct person_hit *h;
	size_t n;
	person_search(c->db, &c->coord, queries[c->iter % NQUERIES], 500, &h, &n);
	free(h);
	return (long)n;
}

/* The best of the plans a hand would write for each query -- collect the
 * terms' range and sort, walk the alphabet testing each person, or walk
 * the persons of the first word's first letters (person_prefix) in order
 * -- chosen by trying each before the timing (search_plan). */
static int search_plan[NQUERIES];

static long search_raw(struct ctx *c, size_t q, int plan)
{
	char **tok, *end[4];
	size_t nt = text_tokens(queries[q], &tok, 4), i;
	struct strbuf sb;
	sqlite3_stmt *st;
	long n;

	sb_init(&sb);
	if (plan == 2) {
		const char *x = tok[0];
		int chars = 0;
		while (*x && chars < 2) {
			utf8_next(&x);
			chars++;
		}
		sb_addf(&sb, "SELECT p.id, p.surname, p.first_names, p.pesel, p.birth_date, p.town "
			"FROM person_prefix x JOIN person p ON p.id = x.person_id WHERE x.prefix = "
			"substr(?1, 1, %d)", chars);
	} else
		sb_add(&sb, "SELECT p.id, p.surname, p.first_names, p.pesel, p.birth_date, p.town "
		       "FROM person p");
	if (!plan)
		sb_add(&sb, " WHERE p.id IN (");
	for (i = 0; i < nt; i++) {
		size_t l = strlen(tok[i]);
		end[i] = xstrdup(tok[i]);
		end[i][l - 1]++;
		if (!plan)
			sb_addf(&sb, "%sSELECT person_id FROM person_term WHERE term >= ?%zu AND "
				"term < ?%zu", i ? " INTERSECT " : "", 2 * i + 1, 2 * i + 2);
		else
			sb_addf(&sb, " %s EXISTS (SELECT 1 FROM person_term t WHERE t.person_id = "
				"p.id AND t.term >= ?%zu AND t.term < ?%zu)",
				i || plan == 2 ? "AND" : "WHERE", 2 * i + 1, 2 * i + 2);
	}
	sb_add(&sb, plan == 2 ? " ORDER BY x.sort_key, x.person_id LIMIT 500" :
	       plan ? " ORDER BY p.sort_key, p.id LIMIT 500" :
	       ") ORDER BY p.sort_key, p.id LIMIT 500");
	st = raw(c, sb.buf);
	for (i = 0; i < nt; i++) {
		sqlite3_bind_text(st, (int)(2 * i + 1), tok[i], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, (int)(2 * i + 2), end[i], -1, SQLITE_STATIC);
	}
	n = drain(st);
	for (i = 0; i < nt; i++)
		free(end[i]);
	text_tokens_free(tok);
	sb_release(&sb);
	return n;
}

static void search_choose(struct ctx *c)
{
	size_t q;
	for (q = 0; q < NQUERIES; q++) {
		double best = 1e18;
		int plan, k;
		for (plan = 0; plan < 3; plan++)
			for (k = 0; k < 2; k++) {
				double t0 = now_ms(), t;
				search_raw(c, q, plan);
				t = now_ms() - t0;
				if (t < best) {
					best = t;
					search_plan[q] = plan;
				}
			}
	}
}

static long f_search(struct ctx *c)
{
	size_t q = (size_t)c->iter % NQUERIES;
	return search_raw(c, q, search_plan[q]);
}

/* ---- a save ---- */

static long a_save(struct ctx *c)
{
	struct monitoring_note m;
	struct fielderr e;
	struct item_check *k;
	int rc;

	monitoring_note_init(&m, c->plan_id);
	str_copy(m.held_on, sizeof(m.held_on), c->today_s);
	str_copy(m.kind, sizeof(m.kind), "phone");
	str_copy(m.with_whom, sizeof(m.with_whom), "osoba");
	str_copy(m.text, sizeof(m.text), "Rozmowa telefoniczna: usługa się odbywa.");
	k = monitoring_add_check(&m, c->item_id);
	k->taking_place = 1;
	k->satisfaction = 4;
	rc = monitoring_add(c->db, &c->coord, &m, &e);
	if (rc)
		fprintf(stderr, "bench: save: %s\n", e.msg);
	monitoring_note_release(&m);
	return rc ? -1 : 1;
}

static long f_save(struct ctx *c)
{
	sqlite3_stmt *st;
	int64_t id;
	sqlite3_exec(c->h, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	st = raw(c, "INSERT INTO monitoring_note(plan_id, held_on, kind, with_whom, text, author_id) "
		 "VALUES (?1, ?2, 'phone', 'osoba', 'Rozmowa telefoniczna: usługa się odbywa.', ?3)");
	sqlite3_bind_int64(st, 1, c->plan_id);
	sqlite3_bind_text(st, 2, c->today_s, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, c->coord.user_id);
	sqlite3_step(st);
	sqlite3_finalize(st);
	id = sqlite3_last_insert_rowid(c->h);
	st = raw(c, "INSERT INTO monitoring_item(note_id, item_id, taking_place, satisfaction) "
		 "VALUES (?1, ?2, 1, 4)");
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, c->item_id);
	sqlite3_step(st);
	sqlite3_finalize(st);
	{
		/* the audit chain: the last hash, and this entry's */
		unsigned char h[32];
		st = raw(c, "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1");
		sqlite3_step(st);
		crypto_generichash(h, sizeof(h), sqlite3_column_text(st, 0), 64, NULL, 0);
		sqlite3_finalize(st);
	}
	st = raw(c, "INSERT INTO audit_log(user_id, action, entity, entity_id) VALUES "
		 "(?1, 'monitoring.add', 'plan', ?2)");
	sqlite3_bind_int64(st, 1, c->coord.user_id);
	sqlite3_bind_int64(st, 2, c->plan_id);
	sqlite3_step(st);
	sqlite3_finalize(st);
	sqlite3_exec(c->h, "COMMIT", NULL, NULL, NULL);
	return 1;
}

/* ---- the organiser's and the director's desk ---- */

static long a_caseload(struct ctx *c)
{
	struct caseload *l;
	size_t n;
	if (caseload(c->db, &c->organiser, &l, &n))
		return -1;
	free(l);
	return (long)n;
}

static long f_caseload(struct ctx *c)
{
	/* the same kept counts, read by hand; `cusdesk check` (run on every
	 * generated database) proves they equal a recount */
	return drain(raw(c, "SELECT u.id, u.full_name, k.open_cases, k.plans_running FROM "
			 "app_user u LEFT JOIN caseload_count k ON k.user_id = u.id WHERE "
			 "u.disabled = 0 AND (u.roles & 2) <> 0 UNION ALL SELECT 0, '', "
			 "(SELECT open_cases FROM caseload_count WHERE user_id = 0), 0"));
}

static long a_supply(struct ctx *c)
{
	struct supply *s;
	size_t n;
	if (supply_demand(c->db, &c->organiser, &s, &n))
		return -1;
	free(s);
	return (long)n;
}

/* Grouped once per source, not once per service. */
static long f_supply(struct ctx *c)
{
	sqlite3_stmt *st = raw(c, "WITH cap AS (SELECT service_id AS sid, sum(monthly_capacity) AS n "
			       "FROM provider_service GROUP BY 1), del AS (SELECT i.service_id AS sid, "
			       "sum(mi.delivered) AS n FROM monitoring_note mn JOIN monitoring_item mi ON "
			       "mi.note_id = mn.id AND mi.superseded = 0 JOIN plan_item i ON i.id = mi.item_id "
			       "WHERE mn.held_on BETWEEN date(?1, '-30 days') AND ?1 GROUP BY 1), "
			       "pl AS (SELECT i.service_id AS sid, sum(i.amount) AS n, count(DISTINCT "
			       "v.plan_id) AS persons FROM plan_version v JOIN plan_item i ON i.version_id "
			       "= v.id WHERE v.status = 'approved' AND i.starts_on <= ?1 AND "
			       "COALESCE(i.ended_on, i.ends_on) >= ?1 GROUP BY 1), "
			       "wt AS (SELECT w.service_id AS sid, count(*) AS n, min(r.filed_on) AS f FROM "
			       "waiting_entry w JOIN request r ON r.id = w.request_id WHERE w.removed_on IS "
			       "NULL GROUP BY 1), un AS (SELECT area_code AS a, count(*) AS n FROM need WHERE "
			       "unmet = 1 AND answered_on IS NULL GROUP BY 1), gm AS (SELECT service_id AS sid, "
			       "count(DISTINCT person_id) AS n FROM group_member WHERE service_id IS NOT NULL "
			       "GROUP BY 1) SELECT s.id, s.name, cap.n, del.n, pl.n, pl.persons, wt.n, wt.f, "
			       "un.n, gm.n FROM service s LEFT JOIN cap ON cap.sid = s.id LEFT JOIN del ON "
			       "del.sid = s.id LEFT JOIN pl ON pl.sid = s.id LEFT JOIN wt ON wt.sid = s.id "
			       "LEFT JOIN un ON un.a = s.area_code LEFT JOIN gm ON gm.sid = s.id WHERE "
			       "cap.sid IS NOT NULL OR gm.sid IS NOT NULL OR wt.sid IS NOT NULL OR EXISTS "
			       "(SELECT 1 FROM plan_item i WHERE i.service_id = s.id) OR EXISTS (SELECT 1 "
			       "FROM group_member g WHERE g.service_id = s.id) ORDER BY s.name");
	sqlite3_bind_text(st, 1, c->today_s, -1, SQLITE_STATIC);
	return drain(st);
}

/* The register of unmet needs as the desk opens it: its first page (200
 * rows, the screen reads on from there). */
static long a_unmet(struct ctx *c)
{
	struct need *nd;
	size_t n;
	if (unmet_needs_page(c->db, &c->organiser, NULL, 200, &nd, &n))
		return -1;
	free(nd);
	return (long)n;
}

static long f_unmet(struct ctx *c)
{
	return drain(raw(c, "SELECT n.id, n.description, r.case_ref, pe.surname, s.held_on FROM "
			 "assessment s CROSS JOIN need n ON n.assessment_id = s.id JOIN request r ON "
			 "r.id = s.request_id JOIN person pe ON pe.id = r.person_id WHERE n.unmet = 1 "
			 "AND n.answered_on IS NULL ORDER BY s.held_on, n.id LIMIT 200"));
}

static long a_waiting(struct ctx *c)
{
	struct waiting *w;
	size_t n;
	if (waiting_list(c->db, &c->organiser, 0, &w, &n))
		return -1;
	free(w);
	return (long)n;
}

static long f_waiting(struct ctx *c)
{
	return drain(raw(c, "SELECT w.id, r.case_ref, pe.surname, sv.name, row_number() OVER "
			 "(PARTITION BY w.service_id ORDER BY r.filed_on, r.case_year, r.case_no) "
			 "FROM waiting_entry w JOIN request r ON r.id = w.request_id JOIN person pe "
			 "ON pe.id = r.person_id JOIN service sv ON sv.id = w.service_id WHERE "
			 "w.removed_on IS NULL ORDER BY sv.name, r.filed_on, r.case_year, r.case_no"));
}

/* The report's numbers summed: the action and its floor must agree. */
static long a_quarterly(struct ctx *c)
{
	struct quarterly_report r;
	struct fielderr e;
	long sum;
	size_t i;
	if (report_quarterly(c->db, &c->director, c->quarter, &r, &e))
		return -1;
	sum = r.plans_period + r.plans_total + r.persons_period + r.persons_total;
	for (i = 0; i < r.nrows; i++)
		sum += r.rows[i].period + r.rows[i].total;
	quarterly_report_release(&r);
	return sum;
}

/* By hand: what ran, with the day each service really ended (its end,
 * its early end or the next version's approval), counted once per
 * category; the same for the persons served at all and the plans. */
#define Q_RAN "WITH nxt AS (SELECT plan_id, version_no, date(decided_at) AS d FROM plan_version " \
	"WHERE status IN ('approved', 'superseded')), x(pid, area, kind, f, t) AS (" \
	"SELECT p.person_id, s.area_code, NULL, i.starts_on, min(COALESCE(i.ended_on, i.ends_on), " \
	"COALESCE(n.d, '9999-12-31')) FROM plan_item i JOIN plan_version v ON v.id = i.version_id " \
	"AND v.status IN ('approved', 'superseded') JOIN plan p ON p.id = v.plan_id JOIN service s " \
	"ON s.id = i.service_id LEFT JOIN nxt n ON n.plan_id = v.plan_id AND n.version_no = " \
	"v.version_no + 1 UNION ALL SELECT g.person_id, s.area_code, NULL, g.joined_on, " \
	"COALESCE(g.left_on, '9999-12-31') FROM group_member g JOIN service s ON s.id = g.service_id " \
	"UNION ALL SELECT p.person_id, NULL, a.kind, COALESCE(a.starts_on, v.period_from), " \
	"min(COALESCE(a.ends_on, v.period_to), COALESCE(n.d, '9999-12-31')) FROM supporting_activity a " \
	"JOIN plan_version v ON v.id = a.version_id AND v.status IN ('approved', 'superseded') " \
	"JOIN plan p ON p.id = v.plan_id LEFT JOIN nxt n ON n.plan_id = v.plan_id AND " \
	"n.version_no = v.version_no + 1 UNION ALL SELECT g.person_id, NULL, a.kind, g.joined_on, " \
	"COALESCE(g.left_on, '9999-12-31') FROM group_member g JOIN activity a ON a.id = g.activity_id) "

static long f_quarterly(struct ctx *c)
{
	sqlite3_stmt *st = raw(c, Q_RAN "SELECT "
			       "(SELECT COALESCE(sum(n), 0) FROM (SELECT count(DISTINCT x.pid) AS n FROM x "
			       "JOIN report_category_match m ON m.area_code = x.area OR m.activity = x.kind "
			       "WHERE x.f <= ?3 AND x.t >= ?1 GROUP BY m.category)) + "
			       "(SELECT COALESCE(sum(n), 0) FROM (SELECT count(DISTINCT x.pid) AS n FROM x "
			       "JOIN report_category_match m ON m.area_code = x.area OR m.activity = x.kind "
			       "WHERE x.f <= ?3 AND x.t >= ?2 GROUP BY m.category)) + "
			       "(SELECT count(DISTINCT pid) FROM x WHERE kind IS NULL AND f <= ?3 AND t >= ?1) + "
			       "(SELECT count(DISTINCT pid) FROM x WHERE kind IS NULL AND f <= ?3 AND t >= ?2) + "
			       "(SELECT count(*) FROM plan_version WHERE version_no = 1 AND status IN "
			       "('approved', 'superseded') AND period_from BETWEEN ?1 AND ?3) + "
			       "(SELECT count(*) FROM plan_version WHERE version_no = 1 AND status IN "
			       "('approved', 'superseded') AND period_from BETWEEN ?2 AND ?3)");
	char from[11], to[11];
	long n = -1;
	char *since = setting_get(c->db, "centre_started", "");
	quarter_parse(c->quarter, from, to);
	sqlite3_bind_text(st, 1, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, since, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, to, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	free(since);
	return n;
}

static long a_halfyear(struct ctx *c)
{
	char *out;
	struct fielderr e;
	if (summary_figures(c->db, &c->director, c->half_from, c->today_s, false, &out, &e))
		return -1;
	free(out);
	return 1;
}

static long f_halfyear(struct ctx *c)
{
	static const char *sql[] = {
		"SELECT count(*), count(DISTINCT person_id) FROM request WHERE filed_on BETWEEN ?1 AND ?2",
		"SELECT s.outcome, count(*) FROM assessment s WHERE s.finalised_at BETWEEN ?1 AND ?2 "
		"GROUP BY 1",
		"SELECT i.service_id, count(DISTINCT v.plan_id), sum(mi.delivered), sum(mi.absences), "
		"avg(mi.satisfaction) FROM monitoring_note m JOIN monitoring_item mi ON mi.note_id = m.id "
		"JOIN plan_item i ON i.id = mi.item_id JOIN plan_version v ON v.id = i.version_id "
		"WHERE m.held_on BETWEEN ?1 AND ?2 GROUP BY 1",
		"SELECT count(*) FROM closure WHERE closed_on BETWEEN ?1 AND ?2",
	};
	size_t i;
	for (i = 0; i < sizeof(sql) / sizeof(*sql); i++) {
		sqlite3_stmt *st = raw(c, sql[i]);
		sqlite3_bind_text(st, 1, c->half_from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, c->today_s, -1, SQLITE_STATIC);
		drain(st);
	}
	return 1;
}

/* ---- jobs ---- */

static long a_export(struct ctx *c)
{
	char *out;
	long rows;
	struct fielderr e;
	if (export_csv(c->db, &c->organiser, EXPORT_PERSONS, &out, &rows, &e))
		return -1;
	free(out);
	return rows;
}

static long f_export(struct ctx *c)
{
	return drain(raw(c, "SELECT p.*, g.name FROM person p LEFT JOIN gmina g ON g.id = p.gmina_id "
			 "WHERE p.anonymised_on IS NULL ORDER BY p.sort_key"));
}

static long a_anon(struct ctx *c)
{
	struct anon_candidate *l;
	size_t n;
	struct fielderr e;
	if (rodo_candidates(c->db, &c->director, c->anon_before, &l, &n, &e))
		return -1;
	free(l);
	return (long)n;
}

static long f_anon(struct ctx *c)
{
	sqlite3_stmt *st = raw(c, "WITH last(pid, d) AS (SELECT p.person_id, max(cl.closed_on) FROM "
			       "plan p JOIN closure cl ON cl.plan_id = p.id GROUP BY 1) SELECT pe.id "
			       "FROM person pe LEFT JOIN last ON last.pid = pe.id WHERE "
			       "pe.anonymised_on IS NULL AND COALESCE(last.d, date(pe.created_at)) < ?1 "
			       "AND NOT EXISTS (SELECT 1 FROM request r WHERE r.person_id = pe.id AND "
			       "r.status IN ('filed', 'assessment', 'qualified', 'waiting'))");
	sqlite3_bind_text(st, 1, c->anon_before, -1, SQLITE_STATIC);
	return drain(st);
}

static long a_import(struct ctx *c)
{
	struct import_result r;
	struct fielderr e;
	int rc = import_file(c->db, &c->organiser, IMPORT_PERSONS, c->import_csv, CSV_UTF8,
			     true, NULL, &r, &e);
	long added = (long)r.added;
	import_result_free(&r);
	return rc ? -1 : added;
}

/* A raw bulk insert of the same rows with their search terms, in one
 * transaction taken back; rows repeating a name and date of birth are
 * skipped, as the import skips them. */
static long f_import(struct ctx *c)
{
	FILE *f = fopen(c->import_csv, "r");
	char line[512];
	sqlite3_stmt *st, *term, *dup, *pre, *aud;
	char prev[65] = "";
	long n = 0;
	if (!f || !fgets(line, sizeof(line), f))
		return -1;
	sqlite3_exec(c->h, "SAVEPOINT f", NULL, NULL, NULL);
	st = raw(c, "INSERT INTO person(first_names, surname, birth_date, town, sort_key, dup_key) "
		 "VALUES (?1, ?2, ?3, 'Czarnia', lower(?2 || ' ' || ?1), ?4)");
	term = raw(c, "INSERT OR IGNORE INTO person_term(term, person_id) VALUES (lower(?1), ?2)");
	dup = raw(c, "SELECT 1 FROM person WHERE dup_key = ?1");
	pre = raw(c, "INSERT OR IGNORE INTO person_prefix(prefix, sort_key, person_id) SELECT "
		  "substr(t.term, 1, n.k), p.sort_key, p.id FROM person_term t JOIN person p ON "
		  "p.id = t.person_id, (SELECT 1 AS k UNION ALL SELECT 2) n WHERE t.person_id = ?1");
	aud = raw(c, "INSERT INTO audit_log(user_id, action, entity, entity_id, detail, hash) "
		  "VALUES (1, 'person.add', 'person', ?1, '', ?2)");
	while (fgets(line, sizeof(line), f)) {
		char *s1 = strchr(line, ';'), *s2 = s1 ? strchr(s1 + 1, ';') : NULL;
		int64_t id;
		int k;
		if (!s2)
			continue;
		*s1 = *s2 = '\0';
		for (k = 1; k <= 3; k++) {
			const char *v = k == 1 ? line : k == 2 ? s1 + 1 : s2 + 1;
			sqlite3_bind_text(st, k, v, k == 3 ? 10 : -1, SQLITE_TRANSIENT);
		}
		{
			/* the key the domain compares (folded names, the date) */
			struct person p;
			char *key;
			person_init(&p);
			str_copy(p.first_names, sizeof(p.first_names), line);
			str_copy(p.surname, sizeof(p.surname), s1 + 1);
			snprintf(p.birth_date, sizeof(p.birth_date), "%.10s", s2 + 1);
			key = person_dup_key(&p);
			sqlite3_bind_text(dup, 1, key, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(st, 4, key, -1, SQLITE_TRANSIENT);
			free(key);
		}
		k = sqlite3_step(dup) == SQLITE_ROW;
		sqlite3_reset(dup);
		if (k)
			continue;
		sqlite3_step(st);
		sqlite3_reset(st);
		id = sqlite3_last_insert_rowid(c->h);
		for (k = 0; k < 3; k++) {
			sqlite3_bind_text(term, 1, k == 0 ? line : k == 1 ? s1 + 1 : s2 + 1, -1,
					  SQLITE_TRANSIENT);
			sqlite3_bind_int64(term, 2, id);
			sqlite3_step(term);
			sqlite3_reset(term);
		}
		/* the same rows the domain writes besides: the prefixes of the
		 * broad search and the audit entry, chained by its hash */
		sqlite3_bind_int64(pre, 1, id);
		sqlite3_step(pre);
		sqlite3_reset(pre);
		{
			unsigned char h[32];
			char hex[65], msg[160];
			snprintf(msg, sizeof(msg), "%s|person.add|person|%lld", prev, (long long)id);
			crypto_generichash(h, sizeof(h), (const unsigned char *)msg, strlen(msg), NULL, 0);
			sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
			snprintf(prev, sizeof(prev), "%s", hex);
			sqlite3_bind_int64(aud, 1, id);
			sqlite3_bind_text(aud, 2, hex, -1, SQLITE_TRANSIENT);
			sqlite3_step(aud);
			sqlite3_reset(aud);
		}
		n++;
	}
	fclose(f);
	sqlite3_finalize(st);
	sqlite3_finalize(term);
	sqlite3_finalize(dup);
	sqlite3_finalize(pre);
	sqlite3_finalize(aud);
	sqlite3_exec(c->h, "ROLLBACK TO f; RELEASE f", NULL, NULL, NULL);
	return n;
}

/* BENCH_TRACE=<part of an action's name>: the statements of that action
 * that took over a millisecond, with their time. */
static int trace_cb(unsigned type, void *ctx, void *p, void *x)
{
	double ms = (double)*(sqlite3_int64 *)x / 1e6;
	char *sql;
	(void)ctx;
	if (type != SQLITE_TRACE_PROFILE || ms < (getenv("BENCH_TRACE_MS") ? atof(getenv("BENCH_TRACE_MS")) : 1.0))
		return 0;
	sql = sqlite3_expanded_sql((sqlite3_stmt *)p);
	fprintf(stderr, "  %8.2f ms  %.300s\n", ms, sql ? sql : "?");
	sqlite3_free(sql);
	return 0;
}

enum act_class { INTERACTIVE, REPORT, JOB };

static const struct action {
	const char *name;
	enum act_class cls;
	int runs;
	long (*run)(struct ctx *);
	long (*floor)(struct ctx *);
	bool same_rows;      /* the floor returns the same number of rows */
} actions[] = {
	{"login -> first screen", INTERACTIVE, 5, a_login, f_login, true},
	{"worklist, coordinator", INTERACTIVE, 20, w_coord, f_coord, true},
	{"worklist, organiser", INTERACTIVE, 20, w_org, f_org, true},
	{"worklist, director", INTERACTIVE, 20, w_dir, f_dir, true},
	{"open a case view", INTERACTIVE, 20, a_case, f_case, true},
	{"person card", INTERACTIVE, 20, a_card, f_card, true},
	{"plan editor", INTERACTIVE, 20, a_plan, f_plan, true},
	{"search per keystroke", INTERACTIVE, 3 * (int)NQUERIES, a_search, f_search, true},
	{"save a monitoring note", INTERACTIVE, 20, a_save, f_save, true},
	{"unmet needs register (page)", INTERACTIVE, 10, a_unmet, f_unmet, true},
	{"waiting list", INTERACTIVE, 10, a_waiting, f_waiting, true},
	{"caseload", INTERACTIVE, 10, a_caseload, f_caseload, true},
	{"supply and demand", REPORT, 5, a_supply, f_supply, true},
	{"quarterly report", REPORT, 3, a_quarterly, f_quarterly, true},
	{"half-yearly figures", REPORT, 3, a_halfyear, f_halfyear, true},
	{"export persons (CSV)", JOB, 2, a_export, f_export, true},
	{"import 10,000 rows (dry run)", JOB, 1, a_import, f_import, true},
	{"anonymisation dry run", JOB, 2, a_anon, f_anon, false},
};
#define NACTIONS (sizeof(actions) / sizeof(*actions))

struct result {
	double p50, p95, fp95;
	long rows, frows;
	bool ok_rows;
};

static void percentiles(double *t, int n, double *p50, double *p95)
{
	qsort(t, (size_t)n, sizeof(*t), cmp_double);
	*p50 = t[n / 2];
	*p95 = t[(n * 95 + 99) / 100 - 1];
}

static long rss_kib(const char *what)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long v = 0;
	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, what, strlen(what)))
			v = atol(line + strlen(what));
	if (f)
		fclose(f);
	return v;
}

/* Picks the case to open: the bench coordinator's open plan with the
 * most monitoring notes. */
static int find_case(struct ctx *c)
{
	sqlite3_stmt *st = raw(c, "SELECT r.id, r.person_id, p.id, (SELECT i.id FROM plan_version v "
			       "JOIN plan_item i ON i.version_id = v.id WHERE v.plan_id = p.id AND "
			       "v.status = 'approved' AND i.ended_on IS NULL LIMIT 1) AS item FROM "
			       "plan p JOIN request r ON r.id = p.request_id WHERE r.coordinator_id = ?1 "
			       "AND NOT EXISTS (SELECT 1 FROM closure c WHERE c.plan_id = p.id) AND "
			       "item IS NOT NULL ORDER BY (SELECT count(*) FROM monitoring_note m WHERE "
			       "m.plan_id = p.id) DESC LIMIT 1");
	int ok = 0;
	sqlite3_bind_int64(st, 1, c->coord.user_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		c->request_id = sqlite3_column_int64(st, 0);
		c->person_id = sqlite3_column_int64(st, 1);
		c->plan_id = sqlite3_column_int64(st, 2);
		c->item_id = sqlite3_column_int64(st, 3);
		ok = 1;
	}
	sqlite3_finalize(st);
	return ok;
}

static void load_actor(struct ctx *c, const char *login, struct actor *a)
{
	sqlite3_stmt *st = raw(c, "SELECT id, roles, full_name FROM app_user WHERE login = ?1");
	memset(a, 0, sizeof(*a));
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		a->user_id = sqlite3_column_int64(st, 0);
		a->roles = (unsigned)sqlite3_column_int(st, 1);
		str_copy(a->login, sizeof(a->login), login);
		str_copy(a->full_name, sizeof(a->full_name), (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
}

/* 10,000 rows of a gmina's resident list, as a CSV import reads it: real
 * names, a few repeated within the file. */
static void write_import(const char *path)
{
	static const char *fn[] = {"Anna", "Maria", "Krystyna", "Barbara", "Ewa", "Jan",
		"Andrzej", "Piotr", "Krzysztof", "Stanisław", "Zofia", "Teresa", "Józef",
		"Tadeusz", "Helena", "Marianna"};
	static const char *sn[] = {"Gołąb", "Wróblewski", "Przybylski", "Jabłoński",
		"Kaczmarczyk", "Sobczak", "Czerwiński", "Adamczyk", "Zawadzki", "Chmielewski",
		"Borkowski", "Sokołowski", "Szczepański", "Sadowski", "Wilczyński", "Malinowski",
		"Jaworski", "Baran", "Duda", "Szewczyk", "Tomaszewski", "Pietrzak", "Marciniak",
		"Wróbel", "Zalewski", "Jakubowski", "Jasiński", "Zawisza", "Kubiak", "Sikorski"};
	FILE *f = fopen(path, "w");
	int i;
	fprintf(f, "Imię;Nazwisko;Data urodzenia;Miejscowość\n");
	for (i = 0; i < 10000; i++) {
		int k = i % 97 == 5 ? i - 1 : i; /* now and then the row before again */
		fprintf(f, "%s;%s;%04d-%02d-%02d;Czarnia\n", fn[k % 16], sn[(k / 16) % 30],
			1925 + k % 80, 1 + (k / 480) % 12, 1 + (k / 7) % 28);
	}
	fclose(f);
}

/* The desk's memory after login and its first screen, measured in a new
 * process (this one has built databases and holds their pages): the
 * bench runs itself with --desk-memory.  The password hash's 64 MiB are
 * freed when it returns. */
static const char *self_path = "build/bench";

static long desk_memory_here(const char *path)
{
	struct cd_db *db;
	struct actor a;
	struct wl_item *w;
	struct date today;
	size_t n;
	char *err = NULL;

	if (db_open(path, DB_OPEN_EXISTING, &db, &err) ||
	    user_login(db, "koordynator", "demo1234", &a))
		return -1;
	date_today(&today);
	if (worklist(db, &a, &today, &w, &n))
		return -1;
	free(w);
	return rss_kib("VmRSS:");
}

static long desk_memory(const char *path)
{
	char cmd[700];
	long kib = -1;
	FILE *p;

	snprintf(cmd, sizeof(cmd), "'%s' --desk-memory '%s'", self_path, path);
	p = popen(cmd, "r");
	if (!p)
		return -1;
	if (fscanf(p, "%ld", &kib) != 1)
		kib = -1;
	pclose(p);
	return kib;
}

static int ensure_db(int size, char *path, size_t len)
{
	struct stat sb;
	char stamp[300];
	FILE *f;
	struct gen_counts gc;
	char buf[16] = "";

	snprintf(path, len, "build/bench-%d.db", size);
	snprintf(stamp, sizeof(stamp), "%s.gen", path);
	f = fopen(stamp, "r");
	if (f) {
		if (!fgets(buf, sizeof(buf), f))
			buf[0] = '\0';
		fclose(f);
	}
	if (stat(path, &sb) == 0 && !strncmp(buf, GEN_VERSION, strlen(GEN_VERSION)))
		return 0;
	unlink(path);
	printf("building %s (%d persons) ...\n", path, size);
	fflush(stdout);
	if (bench_generate(path, size, &gc))
		return 1;
	printf("  %d persons, %d requests, %d plans, %d versions, %d services, %d notes, "
	       "%d checks, %d closings, %d audit entries in %.1f s\n", gc.persons, gc.requests,
	       gc.plans, gc.versions, gc.items, gc.notes, gc.checks, gc.closures, gc.audit,
	       gc.t_total);
	f = fopen(stamp, "w");
	fprintf(f, "%s\n%.1f\n", GEN_VERSION, gc.t_total);
	fclose(f);
	return 0;
}

static int copy_file(const char *from, const char *to)
{
	char cmd[1400];
	snprintf(cmd, sizeof(cmd), "cp '%s' '%s' && rm -f '%s-wal' '%s-shm'", from, to, to, to);
	return system(cmd);
}

/* The whole anonymisation run per size: seconds and persons. */
static double anon_whole[8];
static size_t anon_count[8];
static int anon_sizes;

static int bench_size(int size, struct result *res, long *mem_kib)
{
	char path[256], work[300], side[320];
	struct ctx c;
	char *err = NULL;
	size_t i;

	if (ensure_db(size, path, sizeof(path)))
		return 1;
	snprintf(work, sizeof(work), "%s.work", path);
	if (copy_file(path, work))
		return 1;
	memset(&c, 0, sizeof(c));
	if (db_open(work, DB_OPEN_EXISTING, &c.db, &err)) {
		fprintf(stderr, "bench: %s\n", err);
		return 1;
	}
	c.h = c.db->h;
	load_actor(&c, "koordynator", &c.coord);
	load_actor(&c, "organizator", &c.organiser);
	load_actor(&c, "dyrektor", &c.director);
	if (!find_case(&c)) {
		fprintf(stderr, "bench: no open case for the coordinator\n");
		return 1;
	}
	date_today(&c.today);
	date_format(&c.today, c.today_s);
	snprintf(c.quarter, sizeof(c.quarter), "%dQ%d", c.today.y, (c.today.m - 1) / 3 + 1);
	{
		struct date d;
		date_add_months(&c.today, -6, &d);
		date_format(&d, c.half_from);
		date_add_months(&c.today, -24, &d);
		date_format(&d, c.anon_before);
	}
	c.absence_limit = setting_get_int(c.db, "absence_limit", 3);
	c.import_csv = "build/bench-import.csv";
	write_import(c.import_csv);
	*mem_kib = desk_memory(work);
	for (i = 0; i < NACTIONS; i++) {
		const struct action *A = &actions[i];
		double *t;
		if (getenv("BENCH_ONLY") && !strstr(A->name, getenv("BENCH_ONLY"))) {
			res[i].ok_rows = true;
			continue;
		}
		t = calloc((size_t)A->runs, sizeof(double));
		double *f = calloc((size_t)A->runs, sizeof(double));
		double fp50;
		int k;
		res[i].ok_rows = true;
		if (A->floor == f_search)
			search_choose(&c);
		/* one warm-up each: the page cache, prepared statements */
		A->run(&c);
		A->floor(&c);
		if (getenv("BENCH_TRACE") && strstr(A->name, getenv("BENCH_TRACE"))) {
			fprintf(stderr, "%s, as the desk runs it:\n", A->name);
			sqlite3_trace_v2(c.h, SQLITE_TRACE_PROFILE, trace_cb, NULL);
			A->run(&c);
			sqlite3_trace_v2(c.h, 0, NULL, NULL);
		}
		for (k = 0; k < A->runs; k++) {
			double t0;
			long r, fr;
			c.iter = k;
			t0 = now_ms();
			r = A->run(&c);
			t[k] = now_ms() - t0;
			t0 = now_ms();
			fr = A->floor(&c);
			f[k] = now_ms() - t0;
			if (r < 0) {
				fprintf(stderr, "bench: %s failed\n", A->name);
				res[i].ok_rows = false;
			}
			if (A->same_rows && r != fr) {
				if (res[i].ok_rows)
					fprintf(stderr, "bench: %s: %ld rows, its floor %ld (run %d)\n",
						A->name, r, fr, k);
				res[i].ok_rows = false;
			}
			res[i].rows = r;
			res[i].frows = fr;
		}
		percentiles(t, A->runs, &res[i].p50, &res[i].p95);
		percentiles(f, A->runs, &fp50, &res[i].fp95);
		free(t);
		free(f);
	}
	/* last, on the copy: the whole anonymisation the dry run listed, as
	 * the director runs it (every candidate, in its steps and pauses) */
	if (!getenv("BENCH_ONLY") || strstr("anonymisation, whole run", getenv("BENCH_ONLY"))) {
		struct fielderr e;
		size_t done = 0;
		double t0 = now_ms();
		if (rodo_anonymise(c.db, &c.director, c.anon_before, &done, NULL, &e))
			fprintf(stderr, "bench: anonymisation failed: %s\n", e.msg);
		anon_whole[anon_sizes] = (now_ms() - t0) / 1000.0;
		anon_count[anon_sizes++] = done;
	}
	db_close(&c.db);
	unlink(work);
	snprintf(side, sizeof(side), "%s-wal", work);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", work);
	unlink(side);
	return 0;
}

int main(int argc, char **argv)
{
	int sizes[MAX_SIZES] = {1000, 10000, 100000}, nsizes = 3, s, fails = 0;
	static struct result res[MAX_SIZES][NACTIONS];
	long mem[MAX_SIZES];
	const char *env = getenv("BENCH_SIZES");
	size_t i;

	if (sodium_init() < 0)
		return 1;
	self_path = argv[0];
	if (argc == 3 && !strcmp(argv[1], "--persons-db")) {
		struct stat sb;
		return stat(argv[2], &sb) == 0 ? 0 : build_persons_db(argv[2]);
	}
	if (argc == 3 && !strcmp(argv[1], "--desk-memory")) {
		printf("%ld\n", desk_memory_here(argv[2]));
		return 0;
	}
	if (env && *env) {
		char *copy = xstrdup(env), *tok, *save = NULL;
		nsizes = 0;
		for (tok = strtok_r(copy, ",", &save); tok && nsizes < MAX_SIZES;
		     tok = strtok_r(NULL, ",", &save))
			sizes[nsizes++] = atoi(tok);
		free(copy);
	}
	mkdir("build", 0700);
	for (s = 0; s < nsizes; s++)
		if (bench_size(sizes[s], res[s], &mem[s]))
			return 1;

	printf("\n%-30s %8s %9s %9s %9s %7s %7s %7s %s\n", "action", "persons", "p50 ms", "p95 ms",
	       "floor p95", "ratio", "growth", "floor g", "");
	for (i = 0; i < NACTIONS; i++) {
		const struct action *A = &actions[i];
		for (s = 0; s < nsizes; s++) {
			struct result *r = &res[s][i];
			double ratio = r->fp95 > 0.001 ? r->p95 / r->fp95 : 1;
			double growth = res[0][i].p95 > 0.001 ? r->p95 / res[0][i].p95 : 1;
			/* the floor's own growth: when the best hand-written query
			 * grows as much, the cost follows the rows the action
			 * returns (a search capped at 500 hits that has 40 at 1k),
			 * not a missing index or a wrong query */
			double fgrowth = res[0][i].fp95 > 0.001 ? r->fp95 / res[0][i].fp95 : 1;
			const char *miss = "";
			bool last = s == nsizes - 1;
			if (!r->ok_rows)
				miss = "ROWS DIFFER";
			else if (last && A->cls == INTERACTIVE && ratio > 1.5 && r->p95 > 1.0)
				miss = "over 1.5x floor";
			else if (last && A->cls == REPORT && ratio > 2.0 && r->p95 > 1.0)
				miss = "over 2x floor";
			else if (last && A->cls == INTERACTIVE && growth > 1.3 && r->p95 > 2.0 &&
				 growth > 1.3 * fgrowth &&
				 !strstr(A->name, "worklist") && !strstr(A->name, "login"))
				miss = "grows";
			else if (last && A->cls == INTERACTIVE && growth > 1.3 && r->p95 > 2.0 &&
				 !strstr(A->name, "worklist") && !strstr(A->name, "login"))
				miss = "(grows with its floor)";
			else if (last && strstr(A->name, "login") && r->p95 > 100 && r->fp95 <= 100)
				miss = "over 100 ms";
			else if (last && strstr(A->name, "login") && r->p95 > 100)
				miss = "(floor over 100 ms: argon2id)";
			else if (last && !strcmp(A->name, "search per keystroke") && r->p95 > 10)
				miss = "over 10 ms";
			else if (last && !strcmp(A->name, "save a monitoring note") && r->p95 > 5)
				miss = "over 5 ms";
			else if (last && strstr(A->name, "import") && ratio > 2.0)
				miss = "over 2x a raw insert";
			if (*miss && *miss != '(')
				fails++;
			printf("%-30s %8d %9.2f %9.2f %9.2f %6.1fx %6.2fx %6.2fx %s\n", s ? "" : A->name,
			       sizes[s], r->p50, r->p95, r->fp95, ratio, growth, fgrowth, miss);
		}
	}
	for (s = 0; s < anon_sizes && s < nsizes; s++) {
		bool over = s == nsizes - 1 && anon_whole[s] > 30;
		printf("anonymisation, whole run at %d persons: %zu persons in %.1f s%s\n", sizes[s],
		       anon_count[s], anon_whole[s], over ? " (over 30 s)" : "");
		fails += over;
	}
	for (s = 0; s < nsizes; s++) {
		printf("desk memory after login at %d persons: %.1f MiB%s\n", sizes[s],
		       mem[s] / 1024.0, mem[s] > 24 * 1024 ? " (over 24 MiB)" : "");
		if (mem[s] > 24 * 1024)
			fails++;
	}
	printf("bench: %s (%d target%s missed)\n", fails ? "FAILED" : "ok", fails,
	       fails == 1 ? "" : "s");
	return fails ? 1 : 0;
}
