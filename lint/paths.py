"""Paths as a config's globs see them: relative to the config's folder (``Config.root``).

`per-file-ignores`, `languages` and `formats` are written relative to the folder of the file that sets
them, whatever folder copylint runs in and however a file is named (relative, absolute, through a
symbolic link, as an editor names it)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any


@lru_cache(maxsize=4096)
def relative_to_root(path: str, root: Path) -> str:
    """``path`` relative to ``root`` in POSIX form; the path as given (POSIX form) where it is not under
    ``root``. Memoized: every rule of a file asks for its format, and each ask would resolve it again."""
    absolute, base = os.path.abspath(path), os.path.abspath(root)
    if absolute != base and not absolute.startswith(base.rstrip(os.sep) + os.sep):
        # Not under it as named: perhaps through a symbolic link on either side.
        absolute, base = os.path.realpath(path), os.path.realpath(root)
    try:
        return Path(absolute).relative_to(base).as_posix()
    except ValueError:
        return Path(path).as_posix()


CACHE_DIR_NAME = ".copylint_cache"


def cache_dir(config: Any = None) -> Path:
    """The results cache's folder: $COPYLINT_CACHE_DIR, the config's ``cache-dir``, or ``.copylint_cache``."""
    env = os.environ.get("COPYLINT_CACHE_DIR")
    if env:
        return Path(env)
    if config is not None and getattr(config, "cache_dir", None):
        return Path(config.cache_dir)
    return Path(CACHE_DIR_NAME)
