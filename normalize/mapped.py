"""A read-only file of named arrays, mapped into memory (``mmap``), and the key tables built on it.

The compiled dictionaries (dictionaries/compiled.bin, written by
scripts/compile_dictionaries.py) are one such file. Opening it parses a small JSON
header and maps the rest: nothing is built or copied, pages are read when a lookup
first touches them, and processes that map the same file share them.

Layout: ``MAGIC``, a little-endian u32 header length, the JSON header
``{"meta": {...}, "sections": {name: [offset, typecode, count]}}``, then the sections,
each aligned to 8 bytes. Writing is deterministic: the same sections give the same bytes.

A ``KeyTable`` maps strings to ids ``0..n-1`` (the order of the keys given to
``key_sections``) by open addressing on CRC-32, so lookups need no Python objects
but the key; values live in arrays indexed by those ids. A bit filter on the same CRC
(``.seen``) answers most strings that are no key at once (a file without it still works).
"""

from __future__ import annotations

import json
import mmap
import struct
import sys
from array import array
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any
from zlib import crc32

from normalize.errors import DictionaryError

MAGIC = b"NORMALIZE-MAPPED-1\n"
Sections = dict[str, "array[Any] | bytes"]

if sys.byteorder != "little":  # pragma: no cover - the file is little-endian
    raise ImportError("normalize's compiled dictionaries need a little-endian machine")


def pack(sections: Sections, meta: dict[str, Any]) -> bytes:
    """The file's bytes: header, then each section 8-byte aligned, in name order."""
    names = sorted(sections)
    raw: dict[str, bytes] = {}
    kinds: dict[str, str] = {}
    for n in names:
        section = sections[n]
        if isinstance(section, bytes):
            raw[n], kinds[n] = section, "B"
        else:
            raw[n], kinds[n] = section.tobytes(), section.typecode

    def header(base: int) -> bytes:
        table, offset = {}, base
        for n in names:
            table[n] = [offset, kinds[n], len(raw[n]) // array(kinds[n]).itemsize]
            offset += -(-len(raw[n]) // 8) * 8
        return json.dumps({"meta": meta, "sections": table}, sort_keys=True).encode()

    size = len(header(0)) + 64  # room for the offsets' digits to grow
    base = -(-(len(MAGIC) + 4 + size) // 8) * 8
    head = header(base)
    assert len(head) <= base - len(MAGIC) - 4, "header outgrew its room"
    head += b" " * (base - len(MAGIC) - 4 - len(head))
    out = [MAGIC, struct.pack("<I", len(head)), head]
    for n in names:
        out.append(raw[n] + b"\0" * (-len(raw[n]) % 8))
    return b"".join(out)


class Mapped:
    """The sections of a packed file, as typed ``memoryview``s over one read-only map."""

    def __init__(self, path: Path | None, data: bytes | None = None) -> None:
        if data is None:
            try:
                with open(str(path), "rb") as fh:
                    data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)  # type: ignore[assignment]
            except (OSError, ValueError) as exc:
                raise DictionaryError(f"{path}: cannot map compiled dictionaries ({exc})") from None
        self._data = data
        view = memoryview(data)  # type: ignore[arg-type]
        if bytes(view[: len(MAGIC)]) != MAGIC:
            raise DictionaryError(f"{path}: not a compiled dictionary file: run scripts/compile_dictionaries.py")
        (length,) = struct.unpack_from("<I", view, len(MAGIC))
        start = len(MAGIC) + 4
        header = json.loads(bytes(view[start : start + length]))
        self.meta: dict[str, Any] = header["meta"]
        self._sections: dict[str, list[Any]] = header["sections"]
        self._view = view

    @classmethod
    def of_bytes(cls, data: bytes) -> Mapped:
        """The same views over bytes in memory (a file compiled but not written)."""
        return cls(None, data)

    def __getitem__(self, name: str) -> memoryview:
        offset, kind, count = self._sections[name]
        size = count * array(kind).itemsize
        return self._view[offset : offset + size].cast(kind)

    def __contains__(self, name: str) -> bool:
        return name in self._sections

    def forget(self) -> None:
        """Take the pages read so far out of this process's resident set. They stay in the
        page cache, shared with every process that maps the file: reading one again costs
        a minor fault (the kernel maps some 64 KB around it at once), nothing is read from
        disk. A long text's passes and pieces each touch much of the file; forgotten between
        them, the process holds the pages of one piece, not of every piece read."""
        advise = getattr(self._data, "madvise", None)
        dontneed = getattr(mmap, "MADV_DONTNEED", None)
        if advise is not None and dontneed is not None:
            advise(dontneed)

    def raw(self, name: str) -> tuple[Any, int]:
        """The whole map (sliced it gives ``bytes``) and where a byte section starts in it."""
        return self._data, self._sections[name][0]


class Strings(Sequence[str]):
    """The i-th string of a table: UTF-8 bytes between two offsets."""

    __slots__ = ("_data", "_base", "_offsets")

    def __init__(self, mapped: Mapped, name: str) -> None:
        self._offsets = mapped[f"{name}.offsets"]
        self._data, self._base = mapped.raw(f"{name}.utf8")

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, i: int) -> str:  # type: ignore[override]
        base = self._base
        data: bytes = self._data[base + self._offsets[i] : base + self._offsets[i + 1]]
        return data.decode("utf-8", "surrogatepass")

    def __iter__(self) -> Iterator[str]:
        return (self[i] for i in range(len(self)))

    def pick(self, ids: Iterable[int]) -> list[str]:
        """The strings of ``ids``, in their order (one call for many: no method call a string)."""
        data, base, offsets = self._data, self._base, self._offsets
        return [data[base + offsets[i] : base + offsets[i + 1]].decode("utf-8", "surrogatepass") for i in ids]

    def pick_ascii(self, ids: Iterable[int]) -> list[str | bytes]:
        """``pick``, but each ASCII string left as its bytes, which are its characters' codes (not
        decoded: a caller that compares letters, as rapidfuzz does, decodes only those it keeps)."""
        data, base, offsets = self._data, self._base, self._offsets
        raw = [data[base + offsets[i] : base + offsets[i + 1]] for i in ids]
        return [b if b.isascii() else b.decode("utf-8", "surrogatepass") for b in raw]


class KeyTable:
    """String -> id, for the keys of a ``key_sections`` table (-1 when absent).

    Answers are remembered (up to ``MEMO`` keys, then forgotten at once): a text asks
    about the same words again and again."""

    MEMO = 30_000
    __slots__ = ("keys", "_slots", "_mask", "_offsets", "_data", "_base", "_memo", "_most", "_seen", "_bits")

    def __init__(self, mapped: Mapped, name: str, memo: int = MEMO) -> None:
        self._most = memo  # (keys remembered at most)
        self.keys = Strings(mapped, name)
        self._offsets = mapped[f"{name}.offsets"]
        self._data, self._base = mapped.raw(f"{name}.utf8")
        self._slots = mapped[f"{name}.slots"]
        self._mask = len(self._slots) - 1
        self._memo: dict[str, int] = {}
        # (a file compiled before the filter has none: every lookup probes the slots)
        self._seen = mapped[f"{name}.seen"] if f"{name}.seen" in mapped else None
        self._bits = len(self._seen) * 8 - 1 if self._seen is not None else 0

    def __len__(self) -> int:
        return len(self.keys)

    def find(self, key: str) -> int:
        found = self._memo.get(key)
        if found is None:
            found = self.probe(key)
            if len(self._memo) >= self._most:
                self._memo.clear()
            self._memo[key] = found
        return found

    def filter(self) -> tuple[memoryview, int] | None:
        """The bit filter on the keys' CRC-32 (of their UTF-8, as ``probe`` takes it) and the mask
        of a CRC's bit there: every key's bit is set, most other strings' is not. None for a file
        without the filter."""
        return None if self._seen is None else (self._seen, self._bits)

    def probe(self, key: str) -> int:
        """``find`` without remembering the answer (for a caller that remembers it itself)."""
        b = key.encode("utf-8", "surrogatepass")
        h = crc32(b)
        seen = self._seen
        if seen is not None:
            bit = h & self._bits
            if not seen[bit >> 3] >> (bit & 7) & 1:
                return -1  # no key hashes to this bit: most strings a text asks about are no key
        slots, offsets, data, base, mask = self._slots, self._offsets, self._data, self._base, self._mask
        h &= mask
        n = len(b)
        while True:
            s = slots[h]
            if not s:
                return -1
            s -= 1
            start = offsets[s]
            # (a key of another length is passed over without a slice of the map)
            if offsets[s + 1] - start == n and data[base + start : base + start + n] == b:
                return s
            h = (h + 1) & mask


def string_sections(name: str, strings: Iterable[str]) -> Sections:
    blobs = [s.encode("utf-8", "surrogatepass") for s in strings]
    offsets = array("I", [0])
    for b in blobs:
        offsets.append(offsets[-1] + len(b))
    return {f"{name}.offsets": offsets, f"{name}.utf8": b"".join(blobs)}


SEEN_BITS = 16  # bits of the filter a key at least: a string that is no key passes it 1 time in 16 or less


def key_sections(name: str, keys: Sequence[str]) -> Sections:
    """A key table of ``keys`` (distinct; id = position), at most 80 % full, and its filter:
    a bit per CRC-32 value (modulo a power of two), set for each key's, so that a string
    that is no key is mostly told so by one bit, with no probe of the slots."""
    size = 1
    while size < len(keys) * 5 // 4 + 1:
        size *= 2
    bits = 64
    while bits < len(keys) * SEEN_BITS:
        bits *= 2
    slots = array("I", bytes(4 * size))
    seen = bytearray(bits // 8)
    for i, key in enumerate(keys):
        crc = crc32(key.encode("utf-8", "surrogatepass"))
        seen[(crc & (bits - 1)) >> 3] |= 1 << (crc & 7)
        h = crc & (size - 1)
        while slots[h]:
            h = (h + 1) & (size - 1)
        slots[h] = i + 1
    return {**string_sections(name, keys), f"{name}.slots": slots, f"{name}.seen": bytes(seen)}


def postings_sections(name: str, lists: Sequence[Sequence[int]]) -> Sections:
    """Lists of ids, the i-th read back with ``Postings(mapped, name)[i]``."""
    offsets = array("I", [0])
    flat = array("I")
    for ids in lists:
        flat.extend(ids)
        offsets.append(len(flat))
    return {f"{name}.start": offsets, f"{name}.ids": flat}


class Postings:
    __slots__ = ("_start", "_ids")

    def __init__(self, mapped: Mapped, name: str) -> None:
        self._start = mapped[f"{name}.start"]
        self._ids = mapped[f"{name}.ids"]

    def __getitem__(self, i: int) -> list[int]:
        return self._ids[self._start[i] : self._start[i + 1]].tolist()

    def __len__(self) -> int:
        return len(self._start) - 1
