/* test_monitoring.c - monitoring, absences, resignations, closing with
 * the generated description, follow-up, and the worklist. */
#include "testutil.h"
#include "assessment.h"
#include "catalogue.h"
#include "monitoring.h"
#include "draft.h"
#include "plan.h"
#include "worklist.h"
#include "request.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

static struct date today;

static void setup(void)
{
	date_parse(TEST_TODAY, &today);
}

static void qualify(struct fx *f, int64_t request_id)
{
	struct assessment as;
	struct outcome o;
	struct fielderr e;

	assessment_init(&as, request_id);
	ck_assert_int_eq(assessment_save(f->db, &f->sys, &as, &e), CD_OK);
	assessment_release(&as);
	memset(&o, 0, sizeof(o));
	str_copy(o.kind, sizeof(o.kind), "qualified");
	o.programmes[o.nprogrammes++] = f->programme;
	ck_assert_int_eq(assessment_decide(f->db, &f->sys, request_id, &o, &today, &e), CD_OK);
}

/* An approved plan from from to to with one care item; returns plan id and
 * the item id in *item. */
static int64_t running_plan(struct fx *f, const char *from, const char *to, int64_t *item)
{
	struct plan_version v;
	struct plan_item *it;
	struct fielderr e;
	int64_t plan_id;

	qualify(f, f->request);
	plan_version_init(&v);
	str_copy(v.period_from, sizeof(v.period_from), from);
	str_copy(v.period_to, sizeof(v.period_to), to);
	str_copy(v.agreed_on, sizeof(v.agreed_on), "2026-11-05");
	str_copy(v.goals, sizeof(v.goals), "Samodzielne zakupy.");
	it = plan_add_item(&v);
	it->programme_id = f->programme;
	it->service_id = f->care;
	it->provider_id = f->provider;
	str_copy(it->starts_on, sizeof(it->starts_on), from);
	str_copy(it->ends_on, sizeof(it->ends_on), to);
	it->amount = 2;
	ck_assert_int_eq(plan_create(f->db, &f->anna, f->request, &v, &e), CD_OK);
	ck_assert_int_eq(plan_submit(f->db, &f->anna, v.id, &e), CD_OK);
	ck_assert_int_eq(plan_approve(f->db, &f->director, v.id, &today, &e), CD_OK);
	plan_id = v.plan_id;
	plan_version_release(&v);
	ck_assert_int_eq(plan_current(f->db, &f->anna, plan_id, &v), CD_OK);
	*item = v.items[0].id;
	plan_version_release(&v);
	return plan_id;
}

static int note(struct fx *f, int64_t plan_id, int64_t item, const char *on, int absences,
		int satisfaction, const char *next, struct fielderr *e)
{
	struct monitoring_note m;
	struct item_check *c;
	int rc;

	monitoring_note_init(&m, plan_id);
	str_copy(m.held_on, sizeof(m.held_on), on);
	str_copy(m.kind, sizeof(m.kind), "home_visit");
	str_copy(m.text, sizeof(m.text), "Opiekunka przychodzi, pani zadowolona.");
	if (next)
		str_copy(m.next_contact_on, sizeof(m.next_contact_on), next);
	c = monitoring_add_check(&m, item);
	c->taking_place = 1;
	c->absences = absences;
	c->satisfaction = satisfaction;
	c->delivered = 8;
	c->ordered = 8.7;
	rc = monitoring_add(f->db, &f->anna, &m, e);
	monitoring_note_release(&m);
	return rc;
}

START_TEST(monitoring_notes_and_absences)
{
	struct fx f;
	struct monitoring_note *l;
	struct fielderr e;
	int64_t item, plan_id, *alerts;
	size_t n;

	fx_open(&f);
	plan_id = running_plan(&f, "2026-11-10", "2027-05-31", &item);
	ck_assert_int_eq(note(&f, plan_id, item, "2026-11-23", 0, 5, NULL, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, MON_F_HELD_ON);
	ck_assert_int_eq(note(&f, plan_id, item, "2026-11-15", 0, 6, NULL, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, MON_F_ITEM);
	ck_assert_int_eq(note(&f, plan_id, item, "2026-11-15", 1, 5, "2026-11-15", &e), CD_EINVAL);
	ck_assert_int_eq(e.field, MON_F_NEXT);
	ck_assert_int_eq(note(&f, plan_id, item, "2026-11-15", 1, 5, "2026-12-15", &e), CD_OK);
	ck_assert_int_eq(absence_alerts(f.db, &f.anna, plan_id, &alerts, &n), CD_OK);
	ck_assert_uint_eq(n, 0);
	free(alerts);
	ck_assert_int_eq(note(&f, plan_id, item, "2026-11-20", 2, 3, NULL, &e), CD_OK);
	ck_assert_int_eq(item_absences(f.db, item), 3);
	/* three absences (the default limit) prompt ending the service */
	ck_assert_int_eq(absence_alerts(f.db, &f.anna, plan_id, &alerts, &n), CD_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(alerts[0], item);
	free(alerts);
	ck_assert_int_eq(setting_set(f.db, "absence_limit", "4"), CD_OK);
	ck_assert_int_eq(absence_alerts(f.db, &f.anna, plan_id, &alerts, &n), CD_OK);
	ck_assert_uint_eq(n, 0);
	free(alerts);
	ck_assert_int_eq(monitoring_list(f.db, &f.director, plan_id, &l, &n), CD_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(l[0].held_on, "2026-11-15");
	ck_assert_uint_eq(l[1].nchecks, 1);
	ck_assert_int_eq(l[1].checks[0].absences, 2);
	ck_assert_double_eq_tol(l[1].checks[0].ordered, 8.7, 1e-9);
	ck_assert_str_eq(l[1].checks[0].service_name, "Usługi opiekuńcze");
	/* the second note corrected: one absence, not two; the first note stays
	 * readable, its check superseded (absences are not counted twice) */
	{
		struct monitoring_note c = l[1], again;
		c.checks = NULL;
		c.nchecks = 0;
		c.id = 0;
		c.corrects_id = l[1].id;
		str_copy(c.text, sizeof(c.text), "Poprawka: jedna nieobecność, nie dwie.");
		monitoring_add_check(&c, item)->absences = 1;
		ck_assert_int_eq(monitoring_add(f.db, &f.anna, &c, &e), CD_OK);
		ck_assert_int_eq(item_absences(f.db, item), 2);
		/* it is corrected once: a second correction of it is refused */
		again = c;
		again.checks = NULL;
		again.nchecks = 0;
		again.id = 0;
		ck_assert_int_eq(monitoring_add(f.db, &f.anna, &again, &e), CD_EINVAL);
		monitoring_note_release(&again);
		monitoring_note_release(&c);
	}
	monitoring_list_free(l, n);
	ck_assert_int_eq(monitoring_list(f.db, &f.director, plan_id, &l, &n), CD_OK);
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(l[1].corrected_by, l[2].id);
	ck_assert_int_eq(l[2].corrects_id, l[1].id);
	ck_assert_int_eq(l[1].checks[0].absences, 2);       /* as it was written */
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM audit_log WHERE action = "
				   "'monitoring.correct'"), 1);
	monitoring_list_free(l, n);
	ck_assert_int_eq(monitoring_list(f.db, &f.pawel, plan_id, &l, &n), CD_EPERM);
	fx_close(&f);
}
END_TEST

/* Absences are recorded each with its day, excused (with the reason) or
 * not; only unexcused ones count toward the limit (absence_limit 3). */
START_TEST(only_unexcused_absences_count)
{
	struct fx f;
	struct monitoring_note m, *l;
	struct item_check *c;
	struct fielderr e;
	int64_t item, plan_id, *alerts;
	size_t n;

	fx_open(&f);
	plan_id = running_plan(&f, "2026-11-10", "2027-05-31", &item);
	monitoring_note_init(&m, plan_id);
	str_copy(m.held_on, sizeof(m.held_on), "2026-11-20");
	str_copy(m.kind, sizeof(m.kind), "phone");
	str_copy(m.text, sizeof(m.text), "Trzy nieobecności, jedna usprawiedliwiona.");
	c = monitoring_add_check(&m, item);
	str_copy(c->abs[0].on, sizeof(c->abs[0].on), "2026-11-12");
	str_copy(c->abs[1].on, sizeof(c->abs[1].on), "2026-11-14");
	str_copy(c->abs[2].on, sizeof(c->abs[2].on), "2026-11-17");
	c->abs[2].excused = true;                 /* no reason yet: refused */
	c->nabs = 3;
	ck_assert_int_eq(monitoring_add(f.db, &f.anna, &m, &e), CD_EINVAL);
	ck_assert_ptr_nonnull(strstr(e.msg, "needs its reason"));
	str_copy(c->abs[2].reason, sizeof(c->abs[2].reason), "zwolnienie lekarskie");
	str_copy(c->abs[1].on, sizeof(c->abs[1].on), "2026-11-30");   /* the future */
	ck_assert_int_eq(monitoring_add(f.db, &f.anna, &m, &e), CD_EINVAL);
	str_copy(c->abs[1].on, sizeof(c->abs[1].on), "2026-11-14");
	ck_assert_int_eq(monitoring_add(f.db, &f.anna, &m, &e), CD_OK);
	/* two unexcused, one excused: under the limit of three */
	ck_assert_int_eq(item_absences(f.db, item), 2);
	ck_assert_int_eq(item_absences_excused(f.db, item), 1);
	ck_assert_int_eq(absence_alerts(f.db, &f.anna, plan_id, &alerts, &n), CD_OK);
	ck_assert_uint_eq(n, 0);
	free(alerts);
	ck_assert_int_eq(monitoring_list(f.db, &f.anna, plan_id, &l, &n), CD_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(l[0].checks[0].nabs, 3);
	ck_assert_str_eq(l[0].checks[0].abs[2].on, "2026-11-17");
	ck_assert(l[0].checks[0].abs[2].excused);
	ck_assert_str_eq(l[0].checks[0].abs[2].reason, "zwolnienie lekarskie");
	monitoring_list_free(l, n);
	monitoring_note_release(&m);
	fx_close(&f);
}
END_TEST

START_TEST(absences_follow_an_item_across_updates)
{
	struct fx f;
	struct plan_version v2;
	struct fielderr e;
	int64_t item, plan_id, v2_id;

	fx_open(&f);
	plan_id = running_plan(&f, "2026-11-10", "2027-05-31", &item);
	ck_assert_int_eq(note(&f, plan_id, item, "2026-11-15", 2, 4, NULL, &e), CD_OK);
	ck_assert_int_eq(plan_update(f.db, &f.anna, plan_id, "person_request", "", &v2_id, &e),
			 CD_OK);
	ck_assert_int_eq(plan_version_get(f.db, &f.anna, v2_id, &v2), CD_OK);
	str_copy(v2.agreed_on, sizeof(v2.agreed_on), TEST_TODAY);
	ck_assert_int_eq(plan_save(f.db, &f.anna, &v2, NULL, NULL, &e), CD_OK);
	ck_assert_int_eq(plan_submit(f.db, &f.anna, v2_id, &e), CD_OK);
	ck_assert_int_eq(plan_approve(f.db, &f.director, v2_id, &today, &e), CD_OK);
	plan_version_release(&v2);
	ck_assert_int_eq(plan_current(f.db, &f.anna, plan_id, &v2), CD_OK);
	ck_assert_int_eq(note(&f, plan_id, v2.items[0].id, "2026-11-21", 1, 4, NULL, &e), CD_OK);
	ck_assert_int_eq(item_absences(f.db, v2.items[0].id), 3);
	plan_version_release(&v2);
	fx_close(&f);
}
END_TEST

START_TEST(resignation_and_ending)
{
	struct fx f;
	struct plan_version cur;
	struct fielderr e;
	int64_t item, plan_id;

	fx_open(&f);
	plan_id = running_plan(&f, "2026-11-10", "2027-05-31", &item);
	ck_assert_int_eq(item_end(f.db, &f.anna, item, "2026-11-20", "", &e), CD_EINVAL);
	/* a reason is free text: no escape bytes, no more than declared */
	ck_assert_int_eq(item_end(f.db, &f.anna, item, "2026-11-20", "koniec\x1b[2J", &e), CD_EINVAL);
	ck_assert_str_eq(e.msg, "Reason: has a control character (code 27); remove it");
	{
		char longer[TEXT_REASON_MAX + 2];
		memset(longer, 'a', TEXT_REASON_MAX + 1);
		longer[TEXT_REASON_MAX + 1] = '\0';
		ck_assert_int_eq(item_end(f.db, &f.anna, item, "2026-11-20", longer, &e), CD_EINVAL);
		ck_assert_str_eq(e.msg, "Reason: too long, at most 299 bytes (a Polish letter takes 2)");
		ck_assert_int_eq(resignation_add(f.db, &f.anna, plan_id, item, "2026-11-20", longer,
						 true, &e), CD_EINVAL);
	}
	ck_assert_int_eq(resignation_add(f.db, &f.anna, plan_id, item, "2026-11-20", "zle \xc5",
					 true, &e), CD_EINVAL);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM resignation"), 0);
	ck_assert_int_eq(resignation_add(f.db, &f.anna, plan_id, item, "2026-11-23", "x", true, &e),
			 CD_EINVAL);                                  /* future */
	ck_assert_int_eq(resignation_add(f.db, &f.anna, plan_id, item, "2026-11-20",
					 "\tprzeprowadzka do córki ", true, &e), CD_OK);
	ck_assert_int_eq(plan_current(f.db, &f.anna, plan_id, &cur), CD_OK);
	ck_assert_str_eq(cur.items[0].ended_on, "2026-11-20");
	ck_assert_str_eq(cur.items[0].end_reason, "resignation: przeprowadzka do córki");
	plan_version_release(&cur);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM resignation WHERE written = 1"), 1);
	fx_close(&f);
}
END_TEST

START_TEST(closing_with_description_and_followup)
{
	struct fx f;
	struct closing c, got;
	struct fielderr e;
	struct request r;
	char *draft;
	int64_t item, plan_id, v2;

	fx_open(&f);
	plan_id = running_plan(&f, "2026-11-10", "2027-05-31", &item);
	ck_assert_int_eq(note(&f, plan_id, item, "2026-11-15", 1, 4, NULL, &e), CD_OK);
	ck_assert_int_eq(note(&f, plan_id, item, "2026-11-20", 0, 5, NULL, &e), CD_OK);
	memset(&c, 0, sizeof(c));
	c.plan_id = plan_id;
	str_copy(c.conversation_on, sizeof(c.conversation_on), "2026-11-21");
	str_copy(c.person_view, sizeof(c.person_view), "Opiekunka bardzo pomogła.");
	str_copy(c.changes, sizeof(c.changes), "Sama robi zakupy w sklepie obok.");
	str_copy(c.goals_met, sizeof(c.goals_met), "Tak.");
	draft = closing_draft(f.db, &f.anna, &c);
	ck_assert_ptr_nonnull(strstr(draft, "2026-11-10"));
	ck_assert_ptr_nonnull(strstr(draft, "Usługi opiekuńcze (Stowarzyszenie „Razem”)"));
	ck_assert_ptr_nonnull(strstr(draft, "1 absence"));
	ck_assert_ptr_nonnull(strstr(draft, "Monitoring: 2 contacts, from 2026-11-15 to 2026-11-20"));
	ck_assert_ptr_nonnull(strstr(draft, "Average satisfaction with the services: 4.5 of 5"));
	ck_assert_ptr_nonnull(strstr(draft, "Sama robi zakupy w sklepie obok."));
	ck_assert_ptr_nonnull(strstr(draft, "Samodzielne zakupy."));
	/* the coordinator edits the draft */
	str_copy(c.description, sizeof(c.description), draft);
	free(draft);
	str_copy(c.reason, sizeof(c.reason), "goals_achieved");
	str_copy(c.closed_on, sizeof(c.closed_on), "2026-11-20");
	ck_assert_int_eq(closing_save(f.db, &f.anna, &c, &e), CD_EINVAL);   /* before the talk */
	ck_assert_int_eq(e.field, CLOSE_F_CLOSED_ON);
	str_copy(c.closed_on, sizeof(c.closed_on), TEST_TODAY);
	str_copy(c.reason, sizeof(c.reason), "bored");
	ck_assert_int_eq(closing_save(f.db, &f.anna, &c, &e), CD_EINVAL);
	str_copy(c.reason, sizeof(c.reason), "goals_achieved");
	ck_assert_int_eq(closing_save(f.db, &f.pawel, &c, &e), CD_EPERM);
	ck_assert_int_eq(closing_save(f.db, &f.anna, &c, &e), CD_OK);
	ck_assert_str_eq(c.followup_due, "2027-05-22");                     /* + 6 months */
	request_get(f.db, &f.anna, f.request, &r);
	ck_assert_str_eq(r.status, "closed");
	/* closed: no more notes, updates or a second closing */
	ck_assert_int_eq(note(&f, plan_id, item, TEST_TODAY, 0, 5, NULL, &e), CD_EINVAL);
	ck_assert_int_eq(plan_update(f.db, &f.anna, plan_id, "other", "x", &v2, &e), CD_EINVAL);
	/* a second closing (another desk's form, read before): told who */
	ck_assert_int_eq(closing_save(f.db, &f.anna, &c, &e), CD_ECONFLICT);
	ck_assert_ptr_nonnull(strstr(e.msg, "anna"));
	ck_assert_int_eq(closing_save(f.db, &f.pawel, &c, &e), CD_EPERM);
	ck_assert_int_eq(closing_get(f.db, &f.anna, plan_id, &got), CD_OK);
	ck_assert_ptr_nonnull(strstr(got.description, "Sama robi zakupy"));
	ck_assert_int_eq(followup_record(f.db, &f.anna, plan_id, TEST_TODAY, "", &e), CD_EINVAL);
	ck_assert_int_eq(followup_record(f.db, &f.anna, plan_id, TEST_TODAY, "zle \x1b[0m", &e),
			 CD_EINVAL);
	ck_assert_int_eq(e.field, CLOSE_F_FOLLOWUP);
	ck_assert_int_eq(followup_record(f.db, &f.anna, plan_id, TEST_TODAY,
					 "Radzi sobie, bez nowych potrzeb.", &e), CD_OK);
	{
		/* a second desk, on the case read before, records its own: refused,
		 * the first stays */
		struct cd_db *other = NULL;
		char *err = NULL;
		ck_assert_int_eq(db_open(db_path(f.db), DB_OPEN_EXISTING, &other, &err), CD_OK);
		ck_assert_int_eq(followup_record(other, &f.anna, plan_id, TEST_TODAY,
						 "Inny opis.", &e), CD_ECONFLICT);
		ck_assert_int_eq(e.field, CLOSE_F_FOLLOWUP);
		ck_assert_ptr_nonnull(strstr(e.msg, "recorded by anna"));
		db_close(&other);
		ck_assert_int_eq(closing_get(f.db, &f.anna, plan_id, &got), CD_OK);
		ck_assert_str_eq(got.followup_note, "Radzi sobie, bez nowych potrzeb.");
	}
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM plan_item WHERE ended_on IS NULL"), 0);
	fx_close(&f);
}
END_TEST

static bool has(struct wl_item *w, size_t n, enum wl_kind k, long days)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (w[i].kind == k && w[i].days_left == days)
			return true;
	return false;
}

START_TEST(worklist_counts_down_and_orders_by_urgency)
{
	struct fx f;
	struct wl_item *w;
	struct assessment as;
	struct fielderr e;
	struct date d;
	size_t n, i;
	int64_t item, plan_id, other;

	fx_open(&f);
	/* a request filed on 2026-11-02 waits for its assessment: due in 10 days */
	ck_assert_int_eq(worklist(f.db, &f.anna, &today, &w, &n), CD_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(w[0].kind, WL_ASSESSMENT);
	ck_assert_str_eq(w[0].due, "2026-12-02");
	ck_assert_int_eq(w[0].days_left, 10);
	free(w);
	/* not on Paweł's list; reception has none */
	ck_assert_int_eq(worklist(f.db, &f.pawel, &today, &w, &n), CD_OK);
	ck_assert_uint_eq(n, 0);
	free(w);
	ck_assert_int_eq(worklist(f.db, &f.recep, &today, &w, &n), CD_EPERM);
	/* an older request, qualified, plan overdue */
	other = file_request(&f, "Stefania", "2026-10-01", f.anna.user_id);
	qualify(&f, other);
	ck_assert_int_eq(worklist(f.db, &f.anna, &today, &w, &n), CD_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(w[0].kind, WL_PLAN_DUE);       /* the most urgent first */
	ck_assert_int_eq(w[0].days_left, -22);
	free(w);
	/* a running plan: approval, then provider contact, review, ending */
	assessment_init(&as, f.request);
	(void)as;
	plan_id = running_plan(&f, "2026-09-01", "2027-01-31", &item);
	ck_assert_int_eq(worklist(f.db, &f.director, &today, &w, &n), CD_OK);
	ck_assert_uint_eq(n, 0);                         /* approved already */
	free(w);
	date_parse("2026-12-10", &d);                    /* 18 days after the order */
	ck_assert_int_eq(worklist(f.db, &f.anna, &d, &w, &n), CD_OK);
	ck_assert(has(w, n, WL_PROVIDER_CONTACT, -4));   /* due 2026-12-06 */
	ck_assert(has(w, n, WL_REVIEW, -9));             /* 2026-09-01 + 3 months */
	ck_assert(!has(w, n, WL_PLAN_ENDING, 52));       /* ends 2027-01-31: not yet */
	for (i = 1; i < n; i++)
		ck_assert_int_le(w[i - 1].days_left, w[i].days_left);
	free(w);
	date_parse("2027-01-05", &d);
	ck_assert_int_eq(worklist(f.db, &f.anna, &d, &w, &n), CD_OK);
	ck_assert(has(w, n, WL_PLAN_ENDING, 26));        /* within 30 days */
	free(w);
	date_parse("2026-12-10", &d);
	ck_assert_int_eq(plan_order_contact(f.db, &f.anna, item, TEST_TODAY, &e), CD_OK);
	ck_assert_int_eq(note(&f, plan_id, item, TEST_TODAY, 3, 4, "2026-12-12", &e), CD_OK);
	ck_assert_int_eq(worklist(f.db, &f.anna, &d, &w, &n), CD_OK);
	ck_assert(!has(w, n, WL_PROVIDER_CONTACT, -4));
	ck_assert(!has(w, n, WL_REVIEW, -9));
	ck_assert(has(w, n, WL_NEXT_CONTACT, 2));
	ck_assert(has(w, n, WL_ABSENCES, 0));
	free(w);
	fx_close(&f);
}
END_TEST

START_TEST(worklist_for_approvers)
{
	struct fx f;
	struct plan_version v;
	struct plan_item *it;
	struct wl_item *w;
	struct fielderr e;
	size_t n;

	fx_open(&f);
	/* a centre started today: no meeting or summary due yet */
	ck_assert_int_eq(setting_set(f.db, "centre_started", TEST_TODAY), CD_OK);
	qualify(&f, f.request);
	plan_version_init(&v);
	str_copy(v.period_from, sizeof(v.period_from), "2026-12-01");
	str_copy(v.period_to, sizeof(v.period_to), "2027-05-31");
	str_copy(v.agreed_on, sizeof(v.agreed_on), TEST_TODAY);
	it = plan_add_item(&v);
	it->programme_id = f.programme;
	it->service_id = f.care;
	it->provider_id = f.provider;
	str_copy(it->starts_on, sizeof(it->starts_on), "2026-12-01");
	str_copy(it->ends_on, sizeof(it->ends_on), "2027-05-31");
	it->amount = 2;
	ck_assert_int_eq(plan_create(f.db, &f.anna, f.request, &v, &e), CD_OK);
	ck_assert_int_eq(plan_submit(f.db, &f.anna, v.id, &e), CD_OK);
	ck_assert_int_eq(worklist(f.db, &f.director, &today, &w, &n), CD_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(w[0].kind, WL_APPROVAL);
	ck_assert_str_eq(w[0].person, "Łęcka Jadwiga");
	free(w);
	/* an organiser only with a valid authorisation */
	ck_assert_int_eq(worklist(f.db, &f.organiser, &today, &w, &n), CD_OK);
	ck_assert_uint_eq(n, 0);
	free(w);
	ck_assert_int_eq(authorisation_grant(f.db, &f.director, f.organiser.user_id,
					     "2026-11-01", "2026-12-31", &e), CD_OK);
	ck_assert_int_eq(worklist(f.db, &f.organiser, &today, &w, &n), CD_OK);
	ck_assert_uint_eq(n, 1);
	free(w);
	ck_assert_str_eq(wl_kind_code(WL_APPROVAL), "approval");
	plan_version_release(&v);
	fx_close(&f);
}
END_TEST

START_TEST(drafts_keep_typed_text)
{
	struct fx f;
	struct draft_form *df;
	size_t n;
	int64_t item, plan_id;
	char at[24], key[64], *t;

	fx_open(&f);
	plan_id = running_plan(&f, "2026-11-01", "2027-04-30", &item);
	snprintf(key, sizeof(key), "closing:%lld:705", (long long)plan_id);
	ck_assert_int_eq(draft_save(f.db, f.anna.user_id, key, "Mówi, że jest lepiej."), CD_OK);
	ck_assert_int_eq(draft_save(f.db, f.anna.user_id, key, "Mówi, że jest dużo lepiej."),
			 CD_OK);
	t = draft_get(f.db, f.anna.user_id, key, at);
	ck_assert_str_eq(t, "Mówi, że jest dużo lepiej.");
	ck_assert_int_eq(strncmp(at, TEST_TODAY, 10), 0);     /* the program's clock */
	free(t);
	/* another user's draft of the same form is theirs */
	ck_assert_ptr_null(draft_get(f.db, f.pawel.user_id, key, NULL));
	snprintf(key, sizeof(key), "assessment:%lld:care:304", (long long)f.request);
	ck_assert_int_eq(draft_save(f.db, f.anna.user_id, key, "Po udarze."), CD_OK);
	snprintf(key, sizeof(key), "assessment:%lld:care:305", (long long)f.request);
	ck_assert_int_eq(draft_save(f.db, f.anna.user_id, key, "Zakupy."), CD_OK);
	/* after a crash: the forms with unsaved text, one entry a form */
	ck_assert_int_eq(draft_forms(f.db, f.anna.user_id, &df, &n), CD_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(df[0].request_id, f.request);
	ck_assert_int_eq(df[1].request_id, f.request);
	ck_assert_str_eq(df[0].person, "Łęcka Jadwiga");
	ck_assert(!strcmp(df[0].form, "closing") || !strcmp(df[1].form, "closing"));
	free(df);
	/* saving the form clears its drafts */
	snprintf(key, sizeof(key), "assessment:%lld:", (long long)f.request);
	ck_assert_int_eq(draft_clear_prefix(f.db, f.anna.user_id, key), CD_OK);
	ck_assert_int_eq(draft_count(f.db, f.anna.user_id), 1);
	ck_assert_int_eq(draft_forms(f.db, f.pawel.user_id, &df, &n), CD_OK);
	ck_assert_uint_eq(n, 0);
	free(df);
	fx_close(&f);
}
END_TEST

Suite *suite_monitoring(void)
{
	Suite *s = suite_create("monitoring");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 30);
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, monitoring_notes_and_absences);
	tcase_add_test(tc, absences_follow_an_item_across_updates);
	tcase_add_test(tc, only_unexcused_absences_count);
	tcase_add_test(tc, resignation_and_ending);
	tcase_add_test(tc, closing_with_description_and_followup);
	tcase_add_test(tc, worklist_counts_down_and_orders_by_urgency);
	tcase_add_test(tc, worklist_for_approvers);
	tcase_add_test(tc, drafts_keep_typed_text);
	suite_add_tcase(s, tc);
	return s;
}
