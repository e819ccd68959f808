/* groups.c - group services and supporting activities: who takes part,
 * the meetings with their head count. */
#include "app.h"
#include "group.h"
#include "request.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void today_text(char out[16])
{
	struct date t;

	date_today(&t);
	date_format(&t, out);
}

/* A person's open request to enrol with: the only one, one chosen, or a
 * new one filed now (asked: the group's name).  0 when none. */
static int64_t request_for(struct app *app, int64_t person_id, const struct group *g)
{
	struct request_filter f = {"open", 0, person_id};
	struct request *l, r;
	struct fielderr e;
	size_t n, i;
	int64_t id = 0;
	int k;

	if (request_list(app->db, &app->me, &f, &l, &n))
		return 0;
	if (n == 1) {
		id = l[0].id;
	} else if (n > 1) {
		const char **labels = xcalloc(n, sizeof(char *));
		char **own = xcalloc(n, sizeof(char *));
		for (i = 0; i < n; i++)
			labels[i] = own[i] = xasprintf("%s %s: %.40s", l[i].case_ref, l[i].filed_on,
							l[i].asked);
		k = ui_choose(app, _("Which request"), labels, n, 0);
		if (k >= 0)
			id = l[k].id;
		for (i = 0; i < n; i++)
			free(own[i]);
		free(own);
		free(labels);
	}
	free(l);
	if (id || n > 1)
		return id;
	if (!ui_confirm(app, _("The person has no open request. File one for this group now?")))
		return 0;
	request_init(&r);
	r.person_id = person_id;
	today_text(r.filed_on);
	str_copy(r.channel, sizeof(r.channel), "in_person");
	snprintf(r.asked, sizeof(r.asked), _("Enrolment: %s"), g->name);
	if (request_file(app->db, &app->me, &r, &e)) {
		ui_status(app, true, "%s", e.msg);
		return 0;
	}
	return r.id;
}

static void enrol(struct app *app, const struct group *g)
{
	struct fielderr e;
	char day[16];
	int64_t person, request = 0;
	int rc;

	person = ui_search(app, true, _("Who joins the group"));
	if (person <= 0)
		return;
	if (!g->activity_id && !(request = request_for(app, person, g)))
		return;
	today_text(day);
	if (!ui_prompt_value(app, _("Joins"), _("Joined on (YYYY-MM-DD):"), day, sizeof(day)))
		return;
	rc = group_enrol(app->db, &app->me, g, person, request, day, &e);
	ui_report(app, rc, &e, _("Enrolled."));
}

static void sessions_screen(struct app *app, const struct group *g)
{
	static const int widths[] = {10, 6, 0};
	static const int f7[] = {KEY_F(7)};
	const char *header[] = {_("Held on"), _("Present"), _("Notes")};
	int sel = 0;

	for (;;) {
		struct group_session *l;
		struct fielderr e;
		size_t n, i;
		char **cells, day[16], heads[8] = "", notes[500] = "";
		int chosen, key;

		if (group_sessions(app->db, &app->me, g, &l, &n))
			return;
		cells = xcalloc(n * 3 + 1, sizeof(char *));
		for (i = 0; i < n; i++) {
			cells[i * 3] = xstrdup(l[i].held_on);
			cells[i * 3 + 1] = xasprintf("%d", l[i].head_count);
			cells[i * 3 + 2] = xstrdup(l[i].notes);
		}
		free(l);
		chosen = ui_table(app, _("meetings of the group"),
				  _("The meetings held and how many came. F7 records a meeting."),
				  widths, header, 3, cells, n, &sel, f7, 1, &key);
		ui_cells_free(cells, n * 3);
		if (key != KEY_F(7))
			return;
		(void)chosen;
		today_text(day);
		if (!ui_prompt_value(app, _("Meeting"), _("Held on (YYYY-MM-DD):"), day, sizeof(day)) ||
		    !ui_prompt_value(app, _("Meeting"), _("Head count (persons present):"), heads,
				     sizeof(heads)) ||
		    !ui_prompt_value(app, _("Meeting"), _("Notes (may be empty):"), notes,
				     sizeof(notes)))
			continue;
		if (!heads[0] || strspn(heads, "0123456789") != strlen(heads)) {
			ui_status(app, true, "%s",
				  _("Head count: the number of persons present, 0 or more"));
			continue;
		}
		ui_report(app, group_session_add(app->db, &app->me, g, day, atoi(heads), notes, &e),
		       &e, _("The meeting was recorded."));
	}
}

static void group_screen(struct app *app, const struct group *g)
{
	static const int widths[] = {30, 18, 10, 0};
	static const int keys[] = {KEY_F(6), KEY_F(7), KEY_F(8)};
	const char *header[] = {_("Person"), _("Case ref."), _("Joined"), _("Left")};
	int sel = 0;

	for (;;) {
		struct group_member *l;
		struct fielderr e;
		size_t n, i;
		char **cells, *intro;
		int chosen, key;

		if (ui_failed(app, group_members(app->db, &app->me, g, &l, &n))) {
			return;
		}
		cells = xcalloc(n * 4 + 1, sizeof(char *));
		for (i = 0; i < n; i++) {
			cells[i * 4] = xstrdup(l[i].person_name);
			cells[i * 4 + 1] = xstrdup(l[i].case_ref[0] ? l[i].case_ref : "—");
			cells[i * 4 + 2] = xstrdup(l[i].joined_on);
			cells[i * 4 + 3] = xstrdup(l[i].left_on);
		}
		intro = xasprintf(_("%s · %s. F7 enrols a person%s, F8 the chosen one leaves, F6 "
				    "the meetings and head counts."), g->name, g->kind_label,
				  g->activity_id ? "" : _(" (on their request, no IPUS)"));
		chosen = ui_table(app, _("group"), intro, widths, header, 4, cells, n, &sel, keys, 3,
				  &key);
		free(intro);
		ui_cells_free(cells, n * 4);
		if (key == KEY_F(6)) {
			sessions_screen(app, g);
		} else if (key == KEY_F(7)) {
			enrol(app, g);
		} else if (key == KEY_F(8) && n && sel >= 0 && (size_t)sel < n) {
			char day[16];
			if (l[sel].left_on[0]) {
				ui_status(app, true, "%s", _("Person: does not take part now"));
			} else {
				today_text(day);
				if (ui_prompt_value(app, l[sel].person_name, _("Left on (YYYY-MM-DD):"), day,
						    sizeof(day)))
					ui_report(app, group_leave(app->db, &app->me, l[sel].id, day, &e), &e,
					       _("Saved."));
			}
		} else if (chosen < 0 && !key) {
			free(l);
			return;
		}
		free(l);
	}
}

void ui_groups(struct app *app)
{
	static const int widths[] = {34, 16, 6, 9, 0};
	static const int f8[] = {KEY_F(8)};
	const char *header[] = {_("Group"), _("Kind"), _("Members"), _("Meetings"), _("Last")};
	int sel = 0;

	for (;;) {
		struct group *l, g;
		size_t n, i;
		char **cells;
		int chosen, key;
		bool edit = actor_can(&app->me, PERM_ACTIVITY);

		if (group_list(app->db, &app->me, &l, &n))
			return;
		cells = xcalloc(n * 5 + 1, sizeof(char *));
		for (i = 0; i < n; i++) {
			cells[i * 5] = xstrdup(l[i].name);
			cells[i * 5 + 1] = xstrdup(l[i].kind_label);
			cells[i * 5 + 2] = xasprintf("%ld", l[i].members);
			cells[i * 5 + 3] = xasprintf("%ld", l[i].sessions);
			cells[i * 5 + 4] = xstrdup(l[i].last_held);
		}
		chosen = ui_table(app, _("groups"),
				  edit ? _("Group services (a request and a head count, no IPUS) and "
					   "supporting activities. Enter opens one; F8 the list of "
					   "supporting activities.") :
				  _("Group services (a request and a head count, no IPUS) and "
				    "supporting activities. Enter opens one."),
				  widths, header, 5, cells, n, &sel, edit ? f8 : NULL, edit ? 1 : 0, &key);
		ui_cells_free(cells, n * 5);
		if (key == KEY_F(8)) {
			free(l);
			ui_activities(app);
			continue;
		}
		if (chosen < 0) {
			free(l);
			return;
		}
		g = l[chosen];
		free(l);
		group_screen(app, &g);
	}
}

void ui_group_enrol_request(struct app *app, int64_t request_id)
{
	struct group *l;
	struct request r;
	struct fielderr e;
	const char **labels;
	size_t n, i, m = 0;
	size_t *which;
	char day[16];
	int k;

	if (request_get(app->db, &app->me, request_id, &r) ||
	    group_list(app->db, &app->me, &l, &n))
		return;
	labels = xcalloc(n + 1, sizeof(char *));
	which = xcalloc(n + 1, sizeof(size_t));
	for (i = 0; i < n; i++)
		if (!l[i].activity_id) {
			which[m] = i;
			labels[m++] = l[i].name;
		}
	if (!m) {
		ui_status(app, true, "%s", _("no programme offers a group service now"));
	} else if ((k = ui_choose(app, _("Enrol into a group service"), labels, m, 0)) >= 0) {
		today_text(day);
		if (ui_prompt_value(app, _("Joins"), _("Joined on (YYYY-MM-DD):"), day, sizeof(day)))
			ui_report(app, group_enrol(app->db, &app->me, &l[which[k]], r.person_id,
						request_id, day, &e),
			       &e, _("Enrolled; a request only filed is settled by it."));
	}
	free(which);
	free(labels);
	free(l);
}
