"""Generated documents of every format, full of the artefacts copylint fixes, placed where fixes are most
dangerous: inside markup (emphasis, links, list items, directives, tags, attributes), next to code, in
catalogue keys and sources. Hypothesis strategies: tests/test_invariants.py draws a few hundred,
bench/invariants.py 10,000 per format.
"""

from __future__ import annotations

import json

from hypothesis import strategies as st

# Prose with the defects the rules fix, and furniture lines (a fix deletes those).
SENTENCES = (
    "The plane crashed near the border on Wednesday.",
    "Officials said 74 people were on board.",
    "Prices rose  sharply in March , analysts said.",
    "The minister resigned after the vote.The talks resumed.",
    "He said the the plan was fair.",
    "Exporters of fruit &amp; wine lost millions… The port reopened.",
    "The caf\u00c3\u00a9 near the terminal was closed.",
    "She said: \u201cWe will stay.",
    "It's a \"fair\" deal, he said.",
    "One of these cities The most violent attacks On the border.",
    "A zero\u200bwidth space and a control\x7f character.",
    "Prices fell，analysts said。",
    "Text with a trailing space. ",
    "Video playback is now supported.",
    "Photo: Getty Images",
)
FURNITURE = ("Advertisement", "Share this article", "Read more: the full story", "Related", "Sign up for our newsletter",
             "\u00a9 THE INTERCEPT", "12 comments", "Skip to content", "Print", "Share")
LABELS = (" date 2024-01-24 ", "Updated 2026-03-14 09:12 ", "")

sentence = st.sampled_from(SENTENCES)
furniture = st.sampled_from(FURNITURE)
words = st.one_of(sentence, furniture)
line_ending = st.sampled_from(["\n", "\r\n", "\r"])
spaces = st.sampled_from(["", " ", "  ", "   ", "\t"])


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    parts = draw(st.lists(words, min_size=1, max_size=4))
    joiner = draw(st.sampled_from([" ", "\n", "  "]))
    return draw(st.sampled_from(LABELS)) + joiner.join(parts) + draw(spaces)


def _joined(draw: st.DrawFn, blocks: list[str], min_breaks: int = 1) -> str:
    """Blocks joined by line breaks (``min_breaks`` or more: a run of blank lines too), with one line ending
    or a mix of them."""
    eol = draw(line_ending)
    mixed = draw(st.booleans())
    out = []
    for block in blocks:
        out.append(block.replace("\n", draw(line_ending) if mixed else eol))
        out.append(eol * draw(st.integers(min_breaks, 4)))
    text = draw(st.sampled_from(["", " ", "\n\n"])) + "".join(out)
    return text if draw(st.booleans()) else text.rstrip("\r\n ")


@st.composite
def text_document(draw: st.DrawFn) -> str:
    return _joined(draw, draw(st.lists(paragraph(), min_size=1, max_size=6)))


@st.composite
def markdown_block(draw: st.DrawFn) -> str:
    w, f = draw(words), draw(furniture)
    return draw(st.sampled_from([
        f"# {w}", f"## {f}", draw(paragraph()), f"**{f}**", f"*{w}*", f"[{f}](https://example.org/a b)",
        f"[{w}](https://example.org/x)", f"- {f}\n- {w}", f"1. {w}\n2. {f}", f"> {w}\n> {f}",
        f"```\n{w}  \n{f}\n```", f"    {w}\n    {f}", f"Text with `{w}  x` code.", f"<span>{f}</span> and {w}",
        f"<div>\n{w}\n</div>", f"![{f}](image.png)", f"| {f} | {w} |\n|---|---|\n| a  b | {f} |",
        f"{w}   \n{f}", f"{w}  \nnext line", f"---\ntitle: {w}\n---", f"{w} {{{{ user.name }}}} {f}",
        f"{w}\n\n{f}", f"Term {w}\n: {f}", f"{w} <!-- {f} -->",
    ]))


@st.composite
def markdown_document(draw: st.DrawFn) -> str:
    return _joined(draw, draw(st.lists(markdown_block(), min_size=1, max_size=6)))


@st.composite
def rst_block(draw: st.DrawFn) -> str:
    w, f = draw(words), draw(furniture)
    underline = "=" * (len(w) + draw(st.integers(0, 3)))
    return draw(st.sampled_from([
        draw(paragraph()), f"{w}\n{underline}", f".. note::\n\n   {w}\n   {f}", f".. seealso::\n\n   {f}",
        f".. versionchanged:: 3.2\n   {f}", f"{w} ::\n\n    {f}  \n    {w}", f"Example::\n\n   {w}",
        f"* {f}\n* {w}", f"#. {w}\n#. {f}", f"1. {f}\n2. {w}", f"{w} :func:`{f}` and ``{w}``.",
        f"See `{f} <https://example.org/>`_ now.", f".. code-block:: text\n\n   {w}  \n   {f}",
        f"{w}\n\n   {f}", f".. {f}", f":field: {w}", f"**{f}**", f"{f}_", f"| {w}\n| {f}",
    ]))


@st.composite
def rst_document(draw: st.DrawFn) -> str:
    # reST separates blocks by a blank line; without one a directive's body is another block's text (our
    # reader and docutils then disagree on what is prose: a known gap, not what these documents test).
    return _joined(draw, draw(st.lists(rst_block(), min_size=1, max_size=6)), min_breaks=2)


@st.composite
def html_document(draw: st.DrawFn) -> str:
    def element() -> str:
        w, f = draw(words), draw(furniture)
        return draw(st.sampled_from([
            f"<p>{w}</p>", f"<p>{f}</p>", f"<p>{w}\n{f}</p>", f"<p><a href=\"/caf\u00c3\u00a9/{f}\">{f}</a></p>",
            f"<li>{f}</li>", f"<h2>{w}</h2>", f"<p><strong>{f}</strong> {w}</p>", f"<pre>{w}\n  {f}</pre>",
            f"<script>var s = \"{w}  {f}\";</script>", f"<style>/* {f} */ p {{ margin: 0 }}</style>",
            f"<p>{w} <code>{f}  x</code></p>", f"<img alt=\"{w}\" src=\"a.png\">", f"<p title=\"{f} \">{w}</p>",
            f"<!-- {f} -->", f"<div>{w}<br>{f}</div>", f"<p>{w} &nbsp; {f} &amp;amp;</p>",
            f"<td>{f}</td>", f"<blockquote>{w}</blockquote>", f"<p>{w}<span>{f}</span></p>",
        ]))

    body = draw(st.sampled_from(["\n", "\r\n", ""])).join(element() for _ in range(draw(st.integers(1, 6))))
    return draw(st.sampled_from(["", "<!DOCTYPE html>\n<html><body>\n"])) + body + draw(spaces) + "\n"


def _po_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


@st.composite
def po_document(draw: st.DrawFn) -> str:
    entries = ['msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n']
    for i in range(draw(st.integers(1, 6))):
        source, target = draw(words), draw(words)
        kind = draw(st.sampled_from(["plain", "context", "plural", "fuzzy", "obsolete", "comment", "wrapped"]))
        if kind == "context":
            entries.append(f"msgctxt {_po_string(draw(furniture))}\nmsgid {_po_string(source)}\nmsgstr {_po_string(target)}\n")
        elif kind == "plural":
            entries.append(f"msgid {_po_string(source)}\nmsgid_plural {_po_string(source + '  s')}\n"
                           f"msgstr[0] {_po_string(target)}\nmsgstr[1] {_po_string(target + '  ')}\n")
        elif kind == "fuzzy":
            entries.append(f"#, fuzzy\nmsgid {_po_string(source)}\nmsgstr {_po_string(target)}\n")
        elif kind == "obsolete":
            entries.append(f"#~ msgid {_po_string(source)}\n#~ msgstr {_po_string(target)}\n")
        elif kind == "comment":
            entries.append(f"#. {draw(furniture)}  \n#: src/a.py:{i}\nmsgid {_po_string(source)}\nmsgstr {_po_string(target)}\n")
        elif kind == "wrapped":
            entries.append(f'msgid ""\n{_po_string(source)}\n{_po_string(" " + draw(furniture))}\n'
                           f'msgstr ""\n{_po_string(target + " ")}\n{_po_string(draw(furniture))}\n')
        else:
            entries.append(f"msgid {_po_string(source)}\nmsgstr {_po_string(target)}\n")
    # Keep msgids unique, as gettext requires: a duplicate is another entry's key.
    seen: set[str] = set()
    unique = [e for e in entries if not (e in seen or seen.add(e))]  # type: ignore[func-returns-value]
    return "\n".join(unique)


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@st.composite
def xliff_document(draw: st.DrawFn) -> str:
    units = []
    for i in range(draw(st.integers(1, 5))):
        source, target = _xml(draw(words)), _xml(draw(words))
        code = draw(st.sampled_from(["", '<ph id="1"/>', '<g id="2">x</g>']))
        units.append(f'<trans-unit id="u{i}"><source>{source}{code}</source>'
                     f'<target>{target}{code}</target></trans-unit>')
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    body = eol.join(units)
    return ('<?xml version="1.0" encoding="UTF-8"?>' + eol
            + '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">' + eol
            + '<file source-language="en" target-language="en" datatype="plaintext" original="a"><body>'
            + eol + body + eol + "</body></file></xliff>" + eol)


@st.composite
def json_document(draw: st.DrawFn) -> str:
    def value(depth: int) -> object:
        if depth > 2 or draw(st.booleans()):
            return draw(st.one_of(words, st.integers(0, 9), st.booleans()))
        return {f"{draw(furniture)} {i}": value(depth + 1) for i in range(draw(st.integers(1, 4)))}

    data = {f"key{i}": value(0) for i in range(draw(st.integers(1, 4)))}
    return json.dumps(data, ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from([None, 2])))


@st.composite
def yaml_document(draw: st.DrawFn) -> str:
    lines = ["en:"]
    for i in range(draw(st.integers(1, 6))):
        w = draw(words).replace("\x7f", "").replace("\u200b", "")
        style = draw(st.sampled_from(["plain", "single", "double", "literal"]))
        if style == "single":
            lines.append(f"  k{i}: '{w.replace(chr(39), chr(39) * 2)}'")
        elif style == "double":
            lines.append(f"  k{i}: {json.dumps(w)}")
        elif style == "literal":
            lines.append(f"  k{i}: |\n    {w}\n    {draw(furniture)}")
        elif w and not any(c in w for c in ":#'\"&*!|>%@`{}[],") and not w.startswith((" ", "-", "?")):
            lines.append(f"  k{i}: {w.strip()}")
        else:
            lines.append(f"  k{i}: {json.dumps(w)}")
    return "\n".join(lines) + "\n"


@st.composite
def subtitle_document(draw: st.DrawFn, vtt: bool = False) -> str:
    cues = []
    for i in range(draw(st.integers(1, 5))):
        timing = f"00:00:{i:02d}{'.' if vtt else ','}000 --> 00:00:{i:02d}{'.' if vtt else ','}900"
        text = draw(words) + draw(st.sampled_from(["", "\n" + draw(furniture)]))
        cues.append(f"{i + 1}\n{timing}\n{text}")
    eol = draw(line_ending.filter(lambda e: e != "\r"))
    body = "\n\n".join(cues).replace("\n", eol)
    return ("WEBVTT" + eol + eol if vtt else "") + body + eol




@st.composite
def mdx_block(draw: st.DrawFn) -> str:
    """A block of an MDX page: Markdown, or what MDX adds (ESM, JSX flow and inline elements, attributes
    over several lines, expressions), with prose inside components at any indent and fences there too."""
    w, f = draw(words), draw(furniture)
    indent = draw(st.sampled_from(["", "  ", "    ", "      "]))
    return draw(st.sampled_from([
        draw(markdown_block()).replace("<div>", "<Box>").replace("</div>", "</Box>").replace("<!--", "{/*")
        .replace("-->", "*/}"),
        "import { Tabs, TabItem } from '@astrojs/starlight/components';\nimport Card from './Card.astro';",
        f"export const meta = {{\n  title: '{f}',\n\n  draft: false,\n}};", f"{{// {f} it's\n}}",
        f"{w}\n\n<Code code={{`let a = 1;\n\n{f}`}} lang=\"js\" />",
        f"<Aside>\n{indent}{w}\n{indent}{f}\n</Aside>", f"<Aside type=\"tip\">{w}</Aside>",
        f"<Card\n  title=\"{f}\"\n  icon=\"star\"\n>\n{indent}{w}\n</Card>",
        f"<Tabs>\n  <TabItem label=\"npm\">\n\n{indent}```sh\n{indent}npm run  {f}\n{indent}```\n\n  </TabItem>\n</Tabs>",
        f"{w} <Badge text=\"{f}\" /> {w}", f"Press <Kbd>Ctrl</Kbd> then {{props.key}} in {w}",
        f"{{/* {f} */}}", f"{{/* {f}\n\n{w}\n*/}}", f"{{frontmatter.title}} {w}", f"<>\n{indent}{w}\n</>",
        f"<Steps>\n{indent}1. {w}\n\n{indent}2. {f}\n</Steps>", f"- {w} <Icon name=\"x\" />\n- {f}",
        f"<Card title={{`{f} ${{x}}`}} {{...props}}>\n{indent}{w}\n</Card>",
        f"{w} {{a < b ? \"{f}\" : 'x'}} {w}",
        f"{w} \\<name> and \\{{x}} {f}",
        f"{w} <Link\n  to=\"/x\"\n  title=\"{f}\">{w}</Link> {f}", f"{w} {{a\n  + b}} {f}", f"{w} <!-- {f} --> {w}",
        f"```astro title=\"a.astro\" \"components={{{{...c}}}}\" {{2}}\n<C a={{{{ b: 1 }}}} />  {f}\n```\n\n{w}",
        f"<pre><code>\n{indent}npm run  {f} ; echo .\n\n{f}\n</code></pre>",
        f"{w} <Button onClick={{() => {{\n  a();\n\n  b();\n}}}}>{w}</Button> {f}",
        f"{w} {{cond ? `{f}` : \"b\"}} {w}", f"{w} <Link\n  to=\"/x\"\n>{w}</Link> {f}",
        f"- ```js\n    const a = {{b}};  {f}\n    ```\n\n{w} {{props.count}} {w}", f"{{isOpen && <p>Don't {f}</p>}}",
    ]))


@st.composite
def mdx_document(draw: st.DrawFn) -> str:
    blocks = draw(st.lists(mdx_block(), min_size=1, max_size=6))
    if draw(st.booleans()):
        blocks.insert(0, f"---\ntitle: {draw(furniture)}\ndescription: {draw(sentence)}\n---")
    # MDX's blocks need a blank line between them (a JSX tag right after a paragraph's line is inline).
    return _joined(draw, blocks, min_breaks=2)


# format name -> (file name that picks it, strategy)
DOCUMENTS = {
    "text": ("a.txt", text_document()),
    "markdown": ("a.md", markdown_document()),
    "mdx": ("a.mdx", mdx_document()),
    "rst": ("a.rst", rst_document()),
    "html": ("a.html", html_document()),
    "po": ("a.po", po_document()),
    "xliff": ("a.xlf", xliff_document()),
    "i18n-json": ("a.json", json_document()),
    "i18n-yaml": ("en.yml", yaml_document()),
    "srt": ("a.srt", subtitle_document()),
    "vtt": ("a.vtt", subtitle_document(vtt=True)),
}
