# The desk as a whole: the inactivity lock keeps the screen, the request
# list filters, English on request, monochrome without colours, help.
SCENARIOS="${SCENARIOS:-} lock_keeps_work request_list_filters english_and_help monochrome"

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
