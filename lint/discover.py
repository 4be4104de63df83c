"""The discover stage: which files a run lints.

Folders are walked without following symlinks out of the tree; ``.gitignore``
files (from the repository root down) and the config's ``exclude`` globs are
honoured with ``pathspec``; only files whose extension a format claims (or that
the config's ``formats`` maps) are taken. A file named explicitly is always
linted.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pathspec

from lint import formats
from lint.config import Config, ConfigResolver, safely


@dataclass(frozen=True)
class Candidate:
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
            import pathspec  # imported only when a folder is walked: it costs ~30 ms
            if safely(f.is_file):
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

    def is_excluded(self, path: Path, config: Config, is_dir: bool, rel: str | None = None) -> bool:
        """``rel``: the path relative to the config's root, when the caller has it already."""
        spec = self.exclude(config)
        if rel is None:
            rel = _relative(path, self.root(config))
        return spec.match_file(rel + ("/" if is_dir else "")) or spec.match_file(path.name)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def lintable(path: str, config: Config) -> bool:
    return formats.format_for(path, config.formats) is not None


def discover(paths: Iterable[str], resolver: ConfigResolver,
             force_exclude: bool = False) -> Iterator[Candidate | Skipped]:
    """Candidates in a stable order: arguments as given, each folder sorted.

    A file named explicitly is linted even when excluded, unless ``force_exclude`` (as pre-commit,
    which names every file, needs).
    """
    cache = _IgnoreCache()
    seen: set[Path] = set()
    for arg in paths:
        p = Path(arg)
        if safely(p.is_file) or not safely(p.is_dir):
            # Named explicitly: linted (a missing, unreadable or looping path becomes a load error).
            resolved = _resolved(p)
            if resolved in seen:
                continue
            config = resolver.for_path(p)
            if force_exclude and (
                cache.is_excluded(resolved, config, False)
                or any(cache.is_excluded(parent, config, True) for parent in resolved.parents)
            ):
                continue
            seen.add(resolved)
            yield Candidate(arg, config)
            continue
        yield from _walk(p, resolver, cache, seen)


def _resolved(path: Path) -> Path:
    """``path.resolve()``, or its absolute form for a symbolic link loop (which resolve refuses)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def _walk(top: Path, resolver: ConfigResolver, cache: _IgnoreCache,
          seen: set[Path]) -> Iterator[Candidate | Skipped]:
    from lint.cache import CACHE_DIR_NAME, cache_dir

    real_top = top.resolve()
    unreadable: list[OSError] = []
    own_cache = _resolved(cache_dir())
    for folder, dirs, files in os.walk(top, onerror=unreadable.append, followlinks=False):
        while unreadable:
            error = unreadable.pop(0)
            yield Skipped(str(error.filename or folder), f"cannot read this folder: {error.strerror}")
        here = Path(folder)
        real_here = here.resolve()
        config = resolver.for_path(here)
        keep = []
        for d in sorted(dirs):
            full = real_here / d
            if (here / d).is_symlink():
                continue
            if d == CACHE_DIR_NAME or full == own_cache:
                continue  # copylint's own results cache (JSON a config may map to i18n-json)
            if cache.is_excluded(full, config, True) or cache.is_gitignored(full, True):
                continue
            keep.append(d)
        dirs[:] = keep
        for name in sorted(files):
            shown = here / name
            full = where = real_here / name
            if shown.is_symlink():
                target = shown.resolve()
                if real_top not in target.parents or not safely(target.is_file):
                    continue  # never follow a link out of the tree
                full = target
            if full in seen:
                continue
            # Asked once per file (a warm run's walk is most of its time): the path relative to the root.
            rel = _relative(full, cache.root(config))
            if not lintable(rel, config):
                continue
            if cache.is_excluded(full, config, False, rel) or cache.is_gitignored(where, False):
                continue
            seen.add(full)
            yield Candidate(str(shown), config)
    for error in unreadable:  # the top folder itself, or the last one walked
        yield Skipped(str(error.filename or top), f"cannot read this folder: {error.strerror}")
