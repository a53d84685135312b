#!/usr/bin/env bash
# Installs what Laurel needs to build, run and test on Debian 12, and nothing that is already
# there. Idempotent and quiet when everything is present; safe to run before every build.
#
#   scripts/setup.sh            build and run dependencies
#   scripts/setup.sh --test     also what the tests need (python3-jsonschema, pytest, openpyxl to
#                               read exports back, Debian's chromium for the UI tests, CJK fonts
#                               for its screenshots…)
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache mold pkg-config
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev libpq-dev libspdlog-dev libfmt-dev libcli11-dev libsodium-dev
  libhowardhinnant-date-dev libdate-tz3 tzdata libtomlplusplus-dev libxlsxwriter-dev
  libcurl4-openssl-dev zlib1g-dev rime-data-luna-pinyin opencc python3 libzip-dev libpugixml-dev
)
if [ "${1:-}" = "--test" ]; then
  packages+=(libgtest-dev libgmock-dev libbenchmark-dev python3 python3-jsonschema python3-pytest
             python3-requests python3-openpyxl curl chromium fonts-noto-cjk)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The web UI and the API docs page come from the npm registry (package-lock.json).
# Node 20 and npm are preinstalled on these machines; never install npm from Debian.
if ! command -v npm >/dev/null; then
  echo "setup: npm is missing; Laurel's web assets need Node 20 and npm" >&2
  exit 1
fi
if [ ! -d web/node_modules ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
  (cd web && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
