"""A fix in a Markdown pipe table keeps an aligned table's columns where the cell's padding allows."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from normalize import document, tables
from normalize.apply import apply
from normalize.types import Finding

ROOT = Path(__file__).resolve().parents[1]


def fix(text: str, word: str, new: str, nth: int = 0) -> Finding:
    at = -1
    for _ in range(nth + 1):
        at = text.index(word, at + 1)
    return Finding(at, at + len(word), word, new, (new,), 0.99, "place", "fix", "")


def fixed(text: str, *fixes: Finding) -> str:
    return document.fixed_text(text, fixes, path="notes.md")


def test_a_shorter_or_longer_word_is_repadded_in_its_cell() -> None:
    text = "| City     | Votes |\n|----------|------:|\n| Mariupl  |   900 |\n| Kharkov  |    12 |\n"
    assert fixed(text, fix(text, "Mariupl", "Mariupol"), fix(text, "Kharkov", "Kharkiv")) == (
        "| City     | Votes |\n|----------|------:|\n| Mariupol |   900 |\n| Kharkiv  |    12 |\n"
    )
    text = "| City      | Votes |\n|-----------|------:|\n| Kyivv     |   900 |\n"
    assert fixed(text, fix(text, "Kyivv", "Kyiv")) == (
        "| City      | Votes |\n|-----------|------:|\n| Kyiv      |   900 |\n"
    )


def test_a_right_aligned_column_takes_the_padding_before_its_text() -> None:
    text = "| Name | Town     |\n|------|---------:|\n| A    |  Mariupl |\n"
    assert fixed(text, fix(text, "Mariupl", "Mariupol")) == (
        "| Name | Town     |\n|------|---------:|\n| A    | Mariupol |\n"
    )


def test_a_clients_edit_of_a_cells_padding_is_kept_and_the_cell_not_repadded() -> None:
    # The review page sends the replacements a reader accepted; one that rewrites the padding of a
    # right-aligned cell overlapped the padding edit, and splice raised (/diff answered 500).
    text = "| Name          | Place       |\n|---------------|------------:|\n| Dmitri Peskvo |       Moscw |\n"
    lo = text.rindex("|       Moscw") + 1
    changes = [(lo + 1, lo + 2, "  "), (lo + 7, lo + 12, "Moscow")]
    assert tables.splice(text, tables.edits(text, changes)) == text.replace("|       Moscw", "|        Moscow")


def test_two_fixes_in_one_cell_and_the_header_row() -> None:
    text = "| Kharkov and Kiev   | N |\n|--------------------|---|\n| Lviv and Mariupl   | 1 |\n"
    got = fixed(text, fix(text, "Kharkov", "Kharkiv"), fix(text, "Kiev", "Kyiv"), fix(text, "Mariupl", "Mariupol"))
    assert got == "| Kharkiv and Kyiv   | N |\n|--------------------|---|\n| Lviv and Mariupol  | 1 |\n"


def test_no_room_an_unaligned_table_and_plain_text_are_left_as_the_fix_makes_them() -> None:
    tight = "| City    | N |\n|---------|---|\n| Mariupl | 1 |\n"
    loose = "| City | N |\n|---|---|\n| Mariupl   | 1 |\n"  # the pipe is not at the delimiter row's
    for text in (tight, loose):
        assert fixed(text, fix(text, "Mariupl", "Mariupol")) == text.replace("Mariupl", "Mariupol")
    plain = "| City     | N |\n|----------|---|\n| Mariupl  | 1 |\n"
    f = fix(plain, "Mariupl", "Mariupol")
    assert document.fixed_text(plain, [f], path="notes.txt") == apply(plain, [f])


def test_a_pipe_in_code_or_escaped_and_rows_outside_a_table() -> None:
    text = "Kiev | and more |\n\n| A \\| B   | N |\n|----------|---|\n| Kiev     | 1 |\n\n```\n| Kiev |\n```\n"
    f = [fix(text, "Kiev", "Kyivv", n) for n in range(2)]
    got = fixed(text, *f)
    assert got == "Kyivv | and more |\n\n| A \\| B   | N |\n|----------|---|\n| Kyivv    | 1 |\n\n```\n| Kiev |\n```\n"


def test_wide_characters_count_two_columns() -> None:
    text = "| 東京 Kiev   | N |\n|-------------|---|\n| 大阪 Kiev   | 1 |\n"
    assert tables.width("東京 Kiev") == 9
    got = fixed(text, fix(text, "Kiev", "Kyivv", 1))
    assert got == "| 東京 Kiev   | N |\n|-------------|---|\n| 大阪 Kyivv  | 1 |\n"


@given(
    st.lists(st.sampled_from(["Kiev", "Kyiv", "Mariupl", "x", " ", "  ", "|", "\\|", "\n", "---", ":"]), max_size=40)
)
def test_padding_is_all_that_differs_from_apply(parts: list[str]) -> None:
    text = "| a | b |\n|---|---|\n" + "".join(parts) + "\n"
    found = [m for m in re.finditer(r"\bKiev\b|\bMariupl\b", text)]
    fixes = [
        Finding(
            m.start(), m.end(), m.group(), "Kyivv" if m.group() == "Kiev" else "Mariupol", (), 1, "place", "fix", ""
        )
        for m in found
    ]
    got = fixed(text, *fixes)
    assert re.sub(" +", " ", got) == re.sub(" +", " ", apply(text, fixes))
    assert got.count("|") == text.count("|") and got.count("\n") == text.count("\n")


def test_fix_keeps_a_real_tables_columns_and_fixing_twice_is_fixing_once(tmp_path: Path) -> None:
    story = tmp_path / "officials.md"
    table = (
        "# Who met in Geneva\n\n"
        "| Official                 | Role                      | City     |\n"
        "|--------------------------|---------------------------|----------|\n"
        "| Dmitry Peskov            | Kremlin spokesman         | Moscow   |\n"
        "| Volodymyr Zelenskyy      | President of Ukrane       | Kyiv     |\n"
        "| Antony Blinken           | Secretary of State        | Washington |\n"
    )
    story.write_bytes(table.replace("\n", "\r\n").encode())
    run = [sys.executable, "-m", "normalize", "fix", str(story)]
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(run, capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    want = table.replace("President of Ukrane       |", "President of Ukraine      |")
    assert story.read_bytes() == want.replace("\n", "\r\n").encode()
    again = subprocess.run(run, capture_output=True, text=True, env=env, timeout=300)
    assert again.returncode == 0 and story.read_bytes() == want.replace("\n", "\r\n").encode()


TABLE = "| Role                  |\n|-----------------------|\n| President of Ukrane   |\n"
PADDED = TABLE.replace("Ukrane   |", "Ukraine  |")


def test_the_batch_runner_writes_the_same_fixed_table(tmp_path: Path) -> None:
    from normalize import batch

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "who.md").write_text(TABLE, encoding="utf-8")
    (source,) = batch.sources([str(tmp_path / "in")])
    row = batch.check_file(source, str(tmp_path / "out"), fix=True)
    assert (tmp_path / "out" / row["fixed"]).read_text(encoding="utf-8") == PADDED


def test_the_servers_own_check_gives_the_same_fixed_table(live_server: str) -> None:
    import json
    import urllib.request

    body = json.dumps({"text": TABLE, "format": "markdown"}).encode()
    request = urllib.request.Request(f"{live_server}/check", data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as r:
        assert json.load(r)["fixed"] == PADDED
