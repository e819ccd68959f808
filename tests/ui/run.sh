#!/bin/sh
# run.sh BINARY [SCENARIO...] - runs every tmux UI scenario (or the named
# ones), several at a time (UI_JOBS, default 4), each against its own copy of
# the demo database, with its own home folder and tmux server; prints each
# scenario's result in order, then "N passed, N failed".
#
# run.sh --one BINARY WORK SCENARIO runs one (what the parallel runs call).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
export CUSDESK_TODAY=2026-11-22

if [ "${1:-}" = "--one" ]; then
	BIN=$2
	s=$4
	WORK=$3/$s
	mkdir -p "$WORK"
	DB="$WORK/desk.db"
	cp "$3/demo.db" "$DB"
	. "$HERE/lib.sh"
	for f in "$HERE"/scenario_*.sh; do
		. "$f"
	done
	SOCK="cusdesk-ui-$$"
	FAILED=0
	echo "  scenario $s"
	"$s"
	stop
	[ "$FAILED" = 0 ] && echo "    ok"
	exit "$FAILED"
fi

BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
WORK=$(mktemp -d /tmp/cusdesk-ui-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
shift

if ! command -v tmux >/dev/null 2>&1; then
	echo "ui tests: tmux is not installed (make deps)"; exit 1
fi
# the demo database, made once (hashing the demo passwords takes a while)
"$BIN" --db "$WORK/demo.db" init --test --centre "CUS Test" >/dev/null &&
	"$BIN" --db "$WORK/demo.db" demo >/dev/null || { echo "ui tests: demo failed"; exit 1; }

SCENARIOS=""
for f in "$HERE"/scenario_*.sh; do
	# shellcheck disable=SC1090
	. "$f"
done
[ $# -gt 0 ] && SCENARIOS="$*"
# shellcheck disable=SC2086
printf '%s\n' $SCENARIOS | xargs -P "${UI_JOBS:-4}" -I{} \
	sh -c 'sh "$1" --one "$2" "$3" "$4" >"$3/$4.out" 2>&1; echo $? >"$3/$4.rc"' \
	run "$HERE/run.sh" "$BIN" "$WORK" {}
passed=0; failed=0
for s in $SCENARIOS; do
	cat "$WORK/$s.out"
	if [ "$(cat "$WORK/$s.rc" 2>/dev/null)" = 0 ]; then passed=$((passed + 1))
	else failed=$((failed + 1)); fi
done
echo "ui scenarios:"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
