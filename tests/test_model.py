"""The decision model: weights from dictionaries/model.json, evidence on every finding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from normalize import model
from normalize.decide import FIX_MARGIN
from normalize.engine import default
from normalize.errors import DictionaryError
from normalize.features import FEATURES
from normalize.lexicon import dictionaries_dir


def test_the_shipped_model_weighs_every_feature_and_says_how_it_was_set() -> None:
    data = json.loads((dictionaries_dir() / model.MODEL_FILE).read_text(encoding="utf-8"))
    assert set(data["weights"]) == set(FEATURES)
    assert data["fitted"]["method"]


def test_a_model_without_a_weight_for_a_feature_is_a_dictionary_error(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"weights": {"edit_cost": -1.0}}), encoding="utf-8")
    with pytest.raises(DictionaryError, match="no weight for"):
        model.read(path, frozenset(FEATURES))
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(DictionaryError, match="cannot read"):
        model.read(path, frozenset(FEATURES))


def test_the_runner_up_gap_a_fix_needs_is_read_with_the_weights(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    weights = {name: 0.0 for name in FEATURES}
    path.write_text(json.dumps({"weights": weights}), encoding="utf-8")
    assert model.read(path, frozenset(FEATURES)).fix_gap == FIX_MARGIN  # as before there was one
    path.write_text(json.dumps({"weights": weights, "fix_gap": 0.8}), encoding="utf-8")
    assert model.read(path, frozenset(FEATURES)).fix_gap == 0.8
    path.write_text(json.dumps({"weights": weights, "fix_gap": "low"}), encoding="utf-8")
    with pytest.raises(DictionaryError, match="fix_gap"):
        model.read(path, frozenset(FEATURES))


def test_a_fix_needs_the_model_s_gap_over_the_runner_up() -> None:
    from normalize.engine import Normalizer

    shipped = default()
    text = "Talks resumed in Istambul."
    assert [(f.text, f.replacement) for f in shipped.check(text).fixes] == [("Istambul", "Istanbul")]
    wide = Normalizer(shipped.lexicon, model=model.Model(shipped.model.weights, fix_gap=50.0))
    (finding,) = wide.check(text).findings
    assert finding.replacement is None and finding.suggestions[0] == "Istanbul"  # a rival within 50: suggested


def test_rank_only_features_order_candidates_but_leave_the_margin() -> None:
    m = model.Model({"word_prior": 1.0, "edit_cost": -1.0, "bigram_support": 0.8, "typed_zipf": -1.0})
    f = {"word_prior": 5.0, "edit_cost": 2.0, "bigram_support": 1.0}
    assert m.score(f) == pytest.approx(3.8)
    assert m.margin(f, {"typed_zipf": 1.0}) == pytest.approx(2.0)
    assert ("bigram_support", 1.0, 0.8) not in m.evidence(f, {})


def test_margin_only_features_count_the_context_once_in_the_ranking() -> None:
    m = model.Model({"word_prior": 1.0, "bigram_support": 0.8, "context_support": 0.5, "typed_zipf": -1.0})
    f = {"word_prior": 5.0, "bigram_support": 1.0, "context_support": 1.0}
    assert m.score(f) == pytest.approx(5.8)  # bigram_support ranks; its copy context_support does not rank again
    assert m.margin(f, {"typed_zipf": 1.0}) == pytest.approx(4.5)  # but counts as evidence of a slip
    assert ("context_support", 1.0, 0.5) in m.evidence(f, {})


def test_each_fix_carries_the_terms_of_its_margin() -> None:
    report = default().check("Kremlin spokesman Kmitry Peskov said nothing.")
    fixes = {f.text: f for f in report.fixes}
    assert set(fixes) == {"Kmitry"}
    terms = {name: (value, weight) for name, value, weight in fixes["Kmitry"].evidence}
    assert terms["same_name"] == (1.0, default().model.weights["same_name"])  # beside Peskov, as in Dmitry Peskov
    assert terms["edit_cost"][1] < 0
    assert sum(v * w for v, w in terms.values()) >= FIX_MARGIN - 0.01


def test_a_different_model_changes_the_decision() -> None:
    from normalize.engine import Normalizer

    text = "Kremlin spokesman Kmitry Peskov spoke."
    shipped = default()
    weights = dict(shipped.model.weights, edit_cost=-5.0)  # slips made far dearer
    doubtful = Normalizer(shipped.lexicon, model=model.Model(weights))
    assert [f.replacement for f in shipped.check(text).findings] == ["Dmitry"]
    assert [f.replacement for f in doubtful.check(text).fixes] == []


def test_fitted_weights_keep_the_hand_set_ones_beside_them_for_comparison() -> None:
    hand_set = model.Model({"edit_cost": -1.0, "word_prior": 1.0})
    assert hand_set.hand_set() is hand_set  # hand-set weights are their own
    record = {"method": "fitted", "hand_set_weights": {"edit_cost": -1.0, "word_prior": 1.0}, "hand_set_fix_gap": 1.0}
    fitted = model.Model({"edit_cost": -1.4, "word_prior": 0.8, "new_feature": 0.5}, record, fix_gap=0.9)
    hand = fitted.hand_set()
    assert dict(hand.weights) == {"edit_cost": -1.0, "word_prior": 1.0, "new_feature": 0.5}  # added since: hand-set
    assert hand.fix_gap == 1.0


def test_the_last_fit_is_kept_in_the_record_even_when_hand_set_weights_ship() -> None:
    record = {"method": "hand-set", "fitted_weights": {"edit_cost": -1.4, "gone_feature": 2.0}, "fix_gap": 0.9}
    shipped = model.Model({"edit_cost": -1.0, "word_prior": 1.0}, record)
    fit = shipped.last_fit()
    assert dict(fit.weights) == {"edit_cost": -1.4, "word_prior": 1.0}  # word_prior added since: as shipped
    assert fit.fix_gap == 0.9
    assert model.Model({"edit_cost": -1.0}).last_fit().weights == {"edit_cost": -1.0}  # no fit recorded
