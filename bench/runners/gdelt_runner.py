"""Run gdelt-regkg's reconstruction of the GDELT GKG "Counts" field and map its counts to claims.

Runs in bench/.venv-gdelt (Python 3.12, made by bench/compare.py); standard
library plus gdelt-regkg only.

`gdelt_regkg.fields.counts.analyze_counts(text)` applies GDELT's count rules
(packaged with gdelt-regkg: resources/counts/rules.v*.json; no build step and
no download) and returns `CountMention`s: a count type (KILL, WOUND, ARREST,
KIDNAP, SEIZE, DISPLACED, EVACUATION, AFFECT, PROTEST, ... and the CrisisLex
theme labels of GKG 2.1 counts such as CRISISLEX_T03_DEAD), an exact integer,
the object words ("North Korean soldiers", may be empty), and character offsets:
`start` where the number begins, `end` where the matched construction ends
(after the trigger verb). The mapping:

- one claim per number: the labels GDELT gives the same number (KILL and
  CRISISLEX_T03_DEAD for "4,000 soldiers have been killed") are one claim.
- span: the number itself, from `start` to the end of the number expression
  (found with the package's own number pattern); the whole construction goes
  to the extra field `tool.construction`.
- measure from the count types: KILL, CRISISLEX_T03_DEAD, ASSASSINATION,
  NATURAL_DISASTER_DROWNED → killed; WOUND, CRISISLEX_T02_INJURED → wounded;
  both on one number → killed_or_wounded; ARREST, KIDNAP, SEIZE,
  SOC_POINTSOFINTEREST_JAIL → captured; CRISISLEX_T08_MISSINGFOUNDTRAPPEDPEOPLE
  → missing; RELEASE_HOSTAGE → released; DISPLACED, EVACUATION, REFUGEES,
  CRISISLEX_T09_DISPLACEDRELOCATEDEVACUATED → displaced; anything else (AFFECT,
  PROTEST, SICKENED, STRIKE, ...) → other.
- category: casualty for killed / wounded / captured / missing / released,
  people otherwise (GDELT counts count people).
- item: the head (last) word of the object words, made singular; "person"
  when GDELT names no object, as the spec asks.
- value: GDELT's integer; bound "=", approx false, not vague (GDELT drops
  hedges and skips ranges and vague amounts); source null, via [],
  publisher from the document's metadata; no actor, period or location.
"""
from __future__ import annotations

import re
import sys
import tempfile
from typing import Any

from _common import claim, main

MEASURES = {
    "KILL": "killed", "CRISISLEX_T03_DEAD": "killed", "ASSASSINATION": "killed",
    "NATURAL_DISASTER_DROWNED": "killed",
    "WOUND": "wounded", "CRISISLEX_T02_INJURED": "wounded",
    "ARREST": "captured", "KIDNAP": "captured", "SEIZE": "captured", "SOC_POINTSOFINTEREST_JAIL": "captured",
    "CRISISLEX_T08_MISSINGFOUNDTRAPPEDPEOPLE": "missing",
    "RELEASE_HOSTAGE": "released",
    "DISPLACED": "displaced", "DISPLACE": "displaced", "EVACUATION": "displaced", "EVACUATE": "displaced",
    "REFUGEES": "displaced", "CRISISLEX_T09_DISPLACEDRELOCATEDEVACUATED": "displaced",
}
# When one number carries labels of several measures, the most specific wins.
PRIORITY = ("killed_or_wounded", "killed", "wounded", "captured", "missing", "released", "displaced", "other")
CASUALTY = {"killed_or_wounded", "killed", "wounded", "captured", "missing", "released"}
IRREGULAR = {"people": "person", "persons": "person", "men": "man", "women": "woman", "children": "child",
             "policemen": "policeman", "policewomen": "policewoman", "police": "police"}

_rules: Any = None
_number_re: Any = None


def tool_meta() -> dict[str, Any]:
    global _rules, _number_re
    from importlib.metadata import version

    from gdelt_regkg.fields import counts

    # An empty resource directory: the packaged count rules, never a local-resources/ lying around.
    with tempfile.TemporaryDirectory(prefix="gdelt-regkg-empty-") as empty:
        _rules = counts.default_count_rules(empty)
    _number_re = getattr(counts, "_NUMBER_RE", None) or re.compile(r"[0-9][0-9,]*(?: (?:thousand|million))?")
    return {"tool": "gdelt-regkg", "version": version("gdelt-regkg"), "count_rules": _rules.name}


def singular(word: str) -> str:
    w = word.lower()
    if w in IRREGULAR:
        return IRREGULAR[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def measure_of(labels: set[str]) -> str:
    measures = {MEASURES.get(label, "other") for label in labels}
    if {"killed", "wounded"} <= measures:
        measures.add("killed_or_wounded")
    return min(measures, key=PRIORITY.index)


def extract(doc: dict[str, Any]) -> list[dict[str, Any]]:
    from gdelt_regkg.fields.counts import analyze_counts

    text = doc["text"]
    by_number: dict[int, list[Any]] = {}
    for m in analyze_counts(text, rules=_rules).mentions:
        by_number.setdefault(m.start, []).append(m)
    out = []
    for start, mentions in sorted(by_number.items()):
        number = _number_re.match(text, start)
        end = number.end() if number else start + len(str(mentions[0].number))
        labels = {m.count_type for m in mentions}
        measure = measure_of(labels)
        objects = [m.object_type for m in mentions if m.object_type]
        item = singular(objects[0].split()[-1]) if objects else "person"
        out.append(claim(
            doc, start, end, value=mentions[0].number, item=item, measure=measure,
            category="casualty" if measure in CASUALTY else "people",
            gdelt_counts=sorted(labels), construction=text[start:max(m.end for m in mentions)],
        ))
    return out


if __name__ == "__main__":
    sys.exit(main(extract, tool_meta, "gdelt-regkg GKG counts → claims (JSON Lines on stdout)"))
