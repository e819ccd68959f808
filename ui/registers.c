/* registers.c - the register of unmet needs and the waiting list: lists
 * the organiser and the coordinators keep an eye on; Enter opens the case. */
#include "app.h"
#include "assessment.h"
#include "plan.h"
#include "report.h"
#include "draft.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the register of unmet needs ---- */

/* The register is read a page at a time (it holds every need the offer
 * could not meet, over years); `end` once the last page is read. */
#define NEEDS_PAGE 200
struct needs_rows {
	struct list_rows r;   /* first: LIST_ROW reads it */
	bool end;
};

static int needs_load(struct app *app, void *ctx, size_t *n)
{
	struct needs_rows *nr = ctx;
	size_t want = nr->r.n > NEEDS_PAGE ? nr->r.n : NEEDS_PAGE;
	int rc;

	list_rows_reset(ctx);
	nr->r.owner = app->db;     /* the life domains' names come from it */
	rc = unmet_needs_page(app->db, &app->me, NULL, want, (struct need **)&nr->r.l, &nr->r.n);
	nr->end = !rc && nr->r.n < want;
	return list_rows_loaded(&nr->r, rc, n);
}

static int needs_more(struct app *app, void *ctx, size_t *n)
{
	struct needs_rows *nr = ctx;
	struct need *page, *all;
	size_t got;
	int rc;

	*n = nr->r.n;
	if (nr->end || !nr->r.n)
		return CD_OK;
	if ((rc = unmet_needs_page(app->db, &app->me, LIST_ROW(ctx, struct need, nr->r.n - 1),
				   NEEDS_PAGE, &page, &got)))
		return rc;
	nr->end = got < NEEDS_PAGE;
	all = xrealloc(nr->r.l, (nr->r.n + got) * sizeof(*all));
	memcpy(all + nr->r.n, page, got * sizeof(*all));
	free(page);
	nr->r.l = all;
	nr->r.n += got;
	*n = nr->r.n;
	return CD_OK;
}

static void needs_cell(void *ctx, size_t row, size_t col, char *out, size_t size)
{
	const struct need *x = LIST_ROW(ctx, struct need, row);
	struct cd_db *db = (struct cd_db *)((struct list_rows *)ctx)->owner;
	char name[160];

	switch (col) {
	case 0: str_copy(out, size, x->held_on); break;
	case 1: str_copy(out, size, x->case_ref); break;
	case 2: str_copy(out, size, x->person_name); break;
	default:
		if (x->domain[0]) {
			life_domain_name(db, x->domain, name, sizeof(name));
			snprintf(out, size, "%s (%s)", x->description, name);
		} else {
			str_copy(out, size, x->description);
		}
	}
}

static void needs_open(struct app *app, void *ctx, size_t row)
{
	ui_case(app, LIST_ROW(ctx, struct need, row)->request_id);
}

static void need_answered(struct app *app, void *ctx, size_t row)
{
	const struct need *x = LIST_ROW(ctx, struct need, row);
	struct fielderr e;
	struct date t;
	char day[16];

	date_today(&t);
	date_format(&t, day);
	if (ui_prompt_value(app, x->description, _("Answered on (YYYY-MM-DD):"), day, sizeof(day)))
		ui_report(app, need_answer(app->db, &app->me, x->id, day, &e), &e,
			  _("The need left the register as answered."));
}

static const struct list_col needs_cols[] = {
	{N_("Found on"), 10}, {N_("Case ref."), 17}, {N_("Person"), 20}, {N_("Need"), 0},
};
static const struct list_action needs_actions[] = {
	{A_NEED_ANSWERED, true, need_answered},
};
static const struct list_ops needs_list = {
	.title = N_("unmet needs"),
	.intro = N_("Needs the offer could not meet, oldest first: material for the organiser's "
		    "next programme."),
	.cols = needs_cols, .ncols = ARRAY_SIZE(needs_cols), .ctx = CTX_UNMET,
	.load = needs_load, .cell = needs_cell, .open = needs_open,
	.actions = needs_actions, .nactions = ARRAY_SIZE(needs_actions),
	.more = needs_more,
};

void ui_unmet_needs(struct app *app)
{
	struct needs_rows r = {{NULL, 0, NULL}, false};

	ui_list_run(app, &needs_list, &r);
	free(r.r.l);
}

/* ---- the waiting list ---- */

static int waits_load(struct app *app, void *ctx, size_t *n)
{
	struct list_rows *r = list_rows_reset(ctx);

	return list_rows_loaded(r, waiting_list(app->db, &app->me, 0, (struct waiting **)&r->l,
						&r->n), n);
}

static void waits_cell(void *ctx, size_t row, size_t col, char *out, size_t size)
{
	const struct waiting *x = LIST_ROW(ctx, struct waiting, row);

	switch (col) {
	case 0: snprintf(out, size, "%d", x->position); break;
	case 1: str_copy(out, size, x->service_name); break;
	case 2: str_copy(out, size, x->filed_on); break;
	case 3: str_copy(out, size, x->case_ref); break;
	default: str_copy(out, size, x->person_name);
	}
}

static void waits_open(struct app *app, void *ctx, size_t row)
{
	ui_case(app, LIST_ROW(ctx, struct waiting, row)->request_id);
}

static void waits_remove(struct app *app, void *ctx, size_t row)
{
	const struct waiting *x = LIST_ROW(ctx, struct waiting, row);
	struct fielderr e;
	struct date today;
	char reason[TEXT_REASON_MAX + 1];

	date_today(&today);
	if (ui_prompt(app, _("Take off the waiting list"), _("Reason:"), false, reason,
		      sizeof(reason)))
		ui_report(app, waiting_remove(app->db, &app->me, x->id, reason, &today, &e), &e,
			  _("Taken off the waiting list."));
}

static const struct list_col waits_cols[] = {
	{N_("No."), 3}, {N_("Service"), 28}, {N_("Filed"), 10}, {N_("Case ref."), 17},
	{N_("Person"), 0},
};
static const struct list_action waits_actions[] = {
	{A_WAITING_REMOVE, true, waits_remove},
};
static const struct list_ops waits_list = {
	.title = N_("waiting list"),
	.intro = N_("In the order the requests were filed, per service."),
	.cols = waits_cols, .ncols = ARRAY_SIZE(waits_cols), .ctx = CTX_WAITING,
	.load = waits_load, .cell = waits_cell, .open = waits_open,
	.actions = waits_actions, .nactions = ARRAY_SIZE(waits_actions),
};

void ui_waiting_list(struct app *app)
{
	struct list_rows r = {NULL, 0, NULL};

	ui_list_run(app, &waits_list, &r);
	free(r.l);
}

