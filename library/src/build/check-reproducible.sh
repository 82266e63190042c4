#!/usr/bin/env bash
# Checks that the build is reproducible: builds the library a second time from the same sources in
# a scratch directory and compares its jars and published POM, byte for byte, with those of the
# build that called it (library/target). Run by `mvn verify` (exec-maven-plugin, phase verify).
#
#   check-reproducible.sh <local Maven repository>
set -euo pipefail
repository="$1"
library="$(cd "$(dirname "$0")/../.." && pwd)"
root="$(dirname "$library")"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

mkdir -p "$scratch/library"
cp "$root/pom.xml" "$scratch/"
cp "$library/pom.xml" "$scratch/library/"
cp -R "$library/src" "$scratch/library/"
# Maven reads every module's POM even when it builds only the library.
for module in $(sed -n 's#.*<module>\(.*\)</module>.*#\1#p' "$root/pom.xml"); do
    mkdir -p "$scratch/$module"
    cp "$root/$module/pom.xml" "$scratch/$module/"
done
# The second build needs no tests, examples or dependency analysis: only what is published.
if ! (cd "$scratch" && mvn -B -q -o -Dmaven.repo.local="$repository" -Dstyle.color=never -pl library package \
        -DskipTests -Dinvoker.skip=true -Dmdep.analyze.skip=true -Dreproducibility.skip=true \
        >"$scratch/build.log" 2>&1); then
    cat "$scratch/build.log" >&2
    echo "check-reproducible: the second build failed" >&2
    exit 1
fi

status=0
for file in "$library"/target/mlregistry-*.jar "$library/target/published-pom.xml"; do
    name="$(basename "$file")"
    if cmp -s "$file" "$scratch/library/target/$name"; then
        echo "reproducible: $name"
    else
        echo "check-reproducible: $name differs between two builds of the same sources" >&2
        status=1
    fi
done
exit "$status"
