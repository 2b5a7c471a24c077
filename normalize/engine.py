"""The pipeline: tokenize -> known? -> candidates -> decide -> Report.

``Normalizer`` maps the compiled dictionaries (lexicon.load: once per process,
under a lock); ``check``/``fix`` use one shared instance, built once under a lock
however many threads ask at the same time.

Besides spelling, a Normalizer runs *rules*: pure functions
``rule(text, words, lexicon) -> Iterable[Finding]`` (look-alike letters, house
style, document consistency...). Findings are merged by position; where two
overlap, the most confident wins (a fix before a suggestion; on a tie, the earlier
rule, and spelling last). No finding
of any rule falls inside a ``skip`` span, and words the config ignores are
never findings. Findings come back in the writer's spelling (``tokenize.as_written``: We’re,
not We're). ``Normalizer.from_config`` builds the rules and the extended
lexicon a Config asks for; ``check``/``fix`` use the default Config.
"""

from __future__ import annotations

import gc
import threading
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from normalize import fanout
from normalize.acronym import acronym_slips
from normalize.candidates import Bigrams, NameMatcher, Speller
from normalize.casing import case_slips
from normalize.config import Config
from normalize.context import MEMO_SIZE, TOPIC, Document, Memo, Place, flipped, lean_moved
from normalize.decide import Learnt, decide, decisions_mark, decisions_room, decisions_since, decisions_trimmed, learn
from normalize.forms import plain_apostrophes
from normalize.lexicon import Lexicon, load
from normalize.model import Model
from normalize.model import default as default_model
from normalize.pieces import BLANK, BLOCK, MARGIN_WORDS, Piece, clipped, cuts, loose, pieces, tightened
from normalize.rules import Rule, for_document
from normalize.rules.consistency import InDocument
from normalize.runon import run_ons, run_ons_in
from normalize.settle import settle
from normalize.spacing import split_in, split_words
from normalize.tokenize import Columns, Word, as_written, columns_between, rewords, words_of
from normalize.types import Finding, Report

# tally.py counts a long text's blocks: imported by the functions that read one (below),
# not by a check of a short text, whose start-up would pay for it (issue 13).
if TYPE_CHECKING:
    from normalize import tally
    from normalize.tally import Spans

# A text longer than this is checked a piece at a time (pieces.py): the words of one piece of
# about PIECE characters are held at once, not those of the whole text (their objects take
# some 100-200 bytes a character). Reading in pieces costs time (the whole text is read once
# more for what the steps count over it), so texts up to LONG_TEXT are read at once.
LONG_TEXT = 1_000_000
# A text read at once (one piece: no blank line) lets the table of decisions hold a window for every
# ROOM_CHARS characters: twice the windows of a pass over text that decides a word in 16 characters
# (copy of made-up words without full stops decides one in 25 to 32), so that the next settle pass
# finds them (decide.decisions_room); some 1 KB a window, only where so many are decided.
ROOM_CHARS = 8
PIECE = 150_000
# A later settle pass reads again stretches of paragraphs (tally.again), each with its margins
# (pieces.py): stretches closer than this are read as one.
AGAIN_JOIN = 500
# ... and reads them on the workers (``Normalizer.workers``) when they hold this many characters.
AGAIN_ON_WORKERS = 100_000


class Normalizer:
    def __init__(
        self,
        lexicon: Lexicon | None = None,
        *,
        rules: Sequence[Rule] = (),
        ignore: Iterable[str] = (),
        model: Model | None = None,
    ) -> None:
        self.lexicon = lexicon if lexicon is not None else load()
        self.rules = tuple(rules)
        self.ignore = frozenset(plain_apostrophes(w.lower()) for w in ignore)
        self._speller = Speller(self.lexicon)
        self._names = NameMatcher(self.lexicon)
        self._bigrams = Bigrams(self.lexicon)
        self.model = model if model is not None else default_model()
        # Answers to pure questions about words and their neighbours (decide's), kept from
        # text to text: the passes over one text and the texts after it ask many again.
        self._memo: Memo = {}
        # A text longer than ``long_text`` is checked ``piece`` characters at a time, and
        # counted ``block`` characters at a time (tally.py).
        self.long_text, self.piece, self.block = LONG_TEXT, PIECE, BLOCK
        # Worker processes that read a long text's blocks and pieces (fanout.py; None: as
        # ``use_workers`` says, by default 1, this process). The findings are the same.
        self.workers: int | None = None
        # A later settle pass reads on those workers only when it reads this many characters again.
        self.again_on_workers = AGAIN_ON_WORKERS

    @classmethod
    def from_config(cls, config: Config) -> Normalizer:
        """A Normalizer with the config's words, names, gazetteers, style and rules."""
        from normalize.gazetteer import extend
        from normalize.rules.build import rules_for

        lexicon = extend(load(), config)
        return cls(lexicon, rules=rules_for(config), ignore=config.ignore)

    def check(self, text: str, *, skip: Sequence[tuple[int, int]] = ()) -> Report:
        """Findings for ``text``; words inside the ``skip`` spans (code, URLs, ignored lines) are not checked.

        Fixing the result again changes nothing: fixes that a first pass makes possible
        are found by checking the fixed text again (``normalize.settle``).
        """
        must_be_text(text)
        memo = self._memo
        if len(memo) >= MEMO_SIZE:
            memo.clear()

        last: list[_Pass] = []  # the pass before: settle's next text is its text with its fixes

        def once(text: str, skip: Sequence[tuple[int, int]]) -> Report:
            return self._once(text, skip, memo, last)

        with collector_paused():
            try:
                return settle(once(text, skip), once, skip)
            finally:
                decisions_trimmed(memo)

    def _once(
        self, text: str, skip: Sequence[tuple[int, int]], memo: Memo | None = None, last: list[_Pass] | None = None
    ) -> Report:
        before = last[0] if last else None  # a later pass reads again only what the last one's fixes changed
        parts = pieces(text, self.piece) if len(text) > self.long_text else []
        if len(parts) > 1:  # (a text without blank lines is one piece: read at once)
            return self._long(text, skip, memo, parts, before, last)
        decisions_room(memo, len(text) // ROOM_CHARS)  # (read at once: a pass decides again what the last did)
        tokens = None
        if before is not None and before.words is not None:
            tokens = rewords(before.text, before.words, before.fixes, text, skip, self.lexicon.knows)
        columns = None
        if tokens is None:
            columns = columns_between(text, skip, 0, len(text), self.lexicon.knows)
            tokens = words_of(columns)
        read = tokens
        found = self._steps(text, tokens, skip, memo, columns=columns)
        report = Report(text, _without_overlaps(as_written(text, found)))
        if last is not None:
            last[:] = [_Pass(text, b"", read, None, report.fixes)]
        return report

    def _long(
        self,
        text: str,
        skip: Sequence[tuple[int, int]],
        memo: Memo | None,
        parts: list[Piece],
        before: _Pass | None,
        last: list[_Pass] | None,
    ) -> Report:
        """A long text, read a piece at a time. A later settle pass (``before``: the last)
        counts again only the blocks its fixes touched (tally.py), and reads again only the
        paragraphs whose findings can differ from the last pass's (``_again``); elsewhere
        that pass fixed nothing, so this one fixes nothing there either (and settle takes
        only the fixes of a later pass)."""
        from normalize import tally

        lexicon, model = self.lexicon, self.model
        _forget_pages(lexicon)  # (a later pass reads little of the dictionaries again)
        kept = before.long if before is not None else None
        moved = None
        if before is not None and kept is not None:
            read = lambda spans: self._blocks_at(text, skip, spans, memo)  # noqa: E731
            moved = tally.moved(kept.blocks, before.fingerprint, before.fixes, text, skip, lexicon, model, memo, read)
        blocks = moved.blocks if moved is not None else self._blocks(text, skip, memo)
        counted = tally.counts(blocks, lexicon, model)
        rules = tuple(for_document(rule, counted.written, lexicon) for rule in self.rules)
        whole, cut = self._read(rules, counted.spaced, counted.cut, memo), counted.cut
        places: list[Place] = []  # where the last passes' decisions read counts, in this text's offsets
        if moved is not None and kept is not None and before is not None:  # (this text is the last one's, fixed)
            places = tally.places_moved(kept.places, before.fixes)
        found = None
        if kept is not None and moved is not None:
            found = self._again(text, skip, memo, blocks, counted, whole, kept, moved, places)
        if found is None:
            found, whole, cut = self._in_pieces(text, skip, memo, parts, whole, cut, places, blocks)
        report = Report(text, tuple(as_written(text, found)))
        if last is not None:
            doc = whole.document
            kept = _Long(blocks, cut, doc.topics, doc.own_names, _majorities(whole.rules), places)
            last[:] = [_Pass("", tally.fingerprint(text), None, kept, report.fixes)]
        return report

    def _steps(
        self,
        text: str,
        tokens: list[Word],
        skip: Sequence[tuple[int, int]],
        memo: Memo | None,
        whole: _Whole | None = None,
        cut: list[Finding] | None = None,
        body: Sequence[tuple[int, int]] | None = None,
        unpacked: tally.Unpacked | None = None,
        columns: Columns | None = None,
    ) -> list[Finding]:
        """The findings of every step for ``tokens``, the words of ``text``; ``whole``: what
        the whole document says, when ``text`` is a piece of it; ``cut`` gets the run-on words
        found; ``body``: the stretches where the words lie whose decisions are wanted (the words
        around them are only read), by default all; ``unpacked``: the tokens once split and run-on
        words are found, and those findings, when the blocks kept them (tally.unpack);
        ``columns``: the tokens as columns, when they were read so (tokenize.Columns)."""
        lexicon, model = self.lexicon, self.model
        found: list[Finding] = []
        for rule in self.rules if whole is None else whole.rules:
            found.extend(f for f in rule(text, tokens, lexicon) if not _inside(f, skip))
        if unpacked is not None:
            spaced, glued, tokens = unpacked.split, unpacked.glued, unpacked.words
        else:
            spelled = None if whole is None else whole.spaced
            spaced, glued, tokens = _spaced_and_cut(text, tokens, columns, lexicon, model, spelled, memo)
        found.extend(spaced)
        found.extend(glued)
        if cut is not None:
            cut.extend(glued)
        document = None if whole is None else whole.document
        at: list[tuple[int, int] | None] = [None]
        if body is not None:
            # (searched on the tokens' starts, not a list of them: a later pass reads many short pieces)
            at = [
                (i, j)
                for a, b in body
                if (i := bisect_left(tokens, a, key=_START)) < (j := bisect_left(tokens, b, key=_START))
            ]
        for k in at:
            found.extend(decide(tokens, lexicon, self._speller, self._names, self._bigrams, model, memo, document, k))
        counts = None if document is None else document.in_document
        for k in at:
            found.extend(case_slips(tokens, lexicon, model, memo, counts, k))
            found.extend(acronym_slips(text, tokens, lexicon, model, counts, k))
        if self.ignore:
            found = [f for f in found if plain_apostrophes(f.text.lower()) not in self.ignore]
        return found

    def _in_pieces(
        self,
        text: str,
        skip: Sequence[tuple[int, int]],
        memo: Memo | None,
        parts: list[Piece],
        whole: _Whole,
        guessed: Counter[str],
        places: list[Place],
        packed: list[tally.Block] | None = None,
    ) -> tuple[list[Finding], _Whole, Counter[str]]:
        """The findings for a long text, read a piece at a time (pieces.py), so that the words
        of one piece, not of the whole text, are held at once; the same as ``_steps`` on the
        whole text, in the order ``_without_overlaps`` gives. Also what the pieces read of
        the whole text, and the run-on words cut; decisions note their places in ``places``.

        Decisions read the words the text writes once run-on words are cut, and which words
        are cut needs the counts of the whole text: ``guessed`` (tally.py) cuts run-ons
        without the words around their blocks, and should the pieces, read with them, cut
        others, they are read again with those. ``packed``: the text's blocks, when they keep
        their words (read there, not tokenized again)."""
        from normalize.tally import Spans

        spans = Spans(skip)
        if packed is not None:  # (words read from the blocks: margins of words, not paragraphs)
            parts = [tightened(text, part) for part in parts]
        while True:
            _noting(whole, places)
            out: list[Finding] = []
            cut: Counter[str] = Counter()
            job = _Job(self, text, spans, memo, whole, parts, blocks=packed, starts=_starts(packed))
            for found, glued, heard, learnt in fanout.ordered(_in_piece, job, len(parts), self._workers()):
                learn(memo, learnt)
                out.extend(found)
                cut.update(glued)
                _heard(places, heard)
            if cut == guessed:
                return out, whole, cut
            whole, guessed = self._read(whole.rules, whole.spaced, cut, memo), cut

    def _workers(self) -> int:
        return self.workers if self.workers is not None else _WORKERS[0]

    def _blocks(self, text: str, skip: Sequence[tuple[int, int]], memo: Memo | None) -> list[tally.Block]:
        """``tally.read``'s blocks, each keeping its words (``tally.Packed``), read a run of blocks
        at a time on the workers when there are several."""
        at = cuts(text, self.block)
        return self._blocks_on(text, skip, list(zip(at, at[1:], strict=False)), memo, self._workers(), pack=True)

    def _blocks_at(
        self, text: str, skip: Sequence[tuple[int, int]], spans: list[tuple[int, int]], memo: Memo | None
    ) -> list[tally.Block]:
        """``tally.blocks_at``'s blocks, read a run of spans at a time on the workers when they are many."""
        workers = self._workers() if sum(b - a for a, b in spans) >= self.again_on_workers else 1
        return self._blocks_on(text, skip, spans, memo, workers, pack=True)

    def _blocks_on(
        self,
        text: str,
        skip: Sequence[tuple[int, int]],
        spans: list[tuple[int, int]],
        memo: Memo | None,
        workers: int,
        pack: bool = False,
    ) -> list[tally.Block]:
        """The blocks at ``spans``, in order, read a run of spans at a time on ``workers`` processes
        when there are several; the words of all blocks share their strings (``tally.shared``)."""
        from normalize import tally

        canon: dict[str, str] = {}
        if workers <= 1:
            return tally.shared(tally.blocks_at(text, skip, spans, self.lexicon, self.model, memo, pack), canon)
        runs = fanout.guided(spans, workers, RUNS_PER_WORKER, RUN_MIN)
        job = (self, text, skip, memo, runs, pack)
        return [
            block for run in fanout.ordered(_at_spans, job, len(runs), workers) for block in tally.shared(run, canon)
        ]

    def _piece(
        self,
        text: str,
        spans: Spans,
        p: Piece,
        memo: Memo | None,
        whole: _Whole,
        blocks: list[tally.Block] | None = None,
        starts: list[int] | None = None,
        bodies: list[tuple[int, int]] | None = None,
    ) -> tuple[list[Finding], list[str]]:
        """The findings in the body of the piece ``p`` (in the text's offsets), and the run-on words
        cut there; ``blocks`` (``starts``: where each starts): the text's, when they keep their words;
        ``bodies``: where in the body words are decided (the text's offsets), by default all of it."""
        from normalize import tally

        piece = text[p.before : p.after]
        piece_skip = clipped(spans.spans, spans.starts, spans.longest, p.before, p.after)
        unpacked = None
        if blocks is not None and starts is not None:
            first = bisect_right(starts, p.before) - 1
            unpacked = tally.unpack(blocks, first, p.before, p.after, self.lexicon, self.model, whole.spaced)
        if unpacked is not None:
            tokens = unpacked.read
        columns = None
        if unpacked is None:
            columns = columns_between(piece, piece_skip, 0, len(piece), self.lexicon.knows)
            tokens = words_of(columns)
        glued: list[Finding] = []
        lo, hi = p.start - p.before, p.end - p.before
        body = [(lo, hi)] if bodies is None else [(a - p.before, b - p.before) for a, b in bodies]
        found = self._steps(piece, tokens, piece_skip, memo, whole, glued, body, unpacked, columns)
        out = [
            replace(f, start=f.start + p.before, end=f.end + p.before)
            for f in _without_overlaps([f for f in found if lo <= f.start < hi])  # no finding spans a cut
        ]
        return out, [f.text for f in glued if lo <= f.start < hi]

    def _again(
        self,
        text: str,
        skip: Sequence[tuple[int, int]],
        memo: Memo | None,
        blocks: Sequence[tally.Block],
        counted: tally.Counts,
        whole: _Whole,
        kept: _Long,
        moved: tally.Moved,
        places: list[Place],
    ) -> list[Finding] | None:
        """The findings of a later settle pass in the paragraphs where they can differ from
        the last pass's (``kept``); None when the whole text must be read again.

        A word's findings read its text within ``MARGIN_WORDS`` words (pieces.py) and what
        the whole text says (``_affected``). So what is read again (``tally.again``) is the
        text within reach of each fix, each word whose decision (at that place: ``places``,
        where the last passes decided, moved past their fixes) read a count that changed,
        each place that writes a word whose majority spelling changed, and each run-on word
        whose name's count changed; only the words there are decided, with margins around
        them read (``pieces.loose``). A word the last passes did not decide at a place they
        did not read again is not decided there now: whether it is depends on its neighbours
        alone (decide.worth_checking), and none of them changed. Places close
        together are read as one stretch, but only the words at the places are decided: the
        others' findings are the last pass's, which fixed nothing there, and a later pass
        adds only fixes (settle.py)."""
        from normalize import tally

        affected = self._affected(whole, counted, kept, moved, places)
        if affected is None:
            return None
        spans = tally.again(text, blocks, moved.edited, affected[0], moved.changed, MARGIN_WORDS, affected[1])
        stretches = tally.joined(spans, AGAIN_JOIN)
        if 2 * sum(b - a for a, b in stretches) > len(text):
            return None  # most of it: read as one
        _noting(whole, places)
        parts = [part for stretch in stretches for part in _parts(text, *stretch, self.piece)]
        # (on the workers only when there is much to read: a worker costs a fork)
        workers = self._workers() if sum(b - a for a, b in parts) >= self.again_on_workers else 1
        pieces_ = [Piece(a, a, b, b) for a, b in parts]
        bodies = tally.within(spans, parts)
        starts = [block.start for block in blocks]
        job = _Job(self, text, tally.Spans(skip), memo, whole, pieces_, True, list(blocks), bodies, starts)
        out: list[Finding] = []
        for (a, b), (found, glued, heard, learnt) in zip(
            parts, fanout.ordered(_in_piece, job, len(parts), workers), strict=True
        ):
            learn(memo, learnt)
            _heard(places, heard)
            first, last = bisect_right(starts, a) - 1, bisect_left(starts, b) - 1  # the blocks it reaches into
            cut = tally.cut_in(blocks, counted, first, last)
            if (
                (Counter(glued) != cut)
                if (blocks[first].start, blocks[last].end) == (a, b)
                else not Counter(glued) <= cut
            ):
                return None  # the pieces cut other run-ons than the counts did: read it all
            out.extend(found)
        return out

    def _affected(
        self, whole: _Whole, counted: tally.Counts, kept: _Long, moved: tally.Moved, places: list[Place]
    ) -> tuple[set[str], list[int]] | None:
        """Where findings can differ from the last pass's (``kept``) elsewhere than near its
        fixes, since what the whole text says changed there: the words whose every place can
        (the consistency rule's majority spellings that changed), and where each decision
        starts whose word's findings can (``places``: in this text's offsets). A decision reads
        the listed spellings the text uses within reach of its word, the countries it is about
        and how often it writes each spelling (a decision notes those it read, and where:
        context.note_place, note_topics; a case slip reads its own and its capitalized count),
        and for a run-on word how often the text writes the name it may start with (tally.again).
        None when the rules' majorities cannot be compared."""
        doc = whole.document
        cut = counted.cut
        changed = set(moved.changed) | {k for k in cut.keys() | kept.cut.keys() if cut[k] != kept.cut[k]}
        changed.update(TOPIC + country for country in doc.topics ^ kept.topics)  # (context.note_topics)
        changed |= flipped(changed, doc.in_document)  # (context.written)
        changed |= lean_moved(changed, self.lexicon)  # (context.read_lean)
        if bool(doc.topics) != bool(kept.topics):
            changed.add(TOPIC)
        own = doc.own_names ^ kept.own_names  # a decision reads the text's own names within reach of its word
        decided = {core for core, _, _ in places} if own else set()
        near = {core for core in decided if self._names.near(core, own)}
        at = [start for core, start, heard in places if core in near or not changed.isdisjoint(heard)]
        majorities = _majorities(whole.rules)
        if len(majorities) != len(kept.majorities):
            return None
        words: set[str] = set()
        for old, new in zip(kept.majorities, majorities, strict=True):
            words.update(m for m in old.keys() | new.keys() if old.get(m) != new.get(m))
        return words, at

    def _read(self, rules: tuple[Rule, ...], spaced: Counter[str], cut: Counter[str], memo: Memo | None) -> _Whole:
        """What the pieces read of the whole text when the ``cut`` run-on words are cut."""
        read = {core: n - cut[core] for core, n in spaced.items() if n > cut[core]}
        return _Whole(rules, spaced, Document.of(read, self.lexicon, memo))

    def fix(self, text: str, *, skip: Sequence[tuple[int, int]] = ()) -> Report:
        """Same findings as ``check``; ``Report.fixed`` holds the corrected text."""
        return self.check(text, skip=skip)


_START = attrgetter("token.start")


# When a long text is read on several workers, its blocks go out in runs of at most a share
# of this many a worker, then shorter ones (fanout.guided), down to RUN_MIN blocks: so that
# no worker idles at the end while another reads a long run.
RUNS_PER_WORKER = 4
RUN_MIN = 8
_WORKERS = [1]


def use_workers(workers: int) -> None:
    """How many worker processes a long text's blocks and pieces are read on, by every
    Normalizer that is not told otherwise (``Normalizer.workers``): the CLI's ``--jobs``
    when it checks one file. The findings are the same."""
    _WORKERS[0] = max(1, workers)


class _Job(NamedTuple):
    """What a worker reading the pieces of a long text needs (fanout.py)."""

    normalizer: Normalizer
    text: str
    spans: Spans
    memo: Memo | None
    whole: _Whole
    parts: list[Piece]  # (or, with ``loose``, the bodies of pieces whose margins are still to find)
    loose: bool = False
    blocks: list[tally.Block] | None = None  # the text's blocks, when they keep their words (tally.Packed)
    bodies: list[list[tuple[int, int]]] | None = None  # with ``loose``: where in each body words are decided
    starts: list[int] | None = None  # where each of ``blocks`` starts


def _starts(blocks: Sequence[tally.Block] | None) -> list[int] | None:
    return None if blocks is None else [block.start for block in blocks]


def _in_piece(job: _Job, k: int) -> tuple[list[Finding], list[str], list[Place], Learnt]:
    """The findings and run-on words cut of the ``k``-th piece, the places its decisions
    noted (in this process: those of the whole text, noted there), and in a worker
    the windows it decided (``decide.decisions_since``: the process it was forked from keeps
    them for a later pass, whose workers then find them, as one process does)."""
    counts = job.whole.document.in_document
    heard = counts.places if counts.places is not None else []
    part = job.parts[k]
    if job.loose:
        part = loose(job.text, part.start, part.end)
    counts.base = part.before  # (a decision notes where its word starts: in the piece, then in the text)
    worker = fanout.in_worker()
    if worker:
        heard = counts.places = []
        _forget_pages(job.normalizer.lexicon, part.after - part.before)  # a worker holds one piece's pages at a time
    elif job.loose:
        _forget_pages(job.normalizer.lexicon, part.after - part.before, every=False)  # (a worker's, but seldom)
    if worker:
        _memo_as_forked(job.memo)
    bodies = job.bodies[k] if job.bodies is not None else None
    mark = decisions_mark(job.memo)
    found, glued = job.normalizer._piece(job.text, job.spans, part, job.memo, job.whole, job.blocks, job.starts, bodies)
    return found, glued, heard, decisions_since(job.memo, mark) if worker else []


WORKER_MEMO_PIECES = 8  # a worker lets its memo go back to what it was forked with every this many pieces
_FORKED: dict[int, tuple[int, dict[tuple[Hashable, ...], int | None]]] = {}  # a worker's memo as forked


def _memo_as_forked(memo: Memo | None) -> None:
    """In a worker, before every ``WORKER_MEMO_PIECES``-th piece it reads: its memo back to what
    it was forked with. The memo's tables are answers to pure questions (a word's cost, its
    kinds...) that a worker fills some 1.2 MB a piece and never sends back (its decisions go
    back by ``decisions_since``); kept, they made a worker of the first pass over 10 MB of news
    the largest process (80 MB more than it was forked with). A dict keeps its order, so the
    entries added since the fork are its last ones; the findings are the same."""
    if memo is None:
        return
    count, forked = _FORKED.setdefault(id(memo), (0, {k: _size(v) for k, v in memo.items()}))
    _FORKED[id(memo)] = (count + 1, forked)
    if (count + 1) % WORKER_MEMO_PIECES:
        return
    for key in [key for key in memo if key not in forked]:
        del memo[key]
    for key, size in forked.items():
        table = memo.get(key)
        while size is not None and isinstance(table, dict) and len(table) > size:
            table.popitem()


def _size(value: object) -> int | None:
    return len(value) if isinstance(value, dict) else None


def _forget_pages(lexicon: Lexicon, read: int = PIECE, every: bool = True) -> None:
    """Let the dictionary pages read so far go from this process's resident set (mapped.Mapped.forget),
    and the free pages of its heap (fanout.trim) each time it is about to have read another
    ``PIECE`` characters or so (``read``: what it reads next), which the caches that fill and
    empty meanwhile leave scattered. (A trim costs some milliseconds: not one per short part.)
    The pages go at each call (``every``), as a worker lets them go before each piece, or
    with the heap: a pass that reads many short parts in this process takes a fault for each
    page forgotten and read again (10 MB of dev news: 52,000 of 138,000 minor faults)."""
    if every and lexicon.compiled is not None:
        lexicon.compiled.forget()
    _READ[0] += read
    if _READ[0] >= PIECE:
        _READ[0] = 0
        if not every and lexicon.compiled is not None:
            lexicon.compiled.forget()
        fanout.trim()


_READ = [0]  # characters to read since this process last trimmed its heap


def _at_spans(
    job: tuple[Normalizer, str, Sequence[tuple[int, int]], Memo | None, list[list[tuple[int, int]]], bool], k: int
) -> list[tally.Block]:
    from normalize import tally

    normalizer, text, skip, memo, runs, pack = job
    if fanout.in_worker():
        _forget_pages(normalizer.lexicon, sum(b - a for a, b in runs[k]))
    blocks = tally.blocks_at(text, skip, runs[k], normalizer.lexicon, normalizer.model, memo, pack)
    return tally.shared(blocks, {})  # (a word is pickled once a run)


class _Pass(NamedTuple):
    """What a settle pass read, for the next, whose text is this one's with its fixes: its
    text and words (a text read at once), or its text's fingerprint and blocks' counts (a
    long text, read in pieces: one text fewer held)."""

    text: str
    fingerprint: bytes
    words: list[Word] | None
    long: _Long | None
    fixes: tuple[Finding, ...]


class _Long(NamedTuple):
    """What a pass over a long text read, for the next (``Normalizer._again``)."""

    blocks: list[tally.Block]
    cut: Counter[str]  # the run-on words cut
    topics: frozenset[str]
    own_names: frozenset[str]
    majorities: list[dict[str, str]]  # the consistency rule's majority spellings
    places: list[Place]  # each decision's word, where it starts (in the text of that pass), and those spellings


class _Whole(NamedTuple):
    """What the pieces of a long text read of the whole (``Normalizer._whole``)."""

    rules: tuple[Rule, ...]  # bound to the words the text writes
    spaced: Counter[str]  # its words once split words are joined
    document: Document  # its words once run-on words are cut, and what they say


def _spaced_and_cut(
    text: str,
    tokens: list[Word],
    columns: Columns | None,
    lexicon: Lexicon,
    model: Model,
    spelled: Counter[str] | None,
    memo: Memo | None,
) -> tuple[list[Finding], list[Finding], list[Word]]:
    """The split words and run-on words found among ``tokens`` (also given as ``columns``, when
    they were read so), and ``tokens`` with those fixed marked ``skip``: the halves of a split
    word are not read alone, a word cut is not read as a name (``spelled``: the counts it reads,
    by default those of ``tokens``)."""
    if columns is None:
        spaced, tokens = split_words(text, tokens, lexicon, model, memo)
        glued, tokens = run_ons(tokens, lexicon, model, spelled, memo=memo)
        return spaced, glued, tokens
    spaced, joined = split_in(text, tokens, columns, lexicon, model, memo)
    out, skip = list(tokens), list(columns.skip)
    for i in joined:
        skip[i] = skip[i + 1] = True
        out[i], out[i + 1] = replace(out[i], skip=True), replace(out[i + 1], skip=True)
    glued, cut = run_ons_in(out, columns.cores, skip, lexicon, model, spelled, None, memo)
    for i in cut:
        out[i] = replace(out[i], skip=True)
    return spaced, glued, out


def _parts(text: str, a: int, b: int, size: int) -> Iterator[tuple[int, int]]:
    """``text[a:b]`` (whole paragraphs) in runs of whole paragraphs of about ``size`` characters."""
    while b - a > size and (found := BLANK.search(text, a + size, b)) is not None:
        yield a, found.start() + 1
        a = found.start() + 1
    yield a, b


def _noting(whole: _Whole, places: list[Place]) -> None:
    """Let the decisions about ``whole``'s text note their places in ``places``."""
    whole.document.in_document.places = places


def _heard(places: list[Place], heard: list[Place]) -> None:
    """Add to ``places`` what a piece's decisions noted (``heard``), when they noted it apart (in a worker)."""
    if heard is not places:
        places.extend(heard)


def _majorities(rules: Sequence[Rule]) -> list[dict[str, str]]:
    return [rule.majority for rule in rules if isinstance(rule, InDocument)]


def _inside(f: Finding, spans: Sequence[tuple[int, int]]) -> bool:
    """True when the finding touches a span the caller asked to skip (code, ignored lines)."""
    return any(f.start < end and start < f.end for start, end in spans)


def _without_overlaps(findings: list[Finding]) -> tuple[Finding, ...]:
    """Keep the most confident finding of each overlapping group: a fix before a
    suggestion, then the higher confidence, then the earlier rule (rules before spelling)."""
    ranked = sorted(enumerate(findings), key=lambda p: (p[1].action != "fix", -p[1].confidence, p[0]))
    kept: list[Finding] = []
    spans: list[tuple[int, int]] = []  # (start, end) of those kept, in order: no two overlap, so their ends rise too
    for _, f in ranked:
        # only the last kept span starting before f ends can reach into f: a search, not a walk over all kept
        at = bisect_left(spans, (f.end,))
        if at == 0 or spans[at - 1][1] <= f.start:
            spans.insert(at, (f.start, f.end))
            kept.append(f)
    return tuple(sorted(kept, key=lambda f: f.start))


_PAUSES = [0, False]  # checks running now; whether the collector was on before the first began
_PAUSE_LOCK = threading.Lock()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector stays off while text is read and checked (and back on after
    the last check running in any thread): a check makes a few small objects per word that reference
    counting frees, and the collections their number set off took a quarter of the time of
    a 1 MB check while finding nothing to collect."""
    with _PAUSE_LOCK:
        if _PAUSES[0] == 0:
            _PAUSES[1] = gc.isenabled()
            gc.disable()
        _PAUSES[0] += 1
    try:
        yield
    finally:
        with _PAUSE_LOCK:
            _PAUSES[0] -= 1
            if _PAUSES[0] == 0 and _PAUSES[1]:
                gc.enable()


_LOCK = threading.RLock()
_BUILT: dict[Config, Normalizer] = {}
MAX_CONFIGS = 8


def default() -> Normalizer:
    """The Normalizer of the default configuration (look-alike letters on, no house style)."""
    return _built(Config())


def for_config(config: Config) -> Normalizer:
    """One Normalizer per distinct configuration, so a run over many files loads each once."""
    return default() if config == Config() else _built(config)


def _built(config: Config) -> Normalizer:
    """Threads asking at the same time wait for one build rather than each making its own."""
    found = _BUILT.get(config)
    if found is not None:
        return found
    with _LOCK:
        found = _BUILT.get(config)
        if found is None:
            if len(_BUILT) >= MAX_CONFIGS:
                _BUILT.pop(next(k for k in _BUILT if k != Config()), None)
            found = _BUILT[config] = Normalizer.from_config(config)
        return found


def must_be_text(text: object) -> None:
    """A library caller's bytes (or None) is a TypeError that says what to pass, not one from
    deep inside ('cannot use a string pattern on a bytes-like object')."""
    if not isinstance(text, str):
        hint = ": decode it first, e.g. data.decode('utf-8')" if isinstance(text, bytes | bytearray) else ""
        raise TypeError(f"normalize checks a str, not {type(text).__name__}{hint}")


def check(text: str) -> Report:
    """Find misspelled names, places and words in ``text``."""
    return default().check(text)


def fix(text: str) -> Report:
    """Like ``check``; read the corrected text from ``Report.fixed``."""
    return default().fix(text)
