"""scripts/fit_model.py: the conditional logit that fits dictionaries/model.json, on made-up choices,
and the record of the fit that the shipped model carries."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from conftest import load_script

from normalize import model
from normalize.features import FEATURES
from normalize.lexicon import dictionaries_dir


def _fit_model() -> Any:
    pytest.importorskip("scipy", reason="scipy (the bench and test extras) fits the model; the engine never needs it")
    pytest.importorskip("sklearn", reason="scikit-learn (the bench and test extras) splits the folds")
    return load_script("fit_model")


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


def test_both_thresholds_are_chosen_by_the_objective() -> None:
    fm = _fit_model()
    import numpy as np

    choices = _choices(fm, 4)  # a typo, a correct word, a typo, a correct word
    margin, gap = np.array([2.0, 0.5, 2.0, 0.5]), np.array([0.85, 5.0, 0.85, 5.0])
    out = (margin, gap, np.array([True, False, True, False]), np.ones(4, dtype=bool))
    assert fm.choose_shift(choices, out, 30.0, 3.0)[1] == 0.0  # the gap stays 1: no typo is fixed
    shift, gap_shift = fm.choose_shift(choices, out, 30.0, 3.0, gap_range=0.5)
    assert gap_shift == pytest.approx(-0.2)  # the nearest gap threshold to 1 that fixes both typos
    assert -0.5 < shift  # and no correct word changed
    # the typos' margins 0.7, the correct words' 0.75: fixing both typos changes both correct words
    close = (np.array([0.7, 0.75, 0.7, 0.75]), np.full(4, 5.0), *out[2:])
    assert fm.choose_shift(choices, close, 30.0, 3.0)[0] > -0.25  # not worth it at 30 misses a false change
    assert fm.choose_shift(choices, close, 0.5, 3.0)[0] <= -0.3  # worth it were a false change cheap


def test_the_whole_engine_bar_is_the_objective_on_validation_and_no_more_false_changes() -> None:
    vm = load_script("verify_model")
    typo = ("Moscow", "Moscw", "place")
    base = {
        ("press", "a"): {
            "changes": [],
            "typos": [(*typo, "fixed", "Moscow"), ("said", "siad", "word", "missed", "siad")],
        },
        ("ungd", "b"): {"changes": [("Comission", "Commission", 4)], "typos": []},  # clean copy only
    }
    cand = {
        ("press", "a"): {"changes": [("Kairova", "Kirova", 9)],
                         "typos": [(*typo, "wrong", "Moscwa"), ("said", "siad", "word", "fixed", "said")]},
        ("ungd", "b"): {"changes": [("Comission", "Commission", 4)], "typos": []},
    }  # fmt: skip
    figures, new, moved = vm.compare(base, cand)
    assert figures["press"]["base"]["fixed"] == figures["press"]["candidate"]["fixed"] == 1
    assert figures["press"]["candidate"]["wrong"] == 1
    assert [(x["word"], x["fix"], x["verdict"]) for x in new] == [("Kairova", "Kirova", "unreviewed")]
    assert len(moved) == 2
    review = {("ungd", "b", "Comission", "Commission"): "genuine"}
    scores = {"base": vm.objective(base, review), "candidate": vm.objective(cand, review)}
    assert scores["base"]["validation"]["docs"] == 1  # the document with typos; the other is clean copy only
    assert scores["base"]["objective"] == 1 + 1  # a typo fixed, a genuine error of the clean-only document
    assert scores["candidate"]["objective"] == 1 - 3 + 1 - 30  # a wrong fix, an unreviewed change
    assert scores["candidate"]["all_clean_copy"] == {"docs": 2, "genuine": 1, "false": 0, "unreviewed": 1}
    short = vm.verdict(scores, figures)
    assert any(s.startswith("objective -31.0 <= 2.0") for s in short)
    assert any("false changes of clean copy 1 > 0" in s for s in short)
    assert "press: wrong fixes 1 > 0 (base)" in short
    # a candidate that trades a few typos for a false change of hand-set's passes
    review[("press", "a", "Kairova", "Kirova")] = "false"
    better = {"base": scores["candidate"], "candidate": scores["base"]}
    assert vm.verdict(better) == []


def test_the_cache_of_whole_engine_runs_is_new_when_the_benchmark_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The key was the weights, the engine's source and the lexicon: after 659db3d changed the
    # typos the injector draws, a --cache-dir made before served the old typos' results.
    vm = load_script("verify_model")
    sources = {"normalize/engine.py": "x = 1\n", "benchmarks/inject.py": "y = 1\n", "dictionaries/a.tsv": "a\n"}
    for name, text in sources.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text)
    monkeypatch.setattr(vm, "ROOT", tmp_path)
    keys = [vm._key({"prior": 1.0}, 0.5)]
    (tmp_path / "benchmarks" / "inject.py").write_text("y = 2\n")
    keys.append(vm._key({"prior": 1.0}, 0.5))
    (tmp_path / "normalize" / "engine.py").write_text("x = 2\n")
    keys.append(vm._key({"prior": 1.0}, 0.5))
    assert len(set(keys)) == 3
    assert vm._key({"prior": 1.0}, 0.5) == keys[-1]  # and the same for the same sources


def test_false_changes_count_on_every_documents_clean_copy_not_the_validation_ones_alone() -> None:
    """The 6baed7c refit passed on 2 fewer false changes of the validation documents that all
    dev clean copy did not show: a false change of a document without typos costs as much."""
    vm = load_script("verify_model")
    typos = [("said", "siad", "word", "fixed", "said")] * 40
    base = {("press", "a"): {"changes": [("Kairova", "Kirova", 9)], "typos": typos},
            ("press", "b"): {"changes": [], "typos": []}}  # fmt: skip
    cand = {("press", "a"): {"changes": [], "typos": typos[:39] + [("said", "siad", "word", "missed", "siad")]},
            ("press", "b"): {"changes": [("Grodno", "Hrodna", 3)], "typos": []}}  # fmt: skip
    review = {("press", "a", "Kairova", "Kirova"): "false", ("press", "b", "Grodno", "Hrodna"): "false"}
    scores = {"base": vm.objective(base, review), "candidate": vm.objective(cand, review)}
    assert scores["candidate"]["validation"]["false"] < scores["base"]["validation"]["false"]
    assert scores["base"]["objective"] == 40 - 30
    assert scores["candidate"]["objective"] == 39 - 30  # the moved false change still costs
    assert vm.verdict(scores) == ["objective 9.0 <= 10.0 (base)"]


def test_the_bar_refuses_fewer_fixes_in_any_corpus_beyond_the_slack() -> None:
    vm = load_script("verify_model")
    row = {"fixed_pct": 90.0, "wrong": 2}
    figures = {"press": {"base": row, "candidate": {"fixed_pct": 89.8, "wrong": 2}},
               "ungd": {"base": row, "candidate": {"fixed_pct": 89.6, "wrong": 1}}}  # fmt: skip
    same = {"objective": 1.0, "all_clean_copy": {"false": 0, "unreviewed": 0}}
    scores = {"base": {**same, "objective": 0.0}, "candidate": same}
    assert vm.verdict(scores, figures) == ["ungd: fixed 89.6 < 90.0 - 0.3 % (base)"]
    assert vm.verdict(scores, figures, slack=0.5) == []


@pytest.mark.slow  # every news count of the compiled tables, read into Counters: some 3 s
def test_leave_fold_out_news_counts_read_as_the_compiled_ones_and_only_inside_the_block() -> None:
    """scripts/news_folds.py: the full table gives Bigrams' own values; a table without a
    document's pairs gives that document's pair no support; the compiled readers come back."""
    nf = load_script("news_folds")
    from normalize.candidates import Bigrams
    from normalize.engine import default

    uni, pairs, triples = nf.compiled_counts()
    full = nf.table_of(uni, pairs, triples)
    bigrams = Bigrams(default().lexicon)
    asks = [("in", "kyiv", "kyiv"), ("minsk", "agreements", "minsk"), ("the", "sahel", "sahel")]
    want = [bigrams.in_news(*q) for q in asks] + [bigrams.news_zipf("sahel")]
    assert want[0] > 0 and want[1] > 0
    with nf.held_out(full):
        assert [bigrams.in_news(*q) for q in asks] + [bigrams.news_zipf("sahel")] == want
    fold = Counter({("minsk", "agreements"): pairs[("minsk", "agreements")]})
    with nf.held_out(nf.table_of(uni, pairs - fold)):
        assert bigrams.in_news("minsk", "agreements", "minsk") < want[1]
    assert bigrams.in_news("minsk", "agreements", "minsk") == want[1]
    three = ("within", "two", "weeks", "within")
    compiled = bigrams.in_news_triple(*three)
    assert compiled > 0
    with nf.held_out(full):
        assert bigrams.in_news_triple(*three) == pytest.approx(compiled)
    with nf.held_out(nf.table_of(uni, pairs, triples - Counter({three[:3]: triples[three[:3]]}))):
        assert bigrams.in_news_triple(*three) < 0.5  # no triple kept: only the nearer word speaks
    assert nf.check(full, probes=300) == 0
    assert [nf.fold_of(n, 80, 100, 5) for n in (0, 79, 80, 99, 100, 179)] == [-1, -1, 0, 0, 1, 4]


def test_a_golden_case_the_candidate_loses_fails_the_bar() -> None:
    """verify_model.golden_verdict: a golden case the base passes and the candidate loses keeps
    the candidate from the bar however it scores, as does an issue example it gets wrong."""
    vm = load_script("verify_model")
    lost = {"lost": ["Petin told reporters.", "The two met.", "A third.", "A fourth."], "issue_examples_wrong": []}
    (short,) = vm.golden_verdict(lost)
    assert short == "golden cases lost: 4 (Petin told reporters.; The two met.; A third.)"
    wrong = {"lost": [], "issue_examples_wrong": ["Troops massed inside Russa on Monday."]}
    assert vm.golden_verdict(wrong) == ["issue 12's own examples wrong: ['Troops massed inside Russa on Monday.']"]
    assert vm.golden_verdict({"lost": [], "issue_examples_wrong": []}) == []


def test_features_with_too_few_examples_keep_their_hand_set_weights() -> None:
    fm = _fit_model()
    import numpy as np

    choices, names, _a, hand = _problem(fm, 60)
    for c in choices[:5]:
        c.cands[0]["known_misspelling"] = 1.0  # five examples of a feature
    a = fm.arrays(choices, names)
    assert fm.few_examples(a, np.arange(60), 10) == frozenset({"known_misspelling"})
    assert fm.few_examples(a, np.arange(60), 5) == frozenset()
    assert fm.few_examples(a, np.arange(5, 60), 10) == frozenset()  # none among these: held anyway (held)


def _split_choices(fm: Any) -> tuple[list[Any], Any]:
    """Made-up choices of 40 documents, the first 10 the validation set, and their totals."""
    from collections import Counter

    choices = _choices(fm, 200)
    totals: Counter[str] = Counter()
    for c in choices:
        c.group = c.group // 5
        c.index = c.group
        totals[f"made-up:{'words' if c.keep else 'typos:injected'}@{c.index}"] += 1
    return choices, totals


@pytest.mark.slow  # two whole fits: some 2 s
def test_the_fit_reproduces_its_weights_and_they_load_as_a_model() -> None:
    fm = _fit_model()
    choices, totals = _split_choices(fm)
    names = list(FEATURES)
    hand = dict(model.default().weights)
    hand["typed_zipf"] = 0.0  # a careless start: every correct word would change
    setup = fm.Setup(
        cost=30.0, unreachable=1.0, augment=1.0, augment_real=1.0, golden=1.0, issue=5.0, l2=0.0, toward=True,
        hold=frozenset(), objective="counts", wrong=3.0, tau=0.3,
    )  # fmt: skip
    first = fm.fit_all(choices, [], totals, names, hand, setup, 10, 3, [0.1, 10.0], 0.0, 0)
    again = fm.fit_all(choices, [], totals, names, hand, setup, 10, 3, [0.1, 10.0], 0.0, 0)
    assert first.weights == again.weights and first.fix_gap == again.fix_gap  # the same data, the same weights
    assert first.setup.l2 in (0.1, 10.0) and set(first.by_l2) == {0.1, 10.0}
    assert first.training == 150  # the first 10 documents (50 choices) are validation, never fitted on
    loaded = model.parse({"weights": first.weights, "fix_gap": first.fix_gap}, frozenset(FEATURES))
    assert loaded.weights["typed_zipf"] < -0.3  # learnt: a typed word text uses is evidence against a change
    val = first.validation
    assert val["fitted"]["false_changes"] == 0 and val["fitted"]["typos_fixed"] == 25
    assert val["hand-set"]["false_changes"] == 25
    assert val["fitted"]["objective"] > val["hand-set"]["objective"]


def test_the_shipped_weights_load_and_are_the_record_s() -> None:
    data = json.loads((dictionaries_dir() / model.MODEL_FILE).read_text(encoding="utf-8"))
    shipped = model.default()
    fitted = data["fitted"]
    since = fitted.get("changed_since_fit", {}).get("weights", {})
    if fitted["method"] != "hand-set":
        assert shipped.fix_gap == fitted["fix_gap"]
        for name, weight in fitted["fitted_weights"].items():
            if name in shipped.weights and name not in since and name not in fitted.get("set", {}):
                assert shipped.weights[name] == weight, name
        assert set(fitted["hand_set_weights"]) <= set(shipped.weights)  # kept for comparison
    assert "objective" in fitted["bar"] and "favours" in fitted["bar"]


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


def _title_conflict(fm: Any) -> tuple[list[Any], list[str], Any, Any, Any]:
    """Made-up choices where the data pulls the ``title`` weight down (correct words with a title
    that the hand-set weights change), and a golden typo, fixed by the hand-set weights, that needs it."""
    import numpy as np

    choices, names, _a, _shipped = _problem(fm, 200)
    hand = np.array([model.default().hand_set().weights[n] for n in names])
    for c in choices[1:200:10]:
        c.cands[0].update(title=1.0, word_prior=5.0)
        c.null["typed_zipf"] = 3.5
    golden = fm.Choice(
        group=-1, corpus="golden", doc="0", word="w", source="golden",
        cands=[{"word_prior": 4.0, "edit_cost": 1.0, "title": 1.0}], null={"typed_zipf": 2.9, "bias": 1.0},
        texts=["word"], dist=[1], suggest_only=[False], same=[[True]], usage=[(0, False, 4.0)], lower=True,
        long=False, right=0,
    )  # fmt: skip
    everything = [*choices, golden]
    setup = fm.Setup(
        cost=10.0, unreachable=1.0, augment=1.0, augment_real=1.0, golden=1.0, issue=5.0, l2=0.1, toward=True,
        hold=frozenset(), objective="counts", wrong=3.0, tau=0.3,
    )  # fmt: skip
    return everything, names, fm.arrays(everything, names), hand, setup


def test_a_golden_sentence_the_hand_set_weights_get_right_is_a_hard_constraint_of_the_fit() -> None:
    fm = _fit_model()
    from dataclasses import replace

    import numpy as np

    everything, names, a, hand, setup = _title_conflict(fm)
    assert fm.fix_mask(fm.outcomes(everything, a, hand))[-1]  # hand-set: the golden typo is fixed
    free = fm.fitted_log10(a, everything, np.arange(201), setup, hand)
    assert not fm.fix_mask(fm.outcomes(everything, a, free))[-1]  # a fit free of it loses it
    bounds = fm.bounds_of(everything, a, [200], hand, 0.05, 1e5)
    assert bounds.choices == 1 and not bounds.dropped and fm.unmet(hand, bounds) == 0
    assert fm.unmet(free, bounds) > 0
    held = fm.fitted_log10(a, everything, np.arange(201), replace(setup, bounds=bounds), hand)
    fixed = fm.fix_mask(fm.outcomes(everything, a, held))
    assert fixed[-1] and fm.unmet(held, bounds) == 0  # kept, with its buffer
    assert fixed[0:200:2].all() and not fixed[1:200:2].any()  # and the objective still met: every typo, no change
    lo, hi = fm.shift_range(held, bounds)
    assert lo == -np.inf and hi >= 0.05  # the fix threshold may rise only while the golden typo stays fixed
    assert fm.unmet(held, bounds, hi + 0.01) == 1 and fm.unmet(held, bounds, hi) == 0


def test_the_threshold_search_keeps_to_the_shifts_that_keep_the_constraints() -> None:
    fm = _fit_model()
    import numpy as np

    choices = _choices(fm, 4)  # a typo, a correct word, a typo, a correct word
    out = (np.array([1.2, 0.5, 1.2, 0.5]), np.full(4, 5.0), np.array([True, False, True, False]), np.ones(4, bool))
    assert fm.choose_shift(choices, out, 30.0, 3.0)[0] == 0.0  # best and nearest 1
    assert fm.choose_shift(choices, out, 30.0, 3.0, allowed=(0.3, 2.0))[0] == pytest.approx(0.35)


def test_the_whole_engine_draws_the_fit_back_toward_the_hand_set_weights() -> None:
    fm = _fit_model()
    import numpy as np

    names = ["a", "b"]
    hand, fit = np.array([0.0, 1.0]), np.array([1.0, 2.0])
    weights, step = fm.back_off(names, hand, fit, lambda w, gap: w["a"] <= 0.55)  # a sentence breaks past 0.55
    assert step == pytest.approx(0.5) and weights == {"a": 0.5, "b": 1.5}
    assert fm.back_off(names, hand, fit, None) == ({"a": 1.0, "b": 2.0}, 1.0)
    assert fm.back_off(names, hand, fit, lambda w, gap: False)[1] == 0.0  # the hand-set weights


def test_with_signs_a_weight_keeps_the_direction_of_its_hand_set_one() -> None:
    """--signs: evidence for a reading (title, hand-set +1) stays evidence for it however the data
    pulls; it may fall to 0, never below. Without it the fit reads the feature backwards."""
    fm = _fit_model()
    from dataclasses import replace

    import numpy as np

    choices, names, _a, _shipped = _problem(fm, 200)
    hand = np.array([model.default().hand_set().weights[n] for n in names])
    for c in choices[1::2]:  # only correct words have a title before them
        c.cands[0]["title"] = 1.0
    a, j, ids = fm.arrays(choices, names), names.index("title"), np.arange(200)
    free = fm.fitted_log10(a, choices, ids, _setup(fm), hand)
    signed = fm.fitted_log10(a, choices, ids, replace(_setup(fm), signs=True), hand)
    assert free[j] < 0 < hand[j]
    assert signed[j] == pytest.approx(0.0, abs=1e-6)
    signs = fm.weight_signs(names, hand)
    assert all(signed[k] * signs[k] >= -1e-9 for k in range(len(names)))
    assert signs[names.index("bias")] == 0.0  # the bias is free


def _confidence_kept(fm: Any) -> tuple[list[Any], list[str], Any, Any, Any]:
    """Made-up choices where the data pulls the ``title`` weight up (typos with a title that the
    hand-set weights leave), and a golden control whose reading with a title the hand-set weights
    leave by decide's confidence alone: margin 1.2 and gap 1.1 both pass, but two rivals of other
    words leave it 0.82 (Petin: Putin is only suggested)."""
    import numpy as np

    choices, names, _a, _shipped = _problem(fm, 200)
    hand = np.array([model.default().hand_set().weights[n] for n in names])
    for c in choices[0:200:4]:  # half the typos read right only with the title's weight and more
        c.cands[0].update(title=1.0, word_prior=0.6)
    rival = {"word_prior": 1.1, "edit_cost": 1.0}
    control = fm.Choice(
        group=-1, corpus="golden", doc="0", word="W", source="golden",
        cands=[{"word_prior": 1.2, "edit_cost": 1.0, "title": 1.0}, dict(rival), dict(rival)],
        null={"typed_zipf": 0.0, "bias": 1.0}, texts=["Word", "Ward", "Wore"], dist=[1, 1, 1],
        suggest_only=[False] * 3, same=[[k == j for j in range(3)] for k in range(3)],
        usage=[(0, False, 1.2), (0, False, 1.1), (0, False, 1.1)], lower=False, long=False, right=-1, keep=True,
    )  # fmt: skip
    everything = [*choices, control]
    setup = fm.Setup(
        cost=10.0, unreachable=1.0, augment=1.0, augment_real=1.0, golden=1.0, issue=5.0, l2=0.1, toward=True,
        hold=frozenset(), objective="counts", wrong=3.0, tau=0.3,
    )  # fmt: skip
    return everything, names, fm.arrays(everything, names), hand, setup


def _confidence(a: Any, w: Any, row: int) -> float:
    """decide.posterior of the first reading of the choice whose rows start at ``row`` (three readings)."""
    score, margin = a.score_x @ w, a.margin_x @ w
    odds = 10.0 ** -margin[row] + sum(10.0 ** (score[row + k] - score[row]) for k in (1, 2))
    return float(1.0 / (1.0 + odds))


def test_a_control_left_by_decide_s_confidence_alone_is_a_hard_constraint_too() -> None:
    """The refit of 2026-11-30 19:30 broke 'Petin told reporters ...' (Putin: margin and gap past 1,
    confidence 0.83, so only suggested): the constraints held a word to leave only by its margin or
    its gap, so this control was dropped and only the whole-engine back-off (to step 0.6) kept it."""
    fm = _fit_model()
    from dataclasses import replace

    import numpy as np

    everything, names, a, hand, setup = _confidence_kept(fm)
    row = a.first[200]
    raw = fm.outcomes(everything, a, hand, confidence=False)
    assert min(raw[0][200], raw[1][200]) >= 1.0
    assert _confidence(a, hand, row) < 0.85  # the hand-set weights leave it by confidence alone
    assert not fm.fix_mask(fm.outcomes(everything, a, hand))[200]  # and outcomes counts that gate
    gated = fm.fitted_log10(a, everything, np.arange(201), setup, hand)
    assert _confidence(a, gated, row) < 0.85  # the fit's smoothed gate asks what decide's confidence asks
    setup = replace(setup, confidence_gate=False)  # (the constraints alone, below)
    free = fm.fitted_log10(a, everything, np.arange(201), setup, hand)
    assert _confidence(a, free, row) >= 0.85  # a fit free of it changes the control
    bounds = fm.bounds_of(everything, a, [200], hand, 0.05, 1e5)
    assert bounds.choices == 1 and not bounds.dropped and len(bounds.keep_starts) == 1
    assert fm.unmet(hand, bounds) == 0 and fm.unmet(free, bounds) >= 1
    held = fm.fitted_log10(a, everything, np.arange(201), replace(setup, bounds=bounds), hand)
    assert _confidence(a, held, row) < 0.85 and fm.unmet(held, bounds) == 0
    lo, _hi = fm.shift_range(held, bounds)
    assert fm.unmet(held, bounds, lo - 0.01) >= 1 and fm.unmet(held, bounds, lo + 0.01) == 0  # the threshold too


def test_the_threshold_can_be_matched_to_the_hand_set_false_changes() -> None:
    """--threshold match: the best threshold by the objective among those that change no more
    words of clean copy than a cap (the hand-set weights' count on the same documents)."""
    fm = _fit_model()
    import numpy as np

    choices = _choices(fm, 4)  # a typo, a correct word, a typo, a correct word
    # a typo at margin 0.7, a correct word at 0.6, a typo at 0.5: a threshold of 0.5 fixes both typos
    # and changes the correct word, one of 0.7 fixes one typo and changes nothing
    out = (np.array([0.7, 0.6, 0.5, 0.3]), np.full(4, 5.0), np.array([True, False, True, False]), np.ones(4, bool))
    assert fm.choose_shift(choices, out, 0.5, 3.0)[0] == pytest.approx(-0.5)  # a false change cheap: worth it
    assert fm.choose_shift(choices, out, 0.5, 3.0, max_false=0)[0] == pytest.approx(-0.3)  # within the cap
    assert fm.choose_shift(choices, out, 0.5, 3.0, max_false=1)[0] == pytest.approx(-0.5)


def test_the_confidence_gate_is_counted_and_calibration_binned() -> None:
    """decide fixes a reading only at confidence >= MIN_FIX_CONFIDENCE: outcomes lowers the margin
    the fix gate reads by what that gate asks more, and calibration bins the confidences."""
    fm = _fit_model()
    import numpy as np

    assert fm.confidence_floor(0.0) < 1.0  # no rival: the margin 1 is the stricter gate
    assert fm.confidence_floor(0.1) > 1.0  # a rival at -1: the confidence asks a margin of 1.12
    assert fm.confidence_floor(0.2) == float("inf")
    choices, names, a, _hand = _problem(fm, 40)
    w = np.array([model.default().weights[n] for n in names])
    report = fm.calibration(choices, a, w)
    assert report["findings"] == sum(b["findings"] for b in report["bins"]) > 0
    assert 0.0 <= report["ece"] <= 1.0


def test_the_smoothed_gate_of_a_reading_with_a_close_rival_asks_more_margin() -> None:
    """row_floors: a reading whose rival of another word scores within 1 of it needs more than
    the margin 1 for decide's confidence; one alone needs 1."""
    fm = _fit_model()
    import numpy as np

    choices, names, _a, hand = _problem(fm, 2)
    rival = dict(choices[0].cands[0])
    choices[0].cands.append(rival)
    choices[0].texts.append("ward")
    choices[0].dist.append(1)
    choices[0].suggest_only.append(False)
    choices[0].same = [[True, False], [False, True]]
    choices[0].usage.append(choices[0].usage[0])
    a = fm.arrays(choices, names)
    floors = fm.row_floors(a, choices, np.arange(2), hand)
    assert list(floors[:2]) == [fm.CONFIDENCE_FLOOR_CAP] * 2  # two readings alike: never confident enough
    assert floors[2] == 1.0  # the other choice's one reading: the fix gate alone


def test_the_whole_engine_bar_reads_each_dev_document_s_leave_fold_out_news_counts() -> None:
    """scripts/verify_model.py (--news-folds): a worker puts the fold table of the document it
    checks in force (accuracy.NewsFolds, the engine's memo emptied at a swap); a document the
    counts never saw reads the compiled ones."""
    from benchmarks import split
    from scripts import news_folds as nf
    from scripts import verify_model as vm

    state = dict(vm._STATE)
    seldom = nf.table_of(Counter({"putin": 3, "the": 1000}), Counter())
    docs = [split.Doc(f"k{n}", "", "", "", "Putin spoke.") for n in range(2)]
    positions = {("press", d.link): n for n, d in enumerate(docs)}
    vm._STATE.update(tables=({("press", 1): 0}, {0: seldom}), positions=positions)
    try:
        vm._init(dict(model.default().weights), 1.0)
        bigrams = vm._STATE["engine"]._bigrams
        compiled = bigrams.news_count("putin")
        seen = []
        for doc in (docs[0], docs[1], docs[0]):
            vm._one(("press", doc, False))
            seen.append(bigrams.news_count("putin"))
        assert compiled > 3 and seen == [compiled, 3, compiled]
    finally:
        nf.use(None)
        vm._STATE.clear()
        vm._STATE.update(state)


def test_the_replay_takes_decide_s_own_decision_word_for_word(monkeypatch: pytest.MonkeyPatch) -> None:
    """fit_model replays decide._finding for any weights (``replay``, ``outcomes``); at the shipped
    weights it must take the engine's own decision on every word it reads (``mirror``: what
    ``--mirror`` checks on all collected dev choices). A place's reading is fixed past a runner-up
    0.85-1.0 below it (decide.PLACE_GAP_SLACK): a replay without that slack leaves Frane."""
    fm = _fit_model()
    import numpy as np

    from normalize.engine import default

    engine = default()
    texts = {
        "Grain from Ukraine reached Frane by rail.": {26: "France"},
        "Aid convoys reached Irah and Syria.": {},
        "The minister said teh talks in Kyiv were useful.": {17: "the"},
    }
    choices = []
    for n, (text, at) in enumerate(texts.items()):
        choices += fm.text_choices(engine, text, at, True, (n, "golden", str(n), "golden"))
    names = list(FEATURES)
    w = np.array([engine.model.weights[n] for n in names])
    assert [c.decided for c in choices if c.decided] == ["France", "the"]
    assert fm.mirror(choices, fm.arrays(choices, names), w) == []
    from normalize import decide

    monkeypatch.setattr(decide, "PLACE_GAP_SLACK", 0.0)  # (the replay reads decide's slack: replay_decide.weigh)
    differ = fm.mirror(choices, fm.arrays(choices, names), w)
    assert [line.split(":")[0] for line in differ] == ["golden 0 golden Frane"]


def test_the_replay_reads_decide_s_floor_before_the_alone_feature() -> None:
    """decide._finding makes no finding when the top reading's margin is under the word's floor
    (decide._floor), before ``alone_word`` lifts a long word with no rival: on dev 'dialogued'
    (dialogues: -0.51 against the floor -0.5 of a derived word, 1.29 with alone_word) stays."""
    fm = _fit_model()
    import numpy as np

    names = list(FEATURES)
    c = fm.Choice(
        group=0, corpus="made-up", doc="0", word="dialogued", source="typos",
        cands=[{"word_prior": 3.22, "edit_cost": 1.7, "derived_word": 1.0}], null={"typed_zipf": 1.03, "bias": 1.0},
        texts=["dialogues"], dist=[1], suggest_only=[False], same=[[False]], usage=[(0, True, 3.22)],
        lower=True, long=True, right=-1, kinds=["word"], floor=-0.5,
    )  # fmt: skip
    weights = {**model.default().weights, "alone_word": 1.8, "derived_word": -1.0, "bias": 0.0}
    w = np.array([weights[n] for n in names])
    a = fm.arrays([c], names)
    assert fm.outcomes([c], a, w)[0][0] == pytest.approx(1.29)  # past the fix gate with alone_word
    assert not fm.fix_mask(fm.outcomes([c], a, w))[0]  # but under the floor without it: no finding
    c.floor = -3.0
    assert fm.fix_mask(fm.outcomes([c], a, w))[0]


def test_the_replay_adds_news_lead_to_the_proposed_reading_s_margin_after_the_floor() -> None:
    """decide.news_lead (margin only, added after the floor as ``alone``): where news copy favours
    one English reading of a lowercase slip over every other, the engine fixes what its margin
    alone leaves a suggestion (the yas supply: gas). The replay reads each reading's lead from the
    readings' news_context (``news_leads``), so it takes the engine's decision; with the feature's
    column dropped it leaves the word, as the engine without it does."""
    fm = _fit_model()
    import numpy as np

    from normalize.engine import default

    engine = default()
    text = "Ministers discussed the yas supply to Europe before the winter."
    (choice,) = fm.text_choices(engine, text, {24: "gas"}, False, (0, "golden", "0", "golden"))
    assert choice.decided == "gas"
    leads = fm.news_leads(choice)
    assert 0 < leads[choice.texts.index("gas")] <= 1.0
    assert [leads[j] for j, t in enumerate(choice.texts) if t != "gas"] == [0.0] * (len(leads) - 1)
    names = list(FEATURES)
    w = np.array([engine.model.weights[n] for n in names])
    assert fm.mirror([choice], fm.arrays([choice], names), w) == []
    without = [n for n in names if n != "news_lead"]
    w_without = np.array([engine.model.weights[n] for n in without])
    (differ,) = fm.mirror([choice], fm.arrays([choice], without), w_without)
    assert differ.endswith("yas: engine gas, replay None")


def test_null_is_every_feature_of_the_typed_word_that_null_features_gives() -> None:
    """fit_model tells the typed word's features (features.null_features: in every reading's margin,
    in no score) from a reading's by NULL, the engine's own list (bound.NULL): a feature that
    null_features gives and the list lacks would count in the fit's scores and not in decide's
    (before 2026-12-02 fit_model kept a copy of its own that lacked 11 of them)."""
    import ast
    import inspect

    from normalize import bound, features

    fm = _fit_model()
    tree = ast.parse(inspect.getsource(features.null_features))

    def keys(node: ast.AST) -> list[Any]:  # f["name"] and {"name": ...}
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "f":
            return [node.slice]
        return list(node.keys) if isinstance(node, ast.Dict) else []

    given = {k.value for node in ast.walk(tree) for k in keys(node) if isinstance(k, ast.Constant)}
    assert "typed_zipf" in given and "own_place_context" in given
    assert not sorted(given - bound.NULL), "add them to normalize/bound.py's NULL"
    assert not sorted(bound.NULL - given), "null_features no longer gives them: take them out of bound.NULL"
    assert fm.NULL == bound.NULL and bound.NULL <= set(FEATURES)
    assert fm.SHARED == bound.NULL - bound.DROPPED and bound.DROPPED <= bound.NULL
