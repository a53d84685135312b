#!/usr/bin/env bash
# "Rank of me" over HTTP: GET /api/v1/boards/{id}/standings/me (keep-alive, a salesperson's
# bearer token, request logging on) against nginx serving a static file of the same size, with
# ../shared/tools/http-vs-nginx.sh. The board ranks the demo's 60 people by a monthly sum of
# trades, created here as admin; the route reads the board and its metric from the database,
# the caller's staff record, then asks the engine (which first checks the event log for news).
#
#   bench/http_board_rank.sh [BUILD_DIR] [http-vs-nginx options]     (default build/release)
#   PERIOD=2026-11    another month than the demo's current one
#   BREAKDOWN=1       also measure, on the same server: /api/v1/me and /api/v1/boards/{id} as the
#                     salesperson, and standings/me as admin (no staff record looked up, no row)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release} opts=("${@:2}")
dir=$(mktemp -d /tmp/laurel-bench-rank.XXXXXX)
trap 'kill $(cat "$dir/pid" 2>/dev/null) 2>/dev/null; wait 2>/dev/null; rm -rf "$dir"' EXIT
cp "$build/laurel" "$dir/laurel"  # a copy: build/ may be rebuilt while this runs
"$dir/laurel" demo --db "$dir/bench.db" --listen 127.0.0.1:0 >"$dir/out" 2>"$dir/laurel.log" &
echo $! >"$dir/pid"
# Generating the demo company takes 1 to 2.5 minutes on 2 shared cores.
for _ in $(seq 3000); do
  grep -q listening "$dir/out" && break
  kill -0 "$(cat "$dir/pid")" 2>/dev/null || { cat "$dir/out" "$dir/laurel.log" >&2; exit 1; }
  sleep 0.1
done
grep -m1 '^laurel: [0-9]* departments' "$dir/out"
url=$(grep -o 'http://[0-9.:]*' "$dir/out" | head -1)
id() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
login() {
  curl -fsS -X POST "$url/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"laurel-demo-2026\"}" | id token
}
admin=$(login admin)
sales=$(grep -o 'as the salesperson [a-z0-9._-]*' "$dir/out" | awk '{print $4}')
token=$(login "$sales")
post() {
  curl -fsS -X POST "$url$1" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d "$2" | id id
}
metric=$(post /api/v1/metrics \
  '{"code":"bench.subs","name":"bench","kind":"sum","subject":"staff","period":"month"}')
board=$(post /api/v1/boards "{\"name\":\"bench\",\"metric_id\":$metric}")
period=${PERIOD:-$(grep -o 'as of [0-9]*-[0-9]*' "$dir/out" | cut -c7-)}
rank="$url/api/v1/boards/$board/standings/me?period=$period"
echo "salesperson $sales, board $board on metric $metric, period $period; the response:"
curl -fsS "$rank" -H "Authorization: Bearer $token"  # the first request also folds the new metric
echo
echo "response body: $(curl -fsS "$rank" -H "Authorization: Bearer $token" | wc -c) bytes;" \
  "laurel threads: $(nproc) (server.threads=0); load average:$(uptime | sed 's/.*average://')"
../shared/tools/http-vs-nginx.sh "$rank" -H "Authorization: Bearer $token" ${opts[@]+"${opts[@]}"}
if [ -n "${BREAKDOWN:-}" ]; then
  for what in "$token /api/v1/me" "$token /api/v1/boards/$board" \
              "$admin /api/v1/boards/$board/standings/me?period=$period"; do
    set -- $what
    echo "-- $([ "$1" = "$admin" ] && echo admin || echo "$sales") GET $2" \
      "($(curl -fsS "$url$2" -H "Authorization: Bearer $1" | wc -c) bytes)"
    ../shared/tools/http-vs-nginx.sh "$url$2" -H "Authorization: Bearer $1" ${opts[@]+"${opts[@]}"}
  done
fi
echo "request log lines written: $(wc -l <"$dir/laurel.log"); time in the server by the log" \
  "(routing, authentication, handler and JSON; not the socket), ms:"
python3 - "$dir/laurel.log" <<'PY'
import collections, statistics, sys
t = collections.defaultdict(list)
for f in (line.split() for line in open(sys.argv[1], encoding="utf-8", errors="replace")):
    if len(f) > 6 and f[1:3] == ["info", "GET"] and f[5].endswith("ms"):
        t[(f[6][5:], f[3])].append(float(f[5][:-2]))
for (user, path), ms in sorted(t.items()):
    if len(ms) >= 1000:
        q = statistics.quantiles(ms, n=10)
        print(f"  {user} {path}: {len(ms)} requests, median {statistics.median(ms):.3f}, p90 {q[8]:.3f}")
PY
