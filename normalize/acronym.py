"""Acronym slips: an acronym in parentheses right after the name it abbreviates (pure).

A text that spells a name out and gives its acronym in parentheses right after it
("the Food and Agriculture Organization (FAOI)") says which letters the acronym has: the
initials of the name's words. Real acronyms take liberties with them (USAID and UNHCR skip
the function words, PEPFAR keeps "for", ASEAN takes the E of Southeast, UNICEF more than one
letter of a word, CDC leaves the last word out), so the acronym as typed is read as a slip
only where no such reading explains it (``explained``: each word of the name from the first
to the last the acronym covers gives a prefix, or a prefix of the second word of a
compound, or its inner capitals; function words may give none) and where exactly one
reading of the initials (``initials``: of the name's last words, with or without its
function words) is one slip away (``edits.one_slip``): it is read as that acronym.

Features (weights in dictionaries/model.json): ``acronym_expansion`` 1 for such a reading;
``acronym_seen`` 1 where real text uses the typed acronym as a word (IFAD, EHA: the text
may spell the name out wrongly, or the acronym is another language's); ``acronym_in_document``
1 where the text writes the reading elsewhere; ``acronym_repeated`` log2 of how often the
text writes the typed acronym, if more than once (an acronym used again and again is the
text's own).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence

from normalize.context import FUNCTION_WORDS, NAME_GLUE
from normalize.edits import one_slip
from normalize.lexicon import Lexicon
from normalize.model import FIX_MARGIN, Model, confidence
from normalize.tokenize import Word
from normalize.types import Entry, Finding

ACRONYM = re.compile(r"[A-Z]{2,8}")
IN_PARENTHESES = re.compile(r" \(([A-Z]{2,8})\)")
MIN_LETTERS = 3  # a reading of two letters is too often another acronym (EU, UN)
MAX_NAME_WORDS = 12  # the words before the parenthesis read as the name, at most
# between the words of a name: spaces, a hyphen or a dash, a comma of a list, an ampersand
NAME_GAP = re.compile(r"[ \u00a0]*(?:[-\u2013\u2014,&][ \u00a0]*)?")
GLUE = FUNCTION_WORDS | NAME_GLUE | frozenset(("&",))
HYPHENS = frozenset("-\u2010\u2011")
SUGGEST_MARGIN = 0.5
MIN_COMPOUND_HALF = 3  # south|east: each half of a compound an English word of this many letters


def acronym_slips(
    text: str,
    words: Sequence[Word],
    lexicon: Lexicon,
    model: Model,
    counts: Counter[str] | None = None,
    body: tuple[int, int] | None = None,
) -> list[Finding]:
    """Findings for acronyms typed in parentheses that their name's initials read otherwise;
    ``counts``: how often the document writes each word, when ``words`` are only a piece of it;
    ``body``: the positions of the words to read (by default all)."""
    first, stop = body or (0, len(words))
    out: list[Finding] = []
    for i in _candidates(text, words, max(first, 1), stop):
        word = words[i]
        if word.skip or not ACRONYM.fullmatch(word.core) or not _in_parentheses(text, word):
            continue
        name = _name_before(text, words, i)
        reading = _reading(word.core, name, lexicon)
        if reading is None:
            continue
        if counts is None:
            counts = Counter(w.core for w in words if not w.skip)
        finding = _finding(word, reading, _features(word.core, reading, lexicon, counts), model)
        if finding is not None:
            out.append(finding)
    return out


def _candidates(text: str, words: Sequence[Word], first: int, stop: int) -> list[int]:
    """The positions from ``first`` to ``stop`` of the words that may be an acronym in
    parentheses: found by a search of the text, not a look at each word (a long text has a few
    hundred among a million words)."""
    if first >= stop:
        return []
    found = []
    for m in IN_PARENTHESES.finditer(text, max(0, words[first].token.start - 2), words[stop - 1].token.end + 1):
        i = bisect_left(words, m.start(1), first, stop, key=_start)  # (words come in text order)
        if i < stop and words[i].token.start == m.start(1):
            found.append(i)
    return found


def _start(word: Word) -> int:
    return word.token.start


def _in_parentheses(text: str, word: Word) -> bool:
    start, end = word.token.start, word.token.start + len(word.core)
    return text[start - 2 : start] == " (" and text[end : end + 1] == ")"


def _name_before(text: str, words: Sequence[Word], i: int) -> list[tuple[str, bool]]:
    """The name's units right before the parenthesis at ``i``, each (letters, required): the
    capitalized words (the letters of U.S. each a unit; the later parts of a hyphenated word
    not required) and the function words between them (not required), first to last."""
    units: list[tuple[str, bool]] = []
    j = i - 1
    gap_end = words[i].token.start - 2  # (before " (")
    while j >= 0 and i - j <= MAX_NAME_WORDS:
        w = words[j]
        gap = text[w.token.start + len(w.core) : gap_end]
        if j == i - 1:
            if gap not in ("", "'s", "\u2019s"):
                break
        elif not NAME_GAP.fullmatch(gap):
            break
        piece = None if w.skip else _units(w.core)
        if piece is None:
            break
        if units and gap in HYPHENS:
            units[0] = (units[0][0], False)  # Cut-Off: the word after the hyphen need give no letter
        units[:0] = piece
        gap_end = w.token.start
        j -= 1
    while units and not units[0][1]:
        units.pop(0)
    return units


def _units(core: str) -> list[tuple[str, bool]] | None:
    """A word's units of a name (None: no word of a name)."""
    if core.lower() in GLUE:
        return [(core, False)]
    if not core[:1].isupper():
        return None
    if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?\.?", core):
        return [(letter, True) for letter in core if letter.isalpha()]  # U.S.
    parts = [p for p in re.split(r"[-\u2010\u2011]", core) if p]
    return [(p, k == 0) for k, p in enumerate(parts) if p[:1].isalpha()]


def _reading(typed: str, name: list[tuple[str, bool]], lexicon: Lexicon) -> str | None:
    """The one acronym of the name's initials one slip from ``typed``, where no reading of the
    name explains ``typed`` itself; else None."""
    if not name or explained(typed, name, lexicon):
        return None
    near = set(one_slip(typed.lower()))
    found = {s for s in initials(name) if len(s) >= MIN_LETTERS and s.lower() in near and s != typed}
    if any(sorted(s) == sorted(typed) for s in found):
        return None  # the initials in another order: the liberty of NWFE for Food, Water, and Energy
    return found.pop() if len(found) == 1 else None


def initials(name: list[tuple[str, bool]]) -> set[str]:
    """The initials of the name's last units from each required unit on: with and without
    the units that are not required (UNHCR, PEPFAR)."""
    out = set()
    for k, (_, required) in enumerate(name):
        if required:
            out.add("".join(u[0][0].upper() for u in name[k:] if u[1]))
            out.add("".join(u[0][0].upper() for u in name[k:]))
    return out


def explained(typed: str, name: list[tuple[str, bool]], lexicon: Lexicon) -> bool:
    """Whether ``typed`` reads as the acronym of a run of the name's units that starts and ends
    with a required unit: each required unit gives one piece or more, the others none or more."""
    for k, (_, required) in enumerate(name):
        if not required:
            continue
        at = {0}
        for unit, need in name[k:]:
            at = {q for p in at for q in _after(typed, p, unit, lexicon) if q > p or not need}
            if len(typed) in at and need:
                return True
            if not at:
                break
    return False


def _after(typed: str, p: int, unit: str, lexicon: Lexicon) -> set[int]:
    """Where in ``typed`` the reading may stand after the unit gives it pieces from ``p`` on: a
    prefix of the unit, then of a later start in it (the second word of a compound, an inner
    capital), in order; ``p`` itself (no piece)."""
    starts = _starts(unit, lexicon)
    low = unit.lower()
    out = {p}
    todo = [(p, s) for s in starts[:1]]
    seen = set()
    while todo:
        q, c = todo.pop()
        if (q, c) in seen or q >= len(typed) or c >= len(low) or typed[q].lower() != low[c]:
            continue
        seen.add((q, c))
        out.add(q + 1)
        todo.append((q + 1, c + 1))
        todo.extend((q + 1, s) for s in starts if s > c)
    return out


def _starts(unit: str, lexicon: Lexicon) -> list[int]:
    """Where a piece of the unit may start: its first letter, an inner capital after a small
    letter (PhD, McDonald), the second word of a compound of two English words (Southeast)."""
    starts = [0]
    low = unit.lower()
    for j in range(1, len(unit)):
        if unit[j].isupper() and unit[j - 1].islower():
            starts.append(j)
        elif MIN_COMPOUND_HALF <= j <= len(unit) - MIN_COMPOUND_HALF and low[:j] in lexicon.words:
            if low[j:] in lexicon.words:
                starts.append(j)
    return starts


def _features(typed: str, reading: str, lexicon: Lexicon, counts: Counter[str]) -> dict[str, float]:
    f = {"acronym_expansion": 1.0}
    if lexicon.zipf(typed) > 0:
        f["acronym_seen"] = 1.0
    if counts.get(reading, 0):
        f["acronym_in_document"] = 1.0
    n = counts.get(typed, 0)
    if n > 1:
        f["acronym_repeated"] = math.log2(n)
    return f


def _finding(word: Word, reading: str, features: dict[str, float], model: Model) -> Finding | None:
    margin = model.margin(features, {})
    if margin < SUGGEST_MARGIN:
        return None
    fix = round(margin, 9) >= FIX_MARGIN
    entry = Entry(f"acronym:{reading}", reading, "word", "the initials of the name before it", "the text itself")
    return Finding(
        start=word.token.start,
        end=word.token.start + len(word.core),
        text=word.core,
        replacement=reading if fix else None,
        suggestions=(reading,),
        confidence=confidence(margin),
        kind="word",
        action="fix" if fix else "suggest",
        reason=(
            f"rule spelling: '{word.core}' in parentheses after a name whose initials are "
            f"{'likely' if fix else 'perhaps'} {reading}"
        ),
        rule="spelling",
        entry=entry,
        evidence=model.evidence(features, {}),
    )
