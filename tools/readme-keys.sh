#!/bin/sh
# readme-keys.sh BINARY - writes the desk's key table (cusdesk --keys, from
# the key table in ui/keys.c) into README.md between its two markers; the
# command-line tests fail when the README and the program disagree.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
LANG=C.UTF-8 "$1" --lang en --keys >"$tmp"
awk -v keys="$tmp" '
	/^<!-- keys: made by cusdesk --keys/ { print; while ((getline l < keys) > 0) print l; skip = 1; next }
	/^<!-- end of keys -->/ { skip = 0 }
	!skip { print }
' "$top/README.md" >"$top/README.md.new"
mv "$top/README.md.new" "$top/README.md"
