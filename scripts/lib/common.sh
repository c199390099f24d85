# Shared by scripts/*: the Debian packages dpsctp needs, installed only when missing.
# shellcheck shell=bash

DPSCTP_PACKAGES=(
  build-essential meson ninja-build pkg-config python3
  dpdk libdpdk-dev libtbb-dev libspdlog-dev libyaml-cpp-dev
  libgtest-dev libgmock-dev libbenchmark-dev libssl-dev libisal-dev libpcap-dev
  nlohmann-json3-dev libusrsctp-dev tshark iproute2 ethtool
)
# clang + libFuzzer runtime for scripts/fuzz (bounded fuzz runs in scripts/test).
DPSCTP_FUZZ_PACKAGES=(clang libclang-rt-dev)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# ensure_packages PKG...: apt-get installs the ones that are not installed yet.
ensure_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing missing packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# configure_build DIR [meson options...]: meson setup once, reconfigure never needed.
configure_build() {
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    log "configuring $dir"
    meson setup "$dir" "$@" >/dev/null
  fi
}
