#!/bin/sh
# Provisions GraalPy (JVM mode) from Maven Central and prints the path of its `graalpy` launcher.
#
# What it does, once (stamped; a second run costs a few file reads):
#   1. finds a JDK 21+ ($JAVA_HOME, else the newest under /usr/lib/jvm/);
#   2. `mvn dependency:copy-dependencies` of ci/graalpy/pom.xml into $CACHE/jars
#      (python-language, python-resources, truffle-runtime, python-launcher, ...);
#   3. writes $CACHE/bin/graalpy, a launcher that behaves like a python executable
#      (`-c`, `-m`, `sysconfig`, venvs): `java -cp jars/* GraalPythonMain "$@"`, with the GraalPy
#      home (stdlib, include/, libpython-native.so) extracted by Truffle into $CACHE/resources;
#   4. runs it once, so the home is extracted and the launcher is known to work.
#
# $CACHE is $PYROXIDE_GRAALPY_CACHE, else <repo>/target/matrix/graalpy. Usage:
#   ci/graalpy.sh            provision if needed, print the launcher's path
#   ci/graalpy.sh --home     provision if needed, print the GraalPy home (include/, lib/)
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
POM="$ROOT/ci/graalpy/pom.xml"
CACHE=${PYROXIDE_GRAALPY_CACHE:-$ROOT/target/matrix/graalpy}
LAUNCHER="$CACHE/bin/graalpy"
STAMP="$CACHE/stamp"
# Bump when the launcher text below changes.
SCRIPT_VERSION=1

log() { echo "ci/graalpy.sh: $*" >&2; }

java_major() {
    "$1" -XshowSettings:properties -version 2>&1 |
        sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

find_java() {
    for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -rV); do
        if [ -x "$candidate" ]; then
            major=$(java_major "$candidate")
            if [ -n "$major" ] && [ "$major" -ge 21 ]; then
                echo "$candidate"
                return 0
            fi
        fi
    done
    log "no JDK 21+ found (set JAVA_HOME or install one under /usr/lib/jvm/)"
    return 1
}

JAVA=$(find_java)
# JDK 23+ warns about Truffle's sun.misc.Unsafe use unless told it is allowed (JDK 21 rejects the flag).
EXTRA_FLAGS=""
if [ "$(java_major "$JAVA")" -ge 23 ]; then
    EXTRA_FLAGS="--sun-misc-unsafe-memory-access=allow"
fi
WANT="$SCRIPT_VERSION $(sha256sum "$POM" | cut -d' ' -f1) $JAVA"

if [ ! -x "$LAUNCHER" ] || [ "$(cat "$STAMP" 2>/dev/null)" != "$WANT" ]; then
    command -v mvn >/dev/null || { log "mvn not found (apt-get install maven)"; exit 1; }
    start=$(date +%s)
    rm -rf "$CACHE/jars" "$CACHE/bin" "$STAMP"
    mkdir -p "$CACHE/jars" "$CACHE/bin" "$CACHE/resources"
    log "fetching GraalPy with Maven into $CACHE/jars"
    mvn -q -B -Dstyle.color=never -f "$POM" dependency:copy-dependencies -DoutputDirectory="$CACHE/jars" \
        -DincludeTypes=jar >&2
    cat >"$LAUNCHER" <<EOF
#!/bin/sh
# GraalPy in JVM mode; written by ci/graalpy.sh. sys.executable is the path this was run as, so
# a venv's bin/python symlink to it gives that venv.
exec "$JAVA" --enable-native-access=ALL-UNNAMED $EXTRA_FLAGS \\
    -Xss16m -Dpolyglot.engine.WarnInterpreterOnly=false \\
    -Dpolyglot.engine.userResourceCache="$CACHE/resources" \\
    -Dorg.graalvm.launcher.executablename="\$0" \\
    -cp "$CACHE/jars/*" com.oracle.graal.python.shell.GraalPythonMain "\$@"
EOF
    chmod +x "$LAUNCHER"
    "$LAUNCHER" -c 'import platform, sys; assert platform.python_implementation() == "GraalVM", platform.python_implementation(); print(sys.version.split()[0])' >&2
    echo "$WANT" >"$STAMP"
    log "GraalPy ready in $(($(date +%s) - start)) s ($(du -sh "$CACHE" | cut -f1))"
fi

if [ "${1:-}" = "--home" ]; then
    home=$(ls -d "$CACHE"/resources/python/python-home/* 2>/dev/null | head -n 1)
    [ -n "$home" ] || { log "no GraalPy home under $CACHE/resources"; exit 1; }
    echo "$home"
else
    echo "$LAUNCHER"
fi
