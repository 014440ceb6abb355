"""Odd input: other encodings, other languages, huge files and things that are not files.

Each of these once cost a batch its documents or its time: Latin-1 pages stored with
replacement characters, cp1252 text refused, French reports turned into junk claims,
a 50 MB page parsed before it was refused, a named pipe that blocked the batch. Every
failure is one line, "<file or URL>: <reason>", and the batch goes on.
"""
from __future__ import annotations

import json
import os
import random
import threading
from pathlib import Path

import pytest

import claimledger.ingest as ingest
from claimledger.errors import IngestError
from claimledger.ingest import iter_documents, read_html, read_jsonl
from claimledger.models import Document
from test_ingest import docs_and_errors

# Reports written for these tests: the same story in five languages, each long enough to judge.
ENGLISH = (
    "The regional council said on Tuesday that about 1,200 families had been moved out of the "
    "flooded districts since the weekend, and that the army would send 300 more soldiers to help "
    "with the clean-up before the end of the month."
)
FRENCH = (
    "Le conseil régional a indiqué mardi qu'environ 1 200 familles avaient été évacuées des "
    "quartiers inondés depuis le week-end, et que l'armée enverrait 300 soldats de plus pour aider "
    "au nettoyage avant la fin du mois."
)
GERMAN = (
    "Der Regionalrat teilte am Dienstag mit, dass seit dem Wochenende etwa 1.200 Familien aus den "
    "überfluteten Vierteln gebracht worden seien und dass die Armee bis zum Monatsende 300 weitere "
    "Soldaten schicken werde, um bei den Aufräumarbeiten zu helfen."
)
SPANISH = (
    "El consejo regional informó el martes de que unas 1.200 familias habían sido trasladadas de los "
    "barrios inundados desde el fin de semana, y de que el ejército enviaría 300 soldados más para "
    "ayudar con la limpieza antes de que termine el mes."
)
CHINESE = (
    "地区议会周二表示，自周末以来，约有1200户家庭已从受淹地区转移。军队将在月底前再派300名士兵协助清理。"
    "当地官员说，目前仍有3个村庄无法通行，救援人员正在乘船运送食物、饮用水和药品。"
    "气象部门预计，未来2天还会有大雨，河流水位可能继续上涨，居民应听从指挥，尽快撤离到安全地点。"
    "学校已经停课，医院接收了40多名伤员，其中5人伤势严重。"
)


def one_line(error: IngestError, origin: object) -> str:
    """The error's message, checked to be one line that starts with `origin`."""
    message = str(error)
    assert "\n" not in message
    assert message.startswith(f"{origin}: ")
    return message


# ---------------------------------------------------------------- encodings


def test_cp1252_text_file_keeps_curly_quotes_and_the_euro_sign(tmp_path):
    path = tmp_path / "aid.txt"
    path.write_bytes(
        "Publisher: Harbour Gazette\n\nCity buys generators\n\n"
        "\u201cWe paid \u20ac4.5 million for 300 generators,\u201d the mayor\u2019s office said.\n".encode("cp1252")
    )
    [doc] = list(iter_documents([str(path)]))
    assert doc.text == (
        "City buys generators\n\n"
        "\u201cWe paid \u20ac4.5 million for 300 generators,\u201d the mayor\u2019s office said."
    )
    assert doc.encoding == "cp1252"


def test_latin1_html_without_a_charset_keeps_its_accents(tmp_path):
    page = (
        "<html><head><title>Caf\xe9s close after the flood</title></head><body><article>"
        "<h1>Caf\xe9s close after the flood</h1>"
        "<p>The owners of 12 caf\xe9s in the old town said they would stay shut until March, and the "
        "r\xe9gion's officials put the damage at 3 million euros.</p>"
        "<p>One owner called the first estimate of 40 closures na\xefve, and said that 12 was already d\xe9j\xe0 "
        "too many for a street of that size.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "cafes.html"
    path.write_bytes(page.encode("latin-1"))
    [doc] = list(iter_documents([str(path)]))
    assert "12 caf\xe9s in the old town" in doc.text
    assert "na\xefve" in doc.text and "d\xe9j\xe0" in doc.text
    assert "\ufffd" not in doc.text
    # Latin-1 bytes are read as Windows-1252, which reads them the same (as browsers do).
    assert doc.encoding == "cp1252"


@pytest.mark.parametrize(
    "content, content_type, text, encoding",
    [
        # a UTF-8 page under a server's default Latin-1 header: the bytes are UTF-8, whatever it says
        ("<p>The caf\xe9 sold 40 cakes.</p>".encode(), "text/html; charset=ISO-8859-1",
         "The caf\xe9 sold 40 cakes.", "utf-8"),
        # a declared charset is used when the bytes are not UTF-8: 0xA4 is the euro sign in Latin-9
        (b'<meta charset="iso-8859-15"><p>Tickets cost \xa440 each.</p>', None,
         "Tickets cost \u20ac40 each.", "iso8859-15"),
        # the header's charset comes before the page's own
        (b'<meta charset="utf-8"><p>Tickets cost \xa440 each.</p>', "text/html; charset=iso-8859-15",
         "Tickets cost \u20ac40 each.", "iso8859-15"),
        # a byte order mark decides
        ("\ufeff<p>The caf\xe9 sold 40 cakes.</p>".encode("utf-16-le"), None,
         "The caf\xe9 sold 40 cakes.", "utf-16-le"),
    ],
)
def test_html_encoding_choice(content, content_type, text, encoding):
    doc = read_html(content, doc_id="p", content_type=content_type)
    assert (doc.text, doc.encoding) == (text, encoding)


def test_utf16_text_file_with_a_byte_order_mark(tmp_path):
    path = tmp_path / "note.txt"
    path.write_bytes("\ufeffThe caf\xe9 sold 40 cakes.".encode("utf-16-le"))
    [doc] = list(iter_documents([str(path)]))
    assert (doc.text, doc.encoding) == ("The caf\xe9 sold 40 cakes.", "utf-16-le")


@pytest.mark.parametrize("name", ["scan.txt", "scan.html", "scan.jsonl", "scan.json"])
def test_binary_junk_is_one_line_naming_the_file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(random.Random(7).randbytes(4096))
    [error] = list(iter_documents([str(path)]))
    assert isinstance(error, IngestError)
    assert one_line(error, path).endswith("not text: no character encoding fits its bytes (a binary file?); "
                                          "save it as UTF-8")


def test_cp1252_jsonl_file(tmp_path):
    path = tmp_path / "docs.jsonl"
    lines = [{"id": "a", "text": "\u201cWe need \u20ac20 million,\u201d the mayor said."},
             {"id": "b", "text": "The caf\xe9 sold 40 cakes."}]
    path.write_bytes("\n".join(json.dumps(line, ensure_ascii=False) for line in lines).encode("cp1252"))
    docs, errors = docs_and_errors(iter_documents([str(path)]))
    assert errors == []
    assert [(d.text, d.encoding) for d in docs] == [
        ("\u201cWe need \u20ac20 million,\u201d the mayor said.", "cp1252"),
        ("The caf\xe9 sold 40 cakes.", "cp1252"),
    ]


def test_jsonl_lines_in_different_encodings_are_each_read(tmp_path):
    # A UTF-8 file with one line pasted in from a cp1252 file: the whole does not decode,
    # each line does.
    utf8 = json.dumps({"id": "a", "text": "The caf\xe9 sold 40 cakes for \u20ac2."}, ensure_ascii=False).encode()
    cp1252 = json.dumps({"id": "b", "text": "\u201cWe sold 30,\u201d said the baker."}, ensure_ascii=False)
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join([utf8, cp1252.encode("cp1252"), utf8.replace(b'"a"', b'"c"')]))
    docs, errors = docs_and_errors(iter_documents([str(path)]))
    assert errors == []
    assert [(d.id, d.encoding) for d in docs] == [("a", "utf-8"), ("b", "cp1252"), ("c", "utf-8")]
    assert docs[0].text == "The caf\xe9 sold 40 cakes for \u20ac2."
    assert docs[1].text == "\u201cWe sold 30,\u201d said the baker."


def test_jsonl_line_separator_inside_a_string_does_not_end_the_line():
    # json.dumps(..., ensure_ascii=False) leaves U+2028 as it is; only "\n" ends a JSON line.
    line = json.dumps({"id": "a", "text": "Police said 40 people\u2028were arrested."}, ensure_ascii=False)
    [doc] = list(read_jsonl(line + "\n", "mem.jsonl"))
    assert isinstance(doc, Document) and doc.text == "Police said 40 people\u2028were arrested."


# ---------------------------------------------------------------- language


@pytest.mark.parametrize(
    "text, reading",
    [
        (FRENCH, "reads as French (fr), not English"),
        (GERMAN, "reads as German (de), not English"),
        (SPANISH, "reads as Spanish (es), not English"),
        (CHINESE, "does not read as English (only 0% of its words are common English words)"),
    ],
)
def test_other_languages_are_skipped_with_one_line(tmp_path, text, reading):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    [error] = list(iter_documents([str(path)]))
    assert isinstance(error, IngestError)
    assert one_line(error, path) == (
        f"{path}: document 'report' {reading}: skipped; pass --lang en to extract it anyway"
    )


@pytest.mark.parametrize(
    "text, language",
    [
        (ENGLISH, "en"),
        # too few words to judge: kept, and its language left unset
        ("Le conseil a évacué 1 200 familles mardi.", None),
        ("Floods: 1,200 families moved, 300 soldiers sent.", None),
        # English full of names and units that other languages' stop-word lists happen to hold
        ("Maybank rose 12 sen to RM9.80, Tenaga added 8 sen to RM13.40, Genting fell 5 sen to RM4.10 and "
         "Sime Darby eased 2 sen to RM2.30 in Kuala Lumpur on Tuesday.", "en"),
        ("Octavia Estate review - pictures New Kodiaq 2024 review New Superb review - pictures Fabia Monte Carlo "
         "review - pictures Enyaq Coupe iV prototype review", None),  # undetermined: kept
    ],
)
def test_english_and_short_texts_are_kept(tmp_path, text, language):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    [doc] = list(iter_documents([str(path)]))
    assert isinstance(doc, Document)
    assert (doc.text, doc.language) == (text, language)


def test_language_en_takes_every_text_as_english(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(FRENCH, encoding="utf-8")
    [doc] = list(iter_documents([str(path)], language="en"))
    assert isinstance(doc, Document) and doc.text == FRENCH
    assert doc.language is None  # not checked


def test_one_french_report_in_a_jsonl_file_costs_that_report_only(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in
                            (("en-1", ENGLISH), ("fr-1", FRENCH), ("en-2", ENGLISH))), encoding="utf-8")
    docs, errors = docs_and_errors(iter_documents([str(path)]))
    assert [(d.id, d.language) for d in docs] == [("en-1", "en"), ("en-2", "en")]
    assert [str(e) for e in errors] == [
        f"{path}: document 'fr-1' reads as French (fr), not English: skipped; pass --lang en to extract it anyway"
    ]


def test_unknown_language_setting_is_refused():
    with pytest.raises(ValueError, match="language must be one of auto, en, not 'fr'"):
        list(iter_documents([], language="fr"))


# ---------------------------------------------------------------- sizes


def test_huge_file_is_refused_by_its_size_before_it_is_read(tmp_path, monkeypatch):
    big = tmp_path / "big.html"
    with open(big, "wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk

    def must_not_run(*args, **kwargs):
        raise AssertionError("the file was read or parsed")

    monkeypatch.setattr(Path, "read_bytes", must_not_run)
    monkeypatch.setattr(ingest, "read_html", must_not_run)
    [error] = list(iter_documents([str(big)]))
    assert isinstance(error, IngestError)
    assert one_line(error, big) == (
        f"{big}: 50.0 MB (52,428,800 bytes), over the limit of 10.0 MB for one file; "
        "split it, or raise the limit (--max-mb on the command line, max_bytes= in Python)"
    )
    assert "report this" not in str(error)


def test_max_bytes_sets_the_limit(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    size = path.stat().st_size
    [error] = list(iter_documents([str(path)], max_bytes=size - 1))
    assert isinstance(error, IngestError) and f"({size:,} bytes), over the limit" in error.reason
    [doc] = list(iter_documents([str(path)], max_bytes=size))
    assert isinstance(doc, Document)


# ---------------------------------------------------------------- odd files


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_in_a_directory_is_skipped_not_waited_on(tmp_path):
    os.mkfifo(tmp_path / "a-live.jsonl")
    (tmp_path / "b-report.txt").write_text(ENGLISH, encoding="utf-8")
    results: list[object] = []
    # In a thread, so that a regression fails here instead of blocking the test run.
    reader = threading.Thread(target=lambda: results.extend(iter_documents([str(tmp_path)])), daemon=True)
    reader.start()
    reader.join(timeout=60)
    assert not reader.is_alive(), "ingest is waiting on the named pipe"
    docs, errors = docs_and_errors(results)
    assert [d.id for d in docs] == ["b-report"]
    assert [one_line(e, tmp_path / "a-live.jsonl") for e in errors] == [
        f"{tmp_path / 'a-live.jsonl'}: not a regular file (a named pipe): skipped"
    ]


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.jsonl", b"", "no documents in it"),
        ("blank.jsonl", b"\n  \n\r\n\n", "no documents in it"),
        ("empty.json", b"", "no documents in it"),
        ("list.json", b"[]\n", "no documents in it"),
        ("empty.txt", b"\n\n", "no text in it"),
    ],
)
def test_empty_files_say_so_in_one_line(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    [error] = list(iter_documents([str(path)]))
    assert isinstance(error, IngestError)
    assert one_line(error, path) == f"{path}: {reason}"


def test_a_jsonl_line_that_is_not_json_names_the_line_and_the_rest_goes_on(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(
        '{"id": "a", "text": "Police said 40 people were arrested."}\n'
        '{"id": "b", "text": "cut off in the middle\n'
        '{"id": "c", "text": "Rescuers found 90 bodies."}\n',
        encoding="utf-8",
    )
    docs, errors = docs_and_errors(iter_documents([str(path)]))
    assert [d.id for d in docs] == ["a", "c"]
    assert [one_line(e, path) for e in errors] == [
        f"{path}: line 2: not valid JSON (Unterminated string starting at column 21)"
    ]
