/* monitor.c - monitoring notes and closing the plan. */
#include "form.h"
#include "codes.h"
#include "monitoring.h"
#include "person_form.h"
#include "plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MF_WITH = 610 };
/* fields of the form for one service's check */
enum { KF_PLACE = 640, KF_ON_TIME, KF_QUALITY, KF_SATISFACTION, KF_ABSENCES, KF_DELIVERED,
       KF_ORDERED };

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

static const struct fdef note_fields[] = {
	{-1, N_("Monitoring note"), FF_HEADER, 0, FC_LEFT},
	{MON_F_HELD_ON, N_("Date"), FF_TEXT, 2, FC_LEFT, 10, 0, true, 10, ACCEPT_DATE,
	 FB(struct monitoring_note, held_on, FB_TEXT)},
	{MON_F_KIND, N_("Kind"), FF_CHOICE, 2, FC_RIGHT, 0, 0, true, 0, NULL,
	 FB(struct monitoring_note, kind, FB_TEXT)},
	{MF_WITH, N_("With whom"), FF_TEXT, 3, FC_LEFT, 0, 0, false, 190, NULL,
	 FB(struct monitoring_note, with_whom, FB_TEXT)},
	{MON_F_NEXT, N_("Next contact"), FF_TEXT, 3, FC_RIGHT, 10, 0, false, 10, ACCEPT_DATE,
	 FB(struct monitoring_note, next_contact_on, FB_TEXT)},
	{MON_F_TEXT, N_("Note"), FF_MULTI, 4, FC_FULL, 0, 6, false, 3990, NULL,
	 FB(struct monitoring_note, text, FB_TEXT)},
};

static const struct fdef check_fields[] = {
	{-1, N_("Service check"), FF_HEADER, 0, FC_LEFT},
	{KF_PLACE, N_("Taking place"), FF_CHOICE, 3, FC_LEFT, 0, 0, false, 0, NULL,
	 FB(struct item_check, taking_place, FB_INT_ZERO)},
	{KF_ON_TIME, N_("On time"), FF_CHOICE, 3, FC_RIGHT, 0, 0, false, 0, NULL,
	 FB(struct item_check, on_time, FB_INT_ZERO)},
	{KF_QUALITY, N_("Quality"), FF_CHOICE, 4, FC_LEFT, 0, 0, false, 0, NULL,
	 FB(struct item_check, quality, FB_INT_ZERO)},
	{KF_SATISFACTION, N_("Satisfaction"), FF_CHOICE, 4, FC_RIGHT, 0, 0, false, 0, NULL,
	 FB(struct item_check, satisfaction, FB_INT_ZERO)},
	/* each absence is recorded with its day (F7), excused or not */
	{KF_ABSENCES, N_("Absences"), FF_READONLY, 5, FC_FULL, 0, 0, false, 0, NULL},
	{KF_DELIVERED, N_("Delivered"), FF_TEXT, 6, FC_LEFT, 8, 0, false, 8, "0123456789.,",
	 FB(struct item_check, delivered, FB_NUMBER)},
	{KF_ORDERED, N_("Ordered"), FF_TEXT, 6, FC_RIGHT, 8, 0, false, 8, "0123456789.,",
	 FB(struct item_check, ordered, FB_NUMBER)},
};

/* The monitoring note screen: the note, and what it found per service. */
struct note_screen {
	struct app *app;
	struct plan_version cur;
	struct monitoring_note m;     /* checks collected so far */
	int limit;                    /* absences that prompt ending a service */
};

static struct item_check *check_of(struct monitoring_note *m, int64_t item_id)
{
	size_t i;

	for (i = 0; i < m->nchecks; i++)
		if (m->checks[i].item_id == item_id)
			return &m->checks[i];
	return NULL;
}

/* "tak, na czas, jakość 4, zadowolenie 5, 0 nieob., 8/8.7" */
static void check_summary(const struct item_check *c, char *out, size_t size)
{
	struct strbuf sb;

	sb_init(&sb);
	if (!c) {
		sb_add(&sb, _("not checked (F6)"));
	} else {
		if (c->taking_place >= 0)
			sb_addf(&sb, "%s: %s, ", _("taking place"), c->taking_place ? _("yes") : _("no"));
		if (c->on_time >= 0)
			sb_addf(&sb, "%s: %s, ", _("on time"), c->on_time ? _("yes") : _("no"));
		if (c->quality > 0)
			sb_addf(&sb, "%s %d, ", _("quality"), c->quality);
		if (c->satisfaction > 0)
			sb_addf(&sb, "%s %d, ", _("satisfaction"), c->satisfaction);
		sb_addf(&sb, P_("%d absence", "%d absences", (unsigned long)c->absences), c->absences);
		if (c->excused)
			sb_addf(&sb, P_(" (+%d excused)", " (+%d excused)", (unsigned long)c->excused),
				c->excused);
		if (c->delivered >= 0) {
			char n[32];
			number_text(c->delivered, n, sizeof(n));
			sb_addf(&sb, ", %s %s", _("delivered"), n);
			if (c->ordered >= 0) {
				number_text(c->ordered, n, sizeof(n));
				sb_addf(&sb, "/%s", n);
			}
		}
	}
	str_copy(out, size, sb.buf ? sb.buf : "");
	sb_release(&sb);
}

static void note_extras(struct app *app, struct form_screen *fs)
{
	struct note_screen *ns = fs->data;
	WINDOW *w = uform_window(fs->uf);
	int y = 11, maxy = getmaxy(w);
	size_t i, k = 0;
	char line[600], sum[300];

	ui_put(w, 1, 1, _("Who you spoke with and what you found; F6 checks each service."),
	       COLS - 2, false);
	wattrset(w, ui_attr(R_HEADER));
	ui_put(w, y++, 1, _(" Services of the plan (F6: check one) "), COLS - 2, true);
	wattrset(w, A_NORMAL);
	for (i = 0; i < ns->cur.nitems && y < maxy - 1; i++) {
		const struct plan_item *it = &ns->cur.items[i];
		if (it->ended_on[0])
			continue;
		k++;
		snprintf(line, sizeof(line), "%zu. %s – %s", k, it->service_name, it->provider_name);
		ui_put(w, y++, 1, line, COLS - 2, true);
		if (y >= maxy)
			break;
		check_summary(check_of(&ns->m, it->id), sum, sizeof(sum));
		snprintf(line, sizeof(line), "   %s", sum);
		ui_put(w, y++, 1, line, COLS - 2, true);
	}
	if (!k)
		ui_put(w, y, 1, _("No service of the plan is running."), COLS - 2, true);
}

struct check_screen {
	const struct plan_item *it;
	struct item_check *c;          /* the check being edited */
};

/* "2 unexcused, 1 excused (F7 adds one)" */
static void absences_shown(struct uform *uf, const struct item_check *c)
{
	char t[160];
	size_t k;
	int un = 0, ex = 0;

	for (k = 0; k < c->nabs; k++)
		c->abs[k].excused ? ex++ : un++;
	if (!c->nabs) {
		un = c->absences;
		ex = c->excused;
	}
	snprintf(t, sizeof(t), _("%d unexcused, %d excused (F7 adds one, F8 takes the last off)"),
		 un, ex);
	uform_set(uf, KF_ABSENCES, t);
}

static void check_extras(struct app *app, struct form_screen *fs)
{
	const struct check_screen *cs = fs->data;
	const struct plan_item *it = cs->it;
	WINDOW *w = uform_window(fs->uf);
	char line[1200], amount[96];
	size_t k;
	int y = 10;

	item_amount_text(it, amount, sizeof(amount));
	snprintf(line, sizeof(line), "%s – %s (%s)", it->service_name, it->provider_name, amount);
	ui_put(w, 1, 1, line, COLS - 2, false);
	ui_put(w, 8, 1, _("Absences since the last note; amounts for the period the note covers "
			  "(ordered: a month by default)."), COLS - 2, false);
	/* the absences recorded so far, each with its day */
	for (k = 0; k < cs->c->nabs && y < getmaxy(w) - 1; k++, y++) {
		const struct absence_rec *r = &cs->c->abs[k];
		if (r->excused)
			snprintf(line, sizeof(line), "  %s  %s: %s", r->on, _("excused"), r->reason);
		else
			snprintf(line, sizeof(line), "  %s  %s", r->on, _("unexcused"));
		ui_put(w, y, 1, line, COLS - 2, true);
	}
	for (; y < getmaxy(w) - 1 && y < 10 + ABSENCES_MAX; y++)
		ui_put(w, y, 1, "", COLS - 2, true);
}

/* F7 in a service check: one absence, its day, excused (with the reason)
 * or not. */
static void absence_add(struct app *app, struct item_check *c)
{
	struct absence_rec r;
	wint_t k;

	if (c->nabs >= ABSENCES_MAX) {
		ui_status(app, true, _("at most %d absences in one note"), ABSENCES_MAX);
		return;
	}
	memset(&r, 0, sizeof(r));
	if (!ui_prompt_date(app, _("An absence"), _("Day of the absence (Enter: today):"), false,
			    r.on))
		return;
	k = ui_ask(app, _("An absence"), _("[T] excused   [N] unexcused (counts toward the "
					   "limit)   [Esc] back"), "tn");
	if (!k)
		return;
	r.excused = k == 't';
	if (r.excused && !ui_prompt(app, _("An excused absence"), _("Reason:"), false, r.reason,
				    sizeof(r.reason)))
		return;
	c->abs[c->nabs++] = r;
}

/* The check of one service; true when confirmed with F2. */
static bool check_edit(struct app *app, const struct plan_item *it, size_t index,
		       struct item_check *c)
{
	static const char *yn[] = {"-1", "1", "0"};
	const char *yn_labels[] = {_("not checked"), _("yes"), _("no")};
	static const char *rate[] = {"0", "1", "2", "3", "4", "5"};
	const char *rate_labels[] = {_("not rated"), "1", "2", "3", "4", "5"};
	struct form_screen fs;
	struct item_check edited;
	struct check_screen cs;
	enum action a;
	bool ok = false;

	cs.it = it;
	cs.c = &edited;
	form_screen_init(&fs, app, check_fields, ARRAY_SIZE(check_fields), _("service check"),
			 CTX_FORM | CTX_CHECK, check_extras, &cs);
	option_list(fs.uf, KF_PLACE, yn, yn_labels, 3);
	option_list(fs.uf, KF_ON_TIME, yn, yn_labels, 3);
	option_list(fs.uf, KF_QUALITY, rate, rate_labels, 6);
	option_list(fs.uf, KF_SATISFACTION, rate, rate_labels, 6);
	edited = *c;
	edited.taking_place = c->taking_place < 0 ? -1 : !!c->taking_place;
	edited.on_time = c->on_time < 0 ? -1 : !!c->on_time;
	if (edited.ordered < 0)   /* a month of the plan by default, rounded to a tenth */
		edited.ordered = (double)(long)(plan_item_monthly(it) * 10 + 0.5) / 10;
	uform_load(fs.uf, &edited);
	absences_shown(fs.uf, &edited);
	while ((a = form_screen_turn(app, &fs)) != A_BACK) {
		struct fielderr e;
		if (a == A_ABSENCE_ADD || a == A_ABSENCE_REMOVE) {
			if (a == A_ABSENCE_ADD)
				absence_add(app, &edited);
			else if (edited.nabs && ui_confirm(app, _("Take the last absence off?")))
				edited.nabs--;
			absences_shown(fs.uf, &edited);
			fs.uf->dirty = true;
			continue;
		}
		if (a != A_SAVE)
			continue;
		if (uform_store(fs.uf, &edited, &e) || item_check_validate(&edited, index, &e)) {
			ui_status(app, true, "%s", e.msg);
			continue;
		}
		if (edited.nabs) {
			size_t k;
			edited.absences = edited.excused = 0;
			for (k = 0; k < edited.nabs; k++)
				edited.abs[k].excused ? edited.excused++ : edited.absences++;
		}
		*c = edited;
		ok = true;
		break;
	}
	uform_free(&fs.uf);
	werase(stdscr);
	return ok;
}

/* Chooses a running service of the plan; its index in cur, or -1. */
static int choose_running(struct app *app, const struct plan_version *cur)
{
	const char **labels = xcalloc(cur->nitems + 1, sizeof(char *));
	int *which = xcalloc(cur->nitems + 1, sizeof(int));
	size_t i, n = 0;
	int r;

	for (i = 0; i < cur->nitems; i++)
		if (!cur->items[i].ended_on[0]) {
			which[n] = (int)i;
			labels[n++] = cur->items[i].service_name;
		}
	r = n == 1 ? 0 : n ? ui_choose(app, _("Check which service"), labels, n, 0) : -1;
	r = r >= 0 ? which[r] : -1;
	free(labels);
	free(which);
	return r;
}

/* After saving: services whose absences reached the centre's limit. */
static void absence_prompt(struct app *app, int64_t plan_id, const struct plan_version *cur)
{
	int64_t *ids = NULL;
	size_t n = 0, i, j;
	struct strbuf msg;

	if (absence_alerts(app->db, &app->me, plan_id, &ids, &n) || !n) {
		free(ids);
		return;
	}
	sb_init(&msg);
	for (i = 0; i < n; i++)
		for (j = 0; j < cur->nitems; j++)
			if (cur->items[j].id == ids[i]) {
				int k = item_absences(app->db, ids[i]);
				sb_addf(&msg, "%s: ", cur->items[j].service_name);
				sb_addf(&msg, P_("%d absence", "%d absences", (unsigned long)k), k);
				sb_add(&msg, "\n");
			}
	sb_add(&msg, "\n");
	sb_add(&msg, _("The absences reached the centre's limit. In the case view, "
		       "e ends the service and a updates the plan."));
	ui_message(app, _("Absences"), msg.buf);
	sb_release(&msg);
	free(ids);
}

/* A new note, or (from != NULL) the correction of a saved one: the form
 * starts from it, and saving adds the correction, the first kept. */
static void note_form(struct app *app, int64_t plan_id, const struct monitoring_note *from)
{
	struct note_screen ns;
	struct form_screen fs;
	enum action a;
	size_t j;

	memset(&ns, 0, sizeof(ns));
	ns.app = app;
	if (plan_current(app->db, &app->me, plan_id, &ns.cur)) {
		ui_status(app, true, "%s", _("the plan is not approved yet"));
		return;
	}
	monitoring_note_init(&ns.m, plan_id);
	if (from) {
		str_copy(ns.m.held_on, sizeof(ns.m.held_on), from->held_on);
		str_copy(ns.m.kind, sizeof(ns.m.kind), from->kind);
		str_copy(ns.m.with_whom, sizeof(ns.m.with_whom), from->with_whom);
		str_copy(ns.m.text, sizeof(ns.m.text), from->text);
		str_copy(ns.m.next_contact_on, sizeof(ns.m.next_contact_on), from->next_contact_on);
		for (j = 0; j < from->nchecks; j++)
			*monitoring_add_check(&ns.m, from->checks[j].item_id) = from->checks[j];
		ns.m.corrects_id = from->id;
	}
	form_screen_init(&fs, app, note_fields, ARRAY_SIZE(note_fields),
			 from ? _("correcting a monitoring note") : _("monitoring note"),
			 CTX_MONITOR, note_extras, &ns);
	if (from)
		snprintf(fs.draft_prefix, sizeof(fs.draft_prefix), "monitoring:%lld:corrects:%lld",
			 (long long)plan_id, (long long)from->id);
	else
		snprintf(fs.draft_prefix, sizeof(fs.draft_prefix), "monitoring:%lld",
			 (long long)plan_id);
	uform_set_code_options(fs.uf, MON_F_KIND, &codes_note_kind, false);
	uform_load(fs.uf, &ns.m);
	form_screen_restore(app, &fs);
	while ((a = form_screen_turn(app, &fs)) != A_BACK) {
		struct fielderr e;
		int rc;
		if (a == A_CHECK_ITEM) {
			int k = choose_running(app, &ns.cur);
			struct item_check *c, tmp;
			size_t index = 0, i;
			if (k < 0)
				continue;
			for (i = 0; i < (size_t)k; i++)
				index += !ns.cur.items[i].ended_on[0];
			c = check_of(&ns.m, ns.cur.items[k].id);
			if (!c) {
				/* a fresh check: only kept when confirmed */
				memset(&tmp, 0, sizeof(tmp));
				tmp.item_id = ns.cur.items[k].id;
				tmp.taking_place = tmp.on_time = -1;
				tmp.delivered = tmp.ordered = -1;
				if (check_edit(app, &ns.cur.items[k], index, &tmp)) {
					*monitoring_add_check(&ns.m, tmp.item_id) = tmp;
					fs.uf->dirty = true;
				}
			} else if (check_edit(app, &ns.cur.items[k], index, c)) {
				fs.uf->dirty = true;
			}
			continue;
		}
		if (a != A_SAVE)
			continue;
		if ((rc = uform_store(fs.uf, &ns.m, &e)) ||
		    (rc = monitoring_add(app->db, &app->me, &ns.m, &e))) {
			form_show_error(app, fs.uf, &e, rc);
			continue;
		}
		form_screen_saved(app, &fs);
		ui_status(app, false, "%s", from ? _("The correction was saved; the first note is "
						     "kept as it was.") :
			  _("The monitoring note was saved."));
		absence_prompt(app, plan_id, &ns.cur);
		break;
	}
	monitoring_note_release(&ns.m);
	uform_free(&fs.uf);
	plan_version_release(&ns.cur);
	werase(stdscr);
}

void ui_monitoring_note(struct app *app, int64_t plan_id)
{
	note_form(app, plan_id, NULL);
}

/* A saved note in full: when, how, with whom, the text, each service
 * checked, and whether it was corrected or corrects another. */
static char *note_text(const struct monitoring_note *m, const struct monitoring_note *all,
		       size_t n)
{
	struct strbuf sb;
	size_t i, k;
	char sum[300];

	sb_init(&sb);
	sb_addf(&sb, "%s, %s%s%s (%s)\n", m->held_on, code_label(&codes_note_kind, m->kind),
		m->with_whom[0] ? ", " : "", m->with_whom, m->author);
	for (k = 0; k < n; k++) {
		if (m->corrected_by && all[k].id == m->corrected_by)
			sb_addf(&sb, _("Corrected by the note of %s (%s): this one is kept as it "
				       "was written."), all[k].held_on, all[k].author);
		if (m->corrects_id && all[k].id == m->corrects_id)
			sb_addf(&sb, _("A correction of the note of %s."), all[k].held_on);
	}
	sb_add(&sb, "\n\n");
	sb_add(&sb, m->text);
	sb_add(&sb, "\n");
	for (i = 0; i < m->nchecks; i++) {
		check_summary(&m->checks[i], sum, sizeof(sum));
		sb_addf(&sb, "\n- %s: %s", m->checks[i].service_name, sum);
	}
	if (m->next_contact_on[0])
		sb_addf(&sb, "\n\n%s: %s", _("Next contact"), m->next_contact_on);
	return sb_detach(&sb);
}

void ui_monitoring_notes(struct app *app, int64_t plan_id)
{
	for (;;) {
		struct monitoring_note *l;
		size_t n, i;
		const char **labels;
		char **own;
		int k;
		wint_t what = 0;

		if (ui_failed(app, monitoring_list(app->db, &app->me, plan_id, &l, &n)))
			return;
		if (!n) {
			ui_status(app, true, "%s", _("no monitoring notes yet"));
			free(l);
			return;
		}
		labels = xcalloc(n, sizeof(char *));
		own = xcalloc(n, sizeof(char *));
		for (i = 0; i < n; i++) {
			char first[60];
			str_copy(first, sizeof(first), l[i].text);
			if (strchr(first, '\n'))
				*strchr(first, '\n') = '\0';
			own[i] = xasprintf("%s %s%s: %s", l[i].held_on,
					   code_label(&codes_note_kind, l[i].kind),
					   l[i].corrected_by ? _(" [corrected]") :
					   l[i].corrects_id ? _(" [correction]") : "", first);
			labels[i] = own[i];
		}
		k = ui_choose(app, _("Monitoring notes (Enter opens one)"), labels, n, (int)n - 1);
		if (k >= 0) {
			char *text = note_text(&l[k], l, n);
			ui_text_view(app, _("monitoring note"), text);
			free(text);
			if (!l[k].corrected_by)
				what = ui_ask(app, _("Monitoring note"),
					      _("[P] correct it (a new note; this one is kept)   "
						"[Esc] back to the list"), "p");
			else
				ui_status(app, false, "%s", _("This note was corrected; open the "
							      "correction to correct it again."));
			if (what == 'p')
				note_form(app, plan_id, &l[k]);
		}
		for (i = 0; i < n; i++)
			free(own[i]);
		free(own);
		free(labels);
		monitoring_list_free(l, n);
		if (k < 0)
			return;
	}
}

/* ---- closing ---- */

enum { CF_VIEW = 720, CF_CHANGES, CF_GOALS, CF_FURTHER };

static const struct fdef closing_fields[] = {
	{-1, N_("Closing the plan"), FF_HEADER, 0, FC_LEFT},
	{CLOSE_F_CONVERSATION, N_("Conversation"), FF_TEXT, 1, FC_LEFT, 10, 0, true, 10, ACCEPT_DATE,
	 FB(struct closing, conversation_on, FB_TEXT)},
	{CLOSE_F_CLOSED_ON, N_("Closed on"), FF_TEXT, 1, FC_RIGHT, 10, 0, true, 10, ACCEPT_DATE,
	 FB(struct closing, closed_on, FB_TEXT)},
	{CLOSE_F_REASON, N_("Reason"), FF_CHOICE, 2, FC_LEFT, 0, 0, true, 0, NULL,
	 FB(struct closing, reason, FB_TEXT)},
	{CF_VIEW, N_("Person's view"), FF_MULTI, 3, FC_FULL, 0, 2, false, 3990, NULL,
	 FB(struct closing, person_view, FB_TEXT)},
	{CF_CHANGES, N_("What changed"), FF_MULTI, 5, FC_FULL, 0, 2, false, 3990, NULL,
	 FB(struct closing, changes, FB_TEXT)},
	{CF_GOALS, N_("Goals met"), FF_MULTI, 7, FC_FULL, 0, 1, false, 3990, NULL,
	 FB(struct closing, goals_met, FB_TEXT)},
	{CF_FURTHER, N_("Further needs"), FF_MULTI, 8, FC_FULL, 0, 1, false, 3990, NULL,
	 FB(struct closing, further_needs, FB_TEXT)},
	{CLOSE_F_DESCRIPTION, N_("Description"), FF_MULTI, 10, FC_FULL, 0, 9, true, 11990, NULL,
	 FB(struct closing, description, FB_TEXT)},
};

static void closing_extras(struct app *app, struct form_screen *fs)
{
	ui_put(uform_window(fs->uf), 9, 1, _("The description of the course and implementation "
					     "of the plan (art. 45): F6 drafts it from the record."),
	       COLS - 2, false);
}

/* Closing is for good: the services still running end on the closing
 * day, and the plan is not changed afterwards.  Says which and asks. */
static bool confirm_closing(struct app *app, int64_t plan_id, const struct closing *c)
{
	struct plan_version cur;
	struct strbuf sb;
	size_t i, running = 0;
	bool yes;

	sb_init(&sb);
	sb_addf(&sb, _("Closing the plan on %s (%s)."), c->closed_on,
		code_label(&codes_closure_reason, c->reason));
	sb_add(&sb, "\n");
	if (plan_current(app->db, &app->me, plan_id, &cur) == CD_OK) {
		for (i = 0; i < cur.nitems; i++)
			if (!cur.items[i].ended_on[0])
				running++;
		if (running) {
			sb_addf(&sb, _("These services end on %s:"), c->closed_on);
			sb_add(&sb, "\n");
			for (i = 0; i < cur.nitems; i++)
				if (!cur.items[i].ended_on[0])
					sb_addf(&sb, "- %s, %s (%s %s)\n", cur.items[i].service_name,
						cur.items[i].provider_name, _("planned until"),
						cur.items[i].ends_on);
		}
		if (strcmp(c->closed_on, cur.period_to) < 0) {
			sb_addf(&sb, _("The plan was to run until %s."), cur.period_to);
			sb_add(&sb, "\n");
		}
		plan_version_release(&cur);
	}
	sb_add(&sb, _("After closing the plan cannot be changed."));
	sb_add(&sb, "\n\n");
	sb_add(&sb, _("Close the plan?"));
	yes = ui_confirm(app, sb.buf);
	sb_release(&sb);
	return yes;
}

void ui_closing(struct app *app, int64_t plan_id)
{
	struct form_screen fs;
	struct closing *c = xcalloc(1, sizeof(*c));
	struct date today;
	enum action a;

	if (closing_get(app->db, &app->me, plan_id, c) == CD_OK) {
		ui_text_view(app, _("description of the plan's course"), c->description);
		free(c);
		return;
	}
	form_screen_init(&fs, app, closing_fields, ARRAY_SIZE(closing_fields), _("closing the plan"),
			 CTX_CLOSING, closing_extras, NULL);
	snprintf(fs.draft_prefix, sizeof(fs.draft_prefix), "closing:%lld", (long long)plan_id);
	uform_set_code_options(fs.uf, CLOSE_F_REASON, &codes_closure_reason, false);
	date_today(&today);
	date_format(&today, c->conversation_on);
	date_format(&today, c->closed_on);
	uform_load(fs.uf, c);
	form_screen_restore(app, &fs);
	while ((a = form_screen_turn(app, &fs)) != A_BACK) {
		struct fielderr e;
		int rc;
		if (a == A_GENERATE) {
			char *text;
			if ((rc = uform_store(fs.uf, c, &e))) {
				form_show_error(app, fs.uf, &e, rc);
				continue;
			}
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
			c->plan_id = plan_id;
			if ((rc = uform_store(fs.uf, c, &e))) {
				form_show_error(app, fs.uf, &e, rc);
				continue;
			}
			if (!confirm_closing(app, plan_id, c))
				continue;
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
