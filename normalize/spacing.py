"""Split words: a space typed inside a word ("gover nment", "Rus sia"), read as the one word (pure).

Two neighbouring words, one space between them, the second in lowercase letters,
whose letters together are a trusted English word or a listed name (capitalized as
the first word is) are read as that word. The model weighs the reading (weights in
dictionaries/model.json, set by hand; no example of decide.readings has them):

- ``split_joined``: how often text uses the joined word (Zipf), or, for a name, how
  prominent it is;
- ``split_halves``: how often text uses the rarer half as typed (a listed name's
  prominence for a capitalized half): "kilo metres" and "a lone" are words English
  writes, "gover" is not;
- ``split_word``: every such reading (the intercept: a space is rarely typed inside
  a word by chance).
- ``split_fragment``: a name read from a capitalized word and a lowercase one that is
  no trusted English word ("To kyo", "Ca nada"): the second is a piece of the name.
- ``split_partner``: a name read from the pair, and the words right before it ("Mario Dra
  ghi", "Uhuru Kenya tta", "Sam Kute sa") or right after it ("Abdu lla Shahid") are the rest
  of a listed name with it, as ``same_name`` for one word.
- ``split_place_cue``: the joined word is a listed place and a preposition of place stands
  right before the pair ("in Gabor one": Gaborone, not Gabor, nor Gabon), valued as
  ``place_preposition`` for one word (0.5 after to, from, at); or it is a country and the
  pair an item of a list of countries ("Germany and Tur key"), valued as ``country_list``; or
  the words around the pair call for the place as they would around the one word, 1: a region
  noun or a noun of land, water or meeting after it, its country across a comma ("Hiroshi ma,
  Japan"), a place of its own country beside it in a list ("Utah, Oma ha, Gold").
- ``split_slip``: the first word is no English word but one slip from one of the commonest
  closed-class words, which the web writes before the second, a function word ("thes is": this
  is mistyped, not thesis split).
- ``split_capitalized``: a pair in lowercase whose joined word English writes capitalized
  (case_usage.tsv, log10 of how much more often: "theres a", Theresa 1.26): ``split_joined``
  counts every use of it, and the lowercase word would have lost its capital as well.
- ``split_contraction``: the first word is a contraction written without its apostrophe, as
  codespell's likeliest correction of it says ("Theres a": There's, not Theresa split; a capital
  at a sentence's start says nothing of a name): the pair reads as the contraction and the next
  word, and the first word is read alone.

Gates, before any scoring: both words are prose (not ``skip``: URLs, code, a word
broken at a line end, "secur- ity", which is left alone by design); exactly one space
between them; the first has no possessive; the second is not the first part of a
hyphenated compound ("the re-election"). A fixed reading marks both words ``skip``,
so that spelling does not also read each half on its own ("ho urs": not "ho us").

The reading of a pair depends on its two words and the lexicon alone (but for
``split_partner``, read apart from the neighbours), so it is worked out once per distinct pair in the
Normalizer's memo: a text repeats most of its pairs, and each settle pass asks again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import islice
from typing import NamedTuple, cast
from zlib import crc32

from rapidfuzz.distance import OSA

from normalize.candidates import bigrams_of
from normalize.context import (
    CLOSED_CLASS,
    FUNCTION_WORDS,
    PLACE_PREPOSITIONS,
    Memo,
    adjacent,
    best_entry,
    calls_for_place,
    country_beside,
    is_country,
    listed_pair,
    listed_pair_after,
    name_side,
    places_beside,
    typed_prior,
    word_table,
)
from normalize.features import PERSON_PREPOSITIONS
from normalize.lexicon import Lexicon, Screen, peek, screen
from normalize.model import FIX_MARGIN, Model, confidence
from normalize.tokenize import CUT_HYPHENS, Columns, Word
from normalize.types import Entry, Finding, Token

SUGGEST_MARGIN = 0.0
# Zipf of a joined word at least, for the web's silence about its halves to count (split_unwritten):
# a typo of the second word beside the first can spell a rare word (see thes: seethes, Zipf 1.7)
UNWRITTEN_JOINED = 3.0
HYPHENS = CUT_HYPHENS
# The commonest closed-class words (Zipf 6.0 or more: the, this, they, is): a non-word one slip from
# one of them before a function word is that word mistyped (split_slip), not half a split word.
COMMONEST_ZIPF = 6.0
COMMONEST = tuple(sorted(FUNCTION_WORDS | CLOSED_CLASS))


class Joined(NamedTuple):
    """Words ``i`` and ``i + 1`` read as one word."""

    i: int
    text: str
    entry: Entry
    features: dict[str, float]


def split_words(
    text: str, words: Sequence[Word], lexicon: Lexicon, model: Model, memo: Memo | None = None
) -> tuple[list[Finding], list[Word]]:
    """Findings for words split by a space, and ``words`` with both halves of each fixed one marked ``skip``."""
    out = list(words)
    findings, fixed = split_in(text, words, Columns(*_columns(words)), lexicon, model, memo)
    for i in fixed:
        out[i], out[i + 1] = replace(out[i], skip=True), replace(out[i + 1], skip=True)
    return findings, out


def split_in(
    text: str, words: Sequence[Word], columns: Columns, lexicon: Lexicon, model: Model, memo: Memo | None = None
) -> tuple[list[Finding], list[int]]:
    """``split_words`` for ``words`` given also as ``columns`` (their texts, offsets, cores and
    skip flags: only those are read): the findings, and where each fixed pair starts."""
    findings, fixed = [], []
    for reading in _readings(text, words, columns, lexicon, memo):
        finding = _finding(text, words, reading, model)
        if finding is None:
            continue
        findings.append(finding)
        if finding.action == "fix":
            fixed.append(reading.i)
    return findings, fixed


Reading = tuple[str, Entry, dict[str, float]]  # a pair's joined word, its entry and features
MAX_PAIRS = 30_000  # distinct pairs whose answer a memo keeps (a table renewed when full: about 2.5 MB)


def readings(text: str, words: Sequence[Word], lexicon: Lexicon, memo: Memo | None = None) -> list[Joined]:
    """Each pair of neighbouring words that may be one word split by a space (``memo``: the
    answer for each distinct pair, which the lexicon alone decides, kept for the next ask)."""
    return _readings(text, words, Columns(*_columns(words)), lexicon, memo)


def _columns(
    words: Sequence[Word],
) -> tuple[list[str], list[int], list[int], list[str], list[bool], list[bool], list[bool]]:
    """What ``_readings`` reads of ``words``, as columns (``Columns``' fields; the last two unread, empty)."""
    tokens = [w.token for w in words]
    return (
        [t.text for t in tokens],
        [t.start for t in tokens],
        [t.end for t in tokens],
        [w.core for w in words],
        [w.skip for w in words],
        [],
        [],
    )


def _readings(
    text: str, words: Sequence[Word], columns: Columns, lexicon: Lexicon, memo: Memo | None = None
) -> list[Joined]:
    """``readings`` for ``words`` given also as ``columns``."""
    if memo is None:
        memo = {}
    out = []
    table = word_table(memo, "split", MAX_PAIRS)  # one table: a long text's many pairs do not fill the memo
    get, cores = table.get, columns.cores
    for i in _pairs(text, columns, lexicon):
        first, second = cores[i], cores[i + 1]
        key = f"{first} {second}"  # (no word holds a space)
        found = get(key, _ABSENT)
        if found is _ABSENT:
            found = table[key] = _joined(first, second, lexicon)
        if found is not None:
            joined, entry, features = cast(Reading, found)
            features = dict(features)
            if entry.kind != "word":
                partner = _partner_near(words, i, joined.lower(), lexicon)
                if partner is not None:
                    features["split_partner"] = 1.0  # Mario [Dra ghi], [Abdu lla] Shahid: the rest of a listed name
                    entry = lexicon.name(partner).entry
                cue = _place_cue(words, i, joined.lower(), lexicon) if entry.kind == "place" else 0.0
                if cue:
                    features["split_place_cue"] = cue  # in [Gabor one]: Gaborone, not Gabon
            elif first.islower():
                apart = _apart_context(words, i, joined, lexicon)
                if apart:
                    features["split_apart"] = apart  # had [a bout] of: pairs the web writes, about of it does not
                named = lexicon.capitalized.get(joined, 0.0)
                if named > 0.0:
                    features["split_capitalized"] = named  # theres a: theresa, a name English writes Theresa
            out.append(Joined(i, joined, entry, features))
    return out


def _pairs(text: str, columns: Columns, lexicon: Lexicon) -> list[int]:
    """Where a pair of neighbouring words passes the gates (module docstring), a word in
    lowercase letters or capitalized then one in lowercase, and may be one word: of most pairs
    the tables' filters tell at once that their letters together are no word and no name."""
    texts, starts, ends, cores, skip = columns.texts, columns.starts, columns.ends, columns.cores, columns.skip
    words, names = screen(lexicon.words), screen(lexicon.name_index)
    if words is None or names is None:  # (every pair is asked)
        words = names = Screen(memoryview(b"\xff"), 7, ())
    # (the filters' bits read here, as Screen.holds reads them: some 1.5 million pairs in 10 MB)
    w_seen, w_mask, w_over = words
    n_seen, n_mask, n_over = names
    out = []
    nexts = (islice(column, 1, None) for column in (cores, skip, starts, ends))
    for i, (first, typed, skipped, end, second, next_skipped, next_start, next_end) in enumerate(
        zip(cores, texts, skip, ends, *nexts, strict=False)  # (the last word has no next)
    ):
        if skipped or next_skipped or not second.islower() or next_start - end != 1 or text[end] != " ":
            continue
        if first != typed or text[next_end : next_end + 1] in HYPHENS:
            continue
        lower = first.islower()
        if not (lower or (first[:1].isupper() and first[1:].islower())):
            continue
        # (as _joined asks; letters that are all lowercase stay as they are)
        low = first + second if lower else (first + second).lower()
        crc = crc32(low.encode("utf-8", "surrogatepass"))
        bit = crc & w_mask
        if not (w_seen[bit >> 3] >> (bit & 7) & 1 or (w_over and low in w_over)):
            bit = crc & n_mask  # (a capitalized first word: the joined word may be a name)
            if lower or not (n_seen[bit >> 3] >> (bit & 7) & 1 or (n_over and low in n_over)):
                continue
        out.append(i)
    return out


def _place_cue(words: Sequence[Word], i: int, key: str, lexicon: Lexicon) -> float:
    """A preposition of place right before the pair at ``i``, whose joined word ``key`` is a
    listed place, as features.name_features weighs ``place_preposition`` for one word: 1 (in,
    near, into), 0.5 after one that takes people and firms as often (to, from, at); for a
    country, 1 as an item of a list of countries (Ukraine, Germany and [Tur key]: as
    ``country_list`` reads one word, the items before the pair and after it); else 1 where the
    words around call for the place as they would around the one word (``_called_place``), else 0."""
    if is_country(key, lexicon) and (country_beside(words, i, lexicon) or country_beside(words, i + 1, lexicon)):
        return 1.0
    apart = i == 0 or words[i - 1].skip or words[i - 1].pause_after or not adjacent(words, i - 1, i)
    before = "" if apart else words[i - 1].core.lower()
    if before in PLACE_PREPOSITIONS:
        return 0.5 if before in PERSON_PREPOSITIONS else 1.0
    return 1.0 if _called_place(words, i, key, lexicon) else 0.0


CUE_REACH = 8  # words on either side of a split pair that its cues of place read (lists, names before it)


def _called_place(words: Sequence[Word], i: int, key: str, lexicon: Lexicon) -> bool:
    """The words around the pair at ``i``, read as the one word ``key`` (a listed place), call for
    that place as they would around one word: a region noun or a noun of land, water or meeting
    after it, its listed name's words before it, a city and its country across a comma
    (``context.calls_for_place``: Grand Prince Hotel [Hiroshi ma], Japan), or a place of its own
    country beside it in a list (``context.places_beside``: at Utah, [Oma ha], Gold)."""
    a, b = words[i], words[i + 1]
    token = Token(f"{a.token.text} {b.token.text}", a.token.start, b.token.end, a.token.index)
    one = Word(token, f"{a.core}{b.core}", False, a.sentence_start, b.pause_after)
    start = max(0, i - CUE_REACH)
    window = [*words[start:i], one, *words[i + 2 : i + 2 + CUE_REACH]]
    at = i - start
    return calls_for_place(window, at, key, lexicon) or bool(places_beside(window, at, key, lexicon))


def _partner_near(words: Sequence[Word], i: int, key: str, lexicon: Lexicon) -> int | None:
    """The listed name whose words right before the pair at ``i`` (Mario [Dra ghi], Uhuru
    [Kenya tta]) or right after it ([Abdu lla] Shahid) complete the joined name: its
    spelling's number, or None."""
    before = tuple(w.core for w in name_side(words, i, -1))
    found = listed_pair(before, key, lexicon) if before else None
    if found is None:
        after = tuple(w.core for w in name_side(words, i + 1, 1))
        found = listed_pair_after(key, after, lexicon) if after else None
    return found


_ABSENT = object()


def _joined(first: str, second: str, lexicon: Lexicon) -> Reading | None:
    low = (first + second).lower()
    titled = first[:1].isupper()
    if not (peek(lexicon.words, low) or (titled and peek(lexicon.name_index, low))):
        return None  # most pairs, each asked once (the memo keeps the pair): not remembered twice
    name = titled and low in lexicon.name_index and lexicon.display[low][:1].isupper()
    if low not in lexicon.words and not name:
        return None
    if name:
        text = lexicon.display[low]
        prior = max(lexicon.zipf(low), lexicon.name_prior[low][0])
        entry = best_entry(low, lexicon, frozenset())
        if entry.name == first:
            return None  # Luhansk as: the first word is the place's name itself (not Luhanskas, another spelling)
    else:
        text = low[:1].upper() + low[1:] if titled else low
        prior = lexicon.zipf(low)
        entry = Entry(f"word:{low}", low, "word", "English word", "symspellpy frequency list, wordfreq")
    halves = min(typed_prior(first, lexicon), typed_prior(second, lexicon))
    features = {"split_word": 1.0, "split_joined": prior, "split_halves": halves}
    if prior >= UNWRITTEN_JOINED and _unwritten(first, second, lexicon):
        features["split_unwritten"] = 1.0  # gai ned, car ry: the web never writes them apart (a lone, per cent)
    if name and second not in lexicon.words:
        features["split_fragment"] = 1.0  # To kyo, Ca nada: the lowercase half is no English word
    if not name and _slip_before(first, second, lexicon):
        features["split_slip"] = 1.0  # thes is: this is mistyped, not thesis split
    if "'" in lexicon.misspellings.get(first.lower(), "").split("|")[0]:
        features["split_contraction"] = 1.0  # Theres a: There's a, not Theresa split
    return text, entry, features


def _slip_before(first: str, second: str, lexicon: Lexicon) -> bool:
    """``first`` is no English word but one slip from one of the commonest closed-class words
    (COMMONEST_ZIPF: the, this, they), which the web writes before ``second``, a function word:
    "thes is" is "this is" mistyped far more often than "thesis" split by a space."""
    low = first.lower()
    if second not in FUNCTION_WORDS or low in lexicon.words or lexicon.compiled is None:
        return False
    bigrams = bigrams_of(lexicon)
    return any(
        OSA.distance(low, word, score_cutoff=1) == 1 and bigrams.affinity(word, second) > 0
        for word in COMMONEST
        if lexicon.words[word] >= COMMONEST_ZIPF
    )


def _unwritten(first: str, second: str, lexicon: Lexicon) -> bool:
    """Two lowercase words, neither a function word, that Norvig's list of the web's frequent
    pairs lacks: English does not write them side by side (gai ned, car ry; but a lone, per cent,
    and a phrase of a preposition, in dependence, of fences, which the web writes too rarely)."""
    if not first.islower() or lexicon.compiled is None or min(len(first), len(second)) < 2:
        return False  # (a one-letter word is an article or a pronoun: a rea sonable, not area)
    if first in FUNCTION_WORDS or second in FUNCTION_WORDS:
        return False
    return not bigrams_of(lexicon).on_the_web(first, second)


MAX_APART = 4.0  # log10: the neighbours' pairs vouch for two words at most this much


def _apart_context(words: Sequence[Word], i: int, joined: str, lexicon: Lexicon) -> float:
    """How much likelier the web makes the pair at ``i`` as two words beside its neighbours
    than as the one word ``joined``: on each side, in the same clause, where the web writes the
    half with its neighbour (Norvig's bigram list: had a, bout of), that pair's affinity less
    the joined word's with the neighbour, if more; summed, up to MAX_APART. A real word split
    by a space leaves halves the web does not write beside its neighbours (gover nment of)."""
    if lexicon.compiled is None:
        return 0.0
    bigrams, total = bigrams_of(lexicon), 0.0
    a, b = words[i], words[i + 1]
    if i > 0 and not words[i - 1].pause_after and not words[i - 1].skip:
        before = words[i - 1].core.lower()
        if bigrams.on_the_web(before, a.core):
            total += max(0.0, bigrams.affinity(before, a.core) - bigrams.affinity(before, joined))
    if i + 2 < len(words) and not b.pause_after and not words[i + 2].skip:
        after = words[i + 2].core.lower()
        if bigrams.on_the_web(b.core, after):
            total += max(0.0, bigrams.affinity(b.core, after) - bigrams.affinity(joined, after))
    return min(total, MAX_APART)


def _finding(text: str, words: Sequence[Word], reading: Joined, model: Model) -> Finding | None:
    margin = model.margin(reading.features, {})
    if margin < SUGGEST_MARGIN:
        return None
    a, b = words[reading.i], words[reading.i + 1]
    start, end = a.token.start, b.token.start + len(b.core)
    typed = text[start:end]
    fix = round(margin, 9) >= FIX_MARGIN
    entry = reading.entry
    return Finding(
        start=start,
        end=end,
        text=typed,
        replacement=reading.text if fix else None,
        suggestions=(reading.text,),
        confidence=confidence(margin),
        kind=entry.kind,
        action="fix" if fix else "suggest",
        reason=(
            f"rule spelling: '{typed}' is one word split by a space; "
            f"{'likely' if fix else 'perhaps'} {entry.name} ({entry.description}; source: {entry.source})"
        ),
        rule="spelling",
        entry=entry,
        evidence=model.evidence(reading.features, {}),
    )
