"""The structure invariants every fix must keep, checked the way a user would check them: with each
format's own parser, independently of copylint's readers and of ``lint.invariants``, on the text before and
after ``--fix`` (safe, then unsafe). Used by tests/test_invariants.py (every real file in ../shared, and
generated documents) and bench/invariants.py (10,000 generated documents per format).

What is compared, per format:
- HTML: every tag as written (its raw text, with the values of the attributes read as prose blanked and
  line breaks of any kind alike),
  comments, declarations, and the text of code, pre, script and style;
- Markdown: markdown-it-py's tokens (types, tags, nesting, markup, info, link targets) and the content of
  code and HTML tokens;
- MDX: the same tokens of the Markdown MDX reads (lint.formats.mdx's view: JSX, expressions and ESM blanked
  or stood in for), each JSX element, expression and ESM block as written, and, read off the text apart
  from the reader, the names of the components in order and every fenced code block;
- reST: docutils' doctree (node classes and their attributes, literal blocks' text), warnings included;
- PO: polib loads it, and the msgids, contexts and plural ids are byte-identical;
- XLIFF: lxml loads it, and every source element is byte-identical;
- JSON/YAML: it loads, with the same keys;
- SRT/VTT: the same cue count and timings.
Beside the structure: every pass changes the text by edits of the findings reported on the text it
started from and by nothing else, and a second run changes nothing.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lint import formats
from lint.config import Config
from lint.engine import FixPass, Linter
from lint.model import Source

_PROSE_ATTRIBUTE = re.compile(r"""(?<![\w-])(alt|title)\s*=\s*("[^"]*"|'[^']*')""", re.IGNORECASE)
_VERBATIM = {"script", "style", "pre", "code", "textarea"}


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def html_tags(text: str) -> list[tuple[str, str]]:
    """Tags exactly as written (prose attributes blanked), comments, declarations, and verbatim text."""
    from html.parser import HTMLParser

    out: list[tuple[str, str]] = []
    open_verbatim: list[str] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag: str, attrs: Any) -> None:
            # A line break between attributes is whitespace to HTML, of whatever kind (W106 unifies them).
            raw = _lf(self.get_starttag_text() or "")
            out.append(("tag", _PROSE_ATTRIBUTE.sub(r"\1=", raw)))
            if tag in _VERBATIM:
                open_verbatim.append(tag)

        def handle_endtag(self, tag: str) -> None:
            out.append(("end", tag))
            if open_verbatim and open_verbatim[-1] == tag:
                open_verbatim.pop()

        def handle_data(self, data: str) -> None:
            if open_verbatim or self.cdata_elem:
                out.append(("verbatim", _lf(data)))

        def handle_comment(self, data: str) -> None:
            out.append(("comment", _lf(data)))

        def handle_decl(self, decl: str) -> None:
            out.append(("decl", decl))

    parser = Tags(convert_charrefs=True)
    parser.feed(text)
    parser.close()
    merged: list[tuple[str, str]] = []
    for kind, value in out:
        if kind == "verbatim" and merged and merged[-1][0] == "verbatim":
            merged[-1] = ("verbatim", merged[-1][1] + value)
        else:
            merged.append((kind, value))
    return merged


def markdown_tokens(text: str) -> list[tuple[Any, ...]]:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    return _token_signature(md.parse(text), {"code_inline", "code_block", "fence", "html_block", "html_inline"})


def _token_signature(tokens: list[Any], code: set[str]) -> list[tuple[Any, ...]]:
    """markdown-it's tokens without the prose (text and soft breaks), in order, children after their
    parent: each token's type, tag, nesting, markup, info and attributes, and the content of ``code`` ones."""
    out: list[tuple[Any, ...]] = []

    def add(tokens: list[Any]) -> None:
        for t in tokens:
            if t.type in ("text", "softbreak"):
                continue
            # A block's last line break is the file's (W104 adds one at the end), not the block's content.
            content = _lf(t.content).rstrip("\n") if t.type in code else None
            out.append((t.type, t.tag, t.nesting, t.markup, t.info, tuple(sorted((t.attrs or {}).items())), content))
            if t.children:
                add(t.children)

    add(tokens)
    return out


def mdx_tokens(text: str) -> tuple[Any, ...]:
    from markdown_it import MarkdownIt

    from lint.formats.mdx import mdx_view

    view = mdx_view(text)
    md = MarkdownIt("commonmark").disable(["code", "html_block", "autolink"]).enable(["table", "strikethrough"])
    out = _token_signature(md.parse(view.view), {"code_inline", "fence", "html_inline"})
    markup = [_lf(text[s:e]) for s, e in view.markup]
    return tuple(out), tuple(markup), tuple(_COMPONENT.findall(text)), tuple(fenced_code(text))


_COMPONENT = re.compile(r"</?([A-Z][\w.]*)")
_FENCE_OPEN = re.compile(r"[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*(`{3,}(?=[^`\n]*$)|~{3,})")  # on a list item's line too


def fenced_code(text: str) -> list[str]:
    """The fenced code blocks of an MDX text (a fence at any indent: MDX has no indented code), read line by
    line apart from any Markdown parser: a fix must not edit one, whatever the reader made of it."""
    blocks: list[str] = []
    lines = _lf(text).split("\n")
    k = 0
    while k < len(lines):
        m = _FENCE_OPEN.match(lines[k])
        k += 1
        if m is None:
            continue
        marker = m.group(1)
        body = []
        while k < len(lines) and not (lines[k].strip().startswith(marker) and not lines[k].strip().strip(marker[0])):
            body.append(lines[k])
            k += 1
        k += 1
        blocks.append("\n".join(body))
    return blocks


def rst_doctree(text: str) -> list[tuple[Any, ...]]:
    import docutils.core
    import docutils.nodes

    settings = {"report_level": 5, "halt_level": 5, "warning_stream": False, "file_insertion_enabled": False,
                "raw_enabled": False, "_disable_config": True}
    tree = docutils.core.publish_doctree(text, settings_overrides=settings)
    out: list[tuple[Any, ...]] = []
    for node in tree.findall():
        if isinstance(node, docutils.nodes.Text):
            continue
        if any(isinstance(p, docutils.nodes.system_message) for p in _ancestors(node)):
            continue  # an error report quotes the source, prose included; its level is compared
        keys = ("refuri", "refname", "classes") if isinstance(node, (docutils.nodes.section, docutils.nodes.document)) \
            else ("refuri", "refname", "names", "classes")
        # A section's (or a titled document's) names are its title's words, prose a fix may correct.
        attrs = {k: v for k, v in node.attributes.items() if k in keys}
        if isinstance(node, docutils.nodes.system_message):
            attrs["level"] = node["level"]
        literal = node.astext() if isinstance(node, (docutils.nodes.literal_block, docutils.nodes.literal)) else None
        out.append((type(node).__name__, repr(sorted(attrs.items())), literal))
    return out


def rst_is_valid(text: str) -> bool:
    """Whether docutils reads the text without a warning: valid reST, for which our reader and docutils
    agree on what is prose. (Malformed reST, such as a block quote that ends without a blank line, is a
    known gap: there the two can disagree on where a paragraph ends.)"""
    import docutils.core
    import docutils.nodes

    settings = {"report_level": 5, "halt_level": 5, "warning_stream": False, "file_insertion_enabled": False,
                "raw_enabled": False, "_disable_config": True}
    tree = docutils.core.publish_doctree(text, settings_overrides=settings)
    return not any(m["level"] >= 2 for m in tree.findall(docutils.nodes.system_message))


def _ancestors(node: Any) -> Any:
    while node.parent is not None:
        node = node.parent
        yield node


def po_ids(text: str) -> list[tuple[Any, ...]]:
    import polib

    return [(e.msgctxt, e.msgid, e.msgid_plural, e.obsolete) for e in polib.pofile(text)]


def xliff_sources(text: str) -> list[bytes]:
    from lxml import etree

    root = etree.fromstring(text.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    return [etree.tostring(el) for el in root.iter() if isinstance(el.tag, str) and el.tag.endswith("source")]


def _keys(value: Any, path: str = "") -> list[str]:
    if isinstance(value, dict):
        return [k for key, v in value.items() for k in [f"{path}/{key}", *_keys(v, f"{path}/{key}")]]
    if isinstance(value, list):
        return [k for i, v in enumerate(value) for k in _keys(v, f"{path}[{i}]")]
    return []


def json_keys(text: str) -> list[str]:
    return _keys(json.loads(text))


def yaml_keys(text: str) -> list[str]:
    import yaml

    return _keys(yaml.safe_load(text))


def cue_timings(text: str) -> list[str]:
    return [line.strip() for line in re.findall(r"^[^\r\n]*-->[^\r\n]*$", text, re.MULTILINE)]


STRUCTURE = {
    "html": html_tags, "markdown": markdown_tokens, "mdx": mdx_tokens, "rst": rst_doctree, "po": po_ids, "xliff": xliff_sources,
    "i18n-json": json_keys, "i18n-yaml": yaml_keys, "srt": cue_timings, "vtt": cue_timings,
}


@dataclass
class Tally:
    """What a run over many documents did, and what broke."""

    files: int = 0
    malformed: int = 0  # generated reST that docutils warns about: not checked (see rst_is_valid)
    changed: int = 0
    fixes: int = 0
    checks: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.files += other.files
        self.malformed += other.malformed
        self.changed += other.changed
        self.fixes += other.fixes
        self.checks += other.checks
        self.failures.extend(other.failures)


def reported_edits(linter: Linter, config: Config, path: str, text: str) -> set[tuple[int, int, str]]:
    """The edits of every fix offered by the findings reported on ``text`` (what `check --format json`
    shows)."""
    return {(e.start, e.end, e.replacement) for f in linter.findings(Source(path, text), config)
            if f.fix is not None for e in f.fix.edits}


def changed_outside_edits(step: FixPass, after: str, reported: set[tuple[int, int, str]]) -> str | None:
    """Whether a pass changed the text by anything but ``reported``, the edits of the findings reported on
    the text it started from: every edit it applied must be one of those, they must not overlap, and
    splicing them into the text must give exactly what the pass wrote. None when so."""
    applied = sorted((e.start, e.end, e.replacement) for e in step.edits)
    for edit in applied:
        if edit not in reported:
            return f"applied {edit!r}, which no reported finding's fix holds"
    out, pos = [], 0
    for start, end, replacement in applied:
        if start < pos:
            return f"overlapping edits at {start}"
        out += [step.text[pos:start], replacement]
        pos = end
    out.append(step.text[pos:])
    if "".join(out) != after:
        return "the text written is not the text with the applied edits"
    return None


def check_fixes(path: str, text: str, config: Config | None = None, linter: Linter | None = None) -> Tally:
    """Fix ``text`` as the file ``path``, safe then unsafe, and check every invariant; the failures name
    the file, the mode and what changed."""
    config = config or Config()
    linter = linter or Linter()
    fmt = formats.format_of(path, config.formats)
    tally = Tally(files=1)
    # The safe and the unsafe run start from the same text and often end at the same one: each text's
    # structure and reported edits are computed once (docutils' doctree is most of the cost on reST).
    structures: dict[str, Any] = {}
    reported: dict[str, set[tuple[int, int, str]]] = {}

    def structure(of: str) -> Any:
        if of not in structures:
            structures[of] = STRUCTURE[fmt](of)
        return structures[of]

    for unsafe in (False, True):
        mode = "unsafe" if unsafe else "safe"
        log: list[FixPass] = []
        try:
            fixed, _, applied = linter.fix(Source(path, text), config, unsafe, log=log)
        except formats.ParseError:
            return tally  # a file its own reader rejects is reported, never fixed
        if fixed == text:
            continue
        tally.changed += 1
        tally.fixes += applied
        if fmt in STRUCTURE:
            tally.checks += 1
            try:
                same = structure(text) == structure(fixed)
            except Exception as exc:  # the format's own parser rejects the fixed file
                same, exc_text = False, f"{type(exc).__name__}: {exc}"
            else:
                exc_text = ""
            if not same:
                tally.failures.append(f"{path} ({mode}): structure changed {exc_text}".rstrip())
        for i, step in enumerate(log):
            after = log[i + 1].text if i + 1 < len(log) else fixed
            tally.checks += 1
            if step.text not in reported:
                reported[step.text] = reported_edits(linter, config, path, step.text)
            where = changed_outside_edits(step, after, reported[step.text])
            if where:
                tally.failures.append(f"{path} ({mode}, pass {i + 1}): {where}")
        tally.checks += 1
        again, _, _ = linter.fix(Source(path, fixed), config, unsafe)
        if again != fixed:
            tally.failures.append(f"{path} ({mode}): a second run changed it again")
    return tally


def real_files(root: Path) -> Iterator[tuple[str, str]]:
    """Every file under ``root`` as (path, text): gzipped pages decompressed, JSON read as an i18n
    catalogue (its strings are prose), anything else by its extension or as plain text."""
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        name = str(path)
        if name.endswith(".gz"):
            data, name = gzip.decompress(data), name[:-3]
            if not Path(name).suffix:
                name += ".html"
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            continue
        yield name, text


JSON_AS_CATALOGUE = Config(formats={"*.json": "i18n-json"})
