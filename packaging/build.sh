#!/usr/bin/env bash
# Builds the self-contained SplitScope app image (and, with --deb, a .deb) from the shaded jar,
# then proves the image works: its launcher renders a snapshot of the default scenario without a
# display (Monocle ships in the jar). Run by `./mvnw -Ppackage package -DskipTests` (see README.md).
set -euo pipefail
cd "$(dirname "$0")/.."

version="${1:?version}"
shift
deb="${1:-false}"   # "true" (-Ddeb) builds the .deb too

jpackage="${JAVA_HOME:+$JAVA_HOME/bin/}jpackage"
command -v "$jpackage" >/dev/null || { echo "packaging: jpackage not found (it ships with JDK 17)" >&2; exit 1; }

input=target/jpackage/input
dist=target/dist
rm -rf target/jpackage "$dist"
mkdir -p "$input" "$dist"
cp target/splitscope.jar "$input/"
# bash/zsh completion, made by the program from its own commands; the .deb links it into place
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$java" -jar target/splitscope.jar completion > "$input/splitscope-completion.bash"
grep -q "^complete -F _complete_splitscope" "$input/splitscope-completion.bash" \
    || { echo "packaging: the completion script was not produced" >&2; exit 1; }

# java.desktop: JFreeChart and the JavaFX-Swing bridge; jdk.unsupported: JavaFX and protobuf;
# the rest are what jdeps reports for the jar and its libraries. Trimmed runtime: ~70 MB smaller.
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.prefs,java.scripting,java.sql,java.xml,jdk.jfr,jdk.unsupported,jdk.unsupported.desktop,jdk.zipfs

common=(--name SplitScope --app-version "$version" --vendor SplitScope
        --description "What-if explorer for partitioned DNN inference"
        --input "$input" --main-jar splitscope.jar --main-class org.splitscope.cli.Main
        --add-modules "$modules" --icon assets/icon.png --dest "$dist")

"$jpackage" --type app-image "${common[@]}"
echo "packaging: app image in $dist/SplitScope ($(du -sh "$dist/SplitScope" | cut -f1))"

# the smoke check: the image's own launcher, its own runtime, a snapshot rendered headless
snapshot="$dist/smoke-snapshot.png"
env -u DISPLAY -u WAYLAND_DISPLAY "$dist/SplitScope/bin/SplitScope" --snapshot "$snapshot"
size=$(stat -c %s "$snapshot" 2>/dev/null || echo 0)
if [ "$size" -lt 20000 ]; then
  echo "packaging: the app image did not render a snapshot ($snapshot: $size bytes)" >&2
  exit 1
fi
"$dist/SplitScope/bin/SplitScope" validate sample-scenarios/teaching.json >/dev/null
echo "packaging: app image starts, renders a snapshot ($size bytes) and runs a command"

if [ "$deb" = true ]; then
  # JavaFX needs GTK 3 at run time; jpackage does not know, so the dependency is declared here.
  # deb/postinst and deb/prerm add (and remove) /usr/bin/splitscope and the completion's link.
  "$jpackage" --type deb "${common[@]}" --linux-package-deps "libgtk-3-0" --resource-dir packaging/deb \
      --linux-shortcut --linux-menu-group Education --linux-app-category science
  echo "packaging: $(ls "$dist"/*.deb)"
fi
