"""What the bench scripts share: writing a report to bench/out and to the terminal."""
from __future__ import annotations

import time
from pathlib import Path


def write_report(lines: list[str], started: float, out: str | Path) -> None:
    """The report's lines, with the time taken, to ``out`` and to standard output."""
    lines = [*lines, f"\n({time.time() - started:.0f} s)"]
    text = "\n".join(lines) + "\n"
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text(text, encoding="utf-8")
    print(text)
