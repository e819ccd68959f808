/* papers.c - documents from the desk: printing a case's documents, the
 * person's consents and the art. 15 (RODO) information. */
#include "app.h"
#include "codes.h"
#include "document.h"
#include "export.h"
#include "access.h"
#include "rodo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Saves (or prints) a built document and says where it went. */
static void deliver(struct app *app, struct document *d, const char *name)
{
	struct fielderr e;
	char path[1024];
	bool printed;

	if (doc_deliver(app->db, d, name, path, sizeof(path), &printed, &e))
		ui_status(app, true, "%s", e.msg);
	else if (printed)
		ui_status(app, false, _("Sent to the printer; a copy is in %s"), path);
	else
		ui_status(app, false, _("No printer here; saved as %s"), path);
}

void ui_print_case(struct app *app, int64_t request_id)
{
	struct doc_choice *c;
	struct document d;
	struct fielderr e;
	const char **labels;
	size_t n, i;
	int k;

	if (ui_failed(app, doc_choices_for_case(app->db, &app->me, request_id, &c, &n)) ||
	    (!n && ui_failed(app, CD_ENOTFOUND))) {
		free(c);
		return;
	}
	labels = xcalloc(n, sizeof(char *));
	for (i = 0; i < n; i++)
		labels[i] = c[i].label;
	k = ui_choose(app, _("Which document"), labels, n, 0);
	free(labels);
	if (k >= 0) {
		ui_status(app, false, "%s", _("Preparing the document…"));
		ui_draw_status(app);
		refresh();
		if (doc_build(app->db, &app->me, c[k].kind, c[k].id, &d, &e) == CD_OK) {
			char *name = xasprintf("%s-%s", doc_kind_code(c[k].kind), c[k].id);
			deliver(app, &d, name);
			free(name);
			doc_free(&d);
		} else {
			ui_status(app, true, "%s", e.msg[0] ? e.msg : _("the database refused the change"));
		}
	}
	free(c);
}

void ui_consents(struct app *app, int64_t person_id)
{
	static const int widths[] = {44, 10, 10, 0};
	static const int keys[] = {KEY_F(6), KEY_F(7), KEY_F(8)};
	const char *header[] = {_("Consent"), _("Given"), _("Withdrawn"), _("Note")};
	int sel = 0;

	for (;;) {
		struct consent *l;
		struct fielderr e;
		size_t n, i;
		char **cells, day[16];
		int chosen, key;
		struct date t;

		if (ui_failed(app, consent_list(app->db, &app->me, person_id, &l, &n))) {
			return;
		}
		cells = xcalloc(n * 4 + 1, sizeof(char *));
		for (i = 0; i < n; i++) {
			cells[i * 4] = xstrdup(code_label(&codes_consent_scope, l[i].scope));
			cells[i * 4 + 1] = xstrdup(l[i].given_on);
			cells[i * 4 + 2] = xstrdup(l[i].withdrawn_on);
			cells[i * 4 + 3] = xstrdup(l[i].note);
		}
		chosen = ui_table(app, _("consents (RODO)"),
				  _("The person's consents with their scope and dates. F7 records a "
				    "consent, F8 withdraws the chosen one, F6 prints everything stored "
				    "about the person (art. 15)."),
				  widths, header, 4, cells, n, &sel, keys, 3, &key);
		ui_cells_free(cells, n * 4);
		date_today(&t);
		date_format(&t, day);
		if (key == KEY_F(7)) {
			const char **labels = xcalloc(codes_consent_scope.count, sizeof(char *));
			char note[300] = "";
			int k;
			for (i = 0; i < codes_consent_scope.count; i++)
				labels[i] = _(codes_consent_scope.items[i].label);
			k = ui_choose(app, _("Scope of the consent"), labels, codes_consent_scope.count, 0);
			free(labels);
			if (k >= 0 &&
			    ui_prompt_value(app, _("Consent"), _("Given on (YYYY-MM-DD):"), day,
					    sizeof(day)) &&
			    ui_prompt_value(app, _("Consent"), _("Notes (may be empty):"), note,
					    sizeof(note))) {
				if (consent_give(app->db, &app->me, person_id,
						 codes_consent_scope.items[k].code, day, note, &e))
					ui_status(app, true, "%s", e.msg);
				else
					ui_status(app, false, "%s", _("The consent was recorded."));
			}
		} else if (key == KEY_F(8) && n && sel >= 0 && (size_t)sel < n) {
			if (ui_prompt_value(app, _("Withdraw the consent"),
					    _("Withdrawn on (YYYY-MM-DD):"), day, sizeof(day))) {
				if (consent_withdraw(app->db, &app->me, l[sel].id, day, &e))
					ui_status(app, true, "%s", e.msg);
				else
					ui_status(app, false, "%s", _("The consent was withdrawn."));
			}
		} else if (key == KEY_F(6)) {
			struct document d;
			int rc = rodo_access(app->db, &app->me, person_id, &d, &e);
			if (rc) {
				ui_report(app, rc, &e, NULL);
			} else {
				char *name = xasprintf("rodo-%lld", (long long)person_id);
				deliver(app, &d, name);
				free(name);
				doc_free(&d);
			}
		} else if (chosen < 0 && !key) {
			free(l);
			return;
		}
		free(l);
	}
}

void ui_export(struct app *app)
{
	static const enum export_kind kinds[] = {EXPORT_PERSONS, EXPORT_REQUESTS, EXPORT_PLANS,
						 EXPORT_WAITING, EXPORT_CATALOGUE};
	const char *labels[] = {_("Residents (persons)"), _("Requests"), _("Plans (IPUS)"), _("Waiting list"),
				_("Catalogue of services")};
	const char *encs[] = {_("UTF-8 (Excel 2016 and newer, LibreOffice)"),
			      _("Windows-1250 (older Excel, other systems)")};
	struct fielderr e;
	char path[1024];
	long rows;
	int k, en;

	k = ui_choose(app, _("Which list to export"), labels, ARRAY_SIZE(labels), 0);
	if (k < 0)
		return;
	en = ui_choose(app, _("Encoding of the file"), encs, 2, 0);
	if (en < 0)
		return;
	if (export_is_personal(kinds[k]) &&
	    !ui_confirm(app, _("The list holds personal data; the export is recorded. Continue?")))
		return;
	int rc = export_to_documents(app->db, &app->me, kinds[k], en ? CSV_CP1250 : CSV_UTF8,
				     path, sizeof(path), &rows, &e);
	if (rc)
		ui_report(app, rc, &e, NULL);
	else
		ui_status(app, false, P_("%ld row saved in %s", "%ld rows saved in %s",
					 (unsigned long)rows), rows, path);
}
