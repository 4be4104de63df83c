"""Rule documentation, generated from each rule's own metadata: ``copylint explain``, ``copylint rules``, docs/rules.md."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

from lint.model import Family
from lint.options import described, specs
from lint.rule import Example, Rule

FAMILY_NAMES = {f.value: f.label for f in Family}


GRAMMAR_FAMILY = """# G languagetool

Grammar and spelling from a LanguageTool server: every match LanguageTool reports becomes a finding with
the code `G:` + LanguageTool's rule id (`G:MORFOLOGIK_RULE_EN_US`) and a slug made from the id.

Family: grammar · on when asked for (a `languagetool:` section, `--languagetool URL`,
`--require-languagetool`, or `G` in select)

**What it does.** Sends the document's prose segments (never code or markup) to LanguageTool in as few
requests as its `maxTextLength` allows, and maps each match back to the file through the segments' source
maps. Results are cached by segment content, language and settings.

**Fix safety.** LanguageTool's first suggestion is an unsafe fix (a grammar suggestion can change what
a sentence says); it is safe only for LanguageTool's whitespace rules, when the edit changes whitespace
alone. Where one of copylint's own rules reports the same thing on the same span (WHITESPACE_RULE and
W105, EN_UNPAIRED_QUOTES and P101, …), copylint's finding is kept and LanguageTool's dropped.

See the README's LanguageTool section for the server (`copylint languagetool install|start|stop|status`).
"""


def _fix_text(rule: type[Rule]) -> str:
    if rule.fix is None:
        return "No fix: the finding is reported only."
    kind = "safe (applied by `--fix`)" if rule.fix.value == "safe" else "unsafe (applied only with `--unsafe-fixes`)"
    return f"The fix is {kind}. {rule.fix_note}".strip()


def _example_block(ex: Example) -> str:
    shown = ex.text.replace("\r", "\\r").replace("\t", "\\t")
    line = f"    {shown!r}" if shown != shown.strip() or "\n" in shown or not shown else f"    {shown}"
    if ex.fixed is not None:
        fixed = ex.fixed.replace("\r", "\\r").replace("\t", "\\t")
        line += f"\n      → {fixed!r}"
    if ex.tree:
        # A rule of scope "tree" judges a text beside the other documents of the run (S112).
        line += f"\n      beside {len(ex.tree)} other document{'s' if len(ex.tree) > 1 else ''}" + "".join(
            f"\n      + {other!r}" for other in ex.tree)
        if ex.note:
            line += f"\n      ({ex.note})"
    return line


def rule_markdown(rule: type[Rule], level: int = 1) -> str:
    h = "#" * level
    family = FAMILY_NAMES.get(rule.code[0], rule.code[0])
    parts = [
        f"{h} {rule.code} {rule.slug}\n",
        f"{rule.summary}.\n" if not rule.summary.endswith(".") else f"{rule.summary}\n",
        f"Family: {family} · default severity: {rule.severity.value}"
        + (f" · languages: {', '.join(sorted(rule.languages))}" if rule.languages else "")
        + "\n",
        textwrap.dedent(rule.rationale).strip() + "\n",
        f"**Fix safety.** {_fix_text(rule)}\n",
    ]
    options = described(rule)
    if options:
        opts = "\n".join(options)
        parts.append(f"**Options** (`rules: {{{rule.code}: {{...}}}}` in `.copylint.yaml`):\n\n{opts}\n")
    if rule.flag:
        parts.append("**Flagged:**\n\n" + "\n".join(_example_block(e) for e in rule.flag) + "\n")
    if rule.allow:
        parts.append("**Not flagged:**\n\n" + "\n".join(_example_block(e) for e in rule.allow) + "\n")
    return "\n".join(parts)


def rules_markdown(rules: Sequence[type[Rule]]) -> str:
    head = [
        "# copylint rules\n",
        "Generated from the rules' own metadata by `copylint rules --format markdown`; do not edit by hand.\n",
        "| code | slug | family | fix | summary |",
        "|---|---|---|---|---|",
    ]
    for r in rules:
        anchor = f"{r.code.lower()}-{r.slug}"
        fix = r.fix.value if r.fix else "—"
        head.append(f"| [{r.code}](#{anchor}) | {r.slug} | {FAMILY_NAMES.get(r.code[0], '')} | {fix} | {r.summary} |")
    body = [rule_markdown(r, level=2) for r in rules]
    return "\n".join(head) + "\n\n" + "\n".join(body)


def rule_dict(rule: type[Rule]) -> dict[str, Any]:
    return {
        "code": rule.code,
        "slug": rule.slug,
        "family": FAMILY_NAMES.get(rule.code[0], rule.code[0]),
        "summary": rule.summary,
        "severity": rule.severity.value,
        "fix": rule.fix.value if rule.fix else None,
        "languages": sorted(rule.languages) if rule.languages else None,
        "rationale": textwrap.dedent(rule.rationale).strip(),
        "flag": [{"text": e.text, "fixed": e.fixed} for e in rule.flag],
        "allow": [{"text": e.text} for e in rule.allow],
        "options": {s.key: s.json_schema() for s in specs(rule.Options)},
    }
