"""B104 url-mismatch: the translation links to other sites than the source."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from lint.formats.bilingual import in_language, locate, pair, urls, xliff_example
from lint.model import Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

_PO = "messages.po"
_HOST = compiled_on_use(r"[\w.-]*")
_XLF = "app.xlf"
_FR_HEADER = 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


_LANGUAGE_LABEL = compiled_on_use(r"^[a-z]{2}(?:-[a-z]{2,4})?\.(?=[^.]+\.[^.]+$)")
# A Korean, Japanese or Chinese word glued after a host that ends in Latin letters (`www.python.org는`,
# `www.python.orgで`, `www.python.org获取`): Korean writes its particles after the word, and Japanese and
# Chinese set no spaces. No top-level domain mixes Latin letters with those scripts, so the word is the
# sentence's, not the host's.
_GLUED_CJK = compiled_on_use(r"(?<=\.)([a-z0-9-]*[a-z])[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff"
                             r"\uac00-\ud7af]+$")


def url_site(url: str) -> str:
    """The site: without `www.` nor a language label (`fr.wikipedia.org` is the French
    `en.wikipedia.org`, where the translation links to the localized page)."""
    full = url if "://" in url else "http://" + url
    try:
        host = urlsplit(full).hostname or ""
    except ValueError:
        # urlsplit refuses what a translation may well hold: a bracket that is no IPv6 address
        # (`www.[x`), a full-width mark that NFKC turns into a separator (`example.org？`). The host is
        # then what stands between the scheme and the first `/`, `?` or `#`, as written.
        authority = re.split(r"[/?#]", full.split("://", 1)[1], maxsplit=1)[0]
        host = authority.rpartition("@")[2].lower()
    # A host is letters, digits, dots and hyphens: punctuation glued to it (`example.org。` in a
    # Japanese sentence) ends it.
    site = _HOST.match(host).group().rstrip(".").removeprefix("www.")  # type: ignore[union-attr]
    site = _GLUED_CJK.sub(r"\1", site)
    return _LANGUAGE_LABEL.sub("", site)


def _written_as_text(url: str, source: str) -> bool:
    """Whether the source writes ``url``'s address, without its scheme, as a whole word of its text
    (`docs.python.org/x.y`): a host with a dot at least, not what is left of a broken URL (`https://www`)."""
    address = re.sub(r"^[a-z]+://", "", url).rstrip("/")
    return "." in url_site(url) and re.search(r"(?<![\w./:-])" + re.escape(address) + r"(?![\w/-])", source) is not None


def url_differences(both: tuple[str, str], language: str) -> tuple[list[str], list[str]]:
    """The translation's URLs to hosts its source does not name, and the source's URLs to hosts the
    translation does not name (``both``: source and translation), as B104 reports them."""
    source, target = (urls(t) for t in both)
    source_hosts = {url_site(u) for u in source}
    target_hosts = {url_site(u) for u in target}
    # An address the source writes as text (`docs.python.org/x.y`) that the translation writes as a
    # URL is the same address.
    extra = [u for u in target if url_site(u) not in source_hosts and not _written_as_text(u, both[0])]
    missing = [u for u in source if url_site(u) not in target_hosts]
    # A page in the reader's language in place of one of the source's (`fr.wikipedia.org` for an
    # English course's page) is the translator's choice: each stands for one missing URL.
    if not any(in_language(u, language) for u in source):
        chosen = [u for u in extra if in_language(u, language)]
        if chosen and len(chosen) == len(missing) == len(extra):
            return [], []
    return extra, missing


def hosts_not_in_source(both: tuple[str, str], language: str) -> frozenset[str]:
    """The sites of the URLs that B104 reports as not in the source: a link to one of them is B104's
    finding, not also a changed link target (B109)."""
    return frozenset(url_site(u) for u in url_differences(both, language)[0])


class UrlMismatch(Rule):
    code = "B104"
    slug = "url-mismatch"
    summary = "Translation's URLs point to other hosts than the source's"
    rationale = """
**What it does.** Compares the hosts of the URLs in a translation with those of its source: a source
URL whose host is not in the translation, or a translation URL to a host the source does not name, is
flagged. Paths may differ: localized pages (`/en/help` → `/fr/aide`) are a translator's job, and so
may a language label that starts a host (`en.wikipedia.org` → `fr.wikipedia.org`). A page in the
catalogue's own language (its host's first label or a path segment: `fr.wikipedia.org`, `/fr/`) in place
of a source's URL is the translator's choice, one for one. A Korean, Japanese or Chinese word glued
after a host (`www.python.org는`) is the sentence's, not the host's. An address the source writes as text
(`docs.python.org/x.y`) and the translation as a URL is the same address.

**Why is this bad?** A dropped link leaves the reader without the page the text points to; a changed host
sends them elsewhere, sometimes to a translator's or an MT engine's idea of the right site.
"""
    severity = Severity.WARNING
    kinds = frozenset({"msgstr", "string", "target"})
    flag = (
        Example('msgid "See the pages at https://www.tcl.tk/man/ for details."\n'
                'msgstr "Voir les pages sur https://www .tcl.tk/man/ pour les détails."\n', path=_PO,
                note="a URL broken by a space: what is left of it is no address the source writes"),
        Example('msgid "Read https://docs.example.com first."\nmsgstr "Lisez d\'abord la documentation."\n',
                path=_PO),
        Example('msgid "See https://example.com/help"\nmsgstr "Voir https://exemple.fr/aide"\n', path=_PO),
        Example('msgid "Report bugs on the tracker."\nmsgstr "Signalez les bugs sur https://bugs.example.org."\n',
                path=_PO),
        Example('msgid "Visit www.example.com"\nmsgstr "Visitez www.example.net"\n', path=_PO),
        Example('msgid "Visit www.example.com"\nmsgstr "www.example.net에 방문하세요"\n', path=_PO,
                note="another host, a Korean particle glued after it"),
        Example('msgid "See https://en.wikipedia.org/wiki/Median"\nmsgstr "Voir https://fr.wikipedial.org/wiki/M"\n',
                path=_PO),
        Example('msgid "Files: https://files.example.com/"\nmsgstr "Fichiers : https://fichiers.example.com/"\n', path=_PO),
        Example('msgid "Download from https://get.example.com/app"\nmsgstr "Téléchargez l\'application"\n',
                path=_PO),
        Example(xliff_example("Status: https://status.example.com", "État : https://statut.exemple.fr"), path=_XLF),
        Example('msgid "Use the most basic form of a URL i.e. http://example.com"\n'
                'msgstr "Reyndu að nota grunnform slóðarinnar, t.d. http://vefur.is"\n', path=_PO,
                note="GNOME Maps: RFC 2606's example host as a domain anyone may register"),
        Example(_FR_HEADER + 'msgid "Background: http://www.stat.yale.edu/ranvar.htm"\n'
                'msgstr "Contexte : https://es.wikipedia.org/wiki/Variable_aleatoria"\n', path=_PO,
                note="a French catalogue that links a Spanish page"),
    )
    allow = (
        Example('msgid "The docs live at docs.python.org/x.y for each version."\n'
                'msgstr "La documentation se trouve à https://docs.python.org/x.y pour chaque version."\n',
                path=_PO, note="an address the source writes as text, written as a URL"),
        Example('msgid "See https://example.com/en/help"\nmsgstr "Voir https://example.com/fr/aide"\n', path=_PO),
        Example('msgid "Visit www.example.com"\nmsgstr "Visitez https://example.com"\n', path=_PO),
        Example('msgid "See https://en.wikipedia.org/wiki/Median"\nmsgstr "Voir https://fr.wikipedia.org/wiki/Médiane"\n',
                path=_PO, note="the localized page"),
        Example('msgid "Docs: https://docs.example.com/en/"\nmsgstr "Docs : https://docs.example.com/fr/"\n', path=_PO),
        Example(_FR_HEADER + 'msgid "Background: http://www.stat.yale.edu/ranvar.htm"\n'
                'msgstr "Contexte : https://fr.wikipedia.org/wiki/Variable_al%C3%A9atoire"\n', path=_PO,
                note="a page in the reader's language in place of the source's"),
        Example('msgid "Read the guide."\nmsgstr "Lisez le guide."\n', path=_PO),
        Example('msgid "Get it from www.python.org."\nmsgstr "www.python.org는 배포판을 제공합니다."\n', path=_PO,
                note="a Korean particle glued after the host"),
        Example('msgid "Docs: https://docs.example.com."\nmsgstr "Docs : https://docs.example.com."\n', path=_PO),
        Example('msgid "Write to help@example.com"\nmsgstr "Écrivez à help@example.com"\n', path=_PO),
        Example(xliff_example("See https://example.com/en/help?a=1&amp;b=2",
                              "Voir https://example.com/fr/aide?a=1&amp;b=2"), path=_XLF),
    )

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        both = pair(seg, doc)
        if both is None:
            return
        extra, missing = url_differences(both, doc.language)
        if extra:
            start, end = locate(seg, extra[0])
            yield self.finding(seg, start, end, f"URL not in the source: {extra[0]}")
        elif missing:
            yield self.finding(seg, 0, len(seg.text), f"The source's URL is missing: {missing[0]}")
