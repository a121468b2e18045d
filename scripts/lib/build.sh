# Sourced by the scripts in scripts/: builds the server module when it was never built or its sources
# changed since, then gives its runtime class path. Progress goes to stderr, so stdout stays the command's.

SWITCHBOARD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# Prints the class path of the server module (its jar and every runtime dependency).
server_classpath() {
    local root="$SWITCHBOARD_ROOT"
    local jar="$root/server/target/switchboard-server-0.1.0-SNAPSHOT.jar"
    local deps="$root/server/target/classpath.txt"
    local newer=""
    if [[ -f "$jar" && -f "$deps" ]]; then
        newer="$(find "$root/pom.xml" "$root/src/pom.xml" "$root/src/main" "$root/engine/pom.xml" "$root/engine/src/main" \
            "$root/redis/pom.xml" "$root/redis/src/main" "$root/server/pom.xml" "$root/server/src/main" \
            -newer "$jar" -type f -print -quit 2>/dev/null)"
    fi
    if [[ ! -f "$jar" || ! -f "$deps" || -n "$newer" ]]; then
        command -v mvn >/dev/null || { echo "Maven (mvn) is needed to build the server" >&2; return 1; }
        echo "switchboard: building the server (first run or sources changed)..." >&2
        (cd "$root" && mvn -B -q -Dstyle.color=never -pl server -am package dependency:build-classpath \
            -DskipTests -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime) >&2 || return 1
        touch "$jar"
    fi
    echo "$jar:$(cat "$deps")"
}
