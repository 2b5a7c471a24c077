"""Lines that are not prose (a config file's, a shell command's) get suggestions at most, never a fix.

Every text here was written for these tests: an fstab, an INI file, a shell script, and prose
beside them that must still be fixed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from normalize import shape
from normalize.document import check_document, fixed_text
from normalize.types import Report

FSTAB = (
    "# /etc/fstab: static file system information.\n"
    "UUID=3f1c2a7e-9b1d-4c55-a2f0-7d8e1b6c9a01 /     ext4 errors=remount-ro 0 1\n"
    "UUID=8a2b-11CD  /boot/efi  vfat  umask=0077  0  1\n"
    "/swapfile none swap sw 0 0\n"
    "tmpfs /tmp tmpfs defaults,noatime,mode=1777 0 0\n"
    "# run fsck on boot\n"
)
INI = (
    "[server]\n"
    "host = 0.0.0.0\n"
    "port = 8080\n"
    "passwd = /etc/passwd\n"
    "logfile = /var/log/nginx/access.log\n"
    "fsck_on_boot=yes\n"
)
SHELL = "#!/bin/sh\nset -eu\nsudo fsck -y /dev/sda1\nchmod 600 ~/.ssh/id_rsa\nexport PATH=$HOME/bin:$PATH\n"
PROSE = "Kremlin spokesman Kmitry Peskov said on Monday that the talks would go on.\n"


def prose_lines(text: str) -> list[bool]:
    return [shape.line_shape(line).prose for line in text.splitlines()]


def test_a_line_is_read_by_its_code_its_closed_class_words_and_its_end() -> None:
    assert shape.line_shape("tmpfs /tmp tmpfs defaults,noatime,mode=1777 0 0") == shape.LineShape(6, 2, 0, False)
    assert prose_lines(INI) == [False] * 6
    assert prose_lines(SHELL) == [False] * 5
    assert prose_lines(FSTAB) == [False, False, False, False, False, True]  # "# run fsck on boot" reads as prose
    for line in (
        PROSE,
        "Set PATH=/usr/local/bin before you run it.",  # code, but a sentence
        "The ministry said the budget would rise to $255M, up from 2021/22.",  # money and a year
        "Humanitarian Relief ($255M)",  # no code: a variable is $HOME, not $255M
        "FACT SHEET: U.S. -Mexico Bilateral Cooperation",  # a flag is lowercase
        "Full report here: https://example.org/reports/2021/07/root-causes.pdf",  # a link is no code
        "| Ukraine | Kyiv | 44 |",  # a table's row
        "|---------|------|----|",
        "_Kyiv_ and **Odesa** were hit.",  # Markdown's emphasis
        "Zelensky Visits Washington",
    ):
        assert shape.line_shape(line.strip()).prose, line


def test_blocks_and_documents_mostly_of_code_are_not_prose() -> None:
    # A comment in a config file is its line too: fsck in "# run fsck on boot" is a command's name.
    assert shape.unshaped(FSTAB) == [(0, len(FSTAB))]
    text = PROSE * 4 + "\n" + INI + "\n# the address the server listens on\n" + PROSE * 4
    at = text.index("[server]")
    assert shape.unshaped(text) == [(at, at + len(INI))]  # a block of INI; the prose and its comment kept
    assert shape.unshaped(PROSE + "\n" + INI) == [(0, len(PROSE) + 1 + len(INI))]  # mostly INI: all of it
    one = PROSE + "The settings live in /etc/normalize/settings.toml, read at start.\nport = 8080\n"
    assert shape.unshaped(one) == [(len(one) - len("port = 8080\n"), len(one))]  # one line of a prose block
    assert shape.unshaped(PROSE * 3) == []


def test_a_line_the_markup_skips_is_not_measured() -> None:
    # A Markdown page's code block is not checked, and is not what its prose looks like.
    page = "# Setup\n\n" + PROSE + "\n```\n" + SHELL + "```\n\n" + PROSE
    fence = page.index("```")
    skip = [(fence, page.index("```\n\n") + 3)]
    assert shape.unshaped(page, skip) == []
    assert shape.unshaped(page) != []


def test_skipped_text_inside_a_line_is_masked_in_that_line_only() -> None:
    # Skipped text (an ignored span) that holds code leaves its line prose; the lines it does
    # not touch are read as they are written, and a line it fills wholly counts as no line.
    line = "Please send the report to the press office by Friday.\n"
    code = "port = 8080 path=/srv/app\n"
    text = line + "See " + code + line + code + "\n" + line
    inside = text.index(code)
    skip = [(inside, inside + len(code) - 1)]
    assert shape.unshaped(text, skip) == [(text.rindex(code), text.rindex(code) + len(code))]
    assert shape.unshaped(text, skip + [(text.rindex(code), text.rindex(code) + len(code) - 1)]) == []
    assert shape.unshaped(text, [(inside, inside + 4), (inside + 2, inside + len(code) - 1)]) == shape.unshaped(
        text, skip
    )


def test_fixes_on_lines_of_code_become_suggestions(fake_engine: Callable[[str], Report]) -> None:
    text = PROSE * 3 + "\n" + "[people]\nspokesman = Kmitry\nfile = /etc/kremlin/press.conf\n"
    report = check_document(text)
    assert [f.action for f in report.findings] == ["fix", "fix", "fix", "suggest"]
    assert report.findings[-1].start == text.rindex("Kmitry")
    demoted = report.findings[-1]
    assert demoted.replacement is None and demoted.suggestions[0] == "Dmitry"
    assert demoted.reason.endswith("suggested only: the line is not prose (code, paths, key=value)")
    assert fixed_text(text, report.fixes) == text.replace("Kmitry Peskov", "Dmitry Peskov")
    assert check_document(PROSE + "\n[people]\nspokesman = Kmitry\n").fixes == ()  # mostly code: all of it


@pytest.mark.parametrize("text", [FSTAB, INI, SHELL], ids=["fstab", "ini", "shell"])
def test_the_engine_fixes_nothing_in_config_like_text(text: str) -> None:
    # The engine read fsck as fuck and passwd as passed, and fixed them (0.98, 0.99).
    report = check_document(text)
    assert report.fixes == () and report.fixed == text
    for f in report.findings:
        assert f.action == "suggest" and f.replacement is None


def test_fsck_and_passwd_are_still_suggested() -> None:
    # A typo in a config file is still reported: suggestions at most, as codespell words them.
    found = {f.text: f for f in check_document(FSTAB + INI).findings}
    assert "fsck" in found and "passwd" in found
    assert found["fsck"].action == "suggest" and found["passwd"].action == "suggest"


def test_prose_beside_code_is_still_fixed() -> None:
    text = "Kremlin spokesman Kmitry Peskov said the file is at /etc/kremlin/press.conf.\n\nport = 8080\n"
    report = check_document(text)
    assert [(f.text, f.replacement) for f in report.fixes] == [("Kmitry", "Dmitry")]


def test_fix_leaves_a_config_file_as_it_was(runner: CliRunner, tmp_path: Path) -> None:
    from normalize.cli import cli

    path = tmp_path / "server.conf"
    path.write_bytes(INI.replace("\n", "\r\n").encode())
    r = runner.invoke(cli, ["fix", str(path)], catch_exceptions=False)
    assert r.exit_code == 1 and "0 fixed" in r.stderr  # (its suggestions fail the run, as any do)
    assert path.read_bytes() == INI.replace("\n", "\r\n").encode()
