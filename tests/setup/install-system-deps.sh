#!/usr/bin/env bash
# Install what building Earmark and running its tests need (Debian 12).
# Idempotent and fast on repeat runs: apt is skipped when every package is
# already installed, cargo when tauri-driver is already there.
set -euo pipefail

packages=(
    # building the Tauri app
    libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev libxdo-dev
    librsvg2-dev libasound2-dev curl
    # Opus playback links the system libopus (libopus0 at run time: see docs/decisions.md)
    libopus-dev
    # end-to-end tests: sound (JACK dummy via ALSA's jack plugin), display, driver
    libasound2-plugins alsa-utils jackd2 xvfb xauth webkit2gtk-driver
    # answering native file dialogs (OPML, audio files) by typed keys; dropping
    # files on the window (a GTK 3 drag source in the system Python, moved by xdotool)
    xdotool python3-gi gir1.2-gtk-3.0
    # test tools: screenshots, audio analysis, speech fixtures, the test venv
    imagemagick sox ffmpeg espeak-ng python3-venv
    # the aligner benchmark runs aeneas, whose C extension builds against these
    libespeak-ng-libespeak-dev python3-dev
)

TAURI_DRIVER_VERSION="2.1.0"

as_root() {
    if [[ "$(id -u)" -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

missing=()
# The UI's type check and unit tests need Node and npm; any install of them will do.
if ! command -v npm >/dev/null 2>&1; then
    packages+=(nodejs npm)
fi
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if ((${#missing[@]})); then
    echo "Installing: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
else
    echo "System packages: all ${#packages[@]} already installed."
fi

cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
if ! command -v cargo >/dev/null 2>&1 && [[ ! -x "$cargo_bin/cargo" ]]; then
    echo "Installing the Rust toolchain (rustup, stable)..."
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --component clippy,rustfmt
fi
export PATH="$cargo_bin:$PATH"
if command -v tauri-driver >/dev/null 2>&1 || [[ -x "$cargo_bin/tauri-driver" ]]; then
    echo "tauri-driver: already installed."
else
    echo "Installing tauri-driver $TAURI_DRIVER_VERSION (cargo install)..."
    cargo install tauri-driver --version "$TAURI_DRIVER_VERSION" --locked
fi
