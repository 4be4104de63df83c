"""L101's span: a sentence of another language glued to the page's text is underlined from its seam, not
from where the page's sentence starts (the underline, a fix or a suppression by span then lands on the
page's words); `bench/l101_spans.py` measures it on real text."""

from __future__ import annotations

import pytest

import lint
from lint.config import Config

CASES = [
    # (the page's language, the text, the flagged span's first words)
    ("pl", "W poniedziałek przyniesie opady o wysokości do 25 cm na części terytorium Meksyku Before we do that, "
           "however, we will explore the technique we are not going to use as a starting point.\n", "Before we do"),
    ("pl", "Nie poszło zbyt dobrze Thinking about the relationships another way, a parent node should own its "
           "children.\n", "Thinking about"),
    ("pl", "Ten rozdział opisuje, jak skonfigurować serwer Microsoft Visual Studio Code is the editor that most of "
           "the people on the team use every day.\n", "Microsoft Visual"),
    ("pl", "Policja postanowiła wtedy przesłuchać Wayde’a When annotating lifetimes in functions, the annotations go "
           "in the function signature, not in the body.\n", "When annotating"),
    ("fr", "Lancez le serveur Visual Studio Code is the editor that most of the people on the team use every day.\n",
     "Visual Studio"),
    ("nl", "Het team van de trainer heeft dit seizoen nog geen uitwedstrijd gewonnen in de competitie van Schotland "
           "The transmitter half is the upstream location where you put the rubber duck into the river.\n",
     "The transmitter"),
    # Spans that were at their seam already stay there.
    ("fr", "La configuration se fait dans le fichier principal du projet Kubernetes Helm charts are the easiest way "
           "to deploy the application to a cluster of your own.\n", "Kubernetes Helm"),
    ("pl", "Do wypadku doszło w pobliżu zatłoczonego skrzyżowania ulic Bestwood Street i Evelyn Street w Deptford, "
           "południowo-wschodniej dzielnicy miasta, około godziny 10:15 czasu brytyjskiego Thanks to Miri, we now "
           "know there is a risk of undefined behavior, and we can think about how to make the code safe.\n",
     "Thanks to Miri"),
    ("en", "This guide explains how the build works and where the settings are stored in the project Ten rozdział "
           "opisuje, jak skonfigurować serwer, który będzie obsługiwał wszystkie żądania klientów.\n", "Ten rozdział"),
]


@pytest.mark.parametrize(("language", "text", "opening"), CASES)
def test_span_starts_at_the_seam(language: str, text: str, opening: str) -> None:
    found = lint.check_text(text, path="a.md", config=Config(language=language), select=["L101"])
    assert [text[f.start:f.start + len(opening)] for f in found] == [opening]
    assert all(text[f.end - 1] == "." and f.end == len(text.rstrip()) for f in found)


# Each of these fails under one or more single changes to the seam search (reviewer h161's mutation run:
# a dropped or flipped condition in `_seamed`, `_seam_cut` or `_shows`) that the cases above let through.
SEAMS = [
    # The page's small word `het` after the seam is no place to start: the page's own words before it
    # are what `_shows` asks for (and what keeps `De Chinese` in).
    ("en", "You can chain multiple calls to iterator adapters to perform complex actions in\na readable way De "
           "Chinese overheid belooft sinds 2003 universele toegang tot hiv-medicatie in het kader van de "
           "inspanningen om het probleem aan te pakken.\n", "De Chinese overheid"),
    # A clause that ends in a colon belongs to the run after it: `Put another way:` is English.
    ("pl", "Prezydent żartował z krytyki mediów. Put another way: If Miri does catch a problem, you know there’s "
           "a bug, but just because Miri doesn’t catch a bug doesn’t mean there isn’t a problem.\n",
     "Put another way:"),
    # An acronym opens the run: the seam is at `HTTP`, not at the first small word or the next capital.
    ("nl", "Ook JAY-Z, die vroeger met West heeft samengewerkt, heeft al met en zonder het koppelteken en de "
           "hoofdletters gewerkt HTTP builds on top of TCP by defining the contents of the requests and "
           "responses.\n", "HTTP builds"),
    # A German sentence in an English page: CLD2 alone reads `Traditionell waren` as English (two words
    # or more before it trusts its reading of the page's language).
    ("en", "We’ll compare the two solutions to experience the trade-offs of designing Rust code differently than "
           "code in other languages Traditionell waren die Stadtwerke für die Versorgung der Bürger mit Strom "
           "und Wasser zuständig.\n", "Traditionell waren"),
    # The latest seam before the other language's first small word, not the earliest.
    ("de", "Den Rangers fehlte es jedoch an Inspiration It then creates a corresponding variant in the compiled "
           "state machine.\n", "It then creates"),
]


def test_cjk_page_span_is_the_latin_run_as_found() -> None:
    # A CJK page's Latin run is its span already: asked for a seam inside it, `safety:` would be cut off.
    text = "我是一个乐观的safety: The compiler will make certain your functions only get values of人，一切如常，”该球员笑着补充道。\n"
    found = lint.check_text(text, path="a.md", config=Config(language="zh"), select=["L101"])
    assert [text[f.start:f.end] for f in found] == ["safety: The compiler will make certain your functions only get values of"]


def test_span_keeps_the_other_language_words_cld2_reads_as_the_page() -> None:
    # English words inside a Spanish sentence: the text a span leaves out must not read as the other
    # language (`La anywhere,` does), or the run's first word (`anywhere,`) is lost.
    text = "La anywhere, Rust will usually issue a warning because an Sra. May dijo que todo va bien.\n"
    found = lint.check_text(text, path="a.md", config=Config(language="es"), select=["L101"])
    assert len(found) == 1 and found[0].start <= text.index("anywhere")


# Where the span is exact now and a change of the search could move it: a page's sentence that ends in a
# name or a possessive before the other language's capitalized first word; a page in a language without
# a pack.
EXACT = [
    ("pl", "Policja poinformowała po przesłuchaniu Simpsona, że przyznał się on do zastrzelenia Wayde’a To call a "
           "function, we need to know its path.\n", "To call a function"),
    ("en", "We’ll compare the two solutions to experience the trade-offs of\ndesigning Rust code differently than "
           "code in other languages Flake dijo que su oficina había emitido un comunicado y, antes de que las "
           "puertas del ascensor se cerrasen, que contaría más cosas en su comparecencia ante la Comisión.\n",
     "Flake dijo"),
    # Languages without a pack (Czech, Romanian) write sentence case too: a capital is a seam there.
    ("cs", "Policie uvedla, že podezřelého zadržela Rust makes it easy to create and use these fast iterators "
           "without losing performance.\n", "Rust makes"),
    ("ro", "Poliția l-a reținut pe suspect lângă pod Thinking about the relationships another way, a parent node "
           "should own its children.\n", "Thinking about"),
]


@pytest.mark.parametrize(("language", "text", "opening"), SEAMS + EXACT)
def test_span_starts_at_the_latest_seam(language: str, text: str, opening: str) -> None:
    found = lint.check_text(text, path="a.md", config=Config(language=language), select=["L101"])
    assert [text[f.start:f.start + len(opening)] for f in found] == [opening]
    assert [f.end for f in found] == [len(text.rstrip())]


# Spans known to be wrong, each for want of a signal: German capitals open nouns, so the English sentence
# after `das Training ist gut` is underlined from the clause's start; a phrase inside a sentence has no
# seam at its end (CLD2's chunk-by-chunk reading was tried for both and moved as many spans wrong as right
# on bench/l101_spans.py).
LIMITS = [
    ("de", "Das Team ist gut und die Jungs sind gut drauf; das Training ist gut One increasingly popular approach to "
           "ensuring safe concurrency is message passing, where threads or actors communicate by sending each other "
           "messages containing data.\n", "One increasingly", None),
    ("pl", "Policja poinformowała advantage of using Cargo is that the commands are the same po przesłuchaniu "
           "Simpsona, że przyznał się on do zastrzelenia Wayde’a.\n", "advantage of using", "are the same"),
]


@pytest.mark.xfail(strict=True, reason="no seam signal: a German noun's capital, a phrase's end inside a sentence")
@pytest.mark.parametrize(("language", "text", "opening", "ending"), LIMITS)
def test_span_is_the_run(language: str, text: str, opening: str, ending: str | None) -> None:
    found = lint.check_text(text, path="a.md", config=Config(language=language), select=["L101"])
    assert [text[f.start:f.start + len(opening)] for f in found] == [opening]
    assert ending is None or text[found[0].end - len(ending):found[0].end] == ending


@pytest.mark.parametrize("text", [
    "Gestern erklärte der Präsident such as loop unrolling and eliminating bounds checking on arrays.\n",
    "Ich bekomme die Warnung 'WARNING: the chart repository is deprecated for stable and will be deleted soon.'\n",
])
def test_span_does_not_start_at_a_german_noun(text: str) -> None:
    # German capitalizes every noun (the pack's `sentence-case` is off): a capital inside a German sentence is
    # no sign that another language starts (reviewer h161: `Präsident`, helm's de FAQ's `Warnung`).
    found = lint.check_text(text, path="a.md", config=Config(language="de"), select=["L101"])
    assert found and not any(text[f.start:f.start + 1].isupper() and f.start > 0 for f in found)
