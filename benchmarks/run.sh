#!/usr/bin/env bash
# Order placement benchmark, the whole comparison in one command: builds, creates a fresh database, starts both apps as
# ./run.sh runs them (every read model, policy and job; no demo data), runs the load generator once per scenario, then
# measures the PostgreSQL ceiling (pgbench replaying one placement's durable writes per transaction) and prints the
# ratio. Stops the apps and drops its databases at the end, also on failure or Ctrl+C.
#
#   ./benchmarks/run.sh [run options] [scenario options] [-- scenario options ...]
#   e.g. ./benchmarks/run.sh --mode=closed --threads=8 --seconds=300 --warmup=60 -- --mode=open --rate=200 -- --hot-sku
#
# Scenario options go to the load generator (java -jar benchmarks/target/benchmarks-*-exec.jar --help lists them);
# each `--` starts another scenario against the same apps (each on its own fresh catalogue).
# Run options (before the first scenario's options or anywhere in them):
#   --no-build              use the jars as they are
#   --ceiling-seconds=30    pgbench duration (0: no ceiling)
#   --ceiling-clients=N     pgbench clients (default: the first closed-loop scenario's --threads, else 8)
#   --history=N             before the apps start, write N events of generated past business into the fresh database
#                           (COPY; lookups, hash chain and processor tokens brought to the head), so the run measures
#                           placement with that history stored (HistoryLoader; docs/benchmarks.md)
# Environment: OMNIOPS_BENCH_PORT_BASE (18080: command side, +1 query side), OMNIOPS_DB_HOST (127.0.0.1), OMNIOPS_DB_PORT (5432), OMNIOPS_DB_USER (postgres), JAVA_OPTS (as ./run.sh:
# -Xmx1g -Ddisable-axoniq-console-message=true), OMNIOPS_PROFILES (empty: as ./run.sh without the demo).
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=yes CEILING_SECONDS=30 CEILING_CLIENTS= HISTORY=0
scenarios=() current=()
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=no ;;
    --ceiling-seconds=*) CEILING_SECONDS=${arg#*=} ;;
    --ceiling-clients=*) CEILING_CLIENTS=${arg#*=} ;;
    --history=*) HISTORY=${arg#*=} ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --) scenarios+=("${current[*]:-}"); current=() ;;
    *) current+=("$arg") ;;
  esac
done
scenarios+=("${current[*]:-}")

DB_HOST=${OMNIOPS_DB_HOST:-127.0.0.1} DB_PORT=${OMNIOPS_DB_PORT:-5432} DB_USER=${OMNIOPS_DB_USER:-postgres}
STAMP=$(date +%s)
DB=omniops_bench_$STAMP CEILING_DB=omniops_ceiling_$STAMP
LOGS=.run/bench/$STAMP
# OMNIOPS_BENCH_PORT_BASE moves both apps (base and base+1), so two benchmarks can run side by side.
PORT_BASE=${OMNIOPS_BENCH_PORT_BASE:-18080}
COMMAND_PORT=$PORT_BASE QUERY_PORT=$((PORT_BASE + 1))
JAVA_OPTS=${JAVA_OPTS:--Xmx1g -Ddisable-axoniq-console-message=true}
PROFILES=${OMNIOPS_PROFILES:-}
mkdir -p "$LOGS"
say() { printf '\033[1m[bench]\033[0m %s\n' "$*"; }
fail() { say "FAILED: $*"; exit 1; }
sql() { psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -v ON_ERROR_STOP=1 -qAt "$@"; }

source bin/java-home.sh
command -v curl >/dev/null || fail "curl is missing"
command -v jq >/dev/null || fail "jq is missing (Debian: apt-get install jq)"
command -v pgbench >/dev/null || { [ "$CEILING_SECONDS" = 0 ] || fail "pgbench is missing (postgresql-client), or pass --ceiling-seconds=0"; }
if [ "$BUILD" = yes ]; then
  say "Building (tests skipped)"
  ./mvnw -q -B -DskipTests package || fail "the build failed"
fi
GENERATOR=(java -jar benchmarks/target/benchmarks-0.1.0-SNAPSHOT-exec.jar)

pids=()
cleanup() {
  trap - EXIT INT TERM
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  sql -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" 2>/dev/null || true
  sql -c "DROP DATABASE IF EXISTS $CEILING_DB WITH (FORCE)" 2>/dev/null || true
  say "Stopped the apps, dropped $DB and $CEILING_DB; logs in $LOGS"
}
trap cleanup EXIT INT TERM
sql -c "CREATE DATABASE $DB" || fail "cannot create database $DB on $DB_HOST:$DB_PORT"

export OMNIOPS_DB_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB" OMNIOPS_DB_USER="$DB_USER"
export OMNIOPS_COMMAND_PORT=$COMMAND_PORT OMNIOPS_QUERY_PORT=$QUERY_PORT
apps_alive() {
  kill -0 "$COMMAND_PID" 2>/dev/null || { tail -n 30 "$LOGS/command-side.log" >&2; fail "the command side died; see $LOGS/command-side.log"; }
  if [ -n "${QUERY_PID:-}" ]; then
    kill -0 "$QUERY_PID" 2>/dev/null || { tail -n 30 "$LOGS/query-side.log" >&2; fail "the query side died; see $LOGS/query-side.log"; }
  fi
}
ready() { # url, what
  local started=$SECONDS
  until curl -fs "$1" >/dev/null 2>&1; do
    apps_alive
    [ $((SECONDS - started)) -lt 300 ] || fail "$2 not ready after 300 s"
    sleep 1
  done
  say "$2 ready after $((SECONDS - started)) s"
}
if [ "$HISTORY" != 0 ]; then
  say "Loading a history of $HISTORY events into $DB before the apps start (log $LOGS/history.log)"
  "${GENERATOR[@]}" load-history --events="$HISTORY" --db-url="$OMNIOPS_DB_URL" --db-user="$DB_USER" \
    --db-password="${OMNIOPS_DB_PASSWORD:-}" > >(tee "$LOGS/history.log" | grep -E '^\[history\]|^History') 2>&1 \
    || fail "the history loader failed; see $LOGS/history.log"
  sql -d "$DB" -c "CHECKPOINT" # the load's dirty pages are written now, not during the measured window
fi
say "Starting the command side on :$COMMAND_PORT (profiles: '${PROFILES}'; log $LOGS/command-side.log)"
java $JAVA_OPTS -jar command-side/target/command-side-0.1.0-SNAPSHOT-exec.jar --spring.profiles.active="$PROFILES" \
  > "$LOGS/command-side.log" 2>&1 &
COMMAND_PID=$!; pids+=("$COMMAND_PID")
ready "http://localhost:$COMMAND_PORT/actuator/health/readiness" "The command side"
say "Starting the query side on :$QUERY_PORT (log $LOGS/query-side.log)"
java $JAVA_OPTS -jar query-side/target/query-side-0.1.0-SNAPSHOT-exec.jar --spring.profiles.active="$PROFILES" \
  > "$LOGS/query-side.log" 2>&1 &
QUERY_PID=$!; pids+=("$QUERY_PID")
ready "http://localhost:$QUERY_PORT/actuator/health/readiness" "The query side"

MACHINE="$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), PostgreSQL $(sql -c 'show server_version'), synchronous_commit=$(sql -c 'show synchronous_commit'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
say "Machine: $MACHINE"
say "Git: $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (uncommitted changes)')"

# The run's own events come after this (a --history run starts with the loaded events).
HEAD_BEFORE=$(sql -d "$DB" -c "SELECT coalesce(max(globalindex), 0) FROM domainevententry")
stats() { sql -d "$DB" -F ' ' -c "SELECT relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables ORDER BY relname COLLATE \"C\""; }
stats > "$LOGS/stats-before.txt"

results=()
i=0
for scenario in "${scenarios[@]}"; do
  i=$((i + 1))
  read -r -a args <<< "$scenario"
  say "Scenario $i of ${#scenarios[@]}: ${args[*]:-(defaults)}"
  out="$LOGS/scenario-$i.txt"
  "${GENERATOR[@]}" --command="http://localhost:$COMMAND_PORT" --query="http://localhost:$QUERY_PORT" \
    --command-pid="$COMMAND_PID" --query-pid="$QUERY_PID" --pg-db="$DB" --label="scenario $i" "${args[@]}" \
    > >(tee "$out") 2>&1 &
  gen=$!
  # The generator cannot tell a dead app from a slow one; this loop can.
  while kill -0 "$gen" 2>/dev/null; do
    if ! kill -0 "$COMMAND_PID" 2>/dev/null || ! kill -0 "$QUERY_PID" 2>/dev/null; then kill "$gen" 2>/dev/null || true; apps_alive; fi
    sleep 1
  done
  status=0; wait "$gen" || status=$?
  sleep 1
  [ "$status" = 3 ] && say "Scenario $i: OVERSELL detected (see above)"
  [ "$status" = 0 ] || [ "$status" = 3 ] || fail "the load generator failed (exit $status); see $out"
  json=$(sed -n 's/^RESULT-JSON //p' "$out" | tail -n 1)
  [ -n "$json" ] || fail "scenario $i printed no result"
  results+=("$json")
done

# What the whole run wrote, per table and per placed order (placements and everything the processors did about them).
sleep 2
stats > "$LOGS/stats-after.txt"
placed_total=$(sql -d "$DB" -c "SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%.OrderPlaced' AND globalindex > $HEAD_BEFORE")
say "Rows written per placed order over the whole run ($placed_total orders placed, warm-ups and catalogue setup included; all tables):"
LC_ALL=C join "$LOGS/stats-before.txt" "$LOGS/stats-after.txt" | awk -v n="$placed_total" 'n > 0 {
  ins = ($5 - $2) / n; upd = ($6 - $3) / n; del = ($7 - $4) / n
  if (ins + upd + del >= 0.01) printf "    %-36s %6.2f inserted %6.2f updated %6.2f deleted\n", $1, ins, upd, del }'

ceiling='null'
if [ "$CEILING_SECONDS" != 0 ]; then
  if [ -z "$CEILING_CLIENTS" ]; then
    CEILING_CLIENTS=$(printf '%s\n' "${results[@]}" | jq -r 'select(.mode == "closed") | .threads' | head -n 1)
    CEILING_CLIENTS=${CEILING_CLIENTS:-8}
  fi
  idempotent=$(printf '%s\n' "${scenarios[@]}" | grep -c -- '--idempotency-keys' || true)
  script="$LOGS/ceiling.sql"
  benchmarks/ceiling.sh "$DB" "$CEILING_DB" "$script" "$idempotent" "$HEAD_BEFORE" || fail "could not prepare the ceiling"
  say "Ceiling: pgbench, $CEILING_CLIENTS clients, $CEILING_SECONDS s, one placement's writes per transaction ($script)"
  pgbench -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -n -c "$CEILING_CLIENTS" -j "$(nproc)" -T "$CEILING_SECONDS" \
    -f "$script" "$CEILING_DB" > "$LOGS/pgbench.txt" 2>&1 || { cat "$LOGS/pgbench.txt"; fail "pgbench failed"; }
  grep -E 'latency average|tps' "$LOGS/pgbench.txt" | sed 's/^/    /'
  tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$LOGS/pgbench.txt" | tail -n 1)
  ceiling=$(jq -n --argjson tps "$tps" --argjson c "$CEILING_CLIENTS" --argjson s "$CEILING_SECONDS" \
    '{transactionsPerSecond: $tps, clients: $c, seconds: $s}')
fi

echo
say "Summary"
for json in "${results[@]}"; do
  echo "$json" | jq -r --argjson ceiling "$ceiling" '"    \(.label): \(.mode) \(if .mode == "closed" then "\(.threads) threads" else "\(.offeredRate)/s offered" end): \(.ordersPerSecond) orders/s, p99 \(.latencyMs.p99) ms, lag p99 \(.projectionLagMs.p99) ms, errors \(.errors | add // 0), stock check \(if .stockCheck.ok then "OK" else "FAILED" end)" + (if $ceiling == null then "" else ", \(.ordersPerSecond / $ceiling.transactionsPerSecond * 1000 | round / 10) % of the ceiling" end)'
done
[ "$ceiling" = null ] || echo "    ceiling (PostgreSQL alone): $(echo "$ceiling" | jq -r .transactionsPerSecond) transactions/s with $CEILING_CLIENTS clients"
printf 'SUMMARY-JSON '
printf '%s\n' "${results[@]}" | jq -cs --argjson ceiling "$ceiling" --arg machine "$MACHINE" \
  '{machine: $machine, ceiling: $ceiling, scenarios: [.[] | . + {ceilingRatio: (if $ceiling == null then null else (.ordersPerSecond / $ceiling.transactionsPerSecond * 1000 | round / 1000) end)}]}'
