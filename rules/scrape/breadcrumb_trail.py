"""S109 breadcrumb-trail: a navigation trail (`Home > News > World`) kept as a line of text."""

from __future__ import annotations

from collections.abc import Iterator

from lint.model import Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

_SEPARATORS = r"(?:>|»|›|/|\||→|::|\\)"
# Two separators or more between short capitalized items, the whole segment: Home > News > World.
_TRAIL = compiled_on_use(
    rf"^(?:[A-Z][\w&'’.-]*(?: [\w&'’.-]+){{0,3}}) ?{_SEPARATORS} ?"
    rf"(?:[A-Z0-9][\w&'’.-]*(?: [\w&'’.-]+){{0,3}}) ?{_SEPARATORS} ?"
    rf"(?:[A-Z0-9][\w&'’.-]*(?: [\w&'’.-]+){{0,4}})(?: ?{_SEPARATORS} ?[A-Z0-9][\w&'’.-]*(?: [\w&'’.-]+){{0,4}})*$"
)
_HOME = compiled_on_use(r"^(?:Home|Start|Startseite|Accueil|Inicio|Main|Index|News)\b")


class BreadcrumbTrail(Rule):
    code = "S109"
    slug = "breadcrumb-trail"
    summary = "Navigation breadcrumb trail kept as text"
    rationale = """
**What it does.** Flags a paragraph that is a site's breadcrumb trail: short capitalized items
separated by `>`, `»`, `›`, `/`, `|` or `→`, starting from `Home` or another site section.

**Why is this bad?** It is navigation, not content: a scraper took the page's breadcrumb bar along with
the article.

Report only: a trail that starts at `Home` is almost always navigation, but a path through a program's
menus (`Main > Settings > Display`) may be an instruction; a person decides.
"""
    severity = Severity.WARNING
    kinds = frozenset({"paragraph", "list_item"})
    trigger = r"^(?:Home|Start|Startseite|Accueil|Inicio|Main|Index|News)\b"
    flag = (
        Example("Home > News > World\n\nThe plane crashed.\n"),
        Example("Home / Sport / Football\n"),
        Example("Home » Blog » Post\n"),
        Example("Home › Business › Markets › Stocks\n"),
        Example("Home | World | Europe\n"),
        Example("News > Europe > Ukraine\n"),
        Example("Home → Travel → Asia → Vietnam\n"),
        Example("Startseite > Politik > Ausland\n"),
    )
    allow = (
        Example("Home prices > rents in most cities, the report said.\n"),
        Example("The ratio was 3 / 4 of the total.\n"),
        Example("Home is where the heart is.\n"),
        Example("News > noise, as the editor likes to say.\n"),
        Example("Use File > Save As > PDF to export.\n"),
        Example("Home and Away is a soap opera.\n"),
        Example("Homeowners / renters / landlords all pay.\n"),
        Example("# Home > News > World\n", path="a.md", note="a heading is not flagged"),
    )

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        text = seg.text
        if "\n" in text or len(text) > 120 or not _HOME.match(text) or not _TRAIL.match(text):
            return
        yield self.finding(seg, 0, len(text), f"Breadcrumb trail '{text}'")
