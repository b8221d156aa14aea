# Ichigo — developer entry points. `make run` opens the app, `make test` runs everything CI runs.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

# Debian packages the app and the tests need at run time:
#   poppler-utils      pdftotext/pdfinfo/pdftoppm, to read printed cards back in tests
#   fonts-noto-cjk     Japanese/Chinese/Korean glyphs on prep cards
#   fonts-dejavu-core  a sane Latin fallback when the system has no fonts at all
#   libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0  Qt's runtime libraries
#   libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0  Qt's xcb platform (make run on X11)
#   dbus-daemon        a private session D-Bus for the notification tests
SYS_PACKAGES := poppler-utils fonts-noto-cjk fonts-dejavu-core libegl1 libgl1 libxkbcommon0 \
	libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 \
	libxcb-keysyms1 libxcb-shape0 dbus-daemon

.PHONY: help run test lint typecheck pytest sysdeps venv clean fuzz bench

help:
	@echo "make run    open Ichigo (ICHIGO_DEMO=1 for a demo vault on first run)"
	@echo "make test   lint, type-check and run the whole test suite headless"
	@echo "make screenshots / icons / bundle / validate-packaging / install-desktop  (packaging)"
	@echo "make translations  update the .po/.ts catalogues from the code and compile them"

# Install missing Debian packages (as root directly, else through sudo when available).
sysdeps:
	@missing=""; for p in $(SYS_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; \
		else echo "Please install:$$missing" >&2; exit 1; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

run: sysdeps venv
	$(PY) -m ichigoapp gui

lint: venv
	$(VENV)/bin/ruff check ichigoapp tests packaging setup.py
	$(VENV)/bin/ruff format --check ichigoapp tests packaging setup.py

typecheck: venv
	$(VENV)/bin/mypy

pytest: sysdeps venv
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest

test: lint typecheck validate-packaging pytest

# The importers' hypothesis properties with many more examples (FUZZ_EXAMPLES each).
FUZZ_EXAMPLES ?= 5000
fuzz: venv
	ICHIGO_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q tests/reliability/test_hostile.py -k fuzz

# DESIGN.md section 6 against references measured in the same run; writes bench-results.json.
bench: sysdeps venv
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.bench $(BENCH_ARGS)

# ---------------------------------------------------------------------------- packaging
# Validators for the desktop entry and the AppStream metadata (Debian packages).
PACKAGING_TOOLS := desktop-file-utils appstream
APP_ID := io.github.ichigo.Ichigo
BUNDLE_VENV := .venv-bundle
BUNDLE_STAMP := $(BUNDLE_VENV)/.installed-stamp
PREFIX ?= $(HOME)/.local

.PHONY: validate-packaging screenshots icons bundle install-desktop translations

# Translations (CONTRIBUTING.md): extract strings into the gettext .pot/.po and the Qt
# .ts sources, then compile the .mo and .qm files the app loads (both are committed).
translations: venv
	$(PY) packaging/translations.py

# Installs the validators when it can (root or sudo); where it cannot, says so and skips.
validate-packaging:
	@missing=""; for p in $(PACKAGING_TOOLS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ] && command -v apt-get >/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo"; else SUDO="none"; fi; \
		if [ "$$SUDO" != none ]; then \
			echo "Installing system packages:$$missing"; \
			$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null || true; \
		fi; \
	fi
	@if command -v desktop-file-validate >/dev/null; then \
		out=$$(desktop-file-validate packaging/$(APP_ID).desktop) && [ -z "$$out" ] \
			&& echo "desktop entry: valid" || { echo "$$out" >&2; exit 1; }; \
	else echo "SKIPPED: desktop-file-validate not available (Debian package desktop-file-utils)"; fi
	@if command -v appstreamcli >/dev/null; then \
		appstreamcli validate --no-net --explain packaging/$(APP_ID).metainfo.xml; \
	else echo "SKIPPED: appstreamcli not available (Debian package appstream)"; fi

# PNGs of every page and dialog (demo vault, offscreen) into $(SCREENSHOTS_DIR); the
# pages and the prep card are the metainfo's and the README's. The demo's prep cards
# (four meeting shapes at the five sizes) and a day sheet go to $(CARDS_DIR).
SCREENSHOTS_DIR ?= packaging/screenshots
CARDS_DIR ?= docs/cards
screenshots: sysdeps venv
	$(PY) packaging/make_screenshots.py $(SCREENSHOTS_DIR)
	$(PY) packaging/render_cards.py $(CARDS_DIR)

# The installer icons (hicolor PNGs 16..512, .ico) from resources/icons/ichigo.svg.
icons: venv
	QT_QPA_PLATFORM=offscreen $(PY) packaging/render_icons.py resources/icons/ichigo.svg packaging/icons

# PyInstaller in its own venv (only Ichigo's run-time dependencies + PyInstaller).
$(BUNDLE_STAMP): pyproject.toml
	test -x $(BUNDLE_VENV)/bin/python || $(PYTHON) -m venv $(BUNDLE_VENV)
	$(BUNDLE_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BUNDLE_VENV)/bin/python -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]))' > $(BUNDLE_VENV)/requirements.txt
	$(BUNDLE_VENV)/bin/python -m pip install --quiet -r $(BUNDLE_VENV)/requirements.txt 'pyinstaller>=6.10'
	touch $(BUNDLE_STAMP)

# One-folder build in dist/ichigo/, then a smoke test: it must start and create a vault.
bundle: sysdeps $(BUNDLE_STAMP)
	$(BUNDLE_VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/ichigo.spec
	rm -rf build/bundle-smoke
	cd /tmp && env -u ICHIGO_VAULT QT_QPA_PLATFORM=offscreen \
		PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring ICHIGO_PASSPHRASE=bundle-smoke-test \
		$(CURDIR)/dist/ichigo/ichigo --vault $(CURDIR)/build/bundle-smoke/x.vault init --passphrase
	@echo "Bundle ready: dist/ichigo/ichigo"

# Desktop integration for a pipx/pip install from this checkout (launcher, icons, metainfo).
install-desktop:
	install -Dm644 packaging/$(APP_ID).desktop $(PREFIX)/share/applications/$(APP_ID).desktop
	install -Dm644 packaging/$(APP_ID).metainfo.xml $(PREFIX)/share/metainfo/$(APP_ID).metainfo.xml
	cd packaging/icons && for f in hicolor/*/apps/$(APP_ID).*; do \
		install -Dm644 "$$f" "$(PREFIX)/share/icons/$$f"; done
	-update-desktop-database $(PREFIX)/share/applications 2>/dev/null
	-gtk-update-icon-cache -q -t $(PREFIX)/share/icons/hicolor 2>/dev/null

clean:
	rm -rf $(VENV) $(BUNDLE_VENV) build dist *.egg-info .mypy_cache .ruff_cache
