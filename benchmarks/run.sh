#!/usr/bin/env bash
# Order placement benchmark: builds, starts both apps on a fresh database, runs the load generator, cleans up.
# Extra arguments go to the load generator, e.g. ./benchmarks/run.sh --seconds=60 --threads=8 --skus=200
set -euo pipefail
cd "$(dirname "$0")/.."
# A JDK 21 or newer, as for run.sh: the build and both apps use it.
source bin/java-home.sh
DB_HOST=${OMNIOPS_DB_HOST:-127.0.0.1}
DB=omniops_bench_$(date +%s)
LOGS=.run/bench
mkdir -p "$LOGS"
psql -h "$DB_HOST" -U postgres -qc "CREATE DATABASE $DB"
./mvnw -q -B -DskipTests package

export OMNIOPS_DB_URL="jdbc:postgresql://$DB_HOST:5432/$DB" OMNIOPS_COMMAND_PORT=18080 OMNIOPS_QUERY_PORT=18081
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql -h "$DB_HOST" -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true
}
trap cleanup EXIT
JAVA_OPTS="-Xmx1g -Ddisable-axoniq-console-message=true"
java $JAVA_OPTS -jar command-side/target/command-side-0.1.0-SNAPSHOT-exec.jar > "$LOGS/command-side.log" 2>&1 &
pids+=($!)
ready() { # url, pid
  until curl -fs "$1" >/dev/null; do kill -0 "$2" 2>/dev/null || { echo "app stopped, see $LOGS"; exit 1; }; sleep 1; done
}
ready http://localhost:18080/actuator/health/readiness "${pids[0]}"
java $JAVA_OPTS -jar query-side/target/query-side-0.1.0-SNAPSHOT-exec.jar > "$LOGS/query-side.log" 2>&1 &
pids+=($!)
ready http://localhost:18081/actuator/health/readiness "${pids[1]}"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), PostgreSQL $(psql -h "$DB_HOST" -U postgres -tAc 'show server_version')"
java -jar benchmarks/target/benchmarks-0.1.0-SNAPSHOT-exec.jar --command=http://localhost:18080 \
  --query=http://localhost:18081 "$@"
