/* help.c - the F1 help screen, made from the key table (keys.c). */
#include "app.h"
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The parts of the desk, in the order help lists their keys; each binding
 * is listed once, in the first part it belongs to. */
static const struct {
	keyctx ctx;
	const char *title;
} sections[] = {
	{CTX_GLOBAL, N_("Everywhere")},
	{CTX_MENU, N_("Main menu")},
	{CTX_FORM, N_("Forms")},
	{CTX_PERSON, N_("Person card")},
	{CTX_SEARCH, N_("Person search")},
	{CTX_REQUESTS, N_("Request list")},
	{CTX_LIST | CTX_LIST_OPEN | CTX_LIST_ADD, N_("Lists")},
	{CTX_UNMET, N_("Unmet needs")},
	{CTX_WAITING, N_("Waiting list")},
	{CTX_CONSENTS, N_("Consents (RODO)")},
	{CTX_GROUPS | CTX_GROUP, N_("Groups")},
	{CTX_AUTHS, N_("Authorisations")},
	{CTX_PROG_SERVICES, N_("Services of a programme")},
	{CTX_USERS, N_("User accounts")},
	{CTX_WORKLIST, N_("For today")},
	{CTX_CASE, N_("Case")},
	{CTX_ASSESS, N_("Needs assessment")},
	{CTX_PLAN, N_("Plan")},
	{CTX_CLOSING, N_("Closing")},
	{CTX_MONITOR, N_("Monitoring note")},
	{CTX_OFFER, N_("The offer")},
	{CTX_MEETING, N_("Coordinators' meeting")},
	{CTX_SUMMARY, N_("Half-yearly summary")},
	{CTX_PLANREAD, N_("Reading a plan")},
	{CTX_CHECK, N_("A service's check")},
	{CTX_DETAILS, N_("A record with a second page")},
};

/* Which part each binding is listed in (-1: none); the caller frees. */
static int *binding_parts(void)
{
	int *part = xcalloc(keytab_count, sizeof(*part));
	size_t s, i;

	for (i = 0; i < keytab_count; i++) {
		part[i] = -1;
		for (s = 0; s < ARRAY_SIZE(sections) && part[i] < 0; s++)
			if (keytab[i].help && (keytab[i].ctx & sections[s].ctx))
				part[i] = (int)s;
	}
	return part;
}

void ui_print_keys(void)
{
	int *part = binding_parts();
	size_t s, i;

	for (s = 0; s < ARRAY_SIZE(sections); s++) {
		bool any = false;
		for (i = 0; i < keytab_count && !any; i++)
			any = part[i] == (int)s;
		if (!any)
			continue;
		printf("**%s**\n\n| %s | %s |\n|---|---|\n", _(sections[s].title), _("key"),
		       _("action"));
		for (i = 0; i < keytab_count; i++)
			if (part[i] == (int)s)
				printf("| %s | %s |\n", keytab[i].name, _(keytab[i].help));
		printf("\n");
	}
	printf("**%s**\n\n| %s | %s |\n|---|---|\n", _("Moving and editing"), _("key"),
	       _("action"));
	for (i = 0; i < editing_keys_count; i++)
		printf("| %s | %s |\n", editing_keys[i].name, _(editing_keys[i].help));
	free(part);
}

void keys_help(struct app *app)
{
	char **lines = NULL;
	size_t n = 0, s, i, top = 0;
	int *part = binding_parts();
	WINDOW *w;

	/* the keys of the screen the user is on come first */
	if (app->context & ~CTX_GLOBAL) {
		size_t here = n;
		lines = xrealloc(lines, (n + 1) * sizeof(char *));
		lines[n++] = xasprintf("# %s: %s", _("This screen"),
				       app->screen_title ? app->screen_title : "");
		for (i = 0; i < keytab_count; i++) {
			const struct keydef *k = &keytab[i];
			size_t j;
			bool dup = false;
			if (!k->help || (k->ctx & CTX_GLOBAL) || !(k->ctx & app->context))
				continue;
			for (j = 0; j < i && !dup; j++)
				dup = keytab[j].help && keytab[j].key == k->key &&
				      keytab[j].action == k->action &&
				      (keytab[j].ctx & app->context) && !(keytab[j].ctx & CTX_GLOBAL);
			if (dup)
				continue;
			lines = xrealloc(lines, (n + 1) * sizeof(char *));
			lines[n++] = xasprintf("  %-14s %s", k->name, _(k->help));
		}
		if (n == here + 1) {
			free(lines[--n]);      /* nothing of its own: no such part */
		} else {
			lines = xrealloc(lines, (n + 2) * sizeof(char *));
			lines[n++] = xstrdup("");
			lines[n++] = xasprintf("# %s", _("All keys"));
		}
	}
	/* build the text once from the tables; a part with no keys of its
	 * own (all listed earlier) gets no empty heading */
	for (s = 0; s < ARRAY_SIZE(sections); s++) {
		bool any = false;
		for (i = 0; i < keytab_count && !any; i++)
			any = part[i] == (int)s;
		if (!any)
			continue;
		lines = xrealloc(lines, (n + 1) * sizeof(char *));
		lines[n++] = xasprintf("# %s", _(sections[s].title));
		for (i = 0; i < keytab_count; i++) {
			const struct keydef *k = &keytab[i];
			if (part[i] != (int)s)
				continue;
			lines = xrealloc(lines, (n + 1) * sizeof(char *));
			lines[n++] = xasprintf("  %-14s %s", k->name, _(k->help));
		}
	}
	lines = xrealloc(lines, (n + 1) * sizeof(char *));
	lines[n++] = xasprintf("# %s", _("Moving and editing"));
	for (i = 0; i < editing_keys_count; i++) {
		int pad = 14 - ui_text_width(editing_keys[i].name);
		lines = xrealloc(lines, (n + 1) * sizeof(char *));
		lines[n++] = xasprintf("  %s%*s %s", editing_keys[i].name,
				       pad > 0 ? pad : 0, "", _(editing_keys[i].help));
	}

	for (;;) {
		int rows, y;
		wint_t ch;
		int r;
		w = newwin(LINES, COLS, 0, 0);
		keypad(w, TRUE);
		werase(w);
		wattrset(w, ui_attr(R_TITLE));
		wmove(w, 0, 0);
		whline(w, ' ', COLS);
		ui_put(w, 0, 1, _("cusdesk help: keys (Esc closes, arrows scroll)"), COLS - 2, false);
		wattrset(w, A_NORMAL);
		rows = LINES - 2;
		for (y = 0; y < rows && top + (size_t)y < n; y++) {
			const char *l = lines[top + (size_t)y];
			if (l[0] == '#') {
				wattrset(w, ui_attr(R_HEADER));
				ui_put(w, 1 + y, 1, l + 2, COLS - 2, false);
				wattrset(w, A_NORMAL);
			} else {
				ui_put(w, 1 + y, 1, l, COLS - 2, false);
			}
		}
		curs_set(0);
		wrefresh(w);
		r = ui_read_key(app, w, &ch, -1);
		delwin(w);
		if (r == KEY_CODE_YES && ui_list_scroll(ch, &top, n, rows))
			continue;
		else if (r == KEY_CODE_YES && ch == KEY_RESIZE)
			app->resize_gen++;
		else if (r != ERR)
			break;
	}
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	free(part);
	app->last_input = time(NULL);
	touchwin(stdscr);
	wnoutrefresh(stdscr);
}
