"""The installed version of normalize, as the faces report it (server, language server)."""

from __future__ import annotations


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("normalize")
    except PackageNotFoundError:
        return "0+unknown"
