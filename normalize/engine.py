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
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace

from normalize import tally
from normalize.candidates import Bigrams, NameMatcher, Speller
from normalize.casing import case_slips
from normalize.config import Config
from normalize.context import MEMO_SIZE, Document, Memo
from normalize.decide import decide
from normalize.forms import plain_apostrophes
from normalize.lexicon import Lexicon, load
from normalize.model import Model
from normalize.model import default as default_model
from normalize.pieces import Piece, clipped, pieces
from normalize.rules import Rule, for_document
from normalize.runon import run_ons
from normalize.settle import settle
from normalize.spacing import split_words
from normalize.tokenize import Word, as_written, join_broken, rewords, words
from normalize.types import Finding, Report

# A text longer than this is checked a piece at a time (pieces.py): the words of one piece of
# about PIECE characters are held at once, not those of the whole text (their objects take
# some 100-200 bytes a character). Reading in pieces costs time (the whole text is read once
# more for what the steps count over it), so texts up to LONG_TEXT are read at once.
LONG_TEXT = 1_000_000
PIECE = 150_000


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
        # A text longer than ``long_text`` is checked ``piece`` characters at a time.
        self.long_text, self.piece = LONG_TEXT, PIECE

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
        memo = self._memo
        if len(memo) >= MEMO_SIZE:
            memo.clear()

        last: list[_Pass] = []  # the pass before: settle's next text is its text with its fixes

        def once(text: str, skip: Sequence[tuple[int, int]]) -> Report:
            return self._once(text, skip, memo, last)

        with collector_paused():
            return settle(once(text, skip), once, skip)

    def _once(
        self, text: str, skip: Sequence[tuple[int, int]], memo: Memo | None = None, last: list[_Pass] | None = None
    ) -> Report:
        before = last[0] if last else None  # a later pass reads again only what the last one's fixes changed
        parts = pieces(text, self.piece) if len(text) > self.long_text else []
        if len(parts) > 1:  # (a text without blank lines is one piece: read at once)
            blocks = None
            if before is not None and before.blocks is not None:
                blocks = tally.moved(
                    before.blocks, before.fingerprint, before.fixes, text, skip, self.lexicon, self.model, memo
                )
            if blocks is None:
                blocks = tally.read(text, skip, self.lexicon, self.model, memo)
            report = Report(text, tuple(as_written(text, self._in_pieces(text, skip, memo, parts, blocks))))
            if last is not None:
                last[:] = [_Pass("", tally.fingerprint(text), None, blocks, report.fixes)]
            return report
        tokens = None
        if before is not None and before.words is not None:
            tokens = rewords(before.text, before.words, before.fixes, text, skip, self.lexicon.knows)
        if tokens is None:
            tokens = join_broken(text, words(text, skip), self.lexicon.knows)
        read = tokens
        found = self._steps(text, tokens, skip, memo)
        report = Report(text, _without_overlaps(as_written(text, found)))
        if last is not None:
            last[:] = [_Pass(text, 0, read, None, report.fixes)]
        return report

    def _steps(
        self,
        text: str,
        tokens: list[Word],
        skip: Sequence[tuple[int, int]],
        memo: Memo | None,
        whole: _Whole | None = None,
        cut: list[Finding] | None = None,
    ) -> list[Finding]:
        """The findings of every step for ``tokens``, the words of ``text``; ``whole``: what
        the whole document says, when ``text`` is a piece of it; ``cut`` gets the run-on words found."""
        lexicon, model = self.lexicon, self.model
        found: list[Finding] = []
        for rule in self.rules if whole is None else whole.rules:
            found.extend(f for f in rule(text, tokens, lexicon) if not _inside(f, skip))
        spaced, tokens = split_words(text, tokens, lexicon, model, memo)  # fixed halves are not read alone
        found.extend(spaced)
        spelled = None if whole is None else whole.spaced
        glued, tokens = run_ons(tokens, lexicon, model, spelled)  # fixed words are not read as names
        found.extend(glued)
        if cut is not None:
            cut.extend(glued)
        document = None if whole is None else whole.document
        found.extend(decide(tokens, lexicon, self._speller, self._names, self._bigrams, model, memo, document))
        found.extend(case_slips(tokens, lexicon, model, memo, None if document is None else document.in_document))
        if self.ignore:
            found = [f for f in found if plain_apostrophes(f.text.lower()) not in self.ignore]
        return found

    def _in_pieces(
        self,
        text: str,
        skip: Sequence[tuple[int, int]],
        memo: Memo | None,
        parts: list[Piece],
        blocks: Sequence[tally.Block],
    ) -> list[Finding]:
        """The findings for a long text, read a piece at a time (pieces.py), so that the words
        of one piece, not of the whole text, are held at once; the same as ``_steps`` on the
        whole text, in the order ``_without_overlaps`` gives.

        Decisions read the words the text writes once run-on words are cut, and which words
        are cut needs the counts of the whole text: ``blocks`` (tally.py) count them, cutting
        run-ons without the words around their blocks, and should the pieces, read with
        them, cut others, they are read again with those."""
        spans = sorted(skip)
        whole, guessed = self._whole(blocks, memo)
        starts = [start for start, _ in spans]
        longest = max((end - start for start, end in spans), default=0)
        while True:
            out: list[Finding] = []
            cut: Counter[str] = Counter()
            for p in parts:
                piece = text[p.before : p.after]
                piece_skip = clipped(spans, starts, longest, p.before, p.after)
                tokens = join_broken(piece, words(piece, piece_skip), self.lexicon.knows)
                glued: list[Finding] = []
                found = self._steps(piece, tokens, piece_skip, memo, whole, glued)
                lo, hi = p.start - p.before, p.end - p.before
                cut.update(f.text for f in glued if lo <= f.start < hi)
                for f in _without_overlaps([f for f in found if lo <= f.start < hi]):  # no finding spans a cut
                    out.append(replace(f, start=f.start + p.before, end=f.end + p.before))
            if cut == guessed:
                return out
            whole, guessed = self._read(whole.rules, whole.spaced, cut, memo), cut

    def _whole(self, blocks: Sequence[tally.Block], memo: Memo | None) -> tuple[_Whole, Counter[str]]:
        """What the steps count over the whole text (``tally.counts``), and the run-on words cut."""
        counted = tally.counts(blocks, self.lexicon, self.model)
        rules = tuple(for_document(rule, counted.written, self.lexicon) for rule in self.rules)
        return self._read(rules, counted.spaced, counted.cut, memo), counted.cut

    def _read(self, rules: tuple[Rule, ...], spaced: Counter[str], cut: Counter[str], memo: Memo | None) -> _Whole:
        """What the pieces read of the whole text when the ``cut`` run-on words are cut."""
        read = {core: n - cut[core] for core, n in spaced.items() if n > cut[core]}
        return _Whole(rules, spaced, Document.of(read, self.lexicon, memo))

    def fix(self, text: str, *, skip: Sequence[tuple[int, int]] = ()) -> Report:
        """Same findings as ``check``; ``Report.fixed`` holds the corrected text."""
        return self.check(text, skip=skip)


@dataclass(frozen=True, slots=True)
class _Pass:
    """What a settle pass read, for the next, whose text is this one's with its fixes: its
    text and words (a text read at once), or its text's fingerprint and blocks' counts (a
    long text, read in pieces: one text fewer held)."""

    text: str
    fingerprint: int
    words: list[Word] | None
    blocks: list[tally.Block] | None
    fixes: tuple[Finding, ...]


@dataclass(frozen=True, slots=True)
class _Whole:
    """What the pieces of a long text read of the whole (``Normalizer._whole``)."""

    rules: tuple[Rule, ...]  # bound to the words the text writes
    spaced: Counter[str]  # its words once split words are joined
    document: Document  # its words once run-on words are cut, and what they say


def _inside(f: Finding, spans: Sequence[tuple[int, int]]) -> bool:
    """True when the finding touches a span the caller asked to skip (code, ignored lines)."""
    return any(f.start < end and start < f.end for start, end in spans)


def _without_overlaps(findings: list[Finding]) -> tuple[Finding, ...]:
    """Keep the most confident finding of each overlapping group: a fix before a
    suggestion, then the higher confidence, then the earlier rule (rules before spelling)."""
    ranked = sorted(enumerate(findings), key=lambda p: (p[1].action != "fix", -p[1].confidence, p[0]))
    kept: list[Finding] = []
    for _, f in ranked:
        if all(f.end <= k.start or f.start >= k.end for k in kept):
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


def check(text: str) -> Report:
    """Find misspelled names, places and words in ``text``."""
    return default().check(text)


def fix(text: str) -> Report:
    """Like ``check``; read the corrected text from ``Report.fixed``."""
    return default().fix(text)
