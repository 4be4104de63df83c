"""The discover stage: which files a run lints.

Folders are walked without following symlinks out of the tree; ``.gitignore``
files (from the repository root down) and the config's ``exclude`` globs are
honoured with ``pathspec``; only files whose extension a format claims (or that
the config's ``formats`` maps) are taken. A file named explicitly is always
linted.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pathspec

from lint import formats
from lint.config import Config, ConfigResolver, safely


@dataclass(frozen=True)
class Candidate:
    """A file to lint and the config it gets."""

    path: str
    config: Config


@dataclass(frozen=True)
class Skipped:
    """A folder the walk could not read (said under --verbose)."""

    path: str
    reason: str


class _IgnoreCache:
    def __init__(self) -> None:
        self._gitignore: dict[Path, pathspec.PathSpec | None] = {}
        self._exclude: dict[int, pathspec.GitIgnoreSpec] = {}
        self._repo_root: dict[Path, Path | None] = {}
        self._root: dict[int, Path] = {}
        self._matchers: dict[int, Callable[[str, str], bool]] = {}

    def root(self, config: Config) -> Path:
        """The config's folder, resolved once (a resolve is a system call per path component)."""
        key = id(config)
        if key not in self._root:
            self._root[key] = config.root.resolve()
        return self._root[key]

    def gitignore(self, folder: Path) -> pathspec.PathSpec | None:
        if folder not in self._gitignore:
            spec = None
            f = folder / ".gitignore"
            if safely(f.is_file):
                import pathspec  # imported only for a .gitignore there is: it costs ~10 ms

                try:
                    lines = f.read_text(encoding="utf-8", errors="replace").splitlines()
                    spec = pathspec.GitIgnoreSpec.from_lines(lines)
                except (OSError, ValueError):
                    spec = None
            self._gitignore[folder] = spec
        return self._gitignore[folder]

    def repo_root(self, folder: Path) -> Path | None:
        if folder not in self._repo_root:
            root = None
            for candidate in (folder, *folder.parents):
                if safely((candidate / ".git").exists):
                    root = candidate
                    break
            self._repo_root[folder] = root
        return self._repo_root[folder]

    def exclude(self, config: Config) -> pathspec.GitIgnoreSpec:
        key = id(config)
        if key not in self._exclude:
            import pathspec

            self._exclude[key] = pathspec.GitIgnoreSpec.from_lines(config.excludes)
        return self._exclude[key]

    def is_gitignored(self, path: Path, is_dir: bool) -> bool:
        root = self.repo_root(path.parent)
        if root is None:
            return False
        folders = [path.parent]
        folders.extend(p for p in path.parent.parents if p == root or root in p.parents)
        for folder in reversed(folders):  # deeper .gitignore files are read last and win
            spec = self.gitignore(folder)
            if spec is None:
                continue
            rel = path.relative_to(folder).as_posix() + ("/" if is_dir else "")
            if spec.match_file(rel):
                return True
        return False

    def exclude_matcher(self, config: Config) -> Callable[[str, str], bool]:
        """``(rel, name) -> excluded``: the exclude globs matched against a path relative to the config's
        root and against its name (a folder's with a trailing slash), as ``is_excluded`` matches them.
        Globs that only exclude (no `!` among them) are matched as one pattern: a pass of the regex
        engine per path, not one per glob."""
        key = id(config)
        matcher = self._matchers.get(key)
        if matcher is None:
            combined = _combined_excludes(tuple(config.excludes))
            if combined is not None:
                search = combined.search

                def matcher(rel: str, name: str) -> bool:
                    return search(rel) is not None or search(name) is not None
            else:
                spec = self.exclude(config)

                def matcher(rel: str, name: str) -> bool:
                    return spec.match_file(rel) or spec.match_file(name)
            self._matchers[key] = matcher
        return matcher

    def is_excluded(self, path: Path, config: Config, is_dir: bool, rel: str | None = None) -> bool:
        """``rel``: the path relative to the config's root, when the caller has it already."""
        spec = self.exclude(config)
        if rel is None:
            rel = _relative(path, self.root(config))
        return spec.match_file(rel + ("/" if is_dir else "")) or spec.match_file(path.name)


def _combined_excludes(globs: tuple[str, ...]) -> re.Pattern[str] | None:
    """``_one_pattern`` of the exclude globs, its text kept between runs (``lint.patterns``) for as long as
    pathspec's files are the ones that translated them: a walk with no .gitignore to read then imports
    no pathspec at all (10 ms), and compiles no glob."""
    from lint.patterns import compiled, kept_value

    try:
        source = kept_value(("exclude-pattern", globs), lambda: _one_pattern(globs), _pathspec_files())
        return None if source is None else compiled(source)
    except (re.error, OSError, ImportError, ValueError):
        return None


def _pathspec_files() -> tuple[str, int, int] | None:
    """pathspec's package file, its size and modification time, found without importing it: what a
    translation of globs is kept under (an upgrade replaces the file)."""
    import importlib.util

    found = importlib.util.find_spec("pathspec")
    origin = found.origin if found is not None else None
    if origin is None:
        return None
    st = os.stat(origin)
    return origin, st.st_size, st.st_mtime_ns


def _one_pattern(globs: tuple[str, ...]) -> str | None:
    """The globs, read as a .gitignore reads them, as one pattern that matches where any of them does,
    when none of them negates (then "any glob matches" is the spec's answer); None otherwise."""
    import pathspec

    parts = []
    for pattern in pathspec.GitIgnoreSpec.from_lines(globs).patterns:
        regex = getattr(pattern, "regex", None)
        if pattern.include is None:
            continue  # a blank line or a comment
        if pattern.include is not True or regex is None or not isinstance(regex.pattern, str):
            return None
        parts.append("(?:" + regex.pattern.replace("(?P<ps_d>", "(?:") + ")")
    source = "|".join(parts) if parts else "(?!)"
    try:
        re.compile(source)
    except re.error:
        return None
    return source


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def lintable(path: str, config: Config) -> bool:
    return formats.format_for(path, config.formats, config.root) is not None


def discover(paths: Iterable[str], resolver: ConfigResolver,
             force_exclude: bool = False) -> Iterator[Candidate | Skipped]:
    """Candidates in a stable order: arguments as given, each folder sorted.

    A file named explicitly is linted even when excluded, unless ``force_exclude`` (as pre-commit,
    which names every file, needs).
    """
    cache = _IgnoreCache()
    seen: set[str] = set()
    for arg in paths:
        p = Path(arg)
        if safely(p.is_file) or not safely(p.is_dir):
            # Named explicitly: linted (a missing, unreadable or looping path becomes a load error).
            resolved = _resolved(p)
            if str(resolved) in seen:
                continue
            config = resolver.for_path(p)
            if force_exclude and (
                cache.is_excluded(resolved, config, False)
                or any(cache.is_excluded(parent, config, True) for parent in resolved.parents)
            ):
                continue
            seen.add(str(resolved))
            yield Candidate(arg, config)
            continue
        yield from _walk(p, resolver, cache, seen)


def _resolved(path: Path) -> Path:
    """``path.resolve()``, or its absolute form for a symbolic link loop (which resolve refuses)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


class _Folder:
    """What every file of one walked folder shares: its config, its path relative to the config's root
    and the .gitignore files that apply to it, each with the folder's path relative to it."""

    def __init__(self, real_here: str, config: Config, cache: _IgnoreCache) -> None:
        self.config = config
        self.real_here = real_here
        root = str(cache.root(config))
        if real_here == root:
            self.rel_prefix: str | None = ""
        elif real_here.startswith(root.rstrip("/") + "/"):
            self.rel_prefix = Path(real_here).relative_to(root).as_posix() + "/"
        else:
            self.rel_prefix = None  # outside the root: a file is matched by its name
        self.excluded = cache.exclude_matcher(config)
        self.gitignores: list[tuple[pathspec.PathSpec, str]] = []
        where = Path(real_here)
        repo = cache.repo_root(where)
        if repo is not None:
            folders = [where, *(p for p in where.parents if p == repo or repo in p.parents)]
            for folder in reversed(folders):
                spec = cache.gitignore(folder)
                if spec is not None:
                    rel = where.relative_to(folder).as_posix()
                    self.gitignores.append((spec, "" if rel == "." else rel + "/"))

    def relative(self, name: str) -> str:
        return name if self.rel_prefix is None else self.rel_prefix + name

    def gitignored(self, name: str) -> bool:
        return any(spec.match_file(prefix + name) for spec, prefix in self.gitignores)


def _scanned(folder: str, onerror: list[OSError]) -> tuple[list[os.DirEntry[str]], list[os.DirEntry[str]]]:
    """(sub-folders, other entries) of ``folder``, as os.walk tells them apart (a link to a folder is a
    folder), each sorted by name; an error reading it goes to ``onerror``."""
    dirs: list[os.DirEntry[str]] = []
    files: list[os.DirEntry[str]] = []
    try:
        with os.scandir(folder) as it:
            for entry in it:
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                (dirs if is_dir else files).append(entry)
    except OSError as exc:
        onerror.append(exc)
    dirs.sort(key=lambda e: e.name)
    files.sort(key=lambda e: e.name)
    return dirs, files


def _walk(top: Path, resolver: ConfigResolver, cache: _IgnoreCache,
          seen: set[str]) -> Iterator[Candidate | Skipped]:
    """The folder's files, each folder's before its sub-folders', both sorted (os.walk's top-down order),
    with the work per file kept to string operations: a warm run's walk is most of its time."""
    from lint.paths import CACHE_DIR_NAME, cache_dir  # (not lint.cache: a --no-cache run does without it)

    real_top = str(top.resolve())
    unreadable: list[OSError] = []
    own_cache = str(_resolved(cache_dir()))
    stack = [str(top)]
    while stack:
        folder = stack.pop()
        dirs, files = _scanned(folder, unreadable)
        if unreadable:
            error = unreadable.pop()
            yield Skipped(str(error.filename or folder), f"cannot read this folder: {error.strerror}")
            continue
        here = Path(folder)
        real_here = str(here.resolve())
        config = resolver.for_path(here)
        info = _Folder(real_here, config, cache)
        # Names as pathlib writes them (str(Path(folder) / name)): "a.md" in ".", not "./a.md".
        base = "" if folder == "." else folder if folder.endswith("/") else folder + "/"
        real_sep = "" if real_here.endswith("/") else "/"
        keep = []
        for d in dirs:
            name = d.name
            if d.is_symlink():
                continue
            full = real_here + real_sep + name
            if name == CACHE_DIR_NAME or full == own_cache:
                continue  # copylint's own results cache (JSON a config may map to i18n-json)
            if info.excluded(info.relative(name) + "/", name) or info.gitignored(name + "/"):
                continue
            keep.append(base + name)
        stack.extend(reversed(keep))
        for entry in files:
            name = entry.name
            shown = base + name
            full = real_here + real_sep + name
            rel = info.relative(name)
            if entry.is_symlink():
                target = _resolved(Path(shown))
                if real_top not in map(str, target.parents) or not safely(target.is_file):
                    continue  # never follow a link out of the tree
                full = str(target)
                rel = _relative(target, cache.root(config))
                name = target.name
            if full in seen:
                continue
            if not lintable(rel, config):
                continue
            if info.excluded(rel, name) or info.gitignored(entry.name):
                continue
            seen.add(full)
            yield Candidate(shown, config)
