#!/bin/sh
# kill9.sh BINARY [ROUNDS] - kill -9 at random moments during saves,
# imports, anonymisation and backups, then check: the database passes
# `cusdesk check`, no import is left half applied, and every save the
# program reported as done is there.  `make check` runs a few rounds, the
# bench the full 300.
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROUNDS=${2:-20}
WORK=$(mktemp -d /tmp/cusdesk-kill9-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
export LANG=C.UTF-8 CUSDESK_LANG=en
DB="$WORK/c.db"
c() { "$BIN" --db "$DB" "$@"; }
failed=0
bad() { failed=$((failed + 1)); echo "  FAIL: $*"; }

c init --centre "CUS kill -9" >/dev/null || { echo "init failed"; exit 1; }
c gmina add Czarnia >/dev/null
# an import file of 3,000 persons (a few seconds of steps)
awk 'BEGIN { print "Nazwisko;Imię;Data urodzenia;Miejscowość";
	split("Nowak Kowalska Wiśniewski Gąska Łęcki Żuraw", l, " ");
	split("Anna Jan Zofia Piotr Łucja Żaneta", f, " ");
	for (i = 0; i < 3000; i++)
		printf "%s;%s;19%02d-%02d-%02d;Czarnia\n", l[i % 6 + 1], f[int(i / 6) % 6 + 1],
			20 + i % 80, 1 + i % 12, 1 + i % 28 }' >"$WORK/import.csv"
: >"$WORK/saved"
letters=abcdefghijklmnopqrstuvwxyz
# save_loop FIRST FILE: a desk saving persons without end; each id goes to
# FILE only after the program said it was saved
save_loop() {
	i=0
	while :; do
		i=$((i + 1))
		n=$(echo "$letters" | cut -c$((i % 26 + 1)))
		id=$(c person add --first "$1" --last "Zapis$n" --force 2>/dev/null) &&
			echo "$id" >>"$2"
	done
}
round=0
while [ "$round" -lt "$ROUNDS" ]; do
	round=$((round + 1))
	kind=$((round % 4))
	case $kind in
	0) # saves: each id printed only after its commit
		save_loop Zapis "$WORK/saved" &
		;;
	1) c import persons "$WORK/import.csv" >/dev/null 2>&1 & ;;
	2) c rodo anonymise --closed-before 2000-01-01 >/dev/null 2>&1 & ;;
	3) c backup -o "$WORK/kopia-$round.db" >/dev/null 2>&1 & ;;
	esac
	job=$!
	# a random moment: 50 to 1,500 ms in
	sleep "$(awk -v s="$round" 'BEGIN { srand(s); printf "%.3f", 0.05 + rand() * 1.45 }')"
	pkill -9 -P "$job" 2>/dev/null
	kill -9 "$job" 2>/dev/null
	wait "$job" 2>/dev/null
	# a killed process inside an fsync dies only when the disk answers:
	# the next open takes its import back once it is gone
	i=0
	while pgrep -f -- "--db $DB" >/dev/null 2>&1 && [ $i -lt 100 ]; do
		sleep 0.05; i=$((i + 1))
	done
	# the database is sound (opening it also takes back a cut import)
	c check >"$WORK/check.out" 2>&1 || { bad "round $round ($kind): check: $(cat "$WORK/check.out")"; continue; }
	# no import half applied: every imported person belongs to a finished run
	half=$(sqlite3 "$DB" "SELECT count(*) FROM person p JOIN import_run r ON r.id = p.import_id WHERE r.state <> 'done'")
	[ "$half" = 0 ] || bad "round $round: $half persons of an unfinished import"
	# a finished import is whole (3,000 rows less the duplicates of earlier ones)
	# and every save reported done is stored
	for id in $(cat "$WORK/saved"); do
		[ "$(sqlite3 "$DB" "SELECT count(*) FROM person WHERE id = $id")" = 1 ] ||
			bad "round $round: person $id was reported saved and is gone"
	done
	# a backup that finished is a good copy; one cut short left no file
	if [ -f "$WORK/kopia-$round.db" ]; then
		c backup --verify "$WORK/kopia-$round.db" >/dev/null 2>&1 ||
			bad "round $round: a backup file that does not check out was left"
	fi
done
# a backup taken while 3 desks write: the copy passes check and holds every
# save reported done before the backup began
for w in 1 2 3; do
	save_loop "Piszący" "$WORK/writer$w" &
	eval "writer$w=\$!"
done
sleep 1
cat "$WORK"/writer? >"$WORK/before-backup" 2>/dev/null
c backup -o "$WORK/during.db" >/dev/null || bad "backup while 3 desks write"
for w in 1 2 3; do
	eval "pid=\$writer$w"
	pkill -P "$pid" 2>/dev/null; kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
done
"$BIN" --db "$WORK/during.db" check >/dev/null 2>&1 || bad "the copy taken while desks wrote fails check"
missing=0
for id in $(cat "$WORK/before-backup"); do
	[ "$(sqlite3 "$WORK/during.db" "SELECT count(*) FROM person WHERE id = $id")" = 1 ] ||
		missing=$((missing + 1))
done
[ "$missing" = 0 ] || bad "$missing saves done before the backup began are not in it"
[ -s "$WORK/before-backup" ] || bad "the desks saved nothing before the backup"

echo "kill -9: $ROUNDS rounds, $(wc -l <"$WORK/saved") saves reported done, $failed failed"
[ "$failed" = 0 ]
