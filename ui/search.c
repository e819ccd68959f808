/* search.c - find a person as you type. */
#include "app.h"
#include "codes.h"
#include "person.h"
#include "request.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEARCH_MAX 500

struct search_state {
	wchar_t query[128];
	size_t qlen;
	struct person_hit *hits;
	size_t n;
	bool pick;           /* choosing a person for a form: Enter returns them */
	int64_t chosen;
	bool done;
};

static void query_text(const struct search_state *s, char *out, size_t size)
{
	if (wcstombs(out, s->query, size) == (size_t)-1)
		out[0] = '\0';
	out[size - 1] = '\0';
}

static int search_load(struct app *app, void *ctx, size_t *n)
{
	struct search_state *s = ctx;
	char q[512];
	int rc;

	query_text(s, q, sizeof(q));
	free(s->hits);
	s->hits = NULL;
	s->n = 0;
	rc = person_search(app->db, &app->me, q, SEARCH_MAX, &s->hits, &s->n);
	*n = s->n;
	/* a refused search shows why and stays open for another query */
	if (rc)
		ui_failed(app, rc);
	return rc == CD_EPERM ? rc : CD_OK;
}

static void search_cell(void *ctx, size_t row, size_t col, char *out, size_t size)
{
	const struct person_hit *h = &((struct search_state *)ctx)->hits[row];

	str_copy(out, size, col == 0 ? h->surname : col == 1 ? h->first_names : col == 2 ? h->pesel :
		 col == 3 ? h->birth_date : h->town);
}

/* The query line, the count on the status line, the cursor at the query. */
static void search_drawn(struct app *app, void *ctx, size_t n)
{
	const struct search_state *s = ctx;
	char line[400], qbuf[512];

	ui_put(stdscr, 2, 1, _("Find:"), 10, false);
	wattrset(stdscr, ui_attr(R_FIELD_ACTIVE) | A_UNDERLINE);
	wmove(stdscr, 2, 11);
	whline(stdscr, ' ', COLS - 12);
	query_text(s, qbuf, sizeof(qbuf));
	ui_put(stdscr, 2, 11, qbuf, COLS - 12, false);
	wattrset(stdscr, A_NORMAL);
	if (!n)
		ui_put(stdscr, 4, 2, s->qlen ? _("Nobody found. F7 registers a new person.") :
		       _("Nobody registered yet."), COLS - 4, false);
	if (n == SEARCH_MAX)
		snprintf(line, sizeof(line), P_("first %d person; type more to narrow",
						"first %d persons; type more to narrow", SEARCH_MAX),
			 SEARCH_MAX);
	else
		snprintf(line, sizeof(line), P_("%zu person", "%zu persons", n), n);
	if (!app->status[0] || !app->status_error) {
		str_copy(app->status, sizeof(app->status), line);
		app->status_error = false;
		ui_draw_status(app);
	}
	wmove(stdscr, 2, 11 + ui_text_width(qbuf));
	curs_set(1);
}

/* Typing edits the query; the rows follow it. */
static bool search_key(struct app *app, void *ctx, int type, wint_t ch)
{
	struct search_state *s = ctx;

	if ((type == KEY_CODE_YES && ch == KEY_BACKSPACE) ||
	    (type == OK && (ch == 127 || ch == 8))) {
		if (!s->qlen)
			return false;
		s->query[--s->qlen] = L'\0';
	} else if (type == OK && ch >= 32 && ch != 127 && s->qlen + 1 < ARRAY_SIZE(s->query)) {
		s->query[s->qlen++] = (wchar_t)ch;
		s->query[s->qlen] = L'\0';
	} else {
		return false;
	}
	ui_status_clear(app);
	return true;
}

static void search_open(struct app *app, void *ctx, size_t row)
{
	struct search_state *s = ctx;

	if (s->pick) {
		s->chosen = s->hits[row].id;
		s->done = true;
	} else {
		ui_person_card(app, s->hits[row].id);   /* the card may change names */
	}
}

static void search_add(struct app *app, void *ctx)
{
	struct search_state *s = ctx;
	int64_t id;

	if (!actor_can(&app->me, PERM_PERSON_WRITE)) {
		ui_failed(app, CD_EPERM);
		return;
	}
	id = ui_person_card(app, 0);
	if (s->pick && id) {
		s->chosen = id;
		s->done = true;
	}
}

static bool search_done(void *ctx)
{
	return ((struct search_state *)ctx)->done;
}

/* F6 in the search: the person's case at once (their requests to choose
 * from when there are several, the newest first). */
static void open_case_of(struct app *app, int64_t person_id)
{
	struct request_filter f;
	struct request *r = NULL;
	size_t n = 0, i;
	int k = 0;

	memset(&f, 0, sizeof(f));
	f.person_id = person_id;
	if (request_list(app->db, &app->me, &f, &r, &n) || !n) {
		ui_status(app, true, "%s", _("this person has no requests"));
		free(r);
		return;
	}
	if (n > 1) {
		const char **labels = xcalloc(n, sizeof(char *));
		char **own = xcalloc(n, sizeof(char *));
		for (i = 0; i < n; i++) {
			const struct request *q = &r[n - 1 - i];
			own[i] = xasprintf("%s  %s  %s", q->case_ref, q->filed_on,
					   code_label(&codes_request_status, q->status));
			labels[i] = own[i];
		}
		k = ui_choose(app, _("Which case"), labels, n, 0);
		for (i = 0; i < n; i++)
			free(own[i]);
		free(own);
		free(labels);
	}
	if (k >= 0)
		ui_case(app, r[n - 1 - (size_t)k].id);
	free(r);
}

static void search_case(struct app *app, void *ctx, size_t row)
{
	struct search_state *s = ctx;

	if (!s->pick)
		open_case_of(app, s->hits[row].id);
}

static const struct list_col search_cols[] = {
	{N_("Surname"), 20}, {N_("First name"), 16}, {"PESEL", 11}, {N_("Born"), 10},
	{N_("Town"), 0},
};
static const struct list_action search_actions[] = {
	{A_OPEN_CASE, true, search_case},
};

int64_t ui_search(struct app *app, bool pick, const char *title)
{
	struct search_state s;
	struct list_ops ops = {
		.title = N_("find a person"),
		.intro = N_("Type a surname, first name, PESEL or case reference; Polish letters "
			    "are optional."),
		.empty = "",
		.cols = search_cols, .ncols = ARRAY_SIZE(search_cols),
		.ctx = pick ? CTX_PICK | CTX_SEARCH : CTX_SEARCH,
		.load = search_load, .cell = search_cell, .open = search_open,
		.add = search_add,
		.actions = pick ? NULL : search_actions, .nactions = pick ? 0 : ARRAY_SIZE(search_actions),
		.drawn = search_drawn, .key = search_key, .done = search_done,
	};

	memset(&s, 0, sizeof(s));
	s.pick = pick;
	if (title)
		ops.title = title;
	ui_status_clear(app);
	ui_list_run(app, &ops, &s);
	free(s.hits);
	ui_status_clear(app);
	return s.chosen;
}
