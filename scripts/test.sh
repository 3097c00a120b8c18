#!/usr/bin/env bash
# Runs every test: the same database set-up as scripts/run.sh, Chromium from Debian for the
# browser tests, then every test project (domain, API, web components, end to end).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ensure_debian_packages chromium

echo "==> building"
dotnet build "$ROOT/Network.sln" -c Release --nologo -v quiet

echo "==> testing (PostgreSQL: ${NETWORK_DB%%;Password=*})"
export NETWORK_DB
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
log="$LOCAL/test-output.log"
set +e
# --output detailed names every test; the "from <dll>" lines only repeat the project. One test
# project at a time: the browser journeys and the API tests each load both cores on their own.
dotnet test --solution "$ROOT/Network.sln" -c Release --no-build --output detailed --max-parallel-test-modules 1 2>&1 | tee "$log" | grep -v -E '^\s+from /'
status=${PIPESTATUS[0]}
set -e

# One plain closing line for CI: the totals of the run summary.
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
[ "$status" -ne 0 ] && [ "$failed" = 0 ] && failed=1
echo "$passed passed, $failed failed"
exit "$status"
