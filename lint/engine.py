"""The pipeline for one file: load → parse → check → filter, and the fix loop over it.

The CLI, the language server and the Python API (``lint.check_text``) all come
through ``Linter``; nothing else decides which rules run or which findings stay.
"""

from __future__ import annotations

import dataclasses
import os
import re
import stat
import time
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pathspec

    from lint import cache
    from lint.tree import LineMemo, TreeCounts, TreeLine

from lint import formats, registry
from lint.check import Checker
from lint.config import Config
from lint.fix import apply_edits, compatible_fixes, keyed_values_kept
from lint.guard import Crash, Deadline, SettingUp, TimedOut, is_crash
from lint.model import (
    Applicability,
    Document,
    Edit,
    FileError,
    Finding,
    Severity,
    Source,
    Suppression,
    line_break_count,
    one_kind_of_line_end,
)
from lint.paths import relative_to_root
from lint.patterns import compiled_on_use
from lint.rule import Rule
from lint.source import (
    BinaryFile,
    BlockedSource,
    LoadError,
    blocked_utf8,
    decode,
    long_line,
    read_bytes,
    too_large,
    write_source,
)

MAX_FIX_PASSES = 10
# A plain-text file over BIG_TEXT characters is linted in blocks of about BLOCK_TEXT (Linter.findings).
# A block is a document to the rules, and several do document-wide work once anything in the document
# asks for it (S110 classifies every line once S102 reports one, T108 reads all the capitalized words and
# code names once a lower-case start turns up): the bigger the block, the likelier each block pays it
# whole. Blocks of a few typical files' size keep that at what the parts cost: the PEPs as one 13.9 MB
# file took 1.25x the CPU of the 703 files in 256 K blocks, 1.0x in 64 K ones (peak 84 -> 68 MiB).
BIG_TEXT = 1 << 20
BLOCK_TEXT = 1 << 16
# Where a block is cut (``_block_cut``): at a run of blank lines at least BLOCK_TEXT characters after its start
# whose next line's first CUT_HEAD characters hash to 0 modulo CUT_ODDS (about one run in 16: the PEPs' blocks
# are some 3,600 characters longer than BLOCK_TEXT), else at the first run CUT_LAST characters after its start.
CUT_HEAD = 16
CUT_ODDS = 16
CUT_LAST = 2 * BLOCK_TEXT
# A line break then a run of blank lines (at least one), read whole: where a block may be cut if a visible
# character follows. A line ends at LF, CRLF or a lone CR (a CRLF pair is one line end: ``\r\n?+`` never
# gives its LF back to be read as a second, blank line); the cut, before a visible character, never falls
# between the CR and the LF of a pair.
_BLANK_RUN = compiled_on_use(r"(?:\n|\r\n?+)(?:[ \t]*+(?:\n|\r\n?+))++")


def _block_cut(text: str, pos: int, last: int = CUT_LAST - BLOCK_TEXT) -> re.Match[str] | None:
    """Where the block that reaches ``pos`` (its start + BLOCK_TEXT) ends: the first run of blank lines from
    ``pos`` (``_block_break``) whose next line's head (its first CUT_HEAD characters, or all of it where it
    is shorter: the same whatever ends the lines) hashes to 0 modulo CUT_ODDS, else the first run from ``pos``
    + ``last``; None where there is none, or ``text`` ends before the head of a run it weighs (the text read
    so far: a block decoded a piece at a time waits for the next piece; at the text's end, no cut there).

    Chosen by the text that follows it, not by its distance from the block's start alone, a cut stays where
    it is when a fix before it changes the text's length (one that shortens the block a little moves it only
    where it was one of the first runs past BLOCK_TEXT): the fixed text is cut where it was, and a fix of a
    big file re-reads no block it has not changed (``Linter._fixed_blocks``)."""
    last += pos
    while (m := _block_break(text, pos)) is not None:
        end = m.end()
        if end >= last:
            return m
        head = text[end : end + CUT_HEAD]
        size = len(head)
        for mark in "\n\r":
            at = head.find(mark)
            if 0 <= at < size:
                size = at
        if size == len(head) < CUT_HEAD:
            return None  # its head is not all read yet, or the text ends within it
        if not zlib.crc32(head[:size].encode("utf-8", "surrogatepass")) % CUT_ODDS:
            return m
        pos = end
    return None


def _block_break(text: str, pos: int) -> re.Match[str] | None:
    """The first run of blank lines from ``pos`` followed by a visible character: the match of
    ``(?:\\n|\\r\\n?+)(?:[ \\t]*(?:\\n|\\r\\n?+))+(?=[^\\s\\ufeff])``. That pattern, searched, read a run not followed
    by one (white space or the text's end) again from each of its lines (a file of 2 MB of blank lines:
    killed at 120 s); no match starts inside such a run, so the search goes on from its end.

    Nor is a block cut before U+FEFF (two files glued, the second's byte order mark kept): a block starting
    with it would read it as the text's own mark, which E102 lets through at the text's start."""
    while (m := _BLANK_RUN.search(text, pos)) is not None:
        if m.end() < len(text) and not text[m.end()].isspace() and text[m.end()] != "\ufeff":
            return m
        pos = m.end()
    return None


_KIND = attrgetter("kind")
_CODE = attrgetter("code")


@dataclass(frozen=True)
class Selection:
    """Command-line choices that override the config file's."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    languagetool: str | None = None  # --languagetool URL
    require_languagetool: bool = False
    cache: bool = True  # False: --no-cache, read and write no results cache (here, in workers, for G)
    file_timeout: float | None = None  # --file-timeout SECONDS (None: the config's file-timeout)


# Sources of rules that are not modules in rules/: "module:function" taking
# (config, selection) and returning rule instances. Imported only when present.
RULE_PROVIDERS = ("lint.languagetool.provider:rules_for",)


def _asks_for_grammar(config: Config, selection: Selection) -> bool:
    """Whether anything asks for the G family: only then is the LanguageTool bridge imported (it costs
    an HTTP client's import on every run otherwise)."""
    names = (*(selection.select or ()), *selection.extend_select, *(config.select or ()), *config.extend_select)
    return bool(
        "languagetool" in config.sections
        or selection.languagetool
        or selection.require_languagetool
        or any(n.upper() in ("G", "ALL") or n.upper().startswith("G:") or n == "languagetool" for n in names)
    )


def provided_rules(config: Config, selection: Selection) -> list[Rule]:
    import importlib

    if not _asks_for_grammar(config, selection):
        return []
    out: list[Rule] = []
    for spec in RULE_PROVIDERS:
        module_name, func = spec.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:
            continue
        out.extend(getattr(module, func)(config, selection))
    return out


@dataclass(frozen=True)
class FixPass:
    """One pass of the fix loop that was kept: the text it started from and the edits it applied."""

    text: str
    edits: tuple[Edit, ...]


@dataclass
class FileResult:
    """What linting one file gave: its findings, errors, fixes, language, or why it was skipped."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    source: Source | None = None
    fixed_text: str | None = None  # set by fixing when the text changed
    fixes_applied: int = 0
    skipped: str | None = None  # why the file was not linted (binary), shown under --verbose
    trace: str | None = None  # the traceback of a reader or rule that crashed, shown under --verbose
    fixed_codes: Counter[str] = field(default_factory=Counter)  # fixes applied, by rule code (--show-fixes)
    language: str | None = None  # the document's language (BCP 47), and where it came from:
    language_from: str | None = None  # inline, path, file, config, detected or default (lint.language)
    # For the results cache's stat index: set when the file was checked unchanged (``Linter.remember``).
    stat_record: cache.StatRecord | None = None
    # The document's candidate lines for a rule of scope "tree" (S112), when one is selected (lint.tree).
    tree_lines: list[TreeLine] | None = None


def selected_rule_classes(config: Config, selection: Selection) -> list[type[Rule]]:
    return [registry.loaded(r) if isinstance(r, registry.RuleEntry) else r for r in selected_rules(config, selection)]


def selected_rules(config: Config, selection: Selection) -> list[registry.RuleEntry | type[Rule]]:
    """``selected_rule_classes``, the built-in rules as their index entries: no rule module imported."""
    chosen: dict[str, registry.RuleEntry | type[Rule]] = {}
    select = selection.select if selection.select is not None else config.select
    if select is None:
        for rule in registry.default_entries():
            chosen[rule.code] = rule
    else:
        for name in select:
            for rule in registry.matching_entries(name):
                chosen[rule.code] = rule
    for name in (*config.extend_select, *selection.extend_select):
        for rule in registry.matching_entries(name):
            chosen[rule.code] = rule
    for name in (*config.ignore, *selection.ignore):
        for rule in registry.matching_entries(name):
            chosen.pop(rule.code, None)
    if config.sections.get("custom-rules") or config.sections.get("packs") or registry.has_extra():
        # The registry is process-wide: a user rule runs only under the config that brought it.
        from lint.custom.config import applies

        chosen = {code: rule for code, rule in chosen.items()
                  if isinstance(rule, registry.RuleEntry) or applies(rule, config)}
    return sorted(chosen.values(), key=lambda r: r.code)


class Linter:
    """Lints and fixes Sources under a config; prepared rules are reused across files."""

    def __init__(self, selection: Selection | None = None) -> None:
        self.selection = selection or Selection()
        # Prepared rules by config and the rules left idle (``checker``), and each config's selection.
        self._checkers: dict[tuple[int, tuple[str, ...]], Checker] = {}
        # The checker for each config, set of segment kinds and language (most documents of a run share a few).
        # (With the rules whose trigger found nothing in the document that made it: ``checker``.)
        self._by_kinds: dict[tuple[int, frozenset[str] | None, str | None],
                             tuple[Checker, tuple[registry.RuleEntry, ...]]] = {}
        # Per config: the trigger-gated rules some document needed, and the rules prepared.
        self._triggered: dict[int, set[str]] = {}
        self._rules: dict[tuple[int, type[Rule]], Rule] = {}
        self._chosen: dict[int, list[registry.RuleEntry | type[Rule]]] = {}
        self._provided: dict[int, list[Rule]] = {}
        self._ignores: dict[int, list[tuple[pathspec.GitIgnoreSpec, list[str]]]] = {}
        self._cache_keys: dict[int, str | None] = {}
        self._hooked: dict[int, bool] = {}  # per config: whether it maps a format with sources (sources_of)
        # path -> the files its findings depend on (sources_of), looked up once per check (lint_file) for
        # the stat index, the cache key and the reader alike.
        self._sources_found: dict[str, tuple[str, ...]] = {}
        # path -> the format it is read as, looked up once per check (lint_file) for the sources, the
        # blocked read and the reader alike (a config's format globs are matched at each ask).
        self._formats: dict[str, str] = {}
        # The results cache's stat indexes, by (cache folder, settings key); ``save_cache`` writes them.
        self._indexes: dict[tuple[str, str], cache.StatIndex] = {}
        self._folders: dict[tuple[int, str | None], Path] = {}
        # Whether lint_file looks a file up in the stat index first (a pool's workers get only the files
        # the parent found no record for: they need not read the index).
        self.by_stat = True
        # The language each path's last Document was found to be in, for the report (lint_file pops it).
        self._languages: dict[str, tuple[str, str]] = {}
        # The selected rule of scope "tree" per config (None: none), and each path's last Document's lines.
        self._tree_rules: dict[int, Rule | None] = {}
        self._tree_lines: dict[str, list[TreeLine]] = {}
        # The pre-pass's lines of each file (lint.tree.LineMemo), so that a check hashes no line twice: set by
        # tree_counts, or by a caller that ran the pre-pass itself (corpus mode).
        self.line_memo: LineMemo | None = None
        # Whether ``findings`` gives each fix as the engine allows it (``_guarded``). A caller that reads
        # no fix (corpus mode without --fix: code, span and message) turns it off: a fix is only ever
        # changed there (dropped, or made unsafe), never its finding.
        self.guard_fixes = True

    def checker(self, config: Config, kinds: frozenset[str] | None = None, language: str | None = None,
                prose: str | None = None) -> Checker:
        """The rules the config and the command line select, prepared once. With ``kinds`` (the segment
        kinds of the document to check), less the built-in rules that look only at kinds of segments it
        has none of, which would find nothing there: their modules are not even imported (the B rules,
        for a file that is no catalogue). With ``language`` (the document's), less the built-in rules that
        do not run for it (``Rule.applies_to``, read from the index: L102-L107 for English). With ``prose``
        (the document's, ``Document.prose``), less the built-in rules whose trigger cannot match in it
        (``RuleEntry.may_fire``) and that no document of the run has needed yet: once one has, the rule
        stays (its own trigger scan then passes over the documents it has nothing in), so a run builds
        a few checkers, not one per combination of triggers."""
        if language is not None:
            from lint.language import primary

            language = primary(language)  # (what ``Rule.applies_to`` compares)
        known = self._by_kinds.get((id(config), kinds, language))
        if known is not None and (prose is None or not any(r.may_fire(prose) for r in known[1])):
            return known[0]  # the same config, kinds and language: the same idle rules, the same checker
        chosen = self._chosen.get(id(config))
        if chosen is None:
            with SettingUp():  # (outside the file's time limit: done once for the run, not for this file)
                chosen = selected_rules(config, self.selection)
            # Once per config, whatever the documents: a provider's rule may hold a server (LanguageTool).
            # Both kept only once both are made: a file's time limit may stop a provider.
            self._provided[id(config)] = provided_rules(config, self.selection)
            self._chosen[id(config)] = chosen
        idle = [r for r in chosen if isinstance(r, registry.RuleEntry) and (
            (kinds is not None and r.kinds is not None and kinds.isdisjoint(r.kinds))
            or (language is not None and not r.runs_for(language)))]
        waiting: tuple[registry.RuleEntry, ...] = ()
        if prose is not None:
            needed = self._triggered.setdefault(id(config), set())
            for r in chosen:
                if isinstance(r, registry.RuleEntry) and r.opens is not None and r.code not in needed \
                        and r not in idle:
                    if r.may_fire(prose):
                        needed.add(r.code)
                    else:
                        waiting += (r,)
            idle = sorted([*idle, *waiting], key=_CODE)
        key = (id(config), tuple(r.code for r in idle))
        if key not in self._checkers:
            with SettingUp():  # importing the rules' modules (their patterns compiled): the run's, not this file's
                rules = [self._rule(config, registry.loaded(r) if isinstance(r, registry.RuleEntry) else r)
                         for r in chosen if r not in idle]
            rules.extend(self._provided[id(config)])
            self._checkers[key] = Checker(rules, idle=[(r.code, r.slug) for r in idle])
        checker = self._checkers[key]
        self._by_kinds[(id(config), kinds, language)] = (checker, waiting)
        return checker

    def _rule(self, config: Config, cls: type[Rule]) -> Rule:
        """The rule prepared under ``config``: one instance for all the checkers of a config (a document whose
        trigger rules differ gets a checker of its own, with the same rules)."""
        key = (id(config), cls)
        rule = self._rules.get(key)
        if rule is None:
            rule = self._rules[key] = cls(config.rule_options.get(cls.code))
        return rule

    def tree_rule(self, config: Config) -> Rule | None:
        """The selected rule of scope "tree" (S112), or None. Decided from the rule index, so that a run
        without one prepares no rule for the question."""
        key = id(config)
        if key not in self._tree_rules:
            rule = None
            if _tree_selected(config, self.selection):
                rule = next((r for r in self.checker(config).rules if r.scope == "tree"), None)
            self._tree_rules[key] = rule
        return self._tree_rules[key]

    def taken_tree_lines(self, path: str) -> list[TreeLine] | None:
        """The lines of ``path`` that its last check hashed for the rule of scope "tree" (S112), handed
        over once: the caller keeps them with the file's result or cache entry. None when that check hashed
        none."""
        return self._tree_lines.pop(path, None)

    def tree_counts(self, files: Iterable[tuple[str, Config, cache.StatRecord | None]]) -> TreeCounts | None:
        """The pre-pass of a run with a rule of scope "tree": each file's line hashes counted, from its stat
        record when the results cache has them, else from the file (read and decoded, not parsed). None
        when no file's config selects such a rule. A file that cannot be read counts nothing (its own
        result says why)."""
        from lint.tree import LineMemo, TreeCounts, content_digest, tree_lines, unpacked

        counts: TreeCounts | None = None
        memo = self.line_memo = LineMemo()
        for path, config, record in files:
            if self.tree_rule(config) is None:
                continue
            counts = counts or TreeCounts()
            lines = None if record is None or record.lines is None else unpacked(record.lines)
            if lines is not None and record is not None:
                counts.add(record.digest, lines)
                continue
            try:
                data = read_bytes(path, config.max_file_size)
                text = decode(path, data).text
            except (BinaryFile, LoadError, OSError):
                continue
            lines = tree_lines(text)
            counts.add(content_digest(data), lines)
            memo.put(path, text, lines)
        return counts

    def with_tree_findings(self, result: FileResult, config: Config, counts: TreeCounts | None) -> FileResult:
        """The result with the findings of the selected rule of scope "tree" on its lines that many
        documents of the run hold (``tree_counts``), under the config's per-file ignores and severities;
        the file's text is read for the report when the result came without it."""
        rule = self.tree_rule(config)
        if rule is None or counts is None or not result.tree_lines:
            return result
        minimum = getattr(rule.opts, "min_documents", 3)
        table = counts.counts
        if not any(t.prose and table.get(t.key, 0) >= minimum for t in result.tree_lines):
            return result
        if result.source is None:
            result.source = self._source_to_show(result.path, config)
            if result.source is None:
                return result
        from lint.tree import tree_findings

        found = tree_findings(result.source.text, result.tree_lines, counts, minimum, rule.code, rule.slug, rule.severity,
                              result.path)
        # A line another line rule reports already (S102's list, S110's block, S111's model) is not
        # reported twice. (Lines switched off inline are no candidates: ``tree_lines`` left them out.)
        taken = [(f.start, f.end) for f in result.findings if f.code in _LINE_RULES]
        found = self._filtered([f for f in found if not any(a <= f.start and f.end <= b for a, b in taken)],
                               result.path, (), config)
        if not found:
            return result
        result.findings = sorted([*result.findings, *found], key=lambda f: f.start)
        return result

    def uses_grammar_server(self, config: Config) -> bool:
        """Whether this config brings the LanguageTool bridge: one server, so one process."""
        return _asks_for_grammar(config, self.selection)

    def _cache_key(self, config: Config) -> str | None:
        if not self.selection.cache:
            return None
        from lint import cache  # here: a run without the results cache (--no-cache) does without the module

        if not cache.enabled():
            return None
        key = id(config)
        if key not in self._cache_keys:
            # Without preparing the rules: a warm run over unchanged files imports none of them.
            self._cache_keys[key] = (None if _asks_for_grammar(config, self.selection)
                                     else cache.settings_key(config, self.selection))
        return self._cache_keys[key]

    def _cache_folder(self, config: Config) -> Path:
        """``cache.cache_dir``, made once per config (a warm run asks for it per file)."""
        folder_key = (id(config), os.environ.get("COPYLINT_CACHE_DIR"))
        folder = self._folders.get(folder_key)
        if folder is None:
            from lint import cache

            folder = self._folders[folder_key] = cache.cache_dir(config)
        return folder

    def _index(self, config: Config, key: str) -> cache.StatIndex:
        folder = self._cache_folder(config)
        index_key = (str(folder), key)
        index = self._indexes.get(index_key)
        if index is None:
            from lint import cache

            index = self._indexes[index_key] = cache.StatIndex(key, folder)
        return index

    def cached(self, path: str, config: Config) -> cache.StatRecord | None:
        """The stat index's record of the file, when it has the size, modification time and inode it had
        when it was checked (then ``served`` gives its result); None otherwise. Reads no file but the
        index."""
        key = self._cache_key(config)
        return self._record(path, config, key, _stat(path) if key else None)

    def _record(self, path: str, config: Config, key: str | None, st: os.stat_result | None,
                others: tuple[str, ...] | None = None) -> cache.StatRecord | None:
        """``cached`` for a file already stat'ed as ``st`` under the settings ``key``; ``others``: its
        ``sources_of``, where already looked up."""
        if not key or st is None:
            return None
        record = self._index(config, key).get(_absolute(path), st)
        if record is None or (self.sources_of(path, config) if others is None else others):
            # A catalogue paired with its source is looked up by both contents (_check_into), and has no
            # record: its source is looked up only for a file that has one (it may have gained a source).
            return None
        return record

    def sources_of(self, path: str, config: Config, format_name: str | None = None) -> tuple[str, ...]:
        """The files besides itself that the file's findings depend on (an i18n catalogue's source-language
        catalogue, ``Format.sources``); none for a file of a format that has no such hook (most).
        ``format_name``: the format the file is read as, where the caller knows it otherwise than by its
        path (the language server, by the editor's languageId)."""
        if format_name is None:
            hooked = self._hooked.get(id(config))
            if hooked is None:
                # Formats with the hook that claim files of their own (Android's `values-*/strings.xml`, a
                # bundle's `_fr.properties`), or that a config maps by glob (i18n JSON and YAML).
                hooked = self._hooked[id(config)] = formats.claims_with_sources() or any(
                    formats.with_sources(f) for f in config.formats.values())
            if not hooked:
                return ()
            format_name = self._format_of(path, config)
        if not formats.with_sources(format_name):
            return ()  # (asked of the index: a warm run imports no reader)
        fmt = formats.FORMATS[format_name]
        return fmt.sources(path, config.format_options.get(fmt.name)) if fmt.sources is not None else ()

    def served(self, path: str, config: Config, record: cache.StatRecord, text: bool = True) -> FileResult | None:
        """The result of a file its stat record answers for (``cached``): its findings (kept in the
        index, or in its content entry), and, when there are some and ``text`` (a report that shows
        where they are), its text; None when the entry is gone or the file cannot be read now (then it
        is linted)."""
        result = FileResult(path, language=record.language[0], language_from=record.language[1])
        if self.tree_rule(config) is not None:
            from lint.tree import unpacked

            result.tree_lines = None if record.lines is None else unpacked(record.lines)
            if result.tree_lines is None:
                return None  # linted (or found by content) again, for its lines
        if not record.findings:
            return result
        from lint import cache

        key = self._cache_key(config)
        source = None
        if text:
            source = self._source_to_show(path, config)
            if source is None:
                return None
        # With the text's length: findings whose offsets run past it (tampered) are a miss.
        size = None if source is None else source.size if isinstance(source, BlockedSource) else len(source.text)
        found = cache.kept_findings(record, path, size)
        if found is None and key:
            hit = cache.load(key, record.digest, path, self._cache_folder(config), size)
            found = None if hit is None else hit.findings
        if found is None:
            return None
        result.findings, result.source = found, source
        return result

    def _source_to_show(self, path: str, config: Config) -> Source | None:
        """The file's text, as ``lint_file`` reads it, for a report that shows where a result's findings
        are (its bytes not kept); None when it cannot be read now."""
        try:
            data = read_bytes(path, config.max_file_size)
            source = self._blocked(path, data, config) or decode(path, data)
        except (BinaryFile, LoadError):
            return None
        source.raw = None
        return source

    def remember(self, result: FileResult, config: Config) -> None:
        """Record a checked file in the stat index (a pool's results come through here in the parent)."""
        record = result.stat_record
        key = self._cache_key(config) if record is not None else None
        if record is not None and key:
            self._index(config, key).put(_absolute(result.path), record)

    def save_cache(self) -> None:
        """Write the stat indexes this run changed."""
        for index in self._indexes.values():
            index.save()

    def _format_of(self, path: str, config: Config) -> str:
        """``formats.format_of`` for the file, as ``lint_file`` looked it up for this check."""
        fmt = self._formats.get(path)
        return formats.format_of(path, config.formats, config.root) if fmt is None else fmt

    def document(self, source: Source, config: Config) -> Document:
        from lint.language import resolve

        fmt = self._format_of(source.path, config)
        try:
            doc = formats.parse(source, fmt, None, config.format_options.get(fmt), self._sources_found.get(source.path))
            resolve(doc, config)
        except TimedOut as exc:
            exc.stage = exc.stage or f"the {fmt} reader"
            raise
        self._languages[source.path] = (doc.language, doc.language_from)
        return doc

    def parsed(self, source: Source, config: Config) -> Document:
        """``document``, guarded: a reader that raises anything but ``ParseError`` (a bug, or a panic
        in a Rust parser) becomes ``Crash``, which costs this file only."""
        try:
            return self.document(source, config)
        except (formats.ParseError, RecursionError):
            raise
        except BaseException as exc:
            if not is_crash(exc):
                raise
            fmt = self._format_of(source.path, config)
            raise Crash(f"the {fmt} reader", exc) from exc

    def findings(self, source: Source, config: Config) -> list[Finding]:
        """Parse, check and filter: the findings a user sees for this text."""
        if isinstance(source, BlockedSource):
            return self._findings_of_blocks(source, config)
        if self._in_blocks(source, config):
            return self._findings_of_blocks(BlockedSource.of(source, _block_starts(source.text)), config)
        return self._findings_of(self.parsed(source, config), config)

    def _in_blocks(self, source: Source, config: Config) -> bool:
        """A big plain-text file (a scraped dump, an export) is linted block by block: each block is a
        run of whole paragraphs of about BLOCK_TEXT characters (``_block_starts``). The file then costs
        what its parts cost, and the structures rules build hold one block, not the file. What differs
        from a whole-file pass: a rule that compares neighbouring paragraphs (S108's repeated paragraph,
        S110's furniture blocks) does not compare across the cut. Its lines end all in LF, all in CRLF or all in
        CR: a file that mixes them stays whole, for W106 weighs its line ends against each other."""
        return len(source.text) > BIG_TEXT and one_kind_of_line_end(source.text) and \
            self._format_of(source.path, config) == "text"

    def _findings_of_blocks(self, source: BlockedSource, config: Config) -> list[Finding]:
        out: list[Finding] = []
        lines: list[TreeLine] = []
        for start, text in zip(source.block_starts, source.blocks, strict=True):
            block = Source(source.path, text, source.encoding, source.bom)
            try:
                found = self.block_findings(block, config)
            except TimedOut as exc:
                if exc.line is not None:  # the line in the block, made the file's
                    exc.line += source.position(start).line - 1
                raise
            for f in found:
                out.append(_shifted(f, start) if start else f)
            block_lines = self.taken_tree_lines(source.path)
            if block_lines:
                from lint.tree import shifted

                lines.extend(shifted(block_lines, start))
        if self.tree_rule(config) is not None:
            self._tree_lines[source.path] = lines
        return out

    def block_findings(self, block: Source, config: Config) -> list[Finding]:
        """One block's findings, at offsets in the block (the language server keeps them per block)."""
        return self._findings_of(self.parsed(block, config), config)

    def _findings_of(self, doc: Document, config: Config) -> list[Finding]:
        tree_rule = self.tree_rule(config)
        if tree_rule is not None:
            from lint.tree import document_lines

            known = None if self.line_memo is None else self.line_memo.pop(doc.source.path, doc.text)
            self._tree_lines[doc.source.path] = document_lines(doc, tree_rule.code, known)
        try:
            checker = self.checker(config, frozenset(map(_KIND, doc.segments)), doc.language, doc.prose[0])
        except TimedOut as exc:  # (a worker's first file of a config imports and compiles its rules)
            exc.stage = exc.stage or "loading the rules"
            raise
        found = checker.check(doc)
        return self.filter(_guarded(found, doc) if self.guard_fixes else found, doc, config)

    def filter(self, found: Iterable[Finding], doc: Document, config: Config) -> list[Finding]:
        return self._filtered(found, doc.source.path, doc.suppressions, config)

    def _filtered(self, found: Iterable[Finding], path: str, suppressions: Sequence[Suppression],
                  config: Config) -> list[Finding]:
        """The findings the config's per-file ignores and the inline switches let through, with the
        config's severities and fixability, each given ``path``."""
        ignored = self._ignored_codes(path, config)
        out = []
        for f in found:
            if ignored and any(_matches(f, code) for code in ignored):
                continue
            if suppressions and any(s.covers(f) for s in suppressions):
                continue
            if suppressions and f.fix is not None and len(f.fix.edits) > 1:
                f = _without_silenced_places(f, suppressions)
            severity = _severity_for(f, config)
            if severity is not None and severity != f.severity:
                f = dataclasses.replace(f, severity=severity)
            if f.fix is not None and not _fix_allowed(f, config):
                f = dataclasses.replace(f, fix=None)  # `unfixable`: reported, its fix neither offered nor applied
            out.append(_with_path(f, path))
        return out

    def _ignored_codes(self, path: str, config: Config) -> list[str]:
        if not config.per_file_ignores:
            return []
        key = id(config)
        if key not in self._ignores:
            import pathspec

            self._ignores[key] = [
                (pathspec.GitIgnoreSpec.from_lines([glob]), codes)
                for glob, codes in config.per_file_ignores.items()
            ]
        rel = relative_to_root(path, config.root)
        codes: list[str] = []
        for spec, c in self._ignores[key]:
            if spec.match_file(rel):
                codes.extend(c)
        return codes

    def fix(self, source: Source, config: Config, unsafe: bool = False,
            log: list[FixPass] | None = None, applied_codes: Counter[str] | None = None,
            ) -> tuple[str, list[Finding], int]:
        """Apply fixes to a fixed point: (new text, findings that remain, fixes applied).

        A pass whose result the file's own parser rejects (a deleted line that took a YAML key with
        it), or that changes a keyed value other than as its fixes say (``keyed_values_kept``), is
        undone, as ruff undoes a fix that breaks the syntax: each of its fixes is then tried alone, and
        one that breaks the file on its own is never applied; its finding stays reported, without a fix.
        ``log``, when given, receives each pass that was kept: the text before it and the edits applied.
        """
        if log is None and (isinstance(source, BlockedSource) or self._in_blocks(source, config)):
            return self._fixed_blocks(source, config, unsafe, applied_codes)
        return self._fixed_whole(source, config, unsafe, log, applied_codes)

    def _fixed_whole(self, source: Source, config: Config, unsafe: bool, log: list[FixPass] | None,
                     applied_codes: Counter[str] | None) -> tuple[str, list[Finding], int]:
        """``fix`` of the text read whole, as one document."""
        allowed = {Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE}
        text = source.text
        applied = 0
        doc = self.parsed(source, config)
        found = self._findings_of(doc, config)
        breaking: set[tuple[str, int, int]] = set()
        try:
            for _ in range(MAX_FIX_PASSES):
                fixing = [f for f in found if f.fix is not None and f.fix.applicability in allowed
                          and (f.code, f.start, f.end) not in breaking]
                if not fixing:
                    break
                taken = compatible_fixes(f.fix for f in fixing if f.fix is not None)
                edits = [e for fix in taken for e in fix.edits]
                new_text = apply_edits(text, edits)
                if not taken or new_text == text:
                    break
                new_doc = self._document_if_kept(source, config, doc, new_text, edits)
                if new_doc is None:
                    breaking |= self._breaking_fixes(source, config, doc, fixing)
                    continue
                applied += len(taken)
                if log is not None:
                    log.append(FixPass(text, tuple(edits)))
                if applied_codes is not None:
                    taken_ids = {id(t) for t in taken}
                    applied_codes.update(f.code for f in fixing if id(f.fix) in taken_ids)
                text, doc, found = new_text, new_doc, self._findings_of(new_doc, config)
        except TimedOut as exc:
            exc.in_fixed_text()  # what the passes read is the text with some fixes applied
            raise
        # A fix held back for breaking the file is not offered again ("fixable with --fix").
        found = [dataclasses.replace(f, fix=None) if (f.code, f.start, f.end) in breaking else f for f in found]
        return text, found, applied

    def _fixed_blocks(self, source: Source, config: Config, unsafe: bool,
                      applied_codes: Counter[str] | None) -> tuple[str, list[Finding], int]:
        """``fix`` for a big plain-text file, block by block as a check reads it (``_in_blocks``): each block
        is fixed to its own fixed point, so a pass re-reads the blocks that still have fixes, not the file
        (the PEPs as one 13.9 MB file took 35 s and 1.1 GiB whole), and what the rules build holds one
        block. The findings that remain are placed in the fixed text.

        A fix that shortens a block may move where the fixed text is cut (``_block_cut``: where the block
        is then no longer BLOCK_TEXT long at its cut), and a rule that compares neighbours (S108) then sees
        across a former cut: the fixed text is cut again, and the blocks that are not a fixed block as it
        was are fixed again, until the fixed text's own blocks are those fixed, so a second run changes
        nothing. A cut stays where it was otherwise (the PEPs as one file: 206 block fixes for 200 blocks).
        A time-out in a block of the text as fixed so far names its line in that text (``in_fixed_text``)."""
        if not isinstance(source, BlockedSource):
            source = BlockedSource.of(source, _block_starts(source.text))
        blocks, starts = source.blocks, source.block_starts
        done: dict[int, tuple[str, list[Finding], list[TreeLine] | None]] = {}  # a fixed block by its start
        applied = 0
        for cut_again in range(MAX_FIX_PASSES):
            fixed_now: dict[int, tuple[str, list[Finding], list[TreeLine] | None]] = {}
            at = lines_before = 0
            for start, text in zip(starts, blocks, strict=True):
                kept = done.get(start)
                if kept is not None and kept[0] == text:
                    fixed_now[at] = kept
                else:
                    block = Source(source.path, text, source.encoding, source.bom)
                    try:
                        # (whole: a block of a text that has no cut is the text itself, and big again)
                        fixed, remaining, n = self._fixed_whole(block, config, unsafe, None, applied_codes)
                    except TimedOut as exc:
                        if cut_again:  # a block of the text as fixed so far
                            exc.in_fixed_text()
                        if exc.line is not None:  # the line in the block, made the file's
                            exc.line += lines_before
                        elif exc.fixed_line is not None:  # or the text's as fixed so far
                            exc.fixed_line += sum(line_break_count(kept[0]) for kept in fixed_now.values())
                        raise
                    applied += n
                    fixed_now[at] = (fixed, remaining, self.taken_tree_lines(source.path))
                at += len(fixed_now[at][0])
                lines_before += line_break_count(text)
            done = fixed_now
            whole = "".join(fixed for fixed, _, _ in done.values())
            starts = _block_starts(whole)
            if starts == list(done):
                break
            blocks = [whole[start:end] for start, end in zip(starts, [*starts[1:], len(whole)], strict=True)]
        found: list[Finding] = []
        lines: list[TreeLine] = []
        for at, (_, remaining, block_lines) in done.items():
            found.extend(_shifted(f, at) if at else f for f in remaining)
            if block_lines:
                from lint.tree import shifted

                lines.extend(shifted(block_lines, at))
        if self.tree_rule(config) is not None:
            self._tree_lines[source.path] = lines
        return whole, found, applied

    def _document_if_kept(self, source: Source, config: Config, before: Document, text: str,
                          edits: list[Edit]) -> Document | None:
        """The edited text's Document, or None where its parser rejects it, its structure changed
        (``lint.invariants.structure``: a tag, a token, a code span, a msgid), or a keyed value changed
        other than as the edits say."""
        try:
            after = self.parsed(dataclasses.replace(source, text=text, _line_starts=None), config)
            from lint import invariants  # a fix's check only: a run that fixes nothing does without it

            kept = invariants.structure_kept(before, after)
        except (formats.ParseError, RecursionError, Crash):
            return None  # a text the reader cannot take is a fix that broke the file
        except BaseException as exc:  # a structure reader that fails (or panics) cannot vouch for the fix
            if not is_crash(exc):
                raise
            return None
        return after if kept and keyed_values_kept(before, after, edits) else None

    def fix_is_kept(self, source: Source, config: Config, finding: Finding) -> bool:
        """Whether the finding's fix, applied alone, leaves a file that parses with the same structure and
        keyed values (the editor's quick fix for one finding passes the test `check --fix` applies)."""
        if finding.fix is None:
            return False
        before = self.document(source, config)
        edits = list(finding.fix.edits)
        return self._document_if_kept(source, config, before, apply_edits(source.text, edits), edits) is not None

    def _breaking_fixes(self, source: Source, config: Config, before: Document,
                        fixing: list[Finding]) -> set[tuple[str, int, int]]:
        """The findings whose fix breaks the file: its parser rejects it, its structure changes or a keyed
        value does. Found by halving the pass (a half that keeps the file is cleared at once), so a pass
        of n fixes with k that break costs about k·log n re-parses, not n."""
        candidates = [f for f in fixing if f.fix is not None]
        taken = compatible_fixes(f.fix for f in candidates if f.fix is not None)
        by_fix = {id(f.fix): f for f in candidates}
        chosen = [by_fix[id(fix)] for fix in taken]
        breaking = self._breaking_among(source, config, before, chosen)
        out = {(f.code, f.start, f.end) for f in breaking}
        return out or {(f.code, f.start, f.end) for f in fixing}  # together only: none of them

    def _breaking_among(self, source: Source, config: Config, before: Document,
                        group: list[Finding]) -> list[Finding]:
        """Of fixes that break the file together, those that break it within their half, down to one."""
        if len(group) == 1:
            return group
        half = len(group) // 2
        out: list[Finding] = []
        for part in (group[:half], group[half:]):
            edits = [e for f in part if f.fix is not None for e in f.fix.edits]
            if self._document_if_kept(source, config, before, apply_edits(before.text, edits), edits) is None:
                out.extend(self._breaking_among(source, config, before, part))
        return out

    def lint_file(
        self, path: str, config: Config, data: bytes | None = None, *, fix: bool = False,
        unsafe: bool = False, write: bool = True,
    ) -> FileResult:
        result = FileResult(path)
        key = None if fix else self._cache_key(config)
        st = _stat(path) if key and data is None else None
        # Looked up once for this check: the stat index, the cache key and the reader ask for them.
        self._formats[path] = formats.format_of(path, config.formats, config.root)
        others = self.sources_of(path, config)
        record = self._record(path, config, key, st, others) if self.by_stat else None
        served = self.served(path, config, record) if record is not None else None
        if served is not None:
            self._formats.pop(path, None)
            return served
        self._sources_found[path] = others
        limit = self.selection.file_timeout
        try:
            # Reading, checking and fixing the file, under its time limit (``lint.guard.Deadline``).
            with Deadline(config.file_timeout if limit is None else limit) as deadline:
                source = self._loaded(result, config, data)
                if source is None:
                    self._sources_found.pop(path, None)
                    self._formats.pop(path, None)
                    return result
                if fix:
                    self._fix_into(result, source, config, deadline, unsafe=unsafe, write=write)
                else:
                    # result.source only: a local reference would keep a big file's whole text alive.
                    del source
                    self._check_into(result, config, key, st, deadline, others)
        except TimedOut as exc:
            if result.source is None and not result.errors:
                exc.stage = exc.stage or "reading the file"
            _timed_out(result, exc)
        except formats.ParseError as exc:
            result.errors.append(FileError(path, str(exc), exc.line))
        except LoadError as exc:
            result.errors.append(FileError(path, str(exc)))
        except RecursionError:
            result.errors.append(FileError(path, "internal error: the document nests too deeply"))
        except Crash as exc:
            _crashed(result, exc)
        except BaseException as exc:  # anything else a file can cause: the write, the cache, the filter
            if not is_crash(exc):
                raise
            _crashed(result, Crash("copylint", exc))
        self._languages.pop(path, None)
        self._sources_found.pop(path, None)
        self._formats.pop(path, None)
        return result

    def _loaded(self, result: FileResult, config: Config, data: bytes | None) -> Source | None:
        """The file's text (``data`` if given, else read from disk) within the config's bounds; None
        when it is skipped (binary) or cannot be read, said in ``result``. A big plain-text file comes as
        the BlockedSource ``findings`` and ``fix`` would cut it into."""
        path = result.path
        try:
            if data is not None and len(data) > config.max_file_size:
                raise LoadError(too_large(len(data), config.max_file_size))
            if data is None:
                data = read_bytes(path, config.max_file_size)
            source = self._blocked(path, data, config) or decode(path, data)
            if isinstance(source, BlockedSource) and any(
                    long_line(block, config.max_line_length) for block in source.blocks):
                source = decode(path, data)  # for the message, which counts lines in the whole text
            refused = None if isinstance(source, BlockedSource) else long_line(source.text, config.max_line_length)
            if refused is not None:
                raise LoadError(refused)
        except BinaryFile as exc:
            result.skipped = str(exc)
            return None
        except LoadError as exc:
            result.errors.append(FileError(path, str(exc)))
            return None
        result.source = source
        return source

    def _blocked(self, path: str, data: bytes, config: Config) -> BlockedSource | None:
        """The big plain-text file decoded straight into its blocks (see ``_in_blocks``), or None."""
        if self._format_of(path, config) != "text":
            return None
        return blocked_utf8(path, data, BIG_TEXT, BLOCK_TEXT, _block_cut)

    def _fix_into(self, result: FileResult, source: Source, config: Config, deadline: Deadline, *, unsafe: bool,
                  write: bool) -> None:
        """Fix the file (writing it when ``write``) and put what remains and what was fixed in ``result``;
        ``deadline`` is stopped before the write, which a timer must not cut in half."""
        path = result.path
        text, found, applied = self.fix(source, config, unsafe, applied_codes=result.fixed_codes)
        deadline.stop()
        result.findings = found
        result.tree_lines = self.taken_tree_lines(path)
        result.language, result.language_from = self._languages.get(path, ("en", "default"))
        if _same_text(source, text):
            result.fixed_codes.clear()  # whatever the passes did, they came back to the file
            return
        if write:
            try:
                write_source(source, text)
            except LoadError as exc:
                # Not written: the findings are the file's as it is, nothing counts as fixed.
                result.errors.append(FileError(path, str(exc)))
                result.findings = self.findings(source, config)
                result.fixed_codes.clear()
                return
        result.fixed_text = text
        result.fixes_applied = applied

    def _check_into(self, result: FileResult, config: Config, key: str | None,
                    st: os.stat_result | None, deadline: Deadline, others: tuple[str, ...] = ()) -> None:
        """Put the file's findings and language in ``result``: from the cache entry for its content, or
        checked and then stored under ``key`` (with the content of ``others``, the files its findings
        depend on: ``sources_of``); when the file is unchanged since ``st``, also the record the stat
        index keeps for it (``remember``). ``deadline`` is stopped once the findings are made."""
        path = result.path
        source = result.source
        assert source is not None
        digest = b""
        if key:
            from lint import cache
            from lint.formats import source_catalogue

            digest = cache.content_digest(source.raw if source.raw is not None
                                          else source.text.encode("utf-8", "surrogatepass"))
            for other in others:
                digest = cache.content_digest(digest + source_catalogue.digest(other))
            if others:
                # The stat index answers by the file's own size and mtime alone: a paired catalogue's
                # record would outlive its source (deleted, it is looked up there again: ``_record``).
                st = None
        if not isinstance(source, BlockedSource) and not self._in_blocks(source, config):
            _hand_over_non_ascii(source)
        # The bytes as read serve only a fix's write: a check lets them go (a big file's memory). In
        # place, not a copy: the caller's reference would keep them alive through the check.
        source.raw = None
        size = source.size if isinstance(source, BlockedSource) else len(source.text)
        if not isinstance(source, BlockedSource) and self._in_blocks(source, config):
            # Held as its blocks from here on: the whole text goes before the rules build anything.
            source = result.source = BlockedSource.of(source, _block_starts(source.text))
        folder = self._cache_folder(config) if key else None
        entry = cache.load(key, digest, path, folder, size) if key and folder is not None else None
        tree = self.tree_rule(config) is not None
        packed_lines: list[int] | None = None
        if entry is not None and tree:
            from lint.tree import packed, unpacked

            result.tree_lines = unpacked(entry.lines, size)
            if result.tree_lines is None:
                entry = None  # an entry without the lines: checked again, for them
            else:
                packed_lines = packed(result.tree_lines)
        if entry is None:
            found = self.findings(source, config)
            deadline.stop()  # (before the cache entry is written)
            language = self._languages.get(path, ("en", "default"))
            if tree:
                from lint.tree import packed

                result.tree_lines = self.taken_tree_lines(path) or []
                packed_lines = packed(result.tree_lines)
            if key and folder is not None:
                cache.store(key, digest, path, found, folder, language, packed_lines)
        else:
            found, language = entry.findings, entry.language
        if key and st is not None and _unchanged(path, st):
            result.stat_record = cache.stat_record(st, digest, found, language, packed_lines)
        result.findings = found
        result.language, result.language_from = language


_LINE_RULES = frozenset({"S102", "S110", "S111"})


def _tree_selected(config: Config, selection: Selection) -> bool:
    """Whether a built-in rule of scope "tree" is selected, read from the rule index (no rule imported).
    None is on by default: a run that selects nothing by name (a warm run's usual case) reads no index."""
    select = selection.select if selection.select is not None else config.select
    if select is None and not config.extend_select and not selection.extend_select:
        return False
    return any(isinstance(r, registry.RuleEntry) and r.tree for r in selected_rules(config, selection))



def _without_silenced_places(finding: Finding, suppressions: Sequence[Suppression]) -> Finding:
    """``finding`` without the edits (and related places) a switch silences for its rule: a fix that
    mends one habit at several places (P102's straight apostrophes of a catalogue) never edits a place
    the user has switched the rule off for."""
    assert finding.fix is not None
    edits = tuple(e for e in finding.fix.edits if not any(s.covers(finding, e.start) for s in suppressions))
    if len(edits) == len(finding.fix.edits):
        return finding
    related = tuple(r for r in finding.related if not any(s.covers(finding, r.start) for s in suppressions))
    fix = dataclasses.replace(finding.fix, edits=edits) if edits else None
    return dataclasses.replace(finding, fix=fix, related=related)


def _with_path(f: Finding, path: str) -> Finding:
    """``dataclasses.replace(f, path=path)``, a field-for-field copy without its per-call introspection
    of the fields (every finding of a run passes here)."""
    out = object.__new__(Finding)
    out.__dict__.update(f.__dict__)
    out.__dict__["path"] = path
    return out


def _hand_over_non_ascii(source: Source) -> None:
    """Where the bytes as read are the text's UTF-8 (decoded as UTF-8, no BOM), the rules' first ask of its
    characters outside ASCII (``lint.scan.non_ascii``: E101, E102) is answered off them, without an encoding
    pass of the text (the Markdown reader hands over its own bytes the same way)."""
    if source.raw is not None and source.encoding == "utf-8" and not source.bom and not source.text.isascii():
        from lint.scan import remember_non_ascii

        remember_non_ascii(source.text, source.raw)


def _crashed(result: FileResult, crash: Crash) -> None:
    """A crash costs its file only: no findings and no fix, one error and the trace for --verbose."""
    result.findings = []
    result.fixed_text = None
    result.errors.append(FileError(result.path, str(crash)))
    result.trace = crash.trace


def _timed_out(result: FileResult, stopped: TimedOut) -> None:
    """A file stopped by its time limit costs itself only, as a crash does: no findings, no fix (nor the
    fixes its passes had counted), one error naming what ran and where."""
    result.findings = []
    result.fixed_text = None
    result.fixed_codes.clear()
    result.errors.append(FileError(result.path, stopped.message(), stopped.line))


def _guarded(found: list[Finding], doc: Document) -> list[Finding]:
    """The findings with their fixes as the engine allows them (``lint.invariants.guarded_fix``): a fix
    that would touch markup is dropped, one that empties a block of a marked-up file is unsafe."""
    out = []
    for f in found:
        if f.fix is not None:
            from lint import invariants  # only where a finding has a fix

            fix = invariants.guarded_fix(doc, f.fix)
            if fix is not f.fix:
                f = dataclasses.replace(f, fix=fix)
        out.append(f)
    return out


def _same_text(source: Source, text: str) -> bool:
    """``text == source.text``, block by block where the source is held so (its text never joined)."""
    if not isinstance(source, BlockedSource):
        return text == source.text
    return len(text) == source.size and all(
        text.startswith(block, start) for start, block in zip(source.block_starts, source.blocks, strict=True))


def _block_starts(text: str) -> list[int]:
    """Where each block of a big text starts: cut after a run of blank lines and before a line that
    starts with a visible character (``_block_cut``), so every line, paragraph and blank-line run lies in
    one block."""
    starts = [0]
    while len(text) - starts[-1] > BLOCK_TEXT:
        m = _block_cut(text, starts[-1] + BLOCK_TEXT)
        if m is None:
            break
        starts.append(m.end())
    return starts


def _shifted(f: Finding, by: int) -> Finding:
    fix = f.fix
    if fix is not None:
        fix = dataclasses.replace(fix, edits=tuple(Edit(e.start + by, e.end + by, e.replacement) for e in fix.edits))
    related = tuple(dataclasses.replace(r, start=r.start + by, end=r.end + by) for r in f.related)
    return dataclasses.replace(f, start=f.start + by, end=f.end + by, fix=fix, related=related)


def _stat(path: str) -> os.stat_result | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st if stat.S_ISREG(st.st_mode) else None


def _absolute(path: str) -> str:
    """``os.path.abspath``; a path that needs no normalizing (as the walk makes them) is only joined to
    the working folder (a warm run asks for every file)."""
    joined = path if path.startswith("/") else os.getcwd() + "/" + path
    if "/." in joined or "//" in joined or joined.endswith("/") or os.sep != "/":
        return os.path.abspath(path)
    return joined


def _unchanged(path: str, st: os.stat_result | None) -> bool:
    """Whether the file still has the size and mtime it had before it was read (else its stat key
    would record findings for bytes it no longer has)."""
    if st is None:
        return False
    now = _stat(path)
    # A file written in the last two seconds may be written again within its mtime's granularity
    # (git's "racy clean" case): it is not recorded by stat, only by content.
    return (now is not None and (now.st_size, now.st_mtime_ns) == (st.st_size, st.st_mtime_ns)
            and time.time() - st.st_mtime > 2)




def _matches(finding: Finding, selector: str) -> bool:
    return (finding.rule == selector or finding.code.upper().startswith(selector.upper())
            or selector.upper() == "ALL")


def _fix_allowed(finding: Finding, config: Config) -> bool:
    """``fixable`` (default: every rule) less ``unfixable``, as ruff reads them."""
    if config.unfixable and any(_matches(finding, s) for s in config.unfixable):
        return False
    return config.fixable is None or any(_matches(finding, s) for s in config.fixable)


def _severity_for(finding: Finding, config: Config) -> Severity | None:
    if not config.severity:
        return None
    best: Severity | None = None
    best_len = -1
    for selector, level in config.severity.items():
        if _matches(finding, selector) and len(selector) > best_len:
            best, best_len = level, len(selector)
    return best


def _unicode_text(text: str) -> str:
    """The API's text, checked: a lone surrogate (what ``surrogateescape`` makes of undecodable bytes)
    is no Unicode text, and no file could hold it; ValueError names where it is."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ValueError(f"text holds a lone surrogate U+{ord(text[exc.start]):04X} at offset {exc.start}: "
                             "decode the bytes properly (or with errors='replace') first") from None
    return text


def check_text(text: str, path: str = "x.md", config: Config | None = None,
               select: Sequence[str] | None = None, tree: Sequence[str] = ()) -> list[Finding]:
    """Findings for a text as if it were the file ``path`` (which picks the format); ``tree``: the other
    documents of the run, for a rule of scope "tree" (S112), which counts lines across them.

    Raises ValueError for a text that holds a lone surrogate."""
    text = _unicode_text(text)
    linter = Linter(Selection(select=tuple(select) if select is not None else None))
    config = config or Config()
    found = linter.findings(Source(path, text), config)
    if linter.tree_rule(config) is None:
        return found
    from lint import cache
    from lint.tree import TreeCounts, tree_lines

    counts = TreeCounts()
    for other in (text, *map(_unicode_text, tree)):
        counts.add(cache.content_digest(other.encode("utf-8")), tree_lines(other))
    result = FileResult(path, found, source=Source(path, text), tree_lines=linter.taken_tree_lines(path) or [])
    return linter.with_tree_findings(result, config, counts).findings


def fix_text(text: str, path: str = "x.md", config: Config | None = None,
             unsafe: bool = False, select: Sequence[str] | None = None) -> str:
    """The text with every safe fix applied (and unsafe ones with ``unsafe=True``).

    Raises ValueError for a text that holds a lone surrogate."""
    text = _unicode_text(text)
    linter = Linter(Selection(select=tuple(select) if select is not None else None))
    new_text, _, _ = linter.fix(Source(path, text), config or Config(), unsafe)
    return new_text
