"""What a test leaves behind for a person to look at: names and measurements.

Everything goes to one folder (`tests/e2e/artifacts/` unless
`EARMARK_E2E_ARTIFACTS` says otherwise), named after the test:
`<test>.png` (the screen), `<test>.log` (the app's output), `<test>.json`
(numbers it measured), `<test>.capture.wav` (the sound it heard).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path


def artifact_name(test_name: str) -> str:
    """A file-name-safe form of a test's name (parametrized ids included)."""
    return re.sub(r"[^\w.-]+", "_", test_name).strip("_")


@dataclass
class Measurements:
    """Numbers a test measured, saved as JSON when the test ends."""

    values: dict[str, object] = field(default_factory=dict)

    def __setitem__(self, key: str, value: object) -> None:
        self.values[key] = value

    def __getitem__(self, key: str) -> object:
        return self.values[key]

    def update(self, values: dict[str, object]) -> None:
        self.values.update(values)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.values, indent=2, default=str) + "\n")
