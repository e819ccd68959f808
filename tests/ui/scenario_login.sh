# Logging in: a wrong password is refused with a message, the right one
# opens the menu of the user's roles; log out returns to the login.
SCENARIOS="${SCENARIOS:-} login_bad_then_good login_roles_menu"

login_bad_then_good() {
	start
	wait_for "Logowanie" || return
	expect_screen "BAZA TESTOWA LUB DEMONSTRACYJNA"   # the demo database says so
	type_text "koordynator"; keys Enter
	type_text "zle-haslo"; keys Enter
	wait_for "zły login lub hasło" || return
	expect_screen "koordynator"       # the login stays typed
	type_text "demo1234"; keys Enter
	to_menu "menu główne" "na dziś" || return
	expect_screen "Anna Wiśniewska"
	keys Escape
	wait_for "Wylogować?" || return
	keys t
	wait_for "Logowanie"
	# the failed attempt, the login and the logout are in the audit log
	stored "SELECT l.action || ':' || COALESCE(u.login, '-') FROM audit_log l
		LEFT JOIN app_user u ON u.id = l.user_id WHERE l.action LIKE 'log%'
		ORDER BY l.id" "login.failed:-
login:koordynator
logout:koordynator"
}

login_roles_menu() {
	start
	login admin || return
	expect_screen "Konta użytkowników"
	expect_not_screen "Szukaj osoby"     # the admin sees no residents
	keys Escape; wait_for "Wylogować?" || return; keys t
	login recepcja || return
	expect_screen "Nowy wniosek"
	expect_not_screen "Konta użytkowników"
}
