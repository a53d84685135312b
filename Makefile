# Laurel's two commands:
#   make demo   install what is missing, build (Release), start Laurel with a demo database
#   make test   install what is missing, build, run every test (exits non-zero on any failure)
# and a few helpers: make build, make web, make format, make bench, make screenshots.

BUILD_DIR ?= build/release
# ccache lives outside the clone, so fresh clones (CI) reuse it; see scripts/ccache-env.sh.
export CCACHE_DIR ?= $(HOME)/.cache/laurel-ccache
export CCACHE_BASEDIR ?= $(CURDIR)
export CCACHE_NOHASHDIR ?= 1
export CCACHE_SLOPPINESS ?= pch_defines,time_macros,include_file_mtime,include_file_ctime
LISTEN ?= 127.0.0.1:8080

.PHONY: demo test setup build web format bench screenshots

demo: setup build web
	LAUREL_SERVER_STATIC_DIR=web/dist $(BUILD_DIR)/laurel demo --listen $(LISTEN)

test:
	bash scripts/test.sh

setup:
	bash scripts/setup.sh

build:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DLAUREL_BUILD_TESTS=OFF >/dev/null
	cmake --build $(BUILD_DIR) --target laurel

web:
	cd web && npm run --silent build

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

bench: setup
	bash scripts/bench.sh

# The README's pictures of the UI: a real Laurel on the demo company, real Chromium.
screenshots: setup build web
	bash scripts/setup.sh --test
	cd web && LAUREL_BINARY=$(CURDIR)/$(BUILD_DIR)/laurel npm run --silent screenshots
