"""scripts/fit_model.py: the conditional logit that fits dictionaries/model.json, on made-up choices,
and the record of the fit that the shipped model carries."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from normalize import model
from normalize.features import FEATURES
from normalize.lexicon import dictionaries_dir

ROOT = Path(__file__).resolve().parents[1]


def _script(name: str) -> Any:
    """scripts/NAME.py loaded as a module (scripts/ is not a package the tests import)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _fit_model() -> Any:
    pytest.importorskip("scipy", reason="scipy (the bench and test extras) fits the model; the engine never needs it")
    pytest.importorskip("sklearn", reason="scikit-learn (the bench and test extras) splits the folds")
    return _script("fit_model")


def _choices(fm: Any, n: int) -> list[Any]:
    """Typos whose candidate is common and one slip away (the right reading), and correct
    words of the same shape that text uses often (to leave as typed)."""
    out = []
    for k in range(n):
        typo = k % 2 == 0
        prior = 4.0 + (k % 5) * 0.3
        typed = 0.0 if typo else 3.5 + (k % 3) * 0.5
        out.append(
            fm.Choice(
                group=k, corpus="made-up", doc=str(k), word="w", source="typos" if typo else "clean",
                cands=[{"word_prior": prior, "edit_cost": 1.0}], null={"typed_zipf": typed, "bias": 1.0},
                texts=["word"], dist=[1], suggest_only=[False], same=[[True]], usage=[(0, False, prior)],
                lower=True, long=False, right=0 if typo else -1, keep=not typo,
            )
        )  # fmt: skip
    return out


def _setup(fm: Any, hold: frozenset[str] = frozenset(), fixed: dict[str, float] | None = None) -> Any:
    return fm.Setup(
        cost=10.0, unreachable=1.0, augment=1.0, augment_real=1.0, golden=1.0, issue=5.0, l2=0.1, toward=False,
        hold=hold, fixed=fixed or {},
    )  # fmt: skip


def _problem(fm: Any, count: int) -> tuple[Any, list[str], Any, Any]:
    """``count`` made-up choices, the feature names, their arrays and the hand-set weights."""
    import numpy as np

    choices = _choices(fm, count)
    names = list(FEATURES)
    return choices, names, fm.arrays(choices, names), np.array([model.default().weights[n] for n in names])


def test_the_fit_learns_that_a_common_typed_word_is_meant() -> None:
    fm = _fit_model()
    import numpy as np

    choices, names, a, hand = _problem(fm, 200)
    w = dict(zip(names, fm.fitted_log10(a, choices, np.arange(len(choices)), _setup(fm), hand), strict=True))
    assert w["typed_zipf"] < -0.5  # a typed word text uses is evidence against any change
    out = fm.outcomes(choices, a, np.array([w[n] for n in names]))
    margin, gap, ok, fixable = out
    fixed = [bool(fixable[k] and min(margin[k], gap[k]) >= 1.0) for k in range(len(choices))]
    assert all(fixed[k] for k in range(0, 200, 2))  # every typo fixed
    assert not any(fixed[k] for k in range(1, 200, 2))  # no correct word changed


def test_a_held_feature_keeps_its_hand_set_weight() -> None:
    fm = _fit_model()
    import numpy as np

    choices, names, a, hand = _problem(fm, 60)
    free = fm.fitted_log10(a, choices, np.arange(60), _setup(fm), hand)
    held = fm.fitted_log10(a, choices, np.arange(60), _setup(fm, frozenset({"word_prior"})), hand)
    j = names.index("word_prior")
    assert held[j] == pytest.approx(hand[j])
    assert free[j] != pytest.approx(hand[j])
    for name in ("case_shift", "runon_word", "bigram_support"):  # no example has them, or rank-only
        assert free[names.index(name)] == pytest.approx(hand[names.index(name)])
    pinned = fm.fitted_log10(a, choices, np.arange(60), _setup(fm, fixed={"word_prior": 0.25}), hand)
    assert pinned[j] == pytest.approx(0.25)  # --set: a constrained fit


def test_the_word_that_decides_an_issue_example_weighs_more() -> None:
    fm = _fit_model()
    import numpy as np

    choices, _names, _a, _hand = _problem(fm, 4)
    choices[0].source = choices[1].source = "golden"
    choices[1].decisive = True
    weights = fm.example_weights(choices, np.arange(4), _setup(fm))
    assert list(weights) == [1.0, 50.0, 1.0, 10.0]  # typos; a word to leave, x5 (--issue); a word to leave
    issue = {"why": "issue: Leyden is a city, but not hers", "input": "Ursula von der Leyden"}
    assert fm.is_issue_example(issue)
    assert not fm.is_issue_example({"why": "Leyden the word, far from any name", "input": "A Leyden jar."})


def test_the_shipped_weights_record_how_they_were_set() -> None:
    data = json.loads((dictionaries_dir() / model.MODEL_FILE).read_text(encoding="utf-8"))
    fitted = data["fitted"]
    assert fitted["method"] in ("hand-set", "fitted", "partly fitted")
    for key in ("data", "split", "date", "command", "cross_validated", "golden_cases_passed"):
        assert fitted[key], key
    kept = fitted["fitted_weights"] if fitted["method"] != "hand-set" else fitted["hand_set_weights"]
    since = fitted.get("changed_since_fit", {}).get("weights", {})  # set by hand after the fit's data was collected
    assert all(data["weights"][n] == kept[n] for n in kept if n in data["weights"] and n not in since)
    assert all(data["weights"][n] == w["now"] for n, w in since.items())
    assert "held-out" in fitted["split"] or "heldout" in fitted["split"]


def test_both_thresholds_are_chosen_for_the_most_typos_at_no_more_false_changes() -> None:
    fm = _fit_model()
    import numpy as np

    choices = _choices(fm, 4)  # a typo, a correct word, a typo, a correct word
    margin, gap = np.array([2.0, 0.5, 2.0, 0.5]), np.array([0.85, 5.0, 0.85, 5.0])
    out = (margin, gap, np.array([True, False, True, False]), np.ones(4, dtype=bool))
    limit = {"false_changes": 0, "typos_wrong": 0}
    assert fm.choose_shift(choices, out, limit)[1] == 0.0  # the gap stays 1: no typo is fixed
    shift, gap_shift = fm.choose_shift(choices, out, limit, gap_range=0.5)
    assert gap_shift == pytest.approx(-0.2)  # the nearest gap threshold to 1 that fixes both typos
    assert -0.5 < shift  # and no correct word changed


def test_the_whole_engine_bar_names_each_corpus_that_loses_and_each_new_clean_change() -> None:
    vm = _script("verify_model")
    typo = ("Moscow", "Moscw", "place")
    base = {
        ("press", "a"): {
            "changes": [],
            "typos": [(*typo, "fixed", "Moscow"), ("said", "siad", "word", "missed", "siad")],
        },
        ("ungd", "b"): {"changes": [("Comission", "Commission", 4)], "typos": [(*typo, "fixed", "Moscow")]},
    }
    cand = {
        ("press", "a"): {"changes": [("Kairova", "Kirova", 9)],
                         "typos": [(*typo, "wrong", "Moscwa"), ("said", "siad", "word", "fixed", "said")]},
        ("ungd", "b"): {"changes": [("Comission", "Commission", 4)], "typos": [(*typo, "fixed", "Moscow")]},
    }  # fmt: skip
    figures, new, moved = vm.compare(base, cand)
    assert figures["press"]["shipped"]["fixed"] == figures["press"]["candidate"]["fixed"] == 1
    assert figures["press"]["candidate"]["wrong"] == 1
    assert [(x["word"], x["fix"], x["verdict"]) for x in new] == [("Kairova", "Kirova", "unreviewed")]
    assert len(moved) == 2
    short = vm.verdict(figures, new)
    assert any("press: more wrong fixes" in s for s in short)
    assert any("Kairova -> Kirova" in s for s in short)
    assert not any(s.startswith("ungd") for s in short)
    assert vm.verdict(*vm.compare(base, base)[:2]) == []


def test_the_screen_rejects_a_blend_that_changes_clean_copy() -> None:
    fm = _fit_model()

    choices, names, a, hand = _problem(fm, 40)
    for c in choices:
        c.index = 0 if c.group < 20 else 100  # the first 20 are validation documents
    hand_out = fm.outcomes(choices, a, hand)
    bias = names.index("bias")
    looser = fm.blend(hand, hand, 1.0, -3.0, bias)  # the fix threshold 3 lower: the correct words change too
    assert looser[bias] == pytest.approx(hand[bias] + 3.0)
    same, changes = fm.screen(choices, a, hand_out, [(0.0, 0.0, hand), (1.0, -3.0, looser)], 20)
    assert same["passes"] and not same["new_clean_changes"]
    assert same["per_corpus"]["made-up"]["fixed"] == [10, 10]  # the validation typos, both models
    assert not changes["passes"]
    assert len(changes["new_clean_changes"]) == 20  # on the clean copy of every document, validation or not
    assert sum("validation" in x for x in changes["new_clean_changes"]) == 10


def test_figures_of_a_part_sum_only_its_documents() -> None:
    fm = _fit_model()
    from collections import Counter

    totals = Counter({"press:words@3": 10, "press:words@90": 5, "press:typos:injected@3": 2, "ungd:words@80": 7})
    assert fm.part_totals(totals, 80, True) == Counter({"press:words": 10, "press:typos:injected": 2})
    assert fm.part_totals(totals, 80, False) == Counter({"press:words": 5, "ungd:words": 7})


def test_the_counts_fit_learns_from_the_engine_s_own_gate_not_to_change_correct_words() -> None:
    fm = _fit_model()
    import numpy as np

    choices, names, a, hand = _problem(fm, 200)
    careless = hand.copy()
    careless[names.index("typed_zipf")] = 0.0  # a common typed word is no evidence: every correct word changes
    before = fm.fix_mask(fm.outcomes(choices, a, careless))
    assert before[1::2].all()
    setup = fm.Setup(
        cost=10.0, unreachable=1.0, augment=1.0, augment_real=1.0, golden=1.0, issue=5.0, l2=0.1, toward=True,
        hold=frozenset(), objective="counts", wrong=3.0, tau=0.3,
    )  # fmt: skip
    w = fm.fitted_log10(a, choices, np.arange(len(choices)), setup, careless)
    fixed = fm.fix_mask(fm.outcomes(choices, a, w))
    assert fixed[0::2].all()  # every typo still fixed
    assert not fixed[1::2].any()  # and no correct word changed
    assert w[names.index("typed_zipf")] < -0.3
