"""Whole stories written by stop 44's reviewer (review21; none copied from any corpus).

tests/cases/stories_review21.txt: 30 stories of 11 to 12 paragraphs, of kinds review20 did not cover:
earnings (Siemens in euros, Infosys in rupees and crore, tickers), a drug trial (tirzepatide against
dulaglutide) and a new frog species, a US federal court and an English crown court, a typhoon in the
Philippines and floods on the Oder, elections and governments in Brazil, Mexico, South Africa, Nigeria,
Bihar, Indonesia and Malaysia, Slovakia and Hungary, Poland and Czechia, Thailand and the Philippines,
Cameroon, Côte d'Ivoire, Tanzania and Chile (Lula, Sheinbaum, Ramaphosa, Tinubu, Modi, Prabowo, Anwar
Ibrahim, Fico, Orbán, Tusk, Babiš, Kast), religion, a theatre review and an album review, a live blog with
timestamps, an AP wire story (KYIV, Ukraine (AP) —), a corrections column, a bulleted fact box, Brisbane
council news (en-AU), non-league football and a small town's shops, with names no list has (councillors,
players, shop owners); en-GB, en-US and en-AU, typographic quotes, em dashes, numbers and units.

Each story, as one document through the document pipeline (document.check_document, the CLI's), must come
back unchanged; so must the stories one after another in one document, ten and all 30 at a time.

tests/cases/story_slips_review21.tsv: a story, a phrase of it, the phrase with one slip, what slipped
(official, place or word); 166 slips, sentence-initial words and names the story writes right elsewhere
among them. The story with that slip must come back as the engine returns the story itself: the slip
fixed and nothing else touched.

What main got wrong at the review (tests/cases/stories_review21_left.tsv: the case, a tab, what the engine
did and the sha) runs as a strict xfail, so one that starts passing fails here until its row is removed."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from normalize import document

CASES = Path(__file__).parent / "cases"


def _stories() -> dict[str, str]:
    stories: dict[str, list[str]] = {}
    for line in (CASES / "stories_review21.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            stories[line.split()[1]] = []
        elif line.strip():
            stories[list(stories)[-1]].append(line)
    return {name: "\n\n".join(paragraphs) + "\n" for name, paragraphs in stories.items()}


STORIES = _stories()
NAMES = list(STORIES)
DIGESTS = {
    f"{NAMES[start]}-{NAMES[min(start + size, len(NAMES)) - 1]}": "\n".join(
        STORIES[name] for name in NAMES[start : start + size]
    )
    for size in (10, len(NAMES))
    for start in range(0, len(NAMES), size)
}
SLIPS = [
    tuple(row.split("\t"))
    for row in (CASES / "story_slips_review21.tsv").read_text(encoding="utf-8").splitlines()
    if row
]
_LEFT = (CASES / "stories_review21_left.tsv").read_text(encoding="utf-8").splitlines()
LEFT21 = dict(row.split("\t") for row in _LEFT if row)


@cache
def fixed(text: str) -> str:
    return document.check_document(text, format="text").fixed


def _param(case: str, *values: str) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=f"review21: {LEFT21[case]}")] if case in LEFT21 else []
    return pytest.param(*values, id=case[:60], marks=marks)


def test_the_cases_are_whole() -> None:
    assert len(STORIES) == 30
    assert all(8 <= text.count("\n\n") + 1 <= 12 for text in STORIES.values())
    assert len(SLIPS) == len(set(SLIPS)) == 166
    for name, meant, typed, kind in SLIPS:
        assert STORIES[name].count(meant) == 1
        assert sum(a != b for a, b in zip(meant.split(), typed.split(), strict=True)) == 1
        assert kind in ("official", "place", "word")
    cases = {f"story {name}" for name in STORIES} | {f"digest {name}" for name in DIGESTS}
    assert set(LEFT21) <= cases | {f"slip {name}: {typed}" for name, _, typed, _ in SLIPS}


@pytest.mark.parametrize("name", [_param(f"story {name}", name) for name in STORIES])
def test_a_story_comes_back_unchanged(name: str) -> None:
    assert fixed(STORIES[name]) == STORIES[name]


@pytest.mark.parametrize("name", [_param(f"digest {name}", name) for name in DIGESTS])
def test_stories_one_after_another_come_back_unchanged(name: str) -> None:
    assert fixed(DIGESTS[name]) == DIGESTS[name]


@pytest.mark.parametrize(
    ("name", "meant", "typed"),
    [_param(f"slip {name}: {typed}", name, meant, typed) for name, meant, typed, _ in SLIPS],
)
def test_a_slip_in_a_story_is_fixed_and_nothing_else(name: str, meant: str, typed: str) -> None:
    assert fixed(STORIES[name].replace(meant, typed)) == fixed(STORIES[name])
