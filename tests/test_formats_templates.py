"""Docs-site pages: template expressions and containers are markup, not prose (VitePress, Docusaurus,
MkDocs, Jekyll/Liquid, Hugo, Handlebars), while the prose around and inside them is still checked, at
its exact place in the file."""

from __future__ import annotations

import pytest

import lint
from lint.config import Config
from lint.engine import Linter
from lint.formats import parse
from lint.formats.templates import expression_spans, template_view
from lint.model import Source

VITEPRESS = """\
# Getting started {#getting-started}

Welcome, {{ user.name }}, to the {{ $frontmatter.title }} guide.

::: tip Custom Title
This is a tip about the API.
:::

::: danger STOP
Do not run this in production.
:::

:::info
You are reading the docs for Vue 3!
:::

[[toc]]

<<< @/snippets/snippet.js{2}
"""

DOCUSAURUS = """\
:::note[Your Title **with** some _Markdown_]
Some content with _Markdown_ syntax.
:::

:::tip My Tip
Use the CLI.
:::
"""

MKDOCS = """\
!!! note "Phasellus Posuere"
    Lorem ipsum dolor sit amet, consectetur adipiscing elit.

??? tip
    Collapsed by default.

!!! warning ""
    No title at all.
"""

JINJA = """\
{% if page.draft %}
Draft text here.
{% endif %}

{# A Comment That Says Nothing #}

Hello {{{ raw }}} and {{> partial }} and {{< figure src="a.png" >}} done.

{%- for item in items -%}
Item {{ loop.index }} of {{ items | length }}.
{%- endfor %}
"""


# W105 flags a run in a Markdown or HTML page's prose only where asked (the page shows one space): asked
# here, where a test reads where the run is found.
RUNS_SHOWN = Config(rule_options={"W105": {"in-rendered-documents": True}})


def _segments(text: str, path: str) -> list[tuple[str, str]]:
    fmt = "markdown" if path.endswith(".md") else "html"
    doc = parse(Source(path, text), fmt)
    for seg in doc.segments:  # every character that stands for itself is at its place in the file
        for i, ch in enumerate(seg.text):
            if not any(a <= i < b for a, b in seg.opaque):
                assert text[seg.to_source(i)] == ch, (seg.text, i)
    return [(seg.kind, seg.text) for seg in doc.segments]


@pytest.mark.parametrize("name, text", [("vitepress", VITEPRESS), ("docusaurus", DOCUSAURUS),
                                        ("mkdocs", MKDOCS), ("jinja", JINJA)])
def test_doc_site_pages_have_no_findings(name, text):
    assert [(f.code, f.message) for f in lint.check_text(text, path=f"{name}.md")] == []


def test_container_titles_are_headings_and_bodies_are_prose():
    assert _segments(VITEPRESS, "a.md") == [
        ("heading", "Getting started \ufffc"),
        ("paragraph", "Welcome, \ufffc, to the \ufffc guide."),
        ("heading", "Custom Title"),
        ("paragraph", "This is a tip about the API."),
        ("heading", "STOP"),
        ("paragraph", "Do not run this in production."),
        ("paragraph", "You are reading the docs for Vue 3!"),
    ]
    assert _segments(DOCUSAURUS, "a.md") == [
        ("heading", "Your Title with some Markdown"),
        ("paragraph", "Some content with Markdown syntax."),
        ("heading", "My Tip"),
        ("paragraph", "Use the CLI."),
    ]
    assert _segments(MKDOCS, "a.md") == [
        ("heading", "Phasellus Posuere"),
        ("blockquote", "Lorem ipsum dolor sit amet, consectetur adipiscing elit."),
        ("blockquote", "Collapsed by default."),
        ("blockquote", "No title at all."),
    ]


def test_heading_attributes_with_spaces_are_markup():
    # MkDocs' attr_list written `{ #id }` (as FastAPI's translated pages write every heading): English
    # anchor words in every heading made CLD2 call a Spanish page English, and L101 then flagged its
    # Spanish sentences as left untranslated.
    text = ("# Filtrar Datos - Seguridad { #filter-data-security }\n\n"
            "Para asegurarte de que no devuelves más datos de los que deberías, lee la documentación.\n\n"
            "## Optimizar el Rendimiento del Response { #optimize-response-performance-response-model }\n")
    assert _segments(text, "a.md") == [
        ("heading", "Filtrar Datos - Seguridad \ufffc"),
        ("paragraph", "Para asegurarte de que no devuelves más datos de los que deberías, lee la documentación."),
        ("heading", "Optimizar el Rendimiento del Response \ufffc"),
    ]


def test_an_expression_as_an_attribute_value_keeps_its_tag_a_tag():
    # Jinja inside an HTML link in Markdown (FastAPI's external-links page): the tag is markup, not an
    # HTML tag left in the text (S105), and the words around it are still prose.
    text = ('{% for repo in repos %}\n\n<a href={{repo.html_url}} target="_blank">★ {{repo.stars}} - '
            '{{repo.name}}</a> by <a href={{repo.owner_url}} target="_blank">@{{repo.owner}}</a>.\n\n{% endfor %}\n')
    assert lint.check_text(text, path="a.md") == []
    # Each tag, like each expression, stands as one placeholder.
    assert _segments(text, "a.md") == [("paragraph", "\ufffc★ \ufffc - \ufffc\ufffc by \ufffc@\ufffc\ufffc.")]


def test_an_expression_after_an_equals_sign_in_prose_stays_a_placeholder():
    # Quotes stand in only inside a tag: in a sentence, `timeout={{ timeout }}` is one placeholder (P102
    # used to see the stand-in's straight quotes), and an expression holding double quotes keeps its tag
    # whole with single ones.
    text = ("The “default” is timeout={{ timeout }} seconds, as “usual”.\n\n"
            '<a href={{ url_for("index") }}>home</a> is the “start”.\n')
    assert _segments(text, "a.md") == [
        ("paragraph", "The “default” is timeout=\ufffc seconds, as “usual”."),
        ("paragraph", "\ufffchome\ufffc is the “start”."),
    ]
    assert lint.check_text(text, path="a.md") == []


def test_template_expressions_are_placeholders():
    assert _segments(JINJA, "a.md") == [
        ("paragraph", "\ufffc\nDraft text here.\n\ufffc"),
        ("paragraph", "Hello \ufffc and \ufffc and \ufffc done."),
        ("paragraph", "\ufffc\nItem \ufffc of \ufffc.\n\ufffc"),
    ]


def test_defects_inside_containers_are_still_found_at_their_place():
    text = "::: tip Custom Title\nThe the API is  here.\n:::\n\n!!! note \"Title\"\n    It works , mostly.\n"
    found = [(f.code, f.start, f.end) for f in lint.check_text(text, path="a.md", config=RUNS_SHOWN)]
    assert found == [("T102", text.index("the API"), text.index(" API")), ("W105", text.index("  "), text.index("  ") + 2),
                     ("S107", text.index(" ,"), text.index(" ,") + 1)]
    assert lint.fix_text(text, path="a.md", unsafe=True, config=RUNS_SHOWN) == (  # markup left as written, byte for byte
        '::: tip Custom Title\nThe API is here.\n:::\n\n!!! note "Title"\n    It works, mostly.\n')


def test_code_showing_container_syntax_stays_code():
    text = "Write this:\n\n```md\n::: tip\nThe the tip  here\n:::\n```\n"
    assert lint.check_text(text, path="a.md") == []


def test_braces_inside_a_code_span_stay_code():
    # JSX's style={{ … }} quoted in a French sentence: the code span keeps its backticks, so nothing of it
    # reaches the prose (L103 used to flag `name: "Hedy"` inside it as a colon without its space).
    text = ("Il faut l'enrober par une autre paire d'accolades : `person={{ name: 'Hedy', inventions: 5 }}`.\n"
            "\nÉcrivez `{{ msg }}` dans le modèle, et {{ msg }} devient le message.\n")
    assert _segments(text, "a.md") == [
        ("paragraph", "Il faut l'enrober par une autre paire d'accolades : \ufffc."),
        ("paragraph", "Écrivez \ufffc dans le modèle, et \ufffc devient le message."),
    ]
    assert lint.check_text(text, path="a.md", config=Config(language="fr")) == []


def test_a_code_span_on_a_later_line_is_counted_from_that_line_s_start():
    # The backtick before the second expression opens a code span on its own line; the first expression's
    # line has none, and the lines between are read only as the second is asked about.
    text = "Set {{ a }} first.\n\nThen `style={{ b: 1 }}` in code.\n"
    assert expression_spans(text) == [(4, 11)]


def _line_start(text: str, at: int, breaks: str) -> int:
    return max(text.rfind(char, 0, at) for char in breaks) + 1


def _in_code_span_read_afresh(text: str, start: int, end: int) -> bool:
    ticks_before = text.count("`", _line_start(text, start, "\n"), start)
    if ticks_before % 2 == 0:
        return False
    tick, newline = text.find("`", end), text.find("\n", end)
    return tick >= 0 and (newline < 0 or tick < newline)


def test_line_tests_asked_in_any_order_answer_as_each_line_read_afresh():
    """_Lines answers from what it read for the places asked before (or, before them, from lists of the
    text's line breaks and backticks): the same answers as each line read from its start."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from lint.formats.templates import _FENCE_OPENING, _Lines

    @settings(max_examples=400, deadline=None)
    @given(st.lists(st.sampled_from(["`", "``", "```", "~~~", "\n", "\r", "\r\n", " ", "a", "{{", "}}"]),
                    max_size=30),
           st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1), st.booleans()), min_size=1, max_size=12))
    def same(pieces: list[str], asked: list[tuple[float, float, bool]]) -> None:
        text = "".join(pieces)
        lines = _Lines(text)
        for where, length, fence in asked:
            start = int(where * len(text))
            if fence:
                expected = _FENCE_OPENING.match(text, _line_start(text, start, "\r\n")) is not None
                assert lines.on_fence_opening(start) == expected, (text, asked, start)
            else:
                end = start + int(length * (len(text) - start))
                assert lines.in_code_span(start, end) == _in_code_span_read_afresh(text, start, end), (text, asked)

    same()


def test_a_lone_brace_pair_in_prose_is_still_prose():
    text = "Use {braces} and {{ to open, then a second sentence with a doubled the the word.\n"
    assert [f.code for f in lint.check_text(text, path="a.md", select=["T102"])] == ["T102"]


def test_vue_template_in_html():
    text = ('<div id="app">\n'
            '  <p v-if="seen" :title="msg.toUpperCase()" @click="go(1, \'Two\')">Hello {{ user.name }}, '
            'welcome to {{ site }}.</p>\n'
            '  <img :alt="items[0].Alt" alt="A photo of the lake." v-bind:title="x ? \'A\' : \'B\'">\n'
            '  <p>{% trans %}Hello, world.{% endtrans %} And {# note #} done.</p>\n'
            '</div>\n')
    assert _segments(text, "a.html") == [
        ("paragraph", "Hello \ufffc, welcome to \ufffc."),
        ("caption", "A photo of the lake."),
        ("paragraph", "\ufffcHello, world.\ufffc And \ufffc done."),
    ]
    assert lint.check_text(text, path="a.html") == []


def test_template_in_an_html_attribute_is_a_placeholder():
    text = '<p><img alt="{{ photo.alt }}" title="A view of {{ place }}."></p>\n'
    assert _segments(text, "a.html") == [("caption", "A view of \ufffc.")]


def test_an_expression_in_a_fences_info_string_leaves_the_fence_a_fence():
    """Expressive Code's `"c={{…}}"` marker on a fence's opening line: standing it in with backticks made
    the parser see no fence (a backtick fence's info holds none), read `{2}` as a placeholder left in the
    text and the code as prose, and open a fence at the next one that swallowed the prose after it."""
    text = '```astro "c={{...c}}" {2}\nx  \n```\n\nSome  text.\n\n```sh\nnpm i\n```\n'
    findings = lint.check_text(text, path="e.md", config=RUNS_SHOWN)
    assert [(f.code, text[f.start:f.end]) for f in findings] == [("W105", "  ")]
    assert text.index("Some  text") < findings[0].start


# Hugo's comment shortcode as kubernetes.io's pages write it: a note to the writers (and, in the Chinese
# pages, the English original in an HTML comment) that the site never renders.
HUGO_COMMENTS = """\
# Resource sharing

{{< comment >}}
TODO(pwittrock): Uncomment this for 1.6

- Treat the list as a set of primitives.  Replace or delete individual
  elements .
{{< /comment >}}

{{< comment >}}
<!--
This section is also present in the [init containers](/docs/init/) page.
-->
这部分内容也出现在 [Init 容器](/zh-cn/docs/)页面上.如果你正在编辑这部分内容，请同时修改两处。
{{< /comment >}}

- An item with its note:
  {{% comment %}}The the note.{{% /comment %}}

> {{< comment >}}
> A quoted note , kept out.
> {{< /comment >}}

A sentence with {{< comment >}}a note , inline{{< /comment >}} in it.
"""


def test_a_hugo_comment_shortcodes_body_is_not_prose():
    assert _segments(HUGO_COMMENTS, "a.md") == [
        ("heading", "Resource sharing"),
        ("list_item", "An item with its note:"),
        ("paragraph", "A sentence with \ufffc in it."),
    ]
    assert lint.check_text(HUGO_COMMENTS, path="a.md") == []
    text = "<p>Kept {{< comment >}}not kept , at all{{< /comment >}} here.</p>\n"
    assert _segments(text, "a.html") == [("paragraph", "Kept \ufffc here.")]


def test_text_around_a_hugo_comment_is_still_prose():
    # An escaped shortcode ({{</* comment */>}}) shows the syntax; it comments nothing out, and an opening
    # never closed comments nothing out either.
    text = ("Write {{</* comment */>}} to hide a note , as here.\n\n{{< comment >}}\nNever closed , so prose.\n\n"
            "{{< note >}}\nA real note , shown.\n{{< /note >}}\n")
    assert _segments(text, "a.md") == [
        ("paragraph", "Write \ufffc to hide a note , as here."),
        ("paragraph", "\ufffc\nNever closed , so prose."),
        ("paragraph", "\ufffc\nA real note , shown.\n\ufffc"),
    ]


def test_prose_after_a_hugo_comments_closing_on_its_line_is_still_prose():
    # A comment that opens a line was an HTML comment block, which runs to the end of the line holding
    # its `-->`: the sentence after the closing was hidden with the note (no S106 below). On one line
    # the comment is a code span; over lines the block ends on the line before the closing's, the
    # closing a code span, so a body line that would open a block (`- item`, `~~~`) stays hidden.
    text = ("{{< comment >}}TODO: check{{< /comment >}} The storm hit the coast on Monday.Economists expect losses.\n\n"
            "{{< comment >}}\n- TODO , the the\n~~~\n{{< /comment >}} The second paragraph.\n\n"
            "> {{< comment >}}\n> A quoted note , kept out.\n> {{< /comment >}} Quoted prose.\n\n"
            "{{< comment >}}A note , on its own.{{< /comment >}}  \nThe last paragraph.\n")
    assert _segments(text, "a.md") == [
        ("paragraph", "\ufffc The storm hit the coast on Monday.Economists expect losses."),
        ("paragraph", "\ufffc The second paragraph."),
        ("blockquote", "\ufffc Quoted prose."),
        ("paragraph", "The last paragraph."),
    ]
    assert [f.code for f in lint.check_text(text, path="a.md")] == ["S106"]


def test_a_hugo_comment_quoted_in_a_code_span_leaves_the_next_one_a_comment():
    # The quoted opening's closing was looked for, found at the end of the real comment, and the scan
    # went on after it: the real comment's body was read as prose (S106).
    text = ("Open a note for writers with `{{< comment >}}` on a line of its own.\n\n"
            "{{< comment >}}\nTODO: the storm hit the coast on Monday.Economists expect losses.\n{{< /comment >}}\n\n"
            "The end.\n")
    assert _segments(text, "a.md") == [
        ("paragraph", "Open a note for writers with \ufffc on a line of its own."),
        ("paragraph", "The end."),
    ]
    assert lint.check_text(text, path="a.md") == []


def test_a_long_line_of_hugo_comments_keeps_its_prose_and_its_length():
    # 20,000 comments on one line, and as many quoted openings before one far closing: each expression's
    # code span test counted back to its line's start (9.8 s; timed in bench/hostile_repros.py, "Hugo").
    for text in ("word {{< comment >}}x{{< /comment >}} " * 20_000 + "\n",
                 "Write `{{< comment >}}` here. " * 20_000 + "{{< /comment >}}\n"):
        assert len(template_view(text).text) == len(text)
    assert _segments("word {{< comment >}}x{{< /comment >}} " * 3 + "\n", "a.md") == [
        ("paragraph", "word \ufffc word \ufffc word \ufffc")]
    assert _segments("Write `{{< comment >}}` here. " * 3 + "{{< /comment >}}\n", "a.md") == [
        ("paragraph", "Write \ufffc here. Write \ufffc here. Write \ufffc here. \ufffc")]


def test_a_shortcode_as_a_links_destination_keeps_the_link_a_link():
    # Hugo's ref and relref shortcodes written where a link's URL goes (helm's and kubernetes.io's pages):
    # the spaces in the shortcode made the parser see no link, so the brackets around the link text and
    # the shortcode's placeholder were read as prose ('请阅读[快速入门指南](￼)，').
    text = ('Lisez le [guide d\'installation]({{< ref "install.md" >}}) et [les valeurs]({{< relref path="/docs/values.md" '
            'lang="en" >}} "Valeurs").\n\n请阅读[快速入门指南]({{<ref "quickstart.md">}})，然后安装。\n')
    assert _segments(text, "a.md") == [
        ("paragraph", "Lisez le guide d'installation et les valeurs."),
        ("paragraph", "请阅读快速入门指南，然后安装。"),
    ]
    # The shortcode is markup still: no layout rule reads inside it.
    text = 'Read the [guide]({{<  ref  "install.md" >}}) now.\n'
    assert lint.check_text(text, path="a.md") == []


def test_a_hugo_highlight_shortcodes_body_is_code():
    # Hugo's built-in highlight shortcode holds code, which was read as prose (its `:=`, its doubled
    # words in comments, its strings).
    text = ('Install it first.\n\n{{< highlight go "linenos=table,hl_lines=2" >}}\nfunc main() {\n'
            '\tx := fmt.Sprintf("%s , done", name) // the the value\n}\n{{< /highlight >}}\n\n'
            'Then run it with {{< highlight sh >}}go run .  --verbose{{< /highlight >}} as shown.\n')
    assert _segments(text, "a.md") == [
        ("paragraph", "Install it first."),
        ("paragraph", "Then run it with \ufffc as shown."),
    ]
    assert lint.check_text(text, path="a.md") == []


def test_a_liquid_highlight_or_comment_tags_body_is_not_prose():
    # Jekyll's highlight tag holds code (ruby-lang.org's news pages): it was read as prose, its `end`
    # `end` a doubled word and its Ruby lines English sentences in a Spanish page. The prose after the
    # closing, on its line or the next, is read still.
    text = ("Actualice REXML:\n\n{% highlight ruby linenos %}\nclass REXML::Document\n  def document\n"
            "    self\n  end\nend\n{% endhighlight %}\n\n{%- comment -%}TODO , the the{%- endcomment -%} Luego "
            "reinicie.\n\nUse {% highlight sh %}gem update{% endhighlight %} then.\n")
    assert _segments(text, "a.md") == [
        ("paragraph", "Actualice REXML:"),
        ("paragraph", "\ufffc Luego reinicie."),
        ("paragraph", "Use \ufffc then."),
    ]
    assert lint.check_text(text, path="a.md") == []
    # Never closed, the tag hides nothing.
    assert [f.code for f in lint.check_text("{% highlight ruby %}\n\nIt is is here.\n", path="a.md")] == ["T102"]


def test_a_liquid_tag_whose_closing_is_mistyped_hides_no_prose_up_to_a_later_pair():
    # Liquid parses a tag's body, so an opening inside it nests: the first `{% endcomment %}` after a
    # mistyped closing is a later pair's, and taking it hid the paragraph between, its doubled word and
    # the broken `{` (found before the Liquid tags were read as opaque, hidden after).
    text = ("Intro.\n\n{% comment %}\nOld note.\n{% endcomment\n\nThis paragraph has has a doubled word.\n\n"
            "{% comment %} TODO {% endcomment %}\n\n{% highlight ruby %}\ngem install rexml\n{% endhighlight}\n\n"
            "Luego reinicie el el servidor.\n\n{% highlight ruby %}\nputs 1\n{% endhighlight %}\n")
    assert sorted(f.code for f in lint.check_text(text, path="a.md")) == ["P105", "T102", "T102"]
    # A comment in a comment nests, as in Liquid: the pair hides all of it.
    nested = "Intro.\n\n{% comment %} a {% comment %} b {% endcomment %} the the c {% endcomment %}\n\nEnd.\n"
    assert lint.check_text(nested, path="a.md") == []


def test_a_jsx_literal_of_blanks_in_a_markdown_page_is_markup():
    # react.dev writes its pages in MDX saved as .md: a console's output indents its lines with JSX string
    # literals (`{'  '}at span`), which W105 read as a typist's runs of spaces (react fr, blog/react-19.md).
    # A literal that holds a word stays prose, and so do the runs of spaces around one.
    text = ("Warning: Text content did not match.\n{'  '}at span\n{'    '}\\<App\\>\n\n"
            "Uncaught Error: hit<span>{'    <--'} Doublon</span>\n\n"
            "Un mot{' '}<Code />, puis {' deux  mots '} et  ici.\n")
    assert _segments(text, "a.md") == [
        ("paragraph", "Warning: Text content did not match.\n\ufffcat span\n\ufffc<App>"),
        ("paragraph", "Uncaught Error: hit\ufffc\ufffc Doublon\ufffc"),
        ("paragraph", "Un mot\ufffc\ufffc, puis {' deux  mots '} et  ici."),
    ]
    runs = [text[f.start:f.end + 2] for f in lint.check_text(text, path="a.md", select=["W105"], config=RUNS_SHOWN)]
    assert runs == ["  mo", "  ic"]
    # Inside a code span, and inside a template expression, the literal is what they hold.
    assert template_view("`{'  '}` and {{ '  ' }}\n", jsx_literals=True).text == "`{'  '}` and `{ '  ' }`\n"


def test_a_jsx_comment_in_a_markdown_page_is_markup():
    # react.dev's pages are MDX saved as .md: every heading ends with its anchor as a JSX comment
    # (`## Utilisation {/*usage*/}`) and notes to the writers stand on lines of their own. Read as prose,
    # the English anchors were words of the page (3 % of the French pages' words in h256's React docs
    # base) and, on a short French page, made it English: its French rules were off.
    page = ("Une page courte, écrite en français pour les lecteurs de la documentation de React.\n\n"
            "## Paramètres {/*parameters-and-returned-values-of-the-function-you-pass*/}\n\n"
            "Une autre phrase en français, pour que la langue de la page soit claire.\n\n"
            "### Migrer {/*migrating-from-rendertostring-to-a-static-prerender-on-the-server*/}\n\n"
            "{/* If you are a language maintainer, edit `deployedTranslations` under `src/utils`. */}\n\n"
            "### Mettre à jour l'état {/*updating-state-from-a-previous-render-in-the-event-handler*/}\n")
    assert _segments(page, "a.md") == [
        ("paragraph", "Une page courte, écrite en français pour les lecteurs de la documentation de React."),
        ("heading", "Paramètres \ufffc"),
        ("paragraph", "Une autre phrase en français, pour que la langue de la page soit claire."),
        ("heading", "Migrer \ufffc"),
        ("heading", "Mettre à jour l'état \ufffc"),
    ]
    assert Linter().document(Source("a.md", page), Config()).language == "fr"
    # The French page's own defects around them are still found.
    slip = page.replace("la langue de la page", "la langue de de la page").replace("de React.", "de React .")
    assert sorted(f.code for f in lint.check_text(slip, path="a.md")) == ["S107", "T102"]
    # A comment quoted in a code span, or one in a fenced block, is code as it was.
    assert _segments("Voir `{/* a */}` ici.\n\n```jsx\n<div>{/* `x` */}</div>\n```\n", "a.md") == [
        ("paragraph", "Voir \ufffc ici.")]


_FR = "Une page courte, écrite en français pour les lecteurs de la documentation de React.\n\n"


def _t102(page: str, path: str = "a.md") -> list[str]:
    """The words T102 reports in ``page``, read at the places its findings give."""
    return [page[f.start:f.end] for f in lint.check_text(page, path=path, config=Config(language="fr"), select=["T102"])]


def test_a_jsx_comment_a_code_span_reaches_into_is_prose_at_its_places():
    # A code span that closes inside the comment (`*/}` quoted) or opens before it: the backtick that stood for
    # its brace ended the span instead, the paragraph held a backtick where the file has `{`, and the doubled
    # word was reported three characters off (on `*`), or not at all.
    for line, read in (
            ("Un commentaire s'ouvre avec {/* et se ferme avec le le signe `*/}` en JSX.\n",
             "Un commentaire s'ouvre avec {/* et se ferme avec le le signe \ufffc en JSX."),
            ("Le code `a {/* b` c le le */}\n", "Le code \ufffc c le le */}")):
        page = _FR + line
        assert _segments(page, "a.md")[1:] == [("paragraph", read)]
        assert [f.start for f in lint.check_text(page, path="a.md", config=Config(language="fr"), select=["T102"])] == [
            len(_FR) + line.index("le le") + 3]


def test_a_jsx_comment_over_lines_or_across_a_fence_is_prose():
    # Over lines, a line of it closed the fence it opened in (its backticks blanked, the fence ran on over the
    # prose after it) or opened a heading that ended the code span it stood for.
    for body in ("```jsx\n{/* ouvre\n```\nLe le texte après le bloc, la fin */}\n```\n",
                 "~~~\n{/* ouvre\n~~~\nLe le texte après le bloc, la fin */}\n",
                 "{/* une note\n# Le le titre */}\n"):
        page = _FR + body
        _segments(page, "a.md")  # every character of a segment is the file's, at its place
        assert _t102(page) == ["le"], body


def test_a_jsx_comment_within_a_sentence_or_in_an_html_page_is_text():
    # Markdown that is no MDX shows `{/* … */}` within a sentence as written, and so does an HTML page anywhere:
    # its words are the page's. Only a comment that ends its line (a heading's or a list item's anchor, a note
    # on a line of its own) and is an anchor (no blank inside) or a note alone on its line is markup.
    for line in ("Pour commenter en JSX, écrivez {/* votre votre commentaire */} dans le balisage.\n",
                 "Pour commenter en JSX, écrivez ainsi : {/* votre votre commentaire */}\n"):
        assert _t102(_FR + line) == ["votre"], line
    html = ("<html lang=\"fr\"><body><p>" + _FR.strip() + "</p>\n<p>Texte {/* le le commentaire visible */} ici.</p>\n"
            "<p>Un {/* autre</p>\n<p>Le le paragraphe */} ici.</p></body></html>\n")
    assert _t102(html, "a.html") == ["le", "le"]
    # Still markup: at a line's end, one after another, and a note with a code span in it.
    page = (_FR + "## Migrer {/*migrate*/} {/*migrer*/}\n\n- [react.dev](https://react.dev) {/* docs-19 */}\n\n"
            "{/* edit `a.js` and `b.js` */}\n\n> {/* une note dans une citation */}\n")
    assert _segments(page, "a.md")[1:] == [("heading", "Migrer \ufffc \ufffc"), ("list_item", "react.dev \ufffc")]
