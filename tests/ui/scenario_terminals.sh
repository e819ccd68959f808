# shellcheck shell=sh
# The desk as people really type: the raw bytes of PuTTY's factory keys
# under TERM=xterm, the Linux console, SCO mode and VT100; Esc and a digit
# for a function key; sequences nobody knows dropped whole; a pasted
# screenful of Polish text kept byte for byte.
SCENARIOS="${SCENARIOS:-} putty_keys_under_xterm other_terminals_keys esc_digit_and_lone_esc paste_keeps_every_character fields_hold_what_they_show readable_at_80_columns hints_tell_the_truth intake_shows_caseload case_path_on_putty case_path_on_vt100 intake_keystrokes note_corrected_keeps_the_first assessment_sittings_kept plan_service_schedule ctrl_keys_stand_in"

# raw HEX...: the bytes a terminal sends, as they are
raw() { tm send-keys -t "$T" -H "$@"; }
PUTTY_F1="1b 5b 31 31 7e"; PUTTY_F2="1b 5b 31 32 7e"; PUTTY_F3="1b 5b 31 33 7e"
PUTTY_HOME="1b 5b 31 7e"; PUTTY_END="1b 5b 34 7e"
CTRL_END="1b 5b 31 3b 35 46"; UNKNOWN="1b 5b 39 39 7e"

putty_keys_under_xterm() {
	start TERM=xterm
	wait_for "Logowanie" || return
	raw $PUTTY_F1                                  # F1 helps, it does not quit
	wait_for "Pomoc cusdesk" || return
	keys Escape
	wait_for "Logowanie" || return
	login recepcja || return
	raw $PUTTY_F3                                  # F3: a new request
	wait_for "nowa osoba" || return
	type_text "ucja"
	raw $PUTTY_HOME                                # Home, then a letter: inserted
	type_text "Ł"
	raw $CTRL_END $UNKNOWN                         # nothing typed, nothing asked
	type_text "!"
	sleep 0.3
	expect_screen "Imię*          Łucja!"
	expect_not_screen "[1;5F"
	expect_not_screen "Wyjść bez zapisania"
	keys BSpace
	field "Nazwisko"; type_text "Putty"
	field "O co prosi"; type_text "Dowóz."
	raw $PUTTY_F2                                  # F2 saves
	wait_for "Wniosek zarejestrowany" || return
	keys Enter
	stored "SELECT first_names, surname FROM person WHERE surname = 'Putty'" "Łucja|Putty"
	raw $PUTTY_END
	expect_not_screen "Wylogować"
}

other_terminals_keys() {
	# the Linux console's F1 (ESC [ [ A), whatever TERM says
	start TERM=linux
	wait_for "Logowanie" || return
	raw 1b 5b 5b 41
	wait_for "Pomoc cusdesk" || return
	stop
	# PuTTY's SCO mode: F1 is ESC [ M
	start TERM=xterm
	wait_for "Logowanie" || return
	raw 1b 5b 4d
	wait_for "Pomoc cusdesk" || return
	stop
	# VT100: F1 is ESC O P; the keypad in application mode types digits
	start TERM=vt100
	wait_for "Logowanie" || return
	raw 1b 4f 50
	wait_for "Pomoc cusdesk" || return
	keys Escape
	wait_for "Logowanie" || return
	raw 1b 4f 71 1b 4f 72                          # keypad 1 2
	sleep 0.3
	expect_screen "Login*         12"
}

esc_digit_and_lone_esc() {
	start
	login recepcja || return
	keys Escape 1                                  # Esc 1: F1, as in Midnight Commander
	wait_for "Pomoc cusdesk" || return
	keys Escape                                    # a lone Esc still answers
	wait_gone "Pomoc cusdesk" || return
	keys Escape 3                                  # Esc 3: F3
	wait_for "nowa osoba" || return
}

paste_keeps_every_character() {
	# 5,000 characters of Polish text in lines, as copied from a letter
	python3 -c '
import random
r = random.Random(5)
words = "rehabilitacja zażółć gęślą jaźń opiekunka przychodzi codziennie Łódź Źródlana mama córka sąsiad dowóz lekarz ćwiczenia".split()
out, line = [], ""
while sum(len(l) + 1 for l in out) + len(line) < 5000:
    w = r.choice(words)
    if len(line) + len(w) + 1 > 70:
        out.append(line); line = w
    else:
        line = (line + " " + w) if line else w
text = "\n".join(out + [line])[:5000].rstrip()
open("'"$WORK"'/paste.txt", "w").write(text)
'
	[ "$(python3 -c "print(len(open('$WORK/paste.txt').read()))")" -ge 4990 ] || fail "the text to paste is short"
	start
	login_worklist koordynator || return
	open_case "25.2026" "Michalska" "CUS.IPUS.25.2026" || return
	keys m
	wait_for "Notatka z monitoringu" || return
	field "Notatka"
	tm load-buffer -b p "$WORK/paste.txt"
	tm paste-buffer -p -b p -t "$T"                # bracketed, as a terminal pastes
	sleep 1
	keys F2
	wait_for "Zapisano notatkę z monitoringu." 10 || return
	sqlite3 -batch "$DB" "SELECT text FROM monitoring_note ORDER BY id DESC LIMIT 1" >"$WORK/stored.txt"
	printf '\n' >>"$WORK/paste.txt"                # sqlite3 ends its output with one
	cmp -s "$WORK/paste.txt" "$WORK/stored.txt" ||
		fail "the stored note differs: $(cmp "$WORK/paste.txt" "$WORK/stored.txt" 2>&1)"
}

# Fields hold what they show: Home then letters inserts (one line and
# several), a filled date is typed over and read the Polish way, a choice
# does not change when letters are typed on it, Backspace clears a field.
fields_hold_what_they_show() {
	start
	login recepcja || return
	keys F3
	wait_for "nowa osoba" || return
	expect_screen "Gmina          Czarnia"         # the centre serves one gmina: preset
	type_text "Pola"; field "Nazwisko"
	type_text "Widoczne"; field "Telefon"
	type_text "600100200"
	i=0; while [ $i -lt 9 ]; do keys BSpace; i=$((i + 1)); done     # cleared
	field "Data złożenia"
	type_text "20.11.2026"                          # typed over, not into
	field "Źródło zgł."
	type_text "abc"
	wait_for "pole wyboru; zmień je strzałkami" || return
	expect_screen "Źródło zgł.*   zgłoszenie własne"
	expect_screen "Data złożenia* 2026-11-20"        # shown as it is stored
	field "O co prosi"
	type_text "abilitacja ręki"
	keys Home
	type_text "reh"
	keys F2
	wait_for "Wniosek zarejestrowany" || return
	keys Enter
	stored "SELECT r.filed_on, r.referral_source, r.asked, p.phone, (SELECT name FROM gmina WHERE id = p.gmina_id) FROM request r JOIN person p
		ON p.id = r.person_id WHERE p.surname = 'Widoczne'" "2026-11-20|self|rehabilitacja ręki||Czarnia"
}

# Everything readable at 80x24: the login hint ends its sentence, list
# columns hold their names, a long message keeps its end.
readable_at_80_columns() {
	start
	wait_for "Logowanie" || return
	expect_screen "w polu hasła loguje, Esc kończy."
	login recepcja || return
	menu_pick "Wnioski" || return
	wait_for "Na liście:" || return
	expect_screen "Anna Wiśniewska"
	expect_screen "Koordynator"
	keys Escape
	wait_for "menu główne" || return
	keys F3
	wait_for "nowa osoba" || return
	type_text "Długi"; field "Nazwisko"
	type_text "Komunikat"; field "PESEL"
	type_text "44051401358"                        # a wrong check digit
	field "O co prosi"; type_text "Opieka."
	keys F2
	wait_for "PESEL" || return
	# the message's end is on the screen, not cut at the 80th column
	screen | tail -3 | tr -d '\n' | grep -q "cyfra kontrolna" ||
		fail "the PESEL message was cut: $(screen | tail -3)"
}

# The hint bar shows the keys that act for this role in this state, and
# F1 starts with the screen the user is on.
hints_tell_the_truth() {
	start
	login_worklist dyrektor || return
	open_case "15.2026" "Cieślak" "CUS.IPUS.15.2026" || return
	screen | tail -1 | grep -q "z zatwierdź" || fail "no z in the director's hints: $(screen | tail -1)"
	screen | tail -1 | grep -q "x zwróć" || fail "no x in the director's hints: $(screen | tail -1)"
	screen | tail -1 | grep -q "r rozpoznanie\|m monitoring" &&
		fail "coordinator keys hinted to the director: $(screen | tail -1)"
	keys F1
	wait_for "Ten ekran: sprawa" || return
	screen | sed -n 3p | grep -q "^ *r " || fail "the case keys are not first: $(screen | sed -n 2,4p)"
	keys Escape
	wait_gone "Pomoc cusdesk" || return
	stop
	start
	login_worklist koordynator || return
	open_case "25.2026" "Michalska" "CUS.IPUS.25.2026" || return   # a plan in force
	screen | tail -1 | grep -q "m monitoring" || fail "no m for the coordinator: $(screen | tail -1)"
	screen | tail -1 | grep -q "z zatwierdź" && fail "z hinted to the coordinator: $(screen | tail -1)"
	return 0
}

# At intake the coordinator list says how many open cases each one has.
intake_shows_caseload() {
	start
	login recepcja || return
	keys F3
	wait_for "nowa osoba" || return
	field "Koordynator"
	keys F4
	wait_for "┌─ Koordynator ─" || return
	n=$(sqlite3 -batch "$DB" "SELECT count(*) FROM request r JOIN app_user u ON u.id = r.coordinator_id
		WHERE u.login = 'koordynator' AND r.status IN ('filed', 'assessment', 'qualified', 'waiting')")
	case $n in
	1) want="$n otwarta sprawa";;
	[2-4]|[2-9][2-4]) want="$n otwarte sprawy";;
	*) want="$n otwartych spraw";;
	esac
	expect_screen "Anna Wiśniewska · $want"
}

# The whole case path again, on PuTTY's factory keys under TERM=xterm and
# on a VT100 (its four PF keys, Esc and a digit for the rest).
case_path_on_putty() {
	UI_TERM=xterm KEYS_AS=putty case_path_two_logins
}

case_path_on_vt100() {
	UI_TERM=vt100 KEYS_AS=vt100 case_path_two_logins
}

# The keystrokes of a reception intake: a new resident with PESEL, address
# and phone, a request and a coordinator; printed, and at most 110.
intake_keystrokes() {
	start
	login recepcja || return
	KEYS_CMD=0; KEYS_TYPED=0
	keys F3
	wait_for "nowa osoba" || return
	type_text "Żaneta"; keys Tab
	type_text "Źrebiec-Łęcka"; keys Tab
	type_text "90051203422"; keys Tab            # birth date and sex filled from it, skipped
	type_text "600100200"; keys Tab
	type_text "Źródlana"; keys Tab
	type_text "7"; keys Tab Tab
	type_text "07431"; keys Tab
	type_text "Czarnia"; keys Tab Tab Tab         # the gmina preset, no e-mail
	type_text "Pomoc w domu: zakupy, sprzątanie."
	keys Tab                                      # the coordinator: the request first,
	keys F4                                       # the presets (today, in person) after
	wait_for "┌─ Koordynator ─" || return
	keys Enter                                    # the list starts on the least busy one
	keys F2
	wait_for "Wniosek zarejestrowany" || return
	keys Enter
	total=$((KEYS_CMD + KEYS_TYPED))
	echo "    intake: $total keystrokes ($KEYS_CMD command keys, $KEYS_TYPED typed)"
	[ "$total" -le 110 ] || fail "the intake took $total keystrokes (target 110)"
	stored "SELECT p.birth_date, p.sex, p.phone, p.street, p.house_no, p.postcode, p.town,
		(SELECT name FROM gmina WHERE id = p.gmina_id), u.login, r.asked FROM request r
		JOIN person p ON p.id = r.person_id JOIN app_user u ON u.id = r.coordinator_id
		WHERE p.pesel = '90051203422'" \
		"1990-05-12|K|600100200|Źródlana|7|07-431|Czarnia|Czarnia|koordynator|Pomoc w domu: zakupy, sprzątanie."
}

# A saved monitoring note is opened and corrected: the correction is a new
# note, the first stays as it was, readable, marked corrected.
note_corrected_keeps_the_first() {
	start
	login_worklist koordynator || return
	open_case "25.2026" "Michalska" "CUS.IPUS.25.2026" || return
	keys t
	wait_for "Notatki z monitoringu" || return
	keys Enter
	wait_for "opiekunka punktualna" || return
	keys Escape
	wait_for "[P] popraw" || return
	keys p
	wait_for "poprawianie notatki" || return
	field "Notatka"
	keys End
	type_text " Poprawka: spóźnia się w piątki."
	keys F2
	wait_for "Zapisano poprawkę" || return
	stored "SELECT count(*), sum(corrects_id IS NOT NULL) FROM monitoring_note m JOIN plan p
		ON p.id = m.plan_id JOIN request r ON r.id = p.request_id
		WHERE r.case_ref = 'CUS.IPUS.25.2026'" "2|1"
	stored "SELECT o.text, c.text FROM monitoring_note c JOIN monitoring_note o ON o.id = c.corrects_id" \
		"Usługa się odbywa; opiekunka punktualna.|Usługa się odbywa; opiekunka punktualna. Poprawka: spóźnia się w piątki."
	keys t
	wait_for "[poprawiona]" || return
}

# A second sitting of the needs assessment keeps the first one's date.
assessment_sittings_kept() {
	start
	login_worklist koordynator || return
	open_case "3.2026" "Łódź" "CUS.IPUS.3.2026" || return
	keys r
	wait_for "Rozpoznanie potrzeb" || return
	field "Data rozmowy"
	type_text "22.11.2026"                          # today's sitting, typed over
	keys F2
	wait_for "Zapisano rozpoznanie potrzeb (projekt)." || return
	wait_for "Dotychczasowe spotkania: 2026-09-01, 2026-11-22" || return
	stored "SELECT s.held_on, (SELECT group_concat(held_on, ',') FROM assessment_sitting
		WHERE assessment_id = s.id) FROM assessment s JOIN request r ON r.id = s.request_id
		WHERE r.case_ref = 'CUS.IPUS.3.2026'" "2026-09-01|2026-09-01,2026-11-22"
	keys Escape
	wait_for "2026-09-01, 2026-11-22, w CUS; projekt" || return
}

# A service's schedule as days and hours, not only how often.
plan_service_schedule() {
	plan_5_new_service || return
	field "Wymiar"; type_text "2"
	field "Jak często"; keys Right                  # monthly: within the programme's limit
	field "Dni"; type_text "pn śr pt"
	field "Godziny"; type_text "9-11"
	keys F2
	wait_for "2 godziny miesięcznie (pn, śr, pt 09:00-11:00)" || return
	keys F2
	wait_for "Zapisano plan." || return
	stored "SELECT i.days, i.hours FROM plan_item i JOIN plan_version v ON v.id = i.version_id
		JOIN plan p ON p.id = v.plan_id JOIN request r ON r.id = p.request_id
		WHERE r.case_ref = 'CUS.IPUS.5.2026'" "1,3,5|09:00-11:00"
}

# Ctrl stand-ins for the most used keys: ^O chooses from a list, ^S saves;
# the hint bar names them.
ctrl_keys_stand_in() {
	start
	login recepcja || return
	keys Escape 3
	wait_for "nowa osoba" || return
	screen | tail -1 | grep -q "F2/^S zapisz" || fail "the hint bar does not name ^S: $(screen | tail -1)"
	type_text "Kontrolna"; field "Nazwisko"
	type_text "Klawiszowa"
	field "Koordynator"
	keys C-o
	wait_for "┌─ Koordynator ─" || return
	keys Enter
	field "O co prosi"; type_text "Opieka."
	keys C-s
	wait_for "Wniosek zarejestrowany" || return
	keys Enter
	stored "SELECT count(*) FROM request r JOIN person p ON p.id = r.person_id
		WHERE p.surname = 'Klawiszowa' AND r.coordinator_id IS NOT NULL" "1"
}
