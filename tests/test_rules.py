"""Rules on sentences written for these tests: what they fix, and text they must leave alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import normalize
from normalize.apply import apply
from normalize.config import Config
from normalize.engine import Normalizer
from normalize.lexicon import load
from normalize.rules import consistency, lookalike, unicode
from normalize.rules.style import style_rule
from normalize.tokenize import words

LEX = load()
RULES = {
    "lookalike": lookalike.lookalike,
    "consistency": consistency.consistency,
    "style": style_rule("ukrainian", (("Kiev", "Kyiv"),)),
    "prefer": style_rule(None, (("Kiev", "Kyiv"),)),
    "default-style": style_rule(None),
    **unicode.RULES,
}
# (rule, input, expected output): expected == input means the text must not change.
CASES = [
    ("lookalike", "The Ministry of Defen\u0441e said so.", "The Ministry of Defence said so."),
    ("lookalike", "\u0410\u0440\u0440le shares rose.", "Apple shares rose."),
    ("lookalike", "The \u0422-90\u041c tank passed the \u041c-11 road.", "The T-90M tank passed the M-11 road."),
    ("lookalike", "Він сказав: \u041fpивіт, друзі.", "Він сказав: Привіт, друзі."),
    ("lookalike", "Слава Україні, he said.", "Слава Україні, he said."),
    (
        "lookalike",
        "Beams of \u03b1-particles, a 5 \u03bcm gap, \u03bd and \u03c0.",
        "Beams of \u03b1-particles, a 5 \u03bcm gap, \u03bd and \u03c0.",
    ),
    ("lookalike", "See kreml\u0456n.ru for more.", "See kreml\u0456n.ru for more."),
    ("style", "Officials in Kiev and Kharkov met.", "Officials in Kyiv and Kharkiv met."),
    ("style", "Kiev's mayor met Volodymyr Zelensky.", "Kyiv's mayor met Volodymyr Zelenskyy."),
    ("style", "Minister Oleksiy Reznikov spoke.", "Minister Oleksii Reznikov spoke."),
    ("style", "Dmitry Peskov and Vladimir Putin spoke.", "Dmitry Peskov and Vladimir Putin spoke."),
    ("style", "Good luck in Chicago.", "Good luck in Chicago."),
    ("prefer", "KIEV and Kiev.", "KYIV and Kyiv."),
    ("default-style", "Officials in Kiev and Kharkov met.", "Officials in Kiev and Kharkov met."),
    (
        "consistency",
        "Podolyak said. Podolyak added. Podolyak left. Podoyak smiled.",
        "Podolyak said. Podolyak added. Podolyak left. Podolyak smiled.",
    ),
    (
        "consistency",
        "Kazakhstan and Kazakhstan met Kazakhstani officials.",
        "Kazakhstan and Kazakhstan met Kazakhstani officials.",
    ),
    ("consistency", "Maria met Maria and Maria, then Marie.", "Maria met Maria and Maria, then Marie."),
    ("spaces", "Two  spaces and\u00a0one.", "Two spaces and one."),
    ("quotes", 'He said "yes" twice.', "He said \u201cyes\u201d twice."),
    ("nfc", "Caf\u0065\u0301 society.", "Caf\u00e9 society."),
    ("mojibake", "The caf\u00c3\u00a9 reopened.", "The caf\u00e9 reopened."),
    ("mojibake", "He wrote \u00e2\u20ac\u0153yes\u00e2\u20ac\u009d.", "He wrote \u201cyes\u201d."),
    (
        "mojibake",
        "Erdo\u011fan met Zelenskyy in the caf\u00e9; na\u00efve r\u00e9sum\u00e9s.",
        "Erdo\u011fan met Zelenskyy in the caf\u00e9; na\u00efve r\u00e9sum\u00e9s.",
    ),
]


@pytest.mark.parametrize("rule,text,expected", CASES, ids=[f"{c[0]}:{c[1][:24]}" for c in CASES])
def test_golden(rule: str, text: str, expected: str) -> None:
    findings = list(RULES[rule](text, words(text), LEX))
    assert apply(text, [f for f in findings if f.action == "fix"]) == expected
    for f in findings:
        assert text[f.start : f.end] == f.text
        assert f.reason.startswith(f"rule {f.rule}:")


def test_reason_names_rule_entry_and_source() -> None:
    text = "Officials in Kharkov met."
    (f,) = RULES["style"](text, words(text), LEX)
    assert f.rule == "style" and f.kind == "style" and f.entry is not None
    assert "Kharkiv" in f.reason and "SpellingUkraine" in f.reason and f.entry.source in f.reason
    text = "The Defen\u0441e Ministry."
    (f,) = lookalike.lookalike(text, words(text), LEX)
    assert "U+0441" in f.reason and "confusables" in f.reason


def test_engine_rules_win_and_respect_skip() -> None:
    n = Normalizer.from_config(Config(style="ukrainian"))
    text = "Officials in Kiev met the Defen\u0441e staff."
    assert n.fix(text).fixed == "Officials in Kyiv met the Defence staff."
    assert n.fix(text, skip=[(0, len(text))]).fixed == text


def test_ignored_words_are_never_findings() -> None:
    n = Normalizer.from_config(Config(style="ukrainian", ignore=("Kiev",)))
    assert n.check("Officials in Kiev met.").findings == ()


NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news-dev" / "press_releases_dev.jsonl"


@pytest.mark.slow  # a whole corpus
@pytest.mark.skipif(not NEWS.exists(), reason="shared/data/news-dev not present beside the repository")
def test_news_dev_lookalikes_and_no_default_style() -> None:
    found = []
    default = style_rule(None)
    for i, line in enumerate(NEWS.read_text(encoding="utf-8").splitlines()):
        body = json.loads(line)["body"]
        w = words(body)
        found += [(i, f.text) for f in lookalike.lookalike(body, w, LEX)]
        assert not list(default(body, w, LEX))
    assert len(found) == 7 and {i for i, _ in found} == {79, 383}


def test_consistency_keeps_a_spelling_the_writer_marks_sic() -> None:
    # the minority spelling is the source's own where [sic] follows it, as spelling keeps it
    text = "Andersson spoke. Andersson said yes. Prime Minister Anderssen [sic] thanked Andersson."
    assert not [f for f in normalize.check(text).findings if f.rule == "consistency"]
    slip = "Andersson spoke. Andersson said yes. Prime Minister Anderssen thanked Andersson."
    # (without it the slip is fixed: by spelling since office_in_document, the title of the office
    # of the Andersson the text names, else by consistency)
    assert [f.replacement for f in normalize.check(slip).fixes] == ["Andersson"]


def test_consistency_keeps_a_country_written_in_the_plural() -> None:
    # the two Koreas: a form of Korea, no slip of Korean however often the text writes Korean
    text = "Korean talks resumed. Korean leaders met. We welcome the rapprochement between the two Koreas."
    assert not [f for f in normalize.check(text).findings if f.rule == "consistency"]


def test_consistency_reads_a_key_struck_after_a_name_as_a_slip_of_it() -> None:
    # (Russiaq: q struck beside a; not n struck as q in Russian, which the text writes more)
    text = "Russia and Russia met. Russian and Russian and Russian teams. Russiaq hosts."
    assert [f.replacement for f in normalize.check(text).findings if f.rule == "consistency"] == ["Russia"]
    # a vowel added after a name is a form of its own (Dominicano, Islami), not a struck key
    kept = "Dominican and Dominican farmers met the Banco Dominicano."
    assert not [f for f in normalize.check(kept).findings if f.rule == "consistency"]


def test_consistency_leaves_a_spelling_real_text_uses_to_the_model() -> None:
    # Elina is a given name of its own beside Elena, and Sundar beside Sunday: real text uses
    # both spellings, so the rule fixes neither (the spelling model weighs them and keeps them)
    text = (
        "Elena Vesnina served first. Elena held serve twice, and Elena took the set. "
        "Elina Monfils watched from the stands.\n\n"
        "The count began on Sunday. By Sunday night, and again on Sunday, it went on. Sundar Rao voted early."
    )
    assert not [f for f in normalize.check(text).findings if f.rule == "consistency"]
    assert normalize.check(text).fixed == text
    # a spelling that real text does not use is still the majority's slip
    slip = "Podolyak said. Podolyak added. Podolyak left. Podolyk smiled."
    assert [f.replacement for f in normalize.check(slip).fixes] == ["Podolyak"]


def test_consistency_keeps_a_spelling_that_opens_a_name_of_its_own() -> None:
    # Aryna opens a name with Volkova, which the text writes only there: the text's Arena (a
    # venue's, twice) is no use of it, as features.mate_in_document weighs for the spelling model
    text = "The Pala Arena was full. Arena staff said Aryna Volkova had won."
    assert not [f for f in normalize.check(text).findings if f.rule == "consistency"]
    # the name written again with the same word is the text's spelling of it: still a slip
    again = "Podolyak Vostrikova spoke. Podolyak added. Podolyak left. Later Podolyk Vostrikova smiled."
    assert [f.replacement for f in normalize.check(again).fixes if f.rule == "consistency"] == ["Podolyak"]
