/* textedit.c - a form field's text and its editing; see textedit.h.  No
 * curses here (make layering checks it), so the unit tests run it. */
#include "textedit.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static size_t cp_bytes(uint32_t c)
{
	return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

int textedit_char_width(uint32_t c)
{
	int w;

	if (c < 0x80)
		return 1;
	w = wcwidth((wchar_t)c);
	/* a locale that cannot tell: one column, as most letters are */
	return w < 0 ? 1 : w;
}

void textedit_init(struct textedit *t, bool multi, size_t max_bytes)
{
	memset(t, 0, sizeof(*t));
	t->multi = multi;
	t->max_bytes = max_bytes;
	t->cap = 16;
	t->s = xcalloc(t->cap, sizeof(*t->s));
}

void textedit_free(struct textedit *t)
{
	free(t->s);
	memset(t, 0, sizeof(*t));
}

static void grow(struct textedit *t, size_t need)
{
	if (need <= t->cap)
		return;
	while (t->cap < need)
		t->cap *= 2;
	t->s = xrealloc(t->s, t->cap * sizeof(*t->s));
}

void textedit_clear(struct textedit *t)
{
	t->len = t->cur = t->bytes = 0;
	t->first = t->top = 0;
	t->replace = false;
}

void textedit_set(struct textedit *t, const char *utf8)
{
	const char *p = utf8 ? utf8 : "";

	textedit_clear(t);
	while (*p) {
		uint32_t c = utf8_next(&p);
		if (c == '\r')
			continue;
		if (c == '\n' && !t->multi)
			c = ' ';
		if (t->bytes + cp_bytes(c) > t->max_bytes)
			break;
		grow(t, t->len + 1);
		t->s[t->len++] = c;
		t->bytes += cp_bytes(c);
	}
	/* one line: ready to type on; several: read from the start */
	t->cur = t->multi ? 0 : t->len;
}

char *textedit_text(const struct textedit *t)
{
	char *out = xcalloc(t->bytes + 1, 1), *w = out;
	size_t i;

	for (i = 0; i < t->len; i++)
		w += utf8_put(w, t->s[i]);
	*w = '\0';
	return out;
}

size_t textedit_room(const struct textedit *t)
{
	return t->max_bytes > t->bytes ? t->max_bytes - t->bytes : 0;
}

bool textedit_insert(struct textedit *t, uint32_t c)
{
	if (c == '\n' && !t->multi)
		c = ' ';
	if (t->replace) {
		/* a pre-filled value is typed over, not typed into */
		if (cp_bytes(c) > t->max_bytes)
			return false;
		textedit_clear(t);
	}
	if (t->bytes + cp_bytes(c) > t->max_bytes)
		return false;
	grow(t, t->len + 1);
	memmove(t->s + t->cur + 1, t->s + t->cur, (t->len - t->cur) * sizeof(*t->s));
	t->s[t->cur++] = c;
	t->len++;
	t->bytes += cp_bytes(c);
	return true;
}

static void remove_at(struct textedit *t, size_t at)
{
	t->bytes -= cp_bytes(t->s[at]);
	memmove(t->s + at, t->s + at + 1, (t->len - at - 1) * sizeof(*t->s));
	t->len--;
}

bool textedit_backspace(struct textedit *t)
{
	t->replace = false;
	if (!t->cur)
		return false;
	remove_at(t, --t->cur);
	return true;
}

bool textedit_delete(struct textedit *t)
{
	t->replace = false;
	if (t->cur >= t->len)
		return false;
	remove_at(t, t->cur);
	return true;
}

void textedit_left(struct textedit *t)
{
	t->replace = false;
	if (t->cur)
		t->cur--;
}

void textedit_right(struct textedit *t)
{
	t->replace = false;
	if (t->cur < t->len)
		t->cur++;
}

size_t textedit_rows(const struct textedit *t, int width, size_t **starts, size_t **ends)
{
	size_t cap = 8, n = 0, i, start = 0, space = (size_t)-1;
	int col = 0;

	if (width < 2)
		width = 2;
	*starts = xcalloc(cap, sizeof(size_t));
	*ends = xcalloc(cap, sizeof(size_t));
#define ROW(a, b)                                                               \
	do {                                                                    \
		if (n == cap) {                                                 \
			cap *= 2;                                               \
			*starts = xrealloc(*starts, cap * sizeof(size_t));      \
			*ends = xrealloc(*ends, cap * sizeof(size_t));          \
		}                                                               \
		(*starts)[n] = (a);                                             \
		(*ends)[n] = (b);                                               \
		n++;                                                            \
	} while (0)
	if (!t->multi) {
		ROW(0, t->len);
		return n;
	}
	for (i = 0; i < t->len; i++) {
		uint32_t c = t->s[i];
		int cw;
		if (c == '\n') {
			ROW(start, i);
			start = i + 1;
			col = 0;
			space = (size_t)-1;
			continue;
		}
		cw = textedit_char_width(c);
		if (col + cw > width) {
			/* wrap: after the last space of the row, else here */
			size_t k, at = space != (size_t)-1 && space >= start ? space + 1 : i;
			if (at <= start)
				at = i;
			ROW(start, at);
			start = at;
			space = (size_t)-1;
			col = 0;
			for (k = start; k < i; k++)
				col += textedit_char_width(t->s[k]);
		}
		if (c == ' ')
			space = i;
		col += cw;
	}
	ROW(start, t->len);
#undef ROW
	return n;
}

/* The row holding index at: the last row starting at or before it. */
static size_t row_of(const size_t *starts, size_t n, size_t at)
{
	size_t r = 0;

	while (r + 1 < n && starts[r + 1] <= at)
		r++;
	return r;
}

static int width_between(const struct textedit *t, size_t a, size_t b)
{
	int w = 0;

	for (; a < b; a++)
		w += textedit_char_width(t->s[a]);
	return w;
}

void textedit_cursor(const struct textedit *t, int width, int *row, int *col)
{
	size_t *starts, *ends, n = textedit_rows(t, width, &starts, &ends);
	size_t r = row_of(starts, n, t->cur);

	*row = (int)r;
	*col = t->multi ? width_between(t, starts[r], t->cur) :
			  width_between(t, t->first, t->cur);
	free(starts);
	free(ends);
}

/* The last index the cursor may take on row r: its end, or before the
 * space (or character) a wrapped row hands to the next. */
static size_t row_last(const size_t *starts, const size_t *ends, size_t n, size_t r)
{
	if (r + 1 < n && ends[r] == starts[r + 1] && ends[r] > starts[r])
		return ends[r] - 1;
	return ends[r];
}

void textedit_home(struct textedit *t, int width)
{
	size_t *starts, *ends, n = textedit_rows(t, width, &starts, &ends);

	t->replace = false;
	t->cur = starts[row_of(starts, n, t->cur)];
	free(starts);
	free(ends);
}

void textedit_end(struct textedit *t, int width)
{
	size_t *starts, *ends, n = textedit_rows(t, width, &starts, &ends);

	t->replace = false;
	t->cur = row_last(starts, ends, n, row_of(starts, n, t->cur));
	free(starts);
	free(ends);
}

static bool vertical(struct textedit *t, int width, int dir)
{
	size_t *starts, *ends, n = textedit_rows(t, width, &starts, &ends);
	size_t r = row_of(starts, n, t->cur), to, last, i;
	int col = width_between(t, starts[r], t->cur), w = 0;
	bool moved = false;

	t->replace = false;
	if ((dir < 0 && r > 0) || (dir > 0 && r + 1 < n)) {
		to = dir < 0 ? r - 1 : r + 1;
		last = row_last(starts, ends, n, to);
		for (i = starts[to]; i < last; i++) {
			int cw = textedit_char_width(t->s[i]);
			if (w + cw > col)
				break;
			w += cw;
		}
		t->cur = i;
		moved = true;
	}
	free(starts);
	free(ends);
	return moved;
}

bool textedit_up(struct textedit *t, int width)
{
	return vertical(t, width, -1);
}

bool textedit_down(struct textedit *t, int width)
{
	return vertical(t, width, 1);
}

void textedit_scroll(struct textedit *t, int width, int height)
{
	if (!t->multi) {
		/* one line: width - 1 columns of text, the last for the cursor */
		int vis = width > 2 ? width - 1 : 1;
		if (t->first > t->len)
			t->first = t->len;
		if (t->cur < t->first)
			t->first = t->cur;
		while (t->first < t->cur && width_between(t, t->first, t->cur) > vis)
			t->first++;
		/* room at the right: show as much of the start as fits */
		while (t->first > 0 && width_between(t, t->first - 1, t->len) <= vis)
			t->first--;
		return;
	}
	{
		int row, col;
		textedit_cursor(t, width, &row, &col);
		if (height < 1)
			height = 1;
		if ((size_t)row < t->top)
			t->top = (size_t)row;
		if ((size_t)row >= t->top + (size_t)height)
			t->top = (size_t)row - (size_t)height + 1;
	}
}
