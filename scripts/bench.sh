#!/usr/bin/env bash
# Builds and runs Laurel's benchmarks; the figures go into docs/benchmarks.md by hand, with
# the command that produced them.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ccache-env.sh
bash scripts/setup.sh --test
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DLAUREL_BUILD_BENCH=ON >/dev/null
cmake --build build/release
echo "== login (argon2id)"
build/release/bench/login_bench --benchmark_min_time=2
echo "== authenticated GET vs nginx"
bench/http_me.sh build/release
