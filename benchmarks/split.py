"""A frozen split of the three news corpora into ``dev`` and ``heldout`` (the test split).

Every document has a stable key: the press releases their ``link``, the White
House statements their ``url``, the UN General Debate speeches their ``source``
(the archive path of the speech). A document is ``heldout`` when the first byte
of sha256(key) is below 77 (77/256, about 30 %), otherwise ``dev``. The rule is
the one the press releases always had, so none of them moved when the other two
corpora were added. It never changes when documents are added, removed or
reordered, and needs no stored list.

Engine tuning, rules, tests and golden cases look at ``dev`` only. ``heldout``
is read by the reporting script (benchmarks/accuracy.py) and nothing else.

The data is read at run time from the shared data folder and never copied into
the repository: ``$NORMALIZE_NEWS_DIR`` (the news-dev folder) if set, else
``../shared/data/news-dev`` beside the clone; ``$NORMALIZE_NEWS_DEV`` still
names the press-release file alone.

    python benchmarks/split.py          # prints the size of each part of each corpus
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
HELDOUT_BELOW = 77  # first sha256 byte of the key below this -> heldout
DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "news-dev"


@dataclass(frozen=True, slots=True)
class Corpus:
    name: str
    file: str
    key: str  # the field that identifies a document
    kind: str  # what kind of copy, for reports


CORPORA: dict[str, Corpus] = {
    c.name: c
    for c in (
        Corpus("press", "press_releases_dev.jsonl", "link", "Kremlin and Ukrainian presidency press releases 2021-22"),
        Corpus("whitehouse", "whitehouse_dev.jsonl", "url", "White House statements 2021-25 (typographic quotes)"),
        Corpus("ungd", "un_general_debate_dev.jsonl", "source", "UN General Debate speeches 2015-22 (scanning damage)"),
    )
}
DEFAULT_DATA = DEFAULT_DIR / CORPORA["press"].file  # kept for older callers


@dataclass(frozen=True, slots=True)
class Doc:
    link: str  # the document's key (link, url or source)
    source: str
    date: str
    headline: str
    body: str
    corpus: str = "press"

    @property
    def text(self) -> str:
        """What every benchmark checks: the press releases' headline, a blank line, the body;
        the other corpora's ``text`` field as published (the White House one starts with its title)."""
        return self.headline + "\n\n" + self.body if self.corpus == "press" else self.body


def part_of(key: str) -> Part:
    """``heldout`` or ``dev`` for a document key (stable, order independent)."""
    first = hashlib.sha256(key.encode("utf-8")).digest()[0]
    return "heldout" if first < HELDOUT_BELOW else "dev"


def data_dir() -> Path:
    """The news-dev folder: $NORMALIZE_NEWS_DIR if set, else the shared data folder."""
    return Path(os.environ.get("NORMALIZE_NEWS_DIR", DEFAULT_DIR))


def data_path(corpus: str = "press") -> Path:
    """The JSONL file of one corpus ($NORMALIZE_NEWS_DEV overrides the press releases' file)."""
    if corpus == "press" and "NORMALIZE_NEWS_DEV" in os.environ:
        return Path(os.environ["NORMALIZE_NEWS_DEV"])
    return data_dir() / CORPORA[corpus].file


def available(corpus: str = "press") -> bool:
    return data_path(corpus).exists()


def load(part: Part | None = None, path: Path | None = None, corpus: str = "press") -> list[Doc]:
    """Documents of one part (or all) of one corpus, in file order."""
    docs = _read(path or data_path(corpus), CORPORA[corpus])
    return [d for d in docs if part is None or part_of(d.link) == part]


def _read(path: Path, corpus: Corpus) -> Iterator[Doc]:
    if not path.exists():
        raise SystemExit(f"news data not found at {path}: set NORMALIZE_NEWS_DIR to the news-dev folder")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            obj = json.loads(line)
            get = obj.get
            if corpus.name == "press":
                yield Doc(obj["link"], get("source", ""), get("date", ""), get("headline", ""), get("body", ""))
            else:
                key, title = obj[corpus.key], get("title", "")
                yield Doc(key, get("source", ""), get("date", ""), title, obj["text"], corpus.name)


def main() -> None:
    for corpus in CORPORA:
        if not available(corpus):
            print(f"{corpus:10} not found at {data_path(corpus)}")
            continue
        docs = load(corpus=corpus)
        for name in ("dev", "heldout"):
            part = [d for d in docs if part_of(d.link) == name]
            words = sum(len(d.text.split()) for d in part)
            print(f"{corpus:10} {name:8} {len(part):4} docs {words:7} words")


if __name__ == "__main__":
    sys.exit(main())
