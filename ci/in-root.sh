#!/usr/bin/env bash
# ci/in-root.sh SUITE CMD…: runs CMD inside the debootstrap root of SUITE (ci/root.sh), in a
# private mount namespace: /proc, /dev, the Rust toolchain, $CARGO_HOME and the work tree are
# bind-mounted at the same paths, so the host's cargo and rustc build with the root's C
# compiler and libraries. Builds go to target/matrix/build/SUITE (CARGO_TARGET_DIR and
# PYROXIDE_BUILD_DIR): what is linked against the root's glibc never mixes with the host's.
source "$(dirname "$0")/lib.sh"

suite=${1:?usage: ci/in-root.sh SUITE CMD…}
shift
root=$MATRIX/roots/$suite
[[ -x $root/usr/bin/python3 ]] || { log "no $suite root: run ci/root.sh $suite"; exit 2; }
sysroot=$(rustc --print sysroot)
cargo_home=${CARGO_HOME:-$HOME/.cargo}
build=$MATRIX/build/$suite
mkdir -p "$build"
# The host's network settings (proxies, CA bundles, pip's configuration) go in with the same
# values; files and folders they name are bind-mounted at the same paths.
passed=() binds=()
for var in SSL_CERT_FILE SSL_CERT_DIR CURL_CA_BUNDLE REQUESTS_CA_BUNDLE PIP_CERT PIP_FIND_LINKS \
    PIP_INDEX_URL PIP_EXTRA_INDEX_URL PIP_TRUSTED_HOST PIP_DEFAULT_TIMEOUT PIP_CONFIG_FILE \
    http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY; do
    [[ -n ${!var:-} ]] || continue
    passed+=("$var=${!var}")
    [[ -e ${!var} ]] && binds+=("${!var}")
done
[[ -e /etc/pip.conf ]] && binds+=(/etc/pip.conf)
# Inside the namespace: bind what the build needs, then chroot with a clean environment.
# shellcheck disable=SC2016
exec unshare -m --propagation private bash -euc '
root=$1 sysroot=$2 cargo_home=$3 repo=$4 build=$5 cwd=$6 nbinds=$7
shift 7
bind() {
    if [[ -d $1 ]]; then
        mkdir -p "$root$1"
    else
        mkdir -p "$(dirname "$root$1")" && touch "$root$1"
    fi
    mount --rbind "$1" "$root$1"
}
for ((i = 0; i < nbinds; i++)); do
    bind "$1"
    shift
done
nenv=$1
env=("${@:2:nenv}")
shift $((nenv + 1))
bind /proc
bind /dev
bind "$sysroot"
bind "$cargo_home"
bind "$repo"
mkdir -p "$root/tmp" && mount -t tmpfs tmpfs "$root/tmp"
exec chroot "$root" /usr/bin/env -i \
    HOME=/root TERM="${TERM:-dumb}" LANG=C.UTF-8 \
    PATH="$sysroot/bin:$cargo_home/bin:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin" \
    CARGO_HOME="$cargo_home" \
    CARGO_TARGET_DIR="$build/target" PYROXIDE_BUILD_DIR="$build" PYROXIDE_IN_ROOT=1 \
    CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}" RUST_BACKTRACE=0 "${env[@]}" \
    bash -c "cd \"\$0\" && exec \"\$@\"" "$cwd" "$@"
' in-root "$root" "$sysroot" "$cargo_home" "$REPO" "$build" "$(pwd)" \
    "${#binds[@]}" "${binds[@]}" "${#passed[@]}" "${passed[@]}" "$@"
