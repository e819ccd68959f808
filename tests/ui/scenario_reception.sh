# The reception flow: F3 from the menu, a new person and the request on one
# screen, saved with F2; then found by a query without Polish letters.
SCENARIOS="${SCENARIOS:-} reception_registers_person_and_request find_without_diacritics second_open_request_asks typed_controls_never_stored"

# fill_new_person: on the new-request screen, types a new person and the
# request text (fields: first, surname, PESEL, birth, sex, phone, street,
# house, flat, postcode, town, gmina, e-mail, filed on, channel, filed by,
# filer, referred by, coordinator, asked for)
fill_new_person() {
	type_text "Żaneta"; field "Nazwisko"
	type_text "Źrebiec-Łęcka"; field "PESEL"
	type_text "90051203422"; field "Telefon"
	type_text "600 100 200"; field "Ulica"
	type_text "ul. Źródlana"; field "Nr domu"
	type_text "7"; field "Kod poczt."
	type_text "07431"; field "Miejscowość"
	type_text "Czarnia"
	field "O co prosi"
	type_text "Pomoc w domu: zakupy, sprzątanie; mama po udarze."
}

# register_first: reception logs in and registers the new person's
# request (the demo's next case reference is CUS.IPUS.67.2026)
register_first() {
	start
	login recepcja || return 1
	keys F3
	wait_for "nowa osoba" || return 1
	fill_new_person
	keys F2
	wait_for "Wniosek zarejestrowany" || return 1
	expect_screen "CUS.IPUS.67.2026"
	keys Enter
	wait_for "Zarejestrowano wniosek CUS.IPUS.67.2026"
}

reception_registers_person_and_request() {
	register_first || return
	# what was stored, through the command line
	out=$(cli person find zrebiec)
	echo "$out" | grep -q "Źrebiec-Łęcka	Żaneta	90051203422" || fail "person not stored: $out"
	out=$(cli person find cus.ipus.67.2026)
	echo "$out" | grep -q "Źrebiec-Łęcka" || fail "case reference not searchable: $out"
}

find_without_diacritics() {
	cli person add --first "Żaneta" --last "Źrebiec-Łęcka" --pesel 90051203422 \
		--town "Żółkiewka" >/dev/null || { fail "cli add"; return; }
	start
	login koordynator || return
	keys F5
	wait_for "Szukaj:" || return
	type_text "zrebiec lecka"
	wait_for "Źrebiec-Łęcka" || return
	expect_screen "1 osoba"
	keys Enter
	wait_for "karta osoby" || return
	expect_screen "Żółkiewka"
	expect_screen "1990-05-12"          # birth date derived from the PESEL
	keys Escape
	wait_for "Szukaj:" || return
	keys BSpace BSpace BSpace BSpace BSpace BSpace
	type_text "ZOLC"                       # nobody: the town is not searched
	wait_for "Nikogo nie znaleziono"
}

# A person who has an open request: a second one is asked about first,
# naming the open one; "no" keeps the form, "yes" files it.
second_open_request_asks() {
	register_first || return
	keys F3
	wait_for "nowa osoba" || return
	fill_new_person
	keys F2
	wait_for "Możliwy duplikat" || return
	keys u
	wait_for "ma już otwarty wniosek CUS.IPUS.67.2026" || return
	keys n
	wait_for "Nie zarejestrowano; formularz jest taki, jak go wpisano." || return
	expect_screen "mama po udarze"
	stored "SELECT count(*) FROM request r JOIN person p ON p.id = r.person_id
		WHERE p.pesel = '90051203422'" 1
	keys F2                                # the registered person now: asked at once
	wait_for "ma już otwarty wniosek" || return
	keys t
	wait_for "Wniosek zarejestrowany" || return
	expect_screen "CUS.IPUS.68.2026"
	stored "SELECT count(*) FROM request r JOIN person p ON p.id = r.person_id
		WHERE p.pesel = '90051203422'" 2
}

# Control keys typed or pasted into a text field are not text: nothing of
# them is stored, the letters around them are.
typed_controls_never_stored() {
	start
	login recepcja || return
	keys F3
	wait_for "nowa osoba" || return
	fill_new_person
	keys C-g C-t C-y C-b
	type_text " Żółć"
	keys F2
	wait_for "Wniosek zarejestrowany" || return
	stored "SELECT asked FROM request WHERE case_ref = 'CUS.IPUS.67.2026'" \
		"Pomoc w domu: zakupy, sprzątanie; mama po udarze. Żółć"
	stored "SELECT count(*) FROM request WHERE instr(asked, char(7)) + instr(asked, char(20)) +
		instr(asked, char(25)) + instr(asked, char(2)) > 0" 0
}
