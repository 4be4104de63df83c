"""Which rules exist: the built-in rule modules under ``lint.rules``, plus any added at run time.

Each module under ``rules/<family>/`` defines exactly one ``Rule`` subclass. Other
sources of rules (user rule packs, the LanguageTool bridge) add theirs with
``register``; selection treats them all alike.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import astuple, dataclass
from functools import cache, lru_cache
from pathlib import Path

from lint.patterns import code_signature, compiled_on_use, files_signature, kept_value
from lint.rule import Rule

_extra: dict[str, type[Rule]] = {}


@dataclass(frozen=True)
class RuleEntry:
    """What selection needs to know of a built-in rule, read from its module's source without importing
    it: importing every rule module compiles some 300 regexes, most of a small run's start-up."""

    code: str
    slug: str
    module: str
    default_enabled: bool
    # The segment kinds the rule looks at, where its class names them as a literal set (None: any, or
    # not said so): a document with none of them needs neither the rule nor its module.
    kinds: tuple[str, ...] | None = None
    tree: bool = False  # a rule of scope "tree" (lint.tree): the run counts lines across documents first
    # The primary subtags of the languages the rule runs for, where its class says them as a literal or
    # reads them off the language packs in one of the plain ways ``_languages_read`` knows (None: any
    # language, or not said so): a document in another language needs neither the rule nor its module.
    languages: tuple[str, ...] | None = None
    # For a prose rule whose trigger its class writes as a literal: the characters in ASCII that a match of it
    # may open with (``lint.scan.opening_characters``), and whether one may open with a character outside
    # ASCII. A document whose prose holds none of them gives the trigger nothing to match, and the rule
    # nothing to read. (A trigger that may open outside ASCII is asked only whether the prose is all ASCII:
    # leaving T103 and T104 out of the PEPs, whose prose is not, cost more than loading them did.)
    opens: str | None = None
    opens_beyond_ascii: bool = False

    def may_fire(self, prose: str) -> bool:
        """Whether the rule's trigger may match somewhere in ``prose`` (a document's segments joined):
        False only where it cannot (none of the characters its matches open with is there)."""
        return self.opens is None or (self.opens_beyond_ascii and not prose.isascii()) or any(
            c in prose for c in self.opens)

    def runs_for(self, language: str) -> bool:
        """Whether the rule runs for a document in ``language`` (``Rule.applies_to``, from the index)."""
        if self.languages is None:
            return True
        from lint.language import primary

        return primary(language) in self.languages


# Each opens with its line break, a literal the regex engine skips to in C (`^` would be tried at
# every character of the 51 modules: a third of the index's time).
_CODE = compiled_on_use(r'\n    code = "([A-Z]+[0-9]+)"$', re.MULTILINE)
_SLUG = compiled_on_use(r'\n    slug = "([a-z0-9-]+)"$', re.MULTILINE)
_OFF = compiled_on_use(r"\n    default_enabled = False$", re.MULTILINE)
_KINDS = compiled_on_use(r'\n    kinds = frozenset\(\{("[a-z_]+"(?:, "[a-z_]+")*)\}\)$', re.MULTILINE)
_TREE = compiled_on_use(r'\n    scope = "tree"$', re.MULTILINE)
_LANGUAGES = compiled_on_use(r"\n    languages = (.+)$", re.MULTILINE)
_TRIGGER = compiled_on_use(r"\n    trigger = (.+)$", re.MULTILINE)
_SCOPE = compiled_on_use(r'\n    scope = "([a-z]+)"$', re.MULTILINE)
# What makes a trigger no answer to which segments a prose rule reads (it names them itself, or judges
# spans beyond its findings), or the trigger not the one written (its flags, or a property).
_OWN_READING = compiled_on_use(r"\n    (?:trigger_flags = |def (?:segments_to_read|decided|trigger)\()", re.MULTILINE)
# What makes a class's `languages` no answer to whether it runs: it decides that itself, or it is a rule
# of scope "findings", which the checker runs whatever the document's language.
_OWN_CHOICE = compiled_on_use(r'\n    def applies_to\(|\n    scope = "findings"$', re.MULTILINE)
# The class a module's `code = ` line is in (the last opened at column 0 before it) and the next class,
# function or decorator at column 0 after it: `languages`, `trigger` and `scope` are read between the two
# only (not a module-level helper's local of the same name), off a class that derives from Rule itself (a
# family's base class may decide them otherwise: its own applies_to, scope, segments_to_read …), and where
# none is written annotated (`scope: ClassVar[str] = "findings"`, not the line the reader knows).
_CLASS_LINE = compiled_on_use(r"^class \w+\((\w+)\):$", re.MULTILINE)
_TOP_LEVEL = compiled_on_use(r"^(?:class |def |async def |@)", re.MULTILINE)
_ANNOTATED = compiled_on_use(r"\n    (?:scope|trigger|trigger_flags|languages)\s*:")


@lru_cache(maxsize=1)
def builtin_index() -> tuple[RuleEntry, ...]:
    """Every built-in rule module's code, slug and default, from the text of the module (one rule per
    module, its class attributes written as literals: tests/test_registry.py holds every module to it).
    A module whose text does not say is imported to ask its class. Kept between runs while no rule
    module (nor language pack) changes size or modification time, nor the code that reads them: lint/'s
    own modules (``lint.patterns.kept_value``; the gates are lint.scan's and lint.language's readings)."""
    import lint.rules as package

    folders = tuple(package.__path__)
    try:
        # (The language packs' YAML too: some rules' languages are read off them.)
        signature = tuple(files_signature(folder, (".py", ".yaml")) for folder in folders)
    except OSError:
        return _index_of(folders)
    rows = kept_value(("rule-index/7", folders), lambda: tuple(astuple(e) for e in _index_of(folders)),
                      (signature, code_signature(__file__)))
    return tuple(RuleEntry(*row) for row in rows)


def _index_of(folders: tuple[str, ...]) -> tuple[RuleEntry, ...]:
    import lint.rules as package

    found = []
    for folder in folders:
        root = Path(folder)
        for path in sorted(root.rglob("*.py")):
            if path.name.startswith("_"):  # a package, or a family's helpers (rules/<family>/_*.py)
                continue
            module = ".".join((package.__name__, *path.relative_to(root).with_suffix("").parts))
            text = path.read_text(encoding="utf-8")
            code, slug, kinds = _CODE.findall(text), _SLUG.findall(text), _KINDS.findall(text)
            if len(code) == 1 and len(slug) == 1:
                body = _rule_class_body(text)
                languages = _LANGUAGES.findall(body) if body is not None else []
                found.append(RuleEntry(code[0], slug[0], module, _OFF.search(text) is None,
                                       tuple(sorted(kinds[0].replace('"', "").split(", "))) if len(kinds) == 1 else None,
                                       _TREE.search(text) is not None,
                                       _languages_read(languages[0], text) if len(languages) == 1
                                       and _OWN_CHOICE.search(text) is None else None,
                                       *(_trigger_opens(body, text) if body is not None else (None, False))))
            else:
                cls = _rule_of(module)
                found.append(RuleEntry(cls.code, cls.slug, module, cls.default_enabled,
                                       tuple(sorted(cls.kinds)) if cls.kinds is not None else None,
                                       cls.scope == "tree", *_gates_of(cls)))
    return tuple(sorted(found, key=lambda e: e.code))


def _rule_class_body(text: str) -> str | None:
    """The text of a rule module's class (``_CLASS_LINE``), from its `class` line's end to the next class,
    function or decorator at column 0; None where the class derives from another class than Rule, or
    writes `languages`, `trigger` or `scope` annotated."""
    code = _CODE.search(text)
    if code is None:
        return None
    heads = list(_CLASS_LINE.finditer(text, 0, code.start()))
    if not heads or heads[-1].group(1) != "Rule" or _TOP_LEVEL.search(text, heads[-1].end(), code.start()):
        return None
    end = _TOP_LEVEL.search(text, code.end())
    body = text[heads[-1].end():end.start() if end is not None else len(text)]
    return None if _ANNOTATED.search(body) else body


def _gates_of(cls: type[Rule]) -> tuple[tuple[str, ...] | None, str | None, bool]:
    """``RuleEntry.languages``, ``opens`` and ``opens_beyond_ascii`` as the class itself says them (what the
    index reads off a module's text must be these, or None)."""
    languages = tuple(sorted(cls.languages)) if cls.languages is not None and cls.scope != "findings" \
        and cls.applies_to is Rule.applies_to else None
    opens = _opens_of(cls.trigger, cls.trigger_flags) if cls.scope == "prose" \
        and cls.segments_to_read is Rule.segments_to_read and cls.decided is Rule.decided else (None, False)
    return (languages, *opens)


def _trigger_opens(body: str, text: str) -> tuple[str | None, bool]:
    """``RuleEntry.opens`` and ``opens_beyond_ascii`` of a rule module's text and its class's ``body``: where
    the class is a prose rule whose trigger is written as one literal string (no flags, no reading of its
    own); else (None, False)."""
    triggers = _TRIGGER.findall(body)
    if len(triggers) != 1 or any(scope != "prose" for scope in _SCOPE.findall(body)) or _OWN_READING.search(text):
        return None, False
    import ast

    try:
        trigger = ast.literal_eval(triggers[0].strip())
    except (SyntaxError, ValueError):
        return None, False
    return _opens_of(trigger, 0) if isinstance(trigger, str) else (None, False)


def _opens_of(trigger: str | None, flags: int) -> tuple[str | None, bool]:
    """``RuleEntry.opens`` and ``opens_beyond_ascii`` of a trigger."""
    from lint.scan import opening_characters

    opening = opening_characters(trigger, flags) if trigger else None
    return (None, False) if opening is None else (opening[0], bool(opening[1] or opening[2]))


class _NotPlain(Exception):
    """A `languages` declaration ``_languages_read`` does not know how to read."""


def _languages_read(expression: str, text: str) -> tuple[str, ...] | None:
    """The languages a rule class's `languages = …` line names, without importing its module: a literal
    (`frozenset({"en"})`, `frozenset("en fr".split())`), or the language packs read as the rules read
    them (`languages_with("quotes")`, `frozenset({"en", *(primary(t) for t in packs())})`), joined with
    `|`, `-` and `&`, where the module ``text`` imports those names from there. None for anything else: the
    rule is then loaded for every language, as before."""
    import ast  # here: only an index being read (once per change of the rule modules) needs it

    imported = {name for line in text.splitlines() if line.startswith(_READERS)
                for name in line.split(" import ", 1)[1].replace(",", " ").split()}
    try:
        value = _set_of(ast.parse(expression.strip(), mode="eval").body, imported)
    except (SyntaxError, _NotPlain):
        return None
    return tuple(sorted(value)) if value is not None else None


# The modules whose names a `languages` line may call (``_languages_read``): the language packs' readers.
_READERS = ("from lint.language import ", "from ._packs import ", "from lint.rules.language._packs import ")


def _set_of(node: object, imported: set[str]) -> frozenset[str] | None:
    import ast

    from lint.language import languages_with, packs, primary

    if isinstance(node, ast.Constant) and node.value is None:
        return None
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.BitOr, ast.Sub, ast.BitAnd)):
        left, right = _set_of(node.left, imported), _set_of(node.right, imported)
        if left is None or right is None:
            raise _NotPlain
        return left | right if isinstance(node.op, ast.BitOr) else left - right if isinstance(node.op, ast.Sub) \
            else left & right
    if isinstance(node, ast.Set):
        out: set[str] = set()
        for item in node.elts:
            if isinstance(item, ast.Constant) and isinstance(item.value, str):
                out.add(item.value)
            elif isinstance(item, ast.Starred) and ast.unparse(item.value) == "(primary(t) for t in packs())" \
                    and {"primary", "packs"} <= imported:
                out.update(primary(t) for t in packs())
            else:
                raise _NotPlain
        return frozenset(out)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not node.keywords and len(node.args) == 1:
        (arg,) = node.args
        if node.func.id == "frozenset":
            if isinstance(arg, ast.Call) and ast.unparse(arg.func).endswith(".split") and not arg.args \
                    and isinstance(arg.func, ast.Attribute) and isinstance(arg.func.value, ast.Constant) \
                    and isinstance(arg.func.value.value, str):
                return frozenset(arg.func.value.value.split())
            return _set_of(arg, imported)
        if node.func.id == "languages_with" and "languages_with" in imported and isinstance(arg, ast.Constant) \
                and isinstance(arg.value, str):
            return languages_with(arg.value)  # (the function the rule's module calls: no rule module imported)
    raise _NotPlain


def _rule_of(module_name: str) -> type[Rule]:
    module = importlib.import_module(module_name)
    classes = [
        obj
        for obj in vars(module).values()
        if isinstance(obj, type)
        and issubclass(obj, Rule)
        and obj is not Rule
        and obj.__module__ == module.__name__
        and getattr(obj, "code", None)
    ]
    if len(classes) != 1:
        raise RuntimeError(f"{module_name} must define exactly one rule, found {len(classes)}")
    return classes[0]


@cache
def loaded(entry: RuleEntry) -> type[Rule]:
    """The rule class of an index entry (its module imported now)."""
    return _rule_of(entry.module)


@lru_cache(maxsize=1)
def builtin_rules() -> tuple[type[Rule], ...]:
    return tuple(loaded(e) for e in builtin_index())


def default_rules() -> list[type[Rule]]:
    """The built-in rules on by default, and the added ones that are: only their modules imported."""
    return [loaded(e) if isinstance(e, RuleEntry) else e for e in default_entries()]


def default_entries() -> list[RuleEntry | type[Rule]]:
    """``default_rules``, the built-in ones as their index entries (no module imported)."""
    return [*(e for e in builtin_index() if e.default_enabled),
            *(r for r in sorted(_extra.values(), key=lambda r: r.code) if r.default_enabled)]


def register(rule: type[Rule]) -> None:
    """Add a rule that is not a built-in module (user packs, LanguageTool)."""
    _extra[rule.code] = rule


def unregister(code: str) -> None:
    """Drop a rule added with ``register`` (a reloaded config no longer defines it)."""
    _extra.pop(code, None)


def added(code: str) -> type[Rule] | None:
    """The rule ``register`` added under exactly this code (codes are compared as written, not folded)."""
    return _extra.get(code)


def has_extra() -> bool:
    return bool(_extra)


def all_rules() -> list[type[Rule]]:
    return list(builtin_rules()) + sorted(_extra.values(), key=lambda r: r.code)


def rule_by_name(name: str) -> type[Rule] | None:
    """A rule by code or slug (case-insensitive code)."""
    for entry in builtin_index():
        if entry.code.lower() == name.lower() or entry.slug == name:
            return loaded(entry)
    for rule in sorted(_extra.values(), key=lambda r: r.code):
        if rule.code.lower() == name.lower() or rule.slug == name:
            return rule
    return None


def is_selector(name: str) -> bool:
    """A valid --select/--ignore entry: a code, a code prefix (family letter, S1, X.newsroom), or a slug."""
    from lint.model import Family

    # The families' letters from the enum itself (``lint.docs.FAMILY_NAMES``' keys: importing that module
    # cost every run given --select or --ignore its import), and the rules a selector names as index
    # entries: asking whether it names any imported each one's module, an ignored rule's too.
    if name.upper() == "ALL" or name.upper() in {f.value for f in Family}:
        return True
    return bool(matching_entries(name)) or name.startswith("G:")


def matching_rules(selector: str) -> list[type[Rule]]:
    """The rules a selector names: exact slug, or code prefix (case-insensitive). Only the modules of
    the rules it names are imported."""
    return [loaded(e) if isinstance(e, RuleEntry) else e for e in matching_entries(selector)]


def matching_entries(selector: str) -> list[RuleEntry | type[Rule]]:
    """``matching_rules``, the built-in ones as their index entries (no module imported)."""
    s = selector.strip()
    extra = sorted(_extra.values(), key=lambda r: r.code)
    if s.upper() == "ALL":
        return [*builtin_index(), *extra]
    out: list[RuleEntry | type[Rule]] = [*(e for e in builtin_index() if e.slug == s), *(r for r in extra if r.slug == s)]
    if out:
        return out
    prefix = s.upper()
    return [*(e for e in builtin_index() if e.code.upper().startswith(prefix)),
            *(r for r in extra if r.code.upper().startswith(prefix))]


def closest_name(name: str) -> str | None:
    extra = list(_extra.values())
    names = [e.code for e in builtin_index()] + [r.code for r in extra] + [e.slug for e in builtin_index()] + [
        r.slug for r in extra]
    import difflib  # here: only this path needs it, not every run's start-up

    match = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
    return match[0] if match else None
