#!/usr/bin/env bash
# For context beside bench/http_board_rank.sh: Redis answering "rank of me" from a sorted set.
# Starts a redis-server on loopback (no persistence), fills sorted sets of 60 members (the demo
# board's people) and of 1,000,000, and runs redis-benchmark (50 connections, keep-alive, no
# pipelining) of ZREVRANK, and of one EVAL that returns the rank with the 2 members either side
# and their scores (what /standings/me answers), then prints requests per second.
#
#   bench/redis_zrevrank.sh [REQUESTS]      (default 200000)
# Installs redis-server and redis-tools with apt-get if they are missing.
set -euo pipefail
n=${1:-200000}
if ! command -v redis-server >/dev/null || ! command -v redis-benchmark >/dev/null; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server redis-tools >/dev/null
fi
dir=$(mktemp -d) port=
trap '[ -n "$port" ] && redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true; wait 2>/dev/null; rm -rf "$dir"' EXIT
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --dir "$dir" \
  --logfile "$dir/redis.log" &
for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
echo "redis $(redis-server --version | grep -o 'v=[0-9.]*'), load average:$(uptime | sed 's/.*average://')"
# KEYS[1] gets ARGV[1] members m1..mN, scores scattered (i * 7919 mod 1000003), in ZADDs of 1000.
fill='local n = tonumber(ARGV[1]) local batch = {}
for i = 1, n do
  batch[#batch + 1] = (i * 7919) % 1000003; batch[#batch + 1] = "m" .. i
  if #batch == 2000 or i == n then redis.call("ZADD", KEYS[1], unpack(batch)); batch = {} end
end
return redis.call("ZCARD", KEYS[1])'
# My rank, and the members 2 above and 2 below me with their scores.
me='local r = redis.call("ZREVRANK", KEYS[1], ARGV[1]) local from = math.max(r - 2, 0)
return {r, redis.call("ZREVRANGE", KEYS[1], from, r + 2, "WITHSCORES")}'
bench() { redis-benchmark -p "$port" -n "$n" -c 50 -P 1 --csv "$@" | awk -F'","' 'END{print $(NF-6)}'; }
for size in 60 1000000; do
  key=board:$size member=m$((size / 3))
  redis-cli -p "$port" eval "$fill" 1 "$key" "$size" >/dev/null
  echo "members $size: ZREVRANK $(redis-cli -p "$port" zrevrank "$key" "$member") of $(redis-cli -p "$port" zcard "$key")," \
    "ZREVRANK $(bench zrevrank "$key" "$member") req/s," \
    "EVAL rank and 2 either side $(bench eval "$me" 1 "$key" "$member") req/s"
done
