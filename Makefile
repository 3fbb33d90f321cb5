# Two commands for a newcomer: `make serve` and `make test`. Each installs what is
# missing first (scripts/setup.sh skips what is already there).
export PATH := $(CURDIR)/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)
# Every build goes through scripts/trunk.sh, which adds the size settings.
TRUNK := scripts/trunk.sh

.PHONY: setup serve build package check test fuzz schema prerender bench balance wordpress-plugin
setup:
	scripts/setup.sh

serve: setup
	$(TRUNK) serve

build: setup
	$(TRUNK) build --release

# The release package: the widget's files from a release build as an npm tarball,
# target/package/open-vs-proprietary-VERSION.tgz (scripts/package.mjs). Nothing is published.
package: setup
	$(TRUNK) build --release
	node scripts/package.mjs

# The quick checks: formatting, clippy, ESLint, and the native tests but the slow walks
# over every answer set (make test runs those). Needs only the Rust toolchain and npm.
check:
	scripts/setup.sh check
	scripts/check.sh

test: setup
	scripts/test.sh

# The WordPress plugin from a release build: target/wordpress/open-vs-proprietary/ and
# target/wordpress/open-vs-proprietary-VERSION.zip, for Plugins → Add New → Upload Plugin.
wordpress-plugin: build
	node scripts/wordpress-plugin.mjs

# Every fuzz target for longer than the test command does: SECONDS per target (default
# 60). Installs cargo-fuzz if missing; the corpus grows in fuzz/corpus/ between runs.
fuzz:
	scripts/fuzz.sh $(or $(SECONDS),60)

# Regenerates content.schema.json from the Rust content types (a test checks it is current).
schema:
	cargo run --quiet -p ovp-model --example schema > content.schema.json

# How often each approach wins over every answer set of a pack (PACK=path, default the
# built-in content/en.json), with the share of ties, near ties and answer sets that get
# no suggestion.
balance:
	cargo run --quiet -p ovp-model --example balance -- $(or $(PACK),content/en.json)

# Prerenders the intro into index.html and web/snippet.html, writes the words of
# embed.js's panel into web/panel.mjs and README.md's attribute table from
# web/contract.mjs (tests check each is current).
prerender:
	cargo run --quiet --example prerender
	node scripts/attribute-table.mjs

# Sizes of what the widget ships, then our demo page against the same quiz built with
# SurveyJS and Chart.js (installed from npm into bench/node_modules) in headless Chromium.
# Prints the tables and writes bench/results/latest.json. RUNS=N for more runs (default 7).
bench: setup
	$(TRUNK) build --release
	node bench/run.mjs --runs $(or $(RUNS),7)
