# ci/lib.sh: what the provisioning scripts share (sourced, not run): paths, stamps, the host's
# apt without the image's docker-clean hook, and a private apt configuration for other Debian
# suites whose mirror is read from the host's apt sources (never written into the repository).

set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Everything the matrix provisions lives here (roots, builds, stamps, apt lists).
MATRIX=${PYROXIDE_MATRIX_DIR:-$REPO/target/matrix}
STAMPS=$MATRIX/stamps
mkdir -p "$STAMPS"

log() { printf '[ci] %s\n' "$*" >&2; }

# stamped NAME CONTENT: true if the stamp NAME holds exactly CONTENT (the work is done).
stamped() { [[ -f $STAMPS/$1 && "$(cat "$STAMPS/$1")" == "$2" ]]; }
stamp() { printf '%s' "$2" >"$STAMPS/$1"; }

# The image's docker-clean hook deletes downloaded .debs between dpkg runs, which breaks
# installs of several packages: a configuration that clears it, for our apt-get calls only.
APT_CONF=$MATRIX/apt-keep-debs.conf
printf '#clear DPkg::Post-Invoke;\n' >"$APT_CONF"
host_apt() {
    DEBIAN_FRONTEND=noninteractive apt-get -c "$APT_CONF" -o DPkg::Lock::Timeout=600 -q -y "$@"
}

# host_install PKG…: installs whichever of the packages the host lacks.
host_install() {
    local missing=() p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
            missing+=("$p")
    done
    ((${#missing[@]} == 0)) && return 0
    [[ $(id -u) == 0 ]] || { log "missing packages: ${missing[*]} (run as root)"; return 1; }
    log "installing ${missing[*]}"
    host_apt update
    host_apt install --no-install-recommends "${missing[@]}"
}

# The host's Debian mirror (the URI that serves bookworm), from its apt sources.
mirror() {
    local uri
    uri=$(awk '/^URIs:/ {u=$2} /^Suites:/ && / bookworm( |$)/ && u ~ /\/debian\/?$/ {print u; exit}' \
        /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
    if [[ -z $uri && -f /etc/apt/sources.list ]]; then
        uri=$(awk '$1 == "deb" && $0 ~ / bookworm / {for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) {print $i; exit}}' \
            /etc/apt/sources.list)
    fi
    [[ -n $uri ]] || { log "no Debian bookworm mirror in the host's apt sources"; return 1; }
    printf '%s\n' "${uri%/}"
}

# private_apt SUITE: prints the apt-get options of a configuration of our own for SUITE (binary
# and source lines), updating its lists once (stamped per day).
private_apt() {
    local suite=$1 dir=$MATRIX/apt/$1 m
    mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial" "$dir/etc"
    local opts=(-c "$APT_CONF" -o "Dir::Etc::SourceList=$dir/etc/sources.list"
        -o Dir::Etc::SourceParts=/dev/null -o "Dir::State::Lists=$dir/lists"
        -o "Dir::Cache=$dir/cache" -o Dir::State::status=/dev/null -o Debug::NoLocking=1
        -o APT::Sandbox::User=root)
    if ! stamped "apt-$suite" "$(date +%F)"; then
        m=$(mirror)
        printf 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s %s main\n' \
            "$m" "$suite" >"$dir/etc/sources.list"
        printf 'deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s %s main\n' \
            "$m" "$suite" >>"$dir/etc/sources.list"
        apt-get "${opts[@]}" -q update >&2
        stamp "apt-$suite" "$(date +%F)"
    fi
    printf '%s\n' "${opts[@]}"
}
