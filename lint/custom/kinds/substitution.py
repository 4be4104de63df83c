"""The `substitution` kind of custom rule: the house form of a term, with a safe fix (README, "The kinds")."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import regex

from lint.custom import matcher
from lint.custom.kinds.base import (
    UserRule,
    _exceptions,
    _groups_of,
    _listing,
    _match_values,
    _preview,
)
from lint.custom.matcher import TermMatcher
from lint.custom.spec import Spec
from lint.model import Applicability, Document, Finding, Segment


class Substitution(UserRule):
    kind = "substitution"
    FIELDS = frozenset({"swap", "patterns", "ignorecase", "case", "nonword", "exceptions", "fix", "timeout"})
    DEFAULT_FIX = Applicability.SAFE
    PLACEHOLDERS = frozenset({"match", "replacement"})
    DEFAULT_MESSAGE = "Use '{replacement}' instead of '{match}'"
    USES_PATTERNS = True

    terms: ClassVar[TermMatcher | None] = None
    swap: ClassVar[Mapping[str, str]] = {}
    # key -> offsets at which the key occurs inside its own replacement (Macedonia → North Macedonia)
    inside: ClassVar[Mapping[str, tuple[int, ...]]] = {}
    patterns: ClassVar[tuple[tuple[regex.Pattern[str], str], ...]] = ()
    preserve_case: ClassVar[bool] = True

    @classmethod
    def configure(cls, spec: Spec) -> dict[str, Any]:
        ignorecase = spec.boolean("ignorecase")
        nonword = spec.boolean("nonword")
        case = spec.choice("case", ["preserve", "exact"], "preserve")
        swap = spec.mapping("swap")
        raw_patterns = spec.mapping("patterns")
        if not swap and not raw_patterns:
            raise spec.error((), "missing field 'swap' (e.g. {Kiev: Kyiv}) or 'patterns' (regex: replacement)")
        mode = "ignore" if ignorecase else ("variants" if case == "preserve" else "exact")
        seen: dict[str, str] = {}
        for key, repl in swap.items():
            k = matcher.normalize_space(key.strip())
            folded = k.casefold() if ignorecase else k
            if folded in seen:
                raise spec.error(("swap", key), f"'{key}' is listed twice (also as '{seen[folded]}')")
            seen[folded] = key
            if matcher.normalize_space(repl.strip()) == k:
                raise spec.error(("swap", key), f"'{key}' is swapped for itself")
        terms = TermMatcher(swap, case=mode, nonword=nonword) if swap else None
        inside: dict[str, tuple[int, ...]] = {}
        if terms is not None:
            for key, repl in swap.items():
                for t in terms.finditer(repl):
                    if t.key != key:
                        raise spec.error(
                            ("swap", key),
                            f"the replacement '{repl}' contains '{t.text}', which this rule swaps too: "
                            "list the final form for each key",
                        )
                # The key as a proper part of its replacement: its occurrences inside the replacement are fine.
                offsets = tuple(i for i in range(len(repl)) if repl[i:].casefold().startswith(key.casefold())
                                and len(repl) > len(key))
                if offsets:
                    inside[key] = offsets
        patterns = []
        for source, template in raw_patterns.items():
            p = spec.pattern(("patterns", source), source, ignorecase=ignorecase, nonword=nonword)
            names = set(p.groupindex)
            spec.template(("patterns", source), template, {"match"}, p.groups, names)
            patterns.append((p, template))
        attrs: dict[str, Any] = {
            "terms": terms, "swap": dict(swap), "inside": inside, "patterns": tuple(patterns),
            "ignorecase": ignorecase, "nonword": nonword, "preserve_case": case == "preserve",
            **_exceptions(spec, ignorecase, nonword), "_groups": _groups_of(p for p, _ in patterns),
        }
        if terms is not None and not patterns:
            attrs["trigger"] = terms.source
        return attrs

    @classmethod
    def default_summary(cls, attrs: Mapping[str, Any]) -> str:
        pairs = [f"{v} for {k}" for k, v in attrs["swap"].items()] + [f"{t} for /{p.pattern}/" for p, t in attrs["patterns"]]
        if len(pairs) == 1:
            return f"Use {pairs[0]}"
        return f"House terms: use {_preview(pairs, 2)}"

    @classmethod
    def details(cls, attrs: Mapping[str, Any]) -> str:
        pairs = [f"`{k}` → `{v}`" for k, v in attrs["swap"].items()]
        pairs += [f"`/{p.pattern}/` → `{t}`" for p, t in attrs["patterns"]]
        return "Replaces: " + _listing(pairs) + "."

    def _adapt(self, text: str, start: int, found: str, key: str, repl: str) -> str:
        if self.preserve_case:
            repl = matcher.adapt_case(found, key, repl)
            i = matcher._first_cased(repl)
            if (i >= 0 and repl[i].islower() and found[:1].isupper()
                    and matcher.sentence_initial(text, start)):
                repl = matcher.upper_first(repl)
        return repl

    def _within_replacement(self, text: str, start: int, key: str) -> bool:
        repl = self.swap[key]
        for k in self.inside.get(key, ()):
            s = start - k
            if s >= 0 and text[s : s + len(repl)].casefold() == repl.casefold():
                return True
        return False

    def scan(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        text = seg.text
        memo: dict[str, Any] = {}
        if self.terms is not None:
            for t in self.terms.finditer(text):
                if self.excepted_at(seg, t.start, t.end, t.text, memo) or self._within_replacement(text, t.start, t.key):
                    continue
                repl = self._adapt(text, t.start, t.text, t.key, self.swap[t.key])
                if repl == t.text:
                    continue
                yield self.finding(seg, t.start, t.end, self.say(match=t.text, replacement=repl), repl)
        for p, template in self.patterns:
            for m in self.finditer(p, seg):
                found = m.group()
                if self.excepted_at(seg, m.start(), m.end(), found, memo):
                    continue
                values = _match_values(m)
                repl = self._adapt(text, m.start(), found, found, matcher.render(template, values))
                if repl == found:
                    continue
                yield self.finding(seg, m.start(), m.end(), self.say(**values, replacement=repl), repl)
