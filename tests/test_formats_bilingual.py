"""Family B on a realistic catalogue: exact positions, nothing flagged in msgids or comments, the
catalogue's own language picked from its header, and a fixed catalogue still loads with polib."""

from __future__ import annotations

import polib

import lint
from lint.formats import parse
from lint.model import Source
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "formats" / "checkout.fr.po"


def _found(select: tuple[str, ...] | None = None) -> list[tuple[str, int, int]]:
    text = FIXTURE.read_text(encoding="utf-8")
    src = Source(str(FIXTURE), text)
    return [(f.code, src.position(f.start).line, src.position(f.start).column)
            for f in lint.check_text(text, path=str(FIXTURE), select=select)]


def test_every_bilingual_finding_at_its_place():
    assert _found(("B",)) == [
        ("B103", 12, 31),  # 35 euros became 25: at the wrong number
        ("B106", 20, 9),  # </a> lost
        ("B105", 24, 9),  # support@ "translated" to assistance@
        ("B104", 28, 9),  # another host
        ("B107", 32, 25),  # "Card number: " lost its trailing space
        ("B108", 36, 28),  # a question became a statement
    ]


def test_equivalent_forms_are_not_flagged():
    lines = {line for _, line, _ in _found(("B",))}
    assert 16 not in lines  # 1,000 = 1 000; "2 days" spelled out as "deux jours"
    assert 40 not in lines  # "Promo code:" -> "Code promo :" (French space before the colon)
    assert 44 not in lines  # the placeholder kept
    assert 48 not in lines  # 2.5 = 2,5


def test_findings_stay_in_translations():
    text = FIXTURE.read_text(encoding="utf-8")
    src = Source(str(FIXTURE), text)
    lines = text.splitlines()
    for f in lint.check_text(text, path=str(FIXTURE)):
        assert lines[src.position(f.start).line - 1].startswith("msgstr"), f


def test_language_comes_from_the_header():
    text = FIXTURE.read_text(encoding="utf-8")
    assert parse(Source(str(FIXTURE), text), "po").language == "fr"
    assert ("S107", 24, 22) not in _found()  # "Des questions ?" is French typography
    assert parse(Source("m.po", 'msgid "a"\nmsgstr "b"\n'), "po", "de").language == "de"


def test_fixed_catalogue_still_loads():
    text = FIXTURE.read_text(encoding="utf-8")
    fixed = lint.fix_text(text, path=str(FIXTURE), unsafe=True)
    before = {(e.msgid, e.msgstr) for e in polib.pofile(text)}
    after = {(e.msgid, e.msgstr) for e in polib.pofile(fixed)}
    assert {m for m, _ in before} == {m for m, _ in after}
    assert lint.fix_text(fixed, path=str(FIXTURE), unsafe=True) == fixed
