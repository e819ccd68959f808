/* users.c - the administrator's user accounts screen, and the offer. */
#include "person_form.h"
#include "catalogue.h"
#include "codes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { UF_LOGIN = USER_F_LOGIN, UF_NAME = USER_F_NAME, UF_ROLES = USER_F_ROLES,
       UF_PASS = USER_F_PASSWORD, UF_PASS2 = 50 };

static const struct fdef user_form[] = {
	{-1, N_("New account"), FF_HEADER, 0, FC_LEFT, 0, 0, false, 0},
	{UF_LOGIN, N_("Login"), FF_TEXT, 2, FC_LEFT, 20, 0, true, 32},
	{UF_NAME, N_("Full name"), FF_TEXT, 3, FC_FULL, 40, 0, true, 120},
	{UF_ROLES, N_("Roles"), FF_TEXT, 4, FC_FULL, 0, 0, true, 200},
	{UF_PASS, N_("Password"), FF_PASSWORD, 6, FC_LEFT, 20, 0, true, 256},
	{UF_PASS2, N_("Repeat"), FF_PASSWORD, 7, FC_LEFT, 20, 0, true, 256},
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
	struct fielderr e;
	unsigned roles = 0;
	int rc = CD_EINVAL;

	fielderr_clear(&e);
	if (strcmp(uform_get(uf, UF_PASS), uform_get(uf, UF_PASS2)))
		fielderr_set(&e, UF_PASS2, "%s", _("Repeat: the two passwords differ"));
	else if (!*uform_get(uf, UF_NAME))
		fielderr_set(&e, UF_NAME, "%s", _("Full name: required"));
	else if ((roles = roles_parse(uform_get(uf, UF_ROLES), &e)))
		rc = user_add(app->db, &app->me, uform_get(uf, UF_LOGIN),
			      uform_get(uf, UF_NAME), roles, uform_get(uf, UF_PASS),
			      NULL, &e);
	if (rc) {
		form_show_error(app, uf, &e, rc);
		return false;
	}
	ui_status(app, false, _("Account %s created."), uform_get(uf, UF_LOGIN));
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

void ui_users(struct app *app)
{
	struct user *u = NULL;
	size_t n = 0;
	int sel = 0;
	bool reload = true;
	const char *saved_title = app->screen_title;
	unsigned saved_ctx = app->context;

	for (;;) {
		wint_t ch;
		int r, y;
		enum action a;

		if (reload) {
			free(u);
			if (ui_failed(app, user_list(app->db, &app->me, &u, &n))) {
				break;
			}
			reload = false;
			if ((size_t)sel >= n)
				sel = n ? (int)n - 1 : 0;
		}
		app->screen_title = _("user accounts");
		app->context = CTX_USERS;
		werase(stdscr);
		ui_frame(app);
		wattrset(stdscr, ui_attr(R_HEADER));
		{
			static const int wd[] = {14, 24, 10, 0};
			const char *h[] = {_("Login"), _("Full name"), _("State"), _("Roles")};
			ui_put_row(stdscr, 2, 1, COLS - 2, wd, h, 4);
		}
		wattrset(stdscr, A_NORMAL);
		for (y = 0; (size_t)y < n && y < LINES - 6; y++) {
			char *roles = roles_describe(u[y].roles);
			int x = 1;
			wattrset(stdscr, y == sel ? ui_attr(R_SELECTED) : A_NORMAL);
			ui_put(stdscr, 3 + y, 0, y == sel ? ">" : " ", 1, false);
			x += ui_put(stdscr, 3 + y, x, u[y].login, 14, true) + 1;
			x += ui_put(stdscr, 3 + y, x, u[y].full_name, 24, true) + 1;
			x += ui_put(stdscr, 3 + y, x, u[y].disabled ? _("disabled") : _("active"),
				    10, true) + 1;
			ui_put(stdscr, 3 + y, x, roles, COLS - x - 1, true);
			wattrset(stdscr, A_NORMAL);
			free(roles);
		}
		curs_set(0);
		r = ui_getkey(app, stdscr, &ch);
		if (r == KEY_CODE_YES && ch == KEY_RESIZE)
			continue;
		a = keys_action(CTX_USERS, r, ch);
		if (a == A_BACK)
			break;
		if (a == A_NEW) {
			user_add_form(app);
			reload = true;
		} else if (a == A_TOGGLE && n) {
			struct fielderr e;
			char *q = xasprintf(u[sel].disabled ? _("Enable the account %s?") :
					    _("Disable the account %s?"), u[sel].login);
			if (ui_confirm(app, q)) {
				if (user_set_disabled(app->db, &app->me, u[sel].login,
						      !u[sel].disabled, &e))
					ui_status(app, true, "%s", e.msg);
				reload = true;
			}
			free(q);
		} else if (a == A_PASSWORD && n) {
			char pw[300];
			struct fielderr e;
			if (ui_prompt(app, u[sel].login, _("New password:"), true, pw, sizeof(pw))) {
				if (user_set_password(app->db, &app->me, u[sel].login, pw, &e))
					ui_status(app, true, "%s", e.msg);
				else
					ui_status(app, false, _("Password of %s changed."), u[sel].login);
			}
			memset(pw, 0, sizeof(pw));
		} else if (r == KEY_CODE_YES) {
			ui_list_move(ch, &sel, n, LINES - 6);
		}
	}
	free(u);
	app->screen_title = saved_title;
	app->context = saved_ctx;
	werase(stdscr);
}

