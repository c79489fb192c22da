# kamergraph: `make demo` and `make test` do all set-up on a fresh Debian 12 machine.
BUILD    ?= build
JOBS     ?= $(shell nproc)
KG       := $(BUILD)/kamergraph
DB       ?= kamergraph.db
PYTHON   := /usr/bin/python3

PACKAGES := cmake g++ make pkg-config librocksdb-dev libboost-graph-dev nlohmann-json3-dev \
            catch2 libre2-dev libhyperscan-dev libcli11-dev \
            libutf8proc-dev libssl-dev python3 python3-networkx python3-igraph libxml2-utils

.PHONY: all deps build demo test clean

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
	@echo
	@$(KG) stats --db $(DB)
	@echo
	@$(KG) who-said --db $(DB) --limit 12

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD) out
