"""The hooks in .pre-commit-hooks.yaml, run by the real pre-commit in a temporary git repo.

The test config is ``repo: local`` with ``language: system`` and each hook's
entry, files and types copied from the manifest, so what runs is the manifest
with the normalize already installed here on PATH: a ``repo: <url>`` config
would make pre-commit pip-install normalize and its dependencies into a fresh
virtualenv, which needs the network (docs/workflow.md shows that config).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = (
    "# Talks resume\n"
    "\n"
    "Kremlin spokesman Kmitry Peskov said on Monday that talks would resume.\n"
    "\n"
    "```\n"
    "Kmitry = 'a variable, not a name'\n"
    "```\n"
)
FIXED = ARTICLE.replace("spokesman Kmitry", "spokesman Dmitry")

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(
        not Path(sys.executable).with_name("normalize").exists(),
        reason=f"console script not installed next to {sys.executable}",
    ),
]


def manifest() -> dict[str, dict[str, Any]]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    return {h["id"]: h for h in hooks}


def test_manifest_declares_both_hooks() -> None:
    hooks = manifest()
    assert set(hooks) == {"normalize-check", "normalize-fix"}
    for h in hooks.values():
        assert h["language"] == "python"
        assert h["entry"].split()[0] == "normalize"


def test_the_hooks_take_the_files_a_folder_check_takes() -> None:
    # They took .txt, .md, .markdown, .rst, .html and .htm in lower case: a commit of notes.adoc,
    # guide.org, page.xhtml or README.TXT went unchecked, though `normalize check DIR` reads them.
    import re

    from normalize.discover import PROSE

    snippets = [yaml.safe_load(readme_hook_config())["repos"][0]["hooks"][0]]
    workflow = (ROOT / "docs" / "workflow.md").read_text()
    start = workflow.index("```yaml\n") + len("```yaml\n")
    snippets.append(yaml.safe_load(workflow[start : workflow.index("```", start)])["repos"][0]["hooks"][0])
    for hook in [*manifest().values(), *snippets]:
        files = re.compile(hook["files"])
        for ext in PROSE:
            assert files.search(f"desk/story{ext}") and files.search(f"desk/STORY{ext.upper()}"), (hook["id"], ext)
        assert not any(files.search(p) for p in ("setup.py", "notes.txt.orig", "data.json", "story.md/x.py"))


class Repo:
    def __init__(self, tmp: Path) -> None:
        self.dir = tmp / "repo"
        self.dir.mkdir()
        home = tmp / "home"
        home.mkdir()
        self.env = {
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
            "HOME": str(home),
            "PRE_COMMIT_HOME": str(tmp / "pre-commit-home"),
            "GIT_AUTHOR_NAME": "Test Writer",
            "GIT_AUTHOR_EMAIL": "writer@example.org",
            "GIT_COMMITTER_NAME": "Test Writer",
            "GIT_COMMITTER_EMAIL": "writer@example.org",
            "GIT_CONFIG_NOSYSTEM": "1",
            "NO_COLOR": "1",
            "LANG": "C.UTF-8",
        }
        self.git("init", "-q")

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            args,
            cwd=self.dir,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
            stdin=subprocess.DEVNULL,
        )

    def git(self, *args: str) -> subprocess.CompletedProcess[str]:
        done = self.run("git", *args)
        assert done.returncode == 0, done.stderr
        return done

    def configure(self, hook_id: str) -> None:
        hook = dict(manifest()[hook_id], language="system")
        config = {"repos": [{"repo": "local", "hooks": [hook]}]}
        (self.dir / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))
        done = self.run(sys.executable, "-m", "pre_commit", "install")
        assert done.returncode == 0, done.stdout + done.stderr

    def commit(self, message: str) -> subprocess.CompletedProcess[str]:
        return self.run("git", "commit", "-m", message)


@pytest.mark.slow  # the real pre-commit in a temporary repository
def test_fix_hook_fixes_shows_the_diff_and_fails_until_restaged(tmp_path: Path) -> None:
    repo = Repo(tmp_path)
    repo.configure("normalize-fix")
    story = repo.dir / "story.md"
    story.write_text(ARTICLE)
    repo.git("add", "story.md", ".pre-commit-config.yaml")

    first = repo.commit("Add the story")
    out = first.stdout + first.stderr
    assert first.returncode == 1, out
    assert "normalize fix" in out and "Failed" in out
    assert "files were modified by this hook" in out
    assert "-Kremlin spokesman Kmitry Peskov said" in out
    assert "+Kremlin spokesman Dmitry Peskov said" in out
    assert "1 file checked, 1 finding, 1 fixed, 0 left to review" in out
    assert story.read_text() == FIXED  # the code block keeps its "Kmitry"
    assert repo.run("git", "rev-parse", "HEAD").returncode != 0  # nothing committed

    repo.git("add", "story.md")
    second = repo.commit("Add the story")
    assert second.returncode == 0, second.stdout + second.stderr
    assert "normalize fix" in second.stderr and "Passed" in second.stderr
    assert repo.git("show", "HEAD:story.md").stdout == FIXED


@pytest.mark.slow  # the real pre-commit in a temporary repository
def test_check_hook_reports_and_blocks_the_commit(tmp_path: Path) -> None:
    repo = Repo(tmp_path)
    repo.configure("normalize-check")
    story = repo.dir / "story.md"
    story.write_text(ARTICLE)
    (repo.dir / "script.py").write_text("Kmitry = 1  # not prose: the files pattern leaves it out\n")
    repo.git("add", "story.md", "script.py", ".pre-commit-config.yaml")

    done = repo.commit("Add the story")
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "story.md:3:19: person 'Kmitry' -> 'Dmitry'" in out
    assert "script.py" not in out
    assert story.read_text() == ARTICLE  # check never writes

    story.write_text(FIXED)
    repo.git("add", "story.md")
    done = repo.commit("Add the story")
    assert done.returncode == 0, done.stdout + done.stderr


def readme_hook_config() -> str:
    """The first YAML block of the README's pre-commit section, exactly as a user pastes it."""
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("### As a pre-commit hook") :]
    start = section.index("```yaml\n") + len("```yaml\n")
    return section[start : section.index("```", start)]


@pytest.mark.slow  # the real pre-commit in a temporary repository
def test_readme_snippet_works_as_pasted_and_suggestions_do_not_block(tmp_path: Path) -> None:
    """Items 2 and 4: the README's block, pasted; the fix hook fails only when it changed a file."""
    repo = Repo(tmp_path)
    (repo.dir / ".pre-commit-config.yaml").write_text(readme_hook_config())
    done = repo.run(sys.executable, "-m", "pre_commit", "install")
    assert done.returncode == 0, done.stdout + done.stderr
    story = repo.dir / "story.md"
    # Kmitry is a fix; Quillfeathr, a name no list has, at most a suggestion
    story.write_text(ARTICLE + "\nMayor Marta Quillfeathr opened the bridge.\n")
    repo.git("add", "story.md", ".pre-commit-config.yaml")
    first = repo.commit("Add the story")
    out = first.stdout + first.stderr
    assert first.returncode == 1 and "files were modified by this hook" in out, out
    assert "+Kremlin spokesman Dmitry Peskov said" in out
    repo.git("add", "story.md")
    second = repo.commit("Add the story")
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Passed" in second.stderr
