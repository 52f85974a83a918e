#!/usr/bin/env bash
# Screenshots of the served portfolio in a real browser (Debian's headless Chromium), for the docs.
# Builds a portfolio from the six example plans, serves it on a free loopback port, takes the
# pictures, and stops the server. Installs Chromium with apt-get when it is missing (as root).
# Usage: scripts/portfolio-screenshots.sh [OUTPUT_FOLDER] (default: docs/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="$(realpath -m "${1:-docs/screenshots}")"
PYTHON="${PYTHON:-.venv/bin/python}"

if ! command -v chromium >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi

WORK="$(mktemp -d)"
SERVER=""
cleanup() {
    if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

mkdir -p "$WORK/plans" "$OUT"
for name in porto-alegre sure-start caterham beacon villa-family tackley; do
    "$PYTHON" -m planner example "$name" -o "$WORK/plans/$name.coplan" >/dev/null
done
"$PYTHON" -m planner portfolio build "$WORK/plans" -o "$WORK/portfolio.db"

PORT="$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$PYTHON" -m planner portfolio serve "$WORK/portfolio.db" --port "$PORT" >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do  # up to a minute for the server to start
    if grep -q "running on" "$WORK/server.log"; then break; fi
    if ! kill -0 "$SERVER" 2>/dev/null; then cat "$WORK/server.log" >&2; exit 1; fi
    sleep 0.5
done
grep -q "running on" "$WORK/server.log" || { cat "$WORK/server.log" >&2; exit 1; }

shot() {  # shot FILE PATH WIDTHxHEIGHT
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$WORK/chromium" \
        --window-size="${3/x/,}" --screenshot="$OUT/$1" "http://127.0.0.1:$PORT$2" >/dev/null 2>&1
    echo "Wrote $OUT/$1"
}
shot portfolio.png /portfolio 1280x1100
shot portfolio-matrix.png /portfolio/matrix_picture 1280x520
