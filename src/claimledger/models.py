"""Plain records that flow through the pipeline: Document in, Claim out.

A Claim keeps the raw words next to every number it carries (the quantity
expression, the evidence sentence and the cue words that set each field), so
that every field can be explained and re-checked by a person.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

# Field names of the claim record, in the order of spec/claims.md.
CLAIM_FIELDS = (
    "doc", "start", "end", "value", "low", "high", "approx", "bound", "vague",
    "item", "category", "measure", "actor", "recipient", "location",
    "period_start", "period_end", "cumulative", "incremental", "source", "via", "publisher",
)

CATEGORIES = ("personnel", "casualty", "weapon", "munition", "vehicle", "aircraft", "money", "people", "other")
MEASURES = (
    "deployed", "planned", "killed", "wounded", "killed_or_wounded", "captured", "missing", "released",
    "transferred", "launched", "destroyed", "damaged", "pledged", "displaced", "other",
)
BOUNDS = ("=", ">=", ">", "<=", "<")


@dataclass
class Document:
    """One report: its main text and the metadata the claims need."""

    id: str
    text: str
    published: str | None = None  # ISO date, YYYY-MM-DD
    publisher: str | None = None  # entity id or name of the outlet
    url: str | None = None
    title: str | None = None
    origin: str | None = None  # the file, URL or feed it was read from
    encoding: str | None = None  # the character encoding its bytes were decoded from, where it was detected
    language: str | None = None  # the language detected in its text (ISO 639-1), where it was checked

    @property
    def content_hash(self) -> str:
        """Identity for idempotent ingest: the same text from the same outlet on the same day."""
        h = hashlib.sha256()
        for part in (self.text, self.publisher or "", self.published or "", self.title or ""):
            h.update(part.encode("utf-8"))
            h.update(b"\x00")
        return h.hexdigest()

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}

    @classmethod
    def from_dict(cls, data: dict[str, Any], origin: str | None = None) -> Document:
        return cls(
            id=str(data["id"]),
            text=data["text"],
            published=data.get("published"),
            publisher=data.get("publisher"),
            url=data.get("url"),
            title=data.get("title"),
            origin=origin or data.get("origin"),
            encoding=data.get("encoding"),
            language=data.get("language"),
        )


@dataclass
class Claim:
    """One figure a report states about the world (spec/claims.md)."""

    doc: str
    start: int
    end: int
    text: str  # document text[start:end], the quantity expression
    value: float | None = None
    low: float | None = None
    high: float | None = None
    approx: bool = False
    bound: str = "="
    vague: bool = False
    item: str = "person"
    category: str = "other"
    measure: str = "other"
    actor: str | None = None
    recipient: str | None = None
    location: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    cumulative: bool = False
    incremental: bool = False
    source: str | None = None
    via: list[str] = field(default_factory=list)
    publisher: str | None = None
    # Explanations: the sentence, and for each field the words that set it.
    evidence: str = ""
    evidence_start: int = 0
    cues: dict[str, str] = field(default_factory=dict)
    confidence: float = 1.0
    # Not in the spec's record, but carried for the ledger: the document's
    # publication date (the as-of date when no period is stated) and the
    # names as written for every entity id the claim uses.
    published: str | None = None
    names: dict[str, str] = field(default_factory=dict)
    # Also for the ledger (spec/reconcile.md): when the source made the
    # statement, where the text dates it ("said on Monday", "in November the
    # Pentagon estimated"; "YYYY-MM-DDTHH:MM" where a live report's stamp gives
    # the time of day; None: the publication date); whether the text gives
    # the figure as an earlier stage of a count that has changed since ("had
    # earlier put", "the previous count"); whether it is a projection of a
    # count ("could reach", "will likely exceed"), never a count itself.
    stated: str | None = None
    earlier: bool = False
    projection: bool = False
    # What made the claim: claimledger's version and fingerprints of the
    # gazetteer, lexicon, parser model and decisions it used (Extractor.version),
    # so that `claimledger reextract --stale` knows what an upgrade changed.
    extracted_with: str | None = None

    @property
    def id(self) -> str:
        """Stable claim id: the document id and the span of the quantity expression."""
        return f"{self.doc}#{self.start}-{self.end}"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["id"] = self.id
        for k in ("value", "low", "high"):
            v = d[k]
            if isinstance(v, float) and v.is_integer():
                d[k] = int(v)
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})
