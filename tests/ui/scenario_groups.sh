# Group services (a request and a head count, no IPUS), supporting
# activities of the community organiser, and a new offer reaching a
# remembered unmet need.
SCENARIOS="${SCENARIOS:-} reception_enrols_into_a_group_service coordinator_enrols_from_the_case community_organiser_runs_an_activity new_capacity_reaches_an_unmet_need organiser_sets_a_fee_and_the_gminas coordinator_prints_from_the_case reception_records_consents reception_exports_for_excel printing_goes_to_lp"

reception_enrols_into_a_group_service() {
	start
	cli person add --first "Bożenna" --last "Źrebiec" --birth 1950-03-03 >/dev/null
	login recepcja || return
	menu_pick "Grupy i działania wspierające" || return
	wait_for "grupy ·" || return
	menu_pick "Zajęcia ruchowe" || return
	wait_for "na swój wniosek, bez IPUS" || return
	expect_screen "F7 nowy F6 spotkania F8 odchodzi"   # the list's keys in the hint bar
	keys F7
	wait_for "Kto dołącza do grupy" || return
	type_text "Źrebiec"
	wait_for "Bożenna" || return
	keys Enter
	wait_for "Przyjąć teraz wniosek" || return
	keys t
	wait_for "Data zapisu (RRRR-MM-DD):" || return
	keys Enter
	wait_for "Zapisano." || return
	expect_screen "Źrebiec Bożenna"
	expect_screen "CUS.IPUS.67.2026"              # the request filed with it
	# the meeting of today with its head count
	keys F6
	wait_for "spotkania grupy ·" || return
	keys F7
	wait_for "Data spotkania (RRRR-MM-DD):" || return
	keys Enter
	wait_for "Liczba obecnych:" || return
	type_text "x"; keys Enter
	wait_for "Uwagi" || return
	keys Enter
	wait_for "Liczba obecnych: liczba osób obecnych, 0 lub więcej" || return
	keys F7
	wait_for "Data spotkania (RRRR-MM-DD):" || return
	keys Enter
	wait_for "Liczba obecnych:" || return
	type_text "7"; keys Enter
	wait_for "Uwagi" || return
	type_text "Ćwiczenia na świeżym powietrzu"; keys Enter
	wait_for "Zapisano spotkanie." || return
	expect_screen "2026-11-22      7 Ćwiczenia"       # the head count, right-aligned
	cli report half-year --from 2026-06-01 --to 2026-11-22 |
		grep -q "Zajęcia ruchowe dla seniorów (Program usług społecznych gminy Czarnia): uczestników: 7; spotkań: 9, obecnych łącznie: 44" ||
		fail "half-year summary: $(cli report half-year --from 2026-06-01 --to 2026-11-22 | grep ruchowe)"
}

coordinator_enrols_from_the_case() {
	start
	# a request filed at reception, no coordinator yet
	id=$(cli person add --first "Bożenna" --last "Źrebiec" --birth 1950-03-03)
	cli request add --person "$id" --asked "Zajęcia ruchowe dla seniorów" >/dev/null
	login_worklist koordynator || return
	keys Escape
	wait_for "menu główne" || return
	menu_pick "Grupy i działania wspierające" || return
	wait_for "grupy ·" || return
	menu_pick "Zajęcia ruchowe" || return
	wait_for "F7 nowy" || return
	keys F7
	wait_for "Kto dołącza do grupy" || return
	type_text "Źrebiec"
	wait_for "Bożenna" || return
	keys Enter
	wait_for "Data zapisu (RRRR-MM-DD):" || return    # her one open request
	keys Enter
	wait_for "Zapisano." || return
	expect_screen "CUS.IPUS.67.2026"
	# the request is settled and now hers; the case shows the group
	keys Escape
	wait_for "grupy ·" || return
	keys Escape
	wait_for "menu główne" || return
	keys F5
	wait_for "Szukaj:" || return
	type_text "CUS.IPUS.67"
	wait_for "Bożenna" || return
	keys F6
	wait_for "CUS.IPUS.67.2026 · Źrebiec Bożenna · status: zamknięty" || return
	expect_screen "koordynator: Anna"
	expect_screen "Usługa grupowa: Zajęcia ruchowe dla seniorów (Program usług"
	expect_not_screen "Dalej:"
	keys g
	wait_for "Zapis na usługę grupową" || return
	type_text "Zaj"
	keys Enter
	wait_for "Data zapisu (RRRR-MM-DD):" || return
	keys Enter
	wait_for "Wniosek: nie jest już otwarty" || return
	# from a case under assessment: the key g
	keys Escape
	wait_for "Szukaj:" || return
	keys Escape
	wait_for "menu główne" || return
	keys F6
	wait_for "na dziś" || return
	keys Enter
	wait_for "CUS.IPUS.3.2026 · Łódź Żaneta" || return
	expect_screen "g: usługa grupowa"
	keys g
	wait_for "Zapis na usługę grupową" || return
	type_text "Zaj"
	keys Enter
	wait_for "Data zapisu (RRRR-MM-DD):" || return
	keys Enter
	wait_for "Zapisano; wniosek tylko przyjęty zostaje tym załatwiony." || return
	wait_for "Usługa grupowa: Zajęcia ruchowe dla seniorów (Program usług" || return
	expect_screen "status: rozpoznanie potrzeb"     # the assessment goes on
}

community_organiser_runs_an_activity() {
	start
	cli person add --first "Bożenna" --last "Źrebiec" --birth 1950-03-03 >/dev/null
	wait_for "Logowanie" || return
	type_text "osl"; keys Enter
	type_text "demo1234"; keys Enter
	wait_for "menu główne" || return
	menu_pick "Grupy i działania wspierające" || return
	wait_for "F8 działania" || return
	keys F8
	wait_for "działania wspierające ·" || return
	keys F7
	wait_for "nowe działanie wspierające ·" || return
	keys F2
	wait_for "Nazwa: pole wymagane" || return
	type_text "Spacery z sąsiadem"
	field "Rodzaj"; keys F4
	wait_for "┌─ Rodzaj ─" || return
	type_text "samop"
	keys Enter
	keys F2
	wait_for "Działanie wspierające zapisano." || return
	expect_screen "Spacery z sąsiadem"
	expect_screen "samopomoc"
	keys Escape
	wait_for "grupy ·" || return
	menu_pick "Spacery z sąsiadem" || return
	wait_for "Spacery z sąsiadem · samopomoc." || return
	keys F7
	wait_for "Kto dołącza do grupy" || return
	type_text "Źrebiec"
	wait_for "Bożenna" || return
	keys Enter
	wait_for "Data zapisu (RRRR-MM-DD):" || return     # no request for an activity
	keys Enter
	wait_for "Zapisano." || return
	expect_screen "Źrebiec Bożenna"
	cli report quarterly --quarter 2026Q4 | grep -Eq "^  samopomoc +2 +2$" ||
		fail "quarterly report: $(cli report quarterly --quarter 2026Q4 | grep samopomoc)"
	# she stops taking part
	select_row "Źrebiec" || return
	keys F8
	wait_for "Data odejścia (RRRR-MM-DD):" || return
	keys Enter
	wait_for "Zapisano." || return
	expect_screen "2026-11-22 2026-11-22"
	cli report quarterly --quarter 2026Q4 | grep -Eq "^  samopomoc +2 +2$" ||
		fail "quarterly report: $(cli report quarterly --quarter 2026Q4 | grep samopomoc)"
}

new_capacity_reaches_an_unmet_need() {
	start
	# the coordinator remembers a need the offer cannot meet, with its area
	login_worklist koordynator || return
	keys Enter
	wait_for "CUS.IPUS.3.2026 · Łódź Żaneta" || return
	keys r
	wait_for "Rozpoznanie potrzeb" || return
	keys F2
	wait_for "Zapisano rozpoznanie potrzeb (projekt)." || return
	keys F7
	wait_for "Rozpoznane potrzeby" || return
	keys Enter
	wait_for "Potrzeba:" || return
	type_text "Ćwiczenia po udarze"; keys Enter
	wait_for "┌─ Obszar życia ─" || return
	keys Enter
	wait_for "Odpowiedź na potrzebę" || return
	keys Enter
	wait_for "Który obszar usług by ją zaspokoił" || return
	type_text "6."
	keys Enter
	wait_for "Ćwiczenia po udarze → niezaspokojona" || return
	stop
	# the organiser raises the capacity of a service of that area
	start
	login organizator || return
	menu_pick "Oferta usług" || return
	wait_for "Programy i ich usługi" || return
	menu_pick "Programy i ich usługi" || return
	wait_for "programy ·" || return
	keys Enter
	wait_for "Program usług społecznych gminy Czarnia" || return
	keys F6
	wait_for "usługi programu ·" || return
	menu_pick "Gabinet fizjoterapii" || return
	wait_for "Usługa w programie" || return
	keys BSpace BSpace BSpace
	type_text "120"
	keys F2
	wait_for "Niezaspokojone potrzeby z obszaru: 1; koordynatorzy" || return
	stop
	# the coordinator is told, and answers it
	cli worklist --user koordynator | grep -q "^new_offer	.*CUS.IPUS.3.2026	" ||
		fail "no new-offer item: $(cli worklist --user koordynator | grep new_offer)"
	start
	login_worklist koordynator || return
	wait_for "nowość w ofercie" || return
	keys Escape
	wait_for "menu główne" || return
	menu_pick "Potrzeby niezaspokojone" || return
	wait_for "Ćwiczenia po udarze" || return
	select_row "Ćwiczenia po udarze" || return
	keys F8
	wait_for "Data zaspokojenia (RRRR-MM-DD):" || return
	keys Enter
	wait_for "Potrzeba opuściła rejestr jako zaspokojona." || return
	expect_not_screen "Ćwiczenia po udarze"
	cli worklist --user koordynator | grep -q "^new_offer" &&
		fail "the answered need still on the worklist"
	return 0
}

organiser_sets_a_fee_and_the_gminas() {
	start
	login organizator || return
	menu_pick "Oferta usług" || return
	wait_for "Katalog usług" || return
	menu_pick "Katalog usług" || return
	wait_for "katalog usług ·" || return
	menu_pick "Doradztwo prawne" || return
	wait_for "usługa ·" || return
	field "Odpłatność"
	keys F4
	wait_for "┌─ Odpłatność ─" || return
	type_text "stała"
	keys Enter
	keys F2
	wait_for "Opłata za jednostkę: kwota w zł większa od 0, np. 12,50" || return
	type_text "12,5"                          # the field in error has the cursor
	keys F2
	wait_for "Zapisano usługę." || return
	cli catalogue list | grep -q "	Doradztwo prawne	4	godzina	indywidualna	12,50 zł za jednostkę (godzina)	1$" ||
		fail "fee: $(cli catalogue list | grep 'Doradztwo prawne')"
	keys Escape
	wait_for "Programy i ich usługi" || return
	menu_pick "Programy i ich usługi" || return
	wait_for "programy ·" || return
	keys Enter
	wait_for "Program usług społecznych gminy Czarnia" || return
	field "Gminy"
	type_text "Czarnia, Łomża"
	keys F2
	wait_for "Gminy: „Łomża” nie jest gminą obsługiwaną przez centrum" || return
	keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace
	keys F2
	wait_for "Zapisano program; F6 jego usługi." || return
	expect_screen "Gminy          Czarnia"
}

coordinator_prints_from_the_case() {
	rm -rf "$WORK/cusdesk-dokumenty"
	start CUSDESK_NO_PRINT=1
	login_worklist koordynator || return
	keys Enter
	wait_for "CUS.IPUS.3.2026 · Łódź Żaneta" || return
	keys l
	wait_for "┌─ Który dokument ─" || return
	expect_screen "Potwierdzenie przyjęcia wniosku"
	expect_screen "Karta usług"
	type_text "Rozpoznanie"
	keys Enter
	wait_for "Brak drukarki; zapisano jako" || return
	f=$(ls "$WORK"/cusdesk-dokumenty/koordynator/assessment-*.pdf 2>/dev/null | head -1)
	[ -n "$f" ] || { fail "no PDF in the documents folder"; return; }
	pdftotext "$f" - 2>/dev/null | grep -q "Żaneta Łódź" || fail "the PDF lacks the person's name"
	pdftotext "$f" - 2>/dev/null | grep -q "Grupa wsparcia dla opiekunów osób z demencją" ||
		fail "the PDF lacks the needs"
	# reception may print the confirmation only
	stop
	start CUSDESK_NO_PRINT=1
	login recepcja || return
	keys F5
	wait_for "Szukaj:" || return
	type_text "CUS.IPUS.3.2026"
	wait_for "Żaneta" || return
	keys F6
	wait_for "wniosek CUS.IPUS.3.2026" || return
	keys F8
	wait_for "┌─ Który dokument ─" || return
	expect_not_screen "Rozpoznanie potrzeb"
	keys Enter
	wait_for "Brak drukarki; zapisano jako" || return
	ls "$WORK"/cusdesk-dokumenty/recepcja/request-*.pdf >/dev/null 2>&1 || fail "no confirmation PDF"
	# each login its own folder, only its owner's
	ls "$WORK"/cusdesk-dokumenty/koordynator/request-*.pdf >/dev/null 2>&1 &&
		fail "reception's print landed in the coordinator's folder"
	[ "$(stat -c %a "$WORK/cusdesk-dokumenty/recepcja" "$WORK"/cusdesk-dokumenty/recepcja/request-*.pdf |
		sort -u | tr '\n' ' ')" = "600 700 " ] || fail "modes: $(stat -c '%a %n' "$WORK"/cusdesk-dokumenty/recepcja/*)"
}

reception_records_consents() {
	rm -rf "$WORK/cusdesk-dokumenty"
	id=$(cli person add --first "Bożenna" --last "Źrebiec" --birth 1950-03-03)
	start CUSDESK_NO_PRINT=1
	login recepcja || return
	keys F5; wait_for "Szukaj:" || return
	type_text "zrebiec boz"
	wait_for "Bożenna" || return
	keys Enter
	wait_for "karta osoby" || return
	keys F10
	wait_for "zgody (RODO) ·" || return
	keys F7
	wait_for "┌─ Zakres zgody ─" || return
	keys Enter                                  # processing of personal data
	wait_for "Data wyrażenia zgody (RRRR-MM-DD):" || return
	keys BSpace BSpace; type_text "25"            # 2026-11-25: in the future
	keys Enter
	wait_for "Uwagi" || return
	type_text "podpisana na wniosku"; keys Enter
	wait_for "Data wyrażenia zgody: nie może być z przyszłości" || return
	keys F7
	wait_for "┌─ Zakres zgody ─" || return
	type_text "przekazanie danych"
	keys Enter
	wait_for "Data wyrażenia zgody (RRRR-MM-DD):" || return
	keys Enter
	wait_for "Uwagi" || return
	keys Enter
	wait_for "Zapisano zgodę." || return
	expect_screen "przekazanie danych realizatorowi"
	keys F8
	wait_for "Data wycofania (RRRR-MM-DD):" || return
	keys Enter
	wait_for "Zgodę wycofano." || return
	expect_screen "2026-11-22 2026-11-22"
	cli rodo consent "$id" | grep -q "	provider	2026-11-22	2026-11-22$" || fail "consent not stored"
	# the art. 15 information is for the case workers, not reception
	keys F6
	wait_for "Twoja rola na to nie pozwala" || return
	stop
	start CUSDESK_NO_PRINT=1
	login koordynator || return
	keys F5; wait_for "Szukaj:" || return
	type_text "zrebiec boz"
	wait_for "Bożenna" || return
	keys Enter
	wait_for "karta osoby" || return
	keys F10
	wait_for "zgody (RODO) ·" || return
	keys F6
	wait_for "Brak drukarki; zapisano jako" || return
	pdftotext "$WORK/cusdesk-dokumenty/koordynator/rodo-$id.pdf" - 2>/dev/null |
		grep -q "przekazanie danych realizatorowi: wyrażona 2026-11-22, wycofana 2026-11-22" ||
		fail "the art. 15 PDF lacks the consent"
}

reception_exports_for_excel() {
	rm -rf "$WORK/cusdesk-dokumenty"
	start
	login recepcja || return
	menu_pick "Eksport listy do arkusza" || return
	wait_for "┌─ Którą listę wyeksportować ─" || return
	keys Enter                                  # residents
	wait_for "┌─ Kodowanie pliku ─" || return
	keys Down Enter                             # Windows-1250
	wait_for "Lista zawiera dane osobowe" || return
	keys n
	sleep 0.3
	[ ! -e "$WORK/cusdesk-dokumenty/recepcja/persons-2026-11-22.csv" ] || fail "exported without the confirmation"
	menu_pick "Eksport listy do arkusza" || return
	wait_for "┌─ Którą listę wyeksportować ─" || return
	keys Enter
	wait_for "┌─ Kodowanie pliku ─" || return
	keys Down Enter
	wait_for "Lista zawiera dane osobowe" || return
	keys t
	wait_for "Zapisano 200 wierszy w" || return
	f="$WORK/cusdesk-dokumenty/recepcja/persons-2026-11-22.csv"
	iconv -f cp1250 -t utf-8 "$f" | head -1 | grep -q "^Nazwisko;Imię;PESEL" || fail "header: $(head -1 "$f")"
	iconv -f cp1250 -t utf-8 "$f" | grep -q "Łódź" || fail "no Polish letters"
	# plans are not for reception
	menu_pick "Eksport listy do arkusza" || return
	wait_for "┌─ Którą listę wyeksportować ─" || return
	keys Down Down Enter
	wait_for "┌─ Kodowanie pliku ─" || return
	keys Enter
	wait_for "Lista zawiera dane osobowe" || return
	keys t
	wait_for "Twoja rola na to nie pozwala" || return
}

printing_goes_to_lp() {
	# a stand-in for CUPS's lp that records what it was given
	mkdir -p "$WORK/bin"
	printf '#!/bin/sh\necho "$@" >>"%s/lp.log"\n' "$WORK" >"$WORK/bin/lp"
	chmod +x "$WORK/bin/lp"
	rm -f "$WORK/lp.log"
	start "PATH=$WORK/bin:$PATH"
	login_worklist koordynator || return
	keys Enter
	wait_for "CUS.IPUS.3.2026 · Łódź Żaneta" || return
	keys l
	wait_for "┌─ Który dokument ─" || return
	keys Enter                                  # the request confirmation
	wait_for "Wysłano do drukarki; kopia w" || return
	grep -q "^-s .*/cusdesk-dokumenty/koordynator/request-[0-9]*.pdf$" "$WORK/lp.log" ||
		fail "lp was given: $(cat "$WORK/lp.log" 2>/dev/null)"
}
