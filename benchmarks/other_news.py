"""Changes to clean news of another region and era: precision beyond the dev data.

    python benchmarks/other_news.py [--tools normalize,symspell,hunspell,pyspellchecker]

The corpus is the Lee background corpus that gensim ships as test data
(``gensim/test/test_data/lee_background.cor`` and ``lee.cor``: 349 ABC news
stories of 2001, Australian and world news, about 64,000 words, Latin-1). It
is read from an installed gensim (``pip install gensim==4.4.0``) or from
``NORMALIZE_LEE_DIR``; nothing of it is copied here. Each line is one story.

Every change a tool makes to this clean copy is counted; some are real typos
of the source (the listing in results/other_news_changes_<tool>.txt, git-ignored,
is there to tell them apart). Writes results/other_news.md and .json.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import click  # noqa: E402

from benchmarks import report, tools  # noqa: E402
from benchmarks.tokens import tokens  # noqa: E402

FILES = ("lee_background.cor", "lee.cor")


def corpus_dir() -> Path | None:
    """Where the Lee corpus files are: NORMALIZE_LEE_DIR, else gensim's test data."""
    env = os.environ.get("NORMALIZE_LEE_DIR")
    if env:
        return Path(env)
    return gensim_test_data()


def gensim_test_data() -> Path | None:
    """The test data folder of an installed gensim (the Lee corpus, a Wikipedia dump), if any."""
    spec = importlib.util.find_spec("gensim")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "test" / "test_data"


def stories(directory: Path) -> list[str]:
    out: list[str] = []
    for name in FILES:
        with open(directory / name, encoding="latin-1") as fh:
            out.extend(line.strip() for line in fh if line.strip())
    return out


@click.command()
@click.option("--tools", "names", default="normalize,symspell,hunspell,pyspellchecker", show_default=True)
def main(names: str) -> None:
    directory = corpus_dir()
    if directory is None or not all((directory / f).exists() for f in FILES):
        raise SystemExit("Lee corpus not found: pip install gensim==4.4.0, or set NORMALIZE_LEE_DIR")
    texts = stories(directory)
    n_words = sum(1 for t in texts for tok in tokens(t) if not tok.skip)
    rows, data = [], {"stories": len(texts), "words": n_words, "tools": {}}
    for name in names.split(","):
        tool = tools.make(name)
        tool.warm(tok.core for t in texts for tok in tokens(t) if not tok.skip)
        t0 = time.perf_counter()
        outs = [tool.run(t) for t in texts]
        seconds = time.perf_counter() - t0
        lines = []
        for text, out in zip(texts, outs, strict=False):
            for ed in out.edits:
                left, right = text[max(0, ed.start - 40) : ed.start], text[ed.end : ed.end + 40]
                lines.append(
                    f"{text[ed.start : ed.end]}\t{ed.replacement}\t…{left}[[{text[ed.start : ed.end]}]]{right}…"
                )
        (report.RESULTS / f"other_news_changes_{name}.txt").write_text(
            "original\treplacement\tcontext\n" + "\n".join(lines) + "\n", encoding="utf-8"
        )
        per10k = round(10_000 * len(lines) / n_words, 1)
        rows.append([name, len(lines), per10k, round(n_words / seconds) if seconds else "–"])
        data["tools"][name] = {"changes": len(lines), "changes_per_10k_words": per10k}
        print(f"{name}: {len(lines)} changes ({per10k} per 10k words)", file=sys.stderr)
    md = (
        "## Changes to clean news of another region and era (Lee corpus, ABC news 2001)\n\n"
        f"{len(texts)} stories, {n_words:,} words, each checked alone. Every change counts, including\n"
        "the real typos of the source (see benchmarks/README.md for which they are).\n\n"
        + report.table(["tool", "changes", "changes / 10k words", "words/s"], rows)
    )
    report.write_section("other_news", md, data)
    print(md)


if __name__ == "__main__":
    main()
