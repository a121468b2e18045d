# Sourced by every script in scripts/: builds a Maven module when it was never built, or when its
# sources or those of any module upstream of it changed since; then prints its class path. The module
# graph is Maven's: the <module>s of the parent pom, and each module's dependencies on the others.
# Progress goes to stderr, so stdout stays the command's.
#
#   source "$(dirname "${BASH_SOURCE[0]}")/lib/build.sh"
#   cp="$(switchboard_classpath server runtime)"  # server/target/classes + runtime dependencies
#   cp="$(switchboard_classpath server test)"     # + server/target/test-classes and test dependencies
#
# SWITCHBOARD_REBUILD=1 builds whatever the sources say.

SWITCHBOARD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# The directory of every module of the parent pom, in its order.
switchboard_modules() {
    sed -n 's:^[[:space:]]*<module>\(.*\)</module>.*:\1:p' "$SWITCHBOARD_ROOT/pom.xml"
}

# A module's pom after its <parent> block: its own coordinates and dependencies.
_switchboard_pom_body() {
    awk '/<\/parent>/ { body = 1; next } body' "$SWITCHBOARD_ROOT/$1/pom.xml"
}

_switchboard_artifact() {
    _switchboard_pom_body "$1" | sed -n 's:.*<artifactId>\(.*\)</artifactId>.*:\1:p' | head -1
}

# The modules a module depends on (any scope), each once, directly or through others.
switchboard_upstream() {
    local -A artifact_dir=() seen=()
    local m dep queue=("$1")
    for m in $(switchboard_modules); do
        artifact_dir[$(_switchboard_artifact "$m")]="$m"
    done
    while ((${#queue[@]})); do
        m="${queue[0]}"
        queue=("${queue[@]:1}")
        for dep in $(_switchboard_pom_body "$m" | sed -n 's:.*<artifactId>\(.*\)</artifactId>.*:\1:p'); do
            dep="${artifact_dir[$dep]:-}"
            if [[ -n "$dep" && "$dep" != "$1" && -z "${seen[$dep]:-}" ]]; then
                seen[$dep]=1
                queue+=("$dep")
                echo "$dep"
            fi
        done
    done
}

# The first source file or pom of these modules (and the parent pom) newer than the stamp; none: empty.
# With scope runtime, test sources do not count.
_switchboard_changed_since() {
    local stamp="$1" scope="$2" m d
    shift 2
    local paths=("$SWITCHBOARD_ROOT/pom.xml")
    for m in "$@"; do
        paths+=("$SWITCHBOARD_ROOT/$m/pom.xml")
        for d in src main test; do
            [[ -d "$SWITCHBOARD_ROOT/$m/$d" ]] && paths+=("$SWITCHBOARD_ROOT/$m/$d")
        done
    done
    local prune=(-name target -o -name node_modules)
    [[ "$scope" == runtime ]] && prune+=(-o -path '*/src/test' -o -path "$SWITCHBOARD_ROOT/src/test")
    find "${paths[@]}" \( "${prune[@]}" \) -prune -o -newer "$stamp" -type f -print -quit 2>/dev/null
}

_switchboard_needs_build() {
    local module="$1" scope="$2" stamp="$SWITCHBOARD_ROOT/$1/target/switchboard-$2.stamp"
    [[ "${SWITCHBOARD_REBUILD:-}" == 1 ]] && return 0
    [[ -f "$stamp" && -f "$SWITCHBOARD_ROOT/$module/target/$scope-classpath.txt" ]] || return 0
    [[ -n "$(_switchboard_changed_since "$stamp" "$scope" "$module" $(switchboard_upstream "$module"))" ]]
}

# Builds the module and its upstream modules when needed (one build at a time on this checkout).
switchboard_build() {
    local module="$1" scope="${2:-runtime}" target="$SWITCHBOARD_ROOT/$1/target"
    [[ -f "$SWITCHBOARD_ROOT/$module/pom.xml" ]] || { echo "switchboard: no module $module" >&2; return 1; }
    _switchboard_needs_build "$module" "$scope" || return 0
    mkdir -p "$SWITCHBOARD_ROOT/target" "$target"
    local lock
    exec {lock}>"$SWITCHBOARD_ROOT/target/build.lock"
    command -v flock >/dev/null && flock "$lock"
    # another script may have built it while this one waited
    if _switchboard_needs_build "$module" "$scope"; then
        command -v mvn >/dev/null || { echo "switchboard: Maven (mvn) is needed to build $module" >&2; return 1; }
        local upstream; upstream="$(switchboard_upstream "$module" | xargs)"
        echo "switchboard: building $module${upstream:+ and what it depends on ($upstream)}..." >&2
        touch "$target/switchboard-$scope.stamp.new"
        # Maven 3.8 prints colour resets even when told not to colour: drop them
        (cd "$SWITCHBOARD_ROOT" && mvn -B -q -Dstyle.color=never -pl "$module" -am package -DskipTests \
            dependency:build-classpath -Dmdep.outputFile="target/$scope-classpath.txt" \
            -Dmdep.includeScope="$scope" 2>&1) | sed -u $'s/\e\\[0m//g' >&2
        if [[ "${PIPESTATUS[0]}" != 0 ]]; then
            exec {lock}>&-
            return 1
        fi
        # stamped with the time the build started, so an edit made during the build is built next time
        mv "$target/switchboard-$scope.stamp.new" "$target/switchboard-$scope.stamp"
    fi
    exec {lock}>&-
}

# Builds when needed, then prints the class path: the module's classes (and test classes with scope
# test), then its dependencies of that scope, upstream modules included.
switchboard_classpath() {
    local module="$1" scope="${2:-runtime}" target="$SWITCHBOARD_ROOT/$1/target"
    switchboard_build "$module" "$scope" || return 1
    local own="$target/classes"
    [[ "$scope" == test ]] && own="$target/test-classes:$own"
    echo "$own:$(cat "$target/$scope-classpath.txt")"
}
