#!/bin/sh
# deps.sh - installs what cusdesk needs to build, test and run, when it is
# missing.  As root it uses apt-get; otherwise it prints the command to run.
set -eu
pkgs="build-essential pkg-config libncurses-dev libsqlite3-dev check gettext libsodium-dev tmux libhpdf-dev fonts-dejavu-core poppler-utils python3 sqlite3 sudo openssh-server openssh-client procps"
missing=""
for p in $pkgs; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
if [ -z "$missing" ]; then
	exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "cusdesk: missing packages:$missing (install them with your package manager)" >&2
	exit 1
fi
if [ "$(id -u)" = 0 ]; then
	echo "cusdesk: installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq $missing >/dev/null
else
	echo "cusdesk: missing packages:$missing" >&2
	echo "run:  sudo apt-get install -y$missing" >&2
	exit 1
fi
