"""Reading, decoding and safely writing text files (the CLI's only file I/O).

Invariant: ``encode(doc, read_text(p).text)`` gives back the file's bytes
exactly, so a fix changes nothing outside the fixed spans: the encoding, byte
order mark and line endings (decoded untranslated) are kept as they were.
Every error is an ``InputError`` whose message starts with the path.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple

from normalize.errors import InputError

SNIFF = 8192  # bytes looked at for NUL when deciding a file is binary
_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


class BinaryFileError(InputError):
    """The file looks binary; directory walks skip it instead of failing."""


class Document(NamedTuple):
    """A decoded text and what is needed to write it back byte for byte."""

    path: str
    text: str
    encoding: str = "utf-8"  # "utf-8", "utf-16-le" or "utf-16-be"
    bom: bytes = b""
    stamp: tuple[int, int] | None = None  # (size, mtime_ns) when read; None for stdin


def encode(doc: Document, text: str) -> bytes:
    return doc.bom + text.encode(doc.encoding)


def decode(data: bytes, path: str) -> Document:
    """Bytes -> Document: UTF-8 (with or without BOM) or UTF-16 with a BOM."""
    for bom, encoding in _BOMS:  # noqa: B007 (both are used after the break)
        if data.startswith(bom):
            break
    else:
        bom, encoding = b"", "utf-8"
    if encoding == "utf-32":
        raise InputError(f"{path}: UTF-32 is not supported; convert the file to UTF-8")
    if not encoding.startswith("utf-16") and b"\x00" in data[:SNIFF]:
        order = _utf16_order(data[:SNIFF])
        if order:  # text after all: an error, not a binary file a folder's walk skips without a word
            raise InputError(f"{path}: UTF-16 {order} without a byte order mark; add one, or convert the file to UTF-8")
        raise BinaryFileError(f"{path}: binary file, skipped")
    try:
        text = data[len(bom) :].decode(encoding)
    except UnicodeDecodeError as e:
        at = len(bom) + e.start
        name = encoding.upper().replace("-LE", " LE").replace("-BE", " BE")
        raise InputError(
            f"{path}: not valid {name} (byte 0x{data[at]:02x} at offset {at}); convert the file to UTF-8"
        ) from None
    return Document(path, text, encoding, bom)


def _utf16_order(head: bytes) -> str:
    """The byte order, LE or BE, when ``head`` reads as UTF-16 text without a byte order mark: a
    NUL byte in every other place, and in the others letters, digits, punctuation and white
    space (the text's ASCII); "" otherwise. (Text in other scripts has no NUL bytes: it is not taken for
    a binary file, and UTF-8's decoding says it is not UTF-8.)"""
    pairs = len(head) // 2
    if pairs < 8:
        return ""
    for order, nul, char in (("LE", 1, 0), ("BE", 0, 1)):
        zeros = head[nul::2].count(0)
        ascii_text = sum(32 <= b < 127 or b in (9, 10, 13) for b in head[char::2])
        if zeros >= 0.95 * pairs and ascii_text >= 0.95 * pairs:
            return order
    return ""


def _reason(e: OSError) -> str:
    return (e.strerror or str(e)).lower()


def said(e: OSError) -> str:
    """An OS error as every error line says one: "PATH: reason" ("out: file exists"), or the
    reason alone where it names no file ("no space left on device"); not Python's
    "[Errno 17] File exists: 'out'"."""
    return f"{e.filename}: {_reason(e)}" if e.filename else _reason(e)


def read_text(path: str) -> Document:
    try:
        with open(path, "rb") as f:
            st = os.fstat(f.fileno())
            # A pipe, as from `normalize check <(...)`, is read but never written.
            if not (stat.S_ISREG(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
                raise InputError(f"{path}: not a regular file")
            data = f.read()
    except OSError as e:
        raise InputError(f"{path}: {_reason(e)}") from None
    doc = decode(data, path)
    return Document(path, doc.text, doc.encoding, doc.bom, (st.st_size, st.st_mtime_ns))


TEMP_TAG = ".normalize-"  # temporary files are ".NAME.normalize-PID-XXXX.tmp"
_TEMP = re.compile(r"^\..+\.normalize-(?P<pid>\d+)-[^.]*\.tmp$")


def write_text_atomic(path: str, doc: Document, new_text: str) -> None:
    """Replace the file (the target, through symlinks) with ``new_text``.

    The new bytes go to a temporary file ``.NAME.normalize-PID-XXXX.tmp`` in
    the same directory, which gets the original's permission bits, owner and
    extended attributes and is fsynced. Right before the swap the file is read
    again: if it no longer holds the text that was checked (an editor saved
    meanwhile) nothing is written. Then the temporary file is renamed over the
    target, atomically. A file with other hard links is instead rewritten in
    place, so that every link keeps seeing one file: that write is not atomic,
    but the temporary file holds the new text until it is done. On any failure
    the original is left as it was and the temporary file is removed; one left
    by a killed run is removed by the next run that writes the same file.
    """
    target = os.path.realpath(path)
    st = _writable_stat(path, target, doc)
    remove_stale_temps(os.path.dirname(target))
    data = encode(doc, new_text)
    try:
        # Ctrl-C, or a SIGTERM (timeout, a CI job cancelled), waits for the file to be whole, old
        # or new, and for its temporary copy to be gone: one killed while it was written (an
        # fsync may take long) was left in the user's folder until a later fix there.
        with _signals_held():
            _swap(path, target, doc, data, st)
    except OSError as e:
        raise InputError(f"{path}: cannot write: {_reason(e)}, not modified") from None


def _swap(path: str, target: str, doc: Document, data: bytes, st: os.stat_result) -> None:
    """Write ``data`` to a temporary file next to ``target`` and put that in the target's place
    (or, when the target has other hard links, write it over the target); the temporary file
    is gone however this ends."""
    import tempfile  # here: its imports (shutil, lzma...) cost a check that writes nothing

    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{os.path.basename(target)}{TEMP_TAG}{os.getpid()}-", suffix=".tmp", dir=os.path.dirname(target)
        )
        in_place = _fill_temp(fd, tmp, target, data, st)
        _unchanged_since_read(path, target, doc)
        if in_place:
            _overwrite(target, data)
            os.unlink(tmp)
        else:
            os.replace(tmp, target)
        tmp = None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


@contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM that come inside the block take effect when it ends: a file
    rewritten in place (hard links) is never left half written, nor a temporary copy
    behind. Only the main thread may set handlers; elsewhere, as is."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    kept = {n: signal.signal(n, lambda got, _: held.append(got)) for n in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for n, handler in kept.items():
            signal.signal(n, handler if handler is not None else signal.SIG_DFL)
        for got in dict.fromkeys(held):
            signal.raise_signal(got)


def _writable_stat(path: str, target: str, doc: Document) -> os.stat_result:
    """The file's status, or InputError when it is not a regular, writable file as read."""
    try:
        st = os.stat(path)  # follows symlinks, like realpath; a pipe stays a pipe
    except OSError as e:
        raise InputError(f"{path}: {_reason(e)}") from None
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{path}: not a regular file, not modified")
    # Root may write anything; the mode bits still say the user wants it kept.
    if not st.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise InputError(f"{path}: read-only file, not modified")
    if doc.stamp is not None and doc.stamp != (st.st_size, st.st_mtime_ns):
        raise InputError(f"{path}: changed while being checked, not modified")
    return st


def _fill_temp(fd: int, tmp: str, target: str, data: bytes, st: os.stat_result) -> bool:
    """Write ``data`` to the open temporary file with the original's mode, owner and
    extended attributes, fsynced; True when the target must be rewritten in place
    (other hard links, or attributes that could not be copied)."""
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        if (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except OSError:
                pass  # only root may give a file away; keep our ownership then
        in_place = st.st_nlink > 1 or not _copy_xattrs(target, f.fileno())
        os.fsync(f.fileno())
    return in_place


def _unchanged_since_read(path: str, target: str, doc: Document) -> None:
    """Raise unless the file still holds exactly what was read (the last look before the swap)."""
    if doc.stamp is None:
        return
    try:
        with open(target, "rb") as f:
            st = os.fstat(f.fileno())
            same = (st.st_size, st.st_mtime_ns) == doc.stamp and f.read() == encode(doc, doc.text)
    except OSError as e:
        raise InputError(f"{path}: {_reason(e)}, not modified") from None
    if not same:
        raise InputError(f"{path}: changed while being checked, not modified; run again")


def _overwrite(target: str, data: bytes) -> None:
    """Write ``data`` into the file's own inode (its hard links and attributes stay)."""
    fd = os.open(target, os.O_WRONLY)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.ftruncate(fd, len(data))
        os.fsync(fd)
    finally:
        os.close(fd)


def _copy_xattrs(source: str, fd: int) -> bool:
    """Copy the extended attributes of ``source`` to ``fd``; False when one cannot be copied."""
    if not hasattr(os, "listxattr"):
        return True  # the platform has none to lose
    try:
        names = os.listxattr(source)
    except OSError as e:
        return e.errno in (errno.ENOTSUP, errno.EOPNOTSUPP)  # a file system without them
    try:
        for name in names:
            os.setxattr(fd, name, os.getxattr(source, name))
    except OSError:
        return False
    return True


_swept: set[str] = set()  # folders already cleaned by this process


def remove_stale_temps(folder: str) -> list[str]:
    """Remove the temporary files in ``folder`` left by runs that no longer exist (once per
    folder and process, so a run over many files lists each folder once); return their names."""
    folder = os.path.abspath(folder)
    if folder in _swept:
        return []
    _swept.add(folder)
    removed: list[str] = []
    try:
        entries = os.listdir(folder)
    except OSError:
        return removed
    for entry in entries:
        m = _TEMP.match(entry)
        if m is None or _alive(int(m.group("pid"))):
            continue
        try:
            os.unlink(os.path.join(folder, entry))
            removed.append(entry)
        except OSError:
            pass
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, owned by someone else
    return True


def walk(root: str, unreadable: list[str] | None = None) -> Iterator[str]:
    """Regular files under ``root`` in sorted order, skipping hidden files and dirs.

    Symlinks are not followed: their targets are reached on their own or lie
    outside the tree (explicit arguments do follow them). A folder that cannot be
    listed is skipped; ``unreadable`` gets "FOLDER: REASON" for each.
    """

    def note(e: OSError) -> None:
        if unreadable is not None:
            unreadable.append(said(e))

    for dirpath, dirnames, filenames in os.walk(root, onerror=note):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            p = os.path.join(dirpath, name)
            if not name.startswith(".") and os.path.isfile(p) and not os.path.islink(p):
                yield p
