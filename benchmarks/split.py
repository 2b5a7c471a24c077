"""A fixed split of the news development set into ``dev`` and ``heldout``.

The split is a pure function of each document's ``link``: a document is
``heldout`` when the first byte of sha256(link) is below 77 (77/256, about 30 %),
otherwise ``dev``. It never changes when documents are added, removed or
reordered, and needs no stored list. Engine tuning may look at ``dev`` only;
the benchmarks evaluate on ``heldout``.

The data is read at run time from the shared data folder and never copied into
the repository.

    python benchmarks/split.py          # prints the size of each part
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Part = Literal["dev", "heldout"]
HELDOUT_BELOW = 77  # first sha256 byte of the link below this -> heldout
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "news-dev" / "press_releases_dev.jsonl"


@dataclass(frozen=True, slots=True)
class Doc:
    link: str
    source: str
    date: str
    headline: str
    body: str

    @property
    def text(self) -> str:
        """What every benchmark checks: the headline, a blank line, the body."""
        return self.headline + "\n\n" + self.body


def part_of(link: str) -> Part:
    """``heldout`` or ``dev`` for a document link (stable, order independent)."""
    first = hashlib.sha256(link.encode("utf-8")).digest()[0]
    return "heldout" if first < HELDOUT_BELOW else "dev"


def data_path() -> Path:
    """The JSONL file: $NORMALIZE_NEWS_DEV if set, else the shared data folder."""
    return Path(os.environ.get("NORMALIZE_NEWS_DEV", DEFAULT_DATA))


def load(part: Part | None = None, path: Path | None = None) -> list[Doc]:
    """Documents of one part (or all), in file order."""
    return [d for d in _read(path or data_path()) if part is None or part_of(d.link) == part]


def _read(path: Path) -> Iterator[Doc]:
    if not path.exists():
        raise SystemExit(f"news data not found at {path}: set NORMALIZE_NEWS_DEV to the JSONL file")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                obj = json.loads(line)
                get = obj.get
                yield Doc(obj["link"], get("source", ""), get("date", ""), get("headline", ""), get("body", ""))


def main() -> None:
    docs = load()
    for name in ("dev", "heldout"):
        part = [d for d in docs if part_of(d.link) == name]
        words = sum(len(d.text.split()) for d in part)
        print(f"{name:8} {len(part):4} docs {words:7} words")


if __name__ == "__main__":
    sys.exit(main())
