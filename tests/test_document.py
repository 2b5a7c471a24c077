"""The document pipeline that the CLI, server and language server share."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import normalize
from normalize.config import Config
from normalize.document import check_document, format_of, settings_for
from normalize.errors import InputError
from normalize.types import Report

MD = "Intro: `Kmitry` in code, but Kmitry Peskov in prose.\n\n```\nKmitry\n```\n"


def starts(report: Report) -> list[int]:
    return [f.start for f in report.findings]


def test_markdown_by_extension_skips_code(fake_engine: Callable[[str], Report]) -> None:
    report = check_document(MD, path="story.md")
    assert starts(report) == [MD.index("Kmitry Peskov")]
    assert report.text == MD  # the document's own offsets, not a parsed copy


def test_format_overrides_the_extension(fake_engine: Callable[[str], Report]) -> None:
    assert len(check_document(MD, path="story.txt").findings) == 3
    assert len(check_document(MD, path="story.txt", format="markdown").findings) == 1
    html = "<p title='Kmitry'>Kmitry Peskov</p>"
    assert starts(check_document(html, format="html")) == [html.index("Kmitry P")]


def test_ignore_markers_and_caller_spans(fake_engine: Callable[[str], Report]) -> None:
    text = "Kmitry said. normalize: ignore\nKmitry Peskov said. Kmitry again.\n"
    report = check_document(text)
    second = text.index("Kmitry Peskov")
    assert starts(report) == [second, text.index("Kmitry again")]
    assert starts(check_document(text, skip=[(second, second + 6)])) == [text.index("Kmitry again")]


def test_fixed_text_applies_the_fixes(fake_engine: Callable[[str], Report]) -> None:
    assert check_document("Kmitry Peskov and Mariupl.").fixed == "Dmitry Peskov and Mariupl."
    assert check_document("").findings == ()


def test_format_of() -> None:
    assert format_of("a/b.MD") == "markdown"
    assert format_of("page.htm") == "html"
    assert format_of(None) == format_of("notes") == "text"
    assert [format_of(f"a.{x}") for x in ("rst", "ADOC", "asciidoc", "org")] == ["rst", "asciidoc", "asciidoc", "org"]
    with pytest.raises(InputError, match="unknown format 'latex'"):
        format_of(None, "latex")


def test_program_text_of_rst_asciidoc_and_org_is_not_read() -> None:
    # They were read as plain text: fix rewrote code in a Sphinx code-block (goverment = Ukrane()
    # -> government = Ukraine()), an AsciiDoc listing and an Org source block.
    code = "goverment = Ukrane()"
    documents = {
        "a.rst": f"The goverment met.\n\n.. code-block:: python\n   :linenos:\n\n   {code}\n\n"
        f"A literal block::\n\n   {code}\n\nInline ``{code}``.\n\n.. note::\n\n   The goverment met.\n",
        "a.adoc": f"The goverment met.\n\n[source,python]\n----\n{code}\n----\n\nInline `{code}`.\n",
        "a.org": f"The goverment met.\n#+BEGIN_SRC python\n{code}\n#+END_SRC\nInline ~{code}~ and ={code}=.\n",
    }
    for path, text in documents.items():
        found = [(f.text, text.count("\n", 0, f.start)) for f in check_document(text, path=path).findings]
        lines = [n for n, line in enumerate(text.splitlines()) if line.strip() == "The goverment met."]
        assert found == [("goverment", n) for n in lines], path  # (prose, the note's too: read)
    as_text = check_document(documents["a.rst"], format="text")  # (as text: all read)
    assert [f.text for f in as_text.findings].count("goverment") == 5
    assert as_text.fixed.count("government") == 2  # (the code's lines are no prose: suggested only, normalize.shape)


def test_settings_come_from_the_governing_file(tmp_path: Path) -> None:
    (tmp_path / ".normalize.toml").write_text('words = ["Kmitry"]\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    assert settings_for(tmp_path / "sub" / "story.md").words == ("Kmitry",)
    assert settings_for(tmp_path / "x.txt", overrides={"style": "ukrainian"}).style == "ukrainian"


def test_config_words_are_accepted_with_the_real_engine() -> None:
    text = "Kremlin spokesman Kmitry Peskov declined to comment."
    assert [f.replacement for f in normalize.check_document(text).findings] == ["Dmitry"]
    assert normalize.check_document(text, config=Config(words=("Kmitry",))).findings == ()


@pytest.mark.parametrize("given", [b"Kmitry Peskov", None, 5])
def test_the_library_says_it_takes_a_str(given: object) -> None:
    # bytes gave "cannot use a string pattern on a bytes-like object", None "object of type
    # 'NoneType' has no len()": errors from deep inside.
    for call in (normalize.check, normalize.fix, normalize.check_document):
        with pytest.raises(TypeError, match=rf"^normalize checks a str, not {type(given).__name__}"):
            call(given)  # type: ignore[arg-type]
