"""Annotated reports in: documents whose claims a person has already coded.

``ingest --annotated FILE`` loads JSON Lines in the gold form of
spec/claims.md (one report per line: ``id``, ``text``, ``published``,
``publisher``, ``title``, ``aliases`` and ``claims``) and keeps every claim as
it was coded: the ledger's series, conflicts and estimates can then be built
from perfect input, and an analyst's hand-coded sheet can sit beside the
machine's reading of other reports.

What the gold form does not carry is filled in, never what it does:

- ``text`` of each claim from its offsets, ``evidence`` from its sentence;
- ``names``: the claim's own ``names`` when given, else the report's
  ``aliases`` (first alias) for every id the claim uses;
- ``stated``, ``earlier`` and ``projection`` (models.Claim) from the
  extractor's claim at the same place, when an extractor is given (``align``):
  they say how the text dates and frames a figure, which coders do not mark.
  Where the extractor read one day as the period counted and the coder marks
  no period, that day is taken as the statement's.

The labels that score reconciliation (``quantity``, ``part_of``) are not
read: the ledger makes its own series, so that they can be scored.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from claimledger.errors import IngestError
from claimledger.ingest.jsonl import json_lines
from claimledger.models import BOUNDS, CATEGORIES, CLAIM_FIELDS, MEASURES, Claim, Document

# Fields copied from a coded claim as they are; the rest of CLAIM_FIELDS are
# doc, start, end (positions) and publisher (the document's when missing).
_CODED = tuple(f for f in CLAIM_FIELDS if f not in ("doc", "start", "end", "publisher"))
# Filled from the extractor's reading of the same words (module docstring).
_FROM_EXTRACTOR = ("stated", "earlier", "projection")
_SENTENCE_END = re.compile(r"(?<=[.!?])([\"'”’)]*)\s+|\n+")

AnnotatedReport = tuple[Document, list[Claim]]


def read_annotated(path: str | Path) -> Iterator[AnnotatedReport | IngestError]:
    """Each report of an annotated JSON Lines file with its coded claims, or the error of one line."""
    origin = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        yield IngestError(origin, f"cannot read the annotated file ({exc})")
        return
    lines = list(json_lines(text))
    if not lines:
        yield IngestError(origin, "no reports in the file (expected one JSON object per line)")
    for n, data, bad in lines:
        where = f"{origin}:{n}"
        if bad:
            yield IngestError(where, bad)
            continue
        try:
            yield report(data, where)
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            yield IngestError(where, f"not a report in the gold form of spec/claims.md ({exc})")


def report(data: dict[str, Any], origin: str) -> AnnotatedReport:
    """One report in the gold form: its Document and its claims as coded."""
    if not isinstance(data, dict) or not isinstance(data.get("text"), str) or "id" not in data:
        raise ValueError("a report needs an `id` and a `text`")
    doc = Document.from_dict(data, origin=origin)
    raw_aliases = data.get("aliases") or {}
    if not isinstance(raw_aliases, dict) or not all(isinstance(v, list) for v in raw_aliases.values()):
        raise ValueError("`aliases` maps each id to a list of names")
    aliases = {str(k): [str(a) for a in v] for k, v in raw_aliases.items() if v}
    coded = data.get("claims") or []
    if not isinstance(coded, list) or not all(isinstance(c, dict) for c in coded):
        raise ValueError("`claims` is a list of claim objects")
    claims = [_claim(doc, c, aliases, i) for i, c in enumerate(coded, 1)]
    return doc, claims


def _claim(doc: Document, coded: dict[str, Any], aliases: dict[str, list[str]], n: int) -> Claim:
    start, end = coded.get("start"), coded.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(doc.text)):
        raise ValueError(f"claim {n}: `start` and `end` must be offsets into the text, not {start!r}..{end!r}")
    fields = {k: coded[k] for k in _CODED if k in coded and coded[k] is not None}
    for name, allowed in (("bound", BOUNDS), ("measure", MEASURES), ("category", CATEGORIES)):
        if name in fields and fields[name] not in allowed:
            raise ValueError(f"claim {n}: {name} {fields[name]!r} is not one of {', '.join(allowed)}")
    for name in ("value", "low", "high"):
        v = fields.get(name)
        if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v)):
            raise ValueError(f"claim {n}: {name} {v!r} is not a finite number")
    via = fields.get("via") or []
    if not isinstance(via, list):
        raise ValueError(f"claim {n}: `via` is a list of ids, not {via!r}")
    fields["via"] = [str(v) for v in via]
    names = dict(coded.get("names") or {})
    for ent in [fields.get(k) for k in ("actor", "recipient", "location", "source")] + fields["via"]:
        if ent and ent not in names and aliases.get(ent):
            names[ent] = aliases[ent][0]
    ev_start, ev_end = sentence_around(doc.text, start, end)
    return Claim(doc=doc.id, start=start, end=end, text=doc.text[start:end],
                 publisher=coded.get("publisher") or doc.publisher, published=doc.published,
                 evidence=doc.text[ev_start:ev_end], evidence_start=ev_start,
                 cues={"annotated": "coded by hand"}, names=names, **fields)


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding text[start:end] (sentence ends and line breaks split; no parser needed)."""
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    after = _SENTENCE_END.search(text, end)
    return left, (after.start() + len(after.group(1) or "") if after else len(text))


def align(coded: Iterable[Claim], extracted: Iterable[Claim]) -> list[Claim]:
    """The coded claims, each with ``stated``, ``earlier`` and ``projection`` of the extracted
    claim that overlaps it most (left as they are where none does)."""
    extracted = list(extracted)
    out = []
    for c in coded:
        best, overlap = None, 0
        for e in extracted:
            o = min(c.end, e.end) - max(c.start, e.start)
            if o > overlap:
                best, overlap = e, o
        if best is None:
            out.append(c)
            continue
        found = {k: getattr(best, k) for k in _FROM_EXTRACTOR}
        if found["stated"] is None and best.period_end and best.period_start == best.period_end \
                and not (c.period_start or c.period_end):
            # The extractor read a day as the period counted where the coder says none is: the time
            # words date the statement instead ("put the number at 3,000 on Monday").
            found["stated"] = best.period_end
        out.append(replace(c, **found))
    return out
