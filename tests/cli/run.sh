#!/bin/sh
# run.sh BINARY - the command line as an admin or a script uses it: exit
# codes, messages on stderr, nothing written on bad input.
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
WORK=$(mktemp -d /tmp/cusdesk-cli-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
export CUSDESK_TODAY=2026-11-22 LANG=C.UTF-8
unset CUSDESK_LANG
DB="$WORK/c.db"
HERE=$(cd "$(dirname "$0")" && pwd)
passed=0; failed=0

# counted in files too: a check in a pipeline (echo secret | expect_fail ...)
# runs in a subshell, whose counters would be lost
ok() { passed=$((passed + 1)); echo >>"$WORK/passed"; }
bad() { failed=$((failed + 1)); echo "  FAIL: $*"; echo >>"$WORK/failed"; }
c() { "$BIN" --db "$DB" "$@"; }
# expect_fail WHAT STDERR-TEXT CMD...: non-zero exit and the message
expect_fail() {
	what=$1; text=$2; shift 2
	if err=$("$@" 2>&1 >/dev/null); then bad "$what: exit 0"; return; fi
	case "$err" in *"$text"*) ok;; *) bad "$what: stderr was: $err";; esac
}
expect_out() {
	what=$1; want=$2; shift 2
	out=$("$@" 2>&1)
	[ "$out" = "$want" ] && ok || bad "$what: got '$out', want '$want'"
}
count_persons() { c person find "" | wc -l; }

# init
c init --test --centre "CUS w Żółkiewce" >/dev/null && ok || bad "init"
# the centre started before the cases these tests file (init: today)
c setting centre_started 2024-01-01 >/dev/null && ok || bad "centre_started"
[ "$(stat -c %a "$DB")" = 600 ] && ok || bad "database mode is $(stat -c %a "$DB")"
expect_fail "init twice" "już istnieje" c init --test
expect_fail "unknown command" "nieznane polecenie" c frobnicate
# the commands --help lists are the ones the man page's synopsis lists, and
# each of them is known to the dispatcher
help_cmds=$("$BIN" --lang en --help | sed -n 's/^  cusdesk \[--db PATH\] \([a-z-]*\).*/\1/p' | grep -v '^$' | sort -u)
man_cmds=$(sed -n '/^\.SH SYNOPSIS/,/^\.SH DESCRIPTION/p' "$HERE/../../man/cusdesk.1" |
	awk 'prev == ".IR PATH ]" && /^\.B / { print $2 } { prev = $0 }' | sort -u)
[ -n "$help_cmds" ] && [ "$help_cmds" = "$man_cmds" ] && ok ||
	bad "--help lists '$(echo $help_cmds)', the man page '$(echo $man_cmds)'"
# the README's key table is the program's (tools/readme-keys.sh writes it)
readme_keys=$(sed -n '/^<!-- keys: made by cusdesk --keys/,/^<!-- end of keys -->/p' "$HERE/../../README.md" |
	sed '1d;$d')
[ -n "$readme_keys" ] && [ "$readme_keys" = "$("$BIN" --lang en --keys)" ] && ok ||
	bad "README.md's key table differs from 'cusdesk --keys' (run: sh tools/readme-keys.sh build/cusdesk)"
for w in $help_cmds; do
	[ "$w" = init ] && continue
	if "$BIN" --db "$WORK/absent.db" "$w" 2>&1 | grep -q "nieznane polecenie '$w'"; then
		bad "--help lists $w, the dispatcher does not know it"
	else ok; fi
done
expect_fail "no database" "brak bazy danych" "$BIN" --db "$WORK/none.db" person find x
# only cusdesk databases: another program's SQLite file, an empty file and a
# text file are refused and left byte for byte as they were
: >"$WORK/foreign-empty.db"
printf 'to nie jest baza\n' >"$WORK/foreign-text.db"
sqlite3 -batch "$WORK/foreign-other.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
for f in empty text other; do
	cp "$WORK/foreign-$f.db" "$WORK/foreign-$f.before"
	expect_fail "--db on the $f file" "nie jest bazą cusdesk" "$BIN" --db "$WORK/foreign-$f.db" check
	expect_fail "--db on the $f file" "nie jest bazą cusdesk" "$BIN" --db "$WORK/foreign-$f.db" person find x
	cmp -s "$WORK/foreign-$f.db" "$WORK/foreign-$f.before" && [ ! -e "$WORK/foreign-$f.db-wal" ] && ok ||
		bad "the $f file was changed by opening it"
done
CUSDESK_DB="$DB" "$BIN" check >/dev/null && ok || bad "CUSDESK_DB not honoured"
XDG_DATA_HOME="$WORK/xdg" "$BIN" init --test >/dev/null && [ -f "$WORK/xdg/cusdesk/cusdesk.db" ] && ok ||
	bad "XDG_DATA_HOME default location"

# users
echo "tajne-hasło" | c user add anna --role koordynator,organizator --name "Anna Wiśniewska" >/dev/null && ok || bad "user add"
# the program hashes with argon2id at the interactive cost (64 MiB, 2 passes);
# only the unit tests link a cheaper one
grep -aqF '$argon2id$v=19$m=65536,t=2,' "$DB" && ok || bad "password not hashed at the interactive argon2id cost"
echo "12345678" | expect_fail "unknown role" "nieznana rola" c user add bob --role janitor
echo "short" | expect_fail "short password" "co najmniej 8" c user add bob --role admin
echo "12345678" | expect_fail "taken login" "jest już zajęty" c user add anna --role admin
expect_out "user list" "anna	Anna Wiśniewska	coordinator, organiser	active" c user list
c user disable anna && ok || bad "user disable"
expect_out "disabled" "anna	Anna Wiśniewska	coordinator, organiser	disabled" c user list

# persons: bad input writes nothing
before=$(count_persons)
expect_fail "bad PESEL" "PESEL: błędna cyfra kontrolna" c person add --first Jan --last Nowak --pesel 44051401358
expect_fail "short PESEL" "PESEL: musi mieć 11 cyfr" c person add --first Jan --last Nowak --pesel 4405
expect_fail "bad date" "Data urodzenia: niepoprawna data" c person add --first Jan --last Nowak --birth 1944-02-30
expect_fail "future date" "nie może być z przyszłości" c person add --first Jan --last Nowak --birth 2027-01-01
expect_fail "bad postcode" "Kod pocztowy" c person add --first Jan --last Nowak --postcode 7-431
expect_fail "PESEL vs date" "nie zgadza się z numerem PESEL" c person add --first Jan --last Nowak --pesel 44051401359 --birth 1944-05-15
expect_fail "no surname" "Nazwisko: pole wymagane" c person add --first Jan
expect_fail "unknown option" "nieoczekiwany argument" c person add --first Jan --last Nowak --shoe 42
[ "$(count_persons)" = "$before" ] && ok || bad "bad input wrote something"

id=$(c person add --first Jan --last Kowalski --pesel 44051401359 --postcode 07431 --town Czarnia) && ok || bad "person add"
expect_fail "same PESEL" "ten numer ma już zarejestrowana osoba Kowalski Jan" c person add --first Janusz --last Nowak --pesel 44051401359
c person add --first Zofia --last Wójcik --birth 1948-02-03 >/dev/null && ok || bad "add Zofia"
expect_fail "same name and birth" "osoba o tym samym imieniu" c person add --first ZOFIA --last Wojcik --birth 1948-02-03
c person add --first ZOFIA --last Wojcik --birth 1948-02-03 --force >/dev/null && ok || bad "--force"
for n in Żak Łoś Lis Śliwa Sowa Zając Źrebiec Maj; do c person add --first Ala --last "$n" >/dev/null; done
expect_out "Polish order" "Lis
Łoś
Maj
Sowa
Śliwa
Zając
Źrebiec
Żak" sh -c "'$BIN' --db '$DB' person find ala | cut -f2"
expect_out "find with diacritics typed plain" "$id	Kowalski	Jan	44051401359" c person find KOWAL
expect_out "find by PESEL" "$id	Kowalski	Jan	44051401359" c person find 440514

# requests
expect_out "request add" "CUS.IPUS.1.2026" c request add --person "$id" --asked "Opieka wytchnieniowa" --channel telefonicznie
# a second open request of the person: refused, naming the open one, unless meant
expect_fail "a second open request" "ma już otwarty wniosek CUS.IPUS.1.2026" \
	c request add --person "$id" --asked "Dowóz" --filed 2026-01-05
expect_out "second number" "CUS.IPUS.2.2026" c request add --person "$id" --asked "Dowóz" --filed 2026-01-05 --another
expect_out "year of filing" "CUS.IPUS.1.2025" c request add --person "$id" --asked "Dowóz" --filed 2025-12-31 --another
expect_fail "filed before the centre started" "nie może być wcześniejsza niż uruchomienie centrum (2024-01-01)" \
	c request add --person "$id" --asked "Dowóz" --filed 2023-12-31 --another
# too long is refused, never cut: nothing is stored
long=$(head -c 2100 /dev/zero | tr '\0' 'ż')
before=$(sqlite3 "$DB" "SELECT count(*) FROM request")
expect_fail "a too long --asked" "--asked: za długie, najwyżej 2047 bajtów" \
	c request add --person "$id" --asked "$long" --another
expect_fail "a too long --last" "--last: za długie" c person add --first Jan --last "$long" --birth 1950-01-01
[ "$(sqlite3 "$DB" "SELECT count(*) FROM request")" = "$before" ] && ok || bad "a too long request was stored"
# no raw input: control characters and invalid UTF-8 are refused by the domain
esc=$(printf 'Kow\033[31malski')
expect_fail "an escape in a surname" "Nazwisko: zawiera znak sterujący (kod 27)" \
	c person add --first Jan --last "$esc" --birth 1950-01-01
expect_fail "invalid UTF-8 in a surname" "Nazwisko: to nie jest poprawny tekst" \
	c person add --first Jan --last "$(printf 'Kowal\305ski')" --birth 1950-01-01
expect_fail "a line break in a name" "Imię: tylko jeden wiersz" \
	c person add --first "$(printf 'Jan\nJan')" --last Nowy --birth 1950-01-01
expect_fail "an escape in --asked" "O co prosi: zawiera znak sterujący" \
	c request add --person "$id" --asked "$esc" --another
# a fuzz of --asked: random over-long, invalid UTF-8 and control input is
# refused whole or stored exactly as typed, never cut or raw
if command -v python3 >/dev/null 2>&1; then
	F=$WORK/fuzz.db
	"$BIN" --db "$F" init --test >/dev/null && "$BIN" --db "$F" setting centre_started 2024-01-01 >/dev/null &&
		fid=$("$BIN" --db "$F" person add --first Ala --last Fuzz --birth 1950-01-01) &&
		python3 "$(dirname "$0")/fuzz.py" "$BIN" "$F" "$fid" && ok || bad "the command-line fuzz"
else
	bad "python3 is missing (make deps installs it)"
fi
# strict parsing: trailing junk is refused
expect_fail "a PESEL with trailing junk" "PESEL: może zawierać tylko cyfry" \
	c person add --first Jan --last Nowy --pesel 44051401359x
expect_fail "a postcode with a digit too many" "Kod pocztowy" c person add --first Jan --last Nowy --postcode 07-4311
expect_fail "a birth date with trailing junk" "Data urodzenia" c person add --first Jan --last Nowy --birth 1950-01-01x
[ "$(sqlite3 "$DB" "SELECT count(*) FROM person WHERE surname GLOB '*[^ -~ąćęłńóśźżĄĆĘŁŃÓŚŹŻ-]*' OR
	instr(surname, char(27)) > 0")" = 0 ] && ok || bad "raw bytes were stored in a surname"
expect_fail "future filing" "Data złożenia: nie może być z przyszłości" c request add --person "$id" --asked x --filed 2026-11-23
expect_fail "no asked text" "O co prosi" c request add --person "$id"
expect_fail "bad channel" "Sposób złożenia" c request add --person "$id" --asked x --channel fax
expect_fail "no such person" "Osoba: nie ma takiej osoby" c request add --person 99999 --asked x
expect_out "find by case ref" "$id	Kowalski	Jan	44051401359" c person find cus.ipus.2.2026

# settings
expect_out "setting default" "10" c setting lock_minutes
c setting lock_minutes 5 && ok || bad "setting change"
expect_out "setting changed" "5" c setting lock_minutes
expect_fail "bad lock minutes" "lock_minutes: liczba całkowita od 0 do 480" c setting lock_minutes pięć
expect_fail "bad absence limit" "absence_limit: liczba całkowita od 1 do 20" c setting absence_limit 0
c setting absence_limit 4 && ok || bad "absence_limit"
expect_fail "bad pattern" "Wzór znaku sprawy" c setting case_ref_pattern "IPUS/{n}"
expect_fail "unknown setting" "nieznana nazwa" c setting colour blue
c setting case_ref_pattern "IPUS/{nnn}/{yy}" && ok || bad "pattern change"
expect_out "new pattern used" "IPUS/003/26" c request add --person "$id" --asked "x" --another

# worklist: requests wait for their assessment, 30 days from filing
echo "haslo-12345" | c user add ewa --role koordynator --name "Ewa Ćwik" >/dev/null
expect_out "worklist of a coordinator without cases" "" c worklist --user ewa
out=$(c worklist --date 2026-11-22 | grep -m1 '^assessment')
expect_out "worklist line" "assessment	2026-01-30	-296	CUS.IPUS.1.2025	Kowalski Jan" echo "$out"
expect_fail "worklist of an unknown user" "nie ma użytkownika" c worklist --user nikt
expect_fail "worklist bad date" "--date" c worklist --date 2026-13-01
expect_fail "worklist of reception" "Twoja rola na to nie pozwala" sh -c "echo haslo-12345 | '$BIN' --db '$DB' user add rec --role recepcja >/dev/null; '$BIN' --db '$DB' worklist --user rec"

# registers on the demo: the waiting list in filing order, unmet needs by role
D="$WORK/demo.db"
"$BIN" --db "$D" init --test >/dev/null && "$BIN" --db "$D" demo >/dev/null && ok || bad "demo"
"$BIN" --db "$D" waiting >"$WORK/w.tsv" && ok || bad "waiting"
[ "$(wc -l <"$WORK/w.tsv")" -ge 3 ] && ok || bad "waiting list has $(wc -l <"$WORK/w.tsv") lines"
awk -F '\t' 'NF != 5 || $2 != NR || (NR > 1 && $3 < prev) { exit 1 } { prev = $3 }' "$WORK/w.tsv" &&
	ok || bad "waiting list not numbered in filing order: $(head -3 "$WORK/w.tsv")"
all=$("$BIN" --db "$D" unmet --user organizator | wc -l)
own=$("$BIN" --db "$D" unmet --user koordynator | wc -l)
[ "$all" -gt "$own" ] && [ "$own" -gt 0 ] && ok || bad "unmet: organiser $all, coordinator $own"
"$BIN" --db "$D" unmet --user koordynator | grep -q "	CUS.IPUS.3.2026	Łódź Żaneta	" &&
	ok || bad "unmet needs of the coordinator's case"
expect_fail "unmet for reception" "Twoja rola na to nie pozwala" "$BIN" --db "$D" unmet --user recepcja

# the whole catalogue, and the services of one programme
"$BIN" --db "$D" catalogue list >"$WORK/cat.tsv" && ok || bad "catalogue list"
grep -q "^[0-9]*	Doradztwo prawne	4	godzina	indywidualna	nieodpłatna	1$" "$WORK/cat.tsv" &&
	ok || bad "catalogue line: $(grep Doradztwo\ prawne "$WORK/cat.tsv")"
grep -q "^[0-9]*	Zajęcia ruchowe dla seniorów	10	zajęcia	grupowa	nieodpłatna	1$" "$WORK/cat.tsv" &&
	ok || bad "group service in the catalogue: $(grep ruchowe "$WORK/cat.tsv")"
grep -q "	Usługi remontowo-adaptacyjne	" "$WORK/cat.tsv" && ok ||
	bad "a catalogue service no programme offers is listed"
"$BIN" --db "$D" catalogue list --programme 1 >"$WORK/cat1.tsv" && ok || bad "catalogue list --programme"
grep -q "^1	Program usług społecznych gminy Czarnia	active	[0-9]*	Doradztwo prawne	20	4		nieodpłatna$" \
	"$WORK/cat1.tsv" && ok || bad "programme line: $(grep Doradztwo\ prawne "$WORK/cat1.tsv")"
[ "$(awk -F'	' '$7 ~ /(^|,)1(,|$)/' "$WORK/cat.tsv" | wc -l)" = "$(wc -l <"$WORK/cat1.tsv")" ] && ok ||
	bad "the services of programme 1 are those the catalogue says it offers"
expect_fail "catalogue of an unknown programme" "nie ma takiego programu" "$BIN" --db "$D" catalogue list --programme 99
expect_fail "catalogue with a bad id" "--programme" "$BIN" --db "$D" catalogue list --programme x

# the quarterly report: persons counted once since the start
"$BIN" --db "$D" report quarterly --quarter 2026Q4 >"$WORK/q.txt" && ok || bad "report quarterly"
grep -q "pomoc społeczna" "$WORK/q.txt" && ok || bad "report names the categories: $(head -5 "$WORK/q.txt")"
"$BIN" --db "$D" report quarterly --quarter 2026Q4 --format csv >"$WORK/q.csv" && ok || bad "report csv"
awk -F ';' 'NR > 1 && ($3 + 0 > $4 + 0) { exit 1 }' "$WORK/q.csv" && ok ||
	bad "a quarter counts more persons than the whole time: $(cat "$WORK/q.csv")"
grep -q '^usługi w zakresie: pomoc społeczna;service;[1-9]' "$WORK/q.csv" && ok || bad "csv line: $(head -5 "$WORK/q.csv")"
expect_fail "report of a bad quarter" "Kwartał: wpisz np. 2026Q4" "$BIN" --db "$D" report quarterly --quarter 2026Q5
expect_fail "report without a quarter" "--quarter" "$BIN" --db "$D" report quarterly
expect_fail "report of an unknown kind" "quarterly" "$BIN" --db "$D" report monthly

# the half-yearly summary's figures
"$BIN" --db "$D" report half-year --from 2026-05-22 --to 2026-11-22 >"$WORK/h.txt" && ok || bad "report half-year"
grep -q "rozpoczęte plany: [0-9]" "$WORK/h.txt" && ok || bad "half-year figures: $(head -5 "$WORK/h.txt")"
"$BIN" --db "$D" report half-year --from 2026-05-22 --to 2026-11-22 --format csv | grep -q '^Plany (IPUS);rozpoczęte plany;[0-9]' &&
	ok || bad "half-year csv"
expect_fail "half-year backwards" "Do: nie wcześniej" "$BIN" --db "$D" report half-year --from 2026-11-22 --to 2026-05-22
expect_fail "half-year without dates" "--from" "$BIN" --db "$D" report half-year

# exports for a spreadsheet and imports from other systems
expect_fail "personal data needs a confirmation" "--yes" "$BIN" --db "$D" export persons -o "$WORK/p.csv"
[ ! -e "$WORK/p.csv" ] && ok || bad "nothing written without the confirmation"
"$BIN" --db "$D" export persons -o "$WORK/p.csv" --yes 2>/dev/null && ok || bad "export persons"
head -c 3 "$WORK/p.csv" | od -An -tx1 | grep -q "ef bb bf" && ok || bad "UTF-8 with BOM"
grep -q "Nazwisko;Imię;PESEL;Data urodzenia;Płeć;Ulica;Nr domu;Nr lokalu;Kod pocztowy;Miejscowość;Gmina;Telefon;E-mail" "$WORK/p.csv" &&
	ok || bad "persons header: $(head -1 "$WORK/p.csv")"
"$BIN" --db "$D" export persons -o "$WORK/p1250.csv" --encoding cp1250 --yes 2>/dev/null && ok || bad "export cp1250"
iconv -f cp1250 -t utf-8 "$WORK/p1250.csv" | grep -q "Łódź" && ok || bad "cp1250 has the Polish letters"
for k in requests plans waiting catalogue; do
	"$BIN" --db "$D" export $k -o "$WORK/$k.csv" --yes 2>/dev/null && [ "$(wc -l <"$WORK/$k.csv")" -gt 1 ] &&
		ok || bad "export $k"
done
grep -q "Zajęcia ruchowe dla seniorów;10;zajęcia;tak;nieodpłatna;Program usług społecznych gminy Czarnia" "$WORK/catalogue.csv" &&
	ok || bad "catalogue csv: $(grep ruchowe "$WORK/catalogue.csv")"
expect_fail "export of an unknown list" "persons, requests" "$BIN" --db "$D" export people -o "$WORK/x.csv"
expect_fail "export with a bad encoding" "--encoding" "$BIN" --db "$D" export catalogue -o "$WORK/x.csv" --encoding latin1
"$BIN" --db "$D" report quarterly --quarter 2026Q4 --format csv -o "$WORK/q1250.csv" --encoding cp1250 && ok || bad "report to a file"
iconv -f cp1250 -t utf-8 "$WORK/q1250.csv" | grep -q "^usługi w zakresie: pomoc społeczna;service;" && ok || bad "report cp1250"
# round trip: what one centre exports another imports, the same people
E="$WORK/empty.db"
"$BIN" --db "$E" init --test >/dev/null && "$BIN" --db "$E" gmina add Czarnia && ok || bad "an empty centre"
expect_fail "a gmina twice" "już ją ma" "$BIN" --db "$E" gmina add CZARNIA
"$BIN" --db "$E" import persons "$WORK/p1250.csv" --dry-run >"$WORK/dry.txt" && ok || bad "dry run"
grep -q "^Plik: cp1250, separator ';', 200 wierszy" "$WORK/dry.txt" && grep -q "^Zostałoby dodanych: 200" "$WORK/dry.txt" &&
	ok || bad "dry run report: $(cat "$WORK/dry.txt")"
[ -z "$("$BIN" --db "$E" person find a)" ] && ok || bad "the dry run stored nothing"
"$BIN" --db "$E" import persons "$WORK/p1250.csv" | grep -q "^Dodano: 200" && ok || bad "import"
"$BIN" --db "$E" export persons -o "$WORK/p2.csv" --encoding cp1250 --yes 2>/dev/null
cmp -s "$WORK/p1250.csv" "$WORK/p2.csv" && ok || bad "export -> import -> export differs"
"$BIN" --db "$E" import persons "$WORK/p1250.csv" | grep -q "^Duplikaty (niedodane): 200" && ok || bad "second import: duplicates"
cp "$HERE/../data/persons-cp1250.csv" "$WORK/in.csv"
"$BIN" --db "$E" import persons "$WORK/in.csv" >"$WORK/in.txt" && ok || bad "import a Windows-1250 file"
grep -q "wiersz 5: Gałązka Łucja: PESEL: błędna cyfra kontrolna" "$WORK/in.txt" && ok || bad "import report: $(cat "$WORK/in.txt")"
[ -s "$WORK/in.csv.odrzucone.csv" ] && ok || bad "rejected rows file"
# rows that cannot be read: rejected with the reason, the others come in;
# an import that cannot write its rejected rows adds nothing
printf 'Nazwisko;Imię;Data urodzenia\nŹdźbłowska;Ewa;1950-01-01\nKos;"Jan;1952-03-03\n' >"$WORK/bad.csv"
mkdir "$WORK/bad.csv.odrzucone.csv"
expect_fail "import without a place for rejected rows" "niczego nie dodano" \
	"$BIN" --db "$E" import persons "$WORK/bad.csv"
[ -z "$("$BIN" --db "$E" person find "Źdźbłowska")" ] && ok || bad "an import without its rejects file added rows"
rmdir "$WORK/bad.csv.odrzucone.csv"
"$BIN" --db "$E" import persons "$WORK/bad.csv" >"$WORK/bad.txt"
grep -q "wiersz 3: .*cudzysłów nie jest zamknięty" "$WORK/bad.txt" && ok || bad "unterminated quote: $(cat "$WORK/bad.txt")"
[ -n "$("$BIN" --db "$E" person find "Źdźbłowska")" ] && [ "$(stat -c %a "$WORK/bad.csv.odrzucone.csv")" = 600 ] &&
	ok || bad "the readable row or the 0600 rejects file"
# a CSV row with an escape, a NUL, invalid UTF-8 or an over-long name: rejected, never cut
long=$(head -c 300 /dev/zero | tr '\0' 'a')
printf 'Nazwisko;Imię;Data urodzenia\nEsc\033[2J;Ewa;1950-01-01\nNu\000l;Ewa;1950-01-01\nZ\305le;Ewa;1950-01-01\n%s;Ewa;1950-01-01\nDobrowolska;Ewa;1950-01-01\n' "$long" >"$WORK/fuzz.csv"
"$BIN" --db "$E" import persons "$WORK/fuzz.csv" --encoding utf-8 >"$WORK/fuzz.txt"
grep -q "wiersz 2: " "$WORK/fuzz.txt" && grep -q "wiersz 3: .*NUL" "$WORK/fuzz.txt" &&
	grep -q "wiersz 4: " "$WORK/fuzz.txt" && grep -q "wiersz 5: .*za długie, najwyżej 127 bajtów" "$WORK/fuzz.txt" &&
	grep -q "^Dodano: 1" "$WORK/fuzz.txt" && ok || bad "CSV fuzz rows: $(cat "$WORK/fuzz.txt")"
[ "$(sqlite3 "$E" "SELECT count(*) FROM person WHERE instr(surname, char(27)) > 0 OR length(surname) > 127
	OR surname LIKE 'Nu%' OR surname LIKE 'Z%le'")" = 0 ] && ok || bad "a CSV fuzz row was stored"
expect_fail "import of a missing file" "nie można otworzyć" "$BIN" --db "$E" import persons "$WORK/none.csv"

# printable documents: PDF with every Polish letter, or text
"$BIN" --db "$D" setting centre_address "ul. Kurpiowska 1, 07-431 Czarnia" && ok || bad "centre_address"
pdf_has() { # pdf_has FILE TEXT...: pdftotext finds every TEXT
	f=$1; shift
	txt=$(pdftotext -layout "$f" - 2>/dev/null) || { bad "pdftotext $f"; return; }
	for t in "$@"; do
		case "$txt" in *"$t"*) ;; *) bad "$f lacks '$t': $(echo "$txt" | head -20)"; return;; esac
	done
	ok
}
# every Polish letter, small and capital, through the PDF and back
"$BIN" --db "$D" setting centre_address "ul. Zażółć gęślą jaźń 1, ZAŻÓŁĆ GĘŚLĄ JAŹŃ" && ok || bad "address"
"$BIN" --db "$D" print card 5 -o "$WORK/letters.pdf" 2>/dev/null && ok || bad "print with the letters"
# files with personal data are the owner's only, also over a wider file there
umask 022
touch "$WORK/wide.pdf" && chmod 644 "$WORK/wide.pdf"
"$BIN" --db "$D" print card 5 -o "$WORK/wide.pdf" 2>/dev/null
for f in p.csv p1250.csv in.csv.odrzucone.csv letters.pdf wide.pdf; do
	m=$(stat -c %a "$WORK/$f" 2>/dev/null)
	[ "$m" = 600 ] && ok || bad "$f has mode '$m', not 600"
done
pdf_has "$WORK/letters.pdf" "ul. Zażółć gęślą jaźń 1, ZAŻÓŁĆ GĘŚLĄ JAŹŃ"
"$BIN" --db "$D" setting centre_address "ul. Kurpiowska 1, 07-431 Czarnia" && ok || bad "centre_address back"
"$BIN" --db "$D" print request CUS.IPUS.3.2026 -o "$WORK/r.pdf" 2>/dev/null && ok || bad "print request"
pdf_has "$WORK/r.pdf" "Centrum Usług Społecznych w Czarni" "ul. Kurpiowska 1, 07-431 Czarnia" \
	"Potwierdzenie przyjęcia wniosku" "Żaneta Łódź" "Znak sprawy: CUS.IPUS.3.2026" "Strona 1 z 1"
"$BIN" --db "$D" print assessment CUS.IPUS.3.2026 -o "$WORK/a.pdf" 2>/dev/null && ok || bad "print assessment"
pdf_has "$WORK/a.pdf" "Rozpoznanie potrzeb" "Rozpoznane potrzeby" "opiekunów osób z demencją"
"$BIN" --db "$D" print plan CUS.IPUS.15.2026 -o "$WORK/p.pdf" 2>/dev/null && ok || bad "print plan"
pdf_has "$WORK/p.pdf" "Indywidualny plan usług społecznych (IPUS)" "Usługi opiekuńcze dla osób starszych" \
	"Stowarzyszenie „Razem dla Kurpiów”" "koordynator" "zatwierdził(a)"
"$BIN" --db "$D" print order 1 -o "$WORK/o.pdf" 2>/dev/null && ok || bad "print order"
pdf_has "$WORK/o.pdf" "Zlecenie usługi społecznej nr 1" "Prosimy o kontakt z osobą w ciągu 14 dni"
"$BIN" --db "$D" print closing CUS.IPUS.19.2026 -o "$WORK/c.pdf" 2>/dev/null && ok || bad "print closing"
pdf_has "$WORK/c.pdf" "Rozmowa podsumowująca" "Opis przebiegu i realizacji planu (art. 45)"
"$BIN" --db "$D" print card 5 -o "$WORK/k.pdf" 2>/dev/null && ok || bad "print card"
pdf_has "$WORK/k.pdf" "Karta usług"
"$BIN" --db "$D" print quarterly 2026Q4 -o "$WORK/q.pdf" 2>/dev/null && ok || bad "print quarterly"
pdf_has "$WORK/q.pdf" "Sprawozdanie kwartalne 2026Q4" "usługi w zakresie: wspieranie osób niepełnosprawnych" \
	"pomoc sąsiedzka"
expect_fail "print a summary that is not there" "nie ma podsumowania półrocznego numer 9" \
	"$BIN" --db "$D" print half-year 9 -o "$WORK/h.pdf"
"$BIN" --db "$D" print plan CUS.IPUS.15.2026 -o "$WORK/p.txt" --encoding cp1250 && ok || bad "print text cp1250"
iconv -f cp1250 -t utf-8 "$WORK/p.txt" | grep -q "^Indywidualny plan usług społecznych (IPUS)$" && ok ||
	bad "text plan: $(head -8 "$WORK/p.txt")"
expect_fail "print an unknown kind" "request, assessment" "$BIN" --db "$D" print letter 1 -o "$WORK/x.pdf"
expect_fail "print an unknown case" "nie ma sprawy CUS.IPUS.999.2026" "$BIN" --db "$D" print plan CUS.IPUS.999.2026 -o "$WORK/x.pdf"
expect_fail "print without -o" "-o PLIK" "$BIN" --db "$D" print plan CUS.IPUS.15.2026

# RODO: consents, access, anonymisation that keeps the statistics
R="$WORK/rodo.db"
cp "$D" "$R"
"$BIN" --db "$R" rodo consent 5 give processing --on 2026-01-10 | grep -q "^1	processing	2026-01-10	$" && ok || bad "consent given"
expect_fail "a consent twice" "Zakres: ta zgoda już obowiązuje" "$BIN" --db "$R" rodo consent 5 give processing
expect_fail "withdrawn before given" "Data wycofania: nie wcześniej" "$BIN" --db "$R" rodo consent 5 withdraw 1 --on 2026-01-01
"$BIN" --db "$R" rodo consent 5 withdraw 1 | grep -q "^1	processing	2026-01-10	2026-11-22$" && ok || bad "consent withdrawn"
"$BIN" --db "$R" rodo export 5 -o "$WORK/art15.pdf" && ok || bad "rodo export"
pdf_has "$WORK/art15.pdf" "Informacja o przetwarzanych danych osobowych" \
	"przetwarzanie danych osobowych: wyrażona 2026-01-10, wycofana 2026-11-22"
"$BIN" --db "$R" report quarterly --quarter 2026Q4 --format csv >"$WORK/q-before.csv"
"$BIN" --db "$R" report half-year --from 2026-05-01 --to 2026-11-22 >"$WORK/h-before.txt"
"$BIN" --db "$R" rodo anonymise --closed-before 2026-11-20 --dry-run >"$WORK/anon.txt" 2>"$WORK/anon.err" && ok || bad "anonymise dry run"
grep -q "Zanonimizowanych zostałoby 10 osób" "$WORK/anon.err" && [ "$(wc -l <"$WORK/anon.txt")" = 10 ] && ok ||
	bad "dry run: $(cat "$WORK/anon.err")"
first=$(head -1 "$WORK/anon.txt" | cut -f2)
"$BIN" --db "$R" rodo anonymise --closed-before 2026-11-20 2>&1 | grep -q "Zanonimizowano 10 osób" && ok || bad "anonymise"
"$BIN" --db "$R" report quarterly --quarter 2026Q4 --format csv | cmp -s - "$WORK/q-before.csv" && ok || bad "quarterly changed"
"$BIN" --db "$R" report half-year --from 2026-05-01 --to 2026-11-22 | cmp -s - "$WORK/h-before.txt" && ok || bad "half-year changed"
[ -z "$("$BIN" --db "$R" person find "$first")" ] || bad "still found: $first"; ok
"$BIN" --db "$R" person find zanonim | grep -q "Zanonimizowana" && ok || bad "anonymised persons listed"
"$BIN" --db "$R" rodo anonymise --closed-before 2026-11-20 --dry-run 2>&1 | grep -q "Zanonimizowanych zostałoby 0 osób" && ok || bad "twice"
expect_fail "anonymise a future date" "Zamknięte przed: nie może być z przyszłości" "$BIN" --db "$R" rodo anonymise --closed-before 2027-01-01
"$BIN" --db "$R" check >/dev/null && ok || bad "check after anonymising"

# backups: a checked copy while the database is in use, kept 0600, rotated
c backup -o "$WORK/k1.db" >/dev/null && ok || bad "backup -o"
[ "$(stat -c %a "$WORK/k1.db")" = 600 ] && ok || bad "backup mode is $(stat -c %a "$WORK/k1.db")"
[ ! -e "$WORK/k1.db-wal" ] && ok || bad "the copy has a -wal file beside it"
c backup --verify "$WORK/k1.db" | grep -q "spójność: w porządku" && ok || bad "verify a copy"
[ "$("$BIN" --db "$WORK/k1.db" person find "" | wc -l)" = "$(count_persons)" ] && ok ||
	bad "the copy holds other persons than the database"
expect_fail "backup over a file" "już istnieje" c backup -o "$WORK/k1.db"
expect_fail "--encrypt without -o" "--encrypt" c backup --encrypt
c setting backup_dir "$WORK/kopie" >/dev/null && c setting backup_keep 2 >/dev/null && ok ||
	bad "backup settings"
for i in 1 2 3; do c backup >/dev/null || bad "backup $i into the folder"; done
[ "$(ls "$WORK/kopie" | wc -l)" = 2 ] && ok || bad "the folder keeps $(ls "$WORK/kopie" | wc -l) copies, not 2"
[ "$(stat -c %a "$WORK/kopie")" = 700 ] && ok || bad "backup folder mode $(stat -c %a "$WORK/kopie")"
expect_fail "backup_keep 0" "backup_keep" c setting backup_keep 0
echo "to nie jest baza" >"$WORK/tekst.db"
expect_fail "verify a text file" "nie jest kopią" c backup --verify "$WORK/tekst.db"
# encrypted: sealed, 0600, only with the passphrase, refused when changed
echo "krótkie" | expect_fail "short passphrase" "co najmniej 10" c backup -o "$WORK/k.kopia" --encrypt
echo "Jesienne liście 2026" | c backup -o "$WORK/k.kopia" --encrypt >/dev/null && ok || bad "backup --encrypt"
[ "$(stat -c %a "$WORK/k.kopia")" = 600 ] && ok || bad "encrypted copy mode"
head -c 16 "$WORK/k.kopia" | grep -q "SQLite format" && bad "the encrypted copy is plain" || ok
grep -c "Wiśniewska" "$WORK/k.kopia" >/dev/null && bad "a name readable in the encrypted copy" || ok
echo "Jesienne liście 2026" | c backup --verify "$WORK/k.kopia" | grep -q "spójność: w porządku" && ok ||
	bad "verify the encrypted copy"
echo "Zimowe liście 2026" | expect_fail "wrong passphrase" "tym hasłem" c backup --verify "$WORK/k.kopia"
cp "$WORK/k.kopia" "$WORK/zmieniona.kopia"
printf 'X' | dd of="$WORK/zmieniona.kopia" bs=1 seek=5000 conv=notrunc 2>/dev/null
echo "Jesienne liście 2026" | expect_fail "a changed copy" "tym hasłem" c backup --verify "$WORK/zmieniona.kopia"
# who is logged in: a live desk (this shell) is listed, a dead one cleaned
sqlite3 "$DB" "INSERT INTO desk_session(user_id, terminal, host, pid) SELECT id, '/dev/pts/7', '$(hostname)', $$ FROM app_user WHERE login = 'anna'; INSERT INTO desk_session(user_id, terminal, host, pid) SELECT id, '/dev/pts/8', '$(hostname)', 999999 FROM app_user WHERE login = 'ewa'"
out=$(c sessions)
case "$out" in *"anna	Anna Wiśniewska"*"/dev/pts/7"*) ok;; *) bad "sessions: $out";; esac
case "$out" in *ewa*) bad "a dead desk listed";; *) ok;; esac
expect_fail "sessions as a coordinator" "nie pozwala" c sessions --user ewa
# restore: refused while a desk works, then back to the copy, the current kept aside
before=$(count_persons)
c person add --first Nowa --last Późniejsza >/dev/null
expect_fail "restore while anna works" "anna" c restore "$WORK/k1.db"
[ "$(count_persons)" = $((before + 1)) ] && ok || bad "a refused restore changed the database"
sqlite3 "$DB" "DELETE FROM desk_session"
expect_fail "restore a text file" "nie jest kopią" c restore "$WORK/tekst.db"
c restore "$WORK/k1.db" >"$WORK/restore.out" && ok || bad "restore"
[ "$(count_persons)" = "$before" ] && ok || bad "after restore $(count_persons) persons, want $before"
kept=$(ls "$DB".przed-odtworzeniem-* 2>/dev/null | head -1)
[ -n "$kept" ] && [ "$(stat -c %a "$kept")" = 600 ] &&
	"$BIN" --db "$kept" person find "Późniejsza" | grep -q Nowa && ok || bad "the database before restore not kept"
c check >/dev/null && ok || bad "check after restore"
echo "Jesienne liście 2026" | c restore "$WORK/k.kopia" >/dev/null && ok || bad "restore an encrypted copy"
c check >/dev/null && ok || bad "check after an encrypted restore"

# who runs it: a cusdesk login with its password from a file descriptor;
# the role is checked as at the desk; without a login only root or the
# file's owner (this test runs as one of them)
printf 'demo1234\n' >"$WORK/pw"; printf 'zle-haslo\n' >"$WORK/badpw"
as() { who=$1; shift; "$BIN" --db "$D" --user "$who" --password-fd 3 "$@" 3<"$WORK/pw"; }
as recepcja person find "Now" >/dev/null && ok || bad "reception finds a person with its login"
expect_fail "a wrong password" "zły login lub hasło" \
	sh -c '"$0" --db "$1" --user recepcja --password-fd 3 person find Now 3<"$2"' "$BIN" "$D" "$WORK/badpw"
echo "haslo12345" | expect_fail "reception adds a director" "Twoja rola na to nie pozwala" \
	as recepcja user add ewa2 --role director,organiser
echo "haslo12345" | expect_fail "reception sets the admin's password" "nie pozwala" \
	as recepcja user passwd admin
expect_fail "reception anonymises" "nie pozwala" as recepcja rodo anonymise --dry-run
expect_fail "reception changes a setting" "nie pozwala" as recepcja setting lock_seconds 0
expect_fail "reception reads a coordinator's worklist" "tylko własny login" \
	as recepcja worklist --user koordynator
as koordynator worklist >/dev/null && ok || bad "a coordinator's own worklist"
[ "$("$BIN" --db "$D" user list | grep -c ewa2)" = 0 ] && ok || bad "the refused account was added"
# every command is in the audit log with the login and the OS account
me=$(id -un)
[ "$(sqlite3 "$D" "SELECT count(*) FROM audit_log a JOIN app_user u ON u.id = a.user_id
	WHERE a.action = 'cli' AND u.login = 'recepcja' AND a.os_account = '$me'")" -ge 5 ] &&
	ok || bad "reception's commands are not in the audit log with the OS account"
[ "$(sqlite3 "$D" "SELECT count(*) FROM audit_log WHERE action = 'cli.host_admin' AND
	os_account = '$me' AND detail = 'user list'")" -ge 1 ] && ok || bad "the host admin's command is not audited"
# accounts: roles and name change, audited old -> new; the last admin stays
as admin user set koordynator2 --role coordinator,organiser --name "Paweł Nowicki" >/dev/null &&
	"$BIN" --db "$D" user list | grep -q "^koordynator2	Paweł Nowicki	coordinator, organiser	active" &&
	ok || bad "user set"
[ "$(sqlite3 "$D" "SELECT count(*) FROM audit_log WHERE action = 'user.update' AND detail LIKE
	'koordynator2; roles: coordinator -> %organiser; name: % -> Paweł Nowicki'")" = 1 ] &&
	ok || bad "user set not audited old -> new"
expect_fail "the last admin loses the role" "ostatni" as admin user set admin --role director
expect_fail "the last admin disabled" "ostatni" "$BIN" --db "$D" user disable admin
# exports of case contents: a coordinator gets the own and shared cases only
"$BIN" --db "$D" user add koord3 --role coordinator --name "Nowa Koordynatorka" <"$WORK/pw" >/dev/null ||
	bad "user add koord3"
for who in koord3 dyrektor; do
	as "$who" export plans -o "$WORK/plans-$who.csv" --yes >/dev/null 2>&1 ||
		bad "export plans as $who"
done
uid=$(sqlite3 "$D" "SELECT id FROM app_user WHERE login = 'koord3'")
mine=$(sqlite3 "$D" "SELECT count(*) FROM plan pl JOIN request r ON r.id = pl.request_id WHERE
	r.coordinator_id = $uid OR EXISTS (SELECT 1 FROM case_share s WHERE s.request_id = r.id AND s.user_id = $uid)")
all=$(sqlite3 "$D" "SELECT count(*) FROM plan")
[ "$(($(wc -l <"$WORK/plans-koord3.csv") - 1))" = "$mine" ] &&
	[ "$(($(wc -l <"$WORK/plans-dyrektor.csv") - 1))" = "$all" ] && [ "$mine" -lt "$all" ] && ok ||
	bad "export plans: koord3 $(wc -l <"$WORK/plans-koord3.csv") lines (own $mine), dyrektor $(wc -l <"$WORK/plans-dyrektor.csv") (all $all)"
# the audit log read back: the director and the admin; reception not
expect_fail "reception reads the audit log" "tylko dyrektor i administrator" as recepcja audit list
pid=$(sqlite3 "$D" "SELECT person_id FROM request ORDER BY id LIMIT 1")
ref=$(sqlite3 "$D" "SELECT case_ref FROM request ORDER BY id LIMIT 1")
as dyrektor audit list --person "$pid" >"$WORK/audit.txt" && ok || bad "audit list --person"
grep -q "	$ref	" "$WORK/audit.txt" && ! cut -f5 "$WORK/audit.txt" | grep -v -e "^$ref\$" -e '^-$' -q &&
	ok || bad "audit list --person shows other cases: $(head -3 "$WORK/audit.txt")"
as dyrektor audit list --user recepcja --from 2000-01-01 | cut -f2 | sort -u | grep -qx recepcja &&
	[ "$(as dyrektor audit list --user recepcja | cut -f2 | sort -u)" = recepcja ] && ok ||
	bad "audit list --user"
expect_fail "audit list with a bad date" "Do: nieprawidłowa data" as dyrektor audit list --to 2026-13-01
[ "$(sqlite3 "$D" "SELECT count(*) FROM audit_log a JOIN app_user u ON u.id = a.user_id
	WHERE a.action = 'audit.list' AND u.login = 'dyrektor'")" -ge 2 ] && ok ||
	bad "reading the audit log is not itself audited"
# five wrong passwords lock the account, also against the right one; admin unlocks
for i in 1 2 3 4 5; do "$BIN" --db "$D" --user recepcja --password-fd 3 person find Now 3<"$WORK/badpw" 2>/dev/null; done
expect_fail "a locked account" "zablokowane" as recepcja person find Now
as admin user unlock recepcja && as recepcja person find Now >/dev/null && ok || bad "unlock"
# another OS account without a login is refused; with one it works
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	mkdir -p "$WORK/shared" && cp "$D" "$WORK/shared/s.db" && chmod 777 "$WORK/shared" &&
		chmod 666 "$WORK/shared/s.db" && chmod 755 "$WORK"
	nob() { setpriv --reuid=65534 --regid=65534 --clear-groups "$BIN" --db "$WORK/shared/s.db" "$@"; }
	expect_fail "another OS account without a login" "wymaga Twojego loginu" nob person find Now
	nob --user recepcja --password-fd 3 person find Now 3<"$WORK/pw" >/dev/null && ok ||
		bad "another OS account with a login"
	chmod 700 "$WORK"
else
	echo "  (skipped: another OS account needs root and setpriv)"
fi
# test switches act only on a test or demo database
expect_fail "init of a real database with a test switch set" "init --test" c --db "$WORK/real.db" init
[ ! -e "$WORK/real.db" ] && ok || bad "a refused init left a file"
env -u CUSDESK_TODAY "$BIN" --db "$WORK/real.db" init >/dev/null && ok || bad "init of a real database"
expect_fail "CUSDESK_TODAY on a real database" "działa tylko w bazie testowej" \
	"$BIN" --db "$WORK/real.db" person find X
expect_fail "CUSDESK_LOCK_SECONDS on a real database" "CUSDESK_LOCK_SECONDS działa tylko" \
	env -u CUSDESK_TODAY CUSDESK_LOCK_SECONDS=0 "$BIN" --db "$WORK/real.db" person find X
env -u CUSDESK_TODAY "$BIN" --db "$WORK/real.db" person find X >/dev/null && ok ||
	bad "a real database without test switches"
expect_fail "the kind is not a setting" "nieznana nazwa" \
	env -u CUSDESK_TODAY "$BIN" --db "$WORK/real.db" setting database_kind test
# a changed audit entry is found by check
cp "$D" "$WORK/t.db"
sqlite3 "$WORK/t.db" "UPDATE audit_log SET detail = 'user list' WHERE id = (SELECT min(id) FROM audit_log WHERE action = 'cli')"
if out=$("$BIN" --db "$WORK/t.db" check); then bad "check passed an edited audit entry"; else
	case "$out" in *"PRZERWANY przy wpisie"*) ok;; *) bad "check on an edited entry said: $out";; esac
fi
# the audit log's head is in each backup: cutting the log's tail shows
mkdir -p "$WORK/cut" && cp "$D" "$WORK/cut/c.db"
"$BIN" --db "$WORK/cut/c.db" backup >/dev/null && ok || bad "backup for the cut test"
out=$("$BIN" --db "$WORK/cut/c.db" check) && case "$out" in *"zgodny z najnowszą kopią"*) ok;;
	*) bad "check against the newest copy said: $out";; esac || bad "check after a backup: $out"
"$BIN" --db "$WORK/cut/c.db" backup --verify "$(ls "$WORK"/cut/cusdesk-kopie/cusdesk-*.db | tail -1)" |
	grep -q "^dziennik zdarzeń, ostatni wpis: [0-9]*, [0-9a-f]\{64\}$" && ok || bad "backup --verify shows no audit head"
sqlite3 "$WORK/cut/c.db" "DELETE FROM audit_log WHERE id > (SELECT max(id) - 5 FROM audit_log)"
if out=$("$BIN" --db "$WORK/cut/c.db" check); then bad "check passed a cut audit log"; else
	case "$out" in *"ucięto lub przepisano"*) ok;; *) bad "check on a cut log said: $out";; esac
fi

# the rest
c check >/dev/null && ok || bad "check"
"$BIN" --version | grep -q "^cusdesk " && ok || bad "--version"
"$BIN" --help | grep -q "person find" && ok || bad "--help"
"$BIN" --lang en --db "$WORK/none.db" check 2>&1 | grep -q "no database" && ok || bad "--lang en"
CUSDESK_LANG=en "$BIN" --db "$WORK/none.db" check 2>&1 | grep -q "no database" && ok || bad "CUSDESK_LANG=en"

passed=$(cat "$WORK/passed" 2>/dev/null | wc -l)
failed=$(cat "$WORK/failed" 2>/dev/null | wc -l)
echo "cli tests:"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
