"""Regexes compiled the first time they are used, not when their module is imported.

Compiling is most of a small run's start-up: the stdlib's compiler builds a 65,536-entry table for
every character class that reaches past Latin-1 (CJK, Cyrillic, bullets) in Python, a few
milliseconds each, and a rule's patterns beyond its trigger are needed only on the segments its
trigger found, which a small English file mostly has none of. ``compiled_on_use`` gives an object
that stands for the compiled pattern: the first use compiles it; then the module that made it holds
the compiled pattern itself under the same name (a rule's functions read the real pattern, with no
wrapper on the path of a call: an attribute of a class with ``__getattr__`` is not specialized by the
interpreter and costs some 20-100 ns more per call, which a rule called per segment pays often), and
the object, wherever else it is kept, answers with the compiled pattern's own methods.

What compiling makes is also kept between runs (``compiled``), as Python keeps a module's bytecode: the
stdlib's compiler turns a pattern into a list of opcodes for its C engine, a pure function of the
pattern, its flags and the interpreter; the lists this package's patterns compile to are kept in
``lint/__pycache__`` and handed to the engine as they are on the next run (which checks them as it
does every compiled pattern) instead of being parsed and compiled again. So are the answers that
``lint.scan`` reads off a pattern's parse (``kept_answer``). Only where the interpreter is one whose
compiler this was written against (CPython 3.10-3.13), keyed by its exact version; kept under the
conditions Python keeps bytecode (not with PYTHONDONTWRITEBYTECODE, nowhere the package is not
writable); anything amiss with the file and patterns are compiled as ``re.compile`` does. Where that folder
cannot take them (the variable set, as Docker images often do; a system-wide install run by another user),
a check that uses the results cache keeps them in the user's cache folder (``keep_in``).
"""

from __future__ import annotations

import atexit
import importlib
import marshal
import os
import re
import sys
import types
from collections.abc import Callable, Hashable, Iterator
from pathlib import Path
from typing import Any, TypeVar, cast

from lint import __version__


def _stdlib_compiler() -> tuple[Any, Any, Any]:
    """The stdlib's own regex engine, compiler and parser, what re.compile runs (Nones elsewhere: then
    patterns are compiled by re.compile alone)."""
    try:
        engine = importlib.import_module("_sre")
        try:
            return engine, importlib.import_module("re._compiler"), importlib.import_module("re._parser")
        except ImportError:  # 3.10
            return engine, importlib.import_module("sre_compile"), importlib.import_module("sre_parse")
    except ImportError:
        return None, None, None


_sre, _compiler, _parser = _stdlib_compiler()

T = TypeVar("T")
# Patterns and answers a file keeps at most: past it the ones no run has asked for the longest go first
# (patterns a config, an edited rule or a text made: pysbd builds some from the abbreviations it meets),
# never the patterns a library module compiles at import (``module_with_kept_patterns``).
_KEPT_LIMIT = 1024
# Entries a process holds at most, what it asked for beside what it read: past it a new one is compiled
# and not kept (a run that makes patterns from its texts without end).
_HELD_LIMIT = 4 * _KEPT_LIMIT

# What a caller may ask of a pattern; after the first use each is the compiled pattern's own attribute.
_ATTRIBUTES = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
               "pattern", "flags", "groups", "groupindex")


class _OnUse:
    def __init__(self, pattern: str, flags: int, namespace: dict[str, Any] | None) -> None:
        self._source = (pattern, flags)
        self._namespace = namespace  # the globals of the module that made it

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy, pickle and friends ask for dunders: they are not the pattern's
            raise AttributeError(name)
        compiled = globals()["compiled"](*self._source)
        for attribute in _ATTRIBUTES:
            self.__dict__[attribute] = getattr(compiled, attribute)
        namespace, self._namespace = self._namespace, None
        if namespace is not None:
            for key, value in list(namespace.items()):
                if value is self:
                    namespace[key] = compiled
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"compiled_on_use({self._source[0]!r}, {self._source[1]})"


def compiled_on_use(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done the first time the result is used. For patterns held by
    modules and rules (not for ``re.sub(pattern, …)``, which wants a string or a real pattern)."""
    frame = sys._getframe(1) if hasattr(sys, "_getframe") else None
    return cast(re.Pattern[str], _OnUse(pattern, flags, frame.f_globals if frame is not None else None))


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``; from the opcodes kept by an earlier run of this interpreter when
    there are some (the module docstring), else compiled as ``re.compile`` does and kept."""
    return _compiled_in(_KEPT, pattern, flags)


def _compiled_in(store: _Kept, pattern: str, flags: int) -> re.Pattern[str]:
    flags = int(flags)
    if _sre is None or not store.usable or not isinstance(pattern, str) or flags & re.DEBUG:
        return re.compile(pattern, flags)
    key = ("compiled", pattern, flags)
    kept = store.get(key)
    if kept is not None:
        try:
            return cast(re.Pattern[str], _sre.compile(pattern, *kept))
        except Exception:  # a damaged entry (the engine validates every opcode list): compile again
            pass
    # _compiler.compile, step by step, to keep what it hands to the engine.
    tree = _parser.parse(pattern, flags)  # a bad pattern raises re.error here, as re.compile does
    groupindex = dict(tree.state.groupdict)
    indexgroup: list[str | None] = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # The opcodes as plain ints (the compiler's are named int constants, which marshal cannot hold).
    made = (flags | tree.state.flags, list(map(int, _compiler._code(tree, flags))), tree.state.groups - 1,
            groupindex, tuple(indexgroup))
    result = cast(re.Pattern[str], _sre.compile(pattern, *made))
    store.put(key, made)
    return result


def kept_answer(question: str, pattern: str, flags: int, answer: Callable[[], T]) -> T:
    """``answer()``, what ``question`` asks of a pattern (a pure function of the pattern and flags whose
    value marshal can hold), kept between runs beside the compiled patterns for as long as the code that
    answers is the same: the engine's files and the asking module's (an edited question in a checkout
    whose version number has not moved is asked again, not served from before the edit)."""
    return kept_result((question, pattern, int(flags)), answer)


def kept_result(key: tuple[Any, ...], answer: Callable[[], T]) -> T:
    """``answer()``, a pure function of ``key`` (values marshal can hold) computed at start-up, kept
    between runs as ``kept_answer``'s are: for as long as the engine's files and the asking module's are
    the same."""
    return kept_value(key, answer, code_signature(_defining_file(answer)))


def _defining_file(answer: Callable[..., Any]) -> str:
    """The file of the module that defines ``answer``: its code object's, or where a module compiled by
    mypyc (whose functions have no code object) was loaded from."""
    code = getattr(answer, "__code__", None)
    if code is not None:
        return str(code.co_filename)
    module = sys.modules.get(getattr(answer, "__module__", None) or type(answer).__module__)
    return str(getattr(module, "__file__", None) or "")


def kept_value(key: tuple[Any, ...], answer: Callable[[], T], valid_for: Any = None) -> T:
    """``answer()``, kept between runs under ``key``, which with ``valid_for`` must name everything the
    value depends on: a pattern and its flags; or what an index is read from, with ``valid_for`` the
    sizes and modification times of its files, as Python's bytecode names its source (a value kept for
    other files is replaced, not kept beside)."""
    found = _KEPT.get(key, _MISSING)
    if found is not _MISSING and found[0] == valid_for:
        return cast(T, found[1])
    value = answer()
    _KEPT.put(key, (valid_for, value))
    return value


def files_signature(folder: str, suffixes: str | tuple[str, ...] = ".py") -> tuple[tuple[str, int, int], ...]:
    """The ``.py`` files (or those ending in one of ``suffixes``) under ``folder`` (relative paths), each with
    its size and modification time in nanoseconds: what a value read from their text is kept under
    (``kept_value``)."""
    out: list[tuple[str, int, int]] = []
    pending = [(folder, "")]
    while pending:
        path, relative = pending.pop()
        with os.scandir(path) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        pending.append((entry.path, relative + entry.name + "/"))
                elif entry.name.endswith(suffixes):
                    st = entry.stat()
                    out.append((relative + entry.name, st.st_size, st.st_mtime_ns))
    return tuple(sorted(out))


_MISSING = object()
_ANSWERING: dict[str, tuple[Any, ...]] = {}


def code_signature(module_file: str) -> tuple[Any, ...]:
    """The signature of the engine's files and of ``module_file``, read once per process."""
    found = _ANSWERING.get(module_file)
    if found is None:
        engine = _ANSWERING.get("")
        if engine is None:
            engine = _ANSWERING[""] = files_signature(os.path.dirname(__file__))
        try:
            st = os.stat(module_file)
            found = (engine, module_file, st.st_size, st.st_mtime_ns)
        except OSError:
            found = (engine, module_file)
        _ANSWERING[module_file] = found
    return found


class _Kept:
    """The kept opcodes and answers: one marshal file per interpreter, read on first use, written when
    the process exits if the run added to it (merged with what other processes wrote to it meanwhile).

    A compiled pattern's opcodes and a method's code (``_MARSHALLED_ALONE``) are held marshalled each on
    its own, made objects only when a run asks for them: the file keeps the entries of every run (up to
    ``_KEPT_LIMIT``), of which a run asks for some (a one-file check: a third of them), and reading them
    all as objects (an int per opcode, a code object per method) was some 20M instructions of a one-file
    check's 440M, where a byte string is a copy. (Not the answers: those that name the engine's files
    share that signature, which one read of the file makes once, and each entry read alone would make
    again.)"""

    def __init__(self, path: Path | None = None) -> None:
        tag = sys.implementation.cache_tag
        self.usable = (sys.implementation.name == "cpython" and (3, 10) <= sys.version_info[:2] <= (3, 13)
                       and _sre is not None and tag is not None)
        # Where the store belongs (``lint/__pycache__``, beside the package's bytecode), and where it is read
        # and written now: elsewhere only where ``keep_in`` moved it, and written there only if it said so.
        self.home = path or Path(__file__).parent / "__pycache__" / f"patterns.{tag}.marshal"
        self.path = self.home
        self.writes_elsewhere: Callable[[], bool] | None = None
        # Whatever could change what the compiler makes: the interpreter's exact build, the engine's magic;
        # and copylint's version (an upgrade starts afresh: the patterns of the version before go).
        self.header = (2, sys.version, getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None),
                       sys.maxunicode, __version__)
        self.entries: dict[Hashable, Any] | None = None
        self.added = False
        self.saved_at_exit_of: int | None = None  # the process that will save the entries when it ends
        # The keys this process asked for, in the order first asked: those it found kept (asked for by two
        # runs at least), and those it added. The file is in the order entries were last asked for.
        self.found: dict[Hashable, None] = {}
        self.made: dict[Hashable, None] = {}

    def _read(self, path: Path | None = None) -> dict[Hashable, Any]:
        """The entries in the file now (none where it is missing, damaged or another interpreter's)."""
        try:
            header, entries = marshal.loads((path or self.path).read_bytes())
            if header == self.header and isinstance(entries, dict):
                return entries
        except (OSError, EOFError, ValueError, TypeError, SystemError):  # none yet, or not ours: start afresh
            pass
        return {}

    def _loaded(self) -> dict[Hashable, Any]:
        if self.entries is None:
            self.entries = self._read() if self.usable else {}
            if not self.entries and self.usable and self.path != self.home:
                # Moved (``keep_in``) to a folder that has none yet: those of home, where there are some (an image
                # built with them, a run before the variable was set), to be written there.
                self.entries = self._read(self.home)
                if self.entries:
                    self.added = True
                    self._save_at_exit()
        return self.entries

    def get(self, key: Hashable, default: Any = None) -> Any:
        if not self.usable:
            return default
        found = self._loaded().get(key, _MISSING)
        if found is _MISSING:
            return default
        if _marshalled_alone(key):
            try:
                found = marshal.loads(found)
            except Exception:  # a damaged entry (a flipped bit in a code object raises SystemError): none
                return default
        self.found[key] = None
        return found

    def put(self, key: Hashable, value: Any) -> None:
        entries = self._loaded()
        if not self.usable or (key not in entries and len(entries) >= _HELD_LIMIT):
            return
        if _marshalled_alone(key):
            try:
                value = marshal.dumps(value)
            except ValueError:  # a value marshal cannot hold is not kept
                return
        entries[key] = value
        self.found.pop(key, None)
        self.made[key] = None
        self.added = True
        self._save_at_exit()

    def _saves(self, now: bool = True) -> bool:
        """Whether the entries may be written: at home as Python writes bytecode; elsewhere where ``keep_in``
        said so and (``now``) its condition holds."""
        if self.path == self.home:
            return not sys.dont_write_bytecode
        return self.writes_elsewhere is not None and (not now or self.writes_elsewhere())

    def _save_at_exit(self) -> None:
        """Have ``save`` run when this process ends (once per process), where the entries may be written."""
        if self.saved_at_exit_of != os.getpid() and self._saves(now=False):
            self.saved_at_exit_of = os.getpid()
            atexit.register(self.save)
            processes = sys.modules.get("multiprocessing")
            if processes is not None and processes.parent_process() is not None:
                # A pool's worker (lint.parallel's, lint.corpus's) ends by os._exit, which runs no atexit
                # function, only its finalizers: the patterns it alone compiled (pysbd's, ftfy's: the
                # parent splits no sentence) are kept as the parent's are.
                from multiprocessing.util import Finalize

                Finalize(None, self.save, exitpriority=0)

    def save(self) -> None:
        """Write the entries (``kept_marshalled``): the file's as it is now (other processes of a run, its
        pool's workers, write it too) and this process's, in the order they were last asked for; past
        ``_KEPT_LIMIT``, the ones asked for longest ago go (``_kept_entries``)."""
        if not self.added or self.entries is None or not self._saves():
            return
        entries = self.entries
        made = {key: entries[key] for key in self.made}
        found = {key: entries[key] for key in self.found if key not in made}
        earlier = {key: value for key, value in entries.items() if key not in made and key not in found}
        for key, value in self._read().items():
            if key not in made and key not in found:
                earlier.pop(key, None)  # (the other process's, later than this one's read)
                earlier[key] = value
        if kept_marshalled(self.path, (self.header, _kept_entries(earlier, made, found))):
            self.added = False

    def move_to(self, path: Path | None, writes: Callable[[], bool] | None = None) -> None:
        """Read the entries at ``path`` from now on, or at home again (None); write them there when the process
        ends if ``writes`` says so then. What this process read already stays, beside what the new file holds
        (the same keys, the same values: each a pure function of its key), and is written with what it adds."""
        target = path or self.home
        if target != self.path:
            self.path = target
            if self.entries is not None and self.usable:
                there = self._read()
                for key, value in there.items():
                    self.entries.setdefault(key, value)
                # What this process asked for is written there too, where the file lacks some of it.
                self.added = self.added or any(key not in there for key in (*self.found, *self.made))
        self.writes_elsewhere = writes if path is not None else None
        if self.added:
            self._save_at_exit()


_MARSHALLED_ALONE = frozenset({"compiled", "exec"})


def _marshalled_alone(key: Hashable) -> bool:
    """Whether a store holds the value of ``key`` marshalled on its own (``_Kept``)."""
    return isinstance(key, tuple) and bool(key) and key[0] in _MARSHALLED_ALONE


def _kept_entries(earlier: dict[Hashable, Any], made: dict[Hashable, Any],
                  found: dict[Hashable, Any]) -> dict[Hashable, Any]:
    """The entries a store keeps, at most ``_KEPT_LIMIT`` (the patterns a library module compiles at import
    aside: ``module_with_kept_patterns``'s, kept while the module is as it was, which no run would keep
    again on its own): first those no run since asked for, the oldest first; then those this run made
    (past the limit, the ones it made last go); then those it found kept, asked for by two runs at least.
    So the patterns pysbd builds from a text's abbreviations push out neither ftfy's nor those every run
    asks for."""
    excess = len(earlier) + len(made) + len(found) - _KEPT_LIMIT
    if excess <= 0:
        return {**earlier, **made, **found}
    held: set[Hashable] = set()
    for part in (earlier, made, found):
        for key, value in part.items():
            if isinstance(key, tuple) and key[:1] == ("module-patterns",) and _module_unchanged(value):
                held.add(key)
                held.update(("compiled", pattern, flags) for pattern, flags in value[1])
    parts = []
    for part, last_first in ((earlier, False), (made, True), (found, False)):
        keys = list(part)
        gone = set()
        for key in reversed(keys) if last_first else keys:
            if excess <= 0:
                break
            if key not in held:
                gone.add(key)
                excess -= 1
        parts.append({key: part[key] for key in keys if key not in gone})
    return {key: value for part in parts for key, value in part.items()}


def _module_unchanged(value: Any) -> bool:
    """Whether a ``module-patterns`` entry's module file has the size and modification time it names."""
    try:
        (source_file, size, mtime), _ = value
        st = os.stat(source_file)
        return bool(st.st_size == size and st.st_mtime_ns == mtime)
    except (OSError, TypeError, ValueError):
        return False


def kept_marshalled(path: Path, value: Any) -> bool:
    """Whether ``value`` is now written to ``path`` (in ``__pycache__``, or the user's cache: ``keep_in``) with
    marshal, atomically; a folder that cannot be written, or a value marshal cannot hold, leaves the file as
    it was."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        payload = marshal.dumps(value)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(payload)
        os.replace(temporary, path)
        return True
    except (OSError, ValueError):
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass
        return False



_KEPT = _Kept()
# The code of the methods the stdlib's dataclasses write (``keep_dataclass_code``), in a file of its own: its
# entries come and go with the classes a run defines, not with the patterns.
_KEPT_CODE = _Kept(_KEPT.path.with_name(f"dataclasses.{sys.implementation.cache_tag}.marshal"))


def keep_dataclass_code() -> None:
    """Have the stdlib's dataclasses take the methods it writes for each class (``__init__``, ``__repr__``,
    ``__eq__``, ...) from code kept between runs, as Python keeps a module's bytecode: it compiles their
    source anew in every process, some 230 small functions for a one-file check (16 ms of its 0.11 s CPU).
    The source is the key (the same source, the same code, on the interpreter ``_Kept``'s header names).
    For the command line only: it covers every dataclass the process defines from then on."""
    import dataclasses

    if _KEPT_CODE.usable and "exec" not in vars(dataclasses):
        # The module calls exec(text, globals, ns) (3.10-3.13): its own global of that name comes first.
        dataclasses.exec = kept_exec  # type: ignore[attr-defined]


def kept_exec(source: Any, globals: dict[str, Any] | None = None, locals: dict[str, Any] | None = None) -> None:
    """``exec(source, globals, locals)``, with the code of a source text kept between runs."""
    if isinstance(source, str):
        key = ("exec", source)
        code = _KEPT_CODE.get(key)
        if not isinstance(code, types.CodeType):
            # Compiled as exec compiles it for the dataclasses module, which has no __future__ imports:
            # none of this module's (its annotations would become strings).
            code = compile(source, "<string>", "exec", dont_inherit=True)
            _KEPT_CODE.put(key, code)
        source = code
    exec(source, globals, locals)


# The patterns a library compiles through ``re`` as it runs (``kept_re``), in a file of their own: some are
# built from the text (pysbd's abbreviations), and their coming and going never clears this package's.
_KEPT_LIBRARY = _Kept(_KEPT.path.with_name(f"library-patterns.{sys.implementation.cache_tag}.marshal"))


def keep_in(folder: Path | None, writes: Callable[[], bool] | None = None) -> None:
    """Keep the stores in ``folder`` where their own (``lint/__pycache__``) cannot take them: with
    PYTHONDONTWRITEBYTECODE set, or a package folder this user cannot write (a system-wide install, a
    read-only image). Read from there on; written there when the process ends if ``writes()`` holds then.
    ``folder`` must be as trusted as the package (marshal is not safe against a crafted file): the command
    line names the user's own cache folder, never a project's, and writes only in a check that uses the
    results cache. None: back home. Where the home folder takes them, nothing moves."""
    if _home_writable():
        return
    for store in (_KEPT, _KEPT_CODE, _KEPT_LIBRARY):
        store.move_to(None if folder is None else folder / store.home.name, writes)


def _home_writable() -> bool:
    """Whether the stores' own folder takes them, as Python's bytecode cache would (``lint/__pycache__``, or
    the package folder it would be made in)."""
    if sys.dont_write_bytecode:
        return False
    folder = _KEPT.home.parent
    return os.access(folder if folder.is_dir() else folder.parent, os.W_OK)


_LIBRARY_PATTERNS_MAX = 4096  # compiled patterns held in a process, as re's own cache holds 512


class _KeptRe:
    """What a library's modules see as ``re`` (``kept_re``): the module itself, except that the functions that
    take a pattern as a string compile it through the kept opcodes (``compiled``), where ``re`` parses and
    compiles each anew in every process (pysbd's 150 patterns: some 12 ms of a one-file check)."""

    def __init__(self) -> None:
        self._patterns: dict[tuple[str, int], re.Pattern[str]] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(re, name)

    def _pattern(self, pattern: str | re.Pattern[str], flags: int) -> re.Pattern[str]:
        if not isinstance(pattern, str):
            return re.compile(pattern, flags)  # (a compiled pattern, or what re refuses as re refuses it)
        key = (pattern, int(flags))
        found = self._patterns.get(key)
        if found is None:
            if len(self._patterns) >= _LIBRARY_PATTERNS_MAX:
                self._patterns.clear()
            found = self._patterns[key] = _compiled_in(_KEPT_LIBRARY, pattern, flags)
        return found

    def compile(self, pattern: str | re.Pattern[str], flags: int = 0) -> re.Pattern[str]:
        return self._pattern(pattern, flags)

    def search(self, pattern: str, string: str, flags: int = 0) -> re.Match[str] | None:
        return self._pattern(pattern, flags).search(string)

    def match(self, pattern: str, string: str, flags: int = 0) -> re.Match[str] | None:
        return self._pattern(pattern, flags).match(string)

    def fullmatch(self, pattern: str, string: str, flags: int = 0) -> re.Match[str] | None:
        return self._pattern(pattern, flags).fullmatch(string)

    def sub(self, pattern: str, repl: Any, string: str, count: int = 0, flags: int = 0) -> str:
        return self._pattern(pattern, flags).sub(repl, string, count)

    def subn(self, pattern: str, repl: Any, string: str, count: int = 0, flags: int = 0) -> tuple[str, int]:
        return self._pattern(pattern, flags).subn(repl, string, count)

    def split(self, pattern: str, string: str, maxsplit: int = 0, flags: int = 0) -> list[Any]:
        return self._pattern(pattern, flags).split(string, maxsplit)

    def findall(self, pattern: str, string: str, flags: int = 0) -> list[Any]:
        return self._pattern(pattern, flags).findall(string)

    def finditer(self, pattern: str, string: str, flags: int = 0) -> Iterator[re.Match[str]]:
        return self._pattern(pattern, flags).finditer(string)


_KEPT_RE = _KeptRe()


def kept_re(package: str) -> None:
    """Have the modules of ``package`` (imported already) compile the patterns they hand ``re``'s functions as
    strings from opcodes kept between runs (``_KeptRe``), as this package's own are. Only where patterns are
    kept at all (the interpreters ``_Kept`` knows); the library's answers are ``re``'s, pattern for pattern."""
    if not _KEPT_LIBRARY.usable:
        return
    for name, module in list(sys.modules.items()):
        if (name == package or name.startswith(package + ".")) and getattr(module, "re", None) is re:
            module.re = _KEPT_RE  # type: ignore[attr-defined]


# What ``seed_start_up_patterns`` put in re's cache and found there, for ``keep_start_up_patterns`` (None:
# not seeded yet; False: kept already, or not to be).
_START_UP_KEY = ("start-up-patterns",)
_START_UP_MAX = 64  # patterns kept for start-up at most (past it, only those of the last run)
_start_up: tuple[tuple[tuple[str, int], ...], frozenset[Any]] | bool | None = None


def seed_start_up_patterns() -> None:
    """Put in ``re``'s own cache, made from the opcodes kept between runs, the patterns that the modules the
    command line imports at start-up (the stdlib's platform, gettext, locale, dataclasses; click's) compiled
    through ``re`` in the run before (``keep_start_up_patterns``): where each run parsed and compiled them
    anew (some 13, 10M instructions of a one-file check), their ``re.compile`` now finds the pattern it would
    make. A pattern that no module asks for any more only sits in the cache; one served from a damaged entry
    is compiled again (``_compiled_in``). Only where ``re``'s cache is the dict this was written against."""
    global _start_up
    cache = getattr(re, "_cache", None)
    if _start_up is not None or not isinstance(cache, dict) or not _KEPT_LIBRARY.usable:
        _start_up = False if _start_up is None else _start_up
        return
    found = _KEPT_LIBRARY.get(_START_UP_KEY)
    seeded: list[tuple[str, int]] = []
    if isinstance(found, tuple):
        for item in found:
            try:
                pattern, flags = item
                made = _compiled_in(_KEPT_LIBRARY, pattern, flags)
            except Exception:  # (not a pattern and its flags, or one re refuses: left to re.compile)
                continue
            cache.setdefault((str, pattern, flags), made)
            seeded.append((pattern, flags))
    _start_up = (tuple(seeded), frozenset(cache))


def keep_start_up_patterns() -> None:
    """Keep the patterns compiled through ``re``'s cache since ``seed_start_up_patterns`` (the start-up's
    imports), with those it seeded, for the next run's start-up to find made (once per process)."""
    global _start_up
    cache = getattr(re, "_cache", None)
    if not isinstance(_start_up, tuple) or not isinstance(cache, dict):
        return
    seeded, before = _start_up
    _start_up = False  # (once: a second call records nothing)
    made = {(key[1], key[2]) for key in list(cache) if key not in before and isinstance(key, tuple)
            and len(key) == 3 and key[0] is str and isinstance(key[1], str) and type(key[2]) is int}
    kept = tuple(sorted(set(seeded) | made))
    if len(kept) > _START_UP_MAX:
        kept = tuple(sorted(made))[:_START_UP_MAX]
    if kept != seeded:
        for pattern, flags in made.intersection(kept):
            # Their opcodes kept now (compiled once more in this run, the first after an install or a change),
            # for the next run to find made.
            try:
                _compiled_in(_KEPT_LIBRARY, pattern, flags)
            except Exception:  # (one re refused would not be in its cache: not seeded next time either)
                continue
        _KEPT_LIBRARY.put(_START_UP_KEY, kept)


def module_with_kept_patterns(source_file: str, load: Callable[[], types.ModuleType]) -> types.ModuleType:
    """``load()``, the module of ``source_file`` run, with the patterns it compiles at import (ftfy's
    ``badness.py``: one of 40,000 characters, some 70M instructions to parse and compile, a fifth of a
    one-file check) made from the opcodes kept between runs. The patterns the module held after its last
    run, kept under its file's size and modification time, are put in ``re``'s own cache before it runs,
    where its ``re.compile`` finds them: the same pattern objects it would make (a cache that is not the
    one this was written against, or a module that changed, is only compiled as before)."""
    cache = getattr(re, "_cache", None)
    try:
        st = os.stat(source_file)
        signature: Any = (source_file, st.st_size, st.st_mtime_ns)
    except OSError:
        signature = None
    key = ("module-patterns", source_file)
    found = _KEPT_LIBRARY.get(key)
    warm = signature is not None and isinstance(found, tuple) and found[0] == signature
    if warm and isinstance(cache, dict):
        for pattern, flags in found[1]:
            made = _compiled_in(_KEPT_LIBRARY, pattern, flags)
            # The key re.compile(pattern, flags) looks for: without re.UNICODE, which a str pattern's
            # flags hold whether the call named it or not, and with it.
            for asked in (flags & ~re.UNICODE, flags):
                cache.setdefault((str, pattern, asked), made)
    module = load()
    if signature is not None and _KEPT_LIBRARY.usable:
        made_here = sorted({(p.pattern, p.flags) for p in vars(module).values()
                            if isinstance(p, re.Pattern) and isinstance(p.pattern, str)})
        if isinstance(cache, dict):
            # The opcodes of those that were not put in the cache kept now, for the next run to find: parsed
            # and compiled once more in this one (the first after an install or a change), not in the next.
            served = set(found[1]) if warm else set()
            for pattern, flags in made_here:
                if (pattern, flags) not in served:
                    _compiled_in(_KEPT_LIBRARY, pattern, flags)
        if not (isinstance(found, tuple) and found == (signature, made_here)):
            _KEPT_LIBRARY.put(key, (signature, made_here))
    return module
