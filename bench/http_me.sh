#!/usr/bin/env bash
# Authenticated GET of a small JSON resource (/api/v1/me, keep-alive) against nginx serving a
# static file of the same size, with ../shared/tools/http-vs-nginx.sh. Routing, bearer-token
# authentication, metrics and request logging (to a file) are all on, as in production.
#
#   bench/http_me.sh [BUILD_DIR]      (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
dir=$(mktemp -d)
trap 'kill $(cat "$dir/pid") 2>/dev/null; wait 2>/dev/null; rm -rf "$dir"' EXIT
"$build/laurel" demo --db "$dir/bench.db" --listen 127.0.0.1:0 >"$dir/out" 2>"$dir/laurel.log" &
echo $! >"$dir/pid"
# Generating the demo company takes 1 to 2.5 minutes on 2 shared cores.
for _ in $(seq 3000); do grep -q listening "$dir/out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*' "$dir/out" | head -1)
token=$(curl -s -X POST "$url/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"laurel-demo-2026"}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
echo "laurel threads: $(nproc) (server.threads=0), request log: $(wc -l <"$dir/laurel.log") lines so far"
../shared/tools/http-vs-nginx.sh "$url/api/v1/me" -H "Authorization: Bearer $token" "${@:2}"
echo "request log lines written: $(wc -l <"$dir/laurel.log")"
