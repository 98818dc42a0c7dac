#!/usr/bin/env bash
# ci/cp313t.sh: CPython 3.13 free-threaded (--disable-gil), built from Debian trixie's source
# package (signed checksums checked by apt) into target/matrix/cp313t. About 5 minutes on 2
# cores; stamped, so a kept build is reused in a second.
source "$(dirname "$0")/lib.sh"

version=3.13.5
prefix=$MATRIX/cp313t
stamped cp313t "$version" && [[ -x $prefix/bin/python3.13t ]] && exit 0

"$(dirname "$0")/host.sh"
host_install build-essential libssl-dev zlib1g-dev libffi-dev libbz2-dev liblzma-dev \
    libsqlite3-dev libreadline-dev uuid-dev
started=$SECONDS
mapfile -t apt_opts < <(private_apt trixie)
src=$MATRIX/src/cp313t
rm -rf "$src"
mkdir -p "$src"
(cd "$src" && apt-get "${apt_opts[@]}" source --download-only python3.13 >&2)
orig=$(ls "$src"/python3.13_"$version"*.orig.tar.xz 2>/dev/null | head -1)
[[ -n $orig ]] || { log "trixie no longer has python3.13 $version: $(ls "$src")"; exit 1; }
tar -C "$src" -xf "$orig"
build=$(find "$src" -maxdepth 1 -mindepth 1 -type d | head -1)
log "building $(basename "$build") free-threaded into $prefix"
rm -rf "$prefix"
(cd "$build" &&
    ./configure -q --prefix="$prefix" --enable-shared --disable-gil --without-ensurepip \
        LDFLAGS="-Wl,-rpath,$prefix/lib" >&2 &&
    make -s -j"$(nproc)" >&2 && make -s install >/dev/null)
# pip comes from the wheel the sources bundle, so venvs work without network for pip itself.
"$prefix/bin/python3.13t" -m ensurepip >&2 || true
rm -rf "$src"
stamp cp313t "$version"
log "cp313t ready in $((SECONDS - started)) s"
