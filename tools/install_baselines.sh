#!/usr/bin/env bash
# Optional baselines for the held-out evaluation (11b_heldout): Basic Pitch 0.4 run through ONNX Runtime,
# installed without TensorFlow (its wheel asks for TensorFlow on Linux; the ONNX model ships in the wheel), and
# with resampy 0.4.3 (basic-pitch pins <0.4.3, whose releases import pkg_resources, gone from current setuptools).
# Argument: the environment's python (`make baselines` passes it). The stage skips Basic Pitch, with a note, without it.
set -euo pipefail
PY=$1
"$PY" -m pip install -q 'onnxruntime>=1.17' 'resampy>=0.4.3' >&2
"$PY" -m pip install -q --no-deps 'basic-pitch==0.4.0' >&2
"$PY" -c 'import basic_pitch, onnxruntime; from basic_pitch import ICASSP_2022_MODEL_PATH; print("basic-pitch", ICASSP_2022_MODEL_PATH.name)'
