/* assess.c - the needs assessment screens and its outcome. */
#include "journal.h"
#include "form.h"
#include "assessment.h"
#include "codes.h"
#include "catalogue.h"
#include "casefile.h"
#include "person_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { AF_WITH_PERSON = 250, AF_WITH_REP, AF_WITH_CARER, AF_OTHERS, AF_PLACE_NOTE };

static const struct fdef assess_fields[] = {
	{-1, N_("Needs assessment"), FF_HEADER, 0, FC_LEFT},
	{ASSESS_F_HELD_ON, N_("Held on"), FF_TEXT, 2, FC_LEFT, 10, 0, true, 10, ACCEPT_DATE,
	 FB(struct assessment, held_on, FB_TEXT)},
	{ASSESS_F_PLACE, N_("Place"), FF_CHOICE, 2, FC_RIGHT, 0, 0, true, 0, NULL,
	 FB(struct assessment, place, FB_TEXT)},
	{AF_PLACE_NOTE, N_("Where"), FF_TEXT, 3, FC_RIGHT, 0, 0, false, 190, NULL,
	 FB(struct assessment, place_note, FB_TEXT)},
	{AF_WITH_PERSON, N_("The person"), FF_CHOICE, 4, FC_LEFT, 0, 0, false, 0, NULL,
	 FB(struct assessment, with_person, FB_BOOL)},
	{AF_WITH_REP, N_("Legal repr."), FF_CHOICE, 5, FC_LEFT, 0, 0, false, 0, NULL,
	 FB(struct assessment, with_legal_rep, FB_BOOL)},
	{AF_WITH_CARER, N_("Actual carer"), FF_CHOICE, 6, FC_LEFT, 0, 0, false, 0, NULL,
	 FB(struct assessment, with_carer, FB_BOOL)},
	{AF_OTHERS, N_("Others"), FF_TEXT, 7, FC_FULL, 0, 0, false, 190, NULL,
	 FB(struct assessment, others, FB_TEXT)},
	{ASSESS_F_MONTHS, N_("Coordination"), FF_TEXT, 8, FC_LEFT, 2, 0, false, 2, ACCEPT_DIGITS,
	 FB(struct assessment, coordination_months, FB_INT)},
};

static void place_options(struct uform *uf)
{
	struct fopt o[3];

	memset(o, 0, sizeof(o));
	str_copy(o[0].value, sizeof(o[0].value), "cus");
	str_copy(o[0].label, sizeof(o[0].label), _("at the centre"));
	str_copy(o[1].value, sizeof(o[1].value), "home");
	str_copy(o[1].label, sizeof(o[1].label), _("at the person's home"));
	str_copy(o[2].value, sizeof(o[2].value), "other");
	str_copy(o[2].label, sizeof(o[2].label), _("elsewhere"));
	uform_set_options(uf, ASSESS_F_PLACE, o, 3);
}

static void assess_extras(struct app *app, struct form_screen *fs)
{
	const struct assessment *as = fs->data;
	WINDOW *w = uform_window(fs->uf);

	ui_put(w, 1, 1, _("Who took part, where; months of coordination (3 or more: a plan "
			  "is required)."), COLS - 2, false);
	ui_put(w, 10, 1, as->id ? _("F6: what the person said per life domain   F7: needs "
				    "found") : _("Save first (F2); then F6 life domains, F7 needs."),
	       COLS - 2, false);
	if (!strcmp(as->status, "final"))
		ui_put(w, 12, 1, _("The assessment is final: read only."), COLS - 2, false);
	else if (as->id && as->sittings[0]) {
		/* every sitting so far; a date not among them adds a sitting */
		char *t = xasprintf(_("Sittings so far: %s. Another day's date adds a sitting."),
				    as->sittings);
		ui_put(w, 12, 1, t, COLS - 2, false);
		free(t);
	}
}

static void domain_screen(struct app *app, struct assessment *as);
static void needs_screen(struct app *app, struct assessment *as);

/* Another desk saved the assessment after this form read it: the user
 * decides on the fields here; the life domains stay as they saved them.
 * CD_ECONFLICT when nothing was saved (the form is back, or shows theirs). */
static int assessment_conflict(struct app *app, struct uform *uf, struct assessment *base,
			       struct assessment *as, struct fielderr *e)
{
	struct assessment theirs;
	char who[128], when[32];
	enum conflict_choice c;
	int rc;

	if ((rc = assessment_get(app->db, &app->me, as->request_id, &theirs)))
		return rc;
	audit_last_change(app->db, "request", as->request_id, who, sizeof(who), when, sizeof(when));
	c = form_conflict(app, uf, 0, base, &theirs, as, NULL, who, when);
	if (c == CONFLICT_BACK) {
		assessment_release(&theirs);
		ui_status(app, false, "%s", _("Not saved; your text is still in the form."));
		return CD_ECONFLICT;
	}
	if (c != CONFLICT_TAKE_THEIRS)
		uform_copy_bound(uf, 0, as, &theirs);     /* mine or merged, on theirs */
	assessment_release(as);
	*as = theirs;
	*base = theirs;
	if (c == CONFLICT_TAKE_THEIRS) {
		uform_load(uf, as);
		ui_status(app, false, "%s", _("Showing what they saved; yours was not saved."));
		return CD_ECONFLICT;
	}
	return assessment_save(app->db, &app->me, as, e);
}

void ui_assessment(struct app *app, int64_t request_id)
{
	struct assessment as, base;
	struct form_screen fs;
	enum action a;
	int rc;

	rc = assessment_get(app->db, &app->me, request_id, &as);
	if (rc == CD_ENOTFOUND)
		assessment_init(&as, request_id);
	else if (ui_failed(app, rc)) {
		return;
	}
	{
		struct fielderr e;
		if ((rc = case_opened(app->db, &app->me, request_id, "assessment", &e))) {
			ui_report(app, rc, &e, NULL);
			assessment_release(&as);
			return;
		}
	}
	form_screen_init(&fs, app, assess_fields, ARRAY_SIZE(assess_fields), _("needs assessment"),
			 CTX_ASSESS, assess_extras, &as);
	place_options(fs.uf);
	uform_load(fs.uf, &as);
	base = as;
	while ((a = form_screen_turn(app, &fs)) != A_BACK) {
		struct fielderr e;
		if (a == A_SAVE) {
			if (!(rc = uform_store(fs.uf, &as, &e)) &&
			    (rc = assessment_save(app->db, &app->me, &as, &e)) == CD_ECONFLICT)
				rc = assessment_conflict(app, fs.uf, &base, &as, &e);
			if (rc == CD_ECONFLICT)
				continue;
			if (rc) {
				form_show_error(app, fs.uf, &e, rc);
				continue;
			}
			{
				/* the sittings as stored now (this one among them) */
				struct assessment now;
				if (assessment_get(app->db, &app->me, as.request_id, &now) == CD_OK) {
					str_copy(as.sittings, sizeof(as.sittings), now.sittings);
					assessment_release(&now);
				}
			}
			base = as;
			fs.uf->dirty = false;
			uform_clear_marks(fs.uf);
			ui_status(app, false, "%s", _("The assessment was saved (draft)."));
		} else if (a == A_DOMAINS && as.id) {
			domain_screen(app, &as);
		} else if (a == A_NEEDS && as.id) {
			needs_screen(app, &as);
		}
	}
	uform_free(&fs.uf);
	assessment_release(&as);
	werase(stdscr);
}

/* ---- one life domain: four texts in the person's words ---- */

enum { DF_SITUATION = 1, DF_NEEDS, DF_STRENGTHS, DF_WISHES };

static const struct fdef domain_fields[] = {
	{-1, N_("Life domain"), FF_HEADER, 0, FC_LEFT},
	{DF_SITUATION, N_("Situation"), FF_MULTI, 2, FC_FULL, 0, 4, false, 1990, NULL,
	 FB(struct assessment_domain, situation, FB_TEXT)},
	{DF_NEEDS, N_("Needs"), FF_MULTI, 7, FC_FULL, 0, 4, false, 1990, NULL,
	 FB(struct assessment_domain, needs, FB_TEXT)},
	{DF_STRENGTHS, N_("Strengths"), FF_MULTI, 12, FC_FULL, 0, 3, false, 1990, NULL,
	 FB(struct assessment_domain, strengths, FB_TEXT)},
	{DF_WISHES, N_("Wishes"), FF_MULTI, 16, FC_FULL, 0, 3, false, 1990, NULL,
	 FB(struct assessment_domain, wishes, FB_TEXT)},
};

static void domain_extras(struct app *app, struct form_screen *fs)
{
	const struct life_domain *d = fs->data;

	wattrset(uform_window(fs->uf), ui_attr(R_HEADER));
	/* right after the header's own title: "── Obszar życia: zdrowie ──" */
	{
		int x = 3 + ui_text_width(_("Life domain"));
		char label[200];
		snprintf(label, sizeof(label), ": %s ", d->name);
		ui_put(uform_window(fs->uf), 0, x, label, COLS - x - 2, false);
	}
	wattrset(uform_window(fs->uf), A_NORMAL);
	ui_put(uform_window(fs->uf), 1, 1, _("In the person's own words. Saved as you type."),
	       COLS - 2, false);
}

static void domain_edit(struct app *app, struct assessment *as, struct life_domain *ld)
{
	struct form_screen fs;
	struct assessment_domain *d = assessment_domain(as, ld->code);
	struct assessment_domain before = *d;
	enum action a;

	form_screen_init(&fs, app, domain_fields, ARRAY_SIZE(domain_fields), _("life domain"),
			 CTX_FORM, domain_extras, ld);
	snprintf(fs.draft_prefix, sizeof(fs.draft_prefix), "assessment:%lld:%s",
		 (long long)as->request_id, ld->code);
	uform_load(fs.uf, d);
	form_screen_restore(app, &fs);
	while ((a = form_screen_turn(app, &fs)) != A_BACK) {
		struct fielderr e;
		int rc;
		if (a != A_SAVE)
			continue;
		d = assessment_domain(as, ld->code);
		if (!(rc = uform_store(fs.uf, d, &e)) &&
		    (rc = assessment_save(app->db, &app->me, as, &e)) == CD_ECONFLICT) {
			/* another desk saved the assessment meanwhile (perhaps another
			 * domain): this domain is decided on, the rest stays theirs */
			struct assessment theirs;
			struct assessment_domain *td;
			char who[128], when[32];
			enum conflict_choice c;
			if ((rc = assessment_get(app->db, &app->me, as->request_id, &theirs))) {
				*d = before;
				ui_failed(app, rc);
				continue;
			}
			audit_last_change(app->db, "request", as->request_id, who, sizeof(who), when,
					  sizeof(when));
			td = assessment_domain(&theirs, ld->code);
			c = form_conflict(app, fs.uf, 0, &before, td, d, NULL, who, when);
			if (c == CONFLICT_BACK) {
				*d = before;
				assessment_release(&theirs);
				ui_status(app, false, "%s", _("Not saved; your text is still in the form."));
				continue;
			}
			if (c != CONFLICT_TAKE_THEIRS)
				uform_copy_bound(fs.uf, 0, d, td);
			assessment_release(as);
			*as = theirs;
			d = assessment_domain(as, ld->code);
			before = *d;
			if (c == CONFLICT_TAKE_THEIRS) {
				uform_load(fs.uf, d);
				ui_status(app, false, "%s",
					  _("Showing what they saved; yours was not saved."));
				continue;
			}
			rc = assessment_save(app->db, &app->me, as, &e);
		}
		if (rc) {
			*d = before;
			form_show_error(app, fs.uf, &e, rc);
			continue;
		}
		form_screen_saved(app, &fs);
		ui_status(app, false, _("Saved: %s."), ld->name);
		break;
	}
	uform_free(&fs.uf);
	werase(stdscr);
}

static void domain_screen(struct app *app, struct assessment *as)
{
	struct life_domain *ld;
	size_t n, i;
	int sel = 0;

	if (life_domains(app->db, &ld, &n))
		return;
	for (;;) {
		const char **labels = xcalloc(n, sizeof(char *));
		char **own = xcalloc(n, sizeof(char *));
		for (i = 0; i < n; i++) {
			struct assessment_domain *d = NULL;
			size_t k;
			for (k = 0; k < as->ndomains; k++)
				if (!strcmp(as->domains[k].code, ld[i].code))
					d = &as->domains[k];
			own[i] = xasprintf("%s %s", d && (d->situation[0] || d->needs[0] ||
							  d->strengths[0] || d->wishes[0]) ? "[*]" : "[ ]",
					   ld[i].name);
			labels[i] = own[i];
		}
		sel = ui_choose(app, _("Life domains ([*]: written)"), labels, n, sel);
		for (i = 0; i < n; i++)
			free(own[i]);
		free(own);
		free(labels);
		if (sel < 0)
			break;
		domain_edit(app, as, &ld[sel]);
	}
	free(ld);
}

/* One life domain's form straight away (the text left unsaved last time). */
void ui_assessment_domain(struct app *app, int64_t request_id, const char *code)
{
	struct assessment as;
	struct life_domain *ld;
	size_t n, i;
	int rc = assessment_get(app->db, &app->me, request_id, &as);

	if (rc == CD_ENOTFOUND)
		assessment_init(&as, request_id);
	else if (rc)
		return;
	if (life_domains(app->db, &ld, &n) == CD_OK) {
		for (i = 0; i < n; i++)
			if (!strcmp(ld[i].code, code))
				domain_edit(app, &as, &ld[i]);
		free(ld);
	}
	assessment_release(&as);
}

/* ---- needs ---- */

/* Asks what a need is: its words, its life domain, what answers it (a
 * service or unmet, and then its area); nd holds the answers so far (a
 * need corrected starts from itself).  False when the user went back. */
static bool need_form(struct app *app, struct need *nd)
{
	struct choice *sv;
	size_t ns, i;

	if (!ui_prompt_value(app, _("A need"), _("Need:"), nd->description,
			     sizeof(nd->description)))
		return false;
	{
		/* the life domain it belongs to (optional) */
		struct life_domain *ld;
		size_t nd_n;
		if (life_domains(app->db, &ld, &nd_n) == CD_OK) {
			const char **dl = xcalloc(nd_n + 1, sizeof(char *));
			int c, at = 0;
			dl[0] = _("no particular life domain");
			for (i = 0; i < nd_n; i++) {
				dl[i + 1] = ld[i].name;
				if (!strcmp(ld[i].code, nd->domain))
					at = (int)i + 1;
			}
			c = ui_choose(app, _("Life domain"), dl, nd_n + 1, at);
			nd->domain[0] = '\0';
			if (c > 0)
				str_copy(nd->domain, sizeof(nd->domain), ld[c - 1].code);
			free(dl);
			free(ld);
			if (c < 0)
				return false;
		}
	}
	if (catalogue_services(app->db, &sv, &ns) == CD_OK) {
		const char **sl = xcalloc(ns + 1, sizeof(char *));
		int c, at = 0;
		sl[0] = _("unmet: the offer cannot meet it today");
		for (i = 0; i < ns; i++) {
			sl[i + 1] = sv[i].label;
			if (sv[i].id == nd->service_id)
				at = (int)i + 1;
		}
		c = ui_choose(app, _("Answered by"), sl, ns + 1, at);
		nd->unmet = c == 0;
		nd->service_id = c > 0 ? sv[c - 1].id : 0;
		free(sl);
		free(sv);
		if (c < 0)
			return false;
	}
	if (!nd->unmet)
		nd->area_code = 0;
	if (nd->unmet && catalogue_areas(app->db, &sv, &ns) == CD_OK) {
		/* the area lets a future service of it find this need */
		const char **al = xcalloc(ns + 1, sizeof(char *));
		int c, at = 0;
		al[0] = _("area not known");
		for (i = 0; i < ns; i++) {
			al[i + 1] = sv[i].label;
			if ((int)sv[i].id == nd->area_code)
				at = (int)i + 1;
		}
		c = ui_choose(app, _("Which area of services would answer it"), al, ns + 1, at);
		nd->area_code = c > 0 ? (int)sv[c - 1].id : 0;
		free(al);
		free(sv);
		if (c < 0)
			return false;
	}
	return true;
}

static void needs_screen(struct app *app, struct assessment *as)
{
	for (;;) {
		struct need *l, nd;
		struct fielderr e;
		size_t n, i, nl = 0;
		const char **labels;
		char **own;
		int k;
		wint_t what = 0;

		if (need_list(app->db, &app->me, as->request_id, &l, &n))
			return;
		labels = xcalloc(n + 1, sizeof(char *));
		own = xcalloc(n + 1, sizeof(char *));
		labels[nl++] = _("+ add a need");
		for (i = 0; i < n; i++) {
			own[i] = xasprintf("%s → %s", l[i].description,
					   l[i].unmet ? _("unmet") : l[i].service_name);
			labels[nl++] = own[i];
		}
		k = ui_choose(app, _("Needs found (Enter: change or remove)"), labels, nl, 0);
		memset(&nd, 0, sizeof(nd));
		if (k > 0) {
			nd = l[k - 1];
			what = ui_ask(app, _("A need"), _("[Z] change it   [U] remove it   [Esc] back"),
				      "zu");
		}
		for (i = 0; i < n; i++)
			free(own[i]);
		free(own);
		free(labels);
		free(l);
		if (k < 0)
			return;
		if (what == 'u') {
			if (ui_confirm(app, _("Remove this need?")))
				need_remove(app->db, &app->me, nd.id);
			continue;
		}
		if (k > 0 && what != 'z')
			continue;
		/* a new need, or the chosen one corrected (the same form, from it) */
		if (need_form(app, &nd) &&
		    (nd.id ? need_update : need_add)(app->db, &app->me, as->request_id, &nd, &e))
			ui_status(app, true, "%s", e.msg);
	}
}

/* ---- the outcome ---- */

/* Qualifying for more than one programme: offers the programmes not yet
 * chosen until "no more". */
static void more_programmes(struct app *app, const struct choice *c, size_t n,
			    struct outcome *o)
{
	while (o->nprogrammes < n && o->nprogrammes < ARRAY_SIZE(o->programmes)) {
		const char **l = xcalloc(n + 1, sizeof(char *));
		size_t *which = xcalloc(n + 1, sizeof(size_t));
		size_t m = 0, i, j;
		int q;
		l[m++] = _("no other programme");
		for (i = 0; i < n; i++) {
			bool chosen = false;
			for (j = 0; j < o->nprogrammes; j++)
				chosen |= o->programmes[j] == c[i].id;
			if (!chosen) {
				which[m] = i;
				l[m++] = c[i].label;
			}
		}
		q = ui_choose(app, _("Also qualify for"), l, m, 0);
		if (q > 0)
			o->programmes[o->nprogrammes++] = c[which[q]].id;
		free(l);
		free(which);
		if (q <= 0)
			break;
	}
}

void ui_outcome(struct app *app, int64_t request_id)
{
	const char *kinds[] = {_("qualified: services of a programme"),
			       _("forward the request (with consent)"),
			       _("not qualified"), _("waiting list")};
	static const char *codes[] = {"qualified", "forwarded", "not_qualified", "waiting"};
	struct outcome o;
	struct fielderr e;
	struct date today;
	struct choice *c;
	size_t n, i;
	char buf[16];
	int k;

	memset(&o, 0, sizeof(o));
	date_today(&today);
	{
		struct assessment as;
		if (assessment_get(app->db, &app->me, request_id, &as) == CD_OK) {
			o.coordination_months = as.coordination_months;
			assessment_release(&as);
		}
	}
	k = ui_choose(app, _("Outcome of the assessment"), kinds, ARRAY_SIZE(kinds), 0);
	if (k < 0)
		return;
	str_copy(o.kind, sizeof(o.kind), codes[k]);
	if (k == 0 || k == 3) {
		const char **l;
		int p;
		if (catalogue_programmes(app->db, &c, &n) || !n) {
			ui_status(app, true, "%s", _("Programmes: choose at least one programme"));
			free(c);
			return;
		}
		l = xcalloc(n, sizeof(char *));
		for (i = 0; i < n; i++)
			l[i] = c[i].label;
		p = ui_choose(app, _("Programme"), l, n, 0);
		free(l);
		if (p < 0) {
			free(c);
			return;
		}
		if (k == 0) {
			o.programmes[o.nprogrammes++] = c[p].id;
			more_programmes(app, c, n, &o);
			buf[0] = '\0';
			if (o.coordination_months > 0)
				snprintf(buf, sizeof(buf), "%d", o.coordination_months);
			if (!ui_prompt_value(app, _("Coordination"), _("Months of coordination:"),
					     buf, sizeof(buf))) {
				free(c);
				return;
			}
			o.coordination_months = atoi(buf);
		} else {
			struct choice *ps;
			size_t nps, m = 0;
			o.waiting_programme = c[p].id;
			if (catalogue_programme_services(app->db, &ps, &nps) == CD_OK) {
				const char **sl = xcalloc(nps + 1, sizeof(char *));
				int64_t *ids = xcalloc(nps + 1, sizeof(int64_t));
				int s;
				for (i = 0; i < nps; i++)
					if (ps[i].id == c[p].id) {
						ids[m] = ps[i].id2;
						sl[m++] = ps[i].label;
					}
				s = m ? ui_choose(app, _("Service whose limit is reached"), sl, m, 0) : -1;
				if (s >= 0)
					o.waiting_services[o.nwaiting++] = ids[s];
				free(sl);
				free(ids);
				free(ps);
			}
		}
		free(c);
	} else if (k == 1) {
		const struct code_table *ft = &codes_forward_to;
		const char *to[8];
		int t;
		for (i = 0; i < ft->count && i < ARRAY_SIZE(to); i++)
			to[i] = _(ft->items[i].label);
		t = ui_choose(app, _("Forward to"), to, i, 0);
		if (t < 0)
			return;
		str_copy(o.forward_to, sizeof(o.forward_to), ft->items[t].code);
		o.forward_whole = ui_confirm(app, _("Forward the whole request? (no: a part)"));
		if (!ui_prompt(app, _("Consent"), _("Consent given on (Enter: today):"), false,
			       o.consent_on, sizeof(o.consent_on)))
			return;
		str_trim(o.consent_on);
		if (!o.consent_on[0])
			date_format(&today, o.consent_on);
		ui_prompt(app, _("Forward"), _("What is forwarded:"), false, o.note, sizeof(o.note));
	} else {
		if (!ui_prompt(app, _("Not qualified"), _("Reason:"), false, o.note, sizeof(o.note)))
			return;
	}
	{
		/* the outcome is final: say so and ask */
		char *q = xasprintf(_("Outcome: %s.\nThe assessment becomes final; it cannot be "
				      "changed afterwards.\n\nRecord this outcome?"), kinds[k]);
		bool yes = ui_confirm(app, q);
		free(q);
		if (!yes)
			return;
	}
	ui_report(app, assessment_decide(app->db, &app->me, request_id, &o, &today, &e), &e,
		  _("The outcome was recorded; the assessment is final."));
}
