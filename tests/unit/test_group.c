/* test_group.c - group services (a request and a head count, no IPUS),
 * supporting activities of the community organiser, the fee rule, the
 * programme's gminas, and what a new service or more capacity tells the
 * coordinators. */
#include "testutil.h"
#include "assessment.h"
#include "catalogue.h"
#include "group.h"
#include "offer.h"
#include "person.h"
#include "report.h"
#include "request.h"
#include "worklist.h"

#include <stdlib.h>
#include <string.h>

/* A group service "Zajęcia ruchowe" in the fixture's programme. */
static struct group group_service(struct fx *f)
{
	struct service_def sd = {"Zajęcia ruchowe dla seniorów", 10, "session", "", 1};
	struct group g;

	memset(&g, 0, sizeof(g));
	g.programme_id = f->programme;
	ck_assert_int_eq(service_ensure(f->db, &sd, &g.service_id), CD_OK);
	ck_assert_int_eq(programme_service_add(f->db, f->programme, g.service_id, 8, 20, ""),
			 CD_OK);
	return g;
}

static const char *request_status(struct fx *f, int64_t id)
{
	static struct request r;

	ck_assert_int_eq(request_get(f->db, &f->sys, id, &r), CD_OK);
	return r.status;
}

START_TEST(group_service_needs_a_request_and_no_plan)
{
	struct fx f;
	struct group g, *gl;
	struct group_member *m;
	struct group_session *ss;
	struct fielderr e;
	size_t n, i;
	int64_t other;

	fx_open(&f);
	g = group_service(&f);
	other = file_request(&f, "Zofia", "2026-11-10", 0);     /* f.person is now Zofia */
	/* no request, another person's request, before the request */
	ck_assert_int_eq(group_enrol(f.db, &f.recep, &g, f.person, 0, "2026-11-12", &e),
			 CD_EINVAL);
	ck_assert_int_eq(e.field, GF_REQUEST);
	ck_assert_int_eq(group_enrol(f.db, &f.recep, &g, f.person, f.request, "2026-11-12", &e),
			 CD_EINVAL);
	ck_assert_str_eq(e.msg, "Request: it is another person's request");
	ck_assert_int_eq(group_enrol(f.db, &f.recep, &g, f.person, other, "2026-11-09", &e),
			 CD_EINVAL);
	ck_assert_int_eq(e.field, GF_JOINED);
	ck_assert_int_eq(group_enrol(f.db, &f.recep, &g, f.person, other, "2026-12-01", &e),
			 CD_EINVAL);                              /* the future */
	/* a service that is not a group service */
	{
		struct group care = g;
		care.service_id = f.care;
		ck_assert_int_eq(group_enrol(f.db, &f.recep, &care, f.person, other, "2026-11-12",
					     &e), CD_EINVAL);
		ck_assert_int_eq(e.field, GF_GROUP);
	}
	/* the unassigned request is taken by the coordinator and settled */
	ck_assert_int_eq(group_enrol(f.db, &f.pawel, &g, 0, other, "2026-11-12", &e), CD_OK);
	ck_assert_str_eq(request_status(&f, other), "closed");
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM request WHERE coordinator_id = "
				   "(SELECT id FROM app_user WHERE login = 'pawel')"), 1);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM plan"), 0);
	/* not twice */
	ck_assert_int_eq(group_enrol(f.db, &f.anna, &g, f.person, other, "2026-11-13", &e),
			 CD_EINVAL);
	/* a request under assessment keeps its status */
	ck_assert_int_eq(request_status(&f, f.request)[0], 'f');
	{
		struct request r;
		ck_assert_int_eq(request_get(f.db, &f.sys, f.request, &r), CD_OK);
		ck_assert_int_eq(group_enrol(f.db, &f.anna, &g, r.person_id, f.request,
					     "2026-11-20", &e), CD_OK);
	}
	ck_assert_str_eq(request_status(&f, f.request), "closed");
	ck_assert_int_eq(group_members(f.db, &f.anna, &g, &m, &n), CD_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(m[0].person_name, "Łęcka Jadwiga");     /* Polish order */
	/* leaving */
	ck_assert_int_eq(group_leave(f.db, &f.anna, m[1].id, "2026-11-01", &e), CD_EINVAL);
	ck_assert_int_eq(e.field, GF_LEFT);
	ck_assert_int_eq(group_leave(f.db, &f.anna, m[1].id, "2026-11-21", &e), CD_OK);
	ck_assert_int_eq(group_leave(f.db, &f.anna, m[1].id, "2026-11-21", &e), CD_EINVAL);
	free(m);
	/* meetings with the head count */
	ck_assert_int_eq(group_session_add(f.db, &f.anna, &g, "2026-11-19", -1, "", &e),
			 CD_EINVAL);
	ck_assert_int_eq(e.field, GF_HEADS);
	ck_assert_int_eq(group_session_add(f.db, &f.anna, &g, "2026-11-30", 5, "", &e),
			 CD_EINVAL);
	ck_assert_int_eq(e.field, GF_HELD);
	ck_assert_int_eq(group_session_add(f.db, &f.anna, &g, "2026-11-12", 7, "", &e), CD_OK);
	ck_assert_int_eq(group_session_add(f.db, &f.anna, &g, "2026-11-19", 9, "ciepło", &e),
			 CD_OK);
	ck_assert_int_eq(group_sessions(f.db, &f.anna, &g, &ss, &n), CD_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(ss[0].held_on, "2026-11-19");
	ck_assert_int_eq(ss[0].head_count, 9);
	free(ss);
	ck_assert_int_eq(group_list(f.db, &f.recep, &gl, &n), CD_OK);
	for (i = 0; i < n && gl[i].service_id != g.service_id; i++)
		;
	ck_assert_uint_lt(i, n);
	ck_assert_int_eq(gl[i].members, 1);
	ck_assert_int_eq(gl[i].sessions, 2);
	ck_assert_str_eq(gl[i].last_held, "2026-11-19");
	free(gl);
	/* supply and demand: the members taking part today */
	{
		struct supply *sd;
		ck_assert_int_eq(supply_demand(f.db, &f.anna, &sd, &n), CD_OK);
		for (i = 0; i < n && sd[i].service_id != g.service_id; i++)
			;
		ck_assert_uint_lt(i, n);
		ck_assert_int_eq(sd[i].persons, 1);
		free(sd);
	}
	fx_close(&f);
}
END_TEST

START_TEST(activities_of_the_community_organiser)
{
	struct fx f;
	struct activity ac, got;
	struct group g;
	struct fielderr e;
	struct actor osl;

	fx_open(&f);
	osl = login_as(f.db, "osl", ROLE_COMMUNITY_ORGANISER);
	activity_init(&ac);
	str_copy(ac.name, sizeof(ac.name), "Wolontariusze „Złota jesień”");
	str_copy(ac.kind, sizeof(ac.kind), "charity");
	ck_assert_int_eq(activity_save(f.db, &osl, &ac, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, GF_ACT_KIND);
	str_copy(ac.kind, sizeof(ac.kind), "volunteering");
	str_copy(ac.starts_on, sizeof(ac.starts_on), "2026-09-01");
	str_copy(ac.ends_on, sizeof(ac.ends_on), "2026-08-31");
	ck_assert_int_eq(activity_save(f.db, &osl, &ac, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, GF_ACT_TO);
	ac.ends_on[0] = '\0';
	ac.run_by = osl.user_id;
	ck_assert_int_eq(activity_save(f.db, &f.anna, &ac, &e), CD_EPERM);
	ck_assert_int_eq(activity_save(f.db, &osl, &ac, &e), CD_OK);
	ck_assert_int_eq(activity_get(f.db, &f.recep, ac.id, &got), CD_OK);
	ck_assert_str_eq(got.name, "Wolontariusze „Złota jesień”");
	ck_assert_str_eq(got.run_by_name, "osl");
	/* members without a request; the community organiser records them */
	memset(&g, 0, sizeof(g));
	g.activity_id = ac.id;
	ck_assert_int_eq(group_enrol(f.db, &osl, &g, f.person, 0, "2026-10-01", &e), CD_OK);
	ck_assert_int_eq(group_enrol(f.db, &osl, &g, f.person, 0, "2026-10-02", &e), CD_EINVAL);
	ck_assert_int_eq(e.field, GF_PERSON);
	ck_assert_int_eq(group_enrol(f.db, &osl, &g, f.person, 0, "2026-08-01", &e) == CD_OK, 0);
	ck_assert_int_eq(group_session_add(f.db, &osl, &g, "2026-10-15", 4, "", &e), CD_OK);
	/* archived: no more meetings */
	ac.status[0] = '\0';
	str_copy(ac.status, sizeof(ac.status), "archived");
	ck_assert_int_eq(activity_save(f.db, &osl, &ac, &e), CD_OK);
	ck_assert_int_eq(group_session_add(f.db, &osl, &g, "2026-10-22", 4, "", &e), CD_EINVAL);
	ck_assert_int_eq(e.field, GF_GROUP);
	fx_close(&f);
}
END_TEST

/* Members of group services and activities count in the ministry's report,
 * each person once per category and cumulatively. */
START_TEST(groups_in_the_quarterly_report)
{
	struct fx f;
	struct group g, act;
	struct activity ac;
	struct quarterly_report r;
	struct fielderr e;
	int64_t r1, r2, p1, p2;

	fx_open(&f);
	g = group_service(&f);
	ck_assert_int_eq(setting_set(f.db, "centre_started", "2026-01-01"), CD_OK);
	r1 = file_request(&f, "Anna", "2026-08-01", 0);
	p1 = f.person;
	r2 = file_request(&f, "Ewa", "2026-10-05", 0);
	p2 = f.person;
	ck_assert_int_eq(group_enrol(f.db, &f.sys, &g, p1, r1, "2026-08-03", &e), CD_OK);
	ck_assert_int_eq(group_enrol(f.db, &f.sys, &g, p2, r2, "2026-10-06", &e), CD_OK);
	activity_init(&ac);
	str_copy(ac.name, sizeof(ac.name), "Pomoc sąsiedzka");
	str_copy(ac.kind, sizeof(ac.kind), "neighbour_help");
	str_copy(ac.starts_on, sizeof(ac.starts_on), "2026-07-01");
	ck_assert_int_eq(activity_save(f.db, &f.sys, &ac, &e), CD_OK);
	memset(&act, 0, sizeof(act));
	act.activity_id = ac.id;
	ck_assert_int_eq(group_enrol(f.db, &f.sys, &act, p1, 0, "2026-07-10", &e), CD_OK);
	{
		/* p1 left the activity in Q3 */
		ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM group_member WHERE "
					   "activity_id IS NOT NULL"), 1);
		struct group_member *m;
		size_t n;
		ck_assert_int_eq(group_members(f.db, &f.sys, &act, &m, &n), CD_OK);
		ck_assert_int_eq(group_leave(f.db, &f.sys, m[0].id, "2026-09-15", &e), CD_OK);
		free(m);
	}
	ck_assert_int_eq(report_quarterly(f.db, &f.sys, "2026Q4", &r, &e), CD_OK);
	ck_assert_int_eq(report_row_of(&r, "area10")->period, 2);           /* both take part in Q4 */
	ck_assert_int_eq(report_row_of(&r, "area10")->total, 2);            /* p1 once, not twice */
	ck_assert_int_eq(report_row_of(&r, "neighbour_help")->period, 0);   /* left in Q3 */
	ck_assert_int_eq(report_row_of(&r, "neighbour_help")->total, 1);
	ck_assert_int_eq(r.persons_period, 2);
	ck_assert_int_eq(r.plans_period, 0);                       /* no IPUS */
	quarterly_report_release(&r);
	ck_assert_int_eq(report_quarterly(f.db, &f.sys, "2026Q3", &r, &e), CD_OK);
	ck_assert_int_eq(report_row_of(&r, "area10")->period, 1);
	ck_assert_int_eq(report_row_of(&r, "neighbour_help")->period, 1);
	quarterly_report_release(&r);
	fx_close(&f);
}
END_TEST

START_TEST(fee_rule_checked)
{
	struct fx f;
	struct service s, got;
	struct fielderr e;
	char *t;

	fx_open(&f);
	ck_assert_int_eq(service_get(f.db, &f.anna, f.care, &s), CD_OK);
	ck_assert_str_eq(s.fee_rule, "free");                 /* free by default */
	str_copy(s.fee_rule, sizeof(s.fee_rule), "fixed");
	ck_assert_int_eq(service_save(f.db, &f.organiser, &s, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, OF_SV_FEE_AMOUNT);
	s.fee_amount = 12.5;
	ck_assert_int_eq(service_save(f.db, &f.organiser, &s, &e), CD_OK);
	ck_assert_int_eq(service_get(f.db, &f.anna, f.care, &got), CD_OK);
	t = service_fee_text(&got);
	ck_assert_str_eq(t, "12,50 zł per unit (hour)");
	free(t);
	str_copy(s.fee_rule, sizeof(s.fee_rule), "income");
	ck_assert_int_eq(service_save(f.db, &f.organiser, &s, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, OF_SV_FEE_NOTE);
	str_copy(s.fee_note, sizeof(s.fee_note), "wg tabeli w uchwale: do 150% kryterium bezpłatnie");
	ck_assert_int_eq(service_save(f.db, &f.organiser, &s, &e), CD_OK);
	ck_assert_int_eq(service_get(f.db, &f.anna, f.care, &got), CD_OK);
	ck_assert(got.fee_amount < 0);                        /* no amount kept */
	str_copy(s.fee_rule, sizeof(s.fee_rule), "gratis");
	ck_assert_int_eq(service_save(f.db, &f.organiser, &s, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, OF_SV_FEE_RULE);
	fx_close(&f);
}
END_TEST

START_TEST(programme_gminas_of_an_inter_gmina_centre)
{
	struct fx f;
	struct programme p, got;
	struct fielderr e;

	fx_open(&f);
	ck_assert_int_eq(gmina_add(f.db, &f.sys, "Czarnia", NULL), CD_OK);
	ck_assert_int_eq(gmina_add(f.db, &f.sys, "Żółkiewka", NULL), CD_OK);
	ck_assert_int_eq(programme_get(f.db, &f.organiser, f.programme, &p), CD_OK);
	str_copy(p.gminas, sizeof(p.gminas), "Czarnia, Łomża");
	ck_assert_int_eq(programme_save(f.db, &f.organiser, &p, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, OF_PROG_GMINAS);
	ck_assert_str_eq(e.msg, "Gminas: \"Łomża\" is not one of the centre's gminas "
			 "(see the settings)");
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM programme_gmina"), 0);
	str_copy(p.gminas, sizeof(p.gminas), " ŻÓŁKIEWKA ; czarnia,czarnia ");
	ck_assert_int_eq(programme_save(f.db, &f.organiser, &p, &e), CD_OK);
	ck_assert_str_eq(p.gminas, "Żółkiewka, Czarnia");
	ck_assert_int_eq(programme_get(f.db, &f.anna, f.programme, &got), CD_OK);
	ck_assert_str_eq(got.gminas, "Czarnia, Żółkiewka");      /* Polish order */
	/* a resident of a gmina the programme does not serve is not qualified */
	{
		struct person pe;
		struct assessment as;
		struct outcome o;
		struct date today;
		date_parse(TEST_TODAY, &today);
		ck_assert_int_eq(person_get(f.db, &f.anna, f.person, &pe), CD_OK);
		str_copy(pe.gmina, sizeof(pe.gmina), "Czarnia");
		ck_assert_int_eq(person_save(f.db, &f.anna, &pe, &e), CD_OK);
		str_copy(got.gminas, sizeof(got.gminas), "Żółkiewka");
		ck_assert_int_eq(programme_save(f.db, &f.organiser, &got, &e), CD_OK);
		assessment_init(&as, f.request);
		ck_assert_int_eq(assessment_save(f.db, &f.anna, &as, &e), CD_OK);
		assessment_release(&as);
		memset(&o, 0, sizeof(o));
		str_copy(o.kind, sizeof(o.kind), "qualified");
		o.programmes[o.nprogrammes++] = f.programme;
		ck_assert_int_eq(assessment_decide(f.db, &f.anna, f.request, &o, &today, &e),
				 CD_EINVAL);
		ck_assert_str_eq(e.msg, "Programmes: a chosen programme does not serve the gmina "
				 "Czarnia where the person lives");
		got.gminas[0] = '\0';                           /* every gmina */
		ck_assert_int_eq(programme_save(f.db, &f.organiser, &got, &e), CD_OK);
		ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM programme_gmina"), 0);
		ck_assert_int_eq(assessment_decide(f.db, &f.anna, f.request, &o, &today, &e),
				 CD_OK);
	}
	fx_close(&f);
}
END_TEST

static size_t new_offer_items(struct fx *f, const struct actor *a, char *detail, size_t size)
{
	struct wl_item *w;
	struct date today;
	size_t n, i, k = 0;

	date_parse(TEST_TODAY, &today);
	ck_assert_int_eq(worklist(f->db, a, &today, &w, &n), CD_OK);
	for (i = 0; i < n; i++)
		if (w[i].kind == WL_NEW_OFFER) {
			k++;
			if (detail)
				str_copy(detail, size, w[i].detail);
		}
	free(w);
	return k;
}

/* A remembered unmet need of an area and a person waiting: a new service
 * of the area, or more capacity, puts them on the coordinator's worklist
 * until the need is answered. */
START_TEST(new_offer_reaches_unmet_needs_and_waits)
{
	struct fx f;
	struct assessment as;
	struct need nd, *l;
	struct programme_service ps;
	struct service s;
	struct fielderr e;
	char detail[256] = "";
	size_t n;

	fx_open(&f);
	assessment_init(&as, f.request);
	str_copy(as.held_on, sizeof(as.held_on), "2026-11-05");
	ck_assert_int_eq(assessment_save(f.db, &f.anna, &as, &e), CD_OK);
	assessment_release(&as);
	memset(&nd, 0, sizeof(nd));
	str_copy(nd.description, sizeof(nd.description), "dowóz na rehabilitację do Łomży");
	nd.service_id = f.care;
	nd.area_code = 6;
	ck_assert_int_eq(need_add(f.db, &f.anna, f.request, &nd, &e), CD_EINVAL);  /* met */
	nd.service_id = 0;
	nd.unmet = true;
	nd.area_code = 15;
	ck_assert_int_eq(need_add(f.db, &f.anna, f.request, &nd, &e), CD_EINVAL);
	nd.area_code = 6;
	ck_assert_int_eq(need_add(f.db, &f.anna, f.request, &nd, &e), CD_OK);
	ck_assert_uint_eq(new_offer_items(&f, &f.anna, NULL, 0), 0);
	/* the organiser adds a transport service of area 6 */
	service_init(&s);
	str_copy(s.name, sizeof(s.name), "Dowóz osób z niepełnosprawnością");
	s.area_code = 6;
	str_copy(s.unit, sizeof(s.unit), "ride");
	ck_assert_int_eq(service_save(f.db, &f.organiser, &s, &e), CD_OK);
	programme_service_init(&ps, f.programme);
	ps.service_id = s.id;
	ps.monthly_capacity = 40;
	ck_assert_int_eq(programme_service_save(f.db, &f.organiser, &ps, &e), CD_OK);
	ck_assert_uint_eq(new_offer_items(&f, &f.anna, detail, sizeof(detail)), 1);
	ck_assert_str_eq(detail, "Dowóz osób z niepełnosprawnością (PUS Czarnia): "
			 "dowóz na rehabilitację do Łomży");
	ck_assert_uint_eq(new_offer_items(&f, &f.pawel, NULL, 0), 0);   /* not his case */
	/* answered: off the register and the worklist */
	ck_assert_int_eq(unmet_needs(f.db, &f.anna, &l, &n), CD_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(l[0].area_code, 6);
	ck_assert_int_eq(need_answer(f.db, &f.anna, l[0].id, "2026-11-01", &e), CD_EINVAL);
	ck_assert_int_eq(need_answer(f.db, &f.pawel, l[0].id, TEST_TODAY, &e), CD_EPERM);
	ck_assert_int_eq(need_answer(f.db, &f.anna, l[0].id, TEST_TODAY, &e), CD_OK);
	free(l);
	ck_assert_int_eq(unmet_needs(f.db, &f.anna, &l, &n), CD_OK);
	ck_assert_uint_eq(n, 0);
	free(l);
	ck_assert_uint_eq(new_offer_items(&f, &f.anna, NULL, 0), 0);
	/* lowering the capacity is no news; raising it is */
	ps.monthly_capacity = 30;
	ck_assert_int_eq(programme_service_save(f.db, &f.organiser, &ps, &e), CD_OK);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM offer_change"), 1);
	ps.monthly_capacity = 50;
	ck_assert_int_eq(programme_service_save(f.db, &f.organiser, &ps, &e), CD_OK);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM offer_change WHERE kind = "
				   "'raised'"), 1);
	fx_close(&f);
}
END_TEST

Suite *suite_group(void)
{
	Suite *s = suite_create("group");
	TCase *tc = tcase_create("group");

	tcase_add_test(tc, group_service_needs_a_request_and_no_plan);
	tcase_add_test(tc, activities_of_the_community_organiser);
	tcase_add_test(tc, groups_in_the_quarterly_report);
	tcase_add_test(tc, fee_rule_checked);
	tcase_add_test(tc, programme_gminas_of_an_inter_gmina_centre);
	tcase_add_test(tc, new_offer_reaches_unmet_needs_and_waits);
	suite_add_tcase(s, tc);
	return s;
}
