# Sourced by run.sh and .ci/run: picks a JDK of at least Java 21 (the build's release) and exports JAVA_HOME so the
# Maven wrapper and the apps use it. Looks in JAVA_HOME, then at `java` on PATH, then in /usr/lib/jvm/*, and takes
# the first that is new enough; none is an error saying which ones were seen.
OMNIOPS_MIN_JAVA=21

# java_feature JAVA: the feature release of that java binary (17, 21, 25, ...), or nothing when it does not run.
java_feature() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

find_java_home() {
  local candidates=() seen=() home feature
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for home in /usr/lib/jvm/*; do [ -x "$home/bin/java" ] && candidates+=("$home"); done
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] || { seen+=("$home (no bin/java)"); continue; }
    feature=$(java_feature "$home/bin/java")
    if [ -n "$feature" ] && [ "$feature" -ge "$OMNIOPS_MIN_JAVA" ]; then
      echo "$home"
      return 0
    fi
    seen+=("$home (Java ${feature:-?})")
  done
  {
    echo "No JDK $OMNIOPS_MIN_JAVA or newer found (looked at JAVA_HOME, java on PATH, /usr/lib/jvm/*):"
    for home in "${seen[@]}"; do echo "  $home"; done
    echo "Install one (Debian: apt-get install openjdk-21-jdk-headless) or point JAVA_HOME at it."
  } >&2
  return 1
}

JAVA_HOME=$(find_java_home) || exit 1
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
