"""The ledger as a record, through the CLI: document versions and aliases, re-extraction, deletion only
with --force, read commands that never create a ledger, a read-only ledger refused before any work, and
the command line's contract (global options on either side, one-line usage errors, allowed values).

Every report here is a sentence of our own; every ledger a real SQLite file in the test's directory.
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimledger.cli import EXIT_INPUTS_FAILED
from claimledger.store import open_store
from test_cli import ERROR, SUMMARY, cli, error_lines, plain_environment


@pytest.fixture(autouse=True)
def _plain(tmp_path: Path) -> Iterator[None]:
    with plain_environment(tmp_path):
        yield


FLOODS = "The interior ministry said on Monday that {n} people had died in the floods in the north."


def report(path: Path, doc_id: str, n: int, **fields: str) -> Path:
    """A one-line JSONL file holding one report about the floods, with `n` dead."""
    record = {"id": doc_id, "text": FLOODS.format(n=n), "published": "2025-03-27", "publisher": "AFP", **fields}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def summary(err: str) -> dict[str, int]:
    m = SUMMARY.match(err.strip().splitlines()[-1])
    assert m, err
    return {k: int(v) for k, v in m.groupdict().items()}


def values(db: Path, doc: str) -> list[float]:
    with open_store(db) as store:
        return [c.value for c in store.claims(doc=doc)]


# -- versions and aliases ----------------------------------------------------------


def test_a_corrected_report_is_a_new_version_and_the_first_stays_readable(tmp_path: Path, capsys) -> None:
    db = tmp_path / "l.db"
    assert cli(capsys, "--db", db, "ingest", report(tmp_path / "a.jsonl", "floods-1", 40)).code == 0
    r = cli(capsys, "--db", db, "ingest", report(tmp_path / "b.jsonl", "floods-1", 52))
    assert r.code == 0, r.err
    assert (summary(r.err)["new"], summary(r.err)["versions"]) == (0, 1)
    assert values(db, "floods-1") == [52]  # the correction is current: no forked "floods-1~..." document

    shown = json.loads(cli(capsys, "--db", db, "show", "floods-1", "--json", "--no-frames").out)
    assert "52 people" in shown["document"]["text"]
    old = json.loads(cli(capsys, "--db", db, "show", "floods-1", "--version", "1", "--json", "--no-frames").out)
    assert "40 people" in old["document"]["text"] and [c["value"] for c in old["claims"]] == [40]

    listed = json.loads(cli(capsys, "--db", db, "documents", "floods-1", "--json").out)
    assert [(v["version"], v["current"]) for v in listed["versions"]] == [(1, False), (2, True)]
    assert [v["origin"] for v in listed["versions"]] == [str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")]

    r = cli(capsys, "--db", db, "show", "floods-1", "--version", "3")
    assert r.code == 4 and "no version 3" in r.err


def test_a_changed_url_alone_is_a_version_not_dropped(tmp_path: Path, capsys) -> None:
    db = tmp_path / "l.db"
    cli(capsys, "--db", db, "ingest", report(tmp_path / "a.jsonl", "floods-1", 40, url="https://example.org/a"))
    r = cli(capsys, "--db", db, "ingest", report(tmp_path / "b.jsonl", "floods-1", 40, url="https://example.org/b"))
    assert summary(r.err)["versions"] == 1
    with open_store(db) as store:
        assert store.document("floods-1").url == "https://example.org/b"


def test_identical_text_under_another_id_is_an_alias(tmp_path: Path, capsys) -> None:
    db = tmp_path / "l.db"
    cli(capsys, "--db", db, "ingest", report(tmp_path / "a.jsonl", "floods-1", 40))
    r = cli(capsys, "--db", db, "ingest", report(tmp_path / "b.jsonl", "mirror-7", 40))
    assert summary(r.err)["aliases"] == 1 and summary(r.err)["new"] == 0
    index = json.loads(cli(capsys, "--db", db, "documents", "--json").out)
    assert [(d["id"], d["aliases"]) for d in index] == [("floods-1", ["mirror-7"])]
    assert json.loads(cli(capsys, "--db", db, "show", "mirror-7", "--json", "--no-frames").out)[
        "document"]["id"] == "floods-1"


# -- re-extraction -------------------------------------------------------------------


def test_reextract_stale_redoes_only_what_another_extractor_made(tmp_path: Path, capsys) -> None:
    db = tmp_path / "l.db"
    cli(capsys, "--db", db, "ingest", report(tmp_path / "a.jsonl", "floods-1", 40))
    cli(capsys, "--db", db, "ingest", report(tmp_path / "b.jsonl", "floods-2", 60))
    with sqlite3.connect(db) as conn:  # as if floods-1 had been extracted by an older claimledger
        conn.execute("UPDATE claims SET extracted_with = 'claimledger 0.0.1' WHERE doc = 'floods-1'")
        conn.execute("UPDATE documents SET extracted_with = 'claimledger 0.0.1' WHERE id = 'floods-1'")

    dry = cli(capsys, "--db", db, "reextract", "--stale", "--dry-run")
    assert dry.code == 0 and dry.out.split() == ["floods-1"]
    r = cli(capsys, "--db", db, "reextract", "--stale")
    assert r.code == 0, r.err
    with open_store(db) as store:
        assert [v["version"] for v in store.versions("floods-1")] == [1, 2]
        assert [v["version"] for v in store.versions("floods-2")] == [1]
        (claim,) = store.claims(doc="floods-1")
        assert claim.extracted_with and claim.extracted_with.startswith("claimledger ")
        assert claim.extracted_with != "claimledger 0.0.1"
        old = store.document_claims("floods-1", 1)
        assert [c.extracted_with for c in old] == ["claimledger 0.0.1"]  # nothing lost
    assert cli(capsys, "--db", db, "reextract", "--stale", "--dry-run").out == ""


# -- nothing deleted without --force ----------------------------------------------------


def test_delete_needs_force(tmp_path: Path, capsys) -> None:
    db = tmp_path / "l.db"
    cli(capsys, "--db", db, "ingest", report(tmp_path / "a.jsonl", "floods-1", 40))
    r = cli(capsys, "--db", db, "documents", "--delete", "floods-1")
    assert r.code == 2 and "--force" in r.err and len(error_lines(r.err)) == 1
    assert values(db, "floods-1") == [40]
    assert cli(capsys, "--db", db, "documents", "--delete", "floods-1", "--force").code == 0
    with open_store(db) as store:
        assert store.stats()["documents"] == 0


# -- the command line's contract --------------------------------------------------------


@pytest.mark.parametrize("command", [["claims"], ["series"], ["conflicts"], ["sources"], ["documents"],
                                     ["export"], ["show", "x"], ["review", "list"]])
def test_read_commands_never_create_a_ledger(tmp_path: Path, capsys, command: list[str]) -> None:
    db = tmp_path / "mistyped.db"
    r = cli(capsys, "--db", db, *command)
    assert r.code == 3, r.err
    assert len(error_lines(r.err)) == 1 and "no ledger at" in r.err and str(db) in r.err
    assert not db.exists()


def test_global_options_work_on_either_side_of_the_command(tmp_path: Path, capsys) -> None:
    db = tmp_path / "x.db"
    r = cli(capsys, "ingest", report(tmp_path / "a.jsonl", "floods-1", 40), "--db", db)
    assert r.code == 0, r.err
    assert db.exists() and not (tmp_path / "claimledger.db").exists()
    after = cli(capsys, "claims", "--json", "--db", db)
    before = cli(capsys, "--db", db, "claims", "--json")
    assert after.code == before.code == 0 and json.loads(after.out) == json.loads(before.out) != []
    # given on both sides, the one after the command wins
    assert cli(capsys, "--db", tmp_path / "other.db", "claims", "--db", db).code == 0
    # nested commands too
    assert cli(capsys, "review", "list", "--db", db).code == 0


def test_usage_errors_are_one_line_without_a_doubled_prefix(tmp_path: Path, capsys) -> None:
    r = cli(capsys, "claims", "--measure", "kiled")
    assert r.code == 2
    (line,) = r.err.strip().splitlines()
    assert line.startswith(ERROR + "claims: ") and line.count("claimledger: error") == 1
    assert "'killed'" in line and "'killed_or_wounded'" in line  # the allowed values are named
    r = cli(capsys, "claims", "--category", "weapons")
    assert r.code == 2 and "'weapon'" in r.err


def test_failed_inputs_exit_5_whatever_their_number(tmp_path: Path, capsys) -> None:
    db = tmp_path / "l.db"
    for n in (1, 2, 3, 4):
        missing = [tmp_path / f"gone-{i}.txt" for i in range(n)]
        r = cli(capsys, "--db", db, "ingest", *missing, report(tmp_path / "a.jsonl", "floods-1", 40))
        assert r.code == EXIT_INPUTS_FAILED, r.err
        assert summary(r.err)["failed"] == n and len(error_lines(r.err)) == n


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make a file unwritable for this process: its mode for a user, the immutable attribute for root
    (who ignores modes); skip the test where neither can be had."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        path.parent.chmod(0o555)
        try:
            yield
        finally:
            path.parent.chmod(0o755)
            path.chmod(0o644)
        return
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
        pytest.skip("cannot make a file read-only for root here (no chattr, or a file system without it)")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_a_read_only_ledger_is_refused_before_anything_is_extracted(tmp_path: Path, capsys,
                                                                     monkeypatch) -> None:
    db = tmp_path / "l.db"
    cli(capsys, "--db", db, "ingest", report(tmp_path / "a.jsonl", "floods-1", 40))
    import claimledger.pipeline

    extracted: list[str] = []
    real = claimledger.pipeline.Extractor.extract
    monkeypatch.setattr(claimledger.pipeline.Extractor, "extract",
                        lambda self, d: extracted.append(d.id) or real(self, d))
    with read_only(db):
        r = cli(capsys, "--db", db, "ingest", report(tmp_path / "b.jsonl", "floods-2", 60))
        assert r.code == 3, r.err
        (line,) = r.err.strip().splitlines()
        assert line.startswith(ERROR) and "read-only" in line and str(db) in line
        assert extracted == []  # refused before any work, not after extracting every document
        r = cli(capsys, "--db", db, "reextract", "--all")
        assert r.code == 3 and "read-only" in r.err and extracted == []
        assert cli(capsys, "--db", db, "claims", "--json").code == 0  # reading still works
    assert values(db, "floods-2") == []


def test_a_document_over_the_length_limit_is_read_in_pieces(tmp_path: Path, capsys,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A document longer than the parser takes at once (README, Limits) is read in pieces: its claims are
    stored with offsets into the whole text, and the rest of the batch goes on."""
    from claimledger.pipeline import Extractor

    built = Extractor.__init__

    def small_parser(self, *args, **kwargs) -> None:
        built(self, *args, **kwargs)
        self.nlp.max_length = 2_000  # the parser's limit, lowered so that the test stays small

    monkeypatch.setattr(Extractor, "__init__", small_parser)
    long = tmp_path / "long.jsonl"
    text = "The ministry said 40 people died. " * 200  # 6,800 characters, no blank line to cut at
    long.write_text(json.dumps({"id": "long", "text": text, "published": "2025-03-27"}) + "\n"
                    + json.dumps({"id": "short", "text": FLOODS.format(n=40), "published": "2025-03-27"}) + "\n",
                    encoding="utf-8")
    db = tmp_path / "l.db"
    r = cli(capsys, "--db", db, "ingest", long)
    assert r.code == 0 and error_lines(r.err) == []
    assert summary(r.err)["new"] == 2
    with open_store(db) as store:
        stored = store.claims(doc="long")
    assert len(stored) == 200 and {c.value for c in stored} == {40}
    assert all(text[c.start:c.end] == c.text for c in stored)
    assert values(db, "short") == [40]


FRENCH = ("Le ministère de l'Intérieur a déclaré lundi que quarante personnes étaient mortes dans les "
          "inondations du nord du pays, et que les secours poursuivaient leurs recherches dans les villages.")


def test_lang_auto_skips_other_languages_with_one_line_and_en_forces(tmp_path: Path, capsys) -> None:
    source = tmp_path / "fr.jsonl"
    source.write_text(json.dumps({"id": "fr-1", "text": FRENCH, "published": "2025-03-27"}) + "\n", encoding="utf-8")
    r = cli(capsys, "--db", tmp_path / "l.db", "ingest", source)
    assert r.code == EXIT_INPUTS_FAILED
    (line,) = error_lines(r.err)
    assert "fr-1" in line and "French" in line and "--lang en" in line
    r = cli(capsys, "--db", tmp_path / "l.db", "ingest", source, "--lang", "en")
    assert r.code == 0 and summary(r.err)["new"] == 1


def test_max_mb_refuses_a_larger_file_before_reading_it(tmp_path: Path, capsys) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:  # 2 MB of nothing, sparse: never read if the size check comes first
        f.truncate(2 * 1024 * 1024)
    r = cli(capsys, "--db", tmp_path / "l.db", "ingest", big, "--max-mb", "1")
    assert r.code == EXIT_INPUTS_FAILED
    (line,) = error_lines(r.err)
    assert str(big) in line and "--max-mb" in line


def test_a_folders_readme_is_not_ingested_as_a_report(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    report(folder / "floods.jsonl", "floods-1", 40)
    (folder / "README.md").write_text("# Reports\n\nThese files hold 12 reports about the floods.\n", encoding="utf-8")
    (folder / "LICENSE.txt").write_text("Copyright 2025. 3 clauses apply.\n", encoding="utf-8")
    r = cli(capsys, "--db", tmp_path / "l.db", "ingest", folder)
    assert r.code == 0 and summary(r.err)["read"] == 1
    # named on the command line, it is read like any file
    assert summary(cli(capsys, "--db", tmp_path / "l.db", "ingest", folder / "README.md").err)["read"] == 1


# -- all or nothing, under kills and concurrent writers --------------------------------------


def _batch(path: Path, prefix: str, n: int, first: int = 10) -> Path:
    path.write_text("".join(json.dumps({"id": f"{prefix}-{i}", "text": FLOODS.format(n=first + i),
                                        "published": "2025-03-27", "publisher": "AFP"}) + "\n"
                            for i in range(n)), encoding="utf-8")
    return path


def _ingest_process(db: Path, source: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "claimledger.cli", "--db", str(db), "ingest", "--quiet",
                             str(source)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def test_a_killed_ingest_leaves_whole_documents_only(tmp_path: Path) -> None:
    """SIGKILL in the middle of a batch: the ledger is intact, and every document in it has all its
    claims (each of these reports has exactly one)."""
    db = tmp_path / "l.db"
    proc = _ingest_process(db, _batch(tmp_path / "batch.jsonl", "r", 400))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # wait until some documents are in, then kill
        time.sleep(0.2)
        if db.exists():
            with contextlib.suppress(sqlite3.Error), sqlite3.connect(db, timeout=1) as conn:
                if conn.execute("SELECT count(*) FROM documents").fetchone()[0] >= 5:
                    break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        per_doc = conn.execute("SELECT d.id, count(c.id) FROM documents d LEFT JOIN claims c ON c.doc = d.id "
                               "GROUP BY d.id").fetchall()
    assert 5 <= docs < 400
    assert {n for _, n in per_doc} == {1}
    # ingesting the batch again completes it
    done = _ingest_process(db, tmp_path / "batch.jsonl")
    assert done.wait(timeout=300) == 0, done.stderr.read() if done.stderr else ""
    with open_store(db) as store:
        assert store.stats()["documents"] == 400


def test_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    procs = [_ingest_process(db, _batch(tmp_path / f"b{k}.jsonl", f"w{k}", 30, first=100 * k)) for k in range(3)]
    for p in procs:
        assert p.wait(timeout=300) == 0, p.stderr.read() if p.stderr else ""
    with open_store(db) as store:
        assert store.stats()["documents"] == 90 and store.stats()["claims"] == 90


def test_the_claims_table_keeps_each_figure_on_one_line_at_80_columns(tmp_path: Path, capsys) -> None:
    from rich.console import Console

    from claimledger.cli import _claims_table

    db = tmp_path / "l.db"
    source = tmp_path / "r.jsonl"
    source.write_text(json.dumps({"id": "fled-1", "published": "2025-03-27", "publisher": "AFP",
                                  "text": "Between 60,000 and 80,000 people fled the fighting in the north in "
                                          "March, the UN refugee agency UNHCR said on Monday."}) + "\n",
                      encoding="utf-8")
    cli(capsys, "--db", db, "ingest", source)
    with open_store(db) as store:
        claims = store.claims()
    for width in (80, 100, 200):
        console = Console(width=width, record=True, file=io.StringIO())
        console.print(_claims_table(claims, title="claims", width=width))
        shown = console.export_text()
        assert "60,000–80,000" in shown, shown
        assert max(len(line) for line in shown.splitlines()) <= width
        assert ("UNHCR" in shown) and ("2025-03-01..2025-03-31" in shown) == (width >= 140)


def test_help_imports_no_reader_or_parser_library() -> None:
    """`claimledger --help` (and any command's parser) loads none of the heavy libraries: they are
    imported when a page, a feed, an archive or a text is first read."""
    code = ("import sys; from claimledger.cli import build_parser; build_parser().format_help(); "
            "print(sorted(m for m in ('trafilatura', 'feedparser', 'spacy', 'warcio', 'justext', 'lxml', "
            "'charset_normalizer') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_reextract_all_makes_no_version_when_nothing_changed(tmp_path: Path, capsys) -> None:
    db = tmp_path / "l.db"
    cli(capsys, "--db", db, "ingest", report(tmp_path / "a.jsonl", "floods-1", 40))
    r = cli(capsys, "--db", db, "reextract", "--all")
    assert r.code == 0 and "0 documents re-extracted" in r.err and "1 unchanged" in r.err
    with open_store(db) as store:
        assert [v["version"] for v in store.versions("floods-1")] == [1]
