# The other screens a user walks through: the person card (edit, household,
# F3 for this person), editing a request, the offer, accounts, password.
SCENARIOS="${SCENARIOS:-} two_desks_save_one_person who_is_logged_in save_waits_for_another_desk person_card_edit_household_request request_edit_assigns offer_screen admin_accounts change_own_password"

person_card_edit_household_request() {
	a=$(cli person add --first "Bożena" --last "Żurawska" --phone "600 000 001")
	b=$(cli person add --first "Mikołaj" --last "Żurawski")
	start
	login koordynator || return
	keys F5; wait_for "Szukaj:" || return
	type_text "zurawska bozena"
	wait_for "Żurawska" || return
	keys Enter
	wait_for "karta osoby" || return
	field "Telefon"            # to the phone field
	keys BSpace; type_text "9"
	keys F2
	wait_for "Zapisano: Żurawska Bożena" || return
	cli person find zurawska | grep -q "$a" || fail "person lost"
	keys F6
	wait_for "dodaj do gospodarstwa" || return
	type_text "zurawski mik"
	wait_for "Mikołaj" || return
	keys Enter
	wait_for "Dodano do gospodarstwa domowego" || return
	expect_screen "Gospodarstwo:  Żurawski Mikołaj"
	keys F8
	wait_for "Wyłączyć tę osobę z gospodarstwa" || return
	keys t
	wait_for "Wyłączono z gospodarstwa domowego." || return
	expect_screen "mieszka sam(a)"
	keys F3                              # a request for this person
	wait_for "osoba zarejestrowana, nr $a" || return
	expect_screen "Bożena"
	field "O co prosi"
	type_text "Asystent osobisty."
	keys F2
	wait_for "Wniosek zarejestrowany" || return
	keys Enter
	wait_for "karta osoby" || return
	wait_for "CUS.IPUS.67.2026" || return
	expect_screen "złożony"
}

request_edit_assigns() {
	start
	login recepcja || return
	keys Down Down Enter                  # Wnioski
	wait_for "Znak sprawy" || return
	keys F6                               # coordinator: not assigned
	wait_for "Koordynator: nieprzydzielone" || return
	keys Enter
	wait_for "Data złożenia" || return
	field "Koordynator"              # to the coordinator field
	keys Right
	wait_for "Anna Wiśniewska" || return
	keys F2
	wait_for "Zapisano wniosek CUS.IPUS." || return
	ref=$(screen | grep -oE "Zapisano wniosek CUS\.IPUS\.[0-9]+\.[0-9]{4}" | sed 's/.* //')
	wait_for "Znak sprawy" || return
	stored "SELECT u.login FROM request r JOIN app_user u ON u.id = r.coordinator_id
		WHERE r.case_ref = '$ref'" "koordynator"
}

offer_screen() {
	start
	login recepcja || return
	keys Down Down Down Down Enter
	wait_for "oferta usług" || return
	expect_screen "Program usług społecznych gminy Czarnia"
	expect_screen "Gabinet fizjoterapii"
	expect_screen "godzina"
}

admin_accounts() {
	start
	login admin || return
	keys Enter
	wait_for "konta użytkowników" || return
	expect_screen "koordynator2"
	keys F7
	wait_for "Nowe konto" || return
	type_text "nowa.koord"; field "Imię i nazw."
	type_text "Zuzanna Źdźbło"; field "Role"
	type_text "koordynator,pralka"; field "Hasło"
	type_text "haslo-12345"; field "Powtórz"
	type_text "haslo-12345"
	keys F2
	wait_for "nieznana rola „pralka”" || return
	expect_screen "Zuzanna Źdźbło"          # nothing typed is lost
	# the error put the cursor in the roles field
	keys BSpace BSpace BSpace BSpace BSpace BSpace
	keys F2
	wait_for "Utworzono konto nowa.koord" || return
	cli user list | grep -q "^nowa.koord	Zuzanna Źdźbło	coordinator	active" ||
		fail "account not stored: $(cli user list)"
	keys Down Down Down Down              # logins in order: admin ... nowa.koord
	wait_for ">nowa.koord" || return
	keys F8
	wait_for "Wyłączyć konto nowa.koord?" || return
	keys t
	wait_for "wyłączone" || return
	cli user list | grep -q "^nowa.koord	.*disabled" || fail "not disabled"
}

change_own_password() {
	start
	login recepcja || return
	menu_pick "Zmień moje hasło" || return
	wait_for "Obecne hasło:" || return
	type_text "demo1234"; keys Enter
	wait_for "Nowe hasło:" || return
	type_text "nowe-haslo-1"; keys Enter
	wait_for "Powtórz je:" || return
	type_text "nowe-haslo-1"; keys Enter
	wait_for "Hasło zmienione." || return
	keys Escape; wait_for "Wylogować?" || return; keys t
	wait_for "Logowanie" || return
	type_text "recepcja"; keys Enter; type_text "nowe-haslo-1"; keys Enter
	wait_for "menu główne"
}

# Two desks have the same person card open; both save.  The second is told
# who saved in between and what they changed, and merges: nothing either
# typed is lost.
two_desks_save_one_person() {
	id=$(cli person add --first "Leokadia" --last "Wróblewska" --phone "600 000 001")
	start
	login recepcja || return
	keys F5; wait_for "Szukaj:" || return
	type_text "wroblewska leokadia"; wait_for "Leokadia" || return
	keys Enter; wait_for "karta osoby" || return
	mkdir -p "$WORK/b"
	start_second
	T=ui2
	login recepcja || return
	keys F5; wait_for "Szukaj:" || return
	type_text "wroblewska leokadia"; wait_for "Leokadia" || return
	keys Enter; wait_for "karta osoby" || return
	# desk A: a new phone, saved
	T=ui
	field "Telefon"; keys End BSpace; type_text "9"
	keys F2
	wait_for "Zapisano: Wróblewska Leokadia" || return
	# desk B, on the card read before: the town, saved
	T=ui2
	field "Miejscowość"; type_text "Czarnia"
	keys F2
	wait_for "Zapisane przez kogoś innego w międzyczasie" || return
	expect_screen "Telefon: 600 000 001 → 600 000 009"
	expect_screen "Miejscowość: — → Czarnia"
	keys m
	wait_for "Zapisano: Wróblewska Leokadia" || return
	stored "SELECT phone, town, row_version FROM person WHERE id = $id" "600 000 009|Czarnia|3"
	T=ui
}

# two desks at once: the administrator sees both in "who is logged in"
# (login, name, terminal); a desk that logs out drops off the list
who_is_logged_in() {
	start
	login recepcja || return
	mkdir -p "$WORK/b"
	start_second
	T=ui2
	login admin || return
	menu_pick "Kto jest zalogowany" || return
	wait_for "kto jest zalogowany" || return
	expect_screen "recepcja"
	expect_screen "admin"
	expect_screen "/dev/pts/"
	stored "SELECT u.login FROM desk_session s JOIN app_user u ON u.id = s.user_id ORDER BY u.login" "admin
recepcja"
	T=ui
	menu_pick "Wyloguj" || return
	wait_for "Logowanie" || return
	stored "SELECT u.login FROM desk_session s JOIN app_user u ON u.id = s.user_id" "admin"
	T=ui2
	keys Escape
	wait_for "menu główne" || return
	menu_pick "Kto jest zalogowany" || return
	wait_for "kto jest zalogowany" || return
	expect_screen "admin"
	settle
	expect_not_screen "recepcja"
}

# another desk holds the write lock for a few seconds (a long step of some
# job): the save says it waits, then saves; nothing is lost
save_waits_for_another_desk() {
	id=$(cli person add --first "Teodora" --last "Czekalska")
	start
	login recepcja || return
	keys F5; wait_for "Szukaj:" || return
	type_text "czekalska"; wait_for "Teodora" || return
	keys Enter; wait_for "karta osoby" || return
	field "Telefon"; type_text "500 600 700"
	python3 -c "import sqlite3, time; c = sqlite3.connect('$DB', isolation_level=None); c.execute('BEGIN IMMEDIATE'); open('$WORK/locked', 'w').close(); time.sleep(3); c.execute('COMMIT')" &
	holder=$!
	while [ ! -e "$WORK/locked" ]; do sleep 0.05; done
	keys F2
	wait_for "Inny użytkownik zapisuje, czekam" || return
	wait_for "Zapisano: Czekalska Teodora" || return
	wait "$holder"
	stored "SELECT phone FROM person WHERE id = $id" "500 600 700"
}

# The admin changes an account's name and roles (audited old -> new) and
# lifts a lock of failed logins.
admin_account_edit_unlock() {
	start
	printf 'zle-haslo\n' >"$DB.badpw"
	for i in 1 2 3 4 5; do
		"$BIN" --db "$DB" --user osl --password-fd 3 person find Now 3<"$DB.badpw" \
			>/dev/null 2>&1
	done
	login admin || return
	keys Enter
	wait_for "konta użytkowników" || return
	expect_screen "zablokowane do"
	select_row "koordynator2" || return
	keys Enter
	wait_for "Konto" || return
	field "Imię i nazw." || return
	keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace \
		BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
	type_text "Paweł Zięba"; field "Role" || return
	type_text ", organizator"
	keys F2
	wait_for "Zmieniono konto koordynator2." || return
	stored "SELECT full_name, roles FROM app_user WHERE login = 'koordynator2'" \
		"Paweł Zięba|6"
	stored "SELECT count(*) FROM audit_log a JOIN app_user u ON u.id = a.user_id
		WHERE a.action = 'user.update' AND u.login = 'admin' AND a.detail LIKE
		'koordynator2; roles: coordinator -> coordinator, organiser; name: % -> Paweł Zięba'" 1
	select_row "osl" || return
	keys F5
	wait_for "Odblokowano konto osl." || return
	stored "SELECT failed_logins, locked_until IS NULL FROM app_user WHERE login = 'osl'" "0|1"
	expect_not_screen "zablokowane do"
}
SCENARIOS="$SCENARIOS admin_account_edit_unlock"

# The director reads the audit log: the case she opened is in it with her
# login; F6 keeps one user's entries.
director_audit_log() {
	start
	ref=$(sqlite3 "$DB" "SELECT case_ref FROM request ORDER BY id LIMIT 1")
	printf 'demo1234\n' >"$DB.pw"
	# a coordinator reads a case from the command line: in the log with the login
	"$BIN" --db "$DB" --user koordynator --password-fd 3 worklist 3<"$DB.pw" >/dev/null 2>&1
	login dyrektor || return
	menu_pick "Dziennik zdarzeń" || return
	wait_for "dziennik zdarzeń" || return
	expect_screen "Od najnowszych"
	expect_screen "koordynator"
	keys F6
	wait_for "Login (puste: wszyscy):" || return
	type_text "dyrektor"; keys Enter
	wait_for "użytkownik: dyrektor" || return
	expect_screen "audit.list"
	expect_not_screen " koordynator "
	stored "SELECT count(*) >= 2 FROM audit_log a JOIN app_user u ON u.id = a.user_id
		WHERE a.action = 'audit.list' AND u.login = 'dyrektor'" 1
	keys F5
	wait_for "Od dnia" || return
	type_text "2026-13-01"; keys Enter
	wait_for "Od: niepoprawna data" || return
}
SCENARIOS="$SCENARIOS director_audit_log"

# A coordinator corrects the filing date of a case in assessment: the desk
# asks why, and the change is audited old -> new with the reason.
filing_date_corrected_with_reason() {
	start
	login koordynator || return
	menu_pick "Wnioski" || return
	wait_for "Znak sprawy" || return
	keys F5 F5 F5
	wait_for "Status: rozpoznanie potrzeb" || return
	keys Enter
	wait_for " · status: rozpoznanie potrzeb" || return     # the case view
	ref=$(screen | grep " · status: " | grep -oE "CUS\.IPUS\.[0-9]+\.[0-9]{4}" | head -1)
	keys d
	wait_for "Data złożenia" || return
	held=$(sqlite3 "$DB" "SELECT s.held_on FROM assessment s JOIN request r ON r.id = s.request_id
		WHERE r.case_ref = '$ref'")
	old=$(sqlite3 "$DB" "SELECT filed_on FROM request WHERE case_ref = '$ref'")
	[ -n "$held" ] && [ "$held" != "$old" ] || { fail "case $ref: held $held, filed $old"; return; }
	field "Data złożenia" || return
	keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
	type_text "$held"
	keys F2
	wait_for "Powód poprawki:" || return
	type_text "pomyłka przy wpisie"; keys Enter
	wait_for "Zapisano wniosek $ref." || return
	stored "SELECT filed_on FROM request WHERE case_ref = '$ref'" "$held"
	stored "SELECT count(*) FROM audit_log a JOIN app_user u ON u.id = a.user_id JOIN request r
		ON r.id = a.entity_id WHERE a.action = 'request.filed_on' AND u.login = 'koordynator'
		AND r.case_ref = '$ref' AND a.detail = '$old -> $held; pomyłka przy wpisie'" 1
}
SCENARIOS="$SCENARIOS filing_date_corrected_with_reason"
