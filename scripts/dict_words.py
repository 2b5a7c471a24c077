"""Build dictionaries/words.tsv: the trusted English lexicon (`word`) and seen-but-untrusted
tokens (`rare`), each with a Zipf frequency.

word = symspellpy's frequency_dictionary_en_82_765 + wordfreq Zipf >= 3.3 + British
spellings (Zipf >= 1.5, or >= 1.0 for an -ise form whose family has such a British
spelling: mechanise beside mechanised) whose US form is a word + the rarer negative contractions of
auxiliaries (shan't), minus codespell typos (see below).
rare = every other alphabetic wordfreq token with Zipf >= 1.0; typo = such a token (or a
demoted word) that codespell lists as a misspelling ("goverment" 2.66 in wordfreq).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path

import symspellpy
import wordfreq
from dict_text import is_latin, write_tsv

HEADER = ("word", "zipf", "status")
WORD_ZIPF = 3.3
BRITISH_ZIPF = 1.5
RARE_ZIPF = 1.0
# A codespell typo that symspell also lists stays a word when it is at least this common
# both in symspell's counts and in wordfreq (Zipf): that keeps names and British forms
# codespell flags for code (linz, oder, handel, despatch) and demotes real typos that
# slipped into symspell's list (imbedded, pervious, miliary, incudes).
SYMSPELL_KEEP_TYPO_ZIPF = 2.5
# The negative contractions of English auxiliaries (a closed class) that symspell's list
# lacks and wordfreq has under WORD_ZIPF: words, though rare ("I shan't speak longer")
NEGATIVE_CONTRACTIONS = ("daren't", "mayn't", "mightn't", "oughtn't", "shan't")
TOKEN = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")


def _symspell() -> dict[str, int]:
    path = Path(symspellpy.__file__).parent / "frequency_dictionary_en_82_765.txt"
    counts: dict[str, int] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 2 and parts[1].isdigit():
                counts[parts[0]] = counts.get(parts[0], 0) + int(parts[1])
    return counts


def codespell_typos(path: Path) -> set[str]:
    """The typo side of codespell's dictionary.txt (data only; codespell's code is not imported)."""
    typos = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if "->" in line:
                typos.add(line.split("->", 1)[0].strip().lower())
    return typos


def _us_forms(word: str) -> set[str]:
    """Candidate US spellings of a British spelling, by the usual rules (combined)."""
    rules = [
        (r"our(s|ed|ing|ite|ites|able|er|ers|ful|less)?$", r"or\1"),
        (r"our", "or"),
        (r"is(e|es|ed|ing|er|ers|ation|ations|able)$", r"iz\1"),
        (r"ys(e|es|ed|ing|er|ers)$", r"yz\1"),
        (r"([tb])re(s|d)?$", r"\1er\2"),
        (r"ogue(s)?$", r"og\1"),
        (r"ae", "e"),
        (r"oe", "e"),
        (r"ll(ed|ing|er|ers|ors|ation|ations)$", r"l\1"),
        (r"ence(s)?$", r"ense\1"),
    ]
    forms = {word}
    for pattern, repl in rules:
        forms |= {re.sub(pattern, repl, f, count=1) for f in forms}
    forms.discard(word)
    return forms


# The -ise/-isation endings of one British verb family (mechanise, mechanised, mechanisation)
ISE_FAMILY = re.compile(r"^(.{3,})is(e|es|ed|ing|ation|ations)$")
ISE_ENDINGS = ("e", "es", "ed", "ing", "ation", "ations")


def _british_families(zipf: dict[str, float], status: dict[str, str]) -> None:
    """A rarer -ise form (Zipf RARE_ZIPF to BRITISH_ZIPF) whose US form is a word is a British
    spelling too where another form of its -ise family is one (mechanise 1.07 beside mechanised
    2.40 and mechanisation 2.07; victimise beside victimised): wordfreq counts each form apart,
    so the base form of a family British text writes mostly in the past tense falls below the
    floor. Marks them in ``status`` in place."""
    for w, z in sorted(zipf.items()):
        m = ISE_FAMILY.match(w)
        if not m or w in status or not RARE_ZIPF <= z < BRITISH_ZIPF:
            continue
        family = [m.group(1) + "is" + e for e in ISE_ENDINGS]
        if any(status.get(f) in ("word", "british") for f in family) and any(
            status.get(u) == "word" for u in _us_forms(w)
        ):
            status[w] = "british"


def build_words(out: Path, codespell_dictionary: Path) -> tuple[int, Counter]:
    stats: Counter = Counter()
    sym = _symspell()
    total = sum(sym.values())
    freqs = wordfreq.get_frequency_dict("en", wordlist="best")
    zipf: dict[str, float] = {}
    for w, f in freqs.items():
        if f > 0 and TOKEN.fullmatch(w) and w == w.lower() and is_latin(w):
            zipf[w] = round(math.log10(f) + 9, 2)
    sym_zipf = {w: round(math.log10(c / total * 1e9), 2) for w, c in sym.items() if c > 0}
    typos = codespell_typos(codespell_dictionary)

    status: dict[str, str] = {}
    for w in sym:
        if TOKEN.fullmatch(w) and w == w.lower() and is_latin(w):
            status[w] = "word"
    stats["symspell"] = len(status)
    for w, z in zipf.items():
        if z >= WORD_ZIPF and w not in status:
            status[w] = "word"
            stats["wordfreq_ge_3.3"] += 1
    for w in NEGATIVE_CONTRACTIONS:
        if w in zipf and w not in status:
            status[w] = "word"
            stats["contraction"] += 1
    for w, z in sorted(zipf.items()):
        if BRITISH_ZIPF <= z and w not in status:
            if any(status.get(u) == "word" for u in _us_forms(w)):
                status[w] = "british"
    _british_families(zipf, status)
    for w in [w for w, s in status.items() if s == "british"]:
        status[w] = "word"
        stats["british"] += 1
    for w in sorted(status):
        if w in typos:
            if w in sym and min(sym_zipf.get(w, 0), zipf.get(w, 0)) >= SYMSPELL_KEEP_TYPO_ZIPF:
                stats["codespell_typo_kept_symspell"] += 1
                continue
            status[w] = "typo"
            stats["codespell_typo_demoted"] += 1
    for w, z in zipf.items():
        if z >= RARE_ZIPF and w not in status and w.isalpha():
            status[w] = "typo" if w in typos else "rare"
    rows = []
    for w in sorted(status):
        z = zipf.get(w, sym_zipf.get(w))
        if z is None:
            continue
        rows.append((w, f"{z:.2f}", status[w]))
    stats.update(Counter("status_" + r[2] for r in rows))
    n = write_tsv(out / "words.tsv", HEADER, rows)
    return n, stats


MISSPELLINGS_HEADER = ("typo", "fixes")


def codespell_pairs(path: Path) -> dict[str, list[str]]:
    """codespell's dictionary.txt as typo -> its corrections, in codespell's order (data only)."""
    pairs: dict[str, list[str]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if "->" not in line:
                continue
            typo, fixes = line.rstrip("\n").split("->", 1)
            got = pairs.setdefault(typo.strip().lower(), [])
            for fix in fixes.split(","):
                fix = fix.strip().lower()
                if fix and fix not in got:
                    got.append(fix)
    return pairs


def build_misspellings(out: Path, codespell_dictionary: Path) -> tuple[int, Counter]:
    """misspellings.tsv: the misspellings codespell lists, each with its corrections that are
    English words of words.tsv (written first), for typos that are no English word themselves."""
    stats: Counter = Counter()
    words = set()
    with open(out / "words.tsv", encoding="utf-8") as f:
        next(f)
        for line in f:
            word, _, status = line.rstrip("\n").split("\t")
            if status == "word":
                words.add(word)
    rows = []
    for typo, fixes in sorted(codespell_pairs(codespell_dictionary).items()):
        if not TOKEN.fullmatch(typo) or not is_latin(typo):
            stats["not_a_word_token"] += 1
            continue
        if typo in words:
            stats["typo_is_a_word"] += 1
            continue
        kept = [w for w in fixes if w in words]
        if not kept:
            stats["no_english_fix"] += 1
            continue
        stats["several_fixes" if len(kept) > 1 else "one_fix"] += 1
        rows.append((typo, "|".join(kept)))
    return write_tsv(out / "misspellings.tsv", MISSPELLINGS_HEADER, rows), stats
