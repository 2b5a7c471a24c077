"""Every finding of the engine on a sample of DEV text, as JSON lines: for diffing the
engine before and after a change (dev only: held-out documents are never read).

    python scripts/snapshot_findings.py OUT.jsonl [--every 4] [--corrupt [--select natural]]

Reads the three news files of ../shared/data/news-dev, keeps the documents that
benchmarks/split.py puts in dev, takes every N-th, and checks each clean text and (with
--corrupt) the same text with injected typos (benchmarks/inject.py, seed 7 + index; ``--select``:
the words that carry them, as accuracy.py's: natural, its default, or types).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import click  # noqa: E402

from benchmarks import split  # noqa: E402
from benchmarks.inject import select_option  # noqa: E402

DATA = ROOT.parent.parent / "shared" / "data" / "news-dev"
if not DATA.exists():
    DATA = Path("/work/shared/data/news-dev")
FILES = ("press_releases_dev.jsonl", "whitehouse_dev.jsonl", "un_general_debate_dev.jsonl")


def dev_texts(every: int) -> list[tuple[str, str]]:
    """(key, text) of every N-th dev document of each corpus."""
    out = []
    for name in FILES:
        docs = []
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            obj = json.loads(line)
            key = obj.get("link") or obj.get("url") or obj.get("source", "")
            if split.part_of(key) != "dev":
                continue
            head = obj.get("headline") or obj.get("title") or ""
            docs.append((f"{name}:{key}", head + "\n\n" + (obj.get("body") or obj.get("text") or "")))
        out += docs[::every]
    return out


def row(key: str, f: object) -> dict:
    return {
        "doc": key,
        "start": f.start,
        "text": f.text,
        "replacement": f.replacement,  # type: ignore[attr-defined]
        "action": f.action,
        "confidence": f.confidence,
        "suggestions": list(f.suggestions),  # type: ignore[attr-defined]
        "rule": f.rule,  # type: ignore[attr-defined]
    }


@click.command()
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--every", default=4, show_default=True)
@click.option("--corrupt", "with_typos", is_flag=True)
@select_option()
def main(out: str, every: int, with_typos: bool, select: str) -> None:
    from normalize.engine import default

    normalizer = default()
    rows = []
    texts = dev_texts(every)
    golden = json.loads((ROOT / "tests" / "cases" / "golden.json").read_text(encoding="utf-8"))
    texts += [(f"golden:{k}:{n}", c["input"]) for k, cases in golden.items() for n, c in enumerate(cases)]
    for k, (key, text) in enumerate(texts):
        rows += [row(key, f) for f in normalizer.check(text).findings]
        if with_typos and not key.startswith("golden"):
            from benchmarks import gazetteer
            from benchmarks.errors import ErrorModel
            from benchmarks.inject import corrupt

            if "gaz" not in globals():
                globals()["gaz"] = (gazetteer.load(False), gazetteer.broad_lexicon())
            gaz, lex = globals()["gaz"]
            bad, _ = corrupt(text, gaz, ErrorModel(lex, 7 + k), select)
            rows += [row("typos:" + key, f) for f in normalizer.check(bad).findings]
    Path(out).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    click.echo(f"{len(texts)} texts, {len(rows)} findings -> {out}", err=True)


if __name__ == "__main__":
    main()
