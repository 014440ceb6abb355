"""What the ledger holds reaches people safely, and bad settings fail in one line.

Report text and ids are untrusted. The ledger here is built the way a user
builds one: `claimledger ingest` of small reports written below, one JSON
Lines file read by the extractor and one annotated file whose coded claims
carry hostile ids, items and names. Every string from it may hold rich markup
("[bold red]x[/]", a lone "[/]" that makes rich raise MarkupError) and
terminal control sequences (colours, a screen clear, a window-title OSC, a
bell, a carriage return, an 8-bit CSI, a direction override). The pins:

- tables and listings print all of it as typed: markup shown, never parsed;
  control characters shown as visible escapes (display.py), never sent;
- JSON keeps it exactly;
- CSV neutralises cells a spreadsheet would run as formulas (OWASP), numbers
  excepted;
- a mistyped setting, a malformed user YAML file or an unwritable plot path
  is one error line with exit 2, never a traceback.

Everything runs through `claimledger.cli.main`, in process, on SQLite ledgers
in temporary directories.
"""
from __future__ import annotations

import contextlib
import csv
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from claimledger.display import clean, clean_with_offsets, text
from claimledger.store.export import neutralise
from test_cli import Run, run

ERROR = "claimledger: error: "
# Environment variables that make rich treat captured output as a terminal.
_TERMINAL_ENV = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "CLICOLOR_FORCE", "NO_COLOR")

# Markup rich would parse (the lone closing tag makes it raise MarkupError) and control sequences a
# terminal would act on: colour and reset, clear screen, set the window title (OSC, ended by a bell),
# a carriage return that overwrites the line, the 8-bit CSI, a right-to-left override.
MARKUP = "[bold red]x[/]"
CONTROLS = "\x1b[31mred\x1b[0m \x1b[2J \x1b]0;pwned\x07 back\roops \x9b2J \u202eevil"
HOSTILE = f"{MARKUP} [/] {CONTROLS}"
CALC = "=cmd|' /C calc'!A0"
SUM = "@SUM(1+1)"
# What a reader sees instead of CONTROLS: every control character escaped, the rest as typed.
CONTROLS_SHOWN = r"\x1b[31mred\x1b[0m \x1b[2J \x1b]0;pwned\x07 back\x0doops \x9b2J \u202eevil"

# Ids: a lone closing tag; markup and a colour code; a formula.
DOC_MINISTRY = "[/]"
DOC_NGO = f"{SUM}{MARKUP}\x1b[31m"
DOC_READ = "kyiv[/]-\x1b[31m0412"  # read by the extractor, not coded
SOURCE_NAMES = {
    "MIN[/]": f"[bold]Ministry[/] {CONTROLS}",
    # "$...$" is mathtext to matplotlib, and this one does not parse: the plot must draw it as typed.
    "=NGO": f"US$\\frac{{ NGO$ {MARKUP}\x07",
    "ATL": "[/]Atlantis\x1b[2J",
    SUM: "relay\r\x9b",
}


def _coded(doc_id: str, publisher: str, text: str, figure: str, value: int, source: str) -> dict:
    """An annotated report (the gold form of spec/claims.md) with one coded claim on ``figure``."""
    start = text.index(figure)
    return {
        "id": doc_id, "published": "2025-04-12", "publisher": publisher, "text": text,
        "claims": [{"start": start, "end": start + len(figure), "value": value, "item": CALC,
                    "category": "people", "measure": "displaced", "location": "ATL", "cumulative": True,
                    "source": source, "via": [SUM], "names": SOURCE_NAMES}],
    }


# Two originators disagree on one total on one day: a series, a timeline, a conflict, two sources.
CODED = [
    _coded(DOC_MINISTRY, "AP", f"The ministry said 1,200 people were displaced in Atlantis. {HOSTILE}\nMore.",
           "1,200", 1200, "MIN[/]"),
    # The claim's sentence, its CSV evidence, starts with a formula.
    _coded(DOC_NGO, "AFP", f"{CALC} said 9,000 people were displaced in Atlantis. {SUM} {HOSTILE}",
           "9,000", 9000, "=NGO"),
]
READ = [{
    "id": DOC_READ, "published": "2025-04-12", "publisher": "KYIV-INDEPENDENT",
    "text": f"Russia launched 140 attack drones at Ukraine overnight, Ukraine's air force said. {HOSTILE}\n\n"
            "Air defence units shot down 97 of the drones, the air force said.",
}]


@contextlib.contextmanager
def plain_environment(directory: Path, **env: str) -> Iterator[None]:
    """A working directory without claimledger.toml, wide output, no variable forcing a terminal but ``env``."""
    with pytest.MonkeyPatch.context() as mp:
        for name in _TERMINAL_ENV:
            mp.delenv(name, raising=False)
        mp.setenv("COLUMNS", "220")
        for name, value in env.items():
            mp.setenv(name, value)
        mp.chdir(directory)
        yield


def one_error_line(r: Run) -> str:
    """The single line a failing command writes; fails on a traceback or several lines."""
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(ERROR), r.err
    return lines[0]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


@dataclass
class Ledger:
    db: Path
    series: str  # the id of the series the coded claims fall in


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Ledger:
    work = tmp_path_factory.mktemp("hostile")
    db = work / "ledger.db"
    with plain_environment(work):
        for argv in (["ingest", "--quiet", write_jsonl(work / "read.jsonl", READ)],
                     ["ingest", "--quiet", "--annotated", write_jsonl(work / "coded.jsonl", CODED)]):
            r = run(["--db", db, *argv])
            assert r.code == 0, r.err
        r = run(["--db", db, "series", "--json"])
    ids = [s["id"] for s in json.loads(r.out) if "displaced" in s["id"]]
    assert len(ids) == 1, r.out
    return Ledger(db, ids[0])


@pytest.fixture(autouse=True)
def _plain(tmp_path: Path) -> Iterator[None]:
    with plain_environment(tmp_path):
        yield


# -- the helpers of display.py --------------------------------------------------

@pytest.mark.parametrize(("raw", "shown"), [
    ("plain words", "plain words"),
    (MARKUP, MARKUP),  # markup is not display.py's business: Text never parses it
    ("\x1b[31mred\x1b[0m", r"\x1b[31mred\x1b[0m"),
    ("ring\x07", r"ring\x07"),
    ("over\rwrite", r"over\x0dwrite"),
    ("8-bit \x9b2J", r"8-bit \x9b2J"),
    ("del\x7f", r"del\x7f"),
    ("\u202eevil", r"\u202eevil"),
    ("lines\nand\ttabs", "lines\nand\ttabs"),  # layout, kept
    ("windows\r\nline", "windows\nline"),  # one line break
    (None, ""),
    (42, "42"),
], ids=["plain", "markup", "ansi", "bell", "cr", "c1", "del", "bidi", "newline-tab", "crlf", "none", "number"])
def test_clean_escapes_control_characters(raw, shown):
    assert clean(raw) == shown
    assert text(raw).plain == shown


def test_clean_with_offsets_moves_claim_offsets():
    raw = "a\x1b[1mb\r\nc 140 drones"
    shown, at = clean_with_offsets(raw)
    assert shown == clean(raw) == "a\\x1b[1mb\nc 140 drones"
    start = raw.index("140")
    assert shown[at[start]:at[start + 3]] == "140"
    assert len(at) == len(raw) + 1 and at[-1] == len(shown)


# -- tables and listings: as typed, nothing sent to the terminal -----------------

# Control characters a terminal acts on, newline and tab apart.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _commands(ledger: Ledger) -> dict[str, list[object]]:
    return {
        "claims": ["claims"],
        "show-lone-closing-tag": ["show", DOC_MINISTRY],
        "show-markup-id": ["show", DOC_NGO],
        "show-extracted": ["show", DOC_READ],
        "series": ["series"],
        "timeline": ["timeline", ledger.series],
        "conflicts": ["conflicts"],
        "sources": ["sources"],
    }


# What each listing must show, escaped and as typed: ids, items, names and text from the reports.
SHOWN = {
    "claims": [DOC_MINISTRY, clean(DOC_NGO), clean(DOC_READ), CALC, "MIN[/]", SUM],
    "show-lone-closing-tag": [MARKUP, CONTROLS_SHOWN, f"({DOC_MINISTRY}#"],
    "show-markup-id": [clean(DOC_NGO), MARKUP, CONTROLS_SHOWN],
    # The extractor reads the digits inside the colour codes as figures ("\x1b[31[2]m"): marks split them.
    "show-extracted": [clean(DOC_READ), MARKUP, r"pwned\x07 back\x0doops", r"\u202eevil"],
    "series": [clean(SOURCE_NAMES["ATL"])],
    "timeline": [clean(SOURCE_NAMES["MIN[/]"]), f"{DOC_MINISTRY}#", clean(SOURCE_NAMES[SUM])],
    "conflicts": ["[bold]Ministry[/]", r"\x1b]0;pwned\x07", "NGO$ [bold red]x[/]\\x07", f"{DOC_MINISTRY}#"],
    "sources": ["MIN[/]", clean(SOURCE_NAMES["MIN[/]"]), clean(SOURCE_NAMES[SUM])],
}


@pytest.mark.parametrize("command", list(SHOWN))
def test_listing_shows_ledger_text_as_typed(ledger: Ledger, command: str):
    r = run(["--db", ledger.db, *_commands(ledger)[command]])
    assert r.code == 0, r.err
    assert not _CONTROL.findall(r.out)
    for fragment in SHOWN[command]:
        assert fragment in r.out, (fragment, r.out)


# Styles are rich's own SGR sequences ("\x1b[1;31m", "\x1b[0m"); nothing else starts with ESC.
_SGR = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize("command", list(SHOWN))
def test_terminal_output_carries_only_richs_own_styles(ledger: Ledger, command: str, tmp_path: Path):
    with plain_environment(tmp_path, FORCE_COLOR="1"):
        r = run(["--db", ledger.db, *_commands(ledger)[command]])
    assert r.code == 0, r.err
    assert _SGR.search(r.out), "expected a styled terminal output"
    assert not _CONTROL.findall(_SGR.sub("", r.out))
    # The report's own sequences are all there, escaped, and none of them raw.
    assert "\x1b[2J" not in r.out and "\x1b]0;" not in r.out and "\x1b[31mred" not in r.out


def test_json_keeps_ledger_text_exactly(ledger: Ledger):
    r = run(["--db", ledger.db, "claims", "--json"])
    assert r.code == 0, r.err
    claims = json.loads(r.out)
    assert {c["doc"] for c in claims} == {DOC_MINISTRY, DOC_NGO, DOC_READ}
    coded = next(c for c in claims if c["doc"] == DOC_MINISTRY)
    assert coded["item"] == CALC and coded["via"] == [SUM] and coded["names"] == SOURCE_NAMES
    r = run(["--db", ledger.db, "show", DOC_READ, "--json", "--no-frames"])
    assert json.loads(r.out)["document"]["text"] == READ[0]["text"]


# -- CSV export: no formulas ------------------------------------------------------

@pytest.mark.parametrize(("cell", "written"), [
    (CALC, "'" + CALC),
    (SUM, "'" + SUM),
    ("+CALL()", "'+CALL()"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("\tindented", "'\tindented"),
    ("\rreturn", "'\rreturn"),
    ("-5", "-5"),  # plain numbers stay numbers
    ("+3.2", "+3.2"),
    ("-1e5", "-1e5"),
    ("-inf", "'-inf"),  # a spreadsheet reads this as a name, not a number
    ("plain text", "plain text"),
    ("a = b", "a = b"),  # only the first character counts
])
def test_neutralise(cell: str, written: str):
    assert neutralise(cell) == written


def test_csv_export_neutralises_formula_cells(ledger: Ledger, tmp_path: Path):
    out = tmp_path / "claims.csv"
    r = run(["--db", ledger.db, "export", "--format", "csv", "-o", out])
    assert r.code == 0, r.err
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    # One row per claim: the "\r" in the evidence did not end a row early.
    assert len(rows) == len(json.loads(run(["--db", ledger.db, "claims", "--json"]).out))
    assert all(None not in row and None not in row.values() for row in rows)
    ngo = next(row for row in rows if row["source"] == "'=NGO")  # the source id itself is a formula
    assert ngo["doc"] == "'" + DOC_NGO and ngo["id"].startswith("'" + SUM)
    assert ngo["item"] == "'" + CALC and ngo["via"] == "'" + SUM
    assert ngo["evidence"].startswith("'" + CALC + " said 9,000")
    # Numbers and everything else as they were.
    assert (ngo["value"], ngo["start"], ngo["category"]) == ("9000", str(len(CALC) + 6), "people")
    ministry = next(row for row in rows if row["doc"] == DOC_MINISTRY)
    assert ministry["source"] == "MIN[/]" and ministry["value"] == "1200"
    for row in rows:
        for column, cell in row.items():
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), (column, cell)
            assert not cell.startswith("-") or re.fullmatch(r"-[\d.]+", cell), (column, cell)


def test_jsonl_export_is_exact(ledger: Ledger, tmp_path: Path):
    out = tmp_path / "claims.jsonl"
    assert run(["--db", ledger.db, "export", "-o", out]).code == 0
    claims = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {(c["doc"], c["item"]) for c in claims if c["source"] == "=NGO"} == {(DOC_NGO, CALC)}


# -- configuration errors: one line, exit 2 -----------------------------------------

@pytest.mark.parametrize(("toml", "key", "expected"), [
    ("db = 5", "db", "must be a string"),
    ("gazetteer = true", "gazetteer", "must be a string or a list of strings"),
    ('gazetteer = ["mine.yaml", 3]', "gazetteer", "must be a string or a list of strings"),
    ('lexicon = ["words.yaml"]', "lexicon", "must be a string"),
    ("model = 1.5", "model", "must be a string"),
    ('decisions = ""', "decisions", "must be a string"),
    ('[db]\npath = "ledger.db"', "db", "must be a string"),
    ('colour = "red"', "colour", "unknown settings"),
], ids=["db-int", "gazetteer-bool", "gazetteer-list-int", "lexicon-list", "model-float", "decisions-empty",
        "db-table", "unknown-key"])
def test_mistyped_setting_is_one_line(tmp_path: Path, toml: str, key: str, expected: str):
    config = tmp_path / "settings.toml"
    config.write_text(toml + "\n", encoding="utf-8")
    r = run(["--config", config, "claims", "--json"])
    assert r.code == 2
    line = one_error_line(r)
    assert str(config) in line and repr(key) in line and expected in line, line
    assert r.out == ""
    assert not (tmp_path / "claimledger.db").exists()


def test_settings_file_not_utf8_is_one_line(tmp_path: Path):
    config = tmp_path / "settings.toml"
    config.write_bytes(b'db = "caf\xe9.db"\n')
    r = run(["--config", config, "claims"])
    assert r.code == 2
    assert str(config) in one_error_line(r)


# (file contents, where the problem is) for gazetteer and lexicon files alike.
BAD_YAML = [
    ("places:\n  - {id: atlantis, names: [Atlantis]\n  - oops\n", "line 3, column 3"),
    ("places:\n  - {id: atlantis}\n bad: indent\n", "line 3, column"),
    ("places: [\n", "line 2, column 1"),
    ("places:\n  - {id: atl\x07antis}\n", "line 2, column 13"),  # a character YAML refuses
]


def _extract(tmp_path: Path, *options: object) -> Run:
    """`extract` one sentence: it loads the gazetteer and the lexicon, then reads a report."""
    report = tmp_path / "report.txt"
    report.write_text("Russia launched 140 drones at Ukraine overnight, the air force said.\n", encoding="utf-8")
    return run([*options, "extract", report])


@pytest.mark.parametrize(("content", "where"), BAD_YAML, ids=["flow", "indent", "unclosed", "bell"])
def test_malformed_gazetteer_names_file_line_and_column(tmp_path: Path, content: str, where: str):
    path = tmp_path / "mine.yaml"
    path.write_text(content, encoding="utf-8")
    r = _extract(tmp_path, "--gazetteer", path)
    assert r.code == 2
    line = one_error_line(r)
    assert str(path) in line and where in line and "not valid YAML" in line, line


@pytest.mark.parametrize(("content", "where"), BAD_YAML, ids=["flow", "indent", "unclosed", "bell"])
def test_malformed_lexicon_names_file_line_and_column(tmp_path: Path, content: str, where: str):
    path = tmp_path / "words.yaml"
    path.write_text(content.replace("places", "items"), encoding="utf-8")
    config = tmp_path / "settings.toml"
    config.write_text(f"lexicon = {json.dumps(str(path))}\n", encoding="utf-8")
    r = _extract(tmp_path, "--config", config)
    assert r.code == 2
    line = one_error_line(r)
    assert str(path) in line and where in line and "not valid YAML" in line, line


@pytest.mark.parametrize(("content", "says"), [
    ("items: 5\n", "'items' must be a mapping"),
    ("items:\n  weapon: tank\n", "items.weapon must be a list of words"),
    ("reporting_verbs: {say: 1}\n", "'reporting_verbs' must be a list of words"),
])
def test_lexicon_of_the_wrong_shape_is_one_line(tmp_path: Path, content: str, says: str):
    path = tmp_path / "words.yaml"
    path.write_text(content, encoding="utf-8")
    config = tmp_path / "settings.toml"
    config.write_text(f"lexicon = {json.dumps(str(path))}\n", encoding="utf-8")
    r = _extract(tmp_path, "--config", config)
    assert r.code == 2
    line = one_error_line(r)
    assert str(path) in line and says in line, line


# -- the timeline plot ------------------------------------------------------------

def test_plot_draws_report_text_as_typed(ledger: Ledger, tmp_path: Path):
    # A source named "US$\frac{ NGO$" is not mathtext to draw but text.
    out = tmp_path / "timeline.png"
    r = run(["--db", ledger.db, "timeline", ledger.series, "--plot", out])
    assert r.code == 0, r.err
    assert out.stat().st_size > 1000
    assert f"wrote {out} (2 marks)" in r.err


def _unwritable(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Plot paths that cannot be written, with the reason the message gives."""
    a_file = tmp_path / "a-file"
    a_file.write_text("", encoding="utf-8")
    (tmp_path / "a-directory.png").mkdir()
    return {
        "missing-directory": (tmp_path / "nonexistent" / "dir" / "x.png", "No such file or directory"),
        "parent-is-a-file": (a_file / "x.svg", "Not a directory"),
        "path-is-a-directory": (tmp_path / "a-directory.png", "Is a directory"),
        "html-in-missing-directory": (tmp_path / "nonexistent" / "x.html", "No such file or directory"),
    }


@pytest.mark.parametrize("case", ["missing-directory", "parent-is-a-file", "path-is-a-directory",
                                  "html-in-missing-directory"])
def test_unwritable_plot_path_is_one_line(ledger: Ledger, tmp_path: Path, case: str):
    path, reason = _unwritable(tmp_path)[case]
    r = run(["--db", ledger.db, "timeline", ledger.series, "--plot", path])
    assert r.code == 2
    line = one_error_line(r)
    assert str(path) in line and reason in line, line


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only directories")
def test_plot_into_a_read_only_directory_is_one_line(ledger: Ledger, tmp_path: Path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        r = run(["--db", ledger.db, "timeline", ledger.series, "--plot", locked / "x.png"])
    finally:
        locked.chmod(0o700)
    assert r.code == 2
    line = one_error_line(r)
    assert str(locked / "x.png") in line and "Permission denied" in line, line
