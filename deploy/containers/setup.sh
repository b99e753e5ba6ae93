#!/usr/bin/env bash
# Container tooling for a machine with no Docker engine and no registry (the CI and development
# machines of this project): buildah and podman with runc, storage under $CTR_HOME, and a local
# Debian 12 + Python 3.11 (+ uv) base image built with debootstrap from the host's Debian
# mirror. Idempotent: a second run only checks. Needs root and Debian 12.
# Usage: deploy/containers/setup.sh        then, in every shell: source "$CTR_HOME/env.sh"
set -euo pipefail
CTR_HOME=${CTR_HOME:-/var/tmp/ctr}
BASE_IMAGE=${BASE_IMAGE:-localhost/debian-py:bookworm}
mkdir -p "$CTR_HOME"/{storage,run,tmp}
for tool in buildah podman debootstrap runc; do
  command -v "$tool" >/dev/null || {
    apt-get install -y -q buildah podman debootstrap runc >/dev/null ||
      { apt-get update -q >/dev/null && apt-get install -y -q buildah podman debootstrap runc >/dev/null; }
    break
  }
done

cat >"$CTR_HOME/storage.conf" <<CONF
[storage]
driver = "overlay"
runroot = "$CTR_HOME/run"
graphroot = "$CTR_HOME/storage"
CONF
# runc, not crun: crun refuses a hybrid cgroup v1+v2 layout. The ulimits: the hard limits
# cannot be raised on these machines, and podman's defaults are above them.
cat >"$CTR_HOME/containers.conf" <<'CONF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
CONF
cat >"$CTR_HOME/env.sh" <<ENV
export CONTAINERS_STORAGE_CONF=$CTR_HOME/storage.conf CONTAINERS_CONF=$CTR_HOME/containers.conf TMPDIR=$CTR_HOME/tmp
ENV
. "$CTR_HOME/env.sh"

if podman image exists "$BASE_IMAGE"; then exit 0; fi
mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
[ -n "$mirror" ] || mirror=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list)
rootfs="$CTR_HOME/rootfs"; rm -rf "$rootfs"
debootstrap --variant=minbase --include=python3,python3-venv,python3-pip,ca-certificates \
  bookworm "$rootfs" "$mirror" >/dev/null
# BentoML's Dockerfile installs uv with pip when it is missing; bookworm's pip refuses (PEP 668).
wheels=$(mktemp -d) && pip download -q uv --no-deps -d "$wheels" && cp "$wheels"/uv-*.whl "$rootfs/tmp/"
chroot "$rootfs" sh -c 'pip install -q --break-system-packages --no-index --no-cache-dir /tmp/uv-*.whl && rm /tmp/uv-*.whl'
chroot "$rootfs" apt-get clean; rm -rf "$rootfs"/var/lib/apt/lists/*
tar -C "$rootfs" -c . | podman import --change 'CMD ["/bin/bash"]' - "$BASE_IMAGE" >/dev/null
rm -rf "$rootfs" "$wheels"
echo "built $BASE_IMAGE" >&2
