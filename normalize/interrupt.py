"""Ctrl-C for the faces that run as commands (the CLI, the batch runner): how a run stops
quietly, as a shell expects of a command it interrupted. Imports nothing of normalize."""

from __future__ import annotations

import os
import signal
import sys

EXIT_INTERRUPTED = 128 + signal.SIGINT  # 130: how a shell reports a command Ctrl-C stopped


class Interrupted(BaseException):
    """Ctrl-C (SIGINT), raised instead of KeyboardInterrupt, which click turns into "Aborted!"
    and exit 1. A BaseException, so that no ``except Exception`` of a file's errors takes it:
    it unwinds the run, whose ``finally`` blocks remove a fix's temporary file, and a file
    being swapped is swapped whole first (files.write_text_atomic)."""


def interrupt(signum: int, frame: object) -> None:
    raise Interrupted


def stopped_by_ctrl_c() -> None:
    """End the process as Ctrl-C ends a command, once the run has unwound: by SIGINT itself,
    which a shell reports as 130 and which stops a shell loop around the command (bash goes on
    with a loop whose command only exits 130), as Python does with a KeyboardInterrupt left
    unhandled. As Python does too, the exit handlers run first (atexit: multiprocessing's ends a
    pool's workers that are still alive; the signal ended the process without them), and the
    output so far is flushed; where the signal cannot end it, exit 130."""
    import atexit

    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)  # (CPython's and PyPy's; each runs once)
    if run_exit_handlers is not None:
        run_exit_handlers()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):  # (a closed or broken stream: nothing to keep)
            pass
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGINT)
    sys.exit(EXIT_INTERRUPTED)
