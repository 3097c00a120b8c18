#!/usr/bin/env bash
# Benchmarks (not part of the test run): the cost of one authorization decision, and the share
# of a timeline read spent on authorization and access logging against the same read with both
# switched off, measured in the same run on the real PostgreSQL.
#   BENCH_DECISIONS (default 200000), BENCH_READS (default 2000)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
dotnet build "$ROOT/bench/Network.Benchmarks/Network.Benchmarks.csproj" -c Release --nologo -v quiet
export NETWORK_DB
dotnet "$ROOT/bench/Network.Benchmarks/bin/Release/net10.0/Network.Benchmarks.dll" 2>&1 | grep -v '^\[' | grep -E 'µs|share'
