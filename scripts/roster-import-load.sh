#!/usr/bin/env bash
# Measures the roster import against a running MindGrid (default http://localhost:8080, demo data):
# generates a 10,000-row CSV for a fresh class range of school 1 and uploads it twice (import, then re-import
# where every row is unchanged). Usage: scripts/roster-import-load.sh [base-url] [rows]
set -euo pipefail
BASE=${1:-http://localhost:8080}
ROWS=${2:-10000}
FILE=$(mktemp --suffix=.csv)
trap 'rm -f "$FILE"' EXIT

# Readiness, not /actuator/health: logins work only once the demo data is in (ADR 0021).
for _ in $(seq 1 300); do curl -sf "$BASE/actuator/health/readiness" >/dev/null && break; sleep 1; done
TOKEN=$(curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"principal1","password":"Demo#2026"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
SCHOOL=$(curl -sf "$BASE/api/v1/me" -H "Authorization: Bearer $TOKEN" | sed -E 's/.*"schoolId":([0-9]+).*/\1/')

run=$(date +%s)
chars=(一 二 三 四 五 六 七 八 九 十 明 华 强 丽 芳 军 伟 静 敏 磊 洋 勇 艳 杰 涛 超 霞 平 刚 桂)
{
  printf '\xEF\xBB\xBF学号,姓名,性别,出生日期,年级,班级,民族,籍贯,家庭住址,监护人,监护人电话\n'
  for i in $(seq 1 "$ROWS"); do
    class=$(( (i - 1) / 50 + 1 ))
    name="测${chars[$(( i % 30 ))]}${chars[$(( i / 30 % 30 ))]}${chars[$(( i / 900 % 30 ))]}"
    printf '9%s%05d,%s,%s,2012-%02d-%02d,七年级,压测%d班,汉族,浙江宁波,宁波市海曙区测试路%d号,测试家长,138%08d\n' \
      "$run" "$i" "$name" "$([ $((i % 2)) -eq 0 ] && echo 男 || echo 女)" $(( i % 12 + 1 )) $(( i % 28 + 1 )) "$class" "$i" "$i"
  done
} > "$FILE"

for attempt in import re-import; do
  start=$(date +%s.%N)
  answer=$(curl -s -o /dev/stderr -w '%{http_code}' -X POST "$BASE/api/v1/schools/$SCHOOL/roster" \
    -H "Authorization: Bearer $TOKEN" -F "file=@$FILE;filename=roster.csv" 2>/tmp/roster-load-answer.json)
  end=$(date +%s.%N)
  printf '%s of %d rows: HTTP %s in %.2f s: %s\n' "$attempt" "$ROWS" "$answer" "$(echo "$end - $start" | bc)" \
    "$(head -c 120 /tmp/roster-load-answer.json)"
done
