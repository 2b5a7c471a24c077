"""The tools under test, behind one interface: text -> token replacements.

Every peer works token by token on ``benchmarks.tokens`` (the same words
normalize sees) and checks each word's core (possessive split off). A peer that
answers in lowercase gets its answer put back in the token's case
(``recase``), so it is not penalized for case. normalize is run whole:
``normalize.check(text)``; only its ``fix`` findings are changes, and its
suggestions are kept for a secondary score.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.tokens import recase, tokens

ROOT = Path(__file__).resolve().parents[1]
PYSPELL_DISTANCE2_MAX_LEN = 6  # pyspellchecker: edit distance 2 only for words this short


@dataclass(frozen=True, slots=True)
class Edit:
    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    start: int
    end: int
    top: str  # the first suggestion (or the fix) for this span
    confidence: float | None = None  # the tool's own confidence, if it gives one


@dataclass
class Output:
    edits: list[Edit] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)


class Peer:
    """A word-by-word checker: ``correct(word)`` is the replacement or None."""

    name = "peer"
    note = ""

    def __init__(self) -> None:
        self.cache: dict[str, str | None] = {}

    def warm(self, words: Iterable[str]) -> None:
        for w in set(words) - self.cache.keys():
            self.cache[w] = self.correct(w)

    def correct(self, word: str) -> str | None:
        raise NotImplementedError

    def run(self, text: str) -> Output:
        out = Output()
        for tok in tokens(text):
            if tok.skip or len(tok.core) < 2:
                continue
            core = tok.core
            if core not in self.cache:
                self.cache[core] = self.correct(core)
            fix = self.cache[core]
            if fix is not None and fix != core:
                out.edits.append(Edit(tok.start, tok.core_end, fix))
                out.suggestions.append(Suggestion(tok.start, tok.core_end, fix))
        return out


class SymSpell(Peer):
    name = "symspell"
    note = "symspellpy 6.10.1 lookup(TOP, max_edit_distance=2), bundled 82,765-word dictionary"

    def __init__(self) -> None:
        super().__init__()
        from symspellpy import SymSpell as _S
        from symspellpy import Verbosity

        from benchmarks.gazetteer import symspell_dictionary

        self.verbosity = Verbosity.TOP
        self.sym = _S(max_dictionary_edit_distance=2)
        self.sym.load_dictionary(str(symspell_dictionary()), 0, 1)

    def correct(self, word: str) -> str | None:
        low = word.lower().replace("’", "'")
        found = self.sym.lookup(low, self.verbosity, max_edit_distance=2)
        if not found or found[0].term == low:
            return None
        return recase(found[0].term, word)


class Hunspell(Peer):
    name = "hunspell"
    note = "hunspell -a -d en_US (Debian hunspell-en-us, pipe mode, one pipe per core), first suggestion"

    def warm(self, words: Iterable[str]) -> None:
        todo = sorted(set(words) - self.cache.keys())
        if todo:
            self.cache.update(zip(todo, self._ask(todo), strict=False))

    def correct(self, word: str) -> str | None:
        return self._ask([word])[0]

    def _ask(self, words: list[str]) -> list[str | None]:
        """Ask hunspell about many words, split over one pipe per core."""
        n = max(1, min(os.cpu_count() or 1, len(words) // 200))
        chunks = [words[i::n] for i in range(n)]
        with ThreadPoolExecutor(n) as pool:
            answers = list(pool.map(self._ask_one, chunks))
        out: list[str | None] = [None] * len(words)
        for i, part in enumerate(answers):
            out[i::n] = part
        return out

    def _ask_one(self, words: list[str]) -> list[str | None]:
        feed = "".join("^" + w + "\n" for w in words)
        proc = subprocess.run(
            ["hunspell", "-a", "-i", "utf-8", "-d", "en_US"],
            input=feed,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
        )
        lines = proc.stdout.split("\n")[1:]  # first line is the version banner
        groups: list[list[str]] = [[]]
        for line in lines:
            if line == "":
                groups.append([])
            else:
                groups[-1].append(line)
        groups = groups[: len(words)]
        out: list[str | None] = []
        for w, group in zip(words, groups, strict=False):
            fix = None
            for line in group:
                if line.startswith("&") and ": " in line:
                    fix = line.split(": ", 1)[1].split(", ")[0]
                    break
            out.append(None if fix is None or fix == w else fix)
        if len(out) != len(words):
            raise RuntimeError("hunspell answered out of step; is hunspell-en-us installed?")
        return out


class PySpell(Peer):
    name = "pyspellchecker"
    note = (
        f"pyspellchecker correction(); edit distance 2 for words up to {PYSPELL_DISTANCE2_MAX_LEN} letters,"
        " 1 above (speed)"
    )

    def __init__(self) -> None:
        super().__init__()
        from spellchecker import SpellChecker

        self.d2 = SpellChecker(distance=2)
        self.d1 = SpellChecker(distance=1)

    def correct(self, word: str) -> str | None:
        low = word.lower().replace("’", "'")
        if low in self.d1:
            return None
        checker = self.d2 if len(low) <= PYSPELL_DISTANCE2_MAX_LEN else self.d1
        fix = checker.correction(low)
        if not fix or fix == low:
            return None
        return recase(fix, word)


class Normalize:
    name = "normalize"
    note = "normalize.check(text): fix findings applied; suggestions scored separately"

    def __init__(self, weights: str = "shipped", sets: dict[str, float] | None = None) -> None:
        """``weights``: the shipped model's, the hand-set ones model.json keeps beside fitted ones
        (``hand-set``), or those of the last fit it records, shipped or not (``fitted``); ``sets``:
        feature -> weight over those (to compare)."""
        if str(ROOT) not in sys.path:
            sys.path.insert(0, str(ROOT))
        from normalize.engine import Normalizer, default

        engine = default()
        if weights in ("hand-set", "fitted"):
            model = engine.model.hand_set() if weights == "hand-set" else engine.model.last_fit()
            engine = Normalizer(engine.lexicon, model=model, rules=engine.rules)
        elif weights != "shipped":
            raise SystemExit(f"unknown weights {weights!r}; choose shipped, hand-set or fitted")
        if sets:
            from normalize.model import Model

            if unknown := set(sets) - set(engine.model.weights):
                raise SystemExit(f"unknown features {sorted(unknown)}")
            model = Model({**engine.model.weights, **sets}, engine.model.fitted, engine.model.fix_gap)
            engine = Normalizer(engine.lexicon, model=model, rules=engine.rules)
        self.engine = engine
        self.check = engine.check
        self.check("Warm up the lexicon.")  # loading is timed apart (see speed.py)

    def warm(self, words: Iterable[str]) -> None:
        pass

    def forget(self) -> None:
        """Empty the engine's memo of answers, kept from text to text: after the news counts are
        swapped (accuracy.NewsFolds) its answers read the counts that were in force."""
        self.engine._memo.clear()

    def run(self, text: str) -> Output:
        report = self.check(text)
        out = Output()
        for f in report.findings:
            if f.action == "fix" and f.replacement is not None and f.replacement != f.text:
                out.edits.append(Edit(f.start, f.end, f.replacement))
                out.suggestions.append(Suggestion(f.start, f.end, f.replacement, f.confidence))
            elif f.suggestions:
                out.suggestions.append(Suggestion(f.start, f.end, f.suggestions[0], f.confidence))
        return out


TOOLS = {"normalize": Normalize, "symspell": SymSpell, "hunspell": Hunspell, "pyspellchecker": PySpell}


def make(name: str, weights: str = "shipped", sets: dict[str, float] | None = None) -> Peer | Normalize:
    if name not in TOOLS:
        raise SystemExit(f"unknown tool {name!r}; choose from {', '.join(TOOLS)}")
    return Normalize(weights, sets) if name == "normalize" else TOOLS[name]()
