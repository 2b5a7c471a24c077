"""Changes to clean encyclopedic copy: gensim's shortened English Wikipedia dump, split in two.

    python benchmarks/wikipedia.py [--half odd|even|both] [--limit N]

The copy is the test dump that gensim ships
(``gensim/test/test_data/enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2``),
read at run time from an installed gensim (``pip install gensim==4.4.0``) or from
``NORMALIZE_WIKI_DUMP``; nothing of it is copied here. Articles (namespace 0, no
redirects) are stripped of markup with gensim's ``filter_wiki`` and its bold and
italic quotes; a line is prose when it does not start with markup (``= * # | { ! : ; <``),
has 10 words or more and ends a sentence (``. ! ? " )``). An article with no prose line
is left out; each kept article is checked as one document, its lines as paragraphs.

The split is fixed here so that it is reproducible: the kept articles are numbered from
1 in the dump's order; the **odd**-numbered ones may be read and tuned on, the
**even**-numbered ones are reported as an aggregate count only. Their changes are never
listed, and ``--half even`` prints nothing but counts. Every fix-level change counts,
genuine typos of the source included; the odd half's listing (with each finding's
evidence) goes to results/wikipedia_changes_odd.txt (git-ignored).
"""

from __future__ import annotations

import bz2
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import click  # noqa: E402

from benchmarks import report  # noqa: E402
from benchmarks.other_news import gensim_test_data  # noqa: E402
from benchmarks.tokens import tokens  # noqa: E402
from normalize.types import Finding  # noqa: E402

DUMP = "enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"
MARKUP_STARTS = "=*#|{!:;<"
MIN_WORDS = 10
SENTENCE_ENDS = (".", "!", "?", '"', ")")


def dump_path() -> Path | None:
    """NORMALIZE_WIKI_DUMP, else the dump in an installed gensim's test data."""
    env = os.environ.get("NORMALIZE_WIKI_DUMP")
    if env:
        return Path(env)
    data = gensim_test_data()
    return None if data is None else data / DUMP


def prose_lines(wikitext: str) -> list[str]:
    """The prose lines of one article's wikitext (markup stripped by gensim's filter_wiki)."""
    from gensim.corpora.wikicorpus import filter_wiki

    out = []
    for line in filter_wiki(wikitext).replace("'''", "").replace("''", "").split("\n"):
        s = line.strip()
        if not s or s[0] in MARKUP_STARTS or len(s.split()) < MIN_WORDS or not s.endswith(SENTENCE_ENDS):
            continue
        out.append(s)
    return out


def articles(path: Path) -> Iterator[tuple[int, str, str]]:
    """(number from 1, title, text) of each article with prose, in the dump's order."""
    from gensim.corpora.wikicorpus import extract_pages

    n = 0
    with bz2.open(path) as fh:
        for title, text, _pageid in extract_pages(fh, filter_namespaces=("0",)):
            if text.lstrip().lower().startswith("#redirect"):
                continue
            lines = prose_lines(text)
            if lines:
                n += 1
                yield n, title, "\n\n".join(lines)


def half_of(n: int) -> str:
    """The split: odd-numbered articles are for tuning, even-numbered ones for an aggregate count."""
    return "odd" if n % 2 else "even"


def _line(n: int, title: str, text: str, f: Finding) -> str:
    """One odd-half change with its context and the model's nonzero terms."""
    left, right = text[max(0, f.start - 50) : f.start], text[f.end : f.end + 50]
    ctx = (left + "[[" + f.text + "]]" + right).replace("\n", " ")
    terms = " ".join(f"{name}={value:g}*{weight:g}" for name, value, weight in f.evidence if value)
    return f"{n}\t{title}\t{f.text}\t{f.replacement}\t{f.kind}\t{f.rule}\t{f.confidence}\t…{ctx}…\t{terms}"


@click.command()
@click.option("--half", type=click.Choice(["odd", "even", "both"]), default="both", show_default=True)
@click.option("--limit", type=int, default=0, help="only the first N articles of each half (0: all)")
def main(half: str, limit: int) -> None:
    path = dump_path()
    if path is None or not path.exists():
        raise SystemExit("Wikipedia dump not found: pip install gensim==4.4.0, or set NORMALIZE_WIKI_DUMP")
    from normalize.engine import default

    check = default().check
    halves = ("odd", "even") if half == "both" else (half,)
    counts = {h: {"articles": 0, "words": 0, "changes": 0} for h in halves}
    lines: list[str] = []
    t0 = time.perf_counter()
    for n, title, text in articles(path):
        h = half_of(n)
        if h not in halves or (limit and counts[h]["articles"] >= limit):
            continue
        counts[h]["articles"] += 1
        counts[h]["words"] += sum(1 for tok in tokens(text) if not tok.skip)
        for f in check(text).findings:
            if f.action != "fix" or f.replacement is None or f.replacement == f.text:
                continue
            counts[h]["changes"] += 1
            if h == "odd":
                lines.append(_line(n, title, text, f))
    seconds = time.perf_counter() - t0
    for h, c in counts.items():
        c["per_10k"] = round(10_000 * c["changes"] / c["words"], 2) if c["words"] else 0.0
        print(f"{h}: {c['articles']} articles, {c['words']:,} words, {c['changes']} changes ({c['per_10k']} per 10k)")
    print(f"{seconds:.0f} s", file=sys.stderr)
    if "odd" in counts:
        report.RESULTS.mkdir(exist_ok=True)
        out = report.RESULTS / "wikipedia_changes_odd.txt"
        head = "n\ttitle\toriginal\treplacement\tkind\trule\tconfidence\tcontext\tevidence\n"
        out.write_text(head + "\n".join(lines) + "\n", encoding="utf-8")
        print(f"odd half's changes: {out}", file=sys.stderr)
    (report.RESULTS / f"wikipedia_{half}.json").write_text(json.dumps(counts, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
