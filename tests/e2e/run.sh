#!/usr/bin/env bash
# Run Earmark's end-to-end tests: tests/e2e/run.sh [pytest args...]
#
# Keeps a virtualenv at tests/e2e/.venv with requirements.txt installed
# (reinstalled only when that file changes) and runs pytest from the
# repository root. Exits with pytest's status.
#
# The app tests need the app built (target/debug/earmark, or
# $CARGO_TARGET_DIR/debug/earmark, or $EARMARK_APP_BINARY) and the system
# packages from tests/setup/install-system-deps.sh.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="$here/.venv"
python="${PYTHON:-python3}"

if [[ ! -x "$venv/bin/python" ]]; then
    "$python" -m venv "$venv"
fi

stamp="$venv/.requirements.sha256"
wanted="$(sha256sum "$here/requirements.txt" | cut -d' ' -f1)"
if [[ "$(cat "$stamp" 2>/dev/null || true)" != "$wanted" ]]; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
    echo "$wanted" > "$stamp"
fi

cd "$repo"
# Default to the whole suite unless a test path (or node id) was given.
targets=(tests/e2e)
for arg in "$@"; do
    if [[ "$arg" != -* && -e "${arg%%::*}" ]]; then
        targets=()
        break
    fi
done
exec "$venv/bin/python" -m pytest "${targets[@]}" -q "$@"
