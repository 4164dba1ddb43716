# The commands people run. Each installs what it needs first (scripts/bootstrap.sh).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

# node_modules/.bin first: Trunk must find npm's wasm-opt, not Debian's broken one.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

step = @printf '\n==> %s\n' $(1)

.PHONY: serve dist test check native e2e bench clean

## make serve: the app at http://127.0.0.1:8080 with live reload
serve:
	@scripts/bootstrap.sh build
	$(call step,"trunk serve on http://127.0.0.1:8080")
	trunk serve

## make dist: the deployable static folder dist/
dist:
	@scripts/bootstrap.sh build
	$(call step,"trunk build --release into dist/")
	trunk build --release

## make test: every gate CI runs
test:
	@scripts/bootstrap.sh build browser
	@$(MAKE) --no-print-directory check native dist e2e

check:
	$(call step,"cargo fmt --check")
	cargo fmt --check
	$(call step,"cargo clippy (host, and the build-time renderer)")
	cargo clippy --all-targets -- -D warnings
	cargo clippy --features ssr --bins -- -D warnings
	$(call step,"cargo clippy (wasm32)")
	cargo clippy --target wasm32-unknown-unknown --features csr -- -D warnings

native:
	$(call step,"cargo test")
	cargo test

e2e:
	$(call step,"Playwright in headless Chromium against dist/")
	npx playwright test

## make bench: sizes, load, memory, keystroke latency, Lighthouse and native search speed in one
## table against dist/, with targets marked ok/MISS; the record goes to bench/results.json
bench: dist
	@mkdir -p bench/out
	$(call step,"native search time per query (release)")
	cargo run --release --quiet --example search_bench bench/out/search.json
	$(call step,"sizes + cold loads + memory + keystrokes + Lighthouse in headless Chromium")
	node bench/run.mjs --dist dist

clean:
	rm -rf dist target/playwright test-results
