"""Running the installed LanguageTool server: start, stop, find, and report on it.

The server (``org.languagetool.server.HTTPServer``) listens on loopback only (it is started without
``--public``), with a bounded heap and the packaged ``server.properties`` (``maxTextLength``,
``cacheSize``, ``maxCheckThreads``). ``start`` returns once ``/v2/healthcheck`` answers from the
process it started (on Linux: the one listening on the port), or fails after a bounded wait. What runs is recorded in a run folder (default ``<home>/run``): ``server.pid``
and ``server.json`` (pid, port, URL, heap, settings, log file). A check's server started on demand
(``share``) is on a port the OS picks, and shared by the checks that run at once: each holds it
(``users.lock``), and the last of them to end stops it (``leave``; ``demand.json`` names it).
"""

from __future__ import annotations

import fcntl
import itertools
import json
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from lint.languagetool import LanguageToolError, install
from lint.languagetool.client import Client

DEFAULT_PORT = 8081
DEFAULT_HEAP = "1g"
DEFAULT_START_TIMEOUT = 120.0


class ServerError(Exception):
    pass


class PortTaken(ServerError):
    """Another server took the port between the check that it was free and this JVM's bind."""


@dataclass(frozen=True)
class RunState:
    pid: int
    port: int
    url: str
    heap: str
    started: float
    log: str
    version: str
    max_text_length: int

    @property
    def client(self) -> Client:
        return Client(self.url)


def run_dir(where: Path | None = None) -> Path:
    return (where or install.home()) / "run"


def default_properties() -> dict[str, str]:
    text = resources.files("lint.languagetool").joinpath("server.properties").read_text(encoding="utf-8")
    return _parse_properties(text)


def _parse_properties(text: str) -> dict[str, str]:
    out = {}
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            out[key.strip()] = value.strip()
    return out


def _alive(pid: int) -> bool:
    """The process exists and is not a zombie, or is a zombie thread-group leader whose other threads still run.

    A JVM shutting down can show its leader as a zombie while its other threads still hold the listening
    socket, which then accepts a connection and resets it: a stop that returned then was not yet a stop.
    """
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
        return state not in ("Z", "X") or len(os.listdir(f"/proc/{pid}/task")) > 1
    except (OSError, IndexError):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True


def _is_languagetool(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return install.SERVER_CLASS.encode() in f.read()
    except OSError:
        return _alive(pid)  # no /proc: trust the pid file


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass


def read_state(where: Path | None = None, run: Path | None = None) -> RunState | None:
    """The server recorded in the run folder, if its process is still a LanguageTool server."""
    folder = run or run_dir(where)
    try:
        data = json.loads((folder / "server.json").read_text(encoding="utf-8"))
        state = RunState(**data)
    except (OSError, ValueError, TypeError):
        return None
    if not _alive(state.pid) or not _is_languagetool(state.pid):
        return None
    return state


def _answering(state: RunState, timeout: float) -> bool:
    """Whether the recorded server answers its health check within ``timeout``: a live one may be slow to (a
    loaded machine), and starting a second beside it would leave two heaps where one was asked for. False
    when its process ended meanwhile (a new one may start); an error when it lives but never answers."""
    client = Client(state.url)
    deadline = time.monotonic() + timeout
    while not client.healthy(2.0):
        if not _alive(state.pid):
            return False
        if time.monotonic() > deadline:
            raise ServerError(f"the LanguageTool server recorded at {state.url} (pid {state.pid}) did not answer "
                              f"/v2/healthcheck within {timeout:g} s: `copylint languagetool stop` ends it")
        time.sleep(0.2)
    return True


def port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(1.0)
        return s.connect_ex(("127.0.0.1", port)) == 0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _listens(pid: int, port: int) -> bool | None:
    """Whether process ``pid`` holds a socket listening on TCP ``port`` (Linux's /proc); None where that
    cannot be told (no /proc)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table, encoding="ascii", errors="replace") as f:
                rows = f.read().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            # local_address is ADDRESS:PORT in hex; state 0A is LISTEN
            if len(fields) > 9 and fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(f"socket:[{fields[9]}]")
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except FileNotFoundError:
        return False if os.path.isdir("/proc/self/fd") else None  # (the process is gone)
    except OSError:
        return None
    for fd in fds:
        try:
            if os.readlink(f"/proc/{pid}/fd/{fd}") in inodes:
                return True
        except OSError:
            continue
    return False


def _tail(path: Path, lines: int = 12) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-lines:])
    except OSError:
        return ""


def start(
    port: int = DEFAULT_PORT,
    heap: str = DEFAULT_HEAP,
    timeout: float = DEFAULT_START_TIMEOUT,
    where: Path | None = None,
    run: Path | None = None,
    properties: dict[str, str] | None = None,
    tied: bool = False,
) -> RunState:
    """Start the installed server on 127.0.0.1:``port`` and wait until it is healthy.

    Idempotent: a server already recorded in the run folder and healthy is returned as it is. A server
    outlives the process that started it (the next run finds it warm), unless ``tied``: then it ends
    with that process's thread that started it, however that ends (a test run killed at its time limit
    leaves no server behind). Tying needs Linux; elsewhere the server outlives its starter.
    """
    folder = run or run_dir(where)
    folder.mkdir(parents=True, exist_ok=True)
    # One start at a time per run folder: several copylint processes may want the server at once.
    with open(folder / "start.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        state = _start_locked(port, heap, timeout, where, folder, properties, tied)
        # (a server a check started on demand, found here, is now the user's: no run's ``leave`` stops it)
        (folder / "demand.json").unlink(missing_ok=True)
        return state


def _start_locked(port: int, heap: str, timeout: float, where: Path | None, folder: Path,
                  properties: dict[str, str] | None, tied: bool) -> RunState:
    current = read_state(where, folder)
    if current is not None and _answering(current, timeout):
        return current
    inst = install.installed(where)
    if inst is None:
        raise ServerError("LanguageTool is not installed: run `copylint languagetool install`")
    java = install.java_command()
    major = install.java_major(java)
    if major < 17:
        raise ServerError(f"LanguageTool {inst.version} needs Java 17 or newer; {java} is Java {major}")
    if port_in_use(port):
        raise ServerError(f"port {port} on 127.0.0.1 is already in use (choose another with --port)")
    props = default_properties()
    props.update(properties or {})
    props_file = folder / "server.properties"
    props_file.write_text("".join(f"{k}={v}\n" for k, v in props.items()), encoding="utf-8")
    log = folder / "server.log"
    cmd = [java, f"-Xmx{heap}", "-XX:+UseSerialGC", "-cp", inst.classpath, install.SERVER_CLASS,
           "--config", str(props_file), "--port", str(port)]
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True, close_fds=True,
                                preexec_fn=_ended_with(os.getpid()) if tied else None)
    client = Client(f"http://127.0.0.1:{port}")
    deadline = time.monotonic() + timeout
    taken = False
    while True:
        if proc.poll() is not None:
            why = f"; another server took port {port} meanwhile" if taken else ""
            raise (PortTaken if taken else ServerError)(f"the LanguageTool server exited at start (exit {proc.returncode}){why}:\n"
                              f"{_tail(log)}")
        # The answer must be this server's: another that took the port after ``port_in_use`` asked (a second
        # run starting one on the same port) answers the health check while this JVM, yet to bind, is about
        # to fail at it and exit, and the state would record a dead pid at another's URL.
        if client.healthy(1.0):
            if _listens(proc.pid, port) is not False:
                break
            taken = True
        if time.monotonic() > deadline:
            _terminate(proc.pid)
            proc.wait(10)
            raise ServerError(f"the LanguageTool server did not answer /v2/healthcheck within {timeout:g} s:\n"
                              f"{_tail(log)}")
        time.sleep(0.2)
    try:
        version = client.probe("en-US", timeout=30)
    except LanguageToolError:
        version = inst.version
    state = RunState(proc.pid, port, client.server, heap, time.time(), str(log), version,
                     int(props.get("maxTextLength", "50000")))
    (folder / "server.pid").write_text(f"{proc.pid}\n", encoding="ascii")
    tmp = folder / "server.json.tmp"
    tmp.write_text(json.dumps(asdict(state), indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, folder / "server.json")
    # Keep the Popen from warning when this process ends first; the server outlives it by design.
    proc.returncode = 0
    return state


# The run folders this process uses a server of (a shared lock on ``users.lock``, held until ``leave``).
_held: dict[Path, Any] = {}


def _drop_held_in_child() -> None:
    # A forked worker inherits the parent's hold (one open file, one lock): dropping its copy leaves the lock
    # to the parent alone, so that the parent's ``leave`` is not taken for another run's.
    for users in _held.values():
        users.close()
    _held.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_drop_held_in_child)


def share(autostart: bool, heap: str = DEFAULT_HEAP, timeout: float = DEFAULT_START_TIMEOUT,
          where: Path | None = None, run: Path | None = None, hold: bool = True) -> tuple[RunState | None, bool]:
    """The local server for a run, and whether this call started it: the recorded one (live, answering or
    not), else, with ``autostart``, one started now on a port the OS picks (two runs of their own homes
    never race for one port; 8081 stays for ``copylint languagetool start``).

    A server started here is on demand (``demand.json``: its pid and port): it outlives the run that started
    it (its own session), and the last run that uses it stops it (``leave``), or, where none of them could
    (all killed), its warden (``keep_watch``). With ``hold``, or when it started it, this process is
    one of a server's users (a shared lock on ``users.lock``, released by ``leave`` or by the kernel however
    the process ends). Found and held under ``start.lock``, which ``leave`` takes too: a run never holds a
    server that is being stopped, and a server found here is alive (``read_state``) and not stopped before
    this run's own ``leave``.
    """
    folder = run or run_dir(where)
    if not autostart and not folder.is_dir():
        return None, False  # (nothing recorded, nothing to start: no folder made in the user's cache)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "start.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        state, started = read_state(where, folder), False
        if state is None and autostart:
            try:
                state = _start_locked(free_port(), heap, timeout, where, folder, None, False)
            except PortTaken:  # (another process was given the same free port meanwhile: rare)
                state = _start_locked(free_port(), heap, timeout, where, folder, None, False)
            started = True
            tmp = folder / "demand.json.tmp"
            tmp.write_text(json.dumps({"pid": state.pid, "port": state.port}) + "\n", encoding="utf-8")
            os.replace(tmp, folder / "demand.json")
        if state is not None and (hold or started) and folder not in _held:
            users = open(folder / "users.lock", "a")  # (held open until ``leave`` or the process's end)
            fcntl.flock(users, fcntl.LOCK_SH)
            _held[folder] = users
        if started and state is not None:
            _warden(folder, state)
    return state, started


def _warden(folder: Path, state: RunState) -> None:
    """Start the on-demand server's warden (``keep_watch``): a small process of its own session."""
    code = ("import sys; from pathlib import Path; from lint.languagetool import server; "
            "server.keep_watch(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))")
    root = str(Path(__file__).resolve().parents[2])  # (where ``lint`` is, installed or not)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
    proc = subprocess.Popen([sys.executable, "-c", code, str(folder), str(state.pid), str(state.port)],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True, close_fds=True, env=env, cwd=root)
    proc.returncode = 0  # (it outlives this process by design: no warning when this one ends first)


def keep_watch(folder: Path, pid: int, port: int, poll: float = 1.0) -> None:
    """The warden of server ``pid`` started on demand: once no run holds it (``users.lock``), however the
    runs ended (killed, their terminal closed: no exit hook of theirs ran), it stops it, as ``leave`` would;
    it ends when the server is stopped or is no longer on demand (``copylint languagetool start`` adopted
    it, or another server is recorded)."""
    def ours() -> bool:
        state = read_state(None, folder)
        return state is not None and (state.pid, state.port) == (pid, port) and _on_demand(folder, state)

    while ours():
        time.sleep(poll)
        with open(folder / "users.lock", "a") as probe:
            if not _try_lock(probe, fcntl.LOCK_EX):
                continue  # (a run holds it; asked without start.lock, not to slow runs that join)
        with open(folder / "start.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            with open(folder / "users.lock", "a") as probe:
                if _try_lock(probe, fcntl.LOCK_EX) and ours():
                    stop(None, folder)
                    return


def leave(where: Path | None = None, run: Path | None = None) -> RunState | None:
    """At a run's end: stop holding the server (``share``), and if no other run holds it now and it was
    started on demand, stop it (the last run out stops it, whichever started it); the server stopped, or
    None. The server is stopped only when it is still the JVM ``demand.json`` names (pid, and the port it
    was started on); a server ``copylint languagetool start`` runs is left running."""
    folder = run or run_dir(where)
    users = _held.pop(folder, None)
    if not folder.is_dir():
        if users is not None:
            users.close()
        return None
    with open(folder / "start.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if users is not None:
            users.close()  # (this run's shared lock goes; the others' stay)
        with open(folder / "users.lock", "a") as probe:
            # (three tries: the warden's own probe holds the lock for an instant)
            if not _try_lock(probe, fcntl.LOCK_EX, tries=3):
                return None  # (another run uses it: the last of them stops it)
            state = read_state(where, folder)
            if state is None or not _on_demand(folder, state):
                return None
            return stop(where, folder)


def _on_demand(folder: Path, state: RunState) -> bool:
    """Whether ``state`` is the server ``share`` started on demand: ``demand.json`` names its pid and port,
    and that process is the JVM started on that port."""
    try:
        demand = json.loads((folder / "demand.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(demand, dict) or (demand.get("pid"), demand.get("port")) != (state.pid, state.port):
        return False
    try:
        with open(f"/proc/{state.pid}/cmdline", "rb") as f:
            args = f.read().split(b"\0")
    except OSError:
        return True  # (no /proc: the pid and port recorded, and ``read_state``'s liveness)
    return any(a == b"--port" and b == str(state.port).encode() for a, b in itertools.pairwise(args))


def _try_lock(f: Any, how: int, tries: int = 1) -> bool:
    for n in range(tries):
        try:
            fcntl.flock(f, how | fcntl.LOCK_NB)
        except BlockingIOError:
            if n + 1 < tries:
                time.sleep(0.05)
            continue
        return True
    return False


def _ended_with(parent: int) -> Any:
    """A child's ``preexec_fn`` (run between fork and exec): SIGTERM to the child when the thread that
    forked it ends (Linux's ``PR_SET_PDEATHSIG``, which survives the exec); nothing where that is missing."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        prctl = libc.prctl
    except (OSError, AttributeError):
        return None

    def tie() -> None:
        pr_set_pdeathsig = 1
        prctl(pr_set_pdeathsig, signal.SIGTERM, 0, 0, 0)
        if os.getppid() != parent:  # (the parent ended before the tie was made)
            os._exit(1)

    return tie


def _terminate(pid: int, wait: float = 10.0) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        _reap(pid)
        if not _alive(pid):
            return
        time.sleep(0.1)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    for _ in range(50):
        _reap(pid)
        if not _alive(pid):
            return
        time.sleep(0.1)


def stop(where: Path | None = None, run: Path | None = None) -> RunState | None:
    """Stop the recorded server (SIGTERM, then SIGKILL after 10 s); the state it had, or None."""
    folder = run or run_dir(where)
    state = read_state(where, folder)
    if state is not None:
        _terminate(state.pid)
    for name in ("server.json", "server.pid", "demand.json"):
        (folder / name).unlink(missing_ok=True)
    return state


def rss_bytes(pid: int) -> int | None:
    """Resident memory of a process, from /proc (Linux)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def status(url: str | None = None, where: Path | None = None, run: Path | None = None,
           timeout: float = 5.0) -> dict[str, Any]:
    """What a server says of itself: version, languages, and (for the managed one) pid and memory.

    ``url`` names any server; without it, the one recorded in the run folder.
    """
    state = read_state(where, run)
    if url is not None and state is not None and Client(url).server != state.url:
        state = None  # another server than the one copylint runs: no pid, no memory figure
    if url is None and state is None:
        return {"running": False, "url": None}
    client = Client(url or (state.url if state else ""), timeout)
    out: dict[str, Any] = {"running": False, "url": client.server}
    if not client.healthy(timeout):
        out["error"] = f"no answer from {client.server}/v2/healthcheck"
        return out
    out["running"] = True
    try:
        out["version"] = client.probe("en-US", timeout)
    except LanguageToolError as exc:
        out["version"] = None
        out["error"] = str(exc)
    try:
        out["languages"] = sorted({lang["longCode"] for lang in client.languages(timeout)})
    except (LanguageToolError, KeyError, TypeError) as exc:
        out["languages"] = []
        out["error"] = str(exc)
    if state is not None:
        out.update(pid=state.pid, port=state.port, heap=state.heap, rss=rss_bytes(state.pid),
                   uptime=time.time() - state.started, log=state.log, max_text_length=state.max_text_length)
    return out
