# The README's two commands: `make serve` and `make test`. Both set up what they need first
# (virtual environment, packages, models in the BentoML model store) and are quick the second time.
SHELL := /bin/bash
PORT ?= 3000
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# A CUDA build of torch where an NVIDIA GPU is present; otherwise the CPU wheel this machine's
# pip finds (find-links). PIP_FIND_LINKS= keeps a GPU host from picking a local CPU wheel.
GPU := $(shell command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L >/dev/null 2>&1 && echo 1)
TORCH_PIP_ENV := $(if $(GPU),PIP_FIND_LINKS=,)

# Nothing downloads from a model hub, ever: models come from the BentoML store.
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false
export BENTOML_DO_NOT_TRACK := True

.PHONY: serve test test-fast models lint bench image image-cuda

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml requirements.txt
	$(BIN)/pip install --quiet --upgrade pip
	# torch first, so no other package resolves a different build of it.
	$(TORCH_PIP_ENV) $(BIN)/pip install --quiet "$$(grep -m1 '^torch==' requirements.txt)"
	$(BIN)/pip install --quiet -e '.[models,dev]'
	touch $(STAMP)

models: $(STAMP)
	$(BIN)/medbento models import

# jemalloc in the workers where the host has it (Debian: libjemalloc2): with glibc's malloc
# the Embedding worker's memory kept climbing under load (README, "Tests").
JEMALLOC := $(firstword $(wildcard /usr/lib/*-linux-gnu/libjemalloc.so.2))

serve: models
	$(if $(JEMALLOC),LD_PRELOAD=$${LD_PRELOAD:-$(JEMALLOC)}) BENTOML_CONFIG=configuration.yaml $(BIN)/bentoml serve . --port $(PORT)

test: models
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

# The edit-test loop: everything but the tests marked slow (images, the README run as a
# newcomer, faults and soak, load, the four Bentos built, schemathesis). `make test` runs all.
test-fast: models
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -m "not slow"

# Container images of the all-in-one Bento (deploy/containers/image.sh): the reference is the
# last line printed. CPU: torch without CUDA libraries; CUDA: PyPI's torch with its runtime.
image: models
	BIN=$(BIN) deploy/containers/image.sh cpu bentofile.yaml

image-cuda: models
	BIN=$(BIN) deploy/containers/image.sh cuda bentofile.yaml

lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

# The benchmark's peer, infinity-emb, pins numpy<2 and sentence-transformers<4: its own venv,
# with both CPU engines it has (torch, and optimum for ONNX Runtime).
PEER := .venv-infinity
# The stamp's name changes with what it installs, so an older peer venv is brought up to date.
PEER_STAMP := $(PEER)/.installed-0.0.78-torch-optimum
$(PEER_STAMP):
	$(PYTHON) -m venv $(PEER)
	$(TORCH_PIP_ENV) $(PEER)/bin/pip install --quiet "$$(grep -m1 '^torch==' requirements.txt)"
	$(PEER)/bin/pip install --quiet "infinity-emb[server,torch,optimum]==0.0.78"
	touch $@

bench: models $(PEER_STAMP)
	$(BIN)/python -m bench --profile
