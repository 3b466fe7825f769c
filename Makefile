# Two commands set everything up on a fresh Debian machine with Python 3.11:
#   make run   – create .venv, install, open the app on the default workspace
#   make test  – create .venv, install, install the system packages the tests need
#                (when run as root), then run the whole suite

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# What the tests need from Debian: a private Dovecot for IMAP tests, Qt's xcb
# libraries and fonts (offscreen and Xvfb rendering, CJK text), sqlite3 for benchmarks.
SYSTEM_PACKAGES := dovecot-imapd xvfb xauth libegl1 libgl1 libfontconfig1 libdbus-1-3 \
	libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
	libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xinerama0 \
	libxcb-xkb1 fonts-dejavu-core fonts-wqy-microhei sqlite3

.PHONY: run test venv compile system-packages lint format bench clean translations package

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	touch $(STAMP)

venv: $(STAMP)

# Byte-compiled once here: this environment may set PYTHONDONTWRITEBYTECODE, and
# compiling the package at every start costs ~90 ms of the window's start-up.
compile: venv
	$(BIN)/python -m compileall -q fluenzr_desktop

run: venv compile
	$(BIN)/fluenzr-desktop

system-packages:
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	  if [ -n "$$missing" ]; then \
	    echo "installing system packages:" $$missing; \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
	      --no-install-recommends $$missing; \
	  fi; \
	else \
	  echo "not root: the tests expect these Debian packages: $(SYSTEM_PACKAGES)"; \
	fi

# The whole suite today, then the parts that compute dates again on other days: with
# the process's clock moved (time-machine, ticking) to 29 February 2028, and to the
# night Paris's clocks go forward in 2029 (02:00 → 03:00 local, 01:00 UTC). Tests marked
# heavy (a crash under load, a 10,000-message mailbox, engine races, template limits) are
# long or do not depend on the date: they run once, today.
# Two processes at once, one per core (each has its own temp folders, free ports and
# clock): tests/engine, tests/mail, tests/store, tests/domain and tests/relay today, then
# the two other days, in one; every other folder today in the other (about as long). Every test with a Dovecot server is in the
# first: two Dovecot instances at once made the IDLE restart test miss its reply.
# The first one's output is printed when both are done.
TRAVEL_TESTS := tests/domain tests/engine tests/store -m "not heavy" -p no:cacheprovider
FIRST_TESTS := tests/engine tests/mail tests/store tests/domain tests/relay

test: venv system-packages
	@log=$$(mktemp); \
	echo "pytest $(FIRST_TESTS), then $(TRAVEL_TESTS) on 2028-02-29 and 2029-03-25 (output below, when done)"; \
	( QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -p no:cacheprovider $(FIRST_TESTS); \
	  engine=$$?; \
	  echo "pytest $(TRAVEL_TESTS) --travel 2028-02-29T09:00:00Z"; \
	  QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(TRAVEL_TESTS) \
	    --travel 2028-02-29T09:00:00Z; leap=$$?; \
	  echo "pytest $(TRAVEL_TESTS) --travel 2029-03-25T00:59:00Z"; \
	  QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(TRAVEL_TESTS) \
	    --travel 2029-03-25T00:59:00Z; dst=$$?; \
	  test $$engine -eq 0 -a $$leap -eq 0 -a $$dst -eq 0 ) > "$$log" 2>&1 & first=$$!; \
	echo "pytest $(addprefix --ignore=,$(FIRST_TESTS))"; \
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -p no:cacheprovider \
	  $(addprefix --ignore=,$(FIRST_TESTS)); rest=$$?; \
	wait $$first; first_status=$$?; \
	echo "--- $(FIRST_TESTS) and the other days:"; cat "$$log"; rm -f "$$log"; \
	test $$first_status -eq 0 -a $$rest -eq 0

# The Linux release in dist/: the PyInstaller folder (packaging/fluenzr.spec), a .tar.gz and
# a .deb (packaging/linux/build.sh, which prints their sizes). PyInstaller comes from the
# `package` extra, installed with the venv (tests/packaging freezes the app too).
package: venv
	PYTHON=$(BIN)/python bash packaging/linux/build.sh

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: venv
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: venv compile
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	$(BIN)/python bench/import_contacts.py
	$(BIN)/python bench/send_throughput.py
	$(BIN)/python bench/inbox_sync.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/contacts_table.py
	$(BIN)/python bench/gui_startup.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/gui_latency.py
	$(BIN)/python bench/relay_load.py
	$(BIN)/python bench/stats.py
	$(BIN)/python bench/api.py

# After changing UI strings. The .ts files are the source of the translations (a translator
# may open fluenzr_fr.ts in Qt Linguist); the .qm files are built from them and committed.
# lupdate rescans the window's tr() strings: new ones land in fluenzr_fr.ts as unfinished
# (with a suggestion when the same English is translated elsewhere), strings gone from the
# code are dropped, and fluenzr_en.ts keeps only the plural forms (English is the source).
# Then `python resources/translations/unfinished.py` lists what lacks French (file:line,
# context, source); `... unfinished.py --tsv > todo.tsv`, write the French in its third
# column (one column per form for a %n plural), `... unfinished.py --fill todo.tsv`, and
# `make translations` again to rebuild the .qm files. tests/gui/test_translations.py fails
# while a string lacks French or a .qm is older than its .ts.
translations: venv
	$(BIN)/pyside6-lupdate $$(find fluenzr_desktop/gui -name "*.py") -no-obsolete \
	  -ts resources/translations/fluenzr_fr.ts
	$(BIN)/pyside6-lupdate $$(find fluenzr_desktop/gui -name "*.py") -no-obsolete -pluralonly \
	  -ts resources/translations/fluenzr_en.ts
	$(BIN)/pyside6-lrelease resources/translations/fluenzr_fr.ts resources/translations/fluenzr_en.ts
	-$(BIN)/python resources/translations/unfinished.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
