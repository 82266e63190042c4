#!/usr/bin/env bash
# Runs the TypeScript benchmark once for N registries (default 200) and prints one final line:
#   typescript n=<N> wall_s=<s> cpu_s=<user+sys s> peak_mib=<MiB>
# Installing and compiling happen before the measured run, so only `node bin/index.js` is timed.
set -euo pipefail
cd "$(dirname "$0")"

n="${1:-200}"
if ! [[ "$n" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: $0 [N>=1]" >&2
    exit 2
fi

# Setup output goes to stderr so stdout carries only the program's line and the result.
if [ ! -d node_modules ]; then
    npm ci --no-audit --no-fund >&2
fi
if [ ! -f bin/index.js ] || [ src/index.ts -nt bin/index.js ] || [ tsconfig.json -nt bin/index.js ] \
    || [ package-lock.json -nt bin/index.js ]; then
    npx --no-install tsc >&2
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

status=0
if [ -x /usr/bin/time ]; then
    # -o keeps time's figures apart from the program's own stderr.
    /usr/bin/time -o "$tmp/time" -f "%e %U %S %M" node bin/index.js "$n" >"$tmp/out" || status=$?
    read -r wall user sys rss_kib <"$tmp/time"
else
    # No GNU time: wall from date, CPU from the subshell's `times` (its only child is node), and
    # peak RSS from polling VmHWM, a high-water mark, so the last reading is the peak to within a poll.
    start="$(date +%s.%N)"
    (
        node bin/index.js "$n" >"$tmp/out" &
        echo $! >"$tmp/pid"
        rc=0
        wait $! || rc=$?
        times >"$tmp/times"  # not piped: a pipeline would run it in a fresh subshell with no children
        exit "$rc"
    ) &
    sub=$!
    until [ -s "$tmp/pid" ]; do sleep 0.001; done
    read -r pid <"$tmp/pid"
    rss_kib=0
    while [ -r "/proc/$pid/status" ]; do
        while read -r key value _; do
            if [ "$key" = "VmHWM:" ] && [ "$value" -gt "$rss_kib" ]; then rss_kib="$value"; fi
        done <"/proc/$pid/status" 2>/dev/null || true
        sleep 0.01
    done
    wait "$sub" || status=$?
    end="$(date +%s.%N)"
    wall="$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')"
    # Line 2 of `times` is the children's user and system time, e.g. "0m2.345s 0m0.120s".
    read -r user sys < <(awk 'NR == 2 { for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); printf "%s ", t[1] * 60 + t[2] }; print "" }' "$tmp/times")
fi

cat "$tmp/out"
if [ "$status" -ne 0 ]; then
    echo "typescript: program failed with exit status $status" >&2
    exit "$status"
fi
registered="$(sed -n 's/^registered=\([0-9]*\)$/\1/p' "$tmp/out" | tail -n 1)"
if [ "$registered" != "$((6 * n))" ]; then
    echo "typescript: registered=${registered:-none}, expected $((6 * n))" >&2
    exit 1
fi

awk -v n="$n" -v wall="$wall" -v user="$user" -v sys="$sys" -v kib="$rss_kib" \
    'BEGIN { printf "typescript n=%d wall_s=%.2f cpu_s=%.2f peak_mib=%.1f\n", n, wall, user + sys, kib / 1024 }'
