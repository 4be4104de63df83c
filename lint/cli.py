"""The command line: ``copylint check|rules|explain`` (and lazily loaded ``lsp``, ``languagetool``, ``test-rules``).

Exit codes (stable; documented in README.md):
  0  no findings remain (or --exit-zero)
  1  findings remain, or --diff would change a file
  2  usage, config or I/O error (a file could not be read, decoded, parsed or written)
"""

from __future__ import annotations

import difflib
import importlib
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from lint import __version__

if TYPE_CHECKING:
    from lint.engine import FileResult

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class LazyGroup(click.Group):
    """Subcommands that live in optional modules are imported only when invoked."""

    lazy: dict[str, str] = {
        "lsp": "lint.lsp:command",
        "languages": "lint.language_docs:command",
        "languagetool": "lint.languagetool.cli:group",
        "test-rules": "lint.custom.cli:test_rules",
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.lazy])

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy:
            module_name, attr = self.lazy[name].split(":")
            try:
                module = importlib.import_module(module_name)
            except ModuleNotFoundError as exc:
                if exc.name and exc.name.startswith("lint"):
                    return None
                raise
            command: click.Command = getattr(module, attr)
            return command
        return super().get_command(ctx, name)


def fail(message: str) -> None:
    click.echo(f"copylint: {message}", err=True)
    sys.exit(EXIT_ERROR)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="copylint")
def cli() -> None:
    """A linter for prose: what scraping and machine translation leave behind."""


def _codes(values: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return tuple(out)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str, readable=False))
@click.option("--fix", is_flag=True, help="Apply safe fixes in place.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too.")
@click.option("--diff", is_flag=True, help="Print what --fix would change as a unified diff; write nothing.")
@click.option("--format", "--output-format", "output_format", default="text", show_default=True,
              type=click.Choice(["text", "json", "sarif", "github", "rdjson", "gitlab"]),
              help="Output format.")
@click.option("--select", multiple=True, help="Only these rules: codes, slugs or family letters (comma-separated).")
@click.option("--extend-select", multiple=True, help="Rules to add to the selection.")
@click.option("--ignore", multiple=True, help="Rules to leave out.")
@click.option("--report-unused-disables", is_flag=True,
              help="Report inline switches that silence nothing (rule C002).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=str),
              help="Use this config file for every path.")
@click.option("--isolated", is_flag=True, help="Ignore all config files.")
@click.option("--force-exclude", is_flag=True,
              help="Apply the config's excludes to files named on the command line too (for pre-commit).")
@click.option("--stdin-filename", help="The name of the text read from stdin (picks its format and config).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings remain.")
@click.option("--statistics", is_flag=True, help="Count findings per rule.")
@click.option("-q", "--quiet", is_flag=True, help="Print errors and the diff only.")
@click.option("-v", "--verbose", is_flag=True, help="Say which files were skipped and why, and each file's language.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the results cache.")
@click.option("--show-source/--no-show-source", default=None,
              help="Show the source line under each finding (default: on a terminal).")
@click.option("--languagetool", "languagetool_url", metavar="URL", help="A running LanguageTool server.")
@click.option("--require-languagetool", is_flag=True, help="Fail (exit 2) when no LanguageTool server can be used.")
def check(
    paths: tuple[str, ...], fix: bool, unsafe_fixes: bool, diff: bool, output_format: str,
    select: tuple[str, ...], extend_select: tuple[str, ...], ignore: tuple[str, ...],
    report_unused_disables: bool, config_file: str | None, isolated: bool, force_exclude: bool, stdin_filename: str | None, exit_zero: bool,
    statistics: bool, quiet: bool, verbose: bool, no_cache: bool, show_source: bool | None,
    languagetool_url: str | None, require_languagetool: bool,
) -> None:
    """Lint PATHS (files or folders; default: the current folder; - reads stdin)."""
    from lint import registry
    from lint.config import Config, ConfigError, ConfigResolver, load_config
    from lint.discover import discover
    from lint.engine import Linter, Selection
    from lint.report import ReportOptions, Summary, reporter_for

    if no_cache:
        os.environ["COPYLINT_NO_CACHE"] = "1"
    _names_as_bytes()
    if isolated and config_file:
        fail("--isolated ignores every config file: it cannot be used with --config")
    try:
        if isolated:
            resolver = ConfigResolver(Config())
        elif config_file:
            resolver = ConfigResolver(load_config(config_file))
        else:
            resolver = ConfigResolver()
        # Load the nearest config now: it may register user rules that --select names.
        resolver.for_path(Path(stdin_filename or (paths[0] if paths else ".")))
    except ConfigError as exc:
        fail(str(exc))

    selection = Selection(
        select=_codes(select) or None,
        extend_select=_codes(extend_select) + (("C002",) if report_unused_disables else ()),
        ignore=_codes(ignore),
        languagetool=languagetool_url,
        require_languagetool=require_languagetool,
    )
    for name in (*(selection.select or ()), *selection.extend_select, *selection.ignore):
        if not registry.is_selector(name):
            hint = registry.closest_name(name)
            fail(f"unknown rule code or slug '{name}'" + (f" (did you mean '{hint}'?)" if hint else ""))

    stdout = sys.stdout
    is_tty = stdout.isatty()
    options = ReportOptions(
        color=is_tty and "NO_COLOR" not in os.environ,
        show_source=is_tty if show_source is None else show_source,
        statistics=statistics,
        quiet=quiet,
        fixing=fix,
        unsafe_fixes=unsafe_fixes,
    )
    linter = Linter(selection)
    read_stdin = paths == ("-",)
    # With --fix on stdin the fixed text goes to stdout, so the report goes to stderr.
    report_stream = sys.stderr if (read_stdin and fix) or diff else stdout
    reporter = reporter_for(output_format, report_stream, options)
    summary = Summary()
    changed = False
    reporter.start()
    try:
        if read_stdin:
            name = stdin_filename or "-"
            data = sys.stdin.buffer.read()
            config = resolver.for_path(Path(name))
            result = linter.lint_file(name, config, data, fix=fix or diff, unsafe=unsafe_fixes, write=False)
            candidates_results: Iterable[FileResult] = [result]
            if fix:
                # A filter never drops its input: text it could not read (binary, undecodable) or fix
                # goes out as it came in, and fixed text in the input's own encoding and BOM.
                if result.source is not None:
                    fixed = result.fixed_text if result.fixed_text is not None else result.source.text
                    out = result.source.encode(fixed)
                else:
                    out = data
                    if result.skipped:
                        click.echo(f"{name}: not fixed: {result.skipped}; written out unchanged", err=True)
                stdout.flush()
                stdout.buffer.write(out)
                stdout.buffer.flush()
        else:
            candidates = _candidates(discover(paths or (".",), resolver, force_exclude), verbose)
            if fix and not diff:
                candidates = _cleaning_temporaries(candidates, verbose)
            candidates_results = (
                linter.lint_file(c.path, c.config, fix=fix or diff, unsafe=unsafe_fixes, write=fix and not diff)
                for c in candidates
            )
        for result in candidates_results:
            if verbose and result.trace:
                click.echo(result.trace, err=True, nl=False)
            if result.skipped:
                if verbose:
                    click.echo(f"{result.path}: skipped: {result.skipped}", err=True)
                continue
            if diff and result.source is not None and result.fixed_text is not None:
                changed = True
                _write_diff(stdout, result.path, result.source.text, result.fixed_text)
            if verbose and result.language is not None:
                click.echo(f"{result.path}: language {result.language} ({result.language_from})", err=True)
            summary.add(result)
            if not diff or result.errors:
                reporter.file(result)
    except ConfigError as exc:
        fail(str(exc))
    except _provider_errors() as exc:
        fail(str(exc))
    if not diff:
        reporter.finish(summary)
    if summary.errors:
        sys.exit(EXIT_ERROR)
    if diff:
        sys.exit(EXIT_FINDINGS if changed else EXIT_CLEAN)
    if summary.findings and not exit_zero:
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


def _candidates(found: Iterable[Any], verbose: bool) -> Iterator[Any]:
    """The files to lint; folders the walk could not read are said under --verbose."""
    from lint.discover import Candidate

    for item in found:
        if isinstance(item, Candidate):
            yield item
        elif verbose:
            click.echo(f"{item.path}: skipped: {item.reason}", err=True)


def _names_as_bytes() -> None:
    """A file name that is not UTF-8 reaches Python as surrogate escapes (PEP 383): the text output and
    messages write its own bytes back, as ls and grep do (the JSON formats escape it themselves)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="surrogateescape")
            except (ValueError, OSError):
                pass


def _cleaning_temporaries(candidates: Iterable[Any], verbose: bool) -> Iterator[Any]:
    """The candidates; before the first file of each folder is fixed, the temporaries a killed --fix
    left in that folder are removed."""
    from lint.source import clean_stale_temporaries

    cleaned: set[str] = set()
    for candidate in candidates:
        folder = os.path.dirname(os.path.abspath(candidate.path))
        if folder not in cleaned:
            cleaned.add(folder)
            for path in clean_stale_temporaries(folder):
                if verbose:
                    click.echo(f"{_shown(str(path))}: removed a temporary file a killed run left", err=True)
        yield candidate


def _shown(path: str) -> str:
    return path


def _provider_errors() -> tuple[type[BaseException], ...]:
    """Errors a rule provider raises to stop the run (e.g. --require-languagetool and no server)."""
    try:
        from lint.languagetool import LanguageToolUnavailable
    except ImportError:
        return ()
    return (LanguageToolUnavailable,)


def _patch_lines(text: str) -> list[str]:
    """Lines as patch and ``git apply`` see them: ended by LF only (a CR, U+2028, U+0085 or a form feed
    is a character of its line, not a line end as for str.splitlines)."""
    lines = text.split("\n")
    out = [line + "\n" for line in lines[:-1]]
    if lines[-1]:
        out.append(lines[-1])
    return out


def _write_diff(stream: Any, path: str, before: str, after: str) -> None:
    lines = difflib.unified_diff(
        _patch_lines(before), _patch_lines(after), fromfile=f"a/{path}", tofile=f"b/{path}",
    )
    for line in lines:
        stream.write(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")


def _load_user_rules(config_file: str | None, isolated: bool) -> None:
    """Load the nearest config (or --config) so that its user rules are listed like built-ins."""
    if isolated:
        return
    from lint.config import ConfigError, ConfigResolver, load_config

    try:
        ConfigResolver(load_config(config_file) if config_file else None).for_path(Path("."))
    except ConfigError as exc:
        fail(str(exc))


@cli.command()
@click.option("--format", "--output-format", "output_format", default="text", show_default=True,
              type=click.Choice(["text", "json", "markdown"]))
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=str),
              help="Also list the user rules of this config file (default: the nearest one).")
@click.option("--isolated", is_flag=True, help="Built-in rules only.")
def rules(output_format: str, config_file: str | None, isolated: bool) -> None:
    """List every rule: code, slug, family, fix, summary."""
    from lint import docs, registry

    _load_user_rules(config_file, isolated)

    all_rules = registry.all_rules()
    if output_format == "markdown":
        click.echo(docs.rules_markdown(all_rules), nl=False)
    elif output_format == "json":
        import json

        click.echo(json.dumps([docs.rule_dict(r) for r in all_rules], indent=2, ensure_ascii=False))
    else:
        for r in all_rules:
            fix = r.fix.value if r.fix else "-"
            click.echo(f"{r.code:<6} {r.slug:<30} {docs.FAMILY_NAMES.get(r.code[0], r.code[0]):<12} "
                       f"{fix:<7} {r.summary}")


@cli.command()
@click.argument("name")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=str),
              help="Also know the user rules of this config file (default: the nearest one).")
def explain(name: str, config_file: str | None) -> None:
    """Show a rule's rationale, examples and fix safety (by code or slug)."""
    from lint import docs, registry

    if name.upper() == "G" or name.upper().startswith("G:"):
        click.echo(docs.GRAMMAR_FAMILY, nl=False)
        return
    _load_user_rules(config_file, False)

    rule = registry.rule_by_name(name)
    if rule is None:
        hint = registry.closest_name(name)
        fail(f"unknown rule code or slug '{name}'" + (f" (did you mean '{hint}'?)" if hint else ""))
        return
    click.echo(docs.rule_markdown(rule), nl=False)


def main() -> None:
    try:
        cli(prog_name="copylint")
    except KeyboardInterrupt:
        sys.exit(130)
