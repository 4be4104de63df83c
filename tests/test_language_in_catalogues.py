"""L101 and L102 on real Sphinx translations (python-docs-ko): a reference to a publication, a source's term
kept before its translation, and quotation marks around identifiers are no slips of the translator's."""

from __future__ import annotations

import lint

HEADER = 'msgid ""\nmsgstr ""\n"Language: ko\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def _po(msgid: str, msgstr: str, language: str = "ko") -> str:
    return HEADER.replace("ko", language) + f'#: library/cmath.rst:12\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n'


def _l101(text: str) -> list[str]:
    return [text[f.start:f.end] for f in lint.check_text(text, path="library/cmath.po", select=["L101"])]


REFERENCE = ("Kahan, W:  Branch cuts for complex elementary functions; or, Much ado about nothing's sign bit.  In "
             "Iserles, A., and Powell, M. (eds.), The state of the art in numerical analysis. Clarendon Press (1987) "
             "pp165--211.")


def test_a_reference_to_a_publication_its_translator_edited_is_cited_as_published() -> None:
    """python-docs-ko's cmath.po keeps Kahan's reference with `In` dropped (python-docs-es's translates
    `In` and `or`): not a copy of the source, yet a reference whose title is English as published."""
    edited = REFERENCE.replace("In Iserles", "Iserles").replace("  ", " ")
    assert _l101(_po(REFERENCE, edited)) == []
    spanish = REFERENCE.replace("In Iserles", "En Iserles").replace("; or,", "; o,")
    assert _l101(_po(REFERENCE, spanish, "es")) == []


def test_a_sentence_after_a_reference_is_still_asked() -> None:
    """A reference ends its segment: an English sentence after it is the page's own text, left untranslated."""
    tail = " This paper explains why the sign of zero matters for each of the complex functions in this module."
    found = _l101(_po(REFERENCE + tail, REFERENCE.replace("In Iserles", "Iserles") + tail))
    assert any(span.startswith("This paper explains") for span in found)


def test_a_source_term_kept_before_its_translation_is_a_gloss() -> None:
    """python-docs-ko's errno.po writes each error's message, then its translation after ` -- `."""
    assert _l101(_po("Attempting to link in too many shared libraries",
                     "Attempting to link in too many shared libraries -- 너무 많은 공유 라이브러리 연결 시도")) == []
    assert _l101(_po("Value too large for defined data type",
                     "Value too large for defined data type -- 정의된 데이터형에 비해 값이 너무 큽니다")) == []
    assert _l101(_po("Value too large for the defined data type of this",
                     "Value too large for the defined data type of this — la valeur est trop grande pour le type "
                     "de données défini", "fr")) == []


def test_a_sentence_left_before_a_dash_is_no_gloss_where_the_source_writes_the_dash_or_no_translation_follows() -> None:
    left = "Save your changes before you leave the page"
    # The source's own dash: its first clause left untranslated, its second translated.
    assert _l101(_po(f"{left} -- they are lost otherwise.", f"{left} -- 그렇지 않으면 잃어버립니다."))
    # No translation after the dash.
    assert _l101(_po("Attempting to link in too many shared libraries",
                     "Attempting to link in too many shared libraries -- in too many libraries"))
    # Not the source's sentence from its start: the translator's words around it.
    assert _l101(_po(f"Note this. {left}", f"주의. {left} -- 그렇지 않으면 잃어버립니다."))
    # A sentence, not a term, before the dash.
    assert _l101(_po(f"{left}. They are lost otherwise.", f"{left}. -- 그렇지 않으면 잃어버립니다."))


def _l102(text: str) -> list[str]:
    return [text[f.start:f.end] for f in lint.check_text(text, path="reference/import.po", select=["L102"])]


def test_quotation_marks_around_identifiers_show_no_convention_for_the_pages_words() -> None:
    """python-docs-ko's import.po sets only attribute names in “ ” (`“name”`, `“loader”`) and its own words
    in straight quotes (`"해시 기반"`): the page quotes its words straight."""
    text = (HEADER
            + 'msgid "The \\"name\\", \\"loader\\", \\"origin\\" attributes are used."\n'
              'msgstr "“name”, “loader”, “origin” 어트리뷰트들이 사용됩니다."\n\n'
              'msgid "Python also supports \\"hash-based\\" cache files."\n'
              'msgstr "파이썬은 또한 \\"해시 기반\\" 캐시 파일을 지원합니다."\n\n'
              'msgid "and potentially other \\"locations\\" that should be searched"\n'
              'msgstr "그밖에 잠재적으로 \\"장소들\\"을 가리킬 수 있습니다."\n')
    assert _l102(text) == []


def test_straight_quotes_in_a_page_that_quotes_its_words_in_its_marks_are_still_reported() -> None:
    text = (HEADER
            + 'msgid "The \\"name\\" attribute is used."\nmsgstr "“name” 어트리뷰트가 사용됩니다."\n\n'
              'msgid "Python also supports \\"hash-based\\" cache files."\n'
              'msgstr "파이썬은 또한 “해시 기반” 캐시 파일을 지원합니다."\n\n'
              'msgid "and potentially other \\"locations\\" that should be searched"\n'
              'msgstr "그밖에 잠재적으로 \\"장소들\\"을 가리킬 수 있습니다."\n')
    found = _l102(text)
    assert len(found) == 1 and "장소들" in found[0]
