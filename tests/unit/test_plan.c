/* test_plan.c - IPUS rules, approval, updates, comparison, orders. */
#include "testutil.h"
#include "worklist.h"
#include "assessment.h"
#include "dbint.h"
#include "plan.h"
#include "catalogue.h"

#include <stdlib.h>
#include <string.h>

static struct date today;

static void qualify(struct fx *f, int64_t request_id)
{
	struct assessment as;
	struct outcome o;
	struct fielderr e;

	assessment_init(&as, request_id);
	str_copy(as.held_on, sizeof(as.held_on), TEST_TODAY);
	ck_assert_int_eq(assessment_save(f->db, &f->sys, &as, &e), CD_OK);
	assessment_release(&as);
	memset(&o, 0, sizeof(o));
	str_copy(o.kind, sizeof(o.kind), "qualified");
	o.programmes[o.nprogrammes++] = f->programme;
	o.coordination_months = 6;
	ck_assert_int_eq(assessment_decide(f->db, &f->sys, request_id, &o, &today, &e), CD_OK);
}

static void care_item(struct fx *f, struct plan_version *v, const char *from,
		      const char *to, double amount, const char *freq)
{
	struct plan_item *it = plan_add_item(v);

	it->programme_id = f->programme;
	it->service_id = f->care;
	it->provider_id = f->provider;
	it->place_id = f->place;
	str_copy(it->starts_on, sizeof(it->starts_on), from);
	str_copy(it->ends_on, sizeof(it->ends_on), to);
	it->amount = amount;
	str_copy(it->frequency, sizeof(it->frequency), freq);
}

/* A qualified case with an approved plan of one care item. */
static int64_t approved_plan(struct fx *f, int64_t *plan_id)
{
	struct plan_version v;
	struct fielderr e;

	qualify(f, f->request);
	plan_version_init(&v);
	str_copy(v.period_from, sizeof(v.period_from), "2026-12-01");
	str_copy(v.period_to, sizeof(v.period_to), "2027-05-31");
	str_copy(v.goals, sizeof(v.goals), "Zostać w domu bezpiecznie.");
	str_copy(v.agreed_on, sizeof(v.agreed_on), TEST_TODAY);
	care_item(f, &v, "2026-12-01", "2027-05-31", 2, "week");
	ck_assert_msg(plan_create(f->db, &f->anna, f->request, &v, &e) == CD_OK, "%s", e.msg);
	ck_assert_int_eq(plan_submit(f->db, &f->anna, v.id, &e), CD_OK);
	ck_assert_int_eq(plan_approve(f->db, &f->director, v.id, &today, &e), CD_OK);
	*plan_id = v.plan_id;
	plan_version_release(&v);
	return v.id;
}

static void setup(void)
{
	date_parse(TEST_TODAY, &today);
}

START_TEST(plan_needs_qualification_and_keeps_the_year)
{
	struct fx f;
	struct plan_version v;
	struct fielderr e;

	fx_open(&f);
	plan_version_init(&v);
	str_copy(v.period_from, sizeof(v.period_from), "2026-12-01");
	str_copy(v.period_to, sizeof(v.period_to), "2027-11-30");
	ck_assert_int_eq(plan_create(f.db, &f.anna, f.request, &v, &e), CD_EINVAL);
	ck_assert_str_eq(e.msg, "a plan needs an assessment that qualified the person");
	qualify(&f, f.request);
	str_copy(v.period_to, sizeof(v.period_to), "2027-12-01");
	ck_assert_int_eq(plan_create(f.db, &f.anna, f.request, &v, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, PLAN_F_TO);
	ck_assert_ptr_nonnull(strstr(e.msg, "2027-11-30"));
	str_copy(v.period_to, sizeof(v.period_to), "2026-11-30");
	ck_assert_int_eq(plan_create(f.db, &f.anna, f.request, &v, &e), CD_EINVAL);
	str_copy(v.period_to, sizeof(v.period_to), "2027-11-30");   /* exactly a year */
	ck_assert_int_eq(plan_create(f.db, &f.pawel, f.request, &v, &e), CD_EPERM);
	ck_assert_int_eq(plan_create(f.db, &f.anna, f.request, &v, &e), CD_OK);
	ck_assert_int_eq(v.version_no, 1);
	ck_assert_str_eq(v.status, "draft");
	ck_assert_int_eq(plan_create(f.db, &f.anna, f.request, &v, &e), CD_EINVAL);
	plan_version_release(&v);
	fx_close(&f);
}
END_TEST

START_TEST(item_rules)
{
	struct fx f;
	struct plan_version v;
	struct fielderr e;

	fx_open(&f);
	qualify(&f, f.request);
	plan_version_init(&v);
	str_copy(v.period_from, sizeof(v.period_from), "2026-12-01");
	str_copy(v.period_to, sizeof(v.period_to), "2027-05-31");
	ck_assert_int_eq(plan_create(f.db, &f.anna, f.request, &v, &e), CD_OK);
	care_item(&f, &v, "2026-11-30", "2027-01-31", 2, "week");  /* starts early */
	ck_assert_int_eq(plan_save(f.db, &f.anna, &v, NULL, NULL, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, PLAN_F_ITEM);
	ck_assert_ptr_nonnull(strstr(e.msg, "inside the plan period"));
	str_copy(v.items[0].starts_on, sizeof(v.items[0].starts_on), "2027-02-01");
	ck_assert_int_eq(plan_save(f.db, &f.anna, &v, NULL, NULL, &e), CD_EINVAL);
	ck_assert_ptr_nonnull(strstr(e.msg, "ends before it starts"));
	str_copy(v.items[0].starts_on, sizeof(v.items[0].starts_on), "2026-12-01");
	v.items[0].service_id = f.physio;              /* the provider does not offer it */
	ck_assert_int_eq(plan_save(f.db, &f.anna, &v, NULL, NULL, &e), CD_EINVAL);
	ck_assert_str_eq(e.msg, "Item 1: the provider does not offer this service");
	v.items[0].service_id = f.care;
	v.items[0].programme_id = f.old_programme;     /* not in that programme */
	ck_assert_int_eq(plan_save(f.db, &f.anna, &v, NULL, NULL, &e), CD_EINVAL);
	v.items[0].programme_id = f.programme;
	v.items[0].amount = 0;
	ck_assert_int_eq(plan_save(f.db, &f.anna, &v, NULL, NULL, &e), CD_EINVAL);
	v.items[0].amount = 2;
	/* free text in the plan: no control characters, never raw */
	str_copy(v.goals, sizeof(v.goals), "cel \x1b[2J");
	ck_assert_int_eq(plan_save(f.db, &f.anna, &v, NULL, NULL, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, PLAN_F_GOALS);
	str_copy(v.goals, sizeof(v.goals), "samodzielne zakupy\tdwa razy w tygodniu");
	/* the schedule: days and hours, typed as people write them */
	str_copy(v.items[0].days, sizeof(v.items[0].days), "pn xx");
	ck_assert_int_eq(plan_save(f.db, &f.anna, &v, NULL, NULL, &e), CD_EINVAL);
	str_copy(v.items[0].days, sizeof(v.items[0].days), "pn, śr");
	str_copy(v.items[0].hours, sizeof(v.items[0].hours), "11-9");
	ck_assert_int_eq(plan_save(f.db, &f.anna, &v, NULL, NULL, &e), CD_EINVAL);
	str_copy(v.items[0].hours, sizeof(v.items[0].hours), "9-11");
	ck_assert_int_eq(plan_save(f.db, &f.anna, &v, NULL, NULL, &e), CD_OK);
	ck_assert_str_eq(v.goals, "samodzielne zakupy dwa razy w tygodniu");
	{
		struct plan_version got;
		char amount[160];
		ck_assert_int_eq(plan_version_get(f.db, &f.anna, v.id, &got), CD_OK);
		ck_assert_str_eq(got.items[0].days, "1,3");
		ck_assert_str_eq(got.items[0].hours, "09:00-11:00");
		item_amount_text(&got.items[0], amount, sizeof(amount));
		ck_assert_ptr_nonnull(strstr(amount, "(Mon, Wed 09:00-11:00)"));
		plan_version_release(&got);
	}
	/* a changed period is audited old -> new */
	str_copy(v.period_to, sizeof(v.period_to), "2027-04-30");
	ck_assert_int_eq(plan_save(f.db, &f.anna, &v, NULL, NULL, &e), CD_OK);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM audit_log WHERE action = 'plan.save' "
				   "AND detail = 'period: 2026-12-01..2027-05-31 -> "
				   "2026-12-01..2027-04-30'"), 1);
	/* and so are a service's dates */
	{
		char *want, *sql;
		ck_assert_int_gt(v.items[0].id, 0);
		want = xasprintf("service %lld: %s..%s -> %s..2027-03-31", (long long)v.items[0].id,
				 v.items[0].starts_on, v.items[0].ends_on, v.items[0].starts_on);
		str_copy(v.items[0].ends_on, sizeof(v.items[0].ends_on), "2027-03-31");
		ck_assert_int_eq(plan_save(f.db, &f.anna, &v, NULL, NULL, &e), CD_OK);
		sql = xasprintf("SELECT count(*) FROM audit_log WHERE action = 'plan.save' AND "
				"detail = '%s'", want);
		ck_assert_int_eq(tdb_count(f.db, sql), 1);
		free(sql);
		free(want);
	}
	plan_version_release(&v);
	fx_close(&f);
}
END_TEST

START_TEST(limits_warn_and_need_a_justification)
{
	struct fx f;
	struct plan_version v, got;
	struct plan_warning *w;
	size_t nw;
	struct fielderr e;

	fx_open(&f);
	ck_assert_int_eq(programme_service_set_limits(f.db, f.programme, f.care, 20, -1, -1,
						      false), CD_OK);
	ck_assert_int_eq(programme_service_set_limits(f.db, f.programme, 999, 20, -1, -1,
						      false), CD_ENOTFOUND);
	qualify(&f, f.request);
	plan_version_init(&v);
	str_copy(v.period_from, sizeof(v.period_from), "2026-12-01");
	str_copy(v.period_to, sizeof(v.period_to), "2027-05-31");
	ck_assert_int_eq(plan_create(f.db, &f.anna, f.request, &v, &e), CD_OK);
	care_item(&f, &v, "2026-12-01", "2027-05-31", 6, "week");  /* 26 a month */
	ck_assert_int_eq(plan_save(f.db, &f.anna, &v, &w, &nw, &e), CD_EINVAL);
	ck_assert_ptr_nonnull(strstr(e.msg, "26.0 hours a month is over the programme's limit of 20"));
	ck_assert_ptr_nonnull(strstr(e.msg, "justification"));
	ck_assert_uint_eq(nw, 1);
	free(w);
	str_copy(v.items[0].override_reason, sizeof(v.items[0].override_reason),
		 "Po wypisie ze szpitala, na 2 miesiące; decyzja zespołu.");
	ck_assert_int_eq(plan_save(f.db, &f.anna, &v, &w, &nw, &e), CD_OK);
	ck_assert_uint_eq(nw, 1);
	free(w);
	ck_assert_int_eq(plan_version_get(f.db, &f.anna, v.id, &got), CD_OK);
	ck_assert_str_eq(got.items[0].override_reason,
			 "Po wypisie ze szpitala, na 2 miesiące; decyzja zespołu.");
	plan_version_release(&got);
	/* 4 h a week is 17.3 a month: within the limit, no warning */
	v.items[0].amount = 4;
	v.items[0].override_reason[0] = '\0';
	ck_assert_int_eq(plan_save(f.db, &f.anna, &v, &w, &nw, &e), CD_OK);
	ck_assert_uint_eq(nw, 0);
	free(w);
	/* an age range the person (born 1950) is outside of */
	ck_assert_int_eq(db_exec(f.db, "UPDATE programme_service SET age_max = 18"), CD_OK);
	ck_assert_int_eq(plan_save(f.db, &f.anna, &v, NULL, NULL, &e), CD_EINVAL);
	ck_assert_ptr_nonnull(strstr(e.msg, "aged up to 18"));
	ck_assert_int_eq(db_exec(f.db, "UPDATE programme_service SET age_max = NULL, "
				 "certificate_required = 1"), CD_OK);
	ck_assert_int_eq(plan_save(f.db, &f.anna, &v, NULL, NULL, &e), CD_EINVAL);
	ck_assert_ptr_nonnull(strstr(e.msg, "disability certificate"));
	plan_version_release(&v);
	fx_close(&f);
}
END_TEST

START_TEST(submit_approve_return)
{
	struct fx f;
	struct plan_version v, got;
	struct fielderr e;
	struct date last_year;

	fx_open(&f);
	qualify(&f, f.request);
	plan_version_init(&v);
	str_copy(v.period_from, sizeof(v.period_from), "2026-12-01");
	str_copy(v.period_to, sizeof(v.period_to), "2027-05-31");
	ck_assert_int_eq(plan_create(f.db, &f.anna, f.request, &v, &e), CD_OK);
	ck_assert_int_eq(plan_submit(f.db, &f.anna, v.id, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, PLAN_F_ITEMS);
	care_item(&f, &v, "2026-12-01", "2027-05-31", 2, "week");
	ck_assert_int_eq(plan_save(f.db, &f.anna, &v, NULL, NULL, &e), CD_OK);
	ck_assert_int_eq(plan_submit(f.db, &f.anna, v.id, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, PLAN_F_AGREED);
	str_copy(v.agreed_on, sizeof(v.agreed_on), TEST_TODAY);
	v.signed_paper = true;
	ck_assert_int_eq(plan_save(f.db, &f.anna, &v, NULL, NULL, &e), CD_OK);
	ck_assert_int_eq(plan_submit(f.db, &f.anna, v.id, &e), CD_OK);
	ck_assert_int_eq(plan_save(f.db, &f.anna, &v, NULL, NULL, &e), CD_EINVAL); /* submitted */
	/* who approves */
	ck_assert_int_eq(plan_approve(f.db, &f.anna, v.id, &today, &e), CD_EPERM);
	ck_assert_ptr_nonnull(strstr(e.msg, "art. 41"));
	ck_assert_int_eq(plan_approve(f.db, &f.organiser, v.id, &today, &e), CD_EPERM);
	ck_assert_int_eq(authorisation_grant(f.db, &f.anna, f.organiser.user_id, "2026-01-01",
					     "2026-06-30", &e), CD_EPERM);
	ck_assert_int_eq(authorisation_grant(f.db, &f.director, f.organiser.user_id, "2026-01-01",
					     "2026-06-30", &e), CD_OK);
	ck_assert_int_eq(plan_approve(f.db, &f.organiser, v.id, &today, &e), CD_EPERM);
	date_parse("2026-03-01", &last_year);
	ck_assert(authorised_on(f.db, f.organiser.user_id, &last_year));
	/* returned with a comment, corrected, submitted again */
	ck_assert_int_eq(plan_return(f.db, &f.director, v.id, "  ", &e), CD_EINVAL);
	ck_assert_int_eq(plan_return(f.db, &f.director, v.id, "cel\x07", &e), CD_EINVAL);
	ck_assert_int_eq(e.field, PLAN_F_COMMENT);
	ck_assert_int_eq(plan_return(f.db, &f.director, v.id, "Dodaj cel w słowach osoby.",
				     &e), CD_OK);
	ck_assert_int_eq(plan_version_get(f.db, &f.anna, v.id, &got), CD_OK);
	ck_assert_str_eq(got.status, "returned");
	ck_assert_str_eq(got.return_comment, "Dodaj cel w słowach osoby.");
	plan_version_release(&got);
	/* the copy read before the return is stale: its save is refused ... */
	str_copy(v.person_view, sizeof(v.person_view), "Chcę sama robić śniadanie.");
	ck_assert_int_eq(plan_save(f.db, &f.anna, &v, NULL, NULL, &e), CD_ECONFLICT);
	/* ... the returned plan, read again, is corrected and saved */
	{
		int64_t id = v.id;
		plan_version_release(&v);
		ck_assert_int_eq(plan_version_get(f.db, &f.anna, id, &v), CD_OK);
	}
	str_copy(v.person_view, sizeof(v.person_view), "Chcę sama robić śniadanie.");
	ck_assert_int_eq(plan_save(f.db, &f.anna, &v, NULL, NULL, &e), CD_OK);
	ck_assert_int_eq(plan_submit(f.db, &f.anna, v.id, &e), CD_OK);
	ck_assert_int_eq(authorisation_grant(f.db, &f.director, f.organiser.user_id, "2026-11-01",
					     "", &e), CD_OK);
	ck_assert_int_eq(plan_approve(f.db, &f.organiser, v.id, &today, &e), CD_OK);
	ck_assert_int_eq(plan_version_get(f.db, &f.anna, v.id, &got), CD_OK);
	ck_assert_str_eq(got.status, "approved");
	ck_assert_str_eq(got.decided_by_name, "ous");
	ck_assert(!got.late);
	/* every item got an order sent today */
	ck_assert_str_eq(got.items[0].order_sent_on, TEST_TODAY);
	ck_assert_str_eq(got.items[0].provider_contact_on, "");
	plan_version_release(&got);
	ck_assert_int_eq(plan_approve(f.db, &f.director, v.id, &today, &e), CD_EINVAL);
	plan_version_release(&v);
	fx_close(&f);
}
END_TEST

START_TEST(a_late_plan_is_marked)
{
	struct fx f;
	struct plan_version v, got;
	struct fielderr e;
	int64_t old = 0;

	fx_open(&f);
	old = file_request(&f, "Halina", "2026-10-01", f.anna.user_id);   /* 52 days ago */
	qualify(&f, old);
	plan_version_init(&v);
	str_copy(v.period_from, sizeof(v.period_from), "2026-12-01");
	str_copy(v.period_to, sizeof(v.period_to), "2027-05-31");
	str_copy(v.agreed_on, sizeof(v.agreed_on), TEST_TODAY);
	care_item(&f, &v, "2026-12-01", "2027-05-31", 2, "week");
	ck_assert_int_eq(plan_create(f.db, &f.anna, old, &v, &e), CD_OK);   /* allowed */
	ck_assert_int_eq(plan_version_get(f.db, &f.anna, v.id, &got), CD_OK);
	ck_assert(got.late);
	plan_version_release(&got);
	plan_version_release(&v);
	fx_close(&f);
}
END_TEST

START_TEST(updates_keep_versions_and_compare)
{
	struct fx f;
	struct plan_version v1, v2, got1;
	struct plan_diff *d;
	struct fielderr e;
	int64_t plan_id, v1_id, v2_id;
	size_t n, i;
	bool added = false, removed = false, changed = false;

	fx_open(&f);
	ck_assert_int_eq(provider_service_add(f.db, f.provider, f.physio, 80), CD_OK);
	v1_id = approved_plan(&f, &plan_id);
	ck_assert_int_eq(plan_update(f.db, &f.anna, plan_id, "whim", "", &v2_id, &e), CD_EINVAL);
	ck_assert_int_eq(plan_update(f.db, &f.anna, plan_id, "other", "", &v2_id, &e), CD_EINVAL);
	ck_assert_int_eq(plan_update(f.db, &f.anna, plan_id, "needs_changed",
				     "po upadku potrzebuje więcej godzin", &v2_id, &e), CD_OK);
	ck_assert_int_eq(plan_update(f.db, &f.anna, plan_id, "needs_changed", "", NULL, &e),
			 CD_EINVAL);                          /* one update at a time */
	ck_assert_int_eq(plan_latest(f.db, &f.anna, plan_id, &v2), CD_OK);
	ck_assert_int_eq(v2.id, v2_id);
	ck_assert_int_eq(v2.version_no, 2);
	ck_assert_str_eq(v2.update_reason, "needs_changed");
	ck_assert_uint_eq(v2.nitems, 1);
	ck_assert_int_eq(v2.items[0].origin_id, plan_current(f.db, &f.anna, plan_id, &got1) ?
			 0 : got1.items[0].id);
	plan_version_release(&got1);
	/* more hours of care, and physiotherapy */
	v2.items[0].amount = 3;
	{
		struct plan_item *it = plan_add_item(&v2);
		it->programme_id = f.programme;
		it->service_id = f.physio;
		it->provider_id = f.provider;
		str_copy(it->starts_on, sizeof(it->starts_on), "2027-01-01");
		str_copy(it->ends_on, sizeof(it->ends_on), "2027-03-31");
		it->amount = 8;
		str_copy(it->frequency, sizeof(it->frequency), "month");
	}
	str_copy(v2.agreed_on, sizeof(v2.agreed_on), TEST_TODAY);
	/* the update may not stretch the plan's year: it counts from the first
	 * version's start (2026-12-01), so the latest end is the day before the
	 * same date a year later, whatever the update's own start */
	{
		struct date first, latest;
		char want[11], over[11];
		date_parse("2026-12-01", &first);
		date_add_months(&first, 12, &latest);
		date_from_days(date_to_days(&latest) - 1, &latest);
		date_format(&latest, want);                   /* 2027-11-30 */
		date_from_days(date_to_days(&latest) + 1, &first);
		date_format(&first, over);
		str_copy(v2.period_from, sizeof(v2.period_from), "2027-01-01");
		str_copy(v2.period_to, sizeof(v2.period_to), over);
		ck_assert_int_eq(plan_save(f.db, &f.anna, &v2, NULL, NULL, &e), CD_EINVAL);
		ck_assert_int_eq(e.field, PLAN_F_TO);
		ck_assert_ptr_nonnull(strstr(e.msg, want));
		ck_assert_ptr_nonnull(strstr(e.msg, "a new request and a new plan"));
		str_copy(v2.period_to, sizeof(v2.period_to), want);
		ck_assert_int_eq(plan_save(f.db, &f.anna, &v2, NULL, NULL, &e), CD_EINVAL);
		ck_assert_int_eq(e.field, PLAN_F_ITEM);      /* the care item starts before */
		str_copy(v2.period_from, sizeof(v2.period_from), "2026-12-01");
	}
	ck_assert_int_eq(plan_save(f.db, &f.anna, &v2, NULL, NULL, &e), CD_OK);
	ck_assert_int_eq(plan_submit(f.db, &f.anna, v2_id, &e), CD_OK);
	ck_assert_int_eq(plan_approve(f.db, &f.director, v2_id, &today, &e), CD_OK);
	/* version 1 stays readable, superseded */
	ck_assert_int_eq(plan_version_get(f.db, &f.anna, v1_id, &v1), CD_OK);
	ck_assert_str_eq(v1.status, "superseded");
	ck_assert_uint_eq(v1.nitems, 1);
	ck_assert_double_eq(v1.items[0].amount, 2);
	plan_version_release(&v2);
	ck_assert_int_eq(plan_version_get(f.db, &f.anna, v2_id, &v2), CD_OK);
	ck_assert_int_eq(plan_compare(&v1, &v2, &d, &n), CD_OK);
	for (i = 0; i < n; i++) {
		if (d[i].kind == DIFF_ADDED && !strcmp(d[i].service_name, "Fizjoterapia"))
			added = true;
		if (d[i].kind == DIFF_CHANGED && strstr(d[i].what, "amount 2 hours a week → 3 hours a week"))
			changed = true;
	}
	ck_assert_uint_eq(n, 2);
	ck_assert(added && changed);
	free(d);
	/* the other way round: physiotherapy was removed */
	ck_assert_int_eq(plan_compare(&v2, &v1, &d, &n), CD_OK);
	for (i = 0; i < n; i++)
		if (d[i].kind == DIFF_REMOVED && !strcmp(d[i].service_name, "Fizjoterapia"))
			removed = true;
	ck_assert(removed);
	free(d);
	/* the continuing item kept its order; the new one got its own */
	ck_assert_str_eq(v2.items[0].order_sent_on, TEST_TODAY);
	ck_assert_str_eq(v2.items[1].order_sent_on, TEST_TODAY);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM plan_version"), 2);
	plan_version_release(&v1);
	plan_version_release(&v2);
	fx_close(&f);
}
END_TEST

START_TEST(provider_contact_on_an_order)
{
	struct fx f;
	struct plan_version v;
	struct fielderr e;
	int64_t plan_id;

	fx_open(&f);
	approved_plan(&f, &plan_id);
	ck_assert_int_eq(plan_current(f.db, &f.anna, plan_id, &v), CD_OK);
	ck_assert_int_eq(plan_order_contact(f.db, &f.anna, v.items[0].id, "2026-11-21", &e),
			 CD_EINVAL);                                   /* before the order */
	ck_assert_ptr_nonnull(strstr(e.msg, "before the order"));
	ck_assert_int_eq(plan_order_contact(f.db, &f.anna, v.items[0].id, "2026-11-23", &e),
			 CD_EINVAL);                                   /* future */
	ck_assert_int_eq(plan_order_contact(f.db, &f.pawel, v.items[0].id, TEST_TODAY, &e),
			 CD_EPERM);
	ck_assert_int_eq(plan_order_contact(f.db, &f.anna, v.items[0].id, TEST_TODAY, &e), CD_OK);
	plan_version_release(&v);
	ck_assert_int_eq(plan_current(f.db, &f.anna, plan_id, &v), CD_OK);
	ck_assert_str_eq(v.items[0].provider_contact_on, TEST_TODAY);
	plan_version_release(&v);
	fx_close(&f);
}
END_TEST

START_TEST(monthly_amounts)
{
	struct plan_item it;

	memset(&it, 0, sizeof(it));
	it.amount = 3;
	str_copy(it.frequency, sizeof(it.frequency), "week");
	ck_assert_double_eq_tol(plan_item_monthly(&it), 13.0, 1e-9);
	str_copy(it.frequency, sizeof(it.frequency), "quarter");
	ck_assert_double_eq_tol(plan_item_monthly(&it), 1.0, 1e-9);
	str_copy(it.frequency, sizeof(it.frequency), "month");
	ck_assert_double_eq_tol(plan_item_monthly(&it), 3.0, 1e-9);
}
END_TEST

START_TEST(item_names_and_amount_text)
{
	struct fx f;
	struct plan_version v;
	char text[96];

	fx_open(&f);
	plan_version_init(&v);
	care_item(&f, &v, "2026-12-01", "2027-05-31", 2, "week");
	ck_assert_int_eq(plan_item_describe(f.db, &v.items[0]), CD_OK);
	ck_assert_str_eq(v.items[0].service_name, "Usługi opiekuńcze");
	ck_assert_str_eq(v.items[0].unit, "hour");
	ck_assert_str_eq(v.items[0].place_name, "Dom osoby");
	ck_assert_str_ne(v.items[0].provider_name, "");
	item_amount_text(&v.items[0], text, sizeof(text));
	ck_assert_str_eq(text, "2 hours a week");
	v.items[0].amount = 1;
	str_copy(v.items[0].frequency, sizeof(v.items[0].frequency), "month");
	item_amount_text(&v.items[0], text, sizeof(text));
	ck_assert_str_eq(text, "1 hour a month");
	plan_version_release(&v);
	fx_close(&f);
}
END_TEST

START_TEST(authorisations_listed_and_ended)
{
	struct fx f;
	struct authorisation *z;
	struct fielderr e;
	struct date d;
	size_t n;

	fx_open(&f);
	ck_assert_int_eq(authorisation_grant(f.db, &f.director, f.organiser.user_id, "2026-11-01",
					     "", &e), CD_OK);
	ck_assert_int_eq(authorisation_list(f.db, &f.recep, &z, &n), CD_EPERM);
	ck_assert_int_eq(authorisation_list(f.db, &f.organiser, &z, &n), CD_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(z[0].organiser, "ous");
	ck_assert_str_eq(z[0].granted_by, "dyrektor");
	ck_assert_str_eq(z[0].valid_to, "");
	/* only the director ends it, on a day it runs */
	ck_assert_int_eq(authorisation_end(f.db, &f.organiser, z[0].id, "2026-11-30", &e),
			 CD_EPERM);
	ck_assert_int_eq(authorisation_end(f.db, &f.director, z[0].id, "2026-10-01", &e),
			 CD_EINVAL);
	ck_assert_int_eq(authorisation_end(f.db, &f.director, z[0].id, "2026-11-30", &e), CD_OK);
	date_parse("2026-11-30", &d);
	ck_assert(authorised_on(f.db, f.organiser.user_id, &d));
	date_parse("2026-12-01", &d);
	ck_assert(!authorised_on(f.db, f.organiser.user_id, &d));
	free(z);
	ck_assert_int_eq(authorisation_list(f.db, &f.director, &z, &n), CD_OK);
	ck_assert_str_eq(z[0].valid_to, "2026-11-30");
	free(z);
	fx_close(&f);
}
END_TEST

/* Two desks on one draft plan: the first adds a service and saves; the
 * second, from the plan read before, is refused, so the service stays. A
 * save keeps the rows of the services it keeps (updated in place). */
START_TEST(two_desks_on_one_plan)
{
	struct fx f;
	struct plan_version v, a, b;
	struct cd_db *other = NULL;
	struct fielderr e;
	char *err = NULL;
	int64_t first;

	fx_open(&f);
	qualify(&f, f.request);
	plan_version_init(&v);
	str_copy(v.period_from, sizeof(v.period_from), "2026-12-01");
	str_copy(v.period_to, sizeof(v.period_to), "2027-05-31");
	care_item(&f, &v, "2026-12-01", "2027-05-31", 2, "week");
	ck_assert_int_eq(plan_create(f.db, &f.anna, f.request, &v, &e), CD_OK);
	first = v.items[0].id;
	ck_assert_int_eq(db_open(db_path(f.db), DB_OPEN_EXISTING, &other, &err), CD_OK);
	ck_assert_int_eq(plan_version_get(f.db, &f.anna, v.id, &a), CD_OK);
	ck_assert_int_eq(plan_version_get(other, &f.anna, v.id, &b), CD_OK);
	/* desk A: a second service, and the first one's amount */
	care_item(&f, &a, "2026-12-01", "2027-01-31", 1, "week");
	a.items[0].amount = 3;
	ck_assert_int_eq(plan_save(f.db, &f.anna, &a, NULL, NULL, &e), CD_OK);
	ck_assert_int_eq(a.items[0].id, first);          /* the same row, updated */
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM plan_item"), 2);
	/* desk B, on the plan read before: its goals; refused, nothing lost */
	str_copy(b.goals, sizeof(b.goals), "Samodzielne zakupy.");
	ck_assert_int_eq(plan_save(other, &f.anna, &b, NULL, NULL, &e), CD_ECONFLICT);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM plan_item"), 2);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM plan_version WHERE goals = ''"), 1);
	/* on the version as it is now, B's save goes through and keeps A's services */
	plan_version_release(&b);
	ck_assert_int_eq(plan_version_get(other, &f.anna, v.id, &b), CD_OK);
	str_copy(b.goals, sizeof(b.goals), "Samodzielne zakupy.");
	ck_assert_int_eq(plan_save(other, &f.anna, &b, NULL, NULL, &e), CD_OK);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM plan_item"), 2);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM plan_item WHERE amount = 3"), 1);
	/* a service taken out: only its row goes */
	plan_version_release(&a);
	ck_assert_int_eq(plan_version_get(f.db, &f.anna, v.id, &a), CD_OK);
	a.nitems = 1;
	ck_assert_int_eq(plan_save(f.db, &f.anna, &a, NULL, NULL, &e), CD_OK);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM plan_item"), 1);
	ck_assert_int_eq(a.items[0].id, first);
	plan_version_release(&a);
	plan_version_release(&b);
	plan_version_release(&v);
	db_close(&other);
	fx_close(&f);
}
END_TEST

/* Four eyes (art. 41): whoever drew up or changed a version neither
 * approves nor returns it, even holding the director's role too; the
 * worklist shows it to the other approvers only; with no one else, the
 * message says whom the director must authorise. */
START_TEST(four_eyes_on_approval)
{
	struct fx f;
	struct plan_version v;
	struct fielderr e;
	struct actor both;
	struct wl_item *w;
	size_t n, i;
	int64_t rid;
	bool listed;

	fx_open(&f);
	both = login_as(f.db, "dwierole", ROLE_COORDINATOR | ROLE_DIRECTOR);
	rid = file_request(&f, "Ewa", "2026-11-10", both.user_id);
	qualify(&f, rid);
	plan_version_init(&v);
	str_copy(v.period_from, sizeof(v.period_from), "2026-12-01");
	str_copy(v.period_to, sizeof(v.period_to), "2027-05-31");
	ck_assert_int_eq(plan_create(f.db, &both, rid, &v, &e), CD_OK);
	care_item(&f, &v, "2026-12-01", "2027-05-31", 2, "week");
	str_copy(v.agreed_on, sizeof(v.agreed_on), TEST_TODAY);
	v.signed_paper = true;
	ck_assert_int_eq(plan_save(f.db, &both, &v, NULL, NULL, &e), CD_OK);
	ck_assert_int_eq(plan_submit(f.db, &both, v.id, &e), CD_OK);
	/* the one who drew it up may not decide on it */
	ck_assert_int_eq(plan_approve(f.db, &both, v.id, &today, &e), CD_EPERM);
	ck_assert_ptr_nonnull(strstr(e.msg, "another approver"));
	ck_assert_int_eq(plan_return(f.db, &both, v.id, "popraw", &e), CD_EPERM);
	/* the worklist: not to them, to the other director */
	ck_assert_int_eq(worklist(f.db, &both, &today, &w, &n), CD_OK);
	for (i = 0, listed = false; i < n; i++)
		listed = listed || (w[i].kind == WL_APPROVAL && w[i].request_id == rid);
	ck_assert(!listed);
	free(w);
	ck_assert_int_eq(worklist(f.db, &f.director, &today, &w, &n), CD_OK);
	for (i = 0, listed = false; i < n; i++)
		listed = listed || (w[i].kind == WL_APPROVAL && w[i].request_id == rid);
	ck_assert(listed);
	free(w);
	/* no one else able to decide: the message says what the director must do */
	ck_assert_int_eq(user_set_disabled(f.db, &f.sys, "dyrektor", true, &e), CD_OK);
	ck_assert_int_eq(plan_approve(f.db, &both, v.id, &today, &e), CD_EPERM);
	ck_assert_ptr_nonnull(strstr(e.msg, "must authorise an organiser"));
	ck_assert_int_eq(user_set_disabled(f.db, &f.sys, "dyrektor", false, &e), CD_OK);
	/* another approver decides */
	ck_assert_int_eq(plan_approve(f.db, &f.director, v.id, &today, &e), CD_OK);
	plan_version_release(&v);
	fx_close(&f);
}
END_TEST

/* The 30 days of art. 40 on the worklist bind while an IPUS is or may be
 * required: not once the assessment found under three months of
 * coordination (art. 38 ust. 2) and no plan is being drawn up. */
START_TEST(plan_deadline_only_while_an_ipus_is_required)
{
	struct fx f;
	struct fielderr e;
	struct wl_item *w;
	size_t n, i;
	int months[] = {2, 0, 6};
	bool due[] = {false, true, true};       /* 0: not known yet, so it may be */
	size_t k;

	fx_open(&f);
	for (k = 0; k < sizeof(months) / sizeof(months[0]); k++) {
		struct assessment as;
		struct outcome o;
		char first[16];
		int64_t rid;
		bool listed = false;
		snprintf(first, sizeof(first), "Osoba%c", (char)('A' + k));
		rid = file_request(&f, first, "2026-11-10", f.anna.user_id);
		assessment_init(&as, rid);
		str_copy(as.held_on, sizeof(as.held_on), TEST_TODAY);
		ck_assert_int_eq(assessment_save(f.db, &f.sys, &as, &e), CD_OK);
		assessment_release(&as);
		memset(&o, 0, sizeof(o));
		str_copy(o.kind, sizeof(o.kind), "qualified");
		o.programmes[o.nprogrammes++] = f.programme;
		o.coordination_months = months[k];
		ck_assert_int_eq(assessment_decide(f.db, &f.sys, rid, &o, &today, &e), CD_OK);
		ck_assert_int_eq(worklist(f.db, &f.anna, &today, &w, &n), CD_OK);
		for (i = 0; i < n; i++)
			listed = listed || (w[i].kind == WL_PLAN_DUE && w[i].request_id == rid);
		free(w);
		ck_assert_msg(listed == due[k], "%d months: the 30-day item %s", months[k],
			      listed ? "shown" : "missing");
	}
	fx_close(&f);
}
END_TEST

Suite *suite_plan(void)
{
	Suite *s = suite_create("plan");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 30);
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, two_desks_on_one_plan);
	tcase_add_test(tc, plan_needs_qualification_and_keeps_the_year);
	tcase_add_test(tc, item_rules);
	tcase_add_test(tc, limits_warn_and_need_a_justification);
	tcase_add_test(tc, submit_approve_return);
	tcase_add_test(tc, a_late_plan_is_marked);
	tcase_add_test(tc, updates_keep_versions_and_compare);
	tcase_add_test(tc, provider_contact_on_an_order);
	tcase_add_test(tc, monthly_amounts);
	tcase_add_test(tc, item_names_and_amount_text);
	tcase_add_test(tc, authorisations_listed_and_ended);
	tcase_add_test(tc, four_eyes_on_approval);
	tcase_add_test(tc, plan_deadline_only_while_an_ipus_is_required);
	suite_add_tcase(s, tc);
	return s;
}
