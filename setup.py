"""The one build step pyproject.toml cannot declare: compiling dictionaries/*.tsv into compiled.bin.

setuptools runs ``build_py`` for a wheel (``pip install .``, ``python -m build``) and for
an editable install (``pip install -e .``); this one also runs
scripts/compile_dictionaries.py (about 30 s, 1.1 GB of memory), with the
[build-system] requirements (wordsegment's counts, rapidfuzz). A wheel gets the file
in its build folder; an editable install maps ``normalize.dictionaries`` to
dictionaries/, so the file is written there (git-ignored). The sdist ships the TSVs
and the compiler, never the binary (MANIFEST.in). Everything else is in pyproject.toml.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
COMPILED = "compiled.bin"


class build_py_and_compile(build_py):  # noqa: N801 - setuptools' command naming
    def run(self) -> None:
        super().run()
        source = HERE / self.get_package_dir("normalize.dictionaries")
        target = source if self.editable_mode else Path(self.build_lib, "normalize", "dictionaries")
        target.mkdir(parents=True, exist_ok=True)
        compiler = HERE / "scripts" / "compile_dictionaries.py"
        command = [sys.executable, str(compiler), "--dictionaries", str(source), "--out", str(target / COMPILED)]
        self.announce(f"compiling {source} into {target / COMPILED}", level=2)
        subprocess.run(command, check=True)  # its own process: the compiler's memory is freed at once

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = super().get_outputs(include_bytecode)
        if not self.editable_mode:
            outputs.append(str(Path(self.build_lib, "normalize", "dictionaries", COMPILED)))
        return outputs


setup(cmdclass={"build_py": build_py_and_compile})
