#!/usr/bin/env python3
"""field.py CURSOR_X CURSOR_Y < capture-pane -e output: prints the label of
the form field the cursor is in.  Labels are drawn in their colour role
(SGR 36, cyan); the label of a field is the last label left of the cursor
on its row, or on a row above for the later rows of a multi-line field.
On a monochrome screen the label columns of the form are read instead."""
import re
import sys
import unicodedata

LABEL_FG = 36


def cells(line):
    """(column, char, is_label) for every character of a captured row"""
    out, col, fg = [], 0, 39
    for tok in re.split(r'(\x1b\[[0-9;]*m)', line):
        m = re.fullmatch(r'\x1b\[([0-9;]*)m', tok)
        if m:
            for p in (m.group(1) or '0').split(';'):
                p = int(p or 0)
                if p == 0 or p == 39:
                    fg = 39
                elif 30 <= p <= 37 or 90 <= p <= 97:
                    fg = p
            continue
        for ch in tok:
            out.append((col, ch, fg == LABEL_FG))
            col += 2 if unicodedata.east_asian_width(ch) in 'WF' else 1
    return out


def label_left_of(row, x):
    runs, cur = [], None
    for col, ch, is_label in row:
        if col >= x:
            break
        if is_label:
            if cur is None:
                cur = [col, '']
                runs.append(cur)
            cur[1] += ch
        else:
            cur = None
    runs = [r for r in runs if r[1].strip()]
    return runs[-1][1].strip().rstrip('*').strip() if runs else None


ROOM = re.compile(r'^(wolne: \d+|\d+ free)$')


def mono_label(rows, x, y):
    """Without colours (TERM=vt100) labels are plain text: the label
    columns of the form's left or right half (1-14, or 41-54 at 80
    columns), on the cursor's row or the rows above it."""
    start = 41 if x >= 56 else 1
    for yy in range(y, max(-1, y - 12), -1):
        if yy >= len(rows):
            continue
        plain = re.sub(r'\x1b\[[0-9;]*m', '', rows[yy])
        text = plain[start:start + 14].strip()
        if not text or ROOM.match(text) or plain.lstrip().startswith('─'):
            continue
        return text.rstrip('*!').strip()
    return ''


def main():
    x, y = int(sys.argv[1]), int(sys.argv[2])
    raw = sys.stdin.read()
    rows = raw.split('\n')
    if '\x1b[36m' not in raw and ';36m' not in raw and '[36;' not in raw:
        print(mono_label(rows, x, y))
        return
    for yy in range(y, max(-1, y - 12), -1):
        if yy >= len(rows):
            continue
        label = label_left_of(cells(rows[yy]), x)
        if label:
            print(label)
            return
    print('')


main()
