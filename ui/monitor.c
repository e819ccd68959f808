/* monitor.c - monitoring notes and closing the plan. */
#include "form.h"
#include "monitoring.h"
#include "person_form.h"
#include "plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MF_WITH = 610 };
#define MAX_CHECKED 3
#define CF(i, k) (MON_F_ITEM + (int)(i) * 4 + (k))   /* k: 0 place 1 absences 2 satisfaction 3 delivered */

static void option_list(struct uform *uf, int id, const char *const *values,
			const char *const *labels, size_t n)
{
	struct fopt *o = xcalloc(n, sizeof(*o));
	size_t i;

	for (i = 0; i < n; i++) {
		str_copy(o[i].value, sizeof(o[i].value), values[i]);
		str_copy(o[i].label, sizeof(o[i].label), labels[i]);
	}
	uform_set_options(uf, id, o, n);
	free(o);
}

static void note_extras(struct app *app, struct form_screen *fs)
{
	ui_put(uform_window(fs->uf), 1, 1, _("Per service: is it taking place, absences since "
					     "the last note, satisfaction 1-5, amount delivered."),
	       COLS - 2, false);
}

void ui_monitoring_note(struct app *app, int64_t plan_id)
{
	struct plan_version cur;
	struct fdef defs[8 + MAX_CHECKED * 5];
	struct form_screen fs;
	struct monitoring_note m;
	size_t n = 0, i, nchecked = 0, idx[MAX_CHECKED];
	enum action a;
	static const char *kinds[] = {"phone", "home_visit", "at_cus", "provider_contact",
				      "specialist_opinion"};
	const char *kind_labels[] = {_("phone call"), _("home visit"), _("meeting at the centre"),
				     _("contact with the provider"), _("specialist opinion")};
	static const char *tp[] = {"-1", "1", "0"};
	const char *tp_labels[] = {_("not checked"), _("yes"), _("no")};
	static const char *sat[] = {"0", "1", "2", "3", "4", "5"};
	const char *sat_labels[] = {_("not rated"), "1", "2", "3", "4", "5"};

	if (plan_current(app->db, &app->me, plan_id, &cur)) {
		ui_status(app, true, "%s", _("the plan is not approved yet"));
		return;
	}
	defs[n++] = (struct fdef){-1, N_("Monitoring note"), FF_HEADER, 0, FC_LEFT};
	defs[n++] = (struct fdef){MON_F_HELD_ON, N_("Date"), FF_TEXT, 2, FC_LEFT, 10, 0, true, 10,
				  ACCEPT_DATE};
	defs[n++] = (struct fdef){MON_F_KIND, N_("Kind"), FF_CHOICE, 2, FC_RIGHT, 0, 0, true};
	defs[n++] = (struct fdef){MF_WITH, N_("With whom"), FF_TEXT, 3, FC_LEFT, 0, 0, false, 190};
	defs[n++] = (struct fdef){MON_F_NEXT, N_("Next contact"), FF_TEXT, 3, FC_RIGHT, 10, 0,
				  false, 10, ACCEPT_DATE};
	defs[n++] = (struct fdef){MON_F_TEXT, N_("Note"), FF_MULTI, 4, FC_FULL, 0, 4, false, 3990};
	for (i = 0; i < cur.nitems && nchecked < MAX_CHECKED; i++) {
		int row = 9 + (int)nchecked * 3;
		if (cur.items[i].ended_on[0])
			continue;
		idx[nchecked] = i;
		/* the service's name heads its rows (not a message: not translated) */
		defs[n++] = (struct fdef){-10 - (int)nchecked, cur.items[i].service_name, FF_HEADER,
					  row, FC_LEFT};
		defs[n++] = (struct fdef){CF(nchecked, 0), N_("Taking place"), FF_CHOICE, row + 1,
					  FC_LEFT};
		defs[n++] = (struct fdef){CF(nchecked, 1), N_("Absences"), FF_TEXT, row + 1, FC_RIGHT,
					  3, 0, false, 3, ACCEPT_DIGITS};
		defs[n++] = (struct fdef){CF(nchecked, 2), N_("Satisfaction"), FF_CHOICE, row + 2,
					  FC_LEFT};
		defs[n++] = (struct fdef){CF(nchecked, 3), N_("Delivered"), FF_TEXT, row + 2,
					  FC_RIGHT, 6, 0, false, 6, "0123456789.,"};
		nchecked++;
	}
	memset(&fs, 0, sizeof(fs));
	fs.uf = uform_new(defs, n);
	fs.title = _("monitoring note");
	fs.ctx = CTX_FORM;
	fs.top = 1;
	fs.gen = app->resize_gen - 1;
	fs.extras = note_extras;
	snprintf(fs.draft_prefix, sizeof(fs.draft_prefix), "monitoring:%lld", (long long)plan_id);
	option_list(fs.uf, MON_F_KIND, kinds, kind_labels, ARRAY_SIZE(kinds));
	for (i = 0; i < nchecked; i++) {
		option_list(fs.uf, CF(i, 0), tp, tp_labels, 3);
		option_list(fs.uf, CF(i, 2), sat, sat_labels, 6);
		uform_set(fs.uf, CF(i, 1), "0");
	}
	monitoring_note_init(&m, plan_id);
	uform_set(fs.uf, MON_F_HELD_ON, m.held_on);
	fs.uf->dirty = false;
	form_screen_restore(app, &fs);
	while ((a = form_screen_turn(app, &fs)) != A_BACK) {
		struct fielderr e;
		int rc;
		if (a != A_SAVE)
			continue;
		monitoring_note_release(&m);
		monitoring_note_init(&m, plan_id);
		str_copy(m.held_on, sizeof(m.held_on), uform_get(fs.uf, MON_F_HELD_ON));
		str_copy(m.kind, sizeof(m.kind), uform_get(fs.uf, MON_F_KIND));
		str_copy(m.with_whom, sizeof(m.with_whom), uform_get(fs.uf, MF_WITH));
		str_copy(m.next_contact_on, sizeof(m.next_contact_on), uform_get(fs.uf, MON_F_NEXT));
		str_copy(m.text, sizeof(m.text), uform_get(fs.uf, MON_F_TEXT));
		for (i = 0; i < nchecked; i++) {
			struct item_check *c;
			const char *tpv = uform_get(fs.uf, CF(i, 0));
			const char *del = uform_get(fs.uf, CF(i, 3));
			int sv = atoi(uform_get(fs.uf, CF(i, 2))), ab = atoi(uform_get(fs.uf, CF(i, 1)));
			if (!strcmp(tpv, "-1") && !sv && !ab && !del[0])
				continue;       /* nothing checked for this service */
			c = monitoring_add_check(&m, cur.items[idx[i]].id);
			c->taking_place = atoi(tpv);
			c->absences = ab;
			c->satisfaction = sv;
			if (del[0]) {
				char d[16];
				str_copy(d, sizeof(d), del);
				if (strchr(d, ','))
					*strchr(d, ',') = '.';
				c->delivered = strtod(d, NULL);
			}
		}
		if ((rc = monitoring_add(app->db, &app->me, &m, &e))) {
			form_show_error(app, fs.uf, &e, rc);
			continue;
		}
		form_screen_saved(app, &fs);
		ui_status(app, false, "%s", _("The monitoring note was saved."));
		break;
	}
	monitoring_note_release(&m);
	uform_free(&fs.uf);
	plan_version_release(&cur);
	werase(stdscr);
}

/* ---- closing ---- */

enum { CF_VIEW = 720, CF_CHANGES, CF_GOALS, CF_FURTHER };

static const struct fdef closing_fields[] = {
	{-1, N_("Closing the plan"), FF_HEADER, 0, FC_LEFT},
	{CLOSE_F_CONVERSATION, N_("Conversation"), FF_TEXT, 1, FC_LEFT, 10, 0, true, 10, ACCEPT_DATE},
	{CLOSE_F_CLOSED_ON, N_("Closed on"), FF_TEXT, 1, FC_RIGHT, 10, 0, true, 10, ACCEPT_DATE},
	{CLOSE_F_REASON, N_("Reason"), FF_CHOICE, 2, FC_LEFT, 0, 0, true},
	{CF_VIEW, N_("Person's view"), FF_MULTI, 3, FC_FULL, 0, 2, false, 3990},
	{CF_CHANGES, N_("What changed"), FF_MULTI, 5, FC_FULL, 0, 2, false, 3990},
	{CF_GOALS, N_("Goals met"), FF_MULTI, 7, FC_FULL, 0, 1, false, 3990},
	{CF_FURTHER, N_("Further needs"), FF_MULTI, 8, FC_FULL, 0, 1, false, 3990},
	{CLOSE_F_DESCRIPTION, N_("Description"), FF_MULTI, 10, FC_FULL, 0, 9, true, 11990},
};

static void closing_extras(struct app *app, struct form_screen *fs)
{
	ui_put(uform_window(fs->uf), 9, 1, _("The description of the course and implementation "
					     "of the plan (art. 45): F6 drafts it from the record."),
	       COLS - 2, false);
}

static void read_closing(struct uform *uf, struct closing *c)
{
	str_copy(c->conversation_on, sizeof(c->conversation_on),
		 uform_get(uf, CLOSE_F_CONVERSATION));
	str_copy(c->closed_on, sizeof(c->closed_on), uform_get(uf, CLOSE_F_CLOSED_ON));
	str_copy(c->reason, sizeof(c->reason), uform_get(uf, CLOSE_F_REASON));
	str_copy(c->person_view, sizeof(c->person_view), uform_get(uf, CF_VIEW));
	str_copy(c->changes, sizeof(c->changes), uform_get(uf, CF_CHANGES));
	str_copy(c->goals_met, sizeof(c->goals_met), uform_get(uf, CF_GOALS));
	str_copy(c->further_needs, sizeof(c->further_needs), uform_get(uf, CF_FURTHER));
	str_copy(c->description, sizeof(c->description), uform_get(uf, CLOSE_F_DESCRIPTION));
}

void ui_closing(struct app *app, int64_t plan_id)
{
	static const char *reasons[] = {"completed", "goals_achieved", "resignation",
					"moved_away", "death", "transferred", "other"};
	const char *reason_labels[] = {_("completed"), _("goals achieved"), _("resignation"),
				       _("moved away"), _("death"), _("transferred"), _("other")};
	struct form_screen fs;
	struct closing *c = xcalloc(1, sizeof(*c));
	struct date today;
	char d[11];
	enum action a;

	if (closing_get(app->db, &app->me, plan_id, c) == CD_OK) {
		ui_text_view(app, _("description of the plan's course"), c->description);
		free(c);
		return;
	}
	memset(&fs, 0, sizeof(fs));
	fs.uf = uform_new(closing_fields, ARRAY_SIZE(closing_fields));
	fs.title = _("closing the plan");
	fs.ctx = CTX_CLOSING;
	fs.top = 1;
	fs.gen = app->resize_gen - 1;
	fs.extras = closing_extras;
	snprintf(fs.draft_prefix, sizeof(fs.draft_prefix), "closing:%lld", (long long)plan_id);
	option_list(fs.uf, CLOSE_F_REASON, reasons, reason_labels, ARRAY_SIZE(reasons));
	date_today(&today);
	date_format(&today, d);
	uform_set(fs.uf, CLOSE_F_CONVERSATION, d);
	uform_set(fs.uf, CLOSE_F_CLOSED_ON, d);
	fs.uf->dirty = false;
	form_screen_restore(app, &fs);
	while ((a = form_screen_turn(app, &fs)) != A_BACK) {
		struct fielderr e;
		int rc;
		if (a == A_GENERATE) {
			char *text;
			read_closing(fs.uf, c);
			c->plan_id = plan_id;
			if (c->description[0] &&
			    !ui_confirm(app, _("Replace the description with a new draft?")))
				continue;
			text = closing_draft(app->db, &app->me, c);
			uform_set(fs.uf, CLOSE_F_DESCRIPTION, text);
			free(text);
			fs.uf->dirty = true;
			fs.unsaved_typing = true;
			uform_focus(fs.uf, CLOSE_F_DESCRIPTION);
			ui_status(app, false, "%s", _("Drafted from the plan, the monitoring and the "
						      "conversation; edit it as needed."));
		} else if (a == A_SAVE) {
			read_closing(fs.uf, c);
			c->plan_id = plan_id;
			if ((rc = closing_save(app->db, &app->me, c, &e))) {
				form_show_error(app, fs.uf, &e, rc);
				continue;
			}
			form_screen_saved(app, &fs);
			ui_status(app, false, _("The plan was closed; follow-up due %s."), c->followup_due);
			break;
		}
	}
	uform_free(&fs.uf);
	free(c);
	werase(stdscr);
}
