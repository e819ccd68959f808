/* person_form.c - the person's fields. */
#include "person_form.h"
#include "codes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct fdef person_fields[] = {
	{PERSON_F_FIRST, N_("First name"), FF_TEXT, 0, FC_LEFT, 0, 0, true, 120, NULL,
	 FBP(PART_PERSON, struct person, first_names, FB_TEXT)},
	{PERSON_F_SURNAME, N_("Surname"), FF_TEXT, 0, FC_RIGHT, 0, 0, true, 120, NULL,
	 FBP(PART_PERSON, struct person, surname, FB_TEXT)},
	{PERSON_F_PESEL, N_("PESEL"), FF_TEXT, 1, FC_LEFT, 11, 0, false, 11, ACCEPT_DIGITS,
	 FBP(PART_PERSON, struct person, pesel, FB_TEXT)},
	{PERSON_F_BIRTH, N_("Birth date"), FF_TEXT, 1, FC_RIGHT, 10, 0, false, 10, ACCEPT_DATE,
	 FBP(PART_PERSON, struct person, birth_date, FB_TEXT)},
	{PERSON_F_SEX, N_("Sex"), FF_CHOICE, 2, FC_LEFT, 12, 0, false, 0, NULL,
	 FBP(PART_PERSON, struct person, sex, FB_TEXT)},
	{PERSON_F_PHONE, N_("Phone"), FF_TEXT, 2, FC_RIGHT, 0, 0, false, 30, ACCEPT_PHONE,
	 FBP(PART_PERSON, struct person, phone, FB_TEXT)},
	{PERSON_F_STREET, N_("Street"), FF_TEXT, 3, FC_LEFT, 0, 0, false, 120, NULL,
	 FBP(PART_PERSON, struct person, street, FB_TEXT)},
	{PERSON_F_HOUSE, N_("House no."), FF_TEXT, 3, FC_RIGHT, 8, 0, false, 15, NULL,
	 FBP(PART_PERSON, struct person, house_no, FB_TEXT)},
	{PERSON_F_FLAT, N_("Flat no."), FF_TEXT, 4, FC_LEFT, 8, 0, false, 15, NULL,
	 FBP(PART_PERSON, struct person, flat_no, FB_TEXT)},
	{PERSON_F_POSTCODE, N_("Postcode"), FF_TEXT, 4, FC_RIGHT, 6, 0, false, 6, ACCEPT_DATE,
	 FBP(PART_PERSON, struct person, postcode, FB_TEXT)},
	{PERSON_F_TOWN, N_("Town"), FF_TEXT, 5, FC_LEFT, 0, 0, false, 60, NULL,
	 FBP(PART_PERSON, struct person, town, FB_TEXT)},
	{PERSON_F_GMINA, N_("Gmina"), FF_CHOICE, 5, FC_RIGHT, 0, 0, false, 0, NULL,
	 FBP(PART_PERSON, struct person, gmina, FB_TEXT)},
	{PERSON_F_EMAIL, N_("E-mail"), FF_TEXT, 6, FC_LEFT, 0, 0, false, 120, NULL,
	 FBP(PART_PERSON, struct person, email, FB_TEXT)},
	{PERSON_F_LEGAL_REP, N_("Legal repr."), FF_LINK, 7, FC_LEFT, 0, 0, false, 0},
	{PERSON_F_CARER, N_("Actual carer"), FF_LINK, 7, FC_RIGHT, 0, 0, false, 0},
	{PERSON_F_NOTES, N_("Notes"), FF_MULTI, 8, FC_FULL, 0, 2, false, 1000, NULL,
	 FBP(PART_PERSON, struct person, notes, FB_TEXT)},
};

size_t person_form_defs(struct fdef *out, int row0, bool full)
{
	size_t i, n = 0;

	for (i = 0; i < ARRAY_SIZE(person_fields); i++) {
		if (!full && person_fields[i].row > 6)
			continue;
		out[n] = person_fields[i];
		out[n].row += row0;
		n++;
	}
	return n;
}

void person_form_options(struct app *app, struct uform *uf)
{
	char **names;
	size_t n, i;
	struct fopt *o;

	uform_set_code_options(uf, PERSON_F_SEX, &codes_sex, true);
	if (gmina_names(app->db, &names, &n) == CD_OK) {
		o = xcalloc(n + 1, sizeof(*o));
		for (i = 0; i < n; i++) {
			str_copy(o[i + 1].value, sizeof(o[i + 1].value), names[i]);
			str_copy(o[i + 1].label, sizeof(o[i + 1].label), names[i]);
		}
		uform_set_options(uf, PERSON_F_GMINA, o, n + 1);
		/* a centre that serves one gmina: a new resident is of that one
		 * (a person's own record, loaded after this, says otherwise) */
		if (n == 1 && !uform_get(uf, PERSON_F_GMINA)[0])
			uform_set(uf, PERSON_F_GMINA, names[0]);
		free(o);
		gmina_names_free(names, n);
	}
}

void person_form_load(struct app *app, struct uform *uf, const struct person *p)
{
	char name[300];

	uform_load_part(uf, PART_PERSON, p);
	/* the links show a name: moved by hand */
	person_display_name(app->db, p->legal_rep_id, name, sizeof(name));
	uform_set_link(uf, PERSON_F_LEGAL_REP, p->legal_rep_id, name);
	person_display_name(app->db, p->carer_id, name, sizeof(name));
	uform_set_link(uf, PERSON_F_CARER, p->carer_id, name);
	uf->dirty = false;
}

int person_form_read(struct uform *uf, struct person *p, struct fielderr *e)
{
	int rc = uform_store_part(uf, PART_PERSON, p, e);

	if (!rc && uform_has(uf, PERSON_F_LEGAL_REP)) {
		p->legal_rep_id = uform_get_id(uf, PERSON_F_LEGAL_REP);
		p->carer_id = uform_get_id(uf, PERSON_F_CARER);
	}
	return rc;
}

const char *person_form_check(void *ctx, int id, const char *value)
{
	static char msg[256];
	enum pesel_status st;
	struct date d, today;

	(void)ctx;
	if (!value || !*value)
		return NULL;
	switch (id) {
	case PERSON_F_PESEL:
		st = pesel_check(value, NULL);
		if (st == PESEL_OK)
			return NULL;
		snprintf(msg, sizeof(msg), _("PESEL: %s"), pesel_status_text(st));
		return msg;
	case PERSON_F_BIRTH:
		date_today(&today);
		if (!date_parse(value, &d))
			return _("Birth date: not a valid date (use YYYY-MM-DD, e.g. 1956-03-14)");
		if (date_cmp(&d, &today) > 0)
			return _("Birth date: cannot be in the future");
		return NULL;
	case PERSON_F_POSTCODE:
		if (postcode_valid(value) || (strlen(value) == 5 && !strchr(value, '-')))
			return NULL;
		return _("Postcode: use the form NN-NNN, e.g. 07-431");
	case PERSON_F_PHONE:
		return phone_valid(value) ? NULL :
		       _("Phone: 9 to 15 digits; only + ( ) - and spaces besides");
	case PERSON_F_EMAIL:
		return email_valid(value) ? NULL :
		       _("E-mail: not a valid address (like name@example.pl)");
	default:
		return NULL;
	}
}

void person_form_left(struct uform *uf, int id)
{
	struct pesel_info info;
	bool filled = false;

	if (id != PERSON_F_PESEL || pesel_check(uform_get(uf, PERSON_F_PESEL), &info) != PESEL_OK)
		return;
	if (!uform_get(uf, PERSON_F_BIRTH)[0]) {
		char d[11];
		date_format(&info.birth, d);
		uform_set(uf, PERSON_F_BIRTH, d);
		filled = true;
	}
	if (!uform_get(uf, PERSON_F_SEX)[0]) {
		char s[2] = {info.sex, '\0'};
		uform_set(uf, PERSON_F_SEX, s);
		filled = true;
	}
	/* moving on from the PESEL: past what it filled in */
	if (filled && uform_current_id(uf) == PERSON_F_BIRTH)
		uform_focus(uf, PERSON_F_PHONE);
}

bool person_form_pick_link(struct app *app, struct uform *uf, int self_id)
{
	int id = uform_current_id(uf);
	int64_t chosen;
	char name[300];

	if (uform_current_type(uf) != FF_LINK)
		return false;
	chosen = ui_search(app, true, _("choose a person"));
	if (chosen && chosen == self_id) {
		ui_status(app, true, "%s", _("a person cannot be linked to themself"));
		return true;
	}
	if (chosen) {
		person_display_name(app->db, chosen, name, sizeof(name));
		uform_set_link(uf, id, chosen, name);
	}
	return true;
}

wint_t person_dup_dialog(struct app *app, const struct person *p, int64_t *use)
{
	int64_t dups[4], same_pesel = 0;
	size_t n = person_find_duplicates(app->db, p, dups, ARRAY_SIZE(dups)), i;
	struct strbuf sb;
	wint_t r;

	*use = 0;
	/* the same PESEL under another name or birth date is the same person too */
	if (p->pesel[0] && n < ARRAY_SIZE(dups)) {
		struct person_hit *h = NULL;
		size_t k = 0, j;
		if (person_search(app->db, &app->me, p->pesel, 3, &h, &k) == CD_OK)
			for (j = 0; j < k; j++)
				if (!strcmp(h[j].pesel, p->pesel) && h[j].id != p->id) {
					bool have = false;
					for (i = 0; i < n; i++)
						have = have || dups[i] == h[j].id;
					if (!have && n < ARRAY_SIZE(dups))
						dups[n++] = h[j].id;
				}
		free(h);
	}
	if (!n)
		return 's';
	sb_init(&sb);
	for (i = 0; i < n && !same_pesel; i++) {
		struct person x;
		if (p->pesel[0] && person_get(app->db, &app->me, dups[i], &x) == CD_OK &&
		    !strcmp(x.pesel, p->pesel))
			same_pesel = dups[i];
	}
	sb_add(&sb, same_pesel ? _("This PESEL is already registered:") :
				 _("Already registered with the same name and birth date:"));
	sb_add(&sb, "\n");
	for (i = 0; i < n; i++) {
		struct person x;
		if (person_get(app->db, &app->me, dups[i], &x) ||
		    (same_pesel && dups[i] != same_pesel))
			continue;
		sb_addf(&sb, "  %s %s, %s %s, PESEL %s, %s %s\n", x.surname, x.first_names,
			_("born"), x.birth_date, x.pesel[0] ? x.pesel : "-", x.town,
			x.street[0] ? x.street : "");
	}
	sb_add(&sb, "\n");
	/* one PESEL is one person: no second record of them can be saved */
	sb_add(&sb, same_pesel ? _("[U] use the registered person   [Esc] back to the form") :
				 _("[U] use the registered person   [S] save a new person anyway   "
				   "[Esc] back to the form"));
	r = ui_ask(app, _("Possible duplicate"), sb.buf, same_pesel ? "u" : "us");
	sb_release(&sb);
	if (r == 'u')
		*use = same_pesel ? same_pesel : dups[0];
	return r;
}

wint_t person_form_precheck(struct app *app, struct uform *uf, struct person *q,
			    int64_t *use)
{
	struct fielderr e;
	struct date today;
	int rc;

	*use = 0;
	if (q->id)
		return 's';
	date_today(&today);
	if ((rc = person_validate(q, &today, &e))) {
		form_show_error(app, uf, &e, rc);
		return 0;
	}
	return person_dup_dialog(app, q, use);
}
