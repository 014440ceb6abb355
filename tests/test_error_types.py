"""bench/error_types.py: how the extractor's matched claims are wrong on a gold set, as counts only.

A held-out set may be described by it without being read, so what it prints must hold no word, figure or
id of the set: only counts and labels of the spec's closed vocabularies.
"""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def error_types():
    spec = importlib.util.spec_from_file_location("error_types", ROOT / "bench" / "error_types.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_report(claims: list[dict]) -> dict:
    text = ("Harbour authorities in Velmora said on Tuesday that 37 fishing boats sank in the storm. "
            "Volunteers handed out 4,200 blankets in the old market.")
    return {"id": "g1", "published": "2025-05-08", "publisher": "TIDEWIRE", "title": "", "url": "",
            "text": text, "aliases": {}, "claims": claims}


def claim(text: str, words: str, **fields) -> dict:
    start = text.index(words)
    base = {"value": None, "low": None, "high": None, "approx": False, "bound": "=", "vague": False,
            "actor": None, "recipient": None, "location": None, "period_start": None, "period_end": None,
            "cumulative": False, "incremental": False, "source": None, "via": [], "item": "person",
            "category": "other", "measure": "other", "start": start, "end": start + len(words),
            "publisher": "TIDEWIRE"}
    return {**base, **fields}


def test_the_output_names_no_word_figure_or_id_of_the_set(error_types, tmp_path, capsys):
    text = gold_report([])["text"]
    # annotations that disagree with any extractor on purpose: a rare measure, made-up ids, a far period
    claims = [claim(text, "37", value=37, item="boat", category="vehicle", measure="damaged",
                    actor="velmora-fleet", source="zx-harbour-office", via=["QQWIRE"],
                    period_start="2024-01-01", period_end="2024-01-31"),
              claim(text, "4,200", value=4200, item="blanket", category="other", measure="transferred",
                    actor="volunteer-guild", recipient="velmora", source="market-council")]
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold_report(claims)) + "\n")
    assert error_types.main([str(path)]) == 0
    out = capsys.readouterr().out
    assert "2 matched claims" in out
    body = out.split("\n", 1)[1]  # past the header line, which names the file
    for word in ("velmora", "harbour", "blanket", "boat", "market", "volunteer", "qqwire", "zx", "37",
                 "4,200", "4200", "2024", "storm"):
        assert word not in body.lower(), word
    # every wrong field is counted under a label: the measure pair and the period kinds
    assert re.search(r"\d+\s+\w+ / damaged", body)
    assert re.search(r"\d+\s+[\w ]+ / range", body)


@pytest.mark.parametrize("eid, kind", [
    (None, "null"), ("anonymous", "anonymous"), ("KOR", "country"), ("KOR-JCS", "state body"),
    ("REUTERS", "organisation"), ("lee-seong-kweun", "slug"), ("kursk", "slug"),
])
def test_ids_are_told_apart_by_their_form(error_types, eid, kind):
    assert error_types.id_kind(eid) == kind


@pytest.mark.parametrize("start, end, kind", [
    (None, None, "none"), ("2025-05-08", "2025-05-08", "publication day"),
    ("2025-05-06", "2025-05-06", "another day"), (None, "2030-12-31", "until"),
    ("2025-01-01", None, "from"), ("2025-01-01", "2025-05-08", "range"),
])
def test_periods_are_told_apart_by_their_ends(error_types, start, end, kind):
    assert error_types.period_kind(start, end, "2025-05-08") == kind
