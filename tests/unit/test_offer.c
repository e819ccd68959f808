/* test_offer.c - the organiser's offer: programmes, services, providers,
 * places; what the organiser adds, a coordinator can plan with. */
#include "testutil.h"
#include "assessment.h"
#include "offer.h"
#include "plan.h"
#include "request.h"

#include <stdlib.h>
#include <string.h>

START_TEST(programmes_checked_and_kept)
{
	struct fx f;
	struct programme p, got, *l;
	struct fielderr e;
	size_t n;

	fx_open(&f);
	programme_init(&p);
	ck_assert_int_eq(programme_save(f.db, &f.organiser, &p, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, OF_PROG_NAME);
	str_copy(p.name, sizeof(p.name), "Program „Razem bezpieczniej” gminy Żółkiewka");
	ck_assert_int_eq(programme_save(f.db, &f.organiser, &p, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, OF_PROG_FROM);                      /* required */
	str_copy(p.valid_from, sizeof(p.valid_from), "2027-01-01");
	str_copy(p.valid_to, sizeof(p.valid_to), "2026-12-31");
	ck_assert_int_eq(programme_save(f.db, &f.organiser, &p, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, OF_PROG_TO);
	str_copy(p.valid_to, sizeof(p.valid_to), "2029-12-31");
	str_copy(p.resolution_date, sizeof(p.resolution_date), "2026-12-01");  /* future */
	ck_assert_int_eq(programme_save(f.db, &f.organiser, &p, &e), CD_EINVAL);
	ck_assert_str_eq(e.msg, "Resolution date: cannot be in the future");
	str_copy(p.resolution_date, sizeof(p.resolution_date), "2026-10-28");
	str_copy(p.resolution_no, sizeof(p.resolution_no), "XL/301/2026");
	p.expected_persons = 120;
	/* only the organiser changes the offer */
	ck_assert_int_eq(programme_save(f.db, &f.anna, &p, &e), CD_EPERM);
	ck_assert_int_eq(programme_save(f.db, &f.director, &p, &e), CD_EPERM);
	ck_assert_int_eq(programme_save(f.db, &f.organiser, &p, &e), CD_OK);
	ck_assert_int_gt(p.id, 0);
	str_copy(p.status, sizeof(p.status), "archived");
	ck_assert_int_eq(programme_save(f.db, &f.organiser, &p, &e), CD_OK);
	ck_assert_int_eq(programme_get(f.db, &f.recep, p.id, &got), CD_OK);
	ck_assert_str_eq(got.name, "Program „Razem bezpieczniej” gminy Żółkiewka");
	ck_assert_str_eq(got.status, "archived");
	ck_assert_int_eq(got.expected_persons, 120);
	/* the active ones first */
	ck_assert_int_eq(programme_list(f.db, &f.anna, &l, &n), CD_OK);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(l[n - 1].status, "archived");
	free(l);
	fx_close(&f);
}
END_TEST

START_TEST(services_checked)
{
	struct fx f;
	struct service s, got;
	struct fielderr e;

	fx_open(&f);
	service_init(&s);
	str_copy(s.name, sizeof(s.name), "usługi opiekuńcze");   /* the fixture has it */
	s.area_code = 3;
	ck_assert_int_eq(service_save(f.db, &f.organiser, &s, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, OF_SV_NAME);
	str_copy(s.name, sizeof(s.name), "Dowóz na rehabilitację");
	s.area_code = 15;
	ck_assert_int_eq(service_save(f.db, &f.organiser, &s, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, OF_SV_AREA);
	s.area_code = 4;
	str_copy(s.unit, sizeof(s.unit), "km");
	ck_assert_int_eq(service_save(f.db, &f.organiser, &s, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, OF_SV_UNIT);
	str_copy(s.unit, sizeof(s.unit), "ride");
	str_copy(s.occupation_codes, sizeof(s.occupation_codes), "832203, kierowca");
	ck_assert_int_eq(service_save(f.db, &f.organiser, &s, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, OF_SV_OCCUPATIONS);
	str_copy(s.occupation_codes, sizeof(s.occupation_codes), "832203");
	ck_assert_int_eq(service_save(f.db, &f.anna, &s, &e), CD_EPERM);
	ck_assert_int_eq(service_save(f.db, &f.organiser, &s, &e), CD_OK);
	ck_assert_int_eq(service_get(f.db, &f.anna, s.id, &got), CD_OK);
	ck_assert_str_eq(got.unit, "ride");
	ck_assert_int_eq(got.area_code, 4);
	/* the quality standard */
	s.std_max_days = 400;
	ck_assert_int_eq(service_save(f.db, &f.organiser, &s, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, OF_SV_STD_MAX_DAYS);
	s.std_max_days = 14;
	/* the catalogue's texts: no escape bytes or stray bytes either */
	str_copy(s.std_staff, sizeof(s.std_staff), "Kierowca\x1b[1m z kursem");
	ck_assert_int_eq(service_save(f.db, &f.organiser, &s, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, OF_SV_STD_STAFF);
	str_copy(s.std_staff, sizeof(s.std_staff), "Kierowca\tz kursem pierwszej pomocy.");
	str_copy(s.qualifications, sizeof(s.qualifications), "prawo jazdy\nkat. B");
	ck_assert_int_eq(service_save(f.db, &f.organiser, &s, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, OF_SV_QUALIFICATIONS);
	s.qualifications[0] = '\0';
	ck_assert_int_eq(service_save(f.db, &f.organiser, &s, &e), CD_OK);
	ck_assert_int_eq(service_get(f.db, &f.anna, s.id, &got), CD_OK);
	ck_assert_int_eq(got.std_max_days, 14);
	ck_assert_str_eq(got.std_staff, "Kierowca z kursem pierwszej pomocy.");
	fx_close(&f);
}
END_TEST

static void qualify(struct fx *f, int64_t request_id, int64_t programme)
{
	struct assessment as;
	struct outcome o;
	struct fielderr e;
	struct date today;

	date_today(&today);
	assessment_init(&as, request_id);
	str_copy(as.held_on, sizeof(as.held_on), TEST_TODAY);
	ck_assert_int_eq(assessment_save(f->db, &f->sys, &as, &e), CD_OK);
	assessment_release(&as);
	memset(&o, 0, sizeof(o));
	str_copy(o.kind, sizeof(o.kind), "qualified");
	o.programmes[o.nprogrammes++] = programme;
	ck_assert_int_eq(assessment_decide(f->db, &f->sys, request_id, &o, &today, &e), CD_OK);
}

/* The organiser adds a programme, a service in it with limits, and a
 * provider offering it; a coordinator plans with them. */
START_TEST(what_the_organiser_adds_can_be_planned)
{
	struct fx f;
	struct programme p;
	struct service s;
	struct programme_service ps, *pl;
	struct provider v, *vl;
	struct place place;
	struct plan_version plan;
	struct plan_item *it;
	struct plan_warning *w;
	struct fielderr e;
	size_t n, nw;

	fx_open(&f);
	programme_init(&p);
	str_copy(p.name, sizeof(p.name), "Program transportowy");
	str_copy(p.valid_from, sizeof(p.valid_from), "2026-01-01");
	ck_assert_int_eq(programme_save(f.db, &f.organiser, &p, &e), CD_OK);
	service_init(&s);
	str_copy(s.name, sizeof(s.name), "Dowóz na rehabilitację");
	s.area_code = 4;
	str_copy(s.unit, sizeof(s.unit), "ride");
	ck_assert_int_eq(service_save(f.db, &f.organiser, &s, &e), CD_OK);
	programme_service_init(&ps, p.id);
	ps.service_id = s.id;
	ps.monthly_capacity = 60;
	ps.max_per_month = 8;
	ps.age_min = 70;
	ps.age_max = 60;
	ck_assert_int_eq(programme_service_save(f.db, &f.organiser, &ps, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, OF_PS_AGE_MAX);
	ps.age_max = -1;
	ps.age_min = -1;
	str_copy(ps.limit_text, sizeof(ps.limit_text), "do 8 \xff przejazdów");
	ck_assert_int_eq(programme_service_save(f.db, &f.organiser, &ps, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, OF_PS_LIMIT_TEXT);
	str_copy(ps.limit_text, sizeof(ps.limit_text), "do 8 przejazdów miesięcznie");
	ck_assert_int_eq(programme_service_save(f.db, &f.organiser, &ps, &e), CD_OK);
	ck_assert_int_eq(programme_services(f.db, &f.anna, p.id, &pl, &n), CD_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_double_eq(pl[0].max_per_month, 8);
	ck_assert_double_eq(pl[0].monthly_capacity, 60);
	ck_assert_int_eq(pl[0].age_min, -1);
	free(pl);
	provider_init(&v);
	str_copy(v.name, sizeof(v.name), "Usługi Transportowe Łoś");
	str_copy(v.kind, sizeof(v.kind), "procurement");
	str_copy(v.email, sizeof(v.email), "los@");
	ck_assert_int_eq(provider_save(f.db, &f.organiser, &v, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, OF_PV_EMAIL);
	str_copy(v.email, sizeof(v.email), "biuro@los.pl");
	str_copy(v.contract_from, sizeof(v.contract_from), "2026-01-01");
	str_copy(v.contract_to, sizeof(v.contract_to), "2025-12-31");
	ck_assert_int_eq(provider_save(f.db, &f.organiser, &v, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, OF_PV_CONTRACT_TO);
	str_copy(v.contract_to, sizeof(v.contract_to), "2026-12-31");
	str_copy(v.address, sizeof(v.address), "ul. Polna 1\x07");   /* a bell: never stored raw */
	ck_assert_int_eq(provider_save(f.db, &f.organiser, &v, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, OF_PV_ADDRESS);
	str_copy(v.address, sizeof(v.address), "ul. Polna 1");
	ck_assert_int_eq(provider_save(f.db, &f.organiser, &v, &e), CD_OK);
	ck_assert_int_eq(provider_service_save(f.db, &f.organiser, v.id, s.id, 80, &e), CD_OK);
	/* the partner sheet */
	v.social_employment = true;
	str_copy(v.partner_role, sizeof(v.partner_role), "Dowozy na rehabilitację w powiecie.");
	ck_assert_int_eq(provider_save(f.db, &f.organiser, &v, &e), CD_OK);
	ck_assert_int_eq(provider_list(f.db, &f.recep, &vl, &n), CD_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(vl[1].name, "Usługi Transportowe Łoś");   /* Polish order */
	ck_assert_str_eq(vl[1].services, "Dowóz na rehabilitację");
	ck_assert(vl[1].social_employment);
	ck_assert_str_eq(vl[1].partner_role, "Dowozy na rehabilitację w powiecie.");
	free(vl);
	memset(&place, 0, sizeof(place));
	str_copy(place.name, sizeof(place.name), "Szpital powiatowy");
	str_copy(place.address, sizeof(place.address), "ul. Długa 1\r\n");
	ck_assert_int_eq(place_save(f.db, &f.organiser, &place, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, OF_PL_ADDRESS);
	place.address[0] = '\0';
	ck_assert_int_eq(place_save(f.db, &f.organiser, &place, &e), CD_OK);

	/* the coordinator plans with it; the limit warns */
	qualify(&f, f.request, p.id);
	plan_version_init(&plan);
	str_copy(plan.period_from, sizeof(plan.period_from), "2026-12-01");
	str_copy(plan.period_to, sizeof(plan.period_to), "2027-05-31");
	it = plan_add_item(&plan);
	it->programme_id = p.id;
	it->service_id = s.id;
	it->provider_id = v.id;
	it->place_id = place.id;
	str_copy(it->starts_on, sizeof(it->starts_on), "2026-12-01");
	str_copy(it->ends_on, sizeof(it->ends_on), "2026-12-31");
	it->amount = 12;
	str_copy(it->frequency, sizeof(it->frequency), "month");
	ck_assert_int_eq(plan_create_warn(f.db, &f.anna, f.request, &plan, &w, &nw, &e),
			 CD_EINVAL);
	ck_assert_uint_eq(nw, 1);
	ck_assert_ptr_nonnull(strstr(w[0].text, "12.0 rides a month"));
	free(w);
	it->amount = 8;
	ck_assert_int_eq(plan_create(f.db, &f.anna, f.request, &plan, &e), CD_OK);
	/* in use: the service stays in the programme, the provider keeps it */
	ck_assert_int_eq(programme_service_remove(f.db, &f.organiser, p.id, s.id, &e), CD_EINVAL);
	ck_assert_int_eq(provider_service_remove(f.db, &f.organiser, v.id, s.id, &e), CD_EINVAL);
	plan_version_release(&plan);
	fx_close(&f);
}
END_TEST

START_TEST(supply_and_demand_of_a_service)
{
	struct fx f;
	struct supply *l, *care = NULL;
	struct plan_version v;
	struct plan_item *it;
	struct outcome o;
	struct assessment as;
	struct fielderr e;
	struct date today;
	int64_t waiting_request;
	size_t n, i;

	fx_open(&f);
	date_today(&today);
	/* one person with care in a plan in force, 2 hours a week */
	qualify(&f, f.request, f.programme);
	plan_version_init(&v);
	str_copy(v.period_from, sizeof(v.period_from), "2026-11-15");
	str_copy(v.period_to, sizeof(v.period_to), "2027-04-30");
	str_copy(v.agreed_on, sizeof(v.agreed_on), "2026-11-15");
	it = plan_add_item(&v);
	it->programme_id = f.programme;
	it->service_id = f.care;
	it->provider_id = f.provider;
	str_copy(it->starts_on, sizeof(it->starts_on), "2026-11-15");
	str_copy(it->ends_on, sizeof(it->ends_on), "2027-04-30");
	it->amount = 2;
	str_copy(it->frequency, sizeof(it->frequency), "week");
	ck_assert_int_eq(plan_create(f.db, &f.anna, f.request, &v, &e), CD_OK);
	ck_assert_int_eq(plan_submit(f.db, &f.anna, v.id, &e), CD_OK);
	ck_assert_int_eq(plan_approve(f.db, &f.director, v.id, &today, &e), CD_OK);
	plan_version_release(&v);
	/* another waits for it */
	waiting_request = file_request(&f, "Zofia", "2026-11-10", f.anna.user_id);
	assessment_init(&as, waiting_request);
	str_copy(as.held_on, sizeof(as.held_on), TEST_TODAY);
	ck_assert_int_eq(assessment_save(f.db, &f.sys, &as, &e), CD_OK);
	assessment_release(&as);
	memset(&o, 0, sizeof(o));
	str_copy(o.kind, sizeof(o.kind), "waiting");
	o.waiting_programme = f.programme;
	o.waiting_services[o.nwaiting++] = f.care;
	ck_assert_int_eq(assessment_decide(f.db, &f.sys, waiting_request, &o, &today, &e), CD_OK);

	ck_assert_int_eq(supply_demand(f.db, &f.recep, &l, &n), CD_EPERM);
	ck_assert_int_eq(supply_demand(f.db, &f.organiser, &l, &n), CD_OK);
	for (i = 0; i < n; i++)
		if (l[i].service_id == f.care)
			care = &l[i];
	ck_assert_ptr_nonnull(care);
	ck_assert_double_eq(care->contracted, 240);
	ck_assert_double_eq_tol(care->planned, 2 * 52.0 / 12, 1e-9);
	ck_assert_int_eq(care->persons, 1);
	ck_assert_int_eq(care->waiting, 1);
	ck_assert_str_eq(care->oldest_wait, "2026-11-10");
	free(l);
	fx_close(&f);
}
END_TEST

/* A draft plan of one care item for the fixture's request. */
static int care_plan_warnings(struct fx *f, double amount, const char *freq, const char *from,
			      const char *to, struct plan_warning **w, size_t *nw,
			      struct plan_version *v)
{
	struct plan_item *it;
	struct fielderr e;

	plan_version_init(v);
	str_copy(v->period_from, sizeof(v->period_from), from);
	str_copy(v->period_to, sizeof(v->period_to), to);
	it = plan_add_item(v);
	it->programme_id = f->programme;
	it->service_id = f->care;
	it->provider_id = f->provider;
	str_copy(it->starts_on, sizeof(it->starts_on), from);
	str_copy(it->ends_on, sizeof(it->ends_on), to);
	it->amount = amount;
	str_copy(it->frequency, sizeof(it->frequency), freq);
	return plan_create_warn(f->db, &f->anna, f->request, v, w, nw, &e);
}

START_TEST(quarter_year_and_once_in_years)
{
	struct fx f;
	struct programme_service ps, *l;
	struct plan_version v;
	struct plan_warning *w;
	struct fielderr e;
	size_t n, nw;

	fx_open(&f);
	qualify(&f, f.request, f.programme);
	programme_service_init(&ps, f.programme);
	ps.service_id = f.care;
	ps.max_per_quarter = 30;
	ps.once_in_years = 60;
	ck_assert_int_eq(programme_service_save(f.db, &f.organiser, &ps, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, OF_PS_ONCE_YEARS);
	ps.once_in_years = 0;
	ck_assert_int_eq(programme_service_save(f.db, &f.organiser, &ps, &e), CD_OK);
	ck_assert_int_eq(programme_services(f.db, &f.organiser, f.programme, &l, &n), CD_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(l[1].service_id, f.care);          /* Fizjoterapia, Usługi ... */
	ck_assert_double_eq(l[1].max_per_quarter, 30);
	ck_assert_double_eq(l[1].max_per_year, -1);
	free(l);
	/* 3 hours a week is 39 a quarter: over 30 */
	ck_assert_int_eq(care_plan_warnings(&f, 3, "week", "2026-12-01", "2027-05-31", &w, &nw,
					    &v), CD_EINVAL);
	ck_assert_uint_eq(nw, 1);
	ck_assert_ptr_nonnull(strstr(w[0].text, "39.0 hours a quarter"));
	free(w);
	plan_version_release(&v);
	/* a one-month item stays under the quarter's limit */
	ck_assert_int_eq(care_plan_warnings(&f, 6, "week", "2026-12-01", "2026-12-31", &w, &nw,
					    &v), CD_OK);
	ck_assert_uint_eq(nw, 0);
	free(w);
	{
		/* approved; then "once in 2 years": a new request of the same
		 * person for care a month later warns */
		struct date today;
		struct request r;
		struct plan_item *it;
		date_today(&today);
		str_copy(v.agreed_on, sizeof(v.agreed_on), TEST_TODAY);
		ck_assert_int_eq(plan_save(f.db, &f.anna, &v, NULL, NULL, &e), CD_OK);
		ck_assert_int_eq(plan_submit(f.db, &f.anna, v.id, &e), CD_OK);
		ck_assert_int_eq(plan_approve(f.db, &f.director, v.id, &today, &e), CD_OK);
		plan_version_release(&v);
		ps.once_in_years = 2;
		ck_assert_int_eq(programme_service_save(f.db, &f.organiser, &ps, &e), CD_OK);
		request_init(&r);
		r.person_id = f.person;
		r.coordinator_id = f.anna.user_id;
		str_copy(r.asked, sizeof(r.asked), "opieka znowu");
		r.another_open_ok = true;   /* the first plan still runs */
		ck_assert_int_eq(request_file(f.db, &f.sys, &r, &e), CD_OK);
		qualify(&f, r.id, f.programme);
		plan_version_init(&v);
		str_copy(v.period_from, sizeof(v.period_from), "2027-01-01");
		str_copy(v.period_to, sizeof(v.period_to), "2027-01-31");
		it = plan_add_item(&v);
		it->programme_id = f.programme;
		it->service_id = f.care;
		it->provider_id = f.provider;
		str_copy(it->starts_on, sizeof(it->starts_on), "2027-01-01");
		str_copy(it->ends_on, sizeof(it->ends_on), "2027-01-31");
		it->amount = 1;
		str_copy(it->frequency, sizeof(it->frequency), "week");
		ck_assert_int_eq(plan_create_warn(f.db, &f.anna, r.id, &v, &w, &nw, &e), CD_EINVAL);
		ck_assert_uint_eq(nw, 1);
		ck_assert_ptr_nonnull(strstr(w[0].text, "once in 2 years"));
		free(w);
	}
	plan_version_release(&v);
	fx_close(&f);
}
END_TEST

/* Two organisers' desks on one programme and one provider: the second
 * save from the record read before is refused; who saved is in the log. */
START_TEST(two_desks_on_one_programme)
{
	struct fx f;
	struct programme a, b;
	struct provider pa, pb;
	struct cd_db *other = NULL;
	struct fielderr e;
	char *err = NULL, who[128], at[32];

	fx_open(&f);
	ck_assert_int_eq(db_open(db_path(f.db), DB_OPEN_EXISTING, &other, &err), CD_OK);
	ck_assert_int_eq(programme_get(f.db, &f.organiser, f.programme, &a), CD_OK);
	ck_assert_int_eq(programme_get(other, &f.organiser, f.programme, &b), CD_OK);
	str_copy(a.fees, sizeof(a.fees), "Bezpłatnie.");
	ck_assert_int_eq(programme_save(f.db, &f.organiser, &a, &e), CD_OK);
	str_copy(b.target_group, sizeof(b.target_group), "Seniorzy.");
	ck_assert_int_eq(programme_save(other, &f.organiser, &b, &e), CD_ECONFLICT);
	ck_assert_int_eq(programme_get(other, &f.organiser, f.programme, &b), CD_OK);
	ck_assert_str_eq(b.fees, "Bezpłatnie.");
	ck_assert_int_eq(audit_last_change(other, "programme", f.programme, who, sizeof(who), at,
					   sizeof(at)), CD_OK);
	ck_assert_int_eq(provider_get(f.db, &f.organiser, f.provider, &pa), CD_OK);
	ck_assert_int_eq(provider_get(other, &f.organiser, f.provider, &pb), CD_OK);
	str_copy(pa.phone, sizeof(pa.phone), "29 100 20 30");
	ck_assert_int_eq(provider_save(f.db, &f.organiser, &pa, &e), CD_OK);
	str_copy(pb.email, sizeof(pb.email), "biuro@razem.pl");
	ck_assert_int_eq(provider_save(other, &f.organiser, &pb, &e), CD_ECONFLICT);
	db_close(&other);
	fx_close(&f);
}
END_TEST

Suite *suite_offer(void)
{
	Suite *s = suite_create("offer");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, two_desks_on_one_programme);
	tcase_add_test(tc, programmes_checked_and_kept);
	tcase_add_test(tc, services_checked);
	tcase_add_test(tc, what_the_organiser_adds_can_be_planned);
	tcase_add_test(tc, supply_and_demand_of_a_service);
	tcase_add_test(tc, quarter_year_and_once_in_years);
	suite_add_tcase(s, tc);
	return s;
}
