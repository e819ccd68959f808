/* termkeys.c - the keys of every terminal, whatever TERM says.
 *
 * ncurses decodes the sequences its terminfo entry names.  The rest come
 * as Esc followed by the sequence's bytes: PuTTY's factory F1-F4
 * (ESC[11~ ... ESC[14~) and Home/End (ESC[1~, ESC[4~) under TERM=xterm,
 * its SCO mode (ESC[M ... ESC[X), the Linux console's F1-F5 (ESC[[A ...),
 * rxvt's Home/End (ESC[7~, ESC[8~) and its $ ^ @ modifiers, xterm's
 * modified keys (ESC[1;5F), VT100's SS3 keys and keypad.  Here they are
 * read whole after the Esc (ECMA-48: parameters, intermediates, a final
 * byte) and looked up in one table; a sequence not in it is dropped
 * whole, never typed and never taken for Esc.  Esc followed by a digit
 * (at once, or typed within ESC_DIGIT_MS) is F1-F10, as in Midnight
 * Commander; a lone Esc answers after that short wait. */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How long the bytes of one sequence may lag behind each other (ssh can
 * split a packet), and how long after a lone Esc a digit makes it F1-F10. */
#define SEQ_GAP_MS 40
#define ESC_DIGIT_MS 300

/* CSI n ~ (VT220, PuTTY's default, rxvt, screen/tmux, Linux console) and
 * rxvt's CSI n $ / n ^ / n @ (the same keys with a modifier). */
static const struct {
	int n;
	int key;
} tilde_keys[] = {
	{1, KEY_HOME}, {2, KEY_IC}, {3, KEY_DC}, {4, KEY_END}, {5, KEY_PPAGE}, {6, KEY_NPAGE},
	{7, KEY_HOME}, {8, KEY_END},
	{11, KEY_F(1)}, {12, KEY_F(2)}, {13, KEY_F(3)}, {14, KEY_F(4)}, {15, KEY_F(5)},
	{17, KEY_F(6)}, {18, KEY_F(7)}, {19, KEY_F(8)}, {20, KEY_F(9)}, {21, KEY_F(10)},
	{23, KEY_F(11)}, {24, KEY_F(12)},
};

/* The cursor keys' final byte, after CSI or SS3 alike (0: not one). */
static int cursor_key(char final)
{
	switch (final) {
	case 'A': return KEY_UP;
	case 'B': return KEY_DOWN;
	case 'C': return KEY_RIGHT;
	case 'D': return KEY_LEFT;
	case 'H': return KEY_HOME;
	case 'F': return KEY_END;
	default: return 0;
	}
}

/* The final byte of CSI [1;m]X (xterm, PuTTY, VT100 cursor keys) and, with
 * no parameters, of PuTTY's SCO mode (F1-F12 = M ... X, PgUp I, PgDn G,
 * Insert L). */
static int csi_letter(char final, bool params)
{
	static const char sco_f[] = "MNOPQRSTUVWX";
	const char *f;

	if (cursor_key(final))
		return cursor_key(final);
	if (final == 'Z')
		return KEY_BTAB;
	if (params) {
		/* xterm's modified F1-F4: CSI 1;2P ... */
		if (final >= 'P' && final <= 'S')
			return KEY_F(1 + final - 'P');
		return 0;
	}
	switch (final) {
	case 'I': return KEY_PPAGE;
	case 'G': return KEY_NPAGE;
	case 'L': return KEY_IC;
	default: break;
	}
	if ((f = strchr(sco_f, final)) && final)
		return KEY_F(1 + (int)(f - sco_f));
	return 0;
}

/* SS3 X: VT100 and xterm's application cursor keys, F1-F4 and the
 * keypad in application mode (which types its characters). */
static int ss3_key(char final, wint_t *typed)
{
	static const char keypad[] = "pqrstuvwxy";
	const char *k;

	*typed = 0;
	if (cursor_key(final))
		return cursor_key(final);
	switch (final) {
	case 'P': return KEY_F(1);
	case 'Q': return KEY_F(2);
	case 'R': return KEY_F(3);
	case 'S': return KEY_F(4);
	case 'M': *typed = '\r'; return 0;
	case 'j': *typed = '*'; return 0;
	case 'k': *typed = '+'; return 0;
	case 'l': *typed = ','; return 0;
	case 'm': *typed = '-'; return 0;
	case 'n': *typed = '.'; return 0;
	case 'o': *typed = '/'; return 0;
	default: break;
	}
	if (final && (k = strchr(keypad, final)))
		*typed = (wint_t)('0' + (k - keypad));
	return 0;
}

/* The next byte of a sequence, if it comes within SEQ_GAP_MS. */
static bool seq_byte(WINDOW *w, wint_t *ch)
{
	int r;

	wtimeout(w, SEQ_GAP_MS);
	r = wget_wch(w, ch);
	return r == OK;
}

/* What a whole sequence after Esc means: KEY_CODE_YES with *ch a KEY_*
 * code, OK with *ch a character (the keypad), or ERR: nothing (a
 * sequence not in the tables, read whole and dropped). */
static int decode_csi(WINDOW *w, wint_t *ch)
{
	char params[32];
	size_t np = 0;
	wint_t c;
	int n = 0, key;

	if (!seq_byte(w, &c))
		return ERR;
	/* the Linux console's F1-F5: ESC [ [ A ... E */
	if (c == '[') {
		if (seq_byte(w, &c) && c >= 'A' && c <= 'E') {
			*ch = (wint_t)KEY_F(1 + (int)(c - 'A'));
			return KEY_CODE_YES;
		}
		return ERR;
	}
	/* parameters 0x30-0x3F, intermediates 0x20-0x2F, then the final byte */
	while (c >= 0x30 && c <= 0x3F) {
		if (np + 1 < sizeof(params))
			params[np++] = (char)c;
		if (!seq_byte(w, &c))
			return ERR;
	}
	params[np] = '\0';
	while (c >= 0x20 && c <= 0x2F && c != '$') {
		if (!seq_byte(w, &c))
			return ERR;
	}
	n = atoi(params);
	if (c == '~' || c == '$' || c == '^' || c == '@') {
		size_t i;
		if (n == 200) {
			*ch = KEY_PASTE_BEGIN;
			return KEY_CODE_YES;
		}
		if (n == 201) {
			*ch = KEY_PASTE_END;
			return KEY_CODE_YES;
		}
		for (i = 0; i < ARRAY_SIZE(tilde_keys); i++)
			if (tilde_keys[i].n == n) {
				*ch = (wint_t)tilde_keys[i].key;
				return KEY_CODE_YES;
			}
		return ERR;
	}
	if (c < 0x40 || c > 0x7E)
		return ERR;
	/* CSI 1;5F (Ctrl-End): the modifier is dropped, the key stays */
	if ((key = csi_letter((char)c, np > 0))) {
		*ch = (wint_t)key;
		return KEY_CODE_YES;
	}
	return ERR;
}

static int decode_ss3(WINDOW *w, wint_t *ch)
{
	wint_t c, typed;
	int key;

	if (!seq_byte(w, &c))
		return ERR;
	/* some terminals put a modifier in: ESC O 5 P */
	while (c >= 0x30 && c <= 0x3F)
		if (!seq_byte(w, &c))
			return ERR;
	if (c > 0x7E)
		return ERR;
	key = ss3_key((char)c, &typed);
	if (key) {
		*ch = (wint_t)key;
		return KEY_CODE_YES;
	}
	if (typed) {
		*ch = typed;
		return OK;
	}
	return ERR;
}

/* Extended keys ncurses knows from terminfo (kLFT5, kEND5 ...: a modifier
 * with a cursor key) read as the plain key. */
static int plain_key(int code)
{
	static const struct {
		const char *prefix;
		int key;
	} names[] = {
		{"kLFT", KEY_LEFT}, {"kRIT", KEY_RIGHT}, {"kUP", KEY_UP}, {"kDN", KEY_DOWN},
		{"kHOM", KEY_HOME}, {"kEND", KEY_END}, {"kDC", KEY_DC}, {"kIC", KEY_IC},
		{"kNXT", KEY_NPAGE}, {"kPRV", KEY_PPAGE},
	};
	const char *name = keyname(code);
	size_t i;

	if (!name)
		return 0;
	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (!strncmp(name, names[i].prefix, strlen(names[i].prefix)))
			return names[i].key;
	return 0;
}

int termkeys_after_read(WINDOW *w, int r, wint_t *ch)
{
	wint_t c;
	int r2;

	if (r == KEY_CODE_YES && *ch > KEY_MAX && *ch != KEY_PASTE_BEGIN &&
	    *ch != KEY_PASTE_END) {
		int k = plain_key((int)*ch);
		if (!k)
			return ERR;           /* a key of no use here: dropped */
		*ch = (wint_t)k;
		return KEY_CODE_YES;
	}
	if (r != OK || *ch != 27)
		return r;
	/* Esc: a sequence follows at once, or a digit soon, or nothing */
	wtimeout(w, SEQ_GAP_MS);
	r2 = wget_wch(w, &c);
	if (r2 == ERR) {
		wtimeout(w, ESC_DIGIT_MS - SEQ_GAP_MS);
		r2 = wget_wch(w, &c);
		if (r2 == ERR)
			return OK;           /* a lone Esc */
		if (r2 == OK && c >= '0' && c <= '9') {
			*ch = (wint_t)KEY_F(c == '0' ? 10 : (int)(c - '0'));
			return KEY_CODE_YES;
		}
		/* another key after Esc: Esc now, that key next */
		if (r2 == KEY_CODE_YES)
			ungetch((int)c);
		else
			unget_wch((wchar_t)c);
		return OK;
	}
	if (r2 == KEY_CODE_YES) {
		/* Esc before a key ncurses decoded: Alt with that key */
		*ch = c;
		return termkeys_after_read(w, r2, ch);
	}
	if (c == '[')
		return decode_csi(w, ch);
	if (c == 'O')
		return decode_ss3(w, ch);
	if (c >= '0' && c <= '9') {
		*ch = (wint_t)KEY_F(c == '0' ? 10 : (int)(c - '0'));
		return KEY_CODE_YES;
	}
	if (c == 27)
		return OK;                   /* Esc Esc: Esc */
	/* Alt with a letter, or a sequence of no use: dropped whole */
	return ERR;
}

void termkeys_init(void)
{
	/* the keypad's digits in application mode (ESC O p ... ESC O y):
	 * terminfo names five of them as the corner keys KEY_A1 ... KEY_C3,
	 * which mean nothing here; read raw, they type their digits */
	static const int corners[] = {KEY_A1, KEY_A3, KEY_B2, KEY_C1, KEY_C3};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(corners); i++)
		keyok(corners[i], FALSE);
}

void termkeys_paste_mode(bool on)
{
	/* xterm's mode 2004; terminals without it ignore the request */
	fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
	fflush(stdout);
}
