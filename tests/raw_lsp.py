"""A language-server client that speaks raw JSON-RPC over the real server's stdio: it can send what a
typed client refuses to build (a negative position), and it waits for replies with a deadline."""

from __future__ import annotations

import json
import os
import select
import subprocess
import time
from pathlib import Path
from typing import Any

from tests.conftest import ROOT


class RawClient:
    def __init__(self, *argv: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(list(argv), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, env=env)
        self.buffer = b""

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def receive(self, timeout: float = 20) -> dict[str, Any] | None:
        assert self.proc.stdout is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            head, sep, rest = self.buffer.partition(b"\r\n\r\n")
            if sep:
                length = int(head.split(b"Content-Length:")[1].split(b"\r\n")[0])
                if len(rest) >= length:
                    self.buffer = rest[length:]
                    message: dict[str, Any] = json.loads(rest[:length])
                    return message
            ready, _, _ = select.select([self.proc.stdout], [], [], 0.2)
            if ready:
                self.buffer += os.read(self.proc.stdout.fileno(), 1 << 16)
        return None

    def reply_to(self, request_id: int, timeout: float = 20) -> dict[str, Any] | None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = self.receive(max(deadline - time.monotonic(), 0.1))
            if message is not None and message.get("id") == request_id and "method" not in message:
                return message
        return None

    def diagnostics_for(self, uri: str, timeout: float = 20) -> list[Any] | None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = self.receive(max(deadline - time.monotonic(), 0.1))
            if message and message.get("method") == "textDocument/publishDiagnostics" \
                    and message["params"]["uri"] == uri:
                return list(message["params"]["diagnostics"])
        return None

    def start(self, tmp_path: Path) -> None:
        self.send({"id": 1, "method": "initialize",
                   "params": {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {},
                              "initializationOptions": {"debounce": 0}}})
        assert self.reply_to(1) is not None
        self.send({"method": "initialized", "params": {}})

    def open(self, uri: str, text: str, language: str = "plaintext") -> None:
        self.send({"method": "textDocument/didOpen",
                   "params": {"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}})

    def code_action(self, request_id: int, uri: str, start: tuple[int, int], end: tuple[int, int]) -> None:
        self.send({"id": request_id, "method": "textDocument/codeAction", "params": {
            "textDocument": {"uri": uri},
            "range": {"start": {"line": start[0], "character": start[1]},
                      "end": {"line": end[0], "character": end[1]}},
            "context": {"diagnostics": []}}})

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait()
