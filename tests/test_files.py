"""files: lossless decoding, binary detection, atomic writes that keep everything else."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from normalize.errors import InputError
from normalize.files import BinaryFileError, decode, encode, read_text, walk, write_text_atomic

SENTENCE = "Kremlin spokesman Kmitry Peskov said on Monday."


@pytest.mark.parametrize(
    ("data", "encoding", "bom"),
    [
        (SENTENCE.encode(), "utf-8", b""),
        (b"\xef\xbb\xbf" + SENTENCE.encode(), "utf-8", b"\xef\xbb\xbf"),
        (b"\xff\xfe" + SENTENCE.encode("utf-16-le"), "utf-16-le", b"\xff\xfe"),
        (b"\xfe\xff" + SENTENCE.encode("utf-16-be"), "utf-16-be", b"\xfe\xff"),
        (b"", "utf-8", b""),
        ("a\r\nb\rc\n«é»\r\n".encode(), "utf-8", b""),
    ],
)
def test_decode_round_trips(data: bytes, encoding: str, bom: bytes) -> None:
    doc = decode(data, "x.txt")
    assert (doc.encoding, doc.bom) == (encoding, bom)
    assert "\ufeff" not in doc.text
    assert encode(doc, doc.text) == data


def test_line_endings_are_not_translated() -> None:
    assert decode(b"a\r\nb\rc\n", "x").text == "a\r\nb\rc\n"


def test_invalid_utf8_names_byte_and_offset() -> None:
    with pytest.raises(InputError, match=r"^x.txt: not valid UTF-8 \(byte 0xe9 at offset 3\)"):
        decode("café".encode("latin-1"), "x.txt")


def test_invalid_utf8_offset_counts_the_bom() -> None:
    with pytest.raises(InputError, match=r"byte 0xff at offset 4\)"):
        decode(b"\xef\xbb\xbfa\xff", "x.txt")


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(BinaryFileError, match=r"^x.bin: binary file, skipped$"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00", "x.bin")


def test_utf32_is_refused_with_advice() -> None:
    with pytest.raises(InputError, match="UTF-32 is not supported; convert"):
        decode(b"\xff\xfe\x00\x00a\x00\x00\x00", "x.txt")


def test_read_missing_file(tmp_path: Path) -> None:
    p = tmp_path / "nope.txt"
    with pytest.raises(InputError, match=rf"^{p}: no such file or directory$"):
        read_text(str(p))


def test_read_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests usually run as root, for whom chmod 000 changes nothing: fake the refusal.
    def refuse(path: str, mode: str = "r") -> None:
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr("normalize.files.open", refuse, raising=False)
    with pytest.raises(InputError, match=r"secret.txt: permission denied$"):
        read_text(str(tmp_path / "secret.txt"))


def _write(tmp_path: Path, data: bytes, name: str = "a.txt") -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbfx\r\nKmitry\rsaid\n",
        b"\xff\xfe" + "x\r\nKmitry said".encode("utf-16-le"),
        b"\xfe\xff" + "x\nKmitry said\n".encode("utf-16-be"),
    ],
)
def test_write_keeps_encoding_and_line_endings(tmp_path: Path, data: bytes) -> None:
    p = _write(tmp_path, data)
    doc = read_text(str(p))
    write_text_atomic(str(p), doc, doc.text.replace("Kmitry", "Dmitry"))
    assert p.read_bytes() == data.replace("Kmitry".encode(doc.encoding), "Dmitry".encode(doc.encoding))
    assert os.listdir(tmp_path) == ["a.txt"]  # no temporary file left behind


def test_write_keeps_mode(tmp_path: Path) -> None:
    p = _write(tmp_path, b"Kmitry\n")
    p.chmod(0o751)
    doc = read_text(str(p))
    write_text_atomic(str(p), doc, "Dmitry\n")
    assert stat.S_IMODE(p.stat().st_mode) == 0o751


def test_write_through_symlink_keeps_the_link(tmp_path: Path) -> None:
    target = _write(tmp_path, b"Kmitry\n", "target.txt")
    link = tmp_path / "link.txt"
    link.symlink_to("target.txt")
    doc = read_text(str(link))
    write_text_atomic(str(link), doc, "Dmitry\n")
    assert link.is_symlink() and os.readlink(link) == "target.txt"
    assert target.read_bytes() == b"Dmitry\n"


def test_read_only_file_is_not_written(tmp_path: Path) -> None:
    p = _write(tmp_path, b"Kmitry\n")
    p.chmod(0o444)
    doc = read_text(str(p))
    with pytest.raises(InputError, match=rf"^{p}: read-only file, not modified$"):
        write_text_atomic(str(p), doc, "Dmitry\n")
    assert p.read_bytes() == b"Kmitry\n"


def test_file_changed_since_read_is_not_overwritten(tmp_path: Path) -> None:
    p = _write(tmp_path, b"Kmitry\n")
    doc = read_text(str(p))
    p.write_bytes(b"Kmitry, edited meanwhile\n")
    with pytest.raises(InputError, match="changed while being checked"):
        write_text_atomic(str(p), doc, "Dmitry\n")
    assert p.read_bytes() == b"Kmitry, edited meanwhile\n"


def test_failed_write_leaves_original_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = _write(tmp_path, b"Kmitry\n")
    doc = read_text(str(p))

    def fail(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(InputError, match="cannot write: no space left on device, not modified"):
        write_text_atomic(str(p), doc, "Dmitry\n")
    assert p.read_bytes() == b"Kmitry\n"
    assert os.listdir(tmp_path) == ["a.txt"]


def test_walk_skips_hidden_and_symlinks_and_sorts(tmp_path: Path) -> None:
    for rel in ["b.txt", "a/z.md", "a/y", ".git/config", ".hidden.txt", "a/.cache/x.txt"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    (tmp_path / "link.txt").symlink_to("b.txt")
    found = [os.path.relpath(p, tmp_path) for p in walk(str(tmp_path))]
    assert found == ["b.txt", os.path.join("a", "y"), os.path.join("a", "z.md")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_pipe_is_read_but_never_written(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    writer = threading.Thread(target=fifo.write_bytes, args=(b"Kmitry\n",))
    writer.start()
    doc = read_text(str(fifo))
    writer.join()
    assert doc.text == "Kmitry\n"
    with pytest.raises(InputError, match="not a regular file, not modified"):
        write_text_atomic(str(fifo), doc, "Dmitry\n")


def test_device_is_refused() -> None:
    with pytest.raises(InputError, match="^/dev/null: not a regular file$"):
        read_text("/dev/null")


def test_an_edit_saved_during_the_write_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Item 9: an editor's save landing after the check, in the same clock tick, same size."""
    p = _write(tmp_path, b"Kmitry said so.\n")
    doc = read_text(str(p))
    before = p.stat()
    real_fsync = os.fsync

    def editor_saves(fd: int) -> None:
        real_fsync(fd)
        p.write_bytes(b"Kmitry said no.\n")
        os.utime(p, ns=(before.st_atime_ns, before.st_mtime_ns))

    monkeypatch.setattr(os, "fsync", editor_saves)
    with pytest.raises(InputError, match=rf"^{p}: changed while being checked, not modified; run again$"):
        write_text_atomic(str(p), doc, "Dmitry said so.\n")
    assert p.read_bytes() == b"Kmitry said no.\n"
    assert os.listdir(tmp_path) == ["a.txt"]


def test_a_hard_linked_file_keeps_its_inode(tmp_path: Path) -> None:
    """Item 10: every link sees the fix."""
    p = _write(tmp_path, b"Kmitry\n")
    link = tmp_path / "b.txt"
    os.link(p, link)
    inode = p.stat().st_ino
    write_text_atomic(str(p), read_text(str(p)), "Dmitry\n")
    assert p.stat().st_ino == inode
    assert link.read_bytes() == b"Dmitry\n"
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "b.txt"]


def _xattrs_work(folder: Path) -> bool:
    probe = folder / "probe"
    probe.write_bytes(b"")
    try:
        os.setxattr(probe, "user.normalize.probe", b"1")
        return True
    except (OSError, AttributeError):
        return False
    finally:
        probe.unlink()


def test_extended_attributes_are_kept(tmp_path: Path) -> None:
    if not _xattrs_work(tmp_path):
        pytest.skip("this file system has no user extended attributes")
    p = _write(tmp_path, b"Kmitry\n")
    os.setxattr(p, "user.origin", b"wire copy")
    write_text_atomic(str(p), read_text(str(p)), "Dmitry\n")
    assert p.read_bytes() == b"Dmitry\n"
    assert os.getxattr(p, "user.origin") == b"wire copy"


def _dead_pid() -> int:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def test_temporary_files_are_named_and_stale_ones_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Item 11: a temp file left by a killed run goes on the next write; a live run's stays."""
    p = _write(tmp_path, b"Kmitry\n")
    stale = tmp_path / f".a.txt.normalize-{_dead_pid()}-k9x2.tmp"
    stale.write_bytes(b"half")
    live = tmp_path / f".c.txt.normalize-{os.getppid()}-ab12.tmp"
    live.write_bytes(b"in use")
    seen: list[str] = []
    real_replace = os.replace

    def spy(src: str, dst: str) -> None:
        seen.append(os.path.basename(src))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    write_text_atomic(str(p), read_text(str(p)), "Dmitry\n")
    assert re.fullmatch(rf"\.a\.txt\.normalize-{os.getpid()}-\w+\.tmp", seen[0])
    assert sorted(os.listdir(tmp_path)) == [live.name, "a.txt"]


@pytest.mark.parametrize("linked", [False, True])
def test_ctrl_c_during_the_write_waits_for_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, linked: bool
) -> None:
    """Ctrl-C while a hard-linked file is rewritten in place (or a file is swapped) takes
    effect once the file is whole: half of it written was the file left on disk."""
    import signal

    old, new = b"Kmitry said so.\n" * 4096, b"Dmitry said so.\n" * 4096
    p = _write(tmp_path, old)
    if linked:
        os.link(p, tmp_path / "b.txt")
    writes, replace, real_write = [], os.replace, os.write

    def write_half_then_ctrl_c(fd: int, data: bytes) -> int:  # the user's Ctrl-C, between two writes
        n = real_write(fd, data[: max(1, len(data) // 2)])
        writes.append(n)
        if len(writes) == 1:
            signal.raise_signal(signal.SIGINT)
        return n

    def replace_then_ctrl_c(src: str, dst: str) -> None:
        signal.raise_signal(signal.SIGINT)
        replace(src, dst)

    monkeypatch.setattr(os, "write", write_half_then_ctrl_c)
    monkeypatch.setattr(os, "replace", replace_then_ctrl_c)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            write_text_atomic(str(p), read_text(str(p)), new.decode())
    finally:
        signal.signal(signal.SIGINT, previous)
    # Whole and new: the Ctrl-C came after the checks, inside the write (in place) or right
    # before the swap, so it waits for the write to finish (it left the file half written, or old).
    assert p.read_bytes() == new
    assert sorted(os.listdir(tmp_path)) == (["a.txt", "b.txt"] if linked else ["a.txt"])
