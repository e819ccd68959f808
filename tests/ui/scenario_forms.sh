# Forms: errors name the field and keep the text; resizing keeps what was
# typed; below 80x24 a notice; the duplicate warning; Esc asks first.
SCENARIOS="${SCENARIOS:-} bad_pesel_keeps_text resize_during_form too_small_notice duplicate_warning too_long_is_refused_not_cut same_pesel_only_uses_the_registered"

bad_pesel_keeps_text() {
	start
	login recepcja || return
	keys F3
	wait_for "nowa osoba" || return
	type_text "Jan"; field "Nazwisko"
	type_text "Kowalski"; field "PESEL"
	type_text "44051401358x"            # a typed field: the letter is refused
	field "Data urodz."
	wait_for "PESEL: błędna cyfra kontrolna" || return
	expect_not_screen "44051401358x"
	expect_screen "PESEL!"                # the text marker for monochrome
	keys F2
	wait_for "Błąd: PESEL: błędna cyfra kontrolna" || return
	expect_screen "44051401358"
	expect_screen "Kowalski"
	keys Escape
	wait_for "Wyjść bez zapisania" || return
	keys n
	wait_gone "Wyjść bez zapisania" || return
	expect_screen "Kowalski"
	stored "SELECT count(*) FROM person WHERE surname = 'Kowalski' AND first_names = 'Jan'" "0"
}

resize_during_form() {
	start
	login recepcja || return
	keys F3
	wait_for "nowa osoba" || return
	type_text "Łucja"; field "Nazwisko"
	type_text "Ślązak"; field "PESEL"
	type_text "5203"
	resize 120 40
	wait_for "Ślązak" || return
	type_text "1502886"
	resize 80 24
	sleep 0.3
	wait_for "52031502886" || return
	expect_screen "Łucja"
	field "O co prosi"
	type_text "Usługi opiekuńcze."
	keys F2
	wait_for "Wniosek zarejestrowany" || return
	cli person find slazak | grep -q "Ślązak	Łucja	52031502886" || fail "not stored"
}

too_small_notice() {
	start
	login recepcja || return
	keys F3
	wait_for "nowa osoba" || return
	type_text "Grażyna"
	wait_for "Grażyna" || return
	resize 70 20
	wait_for "Okno terminala jest za małe" || return
	expect_screen "jest 70×20"
	resize 80 24
	wait_for "nowa osoba" || return
	wait_for "Grażyna" || return
	expect_not_screen "za małe"
}

duplicate_warning() {
	cli person add --first "Zofia" --last "Wójcik" --birth 1948-02-03 --town Cupel >/dev/null
	start
	login recepcja || return
	keys F3
	wait_for "nowa osoba" || return
	type_text "ZOFIA"; field "Nazwisko"
	type_text "Wojcik"; field "Data urodz."
	type_text "1948-02-03"
	field "O co prosi"
	type_text "Dowóz na rehabilitację."
	keys F2
	wait_for "Możliwy duplikat" || return
	expect_screen "Wójcik Zofia"
	expect_screen "Cupel"
	keys u
	wait_for "Wniosek zarejestrowany" || return
	keys Enter
	n=$(cli person find wojcik zofia | wc -l)
	[ "$n" = 1 ] || fail "expected one Zofia Wójcik, got $n"
	# the request went to the registered Zofia, not to a new person
	stored "SELECT p.town, r.asked FROM request r JOIN person p ON p.id = r.person_id
		WHERE p.surname = 'Wójcik' AND p.first_names = 'Zofia'" "Cupel|Dowóz na rehabilitację."
}

# A field may show more characters than its record holds bytes (Polish
# letters take two): the save is refused with the field named, the typed
# text stays, and nothing is stored cut short.
too_long_is_refused_not_cut() {
	start
	login recepcja || return
	keys F3
	wait_for "nowa osoba" || return
	type_text "Łucja"; field "Nazwisko"
	type_text "Żółtodziobska"; field "Miejscowość"
	type_text "Łąśźżółćęńłąśźżółćęńłąśźżółć"                 # 28 letters, 56 bytes
	wait_for "Miejscowość: zostało 7 bajtów" || return      # the room left, near the end
	type_text "ęńłąśźżółćęń"                                  # 40 letters, 80 bytes in all
	# the field takes what the record holds (63 bytes) and says so at once;
	# what it shows is what it holds
	wait_for "Miejscowość: pełne, najwyżej 63 bajty" || return
	expect_screen "Miejscowość    <łąśźżółćęńłąśźżółćęńł "    # longer than the field: it scrolls
	field "O co prosi"
	type_text "Opieka."
	keys F2
	wait_for "Wniosek zarejestrowany" || return
	keys Enter
	stored "SELECT town FROM person WHERE surname = 'Żółtodziobska'" "Łąśźżółćęńłąśźżółćęńłąśźżółćęńł"
}

# The same PESEL is the same person: the dialog offers only to use the one
# registered (saving a second would fail), whatever name was typed.
same_pesel_only_uses_the_registered() {
	cli person add --first "Jan" --last "Peselowy" --pesel 44051401359 --town Cupel >/dev/null
	start
	login recepcja || return
	keys F3
	wait_for "nowa osoba" || return
	type_text "Janek"; field "Nazwisko"
	type_text "Peselowski"; field "PESEL"
	type_text "44051401359"
	field "O co prosi"
	type_text "Opieka."
	keys F2
	wait_for "Ten PESEL jest już zarejestrowany" || return
	expect_screen "Peselowy Jan"
	expect_not_screen "mimo to zapisz"
	keys s                                          # not offered: nothing happens
	sleep 0.3
	expect_screen "Ten PESEL jest już zarejestrowany"
	keys u
	wait_for "Wniosek zarejestrowany" || return
	keys Enter
	stored "SELECT p.first_names, r.asked FROM request r JOIN person p ON p.id = r.person_id
		WHERE p.pesel = '44051401359'" "Jan|Opieka."
	stored "SELECT count(*) FROM person WHERE surname = 'Peselowski'" "0"
}
