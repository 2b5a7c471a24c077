"""Person names as written in the sources -> clean, proper-cased spellings and match keys.

CIA and Factbook write surnames in capitals ("Sergey Viktorovich LAVROV",
"KIM Jae Ryong", "Jose Eduardo DOS SANTOS"); official sites add honorifics
("Dr. Martín Ignacio SORIA"), nicknames ('Jose "Pepe" MUJICA Cordano',
"S.P. (Sheldry) Osepa") and post-nominals ("Natalie Evans, Baroness Evans").
`parse_name` undoes all of that and returns None for junk ("Vacant", titles, digits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dict_text import APOSTROPHES, clean_field, fix_confusables, fold, is_latin

# Honorifics and ranks stripped from the front of a name (compared lower-case, dot
# removed). Deliberately absent: Sheikh, Sri, Datuk, Tan, Lord, Emir, King: they are
# part of how the person is named in news copy, or part of the name itself.
HONORIFICS = {
    "dr",
    "dra",
    "mr",
    "mrs",
    "ms",
    "mme",
    "sr",
    "sra",
    "srta",
    "lic",
    "licda",
    "licdo",
    "ing",
    "arq",
    "prof",
    "amb",
    "eng",
    "engr",
    "smt",
    "shri",
    "gen",
    "lt-gen",
    "col-gen",
    "maj-gen",
    "cdor",
    "ir",
    "atty",
    "hon",
    "h.e",
    "sir",
    "dame",
    "judge",
    "capt",
    "col",
    "maj",
    "brig",
    "adm",
    "lt",
    "cdr",
    "rev",
    "mtro",
    "mtra",
    "abog",
}
# Lower-case name particles (only when converted from capitals and not first or last).
PARTICLES = {
    "de",
    "da",
    "das",
    "do",
    "dos",
    "du",
    "del",
    "della",
    "der",
    "den",
    "di",
    "la",
    "le",
    "van",
    "von",
    "ter",
    "ten",
    "bin",
    "binti",
    "bint",
    "ibn",
    "y",
    "e",
    "al",
    "el",
}
SUFFIXES = {"jr": "Jr.", "jnr": "Jr.", "sr": "Sr.", "ii": "II", "iii": "III", "iv": "IV"}
ROMAN = {"II", "III", "IV", "V", "VI"}
DROP_PARENS = {"acting", "ret", "interim", "ag", "a.i", "designate", "elect"}
JUNK_WORDS = re.compile(
    r"(?i)\b(vacant|minister|ministry|president'?s?|secretary|deputy|office|"
    r"government|rule|position|unknown|various|ambassadors?|chairman|council|"
    r"n/a|tbd|none|member|representative)\b"
)


@dataclass(frozen=True)
class ParsedName:
    display: str  # "Sergey Viktorovich Lavrov"
    given: tuple[str, ...]  # folded given names, in order
    surname: tuple[str, ...]  # folded surname tokens
    after: tuple[str, ...]  # folded tokens after the surname (maternal name, Asian given)
    surname_first: bool  # "KIM Jae Ryong"
    extras: tuple[str, ...] = field(default=())  # nickname / a.k.a. full names


def _is_caps(tok: str) -> bool:
    letters = [c for c in tok if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and "." not in tok.rstrip(".")


def _has_caps(tok: str) -> bool:
    """A token in capitals, or a hyphenated one with a part in capitals (DUTERTE-Carpio)."""
    return _is_caps(tok) or ("-" in tok and any(_is_caps(p) for p in tok.split("-")))


def _lower_rest(s: str) -> str:
    return s.replace("İ", "I").lower()


def _proper_part(part: str, particle_ok: bool) -> str:
    low = _lower_rest(part)
    if particle_ok and low in PARTICLES:
        return low
    m = re.fullmatch(r"(\w)'(\w.*)", part)
    if m:  # O'BRIEN, D'ALEMA, N'DIAYE
        return m.group(1).upper() + "'" + m.group(2)[0] + _lower_rest(m.group(2)[1:])
    if low.startswith("mc") and len(part) > 3:
        return part[0] + "c" + part[2] + _lower_rest(part[3:])
    return part[0] + _lower_rest(part[1:])


def _proper_token(tok: str, first: bool, last: bool) -> str:
    if tok in ROMAN and not first:
        return tok
    parts = re.split(r"(-)", tok)
    out = []
    for i, part in enumerate(parts):
        if part == "-" or not _is_caps(part):
            out.append(part)
            continue
        followed_by_hyphen = i + 1 < len(parts)
        particle_ok = (not first and not last and len(parts) == 1) or (
            not first and followed_by_hyphen and _lower_rest(part) in {"al", "el"}
        )
        out.append(_proper_part(part, particle_ok))
    return "".join(out)


def _strip_nicknames(s: str) -> tuple[str, list[str]]:
    nicks: list[str] = []
    akas: list[str] = []

    def aka(m: re.Match[str]) -> str:
        akas.append(m.group(1).strip())
        return " "

    s = re.sub(r"\((?:a\.k\.a\.|aka|also known as)\s*([^)]*)\)", aka, s, flags=re.I)

    def paren(m: re.Match[str]) -> str:
        inner = m.group(1).strip()
        key = inner.lower().rstrip(".")
        if key in DROP_PARENS or "." in inner or not inner:
            return " "
        at_end = not s[m.end() :].strip()
        if re.fullmatch(r"[^\W\d_][\w'-]*(?: [^\W\d_][\w'-]*)?", inner) and inner[0].isupper():
            if not at_end:
                nicks.append(inner)
        return " "

    s = re.sub(r"\(([^)]*)\)", paren, s)

    def quoted(m: re.Match[str]) -> str:
        inner = m.group(1).strip()
        at_end = not s[m.end() :].strip()
        if inner and not at_end and re.fullmatch(r"[^\W\d_][\w'-]*(?: [^\W\d_][\w'-]*)?", inner):
            nicks.append(inner)
        return " "

    s = re.sub(r"[\"“”]([^\"“”]*)[\"“”]", quoted, s)
    return clean_field(s), [n for n in nicks] + ["\x00" + a for a in akas]


def parse_name(raw: str) -> ParsedName | None:
    s = clean_field(fix_confusables(clean_field(raw))).translate(APOSTROPHES)
    if not s or not is_latin(s):
        return None
    s, nick_list = _strip_nicknames(s)
    # Comma tails: keep Jr./Sr./II, drop peerages and post-nominals.
    suffix = ""
    if "," in s:
        head, tail = s.split(",", 1)
        tail_key = tail.strip().lower().rstrip(".")
        if tail_key in SUFFIXES:
            suffix = SUFFIXES[tail_key]
        s = head.strip()
    tokens = s.split()
    # Honorifics in front (keep at least two tokens).
    while len(tokens) > 2 and tokens[0].lower().rstrip(".") in HONORIFICS:
        tokens = tokens[1:]
    if len(tokens) == 2 and tokens[0].lower().rstrip(".") in HONORIFICS - {"sir", "dame"}:
        tokens = tokens[1:]
    if tokens and not suffix and tokens[-1].lower().rstrip(".") in {"jr", "jnr"} and len(tokens) > 2:
        suffix = "Jr."
        tokens = tokens[:-1]
    if tokens and len(tokens[-1]) > 2 and tokens[-1].endswith(".") and tokens[-1][-2].islower():
        tokens[-1] = tokens[-1][:-1]
    if not tokens:
        return None
    joined = " ".join(tokens)
    if re.search(r"\d", joined) or JUNK_WORDS.search(joined) or not is_latin(joined):
        return None
    if re.search(r"'s\b|\by'[A-Z]", joined):  # party names parsed as people ("BOKO's Udc")
        return None
    if len(joined) < 3:
        return None
    caps = [_has_caps(t) for t in tokens]
    mixed = any(caps) and not all(caps)
    # Runs of capitalised tokens; the last run is the surname in CIA style. Earlier
    # short runs followed by a mixed-case token are initials ("AKM Mojammel HAQUE").
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if caps[i]:
            j = i
            while j + 1 < len(tokens) and caps[j + 1]:
                j += 1
            runs.append((i, j))
            i = j + 1
        else:
            i += 1
    keep_upper: set[int] = set()
    if mixed and len(runs) > 1:
        for a, b in runs[:-1]:
            if all(len(tokens[k]) <= 3 for k in range(a, b + 1)):
                keep_upper.update(range(a, b + 1))
    out = []
    n = len(tokens)
    for k, tok in enumerate(tokens):
        if caps[k] and k not in keep_upper:
            out.append(_proper_token(tok, k == 0, k == n - 1))
        else:
            out.append(tok)
    display = " ".join(out + ([suffix] if suffix else []))
    folded = [fold(t) for t in out]
    folded = [f for f in folded if f]
    if mixed and runs:
        sa, sb = runs[-1]
        if sb - sa + 1 == len(tokens):
            sa, sb = len(tokens) - 1, len(tokens) - 1
        given = tuple(fold(t) for t in out[:sa] if fold(t))
        surname = tuple(fold(t) for t in out[sa : sb + 1] if fold(t))
        after = tuple(fold(t) for t in out[sb + 1 :] if fold(t))
    else:
        given = tuple(folded[:-1])
        surname = tuple(folded[-1:])
        after = ()
    extras: list[str] = []
    surname_display = " ".join(out[runs[-1][0] : runs[-1][1] + 1]) if mixed and runs else out[-1]
    for nick in nick_list:
        if nick.startswith("\x00"):
            aka_parsed = parse_name(nick[1:])
            if aka_parsed:
                extras.append(aka_parsed.display)
        elif len(out) > 1:
            extras.append(f"{nick} {surname_display}")
    return ParsedName(
        display=display,
        given=given,
        surname=surname,
        after=after,
        surname_first=bool(mixed and runs and runs[-1][0] == 0 and len(out) > 1),
        extras=tuple(e for e in extras if e != display),
    )


def match_keys_strict(p: ParsedName) -> list[tuple[str, str]]:
    """Keys for a CIA/Factbook name: (first given name, surname), most specific first."""
    keys: list[tuple[str, str]] = []
    if p.surname_first and p.after:
        keys.append((" ".join(p.surname), " ".join(p.after)))
        keys.append((" ".join(p.surname), p.after[-1]))
        keys.append((p.after[0], " ".join(p.surname)))
    if p.given:
        first = p.given[0].split()[0]
        keys.append((first, " ".join(p.surname)))
        if p.after:
            keys.append((first, " ".join(p.surname + p.after)))
        if len(p.surname) > 1:
            keys.append((first, p.surname[-1]))
    out: list[tuple[str, str]] = []
    for k in keys:
        if k[0] and k[1] and k not in out:
            out.append(k)
    return out


def match_keys_loose(display: str) -> list[tuple[str, str]]:
    """Keys a Wikidata/official spelling answers to: (first token, any suffix of tokens)."""
    toks = fold(re.sub(r"\b(Jr|Sr)\.?$", "", display)).split()
    if len(toks) < 2:
        return []
    return [(toks[0], " ".join(toks[i:])) for i in range(1, len(toks))]
