# Sourced by ./praas and .ci/run: sets JAVA_HOME to a JDK 21 or newer, or exits with a clear message.
# Order: JAVA_HOME if it is new enough, then the newest JDK beside the default one (e.g. /usr/lib/jvm).

praas_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

praas_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(praas_java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  local default_java dirs candidate best="" best_major=0 major
  default_java="$(command -v java 2>/dev/null || true)"
  dirs="/usr/lib/jvm"
  if [ -n "$default_java" ]; then
    dirs="$(dirname "$(dirname "$(dirname "$(readlink -f "$default_java")")")") $dirs"
  fi
  for dir in $dirs; do
    for candidate in "$dir"/*; do
      [ -x "$candidate/bin/javac" ] || continue
      major="$(praas_java_major "$candidate")"
      if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
        best="$candidate"; best_major="$major"
      fi
    done
  done
  if [ -z "$best" ]; then
    echo "error: PraaS needs a JDK 21 or newer. None found in JAVA_HOME (${JAVA_HOME:-unset}) or in: $dirs" >&2
    echo "       Install one (e.g. Temurin 21+) and set JAVA_HOME to it." >&2
    exit 1
  fi
  export JAVA_HOME="$best"
}

praas_find_jdk
export PATH="$JAVA_HOME/bin:$PATH"
