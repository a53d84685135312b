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
echo "== client search (800 and 100,000 clients)"
build/release/bench/search_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
echo "== visit full-text search (1,000,000 visits; filling takes 1-2 minutes)"
build/release/bench/visit_search_bench --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
echo "== recognition engine: metric fold (a million trades) and a demo log replayed"
fold_db=$(mktemp -d)/fold-demo.db
build/release/laurel demo --db "$fold_db" --as-of 2026-11-20 --generate-only >/dev/null
LAUREL_BENCH_DEMO_DB="$fold_db" build/release/bench/engine_fold_bench --benchmark_repetitions=3 \
  --benchmark_report_aggregates_only=true
rm -rf "$(dirname "$fold_db")"
echo "== leaderboards in memory: Ranking against a plain Boost.MultiIndex (10 k to 1 M subjects)"
build/release/bench/ranking_bench
echo "== demo generation (time, peak memory, file size)"
demo_db=$(mktemp -d)/bench-demo.db
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "wall %e s, peak RSS %M KiB" \
    build/release/laurel demo --db "$demo_db" --as-of 2026-11-20 --generate-only
else
  time build/release/laurel demo --db "$demo_db" --as-of 2026-11-20 --generate-only
fi
echo "file: $(stat -c %s "$demo_db") bytes"
rm -rf "$(dirname "$demo_db")"
