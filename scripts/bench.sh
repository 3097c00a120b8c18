#!/usr/bin/env bash
# Benchmarks (not part of the test run): the cost of one authorization decision, and the write
# and read paths through HTTP (login, gate, access log) against the raw database work of the
# same size, measured in the same run on the local PostgreSQL at default durability; then the
# push path over real sockets. Three repetitions (BENCH_RUNS), each on a fresh database.
#   BENCH_DECISIONS (default 200000), BENCH_PATH_OPS (default 2000), BENCH_BOARD_ITEMS (default 200), BENCH_RUNS (default 3),
#   BENCH_WARMUP (at least so many seconds of posts and reads before the paths, default 15, then until the JIT settles), BENCH_ONLY (parts, e.g. paths,phases),
#   BENCH_SOCKETS=1 (the paths over a loopback socket), BENCH_READLOOP, BENCH_WRITELOOP (seconds of timeline reads or 8 writers alone, to profile)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
dotnet build "$ROOT/bench/Network.Benchmarks/Network.Benchmarks.csproj" -c Release --nologo -v quiet
export NETWORK_DB
for run in $(seq 1 "${BENCH_RUNS:-3}"); do
  echo "==> run $run of ${BENCH_RUNS:-3}"
  dotnet "$ROOT/bench/Network.Benchmarks/bin/Release/net10.0/Network.Benchmarks.dll" 2>&1 \
    | grep --line-buffered -E 'µs|/s |ratio|paths:|phase|since=head|push|round trip|broadcast|append|page'
done
