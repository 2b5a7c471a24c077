"""normalize: find and fix misspelled names of officials and places, and typos.

    >>> import normalize
    >>> report = normalize.check("Kremlin spokesman Kmitry Peskov said so.")
    >>> [(f.text, f.replacement) for f in report.findings]
    [('Kmitry', 'Dmitry')]
    >>> report = normalize.check_document("`Kmitry` Kmitry Peskov", format="markdown")
    >>> [f.start for f in report.findings]
    [9]

The library never prints or touches files; ``normalize.cli`` does that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from normalize.document import check_document
    from normalize.engine import Normalizer, check, fix
    from normalize.errors import DictionaryError, InputError, NormalizeError
    from normalize.types import Candidate, Entry, Finding, Report, Token

__all__ = [
    "Candidate",
    "DictionaryError",
    "Entry",
    "Finding",
    "InputError",
    "NormalizeError",
    "Normalizer",
    "Report",
    "Token",
    "check",
    "check_document",
    "fix",
]

# Each name is imported from its module on first use, so that importing a submodule (the
# command's normalize.cli) does not import the engine first: the command pauses the cycle
# collector around its own imports, which include the engine's.
_HOME = {name: "document" for name in ("check_document",)}
_HOME |= {name: "engine" for name in ("Normalizer", "check", "fix")}
_HOME |= {name: "errors" for name in ("DictionaryError", "InputError", "NormalizeError")}
_HOME |= {name: "types" for name in ("Candidate", "Entry", "Finding", "Report", "Token")}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    # (``__import__``: ``-X importtime`` times it, not ``importlib.import_module``)
    if home is None:  # a submodule, as the eager imports here once loaded most (normalize.engine)
        if name.startswith("__"):
            raise AttributeError(name)
        try:
            return __import__(f"normalize.{name}", fromlist=["*"])
        except ModuleNotFoundError as e:
            if e.name != f"normalize.{name}":
                raise
            raise AttributeError(f"module 'normalize' has no attribute {name!r}") from None
    value = getattr(__import__(f"normalize.{home}", fromlist=["*"]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
