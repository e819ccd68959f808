/* textlayout.h - pure text layout for the desk (textlayout.c): no curses,
 * unit-tested.  Widths are display columns of UTF-8 text (a Polish letter
 * is one column, a wide character two). */
#ifndef CUSDESK_TEXTLAYOUT_H
#define CUSDESK_TEXTLAYOUT_H

#include <stddef.h>

/* The display width of s (invalid bytes count one column each). */
int ui_text_width(const char *s);
/* Splits text into lines wrapped at width columns (at spaces when it
 * can; a word longer than the width is cut), keeping the line breaks;
 * free with ui_free_lines. */
char **ui_wrap_lines(const char *text, int width, size_t *n);
void ui_free_lines(char **lines, size_t n);

/* A long text with line breaks as a multi-line field of width columns
 * shows it: words wrapped at the width, each line break padded to the end
 * of its row so that it survives on screen.  Caller frees. */
char *text_multi_display(const char *text, int width);
/* The text back from such a field's buffer (rows of width columns): a row
 * whose blank end could have held the next row's first word ends with a
 * line break the user typed; otherwise the rows were wrapped.  Trailing
 * blanks go.  Caller frees.  text_multi_text(text_multi_display(t, w), w)
 * gives t back for any t without trailing blanks on its lines, except
 * (a known limit) a line break on a row whose rest is too short for the
 * next word: that one reads back as a wrap, a space. */
char *text_multi_text(const char *buf, int width);

/* Type-ahead in a list: the first label (from start, wrapping) whose
 * folded text (no diacritics, no case) begins with the folded typed text,
 * else the first that contains it; -1 if none. */
int ui_choose_find(const char *const *labels, size_t n, int start, const char *typed);

#endif
