#!/usr/bin/env bash
# Shared set-up for scripts/run.sh and scripts/test.sh. Idempotent: a second run reuses
# what is there. Source it; it exports NETWORK_DB (an Npgsql connection string).
#
#   NETWORK_DB=...        use this existing PostgreSQL database instead of the local cluster
#   NETWORK_PG_PORT=...   port of the project-local cluster (default 55432)
#   NETWORK_PG_NAME=...   name of the project-local cluster's folder (default postgres; the tests use postgres-test)
#
# PostgreSQL runs at its default durability (synchronous_commit on): an acknowledged write
# survives a crash of the database.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL="$ROOT/.local"
mkdir -p "$LOCAL"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=""
ensure_debian_packages() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "==> installing from Debian: ${missing[*]}"
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# --- the Marten shim: a repo-local NuGet feed with Patched.DistributedLock.Core ------------
setup_feed() {
  mkdir -p "$LOCAL/feed"
  if [ ! -f "$LOCAL/feed/patched.distributedlock.core.1.0.11.nupkg" ] && [ ! -f "$LOCAL/feed/Patched.DistributedLock.Core.1.0.11.nupkg" ]; then
    echo "==> packing the Patched.DistributedLock.Core shim into .local/feed"
    dotnet pack "$ROOT/build/shim/Patched.DistributedLock.Core.csproj" -c Release -o "$LOCAL/feed" \
      -p:BaseIntermediateOutputPath="$LOCAL/shim/obj/" -p:BaseOutputPath="$LOCAL/shim/bin/" --nologo -v quiet >/dev/null
  fi
}

# --- PostgreSQL -------------------------------------------------------------------------
PGPORT="${NETWORK_PG_PORT:-55432}"
PGNAME="${NETWORK_PG_NAME:-postgres}"
PG_STARTED_HERE=""
PGUSER_NAME=network
PGPASS=network

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# Runs a command as the owner of the local cluster (initdb refuses root).
as_pg_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cluster_dir() {
  # The cluster lives in the ignored .local folder. As root, the cluster runs as the
  # postgres user, which must be able to reach that folder; if the checkout sits in a
  # private home (for instance /root), fall back to a folder under /var/lib.
  if [ "$(id -u)" != 0 ] || runuser -u postgres -- test -x "$LOCAL" 2>/dev/null; then
    echo "$LOCAL/$PGNAME"
  else
    echo "/var/lib/network-dev/$(echo -n "$ROOT" | sha1sum | cut -c1-12)/$PGNAME"
  fi
}

setup_postgres() {
  if [ -n "${NETWORK_DB:-}" ]; then
    echo "==> using the PostgreSQL given in NETWORK_DB"
    export NETWORK_DB
    return 0
  fi
  ensure_debian_packages postgresql
  local bin data
  bin="$(pg_bin)"
  data="$(cluster_dir)"
  if [ ! -f "$data/PG_VERSION" ]; then
    echo "==> creating a project-local PostgreSQL cluster in $data (port $PGPORT)"
    mkdir -p "$data"
    local pwfile
    pwfile="$(dirname "$data")/pwfile"
    echo "$PGPASS" > "$pwfile"
    if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$(dirname "$data")"; fi
    chmod 700 "$data"
    as_pg_owner "$bin/initdb" -D "$data" -U "$PGUSER_NAME" --pwfile="$pwfile" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
  fi
  if ! as_pg_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    echo "==> starting PostgreSQL on 127.0.0.1:$PGPORT"
    if ! as_pg_owner "$bin/pg_ctl" -D "$data" -l "$data/../postgres.log" -w -t 60 \
      -o "-p $PGPORT -k $data -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null; then
      tail -n 5 "$data/../postgres.log" >&2 || true
      echo "PostgreSQL did not start. Is port $PGPORT taken? Set NETWORK_PG_PORT to another port." >&2
      exit 1
    fi
    PG_STARTED_HERE=1
  fi
  export NETWORK_DB="Host=127.0.0.1;Port=$PGPORT;Username=$PGUSER_NAME;Password=$PGPASS;Database=network"
  if ! PGPASSWORD="$PGPASS" "$bin/psql" -h 127.0.0.1 -p "$PGPORT" -U "$PGUSER_NAME" -d postgres -tAc \
      "select 1 from pg_database where datname='network'" | grep -q 1; then
    PGPASSWORD="$PGPASS" "$bin/psql" -h 127.0.0.1 -p "$PGPORT" -U "$PGUSER_NAME" -d postgres -qc "create database network" >/dev/null
  fi
}

# Stops the project-local cluster if this script started it (the test command does, on exit).
stop_postgres_if_started() {
  if [ -n "$PG_STARTED_HERE" ]; then
    echo "==> stopping the PostgreSQL this run started (port $PGPORT)"
    as_pg_owner "$(pg_bin)/pg_ctl" -D "$(cluster_dir)" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

setup_feed
setup_postgres
# The local SMTP server that receives the platform's mail in development and tests (scripts/smtp-sink.py).
ensure_debian_packages python3-aiosmtpd
