/* test_casepath.c - the case as data: where a case stands, what comes next,
 * and its timeline as sentences. */
#include "testutil.h"
#include "casepath.h"
#include "monitoring.h"
#include "plan.h"

#include <stdlib.h>
#include <string.h>

/* A case view by hand: only the fields case_next_actions reads. */
static struct case_view view(const char *request_status, const char *assessment,
			     const char *outcome, const char *plan, size_t running)
{
	struct case_view cv;

	memset(&cv, 0, sizeof(cv));
	str_copy(cv.r.status, sizeof(cv.r.status), request_status);
	if (assessment) {
		cv.have_assessment = true;
		str_copy(cv.as.status, sizeof(cv.as.status), assessment);
		str_copy(cv.as.outcome, sizeof(cv.as.outcome), outcome ? outcome : "");
	}
	if (plan) {
		cv.have_plan = true;
		cv.plan_id = 1;
		str_copy(cv.latest.status, sizeof(cv.latest.status), plan);
		cv.items_running = running;
	}
	return cv;
}

START_TEST(next_actions_follow_the_case_path)
{
	struct case_view cv;

	cv = view("filed", NULL, NULL, NULL, 0);
	ck_assert_uint_eq(case_next_actions(&cv), CASE_NEXT_ASSESS_START | CASE_NEXT_GROUP_NO_IPUS);
	cv = view("closed", NULL, NULL, NULL, 0);     /* settled without an assessment */
	ck_assert_uint_eq(case_next_actions(&cv), 0);
	cv = view("assessment", "draft", NULL, NULL, 0);
	ck_assert_uint_eq(case_next_actions(&cv),
			  CASE_NEXT_ASSESS_CONTINUE | CASE_NEXT_OUTCOME | CASE_NEXT_GROUP);
	cv = view("closed", "final", "not_qualified", NULL, 0);
	ck_assert_uint_eq(case_next_actions(&cv), 0);
	cv = view("forwarded", "final", "forwarded", NULL, 0);
	ck_assert_uint_eq(case_next_actions(&cv), 0);
	cv = view("qualified", "final", "qualified", NULL, 0);
	ck_assert_uint_eq(case_next_actions(&cv), CASE_NEXT_PLAN_DRAW);
	cv = view("qualified", "final", "qualified", "draft", 0);
	ck_assert_uint_eq(case_next_actions(&cv), CASE_NEXT_PLAN_EDIT | CASE_NEXT_SUBMIT);
	cv = view("qualified", "final", "qualified", "returned", 0);
	ck_assert_uint_eq(case_next_actions(&cv), CASE_NEXT_PLAN_EDIT | CASE_NEXT_SUBMIT);
	cv = view("qualified", "final", "qualified", "submitted", 0);
	ck_assert_uint_eq(case_next_actions(&cv), CASE_NEXT_AWAIT_APPROVAL);
	cv.may_approve = true;
	ck_assert_uint_eq(case_next_actions(&cv), CASE_NEXT_APPROVE | CASE_NEXT_RETURN);
	cv = view("in_plan", "final", "qualified", "approved", 2);
	ck_assert_uint_eq(case_next_actions(&cv), CASE_NEXT_MONITOR | CASE_NEXT_CONTACT |
			  CASE_NEXT_UPDATE | CASE_NEXT_CLOSE);
	cv = view("in_plan", "final", "qualified", "approved", 0);
	ck_assert_uint_eq(case_next_actions(&cv), CASE_NEXT_CLOSE_IDLE | CASE_NEXT_UPDATE);
	cv = view("closed", "final", "qualified", "approved", 0);
	cv.closed = true;
	ck_assert_uint_eq(case_next_actions(&cv), CASE_NEXT_FOLLOWUP | CASE_NEXT_CARD);
	str_copy(cv.c.followup_on, sizeof(cv.c.followup_on), "2027-05-22");
	ck_assert_uint_eq(case_next_actions(&cv), CASE_NEXT_CARD);
}
END_TEST

/* The line whose text contains want (fails the test when none). */
static const struct case_line *line_with(const struct case_line *l, size_t n, const char *want)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strstr(l[i].text, want))
			return &l[i];
	ck_abort_msg("no timeline line with '%s'", want);
	return NULL;
}

START_TEST(timeline_tells_the_case_in_sentences)
{
	struct fx f;
	struct case_view cv;
	struct case_line *t;
	struct date today;
	const struct case_line *l;
	size_t n;
	int64_t req;

	fx_open(&f);
	date_today(&today);
	/* filed 2026-10-01, approved on TEST_TODAY: late (over 30 days) */
	req = fx_served(&f, "Beata", "2026-10-01", "2026-10-15", "2026-11-30", false);
	ck_assert_int_eq(case_load(f.db, &f.anna, req, &cv), CD_OK);
	ck_assert(cv.have_assessment && cv.have_plan && !cv.closed);
	ck_assert_uint_eq(cv.items_running, 1);
	ck_assert_int_eq(case_timeline(f.db, &f.anna, &cv, &today, &t, &n), CD_OK);
	ck_assert(t[0].heading);
	ck_assert_ptr_nonnull(strstr(t[0].text, " · status: "));
	ck_assert_ptr_nonnull(strstr(t[1].text, "Request filed 2026-10-01"));
	l = line_with(t, n, "Needs assessment");
	ck_assert(l->heading);
	l = line_with(t, n, "outcome: ");
	ck_assert_int_eq(l->level, 1);
	l = line_with(t, n, "Plan (IPUS)");
	ck_assert(l->heading);
	l = line_with(t, n, "version 1: approved, 2026-10-15 – 2026-11-30, ");
	ck_assert_ptr_nonnull(strstr(l->text, "2026-11-22 [LATE: over 30 days]"));
	l = line_with(t, n, "- ");
	ck_assert_ptr_nonnull(strstr(l->text, "2026-10-15 – 2026-11-30, "));
	ck_assert_ptr_nonnull(strstr(l->text, "; order 2026-11-22"));
	case_lines_free(t, n);
	/* reception never loads a case's contents */
	case_release(&cv);
	ck_assert_int_eq(case_load(f.db, &f.recep, req, &cv), CD_EPERM);
	fx_close(&f);
}
END_TEST

START_TEST(closed_case_tells_the_follow_up)
{
	struct fx f;
	struct case_view cv;
	struct case_line *t;
	struct date today;
	const struct case_line *l;
	size_t n;
	int64_t req;

	fx_open(&f);
	date_today(&today);
	req = fx_served(&f, "Celina", "2026-11-02", "2026-11-10", "2026-11-20", false);
	ck_assert_int_eq(case_load(f.db, &f.anna, req, &cv), CD_OK);
	fx_close_plan(&f, &f.anna, cv.plan_id);
	case_release(&cv);
	ck_assert_int_eq(case_load(f.db, &f.anna, req, &cv), CD_OK);
	ck_assert(cv.closed);
	ck_assert_uint_eq(case_next_actions(&cv), CASE_NEXT_FOLLOWUP | CASE_NEXT_CARD);
	ck_assert_int_eq(case_timeline(f.db, &f.anna, &cv, &today, &t, &n), CD_OK);
	l = line_with(t, n, "closed 2026-11-22 (goals achieved); follow-up due 2027-05-22");
	ck_assert_int_eq(l->level, 1);
	ck_assert(line_with(t, n, "Closing")->heading);
	case_lines_free(t, n);
	case_release(&cv);
	fx_close(&f);
}
END_TEST

Suite *suite_casepath(void)
{
	Suite *s = suite_create("casepath");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, next_actions_follow_the_case_path);
	tcase_add_test(tc, timeline_tells_the_case_in_sentences);
	tcase_add_test(tc, closed_case_tells_the_follow_up);
	suite_add_tcase(s, tc);
	return s;
}
