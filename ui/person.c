/* person.c - the person card: data, links, household, requests. */
#include "person_form.h"
#include "codes.h"
#include "request.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The household and the requests, under the form. */
static void draw_extras(struct app *app, struct uform *uf, int64_t id, int row)
{
	WINDOW *w = uform_window(uf);
	struct person_hit *m;
	struct request *r;
	size_t n, i;
	struct strbuf sb;
	struct request_filter f = {NULL, 0, id};

	if (!id)
		return;
	wattrset(w, ui_attr(R_HEADER));
	ui_put(w, row, 1, _("Household:"), 15, false);
	wattrset(w, A_NORMAL);
	sb_init(&sb);
	sb_add(&sb, "");
	if (person_household_members(app->db, &app->me, id, &m, &n) == CD_OK) {
		for (i = 0; i < n; i++)
			sb_addf(&sb, "%s%s %s", i ? ", " : "", m[i].surname, m[i].first_names);
		free(m);
	}
	if (sb.len)
		sb_addf(&sb, "  %s", _("(F6 adds, F8 takes this person out)"));
	ui_put(w, row, 16, sb.len ? sb.buf : _("(lives alone or not recorded; F6 adds)"),
	       COLS - 17, true);
	sb_release(&sb);

	wattrset(w, ui_attr(R_HEADER));
	ui_put(w, row + 1, 1, _("Requests:"), 15, false);
	wattrset(w, A_NORMAL);
	if (request_list(app->db, &app->me, &f, &r, &n) == CD_OK) {
		int y = row + 1;
		if (!n)
			ui_put(w, y, 16, _("none (F3 files one)"), COLS - 17, true);
		for (i = 0; i < n && y < getmaxy(w); i++, y++) {
			char line[300];
			snprintf(line, sizeof(line), "%-20s %s  %s", r[i].case_ref, r[i].filed_on,
				 code_label(&codes_request_status, r[i].status));
			ui_put(w, y, 16, line, COLS - 17, true);
		}
		free(r);
	}
}

struct card {
	struct person p;
};

static void card_extras(struct app *app, struct form_screen *fs)
{
	struct card *c = fs->data;
	draw_extras(app, fs->uf, c->p.id, PERSON_BLOCK_ROWS_FULL + 1);
}

/* F2 on the card: saves, or shows why not (the form keeps the text). */
static void card_save(struct app *app, struct uform *uf, struct person *p)
{
	struct person q = *p;
	struct fielderr e;
	int64_t use;
	wint_t ans;
	int rc;

	if ((rc = person_form_read(uf, &q, &e))) {
		form_show_error(app, uf, &e, rc);
		return;
	}
	ans = person_form_precheck(app, uf, &q, &use);
	if (ans == 'u') {
		/* open the registered person instead */
		person_get(app->db, &app->me, use, p);
		person_form_load(app, uf, p);
		ui_status(app, false, "%s",
			  _("Showing the registered person; nothing new was saved."));
		return;
	}
	if (ans != 's')
		return;
	rc = person_save(app->db, &app->me, &q, &e);
	if (rc == CD_ECONFLICT) {
		/* someone saved the person since the card was read: show it, ask */
		struct person theirs;
		char who[128], when[32];
		enum conflict_choice c;
		if ((rc = person_get(app->db, &app->me, p->id, &theirs))) {
			ui_failed(app, rc);
			return;
		}
		audit_last_change(app->db, "person", p->id, who, sizeof(who), when, sizeof(when));
		c = form_conflict(app, uf, PART_PERSON, p, &theirs, &q, NULL, who, when);
		if (c == CONFLICT_BACK) {
			ui_status(app, false, "%s", _("Not saved; your text is still in the form."));
			return;
		}
		if (c == CONFLICT_TAKE_THEIRS) {
			*p = theirs;
			person_form_load(app, uf, p);
			ui_status(app, false, "%s", _("Showing what they saved; yours was not saved."));
			return;
		}
		/* mine, or merged, written over the version they saved */
		q.row_version = theirs.row_version;
		q.household_id = theirs.household_id;
		rc = person_save(app->db, &app->me, &q, &e);
	}
	if (rc) {
		form_show_error(app, uf, &e, rc);
		return;
	}
	*p = q;
	person_form_load(app, uf, p); /* shows the derived birth date and sex */
	uform_clear_marks(uf);
	ui_status(app, false, _("Saved: %s %s."), p->surname, p->first_names);
}

int64_t ui_person_card(struct app *app, int64_t id)
{
	struct fdef defs[PERSON_F__COUNT + 1];
	struct form_screen fs;
	struct card c;
	size_t n;
	int64_t saved_current = app->current_person;
	const char *saved_title = app->screen_title;
	keyctx saved_ctx = app->context;
	enum action a;

	defs[0] = (struct fdef){-1, N_("Person"), FF_HEADER, 0, FC_LEFT, 0, 0, false, 0};
	n = 1 + person_form_defs(defs + 1, 1, true);
	memset(&fs, 0, sizeof(fs));
	fs.uf = uform_new(defs, n);
	fs.uf->check = person_form_check;
	fs.uf->left = person_form_left;
	fs.ctx = CTX_PERSON;
	fs.top = 1;
	fs.gen = app->resize_gen - 1;
	fs.extras = card_extras;
	fs.data = &c;
	person_form_options(app, fs.uf);
	person_init(&c.p);
	ui_status_clear(app);
	if (id) {
		int rc = person_get(app->db, &app->me, id, &c.p);
		if (rc) {
			ui_failed(app, rc);
			uform_free(&fs.uf);
			return 0;
		}
		person_form_load(app, fs.uf, &c.p);
	}
	for (;;) {
		fs.title = c.p.id ? _("person card") : _("register a person");
		app->current_person = c.p.id;
		a = form_screen_turn(app, &fs);
		if (a == A_BACK)
			break;
		if (a == A_PICK) {
			person_form_pick_link(app, fs.uf, (int)c.p.id);
		} else if (a == A_HOUSEHOLD && c.p.id) {
			int64_t other = ui_search(app, true, _("add to the household"));
			struct fielderr e;
			int rc = other ? person_household_join(app->db, &app->me, c.p.id, other, &e)
				       : CD_OK;
			if (rc)
				ui_report(app, rc, &e, NULL);
			else if (other)
				ui_status(app, false, "%s", _("Added to the household."));
			person_get(app->db, &app->me, c.p.id, &c.p);
		} else if (a == A_LEAVE_HOUSEHOLD && c.p.id && c.p.household_id) {
			if (ui_confirm(app, _("Take this person out of their household?"))) {
				if (!ui_failed(app, person_household_leave(app->db, &app->me, c.p.id)))
					ui_status(app, false, "%s", _("Taken out of the household."));
				person_get(app->db, &app->me, c.p.id, &c.p);
			}
		} else if (a == A_REQUESTS && c.p.id) {
			ui_requests(app, c.p.id);
		} else if (a == A_CONSENTS && c.p.id) {
			ui_consents(app, c.p.id);
		} else if (a == A_SAVE) {
			card_save(app, fs.uf, &c.p);
		}
	}
	uform_free(&fs.uf);
	app->current_person = saved_current;
	app->screen_title = saved_title;
	app->context = saved_ctx;
	werase(stdscr);
	return c.p.id;
}
