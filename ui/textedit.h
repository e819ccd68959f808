/* textedit.h - the text a form field holds and its editing (textedit.c):
 * no curses, unit-tested.  The field holds exactly what it shows: one
 * line scrolls sideways, several lines wrap at the field's width and
 * scroll up and down; a text never holds more than its declared maximum
 * (UTF-8 bytes, the domain's), a key that would pass it is refused.
 *
 * cusdesk's own editor replaces libform's fields, which blanked a field
 * on the first key after Home, kept text beyond what they showed, and
 * lost a character at every screenful of pasted text. */
#ifndef CUSDESK_TEXTEDIT_H
#define CUSDESK_TEXTEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct textedit {
	uint32_t *s;        /* the characters; '\n' breaks lines (multi only) */
	size_t len, cap;
	size_t cur;         /* the cursor, 0..len */
	size_t bytes;       /* the UTF-8 length of s */
	size_t max_bytes;   /* the most it may hold */
	bool multi;
	/* the next typed character replaces the whole text (a pre-filled
	 * date); any move keeps the text and ends this */
	bool replace;
	size_t first;       /* one line: the first character shown */
	size_t top;         /* several lines: the first row shown */
};

void textedit_init(struct textedit *t, bool multi, size_t max_bytes);
void textedit_free(struct textedit *t);
/* The whole text (UTF-8; a line break in a one-line field becomes a
 * space; cut at max_bytes only if the caller gives more, which the form
 * never does).  The cursor goes to the end of one line, to the start of
 * several (the text is read from its beginning). */
void textedit_set(struct textedit *t, const char *utf8);
/* The text as UTF-8 (allocated). */
char *textedit_text(const struct textedit *t);
/* How many more bytes fit. */
size_t textedit_room(const struct textedit *t);

/* Typing: false (and nothing changed) when c does not fit. */
bool textedit_insert(struct textedit *t, uint32_t c);
/* Backspace and Delete (Delete at a line's end joins the next line);
 * false when there was nothing to delete. */
bool textedit_backspace(struct textedit *t);
bool textedit_delete(struct textedit *t);
void textedit_clear(struct textedit *t);

void textedit_left(struct textedit *t);
void textedit_right(struct textedit *t);
/* Home and End: the start and end of the row the cursor is on (of the
 * text, for one line); width is the field's. */
void textedit_home(struct textedit *t, int width);
void textedit_end(struct textedit *t, int width);
/* Up and down a row (several lines); false at the first or last row. */
bool textedit_up(struct textedit *t, int width);
bool textedit_down(struct textedit *t, int width);

/* The rows of the text at width columns: (*starts)[i] is where row i
 * begins, (*ends)[i] where it ends (before its line break or wrap space
 * it keeps).  Words wrap at spaces when they can.  Returns the count
 * (at least 1); the caller frees both. */
size_t textedit_rows(const struct textedit *t, int width, size_t **starts, size_t **ends);
/* Where the cursor is shown: row and column at width. */
void textedit_cursor(const struct textedit *t, int width, int *row, int *col);
/* Scrolls so that the cursor shows: one line of width columns, or
 * height rows of width columns. */
void textedit_scroll(struct textedit *t, int width, int height);
/* The display width of one character (0 for combining marks). */
int textedit_char_width(uint32_t c);

#endif
