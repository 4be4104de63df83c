"""What a rule is: its metadata, its examples, and the two ways it may look at text.

A rule is one module in ``rules/<family>/``, defining one subclass of ``Rule``
(what rules of a family share lives in ``rules/<family>/_*.py``, which discovery
passes over). It is pure: the same document and options give the same findings;
no I/O. Its options are a frozen dataclass, ``Options`` (``lint.options``), checked
when the config loads; the rule reads them, typed, as ``self.opts``.

Two scopes:

- ``scope = "prose"``: ``check_segment`` is called for each prose segment whose
  kind the rule accepts and in which ``trigger`` matches (the engine searches each
  trigger once over the document's prose, in C, so a clean document costs one scan
  per rule and no Python work per segment). A rule whose test cannot be a regex
  (a backreference) is better written as a document rule that rules out whole
  documents in C first (T102). Offsets a rule yields are segment offsets; ``finding()`` maps
  them to the Source and drops a fix whose span is not one contiguous run of
  the Source (it would overwrite markup the segment does not show).
- ``scope = "document"``: ``check_document`` sees the whole Document once
  (layout rules on the raw text, or prose rules that compare segments) and
  yields findings in Source offsets (``finding_at``).
- ``scope = "findings"``: ``check_findings`` runs last and judges the other
  rules' findings before inline switches are applied (C002, a switch that
  silences nothing).
- ``scope = "tree"``: no check of its own; the engine counts the lines of every
  document of a run and reports the ones many documents hold (``lint.tree``, S112).
"""

from __future__ import annotations

import marshal
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from lint.model import Applicability, Document, Edit, Finding, Fix, Related, Segment, Severity
from lint.options import OptionError, RuleOptions, options_of
from lint.patterns import kept_marshalled


def rule_data(path: Path) -> Any:
    """A data file a rule ships (phrase lists, labels, language packs): its YAML's values, as PyYAML's
    safe loader reads them (with libyaml where PyYAML has it).

    Read once per install, as Python compiles a module once: the values are kept beside the file in
    ``__pycache__``, with the text they were read from, and served from there while the file still has
    that text. A run then imports PyYAML only for a user's config or rule pack (its import is a tenth
    of a small run's start-up). Kept under the same conditions as bytecode (not with
    PYTHONDONTWRITEBYTECODE, nowhere the package is not writable)."""
    text = path.read_text(encoding="utf-8")
    kept = _kept_data_path(path)
    if kept is not None:
        try:
            kept_text, data = marshal.loads(kept.read_bytes())
            if kept_text == text:
                return data
        except (OSError, EOFError, ValueError, TypeError):  # none yet, or unreadable: read the YAML
            pass
    import yaml

    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if kept is not None and not sys.dont_write_bytecode:
        kept_marshalled(kept, (text, data))  # values marshal cannot hold (a YAML date): nothing kept
    return data


def _kept_data_path(path: Path) -> Path | None:
    tag = sys.implementation.cache_tag  # marshal's format may change between Python versions
    return None if tag is None else path.parent / "__pycache__" / f"{path.name}.{tag}.marshal"


@dataclass(frozen=True, init=False)
class Example:
    """A text the rule must flag (``fixed`` is the text after its fix, if any) or must not flag.

    ``path`` names the file the text pretends to come from, which picks the format.
    """

    text: str
    fixed: str | None = None
    path: str = "example.txt"
    note: str = ""
    select: tuple[str, ...] = ()  # other rules that run beside this one (C002 judges their findings)
    language: str | None = None  # the document's language (config `language`); None: as resolved
    tree: tuple[str, ...] = ()  # the other documents of the run, as the same path (rules of scope "tree")

    def __init__(self, text: str, fixed: str | None = None, path: str = "example.txt", note: str = "",
                 select: tuple[str, ...] = (), language: str | None = None, tree: tuple[str, ...] = ()) -> None:
        # The __init__ dataclasses writes for a frozen class, in one step: it sets each field through
        # object.__setattr__, and every rule module imported builds its examples (some 1,800 in a one-file
        # check, which reads none of them) at twice this cost. (The same fields, in the same order.)
        self.__dict__.update(text=text, fixed=fixed, path=path, note=note, select=select, language=language,
                             tree=tree)


class Rule:
    code: ClassVar[str]
    slug: ClassVar[str]
    summary: ClassVar[str]
    # Markdown. What it catches and why a reader is worse off for it.
    rationale: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    fix: ClassVar[Applicability | None] = None
    # Why the fix is safe or unsafe, shown by `explain` and in docs.
    fix_note: ClassVar[str] = ""
    scope: ClassVar[str] = "prose"
    kinds: ClassVar[frozenset[str] | None] = None  # segment kinds; None accepts all
    languages: ClassVar[frozenset[str] | None] = None  # primary subtags; None = any language
    trigger: ClassVar[str | None] = None  # regex (stdlib syntax); None = every segment
    trigger_flags: ClassVar[int] = 0
    default_enabled: ClassVar[bool] = True  # False: runs only when selected by name or prefix
    # The rule's options, a frozen dataclass (see lint.options); a rule with options narrows ``opts``.
    Options: ClassVar[type[RuleOptions]] = RuleOptions
    opts: RuleOptions
    tags: ClassVar[tuple[str, ...]] = ()
    flag: ClassVar[tuple[Example, ...]] = ()
    allow: ClassVar[tuple[Example, ...]] = ()

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        """``options``: config keys to values (`rules: {CODE: {...}}`), over the defaults; a value
        of the wrong type is an ``OptionError`` (the config reports it with its file and line first)."""
        try:
            self.opts = options_of(self.Options, options)
        except OptionError as exc:
            raise OptionError(exc.option, f"rule {self.code} ({self.slug}): {exc.message}") from None

    @property
    def family(self) -> str:
        return self.code.rstrip("0123456789") or self.code

    def applies_to(self, language: str) -> bool:
        if self.languages is None:
            return True
        return language.split("-")[0].lower() in self.languages

    # -- the two ways to look at text -------------------------------------------------

    def check_segment(self, seg: Segment, doc: Document) -> Iterable[Finding]:
        return ()

    def check_document(self, doc: Document) -> Iterable[Finding]:
        return ()

    def segments_to_read(self, doc: Document) -> Iterable[Segment] | None:
        """For a prose rule: the segments, in document order, that ``check_segment`` may find something
        in, where the rule can tell them faster over the whole document than its trigger can (a count
        done in C for all segments at once); None (the default): the trigger, or every segment, decides.
        Every segment left out must be one ``check_segment`` finds nothing in."""
        return None

    def decided(self, doc: Document) -> Iterable[tuple[int, int]]:
        """Source spans the rule judges, flagged or deliberately left alone (W105: every run of spaces it
        reads): where another checker of the same defect (LanguageTool's rule of the overlap table)
        reports there, the rule's decision stands. The default: only what it flags."""
        return ()

    def check_findings(self, doc: Document, findings: Sequence[Finding],
                       ran: Callable[[str], bool]) -> Iterable[Finding]:
        """``findings``: every other rule's, before suppression; ``ran(selector)``: whether a rule
        that a code, prefix or slug names ran in this check."""
        return ()

    def prepare(self) -> None:
        """Load now what the rule would load at its first use (a word list): a process pool calls it in
        the parent before it forks, so that every worker inherits the data instead of loading its own."""

    # -- building findings ---------------------------------------------------------------

    def finding(self, seg: Segment, start: int, end: int, message: str, replacement: str | None = None, *,
                edits: Iterable[tuple[int, int, str]] | None = None, applicability: Applicability | None = None,
                severity: Severity | None = None, related: Iterable[Related] = ()) -> Finding:
        """A finding at segment offsets [start, end), with an optional fix.

        ``replacement`` replaces the whole span; ``edits`` gives segment-offset
        edits instead. A fix whose edits do not each map onto one contiguous run
        of the Source is dropped: the finding is still reported.
        """
        src_start = seg.to_source(start)
        src_end = seg.to_source_end(end) if end > start else src_start
        wanted = _edits(start, end, replacement, edits)
        mapped = _source_edits(seg, wanted) if wanted is not None and (applicability or self.fix) else None
        return self._found(src_start, src_end, message, mapped or None, applicability, severity, related)

    def finding_at(self, start: int, end: int, message: str, replacement: str | None = None, *,
                   edits: Iterable[tuple[int, int, str]] | None = None, applicability: Applicability | None = None,
                   severity: Severity | None = None, related: Iterable[Related] = ()) -> Finding:
        """A finding at Source offsets (document-scope rules)."""
        wanted = _edits(start, end, replacement, edits)
        source = None if wanted is None else [Edit(s, e, r) for s, e, r in wanted]
        return self._found(start, end, message, source, applicability, severity, related)

    @staticmethod
    def related(seg: Segment, start: int, end: int, message: str) -> Related:
        """Another place a finding speaks of, at segment offsets (see ``Related``)."""
        src_start = seg.to_source(start)
        return Related(src_start, seg.to_source_end(end) if end > start else src_start, message)

    def _found(self, start: int, end: int, message: str, edits: Sequence[Edit] | None,
               applicability: Applicability | None, severity: Severity | None,
               related: Iterable[Related] = ()) -> Finding:
        """The finding, with a fix of ``edits`` (Source offsets) where there are edits and the rule or
        the call gives the fix an applicability."""
        fix = None
        if edits is not None and (applicability or self.fix):
            fix = Fix(tuple(edits), applicability or self.fix or Applicability.SAFE)
        return Finding(self.code, self.slug, message, start, end, severity or self.severity, fix,
                       related=tuple(related))


def _edits(start: int, end: int, replacement: str | None,
           edits: Iterable[tuple[int, int, str]] | None) -> Iterable[tuple[int, int, str]] | None:
    """The edits a finding asks for: ``replacement`` of the whole span, else ``edits``, else none."""
    return [(start, end, replacement)] if replacement is not None else edits


def _source_edits(seg: Segment, edits: Iterable[tuple[int, int, str]]) -> list[Edit]:
    """Segment-offset edits as Source edits; none at all where one of them is not one contiguous run
    of the Source (it would overwrite markup the segment does not show)."""
    mapped: list[Edit] = []
    for s, e, r in edits:
        if not seg.is_contiguous(s, e):
            return []
        if e > s:
            ss, se = seg.to_source(s), seg.to_source_end(e)
        else:  # an insertion: before character s, or after the last one
            ss = se = seg.to_source(s) if s < len(seg.text) else seg.to_source_end(s)
        mapped.append(Edit(ss, se, r))
    return mapped
