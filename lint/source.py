"""The load stage, and its mirror at the end: bytes → Source, and a fixed Source → bytes on disk."""

from __future__ import annotations

import codecs
import os
import stat
import tempfile
from pathlib import Path

from lint.model import Source


class LoadError(Exception):
    """The file cannot be read or decoded; the message names what went wrong, not the path."""


class BinaryFile(LoadError):
    """Not text: skipped (reported under --verbose only)."""


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(path: str, data: bytes) -> Source:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise LoadError(
                    f"cannot decode as {encoding.upper()} at byte {exc.start + len(bom)}"
                ) from None
            return Source(path, text, encoding, True, data)
    if b"\0" in data[:8192]:
        raise BinaryFile("binary file (NUL byte)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LoadError(f"cannot decode as UTF-8 at byte {exc.start}") from None
    return Source(path, text, "utf-8", False, data)


def read_source(path: str | Path) -> Source:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise LoadError(exc.strerror or str(exc)) from None
    return decode(str(path), data)


def write_source(source: Source, new_text: str) -> None:
    """Write the fixed text atomically, in the file's own encoding, BOM and permissions.

    Refuses (LoadError) when the file changed on disk since it was read.
    """
    path = Path(source.path)
    try:
        current = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"cannot re-read before writing: {exc.strerror}") from None
    if source.raw is not None and current != source.raw:
        raise LoadError("changed on disk while copylint was fixing it; not written")
    data = source.encode(new_text)
    mode = stat.S_IMODE(path.stat().st_mode)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".copylint", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    source.raw = data
    source.text = new_text
    source._line_starts = None
