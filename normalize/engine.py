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
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from normalize.candidates import Bigrams, NameMatcher, Speller
from normalize.casing import case_slips
from normalize.config import Config
from normalize.context import MEMO_SIZE, Memo
from normalize.decide import decide
from normalize.forms import plain_apostrophes
from normalize.lexicon import Lexicon, load
from normalize.model import Model
from normalize.model import default as default_model
from normalize.rules import Rule
from normalize.runon import run_ons
from normalize.settle import settle
from normalize.spacing import split_words
from normalize.tokenize import Word, as_written, join_broken, rewords, words
from normalize.types import Finding, Report

Pass = tuple[str, list[Word], tuple[Finding, ...]]  # a pass's text, its words and its fixes


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

        last: list[Pass] = []  # the pass before: settle's next text is its text with its fixes

        def once(text: str, skip: Sequence[tuple[int, int]]) -> Report:
            return self._once(text, skip, memo, last)

        with collector_paused():
            return settle(once(text, skip), once, skip)

    def _once(
        self, text: str, skip: Sequence[tuple[int, int]], memo: Memo | None = None, last: list[Pass] | None = None
    ) -> Report:
        tokens = None
        if last:  # a later pass reads again only the paragraphs the last one's fixes changed
            old, read, fixes = last[0]
            tokens = rewords(old, read, fixes, text, skip, self.lexicon.knows)
        if tokens is None:
            tokens = join_broken(text, words(text, skip), self.lexicon.knows)
        read = tokens
        found: list[Finding] = []
        for rule in self.rules:
            found.extend(f for f in rule(text, tokens, self.lexicon) if not _inside(f, skip))
        spaced, tokens = split_words(text, tokens, self.lexicon, self.model, memo)  # fixed halves are not read alone
        found.extend(spaced)
        glued, tokens = run_ons(tokens, self.lexicon, self.model)  # fixed words are not read as names
        found.extend(glued)
        found.extend(decide(tokens, self.lexicon, self._speller, self._names, self._bigrams, self.model, memo))
        found.extend(case_slips(tokens, self.lexicon, self.model, memo))
        if self.ignore:
            found = [f for f in found if plain_apostrophes(f.text.lower()) not in self.ignore]
        report = Report(text, _without_overlaps(as_written(text, found)))
        if last is not None:
            last[:] = [(text, read, report.fixes)]
        return report

    def fix(self, text: str, *, skip: Sequence[tuple[int, int]] = ()) -> Report:
        """Same findings as ``check``; ``Report.fixed`` holds the corrected text."""
        return self.check(text, skip=skip)


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
