"""Whole stories written by stop 43's reviewer (review20; none copied from any corpus).

tests/cases/stories_review20.txt: 64 stories of 9 to 14 paragraphs, most of them one sentence, as a newsroom
files them ('# ID label', then one paragraph a line): wire copy from Kyiv, Cairo, Nairobi, Bogotá, Tokyo,
Goma and Baghdad, White House statements and fact sheets, UN briefings, a Security Council summary and a
UN spokesperson's statement, British, Irish, Scottish, American and Australian local news and politics,
football, cricket, tennis, athletics and Formula 1, markets and chips, books, music, film, food, an
obituary, a papal journey; en-GB and en-US, typographic quotes, dense with officials' and places' names in
their press spellings, and near names side by side as the news puts them (Elina Svitolina and Elena
Rybakina, Ruto and Rutte, Ishaq Dar in Dar es Salaam, Luís Montenegro and Montenegro, Rodrigo Chaves and
Hugo Chávez, Mikie Sherrill and Mike Johnson, Jon Ossoff and John Thune, Lawrence Wong and Wang Yi, Kash
Patel and cash, Sundar Pichai on Sunday, Aravind Srinivas and Arvind Krishna, Street in Somerset).

Each story, as one document through the document pipeline (document.check_document, the CLI's), must come
back unchanged; so must the stories one after another in one document, sixteen and all 64 at a time (a
newsletter, a day's wire file), where the text's own names pull harder.

tests/cases/story_slips_review20.tsv: a story, a phrase of it, the phrase with one slip, what slipped
(official, place or word); 268 slips. The story with that slip must come back as the engine returns the
story itself: the slip fixed and nothing else touched.

What main got wrong at the review (tests/cases/stories_review20_left.tsv: the case, a tab, what the engine
did and the sha) runs as a strict xfail, so one that starts passing fails here until its row is removed."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from normalize import document

CASES = Path(__file__).parent / "cases"


def _stories() -> dict[str, str]:
    stories: dict[str, list[str]] = {}
    for line in (CASES / "stories_review20.txt").read_text(encoding="utf-8").splitlines():
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
    for size in (16, len(NAMES))
    for start in range(0, len(NAMES), size)
}
SLIPS = [
    tuple(row.split("\t"))
    for row in (CASES / "story_slips_review20.tsv").read_text(encoding="utf-8").splitlines()
    if row
]
_LEFT = (CASES / "stories_review20_left.tsv").read_text(encoding="utf-8").splitlines()
LEFT20 = dict(row.split("\t") for row in _LEFT if row)


@cache
def fixed(text: str) -> str:
    return document.check_document(text, format="text").fixed


def _param(case: str, *values: str) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=f"review20: {LEFT20[case]}")] if case in LEFT20 else []
    return pytest.param(*values, id=case[:60], marks=marks)


def test_the_cases_are_whole() -> None:
    assert len(STORIES) == 64
    assert all(9 <= text.count("\n\n") + 1 <= 15 for text in STORIES.values())
    assert len(SLIPS) == len(set(SLIPS)) == 268
    for name, meant, typed, kind in SLIPS:
        assert STORIES[name].count(meant) == 1
        assert sum(a != b for a, b in zip(meant.split(), typed.split(), strict=True)) == 1
        assert kind in ("official", "place", "word")
    cases = {f"story {name}" for name in STORIES} | {f"digest {name}" for name in DIGESTS}
    assert set(LEFT20) <= cases | {f"slip {name}: {typed}" for name, _, typed, _ in SLIPS}


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
