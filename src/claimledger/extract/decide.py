"""Learned decisions: a small linear model weighs the rules' proposals.

The rules of extract/claims.py and extract/attribution.py propose a measure,
a category and, for a figure no frame of its sentence covers, the frames it
might continue (the last speaker before it, the report's lead speaker) or
none, and the candidates for a figure's actor and recipient (the rules'
answer, nobody, each party the sentence names, the parties the report named
before). Each
proposal comes with *features*: the rule's own verdict, the word classes of
the words around the figure (hand lists and WordNet), the parse relations,
distances. A multinomial logistic model for measure and category, and binary
ones that score each source, actor and recipient candidate, turn those into the
decision. The model is a data file, `data/decisions.json`, rebuilt by
`claimledger train` (claimledger.train) from the annotated corpus with a
recorded seed; scoring it needs nothing but this module.

The rules decide alone by default (setting `decisions = "rules"`): measured
leaving out the topic family or the annotator it is tested on, the model barely
moves the corpus, and on sets annotated by other people it costs 0.02-0.09
full F1, because what it learns is its annotators' conventions (README,
Quality). `decisions = "model"` turns it on.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

Features = dict[str, float]


@dataclass
class Linear:
    """Weights of a linear model over named features: one row per class (a single row for a binary one)."""

    classes: list[str]
    weights: dict[str, list[float]]
    bias: list[float]

    def scores(self, feats: Features) -> list[float]:
        out = list(self.bias)
        for name, x in feats.items():
            w = self.weights.get(name)
            if w is not None:
                for k, wk in enumerate(w):
                    out[k] += wk * x
        return out

    def predict(self, feats: Features, allowed: set[str] | None = None, prefer: str | None = None,
                margin: float = 0.0) -> str:
        """The best class; where the rules proposed `prefer`, another class must beat it by `margin`
        (log-odds) to replace it: the model corrects the rules where it is sure, not where it leans."""
        scores = self.scores(feats)
        best = None
        for cls, s in zip(self.classes, scores, strict=True):
            if allowed is not None and cls not in allowed:
                continue
            if best is None or s > best[1]:
                best = (cls, s)
        if best is None:
            return prefer or self.classes[0]
        if prefer is not None and prefer in self.classes and best[0] != prefer:
            if best[1] - scores[self.classes.index(prefer)] < margin:
                return prefer
        return best[0]

    def probability(self, feats: Features) -> float:
        """P(positive) of a binary model."""
        s = self.scores(feats)[0]
        return 1.0 / (1.0 + math.exp(-s)) if s > -50 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"classes": self.classes, "bias": self.bias,
                "weights": {k: [round(x, 5) for x in v] for k, v in sorted(self.weights.items())}}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Linear:
        return cls(classes=list(d["classes"]), weights=d["weights"], bias=list(d["bias"]))


def read_model(shipped: str, path: str | Path | None = None) -> dict[str, Any] | None:
    """A model file's JSON: the one given, else the package's data file ``shipped``; None when absent."""
    try:
        if path is None:
            text = resources.files("claimledger.data").joinpath(shipped).read_text(encoding="utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    data: dict[str, Any] = json.loads(text)
    return data


FIELDS = ("measure", "category", "source", "actor", "recipient")


@dataclass
class DecisionModel:
    measure: Linear | None = None
    category: Linear | None = None
    source: Linear | None = None
    actor: Linear | None = None
    recipient: Linear | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def margin(self) -> float:
        return float(self.meta.get("margin", 0.0))

    @classmethod
    def load(cls, path: str | Path | None = None) -> DecisionModel | None:
        """The shipped model (or the file given); None when there is none."""
        d = read_model("decisions.json", path)
        if d is None:
            return None
        return cls(**{k: Linear.from_dict(d[k]) if d.get(k) else None for k in FIELDS},
                   meta=d.get("meta", {}))

    def save(self, path: str | Path) -> None:
        d = {"meta": self.meta, **{k: getattr(self, k).to_dict() if getattr(self, k) else None
                                    for k in FIELDS}}
        Path(path).write_text(json.dumps(d, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8")


@dataclass
class Trace:
    """What the rules proposed for each claim, kept for training: features of each decision."""

    measure: list[Features] = field(default_factory=list)
    category: list[Features] = field(default_factory=list)
    # per claim, the source candidates as (features, source id, its words as written)
    source: list[list[tuple[Features, str | None, str | None]]] = field(default_factory=list)
    # per claim, the actor and the recipient candidates as (features, party id or None)
    actor: list[list[tuple[Features, str | None]]] = field(default_factory=list)
    recipient: list[list[tuple[Features, str | None]]] = field(default_factory=list)


def bucket(n: int, edges: tuple[int, ...] = (0, 1, 2, 4)) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"
