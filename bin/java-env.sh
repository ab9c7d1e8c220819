# Sourced by ./kioku, bin/kioku-java and ./run-tests: pick a JDK of version 21 or newer (the Temurin 25 on our machines).
# The JDK's release file answers without starting a JVM (a start costs more than the check is worth).
kioku_java_ok() {
  local major
  major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  if [ -n "$major" ] && [ -x "$1/bin/java" ]; then [ "$major" -ge 21 ]; return; fi
  "$1/bin/java" -version 2>&1 | head -1 | grep -Eq '"(2[1-9]|[3-9][0-9])[".]'
}
if [ -z "${JAVA_HOME:-}" ] || ! kioku_java_ok "$JAVA_HOME"; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25* /usr/lib/jvm/*21*; do
    if [ -x "$candidate/bin/java" ] && kioku_java_ok "$candidate"; then JAVA_HOME=$candidate; break; fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || ! kioku_java_ok "$JAVA_HOME"; then
  echo "kioku: needs a JDK 21 or newer; set JAVA_HOME to one" >&2
  exit 2
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
