/* offer.c - the organiser's screens for the offer: programmes and their
 * services, the catalogue of services, providers and their services,
 * places.  The checks are in src/offer.c; these screens show its messages
 * on the field they name and keep what was typed. */
#include "form.h"
#include "catalogue.h"
#include "codes.h"
#include "offer.h"
#include "group.h"
#include "person_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static void waiting_hint(struct app *app, int64_t service_id);

/* Options of a choice field from a list of choices (value = id). */
static void choice_options(struct uform *uf, int id, const struct choice *c, size_t n,
			   const char *empty_label)
{
	struct fopt *o = xcalloc(n + 1, sizeof(*o));
	size_t i, k = 0;

	if (empty_label) {
		str_copy(o[k].value, sizeof(o[k].value), "0");
		str_copy(o[k++].label, sizeof(o[k].label), empty_label);
	}
	for (i = 0; i < n; i++, k++) {
		snprintf(o[k].value, sizeof(o[k].value), "%lld", (long long)c[i].id);
		str_copy(o[k].label, sizeof(o[k].label), c[i].label);
	}
	uform_set_options(uf, id, o, k);
	free(o);
}

/* ---- another desk's save of an offer record ---- */

typedef int offer_get_fn(struct cd_db *db, const struct actor *a, int64_t id, void *out);

static int get_programme(struct cd_db *db, const struct actor *a, int64_t id, void *out)
{
	return programme_get(db, a, id, out);
}

static int get_service(struct cd_db *db, const struct actor *a, int64_t id, void *out)
{
	return service_get(db, a, id, out);
}

static int get_provider(struct cd_db *db, const struct actor *a, int64_t id, void *out)
{
	return provider_get(db, a, id, out);
}

/* The save of mine met a newer version: form_conflict decides.  CD_OK:
 * mine (kept or merged) is on their version, to be saved again;
 * CD_ECONFLICT: nothing to save (the form is back, or shows theirs, which
 * base and mine then hold). */
static int offer_conflict(struct app *app, struct uform *uf, const char *entity, int64_t id,
			  offer_get_fn *get, void *base, void *mine, size_t size,
			  size_t version_at)
{
	void *theirs = xcalloc(1, size);
	char who[128], when[32];
	enum conflict_choice c;
	int rc;

	if ((rc = get(app->db, &app->me, id, theirs))) {
		free(theirs);
		return rc;
	}
	audit_last_change(app->db, entity, id, who, sizeof(who), when, sizeof(when));
	c = form_conflict(app, uf, 0, base, theirs, mine, NULL, who, when);
	if (c == CONFLICT_BACK) {
		ui_status(app, false, "%s", _("Not saved; your text is still in the form."));
		rc = CD_ECONFLICT;
	} else if (c == CONFLICT_TAKE_THEIRS) {
		memcpy(base, theirs, size);
		memcpy(mine, theirs, size);
		uform_load(uf, mine);
		ui_status(app, false, "%s", _("Showing what they saved; yours was not saved."));
		rc = CD_ECONFLICT;
	} else {
		memcpy((char *)mine + version_at, (char *)theirs + version_at, sizeof(int64_t));
		rc = CD_OK;
	}
	free(theirs);
	return rc;
}

/* ---- the services of a programme ---- */

static const struct fdef ps_fields[] = {
	{-1, N_("Service in the programme"), FF_HEADER, 0, FC_LEFT},
	{OF_PS_CAPACITY, N_("Capacity/mo."), FF_TEXT, 3, FC_LEFT, 8, 0, false, 8, ACCEPT_NUMBER,
	 FB(struct programme_service, monthly_capacity, FB_NUMBER)},
	{OF_PS_EXPECTED, N_("Persons"), FF_TEXT, 3, FC_RIGHT, 6, 0, false, 6, ACCEPT_DIGITS,
	 FB(struct programme_service, expected_persons, FB_INT)},
	{OF_PS_MAX_MONTH, N_("Limit/person"), FF_TEXT, 4, FC_LEFT, 8, 0, false, 8, ACCEPT_NUMBER,
	 FB(struct programme_service, max_per_month, FB_NUMBER)},
	{OF_PS_CERT, N_("Certificate"), FF_CHOICE, 4, FC_RIGHT, 0, 0, false, 0, NULL,
	 FB(struct programme_service, certificate_required, FB_BOOL)},
	{OF_PS_AGE_MIN, N_("Age from"), FF_TEXT, 5, FC_LEFT, 3, 0, false, 3, ACCEPT_DIGITS,
	 FB(struct programme_service, age_min, FB_INT_OPT)},
	{OF_PS_AGE_MAX, N_("Age to"), FF_TEXT, 5, FC_RIGHT, 3, 0, false, 3, ACCEPT_DIGITS,
	 FB(struct programme_service, age_max, FB_INT_OPT)},
	{OF_PS_MAX_QUARTER, N_("Limit/quarter"), FF_TEXT, 6, FC_LEFT, 8, 0, false, 8, ACCEPT_NUMBER,
	 FB(struct programme_service, max_per_quarter, FB_NUMBER)},
	{OF_PS_MAX_YEAR, N_("Limit/year"), FF_TEXT, 6, FC_RIGHT, 8, 0, false, 8, ACCEPT_NUMBER,
	 FB(struct programme_service, max_per_year, FB_NUMBER)},
	{OF_PS_ONCE_YEARS, N_("Once in years"), FF_TEXT, 7, FC_LEFT, 2, 0, false, 2, ACCEPT_DIGITS,
	 FB(struct programme_service, once_in_years, FB_INT)},
	{OF_PS_LIMIT_TEXT, N_("Limit (words)"), FF_TEXT, 8, FC_FULL, 0, 0, false, 0, NULL,
	 FB(struct programme_service, limit_text, FB_TEXT)},
};

static void ps_extras(struct app *app, struct form_screen *fs)
{
	const struct programme_service *ps = fs->data;

	ui_put(uform_window(fs->uf), 1, 1, ps->service_name, COLS - 2, false);
	ui_put(uform_window(fs->uf), 10, 1, _("Capacity: units a month in the programme. Limit: "
					     "units a month per person; plans over it need a "
					     "written justification."), COLS - 2, false);
}

static void ps_edit(struct app *app, struct programme_service *ps)
{
	struct form_screen fs;
	enum action a;

	form_screen_init(&fs, app, ps_fields, ARRAY_SIZE(ps_fields), _("service in the programme"),
			 CTX_FORM, ps_extras, ps);
	uform_load(fs.uf, ps);
	while ((a = form_screen_turn(app, &fs)) != A_BACK) {
		struct programme_service t = *ps;
		struct fielderr e;
		int rc;
		if (a != A_SAVE)
			continue;
		if ((rc = uform_store(fs.uf, &t, &e)) ||
		    (rc = programme_service_save(app->db, &app->me, &t, &e))) {
			form_show_error(app, fs.uf, &e, rc);
			continue;
		}
		*ps = t;
		ui_status(app, false, "%s", _("Saved."));
		waiting_hint(app, t.service_id);
		break;
	}
	uform_free(&fs.uf);
	werase(stdscr);
}

static int ps_load(struct app *app, void *ctx, size_t *n)
{
	struct list_rows *r = list_rows_reset(ctx);
	const struct programme *p = r->owner;

	return list_rows_loaded(r, programme_services(app->db, &app->me, p->id,
						      (struct programme_service **)&r->l, &r->n), n);
}

static void ps_intro(struct app *app, void *ctx, size_t n, char *out, size_t size)
{
	const struct programme *p = ((struct list_rows *)ctx)->owner;

	snprintf(out, size, _("%s: its services, their monthly capacity and limits."), p->name);
}

static void ps_cell(void *ctx, size_t row, size_t col, char *out, size_t size)
{
	const struct programme_service *x = LIST_ROW(ctx, struct programme_service, row);

	switch (col) {
	case 0:
		str_copy(out, size, x->service_name);
		break;
	case 1:
	case 2: {
		double v = col == 1 ? x->monthly_capacity : x->max_per_month;
		if (v >= 0)
			number_text(v, out, size);
		else
			str_copy(out, size, "—");
		break;
	}
	default:
		if (x->age_min >= 0 && x->age_max >= 0)
			snprintf(out, size, "%d–%d", x->age_min, x->age_max);
		else if (x->age_min >= 0)
			snprintf(out, size, "%d+", x->age_min);
		else if (x->age_max >= 0)
			snprintf(out, size, "≤%d", x->age_max);
		else
			str_copy(out, size, "—");
	}
}

static void ps_open(struct app *app, void *ctx, size_t row)
{
	ps_edit(app, LIST_ROW(ctx, struct programme_service, row));
}

static void ps_add(struct app *app, void *ctx)
{
	const struct programme *p = ((struct list_rows *)ctx)->owner;
	struct choice *c;
	size_t nc, i;

	if (catalogue_services(app->db, &c, &nc) == CD_OK && nc) {
		const char **labels = xcalloc(nc, sizeof(char *));
		int k;
		for (i = 0; i < nc; i++)
			labels[i] = c[i].label;
		k = ui_choose(app, _("Add which service"), labels, nc, 0);
		if (k >= 0) {
			struct programme_service ps;
			programme_service_init(&ps, p->id);
			ps.service_id = c[k].id;
			str_copy(ps.service_name, sizeof(ps.service_name), c[k].label);
			ps_edit(app, &ps);
		}
		free(labels);
	}
	free(c);
}

static void ps_remove(struct app *app, void *ctx, size_t row)
{
	const struct programme *p = ((struct list_rows *)ctx)->owner;
	const struct programme_service *x = LIST_ROW(ctx, struct programme_service, row);
	struct fielderr e;

	if (ui_confirm(app, _("Take this service out of the programme?")))
		ui_report(app, programme_service_remove(app->db, &app->me, p->id, x->service_id, &e),
			  &e, _("Taken out of the programme."));
}

static const struct list_col ps_cols[] = {
	{N_("Service"), 40}, {N_("Capacity"), 9, true}, {N_("Limit"), 9, true}, {N_("Age"), 0},
};
static const struct list_action ps_actions[] = {
	{A_SERVICE_REMOVE, true, ps_remove},
};
static const struct list_ops ps_list = {
	.title = N_("services of the programme"), .intro_text = ps_intro,
	.cols = ps_cols, .ncols = ARRAY_SIZE(ps_cols), .ctx = CTX_PROG_SERVICES,
	.load = ps_load, .cell = ps_cell, .open = ps_open, .add = ps_add,
	.actions = ps_actions, .nactions = ARRAY_SIZE(ps_actions),
};

static void programme_services_screen(struct app *app, const struct programme *p)
{
	struct list_rows r = {NULL, 0, p};

	ui_list_run(app, &ps_list, &r);
	free(r.l);
}

/* ---- programmes ---- */

static const struct fdef prog_fields[] = {
	{-1, N_("Programme of social services"), FF_HEADER, 0, FC_LEFT},
	{OF_PROG_NAME, N_("Name"), FF_TEXT, 1, FC_FULL, 0, 0, true, 250, NULL,
	 FB(struct programme, name, FB_TEXT)},
	{OF_PROG_RESOLUTION_NO, N_("Resolution no."), FF_TEXT, 2, FC_LEFT, 0, 0, false, 60, NULL,
	 FB(struct programme, resolution_no, FB_TEXT)},
	{OF_PROG_RESOLUTION_DATE, N_("of (date)"), FF_TEXT, 2, FC_RIGHT, 10, 0, false, 10,
	 ACCEPT_DATE, FB(struct programme, resolution_date, FB_TEXT)},
	{OF_PROG_FROM, N_("Valid from"), FF_TEXT, 3, FC_LEFT, 10, 0, true, 10, ACCEPT_DATE,
	 FB(struct programme, valid_from, FB_TEXT)},
	{OF_PROG_TO, N_("Valid to"), FF_TEXT, 3, FC_RIGHT, 10, 0, false, 10, ACCEPT_DATE,
	 FB(struct programme, valid_to, FB_TEXT)},
	{OF_PROG_TARGET, N_("Target group"), FF_TEXT, 4, FC_FULL, 0, 0, false, 250, NULL,
	 FB(struct programme, target_group, FB_TEXT)},
	{OF_PROG_EXPECTED, N_("Persons"), FF_TEXT, 5, FC_LEFT, 6, 0, false, 6, ACCEPT_DIGITS,
	 FB(struct programme, expected_persons, FB_INT)},
	{OF_PROG_STATUS, N_("Status"), FF_CHOICE, 5, FC_RIGHT, 0, 0, true, 0, NULL,
	 FB(struct programme, status, FB_TEXT)},
	{OF_PROG_QUALIFICATION, N_("Qualification"), FF_MULTI, 6, FC_FULL, 0, 3, false, 990, NULL,
	 FB(struct programme, qualification, FB_TEXT)},
	{OF_PROG_FEES, N_("Fees"), FF_MULTI, 9, FC_FULL, 0, 2, false, 490, NULL,
	 FB(struct programme, fees, FB_TEXT)},
	{OF_PROG_GMINAS, N_("Gminas"), FF_TEXT, 11, FC_FULL, 0, 0, false, 390, NULL,
	 FB(struct programme, gminas, FB_TEXT)},
};

static void prog_extras(struct app *app, struct form_screen *fs)
{
	const struct programme *p = fs->data;

	ui_put(uform_window(fs->uf), 12, 1, _("Gminas: the gminas served, separated by commas "
					      "(empty: every gmina of the centre)."), COLS - 2, false);
	ui_put(uform_window(fs->uf), 13, 1, p->id ?
	       _("F6: the services of the programme, their capacity and limits.") :
	       _("Save first (F2); then F6 adds the services."), COLS - 2, false);
}

static void programme_edit(struct app *app, struct programme *p)
{
	struct form_screen fs;
	struct fopt st[2];
	enum action a;

	form_screen_init(&fs, app, prog_fields, ARRAY_SIZE(prog_fields),
			 p->id ? _("programme") : _("new programme"), CTX_OFFER, prog_extras, p);
	memset(st, 0, sizeof(st));
	str_copy(st[0].value, sizeof(st[0].value), "active");
	str_copy(st[0].label, sizeof(st[0].label), _("active"));
	str_copy(st[1].value, sizeof(st[1].value), "archived");
	str_copy(st[1].label, sizeof(st[1].label), _("archived"));
	uform_set_options(fs.uf, OF_PROG_STATUS, st, 2);
	uform_load(fs.uf, p);
	while ((a = form_screen_turn(app, &fs)) != A_BACK) {
		struct programme t = *p;
		struct fielderr e;
		int rc;
		if (a == A_SERVICES) {
			if (!p->id || fs.uf->dirty)
				ui_status(app, true, "%s", _("save the programme first (F2)"));
			else
				programme_services_screen(app, p);
			continue;
		}
		if (a != A_SAVE)
			continue;
		if (!(rc = uform_store(fs.uf, &t, &e)) &&
		    (rc = programme_save(app->db, &app->me, &t, &e)) == CD_ECONFLICT &&
		    !(rc = offer_conflict(app, fs.uf, "programme", p->id, get_programme, p, &t,
					  sizeof(t), offsetof(struct programme, row_version))))
			rc = programme_save(app->db, &app->me, &t, &e);
		if (rc == CD_ECONFLICT)
			continue;
		if (rc) {
			form_show_error(app, fs.uf, &e, rc);
			continue;
		}
		*p = t;
		uform_load(fs.uf, p);      /* the gminas as the centre spells them */
		uform_clear_marks(fs.uf);
		ui_status(app, false, "%s", _("The programme was saved; F6 its services."));
	}
	uform_free(&fs.uf);
	werase(stdscr);
}

static int prog_load(struct app *app, void *ctx, size_t *n)
{
	struct list_rows *r = list_rows_reset(ctx);

	return list_rows_loaded(r, programme_list(app->db, &app->me, (struct programme **)&r->l,
						  &r->n), n);
}

static void prog_cell(void *ctx, size_t row, size_t col, char *out, size_t size)
{
	const struct programme *x = LIST_ROW(ctx, struct programme, row);

	str_copy(out, size, col == 0 ? x->name : col == 1 ? x->valid_from :
		 col == 2 ? (x->valid_to[0] ? x->valid_to : "…") :
		 !strcmp(x->status, "active") ? _("active") : _("archived"));
}

static void prog_open(struct app *app, void *ctx, size_t row)
{
	struct programme p = *LIST_ROW(ctx, struct programme, row);

	programme_edit(app, &p);
}

static void prog_add(struct app *app, void *ctx)
{
	struct programme p;

	programme_init(&p);
	programme_edit(app, &p);
}

static const struct list_col prog_cols[] = {
	{N_("Programme"), 42}, {N_("From"), 10}, {N_("To"), 10}, {N_("Status"), 0},
};
static const struct list_ops prog_list = {
	.title = N_("programmes"), .intro = N_("Programmes of social services (art. 27)."),
	.cols = prog_cols, .ncols = ARRAY_SIZE(prog_cols),
	.load = prog_load, .cell = prog_cell, .open = prog_open, .add = prog_add,
};

static void programmes_screen(struct app *app)
{
	struct list_rows r = {NULL, 0, NULL};

	ui_list_run(app, &prog_list, &r);
	free(r.l);
}

/* ---- the catalogue of services ---- */

static void sv_extras(struct app *app, struct form_screen *fs)
{
	ui_put(uform_window(fs->uf), 12, 1, _("F8: the quality standard (infrastructure, staff, "
					      "quality, conditions, availability, management)."),
	       COLS - 2, false);
}

static const struct fdef sv_fields[] = {
	{-1, N_("Service"), FF_HEADER, 0, FC_LEFT},
	{OF_SV_NAME, N_("Name"), FF_TEXT, 1, FC_FULL, 0, 0, true, 250, NULL,
	 FB(struct service, name, FB_TEXT)},
	{OF_SV_AREA, N_("Area"), FF_CHOICE, 2, FC_FULL, 0, 0, true, 0, NULL,
	 FB(struct service, area_code, FB_INT_ZERO)},
	{OF_SV_UNIT, N_("Unit"), FF_CHOICE, 3, FC_LEFT, 0, 0, true, 0, NULL,
	 FB(struct service, unit, FB_TEXT)},
	{OF_SV_GROUP, N_("Group service"), FF_CHOICE, 3, FC_RIGHT, 0, 0, true, 0, NULL,
	 FB(struct service, is_group, FB_BOOL)},
	{OF_SV_SUMMARY, N_("Description"), FF_MULTI, 4, FC_FULL, 0, 3, false, 990, NULL,
	 FB(struct service, summary, FB_TEXT)},
	{OF_SV_QUALIFICATIONS, N_("Qualifications"), FF_TEXT, 7, FC_FULL, 0, 0, false, 490, NULL,
	 FB(struct service, qualifications, FB_TEXT)},
	{OF_SV_OCCUPATIONS, N_("Occup. codes"), FF_TEXT, 8, FC_FULL, 0, 0, false, 190,
	 "0123456789, ;", FB(struct service, occupation_codes, FB_TEXT)},
	{OF_SV_FEE_RULE, N_("Fee"), FF_CHOICE, 9, FC_LEFT, 0, 0, true, 0, NULL,
	 FB(struct service, fee_rule, FB_TEXT)},
	{OF_SV_FEE_AMOUNT, N_("zł per unit"), FF_TEXT, 9, FC_RIGHT, 8, 0, false, 8, ACCEPT_NUMBER,
	 FB(struct service, fee_amount, FB_NUMBER)},
	{OF_SV_FEE_NOTE, N_("Fee terms"), FF_TEXT, 10, FC_FULL, 0, 0, false, 290, NULL,
	 FB(struct service, fee_note, FB_TEXT)},
};

static const struct fdef std_fields[] = {
	{-1, N_("Quality standard"), FF_HEADER, 0, FC_LEFT},
	{OF_SV_STD_INFRA, N_("Infrastructure"), FF_MULTI, 1, FC_FULL, 0, 2, false, 990, NULL,
	 FB(struct service, std_infrastructure, FB_TEXT)},
	{OF_SV_STD_STAFF, N_("Staff"), FF_MULTI, 3, FC_FULL, 0, 2, false, 990, NULL,
	 FB(struct service, std_staff, FB_TEXT)},
	{OF_SV_STD_QUALITY, N_("Quality"), FF_MULTI, 5, FC_FULL, 0, 2, false, 990, NULL,
	 FB(struct service, std_quality, FB_TEXT)},
	{OF_SV_STD_CONDITIONS, N_("Conditions"), FF_MULTI, 7, FC_FULL, 0, 2, false, 990, NULL,
	 FB(struct service, std_conditions, FB_TEXT)},
	{OF_SV_STD_MAX_DAYS, N_("Days to start"), FF_TEXT, 9, FC_LEFT, 3, 0, false, 3,
	 ACCEPT_DIGITS, FB(struct service, std_max_days, FB_INT)},
	{OF_SV_STD_AVAILABILITY, N_("Availability"), FF_MULTI, 10, FC_FULL, 0, 2, false, 990, NULL,
	 FB(struct service, std_availability, FB_TEXT)},
	{OF_SV_STD_MANAGEMENT, N_("Management"), FF_MULTI, 12, FC_FULL, 0, 2, false, 990, NULL,
	 FB(struct service, std_management, FB_TEXT)},
};

/* The second page of a service: its quality standard; true when changed. */
static bool standard_edit(struct app *app, struct service *s)
{
	struct form_screen fs;
	enum action a;
	bool changed = false;

	form_screen_init(&fs, app, std_fields, ARRAY_SIZE(std_fields), _("quality standard"),
			 CTX_FORM, NULL, s);
	uform_load(fs.uf, s);
	while ((a = form_screen_turn(app, &fs)) != A_BACK) {
		struct fielderr e;
		int rc;
		if (a != A_SAVE)
			continue;
		if ((rc = uform_store(fs.uf, s, &e))) {
			form_show_error(app, fs.uf, &e, rc);
			continue;
		}
		changed = true;
		ui_status(app, false, "%s", _("Kept; F2 on the service saves it."));
		break;
	}
	uform_free(&fs.uf);
	werase(stdscr);
	return changed;
}

static void service_edit(struct app *app, struct service *s)
{
	struct form_screen fs;
	struct choice *c;
	size_t n;
	enum action a;

	form_screen_init(&fs, app, sv_fields, ARRAY_SIZE(sv_fields),
			 s->id ? _("service") : _("new service"), CTX_FORM | CTX_DETAILS, sv_extras, s);
	if (catalogue_areas(app->db, &c, &n) == CD_OK)
		choice_options(fs.uf, OF_SV_AREA, c, n, _("(choose the area)"));
	free(c);
	uform_set_code_options(fs.uf, OF_SV_UNIT, &codes_unit, false);
	uform_set_code_options(fs.uf, OF_SV_FEE_RULE, &codes_fee_rule, false);
	uform_load(fs.uf, s);
	while ((a = form_screen_turn(app, &fs)) != A_BACK) {
		struct service t;
		struct fielderr e;
		int rc;
		if (a == A_DETAILS) {
			if (standard_edit(app, s))
				fs.uf->dirty = true;
			continue;
		}
		if (a != A_SAVE)
			continue;
		t = *s;
		if (!(rc = uform_store(fs.uf, &t, &e)) &&
		    (rc = service_save(app->db, &app->me, &t, &e)) == CD_ECONFLICT &&
		    !(rc = offer_conflict(app, fs.uf, "service", s->id, get_service, s, &t, sizeof(t),
					  offsetof(struct service, row_version))))
			rc = service_save(app->db, &app->me, &t, &e);
		if (rc == CD_ECONFLICT)
			continue;
		if (rc) {
			form_show_error(app, fs.uf, &e, rc);
			continue;
		}
		*s = t;
		ui_status(app, false, "%s", _("The service was saved."));
		break;
	}
	uform_free(&fs.uf);
	werase(stdscr);
}

static int sv_load(struct app *app, void *ctx, size_t *n)
{
	struct list_rows *r = list_rows_reset(ctx);

	return list_rows_loaded(r, service_list(app->db, &app->me, (struct service **)&r->l, &r->n),
				n);
}

static void sv_cell(void *ctx, size_t row, size_t col, char *out, size_t size)
{
	const struct service *x = LIST_ROW(ctx, struct service, row);

	if (col == 2)
		snprintf(out, size, "%d", x->area_code);
	else
		str_copy(out, size, col == 0 ? x->name : code_label(&codes_unit, x->unit));
}

static void sv_open(struct app *app, void *ctx, size_t row)
{
	struct service s = *LIST_ROW(ctx, struct service, row);

	service_edit(app, &s);
}

static void sv_add(struct app *app, void *ctx)
{
	struct service s;

	service_init(&s);
	service_edit(app, &s);
}

static const struct list_col sv_cols[] = {
	{N_("Service"), 48}, {N_("Unit"), 10}, {N_("Area"), 0},
};
static const struct list_ops sv_list = {
	.title = N_("catalogue of services"),
	.intro = N_("Every service the centre knows; a programme offers some of them."),
	.cols = sv_cols, .ncols = ARRAY_SIZE(sv_cols),
	.load = sv_load, .cell = sv_cell, .open = sv_open, .add = sv_add,
};

static void services_screen(struct app *app)
{
	struct list_rows r = {NULL, 0, NULL};

	ui_list_run(app, &sv_list, &r);
	free(r.l);
}

/* ---- providers ---- */

static const struct fdef pv_fields[] = {
	{-1, N_("Provider"), FF_HEADER, 0, FC_LEFT},
	{OF_PV_NAME, N_("Name"), FF_TEXT, 1, FC_FULL, 0, 0, true, 250, NULL,
	 FB(struct provider, name, FB_TEXT)},
	{OF_PV_KIND, N_("Kind"), FF_CHOICE, 2, FC_FULL, 0, 0, true, 0, NULL,
	 FB(struct provider, kind, FB_TEXT)},
	{OF_PV_ADDRESS, N_("Address"), FF_TEXT, 3, FC_FULL, 0, 0, false, 250, NULL,
	 FB(struct provider, address, FB_TEXT)},
	{OF_PV_CONTACT, N_("Contact person"), FF_TEXT, 4, FC_LEFT, 0, 0, false, 120, NULL,
	 FB(struct provider, contact_person, FB_TEXT)},
	{OF_PV_PHONE, N_("Phone"), FF_TEXT, 4, FC_RIGHT, 16, 0, false, 20, ACCEPT_PHONE,
	 FB(struct provider, phone, FB_TEXT)},
	{OF_PV_EMAIL, N_("E-mail"), FF_TEXT, 5, FC_LEFT, 0, 0, false, 120, NULL,
	 FB(struct provider, email, FB_TEXT)},
	{OF_PV_CONTRACT_NO, N_("Contract no."), FF_TEXT, 5, FC_RIGHT, 0, 0, false, 60, NULL,
	 FB(struct provider, contract_no, FB_TEXT)},
	{OF_PV_CONTRACT_FROM, N_("Contract from"), FF_TEXT, 6, FC_LEFT, 10, 0, false, 10, ACCEPT_DATE,
	 FB(struct provider, contract_from, FB_TEXT)},
	{OF_PV_CONTRACT_TO, N_("Contract to"), FF_TEXT, 6, FC_RIGHT, 10, 0, false, 10, ACCEPT_DATE,
	 FB(struct provider, contract_to, FB_TEXT)},
	{OF_PV_HOUR_POOL, N_("Hour pool"), FF_TEXT, 7, FC_LEFT, 8, 0, false, 8, "0123456789.,",
	 FB(struct provider, hour_pool, FB_NUMBER)},
};

static void pv_extras(struct app *app, struct form_screen *fs)
{
	const struct provider *p = fs->data;
	char line[700];

	if (!p->id) {
		ui_put(uform_window(fs->uf), 9, 1, _("Save first (F2); then F6 adds the services."),
		       COLS - 2, false);
		return;
	}
	snprintf(line, sizeof(line), "%s %s", _("F6: services offered:"),
		 p->services[0] ? p->services : _("none yet"));
	ui_put(uform_window(fs->uf), 9, 1, line, COLS - 2, false);
	ui_put(uform_window(fs->uf), 10, 1, _("F8: the partner sheet (resources, activity, "
					      "affiliation, role)."), COLS - 2, false);
}

static void provider_services_screen(struct app *app, struct provider *p)
{
	for (;;) {
		struct choice *c;
		size_t nc, i;
		const char **labels;
		int k;
		char cap[16];
		struct fielderr e;

		/* the whole catalogue, those offered marked; Enter toggles */
		if (provider_get(app->db, &app->me, p->id, p) ||
		    catalogue_services(app->db, &c, &nc))
			return;
		labels = xcalloc(nc + 1, sizeof(char *));
		for (i = 0; i < nc; i++) {
			char *mark = xasprintf(", %s,", c[i].label);
			char *have = xasprintf(", %s,", p->services);
			labels[i] = xasprintf("%s %s", strstr(have, mark) ? "[x]" : "[ ]", c[i].label);
			free(mark);
			free(have);
		}
		k = ui_choose(app, _("Services offered ([x]); Enter adds or takes out"), labels, nc, 0);
		if (k >= 0) {
			if (!strncmp(labels[k], "[x]", 3)) {
				if (ui_confirm(app, _("Take this service out of the provider's offer?")))
					ui_report(app, provider_service_remove(app->db, &app->me, p->id,
									    c[k].id, &e), &e,
					       _("Taken out."));
			} else if (ui_prompt(app, _("Capacity"),
					     _("Units a month (Enter: not given):"), false, cap,
					     sizeof(cap))) {
				double v = -1;
				str_trim(cap);
				if (cap[0]) {
					if (strchr(cap, ','))
						*strchr(cap, ',') = '.';
					v = strtod(cap, NULL);
				}
				ui_report(app, provider_service_save(app->db, &app->me, p->id, c[k].id, v,
								  &e), &e, _("Added."));
			}
		}
		for (i = 0; i < nc; i++)
			free((char *)labels[i]);
		free(labels);
		free(c);
		if (k < 0)
			return;
	}
}

static const struct fdef sheet_fields[] = {
	{-1, N_("Partner sheet"), FF_HEADER, 0, FC_LEFT},
	{OF_PV_SOCIAL_EMPLOYMENT, N_("Social employ."), FF_CHOICE, 1, FC_LEFT, 0, 0, false, 0, NULL,
	 FB(struct provider, social_employment, FB_BOOL)},
	{OF_PV_RESOURCES, N_("Resources"), FF_MULTI, 2, FC_FULL, 0, 3, false, 990, NULL,
	 FB(struct provider, resources, FB_TEXT)},
	{OF_PV_ACTIVITY, N_("Activity"), FF_MULTI, 5, FC_FULL, 0, 3, false, 990, NULL,
	 FB(struct provider, activity, FB_TEXT)},
	{OF_PV_AFFILIATION, N_("Affiliation"), FF_MULTI, 8, FC_FULL, 0, 2, false, 990, NULL,
	 FB(struct provider, affiliation, FB_TEXT)},
	{OF_PV_OTHER, N_("Other"), FF_MULTI, 10, FC_FULL, 0, 2, false, 990, NULL,
	 FB(struct provider, other_info, FB_TEXT)},
	{OF_PV_ROLE, N_("Partner's role"), FF_MULTI, 12, FC_FULL, 0, 3, false, 990, NULL,
	 FB(struct provider, partner_role, FB_TEXT)},
};

/* The second page of a provider: the partner sheet; true when changed. */
static bool sheet_edit(struct app *app, struct provider *p)
{
	struct form_screen fs;
	enum action a;
	bool changed = false;

	form_screen_init(&fs, app, sheet_fields, ARRAY_SIZE(sheet_fields), _("partner sheet"),
			 CTX_FORM, NULL, p);
	uform_load(fs.uf, p);
	while ((a = form_screen_turn(app, &fs)) != A_BACK) {
		struct fielderr e;
		int rc;
		if (a != A_SAVE)
			continue;
		if ((rc = uform_store(fs.uf, p, &e))) {
			form_show_error(app, fs.uf, &e, rc);
			continue;
		}
		changed = true;
		ui_status(app, false, "%s", _("Kept; F2 on the provider saves it."));
		break;
	}
	uform_free(&fs.uf);
	werase(stdscr);
	return changed;
}

static void provider_edit(struct app *app, struct provider *p)
{
	struct form_screen fs;
	enum action a;

	form_screen_init(&fs, app, pv_fields, ARRAY_SIZE(pv_fields),
			 p->id ? _("provider") : _("new provider"), CTX_OFFER | CTX_DETAILS, pv_extras,
			 p);
	uform_set_code_options(fs.uf, OF_PV_KIND, &codes_provider_kind, false);
	uform_load(fs.uf, p);
	while ((a = form_screen_turn(app, &fs)) != A_BACK) {
		struct provider t = *p;
		struct fielderr e;
		int rc;
		if (a == A_SERVICES) {
			if (!p->id || fs.uf->dirty)
				ui_status(app, true, "%s", _("save the provider first (F2)"));
			else
				provider_services_screen(app, p);
			continue;
		}
		if (a == A_DETAILS) {
			if (sheet_edit(app, p))
				fs.uf->dirty = true;
			continue;
		}
		if (a != A_SAVE)
			continue;
		if (!(rc = uform_store(fs.uf, &t, &e)) &&
		    (rc = provider_save(app->db, &app->me, &t, &e)) == CD_ECONFLICT &&
		    !(rc = offer_conflict(app, fs.uf, "provider", p->id, get_provider, p, &t,
					  sizeof(t), offsetof(struct provider, row_version))))
			rc = provider_save(app->db, &app->me, &t, &e);
		if (rc == CD_ECONFLICT)
			continue;
		if (rc) {
			form_show_error(app, fs.uf, &e, rc);
			continue;
		}
		*p = t;
		fs.uf->dirty = false;
		uform_clear_marks(fs.uf);
		ui_status(app, false, "%s", _("The provider was saved; F6 the services offered."));
	}
	uform_free(&fs.uf);
	werase(stdscr);
}

static int pv_load(struct app *app, void *ctx, size_t *n)
{
	struct list_rows *r = list_rows_reset(ctx);

	return list_rows_loaded(r, provider_list(app->db, &app->me, (struct provider **)&r->l,
						 &r->n), n);
}

static void pv_cell(void *ctx, size_t row, size_t col, char *out, size_t size)
{
	const struct provider *x = LIST_ROW(ctx, struct provider, row);

	str_copy(out, size, col == 0 ? x->name : col == 1 ? code_label(&codes_provider_kind, x->kind)
		 : x->services);
}

static void pv_open(struct app *app, void *ctx, size_t row)
{
	struct provider p = *LIST_ROW(ctx, struct provider, row);

	provider_edit(app, &p);
}

static void pv_add(struct app *app, void *ctx)
{
	struct provider p;

	provider_init(&p);
	provider_edit(app, &p);
}

static const struct list_col pv_cols[] = {
	{N_("Provider"), 36}, {N_("Kind"), 22}, {N_("Services"), 0},
};
static const struct list_ops pv_list = {
	.title = N_("providers"), .intro = N_("Providers of the services (art. 7 ust. 2)."),
	.cols = pv_cols, .ncols = ARRAY_SIZE(pv_cols),
	.load = pv_load, .cell = pv_cell, .open = pv_open, .add = pv_add,
};

static void providers_screen(struct app *app)
{
	struct list_rows r = {NULL, 0, NULL};

	ui_list_run(app, &pv_list, &r);
	free(r.l);
}

static int pl_load(struct app *app, void *ctx, size_t *n)
{
	struct list_rows *r = list_rows_reset(ctx);

	return list_rows_loaded(r, place_list(app->db, &app->me, (struct place **)&r->l, &r->n), n);
}

static void pl_cell(void *ctx, size_t row, size_t col, char *out, size_t size)
{
	const struct place *x = LIST_ROW(ctx, struct place, row);

	str_copy(out, size, col == 0 ? x->name : col == 1 ? x->address : x->provider_name);
}

/* A place has three things to say: asked one after the other. */
static void place_edit(struct app *app, struct place p)
{
	struct choice *c;
	struct fielderr e;
	size_t nc, i;
	int k;

	if (!ui_prompt_value(app, _("Place"), _("Name:"), p.name, sizeof(p.name)) ||
	    !ui_prompt_value(app, _("Place"), _("Address:"), p.address, sizeof(p.address)))
		return;
	if (catalogue_providers(app->db, &c, &nc) == CD_OK) {
		const char **labels = xcalloc(nc + 1, sizeof(char *));
		labels[0] = _("no provider (e.g. the person's home)");
		for (i = 0; i < nc; i++)
			labels[i + 1] = c[i].label;
		k = ui_choose(app, _("Whose place"), labels, nc + 1, 0);
		p.provider_id = k > 0 ? c[k - 1].id : 0;
		free(labels);
	}
	free(c);
	ui_report(app, place_save(app->db, &app->me, &p, &e), &e, _("Saved."));
}

static void pl_open(struct app *app, void *ctx, size_t row)
{
	place_edit(app, *LIST_ROW(ctx, struct place, row));
}

static void pl_add(struct app *app, void *ctx)
{
	struct place p;

	memset(&p, 0, sizeof(p));
	place_edit(app, p);
}

static const struct list_col pl_cols[] = {
	{N_("Place"), 30}, {N_("Address"), 28}, {N_("Provider"), 0},
};
static const struct list_ops pl_list = {
	.title = N_("places"), .intro = N_("Where services take place."),
	.cols = pl_cols, .ncols = ARRAY_SIZE(pl_cols),
	.load = pl_load, .cell = pl_cell, .open = pl_open, .add = pl_add,
};

static void places_screen(struct app *app)
{
	struct list_rows r = {NULL, 0, NULL};

	ui_list_run(app, &pl_list, &r);
	free(r.l);
}

static int sd_load(struct app *app, void *ctx, size_t *n)
{
	struct list_rows *r = list_rows_reset(ctx);

	return list_rows_loaded(r, supply_demand(app->db, &app->me, (struct supply **)&r->l, &r->n),
				n);
}

static void sd_cell(void *ctx, size_t row, size_t col, char *out, size_t size)
{
	const struct supply *x = LIST_ROW(ctx, struct supply, row);

	switch (col) {
	case 0: str_copy(out, size, x->service); break;
	case 1:
		if (x->contracted >= 0)
			snprintf(out, size, "%.0f", x->contracted);
		else
			str_copy(out, size, "—");
		break;
	case 2: snprintf(out, size, "%.0f", x->planned); break;
	case 3: snprintf(out, size, "%.0f", x->delivered); break;
	case 4: snprintf(out, size, "%ld", x->persons); break;
	case 5: snprintf(out, size, "%ld", x->waiting); break;
	case 6: snprintf(out, size, "%ld", x->unmet); break;
	default: str_copy(out, size, x->oldest_wait[0] ? x->oldest_wait : "—");
	}
}

static const struct list_col sd_cols[] = {
	{N_("Service"), 22}, {N_("Contract"), 7, true}, {N_("Planned"), 7, true},
	{N_("Deliv."), 7, true}, {N_("Pers."), 5, true}, {N_("Wait"), 5, true},
	{N_("Unmet"), 8, true}, {N_("Waits since"), 0},
};
static const struct list_ops sd_list = {
	.title = N_("supply and demand"),
	.intro = N_("A month, in units of each service: contracted with providers, planned in the "
		    "plans in force, delivered in the last 30 days; persons served and waiting; "
		    "unmet needs recorded in the service's area."),
	.cols = sd_cols, .ncols = ARRAY_SIZE(sd_cols),
	.load = sd_load, .cell = sd_cell,
};

static void supply_screen(struct app *app)
{
	struct list_rows r = {NULL, 0, NULL};

	ui_list_run(app, &sd_list, &r);
	free(r.l);
}

/* After a service was added or its capacity changed: who is waiting for
 * it and how many unmet needs of its area are remembered (their
 * coordinators find them in the worklist). */
static void waiting_hint(struct app *app, int64_t service_id)
{
	struct supply *l;
	size_t n, i;

	if (supply_demand(app->db, &app->me, &l, &n))
		return;
	for (i = 0; i < n; i++) {
		if (l[i].service_id != service_id || (!l[i].waiting && !l[i].unmet))
			continue;
		if (l[i].waiting)
			ui_status(app, false, _("Saved. Waiting: %ld (since %s); unmet needs of its "
						"area: %ld."), l[i].waiting, l[i].oldest_wait,
				  l[i].unmet);
		else
			ui_status(app, false, _("Saved. Unmet needs of its area: %ld; their "
						"coordinators are told."), l[i].unmet);
	}
	free(l);
}

/* ---- supporting activities (run by the community organiser) ---- */

static const struct fdef act_fields[] = {
	{-1, N_("Supporting activity"), FF_HEADER, 0, FC_LEFT},
	{GF_ACT_NAME, N_("Name"), FF_TEXT, 1, FC_FULL, 0, 0, true, 250, NULL,
	 FB(struct activity, name, FB_TEXT)},
	{GF_ACT_KIND, N_("Kind"), FF_CHOICE, 2, FC_LEFT, 0, 0, true, 0, NULL,
	 FB(struct activity, kind, FB_TEXT)},
	{GF_ACT_STATUS, N_("Status"), FF_CHOICE, 2, FC_RIGHT, 0, 0, true, 0, NULL,
	 FB(struct activity, status, FB_TEXT)},
	{GF_ACT_RUN_BY, N_("Run by"), FF_CHOICE, 3, FC_FULL, 0, 0, false, 0, NULL,
	 FB(struct activity, run_by, FB_ID)},
	{GF_ACT_PLACE, N_("Place"), FF_CHOICE, 4, FC_FULL, 0, 0, false, 0, NULL,
	 FB(struct activity, place_id, FB_ID)},
	{GF_ACT_FROM, N_("From"), FF_TEXT, 5, FC_LEFT, 10, 0, true, 10, ACCEPT_DATE,
	 FB(struct activity, starts_on, FB_TEXT)},
	{GF_ACT_TO, N_("To"), FF_TEXT, 5, FC_RIGHT, 10, 0, false, 10, ACCEPT_DATE,
	 FB(struct activity, ends_on, FB_TEXT)},
	{GF_ACT_DESCRIPTION, N_("Description"), FF_MULTI, 6, FC_FULL, 0, 4, false, 990, NULL,
	 FB(struct activity, description, FB_TEXT)},
};

static void activity_edit(struct app *app, struct activity *ac)
{
	static const char *const kinds[] = {"volunteering", "self_help", "neighbour_help"};
	struct form_screen fs;
	struct fopt o[3];
	struct choice *c;
	struct user *u;
	size_t n, i;
	enum action a;

	form_screen_init(&fs, app, act_fields, ARRAY_SIZE(act_fields),
			 ac->id ? _("supporting activity") : _("new supporting activity"), CTX_FORM,
			 NULL, ac);
	memset(o, 0, sizeof(o));
	for (i = 0; i < 3; i++) {
		str_copy(o[i].value, sizeof(o[i].value), kinds[i]);
		str_copy(o[i].label, sizeof(o[i].label), activity_kind_label(kinds[i]));
	}
	uform_set_options(fs.uf, GF_ACT_KIND, o, 3);
	str_copy(o[0].value, sizeof(o[0].value), "active");
	str_copy(o[0].label, sizeof(o[0].label), _("active"));
	str_copy(o[1].value, sizeof(o[1].value), "archived");
	str_copy(o[1].label, sizeof(o[1].label), _("archived"));
	uform_set_options(fs.uf, GF_ACT_STATUS, o, 2);
	if (user_list_with_role(app->db, ROLE_COMMUNITY_ORGANISER | ROLE_ORGANISER, &u, &n) ==
	    CD_OK) {
		c = xcalloc(n + 1, sizeof(*c));
		for (i = 0; i < n; i++) {
			c[i].id = u[i].id;
			str_copy(c[i].label, sizeof(c[i].label), u[i].full_name);
		}
		choice_options(fs.uf, GF_ACT_RUN_BY, c, n, _("(nobody chosen)"));
		free(c);
		free(u);
	}
	if (catalogue_places(app->db, &c, &n) == CD_OK) {
		choice_options(fs.uf, GF_ACT_PLACE, c, n, _("(no place)"));
		free(c);
	}
	uform_load(fs.uf, ac);
	while ((a = form_screen_turn(app, &fs)) != A_BACK) {
		struct activity t = *ac;
		struct fielderr e;
		int rc;
		if (a != A_SAVE)
			continue;
		if ((rc = uform_store(fs.uf, &t, &e)) ||
		    (rc = activity_save(app->db, &app->me, &t, &e))) {
			form_show_error(app, fs.uf, &e, rc);
			continue;
		}
		*ac = t;
		ui_status(app, false, "%s", _("The supporting activity was saved."));
		break;
	}
	uform_free(&fs.uf);
	werase(stdscr);
}

static int act_load(struct app *app, void *ctx, size_t *n)
{
	struct list_rows *r = list_rows_reset(ctx);

	return list_rows_loaded(r, activity_list(app->db, &app->me, (struct activity **)&r->l,
						 &r->n), n);
}

static void act_cell(void *ctx, size_t row, size_t col, char *out, size_t size)
{
	const struct activity *x = LIST_ROW(ctx, struct activity, row);

	if (col == 0)
		snprintf(out, size, "%s%s", x->name, strcmp(x->status, "active") ? _(" (archived)") : "");
	else
		str_copy(out, size, col == 1 ? activity_kind_label(x->kind) :
			 col == 2 ? x->starts_on : x->run_by_name);
}

static void act_open(struct app *app, void *ctx, size_t row)
{
	struct activity ac = *LIST_ROW(ctx, struct activity, row);

	activity_edit(app, &ac);
}

static void act_add(struct app *app, void *ctx)
{
	struct activity ac;

	activity_init(&ac);
	activity_edit(app, &ac);
}

static const struct list_col act_cols[] = {
	{N_("Activity"), 34}, {N_("Kind"), 16}, {N_("From"), 10}, {N_("Run by"), 0},
};
static const struct list_ops act_list = {
	.title = N_("supporting activities"),
	.intro = N_("Volunteering, self-help, neighbour help, run by the community organiser; "
		    "reported apart from services."),
	.cols = act_cols, .ncols = ARRAY_SIZE(act_cols),
	.load = act_load, .cell = act_cell, .open = act_open, .add = act_add,
};

void ui_activities(struct app *app)
{
	struct list_rows r = {NULL, 0, NULL};

	ui_list_run(app, &act_list, &r);
	free(r.l);
}

/* ---- the organiser's menu ---- */

void ui_offer_edit(struct app *app)
{
	const char *labels[] = {_("Programmes and their services"), _("Catalogue of services"),
				_("Providers"), _("Places"), _("Supporting activities"),
				_("Supply and demand"), _("The offer as reception sees it")};
	int k = 0;

	for (;;) {
		k = ui_choose(app, _("The offer"), labels, ARRAY_SIZE(labels), k);
		if (k < 0)
			return;
		switch (k) {
		case 0:
			programmes_screen(app);
			break;
		case 1:
			services_screen(app);
			break;
		case 2:
			providers_screen(app);
			break;
		case 3:
			places_screen(app);
			break;
		case 4:
			ui_activities(app);
			break;
		case 5:
			supply_screen(app);
			break;
		default:
			ui_offer(app);
			break;
		}
	}
}

/* ---- the offer, read-only: programme headings, then their services ---- */

struct offer_view {
	struct offer_line *l;
	size_t n;
	struct offer_row {
		bool heading;        /* the programme's name */
		size_t i;
	} *rows;
	size_t nrows;
};

static int offer_load(struct app *app, void *ctx, size_t *n)
{
	struct offer_view *v = ctx;
	size_t i, cap = 0;
	int rc;

	free(v->l);
	free(v->rows);
	v->rows = NULL;
	v->nrows = 0;
	if ((rc = catalogue_offer(app->db, &app->me, &v->l, &v->n)))
		return rc;
	for (i = 0; i < v->n; i++) {
		struct offer_row *r;
		if (!i || strcmp(v->l[i - 1].programme, v->l[i].programme)) {
			r = array_push((void **)&v->rows, &v->nrows, &cap, sizeof(*r));
			r->heading = true;
			r->i = i;
		}
		r = array_push((void **)&v->rows, &v->nrows, &cap, sizeof(*r));
		r->heading = false;
		r->i = i;
	}
	*n = v->nrows;
	return CD_OK;
}

static void offer_cell(void *ctx, size_t row, size_t col, char *out, size_t size)
{
	const struct offer_view *v = ctx;
	const struct offer_row *r = &v->rows[row];
	const struct offer_line *x = &v->l[r->i];

	out[0] = '\0';
	if (r->heading) {
		if (col == 0)
			str_copy(out, size, x->programme);
		return;
	}
	switch (col) {
	case 0: snprintf(out, size, "  %s", x->service); break;
	case 1: str_copy(out, size, code_label(&codes_unit, x->unit)); break;
	case 2:
		if (x->monthly_capacity >= 0)
			number_text(x->monthly_capacity, out, size);
		else
			str_copy(out, size, "—");
		break;
	default: str_copy(out, size, x->providers);
	}
}

static const struct list_col offer_cols[] = {
	{N_("Service"), 44}, {N_("Unit"), 9}, {N_("Monthly"), 9, true}, {N_("Providers"), 0},
};
static const struct list_ops offer_list = {
	.title = N_("offer of services"),
	.intro = N_("The services of the active programmes, with their providers."),
	.empty = N_("No active programme has services yet."),
	.cols = offer_cols, .ncols = ARRAY_SIZE(offer_cols),
	.load = offer_load, .cell = offer_cell,
};

void ui_offer(struct app *app)
{
	struct offer_view v = {NULL, 0, NULL, 0};

	ui_list_run(app, &offer_list, &v);
	free(v.l);
	free(v.rows);
}
