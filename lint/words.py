"""Tokens compared many at once, in C: the gates of the rules that look for a word or a phrase said
again (T107 repeated-phrase) ask where a run of tokens equals the run ``d`` places on.

Comparing two lists of strings element by element (``map(operator.eq, a, b)``) costs a Python-level
call per pair, and a rule that tries six distances pays it six times. Here each token is first reduced
to one character, a key that equal tokens share (its first character, say), all the keys are packed
into one big ``int``, and the comparison at a distance ``d`` is one XOR of that int with itself shifted
by ``d`` keys: a key equal to the one ``d`` on leaves a zero field, and a run of equal pairs is a run of
zero bytes that ``bytes.find`` finds. Equal keys are a necessary condition only: the few runs found are
then compared token by token.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lint.model import Document

_CHUNK = 64  # fields read at a time when looking for the end of a run


class Keys:
    """One key (a character, or a byte) per token, for finding the runs of tokens whose keys equal the keys
    ``d`` places on. No key may be NUL: a key compared with the nothing past the end must differ."""

    __slots__ = ("_differences", "_number", "_width", "length")

    def __init__(self, keys: str | bytes) -> None:
        if isinstance(keys, bytes):  # one byte per key already (ASCII tokens' first bytes)
            self._width, packed = 1, keys
        elif keys.isascii():
            self._width, packed = 1, keys.encode("ascii")
        else:  # (a character outside the BMP takes two UTF-16 units: four bytes each, then; a lone
            # surrogate, from text read with surrogate escapes, is a code point like any other)
            self._width, packed = 4, keys.encode("utf-32-le", "surrogatepass")
        self.length = len(keys)
        self._number = int.from_bytes(packed, "little")
        self._differences: dict[int, bytes] = {}

    def _difference(self, distance: int) -> bytes:
        """Key k XOR key k + distance, packed as the keys are (the last ``distance`` fields hold the keys
        themselves, none of them 0)."""
        same = self._differences.get(distance)
        if same is None:
            shifted = self._number >> (8 * self._width * distance)
            same = (self._number ^ shifted).to_bytes(self._width * self.length, "little")
            self._differences[distance] = same
        return same

    def runs(self, distance: int, length: int) -> Iterator[tuple[int, int]]:
        """Maximal runs ``[start, end)`` of ``length`` tokens or more whose keys each equal the key
        ``distance`` places on, in order (every run of ``length`` equal tokens lies in one of them)."""
        if length <= 0 or distance <= 0 or self.length - distance < length:
            return
        width = self._width
        same = self._difference(distance)
        zeros = bytes(width * length)
        find = same.find
        at = find(zeros)
        while at >= 0:
            if at % width:  # zero bytes that straddle two fields: look on from the next field
                at = find(zeros, at - at % width + width)
                continue
            # The run goes on to the first field that is not 0 (the last fields never are).
            end = at + width * length
            while True:
                chunk = same[end:end + width * _CHUNK]
                rest = chunk.lstrip(b"\0")
                end += len(chunk) - len(rest)
                if rest or not chunk:
                    break
            end -= end % width
            yield at // width, end // width
            at = find(zeros, end)


# Between two segments' texts in ``joined``: a token of its own, long enough to count among the long
# words (T107 compares words of three characters or more), that no text holds (a NUL in a text is
# told by ``joined``).
SEPARATOR = "\0\0\0\0\0"
SEPARATOR_BYTES = SEPARATOR.encode("ascii")  # the same, for gates that read the text as bytes
_MEMO_KEY = "lint.words.joined"


def joined(doc: Document) -> str | None:
    """The document's segment texts joined by ``" " + SEPARATOR + " "``, for the rules that split all
    its prose at once and tell a segment by the separators before a word (built once per document);
    None when a text holds a NUL itself, and so the separators could not be told from the text."""
    memo = doc.memo
    if _MEMO_KEY in memo:
        return memo[_MEMO_KEY]  # type: ignore[no-any-return]
    segments = doc.segments
    text: str | None = f" {SEPARATOR} ".join([seg.text for seg in segments])
    if text is not None and text.count("\0") != len(SEPARATOR) * (len(segments) - 1):
        text = None
    memo[_MEMO_KEY] = text
    return text


_TOKENS_KEY = "lint.words.tokens"


def split_tokens(text: str) -> list[str] | list[bytes]:
    """``text.split()``; where the text has one byte per character (``encoded_text``: ASCII, or
    Windows-1252 with masked URLs and code as a control character the text does not hold), the same
    tokens as those bytes, split in C at less cost: one byte for each character (lengths kept), one
    character for each byte (equality kept), with the information separators \\x1c-\\x1f, where
    str.split() breaks and bytes.split() does not, and the no-break space, white space to str.split(),
    read as spaces (no other character of that repertoire is white space to it, none of its bytes to
    bytes.split())."""
    data = encoded_text(text)
    return text.split() if data is None else _spaced(data).split()


_STAND_IN = "\x02"
# Characters of prose below which a document keeps its tokens whoever asks (some 8 MB of them at most).
_HELD = 1 << 20
_SPACES = bytes.maketrans(b"\x1c\x1d\x1e\x1f\xa0", b"     ")
_SPACE_STAND_INS = (b"\xa0", b"\x1c", b"\x1d", b"\x1e", b"\x1f")


def _spaced(data: bytes) -> bytes:
    """``data.translate(_SPACES)``: ``data`` itself where it holds none of the bytes read as spaces (most
    prose: five scans at memchr's speed, where the translation reads and writes every byte, some 10
    instructions a byte, 110M on ../shared/corpus)."""
    for stand_in in _SPACE_STAND_INS:
        if stand_in in data:
            return data.translate(_SPACES)
    return data


def tokens(doc: Document, keep: bool = True) -> list[str] | list[bytes] | None:
    """``split_tokens(joined(doc))``: the document's prose split at white space, once for the rules that
    ask (T107 reads them all; L101 asks whether a word stands among them); None where ``joined`` is.
    ``keep=False``: the last reader takes them, and the document no longer holds them (a big file's
    tokens are several times its size), nor the bytes they were split from (``encoded``); where the prose
    is shorter than ``_HELD`` they stay, for a reader that comes later after all (L101 asks whether a
    word stands among them after T107 has read them: it split 543 of the 703 PEPs again)."""
    memo = doc.memo
    if not keep:
        text = joined(doc)
        keep = text is not None and len(text) < _HELD
    if _TOKENS_KEY in memo:
        if keep:
            return memo[_TOKENS_KEY]  # type: ignore[no-any-return]
        memo.pop(_ENCODED_KEY, None)
        return memo.pop(_TOKENS_KEY)  # type: ignore[no-any-return]
    text = joined(doc)
    data = encoded(doc, keep)  # (T107, the last reader of both, takes both)
    found = None if text is None else _spaced(data).split() if data is not None else text.split()
    if keep:
        memo[_TOKENS_KEY] = found
    return found


_ENCODED_KEY = "lint.words.encoded"


def encoded_text(text: str, outside: str | None = None) -> bytes | None:
    """``text`` as the bytes ``split_tokens`` splits, one byte per character: in ASCII, or with masked URLs
    and code (``PLACEHOLDER``) as \\x02 and the rest in Windows-1252; None where it cannot be (a \\x02 of
    its own beside a placeholder, a character outside that repertoire). ``outside``: the text's characters
    outside ASCII (``lint.scan.non_ascii``, in any order), where the caller has them."""
    from lint.formats.builder import PLACEHOLDER

    if text.isascii():
        return text.encode("ascii")
    if _STAND_IN in text:
        return None
    swapped = text.replace(PLACEHOLDER, _STAND_IN)
    if swapped.isascii():
        return swapped.encode("ascii")
    return _cp1252(swapped, None if outside is None else set(outside).difference(PLACEHOLDER))


# The character of each byte in Windows-1252 (U+FFFD for the five bytes that stand for none), from the
# codec, decoded once: U+00A0-U+00FF stand for themselves, and the characters of 0x80-0x9F (no C1 control
# is in the repertoire) for the Latin-1 characters of their bytes.
CP1252_CHARACTERS = bytes(range(256)).decode("cp1252", "replace")
_CP1252_HIGH = {ch: chr(b) for b, ch in enumerate(CP1252_CHARACTERS[0x80:0xA0], 0x80) if ch != "\ufffd"}
_LATIN1_UPPER = "".join(map(chr, range(0xA0, 0x100)))


def _cp1252(text: str, outside: set[str] | None = None) -> bytes | None:
    """``text.encode("cp1252")``, None where that fails. The codec looks each character up in its map (some
    75 instructions a character, 3 % of the Rust book's check); here the text's few characters outside
    ASCII (``lint.scan.non_ascii``, in C, or ``outside`` where the caller has them) decide, the ones past
    Latin-1 are replaced by the Latin-1 characters of their bytes, a pass each, and the text is encoded as
    Latin-1, a copy."""
    from lint.scan import non_ascii

    high = (set(non_ascii(text)) if outside is None else outside).difference(_LATIN1_UPPER)
    if not high.issubset(_CP1252_HIGH):
        return None
    for ch in high:
        text = text.replace(ch, _CP1252_HIGH[ch])
    return text.encode("latin-1")


def encoded(doc: Document, keep: bool = True) -> bytes | None:
    """``encoded_text(joined(doc))``, once for the rules that read the prose as bytes (T107's tokens,
    T102's words); ``keep=False``: the last of them takes it."""
    memo = doc.memo
    if _ENCODED_KEY in memo:
        return memo[_ENCODED_KEY] if keep else memo.pop(_ENCODED_KEY)  # type: ignore[no-any-return]
    text = joined(doc)
    # The joined texts' characters outside ASCII are the prose's, which P101 and the checker read too.
    data = None if text is None else encoded_text(text, None if text.isascii() else _outside(doc))
    if keep:
        memo[_ENCODED_KEY] = data
    return data


def known_encoded(doc: Document) -> bytes | None:
    """``encoded(doc)`` where a rule asked for it already and the document still holds it (T107 and T102 do,
    on every document under ``_HELD``), else None: for a reader that can do without it and should not make
    or keep it. Each ASCII character of ``joined(doc)`` is its own byte there, as in its UTF-8, a placeholder
    \\x02 and every other character one byte of 0x80 or more: its brackets, marks and NULs are the UTF-8's."""
    found: bytes | None = doc.memo.get(_ENCODED_KEY)
    return found


def _outside(doc: Document) -> str:
    from lint.scan import non_ascii

    return non_ascii(doc.prose[0])


def holds_token(doc: Document, words: frozenset[str]) -> bool:
    """Whether one of ``words`` (none holding white space) is a token of the document's prose (True where
    the prose cannot be split so: a NUL in a text). False means that no segment holds one of them between
    spaces: a gate that looks for `` word `` is then sure to find nothing, without its scan."""
    found = tokens(doc)
    if found is None:
        return True
    if found and isinstance(found[0], bytes):
        return not _encoded(words).isdisjoint(found)
    return not words.isdisjoint(found)


@lru_cache(maxsize=16)
def _encoded(words: frozenset[str]) -> frozenset[bytes]:
    """``words`` as ``split_tokens`` gives them in bytes (Windows-1252, of which ASCII is a part; the
    placeholder's stand-in is no word's): a word outside that repertoire cannot stand in such a text."""
    out = set()
    for w in words:
        try:
            out.add(w.encode("cp1252"))
        except UnicodeEncodeError:
            continue
    return frozenset(out)
