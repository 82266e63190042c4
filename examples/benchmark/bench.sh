#!/usr/bin/env bash
# Runs the benchmark (see docs/performance.md): builds this project against the installed library,
# then measures every figure in fresh processes. Takes a few minutes; run it on an idle machine.
#
#   examples/benchmark/bench.sh [reps] [private]     (default 3; "private": only the private-access figures)
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
exec java -cp "target/classes:$(cat target/classpath.txt)" com.example.mlregistry.benchmark.Harness . "${1:-3}" ${2:+"$2"}
