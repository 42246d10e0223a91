#!/usr/bin/env bash
# OmniOps main job: build if needed, start both apps against local PostgreSQL with the demo merchant, and show
# where to look. Ctrl+C stops both apps.
#   Environment: OMNIOPS_DB_HOST (127.0.0.1), OMNIOPS_DB_PORT (5432), OMNIOPS_DB_NAME (omniops),
#                OMNIOPS_DB_USER (postgres), OMNIOPS_DB_PASSWORD (empty), OMNIOPS_COMMAND_PORT (8080),
#                OMNIOPS_QUERY_PORT (8081), OMNIOPS_PROFILES (demo)
set -euo pipefail
cd "$(dirname "$0")"

DB_HOST=${OMNIOPS_DB_HOST:-127.0.0.1}
DB_PORT=${OMNIOPS_DB_PORT:-5432}
DB_NAME=${OMNIOPS_DB_NAME:-omniops}
DB_USER=${OMNIOPS_DB_USER:-postgres}
export PGPASSWORD=${OMNIOPS_DB_PASSWORD:-}
COMMAND_PORT=${OMNIOPS_COMMAND_PORT:-8080}
QUERY_PORT=${OMNIOPS_QUERY_PORT:-8081}
PROFILES=${OMNIOPS_PROFILES:-demo}
COMMAND_JAR=command-side/target/command-side-0.1.0-SNAPSHOT-exec.jar
QUERY_JAR=query-side/target/query-side-0.1.0-SNAPSHOT-exec.jar
LOGS=.run
mkdir -p "$LOGS"

say() { printf '\033[1m[omniops]\033[0m %s\n' "$*"; }

if ! (exec 3<>"/dev/tcp/$DB_HOST/$DB_PORT") 2>/dev/null; then
  say "PostgreSQL is not reachable on $DB_HOST:$DB_PORT. Start it: pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start"
  exit 1
fi
psql_() { psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -v ON_ERROR_STOP=1 -qtA "$@"; }
if ! command -v psql >/dev/null; then
  say "The psql client is missing (Debian: apt-get install postgresql-client); it is used to create database $DB_NAME."
  exit 1
fi
if [ "$(psql_ -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != "1" ]; then
  say "Creating database $DB_NAME"
  psql_ -d postgres -c "CREATE DATABASE $DB_NAME"
fi

if [ ! -f "$COMMAND_JAR" ] || [ ! -f "$QUERY_JAR" ] \
   || [ -n "$(find . -path ./.run -prune -o \( -name '*.java' -o -name '*.sql' -o -name '*.yml' -o -name pom.xml \) \
        -newer "$COMMAND_JAR" -print -quit)" ]; then
  say "Building (first run or sources changed; tests are skipped here, run them with: ./mvnw verify)"
  ./mvnw -q -B -DskipTests package
fi

pids=()
stop() { say "Stopping"; for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop EXIT INT TERM

export OMNIOPS_DB_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" OMNIOPS_DB_USER="$DB_USER"
export OMNIOPS_DB_PASSWORD="$PGPASSWORD" OMNIOPS_COMMAND_PORT="$COMMAND_PORT" OMNIOPS_QUERY_PORT="$QUERY_PORT"
JAVA_OPTS=${JAVA_OPTS:--Xmx1g -Ddisable-axoniq-console-message=true}

say "Starting the command side on :$COMMAND_PORT (profiles: $PROFILES; log: $LOGS/command-side.log)"
java $JAVA_OPTS -jar "$COMMAND_JAR" --spring.profiles.active="$PROFILES" > "$LOGS/command-side.log" 2>&1 &
pids+=($!)
wait_for() { # url, what, seconds
  for _ in $(seq "$3"); do
    if curl -fs "$1" >/dev/null 2>&1; then return 0; fi
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null || { say "$2 stopped; see $LOGS"; exit 1; }; done
    sleep 1
  done
  say "$2 did not come up within $3 s; see $LOGS"; exit 1
}
wait_for "http://localhost:$COMMAND_PORT/actuator/health/readiness" "The command side" 120

say "Starting the query side on :$QUERY_PORT (log: $LOGS/query-side.log)"
java $JAVA_OPTS -jar "$QUERY_JAR" --spring.profiles.active="$PROFILES" > "$LOGS/query-side.log" 2>&1 &
pids+=($!)
wait_for "http://localhost:$QUERY_PORT/actuator/health/readiness" "The query side" 120

if [[ ",$PROFILES," == *",demo,"* ]]; then
  say "Loading the demo merchant (first start only; about half a minute)"
  until grep -qE "Demo data (loaded|is already loaded)" "$LOGS/command-side.log"; do
    kill -0 "${pids[0]}" 2>/dev/null || { say "The command side stopped while loading; see $LOGS/command-side.log"; exit 1; }
    sleep 1
  done
  placed=$(psql_ -d "$DB_NAME" -c "SELECT count(*) FROM DomainEventEntry WHERE payloadType LIKE '%.OrderPlaced'")
  say "Waiting for the read models to catch up with $placed orders"
  for _ in $(seq 300); do
    seen=$(curl -fs -u viewer:viewer-demo "http://localhost:$QUERY_PORT/api/orders?size=1" | sed -n 's/.*"totalItems":\([0-9]*\).*/\1/p')
    [ "${seen:-0}" -ge "$placed" ] && break
    sleep 1
  done
fi

cat <<MSG

  OmniOps is running.
    Command API   http://localhost:$COMMAND_PORT/swagger-ui.html   (products, channels, stock, orders, purchasing)
    Query API     http://localhost:$QUERY_PORT/swagger-ui.html   (availability, orders, purchasing, returns, audit, admin)
    Demo users    admin, sales, warehouse, purchasing, finance, viewer, auditor, web-shop (channel WEB),
                  amazon-connector (channel MKT-AMAZON); each password is <user>-demo (HTTP Basic)
    Try:  curl -s -u viewer:viewer-demo 'http://localhost:$QUERY_PORT/api/availability?channel=WEB&size=5'
          curl -s -u viewer:viewer-demo 'http://localhost:$QUERY_PORT/api/orders?channel=MKT-AMAZON&status=SHIPPED&size=5'
          curl -s -u purchasing:purchasing-demo 'http://localhost:$QUERY_PORT/api/purchase-orders?status=DRAFT&size=5'
          curl -s -u auditor:auditor-demo -X POST 'http://localhost:$QUERY_PORT/api/audit/verify'
    Admin CLI     bin/omniops-admin --url http://localhost:$QUERY_PORT --authorization "Basic \$(printf admin:admin-demo | base64)" processors
    Logs  $LOGS/command-side.log, $LOGS/query-side.log          Ctrl+C stops both apps.

MSG
wait -n "${pids[@]}"
