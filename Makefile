# geoplan: the two commands a new user needs are `make run` and `make test`.
SWIFT ?= swift
GEOPLAN := .build/release/geoplan
SHAPES := shapes/tambons/phuket/phuket.shp shapes/tambons/nonthaburi/nonthaburi.shp \
          shapes/tambons/samut-songkhram/samut-songkhram.shp shapes/tambons/nakhon-pathom/nakhon-pathom.shp \
          shapes/provinces/provinces-simplified.shp

.PHONY: setup build run test bench sanitize clean

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
	$(SWIFT) test

# geoplan against a GeoPandas peer on seeded synthetic data (bench/README.md); `bash bench/run.sh medium` for more.
# Then geoplan's GeoJSON writer against ogr2ogr's GeoJSON driver on the national areas (bench/geojson.sh; about two
# minutes, plus a minute or so the first time to generate the areas).
GEOJSON_BENCH_SIZE ?= large
bench: setup
	bash bench/run.sh small
	bash bench/geojson.sh $(GEOJSON_BENCH_SIZE)

# The test suite under ThreadSanitizer and AddressSanitizer (GDAL is not instrumented: leaks are not checked).
sanitize: setup
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --sanitize=address --scratch-path .build-asan

clean:
	$(SWIFT) package clean
