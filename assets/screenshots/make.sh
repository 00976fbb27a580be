#!/usr/bin/env bash
# Makes the README's gallery: every results tab at 1280x720 and 1920x1080, and in presentation
# mode at 1280x720 (Charts also at 1920x1080), each a PNG rendered by the explorer's own
# --snapshot on the default scenario. Snapshots render headless (Monocle), so no display and no
# Xvfb are needed; DISPLAY is ignored so that the pictures never depend on a window manager or on
# the screen at hand.
#
#   assets/screenshots/make.sh             # into assets/screenshots/, replacing the PNGs there
#   JOBS=4 assets/screenshots/make.sh      # four snapshots at a time (default: the CPU count)
#
# Each snapshot is a short JVM: the JIT's first tier alone (JAVA_OPTS) halves its CPU time.
#
# (Re)builds target/splitscope.jar first when it is missing or older than the sources. The old
# pictures are replaced only when every new one was made.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jar="$root/target/splitscope.jar"
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
export JAVA_OPTS=${JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}
tabs="charts optimize what-if compare explain lesson testbed"

if [ ! -f "$jar" ] || [ -n "$(find "$root/src/main" "$root/assets" "$root/sample-scenarios" "$root/pom.xml" \
        -newer "$jar" -type f -not -path "$here/*" -print -quit)" ]; then
    echo "building $jar" >&2
    (cd "$root" && ./mvnw -B -ntp -q package -DskipTests)
fi

# one line per picture: the file name, then the explorer's options
shots() {
    for tab in $tabs; do
        echo "$tab-1280x720.png --size 1280x720 --tab $tab"
        echo "$tab-1920x1080.png --size 1920x1080 --tab $tab"
        echo "$tab-1280x720-presentation.png --size 1280x720 --tab $tab --presentation"
    done
    echo "charts-1920x1080-presentation.png --size 1920x1080 --tab charts --presentation"
}

# shoot OUT_DIR FILE OPTIONS...: one picture; its output is shown only when it fails
shoot() {
    local dir=$1 file=$2
    shift 2
    local log
    if ! log=$(env -u DISPLAY -u WAYLAND_DISPLAY java $JAVA_OPTS -jar "$JAR" --snapshot "$dir/$file" "$@" 2>&1) \
            || [ ! -s "$dir/$file" ]; then
        printf 'failed: %s %s\n%s\n' "$file" "$*" "$log" >&2
        return 1
    fi
}
export -f shoot
export JAR="$jar"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/splitscope-gallery.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
start=$(date +%s)
if ! shots | xargs -P "$jobs" -L 1 bash -c 'shoot "$0" "$@"' "$tmp"; then
    echo "make.sh: some pictures failed (above); the gallery is unchanged" >&2
    exit 1
fi
rm -f "$here"/*.png
mv "$tmp"/*.png "$here"/
echo "$(ls "$here"/*.png | wc -l) pictures in $(( $(date +%s) - start )) s," \
    "$(du -ch "$here"/*.png | tail -1 | cut -f1) in all, in $here" >&2
