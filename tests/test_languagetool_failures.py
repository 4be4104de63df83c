"""A LanguageTool server that is missing, down, slow or answers an error: one clear message, the other
rule families still report, nothing waits longer than the configured timeout. The server stopped or
frozen mid-run is a real one (each test here starts its own, so the session's server is left alone).
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from lint.config import parse_config
from lint.engine import Linter, Selection
from lint.languagetool import LanguageToolUnavailable, provider, server
from lint.languagetool.client import Client
from lint.model import Source
from tests import languagetool_fixtures as fixtures
from tests.conftest import ROOT
from tests.languagetool_fixtures import LTServer

# A server that stops answering must fail its test, not hang the suite.
# One worker runs every test of the real server (with -n): they share its install and its session server.
pytestmark = [pytest.mark.timeout(300), pytest.mark.xdist_group("languagetool")]

lt_server = fixtures.lt_server
lt_fresh = fixtures.lt_fresh

HE_GO = "  He go to school every days.\n"  # W101 (leading whitespace) and two G findings


@pytest.fixture(scope="module")
def _own_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, LTServer]]:
    holder: dict[str, LTServer] = {}
    yield holder
    if "lt" in holder:
        fixtures.stop_server(holder["lt"])


@pytest.fixture
def own_server(_own_home: dict[str, LTServer], tmp_path_factory: pytest.TempPathFactory) -> LTServer:
    """A real server of this module's own (restarted when a test stopped it), warmed up: its first check is slow."""
    lt = _own_home.get("lt")
    if lt is None or fixtures.answering(lt.home) is None:
        lt = _own_home["lt"] = fixtures.start_server(tmp_path_factory.mktemp("lt"), "own", maxTextLength="3000")
        Client(lt.url, timeout=60).check("He go to school every days.", {"language": "en-US"})
    provider.reset()
    return lt


def _files(folder: Path, n: int, text: str = HE_GO) -> list[str]:
    names = []
    for i in range(n):
        (folder / f"f{i}.txt").write_text(text.replace("school", f"school {i}"))
        names.append(f"f{i}.txt")
    return names


def _env(tmp_path: Path) -> dict[str, str]:
    return {"COPYLINT_CACHE_DIR": str(tmp_path / "cache"), "COPYLINT_LANGUAGETOOL_HOME": str(tmp_path / "lt-home")}


def _codes(stdout: str) -> list[str]:
    return [f["code"] for f in json.loads(stdout)["findings"]]


def _other_rules_only(codes: list[str]) -> bool:
    """W101 (the text starts with spaces) is still reported, and nothing of G."""
    return "W101" in codes and not any(c.startswith("G") for c in codes)


def _messages(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


def test_down_server_is_one_message_and_other_rules_report(run, tmp_path):
    url = f"http://127.0.0.1:{server.free_port()}"  # nothing listens there
    names = _files(tmp_path, 3)
    r = run("check", "--isolated", "--languagetool", url, "--format", "json", *names, cwd=tmp_path, env=_env(tmp_path))
    assert r.returncode == 1
    assert _codes(r.stdout).count("W101") == 3
    assert not any(c.startswith("G") for c in _codes(r.stdout))
    messages = _messages(r.stderr)
    assert len(messages) == 1, r.stderr
    assert f"cannot reach LanguageTool at {url}" in messages[0] and "Grammar checks (G) are off" in messages[0]


def test_down_server_with_require_is_exit_2(run, tmp_path):
    url = f"http://127.0.0.1:{server.free_port()}"
    names = _files(tmp_path, 2)
    r = run("check", "--isolated", "--languagetool", url, "--require-languagetool", *names, cwd=tmp_path,
            env=_env(tmp_path))
    assert r.returncode == 2
    assert f"cannot reach LanguageTool at {url}" in r.stderr and "Traceback" not in r.stderr


def test_asked_for_but_not_installed(run, tmp_path):
    (tmp_path / ".copylint.yaml").write_text("languagetool: {}\n")
    names = _files(tmp_path, 3, "A clean sentence.\n")
    r = run("check", "--format", "json", *names, cwd=tmp_path, env=_env(tmp_path))
    assert r.returncode == 0, r.stdout + r.stderr  # the exit code is unaffected
    messages = _messages(r.stderr)
    assert len(messages) == 1 and "copylint languagetool install" in messages[0], r.stderr
    r = run("check", "--require-languagetool", *names, cwd=tmp_path, env=_env(tmp_path))
    assert r.returncode == 2 and "no LanguageTool server" in r.stderr


def test_error_answer_is_one_message(run, lt_server, tmp_path):
    (tmp_path / ".copylint.yaml").write_text("languagetool:\n  language: xx\n")
    names = _files(tmp_path, 3)
    r = run("check", "--languagetool", lt_server.url, "--format", "json", *names, cwd=tmp_path, env=_env(tmp_path))
    assert r.returncode == 1 and _codes(r.stdout).count("W101") == 3
    messages = _messages(r.stderr)
    assert len(messages) == 1, r.stderr
    assert "answered HTTP 400" in messages[0] and "'xx' is not a language code" in messages[0]


def test_error_answer_mid_run(lt_fresh, own_server, capsys):
    """The server refuses a request (text over its maxTextLength): the run goes on without G."""
    config = parse_config("languagetool:\n  max-text-length: 5000\n", None, Path.cwd())
    linter = Linter(Selection(languagetool=own_server.url))
    first = linter.findings(Source("a.txt", HE_GO), config)
    assert "G:HE_VERB_AGR" in [f.code for f in first]
    long = HE_GO.replace("school", "home") + "\n" + "A sentence that is fine. " * 160 + "\n"
    second = linter.findings(Source("b.txt", long), config)
    third = linter.findings(Source("c.txt", HE_GO.replace("school", "work")), config)
    assert all(_other_rules_only([f.code for f in found]) for found in (second, third))
    messages = _messages(capsys.readouterr().err)
    assert len(messages) == 1 and "answered HTTP 413" in messages[0], messages


def test_frozen_server_times_out_once(lt_fresh, own_server, capsys):
    """A server that does not answer (the real one, stopped with SIGSTOP) costs one timeout, not one per file."""
    config = parse_config("languagetool:\n  timeout: 2\n", None, Path.cwd())
    linter = Linter(Selection(languagetool=own_server.url))
    assert "G:HE_VERB_AGR" in {f.code for f in linter.findings(Source("a.txt", HE_GO), config)}
    os.kill(own_server.pid, signal.SIGSTOP)
    try:
        start = time.perf_counter()
        rest = [linter.findings(Source(f"{n}.txt", HE_GO.replace("school", n)), config) for n in ("b", "c", "d")]
        elapsed = time.perf_counter() - start
    finally:
        os.kill(own_server.pid, signal.SIGCONT)
    assert 1.9 < elapsed < 4.5, elapsed
    assert all(_other_rules_only([f.code for f in found]) for found in rest)
    messages = _messages(capsys.readouterr().err)
    assert len(messages) == 1 and "did not answer within 2 s" in messages[0], messages


def test_frozen_server_at_start_with_require_is_exit_2(run, own_server, tmp_path):
    (tmp_path / ".copylint.yaml").write_text("languagetool:\n  timeout: 2\n")
    names = _files(tmp_path, 2)
    os.kill(own_server.pid, signal.SIGSTOP)
    try:
        start = time.perf_counter()
        r = run("check", "--languagetool", own_server.url, "--require-languagetool", *names, cwd=tmp_path,
                env=_env(tmp_path))
        elapsed = time.perf_counter() - start
    finally:
        os.kill(own_server.pid, signal.SIGCONT)
    assert r.returncode == 2 and "did not answer within 2 s" in r.stderr, r.stderr
    assert elapsed < 10


def test_a_server_slower_than_the_file_limit_is_the_servers_failure_said_once(lt_fresh, own_server, capsys):
    # The file's time limit guards copylint's own work: a grammar request waits for the server up to the
    # server's own timeout, then G is off, said once. Before, each file was stopped as if copylint had hung
    # ("please report it", exit 2), one limit after another.
    config = parse_config("languagetool:\n  timeout: 3\n", None, Path.cwd())
    linter = Linter(Selection(languagetool=own_server.url, file_timeout=1))
    first = linter.lint_file("a.txt", config, HE_GO.encode())
    assert "G:HE_VERB_AGR" in {f.code for f in first.findings} and not first.errors
    os.kill(own_server.pid, signal.SIGSTOP)  # (after the probe: the run's requests find it frozen)
    try:
        rest = [linter.lint_file(f"{n}.txt", config, HE_GO.replace("school", n).encode()) for n in "bcd"]
    finally:
        os.kill(own_server.pid, signal.SIGCONT)
    assert [r.errors for r in rest] == [[], [], []]
    assert all(_other_rules_only([f.code for f in r.findings]) for r in rest)
    messages = _messages(capsys.readouterr().err)
    assert len(messages) == 1 and "did not answer within 3 s" in messages[0], messages


def _run_while_frozen(server_pid: int, args: list[str], cwd: Path, env: dict[str, str],
                      frozen_for: float = 5.0) -> subprocess.CompletedProcess[str]:
    """The real CLI run while the server is frozen (SIGSTOP) for longer than one health check's 2 s, then
    thawed: a loaded machine's slow server, made certain."""
    full_env = {**os.environ, **env}
    os.kill(server_pid, signal.SIGSTOP)
    try:
        proc = subprocess.Popen([sys.executable, "-m", "lint", *args], cwd=cwd, env=full_env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(frozen_for)
    finally:
        os.kill(server_pid, signal.SIGCONT)
    out, err = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def test_a_local_server_slow_to_answer_is_used_not_doubled(own_server, tmp_path):
    # The README run's flake: `check` gave the recorded server's health check 2 s, took a loaded server's
    # silence for no server, and started a second one on a free port (said on stderr).
    (tmp_path / ".copylint.yaml").write_text("languagetool: {}\n")
    (tmp_path / "x.txt").write_text(HE_GO)
    env = {**_env(tmp_path), "COPYLINT_LANGUAGETOOL_HOME": str(own_server.home)}
    r = _run_while_frozen(own_server.pid, ["check", "--format", "json", "x.txt"], tmp_path, env)
    assert "G:HE_VERB_AGR" in _codes(r.stdout) and r.stderr == "", r.stderr
    state = server.read_state(where=own_server.home)
    assert state is not None and state.pid == own_server.pid


def test_languagetool_start_waits_for_the_recorded_server_rather_than_start_another(own_server, tmp_path):
    r = _run_while_frozen(own_server.pid, ["languagetool", "start", "--home", str(own_server.home)], tmp_path,
                          _env(tmp_path))
    assert r.returncode == 0 and f"is running at {own_server.url} (pid {own_server.pid}" in r.stdout, r.stderr
    state = server.read_state(where=own_server.home)
    assert state is not None and state.pid == own_server.pid


# The two tests that stop the module's server come after those that only freeze it: a stopped server is
# started again for the next test (a JVM start, the slowest step of this module).
def test_server_stopped_mid_run(run, lt_fresh, own_server, capsys):
    config = parse_config("languagetool:\n  timeout: 5\n", None, Path.cwd())
    linter = Linter(Selection(languagetool=own_server.url))
    first = linter.findings(Source("a.txt", HE_GO), config)
    assert {"W101", "G:HE_VERB_AGR"} <= {f.code for f in first}
    r = run("languagetool", "stop", "--home", str(own_server.home))  # the real CLI stops the real server
    assert r.returncode == 0 and f"stopped LanguageTool at {own_server.url}" in r.stdout
    start = time.perf_counter()
    rest = [linter.findings(Source(f"{n}.txt", HE_GO.replace("school", n)), config) for n in ("b", "c", "d")]
    assert time.perf_counter() - start < 5
    assert all(_other_rules_only([f.code for f in found]) for found in rest)
    messages = _messages(capsys.readouterr().err)
    assert len(messages) == 1 and f"cannot reach LanguageTool at {own_server.url}" in messages[0], messages


# The main thread exits (as a JVM's can while it shuts down) and another thread keeps the listening socket.
_LEADER_GONE = """
import ctypes, socket, threading, time
listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen()
print(listener.getsockname()[1], flush=True)
threading.Thread(target=time.sleep, args=(60,)).start()
ctypes.CDLL(None).pthread_exit(None)
"""


def test_a_process_whose_leader_is_a_zombie_but_whose_threads_run_is_alive():
    """`languagetool stop` waits until the server is gone. Its leader shown as a zombie is not gone while another
    thread still holds the port: a connection there is accepted, then reset (the intermittent `Connection reset by
    peer` that test_server_stopped_mid_run met instead of `cannot reach`)."""
    proc = subprocess.Popen([sys.executable, "-c", _LEADER_GONE], stdout=subprocess.PIPE, text=True)
    try:
        port = int(proc.stdout.readline())  # type: ignore[union-attr]
        deadline = time.monotonic() + 10
        while "Z" not in Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()[:1]:
            assert time.monotonic() < deadline, "the child's main thread did not exit"
            time.sleep(0.02)
        socket.create_connection(("127.0.0.1", port), timeout=5).close()  # still accepting
        assert server._alive(proc.pid)
    finally:
        proc.kill()
        proc.wait()
    assert not server._alive(proc.pid)


def test_server_stopped_mid_run_of_the_cli(lt_fresh, own_server, tmp_path):
    """`copylint check` over many files while the server is stopped under it: it finishes, says so once."""
    paragraph = "He go to school every days, and the teachers was kind to him. " * 12
    names = _files(tmp_path, 25, "  " + "\n\n".join([paragraph] * 2) + "\n")  # under the server's 3000
    log = Path(server.read_state(where=own_server.home).log)  # type: ignore[union-attr]
    # A file's check, answered: not a health check nor a probe (an empty text), of which the CLI and each
    # of its pool's workers send one before any file, so that counting every request could stop the
    # server before a single file was checked.
    checked = re.compile(r"Check done: [1-9]\d* chars, .*, sent,")
    checked_before = len(checked.findall(log.read_text()))
    proc = subprocess.Popen(
        [sys.executable, "-m", "lint", "check", "--isolated", "--languagetool", own_server.url, "--format", "json",
         *names], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, **_env(tmp_path)},
    )
    deadline = time.monotonic() + 60
    while len(checked.findall(log.read_text())) < checked_before + 2 and time.monotonic() < deadline:
        time.sleep(0.05)  # two files' checks answered
    fixtures.stop_server(own_server)
    stopped = time.monotonic()
    out, err = proc.communicate(timeout=60)
    assert time.monotonic() - stopped < 35  # at most one request's timeout (30 s) past the stop
    codes = _codes(out)
    assert codes.count("W101") == 25  # every file still gets the other rules
    assert 0 < codes.count("G:HE_VERB_AGR") < 25 * 24  # some G findings before the stop, not all
    messages = _messages(err)
    assert len(messages) == 1, err
    assert "LanguageTool at" in messages[0] and "Grammar checks (G) are off" in messages[0]


@pytest.mark.heavy
def test_installed_local_server_starts_on_demand_and_stops_with_the_run(run, tmp_path):
    home = fixtures._home_for(tmp_path / "home")  # installed, not running
    env = {"COPYLINT_CACHE_DIR": str(tmp_path / "cache"), "COPYLINT_LANGUAGETOOL_HOME": str(home)}
    (tmp_path / ".copylint.yaml").write_text("languagetool: {}\n")
    (tmp_path / "x.txt").write_text(HE_GO)
    try:
        r = run("check", "--format", "json", "x.txt", cwd=tmp_path, env=env)
        assert {"W101", "G:HE_VERB_AGR"} <= set(_codes(r.stdout)), r.stderr
        assert "started the local LanguageTool server" in r.stderr
        pid = int(r.stderr.split("(pid ")[1].split(")")[0])
        # The JVM this run started is gone with it: no state left, no process.
        assert server.read_state(where=home) is None and fixtures.answering(home) is None
        assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]
        # A server that was running before the run is used and left running. (On a free port: 8081, the
        # default, may be another test run's at the same moment.)
        assert run("languagetool", "start", "--port", str(server.free_port()), env=env).returncode == 0
        before = server.read_state(where=home)
        (tmp_path / "y.txt").write_text(HE_GO.replace("school", "work"))
        r = run("check", "--format", "json", "y.txt", cwd=tmp_path, env=env)  # the running one is used
        assert "G:HE_VERB_AGR" in _codes(r.stdout) and r.stderr == ""
        after = fixtures.answering(home)
        assert before is not None and after is not None and after.pid == before.pid
    finally:
        r = run("languagetool", "stop", env=env)
    assert r.returncode == 0 and "stopped LanguageTool" in r.stdout
    assert server.read_state(where=home) is None


def _frozen_before_it_listens(home: Path, port: int) -> int:
    """The JVM that ``server.start`` launches for ``home``, stopped (SIGSTOP) before it listens on ``port``."""
    from lint.languagetool import install

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for name in os.listdir("/proc"):
            try:
                cmdline = Path(f"/proc/{name}/cmdline").read_bytes() if name.isdigit() else b""
            except OSError:
                continue
            if install.SERVER_CLASS.encode() in cmdline and str(home).encode() in cmdline:
                os.kill(int(name), signal.SIGSTOP)
                assert not server._listens(int(name), port), "it listened before it could be stopped"
                return int(name)
        time.sleep(0.01)
    raise AssertionError("the server's JVM never started")


@pytest.mark.heavy
@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="who listens on a port is read from Linux's /proc")
def test_a_start_that_loses_its_port_to_another_server_records_nothing(tmp_path):
    # Two runs that start a server on one port at once (two test runs, each `languagetool start` on the
    # default port): both found it free; the JVM that binds second fails and exits. The loser's health
    # check was answered by the winner, and it recorded its own dying pid at the winner's URL, so the next
    # `check` found no live recorded server and started a third. The loser's JVM is frozen here until the
    # winner answers (as a loaded machine delays it), then let go: it fails to bind, for real.
    import threading

    late, first = fixtures._home_for(tmp_path / "late"), fixtures._home_for(tmp_path / "first")
    port = server.free_port()
    outcome: dict[str, object] = {}

    def start_late() -> None:
        try:
            outcome["state"] = server.start(port=port, heap="768m", timeout=120, where=late, tied=True)
        except server.ServerError as exc:
            outcome["error"] = exc

    starter = threading.Thread(target=start_late)
    starter.start()
    pid = _frozen_before_it_listens(late, port)
    try:
        winner = server.start(port=port, heap="768m", timeout=120, where=first, tied=True)
        starter.join(5)  # (the late start, frozen, has seen the winner's answer by now)
    finally:
        os.kill(pid, signal.SIGCONT)
    try:
        starter.join(120)
        assert "state" not in outcome, f"recorded pid {pid} at {winner.url}, which pid {winner.pid} serves"
        assert f"exited at start (exit 1); another server took port {port}" in str(outcome.get("error")), outcome
        assert server.read_state(where=late) is None
        assert server.read_state(where=first) == winner and fixtures.answering(first) is not None
    finally:
        server.stop(where=late)
        server.stop(where=first)


_STARTS_A_TIED_SERVER = """
import sys
from pathlib import Path
from tests import languagetool_fixtures as fixtures
lt = fixtures.start_server(Path(sys.argv[1]), "tied")
print(lt.pid, flush=True)
sys.stdin.read()
"""


@pytest.mark.heavy
def test_a_tied_server_ends_with_the_process_that_started_it_even_killed(tmp_path):
    fixtures._home_for(tmp_path / "tied")  # (skips without Java; installs before the child needs it)
    starter = subprocess.Popen([sys.executable, "-c", _STARTS_A_TIED_SERVER, str(tmp_path)], cwd=ROOT,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    pid = int(starter.stdout.readline())
    assert fixtures.answering(tmp_path / "tied") is not None
    starter.kill()  # (SIGKILL: no fixture, no exit hook runs)
    starter.wait()
    deadline = time.monotonic() + 60
    while server._alive(pid) and time.monotonic() < deadline:
        server._reap(pid)
        time.sleep(0.1)
    assert not server._alive(pid), "the server outlived the process that started it"


@pytest.mark.heavy
def test_a_server_started_for_a_run_ends_with_the_run_even_killed(tmp_path):
    home = fixtures._home_for(tmp_path / "home")  # installed, not running
    env = {**os.environ, "COPYLINT_CACHE_DIR": str(tmp_path / "cache"), "COPYLINT_LANGUAGETOOL_HOME": str(home)}
    (tmp_path / ".copylint.yaml").write_text("languagetool: {}\n")
    for i in range(40):
        (tmp_path / f"x{i}.txt").write_text(HE_GO * 40)
    proc = subprocess.Popen([sys.executable, "-m", "lint", "check", "--jobs", "1", "."], cwd=tmp_path, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    line = proc.stderr.readline()
    assert "started the local LanguageTool server" in line, line
    pid = int(line.split("(pid ")[1].split(")")[0])
    proc.kill()  # (SIGKILL: the run's exit hook, which stops the server, never runs)
    assert proc.wait() == -signal.SIGKILL, "the run ended before it could be killed"
    deadline = time.monotonic() + 60
    while server._alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = server._alive(pid)
    if alive:
        server.stop(where=home)
    assert not alive, "the server outlived the run that started it for itself"


@pytest.mark.heavy
def test_starting_the_local_server_is_outside_the_first_files_time_limit(lt_fresh, tmp_path, monkeypatch):
    # A JVM takes more than a second to start: that is the run's set-up, not the time of the file it comes
    # with. Before, the file's limit stopped the start (TimedOut) and the file was reported as timed out.
    from lint.guard import Deadline

    home = fixtures._home_for(tmp_path / "home")  # installed, not running
    monkeypatch.setenv("COPYLINT_LANGUAGETOOL_HOME", str(home))
    try:
        with Deadline(1.0):
            rules = provider.rules_for(parse_config("languagetool: {}\n", None, tmp_path), Selection())
    finally:
        server.stop(where=home)
    assert [rule.code for rule in rules] == ["G"]


def test_require_raises_for_the_cli_to_catch(lt_fresh):
    url = f"http://127.0.0.1:{server.free_port()}"
    with pytest.raises(LanguageToolUnavailable, match="cannot reach"):
        provider.rules_for(parse_config("", None, Path.cwd()), Selection(languagetool=url, require_languagetool=True))


# `copylint check` with the default port set to ``argv[1]``: a run that autostarts on the default port
# (as before) races there, never on 8081 (another test run's, or CI's, at the same moment).
_CHECK_WITH_DEFAULT_PORT = ("import sys; from lint.languagetool import server; "
                            "server.DEFAULT_PORT = int(sys.argv.pop(1)); from lint.cli import run; run()")


def _grammar_folder(folder: Path, name: str, files: int) -> Path:
    """A folder that asks for G, with ``files`` files of 20 `HE_GO` sentences each, every one its own text."""
    folder.mkdir()
    (folder / ".copylint.yaml").write_text("languagetool: {}\n")
    for i in range(files):
        (folder / f"x{i}.txt").write_text("".join(HE_GO.replace("school", f"school {name} {i} {j}") + "\n"
                                                  for j in range(20)))
    return folder


@pytest.mark.heavy
def test_checks_run_at_once_all_get_grammar_to_their_end(tmp_path):
    # pre-commit runs a hook's processes in parallel, an editor checks beside a terminal: three checks at
    # once, each wanting the local server started on demand. Before, all picked the default port when free:
    # the run of another home that bound second lost it (its JVM exited, G off for that run, said); and a
    # short run that used the long run's server (one home) stopped it at its end, so the long one lost G
    # midway ("cannot reach LanguageTool").
    home, other = fixtures._home_for(tmp_path / "home"), fixtures._home_for(tmp_path / "other")
    port = server.free_port()
    jobs = {"long": (home, 30), "short": (home, 1), "other-home": (other, 1)}
    procs = {}
    for name, (where, n) in jobs.items():
        folder = _grammar_folder(tmp_path / name, name, n)
        env = {**os.environ, "COPYLINT_CACHE_DIR": str(folder / "cache"), "COPYLINT_LANGUAGETOOL_HOME": str(where)}
        procs[name] = subprocess.Popen([sys.executable, "-c", _CHECK_WITH_DEFAULT_PORT, str(port), "check",
                                        "--format", "json", "."], cwd=folder, env=env, stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, text=True)
    try:
        done = {name: proc.communicate(timeout=240) for name, proc in procs.items()}
    finally:
        for proc in procs.values():
            proc.kill()
    for name, (out, err) in done.items():
        assert "Grammar checks (G) are off" not in err and "could not start" not in err, (name, err)
        assert _codes(out).count("G:HE_VERB_AGR") == 20 * jobs[name][1], (name, err)
    # Two servers started (one per home), each stopped by the last run of its home to end.
    assert sum("started the local LanguageTool server" in err for _, err in done.values()) == 2
    assert server.read_state(where=home) is None and server.read_state(where=other) is None


def _holds(pid: int, path: Path) -> bool:
    """Whether process ``pid`` has ``path`` open (a run holding the server has ``users.lock`` open)."""
    try:
        return any(os.readlink(f"/proc/{pid}/fd/{fd}") == os.path.realpath(path) for fd in os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return False


@pytest.mark.heavy
@pytest.mark.parametrize("short_end", ["exits", "killed"])
def test_a_short_check_that_started_the_server_exits_at_once_the_longer_one_keeps_it(tmp_path, short_end):
    # A pre-commit hook's short check starts the server on demand; a longer check (another terminal, an
    # editor's) starts meanwhile and uses it. The short one must exit as soon as its own work is done, not
    # wait for the longer one, and the longer one must keep the server to its end; the last one out stops it.
    # Killed instead (SIGKILL: no exit hook), the short one takes the server down no more than it would exit.
    home = fixtures._home_for(tmp_path / "home")
    jobs = {"short": 1, "long": 60}
    procs: dict[str, subprocess.Popen[str]] = {}
    env = {**os.environ, "COPYLINT_LANGUAGETOOL_HOME": str(home)}
    for name, n in jobs.items():
        _grammar_folder(tmp_path / name, name, n)
    run = server.run_dir(home)
    users = run / "users.lock"

    def check(name: str) -> subprocess.Popen[str]:
        return subprocess.Popen([sys.executable, "-m", "lint", "check", "--format", "json", "."],
                                cwd=tmp_path / name, env={**env, "COPYLINT_CACHE_DIR": str(tmp_path / name / "c")},
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def until(what, timeout: float = 150.0) -> None:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + timeout
        while not what():
            assert time.monotonic() < deadline, "timed out"
            time.sleep(0.05)

    try:
        procs["short"] = check("short")
        # The short run started the server and holds it: paused there, so that the long run surely joins
        # while it lives (as a long run started a moment later does).
        # (and out of start.lock: paused inside it, between taking users.lock and starting the warden, it
        # would keep the long run from joining at all, as no run that is not paused does)
        until(lambda: server.read_state(where=home) is not None and _holds(procs["short"].pid, users)
              and not _holds(procs["short"].pid, run / "start.lock"))
        procs["short"].send_signal(signal.SIGSTOP)
        state = server.read_state(where=home)
        assert state is not None
        procs["long"] = check("long")
        until(lambda: _holds(procs["long"].pid, users))
        time.sleep(0.5)  # (the long run's share has taken its lock under start.lock)
        if short_end == "killed":
            procs["short"].kill()
            procs["short"].wait()
        else:
            procs["short"].send_signal(signal.SIGCONT)
            out, err = procs["short"].communicate(timeout=60)
            assert "started the local LanguageTool server" in err and "waiting" not in err, err
            assert _codes(out).count("G:HE_VERB_AGR") == 20, err
        # The short run ended while the long one still runs, and did not wait for it.
        assert procs["long"].poll() is None, "the long run ended first: the test proves nothing"
        time.sleep(1.5)  # (the server's warden, which polls each second, sees the long run's hold)
        assert server.read_state(where=home) == state  # (still serving the long run)
        out, err = procs["long"].communicate(timeout=240)
        assert "Grammar checks (G) are off" not in err and "started the local" not in err, err
        assert _codes(out).count("G:HE_VERB_AGR") == 20 * jobs["long"], err
    finally:
        for proc in procs.values():
            proc.send_signal(signal.SIGCONT)
            proc.kill()
            proc.wait()
    # The long run was the last out: it stopped the JVM the short one started.
    assert server.read_state(where=home) is None
    assert not (run / "server.json").exists() and not (run / "demand.json").exists()
    until(lambda: not _alive(state.pid), 15.0)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except OSError:
        return False
