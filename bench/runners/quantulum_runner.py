"""Run quantulum3 over documents and map its quantities to claims (spec/claims.md), one JSON object a line.

Runs in bench/.venv-quantulum (made by bench/compare.py); standard library plus quantulum3 only.

quantulum3 finds numbers with their unit and the unit's physical "entity"
(dimensionless, currency, length, time, ...), with character spans and, for
ranges and "±" figures, an uncertainty. It has no notion of what is counted,
what happened to it or who says so. The mapping, kept as literal as possible:

- span: quantulum's span (it leaves hedges such as "more than" outside; the
  scorer matches by overlap, so that costs nothing in detection).
- which quantities become claims: dimensionless counts (plain numbers, "dozen",
  "pair", ...) and currencies; also quantities whose unit quantulum could not
  place (entity "unknown", e.g. "150 KN-23"), since it still read a number
  there. Dropped: physical measurements (length, time, mass, ...) and shares
  (percentage, per mille, basis points, parts-per-...), which the spec says are
  not claims. That filter reads only quantulum's own unit output.
- value: quantulum's value as it is (also where it misreads "£1.6bn" as 1.6 of
  a compound unit); a range ("10,000 to 12,000": value 11,000 ± 1,000) becomes
  low/high with value null; a "±" figure keeps its value and is marked approx.
- money: a currency unit, or a compound unit whose first part is a currency,
  gives category "money" and item the currency's name ("dollar", "euro",
  "pound"); everything else gets category "other" and no item.
- measure "other" (the spec's catch-all), source null, via [], publisher from
  the document's metadata; bound "=", not vague, no period, no entities.

quantulum3's optional unit classifier ("quantulum3[classifier]") is not used:
the clf.joblib it ships loads only with the scikit-learn version that trained
it, and it only changes which unit an ambiguous word gets.
"""
from __future__ import annotations

import sys
import warnings
from typing import Any

from _common import claim, main

KEEP_DIMENSIONLESS = {"dimensionless", "count", "unk", "dozen", "baker's dozen", "gross", "great gross",
                      "long hundred", "pair", "set"}
RANGE_MARKS = ("±", "+/-", "+-", "plus or minus")

_units: Any = None


def tool_meta() -> dict[str, Any]:
    global _units
    from importlib.metadata import version

    with warnings.catch_warnings():
        # quantulum3 warns once, at import, that its optional classifier is not installed.
        warnings.simplefilter("ignore")
        from quantulum3 import classifier, load, parser

    _units = load.units("en_US")
    parser.parse("about 3,000 troops and $2.5 billion")  # loads and caches the unit tables
    return {"tool": "quantulum3", "version": version("quantulum3"), "classifier": bool(classifier.USE_CLF)}


def _currency(unit: Any) -> str | None:
    """The currency a unit is in, if quantulum says so: "dollar", "euro", "pound", ... else None."""
    name = None
    if unit.entity.name == "currency":
        name = unit.name
    else:
        for dim in unit.dimensions or []:
            known = _units.names.get(dim.get("base"))
            if known is not None and known.entity.name == "currency":
                name = known.name
            break  # only the first part: "£" in "£1.6bn" read as pound·barn·newton
    if name is None:
        return None
    words = name.split()
    return "pound" if words[0] == "pound" else words[-1]


def extract(doc: dict[str, Any]) -> list[dict[str, Any]]:
    from quantulum3 import parser

    out = []
    for q in parser.parse(doc["text"], lang="en_US"):
        start, end = q.span
        entity, unit_name = q.unit.entity.name, q.unit.name
        currency = _currency(q.unit)
        if currency is None:
            if entity == "dimensionless" and unit_name not in KEEP_DIMENSIONLESS:
                continue  # percentage, per mille, basis point, parts-per-..., turn
            if entity not in ("dimensionless", "unknown"):
                continue  # length, time, mass, ...: measurements, not counts
        fields: dict[str, Any] = {"value": q.value}
        if q.uncertainty:
            if any(m in q.surface for m in RANGE_MARKS):
                fields["approx"] = True
            else:
                fields.update(value=None, low=q.value - q.uncertainty, high=q.value + q.uncertainty)
        if currency:
            fields.update(item=currency, category="money")
        out.append(claim(doc, start, end, **fields, quantulum_unit=unit_name, quantulum_entity=entity))
    return out


if __name__ == "__main__":
    sys.exit(main(extract, tool_meta, "quantulum3 → claims (JSON Lines on stdout)"))
