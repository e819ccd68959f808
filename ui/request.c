/* request.c - filing a request (the reception flow), editing one, lists. */
#include "person_form.h"
#include "codes.h"
#include "request.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Request fields: rows relative to row0. */
static const struct fdef request_fields[] = {
	{REQUEST_F_FILED, N_("Filed on"), FF_TEXT, 0, FC_LEFT, 10, 0, true, 10, ACCEPT_DATE},
	{REQUEST_F_CHANNEL, N_("Channel"), FF_CHOICE, 0, FC_RIGHT, 0, 0, true, 0},
	{REQUEST_F_FILED_BY, N_("Filed by"), FF_CHOICE, 1, FC_LEFT, 0, 0, true, 0},
	{REQUEST_F_FILER, N_("Filer"), FF_LINK, 1, FC_RIGHT, 0, 0, false, 0},
	{REQUEST_F_REFERRAL, N_("Referred by"), FF_CHOICE, 2, FC_LEFT, 0, 0, true, 0},
	{REQUEST_F_COORDINATOR, N_("Coordinator"), FF_CHOICE, 2, FC_RIGHT, 0, 0, false, 0},
	{REQUEST_F_STATUS, N_("Status"), FF_CHOICE, 3, FC_LEFT, 0, 0, true, 0},
	{REQUEST_F_ASKED, N_("Asked for"), FF_MULTI, 4, FC_FULL, 0, 4, true, 2000},
};

/* Copies the request fields at row0 into out; with_status adds Status
 * (the new-request screen files with status "filed"). */
static size_t request_defs(struct fdef *out, int row0, bool with_status)
{
	size_t i, n = 0;

	for (i = 0; i < ARRAY_SIZE(request_fields); i++) {
		if (!with_status && request_fields[i].id == REQUEST_F_STATUS)
			continue;
		out[n] = request_fields[i];
		out[n].row += row0;
		if (!with_status && out[n].row > row0 + 2)
			out[n].row--;
		n++;
	}
	return n;
}

static void coordinator_options(struct app *app, struct uform *uf)
{
	struct user *u;
	size_t n, i;
	struct fopt *o;

	if (user_list_with_role(app->db, ROLE_COORDINATOR | ROLE_ORGANISER, &u, &n))
		return;
	o = xcalloc(n + 1, sizeof(*o));
	str_copy(o[0].label, sizeof(o[0].label), _("(not assigned)"));
	for (i = 0; i < n; i++) {
		snprintf(o[i + 1].value, sizeof(o[i + 1].value), "%lld", (long long)u[i].id);
		str_copy(o[i + 1].label, sizeof(o[i + 1].label),
			 u[i].full_name[0] ? u[i].full_name : u[i].login);
	}
	uform_set_options(uf, REQUEST_F_COORDINATOR, o, n + 1);
	free(o);
	free(u);
}

static void request_options(struct app *app, struct uform *uf)
{
	uform_set_code_options(uf, REQUEST_F_CHANNEL, &codes_channel, false);
	uform_set_code_options(uf, REQUEST_F_FILED_BY, &codes_filed_by, false);
	uform_set_code_options(uf, REQUEST_F_REFERRAL, &codes_referral, false);
	uform_set_code_options(uf, REQUEST_F_STATUS, &codes_request_status, false);
	coordinator_options(app, uf);
}

static void request_load(struct app *app, struct uform *uf, const struct request *r)
{
	char name[300], id[32];

	uform_set(uf, REQUEST_F_FILED, r->filed_on);
	uform_set(uf, REQUEST_F_CHANNEL, r->channel);
	uform_set(uf, REQUEST_F_FILED_BY, r->filed_by);
	person_display_name(app->db, r->filer_person_id, name, sizeof(name));
	uform_set_link(uf, REQUEST_F_FILER, r->filer_person_id, name);
	uform_set(uf, REQUEST_F_REFERRAL, r->referral_source);
	snprintf(id, sizeof(id), "%lld", (long long)r->coordinator_id);
	uform_set(uf, REQUEST_F_COORDINATOR, r->coordinator_id ? id : "");
	uform_set(uf, REQUEST_F_STATUS, r->status);
	uform_set(uf, REQUEST_F_ASKED, r->asked);
	uf->dirty = false;
}

static void request_read(struct uform *uf, struct request *r)
{
	str_copy(r->filed_on, sizeof(r->filed_on), uform_get(uf, REQUEST_F_FILED));
	str_copy(r->channel, sizeof(r->channel), uform_get(uf, REQUEST_F_CHANNEL));
	str_copy(r->filed_by, sizeof(r->filed_by), uform_get(uf, REQUEST_F_FILED_BY));
	r->filer_person_id = uform_get_id(uf, REQUEST_F_FILER);
	str_copy(r->referral_source, sizeof(r->referral_source),
		 uform_get(uf, REQUEST_F_REFERRAL));
	r->coordinator_id = uform_get_id(uf, REQUEST_F_COORDINATOR);
	if (uform_has(uf, REQUEST_F_STATUS))
		str_copy(r->status, sizeof(r->status), uform_get(uf, REQUEST_F_STATUS));
	str_copy(r->asked, sizeof(r->asked), uform_get(uf, REQUEST_F_ASKED));
}

static const char *newreq_check(void *ctx, int id, const char *value)
{
	struct date d, today;

	if (id < REQUEST_F_FILED)
		return person_form_check(ctx, id, value);
	if (id == REQUEST_F_FILED && value && *value) {
		date_today(&today);
		if (!date_parse(value, &d))
			return _("Filing date: not a valid date (use YYYY-MM-DD)");
		if (date_cmp(&d, &today) > 0)
			return _("Filing date: cannot be in the future");
	}
	return NULL;
}

/* The header of the person block says whether this is a registered
 * person or a new one. */
static void draw_person_marker(struct uform *uf, int64_t pid)
{
	char line[100];
	WINDOW *w = uform_window(uf);

	if (pid)
		snprintf(line, sizeof(line), _(" registered person, no. %lld "), (long long)pid);
	else
		snprintf(line, sizeof(line), "%s", _(" new person (F4: pick a registered one) "));
	wattrset(w, ui_attr(R_HEADER));
	ui_put(w, 0, COLS / 2, line, COLS / 2 - 2, false);
	wattrset(w, A_NORMAL);
}

struct newreq {
	struct person p;
	struct request r;
};

static void newreq_extras(struct app *app, struct form_screen *fs)
{
	struct newreq *nr = fs->data;
	draw_person_marker(fs->uf, nr->p.id);
}

/* F2: true when the request was filed. */
static bool newreq_save(struct app *app, struct uform *uf, struct newreq *nr)
{
	struct person q = nr->p;
	struct request rq = nr->r;
	struct fielderr e;
	int64_t use;
	wint_t ans;
	char *msg;
	int rc;

	person_form_read(uf, &q);
	request_read(uf, &rq);
	ans = person_form_precheck(app, uf, &q, &use);
	if (!ans)
		return false;
	if (ans == 'u') {
		/* file for the registered person as stored */
		person_get(app->db, &app->me, use, &q);
		nr->p = q;
		person_form_load(app, uf, &nr->p);
	}
	rc = request_file_with_person(app->db, &app->me, &q, &rq, &e);
	if (rc) {
		form_show_error(app, uf, &e, rc);
		return false;
	}
	msg = xasprintf(_("Request %s registered for %s %s.\nFiled on %s."), rq.case_ref,
			q.surname, q.first_names, rq.filed_on);
	ui_message(app, _("Request registered"), msg);
	ui_status(app, false, _("Request %s registered."), rq.case_ref);
	free(msg);
	return true;
}

void ui_new_request(struct app *app, int64_t for_person)
{
	struct fdef defs[PERSON_F__COUNT + ARRAY_SIZE(request_fields) + 2];
	struct form_screen fs;
	struct newreq nr;
	size_t n = 0;
	const char *saved_title = app->screen_title;
	unsigned saved_ctx = app->context;
	enum action a;

	if (!actor_can(&app->me, PERM_REQUEST_FILE)) {
		ui_failed(app, CD_EPERM);
		return;
	}
	app->in_new_request = true;
	defs[n++] = (struct fdef){-1, N_("Person"), FF_HEADER, 0, FC_LEFT, 0, 0, false, 0};
	n += person_form_defs(defs + n, 1, false);
	defs[n++] = (struct fdef){-2, N_("Request"), FF_HEADER, 1 + PERSON_BLOCK_ROWS,
				  FC_LEFT, 0, 0, false, 0};
	n += request_defs(defs + n, 2 + PERSON_BLOCK_ROWS, false);
	form_screen_init(&fs, app, defs, n, _("new request"), CTX_NEWREQ, newreq_extras, &nr);
	fs.uf->check = newreq_check;
	person_form_options(app, fs.uf);
	request_options(app, fs.uf);
	person_init(&nr.p);
	request_init(&nr.r);
	request_load(app, fs.uf, &nr.r);
	if (for_person && person_get(app->db, &app->me, for_person, &nr.p) == CD_OK) {
		person_form_load(app, fs.uf, &nr.p);
		uform_focus(fs.uf, REQUEST_F_FILED);
	}
	ui_status_clear(app);
	while ((a = form_screen_turn(app, &fs)) != A_BACK) {
		if (a == A_PICK) {
			int cur = uform_current_id(fs.uf);
			if (person_form_pick_link(app, fs.uf, (int)nr.p.id) || cur >= REQUEST_F_FILED)
				continue;
			/* F4 in the person block: a registered person */
			int64_t chosen = ui_search(app, true, _("choose a registered person"));
			if (chosen && person_get(app->db, &app->me, chosen, &nr.p) == CD_OK) {
				person_form_load(app, fs.uf, &nr.p);
				fs.uf->dirty = true;
				uform_focus(fs.uf, REQUEST_F_FILED);
			}
		} else if (a == A_SAVE && newreq_save(app, fs.uf, &nr)) {
			break;
		}
	}
	uform_free(&fs.uf);
	app->in_new_request = false;
	app->screen_title = saved_title;
	app->context = saved_ctx;
	werase(stdscr);
}

static void edit_extras(struct app *app, struct form_screen *fs)
{
	const struct request *r = fs->data;
	char line[400];

	snprintf(line, sizeof(line), "%s: %s   %s: %s", _("Case"), r->case_ref,
		 _("Person"), r->person_name);
	ui_put(uform_window(fs->uf), 1, 1, line, COLS - 2, true);
}

void ui_request_edit(struct app *app, int64_t id)
{
	struct fdef defs[ARRAY_SIZE(request_fields) + 1];
	struct form_screen fs;
	struct request r;
	size_t n = 0;
	char title[200];
	enum action a;

	if (request_get(app->db, &app->me, id, &r)) {
		ui_status(app, true, "%s", _("no such request"));
		return;
	}
	defs[n++] = (struct fdef){-1, N_("Request"), FF_HEADER, 0, FC_LEFT, 0, 0, false, 0};
	n += request_defs(defs + n, 2, true);
	snprintf(title, sizeof(title), "%s %s", _("request"), r.case_ref);
	form_screen_init(&fs, app, defs, n, title, CTX_FORM | CTX_PRINTABLE, edit_extras, &r);
	fs.uf->check = newreq_check;
	request_options(app, fs.uf);
	request_load(app, fs.uf, &r);
	while ((a = form_screen_turn(app, &fs)) != A_BACK) {
		if (a == A_PICK) {
			person_form_pick_link(app, fs.uf, (int)r.person_id);
		} else if (a == A_PRINT) {
			ui_print_case(app, r.id);
		} else if (a == A_SAVE) {
			struct request rq = r;
			struct fielderr e;
			int rc;
			request_read(fs.uf, &rq);
			if ((rc = request_update(app->db, &app->me, &rq, &e))) {
				form_show_error(app, fs.uf, &e, rc);
				continue;
			}
			ui_status(app, false, _("Request %s saved."), rq.case_ref);
			break;
		}
	}
	uform_free(&fs.uf);
	werase(stdscr);
}

/* ---- the list ---- */

struct coord_filter {
	int64_t id;           /* 0 all, -1 unassigned, else user */
	char label[128];
};

void ui_requests(struct app *app, int64_t person_id)
{
	struct request *list = NULL;
	size_t n = 0;
	int sel = 0, top = 0;
	int status_at = 0;   /* 0 open, 1 all, 2.. a status */
	struct coord_filter *coords;
	size_t ncoords = 2, coord_at = 0, i;
	struct user *u;
	size_t nu;
	bool reload = true;
	const char *saved_title = app->screen_title;
	unsigned saved_ctx = app->context;

	/* coordinator filter: all, unassigned, each coordinator */
	user_list_with_role(app->db, ROLE_COORDINATOR | ROLE_ORGANISER, &u, &nu);
	coords = xcalloc(nu + 2, sizeof(*coords));
	coords[0].id = 0;
	str_copy(coords[0].label, sizeof(coords[0].label), _("all coordinators"));
	coords[1].id = -1;
	str_copy(coords[1].label, sizeof(coords[1].label), _("not assigned"));
	for (i = 0; i < nu; i++) {
		coords[ncoords].id = u[i].id;
		str_copy(coords[ncoords].label, sizeof(coords[ncoords].label),
			 u[i].full_name[0] ? u[i].full_name : u[i].login);
		if (u[i].id == app->me.user_id && !person_id)
			coord_at = ncoords; /* a coordinator starts with their own */
		ncoords++;
	}
	free(u);
	if (person_id)
		status_at = 1;

	for (;;) {
		struct request_filter f;
		int rows = LINES - 6, y;
		char line[400], status_label[100];
		wint_t ch;
		int rk;
		enum action a;

		if (status_at == 0)
			str_copy(status_label, sizeof(status_label), _("open cases"));
		else if (status_at == 1)
			str_copy(status_label, sizeof(status_label), _("all statuses"));
		else
			str_copy(status_label, sizeof(status_label),
				 _(codes_request_status.items[status_at - 2].label));
		if (reload) {
			free(list);
			f.status = status_at == 0 ? "open" : status_at == 1 ? NULL :
				   codes_request_status.items[status_at - 2].code;
			f.coordinator_id = coords[coord_at].id;
			f.person_id = person_id;
			ui_failed(app, request_list(app->db, &app->me, &f, &list, &n));
			if ((size_t)sel >= n)
				sel = n ? (int)n - 1 : 0;
			reload = false;
		}
		app->screen_title = _("requests");
		app->context = CTX_REQUESTS;
		werase(stdscr);
		ui_frame(app);
		snprintf(line, sizeof(line), "%s: %s (F5)   %s: %s (F6)   %s: %zu",
			 _("Status"), status_label, _("Coordinator"), coords[coord_at].label,
			 _("Shown"), n);
		ui_put(stdscr, 1, 1, line, COLS - 2, false);
		wattrset(stdscr, ui_attr(R_HEADER));
		{
			static const int wd[] = {19, 10, 22, 16, 0};
			const char *h[] = {_("Case ref."), _("Filed"), _("Person"), _("Status"),
					   _("Coordinator")};
			ui_put_row(stdscr, 3, 1, COLS - 2, wd, h, 5);
		}
		wattrset(stdscr, A_NORMAL);
		if (sel < top)
			top = sel;
		if (sel >= top + rows)
			top = sel - rows + 1;
		for (y = 0; y < rows && (size_t)(top + y) < n; y++) {
			const struct request *q = &list[top + y];
			int x = 1;
			bool s = top + y == sel;
			wattrset(stdscr, s ? ui_attr(R_SELECTED) : A_NORMAL);
			ui_put(stdscr, 4 + y, 0, s ? ">" : " ", 1, false);
			x += ui_put(stdscr, 4 + y, x, q->case_ref, 19, true) + 1;
			x += ui_put(stdscr, 4 + y, x, q->filed_on, 10, true) + 1;
			x += ui_put(stdscr, 4 + y, x, q->person_name, 22, true) + 1;
			x += ui_put(stdscr, 4 + y, x, code_label(&codes_request_status, q->status),
				    16, true) + 1;
			ui_put(stdscr, 4 + y, x, q->coordinator_name[0] ? q->coordinator_name : "—",
			       COLS - x - 1, true);
			wattrset(stdscr, A_NORMAL);
		}
		if (!n)
			ui_put(stdscr, 4, 2, _("No requests match the filter."), COLS - 4, false);
		curs_set(0);
		rk = ui_getkey(app, stdscr, &ch);
		if (rk == KEY_CODE_YES && ch == KEY_RESIZE) {
			reload = true;
			continue;
		}
		a = keys_action(CTX_REQUESTS, rk, ch);
		if (a == A_BACK)
			break;
		if (a == A_FILTER_STATUS) {
			status_at = (status_at + 1) % (int)(codes_request_status.count + 2);
			reload = true;
		} else if (a == A_FILTER_COORD) {
			coord_at = (coord_at + 1) % ncoords;
			reload = true;
		} else if (a == A_OPEN && n) {
			ui_case(app, list[sel].id);   /* reception: the request's data */
			reload = true;
		} else if (rk == KEY_CODE_YES) {
			ui_list_move(ch, &sel, n, rows);
		}
	}
	free(list);
	free(coords);
	app->screen_title = saved_title;
	app->context = saved_ctx;
	werase(stdscr);
}
