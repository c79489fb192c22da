# kamergraph: `make demo` and `make test` do all set-up on a fresh Debian 12 machine.
BUILD    ?= build
JOBS     ?= $(shell nproc)
KG       := $(BUILD)/kamergraph
DB       ?= kamergraph.db
PYTHON   := /usr/bin/python3

PACKAGES := cmake g++ make pkg-config librocksdb-dev libboost-graph-dev nlohmann-json3-dev \
            catch2 libre2-dev libhyperscan-dev libcli11-dev \
            libutf8proc-dev libssl-dev python3 python3-networkx python3-igraph libxml2-utils \
            libbenchmark-dev libmimalloc-dev

.PHONY: all deps build demo test clean js-deps bench

all: build

deps:
	@scripts/install-deps.sh $(PACKAGES)

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@mkdir -p out
	$(KG) ingest samples --db $(DB)
	$(KG) export --db $(DB) --format graphml --out out/samples.graphml
	$(KG) export --db $(DB) --format json --out out/samples.json
	$(KG) export --db $(DB) --format gexf --out out/samples.gexf
	@echo
	@$(KG) stats --db $(DB)
	@echo
	@$(KG) who-said --db $(DB) --limit 12

test: build js-deps
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# Gephi Lite's parsers for the export tests, from tests/js's lock file into $(BUILD)/js
# (npm from Debian when no npm is installed);
# without npm or the registry the graphology reader tests are skipped (and say so).
js-deps: $(BUILD)/js/node_modules/.package-lock.json

$(BUILD)/js/node_modules/.package-lock.json: tests/js/package.json tests/js/package-lock.json
	@command -v npm >/dev/null || scripts/install-deps.sh nodejs npm || true
	@if command -v npm >/dev/null; then \
	  mkdir -p $(BUILD)/js && cp tests/js/package.json tests/js/package-lock.json $(BUILD)/js/ && \
	  (cd $(BUILD)/js && npm ci --no-audit --no-fund --loglevel=error) || \
	  echo "js-deps: npm ci failed (is the npm registry reachable?); the graphology reader tests will be skipped"; \
	else echo "js-deps: npm not found; the graphology reader tests will be skipped"; fi

# The benchmark of docs/performance.md: 10 MB, 100 MB and 1 GB by default (about 30 min);
# BENCH_SIZES=10 or BENCH_SIZES=10,100 for a quick run.
bench: build
	@$(PYTHON) bench/run_bench.py --build $(BUILD) $(if $(BENCH_SIZES),--sizes $(BENCH_SIZES))

clean:
	rm -rf $(BUILD) out

# Reliability (docs/robustness.md). Both need clang, installed here only: `make demo`
# stays lean. One clang build with AddressSanitizer, UndefinedBehaviorSanitizer and the
# fuzzers' coverage instrumentation serves both.
SAN_BUILD    ?= build-asan
FUZZ_SECONDS ?= 300
SAN_PACKAGES := clang libclang-rt-14-dev
SAN_LOGS     := $(abspath $(SAN_BUILD))/sanitizer-logs
SAN_ENV      := ASAN_OPTIONS=log_path=$(SAN_LOGS)/asan:detect_leaks=1:exitcode=86 \
                UBSAN_OPTIONS=log_path=$(SAN_LOGS)/ubsan:halt_on_error=1:print_stacktrace=1:exitcode=86
# Every report in the log folder fails the run, even where a test let the exit code pass.
SAN_CHECK    := if ls $(SAN_LOGS)/* >/dev/null 2>&1; then cat $(SAN_LOGS)/*; \
                echo "sanitizer findings: $$(ls $(SAN_LOGS) | wc -l) report(s)"; exit 1; \
                else echo "sanitizer findings: 0"; fi

.PHONY: san-build fuzz sanitize

san-build:
	@scripts/install-deps.sh $(PACKAGES) $(SAN_PACKAGES)
	@CC=clang CXX=clang++ cmake -S . -B $(SAN_BUILD) -DCMAKE_BUILD_TYPE=Release \
	  -DCMAKE_CXX_FLAGS_RELEASE="-O1 -gline-tables-only" -DKG_SANITIZE=ON -DKG_FUZZ=ON \
	  -DKG_BENCH=OFF -DKG_FUZZ_SECONDS=$(FUZZ_SECONDS) >/dev/null
	@cmake --build $(SAN_BUILD) -j $(JOBS)
	@rm -rf $(SAN_LOGS) && mkdir -p $(SAN_LOGS) && chmod 1777 $(SAN_LOGS)

# The fuzz targets, FUZZ_SECONDS each (tests/fuzz; new crashes land in $(SAN_BUILD)/tests/fuzz).
fuzz: san-build
	@cd $(SAN_BUILD) && $(SAN_ENV) ctest -L fuzz -j $(JOBS) --output-on-failure; \
	  status=$$?; $(SAN_CHECK); exit $$status

# The whole test suite under ASan + UBSan at KG_TEST_SCALE=small, the fuzz targets
# FUZZ_SECONDS each; fails on any sanitizer finding. .ci/run uses FUZZ_SECONDS=60.
sanitize: san-build
	@cd $(SAN_BUILD) && $(SAN_ENV) KG_TEST_SCALE=small ctest -j $(JOBS) --output-on-failure; \
	  status=$$?; $(SAN_CHECK); exit $$status
