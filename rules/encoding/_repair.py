"""What ftfy repairs in a line's encoding: E101 flags it, E103 leaves the control characters it
would repair to E101."""

from __future__ import annotations

from functools import lru_cache

from lint.fix import changed_span


@lru_cache(maxsize=1)
def _config():  # type: ignore[no-untyped-def]
    from ftfy import TextFixerConfig

    # Only the encoding repairs: entities, quotes, widths and line breaks are other rules' business.
    return TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, uncurl_quotes=False, fix_latin_ligatures=False,
        fix_character_width=False, fix_line_breaks=False, fix_surrogates=False, remove_control_chars=False,
        normalization=None, explain=False,
    )


def repaired(line: str) -> str:
    """The line as ftfy repairs its encoding (the same line when ftfy sees nothing to repair)."""
    import ftfy

    if not ftfy.badness.is_bad(line):
        return line
    return ftfy.fix_text(line, _config())


def repair_span(line: str) -> tuple[int, int, str] | None:
    """Where ftfy's repair changes the line: (start, end, replacement) in line offsets, or None.

    The common prefix and suffix of the line and its repair are left out, so a fix touches only the
    garbled characters.
    """
    return changed_span(line, repaired(line))
