"""The check loop, rewritten for speed, must give what a plain loop gives: ``Checker`` asks which rules
apply to a language once per language (``Checker._plan``) and passes over a trigger's pieces whose first
character the prose lacks; the plain loop below asks every rule of every bucket per document, and scans
every piece."""

from __future__ import annotations

import random
from collections.abc import Iterable

from lint.check import Checker, dedupe
from lint.config import Config
from lint.engine import Linter, Selection
from lint.model import Document, Finding, Segment, Source
from lint.rule import Rule

# Pieces of prose in several languages and scripts, with the marks the triggers open with.
_PIECES = (
    "The minister resigned after the vote.", "Prices rose  sharply , analysts said.", "He said the the plan.",
    "Fruit &amp; wine lost millions… The port reopened.", "She said: \u201cWe will stay.", "Le prix a augmenté !",
    "« Non », a-t-il dit.", "Der Preis stieg stark an.", "¿Qué pasa?", "価格は上昇した。", "价格上涨了，分析师说。",
    "Цены выросли.", "Photo: Getty Images", "Share this article", "Advertisement", "{0} files", "%s of %d",
    "<b>bold</b>", "x;. y", "wait ,then", "theyalso said", "(open [bracket", "\u00c3\u00a9t\u00c3\u00a9", "a\u200bb",
)
_LANGUAGES = ("en", "fr", "de", "es", "ja", "zh", "ru", "en-GB", "pt-BR")
_PATHS = ("a.txt", "a.md", "a.rst", "messages.po")


def _plain(checker: Checker, doc: Document) -> list[Finding]:
    """``Checker._check`` as a plain loop: each bucket's rules asked per document, every piece scanned."""
    found: list[Finding] = []
    language = doc.language
    present = frozenset(s.kind for s in doc.segments)

    def of_kinds(rule: Rule, segments: Iterable[Segment]) -> list[Segment]:
        return [s for s in segments if rule.kinds is None or s.kind in rule.kinds]

    for rule in checker.document_rules:
        if rule.applies_to(language):
            found.extend(rule.check_document(doc))
    for rule, pattern, _ in checker.anchored:
        if rule.applies_to(language):
            for seg in of_kinds(rule, doc.segments):
                if pattern.match(seg.text):
                    found.extend(rule.check_segment(seg, doc))
    if doc.segments:
        for rule in checker.always:
            if rule.applies_to(language) and (rule.kinds is None or not rule.kinds.isdisjoint(present)):
                for seg in of_kinds(rule, doc.segments):
                    found.extend(rule.check_segment(seg, doc))
        for rule, pattern in checker.foreign:
            if rule.applies_to(language):
                for seg in of_kinds(rule, doc.segments):
                    if pattern.search(seg.text):
                        found.extend(rule.check_segment(seg, doc))
        for rule, patterns in checker.triggered:
            if rule.applies_to(language):
                for seg in of_kinds(rule, doc.segments_matching_any(patterns)):
                    found.extend(rule.check_segment(seg, doc))
        for rule in checker.gated:
            if rule.applies_to(language):
                chosen = rule.segments_to_read(doc)
                for seg in of_kinds(rule, doc.segments if chosen is None else list(chosen)):
                    found.extend(rule.check_segment(seg, doc))
    return dedupe(found)


def test_the_checker_finds_what_the_plain_loop_finds_in_every_language() -> None:
    rng = random.Random(18)
    linter = Linter(Selection(select=("ALL",)))
    config = Config()
    compared = found = 0
    for n in range(180):
        path = _PATHS[n % len(_PATHS)]
        paragraphs = [" ".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 5))]
        text = "\n\n".join(paragraphs) + "\n"
        if path.endswith(".po"):
            text = "".join(f'msgid "k{i}"\nmsgstr "{p.replace(chr(34), "")}"\n\n' for i, p in enumerate(paragraphs))
        doc = linter.parsed(Source(path, text), config)
        doc.language = _LANGUAGES[n % len(_LANGUAGES)]
        checker = linter.checker(config, frozenset(s.kind for s in doc.segments))
        ours = checker._check(doc)
        assert ours == _plain(checker, doc), (path, doc.language, text)
        compared += 1
        found += bool(ours)
    assert compared == 180 and found > 90
