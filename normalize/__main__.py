"""``python -m normalize``: the same as the ``normalize`` command."""

from normalize.cli import main

main()
