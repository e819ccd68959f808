/* demo.c - a small rural centre modelled on the Czarnia programme (seed
 * 004, appendix 3): its services with monthly volumes, a few providers and
 * fictional residents with Polish names. */
#include "demo.h"
#include "auth.h"
#include "catalogue.h"
#include "dbint.h"
#include "embedded.h"
#include "person.h"
#include "request.h"
#include "text.h"
#include "assessment.h"
#include "monitoring.h"
#include "plan.h"
#include "codes.h"
#include "group.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* xorshift32: the same demo on every machine */
static uint32_t rnd_state = 2463534242u;
static uint32_t rnd(void)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 17;
	rnd_state ^= rnd_state << 5;
	return rnd_state;
}
static int rnd_int(int lo, int hi)
{
	return lo + (int)(rnd() % (uint32_t)(hi - lo + 1));
}

struct name_lists {
	char **female, **male, **surname, **town, **street;
	size_t nf, nm, ns, nt;
};

static void list_add(char ***l, size_t *n, const char *s)
{
	*l = xrealloc(*l, (*n + 1) * sizeof(char *));
	(*l)[(*n)++] = xstrdup(s);
}

static void load_names(struct name_lists *nl)
{
	const struct embedded_file *f = embedded_get("demo/names.tsv");
	const struct embedded_file *t = embedded_get("demo/towns.tsv");
	char *copy, *line, *save = NULL;
	size_t dummy = 0;

	memset(nl, 0, sizeof(*nl));
	copy = xstrndup(f->text, f->len);
	for (line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (!strncmp(line, "f\t", 2))
			list_add(&nl->female, &nl->nf, line + 2);
		else if (!strncmp(line, "m\t", 2))
			list_add(&nl->male, &nl->nm, line + 2);
		else if (!strncmp(line, "s\t", 2))
			list_add(&nl->surname, &nl->ns, line + 2);
	}
	free(copy);
	copy = xstrndup(t->text, t->len);
	save = NULL;
	line = strtok_r(copy, "\n", &save); /* header */
	for (line = strtok_r(NULL, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *tab = strchr(line, '\t');
		if (tab)
			*tab = '\0';
		list_add(&nl->town, &nl->nt, line);
		list_add(&nl->street, &dummy, tab ? tab + 1 : "");
	}
	free(copy);
}

static void free_list(char **l, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		free(l[i]);
	free(l);
}

/* Female form of a surname: Kowalski -> Kowalska, Nowicki -> Nowicka. */
static void female_surname(const char *male, char *out, size_t size)
{
	size_t n = strlen(male);

	str_copy(out, size, male);
	if (n > 3 && !strcmp(male + n - 3, "ski") && n < size)
		out[n - 1] = 'a';
	else if (n > 3 && !strcmp(male + n - 3, "cki") && n < size)
		out[n - 1] = 'a';
}

static void make_pesel(const struct date *b, char sex, char out[12])
{
	static const int w[10] = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
	int mm = b->m + (b->y >= 2000 ? 20 : 0), i, sum = 0, sexd;

	sexd = rnd_int(0, 4) * 2 + (sex == 'M' ? 1 : 0);
	snprintf(out, 12, "%02d%02d%02d%03d%d", b->y % 100, mm, b->d,
		 rnd_int(0, 999), sexd);
	for (i = 0; i < 10; i++)
		sum += (out[i] - '0') * w[i];
	out[10] = (char)('0' + (10 - sum % 10) % 10);
	out[11] = '\0';
}

static const struct {
	const char *name;
	int area;
	const char *unit;
	double monthly;
	int persons;
	const char *limit;
} czarnia_services[] = {
	{"Punkt terapii uzależnień", 4, "hour", 24, 30, ""},
	{"Doradztwo i konsultacje psychologiczne", 4, "hour", 20, 80, ""},
	{"Doradztwo prawne", 4, "hour", 20, 80, ""},
	{"Usługi opiekuńcze dla osób starszych", 4, "hour", 240, 15, "wiek 60+"},
	{"Opieka wytchnieniowa", 4, "hour", -1, 0,
	 "do 240 godzin rocznie na opiekuna faktycznego"},
	{"Badania profilaktyczne i działania prozdrowotne", 5, "hour", 70, 160, ""},
	{"Stomatologia dla dzieci", 5, "visit", 20, 0, "dzieci do 18 lat"},
	{"Gabinet fizjoterapii", 6, "hour", 80, 100, ""},
	{"Usługi wspomagające dla rodzin", 2, "hour", 160, 15, ""},
	{"Usługa logopedyczna i pedagogiczna", 2, "hour", 20, 80, ""},
	{"Doradztwo zawodowe i kursy zawodowe", 8, "hour", 20, 5, "7 kursów w programie"},
	{"Klub wolontariuszy", 11, "session", -1, 0, "usługa grupowa"},
	{"Zajęcia ruchowe dla seniorów", 10, "session", 8, 20, "usługa grupowa, 60+"},
};

/* What the demo cases plan with. */
static int64_t demo_prog, demo_care, demo_care_provider, demo_physio,
	demo_physio_provider, demo_home, demo_group;

/* A group service taken on request, without an IPUS, and a supporting
 * activity of the community organiser, both with weekly meetings. */
static int demo_groups(struct cd_db *db, const int64_t *ids, const int64_t *coord,
		       const struct date *today)
{
	struct actor sys;
	struct group g;
	struct activity ac;
	struct fielderr e;
	struct date d;
	char day[16];
	int k, rc;

	actor_system(&sys);
	memset(&g, 0, sizeof(g));
	g.programme_id = demo_prog;
	g.service_id = demo_group;
	for (k = 0; k < 6; k++) {
		struct request r;
		request_init(&r);
		r.person_id = ids[(k * 11 + 5) % DEMO_PERSONS];
		date_from_days(date_to_days(today) - 70 + k * 3, &d);
		date_format(&d, r.filed_on);
		str_copy(r.channel, sizeof(r.channel), "in_person");
		str_copy(r.asked, sizeof(r.asked),
			 "Chcę chodzić na zajęcia ruchowe dla seniorów.");
		r.coordinator_id = coord[k % 2];
		if ((rc = request_file(db, &sys, &r, &e)) ||
		    (rc = group_enrol(db, &sys, &g, r.person_id, r.id, r.filed_on, &e))) {
			fprintf(stderr, "demo group: %s\n", e.msg);
			return rc;
		}
	}
	for (k = 8; k >= 1; k--) {
		date_from_days(date_to_days(today) - 7 * k, &d);
		date_format(&d, day);
		if ((rc = group_session_add(db, &sys, &g, day, k > 6 ? 2 + k % 3 : 5, "", &e)))
			return rc;
	}
	activity_init(&ac);
	str_copy(ac.name, sizeof(ac.name), "Sąsiedzka pomoc w zakupach");
	str_copy(ac.kind, sizeof(ac.kind), "neighbour_help");
	str_copy(ac.description, sizeof(ac.description),
		 "Sąsiedzi robią zakupy osobom, które nie wychodzą z domu.");
	date_from_days(date_to_days(today) - 120, &d);
	date_format(&d, ac.starts_on);
	if ((rc = activity_save(db, &sys, &ac, &e)))
		return rc;
	memset(&g, 0, sizeof(g));
	g.activity_id = ac.id;
	for (k = 0; k < 3; k++)
		if ((rc = group_enrol(db, &sys, &g, ids[(k * 13 + 2) % DEMO_PERSONS], 0,
				      ac.starts_on, &e)))
			return rc;
	for (k = 4; k >= 1; k--) {
		date_from_days(date_to_days(today) - 14 * k, &d);
		date_format(&d, day);
		if ((rc = group_session_add(db, &sys, &g, day, 3, "", &e)))
			return rc;
	}
	return CD_OK;
}

/* Per-person entitlements the plans are checked against (the organiser
 * edits them, issue 4): a few, so that the plan's warnings show. */
static int demo_limits(struct cd_db *db, int64_t prog, int64_t sid, const char *name)
{
	static const struct {
		const char *name;
		double max;
		int age_min, age_max;
	} lim[] = {
		{"Doradztwo prawne", 4, -1, -1},
		{"Opieka wytchnieniowa", 20, -1, -1},
		{"Stomatologia dla dzieci", -1, -1, 17},
		{"Usługi opiekuńcze dla osób starszych", 40, -1, -1},
	};
	size_t k;

	for (k = 0; k < ARRAY_SIZE(lim); k++)
		if (!strcmp(lim[k].name, name))
			return programme_service_set_limits(db, prog, sid, lim[k].max,
							    lim[k].age_min, lim[k].age_max, false);
	return CD_OK;
}

static int demo_offer(struct cd_db *db)
{
	struct programme_def prog = {
		.name = "Program usług społecznych gminy Czarnia",
		.resolution_no = "XXIII/145/2021",
		.resolution_date = "2021-03-30",
		.valid_from = "2021-05-01",
		.valid_to = NULL,
		.target_group = "wszyscy mieszkańcy gminy Czarnia",
		.gmina = "Czarnia",
		.expected_persons = 400,
	};
	struct provider_def prov[] = {
		{"Centrum Usług Społecznych w Czarni", "gmina_unit",
		 "ul. Kurpiowska 1, 07-431 Czarnia", "Elżbieta Nowicka",
		 "29 772 10 01", "cus@czarnia.example.pl", "", NULL, NULL, 0},
		{"Stowarzyszenie „Razem dla Kurpiów”", "ngo",
		 "Cupel 12, 07-431 Czarnia", "Grzegorz Żak", "600 100 200",
		 "razem@example.pl", "1/CUS/2025", "2025-01-01", "2026-12-31", 2400},
		{"Gabinet Fizjoterapii „Ruch” Joanna Łęcka", "procurement",
		 "Czarnia 45, 07-431 Czarnia", "Joanna Łęcka", "601 202 303",
		 "ruch@example.pl", "ZP.271.3.2025", "2025-03-01", "2026-12-31", 960},
		{"Samodzielny Publiczny ZOZ w Czarni", "health",
		 "Czarnia 2, 07-431 Czarnia", "dr Ścibor Wilk", "29 772 10 50",
		 "zoz@example.pl", "4/CUS/2025", "2025-01-01", "2026-12-31", 0},
	};
	int64_t prog_id, prov_id[ARRAY_SIZE(prov)], sid;
	struct actor sys;
	size_t i;
	int rc;

	actor_system(&sys);
	if ((rc = gmina_add(db, &sys, "Czarnia", NULL)) ||
	    (rc = programme_add(db, &prog, &prog_id)))
		return rc;
	demo_prog = prog_id;
	for (i = 0; i < ARRAY_SIZE(prov); i++)
		if ((rc = provider_add(db, &prov[i], &prov_id[i])))
			return rc;
	for (i = 0; i < ARRAY_SIZE(czarnia_services); i++) {
		struct service_def sd = {czarnia_services[i].name, czarnia_services[i].area,
					 czarnia_services[i].unit, "",
					 czarnia_services[i].area >= 10};
		/* which provider delivers what */
		static const int who[] = {1, 1, 0, 1, 1, 3, 3, 2, 1, 0, 0, 0, 1};
		if ((rc = service_ensure(db, &sd, &sid)))
			return rc;
		if (i == 3) {
			demo_care = sid;
			demo_care_provider = prov_id[who[i]];
		} else if (i == 7) {
			demo_physio = sid;
			demo_physio_provider = prov_id[who[i]];
		} else if (i == 12) {
			demo_group = sid;
		}
		if (
		    (rc = programme_service_add(db, prog_id, sid, czarnia_services[i].monthly,
						czarnia_services[i].persons,
						czarnia_services[i].limit)) ||
		    (rc = provider_service_add(db, prov_id[who[i]], sid,
					       czarnia_services[i].monthly)) ||
		    (rc = demo_limits(db, prog_id, sid, czarnia_services[i].name)))
			return rc;
	}
	if ((rc = place_add(db, "Siedziba CUS", "ul. Kurpiowska 1, 07-431 Czarnia",
			    prov_id[0], NULL)) ||
	    (rc = place_add(db, "Gabinet fizjoterapii", "Czarnia 45, 07-431 Czarnia",
			    prov_id[2], NULL)) ||
	    (rc = place_add(db, "Miejsce zamieszkania osoby", "", 0, &demo_home)))
		return rc;
	return CD_OK;
}

static const struct {
	const char *login, *name;
	unsigned roles;
} demo_users[] = {
	{"recepcja", "Maria Kaczmarek", ROLE_RECEPTION},
	{"koordynator", "Anna Wiśniewska", ROLE_COORDINATOR},
	{"koordynator2", "Paweł Żak", ROLE_COORDINATOR},
	{"organizator", "Tomasz Łęcki", ROLE_ORGANISER},
	{"dyrektor", "Elżbieta Nowicka", ROLE_DIRECTOR},
	{"osl", "Jolanta Świątek", ROLE_COMMUNITY_ORGANISER},
	{"admin", "Administrator", ROLE_ADMIN},
};

static const char *asked_texts[] = {
	"Pomoc w sprzątaniu i zakupach, mama po udarze.",
	"Rehabilitacja po operacji biodra.",
	"Wsparcie psychologa po śmierci męża.",
	"Logopeda dla syna (5 lat).",
	"Porada prawna w sprawie alimentów.",
	"Opieka wytchnieniowa – opiekuję się niepełnosprawną córką.",
	"Dowóz na rehabilitację i pomoc w domu.",
	"Kurs zawodowy, szukam pracy.",
	"Terapia uzależnień dla męża, wsparcie dla mnie.",
	"Badania profilaktyczne, samotny senior.",
};

static void day_plus(const struct date *d, long days, const struct date *cap, char out[16])
{
	struct date x;

	date_from_days(date_to_days(d) + days, &x);
	if (cap && date_cmp(&x, cap) > 0)
		x = *cap;
	date_format(&x, out);
}

/* Takes a demo request through the real case path as far as `to`:
 * assessment (draft), qualified, plan submitted, plan running with notes,
 * closed; or waiting, forwarded, not qualified. */
static int demo_case(struct cd_db *db, const struct request *r, const char *to, int n,
		     const struct date *today)
{
	struct actor sys;
	struct assessment as;
	struct assessment_domain *d;
	struct outcome o;
	struct plan_version v;
	struct plan_item *it;
	struct fielderr e;
	struct date filed;
	int rc;

	actor_system(&sys);
	if (!strcmp(to, "filed"))
		return CD_OK;
	date_parse(r->filed_on, &filed);
	assessment_init(&as, r->id);
	day_plus(&filed, 5, today, as.held_on);
	str_copy(as.place, sizeof(as.place), n % 2 ? "home" : "cus");
	d = assessment_domain(&as, "care");
	str_copy(d->situation, sizeof(d->situation),
		 "Mieszka sama; po pobycie w szpitalu słabiej chodzi.");
	str_copy(d->needs, sizeof(d->needs), "Pomoc przy zakupach, sprzątaniu i kąpieli.");
	str_copy(d->wishes, sizeof(d->wishes), "Chce zostać we własnym domu.");
	d = assessment_domain(&as, "social");
	str_copy(d->strengths, sizeof(d->strengths), "Sąsiadka zagląda codziennie; syn dzwoni.");
	rc = assessment_save(db, &sys, &as, &e);
	assessment_release(&as);
	if (!rc) {
		/* the needs found: care from the offer; now and then one the
		 * offer cannot meet, for the organiser's register */
		struct need nd;
		memset(&nd, 0, sizeof(nd));
		str_copy(nd.domain, sizeof(nd.domain), "care");
		str_copy(nd.description, sizeof(nd.description), "Pomoc w domu: zakupy, sprzątanie.");
		nd.service_id = demo_care;
		rc = need_add(db, &sys, r->id, &nd, &e);
		if (!rc && r->id % 3 == 0) {
			static const char *unmet[] = {
				"Dowóz na rehabilitację do szpitala powiatowego.",
				"Grupa wsparcia dla opiekunów osób z demencją.",
				"Pomoc w nocy (opiekunka nocna).",
			};
			memset(&nd, 0, sizeof(nd));
			str_copy(nd.domain, sizeof(nd.domain), (r->id / 3) % 2 ? "health" : "family");
			str_copy(nd.description, sizeof(nd.description), unmet[(r->id / 3) % 3]);
			nd.unmet = true;
			rc = need_add(db, &sys, r->id, &nd, &e);
		}
	}
	if (rc || !strcmp(to, "assessment"))
		return rc;
	memset(&o, 0, sizeof(o));
	if (!strcmp(to, "waiting")) {
		str_copy(o.kind, sizeof(o.kind), "waiting");
		o.waiting_programme = demo_prog;
		o.waiting_services[o.nwaiting++] = demo_care;
	} else if (!strcmp(to, "forwarded")) {
		str_copy(o.kind, sizeof(o.kind), "forwarded");
		str_copy(o.forward_to, sizeof(o.forward_to), "social_assistance");
		str_copy(o.consent_on, sizeof(o.consent_on), r->filed_on);
		str_copy(o.note, sizeof(o.note), "zasiłek celowy na leki");
	} else if (!strcmp(to, "not_qualified")) {
		str_copy(o.kind, sizeof(o.kind), "not_qualified");
		str_copy(o.note, sizeof(o.note), "Potrzeby zaspokaja rodzina; informacja o ofercie.");
	} else {
		str_copy(o.kind, sizeof(o.kind), "qualified");
		o.programmes[o.nprogrammes++] = demo_prog;
		o.coordination_months = 6;
	}
	if ((rc = assessment_decide(db, &sys, r->id, &o, today, &e)) || strcmp(o.kind, "qualified"))
		return rc;
	if (!strcmp(to, "qualified") && n % 3 == 0)
		return CD_OK;           /* the plan is still to be drawn up */
	plan_version_init(&v);
	day_plus(&filed, 20, NULL, v.period_from);
	day_plus(&filed, 20 + 180, NULL, v.period_to);
	str_copy(v.goals, sizeof(v.goals), "Bezpieczne i samodzielne życie we własnym domu.");
	str_copy(v.person_view, sizeof(v.person_view), "Najważniejsze, żeby ktoś pomógł w zakupach.");
	day_plus(&filed, 15, today, v.agreed_on);
	v.signed_paper = true;
	it = plan_add_item(&v);
	it->programme_id = demo_prog;
	it->service_id = demo_care;
	it->provider_id = demo_care_provider;
	it->place_id = demo_home;
	str_copy(it->starts_on, sizeof(it->starts_on), v.period_from);
	str_copy(it->ends_on, sizeof(it->ends_on), v.period_to);
	it->amount = 3;
	str_copy(it->frequency, sizeof(it->frequency), "week");
	if (n % 2) {
		it = plan_add_item(&v);
		it->programme_id = demo_prog;
		it->service_id = demo_physio;
		it->provider_id = demo_physio_provider;
		str_copy(it->starts_on, sizeof(it->starts_on), v.period_from);
		day_plus(&filed, 20 + 90, NULL, it->ends_on);
		it->amount = 8;
		str_copy(it->frequency, sizeof(it->frequency), "month");
	}
	if (r->id % 4 == 1) {
		/* supporting activities, reported apart from services */
		static const char *kinds[] = {"volunteering", "neighbour_help", "self_help"};
		static const char *what[] = {"Wolontariuszka z parafii czyta i spaceruje.",
					     "Sąsiadka robi drobne zakupy.",
					     "Grupa wsparcia dla seniorów w klubie."};
		struct supporting_activity *sa = plan_add_act(&v);
		int k = (int)((r->id / 4) % 3);
		str_copy(sa->kind, sizeof(sa->kind), kinds[k]);
		str_copy(sa->description, sizeof(sa->description), what[k]);
	}
	if ((rc = plan_create(db, &sys, r->id, &v, &e)) ||
	    (rc = plan_submit(db, &sys, v.id, &e))) {
		fprintf(stderr, "demo plan: %s\n", e.msg);
		goto out;
	}
	if (!strcmp(to, "qualified") && n % 3 == 1)
		goto out;               /* waiting for approval */
	if ((rc = plan_approve(db, &sys, v.id, today, &e)))
		goto out;
	{
		struct monitoring_note m;
		struct plan_version cur;
		monitoring_note_init(&m, v.plan_id);
		str_copy(m.kind, sizeof(m.kind), "phone");
		str_copy(m.with_whom, sizeof(m.with_whom), "osoba i opiekunka");
		str_copy(m.text, sizeof(m.text), "Usługa się odbywa; opiekunka punktualna.");
		day_plus(today, 14, NULL, m.next_contact_on);
		if (plan_current(db, &sys, v.plan_id, &cur) == CD_OK && cur.nitems) {
			struct item_check *c = monitoring_add_check(&m, cur.items[0].id);
			c->taking_place = 1;
			c->satisfaction = 4 + n % 2;
			c->absences = n % 4 == 0 ? 1 : 0;
		}
		plan_version_release(&cur);
		rc = monitoring_add(db, &sys, &m, &e);
		monitoring_note_release(&m);
		if (rc)
			goto out;
	}
	if (!strcmp(to, "closed")) {
		struct closing c;
		char *text;
		memset(&c, 0, sizeof(c));
		c.plan_id = v.plan_id;
		day_plus(today, -1, NULL, c.conversation_on);
		str_copy(c.person_view, sizeof(c.person_view), "Pomoc była bardzo potrzebna.");
		str_copy(c.changes, sizeof(c.changes), "Radzi sobie z zakupami z pomocą sąsiadki.");
		str_copy(c.goals_met, sizeof(c.goals_met), "Tak, w większości.");
		text = closing_draft(db, &sys, &c);
		str_copy(c.description, sizeof(c.description), text);
		free(text);
		str_copy(c.reason, sizeof(c.reason), "goals_achieved");
		date_format(today, c.closed_on);
		rc = closing_save(db, &sys, &c, &e);
	}
out:
	plan_version_release(&v);
	return rc;
}

int demo_fill(struct cd_db *db)
{
	struct actor sys;
	struct name_lists nl;
	struct date today;
	sqlite3_stmt *st;
	int64_t coord[2] = {0, 0}, *ids;
	size_t i;
	int rc = CD_OK, existing = 0;
	struct fielderr e;

	actor_system(&sys);
	/* the demo centre has worked for a year: the reports count from then */
	date_today(&today);
	{
		struct date started;
		char d[11];
		date_from_days(date_to_days(&today) - 365, &started);
		date_format(&started, d);
		if (setting_set(db, "centre_started", d))
			return CD_EDB;
	}
	if (db_prepare(db, "SELECT count(*) FROM person", &st))
		return CD_EDB;
	if (sqlite3_step(st) == SQLITE_ROW)
		existing = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (existing)
		return CD_EEXIST;

	for (i = 0; i < ARRAY_SIZE(demo_users); i++) {
		int64_t uid;
		if ((rc = user_add(db, &sys, demo_users[i].login, demo_users[i].name,
				   demo_users[i].roles, DEMO_PASSWORD, &uid, &e)))
			return rc;
		if (i == 1 || i == 2)
			coord[i - 1] = uid;
	}
	if ((rc = db_begin(db)))
		return rc;
	if ((rc = setting_set(db, "centre_name", "Centrum Usług Społecznych w Czarni")) ||
	    (rc = db_mark_kind(db, "demo")) ||
	    (rc = demo_offer(db)))
		goto fail;

	rnd_state = 2463534242u;
	date_today(&today);
	load_names(&nl);
	ids = xcalloc(DEMO_PERSONS, sizeof(*ids));
	for (i = 0; i < DEMO_PERSONS && !rc; i++) {
		struct person p;
		struct date b;
		char sex = rnd() % 2 ? 'K' : 'M';
		const char *sur = nl.surname[rnd() % nl.ns];
		size_t t = rnd() % nl.nt;
		int age = rnd_int(i % 10 == 0 ? 2 : 19, 92);

		person_init(&p);
		str_copy(p.first_names, sizeof(p.first_names),
			 sex == 'K' ? nl.female[rnd() % nl.nf] : nl.male[rnd() % nl.nm]);
		if (sex == 'K')
			female_surname(sur, p.surname, sizeof(p.surname));
		else
			str_copy(p.surname, sizeof(p.surname), sur);
		date_from_days(date_to_days(&today) - age * 365 - rnd_int(0, 364), &b);
		date_format(&b, p.birth_date);
		p.sex[0] = sex;
		if (i % 15 != 7) /* a few without PESEL (foreigners) */
			make_pesel(&b, sex, p.pesel);
		str_copy(p.town, sizeof(p.town), nl.town[t]);
		str_copy(p.street, sizeof(p.street), nl.street[t]);
		snprintf(p.house_no, sizeof(p.house_no), "%d", rnd_int(1, 120));
		str_copy(p.postcode, sizeof(p.postcode), "07-431");
		str_copy(p.gmina, sizeof(p.gmina), "Czarnia");
		if (i % 3)
			snprintf(p.phone, sizeof(p.phone), "%d %03d %03d",
				 rnd_int(500, 799), rnd_int(0, 999), rnd_int(0, 999));
		/* children get a parent as legal representative */
		if (age < 18 && i > 0)
			p.legal_rep_id = ids[i - 1];
		/* some seniors have an actual carer */
		if (age > 80 && i > 0 && i % 2)
			p.carer_id = ids[i - 1];
		rc = person_save(db, &sys, &p, &e);
		if (rc == CD_EEXIST) { /* PESEL clash: try without one */
			p.pesel[0] = '\0';
			rc = person_save(db, &sys, &p, &e);
		}
		ids[i] = p.id;
		if (rc)
			fprintf(stderr, "demo: %s %s: %s\n", p.first_names, p.surname, e.msg);
	}
	/* households: pairs of neighbours */
	for (i = 0; i + 1 < DEMO_PERSONS && !rc; i += 9) {
		sqlite3_stmt *h;
		if (db_prepare(db, "INSERT INTO household(note) VALUES ('')", &h) ||
		    db_step_done(db, h))
			goto fail_names;
		if (db_prepare(db, "UPDATE person SET household_id = last_insert_rowid() "
			       "WHERE id IN (?1, ?2)", &h))
			goto fail_names;
		sqlite3_bind_int64(h, 1, ids[i]);
		sqlite3_bind_int64(h, 2, ids[i + 1]);
		if ((rc = db_step_done(db, h)))
			goto fail_names;
	}
	/* requests over the last 90 days */
	for (i = 0; i < 60 && !rc; i++) {
		static const char *statuses[] = {"filed", "filed", "assessment", "assessment",
						 "qualified", "waiting", "forwarded",
						 "not_qualified", "closed", "filed"};
		struct request r;
		struct date f;

		request_init(&r);
		r.person_id = ids[(i * 37) % DEMO_PERSONS];
		date_from_days(date_to_days(&today) - (long)(90 - i * 3 / 2), &f);
		date_format(&f, r.filed_on);
		str_copy(r.channel, sizeof(r.channel),
			 codes_channel.items[i % codes_channel.count].code);
		str_copy(r.referral_source, sizeof(r.referral_source),
			 codes_referral.items[(i * 3) % codes_referral.count].code);
		str_copy(r.asked, sizeof(r.asked), asked_texts[i % ARRAY_SIZE(asked_texts)]);
		if (strcmp(statuses[i % ARRAY_SIZE(statuses)], "filed") || i % 2)
			r.coordinator_id = coord[i % 2];
		rc = request_file(db, &sys, &r, &e);
		if (!rc)
			rc = demo_case(db, &r, statuses[i % ARRAY_SIZE(statuses)], (int)(i / 10),
				       &today);
		if (rc)
			fprintf(stderr, "demo request: %s\n", e.msg);
	}
	if (!rc)
		rc = demo_groups(db, ids, coord, &today);
fail_names:
	free(ids);
	free_list(nl.female, nl.nf);
	free_list(nl.male, nl.nm);
	free_list(nl.surname, nl.ns);
	free_list(nl.town, nl.nt);
	free_list(nl.street, nl.nt);
	if (rc)
		goto fail;
	if (db_commit(db))
		goto fail;
	return CD_OK;
fail:
	db_rollback(db);
	return rc ? rc : CD_EDB;
}
