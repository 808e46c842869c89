# Sourced by ./mvnw, ./assay and .ci/run: export JAVA_HOME pointing at a JDK >= 21.
# Order: $JAVA_HOME if it is new enough, then `java` on PATH, then the newest /usr/lib/jvm/* that is.
assay_java_major() {
  # The JDK's release file says it without starting a JVM (40 ms each, several per launch), read
  # with shell built-ins: every process started here is paid again by each `./assay` call.
  local line major=""
  if [ -r "$1/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case $line in
        JAVA_VERSION=\"[0-9]*) line=${line#JAVA_VERSION=\"}; major=${line%%[!0-9]*}; break ;;
      esac
    done < "$1/release"
  fi
  if [ -z "$major" ]; then
    major=$("$1/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')
  fi
  echo "$major"
}
assay_find_jdk() {
  local want=21 candidate major best="" best_major=0
  major=""
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(assay_java_major "$JAVA_HOME")
    if [ "${major:-0}" -ge "$want" ]; then return 0; fi
  fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(readlink -f "$(command -v javac)")
    candidate=${candidate%/bin/javac}
    major=$(assay_java_major "$candidate")
    if [ "${major:-0}" -ge "$want" ]; then export JAVA_HOME="$candidate"; return 0; fi
  fi
  # No glob here: ./mvnw runs with `set -f`.
  for candidate in $(ls /usr/lib/jvm 2>/dev/null); do
    candidate="/usr/lib/jvm/$candidate"
    [ -x "$candidate/bin/javac" ] || continue
    major=$(assay_java_major "$candidate")
    if [ "${major:-0}" -ge "$want" ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  if [ -n "$best" ]; then export JAVA_HOME="$best"; return 0; fi
  echo "assay: no JDK $want or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm). Install one and set JAVA_HOME." >&2
  return 1
}
