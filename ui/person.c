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

int64_t ui_person_card(struct app *app, int64_t id)
{
	struct fdef defs[PERSON_F__COUNT + 1];
	struct uform *uf;
	struct person p;
	size_t n;
	unsigned gen = app->resize_gen - 1;
	int64_t saved_current = app->current_person, result = 0;
	const char *saved_title = app->screen_title;
	unsigned saved_ctx = app->context;

	defs[0] = (struct fdef){-1, N_("Person"), FF_HEADER, 0, FC_LEFT, 0, 0, false, 0};
	n = 1 + person_form_defs(defs + 1, 1, true);
	uf = uform_new(defs, n);
	uf->check = person_form_check;
	person_form_options(app, uf);
	person_init(&p);
	ui_status_clear(app);
	if (id) {
		int rc = person_get(app->db, &app->me, id, &p);
		if (rc) {
			ui_status(app, true, "%s", rc == CD_EPERM ?
				  _("your role does not allow this") : _("no such person"));
			uform_free(&uf);
			return 0;
		}
		person_form_load(app, uf, &p);
	}
	for (;;) {
		wint_t ch;
		int r;
		enum action a;

		app->screen_title = id ? _("person card") : _("register a person");
		app->context = CTX_PERSON;
		app->current_person = p.id;
		if (gen != app->resize_gen) {
			gen = app->resize_gen;
			werase(stdscr);
			uform_layout(uf, 1);
		}
		ui_frame(app);
		wnoutrefresh(stdscr);
		uform_draw(uf);
		draw_extras(app, uf, p.id, PERSON_BLOCK_ROWS_FULL + 1);
		uform_place_cursor(uf);
		r = ui_getkey(app, uform_window(uf), &ch);
		if (r == KEY_CODE_YES && ch == KEY_RESIZE)
			continue;
		a = keys_action(CTX_PERSON, r, ch);
		if (a == A_BACK) {
			if (!uf->dirty || ui_confirm(app, _("Leave without saving what you typed?")))
				break;
			continue;
		}
		if (a == A_PICK) {
			if (!uform_pick(app, uf))
				person_form_pick_link(app, uf, (int)p.id);
			continue;
		}
		if (a == A_CLEAR && uform_current_type(uf) == FF_LINK) {
			uform_set_link(uf, uform_current_id(uf), 0, NULL);
			continue;
		}
		if (a == A_HOUSEHOLD && p.id) {
			int64_t other = ui_search(app, true, _("add to the household"));
			struct fielderr e;
			if (other && person_household_join(app->db, &app->me, p.id, other, &e))
				ui_status(app, true, "%s", e.msg[0] ? e.msg :
					  _("your role does not allow this"));
			else if (other)
				ui_status(app, false, "%s", _("Added to the household."));
			person_get(app->db, &app->me, p.id, &p);
			continue;
		}
		if (a == A_REQUESTS && p.id) {
			ui_requests(app, p.id);
			continue;
		}
		if (a == A_SAVE) {
			struct person q = p;
			struct fielderr e;
			int rc;
			person_form_read(uf, &q);
			if (!q.id) {
				struct date today;
				int64_t use;
				wint_t ans;
				date_today(&today);
				if ((rc = person_validate(&q, &today, &e))) {
					form_show_error(app, uf, &e, rc);
					continue;
				}
				ans = person_dup_dialog(app, &q, &use);
				if (ans == 'u') {
					/* open the registered person instead */
					person_get(app->db, &app->me, use, &p);
					person_form_load(app, uf, &p);
					ui_status(app, false, "%s",
						  _("Showing the registered person; nothing new was saved."));
					continue;
				}
				if (ans != 's')
					continue;
			}
			rc = person_save(app->db, &app->me, &q, &e);
			if (rc) {
				form_show_error(app, uf, &e, rc);
				continue;
			}
			p = q;
			person_form_load(app, uf, &p); /* shows derived birth date and sex */
			uform_clear_marks(uf);
			result = p.id;
			ui_status(app, false, _("Saved: %s %s."), p.surname, p.first_names);
			continue;
		}
		uform_key(app, uf, r, ch);
	}
	uform_free(&uf);
	app->current_person = saved_current;
	app->screen_title = saved_title;
	app->context = saved_ctx;
	werase(stdscr);
	return result ? result : p.id;
}
