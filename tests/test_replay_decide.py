"""scripts/replay_decide.py re-decides a word from the readings decide saw, as decide does."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import load_script

# sentences written for this test: slips of English words, one with a close rival (plam: plan or play?)
SENTENCES = (
    "The goverment will publish the plam next week.",
    "Officials said the negotiatons would resume in the spring.",
    "They discused the proposal with the delegaton on Tuesday.",
)


def test_replay_with_the_shipped_weights_makes_the_engines_decisions(monkeypatch: pytest.MonkeyPatch) -> None:
    import normalize
    from normalize import decide
    from normalize.engine import default
    from normalize.model import default as model

    replay = load_script("replay_decide")
    log: list[dict[str, Any]] = []
    monkeypatch.setattr(decide, "_finding", replay.recording(log, keep_found=True))
    default()._memo.pop(decide.DECISIONS, None)  # decisions made afresh, not answered from the memo
    for sentence in SENTENCES:
        normalize.check(sentence)
    weights = dict(model().weights)
    lower = [r for r in log if r["core"].islower() and r["found"] is not None]
    assert {r["found"].action for r in lower} == {"fix", "suggest"}  # (plam: a suggestion)
    for rec in lower:
        text, fix, confidence = replay.redecide(rec, weights, fix_gap=model().fix_gap)
        found = rec["found"]
        assert fix == (found.action == "fix"), rec["core"]
        # (rivals beyond the best eight are not kept: the replayed posterior is at most a little higher)
        assert found.confidence <= confidence <= found.confidence + 0.01, rec["core"]
        if fix:
            assert text == found.replacement
    weights["word_prior"] = 0.0  # a reading's frequency counting for nothing, no slip is worth a fix
    weights["news_lead"] = 0.0  # (nor the lead news copy gives one reading over the others: margin only)
    assert not any(replay.redecide(rec, weights)[1] for rec in lower)


def test_summary_counts_moves_per_corpus_and_the_objective() -> None:
    replay = load_script("replay_decide")
    moved = {("press", "missed", "fixed"): 4, ("press", "fixed", "wrong"): 1, ("ungd", "clean", "+"): 1}
    per_corpus, objective = replay.summary(moved)
    assert per_corpus == {"press": (3, 1, 0), "ungd": (0, 0, 1)}
    assert objective == 3 - 3 * 1 - 30 * 1


def test_the_floor_reads_the_best_readings_margin_before_alone() -> None:
    """decide._finding drops a word whose best reading's margin is under the floor before it adds
    ``alone``: a lone long reading just under the floor is no finding, however much ``alone`` adds."""
    replay = load_script("replay_decide")
    weights = {"word_prior": 1.0, "alone_word": 1.8, "inflection_rival": 0.5}
    reading = {"t": "reconsidered", "k": "word", "d": 1, "s": -0.51, "m": -0.51, "so": False, "same": False,
               "infl": False, "f": {"word_prior": -0.51}}  # fmt: skip
    rec = {"core": "reconsiderred", "alone": "alone_word", "floor": -0.5, "scored": [reading]}
    assert replay.redecide(rec, weights, fix_gap=1.0) == ("reconsidered", False, 0.0)
    # just over the floor, ``alone`` carries the margin to a fix: 1 / (1 + 10^-(1.8 - 0.51))
    assert replay.redecide(rec | {"floor": -0.6}, weights, fix_gap=1.0) == ("reconsidered", True, 0.951)


def test_replay_gives_a_sentences_first_word_the_gap_slack_decide_gives_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """decide.weigh_rivals gives an initial_word reading the lowercase gap slack (24e46e9), and the
    replay (and fit_model's, which shares ``weigh``) reads it through decide.gap_slack: it kept the
    slack for lowercase words alone and left this sentence's fix a suggestion."""
    import normalize
    from normalize import decide
    from normalize.engine import default
    from normalize.model import default as model

    replay = load_script("replay_decide")
    log: list[dict[str, Any]] = []
    monkeypatch.setattr(decide, "_finding", replay.recording(log, keep_found=True))
    default()._memo.pop(decide.DECISIONS, None)
    normalize.check("The fund is new. Thesze will become a bank where farmers save.")
    (rec,) = [r for r in log if r["core"] == "Thesze"]
    assert rec["found"].action == "fix" and rec["found"].replacement == "These"
    assert any(s["f"].get("initial_word") for s in rec["scored"])
    assert replay.redecide(rec, dict(model().weights), fix_gap=model().fix_gap)[:2] == ("These", True)


def test_a_constant_changes_the_new_side_only_and_kinds_choose_the_typos() -> None:
    """``compare``'s ``constants`` set decide's constants for the replay under the new weights only
    (a change of one patched on both sides moved nothing), and are set back after; ``kinds``
    chooses which typos count (rows written for this test)."""
    from normalize import decide
    from normalize.model import default as model

    replay = load_script("replay_decide")
    weights = dict(model().weights)
    reading = {"t": "government", "k": "word", "d": 1, "so": False, "same": False, "infl": False,
               "f": {"word_prior": 5.0}}  # fmt: skip
    rec = {"core": "goverment", "alone": "alone_word", "floor": -9.0, "scored": [reading]}
    assert replay.redecide(rec, weights)[1]  # a lone, common reading: fixed
    row = {"rec": rec, "corpus": "press", "typo": "goverment", "orig": "government", "result": "fixed"}
    rows = [row | {"cat": "word"}, row | {"cat": "place", "corpus": "ungd"}]
    before = decide.MIN_FIX_CONFIDENCE
    moved, cases = replay.compare(rows, weights, constants={"MIN_FIX_CONFIDENCE": 1.01})
    assert moved == {("press", "fixed", "missed"): 1} and len(cases) == 1  # (the place row: not a kind asked)
    assert decide.MIN_FIX_CONFIDENCE == before
    moved, _ = replay.compare(rows, weights, constants={"MIN_FIX_CONFIDENCE": 1.01}, kinds=("word", "place"))
    assert moved == {("press", "fixed", "missed"): 1, ("ungd", "fixed", "missed"): 1}
    assert replay.compare(rows, weights)[0] == {}
    with pytest.raises(Exception, match="no number"):
        replay.constant_settings("NO_SUCH_CONSTANT=1")
    assert replay.constant_settings("MIN_FIX_CONFIDENCE=0.9") == {"MIN_FIX_CONFIDENCE": 0.9}
