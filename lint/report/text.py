"""Text output for people: ``path:line:col: CODE [slug] message``, a source excerpt on a terminal, a summary."""

from __future__ import annotations

import unicodedata

import click

from lint.engine import FileResult
from lint.model import Source
from lint.report import Reporter, Summary

_SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


def _width(text: str) -> int:
    """Terminal cells: wide East Asian characters take two, combining marks none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return width


CONTEXT = 40  # characters of the line shown on each side of a finding (a paragraph is one long line)
_SNAP = 12  # how far a cut may move to fall between words


def excerpt_window(text: str, start: int, end: int) -> tuple[int, int]:
    """The slice ``[lo, hi)`` of a line to show for the span ``[start, end)``: the span (at most
    2 × CONTEXT of it) and CONTEXT characters on each side, each cut moved to a space when one is near."""
    lo = max(0, start - CONTEXT)
    hi = min(len(text), min(max(end, start + 1), start + 2 * CONTEXT) + CONTEXT)
    if lo > 0:
        space = text.find(" ", lo, min(lo + _SNAP, start))
        if space != -1:
            lo = space + 1
    if hi < len(text):
        space = text.rfind(" ", max(hi - _SNAP, end, start + 1), hi)
        if space != -1:
            hi = space
    return lo, hi


class TextReporter(Reporter):
    def _echo(self, line: str) -> None:
        # click strips styles from what is not a terminal unless told: --color always must reach a pipe.
        click.echo(line, file=self.stream, color=self.options.color)

    def _style(self, text: str, **kwargs: object) -> str:
        return click.style(text, **kwargs) if self.options.color else text  # type: ignore[arg-type]

    def file(self, result: FileResult) -> None:
        for error in result.errors:
            self._echo(f"{error}")
        if self.options.quiet or not result.findings:
            return
        source = result.source
        show_source = self.options.show_source and source is not None
        # The file's lines written at once: an echo per finding flushed the stream (a write to the pipe or
        # file) and scanned the line for styles to strip, 11,454 times for the PEPs as text.
        lines: list[str] = []
        for f in result.findings:
            if source is not None:
                start = source.position(f.start)
                line, col = start.line, start.column
            else:
                line, col = 1, f.start + 1
            where = self._style(f"{f.path}:{line}:{col}:", bold=True)
            code = self._style(f.code, fg=_SEVERITY_COLOURS.get(f.severity.value), bold=True)
            mark = " [*]" if f.fix is not None and f.fix.applicability.value == "safe" else ""
            lines.append(f"{where} {code} [{f.rule}] {f.message}{mark}")
            if show_source:
                assert source is not None
                lines.extend(self._excerpt(source, line, col, f.start - col + 1, f.end))
        self._echo("\n".join(lines))

    def _excerpt(self, source: Source, line: int, col: int, line_start: int, end_offset: int) -> tuple[str, str]:
        """The two lines under a finding: its source line (or the part of it around the finding) and the
        carets under the finding. (``line_start``: where the line starts, from the finding's place, not the
        line starts of the file)"""
        text = source.line_text(line).expandtabs(1)
        start = col - 1
        end = max(min(end_offset - line_start, len(text)), start)
        lo, hi = excerpt_window(text, start, end)
        shown = ("…" if lo > 0 else "") + text[lo:hi] + ("…" if hi < len(text) else "")
        prefix = ("…" if lo > 0 else "") + text[lo:start]
        span = max(_width(text[start:min(end, hi)]), 1)
        gutter = f"{line:>4} | "
        carets = self._style("^" * span, fg="red", bold=True)
        return f"{gutter}{shown}", " " * (len(gutter) - 2) + "| " + " " * _width(prefix) + carets

    def finish(self, summary: Summary) -> None:
        if self.options.statistics and summary.by_code:
            for code, count in summary.by_code.most_common():
                self._echo(f"{count:>6}  {code:<8} {summary.slugs.get(code, '')}")
        if self.options.quiet:
            return
        if self.options.show_fixes and summary.fixes_by_file:
            self._show_fixes(summary)
        self._echo(summary_line(summary, self.options.fixing, self.options.unsafe_fixes))

    def _show_fixes(self, summary: Summary) -> None:
        """What --fix changed, per file and rule (ruff's --show-fixes)."""
        from lint import registry

        total = sum(sum(c.values()) for _, c in summary.fixes_by_file)
        self._echo(f"Fixed {total} finding{'s' if total != 1 else ''}:")
        for path, counts in summary.fixes_by_file:
            self._echo(f"- {path}:")
            for code, n in sorted(counts.items()):
                rule = registry.rule_by_name(code)
                slug = f" ({rule.slug})" if rule is not None else ""
                self._echo(f"    {n:>3} × {self._style(code, bold=True)}{slug}")


def _files(n: int) -> str:
    return f"{n} file{'s' if n != 1 else ''}"


_NAMED = 5  # files with errors named in the summary line; the rest are counted


def summary_line(summary: Summary, fixing: bool = False, unsafe_fixes: bool = False) -> str:
    """The last line of a text report; it never says "passed" when the exit code will be 2."""
    checked = _files(summary.files - summary.unread)
    if fixing and summary.fixed:
        line = (f"Fixed {summary.fixed} finding{'s' if summary.fixed != 1 else ''} "
                f"in {_files(summary.files_fixed)} ({summary.findings} remaining)")
    elif summary.findings:
        extra = []
        if summary.fixable:
            extra.append(f"{summary.fixable} fixable with --fix")
        if summary.unsafe_fixable and not unsafe_fixes:
            extra.append(f"{summary.unsafe_fixable} more with --unsafe-fixes")
        tail = f" ({', '.join(extra)})" if extra else ""
        noun = "finding" if summary.findings == 1 else "findings"
        line = f"Found {summary.findings} {noun} in {checked}{tail}"
        if summary.failing < summary.findings:  # a fail level let some pass: say how many still fail
            line += f"; {summary.failing or 'none'} at or above the fail level"
    elif not summary.error_paths:
        return f"All checks passed ({checked})."
    else:
        line = f"No findings in {checked}"
    if summary.error_paths:
        names = ", ".join(summary.error_paths[:_NAMED])
        more = len(summary.error_paths) - _NAMED
        if more > 0:
            names += f" and {more} more"
        line += f"; {_files(len(summary.error_paths))} with errors: {names}"
    return line + "."
