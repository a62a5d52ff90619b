#!/bin/bash
# Closed-loop load on the lists of issue 11 (wrk): for each endpoint one connection, then 50, against a running
# app on the generator's city. Usage:
#   MINDGRID_DATA_DIR=/tmp/city java -jar target/mindgrid.jar generate --schools 700 --students 1000000 --records 50000000
#   MINDGRID_DATA_DIR=/tmp/city java -jar target/mindgrid.jar --server.port=8092 &
#   scripts/bench-lists.sh 8092 <largest-school psych> <smallest-school psych> <head teacher> <inbox user> <duty user> [seconds]
# Prints one line per endpoint: p50 / p90 / p99 and requests per second at c=1 and c=50, and any non-2xx count.
set -euo pipefail
P=$1; BIG=$2; SMALL=$3; HEAD=$4; INBOX=$5; DUTY=$6; D=${7:-10}
tok() {
  curl -s -X POST "localhost:$P/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"${MINDGRID_BENCH_PASSWORD:-Demo#2026}\"}" \
    | python3 -c 'import sys,json;print(json.load(sys.stdin)["token"])'
}
run() {
  local threads=1; [ "$1" -gt 1 ] && threads=2
  wrk -t$threads -c"$1" -d"${D}s" --latency -H "Authorization: Bearer $2" "http://localhost:$P$3" | awk -v c="$1" '
    $1=="50%"{p50=$2} $1=="90%"{p90=$2} $1=="99%"{p99=$2} /Requests\/sec/{rps=$2} /Non-2xx/{err=$NF}
    END{printf "c%s p50 %s p90 %s p99 %s %s req/s%s", c, p50, p90, p99, rps, (err ? " non-2xx " err : "")}'
}
for spec in "$BIG /api/v1/students?size=20" "$SMALL /api/v1/students?size=20" "$HEAD /api/v1/students?size=20" \
    "$BIG /api/v1/students?size=20&page=100" "$BIG /api/v1/warning-reports" "$INBOX /api/v1/notifications" \
    "$DUTY /api/v1/duties?mine=true"; do
  set -- $spec; T=$(tok "$1")
  for _ in $(seq 1 10); do curl -s -o /dev/null -H "Authorization: Bearer $T" "localhost:$P$2"; done
  echo "$1 $2 | $(run 1 "$T" "$2") | $(run 50 "$T" "$2")"
done
