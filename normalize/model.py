"""The decision model: one weighted sum of named features, weights from dictionaries/model.json.

A candidate reading of a typed word has features (features.py): its prior, the
cost of the edits, what the context says. The typed word itself, read as correct,
has features too (how often text uses it, whether it is a listed name...), whose
weights are negative: they count against any change. The *margin* of a candidate
is the weighted sum of both, on a log10 scale; decide.py turns margins into fix,
suggest or nothing. A few features only rank candidates among themselves
(``RANK_ONLY``: a neighbour that makes one English word likelier than another says
nothing about whether the typed word is wrong) and are left out of the margin. Others
count in the margin only (``MARGIN_ONLY``): copies of a rank-only value that say how much
the context vouches for a slip, so that the ranking counts the context once, and evidence
that the typed word is a name of its own (beside another name's word, far from any entry),
which can only keep a word as typed, never make another reading win.

model.json holds the weights and a record of how they were set or fitted
(scripts/fit_model.py writes it). Loading it is data I/O like the lexicon's; the
rest of this module is pure.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from normalize.errors import DictionaryError

MODEL_FILE = "model.json"
RANK_ONLY = frozenset(
    {
        "bigram_support",
        "word_in_document",
        "number_prior",
        "coordinated",
        "number_clash",
        "tense_clash",
        "verb_clash",
        "closed_reading",
        "word_slips",
        "transposed",
        "far_word",
        "far_long",
        "news_context",
        "news_triple",
        "news_start",
        "weaker_cut",
        "glued_half",
    }
)
# bigram_support again, as evidence of a slip; and evidence that the typed word is a name of its
# own, which says nothing about which listed name is likelier (other_name, far_name, common_name): in the
# ranking they would widen the gap of a reading that lacks them (Oleksandr Sanchenko: Zinchenko)
# (and long_slip, which says the typed word is no word, not which reading it is)
# (and tail_slip, which takes back from the margin the typed word's tail_word, the same for every reading)
# (and compound_pair, which says a run-together word may be a compound of its own, not which reading)
# (and spaced_in_news, which says how often news copy writes that pair apart, against compound_pair)
# (and solid_news, runon_news's support for a pair whose halves readily make solid words, at a fraction)
# (and glued_function, which says a lowercase word run together with a function word is no word of its
# own: in the ranking it would lift "sit as" over sites, "in size" over inside)
# (and capitalized_use, which says how rare a name's word is in lowercase: in the ranking it would widen the gap
# of a rival over it, mkate: mate over kate, and fix words of other languages)
# (and omission_lower, which says a lowercase word with a letter left out inside is no word: in the ranking it
# would lift a rival that restores a letter over one that replaces it: exampls: examples over example)
# (and far_short, which says a short lowercase word two edits from every such reading may be a word of its
# own, not which reading it is)
MARGIN_ONLY = frozenset(
    {
        "compound_pair",
        "spaced_in_news",
        "solid_news",
        "context_support",
        "news_support",
        "news_lead",
        "pair_support",
        "runon_news",
        "glued_function",
        "far_short",
        "other_name",
        "far_name",
        "tail_slip",
        "common_name",
        "capitalized_word",
        "initial_word",
        "heading_initial",
        "name_slot",
        "long_slip",
        "unsupported",
        "far_unvouched",
        "omission_lower",
        "capitalized_use",
        "foreign_named",
    }
)
FIX_MARGIN = 1.0  # a reading this much likelier (log10) than the word as typed is fixed, not suggested
MAX_CONFIDENCE = 0.99  # a dictionary can always be missing the very name the writer meant

Features = Mapping[str, float]
Evidence = tuple[tuple[str, float, float], ...]  # (feature, value, weight): value x weight is its part of the margin


@dataclass(frozen=True, slots=True)
class Model:
    """The weights of the named features, and the gap a fix needs over the runner-up."""

    weights: Mapping[str, float]
    fitted: Mapping[str, Any] = field(default_factory=dict)  # how the weights were set: data, split, date, figures
    # a fix also needs the proposed reading's score this far above the runner-up of another
    # entity or word (log10); chosen with the weights (scripts/fit_model.py)
    fix_gap: float = FIX_MARGIN

    def score(self, features: Features) -> float:
        """A candidate's score among the readings of one word (higher is likelier)."""
        return math.fsum(self.weights[name] * value for name, value in features.items() if name not in MARGIN_ONLY)

    def margin(self, features: Features, null: Features) -> float:
        """How much likelier the candidate is than the typed word being correct (log10)."""
        return math.fsum(
            self.weights[n] * v for parts in (features, null) for n, v in parts.items() if n not in RANK_ONLY
        )

    def weigh(self, features: Features, null: Features) -> tuple[float, Evidence, tuple[tuple[str, float], ...]]:
        """``margin`` and ``evidence`` in one pass, and every feature's value (rank-only ones
        too: scripts/fit_model.py ranks the candidates with them)."""
        weights = self.weights
        products: list[float] = []
        evidence: list[tuple[str, float, float]] = []
        terms: list[tuple[str, float]] = []
        for parts in (features, null):
            for name, value in parts.items():
                if name in RANK_ONLY:
                    terms.append((name, value))
                    continue
                weight = weights[name]
                products.append(weight * value)
                terms.append((name, value))
                if value and weight:
                    evidence.append((name, round(value, 3), weight))
        return math.fsum(products), tuple(evidence), tuple(terms)

    def hand_set(self) -> Model:
        """The hand-set weights this model's record keeps beside fitted ones (for comparison), with
        the shipped weight of any feature added since (new features get a hand-set weight); the
        model itself when its weights are hand-set."""
        if self.fitted.get("method", "hand-set") == "hand-set":
            return self
        hand = {n: float(w) for n, w in self.fitted["hand_set_weights"].items() if n in self.weights}
        hand.update({n: w for n, w in self.weights.items() if n not in hand})
        return Model(hand, self.fitted, float(self.fitted.get("hand_set_fix_gap", FIX_MARGIN)))

    def last_fit(self) -> Model:
        """The weights of the last fit this model's record keeps (shipped or not), with this
        model's weight of any feature added since; the model itself when it records no fit."""
        fitted = self.fitted.get("fitted_weights")
        if not isinstance(fitted, Mapping):
            return self
        weights = dict(self.weights)
        weights.update({n: float(w) for n, w in fitted.items() if n in weights})
        return Model(weights, self.fitted, float(self.fitted.get("fix_gap", FIX_MARGIN)))

    def evidence(self, features: Features, null: Features) -> Evidence:
        """The margin's terms: each feature with its value and weight."""
        return tuple(
            (name, round(value, 3), self.weights[name])
            for parts in (features, null)
            for name, value in parts.items()
            if name not in RANK_ONLY and value and self.weights[name]
        )


def parse(data: Mapping[str, Any], known: frozenset[str], where: str = MODEL_FILE) -> Model:
    """A Model from model.json's content; every feature the engine computes needs a weight."""
    weights = data.get("weights")
    if not isinstance(weights, dict) or not all(isinstance(v, (int, float)) for v in weights.values()):
        raise DictionaryError(f"{where}: 'weights' must map feature names to numbers")
    missing = sorted(known - weights.keys())
    if missing:
        raise DictionaryError(f"{where}: no weight for {', '.join(missing)}: rebuild it with scripts/fit_model.py")
    gap = data.get("fix_gap", FIX_MARGIN)
    if not isinstance(gap, (int, float)) or not 0 < gap < 10:
        raise DictionaryError(f"{where}: 'fix_gap' must be a number between 0 and 10")
    return Model({k: float(v) for k, v in weights.items()}, data.get("fitted", {}), float(gap))


def read(path: Path, known: frozenset[str]) -> Model:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DictionaryError(f"cannot read the model weights {path}: {exc}") from None
    return parse(data, known, str(path))


@lru_cache(maxsize=1)
def default() -> Model:
    """The shipped model (dictionaries/model.json)."""
    from normalize.features import FEATURES
    from normalize.lexicon import dictionaries_dir

    return read(dictionaries_dir() / MODEL_FILE, frozenset(FEATURES))


def confidence(margin: float) -> float:
    """A reading's margin (log10 odds against the word as typed) as a probability, at most MAX_CONFIDENCE."""
    return min(MAX_CONFIDENCE, round(1.0 / (1.0 + 10 ** (-margin)), 3))
