/* form.c - the form engine: a table of fields laid out on the screen,
 * each text field edited by textedit.c (it holds exactly what it shows),
 * choices changed only by ←/→ and F4, the typed text kept across resizes,
 * errors and nested screens. */
#include "form.h"
#include "codes.h"
#include "draft.h"
#include "validate.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LABEL_W 15

struct ffield {
	const struct fdef *def;
	char *value;         /* text, or the option value / link id */
	char *display;       /* what a choice or link shows */
	struct fopt *opts;
	size_t nopts;
	bool invalid;
	struct textedit te;  /* the text of a text field */
	bool shown;          /* laid out (fits the screen) */
	int y, x, w, h;      /* where it is in the form's window */
};

static bool is_date(const struct fdef *d)
{
	return d->accept && !strcmp(d->accept, ACCEPT_DATE);
}

/* The most a field takes: for a text bound to a record, what the member
 * holds (the domain's declared maximum, which the command line and the
 * import use too); else the table's maxlen; a date exactly a date. */
static int field_max(const struct fdef *d)
{
	if (is_date(d))
		return 10;
	if (d->bind == FB_TEXT)
		return (int)d->size - 1;
	return d->maxlen > 0 ? d->maxlen : 120;
}

static bool is_text(const struct ffield *f)
{
	return f->def->type == FF_TEXT || f->def->type == FF_MULTI ||
	       f->def->type == FF_PASSWORD;
}

struct uform *uform_new(const struct fdef *defs, size_t n)
{
	struct uform *uf = xcalloc(1, sizeof(*uf));
	size_t i;

	uf->ff = xcalloc(n, sizeof(*uf->ff));
	uf->n = n;
	sb_init(&uf->paste);
	for (i = 0; i < n; i++) {
		const struct fdef *d = &defs[i];
		uf->ff[i].def = d;
		uf->ff[i].value = xstrdup("");
		uf->ff[i].display = xstrdup("");
		textedit_init(&uf->ff[i].te, d->type == FF_MULTI, (size_t)field_max(d));
	}
	uf->cur = -1;
	for (i = 0; i < n && uf->cur < 0; i++)
		if (defs[i].type != FF_HEADER)
			uf->cur = (int)i;
	return uf;
}

static struct ffield *find(struct uform *uf, int id)
{
	size_t i;

	for (i = 0; i < uf->n; i++)
		if (uf->ff[i].def->id == id && uf->ff[i].def->type != FF_HEADER)
			return &uf->ff[i];
	return NULL;
}

bool uform_has(struct uform *uf, int id)
{
	return find(uf, id) != NULL;
}

/* The value of a text field from what it holds: one line trimmed, a date
 * typed the Polish way (1.12.2026) as the ISO date the domain reads. */
static void sync_field(struct ffield *f)
{
	char *buf;

	if (!is_text(f))
		return;
	buf = textedit_text(&f->te);
	if (f->def->type != FF_MULTI)
		str_trim(buf);
	if (is_date(f->def)) {
		struct date d;
		if (strchr(buf, '.') && date_parse_pl(buf, &d)) {
			free(buf);
			buf = xcalloc(11, 1);
			date_format(&d, buf);
		}
	}
	free(f->value);
	f->value = buf;
}

/* After each change the value is kept at once, so nothing typed depends
 * on what the screen still shows. */
static void edited(struct uform *uf)
{
	uf->dirty = true;
	if (uf->cur >= 0)
		sync_field(&uf->ff[uf->cur]);
}

static void teardown(struct uform *uf)
{
	size_t i;

	for (i = 0; i < uf->n; i++)
		uf->ff[i].shown = false;
	if (uf->win)
		delwin(uf->win);
	uf->win = NULL;
}

void uform_free(struct uform **ufp)
{
	struct uform *uf = *ufp;
	size_t i;

	if (!uf)
		return;
	teardown(uf);
	for (i = 0; i < uf->n; i++) {
		free(uf->ff[i].value);
		free(uf->ff[i].display);
		free(uf->ff[i].opts);
		textedit_free(&uf->ff[i].te);
	}
	free(uf->ff);
	sb_release(&uf->paste);
	free(uf);
	*ufp = NULL;
}

static void geometry(const struct fdef *d, int *x, int *w)
{
	int half = COLS / 2, avail;

	switch (d->col) {
	case FC_RIGHT:
		*x = half + 1 + LABEL_W;
		avail = COLS - *x - 1;
		break;
	case FC_FULL:
		*x = 1 + LABEL_W;
		avail = COLS - *x - 1;
		break;
	default:
		*x = 1 + LABEL_W;
		avail = half - *x - 1;
		break;
	}
	/* one column more than the longest value, so that the cursor can
	 * stand after the last character of a full field */
	*w = d->width > 0 && d->width + 1 < avail ? d->width + 1 : avail;
}

/* The columns a multi-line field wraps at: its width less the column of
 * the scroll marks. */
static int wrap_width(const struct ffield *f)
{
	return f->w > 3 ? f->w - 1 : 2;
}

/* Every layout of any form gets a number.  Forms share stdscr's cells, so
 * when another form was laid out over this one (a nested screen), this one
 * is laid out again from its kept values before it is used. */
static unsigned layouts;

void uform_layout(struct uform *uf, int top)
{
	size_t i;
	int height = LINES - 2 - top;

	teardown(uf);
	uf->layout_no = ++layouts;
	uf->top = top;
	uf->win = derwin(stdscr, height, COLS, top, 0);
	keypad(uf->win, TRUE);
	for (i = 0; i < uf->n; i++) {
		struct ffield *f = &uf->ff[i];
		const struct fdef *d = f->def;
		int h = d->type == FF_MULTI ? (d->height > 0 ? d->height : 3) : 1;
		if (d->type == FF_HEADER)
			continue;
		geometry(d, &f->x, &f->w);
		if (d->row + h > height)
			h = height - d->row > 0 ? height - d->row : 1;
		f->y = d->row;
		f->h = h;
		f->shown = d->row < height;
	}
}

void uform_place_cursor(struct uform *uf)
{
	struct ffield *f;
	int row = 0, col = 0;

	if (uf->cur < 0 || !uf->win)
		return;
	f = &uf->ff[uf->cur];
	if (is_text(f)) {
		if (f->def->type == FF_MULTI) {
			textedit_scroll(&f->te, wrap_width(f), f->h);
			textedit_cursor(&f->te, wrap_width(f), &row, &col);
			row -= (int)f->te.top;
		} else {
			textedit_scroll(&f->te, f->w, 1);
			textedit_cursor(&f->te, f->w, &row, &col);
			row = 0;
		}
	}
	if (col >= f->w)
		col = f->w - 1;
	wmove(uf->win, f->y + row, f->x + col);
	/* stdscr's cursor too: the panel library refreshes stdscr last */
	wcursyncup(uf->win);
	wnoutrefresh(uf->win);
}

WINDOW *uform_window(struct uform *uf)
{
	return uf->win;
}

static void draw_labels(struct uform *uf)
{
	size_t i;
	int half = COLS / 2;

	for (i = 0; i < uf->n; i++) {
		struct ffield *f = &uf->ff[i];
		const struct fdef *d = f->def;
		int x = d->col == FC_RIGHT ? half + 1 : 1;
		char label[200];
		if (d->type == FF_HEADER) {
			wattrset(uf->win, ui_attr(R_HEADER));
			wmove(uf->win, d->row, 0);
			whline(uf->win, ACS_HLINE, COLS);
			snprintf(label, sizeof(label), " %s ", _(d->label));
			ui_put(uf->win, d->row, 2, label, COLS - 4, false);
			wattrset(uf->win, A_NORMAL);
			continue;
		}
		if (!f->shown)
			continue;
		/* the text markers work on monochrome terminals: * required,
		 * ! wrong */
		snprintf(label, sizeof(label), "%s%s", _(d->label),
			 f->invalid ? "!" : d->required ? "*" : "");
		wattrset(uf->win, f->invalid ? ui_attr(R_ERROR) : ui_attr(R_LABEL));
		ui_put(uf->win, d->row, x, label, LABEL_W - 1, true);
		wattrset(uf->win, A_NORMAL);
	}
}

/* Characters a..b of f's text on one row from column x, at most w. */
static void put_chars(WINDOW *win, const struct ffield *f, int y, int x, size_t a, size_t b,
		      int w)
{
	int col = 0;

	for (; a < b; a++) {
		uint32_t c = f->te.s[a];
		int cw = textedit_char_width(c);
		char u[8];
		if (c == '\n')
			break;
		if (col + cw > w)
			break;
		if (f->def->type == FF_PASSWORD)
			c = '*';
		u[utf8_put(u, c)] = '\0';
		mvwaddstr(win, y, x + col, u);
		col += cw;
	}
}

static void draw_field(struct uform *uf, struct ffield *f, bool active)
{
	WINDOW *win = uf->win;
	attr_t a = f->invalid ? ui_attr(R_FIELD_INVALID) :
		   active ? ui_attr(R_FIELD_ACTIVE) : ui_attr(R_FIELD);
	int r;

	if (f->def->type == FF_READONLY)
		a = ui_attr(R_NORMAL);
	if (active && !f->invalid)
		a |= A_UNDERLINE;
	wattrset(win, a);
	for (r = 0; r < f->h; r++) {
		wmove(win, f->y + r, f->x);
		whline(win, ' ', f->w);
	}
	if (f->def->type == FF_MULTI) {
		size_t *starts, *ends, n, i;
		int ww = wrap_width(f);
		textedit_scroll(&f->te, ww, f->h);
		n = textedit_rows(&f->te, ww, &starts, &ends);
		for (i = f->te.top; i < n && i < f->te.top + (size_t)f->h; i++)
			put_chars(win, f, f->y + (int)(i - f->te.top), f->x, starts[i], ends[i], ww);
		/* more above or below: a mark in the last column */
		if (f->te.top > 0)
			mvwaddch(win, f->y, f->x + f->w - 1, '^');
		if (f->te.top + (size_t)f->h < n)
			mvwaddch(win, f->y + f->h - 1, f->x + f->w - 1, 'v');
		free(starts);
		free(ends);
	} else if (is_text(f)) {
		size_t *starts, *ends;
		/* a field left shows its start; the one typed in, its cursor */
		if (!active) {
			f->te.cur = 0;
			f->te.first = 0;
		}
		textedit_scroll(&f->te, f->w, 1);
		textedit_rows(&f->te, f->w, &starts, &ends);
		put_chars(win, f, f->y, f->x, f->te.first, f->te.len, f->w - 1);
		/* text beyond the edges: a mark at either end */
		if (f->te.first > 0)
			mvwaddch(win, f->y, f->x, '<');
		{
			int shown = 0;
			size_t k;
			for (k = f->te.first; k < f->te.len; k++)
				shown += textedit_char_width(f->te.s[k]);
			if (shown > f->w - 1)
				mvwaddch(win, f->y, f->x + f->w - 1, '>');
		}
		free(starts);
		free(ends);
	} else {
		ui_put(win, f->y, f->x, f->display, f->w, false);
	}
	wattrset(win, A_NORMAL);
	/* how much a long text still takes, under the label of the active one */
	if (f->def->type == FF_MULTI && f->h >= 2) {
		char room[64] = "";
		int lx = f->def->col == FC_RIGHT ? COLS / 2 + 1 : 1;
		if (active)
			snprintf(room, sizeof(room), _("%zu free"), textedit_room(&f->te));
		wattrset(win, ui_attr(R_NORMAL));
		wmove(win, f->y + 1, lx);
		whline(win, ' ', LABEL_W - 1);
		ui_put(win, f->y + 1, lx, room, LABEL_W - 1, true);
		wattrset(win, A_NORMAL);
	}
}

static void enter_field(struct uform *uf, int i);

void uform_draw(struct uform *uf)
{
	size_t i;

	if (!uf->win)
		return;
	/* the field the form opens in is entered like any other (a date
	 * there is typed over too) */
	if (!uf->entered && uf->cur >= 0) {
		enter_field(uf, uf->cur);
		uf->entered = true;
	}
	for (i = 0; i < uf->n; i++)
		if (uf->ff[i].shown && uf->ff[i].def->type != FF_HEADER)
			draw_field(uf, &uf->ff[i], (int)i == uf->cur);
	draw_labels(uf);
	if (uf->cur >= 0)
		curs_set(uf->ff[uf->cur].def->type == FF_READONLY ? 0 : 1);
	uform_place_cursor(uf);
}

void uform_set(struct uform *uf, int id, const char *value)
{
	struct ffield *f = find(uf, id);
	size_t i;

	if (!f)
		return;
	free(f->value);
	f->value = xstrdup(value ? value : "");
	if (f->def->type == FF_CHOICE) {
		free(f->display);
		f->display = xstrdup("");
		for (i = 0; i < f->nopts; i++)
			if (!strcmp(f->opts[i].value, f->value)) {
				free(f->display);
				f->display = xstrdup(f->opts[i].label);
			}
	} else if (f->def->type == FF_READONLY) {
		free(f->display);
		f->display = xstrdup(f->value);
	} else if (is_text(f)) {
		textedit_set(&f->te, f->value);
		sync_field(f);
	}
}

const char *uform_get(struct uform *uf, int id)
{
	struct ffield *f = find(uf, id);

	if (!f)
		return "";
	if (is_text(f))
		sync_field(f);
	return f->value;
}

void uform_set_options(struct uform *uf, int id, const struct fopt *opts, size_t n)
{
	struct ffield *f = find(uf, id);
	char *keep;

	if (!f)
		return;
	free(f->opts);
	f->opts = xcalloc(n ? n : 1, sizeof(*opts));
	memcpy(f->opts, opts, n * sizeof(*opts));
	f->nopts = n;
	keep = xstrdup(f->value);
	uform_set(uf, id, *keep || !n ? keep : f->opts[0].value);
	free(keep);
}

void uform_set_code_options(struct uform *uf, int id, const void *table,
			    bool allow_empty)
{
	const struct code_table *t = table;
	struct fopt *o = xcalloc(t->count + 1, sizeof(*o));
	size_t i, n = 0;

	if (allow_empty)
		n++; /* value "" label "" */
	for (i = 0; i < t->count; i++, n++) {
		str_copy(o[n].value, sizeof(o[n].value), t->items[i].code);
		str_copy(o[n].label, sizeof(o[n].label), _(t->items[i].label));
	}
	uform_set_options(uf, id, o, n);
	free(o);
}

void uform_set_link(struct uform *uf, int id, int64_t value, const char *label)
{
	struct ffield *f = find(uf, id);

	if (!f)
		return;
	free(f->value);
	f->value = value > 0 ? xasprintf("%lld", (long long)value) : xstrdup("");
	free(f->display);
	f->display = xstrdup(value > 0 && label ? label : "");
	uf->dirty = true;
}

int64_t uform_get_id(struct uform *uf, int id)
{
	const char *v = uform_get(uf, id);
	return v && *v ? strtoll(v, NULL, 10) : 0;
}

void uform_mark_invalid(struct uform *uf, int id, bool invalid)
{
	struct ffield *f = find(uf, id);
	if (f)
		f->invalid = invalid;
}

void uform_clear_marks(struct uform *uf)
{
	size_t i;
	for (i = 0; i < uf->n; i++)
		uf->ff[i].invalid = false;
}

/* Entering a field: the cursor at the end of its text; a date already
 * filled in is typed over (a move first keeps it). */
static void enter_field(struct uform *uf, int i)
{
	struct ffield *f = &uf->ff[i];

	uf->cur = i;
	if (is_text(f) && f->def->type != FF_MULTI) {
		f->te.cur = f->te.len;
		f->te.replace = is_date(f->def) && f->te.len > 0;
	}
}

void uform_focus(struct uform *uf, int id)
{
	size_t i;

	for (i = 0; i < uf->n; i++)
		if (uf->ff[i].def->id == id && uf->ff[i].def->type != FF_HEADER)
			enter_field(uf, (int)i);
}

int uform_current_id(struct uform *uf)
{
	return uf->cur >= 0 ? uf->ff[uf->cur].def->id : -1;
}

enum ff_type uform_current_type(struct uform *uf)
{
	return uf->cur >= 0 ? uf->ff[uf->cur].def->type : FF_HEADER;
}

/* The next (dir 1) or previous (-1) field shown, round the form. */
static void move_field(struct uform *uf, int dir)
{
	int n = (int)uf->n, i = uf->cur, k;

	for (k = 0; k < n; k++) {
		i = (i + dir + n) % n;
		if (uf->ff[i].def->type != FF_HEADER && uf->ff[i].shown) {
			enter_field(uf, i);
			return;
		}
	}
}

/* After the cursor moved to another field: check the one left. */
static void after_move(struct app *app, struct uform *uf, int before)
{
	if (before >= 0 && before != uf->cur) {
		struct ffield *f = &uf->ff[before];
		sync_field(f);
		/* a date typed the Polish way is shown as it is stored */
		if (is_date(f->def)) {
			char *shown = textedit_text(&f->te);
			if (strcmp(shown, f->value))
				textedit_set(&f->te, f->value);
			free(shown);
		}
		if (uf->check) {
			const char *msg = uf->check(uf->ctx, f->def->id, f->value);
			f->invalid = msg != NULL;
			if (msg)
				ui_status(app, true, "%s", msg);
			else if (app->status_error)
				ui_status_clear(app);
		}
		if (uf->left && !f->invalid)
			uf->left(uf, f->def->id);
	}
}

static void cycle(struct uform *uf, struct ffield *f, int dir)
{
	size_t i;
	int at = -1;

	if (!f->nopts)
		return;
	for (i = 0; i < f->nopts; i++)
		if (!strcmp(f->opts[i].value, f->value))
			at = (int)i;
	at = (at + dir + (int)f->nopts) % (int)f->nopts;
	uform_set(uf, f->def->id, f->opts[at].value);
	uf->dirty = true;
}

bool uform_pick(struct app *app, struct uform *uf)
{
	struct ffield *f;
	const char **labels;
	size_t i;
	int at = -1, chosen;

	if (uf->cur < 0)
		return false;
	f = &uf->ff[uf->cur];
	if (f->def->type != FF_CHOICE || !f->nopts)
		return false;
	labels = xcalloc(f->nopts, sizeof(char *));
	for (i = 0; i < f->nopts; i++) {
		const char *l = f->opts[i].label[0] ? f->opts[i].label : _("(none)");
		labels[i] = f->opts[i].note[0] ? xasprintf("%s · %s", l, f->opts[i].note) :
						 xstrdup(l);
		if (!strcmp(f->opts[i].value, f->value))
			at = (int)i;
	}
	if (!f->value[0])
		for (i = 0; i < f->nopts; i++)
			if (f->opts[i].suggested)
				at = (int)i;
	chosen = ui_choose(app, _(f->def->label), (const char *const *)labels, f->nopts, at);
	for (i = 0; i < f->nopts; i++)
		free((char *)labels[i]);
	free(labels);
	if (chosen >= 0 && strcmp(f->opts[chosen].value, f->value)) {
		uform_set(uf, f->def->id, f->opts[chosen].value);
		uf->dirty = true;
	}
	return true;
}

/* A character typed into a text field: refused, with the reason, when
 * the field does not take it or it does not fit. */
static void type_char(struct app *app, struct uform *uf, struct ffield *f, wint_t ch)
{
	if (f->def->accept && !app->pasting &&
	    (ch > 127 || !strchr(f->def->accept, (int)ch)) &&
	    !(is_date(f->def) && ch == '.')) {
		beep();
		return;
	}
	if (!textedit_insert(&f->te, (uint32_t)ch)) {
		int max = field_max(f->def);
		beep();
		ui_status(app, true, P_("%s: full, at most %d byte (a Polish letter takes 2); "
					"nothing was cut",
					"%s: full, at most %d bytes (a Polish letter takes 2); "
					"nothing was cut", max), _(f->def->label), max);
		return;
	}
	edited(uf);
	f->invalid = false;
	/* a one-line field near its end says how much room is left (a long
	 * text shows it under its label all the time) */
	if (f->def->type != FF_MULTI && textedit_room(&f->te) < 10 && f->te.max_bytes >= 20)
		ui_status(app, false, P_("%s: %zu byte left", "%s: %zu bytes left",
					 (unsigned long)textedit_room(&f->te)),
			  _(f->def->label), textedit_room(&f->te));
}

/* The end of a paste: its text at the cursor if all of it fits, else
 * nothing of it, with how much would have been too much. */
static void paste_end(struct app *app, struct uform *uf, struct ffield *f)
{
	const char *p;
	size_t need = uf->paste.len;

	if (!need)
		return;
	if (!is_text(f)) {
		ui_status(app, true, _("%s: text cannot be pasted here"), _(f->def->label));
	} else if (f->te.replace ? need > f->te.max_bytes : need > textedit_room(&f->te)) {
		beep();
		ui_status(app, true, _("%s: the pasted text (%zu bytes) does not fit, %zu free; "
				       "nothing was pasted"), _(f->def->label), need,
			  f->te.replace ? f->te.max_bytes : textedit_room(&f->te));
	} else {
		for (p = uf->paste.buf; *p;)
			textedit_insert(&f->te, utf8_next(&p));
		edited(uf);
		f->invalid = false;
	}
	uf->paste.len = 0;
	if (uf->paste.buf)
		uf->paste.buf[0] = '\0';
}

enum uform_result uform_key(struct app *app, struct uform *uf, int type, wint_t ch)
{
	struct ffield *f;
	int before = uf->cur;
	bool multi, editable;

	if (uf->cur < 0)
		return UF_UNHANDLED;
	f = &uf->ff[uf->cur];
	multi = f->def->type == FF_MULTI;
	editable = is_text(f);

	/* pasted text is text: a line break and a tab are typed, not keys;
	 * it goes in whole when the paste ends, or not at all */
	if (app->pasting && type == OK) {
		if (ch == '\r' || ch == '\n')
			ch = multi ? '\n' : ' ';
		else if (ch == '\t')
			ch = ' ';
		if (editable && (ch >= 32 || ch == '\n')) {
			char u[8];
			u[utf8_put(u, (uint32_t)ch)] = '\0';
			sb_add(&uf->paste, u);
		}
		return UF_HANDLED;
	}
	if (type == KEY_CODE_YES && ch == KEY_PASTE_END) {
		paste_end(app, uf, f);
		return UF_HANDLED;
	}
	if (type == KEY_CODE_YES) {
		switch (ch) {
		case KEY_DOWN:
			if (!multi || !textedit_down(&f->te, wrap_width(f)))
				move_field(uf, 1);
			break;
		case KEY_UP:
			if (!multi || !textedit_up(&f->te, wrap_width(f)))
				move_field(uf, -1);
			break;
		case KEY_NPAGE:
		case KEY_PPAGE:
			if (multi) {
				int k;
				for (k = 0; k < f->h; k++)
					(ch == KEY_NPAGE ? textedit_down : textedit_up)(&f->te,
											wrap_width(f));
			}
			break;
		case KEY_BTAB:
			move_field(uf, -1);
			break;
		case KEY_ENTER:
			if (multi)
				type_char(app, uf, f, '\n');
			else
				move_field(uf, 1);
			break;
		case KEY_LEFT:
			if (f->def->type == FF_CHOICE)
				cycle(uf, f, -1);
			else if (editable)
				textedit_left(&f->te);
			break;
		case KEY_RIGHT:
			if (f->def->type == FF_CHOICE)
				cycle(uf, f, 1);
			else if (editable)
				textedit_right(&f->te);
			break;
		case KEY_HOME:
			if (editable)
				textedit_home(&f->te, multi ? wrap_width(f) : f->w);
			break;
		case KEY_END:
			if (editable)
				textedit_end(&f->te, multi ? wrap_width(f) : f->w);
			break;
		case KEY_BACKSPACE:
			if (editable && textedit_backspace(&f->te))
				edited(uf);
			break;
		case KEY_DC:
			if (editable && textedit_delete(&f->te))
				edited(uf);
			break;
		default:
			return UF_UNHANDLED;
		}
		after_move(app, uf, before);
		return UF_HANDLED;
	}
	if (ch == '\t') {
		move_field(uf, 1);
		after_move(app, uf, before);
		return UF_HANDLED;
	}
	if (ch == '\r' || ch == '\n') {
		if (multi)
			type_char(app, uf, f, '\n');
		else
			move_field(uf, 1);
		after_move(app, uf, before);
		return UF_HANDLED;
	}
	if (ch == 127 || ch == 8) {
		if (editable && textedit_backspace(&f->te))
			edited(uf);
		return UF_HANDLED;
	}
	if (ch >= 32 && f->def->type == FF_CHOICE) {
		/* typing never changes a choice (F4's list finds by letters) */
		beep();
		ui_status(app, true, _("%s: a choice; change it with ←/→ or choose from the list "
				       "with F4"), _(f->def->label));
		return UF_HANDLED;
	}
	if (ch >= 32 && editable) {
		type_char(app, uf, f, ch);
		return UF_HANDLED;
	}
	if (ch >= 32) {
		/* a chosen record or a read-only value: typing changes nothing */
		beep();
		return UF_HANDLED;
	}
	return UF_UNHANDLED;
}

#define AUTOSAVE_SECONDS 3

static void draft_key(const struct form_screen *fs, int id, char *out, size_t size)
{
	snprintf(out, size, "%s:%d", fs->draft_prefix, id);
}

/* Saves the long texts of the form as drafts. */
static void autosave(struct app *app, struct form_screen *fs)
{
	size_t i;
	char key[96];

	for (i = 0; i < fs->uf->n; i++) {
		const struct fdef *d = fs->uf->ff[i].def;
		if (d->type != FF_MULTI)
			continue;
		draft_key(fs, d->id, key, sizeof(key));
		draft_save(app->db, app->me.user_id, key, fs->uf->ff[i].value);
	}
	fs->last_autosave = time(NULL);
	fs->unsaved_typing = false;
}

/* The idle hook: a pause in typing saves what was typed. */
static void autosave_idle(struct app *app, void *ctx)
{
	struct form_screen *fs = ctx;

	/* at once when the desk must end (the terminal went away) */
	if (fs->unsaved_typing && (app->ending || time(NULL) - fs->last_autosave >= 1))
		autosave(app, fs);
}

bool form_screen_restore(struct app *app, struct form_screen *fs)
{
	size_t i;
	char key[96], at[24] = "";
	bool any = false;

	if (!fs->draft_prefix[0])
		return false;
	for (i = 0; i < fs->uf->n; i++) {
		const struct fdef *d = fs->uf->ff[i].def;
		char *text;
		if (d->type != FF_MULTI)
			continue;
		draft_key(fs, d->id, key, sizeof(key));
		text = draft_get(app->db, app->me.user_id, key, at);
		if (text && strcmp(text, fs->uf->ff[i].value)) {
			uform_set(fs->uf, d->id, text);
			any = true;
		}
		free(text);
	}
	if (any) {
		fs->uf->dirty = true;
		ui_status(app, false, _("Restored the text you had not saved (kept at %s)."), at);
	}
	return any;
}

void form_screen_saved(struct app *app, struct form_screen *fs)
{
	if (fs->draft_prefix[0])
		draft_clear_prefix(app->db, app->me.user_id, fs->draft_prefix);
	fs->unsaved_typing = false;
}

enum action form_screen_turn(struct app *app, struct form_screen *fs)
{
	struct uform *uf = fs->uf;
	enum action a;
	wint_t ch;
	int r;

	app->screen_title = fs->title;
	app->context = fs->ctx;
	if (fs->gen != app->resize_gen || uf->layout_no != layouts) {
		fs->gen = app->resize_gen;
		werase(stdscr);
		uform_layout(uf, fs->top);
	}
	/* while a paste streams in, its keys are read on without drawing */
	if (!app->pasting) {
		ui_frame(app);
		wnoutrefresh(stdscr);
		uform_draw(uf);
		if (fs->extras)
			fs->extras(app, fs);
		uform_place_cursor(uf);
	}
	if (fs->draft_prefix[0]) {
		app->idle = autosave_idle;
		app->idle_ctx = fs;
	}
	r = ui_getkey(app, uform_window(uf), &ch);
	app->idle = NULL;
	app->idle_ctx = NULL;
	if (r == KEY_CODE_YES && ch == KEY_RESIZE)
		return A_NONE;
	if (app->pasting || (r == KEY_CODE_YES && ch == KEY_PASTE_END)) {
		uform_key(app, uf, r, ch);
		if (fs->draft_prefix[0] && uf->dirty)
			fs->unsaved_typing = true;
		return A_NONE;
	}
	a = keys_action(fs->ctx, r, ch);
	if (fs->enter_saves_on && uform_current_id(uf) == fs->enter_saves_on &&
	    ((r == OK && (ch == '\r' || ch == '\n')) || (r == KEY_CODE_YES && ch == KEY_ENTER)))
		return A_SAVE;
	switch (a) {
	case A_BACK:
		if (!uf->dirty)
			return A_BACK;
		if (ui_confirm(app, _("Leave without saving what you typed?"))) {
			/* the user dropped the text: its autosaved copy goes too */
			form_screen_saved(app, fs);
			return A_BACK;
		}
		return A_NONE;
	case A_CLEAR:
		if (uform_current_type(uf) == FF_LINK)
			uform_set_link(uf, uform_current_id(uf), 0, NULL);
		else
			uform_key(app, uf, r, ch);
		return A_NONE;
	case A_PICK:
		return uform_pick(app, uf) ? A_NONE : A_PICK;
	case A_NONE:
	case A_OPEN:
		uform_key(app, uf, r, ch);
		if (fs->draft_prefix[0] && uf->dirty) {
			fs->unsaved_typing = true;
			if (time(NULL) - fs->last_autosave >= AUTOSAVE_SECONDS)
				autosave(app, fs);
		}
		return A_NONE;
	default:
		return a;
	}
}

void form_screen_init(struct form_screen *fs, struct app *app, const struct fdef *defs,
		      size_t n, const char *title, keyctx ctx,
		      void (*extras)(struct app *, struct form_screen *), void *data)
{
	memset(fs, 0, sizeof(*fs));
	fs->uf = uform_new(defs, n);
	fs->title = title;
	fs->ctx = ctx;
	fs->top = 1;
	fs->gen = app->resize_gen - 1;   /* lays out on the first turn */
	fs->extras = extras;
	fs->data = data;
}

void uform_set_number(struct uform *uf, int id, double v)
{
	char buf[32];

	buf[0] = '\0';
	if (v >= 0)
		number_text(v, buf, sizeof(buf));   /* never an exponent */
	uform_set(uf, id, buf);
}

double uform_get_number(struct uform *uf, int id)
{
	char buf[32];

	str_copy(buf, sizeof(buf), uform_get(uf, id));
	if (!buf[0])
		return -1;
	if (strchr(buf, ','))
		*strchr(buf, ',') = '.';
	return strtod(buf, NULL);
}

void form_show_error(struct app *app, struct uform *uf, const struct fielderr *e,
		     int rc)
{
	uform_clear_marks(uf);
	if (e->msg[0]) {
		ui_status(app, true, "%s", e->msg);
		if (e->field >= 0 && uform_has(uf, e->field)) {
			uform_mark_invalid(uf, e->field, true);
			uform_focus(uf, e->field);
		}
	} else if (rc != CD_EDB) {
		ui_status(app, true, "%s", cd_status_text(rc));
	} else {
		struct fielderr why;
		fielderr_set(&why, -1, "%s", _("the database refused the change; nothing was saved, "
					       "your text is still here"));
		ui_report(app, rc, &why, NULL);
	}
}

/* ---- records bound to forms ---- */

static void yes_no(struct uform *uf, int id)
{
	struct fopt o[2];

	memset(o, 0, sizeof(o));
	str_copy(o[0].value, sizeof(o[0].value), "0");
	str_copy(o[0].label, sizeof(o[0].label), _("no"));
	str_copy(o[1].value, sizeof(o[1].value), "1");
	str_copy(o[1].label, sizeof(o[1].label), _("yes"));
	uform_set_options(uf, id, o, 2);
}

static bool has_option(const struct ffield *f, const char *value)
{
	size_t i;

	for (i = 0; i < f->nopts; i++)
		if (!strcmp(f->opts[i].value, value))
			return true;
	return !f->nopts;
}

void uform_load(struct uform *uf, const void *rec)
{
	uform_load_part(uf, 0, rec);
}

int uform_store(struct uform *uf, void *rec, struct fielderr *e)
{
	return uform_store_part(uf, 0, rec, e);
}

void uform_load_part(struct uform *uf, int part, const void *rec)
{
	const char *base = rec;
	size_t i;

	for (i = 0; i < uf->n; i++) {
		const struct fdef *d = uf->ff[i].def;
		const void *m = base + d->offset;
		char buf[32] = "";
		if (d->part != part)
			continue;
		switch (d->bind) {
		case FB_NONE:
			continue;
		case FB_TEXT:
			if (d->type == FF_CHOICE && !has_option(&uf->ff[i], (const char *)m))
				continue;   /* an empty record keeps the first option */
			uform_set(uf, d->id, (const char *)m);
			continue;
		case FB_INT:
			if (*(const int *)m > 0)
				snprintf(buf, sizeof(buf), "%d", *(const int *)m);
			break;
		case FB_INT_OPT:
			if (*(const int *)m >= 0)
				snprintf(buf, sizeof(buf), "%d", *(const int *)m);
			break;
		case FB_INT_ZERO:
			snprintf(buf, sizeof(buf), "%d", *(const int *)m);
			break;
		case FB_NUMBER:
			if (*(const double *)m >= 0)
				number_text(*(const double *)m, buf, sizeof(buf));
			break;
		case FB_BOOL:
			if (!uf->ff[i].nopts)
				yes_no(uf, d->id);
			str_copy(buf, sizeof(buf), *(const bool *)m ? "1" : "0");
			break;
		case FB_ID:
			snprintf(buf, sizeof(buf), "%lld", (long long)*(const int64_t *)m);
			break;
		}
		if (d->type == FF_CHOICE && !has_option(&uf->ff[i], buf))
			continue;   /* none chosen yet: the choice keeps its first option */
		uform_set(uf, d->id, buf);
	}
	uf->dirty = false;
}

int uform_store_part(struct uform *uf, int part, void *rec, struct fielderr *e)
{
	char *base = rec;
	size_t i;

	fielderr_clear(e);
	/* first every check, so a refused text leaves rec as it was */
	for (i = 0; i < uf->n; i++) {
		const struct fdef *d = uf->ff[i].def;
		size_t len;
		if (d->bind != FB_TEXT || d->part != part)
			continue;
		if ((len = strlen(uform_get(uf, d->id))) > d->size - 1)
			return fielderr_set(e, d->id, _("%s: too long by %zu bytes (at most %zu; a "
							"Polish letter takes 2)"), _(d->label),
					    len - (d->size - 1), d->size - 1);
	}
	for (i = 0; i < uf->n; i++) {
		const struct fdef *d = uf->ff[i].def;
		void *m = base + d->offset;
		const char *v;
		if (d->bind == FB_NONE || d->part != part)
			continue;
		v = uform_get(uf, d->id);
		switch (d->bind) {
		case FB_NONE:
			break;
		case FB_TEXT:
			str_copy(m, d->size, v);
			break;
		case FB_INT:
		case FB_INT_ZERO:
			*(int *)m = atoi(v);
			break;
		case FB_INT_OPT:
			*(int *)m = v[0] ? atoi(v) : -1;
			break;
		case FB_NUMBER:
			*(double *)m = uform_get_number(uf, d->id);
			break;
		case FB_BOOL:
			*(bool *)m = !strcmp(v, "1");
			break;
		case FB_ID:
			*(int64_t *)m = v[0] ? strtoll(v, NULL, 10) : 0;
			break;
		}
	}
	return CD_OK;
}

/* ---- another desk's save ---- */

/* A bound member as text, the way the form shows it (choices by label). */
static void member_text(const struct ffield *f, const void *rec, char *out, size_t size)
{
	const struct fdef *d = f->def;
	const char *m = (const char *)rec + d->offset;
	char v[64] = "";
	size_t i;

	switch (d->bind) {
	case FB_NONE:
		out[0] = '\0';
		return;
	case FB_TEXT:
		str_copy(out, size, m);
		break;
	case FB_INT:
	case FB_INT_OPT:
	case FB_INT_ZERO:
		snprintf(out, size, "%d", *(const int *)(const void *)m);
		break;
	case FB_NUMBER:
		number_text(*(const double *)(const void *)m, out, size);
		break;
	case FB_BOOL:
		str_copy(out, size, *(const bool *)(const void *)m ? "1" : "0");
		break;
	case FB_ID:
		snprintf(out, size, "%lld", (long long)*(const int64_t *)(const void *)m);
		break;
	}
	if (d->type != FF_CHOICE)
		return;
	str_copy(v, sizeof(v), out);
	for (i = 0; i < f->nopts; i++)
		if (!strcmp(f->opts[i].value, v))
			str_copy(out, size, f->opts[i].label);
}

static bool same_member(const struct fdef *d, const void *a, const void *b)
{
	const char *x = (const char *)a + d->offset, *y = (const char *)b + d->offset;

	return d->bind == FB_TEXT ? !strcmp(x, y) : !memcmp(x, y, d->size);
}

static void describe(struct strbuf *sb, const struct ffield *f, const void *from, const void *to)
{
	char a[300], b[300];

	member_text(f, from, a, sizeof(a));
	member_text(f, to, b, sizeof(b));
	sb_addf(sb, "  %s: %s → %s\n", _(f->def->label), a[0] ? a : "—", b[0] ? b : "—");
}

enum conflict_choice form_conflict(struct app *app, struct uform *uf, int part, const void *base,
				   const void *theirs, void *mine, const char *more, const char *who,
				   const char *when)
{
	struct strbuf sb;
	bool any_theirs = false, any_mine = false;
	size_t i;
	wint_t k;

	sb_init(&sb);
	/* TRANSLATORS: who saved the record, and when */
	sb_addf(&sb, _("%s saved this record at %s, after you opened it. They changed:"),
		who[0] ? who : _("another user"), when[0] ? when : "?");
	sb_add(&sb, "\n");
	for (i = 0; i < uf->n; i++) {
		const struct fdef *d = uf->ff[i].def;
		if (d->bind == FB_NONE || d->part != part || same_member(d, base, theirs))
			continue;
		describe(&sb, &uf->ff[i], base, theirs);
		any_theirs = true;
	}
	if (more && *more) {
		sb_add(&sb, more);
		any_theirs = true;
	}
	if (!any_theirs)
		sb_addf(&sb, "  %s\n", _("(nothing this form shows)"));
	sb_addf(&sb, "%s\n", _("You changed:"));
	for (i = 0; i < uf->n; i++) {
		const struct fdef *d = uf->ff[i].def;
		if (d->bind == FB_NONE || d->part != part || same_member(d, base, mine))
			continue;
		describe(&sb, &uf->ff[i], base, mine);
		any_mine = true;
	}
	if (!any_mine)
		sb_addf(&sb, "  %s\n", _("(nothing)"));
	sb_addf(&sb, "\n%s", _("k: keep mine (write it over theirs)   t: take theirs   "
				"m: merge (their changes, and yours where they changed nothing)   "
				"Esc: back to the form"));
	k = ui_ask(app, _("Saved by someone else meanwhile"), sb.buf, "ktm");
	sb_release(&sb);
	if (k == 'k')
		return CONFLICT_KEEP_MINE;
	if (k == 't')
		return CONFLICT_TAKE_THEIRS;
	if (k != 'm')
		return CONFLICT_BACK;
	for (i = 0; i < uf->n; i++) {
		const struct fdef *d = uf->ff[i].def;
		char a[300], b[300];
		const char *labels[2];
		char *l0, *l1;
		int c;
		if (d->bind == FB_NONE || d->part != part || same_member(d, base, theirs))
			continue;
		if (same_member(d, base, mine)) {
			/* only they changed it: theirs */
			memcpy((char *)mine + d->offset, (const char *)theirs + d->offset, d->size);
			continue;
		}
		if (same_member(d, theirs, mine))
			continue;
		/* both changed it: the user says which */
		member_text(&uf->ff[i], mine, a, sizeof(a));
		member_text(&uf->ff[i], theirs, b, sizeof(b));
		l0 = xasprintf(_("mine: %s"), a[0] ? a : "—");
		l1 = xasprintf(_("theirs: %s"), b[0] ? b : "—");
		labels[0] = l0;
		labels[1] = l1;
		c = ui_choose(app, _(d->label), labels, 2, 0);
		free(l0);
		free(l1);
		if (c < 0)
			return CONFLICT_BACK;
		if (c == 1)
			memcpy((char *)mine + d->offset, (const char *)theirs + d->offset, d->size);
	}
	return CONFLICT_MERGED;
}

void uform_copy_bound(struct uform *uf, int part, const void *from, void *to)
{
	size_t i;

	for (i = 0; i < uf->n; i++) {
		const struct fdef *d = uf->ff[i].def;
		if (d->bind != FB_NONE && d->part == part)
			memcpy((char *)to + d->offset, (const char *)from + d->offset, d->size);
	}
}
