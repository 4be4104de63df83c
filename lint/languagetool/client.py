"""The LanguageTool HTTP API (``/v2``), with a timeout on every request and one kind of error.

Standard library only (urllib): every request carries the caller's timeout, there are no retries (a
server that is down or slow is reported once by the caller, not hammered), and requests to a
loopback server never go through an HTTP proxy from the environment.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from typing import Any

from lint.languagetool import LanguageToolError

_LOOPBACK = ("localhost", "127.0.0.1", "::1", "[::1]")
_direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))
_default = urllib.request.build_opener()


def normalize_url(url: str) -> str:
    """``http://host:port`` or ``http://host:port/v2`` → the API base ending in ``/v2``."""
    url = url.strip().rstrip("/")
    if "://" not in url:
        url = "http://" + url
    if url.endswith("/v2/check"):
        url = url[: -len("/check")]
    if not url.endswith("/v2"):
        url += "/v2"
    return url


class Client:
    def __init__(self, url: str, timeout: float = 30.0) -> None:
        self.base = normalize_url(url)
        self.timeout = timeout
        host = urllib.parse.urlsplit(self.base).hostname or ""
        self._opener = _direct if host in _LOOPBACK or host.startswith("127.") else _default

    @property
    def server(self) -> str:
        """The server's address as a user wrote it (without /v2)."""
        return self.base[: -len("/v2")]

    def _request(self, path: str, data: Mapping[str, str] | None = None, timeout: float | None = None) -> bytes:
        url = f"{self.base}/{path}"
        body = urllib.parse.urlencode(data).encode("utf-8") if data is not None else None
        request = urllib.request.Request(url, data=body, headers={"Accept": "application/json"})
        wait = self.timeout if timeout is None else timeout
        try:
            with self._opener.open(request, timeout=wait) as response:
                payload: bytes = response.read()
                return payload
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip().splitlines()
            first = detail[0] if detail else exc.reason
            raise LanguageToolError(f"LanguageTool at {self.server} answered HTTP {exc.code}: {first}") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise LanguageToolError(
                    f"LanguageTool at {self.server} did not answer within {wait:g} s") from None
            raise LanguageToolError(f"cannot reach LanguageTool at {self.server}: {exc.reason}") from None
        except TimeoutError:
            raise LanguageToolError(f"LanguageTool at {self.server} did not answer within {wait:g} s") from None
        except (OSError, ValueError) as exc:  # connection reset mid-answer, malformed URL
            raise LanguageToolError(f"LanguageTool at {self.server} failed: {exc}") from None

    def _json(self, path: str, data: Mapping[str, str] | None = None, timeout: float | None = None) -> Any:
        raw = self._request(path, data, timeout)
        try:
            return json.loads(raw)
        except ValueError:
            raise LanguageToolError(
                f"LanguageTool at {self.server} answered something that is not JSON: {raw[:80]!r}") from None

    def check(self, text: str, params: Mapping[str, str], timeout: float | None = None) -> dict[str, Any]:
        """POST /v2/check: the answer with its ``matches`` (offsets in UTF-16 code units)."""
        answer = self._json("check", {**params, "text": text}, timeout)
        if not isinstance(answer, dict) or not isinstance(answer.get("matches"), list):
            raise LanguageToolError(f"LanguageTool at {self.server} answered without a list of matches")
        return answer

    def probe(self, language: str, timeout: float | None = None) -> str:
        """Check an empty text: proves the server is up and knows ``language``; returns its version."""
        answer = self.check("", {"language": language}, timeout)
        return str(answer.get("software", {}).get("version", "?"))

    def languages(self, timeout: float | None = None) -> list[dict[str, str]]:
        answer = self._json("languages", None, timeout)
        if not isinstance(answer, list):
            raise LanguageToolError(f"LanguageTool at {self.server} answered /v2/languages without a list")
        return answer

    def healthy(self, timeout: float = 2.0) -> bool:
        try:
            return self._request("healthcheck", None, timeout).strip() == b"OK"
        except LanguageToolError:
            return False
