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
	int sel, top;
};

static void run_query(struct app *app, struct search_state *s)
{
	char q[512];

	if (wcstombs(q, s->query, sizeof(q)) == (size_t)-1)
		q[0] = '\0';
	q[sizeof(q) - 1] = '\0';
	free(s->hits);
	s->hits = NULL;
	s->n = 0;
	ui_failed(app, person_search(app->db, &app->me, q, SEARCH_MAX, &s->hits, &s->n));
	s->sel = 0;
	s->top = 0;
}

static void draw(struct app *app, struct search_state *s, bool pick)
{
	int y0 = 4, rows = LINES - 2 - y0, i;
	char line[400], qbuf[512];

	werase(stdscr);
	ui_frame(app);
	ui_put(stdscr, 1, 1, _("Type a surname, first name, PESEL or case reference; "
			       "Polish letters are optional."), COLS - 2, false);
	ui_put(stdscr, 2, 1, _("Find:"), 10, false);
	wattrset(stdscr, ui_attr(R_FIELD_ACTIVE) | A_UNDERLINE);
	wmove(stdscr, 2, 11);
	whline(stdscr, ' ', COLS - 12);
	if (wcstombs(qbuf, s->query, sizeof(qbuf)) == (size_t)-1)
		qbuf[0] = '\0';
	qbuf[sizeof(qbuf) - 1] = '\0';
	ui_put(stdscr, 2, 11, qbuf, COLS - 12, false);
	wattrset(stdscr, ui_attr(R_HEADER));
	{
		static const int wd[] = {20, 16, 11, 10, 0};
		const char *h[] = {_("Surname"), _("First name"), "PESEL", _("Born"), _("Town")};
		ui_put_row(stdscr, 3, 1, COLS - 2, wd, h, 5);
	}
	wattrset(stdscr, A_NORMAL);
	if (s->sel < s->top)
		s->top = s->sel;
	if (s->sel >= s->top + rows)
		s->top = s->sel - rows + 1;
	for (i = 0; i < rows && (size_t)(s->top + i) < s->n; i++) {
		const struct person_hit *h = &s->hits[s->top + i];
		int x = 1;
		bool selected = s->top + i == s->sel;
		wattrset(stdscr, selected ? ui_attr(R_SELECTED) : A_NORMAL);
		wmove(stdscr, y0 + i, 0);
		ui_put(stdscr, y0 + i, 0, selected ? ">" : " ", 1, false);
		x += ui_put(stdscr, y0 + i, x, h->surname, 20, true) + 1;
		x += ui_put(stdscr, y0 + i, x, h->first_names, 16, true) + 1;
		x += ui_put(stdscr, y0 + i, x, h->pesel, 11, true) + 1;
		x += ui_put(stdscr, y0 + i, x, h->birth_date, 10, true) + 1;
		ui_put(stdscr, y0 + i, x, h->town, COLS - x - 1, true);
		wattrset(stdscr, A_NORMAL);
	}
	if (!s->n) {
		ui_put(stdscr, y0, 2, s->qlen ? _("Nobody found. F7 registers a new person.") :
		       _("Nobody registered yet."), COLS - 4, false);
	}
	snprintf(line, sizeof(line), P_("%zu person", "%zu persons", s->n), s->n);
	if (s->n == SEARCH_MAX)
		snprintf(line, sizeof(line), _("first %d persons; type more to narrow"), SEARCH_MAX);
	if (!app->status[0] || !app->status_error) {
		str_copy(app->status, sizeof(app->status), line);
		app->status_error = false;
		ui_draw_status(app);
	}
	(void)pick;
	wmove(stdscr, 2, 11 + ui_text_width(qbuf));
	curs_set(1);
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

int64_t ui_search(struct app *app, bool pick, const char *title)
{
	struct search_state s;
	int64_t result = 0;
	unsigned saved_ctx = app->context;
	const char *saved_title = app->screen_title;

	memset(&s, 0, sizeof(s));
	run_query(app, &s);
	ui_status_clear(app);
	for (;;) {
		wint_t ch;
		int r, rows = LINES - 6;
		enum action a;

		app->screen_title = title ? title : _("find a person");
		app->context = pick ? CTX_PICK | CTX_SEARCH : CTX_SEARCH;
		draw(app, &s, pick);
		r = ui_getkey(app, stdscr, &ch);
		if (r == KEY_CODE_YES && ch == KEY_RESIZE)
			continue;
		a = keys_action(app->context, r, ch);
		if (a == A_BACK)
			break;
		if (a == A_OPEN && s.n) {
			if (pick) {
				result = s.hits[s.sel].id;
				break;
			}
			ui_person_card(app, s.hits[s.sel].id);
			run_query(app, &s); /* the card may have changed names */
			continue;
		}
		if (a == A_OPEN_CASE && !pick && s.n) {
			open_case_of(app, s.hits[s.sel].id);
			continue;
		}
		if (a == A_NEW && actor_can(&app->me, PERM_PERSON_WRITE)) {
			int64_t id = ui_person_card(app, 0);
			if (pick && id) {
				result = id;
				break;
			}
			run_query(app, &s);
			continue;
		}
		if (r == KEY_CODE_YES) {
			if (ch != KEY_HOME && ch != KEY_END && ui_list_move(ch, &s.sel, s.n, rows))
				continue;
			switch (ch) {
			case KEY_BACKSPACE:
				if (s.qlen) {
					s.query[--s.qlen] = L'\0';
					ui_status_clear(app);
					run_query(app, &s);
				}
				break;
			default:
				break;
			}
			continue;
		}
		if ((ch == 127 || ch == 8) && s.qlen) {
			s.query[--s.qlen] = L'\0';
			ui_status_clear(app);
			run_query(app, &s);
		} else if (ch >= 32 && ch != 127 && s.qlen + 1 < ARRAY_SIZE(s.query)) {
			s.query[s.qlen++] = (wchar_t)ch;
			s.query[s.qlen] = L'\0';
			ui_status_clear(app);
			run_query(app, &s);
		}
	}
	free(s.hits);
	app->context = saved_ctx;
	app->screen_title = saved_title;
	ui_status_clear(app);
	werase(stdscr);
	return result;
}
