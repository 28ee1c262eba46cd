#!/usr/bin/env bash
# Create or reuse the musicnotes environment; print its python's path on the last line.
#
# The virtual environment lives outside the clone, keyed by a hash of
# requirements.txt and the Python version, because torch alone is ~7 GB: every
# clone (and CI) with the same pinned requirements reuses it. Set
# MUSICNOTES_VENV_HOME to move it (default: ~/.cache/musicnotes).
# System packages (FluidSynth and SoundFonts) are installed with apt-get when
# missing and running as root; otherwise one line says what to install.
# Progress goes to stderr; stdout carries only the python path.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
say() { printf 'bootstrap: %s\n' "$*" >&2; }
die() { printf 'bootstrap: error: %s\n' "$*" >&2; exit 2; }

PYTHON=${PYTHON:-python3}
command -v "$PYTHON" >/dev/null || die "no $PYTHON on PATH: install Python 3.11"
"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info[:2] >= (3, 11) else 1)' \
  || die "$PYTHON is $("$PYTHON" -V 2>&1); musicnotes needs Python 3.11 or newer"

# --- system packages ---------------------------------------------------------
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
missing=()
have_lib libfluidsynth.so || missing+=(fluidsynth)
[ -f /usr/share/sounds/sf2/FluidR3_GM.sf2 ] || missing+=(fluid-soundfont-gm)
# MuseScore General is the unseen-timbre test condition (never trained on).
compgen -G '/usr/share/sounds/sf[23]/MuseScore_General*' >/dev/null || missing+=(musescore-general-soundfont-small)
# Two more training pianos for the ASAP renders (csound's GM bank, FluidR3 mono); optional.
[ -f /usr/share/sounds/sf2/sf_GMbank.sf2 ] || missing+=(csound-soundfont)
[ -f /usr/share/sounds/sf3/FluidR3Mono_GM.sf3 ] || missing+=(fluidr3mono-gm-soundfont)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing ${missing[*]} with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 || say "apt-get update failed; trying the install anyway"
    if ! apt-get install -y -qq "${missing[@]}" >&2; then
      # one package this release lacks must not block the required ones: retry them one by one
      for pkg in "${missing[@]}"; do
        apt-get install -y -qq "$pkg" >&2 && continue
        case $pkg in fluidsynth|fluid-soundfont-gm) die "apt-get install $pkg failed";; *) say "optional $pkg could not be installed";; esac
      done
    fi
  elif [[ " ${missing[*]} " == *" fluidsynth "* || " ${missing[*]} " == *" fluid-soundfont-gm "* ]]; then
    die "missing system packages: install them with 'sudo apt-get install ${missing[*]}' (conda: 'conda install -c conda-forge fluidsynth')"
  else
    say "optional ${missing[*]} not installed: without MuseScore General the unseen-timbre conditions are skipped; without the others ASAP renders use fewer pianos"
  fi
fi

# --- virtual environment -----------------------------------------------------
pyver=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
key=$( (cat requirements.txt; echo "python $pyver") | sha256sum | cut -c1-12)
home=${MUSICNOTES_VENV_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/musicnotes}
venv="$home/venv-py$pyver-$key"
mkdir -p "$home"
exec 9>"$home/.lock"
flock 9   # one bootstrap at a time per machine
if [ ! -f "$venv/.complete" ]; then
  rm -rf "$venv"
  say "creating $venv (requirements changed or first run; torch is large, this takes minutes)"
  "$PYTHON" -m venv "$venv"
  "$venv/bin/python" -m pip install -q --upgrade pip setuptools wheel >&2
  "$venv/bin/python" -m pip install --progress-bar off -r requirements.txt >&2
  touch "$venv/.complete"
else
  say "reusing $venv"
fi
PY="$venv/bin/python"

# The package is installed editable from *this* clone; re-pointed when another clone used the venv last
# (not with MUSICNOTES_NO_INSTALL=1: tools/long_run.sh imports its frozen clone through PYTHONPATH instead).
# (asked from / : from here Python would find this clone's folder itself, installed or not)
where=$(cd / && "$PY" -c 'import musicnotes, os; print(os.path.dirname(os.path.dirname(os.path.abspath(musicnotes.__file__))))' 2>/dev/null || true)
if [ -z "${MUSICNOTES_NO_INSTALL:-}" ] && { [ "$where" != "$ROOT" ] || [ ! -x "$venv/bin/musicnotes" ]; }; then
  say "installing musicnotes from $ROOT (editable)"
  "$PY" -m pip install -q --no-deps --no-build-isolation -e . >&2
fi
# Jupyter kernel used by papermill and JupyterLab.
if [ ! -f "$venv/share/jupyter/kernels/musicnotes/kernel.json" ]; then
  "$PY" -m ipykernel install --sys-prefix --name musicnotes --display-name "Python (musicnotes)" >&2
fi
echo "$PY"
