#!/bin/bash
# The Gatling benchmarks of issue 11 (src/test/java/org/mindgrid/bench) against a running app on this machine, and
# their rows for docs/performance.md. Usage:
#   scripts/bench-gatling.sh PORT MENTORS PSYCHS LEADERS [STRESS_USER [DUTY_USER [INBOX_USER]]]
# User lists are comma separated, ranges allowed (mentor-000001..000140). Run the app from a copy of the jar: the
# script compiles, and a later `mvn package` or `verify` rewrites target/mindgrid.jar under a running app. Demo:
#   cp target/mindgrid.jar /tmp/mindgrid-bench.jar
#   MINDGRID_DATA_DIR=/tmp/demo java -jar /tmp/mindgrid-bench.jar --server.port=8094 &
#   DATA_DIR=/tmp/demo scripts/bench-gatling.sh 8094 mentor1,mentor2 psych1,psych2 principal1 psych1 psych1 psych1
# City (see docs/performance.md for the users):
#   DATA_DIR=/tmp/city-1m STUDENTS=2000 SCREENING_PSYCH=psych-0030 SCREENING_CLASSES=auto \
#     scripts/bench-gatling.sh 8093 mentor-000001..000140 psych-0001..0030 leader-0001..0030 psych-0001 <duty user> <inbox user>
# Environment (defaults): ONLY (staff,screening,stress), DURATION (60 s), RAMP (10 s), THINK (5 s mean),
# MENTOR_USERS / PSYCH_USERS / LEADER_USERS (virtual users, default one per name), STUDENTS (2000),
# SCREENING_PSYCH (first of PSYCHS), SCREENING_ADMIN (first of LEADERS), SCREENING_CLASSES (empty: import new
# students; ids; auto), SCREENING_THINK (3 s), STRESS_SECONDS (10), CONCURRENCY (1,50),
# ENDPOINTS (students,students-p100,queue,cases,duties,notifications), DATA_DIR (the app's MINDGRID_DATA_DIR, for
# the raw SQL) or JDBC_URL, PASSWORD (Demo#2026).
set -euo pipefail
cd "$(dirname "$0")/.."
P=$1; MENTORS=$2; PSYCHS=$3; LEADERS=$4
STRESS_USER=${5:-${PSYCHS%%,*}}; DUTY_USER=${6:-$STRESS_USER}; INBOX_USER=${7:-$STRESS_USER}
ONLY=${ONLY:-staff,screening,stress}
first() { local x=${1%%,*}; echo "${x%%..*}"; }
common=(-Dbench.base="http://localhost:$P" -Dbench.password="${PASSWORD:-Demo#2026}")
[ -n "${DATA_DIR:-}" ] && common+=(-Dbench.data-dir="$DATA_DIR")
[ -n "${JDBC_URL:-}" ] && common+=(-Dbench.jdbc.url="$JDBC_URL")
until curl -sf "localhost:$P/actuator/health/readiness" >/dev/null; do sleep 1; done

mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-cp.txt >/dev/null
report() { java -cp "target/test-classes:target/classes:$(cat target/test-cp.txt)" org.mindgrid.bench.BenchReport "$@"; }
latest() { ls -d target/gatling/"$1"-* | sort | tail -1; }
run() {
  local sim=$1; shift
  echo "## $sim: mvn -B -q gatling:test -Dgatling.simulationClass=org.mindgrid.bench.$sim ${common[*]} $*"
  mvn -B -q gatling:test -Dgatling.simulationClass="org.mindgrid.bench.$sim" "${common[@]}" "$@" | grep -v '^\[#\|waiting:' || true
}

if [[ ,$ONLY, == *,staff,* ]]; then
  props=(-Dbench.mentors="$MENTORS" -Dbench.psychs="$PSYCHS" -Dbench.leaders="$LEADERS"
    -Dbench.duration="${DURATION:-60}" -Dbench.ramp="${RAMP:-10}" -Dbench.think="${THINK:-5}")
  [ -n "${MENTOR_USERS:-}" ] && props+=(-Dbench.users.mentors="$MENTOR_USERS")
  [ -n "${PSYCH_USERS:-}" ] && props+=(-Dbench.users.psychs="$PSYCH_USERS")
  [ -n "${LEADER_USERS:-}" ] && props+=(-Dbench.users.leaders="$LEADER_USERS")
  run StaffJourneysSimulation "${props[@]}"
  report "$(latest staffjourneyssimulation)"
fi
if [[ ,$ONLY, == *,screening,* ]]; then
  run ScreeningSimulation -Dbench.screening.students="${STUDENTS:-2000}" \
    -Dbench.screening.psych="${SCREENING_PSYCH:-$(first "$PSYCHS")}" \
    -Dbench.screening.admin="${SCREENING_ADMIN:-$(first "$LEADERS")}" \
    -Dbench.screening.classes="${SCREENING_CLASSES:-}" -Dbench.screening.think="${SCREENING_THINK:-3}"
  report "$(latest screeningsimulation)"
fi
if [[ ,$ONLY, == *,stress,* ]]; then
  run ListStressSimulation -Dbench.stress.endpoints="${ENDPOINTS:-students,students-p100,queue,cases,duties,notifications}" \
    -Dbench.stress.concurrency="${CONCURRENCY:-1,50}" -Dbench.stress.seconds="${STRESS_SECONDS:-10}" \
    -Dbench.stress.user="$STRESS_USER" -Dbench.stress.user.duties="$DUTY_USER" \
    -Dbench.stress.user.notifications="$INBOX_USER" -Dbench.out=target/bench
  report "$(latest liststresssimulation)" target/bench/raw-sql.tsv "${STRESS_SECONDS:-10}"
fi
