/* planview.c - the whole plan of a case read through, as the approver
 * checks it before she approves: goals, the person's view, every service
 * with its provider, place, schedule, amount, the programme's limit and a
 * written justification, the supporting activities and what changed since
 * the last approved version; z approves, x returns it with a comment. */
#include "app.h"
#include "document.h"
#include "journal.h"
#include "plan.h"

#include <stdlib.h>
#include <string.h>

/* The newest version of the case's plan, when it waits for approval. */
static int64_t submitted_version(struct app *app, int64_t request_id, int64_t version_id)
{
	struct plan_version *vers = NULL;
	int64_t pid, id = 0;
	size_t nv = 0, i;

	if (plan_of_request(app->db, &app->me, request_id, &pid, &vers, &nv) == CD_OK && nv &&
	    (!version_id || vers[0].id == version_id) && !strcmp(vers[0].status, "submitted"))
		id = vers[0].id;
	for (i = 0; i < nv; i++)
		plan_version_release(&vers[i]);
	free(vers);
	return id;
}

/* z or x on the plan read: true when it was decided (the view ends). */
static bool decide(struct app *app, int64_t version, enum action a)
{
	struct fielderr e;
	struct date today;
	char buf[TEXT_REASON_MAX + 1];
	int rc;

	date_today(&today);
	if (!version || !plan_may_approve(app->db, &app->me, &today)) {
		ui_status(app, true, "%s", !version ? _("the plan does not wait for approval") :
			  _("plans are approved by the director or an organiser the director "
			    "authorised (art. 41)"));
		return false;
	}
	if (a == A_CASE_APPROVE) {
		if (!ui_confirm(app, _("Approve the plan?")))
			return false;
		rc = plan_approve(app->db, &app->me, version, &today, &e);
		ui_report(app, rc, &e, _("The plan was approved; orders went to the providers."));
		return rc == CD_OK;
	}
	if (!ui_prompt(app, _("Return the plan"), _("Comment:"), false, buf, sizeof(buf)))
		return false;
	rc = plan_return(app->db, &app->me, version, buf, &e);
	ui_report(app, rc, &e, _("The plan was returned to the coordinator."));
	return rc == CD_OK;
}

void ui_plan_read(struct app *app, int64_t request_id, int64_t version_id)
{
	const char *saved_title = app->screen_title;
	keyctx saved_ctx = app->context;
	struct fielderr e;
	char *text = NULL;
	size_t top = 0;
	int rc;

	/* reading the plan is recorded, as every read of a case */
	if ((rc = case_opened(app->db, &app->me, request_id, "plan", &e)) ||
	    (rc = doc_plan_text(app->db, &app->me, request_id, version_id, &text, &e))) {
		ui_report(app, rc, &e, NULL);
		return;
	}
	for (;;) {
		size_t n, i;
		char **lines = ui_wrap_lines(text, COLS - 2, &n);
		int rows = LINES - 3, r;
		enum action a;
		wint_t ch;

		app->screen_title = _("plan (read)");
		app->context = submitted_version(app, request_id, version_id) ?
			CTX_TEXT | CTX_PLANREAD : CTX_TEXT;
		werase(stdscr);
		ui_frame(app);
		if (top + (size_t)rows > n)
			top = n > (size_t)rows ? n - (size_t)rows : 0;
		for (i = 0; i < (size_t)rows && top + i < n; i++)
			ui_put(stdscr, 1 + (int)i, 1, lines[top + i], COLS - 2, false);
		ui_free_lines(lines, n);
		curs_set(0);
		r = ui_getkey(app, stdscr, &ch);
		if (r == KEY_CODE_YES && ch == KEY_RESIZE)
			continue;
		a = keys_action(app->context, r, ch);
		if (a == A_BACK)
			break;
		if ((a == A_CASE_APPROVE || a == A_CASE_RETURN) && (app->context & CTX_PLANREAD)) {
			if (decide(app, submitted_version(app, request_id, version_id), a))
				break;
			continue;
		}
		if (r == KEY_CODE_YES)
			ui_list_scroll(ch, &top, n, rows);
	}
	free(text);
	app->screen_title = saved_title;
	app->context = saved_ctx;
	werase(stdscr);
}
