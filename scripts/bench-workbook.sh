#!/bin/bash
# Time to print a full workbook (issue 13 point 5): adds N monthly emotion records to one student through the API,
# then times the workbook PDF and counts its pages. Usage, against a running demo app:
#   scripts/bench-workbook.sh PORT psych1 STUDENT_ID [N]
set -euo pipefail
P=$1; U=$2; S=$3; N=${4:-120}
T=$(curl -s -X POST "localhost:$P/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$U\",\"password\":\"${MINDGRID_BENCH_PASSWORD:-Demo#2026}\"}" | python3 -c 'import sys,json;print(json.load(sys.stdin)["token"])')
D=$(date +%F)
for i in $(seq 1 "$N"); do
  curl -s -o /dev/null -H "Authorization: Bearer $T" -H 'Content-Type: application/json' -X POST \
    "localhost:$P/api/v1/students/$S/records" -d "{\"formId\":\"emotion_monthly\",\"answers\":{\"month\":\"${D:0:7}\",\"recorded_on\":\"$D\",\"mood\":\"fluctuating\",\"mood_rating\":3,\"signs\":[\"withdrawn\",\"conflict\"],\"action\":\"talked\",\"recorder\":\"林若曦\",\"events\":\"第 $i 次记录：本月与同学发生两次争执，情绪波动较大，已谈心并告知班主任，约定下周再谈。\",\"note\":\"持续关注睡眠与作业完成情况。\"}}"
done
for run in 1 2 3; do
  curl -s -o /tmp/workbook.pdf -w "run $run: %{time_total} s, %{size_download} bytes\n" -H "Authorization: Bearer $T" \
    "localhost:$P/api/v1/students/$S/workbook.pdf"
done
pdfinfo /tmp/workbook.pdf | grep Pages
