/* fixture.c - a small centre for the case-path tests. */
#include "testutil.h"
#include "assessment.h"
#include "catalogue.h"
#include "request.h"
#include <stdbool.h>
#include "plan.h"
#include "report.h"
#include "monitoring.h"

#include <string.h>

/* A centre with one programme of two services, two coordinators, and a
 * request assigned to the first. */
struct actor login_as(struct cd_db *db, const char *login, unsigned roles)
{
	struct actor sys, a;
	struct fielderr e;
	int64_t id;

	actor_system(&sys);
	ck_assert_int_eq(user_add(db, &sys, login, login, roles, "haslo1234", &id, &e), CD_OK);
	memset(&a, 0, sizeof(a));
	a.user_id = id;
	a.roles = roles;
	str_copy(a.login, sizeof(a.login), login);
	return a;
}

int64_t file_request(struct fx *f, const char *first, const char *filed_on,
			    int64_t coordinator)
{
	struct person p;
	struct request r;
	struct fielderr e;

	person_init(&p);
	str_copy(p.first_names, sizeof(p.first_names), first);
	str_copy(p.surname, sizeof(p.surname), "Łęcka");
	str_copy(p.birth_date, sizeof(p.birth_date), "1950-01-01");
	request_init(&r);
	str_copy(r.filed_on, sizeof(r.filed_on), filed_on);
	str_copy(r.asked, sizeof(r.asked), "opieka");
	r.coordinator_id = coordinator;
	ck_assert_msg(request_file_with_person(f->db, &f->sys, &p, &r, &e) == CD_OK, "%s", e.msg);
	f->person = p.id;
	return r.id;
}

void fx_open(struct fx *f)
{
	struct programme_def pd = {"PUS Czarnia", "XX/1/2021", "2021-03-01", "2021-05-01",
				   NULL, "wszyscy", NULL, 100};
	struct programme_def old = {"PUS 2019", "", NULL, "2019-01-01", "2020-12-31",
				    "", NULL, 0};
	struct service_def care = {"Usługi opiekuńcze", 4, "hour", "", 0};
	struct service_def physio = {"Fizjoterapia", 6, "hour", "", 0};

	memset(f, 0, sizeof(*f));
	f->db = tdb_open();
	actor_system(&f->sys);
	ck_assert_int_eq(programme_add(f->db, &pd, &f->programme), CD_OK);
	ck_assert_int_eq(programme_add(f->db, &old, &f->old_programme), CD_OK);
	ck_assert_int_eq(service_ensure(f->db, &care, &f->care), CD_OK);
	ck_assert_int_eq(service_ensure(f->db, &physio, &f->physio), CD_OK);
	ck_assert_int_eq(programme_service_add(f->db, f->programme, f->care, 240, 15, ""), CD_OK);
	ck_assert_int_eq(programme_service_add(f->db, f->programme, f->physio, 80, 100, ""), CD_OK);
	{
		struct provider_def pv = {"Stowarzyszenie „Razem”", "ngo", "", "", "", "", "",
					  NULL, NULL, 0};
		ck_assert_int_eq(provider_add(f->db, &pv, &f->provider), CD_OK);
		ck_assert_int_eq(provider_service_add(f->db, f->provider, f->care, 240), CD_OK);
		ck_assert_int_eq(place_add(f->db, "Dom osoby", "", 0, &f->place), CD_OK);
	}
	f->anna = login_as(f->db, "anna", ROLE_COORDINATOR);
	f->pawel = login_as(f->db, "pawel", ROLE_COORDINATOR);
	f->recep = login_as(f->db, "recepcja", ROLE_RECEPTION);
	f->director = login_as(f->db, "dyrektor", ROLE_DIRECTOR);
	f->organiser = login_as(f->db, "ous", ROLE_ORGANISER);
	f->request = file_request(f, "Jadwiga", "2026-11-02", f->anna.user_id);
}

void fx_close(struct fx *f)
{
	tdb_close(&f->db);
}


const struct report_row *report_row_of(const struct quarterly_report *r, const char *code)
{
	size_t i;

	for (i = 0; i < r->nrows; i++)
		if (!strcmp(r->rows[i].code, code))
			return &r->rows[i];
	ck_abort_msg("no row %s", code);
	return NULL;
}

/* A case filed on filed_on, qualified, with an approved plan of one care
 * item from..to (and a volunteering activity when asked). */
int64_t fx_served(struct fx *f, const char *first, const char *filed_on, const char *from,
		   const char *to, bool volunteering)
{
	int64_t request = file_request(f, first, filed_on, f->anna.user_id);
	struct assessment as;
	struct outcome o;
	struct plan_version v;
	struct plan_item *it;
	struct fielderr e;
	struct date today;

	date_today(&today);
	assessment_init(&as, request);
	str_copy(as.held_on, sizeof(as.held_on), filed_on);
	ck_assert_int_eq(assessment_save(f->db, &f->sys, &as, &e), CD_OK);
	assessment_release(&as);
	memset(&o, 0, sizeof(o));
	str_copy(o.kind, sizeof(o.kind), "qualified");
	o.programmes[o.nprogrammes++] = f->programme;
	ck_assert_int_eq(assessment_decide(f->db, &f->sys, request, &o, &today, &e), CD_OK);
	plan_version_init(&v);
	str_copy(v.period_from, sizeof(v.period_from), from);
	str_copy(v.period_to, sizeof(v.period_to), to);
	str_copy(v.agreed_on, sizeof(v.agreed_on), from);
	it = plan_add_item(&v);
	it->programme_id = f->programme;
	it->service_id = f->care;
	it->provider_id = f->provider;
	str_copy(it->starts_on, sizeof(it->starts_on), from);
	str_copy(it->ends_on, sizeof(it->ends_on), to);
	it->amount = 2;
	str_copy(it->frequency, sizeof(it->frequency), "week");
	if (volunteering) {
		struct supporting_activity *sa = plan_add_act(&v);
		str_copy(sa->kind, sizeof(sa->kind), "volunteering");
		str_copy(sa->description, sizeof(sa->description), "Wolontariuszka czyta gazety.");
	}
	ck_assert_int_eq(plan_create(f->db, &f->sys, request, &v, &e), CD_OK);
	ck_assert_int_eq(plan_submit(f->db, &f->sys, v.id, &e), CD_OK);
	ck_assert_int_eq(plan_approve(f->db, &f->sys, v.id, &today, &e), CD_OK);
	plan_version_release(&v);
	return request;
}

void fx_close_plan(struct fx *f, const struct actor *a, int64_t plan_id)
{
	struct closing c;
	struct fielderr e;

	memset(&c, 0, sizeof(c));
	c.plan_id = plan_id;
	str_copy(c.conversation_on, sizeof(c.conversation_on), TEST_TODAY);
	str_copy(c.closed_on, sizeof(c.closed_on), TEST_TODAY);
	str_copy(c.reason, sizeof(c.reason), "goals_achieved");
	str_copy(c.description, sizeof(c.description), "Cele osiągnięte.");
	ck_assert_int_eq(closing_save(f->db, a, &c, &e), CD_OK);
}
