"""The command line: ``copylint check|rules|explain`` (and lazily loaded ``lsp``, ``languagetool``, ``test-rules``).

Exit codes (stable; documented in README.md):
  0  no findings remain (or --exit-zero)
  1  findings remain, or --diff would change a file
  2  usage, config or I/O error (a file could not be read, decoded, parsed or written), or a file that a
     reader or rule crashed on or that ran past --file-timeout (stopped, the other files still checked)
  130 interrupted (Ctrl-C, SIGINT)
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn


def _user_kept_folder() -> Path | None:
    """Where the compiled patterns are kept when lint/__pycache__ cannot take them (``lint.patterns.keep_in``):
    the user's own cache folder ($XDG_CACHE_HOME, %LOCALAPPDATA%, ~/.cache), never a project's. The stores are
    marshal files, with code objects among them (a dataclass's methods): Python's marshal is not safe against
    a crafted file, and a project's .copylint_cache, its config's cache-dir or a CI cache restored from
    another branch are written by whoever writes the project. None where COPYLINT_NO_CACHE turns caching off,
    or no home folder is known."""
    if os.environ.get("COPYLINT_NO_CACHE", "") not in ("", "0"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or (os.environ.get("LOCALAPPDATA") if os.name == "nt" else None)
    if not base:
        home = os.path.expanduser("~")
        if home == "~":
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "copylint" / "kept"


def _read_kept_from_user_cache() -> None:
    """Where lint/__pycache__ cannot keep the compiled patterns (``_keep_patterns``), read them from the user's
    cache folder (only a check that uses the results cache writes there), from the process's first pattern
    on: the start-up's (``seed_start_up_patterns``, at this module's import) are the ones the last check kept
    there. Read from lint/__pycache__ instead, they were those some other run left there (or none, in a fresh
    clone or a read-only install): each run parsed and compiled again the start-up patterns the last check
    had kept."""
    from lint.patterns import keep_in

    folder = None if "--no-cache" in sys.argv[1:] else _user_kept_folder()
    if folder is not None:
        keep_in(folder)


# Click's modules (and the stdlib's they import: inspect, ast, uuid, ...) are made of objects that live as
# long as the process and make no garbage; the console script imports them with the collector on, which
# walked them a dozen times over (some 5M instructions of a one-file check). Paused only while they load.
_collecting = gc.isenabled()
gc.disable()
try:
    from lint.patterns import seed_start_up_patterns

    # The patterns these imports compile through re (platform's, gettext's, click's, ...) made from the opcodes
    # an earlier run kept, not parsed and compiled anew (``_started`` keeps them).
    _read_kept_from_user_cache()
    seed_start_up_patterns()
    import click

    from lint import __version__, watch
finally:
    if _collecting:
        gc.enable()

if TYPE_CHECKING:
    from lint.config import Config, ConfigResolver
    from lint.engine import FileResult, Linter, Selection
    from lint.model import FileError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a command stopped by Ctrl-C


class LazyGroup(click.Group):
    """Subcommands that live in optional modules are imported only when invoked."""

    lazy: dict[str, str] = {
        # (click's objects for these commands and their options are made only when one is run or listed)
        "rules": "lint.commands:rules",
        "formats": "lint.commands:formats_command",
        "explain": "lint.commands:explain",
        "corpus": "lint.commands:corpus",
        "baseline": "lint.commands:baseline",
        "clean": "lint.commands:clean",
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

    def invoke(self, ctx: click.Context) -> Any:
        # Click's standalone mode turns Ctrl-C into "Aborted!" and exit 1, the code for findings: a CI
        # step or a script would read an interrupted run as one that found something. The shell's code
        # for SIGINT instead, which click lets through.
        # (Exit after the ``except`` block: the interrupt's traceback, which holds the frames of a ``--jobs``
        # pool's generator, is dropped first, so the pool is shut down here, in this thread, and not by the
        # collector at the interpreter's exit, from a thread that cannot join itself.)
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            pass
        click.echo("copylint: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)


def fail(message: str) -> NoReturn:
    click.echo(f"copylint: {message}", err=True)
    sys.exit(EXIT_ERROR)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="copylint")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """A linter for prose: what scraping and machine translation leave behind."""
    if ctx.invoked_subcommand != "check":
        _started(freeze=False)  # (``check`` does so itself, once its rules are loaded)
    else:
        ctx.call_on_close(_started)  # (a check that ends before any file is read, or raises)


def _codes(values: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return tuple(out)


@cli.command(cls=watch.WatchableCommand)
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
@click.option("--fail-level", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Exit 1 only for findings at or above this severity (default: any finding; "
                   "overrides the config's fail-level).")
@click.option("--statistics", is_flag=True, help="Count findings per rule.")
@click.option("-o", "--output-file", type=click.Path(dir_okay=False, path_type=str),
              help="Write the report to this file instead of stdout.")
@click.option("--show-fixes", is_flag=True, help="With --fix, list the fixes applied, per file and rule.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the text report (auto: on a terminal, unless NO_COLOR; FORCE_COLOR forces it).")
@click.option("--show-settings", is_flag=True,
              help="Print the settings a file gets, and the config file they come from; lint nothing.")
@click.option("--show-files", is_flag=True, help="Print the files that would be linted; lint nothing.")
@click.option("-q", "--quiet", is_flag=True, help="Print errors and the diff only.")
@click.option("-v", "--verbose", is_flag=True, help="Say which files were skipped and why, and each file's language.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the results cache.")
@click.option("--show-source/--no-show-source", default=None,
              help="Show the source line under each finding (default: on a terminal).")
@click.option("--languagetool", "languagetool_url", metavar="URL", help="A running LanguageTool server.")
@click.option("--require-languagetool", is_flag=True, help="Fail (exit 2) when no LanguageTool server can be used.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Lint files on this many processes (default: the number of cores).")
@click.option("--file-timeout", metavar="SECONDS", type=click.FloatRange(min=0, max=1e9), default=None,
              help="Stop a file that takes longer to read, check and fix: one error, exit 2 (default: the "
                   "config's file-timeout, 120; 0: no limit).")
@click.option("--progress/--no-progress", default=None,
              help="A progress bar on stderr (default: on a terminal, with text output, for runs over a second).")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False, path_type=str),
              help="Report only findings this baseline does not record (see `copylint baseline write`).")
@click.option("--changed-since", metavar="REF", help="Only files that differ from the git ref REF (and untracked ones).")
@click.option("--watch", is_flag=True, expose_value=False, callback=watch.option_callback,
              help="Lint again each time a file under PATHS (or a config file) changes, until Ctrl-C.")
def check(
    paths: tuple[str, ...], fix: bool, unsafe_fixes: bool, diff: bool, output_format: str,
    select: tuple[str, ...], extend_select: tuple[str, ...], ignore: tuple[str, ...],
    report_unused_disables: bool, config_file: str | None, isolated: bool, force_exclude: bool,
    stdin_filename: str | None, exit_zero: bool, fail_level: str | None,
    statistics: bool, output_file: str | None, show_fixes: bool, color: str, show_settings: bool,
    show_files: bool, quiet: bool, verbose: bool, no_cache: bool, show_source: bool | None,
    languagetool_url: str | None, require_languagetool: bool, jobs: int | None, file_timeout: float | None,
    progress: bool | None, baseline_file: str | None, changed_since: str | None,
) -> None:
    """Lint PATHS (files or folders; default: the current folder; - reads stdin)."""
    from lint.discover import discover
    from lint.engine import Linter
    from lint.report import ReportOptions, Summary, reporter_for

    _names_as_bytes()
    resolver = _resolver(isolated, config_file, Path(stdin_filename or (paths[0] if paths else ".")))
    selection = _selection(select, extend_select, ignore, report_unused_disables, languagetool_url,
                           require_languagetool, cache=not no_cache, file_timeout=file_timeout)
    _keep_patterns(selection)
    if show_settings:
        _show_settings(paths, stdin_filename, resolver, selection)
        return
    if show_files:
        for c in _candidates(discover(paths or (".",), resolver, force_exclude), verbose):
            click.echo(c.path)
        return
    read_stdin = paths == ("-",)
    # With --fix on stdin the fixed text goes to stdout, so the report goes to stderr.
    report_stream = _report_stream(output_file, sys.stderr if (read_stdin and fix) or diff else sys.stdout)
    is_tty = report_stream.isatty()
    options = ReportOptions(color=use_color(color, is_tty), show_source=is_tty if show_source is None else show_source,
                            statistics=statistics, quiet=quiet, fixing=fix, unsafe_fixes=unsafe_fixes,
                            show_fixes=show_fixes)
    linter = Linter(selection)
    reporter = reporter_for(output_format, report_stream, options)
    summary = Summary()
    reporter.start()
    with _closed_on_stop(reporter, summary, diff=diff):
        if read_stdin:
            results, configs = _lint_stdin(linter, resolver, stdin_filename or "-", fix=fix, diff=diff,
                                           unsafe=unsafe_fixes)
        else:
            candidates = _chosen_candidates(paths, resolver, force_exclude, verbose, changed_since,
                                            fixing=fix and not diff)
            # A quiet text report shows no finding: a file the cache answers for need not be read.
            texts = not (quiet and output_format == "text") or bool(baseline_file)
            results, configs = _lint_paths(linter, candidates, jobs, fix=fix, diff=diff, unsafe=unsafe_fixes,
                                           progress=_shows_progress(output_format, quiet, progress), texts=texts)
        if baseline_file:
            results = _without_baseline(results, baseline_file)
        changed = _report_results(zip(results, configs, strict=True), reporter, summary,
                                  verbose=verbose, diff=diff, fail_level=fail_level)
    if not diff:
        reporter.finish(summary)
    if output_file:
        report_stream.close()
    sys.exit(_exit_code(summary, diff=diff, changed=changed, exit_zero=exit_zero))


@contextmanager
def _closed_on_stop(reporter: Any, summary: Any, *, diff: bool) -> Iterator[None]:
    """Run the check's body; where an error stops it (``_stopping_errors``: one line, exit 2) or Ctrl-C
    does (said, exit 130, by ``LazyGroup.invoke``), the report is ended first (``Reporter.stop``), so that
    a JSON report stays JSON. (With --diff the report holds only errors and is never ended.)"""
    from lint.config import ConfigError
    from lint.model import FileError

    try:
        yield
    except KeyboardInterrupt:
        if not diff:
            reporter.stop(summary, FileError("", "interrupted"))
        raise
    except Exception as exc:
        if not isinstance(exc, _stopping_errors(ConfigError)):  # (read now: a pool's error once it ran)
            raise
        if not diff:
            reporter.stop(summary, _stop_error(exc))
        fail(str(exc))


def _stop_error(exc: BaseException) -> FileError:
    """The error that stopped a run, as its report holds it: a config's with the config file and line,
    any other with no path (no file is to blame); the message as the command says it, less the place."""
    from lint.config import ConfigError
    from lint.model import FileError
    from lint.report.locations import display_path

    if isinstance(exc, ConfigError) and exc.path:
        return FileError(display_path(exc.path), exc.message, exc.line)
    return FileError("", str(exc))


def _resolver(isolated: bool, config_file: str | None, first: Path) -> ConfigResolver:
    """The configs files get: none with --isolated, the one --config names, or each file's nearest."""
    from lint.config import Config, ConfigError, ConfigResolver, load_config

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
        resolver.for_path(first)
    except ConfigError as exc:
        fail(str(exc))
    return resolver


def _selection(select: tuple[str, ...], extend_select: tuple[str, ...], ignore: tuple[str, ...],
               report_unused_disables: bool, languagetool_url: str | None, require_languagetool: bool,
               *, cache: bool, file_timeout: float | None = None) -> Selection:
    """The command line's choice of rules; an unknown code or slug is a usage error."""
    from lint import registry
    from lint.engine import Selection

    selection = Selection(
        select=_codes(select) or None,
        extend_select=_codes(extend_select) + (("C002",) if report_unused_disables else ()),
        ignore=_codes(ignore),
        languagetool=languagetool_url,
        require_languagetool=require_languagetool,
        cache=cache,
        file_timeout=file_timeout,
    )
    for name in (*(selection.select or ()), *selection.extend_select, *selection.ignore):
        if not registry.is_selector(name):
            hint = registry.closest_name(name)
            fail(f"unknown rule code or slug '{name}'" + (f" (did you mean '{hint}'?)" if hint else ""))
    return selection


def _report_stream(output_file: str | None, default: Any) -> Any:
    """Where the report goes: --output-file, opened for writing, or ``default``."""
    if not output_file:
        return default
    try:
        stream = open(output_file, "w", encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write the report to {output_file}: {exc.strerror or exc}")
    # Closed (its buffer written) whatever ends the run: a run stopped by an error keeps the report so far,
    # which ``run``'s exit without the interpreter's teardown would otherwise drop.
    import atexit

    atexit.register(stream.close)
    return stream


def _lint_stdin(linter: Linter, resolver: ConfigResolver, name: str, *, fix: bool, diff: bool,
                unsafe: bool) -> tuple[Iterable[FileResult], list[Config]]:
    """The result for the text on stdin, linted as the file ``name``; with --fix, the text goes out
    on stdout, fixed."""
    data = sys.stdin.buffer.read()
    config = resolver.for_path(Path(name))
    _started()  # (linted here, before any result is reported)
    result = linter.lint_file(name, config, data, fix=fix or diff, unsafe=unsafe, write=False)
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
        sys.stdout.flush()
        sys.stdout.buffer.write(out)
        sys.stdout.buffer.flush()
    return [result], [config]


def _chosen_candidates(paths: tuple[str, ...], resolver: ConfigResolver, force_exclude: bool, verbose: bool,
                       changed_since: str | None, *, fixing: bool) -> list[Any]:
    """The files PATHS name, less those --changed-since leaves out; when fixing, the temporaries a
    killed --fix left beside them are removed on the way."""
    from lint.discover import discover

    candidates = list(_candidates(discover(paths or (".",), resolver, force_exclude), verbose))
    if changed_since:
        changed_files = _changed_since(changed_since)
        candidates = [c for c in candidates if os.path.abspath(c.path) in changed_files]
    if fixing:
        candidates = list(_cleaning_temporaries(candidates, verbose))
    return candidates


def _lint_paths(linter: Linter, candidates: list[Any], jobs: int | None, *, fix: bool, diff: bool, unsafe: bool,
                progress: bool, texts: bool = True) -> tuple[Iterable[FileResult], list[Config]]:
    """The candidates' results (in their order, whatever --jobs; fixed and written with --fix) and
    configs; with ``progress``, a progress bar counts them. Without ``texts``, a result the cache
    serves comes without its file's text (the report shows no finding)."""
    results = _lint_candidates(linter, candidates, jobs, fix=fix or diff, unsafe=unsafe, write=fix and not diff,
                               texts=texts)
    if progress and len(candidates) > 1:
        results = _with_progress(results, len(candidates))
    return results, [c.config for c in candidates]


def _shows_progress(output_format: str, quiet: bool, progress: bool | None) -> bool:
    # Never in machine formats: their consumers read stderr too.
    return output_format == "text" and not quiet and (progress if progress is not None else sys.stderr.isatty())


def _without_baseline(results: Iterable[FileResult], baseline_file: str) -> Iterable[FileResult]:
    """The results less the findings the baseline file records."""
    from lint import baseline

    try:
        known = baseline.load(Path(baseline_file))
    except baseline.BaselineError as exc:
        fail(str(exc))
    return baseline.without_known(results, known, Path(baseline_file).parent)


def _report_results(results: Iterable[tuple[FileResult, Config]], reporter: Any, summary: Any, *,
                    verbose: bool, diff: bool, fail_level: str | None) -> bool:
    """Report each result, with its file's config (with --diff, write its diff), and count it; whether
    --diff changed a file."""
    from lint.model import Severity

    changed = False
    for result, file_config in results:  # (the first one ends start-up: ``_lint_candidates``, ``_lint_stdin``)
        if verbose and result.trace:
            click.echo(result.trace, err=True, nl=False)
        if result.skipped:
            if verbose:
                click.echo(f"{result.path}: skipped: {result.skipped}", err=True)
            continue
        if diff and result.source is not None and result.fixed_text is not None:
            changed = True
            _write_diff(sys.stdout, result.path, result.source.text, result.fixed_text)
        if verbose and result.language is not None:
            click.echo(f"{result.path}: language {result.language} ({result.language_from})", err=True)
        summary.add(result, Severity(fail_level) if fail_level else file_config.fail_level)
        if not diff or result.errors:
            reporter.file(result)
    return changed


# Whether ``main`` paused the cyclic collector for start-up (the console script only: a host that runs the
# commands in its own process keeps its collector as it set it).
_paused = False


def _started(*, freeze: bool = True) -> None:
    """The collector back on after start-up, if ``main`` paused it, with what ``check``'s start-up made
    (modules, rules, the kept patterns: no garbage) left out of its collections. Called before the first
    file is read, so that no file's garbage is frozen with it (the results cache's records, read just
    before, are the run's data, not garbage); another command (the language server, a corpus run) freezes
    nothing of its own."""
    global _paused
    if _paused:
        _paused = False
        from lint.patterns import keep_start_up_patterns

        keep_start_up_patterns()
        if freeze:
            gc.freeze()
        gc.enable()


def _exit_code(summary: Any, *, diff: bool, changed: bool, exit_zero: bool) -> int:
    """The documented exit code (module docstring) of a check run."""
    if summary.errors:
        return EXIT_ERROR
    if diff:
        return EXIT_FINDINGS if changed else EXIT_CLEAN
    if summary.failing and not exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN


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


def _lint_candidates(linter: Any, candidates: list[Any], jobs: int | None, *, fix: bool, unsafe: bool,
                     write: bool, texts: bool = True) -> Iterable[FileResult]:
    """Each candidate's result, in the candidates' order. Files the results cache answers for by size
    and modification time are served here; the rest are linted in this process, or on a pool of
    ``jobs`` (default: the cores) when they are files enough to share. The stat index is written once
    the last result is out."""
    records = [None if fix else linter.cached(c.path, c.config) for c in candidates]
    misses = [c for c, r in zip(candidates, records, strict=True) if r is None]
    if misses and (_in_this_process(len(misses), jobs) or _forks()):  # (a spawned pool's workers load their own)
        _rules_loaded(linter, misses[0].config)
    _started()  # start-up is done: the files' own garbage is the collector's
    # A rule of scope "tree" (S112) needs every file's line counts before the first result: one pass over
    # the line hashes (from the stat index where it has them); None when no such rule is selected.
    tree = linter.tree_counts((c.path, c.config, r) for c, r in zip(candidates, records, strict=True)) \
        if len(candidates) > 1 else None
    linted = iter(_linted(linter, misses, jobs, fix=fix, unsafe=unsafe, write=write))
    for candidate, record in zip(candidates, records, strict=True):
        result = linter.served(candidate.path, candidate.config, record, texts) if record is not None else None
        if result is None:
            result = next(linted) if record is None else linter.lint_file(
                candidate.path, candidate.config, fix=fix, unsafe=unsafe, write=write)
            linter.remember(result, candidate.config)
        if tree is not None:
            result = linter.with_tree_findings(result, candidate.config, tree)
        yield result
    linter.save_cache()


def _rules_loaded(linter: Any, config: Config) -> None:
    """Import the modules of the built-in rules ``config`` selects that look at every kind of segment,
    which the first check imports whatever its document (the others wait for a document with their
    kinds): here, before the first file is read, they load while start-up still has the collector paused
    and are frozen with the rest of it (``_started``), where the first check loaded them with it on, some
    18 collections walking them (6M instructions of a one-file check). Of the rules that run for some
    languages only, those that run for the config's language, else for the default's (English: most
    files are; a document in another language loads its own at its check, and leaves these idle). A
    module that fails to import is left to that check, which meets the error as before."""
    from lint import registry
    from lint.engine import selected_rules
    from lint.language import DEFAULT

    likely = config.language or DEFAULT
    try:
        for entry in selected_rules(config, linter.selection):
            if isinstance(entry, registry.RuleEntry) and entry.kinds is None and entry.runs_for(likely) \
                    and entry.opens is None:
                registry.loaded(entry)
    except Exception:  # (the check that needs the rule meets it again, where it did)
        pass


def _forks() -> bool:
    from lint import parallel

    return parallel.can_fork()


def _linted(linter: Any, candidates: list[Any], jobs: int | None, *, fix: bool, unsafe: bool,
            write: bool) -> Iterable[FileResult]:
    """Each candidate's result, in order: in this process, or on a pool when there are files enough."""
    if _in_this_process(len(candidates), jobs):
        return (linter.lint_file(c.path, c.config, fix=fix, unsafe=unsafe, write=write) for c in candidates)
    from lint import parallel

    wanted = jobs if jobs is not None else parallel.default_jobs()
    # Grammar checks talk to one LanguageTool server: they stay in this process.
    workers = min(wanted, len(candidates) // 2)
    if workers > 1 and not parallel.can_fork():
        from lint import registry

        if registry.has_extra():  # user rules registered here would be missing in spawned workers
            workers = 1
    if workers <= 1 or any(linter.uses_grammar_server(c.config) for c in candidates[:1]):
        return (linter.lint_file(c.path, c.config, fix=fix, unsafe=unsafe, write=write) for c in candidates)
    keys: dict[int, int] = {}
    tasks = (parallel.Task(c.path, keys.setdefault(id(c.config), len(keys)), c.config) for c in candidates)
    return parallel.lint_in_pool(tasks, linter.selection, parallel.Options(fix, unsafe, write), workers,
                                 prepare=candidates[0].config)


def _in_this_process(files: int, jobs: int | None) -> bool:
    """Whether ``files`` are linted here, without a pool: not two workers' worth of them, or one job asked
    for (no pool, nor the start-up of importing one: multiprocessing and concurrent.futures)."""
    return files < 4 or jobs == 1


def _changed_since(ref: str) -> set[str]:
    """Absolute paths of the files that differ from ``ref`` in the work tree, and of untracked files
    git does not ignore."""
    import subprocess

    def git(*args: str, cwd: str | None = None) -> str:
        try:
            proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
        except OSError:
            fail("--changed-since needs git, which was not found")
            raise
        if proc.returncode != 0:
            message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
            fail(f"--changed-since {ref}: git {args[0]} failed: {message[-1] if message else proc.returncode}")
        return proc.stdout.decode("utf-8", "surrogateescape")

    top = git("rev-parse", "--show-toplevel").strip()
    names = git("diff", "--name-only", "-z", "--no-renames", ref, "--", cwd=top).split("\0")
    names += git("ls-files", "-z", "--others", "--exclude-standard", cwd=top).split("\0")
    return {os.path.abspath(os.path.join(top, n)) for n in names if n}


def _with_progress(results: Iterable[FileResult], total: int) -> Iterable[FileResult]:
    """The results, passed through while a progress bar on stderr counts files and findings (shown
    only once the run has taken a second)."""
    from tqdm import tqdm

    found = 0
    with tqdm(total=total, unit="file", delay=1.0, file=sys.stderr, leave=False, dynamic_ncols=True) as bar:
        for result in results:
            found += len(result.findings)
            bar.set_postfix_str(f"{found} findings", refresh=False)
            bar.update(1)
            yield result


def use_color(choice: str, is_tty: bool) -> bool:
    """--color, then NO_COLOR (no-color.org) and FORCE_COLOR (force-color.org), set and not empty, then
    whether the report goes to a terminal."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return is_tty


def _show_settings(paths: tuple[str, ...], stdin_filename: str | None, resolver: Any, selection: Any) -> None:
    """What ``--show-settings`` prints for one file: where its config came from, the rules it gets and
    every setting, in the config file's own spelling (YAML)."""
    import yaml

    from lint import formats
    from lint.engine import selected_rule_classes

    named = [p for p in paths if p != "-"] or [stdin_filename or "."]
    if len(named) != 1:
        fail("--show-settings takes one file")
    path = Path(named[0])
    config = resolver.for_path(path)
    if config.path is None:
        origin = "none: the built-in defaults" + (" (--isolated)" if resolver.fixed is not None else "")
    elif Path(config.path).name == "pyproject.toml":
        origin = f"[tool.copylint] in {Path(config.path).resolve()}"
    else:
        origin = str(Path(config.path).resolve())
    fmt = formats.format_of(str(path), config.formats, config.root)
    rules = [cls.code for cls in selected_rule_classes(config, selection)]
    settings = {
        "select": config.select, "extend-select": config.extend_select, "ignore": config.ignore,
        "severity": {k: v.value for k, v in config.severity.items()},
        "per-file-ignores": config.per_file_ignores, "exclude": config.exclude,
        "extend-exclude": config.extend_exclude, "language": config.language, "rules": config.rule_options,
        "formats": config.formats, "format-options": config.format_options, "words": config.words,
        "fixable": config.fixable, "unfixable": config.unfixable,
        "fail-level": config.fail_level.value if config.fail_level else None,
        "sections": sorted(config.sections),
    }
    click.echo(f"File: {path}")
    click.echo(f"Config file: {origin}")
    for base in config.extends:
        click.echo(f"Extends: {Path(base).resolve()}")
    click.echo(f"Format: {fmt}")
    click.echo(f"Folder for globs: {config.root}")
    if selection.select or selection.extend_select or selection.ignore:
        click.echo("Command line: " + " ".join(
            [*(f"--select {s}" for s in selection.select or ()),
             *(f"--extend-select {s}" for s in selection.extend_select), *(f"--ignore {s}" for s in selection.ignore)]))
    click.echo(f"Rules ({len(rules)}): {', '.join(rules)}")
    click.echo(yaml.safe_dump(settings, sort_keys=False, allow_unicode=True, default_flow_style=None).rstrip())


def _stopping_errors(*others: type[BaseException]) -> tuple[type[BaseException], ...]:
    """``others``, the errors a rule or provider raises to stop the run (``StopRun``: --require-languagetool
    and no server, a selected rule's missing extra) and a --jobs pool's failure."""
    from lint.guard import StopRun

    return (*_or_pool_failed(*others), StopRun)


def _or_pool_failed(*others: type[BaseException]) -> tuple[type[BaseException], ...]:
    """``others`` and the error of a --jobs pool that failed (``lint.parallel.PoolError``), when one ran:
    its module (and multiprocessing's) is imported only then, not at every start-up."""
    parallel = sys.modules.get("lint.parallel")
    return (*others, parallel.PoolError) if parallel is not None else others


def _patch_lines(text: str) -> list[str]:
    """Lines as patch and ``git apply`` see them: ended by LF only (a CR, U+2028, U+0085 or a form feed
    is a character of its line, not a line end as for str.splitlines)."""
    lines = text.split("\n")
    out = [line + "\n" for line in lines[:-1]]
    if lines[-1]:
        out.append(lines[-1])
    return out


def _write_diff(stream: Any, path: str, before: str, after: str) -> None:
    import difflib  # here: only this path needs it, not every run's start-up

    lines = difflib.unified_diff(
        _patch_lines(before), _patch_lines(after), fromfile=f"a/{path}", tofile=f"b/{path}",
    )
    for line in lines:
        stream.write(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")


def main() -> None:
    # What importing the CLI made (modules, classes, click's commands) lives as long as the process and
    # holds no garbage: frozen, it is left out of the collections the run triggers, each of which walked
    # it again (some 8 % of a one-file check's CPU, 3 % of the Rust book's).
    gc.freeze()
    # Start-up (the engine's and the rules' modules, their classes and tables, the kept patterns) makes
    # objects that live as long as the process and no garbage: a collection during it walks them for
    # nothing (some 30 of them in a one-file check, 4 % of its instructions). Back on before the first
    # file is read (``_lint_candidates``, ``_lint_stdin``), or when the command is another than ``check``
    # (``cli``).
    global _paused
    _paused = True
    gc.disable()
    from lint.patterns import keep_dataclass_code

    _read_kept_from_user_cache()  # (done at import already, for the same command line: a host may call main later)
    keep_dataclass_code()
    try:
        cli(prog_name="copylint")
    except KeyboardInterrupt:  # (before click has started, or after it returned)
        sys.exit(EXIT_INTERRUPTED)


def _keep_patterns(selection: Selection) -> None:
    """Where lint/__pycache__ cannot keep the compiled patterns (PYTHONDONTWRITEBYTECODE, a package folder
    this user cannot write), a check that uses the results cache keeps them in the user's cache folder
    (``_user_kept_folder``), written when it ends. With --no-cache nothing is written: the run asked for no
    cache."""
    from lint import patterns

    folder = _user_kept_folder() if selection.cache else None
    patterns.keep_in(folder, (lambda: True) if folder is not None else None)


def run() -> None:
    """The console script and ``python -m lint``: ``main``, then the process ends as soon as its output is
    out and its exit functions have run (the kept patterns saved), without the interpreter's teardown: it
    tears down every module, class and kept pattern one by one (some 22M instructions, 5 % of a one-file
    check) to free memory the process is about to give back whole. A host that calls ``main`` gets its
    SystemExit as before; so does a profiler or a tracer (``python -m cProfile -m lint``), which reports
    once the program returns to it."""
    try:
        main()
    except SystemExit as exc:
        if sys.getprofile() is not None or sys.gettrace() is not None:
            raise
        _exit_now(exc)


def _exit_now(exc: SystemExit) -> NoReturn:
    """``os._exit`` with the status the interpreter would exit with for ``exc``; where its teardown may do
    more than free memory (another thread still running, whose end it waits for; a status it would print)
    or the output cannot be flushed (a closed pipe: it says so on the way out), ``exc`` goes on as before."""
    code = 0 if exc.code is None else exc.code
    threading = sys.modules.get("threading")
    if not isinstance(code, int) or not 0 <= code <= 255 or (threading is not None and (
            threading.active_count() > 1 or getattr(threading, "_threading_atexits", None))):
        raise exc
    import atexit

    # (``threading._threading_atexits`` and ``atexit._run_exitfuncs`` are CPython's own, undocumented: what
    # the interpreter's exit runs, which this one must run too.)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:
        raise exc from None
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:
        raise exc from None
    os._exit(code)
