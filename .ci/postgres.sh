#!/usr/bin/env bash
# Start a private PostgreSQL server for the ledger tests and print its URL on stdout (all else on stderr).
#
# Debian's `postgresql` package gives the binaries; the server itself is a throwaway cluster of our own
# under $CLAIMLEDGER_PG_DIR (default /tmp/claimledger-pg), listening on 127.0.0.1:$CLAIMLEDGER_PG_PORT
# (default 5433) with trust authentication, so it needs no systemd, leaves Debian's own cluster alone and
# accepts no connection from another machine. Idempotent: a second run finds the server up and only prints
# the URL. The cluster uses the C locale, so text sorts by code point and lower() folds ASCII only, as SQLite
# does. Exits non-zero, saying why, when it cannot start a server.
set -euo pipefail
port=${CLAIMLEDGER_PG_PORT:-5433}
root=${CLAIMLEDGER_PG_DIR:-/tmp/claimledger-pg}
data=$root/data

if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  echo "installing Debian's postgresql package" >&2
  export DEBIAN_FRONTEND=noninteractive
  (apt-get update -qq && apt-get install -y -qq postgresql) >&2
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

# The server refuses to run as root: as root, run it as Debian's postgres user.
if [ "$(id -u)" -eq 0 ]; then
  as_server() { runuser -u postgres -- "$@"; }
  owner=postgres
else
  as_server() { "$@"; }
  owner=$(id -un)
fi

mkdir -p "$root"
chown "$owner" "$root"
chmod 700 "$root"
if [ ! -s "$data/PG_VERSION" ]; then
  rm -rf "$data"
  as_server "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C >"$root/initdb.log" 2>&1 \
    || { cat "$root/initdb.log" >&2; echo "initdb failed" >&2; exit 1; }
fi
# A test server: nothing in it needs to survive a crash, and without fsync a test's schema is made and
# dropped in milliseconds rather than a tenth of a second.
durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
if ! as_server "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  as_server "$bin/pg_ctl" -D "$data" -l "$root/server.log" -w -t 60 \
    -o "-p $port -k $root -c listen_addresses=127.0.0.1 $durability" start >&2 \
    || { tail -n 20 "$root/server.log" >&2; echo "PostgreSQL did not start on port $port" >&2; exit 1; }
fi

psql() { "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres -tA "$@"; }
# CREATEROLE: a test makes a read-only role to check that the ledger refuses it.
if [ -z "$(psql -c "SELECT 1 FROM pg_roles WHERE rolname = 'claimledger'")" ]; then
  psql -c "CREATE ROLE claimledger LOGIN CREATEDB CREATEROLE"
fi
psql -c "ALTER ROLE claimledger LOGIN CREATEDB CREATEROLE"
if [ -z "$(psql -c "SELECT 1 FROM pg_database WHERE datname = 'claimledger_test'")" ]; then
  psql -c "CREATE DATABASE claimledger_test OWNER claimledger TEMPLATE template0 ENCODING 'UTF8' \
LC_COLLATE 'C' LC_CTYPE 'C'"
fi
echo "postgresql://claimledger@127.0.0.1:$port/claimledger_test"
