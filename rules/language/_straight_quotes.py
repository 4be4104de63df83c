"""The straight-quoted stretches of a document that its language's own quotation marks replace: L102's
judgement, which P102 asks too so that a straight pair L102 reports is not reported again mark by mark."""

from __future__ import annotations

import re
from typing import cast

from lint.language import in_other_language, pack, primary
from lint.model import Document, Segment
from lint.patterns import compiled_on_use

from ._around import sentence_around

# A straight-quoted stretch of prose: not inches (5"), not code ("a=b", "./x", "{id}"), not empty.
# (A CJK character may touch the quote: Japanese and Chinese set no spaces.)
_STRAIGHT = compiled_on_use(r'(?<![0-9A-Za-z\u00c0-\u024f_"\\=:])"(?=[^\s"])([^"\n]{1,200}?)(?<=[^\s"])"'
                       r'(?![0-9A-Za-z\u00c0-\u024f_"])')
_CODE_LIKE = compiled_on_use(r"[={}<>/\\|$#@\ufffc]|^\W*$|^\w+\.\w+$")
# A lone token in quotes that is a key, a label or an identifier: "Delete", "onClick", "v2", "my_var".
_IDENTIFIER = compiled_on_use(r"[A-Za-z0-9_.-]*[A-Z0-9_.-][A-Za-z0-9_.-]*")
# In CJK text any lone Latin word in straight quotes is one ("use", "increment").
_LATIN_TOKEN = compiled_on_use(r"[A-Za-z0-9_.-]+")
_TWO_LETTERS = compiled_on_use(r"[^\W\d_]{2}")
_CJK_LANGUAGES = frozenset({"ja", "zh", "ko"})
_CURLY_DOUBLE = compiled_on_use("[“”]")
# A command or a value as the user types it: ASCII, a word in lower case first (`git rebase --abort`,
# `true`, `git reset HEAD^`).
_KEPT_COMMAND = compiled_on_use(r"[a-z][a-z0-9_.-]*(?: [\x21-\x7e]+)*")


def own_quotation_marks(doc: Document) -> list[int]:
    """How often the document sets each pair of its language's quotation marks around its words (none
    without a pack). In a catalogue, a quotation of them that holds a lone Latin word its source quotes
    straight (`“name”` for `"name"`, `“loader”`: an attribute's name kept as the source writes it, its quotes
    curled) shows no convention for quoting the page's words: a page that sets only such identifiers in “ ”
    and its own words in "…" quotes its words straight (python-docs-ko's import.po)."""
    conventions = pack(doc.language)
    if not conventions or not conventions.get("quotes") or primary(doc.language) == "en":
        return []
    prose, _ = doc.prose
    return [prose.count(o) - _kept_identifiers(doc, o, c) if o != '"' else 0 for o, c in conventions["quotes"]]


def _kept_identifiers(doc: Document, opening: str, closing: str) -> int:
    """How many quotations of the pair in a catalogue's translations hold a lone Latin word that the
    entry's source quotes straight."""
    pair = re.compile(f"{re.escape(opening)}\\\\?([A-Za-z0-9_.-]+)\\\\?{re.escape(closing)}")
    return sum(1 for seg in doc.segments_matching(re.compile(re.escape(opening))) if seg.source_text
               for m in pair.finditer(seg.text) if f'"{m.group(1)}"' in seg.source_text)


def straight_quotations(doc: Document) -> list[tuple[Segment, re.Match[str]]]:
    """The straight-quoted stretches of prose to set in the language's own marks: none where the
    document uses its language's marks less often than straight ones (a house style, not a slip).
    Found once per document: L102 reports them and P102 leaves them to it, each asking."""
    found = doc.memo.get("straight-quotations")
    if found is None:
        found = doc.memo["straight-quotations"] = _straight_quotations(doc)
    return cast("list[tuple[Segment, re.Match[str]]]", found)


def _straight_quotations(doc: Document) -> list[tuple[Segment, re.Match[str]]]:
    own = sum(own_quotation_marks(doc))
    prose, _ = doc.prose
    if not own or '"' not in prose:
        return []
    cjk = primary(doc.language) in _CJK_LANGUAGES
    # Where the language's first marks are “ ” (Chinese), two straight marks with one of those between
    # belong to two quotations typed half straight (`…吸引走的，"李开复说。近年来，“脸书”…"我认为`): each is
    # P102's, read by its place; as one pair the fix would open where a quotation closes.
    mixed = _CURLY_DOUBLE if (pack(doc.language) or {})["quotes"][0][0] == "“" else None
    straight: list[tuple[Segment, re.Match[str]]] = []
    for seg in doc.segments_matching(re.compile('"')):
        straight.extend((seg, m) for m in _STRAIGHT.finditer(seg.text)
                        if not _CODE_LIKE.search(m.group(1)) and not _IDENTIFIER.fullmatch(m.group(1))
                        and not (mixed and mixed.search(m.group(1)))
                        and not (cjk and _LATIN_TOKEN.fullmatch(m.group(1)))
                        and not in_other_language(m.group(1), doc.language)
                        and not in_other_language(sentence_around(seg.text, m.start()), doc.language)
                        and not _quoted_code_of_source(seg, m))
    return straight if own >= len(straight) else []


def _quoted_code_of_source(seg: Segment, m: re.Match[str]) -> bool:
    """Whether a catalogue's translation quotes, as its source does, a string with no word in it
    (``"(i)"``, ``"()"``), or a command or value it keeps in ASCII as the source writes it, a program's
    name or a value in lower case first (``"git rebase --abort"``, ``"true"``), a line marker in capitals
    with its colon (``"GIT:"``): code or input the source
    quotes straight, not prose to requote. A quotation the translator translated (``"沒有變更"`` for
    ``"not changing"``) or capitalized as a phrase (``"Save changes"``) is prose."""
    if seg.source_text is None or m.group() not in seg.source_text:
        return False
    return (_TWO_LETTERS.search(m.group(1)) is None or _KEPT_COMMAND.fullmatch(m.group(1)) is not None
            or _LINE_MARKER.fullmatch(m.group(1)) is not None)


# A marker a program writes or reads at a line's start, in capitals with its colon (git's `"GIT:"`, which
# its editor templates' comment lines open with): a literal, kept as the source quotes it.
_LINE_MARKER = compiled_on_use(r"[A-Z][A-Z0-9_-]*:")
