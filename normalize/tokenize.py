"""str -> words with offsets (pure).

A word is a run of letters with inner apostrophes ("Russia's", "O'Brien").
Hyphens separate words, so "Kassym-Jomart" is two words and a fix to one
part keeps the hyphen. Words inside URLs, e-mail addresses, file paths,
hashtags, dotted identifiers ("kremlin.ru", "U.S.") or glued to digits
("COVID19"), and runs of letters longer than any word, are marked ``skip``:
they are not prose. Tokenizing takes time linear in the text's length.

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

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from normalize.forms import APOSTROPHES, plain_apostrophes
from normalize.types import Finding, Token

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
SENTENCE_BREAK = re.compile(r"[.!?:…•]|\n\s*[-*>|#]|\n\s*\n")
# Endings the core leaves out: the possessive and the clitics of contractions (there’d, that’ve),
# which English tokenizers make words of their own.
CLITICS = ("'s", "'d", "'ll", "'re", "'ve", "'m", "'")
# A word that keeps an apostrophe before lowercase letters is an elision (ma’am, o’er) or a foreign
# word (coup d’état, Al-Qa’ida): written so on purpose, and no list of English words has it. Only a
# negation, perhaps with its apostrophe misplaced (doesn't, does'nt), is English to check; names
# with a capital after the apostrophe (O'Brien, D'Alema) are checked as names.
NEGATION = ("n't", "'nt")
_INNER_APOSTROPHE = re.compile(r"(?<=[^\W\d_])['’‘ʼ](?=[^\W\d_])")
# Between the halves of a word broken at a line end: a hyphen (soft hyphen, ¬ of scans), then
# spaces and at most one line break.
_LINE_BREAK = re.compile(r"[-\u00ad\u2010¬][ \t]*(?:\r?\n[ \t]*)?")
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


def words(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[Word]:
    """Words of ``text``; those inside ``skip`` spans or not prose are marked ``skip``."""
    # Skipped markup counts as blank here: "agreed.</p>" is a word and a tag, not a path.
    blocked = _not_prose_mask(_blank(text, skip))
    for start, end in skip:
        blocked[start:end] = b"\x01" * (min(end, len(text)) - start)
    out: list[Word] = []
    prev_end = 0
    cores: dict[str, tuple[str, bool]] = {}  # per distinct token: its core, and whether that is no prose
    for tok in tokenize(text):
        known = cores.get(tok.text)
        if known is None:
            known = cores[tok.text] = _core(tok.text)
        core, odd = known
        not_prose = odd or any(blocked[tok.start : tok.end]) or _glued(text, tok) or _cut_off(text, tok)
        start = not out or bool(SENTENCE_BREAK.search(text[prev_end : tok.start]))
        out.append(Word(tok, core, not_prose, start, text[tok.end : tok.end + 1] in PAUSES))
        prev_end = tok.end
    return out


def _core(token: str) -> tuple[str, bool]:
    """The token as looked up, and whether it is an elision or too long to be a word."""
    core = plain_apostrophes(token)
    for suffix in CLITICS:
        if core.endswith(suffix) and len(core) > len(suffix) + 1:
            core = core[: -len(suffix)]
            break
    elision = "'" in core and core[1:].islower() and not core.endswith(NEGATION)
    return core, elision or len(core) > LONGEST_WORD


def _cut_off(text: str, tok: Token) -> bool:
    """True when a hyphen ends the word: a speaker's false start ("Latvi- — Latvia"), half of a
    word broken at a line end ("secur- ity"), or of a compound ("pre- and post-war")."""
    return text[tok.end : tok.end + 1] in ("-", "\u2010") and not text[tok.end + 1 : tok.end + 2].isalnum()


def _glued(text: str, tok: Token) -> bool:
    """True when the word touches digits or sits inside a dotted identifier."""
    before = text[tok.start - 1] if tok.start else ""
    after = text[tok.end] if tok.end < len(text) else ""
    if before.isdigit() or after.isdigit():
        return True
    if after == "." and tok.end + 1 < len(text) and text[tok.end + 1].isalnum():
        return True
    if before == "." and tok.start >= 2 and text[tok.start - 2].isalnum():
        return True
    return False


def _blank(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with the ``spans`` replaced by spaces (same length, same offsets)."""
    parts, pos = [], 0
    for start, end in sorted(spans):
        start, end = max(start, pos), min(end, len(text))
        if end > start:
            parts += [text[pos:start], " " * (end - start)]
            pos = end
    return "".join(parts) + text[pos:] if parts else text


def _not_prose_mask(text: str) -> bytearray:
    mask = bytearray(len(text))
    for m in NOT_PROSE.finditer(text):
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
    out = list(found)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        gap = text[a.token.end : b.token.start]
        if not b.token.text[:1].islower() or not _LINE_BREAK.fullmatch(gap):
            continue
        joined = plain_apostrophes(a.token.text) + b.core
        if len(gap) > 1 or (known(joined) and not (known(a.core) and known(b.core))):
            out[i], out[i + 1] = replace(a, skip=True), replace(b, skip=True)
    return out


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
