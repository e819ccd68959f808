#!/bin/sh
# tests/host/run.sh BIN - the host made by tools/setup-host.sh, with real OS
# accounts: two staff members work at the desk at once; neither can open
# the database with sqlite3, copy it, run a command-line action as the
# host's administrator or read the files the desk writes.  Needs root
# (useradd, sudo); elsewhere it says it was skipped and why.
set -u
BIN=$(readlink -f "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" != 0 ]; then
	echo "host tests: skipped (they need root to make OS accounts; CI runs them)"
	exit 0
fi
for t in useradd sudo visudo runuser tmux sqlite3; do
	command -v "$t" >/dev/null 2>&1 || { echo "host tests: skipped ($t is missing; make deps installs it)"; exit 0; }
done
tag=cdt$$
svc=${tag}svc
grp=${tag}desk
s1=${tag}a
s2=${tag}b
WORK=$(mktemp -d /tmp/cusdesk-host-XXXXXX)
chmod 0711 "$WORK"
data=$WORK/data
# a copy of the program the service account can run (the build folder may be private)
mkdir -p "$WORK/bin" && cp "$BIN" "$WORK/bin/cusdesk" && chmod 0755 "$WORK/bin" "$WORK/bin/cusdesk"
[ -d "$(dirname "$BIN")/locale" ] && cp -r "$(dirname "$BIN")/locale" "$WORK/bin/" && chmod -R a+rX "$WORK/bin"
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "  FAIL: $*"; }
cleanup() {
	tmux -L "$tag" kill-server >/dev/null 2>&1
	sh "$HERE/../../tools/setup-host.sh" remove --service "$svc" --group "$grp" >/dev/null 2>&1
	for u in "$s1" "$s2" "$svc"; do userdel "$u" >/dev/null 2>&1; done
	groupdel "$grp" >/dev/null 2>&1; groupdel "$svc" >/dev/null 2>&1
	rm -rf "$WORK"
}
trap cleanup EXIT
as() { u=$1; shift; su -s /bin/sh "$u" -c "$*" </dev/null; }

printf 'admin-haslo-1\n' | sh "$HERE/../../tools/setup-host.sh" install --service "$svc" \
	--group "$grp" --data "$data" --bin "$WORK/bin/cusdesk" --centre "CUS Próbny" >/dev/null &&
	ok || bad "setup-host install"
db=$data/cusdesk.db
[ "$(stat -c '%U %a' "$data")" = "$svc 700" ] && [ "$(stat -c '%U %a' "$db")" = "$svc 600" ] &&
	ok || bad "data folder/file: $(stat -c '%U %a' "$data" "$db" | tr '\n' ' ')"
for u in "$s1" "$s2"; do
	useradd --create-home --shell /bin/sh "$u" && sh "$HERE/../../tools/setup-host.sh" staff "$u" \
		--group "$grp" >/dev/null && ok || bad "staff $u"
done
launcher=/usr/local/sbin/$svc-desk
# the cusdesk accounts, made by the first admin at the desk's command line as the service
for l in recepcja koordynator; do
	printf 'demo-haslo-1\n' | runuser -u "$svc" -- "$WORK/bin/cusdesk" --db "$db" user add "$l" \
		--role "$l" --name "Staff $l" >/dev/null && ok || bad "user add $l"
done

# no other door: sqlite3, a copy, the command line, another launcher argument, a shell
as "$s1" "sqlite3 '$db' 'SELECT count(*) FROM person'" >/dev/null 2>&1 && bad "sqlite3 opened the database" || ok
as "$s1" "cp '$db' /tmp/$tag.copy" >/dev/null 2>&1 && bad "the database was copied" || ok
as "$s1" "'$WORK/bin/cusdesk' --db '$db' user add ewa2 --role director" >/dev/null 2>&1 &&
	bad "the command line added an account" || ok
as "$s1" "sudo -n -u $svc $launcher --db /tmp/x" >/dev/null 2>&1 && bad "the launcher took an argument" || ok
as "$s1" "sudo -n -u $svc /bin/sh -c id" >/dev/null 2>&1 && bad "sudo gave a shell" || ok
as "$s1" "CUSDESK_TODAY=2020-01-01 sudo -n -u $svc $launcher --version" >/dev/null 2>&1 &&
	bad "the launcher ran with arguments" || ok
[ "$(runuser -u "$svc" -- "$WORK/bin/cusdesk" --db "$db" user list | grep -c 'ewa2')" = 0 ] && ok ||
	bad "ewa2 was added"

# two staff members at the desk at once, each with their own cusdesk login
tm() { tmux -L "$tag" "$@"; }
tm new-session -d -s one -x 80 -y 24 "su -s /bin/sh $s1 -c 'sudo -n -u $svc $launcher'" &&
	tm new-session -d -s two -x 80 -y 24 "su -s /bin/sh $s2 -c 'sudo -n -u $svc $launcher'" || bad "tmux"
wait_for() { # wait_for SESSION TEXT
	i=0
	while [ $i -lt 50 ]; do
		tm capture-pane -p -t "$1" 2>/dev/null | grep -qF -- "$2" && return 0
		sleep 0.2; i=$((i + 1))
	done
	bad "$1: did not see '$2': $(tm capture-pane -p -t "$1" 2>/dev/null | head -5)"
	return 1
}
login() { # login SESSION LOGIN ROLE: the desk greets them by name and role
	wait_for "$1" "Login" || return 1
	tm send-keys -t "$1" -l "$2"; tm send-keys -t "$1" Enter
	tm send-keys -t "$1" -l "demo-haslo-1"; tm send-keys -t "$1" Enter
	wait_for "$1" "Staff $2 ($3)"
}
login one recepcja recepcja && ok
login two koordynator koordynator && ok
[ "$(sqlite3 "$db" "SELECT count(*) FROM desk_session")" = 2 ] && ok ||
	bad "two desks at once: $(sqlite3 "$db" "SELECT count(*) FROM desk_session")"
[ "$(sqlite3 "$db" "SELECT count(*) FROM audit_log a JOIN app_user u ON u.id = a.user_id
	WHERE a.action = 'login' AND u.login IN ('recepcja', 'koordynator')")" = 2 ] && ok ||
	bad "the logins are not in the audit log"
[ "$(sqlite3 "$db" "SELECT count(*) FROM audit_log a JOIN app_user u ON u.id = a.user_id
	WHERE a.action = 'login' AND u.login = 'recepcja' AND a.os_account = '$svc (sudo: $s1)'")" = 1 ] && ok ||
	bad "the staff member's OS account is not in the audit log: $(sqlite3 "$db" "SELECT os_account FROM audit_log WHERE action = 'login'")"
# the coordinator exports a list at the desk: the file is the service's,
# 0600, in the coordinator's own folder; no staff OS account can read it
pick() { # pick SESSION TEXT: moves the menu down to TEXT and opens it
	i=0
	while [ $i -lt 20 ]; do
		tm capture-pane -p -t "$1" | grep -E '(^ *>|│>)' | grep -qF -- "$2" && break
		tm send-keys -t "$1" Down; sleep 0.1; i=$((i + 1))
	done
	tm send-keys -t "$1" Enter
}
tm send-keys -t two Escape               # the coordinator starts at the worklist
wait_for two "Wyloguj" && pick two "Eksport listy do arkusza"
wait_for two "Którą listę wyeksportować" && tm send-keys -t two Enter
wait_for two "Kodowanie pliku" && tm send-keys -t two Enter
wait_for two "Lista zawiera dane osobowe" && tm send-keys -t two t
wait_for two "Zapisano" && ok
f=$(ls "$data"/cusdesk-dokumenty/koordynator/*.csv 2>/dev/null | head -1)
if [ -n "$f" ]; then
	[ "$(stat -c '%U %a' "$f" "$(dirname "$f")" | tr '\n' ' ')" = "$svc 600 $svc 700 " ] && ok ||
		bad "the export: $(stat -c '%U %a %n' "$f" "$(dirname "$f")" | tr '\n' ' ')"
	for u in "$s1" "$s2"; do
		as "$u" "cat '$f'" >/dev/null 2>&1 && bad "$u read the coordinator's export" || ok
	done
	ls "$data"/cusdesk-dokumenty/recepcja/*.csv >/dev/null 2>&1 &&
		bad "the export is in reception's folder" || ok
else
	bad "no export in the coordinator's folder: $(ls -R "$data" 2>&1 | tr '\n' ' ')"
fi
tm kill-server >/dev/null 2>&1
as "$s2" "ls '$data'" >/dev/null 2>&1 && bad "a staff account lists the data folder" || ok

# over ssh, with the snippet setup-host wrote: sshd takes it, a staff key
# login reaches the desk and nothing else (no command, no sftp, no forwarding)
if command -v sshd >/dev/null 2>&1 && command -v ssh >/dev/null 2>&1; then
	sshd=$(command -v sshd)
	port=$((20000 + $$ % 20000))
	mkdir -p /run/sshd
	ssh-keygen -q -t ed25519 -N '' -f "$WORK/hostkey" >/dev/null
	cat >"$WORK/sshd_config" <<EOF
Port $port
ListenAddress 127.0.0.1
HostKey $WORK/hostkey
PidFile $WORK/sshd.pid
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
AuthorizedKeysFile .ssh/authorized_keys
Subsystem sftp internal-sftp
Include /etc/ssh/sshd_config.d/$svc.conf
EOF
	"$sshd" -t -f "$WORK/sshd_config" && ok || bad "sshd -t refused the configuration"
	"$sshd" -f "$WORK/sshd_config" -D -e 2>"$WORK/sshd.log" &
	sshd_pid=$!
	usermod -p '*' "$s1"          # a key login needs an account that is not locked
	home=$(getent passwd "$s1" | cut -d: -f6)
	as "$s1" "mkdir -p -m 700 '$home/.ssh' && ssh-keygen -q -t ed25519 -N '' -f '$home/.ssh/id_ed25519' &&
		cp '$home/.ssh/id_ed25519.pub' '$home/.ssh/authorized_keys'" >/dev/null
	sshto="ssh -p $port -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR"
	i=0; while [ $i -lt 50 ] && ! grep -q "listening" "$WORK/sshd.log"; do sleep 0.1; i=$((i + 1)); done
	out=$(as "$s1" "$sshto $s1@127.0.0.1 id" 2>&1)
	case $out in *uid=*) bad "ssh ran a command: $out";; *) ok;; esac
	out=$(as "$s1" "echo ls | sftp -b - -P $port -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null $s1@127.0.0.1" 2>&1)
	[ $? != 0 ] && ok || bad "sftp worked: $out"
	# a remote forward is refused at once (-R; a local one only when used)
	as "$s1" "timeout 10 $sshto -N -R $((port + 1)):127.0.0.1:$port -o ExitOnForwardFailure=yes $s1@127.0.0.1" >"$WORK/fwd.log" 2>&1
	rc=$?
	[ "$rc" != 0 ] && [ "$rc" != 124 ] && grep -q "forwarding failed" "$WORK/fwd.log" && ok ||
		bad "port forwarding was not refused (exit $rc): $(cat "$WORK/fwd.log")"
	tm new-session -d -s ssh -x 80 -y 24 "su -s /bin/sh $s1 -c '$sshto -t $s1@127.0.0.1'" || bad "tmux ssh"
	login ssh recepcja recepcja && ok
	tm kill-server >/dev/null 2>&1
	kill "$sshd_pid" 2>/dev/null
else
	echo "host tests: the ssh part skipped (no sshd; make deps installs openssh-server)"
fi

echo "host tests:"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
