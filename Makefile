# Every target installs what it needs and is safe to re-run.
#   make report   the main job: every feature against the embedded simulator, then the Allure report
#   make test     the tests: unit/property tests and every feature, in Chromium and again in WebKitGTK (what CI runs)
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
APT_PACKAGES := chromium fonts-noto-cjk xvfb xauth webkit2gtk-driver
# wanted, not required: without it the harness runs the full Chromium headless (≈1.35× the suite time; README: Suite times)
APT_OPTIONAL := chromium-headless-shell
# --no-install-recommends: 87 packages instead of 334 on a bare Debian 12 (no GStreamer codecs, printing, Perl, avahi...),
# which neither browser uses here (README: Suite times)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PYTEST_ARGS ?=
# The engines the features run in, one pytest run each (README: Browsers and engines): Blink, then WebKit. Both runs write to
# reports/allure-results; steps/evidence/allure_hooks.py makes the engine an Allure parameter, so a scenario keeps one result
# per engine. ENGINES=chromium for a quick run; add webkit / safari where installed.
ENGINES ?= chromium webkitgtk
OTHER_ENGINES = $(wordlist 2,$(words $(ENGINES)),$(ENGINES))

.PHONY: setup system-deps python-deps allure-cli test unit features report shard report-merge durations vendor-install-proof bench fuzz serve stubs contract conformance discover vendor-proof mutants clean help

help:
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 16

setup: ## install system packages (apt) and Python packages (.venv), both at once (neither needs the other)
	@$(MAKE) --no-print-directory -j2 system-deps python-deps

system-deps: ## chromium, Japanese fonts, Xvfb and WebKitWebDriver from Debian (skipped when present)
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	else echo "system packages present"; fi
	@missing=""; for p in $(APT_OPTIONAL); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing (optional):$$missing"; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null 2>&1 \
	  || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; } \
	  || echo "not installed:$$missing (optional: Chromium runs as the full browser, headless)"; fi

$(VENV)/.installed: pyproject.toml
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q --no-compile -e '.[test]'
	@# compiled on both cores at once: pip compiles every module one by one (≈42 s for the whole install here, ≈31 s this way)
	@$(PY) -m compileall -q -j 0 $(VENV)/lib >/dev/null 2>&1 || true
	@touch $@

python-deps: $(VENV)/.installed ## the harness and its test dependencies into .venv

allure-cli: reports/.allure/node_modules/.bin/allure ## Allure 3 report generator (npm, local to reports/)

reports/.allure/node_modules/.bin/allure:
	@mkdir -p reports/.allure
	cd reports/.allure && npm install --silent --no-audit --no-fund allure@3 >/dev/null

test: setup ## unit/property tests, then every feature in Chromium and again in WebKitGTK, each a lean run (CI runs this)
	@status=0; echo "── unit and property tests"; \
	$(PY) -m pytest --ignore=tests/features --browser $(firstword $(ENGINES)) $(WORKER_ARGS) $(PYTEST_ARGS) || status=$$?; \
	for engine in $(ENGINES); do echo "── every feature, in $$engine"; \
	  $(PY) -m pytest tests/features $(LEAN) --browser $$engine $(WORKER_ARGS) $(PYTEST_ARGS) || status=$$?; done; exit $$status

unit: setup ## only the unit and property tests (no browser)
	$(PY) -m pytest --ignore=tests/features $(WORKER_ARGS) $(PYTEST_ARGS)

features: setup ## only the features, in each engine of ENGINES (default: chromium, then webkitgtk)
	@status=0; for engine in $(ENGINES); do echo "── every feature, in $$engine"; \
	  $(PY) -m pytest tests/features $(LEAN) --browser $$engine $(WORKER_ARGS) $(PYTEST_ARGS) || status=$$?; done; exit $$status

ALLURE := reports/.allure/node_modules/.bin/allure
GATE ?=

# Exit status of `make report`: 0 the report is built (scenarios may have failed: read the summary); 2 GATE is set
# and conformance is below it; 3 the harness itself errored (a pytest run crashed or was interrupted, allure generate
# or the living documents failed). Every step runs even when an earlier one failed, so the report is always built.
report: setup allure-cli ## the main job: every feature against the embedded simulator, the Allure report, a summary (GATE=95 fails below 95% conformance)
	@rm -rf reports/allure-results reports/allure-report && mkdir -p reports/history
	@$(PY) -m steps.reporting coverage || echo "(coverage gaps above: see tests/test_spec_coverage.py)"
	@runs=""; \
	echo "── every feature, in $(firstword $(ENGINES))"; \
	$(PY) -m pytest tests/features $(LEAN) --feature-progress --tracing=retain-on-failure --browser $(firstword $(ENGINES)) $(WORKER_ARGS) $(PYTEST_ARGS); \
	runs="$$runs --run pytest-features-$(firstword $(ENGINES))=$$?"; \
	for engine in $(OTHER_ENGINES); do echo "── every feature again, in $$engine (same results directory)"; \
	  $(PY) -m pytest tests/features $(LEAN) --feature-progress --browser $$engine $(WORKER_ARGS) $(PYTEST_ARGS); \
	  runs="$$runs --run pytest-features-$$engine=$$?"; done; \
	echo "── harness unit tests (allure-pytest, same results directory)"; \
	$(PY) -m pytest tests --ignore=tests/features --ignore=tests/bench -q -p no:allure_pytest_bdd -p allure_pytest $(PYTEST_ARGS); \
	runs="$$runs --run pytest-unit=$$?"; \
	echo "── allure generate (reports/allure-report/index.html)"; \
	$(ALLURE) generate reports/allure-results --config steps/reporting/allurerc.mjs >/dev/null; runs="$$runs --run allure=$$?"; \
	$(PY) -m steps.reporting living --report-dir reports/allure-report; runs="$$runs --run living=$$?"; \
	echo "report: reports/allure-report/index.html (single file; history in reports/history/)"; \
	$(PY) -m steps.reporting summary $(if $(GATE),--gate $(GATE)) $$runs

# Shards and workers (README: Shards, workers and one report). CI runs `make shard` once per engine × shard, each
# into its own results directory, then `make report-merge` once over all of them: one report, one history.
SHARDS ?= 1
SHARD ?= 1
ENGINE ?= $(firstword $(ENGINES))
# pytest-xdist workers for the unit tests and the features: one per core and one more by default, as a worker often waits
# on its browser or simulator (README: Suite times); WORKERS=1: one process, no xdist
WORKERS ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) + 1 )))
SHARD_NAME = $(ENGINE)-$(SHARD)of$(SHARDS)
WORKER_ARGS = $(if $(filter-out 0 1,$(WORKERS)),-n $(WORKERS) --dist loadgroup)
# A feature run loads only the plugins it uses: hypothesis, schemathesis, faker's fixture, pytest-benchmark and anyio
# serve the unit tests (≈4 s of imports per process, each xdist worker included). README: Lean start-up.
# Python may keep compiled modules (and pytest its assertion-rewritten ones): a machine that sets PYTHONDONTWRITEBYTECODE
# otherwise recompiles ≈250 modules in every process (≈2–4 s a start on this 2-core machine).
export PYTHONDONTWRITEBYTECODE :=
LEAN := -p no:hypothesispytest -p no:schemathesis -p no:faker -p no:benchmark -p no:anyio -p no:xdist.looponfail

shard: setup ## one CI shard: the features in ENGINE, group SHARD of SHARDS (split by .test_durations), into reports/shards/
	@rm -rf reports/shards/$(SHARD_NAME) && mkdir -p reports/shards/$(SHARD_NAME) reports/junit
	@$(PY) -m pytest tests/features $(LEAN) --browser $(ENGINE) --splits $(SHARDS) --group $(SHARD) $(WORKER_ARGS) \
	  --feature-progress --tracing=retain-on-failure --alluredir=reports/shards/$(SHARD_NAME) \
	  --junitxml=reports/junit/$(SHARD_NAME).xml $(PYTEST_ARGS); status=$$?; \
	echo $$status > reports/shards/$(SHARD_NAME).status; echo "shard $(SHARD_NAME): pytest exited $$status"; \
	case $$status in 0|1|5) exit 0;; *) exit $$status;; esac

report-merge: setup allure-cli ## one report from every reports/shards/*/ (CI's merge job): merge, unit tests, allure generate, summary
	@rm -rf reports/allure-results reports/allure-report && mkdir -p reports/history
	@runs=""; \
	$(PY) -m steps.reporting merge $$(ls -d reports/shards/*/) --out reports/allure-results; runs="$$runs --run merge=$$?"; \
	for f in reports/shards/*.status; do runs="$$runs --run pytest-features-$$(basename $$f .status)=$$(cat $$f)"; done; \
	echo "── harness unit tests (allure-pytest, same results directory)"; \
	$(PY) -m pytest tests --ignore=tests/features --ignore=tests/bench -q -p no:allure_pytest_bdd -p allure_pytest $(PYTEST_ARGS); \
	runs="$$runs --run pytest-unit=$$?"; \
	$(ALLURE) generate reports/allure-results --config steps/reporting/allurerc.mjs >/dev/null; runs="$$runs --run allure=$$?"; \
	$(PY) -m steps.reporting living --report-dir reports/allure-report; runs="$$runs --run living=$$?"; \
	echo "report: reports/allure-report/index.html (single file; history in reports/history/)"; \
	$(PY) -m steps.reporting summary $(if $(GATE),--gate $(GATE)) $$runs

durations: setup ## re-record .test_durations (pytest-split) from every feature in Chromium, in one process; commit the file
	$(PY) -m pytest tests/features $(LEAN) --browser chromium --store-durations --durations-path .test_durations $(PYTEST_ARGS)

VENDOR_DIR ?= /tmp/vendor-repo
VENDOR_VENV ?= /tmp/vendor-venv
VENDOR_K ?= ログイン画面に

vendor-install-proof: ## the installed harness outside this repository: wheel, fresh venv, one command (VENDOR_K='-k expression')
	rm -rf $(VENDOR_DIR) $(VENDOR_VENV) /tmp/first-login-harness-build && mkdir -p $(VENDOR_DIR) /tmp/first-login-harness-build
	git ls-files -co --exclude-standard | grep -v '^tests/' | tar --ignore-failed-read -cf - -T - 2>/dev/null | tar -xf - -C /tmp/first-login-harness-build
	$(PYTHON) -m venv $(VENDOR_VENV) && $(VENDOR_VENV)/bin/pip install -q --upgrade pip
	$(VENDOR_VENV)/bin/pip wheel -q --no-deps -w /tmp/first-login-harness-build/dist /tmp/first-login-harness-build
	$(VENDOR_VENV)/bin/pip install -q /tmp/first-login-harness-build/dist/first_login_harness-*.whl
	cp fixtures/targets/simulator.yaml $(VENDOR_DIR)/profile.yaml
	cd $(VENDOR_DIR) && $(VENDOR_VENV)/bin/first-login-harness conformance --target profile.yaml -k '$(VENDOR_K)'
	@echo "report: $(VENDOR_DIR)/reports/conformance/conformance.md"

# BENCH_SUITE=0: the benchmarks only, without the whole suite per engine
BENCH_SUITE ?= 1
bench: setup ## speed targets (pytest-benchmark), then the whole suite per engine of ENGINES with its split (--phase-times)
	@status=0; $(PY) -m pytest tests/bench -p no:randomly --benchmark-only -o addopts="-p no:cacheprovider -p no:allure_pytest" \
	  || status=$$?; \
	if [ "$(BENCH_SUITE)" != 0 ]; then for engine in $(ENGINES); do \
	  echo "── the whole suite, in $$engine: load $$(cut -d' ' -f1-3 /proc/loadavg) at the start, WORKERS=$(WORKERS)"; \
	  $(PY) -m pytest tests/features $(LEAN) -q --browser $$engine $(WORKER_ARGS) --phase-times \
	    -o addopts="-p no:cacheprovider -p no:allure_pytest" || status=$$?; done; fi; exit $$status

FUZZ_INPUTS ?= 10000
fuzz: setup ## bad inputs (>= FUZZ_INPUTS, default 10000) over every form, control and stub endpoint and SMTP, then schemathesis; fails on any 5xx
	$(PY) -m tests.fuzz.run --inputs $(FUZZ_INPUTS)

serve: setup ## the simulator on http://127.0.0.1:8000/ for people to click through
	$(PY) -m simulator

STUBS_TOKEN ?=
STUBS_HOSTS ?=
stubs: setup ## the stubs alone (SMTP :8025, HTTP :8026); STUBS_TOKEN=… STUBS_HOSTS='name …' to listen beyond this machine
	$(PY) -m simulator.stubs $(if $(STUBS_TOKEN),--host 0.0.0.0 --stubs-token $(STUBS_TOKEN) $(foreach h,$(STUBS_HOSTS),--allowed-host $(h)))

TARGET ?= simulator
DEFECTS ?=
MUTANTS_TARGET ?= blind
JOBS ?= 1

contract: setup ## check a target's control API against simulator/openapi.yaml (TARGET=profile; the simulator needs CONTROL_URL)
	$(PY) -m steps.target.contract --target $(TARGET) $(if $(CONTROL_URL),--control-url $(CONTROL_URL)) $(if $(CONTROL_TOKEN),--control-token $(CONTROL_TOKEN))

conformance: setup ## every feature against TARGET (a profile), then reports/conformance/{conformance.md,.json,evidence.zip}
	rm -rf reports/conformance
	-$(PY) -m pytest tests/features $(LEAN) --target $(TARGET) --screenshot=on --feature-progress \
	  --alluredir=reports/conformance/allure-results $(PYTEST_ARGS)
	$(PY) -m steps.reporting conformance --results reports/conformance/allure-results --out reports/conformance

discover: setup ## what the harness finds on TARGET's screens, and a vocabulary stub (VOCABULARY=file to write one)
	$(PY) -m steps.harness.discover --target $(TARGET) $(if $(VOCABULARY),--write $(VOCABULARY))

vendor-proof: setup ## the unchanged features against the blind implementation tests/blind_site (DEFECTS='code_reusable ...')
	$(PY) -m tests.vendor_proof $(foreach d,$(DEFECTS),--defect $(d)) $(if $(PYTEST_ARGS),-- $(PYTEST_ARGS))

mutants: setup ## switch on each seeded defect (MUTANTS_TARGET=blind|simulator) and list those no scenario names by spec ID
	$(PY) -m tests.vendor_proof.mutants --target $(MUTANTS_TARGET) --jobs $(JOBS) $(foreach d,$(DEFECTS),--defect $(d))

clean: ## remove run outputs (keeps .venv)
	rm -rf reports/allure-results reports/allure-report reports/living var .hypothesis .benchmarks
