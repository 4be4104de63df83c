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
