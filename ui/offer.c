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

static const int f7_del[] = {KEY_F(7), KEY_DC};

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

static void yes_no_options(struct uform *uf, int id)
{
	struct fopt o[2];

	memset(o, 0, sizeof(o));
	str_copy(o[0].value, sizeof(o[0].value), "0");
	str_copy(o[0].label, sizeof(o[0].label), _("no"));
	str_copy(o[1].value, sizeof(o[1].value), "1");
	str_copy(o[1].label, sizeof(o[1].label), _("yes"));
	uform_set_options(uf, id, o, 2);
}

static void set_int(struct uform *uf, int id, int v)
{
	char buf[16] = "";

	if (v > 0)
		snprintf(buf, sizeof(buf), "%d", v);
	uform_set(uf, id, buf);
}

/* An age field: empty means no limit. */
static int get_age(struct uform *uf, int id)
{
	const char *s = uform_get(uf, id);

	return s[0] ? atoi(s) : -1;
}

static void set_age(struct uform *uf, int id, int v)
{
	char buf[16] = "";

	if (v >= 0)
		snprintf(buf, sizeof(buf), "%d", v);
	uform_set(uf, id, buf);
}

/* ---- the services of a programme ---- */

static const struct fdef ps_fields[] = {
	{-1, N_("Service in the programme"), FF_HEADER, 0, FC_LEFT},
	{OF_PS_CAPACITY, N_("Capacity/mo."), FF_TEXT, 3, FC_LEFT, 8, 0, false, 8, "0123456789.,"},
	{OF_PS_EXPECTED, N_("Persons"), FF_TEXT, 3, FC_RIGHT, 6, 0, false, 6, ACCEPT_DIGITS},
	{OF_PS_MAX_MONTH, N_("Limit/person"), FF_TEXT, 4, FC_LEFT, 8, 0, false, 8, "0123456789.,"},
	{OF_PS_CERT, N_("Certificate"), FF_CHOICE, 4, FC_RIGHT},
	{OF_PS_AGE_MIN, N_("Age from"), FF_TEXT, 5, FC_LEFT, 3, 0, false, 3, ACCEPT_DIGITS},
	{OF_PS_AGE_MAX, N_("Age to"), FF_TEXT, 5, FC_RIGHT, 3, 0, false, 3, ACCEPT_DIGITS},
	{OF_PS_MAX_QUARTER, N_("Limit/quarter"), FF_TEXT, 6, FC_LEFT, 8, 0, false, 8,
	 "0123456789.,"},
	{OF_PS_MAX_YEAR, N_("Limit/year"), FF_TEXT, 6, FC_RIGHT, 8, 0, false, 8, "0123456789.,"},
	{OF_PS_ONCE_YEARS, N_("Once in years"), FF_TEXT, 7, FC_LEFT, 2, 0, false, 2, ACCEPT_DIGITS},
	{OF_PS_LIMIT_TEXT, N_("Limit (words)"), FF_TEXT, 8, FC_FULL, 0, 0, false, 250},
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
	yes_no_options(fs.uf, OF_PS_CERT);
	uform_set_number(fs.uf, OF_PS_CAPACITY, ps->monthly_capacity);
	set_int(fs.uf, OF_PS_EXPECTED, ps->expected_persons);
	uform_set_number(fs.uf, OF_PS_MAX_MONTH, ps->max_per_month);
	uform_set(fs.uf, OF_PS_CERT, ps->certificate_required ? "1" : "0");
	set_age(fs.uf, OF_PS_AGE_MIN, ps->age_min);
	set_age(fs.uf, OF_PS_AGE_MAX, ps->age_max);
	uform_set(fs.uf, OF_PS_LIMIT_TEXT, ps->limit_text);
	uform_set_number(fs.uf, OF_PS_MAX_QUARTER, ps->max_per_quarter);
	uform_set_number(fs.uf, OF_PS_MAX_YEAR, ps->max_per_year);
	set_int(fs.uf, OF_PS_ONCE_YEARS, ps->once_in_years);
	fs.uf->dirty = false;
	while ((a = form_screen_turn(app, &fs)) != A_BACK) {
		struct programme_service t = *ps;
		struct fielderr e;
		int rc;
		if (a != A_SAVE)
			continue;
		t.monthly_capacity = uform_get_number(fs.uf, OF_PS_CAPACITY);
		t.expected_persons = atoi(uform_get(fs.uf, OF_PS_EXPECTED));
		t.max_per_month = uform_get_number(fs.uf, OF_PS_MAX_MONTH);
		t.certificate_required = !strcmp(uform_get(fs.uf, OF_PS_CERT), "1");
		t.age_min = get_age(fs.uf, OF_PS_AGE_MIN);
		t.age_max = get_age(fs.uf, OF_PS_AGE_MAX);
		str_copy(t.limit_text, sizeof(t.limit_text), uform_get(fs.uf, OF_PS_LIMIT_TEXT));
		t.max_per_quarter = uform_get_number(fs.uf, OF_PS_MAX_QUARTER);
		t.max_per_year = uform_get_number(fs.uf, OF_PS_MAX_YEAR);
		t.once_in_years = atoi(uform_get(fs.uf, OF_PS_ONCE_YEARS));
		if ((rc = programme_service_save(app->db, &app->me, &t, &e))) {
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

static void programme_services_screen(struct app *app, const struct programme *p)
{
	static const int widths[] = {40, 9, 9, 0};
	const char *header[] = {_("Service"), _("Capacity"), _("Limit"), _("Age")};
	int sel = 0;

	for (;;) {
		struct programme_service *l;
		size_t n, i;
		char **cells, *intro;
		int chosen, key;
		struct fielderr e;

		if (programme_services(app->db, &app->me, p->id, &l, &n))
			return;
		cells = xcalloc(n * 4 + 1, sizeof(char *));
		for (i = 0; i < n; i++) {
			cells[i * 4] = xstrdup(l[i].service_name);
			cells[i * 4 + 1] = l[i].monthly_capacity >= 0 ?
				xasprintf("%g", l[i].monthly_capacity) : xstrdup("—");
			cells[i * 4 + 2] = l[i].max_per_month >= 0 ?
				xasprintf("%g", l[i].max_per_month) : xstrdup("—");
			cells[i * 4 + 3] = l[i].age_min >= 0 && l[i].age_max >= 0 ?
				xasprintf("%d–%d", l[i].age_min, l[i].age_max) :
				l[i].age_min >= 0 ? xasprintf("%d+", l[i].age_min) :
				l[i].age_max >= 0 ? xasprintf("≤%d", l[i].age_max) : xstrdup("—");
		}
		intro = xasprintf(_("%s: services. Enter changes the terms, F7 adds a service from "
				    "the catalogue, Del takes one out."), p->name);
		chosen = ui_table(app, _("services of the programme"), intro, widths, header, 4,
				  cells, n, &sel, f7_del, 2, &key);
		free(intro);
		ui_cells_free(cells, n * 4);
		if (key == KEY_F(7)) {
			struct choice *c;
			size_t nc;
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
		} else if (key == KEY_DC && n) {
			if (ui_confirm(app, _("Take this service out of the programme?")))
				ui_report(app, programme_service_remove(app->db, &app->me, p->id,
								     l[sel].service_id, &e),
				       &e, _("Taken out of the programme."));
		} else if (chosen >= 0) {
			ps_edit(app, &l[chosen]);
		} else {
			free(l);
			return;
		}
		free(l);
	}
}

/* ---- programmes ---- */

static const struct fdef prog_fields[] = {
	{-1, N_("Programme of social services"), FF_HEADER, 0, FC_LEFT},
	{OF_PROG_NAME, N_("Name"), FF_TEXT, 1, FC_FULL, 0, 0, true, 250},
	{OF_PROG_RESOLUTION_NO, N_("Resolution no."), FF_TEXT, 2, FC_LEFT, 0, 0, false, 60},
	{OF_PROG_RESOLUTION_DATE, N_("of (date)"), FF_TEXT, 2, FC_RIGHT, 10, 0, false, 10,
	 ACCEPT_DATE},
	{OF_PROG_FROM, N_("Valid from"), FF_TEXT, 3, FC_LEFT, 10, 0, true, 10, ACCEPT_DATE},
	{OF_PROG_TO, N_("Valid to"), FF_TEXT, 3, FC_RIGHT, 10, 0, false, 10, ACCEPT_DATE},
	{OF_PROG_TARGET, N_("Target group"), FF_TEXT, 4, FC_FULL, 0, 0, false, 250},
	{OF_PROG_EXPECTED, N_("Persons"), FF_TEXT, 5, FC_LEFT, 6, 0, false, 6, ACCEPT_DIGITS},
	{OF_PROG_STATUS, N_("Status"), FF_CHOICE, 5, FC_RIGHT, 0, 0, true},
	{OF_PROG_QUALIFICATION, N_("Qualification"), FF_MULTI, 6, FC_FULL, 0, 3, false, 990},
	{OF_PROG_FEES, N_("Fees"), FF_MULTI, 9, FC_FULL, 0, 2, false, 490},
	{OF_PROG_GMINAS, N_("Gminas"), FF_TEXT, 11, FC_FULL, 0, 0, false, 390},
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
	char buf[16];

	form_screen_init(&fs, app, prog_fields, ARRAY_SIZE(prog_fields),
			 p->id ? _("programme") : _("new programme"), CTX_OFFER, prog_extras, p);
	memset(st, 0, sizeof(st));
	str_copy(st[0].value, sizeof(st[0].value), "active");
	str_copy(st[0].label, sizeof(st[0].label), _("active"));
	str_copy(st[1].value, sizeof(st[1].value), "archived");
	str_copy(st[1].label, sizeof(st[1].label), _("archived"));
	uform_set_options(fs.uf, OF_PROG_STATUS, st, 2);
	uform_set(fs.uf, OF_PROG_NAME, p->name);
	uform_set(fs.uf, OF_PROG_RESOLUTION_NO, p->resolution_no);
	uform_set(fs.uf, OF_PROG_RESOLUTION_DATE, p->resolution_date);
	uform_set(fs.uf, OF_PROG_FROM, p->valid_from);
	uform_set(fs.uf, OF_PROG_TO, p->valid_to);
	uform_set(fs.uf, OF_PROG_TARGET, p->target_group);
	set_int(fs.uf, OF_PROG_EXPECTED, p->expected_persons);
	uform_set(fs.uf, OF_PROG_STATUS, p->status);
	uform_set(fs.uf, OF_PROG_QUALIFICATION, p->qualification);
	uform_set(fs.uf, OF_PROG_FEES, p->fees);
	uform_set(fs.uf, OF_PROG_GMINAS, p->gminas);
	fs.uf->dirty = false;
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
		str_copy(t.name, sizeof(t.name), uform_get(fs.uf, OF_PROG_NAME));
		str_copy(t.resolution_no, sizeof(t.resolution_no),
			 uform_get(fs.uf, OF_PROG_RESOLUTION_NO));
		str_copy(t.resolution_date, sizeof(t.resolution_date),
			 uform_get(fs.uf, OF_PROG_RESOLUTION_DATE));
		str_copy(t.valid_from, sizeof(t.valid_from), uform_get(fs.uf, OF_PROG_FROM));
		str_copy(t.valid_to, sizeof(t.valid_to), uform_get(fs.uf, OF_PROG_TO));
		str_copy(t.target_group, sizeof(t.target_group), uform_get(fs.uf, OF_PROG_TARGET));
		str_copy(buf, sizeof(buf), uform_get(fs.uf, OF_PROG_EXPECTED));
		t.expected_persons = atoi(buf);
		str_copy(t.status, sizeof(t.status), uform_get(fs.uf, OF_PROG_STATUS));
		str_copy(t.qualification, sizeof(t.qualification),
			 uform_get(fs.uf, OF_PROG_QUALIFICATION));
		str_copy(t.fees, sizeof(t.fees), uform_get(fs.uf, OF_PROG_FEES));
		str_copy(t.gminas, sizeof(t.gminas), uform_get(fs.uf, OF_PROG_GMINAS));
		if ((rc = programme_save(app->db, &app->me, &t, &e))) {
			form_show_error(app, fs.uf, &e, rc);
			continue;
		}
		*p = t;
		uform_set(fs.uf, OF_PROG_GMINAS, p->gminas);
		fs.uf->dirty = false;
		uform_clear_marks(fs.uf);
		ui_status(app, false, "%s", _("The programme was saved; F6 its services."));
	}
	uform_free(&fs.uf);
	werase(stdscr);
}

static void programmes_screen(struct app *app)
{
	static const int widths[] = {42, 10, 10, 0};
	const char *header[] = {_("Programme"), _("From"), _("To"), _("Status")};
	static const int f7[] = {KEY_F(7)};
	int sel = 0;

	for (;;) {
		struct programme *l, p;
		size_t n, i;
		char **cells;
		int chosen, key;

		if (programme_list(app->db, &app->me, &l, &n))
			return;
		cells = xcalloc(n * 4 + 1, sizeof(char *));
		for (i = 0; i < n; i++) {
			cells[i * 4] = xstrdup(l[i].name);
			cells[i * 4 + 1] = xstrdup(l[i].valid_from);
			cells[i * 4 + 2] = xstrdup(l[i].valid_to[0] ? l[i].valid_to : "…");
			cells[i * 4 + 3] = xstrdup(!strcmp(l[i].status, "active") ? _("active") :
						   _("archived"));
		}
		chosen = ui_table(app, _("programmes"), _("Programmes of social services (art. 27). "
							   "Enter opens one, F7 adds a new one."),
				  widths, header, 4, cells, n, &sel, f7, 1, &key);
		ui_cells_free(cells, n * 4);
		if (key == KEY_F(7)) {
			programme_init(&p);
			programme_edit(app, &p);
		} else if (chosen >= 0) {
			p = l[chosen];
			programme_edit(app, &p);
		} else {
			free(l);
			return;
		}
		free(l);
	}
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
	{OF_SV_NAME, N_("Name"), FF_TEXT, 1, FC_FULL, 0, 0, true, 250},
	{OF_SV_AREA, N_("Area"), FF_CHOICE, 2, FC_FULL, 0, 0, true},
	{OF_SV_UNIT, N_("Unit"), FF_CHOICE, 3, FC_LEFT, 0, 0, true},
	{OF_SV_GROUP, N_("Group service"), FF_CHOICE, 3, FC_RIGHT, 0, 0, true},
	{OF_SV_SUMMARY, N_("Description"), FF_MULTI, 4, FC_FULL, 0, 3, false, 990},
	{OF_SV_QUALIFICATIONS, N_("Qualifications"), FF_TEXT, 7, FC_FULL, 0, 0, false, 490},
	{OF_SV_OCCUPATIONS, N_("Occup. codes"), FF_TEXT, 8, FC_FULL, 0, 0, false, 190,
	 "0123456789, ;"},
	{OF_SV_FEE_RULE, N_("Fee"), FF_CHOICE, 9, FC_LEFT, 0, 0, true},
	{OF_SV_FEE_AMOUNT, N_("zł per unit"), FF_TEXT, 9, FC_RIGHT, 8, 0, false, 8, "0123456789.,"},
	{OF_SV_FEE_NOTE, N_("Fee terms"), FF_TEXT, 10, FC_FULL, 0, 0, false, 290},
};

static const struct fdef std_fields[] = {
	{-1, N_("Quality standard"), FF_HEADER, 0, FC_LEFT},
	{OF_SV_STD_INFRA, N_("Infrastructure"), FF_MULTI, 1, FC_FULL, 0, 2, false, 990},
	{OF_SV_STD_STAFF, N_("Staff"), FF_MULTI, 3, FC_FULL, 0, 2, false, 990},
	{OF_SV_STD_QUALITY, N_("Quality"), FF_MULTI, 5, FC_FULL, 0, 2, false, 990},
	{OF_SV_STD_CONDITIONS, N_("Conditions"), FF_MULTI, 7, FC_FULL, 0, 2, false, 990},
	{OF_SV_STD_MAX_DAYS, N_("Days to start"), FF_TEXT, 9, FC_LEFT, 3, 0, false, 3,
	 ACCEPT_DIGITS},
	{OF_SV_STD_AVAILABILITY, N_("Availability"), FF_MULTI, 10, FC_FULL, 0, 2, false, 990},
	{OF_SV_STD_MANAGEMENT, N_("Management"), FF_MULTI, 12, FC_FULL, 0, 2, false, 990},
};

/* The second page of a service: its quality standard; true when changed. */
static bool standard_edit(struct app *app, struct service *s)
{
	struct form_screen fs;
	enum action a;
	bool changed = false;

	form_screen_init(&fs, app, std_fields, ARRAY_SIZE(std_fields), _("quality standard"),
			 CTX_FORM, NULL, s);
	uform_set(fs.uf, OF_SV_STD_INFRA, s->std_infrastructure);
	uform_set(fs.uf, OF_SV_STD_STAFF, s->std_staff);
	uform_set(fs.uf, OF_SV_STD_QUALITY, s->std_quality);
	uform_set(fs.uf, OF_SV_STD_CONDITIONS, s->std_conditions);
	set_int(fs.uf, OF_SV_STD_MAX_DAYS, s->std_max_days);
	uform_set(fs.uf, OF_SV_STD_AVAILABILITY, s->std_availability);
	uform_set(fs.uf, OF_SV_STD_MANAGEMENT, s->std_management);
	fs.uf->dirty = false;
	while ((a = form_screen_turn(app, &fs)) != A_BACK) {
		if (a != A_SAVE)
			continue;
		str_copy(s->std_infrastructure, sizeof(s->std_infrastructure),
			 uform_get(fs.uf, OF_SV_STD_INFRA));
		str_copy(s->std_staff, sizeof(s->std_staff), uform_get(fs.uf, OF_SV_STD_STAFF));
		str_copy(s->std_quality, sizeof(s->std_quality), uform_get(fs.uf, OF_SV_STD_QUALITY));
		str_copy(s->std_conditions, sizeof(s->std_conditions),
			 uform_get(fs.uf, OF_SV_STD_CONDITIONS));
		s->std_max_days = atoi(uform_get(fs.uf, OF_SV_STD_MAX_DAYS));
		str_copy(s->std_availability, sizeof(s->std_availability),
			 uform_get(fs.uf, OF_SV_STD_AVAILABILITY));
		str_copy(s->std_management, sizeof(s->std_management),
			 uform_get(fs.uf, OF_SV_STD_MANAGEMENT));
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
	char buf[16];

	form_screen_init(&fs, app, sv_fields, ARRAY_SIZE(sv_fields),
			 s->id ? _("service") : _("new service"), CTX_FORM | CTX_DETAILS, sv_extras, s);
	if (catalogue_areas(app->db, &c, &n) == CD_OK)
		choice_options(fs.uf, OF_SV_AREA, c, n, _("(choose the area)"));
	free(c);
	uform_set_code_options(fs.uf, OF_SV_UNIT, &codes_unit, false);
	yes_no_options(fs.uf, OF_SV_GROUP);
	uform_set(fs.uf, OF_SV_NAME, s->name);
	snprintf(buf, sizeof(buf), "%d", s->area_code);
	uform_set(fs.uf, OF_SV_AREA, buf);
	uform_set(fs.uf, OF_SV_UNIT, s->unit);
	uform_set(fs.uf, OF_SV_GROUP, s->is_group ? "1" : "0");
	uform_set(fs.uf, OF_SV_SUMMARY, s->summary);
	uform_set(fs.uf, OF_SV_QUALIFICATIONS, s->qualifications);
	uform_set(fs.uf, OF_SV_OCCUPATIONS, s->occupation_codes);
	uform_set_code_options(fs.uf, OF_SV_FEE_RULE, &codes_fee_rule, false);
	uform_set(fs.uf, OF_SV_FEE_RULE, s->fee_rule);
	uform_set_number(fs.uf, OF_SV_FEE_AMOUNT, s->fee_amount);
	uform_set(fs.uf, OF_SV_FEE_NOTE, s->fee_note);
	fs.uf->dirty = false;
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
		str_copy(t.name, sizeof(t.name), uform_get(fs.uf, OF_SV_NAME));
		t.area_code = atoi(uform_get(fs.uf, OF_SV_AREA));
		str_copy(t.unit, sizeof(t.unit), uform_get(fs.uf, OF_SV_UNIT));
		t.is_group = !strcmp(uform_get(fs.uf, OF_SV_GROUP), "1");
		str_copy(t.summary, sizeof(t.summary), uform_get(fs.uf, OF_SV_SUMMARY));
		str_copy(t.qualifications, sizeof(t.qualifications),
			 uform_get(fs.uf, OF_SV_QUALIFICATIONS));
		str_copy(t.occupation_codes, sizeof(t.occupation_codes),
			 uform_get(fs.uf, OF_SV_OCCUPATIONS));
		str_copy(t.fee_rule, sizeof(t.fee_rule), uform_get(fs.uf, OF_SV_FEE_RULE));
		t.fee_amount = uform_get_number(fs.uf, OF_SV_FEE_AMOUNT);
		str_copy(t.fee_note, sizeof(t.fee_note), uform_get(fs.uf, OF_SV_FEE_NOTE));
		if ((rc = service_save(app->db, &app->me, &t, &e))) {
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

static void services_screen(struct app *app)
{
	static const int widths[] = {48, 10, 0};
	static const int f7[] = {KEY_F(7)};
	const char *header[] = {_("Service"), _("Unit"), _("Area")};
	int sel = 0;

	for (;;) {
		struct service *l, s;
		size_t n, i;
		char **cells;
		int chosen, key;

		if (service_list(app->db, &app->me, &l, &n))
			return;
		cells = xcalloc(n * 3 + 1, sizeof(char *));
		for (i = 0; i < n; i++) {
			cells[i * 3] = xstrdup(l[i].name);
			cells[i * 3 + 1] = xstrdup(code_label(&codes_unit, l[i].unit));
			cells[i * 3 + 2] = xasprintf("%d", l[i].area_code);
		}
		chosen = ui_table(app, _("catalogue of services"),
				  _("Every service the centre knows; a programme offers some of them. "
				    "Enter opens one, F7 adds a new one."),
				  widths, header, 3, cells, n, &sel, f7, 1, &key);
		ui_cells_free(cells, n * 3);
		if (key == KEY_F(7)) {
			service_init(&s);
			service_edit(app, &s);
		} else if (chosen >= 0) {
			s = l[chosen];
			service_edit(app, &s);
		} else {
			free(l);
			return;
		}
		free(l);
	}
}

/* ---- providers ---- */

static const struct fdef pv_fields[] = {
	{-1, N_("Provider"), FF_HEADER, 0, FC_LEFT},
	{OF_PV_NAME, N_("Name"), FF_TEXT, 1, FC_FULL, 0, 0, true, 250},
	{OF_PV_KIND, N_("Kind"), FF_CHOICE, 2, FC_FULL, 0, 0, true},
	{OF_PV_ADDRESS, N_("Address"), FF_TEXT, 3, FC_FULL, 0, 0, false, 250},
	{OF_PV_CONTACT, N_("Contact person"), FF_TEXT, 4, FC_LEFT, 0, 0, false, 120},
	{OF_PV_PHONE, N_("Phone"), FF_TEXT, 4, FC_RIGHT, 16, 0, false, 20, ACCEPT_PHONE},
	{OF_PV_EMAIL, N_("E-mail"), FF_TEXT, 5, FC_LEFT, 0, 0, false, 120},
	{OF_PV_CONTRACT_NO, N_("Contract no."), FF_TEXT, 5, FC_RIGHT, 0, 0, false, 60},
	{OF_PV_CONTRACT_FROM, N_("Contract from"), FF_TEXT, 6, FC_LEFT, 10, 0, false, 10,
	 ACCEPT_DATE},
	{OF_PV_CONTRACT_TO, N_("Contract to"), FF_TEXT, 6, FC_RIGHT, 10, 0, false, 10,
	 ACCEPT_DATE},
	{OF_PV_HOUR_POOL, N_("Hour pool"), FF_TEXT, 7, FC_LEFT, 8, 0, false, 8, "0123456789.,"},
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
	{OF_PV_SOCIAL_EMPLOYMENT, N_("Social employ."), FF_CHOICE, 1, FC_LEFT},
	{OF_PV_RESOURCES, N_("Resources"), FF_MULTI, 2, FC_FULL, 0, 3, false, 990},
	{OF_PV_ACTIVITY, N_("Activity"), FF_MULTI, 5, FC_FULL, 0, 3, false, 990},
	{OF_PV_AFFILIATION, N_("Affiliation"), FF_MULTI, 8, FC_FULL, 0, 2, false, 990},
	{OF_PV_OTHER, N_("Other"), FF_MULTI, 10, FC_FULL, 0, 2, false, 990},
	{OF_PV_ROLE, N_("Partner's role"), FF_MULTI, 12, FC_FULL, 0, 3, false, 990},
};

/* The second page of a provider: the partner sheet; true when changed. */
static bool sheet_edit(struct app *app, struct provider *p)
{
	struct form_screen fs;
	enum action a;
	bool changed = false;

	form_screen_init(&fs, app, sheet_fields, ARRAY_SIZE(sheet_fields), _("partner sheet"),
			 CTX_FORM, NULL, p);
	yes_no_options(fs.uf, OF_PV_SOCIAL_EMPLOYMENT);
	uform_set(fs.uf, OF_PV_SOCIAL_EMPLOYMENT, p->social_employment ? "1" : "0");
	uform_set(fs.uf, OF_PV_RESOURCES, p->resources);
	uform_set(fs.uf, OF_PV_ACTIVITY, p->activity);
	uform_set(fs.uf, OF_PV_AFFILIATION, p->affiliation);
	uform_set(fs.uf, OF_PV_OTHER, p->other_info);
	uform_set(fs.uf, OF_PV_ROLE, p->partner_role);
	fs.uf->dirty = false;
	while ((a = form_screen_turn(app, &fs)) != A_BACK) {
		if (a != A_SAVE)
			continue;
		p->social_employment = !strcmp(uform_get(fs.uf, OF_PV_SOCIAL_EMPLOYMENT), "1");
		str_copy(p->resources, sizeof(p->resources), uform_get(fs.uf, OF_PV_RESOURCES));
		str_copy(p->activity, sizeof(p->activity), uform_get(fs.uf, OF_PV_ACTIVITY));
		str_copy(p->affiliation, sizeof(p->affiliation), uform_get(fs.uf, OF_PV_AFFILIATION));
		str_copy(p->other_info, sizeof(p->other_info), uform_get(fs.uf, OF_PV_OTHER));
		str_copy(p->partner_role, sizeof(p->partner_role), uform_get(fs.uf, OF_PV_ROLE));
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
	uform_set(fs.uf, OF_PV_NAME, p->name);
	uform_set(fs.uf, OF_PV_KIND, p->kind);
	uform_set(fs.uf, OF_PV_ADDRESS, p->address);
	uform_set(fs.uf, OF_PV_CONTACT, p->contact_person);
	uform_set(fs.uf, OF_PV_PHONE, p->phone);
	uform_set(fs.uf, OF_PV_EMAIL, p->email);
	uform_set(fs.uf, OF_PV_CONTRACT_NO, p->contract_no);
	uform_set(fs.uf, OF_PV_CONTRACT_FROM, p->contract_from);
	uform_set(fs.uf, OF_PV_CONTRACT_TO, p->contract_to);
	uform_set_number(fs.uf, OF_PV_HOUR_POOL, p->hour_pool);
	fs.uf->dirty = false;
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
		str_copy(t.name, sizeof(t.name), uform_get(fs.uf, OF_PV_NAME));
		str_copy(t.kind, sizeof(t.kind), uform_get(fs.uf, OF_PV_KIND));
		str_copy(t.address, sizeof(t.address), uform_get(fs.uf, OF_PV_ADDRESS));
		str_copy(t.contact_person, sizeof(t.contact_person), uform_get(fs.uf, OF_PV_CONTACT));
		str_copy(t.phone, sizeof(t.phone), uform_get(fs.uf, OF_PV_PHONE));
		str_copy(t.email, sizeof(t.email), uform_get(fs.uf, OF_PV_EMAIL));
		str_copy(t.contract_no, sizeof(t.contract_no), uform_get(fs.uf, OF_PV_CONTRACT_NO));
		str_copy(t.contract_from, sizeof(t.contract_from),
			 uform_get(fs.uf, OF_PV_CONTRACT_FROM));
		str_copy(t.contract_to, sizeof(t.contract_to), uform_get(fs.uf, OF_PV_CONTRACT_TO));
		t.hour_pool = uform_get_number(fs.uf, OF_PV_HOUR_POOL);
		if ((rc = provider_save(app->db, &app->me, &t, &e))) {
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

static void providers_screen(struct app *app)
{
	static const int widths[] = {36, 22, 0};
	static const int f7[] = {KEY_F(7)};
	const char *header[] = {_("Provider"), _("Kind"), _("Services")};
	int sel = 0;

	for (;;) {
		struct provider *l, p;
		size_t n, i;
		char **cells;
		int chosen, key;

		if (provider_list(app->db, &app->me, &l, &n))
			return;
		cells = xcalloc(n * 3 + 1, sizeof(char *));
		for (i = 0; i < n; i++) {
			cells[i * 3] = xstrdup(l[i].name);
			cells[i * 3 + 1] = xstrdup(code_label(&codes_provider_kind, l[i].kind));
			cells[i * 3 + 2] = xstrdup(l[i].services);
		}
		chosen = ui_table(app, _("providers"), _("Providers of the services (art. 7 ust. 2). "
							  "Enter opens one, F7 adds a new one."),
				  widths, header, 3, cells, n, &sel, f7, 1, &key);
		ui_cells_free(cells, n * 3);
		if (key == KEY_F(7)) {
			provider_init(&p);
			provider_edit(app, &p);
		} else if (chosen >= 0) {
			p = l[chosen];
			provider_edit(app, &p);
		} else {
			free(l);
			return;
		}
		free(l);
	}
}

/* ---- places ---- */

static void places_screen(struct app *app)
{
	static const int widths[] = {30, 28, 0};
	static const int f7[] = {KEY_F(7)};
	const char *header[] = {_("Place"), _("Address"), _("Provider")};
	int sel = 0;

	for (;;) {
		struct place *l, p;
		struct choice *c;
		size_t n, i, nc;
		char **cells;
		int chosen, key, k;
		struct fielderr e;

		if (place_list(app->db, &app->me, &l, &n))
			return;
		cells = xcalloc(n * 3 + 1, sizeof(char *));
		for (i = 0; i < n; i++) {
			cells[i * 3] = xstrdup(l[i].name);
			cells[i * 3 + 1] = xstrdup(l[i].address);
			cells[i * 3 + 2] = xstrdup(l[i].provider_name);
		}
		chosen = ui_table(app, _("places"), _("Where services take place. Enter changes one, "
						       "F7 adds a new one."),
				  widths, header, 3, cells, n, &sel, f7, 1, &key);
		ui_cells_free(cells, n * 3);
		if (key != KEY_F(7) && chosen < 0) {
			free(l);
			return;
		}
		memset(&p, 0, sizeof(p));
		if (chosen >= 0)
			p = l[chosen];
		free(l);
		if (!ui_prompt_value(app, _("Place"), _("Name:"), p.name, sizeof(p.name)) ||
		    !ui_prompt_value(app, _("Place"), _("Address:"), p.address, sizeof(p.address)))
			continue;
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
}

/* ---- supply and demand ---- */

static void supply_screen(struct app *app)
{
	static const int widths[] = {22, 7, 7, 7, 5, 5, 8, 0};
	const char *header[] = {_("Service"), _("Contract"), _("Planned"), _("Deliv."),
				_("Pers."), _("Wait"), _("Unmet"), _("Waits since")};
	struct supply *l;
	size_t n, i;
	char **cells;
	int sel = 0, key;

	if (ui_failed(app, supply_demand(app->db, &app->me, &l, &n))) {
		return;
	}
	cells = xcalloc(n * 8 + 1, sizeof(char *));
	for (i = 0; i < n; i++) {
		cells[i * 8] = xstrdup(l[i].service);
		cells[i * 8 + 1] = l[i].contracted >= 0 ? xasprintf("%.0f", l[i].contracted) :
				   xstrdup("—");
		cells[i * 8 + 2] = xasprintf("%.0f", l[i].planned);
		cells[i * 8 + 3] = xasprintf("%.0f", l[i].delivered);
		cells[i * 8 + 4] = xasprintf("%ld", l[i].persons);
		cells[i * 8 + 5] = xasprintf("%ld", l[i].waiting);
		cells[i * 8 + 6] = xasprintf("%ld", l[i].unmet);
		cells[i * 8 + 7] = xstrdup(l[i].oldest_wait[0] ? l[i].oldest_wait : "—");
	}
	ui_table(app, _("supply and demand"),
		 _("A month, in units of each service: contracted with providers, planned in the "
		   "plans in force, delivered in the last 30 days; persons served and waiting; "
		   "unmet needs recorded in the service's area."),
		 widths, header, 8, cells, n, &sel, NULL, 0, &key);
	ui_cells_free(cells, n * 8);
	free(l);
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
	{GF_ACT_NAME, N_("Name"), FF_TEXT, 1, FC_FULL, 0, 0, true, 250},
	{GF_ACT_KIND, N_("Kind"), FF_CHOICE, 2, FC_LEFT, 0, 0, true},
	{GF_ACT_STATUS, N_("Status"), FF_CHOICE, 2, FC_RIGHT, 0, 0, true},
	{GF_ACT_RUN_BY, N_("Run by"), FF_CHOICE, 3, FC_FULL, 0, 0, false},
	{GF_ACT_PLACE, N_("Place"), FF_CHOICE, 4, FC_FULL, 0, 0, false},
	{GF_ACT_FROM, N_("From"), FF_TEXT, 5, FC_LEFT, 10, 0, true, 10, ACCEPT_DATE},
	{GF_ACT_TO, N_("To"), FF_TEXT, 5, FC_RIGHT, 10, 0, false, 10, ACCEPT_DATE},
	{GF_ACT_DESCRIPTION, N_("Description"), FF_MULTI, 6, FC_FULL, 0, 4, false, 990},
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
	char buf[24];

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
	uform_set(fs.uf, GF_ACT_NAME, ac->name);
	uform_set(fs.uf, GF_ACT_KIND, ac->kind);
	uform_set(fs.uf, GF_ACT_STATUS, ac->status);
	snprintf(buf, sizeof(buf), "%lld", (long long)ac->run_by);
	uform_set(fs.uf, GF_ACT_RUN_BY, buf);
	snprintf(buf, sizeof(buf), "%lld", (long long)ac->place_id);
	uform_set(fs.uf, GF_ACT_PLACE, buf);
	uform_set(fs.uf, GF_ACT_FROM, ac->starts_on);
	uform_set(fs.uf, GF_ACT_TO, ac->ends_on);
	uform_set(fs.uf, GF_ACT_DESCRIPTION, ac->description);
	fs.uf->dirty = false;
	while ((a = form_screen_turn(app, &fs)) != A_BACK) {
		struct activity t = *ac;
		struct fielderr e;
		int rc;
		if (a != A_SAVE)
			continue;
		str_copy(t.name, sizeof(t.name), uform_get(fs.uf, GF_ACT_NAME));
		str_copy(t.kind, sizeof(t.kind), uform_get(fs.uf, GF_ACT_KIND));
		str_copy(t.status, sizeof(t.status), uform_get(fs.uf, GF_ACT_STATUS));
		t.run_by = atoll(uform_get(fs.uf, GF_ACT_RUN_BY));
		t.place_id = atoll(uform_get(fs.uf, GF_ACT_PLACE));
		str_copy(t.starts_on, sizeof(t.starts_on), uform_get(fs.uf, GF_ACT_FROM));
		str_copy(t.ends_on, sizeof(t.ends_on), uform_get(fs.uf, GF_ACT_TO));
		str_copy(t.description, sizeof(t.description), uform_get(fs.uf, GF_ACT_DESCRIPTION));
		if ((rc = activity_save(app->db, &app->me, &t, &e))) {
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

void ui_activities(struct app *app)
{
	static const int widths[] = {34, 16, 10, 0};
	static const int f7[] = {KEY_F(7)};
	const char *header[] = {_("Activity"), _("Kind"), _("From"), _("Run by")};
	int sel = 0;

	for (;;) {
		struct activity *l, ac;
		size_t n, i;
		char **cells;
		int chosen, key;

		if (activity_list(app->db, &app->me, &l, &n))
			return;
		cells = xcalloc(n * 4 + 1, sizeof(char *));
		for (i = 0; i < n; i++) {
			cells[i * 4] = xasprintf("%s%s", l[i].name, strcmp(l[i].status, "active") ?
						 _(" (archived)") : "");
			cells[i * 4 + 1] = xstrdup(activity_kind_label(l[i].kind));
			cells[i * 4 + 2] = xstrdup(l[i].starts_on);
			cells[i * 4 + 3] = xstrdup(l[i].run_by_name);
		}
		chosen = ui_table(app, _("supporting activities"),
				  _("Volunteering, self-help, neighbour help, run by the community "
				    "organiser; reported apart from services. Enter opens one, F7 "
				    "adds a new one."),
				  widths, header, 4, cells, n, &sel, f7, 1, &key);
		ui_cells_free(cells, n * 4);
		if (key == KEY_F(7)) {
			activity_init(&ac);
			activity_edit(app, &ac);
		} else if (chosen >= 0) {
			ac = l[chosen];
			activity_edit(app, &ac);
		} else {
			free(l);
			return;
		}
		free(l);
	}
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

void ui_offer(struct app *app)
{
	struct offer_line *l = NULL;
	size_t n = 0;
	int top = 0;
	const char *saved_title = app->screen_title;
	unsigned saved_ctx = app->context;

	if (ui_failed(app, catalogue_offer(app->db, &app->me, &l, &n))) {
		return;
	}
	for (;;) {
		wint_t ch;
		int r, y, rows = LINES - 5, row = 0;
		const char *prog = "";
		size_t i;

		app->screen_title = _("offer of services");
		app->context = CTX_LIST;
		werase(stdscr);
		ui_frame(app);
		wattrset(stdscr, ui_attr(R_HEADER));
		{
			static const int wd[] = {44, 9, 9, 0};
			const char *h[] = {_("Service"), _("Unit"), _("Monthly"), _("Providers")};
			ui_put_row(stdscr, 1, 1, COLS - 2, wd, h, 4);
		}
		wattrset(stdscr, A_NORMAL);
		/* programme names as headings, then their services */
		for (i = 0, y = 0; i < n && y < rows; i++) {
			char cap[32];
			int x = 3;
			if (strcmp(prog, l[i].programme)) {
				prog = l[i].programme;
				if (row++ >= top && y < rows) {
					wattrset(stdscr, A_BOLD);
					ui_put(stdscr, 2 + y++, 1, prog, COLS - 2, true);
					wattrset(stdscr, A_NORMAL);
				}
			}
			if (row++ < top || y >= rows)
				continue;
			if (l[i].monthly_capacity >= 0)
				snprintf(cap, sizeof(cap), "%g", l[i].monthly_capacity);
			else
				str_copy(cap, sizeof(cap), "—");
			x += ui_put(stdscr, 2 + y, x, l[i].service, 42, true) + 1;
			x += ui_put(stdscr, 2 + y, x, code_label(&codes_unit, l[i].unit), 9, true) + 1;
			x += ui_put(stdscr, 2 + y, x, cap, 9, true) + 1;
			ui_put(stdscr, 2 + y, x, l[i].providers, COLS - x - 1, true);
			y++;
		}
		if (!n)
			ui_put(stdscr, 3, 2, _("No active programme has services yet."), COLS - 4, false);
		curs_set(0);
		r = ui_getkey(app, stdscr, &ch);
		if (r == KEY_CODE_YES && ch == KEY_RESIZE)
			continue;
		if (keys_action(CTX_LIST, r, ch) == A_BACK)
			break;
		if (r == KEY_CODE_YES && ch == KEY_DOWN && (size_t)top + 1 < n * 2)
			top++;
		else if (r == KEY_CODE_YES && ch == KEY_UP && top > 0)
			top--;
	}
	free(l);
	app->screen_title = saved_title;
	app->context = saved_ctx;
	werase(stdscr);
}
