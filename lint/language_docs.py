"""``copylint languages``: docs/languages.md, generated from the language packs and the rules' own
declarations (tests/test_docs.py fails when the committed copy is stale)."""

from __future__ import annotations

from typing import Any

import click

from lint import registry
from lint.language import packs, primary

_ORDER = """\
## How a document's language is chosen

The first of these that answers wins (`copylint check --verbose` prints it for each file, and JSON
output gives it as `files[].language` and `files[].language_from`):

1. **inline**: a `copylint-language: fr` comment in the file (`<!-- copylint-language: fr -->` in
   Markdown, HTML and XLIFF, `.. copylint-language: fr` in reStructuredText, `# copylint-language: fr`
   in PO and YAML);
2. **path**: the config's `languages`, glob → tag (`languages: {"docs/fr/**": fr, "**/*.ja.md": ja}`),
   the last matching glob winning;
3. **file**: what the file says of itself: a PO header's `Language:`, XLIFF `target-language` /
   `trgLang`, HTML `<html lang>`, Markdown front matter `lang:` or `locale:`, a Rails catalogue's single
   top-level key (`fr:`);
4. **config**: the config's `language`;
5. **detected**: identified from the document's sentences by CLD2 (`pycld2`, whose models are compiled
   into the package: nothing is downloaded), when it calls the answer reliable; a folder named by a
   language tag (`docs/es/…`, `pages/en/…`) or a file named `index.fr.md` is CLD2's prior (a page of
   Spanish around English API terms under `docs/es/` is not called English);
6. **default**: `en`.

A tag with a region or script (`fr-CA`, `zh-Hant`, `de-CH`) takes its language's pack with the
region's differences laid over it.
"""


def _pairs(pairs: list[list[str]] | None) -> str:
    return " ".join(f"{o}…{c}" for o, c in pairs or ()) or "—"


def _spaces(marks: dict[str, str] | None) -> str:
    names = {"\u00a0": "NBSP", "\u202f": "NNBSP"}
    return ", ".join(f"{names.get(v, repr(v))} before `{k}`" for k, v in (marks or {}).items()) or "—"


def _rules_for(tag: str) -> list[str]:
    return [r.code for r in registry.builtin_rules()
            if r.languages is not None and primary(tag) in r.languages]


def languages_markdown() -> str:
    all_packs = packs()
    lines = [
        "# Languages\n",
        "Generated from the language packs (`rules/language/data/*.yaml`) and the rules' declarations by "
        "`copylint languages > docs/languages.md`; do not edit by hand.\n",
        _ORDER,
        "## What each language checks\n",
        "Rules that work the same in every language (whitespace, encoding, scraping residue, B rules…) "
        "run for all; the rules below know particular languages. A language without a pack is checked "
        "by the language-independent rules and by L101.\n",
        "Every language: " + ", ".join(r.code for r in registry.builtin_rules() if r.languages is None) + ".\n",
        "| tag | language | quotation marks | spaces the language sets | other conventions | rules that know it |",
        "|---|---|---|---|---|---|",
    ]
    for tag, pack in all_packs.items():
        other = []
        if pack.get("inverted"):
            other.append("opening " + " ".join(pack["inverted"].values()))
        if pack.get("fullwidth"):
            other.append("full-width " + "".join(pack["fullwidth"].values()))
        if pack.get("cjk-latin-spacing"):
            other.append("one CJK–Latin spacing per document")
        if pack.get("sentence-case") is True:
            other.append("sentence case")
        if pack.get("sentence-case") is False and "-" not in tag:
            other.append("no mid-sentence capital check")
        if pack.get("ordinal-full-stop"):
            other.append("ordinals with a full stop (`VI.`)")
        if pack.get("repeats"):
            other.append("repeats allowed: " + ", ".join(pack["repeats"]))
        if pack.get("repeats-before"):
            other.append("repeats allowed before a word: " + ", ".join(
                f"{word} ({', '.join(nexts)})" for word, nexts in pack["repeats-before"].items()))
        rules = ", ".join(_rules_for(tag)) if "-" not in tag else f"as `{primary(tag)}`"
        spaces = _spaces(pack.get("space-before"))
        if pack.get("space-inside-quotes"):
            spaces += "; inside " + " ".join(pack["space-inside-quotes"])
        lines.append(f"| `{tag}` | {pack.get('name', tag)} | {_pairs(pack.get('quotes'))} | {spaces} | "
                     f"{'; '.join(other) or '—'} | {rules} |")
    lines.append("\n## Sources\n")
    lines.append("Each convention cites where it comes from; the rules' rationales (`copylint explain L103`) "
                 "repeat them.\n")
    for tag, pack in all_packs.items():
        sources = [(k[: -len('-source')], v) for k, v in pack.items() if k.endswith("-source")]
        if not sources:
            continue
        lines.append(f"### {pack.get('name', tag)} (`{tag}`)\n")
        lines.extend(f"- **{what}**: {_text(text)}" for what, text in sources)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _text(value: Any) -> str:
    return " ".join(str(value).split())


@click.command("languages")
def command() -> None:
    """How each document's language is chosen, and what each language checks (Markdown)."""
    click.echo(languages_markdown(), nl=False)
