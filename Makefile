# The two commands of the README: `make site` (set up, then build every output) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Every package the install resolves is pinned in the lock (`make lock` remakes it): a change to it reinstalls too.
LOCK := requirements.lock
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt $(LOCK) | cksum | cut -d' ' -f1)
# Debian packages the build and the tests need (browser, CJK fonts, PDF tools, Pango for WeasyPrint).
DEB_PACKAGES := chromium fonts-noto-cjk poppler-utils libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 zip unzip

.PHONY: setup system-packages site quick generate serve test test-fast lint benchmark lock clean

setup: system-packages $(STAMP)

system-packages:
	@missing=$$(for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	$(PYTHON) -c "import ensurepip" 2>/dev/null || missing="$$missing python3-venv"; \
	if [ -n "$$(echo $$missing)" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

$(STAMP): requirements.txt requirements-dev.txt $(LOCK)
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11, 5))' || \
	  { echo "$(PYTHON) is older than Python 3.11.5, which pymdown-extensions 13 requires: PYTHON=python3.x make …"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt -r requirements-dev.txt -c $(LOCK)
	rm -f $(VENV)/.installed-*; touch $(STAMP)

site: setup
	$(PY) -m build_tools build

quick: setup
	$(PY) -m build_tools build --no-pdf

generate: setup
	$(PY) -m build_tools generate

# Live preview at http://127.0.0.1:8000/<path of site_url>/ (ADDR=host:port to change): reloads when docs/ changes,
# so run `make generate` again after editing sources, translations, topics or templates.
ADDR ?= 127.0.0.1:8000
serve: generate
	$(PY) -m mkdocs serve --dev-addr $(ADDR)

# Every test, spread over the cores (pytest-xdist; a file's tests stay on one worker, so a module's build is made
# once). What CI runs. TEST_WORKERS=1 runs them in one process.
TEST_WORKERS ?= auto
test: setup
	$(PY) -m ruff check build_tools tests benchmarks
	$(PY) -m mypy
	$(VENV)/bin/lint-imports
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile

# The tests that need no whole build, no browser and no PDF (markers in pyproject.toml): under a minute.
test-fast: setup
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile -m "not build and not browser and not pdf"

lint: setup
	$(PY) -m ruff check build_tools tests benchmarks
	$(PY) -m mypy
	$(VENV)/bin/lint-imports

benchmark: setup
	$(PY) benchmarks/generate_speed.py
	$(PY) benchmarks/outputs.py
	$(PY) benchmarks/scale.py 5 50 500 --with-mkdocs
	$(PY) benchmarks/large_sources.py
	$(PY) benchmarks/targets.py
	$(PY) -m build_tools build --no-pdf && $(PY) benchmarks/search_quality.py
	$(PY) benchmarks/search_scale.py 5 50 500

# After editing requirements*.txt: resolve again with uv, in a throwaway venv (never .venv), keeping the lock's
# other pins where they still fit.
UV_VENV := /tmp/edition-uv
lock:
	$(PYTHON) -m venv $(UV_VENV) && $(UV_VENV)/bin/pip install -q --disable-pip-version-check uv==0.13.8
	$(UV_VENV)/bin/uv pip compile requirements.txt requirements-dev.txt --python-version 3.11.7 \
	  --python-platform x86_64-manylinux_2_28 --custom-compile-command "make lock" -o $(LOCK)

clean:
	rm -rf site dist build .pytest_cache .mypy_cache
