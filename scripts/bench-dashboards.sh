#!/bin/bash
# Dashboard timings of issue 12 point 11 against a running app on the generator's city: the whole page (HTML, as a
# browser asks for it, logged in), its API read and its xlsx export, first (cold, values computed if the month was
# never read) then warm. Usage:
#   MINDGRID_DATA_DIR=/tmp/city java -jar target/mindgrid.jar --server.port=8093 &
#   scripts/bench-dashboards.sh 8093 <district officer> <district id> <city officer> <city id> [runs]
# Prints, per page: the first time, then p50 / max of the next runs, in ms (curl's time_total).
set -euo pipefail
P=$1; DUSER=$2; DID=$3; CUSER=$4; CID=$5; N=${6:-10}
PW=${MINDGRID_BENCH_PASSWORD:-Demo#2026}
login() {
  local jar=$1 user=$2
  local csrf
  csrf=$(curl -s -c "$jar" -b "$jar" "localhost:$P/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" -X POST "localhost:$P/login" \
    --data-urlencode "username=$user" --data-urlencode "password=$PW" --data-urlencode "_csrf=$csrf"
}
tok() {
  curl -s -X POST "localhost:$P/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$PW\"}" | python3 -c 'import sys,json;print(json.load(sys.stdin)["token"])'
}
# time_page <cookie jar> <path> [bearer token]: the API paths take a token, the pages a session
time_page() {
  local jar=$1 path=$2 auth=()
  [ $# -ge 3 ] && auth=(-H "Authorization: Bearer $3")
  local first rest
  first=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -b "$jar" -c "$jar" "${auth[@]}" "localhost:$P$path")
  rest=$(for _ in $(seq 1 "$N"); do curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" -c "$jar" "${auth[@]}" "localhost:$P$path"; done | sort -n)
  python3 - "$path" "$first" "$rest" <<'PY'
import sys
path, first, rest = sys.argv[1], sys.argv[2].split(), [float(x) for x in sys.argv[3].split()]
p50 = rest[len(rest) // 2]
print(f"{path}: status {first[0]}, first {float(first[1]) * 1000:.0f} ms, then p50 {p50 * 1000:.0f} ms, max {max(rest) * 1000:.0f} ms ({len(rest)} runs)")
PY
}
DJ=$(mktemp); CJ=$(mktemp)
login "$DJ" "$DUSER"; login "$CJ" "$CUSER"
DT=$(tok "$DUSER"); CT=$(tok "$CUSER")
time_page "$DJ" "/oversight/districts/$DID"
time_page "$DJ" "/api/v1/districts/$DID/schools/indicators" "$DT"
time_page "$DJ" "/oversight/districts/$DID/export.xlsx"
time_page "$CJ" "/oversight/cities/$CID"
time_page "$CJ" "/api/v1/indicators?level=city&id=$CID" "$CT"
time_page "$CJ" "/oversight/cities/$CID/export.xlsx"
time_page "$CJ" "/oversight/districts/$DID"
rm -f "$DJ" "$CJ"
