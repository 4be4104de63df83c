"""Hostile documents, per format, and the invariants every one must keep (tests/test_hostile.py runs a
few hundred with a fixed seed; bench/hostile.py runs 10,000 per format).

A document is a valid skeleton of its format (headings, lists, code, tags, entries, cues) whose prose
slots are filled with what scraping and machine translation bring: line and paragraph separators
(U+2028, U+0085, form feeds, lone CRs), BOMs and zero-width characters, bidi controls, combining marks,
astral characters, mojibake, entities, runs of quotes, brackets and backticks, markup fragments,
template placeholders, escapes, odd URLs (`www.[x`, full-width punctuation). A third of them are then
mutated a few characters at random, so that some no longer parse.

Invariants (``failures``): a document either parses or is refused with ``ParseError``; then
- no exception from reading, checking or fixing;
- every finding and every edit lies inside the text (0 <= start <= end <= len);
- findings sit on the characters they claim: a prose rule's finding is not wholly inside a protected
  range (code, a tag, a msgid) that no segment maps to;
- fixes: every pass the fix loop keeps (``Linter.fix``'s log) applies only edits of findings reported
  on the text it started from, none of which ``lint.invariants.touches_markup`` refuses; the fixed
  text parses again, keeps the format's structure as copylint reads it (``lint.invariants.structure``),
  and fixing it again changes nothing (idempotent). Differences as the format's own parser reads it
  (tests/structure.py) are counted apart (``Tally.own_parser_differences``).
"""

from __future__ import annotations

import bisect
import json
import random
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from lint import formats, invariants, registry
from lint.config import Config
from lint.engine import FixPass, Linter
from lint.fix import apply_edits
from lint.model import Applicability, Document, Finding, Fix, Source
from tests.structure import STRUCTURE

PIECES = (
    "Hello  world.", "Café au lait", "Ã©tÃ© mojibake", "\u2028", "\u2029", "\u0085", "\f", "\v", "\r", "\r\n",
    "\t", "\ufeff", "\u200b", "\u200d", "\u202e", "\u2066", "e\u0301", "\U0001f600", "\U0001d518", "&amp;",
    "&#x1F600;", "&nbsp;", '"', "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb", "'", "\u2019", "(", ")",
    "[", "]", "{", "}", "`", "``", "*", "_", "~", "<b>", "</i>", "<!-- x -->", "%s", "{0}", "%(name)s",
    "{{x}}", "\\", "\\x", "\\n", "www.[x", "http://[::1", "www.example.org\uff1f", "example.org\u3002",
    "user@example.com", "...", "\u2026", " ,", " .", "  ", "\u00c2\u00c2", "Kiev", "Home | About",
    "Read more \u00bb", "Photo: AFP", "ALL CAPS TITLE", "\x7f", "\x1b[31m", "\U0010fffd", "\u00a0",
    "\u3000", "\uff01", "!!", "??", "?!", ":", ";", "\u2014", "-", "#", "|", ">", "1.", "http://x.y/a_(b)",
    "The end.", "and and", "Mr. Smith", "e.g.", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "\u65e5\u672c\u8a9e",
)
WORDS = ("the", "report", "said", "Kyiv", "markets", "rose", "again", "today", "in", "a", "new", "study")


def prose(rng: random.Random, pieces: int = 8) -> str:
    out = []
    for _ in range(rng.randint(1, pieces)):
        if rng.random() < 0.5:
            out.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 6))))
        else:
            out.append(rng.choice(PIECES))
        out.append(rng.choice((" ", " ", "", ". ", ", ")))
    return "".join(out).replace("\n", " ").replace("\r", " ") if rng.random() < 0.5 else "".join(out)


def line(rng: random.Random) -> str:
    """Prose without line breaks (for slots a break would end)."""
    return "".join(c if c not in "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029" else " " for c in prose(rng))


def _text(rng: random.Random) -> str:
    return rng.choice(("\n\n", "\r\n\r\n", "\n", "\n\n\n\n")).join(prose(rng) for _ in range(rng.randint(1, 6)))


def _markdown(rng: random.Random) -> str:
    blocks = []
    if rng.random() < 0.2:
        blocks.append(f"---\ntitle: {json.dumps(line(rng), ensure_ascii=False)}\n---")
    for _ in range(rng.randint(1, 7)):
        kind = rng.randrange(10)
        p = line(rng)
        blocks.append((
            f"# {p}", f"{prose(rng)}", f"- {p}\n- {line(rng)}", f"> {p}", f"```\n{p}\n```", f"    {p}",
            f"A [{p}](http://example.com/{rng.randrange(99)}) and `{line(rng)}` here.",
            f"| a | b |\n|---|---|\n| {p} | {line(rng)} |", f"{p}  \n{line(rng)}", f"![{p}](img.png) <b>{p}</b>",
        )[kind])
    return "\n\n".join(blocks) + rng.choice(("\n", "", "\r\n"))


def _rst(rng: random.Random) -> str:
    blocks = []
    for _ in range(rng.randint(1, 6)):
        p = line(rng)
        kind = rng.randrange(6)
        blocks.append((
            f"{p}\n{'=' * max(len(p), 1)}", prose(rng), f".. note::\n\n   {p}", f"::\n\n    {p}",
            f"A ``{line(rng)}`` and `link <http://example.com>`_ {p}", f"- {p}\n- {line(rng)}",
        )[kind])
    return "\n\n".join(blocks) + "\n"


def _html(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 6)):
        p = prose(rng)
        kind = rng.randrange(7)
        parts.append((
            f"<p>{p}</p>", f"<h1>{line(rng)}</h1>", f"<pre>{p}</pre>", f"<script>var a = '{line(rng)}';</script>",
            f'<a href="/caf\u00c3\u00a9/{rng.randrange(9)}" title="{line(rng)}">{p}</a>',
            f'<img alt="{line(rng)}" src="x.png">', f"<ul><li>{p}</li><li>{line(rng)}</li></ul>",
        )[kind])
    return "<!DOCTYPE html>\n<html><body>\n" + "\n".join(parts) + "\n</body></html>\n"


def _po_string(s: str, rng: random.Random) -> str:
    if rng.random() < 0.9:
        s = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{s}"'


def _po(rng: random.Random) -> str:
    out = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', '"Language: fr\\n"', ""]
    for i in range(rng.randint(1, 6)):
        if rng.random() < 0.2:
            out.append("#, fuzzy")
        if rng.random() < 0.2:
            out.append("# copylint: disable=W105")
        out.append(f"msgid {_po_string(prose(rng) + str(i), rng)}")
        if rng.random() < 0.2:
            out.append(f"msgid_plural {_po_string(line(rng) + str(i), rng)}")
            out.append(f"msgstr[0] {_po_string(prose(rng), rng)}")
            out.append(f"msgstr[1] {_po_string(prose(rng), rng)}")
        else:
            out.append(f"msgstr {_po_string(prose(rng), rng)}")
            if rng.random() < 0.3:
                out.append(_po_string(line(rng), rng))
        out.append("")
    return "\n".join(out)


def _xml(s: str, rng: random.Random) -> str:
    s = "".join(c for c in s if c in "\t\n\r" or (" " <= c and c not in "\ufffe\uffff" and not "\x7f" <= c <= "\x9f"))
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") if rng.random() < 0.9 else s


def _xliff(rng: random.Random) -> str:
    units = []
    for i in range(rng.randint(1, 5)):
        inline = '<g id="1">' + _xml(line(rng), rng) + "</g>" if rng.random() < 0.3 else ""
        units.append(f'<trans-unit id="{i}"><source>{_xml(prose(rng), rng)}{inline}</source>'
                     f"<target>{_xml(prose(rng), rng)}{inline}</target></trans-unit>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
            '<file source-language="en" target-language="fr" datatype="plaintext" original="x"><body>\n'
            + "\n".join(units) + "\n</body></file></xliff>\n")


def _json(rng: random.Random) -> str:
    data: dict[str, object] = {}
    for i in range(rng.randint(1, 6)):
        data[f"key{i}"] = prose(rng) if rng.random() < 0.7 else {"inner": prose(rng), "n": i}
    return json.dumps(data, ensure_ascii=rng.random() < 0.2, indent=rng.choice((None, 2))) + "\n"


def _yaml(rng: random.Random) -> str:
    out = []
    for i in range(rng.randint(1, 6)):
        p = prose(rng)
        style = rng.randrange(4)
        if style == 0:
            out.append(f"key{i}: {json.dumps(p, ensure_ascii=False)}")
        elif style == 1:
            out.append(f"key{i}: '{line(rng).replace(chr(39), chr(39) * 2)}'")
        elif style == 2:
            out.append(f"key{i}: |\n  {line(rng)}\n  {line(rng)}")
        else:
            out.append(f"key{i}: {line(rng)}")
    return "\n".join(out) + "\n"


def _srt(rng: random.Random) -> str:
    cues = []
    for i in range(rng.randint(1, 5)):
        cues.append(f"{i + 1}\n00:00:{i:02d},000 --> 00:00:{i:02d},900\n{line(rng)}\n{line(rng)}")
    return "\n\n".join(cues) + "\n"


def _vtt(rng: random.Random) -> str:
    cues = [f"00:00:{i:02d}.000 --> 00:00:{i:02d}.900\n{line(rng)}" for i in range(rng.randint(1, 5))]
    return "WEBVTT\n\n" + "\n\n".join(cues) + "\n"


@dataclass(frozen=True)
class Kind:
    path: str
    make: Callable[[random.Random], str]


KINDS: dict[str, Kind] = {
    "text": Kind("a.txt", _text), "markdown": Kind("a.md", _markdown), "rst": Kind("a.rst", _rst),
    "html": Kind("a.html", _html), "po": Kind("a.po", _po), "xliff": Kind("a.xlf", _xliff),
    "i18n-json": Kind("a.json", _json), "i18n-yaml": Kind("a.yaml", _yaml), "srt": Kind("a.srt", _srt),
    "vtt": Kind("a.vtt", _vtt),
}
CONFIG = Config(formats={"*.json": "i18n-json", "*.yaml": "i18n-yaml"})


def mutate(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 3)):
        at = rng.randint(0, len(text))
        op = rng.randrange(3)
        if op == 0:
            text = text[:at] + rng.choice(PIECES) + text[at:]
        elif op == 1:
            text = text[:at] + text[at + rng.randint(1, 4):]
        else:
            text = text[:at] + text[at:at + 8] + text[at:]
    return text


def documents(fmt: str, seed: int, count: int) -> Iterator[str]:
    rng = random.Random(f"{fmt}:{seed}")
    make = KINDS[fmt].make
    for _ in range(count):
        text = make(rng)
        yield mutate(text, rng) if rng.random() < 0.33 else text


@dataclass
class Tally:
    documents: int = 0
    refused: int = 0  # ParseError: the format's reader rejects it, with a message and a line
    findings: int = 0
    fixed: int = 0  # documents a fix changed
    exceptions: int = 0
    invariant_failures: int = 0
    examples: list[tuple[str, str, str]] = field(default_factory=list)  # (check, message, document)
    # Fixed documents whose structure differs as the format's own parser reads it (tests/structure.py,
    # issue 13's independent check), counted apart from the invariants above: that check also compares
    # what follows from the prose (a reST section's name is its title's text), so a fixed heading
    # differs there; these are for a person to read, not a pass/fail.
    own_parser_differences: int = 0
    own_parser_examples: list[str] = field(default_factory=list)

    def fail(self, check: str, message: str, text: str, exception: bool = False) -> None:
        if exception:
            self.exceptions += 1
        else:
            self.invariant_failures += 1
        if len(self.examples) < 20:
            self.examples.append((check, message, text))


_SCOPES: dict[str, str] = {}


def _scope(code: str) -> str:
    if code not in _SCOPES:
        rule = registry.rule_by_name(code)
        _SCOPES[code] = rule.scope if rule is not None else "prose"
    return _SCOPES[code]


def _inside(doc: Document, f: Finding) -> bool:
    n = len(doc.text)
    if not 0 <= f.start <= f.end <= n:
        return False
    return f.fix is None or all(0 <= e.start <= e.end <= n for e in f.fix.edits)


def _segment_spans(doc: Document) -> list[tuple[int, int]]:
    """Where in the source each segment lies, from its first character to its last (opaque ones,
    entities and escapes, included)."""
    memo = doc.memo.get("hostile_segment_spans")
    if memo is None:
        memo = []
        for a, b in sorted((seg.to_source(0), seg.to_source_end(len(seg.text))) for seg in doc.segments if seg.text):
            if memo and a <= memo[-1][1]:  # merged: an attribute's segment lies inside its paragraph's
                memo[-1] = (memo[-1][0], max(memo[-1][1], b))
            else:
                memo.append((a, b))
        doc.memo["hostile_segment_spans"] = memo
    return memo  # type: ignore[no-any-return]


def _on_its_characters(doc: Document, f: Finding) -> bool:
    """A prose rule's finding is on characters some segment stands for: not wholly inside a protected
    range (code, a tag, a msgid) that no segment covers."""
    if _scope(f.code) != "prose" or not doc.protected or f.start == f.end:
        return True
    spans = _segment_spans(doc)
    pos = f.start
    while pos < f.end:
        if not doc.is_protected(pos):
            return True
        k = bisect.bisect_right(spans, (pos, float("inf"))) - 1
        if k >= 0 and spans[k][0] <= pos < spans[k][1]:
            return True
        pos += 1
    return False


def check(linter: Linter, fmt: str, text: str, tally: Tally) -> None:
    """Runs one document through reading, checking and fixing; counts it in ``tally``."""
    path = KINDS[fmt].path
    tally.documents += 1
    stage = "read"
    try:
        source = Source(path, text)
        try:
            doc = linter.document(source, CONFIG)
        except formats.ParseError:
            tally.refused += 1
            return
        stage = "check"
        found = linter.findings(Source(path, text), CONFIG)
        tally.findings += len(found)
        for f in found:
            if not _inside(doc, f):
                tally.fail("offsets inside the text", f"{f.code} {f.start}-{f.end} of {len(text)}", text)
            elif not _on_its_characters(doc, f):
                tally.fail("finding on its characters", f"{f.code} {f.start}-{f.end} {text[f.start:f.end]!r}", text)
        stage = "fix"
        log: list[FixPass] = []
        fixed, _, _ = linter.fix(Source(path, text), CONFIG, log=log)
        if fixed == text:
            return
        tally.fixed += 1
        stage = "edits of the fix"
        current = text
        for step in log:  # each kept pass: from the text the previous one made, by reported edits only
            if step.text != current:
                tally.fail("passes follow each other", "a pass started from another text", text)
                break
            doc_before = linter.document(Source(path, current), CONFIG)
            reported = {(e.start, e.end, e.replacement) for f in linter.findings(Source(path, current), CONFIG)
                        if f.fix is not None for e in f.fix.edits}
            stray = [e for e in step.edits if (e.start, e.end, e.replacement) not in reported]
            if stray:
                tally.fail("no byte changed outside reported edits", repr(stray[:3]), text)
            if invariants.touches_markup(doc_before, Fix(tuple(step.edits), Applicability.SAFE)):
                tally.fail("only prose changed", repr(step.edits[:3]), text)
            current = apply_edits(current, step.edits)
        if current != fixed:
            tally.fail("the fixed text is what the reported edits make", "", text)
        stage = "re-read the fixed text"
        try:
            after = linter.document(Source(path, fixed), CONFIG)
        except formats.ParseError as exc:
            tally.fail("fixed text parses", str(exc), text)
            return
        stage = "structure"
        if not invariants.structure_kept(doc, after):
            tally.fail("structure kept", "the fix changed the format's structure", text)
        independent = STRUCTURE.get(fmt)
        if independent is not None:
            try:
                shape = independent(text)
            except Exception:
                shape = None  # the format's own parser does not read the original either: nothing to keep
            if shape is not None:
                try:
                    kept = independent(fixed) == shape
                except Exception:
                    kept = False
                if not kept:  # counted apart: see Tally.own_parser_differences
                    tally.own_parser_differences += 1
                    if len(tally.own_parser_examples) < 5:
                        tally.own_parser_examples.append(text)
        stage = "fix again"
        again, _, _ = linter.fix(Source(path, fixed), CONFIG)
        if again != fixed:
            tally.fail("idempotent", f"{len(fixed)} -> {len(again)} characters", text)
    except Exception as exc:  # counted: the invariant is that this never happens
        tally.fail(f"no exception ({stage})", "".join(traceback.format_exception_only(type(exc), exc)).strip(),
                   text, exception=True)
