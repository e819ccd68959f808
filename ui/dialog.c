/* dialog.c - dialogs over the current screen: a question, a message, a
 * choice from a list, a line of text, a date. */
#include "app.h"
#include "text.h"
#include "validate.h"
#include "textedit.h"

#include <ncursesw/panel.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct dialog {
	WINDOW *win;
	PANEL *panel;
	int h, w;
};

static void dialog_open(struct dialog *d, int h, int w, const char *title)
{
	if (w > COLS - 2)
		w = COLS - 2;
	if (h > LINES - 2)
		h = LINES - 2;
	d->h = h;
	d->w = w;
	d->win = newwin(h, w, (LINES - h) / 2, (COLS - w) / 2);
	keypad(d->win, TRUE);
	d->panel = new_panel(d->win);
	wbkgd(d->win, ui_attr(R_DIALOG));
	werase(d->win);
	box(d->win, 0, 0);
	if (title) {
		wattron(d->win, A_BOLD);
		mvwaddstr(d->win, 0, 2, " ");
		ui_put(d->win, 0, 3, title, w - 6, false);
		waddstr(d->win, " ");
		wattroff(d->win, A_BOLD);
	}
}

static void dialog_close(struct dialog *d)
{
	del_panel(d->panel);
	delwin(d->win);
	touchwin(stdscr);
	wnoutrefresh(stdscr);
	update_panels();
	doupdate();
}

/* Word-wraps text into the dialog from row y; returns the next row. */
static int dialog_text(struct dialog *d, int y, const char *text)
{
	char *copy = xstrdup(text), *rest = copy, *line;
	int width = d->w - 4;

	/* strsep keeps empty lines (paragraph breaks) */
	while ((line = strsep(&rest, "\n")) && y < d->h - 1) {
		const char *p = line;
		if (!*p)
			y++;
		while (*p && y < d->h - 1) {
			/* take as many words as fit */
			const char *end = p, *last_break = NULL;
			char *chunk;
			for (;;) {
				const char *next = end;
				char *tmp;
				while (*next == ' ')
					next++;
				while (*next && *next != ' ')
					next++;
				tmp = xstrndup(p, (size_t)(next - p));
				if (ui_text_width(tmp) > width) {
					free(tmp);
					break;
				}
				free(tmp);
				last_break = next;
				end = next;
				if (!*next)
					break;
			}
			if (!last_break) /* one long word: cut it */
				last_break = p + strlen(p);
			chunk = xstrndup(p, (size_t)(last_break - p));
			ui_put(d->win, y++, 2, chunk, width, false);
			free(chunk);
			p = last_break;
			while (*p == ' ')
				p++;
		}
	}
	free(copy);
	return y;
}

static int text_lines(const char *text, int width)
{
	int lines = 0, w = 0;
	const char *p;

	/* a generous estimate: every line plus wrapped overflow */
	for (p = text; ; p++) {
		if (*p == '\n' || !*p) {
			lines += 1 + w / (width > 0 ? width : 1);
			w = 0;
			if (!*p)
				break;
		} else if (((unsigned char)*p & 0xC0) != 0x80) {
			w++;
		}
	}
	return lines;
}

wint_t ui_ask(struct app *app, const char *title, const char *text,
	      const char *allowed)
{
	struct dialog d;
	wint_t ch;
	int r;

	for (;;) {
		int w = COLS - 10 < 70 ? COLS - 10 : 70;
		dialog_open(&d, text_lines(text, w - 4) + 3, w, title);
		dialog_text(&d, 1, text);
		curs_set(0);
		r = ui_getkey(app, d.win, &ch);
		dialog_close(&d);
		if (r == KEY_CODE_YES && ch == KEY_RESIZE)
			continue;
		if (r == OK && ch == 27)
			return 0;
		if (r == OK && ch < 128) {
			wint_t lc = (ch >= 'A' && ch <= 'Z') ? ch + 32 : ch;
			if (strchr(allowed, (int)lc))
				return lc;
			/* Polish answers: t(ak)/n(ie) also accepted as y/n */
			if (lc == 'y' && strchr(allowed, 't'))
				return 't';
		}
		if (r == OK && (ch == '\r' || ch == '\n') && strchr(allowed, '\n'))
			return '\n';
	}
}

bool ui_confirm(struct app *app, const char *question)
{
	char *text = xasprintf("%s\n\n%s", question, _("[T] yes   [N] no"));
	wint_t r = ui_ask(app, _("Confirm"), text, "tn");
	free(text);
	return r == 't';
}

void ui_message(struct app *app, const char *title, const char *text)
{
	char *full = xasprintf("%s\n\n%s", text, _("Press Enter."));
	ui_ask(app, title, full, "\n ");
	free(full);
}

/* Drops the last UTF-8 character of the type-ahead text. */
static void choose_backspace(char *typed)
{
	size_t len = strlen(typed);

	while (len > 0 && ((unsigned char)typed[len - 1] & 0xC0) == 0x80)
		len--;
	if (len > 0)
		len--;
	typed[len] = '\0';
}

int ui_choose(struct app *app, const char *title, const char *const *labels,
	      size_t n, int current)
{
	struct dialog d;
	int sel = current >= 0 && (size_t)current < n ? current : 0, top = 0;
	char typed[64] = "";
	wint_t ch;

	if (!n)
		return -1;
	for (;;) {
		int w = 20, h, rows, i, r;
		size_t k;
		for (k = 0; k < n; k++)
			if (ui_text_width(labels[k]) + 6 > w)
				w = ui_text_width(labels[k]) + 6;
		if (w < ui_text_width(title) + 8)
			w = ui_text_width(title) + 8;
		h = (int)n + 2;
		dialog_open(&d, h, w, title);
		rows = d.h - 2;
		if (sel < top)
			top = sel;
		if (sel >= top + rows)
			top = sel - rows + 1;
		for (i = 0; i < rows && (size_t)(top + i) < n; i++) {
			wattrset(d.win, top + i == sel ? ui_attr(R_SELECTED) : ui_attr(R_DIALOG));
			ui_put(d.win, 1 + i, 1, top + i == sel ? "> " : "  ", 2, false);
			ui_put(d.win, 1 + i, 3, labels[top + i], d.w - 4, true);
		}
		wattrset(d.win, ui_attr(R_DIALOG));
		if (typed[0]) {
			char shown[96];
			snprintf(shown, sizeof(shown), " %s: %s ", _("find"), typed);
			ui_put(d.win, d.h - 1, 2, shown, d.w - 4, false);
		} else if ((size_t)rows < n)
			ui_put(d.win, d.h - 1, 2, _(" type to find "), d.w - 4, false);
		wattrset(d.win, A_NORMAL);
		curs_set(0);
		r = ui_getkey(app, d.win, &ch);
		dialog_close(&d);
		if (r == KEY_CODE_YES && ch == KEY_BACKSPACE) {
			choose_backspace(typed);
		} else if (r == KEY_CODE_YES) {
			typed[0] = '\0';
			if (!ui_list_move(ch, &sel, n, rows) && ch == KEY_ENTER)
				return sel;
		} else if (r == OK) {
			if (ch == '\r' || ch == '\n')
				return sel;
			if (ch == 27)
				return -1;
			if (ch == 127 || ch == 8) {
				choose_backspace(typed);
			} else if (ch >= 32) {
				char u[8];
				size_t ul = utf8_put(u, (uint32_t)ch), len = strlen(typed);
				if (len + ul < sizeof(typed)) {
					int at;
					memcpy(typed + len, u, ul);
					typed[len + ul] = '\0';
					/* one letter steps to the next match; more refine */
					at = ui_choose_find(labels, n,
							 typed[ul] ? sel : (sel + 1) % (int)n, typed);
					if (at >= 0)
						sel = at;
				}
			}
		}
	}
}

static bool prompt(struct app *app, const char *title, const char *label,
		   bool secret, bool prefill, char *out, size_t size);

/* A one-line text entry inside a dialog; secret shows stars. */
bool ui_prompt(struct app *app, const char *title, const char *label,
	       bool secret, char *out, size_t size)
{
	return prompt(app, title, label, secret, false, out, size);
}

/* The same, starting from the text already in out (e.g. a known value). */
bool ui_prompt_value(struct app *app, const char *title, const char *label,
		     char *out, size_t size)
{
	return prompt(app, title, label, false, true, out, size);
}

static bool prompt(struct app *app, const char *title, const char *label,
		   bool secret, bool prefill, char *out, size_t size)
{
	struct dialog d;
	struct textedit t;
	char note[200] = "", *first, *now;
	wint_t ch;
	int r;
	bool done = false, kept = false;

	/* holds what out holds (size - 1 bytes), never more, and shows it */
	textedit_init(&t, false, size - 1);
	if (prefill && out[0])
		textedit_set(&t, out);
	first = textedit_text(&t);
	while (!done) {
		int lw = ui_text_width(label), fx, fw, col = 0, row;
		size_t i;
		dialog_open(&d, 6, 64, title);
		ui_put(d.win, 2, 2, label, d.w - 4, false);
		fx = 3 + lw;
		fw = d.w - fx - 2;
		if (fw < 8) {
			/* a long label: the entry on the row below it */
			fx = 2;
			fw = d.w - 4;
		}
		row = fx == 2 ? 3 : 2;
		wattrset(d.win, ui_attr(R_FIELD_ACTIVE) | A_UNDERLINE);
		wmove(d.win, row, fx);
		for (i = 0; i < (size_t)fw; i++)
			waddch(d.win, ' ');
		textedit_scroll(&t, fw, 1);
		for (i = t.first; i < t.len; i++) {
			int cw = textedit_char_width(t.s[i]);
			char u[8];
			if (col + cw > fw - 1)
				break;
			u[utf8_put(u, secret ? '*' : t.s[i])] = '\0';
			mvwaddstr(d.win, row, fx + col, u);
			col += cw;
		}
		if (t.first > 0)
			mvwaddch(d.win, row, fx, '<');
		wattrset(d.win, A_NORMAL);
		if (note[0]) {
			wattrset(d.win, ui_attr(R_ERROR));
			ui_put(d.win, d.h - 2, 2, note, d.w - 4, false);
			wattrset(d.win, A_NORMAL);
		}
		textedit_cursor(&t, fw, &r, &col);
		wmove(d.win, row, fx + col);
		curs_set(1);
		r = ui_getkey(app, d.win, &ch);
		dialog_close(&d);
		note[0] = '\0';
		if (app->pasting && r == OK) {
			/* pasted: a line break or tab is a space, never Enter */
			if (ch == '\r' || ch == '\n' || ch == '\t')
				ch = ' ';
			if (ch >= 32 && !textedit_insert(&t, (uint32_t)ch))
				snprintf(note, sizeof(note), _("Full: at most %zu bytes; nothing was cut"),
					 size - 1);
			continue;
		}
		if (r == KEY_CODE_YES) {
			switch (ch) {
			case KEY_BACKSPACE: textedit_backspace(&t); break;
			case KEY_DC: textedit_delete(&t); break;
			case KEY_LEFT: textedit_left(&t); break;
			case KEY_RIGHT: textedit_right(&t); break;
			case KEY_HOME: textedit_home(&t, fw); break;
			case KEY_END: textedit_end(&t, fw); break;
			case KEY_ENTER: done = kept = true; break;
			default: break;
			}
			continue;
		}
		if (ch == 27) {
			/* Esc drops what was typed only when the user says so */
			now = textedit_text(&t);
			if (!strcmp(now, first) ||
			    ui_confirm(app, _("Drop what you typed here?")))
				done = true;
			free(now);
			continue;
		}
		if (ch == '\r' || ch == '\n')
			done = kept = true;
		else if (ch == 127 || ch == 8)
			textedit_backspace(&t);
		else if (ch >= 32 && ch != 127 && !textedit_insert(&t, (uint32_t)ch))
			snprintf(note, sizeof(note), _("Full: at most %zu bytes; nothing was cut"),
				 size - 1);
	}
	curs_set(0);
	if (kept) {
		now = textedit_text(&t);
		str_copy(out, size, now);     /* fits: the editor holds at most size - 1 */
		free(now);
	}
	free(first);
	textedit_free(&t);
	return kept;
}

/* A date typed in a prompt, Enter meaning today (or empty when empty_ok). */
bool ui_prompt_date(struct app *app, const char *title, const char *label, bool empty_ok,
		    char out[16])
{
	struct date today;

	out[0] = '\0';
	if (!ui_prompt(app, title, label, false, out, 16))
		return false;
	str_trim(out);
	if (!out[0] && !empty_ok) {
		date_today(&today);
		date_format(&today, out);
	}
	return true;
}

