#!/usr/bin/env bash
# OmniOps main job: build if needed, start both apps with the demo merchant on PostgreSQL (a configured one, else one
# running on 127.0.0.1:5432, else an embedded one with its data in .run/postgres), and show where to look.
# Ctrl+C stops everything it started.
#   ./run.sh               start (the demo loads in the background on first start; progress is shown)
#   ./run.sh --reset-demo  drop the demo database first, so the demo loads afresh
#   Environment: OMNIOPS_DB_HOST (127.0.0.1), OMNIOPS_DB_PORT (5432), OMNIOPS_DB_NAME (omniops),
#                OMNIOPS_DB_USER (postgres), OMNIOPS_DB_PASSWORD (empty), OMNIOPS_COMMAND_PORT (8080),
#                OMNIOPS_QUERY_PORT (8081), OMNIOPS_PROFILES (demo),
#                OMNIOPS_EMBEDDED_PG (auto: embedded only when nothing is configured and nothing answers on
#                127.0.0.1:5432; fallback: also when the configured server does not answer; off: never),
#                OMNIOPS_STALL_SECONDS (600: give up when a start or the demo load shows no progress for that long)
set -euo pipefail
cd "$(dirname "$0")"

RESET=no
for arg in "$@"; do
  case "$arg" in
    --reset-demo) RESET=yes ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

DB_NAME=${OMNIOPS_DB_NAME:-omniops}
DB_USER=${OMNIOPS_DB_USER:-postgres}
export PGPASSWORD=${OMNIOPS_DB_PASSWORD:-}
COMMAND_PORT=${OMNIOPS_COMMAND_PORT:-8080}
QUERY_PORT=${OMNIOPS_QUERY_PORT:-8081}
PROFILES=${OMNIOPS_PROFILES-demo}  # set but empty: no profile (no demo)
EMBEDDED_MODE=${OMNIOPS_EMBEDDED_PG:-auto}
STALL=${OMNIOPS_STALL_SECONDS:-600}
COMMAND_JAR=command-side/target/command-side-0.1.0-SNAPSHOT-exec.jar
QUERY_JAR=query-side/target/query-side-0.1.0-SNAPSHOT-exec.jar
DEVPG_JAR=dev-postgres/target/dev-postgres-0.1.0-SNAPSHOT-exec.jar
LOGS=.run
mkdir -p "$LOGS"

say() { printf '\033[1m[omniops]\033[0m %s\n' "$*"; }
fail() { say "$*"; exit 1; }
demo() { [[ ",$PROFILES," == *",demo,"* ]]; }
answers() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
size() { wc -c < "$1" 2>/dev/null || echo 0; }

# A JDK 21 or newer (JAVA_HOME, else java on PATH, else /usr/lib/jvm/*); the build and both apps use it.
source bin/java-home.sh
say "Java: $JAVA_HOME"
command -v curl >/dev/null || fail "curl is missing (Debian: apt-get install curl); it is used to see when the apps are up."

# Build when a jar is missing or a source, resource or pom is newer than the oldest jar. Build output (target/,
# including generated sources) and .run/ are not sources: counting them made every start rebuild.
JARS=("$COMMAND_JAR" "$QUERY_JAR" "$DEVPG_JAR")
build=no
for jar in "${JARS[@]}"; do [ -f "$jar" ] || build=yes; done
if [ "$build" = no ]; then
  oldest=$(ls -t "${JARS[@]}" | tail -n 1)
  changed=$(find . \( -name target -o -name .run -o -name .git \) -prune -o -type f \
              \( -path '*/src/main/*' -o -name pom.xml -o -path './.mvn/*' \) -newer "$oldest" -print -quit)
  [ -n "$changed" ] && { build=yes; say "Sources changed since the last build (e.g. $changed)"; }
fi
if [ "$build" = yes ]; then
  say "Building (tests are skipped here; run them with: ./mvnw verify)"
  ./mvnw -q -B -DskipTests package
fi

pids=()
pg_pid=
stop() {
  trap - EXIT INT TERM
  say "Stopping"
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  if [ -n "$pg_pid" ]; then kill "$pg_pid" 2>/dev/null || true; wait "$pg_pid" 2>/dev/null || true; fi
}
trap stop EXIT INT TERM

# wait_until CHECK WHAT PID LOG: run CHECK until it succeeds; fail when PID dies or LOG stops growing for $STALL s.
wait_until() {
  local check=$1 what=$2 pid=$3 log=$4 last_size=-1 last_change=$SECONDS waited=$SECONDS
  until eval "$check"; do
    kill -0 "$pid" 2>/dev/null || { tail -n 20 "$log" >&2; fail "$what stopped; see $log"; }
    local now_size; now_size=$(size "$log")
    if [ "$now_size" != "$last_size" ]; then last_size=$now_size; last_change=$SECONDS; fi
    [ $((SECONDS - last_change)) -ge "$STALL" ] && fail "$what shows no progress for $STALL s; see $log"
    if [ $((SECONDS - waited)) -ge 30 ]; then say "  $what: still starting ($((SECONDS - last_change)) s since its last log line)"; waited=$SECONDS; fi
    sleep 1
  done
}

# Which PostgreSQL: a configured one always wins, then one running on the default address, then an embedded one.
configured=no
[ -n "${OMNIOPS_DB_HOST:-}${OMNIOPS_DB_PORT:-}" ] && configured=yes
DB_HOST=${OMNIOPS_DB_HOST:-127.0.0.1}
DB_PORT=${OMNIOPS_DB_PORT:-5432}
if answers "$DB_HOST" "$DB_PORT"; then
  [ "$configured" = yes ] && PG_USED="configured PostgreSQL at $DB_HOST:$DB_PORT" \
                          || PG_USED="running PostgreSQL at $DB_HOST:$DB_PORT"
elif [ "$EMBEDDED_MODE" = off ]; then
  fail "PostgreSQL is not reachable on $DB_HOST:$DB_PORT (and OMNIOPS_EMBEDDED_PG=off). Start it: pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start"
elif [ "$configured" = yes ] && [ "$EMBEDDED_MODE" != fallback ]; then
  fail "The configured PostgreSQL at $DB_HOST:$DB_PORT does not answer. Start it, or use an embedded one instead: OMNIOPS_EMBEDDED_PG=fallback ./run.sh"
else
  say "No PostgreSQL answers on $DB_HOST:$DB_PORT: starting an embedded PostgreSQL 15 (data in $LOGS/postgres/data; log: $LOGS/postgres.log)"
  mkdir -p "$LOGS/postgres"
  rm -f "$LOGS/postgres/port"
  java -jar "$DEVPG_JAR" serve "$LOGS/postgres/data" "$LOGS/postgres/port" > "$LOGS/postgres.log" 2>&1 &
  pg_pid=$!
  wait_until '[ -s "$LOGS/postgres/port" ]' "The embedded PostgreSQL" "$pg_pid" "$LOGS/postgres.log"
  DB_HOST=127.0.0.1 DB_PORT=$(cat "$LOGS/postgres/port") DB_USER=postgres PGPASSWORD=
  PG_USED="embedded PostgreSQL 15 at 127.0.0.1:$DB_PORT, data in $LOGS/postgres/data"
fi
say "PostgreSQL: $PG_USED"

# The database: created when missing; recreated on --reset-demo, or when its demo load started and never completed.
prepare=(prepare "$DB_HOST" "$DB_PORT" "$DB_USER" "$DB_NAME")
[ "$RESET" = yes ] && prepare+=(--reset)
demo && prepare+=(--demo)
java -jar "$DEVPG_JAR" "${prepare[@]}" || fail "Could not prepare database $DB_NAME on $DB_HOST:$DB_PORT"

export OMNIOPS_DB_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" OMNIOPS_DB_USER="$DB_USER"
export OMNIOPS_DB_PASSWORD="$PGPASSWORD" OMNIOPS_COMMAND_PORT="$COMMAND_PORT" OMNIOPS_QUERY_PORT="$QUERY_PORT"
# closing a month asks the query side for its checklist
export OMNIOPS_QUERY_SIDE_URL=${OMNIOPS_QUERY_SIDE_URL:-http://127.0.0.1:$QUERY_PORT}
JAVA_OPTS=${JAVA_OPTS:--Xmx1g -Ddisable-axoniq-console-message=true}
CLOG="$LOGS/command-side.log" QLOG="$LOGS/query-side.log"

say "Starting the command side on :$COMMAND_PORT (profiles: $PROFILES; log: $CLOG)"
java $JAVA_OPTS -jar "$COMMAND_JAR" --spring.profiles.active="$PROFILES" > "$CLOG" 2>&1 &
pids+=($!)
wait_until 'curl -fs "http://localhost:$COMMAND_PORT/actuator/health/readiness" >/dev/null 2>&1' \
  "The command side" "${pids[0]}" "$CLOG"

say "Starting the query side on :$QUERY_PORT (log: $QLOG)"
java $JAVA_OPTS -jar "$QUERY_JAR" --spring.profiles.active="$PROFILES" > "$QLOG" 2>&1 &
pids+=($!)
wait_until 'curl -fs "http://localhost:$QUERY_PORT/actuator/health/readiness" >/dev/null 2>&1' \
  "The query side" "${pids[1]}" "$QLOG"
say "Both apps are up (command :$COMMAND_PORT, query :$QUERY_PORT)"

if demo; then
  # The loader runs in the command side's background; its log lines say how far it is.
  shown= last_line= last_change=$SECONDS last_shown=0
  while :; do
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null || fail "An app stopped while the demo was loading; see $LOGS"; done
    line=$(grep -E 'Demo data' "$CLOG" | tail -n 1 | sed 's/.*Demo data/Demo data/' || true)
    if [ "$line" != "$last_line" ]; then last_line=$line; last_change=$SECONDS; fi
    case "$line" in
      *"Demo data loaded in"*|*"Demo data is already loaded"*|*"being loaded by another"*) say "$line"; break ;;
      *"Demo data load INTERRUPTED"*|*"Demo data load failed"*) fail "$line (see $CLOG)" ;;
    esac
    if [ -n "$line" ] && [ "$line" != "$shown" ] && [ $((SECONDS - last_shown)) -ge 5 ]; then
      say "  $line"; shown=$line; last_shown=$SECONDS
    fi
    [ $((SECONDS - last_change)) -ge "$STALL" ] && fail "The demo load shows no progress for $STALL s; see $CLOG"
    sleep 2
  done

  placed=$(curl -fs -u admin:admin-demo "http://localhost:$COMMAND_PORT/actuator/info" \
           | sed -n 's/.*"ordersPlaced":\([0-9]*\).*/\1/p')
  if [ -n "$placed" ]; then
    say "Waiting for the read models to catch up with the demo's $placed orders"
    seen_before=-1 last_change=$SECONDS last_shown=$SECONDS
    while :; do
      seen=$(curl -fs -u viewer:viewer-demo "http://localhost:$QUERY_PORT/api/orders?size=1" \
             | sed -n 's/.*"totalItems":\([0-9]*\).*/\1/p')
      seen=${seen:-0}
      [ "$seen" -ge "$placed" ] && break
      if [ "$seen" != "$seen_before" ]; then seen_before=$seen; last_change=$SECONDS; fi
      if [ $((SECONDS - last_shown)) -ge 10 ]; then say "  read models: $seen of $placed orders"; last_shown=$SECONDS; fi
      if [ $((SECONDS - last_change)) -ge "$STALL" ]; then say "The read models show no progress for $STALL s; see $QLOG"; break; fi
      kill -0 "${pids[1]}" 2>/dev/null || fail "The query side stopped; see $QLOG"
      sleep 2
    done
  fi
fi

cat <<MSG

  OmniOps is running.
    Command API   http://localhost:$COMMAND_PORT/swagger-ui.html   (products, channels, stock, orders, purchasing)
    Query API     http://localhost:$QUERY_PORT/swagger-ui.html   (availability, orders, purchasing, returns, audit, admin)
    PostgreSQL    $PG_USED, database $DB_NAME
    Demo users    admin, sales, warehouse, purchasing, finance, viewer, auditor, web-shop (channel WEB),
                  amazon-connector (channel MKT-AMAZON); each password is <user>-demo (HTTP Basic)
    Try:  curl -s -u viewer:viewer-demo 'http://localhost:$QUERY_PORT/api/availability?channel=WEB&size=5'
          curl -s -u viewer:viewer-demo 'http://localhost:$QUERY_PORT/api/orders?channel=MKT-AMAZON&status=SHIPPED&size=5'
          curl -s -u purchasing:purchasing-demo 'http://localhost:$QUERY_PORT/api/purchase-orders?status=DRAFT&size=5'
          curl -s -u auditor:auditor-demo -X POST 'http://localhost:$QUERY_PORT/api/audit/verify'
    Admin CLI     bin/omniops-admin --url http://localhost:$QUERY_PORT --authorization "Basic \$(printf admin:admin-demo | base64)" processors
    Demo status   curl -s -u admin:admin-demo http://localhost:$COMMAND_PORT/actuator/info      Reset: ./run.sh --reset-demo
    Logs  $CLOG, $QLOG          Ctrl+C stops everything.

MSG
wait -n "${pids[@]}" ${pg_pid:+"$pg_pid"}
