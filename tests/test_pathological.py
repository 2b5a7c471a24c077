"""Pathological inputs take work linear in their size (issue 15, items 7 and 14).

The work is counted, not timed, so that no host, however slow or busy, moves it: a trace
hook counts each call of a Python function and each line of Python run, and a profile hook
each call of a built-in one (``_work``). Each shape is counted at n, 2n and 4n characters;
the work added from 2n to 4n is twice that added from n to 2n when the work is linear (start-up
and other constant work cancel) and four times when it is quadratic (``GROWTH`` is between).
A quadratic version measures 3.7-4.0: settle's old walk over every fix for each skipped span
(settle.Moves unsearchable) 3.74, a walk over the text before each word 3.92.

A regular expression or a string method does its work inside one call, which counts as one
however far it scans: seven of the reading shapes (apostrophes.txt, letters.txt, brackets.md...)
run no more Python at 4n than at n, and their growth is the regular expressions' alone. Those
are what ``test_reading_a_megabyte_ends`` is for: each shape read at a megabyte, stopped at a
budget of CPU time hundreds of times what a linear read takes (under 0.1 s for those shapes),
which a quadratic one (the backtracking expressions of 70d7910: hours at a megabyte) exceeds.
It is a guard against a hang, not a measure: no ratio of times is taken.
"""

from __future__ import annotations

import gc
import random
import signal
import string
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

import pytest

from normalize import engine, ignore, markup
from normalize.tokenize import words

# The largest ratio of the work added from 2n to 4n to the work added from n to 2n that passes:
# 2 is linear growth, 4 quadratic (n log n is about 2.2 at these sizes); the counts do not vary
# with the host or its load, only a little with the order of a set (PYTHONHASHSEED).
GROWTH = 3.0
MEGABYTE = 1_000_000
BUDGET = 60  # seconds of CPU for reading a megabyte of a shape: linear takes 0.03-3 s, quadratic hours


def made_up_names(size: int) -> str:
    """Distinct capitalized words no list has, about ``size`` characters."""
    rnd = random.Random(size)
    return " ".join(
        rnd.choice(string.ascii_uppercase) + "".join(rnd.choice("aeioulnrstkmdp") for _ in range(7))
        for _ in range(size // 9)
    )


COMMON = "the government said on in their work plan people region partners will with this every our and of to a for"
SLIPS = (
    "Kremlin spokesman Kmitry Peskov",
    "the goverment of Rusia",
    "President Volodymyr Zlensky",
    "in Kiyv and Kharkov",
)


def no_stops(size: int) -> str:
    """Copy without full stops or blank lines, about ``size`` characters (a transcript, subtitles,
    a list, a scanned page): common words, one in seven a made-up word, and names with slips,
    in lines of a dozen words. The whole text is one sentence and one paragraph."""
    rnd, common, out = random.Random(size), COMMON.split(), []
    length = 0
    while length < size:
        r = rnd.random()
        word = "".join(rnd.choice("aeioulnrstkmdp") for _ in range(6)) if r < 0.15 else rnd.choice(common)
        out.append((rnd.choice(SLIPS) if r > 0.98 else word) + ("\n" if len(out) % 12 == 11 else " "))
        length += len(out[-1])
    return "".join(out)


# name (its extension picks the markup) -> text of about n characters
SHAPES: dict[str, Callable[[int], str]] = {
    "quotes.md": lambda n: ">" * n + " Kmitry Peskov",
    "brackets.md": lambda n: "[" * n,
    "backtick.md": lambda n: "`" + "a" * n,
    "code-spans.md": lambda n: "`a" * (n // 2),
    "open-links.md": lambda n: "[Kmitry](" * (n // 9),
    "code-in-link.md": lambda n: "[" + "`a" * (n // 2) + "](x)",
    "glued.md": lambda n: "a**b" * (n // 4),
    "templates.html": lambda n: "{% a " * (n // 5),
    "colons.rst": lambda n: "a::\n" * (n // 4),
    "literal.rst": lambda n: "p::\n\n   c\n" * (n // 10),
    "ticks.adoc": lambda n: "`a " * (n // 3),
    "delimiters.adoc": lambda n: "----\n" * (n // 5),
    "equals.org": lambda n: "=a " * (n // 3),
    "open-src.org": lambda n: "#+begin_src\n" * (n // 12),
    "open-tags.html": lambda n: "<a " * (n // 3),
    "open-quotes.html": lambda n: '<a "' * (n // 4),
    "attribute.html": lambda n: '<p title="' + "a" * n + '">Peskov</p>',
    "letters.txt": lambda n: "a" * n,
    "dots.txt": lambda n: "ab." * (n // 3),
    "hyphens.txt": lambda n: "ab-" * (n // 3),
    "apostrophes.txt": lambda n: "ab'" * (n // 3),
    "digits.txt": lambda n: "a1" * (n // 2),
    "url.txt": lambda n: "see https://example.com/" + "a" * n,
    "mail.txt": lambda n: "a" * n + "@",
    "names.txt": made_up_names,
    "sentences.txt": lambda n: "Kremlin spokesman Kmitry Peskov told the goverment of Rusia. " * (n // 60),
    "no-stops.txt": no_stops,
}
ENGINE_ONLY = {"names.txt", "sentences.txt", "no-stops.txt"}  # shapes of words the engine weighs, not of reading


def _work(f: Callable[[str], object], text: str) -> int:
    """The work of ``f(text)``: calls of Python functions, lines of Python run and calls of
    built-in functions, counted by a trace and a profile hook while it runs (and so the same
    count on any host, under any load; the hooks cost nothing when they are off)."""
    count = 0

    def trace(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        count += event in ("call", "line")
        return trace

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal count
        count += event == "c_call"

    gc.disable()  # (a collection would run finalizers of whatever came before)
    before = sys.gettrace(), sys.getprofile()
    sys.settrace(trace)
    sys.setprofile(profile)
    try:
        f(text)
    finally:
        sys.settrace(before[0])
        sys.setprofile(before[1])
        gc.enable()
    return count


def _growth(f: Callable[[str], object], make: Callable[[int], str], n: int) -> float:
    """The work added from 2n to 4n characters over the work added from n to 2n: 2 when ``f``
    works in time linear in the size of the text, 4 when quadratic. Each text is run once
    before it is counted, so that caches outside ``f`` hold what it asks whatever ran before."""
    counts = []
    for size in (n, 2 * n, 4 * n):
        text = make(size)
        f(text)
        counts.append(_work(f, text))
    first, second = counts[1] - counts[0], counts[2] - counts[1]
    return second / max(first, 1)


def _prepare(name: str) -> Callable[[str], object]:
    """Markup, ignore markers and tokenizing: what runs before any word is looked up."""

    def run(text: str) -> object:
        skip = markup.skip_spans(name, text) + ignore.ignore_spans(text)
        return words(text, skip)

    return run


def _check(name: str) -> Callable[[str], object]:
    """The whole check, lookups, decisions, settle passes and per-word context included, by a
    new engine each time (the default one's memo would hold what earlier tests asked)."""
    base = engine.default()

    def run(text: str) -> object:
        skip = markup.skip_spans(name, text) + ignore.ignore_spans(text)
        return engine.Normalizer(base.lexicon, model=base.model, rules=base.rules).check(text, skip=skip)

    return run


@contextmanager
def _budget(seconds: int) -> Iterator[None]:
    """Raise TimeoutError in the block once the process has used ``seconds`` of CPU (a
    regular expression is stopped too: it looks for signals as it works)."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"over {seconds} s of CPU")

    old = signal.signal(signal.SIGPROF, stop)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, old)


def _rescan(text: str) -> object:  # quadratic: each word walks over the text before it
    return [sum(1 for c in text[: w.token.start] if c == " ") for w in words(text)]


def test_the_count_of_work_tells_linear_from_quadratic() -> None:
    """The measure itself: tokenizing grows by 2, a walk over the text before each word by 4."""
    make = lambda n: "ab " * (n // 3)  # noqa: E731
    assert 1.9 < _growth(words, make, 300) < 2.1
    assert _growth(_rescan, make, 300) > 3.8


@pytest.mark.parametrize("name", sorted(set(SHAPES) - ENGINE_ONLY))
def test_reading_is_linear(name: str) -> None:
    assert _growth(_prepare(name), SHAPES[name], 2_000) < GROWTH


@pytest.mark.slow  # a megabyte of each shape: 0.03-3 s of CPU apiece
@pytest.mark.parametrize("name", sorted(set(SHAPES) - ENGINE_ONLY))
def test_reading_a_megabyte_ends(name: str) -> None:
    """The regular expressions' share of reading, which ``_work`` counts as one call each
    (without its look-behind, the e-mail pattern alone takes mail.txt over the budget)."""
    text, read = SHAPES[name](MEGABYTE), _prepare(name)
    with _budget(BUDGET):
        read(text)


@pytest.mark.slow  # the whole check of a megabyte of one long run: 0.1-0.3 s of CPU apiece
@pytest.mark.parametrize("name", ["letters.txt", "apostrophes.txt"])
def test_checking_a_megabyte_of_one_run_ends(name: str) -> None:
    text, check = SHAPES[name](MEGABYTE), _check(name)
    with _budget(BUDGET):
        check(text)


@pytest.mark.parametrize(
    ("name", "n"),
    [("letters.txt", 2_000), ("apostrophes.txt", 2_000), ("sentences.txt", 4_800), ("names.txt", 16_000)],
)
def test_checking_is_linear(name: str, n: int) -> None:
    assert _growth(_check(name), SHAPES[name], n) < GROWTH


@pytest.mark.slow  # a transcript's shape: some 30 s of counted work (issue 13)
def test_checking_copy_without_full_stops_is_linear() -> None:
    assert _growth(_check("no-stops.txt"), SHAPES["no-stops.txt"], 4_000) < GROWTH


def test_a_run_longer_than_any_word_is_not_prose() -> None:
    text = "The " + "a" * 200 + " goverment"
    assert [w.skip for w in words(text)] == [False, True, False]


def test_a_word_touching_a_tag_is_prose() -> None:
    """Item 5: a tag or entity beside a word no longer makes it look like a path."""
    for text in ("<p>The goverment&nbsp;agreed.</p>", "<title>Peskov and the goverment</title>"):
        found = engine.default().check(text, skip=markup.skip_spans("a.html", text))
        assert [f.text for f in found.findings] == ["goverment"], text


def test_sic_after_a_long_word_is_still_found() -> None:
    text = "x " + "a" * 5000 + " [sic] Peskov"
    assert ignore.ignore_spans(text) == [(2, 5008)]


def test_settling_many_fixes_beside_many_skipped_spans_is_linear() -> None:
    """settle carries each skip span and each later fix through the earlier fixes: with a
    search per question, not a walk over every fix (time grew with fixes x spans)."""
    from normalize.settle import settle
    from normalize.types import Finding, Report

    def stand_in(text: str, skip: object = ()) -> Report:  # "Zlensky" is sure only after "Volodymyr"
        found = []
        for word, fixed in (("Voloddymyr", "Volodymyr"), ("Zlensky", "Zelensky")):
            at = text.find(word)
            while at >= 0:
                sure = word == "Voloddymyr" or text[max(0, at - 10) : at] == "Volodymyr "
                action = "fix" if sure else "suggest"
                found.append(
                    Finding(at, at + len(word), word, fixed if sure else None, (fixed,), 0.9, "word", action, "t")
                )  # type: ignore[arg-type]
                at = text.find(word, at + 1)
        return Report(text, tuple(sorted(found, key=lambda f: f.start)))

    def run(text: str) -> object:
        skip = [(at, at + 3) for at in range(25, len(text), 29)]  # each `x`
        return settle(stand_in(text), stand_in, skip)

    assert _growth(run, lambda n: "Voloddymyr Zlensky said `x`. " * (n // 29), 2_000) < GROWTH
