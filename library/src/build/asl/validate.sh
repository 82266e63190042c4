#!/usr/bin/env bash
# Validates the airlock's state machine definitions, which the tests write to <definitions>, against
# the Amazon States Language with asl-validator, pinned in package-lock.json next to this script,
# then walks the reference definitions through scenarios (scenarios.js) with jsonata 2.0.6.
# Run by `mvn verify` (exec-maven-plugin, phase prepare-package); skip with -Dasl.skip=true.
#
#   validate.sh <definitions directory> <install directory> maven-offline=<true|false>
#
# The validator is installed once per install directory with `npm ci` and reinstalled only when the
# lock file changes; with Maven offline (-o), npm is offline too and installs from its cache.
set -euo pipefail
definitions="$1"
install="$2"
offline="${3:-maven-offline=false}"
here="$(cd "$(dirname "$0")" && pwd)"

for tool in node npm; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "asl: $tool is not on PATH; the airlock's definitions need Node.js 18+ to be validated" \
            "(skip with -Dasl.skip=true)" >&2
        exit 1
    fi
done

mkdir -p "$install"
if [ ! -d "$install/node_modules/asl-validator" ] || ! cmp -s "$here/package-lock.json" "$install/package-lock.json"; then
    cp "$here/package.json" "$here/package-lock.json" "$install/"
    network="--prefer-offline"
    if [ "$offline" = "maven-offline=true" ]; then
        network="--offline"
    fi
    (cd "$install" && npm ci "$network" --ignore-scripts --no-audit --no-fund --loglevel=error)
fi
NODE_PATH="$install/node_modules" node "$here/validate.js" "$definitions"
NODE_PATH="$install/node_modules" node "$here/scenarios.js" "$definitions"
