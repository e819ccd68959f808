#!/bin/sh
# po-missing.sh - every string marked for translation in the sources must
# be in po/pl.po (so a forgotten `make update-po` fails the check).
set -eu
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
xgettext --from-code=UTF-8 -k_ -kN_ -kP_:1,2 -o "$tmp" src/*.c ui/*.c 2>/dev/null
missing=$(msgcomm --less-than=2 --unique "$tmp" po/pl.po 2>/dev/null | grep -c '^msgid "' || true)
# msgcomm --unique prints messages present in only one file; those only in
# pl.po are obsolete entries (harmless), those only in the sources are not.
only_src=$(msgcomm --less-than=2 --unique "$tmp" po/pl.po 2>/dev/null | msgcomm --more-than=1 - "$tmp" 2>/dev/null | grep -c '^msgid "[^"]' || true)
if [ "$only_src" -gt 0 ]; then
	echo "po-check: $only_src message(s) in the sources are missing from po/pl.po (run make update-po)"
	exit 1
fi
echo "po-check: every source message is in po/pl.po"
