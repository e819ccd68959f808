/* planedit.c - drawing up and updating the plan (IPUS). */
#include "journal.h"
#include "form.h"
#include "codes.h"
#include "catalogue.h"
#include "person_form.h"
#include "plan.h"
#include "group.h"
#include "offer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { PF_SIGNED = 350, PF_VIEW, PF_NOTE };

/* A supporting activity for the plan: one of the community organiser's
 * list (kind and name from it) or another one described here. */
static bool add_activity(struct app *app, struct plan_version *v)
{
	static const char *codes[] = {"volunteering", "self_help", "neighbour_help"};
	struct activity *l = NULL;
	size_t n = 0, i, m = 0;
	const char **labels;
	int64_t *ids;
	char desc[400] = "";
	bool added = false;
	int k;

	activity_list(app->db, &app->me, &l, &n);
	labels = xcalloc(n + 4, sizeof(char *));
	ids = xcalloc(n + 4, sizeof(int64_t));
	for (i = 0; i < n; i++)
		if (!strcmp(l[i].status, "active")) {
			ids[m] = (int64_t)i;
			labels[m++] = l[i].name;
		}
	for (i = 0; i < 3; i++) {
		ids[m] = -1 - (int64_t)i;
		labels[m++] = activity_kind_label(codes[i]);
	}
	k = ui_choose(app, _("Supporting activity"), labels, m, 0);
	if (k >= 0) {
		struct activity *ac = ids[k] >= 0 ? &l[ids[k]] : NULL;
		if (ac)
			str_copy(desc, sizeof(desc), ac->name);
		if (ui_prompt_value(app, _("Supporting activity"), _("What:"), desc, sizeof(desc))) {
			struct supporting_activity *sa = plan_add_act(v);
			str_copy(sa->kind, sizeof(sa->kind), ac ? ac->kind : codes[-1 - ids[k]]);
			str_copy(sa->description, sizeof(sa->description), desc);
			sa->activity_id = ac ? ac->id : 0;
			added = true;
		}
	}
	free(ids);
	free(labels);
	free(l);
	return added;
}

static const struct fdef plan_fields[] = {
	{-1, N_("Plan (IPUS)"), FF_HEADER, 0, FC_LEFT},
	{PLAN_F_FROM, N_("From"), FF_TEXT, 1, FC_LEFT, 10, 0, true, 10, ACCEPT_DATE,
	 FB(struct plan_version, period_from, FB_TEXT)},
	{PLAN_F_TO, N_("To"), FF_TEXT, 1, FC_RIGHT, 10, 0, true, 10, ACCEPT_DATE,
	 FB(struct plan_version, period_to, FB_TEXT)},
	{PLAN_F_AGREED, N_("Agreed on"), FF_TEXT, 2, FC_LEFT, 10, 0, false, 10, ACCEPT_DATE,
	 FB(struct plan_version, agreed_on, FB_TEXT)},
	{PF_SIGNED, N_("Signed"), FF_CHOICE, 2, FC_RIGHT, 0, 0, false, 0, NULL,
	 FB(struct plan_version, signed_paper, FB_BOOL)},
	{PLAN_F_GOALS, N_("Goals"), FF_MULTI, 3, FC_FULL, 0, 2, false, 1990, NULL,
	 FB(struct plan_version, goals, FB_TEXT)},
	{PF_VIEW, N_("Person's view"), FF_MULTI, 5, FC_FULL, 0, 2, false, 1990, NULL,
	 FB(struct plan_version, person_view, FB_TEXT)},
};

struct plan_screen {
	struct plan_version v;
	struct plan_version base;   /* as read or last saved: what another desk's save is told from */
	const char *warning;
	char warn[300];
};

/* A copy of a version with arrays of its own. */
static void version_copy(struct plan_version *dst, const struct plan_version *src)
{
	*dst = *src;
	dst->items = src->nitems ? xcalloc(src->nitems, sizeof(*dst->items)) : NULL;
	dst->acts = src->nacts ? xcalloc(src->nacts, sizeof(*dst->acts)) : NULL;
	if (src->nitems)
		memcpy(dst->items, src->items, src->nitems * sizeof(*dst->items));
	if (src->nacts)
		memcpy(dst->acts, src->acts, src->nacts * sizeof(*dst->acts));
}

/* The fields of a service the coordinator edits. */
static bool same_item(const struct plan_item *a, const struct plan_item *b)
{
	return a->programme_id == b->programme_id && a->service_id == b->service_id &&
	       a->provider_id == b->provider_id && a->place_id == b->place_id &&
	       !strcmp(a->starts_on, b->starts_on) && !strcmp(a->ends_on, b->ends_on) &&
	       a->amount == b->amount && !strcmp(a->frequency, b->frequency) &&
	       !strcmp(a->notes, b->notes) && !strcmp(a->override_reason, b->override_reason);
}

static const struct plan_item *item_by_id(const struct plan_version *v, int64_t id)
{
	size_t i;

	for (i = 0; id > 0 && i < v->nitems; i++)
		if (v->items[i].id == id)
			return &v->items[i];
	return NULL;
}

/* Their changes to the services into mine, where this desk left a service
 * as it was: the ones they added, removed or changed. */
static void merge_items(const struct plan_version *base, const struct plan_version *theirs,
			struct plan_version *mine)
{
	size_t i, k;

	for (i = 0; i < theirs->nitems; i++)
		if (!item_by_id(base, theirs->items[i].id))
			*plan_add_item(mine) = theirs->items[i];       /* they added it */
	for (i = 0, k = 0; i < mine->nitems; i++) {
		const struct plan_item *b = item_by_id(base, mine->items[i].id);
		const struct plan_item *t = item_by_id(theirs, mine->items[i].id);
		if (b && same_item(b, &mine->items[i])) {
			if (!t)
				continue;                              /* they removed it */
			mine->items[i] = *t;                           /* theirs, maybe changed */
		}
		mine->items[k++] = mine->items[i];
	}
	mine->nitems = k;
}

/* What they did to the services, as lines for the conflict dialog. */
static char *items_changed(const struct plan_version *base, const struct plan_version *theirs)
{
	struct plan_diff *d = NULL;
	struct strbuf sb;
	size_t nd = 0, i;

	sb_init(&sb);
	sb_add(&sb, "");
	plan_compare(base, theirs, &d, &nd);
	for (i = 0; i < nd; i++)
		sb_addf(&sb, "  %s %s: %s\n", d[i].kind == DIFF_ADDED ? "+" :
			d[i].kind == DIFF_REMOVED ? "-" : "~", d[i].service_name,
			d[i].kind == DIFF_ADDED ? _("added") :
			d[i].kind == DIFF_REMOVED ? _("removed") : d[i].what);
	free(d);
	return sb_detach(&sb);
}

static void plan_extras(struct app *app, struct form_screen *fs)
{
	struct plan_screen *ps = fs->data;
	WINDOW *w = uform_window(fs->uf);
	int y = 8, maxy = getmaxy(w);
	size_t i;
	char line[1200];

	wattrset(w, ui_attr(R_HEADER));
	snprintf(line, sizeof(line), _(" Services (F6 add, F7 change, F8 remove) — version %d, %s "),
		 ps->v.version_no ? ps->v.version_no : 1,
		 code_label(&codes_plan_status, ps->v.status[0] ? ps->v.status : "draft"));
	ui_put(w, y++, 1, line, COLS - 2, true);
	wattrset(w, A_NORMAL);
	/* two rows a service: what, then who, when and how much */
	for (i = 0; i < ps->v.nitems && y < maxy - 3; i++) {
		const struct plan_item *it = &ps->v.items[i];
		char amount[96];
		item_amount_text(it, amount, sizeof(amount));
		snprintf(line, sizeof(line), "%zu. %s%s", i + 1, it->service_name,
			 it->override_reason[0] ? _(" [limit overridden]") : "");
		ui_put(w, y++, 1, line, COLS - 2, true);
		snprintf(line, sizeof(line), "   %s – %s · %s · %s", it->starts_on, it->ends_on,
			 amount, it->provider_name);
		ui_put(w, y++, 1, line, COLS - 2, true);
	}
	if (i < ps->v.nitems) {
		snprintf(line, sizeof(line), P_("… and %zu more service (F7 lists them all)",
						"… and %zu more services (F7 lists them all)",
						ps->v.nitems - i), ps->v.nitems - i);
		ui_put(w, y++, 1, line, COLS - 2, true);
	}
	if (!ps->v.nitems)
		ui_put(w, y++, 1, _("No services yet."), COLS - 2, true);
	for (i = 0; i < ps->v.nacts && y < maxy - 1; i++) {
		snprintf(line, sizeof(line), _("Supporting: %s"), ps->v.acts[i].description);
		ui_put(w, y++, 1, line, COLS - 2, true);
	}
	if (y < maxy - 1) {
		ui_put(w, maxy - 2, 1, "", COLS - 2, true);
		ui_put(w, maxy - 1, 1, "", COLS - 2, true);
	}
	/* a returned plan: what the approver asked for, while it is corrected */
	if (!strcmp(ps->v.status, "returned") && ps->v.return_comment[0] && !ps->warn[0]) {
		size_t nl, k;
		char *t = xasprintf(_("Returned by the approver: %s"), ps->v.return_comment);
		char **l = ui_wrap_lines(t, COLS - 2, &nl);
		wattrset(w, ui_attr(R_ERROR));
		for (k = 0; k < nl && k < 2; k++)
			ui_put(w, maxy - 2 + (int)k, 1, l[k], COLS - 2, true);
		wattrset(w, A_NORMAL);
		ui_free_lines(l, nl);
		free(t);
	}
	if (ps->warn[0] && y < maxy - 1) {
		/* the whole message, over two rows at the bottom */
		size_t nl, k;
		char **l = ui_wrap_lines(ps->warn, COLS - 2, &nl);
		wattrset(w, ui_attr(R_ERROR));
		for (k = 0; k < nl && k < 2; k++)
			ui_put(w, maxy - 2 + (int)k, 1, l[k], COLS - 2, true);
		wattrset(w, A_NORMAL);
		ui_free_lines(l, nl);
	}
}

/* ---- one service of the plan ---- */

enum { IF_SERVICE = 1, IF_PROVIDER, IF_PLACE, IF_FROM, IF_TO, IF_AMOUNT, IF_FREQ, IF_NOTES,
       IF_OVERRIDE, IF_DAYS, IF_HOURS };

static const struct fdef item_fields[] = {
	{-1, N_("A service of the plan"), FF_HEADER, 0, FC_LEFT},
	{IF_SERVICE, N_("Service"), FF_CHOICE, 2, FC_FULL, 0, 0, true},
	{IF_PROVIDER, N_("Provider"), FF_CHOICE, 3, FC_FULL, 0, 0, true, 0, NULL,
	 FB(struct plan_item, provider_id, FB_ID)},
	{IF_PLACE, N_("Place"), FF_CHOICE, 4, FC_FULL, 0, 0, false, 0, NULL,
	 FB(struct plan_item, place_id, FB_ID)},
	{IF_FROM, N_("From"), FF_TEXT, 5, FC_LEFT, 10, 0, true, 10, ACCEPT_DATE,
	 FB(struct plan_item, starts_on, FB_TEXT)},
	{IF_TO, N_("To"), FF_TEXT, 5, FC_RIGHT, 10, 0, true, 10, ACCEPT_DATE,
	 FB(struct plan_item, ends_on, FB_TEXT)},
	{IF_AMOUNT, N_("Amount"), FF_TEXT, 6, FC_LEFT, 6, 0, true, 6, ACCEPT_NUMBER,
	 FB(struct plan_item, amount, FB_NUMBER)},
	{IF_FREQ, N_("How often"), FF_CHOICE, 6, FC_RIGHT, 0, 0, true, 0, NULL,
	 FB(struct plan_item, frequency, FB_TEXT)},
	{IF_DAYS, N_("Days"), FF_TEXT, 7, FC_LEFT, 0, 0, false, 0, NULL,
	 FB(struct plan_item, days, FB_TEXT)},
	{IF_HOURS, N_("Hours"), FF_TEXT, 7, FC_RIGHT, 11, 0, false, 0, "0123456789:.- ",
	 FB(struct plan_item, hours, FB_TEXT)},
	{IF_NOTES, N_("Notes"), FF_TEXT, 8, FC_FULL, 0, 0, false, 490, NULL,
	 FB(struct plan_item, notes, FB_TEXT)},
	{IF_OVERRIDE, N_("Justification"), FF_TEXT, 10, FC_FULL, 0, 0, false, 490, NULL,
	 FB(struct plan_item, override_reason, FB_TEXT)},
};

static void item_extras(struct app *app, struct form_screen *fs)
{
	const char *sv = strchr(uform_get(fs->uf, IF_SERVICE), ':');
	struct service svc;

	ui_put(uform_window(fs->uf), 9, 1,
	       _("Days like \"pn śr pt\" or \"pn-pt\", hours like \"9-11\" (both may stay "
		 "empty)."), COLS - 2, false);
	ui_put(uform_window(fs->uf), 11, 1,
	       _("A justification is needed only when the plan goes over a programme limit."),
	       COLS - 2, false);
	/* the amount's unit beside it: "10 [godzin]" */
	if (sv && service_get(app->db, &app->me, strtoll(sv + 1, NULL, 10), &svc) == CD_OK) {
		double amount = uform_get_number(fs->uf, IF_AMOUNT);
		ui_put(uform_window(fs->uf), 6, 1 + 15 + 8,
		       unit_amount_label(svc.unit, amount > 0 ? amount : 5), 14, false);
	}
}

static void set_choice_options(struct uform *uf, int id, struct choice *c, size_t n,
			       bool empty, bool two_ids)
{
	struct fopt *o = xcalloc(n + 1, sizeof(*o));
	size_t i, k = 0;

	if (empty)
		k++;
	for (i = 0; i < n; i++, k++) {
		if (two_ids)
			snprintf(o[k].value, sizeof(o[k].value), "%lld:%lld",
				 (long long)c[i].id, (long long)c[i].id2);
		else
			snprintf(o[k].value, sizeof(o[k].value), "%lld", (long long)c[i].id);
		str_copy(o[k].label, sizeof(o[k].label), c[i].label);
	}
	uform_set_options(uf, id, o, k);
	free(o);
}

static void provider_options(struct app *app, struct uform *uf)
{
	struct choice *c;
	size_t n;
	const char *sv = strchr(uform_get(uf, IF_SERVICE), ':');

	if (catalogue_providers_of(app->db, sv ? strtoll(sv + 1, NULL, 10) : 0, &c, &n) == CD_OK)
		set_choice_options(uf, IF_PROVIDER, c, n, false, false);
	free(c);
}

/* Edits *it; true when the user confirmed it with F2. */
static bool item_edit(struct app *app, const struct plan_version *v, struct plan_item *it)
{
	struct form_screen fs;
	struct plan_item t = *it;
	struct choice *c;
	size_t n;
	char buf[64], service_before[64];
	enum action a;
	bool ok = false;

	form_screen_init(&fs, app, item_fields, ARRAY_SIZE(item_fields), _("service of the plan"),
			 CTX_FORM, item_extras, NULL);
	if (catalogue_programme_services(app->db, &c, &n) == CD_OK)
		set_choice_options(fs.uf, IF_SERVICE, c, n, false, true);
	free(c);
	if (catalogue_places(app->db, &c, &n) == CD_OK)
		set_choice_options(fs.uf, IF_PLACE, c, n, true, false);
	free(c);
	uform_set_code_options(fs.uf, IF_FREQ, &codes_frequency, false);
	if (it->service_id) {
		snprintf(buf, sizeof(buf), "%lld:%lld", (long long)it->programme_id,
			 (long long)it->service_id);
		uform_set(fs.uf, IF_SERVICE, buf);
	}
	provider_options(app, fs.uf);
	/* a new service: the plan's period, weekly, no amount yet */
	if (!t.starts_on[0])
		str_copy(t.starts_on, sizeof(t.starts_on), v->period_from);
	if (!t.ends_on[0])
		str_copy(t.ends_on, sizeof(t.ends_on), v->period_to);
	if (!t.frequency[0])
		str_copy(t.frequency, sizeof(t.frequency), "week");
	if (t.amount <= 0)
		t.amount = -1;
	uform_load(fs.uf, &t);
	{
		/* the stored days ("1,3,5") as people read and type them */
		char days[80];
		weekdays_text(t.days, days, sizeof(days));
		uform_set(fs.uf, IF_DAYS, days);
	}
	str_copy(service_before, sizeof(service_before), uform_get(fs.uf, IF_SERVICE));
	while ((a = form_screen_turn(app, &fs)) != A_BACK) {
		/* the providers follow the chosen service */
		if (strcmp(service_before, uform_get(fs.uf, IF_SERVICE))) {
			str_copy(service_before, sizeof(service_before), uform_get(fs.uf, IF_SERVICE));
			uform_set(fs.uf, IF_PROVIDER, "");
			provider_options(app, fs.uf);
		}
		if (a == A_SAVE) {
			/* the service's choice is "programme:service", moved by hand */
			const char *sv = uform_get(fs.uf, IF_SERVICE);
			struct fielderr e;
			int rc;
			if ((rc = uform_store(fs.uf, &t, &e))) {
				form_show_error(app, fs.uf, &e, rc);
				continue;
			}
			{
				/* the schedule read at once, so the list shows it as stored */
				char days[32], hours[12];
				if (!weekdays_parse(t.days, days, sizeof(days))) {
					fielderr_set(&e, IF_DAYS, "%s", _("Days: like \"pn śr pt\" or "
									  "\"pn-pt\""));
					form_show_error(app, fs.uf, &e, CD_EINVAL);
					continue;
				}
				str_copy(t.days, sizeof(t.days), days);
				str_trim(t.hours);
				if (t.hours[0] && !hours_parse(t.hours, hours)) {
					fielderr_set(&e, IF_HOURS, "%s", _("Hours: like \"9-11\" or "
									   "\"9:30-11:00\", the start before "
									   "the end"));
					form_show_error(app, fs.uf, &e, CD_EINVAL);
					continue;
				}
				if (t.hours[0])
					str_copy(t.hours, sizeof(t.hours), hours);
			}
			t.programme_id = strtoll(sv, NULL, 10);
			t.service_id = strchr(sv, ':') ? strtoll(strchr(sv, ':') + 1, NULL, 10) : 0;
			if (t.amount < 0)
				t.amount = 0;
			*it = t;
			/* names for the list; the rules are checked when the plan is saved */
			plan_item_describe(app->db, it);
			ok = true;
			break;
		}
	}
	uform_free(&fs.uf);
	werase(stdscr);
	return ok;
}

static int choose_item(struct app *app, const struct plan_version *v, const char *title)
{
	const char **l = xcalloc(v->nitems + 1, sizeof(char *));
	char **own = xcalloc(v->nitems + 1, sizeof(char *));
	size_t i;
	int r;

	for (i = 0; i < v->nitems; i++) {
		own[i] = xasprintf("%zu. %s – %s", i + 1, v->items[i].service_name,
				   v->items[i].provider_name);
		l[i] = own[i];
	}
	/* a plan of one service needs no choosing */
	r = v->nitems == 1 ? 0 : v->nitems ? ui_choose(app, title, l, v->nitems, 0) : -1;
	for (i = 0; i < v->nitems; i++)
		free(own[i]);
	free(own);
	free(l);
	return r;
}

static int save(struct app *app, int64_t request_id, struct form_screen *fs,
		struct plan_screen *ps)
{
	struct plan_warning *w = NULL;
	size_t nw = 0;
	struct fielderr e;
	int rc;

	ps->warn[0] = '\0';
	if ((rc = uform_store(fs->uf, &ps->v, &e))) {
		form_show_error(app, fs->uf, &e, rc);
		return rc;
	}
	if (!ps->v.id)
		rc = plan_create_warn(app->db, &app->me, request_id, &ps->v, &w, &nw, &e);
	else
		rc = plan_save(app->db, &app->me, &ps->v, &w, &nw, &e);
	if (rc == CD_ECONFLICT) {
		/* another desk saved the plan after it was read here */
		struct plan_version theirs;
		enum conflict_choice c;
		char who[128], when[32], *more;
		if ((rc = plan_version_get(app->db, &app->me, ps->v.id, &theirs))) {
			ui_failed(app, rc);
			return rc;
		}
		audit_last_change(app->db, "plan", ps->v.plan_id, who, sizeof(who), when,
				  sizeof(when));
		more = items_changed(&ps->base, &theirs);
		c = form_conflict(app, fs->uf, 0, &ps->base, &theirs, &ps->v, more, who, when);
		free(more);
		if (c == CONFLICT_BACK) {
			plan_version_release(&theirs);
			ui_status(app, false, "%s", _("Not saved; your text is still in the form."));
			return CD_ECONFLICT;
		}
		if (c == CONFLICT_TAKE_THEIRS) {
			plan_version_release(&ps->v);
			plan_version_release(&ps->base);
			ps->v = theirs;
			version_copy(&ps->base, &ps->v);
			uform_load(fs->uf, &ps->v);
			ui_status(app, false, "%s", _("Showing what they saved; yours was not saved."));
			return CD_ECONFLICT;
		}
		if (c == CONFLICT_MERGED)
			merge_items(&ps->base, &theirs, &ps->v);
		ps->v.row_version = theirs.row_version;
		plan_version_release(&theirs);
		rc = plan_save(app->db, &app->me, &ps->v, &w, &nw, &e);
	}
	if (rc) {
		if (e.field >= PLAN_F_ITEM && e.field < PLAN_F_ACT)
			str_copy(ps->warn, sizeof(ps->warn), e.msg);
		form_show_error(app, fs->uf, &e, rc);
		free(w);
		return rc;
	}
	form_screen_saved(app, fs);
	fs->uf->dirty = false;
	uform_clear_marks(fs->uf);
	plan_version_release(&ps->base);
	version_copy(&ps->base, &ps->v);
	if (nw)
		snprintf(ps->warn, sizeof(ps->warn), _("Saved with a limit overridden: %s"), w[0].text);
	ui_status(app, false, "%s", _("The plan was saved. In the case view, s submits it "
				      "for approval."));
	free(w);
	return CD_OK;
}

void ui_plan_edit(struct app *app, int64_t request_id)
{
	struct form_screen fs;
	struct plan_screen ps;
	struct plan_version *vers = NULL;
	struct fopt yn[2];
	size_t nv = 0, i;
	int64_t plan_id = 0;
	enum action a;

	{
		struct fielderr e;
		int rc = case_opened(app->db, &app->me, request_id, "plan", &e);
		if (rc) {
			ui_report(app, rc, &e, NULL);
			return;
		}
	}
	memset(&ps, 0, sizeof(ps));
	plan_version_init(&ps.v);
	if (plan_of_request(app->db, &app->me, request_id, &plan_id, &vers, &nv) == CD_OK) {
		plan_version_release(&ps.v);
		plan_version_get(app->db, &app->me, vers[0].id, &ps.v);
		for (i = 0; i < nv; i++)
			plan_version_release(&vers[i]);
	}
	free(vers);
	if (ps.v.id && strcmp(ps.v.status, "draft") && strcmp(ps.v.status, "returned")) {
		ui_status(app, true, "%s", _("only a draft or a returned plan can be changed; "
					     "start an update instead"));
		plan_version_release(&ps.v);
		return;
	}
	if (!ps.v.id) {
		struct date today, to;
		date_today(&today);
		date_format(&today, ps.v.period_from);
		date_add_months(&today, 6, &to);
		date_from_days(date_to_days(&to) - 1, &to);
		date_format(&to, ps.v.period_to);
	}
	form_screen_init(&fs, app, plan_fields, ARRAY_SIZE(plan_fields), _("plan"),
			 CTX_PLAN, plan_extras, &ps);
	snprintf(fs.draft_prefix, sizeof(fs.draft_prefix), "plan:%lld", (long long)request_id);
	memset(yn, 0, sizeof(yn));
	str_copy(yn[0].value, sizeof(yn[0].value), "0");
	str_copy(yn[0].label, sizeof(yn[0].label), _("no"));
	str_copy(yn[1].value, sizeof(yn[1].value), "1");
	str_copy(yn[1].label, sizeof(yn[1].label), _("yes, on paper"));
	uform_set_options(fs.uf, PF_SIGNED, yn, 2);
	uform_load(fs.uf, &ps.v);
	version_copy(&ps.base, &ps.v);
	form_screen_restore(app, &fs);
	while ((a = form_screen_turn(app, &fs)) != A_BACK) {
		if (a == A_SAVE) {
			save(app, request_id, &fs, &ps);
		} else if (a == A_ADD_ITEM) {
			struct plan_item it;
			memset(&it, 0, sizeof(it));
			if (item_edit(app, &ps.v, &it)) {
				*plan_add_item(&ps.v) = it;
				fs.uf->dirty = true;
				ui_status(app, false, "%s", _("Service added; F2 saves the plan."));
			}
		} else if (a == A_EDIT_ITEM) {
			int k = choose_item(app, &ps.v, _("Change which service"));
			if (k >= 0 && item_edit(app, &ps.v, &ps.v.items[k]))
				fs.uf->dirty = true;
		} else if (a == A_DEL_ITEM) {
			int k = choose_item(app, &ps.v, _("Remove which service"));
			if (k >= 0 && ui_confirm(app, _("Remove this service from the plan?"))) {
				memmove(&ps.v.items[k], &ps.v.items[k + 1],
					(ps.v.nitems - (size_t)k - 1) * sizeof(*ps.v.items));
				ps.v.nitems--;
				fs.uf->dirty = true;
			}
		} else if (a == A_ADD_ACT) {
			if (add_activity(app, &ps.v))
				fs.uf->dirty = true;
		}
	}
	uform_free(&fs.uf);
	plan_version_release(&ps.base);
	plan_version_release(&ps.v);
	werase(stdscr);
}
