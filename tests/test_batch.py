"""Many files: ``check --jobs N`` and the Dask batch runner give exactly what one process gives."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "news-dev"
PER_FILE = 12  # dev documents taken from each news-dev file


def _dev(key: str) -> bool:
    """benchmarks/split.py's rule: held-out when the first sha256 byte is below 77."""
    return hashlib.sha256(key.encode("utf-8")).digest()[0] >= 77


def _news_dev_documents(folder: Path) -> list[Path]:
    if not NEWS.is_dir():
        pytest.skip(f"news-dev data not found at {NEWS}")
    written = []
    for source in sorted(NEWS.glob("*.jsonl")):
        taken = 0
        for line in source.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            doc = json.loads(line)
            key = doc.get("link") or doc.get("url") or doc.get("title", "") + doc.get("date", "")
            if not _dev(key):
                continue
            text = (doc.get("headline") or doc.get("title") or "") + "\n\n" + (doc.get("body") or doc.get("text") or "")
            path = folder / source.stem / f"{taken:03d}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
            taken += 1
            if taken == PER_FILE:
                break
    return written


def _cli(
    *args: str, cwd: Path, code: str = "from normalize.cli import main; main()"
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=600,
    )


def _batch(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return _cli(*args, cwd=cwd, code="from normalize.batch import main; raise SystemExit(main())")


@pytest.mark.slow  # two whole processes on 60 dev documents (b9477d3 left this mark on _batch)
def test_jobs_give_the_output_of_one_job(tmp_path: Path) -> None:
    news = tmp_path / "news"
    _news_dev_documents(news)
    one = _cli("check", "--format", "json", "--jobs", "1", "news", cwd=tmp_path)
    two = _cli("check", "--format", "json", "--jobs", "2", "news", cwd=tmp_path)
    assert one.returncode == two.returncode == 1, one.stderr + two.stderr
    assert two.stdout == one.stdout and two.stderr == one.stderr
    assert len(json.loads(one.stdout)["findings"]) > 0


def test_jobs_fix_writes_what_one_job_writes(tmp_path: Path) -> None:
    for n in (1, 2):
        folder = tmp_path / f"run{n}"
        folder.mkdir()
        for i in range(6):
            (folder / f"{i}.txt").write_bytes(b"\xef\xbb\xbfThe goverment of Ukrane met.\r\nKmitry Peskov spoke.\r\n")
        result = _cli("fix", "--jobs", str(n), ".", cwd=folder)
        assert result.returncode in (0, 1), result.stderr
    for i in range(6):
        assert (tmp_path / "run1" / f"{i}.txt").read_bytes() == (tmp_path / "run2" / f"{i}.txt").read_bytes()
    assert (tmp_path / "run2" / "0.txt").read_bytes().startswith(b"\xef\xbb\xbfThe government of Ukraine met.\r\n")


def test_jobs_hand_out_runs_and_report_each_file_in_order(tmp_path: Path) -> None:
    """More files than one run holds, with unreadable ones among them: each file's findings
    and errors come out where one job puts them, and the exit status is the same."""
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(45):
        text = f"Story {i}: the goverment of Ukrane met.\n" if i % 3 else f"Story {i}: nothing wrong.\n"
        (folder / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    (folder / "17.txt").write_bytes(b"caf\xe9 au lait\n")  # not UTF-8: an error, in its place
    (folder / "30.txt").write_bytes(b"\x00\x01\x02")  # binary: left out
    runs = [_cli("check", "--jobs", str(n), "many", cwd=tmp_path) for n in (1, 2, 3)]
    assert runs[0].returncode == 2, runs[0].stderr
    assert "17.txt" in runs[0].stderr and "many/16.txt" in runs[0].stdout
    for other in runs[1:]:
        assert (other.returncode, other.stdout, other.stderr) == (runs[0].returncode, runs[0].stdout, runs[0].stderr)


def test_runs_shrink_to_single_files_at_the_end() -> None:
    from normalize.cli import RUN_MAX, _run_size

    sizes, left = [], 200
    while left:
        sizes.append(_run_size(left, 2))
        left -= sizes[-1]
    assert sizes[0] == RUN_MAX and sizes == sorted(sizes, reverse=True)
    assert sizes[-6:] == [1] * 6 and sum(sizes) == 200


# A running cluster (--scheduler ADDRESS) of two worker processes, started beside the run.
_ON_A_RUNNING_CLUSTER = """
import json
from pathlib import Path
import distributed
from normalize import batch

with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
    summary = batch.run(["news"], Path("out"), fix=True, scheduler=cluster.scheduler_address)
print(json.dumps({"files": summary.files, "findings": summary.findings, "errors": summary.errors}))
"""


@pytest.mark.slow
def test_dask_on_a_two_worker_local_cluster_gives_the_serial_findings(tmp_path: Path) -> None:
    pytest.importorskip("dask.bag", reason="the batch extra is not installed: pip install 'normalize-prose[batch]'")
    pytest.importorskip("distributed", reason="pip install 'normalize-prose[batch]'")
    from normalize import batch

    news = tmp_path / "news"
    _news_dev_documents(news)
    (news / "crlf.txt").write_bytes(b"\xef\xbb\xbfKremlin spokesman Kmitry Peskov said so.\r\n")
    (news / "binary.txt").write_bytes(b"\x00\x01\x02")
    serial = [batch.check_file(s, str(tmp_path / "serial"), True) for s in batch.sources([str(news)])]
    # (in a process of its own, bounded: _bounded)
    summary = _bounded(_ON_A_RUNNING_CLUSTER, tmp_path, 900, "a batch run on a two-worker cluster")
    lines = (tmp_path / "out" / batch.FINDINGS).read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == serial
    assert summary["files"] == len(serial) and summary["findings"] > 0 and summary["errors"] == 0
    row = next(r for r in serial if r["path"] == "crlf.txt")
    assert (tmp_path / "out" / row["fixed"]).read_bytes() == b"\xef\xbb\xbfKremlin spokesman Dmitry Peskov said so.\r\n"
    assert (news / "crlf.txt").read_bytes().startswith(b"\xef\xbb\xbfKremlin spokesman Kmitry")  # originals untouched
    assert next(r for r in serial if r["path"] == "binary.txt").keys() == {"path", "skipped"}


def test_batch_globs_and_its_command_line(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="pip install 'normalize-prose[batch]'")
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "story.md").write_text("The goverment met in `Kmitry`.\n", encoding="utf-8")
    (tmp_path / "a" / "other.txt").write_text("Nothing wrong here.\n", encoding="utf-8")
    result = _batch("a/**/*.md", "--out", "out", "--workers", "1", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    rows = [json.loads(line) for line in (tmp_path / "out" / "findings.jsonl").read_text().splitlines()]
    assert [r["path"] for r in rows] == ["b/story.md"]
    assert [f["text"] for f in rows[0]["findings"]] == ["goverment"]  # Markdown code is not prose


def test_two_arguments_files_of_one_name_keep_apart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from normalize import batch

    for folder in ("desk-a", "desk-b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text("The goverment met.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    # Both were named "story.txt": one line hid the other, and one fixed copy overwrote the other.
    assert [s.name for s in batch.sources(["desk-a", "desk-b"])] == ["desk-a/story.txt", "desk-b/story.txt"]
    assert [s.name for s in batch.sources(["desk-a"])] == ["story.txt"]  # one argument: relative to it
    assert [s.name for s in batch.sources(["desk-*/*.txt"])] == ["desk-a/story.txt", "desk-b/story.txt"]
    rows = [batch.check_file(s, str(tmp_path / "out"), True) for s in batch.sources(["desk-a", "desk-b"])]
    assert [r["fixed"] for r in rows] == ["fixed/desk-a/story.txt", "fixed/desk-b/story.txt"]
    assert all((tmp_path / "out" / r["fixed"]).is_file() for r in rows)


def test_an_argument_that_names_no_file_is_an_error_before_any_cluster(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from normalize import batch

    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("Fine.\n", encoding="utf-8")
    # A mistyped path or glob was a run over 0 files that exited 0; --workers -1 never finished.
    for argv, message in [
        (["news", "nwes", "--out", "out"], "normalize: error: nwes: no such file or directory"),
        (["news/*.md", "--out", "out"], "normalize: error: news/*.md: no file matches"),
    ]:
        assert batch.main(argv) == 2
        assert capsys.readouterr().err.splitlines() == [message]
    assert not (tmp_path / "out").exists()
    for workers in ("0", "-1", "two"):
        with pytest.raises(SystemExit) as e:
            batch.main(["news", "--out", "out", "--workers", workers])
        assert e.value.code == 2
        (said,) = capsys.readouterr().err.splitlines()  # one line, no usage lines before it
        assert said.startswith("normalize: error: ") and "is not a number of workers (1 or more)" in said
    with pytest.raises(SystemExit) as e:
        batch.main(["news"])
    assert e.value.code == 2
    assert capsys.readouterr().err.splitlines() == [
        "normalize: error: the following arguments are required: --out (see python -m normalize.batch --help)"
    ]


def test_batch_writes_findings_of_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    # findings.jsonl could not be encoded after the whole archive was checked: a traceback, no output.
    pytest.importorskip("distributed", reason="pip install 'normalize-prose[batch]'")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / os.fsdecode(b"caf\xe9.txt")).write_text("The goverment met.\n", encoding="utf-8")
    result = _batch("news", "--out", "out", "--workers", "1", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    rows = [json.loads(line) for line in (tmp_path / "out" / "findings.jsonl").read_text("utf-8").splitlines()]
    assert [(r["path"], [f["text"] for f in r["findings"]]) for r in rows] == [("caf\ufffd.txt", ["goverment"])]
    summary = f"1 file, 1 finding, 0 fixed copies, 0 errors -> {Path('out', 'findings.jsonl')}"  # not "1 files"
    assert result.stderr.splitlines()[-1] == summary


def test_batch_summary_counts_in_words() -> None:
    # "1 files, 1 findings, 1 fixed copies, 1 errors"
    from normalize.batch import Summary

    assert Summary(1, 1, 1, 1).line(Path("out/findings.jsonl")) == (
        "1 file, 1 finding, 1 fixed copy, 1 error -> out/findings.jsonl"
    )
    two = Summary(files=2, findings=0, errors=0, fixed=2)
    assert two.line(Path("o")) == "2 files, 0 findings, 2 fixed copies, 0 errors -> o"


def test_ctrl_c_stops_the_batch_quietly(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # A KeyboardInterrupt traceback, and one from each worker process, at every Ctrl-C.
    from normalize import batch

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    ended: list[bool] = []
    monkeypatch.setattr(batch, "run", interrupted)
    monkeypatch.setattr("normalize.batch.stopped_by_ctrl_c", lambda: ended.append(True))  # (not this process)
    assert batch.main(["news", "--out", "out"]) == 130
    assert ended == [True] and capsys.readouterr().err == ""


# Run in a process of its own, as `python -m normalize.batch` runs: under pytest-xdist the test ran
# in a worker whose cluster could hang past any runner's patience (a worker that never came up, a
# close that never ended), with nothing said. Here every wait has a bound, and the whole run too:
# past it the process group (the runner, its nannies and workers) is killed and the test fails
# with what the runner had said.
_WORKERS_SIGINT = """
import json, logging, signal
from normalize import batch

before = signal.getsignal(signal.SIGINT)
with batch._client(None, 1) as client:
    kept = signal.getsignal(signal.SIGINT) is before  # (this process still takes it)
    handlers = client.run(lambda: str(signal.getsignal(signal.SIGINT)))
    # ... and say nothing of the tasks it cancels (each worker warned of each, on the terminal)
    levels = client.run(lambda: logging.getLogger("distributed.worker.state_machine").level)
print(json.dumps({"kept": kept, "handlers": list(handlers.values()), "levels": list(levels.values())}))
"""
# distributed's own bound on a connection (a worker that never comes up), in seconds
CLUSTER_TIMEOUTS = {"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "60"}


def _bounded(script: str, cwd: Path, timeout: float, what: str) -> Any:
    """Run ``script`` in a process (and process group) of its own, as `python -m normalize.batch`
    runs; the JSON of its last line. Past ``timeout`` seconds the group, the runner with its
    nannies and workers, is killed and the test fails with what the runner had said."""
    import signal

    env = {**os.environ, "PYTHONPATH": str(ROOT), **CLUSTER_TIMEOUTS}
    proc = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: a hang is ended whole
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        pytest.fail(f"{what} did not end in {timeout:.0f} s:\n{err[-2000:]}")
    assert proc.returncode == 0, err[-2000:]
    return json.loads(out.splitlines()[-1])


def test_the_workers_of_a_local_cluster_leave_ctrl_c_to_the_runner(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="pip install 'normalize-prose[batch]'")
    import signal

    said = _bounded(_WORKERS_SIGINT, tmp_path, 240, "a local cluster of one worker (start, two questions, close)")
    assert said["kept"] is True
    assert said["handlers"] == [str(signal.SIG_IGN)]
    assert said["levels"] == [logging.ERROR]


def test_a_malformed_scheduler_address_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # distributed's ValueError came out as a traceback.
    pytest.importorskip("distributed", reason="pip install 'normalize-prose[batch]'")
    from normalize import batch

    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("The goverment met.\n", encoding="utf-8")
    code = batch.main([str(tmp_path / "news"), "--out", str(tmp_path / "out"), "--scheduler", "nonsense"])
    said = "normalize: error: --scheduler nonsense: missing port number in address 'nonsense'\n"
    assert (code, capsys.readouterr().err) == (2, said)


def test_a_scheduler_it_cannot_connect_to_leaves_no_default_client(tmp_path: Path) -> None:
    # The failed Client stayed distributed's default (dask's scheduler set to it) until the cycle
    # collector freed it: a later compute in the process, even with scheduler="synchronous", looked
    # it up and, when the collector ran meanwhile, failed with "KeyError: 1" (a flaky quick tier).
    pytest.importorskip("distributed", reason="pip install 'normalize-prose[batch]'")
    import dask
    from distributed import client

    from normalize import batch

    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("The goverment met.\n", encoding="utf-8")
    before = (dict(client._global_clients), dask.config.get("scheduler", None))
    assert batch.main([str(tmp_path / "news"), "--out", str(tmp_path / "out"), "--scheduler", "nonsense"]) == 2
    assert (dict(client._global_clients), dask.config.get("scheduler", None)) == before


def test_an_out_folder_that_is_a_file_is_one_plain_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # It said "[Errno 17] File exists: '...'", not "PATH: reason" as every other error does (and
    # one the CLI cannot write says so in the same form: "PATH: permission denied").
    pytest.importorskip("dask", reason="pip install 'normalize-prose[batch]'")
    from normalize import batch

    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("The goverment met.\n", encoding="utf-8")
    (tmp_path / "out").write_text("not a folder\n", encoding="utf-8")
    code = batch.main([str(tmp_path / "news"), "--out", str(tmp_path / "out")])
    said = f"normalize: error: {tmp_path / 'out'}: not a folder (--out names the folder that findings.jsonl goes to)\n"
    assert (code, capsys.readouterr().err) == (2, said)
    code = batch.main([str(tmp_path / "news"), "--out", str(tmp_path / "out" / "deeper")])
    assert (code, capsys.readouterr().err) == (2, f"normalize: error: {tmp_path / 'out' / 'deeper'}: not a directory\n")


def test_a_local_cluster_has_at_most_a_worker_per_core(monkeypatch: pytest.MonkeyPatch) -> None:
    # --workers 64 on two cores started 64 worker processes, each with the engine's memory.
    pytest.importorskip("distributed", reason="pip install 'normalize-prose[batch]'")
    import distributed

    from normalize import batch, fanout

    started: list[object] = []

    class Cluster:
        def __init__(self, **kwargs: object) -> None:
            started.append(kwargs["n_workers"])
            raise RuntimeError("not started")

    monkeypatch.setattr(fanout, "cores", lambda: 2, raising=False)
    monkeypatch.setattr(distributed, "LocalCluster", Cluster)
    for workers in (64, None, 1):
        with pytest.raises(RuntimeError), batch._client(None, workers):
            pass
    assert started == [2, 2, 1]


def test_an_internal_error_is_one_printable_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A bug's message holds a file name: its control characters reached the terminal as they were.
    from normalize import batch

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("news/\x1b]0;owned\x07story\n.txt: no")

    monkeypatch.setattr(batch, "run", broken)
    assert batch.main(["news", "--out", "out"]) == 2
    said = "normalize: error: internal error: RuntimeError: news/\\x1b]0;owned\\x07story\\n.txt: no\n"
    assert capsys.readouterr().err == said


def test_ctrl_c_quiets_distributed_while_the_cluster_closes_and_no_longer(monkeypatch: pytest.MonkeyPatch) -> None:
    # Its logger stayed at ERROR + 1 for the rest of the process: a library caller's next run,
    # and anything else that logs through distributed, said nothing of its own errors.
    pytest.importorskip("distributed", reason="pip install 'normalize-prose[batch]'")
    import logging

    import distributed

    from normalize import batch

    log = logging.getLogger("distributed")
    closing: list[int] = []

    class Cluster:
        def __init__(self, **kwargs: object) -> None:
            pass

        def __enter__(self) -> Cluster:
            return self

        def __exit__(self, *exc: object) -> None:
            closing.append(log.level)

    class Client(Cluster):
        def __init__(self, cluster: object) -> None:
            pass

        def run(self, function: object) -> None:
            pass

    monkeypatch.setattr(distributed, "LocalCluster", Cluster)
    monkeypatch.setattr(distributed, "Client", Client)
    monkeypatch.setattr(log, "level", logging.WARNING)
    with pytest.raises(KeyboardInterrupt), batch._client(None, 1):
        raise KeyboardInterrupt
    assert closing == [logging.ERROR + 1] * 2  # the client, then the cluster, closed in silence
    assert log.level == logging.WARNING
    with batch._client(None, 1):
        pass
    assert closing[2:] == [logging.WARNING] * 2 and log.level == logging.WARNING


@contextmanager
def _in_process(scheduler: object, workers: object) -> Iterator[Any]:
    """batch._client's stand-in: the bag computed here, by dask's synchronous scheduler."""

    class Client:
        def compute(self, bag: Any) -> Any:
            return SimpleNamespace(result=lambda: bag.compute(scheduler="synchronous"))

    yield Client()


def test_a_repository_git_refuses_to_list_is_an_error_line_not_a_walk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A checkout of another owner (root in a CI container): git refuses it (safe.directory), and
    # the batch walked it, checking (and with --fix copying) its git-ignored files, where the
    # CLI says why it does not. Now its line says so, as the CLI's does, and the run exits 2.
    # (Faked: the refusal needs a repository of another owner.)
    pytest.importorskip("dask.bag", reason="pip install 'normalize-prose[batch]'")
    from normalize import batch

    repo, other = tmp_path / "repo", tmp_path / "other"
    (repo / ".git").mkdir(parents=True)
    (repo / "build").mkdir()
    (repo / "build" / "ignored.txt").write_text("The goverment met.\n", encoding="utf-8")
    other.mkdir()
    (other / "kept.txt").write_text("The goverment met.\n", encoding="utf-8")
    said = f"fatal: detected dubious ownership in repository at '{repo}'\nTo add an exception...\n"

    def git(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        return subprocess.CompletedProcess(args, 128, b"", said.encode())

    with monkeypatch.context() as m:
        m.setattr(subprocess, "run", git)
        items = batch.sources([str(repo), str(other)])
    error = (
        f"{repo}: git refused to list it (detected dubious ownership in repository at '{repo}'; see git config"
        " safe.directory), so its .gitignore cannot be honoured, not checked"
    )
    assert [batch.check_file(s) for s in items][0] == {"path": "repo", "error": error}
    assert [s.name for s in items] == ["repo", "other/kept.txt"]
    monkeypatch.setattr(batch, "sources", lambda arguments, left_out=None: items)  # (the workers start no git)
    monkeypatch.setattr(batch, "_client", _in_process)  # (a local cluster inside a test worker once hung)
    assert batch.main([str(repo), str(other), "--out", str(tmp_path / "out")]) == 2
    lines = (tmp_path / "out" / batch.FINDINGS).read_text(encoding="utf-8").splitlines()
    assert [json.loads(line).get("error") for line in lines] == [error, None]
    summary = f"1 file, 1 finding, 0 fixed copies, 1 error -> {tmp_path / 'out' / batch.FINDINGS}\n"
    assert capsys.readouterr().err == summary


def test_a_second_run_does_not_check_the_fixed_copies_of_the_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # With --out inside the archive, the second run checked results/fixed/story.txt too (and with
    # --fix copied it to results/fixed/results/fixed/story.txt).
    pytest.importorskip("dask.bag", reason="pip install 'normalize-prose[batch]'")
    from normalize import batch

    monkeypatch.setattr(batch, "_client", _in_process)
    for archive, out in (("a", "results"), ("a", "results"), ("b", ".")):  # (--out .: its files are inputs)
        (tmp_path / archive).mkdir(exist_ok=True)
        (tmp_path / archive / "story.txt").write_text("The goverment met.\n", encoding="utf-8")
        monkeypatch.chdir(tmp_path / archive)
        assert batch.main([".", "--out", out, "--fix"]) == 1
        lines = (tmp_path / archive / out / batch.FINDINGS).read_text(encoding="utf-8").splitlines()
        assert [json.loads(line)["path"] for line in lines] == ["story.txt"], out
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.txt")) == [
        "a/results/fixed/story.txt",
        "a/story.txt",
        "b/fixed/story.txt",
        "b/story.txt",
    ]
    assert capsys.readouterr().err.count("1 file, 1 finding, 1 fixed copy, 0 errors") == 3


def test_fixed_copies_and_findings_get_the_modes_of_new_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Both were 0600 (mkstemp's): a fixed copy synced to the web server, or findings.jsonl read by
    # a colleague, could not be read. Now as cp makes a copy: the original's mode, less the umask.
    pytest.importorskip("dask.bag", reason="pip install 'normalize-prose[batch]'")
    from normalize import batch

    (tmp_path / "news").mkdir()
    for name, mode in (("open.txt", 0o664), ("private.txt", 0o640)):
        (tmp_path / "news" / name).write_text("The goverment met.\n", encoding="utf-8")
        (tmp_path / "news" / name).chmod(mode)
    monkeypatch.setattr(batch, "_client", _in_process)
    mask = os.umask(0o022)
    try:
        assert batch.main([str(tmp_path / "news"), "--out", str(tmp_path / "out"), "--fix"]) == 1
    finally:
        os.umask(mask)
    modes = {p.name: p.stat().st_mode & 0o777 for p in (tmp_path / "out").rglob("*") if p.is_file()}
    assert modes == {"findings.jsonl": 0o644, "open.txt": 0o644, "private.txt": 0o640}
    assert batch._umask() == mask


def test_a_file_that_is_not_english_is_skipped_not_fixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As `normalize fix` leaves it: a German page got a fixed copy with sagte -> sage.
    from normalize import batch

    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    german = "Die Minister haben gestern lange über die neuen Gesetze gesprochen, sagte ein Sprecher der Regierung.\n"
    (tmp_path / "news" / "de.txt").write_text(german, encoding="utf-8")
    (tmp_path / "news" / "en.txt").write_text("The goverment met.\n", encoding="utf-8")
    rows = [batch.check_file(s, str(tmp_path / "out"), True) for s in batch.sources(["news"])]
    assert rows[0] == {"path": "de.txt", "skipped": f"{tmp_path / 'news' / 'de.txt'}: not English, left alone"}
    assert rows[1]["fixed"] == "fixed/en.txt" and not (tmp_path / "out" / "fixed" / "de.txt").exists()


def test_a_run_without_findings_exits_0_and_the_help_says_what_each_status_means(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("dask.bag", reason="pip install 'normalize-prose[batch]'")
    from normalize import batch

    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "clean.txt").write_text("The minister met his counterpart in Kyiv.\n", encoding="utf-8")
    monkeypatch.setattr(batch, "_client", _in_process)
    assert batch.main([str(tmp_path / "news"), "--out", str(tmp_path / "out")]) == 0
    capsys.readouterr()
    with pytest.raises(SystemExit):
        batch.main(["--help"])
    said = " ".join(capsys.readouterr().out.split())
    assert "Exit status: 0 no findings, 1 findings (in OUT/findings.jsonl), 2 a file or folder" in said
