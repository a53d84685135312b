#!/usr/bin/env bash
# Builds Laurel and runs every test; exits non-zero on any failure. What `make test` and CI run.
#
#  1. Release build: unit, storage and HTTP tests (GoogleTest, through ctest).
#  2. ASan+UBSan build (-O1) of the non-HTTP libraries: their unit and storage tests again.
#  3. Integration tests (pytest): the real `laurel` binary on a loopback port, every response
#     checked against its schema in docs/openapi.json, the CLI, bad input, slow clients, shutdown.
#  4. The web UI: type check, component tests (vitest), then end-to-end tests in Debian's
#     headless Chromium (playwright-core) against a real `laurel serve` on the demo company.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ccache-env.sh
jobs=$(nproc)

bash scripts/setup.sh --test
echo "== web UI: type check, component tests, build"
(cd web && npm run --silent typecheck && npx vitest run --reporter=dot && npm run --silent build)

echo "== release build"
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DLAUREL_BUILD_TESTS=ON >/dev/null
cmake --build build/release -j "$jobs"
echo "== unit, storage and HTTP tests (release)"
ctest --test-dir build/release --output-on-failure -j "$jobs"

echo "== ASan+UBSan build of the non-HTTP libraries"
cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLAUREL_SANITIZE=ON \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DLAUREL_BUILD_TESTS=ON >/dev/null
cmake --build build/asan -j "$jobs"
echo "== unit and storage tests under ASan+UBSan"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build/asan --output-on-failure -j "$jobs"

echo "== integration tests"
LAUREL_BINARY="$PWD/build/release/laurel" LAUREL_CHECK_API_COVERAGE=1 \
  /usr/bin/python3 -m pytest -q -p no:cacheprovider tests/integration

echo "== end-to-end UI tests (headless Chromium)"
(cd web && LAUREL_BINARY="$PWD/../build/release/laurel" npm run --silent e2e)
