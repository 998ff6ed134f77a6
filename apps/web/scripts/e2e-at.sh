#!/usr/bin/env bash
# Runs browser specs as if the clock said another time: the whole stack (the build, the server,
# its PostgreSQL and Chromium) under libfaketime (Debian's `faketime` package), every process
# shifted by the same offset from now, so their clocks agree and keep running. e2e/README.md
# says when to use it.
#   bash scripts/e2e-at.sh "2026-12-06 22:00" e2e/calendar.spec.ts e2e/undo.spec.ts
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ]; then
  echo "usage: bash scripts/e2e-at.sh 'YYYY-MM-DD HH:MM' (UTC) [spec ...]" >&2
  exit 2
fi
at="$1"
shift
if ! command -v faketime >/dev/null 2>&1; then
  echo "faketime is missing: apt-get install faketime" >&2
  exit 1
fi
offset=$(($(date -u -d "$at UTC" +%s) - $(date -u +%s)))
echo "browser tests at $at UTC (the clock moved by ${offset} s)"
if [ "$offset" -ge 0 ]; then offset="+$offset"; fi
exec faketime -f "$offset" pnpm exec playwright test "$@"
