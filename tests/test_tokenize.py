"""Tokens: typographic apostrophes, single quotes and words broken at a line end."""

from __future__ import annotations

import random
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import normalize
from normalize.engine import Normalizer
from normalize.tokenize import Lazy, Word, as_written, columns_between, house_apostrophe, join_broken, words, words_of
from normalize.types import Finding, Token


def _cores(text: str) -> list[tuple[str, str]]:
    return [(w.token.text, w.core) for w in words(text)]


def test_a_word_with_a_typographic_apostrophe_is_looked_up_with_an_ascii_one() -> None:
    assert _cores("In Côte d’Ivoire Kyivʼs mayor said we’re") == [
        ("In", "In"),
        ("Côte", "Côte"),
        ("d’Ivoire", "d'Ivoire"),
        ("Kyivʼs", "Kyiv"),
        ("mayor", "mayor"),
        ("said", "said"),
        ("we’re", "we"),
    ]


def test_single_quotes_are_not_part_of_the_word_and_the_okina_is() -> None:
    assert _cores("‘never’ in Hawaiʻi, Peskov’s") == [
        ("never", "never"),
        ("in", "in"),
        ("Hawaiʻi", "Hawaiʻi"),
        ("Peskov’s", "Peskov"),
    ]


def test_clitics_are_left_out_of_the_core_and_elisions_are_not_checked() -> None:
    text = "there’d that’ve ma’am d’état does’nt Goverment’ll O’Brien"
    found = [(w.token.text, w.core, w.skip) for w in words(text)]
    assert found == [
        ("there’d", "there", False),
        ("that’ve", "that", False),
        ("ma’am", "ma'am", True),
        ("d’état", "d'état", True),
        ("does’nt", "does'nt", False),
        ("Goverment’ll", "Goverment", False),
        ("O’Brien", "O'Brien", False),
    ]


def _finding(start: int, end: int, text: str, replacement: str | None, *suggestions: str) -> Finding:
    suggested = suggestions or ((replacement,) if replacement else ())
    return Finding(start, end, text, replacement, suggested, 0.9, "word", "fix", "test")


def test_a_replacement_keeps_the_writers_apostrophe() -> None:
    text = "They do’nt know."
    (found,) = as_written(text, [_finding(5, 10, "do'nt", "don't", "don't", "done")])
    assert (found.text, found.replacement, found.suggestions) == ("do’nt", "don’t", ("don’t", "done"))


def test_an_apostrophe_the_writer_did_not_type_follows_the_text() -> None:
    curly, plain = "We’re sure it’s dont.", "We're sure it's dont."
    assert house_apostrophe(curly) == "’" and house_apostrophe(plain) == "'" and house_apostrophe("no marks") == "'"
    f = _finding(16, 20, "dont", "don't")
    assert as_written(curly, [f])[0].replacement == "don’t"
    assert as_written(plain, [f]) == [f]


def test_contractions_and_quotes_are_correct_copy() -> None:
    text = "‘We’re ready,’ she said. It’ll take time, but you’ve seen Hawai’i and Côte d’Ivoire."
    assert normalize.check(text).findings == ()


def test_a_fix_beside_typographic_apostrophes_keeps_them() -> None:
    fixed = normalize.fix("We’re told the goverment’s plan isn’t new.").fixed
    assert fixed == "We’re told the government’s plan isn’t new."


def test_ignored_words_match_whatever_apostrophe_is_typed() -> None:
    lexicon = normalize.engine.default().lexicon
    text = "It does’nt matter, and it does'nt."
    assert [f.text for f in Normalizer(lexicon).check(text).findings] == ["does’nt", "does'nt"]
    assert Normalizer(lexicon, ignore=["does'nt"]).check(text).findings == ()
    assert Normalizer(lexicon, ignore=["DOES’NT"]).check(text).findings == ()


def _skipped(text: str, known: set[str]) -> list[str]:
    return [w.token.text for w in join_broken(text, words(text), lambda w: w.lower() in known) if w.skip]


def test_a_word_broken_at_a_line_end_is_never_checked() -> None:
    known = {"security", "organization", "the"}
    assert _skipped("the secur- ity council", known) == ["secur", "ity"]
    assert _skipped("the secur-\nity council", known) == ["secur", "ity"]
    assert _skipped("the Organi-\n  zation", known) == ["Organi", "zation"]
    assert _skipped("the secur\u00adity council", known) == ["secur", "ity"]
    # text extracted from PDF: a no-break space after the hyphen, or the non-breaking hyphen U+2011
    assert _skipped("the secur-\u00a0ity council", known) == ["secur", "ity"]
    assert _skipped("the secur\u2011 ity council", known) == ["secur", "ity"]
    assert _skipped("the Organi\u2011\nzation", known) == ["Organi", "zation"]
    # a broken compound or a word no list has: left as written, whatever the halves are
    assert _skipped("self- determination and inter- natoinal", known) == ["self", "determination", "inter", "natoinal"]


def test_a_hyphen_between_words_is_not_a_line_break() -> None:
    known = {"security", "secur", "ity", "general", "secretary"}
    # a capitalized word, "- " and a capitalized word: a compound's first part a scan spaced, checked
    assert _skipped("Kassym-Jomart Secretary- General and secur-ity", known) == []
    assert _skipped("Latvi- Latvia and Guinua- Bissau", known) == ["Latvi"]  # a false start stays cut off
    assert _skipped("pre-war", {"prewar"}) == ["pre", "war"]  # the halves join into a known word, one is no word
    assert _skipped("the war -- it", known) == []


def test_scanned_hyphenation_is_not_fixed() -> None:
    text = "We must strengthen our secur- ity and the Organi-\nzation."
    assert normalize.check(text).findings == ()
    text = "We must strengthen our secur-\u00a0ity and the develop\u2011 ment of the re\u2011election."
    assert normalize.check(text).findings == ()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab’‘ʼʻ'- \n.Éł")))
def test_a_core_is_its_token_as_looked_up(text: str) -> None:
    for w in join_broken(text, words(text), lambda s: s == "ab"):
        assert text[w.token.start : w.token.end] == w.token.text
        assert w.token.text.startswith(w.core.replace("'", "’")) or len(w.core) <= len(w.token.text)
        assert "’" not in w.core and "‘" not in w.core and "ʼ" not in w.core


def test_a_word_cut_off_by_a_hyphen_is_not_checked() -> None:
    text = "Latvi- — Latvia, pre- and post-war, Kassym-Jomart, secur-\nity"
    assert [w.token.text for w in words(text) if w.skip] == ["Latvi", "pre", "secur"]


def test_letters_an_editor_put_in_brackets_are_not_checked() -> None:
    text = "“[F]aith sees,” the countr[ies] said; [see] above"
    assert [w.token.text for w in words(text) if w.skip] == ["F", "aith", "countr", "ies"]


FRAGMENTS = [
    "We’re",
    "we're",
    "‘",
    "’",
    "goverment’s",
    "Kmitry",
    "Peskov’s",
    "does’nt",
    "ma’am",
    "Hawaiʻi",
    "d’Ivoire",
    "secur-",
    "ity",
    "Latvi-",
    "—",
    "[F]aith",
    "Bozkir",
    "Łukasz",
    "-",
    "\n",
    " ",
    ".",
    "Sana’a",
    "don't",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=14).map(" ".join))
def test_findings_on_typographic_copy_are_exact_and_fixing_settles(text: str) -> None:
    report = normalize.check(text)
    assert all(text[f.start : f.end] == f.text for f in report.findings)
    spans = sorted((f.start, f.end) for f in report.findings)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False))
    assert normalize.fix(report.fixed).fixed == report.fixed


def test_rewords_reads_again_only_what_fixes_changed_and_gives_what_reading_all_gives() -> None:
    """settle's later passes: the words of the fixed text, from the last pass's words and fixes."""
    from normalize.apply import apply
    from normalize.lexicon import load
    from normalize.settle import forward
    from normalize.tokenize import rewords

    known = load().knows
    old = (
        "Kmitry Peskov told the goverment.\n\nThe secur-\nity of Rusia, at https://x.ru/a.\n\n  \n\nVoloddymyr Zlensky"
    )
    skip = [(old.index("https"), old.index("https") + 17)]

    def fix(typed: str, fixed: str) -> Finding:
        at = old.index(typed)
        return Finding(at, at + len(typed), typed, fixed, (fixed,), 0.9, "word", "fix", "test")

    for edits in (
        [fix("Kmitry", "Dmitry")],
        [fix("goverment", "government"), fix("Rusia", "Russia")],
        [fix("Rusia", "Russia"), fix("Voloddymyr", "Volodymyr")],
        [fix("Zlensky", "Zelensky")],
    ):
        new = apply(old, edits)
        moved = [forward(span, edits) for span in skip]
        got = rewords(old, join_broken(old, words(old, skip), known), edits, new, moved, known)
        assert got == join_broken(new, words(new, moved), known)
    assert rewords(old, words(old), [fix("Kmitry", "Dmitry")], old, (), known) is None  # not the fixed text


def _made_up(count: int, seed: int) -> list[str]:
    """Capitalized words no list has (letters drawn the way tests/test_pathological.py does)."""
    rnd = random.Random(seed)
    return [rnd.choice(string.ascii_uppercase) + "".join(rnd.choice("qxzjvw") for _ in range(7)) for _ in range(count)]


def _unlisted_skipped(text: str) -> list[str]:
    lexicon = normalize.engine.default().lexicon
    return [w.core for w in join_broken(text, words(text), lexicon.knows) if w.skip]


def test_a_run_of_words_no_list_has_is_not_prose() -> None:
    wall = _made_up(40, 1)
    # each with at least 30 of them among the 41 words around it: all but the 9 at either end
    assert _unlisted_skipped(" ".join(wall)) == wall[9:31]
    # fewer of them than UNLISTED_RUN around each: read as usual
    assert _unlisted_skipped(" the ".join(wall)) == []
    assert (
        _unlisted_skipped(" ".join(wall[:20]) + "\n\n" + " ".join(wall[20:])) == []
    )  # the reach stops at a blank line
    # words in another script are not counted (look-alike letters are read there)
    assert _unlisted_skipped(" ".join(["Звідки"] * 40)) == []


def test_a_slip_inside_a_wall_of_unlisted_words_is_left_but_one_after_it_is_fixed() -> None:
    wall = " ".join(_made_up(40, 2))
    text = f"{wall} Burunldk {wall}\n\nThe talks in Burunldk ended."
    found = normalize.check(text).findings
    assert [(f.start, f.replacement) for f in found] == [(text.rindex("Burunldk"), "Burundi")]


def test_words_read_as_columns_are_the_words_and_made_only_when_asked_for() -> None:
    text = "Mr. Obrien’s 3rd visit to Kyiv-\nward, see www.gov.ua and secur- ity.\n\nA new paragraph, U.S. style."
    knows = Normalizer().lexicon.knows
    read = words(text)
    columns = columns_between(text, [], 0, len(text), knows)
    assert words_of(columns) == join_broken(text, read, knows)
    lazy = Lazy(columns)
    assert len(lazy) == len(read)
    assert lazy[-1] == words_of(columns)[-1] and lazy[2:5] == words_of(columns)[2:5]
    assert Lazy(columns, [True] * len(read))[0].skip


def test_words_made_a_column_at_a_time_are_frozen_words():
    from dataclasses import FrozenInstanceError

    from normalize.tokenize import new_tokens, new_words

    tokens = new_tokens(["Kyiv", "said"], [0, 5], [4, 9], [0, 1])
    made = new_words(tokens, ["Kyiv", "said"], [False, True], [True, False], [False, False])
    assert [type(w) for w in made] == [Word, Word] and [type(w.token) for w in made] == [Token, Token]
    assert made == [
        Word(Token("Kyiv", 0, 4, 0), "Kyiv", False, True),
        Word(Token("said", 5, 9, 1), "said", True, False),
    ]
    assert hash(made[0]) == hash(Word(Token("Kyiv", 0, 4, 0), "Kyiv", False, True))
    with pytest.raises(FrozenInstanceError):
        made[0].skip = True  # type: ignore[misc]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ab\n", max_size=60),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 3)), max_size=8),
)
def test_the_paragraphs_read_again_are_those_a_search_for_each_edit_finds(
    text: str, spans: list[tuple[int, int]]
) -> None:
    """rewords searches a paragraph once however many of its words are fixed (a long text without
    blank lines searched the whole text back and forth for each fix): the same paragraphs."""
    from normalize.tokenize import _BLANK_LINE, _paragraphs_of

    edits, end = [], 0
    for at, length in sorted(spans):
        if at >= end and at + length <= len(text):
            edits.append(Finding(at, at + length, text[at : at + length], "x", ("x",), 0.9, "word", "fix", "t"))
            end = at + length
    searched: list[list[int]] = []
    for e in edits:
        before, after = text.rfind(_BLANK_LINE, 0, e.start), text.find(_BLANK_LINE, e.end)
        a, b = 0 if before < 0 else before + 1, len(text) if after < 0 else after + 1
        if searched and a <= searched[-1][1]:
            searched[-1][1] = max(searched[-1][1], b)
        else:
            searched.append([a, b])
    assert _paragraphs_of(text, edits) == searched


def test_a_line_in_capitals_is_a_heading_whose_next_line_opens_a_sentence() -> None:
    """A line whose letters are all capitals (a heading) ends a sentence though no full stop
    ends it: the next line's first word opens one. A line of prose broken without punctuation
    does not, nor a single capital letter."""
    text = "GROWING STRONGER AT HOME\nWhile we trade abroad, we invest.\nThe plan\nWorks well, see part\nA\nBig one."
    starts = {w.core: w.sentence_start for w in words(text)}
    assert starts["GROWING"] and starts["While"] and starts["The"]
    assert not starts["Works"] and not starts["Big"]
    (fix,) = normalize.check("GROWING STRONGER AT HOME\nWhule we trade abroad, we invest at home.").fixes
    assert (fix.text, fix.replacement) == ("Whule", "While")


def test_a_datelines_dash_opens_the_storys_first_sentence() -> None:
    """A wire story's dateline (a line's start, a place in capitals or a capitalized place with a
    country or an agency, then a dash) ends before the first sentence: the capitalized word after
    the dash opens it. A dash in mid-sentence, after a lowercase word, or before a lowercase
    word does not, nor a lone capitalized word before a dash."""
    text = (
        "HARBOR TOWN, Freedonia — Rivers rose overnight.\n"
        "Old Quay (Wire) – Boats stayed in.\n"
        "The mayor — Boats aside — spoke.\n"
        "Marisol — Hernandez agreed.\n"
        "LOWLANDS — and then rain came."
    )
    starts = {w.core: w.sentence_start for w in words(text)}
    assert starts["HARBOR"] and starts["Rivers"] and not starts["Freedonia"]
    assert [w.sentence_start for w in words(text) if w.core == "Boats"] == [True, False]
    assert not starts["Hernandez"] and not starts["and"]
    (fix,) = normalize.check("NORTHPORT, Freedonia — Tempratures fell below zero overnight in the hills.").fixes
    assert (fix.text, fix.replacement) == ("Tempratures", "Temperatures")


def test_a_name_after_a_datelines_dash_stays() -> None:
    """The word after a dateline opens a sentence, but a correctly spelled official's name there
    is kept as it is."""
    assert not normalize.check("WARSAW, Poland — Donald Tusk said the vote would be held in spring.").findings
