"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

``::warning file=a.md,line=3,col=5,endLine=3,endColumn=9,title=T101 repeated-word::message``

Escaped as GitHub's runner expects (``%``, CR and LF in the message; also ``:``
and ``,`` in the properties). Columns count Unicode code points, as the text
output does. Severity: error → ``error``, warning → ``warning``, info → ``notice``.
Files that could not be read are ``error`` annotations too.
"""

from __future__ import annotations

from lint.engine import FileResult
from lint.report import Reporter, Summary, printable
from lint.report.locations import Columns, display_path

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **properties: object) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{kind} {props}::{escape_data(message)}" if props else f"::{kind}::{escape_data(message)}"


class GithubReporter(Reporter):
    def file(self, result: FileResult) -> None:
        path = printable(display_path(result.path))
        for error in result.errors:
            self.stream.write(command("error", error.message, file=path, line=error.line, title="copylint") + "\n")
        if result.source is None:
            return
        cols = Columns(result.source, "codepoints")
        for f in result.findings:
            line, col, end_line, end_col = cols.span(f.start, f.end)
            self.stream.write(
                command(
                    COMMANDS.get(f.severity.value, "warning"), f.message,
                    file=path, line=line, col=col, endLine=end_line, endColumn=end_col,
                    title=f"{f.code} {f.rule}",
                )
                + "\n"
            )

    def finish(self, summary: Summary) -> None:
        pass
