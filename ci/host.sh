#!/usr/bin/env bash
# ci/host.sh: the host's share of the matrix: Debian's debug CPython 3.11, PyPy 3.9 with its
# headers, a C toolchain, venv support, debootstrap for the roots and libclang for bindgen.
# pyenv's CPython 3.9–3.13 come with the image and are detected by `cargo xtask matrix --list`,
# not installed here. Idempotent: a prepared host returns in well under a second.
source "$(dirname "$0")/lib.sh"

PACKAGES=(python3.11-dbg pypy3 pypy3-dev gcc libc6-dev python3-venv debootstrap
    libclang1-14 libclang-common-14-dev xz-utils dpkg-dev)
stamped host "${PACKAGES[*]}" && exit 0
host_install "${PACKAGES[@]}"
stamp host "${PACKAGES[*]}"
log "host ready"
