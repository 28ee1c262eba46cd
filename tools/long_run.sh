#!/usr/bin/env bash
# The long training run (profile `long`, the shipped weights' run) in the background, resumable.
#
#   bash tools/long_run.sh start [COMMIT]   start, or resume after any interruption (default COMMIT: HEAD, clean)
#   bash tools/long_run.sh status           running or not, the commit, the last lines of its log
#   bash tools/long_run.sh pause | cont     SIGSTOP / SIGCONT the whole run (e.g. around a test run: never two
#                                           torch jobs at once on 2 cores)
#   bash tools/long_run.sh stop             end it; `start` resumes from the last checkpoints
#
# The run lives outside the clone, in MUSICNOTES_RUN_DIR (default ~/.cache/musicnotes/runs/long):
# src/ is a clone of one clean commit, frozen for the whole run, so edits to this work tree never change
# the code the run trains with (a training-code change would restart the models from scratch); data/ and
# results/ are its data and results roots. Re-running `start` after a reboot or a kill runs the same
# pipeline again: finished stages are skipped by their keys, an interrupted training resumes from its
# Trainer checkpoint (dev.pt, written every epoch). The run needs an ASAP download (asap_root or
# MUSICNOTES_ASAP_ROOT). When it has finished, its weights ship with their provenance and licence (docs/model_card.md).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
RUN=${MUSICNOTES_RUN_DIR:-$HOME/.cache/musicnotes/runs/long}
PROFILE=${PROFILE:-long}
cmd=${1:-status}
pid() { [ -f "$RUN/pid" ] && kill -0 "$(cat "$RUN/pid")" 2>/dev/null && cat "$RUN/pid"; }
case "$cmd" in
  start)
    if p=$(pid); then echo "already running (pid $p)"; exit 0; fi
    mkdir -p "$RUN"
    if [ ! -d "$RUN/src/.git" ]; then
      commit=$(git -C "$here" rev-parse "${2:-HEAD}")
      if [ -z "${2:-}" ] && [ -n "$(git -C "$here" status --porcelain --untracked-files=no)" ]; then
        echo "the work tree has uncommitted changes: a long run starts from a clean commit (commit, or name one)" >&2; exit 1
      fi
      git clone -q "$here" "$RUN/src" && git -C "$RUN/src" checkout -q "$commit"
      echo "$commit" > "$RUN/commit"
    fi
    PY=$(cd "$RUN/src" && MUSICNOTES_NO_INSTALL=1 bash tools/bootstrap.sh | tail -1)
    asap=${MUSICNOTES_ASAP_ROOT:-}
    if [ -z "$asap" ] && [ -f "$here/../shared/datasets/asap/metadata.csv" ]; then asap=$(cd "$here/../shared/datasets/asap" && pwd); fi
    [ -n "$asap" ] || { echo "no ASAP download: set MUSICNOTES_ASAP_ROOT (or asap_root in the run's settings.ini)" >&2; exit 1; }
    cd "$RUN/src"
    MUSICNOTES_ROOT="$RUN/src" PYTHONPATH="$RUN/src" MUSICNOTES_DATA_ROOT="$RUN/data" MUSICNOTES_RESULTS_ROOT="$RUN/results" \
      MUSICNOTES_ASAP_ROOT="$asap" setsid nohup "$PY" -m musicnotes pipeline --profile "$PROFILE" >> "$RUN/log.txt" 2>&1 < /dev/null &
    echo $! > "$RUN/pid"
    echo "started pid $! at commit $(cat "$RUN/commit"); log: $RUN/log.txt" ;;
  status)
    if p=$(pid); then state="running (pid $p$(grep -q '^State:.*T' /proc/$p/status 2>/dev/null && echo ', paused' || true))"; else state='not running'; fi
    echo "long run: $state; commit $(cat "$RUN/commit" 2>/dev/null || echo none); $RUN"
    [ -f "$RUN/log.txt" ] && tail -n "${LINES:-5}" "$RUN/log.txt" | tr '\r' '\n' | tail -n "${LINES:-5}"
    for f in "$RUN"/results/"$PROFILE"/checkpoints/*/log.csv; do [ -f "$f" ] && echo "$(basename "$(dirname "$f")"): $(($(wc -l < "$f") - 1)) epochs logged"; done; true ;;
  pause|cont|stop)
    p=$(pid) || { echo "not running"; exit 0; }
    sig=$([ "$cmd" = pause ] && echo STOP || { [ "$cmd" = cont ] && echo CONT || echo TERM; })
    [ "$cmd" = stop ] && kill -CONT -- "-$p" 2>/dev/null || true
    kill -"$sig" -- "-$p"; echo "$cmd: sent SIG$sig to the run (process group $p)" ;;
  *) echo "usage: $0 start [COMMIT] | status | pause | cont | stop" >&2; exit 2 ;;
esac
