# lib.sh - helpers for the tmux UI scenarios (sourced by run.sh).
# Each scenario runs the real desk in a detached tmux session of 80x24 on
# its own server socket, types keys and reads the screen as text.

SOCK="cusdesk-ui-$$"
RUN=0
tm() { tmux -L "$SOCK-$RUN" "$@"; }

# start [env assignments...] -- [cusdesk options]: starts the desk on $DB
start() {
	RUN=$((RUN + 1))   # a fresh tmux server for every start
	envs=""
	while [ $# -gt 0 ] && [ "${1:-}" != "--" ]; do envs="$envs $1"; shift; done
	[ "${1:-}" = "--" ] && shift
	tm new-session -d -s ui -x 80 -y 24 \
		"env -i PATH='$PATH' HOME='$WORK' TERM=screen LANG=C.UTF-8 CUSDESK_TODAY=2026-11-22 ${ASAN_OPTIONS:+ASAN_OPTIONS=$ASAN_OPTIONS} $envs '$BIN' --db '$DB' $*; sleep 30"
	tm set-option -t ui -g remain-on-exit on >/dev/null 2>&1 || true
}

stop() { tm kill-server >/dev/null 2>&1 || true; }

keys() { tm send-keys -t ui "$@"; }
# type_text TEXT: literal text (no key names)
type_text() { tm send-keys -t ui -l "$1"; }
screen() { tm capture-pane -p -t ui; }
screen_attrs() { tm capture-pane -p -e -t ui; }
resize() { tm resize-window -t ui -x "$1" -y "$2"; }

# wait_for TEXT [seconds]: until TEXT is on the screen
wait_for() {
	limit=${2:-5}
	i=0
	while [ "$i" -lt $((limit * 10)) ]; do
		if screen | grep -qF -- "$1"; then return 0; fi
		sleep 0.1
		i=$((i + 1))
	done
	fail "did not see '$1' on the screen"
	return 1
}

# wait_gone TEXT: until TEXT is no longer on the screen
wait_gone() {
	i=0
	while [ "$i" -lt 50 ]; do
		if ! screen | grep -qF -- "$1"; then return 0; fi
		sleep 0.1
		i=$((i + 1))
	done
	fail "'$1' stayed on the screen"
	return 1
}

expect_screen() { screen | grep -qF -- "$1" || fail "expected '$1' on the screen"; }
expect_not_screen() { ! screen | grep -qF -- "$1" || fail "did not expect '$1' on the screen"; }

fail() {
	FAILED=1
	echo "    FAIL: $*"
	echo "    ---- screen ----"
	screen | sed 's/^/    | /'
	echo "    ----------------"
}

# login LOGIN: logs in with the demo password
login() {
	wait_for "Logowanie" || return 1
	type_text "$1"; keys Enter
	type_text "demo1234"; keys Enter
	to_menu "menu główne" "na dziś"
}

# to_menu MENU_TITLE WORKLIST_TITLE: after logging in, coordinators and
# approvers land on the worklist; Esc from there opens the main menu
to_menu() {
	i=0
	while [ "$i" -lt 50 ]; do
		if screen | grep -qF -- "$1"; then return 0; fi
		if screen | grep -qF -- "$2"; then keys Escape; break; fi
		sleep 0.1
		i=$((i + 1))
	done
	wait_for "$1"
}

cli() { "$BIN" --db "$DB" "$@"; }

# select_row TEXT: in a list, moves down to the row with TEXT (no Enter)
select_row() {
	keys Home
	sleep 0.1
	i=0
	while [ "$i" -lt 20 ]; do
		if screen | grep -E '(^ *>|│>)' | grep -qF -- "$1"; then
			return 0
		fi
		keys Down
		sleep 0.1
		i=$((i + 1))
	done
	fail "no row '$1'"
	return 1
}

# menu_pick TEXT: in the main menu or a list (the worklist), moves down to
# the entry with TEXT and opens it
menu_pick() {
	select_row "$1" || return 1
	keys Enter
}
