"""str -> words with offsets (pure).

A word is a run of letters with inner apostrophes ("Russia's", "O'Brien").
Hyphens separate words, so "Kassym-Jomart" is two words and a fix to one
part keeps the hyphen. Words inside URLs, e-mail addresses, file paths,
hashtags, dotted identifiers ("kremlin.ru", "U.S.") or glued to digits
("COVID19"), runs of letters longer than any word, and words no list has where
nearly every word around is one too (``UNLISTED_RUN``), are marked ``skip``: they
are not prose. Tokenizing takes time linear in the text's length.

Apostrophes: published copy writes We’re, Côte d’Ivoire, Kyivʼs. A word's
``core`` (what is looked up) has each apostrophe as ASCII ', one character for
one, so offsets hold; ``as_written`` gives a finding back the writer's
apostrophe. Single quotes around a word (‘never’) are not part of it, and the
okina of Hawaiʻi is a letter.

Words cut off by a hyphen ("Latvi- — Latvia", a speaker's false start) and
words broken at a line end ("secur- ity", "secur-\nity", by ``join_broken``) are
marked ``skip``: neither is a spelling error, and a fix of either half would
change the word into another. So are words an editor completed in brackets
("[F]aith").
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from collections import Counter, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import compress, count, repeat
from typing import Any, NamedTuple, TypeVar, overload

from normalize.forms import APOSTROPHES, plain_apostrophes
from normalize.types import Finding, Token

T = TypeVar("T")

WORD = re.compile(r"[^\W\d_]+(?:['’‘ʼʻ][^\W\d_]+)*", re.UNICODE)
# Each alternative starts only where its leading run starts (the look-behinds), so a
# long run of letters is scanned once, not once per position: linear time.
NOT_PROSE = re.compile(
    r"(?<!\S)\S*[/\\_]\S*"  # paths, snake_case, a/b, and so URLs with a path
    r"|(?:(?<![a-z0-9+.-])[0-9+.-]*[a-z][a-z0-9+.-]*://|www\.)\S+"  # URLs
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail
    r"|(?<!\w)[#@][\w-]+"  # hashtags, handles
    r"|\[[^\W\d_]{1,3}\][^\W\d_]+|(?<![^\W\d_])[^\W\d_]+\[[^\W\d_]{1,3}\]",  # an editor's letters: [F]aith, countr[ies]
    re.IGNORECASE,
)
# A character that some NOT_PROSE match needs (searched for first: a pattern that starts with
# a set of characters is scanned for them, one that starts with a look-behind tried at each place).
_HINT = re.compile(r"[/\\_@#\[]|www\.", re.IGNORECASE)
_SPACE = re.compile(r"\s")
SENTENCE_BREAK = re.compile(r"[.!?:…•]|\n\s*[-*>|#]|\n\s*\n")
# Endings the core leaves out: the possessive and the clitics of contractions (there’d, that’ve),
# which English tokenizers make words of their own.
CLITICS = ("'s", "'d", "'ll", "'re", "'ve", "'m", "'")
# A word that keeps an apostrophe before lowercase letters is an elision (ma’am, o’er) or a foreign
# word (coup d’état, Al-Qa’ida): written so on purpose, and no list of English words has it. Only a
# negation, perhaps with its apostrophe misplaced (doesn't, does'nt), is English to check; names
# with a capital after the apostrophe (O'Brien, D'Alema) are checked as names.
NEGATION = ("n't", "'nt")
_INNER_APOSTROPHE = re.compile(r"['’‘ʼ](?<=[^\W\d_]['’‘ʼ])(?=[^\W\d_])")  # (the letter before: looked behind after)
# Hyphens of a word cut off or broken at a line end: the ASCII one, the Unicode hyphen and the
# non-breaking one (U+2011) that word processors and PDF text extraction write.
CUT_HYPHENS = ("-", "\u2010", "\u2011")
# Between the halves of a word broken at a line end: a hyphen (soft hyphen, ¬ of scans), then
# spaces (a no-break space too, as text extracted from PDF has them) and at most one line break.
_BREAK_HYPHEN = r"[-\u00ad\u2010\u2011¬]"
_BREAK_SPACES = r"[ \t\u00a0\u202f]*(?:\r?\n[ \t\u00a0\u202f]*)?"
# Found in the text between a letter and the next letter (a word's end, the next one's start):
# the hyphen first, the letter before it a look-behind after it (scanned for the hyphens).
_BROKEN_AFTER_LETTER = re.compile(rf"{_BREAK_HYPHEN}(?<=[^\W\d_]{_BREAK_HYPHEN}){_BREAK_SPACES}(?=[^\W\d_])")
# Far longer than any listed word or name (Llanfair...gogogoch has 58 letters): a longer run
# of letters is no slip of one, and looking it up takes time quadratic in its length.
LONGEST_WORD = 100


@dataclass(frozen=True, slots=True)
class Word:
    """A token plus what the steps after tokenizing need to know about it."""

    token: Token
    core: str  # the word as looked up: without a possessive suffix, apostrophes as '
    skip: bool  # not prose, an elision, or half of a word broken at a line end: never checked
    sentence_start: bool
    pause_after: bool = False  # punctuation follows right after it (, ; : . ! ? ))


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end(), i) for i, m in enumerate(WORD.finditer(text))]


PAUSES = frozenset(",;:.!?)")
# A closing quote between a word and its punctuation hides no pause (‘Ison’, the envoy; “no”.):
# the pause after the word is the punctuation's after the quote.
CLOSING_QUOTES = frozenset("'\"’”")
# Characters beside a word that can make it glued (a digit, a dot before a letter) or cut off
# (a hyphen) are looked at closely; a word between two of these plain ones is neither.
_PLAIN_BESIDE = frozenset(" \t\n\r,;:!?()\"'“”‘’«»—–…/`*_[]<>|~")


def words(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[Word]:
    """Words of ``text``; those inside ``skip`` spans or not prose are marked ``skip``."""
    return _words_in(text, skip, 0, len(text), 0, 0)


def _words_in(text: str, skip: Sequence[tuple[int, int]], a: int, b: int, index: int, prev_end: int) -> list[Word]:
    """The words of ``text[a:b]``, numbered from ``index``; ``prev_end`` is where the word
    before them ends (0: none). ``a`` and ``b`` lie in blank lines (or at the ends of the
    text): nothing about a word looks across one, so these are the words ``words`` finds there."""
    return words_of(_columns_in(text, skip, a, b, index, prev_end), index)


class Columns(NamedTuple):
    """The words of a stretch of text as ``Word``'s fields, a list each, made without an object
    a word (a long text's counts need none: tally.py); ``words_of`` makes the Words."""

    texts: list[str]
    starts: list[int]
    ends: list[int]
    cores: list[str]
    skip: list[bool]
    sentence_start: list[bool]
    pause_after: list[bool]


def _columns_in(text: str, skip: Sequence[tuple[int, int]], a: int, b: int, index: int, prev_end: int) -> Columns:
    """``_words_in``'s words, as columns (a column at a time: most words need no question of their own)."""
    found = list(WORD.finditer(text, a, b))
    if not found:
        return Columns([], [], [], [], [], [], [])
    texts, starts, ends = list(map(_GROUP, found)), list(map(_START, found)), list(map(_END, found))
    cores = _CORES
    if len(cores) > MAX_CORES:
        cores.clear()
    get = cores.get
    known = [get(word) or _core_of(word) for word in texts]
    after = [text[end : end + 1] for end in ends]
    return Columns(
        texts,
        starts,
        ends,
        [core for core, _ in known],
        _not_prose(text, skip, a, b, starts, ends, [not_prose for _, not_prose in known], after),
        _sentence_starts(text, starts, ends, index, prev_end),
        _pauses(text, ends, after),
    )


def _pauses(text: str, ends: list[int], after: list[str]) -> list[bool]:
    """Whether punctuation follows each word (ending at ``ends``, ``after`` the character after
    it) right after it, or after a closing quote (‘Ison’, the envoy; said “no”.)."""
    return [
        c in PAUSES or (c in CLOSING_QUOTES and text[end + 1 : end + 2] in PAUSES)
        for c, end in zip(after, ends, strict=True)
    ]


_GROUP, _START, _END = re.Match.group, re.Match.start, re.Match.end


def _core_of(word: str) -> tuple[str, bool]:
    """``_core(word)``, kept in ``_CORES``."""
    known = _CORES[word] = _core(word)
    return known


def _not_prose(
    text: str,
    skip: Sequence[tuple[int, int]],
    a: int,
    b: int,
    starts: list[int],
    ends: list[int],
    out: list[bool],
    after: list[str],
) -> list[bool]:
    """The words' ``skip`` flags as read (``out``: whether each is an elision or too long, marked
    in place): also those in skipped markup or not prose, glued to digits or cut off."""
    # Skipped markup counts as blank here: "agreed.</p>" is a word and a tag, not a path.
    inside = [(max(start, a) - a, min(end, b) - a) for start, end in skip if start < b and end > a]
    blocked = not_prose_mask(_blank(text[a:b], inside))
    for start, end in inside:
        blocked[start:end] = b"\x01" * (end - start)
    if 1 in blocked:  # in skipped markup or not prose: nothing else to ask
        find = blocked.find
        out = [s or find(1, start - a, end - a) >= 0 for s, start, end in zip(out, starts, ends, strict=True)]
    plain = _PLAIN_BESIDE
    # (a word between two plain characters is neither glued nor cut off: most words)
    for k in [
        k
        for k, (s, start, c) in enumerate(zip(out, starts, after, strict=True))
        if not s and not (c in plain and start and text[start - 1] in plain)
    ]:
        start, end, c = starts[k], ends[k], after[k]
        out[k] = _glued(text, start, end, text[start - 1] if start else "", c) or (
            c in CUT_HYPHENS
            and not text[end + 1 : end + 2].isalnum()  # cut off
            and not _spaced_name_part(text, start, end)
        )
    return out


def _sentence_starts(text: str, starts: list[int], ends: list[int], index: int, prev_end: int) -> list[bool]:
    """Whether each word starts a sentence: the first of the text (``index`` 0), and each with a
    sentence break between it and the word before (``prev_end``: where the one before the first
    ends). A break holds no letter, so none starts inside a word or reaches into one."""
    out = [False] * len(starts)
    out[0] = index == 0
    first = ends[0] if index == 0 else prev_end
    for m in SENTENCE_BREAK.finditer(text, first, starts[-1]):
        out[bisect_left(starts, m.start())] = True
    for end in _heading_ends(text, first, starts[-1]):
        out[bisect_left(starts, end)] = True
    for end in _dateline_ends(text, first, starts[-1]):
        out[bisect_left(starts, end)] = True
    return out


# A wire story's dateline: at a line's start a place (ULAANBAATAR, KYIV), perhaps ", Country" and
# "(Agency)", then a dash; the capitalized word after the dash opens the story's first sentence.
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[^\W\d_][^\W\d_ .'’-]*(?:[ .'’-]+[^\W\d_]+){0,3}\.?)"
    r"(?:,[ \t]*(?P<region>[^\W\d_][^\W\d_ .'’-]*(?:[ .'’-]+[^\W\d_]+){0,3}\.?))?"
    r"(?:[ \t]*\((?P<agency>[^\W\d_]+(?:[ .&-]+[^\W\d_]+){0,2}\.?)\))?"
    r"[ \t]*[—–][ \t]*(?=[^\W\d_])",
    re.MULTILINE,
)


def _dateline_ends(text: str, a: int, b: int) -> list[int]:
    """Where a dateline (a line's start up to its dash: "KYIV, Ukraine (AP) — ") ends between
    ``a`` and ``b``, before a capital. Its place is in capitals (two letters or more), or is
    capitalized with a country or an agency after it; every word of it is capitalized."""
    out = []
    for m in _DATELINE.finditer(text, text.rfind("\n", 0, a) + 1, b + 1):
        end, place = m.end(), m["place"]
        if not (a <= end <= b and text[end].isupper() and _all_capitalized(m["region"] or "", m["agency"] or "")):
            continue
        if (place.isupper() and sum(map(str.isalpha, place)) > 1) or (
            _all_capitalized(place) and (m["region"] or m["agency"])
        ):
            out.append(end)
    return out


def _all_capitalized(*parts: str) -> bool:
    """Whether every word of ``parts`` (split at spaces, hyphens, stops) starts with a capital."""
    return all(w[:1].isupper() for part in parts for w in re.split(r"[ .'’-]+", part) if w)


def _heading_ends(text: str, a: int, b: int) -> list[int]:
    """Where each line break between ``a`` and ``b`` ends a line in capitals (BUILDING
    PREPAREDNESS AT HOME): a heading, whose next line opens a sentence though no full stop
    ends it. Its letters are all capitals and there are two or more of them."""
    out = []
    end = text.find("\n", a, b)
    while end >= 0:
        line = text[text.rfind("\n", 0, end) + 1 : end]
        if line.isupper() and sum(map(str.isalpha, line)) > 1:
            out.append(end)
        end = text.find("\n", end + 1, b)
    return out


class Lazy(Sequence[Word]):
    """The Words of ``columns`` (numbered from 0; ``skip``: other skip flags than theirs), each
    made when first asked for: for steps that read only a few words of a long run."""

    __slots__ = ("_columns", "_skip", "_made")

    def __init__(self, columns: Columns, skip: list[bool] | None = None) -> None:
        self._columns = columns
        self._skip = columns.skip if skip is None else skip
        self._made: dict[int, Word] = {}

    def __len__(self) -> int:
        return len(self._skip)

    @overload
    def __getitem__(self, i: int) -> Word: ...

    @overload
    def __getitem__(self, i: slice) -> list[Word]: ...

    def __getitem__(self, i: int | slice) -> Word | list[Word]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        made = self._made.get(i)
        if made is None:
            c = self._columns
            if not 0 <= i < len(self):
                raise IndexError(i)
            token = _token(c.texts[i], c.starts[i], c.ends[i], i)
            made = self._made[i] = _word(token, c.cores[i], self._skip[i], c.sentence_start[i], c.pause_after[i])
        return made


def words_of(columns: Columns, index: int = 0) -> list[Word]:
    """The Words of ``columns``, numbered from ``index``."""
    texts, starts, ends, cores, skip, sentence_start, pause_after = columns
    tokens = new_tokens(texts, starts, ends, range(index, index + len(texts)))
    return new_words(tokens, cores, skip, sentence_start, pause_after)


def _spaced_name_part(text: str, start: int, end: int) -> bool:
    """The capitalized word at ``text[start:end]``, a hyphen, one space and a capitalized word
    that does not start as it does: a compound name's first part, the space a scan's
    (Guinea- Bissau, Khanty- Mansiysk), not a word cut off ("Latvi- Latvia", "Latvi- — Latvia")."""
    if not text[start].isupper() or text[end + 1 : end + 2] != " ":
        return False
    nxt = WORD.match(text, end + 2)
    return nxt is not None and nxt.group()[:1].isupper() and not nxt.group().lower().startswith(text[start:end].lower())


# Per distinct token: its core, and whether that is no prose (a pure answer, kept from text to text).
_CORES: dict[str, tuple[str, bool]] = {}
MAX_CORES = 200_000


def _maker(cls: type[T]) -> Callable[..., T]:
    """A constructor of the frozen, slotted dataclass ``cls`` (all fields, in order) that sets
    its slots directly: the same object as ``cls(...)``, made in about half the time (the
    generated ``__init__`` goes through ``object.__setattr__`` once per field). For the two
    objects made per word of the text."""
    new = object.__new__
    setters = [getattr(cls, f.name).__set__ for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
    if len(setters) == 4:
        a, b, c, d = setters

        def make4(w: object, x: object, y: object, z: object) -> T:
            o = new(cls)
            a(o, w), b(o, x), c(o, y), d(o, z)
            return o

        return make4
    a, b, c, d, e = setters

    def make5(v: object, w: object, x: object, y: object, z: object) -> T:
        o = new(cls)
        a(o, v), b(o, w), c(o, x), d(o, y), e(o, z)
        return o

    return make5


def _many(cls: type[T]) -> Callable[..., list[T]]:
    """A maker of many objects of the frozen, slotted dataclass ``cls`` at once, from a column
    (an iterable) of each field's values, in order: the same objects as ``cls(...)`` makes, in
    about 60% of ``_maker``'s time. Each is made as an object of a twin class with the same
    slots and a plain ``__init__`` (slots set directly), then given ``cls`` as its class (the
    layouts are the same, which Python checks); both loops run in C, not in a loop of Python.
    The twin is a plain class with the ``__init__`` a dataclass would write (made as
    ``dataclasses.make_dataclass`` makes it, but without its other methods and class made
    twice for slots: a millisecond of every start-up)."""
    fields = [f.name for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
    made: dict[str, Any] = {}
    exec(f"def __init__(self, {', '.join(fields)}):" + "".join(f"\n self.{f} = {f}" for f in fields), made)
    twin = type(f"_{cls.__name__}", (), {"__slots__": tuple(fields), "__init__": made["__init__"]})

    def many(*columns: Iterable[object]) -> list[T]:
        made = list(map(twin, *columns))
        deque(map(setattr, made, repeat("__class__"), repeat(cls)), 0)
        return made

    return many


_token = _maker(Token)
_word = _maker(Word)
new_token, new_word = _token, _word  # (for words read back from where they were kept: tally.unpack)
new_tokens, new_words = _many(Token), _many(Word)


def _core(token: str) -> tuple[str, bool]:
    """The token as looked up, and whether it is an elision or too long to be a word."""
    core = plain_apostrophes(token)
    for suffix in CLITICS:
        if core.endswith(suffix) and len(core) > len(suffix) + 1:
            core = core[: -len(suffix)]
            break
    elision = "'" in core and core[1:].islower() and not core.endswith(NEGATION)
    return core, elision or len(core) > LONGEST_WORD


def _glued(text: str, start: int, end: int, before: str, after: str) -> bool:
    """True when the word touches digits or sits inside a dotted identifier; ``before`` and
    ``after`` are the characters beside it ("" at either end of the text)."""
    if before.isdigit() or after.isdigit():
        return True
    if after == "." and text[end + 1 : end + 2].isalnum():
        return True
    return before == "." and start >= 2 and text[start - 2].isalnum()


def _blank(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with the ``spans`` replaced by spaces (same length, same offsets)."""
    parts, pos = [], 0
    for start, end in sorted(spans):
        start, end = max(start, pos), min(end, len(text))
        if end > start:
            parts += [text[pos:start], " " * (end - start)]
            pos = end
    return "".join(parts) + text[pos:] if parts else text


def not_prose_mask(text: str) -> bytearray:
    """1 where ``text`` is a URL, e-mail address, path, handle or an editor's letters (``NOT_PROSE``)."""
    mask = bytearray(len(text))
    pos = 0
    # Every such match lies inside one run of non-spaces that holds one of the characters
    # it needs: only those runs are scanned with the full pattern (most text has none).
    while (hint := _HINT.search(text, pos)) is not None:
        start = hint.start()  # the start of its run (``pos`` is 0 or a space: the run starts after it)
        while start > pos and not text[start - 1].isspace():  # (str.isspace is a str pattern's \s)
            start -= 1
        space = _SPACE.search(text, hint.end())
        pos = space.start() if space else len(text)
        for m in NOT_PROSE.finditer(text, start, pos):
            mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return mask


def join_broken(text: str, found: list[Word], known: Callable[[str], bool]) -> list[Word]:
    """``found`` with both halves of each word broken at a line end marked ``skip``.

    A hyphen followed by a space or a line break, then a lowercase letter, is scanning
    damage ("secur- ity", "develop-\nment") or a compound broken at its own hyphen
    ("self- determination"): neither half is checked. A hyphen followed by nothing
    ("secur-ity") breaks a word only when the halves join into a known word and one
    of them is not one.
    """
    return _join_in(text, found, known, 0, len(text))


def _join_in(text: str, found: list[Word], known: Callable[[str], bool], lo: int, hi: int) -> list[Word]:
    """``join_broken`` for the words of ``text[lo:hi]`` (``lo`` and ``hi`` in blank lines,
    which no broken word spans)."""
    skip = [w.skip for w in found]
    texts, starts, ends = [w.token.text for w in found], [w.token.start for w in found], [w.token.end for w in found]
    _join_columns(text, texts, starts, ends, [w.core for w in found], skip, known, lo, hi)
    return [
        w if s == w.skip else _word(w.token, w.core, s, w.sentence_start, w.pause_after)
        for w, s in zip(found, skip, strict=True)
    ]


def _join_columns(
    text: str,
    texts: Sequence[str],
    starts: Sequence[int],
    ends: Sequence[int],
    cores: Sequence[str],
    skip: list[bool],
    known: Callable[[str], bool],
    lo: int,
    hi: int,
) -> None:
    """``_join_in`` for words given as columns: marks ``skip`` in place."""
    hits = list(_BROKEN_AFTER_LETTER.finditer(text, lo, hi))
    if hits:
        _join_halves(texts, starts, ends, cores, skip, known, hits)
    _skip_unlisted_runs(text, starts, cores, skip, known, lo, hi)


def _join_halves(
    texts: Sequence[str],
    starts: Sequence[int],
    ends: Sequence[int],
    cores: Sequence[str],
    skip: list[bool],
    known: Callable[[str], bool],
    hits: list[re.Match[str]],
) -> None:
    """Mark ``skip`` the halves of the words that ``hits`` (line-end hyphens) break."""
    answers: dict[str, bool] = {}

    def knows(word: str) -> bool:
        answer = answers.get(word)
        if answer is None:
            answer = answers[word] = known(word)
        return answer

    for hit in hits:
        # (the word that ends where the hit starts, searched: most hits are a compound's hyphen, few a block)
        i = bisect_left(ends, hit.start())
        if i + 1 >= len(ends) or ends[i] != hit.start():
            continue
        if starts[i + 1] != hit.end() or not texts[i + 1][:1].islower():
            continue
        joined = plain_apostrophes(texts[i]) + cores[i + 1]
        if hit.end() - hit.start() > 1 or (knows(joined) and not (knows(cores[i]) and knows(cores[i + 1]))):
            skip[i] = skip[i + 1] = True


# A stretch where nearly every word is one no list has is no English prose: made-up names, a
# list of codes, a language written in Latin letters that is not English. Looking each word
# up there costs time and finds only chance slips (a made-up "Burunldk" two edits from
# Burundi). An ASCII word that no list knows, with at least UNLISTED_RUN such words among the
# 2 * UNLISTED_REACH + 1 words around it in its paragraph (itself included), is marked
# ``skip``. In the dev news copy no window of 41 words holds more than 11 (a list of
# villages on an evacuation route). Words in other scripts are neither counted nor marked,
# so look-alike letters are still read there.
UNLISTED_REACH = 20
UNLISTED_RUN = 30
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")  # pieces.BLANK: the reach stops at a blank line


def _skip_unlisted_runs(
    text: str,
    starts: Sequence[int],
    cores: Sequence[str],
    skip: list[bool],
    known: Callable[[str], bool],
    lo: int,
    hi: int,
) -> None:
    """Mark ``skip`` the words (those of ``text[lo:hi]``, as columns) in a run of unlisted words."""
    if len(cores) < UNLISTED_RUN:
        return
    unlisted = _unlisted_table(known)
    for core in set(cores).difference(unlisted):  # (the sets made in C: a block's cores are mostly known here)
        unlisted[core] = core.isascii() and not known(core)
    at = [i for i in compress(count(), map(unlisted.__getitem__, cores)) if not skip[i]]
    if len(at) < UNLISTED_RUN:
        return
    if not any(at[k + UNLISTED_RUN - 1] - at[k] <= 2 * UNLISTED_REACH for k in range(len(at) - UNLISTED_RUN + 1)):
        return  # no window holds enough of them (most text: a quick test)
    # the first word of each paragraph, and the end
    firsts = [0, *(bisect_left(starts, m.end()) for m in _PARAGRAPH_BREAK.finditer(text, lo, hi)), len(cores)]
    p = 0
    for i in at:
        while firsts[p + 1] <= i:
            p += 1
        a, b = max(firsts[p], i - UNLISTED_REACH), min(firsts[p + 1], i + UNLISTED_REACH + 1)
        if bisect_left(at, b) - bisect_left(at, a) >= UNLISTED_RUN:
            skip[i] = True


# Per distinct core: whether it is an ASCII word that ``known`` does not know, for the last
# ``known`` asked (``lexicon.knows``: a pure answer, kept from text to text, as ``_CORES``): a
# text asks about each of its distinct words once, not once in each block it reads.
_UNLISTED: list[tuple[Callable[[str], bool] | None, dict[str, bool]]] = [(None, {})]


def _unlisted_table(known: Callable[[str], bool]) -> dict[str, bool]:
    """The table of ``_UNLISTED`` for ``known`` (a new one for another ``known``, or when full)."""
    last = _UNLISTED[0]
    if last[0] != known or len(last[1]) > MAX_CORES:
        last = _UNLISTED[0] = (known, {})  # (replaced whole: threads)
    return last[1]


def words_between(
    text: str, skip: Sequence[tuple[int, int]], a: int, b: int, known: Callable[[str], bool]
) -> list[Word]:
    """The words of ``text[a:b]`` as ``join_broken(text, words(text, skip), known)`` has them
    (``a`` and ``b`` in blank lines, so the first starts a sentence), numbered from 0."""
    return words_of(columns_between(text, skip, a, b, known), 0)


def columns_between(
    text: str, skip: Sequence[tuple[int, int]], a: int, b: int, known: Callable[[str], bool]
) -> Columns:
    """``words_between``'s words as columns."""
    columns = _columns_in(text, skip, a, b, 0, 0)
    _join_columns(text, columns.texts, columns.starts, columns.ends, columns.cores, columns.skip, known, a, b)
    return columns


_BLANK_LINE = "\n\n"


def rewords(
    old: str,
    found: Sequence[Word],
    edits: Sequence[Finding],
    text: str,
    skip: Sequence[tuple[int, int]],
    known: Callable[[str], bool],
) -> list[Word] | None:
    """``join_broken(text, words(text, skip), known)`` where ``text`` is ``old`` with the
    ``edits`` (fixes in ``old``'s offsets, sorted, apart) applied and ``found`` are ``old``'s
    words: only the paragraphs an edit touches are read again, the others' words are moved.
    None when ``text`` is not that (then read it all). For settle's later passes.
    """
    if not edits or any(e.replacement is None for e in edits):
        return None
    regions = _paragraphs_of(old, edits)
    parts, pos, shift = [], 0, 0
    for e in edits:
        if e.start < pos:
            return None  # overlapping edits
        parts += [old[pos : e.start], e.replacement or ""]
        pos = e.end
    if "".join(parts) + old[pos:] != text:
        return None
    ends = [e.end for e in edits]
    shifts = [0]
    for e in edits:
        shifts.append(shifts[-1] + len(e.replacement or "") - (e.end - e.start))
    starts = [w.token.start for w in found]
    out: list[Word] = []
    pos = 0  # the next old word to carry over
    for a, b in regions:
        first, last = bisect_left(starts, a), bisect_left(starts, b)
        shift = shifts[bisect_right(ends, a)]
        out += _moved(found[pos:first], shift, len(out) - pos)
        new_a, new_b = a + shift, b + shifts[bisect_right(ends, b)]
        prev_end = out[-1].token.end if out else 0
        fresh = _words_in(text, skip, new_a, new_b, len(out), prev_end)
        out += _join_in(text, fresh, known, new_a, new_b)
        pos = last
    out += _moved(found[pos:], shifts[-1], len(out) - pos)
    return out


def _paragraphs_of(old: str, edits: Sequence[Finding]) -> list[list[int]]:
    """The paragraphs to read again, in ``old``'s offsets: from a blank line before each edit
    (sorted, apart) to one after, those that touch joined. An edit that ends before the blank
    line after the edit before it (or where none follows) lies in that edit's paragraph: not
    searched again, so that a long paragraph of many edits is searched once, not once an edit."""
    regions: list[list[int]] = []
    after = 0  # where the blank line after the last edit searched starts (-1: none)
    for e in edits:
        if regions and (after < 0 or e.end <= after):
            continue  # (the same blank line after it, and one at most as far before it)
        before = old.rfind(_BLANK_LINE, 0, e.start)
        after = old.find(_BLANK_LINE, e.end)
        a = 0 if before < 0 else before + 1
        b = len(old) if after < 0 else after + 1
        if regions and a <= regions[-1][1]:
            regions[-1][1] = max(regions[-1][1], b)
        else:
            regions.append([a, b])
    return regions


def _moved(found: Sequence[Word], shift: int, renumber: int) -> list[Word]:
    """``found`` moved ``shift`` characters and ``renumber`` places on."""
    if not shift and not renumber:
        return list(found)
    return [
        _word(
            _token(w.token.text, w.token.start + shift, w.token.end + shift, w.token.index + renumber),
            w.core,
            w.skip,
            w.sentence_start,
            w.pause_after,
        )
        for w in found
    ]


def house_apostrophe(text: str) -> str:
    """The apostrophe most words of ``text`` are written with (' when none)."""
    counts = Counter(m.group() for m in _INNER_APOSTROPHE.finditer(text))
    return max(APOSTROPHES, key=lambda a: (counts[a], a == "'"))


def as_written(text: str, findings: Iterable[Finding]) -> list[Finding]:
    """The findings in the writer's spelling: each one's text as typed, and the apostrophes of
    its replacement and suggestions as the word has them, else as most words of ``text`` do."""
    house: list[str] = []  # worked out once, when a finding needs it
    out = []
    for f in findings:
        typed = text[f.start : f.end]
        if typed == f.text and "'" not in (f.replacement or "") and not any("'" in s for s in f.suggestions):
            out.append(f)
            continue
        own = [c for c in typed if c in APOSTROPHES]
        if not own and not house:
            house.append(house_apostrophe(text))
        mark = own[0] if own else house[0]
        out.append(
            replace(
                f,
                text=typed,
                replacement=None if f.replacement is None else f.replacement.replace("'", mark),
                suggestions=tuple(s.replace("'", mark) for s in f.suggestions),
            )
        )
    return out
