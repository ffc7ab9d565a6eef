#!/usr/bin/env bash
# The .deb as a person gets it: tests/e2e/run-installed.sh PATH.deb
#
#   1. installs it with dpkg -i (apt-get install -f for any missing dependency)
#   2. runs test_installed.py against /usr/bin/earmark and /usr/bin/earmark-cli
#      (EARMARK_INSTALLED=1), the installed app writing its library to a kept directory
#   3. removes it with dpkg -r: none of its files stay, and the library does
#
# The last step of ./earmark-dev test. The package is removed however it ends,
# so an Earmark installed from a .deb before this is gone afterwards.
set -euo pipefail

deb="$(realpath "$1")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

as_root() {
    if [[ "$(id -u)" -eq 0 ]]; then "$@"; else sudo "$@"; fi
}
installed() {
    dpkg-query -W -f='${Status}' earmark 2>/dev/null | grep -q "install ok installed"
}

scratch="$(mktemp -d "${TMPDIR:-/tmp}/earmark-installed.XXXXXX")"
data="$scratch/earmark-data"
mkdir -p "$data"
remove_if_installed() {
    if installed; then as_root dpkg -r earmark >/dev/null || true; fi
    rm -rf "$scratch"
}
trap remove_if_installed EXIT

started=$SECONDS
if ! as_root dpkg -i "$deb"; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -f -y -q
fi
installed || { echo "earmark did not install from $deb" >&2; exit 1; }
echo "Installed $(dpkg-query -W -f='${Package} ${Version}' earmark); /usr/bin/earmark-cli says: $(/usr/bin/earmark-cli --version)"

EARMARK_INSTALLED=1 EARMARK_INSTALLED_DATA_DIR="$data" bash "$here/run.sh" "$repo/tests/e2e/test_installed.py"

files="$(dpkg-query -L earmark)"
as_root dpkg -r earmark
if installed; then
    echo "dpkg -r earmark left the package installed" >&2
    exit 1
fi
left=()
while IFS= read -r path; do
    if [[ -e "$path" && ! -d "$path" ]]; then left+=("$path"); fi
done <<< "$files"
if ((${#left[@]})); then
    echo "dpkg -r earmark left its files behind: ${left[*]}" >&2
    exit 1
fi
for kept in "$data/earmark.db" "$data/demo/demo.mp3"; do
    if [[ ! -s "$kept" ]]; then
        echo "removing the package took the user's library with it: $kept is gone" >&2
        exit 1
    fi
done
echo "Removed: no file of the package is left; the user's library ($data) is kept."
echo "Installed-package check: $((SECONDS - started)) s"
