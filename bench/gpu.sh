#!/usr/bin/env bash
# The GPU checks in one go, for a short window on a bare GPU machine (no network, its own
# Python with CUDA torch; what medbento pins beyond that travels as wheels).
#
#   bench/gpu.sh prepare   here, after `make models`: writes .gpu/ (wheels for the machine's
#                          Python, the demo generator, the embedder's shape), 64 MiB at most
#   bench/gpu.sh run       there, in the repository root, .gpu/ carried beside it: the GPU
#                          tests (tests/gpu), then the in-process GPU bench (bench/gpu.py);
#                          both logs and gpu.json go to $OUT (or .gpu/out). About 3 minutes.
#   bench/gpu.sh check     here: `run` on the CPU, with the CPU's torch, to try the steps
#
# The GPU tests skip without CUDA, so `make test` runs them everywhere and they only act here.
set -euo pipefail
cd "$(dirname "$0")/.."
GPU_DIR=.gpu
MODELS=$GPU_DIR/models
BIN=${BIN:-.venv/bin}
# The GPU machine's Python (3.12 on the one lent here) decides which wheels install there.
GPU_PYTHON_VERSION=${GPU_PYTHON_VERSION:-3.12}
# What the machine's image lacks, or holds in another version than requirements.txt pins
# (its transformers 5.x would not run this code). bitsandbytes travels unpacked, with only
# its libraries for CUDA 13 (the machine's torch is built for CUDA 13.0): the whole wheel,
# 41 MiB of libraries for every CUDA and ROCm release, would not fit in the 64 MiB.
CARRIED="transformers tokenizers sentence-transformers orjson"

pin() { grep -m1 -i "^$1==" requirements.txt || echo "$1"; }

prepare() {
    rm -rf "$GPU_DIR" && mkdir -p "$MODELS/embedder-shape" "$GPU_DIR/wheels"
    generator=$("$BIN/python" -c "import bentoml; print(bentoml.models.get('clinical-generator:latest').path)")
    embedder=$("$BIN/python" -c "import bentoml; print(bentoml.models.get('clinical-embedder:latest').path)")
    cp -r "$generator" "$MODELS/clinical-generator"
    for f in config.json tokenizer.json tokenizer_config.json vocab.txt special_tokens_map.json; do
        cp "$embedder/$f" "$MODELS/embedder-shape/"
    done
    local specs=()
    for name in $CARRIED; do specs+=("$(pin "$name")"); done
    # huggingface-hub's pin comes with transformers' range; ask for what that range allows.
    "$BIN/pip" download --quiet --no-deps --only-binary=:all: -d "$GPU_DIR/wheels" \
        --python-version "$GPU_PYTHON_VERSION" --implementation cp \
        --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 \
        --platform manylinux2014_x86_64 --platform any \
        "${specs[@]}" "$(hub_pin)"
    "$BIN/pip" download --quiet --no-deps --only-binary=:all: -d "$GPU_DIR/bnb" \
        --python-version "$GPU_PYTHON_VERSION" --implementation cp \
        --platform manylinux_2_24_x86_64 "$(pin bitsandbytes)"
    unzip -q "$GPU_DIR"/bnb/*.whl -d "$GPU_DIR/site" -x 'bitsandbytes/libbitsandbytes_rocm*' \
        'bitsandbytes/libbitsandbytes_cuda1[12]*'
    rm -r "$GPU_DIR/bnb"
    size=$(du -sm "$GPU_DIR" | cut -f1)
    echo "prepared $GPU_DIR: ${size} MiB (the device carries 64 MiB at most)"
    ls "$GPU_DIR/wheels"
    [ "$size" -lt 60 ]
}

hub_pin() {
    # The huggingface-hub installed here satisfies transformers' pin; take the same.
    "$BIN/python" -c "import huggingface_hub; print('huggingface-hub==' + huggingface_hub.__version__)"
}

run() {
    local python=${GPU_RUN_PYTHON:-python3} out=${OUT:-$GPU_DIR/out} device=${1:-cuda}
    mkdir -p "$out"
    if [ "$device" = cuda ]; then
        nvidia-smi -L
        "$python" -m pip install -q --no-index --no-deps --no-compile --no-cache-dir \
            --upgrade --target /tmp/site "$GPU_DIR"/wheels/*.whl
        export PYTHONPATH=/tmp/site:$PWD/$GPU_DIR/site:$PWD
    fi
    export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 TOKENIZERS_PARALLELISM=false
    export MEDBENTO_GPU_MODELS=$PWD/$MODELS
    # --noconftest: tests/conftest.py starts servers (BentoML, Redis, PostgreSQL); these need none.
    status=0
    "$python" -m pytest --noconftest -p no:cacheprovider -o addopts="" -rs -v tests/gpu \
        2>&1 | tee "$out/gpu-tests.log" || status=1
    "$python" -m bench.gpu "$MODELS" "$out/gpu.json" --device "$device" \
        2>&1 | tee "$out/gpu-bench.log" || status=1
    return $status
}

case "${1:-}" in
    prepare) prepare ;;
    run) run cuda ;;
    check) GPU_RUN_PYTHON=$BIN/python run cpu ;;
    *) echo "usage: bench/gpu.sh prepare|run|check" >&2; exit 2 ;;
esac
