"""Fixing is idempotent and deterministic, and offsets slice the input, on generated text
(issue 15, item 8): random Unicode with mixed scripts, right-to-left letters, combining
marks and emoji, Markdown and HTML around prose, and names of officials and places with
typos typed into them.

``NORMALIZE_FUZZ_EXAMPLES`` sets how many examples each property draws (default 2,000,
what CI runs); a long campaign: ``NORMALIZE_FUZZ_EXAMPLES=20000 pytest tests/test_fix_properties.py``.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalize import check_document
from normalize.types import Report

EXAMPLES = int(os.environ.get("NORMALIZE_FUZZ_EXAMPLES", "2000"))
FORMATS = ("text", "markdown", "html")

# Written for this test: names the lists hold, and words around them.
NAMES = [
    "Dmitry Peskov",
    "Oleksii Reznikov",
    "Volodymyr Zelensky",
    "Olaf Scholz",
    "Emmanuel Macron",
    "Kyiv",
    "Russia",
    "Mariupol",
    "Kharkiv",
    "Ukraine",
    "Moscow",
    "Berlin",
    "Zaporizhzhia",
]
WORDS = [
    "the",
    "government",
    "said",
    "minister",
    "spokesman",
    "received",
    "agreement",
    "on",
    "Monday",
    "in",
    "talks",
    "with",
    "officials",
    "of",
    "city",
    "region",
    "president",
    "foreign",
    "and",
]
LOOKALIKES = ["Α", "Β", "Ε", "Κ", "Μ", "Ο", "Р", "С", "а", "е", "о", "р", "с", "х", "ο", "ν"]
ODD = [
    "\u05e9\u05dc\u05d5\u05dd",
    "\u0645\u0631\u062d\u0628\u0627",
    "\u200f",
    "\u200d",
    "\u0301",
    "\u0308",
    "\U0001f600",
    "\U0001f1fa\U0001f1e6",
    "\u00a0",
    "\ufeff",
    "\r\n",
    "\r",
    "\t",
    "Ⅳ",
    "ﬁ",
    "ǅ",
]
MARKUP = [
    "**",
    "_",
    "`",
    "[",
    "](https://example.org/a)",
    "# ",
    "> ",
    "- ",
    "<b>",
    "</b>",
    "&nbsp;",
    "<!-- normalize: off -->",
    "[sic]",
    "<title>",
    "\n\n",
    "```\n",
    '<a href="x">',
]


@st.composite
def typo(draw: st.DrawFn, word: str) -> str:
    """``word`` with one slip a keyboard makes: a letter dropped, doubled, swapped or replaced."""
    if len(word) < 4:
        return word
    i = draw(st.integers(1, len(word) - 2))
    kind = draw(st.sampled_from(["drop", "double", "swap", "replace", "lookalike"]))
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "lookalike":
        return word[:i] + draw(st.sampled_from(LOOKALIKES)) + word[i + 1 :]
    return word[:i] + draw(st.sampled_from("aeioukmnrst")) + word[i + 1 :]


@st.composite
def piece(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["word", "word", "name", "name", "typo", "odd", "markup", "unicode"]))
    if kind == "word":
        return draw(st.sampled_from(WORDS))
    if kind == "name":
        return draw(st.sampled_from(NAMES))
    if kind == "typo":
        name = draw(st.sampled_from(NAMES + WORDS))
        return " ".join(draw(typo(part)) for part in name.split())
    if kind == "odd":
        return draw(st.sampled_from(ODD))
    if kind == "markup":
        return draw(st.sampled_from(MARKUP))
    return draw(st.text(max_size=6))


@st.composite
def documents(draw: st.DrawFn) -> str:
    parts = draw(st.lists(piece(), max_size=24))
    seps = draw(
        st.lists(
            st.sampled_from([" ", " ", " ", "", ", ", ". ", "\n", "'s ", "-"]), min_size=len(parts), max_size=len(parts)
        )
    )
    return "".join(p + s for p, s in zip(parts, seps, strict=True))


def _sound(text: str, report: Report) -> None:
    spans = [(f.start, f.end) for f in report.findings]
    assert spans == sorted(spans)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:], strict=False)), "findings overlap"
    assert all(0 <= f.start < f.end <= len(text) and text[f.start : f.end] == f.text for f in report.findings)


@pytest.mark.slow  # the real engine on many generated documents
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.sampled_from(FORMATS))
def test_fixing_twice_is_fixing_once(text: str, fmt: str) -> None:
    report = check_document(text, format=fmt)
    _sound(text, report)
    again = check_document(text, format=fmt)
    assert again.findings == report.findings, "not deterministic"
    fixed = report.fixed
    if not report.fixes:
        assert fixed == text
    second = check_document(fixed, format=fmt)
    _sound(fixed, second)
    assert second.fixed == fixed, f"fixing twice changed {[(f.text, f.replacement) for f in second.fixes]}"
