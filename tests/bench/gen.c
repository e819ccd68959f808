/* gen.c - the bench's database: ten years of a large centre.
 *
 * The offer, the accounts and the demo centre's own cases come from
 * demo_fill; persons and requests are saved through the domain
 * (person_save, request_file), as at the desk.  The case history after
 * intake -- assessments, needs, plans with their versions, services,
 * orders and activities, monitoring notes with their service checks and
 * absences, closings, meetings, group members, shares and the audit log
 * -- is written by a bulk path: prepared INSERTs in large transactions,
 * shaped as the domain writes them, with the audit chain computed at the
 * end by the store's own audit_chain_existing.  `cusdesk check` must
 * accept the result (the bench runs it).  Everything is deterministic. */
#include "gen.h"
#include "auth.h"
#include "centre.h"
#include "demo.h"
#include "dbint.h"
#include "embedded.h"
#include "person.h"
#include "request.h"
#include "text.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint32_t rs = 88172645u;
static uint32_t rnd(void)
{
	rs ^= rs << 13;
	rs ^= rs >> 17;
	rs ^= rs << 5;
	return rs;
}
static int rnd_in(int lo, int hi)
{
	return lo + (int)(rnd() % (uint32_t)(hi - lo + 1));
}

struct names {
	char **f, **m, **s, **town;
	size_t nf, nm, ns, nt;
};

static void add(char ***l, size_t *n, const char *s, size_t len)
{
	*l = xrealloc(*l, (*n + 1) * sizeof(char *));
	(*l)[(*n)++] = xstrndup(s, len);
}

static void names_load(struct names *nl)
{
	const struct embedded_file *f = embedded_get("demo/names.tsv");
	const struct embedded_file *t = embedded_get("demo/towns.tsv");
	const char *p, *e;

	memset(nl, 0, sizeof(*nl));
	for (p = f->text; p < f->text + f->len; p = e + 1) {
		e = memchr(p, '\n', (size_t)(f->text + f->len - p));
		if (!e)
			e = f->text + f->len;
		if (e - p > 2 && p[1] == '\t')
			add(p[0] == 'f' ? &nl->f : p[0] == 'm' ? &nl->m : &nl->s,
			    p[0] == 'f' ? &nl->nf : p[0] == 'm' ? &nl->nm : &nl->ns,
			    p + 2, (size_t)(e - p - 2));
	}
	p = memchr(t->text, '\n', t->len); /* after the header */
	for (p = p ? p + 1 : t->text + t->len; p < t->text + t->len; p = e + 1) {
		const char *tab;
		e = memchr(p, '\n', (size_t)(t->text + t->len - p));
		if (!e)
			e = t->text + t->len;
		tab = memchr(p, '\t', (size_t)(e - p));
		if (e > p)
			add(&nl->town, &nl->nt, p, (size_t)((tab ? tab : e) - p));
	}
}

static void names_free(struct names *nl)
{
	size_t i;
	for (i = 0; i < nl->nf; i++)
		free(nl->f[i]);
	for (i = 0; i < nl->nm; i++)
		free(nl->m[i]);
	for (i = 0; i < nl->ns; i++)
		free(nl->s[i]);
	for (i = 0; i < nl->nt; i++)
		free(nl->town[i]);
	free(nl->f);
	free(nl->m);
	free(nl->s);
	free(nl->town);
}

/* A valid PESEL, unique by construction: the serial counts the persons
 * born on the same day. */
static void pesel_of(const struct date *b, char sex, unsigned serial, char out[12])
{
	static const int w[10] = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
	int mm = b->m + (b->y >= 2000 ? 20 : 0), i, sum = 0;
	unsigned sexd = (serial % 5) * 2 + (sex == 'M');

	snprintf(out, 12, "%02d%02d%02d%03u%u", b->y % 100, mm, b->d, (serial / 5) % 1000, sexd);
	for (i = 0; i < 10; i++)
		sum += (out[i] - '0') * w[i];
	out[10] = (char)('0' + (10 - sum % 10) % 10);
	out[11] = '\0';
}

static void day_str(long days, char out[11])
{
	struct date d;
	date_from_days(days, &d);
	date_format(&d, out);
}

/* One prepared INSERT, reused: bind, then ins_run. */
static sqlite3_stmt *ins(struct cd_db *db, const char *sql)
{
	sqlite3_stmt *st;
	if (db_prepare(db, sql, &st))
		BUG("bench gen: cannot prepare %s", sql);
	return st;
}

static int64_t ins_run(struct cd_db *db, sqlite3_stmt *st)
{
	if (sqlite3_step(st) != SQLITE_DONE)
		BUG("bench gen: %s: %s", sqlite3_sql(st), sqlite3_errmsg(db->h));
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return sqlite3_last_insert_rowid(db->h);
}

static void bt(sqlite3_stmt *st, int i, const char *s)
{
	sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

static double secs(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The offer the bulk path fills plans from: (programme, service,
 * provider) triples that the catalogue holds. */
struct triple {
	int64_t prog, svc, prov;
	char freq[8];
};

static size_t offer_triples(struct cd_db *db, struct triple **out)
{
	sqlite3_stmt *st;
	size_t n = 0, cap = 0;

	*out = NULL;
	if (db_prepare(db, "SELECT ps.programme_id, ps.service_id, pv.provider_id, s.unit "
		       "FROM programme_service ps JOIN provider_service pv ON "
		       "pv.service_id = ps.service_id JOIN service s ON s.id = ps.service_id "
		       "WHERE s.is_group = 0 ORDER BY 1, 2, 3", &st))
		return 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct triple *t = array_push((void **)out, &n, &cap, sizeof(**out));
		t->prog = sqlite3_column_int64(st, 0);
		t->svc = sqlite3_column_int64(st, 1);
		t->prov = sqlite3_column_int64(st, 2);
		str_copy(t->freq, sizeof(t->freq), "week");
	}
	sqlite3_finalize(st);
	return n;
}

static const char *asked_texts[] = {
	"Pomoc w sprzątaniu i zakupach, mama po udarze.",
	"Rehabilitacja po operacji biodra.",
	"Opieka wytchnieniowa, opiekuję się mężem z demencją.",
	"Wsparcie psychologa dla syna po wypadku.",
	"Dowóz na zajęcia i do lekarza.",
	"Pomoc prawna w sprawie mieszkania.",
	"Asystent osobisty dla córki z niepełnosprawnością.",
	"Zajęcia dla seniorów, czuję się samotna.",
};

static const char *note_texts[] = {
	"Usługa się odbywa; opiekunka punktualna, osoba zadowolona.",
	"Rozmowa telefoniczna: bez zmian, rehabilitacja przynosi efekty.",
	"Wizyta w domu: potrzebna dodatkowa godzina w tygodniu przy kąpieli.",
	"Kontakt z realizatorem: dwie nieobecności z powodu choroby.",
	"Osoba prosi o zmianę godzin usługi na popołudniowe.",
};

int bench_generate(const char *path, int persons, struct gen_counts *c)
{
	struct cd_db *db;
	struct actor sys;
	struct fielderr e;
	struct names nl;
	struct date today;
	struct triple *tri;
	size_t ntri;
	char *err = NULL, d1[11], d2[11], d3[11];
	long now, t0;
	int64_t *pid, *coords, bench_coord = 0, director = 0, organiser = 0;
	int ncoord, i, requests = persons * 3 / 2, open_for_bench = 0;
	unsigned short *born;
	double start = secs();
	sqlite3_stmt *st, *s_as, *s_sit, *s_dom, *s_need, *s_qual, *s_req, *s_plan, *s_ver,
		*s_item, *s_ord, *s_act, *s_note, *s_check, *s_abs, *s_clo, *s_wait, *s_share,
		*s_audit, *s_grp, *s_file;
	int caseno[64] = {0};
	unsigned char *reindex;

	memset(c, 0, sizeof(*c));
	actor_system(&sys);
	date_today(&today);
	now = date_to_days(&today);
	t0 = now - 3650;
	if (db_open(path, DB_CREATE_NEW, &db, &err) || centre_setup(db, "bench") ||
	    demo_fill(db)) {
		fprintf(stderr, "bench gen: %s\n", err ? err : "setup failed");
		return 1;
	}
	/* a build, not a desk: a large cache and no fsync until the end */
	db_exec(db, "PRAGMA cache_size = -262144");
	db_exec(db, "PRAGMA synchronous = OFF");
	day_str(t0 - 1, d1);
	setting_set(db, "centre_started", d1);
	setting_set(db, "centre_name", "Centrum Usług Społecznych w Bench");

	/* coordinators: one for every 4,000 persons; "koordynator" (demo
	 * password) is the one with 300 open cases */
	ncoord = persons / 4000 < 3 ? 3 : persons / 4000;
	coords = xcalloc((size_t)ncoord, sizeof(*coords));
	db_begin(db);
	st = ins(db, "INSERT INTO app_user(login, full_name, pw_hash, roles) SELECT ?1, ?2, "
		 "pw_hash, 2 FROM app_user WHERE login = 'koordynator'");
	for (i = 0; i < ncoord; i++) {
		char login[32], name[64];
		if (i == 0) {
			sqlite3_stmt *q = ins(db, "SELECT id FROM app_user WHERE login = ?1");
			bt(q, 1, "koordynator");
			if (sqlite3_step(q) == SQLITE_ROW)
				coords[0] = bench_coord = sqlite3_column_int64(q, 0);
			sqlite3_reset(q);
			bt(q, 1, "dyrektor");
			if (sqlite3_step(q) == SQLITE_ROW)
				director = sqlite3_column_int64(q, 0);
			sqlite3_reset(q);
			bt(q, 1, "organizator");
			if (sqlite3_step(q) == SQLITE_ROW)
				organiser = sqlite3_column_int64(q, 0);
			sqlite3_finalize(q);
			continue;
		}
		snprintf(login, sizeof(login), "koord%02d", i);
		snprintf(name, sizeof(name), "Koordynator %d", i);
		bt(st, 1, login);
		bt(st, 2, name);
		coords[i] = ins_run(db, st);
	}
	sqlite3_finalize(st);
	db_commit(db);

	/* persons, through the domain, 5,000 to a transaction */
	names_load(&nl);
	pid = xcalloc((size_t)persons, sizeof(*pid));
	born = xcalloc(40000, sizeof(*born));
	for (i = 0; i < persons; i++) {
		struct person p;
		struct date b;
		char sex = rnd() % 2 ? 'K' : 'M';
		long bd = now - rnd_in(2, 95) * 365 - rnd_in(0, 364);
		const char *sur = nl.s[rnd() % nl.ns];
		size_t n;

		if (i % 20000 == 0 && db_begin(db))
			return 1;
		person_init(&p);
		str_copy(p.first_names, sizeof(p.first_names),
			 sex == 'K' ? nl.f[rnd() % nl.nf] : nl.m[rnd() % nl.nm]);
		str_copy(p.surname, sizeof(p.surname), sur);
		n = strlen(p.surname);
		if (sex == 'K' && n > 3 && (!strcmp(sur + n - 3, "ski") || !strcmp(sur + n - 3, "cki")))
			p.surname[n - 1] = 'a';
		if (rnd() % 25 == 0) /* a double surname now and then */
			snprintf(p.surname + strlen(p.surname), sizeof(p.surname) - strlen(p.surname),
				 "-%s", nl.s[rnd() % nl.ns]);
		date_from_days(bd, &b);
		date_format(&b, p.birth_date);
		p.sex[0] = sex;
		if (i % 20 != 7) /* a few without PESEL */
			pesel_of(&b, sex, born[(now - bd) % 40000]++, p.pesel);
		str_copy(p.town, sizeof(p.town), nl.town[rnd() % nl.nt]);
		snprintf(p.street, sizeof(p.street), "ul. %s", nl.s[rnd() % nl.ns]);
		snprintf(p.house_no, sizeof(p.house_no), "%d", rnd_in(1, 120));
		str_copy(p.postcode, sizeof(p.postcode), "07-431");
		if (i % 3)
			snprintf(p.phone, sizeof(p.phone), "%d %03d %03d", rnd_in(500, 799),
				 rnd_in(0, 999), rnd_in(0, 999));
		if (person_save(db, &sys, &p, &e)) {
			fprintf(stderr, "bench gen: person %s %s: %s\n", p.first_names, p.surname, e.msg);
			return 1;
		}
		pid[i] = p.id;
		if (i % 20000 == 19999 || i == persons - 1)
			if (db_commit(db))
				return 1;
	}
	free(born);
	c->persons = persons;
	c->t_persons = secs() - start;

	/* requests through the domain; their case history in bulk */
	s_req = ins(db, "UPDATE request SET status = ?2 WHERE id = ?1");
	s_as = ins(db, "INSERT INTO assessment(request_id, held_on, place, status, finalised_at, "
		   "outcome, outcome_note, forward_to, consent_on, coordination_months, author_id) "
		   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
	s_sit = ins(db, "INSERT INTO assessment_sitting(assessment_id, held_on, recorded_by) "
		    "VALUES (?1, ?2, ?3)");
	s_dom = ins(db, "INSERT INTO assessment_domain(assessment_id, domain_code, situation, "
		    "needs, strengths, wishes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	s_need = ins(db, "INSERT INTO need(assessment_id, domain_code, description, service_id, "
		     "unmet, area_code) VALUES (?1, ?2, ?3, ?4, ?5, (SELECT area_code FROM service "
		     "WHERE id = ?4))");
	s_qual = ins(db, "INSERT INTO qualification(assessment_id, programme_id) VALUES (?1, ?2)");
	s_plan = ins(db, "INSERT INTO plan(request_id, person_id, coordinator_id) VALUES (?1, ?2, ?3)");
	s_ver = ins(db, "INSERT INTO plan_version(plan_id, version_no, status, period_from, "
		    "period_to, goals, person_view, update_reason, update_note, agreed_on, "
		    "signed_paper, submitted_at, decided_by, decided_at, created_by, changed_by) "
		    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1, ?11, ?12, ?13, ?14, ?14)");
	s_item = ins(db, "INSERT INTO plan_item(version_id, origin_id, programme_id, service_id, "
		     "provider_id, starts_on, ends_on, amount, frequency, days, hours, ended_on, "
		     "end_reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
	s_ord = ins(db, "INSERT INTO service_order(item_id, sent_on, provider_contact_on) "
		    "VALUES (?1, ?2, ?3)");
	s_act = ins(db, "INSERT INTO supporting_activity(version_id, kind, description) "
		    "VALUES (?1, ?2, ?3)");
	s_note = ins(db, "INSERT INTO monitoring_note(plan_id, held_on, kind, with_whom, text, "
		     "next_contact_on, author_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	s_check = ins(db, "INSERT INTO monitoring_item(note_id, item_id, taking_place, on_time, "
		      "quality, absences, satisfaction, delivered, ordered) "
		      "VALUES (?1, ?2, 1, 1, ?3, ?4, ?5, ?6, ?7)");
	s_abs = ins(db, "INSERT INTO absence(note_id, item_id, on_date) VALUES (?1, ?2, ?3)");
	s_clo = ins(db, "INSERT INTO closure(plan_id, conversation_on, person_view, changes, "
		    "goals_met, further_needs, description, reason, closed_on, followup_due, "
		    "followup_on, followup_note, author_id) VALUES (?1, ?2, "
		    "'Pomoc była potrzebna.', 'Radzi sobie lepiej.', 'Tak, w większości.', '', "
		    "'Plan zrealizowano zgodnie z założeniami.', ?3, ?2, ?4, ?5, ?6, ?7)");
	s_wait = ins(db, "INSERT INTO waiting_entry(request_id, programme_id, service_id, added_on) "
		     "VALUES (?1, ?2, ?3, ?4)");
	s_share = ins(db, "INSERT OR IGNORE INTO case_share(request_id, user_id, shared_by) "
		      "VALUES (?1, ?2, ?3)");
	s_grp = ins(db, "INSERT INTO group_member(person_id, request_id, programme_id, service_id, "
		    "joined_on, left_on, created_by) SELECT ?1, ?2, ps.programme_id, ps.service_id, "
		    "?3, ?4, ?5 FROM programme_service ps JOIN service s ON s.id = ps.service_id "
		    "WHERE s.is_group = 1 ORDER BY ps.service_id LIMIT 1 OFFSET ?6");
	s_audit = ins(db, "INSERT INTO audit_log(at, user_id, action, entity, entity_id, detail, "
		      "os_account) VALUES (?1, ?2, ?3, ?4, ?5, '', 'cusdesk')");
	s_file = ins(db, "INSERT INTO request(case_ref, case_year, case_no, person_id, filed_on, "
		     "channel, filed_by, referral_source, asked, coordinator_id, status, created_by) "
		     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'person', 'self', ?7, ?8, ?9, NULL)");
	{
		/* the demo's own requests have numbers already */
		sqlite3_stmt *q = ins(db, "SELECT year, last_no FROM case_counter");
		while (sqlite3_step(q) == SQLITE_ROW)
			if (sqlite3_column_int(q, 0) >= 2000 && sqlite3_column_int(q, 0) < 2064)
				caseno[sqlite3_column_int(q, 0) - 2000] = sqlite3_column_int(q, 1);
		sqlite3_finalize(q);
	}
	reindex = xcalloc((size_t)pid[persons - 1] + 1, 1);
	ntri = offer_triples(db, &tri);
	if (!ntri)
		BUG("bench gen: the demo offer has no services");
	{
		int ngroup = 0;
		sqlite3_stmt *q = ins(db, "SELECT count(*) FROM programme_service ps JOIN service s "
				      "ON s.id = ps.service_id WHERE s.is_group = 1");
		if (sqlite3_step(q) == SQLITE_ROW)
			ngroup = sqlite3_column_int(q, 0);
		sqlite3_finalize(q);
		c->group_services = ngroup;
	}

	for (i = 0; i < requests; i++) {
		struct request r;
		long filed = t0 + (long)((double)i * 3640 / requests) + rnd_in(0, 2);
		long age = now - filed, from, to, v2from = 0;
		int64_t coord, as_id, plan_id, ver[3] = {0}, items[3][4] = {{0}};
		unsigned roll = rnd() % 100;
		const char *status;
		int nitems = 0, nver = 0, k, j;
		bool has_plan = false, open = false;

		if (i % 20000 == 0 && db_begin(db))
			return 1;
		if (filed > now)
			filed = now;
		/* what becomes of the request, by its age */
		if (age < 7)
			status = "filed";
		else if (age < 25)
			status = "assessment";
		else if (roll < 18) {
			status = "qualified";
			has_plan = true;
		} else if (roll < 22)
			status = "qualified"; /* under 3 months of coordination: no IPUS */
		else if (roll < 50)
			status = "not_qualified";
		else if (roll < 80)
			status = "forwarded";
		else if (roll < 86)
			status = "waiting";
		else
			status = "withdrawn";
		from = filed + rnd_in(15, 28);
		to = from + rnd_in(180, 365);
		if (has_plan && to >= now)
			open = true;
		/* the bench coordinator gets the first 300 open cases */
		if (open && open_for_bench < 300) {
			coord = bench_coord;
			open_for_bench++;
		} else {
			coord = coords[1 + rnd() % (unsigned)(ncoord - 1)];
		}
		request_init(&r);
		r.person_id = pid[rnd() % (unsigned)persons];
		day_str(filed, r.filed_on);
		str_copy(r.asked, sizeof(r.asked), asked_texts[rnd() % ARRAY_SIZE(asked_texts)]);
		r.coordinator_id = !strcmp(status, "filed") && i % 2 ? 0 : coord;
		{
			/* as insert_request writes it: the year's next number */
			struct date fd;
			char *ref;
			date_from_days(filed, &fd);
			if (fd.y - 2000 >= 0 && fd.y - 2000 < 64)
				caseno[fd.y - 2000]++;
			ref = case_ref_format(CASE_REF_DEFAULT, caseno[fd.y - 2000], fd.y);
			bt(s_file, 1, ref);
			free(ref);
			sqlite3_bind_int(s_file, 2, fd.y);
			sqlite3_bind_int(s_file, 3, caseno[fd.y - 2000]);
			sqlite3_bind_int64(s_file, 4, r.person_id);
			bt(s_file, 5, r.filed_on);
			bt(s_file, 6, rnd() % 3 ? "in_person" : "phone");
			bt(s_file, 7, r.asked);
			if (r.coordinator_id)
				sqlite3_bind_int64(s_file, 8, r.coordinator_id);
			bt(s_file, 9, "filed");
			r.id = ins_run(db, s_file);
			reindex[r.person_id] = 1;
		}
		c->requests++;
		if (!strcmp(status, "filed"))
			goto audit;

		/* the needs assessment */
		day_str(filed + rnd_in(3, 12), d1);
		bool final = strcmp(status, "assessment") != 0;
		sqlite3_bind_int64(s_as, 1, r.id);
		bt(s_as, 2, d1);
		bt(s_as, 3, rnd() % 2 ? "home" : "cus");
		bt(s_as, 4, final ? "final" : "draft");
		if (final) {
			bt(s_as, 5, d1);
			bt(s_as, 6, status[0] == 'w' && status[1] == 'i' ? "not_qualified" : status);
			if (!strcmp(status, "forwarded")) {
				bt(s_as, 8, "social_assistance");
				bt(s_as, 9, d1);
			}
			if (!strcmp(status, "qualified"))
				sqlite3_bind_int(s_as, 10, has_plan ? 6 : 2);
		}
		bt(s_as, 7, final ? "Ustalono na rozmowie." : "");
		sqlite3_bind_int64(s_as, 11, coord);
		as_id = ins_run(db, s_as);
		sqlite3_bind_int64(s_sit, 1, as_id);
		bt(s_sit, 2, d1);
		sqlite3_bind_int64(s_sit, 3, coord);
		ins_run(db, s_sit);
		sqlite3_bind_int64(s_dom, 1, as_id);
		bt(s_dom, 2, "care");
		bt(s_dom, 3, "Mieszka sama; po pobycie w szpitalu słabiej chodzi.");
		bt(s_dom, 4, "Pomoc przy zakupach, sprzątaniu i kąpieli.");
		bt(s_dom, 5, "Sąsiadka zagląda codziennie.");
		bt(s_dom, 6, "Chce zostać we własnym domu.");
		ins_run(db, s_dom);
		c->assessments++;
		for (k = 0; k < 2; k++) {
			const struct triple *tp = &tri[rnd() % ntri];
			bool unmet = k == 1 && rnd() % 4 == 0;
			sqlite3_bind_int64(s_need, 1, as_id);
			bt(s_need, 2, k ? "health" : "care");
			bt(s_need, 3, k ? "Dowóz na rehabilitację." : "Pomoc w domu: zakupy, sprzątanie.");
			sqlite3_bind_int64(s_need, 4, tp->svc);
			sqlite3_bind_int(s_need, 5, unmet);
			ins_run(db, s_need);
			c->needs++;
		}
		if (!strcmp(status, "waiting")) {
			const struct triple *tp = &tri[rnd() % ntri];
			sqlite3_bind_int64(s_wait, 1, r.id);
			sqlite3_bind_int64(s_wait, 2, tp->prog);
			sqlite3_bind_int64(s_wait, 3, tp->svc);
			bt(s_wait, 4, d1);
			ins_run(db, s_wait);
		}
		if (!strcmp(status, "qualified")) {
			sqlite3_bind_int64(s_qual, 1, as_id);
			sqlite3_bind_int64(s_qual, 2, tri[0].prog);
			ins_run(db, s_qual);
		}
		if (!has_plan) {
			if (strcmp(status, "assessment")) {
				sqlite3_bind_int64(s_req, 1, r.id);
				bt(s_req, 2, status);
				ins_run(db, s_req);
			} else {
				sqlite3_bind_int64(s_req, 1, r.id);
				bt(s_req, 2, "assessment");
				ins_run(db, s_req);
			}
			goto audit;
		}

		/* the plan: version 1, often an update (version 2) */
		sqlite3_bind_int64(s_plan, 1, r.id);
		sqlite3_bind_int64(s_plan, 2, r.person_id);
		sqlite3_bind_int64(s_plan, 3, coord);
		plan_id = ins_run(db, s_plan);
		c->plans++;
		nver = rnd() % 10 < 7 ? 2 : 1;
		if (nver == 2)
			v2from = from + (to - from) / 2;
		/* a few of the newest wait for approval or are drafts */
		if (open && age < 45 && rnd() % 3 == 0)
			nver = 1;
		nitems = rnd_in(2, 4);
		for (k = 0; k < nver; k++) {
			const char *vstatus = k + 1 < nver ? "superseded" : "approved";
			long vfrom = k ? v2from : from;
			if (open && nver == 1 && age < 45)
				vstatus = rnd() % 2 ? "submitted" : "draft";
			sqlite3_bind_int64(s_ver, 1, plan_id);
			sqlite3_bind_int(s_ver, 2, k + 1);
			bt(s_ver, 3, vstatus);
			day_str(vfrom, d1);
			day_str(to, d2);
			bt(s_ver, 4, d1);
			bt(s_ver, 5, d2);
			bt(s_ver, 6, "Bezpieczne i samodzielne życie we własnym domu.");
			bt(s_ver, 7, "Najważniejsze, żeby ktoś pomógł w zakupach.");
			if (k)
				bt(s_ver, 8, "needs_changed");
			bt(s_ver, 9, k ? "Potrzebna dodatkowa godzina w tygodniu." : "");
			day_str(vfrom - 3, d3);
			bt(s_ver, 10, d3);
			if (strcmp(vstatus, "draft")) {
				char at[24];
				snprintf(at, sizeof(at), "%s 10:00:00", d3);
				bt(s_ver, 11, at);
				if (strcmp(vstatus, "submitted")) {
					sqlite3_bind_int64(s_ver, 12, director);
					bt(s_ver, 13, at);
				}
			}
			sqlite3_bind_int64(s_ver, 14, coord);
			ver[k] = ins_run(db, s_ver);
			c->versions++;
			for (j = 0; j < nitems; j++) {
				const struct triple *tp = &tri[(plan_id * 7 + j * 3) % ntri];
				char amount[8];
				sqlite3_bind_int64(s_item, 1, ver[k]);
				if (k)
					sqlite3_bind_int64(s_item, 2, items[k - 1][j]);
				sqlite3_bind_int64(s_item, 3, tp->prog);
				sqlite3_bind_int64(s_item, 4, tp->svc);
				sqlite3_bind_int64(s_item, 5, tp->prov);
				bt(s_item, 6, d1);
				bt(s_item, 7, d2);
				snprintf(amount, sizeof(amount), "%d", 2 + j + k);
				sqlite3_bind_double(s_item, 8, 2 + j + k);
				bt(s_item, 9, tp->freq);
				bt(s_item, 10, j % 2 ? "pn,śr,pt" : "wt,czw");
				bt(s_item, 11, j % 2 ? "9:00-11:00" : "14:00-16:00");
				if (!open && k + 1 == nver)
					bt(s_item, 12, d2);
				bt(s_item, 13, !open && k + 1 == nver ? "koniec planu" : "");
				items[k][j] = ins_run(db, s_item);
				c->items++;
				if (strcmp(vstatus, "approved") && strcmp(vstatus, "superseded"))
					continue;
				sqlite3_bind_int64(s_ord, 1, items[k][j]);
				bt(s_ord, 2, d1);
				if (!open || rnd() % 8)
					bt(s_ord, 3, d1);
				ins_run(db, s_ord);
			}
			if (rnd() % 4 == 0) {
				sqlite3_bind_int64(s_act, 1, ver[k]);
				bt(s_act, 2, "volunteering");
				bt(s_act, 3, "Wolontariuszka z parafii czyta i spaceruje.");
				ins_run(db, s_act);
			}
		}
		if (open && nver == 1 && age < 45) {
			/* not approved yet: no monitoring */
			sqlite3_bind_int64(s_req, 1, r.id);
			bt(s_req, 2, "qualified");
			ins_run(db, s_req);
			goto audit;
		}
		/* monitoring every two weeks or so, each note checking two
		 * services of the version then in force */
		{
			long day, last = open ? now : to;
			int64_t note = 0;
			for (day = from + rnd_in(7, 14); day <= last; day += rnd_in(8, 20)) {
				int v = nver == 2 && day >= v2from ? 1 : 0;
				bool is_last = day + 20 > last;
				sqlite3_bind_int64(s_note, 1, plan_id);
				day_str(day, d1);
				bt(s_note, 2, d1);
				bt(s_note, 3, rnd() % 3 ? "phone" : "home_visit");
				bt(s_note, 4, "osoba i opiekunka");
				bt(s_note, 5, note_texts[rnd() % ARRAY_SIZE(note_texts)]);
				if (is_last && open) {
					day_str(day + 14, d2);
					bt(s_note, 6, d2);
				}
				sqlite3_bind_int64(s_note, 7, coord);
				note = ins_run(db, s_note);
				c->notes++;
				for (j = 0; j < 2 && j < nitems; j++) {
					int absn = rnd() % 10 == 0 ? rnd_in(1, 2) : 0, a;
					sqlite3_bind_int64(s_check, 1, note);
					sqlite3_bind_int64(s_check, 2, items[v][(j + (int)(day % 3)) % nitems]);
					sqlite3_bind_int(s_check, 3, rnd_in(3, 5));
					sqlite3_bind_int(s_check, 4, absn);
					sqlite3_bind_int(s_check, 5, rnd_in(3, 5));
					sqlite3_bind_double(s_check, 6, 8);
					sqlite3_bind_double(s_check, 7, 8 + absn);
					if (sqlite3_step(s_check) != SQLITE_DONE) {
						/* the same item twice in one note: skip */
						sqlite3_reset(s_check);
						sqlite3_clear_bindings(s_check);
						continue;
					}
					sqlite3_reset(s_check);
					sqlite3_clear_bindings(s_check);
					c->checks++;
					for (a = 0; a < absn; a++) {
						sqlite3_bind_int64(s_abs, 1, note);
						sqlite3_bind_int64(s_abs, 2,
							items[v][(j + (int)(day % 3)) % nitems]);
						day_str(day - 1 - a, d2);
						bt(s_abs, 3, d2);
						ins_run(db, s_abs);
					}
				}
			}
		}
		if (!open) {
			day_str(to, d1);
			sqlite3_bind_int64(s_clo, 1, plan_id);
			bt(s_clo, 2, d1);
			bt(s_clo, 3, rnd() % 5 ? "completed" : "goals_achieved");
			day_str(to + 90, d2);
			bt(s_clo, 4, d2);
			if (to + 90 < now)
				bt(s_clo, 5, d2);
			bt(s_clo, 6, to + 90 < now ? "Radzi sobie samodzielnie." : "");
			sqlite3_bind_int64(s_clo, 7, coord);
			ins_run(db, s_clo);
			c->closures++;
		}
		sqlite3_bind_int64(s_req, 1, r.id);
		bt(s_req, 2, open ? "qualified" : "closed");
		ins_run(db, s_req);
		if (rnd() % 50 == 0) {
			sqlite3_bind_int64(s_share, 1, r.id);
			sqlite3_bind_int64(s_share, 2, coords[(size_t)(i + 1) % (size_t)ncoord]);
			sqlite3_bind_int64(s_share, 3, coord);
			ins_run(db, s_share);
		}
		if (c->group_services && rnd() % 30 == 0) {
			day_str(from, d1);
			day_str(to, d2);
			sqlite3_bind_int64(s_grp, 1, r.person_id);
			sqlite3_bind_int64(s_grp, 2, r.id);
			bt(s_grp, 3, d1);
			if (!open)
				bt(s_grp, 4, d2);
			sqlite3_bind_int64(s_grp, 5, coord);
			sqlite3_bind_int(s_grp, 6, (int)(rnd() % (unsigned)c->group_services));
			ins_run(db, s_grp);
		}
audit:
		/* the reads and changes a case leaves in the audit log: about
		 * eight entries per request, spread over its life */
		for (k = 0; k < 8; k++) {
			static const char *acts[] = {"request.file", "request.read", "plan.read",
						     "monitoring.add", "plan.update", "case.read"};
			char at[24];
			long day = filed + (long)k * (has_plan ? 40 : 4);
			day_str(day > now ? now : day, d1);
			snprintf(at, sizeof(at), "%s %02d:%02d:00", d1, 8 + k, (int)(rnd() % 60));
			bt(s_audit, 1, at);
			sqlite3_bind_int64(s_audit, 2, coord);
			bt(s_audit, 3, acts[k % ARRAY_SIZE(acts)]);
			bt(s_audit, 4, "request");
			sqlite3_bind_int64(s_audit, 5, r.id);
			ins_run(db, s_audit);
			c->audit++;
		}
		if (i % 20000 == 19999 || i == requests - 1)
			if (db_commit(db))
				return 1;
	}
	sqlite3_finalize(s_req);
	sqlite3_finalize(s_as);
	sqlite3_finalize(s_sit);
	sqlite3_finalize(s_dom);
	sqlite3_finalize(s_need);
	sqlite3_finalize(s_qual);
	sqlite3_finalize(s_plan);
	sqlite3_finalize(s_ver);
	sqlite3_finalize(s_item);
	sqlite3_finalize(s_ord);
	sqlite3_finalize(s_act);
	sqlite3_finalize(s_note);
	sqlite3_finalize(s_check);
	sqlite3_finalize(s_abs);
	sqlite3_finalize(s_clo);
	sqlite3_finalize(s_wait);
	sqlite3_finalize(s_share);
	sqlite3_finalize(s_grp);
	sqlite3_finalize(s_file);
	/* the case references in the search index, and the year counters,
	 * as request_file leaves them */
	db_begin(db);
	for (i = 0; i < persons; i++)
		if (reindex[pid[i]] && person_reindex(db, pid[i]))
			BUG("bench gen: reindex failed");
	st = ins(db, "INSERT OR REPLACE INTO case_counter(year, last_no) VALUES (?1, ?2)");
	for (i = 0; i < 64; i++)
		if (caseno[i]) {
			sqlite3_bind_int(st, 1, 2000 + i);
			sqlite3_bind_int(st, 2, caseno[i]);
			ins_run(db, st);
		}
	sqlite3_finalize(st);
	db_commit(db);
	free(reindex);
	c->t_requests = secs() - start - c->t_persons;

	/* the quarterly coordinators' meetings (art. 46 ust. 2), each
	 * discussing some plans */
	db_begin(db);
	st = ins(db, "INSERT INTO meeting(held_on, attendees, notes, decisions, created_by) "
		 "VALUES (?1, 'koordynatorzy, organizator', 'Omówiono plany.', "
		 "'Bez zmian w ofercie.', ?2)");
	{
		sqlite3_stmt *mp = ins(db, "INSERT OR IGNORE INTO meeting_plan(meeting_id, plan_id) "
				       "SELECT ?1, id FROM plan WHERE id % 97 = ?2 LIMIT 30");
		for (i = 0; i < 40; i++) {
			long day = t0 + 90 + i * 91;
			int64_t mid;
			if (day > now)
				break;
			day_str(day, d1);
			bt(st, 1, d1);
			sqlite3_bind_int64(st, 2, organiser);
			mid = ins_run(db, st);
			sqlite3_bind_int64(mp, 1, mid);
			sqlite3_bind_int(mp, 2, i % 97);
			ins_run(db, mp);
			c->meetings++;
		}
		sqlite3_finalize(mp);
	}
	sqlite3_finalize(st);
	sqlite3_finalize(s_audit);
	db_commit(db);
	/* the audit chain over everything written above */
	db_begin(db);
	if (audit_chain_existing(db) || db_commit(db)) {
		fprintf(stderr, "bench gen: audit chain failed\n");
		return 1;
	}
	c->t_total = secs() - start;
	free(pid);
	free(coords);
	free(tri);
	names_free(&nl);
	db_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
	db_close(&db);
	return 0;
}
