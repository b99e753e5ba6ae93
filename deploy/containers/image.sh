#!/usr/bin/env bash
# Build a Bento and its container image; the image reference is the last line printed.
#   deploy/containers/image.sh [cpu|cuda] [bentofile]     (make image: cpu, bentofile.yaml)
#
# cpu:  torch from PyTorch's CPU wheels (the Bento's UV_FIND_LINKS), no CUDA libraries.
# cuda: torch from PyPI, the CUDA 13.0 build with its runtime libraries; it runs on any host with
#       an NVIDIA driver (podman --device nvidia.com/gpu=all, docker --gpus all).
#
# With a Docker engine, `bentoml containerize` uses it. Without one (this project's machines),
# it uses buildah, set up by setup.sh beside this file with a local base image, since no
# registry answers; a local copy of the CPU torch wheel (pip's find-links) is served to the
# build over loopback instead of PyTorch's index, which these machines cannot reach.
set -euo pipefail
variant=${1:-cpu}
bentofile=${2:-bentofile.yaml}
here=$(cd "$(dirname "$0")" && pwd)
BIN=${BIN:-.venv/bin}
case $variant in cpu | cuda) ;; *) echo "usage: $0 [cpu|cuda] [bentofile]" >&2; exit 2 ;; esac

tag=$("$BIN/bentoml" build -f "$bentofile" . -o tag | tail -n 1)
tag=${tag#__tag__:}
name=${tag%%:*}
image="$name:${tag#*:}-$variant"
args=(-t "$image")
[ "$variant" = cuda ] && args+=(--build-arg UV_FIND_LINKS=)

if docker info >/dev/null 2>&1; then
  args+=(--backend docker)
else
  CTR_HOME=${CTR_HOME:-/var/tmp/ctr}
  "$here/setup.sh" >&2
  # shellcheck source=/dev/null
  . "$CTR_HOME/env.sh"
  image="localhost/$image"
  # Host networking (bridges leave iptables chains behind here); the host's CA bundle for the
  # build's HTTPS to the package index, which a local CA re-signs; layers cached, so a second
  # Bento with the same requirements reuses the installed packages.
  args+=(--backend buildah --opt network=host --opt layers
    --opt from=localhost/debian-py:bookworm
    --opt volume=/etc/ssl/certs/ca-certificates.crt:/etc/ssl/certs/ca-certificates.crt:ro)
  wheels=""
  for link in ${PIP_FIND_LINKS:-} $("$BIN/pip" config get global.find-links 2>/dev/null || true); do
    if compgen -G "$link/torch-*+cpu-*.whl" >/dev/null; then wheels=$link && break; fi
  done
  if [ "$variant" = cpu ] && [ -n "$wheels" ]; then
    port=$("$BIN/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "$BIN/python" -m http.server --bind 127.0.0.1 --directory "$wheels" "$port" >/dev/null 2>&1 &
    server=$!
    trap 'kill $server' EXIT
    args+=(--build-arg "UV_FIND_LINKS=http://127.0.0.1:$port/")
  fi
fi

started=$(date +%s)
"$BIN/bentoml" containerize "$tag" "${args[@]}" >&2
echo "built $image in $(($(date +%s) - started)) s" >&2
echo "$image"
