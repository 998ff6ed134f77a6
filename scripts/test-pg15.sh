#!/usr/bin/env bash
# Runs the database suite again on PostgreSQL 15, the oldest major Frontdesk supports.
# Uses Debian's binaries (apt-get install postgresql-15); skipped, with a note, where they are missing.
set -euo pipefail
bin="${POSTGRES_15_BIN:-/usr/lib/postgresql/15/bin}"
if [ ! -x "$bin/initdb" ]; then
  echo "PostgreSQL 15 binaries not found in $bin: skipping the PostgreSQL 15 run (CI installs them)."
  exit 0
fi
FRONTDESK_TEST_POSTGRES_BIN="$bin" pnpm --filter @frontdesk/db test
