/* test_report.c - the quarterly report to the ministry on a fixture with
 * known answers: a person served in two quarters counts once in the
 * cumulative figure. */
#include "testutil.h"
#include "casepath.h"
#include "assessment.h"
#include "plan.h"
#include "report.h"
#include "meeting.h"
#include "casefile.h"
#include "request.h"
#include "summary.h"
#include "worklist.h"
#include "dbint.h"

#include <stdlib.h>
#include <string.h>


START_TEST(quarterly_counts_persons_once)
{
	struct fx f;
	struct quarterly_report r;
	struct fielderr e;
	char *csv;

	fx_open(&f);
	ck_assert_int_eq(setting_set(f.db, "centre_started", "2026-07-01"), CD_OK);
	fx_served(&f, "Anna", "2026-07-20", "2026-08-01", "2026-12-31", false);   /* Q3 and Q4 */
	fx_served(&f, "Beata", "2026-10-01", "2026-10-15", "2026-11-30", true);

	ck_assert_int_eq(report_quarterly(f.db, &f.recep, "2026Q4", &r, &e), CD_EPERM);
	ck_assert_int_eq(report_quarterly(f.db, &f.organiser, "2026Q5", &r, &e), CD_EINVAL);
	ck_assert_str_eq(e.msg, "Quarter: write it like 2026Q4");
	ck_assert_int_eq(report_quarterly(f.db, &f.organiser, "2026Q2", &r, &e), CD_EINVAL);

	ck_assert_int_eq(report_quarterly(f.db, &f.director, "2026Q3", &r, &e), CD_OK);
	ck_assert_str_eq(r.from, "2026-07-01");
	ck_assert_str_eq(r.to, "2026-09-30");
	ck_assert_int_eq(report_row_of(&r, "area04")->period, 1);
	ck_assert_int_eq(report_row_of(&r, "area04")->total, 1);
	ck_assert_int_eq(r.plans_period, 1);
	ck_assert_int_eq(report_row_of(&r, "volunteering")->period, 0);
	quarterly_report_release(&r);

	ck_assert_int_eq(report_quarterly(f.db, &f.organiser, "2026Q4", &r, &e), CD_OK);
	ck_assert_int_eq(report_row_of(&r, "area04")->period, 2);
	ck_assert_int_eq(report_row_of(&r, "area04")->total, 2);   /* not 1 + 2 */
	ck_assert_int_eq(report_row_of(&r, "area06")->period, 0);
	ck_assert_int_eq(report_row_of(&r, "volunteering")->period, 1);
	ck_assert_int_eq(report_row_of(&r, "volunteering")->total, 1);
	ck_assert_int_eq(r.plans_period, 1);
	ck_assert_int_eq(r.plans_total, 2);
	ck_assert_int_eq(r.persons_period, 2);
	ck_assert_int_eq(r.persons_total, 2);
	csv = quarterly_report_format(&r, true);
	ck_assert_ptr_nonnull(strstr(csv, ";service;2;2\r\n"));
	free(csv);
	quarterly_report_release(&r);
	fx_close(&f);
}
END_TEST

START_TEST(quarters_parse)
{
	char from[11], to[11];

	ck_assert(quarter_parse("2027Q1", from, to));
	ck_assert_str_eq(from, "2027-01-01");
	ck_assert_str_eq(to, "2027-03-31");
	ck_assert(quarter_parse("2026Q2", from, to));
	ck_assert_str_eq(to, "2026-06-30");
	ck_assert(!quarter_parse("2026Q0", from, to));
	ck_assert(!quarter_parse("2026-Q1", from, to));
	ck_assert(!quarter_parse("2026Q12", from, to));
	ck_assert(!quarter_parse("", from, to));
}
END_TEST

static bool meeting_due_on(struct fx *f, const struct actor *a, const char *day, long *days)
{
	struct wl_item *w;
	struct date d;
	size_t n, i;
	bool found = false;

	date_parse(day, &d);
	ck_assert_int_eq(worklist(f->db, a, &d, &w, &n), CD_OK);
	for (i = 0; i < n; i++)
		if (w[i].kind == WL_MEETING) {
			found = true;
			*days = w[i].days_left;
		}
	free(w);
	return found;
}

START_TEST(meetings_every_three_months)
{
	struct fx f;
	struct meeting m, *l;
	struct fielderr e;
	struct date today, due;
	size_t n;
	long days = 0;

	fx_open(&f);
	ck_assert_int_eq(setting_set(f.db, "centre_started", "2026-06-01"), CD_OK);
	/* never held: due three months after the start, on the organiser's list */
	ck_assert(meeting_due_on(&f, &f.organiser, TEST_TODAY, &days));
	ck_assert_int_eq(days, -82);                       /* 2026-09-01 */
	ck_assert(!meeting_due_on(&f, &f.anna, TEST_TODAY, &days));   /* not a coordinator's */
	meeting_init(&m);
	ck_assert_str_eq(m.held_on, TEST_TODAY);
	ck_assert_int_eq(meeting_save(f.db, &f.organiser, &m, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, MEET_F_ATTENDEES);
	str_copy(m.attendees, sizeof(m.attendees), "Anna Wiśniewska, Paweł Żak, Tomasz Łęcki");
	str_copy(m.held_on, sizeof(m.held_on), "2026-11-23");
	ck_assert_int_eq(meeting_save(f.db, &f.organiser, &m, &e), CD_EINVAL);   /* future */
	ck_assert_int_eq(e.field, MEET_F_HELD_ON);
	str_copy(m.held_on, sizeof(m.held_on), "2026-11-10");
	ck_assert_int_eq(meeting_save(f.db, &f.anna, &m, &e), CD_EPERM);         /* a coordinator */
	str_copy(m.notes, sizeof(m.notes), "ustalenia \x1b[1m");     /* never stored raw */
	ck_assert_int_eq(meeting_save(f.db, &f.organiser, &m, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, MEET_F_NOTES);
	m.notes[0] = '\0';
	ck_assert_int_eq(meeting_save(f.db, &f.organiser, &m, &e), CD_OK);
	ck_assert_int_eq(meeting_list(f.db, &f.anna, &l, &n), CD_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(l[0].attendees, "Anna Wiśniewska, Paweł Żak, Tomasz Łęcki");
	meeting_list_free(l, n);
	date_today(&today);
	ck_assert(meeting_next_due(f.db, &today, &due));
	ck_assert_int_eq(due.m, 2);
	ck_assert_int_eq(due.d, 10);
	/* held: off the list until two weeks before the next one */
	ck_assert(!meeting_due_on(&f, &f.organiser, TEST_TODAY, &days));
	ck_assert(meeting_due_on(&f, &f.organiser, "2027-01-27", &days));
	ck_assert_int_eq(days, 14);
	/* a meeting dated in the future (an old record) does not move the
	 * next due date: three months from the last one held (2026-11-10) */
	ck_assert_int_eq(db_exec(f.db, "INSERT INTO meeting(held_on, attendees) VALUES "
				 "('2027-03-01', 'przyszłe')"), CD_OK);
	ck_assert(meeting_next_due(f.db, &today, &due));
	{
		struct date held, want;
		date_parse("2026-11-10", &held);
		date_add_months(&held, MEETING_EVERY_MONTHS, &want);
		ck_assert_int_eq(date_cmp(&due, &want), 0);
	}
	meeting_release(&m);
	fx_close(&f);
}
END_TEST

START_TEST(half_year_summary_from_the_record)
{
	struct fx f;
	struct fielderr e;
	struct summary *l;
	struct date due;
	char *t;
	size_t n;
	int64_t id;
	long days;
	int64_t beata;

	fx_open(&f);
	ck_assert_int_eq(setting_set(f.db, "centre_started", "2026-01-01"), CD_OK);
	fx_served(&f, "Anna", "2026-07-20", "2026-08-01", "2026-12-31", false);
	beata = fx_served(&f, "Beata", "2026-10-01", "2026-10-15", "2026-11-30", true);
	/* Beata's plan was submitted on day 19 (on time), approved on day 52 */
	ck_assert_int_eq(db_exec(f.db, "UPDATE plan_version SET submitted_at = '2026-10-20 09:00:00' "
				 "WHERE plan_id IN (SELECT p.id FROM plan p JOIN request r ON r.id = "
				 "p.request_id WHERE r.filed_on = '2026-10-01')"), CD_OK);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM plan_version WHERE submitted_at = "
				   "'2026-10-20 09:00:00'"), 1);
	ck_assert_int_eq(summary_figures(f.db, &f.anna, "2026-06-01", "2026-11-22", false, &t, &e),
			 CD_EPERM);
	ck_assert_int_eq(summary_figures(f.db, &f.organiser, "2026-11-30", "2026-06-01", false, &t,
					 &e), CD_EINVAL);
	ck_assert_int_eq(e.field, SUM_F_TO);
	ck_assert_int_eq(summary_figures(f.db, &f.organiser, "2026-06-01", "2026-11-22", false, &t,
					 &e), CD_OK);
	ck_assert_ptr_nonnull(strstr(t, "plans started: 2\n"));
	ck_assert_ptr_nonnull(strstr(t, "plans active: 2\n"));
	ck_assert_ptr_nonnull(strstr(t, "plans approved: 2\n"));
	/* both were approved on 2026-11-22: 125 and 52 days after the request */
	ck_assert_ptr_nonnull(strstr(t, "days on average: 89\n"));
	/* late is the submission's (art. 40): one; the approval's time apart: two */
	ck_assert_ptr_nonnull(strstr(t, "submitted after the 30 days of art. 40: 1\n"));
	ck_assert_ptr_nonnull(strstr(t, "approved more than 30 days after the request: 2\n"));
	{
		/* the case says it was submitted in time and approved on day 52 */
		struct case_view cv;
		struct case_line *cl;
		size_t ncl, q;
		bool said = false;
		struct date now;
		date_parse(TEST_TODAY, &now);
		ck_assert_int_eq(case_load(f.db, &f.organiser, beata, &cv), CD_OK);
		ck_assert_int_eq(case_timeline(f.db, &f.organiser, &cv, &now, &cl, &ncl), CD_OK);
		for (q = 0; q < ncl; q++)
			said = said || strstr(cl[q].text, "submitted on day 19 after the request (within "
						  "the 30 days), approved on day 52");
		ck_assert(said);
		case_lines_free(cl, ncl);
		case_release(&cv);
	}
	ck_assert_ptr_nonnull(strstr(t, "Usługi opiekuńcze: 2 persons"));
	free(t);
	ck_assert_int_eq(summary_figures(f.db, &f.director, "2026-06-01", "2026-11-22", true, &t,
					 &e), CD_OK);
	ck_assert_ptr_nonnull(strstr(t, "Plans (IPUS);plans started;2\r\n"));
	free(t);
	/* due six months after the start, then after the last summary */
	ck_assert(!summary_next_due(f.db, &due));
	ck_assert_int_eq(due.m, 7);
	ck_assert(meeting_due_on(&f, &f.organiser, TEST_TODAY, &days));   /* the meeting */
	ck_assert_int_eq(summary_save(f.db, &f.organiser, "2026-06-01", "2026-11-22",
				      "Brakuje\x1b dowozów.", &id, &e), CD_EINVAL);
	{
		char *longer = xcalloc(SUMMARY_NARRATIVE_MAX + 2, 1);
		memset(longer, 'a', SUMMARY_NARRATIVE_MAX + 1);
		ck_assert_int_eq(summary_save(f.db, &f.organiser, "2026-06-01", "2026-11-22",
					      longer, &id, &e), CD_EINVAL);
		free(longer);
	}
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM summary"), 0);
	ck_assert_int_eq(summary_save(f.db, &f.organiser, "2026-06-01", "2026-11-22",
				      "Brakuje dowozów; rośnie lista oczekujących.", &id, &e), CD_OK);
	ck_assert_int_eq(summary_list(f.db, &f.director, &l, &n), CD_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(l[0].narrative, "Brakuje dowozów; rośnie lista oczekujących.");
	ck_assert_ptr_nonnull(strstr(l[0].figures, "plans started: 2"));
	summary_list_free(l, n);
	ck_assert(summary_next_due(f.db, &due));
	ck_assert_int_eq(due.y, 2027);
	ck_assert_int_eq(due.m, 5);
	/* a summary covers a past period (art. 46 ust. 1): not one ending after
	 * the day it is written */
	ck_assert_int_eq(summary_save(f.db, &f.organiser, "2026-06-01", "2026-12-31", "x", &id, &e),
			 CD_EINVAL);
	ck_assert_ptr_nonnull(strstr(e.msg, TEST_TODAY));
	/* one from before the rule, written on 2026-07-05 "for" the year: the
	 * next is due six months after what it actually summed up, the day it
	 * was written (2026-07-05 + 6 months), not after 2026-12-31 */
	ck_assert_int_eq(db_exec(f.db, "DELETE FROM summary; INSERT INTO summary(period_from, "
				 "period_to, figures, narrative, created_on) VALUES ('2026-01-01', "
				 "'2026-12-31', '', '', '2026-07-05')"), CD_OK);
	ck_assert(summary_next_due(f.db, &due));
	{
		struct date written, want;
		date_parse("2026-07-05", &written);
		date_add_months(&written, SUMMARY_EVERY_MONTHS, &want);
		ck_assert_int_eq(date_cmp(&due, &want), 0);
	}
	fx_close(&f);
}
END_TEST

static void quiet(const char *msg)
{
	(void)msg;
}

/* A section that cannot be counted fails the whole summary: it is never
 * printed or stored with a part missing. */
START_TEST(summary_fails_when_a_section_fails)
{
	struct fx f;
	struct fielderr e;
	char *t = (char *)1;
	int64_t id = 0;

	fx_open(&f);
	ck_assert_int_eq(db_exec(f.db, "DROP TABLE resignation"), CD_OK);
	db_log_hook = quiet;
	ck_assert_int_eq(summary_figures(f.db, &f.organiser, "2026-06-01", "2026-11-22", false, &t,
					 &e), CD_EDB);
	ck_assert_ptr_null(t);
	ck_assert_ptr_nonnull(strstr(e.msg, "every section"));
	ck_assert_int_eq(summary_save(f.db, &f.organiser, "2026-06-01", "2026-11-22", "x", &id, &e),
			 CD_EDB);
	db_log_hook = NULL;
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM summary"), 0);
	fx_close(&f);
}
END_TEST

START_TEST(caseload_and_handover)
{
	struct fx f;
	struct caseload *c;
	struct fielderr e;
	struct request r;
	size_t n, i;
	long moved, anna = -1, pawel = -1;

	fx_open(&f);
	file_request(&f, "Celina", "2026-11-05", f.anna.user_id);
	file_request(&f, "Dorota", "2026-11-06", f.pawel.user_id);
	{
		/* counts only: whoever assigns cases sees them, the admin does not */
		struct actor adm = tactor(ROLE_ADMIN);
		adm.user_id = 4242;           /* a real login, not the host's system */
		ck_assert_int_eq(caseload(f.db, &adm, &c, &n), CD_EPERM);
		ck_assert_int_eq(caseload(f.db, &f.recep, &c, &n), CD_OK);
		free(c);
	}
	ck_assert_int_eq(caseload(f.db, &f.organiser, &c, &n), CD_OK);
	for (i = 0; i < n; i++) {
		if (c[i].user_id == f.anna.user_id)
			anna = c[i].open_cases;
		if (c[i].user_id == f.pawel.user_id)
			pawel = c[i].open_cases;
	}
	ck_assert_int_eq(anna, 2);
	ck_assert_int_eq(pawel, 1);
	free(c);
	/* Anna leaves: her cases go to Paweł, recorded */
	ck_assert_int_eq(case_reassign_all(f.db, &f.anna, f.anna.user_id, f.pawel.user_id,
					   "urlop macierzyński", &moved, &e), CD_EINVAL);
	ck_assert_int_eq(case_reassign_all(f.db, &f.organiser, f.anna.user_id, f.pawel.user_id,
					   "", &moved, &e), CD_EINVAL);
	ck_assert_int_eq(case_reassign_all(f.db, &f.organiser, f.anna.user_id, f.recep.user_id,
					   "urlop", &moved, &e), CD_EINVAL);    /* not a coordinator */
	ck_assert_int_eq(case_reassign_all(f.db, &f.organiser, f.anna.user_id, f.pawel.user_id,
					   "urlop macierzyński", &moved, &e), CD_OK);
	ck_assert_int_eq(moved, 2);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM case_reassignment WHERE "
				   "reason = 'urlop macierzyński'"), 2);
	ck_assert_int_eq(request_get(f.db, &f.pawel, f.request, &r), CD_OK);
	ck_assert_int_eq(r.coordinator_id, f.pawel.user_id);
	/* Paweł now works the case; Anna no longer sees it */
	ck_assert_int_eq(case_access(f.db, &f.pawel, f.request, true, &e), CD_OK);
	ck_assert_int_eq(case_access(f.db, &f.anna, f.request, false, &e), CD_EPERM);
	fx_close(&f);
}
END_TEST

/* The caseload's kept counts of one coordinator, and `cusdesk check`'s
 * recount agreeing with them. */
static void load_of(struct fx *f, int64_t user, long *open, long *running)
{
	struct caseload *c;
	struct strbuf out;
	size_t n, i;

	*open = *running = -1;
	ck_assert_int_eq(caseload(f->db, &f->organiser, &c, &n), CD_OK);
	for (i = 0; i < n; i++)
		if (c[i].user_id == user) {
			*open = c[i].open_cases;
			*running = c[i].plans_running;
		}
	free(c);
	sb_init(&out);
	db_check(f->db, &out);
	ck_assert_msg(strstr(out.buf, "caseload counts: ok"), "%s", out.buf);
	sb_release(&out);
}

START_TEST(caseload_counts_follow_every_write)
{
	struct fx f;
	struct case_view cv;
	struct fielderr e;
	struct date today;
	long open, running, moved;
	int64_t req, v2;

	fx_open(&f);
	date_today(&today);
	load_of(&f, f.anna.user_id, &open, &running);
	ck_assert_int_eq(open, 1);              /* the fixture's request */
	ck_assert_int_eq(running, 0);
	req = fx_served(&f, "Celina", "2026-11-02", "2026-11-10", "2026-12-20", false);
	load_of(&f, f.anna.user_id, &open, &running);
	ck_assert_int_eq(running, 1);
	/* an update: version 2 approved, version 1 superseded; still one plan */
	ck_assert_int_eq(case_load(f.db, &f.anna, req, &cv), CD_OK);
	ck_assert_int_eq(plan_update(f.db, &f.anna, cv.plan_id, "needs_changed", "", &v2, &e),
			 CD_OK);
	{
		struct plan_version v;
		ck_assert_int_eq(plan_latest(f.db, &f.anna, cv.plan_id, &v), CD_OK);
		str_copy(v.agreed_on, sizeof(v.agreed_on), TEST_TODAY);
		ck_assert_int_eq(plan_save(f.db, &f.anna, &v, NULL, NULL, &e), CD_OK);
		plan_version_release(&v);
	}
	load_of(&f, f.anna.user_id, &open, &running);
	ck_assert_int_eq(running, 1);           /* version 1 still runs */
	ck_assert_msg(plan_submit(f.db, &f.anna, v2, &e) == CD_OK, "%s", e.msg);
	ck_assert_int_eq(plan_approve(f.db, &f.director, v2, &today, &e), CD_OK);
	load_of(&f, f.anna.user_id, &open, &running);
	ck_assert_int_eq(running, 1);
	/* handed over: the open case and the running plan go to Paweł */
	ck_assert_int_eq(case_reassign_all(f.db, &f.organiser, f.anna.user_id, f.pawel.user_id,
					   "urlop", &moved, &e), CD_OK);
	load_of(&f, f.anna.user_id, &open, &running);
	ck_assert_int_eq(open, 0);
	ck_assert_int_eq(running, 0);
	load_of(&f, f.pawel.user_id, &open, &running);
	ck_assert_int_eq(running, 1);
	/* closed: no longer running */
	fx_close_plan(&f, &f.pawel, cv.plan_id);
	load_of(&f, f.pawel.user_id, &open, &running);
	ck_assert_int_eq(running, 0);
	case_release(&cv);
	fx_close(&f);
}
END_TEST

Suite *suite_report(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, quarterly_counts_persons_once);
	tcase_add_test(tc, quarters_parse);
	tcase_add_test(tc, meetings_every_three_months);
	tcase_add_test(tc, half_year_summary_from_the_record);
	tcase_add_test(tc, caseload_and_handover);
	tcase_add_test(tc, caseload_counts_follow_every_write);
	tcase_add_test(tc, summary_fails_when_a_section_fails);
	suite_add_tcase(s, tc);
	return s;
}
