#!/bin/sh
# po-missing.sh - every string marked for translation in the sources must
# be translated in po/pl.po (so a forgotten `make update-po` fails).
set -eu
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
# the keywords come from the Makefile (XGETTEXT_KEYS)
# shellcheck disable=SC2086
xgettext --from-code=UTF-8 ${XGETTEXT_KEYS:--k_ -kN_ -kP_:1,2 -kPC_:1c,2,3} -o "$tmp" src/*/*.c src/*/*.h ui/*.c ui/*.h
sed -i "s/charset=CHARSET/charset=UTF-8/" "$tmp"
if ! msgcmp po/pl.po "$tmp"; then
	echo "po-check: messages in the sources are missing from po/pl.po (run make update-po and translate)"
	exit 1
fi
echo "po-check: every source message is in po/pl.po"
