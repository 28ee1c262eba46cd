# musicnotes: two commands do everything (see README.md).
#   make pipeline [PROFILE=smoke|default|full]   build data if needed, run every notebook, print the summary
#   make test                                     sync check, clean-notebook check, nbdev-test, pytest
PROFILE ?= default
MODEL ?= frame
NPROC ?= 1
NNODES ?= 1
NODE_RANK ?= 0
RDZV ?=
BOOTSTRAP = bash tools/bootstrap.sh

.PHONY: env pipeline test clean-nbs export lab baselines live train-ddp

env:            ## create or reuse the environment; the last line is its python
	@$(BOOTSTRAP)

pipeline:       ## run every stage on PROFILE (default: default)
	@PY=$$($(BOOTSTRAP)) && "$$PY" -m musicnotes pipeline --profile $(PROFILE)

test:           ## what CI runs; the last line is pytest's summary
	@PY=$$($(BOOTSTRAP)) && bash tools/test.sh "$$PY"

export:         ## notebooks -> musicnotes/
	@PY=$$($(BOOTSTRAP)) && "$$(dirname $$PY)/nbdev-export"

clean-nbs:      ## strip outputs (keeping the papermill parameters tag) before committing
	@PY=$$($(BOOTSTRAP)) && "$$(dirname $$PY)/nbdev-clean" && "$$PY" tools/nbclean.py nbs

lab:            ## JupyterLab on nbs/ with the musicnotes kernel (as root, e.g. in a container, with --allow-root)
	@PY=$$($(BOOTSTRAP)) && "$$(dirname $$PY)/jupyter-lab" --notebook-dir=nbs $$([ "$$(id -u)" = 0 ] && echo --allow-root)

baselines:      ## optional: Basic Pitch (ONNX, no TensorFlow) for the held-out evaluation's baseline rows
	@PY=$$($(BOOTSTRAP)) && bash tools/install_baselines.sh "$$PY"

live:           ## optional: PortAudio, sounddevice and python-rtmidi for `musicnotes listen` on a real microphone and MIDI ports
	@PY=$$($(BOOTSTRAP)) && bash tools/install_live.sh "$$PY"

train-ddp:      ## train MODEL on PROFILE with torchrun: NPROC processes (GPUs) per node; NNODES > 1 needs RDZV=host:port (docs/distributed.md)
	@PY=$$($(BOOTSTRAP)) && "$$(dirname $$PY)/torchrun" --nnodes $(NNODES) --nproc_per_node $(NPROC) \
	  $$(if [ "$(NNODES)" = 1 ]; then echo --standalone; else echo --node_rank $(NODE_RANK) --rdzv_backend c10d --rdzv_endpoint $(RDZV); fi) \
	  -m musicnotes train $(MODEL) --profile $(PROFILE)
