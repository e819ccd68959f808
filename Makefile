# cusdesk - GNU make.  `make run` and `make check` are all a user needs.
PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR   = $(PREFIX)/bin
DATADIR  = $(PREFIX)/share/cusdesk
LOCALEDIR= $(PREFIX)/share/locale
MANDIR   = $(PREFIX)/share/man
VERSION  = 0.1.0

CC      ?= cc
CFLAGS  ?= -O2 -g
LIB_PKGS = sqlite3 libsodium
UI_PKGS  = ncursesw panelw
PKG_CFLAGS = $(shell pkg-config --cflags $(UI_PKGS) $(LIB_PKGS) 2>/dev/null)
# what src/ links (libharu, the PDF library, ships no pkg-config file in
# Debian); the desk adds curses, the unit tests and the bench do not
LIB_LIBS   = $(shell pkg-config --libs $(LIB_PKGS) 2>/dev/null) -lhpdf
UI_LIBS    = $(shell pkg-config --libs $(UI_PKGS) 2>/dev/null)
CHECK_CFLAGS = $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS   = $(shell pkg-config --libs check 2>/dev/null)
WARN     = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wno-unused-parameter -Wno-missing-field-initializers -Wformat=2
ALL_CFLAGS = -std=c11 -D_DEFAULT_SOURCE -D_XOPEN_SOURCE_EXTENDED \
           -DNCURSES_WIDECHAR=1 $(WARN) $(CFLAGS) \
           $(LAYERS:%=-Isrc/%) -Ibuild/gen $(PKG_CFLAGS) \
           -DLOCALEDIR='"$(LOCALEDIR)"' -DVERSION='"$(VERSION)"'

B = build
# the layers of src/, bottom up: each may include only the ones before it
LAYERS = base store domain paper cli
SRC_C  = $(foreach l,$(LAYERS),$(wildcard src/$(l)/*.c))
UI_C   = $(wildcard ui/*.c)
DATA   = $(sort $(wildcard data/migrations/*.sql data/seed/*.tsv data/demo/*.tsv data/*.tsv))
SRC_O  = $(SRC_C:%.c=$(B)/%.o) $(B)/gen/embedded_data.o
UI_O   = $(UI_C:%.c=$(B)/%.o)
UNIT_C = $(wildcard tests/unit/*.c)
UNIT_O = $(UNIT_C:%.c=$(B)/%.o)
# the curses-free part of the desk, which the unit tests run too
UNIT_UI_O = $(B)/ui/textlayout.o $(B)/ui/textedit.o
MO     = $(B)/locale/pl/LC_MESSAGES/cusdesk.mo

RUN_DB ?= var/demo.db

.PHONY: FORCE all deps run check check-suites check-asan asan-suites unit-test ui-test cli-test crash-test layering po-check bench \
        install uninstall clean update-po

all: $(B)/cusdesk $(MO)

deps:
	@sh tools/deps.sh

$(B)/gen/embedded_data.c: $(DATA) tools/embed.sh
	@mkdir -p $(@D)
	sh tools/embed.sh $@ data $(DATA)

# LOCALEDIR is compiled in: rebuild i18n.o when PREFIX changes.
$(B)/prefix.stamp: FORCE
	@mkdir -p $(B)
	@echo '$(LOCALEDIR)' | cmp -s - $@ || echo '$(LOCALEDIR)' > $@
$(B)/src/base/i18n.o: $(B)/prefix.stamp
FORCE:

$(B)/gen/embedded_data.o: $(B)/gen/embedded_data.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(B)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(B)/libcusdesk.a: $(SRC_O)
	$(AR) rcs $@ $^

$(B)/cusdesk: $(UI_O) $(B)/libcusdesk.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(UI_O) $(B)/libcusdesk.a $(UI_LIBS) $(LIB_LIBS)

$(MO): po/pl.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ po/pl.po

$(B)/tests/unit/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -Iui -MMD -MP -c $< -o $@

$(B)/unit-tests: $(UNIT_O) $(UNIT_UI_O) $(B)/libcusdesk.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(UNIT_O) $(UNIT_UI_O) $(B)/libcusdesk.a $(CHECK_LIBS) $(LIB_LIBS)

$(B)/bench: tests/bench/bench.c tests/bench/gen.c tests/bench/gen.h $(B)/libcusdesk.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ tests/bench/bench.c tests/bench/gen.c $(B)/libcusdesk.a $(LIB_LIBS)

$(B)/bench-desks: tests/bench/desks.c $(B)/libcusdesk.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libcusdesk.a $(LIB_LIBS)

# deps runs first and alone (it may install packages), never as a parallel
# prerequisite: `make -j check` on a fresh machine installs, then builds.
run:
	@sh tools/deps.sh
	@$(MAKE) --no-print-directory all
	@mkdir -p $(dir $(RUN_DB))
	@if [ ! -f "$(RUN_DB)" ]; then \
		./$(B)/cusdesk --db "$(RUN_DB)" init --centre "Centrum Usług Społecznych w Czarni" >/dev/null && \
		./$(B)/cusdesk --db "$(RUN_DB)" demo >/dev/null && \
		echo "Utworzono bazę demonstracyjną $(RUN_DB)."; fi
	@echo "Demo: login 'recepcja', 'koordynator', 'organizator', 'dyrektor' lub 'admin', hasło: demo1234"
	@echo "Naciśnij Enter, aby uruchomić cusdesk..."; read dummy
	./$(B)/cusdesk --db "$(RUN_DB)"

check:
	@sh tools/deps.sh
	@$(MAKE) --no-print-directory check-suites

check-suites: all $(B)/unit-tests layering po-check
	./$(B)/unit-tests
	sh tests/cli/run.sh ./$(B)/cusdesk
	sh tests/ui/run.sh ./$(B)/cusdesk
	sh tests/crash/kill9.sh ./$(B)/cusdesk 12
	sh tests/host/run.sh ./$(B)/cusdesk

# The unit and command-line suites again under AddressSanitizer and
# UndefinedBehaviorSanitizer, built apart in build-asan/ (any error fails).
SAN = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
check-asan:
	@sh tools/deps.sh
	@$(MAKE) --no-print-directory B=build-asan CFLAGS='-O1 -g $(SAN)' \
		LDFLAGS='$(SAN)' asan-suites

asan-suites: all $(B)/unit-tests
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
		./$(B)/unit-tests
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
		sh tests/cli/run.sh ./$(B)/cusdesk

unit-test: $(B)/unit-tests
	./$(B)/unit-tests

cli-test: all
	sh tests/cli/run.sh ./$(B)/cusdesk

ui-test: all
	sh tests/ui/run.sh ./$(B)/cusdesk

crash-test: all
	sh tests/crash/kill9.sh ./$(B)/cusdesk $(or $(ROUNDS),12)

# The arrows between the folders (tools/layers.sh): base <- store <- domain
# <- paper <- cli, ui above domain and paper; no curses under src/, no SQL
# under ui/.
layering:
	@sh tools/layers.sh
	@python3 tools/ui-graph.py --check

# the translation keywords (src/i18n.h), for update-po and po-check
XGETTEXT_KEYS = -k_ -kN_ -kP_:1,2 -kPC_:1c,2,3

po-check:
	@stats=$$(LC_ALL=C msgfmt --statistics -o /dev/null po/pl.po 2>&1); echo "po/pl.po: $$stats"; \
	case "$$stats" in *untranslated*|*fuzzy*) echo "po-check: pl.po is not complete"; exit 1;; esac
	@XGETTEXT_KEYS="$(XGETTEXT_KEYS)" sh tools/po-missing.sh

update-po:
	xgettext --from-code=UTF-8 $(XGETTEXT_KEYS) --add-comments=TRANSLATORS: \
		--package-name=cusdesk --package-version=$(VERSION) \
		-o po/cusdesk.pot $(SRC_C) $(UI_C) $(wildcard src/*/*.h ui/*.h)
	msgmerge --quiet --update --backup=none po/pl.po po/cusdesk.pot

bench:
	@sh tools/deps.sh
	@$(MAKE) --no-print-directory all $(B)/bench $(B)/bench-desks
	@# every desk action at 1k, 10k and 100k persons beside its raw-SQL
	@# floor (the databases are built once under build/, about 75 s); then
	@# kill -9 during writes; then many desks beside the long jobs, each
	@# run on a fresh copy of the persons-only database (nobody has it
	@# open, so a plain copy is safe).  Every part runs; any miss fails.
	@fail=0; ./$(B)/bench || fail=1; \
	sh tests/crash/kill9.sh ./$(B)/cusdesk 300 || fail=1; \
	./$(B)/bench --persons-db $(B)/bench.db || fail=1; \
	for n in 20 50; do \
		cp $(B)/bench.db $(B)/bench-desks.db && rm -f $(B)/bench-desks.db-wal $(B)/bench-desks.db-shm; \
		./$(B)/bench-desks $(B)/bench-desks.db $$n 20 || fail=1; \
	done; rm -f $(B)/bench-desks.db*; [ $$fail = 0 ]

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) \
		$(DESTDIR)$(LOCALEDIR)/pl/LC_MESSAGES $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(B)/cusdesk $(DESTDIR)$(BINDIR)/cusdesk
	install -m 644 $(MO) $(DESTDIR)$(LOCALEDIR)/pl/LC_MESSAGES/cusdesk.mo
	for f in $(DATA); do install -D -m 644 $$f $(DESTDIR)$(DATADIR)/$${f#data/}; done
	install -m 644 man/cusdesk.1 $(DESTDIR)$(MANDIR)/man1/cusdesk.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/cusdesk $(DESTDIR)$(LOCALEDIR)/pl/LC_MESSAGES/cusdesk.mo \
		$(DESTDIR)$(MANDIR)/man1/cusdesk.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf $(B) build-asan

-include $(shell find $(B) -name '*.d' 2>/dev/null)
