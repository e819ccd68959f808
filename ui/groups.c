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

/* The group a list of its meetings or members is of. */
static const struct group *group_of(void *ctx)
{
	return ((struct list_rows *)ctx)->owner;
}

static int sessions_load(struct app *app, void *ctx, size_t *n)
{
	struct list_rows *r = list_rows_reset(ctx);

	return list_rows_loaded(r, group_sessions(app->db, &app->me, group_of(ctx),
						  (struct group_session **)&r->l, &r->n), n);
}

static void sessions_cell(void *ctx, size_t row, size_t col, char *out, size_t size)
{
	const struct group_session *x = LIST_ROW(ctx, struct group_session, row);

	if (col == 1)
		snprintf(out, size, "%d", x->head_count);
	else
		str_copy(out, size, col == 0 ? x->held_on : x->notes);
}

static void sessions_add(struct app *app, void *ctx)
{
	const struct group *g = group_of(ctx);
	struct fielderr e;
	char day[16], heads[8] = "", notes[500] = "";

	today_text(day);
	if (!ui_prompt_value(app, _("Meeting"), _("Held on (YYYY-MM-DD):"), day, sizeof(day)) ||
	    !ui_prompt_value(app, _("Meeting"), _("Head count (persons present):"), heads,
			     sizeof(heads)) ||
	    !ui_prompt_value(app, _("Meeting"), _("Notes (may be empty):"), notes, sizeof(notes)))
		return;
	if (!heads[0] || strspn(heads, "0123456789") != strlen(heads)) {
		ui_status(app, true, "%s", _("Head count: the number of persons present, 0 or more"));
		return;
	}
	ui_report(app, group_session_add(app->db, &app->me, g, day, atoi(heads), notes, &e), &e,
		  _("The meeting was recorded."));
}

static const struct list_col sessions_cols[] = {
	{N_("Date"), 10}, {N_("Present"), 6, true}, {N_("Notes"), 0},
};
static const struct list_ops sessions_list = {
	.title = N_("meetings of the group"), .intro = N_("The meetings held and how many came."),
	.cols = sessions_cols, .ncols = ARRAY_SIZE(sessions_cols),
	.load = sessions_load, .cell = sessions_cell, .add = sessions_add,
};

static void sessions_screen(struct app *app, const struct group *g)
{
	struct list_rows r = {NULL, 0, g};

	ui_list_run(app, &sessions_list, &r);
	free(r.l);
}

static int members_load(struct app *app, void *ctx, size_t *n)
{
	struct list_rows *r = list_rows_reset(ctx);

	return list_rows_loaded(r, group_members(app->db, &app->me, group_of(ctx),
						 (struct group_member **)&r->l, &r->n), n);
}

static void members_intro(struct app *app, void *ctx, size_t n, char *out, size_t size)
{
	const struct group *g = group_of(ctx);

	if (g->activity_id)
		snprintf(out, size, _("%s · %s."), g->name, g->kind_label);
	else
		snprintf(out, size, _("%s · %s; persons join on their request, no IPUS."), g->name,
			 g->kind_label);
}

static void members_cell(void *ctx, size_t row, size_t col, char *out, size_t size)
{
	const struct group_member *x = LIST_ROW(ctx, struct group_member, row);

	str_copy(out, size, col == 0 ? x->person_name : col == 1 ? (x->case_ref[0] ? x->case_ref : "—") :
		 col == 2 ? x->joined_on : x->left_on);
}

static void members_add(struct app *app, void *ctx)
{
	enrol(app, group_of(ctx));
}

static void members_sessions(struct app *app, void *ctx, size_t row)
{
	sessions_screen(app, group_of(ctx));
}

static void member_leaves(struct app *app, void *ctx, size_t row)
{
	const struct group_member *x = LIST_ROW(ctx, struct group_member, row);
	struct fielderr e;
	char day[16];

	if (x->left_on[0]) {
		ui_status(app, true, "%s", _("Person: does not take part now"));
		return;
	}
	today_text(day);
	if (ui_prompt_value(app, x->person_name, _("Left on (YYYY-MM-DD):"), day, sizeof(day)))
		ui_report(app, group_leave(app->db, &app->me, x->id, day, &e), &e, _("Saved."));
}

static const struct list_col members_cols[] = {
	{N_("Person"), 30}, {N_("Case ref."), 18}, {N_("Joined"), 10}, {N_("Left"), 0},
};
static const struct list_action members_actions[] = {
	{A_GROUP_SESSIONS, false, members_sessions},
	{A_MEMBER_LEAVES, true, member_leaves},
};
static const struct list_ops members_list = {
	.title = N_("group"), .intro_text = members_intro,
	.cols = members_cols, .ncols = ARRAY_SIZE(members_cols), .ctx = CTX_GROUP,
	.load = members_load, .cell = members_cell, .add = members_add,
	.actions = members_actions, .nactions = ARRAY_SIZE(members_actions),
};

static void group_screen(struct app *app, const struct group *g)
{
	struct list_rows r = {NULL, 0, g};

	ui_list_run(app, &members_list, &r);
	free(r.l);
}

static int groups_load(struct app *app, void *ctx, size_t *n)
{
	struct list_rows *r = list_rows_reset(ctx);

	return list_rows_loaded(r, group_list(app->db, &app->me, (struct group **)&r->l, &r->n), n);
}

static void groups_cell(void *ctx, size_t row, size_t col, char *out, size_t size)
{
	const struct group *x = LIST_ROW(ctx, struct group, row);

	if (col == 2 || col == 3)
		snprintf(out, size, "%ld", col == 2 ? x->members : x->sessions);
	else
		str_copy(out, size, col == 0 ? x->name : col == 1 ? x->kind_label : x->last_held);
}

static void groups_open(struct app *app, void *ctx, size_t row)
{
	struct group g = *LIST_ROW(ctx, struct group, row);

	group_screen(app, &g);
}

static void groups_activities(struct app *app, void *ctx, size_t row)
{
	ui_activities(app);
}

static const struct list_col groups_cols[] = {
	{N_("Group"), 34}, {N_("Kind"), 16}, {N_("Members"), 6, true}, {N_("Meetings"), 9, true},
	{N_("Last"), 0},
};
static const struct list_action groups_actions[] = {
	{A_ACTIVITIES, false, groups_activities},
};

void ui_groups(struct app *app)
{
	struct list_rows s = {NULL, 0, NULL};
	struct list_ops ops = {
		.title = N_("groups"),
		.intro = N_("Group services (a request and a head count, no IPUS) and supporting "
			    "activities."),
		.cols = groups_cols, .ncols = ARRAY_SIZE(groups_cols),
		.load = groups_load, .cell = groups_cell, .open = groups_open,
	};

	/* who keeps the supporting activities reaches their list from here */
	if (actor_can(&app->me, PERM_ACTIVITY)) {
		ops.ctx = CTX_GROUPS;
		ops.actions = groups_actions;
		ops.nactions = ARRAY_SIZE(groups_actions);
	}
	ui_list_run(app, &ops, &s);
	free(s.l);
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
