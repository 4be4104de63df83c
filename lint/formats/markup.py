"""The inline markup inside one catalogue string (a PO msgstr, an XLIFF target, an i18n value), read as
the document it came from: reStructuredText (Sphinx), Markdown or HTML.

``marks(text, markup)`` returns the string's inline markup in order, each a ``Mark`` with its range in
the string: what it is (an inline literal, a role, a link, a tag...), what must survive translation
unchanged (``target``: a literal's content, a role's target, a link's URL or reference name) and,
for links and images, the range of the words a translator translates (``prose``). reST is cut by the
reST reader's own inline pattern (``lint.formats.rst``), Markdown by the Markdown reader's parser
(markdown-it-pyrs): the same reading as the source document's.

``markup_of_references`` decides ``auto`` for a catalogue: the extensions its ``#:`` references name
(Sphinx's gettext builder writes ``library/functions.rst:11``).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from lint.formats.builder import PLACEHOLDER, merge_ranges
from lint.model import Segment
from lint.patterns import compiled_on_use

MARKUPS = ("auto", "rst", "markdown", "html", "none")


@dataclass(frozen=True)
class Mark:
    kind: str  # literal, role, link, reference, interpreted, substitution, footnote, emphasis, escape, code,
    #            image, autolink, tag, entity, comment
    start: int
    end: int
    target: str = ""  # what a translation must keep as it is
    name: str = ""  # a role's or a tag's name
    prose: tuple[int, int] | None = None  # the translatable words inside (a link's text), a range of the string


_ROLE = compiled_on_use(r":(?P<name>[\w:+.-]+):`(?P<body>(?:[^`\\]|\\.)+)`|`(?P<body2>(?:[^`\\]|\\.)+)`:(?P<name2>[\w:+.-]+):")


def _role_target(body: str) -> tuple[str, tuple[int, int] | None]:
    """A role's target and the range of its title in ``body`` (``:term:`objet <file object>``` has the
    title `objet`, a translator's, and the target `file object`, not)."""
    found = _title_and_target(body)
    if found is not None and found[0]:
        return found[1].strip(), (0, found[0])
    return body.lstrip("~!").strip(), None


# A title and a target (`title <target>`) and a link's embedded target were patterns whose lazy text before
# `\s*<` read a run of white space to its end from each of its characters (issue 18: a role of 40,000
# spaces, 29 s end to end): read with the string's methods, they answer what the patterns answered.


def _before_line_end(text: str) -> str:
    """``text`` as ``$`` sees its end (no MULTILINE): before a last line break, else at the end."""
    return text[:-1] if text.endswith("\n") else text


def _title_and_target(body: str) -> tuple[int, str] | None:
    """Where the title ends and the target, as ``^(?P<title>.*?)\\s*<(?P<target>[^<>]*)>$`` (re.S) matches
    ``body``: the target is between the last `<` and a closing `>` at the end; the title (the shortest)
    stops before the white space in front of that `<`. None where it does not match."""
    core = _before_line_end(body)
    close = len(core) - 1
    if not core.endswith(">"):
        return None
    opening = core.rfind("<", 0, close)
    if opening < 0 or ">" in core[opening + 1 : close]:
        return None
    return len(core[:opening].rstrip()), core[opening + 1 : close]


def _embedded_target(whole: str) -> str | None:
    """The target, as ``^`(?P<text>.*?)\\s*<(?P<target>[^`>]*)>`(?P<under>__?)$`` (re.S) matches ``whole``,
    a link with an embedded target: from the first `<` after the last backquote or `>` before the closing
    `>` (the shortest text reaches it), to that `>`. None where it does not match."""
    core = _before_line_end(whole)
    close = len(core) - (4 if core.endswith(">`__") else 3 if core.endswith(">`_") else len(core) + 1)
    if close < 1 or not core.startswith("`"):
        return None
    after = max(core.rfind("`", 0, close), core.rfind(">", 0, close))
    opening = core.find("<", after + 1, close)
    return core[opening + 1 : close] if opening >= 0 else None


def _delimited(text: str, s: int, e: int) -> bool:
    """Whether inline markup at [s, e) starts and ends where reST's recognition rules let it: after the
    start, a space or an opening mark, and before the end, a space, a closing mark or punctuation."""
    before = text[s - 1] if s else " "
    after = text[e] if e < len(text) else " "
    return (before.isspace() or before in "-:/'\"<([{\u2018\u201c\u00ab") and (
        after.isspace() or after in "-.,:;!?\\/'\")]}>_\u2019\u201d\u00bb")


def _rst_marks(text: str) -> list[Mark]:
    from lint.formats.rst import _inline_matches, _next_refname

    out: list[Mark] = []
    refname = _next_refname(text, 0) if "_" in text else None
    for m in _inline_matches(text, refname):
        whole, s, e = m.group(), m.start(), m.end()
        group = m.lastgroup
        if whole.startswith("``"):
            out.append(Mark("literal", s, e, whole[2:-2]))
        elif group == "escaped":
            out.append(Mark("escape", s, e, whole[1:]))
        elif group == "refname":
            if not m.group("refname")[0].isalnum():
                continue  # `__future__`: a reference name starts with a letter or a digit
            out.append(Mark("reference", s, e, m.group("refname"), prose=m.span("refname")))
        elif whole[0] == "*":
            out.append(Mark("emphasis", s, e))
        elif whole[0] == "|":
            if not _delimited(text, s, e):
                continue  # `IPv(4|6)(Address|Network)`: bars inside words, not a substitution reference
            out.append(Mark("substitution", s, e, whole))
        elif whole[0] == "[":
            out.append(Mark("footnote", s, e, whole))
        elif group == "linktext":
            target = (_embedded_target(whole) or "").strip()
            out.append(Mark("link", s, e, target, prose=m.span("linktext")))
        elif group == "reftext":
            # A reference by name: the name is the target (Sphinx reports a translated one as an
            # inconsistent reference), and its words are what the reader sees.
            out.append(Mark("reference", s, e, " ".join(m.group("reftext").split()), prose=m.span("reftext")))
        else:
            rm = _ROLE.fullmatch(whole)
            if rm:
                body_group = "body" if rm.group("body") is not None else "body2"
                target, title = _role_target(rm.group(body_group))
                body_at = s + rm.start(body_group)
                prose = (body_at + title[0], body_at + title[1]) if title else None
                out.append(Mark("role", s, e, target, rm.group("name") or rm.group("name2"), prose))
            else:  # `text`: the default role, a cross-reference or code in Sphinx projects
                out.append(Mark("interpreted", s, e, whole[1:-1]))
    return out


def _markdown_marks(text: str) -> list[Mark]:
    from lint.formats.markdown import syntax_tree

    # (markdown-it-pyrs panics on a few strings, `See [`x`: they are read by markdown-it-py, as a page is,
    # whose offsets are code points already.)
    tree, fallback = syntax_tree(text)
    data = text.encode("utf-8")
    ascii_only = fallback or len(data) == len(text)

    def cp(b: int) -> int:  # the parser's offsets are UTF-8 bytes
        return b if ascii_only else len(data[:b].decode("utf-8", "replace"))

    out: list[Mark] = []

    def walk(node) -> None:  # type: ignore[no-untyped-def]
        for child in node.children:
            name = child.name
            if name in ("code_inline", "code_block", "fence", "html_block", "math_inline"):
                s, e = child.srcmap
                s, e = cp(s), cp(e)
                out.append(Mark("code" if name != "html_block" else "tag", s, e, text[s:e]))
            elif name == "html_inline":
                s, e = map(cp, child.srcmap)
                tag = _TAG.match(text, s)
                out.append(Mark("tag", s, e, name=tag.group(1).lower() if tag else ""))
            elif name == "autolink":
                s, e = map(cp, child.srcmap)
                out.append(Mark("autolink", s, e, child.meta.get("url", "")))
            elif name in ("link", "image"):
                s, e = map(cp, child.srcmap)
                inner = [c for c in child.children]
                lo = cp(inner[0].srcmap[0]) if inner and inner[0].srcmap else s + (2 if name == "image" else 1)
                hi = cp(inner[-1].srcmap[1]) if inner and inner[-1].srcmap else lo
                out.append(Mark(name, s, e, child.meta.get("url", ""), prose=(lo, hi)))
                if name == "link":
                    walk(child)  # code or tags inside a link's text
            elif name == "text_special" and child.meta.get("info") == "escape":
                s, e = map(cp, child.srcmap)
                out.append(Mark("escape", s, e, child.meta.get("content", "")))
            elif name in ("em", "strong", "s"):
                s, e = map(cp, child.srcmap)
                walk(child)
            elif child.children:
                walk(child)

    walk(tree)
    out.sort(key=lambda mk: mk.start)
    return out


_TAG = compiled_on_use(r"</?([A-Za-z][\w:-]*)(?:\s[^<>]*)?/?>")
_HREF = compiled_on_use(r"""\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
# A character reference up to its `;` (`&amp`, `&#233`, `&#x2019`): shared with L103, which asks whether a
# `;` ends one.
ENTITY_BEFORE_SEMICOLON = r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6})"
_ENTITY = compiled_on_use(ENTITY_BEFORE_SEMICOLON + ";")
_COMMENT = compiled_on_use(r"<!--.*?(?:-->|\Z)", re.S)
_CODE_ELEMENT = compiled_on_use(r"<(code|kbd|samp|var|tt)\b[^<>]*>.*?</\1\s*>", re.S | re.I)


def _html_marks(text: str) -> list[Mark]:
    out: list[Mark] = []
    code = [m.span() for m in _CODE_ELEMENT.finditer(text)]
    for s, e in code:
        out.append(Mark("code", s, e, text[s:e]))
    # A comment is never shown: masked whole, and compared by nobody (a translator may drop it).
    comments = [m.span() for m in _COMMENT.finditer(text)] if "<!--" in text else []
    for s, e in comments:
        out.append(Mark("comment", s, e))
    hidden = code + comments
    for m in _ENTITY.finditer(text):
        if not any(a <= m.start() < b for a, b in comments):
            out.append(Mark("entity", m.start(), m.end(), m.group()))
    for m in _TAG.finditer(text):
        if any(a <= m.start() < b for a, b in hidden):
            continue
        href = _HREF.search(m.group())
        target = next((g for g in href.groups() if g is not None), "") if href else ""
        out.append(Mark("tag", m.start(), m.end(), target, m.group(1).lower()))
    out.sort(key=lambda mk: mk.start)
    return out


# `auto`'s reading of an i18n JSON catalogue whose strings hold rich-text tags (``markup_of_app_strings``):
# the tags alone are markup (`<button>`, `<br/>`, `<0>`).
APP_TAGS = "app-tags"
_APP_TAG = compiled_on_use(r"</?([A-Za-z][\w:-]*|\d+)(?:\s[^<>]*)?/?>")


def marks(text: str, markup: str) -> list[Mark]:
    """The inline markup of ``text`` read as ``markup`` (rst, markdown, html, app-tags; none: nothing)."""
    if markup == APP_TAGS:
        # Named (`button`), so that family B says which tag a translation lost.
        return [Mark("tag", m.start(), m.end(), name=m.group(1)) for m in _APP_TAG.finditer(text)] if "<" in text else []
    if markup == "rst":
        return _rst_marks(text) if _RST_HINT.search(text) else []
    if markup == "markdown":
        return _markdown_marks(text) if _MD_HINT.search(text) else []
    if markup == "html":
        return _html_marks(text) if "<" in text or "&" in text else []
    return []


_RST_HINT = compiled_on_use(r"[`*|\\_\[]")
# Asked only whether it is found. The spaces before a line's mark stay on its line: a mark a line break
# away opens a line of its own, which the search tries too; `\s*` read every blank line after each.
_MD_HINT = compiled_on_use(r"[`*_\[\]<\\!]|^ {4}|^[^\S\n]*(?:[#>]|[-+*] |\d+[.)] )", re.M)

# What each mark contributes to a string's structure (``structure``): the marks whose target a
# translation keeps. Emphasis and escapes are style; a reference name is compared only where its
# target is written elsewhere (a footnote, a substitution) or it ends in `_` (see `markup_broken`).
_STRUCTURAL = frozenset({"literal", "role", "link", "reference", "substitution", "footnote", "interpreted", "code",
                         "image", "autolink", "tag"})


def structure(text: str, markup: str) -> Counter[str]:
    """The markup a translation must keep, as comparable keys: `literal ``x```, `role :func: x`,
    `link https://…`, `<b>`; link words and role titles are left out (a translator's)."""
    out: Counter[str] = Counter()
    for mk in marks(text, markup):
        if mk.kind not in _STRUCTURAL:
            continue
        if mk.kind == "tag":
            closing = text.startswith("</", mk.start)
            out[f"<{'/' if closing else ''}{mk.name}>" + (f" {mk.target}" if mk.target else "")] += 1
        elif mk.kind == "role":
            out[f":{mk.name}: {mk.target}"] += 1
        elif mk.kind == "reference":
            # An anonymous reference (`text`__) or a named one: the words may be the target name. Named
            # references to a target defined in the document must keep their name; Sphinx's own check.
            out[f"reference {mk.target}"] += 1
        else:
            out[f"{mk.kind} {mk.target}"] += 1
    return out


_REFERENCE = compiled_on_use(r"^#:\s*(.+)$", re.M)
_EXTENSION = compiled_on_use(r"\.(rst|rest|txt|md|markdown|html?|xhtml)(?::\d+|\s|$)", re.I)
_INCLUDED = compiled_on_use(r"\.inc(?::\d+|\s|$)")
_BY_EXTENSION = {"rst": "rst", "rest": "rst", "txt": "rst", "md": "markdown", "markdown": "markdown",
                 "html": "html", "htm": "html", "xhtml": "html"}


def markup_of_references(text: str) -> str:
    """``auto`` decided for a PO catalogue: the format most of its `#:` references' files are written
    in (`.rst` → rst, `.md` → markdown, `.html` → html), or none (source code: `src/app.c:12`)."""
    votes: Counter[str] = Counter()
    for m in _REFERENCE.finditer(text):
        for ext in _EXTENSION.findall(m.group(1)):
            votes[_BY_EXTENSION[ext.lower()]] += 1
        if sum(votes.values()) >= 200:
            break
    if not votes:
        return "none"
    if votes["rst"]:
        # A reST page's included file (`.. include:: token-list.inc`, Sphinx's `library/token-list.inc:26`) is
        # reST too; alone, `.inc` is as often C's or PHP's.
        votes["rst"] += sum(len(_INCLUDED.findall(m.group(1))) for m in _REFERENCE.finditer(text, 0, 200_000))
    best, n = votes.most_common(1)[0]
    refs = len(_REFERENCE.findall(text, 0, 200_000)) or 1
    # A `.txt` reference alone is not reST: Sphinx projects name `.rst` files (or `.txt` sources, in
    # Django); an application that also ships a README.txt is not a documentation catalogue.
    return best if n * 2 >= min(refs, 200) else "none"


# The tags a machine translation engine leaves around the words it translated, copied with them from its page
# (Google Translate's `<span class="hps">`, `<span id="result_box" …>`; Chrome's `<font style="vertical-align:
# inherit;">`): never an application's rich text.
_MT_TAG = compiled_on_use(r"<span\b[^<>]*\b(?:class\s*=\s*[\"'](?:[^\"'<>]*\s)?(?:hps|short_text|alt-edited|atn)[\"'\s]"
                          r"|id\s*=\s*[\"']result_box)[^<>]*>|<font\b[^<>]*vertical-align:\s*inherit[^<>]*>", re.I)
_MT_CLOSING = compiled_on_use(r"</(?:span|font)\s*>", re.I)


def masked(seg: Segment, markup: str, unpaired: bool = False) -> Segment:
    """``seg`` with its inline markup masked: each character of a literal, a role, a tag or a link
    target becomes a placeholder (same length, so the map to the Source is unchanged) in an opaque
    range; a link's words stay prose. For readers whose segment text is the decoded string. With
    ``unpaired`` (an app's string with no source string to compare its tags with), a machine translation
    engine's tags (`<span class="hps">`) and the closing tags of their elements stay text: residue, which no
    rich text writes (S105 reports them; where a source is paired, B106 compares the tags)."""
    if markup in ("none", "auto"):
        return seg
    found = marks(seg.text, markup)
    if unpaired and markup == APP_TAGS and _MT_TAG.search(seg.text):
        found = [mk for mk in found if not (_MT_TAG.fullmatch(seg.text, mk.start, mk.end)
                                            or _MT_CLOSING.fullmatch(seg.text, mk.start, mk.end))]
    if not found:
        return seg
    chars = list(seg.text)
    spans: list[tuple[int, int]] = []
    for mk in found:
        keep = mk.prose if mk.kind in ("link", "reference", "image") else None
        for a, b in ((mk.start, keep[0]), (keep[1], mk.end)) if keep else ((mk.start, mk.end),):
            if a < b:
                chars[a:b] = PLACEHOLDER * (b - a)
                spans.append((a, b))
    return dataclasses.replace(seg, text="".join(chars), opaque=tuple(merge_ranges(sorted([*seg.opaque, *spans]))))


_XLIFF_ORIGINAL = compiled_on_use(r"""\boriginal\s*=\s*["'][^"']*?\.(rst|rest|md|markdown|html?|xhtml)["']""", re.I)
_XLIFF_DATATYPE = compiled_on_use(r"""\bdatatype\s*=\s*["'](x-)?(html|xhtml|markdown|rst)["']""", re.I)


def markup_of_xliff(text: str) -> str:
    """``auto`` for an XLIFF file: its `datatype` (`html`) or the extension of its `original` file."""
    head = text[:8000]
    m = _XLIFF_DATATYPE.search(head)
    if m:
        return {"xhtml": "html"}.get(m.group(2).lower(), m.group(2).lower())
    m = _XLIFF_ORIGINAL.search(head)
    return _BY_EXTENSION[m.group(1).lower()] if m else "none"


def option(options: Mapping[str, Any] | None) -> str:
    return str((options or {}).get("markup", "auto"))


def markup_of_app_strings(chosen: str, texts: Iterable[str]) -> str:
    """The markup of an i18n JSON catalogue, which names no document its strings came from: the
    ``chosen`` option, or for ``auto`` the application's own tags where a string holds one
    (`Try <button>reloading</button>`, `<br>`, `<0>…</0>`: rich text that react-intl, i18next's
    `Trans` and their kin render as elements, not text scraped with its tags), else none. Only the
    tags: such libraries print an entity (`&amp;`) as written, so it stays in the prose, a defect."""
    if chosen != "auto":
        return chosen
    return APP_TAGS if any(_APP_TAG.search(t) for t in texts if "<" in t) else "none"
