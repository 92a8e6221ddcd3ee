# Sourced by the measurement scripts: apt_install_missing DEB... installs those of the Debian
# packages that are not installed yet, running `apt-get update` only when apt cannot see one of
# them, as root or through sudo. Nothing happens when all are installed.
apt_install_missing() {
  local deb missing=() need_update=0 run=()
  for deb in "$@"; do
    dpkg-query -W -f='${Status}' "$deb" 2>/dev/null | grep -q "install ok installed" || missing+=("$deb")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  [ "$(id -u)" -eq 0 ] || run=(sudo)
  echo "installing ${missing[*]}" >&2
  for deb in "${missing[@]}"; do
    apt-cache policy "$deb" 2>/dev/null | grep -q 'Candidate: [0-9]' || need_update=1
  done
  [ "$need_update" -eq 0 ] || "${run[@]}" apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive "${run[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
}
