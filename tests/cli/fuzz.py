#!/usr/bin/env python3
"""fuzz.py BIN DB PERSON_ID - the command line fed random text: over-long,
invalid UTF-8, control characters (NUL cannot be in an argument).  Each
`request add --asked TEXT` must either be refused (exit non-zero, nothing
stored) or store exactly the text typed (a tab a space, CR LF a line
break, whitespace trimmed), never cut and never raw."""
import random, sqlite3, subprocess, sys

BIN, DB, PERSON = sys.argv[1], sys.argv[2], sys.argv[3]
LIMIT = 2047                       # request.asked, as `--asked` declares it
PL = [c.encode() for c in "ąćęłńóśźżŁŻ"]
rnd = random.Random(20261202)


def text(clean):
    n = rnd.randrange(40)
    if rnd.randrange(8) == 0:
        n = LIMIT + 1 + rnd.randrange(40)
    out = bytearray()
    while len(out) < n:
        r = rnd.randrange(73) if clean else rnd.randrange(100)
        if r < 40: out += bytes([rnd.randrange(97, 123)])
        elif r < 55: out += rnd.choice(PL)
        elif r < 62: out += b" "
        elif r < 66: out += b"\t"
        elif r < 70: out += b"\n"
        elif r < 73: out += b"\r\n"
        elif r < 80: out += bytes([rnd.randrange(1, 32)])
        elif r < 83: out += b"\x7f"
        elif r < 86: out += bytes([0xC2, 0x80 + rnd.randrange(32)])
        elif r < 93: out += bytes([0x80 + rnd.randrange(128)])
        else: out += bytes([rnd.randrange(65, 91)])
    return bytes(out)


def expected(b):
    """What must be stored, or None when it must be refused."""
    if len(b) > LIMIT:
        return None
    b = b.replace(b"\r\n", b"\n").replace(b"\t", b" ")
    try:
        s = b.decode("utf-8")
    except UnicodeDecodeError:
        return None
    for ch in s:
        cp = ord(ch)
        if ch != "\n" and (cp < 0x20 or cp == 0x7F or 0x80 <= cp < 0xA0):
            return None
    s = s.strip(" \t\n\v\f\r")
    return s if s else None        # an empty request is refused too


db = sqlite3.connect(DB)
last = lambda: db.execute("SELECT max(id) FROM request").fetchone()[0] or 0
bad = stored = refused = 0
for i in range(150):
    t = text(clean=i % 2 == 1)     # every other one of good characters only
    want = expected(t)
    before = last()
    rc = subprocess.run([BIN, "--db", DB, "request", "add", "--person", PERSON, "--asked", t,
                         "--another"], stdout=subprocess.DEVNULL,
                        stderr=subprocess.PIPE).returncode
    after = last()
    if want is None:
        if rc == 0 or after != before:
            print("  FAIL: stored what must be refused: %r" % t)
            bad += 1
        refused += 1
    else:
        got = db.execute("SELECT asked FROM request WHERE id = ?", (after,)).fetchone()
        if rc != 0 or after == before or got is None or got[0] != want:
            print("  FAIL: %r: exit %d, stored %r, want %r" % (t, rc, got and got[0], want))
            bad += 1
        stored += 1
print("fuzz: %d stored exactly, %d refused, %d wrong" % (stored, refused, bad))
sys.exit(1 if bad or stored < 20 or refused < 20 else 0)
