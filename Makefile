# The README's commands. Every target creates .venv and installs what it needs.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell $(PYTHON) -c 'import hashlib,sys;print(hashlib.sha1(open("pyproject.toml","rb").read()).hexdigest()[:12])')
MO     := $(patsubst %.po,%.mo,$(wildcard locales/*/LC_MESSAGES/kzcomplaint.po))

.PHONY: run test lint demo bench package catalogues clean mutate test-clock

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,bench]'
	rm -f $(VENV)/.installed-*
	touch $@

locales/%/LC_MESSAGES/kzcomplaint.mo: locales/%/LC_MESSAGES/kzcomplaint.po $(STAMP)
	$(VENV)/bin/pybabel compile --statistics -D kzcomplaint -i $< -o $@ -l $*

catalogues: $(MO)

run: $(STAMP) catalogues
	$(PY) -m kzcomplaint

lint: $(STAMP)
	$(VENV)/bin/lint-imports
	$(VENV)/bin/ruff check kzcomplaint tests tools bench
	$(VENV)/bin/mypy kzcomplaint

test: $(STAMP) catalogues lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

demo: $(STAMP) catalogues
	$(PY) -m kzcomplaint.demo out/demo

bench: $(STAMP) catalogues
	$(PY) bench/bench.py
	$(PY) bench/bench_gui.py

# A mutation run (mutmut) over the core's law and documents, then its score and
# the surviving mutants. Long (hours on two cores: each mutant of render.py runs
# hundreds of tests); not part of `make test`. mutmut's own progress goes to
# out/mutate.log. MUTANTS narrows the run, e.g. MUTANTS='kzcomplaint.core.law.*'.
MUTANTS ?=
mutate: $(STAMP) catalogues
	$(PY) -m pip install --quiet -e '.[mutate]'
	rm -rf mutants
	@mkdir -p out
	@start=$$(date +%s); \
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/mutmut run $(MUTANTS) > out/mutate.log 2>&1 || { tail -n 40 out/mutate.log; exit 1; }; \
	$(PY) tools/mutation_report.py --seconds $$(( $$(date +%s) - start ))

# The suite under a clock set years back and years ahead (libfaketime: apt-get
# install faketime): no test may depend on the day it runs.
test-clock: $(STAMP) catalogues
	@command -v faketime >/dev/null || { echo "needs faketime (apt-get install faketime)"; exit 1; }
	QT_QPA_PLATFORM=offscreen faketime '2020-03-01 10:00:00' $(PY) -m pytest -q -p no:cacheprovider
	QT_QPA_PLATFORM=offscreen faketime '2041-09-15 10:00:00' $(PY) -m pytest -q -p no:cacheprovider

# The desktop bundle for this system (one folder, PyInstaller), then its self-test.
package: $(STAMP) catalogues
	$(PY) -m pip install --quiet -e '.[package]'
	$(VENV)/bin/pyinstaller --noconfirm --log-level ERROR --distpath dist --workpath build/pyinstaller packaging/kzcomplaint.spec
	QT_QPA_PLATFORM=offscreen dist/kzcomplaint/kzcomplaint --self-test
	@du -sh dist/kzcomplaint

# Refresh the catalogue template and merge new strings into kk/ru/en.
extract: $(STAMP)
	$(VENV)/bin/pybabel extract -F pyproject.toml --no-location --sort-output -k N_ -o locales/kzcomplaint.pot .
	$(VENV)/bin/pybabel update --no-fuzzy-matching --ignore-obsolete -D kzcomplaint -i locales/kzcomplaint.pot -d locales

clean:
	rm -rf $(VENV) out build dist mutants $(MO)
