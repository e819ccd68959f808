#!/bin/sh
# run.sh BINARY [SCENARIO...] - runs every tmux UI scenario (or the named
# ones) against a throwaway copy of the demo database; prints
# "N passed, N failed".
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d /tmp/cusdesk-ui-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
export CUSDESK_TODAY=2026-11-22

if ! command -v tmux >/dev/null 2>&1; then
	echo "ui tests: tmux is not installed (make deps)"; exit 1
fi
# the demo database, made once (hashing the demo passwords takes a while)
"$BIN" --db "$WORK/demo.db" init --centre "CUS Test" >/dev/null &&
	"$BIN" --db "$WORK/demo.db" demo >/dev/null || { echo "ui tests: demo failed"; exit 1; }

. "$HERE/lib.sh"
passed=0; failed=0
for f in "$HERE"/scenario_*.sh; do
	. "$f"
done
shift
[ $# -gt 0 ] && SCENARIOS="$*"
for s in $SCENARIOS; do
	DB="$WORK/$s.db"
	cp "$WORK/demo.db" "$DB"
	FAILED=0
	echo "  scenario $s"
	"$s"
	stop
	if [ "$FAILED" = 0 ]; then passed=$((passed + 1)); echo "    ok"
	else failed=$((failed + 1)); fi
done
echo "ui scenarios:"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
