"""Every built-in rule's own examples are its tests: what it must flag (and how its fix reads) and what it must not."""

from __future__ import annotations

import pytest

import lint
from lint import registry
from lint.config import Config
from lint.rule import Example, Rule

RULES = registry.builtin_rules()


def _cases(kind: str) -> list[tuple[type[Rule], Example]]:
    return [(rule, ex) for rule in RULES for ex in getattr(rule, kind)]


def _id(case: tuple[type[Rule], Example]) -> str:
    rule, ex = case
    return f"{rule.code}:{ex.text[:40]!r}"


@pytest.mark.parametrize("case", _cases("flag"), ids=_id)
def test_rule_flags_its_example(case: tuple[type[Rule], Example]) -> None:
    rule, ex = case
    config = Config(language=ex.language)
    found = [f for f in lint.check_text(ex.text, path=ex.path, config=config, select=[rule.code, *ex.select],
                                        tree=ex.tree) if f.code == rule.code]
    assert found, f"{rule.code} did not flag {ex.text!r}"
    if ex.fixed is not None:
        fixed = lint.fix_text(ex.text, path=ex.path, config=config, select=[rule.code], unsafe=True)
        assert fixed == ex.fixed
        # Idempotent: fixing the fixed text changes nothing.
        assert lint.fix_text(fixed, path=ex.path, config=config, select=[rule.code], unsafe=True) == fixed


@pytest.mark.parametrize("case", _cases("allow"), ids=_id)
def test_rule_allows_its_example(case: tuple[type[Rule], Example]) -> None:
    rule, ex = case
    config = Config(language=ex.language)
    found = [f for f in lint.check_text(ex.text, path=ex.path, config=config, select=[rule.code, *ex.select],
                                        tree=ex.tree) if f.code == rule.code]
    assert not found, f"{rule.code} flagged {ex.text!r}: {[f.message for f in found]}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_metadata_is_complete(rule: type[Rule]) -> None:
    assert rule.code[0].isalpha() and rule.code[1:].isdigit() and len(rule.code) == 4
    assert rule.slug and rule.slug == rule.slug.lower() and " " not in rule.slug
    assert rule.summary and rule.rationale.strip()
    assert len(rule.flag) >= 5 and len(rule.allow) >= 5
    if rule.code[0] in "STP":  # the scraping, translation and punctuation families: 8 of each at least
        assert len(rule.flag) >= 8 and len(rule.allow) >= 8
    if rule.fix is not None:
        assert rule.fix_note, f"{rule.code} has a fix but no fix_note"
    # A trigger is scanned over every document's prose: it must compile alone; a backreference would
    # make that scan slow, and a global inline flag would fight the MULTILINE the engine adds.
    if rule.trigger is not None:
        import re

        re.compile(rule.trigger)
        assert not re.search(r"\\[1-9]|\(\?P=|^\(\?[aiLmsux]+\)", rule.trigger), rule.trigger
    # One rule per module, named after what it catches.
    assert rule.__module__.rsplit(".", 1)[-1] == rule.slug.replace("-", "_")


def test_codes_and_slugs_are_unique() -> None:
    codes = [r.code for r in RULES]
    slugs = [r.slug for r in RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(slugs)) == len(slugs)


def _pack_rules() -> list[type[Rule]]:
    from lint.custom import packs

    return [r for path in packs.builtin_packs().values() for r in packs.load_file(path, builtin=True).rules]


@pytest.mark.parametrize("rule", [*RULES, *_pack_rules()], ids=lambda r: r.code)
def test_examples_are_unique_per_rule(rule: type[Rule]) -> None:
    """An example listed twice tests nothing new and pads the rule's count of examples: each text (with
    the file it pretends to be, its language and the rules beside it) is listed once, flag or allow.
    The built-in rule packs' rules are held to it too."""
    seen: dict[tuple[str, str, str | None, tuple[str, ...], tuple[str, ...]], str] = {}
    for kind in ("flag", "allow"):
        for ex in getattr(rule, kind):
            key = (ex.text, getattr(ex, "path", ""), getattr(ex, "language", None), getattr(ex, "select", ()),
                   getattr(ex, "tree", ()))
            assert key not in seen, f"{rule.code} lists {ex.text[:60]!r} twice ({seen[key]} and {kind})"
            seen[key] = kind
