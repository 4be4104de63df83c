"""The load stage, and its mirror at the end: bytes → Source, and a fixed Source → bytes on disk."""

from __future__ import annotations

import bisect
import codecs
import errno
import os
import re
import stat
import time
from array import array
from collections.abc import Callable, Sequence
from itertools import accumulate
from pathlib import Path

from lint.model import Position, Source, line_break_count, line_starts_of, one_kind_of_line_end
from lint.patterns import compiled_on_use


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


class BlockedSource(Source):
    """A big text whose lines end in one kind of line break (LF, CRLF or CR) held as its blocks (compact strings, one byte a character where the block is
    Latin-1) instead of one string, which one character past U+FFFF makes four bytes a character for
    the whole file: a 14 MB file would take 55 MB. The whole text is joined only when something asks
    for it (a diff, a fix, a report that quotes the text); positions come from the blocks."""

    def __init__(self, path: str, blocks: list[str], starts: list[int], encoding: str = "utf-8",
                 bom: bool = False, raw: bytes | None = None) -> None:
        self.blocks, self.block_starts = blocks, starts
        self.size = starts[-1] + len(blocks[-1])
        self._text: str | None = None
        self.path, self.encoding, self.bom, self.raw = path, encoding, bom, raw
        self._line_starts: Sequence[int] | None = None
        self._before: list[int] | None = None
        self._block_lines: dict[int, Sequence[int]] = {}

    @classmethod
    def of(cls, source: Source, starts: list[int]) -> BlockedSource:
        """``source`` cut at ``starts``."""
        text = source.text
        ends = [*starts[1:], len(text)]
        blocks = [text[start:end] for start, end in zip(starts, ends, strict=True)]
        return cls(source.path, blocks, list(starts), source.encoding, source.bom, source.raw)

    @property  # type: ignore[override]
    def text(self) -> str:
        if self._text is None:
            self._text = "".join(self.blocks)
        return self._text

    @text.setter
    def text(self, value: str) -> None:
        self._text = value
        self.blocks, self.block_starts, self.size = [value], [0], len(value)
        self._before, self._block_lines = None, {}

    def position(self, offset: int) -> Position:
        # From the block that holds the offset: counting from place to place would join the blocks, and the
        # line starts of the whole file are a slot a line (16 MB for 2 MB of blank lines).
        index = max(bisect.bisect_right(self.block_starts, offset) - 1, 0)
        before, starts = self._lines_of_block(index)
        at = offset - self.block_starts[index]
        line = bisect.bisect_right(starts, at) - 1
        return Position(before + line + 1, at - starts[line] + 1, offset)

    def line_text(self, line: int) -> str:
        index = max(bisect.bisect_right(self._lines_before(), line - 1) - 1, 0)
        before, starts = self._lines_of_block(index)
        block, at = self.blocks[index], line - 1 - before
        return block[starts[at]:starts[at + 1] if at + 1 < len(starts) else len(block)].rstrip("\r\n")

    def _lines_before(self) -> list[int]:
        """The lines before each block (a block holds whole lines: all but the last end with a line break, and
        a CRLF pair is never cut in two)."""
        if self._before is None:
            self._before = list(accumulate(map(line_break_count, self.blocks[:-1]), initial=0))
        return self._before

    def _lines_of_block(self, index: int) -> tuple[int, Sequence[int]]:
        """The lines before block ``index`` and the line starts in it, kept for the two blocks last asked
        about: what a position needs, in memory bounded by the biggest blocks. A report asks in order, but a
        finding's end or its fix's edit may lie in the next block, and one kept block made such a report
        make its line starts again at each step (74 makings for 40 blocks of a 3 MB file)."""
        kept = self._block_lines
        starts = kept.get(index)
        if starts is None:
            if len(kept) == 2:
                del kept[next(iter(kept))]
            starts = kept[index] = line_starts_of(self.blocks[index])
        return self._lines_before()[index], starts

    def line_starts(self) -> Sequence[int]:
        # Every block but the last ends with a whole line break, so its lines are the file's: made block by block.
        if self._line_starts is None:
            starts = array("q", [0])
            for start, block in zip(self.block_starts, self.blocks, strict=True):
                starts.extend(line_starts_of(block, start)[1:])
            self._line_starts = starts
        return self._line_starts


def blocked_utf8(path: str, data: bytes, smallest: int, block: int,
                 cut: Callable[[str, int], re.Match[str] | None], step: int = 1 << 20) -> BlockedSource | None:
    """The BlockedSource that ``decode`` and cutting the text into blocks would give, decoded block by
    block so the whole text never exists as one string; None where that path is not the one taken (a
    BOM, another encoding, line ends of more than one kind, a NUL byte, a bad byte, ``smallest`` characters
    or fewer),
    and then ``decode`` gives the Source or says what is wrong. A block is cut at the match ``cut`` finds
    (a search: the text and where to start) ``block`` characters after the block's start while more than
    ``block`` remain: ``cut`` must find in the text decoded so far the match it finds in the whole text, or
    none (then the next piece is read and it searches again), as a match that ends before a character that
    cannot be part of it is found.

    The bytes are decoded at least ``step`` at a time, and at least twice as many as wait after the last cut:
    each read's search reads those again, so a text with no cut (one long paragraph) is read about 1.5 times in
    all rather than once per step (n**2 / 2 step characters), and a read holds at most about twice the biggest
    block."""
    if len(data) <= smallest or b"\0" in data[:8192] or any(data.startswith(b) for b, _ in _BOMS) \
            or not one_kind_of_line_end(data):
        return None
    decoder = codecs.getincrementaldecoder("utf-8")()
    blocks: list[str] = []
    starts = [0]
    view, pending, at, size = memoryview(data), "", 0, step
    try:
        while True:
            chunk = view[at:at + size]
            at += len(chunk)
            text = decoder.decode(chunk, final=not chunk)
            if text:  # (with nothing new, the search that found no cut would find none again)
                pending += text
                first = 0  # where the block being read starts in pending
                while len(pending) - first > block and (m := cut(pending, first + block)) is not None:
                    blocks.append(pending[first:m.end()])
                    starts.append(starts[-1] + m.end() - first)
                    first = m.end()
                pending = pending[first:]
                size = max(step, 2 * len(pending))
            if not chunk:
                break
    except UnicodeDecodeError:
        return None
    blocks.append(pending)
    if starts[-1] + len(pending) <= smallest:
        return None
    return BlockedSource(path, blocks, starts, raw=data)


def read_source(path: str | Path, max_size: int | None = None) -> Source:
    """The file's Source; LoadError for a file that cannot be read, is not a regular file, or holds more
    than ``max_size`` bytes (it is then not read)."""
    return decode(str(path), read_bytes(path, max_size))


def read_bytes(path: str | Path, max_size: int | None = None) -> bytes:
    """The file's bytes, refused as ``read_source`` refuses them."""
    try:
        return _read_regular(Path(path), max_size)
    except OSError as exc:
        if exc.errno == errno.EFBIG and max_size is not None:
            raise LoadError(too_large(os.stat(path).st_size, max_size)) from None
        raise LoadError(_reason(exc)) from None


def too_large(size: int, limit: int) -> str:
    return f"{size:,} bytes, more than the limit of {limit:,} (max-file-size in the config)"


def long_line(text: str, limit: int) -> str | None:
    """Why ``text`` is refused for a line longer than ``limit`` characters (LF, CRLF or CR ends a line),
    or None. Costs one split in C, and only for a text longer than the limit."""
    if len(text) <= limit:
        return None
    # Line by line with find, not split: a list of every line would hold the file a second time.
    start, index, size = 0, 0, len(text)
    while start <= size:
        end = text.find("\n", start)
        if end < 0:
            end = size
        if end - start > limit:
            line = text[start:end]
            longest = max(map(len, line.split("\r"))) if "\r" in line else len(line)
            if longest > limit:
                where = f"line {index + 1}" if "\r" not in text else "a line"
                break
        start, index = end + 1, index + 1
    else:
        return None
    return f"{where} has {longest:,} characters, more than the limit of {limit:,} (max-line-length in the config)"


def _read_regular(path: Path, limit: int | None = None) -> bytes:
    """The file's bytes; a FIFO, a device or a folder is refused (reading one may never end)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder")
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EINVAL, "not a regular file (a FIFO, socket or device)")
        if limit is not None and st.st_size > limit:
            raise OSError(errno.EFBIG, f"larger than {limit:,} bytes")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            if limit is None:
                return handle.read()
            # read(limit + 1) would allocate the limit, not the file: ask for the size fstat gave, and
            # read on only when the file grew since (the caller refuses more than ``limit`` bytes).
            data = handle.read(min(st.st_size, limit) + 1)
            if len(data) > st.st_size and len(data) <= limit:
                data += handle.read(limit + 1 - len(data))
            return data
    finally:
        os.close(fd)


def _reason(exc: OSError) -> str:
    """An OSError in words, without the path (the report names the file)."""
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop"
    return exc.strerror or str(exc)


# mkstemp's names: ".<file name>.<8 random characters>.copylint", next to the file.
TEMPORARY_SUFFIX = ".copylint"
_TEMPORARY = compiled_on_use(r"\..+\.[a-z0-9_]{8}\.copylint\Z", re.S)
STALE_AFTER_S = 60.0  # a write takes milliseconds: a temporary this old is a killed run's


def stale_temporaries(folder: str | Path, now: float | None = None) -> list[Path]:
    """Temporaries a killed ``--fix`` left in ``folder`` (named as ``write_source`` names them, plain
    files, untouched for a minute): a run that is still writing one is never in the way."""
    now = time.time() if now is None else now
    out = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        if not _TEMPORARY.match(entry.name):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode) and now - st.st_mtime > STALE_AFTER_S:
            out.append(Path(entry.path))
    return out


def clean_stale_temporaries(folder: str | Path) -> list[Path]:
    """Removes ``stale_temporaries(folder)``; the paths it removed."""
    removed = []
    for path in stale_temporaries(folder):
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            pass
    return removed


def write_source(source: Source, new_text: str) -> None:
    """Write the fixed text atomically, in the file's own encoding, BOM, mode and owner.

    A symbolic link is followed: its target is fixed and the link stays a link. Refused (LoadError,
    file unchanged) when the file changed on disk since it was read, is read-only, has other hard
    links (an atomic write makes a new file: the other names would keep the old text, so copylint
    leaves such a file to the user rather than write it in place, where a killed run could leave it
    half-written), cannot keep its owner or group, or when the disk is full or the folder is not
    writable.
    """
    link = Path(source.path)
    try:
        path = Path(os.path.realpath(link, strict=True)) if link.is_symlink() else link
        current = _read_regular(path)
        st = path.stat()
    except (OSError, RuntimeError) as exc:
        reason = _reason(exc) if isinstance(exc, OSError) else "a symbolic link loop"
        raise LoadError(f"cannot re-read before writing: {reason}; not written") from None
    if source.raw is not None and current != source.raw:
        raise LoadError("changed on disk while copylint was fixing it; not written")
    del current  # (a big file's bytes: not held while its new ones are made)
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        raise LoadError("read-only file; not written")
    if st.st_nlink > 1:
        raise LoadError(f"has {st.st_nlink} hard links: an atomic write would split them; not written")
    data = source.encode(new_text)
    try:
        import tempfile  # here: only a fix writes, and a check run need not import it

        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX, dir=path.parent)
    except OSError as exc:
        raise LoadError(f"cannot create a temporary file in its folder: {_reason(exc)}; not written") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if (st.st_uid, st.st_gid) != _owner(tmp):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except PermissionError:
                raise LoadError("cannot keep its owner and group (another user's file); not written") from None
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise LoadError(f"cannot write: {_reason(exc)}; not written") from None
        raise
    source.raw = data
    source.text = new_text
    source._line_starts = None
    source._counted = None


def _owner(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_uid, st.st_gid
