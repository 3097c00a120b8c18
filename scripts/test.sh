#!/usr/bin/env bash
# Runs every test: the same set-up as scripts/run.sh, Chromium from Debian for the browser
# tests, then every test project (domain, API, web components, end to end). The tests get their
# own PostgreSQL cluster on its own port (NETWORK_TEST_PG_PORT, default 55433), stopped again at
# the end, so scripts/run.sh works right after it, from this clone or another.
set -euo pipefail
export NETWORK_PG_PORT="${NETWORK_TEST_PG_PORT:-55433}"
export NETWORK_PG_NAME=postgres-test
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
trap stop_postgres_if_started EXIT
ensure_debian_packages chromium redis-server python3-aiosmtpd
# Node and npm run the independent FHIR validator of the API tests (tests/Network.Api.Tests/fhir-validator).
command -v node >/dev/null && command -v npm >/dev/null || ensure_debian_packages nodejs npm

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

# The failed tests again, with the start of their messages, where a reader of the tail sees them.
if grep -q -E '^failed ' "$log"; then
  echo "==> failed tests"
  grep -A 12 -E '^failed ' "$log" | grep -v -E '^\s+from /' | cut -c 1-300 | head -n 120
fi

# One plain closing line for CI: the totals of the run summary.
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
[ "$status" -ne 0 ] && [ "$failed" = 0 ] && failed=1
echo "$passed passed, $failed failed"
exit "$status"
