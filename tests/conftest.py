"""Shared fixtures: a CLI runner with separate stderr, and a stand-in engine.

The stand-in makes CLI and file tests exact about what the front end does
(bytes kept, exit codes, messages) whatever the real engine decides; tests
marked as end to end use the real engine.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import settings

import normalize
import normalize.engine
import normalize.model
from normalize.types import Entry, Finding, Report

PESKOV = Entry(
    id="curated:dmitry-peskov",
    name="Dmitry Peskov",
    kind="person",
    description="Kremlin spokesman",
    source="curated: test",
)
# Property tests draw the same examples on every run (the README's test command, and CI, are
# reproducible); HYPOTHESIS_PROFILE=explore draws new ones, to hunt for new failures. No
# deadline: Hypothesis's default (200 ms an example) fails an example a busy machine stalls.
settings.register_profile("repeatable", derandomize=True, print_blob=True, deadline=None)
settings.register_profile("explore", derandomize=False, print_blob=True, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

ROOT = Path(__file__).resolve().parents[1]


def load_script(name: str) -> Any:
    """scripts/NAME.py loaded as a module (scripts/ is not a package the tests import); the
    repository root goes on the path first, for the scripts that import benchmarks/."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def hand_set_engine() -> normalize.engine.Normalizer:
    """The real engine with the hand-set weights model.json records beside fitted ones: for the
    tests that pin the operating point those weights were set at (a decision within a few tenths
    of the gate), which a refit may move either way."""
    base = normalize.engine.default()
    return normalize.engine.Normalizer(base.lexicon, model=base.model.hand_set(), rules=base.rules)


def engine_without(*features: str) -> normalize.engine.Normalizer:
    """The real engine with ``features`` weighed 0: for the tests that show what a feature
    carries (a sentence fixed with it, only suggested without it)."""
    base = normalize.engine.default()
    weights = {**base.model.weights, **dict.fromkeys(features, 0.0)}
    model = normalize.model.Model(weights, base.model.fitted, base.model.fix_gap)
    return normalize.engine.Normalizer(base.lexicon, model=model)


# Misspelling -> (correction, action) for the stand-in engine.
TABLE = {"Kmitry": ("Dmitry", "fix"), "Mariupl": ("Mariupol", "suggest")}
_WORD = re.compile(r"\b(?:{})\b".format("|".join(TABLE)))


def fake_check(text: str) -> Report:
    findings = []
    for m in _WORD.finditer(text):
        fixed, action = TABLE[m.group()]
        findings.append(
            Finding(
                start=m.start(),
                end=m.end(),
                text=m.group(),
                replacement=fixed if action == "fix" else None,
                suggestions=(fixed,),
                confidence=0.97 if action == "fix" else 0.5,
                kind="person" if action == "fix" else "place",
                action=action,  # type: ignore[arg-type]
                reason="stand-in engine",
                entry=PESKOV if action == "fix" else None,
            )
        )
    return Report(text, tuple(findings))


class FakeNormalizer:
    """Stands in for ``engine.default()``: ``fake_check``, honouring skip spans like the engine."""

    def __init__(self, check: Callable[[str], Report] = fake_check) -> None:
        self._check = check

    @property
    def lexicon(self) -> Any:
        """The real default lexicon: the CLI asks its words whether a file is English."""
        from normalize.config import Config

        return normalize.engine._built(Config()).lexicon

    def check(self, text: str, *, skip: Sequence[tuple[int, int]] = ()) -> Report:
        report = self._check(text)
        kept = tuple(f for f in report.findings if all(f.end <= s or f.start >= e for s, e in skip))
        return Report(text, kept)


@pytest.fixture
def fake_engine(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Report]:
    monkeypatch.setattr(normalize, "check", fake_check)
    monkeypatch.setattr(normalize.engine, "default", FakeNormalizer)
    return fake_check


@pytest.fixture(scope="session", autouse=True)
def _no_config_above_the_test_files(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every tmp_path lies in pytest's base folder, and a config's discovery walks up to the
    root: a .normalize.toml (or a pyproject.toml with [tool.normalize]) above the base folder,
    such as a stray /tmp/.normalize.toml on a shared machine, governs every test's files (62
    tests failed so, each with a puzzle). The run stops at once, naming the file."""
    from normalize.config import discover

    found = discover(tmp_path_factory.getbasetemp())
    if found is not None:
        pytest.exit(
            f"{found} governs the tests' files (in {tmp_path_factory.getbasetemp()}): move it, or pass --basetemp",
            returncode=4,
        )


# A sentence with one slip the stand-in engine fixes (Kmitry), for tests of which files are checked
SENTENCE = "Kremlin spokesman Kmitry Peskov said on Monday.\n"


def write_files(root: Path, names: list[str]) -> None:
    """``SENTENCE`` in each of ``names`` under ``root``, folders made as needed."""
    for name in names:
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(SENTENCE)


def checked_files(runner: CliRunner, *args: str) -> list[str]:
    """The files ``normalize check *args`` reports findings in, sorted (one line a finding)."""
    from normalize.cli import cli

    r = runner.invoke(cli, ["check", *args], catch_exceptions=False)
    assert r.exit_code in (0, 1), r.stderr
    return sorted(line.split(":")[0] for line in r.stdout.splitlines())


@pytest.fixture
def runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]  # click < 8.2
    except TypeError:
        return CliRunner()  # click >= 8.2 keeps stderr apart by itself


# -- a real `normalize serve` in a subprocess, shared by the server and review-page tests ------


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def live_server() -> Iterator[str]:
    """The base URL of ``normalize serve`` on a free loopback port, with the real engine."""
    import os
    import subprocess
    import sys
    import time
    import urllib.request

    pytest.importorskip("starlette", reason="the server extra is not installed")
    env = {**os.environ, "NO_COLOR": "1"}
    for attempt in range(5):  # a port found free can be taken before the server binds it (the engine loads first)
        port = _free_port()
        proc = subprocess.Popen(
            [sys.executable, "-m", "normalize", "serve", "--port", str(port), "--max-body", "1MB"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=env,
            text=True,
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 180  # the engine loads before the first request is accepted
        while True:
            if proc.poll() is not None:
                out = proc.stdout.read()  # type: ignore[union-attr]
                if "address already in use" in out.lower() and attempt < 4:
                    break
                raise RuntimeError(f"normalize serve exited {proc.returncode}: {out}")
            try:
                with urllib.request.urlopen(f"{url}/v2/healthcheck", timeout=5) as r:
                    if r.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline:
                    proc.kill()
                    raise
                time.sleep(0.3)
        if proc.returncode is None:
            break
    try:
        yield url
    finally:
        proc.terminate()  # SIGTERM: uvicorn finishes what is in flight and stops
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        out = proc.stdout.read() if proc.stdout else ""
        # uvicorn re-raises SIGTERM once it has stopped cleanly, so the status is -15 then
        assert proc.returncode in (0, -15) and "Finished server process" in out, out
