# geoplan: the two commands a new user needs are `make run` and `make test`.
SWIFT ?= swift
GEOPLAN := .build/release/geoplan
SHAPES := shapes/tambons/phuket/phuket.shp shapes/tambons/nonthaburi/nonthaburi.shp \
          shapes/tambons/samut-songkhram/samut-songkhram.shp shapes/tambons/nakhon-pathom/nakhon-pathom.shp \
          shapes/provinces/provinces-simplified.shp

.PHONY: setup build run test lint format check-folders bench sanitize sanitize-address sanitize-thread fuzz fuzz-build ci clean

setup:
	@bash scripts/install-system-packages.sh

build: setup
	$(SWIFT) build -c release --product geoplan

# The main job on the shipped data: describe and validate every boundary file in shapes/, then compute the
# sample indicator specs over Nonthaburi's tambons (out/nonthaburi/) and its local governments, rolled up to
# districts and the province (out/nonthaburi-lg/).
run: build
	@for shp in $(SHAPES); do $(GEOPLAN) info "$$shp" || exit 1; echo; done
	@for shp in $(SHAPES); do $(GEOPLAN) validate "$$shp" || exit 1; done
	@echo
	$(GEOPLAN) run samples/nonthaburi.yaml --overwrite
	$(GEOPLAN) run samples/nonthaburi-local-governments.yaml --overwrite

test: setup
	bash scripts/check-portable-names.sh
	$(MAKE) lint
	$(MAKE) check-folders
	$(SWIFT) test

# Style: swift-format (from the toolchain) with .swift-format, strict: a warning fails. `make format` rewrites the
# files in place; `make lint` only checks (a second or so a thousand lines).
LINT_PATHS := Sources Tests Fuzz/Sources Tools/FolderGraph/Sources Tools/FolderGraph/Tests/FolderGraphTests
lint:
	$(SWIFT) format lint --strict --recursive --parallel $(LINT_PATHS)

format:
	$(SWIFT) format --in-place --recursive --parallel $(LINT_PATHS)

# Issue 15: the folders of Sources/GeoPlan import one way. Builds the checker (Tools/FolderGraph, a package of its
# own: swift-syntax never slows the main build; about 2 minutes from clean), runs its tests, then fails on any cycle
# between folders or edge up the layers of Tools/FolderGraph/layers.txt. `folder-graph --report` lists every edge,
# `--dot` draws the graph (README: Layout).
FOLDER_GRAPH := Tools/FolderGraph
check-folders:
	$(SWIFT) build --package-path $(FOLDER_GRAPH) --build-tests
	$(SWIFT) test --package-path $(FOLDER_GRAPH) --skip-build
	$(FOLDER_GRAPH)/.build/debug/folder-graph --root Sources/GeoPlan --layers $(FOLDER_GRAPH)/layers.txt

# geoplan against a GeoPandas peer on seeded synthetic data (bench/README.md); `bash bench/run.sh medium` for more.
# Then geoplan's GeoJSON writer against ogr2ogr's GeoJSON driver on the national areas (bench/geojson.sh; about two
# minutes, plus a minute or so the first time to generate the areas), and the national map: `geoplan map` of the
# same areas, its time and page size against issue 16's targets, pan and zoom measured in headless Chromium
# (bench/map.sh; under a minute). Last, topology-kept simplification of the same areas against
# shapely.coverage_simplify (GEOS's CoverageSimplifier, PostGIS's anchor) at the same tolerance: the simplify ratio
# against issue 16's ≥ 2×, both vertex counts, validity and no overlaps (bench/simplify.sh; about 3 minutes).
GEOJSON_BENCH_SIZE ?= large
MAP_BENCH_SIZE ?= large
SIMPLIFY_BENCH_SIZE ?= large
bench: setup
	bash bench/run.sh small
	bash bench/everyday.sh small
	bash bench/geojson.sh $(GEOJSON_BENCH_SIZE)
	bash bench/map.sh $(MAP_BENCH_SIZE)
	bash bench/simplify.sh $(SIMPLIFY_BENCH_SIZE)

# The whole test suite under AddressSanitizer (GDAL is not instrumented: leaks are not checked), and the tests of
# the parallel engine under ThreadSanitizer: the worker pool, the runner (areas × indicators on all cores), zonal
# statistics by strips, the output writers' commit, the shared LockedBox and the boundaries workers copy
# (TSAN_TESTS=. for the whole suite, which takes hours here).
TSAN_TESTS ?= Parallel|Runner|Zonal|OutputSet|StagedOutput|GeoJSONWriter|LockedBox|SharedGeometry
sanitize: sanitize-address sanitize-thread

sanitize-address: setup
	GEOPLAN_SANITIZER=address ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --sanitize=address --scratch-path .build-asan

sanitize-thread: setup
	GEOPLAN_SANITIZER=thread $(SWIFT) test --sanitize=thread --scratch-path .build-tsan --filter '$(TSAN_TESTS)'

# libFuzzer targets (Fuzz/: spec, expressions, DBF encoding, CSV tables, GeoJSON boundaries, zonal coverage), each
# run for FUZZ_SECONDS under AddressSanitizer; new corpus entries and crash reproducers go to Fuzz/work/ (ignored).
FUZZ_SECONDS ?= 300
fuzz-build: setup
	$(SWIFT) build --package-path Fuzz --scratch-path .build-fuzz --sanitize=fuzzer --sanitize=address \
		-Xswiftc -enable-testing

fuzz: fuzz-build
	bash Fuzz/run.sh $(FUZZ_SECONDS) $(CURDIR)/.build-fuzz

# What CI runs (.ci/run): the plain suite, then the sanitizers and a short fuzzing pass.
ci: test
	$(MAKE) sanitize
	$(MAKE) fuzz FUZZ_SECONDS=60

clean:
	$(SWIFT) package clean
