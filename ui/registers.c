/* registers.c - the register of unmet needs and the waiting list: lists
 * the organiser and the coordinators keep an eye on; Enter opens the case. */
#include "app.h"
#include "assessment.h"
#include "plan.h"
#include "report.h"
#include "draft.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ui_unmet_needs(struct app *app)
{
	static const int widths[] = {10, 17, 20, 0};
	static const int f8[] = {KEY_F(8)};
	const char *header[] = {_("Found on"), _("Case ref."), _("Person"), _("Need")};
	int sel = 0;

	for (;;) {
		struct need *l;
		size_t n, i;
		char **cells;
		int chosen, key;

		if (ui_failed(app, unmet_needs(app->db, &app->me, &l, &n))) {
			break;
		}
		cells = xcalloc(n * 4 + 1, sizeof(char *));
		for (i = 0; i < n; i++) {
			cells[i * 4] = xstrdup(l[i].held_on);
			cells[i * 4 + 1] = xstrdup(l[i].case_ref);
			cells[i * 4 + 2] = xstrdup(l[i].person_name);
			if (l[i].domain[0]) {
				char name[160];
				life_domain_name(app->db, l[i].domain, name, sizeof(name));
				cells[i * 4 + 3] = xasprintf("%s (%s)", l[i].description, name);
			} else {
				cells[i * 4 + 3] = xstrdup(l[i].description);
			}
		}
		chosen = ui_table(app, _("unmet needs"),
			       _("Needs the offer could not meet, oldest first: material for the "
				 "organiser's next programme. Enter opens the case; F8: the need "
				 "is answered now."),
			       widths, header, 4, cells, n, &sel, f8, 1, &key);
		ui_cells_free(cells, n * 4);
		if (key == KEY_F(8) && n) {
			struct fielderr e;
			struct date t;
			char day[16];
			date_today(&t);
			date_format(&t, day);
			if (ui_prompt_value(app, l[sel].description, _("Answered on (YYYY-MM-DD):"), day,
					    sizeof(day))) {
				if (need_answer(app->db, &app->me, l[sel].id, day, &e))
					ui_status(app, true, "%s", e.msg);
				else
					ui_status(app, false, "%s",
						  _("The need left the register as answered."));
			}
			free(l);
			continue;
		}
		if (chosen < 0) {
			free(l);
			break;
		}
		{
			int64_t request_id = l[chosen].request_id;
			free(l);
			ui_case(app, request_id);
		}
	}
}

void ui_waiting_list(struct app *app)
{
	static const int widths[] = {3, 28, 10, 17, 0};
	static const int extra[] = {KEY_DC};
	const char *header[] = {_("No."), _("Service"), _("Filed"), _("Case ref."), _("Person")};
	int sel = 0;

	for (;;) {
		struct waiting *l;
		size_t n, i;
		char **cells;
		int chosen, key;

		if (ui_failed(app, waiting_list(app->db, &app->me, 0, &l, &n))) {
			break;
		}
		cells = xcalloc(n * 5 + 1, sizeof(char *));
		for (i = 0; i < n; i++) {
			cells[i * 5] = xasprintf("%d", l[i].position);
			cells[i * 5 + 1] = xstrdup(l[i].service_name);
			cells[i * 5 + 2] = xstrdup(l[i].filed_on);
			cells[i * 5 + 3] = xstrdup(l[i].case_ref);
			cells[i * 5 + 4] = xstrdup(l[i].person_name);
		}
		chosen = ui_table(app, _("waiting list"),
			       _("In the order the requests were filed, per service. Enter opens "
				 "the case; Del takes a person off the list."),
			       widths, header, 5, cells, n, &sel, extra, 1, &key);
		ui_cells_free(cells, n * 5);
		if (key == KEY_DC && n) {
			char reason[300];
			struct fielderr e;
			struct date today;
			date_today(&today);
			if (ui_prompt(app, _("Take off the waiting list"), _("Reason:"), false, reason,
				      sizeof(reason))) {
				int rc = waiting_remove(app->db, &app->me, l[sel].id, reason, &today, &e);
				if (rc)
					ui_status(app, true, "%s", e.msg[0] ? e.msg :
						  _("the database refused the change"));
				else
					ui_status(app, false, "%s", _("Taken off the waiting list."));
			}
			free(l);
			continue;
		}
		if (chosen < 0) {
			free(l);
			break;
		}
		{
			int64_t request_id = l[chosen].request_id;
			free(l);
			ui_case(app, request_id);
		}
	}
}

