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

	if (doc_deliver(app->db, &app->me, d, name, path, sizeof(path), &printed, &e))
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
		int rc;
		ui_status(app, false, "%s", _("Preparing the document…"));
		ui_draw_status(app);
		refresh();
		rc = doc_build(app->db, &app->me, c[k].kind, c[k].id, &d, &e);
		if (rc == CD_OK) {
			char *name = xasprintf("%s-%s", doc_kind_code(c[k].kind), c[k].id);
			deliver(app, &d, name);
			free(name);
			doc_free(&d);
		} else {
			ui_report(app, rc, &e, NULL);
		}
	}
	free(c);
}

static int64_t consents_person(void *ctx)
{
	return *(const int64_t *)((struct list_rows *)ctx)->owner;
}

static int consents_load(struct app *app, void *ctx, size_t *n)
{
	struct list_rows *r = list_rows_reset(ctx);

	return list_rows_loaded(r, consent_list(app->db, &app->me, consents_person(ctx),
						(struct consent **)&r->l, &r->n), n);
}

static void consents_cell(void *ctx, size_t row, size_t col, char *out, size_t size)
{
	const struct consent *x = LIST_ROW(ctx, struct consent, row);

	str_copy(out, size, col == 0 ? code_label(&codes_consent_scope, x->scope) :
		 col == 1 ? x->given_on : col == 2 ? x->withdrawn_on : x->note);
}

static void today_text(char out[16])
{
	struct date t;

	date_today(&t);
	date_format(&t, out);
}

static void consent_add(struct app *app, void *ctx)
{
	const char **labels = xcalloc(codes_consent_scope.count, sizeof(char *));
	char day[16], note[300] = "";
	struct fielderr e;
	size_t i;
	int k;

	for (i = 0; i < codes_consent_scope.count; i++)
		labels[i] = _(codes_consent_scope.items[i].label);
	k = ui_choose(app, _("Scope of the consent"), labels, codes_consent_scope.count, 0);
	free(labels);
	today_text(day);
	if (k >= 0 &&
	    ui_prompt_value(app, _("Consent"), _("Given on (YYYY-MM-DD):"), day, sizeof(day)) &&
	    ui_prompt_value(app, _("Consent"), _("Notes (may be empty):"), note, sizeof(note)))
		ui_report(app, consent_give(app->db, &app->me, consents_person(ctx),
					    codes_consent_scope.items[k].code, day, note, &e),
			  &e, _("The consent was recorded."));
}

static void consent_withdrawn(struct app *app, void *ctx, size_t row)
{
	const struct consent *x = LIST_ROW(ctx, struct consent, row);
	struct fielderr e;
	char day[16];

	today_text(day);
	if (ui_prompt_value(app, _("Withdraw the consent"), _("Withdrawn on (YYYY-MM-DD):"), day,
			    sizeof(day)))
		ui_report(app, consent_withdraw(app->db, &app->me, x->id, day, &e), &e,
			  _("The consent was withdrawn."));
}

static void access_document(struct app *app, void *ctx, size_t row)
{
	int64_t person_id = consents_person(ctx);
	struct fielderr e;
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
}

static const struct list_col consents_cols[] = {
	{N_("Consent"), 44}, {N_("Given"), 10}, {N_("Withdrawn"), 10}, {N_("Note"), 0},
};
static const struct list_action consents_actions[] = {
	{A_CONSENT_WITHDRAW, true, consent_withdrawn},
	{A_ACCESS_DOC, false, access_document},
};
static const struct list_ops consents_list = {
	.title = N_("consents (RODO)"),
	.intro = N_("The person's consents with their scope and dates, and the information on "
		    "everything stored about them (art. 15)."),
	.cols = consents_cols, .ncols = ARRAY_SIZE(consents_cols), .ctx = CTX_CONSENTS,
	.load = consents_load, .cell = consents_cell, .add = consent_add,
	.actions = consents_actions, .nactions = ARRAY_SIZE(consents_actions),
};

void ui_consents(struct app *app, int64_t person_id)
{
	struct list_rows r = {NULL, 0, &person_id};

	ui_list_run(app, &consents_list, &r);
	free(r.l);
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
