/* request.c - filing a request (the reception flow), editing one, lists. */
#include "person_form.h"
#include "casefile.h"
#include "codes.h"
#include "request.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Request fields: rows relative to row0. */
/* What is typed at every intake comes first (the request in the person's
 * words, the coordinator); what is preset (today, in person, by the person
 * themself, of their own accord) after it. */
static const struct fdef request_fields[] = {
	{REQUEST_F_ASKED, N_("Asked for"), FF_MULTI, 0, FC_FULL, 0, 4, true, 2000, NULL,
	 FBP(PART_REQUEST, struct request, asked, FB_TEXT)},
	{REQUEST_F_COORDINATOR, N_("Coordinator"), FF_CHOICE, 4, FC_LEFT, 0, 0, false, 0, NULL,
	 FBP(PART_REQUEST, struct request, coordinator_id, FB_ID)},
	{REQUEST_F_FILED, N_("Filed on"), FF_TEXT, 4, FC_RIGHT, 10, 0, true, 10, ACCEPT_DATE,
	 FBP(PART_REQUEST, struct request, filed_on, FB_TEXT)},
	{REQUEST_F_CHANNEL, N_("Channel"), FF_CHOICE, 5, FC_LEFT, 0, 0, true, 0, NULL,
	 FBP(PART_REQUEST, struct request, channel, FB_TEXT)},
	{REQUEST_F_FILED_BY, N_("Filed by"), FF_CHOICE, 5, FC_RIGHT, 0, 0, true, 0, NULL,
	 FBP(PART_REQUEST, struct request, filed_by, FB_TEXT)},
	{REQUEST_F_REFERRAL, N_("Referred by"), FF_CHOICE, 6, FC_LEFT, 0, 0, true, 0, NULL,
	 FBP(PART_REQUEST, struct request, referral_source, FB_TEXT)},
	/* a link shows the person's name: moved by hand */
	{REQUEST_F_FILER, N_("Filer"), FF_LINK, 6, FC_RIGHT, 0, 0, false, 0},
	{REQUEST_F_STATUS, N_("Status"), FF_CHOICE, 7, FC_LEFT, 0, 0, true, 0, NULL,
	 FBP(PART_REQUEST, struct request, status, FB_TEXT)},
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
	{
		/* each with how many open cases they have, to share the work */
		struct caseload *cl = NULL;
		size_t ncl = 0, k;
		long least = -1, least_open = 0;
		caseload(app->db, &app->me, &cl, &ncl);
		for (i = 0; i < n; i++) {
			long open = -1;
			for (k = 0; k < ncl; k++)
				if (cl[k].user_id == u[i].id)
					open = cl[k].open_cases;
			snprintf(o[i + 1].value, sizeof(o[i + 1].value), "%lld", (long long)u[i].id);
			str_copy(o[i + 1].label, sizeof(o[i + 1].label),
				 u[i].full_name[0] ? u[i].full_name : u[i].login);
			if (open >= 0)
				snprintf(o[i + 1].note, sizeof(o[i + 1].note),
					 P_("%ld open case", "%ld open cases", (unsigned long)open),
					 open);
			/* the list starts on the one with the fewest open cases */
			if (open >= 0 && (least < 0 || open < least_open)) {
				least = (long)(i + 1);
				least_open = open;
			}
		}
		free(cl);
		if (least > 0)
			o[least].suggested = true;
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
	char name[300];

	uform_load_part(uf, PART_REQUEST, r);
	person_display_name(app->db, r->filer_person_id, name, sizeof(name));
	uform_set_link(uf, REQUEST_F_FILER, r->filer_person_id, name);
	uf->dirty = false;
}

/* The request's fields into r; CD_EINVAL (the field in e) when a text is
 * longer than r holds. */
static int request_read(struct uform *uf, struct request *r, struct fielderr *e)
{
	int rc = uform_store_part(uf, PART_REQUEST, r, e);

	if (!rc)
		r->filer_person_id = uform_get_id(uf, REQUEST_F_FILER);
	return rc;
}

/* Another desk changed the request after this form read it: the user
 * decides (form_conflict); CD_ECONFLICT when nothing was saved (the form
 * is back, or shows theirs), else the status of saving mine or the merge. */
static int request_conflict(struct app *app, struct uform *uf, struct request *base,
			    struct request *mine, struct fielderr *e)
{
	struct request theirs;
	char who[128], when[32];
	enum conflict_choice c;
	int rc;

	if ((rc = request_get(app->db, &app->me, base->id, &theirs)))
		return rc;
	audit_last_change(app->db, "request", base->id, who, sizeof(who), when, sizeof(when));
	c = form_conflict(app, uf, PART_REQUEST, base, &theirs, mine, NULL, who, when);
	if (c == CONFLICT_BACK) {
		ui_status(app, false, "%s", _("Not saved; your text is still in the form."));
		return CD_ECONFLICT;
	}
	if (c == CONFLICT_TAKE_THEIRS) {
		*base = theirs;
		request_load(app, uf, base);
		ui_status(app, false, "%s", _("Showing what they saved; yours was not saved."));
		return CD_ECONFLICT;
	}
	mine->row_version = theirs.row_version;
	return request_update(app->db, &app->me, mine, e);
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

	if ((rc = person_form_read(uf, &q, &e)) || (rc = request_read(uf, &rq, &e))) {
		form_show_error(app, uf, &e, rc);
		return false;
	}
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
	if (rc == CD_EEXIST && e.field == REQUEST_F_PERSON) {
		/* the person has an open request: file a second one only when meant */
		char *ask = xasprintf(_("%s. Register another request anyway?"), e.msg);
		bool yes = ui_confirm(app, ask);
		free(ask);
		if (!yes) {
			ui_status(app, false, "%s", _("Not registered; the form is as you typed it."));
			return false;
		}
		rq.another_open_ok = true;
		rc = request_file_with_person(app->db, &app->me, &q, &rq, &e);
	}
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
	keyctx saved_ctx = app->context;
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
	fs.uf->left = person_form_left;
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
	fs.uf->left = person_form_left;
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
			if (!(rc = request_read(fs.uf, &rq, &e)) &&
			    (rc = request_update(app->db, &app->me, &rq, &e)) == CD_EINVAL &&
			    e.field == REQUEST_F_REASON) {
				/* a corrected filing date of a case in assessment: why */
				if (!ui_prompt_value(app, _("filing date"), _("Reason of the correction:"),
						     rq.change_reason, sizeof(rq.change_reason))) {
					ui_status(app, false, "%s",
						  _("Not saved; your text is still in the form."));
					continue;
				}
				rc = request_update(app->db, &app->me, &rq, &e);
			}
			if (rc == CD_ECONFLICT)
				rc = request_conflict(app, fs.uf, &r, &rq, &e);
			if (rc == CD_ECONFLICT)
				continue;    /* back to the form, or theirs shown */
			if (rc) {
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

/* The request list with its two filters (F5 status, F6 coordinator). */
struct requests {
	struct request *l;
	size_t n;
	int64_t person_id;    /* one person's requests, else 0 */
	int status_at;        /* 0 open, 1 all, 2.. a status */
	struct coord_filter *coords;
	size_t ncoords, coord_at;
};

static const char *status_label(const struct requests *s)
{
	return s->status_at == 0 ? _("open cases") : s->status_at == 1 ? _("all statuses") :
	       _(codes_request_status.items[s->status_at - 2].label);
}

static int requests_load(struct app *app, void *ctx, size_t *n)
{
	struct requests *s = ctx;
	struct request_filter f;
	int rc;

	free(s->l);
	s->l = NULL;
	s->n = 0;
	f.status = s->status_at == 0 ? "open" : s->status_at == 1 ? NULL :
		   codes_request_status.items[s->status_at - 2].code;
	f.coordinator_id = s->coords[s->coord_at].id;
	f.person_id = s->person_id;
	rc = request_list(app->db, &app->me, &f, &s->l, &s->n);
	*n = s->n;
	return rc;
}

static void requests_intro(struct app *app, void *ctx, size_t n, char *out, size_t size)
{
	const struct requests *s = ctx;

	snprintf(out, size, "%s: %s (F5)   %s: %s (F6)   %s: %zu", _("Status"), status_label(s),
		 _("Coordinator"), s->coords[s->coord_at].label, _("Shown"), n);
}

static void requests_cell(void *ctx, size_t row, size_t col, char *out, size_t size)
{
	const struct request *q = &((struct requests *)ctx)->l[row];

	str_copy(out, size, col == 0 ? q->case_ref : col == 1 ? q->filed_on :
		 col == 2 ? q->person_name : col == 3 ? code_label(&codes_request_status, q->status) :
		 q->coordinator_name[0] ? q->coordinator_name : "—");
}

static void requests_open(struct app *app, void *ctx, size_t row)
{
	ui_case(app, ((struct requests *)ctx)->l[row].id);   /* reception: the request's data */
}

static void filter_status(struct app *app, void *ctx, size_t row)
{
	struct requests *s = ctx;

	s->status_at = (s->status_at + 1) % (int)(codes_request_status.count + 2);
}

static void filter_coord(struct app *app, void *ctx, size_t row)
{
	struct requests *s = ctx;

	s->coord_at = (s->coord_at + 1) % s->ncoords;
}

static const struct list_col requests_cols[] = {
	{N_("Case ref."), 19}, {N_("Filed"), 10}, {N_("Person"), 22}, {N_("Status"), 16},
	{N_("Coordinator"), 0},
};
static const struct list_action requests_actions[] = {
	{A_FILTER_STATUS, false, filter_status},
	{A_FILTER_COORD, false, filter_coord},
};
static const struct list_ops requests_list = {
	.title = N_("requests"), .intro_text = requests_intro,
	.empty = N_("No requests match the filter."),
	.cols = requests_cols, .ncols = ARRAY_SIZE(requests_cols), .ctx = CTX_REQUESTS,
	.load = requests_load, .cell = requests_cell, .open = requests_open,
	.actions = requests_actions, .nactions = ARRAY_SIZE(requests_actions),
};

void ui_requests(struct app *app, int64_t person_id)
{
	struct requests s;
	struct user *u;
	size_t nu, i;

	memset(&s, 0, sizeof(s));
	s.person_id = person_id;
	s.status_at = person_id ? 1 : 0;
	/* coordinator filter: all, unassigned, each coordinator */
	user_list_with_role(app->db, ROLE_COORDINATOR | ROLE_ORGANISER, &u, &nu);
	s.coords = xcalloc(nu + 2, sizeof(*s.coords));
	str_copy(s.coords[0].label, sizeof(s.coords[0].label), _("all coordinators"));
	s.coords[1].id = -1;
	str_copy(s.coords[1].label, sizeof(s.coords[1].label), _("not assigned"));
	s.ncoords = 2;
	for (i = 0; i < nu; i++) {
		s.coords[s.ncoords].id = u[i].id;
		str_copy(s.coords[s.ncoords].label, sizeof(s.coords[s.ncoords].label),
			 u[i].full_name[0] ? u[i].full_name : u[i].login);
		if (u[i].id == app->me.user_id && !person_id)
			s.coord_at = s.ncoords; /* a coordinator starts with their own */
		s.ncoords++;
	}
	free(u);
	ui_list_run(app, &requests_list, &s);
	free(s.l);
	free(s.coords);
}
