/* keys.c - the key table: bindings, the hint bar and the help screen are
 * all generated from it. */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CTRL(c) ((c) & 0x1f)

const struct keydef keytab[] = {
	{A_HELP, true, KEY_F(1), "F1", N_("help"), N_("Show this help"),
	 CTX_GLOBAL, true},
	{A_SAVE, true, KEY_F(2), "F2", N_("save"), N_("Save the form"),
	 CTX_FORM | CTX_PERSON | CTX_NEWREQ | CTX_PLAN | CTX_ASSESS | CTX_CLOSING | CTX_MONITOR | CTX_OFFER, true},
	/* Ctrl stand-ins for the most used keys, as in nano and mc, for a
	 * terminal whose function keys do not arrive (Esc and a digit too) */
	{A_SAVE, false, CTRL('s'), "^S", N_("save"), N_("Save the form (the same as F2)"),
	 CTX_FORM | CTX_PERSON | CTX_NEWREQ | CTX_PLAN | CTX_ASSESS | CTX_CLOSING | CTX_MONITOR | CTX_OFFER, false},
	{A_PICK, false, CTRL('o'), "^O", N_("choose"),
	 N_("Choose from a list (the same as F4)"),
	 CTX_FORM | CTX_PERSON | CTX_NEWREQ | CTX_PLAN | CTX_ASSESS | CTX_CLOSING | CTX_MONITOR | CTX_OFFER, false},
	{A_NEW_REQUEST, true, KEY_F(3), "F3", N_("new request"),
	 N_("Register a new request (wniosek) from any screen"), CTX_GLOBAL, true},
	{A_PICK, true, KEY_F(4), "F4", N_("choose"),
	 N_("Choose from a list: a registered person, a coordinator, a value"),
	 CTX_FORM | CTX_PERSON | CTX_NEWREQ | CTX_PLAN | CTX_ASSESS | CTX_CLOSING | CTX_MONITOR | CTX_OFFER, true},
	{A_SEARCH, true, KEY_F(5), "F5", N_("find person"),
	 N_("Find a person by surname, first name, PESEL or case reference"),
	 CTX_MENU, true},
	{A_HOUSEHOLD, true, KEY_F(6), "F6", N_("household"),
	 N_("Add a person to this person's household"), CTX_PERSON, true},
	{A_LEAVE_HOUSEHOLD, true, KEY_F(8), "F8", N_("leave household"),
	 N_("Take this person out of their household"), CTX_PERSON, false},
	{A_CONSENTS, true, KEY_F(10), "F10", N_("RODO"),
	 N_("The person's consents and the information on their data (RODO)"), CTX_PERSON, true},
	{A_REQUESTS, true, KEY_F(7), "F7", N_("requests"),
	 N_("This person's requests"), CTX_PERSON, true},
	{A_FILTER_STATUS, true, KEY_F(5), "F5", N_("status"),
	 N_("Filter the list by request status"), CTX_REQUESTS, true},
	{A_FILTER_COORD, true, KEY_F(6), "F6", N_("coordinator"),
	 N_("Filter the list by assigned coordinator"), CTX_REQUESTS, true},
	{A_NEW, true, KEY_F(7), "F7", N_("new"), N_("Add a new record"),
	 CTX_SEARCH | CTX_USERS | CTX_LIST_ADD, true},
	{A_NEED_ANSWERED, true, KEY_F(8), "F8", N_("answered"),
	 N_("The chosen need is answered now: it leaves the register"), CTX_UNMET, true},
	{A_WAITING_REMOVE, true, KEY_DC, "Del", N_("strike off"),
	 N_("Strike the chosen person off the waiting list, with the reason"), CTX_WAITING, true},
	{A_CONSENT_WITHDRAW, true, KEY_F(8), "F8", N_("withdraw"),
	 N_("Record that the chosen consent was withdrawn"), CTX_CONSENTS, true},
	{A_ACCESS_DOC, true, KEY_F(6), "F6", N_("art. 15"),
	 N_("The information on everything stored about the person (art. 15 RODO)"),
	 CTX_CONSENTS, true},
	{A_GROUP_SESSIONS, true, KEY_F(6), "F6", N_("meetings"),
	 N_("The group's meetings and how many came"), CTX_GROUP, true},
	{A_MEMBER_LEAVES, true, KEY_F(8), "F8", N_("leaves"),
	 N_("The chosen member leaves the group"), CTX_GROUP, true},
	{A_ACTIVITIES, true, KEY_F(8), "F8", N_("activities"),
	 N_("The list of supporting activities, to add or change one"), CTX_GROUPS, true},
	{A_AUTH_END, true, KEY_DC, "Del", N_("end"),
	 N_("End the chosen authorisation"), CTX_AUTHS, true},
	{A_SERVICE_REMOVE, true, KEY_DC, "Del", N_("remove"),
	 N_("Take the chosen service out of the programme"), CTX_PROG_SERVICES, true},
	{A_TOGGLE, true, KEY_F(8), "F8", N_("disable/enable"),
	 N_("Disable or enable the selected account"), CTX_USERS, true},
	{A_PASSWORD, true, KEY_F(6), "F6", N_("password"),
	 N_("Set a new password for the selected account"), CTX_USERS, true},
	{A_AUDIT_FROM, true, KEY_F(5), "F5", N_("from day"),
	 N_("Show the entries from a day on"), CTX_AUDIT, true},
	{A_AUDIT_USER, true, KEY_F(6), "F6", N_("user"),
	 N_("Show the entries of one user"), CTX_AUDIT, true},
	{A_UNLOCK, true, KEY_F(5), "F5", N_("unlock"),
	 N_("Lift the lock of failed logins from the selected account"), CTX_USERS, true},
	{A_LOCK, true, KEY_F(9), "F9", N_("lock"),
	 N_("Lock the screen (unlock with your password)"), CTX_GLOBAL, false},
	{A_OPEN, false, '\r', "Enter", N_("open"), N_("Open the selected item"),
	 CTX_MENU | CTX_SEARCH | CTX_REQUESTS | CTX_LIST_OPEN | CTX_PICK | CTX_WORKLIST, true},
	{A_OPEN, true, KEY_ENTER, "Enter", NULL, NULL,
	 CTX_MENU | CTX_SEARCH | CTX_REQUESTS | CTX_LIST_OPEN | CTX_PICK | CTX_WORKLIST, false},
	{A_CLEAR, true, KEY_DC, "Del", N_("clear"),
	 N_("Clear a chosen person or value"),
	 CTX_FORM | CTX_NEWREQ | CTX_PERSON | CTX_PLAN | CTX_ASSESS | CTX_CLOSING | CTX_MONITOR | CTX_OFFER, false},
	{A_WORKLIST, true, KEY_F(6), "F6", N_("for today"),
	 N_("The worklist: what is due today"), CTX_MENU, true},
	{A_CASE_ASSESS, false, 'r', "r", N_("assessment"),
	 N_("Needs assessment (rozpoznanie potrzeb)"), CTX_CASE, true},
	{A_CASE_OUTCOME, false, 'w', "w", N_("outcome"),
	 N_("Outcome of the assessment: qualify, forward, not qualified, waiting list"),
	 CTX_CASE, true},
	{A_CASE_PLAN, false, 'p', "p", N_("plan"), N_("The plan (IPUS): draft or edit"),
	 CTX_CASE, true},
	{A_CASE_SUBMIT, false, 's', "s", N_("submit"), N_("Submit the plan for approval"),
	 CTX_CASE, false},
	{A_CASE_APPROVE, false, 'z', "z", N_("approve"),
	 N_("Approve the plan (director, authorised organiser)"), CTX_CASE, false},
	{A_CASE_RETURN, false, 'x', "x", N_("return"),
	 N_("Return the plan with a comment"), CTX_CASE, false},
	{A_CASE_APPROVE, false, 'z', "z", N_("approve"),
	 N_("Approve the plan you read (director, authorised organiser)"), CTX_PLANREAD, true},
	{A_CASE_RETURN, false, 'x', "x", N_("return"),
	 N_("Return the plan you read with a comment"), CTX_PLANREAD, true},
	{A_CASE_UPDATE, false, 'a', "a", N_("update"), N_("Update the approved plan"),
	 CTX_CASE, false},
	{A_CASE_MONITOR, false, 'm', "m", N_("monitoring"), N_("A monitoring note"),
	 CTX_CASE, true},
	{A_CASE_NOTES, false, 't', "t", N_("notes"),
	 N_("The saved monitoring notes: open one, correct it"), CTX_CASE, false},
	{A_CASE_CONTACT, false, 'k', "k", N_("provider contact"),
	 N_("Record the provider's first contact with the person"), CTX_CASE, false},
	{A_CASE_END_ITEM, false, 'e', "e", N_("end service"),
	 N_("End a service of the plan (e.g. after absences)"), CTX_CASE, false},
	{A_CASE_RESIGN, false, 'n', "n", N_("resignation"),
	 N_("Record a resignation from a service or the whole plan"), CTX_CASE, false},
	{A_CASE_CLOSE, false, 'c', "c", N_("close"),
	 N_("Close the plan: summary conversation and description"), CTX_CASE, true},
	{A_CASE_COMPARE, false, 'o', "o", N_("compare"),
	 N_("Compare the plan versions"), CTX_CASE, false},
	{A_CASE_CARD, false, 'u', "u", N_("service card"), N_("The person's service card"),
	 CTX_CASE, false},
	{A_CASE_REQUEST, false, 'd', "d", N_("request"), N_("The request's data"),
	 CTX_CASE, false},
	{A_CASE_FOLLOWUP, false, 'f', "f", N_("follow-up"),
	 N_("Record the follow-up half a year after closing"), CTX_CASE, false},
	{A_PRINT, true, KEY_F(8), "F8", N_("print"),
	 N_("Print the confirmation of the request (or save it as PDF)"), CTX_PRINTABLE, true},
	{A_CASE_PRINT, false, 'l', "l", N_("print"),
	 N_("Print a document of the case (or save it as PDF)"), CTX_CASE, true},
	{A_CASE_GROUP, false, 'g', "g", N_("group"),
	 N_("Enrol into a group service (the request is enough, no IPUS)"), CTX_CASE, false},
	{A_ADD_ITEM, true, KEY_F(6), "F6", N_("add service"), N_("Add a service to the plan"),
	 CTX_PLAN, true},
	{A_EDIT_ITEM, true, KEY_F(7), "F7", N_("edit service"), N_("Change a service of the plan"),
	 CTX_PLAN, true},
	{A_DEL_ITEM, true, KEY_F(8), "F8", N_("remove"), N_("Remove a service from the plan"),
	 CTX_PLAN, false},
	{A_ADD_ACT, true, KEY_F(5), "F5", N_("supporting"),
	 N_("Add a supporting activity (volunteering, self-help, neighbour help)"), CTX_PLAN, false},
	{A_DOMAINS, true, KEY_F(6), "F6", N_("life domains"),
	 N_("What the person said, per life domain"), CTX_ASSESS, true},
	{A_NEEDS, true, KEY_F(7), "F7", N_("needs"), N_("Needs found, linked to services or unmet"),
	 CTX_ASSESS, true},
	{A_OPEN_CASE, true, KEY_F(6), "F6", N_("case"),
	 N_("Open the person's case (their latest request) directly"), CTX_SEARCH, true},
	{A_DETAILS, true, KEY_F(8), "F8", N_("details"),
	 N_("The second page: a service's quality standard, a provider's partner sheet"),
	 CTX_DETAILS, true},
	{A_SERVICES, true, KEY_F(6), "F6", N_("services"),
	 N_("The services of this programme or provider"), CTX_OFFER, true},
	{A_SERVICES, true, KEY_F(6), "F6", N_("plans discussed"),
	 N_("Choose the plans the meeting discussed"), CTX_MEETING, true},
	{A_SERVICES, true, KEY_F(6), "F6", N_("figures"),
	 N_("Show the figures the summary will hold for its period"), CTX_SUMMARY, true},
	{A_ABSENCE_ADD, true, KEY_F(7), "F7", N_("absence"),
	 N_("Record an absence: its day, excused or not"), CTX_CHECK, true},
	{A_ABSENCE_REMOVE, true, KEY_F(8), "F8", N_("take off"),
	 N_("Take the last absence off"), CTX_CHECK, false},
	{A_CHECK_ITEM, true, KEY_F(6), "F6", N_("check a service"),
	 N_("What the note found about one service of the plan"), CTX_MONITOR, true},
	{A_GENERATE, true, KEY_F(6), "F6", N_("draft description"),
	 N_("Draft the description of the plan's course from the record"), CTX_CLOSING, true},
	{A_BACK, false, 27, "Esc", N_("back"),
	 N_("Go back (asks first when something typed is not saved)"),
	 CTX_MENU | CTX_FORM | CTX_SEARCH | CTX_PERSON | CTX_REQUESTS | CTX_USERS |
	 CTX_LIST | CTX_NEWREQ | CTX_PICK | CTX_CASE | CTX_WORKLIST | CTX_PLAN |
	 CTX_ASSESS | CTX_CLOSING | CTX_TEXT | CTX_MONITOR | CTX_OFFER, true},
};

const size_t keytab_count = ARRAY_SIZE(keytab);

const struct editing_key editing_keys[] = {
	{"Tab / ↓", N_("Next field")},
	{"Shift-Tab / ↑", N_("Previous field")},
	{"← →", N_("Move in a field; change a value chosen from a list")},
	{"Enter", N_("Next field; new line in a long text")},
	{"Backspace / Del", N_("Delete a character")},
	{"PgUp / PgDn", N_("Page through a list")},
	{"F9", N_("Lock the screen (unlock with your password)")},
};
const size_t editing_keys_count = ARRAY_SIZE(editing_keys);

enum action keys_action(keyctx ctx, int type, wint_t ch)
{
	size_t i;

	for (i = 0; i < keytab_count; i++) {
		const struct keydef *k = &keytab[i];
		bool is_func = type == KEY_CODE_YES;
		if (!(k->ctx & ctx))
			continue;
		if (k->func != is_func || (wint_t)k->key != ch)
			continue;
		return k->action;
	}
	/* Enter arrives as \r (nonl) or \n depending on the terminal */
	if (type == OK && ch == '\n')
		return keys_action(ctx, OK, '\r');
	return A_NONE;
}

/* Keys of the global actions the user's role cannot use are not hinted. */
static bool role_allows(const struct actor *me, enum action a)
{
	switch (a) {
	case A_NEW_REQUEST:
		return actor_can(me, PERM_REQUEST_FILE);
	case A_WORKLIST:
		return actor_can(me, PERM_CASE_CONTENT);
	case A_SEARCH:
		return actor_can(me, PERM_PERSON_READ);
	default:
		return true;
	}
}

const char *keys_name(keyctx ctx, enum action a)
{
	size_t i;

	for (i = 0; i < keytab_count; i++)
		if (keytab[i].action == a && (keytab[i].ctx & ctx))
			return keytab[i].name;
	return NULL;
}

/* A screen's say in which of its own keys act now (the case view: only
 * what this role can do in this state). */
static bool (*hint_filter)(enum action a, void *ctx);
static void *hint_filter_ctx;

void keys_hint_filter(bool (*f)(enum action a, void *ctx), void *ctx)
{
	hint_filter = f;
	hint_filter_ctx = ctx;
}

void keys_draw_hints(keyctx ctx, const struct actor *me)
{
	int x = 0, y = LINES - 1;
	size_t i;

	wmove(stdscr, y, 0);
	wattrset(stdscr, ui_attr(R_HINT));
	whline(stdscr, ' ', COLS);
	for (i = 0; i < keytab_count && x < COLS; i++) {
		const struct keydef *k = &keytab[i];
		char shown[32];
		int need;
		if (!k->hint || !(k->ctx & (ctx | CTX_GLOBAL)) || !role_allows(me, k->action))
			continue;
		if (hint_filter && !(k->ctx & CTX_GLOBAL)) {
			/* the screen says which of its keys act now, hinted or not */
			if (!hint_filter(k->action, hint_filter_ctx))
				continue;
		} else if (!k->hinted) {
			continue;
		}
		if (k->action == A_NEW_REQUEST && !(ctx & (CTX_MENU | CTX_SEARCH |
							  CTX_PERSON | CTX_REQUESTS)))
			continue;
		{
			/* a Ctrl stand-in for the same action is named with it: "F2/^S" */
			size_t j;
			snprintf(shown, sizeof(shown), "%s", k->name);
			for (j = 0; j < keytab_count; j++)
				if (j != i && !keytab[j].func && keytab[j].name[0] == '^' &&
				    keytab[j].action == k->action && (keytab[j].ctx & ctx) && k->func)
					snprintf(shown, sizeof(shown), "%s/%s", k->name, keytab[j].name);
		}
		need = ui_text_width(shown) + ui_text_width(_(k->hint)) + 2;
		if (x + need > COLS)
			break;
		wattrset(stdscr, ui_attr(R_HINT_KEY));
		x += ui_put(stdscr, y, x, shown, COLS - x, false);
		wattrset(stdscr, ui_attr(R_HINT));
		x += ui_put(stdscr, y, x, " ", COLS - x, false);
		x += ui_put(stdscr, y, x, _(k->hint), COLS - x, false);
		x += ui_put(stdscr, y, x, " ", COLS - x, false);
	}
	wattrset(stdscr, A_NORMAL);
}

bool ui_list_scroll(wint_t ch, size_t *top, size_t n, int rows)
{
	size_t page = rows > 1 ? (size_t)rows - 1 : 1;
	size_t last = n > (size_t)rows ? n - (size_t)rows : 0;

	switch (ch) {
	case KEY_DOWN:
		*top = *top < last ? *top + 1 : last;
		return true;
	case KEY_UP:
		*top = *top ? *top - 1 : 0;
		return true;
	case KEY_NPAGE:
		*top = *top + page < last ? *top + page : last;
		return true;
	case KEY_PPAGE:
		*top = *top > page ? *top - page : 0;
		return true;
	case KEY_HOME:
		*top = 0;
		return true;
	case KEY_END:
		*top = last;
		return true;
	default:
		return false;
	}
}

bool ui_list_move(wint_t ch, int *sel, size_t n, int rows)
{
	int last = n ? (int)n - 1 : 0;

	if (rows < 1)
		rows = 1;
	switch (ch) {
	case KEY_UP:
		*sel = *sel > 0 ? *sel - 1 : 0;
		return true;
	case KEY_DOWN:
		*sel = *sel < last ? *sel + 1 : last;
		return true;
	case KEY_PPAGE:
		*sel = *sel > rows ? *sel - rows : 0;
		return true;
	case KEY_NPAGE:
		*sel = *sel + rows < last ? *sel + rows : last;
		return true;
	case KEY_HOME:
		*sel = 0;
		return true;
	case KEY_END:
		*sel = last;
		return true;
	default:
		return false;
	}
}
