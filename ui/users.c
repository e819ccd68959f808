/* users.c - the administrator's user accounts screen, and the offer. */
#include "person_form.h"
#include "catalogue.h"
#include "codes.h"
#include "session.h"
#include "journal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { UF_LOGIN = USER_F_LOGIN, UF_NAME = USER_F_NAME, UF_ROLES = USER_F_ROLES,
       UF_PASS = USER_F_PASSWORD, UF_PASS2 = 50 };

/* What the new-account form edits. */
struct account_input {
	char login[33];
	char name[121];
	char roles[201];
	char pass[257], pass2[257];   /* cleared after use */
};

static const struct fdef user_form[] = {
	{-1, N_("New account"), FF_HEADER, 0, FC_LEFT, 0, 0, false, 0},
	{UF_LOGIN, N_("Login"), FF_TEXT, 2, FC_LEFT, 20, 0, true, 0, NULL,
	 FB(struct account_input, login, FB_TEXT)},
	{UF_NAME, N_("Full name"), FF_TEXT, 3, FC_FULL, 40, 0, true, 0, NULL,
	 FB(struct account_input, name, FB_TEXT)},
	{UF_ROLES, N_("Roles"), FF_TEXT, 4, FC_FULL, 0, 0, true, 0, NULL,
	 FB(struct account_input, roles, FB_TEXT)},
	{UF_PASS, N_("Password"), FF_PASSWORD, 6, FC_LEFT, 20, 0, true, 0, NULL,
	 FB(struct account_input, pass, FB_TEXT)},
	{UF_PASS2, N_("Repeat"), FF_PASSWORD, 7, FC_LEFT, 20, 0, true, 0, NULL,
	 FB(struct account_input, pass2, FB_TEXT)},
};

static void user_form_extras(struct app *app, struct form_screen *fs)
{
	ui_put(uform_window(fs->uf), 9, 1,
	       _("Roles, separated by commas: recepcja, koordynator, organizator, "
		 "dyrektor, osl, admin."), COLS - 2, false);
}

/* F2: true when the account was created; else the error is on the form. */
static bool user_form_save(struct app *app, struct uform *uf)
{
	struct account_input in;
	struct fielderr e;
	unsigned roles = 0;
	int rc = CD_EINVAL;

	memset(&in, 0, sizeof(in));
	if (uform_store(uf, &in, &e))
		;
	else if (strcmp(in.pass, in.pass2))
		fielderr_set(&e, UF_PASS2, "%s", _("Repeat: the two passwords differ"));
	else if (!in.name[0])
		fielderr_set(&e, UF_NAME, "%s", _("Full name: required"));
	else if ((roles = roles_parse(in.roles, &e)))
		rc = user_add(app->db, &app->me, in.login, in.name, roles, in.pass, NULL, &e);
	secret_clear(in.pass, sizeof(in.pass));
	secret_clear(in.pass2, sizeof(in.pass2));
	if (rc) {
		form_show_error(app, uf, &e, rc);
		return false;
	}
	ui_status(app, false, _("Account %s created."), in.login);
	return true;
}

static void user_add_form(struct app *app)
{
	struct form_screen fs;
	enum action a;

	form_screen_init(&fs, app, user_form, ARRAY_SIZE(user_form), _("new account"),
			 CTX_FORM, user_form_extras, NULL);
	while ((a = form_screen_turn(app, &fs)) != A_BACK)
		if (a == A_SAVE && user_form_save(app, fs.uf))
			break;
	uform_free(&fs.uf);
	werase(stdscr);
}

/* ---- an account's name and roles ---- */

static const struct fdef account_form[] = {
	{-1, N_("Account"), FF_HEADER, 0, FC_LEFT, 0, 0, false, 0},
	{UF_LOGIN, N_("Login"), FF_READONLY, 2, FC_LEFT, 20, 0, false, 0, NULL,
	 FB(struct account_input, login, FB_TEXT)},
	{UF_NAME, N_("Full name"), FF_TEXT, 3, FC_FULL, 40, 0, true, 0, NULL,
	 FB(struct account_input, name, FB_TEXT)},
	{UF_ROLES, N_("Roles"), FF_TEXT, 4, FC_FULL, 0, 0, true, 0, NULL,
	 FB(struct account_input, roles, FB_TEXT)},
};

static void account_form_extras(struct app *app, struct form_screen *fs)
{
	ui_put(uform_window(fs->uf), 6, 1,
	       _("Roles, separated by commas: recepcja, koordynator, organizator, "
		 "dyrektor, osl, admin."), COLS - 2, false);
	ui_put(uform_window(fs->uf), 7, 1,
	       _("The change is in the audit log, old -> new; the password stays."),
	       COLS - 2, false);
}

/* The record the form shows, from the account as stored. */
static void account_input_of(const struct user *u, struct account_input *in)
{
	char *r = roles_describe(u->roles);

	memset(in, 0, sizeof(*in));
	str_copy(in->login, sizeof(in->login), u->login);
	str_copy(in->name, sizeof(in->name), u->full_name);
	str_copy(in->roles, sizeof(in->roles), r);
	free(r);
}

/* F2 on an account: true when saved.  An account another desk changed
 * since the form was read is not written over: the form says who may
 * have and shows the stored values again. */
static bool account_form_save(struct app *app, struct uform *uf, struct user *base)
{
	struct account_input in;
	struct user now;
	struct fielderr e;
	unsigned roles;
	int rc;

	memset(&in, 0, sizeof(in));
	fielderr_clear(&e);
	if ((rc = uform_store(uf, &in, &e)) || !(roles = roles_parse(in.roles, &e))) {
		form_show_error(app, uf, &e, rc ? rc : CD_EINVAL);
		return false;
	}
	if ((rc = user_get(app->db, base->id, &now))) {
		ui_report(app, rc, NULL, NULL);
		return false;
	}
	if (now.roles != base->roles || strcmp(now.full_name, base->full_name)) {
		struct account_input theirs;
		account_input_of(&now, &theirs);
		*base = now;
		ui_status(app, true, _("Changed meanwhile by another desk: %s; %s. F2 again saves yours."),
			  theirs.name, theirs.roles);
		return false;
	}
	if ((rc = user_update(app->db, &app->me, base->login, in.name, roles, &e))) {
		form_show_error(app, uf, &e, rc);
		return false;
	}
	ui_status(app, false, _("Account %s changed."), base->login);
	return true;
}

static void users_open(struct app *app, void *ctx, size_t row)
{
	struct user base = *LIST_ROW(ctx, struct user, row);
	struct account_input in;
	struct form_screen fs;
	enum action a;

	account_input_of(&base, &in);
	form_screen_init(&fs, app, account_form, ARRAY_SIZE(account_form), _("account"),
			 CTX_FORM, account_form_extras, NULL);
	uform_load(fs.uf, &in);
	while ((a = form_screen_turn(app, &fs)) != A_BACK)
		if (a == A_SAVE && account_form_save(app, fs.uf, &base))
			break;
	uform_free(&fs.uf);
	werase(stdscr);
}

static void users_unlock(struct app *app, void *ctx, size_t row)
{
	const struct user *x = LIST_ROW(ctx, struct user, row);
	struct fielderr e;
	int rc;

	if (!x->locked_until[0]) {
		ui_status(app, false, _("The account %s is not locked."), x->login);
		return;
	}
	if ((rc = user_unlock(app->db, &app->me, x->login, &e)))
		ui_report(app, rc, &e, NULL);
	else
		ui_status(app, false, _("Account %s unlocked."), x->login);
}

static int users_load(struct app *app, void *ctx, size_t *n)
{
	struct list_rows *r = list_rows_reset(ctx);

	return list_rows_loaded(r, user_list(app->db, &app->me, (struct user **)&r->l, &r->n), n);
}

static void users_cell(void *ctx, size_t row, size_t col, char *out, size_t size)
{
	const struct user *x = LIST_ROW(ctx, struct user, row);
	char *roles;

	if (col == 3) {
		roles = roles_describe(x->roles);
		str_copy(out, size, roles);
		free(roles);
		return;
	}
	if (col == 2 && !x->disabled && x->locked_until[0]) {
		snprintf(out, size, _("locked to %.5s"), x->locked_until + 11);
		return;
	}
	str_copy(out, size, col == 0 ? x->login : col == 1 ? x->full_name :
		 x->disabled ? _("disabled") : _("active"));
}

static void users_add(struct app *app, void *ctx)
{
	user_add_form(app);
}

static void users_toggle(struct app *app, void *ctx, size_t row)
{
	const struct user *x = LIST_ROW(ctx, struct user, row);
	struct fielderr e;
	char *q = xasprintf(x->disabled ? _("Enable the account %s?") : _("Disable the account %s?"),
			    x->login);

	if (ui_confirm(app, q))
		ui_report(app, user_set_disabled(app->db, &app->me, x->login, !x->disabled, &e), &e,
			  NULL);
	free(q);
}

static void users_password(struct app *app, void *ctx, size_t row)
{
	const struct user *x = LIST_ROW(ctx, struct user, row);
	struct fielderr e;
	char pw[300];

	if (ui_prompt(app, x->login, _("New password:"), true, pw, sizeof(pw))) {
		if (user_set_password(app->db, &app->me, x->login, pw, &e))
			ui_report(app, CD_EINVAL, &e, NULL);
		else
			ui_status(app, false, _("Password of %s changed."), x->login);
	}
	secret_clear(pw, sizeof(pw));
}

static const struct list_col users_cols[] = {
	{N_("Login"), 14}, {N_("Full name"), 24}, {N_("State"), 16}, {N_("Roles"), 0},
};
static const struct list_action users_actions[] = {
	{A_TOGGLE, true, users_toggle},
	{A_PASSWORD, true, users_password},
	{A_UNLOCK, true, users_unlock},
};
static const struct list_ops users_list = {
	.title = N_("user accounts"),
	.intro = N_("Who may use the desk; the roles decide what each one may see and do."),
	.cols = users_cols, .ncols = ARRAY_SIZE(users_cols), .ctx = CTX_USERS,
	.load = users_load, .cell = users_cell, .add = users_add, .open = users_open,
	.actions = users_actions, .nactions = ARRAY_SIZE(users_actions),
};

void ui_users(struct app *app)
{
	struct list_rows r = {NULL, 0, NULL};

	ui_list_run(app, &users_list, &r);
	free(r.l);
}

/* ---- who is logged in ---- */

static int sessions_load(struct app *app, void *ctx, size_t *n)
{
	struct list_rows *r = list_rows_reset(ctx);

	return list_rows_loaded(r, session_list(app->db, &app->me, (struct desk_session **)&r->l,
						&r->n), n);
}

static void sessions_cell(void *ctx, size_t row, size_t col, char *out, size_t size)
{
	const struct desk_session *x = LIST_ROW(ctx, struct desk_session, row);

	/* since: to the minute; last seen: the time (always within the last
	 * SESSION_STALE_MINUTES) */
	if (col == 2)
		snprintf(out, size, "%.16s", x->since);
	else
		str_copy(out, size, col == 0 ? x->login : col == 1 ? x->name :
			 col == 3 ? (strlen(x->last_seen) > 11 ? x->last_seen + 11 : x->last_seen) :
			 x->terminal);
}

static const struct list_col sessions_cols[] = {
	{N_("Login"), 12}, {N_("Full name"), 18}, {N_("Since"), 16}, {N_("Last seen"), 8},
	{N_("Terminal"), 0},
};
static const struct list_ops sessions_list_ops = {
	.title = N_("who is logged in"),
	.intro = N_("The desks working now, with their terminal; a desk that went away without "
		    "logging out drops off the list."),
	.cols = sessions_cols, .ncols = ARRAY_SIZE(sessions_cols),
	.load = sessions_load, .cell = sessions_cell,
};

void ui_sessions(struct app *app)
{
	struct list_rows r = {NULL, 0, NULL};

	ui_list_run(app, &sessions_list_ops, &r);
	free(r.l);
}

/* ---- the audit log (director, administrator) ---- */

/* What the audit screen shows: its filter and the text typed for it. */
struct audit_view {
	struct audit_filter f;
	char login[40];
	char from[16];
};

static int audit_load(struct app *app, void *ctx, size_t *n)
{
	struct list_rows *r = list_rows_reset(ctx);
	const struct audit_view *v = r->owner;
	struct fielderr e;
	int rc = audit_list(app->db, &app->me, &v->f, (struct audit_entry **)&r->l, &r->n, &e);

	if (rc && e.msg[0])
		ui_status(app, true, "%s", e.msg);
	return list_rows_loaded(r, rc, n);
}

static void audit_cell(void *ctx, size_t row, size_t col, char *out, size_t size)
{
	const struct audit_entry *x = LIST_ROW(ctx, struct audit_entry, row);

	if (col == 0)
		snprintf(out, size, "%.16s", x->at);
	else
		str_copy(out, size, col == 1 ? (x->login[0] ? x->login : "-") :
			 col == 2 ? x->action : col == 3 ? x->case_ref : x->detail);
}

static void audit_detail(void *ctx, size_t row, char *out, size_t size)
{
	const struct audit_entry *x = LIST_ROW(ctx, struct audit_entry, row);

	snprintf(out, size, _("%s, OS account %s: %s %s"), x->at,
		 x->os_account[0] ? x->os_account : "-", x->action, x->detail);
}

static void audit_intro(struct app *app, void *ctx, size_t n, char *out, size_t size)
{
	const struct audit_view *v = ((struct list_rows *)ctx)->owner;

	snprintf(out, size, _("Newest first, %zu entries; user: %s; from: %s."), n,
		 v->f.login ? v->f.login : _("all"), v->f.from ? v->f.from : _("the start"));
}

static void audit_by_user(struct app *app, void *ctx, size_t row)
{
	struct audit_view *v = (struct audit_view *)((struct list_rows *)ctx)->owner;

	(void)row;
	if (ui_prompt_value(app, _("audit log"), _("Login (empty: everyone):"), v->login,
			    sizeof(v->login)))
		v->f.login = v->login[0] ? v->login : NULL;
}

static void audit_from_day(struct app *app, void *ctx, size_t row)
{
	struct audit_view *v = (struct audit_view *)((struct list_rows *)ctx)->owner;

	(void)row;
	struct date d;

	if (!ui_prompt_value(app, _("audit log"), _("From the day (YYYY-MM-DD, empty: all):"),
			     v->from, sizeof(v->from)))
		return;
	if (v->from[0] && !date_parse(v->from, &d)) {
		/* the list stays as it was; the typed day comes back in the prompt */
		ui_status(app, true, "%s", _("From: not a valid date (use YYYY-MM-DD)"));
		return;
	}
	v->f.from = v->from[0] ? v->from : NULL;
}

static const struct list_col audit_cols[] = {
	{N_("Time"), 17}, {N_("Login"), 12}, {N_("Action"), 18}, {N_("Case ref."), 17},
	{N_("Detail"), 0},
};
static const struct list_action audit_actions[] = {
	{A_AUDIT_USER, false, audit_by_user},
	{A_AUDIT_FROM, false, audit_from_day},
};
static const struct list_ops audit_list_ops = {
	.title = N_("audit log"), .intro_text = audit_intro,
	.cols = audit_cols, .ncols = ARRAY_SIZE(audit_cols), .ctx = CTX_AUDIT,
	.load = audit_load, .cell = audit_cell, .detail = audit_detail,
	.actions = audit_actions, .nactions = ARRAY_SIZE(audit_actions),
};

void ui_audit(struct app *app)
{
	struct audit_view v;
	struct list_rows r = {NULL, 0, &v};

	memset(&v, 0, sizeof(v));
	ui_list_run(app, &audit_list_ops, &r);
	free(r.l);
}
