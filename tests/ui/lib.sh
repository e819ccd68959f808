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
		"env -i PATH='$PATH' HOME='$WORK' TERM=${UI_TERM:-screen} LANG=C.UTF-8 CUSDESK_TODAY=2026-11-22 ${ASAN_OPTIONS:+ASAN_OPTIONS=$ASAN_OPTIONS} $envs '$BIN' --db '$DB' $*; sleep 30"
	tm set-option -t ui -g remain-on-exit on >/dev/null 2>&1 || true
}

stop() { T=ui; tm kill-server >/dev/null 2>&1 || true; }

# start_second: a second desk on the same database, at the same time, in the
# same tmux server; desk A ui, desk B ui2 (set T=ui or T=ui2 to type there)
start_second() {
	tm new-session -d -s ui2 -x 80 -y 24 \
		"env -i PATH='$PATH' HOME='$WORK/b' TERM=${UI_TERM:-screen} LANG=C.UTF-8 CUSDESK_TODAY=2026-11-22 ${ASAN_OPTIONS:+ASAN_OPTIONS=$ASAN_OPTIONS} '$BIN' --db '$DB'; sleep 30"
}

# the desk the keys go to: "ui", or "ui2" for a second desk (start_second)
T=ui
# keys KEY...: tmux key names.  With KEYS_AS=putty the function and
# editing keys go as the raw bytes of PuTTY's factory settings (F1-F4
# ESC[11~..., Home ESC[1~, End ESC[4~); with KEYS_AS=vt100 as a VT100 sends
# them (PF1-PF4 ESC O P..S, F5 and up as Esc and a digit, as its users
# type them); otherwise as tmux sends them.
# every key sent is counted: KEYS_CMD command keys, KEYS_TYPED characters
KEYS_CMD=0
KEYS_TYPED=0
keys() {
	KEYS_CMD=$((KEYS_CMD + $#))
	if [ -z "${KEYS_AS:-}" ]; then tm send-keys -t "$T" "$@"; return; fi
	for k in "$@"; do
		case "$KEYS_AS:$k" in
		putty:F1) tm send-keys -t "$T" -H 1b 5b 31 31 7e;;
		putty:F2) tm send-keys -t "$T" -H 1b 5b 31 32 7e;;
		putty:F3) tm send-keys -t "$T" -H 1b 5b 31 33 7e;;
		putty:F4) tm send-keys -t "$T" -H 1b 5b 31 34 7e;;
		putty:F5) tm send-keys -t "$T" -H 1b 5b 31 35 7e;;
		putty:F6) tm send-keys -t "$T" -H 1b 5b 31 37 7e;;
		putty:F7) tm send-keys -t "$T" -H 1b 5b 31 38 7e;;
		putty:F8) tm send-keys -t "$T" -H 1b 5b 31 39 7e;;
		putty:F9) tm send-keys -t "$T" -H 1b 5b 32 30 7e;;
		putty:F10) tm send-keys -t "$T" -H 1b 5b 32 31 7e;;
		putty:Home) tm send-keys -t "$T" -H 1b 5b 31 7e;;
		putty:End) tm send-keys -t "$T" -H 1b 5b 34 7e;;
		vt100:F1) tm send-keys -t "$T" -H 1b 4f 50;;
		vt100:F2) tm send-keys -t "$T" -H 1b 4f 51;;
		vt100:F3) tm send-keys -t "$T" -H 1b 4f 52;;
		vt100:F4) tm send-keys -t "$T" -H 1b 4f 53;;
		vt100:F[5-9]) tm send-keys -t "$T" -H 1b 3"${k#F}";;
		vt100:F10) tm send-keys -t "$T" -H 1b 30;;
		vt100:Home) tm send-keys -t "$T" -H 1b 5b 48;;
		vt100:End) tm send-keys -t "$T" -H 1b 5b 46;;
		*) tm send-keys -t "$T" "$k";;
		esac
	done
}
# type_text TEXT: literal text (no key names)
type_text() {
	KEYS_TYPED=$((KEYS_TYPED + $(printf '%s' "$1" | wc -m)))
	tm send-keys -t "$T" -l "$1"
}
screen() { tm capture-pane -p -t "$T"; }
screen_attrs() { tm capture-pane -p -e -t "$T"; }
resize() { tm resize-window -t "$T" -x "$1" -y "$2"; }

# wait_gone TEXT: until TEXT is no longer on the screen (a closed dialog)
wait_gone() {
	i=0
	while [ "$i" -lt 50 ]; do
		screen | grep -qF -- "$1" || return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "'$1' is still on the screen"
	return 1
}

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

# expect_screen TEXT: TEXT is on the screen (waiting for it like wait_for,
# so a screen still being drawn is no failure)
expect_screen() {
	i=0
	while [ "$i" -lt 30 ]; do
		if screen | grep -qF -- "$1"; then return 0; fi
		sleep 0.1
		i=$((i + 1))
	done
	fail "expected '$1' on the screen"
	return 1
}

# settle: until two captures 0.2 s apart are the same (the desk drew all)
settle() {
	i=0
	prev=$(screen)
	while [ "$i" -lt 25 ]; do
		sleep 0.2
		now=$(screen)
		[ "$now" = "$prev" ] && return 0
		prev=$now
		i=$((i + 1))
	done
}

# expect_not_screen TEXT: once the screen has settled, TEXT is not on it
expect_not_screen() {
	settle
	! screen | grep -qF -- "$1" || fail "did not expect '$1' on the screen"
}

cursor() { tm display -p -t "$T" '#{cursor_x} #{cursor_y}'; }
# the label of the form field the cursor is in
current_field() {
	# shellcheck disable=SC2046
	screen_attrs | python3 "$HERE/field.py" $(cursor)
}

# field LABEL: moves with Tab to the form field labelled LABEL (as the screen
# shows it, without the "*" of a required field), so typed text never lands
# in the wrong field when a form gains a field
field() {
	i=0
	while [ "$i" -lt 60 ]; do
		[ "$(current_field)" = "$1" ] && return 0
		before=$(cursor)
		keys Tab
		j=0
		while [ "$j" -lt 20 ] && [ "$(cursor)" = "$before" ]; do
			sleep 0.05
			j=$((j + 1))
		done
		i=$((i + 1))
	done
	fail "no form field '$1' (the cursor is in '$(current_field)')"
	return 1
}

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

# stored SQL WANT: what the scenario saved, read back from the database
# (one row per line, columns joined by "|") is WANT
stored() {
	got=$(sqlite3 -batch "$DB" "$1" 2>&1)
	[ "$got" = "$2" ] || fail "stored: $1
      got:  $got
      want: $2"
}

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
