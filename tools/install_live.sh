#!/usr/bin/env bash
# Optional: what `musicnotes listen` needs for a real microphone and MIDI ports (not needed for `listen
# --device file:PATH`, `transcribe --stream` or the tests): PortAudio and ALSA's MIDI library from Debian, then
# sounddevice and python-rtmidi (mido's port backend) into the environment. Argument: the environment's python
# (`make live` passes it).
set -euo pipefail
PY=$1
if command -v apt-get >/dev/null && ! ldconfig -p | grep -q libportaudio; then
  SUDO=$([ "$(id -u)" = 0 ] && echo || echo sudo)
  $SUDO apt-get install -y -q libportaudio2 libasound2 >&2 || { $SUDO apt-get update -q >&2 && $SUDO apt-get install -y -q libportaudio2 libasound2 >&2; }
fi
"$PY" -m pip install -q 'sounddevice>=0.5' 'python-rtmidi>=1.5' >&2
"$PY" -c 'import sounddevice as sd; print("sounddevice", sd.__version__, "- input devices:", sum(d["max_input_channels"] > 0 for d in sd.query_devices()))'
