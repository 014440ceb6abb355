"""The decision model's actor and recipient candidates (extract/claims.py `_party_candidates`, extract/decide.py).

The rules name an actor and a recipient; the model sees each answer beside the other candidates (nobody,
each party the sentence names, the parties the report named before) and replaces it only where it is sure. The model is
off by default (README, Quality), so these tests build small models by hand."""
from __future__ import annotations

import pytest

from claimledger.extract.claims import extract_claims
from claimledger.extract.decide import DecisionModel, Linear, Trace
from claimledger.models import Document
from claimledger.pipeline import Extractor

TEXT = "Officials in Oslo said on Monday that Denmark has sent 40 armoured trucks to Ukraine."


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(decisions="rules")


def claims_of(extractor: Extractor, model: DecisionModel | None = None, trace: Trace | None = None):
    doc = extractor.nlp(TEXT)
    document = Document(id="t-actor", text=TEXT, published="2026-03-02")
    res = extractor.resources.with_model(model) if model is not None else extractor.resources.without_model()
    return extract_claims(doc, document, res, trace)


def test_the_trace_keeps_every_actor_candidate_with_how_it_is_tied(extractor):
    trace = Trace()
    [claim] = claims_of(extractor, trace=trace)
    assert claim.actor == "DNK" and claim.recipient == "UKR"
    cands = {eid: feats for feats, eid in trace.actor[0]}
    assert None in cands, "no actor is always a candidate"
    assert cands["DNK"]["rule"] == 1.0 and "rel=verb:nsubj" in cands["DNK"]
    assert "UKR" not in cands, "who receives is never who gives"
    assert "rel=before" in cands["NOR"], "the speakers' city stands for their government"


def test_the_recipient_has_its_candidates_too(extractor):
    trace = Trace()
    claims_of(extractor, trace=trace)
    cands = {eid: feats for feats, eid in trace.recipient[0]}
    assert cands["UKR"]["rule"] == 1.0 and cands["UKR"]["rule=to"] == 1.0 and "rel=verb:to" in cands["UKR"]
    assert "DNK" not in cands and None in cands


def model(weights: dict[str, float], margin: float, role: str = "actor") -> DecisionModel:
    linear = Linear(classes=["True"], weights={k: [w] for k, w in weights.items()}, bias=[0.0])
    return DecisionModel(**{role: linear}, meta={"margin": margin})


@pytest.mark.parametrize("weights, margin, expected", [
    ({"none": 5.0}, 1.0, None),  # sure there is no actor: the rules' answer goes
    ({"none": 0.5}, 1.0, "DNK"),  # leaning is not enough: the rules' answer stays
    ({"rel=verb:to": 5.0}, 0.0, "DNK"),  # the recipient is no candidate, whatever the model says
    ({"rel=before": 5.0}, 0.0, "NOR"),  # sure of a party the rules passed over: it is taken
])
def test_the_model_replaces_the_rules_actor_only_when_it_is_sure(extractor, weights, margin, expected):
    [claim] = claims_of(extractor, model(weights, margin))
    assert claim.actor == expected


@pytest.mark.parametrize("weights, expected", [
    ({"none": 5.0}, None),
    ({"main_country": 5.0}, "NOR"),  # the report's main country, where the model is sure of it
    ({"none": 0.5}, "UKR"),
])
def test_the_model_replaces_the_rules_recipient_only_when_it_is_sure(extractor, weights, expected):
    [claim] = claims_of(extractor, model(weights, 1.0, "recipient"))
    assert claim.recipient == expected and claim.actor == "DNK"
