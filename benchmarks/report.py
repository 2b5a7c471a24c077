"""Results files: each script writes its section; latest.md and latest.json join them."""

from __future__ import annotations

import json
import platform
import time
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"
SECTIONS = ("accuracy", "misspellings", "other_news", "speed")


def write_section(name: str, markdown: str, data: dict[str, Any]) -> None:
    RESULTS.mkdir(exist_ok=True)
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    data = {"generated": stamp, "machine": f"{platform.machine()}, Python {platform.python_version()}", **data}
    (RESULTS / f"{name}.md").write_text(markdown.rstrip() + f"\n\n_Generated {stamp}._\n", encoding="utf-8")
    (RESULTS / f"{name}.json").write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    parts, merged = [], {}
    for section in SECTIONS:
        md, js = RESULTS / f"{section}.md", RESULTS / f"{section}.json"
        if md.exists():
            parts.append(md.read_text(encoding="utf-8").rstrip())
        if js.exists():
            merged[section] = json.loads(js.read_text(encoding="utf-8"))
    (RESULTS / "latest.md").write_text("# Latest benchmark results\n\n" + "\n\n".join(parts) + "\n", encoding="utf-8")
    (RESULTS / "latest.json").write_text(json.dumps(merged, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    _update_readme("\n\n".join(p.replace("\n## ", "\n### ").replace("## ", "### ", 1) for p in parts))


def _update_readme(body: str) -> None:
    """Put the latest results between the README's markers."""
    readme = RESULTS.parent / "README.md"
    if not readme.exists():
        return
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- results:start -->", "<!-- results:end -->"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        tail = rest.split(end, 1)[1]
        readme.write_text(f"{head}{start}\n{body}\n{end}{tail}", encoding="utf-8")


def table(header: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f}" if d else "–"
