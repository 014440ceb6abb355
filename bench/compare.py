"""Compare claimledger with two off-the-shelf extractors on the same gold documents.

usage: .venv/bin/python bench/compare.py [--gold ../shared/eval/dev/gold.jsonl]

Why: detect F1 says how many of the gold figures a tool finds at all; full F1
says how many it gets right in the fields the spec calls core (value,
category, measure, source). Two baselines put claimledger's numbers in context:

- quantulum3: a general quantity parser (numbers, units, spans) with no notion
  of events or sources;
- gdelt-regkg: a reconstruction of the GDELT GKG "Counts" field (KILL 12
  people, ARREST 3 suspects, ...), the closest widely used event-count output.

Each runs in its own virtual environment, built once and cached under
bench/.venv-quantulum and bench/.venv-gdelt (gdelt-regkg needs Python 3.12,
found on PATH or under pyenv, or given with --python312 /
CLAIMLEDGER_BENCH_PYTHON312). A small runner per tool (bench/runners/) reads
the gold documents and writes one claim per line in the spec's form; the
docstring of each runner says how the tool's output is mapped. claimledger
runs as `claimledger extract GOLD`. All three are scored by the shared scorer
(../shared/eval/score.py --json) and the table is printed and written to
bench/out/compare.md (with the predictions, pip logs and compare.json beside).

Exit status: 0 when every tool ran, 1 when one failed (its row says why).
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RUNNERS = BENCH / "runners"
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "dev" / "gold.jsonl"
DEFAULT_SCORER = ROOT.parent / "shared" / "eval" / "score.py"
STAMP = "bench-stamp.json"

# Pinned so that the table is reproducible; change a pin and the venv is rebuilt.
QUANTULUM_REQUIREMENTS = ["quantulum3==0.10.0"]
GDELT_REQUIREMENTS = ["gdelt-regkg==2.1.2"]

NOTES = {
    "quantulum3": "every dimensionless or currency quantity (and every one whose unit quantulum could not "
                  "place) is a claim at quantulum's span; lengths, durations, masses and percentages are "
                  "dropped; ranges → low/high; currency → category money, item the currency; otherwise "
                  "category and measure `other`; source null. Unit classifier off (see the runner).",
    "gdelt-regkg": "GKG count mentions grouped per number, span = the number; count types → measure "
                   "(KILL/CRISISLEX_T03_DEAD → killed, WOUND/…INJURED → wounded, both → killed_or_wounded, "
                   "ARREST/KIDNAP/SEIZE/…JAIL → captured, …MISSING… → missing, RELEASE_HOSTAGE → released, "
                   "DISPLACED/EVACUATION/REFUGEES → displaced, else other); category casualty for those "
                   "measures, else people; item = head of GDELT's object words, singular (default person); "
                   "value exact, bound `=`; source null.",
    "claimledger": "its own output (`claimledger extract`), unchanged.",
}


@dataclass
class Row:
    tool: str
    version: str = "?"
    python: str = ""
    status: str = "ok"
    seconds: float | None = None
    setup: str = ""
    pred: Path | None = None
    summary: dict[str, Any] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)


class BenchError(Exception):
    """A tool could not be set up or run; the message goes into its row."""


# -- interpreters and virtual environments ---------------------------------------------------

def python_version(exe: str) -> tuple[int, int] | None:
    """(major, minor) of a Python executable, or None when it does not run (e.g. an inactive pyenv shim)."""
    try:
        out = subprocess.run([exe, "-c", "import sys; print(*sys.version_info[:2])"], capture_output=True,
                             text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if out.returncode != 0:
        return None
    major, minor = out.stdout.split()
    return int(major), int(minor)


def find_python(minor: int, override: str | None) -> str:
    """A working Python 3.<minor>: the override, else PATH, else pyenv's versions, else /usr(/local)/bin."""
    if override:
        if python_version(override) is None:
            raise BenchError(f"{override} does not run")
        return override
    pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates = [shutil.which(f"python3.{minor}")]
    pyenv = glob.glob(str(pyenv_root / "versions" / f"3.{minor}.*" / "bin" / f"python3.{minor}"))
    # newest patch release first: .../versions/3.12.10/bin/python3.12 before 3.12.9
    candidates += sorted(pyenv, key=lambda p: [int(x) for x in Path(p).parts[-3].split(".") if x.isdigit()],
                         reverse=True)
    candidates += [f"/usr/local/bin/python3.{minor}", f"/usr/bin/python3.{minor}"]
    for exe in candidates:
        if exe and python_version(exe) == (3, minor):
            return exe
    raise BenchError(f"no Python 3.{minor} found (give its path with --python3{minor} "
                     f"or CLAIMLEDGER_BENCH_PYTHON3{minor})")


def ensure_venv(venv: Path, python: str, requirements: list[str], logs: Path,
                rebuild: bool) -> tuple[Path, str]:
    """The venv's python, building the venv when missing or stale; and a note on how long setup took."""
    exe = venv / "bin" / "python"
    want = {"python": python, "python_version": list(python_version(python) or ()),
            "requirements": requirements}
    stamp = venv / STAMP
    if not rebuild and stamp.is_file() and exe.is_file():
        have = json.loads(stamp.read_text(encoding="utf-8"))
        if all(have.get(k) == v for k, v in want.items()):
            return exe, f"cached (built in {have.get('seconds', '?')} s on {have.get('built', '?')})"
    if venv.exists():
        shutil.rmtree(venv)
    log = logs / f"pip-{venv.name.lstrip('.')}.log"
    print(f"building {venv.relative_to(ROOT)} with {python}: pip install {' '.join(requirements)} "
          f"(log: {os.path.relpath(log, ROOT)})", file=sys.stderr)
    t0 = time.perf_counter()
    with open(log, "w", encoding="utf-8") as fh:
        pip = [str(exe), "-m", "pip", "install", "--disable-pip-version-check", "--no-input"]
        for cmd in ([python, "-m", "venv", str(venv)], [*pip, *requirements]):
            fh.write("$ " + " ".join(cmd) + "\n")
            fh.flush()
            if subprocess.run(cmd, stdout=fh, stderr=subprocess.STDOUT).returncode != 0:
                shutil.rmtree(venv, ignore_errors=True)
                raise BenchError(f"`{' '.join(cmd[-3:])}` failed; see {os.path.relpath(log, ROOT)}")
    seconds = round(time.perf_counter() - t0, 1)
    stamp.write_text(json.dumps({**want, "seconds": seconds, "built": date.today().isoformat()}, indent=1),
                     encoding="utf-8")
    return exe, f"built now in {seconds} s"


# -- running and scoring -------------------------------------------------------------------------

def run_to_file(cmd: list[str], out: Path, err: Path) -> float:
    """Run cmd with stdout to `out`; wall-clock seconds. Raises BenchError with the stderr tail on failure."""
    t0 = time.perf_counter()
    with open(out, "w", encoding="utf-8") as fo, open(err, "w", encoding="utf-8") as fe:
        try:
            proc = subprocess.run(cmd, stdout=fo, stderr=fe, stdin=subprocess.DEVNULL, cwd=out.parent)
            rc = proc.returncode
        except OSError as exc:
            raise BenchError(f"cannot run {cmd[0]}: {exc.strerror}") from exc
    seconds = time.perf_counter() - t0
    if rc != 0:
        tail = err.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-1:] or ["(no message)"]
        raise BenchError(f"exit {rc}: {tail[0][:200]} (full log: {os.path.relpath(err, ROOT)})")
    return seconds


def run_runner(row: Row, venv: Path, python: str, requirements: list[str], runner: str, gold: Path,
               out: Path, rebuild: bool) -> None:
    row.version = requirements[0].partition("==")[2] or "?"  # the pin, until the runner reports its own
    exe, row.setup = ensure_venv(venv, python, requirements, out, rebuild)
    meta = out / f"meta-{row.tool}.json"
    row.pred = out / f"pred-{row.tool}.jsonl"
    row.seconds = run_to_file([str(exe), str(RUNNERS / runner), str(gold), "--meta", str(meta)], row.pred,
                              out / f"stderr-{row.tool}.log")
    row.meta = json.loads(meta.read_text(encoding="utf-8"))
    row.version, row.python = row.meta.get("version", "?"), row.meta.get("python", "")


def run_claimledger(row: Row, exe: Path, gold: Path, out: Path) -> None:
    try:
        said = subprocess.run([str(exe), "--version"], capture_output=True, text=True).stdout.split()
        row.version = said[-1] if said else "?"  # "claimledger 0.1.0"
        head = exe.read_text(encoding="utf-8", errors="replace").splitlines()[0]  # the script's #! line
    except OSError as exc:
        raise BenchError(f"cannot run {exe}: {exc.strerror}") from exc
    if head.startswith("#!"):
        version = python_version(head[2:].strip())
        row.python = ".".join(map(str, version)) if version else ""
    row.setup = "project venv"
    row.pred = out / "pred-claimledger.jsonl"
    row.seconds = run_to_file([str(exe), "extract", str(gold)], row.pred, out / "stderr-claimledger.log")


def score(scorer: Path, gold: Path, pred: Path) -> dict[str, Any]:
    res = subprocess.run([sys.executable, str(scorer), str(gold), str(pred), "--json"],
                         capture_output=True, text=True)
    if res.returncode != 0:
        raise BenchError(f"scorer failed: {res.stderr.strip()[-200:]}")
    return json.loads(res.stdout)


# -- the table ---------------------------------------------------------------------------------------

def render(rows: list[Row], gold: Path, docs: list[dict[str, Any]]) -> str:
    def f(x: float | None) -> str:
        return "—" if x is None else f"{x:.3f}"

    gold_claims = [c for d in docs for c in d.get("claims", [])]
    unsourced = sum(c.get("source") is None for c in gold_claims)
    lines = [f"Gold: `{os.path.relpath(gold, ROOT)}` — {len(docs)} documents, {len(gold_claims)} claims. "
             "Detect: a predicted claim overlaps a gold one; full: matched and value, category, measure "
             "and source all right (score.py).", "",
             "| tool | version | claims predicted | detect P | detect R | detect F1 | full F1 | time (s) |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        s = r.summary
        if r.status != "ok":
            lines.append(f"| {r.tool} | {r.version} | — | — | — | — | — | — |")
            continue
        d = s["detect"]
        lines.append(f"| {r.tool} | {r.version} | {s['predicted']} | {f(d['p'])} | {f(d['r'])} "
                     f"| {f(d['f1'])} | {f(s['full']['f1'])} | {r.seconds:.1f} |")
    lines += ["", "Time: wall clock of the whole run (interpreter start, model and rule loading included). "
              f"quantulum3 and gdelt-regkg attribute nothing (source null), so their full F1 can count only "
              f"the {unsourced} of {len(gold_claims)} gold claims that have no source."]
    ok = [r for r in rows if r.status == "ok"]
    if ok:
        fields = ("value", "category", "measure", "source", "item", "approx")
        lines += ["", "Field accuracy on the matched claims:", "",
                  "| tool | matched | " + " | ".join(fields) + " |", "|---|---:|" + "---:|" * len(fields)]
        for r in ok:
            acc = r.summary["field_accuracy"]
            lines.append(f"| {r.tool} | {r.summary['matched']} | "
                         + " | ".join(f(acc.get(k)) for k in fields) + " |")
    lines += ["", "How each tool's output was mapped to claims:", ""]
    for r in rows:
        extra = ""
        if r.meta:
            extra = (f" Load {r.meta.get('load_seconds')} s, extraction {r.meta.get('extract_seconds')} s"
                     f" (in the runner).")
        py = f", Python {r.python}" if r.python else ""
        setup = f"; environment: {r.setup}" if r.setup else ""
        status = "" if r.status == "ok" else f" **Failed: {r.status}**"
        lines.append(f"- **{r.tool}** ({r.version}{py}{setup}): {NOTES[r.tool]}{extra}{status}")
    return "\n".join(lines) + "\n"


def default_claimledger() -> Path:
    here = Path(sys.executable).parent / "claimledger"
    return here if here.is_file() else ROOT / ".venv" / "bin" / "claimledger"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD,
                    help="gold JSON Lines (default: ../shared/eval/dev/gold.jsonl)")
    ap.add_argument("--scorer", type=Path, default=Path(os.environ.get("CLAIMLEDGER_SCORER", DEFAULT_SCORER)),
                    help="the shared score.py (default: ../shared/eval/score.py, or $CLAIMLEDGER_SCORER)")
    ap.add_argument("--python312", default=os.environ.get("CLAIMLEDGER_BENCH_PYTHON312"),
                    help="Python 3.12 for gdelt-regkg (default: $CLAIMLEDGER_BENCH_PYTHON312, PATH, pyenv)")
    ap.add_argument("--python-quantulum", default=os.environ.get("CLAIMLEDGER_BENCH_PYTHON_QUANTULUM"),
                    help="Python for quantulum3 (default: the one running this script)")
    ap.add_argument("--claimledger", type=Path, default=default_claimledger(),
                    help="the claimledger command (default: next to this Python, else .venv/bin/claimledger)")
    ap.add_argument("--tools", default="quantulum3,gdelt-regkg,claimledger", help="comma-separated subset")
    ap.add_argument("--rebuild", action="store_true", help="rebuild the tools' virtual environments")
    ap.add_argument("--out", type=Path, default=BENCH / "out", help="output folder (default: bench/out)")
    a = ap.parse_args(argv)

    gold, out = a.gold.resolve(), a.out.resolve()
    for p in (gold, a.scorer):
        if not p.is_file():
            ap.error(f"{p} not found")
    out.mkdir(parents=True, exist_ok=True)
    with open(gold, encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]

    rows: list[Row] = []
    for tool in a.tools.split(","):
        row = Row(tool)
        print(f"running {tool} ...", file=sys.stderr)
        try:
            if tool == "quantulum3":
                run_runner(row, BENCH / ".venv-quantulum", a.python_quantulum or sys.executable,
                           QUANTULUM_REQUIREMENTS, "quantulum_runner.py", gold, out, a.rebuild)
            elif tool == "gdelt-regkg":
                run_runner(row, BENCH / ".venv-gdelt", find_python(12, a.python312), GDELT_REQUIREMENTS,
                           "gdelt_runner.py", gold, out, a.rebuild)
            elif tool == "claimledger":
                run_claimledger(row, a.claimledger, gold, out)
            else:
                ap.error(f"unknown tool {tool!r}")
            assert row.pred is not None
            row.summary = score(a.scorer, gold, row.pred)
        except BenchError as exc:
            row.status = str(exc)
            print(f"{tool}: {exc}", file=sys.stderr)
        rows.append(row)

    table = render(rows, gold, docs)
    print(table)
    (out / "compare.md").write_text(table, encoding="utf-8")
    (out / "compare.json").write_text(json.dumps(
        [{"tool": r.tool, "version": r.version, "python": r.python, "status": r.status, "seconds": r.seconds,
          "setup": r.setup, "meta": r.meta, "score": r.summary} for r in rows], indent=1), encoding="utf-8")
    print(f"written to {out / 'compare.md'}", file=sys.stderr)
    return 0 if all(r.status == "ok" for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
