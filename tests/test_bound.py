"""bound.py: the bound on a word's readings is exact, so decisions are the same.

A replay checks every word that decide bounds (capitalized words, and lowercase words whose
run-together readings stay below the floor), on sentences written here and
on a sample of dev news read at run time from ../shared (skipped when absent): with the
bound in use, no reading's margin exceeds it, and the findings are those of the full
scoring. A feature that the bound does not know of (a new one, or one given a wider range
or a new weight) makes the replay fail; so does a feature that no group of bound.py has.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest

from benchmarks import split
from normalize import bound, decide, engine
from normalize.features import FEATURES
from normalize.forms import recase
from normalize.model import default as default_model

# Sentences that reach the bound's gates: titles and honorifics, places after prepositions, before
# region nouns and beside commas, lists of countries, offices of a country, a name glued by "of",
# names the text spells elsewhere, made-up names, and slips of each.
SENTENCES = (
    "Kremlin spokesman Kmitry Peskov told reporters in Moscow that Presient Putin would travel to Sochi.",
    "Foreign Minister Sergei Lavrv met Mr. Blinkne in Geneva, Switzerland, on Tuesday.",
    "Chancellor Sholz and President Macrn spoke; Chancellor Scholz later visited Kharkiv region.",
    "Delegates from Jordan, Yemenn and Ira joined the talks in Amman, Jordan, after the Minsk agreemnts.",
    "The President of Franse spoke after the people of Ukrain; the Republic of Moldva abstained.",
    "Residents of the village of Kostyantynivka fled to Kramatorks and Slovyansk in Donetsk oblast.",
    "Dr. Tedros Adhanom Ghebreyesus said Ms. Keya Sharma and Prof. Hallam were in Nairobi, Kenia.",
    "Zelenskyy met Zelensky's aides; Zelenskyy said Zelenskyy would return to Kyiv.",
    "Borunldk Tamepski and Velorina Quastmark, two people no list has, met Olaf Scholz in Berlin.",
    "In Mariupl and Berdiansk the fighting continued, said Prime Minister Denys Shmyhal.",
    "Secretary of State Antony Blinkn and Secretary Austin flew to Warsaw, Poland, and Vilnus.",
    "Ukranian and Rusian officials met at the Palais des Nations; Crown Prince Mohammed bin Salmn attended.",
)
DEV_EVERY = 25  # every so many dev documents of each corpus
DEV_CHARS = 6_000  # of each document


def _dev_texts() -> list[str]:
    texts = []
    for corpus in split.CORPORA:
        if split.available(corpus):
            texts += [d.text[:DEV_CHARS] for d in split.load("dev", corpus=corpus)[::DEV_EVERY]]
    return texts


@dataclass
class Replay:
    """What the replay saw: words bounded, words the bound found hopeless, and readings
    whose margin exceeded the bound."""

    bounded: int = 0
    hopeless: int = 0
    lowercase: int = 0  # lowercase words among the hopeless
    tight: int = 0  # names whose tighter bound (bound._tight_bound) was checked
    violations: list[str] = field(default_factory=list)


@contextmanager
def replaying() -> Iterator[Replay]:
    """While active, every word decide bounds is also scored in full."""
    seen = Replay()
    real: Callable[..., bool] = bound.hopeless

    def both(
        ctx: Any,
        i: int,
        floor: float,
        null: Any,
        names: Any,
        person: bool,
        partners: Any,
        english: bool,
        exact: Any = None,
    ) -> bool:
        ceiling = bound.margin_bound(ctx, i, null, names, person, partners, english)
        listed = ctx.words[i].core.lower() in ctx.lexicon.name_index
        scored = decide._score(ctx, i, listed, null, (names, person, partners))
        seen.bounded += 1
        out = real(ctx, i, floor, null, names, person, partners, english, exact)
        seen.hopeless += out
        seen.lowercase += out and ctx.words[i].core.islower()
        for s in scored:
            if s.candidate.entry is not None and s.candidate.entry.description == "two English words":
                continue  # (a lowercase word's run-together readings are weighed in full, not bounded)
            if s.margin > ceiling + 1e-9:
                seen.violations.append(f"{ctx.words[i].core} -> {s.candidate.text}: {s.margin:.3f} > {ceiling:.3f}")
        core = ctx.words[i].core
        parts = bound._bounds(ctx, i, null, names, person, partners, english)
        gates = bound._word_gates(ctx, i, null) if parts is not None and names else {}
        for key, dist in names if gates else ():  # the tighter bound of the names near the floor holds too
            tight = parts[0] + bound._tight_bound(ctx, i, key, dist, bound._kind(ctx, key, person), gates)
            text = recase(ctx.lexicon.display[key], core)
            for s in scored:
                if s.candidate.text == text and s.candidate.kind != "word" and s.margin > tight + 1e-9:
                    seen.violations.append(f"{core} -> {text}: {s.margin:.3f} > {tight:.3f} (tight)")
            seen.tight += 1
        if out and scored and scored[0].margin >= floor:
            seen.violations.append(f"{ctx.words[i].core}: hopeless, but {scored[0].candidate.text} reaches the floor")
        return out

    patch = pytest.MonkeyPatch()
    patch.setattr(decide, "hopeless", both)
    try:
        yield seen
    finally:
        patch.undo()


def _findings(texts: Sequence[str]) -> list[tuple[object, ...]]:
    """Every finding of a new Normalizer (one that remembers no decision) on ``texts``."""
    normalizer = engine.Normalizer()
    return [
        (n, f.start, f.text, f.replacement, f.action, f.confidence, f.suggestions, f.reason)
        for n, text in enumerate(texts)
        for f in normalizer.check(text).findings
    ]


def _same_decisions(texts: Sequence[str]) -> Replay:
    with replaying() as seen:
        bounded = _findings(texts)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(decide, "hopeless", lambda *args: False)  # the full scoring of every word
        full = _findings(texts)
    assert not seen.violations, seen.violations[:10]
    assert bounded == full
    return seen


def test_the_bound_holds_on_sentences() -> None:
    seen = _same_decisions(SENTENCES)
    assert seen.bounded >= 30
    assert 0 < seen.hopeless < seen.bounded  # it proves some words hopeless, not all


@pytest.mark.slow  # 55 dev documents replayed (-k news of a findings change still runs it)
def test_the_bound_holds_on_dev_news() -> None:
    texts = _dev_texts()
    if not texts:
        pytest.skip(f"news-dev not found at {split.data_dir()} (set NORMALIZE_NEWS_DIR)")
    seen = _same_decisions(texts)
    assert seen.hopeless > seen.bounded // 2  # most words end with nothing found
    assert seen.lowercase > 0 and seen.tight > 100


def test_a_feature_the_bound_does_not_know_breaks_the_replay(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new feature of names, weighed but in no group of bound.py: the replay notices."""
    real = decide.name_features

    def more(*args: Any, **kwargs: Any) -> Any:
        reading = real(*args, **kwargs)
        return reading._replace(features={**reading.features, "surprise": 1.0})

    monkeypatch.setattr(decide, "name_features", more)
    monkeypatch.setitem(default_model().weights, "surprise", 6.0)  # type: ignore[index]
    with replaying() as seen:
        _findings(SENTENCES[:3])
    assert seen.violations


def test_a_feature_of_english_words_the_bound_does_not_know_breaks_the_replay(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same for a new feature of English words, which lowercase words are bounded by too."""
    real = decide.word_features

    def more(*args: Any, **kwargs: Any) -> Any:
        return {**real(*args, **kwargs), "surprise": 1.0}

    monkeypatch.setattr(decide, "word_features", more)
    monkeypatch.setitem(default_model().weights, "surprise", 6.0)  # type: ignore[index]
    with replaying() as seen:
        _findings(("The agreemnt was signd in the capitl on Tuesday.",))
    assert any(v.split(" ->")[0].islower() for v in seen.violations)


def test_a_refit_keeps_the_bound_exact(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bound reads the model's weights: a refit that makes cues weigh more, or turns the
    sign of a penalty, moves it too."""
    weights = default_model().weights
    changed = {"title": 3.0, "place_preposition": 3.0, "in_document": 4.0, "name_prior": 1.5, "far_name": 1.0}
    for name, weight in changed.items():
        monkeypatch.setitem(weights, name, weight)  # type: ignore[index]
    with replaying() as seen:
        _findings(SENTENCES)
    assert not seen.violations


def test_every_feature_is_in_a_group_with_a_range() -> None:
    """A new feature must say which readings have it (and, for a reading's, its range of values)."""
    groups = bound.NULL | bound.NAME | bound.WORD | bound.SPLIT | bound.FINDING
    other_steps = {n for n in FEATURES if n.startswith(("case_", "split_", "runon_", "acronym_"))} - groups
    missing = sorted(set(FEATURES) - groups - other_steps)
    assert not missing, f"add {missing} to a group of normalize/bound.py (and its values to RANGES)"
    assert not sorted((bound.NAME | bound.WORD | bound.SPLIT) - set(bound.RANGES))
    assert all(lo <= hi for lo, hi in bound.RANGES.values())


def test_the_cost_floor_is_below_every_cost() -> None:
    from itertools import product

    from rapidfuzz.distance import OSA

    from normalize.edits import cost_floor, edit_cost

    keys = ("russia", "kyiv", "zelensky", "government", "oleksii", "dmitry", "macron")
    letters = "aeiorsktnyz"
    for key in keys:
        typos = {key[:j] + c + key[j + 1 :] for j, c in product(range(len(key)), letters)}
        typos |= {t[:j] + t[j + 1 :] for t in list(typos) for j in range(len(t))}
        typos |= {key[:j] + key[j + 1] + key[j] + key[j + 2 :] for j in range(len(key) - 1)}
        for typed in typos:
            dist = OSA.distance(typed, key)
            if not 0 < dist <= 2:
                continue
            for word in (typed, typed.capitalize()):
                floor = cost_floor(word, key, dist)
                assert floor <= edit_cost(word, key, dist) + 1e-12
                assert floor <= edit_cost(word, key, dist, slips=True) + 1e-12


def test_a_partner_is_found_as_without_the_quick_tests() -> None:
    """context.beside_partner rejects a name no neighbour can complete, and remembers the sides
    of the last word: its answers are those of the full search (context._partner) everywhere."""
    from normalize import context
    from normalize.tokenize import words

    normalizer = engine.Normalizer()
    lexicon = normalizer.lexicon
    partners = 0
    for text in SENTENCES:
        found = words(text)
        for i, word in enumerate(found):
            keys = [k for k, _ in normalizer._names.lookup(word.core)] + [word.core.lower()]
            for key in (k for k in keys if k in lexicon.name_index):
                before = tuple(w.core for w in context.name_side(found, i, -1))
                after = tuple(w.core for w in context.name_side(found, i, 1))
                full = context._partner(key, before, after, lexicon) if before or after else None
                assert context.beside_partner(found, i, key, lexicon) == full, (word.core, key)
                partners += full is not None
    assert partners >= 10


# Lowercase names beside the words of their names, after prepositions and titles, before a
# title's capitals, and common words that are also places (are, will, bin, split).
LOWERCASE = (
    "Talks in russia and north Korea resumed; vladimir Putin and joe Biden are said to meet.",
    "The paris Agreement will be signed in new York, said President zelensky of ukraine.",
    "Crown Prince Mohammed bin salman will split the costs with the republic of Malawi and Costa de marfil.",
    "They are in kyiv; we will go to kharkiv region and then to the United states and to washington state.",
)


def _case_slips_replayed(texts: Sequence[str]) -> None:
    """casing._out_of_reach is exact on ``texts``: a lowercase word it passes over gets no
    case-slip reading worth a finding, and would note no counts for a later settle pass
    (``places``); the findings are those of reading every lowercase word in full."""
    from normalize import casing
    from normalize.context import Counts

    real = casing._out_of_reach
    seen = Replay()

    def both(words: Any, i: int, lexicon: Any, in_document: Any, memo: Any, model: Any, reach: Any) -> bool:
        out = real(words, i, lexicon, in_document, memo, model, reach)
        counts = Counts(in_document)
        counts.places = []  # as in a long text's settle passes
        noted = real(words, i, lexicon, counts, memo, model, reach)
        seen.bounded += 1
        seen.hopeless += noted
        reading = casing._lowered(words, i, lexicon, counts, None, model)
        if (out or noted) and reading is not None:
            seen.violations.append(f"{words[i].core}: out of reach, but {reading}")
        if noted and counts.places:
            seen.violations.append(f"{words[i].core}: out of reach, but it notes {counts.places}")
        return out

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(casing, "_out_of_reach", both)
        bounded = _findings(texts)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(casing, "_out_of_reach", lambda *args: False)
        full = _findings(texts)
    assert not seen.violations, seen.violations[:10]
    assert bounded == full
    assert 0 < seen.hopeless < seen.bounded


def test_case_slips_out_of_reach_find_nothing() -> None:
    _case_slips_replayed(LOWERCASE)


@pytest.mark.slow  # 55 dev documents replayed twice (-k news of a findings change still runs it)
def test_case_slips_out_of_reach_find_nothing_in_dev_news() -> None:
    texts = _dev_texts()
    if not texts:
        pytest.skip(f"news-dev not found at {split.data_dir()} (set NORMALIZE_NEWS_DIR)")
    _case_slips_replayed(LOWERCASE + tuple(texts))
