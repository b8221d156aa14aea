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
SYS_PACKAGES := poppler-utils fonts-noto-cjk fonts-dejavu-core libegl1 libgl1 libxkbcommon0 \
	libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 \
	libxcb-keysyms1 libxcb-shape0

.PHONY: help run test lint typecheck pytest sysdeps venv clean

help:
	@echo "make run    open Ichigo (ICHIGO_DEMO=1 for a demo vault on first run)"
	@echo "make test   lint, type-check and run the whole test suite headless"

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
	$(VENV)/bin/ruff check ichigoapp tests
	$(VENV)/bin/ruff format --check ichigoapp tests

typecheck: venv
	$(VENV)/bin/mypy

pytest: sysdeps venv
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest

test: lint typecheck pytest

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache
