"""The demo episode a fresh install opens on, as described by `assets/demo/episode.json`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DemoEpisode:
    """What the tests know about the demo: its title and show (if the metadata exists)
    and audio file."""

    title: str | None
    podcast: str | None
    audio: Path

    @classmethod
    def load(cls, demo_dir: Path) -> DemoEpisode:
        metadata_path = demo_dir / "episode.json"
        metadata = json.loads(metadata_path.read_text()) if metadata_path.exists() else {}
        return cls(
            title=metadata.get("title"),
            podcast=metadata.get("podcast"),
            audio=demo_dir / metadata.get("audio", "demo.mp3"),
        )
