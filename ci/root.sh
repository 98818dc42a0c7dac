#!/usr/bin/env bash
# ci/root.sh SUITE: a Debian SUITE root (trixie or sid) made with debootstrap under
# target/matrix/roots/SUITE, with the interpreters of the matrix, their headers, venv support
# and a C toolchain. Stamped with its package list: a kept root is reused in a second.
source "$(dirname "$0")/lib.sh"

suite=${1:?usage: ci/root.sh trixie|sid}
case $suite in
trixie) pkgs=python3-venv,python3.13-dev,python3.13-dbg,python3.13-venv,pypy3-dev,pypy3-venv ;;
sid) pkgs=python3-venv,python3.14-dev,python3.14-dbg,python3.14-venv,python3.15-dev,python3.15-dbg,python3.15-venv,pypy3-dev,pypy3-venv ;;
*) log "unknown suite $suite (trixie or sid)"; exit 2 ;;
esac
pkgs=$pkgs,gcc,libc6-dev,ca-certificates
dest=$MATRIX/roots/$suite
stamped "root-$suite" "$pkgs" && [[ -x $dest/usr/bin/apt-get ]] && exit 0

"$(dirname "$0")/host.sh"
started=$SECONDS
if [[ -x $dest/usr/bin/apt-get ]]; then
    # A kept root whose package list changed: add what it lacks rather than start again.
    log "updating the $suite root's packages"
    chroot "$dest" apt-get -q update >&2
    DEBIAN_FRONTEND=noninteractive chroot "$dest" apt-get -q -y install --no-install-recommends ${pkgs//,/ } >&2
    chroot "$dest" apt-get clean
    stamp "root-$suite" "$pkgs"
    exit 0
fi
rm -rf "$dest.partial"
mkdir -p "$dest.partial"
log "debootstrap $suite into $dest"
debootstrap --variant=minbase --include="$pkgs" "$suite" "$dest.partial" "$(mirror)" >&2
chroot "$dest.partial" apt-get clean
rm -rf "$dest.partial"/usr/share/{doc,man,locale}
# The host's resolver, so pip inside the root reaches PyPI.
cp -L /etc/resolv.conf "$dest.partial/etc/resolv.conf" 2>/dev/null || true
rm -rf "$dest"
mv "$dest.partial" "$dest"
stamp "root-$suite" "$pkgs"
log "root $suite ready in $((SECONDS - started)) s"
