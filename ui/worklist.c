/* worklist.c - "Na dziś": what is due today for the user, overdue first;
 * Enter opens the case or the screen the item belongs to. */
#include "app.h"
#include "worklist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int wl_load(struct app *app, void *ctx, size_t *n)
{
	struct list_rows *r = list_rows_reset(ctx);
	struct date today;

	date_today(&today);
	return list_rows_loaded(r, worklist(app->db, &app->me, &today, (struct wl_item **)&r->l,
					    &r->n), n);
}

static void wl_intro(struct app *app, void *ctx, size_t n, char *out, size_t size)
{
	snprintf(out, size, P_("%zu thing to do, the most urgent first.",
			       "%zu things to do, the most urgent first.", n), n);
}

static void wl_cell(void *ctx, size_t row, size_t col, char *out, size_t size)
{
	const struct wl_item *x = LIST_ROW(ctx, struct wl_item, row);

	switch (col) {
	case 0: str_copy(out, size, x->due); break;
	case 1: snprintf(out, size, "%ld", x->days_left); break;
	case 2: str_copy(out, size, wl_kind_label(x->kind)); break;
	case 3: str_copy(out, size, x->case_ref); break;
	default: str_copy(out, size, x->person);
	}
}

/* overdue items are marked "!", so it shows on a monochrome screen */
static bool wl_overdue(void *ctx, size_t row)
{
	return LIST_ROW(ctx, struct wl_item, row)->days_left < 0;
}

static void wl_detail(void *ctx, size_t row, char *out, size_t size)
{
	str_copy(out, size, LIST_ROW(ctx, struct wl_item, row)->detail);
}

static void wl_open(struct app *app, void *ctx, size_t row)
{
	const struct wl_item *x = LIST_ROW(ctx, struct wl_item, row);

	if (x->kind == WL_MEETING)
		ui_meetings(app);
	else if (x->kind == WL_SUMMARY)
		ui_summaries(app);
	else if (x->kind == WL_APPROVAL)
		ui_plan_read(app, x->request_id, 0);   /* the approver reads it first */
	else
		ui_case(app, x->request_id);
}

static const struct list_col wl_cols[] = {
	{N_("Due"), 10}, {N_("Days"), 5, true}, {N_("What"), 22}, {N_("Case ref."), 19},
	{N_("Person"), 0},
};
static const struct list_ops wl_list = {
	.title = N_("for today"), .intro_text = wl_intro,
	.empty = N_("Nothing due. Esc opens the menu."),
	.cols = wl_cols, .ncols = ARRAY_SIZE(wl_cols), .ctx = CTX_WORKLIST,
	.load = wl_load, .cell = wl_cell, .alert = wl_overdue, .detail = wl_detail,
	.open = wl_open,
};

void ui_worklist(struct app *app)
{
	struct list_rows r = {NULL, 0, NULL};

	ui_list_run(app, &wl_list, &r);
	free(r.l);
}
