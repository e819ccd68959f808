/* form.h - forms as data: a table of field definitions becomes a form
 * (form.c, its text fields edited by textedit.c) that keeps its typed
 * text across resizes and errors. */
#ifndef CUSDESK_UI_FORM_H
#define CUSDESK_UI_FORM_H

#include "app.h"

#include "textedit.h"
#include <stddef.h>

enum ff_type {
	FF_HEADER,    /* a section title, no field */
	FF_TEXT,
	FF_MULTI,     /* several lines of free text */
	FF_PASSWORD,
	FF_CHOICE,    /* one of a list: ←/→ or F4 */
	FF_LINK,      /* a chosen record (person): F4 chooses, Del clears */
	FF_READONLY,
};

enum { FC_LEFT, FC_RIGHT, FC_FULL };

/* How a field is bound to a member of the record the form edits, so that
 * uform_load and uform_store move a whole record in and out. */
enum fb_kind {
	FB_NONE,      /* not bound: the screen moves it by hand (links, lists) */
	FB_TEXT,      /* char[]: the field's maximum is the buffer's (size - 1 bytes) */
	FB_INT,       /* int, 0 shown empty */
	FB_INT_OPT,   /* int, -1 shown empty (an age limit: empty is none) */
	FB_INT_ZERO,  /* int shown as it is, 0 too (a choice's value, a count) */
	FB_NUMBER,    /* double, -1 shown empty; a comma works as the point */
	FB_BOOL,      /* bool, a yes/no choice */
	FB_ID,        /* int64_t, the value of a choice (0: none) */
};
/* The binding of a field: FB(struct programme, name, FB_TEXT).  A form
 * of two records (a new request: the person and the request) binds each
 * field to one part: FBP(PART_PERSON, struct person, surname, FB_TEXT). */
#define FB(type, member, kind) kind, offsetof(type, member), sizeof(((type *)0)->member), 0
#define FBP(part, type, member, kind) \
	kind, offsetof(type, member), sizeof(((type *)0)->member), part
enum { PART_PERSON = 1, PART_REQUEST };

struct fdef {
	int id;              /* the domain's field id (PERSON_F_..., REQUEST_F_...) */
	const char *label;   /* N_() */
	enum ff_type type;
	int row;
	int col;             /* FC_LEFT, FC_RIGHT or FC_FULL */
	int width;           /* visible columns; 0 = as the column allows */
	int height;          /* lines, for FF_MULTI */
	bool required;
	int maxlen;          /* bytes the value may have (a bound text: the member's, always) */
	const char *accept;  /* the only characters a key may type (NULL: any) */
	enum fb_kind bind;   /* the record member (FB(...)), or FB_NONE */
	size_t offset, size;
	int part;            /* which record of the form (0: its only one) */
};

/* Character sets of typed fields. */
#define ACCEPT_DIGITS "0123456789"
#define ACCEPT_DATE "0123456789-"   /* and "." for 1.12.2026 */
#define ACCEPT_PHONE "0123456789+()- "
#define ACCEPT_NUMBER "0123456789.,"


struct fopt {
	char value[64];
	char label[200];
	char note[80];     /* shown beside the label in the F4 list only */
	bool suggested;    /* where the F4 list starts while nothing is chosen */
};

struct ffield;

struct uform {
	struct ffield *ff;
	size_t n;
	WINDOW *win;
	struct strbuf paste;   /* a bracketed paste being read */
	bool entered;          /* the first field was entered (drawn once) */
	int top;
	int cur;
	bool dirty;
	/* called when the user leaves a field: NULL or a translated message */
	const char *(*check)(void *ctx, int id, const char *value);
	void *ctx;
	/* called after the user left field id (may fill others and move on) */
	void (*left)(struct uform *uf, int id);
	unsigned layout_no;    /* which layout of all forms this one is */
};

struct uform *uform_new(const struct fdef *defs, size_t n);
void uform_free(struct uform **uf);
/* (Re)builds the form in the content area from row `top` of the screen,
 * keeping typed text, the current field and error marks. */
void uform_layout(struct uform *uf, int top);
/* Draws labels and fields, puts the cursor in the current field. */
void uform_draw(struct uform *uf);
WINDOW *uform_window(struct uform *uf);
/* Puts the cursor back in the current field after drawing extras. */
void uform_place_cursor(struct uform *uf);

/* Every bound field from the record rec (of the type the table names);
 * the form is not dirty afterwards. */
void uform_load(struct uform *uf, const void *rec);
/* The same for the fields of one part of a form of several records. */
void uform_load_part(struct uform *uf, int part, const void *rec);
int uform_store_part(struct uform *uf, int part, void *rec, struct fielderr *e);
/* Every bound field into rec.  A text longer than its member holds is
 * refused, never cut: CD_EINVAL with the field named in e, rec unchanged. */
int uform_store(struct uform *uf, void *rec, struct fielderr *e);

void uform_set(struct uform *uf, int id, const char *value);
/* The trimmed text of a text field, or the value of a choice or link. */
const char *uform_get(struct uform *uf, int id);
void uform_set_options(struct uform *uf, int id, const struct fopt *opts, size_t n);
/* Options from a code table (values are the codes); with an empty first
 * option when allow_empty. */
void uform_set_code_options(struct uform *uf, int id, const void *code_table,
			    bool allow_empty);
void uform_set_link(struct uform *uf, int id, int64_t value, const char *label);
/* A number field: empty for a negative value; read back as -1 when
 * empty (a comma works as the decimal point). */
void uform_set_number(struct uform *uf, int id, double v);
double uform_get_number(struct uform *uf, int id);
int64_t uform_get_id(struct uform *uf, int id);
void uform_mark_invalid(struct uform *uf, int id, bool invalid);
void uform_clear_marks(struct uform *uf);
void uform_focus(struct uform *uf, int id);
int uform_current_id(struct uform *uf);
enum ff_type uform_current_type(struct uform *uf);
bool uform_has(struct uform *uf, int id);

enum uform_result { UF_UNHANDLED, UF_HANDLED };
/* Editing and moving keys; runs the check when a field is left. */
enum uform_result uform_key(struct app *app, struct uform *uf, int type, wint_t ch);
/* F4 on a choice field: a list to pick from.  False when the current
 * field is not a choice. */
bool uform_pick(struct app *app, struct uform *uf);

/* A screen built around one form: the part of the loop every such screen
 * shares. */
struct form_screen {
	struct uform *uf;
	const char *title;     /* shown in the title bar */
	keyctx ctx;            /* key context */
	int top;               /* first screen row of the form */
	unsigned gen;          /* set to app->resize_gen - 1 before the first turn */
	/* draws what the screen shows besides the fields (may be NULL) */
	void (*extras)(struct app *app, struct form_screen *fs);
	void *data;
	int enter_saves_on;    /* a field id where Enter means F2 (0: none) */
	/* Autosave: when set, the long texts (FF_MULTI) are kept as drafts
	 * under "<draft_prefix>:<field id>" a few seconds after typing. */
	char draft_prefix[64];
	time_t last_autosave;
	bool unsaved_typing;
};

/* Starts a form screen of the given fields below the title bar: title,
 * key context, what it draws besides the fields and its data. */
void form_screen_init(struct form_screen *fs, struct app *app, const struct fdef *defs,
		      size_t n, const char *title, keyctx ctx,
		      void (*extras)(struct app *, struct form_screen *), void *data);

/* Puts back autosaved drafts into the form's long texts; true (and a
 * status message) when something was restored. */
bool form_screen_restore(struct app *app, struct form_screen *fs);
/* After a successful save: the drafts are no longer needed. */
void form_screen_saved(struct app *app, struct form_screen *fs);

/* One turn: lays the form out again after a resize, draws it, reads a key
 * and handles what every form handles (editing, moving, ←/→ and F4 on a
 * choice, Del on a chosen link, Esc with the "leave unsaved?" question).
 * Returns the action left for the screen: A_SAVE, A_BACK (leaving is
 * agreed), A_PICK (F4 on a field that is not a choice), a screen's own
 * action, or A_NONE when nothing is left to do. */
enum action form_screen_turn(struct app *app, struct form_screen *fs);

/* Another desk saved the record this form edits after it was read
 * (CD_ECONFLICT).  Shows who and when, and field by field (the bound fields
 * of part) what they changed (base -> theirs) and what this desk changed
 * (base -> mine); more (may be NULL) lists their other changes, lines of
 * "  ...\n" (a plan's services).  Asks: keep mine (write it over theirs),
 * take theirs, or merge (their change where this desk left a field as it
 * was; where both changed one, asked field by field): the merged bound
 * fields are written into mine.  The caller saves mine on the version of
 * theirs, or shows theirs.  Esc keeps the form as it is. */
enum conflict_choice { CONFLICT_BACK, CONFLICT_KEEP_MINE, CONFLICT_TAKE_THEIRS, CONFLICT_MERGED };
enum conflict_choice form_conflict(struct app *app, struct uform *uf, int part, const void *base,
				   const void *theirs, void *mine, const char *more, const char *who,
				   const char *when);

/* Copies the bound members of part from one record to another (mine,
 * resolved, onto a fresh copy of theirs with everything the form does not
 * show). */
void uform_copy_bound(struct uform *uf, int part, const void *from, void *to);

/* Shows the first error of a failed save on the form. */
void form_show_error(struct app *app, struct uform *uf, const struct fielderr *e,
		     int rc);

#endif
