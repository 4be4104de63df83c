"""The LanguageTool bridge: family G (grammar and spelling) from a real LanguageTool server.

- ``install``: the server and language modules from Maven Central into a cache folder.
- ``server``: start, stop and inspect a server run from that folder on loopback.
- ``client``: the HTTP API (``/v2/check``, ``/v2/languages``, ``/v2/healthcheck``) with bounded timeouts.
- ``provider``: ``rules_for(config, selection)``, which the engine calls to add the G rule.
- ``rule``: the document-scope rule that batches segments, caches results and maps matches to findings.
- ``config``: the ``languagetool:`` section of ``.copylint.yaml``.
- ``cli``: ``copylint languagetool install|start|stop|status``.
"""

from __future__ import annotations

from lint.guard import StopRun

LT_VERSION = "6.6"


class LanguageToolUnavailable(StopRun):
    """No LanguageTool server could be used and the user required one (``--require-languagetool``): exit 2."""


class LanguageToolError(Exception):
    """A request to a LanguageTool server failed: down, slow (timeout), or an error answer."""
