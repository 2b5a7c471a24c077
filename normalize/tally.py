"""What the steps count over the whole of a long text, kept from one settle pass to the next (pure).

engine.py checks a long text a piece at a time once it has counted the words of the
whole: as written (the rules count them so), once split words are joined (run-ons
count them so), and which run-on words are cut (decisions and case slips count the
words left). Those counts are made here a *block* of whole paragraphs at a time
(about ``BLOCK`` characters), and each block keeps its own: the next settle pass,
whose text is this one with the last pass's fixes, reads again only the blocks a fix
touched and moves the others (nothing about a word looks across a blank line:
pieces.py). The blocks' counts, added in block order, list the words in the order the
text first writes them, as one count over the whole text does.

A run-on word whose cut needs the whole text's counts ("Russiaand": does the text
write "Russia" alone?) is kept with the ``runon.NAME_REACH`` words on either side of it
that its cut reads, and cut once every block is counted.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from itertools import accumulate, compress, count, repeat
from operator import add, mul, ne
from typing import Any, NamedTuple, cast

from normalize.context import Memo, Place
from normalize.forms import APOSTROPHES, plain_apostrophes
from normalize.lexicon import Lexicon
from normalize.model import Model
from normalize.pieces import (
    BLANK,
    BLOCK,
    MARGIN_WORDS,
    clipped,
    cuts,
    space_after,
    space_before,
    words_after,
    words_before,
)
from normalize.runon import NAME_REACH, cuts_word, run_on, run_ons_in
from normalize.spacing import split_in
from normalize.tokenize import Columns, Lazy, Word, columns_between, new_tokens, new_words
from normalize.types import Finding

Span = tuple[int, int]
Tallied = tuple[tuple[str, ...], "array[int]"]  # words, and how often each (in the order first written)


class Block(NamedTuple):
    """The counts of ``text[start:end]``, whole paragraphs."""

    start: int
    end: int
    written: Tallied  # words not ``skip``, as written
    spaced: Tallied | None  # the same once split words are joined (None: as written)
    cut: tuple[str, ...]  # run-on words cut, whose cut reads no count
    pending: tuple[tuple[tuple[Word, ...], int], ...]  # the others: the words around each, and its place there
    read_at: int  # where the block started when it was read (its pending words' offsets are from then)
    packed: Packed | None = None  # its words, for the first pass's pieces (``pack``)


class Packed(NamedTuple):
    """A block's words as ``words_between`` reads them, and what splitting and run-on words make
    of them, kept in a few arrays (some 10 bytes a word) so that the first pass's pieces read
    them here instead of tokenizing the text again (``unpack``). Offsets are from the block's start."""

    starts: array[int]
    ends: array[int]
    cores: tuple[str, ...]  # the distinct cores
    core_at: array[int]  # each word's core, by place in ``cores``
    flags: bytes  # each word's ``_SKIP``... bits
    texts: dict[int, str]  # the words whose text is not their core, by place
    spaced: tuple[Finding, ...]  # split_words' findings (offsets from the block's start)
    glued: tuple[Finding, ...]  # run_ons' findings, but for the pending words'


# A packed word's flags: skip as read, once split words are fixed, once run-on words are; whether
# it starts a sentence, has a pause after it, is a pending run-on word, has a text that is not its core.
_SKIP, _SKIP_SPACED, _SKIP_GLUED, _STARTS, _PAUSE, _PENDING, _TEXT = (1 << k for k in range(7))


class Counts(NamedTuple):
    """What the steps count over the whole text (``counts``)."""

    written: Counter[str]
    spaced: Counter[str]
    cut: Counter[str]
    pending_cut: list[tuple[str, ...]]  # for each block, its pending run-on words cut


def read(
    text: str, skip: Sequence[Span], lexicon: Lexicon, model: Model, memo: Memo | None, size: int = BLOCK
) -> list[Block]:
    """The blocks of ``text`` (``skip``: spans whose words are not prose)."""
    return between(text, skip, cuts(text, size), lexicon, model, memo)


def between(
    text: str, skip: Sequence[Span], at: Sequence[int], lexicon: Lexicon, model: Model, memo: Memo | None
) -> list[Block]:
    """The blocks of ``text`` between the cuts ``at`` (``pieces.cuts``'), in order."""
    near = Spans(skip)
    return [_block(text, near, a, b, lexicon, model, memo) for a, b in zip(at, at[1:], strict=False)]


def blocks_at(
    text: str,
    skip: Sequence[Span],
    spans: Sequence[Span],
    lexicon: Lexicon,
    model: Model,
    memo: Memo | None,
    pack: bool = False,
) -> list[Block]:
    """The blocks of ``text`` at ``spans`` (each whole paragraphs), in order; with ``pack``,
    each keeps its words (``Block.packed``)."""
    near = Spans(skip)
    return [_block(text, near, a, b, lexicon, model, memo, pack) for a, b in spans]


class Moved(NamedTuple):
    """The blocks of a text after edits (``moved``)."""

    blocks: list[Block]
    fresh: frozenset[int]  # the blocks read again, by place in ``blocks``
    changed: frozenset[str]  # the words counted a different number of times once split words are joined
    edited: tuple[Span, ...]  # where the edits' replacements are in the text


def _undone(edits: Sequence[Finding], text: str, old: bytes) -> bool:
    """Whether ``text`` with the ``edits`` (sorted, apart) undone has the fingerprint ``old``."""
    parts, pos, shift = [], 0, 0  # the old text, told from ``text`` and the edits' typed text
    for e in edits:
        new = e.start + shift
        if e.start < pos or e.replacement is None or text[new : new + len(e.replacement)] != e.replacement:
            return False
        parts += [(text, pos + shift, new), (e.text, 0, len(e.text))]
        pos, shift = e.end, shift + len(e.replacement) - (e.end - e.start)
    return _digest([*parts, (text, pos + shift, len(text))]) == old


def _untouched(block: Block, ends: Sequence[int], edits: Sequence[Finding]) -> bool:
    """Whether no edit (``ends``: their ends, in order) touches ``block``."""
    first = bisect_left(ends, block.start)  # the first edit ending at or after the block's start
    return first == len(edits) or edits[first].start > block.end


def moved(
    blocks: Sequence[Block],
    old: bytes,
    edits: Sequence[Finding],
    text: str,
    skip: Sequence[Span],
    lexicon: Lexicon,
    model: Model,
    memo: Memo | None,
    read: Callable[[list[Span]], list[Block]] | None = None,
) -> Moved | None:
    """The blocks of ``text``, the text of ``blocks`` (``old``: its ``fingerprint``) with the
    ``edits`` (fixes in its offsets, sorted, apart) applied, or None when it is not: blocks no
    edit touches are moved, each run of the others is read again as one block. ``read``: the
    blocks of spans of ``text``, in order (``blocks_at``'s; engine.py reads them on its workers)."""
    edits = sorted(edits, key=lambda e: e.start)
    if not _undone(edits, text, old):
        return None
    ends = [e.end for e in edits]
    shifts = list(accumulate((len(e.replacement or "") - (e.end - e.start) for e in edits), initial=0))

    def at(pos: int) -> int | None:  # where ``pos`` (a cut no edit touches) is in ``text``; None: no cut there
        new = pos + shifts[bisect_right(ends, pos)]
        return new if new in (0, len(text)) or (text[new - 1] == "\n" and BLANK.match(text, new - 1)) else None

    out: list[Block | None] = []  # None: a block read again, in ``spans``
    spans: list[Span] = []
    fresh: set[int] = set()  # the places of the blocks read again or spliced
    delta: Counter[str] = Counter()
    k = 0
    while k < len(blocks):
        block = blocks[k]
        if _untouched(block, ends, edits):
            start, end = at(block.start), at(block.end)
            if start is None or end is None:
                return None
            out.append(block._replace(start=start, end=end))
            k += 1
            continue
        last = k  # the blocks touched, and each one an edit touches that reaches the next
        while last + 1 < len(blocks) and not _untouched(blocks[last + 1], ends, edits):
            last += 1
        start, end = at(block.start), at(blocks[last].end)
        if start is None or end is None:
            return None
        for gone in blocks[k : last + 1]:
            _add(delta, gone.spaced or gone.written, -1)
        here = _edits_in(edits, shifts, bisect_left(ends, block.start), blocks[last].end)
        fresh.add(len(out))
        out.append(_spliced(text, Spans(skip), blocks[k : last + 1], (start, end), here, lexicon, model, memo))
        if out[-1] is None:
            spans.append((start, end))
        k = last + 1
    again = iter(read(spans) if read is not None else blocks_at(text, skip, spans, lexicon, model, memo))
    for place in sorted(fresh):  # (each read again, or spliced)
        kept = out[place] = out[place] or next(again)
        _add(delta, kept.spaced or kept.written)
    edited = tuple((e.start + shifts[k], e.start + shifts[k] + len(e.replacement or "")) for k, e in enumerate(edits))
    changed = frozenset(word for word, n in delta.items() if n)
    return Moved(cast(list[Block], out), frozenset(fresh), changed, edited)  # (every place filled)


# A later pass reads again a block an edit touches within ``MARGIN_WORDS`` words of the edit
# (``_spliced``), each stretch read with as many more on either side; stretches fewer than
# SPLICE_JOIN characters apart are read as one.
SPLICE_JOIN = 2_000

Edit = tuple[int, int, int, int]  # an edit's start and end in the text before it, and in the text after


def _edits_in(edits: Sequence[Finding], shifts: Sequence[int], first: int, end: int) -> list[Edit]:
    """The ``edits`` from the ``first`` on that start at or before ``end`` (in the text before
    them), each before and after (``shifts``: how far the edits before each move it)."""
    out = []
    for k in range(first, len(edits)):
        e = edits[k]
        if e.start > end:
            break
        new = e.start + shifts[k]
        out.append((e.start, e.end, new, new + len(e.replacement or "")))
    return out


def _spliced(
    text: str,
    near: Spans,
    olds: Sequence[Block],
    span: Span,
    edits: Sequence[Edit],
    lexicon: Lexicon,
    model: Model,
    memo: Memo | None,
) -> Block | None:
    """The block ``text[a:b]`` (``span``) that the ``olds`` (packed, in order) became with the
    ``edits``: their words are read again within ``MARGIN_WORDS`` words of each edit, read with
    as many more around them (as pieces.loose reads: no step reads farther beside a word, nor
    does tokenizing), and the others are the old blocks' words, moved. None when the olds keep
    no words, or when most of the block would be read again."""
    a, b = span
    if any(old.packed is None for old in olds) or not edits:
        return None
    reach = MARGIN_WORDS
    cores = joined(
        sorted((max(a, words_before(text, s, reach)), min(b, words_after(text, e, reach))) for _, _, s, e in edits),
        SPLICE_JOIN,
    )
    windows = [(max(a, words_before(text, c0, reach)), min(b, words_after(text, c1, reach))) for c0, c1 in cores]
    if 2 * sum(wb - wa for wa, wb in windows) > b - a:
        return None  # most of it: read as one
    out = _Splice(Columns([], [], [], [], [], [], []), _Steps([], [], [], [], []))
    pos, shift, k = a, a - olds[0].start, 0  # (shift: how far the edits before ``pos`` move the old text)
    for (c0, c1), window in zip(cores, windows, strict=True):
        if pos < c0:
            _old_words(out, olds, pos - shift, c0 - shift, shift)
        _new_words(out, text, near, window, (c0, c1), lexicon, model, memo)
        while k < len(edits) and edits[k][3] <= c1:
            shift += (edits[k][3] - edits[k][2]) - (edits[k][1] - edits[k][0])
            k += 1
        pos = c1
    if pos < b:
        _old_words(out, olds, pos - shift, b - shift, shift)
    return _made(a, b, out.read, out.steps, True)


class _Splice(NamedTuple):
    """A block's words as ``_spliced`` gathers them: its ``Columns`` and its ``_Steps``."""

    read: Columns
    steps: _Steps


def _columns_of(out: _Splice) -> list[list[Any]]:
    """``out``'s columns of words, in ``Columns``' order, then each word's skip once split words are fixed."""
    return [*out.read, out.steps.spaced]


def _new_words(
    out: _Splice,
    text: str,
    near: Spans,
    window: Span,
    body: Span,
    lexicon: Lexicon,
    model: Model,
    memo: Memo | None,
) -> None:
    """Add to ``out`` the words of ``text`` that start in ``body``, read with the ``window``
    around it, and what split words and run-on words make of them."""
    wa, wb = window
    read = columns_between(text, near.within(wa, wb), wa, wb, lexicon.knows)
    steps = _steps_of(text, read, lexicon, model, memo)
    lo, hi = bisect_left(read.starts, body[0]), bisect_left(read.starts, body[1])
    at = len(out.read.cores) - lo  # (a word's place in ``out`` less its place in ``read``)
    new: list[list[Any]] = [*read, steps.spaced]
    for column, words in zip(_columns_of(out), new, strict=True):
        column.extend(words[lo:hi])
    out.steps.split.extend(f for f in steps.split if body[0] <= f.start < body[1])
    out.steps.glued.extend(f for f in steps.glued if body[0] <= f.start < body[1])
    out.steps.cut.extend(i + at for i in steps.cut if lo <= i < hi)
    out.steps.pending.extend(i + at for i in steps.pending if lo <= i < hi)


def _old_words(out: _Splice, olds: Sequence[Block], lo: int, hi: int, shift: int) -> None:
    """Add to ``out`` the words of the ``olds`` that start in ``[lo, hi)`` of the text they were
    read in, moved by ``shift``, and what split words and run-on words made of them."""
    read, steps = out
    for old in olds:
        packed = old.packed
        if packed is None or old.end <= lo or old.start >= hi:
            continue
        base = old.start  # (a packed word's offsets are from its block's start)
        j0, j1 = bisect_left(packed.starts, lo - base), bisect_left(packed.starts, hi - base)
        at, move = len(read.cores) - j0, base + shift
        read.starts.extend(map(add, packed.starts[j0:j1], repeat(move)))
        read.ends.extend(map(add, packed.ends[j0:j1], repeat(move)))
        cores = list(map(packed.cores.__getitem__, packed.core_at[j0:j1]))
        texts = cores.copy()
        for j, written in packed.texts.items():
            if j0 <= j < j1:
                texts[j - j0] = written
        read.cores.extend(cores)
        read.texts.extend(texts)
        flags = packed.flags[j0:j1]
        for column, table in zip(
            (read.skip, read.sentence_start, read.pause_after, steps.spaced), _AS_BOOLS, strict=True
        ):
            column.extend(map(bool, flags.translate(table)))
        steps.cut.extend(compress(count(j0 + at), flags.translate(_AS_GLUED)))
        steps.pending.extend(compress(count(j0 + at), flags.translate(_AS_PENDING)))
        for found, kept in ((packed.spaced, steps.split), (packed.glued, steps.glued)):
            kept.extend(_moved_by(f, move) for f in found if lo <= f.start + base < hi)


def fingerprint(text: str) -> bytes:
    """What ``moved`` knows a text by (so that the last pass need not keep its text)."""
    return _digest([(text, 0, len(text))])


CHUNK = 1 << 16  # characters encoded at a time: a fingerprint makes no copy of a long text


def _digest(parts: Sequence[tuple[str, int, int]]) -> bytes:
    """A digest of the text ``parts`` (each ``s[a:b]``) make, read a chunk at a time."""
    import hashlib  # here: only a long text is tallied in blocks, and OpenSSL takes a while to load

    digest = hashlib.blake2b(digest_size=16)
    for s, a, b in parts:
        for k in range(a, b, CHUNK):
            digest.update(s[k : min(k + CHUNK, b)].encode("utf-8", "surrogatepass"))
    return digest.digest()


def counts(blocks: Sequence[Block], lexicon: Lexicon, model: Model) -> Counts:
    """The whole text's counts, in the order it first writes each word."""
    written: Counter[str] = Counter()
    cut: Counter[str] = Counter()
    # Up to the first block that joins split words, both counts add the same tallies in the same
    # order: they are one count there, copied (order and all) when the two part, often never.
    parts = next((k for k, block in enumerate(blocks) if block.spaced is not None), len(blocks))
    for block in blocks[:parts]:
        _add(written, block.written)
        cut.update(block.cut)
    spaced = written.copy()
    for block in blocks[parts:]:
        _add(written, block.written)
        _add(spaced, block.spaced or block.written)
        cut.update(block.cut)
    pending_cut = []
    for block in blocks:
        found = [run_on(words, i, lexicon, model, spaced) for words, i in block.pending]
        pending_cut.append(tuple(f.text for f in found if f is not None))
        cut.update(pending_cut[-1])
    return Counts(written, spaced, cut, pending_cut)


def cut_in(blocks: Sequence[Block], counted: Counts, first: int, last: int) -> Counter[str]:
    """The run-on words cut in blocks ``first`` to ``last``."""
    out: Counter[str] = Counter()
    for k in range(first, last + 1):
        out.update(blocks[k].cut)
        out.update(counted.pending_cut[k])
    return out


def again(
    text: str,
    blocks: Sequence[Block],
    edited: Sequence[Span],
    words: set[str],
    spaced: frozenset[str],
    reach: int,
    at: Sequence[int] = (),
    join: int = 0,
) -> list[Span]:
    """The stretches of text a later settle pass must read again, in order and apart, each
    cut right after a space (pieces.loose): the text within ``reach`` words of each edit
    (``edited``: where the replacements are), each run-on word whose cut reads the count
    of one of the ``spaced`` words (a name it may start with), each place that writes
    one of the ``words`` (a word whose findings read what changed: only its own findings
    can differ), and each word that starts ``at`` one of those places (a decision that read
    a count that changed). Stretches fewer than ``join`` characters apart are read as one."""
    out = [(words_before(text, a, reach), words_after(text, b, reach)) for a, b in edited]
    out.extend((space_before(text, start), space_after(text, start)) for start in at)
    for block in blocks:
        if spaced:
            for words_, i in block.pending:
                core = words_[i].core
                if any(core[:cut] in spaced for cut in range(1, len(core))):
                    shift, token = block.start - block.read_at, words_[i].token
                    out.append((space_before(text, token.start + shift), space_after(text, token.end + shift)))
        if words:
            here = words.intersection(block.written[0])
            if block.spaced:
                here.update(words.intersection(block.spaced[0]))
            if not here:
                continue
            seen: set[str] = set()
            places: list[Span] = []
            # (the words the block writes: a pattern of them all is slow to match, and the others
            # are written there only where no decision reads them, inside a word or a span skipped)
            for start, end in written_at(text, here, block.start, block.end):
                seen.add(plain_apostrophes(text[start:end]))
                places.append((space_before(text, start), space_after(text, end)))
            # (a word written only once split words are joined is written nowhere as such)
            out.extend(places if here <= seen else [(block.start, block.end)])
    return joined(sorted(out), join)


def places_moved(places: Sequence[Place], edits: Sequence[Finding]) -> list[Place]:
    """``places`` of a text, in the offsets of the text with ``edits`` (fixes, apart) applied;
    those that start inside an edit go (a later pass reads again the words near each edit)."""
    edits = sorted(edits, key=lambda e: e.start)
    starts = [e.start for e in edits]
    shifts = list(accumulate((len(e.replacement or "") - (e.end - e.start) for e in edits), initial=0))
    out = []
    for core, start, heard in places:
        k = bisect_right(starts, start)  # the edits that start at or before it
        if not k or start >= edits[k - 1].end:
            out.append((core, start + shifts[k], heard))
    return out


def joined(spans: Sequence[Span], join: int = 0) -> list[Span]:
    """``spans`` (sorted by start) with those that overlap, or lie fewer than ``join`` characters
    apart, made one: in order and apart."""
    merged: list[Span] = []
    for a, b in spans:
        if merged and a - merged[-1][1] < join:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def within(spans: Sequence[Span], parts: Sequence[Span]) -> list[list[Span]]:
    """For each of ``parts`` (sorted, apart), the parts of ``spans`` (sorted, apart) that lie in it, cut to it."""
    out: list[list[Span]] = []
    k = 0
    for a, b in parts:
        while k < len(spans) and spans[k][1] <= a:
            k += 1
        here, j = [], k
        while j < len(spans) and spans[j][0] < b:
            here.append((max(spans[j][0], a), min(spans[j][1], b)))
            j += 1
        out.append(here)
    return out


def written_at(text: str, words: Iterable[str], a: int, b: int) -> list[Span]:
    """Where ``text[a:b]`` writes one of ``words`` as a word's core (any apostrophe for
    "'", a clitic after it), in order and apart: where no letter is right before or after
    the word (the text beyond ``b`` is not read), the longest word at the first place
    that writes one, then the next after it, as one pattern of the words, longest first,
    would match them. Each word is searched for on its own: a pattern of many words
    tries each of them at every character."""
    found: list[tuple[int, int]] = []  # (start, -length) of each place that writes a word
    letter = _LETTER.match
    for word in words:
        n = len(word)
        if "'" in word:  # (any apostrophe: a pattern of its own, matched at every start)
            form = "".join(_APOSTROPHE if c == "'" else re.escape(c) for c in word)
            starts = [m.start() for m in re.compile(f"(?=(?:{form}))").finditer(text, a, b)]
        else:
            starts = []
            at = text.find(word, a, b)
            while at >= 0:
                starts.append(at)
                at = text.find(word, at + 1, b)
        for start in starts:
            end = start + n
            if (start == 0 or not letter(text, start - 1)) and (end == b or not letter(text, end)):
                found.append((start, -n))
    found.sort()
    out: list[Span] = []
    reached = a
    for start, minus in found:
        if start >= reached:
            reached = start - minus
            out.append((start, reached))
    return out


_LETTER = re.compile(r"[^\W\d_]")


_APOSTROPHE = "[" + APOSTROPHES + "]"


def _block(
    text: str, near: Spans, a: int, b: int, lexicon: Lexicon, model: Model, memo: Memo | None, pack: bool = False
) -> Block:
    """The block ``text[a:b]``. Its words are read as columns (tokenize.Columns): only the few
    that split words and run-on words read with their neighbours are made Words."""
    read = columns_between(text, near.within(a, b), a, b, lexicon.knows)
    return _made(a, b, read, _steps_of(text, read, lexicon, model, memo), pack)


class _Steps(NamedTuple):
    """What split words and run-on words make of a block's words (``_steps_of``)."""

    spaced: list[bool]  # each word's skip once split words are fixed
    split: list[Finding]  # split_words' findings
    glued: list[Finding]  # run_ons' findings, but for the pending words'
    cut: list[int]  # where each of ``glued`` that cuts is (runon.run_ons_in: others are left to spelling)
    pending: list[int]  # the run-on words whose cut reads the whole text's counts


def _steps_of(text: str, read: Columns, lexicon: Lexicon, model: Model, memo: Memo | None) -> _Steps:
    split, joined = split_in(text, Lazy(read), read, lexicon, model, memo)
    skip = list(read.skip)  # once split words are fixed
    for i in joined:
        skip[i] = skip[i + 1] = True
    pending: list[int] = []
    glued, cut = run_ons_in(Lazy(read, skip), read.cores, skip, lexicon, model, None, pending, memo)
    return _Steps(skip, split, glued, cut, pending)


def _made(a: int, b: int, read: Columns, steps: _Steps, pack: bool) -> Block:
    """The block ``text[a:b]`` whose words are ``read``, and what ``steps`` make of them."""
    cores, skip = read.cores, steps.spaced
    written = Counter(compress(cores, [not s for s in read.skip]))
    spaced = Counter(compress(cores, [not s for s in skip])) if skip != read.skip else written
    tokens = Lazy(read, skip)
    return Block(
        a,
        b,
        _tallied(written),
        # (spaced only marks words skip: equal counts are in the same order)
        None if spaced is written or spaced == written else _tallied(spaced),
        tuple(f.text for f in steps.glued),
        tuple((tuple(tokens[max(0, i - NAME_REACH) : i + NAME_REACH + 1]), min(i, NAME_REACH)) for i in steps.pending),
        a,
        _pack(a, b, read, skip, steps.cut, steps.pending, steps.split, steps.glued) if pack else None,
    )


def _pack(
    a: int,
    b: int,
    read: Columns,
    spaced: Sequence[bool],
    cut: Sequence[int],
    pending: Sequence[int],
    split: Sequence[Finding],
    glued: Sequence[Finding],
) -> Packed:
    """The words of the block at ``a`` (``read``): their skip flags as read, once split words are
    fixed (``spaced``) and once the run-on words at ``cut`` are, and the findings of both."""
    texts, cores, skip = read.texts, read.cores, read.skip
    code = "H" if b - a < 1 << 16 else "I"
    # (each flag is set at the few words that have it: most words have none)
    flags = bytearray(len(cores))
    for k in compress(count(), skip):
        flags[k] = _SKIP
    for k in compress(count(), spaced):
        if not skip[k]:
            flags[k] |= _SKIP_SPACED
    for k in cut:
        if not spaced[k]:
            flags[k] |= _SKIP_GLUED
    for k in compress(count(), read.sentence_start):
        flags[k] |= _STARTS
    for k in compress(count(), read.pause_after):
        flags[k] |= _PAUSE
    own = list(compress(count(), map(ne, texts, cores)))  # the words whose text is not their core
    for k in own:
        flags[k] |= _TEXT
    for i in pending:
        flags[i] |= _PENDING
    places = dict(zip(dict.fromkeys(cores), count()))
    return Packed(
        # (an array is made faster from a list than from an iterator)
        array(code, [start - a for start in read.starts]),
        array(code, [end - a for end in read.ends]),
        tuple(places),
        array("I", list(map(places.__getitem__, cores))),
        bytes(flags),
        {k: texts[k] for k in own},
        tuple(_moved_by(f, -a) for f in split),
        tuple(_moved_by(f, -a) for f in glued),
    )


def _moved_by(f: Finding, shift: int) -> Finding:
    return replace(f, start=f.start + shift, end=f.end + shift)


# A packed word's flags -> whether it is skip, starts a sentence, has a pause after it, is skip once
# split words are fixed (``_old_words``), is a run-on word cut, a pending one.
_AS_BOOLS = [bytes(int(bool(f & bit)) for f in range(256)) for bit in (_SKIP, _STARTS, _PAUSE, _SKIP | _SKIP_SPACED)]
_AS_GLUED, _AS_PENDING = (bytes(int(bool(f & bit)) for f in range(256)) for bit in (_SKIP_GLUED, _PENDING))
# A packed word's flags -> whether it is fixed as a split word, a pending run-on word not cut (``_read_block``).
_AS_SPACED = bytes(int(bool(f & _SKIP_SPACED)) for f in range(256))
_AS_PENDING_LEFT = bytes(int(bool(f & _PENDING) and not f & _SKIP_GLUED) for f in range(256))


class Unpacked(NamedTuple):
    """The words of a stretch of text as ``engine.Normalizer._steps`` reads them (``unpack``)."""

    read: list[Word]  # as read (the rules read these)
    split: list[Finding]  # split_words' findings
    glued: list[Finding]  # run_ons' findings
    words: list[Word]  # once split words and run-on words are fixed


def _read_block(
    packed: Packed, base: int, js: range, read: list[Word], marks: tuple[list[int], list[int], list[int]]
) -> None:
    """Append to ``read`` the packed words ``js`` of a block at ``base`` in the stretch's offsets,
    numbered on from ``len(read)``; ``marks``: the lists of the words fixed as split words, of the
    run-on words found and of the pending ones, each appended to. (A column at a time: made so,
    the Words take some 60% of the time one at a time does, tokenize._many.)"""
    spaced, cut, pending = marks
    a, b, n = js.start, js.stop, len(read)
    cores = list(map(packed.cores.__getitem__, packed.core_at[a:b]))
    texts = cores
    for j, written in packed.texts.items():  # (the few words whose text is not their core)
        if a <= j < b:
            texts = cores.copy() if texts is cores else texts
            texts[j - a] = written
    flags = packed.flags[a:b]
    tokens = new_tokens(
        texts, map(add, packed.starts[a:b], repeat(base)), map(add, packed.ends[a:b], repeat(base)), count(n)
    )
    skip, starts, pause = (map(bool, flags.translate(table)) for table in _AS_BOOLS[:3])
    read.extend(new_words(tokens, cores, skip, starts, pause))
    spaced.extend(compress(count(n), flags.translate(_AS_SPACED)))
    cut.extend(compress(count(n), flags.translate(_AS_GLUED)))
    pending.extend(compress(count(n), flags.translate(_AS_PENDING_LEFT)))


def unpack(
    blocks: Sequence[Block], first: int, lo: int, hi: int, lexicon: Lexicon, model: Model, counts: Counter[str]
) -> Unpacked | None:
    """The words of ``text[lo:hi]`` (``blocks[first]`` the block where ``lo`` is) in its offsets,
    numbered from 0, read from the blocks' packed words: those the whole text has there (for
    whole paragraphs, those ``words_between`` reads), and what ``split_words`` and ``run_ons``
    (given the document's ``counts``) make of them; None when a block there was read without
    them. A stretch a later pass reads again may be cut right after spaces (pieces.loose):
    its margins keep the words it decides farther from its ends than any step reads."""
    read: list[Word] = []
    split: list[Finding] = []
    glued: list[Finding] = []
    spaced: list[int] = []  # the words fixed as split words
    cut: list[int] = []  # the run-on words found, but the pending ones
    pending: list[int] = []
    k = first
    while k < len(blocks) and blocks[k].start < hi:
        block, k = blocks[k], k + 1
        packed = block.packed
        if packed is None:
            return None
        base = block.start - lo  # (the block's offsets in the stretch's)
        at = len(read)
        # (the block's words from ``lo`` to ``hi``: a stretch read again may start or end inside it)
        first_j = bisect_left(packed.starts, -base) if base < 0 else 0
        stop = bisect_left(packed.starts, hi - lo - base)
        _read_block(packed, base, range(first_j, stop), read, (spaced, cut, pending))
        if len(read) > at:
            lower, upper = -base, hi - lo - base
            split.extend(_moved_by(f, base) for f in packed.spaced if lower <= f.start < upper)
            glued.extend(_moved_by(f, base) for f in packed.glued if lower <= f.start < upper)
    words = list(read)
    for i in spaced:
        words[i] = replace(words[i], skip=True)
    if pending:  # (read with the words up to NAME_REACH on either side, as split words left them)
        for i in pending:
            a, b = max(0, i - NAME_REACH), min(len(words), i + NAME_REACH + 1)
            found = run_on(words[a:b], i - a, lexicon, model, counts)
            if found is not None:
                glued.append(found)
                if cuts_word(found):
                    cut.append(i)
        glued.sort(key=lambda f: f.start)
    for i in cut:
        words[i] = replace(words[i], skip=True)
    return Unpacked(read, split, glued, words)


def shared(blocks: Iterable[Block], canon: dict[str, str]) -> list[Block]:
    """``blocks`` with one string for each distinct word among them all (``canon``: those
    met so far). Each block is read apart, and blocks unpickled from a worker are copies,
    so each writes its own "the": for 10 MB of text, some 280,000 strings where 40,000 do."""

    def one(words: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(map(canon.setdefault, words, words))

    return [
        block._replace(
            written=(one(block.written[0]), block.written[1]),
            spaced=None if block.spaced is None else (one(block.spaced[0]), block.spaced[1]),
            cut=one(block.cut),
            packed=None if block.packed is None else block.packed._replace(cores=one(block.packed.cores)),
        )
        for block in blocks
    ]


def _tallied(counter: Counter[str]) -> Tallied:
    return tuple(counter), array("I", counter.values())


def _add(counter: Counter[str], tallied: Tallied, sign: int = 1) -> None:
    """Add ``sign`` times the ``tallied`` counts to ``counter`` (a word new there goes last)."""
    words, counts = tallied
    # (in one dict.update of pairs, made as they are read: a tally's words are distinct, so each
    # count is read before it is written, and the loop runs in C)
    old = map(counter.get, words, repeat(0))
    step = counts if sign == 1 else map(mul, repeat(sign), counts)
    dict.update(counter, zip(words, map(add, old, step), strict=True))


class Spans:
    """Spans to skip, asked for those that reach into a stretch of text (in the text's offsets)."""

    def __init__(self, spans: Sequence[Span]) -> None:
        self.spans = sorted(spans)
        self.starts = [start for start, _ in self.spans]
        self.longest = max((end - start for start, end in self.spans), default=0)

    def within(self, a: int, b: int) -> list[Span]:
        if not self.spans:
            return []
        return [(start + a, end + a) for start, end in clipped(self.spans, self.starts, self.longest, a, b)]
