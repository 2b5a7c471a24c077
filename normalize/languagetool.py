"""LanguageTool's HTTP API as values: its request in, its response out (pure).

LanguageTool's clients (its browser extension, LTeX, ``language-tool-python``,
editor plug-ins) send ``text`` or ``data`` (annotated text: a list of ``text``
and ``markup`` parts, where a markup part may say what it stands for with
``interpretAs``) and read ``matches`` whose ``offset``/``length`` count UTF-16
code units of the original document, markup included, as Java strings do.

``annotated(data)`` gives the text to check and a map back to the document;
``response(...)`` turns a Report into LanguageTool's JSON. Offsets stay ``str``
indexes until the very last step (``Utf16``), as everywhere in normalize.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from normalize.errors import InputError
from normalize.types import Finding, Report

CONTEXT = 40  # characters each side of a match in ``context.text``, as LanguageTool shows
LANGUAGES = (  # normalize checks English; these are the variants it answers for
    ("English", "en", "en"),
    ("English (US)", "en", "en-US"),
    ("English (GB)", "en", "en-GB"),
    ("English (Australian)", "en", "en-AU"),
    ("English (Canadian)", "en", "en-CA"),
    ("English (New Zealand)", "en", "en-NZ"),
    ("English (South African)", "en", "en-ZA"),
)
_NAMES = {code.lower(): name for name, _, code in LANGUAGES}

# What each kind of finding is, in LanguageTool's vocabulary.
_RULES: dict[str, tuple[str, str, str, str, str]] = {
    # kind: (description, short message, issueType, category id, category name)
    "person": ("Misspelled name of a person", "Misspelled name", "misspelling", "TYPOS", "Possible Typo"),
    "place": ("Misspelled name of a place", "Misspelled place", "misspelling", "TYPOS", "Possible Typo"),
    "word": ("Possible spelling mistake", "Spelling mistake", "misspelling", "TYPOS", "Possible Typo"),
    "lookalike": (
        "Look-alike letter from another script",
        "Look-alike letter",
        "typographical",
        "TYPOGRAPHY",
        "Typography",
    ),
    "style": ("House style", "House style", "style", "STYLE", "Style"),
    "consistency": (
        "Inconsistent spelling in the document",
        "Inconsistent spelling",
        "inconsistency",
        "CONSISTENCY",
        "Consistency",
    ),
}
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # in a str from json.loads, a surrogate is always alone
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+|\n\s*\n|\r\n\s*\r\n")


class Utf16:
    """``str`` index -> UTF-16 code unit index of the same text (astral characters count 2)."""

    def __init__(self, text: str) -> None:
        self._astral = [i for i, c in enumerate(text) if ord(c) > 0xFFFF]

    def __call__(self, index: int) -> int:
        return index + bisect_left(self._astral, index)


@dataclass(frozen=True, slots=True)
class Annotated:
    """What to check (``text``) and the document it came from (``original``).

    ``starts[i]`` is where part i begins in ``text`` and ``origins[i]`` where it
    begins in ``original``; ``is_text[i]`` says whether it is prose.
    """

    text: str
    original: str
    starts: tuple[int, ...]
    origins: tuple[int, ...]
    is_text: tuple[bool, ...]

    def to_original(self, f: Finding) -> Finding | None:
        """The finding in the document's offsets; None when it does not lie within one text part."""
        i = bisect_left(self.starts, f.start + 1) - 1
        if i < 0 or not self.is_text[i]:
            return None
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        if f.end > end:
            return None  # it runs across markup: no edit could be offered without touching it
        shift = self.origins[i] - self.starts[i]
        return replace(f, start=f.start + shift, end=f.end + shift)


def json_value(data: str | bytes) -> Any:
    """``json.loads``, with each lone UTF-16 surrogate read as U+FFFD.

    JSON may escape one ("\\ud800"), and a browser's JSON.stringify writes one for half an
    emoji; no answer holding it could be encoded. U+FFFD is one character and one UTF-16
    code unit as the surrogate was, so every offset stays as the client counts it.
    """
    return _scrub(json.loads(data))


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    if isinstance(value, dict):
        return {_scrub(k): _scrub(v) for k, v in value.items()}
    return value


def plain(text: str) -> Annotated:
    return Annotated(text, text, (0,), (0,), (True,))


def annotated(data: str) -> Annotated:
    """LanguageTool's ``data`` field -> Annotated; malformed JSON raises InputError."""
    try:
        value = json_value(data)
    except (ValueError, RecursionError) as e:
        raise InputError(f"'data' is not valid JSON: {e}") from None
    parts = value.get("annotation") if isinstance(value, dict) else None
    if not isinstance(parts, list):
        raise InputError("'data' must be an object with an 'annotation' list")
    checked: list[str] = []
    original: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    is_text: list[bool] = []
    at = orig_at = 0
    for n, part in enumerate(parts):
        if not isinstance(part, dict):
            raise InputError(f"'data' annotation {n}: expected an object with 'text' or 'markup'")
        if isinstance(part.get("text"), str) and "markup" not in part:
            shown = source = part["text"]
            prose = True
        elif isinstance(part.get("markup"), str) and "text" not in part:
            source = part["markup"]
            shown = part.get("interpretAs", "")
            if not isinstance(shown, str):
                raise InputError(f"'data' annotation {n}: 'interpretAs' must be a string")
            prose = False
        else:
            raise InputError(f"'data' annotation {n}: expected a string 'text' or 'markup'")
        starts.append(at)
        origins.append(orig_at)
        is_text.append(prose)
        checked.append(shown)
        original.append(source)
        at += len(shown)
        orig_at += len(source)
    return Annotated("".join(checked), "".join(original), tuple(starts), tuple(origins), tuple(is_text))


def language(code: str | None, preferred: str | None = None) -> dict[str, Any]:
    """LanguageTool's ``language`` object for the requested code; other languages raise InputError.

    With "auto", the first English variant of ``preferredVariants`` (as the LanguageTool
    extension sends "en-GB,de-AT"), else en-US.
    """
    code = (code or "auto").strip()
    variants = [v.strip().lower() for v in (preferred or "").split(",")]
    if is_auto(code):
        chosen = next((c for _, _, c in LANGUAGES if c.lower() in variants and c != "en"), "en-US")
    elif code.lower() in _NAMES:
        chosen = next(c for _, _, c in LANGUAGES if c.lower() == code.lower())
    else:
        raise InputError(unknown_language(code))
    detected = {"name": _NAMES[chosen.lower()], "code": chosen, "confidence": 1.0}
    return {"name": _NAMES[chosen.lower()], "code": chosen, "detectedLanguage": detected}


# What LanguageTool answers for a text whose language it detects as one it is told not to check
# (``noopLanguages``): its NoopLanguage, no matches. normalize answers it so for ``language=auto``
# on a text that is not English (document.looks_english), which it would read as misspelt English.
NOOP = {"name": "NoopLanguage", "code": "zz"}


def is_auto(code: str | None) -> bool:
    """Whether the client asked normalize to detect the language (no ``language``, or "auto")."""
    return (code or "auto").strip().lower() == "auto"


def refuse_auto_only(fields: Mapping[str, str]) -> None:
    """LanguageTool's 400 for the fields that only detection reads, sent with a language named:
    ``preferredVariants`` (unless ``multilingual`` is on) and ``noopLanguages``, in its words."""
    if is_auto(fields.get("language")):
        return
    if "preferredVariants" in fields and fields.get("multilingual", "false") == "false":
        raise InputError("You specified 'preferredVariants' but you didn't specify 'language=auto'")
    if "noopLanguages" in fields:
        raise InputError("You can specify 'noopLanguages' only when also using 'language=auto'")


def noop_language() -> dict[str, Any]:
    return {**NOOP, "detectedLanguage": {**NOOP, "confidence": 1.0}}


def unknown_language(code: str) -> str:
    """LanguageTool's refusal of a language it has no rules for, word for word as far as
    "Supported language codes are:", which clients look for (an editor's plug-in turns its
    checks off for that field rather than show the error at every keystroke)."""
    codes = ", ".join(sorted({c for _, c, _ in LANGUAGES} | {c for _, _, c in LANGUAGES}) + ["auto"])
    return (
        f"'{code}' is not a language code known to LanguageTool. Supported language codes are: {codes}."
        " normalize checks English only."
    )


def languages() -> list[dict[str, str]]:
    """The body of ``GET /v2/languages``."""
    return [{"name": name, "code": code, "longCode": long} for name, code, long in LANGUAGES]


def rule_id(f: Finding) -> str:
    return f"NORMALIZE_{f.kind.upper()}"


def _message(f: Finding) -> str:
    if f.entry is not None and f.replacement is not None:
        what = f"{f.entry.name} ({f.entry.description})" if f.entry.description else f.entry.name
        return f"'{f.text}' looks like a misspelling of {what}. Source: {f.entry.source}."
    if f.replacement is not None:
        return f"'{f.text}' looks like a misspelling of '{f.replacement}'."
    if f.suggestions:
        return f"'{f.text}' is not a known word or name; did you mean {', '.join(f.suggestions[:3])}?"
    return f"'{f.text}' is not a known word or name."


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]`` (a rough split: end punctuation, blank lines)."""
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    after = _SENTENCE_END.search(text, end)
    right = after.start() + len(after.group().rstrip()) if after else len(text)
    return " ".join(text[left:right].split())


def _context(text: str, start: int, end: int) -> dict[str, Any]:
    lo, hi = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
    before = ("..." if lo > 0 else "") + text[lo:start]
    window = before + text[start:end] + text[end:hi] + ("..." if hi < len(text) else "")
    window = re.sub(r"[\r\n\t]", " ", window)
    u = Utf16(window)
    return {"text": window, "offset": u(len(before)), "length": u(len(before) + end - start) - u(len(before))}


def match(f: Finding, text: str, u: Utf16) -> dict[str, Any]:
    """One finding as a LanguageTool match; ``text`` is the original document."""
    description, short, issue, cat_id, cat_name = _RULES.get(f.kind, _RULES["word"])
    values = ([f.replacement] if f.replacement is not None else []) + [s for s in f.suggestions if s != f.replacement]
    return {
        "message": _message(f),
        "shortMessage": short,
        "replacements": [{"value": v} for v in values],
        "offset": u(f.start),
        "length": u(f.end) - u(f.start),
        "context": _context(text, f.start, f.end),
        "sentence": _sentence(text, f.start, f.end),
        "type": {"typeName": "UnknownWord" if issue == "misspelling" else "Other"},
        "rule": {
            "id": rule_id(f),
            "description": description,
            "issueType": issue,
            "category": {"id": cat_id, "name": cat_name},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


@dataclass(frozen=True)
class Selection:
    """The rules a request asks for, by LanguageTool's rule ids (NORMALIZE_PERSON...) and
    category ids (TYPOS...): ``disabledRules``, ``disabledCategories``, or with ``enabledOnly``
    only ``enabledRules`` and ``enabledCategories``."""

    disabled: frozenset[str] = frozenset()
    enabled: frozenset[str] | None = None  # enabledOnly: the only rule and category ids wanted

    @classmethod
    def of(cls, fields: Mapping[str, str]) -> Selection:
        """From a request's fields; the combinations LanguageTool refuses raise InputError, as it words them."""

        def ids(name: str) -> frozenset[str]:
            return frozenset(i.strip() for i in fields.get(name, "").split(",") if i.strip())

        disabled = ids("disabledRules") | ids("disabledCategories")
        if fields.get("enabledOnly", "").strip().lower() not in ("true", "yes"):
            return cls(disabled)
        if disabled:
            raise InputError("You cannot specify disabled rules or categories using enabledOnly=true")
        enabled = ids("enabledRules") | ids("enabledCategories")
        if not enabled:
            raise InputError("You must specify enabled rules or categories when using enabledOnly=true")
        return cls(enabled=enabled)

    def wants(self, f: Finding) -> bool:
        wanted = {rule_id(f), _RULES.get(f.kind, _RULES["word"])[3]}
        return bool(wanted & self.enabled) if self.enabled is not None else not wanted & self.disabled


def response(
    doc: Annotated, report: Report, lang: dict[str, Any], version: str, selection: Selection = Selection()
) -> dict[str, Any]:
    """The body of ``POST /v2/check``: ``report`` is the check of ``doc.text``."""
    u = Utf16(doc.original)
    matches = []
    for f in report.findings:
        g = doc.to_original(f)
        if g is not None and selection.wants(g):
            matches.append(match(g, doc.original, u))
    return {
        "software": {
            "name": "normalize",
            "version": version,
            "buildDate": "",
            "apiVersion": 1,
            "premium": False,
            "status": "",
        },
        "warnings": {"incompleteResults": False},
        "language": lang,
        "matches": matches,
    }
