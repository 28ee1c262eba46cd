#!/usr/bin/env bash
# The test command behind `make test` (and so CI). Argument: the environment's python.
set -euo pipefail
PY=$1; BIN=$(dirname "$PY")
cd "$(dirname "$0")/.."
unset IN_TEST   # nbdev-export does nothing under IN_TEST, which would make the sync check check nothing

echo "== 1/4 nbdev-export leaves musicnotes/ unchanged"
snap=$(mktemp -d); trap 'rm -rf "$snap"' EXIT
cp -r musicnotes "$snap/before"
"$BIN/nbdev-export"
if ! diff -r -q -x __pycache__ "$snap/before" musicnotes; then
  echo "musicnotes/ was out of sync with nbs/: it has now been re-exported; review and commit it" >&2
  exit 1
fi

echo "== 2/4 notebooks carry no outputs"
"$PY" tools/nbclean.py --check nbs

echo "== 3/4 nbdev-test (library cells; stage cells are #| slow: pytest's smoke pipeline runs them)"
"$BIN/nbdev-test" --n-workers 2 --do-print --timing

echo "== 4/4 pytest"
"$PY" -m pytest tests -q -p no:cacheprovider
