"""MDX (lint.formats.mdx): Markdown with JSX and ESM, as docs sites (Docusaurus, Astro Starlight, Nextra)
write it. What a user of such a site checks: a folder of .mdx pages is linted, JSX and ESM are never
read as prose nor edited, the Markdown inside components is, and positions are the file's."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lint
from lint.config import parse_config
from lint.formats import FORMATS
from lint.model import Source
from tests.conftest import ROOT

PAGE = """---
title: Getting started
description: Guides and references.
---
import { CardGrid } from '@astrojs/starlight/components'
import Card from '~/components/Landing/Card.astro'

export const meta = {
  draft: false,
}

<CardGrid>
  <Card title="What will you build with Astro?" icon="laptop">
    Explore the the [starter themes](https://astro.build/themes/) for blogs.
  </Card>

  <Card
    title="Take a guided tour"
    icon="star"
  >
    Complete our introductory tutorial to learn the basics.
  </Card>
</CardGrid>

{/* A comment for the translators. */}

<Tabs syncKey="pkg">
  <TabItem label="npm">

    ```sh
    npm create astro@latest -- --template minimal
    ```

  </TabItem>
</Tabs>

Press <Kbd>Ctrl</Kbd> then {props.key} to open the menu.
"""


def _segments(text: str) -> list[str]:
    return [s.text for s in FORMATS["mdx"].read(Source("a.mdx", text)).segments]


def test_components_children_are_prose_and_jsx_esm_are_not() -> None:
    assert _segments(PAGE) == [
        "Explore the the starter themes for blogs.",
        "Complete our introductory tutorial to learn the basics.",
        "Press \ufffc then \ufffc to open the menu.",  # <Kbd>, as <kbd>: a key, code
    ]


def test_a_folder_of_mdx_pages_is_linted_with_exact_positions(tmp_path, run) -> None:
    """Before .mdx was a format, `copylint check docs/` said "All checks passed (0 files)" on an Astro or
    Docusaurus site, and a page named on the command line was read as plain text: its JSX tags were
    reported as page furniture."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.mdx").write_text(PAGE, encoding="utf-8")
    result = run("check", "--isolated", "--format", "json", str(tmp_path / "docs"))
    assert result.returncode == 1, result.stderr
    out = json.loads(result.stdout)
    assert out["summary"]["files"] == 1
    assert [(f["code"], f["start"]["line"], f["start"]["column"]) for f in out["findings"]] == [("T102", 14, 17)]
    assert PAGE.splitlines()[13][12:19] == "the the"  # column 17: the second one


def test_fix_edits_prose_only_and_keeps_jsx(tmp_path, run) -> None:
    page = tmp_path / "a.mdx"
    page.write_text(PAGE, encoding="utf-8")
    result = run("check", "--isolated", "--fix", "--unsafe-fixes", str(page))
    assert result.returncode == 0, result.stdout + result.stderr
    fixed = page.read_text(encoding="utf-8")
    assert fixed == PAGE.replace("Explore the the", "Explore the")


@pytest.mark.parametrize("text", [
    "<Card icon=\"Qué es?\">\n  Texto del componente.\n</Card>\n",  # other attributes' values are not prose
    "import Box from '~/components/Box.astro' ;\nimport X from \"x\"  \n\nText.\n",
    "{/* It is is a note for the translators here. */}\n\nText.\n",
    "<Aside type=\"tip\" title={`Use ${name}`}>Text.</Aside>\n",
    "Text with <Icon name=\"x\" label=\"Open the the menu\" /> inside.\n",
    "<Fragment>\n<>\n  Text.\n</>\n</Fragment>\n",
])
def test_jsx_and_expressions_are_never_findings(text: str) -> None:
    assert lint.check_text(text, path="a.txt") != []  # read as prose, each gives findings
    findings = lint.check_text(text, path="a.mdx")
    assert [f.code for f in findings] == []


def test_indented_fence_inside_a_component_is_code() -> None:
    """MDX has no indented code: a fence indented inside a component is still a fence, never prose."""
    text = "<Tabs>\n  <TabItem>\n\n    ```js\n    const a = b ,c ;  \n    ```\n\n  </TabItem>\n</Tabs>\n"
    assert _segments(text) == []
    assert [f.code for f in lint.check_text(text, path="a.mdx")] == []


def test_switches_as_mdx_comments() -> None:
    """MDX has no HTML comments: copylint's switch and Vale's are written as JavaScript comments."""
    slip = "It is is here.\n"
    assert [f.code for f in lint.check_text(slip, path="a.mdx")] == ["T102"]
    assert lint.check_text("{/* copylint-disable-next-line T102 */}\n" + slip, path="a.mdx") == []
    assert lint.check_text("{/* vale off */}\n\n" + slip + "\n{/* vale on */}\n", path="a.mdx") == []


def test_mdx_sentence_inside_a_line_keeps_positions() -> None:
    text = "Use <Badge text=\"new\" /> the the option.\n"
    (f,) = lint.check_text(text, path="a.mdx")
    assert f.code == "T102" and text[f.start:f.end] == "the" and text[f.start - 4:f.start] == "the "


def test_markdown_inline_code_elements_are_code() -> None:
    """`<code>`, `<kbd>`, `<samp>`, `<var>` written inline in Markdown hold code, not prose: a French page's
    `<code>(context: Type)</code>` got a missing no-break space before its colon."""
    text = "Le **Type\u00a0:** <code>(context: <a href=\"#x\">CreateContext</a>) => x</code> est utile pour nous.\n"
    for path in ("docs/fr/a.md", "docs/fr/a.mdx"):
        assert lint.check_text(text, path=path, select=["L103"]) == []
    doc = FORMATS["markdown"].read(Source("a.md", "Press <kbd>Ctrl : C</kbd> and <b>bold</b> text.\n"))
    assert [s.text for s in doc.segments] == ["Press \ufffc and \ufffcbold\ufffc text."]


def test_a_fence_whose_info_holds_double_braces_is_code() -> None:
    """Expressive Code marks a line by a string in the fence's info (`"components={{...c}}"`): the template
    stand-in for `{{…}}` put a backtick there, so the fence was no fence, its code was read as prose, and
    the page's next fence opened one that swallowed the rest of the page (astro docs, mdx.mdx, styling.mdx)."""
    text = ('Intro.\n\n```astro title="a" "components={{...c, h1: H }}" {2}\n---\nimport { C } from "x";\n'
            '---\n<C a={{ h1: H }} />\n```\n\nMiddle text.\n\n```sh\nnpm i\n```\n\nEnd.\n')
    assert _segments(text) == ["Intro.", "Middle text.", "End."]


def test_an_escaped_angle_bracket_or_brace_is_text() -> None:
    """`\\<api_key>` is a `<` written as itself (MDX's escape, as Markdown's): the reader took `<api_key>` for a
    JSX element and put its stand-in (`<x      >`) into the prose (tauri docs, environment-variables.mdx)."""
    text = "A key named 'AuthKey\\_\\<api_key>.p8' and \\{braces\\} here.\n"
    assert _segments(text) == ["A key named 'AuthKey_<api_key>.p8' and {braces} here."]


def test_a_comment_over_blank_lines_is_markup() -> None:
    """A `{/* … */}` around a section left out, blank lines inside: its first line was read as prose and the
    section as paragraphs (astro docs, es/it/ru tutorial/1-setup)."""
    text = ("Intro text.\n\n{/* StackBlitz instructions\n<details>\n\n**Configura StackBlitz**\n\nUsa esto  aquí.\n"
            "\n</details>\n*/}\n\nEnd text.\n")
    assert _segments(text) == ["Intro text.", "End text."]


@pytest.mark.parametrize(("text", "segments"), [
    # An HTML comment inside a line was blanked: its spaces were read as prose ("Text      more").
    ("Text <!-- a note --> more text.\n", ["Text \ufffc more text."]),
    # An element whose attributes run over lines was blanked: no placeholder, its line break a break in
    # the sentence, and a `<kbd>`'s key read as prose.
    ('Read the <Link\n  to="/x"\n  title="y">guide</Link> now.\n', ["Read the \ufffcguide\ufffc now."]),
    ('Press <Kbd\n  a="b">Ctrl</Kbd> now.\n', ["Press \ufffc now."]),
    # An expression over lines: its second line (`+ b}`) was read as a list item, which split the paragraph.
    ("Text {a\n  + b} more text here.\n", ["Text \ufffc more text here."]),
])
def test_inline_markup_over_lines_is_one_placeholder(text: str, segments: list[str]) -> None:
    assert _segments(text) == segments


# --- every word of prose is read, and no word of markup -------------------------------------------

_MARK = "zqmark"  # a word of markup: an attribute value (but alt, title, description), an import, code


# Blocks of a page: (prose maker, a markup word, an indent inside components) -> the block.
_BLOCKS: tuple[Callable[[Callable[[], str], str, str], str], ...] = (
    lambda p, m, indent: f"{p()}.",
    lambda p, m, indent: f"<Aside type=\"{m}\">\n{indent}{p()}.\n</Aside>",
    lambda p, m, indent: f"<Aside title=\"{p()}\">\n{indent}{p()}.\n</Aside>",
    lambda p, m, indent: f"<Card\n  title=\"{p()}\"\n  icon={{{m}}}\n>\n{indent}{p()}.\n</Card>",
    lambda p, m, indent: f"<LinkCard href=\"/{m}\" description='{p()}.' {{...{m}}} />",
    lambda p, m, indent: f"{p()} <Badge text=\"{m}\" /> and {p()}.",
    lambda p, m, indent: f"{p()} {{{m}.x}} and {p()}.",
    lambda p, m, indent: f"{{/* {m} */}}",
    lambda p, m, indent: f"{{/* {m}\n\n{m} it's\n*/}}",
    lambda p, m, indent: f"import {m} from './{m}.astro';\nimport {{ a }} from \"{m}\";",
    lambda p, m, indent: f"export const {m} = {{\n  a: '{m}',\n\n  b: 1,\n}};",
    lambda p, m, indent: f"<Tabs>\n  <TabItem label=\"{m}\">\n\n{indent}```sh\n{indent}{m}\n{indent}```\n\n  </TabItem>\n</Tabs>",
    lambda p, m, indent: f"{p()} <Link\n  to=\"/{m}\"\n  title=\"{m}\">{p()}</Link> and {p()}.",
    lambda p, m, indent: f"{p()} {{a\n  + {m}}} and {p()}.",
    lambda p, m, indent: f"- {p()} <Icon name=\"{m}\" />\n- {p()}.",
    lambda p, m, indent: f"## {p()} {{#{m}}}",
    lambda p, m, indent: f"> {p()} <Kbd>{m}</Kbd> and {p()}.",
    lambda p, m, indent: f"```js title=\"{m}\" \"c={{{{{m}}}}}\"\n{m}\n```",
    lambda p, m, indent: f"{p()} \\<span> and \\{{ {p()}.",
    lambda p, m, indent: f"<>\n{indent}{p()}.\n</>",
    lambda p, m, indent: f"{p()} <!-- {m} --> and {p()}.",
    lambda p, m, indent: f"<Steps>\n\n1. {p()}.\n\n   ```sh\n   {m}\n   ```\n\n2. {p()}.\n\n</Steps>",
    lambda p, m, indent: f"<Aside>{p()}.\n{p()}.</Aside>",
    lambda p, m, indent: f"{p()} <Badge text=\"a > {m}\" /> and {p()}.",
    lambda p, m, indent: f"<Card title={{`${{{m}}} }}`}}>\n{indent}{p()}.\n</Card>",
    lambda p, m, indent: f"{{// {m} it's\n}}\n\n{p()}.",
    lambda p, m, indent: f"<Tabs\n  values={{[\n    {{label: '{m}', value: '{m}'}},\n  ]}}>\n<TabItem value=\"{m}\">\n\n{p()}.\n\n"
                         f"</TabItem>\n</Tabs>",
    lambda p, m, indent: f"~~~js\n{m} <A b={{c}} />\n~~~",
    lambda p, m, indent: f"| {p()} | <Badge text=\"{m}\" /> {p()} |\n|---|---|\n| {{{m}}} {p()} | {p()} |",
    lambda p, m, indent: f"## <Icon name=\"{m}\" /> {p()}",
    lambda p, m, indent: f"[{p()} <Badge text=\"{m}\" />](/{m})",
    lambda p, m, indent: f"<Badge text=\"{m}\" /> {p()}.",
    lambda p, m, indent: f"<Image\n  src={{{m}}}\n  alt=\"{p()}\"\n/>",
    lambda p, m, indent: f"Le {p()} est là <Badge text=\"é{m}\" /> et {p()} «ici».",
    lambda p, m, indent: f"1. {p()}.\n\n    <Aside>\n    {p()}.\n    </Aside>\n\n2. {p()}.",
    lambda p, m, indent: f"{p()}:\n\n<Code code={{`{m}\n\n{m}`}} lang=\"js\" />",
    lambda p, m, indent: f"export const {m} = () => <div>it's {{{m}}}</div>;",
    lambda p, m, indent: f"{p()} {{'{m}'}}{{' '}}and {p()}.",
    lambda p, m, indent: f"<pre><code class=\"{m}\">\n{m} ;  it's\n\n{m}\n</code></pre>",
    lambda p, m, indent: f"{p()} <Button onClick={{() => {{\n  {m}();\n\n}}}}>{p()}</Button> and {p()}.",
    lambda p, m, indent: f"{p()} {{`${{{m}}}`}} and {p()}.",
    lambda p, m, indent: f"{p()} <>{p()}</> and {p()}.",
)


@st.composite
def _page(draw: st.DrawFn) -> tuple[str, list[str]]:
    """An MDX page of blocks whose prose words (``wordN``) and markup words (``zqmark``) are known."""
    prose: list[str] = []

    def p() -> str:
        prose.append(f"word{len(prose)}")
        return f"The {prose[-1]} is here"

    m = _MARK
    blocks = []
    for _ in range(draw(st.integers(1, 6))):
        indent = draw(st.sampled_from(["", "  ", "    ", "\t"]))
        blocks.append(_BLOCKS[draw(st.integers(0, len(_BLOCKS) - 1))](p, m, indent))
    front = draw(st.sampled_from(["", f"---\ntitle: {m}\n---\n"]))
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    return (front + "\n\n".join(blocks) + "\n").replace("\n", eol), prose


@settings(max_examples=300, deadline=None, database=None, derandomize=True)
@given(page=_page())
def test_prose_is_read_whole_in_place_and_markup_never(page: tuple[str, list[str]]) -> None:
    text, prose = page
    segments = FORMATS["mdx"].read(Source("a.mdx", text), {"attributes": ["alt", "title", "description"]}).segments
    read = " ".join(s.text for s in segments)
    assert [w for w in prose if not re.search(rf"\b{w}\b", read)] == [], text
    assert _MARK not in read, text
    # and each character of prose is placed where the file holds it
    assert [(s.text, i) for s in segments for i, c in enumerate(s.text) if c not in "\ufffc\n"
            and not any(a <= i < b for a, b in s.opaque) and text[s.to_source(i)] != c] == [], text


@pytest.mark.parametrize("text", [
    # `{// a note, it's…}`: the apostrophe opened a string that ran on, so the comment was read as prose.
    "{// a note, it's here\n}\n\nText.\n",
    # A template literal's blank line in an attribute split the tag: its second half was read as prose.
    "Text:\n\n<Code code={`let a = 1;\n\nlet b = 2;`} lang=\"js\" />\n",
    # An ESM statement whose object holds a blank line: its end (`b: 2,\n};`) was read as a paragraph.
    "export const meta = {\n  a: 1,\n\n  b: 2,\n};\n\nText.\n",
])
def test_javascript_over_blank_lines_or_with_line_comments_is_markup(text: str) -> None:
    assert _segments(text) == ["Text." if not text.startswith("Text:") else "Text:"]


def test_the_lines_of_a_flow_element_are_markup_as_an_html_blocks_are() -> None:
    """Spaces after a `</Steps>` alone on its line were trailing whitespace in prose (W102), where the same
    spaces after an HTML block's tag in Markdown are not reported (tauri docs, using-plugin-permissions)."""
    text = "<Steps>   \r\n\r\n1. Text here.\r\n\r\n </Steps>   \r\n"
    assert [f.code for f in lint.check_text(text, path="a.mdx")] == []
    assert [f.code for f in lint.check_text("<div>   \n\nText here.\n\n</div>   \n", path="a.md")] == []
    assert [f.code for f in lint.check_text("<Steps>\n\nText here.   \n\n</Steps>\n", path="a.mdx")] == ["W102"]


@pytest.mark.parametrize(("text", "segments"), [
    # A handler's blank line inside a tag within a line of text: the tag's lines were read as prose.
    ("Click <Button onClick={() => {\n  a();\n\n  b();\n}}>here</Button> to start.\n", ["Click", "here\ufffc to start."]),
    ("See {items.map((i) => {\n  return i;\n\n})} here.\n", ["See", "here."]),
])
def test_a_tag_or_expression_over_a_blank_line_inside_text_is_markup(text: str, segments: list[str]) -> None:
    assert _segments(text) == segments
    slip = text.replace(" to start", " to to start").replace(" here.", " here to to us.")
    (t102,) = lint.check_text(slip, path="a.mdx")
    assert slip[t102.start - 3:t102.end] == "to to"


@pytest.mark.parametrize("text", [
    # An expression holding a backtick was blanked inside the line, so the rest of the line was misplaced.
    "Use {cond ? `a` : \"b\"} then , the the end.\n",
    "Le prix {`${a}`} et le le mot {props.b} fin.\n",
])
def test_an_expression_holding_a_backtick_inside_a_line_keeps_positions(text: str) -> None:
    (t102,) = [f for f in lint.check_text(text, path="a.mdx") if f.code == "T102"]
    assert text[:t102.end].endswith(("the the", "le le"))
    assert "\ufffc" in _segments(text)[0]


@pytest.mark.parametrize("text", [
    "<pre><code>\nnpm install  --save foo ; echo done .\n</code></pre>\n",
    "<pre>\nnpm install  --save foo ; echo done .\n\nmore  code .\n</pre>\n",
    '<code class="x">\nnpm install  --save foo ; echo done .\n</code>\n',
])
def test_a_flow_element_that_holds_code_is_code_through_its_closing_tag(text: str) -> None:
    """`<pre><code>` on its own line: the tags were blanked, so the reader never saw the code element, and
    safe fixes edited the code (`foo ;` -> `foo;`), where the same block in Markdown is an HTML block."""
    assert lint.check_text(text, path="a.md") == []
    assert lint.check_text(text, path="a.mdx") == []
    assert _segments(text + "\nText.\n") == ["Text."]


def test_an_apostrophe_in_jsx_text_inside_an_expression_does_not_end_it() -> None:
    assert _segments("{isOpen && <p>Don't do it now now.</p>}\n\nText.\n") == ["Text."]


def test_a_tag_whose_last_line_is_its_closing_bracket_stays_in_its_sentence() -> None:
    """A line that begins with the tag's `>` cannot stand in as inline HTML (a block quote): the tag was
    blanked, and the sentence split into two paragraphs."""
    assert _segments('Read the <Link\n  to="/docs"\n>guide</Link> for more.\n') == ["Read the \ufffcguide\ufffc for more."]


def test_a_fence_opened_on_a_list_items_line_is_code() -> None:
    """`- ```js`: the reader saw no fence there, took the closing one for an opening one, and read the rest of
    the page as code ({props.count} as prose)."""
    text = "- ```js\n  const a = {b};\n  ```\n\nThe value is {props.count} here.\n\n1. ~~~\n   x\n   ~~~\n\nEnd {x}.\n"
    assert _segments(text) == ["The value is \ufffc here.", "End \ufffc."]


def test_a_tag_alone_on_a_line_ended_by_a_cr_is_flow() -> None:
    """Lines ended by CR alone (old Mac files): a tag alone on its line was taken for one inside a line of text."""
    assert _segments("<Card>\rText here.\r</Card>\r") == ["Text here."]
    assert _segments("<Steps>\r1. Text here.\r2. More text.\r</Steps>\r") == ["Text here.", "More text."]


def test_the_structure_check_reads_the_view_the_reader_built(monkeypatch) -> None:
    """The structure check after each fix pass built the MDX view again (a second scan of every page)."""
    from lint.formats import mdx

    doc = FORMATS["mdx"].read(Source("a.mdx", PAGE))
    monkeypatch.setattr(mdx, "mdx_view", lambda text: pytest.fail("the view built again"))
    assert mdx.mdx_structure(doc)[1]


@pytest.mark.parametrize("switch", [
    "<!-- copylint-disable-next-line T102 */}\n", "{/* copylint-disable-next-line T102 -->\n",
    "{/* vale off -->\n\n", "<!-- textlint-disable */}\n\n",
])
def test_a_switch_closed_as_another_comment_is_no_switch(switch: str) -> None:
    assert "T102" in [f.code for f in lint.check_text(switch + "It is is here.\n", path="a.mdx")]


def test_a_fragment_inside_a_line_keeps_positions() -> None:
    """`<>` was blanked inside the line: the text node's spaces were placed by searching the file, so the
    rest of the node was misplaced (T102 on 'docs' at column 15)."""
    text = "See <>the the docs</> here.\n"
    (f,) = lint.check_text(text, path="a.mdx")
    assert f.code == "T102" and text[f.start - 4:f.end] == "the the"


def test_the_attributes_a_site_names_are_prose_and_their_fixes_stay_inside() -> None:
    """An image's `alt` is prose by default; `title` and `description` (Starlight's `<Aside title="…">`,
    `<LinkCard description="…">`) where the config names them, since docs sites also cite with them (a
    pull request's title, an English article's description). Other attributes, values written as
    expressions and an element inside a line of text stay markup."""
    text = ('<Aside type="tip" title="Did you you know?">\n  Read the guide.\n</Aside>\n\n'
            '<LinkCard href="/start/" description="The the best way to start." title={t("x")} />\n\n'
            '<Image src={logo} alt="The the logo" />\n')
    assert [(f.code, f.start) for f in lint.check_text(text, path="a.mdx")] == [
        ("T102", text.index("The the logo") + 4)]
    named = parse_config("format-options: {mdx: {attributes: [alt, title, description]}}\n", "x.yaml", ROOT)
    assert [(f.code, f.start) for f in lint.check_text(text, path="a.mdx", config=named)] == [
        ("T102", text.index("you you") + 4), ("T102", text.index("The the best") + 4),
        ("T102", text.index("The the logo") + 4)]
    fixed = text.replace("you you", "you").replace("The the", "The")
    assert lint.fix_text(text, path="a.mdx", config=named, unsafe=True) == fixed
    none = parse_config("format-options: {mdx: {attributes: []}}\n", "x.yaml", ROOT)
    assert lint.check_text(text, path="a.mdx", config=none) == []


def test_attribute_values_are_read_only_in_flow_tags_outside_code() -> None:
    """The reviewer's cases: an `alt` inside a `<pre>` block, a JSX comment, a template literal or an
    `export` line is code, never read nor fixed; an entity in a value (`&quot;`, the only way to write
    `"` there) is one character no fix rewrites."""
    text = ('<pre>\n<Image alt="the the text ," />\n</pre>\n\n{/* <Image alt="comment the the ," /> */}\n\n'
            '{`<Image alt="Hero the the image , in a template" />`}\n\nexport const x = <Image alt="the the text" />;\n\n'
            '<Image src={x} alt="He said &quot;hi&quot; to me." />\n\n<Image src={x} alt="The the logo ," />\n')
    found = lint.check_text(text, path="a.mdx")
    assert [(f.code, f.start) for f in found] == [("T102", text.index("The the logo") + 4),
                                                 ("S107", text.index(" ,\" />\n", text.index("The the logo")))]
    assert lint.fix_text(text, path="a.mdx", unsafe=True) == text.replace("The the logo ,", "The logo,")
