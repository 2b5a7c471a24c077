"""``normalize gazetteer import FILE [--config PATH]``: a click group for cli.py to register.

Kept apart from cli.py so that the front end only needs ``cli.add_command(gazetteer)``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from normalize.config import discover
from normalize.errors import NormalizeError
from normalize.render import count, printable


@click.group()
def gazetteer() -> None:
    """Manage the project's own list of people and places."""


@gazetteer.command("import")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Config file to register it in (default: the discovered one, else ./.normalize.toml).",
)
def import_(source: Path, config_path: Path | None) -> None:
    """Copy SOURCE (CSV/TSV: name, aliases, description, id[, kind]) into .normalize/gazetteer.tsv."""
    from normalize.gazetteer import import_file  # loaded by this command only

    target = config_path or discover(Path.cwd()) or Path(".normalize.toml")
    try:
        dest, n = import_file(source, target)
    except NormalizeError as e:
        click.echo(f"normalize: error: {printable(str(e))}", err=True)
        sys.exit(2)
    click.echo(printable(f"normalize: {dest}: {count(n, 'entry', 'entries')}, registered in {target}"), err=True)
