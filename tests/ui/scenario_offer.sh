# The organiser's offer: a new service in the catalogue, a new programme
# offering it with a limit, a provider offering it; then a coordinator
# plans with them.
SCENARIOS="${SCENARIOS:-} organiser_adds_offer_coordinator_plans director_reads_the_quarterly_report organiser_records_a_meeting organiser_makes_a_half_year_summary director_hands_cases_over organiser_sees_supply_and_demand storage_error_reaches_the_status_line"

organiser_adds_offer_coordinator_plans() {
	start
	login organizator || return
	menu_pick "Oferta usług" || return
	wait_for "Programy i ich usługi" || return
	# a service for the catalogue
	keys Down Enter
	wait_for "katalog usług ·" || return
	keys F7
	wait_for "nowa usługa ·" || return
	keys F2                                   # nothing typed: the name is required
	wait_for "Nazwa: pole wymagane" || return
	type_text "Dowóz na rehabilitację"
	field "Obszar"; keys F4
	wait_for "┌─ Obszar ─" || return
	type_text "4."
	keys Enter
	field "Jednostka"; keys F4
	wait_for "┌─ Jednostka ─" || return
	type_text "przejazd"
	keys Enter
	keys F8                                   # the quality standard, second page
	wait_for "Standard jakości" || return
	type_text "Bus przystosowany do przewozu wózka."
	keys F2
	wait_for "Zapamiętano; F2 na usłudze zapisuje całość." || return
	keys F2
	wait_for "Zapisano usługę." || return
	menu_pick "Dowóz na rehabilitację" || return
	wait_for "usługa ·" || return
	keys F8
	wait_for "Bus przystosowany do przewozu wózka." || return
	keys Escape
	wait_for "usługa ·" || return
	keys Escape
	wait_for "katalog usług ·" || return
	keys Escape
	wait_for "Programy i ich usługi" || return
	# a programme that offers it, with a limit a person
	keys Up Enter
	wait_for "programy ·" || return
	keys F7
	wait_for "nowy program ·" || return
	type_text "Program „Dojazdy” gminy Czarnia"
	field "Obowiązuje od"
	type_text "2026-11-01"
	keys F2
	wait_for "Zapisano program; F6 jego usługi." || return
	keys F6
	wait_for "usługi programu ·" || return
	keys F7
	wait_for "Którą usługę dodać" || return
	type_text "dowóz"
	keys Enter
	wait_for "Usługa w programie" || return
	type_text "60"
	field "Limit/osobę"
	type_text "8"
	keys F2
	wait_for "Zapisano." || return
	expect_screen "Dowóz na rehabilitację"
	keys Escape
	wait_for "Program usług społecznych" || return
	keys Escape
	wait_for "programy ·" || return
	expect_screen "Program „Dojazdy” gminy Czarnia"
	keys Escape
	wait_for "Programy i ich usługi" || return
	# a provider offering it
	keys Down Down Enter
	wait_for "realizatorzy ·" || return
	keys F7
	wait_for "nowy realizator ·" || return
	type_text "Przewozy Łoś"
	keys F2
	wait_for "Zapisano realizatora; F6 oferowane usługi." || return
	keys F6
	wait_for "Oferowane usługi" || return
	type_text "dowóz"
	keys Enter
	wait_for "Jednostek miesięcznie" || return
	type_text "80"
	keys Enter
	wait_for "[x] Dowóz na rehabilitację" || return
	keys Escape
	wait_for "oferowane usługi: Dowóz na rehabilitację" || return
	logout || return

	# the coordinator plans with it; the limit of 8 a month holds
	login_worklist koordynator || return
	keys Down Enter                        # CUS.IPUS.5.2026: the plan is due
	wait_for "CUS.IPUS.5.2026 ·" || return
	keys p
	wait_for "Plan (IPUS)" || return
	keys F6
	wait_for "Usługa w planie" || return
	keys F4
	wait_for "┌─ Usługa ─" || return
	type_text "dowóz"
	keys Enter
	wait_for "Dowóz na rehabilitację (Program „Dojazdy”" || return
	expect_screen "Przewozy Łoś"
	field "Wymiar"
	type_text "6"
	field "Jak często"; keys Right          # a month
	keys F2
	wait_for "6 przejazdów miesięcznie" || return
	keys F2
	wait_for "Zapisano plan." || return
	# what the organiser added, and the coordinator's plan that uses it
	stored "SELECT s.area_code, s.unit, s.std_infrastructure || s.std_staff || s.std_quality ||
		s.std_conditions || s.std_availability || s.std_management FROM service s
		WHERE s.name = 'Dowóz na rehabilitację'" "4|ride|Bus przystosowany do przewozu wózka."
	stored "SELECT p.valid_from, ps.monthly_capacity, ps.max_per_month FROM programme p
		JOIN programme_service ps ON ps.programme_id = p.id JOIN service s ON s.id = ps.service_id
		WHERE p.name = 'Program „Dojazdy” gminy Czarnia'" "2026-11-01|60.0|8.0"
	stored "SELECT ps.monthly_capacity FROM provider pv JOIN provider_service ps
		ON ps.provider_id = pv.id WHERE pv.name = 'Przewozy Łoś'" "80.0"
	stored "SELECT v.status, i.amount, i.frequency, pv.name FROM plan_item i
		JOIN plan_version v ON v.id = i.version_id JOIN plan p ON p.id = v.plan_id
		JOIN request r ON r.id = p.request_id JOIN provider pv ON pv.id = i.provider_id
		WHERE r.case_ref = 'CUS.IPUS.5.2026'" "draft|6.0|month|Przewozy Łoś"
}

director_reads_the_quarterly_report() {
	start
	login dyrektor || return
	menu_pick "Sprawozdanie kwartalne" || return
	wait_for "Kwartał (np. 2026Q4): 2026Q4" || return     # the current quarter
	keys BSpace
	type_text "5"
	keys Enter
	wait_for "Kwartał: wpisz np. 2026Q4" || return        # 2026Q5 is no quarter
	keys BSpace
	type_text "4"
	keys Enter
	wait_for "Sprawozdanie kwartalne 2026Q4" || return
	expect_screen "usługi w zakresie: pomoc społeczna"
	expect_screen "narastająco od"
	expect_screen "2025-11-22"                             # a year of the demo centre
	expect_not_screen "Błąd"
}

organiser_records_a_meeting() {
	start
	login_worklist organizator || return
	expect_screen "spotkanie zespołu"              # none held in the demo year
	menu_pick "spotkanie zespołu" || return
	wait_for "spotkania koordynatorów ·" || return
	expect_screen "jeszcze żadnego"
	keys F7
	wait_for "nowe spotkanie ·" || return
	field "Uczestnicy"
	type_text "Anna Wiśniewska, Paweł Żak, Tomasz Łęcki"
	field "Zaproszeni"
	type_text "Stowarzyszenie „Razem dla Kurpiów” (p. Ewa Łoś)"
	field "Uwagi"
	type_text "Omówiono plany po przeglądzie; brakuje dowozów."
	keys F6
	wait_for "Omawiane plany" || return
	keys Enter
	wait_for "[x] CUS.IPUS." || return
	keys Escape
	wait_for "F6: omawiane plany: CUS.IPUS." || return
	keys F2
	wait_for "Zapisano spotkanie." || return
	expect_screen "2026-11-22 Anna Wiśniewska, Paweł Żak"
	expect_screen "następne do 2027-02-22"
	keys Escape
	wait_for "na dziś" || return
	expect_not_screen "spotkanie zespołu"
	stored "SELECT m.held_on, m.attendees, m.invited, m.notes, count(mp.plan_id) FROM meeting m
		LEFT JOIN meeting_plan mp ON mp.meeting_id = m.id GROUP BY m.id" "2026-11-22|Anna Wiśniewska, Paweł Żak, Tomasz Łęcki|Stowarzyszenie „Razem dla Kurpiów” (p. Ewa Łoś)|Omówiono plany po przeglądzie; brakuje dowozów.|1"
}

organiser_makes_a_half_year_summary() {
	start
	login_worklist organizator || return
	expect_screen "podsumowanie półroczne"          # overdue in the demo year
	menu_pick "podsumowanie półroczne" || return
	wait_for "podsumowania półroczne ·" || return
	keys F7
	wait_for "nowe podsumowanie półroczne ·" || return
	expect_screen "2026-05-22"                      # the last six months
	keys F6
	wait_for "Podsumowanie pracy koordynatorów, 2026-05-22 – 2026-11-22" || return
	expect_screen "rozpoczęte plany"
	expect_screen "Usługi opiekuńcze dla osób starszych: osoby:"
	keys Escape
	wait_for "nowe podsumowanie półroczne ·" || return
	field "Omówienie"
	type_text "Brakuje dowozów na rehabilitację; rośnie lista oczekujących na opiekę."
	keys F2
	wait_for "Zapisano podsumowanie." || return
	expect_screen "2026-05-22 – 2026-11-22"
	keys Enter
	wait_for "Podsumowanie pracy koordynatorów" || return
	keys End
	wait_for "Omówienie organizatora" || return
	expect_screen "Brakuje dowozów na rehabilitację"
	stored "SELECT s.period_from, s.period_to, s.created_on, u.login, s.narrative,
		instr(s.figures, 'rozpoczęte plany') > 0 FROM summary s
		JOIN app_user u ON u.id = s.created_by" "2026-05-22|2026-11-22|2026-11-22|organizator|Brakuje dowozów na rehabilitację; rośnie lista oczekujących na opiekę.|1"
}

director_hands_cases_over() {
	start
	login dyrektor || return
	menu_pick "Obciążenie koordynatorów" || return
	wait_for "obciążenie koordynatorów ·" || return
	expect_screen "Anna Wiśniewska"
	menu_pick "Anna Wiśniewska" || return
	wait_for "Komu przekazać sprawy" || return
	type_text "paweł"
	keys Enter
	wait_for "Powód:" || return
	type_text "Urlop macierzyński od 1 grudnia."
	keys Enter
	wait_for "Przekazano" || return
	screen | grep -E '^ *>' | grep -qE 'Anna Wiśniewska +0 ' || fail "Anna still has open cases"
	logout || return
	login_worklist koordynator2 || return
	expect_screen "CUS.IPUS.3.2026"             # Anna's oldest case is Paweł's now
	stored "SELECT DISTINCT f.login, t.login, c.on_date, c.reason, b.login FROM case_reassignment c
		JOIN app_user f ON f.id = c.from_user JOIN app_user t ON t.id = c.to_user
		JOIN app_user b ON b.id = c.by_user" "koordynator|koordynator2|2026-11-22|Urlop macierzyński od 1 grudnia.|dyrektor"
	stored "SELECT u.login FROM request r JOIN app_user u ON u.id = r.coordinator_id
		WHERE r.case_ref = 'CUS.IPUS.3.2026'" "koordynator2"
}

organiser_sees_supply_and_demand() {
	start
	login organizator || return
	menu_pick "Oferta usług" || return
	wait_for "Podaż i popyt" || return
	menu_pick "Podaż i popyt" || return
	wait_for "podaż i popyt ·" || return
	screen | grep -E "Usługi opiekuńcze dla.* 6 +[0-9]+ +2026-08-31" >/dev/null ||
		fail "care: 6 waiting since 2026-08-31"
	keys Escape
	wait_for "Programy i ich usługi" || return
	menu_pick "Programy i ich usługi" || return
	wait_for "programy ·" || return
	keys Enter
	wait_for "Program usług społecznych gminy Czarnia" || return
	keys F6
	wait_for "usługi programu ·" || return
	menu_pick "Usługi opiekuńcze dla osób" || return
	wait_for "Usługa w programie" || return
	keys BSpace BSpace BSpace
	type_text "300"                       # more capacity a month
	keys F2
	wait_for "Zapisano. Czeka: 6 (od 2026-08-31); niezaspokojone potrzeby z obszaru: " || return
	stored "SELECT ps.monthly_capacity FROM programme_service ps JOIN service s ON s.id = ps.service_id
		JOIN programme p ON p.id = ps.programme_id WHERE s.name = 'Usługi opiekuńcze dla osób starszych'
		AND p.name = 'Program usług społecznych gminy Czarnia'" "300.0"
}

# A storage error while the desk runs goes to the status line (with where
# the details are) and to a private log file, never raw onto the screen.
storage_error_reaches_the_status_line() {
	start
	login organizator || return
	# the table goes away behind the desk's back (a damaged file would do)
	sqlite3 -batch "$DB" "DROP TABLE meeting_plan; DROP TABLE meeting;" || fail "could not drop"
	menu_pick "Spotkania koordynatorów" || return
	wait_for "Błąd: baza danych odrzuciła zmianę (szczegóły:" || return
	# the log's path follows on the rows below, whole
	screen | tail -4 | tr -d '\n' | grep -q "/.local/state/cusdesk/" ||
		fail "the log's path was cut: $(screen | tail -4)"
	expect_not_screen "sql error"
	expect_screen "menu główne"                   # the list did not open half-empty
	grep -q "sql error: no such table: meeting" "$WORK/.local/state/cusdesk/cusdesk.log" ||
		fail "log: $(cat "$WORK/.local/state/cusdesk/cusdesk.log" 2>&1)"
	[ "$(stat -c %a "$WORK/.local/state/cusdesk/cusdesk.log")" = 600 ] || fail "the log is not 0600"
}
