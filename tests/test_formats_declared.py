"""Every format's declaration (lint.formats.Format): its examples are its tests, and everything that lists
formats (format_for, the LSP map, the config schema, docs/formats.md) is made from the declarations."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lint import formats
from lint.formats import FORMATS, Format, FormatExample, ParseError
from lint.model import SegmentKind, Source

ROOT = Path(__file__).resolve().parent.parent
KINDS = {k.value for k in SegmentKind}
EXAMPLES = [pytest.param(f, ex, id=f"{f.name}-{i}") for f in FORMATS.values() for i, ex in enumerate(f.examples)]


def _path(fmt: Format, ex: FormatExample) -> str:
    return ex.path or "example" + (fmt.extensions[0] if fmt.extensions else "")


def _source(fmt: Format, ex: FormatExample) -> Source:
    return Source(_path(fmt, ex), ex.text)


def test_every_format_is_declared_documented_and_has_examples():
    assert set(FORMATS) >= {"text", "markdown", "rst", "srt", "vtt", "po", "html", "xliff", "i18n-json",
                            "i18n-yaml", "properties", "android-strings"}
    for fmt in FORMATS.values():
        assert fmt.title and fmt.prose and fmt.not_prose, fmt.name
        assert any(ex.error_line is None and ex.segments for ex in fmt.examples), fmt.name
        assert all(ext.startswith(".") and ext == ext.lower() for ext in fmt.extensions), fmt.name
        # What lets format_for skip most paths with one endswith: a glob starts with * and ends in a literal.
        assert all(p.startswith("*") and p[-1] not in "*?]" for p in fmt.patterns), fmt.name


def test_the_index_read_from_the_modules_text_agrees_with_the_declarations():
    """format_for and the LSP read the index, so that choosing a format imports no reader."""
    entries = formats.index()
    assert [e.name for e in entries] == list(FORMATS)
    for entry in entries:
        fmt = FORMATS[entry.name]
        assert (entry.extensions, entry.patterns, entry.language_ids, entry.sources) == (
            fmt.extensions, fmt.patterns, fmt.language_ids, fmt.sources is not None), entry.name
        assert fmt.reader.__module__ == entry.module
    declared = {f.name for m in {e.module for e in entries} for f in formats._declared(sys.modules[m])}
    assert declared == set(FORMATS)


def test_choosing_a_format_imports_no_reader():
    code = ("import sys\nfrom lint import formats\n"
            "assert formats.format_for('a/messages_fr.properties') == 'properties'\n"
            "assert formats.format_for_language_id('gettext') == 'po' and 'xliff' in formats.FORMATS\n"
            "print(sorted(m for m in sys.modules if m.startswith('lint.formats.')))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_no_file_extension_or_language_id_is_claimed_twice():
    exts = [ext for f in FORMATS.values() for ext in f.extensions]
    ids = [i for f in FORMATS.values() for i in f.language_ids]
    assert len(exts) == len(set(exts)) and len(ids) == len(set(ids))


def test_each_example_is_claimed_by_its_own_format():
    for fmt in FORMATS.values():
        for ex in fmt.examples:
            if fmt.extensions or fmt.patterns:
                assert formats.format_for(_path(fmt, ex)) == fmt.name, (fmt.name, _path(fmt, ex))


@pytest.mark.parametrize(("fmt", "ex"), EXAMPLES)
def test_example_reads_as_declared(fmt: Format, ex: FormatExample):
    if ex.error_line is not None:
        with pytest.raises(ParseError) as err:
            fmt.read(_source(fmt, ex), ex.options)
        assert err.value.line == ex.error_line
        return
    doc = fmt.read(_source(fmt, ex), ex.options)
    assert doc.format == fmt.name
    assert tuple(seg.text for seg in doc.segments) == ex.segments
    if ex.keys:
        assert tuple(seg.key for seg in doc.segments) == ex.keys
    if ex.language is not None:
        assert (doc.language, doc.language_from) == (ex.language, "file")
    assert all(seg.kind in KINDS for seg in doc.segments), {seg.kind for seg in doc.segments} - KINDS
    # Every character that stands for itself is the character at its place in the file.
    for seg in doc.segments:
        assert seg.index == doc.segments.index(seg)
        for i, ch in enumerate(seg.text):
            if any(a <= i < b for a, b in seg.opaque):
                continue
            at = seg.to_source(i)
            assert ex.text[at] == ch, (seg.text, i)


def test_a_string_reads_as_a_format_with_offsets_into_the_string():
    """What the catalogue work needs: a msgstr read as reST, its segments mapped into the msgstr."""
    text = "See ``code`` and :ref:`the guide <guide>` here."
    doc = FORMATS["rst"].read_string(text)
    assert [seg.text for seg in doc.segments] == ["See \ufffc and \ufffc here."]
    seg = doc.segments[0]
    assert text[seg.to_source(0) : seg.to_source_end(3)] == "See"
    assert FORMATS["markdown"].read_string("**Bold** [link](https://x.org)").segments[0].text == "Bold link"


@pytest.mark.parametrize(("fmt", "ex"), [p for p in EXAMPLES if p.values[1].fixed is not None])  # type: ignore[union-attr]
def test_example_is_fixed_by_the_cli(tmp_path: Path, fmt: Format, ex: FormatExample):
    path = tmp_path / _path(fmt, ex)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(ex.text.encode("utf-8"))
    cmd = [sys.executable, "-m", "lint", "check", "--fix", "--no-cache", str(path)]
    subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert path.read_bytes().decode("utf-8") == ex.fixed
    again = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert path.read_bytes().decode("utf-8") == ex.fixed, again.stdout  # re-running changes nothing


def test_the_lsp_language_map_is_the_declared_one():
    for fmt in FORMATS.values():
        for language_id in fmt.language_ids:
            assert formats.format_for_language_id(language_id) == fmt.name
    assert formats.format_for_language_id("json") is None  # most JSON is not prose


def test_the_config_schema_lists_the_declared_formats_and_options():
    schema = json.loads((ROOT / "lint" / "data" / "config.schema.json").read_text(encoding="utf-8"))
    assert schema == formats.config_schema(schema), "stale: run copylint formats --format schema"
    names = schema["properties"]["formats"]["additionalProperties"]["enum"]
    assert names == list(FORMATS)
    options = schema["properties"]["format-options"]["properties"]
    assert set(options) == {f.name for f in FORMATS.values() if f.options}
    assert options["po"]["properties"]["fuzzy"] == {"type": "boolean", "default": False}


def test_docs_formats_md_is_generated_from_the_declarations():
    shipped = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    assert shipped == formats.docs_markdown(), "stale: run copylint formats --format markdown > docs/formats.md"
    for fmt in FORMATS.values():
        assert f"| {fmt.title} |" in shipped



def test_the_cli_writes_the_generated_files_as_shipped(run):
    markdown = run("formats", "--format", "markdown")
    assert markdown.returncode == 0 and markdown.stdout == (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    schema = run("formats", "--format", "schema")
    shipped = (ROOT / "lint" / "data" / "config.schema.json").read_text(encoding="utf-8")
    assert schema.returncode == 0 and schema.stdout == shipped
    listing = run("formats")
    assert listing.returncode == 0 and [line.split()[0] for line in listing.stdout.splitlines()] == list(FORMATS)
