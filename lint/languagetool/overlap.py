"""Where LanguageTool and copylint's own rules say the same thing, ours wins.

``OVERLAP`` maps a LanguageTool rule id to the copylint rules (codes or slugs) that catch the same
defect. A G finding of one of these LanguageTool rules is dropped when one of the listed rules is
selected in the run and flags a span that overlaps it (the G rule re-runs that rule on the document
to know: a cheap, trigger-gated check, done only for documents that have such a G match). Our rule
wins because it knows scraping and translation residue (names, acronyms, quotes) and its fix is
written for it; LanguageTool's is generic.

Each entry carries a text on which LanguageTool fires that rule (the tests check it against the real
server, and that our rule, once it exists, takes the finding over).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Overlap:
    lt_rule: str
    ours: tuple[str, ...]  # copylint codes (or slugs)
    example: str  # a text on which LanguageTool (en-US, default level unless picky) fires lt_rule
    why: str
    picky: bool = False  # LanguageTool fires it only at level=picky


OVERLAPS: tuple[Overlap, ...] = (
    Overlap("WHITESPACE_RULE", ("W105",), "We went , and then (  he left ) quickly.",
            "a run of spaces inside a line"),
    Overlap("CONSECUTIVE_SPACES", ("W105",), "This  is a test of the system.",
            "a run of spaces inside a line"),
    Overlap("COMMA_PARENTHESIS_WHITESPACE", ("S107",), "We went , and then left quickly.",
            "space before punctuation"),
    Overlap("UPPERCASE_SENTENCE_START", ("S101",), "date 2024-01-24 Videograb shows an explosion.",
            "a lowercase sentence start that is a glued metadata label"),
    Overlap("EN_QUOTES", ("P102",), '“One,” “two” and “three,” he said, and then "hello" to me.',
            "straight quotes where curly ones are the style", picky=True),
    Overlap("DOUBLE_PUNCTUATION", ("P104",), "I think so,, maybe.", "doubled punctuation"),
    Overlap("ENGLISH_WORD_REPEAT_RULE", ("T102",), "We went to the the store yesterday.", "a repeated word"),
    Overlap("EN_UNPAIRED_QUOTES", ("P101",), "Gladkov said. I changed my work schedule. All details later.”",
            "a quotation mark with no partner"),
    Overlap("EN_UNPAIRED_BRACKETS", ("P105",), "The cat (small was black.", "a bracket with no partner"),
)

OVERLAP: dict[str, tuple[str, ...]] = {o.lt_rule: o.ours for o in OVERLAPS}
