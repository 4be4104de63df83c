"""What ftfy repairs in a line's encoding: E101 flags it, E103 leaves the control characters it
would repair to E101."""

from __future__ import annotations

import importlib.util
import sys
from functools import lru_cache
from typing import Any

from lint.fix import changed_span
from lint.patterns import module_with_kept_patterns


@lru_cache(maxsize=1)
def _config():  # type: ignore[no-untyped-def]
    from ftfy import TextFixerConfig

    # Only the encoding repairs: entities, quotes, widths and line breaks are other rules' business.
    return TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, uncurl_quotes=False, fix_latin_ligatures=False,
        fix_character_width=False, fix_line_breaks=False, fix_surrogates=False, remove_control_chars=False,
        normalization=None, explain=False,
    )


@lru_cache(maxsize=1)
def badness() -> Any:
    """ftfy's badness heuristic (``is_bad``): the module ``ftfy.badness``, run from ftfy's own file without
    the package. ``import ftfy`` runs the whole package and wcwidth (some 40 ms CPU, a tenth of a run over
    a small book), where most lines shown to it are box drawing, accents or other scripts it passes: the
    package is imported only for a line it finds bad. That module needs only re and warnings."""
    module = sys.modules.get("ftfy.badness")
    if module is not None:
        return module
    try:
        package = importlib.util.find_spec("ftfy")  # (finds the package without running it)
        folders = list(package.submodule_search_locations or []) if package is not None else []
        # A top-level name: a relative import the module may gain one day fails (and falls back below)
        # instead of resolving inside this package.
        spec = importlib.util.spec_from_file_location("_copylint_ftfy_badness", f"{folders[0]}/badness.py")
        if spec is None or spec.loader is None:
            raise ImportError("ftfy.badness")
        module = importlib.util.module_from_spec(spec)
        loader = spec.loader

        def run() -> Any:
            loader.exec_module(module)
            return module

        # Its one big pattern from the opcodes kept between runs, not parsed and compiled anew.
        module_with_kept_patterns(f"{folders[0]}/badness.py", run)
        module.is_bad  # noqa: B018 (the function the rules ask: a module without it is not the one meant)
    except Exception:  # anything amiss (ftfy zipped, moved, changed): the package as it is
        import ftfy.badness

        return ftfy.badness
    return module


def repaired(line: str) -> str:
    """The line as ftfy repairs its encoding (the same line when ftfy sees nothing to repair)."""
    if not badness().is_bad(line):
        return line
    import ftfy

    return ftfy.fix_text(line, _config())


def repair_span(line: str) -> tuple[int, int, str] | None:
    """Where ftfy's repair changes the line: (start, end, replacement) in line offsets, or None.

    The common prefix and suffix of the line and its repair are left out, so a fix touches only the
    garbled characters.
    """
    return changed_span(line, repaired(line))
