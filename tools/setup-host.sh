#!/bin/sh
# setup-host.sh - makes a host on which the desk is the only door to the
# data (run as root).
#
# The design (see README, "Several people, one database"): a service
# account owns the data folder (0700) and the database (0600); nobody else
# can read, copy or open the file.  Staff OS accounts are members of a
# desk group; their ssh login (sshd ForceCommand, no shell, no forwarding,
# no sftp) and their local login alike can run exactly one thing as the
# service account through sudo: a root-owned launcher that starts the desk
# on that database with a clean environment, no arguments accepted.  Inside
# the desk each person logs in with their own cusdesk account and role.
#
#   setup-host.sh install [--service NAME] [--group NAME] [--data DIR]
#                         [--bin PATH] [--admin LOGIN] [--centre NAME]
#                         (the first admin's password on stdin)
#   setup-host.sh staff OSUSER [--group NAME]   lets an OS account use the desk
#   setup-host.sh remove [--service NAME] [--group NAME]
#                         takes the launcher, sudo and ssh rules away (the
#                         data folder stays)
set -eu

service=cusdesk
group=cusdesk-desk
data=/var/lib/cusdesk
bin=/usr/local/bin/cusdesk
admin=admin
centre=""
etc=${CUSDESK_SETUP_ETC:-/etc}

die() { echo "setup-host: $*" >&2; exit 1; }

cmd=${1:-}
[ $# -gt 0 ] && shift
staff_user=""
if [ "$cmd" = staff ]; then
	staff_user=${1:-}
	[ $# -gt 0 ] && shift
fi
while [ $# -gt 0 ]; do
	case $1 in
	--service) service=$2; shift 2;;
	--group) group=$2; shift 2;;
	--data) data=$2; shift 2;;
	--bin) bin=$2; shift 2;;
	--admin) admin=$2; shift 2;;
	--centre) centre=$2; shift 2;;
	*) die "unknown option $1";;
	esac
done
[ "$(id -u)" = 0 ] || die "run it as root"
launcher=/usr/local/sbin/$service-desk
sudoers=$etc/sudoers.d/$service
sshconf=$etc/ssh/sshd_config.d/$service.conf

case $cmd in
install)
	[ -x "$bin" ] || die "$bin: no cusdesk program there (--bin PATH)"
	getent group "$group" >/dev/null || groupadd --system "$group"
	if ! getent passwd "$service" >/dev/null; then
		useradd --system --home-dir "$data" --no-create-home \
			--shell /usr/sbin/nologin --user-group "$service"
	fi
	mkdir -p "$data"
	chown "$service:$service" "$data"
	chmod 0700 "$data"
	db=$data/cusdesk.db
	# the launcher: root's, no arguments, a clean environment (test
	# switches and paths of the caller never reach the desk)
	mkdir -p "$(dirname "$launcher")"
	cat >"$launcher.tmp" <<EOF
#!/bin/sh
# made by cusdesk's setup-host.sh: the desk on the centre's database
[ \$# -eq 0 ] || { echo "cusdesk: no arguments here" >&2; exit 2; }
cd "$data" || exit 1
umask 077
exec env -i TERM="\${TERM:-xterm}" LANG="\${LANG:-C.UTF-8}" HOME="$data" \\
	SUDO_USER="\${SUDO_USER:-}" PATH=/usr/bin:/bin "$bin" --db "$db"
EOF
	chown root:root "$launcher.tmp"
	chmod 0755 "$launcher.tmp"
	mv "$launcher.tmp" "$launcher"
	# sudo: members of the group run exactly the launcher, without arguments
	mkdir -p "$(dirname "$sudoers")"
	printf '%s\n' "# made by cusdesk's setup-host.sh" \
		"Defaults!$launcher env_reset" \
		"%$group ALL=($service) NOPASSWD: $launcher \"\"" >"$sudoers.tmp"
	chmod 0440 "$sudoers.tmp"
	if command -v visudo >/dev/null 2>&1; then
		visudo -cqf "$sudoers.tmp" || { rm -f "$sudoers.tmp"; die "the sudo rule does not check"; }
	fi
	mv "$sudoers.tmp" "$sudoers"
	# ssh: the group gets the desk and nothing else
	mkdir -p "$(dirname "$sshconf")"
	cat >"$sshconf" <<EOF
# made by cusdesk's setup-host.sh: staff reach only the desk
Match Group $group
	ForceCommand sudo -n -u $service $launcher
	PermitTTY yes
	AllowTcpForwarding no
	AllowStreamLocalForwarding no
	AllowAgentForwarding no
	X11Forwarding no
	PermitTunnel no
	GatewayPorts no
EOF
	chmod 0644 "$sshconf"
	# the database and its first administrator
	if [ ! -e "$db" ]; then
		pw=$(cat)
		[ -n "$pw" ] || die "the first administrator's password: give it on stdin"
		if [ -n "$centre" ]; then
			runuser -u "$service" -- "$bin" --db "$db" init --centre "$centre" >/dev/null
		else
			runuser -u "$service" -- "$bin" --db "$db" init >/dev/null
		fi
		printf '%s\n' "$pw" | runuser -u "$service" -- "$bin" --db "$db" user add "$admin" \
			--role admin --name "Administrator" >/dev/null
	fi
	echo "setup-host: $db ready; the desk: sudo -u $service $launcher (or ssh as a member of $group)"
	echo "setup-host: add staff with: $0 staff OSUSER"
	;;
staff)
	[ -n "$staff_user" ] || die "staff: name the OS account"
	getent passwd "$staff_user" >/dev/null || die "$staff_user: no such OS account"
	getent group "$group" >/dev/null || die "$group: run install first"
	usermod -a -G "$group" "$staff_user"
	echo "setup-host: $staff_user may use the desk (their own cusdesk login inside)"
	;;
remove)
	rm -f "$launcher" "$sudoers" "$sshconf"
	echo "setup-host: the launcher and the sudo and ssh rules are gone; $data stays"
	;;
*)
	sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'
	exit 2
	;;
esac
