/* app.h - internal to ui/: the desk's state, colour roles, keys, dialogs.
 *
 * Screens read keys through ui_getkey(), which owns the cross-cutting
 * behaviour: resize, the "terminal too small" notice, the inactivity lock,
 * the help screen and the global "new request" key.  Only three places
 * read keys themselves, each waiting for one thing: the too-small notice,
 * the lock's password and the help screen.  Lists are struct list_ops run
 * by ui_list_run (list.c), forms are field tables bound to records
 * (form.h).  A screen re-lays itself out whenever app->resize_gen changed
 * since it last did.  Widgets (ui/README) call no screen.
 */
#ifndef CUSDESK_UI_APP_H
#define CUSDESK_UI_APP_H

#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>
#include <wchar.h>

#include "auth.h"
#include "db.h"
#include "i18n.h"
#include "util.h"
#include "textlayout.h"

/* Key contexts: a bit mask (the CTX_ constants below). */
typedef uint64_t keyctx;

#define UI_MIN_COLS 80
#define UI_MIN_LINES 24

struct app {
	struct cd_db *db;
	struct actor me;
	bool logged_in;
	bool mono;
	bool quit;
	char centre[160];
	time_t last_input;
	int lock_seconds;
	unsigned resize_gen;     /* bumped on every resize */
	bool in_new_request;     /* the global key must not nest */
	int64_t current_person;  /* the person card on screen, for F3 */
	/* the global "new request" key: set by the desk (desk.c), so the key
	 * reader depends on no screen */
	void (*on_new_request)(struct app *app, int64_t for_person);
	char status[320];
	bool status_error;
	const char *screen_title; /* shown in the title bar */
	keyctx context;           /* key-hint context of the current screen */
	bool ending;              /* the terminal is gone: save what can be saved */
	int64_t session_id;       /* this desk in the "who is logged in" list */
	time_t session_touched;
	/* called about once a second while no key comes (autosave) */
	void (*idle)(struct app *app, void *ctx);
	void *idle_ctx;
	/* inside a bracketed paste: the keys read are text, never commands
	 * (Enter a line break, Tab a space) */
	bool pasting;
};

/* Colour roles; each has a monochrome attribute too. */
enum role_attr {
	R_NORMAL,
	R_TITLE,
	R_HINT,
	R_HINT_KEY,
	R_STATUS,
	R_ERROR,
	R_LABEL,
	R_REQUIRED,
	R_FIELD,
	R_FIELD_ACTIVE,
	R_FIELD_INVALID,
	R_SELECTED,
	R_HEADER,
	R_DIALOG,
	R__COUNT
};
attr_t ui_attr(enum role_attr r);

/* Actions, and the keys that trigger them (keys.c). */
enum action {
	A_NONE,
	A_HELP,
	A_SAVE,
	A_BACK,
	A_NEW_REQUEST,
	A_PICK,
	A_SEARCH,
	A_LOCK,
	A_OPEN,
	A_NEW,
	A_HOUSEHOLD,
	A_FILTER_STATUS,
	A_FILTER_COORD,
	A_TOGGLE,
	A_PASSWORD,
	A_UNLOCK,
	A_AUDIT_USER,
	A_AUDIT_FROM,
	A_CLEAR,
	A_REQUESTS,
	A_LEAVE_HOUSEHOLD,
	/* the case view */
	A_CASE_ASSESS,
	A_CASE_OUTCOME,
	A_CASE_PLAN,
	A_CASE_SUBMIT,
	A_CASE_APPROVE,
	A_CASE_RETURN,
	A_CASE_UPDATE,
	A_CASE_MONITOR,
	A_CASE_CONTACT,
	A_CASE_END_ITEM,
	A_CASE_RESIGN,
	A_CASE_CLOSE,
	A_CASE_COMPARE,
	A_CASE_CARD,
	A_CASE_REQUEST,
	A_CASE_FOLLOWUP,
	A_CASE_NOTES,
	A_ABSENCE_ADD,
	A_ABSENCE_REMOVE,
	A_CASE_GROUP,
	A_CASE_PRINT,
	A_PRINT,
	A_CONSENTS,
	/* forms of the case path */
	A_ADD_ITEM,
	A_EDIT_ITEM,
	A_DEL_ITEM,
	A_ADD_ACT,
	A_DOMAINS,
	A_NEEDS,
	A_GENERATE,
	A_CHECK_ITEM,
	A_OPEN_CASE,
	A_SERVICES,
	A_DETAILS,
	A_WORKLIST,
	/* the extra actions of lists */
	A_NEED_ANSWERED,
	A_WAITING_REMOVE,
	A_CONSENT_WITHDRAW,
	A_ACCESS_DOC,
	A_MEMBER_LEAVES,
	A_GROUP_SESSIONS,
	A_ACTIVITIES,
	A_AUTH_END,
	A_SERVICE_REMOVE,
};

/* Contexts (bit mask) in which a key binding applies and is hinted. */
#define CTX_GLOBAL ((keyctx)1 << 0)
#define CTX_MENU ((keyctx)1 << 1)
#define CTX_FORM ((keyctx)1 << 2)
#define CTX_SEARCH ((keyctx)1 << 3)
#define CTX_PERSON ((keyctx)1 << 4)
#define CTX_REQUESTS ((keyctx)1 << 5)
#define CTX_USERS ((keyctx)1 << 6)
#define CTX_LIST ((keyctx)1 << 7)
#define CTX_NEWREQ ((keyctx)1 << 8)
#define CTX_PICK ((keyctx)1 << 9)
#define CTX_CASE ((keyctx)1 << 10)
#define CTX_WORKLIST ((keyctx)1 << 11)
#define CTX_PLAN ((keyctx)1 << 12)
#define CTX_ASSESS ((keyctx)1 << 13)
#define CTX_CLOSING ((keyctx)1 << 14)
#define CTX_TEXT ((keyctx)1 << 15)
#define CTX_MONITOR ((keyctx)1 << 16)
#define CTX_OFFER ((keyctx)1 << 17)
#define CTX_DETAILS ((keyctx)1 << 18)  /* a record with a second page (F8) */
#define CTX_PRINTABLE ((keyctx)1 << 19)  /* a record with a printable document (F8) */
/* lists (list.c): CTX_LIST always, CTX_LIST_OPEN when Enter opens a
 * row, CTX_LIST_ADD when F7 adds one,
 * and the list's own context for its extra actions */
#define CTX_LIST_ADD ((keyctx)1 << 20)
#define CTX_UNMET ((keyctx)1 << 21)  /* the register of unmet needs */
#define CTX_WAITING ((keyctx)1 << 22)  /* the waiting list */
#define CTX_CONSENTS ((keyctx)1 << 23)  /* a person's consents (RODO) */
#define CTX_GROUP ((keyctx)1 << 24)  /* the members of a group */
#define CTX_GROUPS ((keyctx)1 << 25)  /* the groups, for who keeps the activities */
#define CTX_AUTHS ((keyctx)1 << 26)  /* the director's authorisations */
#define CTX_PROG_SERVICES ((keyctx)1 << 27)  /* the services of a programme */
#define CTX_LIST_OPEN ((keyctx)1 << 28)  /* Enter opens the selected row */
#define CTX_AUDIT ((keyctx)1 << 29)  /* the audit log */
#define CTX_PLANREAD ((keyctx)1 << 30)  /* a plan read through, with approve / return */
#define CTX_MEETING ((keyctx)1 << 31)   /* a coordinators' meeting */
#define CTX_SUMMARY ((keyctx)1 << 32)   /* a half-yearly summary */
#define CTX_CHECK ((keyctx)1 << 33)     /* a service's check in a monitoring note */


/* The action bound to a key in ctx (CTX_GLOBAL bindings always apply). */
struct keydef {
	enum action action;
	bool func;          /* key is a KEY_* code, else a character */
	int key;
	const char *name;   /* as shown, e.g. "F2" */
	const char *hint;   /* N_(): short, for the hint bar */
	const char *help;   /* N_(): one line for the help screen */
	keyctx ctx;         /* where it applies */
	bool hinted;        /* shown in the hint bar */
};
/* The key table: one row a binding (keys.c); the hint bar and the help
 * screen (help.c) are made from it. */
extern const struct keydef keytab[];
extern const size_t keytab_count;
/* Keys that only move or edit, listed in the help screen. */
struct editing_key {
	const char *name;
	const char *help;
};
extern const struct editing_key editing_keys[];
extern const size_t editing_keys_count;

enum action keys_action(keyctx ctx, int type, wint_t ch);
/* A screen that knows which of its keys act now sets a filter for the
 * hint bar (NULL: the table's hinted keys); the F1 help still lists all. */
void keys_hint_filter(bool (*f)(enum action a, void *ctx), void *ctx);
/* Draws the hint bar for ctx on the last line. */
void keys_draw_hints(keyctx ctx, const struct actor *me);
/* The key bound to action a in ctx, as shown ("F7", "p"); NULL: none. */
const char *keys_name(keyctx ctx, enum action a);
/* The help screen, generated from the key table. */
void keys_help(struct app *app);

/* ---- core.c ---- */
int ui_init_curses(struct app *app);
void ui_end_curses(void);
/* Reads one key from w.  Returns OK (ch is a character) or KEY_CODE_YES
 * (ch is a KEY_* code).  Handles inactivity lock, resize (returns
 * KEY_CODE_YES/KEY_RESIZE after re-checking the size), F1 help and the
 * global new-request key (both return KEY_RESIZE so the caller redraws). */
int ui_getkey(struct app *app, WINDOW *w, wint_t *ch);
/* Reads one key (timeout_ms < 0: waits); the one place keys come from, so
 * a terminal that went away ends the desk wherever it waits.  The escape
 * sequences of every terminal are decoded here (termkeys.c); a bracketed
 * paste sets app->pasting while its text is read. */
int ui_read_key(struct app *app, WINDOW *w, wint_t *ch, int timeout_ms);

/* ---- termkeys.c ---- */
/* The start and end of a bracketed paste (CSI 200~, CSI 201~), as keys. */
#define KEY_PASTE_BEGIN 0x6F00
#define KEY_PASTE_END 0x6F01
/* After wget_wch on w returned r with *ch: decodes a sequence after Esc
 * that terminfo does not name and maps modified keys to plain ones.
 * Returns OK or KEY_CODE_YES (with *ch), or ERR when the sequence was
 * read whole and means nothing here (dropped). */
int termkeys_after_read(WINDOW *w, int r, wint_t *ch);
/* Once curses runs: the keys terminfo names wrongly for the desk. */
void termkeys_init(void);
/* Bracketed paste on (true) or off, where the terminal offers it. */
void termkeys_paste_mode(bool on);
/* From now on SIGHUP and SIGTERM end the desk cleanly from the key reader:
 * drafts saved, the user logged out in the audit log, the process gone. */
void ui_watch_end_signals(void);
/* Title bar, status line and hint bar around the content area. */
void ui_frame(struct app *app);
/* Content area: rows 1 .. LINES-3. */
int ui_content_top(void);
int ui_content_height(void);
void ui_status(struct app *app, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The log file storage errors went to while the desk runs (draw.c), once
 * one was written; NULL before. */
const char *ui_log_written(void);
/* The outcome of a call on the status line: on failure the fielderr's text
 * (e may be NULL) or the status's (cd_status_text), else ok (NULL: none). */
void ui_report(struct app *app, int rc, const struct fielderr *e, const char *ok);
/* Shows the status's text when rc failed; returns whether it did. */
bool ui_failed(struct app *app, int rc);
void ui_status_clear(struct app *app);
void ui_draw_status(struct app *app);
/* Writes s (UTF-8) at y,x clipped to width columns; pads with spaces
 * when pad.  Returns the columns used. */
int ui_put(WINDOW *w, int y, int x, const char *s, int width, bool pad);
/* A table row: cells in columns of the given display widths (0: the rest
 * of maxw), a space between them; Polish letters count one column each. */
void ui_put_row(WINDOW *w, int y, int x, int maxw, const int *widths,
		const char *const *cells, size_t n);

/* Dialogs (panels over the screen). */
/* Yes/no question; true for yes. */
bool ui_confirm(struct app *app, const char *question);
/* Shows a message until a key is pressed. */
void ui_message(struct app *app, const char *title, const char *text);
/* A choice among keys: shows text and returns the character pressed among
 * allowed (lower-case), or 0 for Esc. */
wint_t ui_ask(struct app *app, const char *title, const char *text,
	      const char *allowed);
/* Picks one of n labels; returns the index or -1. */
int ui_choose(struct app *app, const char *title, const char *const *labels,
	      size_t n, int current);
/* Asks for one line of text (password when secret); false on Esc. */
bool ui_prompt(struct app *app, const char *title, const char *label,
	       bool secret, char *out, size_t size);
/* The same, the entry starting from the text already in out. */
/* A date typed in a prompt, Enter meaning today (or empty when empty_ok);
 * out holds what was typed, checked by the caller's domain call. */
bool ui_prompt_date(struct app *app, const char *title, const char *label, bool empty_ok,
		    char out[16]);
bool ui_prompt_value(struct app *app, const char *title, const char *label,
		     char *out, size_t size);
/* Moves the selection *sel of a list of n rows (rows on screen) on ↑ ↓
 * PgUp PgDn Home End; false when ch is none of them. */
bool ui_list_move(wint_t ch, int *sel, size_t n, int rows);
/* ---- list.c: the one list runner ---- */

struct list_col {
	const char *header;   /* N_() */
	int width;            /* display columns; 0: the rest of the row */
	bool right;           /* numbers, aligned right */
};

/* An extra action of a list: bound in the key table under the list's
 * context (so the hint bar and F1 show it); run on the selected row. */
struct list_action {
	enum action action;
	bool needs_row;       /* nothing happens on an empty list */
	void (*run)(struct app *app, void *ctx, size_t row);
};

/* A list screen.  load (re)reads the rows into the screen's own ctx (and
 * frees what it read before), returning a status; cell writes the text of
 * one cell.  The runner reloads after every action and keeps the
 * selection.  Callbacks left NULL are not offered. */
struct list_ops {
	const char *title;    /* N_(): the title bar */
	const char *intro;    /* N_(): the line(s) above the table, or: */
	void (*intro_text)(struct app *app, void *ctx, size_t n, char *out, size_t size);
	const char *empty;    /* N_(): shown instead of rows (NULL: "The list is empty.";
			       * "": nothing, drawn says it) */
	const struct list_col *cols;
	size_t ncols;
	keyctx ctx;           /* the list's own key context, besides CTX_LIST */
	int (*load)(struct app *app, void *ctx, size_t *n);
	void (*cell)(void *ctx, size_t row, size_t col, char *out, size_t size);
	bool (*alert)(void *ctx, size_t row);   /* a row marked "!" (overdue) */
	void (*detail)(void *ctx, size_t row, char *out, size_t size); /* under the table */
	void (*open)(struct app *app, void *ctx, size_t row);   /* Enter */
	void (*add)(struct app *app, void *ctx);                /* F7 */
	const struct list_action *actions;
	size_t nactions;
	/* for lists that do more (a search as you type, a picker): drawn is
	 * called after the rows are drawn (a query line, the cursor); key gets
	 * the keys no action took (true: read the rows again); done ends the
	 * list after an action (a row was picked) */
	void (*drawn)(struct app *app, void *ctx, size_t n);
	bool (*key)(struct app *app, void *ctx, int type, wint_t ch);
	bool (*done)(void *ctx);
	/* for long lists read a page at a time: appends the next page to the
	 * rows and sets *n (unchanged: there is no more); the runner calls it
	 * when the cursor nears the end of what is read, and until the end on
	 * End.  A load then reads at least as many rows as were shown. */
	int (*more)(struct app *app, void *ctx, size_t *n);
};
/* The rows most list screens keep: the domain's array of flat records
 * (no owned pointers) and its length; owner is what the list is of (a
 * programme, a group), NULL for none. */
struct list_rows {
	void *l;
	size_t n;
	const void *owner;
};
/* Frees the rows read before (load calls it first); returns r. */
struct list_rows *list_rows_reset(void *r);
/* After the domain's list call: sets *n, returns rc. */
int list_rows_loaded(struct list_rows *r, int rc, size_t *n);
#define LIST_ROW(ctx, type, row) (&((type *)((struct list_rows *)(ctx))->l)[row])

/* Runs the list until Esc; CD_OK, or the status of a failed load (shown
 * on the status line). */
int ui_list_run(struct app *app, const struct list_ops *ops, void *ctx);
/* The key context a list runs in (for tests of the key table). */
keyctx ui_list_context(const struct list_ops *ops);
/* Scrolls a text of n lines shown rows at a time by an arrow, page, Home
 * or End key (false: not such a key); top stays within the text. */
bool ui_list_scroll(wint_t ch, size_t *top, size_t n, int rows);
/* The inactivity lock; returns after the right password. */
void ui_lock(struct app *app);

/* ---- screens ---- */
/* One life domain of a case's assessment, its form straight away. */
void ui_assessment_domain(struct app *app, int64_t request_id, const char *code);
/* After logging in: the forms with text left unsaved (a crash, a killed
 * terminal); offers to open them, where the text comes back. */
void ui_unsaved_text(struct app *app);
/* The register of unmet needs and the waiting list (registers.c). */
void ui_unmet_needs(struct app *app);
void ui_waiting_list(struct app *app);
/* The coordinators' meetings (meetings.c). */
void ui_meetings(struct app *app);
/* The half-yearly summaries (meetings.c). */
void ui_summaries(struct app *app);
/* Open cases per coordinator; handing them over (meetings.c). */
void ui_caseload(struct app *app);
/* The quarterly report to the ministry, on screen. */
void ui_reports(struct app *app);
/* The organiser's screens for the offer (offer.c). */
void ui_offer_edit(struct app *app);
/* Supporting activities: the list and its form (community organiser). */
void ui_activities(struct app *app);
/* Group services and supporting activities: members and meetings. */
void ui_groups(struct app *app);
/* Exports a list for a spreadsheet into the documents folder. */
void ui_export(struct app *app);
/* The person's consents (RODO) and the art. 15 document. */
void ui_consents(struct app *app, int64_t person_id);
/* Prints (or saves as PDF) one of the documents of a case. */
void ui_print_case(struct app *app, int64_t request_id);
/* Enrols the person of a request into a group service (case view). */
void ui_group_enrol_request(struct app *app, int64_t request_id);
/* The director's authorisations of organisers to approve plans. */
void ui_authorisations(struct app *app);
bool ui_login(struct app *app);
void ui_main_menu(struct app *app);
/* Search; when pick is true returns the chosen person id (0 = none). */
int64_t ui_search(struct app *app, bool pick, const char *title);
/* Opens (id) or registers (0) a person; returns the id saved, 0 if none. */
int64_t ui_person_card(struct app *app, int64_t id);
/* New request; for_person preselects a registered person (0 = none). */
void ui_new_request(struct app *app, int64_t for_person);
void ui_requests(struct app *app, int64_t person_id);
void ui_request_edit(struct app *app, int64_t id);
void ui_users(struct app *app);
/* Who is logged in at a desk now (director, organiser, administrator). */
void ui_sessions(struct app *app);
/* The audit log, newest first, by user and day (director, administrator). */
void ui_audit(struct app *app);
void ui_offer(struct app *app);
void ui_change_password(struct app *app);
/* The worklist ("Na dziś"); returns when the user leaves it. */
void ui_worklist(struct app *app);
/* The case of a request: timeline, what is due, the case path's actions. */
void ui_case(struct app *app, int64_t request_id);
/* A scrollable text (service card, description, comparison). */
void ui_text_view(struct app *app, const char *title, const char *text);
/* Case path screens (ui/assess.c, ui/planedit.c, ui/monitor.c). */
void ui_assessment(struct app *app, int64_t request_id);
void ui_outcome(struct app *app, int64_t request_id);
void ui_plan_edit(struct app *app, int64_t request_id);
/* The whole plan of a case read through (ui/planview.c), version
 * version_id (0: the newest); an approver approves or returns it there. */
void ui_plan_read(struct app *app, int64_t request_id, int64_t version_id);
void ui_monitoring_note(struct app *app, int64_t plan_id);
/* The plan's saved notes: each opened in full, and corrected by a new note
 * (the first kept as it was). */
void ui_monitoring_notes(struct app *app, int64_t plan_id);
void ui_closing(struct app *app, int64_t plan_id);

#endif
