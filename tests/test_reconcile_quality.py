"""The reconciliation gate: series, conflicts and estimates on annotated sets, held above pinned floors.

Scored with ``claimledger.evaluate.reconcile_scores`` (the metrics of
spec/reconcile.md: series purity, quantity completeness, conflict precision and
recall), on ledgers built from the gold's coded claims, as ``ingest --annotated``
builds them:

- the corpus (corpus/gold.jsonl, true conflicts in corpus/conflicts/), each
  topic family's series made by a quantity model trained without that family;
- the shared dev set (../shared/eval/dev), which the shipped model never saw,
  skipped when it is absent.

Floors sit a little below the values measured when pinned (bench/reconcile.py
prints them all); raise them when reconciliation improves. The shipped quantity
model must be what `claimledger train --quantities corpus/gold.jsonl` rebuilds.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from claimledger.evaluate import load_gold
from claimledger.reconcile.quantities import QuantityModel, shipped_model
from claimledger.train import coded_and_extracted, fit_quantities, reconcile_run, unseen_reconcile

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = Path(os.environ.get("CLAIMLEDGER_EVAL_DIR") or ROOT.parent / "shared" / "eval")
DEV_GOLD = EVAL_DIR / "dev" / "gold.jsonl"

# Pinned 2026-12-06, re-pinned three times on 2026-12-07; "measured" is the value then. The quantity model learns
# from the extractor's claims as well as the coded ones, so a change of extraction moves it: the first day's
# extraction work (full F1 on the corpus 0.472 -> 0.553) took conflict precision from 0.185 to 0.123 and
# recall from 0.393 to 0.250; the parts, stages, place and nationality rules of roles.py and conflicts.py
# then took them to 0.400 and 0.536, while the model rebuilt on the next round of extraction (0.553 ->
# 0.590), comparing items through the kinds table, lowered series purity from 0.839 to 0.815 (README).
# At the third stop of 2026-12-07 (extraction 0.590 -> 0.619) the model, rebuilt on the new extraction, took
# two true conflicts of the protest family out of reach (recall 0.536 -> 0.464; no claim of that family
# changed) while precision rose to 0.438 with the rules that do not assert borrowed figures. At the fourth
# stop officials the gazetteer does not know speak for what their words and report name, and rivals of one
# sentence the model split are compared: precision 0.457, recall 0.536. At the fifth stop rival estimates of
# one whole (a plan, one day's crowd) in two sentences are compared too, and the model, rebuilt on the
# stop's extraction, lowered purity from 0.826 to 0.810: precision 0.462, recall 0.607. At the sixth stop
# (extraction 0.632 -> 0.651) the rebuilt model left one true conflict of the corpus out of reach (recall
# 0.607 -> 0.571), and figures of two reports that grouping split are compared when the model is almost sure
# they are one quantity (found nothing more on the corpus, and dev's second disagreement). At the ninth stop
# (extraction 0.658 -> 0.660, reconciliation's code unchanged in output) the model rebuilt on the new extraction
# grouped the refugee family's claims into fewer series (15 -> 13) and lost one true conflict there, and one more
# false one appeared in the flood family: precision and recall 0.643 -> 0.607; the same run with the eighth stop's
# reconciliation code gives the same numbers.
CORPUS_FLOORS = {
    "purity": 0.815,  # measured 0.833 (300 series) at the ninth stop; 0.832 at the eighth, 0.835 at the seventh
    "completeness": 0.755,  # measured 0.768 (331 quantities); 0.775 at the eighth stop, 0.774 at the seventh
    "precision": 0.59,  # measured 0.607 (17 of 28); 0.643 at the eighth stop, 0.586 at the seventh, 0.123 at the first
    "recall": 0.59,  # measured 0.607 (17 of 28 disagreements); 0.643 at the eighth, 0.607 at the seventh
}
# Dev's two true disagreements make its conflict scores move in halves, and with each rebuild of the
# quantity model: on 2026-12-07 one rebuild split dev's running total of North Korean killed or wounded in
# two and lost its one found conflict, the evening's found it again (precision 1, recall 0.5); at the fifth
# stop the rival plans of Seoul and Kyiv are found and the rebuilt model splits that total again. Since the
# sixth stop a pair of two reports the model is almost sure of is compared across series, and both are found
# (_close_rivals): the shipped model is rebuilt exactly (the last test below), so dev's conflicts are gated too.
# At the seventh stop the conflict rules read restatements, bounds and parts given by an originator, and
# two plain figures one voice gives in one sentence are two quantities: corpus precision 0.459 -> 0.586,
# recall 0.571 -> 0.607, purity 0.811 -> 0.835; and the ledger the extractor's dev claims make reaches the
# issue's purity target (0.838 -> 0.861, target 0.85), so it is gated as well.
DEV_FLOORS = {
    "purity": 0.95,  # measured 0.974 (38 series)
    "completeness": 0.90,  # measured 0.914 (34 quantities); 0.919 at the seventh stop
    "precision": 0.75,  # measured 1.000 (2 of 2)
    "recall": 0.75,  # measured 1.000 (2 of 2 disagreements)
}
DEV_EXTRACTED_FLOORS = {
    "purity": 0.845,  # measured 0.865 (37 series) at the ninth stop; 0.861 at the seventh, 0.838 at the sixth
    "completeness": 0.83,  # measured 0.847 (34 quantities)
    "precision": 0.75,  # measured 1.000 (2 of 2)
    "recall": 0.75,  # measured 1.000 (2 of 2 disagreements)
}



@pytest.fixture(scope="module")
def corpus(extractor):
    """The corpus's gold, and its claims as coded and as extracted (what the quantity model learns from)."""
    gold = load_gold(ROOT / "corpus" / "gold.jsonl")
    return (gold, *coded_and_extracted(gold, extractor))


@pytest.fixture(scope="module")
def corpus_scores(corpus):
    gold, coded, extracted = corpus
    conflicts = [x for p in sorted((ROOT / "corpus" / "conflicts").glob("*.json"))
                 for x in json.loads(p.read_text(encoding="utf-8"))]
    return unseen_reconcile(gold, conflicts, coded, coded=coded, extracted=extracted)[0]


@pytest.fixture(scope="module")
def dev(extractor):
    """Dev's gold, its true conflicts, and its claims as coded and as extracted (one extraction)."""
    if not DEV_GOLD.exists():
        pytest.skip(f"dev evaluation set not found at {DEV_GOLD} (set CLAIMLEDGER_EVAL_DIR)")
    gold = load_gold(DEV_GOLD)
    conflicts = json.loads((DEV_GOLD.parent / "conflicts.json").read_text(encoding="utf-8"))
    return (gold, conflicts, *coded_and_extracted(gold, extractor))


@pytest.fixture(scope="module")
def dev_scores(dev):
    gold, conflicts, coded, _ = dev
    return reconcile_run(gold, coded, shipped_model(), conflicts)


@pytest.fixture(scope="module")
def dev_extracted_scores(dev):
    gold, conflicts, _, extracted = dev
    return reconcile_run(gold, extracted, shipped_model(), conflicts)


@pytest.mark.parametrize("metric, floor", sorted(CORPUS_FLOORS.items()))
def test_corpus_floor_with_each_family_unseen(corpus_scores, metric, floor):
    assert corpus_scores[metric] >= floor, f"corpus {metric} {corpus_scores[metric]:.3f} < floor {floor}"


@pytest.mark.parametrize("metric, floor", sorted(DEV_FLOORS.items()))
def test_dev_floor(dev_scores, metric, floor):
    assert dev_scores[metric] >= floor, f"dev {metric} {dev_scores[metric]:.3f} < floor {floor}"


@pytest.mark.parametrize("metric, floor", sorted(DEV_EXTRACTED_FLOORS.items()))
def test_dev_floor_on_the_extractors_claims(dev_extracted_scores, metric, floor):
    score = dev_extracted_scores[metric]
    assert score >= floor, f"dev, extractor's claims: {metric} {score:.3f} < floor {floor}"


def test_claimledger_train_rebuilds_the_shipped_quantity_model(corpus, tmp_path):
    shipped = shipped_model()
    assert shipped is not None, "the package ships no quantity model (src/claimledger/data/quantities.json)"
    gold, coded, extracted = corpus
    fit_quantities(gold, coded=coded, extracted=extracted).save(tmp_path / "quantities.json")
    rebuilt = QuantityModel.load(tmp_path / "quantities.json")
    assert rebuilt is not None
    assert (rebuilt.threshold, rebuilt.veto) == (shipped.threshold, shipped.veto)
    assert rebuilt.pair.weights.keys() == shipped.pair.weights.keys()
    for name, weights in shipped.pair.weights.items():
        assert rebuilt.pair.weights[name] == pytest.approx(weights, abs=1e-4), name
