# The coordinator's case path, walked with two logins on the demo case
# CUS.IPUS.3.2026 (Łódź Żaneta, assessment begun, coordinator Anna
# Wiśniewska): assessment, outcome, plan, approval by the director,
# monitoring, update re-approved, closing with the drafted description;
# and the autosaved text coming back after the terminal was killed.
SCENARIOS="${SCENARIOS:-} two_desks_save_one_plan two_desks_close_one_plan two_desks_record_one_followup worklist_first_for_coordinator case_path_two_logins closing_text_survives_a_kill registers_for_the_organiser register_reads_page_by_page plan_over_a_limit director_returns_a_plan director_authorises_an_organiser assessment_text_survives_a_kill plan_in_force_contact_resignation_card followup_after_closing"

# logout: Esc back to the menu and answer the "log out?" question
logout() {
	i=0
	while [ "$i" -lt 10 ]; do
		if screen | grep -qF "Wylogować?"; then
			keys t
			wait_for "Logowanie"
			return
		fi
		keys Escape
		sleep 0.4
		i=$((i + 1))
	done
	fail "could not get back to the login screen"
	return 1
}

# login_worklist LOGIN: logs in and expects the worklist first
login_worklist() {
	wait_for "Logowanie" || return 1
	type_text "$1"; keys Enter
	type_text "demo1234"; keys Enter
	wait_for "na dziś"
}

# open_case TEXT NAME REF: from the worklist or the menu, finds the person
# by TEXT (NAME shows in the results) and opens the case REF through the
# person's requests
open_case() {
	if screen | grep -qF "na dziś"; then keys Escape; fi
	wait_for "menu główne" || return 1
	keys F5
	wait_for "Szukaj:" || return 1
	type_text "$1"
	wait_for "$2" || return 1
	keys F6                    # the case at once
	wait_for "$3 ·"
}

# the same through the person card and their requests
open_case_by_card() {
	if screen | grep -qF "na dziś"; then keys Escape; fi
	wait_for "menu główne" || return 1
	keys F5
	wait_for "Szukaj:" || return 1
	type_text "$1"
	wait_for "$2" || return 1
	keys Enter
	wait_for "karta osoby" || return 1
	keys F7
	wait_for "Znak sprawy" || return 1
	keys Enter
	wait_for "$3 ·"
}

# confirm KEY QUESTION: presses KEY, waits for the question, answers yes
confirm() {
	keys "$1"
	wait_for "$2" || return 1
	keys t
}

worklist_first_for_coordinator() {
	start
	login_worklist koordynator || return
	expect_screen "najpilniejsze najpierw"
	expect_screen "CUS.IPUS.3.2026"
	expect_screen "rozpoznanie potrzeb"
	expect_screen "!2026-09-26"            # overdue: marked in text, not only colour
	# the command line gives the same list
	cli worklist --user koordynator --date 2026-11-22 | grep -q "^assessment	2026-09-26	-57	CUS.IPUS.3.2026	Łódź Żaneta$" ||
		fail "cusdesk worklist does not list the assessment of CUS.IPUS.3.2026"
	keys Enter
	wait_for "CUS.IPUS.3.2026 · Łódź Żaneta" || return
	expect_screen "Dalej: r: kontynuuj rozpoznanie · w: zapisz wynik"
	expect_screen "! rozpoznanie potrzeb 2026-09-26 (-57 dni)"
}

case_path_two_logins() {
	start
	# --- the coordinator: assessment, outcome, plan, submit
	login_worklist koordynator || return
	keys Enter
	wait_for "CUS.IPUS.3.2026 · Łódź Żaneta" || return
	keys r
	wait_for "Rozpoznanie potrzeb" || return
	keys F6
	wait_for "Obszary życia" || return
	keys Enter
	wait_for "Obszar życia: zdrowie" || return
	type_text "Cukrzyca; sama z trudem robi zakupy."
	field "Potrzeby"
	type_text "Pomoc w zakupach i sprzątaniu."
	keys F2
	wait_for "[*] zdrowie" || return
	keys Escape
	wait_gone "Obszary życia" || return
	expect_screen "Zapisano: zdrowie."
	keys F7
	wait_for "Rozpoznane potrzeby" || return
	keys Enter
	wait_for "Potrzeba:" || return
	type_text "Pomoc w domu"; keys Enter
	wait_for "┌─ Obszar życia ─" || return
	type_text "samodz"; keys Enter
	wait_for "Odpowiedź na potrzebę" || return
	type_text "usługi opiek"
	wait_for "szukaj: usługi opiek" || return
	keys Enter
	wait_for "Pomoc w domu → Usługi opiekuńcze dla osób starszych" || return
	# a need corrected, not removed: Enter on it asks which
	keys End Enter                                # the one just added, the last
	wait_for "[Z] zmień" || return
	keys z
	wait_for "Potrzeba:" || return
	expect_screen "Pomoc w domu"                  # the prompt starts from the need
	type_text " i ogrodzie"; keys Enter
	wait_for "┌─ Obszar życia ─" || return
	keys Enter                                    # as it was
	wait_for "Odpowiedź na potrzebę" || return
	keys Enter
	wait_for "Pomoc w domu i ogrodzie → Usługi opiekuńcze" || return
	stored "SELECT n.description, n.domain_code FROM need n JOIN assessment s ON s.id = n.assessment_id
		JOIN request r ON r.id = s.request_id WHERE r.case_ref = 'CUS.IPUS.3.2026'
		AND n.description LIKE 'Pomoc w domu i%'" "Pomoc w domu i ogrodzie|care"
	keys Escape
	sleep 0.3
	field "Koordynacja"
	type_text "6"
	keys F2
	wait_for "Zapisano rozpoznanie potrzeb (projekt)." || return
	keys Escape
	wait_for "w: zapisz wynik" || return
	keys w
	wait_for "Wynik rozpoznania potrzeb" || return
	keys Enter
	wait_for "Program usług społecznych gminy Czarnia" || return
	keys Enter
	wait_for "Miesiące koordynacji: 6" || return     # taken from the assessment
	keys Enter
	wait_for "Rozpoznanie stanie się ostateczne" || return   # final: asked first
	expect_screen "Wynik: zakwalifikowanie do usług programu."
	keys t
	wait_for "rozpoznanie potrzeb jest zakończone" || return
	expect_screen "IPUS wymagany"
	expect_screen "p: sporządź plan"
	keys p
	wait_for "Plan (IPUS)" || return
	field "Uzgodniono"
	type_text "2026-11-22"
	field "Cele"
	type_text "Zostać w domu mimo choroby."
	keys F6
	wait_for "Usługa w planie" || return
	keys F4
	wait_for "┌─ Usługa ─" || return
	type_text "usługi opiek"
	keys Enter
	wait_for "Usługi opiekuńcze dla osób starszych (Program" || return
	field "Wymiar"
	type_text "2"
	keys F2
	wait_for "2 godziny tygodniowo" || return
	keys F5                                     # one of the OSL's activities
	wait_for "┌─ Działanie wspierające ─" || return
	type_text "sąsiedz"
	keys Enter
	wait_for "Co:" || return
	keys Enter
	wait_for "Sąsiedzka pomoc w zakupach" || return
	keys F2
	wait_for "Zapisano plan." || return
	keys Escape
	wait_for "s: przekaż go do zatwierdzenia" || return
	confirm s "Przekazać plan do zatwierdzenia?" || return
	wait_for "Plan przekazano do zatwierdzenia." || return
	expect_screen "wersja 1: czeka na zatwierdzenie"
	expect_screen "[PO TERMINIE:"     # filed 2026-08-27: late, and marked so
	# the coordinator may not approve
	keys z
	wait_for "plany zatwierdza dyrektor" || return
	expect_not_screen "Zatwierdzić plan?"
	logout || return

	# --- the director approves
	login_worklist dyrektor || return
	expect_screen "plan do zatwierdzenia"
	keys Enter                 # the plan itself, read through before approving
	wait_for "plan (do przeczytania)" || return
	expect_screen "Znak sprawy: CUS.IPUS.3.2026"
	expect_screen "Zostać w domu mimo choroby."     # the goals
	expect_screen "z zatwierdź x zwróć"
	keys NPage
	wait_for "Sąsiedzka pomoc w zakupach" || return   # the supporting activity
	confirm z "Zatwierdzić plan?" || return
	wait_for "Plan zatwierdzony; zlecenia przekazano realizatorom." || return
	open_case "3.2026" "Łódź" "CUS.IPUS.3.2026" || return
	expect_screen "wersja 1: zatwierdzony"
	expect_screen "Elżbieta Nowicka"
	expect_screen "2026-11-22 [PO TERMINIE"        # who and when the plan was approved
	expect_screen "zlecenie 2026-11-22"
	logout || return

	# --- the coordinator: monitoring, update
	login_worklist koordynator || return
	open_case "3.2026" "Łódź" "CUS.IPUS.3.2026" || return
	keys m
	wait_for "Notatka z monitoringu" || return
	field "Z kim"
	type_text "córka"
	field "Notatka"
	type_text "Opiekunka przychodzi; mama chce więcej godzin."
	keys F6
	wait_for "Odbywa się" || return
	field "Odbywa się"; keys Right
	field "Punktualnie"; keys Right
	field "Jakość"; keys Right Right Right Right
	field "Zadowolenie"; keys Right Right Right Right Right
	keys F7                                        # an absence, with its day
	wait_for "Dzień nieobecności" || return
	keys Enter
	wait_for "[T] usprawiedliwiona" || return
	keys n
	wait_for "1 nieusprawiedliwione, 0 usprawiedliwione" || return
	keys F7                                        # and an excused one, with the reason
	wait_for "Dzień nieobecności" || return
	keys Enter
	wait_for "[T] usprawiedliwiona" || return
	keys t
	wait_for "Powód:" || return
	type_text "zwolnienie lekarskie"; keys Enter
	wait_for "1 nieusprawiedliwione, 1 usprawiedliwione" || return
	keys F7                                        # one by mistake, taken off again (F8)
	wait_for "Dzień nieobecności" || return
	keys Enter
	wait_for "[T] usprawiedliwiona" || return
	keys n
	wait_for "2 nieusprawiedliwione, 1 usprawiedliwione" || return
	keys F8
	wait_for "Skreślić ostatnią nieobecność?" || return
	keys t
	wait_for "1 nieusprawiedliwione, 1 usprawiedliwione" || return
	field "Zrealizowano"
	type_text "8"
	keys F2
	wait_for "odbywa się: tak" || return
	expect_screen "zadowolenie 5"
	keys F2
	wait_for "Zapisano notatkę z monitoringu." || return
	expect_screen "Opiekunka przychodzi"
	stored "SELECT count(*), sum(a.excused), max(a.reason), max(a.on_date) FROM absence a
		JOIN monitoring_note n ON n.id = a.note_id WHERE n.text LIKE 'Opiekunka przychodzi%'" \
		"2|1|zwolnienie lekarskie|2026-11-22"
	keys a
	wait_for "Powód aktualizacji" || return
	keys Down Down Enter
	wait_for "Uwaga:" || return
	type_text "Prosi o trzecią godzinę."
	keys Enter
	wait_for "wersja 2, projekt" || return
	keys F7
	wait_for "Usługa w planie" || return
	field "Wymiar"
	keys BSpace
	type_text "3"
	keys F2
	wait_for "3 godziny tygodniowo" || return
	field "Uzgodniono"                           # an update is agreed again
	type_text "2026-11-22"
	keys F2
	wait_for "Zapisano plan." || return
	keys Escape
	wait_for "wersja 2: projekt" || return
	expect_screen "aktualizacja (na wniosek osoby): Prosi o trzecią godzinę."
	confirm s "Przekazać plan do zatwierdzenia?" || return
	wait_for "wersja 2: czeka na zatwierdzenie" || return
	logout || return

	# --- the director approves the update
	login_worklist dyrektor || return
	open_case_by_card "3.2026" "Łódź" "CUS.IPUS.3.2026" || return
	confirm z "Zatwierdzić plan?" || return
	wait_for "wersja 2: zatwierdzony" || return
	expect_screen "wersja 1: zastąpiony"
	logout || return

	# --- the coordinator compares the versions and closes the plan
	login_worklist koordynator || return
	open_case "3.2026" "Łódź" "CUS.IPUS.3.2026" || return
	keys o
	wait_for "Wersja 2 w porównaniu z wersją 1" || return
	expect_screen "wymiar 2 godziny tygodniowo → 3"
	keys Escape
	wait_for "CUS.IPUS.3.2026 ·" || return
	keys c
	wait_for "Zamknięcie planu" || return
	expect_screen "Rozmowa*       2026-11-22"   # today unless changed
	field "Powód"
	keys Right        # reason: goals achieved
	field "Zdanie osoby"
	type_text "Jest zadowolona z opiekunki."
	field "Zmiany"
	type_text "Radzi sobie z zakupami."
	keys F6
	wait_for "Przebieg planu." || return    # the drafted description
	expect_screen "zatwierdził(a) 2026-11-22"
	keys F2
	wait_for "Zamknąć plan?" || return              # what ends, then the question
	expect_screen "Te usługi kończą się 2026-11-22:"
	expect_screen "Po zamknięciu planu nie można już zmienić."
	keys n
	sleep 0.3
	stored "SELECT count(*) FROM closure c JOIN plan p ON p.id = c.plan_id JOIN request r
		ON r.id = p.request_id WHERE r.case_ref = 'CUS.IPUS.3.2026'" "0"
	keys F2
	wait_for "Zamknąć plan?" || return
	keys t
	wait_for "Plan zamknięty; sprawdzenie do 2027-05-22." || return
	expect_screen "Dalej: f: losy osoby pół roku po zamknięciu"
	keys End
	wait_for "zamknięty 2026-11-22 (osiągnięcie celów)" || return
	# what was stored on the way
	stored "SELECT status, outcome FROM assessment WHERE request_id = (SELECT id FROM request WHERE case_ref = 'CUS.IPUS.3.2026')" "final|qualified"
	stored "SELECT domain_code, situation, needs FROM assessment_domain WHERE assessment_id =
		(SELECT id FROM assessment WHERE request_id = (SELECT id FROM request WHERE case_ref = 'CUS.IPUS.3.2026')) AND situation <> ''" "care|Mieszka sama; po pobycie w szpitalu słabiej chodzi.|Pomoc przy zakupach, sprzątaniu i kąpieli.
health|Cukrzyca; sama z trudem robi zakupy.|Pomoc w zakupach i sprzątaniu."
	stored "SELECT v.version_no, v.status, i.amount, i.frequency FROM plan_version v
		JOIN plan p ON p.id = v.plan_id JOIN plan_item i ON i.version_id = v.id
		WHERE p.request_id = (SELECT id FROM request WHERE case_ref = 'CUS.IPUS.3.2026') ORDER BY v.version_no" "1|superseded|2.0|week
2|approved|3.0|week"
	stored "SELECT count(*), min(with_whom) FROM monitoring_note m JOIN plan p ON p.id = m.plan_id
		WHERE p.request_id = (SELECT id FROM request WHERE case_ref = 'CUS.IPUS.3.2026')" "1|córka"
	stored "SELECT c.reason, c.closed_on, c.followup_due, c.person_view, c.changes FROM closure c
		JOIN plan p ON p.id = c.plan_id WHERE p.request_id = (SELECT id FROM request WHERE case_ref = 'CUS.IPUS.3.2026')" "goals_achieved|2026-11-22|2027-05-22|Jest zadowolona z opiekunki.|Radzi sobie z zakupami."
	stored "SELECT status FROM request WHERE id = (SELECT id FROM request WHERE case_ref = 'CUS.IPUS.3.2026')" "closed"
}

# the coordinator's desk on the closing form of case 25.2026, in "Zdanie osoby"
closing_form_of_michalska() {
	start
	login_worklist koordynator || return 1
	open_case "25.2026" "Michalska" "CUS.IPUS.25.2026" || return 1
	keys c
	wait_for "Zamknięcie planu" || return 1
	field "Zdanie osoby"
}

closing_text_survives_a_kill() {
	closing_form_of_michalska || return
	type_text "Mówi, że opiekunka jest bardzo punktualna."
	sleep 5                       # autosaved a few seconds after typing
	stop                          # the terminal is gone, nothing was saved by hand
	start
	wait_for "Logowanie" || return
	type_text "koordynator"; keys Enter
	type_text "demo1234"; keys Enter
	# the desk says where text was left and opens that form
	wait_for "Tekst, którego ostatnio nie zapisano" || return
	expect_screen "CUS.IPUS.25.2026 Michalska Anna: zamknięcie planu"
	keys Enter
	wait_for "Przywrócono niezapisany tekst" || return
	expect_screen "bardzo punktualna"
	# dropping it on purpose drops the copy too: the next login goes on
	keys Escape
	wait_for "Wyjść bez zapisania" || return
	keys t
	wait_for "na dziś" || return
	logout || return
	login_worklist koordynator || return
	expect_not_screen "Tekst, którego ostatnio nie zapisano"
	stored "SELECT count(*) FROM text_draft" "0"
	stored "SELECT count(*) FROM closure c JOIN plan p ON p.id = c.plan_id JOIN request r
		ON r.id = p.request_id WHERE r.case_ref = 'CUS.IPUS.25.2026'" "0"
}

# A register of years: 260 more unmet needs, read a page at a time; PgDn
# past the first page and End reach the newest, which is answered.
register_reads_page_by_page() {
	sqlite3 -batch "$DB" "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k
		WHERE i < 260) INSERT INTO need(assessment_id, description, unmet)
		SELECT (SELECT id FROM assessment ORDER BY held_on DESC, id DESC LIMIT 1),
		printf('potrzeba nr %03d', i), 1 FROM k" || { fail "setup"; return; }
	start
	login organizator || return
	menu_pick "Potrzeby niezaspokojone" || return
	wait_for "potrzeby niezaspokojone ·" || return
	expect_not_screen "potrzeba nr 260"
	i=0
	while [ "$i" -lt 14 ]; do keys NPage; i=$((i + 1)); done
	sleep 0.3
	expect_screen "potrzeba nr 2"          # beyond the first page of 200
	keys End
	wait_for ">" || return
	screen | grep -E '^ *>' | grep -qF "potrzeba nr 260" || fail "End: not on the newest"
	keys F8
	wait_for "Data zaspokojenia" || return
	keys Enter
	wait_for "Potrzeba opuściła rejestr" || return
	expect_not_screen "potrzeba nr 260"
	expect_screen "potrzeba nr 259"        # the rows read stay after the reload
	stored "SELECT answered_on IS NOT NULL FROM need WHERE description = 'potrzeba nr 260'" "1"
}

registers_for_the_organiser() {
	start
	login organizator || return
	menu_pick "Potrzeby niezaspokojone" || return
	wait_for "potrzeby niezaspokojone ·" || return
	expect_screen "Grupa wsparcia dla opiekunów"
	expect_screen "CUS.IPUS.3.2026"
	keys Enter                 # the oldest: Łódź Żaneta's case
	wait_for "CUS.IPUS.3.2026 · Łódź Żaneta" || return
	keys Escape
	wait_for "potrzeby niezaspokojone ·" || return
	keys Escape
	wait_for "menu główne" || return
	menu_pick "Lista oczekujących" || return
	wait_for "lista oczekujących ·" || return
	expect_screen ">1   Usługi opiekuńcze"
	expect_screen "CUS.IPUS.6.2026"
	keys DC
	wait_for "Skreślenie z listy oczekujących" || return
	type_text "Zrezygnował, opiekuje się nim córka."
	keys Enter
	wait_for "Skreślono z listy oczekujących." || return
	expect_not_screen "CUS.IPUS.6.2026"
	expect_screen ">1   Usługi opiekuńcze"     # the next one moves up
	stored "SELECT w.removed_on, w.removed_reason FROM waiting_entry w JOIN request r
		ON r.id = w.request_id WHERE r.case_ref = 'CUS.IPUS.6.2026'" "2026-11-22|Zrezygnował, opiekuje się nim córka."
}

# plan_5_new_service: the coordinator opens the plan of CUS.IPUS.5.2026
# (qualified, the plan is due) and a new service form with legal advice
plan_5_new_service() {
	start
	login_worklist koordynator || return 1
	keys Down Enter
	wait_for "CUS.IPUS.5.2026 · Walczak Żaneta" || return 1
	keys p
	wait_for "Plan (IPUS)" || return 1
	keys F6
	wait_for "Usługa w planie" || return 1
	keys F4
	wait_for "┌─ Usługa ─" || return 1
	type_text "doradztwo pr"
	keys Enter
	wait_for "Doradztwo prawne (Program" || return 1
}

plan_over_a_limit() {
	plan_5_new_service || return
	field "Wymiar"
	type_text "10"
	keys F2
	wait_for "10 godzin tygodniowo" || return
	keys F2
	wait_for "przekracza limit programu (4); aby mimo" || return
	keys F7
	wait_for "Uzasadnienie" || return
	field "Uzasadnienie"
	type_text "Sprawa sądowa w toku; decyzja zespołu."
	keys F2
	wait_for "[ponad limit]" || return
	keys F2
	wait_for "Zapisano z przekroczeniem limitu" || return
	keys Escape
	wait_for "CUS.IPUS.5.2026 ·" || return
	expect_screen "ponad limit, bo: Sprawa sądowa w toku; decyzja zespołu."
	stored "SELECT v.status, s.name, i.amount, i.frequency, i.override_reason FROM plan_item i
		JOIN plan_version v ON v.id = i.version_id JOIN plan p ON p.id = v.plan_id
		JOIN service s ON s.id = i.service_id JOIN request r ON r.id = p.request_id
		WHERE r.case_ref = 'CUS.IPUS.5.2026'" "draft|Doradztwo prawne|10.0|week|Sprawa sądowa w toku; decyzja zespołu."
}

director_returns_a_plan() {
	start
	login_worklist dyrektor || return
	expect_screen "CUS.IPUS.15.2026"
	keys Enter                 # the oldest plan to approve: read through
	wait_for "plan (do przeczytania)" || return
	expect_screen "Usługi opiekuńcze dla osób starszych"
	keys NPage
	wait_for "Limit programu: 40 godzin miesięcznie" || return
	keys x
	wait_for "Zwrot planu" || return
	type_text "Brak uzgodnienia z córką; proszę dopisać dowóz."
	keys Escape                # by mistake: asked, and the comment stays
	wait_for "Porzucić to, co tu wpisano?" || return
	keys n
	wait_for "proszę dopisać dowóz." || return
	keys Enter
	wait_for "Plan zwrócono koordynatorowi." || return
	open_case "15.2026" "Cieślak" "CUS.IPUS.15.2026" || return
	expect_screen "wersja 1: zwrócony"
	keys p                     # from the case too: the director reads the plan
	wait_for "plan (do przeczytania)" || return
	expect_screen "Zwrócony z uwagami: Brak uzgodnienia z córką"
	expect_not_screen "z zatwierdź"            # returned: nothing to decide now
	keys Escape
	wait_for "CUS.IPUS.15.2026 ·" || return
	expect_screen "zwrócony: Brak uzgodnienia z córką; proszę dopisać dowóz."
	logout || return
	login_worklist koordynator || return
	expect_screen "plan zwrócony"
	expect_screen "CUS.IPUS.15.2026"
	stored "SELECT v.status, v.return_comment FROM plan_version v JOIN plan p ON p.id = v.plan_id
		JOIN request r ON r.id = p.request_id WHERE r.case_ref = 'CUS.IPUS.15.2026'" "returned|Brak uzgodnienia z córką; proszę dopisać dowóz."
	# the coordinator sees the comment in the plan editor while correcting it
	open_case "15.2026" "Cieślak" "CUS.IPUS.15.2026" || return
	keys p
	wait_for "Plan (IPUS)" || return
	expect_screen "Zwrócony przez zatwierdzającego: Brak uzgodnienia z córką"
}

director_authorises_an_organiser() {
	start
	# before: the organiser has no plans to approve
	login_worklist organizator || return
	expect_not_screen "plan do zatwierdzenia"
	keys Escape
	wait_for "menu główne" || return
	expect_not_screen "Upoważnienia do zatwierdzania planów"
	logout || return
	login dyrektor || return
	menu_pick "Upoważnienia do zatwierdzania" || return
	wait_for "upoważnienia ·" || return
	keys F7
	wait_for "Którego organizatora upoważnić" || return
	keys Enter
	wait_for "Od (Enter: dziś):" || return
	keys Enter
	wait_for "Do (Enter: bezterminowo):" || return
	keys Enter
	wait_for "Zapisano." || return
	expect_screen "Tomasz Łęcki"
	expect_screen "2026-11-22 …"
	logout || return
	# now the organiser approves
	login_worklist organizator || return
	expect_screen "plan do zatwierdzenia"
	menu_pick "CUS.IPUS.15.2026" || return
	wait_for "plan (do przeczytania)" || return
	confirm z "Zatwierdzić plan?" || return
	wait_for "Plan zatwierdzony" || return
	open_case "15.2026" "Cieślak" "CUS.IPUS.15.2026" || return
	expect_screen "Tomasz Łęcki"
	stored "SELECT o.login, g.login, a.valid_from, COALESCE(a.valid_to, '-') FROM authorisation a
		JOIN app_user o ON o.id = a.organiser_id JOIN app_user g ON g.id = a.granted_by" "organizator|dyrektor|2026-11-22|-"
	stored "SELECT v.status, u.login FROM plan_version v JOIN plan p ON p.id = v.plan_id
		JOIN request r ON r.id = p.request_id LEFT JOIN app_user u ON u.id = v.decided_by
		WHERE r.case_ref = 'CUS.IPUS.15.2026'" "approved|organizator"
}

assessment_text_survives_a_kill() {
	start
	login_worklist koordynator || return
	keys Enter                                  # CUS.IPUS.3.2026, assessment begun
	wait_for "CUS.IPUS.3.2026 ·" || return
	keys r
	wait_for "Rozpoznanie potrzeb" || return
	keys F6
	wait_for "Obszary życia" || return
	keys Enter
	wait_for "Obszar życia: zdrowie" || return
	type_text "Od roku choruje na serce, źle śpi."
	sleep 5
	stop
	start
	wait_for "Logowanie" || return
	type_text "koordynator"; keys Enter
	type_text "demo1234"; keys Enter
	wait_for "Tekst, którego ostatnio nie zapisano" || return
	expect_screen "CUS.IPUS.3.2026 Łódź Żaneta: rozpoznanie potrzeb (zdrowie)"
	keys Enter
	wait_for "Obszar życia: zdrowie" || return     # the domain's form at once
	expect_screen "Od roku choruje na serce, źle śpi."
	keys F2
	wait_for "Zapisano: zdrowie." || return
	wait_for "na dziś"                           # nothing left unsaved
	stored "SELECT d.situation FROM assessment_domain d JOIN assessment s ON s.id = d.assessment_id
		WHERE s.request_id = (SELECT id FROM request WHERE case_ref = 'CUS.IPUS.3.2026') AND d.domain_code = 'health'" "Od roku choruje na serce, źle śpi."
	stored "SELECT count(*) FROM text_draft" "0"
}

plan_in_force_contact_resignation_card() {
	start
	login_worklist koordynator || return
	open_case "25.2026" "Michalska" "CUS.IPUS.25.2026" || return
	keys k                                     # one service: no list to choose from
	wait_for "Data (Enter: dziś):" || return
	keys Enter
	wait_for "Zapisano kontakt realizatora." || return
	expect_screen "kontakt realizatora 2026-11-22"
	keys n
	wait_for "cały plan" || return
	keys Down Enter
	wait_for "Powód:" || return
	type_text "Przeprowadzka do córki."
	keys Enter
	wait_for "Zapisać rezygnację?" || return        # which services end, asked first
	expect_screen "Te usługi kończą się 2026-11-22:"
	keys t
	wait_for "Czy rezygnacja była pisemna?" || return
	keys t
	wait_for "Zapisano." || return
	expect_screen "Przeprowadzka do córki.)"        # the end of the service, with its reason
	expect_screen "Dalej: c: zamknij plan"
	keys u
	wait_for "karta usług ·" || return
	expect_screen "Karta usług: Anna Michalska"
	expect_screen "CUS.IPUS.25.2026"
	R25="(SELECT p.id FROM plan p JOIN request r ON r.id = p.request_id WHERE r.case_ref = 'CUS.IPUS.25.2026')"
	stored "SELECT o.provider_contact_on FROM service_order o JOIN plan_item i ON i.id = o.item_id
		JOIN plan_version v ON v.id = i.version_id WHERE v.plan_id = $R25" "2026-11-22"
	stored "SELECT on_date, reason, written FROM resignation WHERE plan_id = $R25" "2026-11-22|Przeprowadzka do córki.|1"
	stored "SELECT i.ended_on, i.end_reason FROM plan_item i JOIN plan_version v ON v.id = i.version_id
		WHERE v.plan_id = $R25 AND v.status = 'approved'" "2026-11-22|rezygnacja: Przeprowadzka do córki."
}

followup_after_closing() {
	start
	login_worklist koordynator || return
	open_case "9.2026" "Maciejewski" "CUS.IPUS.9.2026" || return
	expect_screen "Dalej: f: losy osoby"
	keys f
	wait_for "Jak radzi sobie osoba:" || return
	type_text "Mieszka sam, radzi sobie, zakupy robi sąsiad."
	keys Enter
	wait_for "Zapisano." || return
	expect_screen "Dalej: u: karta usług"           # the follow-up is done
	keys End
	wait_for "radzi sobie, zakupy robi sąsiad." || return
	stored "SELECT c.followup_on, c.followup_note FROM closure c JOIN plan p ON p.id = c.plan_id
		JOIN request r ON r.id = p.request_id WHERE r.case_ref = 'CUS.IPUS.9.2026'" \
		"2026-11-22|Mieszka sam, radzi sobie, zakupy robi sąsiad."
}

# add_plan_service TEXT AMOUNT [month]: in the plan editor, a service found
# by TEXT, AMOUNT a week (a month when a third word is given)
add_plan_service() {
	keys F6
	wait_for "Usługa w planie" || return 1
	keys F4
	wait_for "┌─ Usługa ─" || return 1
	type_text "$1"
	keys Enter
	field "Wymiar" || return 1
	type_text "$2"
	if [ -n "${3:-}" ]; then field "Jak często"; keys Right; fi   # a month
	keys F2
	wait_for "F2 zapisuje plan" || return 1
}

# Two desks on one draft plan: the coordinator adds a service and saves;
# the organiser, on the plan read before, writes the goals and saves: told
# who saved and what (the service), merges, and both changes are kept.
two_desks_save_one_plan() {
	start
	login_worklist koordynator || return
	keys Down Enter                        # CUS.IPUS.5.2026: the plan is due
	wait_for "CUS.IPUS.5.2026 · Walczak Żaneta" || return
	keys p
	wait_for "Plan (IPUS)" || return
	add_plan_service "usługi opiek" 2 || return
	keys F2
	wait_for "Zapisano plan." || return
	mkdir -p "$WORK/b"
	start_second
	T=ui2
	login_worklist organizator || return
	open_case "5.2026" "Walczak" "CUS.IPUS.5.2026" || return
	keys p
	wait_for "Plan (IPUS)" || return
	T=ui
	add_plan_service "doradztwo pr" 1 month || return
	keys F2
	wait_for "Zapisano plan." || return
	T=ui2
	field "Cele"; type_text "Samodzielne zakupy."
	keys F2
	wait_for "Zapisane przez kogoś innego w międzyczasie" || return
	expect_screen "+ Doradztwo prawne: dodana"
	expect_screen "Cele: — → Samodzielne zakupy."
	keys m
	wait_for "Zapisano plan." || return
	stored "SELECT v.goals, count(i.id) FROM plan_version v JOIN plan p ON p.id = v.plan_id
		JOIN request r ON r.id = p.request_id JOIN plan_item i ON i.version_id = v.id
		WHERE r.case_ref = 'CUS.IPUS.5.2026'" "Samodzielne zakupy.|2"
	T=ui
}

# Two desks close one plan: the first closing is kept, the second desk is
# told who closed it and when, and what it typed stays in its form.
two_desks_close_one_plan() {
	closing_form_of_michalska || return
	type_text "Pierwsza desk: zadowolona."
	mkdir -p "$WORK/b"
	start_second
	T=ui2
	login_worklist organizator || return
	open_case "25.2026" "Michalska" "CUS.IPUS.25.2026" || return
	keys c
	wait_for "Zamknięcie planu" || return
	field "Powód"; keys Right
	field "Zdanie osoby"; type_text "Druga desk: bardzo zadowolona."
	keys F6
	wait_for "Przebieg planu." || return
	keys F2
	wait_for "Zamknąć plan?" || return
	keys t
	wait_for "Plan zamknięty; sprawdzenie do" || return
	T=ui
	field "Powód"; keys Right
	keys F6
	wait_for "Przebieg planu." || return
	keys F2
	wait_for "Zamknąć plan?" || return
	keys t
	wait_for "w międzyczasie zamknął(-ęła) ten plan" || return
	expect_screen "Pierwsza desk: zadowolona."
	stored "SELECT c.person_view FROM closure c JOIN plan p ON p.id = c.plan_id JOIN request r
		ON r.id = p.request_id WHERE r.case_ref = 'CUS.IPUS.25.2026'" "Druga desk: bardzo zadowolona."
}

# The follow-up half a year after closing, written at two desks at once:
# the first is kept, the second desk is told whose it is.
two_desks_record_one_followup() {
	start
	login_worklist koordynator || return
	open_case "9.2026" "Maciejewski" "CUS.IPUS.9.2026" || return
	keys f
	wait_for "Jak radzi sobie osoba:" || return
	type_text "Pierwsza: radzi sobie."
	mkdir -p "$WORK/b"
	start_second
	T=ui2
	login_worklist organizator || return
	open_case "9.2026" "Maciejewski" "CUS.IPUS.9.2026" || return
	keys f
	wait_for "Jak radzi sobie osoba:" || return
	type_text "Druga: mieszka u syna."
	keys Enter
	wait_for "Zapisano." || return
	T=ui
	keys Enter
	wait_for "Kontakt po zakończeniu już zapisał(a) Tomasz Łęcki" || return
	expect_screen "Jak radzi sobie osoba: Pierwsza: radzi sobie."   # still there
	keys Escape
	stored "SELECT c.followup_note FROM closure c JOIN plan p ON p.id = c.plan_id
		JOIN request r ON r.id = p.request_id WHERE r.case_ref = 'CUS.IPUS.9.2026'" \
		"Druga: mieszka u syna."
}
