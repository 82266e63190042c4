#!/usr/bin/env bash
# Checks the shell scripts the library generates (the SageMaker lifecycle configurations, the login
# helper they install, the token and uv commands) with shellcheck, on their golden files: the tests
# hold the generated scripts equal to the goldens, so this checks what the library writes.
# Run by `mvn verify` when -Dshellcheck.skip=false (.ci/run sets it; a clone without shellcheck
# builds without it). Needs the Debian package shellcheck.
#
#   shellcheck.sh <golden directory>
set -euo pipefail
goldens="$1"

if ! command -v shellcheck >/dev/null 2>&1; then
    echo "shellcheck: not on PATH; install it (apt-get install shellcheck) or build with -Dshellcheck.skip=true" >&2
    exit 1
fi
shopt -s nullglob
scripts=("$goldens"/*.sh)
if [ "${#scripts[@]}" -eq 0 ]; then
    echo "shellcheck: no generated script in $goldens" >&2
    exit 1
fi
# Every severity, style included; the commands without a shebang are read as bash, as they run.
shellcheck --shell=bash --severity=style "${scripts[@]}"
echo "shellcheck $(shellcheck --version | sed -n 's/^version: //p'): ${#scripts[@]} generated scripts clean"
