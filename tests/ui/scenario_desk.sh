# The desk as a whole: the inactivity lock keeps the screen, the request
# list filters, English on request, monochrome without colours, help.
SCENARIOS="${SCENARIOS:-} lock_keeps_work request_list_filters english_and_help monochrome terminal_gone_ends_the_desk terminal_gone_without_hangup"

lock_keeps_work() {
	start CUSDESK_LOCK_SECONDS=2
	login recepcja || return
	keys F3
	wait_for "nowa osoba" || return
	type_text "Mieczysław"
	wait_for "Ekran zablokowany" 6 || return
	expect_not_screen "Mieczysław"
	type_text "zle-haslo"; keys Enter
	wait_for "złe hasło" || return
	type_text "demo1234"; keys Enter
	wait_for "Mieczysław" || return
	expect_screen "nowa osoba"
	# the lock is recorded with the user; nothing typed was saved by it
	stored "SELECT u.login FROM audit_log l JOIN app_user u ON u.id = l.user_id
		WHERE l.action = 'lock'" "recepcja"
	stored "SELECT count(*) FROM person WHERE first_names = 'Mieczysław' AND surname = ''" "0"
}

request_list_filters() {
	start
	login koordynator || return
	keys Down Down Down Enter
	wait_for "Znak sprawy" || return
	expect_screen "Status: otwarte"
	expect_screen "Koordynator: Anna Wiśniewska"
	keys F6
	wait_for "Koordynator: Paweł Żak" || return
	keys F5
	wait_for "Status: wszystkie" || return
	keys Enter
	wait_for "Data złożenia" || return
	expect_screen "Sprawa: CUS.IPUS."
	keys Escape
	wait_for "Znak sprawy"
}

english_and_help() {
	start -- --lang en
	wait_for "Log in" || return
	type_text "koordynator"; keys Enter; type_text "demo1234"; keys Enter
	to_menu "main menu" "for today" || return
	keys F1
	wait_for "cusdesk help" || return
	expect_screen "Register a new request"
	keys Escape
	wait_for "main menu"
}

monochrome() {
	start NO_COLOR=1
	login recepcja || return
	# no colour codes at all, only reverse/bold/underline
	if screen_attrs | grep -q "$(printf '\033')\[[0-9;]*3[0-7]m"; then
		fail "colour sequences on a monochrome desk"
	fi
	if screen_attrs | grep -q "$(printf '\033')\[[0-9;]*4[0-7]m"; then
		fail "background colours on a monochrome desk"
	fi
	screen_attrs | grep -q "$(printf '\033')\[7m" || fail "no reverse video for the selection"
}

# desk_running: whether a desk on this scenario's database still runs
desk_running() { pgrep -f -- "--db $DB" >/dev/null 2>&1; }

# wait_desk_gone: the desk process ends within 5 s
wait_desk_gone() {
	i=0
	while [ "$i" -lt 50 ]; do
		desk_running || return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "the desk still runs: $(pgrep -af -- "--db $DB")"
	pkill -f -- "--db $DB"
	return 1
}

# The terminal goes away (SIGHUP): the typed text is kept as a draft at
# once, the user is logged out in the audit log, and nothing is left running.
terminal_gone_ends_the_desk() {
	closing_form_of_michalska || return
	type_text "Chwali opiekunkę."
	sleep 0.3
	stop                                   # no time for the autosave
	wait_desk_gone || return
	stored "SELECT text FROM text_draft" "Chwali opiekunkę."
	stored "SELECT u.login FROM audit_log l JOIN app_user u ON u.id = l.user_id
		WHERE l.action = 'logout'" "koordynator"
}

# A terminal that dies without a hang-up signal (the desk is not its
# controlling process, as after some dropped connections) ends the desk too,
# instead of leaving it spinning.
terminal_gone_without_hangup() {
	RUN=$((RUN + 1))
	tm new-session -d -s ui -x 80 -y 24 \
		"setsid -w env -i PATH='$PATH' HOME='$WORK' TERM=screen LANG=C.UTF-8 CUSDESK_TODAY=2026-11-22 '$BIN' --db '$DB'"
	login recepcja || return
	desk_running || { fail "the desk did not start"; return 1; }
	stop
	wait_desk_gone || return
	stored "SELECT count(*) FROM audit_log WHERE action = 'logout'" "1"
}
