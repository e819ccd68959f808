/* list.c - the one list runner: a table of rows with a header, a selection,
 * and the keys of the list's context from the key table (so the hint bar
 * and F1 list them).  Every list screen is a struct list_ops. */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { CELL_MAX = 512 };

/* A cell as drawn: right-aligned columns padded on the left. */
static void aligned(const struct list_col *c, int width, const char *text, char *out, size_t size)
{
	int pad = c->right && width > 0 ? width - ui_text_width(text) : 0;

	snprintf(out, size, "%*s%s", pad > 0 ? pad : 0, "", text);
}

static void draw_row(const struct list_ops *ops, void *ctx, int y, int x, size_t row,
		     const char *header_texts[], const int *widths)
{
	char **cells = xcalloc(ops->ncols, sizeof(char *));
	size_t c;

	for (c = 0; c < ops->ncols; c++) {
		char raw[CELL_MAX], out[CELL_MAX + 80];
		if (header_texts)
			str_copy(raw, sizeof(raw), header_texts[c]);
		else
			ops->cell(ctx, row, c, raw, sizeof(raw));
		aligned(&ops->cols[c], widths[c], raw, out, sizeof(out));
		cells[c] = xstrdup(out);
	}
	ui_put_row(stdscr, y, x, COLS - x - 1, widths, (const char *const *)cells, ops->ncols);
	for (c = 0; c < ops->ncols; c++)
		free(cells[c]);
	free(cells);
}

/* Column widths that fit what the list holds: each column as wide as its
 * widest cell (of the rows on screen and the first few hundred) and its
 * header, at most its declared width (the last column, declared 0, at
 * first at most 16: it takes the rest anyway).  When they do not all fit,
 * the widest are cut to one common width, so every column keeps as much
 * as the screen allows; room left over goes to the last column. */
static void fit_widths(const struct list_ops *ops, void *ctx, size_t n, int top, int rows,
		       int avail, int *w)
{
	int *want = xcalloc(ops->ncols, sizeof(int)), total, cap = 0, gaps;
	size_t c, r;

	gaps = (int)ops->ncols - 1;
	for (c = 0; c < ops->ncols; c++)
		want[c] = ui_text_width(_(ops->cols[c].header));
	for (r = 0; r < n; r++) {
		if (r >= 300 && (r < (size_t)top || r >= (size_t)top + (size_t)rows))
			continue;
		for (c = 0; c < ops->ncols; c++) {
			char raw[CELL_MAX];
			int cw;
			ops->cell(ctx, r, c, raw, sizeof(raw));
			if ((cw = ui_text_width(raw)) > want[c])
				want[c] = cw;
		}
	}
	for (c = 0; c < ops->ncols; c++) {
		int decl = ops->cols[c].width > 0 ? ops->cols[c].width : 16;
		if (want[c] > decl)
			want[c] = decl;
		if (want[c] > cap)
			cap = want[c];
	}
	/* the largest common cut that fits */
	for (;;) {
		total = gaps;
		for (c = 0; c < ops->ncols; c++)
			total += want[c] < cap ? want[c] : cap;
		if (total <= avail || cap <= 4)
			break;
		cap--;
	}
	for (c = 0; c < ops->ncols; c++)
		w[c] = want[c] < cap ? want[c] : cap;
	/* the last column takes what is left */
	w[ops->ncols - 1] = 0;
	free(want);
}

static void draw(struct app *app, const struct list_ops *ops, void *ctx, size_t n, int sel,
		 int *top, int rows)
{
	const char **head = xcalloc(ops->ncols, sizeof(char *));
	int x0 = ops->alert ? 2 : 1, y, *widths;
	char intro[600] = "";
	size_t c;

	werase(stdscr);
	ui_frame(app);
	if (ops->intro_text)
		ops->intro_text(app, ctx, n, intro, sizeof(intro));
	else if (ops->intro)
		str_copy(intro, sizeof(intro), _(ops->intro));
	if (intro[0]) {
		size_t nl, i;
		char **l = ui_wrap_lines(intro, COLS - 2, &nl);
		for (i = 0; i < nl && i < 2; i++)
			ui_put(stdscr, 1 + (int)i, 1, l[i], COLS - 2, false);
		ui_free_lines(l, nl);
	}
	if (sel < *top)
		*top = sel;
	if (sel >= *top + rows)
		*top = sel - rows + 1;
	widths = xcalloc(ops->ncols, sizeof(int));
	fit_widths(ops, ctx, n, *top, rows, COLS - x0 - 1, widths);
	for (c = 0; c < ops->ncols; c++)
		head[c] = _(ops->cols[c].header);
	wattrset(stdscr, ui_attr(R_HEADER));
	draw_row(ops, ctx, 3, x0, 0, head, widths);
	wattrset(stdscr, A_NORMAL);
	free(head);
	for (y = 0; y < rows && (size_t)(*top + y) < n; y++) {
		size_t row = (size_t)(*top + y);
		bool s = (int)row == sel, alert = ops->alert && ops->alert(ctx, row);
		/* "!" marks an alert, so it shows on a monochrome screen too */
		wattrset(stdscr, s ? ui_attr(R_SELECTED) : alert ? ui_attr(R_ERROR) : A_NORMAL);
		ui_put(stdscr, 4 + y, 0, s ? ">" : " ", 1, false);
		if (ops->alert)
			ui_put(stdscr, 4 + y, 1, alert ? "!" : " ", 1, false);
		draw_row(ops, ctx, 4 + y, x0, row, NULL, widths);
		wattrset(stdscr, A_NORMAL);
	}
	if (!n)
		ui_put(stdscr, 4, 2, !ops->empty ? _("The list is empty.") :
		       ops->empty[0] ? _(ops->empty) : "", COLS - 4, false);
	else if (ops->detail) {
		char d[CELL_MAX] = "";
		ops->detail(ctx, (size_t)sel, d, sizeof(d));
		ui_put(stdscr, LINES - 3, 1, d, COLS - 2, true);
	}
	free(widths);
	curs_set(0);
}

struct list_rows *list_rows_reset(void *ctx)
{
	struct list_rows *r = ctx;

	free(r->l);
	r->l = NULL;
	r->n = 0;
	return r;
}

int list_rows_loaded(struct list_rows *r, int rc, size_t *n)
{
	*n = rc ? 0 : r->n;
	return rc;
}

keyctx ui_list_context(const struct list_ops *ops)
{
	return CTX_LIST | ops->ctx | (ops->open ? CTX_LIST_OPEN : 0) | (ops->add ? CTX_LIST_ADD : 0);
}

/* A paged list: the next page once the cursor is within a screen of the
 * end of what is read; to the very end on End (the cursor follows). */
static int more_rows(struct app *app, const struct list_ops *ops, void *ctx, bool to_end,
		     int *sel, int rows, size_t *n)
{
	size_t had;
	int rc;

	if (!ops->more || (size_t)*sel + (size_t)rows < *n)
		return CD_OK;
	do {
		had = *n;
		if ((rc = ops->more(app, ctx, n)))
			return rc;
	} while (to_end && *n > had);
	if (to_end && *n)
		*sel = (int)*n - 1;
	return CD_OK;
}

int ui_list_run(struct app *app, const struct list_ops *ops, void *ctx)
{
	const char *saved_title = app->screen_title;
	keyctx saved_ctx = app->context, lctx = ui_list_context(ops);
	size_t n = 0, k;
	int sel = 0, top = 0, rc = CD_OK;
	bool reload = true;

	for (;;) {
		int rows = LINES - 6, r;
		wint_t ch;
		enum action a;

		if (reload) {
			if ((rc = ops->load(app, ctx, &n))) {
				ui_failed(app, rc);
				break;
			}
			if ((size_t)sel >= n)
				sel = n ? (int)n - 1 : 0;
			reload = false;
		}
		app->screen_title = _(ops->title);
		app->context = lctx;
		draw(app, ops, ctx, n, sel, &top, rows);
		if (ops->drawn)
			ops->drawn(app, ctx, n);
		r = ui_getkey(app, stdscr, &ch);
		if (r == KEY_CODE_YES && ch == KEY_RESIZE)
			continue;
		a = keys_action(lctx, r, ch);
		if (a == A_BACK)
			break;
		if (a == A_OPEN && ops->open) {
			if (n) {
				ops->open(app, ctx, (size_t)sel);
				reload = true;
			}
		} else if (a == A_NEW && ops->add) {
			ops->add(app, ctx);
			reload = true;
		} else {
			for (k = 0; k < ops->nactions; k++)
				if (ops->actions[k].action == a && a != A_NONE &&
				    (n || !ops->actions[k].needs_row)) {
					ops->actions[k].run(app, ctx, (size_t)sel);
					reload = true;
					break;
				}
			if (k < ops->nactions)
				;
			else if (r == KEY_CODE_YES && ui_list_move(ch, &sel, n, rows))
				rc = more_rows(app, ops, ctx, ch == KEY_END, &sel, rows, &n);
			else if (ops->key && ops->key(app, ctx, r, ch)) {
				reload = true;
				sel = 0;
				top = 0;
			}
		}
		if (rc) {
			ui_failed(app, rc);
			break;
		}
		if (ops->done && ops->done(ctx))
			break;
	}
	app->screen_title = saved_title;
	app->context = saved_ctx;
	werase(stdscr);
	return rc;
}
