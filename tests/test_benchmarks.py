"""The pure parts of the benchmark harness: the error model, the split, the scoring."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from benchmarks import errors, split
from benchmarks.errors import EDIT_WEIGHTS, ErrorModel, case_like, edit_once
from benchmarks.inject import Injected
from benchmarks.score import outcome, suggested
from benchmarks.tools import Edit, Suggestion

LEXICON = {"cat", "cast", "cart", "coat", "act", "at", "putin", "moscow", "kyiv"}


def test_split_is_stable_and_about_thirty_percent() -> None:
    links = [f"http://en.kremlin.ru/events/president/news/{n}" for n in range(60000, 62000)]
    parts = [split.part_of(link) for link in links]
    assert parts == [split.part_of(link) for link in links]
    share = parts.count("heldout") / len(parts)
    assert 0.26 < share < 0.34
    # pinned examples: changing the rule would silently mix dev into heldout
    assert split.part_of("http://en.kremlin.ru/events/president/news/68700") == "dev"
    assert [split.part_of(k) for k in "abcd"] == ["dev", "heldout", "heldout", "heldout"]


def test_split_depends_on_the_hash_only() -> None:
    import hashlib

    for link in ("a", "b", "https://www.president.gov.ua/en/news/x-1"):
        expected = "heldout" if hashlib.sha256(link.encode()).digest()[0] < split.HELDOUT_BELOW else "dev"
        assert split.part_of(link) == expected


def test_each_corpus_is_split_by_its_own_key(tmp_path: Path) -> None:
    path = tmp_path / "wh.jsonl"
    rows = [{"url": f"https://example.org/{n}", "title": f"T{n}", "text": f"T{n}\n\nBody."} for n in range(40)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    dev = split.load("dev", path=path, corpus="whitehouse")
    held = split.load("heldout", path=path, corpus="whitehouse")
    assert len(dev) + len(held) == 40 and dev and held
    assert all(split.part_of(d.link) == "heldout" for d in held)
    assert dev[0].text == rows[int(dev[0].link.rsplit("/", 1)[1])]["text"]  # the text as published, title included
    assert set(split.CORPORA) == {"press", "whitehouse", "ungd"}


@pytest.mark.parametrize("edit", sorted(EDIT_WEIGHTS))
def test_each_edit_changes_the_word(edit: str) -> None:
    rng = random.Random(3)
    word = "negotiations"
    for _ in range(50):
        out = edit_once(rng, word, edit)
        assert out is not None and out != word


def test_edits_are_what_they_say() -> None:
    rng = random.Random(0)
    for _ in range(100):
        assert len(edit_once(rng, "security", "drop") or "") == 7
        assert len(edit_once(rng, "security", "double") or "") == 9
        assert edit_once(rng, "security", "first_drop") == "ecurity"
        t = edit_once(rng, "security", "transpose") or ""
        assert sorted(t) == sorted("security") and t != "security"
        k = edit_once(rng, "security", "keyboard") or ""
        diff = [(a, b) for a, b in zip("security", k, strict=False) if a != b]
        assert len(diff) == 1 and diff[0][1] in errors.NEIGHBOURS[diff[0][0]]
        assert edit_once(rng, "short", "two_edits") is None


def test_case_pattern_is_kept() -> None:
    assert case_like("utin", "Putin") == "Utin"
    assert case_like("ntao", "NATO") == "NTAO"
    assert case_like("secruity", "security") == "secruity"
    assert case_like("mcdonlad", "McDonald")[:3] == "McD"


def test_injections_are_never_real_words_and_are_reproducible() -> None:
    a, b = ErrorModel(LEXICON, seed=7), ErrorModel(LEXICON, seed=7)
    for word in ["Putin", "Moscow", "Kyiv", "cart", "security", "Zelenskyy"] * 20:
        x, y = a.inject(word), b.inject(word)
        assert x == y
        assert x is not None
        assert x.corrupted.lower() not in LEXICON and x.corrupted.lower() != word.lower()
        assert x.corrupted[0].isupper() == word[0].isupper()


def test_injection_gives_up_when_every_edit_is_a_word() -> None:
    model = ErrorModel(lambda w: True, seed=1)
    assert model.inject("cat") is None


def test_scoring_fixed_wrong_missed_and_multiword_fixes() -> None:
    text = "Kremlin spokesman Kmitry Peskov said so."
    inj = Injected(18, 24, "Dmitry", "Kmitry", "person", "first_sub")
    assert outcome(text, inj, [])[0] == "missed"
    assert outcome(text, inj, [Edit(18, 24, "Dmitry")])[0] == "fixed"
    assert outcome(text, inj, [Edit(18, 24, "Kitty")])[0] == "wrong"
    assert outcome(text, inj, [Edit(18, 31, "Dmitry Peskov")])[0] == "fixed"
    assert outcome(text, inj, [Edit(18, 31, "Dmitry Peskova")])[0] == "wrong"
    assert suggested(text, inj, [Suggestion(18, 24, "Dmitry")])
    assert not suggested(text, inj, [Suggestion(18, 24, "Dmitri")])


def test_tuning_overrides_name_real_constants() -> None:
    import click

    from benchmarks import tune

    assert tune._override(("FIX_MARGIN=0.8", "NULL_CAPITALIZED=1")) == {"FIX_MARGIN": 0.8, "NULL_CAPITALIZED": 1.0}
    with pytest.raises(click.BadParameter):
        tune._override(("NO_SUCH_CONSTANT=1",))


@pytest.mark.slow  # the benchmarks' gazetteer built twice from GeoNames: some 6 s of CPU
def test_places_are_countries_first_level_regions_and_cities() -> None:
    from benchmarks import gazetteer
    from benchmarks.tokens import tokens

    text = "The Treaty of Friendship was signed in Kharkiv, in the Sumy region of Ukraine."
    toks = tokens(text)

    def places(gaz: gazetteer.Gazetteer) -> list[str]:
        return [toks[i].core for i in gazetteer.categorize(text, toks, gaz)["place"]]

    assert places(gazetteer.load()) == ["Kharkiv", "Sumy", "Ukraine"]
    # GeoNames has a district called Friendship; the older definition counted it.
    assert "Friendship" in places(gazetteer.load(local_regions=True))


def test_published_mix_redraws_only_trusted_words_and_marks_listed_ones() -> None:
    from benchmarks.errors import PUBLISHED_WEIGHTS

    assert abs(sum(PUBLISHED_WEIGHTS.values()) - 100) < 0.1
    trusted = {"cat", "cart", "coat", "act", "at"}
    listed = {"cst", "caat", "cta"}
    model = ErrorModel(trusted, seed=5, listed=listed, weights={"drop": 1, "double": 1, "transpose": 1})
    seen = [model.inject("cast") for _ in range(200)]
    outs = {i.corrupted for i in seen if i is not None}
    assert outs and not outs & trusted
    assert all(i.real == (i.corrupted in listed) for i in seen if i is not None)
    assert any(i.real for i in seen if i is not None)  # listed misspellings are injected, not redrawn


def test_new_edit_classes() -> None:
    rng = random.Random(4)
    for _ in range(50):
        s = edit_once(rng, "security", "split") or ""
        assert s.replace(" ", "") == "security" and s.count(" ") == 1 and min(map(len, s.split())) >= 2
        assert len(edit_once(rng, "security", "random_insert") or "") == 9
        r = edit_once(rng, "security", "random_sub") or ""
        assert len(r) == 8 and sum(a != b for a, b in zip(r, "security", strict=True)) == 1
    model = ErrorModel(set(), seed=2, weights={"join": 1, "case": 1})
    kinds = set()
    for _ in range(40):
        i = model.inject("Russia", following="said")
        assert i is not None
        kinds.add(i.edit)
        if i.edit == "join":
            assert (i.original, i.corrupted) == ("Russia said", "Russiasaid")
        else:
            assert i.corrupted in ("RUssia", "russia")
    assert kinds == {"join", "case"}
    assert ErrorModel(set(), seed=2, weights={"join": 1}).inject("Russia") is None  # nothing to join


def test_a_join_spans_both_words_in_the_corrupted_text() -> None:
    from benchmarks.gazetteer import Gazetteer
    from benchmarks.inject import corrupt

    text = " ".join(["alpha beta gamma delta"] * 12)
    gaz = Gazetteer(english={w: 1 for w in ("alpha", "beta", "gamma", "delta")})
    out, injections = corrupt(text, gaz, ErrorModel(set(), seed=1, weights={"join": 1}))
    assert injections
    for inj in injections:
        assert inj.edit == "join" and out[inj.start : inj.end] == inj.corrupted == inj.original.replace(" ", "")
        assert outcome(out, inj, [Edit(inj.start, inj.end, inj.original)])[0] == "fixed"


def _prose(n: int = 30) -> str:
    """Sentences of short and long words, each sentence opening on a capitalized English word."""
    line = "However, the talks on trade and aid went on for days. It was a new plan for all of us. "
    return line * n


def _prose_gazetteer() -> Any:
    from benchmarks.gazetteer import Gazetteer

    words = "however the talks on trade and aid went for days it was a new plan all of us"
    return Gazetteer(english={w: 1 for w in words.split()})


def test_the_old_selection_never_draws_short_or_capitalized_words() -> None:
    from benchmarks.inject import corrupt

    gaz = _prose_gazetteer()
    seen = set()
    for seed in range(20):
        _, injections = corrupt(_prose(), gaz, ErrorModel(set(), seed=seed), "types")
        seen |= {w for inj in injections for w in inj.original.split(" ")[:1]}
    assert seen and all(len(w) >= 4 and w.islower() for w in seen)
    with pytest.raises(ValueError, match="'Natural' is none of natural, types"):
        corrupt(_prose(), gaz, ErrorModel(set(), seed=1), "Natural")


def test_the_natural_selection_draws_short_and_sentence_initial_words_once_each() -> None:
    from benchmarks.errors import PUBLISHED_WEIGHTS
    from benchmarks.inject import corrupt

    gaz = _prose_gazetteer()
    first: list[str] = []
    joins = short_joins = 0
    for seed in range(40):
        model = ErrorModel(set(), seed=seed, weights=PUBLISHED_WEIGHTS)
        text, injections = corrupt(_prose(), gaz, model, "natural")
        again = corrupt(_prose(), gaz, ErrorModel(set(), seed=seed, weights=PUBLISHED_WEIGHTS), "natural")
        assert again == (text, injections)  # a seed reproduces a document's typos exactly
        words = [inj.original.split(" ")[0].lower() for inj in injections]
        assert len(words) == len(set(words))  # a word is misspelled once in a document, as in real copy
        for inj in injections:
            assert text[inj.start : inj.end] == inj.corrupted
            first.append(inj.original.split(" ")[0])
            if inj.edit == "join":
                joins += 1
                short_joins += len(first[-1]) < 4
    assert any(len(w) < 4 for w in first) and any(len(w) >= 4 for w in first)
    assert "However" in first or "It" in first  # an ordinary word capitalized at a sentence's start
    assert joins and short_joins  # a lost space after a short word ("ofthe")


def test_a_short_word_loses_its_space_at_the_measured_share() -> None:
    from benchmarks.errors import PUBLISHED_WEIGHTS
    from benchmarks.inject import SHORT_JOIN, _short_mix

    mix = _short_mix(ErrorModel(set(), seed=1, weights=PUBLISHED_WEIGHTS))
    assert abs(mix["join"] / sum(mix.values()) - SHORT_JOIN) < 1e-9
    assert {k: v for k, v in mix.items() if k != "join"} == {k: v for k, v in PUBLISHED_WEIGHTS.items() if k != "join"}


def test_report_rows_of_a_typo() -> None:
    from benchmarks.accuracy import rows_of

    assert rows_of(Injected(0, 5, "of the", "ofthe", "word", "join")) == ["word", "short"]
    assert rows_of(Injected(0, 7, "However", "Hwoever", "word", "transpose")) == ["word", "initial"]
    assert rows_of(Injected(0, 5, "Russia", "Russa", "place", "drop", True)) == ["place", "real"]
    assert rows_of(Injected(0, 3, "Xi", "Xu", "person", "vowel")) == ["person", "short"]


def test_threshold_curve_and_calibration_count_what_they_say() -> None:
    from benchmarks.accuracy import calibration, summarize, threshold_curve

    r = {
        "words": 10_000, "docs": 2,
        "counts": {"person": {"fixed": 1, "missed": 1}, "place": {"fixed": 1, "wrong": 1}, "word": {}, "real": {}},
        "typo_points": [(0.99, True), (0.8, True), (0.6, False)],
        "clean_confidences": [0.55, 0.97],
        "changes": [{"corpus": "press", "doc": "d", "word": "Tov", "fix": "Tom", "trusted": False}],
    }  # fmt: skip
    assert threshold_curve(r, [0.5, 0.9, 0.995]) == [(0.5, 50.0, 2.0), (0.9, 25.0, 1.0), (0.995, 0.0, 0.0)]
    cal = {b: (n, share) for b, n, share in calibration(r)}
    assert cal == {"0.50-0.70": (2, 0.0), "0.80-0.90": (1, 1.0), "0.95-0.98": (1, 0.0), "0.99-1.00": (1, 1.0)}
    s = summarize(r, "dev", {("press", "d", "Tov", "Tom"): "false"})
    assert s["typos"] == 4 and s["fixed_percent"] == 50.0 and s["false_per_10k"] == 1.0 and s["changes_per_10k"] == 1.0


def test_finding_rows_label_each_finding() -> None:
    from conftest import fake_check  # the stand-in engine: Kmitry fixed, Mariupl suggested

    from benchmarks.typo_corpus import Sample, finding_rows

    clean = "Kremlin spokesman Dmitry Peskov said so in Mariupol."
    text = "Kremlin spokesman Kmitry Peskov said so in Mariupl."
    typo = Injected(18, 24, "Dmitry", "Kmitry", "person", "first_sub")
    rows = list(finding_rows(Sample("press", "d", clean, text, (typo,)), fake_check))
    got = [(r["where"], r["text"], r["label"]) for r in rows]
    assert got == [("typos", "Kmitry", "right"), ("typos", "Mariupl", "false")]


@pytest.mark.slow  # a live server under load
def test_load_script_counts_answers_and_errors(live_server: str) -> None:
    """benchmarks/load.py against the real server, briefly: every answer counted, none an error;
    a server that answers 413 to everything makes every request an error."""
    from benchmarks import load

    texts = ["Kremlin spokesman Kmitry Peskov declined to comment on the talks in Geneva on Monday."] * 3
    summary = load.load(live_server, texts, clients=4, seconds=1.5)
    assert summary["errors"] == 0 and summary["ok"] == summary["requests"] and summary["requests"] >= 4
    big = ["word " * 250_000]  # 1.25 MB url-encoded: over the server's 1 MB limit
    summary = load.load(live_server, big, clients=2, seconds=0.5)
    assert summary["ok"] == 0 and summary["errors"] >= 2 and set(summary["error_kinds"]) == {"HTTP 413"}


def test_percentile_is_nearest_rank() -> None:
    from benchmarks.load import percentile

    values = [float(v) for v in range(1, 101)]
    assert (percentile(values, 50), percentile(values, 99), percentile(values, 100)) == (50.0, 99.0, 100.0)
    assert percentile([3.0], 99) == 3.0


def test_the_benchmark_runs_normalize_with_the_shipped_or_the_hand_set_weights() -> None:
    from benchmarks import tools
    from normalize.engine import default

    shipped, hand = tools.make("normalize"), tools.make("normalize", "hand-set")
    assert isinstance(shipped, tools.Normalize) and isinstance(hand, tools.Normalize)
    text = "Kremlin spokesman Kmitry Peskov said so."
    assert shipped.check(text) == default().check(text)
    assert hand.check.__self__.model.weights == default().model.hand_set().weights  # type: ignore[attr-defined]
    assert [e.replacement for e in hand.run(text).edits] == ["Dmitry"]
    fitted = tools.make("normalize", "fitted")
    assert isinstance(fitted, tools.Normalize)
    assert fitted.check.__self__.model.weights == default().model.last_fit().weights  # type: ignore[attr-defined]
    with pytest.raises(SystemExit, match="unknown weights"):
        tools.Normalize("tuned")


def test_the_wikipedia_proxy_is_split_by_article_number_and_keeps_prose_lines() -> None:
    pytest.importorskip("gensim")
    from benchmarks import wikipedia

    assert [wikipedia.half_of(n) for n in (1, 2, 3, 4)] == ["odd", "even", "odd", "even"]
    text = (
        "==History==\n* A list item is no prose line, however many words it has in it.\n"
        "The '''aardvark''' is a medium-sized burrowing mammal native to the whole of Africa.\nToo short."
    )
    assert wikipedia.prose_lines(text) == [
        "The aardvark is a medium-sized burrowing mammal native to the whole of Africa."
    ]


def test_dev_documents_the_news_counts_count_are_checked_with_their_own_counts_taken_out() -> None:
    """accuracy.NewsFolds (--news-folds): before each document evaluate puts its fold's table
    in force (a document the counts never saw reads the compiled ones) and empties normalize's
    memo at each swap, so a name news copy writes often (Putin: ``unsupported`` absent) is
    weighed as the fold's counts say; the compiled counts are back after the run."""
    from collections import Counter
    from functools import partial

    from benchmarks.accuracy import NewsFolds, evaluate
    from benchmarks.tools import Normalize
    from scripts import news_folds as nf

    tool = Normalize()
    bigrams = tool.engine._bigrams
    compiled = bigrams.news_count("putin")
    assert compiled >= 20
    seldom = nf.table_of(Counter({"putin": 3, "the": 1000}), Counter())  # Putin as if news copy seldom named him
    folds = NewsFolds({("press", 1): 0}, {0: seldom}, tool.forget)
    text = "Yesterday Ptuin said nothing."

    def unsupported() -> bool:
        (finding,) = tool.check(text).findings
        return "unsupported" in {name for name, _, _ in finding.evidence}

    seen: list[tuple[int, bool]] = []

    class Reader:
        def warm(self, words: object) -> None:
            pass

        def run(self, _: str) -> Any:
            seen.append((bigrams.news_count("putin"), unsupported()))
            return tool.run("")

    docs = [split.Doc(f"k{n}", "", "", "", text) for n in range(3)]
    try:
        evaluate(Reader(), "press", docs, [(text, [])] * 3, set(), partial(folds.read, "press"))
    finally:
        folds.read("press", -1)
    assert seen == [(compiled, False), (3, True), (compiled, False)] * 2
    assert bigrams.news_count("putin") == compiled and not unsupported()


def test_every_tool_injects_with_the_benchmarks_selection_unless_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # corrupt() drew the old selection (types) by default and corrupt_doc() the benchmark's
    # (natural): tune.py and snapshot_findings.py measured on other typos than accuracy.py.
    import inspect

    from click.testing import CliRunner
    from conftest import load_script

    from benchmarks import accuracy, inject, tune, typo_corpus

    def default(function: Any) -> Any:
        return inspect.signature(function).parameters["select"].default

    option = next(p for p in accuracy.main.params if p.name == "select")
    assert default(inject.corrupt) == default(typo_corpus.corrupt_doc) == option.default == "natural"
    drawn: list[str] = []

    def corrupt(text: str, gaz: object, model: object, select: str = "?") -> tuple[str, list[Any]]:
        drawn.append(select)
        return text, []

    class Normalizer:
        def check(self, text: str) -> Any:
            return type("Report", (), {"fixes": [], "findings": []})()

    monkeypatch.setattr(tune, "corrupt", corrupt)
    monkeypatch.setitem(tune._STATE, "normalizer", Normalizer())
    monkeypatch.setitem(tune._STATE, "gaz", None)
    monkeypatch.setitem(tune._STATE, "words", set())
    tune._one((0, "The talks went on.", "types"))
    assert next(p for p in tune.main.params if p.name == "select").default == "natural"
    snapshot = load_script("snapshot_findings")
    (tmp_path / "tests" / "cases").mkdir(parents=True)
    (tmp_path / "tests" / "cases" / "golden.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(snapshot, "ROOT", tmp_path)
    monkeypatch.setattr(snapshot, "dev_texts", lambda every: [("doc", "The talks went on.")])
    monkeypatch.setattr("normalize.engine.default", Normalizer)
    monkeypatch.setattr(inject, "corrupt", corrupt)
    monkeypatch.setattr("benchmarks.gazetteer.load", lambda local: None)
    monkeypatch.setattr("benchmarks.gazetteer.broad_lexicon", set)
    for args in ([], ["--select", "types"]):
        result = CliRunner().invoke(snapshot.main, [str(tmp_path / "out.jsonl"), "--corrupt", *args])
        assert result.exit_code == 0, result.output
    assert drawn == ["types", "natural", "types"]
