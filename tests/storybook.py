"""A reviewer's whole stories and the slips in them, as test cases (review20, review21, ...).

tests/cases/stories_NAME.txt holds the stories as a newsroom files them ('# ID label', then one
paragraph a line); story_slips_NAME.tsv a story, a phrase of it, the phrase with one slip and what
slipped (official, place or word; join: a lost space, the two words typed as one);
story_variants_NAME.tsv (where there is one) a story, a phrase of it and the phrase with another
accepted spelling (Zelensky, Kiev, Bozkir, Reykjavik), which must come back unchanged (but for
what the engine changes in the story itself);
stories_NAME_left.tsv what main got wrong at the review (the case, a tab, what the engine did and
the sha), which runs as a strict xfail, so that one that starts passing fails until its row is removed."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from normalize import document

CASES = Path(__file__).parent / "cases"


@cache
def fixed(text: str) -> str:
    return document.check_document(text, format="text").fixed


class Review:
    """One reviewer's cases: ``stories`` by id, ``digests`` (the stories ``digest_size`` at a time
    and all at once, and each of ``pairs`` side by side as "A+B", one document each), ``slips``
    and ``left``."""

    def __init__(self, name: str, digest_size: int, pairs: tuple[tuple[str, str], ...] = ()) -> None:
        self.name = name
        paragraphs: dict[str, list[str]] = {}
        for line in (CASES / f"stories_{name}.txt").read_text(encoding="utf-8").splitlines():
            if line.startswith("# "):
                paragraphs[line.split()[1]] = []
            elif line.strip():
                paragraphs[list(paragraphs)[-1]].append(line)
        self.stories = {story: "\n\n".join(lines) + "\n" for story, lines in paragraphs.items()}
        names = list(self.stories)
        self.digests = {
            f"{names[start]}-{names[min(start + size, len(names)) - 1]}": "\n".join(
                self.stories[story] for story in names[start : start + size]
            )
            for size in (digest_size, len(names))
            for start in range(0, len(names), size)
        }
        self.digests.update({f"{a}+{b}": self.stories[a] + "\n" + self.stories[b] for a, b in pairs})
        rows = (CASES / f"story_slips_{name}.tsv").read_text(encoding="utf-8").splitlines()
        self.slips = [tuple(row.split("\t")) for row in rows if row]
        variants = CASES / f"story_variants_{name}.tsv"
        rows = variants.read_text(encoding="utf-8").splitlines() if variants.exists() else []
        self.variants = [tuple(row.split("\t")) for row in rows if row]
        left = (CASES / f"stories_{name}_left.tsv").read_text(encoding="utf-8").splitlines()
        self.left = dict(row.split("\t") for row in left if row)

    def param(self, case: str, *values: str) -> object:
        reason = f"{self.name}: {self.left.get(case)}"
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if case in self.left else []
        return pytest.param(*values, id=case[:60], marks=marks)

    def check_whole(self, stories: int, paragraphs: tuple[int, int], slips: int) -> None:
        """The files hold what the module says, each slip one word of a phrase its story has once,
        and every row of ``left`` names a case."""
        assert len(self.stories) == stories
        assert all(paragraphs[0] <= text.count("\n\n") + 1 <= paragraphs[1] for text in self.stories.values())
        assert len(self.slips) == len(set(self.slips)) == slips
        for story, meant, typed, kind in self.slips:
            assert self.stories[story].count(meant) == 1
            if kind == "join":  # two words of the phrase typed as one
                words, joined = meant.split(), typed.split()
                glued = (words[:k] + [words[k] + words[k + 1]] + words[k + 2 :] for k in range(len(words) - 1))
                assert joined in glued
            else:
                assert sum(a != b for a, b in zip(meant.split(), typed.split(), strict=True)) == 1
            assert kind in ("official", "place", "word", "join")
        assert len(self.variants) == len(set(self.variants))
        for story, written, other in self.variants:
            assert self.stories[story].count(written) == 1 and written != other
        cases = {f"story {story}" for story in self.stories} | {f"digest {d}" for d in self.digests}
        cases |= {f"variant {story}: {other}" for story, _, other in self.variants}
        assert set(self.left) <= cases | {f"slip {story}: {typed}" for story, _, typed, _ in self.slips}

    def story_params(self) -> list[object]:
        return [self.param(f"story {story}", story) for story in self.stories]

    def digest_params(self) -> list[object]:
        return [self.param(f"digest {digest}", digest) for digest in self.digests]

    def variant_params(self) -> list[object]:
        cases = self.variants
        return [self.param(f"variant {story}: {other}", story, written, other) for story, written, other in cases]

    def slip_params(self) -> list[object]:
        return [self.param(f"slip {story}: {typed}", story, meant, typed) for story, meant, typed, _ in self.slips]


def story_tests(
    review: Review, stories: int, paragraphs: tuple[int, int], slips: int
) -> dict[str, Callable[..., None]]:
    """The four tests of a reviewer's module, by name, for its globals(): the files are whole, each
    story and each digest comes back unchanged, each slip is fixed with nothing else touched."""

    def test_the_cases_are_whole() -> None:
        review.check_whole(stories, paragraphs, slips)

    @pytest.mark.parametrize("name", review.story_params())
    def test_a_story_comes_back_unchanged(name: str) -> None:
        assert fixed(review.stories[name]) == review.stories[name]

    @pytest.mark.parametrize("name", review.digest_params())
    def test_stories_one_after_another_come_back_unchanged(name: str) -> None:
        assert fixed(review.digests[name]) == review.digests[name]

    @pytest.mark.parametrize(("name", "meant", "typed"), review.slip_params())
    def test_a_slip_in_a_story_is_fixed_and_nothing_else(name: str, meant: str, typed: str) -> None:
        assert fixed(review.stories[name].replace(meant, typed)) == fixed(review.stories[name])

    @pytest.mark.parametrize(("name", "written", "other"), review.variant_params())
    def test_another_accepted_spelling_comes_back_unchanged(name: str, written: str, other: str) -> None:
        story = review.stories[name]
        assert fixed(story.replace(written, other)) == fixed(story).replace(written, other)

    tests = (
        test_the_cases_are_whole,
        test_a_story_comes_back_unchanged,
        test_stories_one_after_another_come_back_unchanged,
        test_a_slip_in_a_story_is_fixed_and_nothing_else,
    )
    if review.variants:
        tests += (test_another_accepted_spelling_comes_back_unchanged,)
    return {test.__name__: test for test in tests}
