"""Document consistency: one capitalized name spelled two ways in a document (Reznikov x5, Reznikv x1).

The minority spelling is a finding when it is 1 edit from the majority, starts with the
same letter, and makes up at most a third of the occurrences. Never when the minority is a
known word or name (Maria/Marie) or a spelling that real text uses (Elina beside Elena,
Sundar beside Sunday: the spelling model weighs those, typed_zipf against in_document), a
romanization variant (Oleksiy/Oleksii: forms.romanization_variant; a letter left undoubled
is a slip, Ulapool/Ullapool), or the majority plus or minus an ending
(Kazakhstan/Kazakhstani, Bucha/Buchas: derived words, not typos; but a key struck beside
the majority's last letter is a slip: Russiaq/Russia). Two edits apart were measured on
news-dev and are mostly different people (Mikhailov/Mikhalkov, Asanova/Arslanova), so they
are left out. It is only suggested, except when the majority spelling is a name the
gazetteer knows and the minority is unknown: then it is fixed. A minority spelling that
opens a name with the capitalized word after it, which the text writes no more often, is
that name's (Aryna Volkova, in a text on the Pala Arena; features.name_mate). Of two
majority spellings within reach, the one the likelier slip leads to (edits.edit_cost) is
meant, then the commoner.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import compress, count
from operator import attrgetter

from rapidfuzz.distance import OSA

from normalize.context import is_country, spellings_listed
from normalize.derive import derived
from normalize.edits import edit_cost, struck_beside
from normalize.features import SEEN_ZIPF, marked_sic, name_mate
from normalize.forms import romanization_variant, shape
from normalize.lexicon import Lexicon
from normalize.rules import Rule
from normalize.tokenize import Word
from normalize.types import Entry, Finding

RULE = "consistency"
MIN_LENGTH = 5
MAX_SHARE = 1 / 3
_CORE = attrgetter("core")


def consistency(text: str, words: list[Word], lexicon: Lexicon) -> Iterator[Finding]:
    counts = _names(Counter(w.core for w in words if not w.skip))
    return _findings(words, counts, _majority(counts, lexicon), lexicon)


def for_document(written: Counter[str], lexicon: Lexicon) -> Rule:
    """The rule for (a piece of) a document that writes its words as often as ``written``
    says (words not ``skip``, in the order the document first writes them)."""
    counts = _names(written)
    return InDocument(counts, _majority(counts, lexicon))


@dataclass(frozen=True, slots=True)
class InDocument:
    """The rule for the pieces of one document: ``majority`` maps each minority spelling to
    the majority spelling it is a slip of."""

    counts: Counter[str]
    majority: dict[str, str]

    def __call__(self, text: str, words: list[Word], lexicon: Lexicon) -> Iterator[Finding]:
        return _findings(words, self.counts, self.majority, lexicon)


def _names(written: Counter[str]) -> Counter[str]:
    """The capitalized spellings long enough to compare, in the order the text writes them."""
    return Counter({core: n for core, n in written.items() if len(core) >= MIN_LENGTH and shape(core) == "title"})


def _majority(counts: Counter[str], lexicon: Lexicon) -> dict[str, str]:
    """Each minority spelling and the majority spelling it is a slip of."""
    # A majority spelling makes up at least two thirds of the two (MAX_SHARE): it occurs
    # twice or more, so a text of words written once each compares nothing.
    near = _neighbours(list(counts), [major for major, m in counts.items() if m >= 2])
    majority = {}
    for minor, n in counts.items():
        best = None
        best_rank = (0.0, 0)
        for major in near[minor]:
            m = counts[major]
            if major == minor or major[0] != minor[0] or n > (n + m) * MAX_SHARE:
                continue
            if OSA.distance(minor.lower(), major.lower()) > 1 or romanization_variant(minor, major):
                continue
            if minor.startswith(major) or major.startswith(minor):
                if derived(minor.lower(), major.lower(), lexicon):
                    best = None  # a form of the other spelling (Buchas, Russias), which no rival corrects
                    break
                if not (minor.startswith(major) and struck_beside(minor.lower(), major.lower())):
                    # a shorter or longer spelling (Mark, Marko; Dominicano, Islami) may be a name of its
                    # own; but a key struck beside the name's last letter is a slip (Russiaq)
                    continue
            if lexicon.knows(minor) or lexicon.knows_folded(minor) or _plural_of_place(minor, lexicon):
                continue
            if lexicon.zipf(minor) >= SEEN_ZIPF:
                continue  # a spelling real text uses is a name of its own (Elina beside Elena): the model's to weigh
            # the likelier slip first (Russiaq: an extra key after Russia, not n struck as q in
            # Russian, however often the text writes Russian), then the commoner spelling
            rank = (-edit_cost(minor, major.lower(), 1), m)
            if best is None or rank > best_rank:
                best, best_rank = major, rank
        if best is not None:
            majority[minor] = best
    return majority


def _plural_of_place(minor: str, lexicon: Lexicon) -> bool:
    """A prominent place's name with a plural s (the two Koreas, the Americas, the Sudans):
    a form of the name, no slip of another spelling one letter away (Korean)."""
    return minor.endswith("s") and is_country(minor[:-1].lower(), lexicon)


def _findings(words: list[Word], counts: Counter[str], majority: dict[str, str], lexicon: Lexicon) -> Iterator[Finding]:
    if not majority:
        return  # most texts: nothing to look for word by word
    # (the few words of a minority spelling, found in one pass in C; most texts have none)
    for i in compress(count(), map(majority.__contains__, map(_CORE, words))):
        w = words[i]
        target = majority[w.core]
        if w.skip or marked_sic(words, i) or spellings_listed(words, i, lexicon):
            # (a spelling the writer marks [sic] is the source's: Prime Minister Anderssen [sic]; and
            # one in a list of the name's spellings is one of them: Alibamu, Alabamo, Albama)
            continue
        mate = name_mate(words, i, lexicon)
        if mate and counts[mate] <= counts[w.core]:
            # (one that opens a name with a word the text writes no more often is that name's, as
            # features.mate_in_document weighs: Aryna Volkova, in a text on the Pala Arena)
            continue
        known = target.lower() in lexicon.name_index
        n, m = counts[w.core], counts[target]
        yield Finding(
            start=w.token.start,
            end=w.token.start + len(w.core),
            text=w.core,
            replacement=target if known else None,
            suggestions=(target,),
            confidence=0.9 if known else 0.7,
            kind="consistency",
            action="fix" if known else "suggest",
            reason=f"rule consistency: '{target}' appears {m}x in this document, '{w.core}' {n}x"
            + ("; the gazetteer knows " + target if known else "; neither spelling is in the gazetteer"),
            rule=RULE,
            entry=Entry(f"document:{target}", target, "consistency", f"{m} of {n + m} spellings here", "this document"),
        )


def _neighbours(spellings: list[str], majors: list[str]) -> dict[str, list[str]]:
    """For each spelling, the ``majors`` (a sublist of ``spellings``) within one edit of it
    (lowercase OSA) that start with its letter, in ``spellings``' order.

    Two words one insertion, deletion, substitution or adjacent transposition apart
    share a form with at most one letter deleted, so a deletion index of the majors finds
    them without comparing every pair (which grew with the square of a long text's names).
    """
    if not majors:
        return {word: [] for word in spellings}
    order = {word: i for i, word in enumerate(spellings)}
    index: dict[str, list[str]] = {}
    for word in majors:
        for key in _forms(word.lower()):
            index.setdefault(key, []).append(word)
    # (a slip keeps the first letter and its length within one: a quick test spares the rest)
    reach = {(major[0], len(major) + d) for major in majors for d in (-1, 0, 1)}
    near: dict[str, list[str]] = {}
    for word in spellings:
        if (word[0], len(word)) not in reach:
            near[word] = []
            continue
        low = word.lower()
        found = {major for key in _forms(low) for major in index.get(key, ()) if major != word}
        near[word] = [
            major
            for major in sorted(found, key=order.__getitem__)
            if major[0] == word[0] and OSA.distance(low, major.lower()) <= 1
        ]
    return near


def _forms(low: str) -> set[str]:
    """``low`` and each string it becomes with one letter deleted."""
    return {low} | {low[:j] + low[j + 1 :] for j in range(len(low))}
