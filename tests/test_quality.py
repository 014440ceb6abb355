"""The evaluation gate: the real extractor on annotated articles, held above pinned floors.

Model-dependent accuracy is asserted here as a handful of aggregate floors
rather than as per-claim asserts (tests/test_extract.py pins the patterns). The
gold sets, scored with `claimledger.evaluate.score`:

- the shared dev set next to the repository (../shared/eval/dev, or
  $CLAIMLEDGER_EVAL_DIR/dev), skipped when it is absent;
- tests/data/examples, tests/data/blind and the six held-out sets tests/data/heldout .. heldout6 (written
  blind, never read to tune; the last four, pooled, are the unseen score), always present;
- corpus/gold.jsonl, 30 topic families, and corpus/blind-train, 48 more, whose misses have been read while the
  rules were written, so they hold what was reached rather than measure what generalises (the held-out sets
  do that).

Each floor sits a little below the value measured when it was pinned, so that a
regression fails the suite while the noise of one or two claims does not. When
the extractor improves, raise the floors to just below the new measurement and
update the comment (measured value and date).

The HTML path is checked too: every dev page read with `read_html` must give
the same figures as the gold document's clean text, since ingest reproduces it.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from claimledger.evaluate import load_gold, score
from claimledger.ingest.html import read_html
from claimledger.models import Claim, Document
from claimledger.pipeline import Extractor

# The shared evaluation set sits next to the repository (as in conftest.py);
# CLAIMLEDGER_EVAL_DIR points elsewhere.
EVAL_DIR = Path(os.environ.get("CLAIMLEDGER_EVAL_DIR") or Path(__file__).resolve().parents[2] / "shared/eval")
DEV_GOLD = EVAL_DIR / "dev" / "gold.jsonl"
DEV_HTML = EVAL_DIR / "dev" / "html"
EXAMPLES_GOLD = Path(__file__).parent / "data" / "examples" / "gold.jsonl"
CORPUS_GOLD = Path(__file__).resolve().parents[1] / "corpus" / "gold.jsonl"
BLIND_GOLD = Path(__file__).parent / "data" / "blind" / "gold.jsonl"

# Floors, pinned 2026-12-06 against the extractor of that day (raised 2026-12-07, seven times);
# "measured" is the value then.
# dev: 25 documents, 218 gold claims (217 matched: one claim is ~0.005 of a field accuracy).
DEV_FLOORS = {
    "detect_f1": 0.97,  # measured 0.984 at the ninth stop
    "full_f1": 0.855,  # measured 0.871 at the ninth stop
    "source": 0.935,  # measured 0.949 at the ninth stop
    "via": 0.94,  # measured 0.954 at the ninth stop
    "period": 0.905,  # measured 0.922 at the ninth stop
    "measure": 0.915,  # measured 0.931 at the ninth stop
    "actor": 0.87,  # measured 0.885 at the ninth stop
    "recipient": 0.85,  # measured 0.857 at the ninth stop
}
# examples: 8 documents, 103 gold claims (102 matched: one claim is ~0.01 of a field accuracy).
EXAMPLES_FLOORS = {
    "detect_f1": 0.985,  # measured 1.000 at the ninth stop
    "full_f1": 0.895,  # measured 0.913 at the ninth stop
    "source": 0.965,  # measured 0.981 at the ninth stop
    "via": 0.925,  # measured 0.942 at the ninth stop
    "period": 0.935,  # measured 0.951 at the ninth stop
    "measure": 0.915,  # measured 0.932 at the ninth stop
    "actor": 0.83,  # measured 0.835 at the ninth stop
}

# blind: 8 documents, 98 gold claims, annotated by a helper that had not seen the extractor; its first
# score (full F1 0.475) showed how far the dev numbers were from reports written apart from them.
BLIND_FLOORS = {
    "detect_f1": 0.985,  # measured 1.000 at the ninth stop
    "full_f1": 0.84,  # measured 0.857 at the ninth stop
    "source": 0.94,  # measured 0.959 at the ninth stop
    "via": 0.95,  # measured 0.969 at the ninth stop
    "measure": 0.88,  # measured 0.898 at the ninth stop
    "period": 0.78,  # measured 0.796 at the ninth stop
}

# corpus: 150 reports in 30 topic families written for the project (corpus/README.md), scored whole with
# the default extractor (the rules, nothing trained). Its misses have been read since 2026-12-07, so it
# gates what was reached; the held-out sets below measure what generalises. The rules of e5bf700, before
# the issue-7 work, scored full F1 0.257, those of 2026-12-06 0.393.
UNSEEN_FLOORS = {
    "detect_f1": 0.965,  # measured 0.983 at the ninth stop
    "full_f1": 0.645,  # measured 0.660 at the ninth stop (0.658 at the one before)
    "source": 0.83,  # measured 0.849 at the ninth stop (0.848 at the one before)
    "measure": 0.81,  # measured 0.829 at the ninth stop
    "category": 0.895,  # measured 0.910 at the ninth stop (0.907 at the one before)
    "actor": 0.685,  # measured 0.701 at the ninth stop
    "period": 0.735,  # measured 0.753 at the ninth stop
}

# Held-out sets, each written and annotated blind from the spec by a helper who never saw the extractor, the
# corpus or a score (tests/data/heldoutN/README.md), each in topic families outside the corpus and the other
# sets. They score, they never tune: their texts and claims are never opened, and a failing floor prints its
# number only, never a miss. The aggregate error counts of the first two (bench/error_types.py) were used to
# choose work at the third stop of 2026-12-07; nothing has been read off the others but their headline scores.
HELD_OUT = Path(__file__).parent / "data"
HELD_OUT_FLOORS = {
    # 12 reports, 161 claims, 6 families; the rules of 2026-12-06 scored full F1 0.406, source 0.748, measure 0.604
    "heldout": {
        "detect_f1": 0.97,  # measured 0.985 at the ninth stop
        "full_f1": 0.58,  # measured 0.597 at the ninth stop
        "source": 0.86,  # measured 0.875 at the ninth stop
        "measure": 0.685,  # measured 0.700 at the ninth stop
        "actor": 0.725,  # measured 0.744 at the ninth stop
    },
    # 16 reports, 208 claims, 8 families; the rules of 1780368 scored full F1 0.415, source 0.713, measure 0.683
    "heldout2": {
        "detect_f1": 0.97,  # measured 0.986 at the ninth stop
        "full_f1": 0.45,  # measured 0.462 at the ninth stop
        "source": 0.715,  # measured 0.727 at the ninth stop
        "measure": 0.7,  # measured 0.717 at the ninth stop
        "actor": 0.56,  # measured 0.576 at the ninth stop (0.571 at the one before)
    },
    # 16 reports, 219 claims, 8 families; written before any work was chosen from the first two sets' counts
    "heldout3": {
        "detect_f1": 0.96,  # measured 0.977 at the ninth stop
        "full_f1": 0.435,  # measured 0.452 at the ninth stop
        "source": 0.685,  # measured 0.701 at the ninth stop (0.696 at the one before)
        "measure": 0.725,  # measured 0.743 at the ninth stop
        "actor": 0.6,  # measured 0.617 at the ninth stop
        "category": 0.825,  # measured 0.841 at the ninth stop
    },
    # 16 reports, 211 claims, 8 families, written at the fourth stop of 2026-12-07 (first scored at 2e68e3b)
    "heldout4": {
        "detect_f1": 0.94,  # measured 0.956 at the ninth stop
        "full_f1": 0.46,  # measured 0.476 at the ninth stop
        "source": 0.7,  # measured 0.715 at the ninth stop
        "measure": 0.71,  # measured 0.725 at the ninth stop
        "actor": 0.585,  # measured 0.604 at the ninth stop (0.599 at the one before)
    },
    # 16 reports, 200 claims, 8 families, written the same day with conventions of its own
    "heldout5": {
        "detect_f1": 0.96,  # measured 0.978 at the ninth stop
        "full_f1": 0.585,  # measured 0.600 at the ninth stop
        "source": 0.88,  # measured 0.898 at the ninth stop
        "measure": 0.75,  # measured 0.766 at the ninth stop
        "actor": 0.545,  # measured 0.558 at the ninth stop
    },
    # 16 reports, 212 claims, 8 families, written the same day with conventions of its own
    "heldout6": {
        "detect_f1": 0.965,  # measured 0.981 at the ninth stop
        "full_f1": 0.48,  # measured 0.491 at the ninth stop
        "source": 0.755,  # measured 0.764 at the ninth stop
        "measure": 0.74,  # measured 0.750 at the ninth stop
        "actor": 0.625,  # measured 0.644 at the ninth stop
    },
}
# The four sets nothing has been read off, pooled (842 claims): the unseen score to believe.
UNSTEERED = ("heldout3", "heldout4", "heldout5", "heldout6")
UNSTEERED_FLOORS = {
    "full_f1": 0.485,  # measured 0.503 at the ninth stop
    "source": 0.75,  # measured 0.768 at the ninth stop (0.766 at the one before)
    "measure": 0.73,  # measured 0.746 at the ninth stop
    "category": 0.835,  # measured 0.852 at the ninth stop (0.851 at the one before)
    "actor": 0.59,  # measured 0.607 at the ninth stop (0.605 at the one before)
}

# The blind training sets (corpus/blind-train, 96 reports, 1,168 claims, 48 families, six annotators), pooled.
# The rules never saw them until the fourth stop of 2026-12-07 (full F1 0.413, source 0.677, measure 0.699);
# since then their errors are read, as the corpus's are, so this floor holds what was reached.
BLIND_TRAIN = sorted((CORPUS_GOLD.parent / "blind-train").glob("*/gold.jsonl"))
BLIND_TRAIN_FLOORS = {
    "full_f1": 0.5,  # measured 0.516 at the ninth stop (0.512 at the one before)
    "source": 0.74,  # measured 0.755 at the ninth stop
    "measure": 0.715,  # measured 0.733 at the ninth stop (0.730 at the one before)
    "category": 0.885,  # measured 0.900 at the ninth stop (0.894 at the one before)
    "actor": 0.65,  # measured 0.669 at the ninth stop (0.666 at the one before)
}

# Dev pages whose figures differ from the clean text's today, with the reason.
HTML_MISSES: dict[str, str] = {}



@dataclass
class Run:
    """One gold file run through the extractor: the gold documents, the claims per document, the scores."""

    gold: dict[str, dict[str, Any]]
    claims: dict[str, list[Claim]]
    scores: dict[str, Any]


def run(extractor: Extractor, gold_path: Path) -> Run:
    gold = load_gold(gold_path)
    claims = {d["id"]: extractor.extract(Document.from_dict(d)) for d in gold}
    report = score(gold, [c.to_dict() for cs in claims.values() for c in cs])
    summary = report.summary()
    scores = {
        "detect_f1": summary["detect"]["f1"],
        "full_f1": summary["full"]["f1"],
        **summary["field_accuracy"],
        "misses": report.misses,
    }
    return Run({d["id"]: d for d in gold}, claims, scores)


@pytest.fixture(scope="module")
def dev_run(extractor: Extractor) -> Run:
    if not DEV_GOLD.exists():
        pytest.skip(f"dev evaluation set not found at {DEV_GOLD} (set CLAIMLEDGER_EVAL_DIR)")
    return run(extractor, DEV_GOLD)


@pytest.fixture(scope="module")
def examples_run(extractor: Extractor) -> Run:
    return run(extractor, EXAMPLES_GOLD)


@pytest.fixture(scope="module")
def blind_run(extractor: Extractor) -> Run:
    return run(extractor, BLIND_GOLD)


def below(scores: dict[str, Any], metric: str, floor: float) -> str:
    """The failure message: the measured value, the floor and the misses of that field."""
    wrong = [m for m in scores["misses"] if metric in m.get("fields", {})]
    # [predicted, gold]; the scorer has no single value to show for "period"
    sample = "\n".join(f"  {m['doc']} {m['text']!r}: {m['fields'][metric] if metric != 'period' else 'wrong'}"
                       for m in wrong[:15])
    return f"{metric} {scores[metric]:.3f} fell below its floor {floor:.3f}\n{sample}"


@pytest.mark.parametrize("metric, floor", DEV_FLOORS.items())
def test_dev_floor(dev_run, metric, floor):
    assert dev_run.scores[metric] >= floor, below(dev_run.scores, metric, floor)


@pytest.mark.parametrize("metric, floor", EXAMPLES_FLOORS.items())
def test_examples_floor(examples_run, metric, floor):
    assert examples_run.scores[metric] >= floor, below(examples_run.scores, metric, floor)


@pytest.mark.parametrize("metric, floor", BLIND_FLOORS.items())
def test_blind_floor(blind_run, metric, floor):
    assert blind_run.scores[metric] >= floor, below(blind_run.scores, metric, floor)


@pytest.fixture(scope="module")
def corpus_run(extractor: Extractor) -> Run:
    return run(extractor, CORPUS_GOLD)


@pytest.mark.parametrize("metric, floor", UNSEEN_FLOORS.items())
def test_unseen_family_floor(corpus_run, metric, floor):
    assert corpus_run.scores[metric] >= floor, below(corpus_run.scores, metric, floor)


@pytest.fixture(scope="module")
def held_out_runs(extractor: Extractor) -> dict[str, Run]:
    return {name: run(extractor, HELD_OUT / name / "gold.jsonl") for name in HELD_OUT_FLOORS}


@pytest.mark.parametrize("name, metric, floor",
                         [(name, m, f) for name, floors in HELD_OUT_FLOORS.items() for m, f in floors.items()])
def test_held_out_floor(held_out_runs, name, metric, floor):
    value = held_out_runs[name].scores[metric]
    assert value >= floor, f"{name}: {metric} {value:.3f} fell below its floor {floor:.3f} (a held-out set's " \
                           "misses are not printed: its claims are never read)"


@pytest.mark.parametrize("metric, floor", UNSTEERED_FLOORS.items())
def test_unsteered_held_out_sets_pooled_floor(held_out_runs, metric, floor):
    gold = [d for name in UNSTEERED for d in held_out_runs[name].gold.values()]
    preds = [c.to_dict() for name in UNSTEERED for cs in held_out_runs[name].claims.values() for c in cs]
    summary = score(gold, preds).summary()
    value = {"full_f1": summary["full"]["f1"], **summary["field_accuracy"]}[metric]
    assert value >= floor, f"pooled unsteered held-out sets: {metric} {value:.3f} fell below its floor {floor:.3f}"


@pytest.fixture(scope="module")
def blind_train_scores(extractor: Extractor) -> dict[str, float]:
    gold = [d for path in BLIND_TRAIN for d in load_gold(path)]
    summary = score(gold, [c.to_dict() for d in gold for c in extractor.extract(Document.from_dict(d))]).summary()
    return {"full_f1": summary["full"]["f1"], **summary["field_accuracy"]}


@pytest.mark.parametrize("metric, floor", BLIND_TRAIN_FLOORS.items())
def test_blind_training_sets_floor(blind_train_scores, metric, floor):
    assert blind_train_scores[metric] >= floor, \
        f"blind training sets: {metric} {blind_train_scores[metric]:.3f} fell below its floor {floor:.3f}"


@pytest.fixture(scope="module")
def corpus_parsed():
    from claimledger.train import parse_all

    rules_only = Extractor(decisions="rules")
    training = [CORPUS_GOLD, *sorted((CORPUS_GOLD.parent / "blind-train").glob("*/gold.jsonl"))]
    return rules_only, parse_all(rules_only, [d for path in training for d in load_gold(path)])


def test_claimledger_train_rebuilds_the_shipped_model(corpus_parsed, tmp_path):
    """`claimledger train corpus/gold.jsonl corpus/blind-train/*/gold.jsonl` (`make model`) makes the model the
    package ships: same weights to the printed precision, and the same decisions on every training report."""
    from claimledger.extract.decide import DecisionModel
    from claimledger.train import fit, predict

    rules_only, parsed = corpus_parsed
    rebuilt = fit(parsed)
    rebuilt.save(tmp_path / "decisions.json")
    shipped = DecisionModel.load()
    assert shipped is not None, "the package ships no decision model (src/claimledger/data/decisions.json)"
    again = DecisionModel.load(tmp_path / "decisions.json")
    assert again is not None
    same = ("seed", "C", "margin", "reports", "samples")
    assert {k: again.meta[k] for k in same} == {k: shipped.meta[k] for k in same}
    fields = ("measure", "category", "source", "via", "actor", "recipient")
    mine = [[c.get(f) for f in fields] for c in predict(rules_only, parsed, again)]
    theirs = [[c.get(f) for f in fields] for c in predict(rules_only, parsed, shipped)]
    assert mine == theirs


# --- the HTML path ------------------------------------------------------------------------------------

def html_pages() -> list[Any]:
    """One param per dev page of html/index.json; none when the dev set is absent."""
    index = DEV_HTML / "index.json"
    if not index.exists():
        return []
    pages = json.loads(index.read_text(encoding="utf-8"))
    params = []
    for p in pages:
        known = HTML_MISSES.get(p["id"])
        marks = [pytest.mark.xfail(strict=True, reason=known)] if known else []
        params.append(pytest.param(p["id"], p["file"], id=p["id"], marks=marks))
    return params


def figures(claims: list[Claim]) -> list[tuple[Any, ...]]:
    return [(c.text, c.start, c.value, c.low, c.high, c.item, c.measure, c.source) for c in claims]


@pytest.mark.parametrize("doc_id, file", html_pages())
def test_html_page_gives_the_clean_text_figures(extractor, dev_run, doc_id, file):
    path = DEV_HTML / file
    page = read_html(path.read_bytes(), doc_id=doc_id, origin=str(path))
    gold = dev_run.gold[doc_id]
    same_text = "the same as" if page.text == gold["text"] else "DIFFERENT from"
    assert figures(extractor.extract(page)) == figures(dev_run.claims[doc_id]), (
        f"the page's text is {same_text} the clean text; "
        f"publisher {page.publisher!r}, gold {gold['publisher']!r}"
    )
