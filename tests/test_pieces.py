"""A long text checked a piece at a time gives the findings of the whole text checked at once."""

from __future__ import annotations

import pickle
import random
import re
from bisect import bisect_right
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from normalize import decide, engine, tally
from normalize.forms import APOSTROPHES
from normalize.pieces import BLANK, MARGIN_WORDS, cuts, pieces
from normalize.runon import NAME_REACH, run_ons
from normalize.spacing import split_words
from normalize.tokenize import WORD, join_broken, words
from normalize.types import Finding, Report

# Sentences written for this test: misspelled names and words, a name spelt two ways in
# one document, words run together or split, a lost capital, look-alike letters, a word
# broken at a line end, a URL, possessives and curly apostrophes.
SENTENCES = [
    "Kremlin spokesman Kmitry Peskov told reporters the goverment would answer.",
    "Defence minister Oleksii Reznikov visited Kharkiv on Monday.",
    "Reznikov said the convoy reached Kharkiv before dawn.",
    "Later Reznikv met the mayor, who thanked Reznikov for the aid.",
    "The talks in Russa ended without a statement, an official said.",
    "Officials said the agreement was signed againstRussia by mistake.",
    "The Russiaand Ukraine delegations met in Istanbul.",
    "The gover nment said the ho urs of the curfew would change.",
    "President Volodymyr Zelensky thanked the mayor of Mariupol.",
    "Zelensky’s adviser said the secur-\nity council would meet.",
    "The UN envoy spoke about russia and north Korea at length.",
    "See https://example.com/report_2024 for the full text of the Defenсe review.",
    "Prime Minister Keir Starmer arrived in Kyiv with Emanuel Macron.",
    "The commitee recieved the report, which was accomodated in the budget.",
    "Mr Blinken and Mr Lavrov spoke by phone, the State Department said.",
    "In the village of Novoselivka, residents alsosaid the water was back.",
    "The Secretary-General, António Guterres, called for calm in Gaza.",
    "Dr Tedros Adhanom Ghebreyesus warned of cholera in Sudan and Chad.",
]


def _document(seed: int, paragraphs: int) -> str:
    """Paragraphs of one to six sentences, now and then a one-word heading, a list,
    a Windows blank line or several blank lines between them."""
    rnd = random.Random(seed)
    out = []
    for _ in range(paragraphs):
        kind = rnd.random()
        if kind < 0.1:
            out.append(rnd.choice(["Ukraine", "Reznikov", "Kmitry", "Summary", "russia"]))
        elif kind < 0.2:
            out.append("\n".join("- " + rnd.choice(SENTENCES) for _ in range(rnd.randint(2, 4))))
        else:
            out.append(" ".join(rnd.choice(SENTENCES) for _ in range(rnd.randint(1, 6))))
        out.append(rnd.choice(["\n\n", "\n\n", "\n\n\n", "\r\n\r\n", "\n \n"]))
    return "".join(out)


def _checked(
    text: str, piece: int, skip: list[tuple[int, int]] | None = None, block: int = tally.BLOCK, workers: int = 1
) -> Report:
    base = engine.default()
    normalizer = engine.Normalizer(base.lexicon, rules=base.rules)
    normalizer.long_text, normalizer.piece, normalizer.block = 2 * piece, piece, block
    normalizer.workers = workers
    normalizer.again_on_workers = 0  # (the later passes too: on the workers however little they read)
    return normalizer.check(text, skip=skip or [])


@cache
def _one_job_of_six() -> tuple[str, Report]:
    """Document 6 read in pieces of 1,500 and blocks of 600 by this process alone: what the
    tests of worker processes compare with (a new Normalizer each time gives the same)."""
    text = _document(6, 250)
    return text, _checked(text, 1_500, block=600)


def _spy_again(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Records, for each later-pass call of ``Normalizer._again``, whether it found anything."""
    again: list[bool] = []
    real = engine.Normalizer._again

    def answered(self: engine.Normalizer, *args: object, **kwargs: object) -> object:
        found = real(self, *args, **kwargs)  # type: ignore[arg-type]
        again.append(found is not None)
        return found

    monkeypatch.setattr(engine.Normalizer, "_again", answered)
    return again


def test_pieces_cover_the_text_and_read_enough_words_around_each() -> None:
    text = _document(1, 300)
    found = pieces(text, 2_000)
    assert len(found) > 10
    assert found[0].start == 0 and found[-1].end == len(text)
    for p, q in zip(found, found[1:], strict=False):
        assert p.end == q.start
    for p in found:
        for cut in {p.before, p.start, p.end, p.after} - {0, len(text)}:
            assert text[cut - 1] == "\n" and BLANK.match(text, cut - 1)  # right after a line break a blank line follows
        if p.before:
            assert len(WORD.findall(text, p.before, p.start)) >= MARGIN_WORDS
        if p.after < len(text):
            assert len(WORD.findall(text, p.end, p.after)) >= MARGIN_WORDS


def test_a_text_without_blank_lines_is_one_piece() -> None:
    text = " ".join(SENTENCES * 20)
    assert [(p.before, p.start, p.end, p.after) for p in pieces(text, 1_000)] == [(0, 0, len(text), len(text))]


@pytest.mark.parametrize("seed", [1, pytest.param(2, marks=pytest.mark.slow)])
def test_a_text_checked_in_pieces_gives_the_findings_of_the_whole(seed: int) -> None:
    text = _document(seed, 250)
    whole = _checked(text, 10**9)
    assert sum(f.action == "fix" for f in whole.findings) > 50  # the text has much to find
    assert {f.rule for f in whole.findings} >= {"spelling", "consistency", "lookalike"}
    for piece in (1_500, 4_000):
        assert _checked(text, piece).findings == whole.findings


def test_pieces_read_on_two_worker_processes_give_the_findings_of_one() -> None:
    text, one = _one_job_of_six()
    assert sum(f.action == "fix" for f in one.findings) > 50
    assert _checked(text, 1_500, block=600, workers=2).findings == one.findings


def test_later_passes_read_on_two_worker_processes_give_the_findings_of_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """A later settle pass reads again, on the workers, the blocks its fixes touched and the
    stretches around them; what its decisions noted comes back for the pass after it."""
    rnd = random.Random(8)
    paragraphs = [" ".join(rnd.choice(CLEAN) for _ in range(rnd.randint(1, 4))) for _ in range(300)]
    for k in range(5, 300, 12):  # now and then a paragraph with something to fix
        paragraphs[k] = " ".join(rnd.sample(SENTENCES, 3))
    text = "\n\n".join(paragraphs)
    one = _checked(text, 1_500, block=600)
    read_again: list[int] = []
    real = engine.Normalizer._blocks_at

    def counted(self: engine.Normalizer, text: str, skip: object, spans: list[tuple[int, int]], memo: object) -> object:
        read_again.append(len(spans))
        return real(self, text, skip, spans, memo)  # type: ignore[arg-type]

    monkeypatch.setattr(engine.Normalizer, "_blocks_at", counted)
    again = _spy_again(monkeypatch)
    assert _checked(text, 1_500, block=600, workers=2).findings == one.findings
    assert read_again and max(read_again) > 1 and any(again)


def test_skipped_spans_across_cuts_are_skipped_in_every_piece() -> None:
    text = _document(3, 200)
    rnd = random.Random(3)
    starts = sorted(rnd.sample(range(len(text) - 400), 40))
    skip = [(s, s + rnd.randint(1, 400)) for s in starts]
    whole = _checked(text, 10**9, skip)
    assert _checked(text, 2_000, skip).findings == whole.findings


SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "news-dev"


@pytest.mark.slow
def test_dev_news_checked_in_pieces_gives_the_findings_of_the_whole() -> None:
    from benchmarks.scaling import dev_text
    from benchmarks.split import available

    if not available("whitehouse"):
        pytest.skip(f"the dev news are not here ({SHARED})")
    text = dev_text(300_000)
    assert _checked(text, 25_000).findings == _checked(text, 10**9).findings


def test_counts_carried_past_fixes_are_those_of_the_fixed_text() -> None:
    base = engine.default()
    lexicon, model = base.lexicon, base.model
    text = _document(4, 200)
    edits = base.check(text).fixes[::3]  # a third of them: run-on words are left to cut
    assert len(edits) > 20
    fixed = Report(text, edits).fixed
    blocks = tally.read(text, [], lexicon, model, None, size=600)
    moved = tally.moved(blocks, tally.fingerprint(text), edits, fixed, [], lexicon, model, None)
    fresh = tally.read(fixed, [], lexicon, model, None, size=600)
    assert moved is not None and 0 < len(moved.fresh) < len(moved.blocks)
    carried = moved.blocks
    assert sum(b.start == c.start for b, c in zip(carried, fresh, strict=False)) > 0  # some blocks only moved
    a, b = tally.counts(carried, lexicon, model), tally.counts(fresh, lexicon, model)
    assert list(a.written.items()) == list(b.written.items())  # in the order the text first writes them
    assert list(a.spaced.items()) == list(b.spaced.items())
    assert a.cut == b.cut and sum(a.cut.values()) > 0
    assert tally.moved(blocks, tally.fingerprint(text), edits, fixed + " Kmitry", [], lexicon, model, None) is None


def test_a_long_paragraph_touched_by_fixes_is_read_again_only_near_them() -> None:
    """A block of one long paragraph (as dev news writes a story on one line) that a fix touches
    is read again only within some words of each fix, and the old block's other words are
    moved (tally._spliced): the block is the one a fresh read of the fixed text gives, packed
    words, counts, run-on words and split words alike."""
    base = engine.default()
    lexicon, model = base.lexicon, base.model
    rnd = random.Random(7)
    stories = []
    for n in range(8):  # stories of 200 sentences on one line, every other with mistakes far apart
        story = [rnd.choice(CLEAN) for _ in range(200)]
        for k in rnd.sample(range(200), 3 * (n % 2)):
            story[k] = rnd.choice(SENTENCES)
        stories.append(" ".join(story))
    text = "\n\n".join(stories) + "\n"
    edits = [f for f in base.check(text).fixes if "\n" not in text[f.start : f.end]]
    assert len(edits) >= 6
    fixed = Report(text, edits).fixed
    at = cuts(text, tally.BLOCK)
    blocks = tally.blocks_at(text, [], list(zip(at, at[1:], strict=False)), lexicon, model, None, pack=True)
    read: list[tuple[int, int]] = []  # the spans read again whole

    def whole(spans: list[tuple[int, int]]) -> list[tally.Block]:
        read.extend(spans)
        return tally.blocks_at(fixed, [], spans, lexicon, model, None, pack=True)

    moved = tally.moved(blocks, tally.fingerprint(text), edits, fixed, [], lexicon, model, None, whole)
    assert moved is not None and len(moved.fresh) >= 3 and not read  # (each spliced)
    for k in moved.fresh:
        block = moved.blocks[k]
        assert block == tally.blocks_at(fixed, [], [(block.start, block.end)], lexicon, model, None, pack=True)[0]
    fresh = tally.blocks_at(fixed, [], [(b.start, b.end) for b in moved.blocks], lexicon, model, None, pack=True)
    a, b = tally.counts(moved.blocks, lexicon, model), tally.counts(fresh, lexicon, model)
    assert list(a.written.items()) == list(b.written.items()) and a.cut == b.cut


CLEAN = [  # sentences written for this test, with nothing to find
    "The minister said the talks would resume next week.",
    "Officials met in the capital on Tuesday to discuss the budget.",
    "The report was published after a long delay, the agency said.",
    "Farmers in the south asked for more water during the summer.",
]


@pytest.mark.parametrize("long_paragraphs", [False, True])
def test_later_passes_read_again_only_what_the_fixes_change(
    monkeypatch: pytest.MonkeyPatch, long_paragraphs: bool
) -> None:
    """Most paragraphs have nothing to fix; a few have fixes that make others possible (a
    name fixed vouches for its other spelling): the later passes read again only the words
    near those fixes and the words whose counts changed, and the findings are those of the
    whole text read at once. Also when paragraphs are long (a blank line every 40
    paragraphs, single line breaks or spaces between the others), so that what is read
    again is cut inside them."""
    rnd = random.Random(5)
    paragraphs = []
    for k in range(400):
        if k % 40 == 7:
            paragraphs.append(rnd.choice([SENTENCES[0], SENTENCES[7], SENTENCES[13]]) + " " + rnd.choice(CLEAN))
        else:
            paragraphs.append(" ".join(rnd.choice(CLEAN) for _ in range(rnd.randint(1, 4))))
    # Alone, "Sholz" is only a suggestion; once the first fix writes "Scholz", a fix.
    paragraphs[3] = "Chancellor Olaf Scholtz arrived."
    paragraphs[300] = "Sholz said the aid would continue."
    # Alone, "Zlensky" is only a suggestion; once the name before it is fixed, a fix.
    paragraphs[200] += " The talks with President Voloddymyr Zlensky ended."
    if long_paragraphs:
        text = "".join(p + ("\n\n" if k % 40 == 39 else rnd.choice(["\n", " "])) for k, p in enumerate(paragraphs))
    else:
        text = "\n\n".join(paragraphs)
    again = _spy_again(monkeypatch)
    whole = _checked(text, 10**9)
    assert sum(f.action == "fix" for f in whole.findings) >= 10
    assert [f.replacement for f in whole.findings if f.text == "Sholz"] == ["Scholz"]
    assert [f.replacement for f in whole.findings if f.text == "Zlensky"] == ["Zelensky"]
    assert _checked(text, 3_000, block=400).findings == whole.findings
    assert any(again)  # a later pass read only some paragraphs


def test_words_kept_by_the_blocks_are_those_a_piece_reads_again() -> None:
    """The first pass's pieces read their words from the blocks (tally.unpack) instead of
    tokenizing again: the same words, split words and run-on words as read from the piece."""
    base = engine.default()
    lexicon, model = base.lexicon, base.model
    text = _document(11, 160)
    skip = [(m.start(), m.end()) for m in WORD.finditer(text)][200:260:7]  # a few words not prose
    at = cuts(text, 700)
    blocks = tally.blocks_at(text, skip, list(zip(at, at[1:], strict=False)), lexicon, model, None, pack=True)
    spaced = tally.counts(blocks, lexicon, model).spaced
    assert any(block.pending for block in blocks)  # run-on words whose cut reads the counts (Russiaand)
    starts = [block.start for block in blocks]
    found = [0, 0, 0]
    for p in pieces(text, 3_000):
        unpacked = tally.unpack(blocks, bisect_right(starts, p.before) - 1, p.before, p.after, lexicon, model, spaced)
        assert unpacked is not None
        piece = text[p.before : p.after]
        near = tally.Spans(skip).within(p.before, p.after)
        read = join_broken(piece, words(piece, [(a - p.before, b - p.before) for a, b in near]), lexicon.knows)
        split, tokens = split_words(piece, read, lexicon, model)
        glued, tokens = run_ons(tokens, lexicon, model, spaced)
        assert unpacked.read == read
        assert (unpacked.split, unpacked.glued, unpacked.words) == (split, glued, tokens)
        found = [found[0] + len(split), found[1] + len(glued), found[2] + sum(w.skip for w in read)]
    assert all(found)


@pytest.mark.parametrize(
    "text",
    [
        "Shelling hit the regions of Chernihivand Sumy overnight.",
        "Aid went to Donbasand Crimea.",
        "The Genevaand Astana talks ended.",
    ],
)
def test_blocks_cut_a_run_on_word_that_reads_the_word_after_it(text: str) -> None:
    """A run-on word whose cut reads the document's counts is cut once the blocks are all
    counted (tally.counts), with the words on either side of it: a place run into "and"
    before another place's name is cut as the text read at once cuts it. (Cut with the words
    before it only, the blocks' guess differed from the pieces', and a long text was read twice.)"""
    base = engine.default()
    lexicon, model = base.lexicon, base.model
    at = cuts(text, tally.BLOCK)
    blocks = tally.blocks_at(text, [], list(zip(at, at[1:], strict=False)), lexicon, model, None)
    assert any(block.pending for block in blocks)
    glued, _ = run_ons(join_broken(text, words(text), lexicon.knows), lexicon, model)
    assert [f.action for f in glued] == ["fix"]
    assert tally.counts(blocks, lexicon, model).cut == Counter(f.text for f in glued)


def test_a_stretch_cut_after_spaces_reads_the_words_the_whole_text_has_there() -> None:
    """A later pass reads its stretches (cut right after spaces, pieces.loose) from the blocks'
    packed words: the words the whole text has there, with its split words and run-on words."""
    base = engine.default()
    lexicon, model = base.lexicon, base.model
    text = _document(12, 120)
    at = cuts(text, 700)
    blocks = tally.blocks_at(text, [], list(zip(at, at[1:], strict=False)), lexicon, model, None, pack=True)
    spaced = tally.counts(blocks, lexicon, model).spaced
    read = join_broken(text, words(text), lexicon.knows)
    split, tokens = split_words(text, read, lexicon, model)
    glued, tokens = run_ons(tokens, lexicon, model, spaced)
    starts = [block.start for block in blocks]
    rnd = random.Random(12)
    spaces = [k + 1 for k, c in enumerate(text) if c == " "]
    found = [0, 0]
    for _ in range(40):
        lo, hi = sorted(rnd.sample(spaces, 2))
        unpacked = tally.unpack(blocks, bisect_right(starts, lo) - 1, lo, hi, lexicon, model, spaced)
        assert unpacked is not None
        here = [k for k, w in enumerate(read) if lo <= w.token.start < hi]
        assert [(w.token.text, w.token.start + lo, w.core, w.skip) for w in unpacked.read] == [
            (read[k].token.text, read[k].token.start, read[k].core, read[k].skip) for k in here
        ]
        assert [(f.start + lo, f.text) for f in unpacked.split] == [
            (f.start, f.text) for f in split if lo <= f.start < hi
        ]
        # (a run-on word's cut reads the words beside it: those farther than that from the ends)
        inner = range(NAME_REACH, len(here) - NAME_REACH)
        assert [unpacked.words[k].skip for k in inner] == [tokens[here[k]].skip for k in inner]
        a, b = (read[here[inner[0]]].token.start, read[here[inner[-1]]].token.end) if inner else (0, 0)
        assert [(f.start + lo, f.text) for f in unpacked.glued if a <= f.start + lo < b] == [
            (f.start, f.text) for f in glued if a <= f.start < b
        ]
        found = [found[0] + len(unpacked.split), found[1] + len(unpacked.glued)]
    assert all(found)


def test_a_later_pass_reads_again_only_where_a_decision_read_a_count_that_changed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The first pass fixes "Scholtz", so the text writes "Scholz" once more: the decision
    about the lone "Scholz" read that count, and "Sholz" becomes a fix once it is read again;
    the many "Olaf Scholz" that no decision was made about are not read again (a place of a
    word is read again where a decision about it was made there and read a count that
    changed, not wherever the text writes it), and the findings are the whole text's."""
    paragraphs = ["Chancellor Olaf Scholtz arrived."]
    paragraphs += ["Olaf Scholz met the mayor. " + CLEAN[k % len(CLEAN)] for k in range(60)]
    paragraphs += ["Sholz said the aid would continue.", "Later Scholz spoke."]
    text = "\n\n".join(paragraphs)
    read: list[list[int]] = []
    real = tally.again

    def again(*args: Any, **kwargs: Any) -> list[tuple[int, int]]:
        read.append(list(args[6]))
        return real(*args, **kwargs)

    monkeypatch.setattr(tally, "again", again)
    whole = _checked(text, 10**9)
    assert [(f.text, f.replacement) for f in whole.findings] == [("Scholtz", "Scholz"), ("Sholz", "Scholz")]
    assert _checked(text, 1_000, block=400).findings == whole.findings
    assert read and [text[start - 6 : start + 6] for start in read[0]] == ["Later Scholz"]


def test_places_decided_are_moved_past_the_fixes_of_their_pass() -> None:
    """Where a word decided starts, in the text once the pass's fixes are made: one inside a
    fix goes (the words near a fix are read again)."""
    text = "aaa bbb ccc dd eee"
    fixes = [
        Finding(4, 7, "bbb", "bbbbb", ("bbbbb",), 1.0, "word", "fix", "a test"),
        Finding(12, 14, "dd", "d", ("d",), 1.0, "word", "fix", "a test"),
    ]
    places = [(w, text.index(w), (w,)) for w in ("aaa", "bbb", "ccc", "dd", "eee")]
    moved = tally.places_moved(places, fixes)
    fixed = "aaa bbbbb ccc d eee"
    assert [(w, fixed[start : start + len(w)]) for w, start, _ in moved] == [
        ("aaa", "aaa"),
        ("ccc", "ccc"),
        ("eee", "eee"),
    ]


def test_places_read_again_are_given_to_the_parts_they_lie_in() -> None:
    places = [(0, 5), (8, 20), (30, 31), (40, 60)]
    assert tally.joined(places, 5) == [(0, 20), (30, 31), (40, 60)]
    assert tally.joined(places, 0) == places
    assert tally.within(places, [(0, 10), (10, 45), (45, 50), (50, 70)]) == [
        [(0, 5), (8, 10)],
        [(10, 20), (30, 31), (40, 45)],
        [(45, 50)],
        [(50, 60)],
    ]


def _pattern_of(words: set[str]) -> re.Pattern[str]:
    """The one pattern of ``words`` that tally.written_at answers as (longest first, any apostrophe for "'")."""
    forms = sorted(words, key=len, reverse=True)
    alternatives = "|".join("".join("[" + APOSTROPHES + "]" if c == "'" else re.escape(c) for c in w) for w in forms)
    return re.compile(rf"(?<![^\W\d_])(?:{alternatives})(?![^\W\d_])")


@pytest.mark.parametrize("seed", range(3))
def test_places_that_write_words_are_those_one_pattern_of_them_matches(seed: int) -> None:
    """Each word searched for on its own (tally.again's places) gives the places one pattern of
    all the words matches: a word inside a longer one, beside a letter, digit or underscore, with
    another apostrophe, overlapping itself, or cut by the stretch's ends."""
    text = (
        " ".join(SENTENCES)
        + " a-a-a don't don’t donʼt Kyiv's Kyiv’s xKyiv Kyivx Kyiv2 2Kyiv _Kyiv Kyiv_ Ⅳthe the² théthe"
        + " Bosnia-Herzegovina Herzegovina-Bosnia co-operation operation ’s s’s it's it’s its"
    )
    vocabulary = sorted({m.group() for m in WORD.finditer(text)}) + ["a-a", "don't", "Kyiv", "the", "Herzegovina", "s"]
    rng = random.Random(seed)
    for _ in range(300):
        chosen = set(rng.sample(vocabulary, rng.randrange(1, 12)))
        a = rng.randrange(len(text))
        b = rng.randrange(a, len(text) + 1)
        expected = [m.span() for m in _pattern_of(chosen).finditer(text, a, b)]
        assert tally.written_at(text, chosen, a, b) == expected


def test_decisions_sent_back_from_a_worker_are_found_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a worker decided since a mark comes back pickled (decide.decisions_since) and is
    kept in this process's memo (decide.learn): a later decision there of the same window,
    counted the same, is not worked out again, and gives the same findings."""
    base = engine.default()
    tokens = words(" ".join(SENTENCES))
    args = (tokens, base.lexicon, base._speller, base._names, base._bigrams, base.model)
    worker: dict[tuple[object, ...], object] = {}
    mark = decide.decisions_mark(worker)
    found = decide.decide(*args, worker)
    learnt = pickle.loads(pickle.dumps(decide.decisions_since(worker, mark)))
    assert len(learnt) > 10
    here: dict[tuple[object, ...], object] = {}
    decide.learn(here, learnt)
    asked: list[int] = []
    real = decide._found
    monkeypatch.setattr(decide, "_found", lambda ctx, i, listed: asked.append(i) or real(ctx, i, listed))
    assert decide.decide(*args, here) == found
    assert not asked
    assert decide.decisions_since(worker, decide.decisions_mark(worker)) == []


def test_pieces_read_on_workers_leave_their_decisions_to_this_process() -> None:
    text, one = _one_job_of_six()
    base = engine.default()
    normalizer = engine.Normalizer(base.lexicon, rules=base.rules)
    normalizer.long_text, normalizer.piece, normalizer.block = 3_000, 1_500, 600
    normalizer.workers = 2
    normalizer.again_on_workers = 0  # (nothing is decided in this process)
    assert normalizer.check(text).findings == one.findings
    assert len(normalizer._memo[decide.DECISIONS]) > 500  # type: ignore[arg-type]


def test_the_words_that_learnt_decisions_share_go_with_their_table() -> None:
    memo: dict[tuple[object, ...], object] = {}
    table = decide._decisions(memo)
    shared = decide._shared(memo, table)
    shared["Kyiv"] = "Kyiv"
    assert decide._shared(memo, table) is shared
    memo[decide.DECISIONS] = {}  # (a full table is renewed so: decide._decisions)
    assert decide._shared(memo, decide._decisions(memo)) == {}


def test_decisions_since_a_mark_of_a_larger_table_are_those_of_the_table_now() -> None:
    memo: dict[tuple[object, ...], object] = {decide.DECISIONS: {("a",): [((), (), None)]}}
    mark = decide.decisions_mark(memo)
    assert mark[1] == 1 and decide.decisions_since(memo, mark) == []
    assert decide.decisions_since(memo, (mark[0], 5)) == []  # (an address reused by a smaller table)
    memo[decide.DECISIONS] = {("b",): [((), (), None)]}
    assert decide.decisions_since(memo, mark) == [(("b",), [((), (), None)])]


def test_a_full_table_of_decisions_keeps_its_newer_half(monkeypatch: pytest.MonkeyPatch) -> None:
    """A settle pass over a long text without blank lines (one piece) asks again the windows
    the pass before decided: when the table fills during that pass, the renewed table keeps
    the newer half, so the next pass works none of them out again (emptied, it worked out
    all that the pass decided before the table filled)."""
    base = engine.default()
    rnd, pool = random.Random(13), " ".join(SENTENCES).split()
    first, second = (" ".join(rnd.choice(pool) for _ in range(300)) for _ in range(2))

    def decided(text: str, memo: dict[tuple[object, ...], object]) -> list[Finding]:
        args = (base.lexicon, base._speller, base._names, base._bigrams, base.model, memo)
        return decide.decide(words(text), *args)

    memo: dict[tuple[object, ...], object] = {}
    decided(first, memo)
    a = len(memo[decide.DECISIONS])  # type: ignore[arg-type]
    expected = decided(second, memo)
    b = len(memo[decide.DECISIONS]) - a  # type: ignore[arg-type]
    assert a > 10 and 10 < b <= 2 * a
    monkeypatch.setattr(decide, "MAX_DECISIONS", a + b // 2)  # full halfway through the second
    memo = {}
    decided(first, memo)
    full = memo[decide.DECISIONS]
    decided(second, memo)
    assert memo[decide.DECISIONS] is not full  # (renewed: decisions_mark tells the tables apart)
    asked: list[int] = []
    real = decide._found
    monkeypatch.setattr(decide, "_found", lambda ctx, i, listed: asked.append(i) or real(ctx, i, listed))
    assert decided(second, memo) == expected
    assert asked == []


def test_a_text_read_at_once_gives_the_table_of_decisions_room_until_it_is_checked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A text without blank lines is read at once: its table of decisions holds a window for
    every engine.ROOM_CHARS characters while it is checked (a settle pass finds the last one's
    windows), and is cut back to the newer half of ``MAX_DECISIONS`` after."""
    monkeypatch.setattr(decide, "MAX_DECISIONS", 40)
    memo: dict[tuple[object, ...], object] = {}
    decide.decisions_room(memo, 30)  # (no less than MAX_DECISIONS)
    assert decide.ROOM not in memo
    decide.decisions_room(memo, 100)
    for k in range(90):
        decide._decisions(memo)[(k,)] = []
    assert list(decide._decisions(memo)) == [(k,) for k in range(90)]
    decide.decisions_trimmed(memo)
    assert decide.ROOM not in memo and list(decide._decisions(memo)) == [(k,) for k in range(70, 90)]
    seen: list[object] = []
    real = decide.decisions_trimmed
    monkeypatch.setattr(engine, "decisions_trimmed", lambda memo: seen.append(memo.get(decide.ROOM)) or real(memo))
    normalizer = engine.Normalizer(engine.default().lexicon)
    normalizer.check("the goverment said " * 40)
    assert seen == [len("the goverment said " * 40) // engine.ROOM_CHARS] and decide.ROOM not in normalizer._memo


def test_a_decision_that_asked_no_topic_holds_for_a_text_about_other_countries(monkeypatch: pytest.MonkeyPatch) -> None:
    """A settle pass whose fixes name a country (Kiyv fixed to Kyiv: the text is about Ukraine)
    decides again only the words whose decisions asked the text's topics (context.note_topics);
    the others' answers hold, and the findings are those of deciding all again."""
    from normalize.context import Document

    base = engine.default()
    tokens = words(" ".join(SENTENCES))
    doc = Document.of((w.core for w in tokens if not w.skip), base.lexicon)
    other = doc._replace(topics=doc.topics ^ {"Ukraine"})
    args = (tokens, base.lexicon, base._speller, base._names, base._bigrams, base.model)
    expected = decide.decide(*args, {}, other)
    memo: dict[tuple[object, ...], object] = {}
    decide.decide(*args, memo, doc)
    decided = len(memo[decide.DECISIONS])  # type: ignore[arg-type]
    asked: list[int] = []
    real = decide._found
    monkeypatch.setattr(decide, "_found", lambda ctx, i, listed: asked.append(i) or real(ctx, i, listed))
    decide.decide(*args, memo, doc)
    assert asked == []
    assert decide.decide(*args, memo, other) == expected
    assert 0 < len(asked) < decided / 2


def test_a_decision_that_read_whether_the_text_writes_a_name_holds_however_often_it_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The decision about "Reznikv" reads whether the text writes "Oleksii" (the whole name
    Oleksii Reznikov: context.named_in_full), not how often (context.written): once more
    "Oleksii" decides nothing again, and the answers are those of deciding all afresh; a text
    without "Oleksii" decides again the words that read it, and only they."""
    from normalize.context import UNWRITTEN, WRITTEN, Counts, Document, flipped

    base = engine.default()
    tokens = words(" ".join(SENTENCES))
    doc = Document.of((w.core for w in tokens if not w.skip), base.lexicon)
    args = (tokens, base.lexicon, base._speller, base._names, base._bigrams, base.model)
    memo: dict[tuple[object, ...], object] = {}
    doc.in_document.places = []
    decide.decide(*args, memo, doc)
    heard = {core: set(spellings) for core, _, spellings in doc.in_document.places}
    assert WRITTEN + "Oleksii" in heard["Reznikv"] and "Oleksii" not in heard["Reznikv"]
    doc.in_document.places = None
    asked: list[str] = []
    real = decide._found
    monkeypatch.setattr(decide, "_found", lambda ctx, i, listed: asked.append(tokens[i].core) or real(ctx, i, listed))
    for change in (+1, -doc.in_document["Oleksii"]):
        counted = {k: n + change * (k == "Oleksii") for k, n in doc.in_document.items()}
        other = doc._replace(in_document=Counts({k: n for k, n in counted.items() if n}))
        expected = decide.decide(*args, {}, other)
        asked.clear()
        assert decide.decide(*args, memo, other) == expected
        gone = flipped({"Oleksii"}, other.in_document)  # (engine._affected)
        readers = sorted(core for core, spellings in heard.items() if gone & spellings)
        assert sorted(set(asked)) == readers == ([] if change > 0 else ["Reznikv"])
    assert flipped({"Oleksii", "Kyiv"}, Counts({"Kyiv": 2})) == {WRITTEN + "Oleksii", UNWRITTEN + "Kyiv"}
