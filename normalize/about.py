"""The installed version of normalize, as the faces report it (CLI, server, language server).

The distribution is ``normalize-prose`` (the name ``normalize`` on PyPI is another
project); the import package and the command stay ``normalize``.
"""

from __future__ import annotations

DISTRIBUTION = "normalize-prose"


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    for name in (DISTRIBUTION, "normalize"):  # "normalize": an editable install from before the renaming
        try:
            return installed(name)
        except PackageNotFoundError:
            pass
    return "0+unknown"
