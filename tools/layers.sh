#!/bin/sh
# layers.sh - checks the arrows between the folders (make layering).
#
#   src/base <- src/store <- src/domain <- src/paper <- src/cli
#   ui/ uses base, the public store headers, domain and paper; main.c also cli.h
#
# A file may include its own folder's headers and those of the folders below
# it, never one above.  No curses under src/; SQLite only in src/store
# (dbint.h, private to src/); no SQLite, no SQL and no dbint.h under ui/.
# Prints every broken arrow and fails when there is one.
set -u
LAYERS="base store domain paper cli"
bad=0
broken() { echo "layering: $*"; bad=1; }

# rank LAYER: its place from the bottom (1..5), 0 when not a layer
rank() {
	r=1
	for l in $LAYERS; do
		[ "$l" = "$1" ] && { echo "$r"; return; }
		r=$((r + 1))
	done
	echo 0
}

# home HEADER: the layer whose folder holds HEADER, "ui" or "" (unknown)
home() {
	for l in $LAYERS; do
		[ -f "src/$l/$1" ] && { echo "$l"; return; }
	done
	[ -f "ui/$1" ] && { echo ui; return; }
	echo ""
}

includes() { sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$1"; }

for l in $LAYERS; do
	me=$(rank "$l")
	for f in src/"$l"/*.[ch]; do
		[ -f "$f" ] || continue
		for h in $(includes "$f"); do
			case "$h" in embedded_data*) continue;; esac
			at=$(home "$h")
			if [ -z "$at" ]; then broken "$f includes unknown \"$h\""; continue; fi
			if [ "$at" = ui ]; then broken "$f includes the desk's \"$h\""; continue; fi
			[ "$(rank "$at")" -le "$me" ] || broken "$f ($l) includes \"$h\" of src/$at, a layer above"
		done
	done
done

hits=$(grep -lE '#include *[<"](n?curses|ncursesw/[a-z]+|form|menu|panel)\.h' src/*/*.[ch] 2>/dev/null)
[ -n "$hits" ] && broken "curses header under src/: $hits"
hits=$(grep -l 'sqlite3' src/base/*.[ch] 2>/dev/null)
[ -n "$hits" ] && broken "SQLite under src/base: $hits"

for f in ui/*.[ch]; do
	for h in $(includes "$f"); do
		at=$(home "$h")
		case "$at" in
		ui|base|domain|paper) ;;
		store) [ "$h" = dbint.h ] && broken "$f includes the storage internals \"$h\"";;
		cli) [ "$f" = ui/main.c ] || broken "$f includes the command line's \"$h\"";;
		*) broken "$f includes unknown \"$h\"";;
		esac
	done
done
# the curses-free files of ui/ (listed in ui/README) include no curses and
# no header that does
for f in $(sed -n 's/^Curses-free[^:]*: *//p' ui/README | tr ',' ' '); do
	grep -qE '#include *[<"](n?curses|ncursesw/[a-z]+|form|menu|panel|app|form)\.h' "ui/$f" &&
		broken "ui/$f is to be curses-free but includes curses or app.h"
done
hits=$(grep -lE 'sqlite3|SELECT |INSERT |UPDATE |DELETE FROM' ui/*.[ch] 2>/dev/null)
[ -n "$hits" ] && broken "SQLite or SQL under ui/: $hits"

[ "$bad" = 0 ] && echo "layering: ok (base <- store <- domain <- paper <- cli; ui above domain and paper)"
exit "$bad"
