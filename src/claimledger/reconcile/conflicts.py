"""Conflicts: pairs of figures that cannot both hold (spec/reconcile.md, "What a conflict is").

Two figures conflict when all four hold:

1. **Same quantity**: both in one series, both counting the whole, or both the
   same part (one place, one sub-kind, one period; sub-counts and additions
   name no sub-group, so two of them are never one part); or a part against its
   whole, which conflicts only when the part is larger (``part_exceeds_whole``);
   or, across series, killed or wounded against killed-or-wounded for one side
   and event: neither can exceed the sum (``exceeds_killed_or_wounded``); and
   one country's nationals, named as such, against everyone the event touched,
   counted with no side: a part (``part_exceeds_whole``, ``_cross_side``); and
   two whole figures (or two for one place) one report sets side by side as
   two speakers' words, of one measure, kind, sides and place, that the
   quantity model split into two series (``_split_rivals``): in one sentence,
   or in two that the model reads as one quantity more likely than not. A
   whole figure that is the very figure someone gives as a part is that part
   (``_as_parts_given``).
2. **Independent originators** (reconcile/originators.py): bodies and officials
   of one government, units of one organisation and every relay count as one,
   and so are officials the gazetteer does not know whose words name that
   government or organisation (``Originators.in_reports``); an originator's own
   revisions are updates, not conflicts.
3. **Same time** (reconcile/roles.py): stocks stated at most
   ``SAME_TIME_DAYS`` apart (each at its statement date: the date the text
   gives, else the publication date; a crowd at its event's day,
   ``_moment_apart``; a count of the missing, which moves both
   ways, only on one day), unless the later figure is the higher
   and the count is young (its first figure at most ``YOUNG_DAYS`` before):
   then the earlier one reads as an earlier stage of a count that had grown
   by the later one's day (a toll rising through a disaster's first days; a
   crowd at one day's event is no such count);
   nor once the earlier figure's originator had given another for the same
   part by the later one's time (``_Stages``: its earlier stage, current from
   the first time it was given, however often restated later); two running
   totals counted from one start stated up to ``HISTORY_DAYS`` apart when the
   later is the lower (``_fell``: such a count does not fall); never two
   one-day events' counts of different days (``_other_days``);
   flows over the same period (a flow inside a longer one is a part of it, and
   inside a running total when it ended by the total's day).
   Earlier stages and projections are never compared; nor are figures whose
   own words do not say what they count or who gives them (``asserted``: an
   extractor's guess is shown in the series, not set against another figure),
   nor figures whose words name another side's nationals than their own
   (``names_other_side``), one voice's several figures of one measure in one
   sentence (``_breakdown``: sub-groups its fields do not tell apart) and a
   share of a group only another sentence names (``shares_unnamed_group``).
   Two figures one report gives as a whole and its parts are no rivals
   (``_given_together``): the report's own or an unnamed voice beside a
   source's in one sentence, or two lines of one list, table or fact box.
4. **Incompatible values**, each figure read as an interval (``figure_interval``):

- a plain figure is the point ``[v, v]``; a hedged one ("about", "some",
  "nearly") is widened by ``APPROX_TOLERANCE`` (10%) each side, the margin
  reporters use when they round (11,000 for 10,400 or 11,600);
- a range is ``[low, high]`` (widened too when hedged);
- "more than" / "at least" is ``[v, ∞)``, "up to" / "fewer than" ``[0, v]``.
  Bounds are closed: "more than 1 million" and "1 million" from two sources
  are one round figure said two ways, not a contradiction; an originator's
  figure retold without the bound it gave it keeps that bound
  (``_with_bounds``);
- vague amounts ("thousands") have no interval and never conflict.

Relays of one figure would make a conflict many times over: conflicts are
reported once per pair of assertions (one originator's one figure for one
part), naming the earliest pair of claims that clash and listing every claim
behind both sides. Each conflict says why in ``reason``.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from claimledger.models import Claim
from claimledger.reconcile.originators import Originators, default_originators
from claimledger.reconcile.quantities import (
    Context,
    QuantityModel,
    contexts,
    country_of,
    quantity_model,
    same_voice_rivals,
)
from claimledger.reconcile.roles import (
    UNNAMED_PARTS,
    Role,
    counts_nationals,
    day_count,
    flow_period,
    given_as_share,
    money_unit,
    names_other_side,
    roles,
    shares_unnamed_group,
    statement_date,
    statement_order,
    statement_time,
)
from claimledger.reconcile.series import Names, Series, claim_date, claim_span, parse_day, primary_source
from claimledger.reconcile.sources import format_figure

APPROX_TOLERANCE = 0.10
SAME_TIME_DAYS = 7
# How long before the newest figure an earlier one is still evidence of a count's current value (spec,
# "Estimates": older figures are history).
HISTORY_DAYS = 30
YOUNG_DAYS = 30
# Counts that move both ways, so that a later, higher figure is no sign of a count that grew: the missing
# are found, alive or dead, as much as new ones are reported.
TWO_WAY_MEASURES = frozenset({"missing"})
# Figures that count nothing found bit by bit: a plan is stated whole, so a later, higher figure for it is
# a rival reading of the plan, not a count grown (Kyiv's 10,000 troops being readied, Seoul's 12,000 the
# next day).
STATED_WHOLE_MEASURES = frozenset({"planned"})


def figure_interval(claim: Claim, tolerance: float = APPROX_TOLERANCE) -> tuple[float, float] | None:
    """The values a figure allows, or None for a vague or empty figure (see the module docstring)."""
    if claim.vague:
        return None
    if claim.low is not None and claim.high is not None:
        lo, hi = float(min(claim.low, claim.high)), float(max(claim.low, claim.high))
    elif claim.value is not None:
        lo = hi = float(claim.value)
    else:
        return None
    if claim.approx:
        lo, hi = lo * (1 - tolerance), hi * (1 + tolerance)
    bound = claim.bound or "="
    if bound in (">", ">="):
        hi = math.inf
    elif bound in ("<", "<="):
        lo = 0.0
    return lo, hi


def _disjoint(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[1] < b[0] or b[1] < a[0]


@dataclass
class Conflict:
    """Two claims of one series that cannot both hold (``a`` is the earlier)."""

    series: str
    a: Claim
    b: Claim
    kind: str  # disagree | part_exceeds_whole | exceeds_killed_or_wounded
    reason: str
    a_claims: list[Claim] = field(default_factory=list)
    b_claims: list[Claim] = field(default_factory=list)

    @property
    def a_source(self) -> str:
        return primary_source(self.a)

    @property
    def b_source(self) -> str:
        return primary_source(self.b)

    def to_dict(self, names: Names | None = None) -> dict[str, Any]:
        """``a_source`` and ``b_source`` are entity ids; ``reason`` and ``*_name`` are for reading."""
        names = names or Names(self.a_claims + self.b_claims)
        return {
            "series": self.series,
            "a": self.a.id,
            "b": self.b.id,
            "kind": self.kind,
            "reason": self.reason,
            "a_source": self.a_source,
            "a_source_name": names(self.a_source),
            "b_source": self.b_source,
            "b_source_name": names(self.b_source),
            "a_claims": [c.id for c in self.a_claims],
            "b_claims": [c.id for c in self.b_claims],
        }


# The cues an extractor leaves where a figure's own words did not say what it counts and it took the
# measure or the thing counted from another figure nearby: the one before it in a list ("South Carolina
# officials have reported 49, Georgia 33"), the one it is compared with ("up from 67"), the whole it is a
# share of ("including 29 children") or the share it is the whole of ("241 of the 242 people aboard").
BORROWED_CUES = ("(as for ", "(the whole of ")
# The cue of a speaker read through a verb gapped in a list: "Georgia (the verb of 'officials reported'
# gapped)".
GAPPED_CUE = "gapped)"
_GAPPED_VERB = re.compile(r"the verb of '([^']+)' gapped\)")


def asserted(c: Claim) -> bool:
    """Whether a figure says for itself what it counts: not when its measure or the thing it counts was
    borrowed from another figure (``BORROWED_CUES``). Such a figure is a guess of the extractor's, as
    likely a breakdown of the figure it borrowed from as a rival of it ("49, Georgia 33, Florida 19" are
    three states' dead): it is shown in its series and never asserted against another figure."""
    return not any((c.cues.get(f) or "").startswith(BORROWED_CUES) for f in ("measure", "item"))


def _listed(claims: list[Claim]) -> set[str]:
    """The ids of the claims that are items of a breakdown: two or more speakers read through one gapped
    verb in one sentence ("South Carolina has reported 36 deaths, Georgia 25 and Florida 14"), and the
    first item, the one whose verb the others share. A list of three figures under one verb breaks a
    total down (the places, read as speakers, of a storm's dead); two speakers under one verb ("the
    ministry spoke of 1.1 million, the union of 3.5 million") are the rivals a report sets side by
    side, and stay asserted."""
    gapped: dict[tuple[str, int], list[Claim]] = {}
    for c in claims:
        if GAPPED_CUE in (c.cues.get("source") or ""):
            gapped.setdefault((c.doc, c.evidence_start), []).append(c)
    listed = {c.id for items in gapped.values() if len(items) >= 2 for c in items}
    if not listed:
        return listed
    verbs = {key: {m.group(1) for c in items if (m := _GAPPED_VERB.search(c.cues.get("source") or ""))}
             for key, items in gapped.items() if len(items) >= 2}
    for c in claims:
        shared = verbs.get((c.doc, c.evidence_start))
        if shared and c.id not in listed and any(v in (c.cues.get("source") or "") for v in shared):
            listed.add(c.id)
    return listed


def _breakdown(claims: list[Claim]) -> set[str]:
    """The ids of the claims one voice gives with another figure of the same measure in one sentence
    (``same_voice_rivals``: "Italy had 12,743 heat deaths, followed by Spain with 8,352 and Germany with
    6,376"): a voice does not contradict itself in one breath, so its figures count sub-groups its
    fields do not tell apart (three countries' dead), each a part of something, none the whole another
    source could rival. Not where the words make one of them a share of the other ("11 detained, four
    of them the gunmen"): that is a whole and its part (roles.py)."""
    out: set[str] = set()
    for a, b in _sentence_pairs(claims):
        if a.measure == b.measure and same_voice_rivals(a, b) and not (given_as_share(a) or given_as_share(b)):
            out.update((a.id, b.id))
    return out


@dataclass
class _Assertion:
    """One originator's one figure for one part of a quantity, with every claim that states it."""

    originator: str
    part: str
    place: str
    unit: str  # money's currency: two currencies are never compared as numbers
    claims: list[Claim]

    @property
    def claim(self) -> Claim:
        return self.claims[0]


def _assertions(claims: Iterable[Claim], role: dict[str, Role], origin: Originators,
                aside: frozenset[str] = frozenset()) -> list[_Assertion]:
    """One assertion per originator's figure for one part, of the claims that may be weighed: not those
    ``aside`` (items of a breakdown, ``_breakdown``), nor items of a list read through a gapped verb
    (``_listed``), projections, earlier stages, borrowed guesses or figures of another side."""
    claims = list(claims)
    listed = _listed(claims) | aside
    by_key: dict[tuple[Any, ...], _Assertion] = {}
    for c in sorted(claims, key=lambda c: (statement_date(c) or date.min, c.doc, c.start)):
        r = role.get(c.id, Role())
        if not r.usable or c.id in listed or not asserted(c) or figure_interval(c) is None \
                or statement_date(c) is None or names_other_side(c):
            continue
        unit = money_unit(c)
        key = (origin(c), c.value, c.low, c.high, c.bound or "=", r.part, r.place, unit, flow_period(c))
        by_key.setdefault(key, _Assertion(key[0], r.part, r.place, unit, [])).claims.append(c)
    return _with_bounds(by_key)


def _as_parts_given(units: list[_Assertion]) -> list[_Assertion]:
    """The assertions, a whole figure that is the very figure someone gives as a part of the quantity read
    as that part: the publisher's "four" men in court are the four gunmen the security service counts
    among its 11 detained, not a rival count of the 11; an originator's figure that one of its sentences
    gives as a part and another restates bare is that part once."""
    parts = {(a.place, a.unit, _figure(a.claim)): a for a in units if a.part}
    own = {(a.originator, a.place, a.unit, _figure(a.claim)[:3]): a for a in units if a.part}
    out = []
    merged: dict[int, list[Claim]] = {}  # claims each part takes from its originator's bare retellings
    for a in units:
        given = parts.get((a.place, a.unit, _figure(a.claim))) if not a.part else None
        if given is None and not a.part and (a.claim.bound or "=") == "=":
            # the originator's own bounded part retold bare ("2,900" for its "at least 2,900 since ...")
            given = own.get((a.originator, a.place, a.unit, _figure(a.claim)[:3]))
        if given is None:
            out.append(a)
        elif given.originator == a.originator:
            # the originator's own figure, once with the words that make it a part
            merged.setdefault(id(given), []).extend(replace(c, bound=given.claim.bound) for c in a.claims)
        else:
            out.append(replace(a, part=given.part))
    return [replace(a, claims=a.claims + merged[id(a)]) if id(a) in merged else a for a in out]


def _figure(c: Claim) -> tuple[Any, ...]:
    return c.value, c.low, c.high, c.bound or "="


def _with_bounds(by_key: dict[tuple[Any, ...], _Assertion]) -> list[_Assertion]:
    """The assertions, an originator's figure restated with no bound ("131", a witness quoting the UN)
    joined to the same figure the originator gave with one ("at least 131"), and read with it: a bound
    left out in the retelling does not make a new, exact figure of it. Only where the originator gave
    the figure with one bound: "up to 40" and "more than 40" leave a bare 40 as it is."""
    bounded: dict[tuple[Any, ...], list[tuple[str, _Assertion]]] = {}
    for key, a in by_key.items():
        if key[4] != "=":
            bounded.setdefault(key[:4] + key[5:], []).append((key[4], a))
    out = []
    for key, a in by_key.items():
        same = bounded.get(key[:4] + key[5:], []) if key[4] == "=" else []
        if len(same) == 1:
            bound, whole = same[0]
            whole.claims.extend(replace(c, bound=bound) for c in a.claims)
        else:
            out.append(a)
    return out


class _Units:
    """Each series' assertions (``_assertions`` of its claims and their roles), made once for every check
    of one call of find_conflicts or conflicts_of: inside a series, and across measures, sides and series,
    the same assertions are weighed, and none of the checks changes them."""

    def __init__(self, origin: Originators, claims: Iterable[Claim] = (),
                 roles_of: dict[str, dict[str, Role]] | None = None) -> None:
        self.origin = origin
        self.roles_of = roles_of or {}  # each series' roles by its id, where the caller made them already
        self._made: dict[int, list[_Assertion]] = {}
        # a breakdown's items are found in the whole ledger: its figures may fall in several series
        claims = list(claims)
        self.aside = frozenset(_breakdown(claims) | shares_unnamed_group(claims))

    def __call__(self, s: Series) -> list[_Assertion]:
        made = self._made.get(id(s))
        if made is None:
            role = self.roles_of.get(s.id)
            made = self._made[id(s)] = _assertions(s.claims, role if role is not None else roles(s.claims),
                                                   self.origin, self.aside)
        return made


class _Stages:
    """When each originator restated each part of the quantity as a stock: what tells an earlier stage.

    An originator's figure stops being current once it gives another for the same part and place: the
    rights body's "at least 22 killed" of the first day is an earlier stage of its 39 a week later, and
    no rival of a figure someone else gave after that. Sub-counts and additions name no sub-group, so
    they supersede nothing."""

    def __init__(self, units: list[_Assertion]):
        times: dict[tuple[str, str, str, str], list[tuple[tuple[date, str], int]]] = {}
        for u, a in enumerate(units):
            if a.part in UNNAMED_PARTS:
                continue
            for c in a.claims:
                if flow_period(c) is None:
                    times.setdefault(self._scope(a), []).append((statement_order(c), u))
        # each scope's times in order, and for each of them where the next one of another assertion is:
        # whether another figure was given in a stretch of time is then two look-ups, not a scan
        self.times: dict[tuple[str, str, str, str], tuple[list[tuple[date, str]], list[int], list[int]]] = {}
        for scope, told in times.items():
            told.sort()
            whose = [u for _, u in told]
            other = [len(whose)] * len(whose)
            for k in range(len(whose) - 2, -1, -1):
                other[k] = k + 1 if whose[k + 1] != whose[k] else other[k + 1]
            self.times[scope] = ([t for t, _ in told], whose, other)
        self.index = {id(a): u for u, a in enumerate(units)}
        self._first: dict[int, tuple[_Assertion, tuple[date, str] | None]] = {}

    @staticmethod
    def _scope(a: _Assertion) -> tuple[str, str, str, str]:
        return a.originator, a.part, a.place, a.unit

    def superseded(self, c: Claim, a: _Assertion, by: Claim) -> bool:
        """Whether a's originator gave another figure for a's scope after it first stated a's figure and by
        ``by``'s time. A figure is current from the first time its originator gives it: restated later
        (a witness quoting the government's first count, a recap of the earlier figures) it is still the
        stage it was, not the originator's word at the restatement's date."""
        told = self.times.get(self._scope(a))
        if told is None:
            return False
        if id(a) not in self._first:  # the assertion is kept with its time, so that its id is not reused
            self._first[id(a)] = (a, min((statement_order(x) for x in a.claims if flow_period(x) is None),
                                         default=None))
        start = self._first[id(a)][1] or statement_order(c)
        when, whose, other = told
        i, j = bisect_right(when, start), bisect_right(when, statement_order(by))
        if i >= j:
            return False
        u = self.index.get(id(a))
        return whose[i] != u or other[i] < j


def _same_time(a: Claim, b: Claim) -> str | None:
    """"same", "a_in_b" (a's period lies inside b's), "b_in_a", or None when the two are not of one time."""
    fa, fb = flow_period(a), flow_period(b)
    if fa is not None and fb is not None:
        if fa == fb:
            return "same"
        if fb[0] <= fa[0] and fa[1] <= fb[1]:
            return "a_in_b"
        if fa[0] <= fb[0] and fb[1] <= fa[1]:
            return "b_in_a"
        return None
    da, db = statement_date(a), statement_date(b)
    if _other_days(a, b) or _moment_apart(a, b):
        return None
    if fa is not None or fb is not None:
        # A flow and a running total: the flow lies inside the total when it ended by the total's day; a
        # flow still running after it ("14 killed in January" beside "13 killed" on 30 January) may hold
        # what the total had not yet counted; nor when it began before the day the total counts from
        # (one year's seizures beside the tonnes seized "so far this year", two years on).
        if fa is not None and db is not None and fa[1] <= db and _counts_from(b, fa[0]):
            return "a_in_b"
        if fb is not None and da is not None and fb[1] <= da and _counts_from(a, fb[0]):
            return "b_in_a"
        return None
    if da is None or db is None:
        return None
    if abs((da - db).days) <= _same_time_days(a, b) or _fell(a, b):
        return "same"
    return None


def _fell(a: Claim, b: Claim) -> bool:
    """Whether two running totals counted from one stated start read as one count that fell: the later
    figure below the earlier, stated less than ``HISTORY_DAYS`` apart. A total of what happened since a
    given day does not fall, so no time between the two reconciles them (Egypt's 1.2 million arrivals
    since the war began, the UN's 500,000 a month later); an earlier figure more than that before is
    history, not the count's current value (spec, "Estimates")."""
    da, db = statement_date(a), statement_date(b)
    ia, ib = figure_interval(a), figure_interval(b)
    if da is None or db is None or ia is None or ib is None or not (a.cumulative and b.cumulative) \
            or not a.period_start or a.period_start != b.period_start or abs((da - db).days) > HISTORY_DAYS:
        return False
    earlier, later = (ia, ib) if da < db else (ib, ia)
    return da != db and later[1] < earlier[0]


def _other_days(a: Claim, b: Claim) -> bool:
    """Whether two figures each count what happened on one stated day (or two) and the days do not meet:
    a march's crowd on one day and another march's a month before, read out in one report, are two
    events' counts, whatever day each figure was stated."""
    da, db = day_count(a), day_count(b)
    return da is not None and db is not None and (da[1] < db[0] or db[1] < da[0])


def _moment_apart(a: Claim, b: Claim) -> bool:
    """Whether one figure counts who was at one day's event (``_one_moment``: a crowd is counted on its
    day) and the other, a figure stated with no day of its own, was current more than
    ``SAME_TIME_DAYS`` after or before that day: a march's crowd on 31 January retold in a report of 8
    March is that day's count, no rival of the turnout the report gives for the march of 7 March."""
    for moment, other in ((a, b), (b, a)):
        when = statement_date(other)
        if _one_moment(moment) and day_count(other) is None and flow_period(other) is None and when is not None:
            day = parse_day(moment.period_start)
            if day is not None and abs((when - day).days) > SAME_TIME_DAYS:
                return True
    return False


def _counts_from(total: Claim, day: date) -> bool:
    """Whether a running total counts what happened on ``day``: it states no start ("the toll" of a
    disaster counts from its first day), or one on or before it ("since 1 January")."""
    start = claim_span(total)[0] if total.cumulative and total.period_start else None
    return start is None or start <= day


def _same_time_days(a: Claim, b: Claim) -> int:
    """How many days apart two stocks are still of one time: ``SAME_TIME_DAYS``, but none for a count that
    moves both ways (TWO_WAY_MEASURES): the missing found or newly reported change it by the day, so the
    sheriff's 92 missing on Tuesday and the county's 37 six days later are two states of it, not rivals."""
    return 0 if a.measure in TWO_WAY_MEASURES or b.measure in TWO_WAY_MEASURES else SAME_TIME_DAYS


def _rose(ca: Claim, ia: tuple[float, float], cb: Claim, ib: tuple[float, float], first: date | None) -> bool:
    """Whether two stocks stated on different days read as a young count that grew between them: the
    later figure is the higher, within ``YOUNG_DAYS`` of the quantity's first figure. A disaster's toll
    reported at 170 and three days later at 3,283 by another body is one count's stages, not a
    disagreement; the reverse (the later figure lower) is one, since a count of what happened does
    not fall; and a war's months-old casualty count that jumps threefold in two days is a dispute.
    A plan is no count at all (STATED_WHOLE_MEASURES).
    Within one day, a live report's time stamps order the statements (33 at 10:05, 59 at 18:45), its
    untimed title and lead coming last (``_live_order``). A count of the missing is no such count
    (TWO_WAY_MEASURES), nor is one day's crowd (``_one_moment``)."""
    da, db = statement_date(ca), statement_date(cb)
    if da is None or db is None or flow_period(ca) is not None or ca.measure in TWO_WAY_MEASURES \
            or ca.measure in STATED_WHOLE_MEASURES:
        return False
    if _one_moment(ca) and _one_moment(cb):
        return False
    ta, tb = _live_order(ca, cb), _live_order(cb, ca)
    if ta[0] == tb[0] and not (ta[1] and tb[1] and ta[1] != tb[1]):
        return False  # one day, and no time of day that orders the two
    if first is None or (max(da, db) - first).days > YOUNG_DAYS:
        return False
    earlier, later = (ia, ib) if ta < tb else (ib, ia)
    return later[0] >= earlier[0] and later[1] >= earlier[1] and later != earlier


def _live_order(c: Claim, other: Claim) -> tuple[date, str]:
    """``statement_order`` of c beside another figure of its report: in a live report whose figure
    ``other`` carries the time stamp of its entry, a figure of the same day with none (the title, the
    lead) speaks for the report's last update, so it comes after every stamped entry of that day
    (Maui's toll "at 80" in the 11:00 entry, 89 in the title)."""
    order = statement_order(c)
    if c.doc == other.doc and not order[1] and statement_time(other) and statement_date(other) == order[0]:
        return order[0], "~"  # after any "HH:MM"
    return order


def _one_moment(c: Claim) -> bool:
    """Whether a figure counts who was there at one event of one day (a crowd, an attendance: measure
    "other" over one stated day, no running total). Such a count is not found bit by bit as a toll is:
    a later, higher figure is a rival estimate, not the count grown (about 150 at a ceremony the day
    after, 300-400 a week later)."""
    return c.measure == "other" and not c.cumulative and c.period_start is not None \
        and c.period_start == c.period_end


def _estimate_of_one(c: Claim) -> bool:
    """Whether a figure estimates one whole nobody counts bit by bit: a crowd at one event of one day
    (``_one_moment``) or a plan (STATED_WHOLE_MEASURES). Rival figures for such a whole differ only by
    who estimates it."""
    return _one_moment(c) or c.measure in STATED_WHOLE_MEASURES


def _replaced(ca: Claim, a: _Assertion, cb: Claim, b: _Assertion, stages: _Stages | None) -> bool:
    """Whether the earlier of two stocks is an earlier stage by the later one's time (``_Stages``)."""
    if stages is None or flow_period(ca) is not None or flow_period(cb) is not None:
        return False
    if statement_order(cb) < statement_order(ca):
        ca, a, cb, b = cb, b, ca, a
    return stages.superseded(ca, a, cb)


def _says(c: Claim, who: str, names: Names) -> str:
    period = flow_period(c)
    at = f" {statement_time(c)}" if statement_time(c) else ""
    when = f"for {period[0]}..{period[1]}" if period else f"as of {statement_date(c)}{at}"
    where = f" in {names(c.location)}" if c.location else ""
    return f"{names(who)} says {format_figure(c)}{where} ({when})"


def _same_part(x: _Assertion, y: _Assertion) -> bool:
    """Whether x and y count one sub-group (or both the whole): a sub-count or an addition names none, so
    Israel's 1,968 prisoners and the 250 long-sentence ones among them, both smaller figures in their
    reports, are two parts, not rivals."""
    return x.part == y.part and x.part not in UNNAMED_PARTS


def _within(x: _Assertion, y: _Assertion) -> bool:
    """Whether x counts within y's scope: y's place or a place inside it, and y's part or the whole."""
    place_in = x.place == y.place or y.place == "" or y.place == country_of(x.place)
    return place_in and (y.part == "" or _same_part(x, y))


def _clash(a: _Assertion, b: _Assertion, names: Names, first: date | None = None,
           stages: _Stages | None = None) -> tuple[Claim, Claim, str, str] | None:
    """The first pair of claims of two assertions that cannot both hold, with the kind and the reason;
    a figure its originator had replaced by the other's time (``stages``) is compared with nothing."""
    if a.unit != b.unit:
        return None  # "€480m ($500m)": one amount in two currencies, no rival of itself
    same_scope = a.place == b.place and _same_part(a, b)
    a_narrower = not same_scope and _within(a, b)
    b_narrower = not same_scope and _within(b, a)
    if not (same_scope or a_narrower or b_narrower) or _said_beside(a, b):
        return None  # two places, or two different parts: any two numbers can hold
    ranges = [figure_interval(cb) for cb in b.claims]
    for ca in a.claims:
        ia = figure_interval(ca)
        if ia is None:
            continue
        for cb, ib in zip(b.claims, ranges, strict=True):
            # every clash below is of two ranges that do not meet: relays of one figure are passed over
            # before their times are read
            if ib is None or not _disjoint(ia, ib):
                continue
            rel = _same_time(ca, cb)
            if rel is None:
                continue
            if rel == "same" and (_rose(ca, ia, cb, ib, first) or _replaced(ca, a, cb, b, stages)):
                continue
            if rel == "same" and same_scope:
                if _disjoint(ia, ib):
                    return ca, cb, "disagree", _disagreeing(ca, a, cb, b, names)
                continue
            # A part against its whole (narrower in place, kind or time): never larger, any smaller number.
            if ((a_narrower and rel in ("same", "a_in_b")) or (same_scope and rel == "a_in_b")) and ia[0] > ib[1]:
                return ca, cb, "part_exceeds_whole", _exceeding(ca, a, cb, b, names)
            if ((b_narrower and rel in ("same", "b_in_a")) or (same_scope and rel == "b_in_a")) and ib[0] > ia[1]:
                return cb, ca, "part_exceeds_whole", _exceeding(cb, b, ca, a, names)
    return None


def _disagreeing(ca: Claim, a: _Assertion, cb: Claim, b: _Assertion, names: Names) -> str:
    return (f"{_says(ca, a.originator, names)}; {_says(cb, b.originator, names)}: the two ranges do not meet, "
            "so both cannot hold")


def _exceeding(part: Claim, pa: _Assertion, whole: Claim, wa: _Assertion, names: Names) -> str:
    why = "; ".join(x for x in (f"in {pa.place} only" if pa.place and pa.place != wa.place else "",
                                pa.part if pa.part != wa.part else "") if x) or "a shorter period"
    return (f"{_says(part, pa.originator, names)}, a part ({why}), more than the whole: "
            f"{_says(whole, wa.originator, names)}")


class _Timeline:
    """The claims of a list of assertions in time order, each read once for _meet: stocks as (day, assertion,
    range, fall key), flows as (start, end, assertion, range). Claims with no range never clash and are left
    out; a claim restated with the same day, assertion and range (relays of one figure on one day) is kept
    once, since it can only add the pairs its first copy adds. The fall key is the start a running total
    counts from (``_fell``), None for a figure that cannot fall."""

    def __init__(self, units: list[_Assertion]):
        stocks: dict[tuple[Any, ...], None] = {}
        flows: list[tuple[date, date, int, tuple[float, float]]] = []
        for u, a in enumerate(units):
            for c in a.claims:
                r = figure_interval(c)
                if r is None:
                    continue
                period = flow_period(c)
                if period is not None:
                    flows.append((period[0], period[1], u, r))
                elif (d := statement_date(c)) is not None:
                    fall = c.period_start if c.cumulative and c.period_start else None
                    stocks[(d.toordinal(), u, r, fall)] = None
        self.stocks = sorted(stocks, key=lambda x: (x[0], x[1]))
        self.days = [s[0] for s in self.stocks]
        self.flows = sorted(flows, key=lambda x: (x[0], x[1], x[2]))
        # the stocks of each fall key in time order, with a table of their lowest upper and highest lower
        # ends over runs of them (_RangeTable): a fall is rare, so most windows are passed over at once
        falls: dict[str, list[int]] = {}
        for k, s in enumerate(self.stocks):
            if s[3] is not None:
                falls.setdefault(s[3], []).append(k)
        self.falls = {key: (ks, [self.days[k] for k in ks], _RangeTable([self.stocks[k][2][0] for k in ks], max),
                            _RangeTable([self.stocks[k][2][1] for k in ks], min)) for key, ks in falls.items()}
        self._uppers: _RangeTable | None = None

    def uppers(self) -> _RangeTable:
        """The lowest upper end over runs of the stocks."""
        if self._uppers is None:
            self._uppers = _RangeTable([s[2][1] for s in self.stocks], min)
        return self._uppers


class _RangeTable:
    """The min (or max) of any run values[i:j] in one step (a sparse table)."""

    def __init__(self, values: list[float], pick: Callable[[float, float], float]):
        self.pick = pick
        self.levels = [values]
        width = 1
        while 2 * width <= len(values):
            last = self.levels[-1]
            self.levels.append([pick(last[i], last[i + width]) for i in range(len(values) - 2 * width + 1)])
            width *= 2

    def __call__(self, i: int, j: int) -> float | None:
        """The min (or max) of values[i:j], None when the run is empty."""
        if j <= i:
            return None
        level = (j - i).bit_length() - 1
        row = self.levels[level]
        return self.pick(row[i], row[j - (1 << level)])


def _meet(units: list[_Assertion], flows_in_stocks: bool = True) -> list[tuple[int, int]]:
    """The pairs (i < j) of assertions that have two claims of one time (``_same_time``), in order: the
    only pairs that can clash, found by sweeping the claims in time order rather than trying every pair.

    Stocks meet within SAME_TIME_DAYS, or within HISTORY_DAYS when the later is below the earlier and both
    count from one start (``_fell``); flows when one period holds the other; a flow and a stock when the
    flow ended by the stock's day, which is a clash only when the flow is the larger (its lower end above
    the stock's upper end), so only those pairs are listed (``flows_in_stocks``; off when the caller
    compares the same time only). Figures that agree (ranges that meet) are never a clash and are passed
    over."""
    line = _Timeline(units)
    stocks, flows = line.stocks, line.flows
    pairs: set[tuple[int, int]] = set()

    def add(x: int, y: int) -> None:
        if x != y:
            pairs.add((x, y) if x < y else (y, x))

    # Every clash is of two figures whose ranges do not meet (a disagreement, or a part above its whole):
    # relays and restatements of one figure, the bulk of a busy week, are passed over here.
    lo = 0
    for k, (d, u, rk, _) in enumerate(stocks):
        while d - stocks[lo][0] > SAME_TIME_DAYS:
            lo += 1
        for m in range(lo, k):
            um, rm = stocks[m][1], stocks[m][2]
            if um != u and (rk[1] < rm[0] or rm[1] < rk[0]):
                add(u, um)
    # Further apart, up to HISTORY_DAYS: only a running total that fell (the later figure below the earlier)
    for ks, days, lowers, _ in line.falls.values():
        first = last = 0
        for k in ks:
            d, u, rk, _ = stocks[k]
            while d - days[first] > HISTORY_DAYS:
                first += 1
            while d - days[last] > SAME_TIME_DAYS:
                last += 1
            top = lowers(first, last)
            if top is None or not top > rk[1]:
                continue
            for m in range(first, last):
                sm = stocks[ks[m]]
                if sm[2][0] > rk[1]:
                    add(u, sm[1])
    for k, (_, end, u, rk) in enumerate(flows):
        for m in range(k + 1, len(flows)):
            if flows[m][0] > end:
                break
            rm = flows[m][3]
            if rk[1] < rm[0] or rm[1] < rk[0]:
                add(u, flows[m][2])
    if flows_in_stocks and flows and stocks:
        uppers = line.uppers()
        for _, end, u, iv in flows:
            k = bisect_left(line.days, end.toordinal())
            least = uppers(k, len(stocks))
            if least is None or least >= iv[0]:
                continue
            for m in range(k, len(stocks)):
                if stocks[m][2][1] < iv[0]:
                    add(u, stocks[m][1])
    return sorted(pairs)


def _meet_across(parts: _Timeline, wholes: _Timeline, offset: int) -> list[tuple[int, int]]:
    """The pairs (i, offset + j) of a part's assertion i and a whole's j that have two claims of one time
    (``_same_time``: stocks within SAME_TIME_DAYS or a fall within HISTORY_DAYS, flows of one period or one
    inside the other) with the part's range above the whole's: the only pairs ``_exceeds`` can find above
    each other, in order. The same pairs as ``_meet`` of both lists (without flows in stocks), taking the
    pairs of a part and a whole whose ranges meet that way; the whole's stocks are looked up by day."""
    pairs: set[tuple[int, int]] = set()
    w = wholes.stocks
    uppers = wholes.uppers() if w else None
    for d, u, rp, fall in parts.stocks:
        # the whole's stocks within SAME_TIME_DAYS, where any lower one is above-by-the-part
        i, j = bisect_left(wholes.days, d - SAME_TIME_DAYS), bisect_left(wholes.days, d + SAME_TIME_DAYS + 1)
        least = uppers(i, j) if uppers is not None else None
        if least is not None and least < rp[0]:
            pairs.update((u, offset + w[m][1]) for m in range(i, j) if w[m][2][1] < rp[0])
        if fall is None or fall not in wholes.falls:
            continue
        # a fall (the later figure below the earlier) within HISTORY_DAYS, before or after the part's day
        ks, days, _, least_of = wholes.falls[fall]
        for i, j, later in ((bisect_left(days, d - HISTORY_DAYS), bisect_left(days, d - SAME_TIME_DAYS), False),
                            (bisect_left(days, d + SAME_TIME_DAYS + 1), bisect_left(days, d + HISTORY_DAYS + 1), True)):
            least = least_of(i, j)
            if least is None or not least < rp[0]:
                continue
            for m in range(i, j):
                rw = w[ks[m]][2]
                if rw[1] < rp[0] and (later or rp[1] < rw[0]):
                    pairs.add((u, offset + w[ks[m]][1]))
    for start, end, u, rp in parts.flows:
        for ws, we, v, rw in wholes.flows:
            # as _meet's sweep: the later-starting period begins by the end of the other
            meet = ws <= end if (start, end) <= (ws, we) else start <= we
            if meet and rw[1] < rp[0]:
                pairs.add((u, offset + v))
    return sorted(pairs)


def series_conflicts(series: Series, names: Names | None = None, originators: Originators | None = None,
                     assertions: _Units | None = None) -> list[Conflict]:
    """The conflicts inside one series, in time order of the later claim (``originators``: as
    ``find_conflicts`` gives them, knowing every report's government; else read from the series alone;
    ``assertions``: the series' assertions as find_conflicts has made them for all its checks)."""
    names = names or Names(series.claims)
    assertions = assertions or _Units(originators or default_originators().in_reports(series.claims),
                                      series.claims)
    found = []
    units = _as_parts_given(assertions(series))
    began = min((d for c in series.claims if (d := statement_date(c)) is not None), default=None)
    stages = _Stages(units)
    for i, j in _meet(units):
        a, b = units[i], units[j]
        if a.originator == b.originator:
            continue  # one originator's figures are updates and corrections, not rivals
        hit = _clash(a, b, names, began, stages)
        if hit is not None:
            first, second, kind, reason = hit
            sides = (a, b) if first in a.claims else (b, a)
            found.append(Conflict(series.id, first, second, kind, reason,
                                  list(sides[0].claims), list(sides[1].claims)))
    found.sort(key=lambda c: (claim_date(c.b) or date.min, c.a.id, c.b.id))
    return found


_PARTS_OF_KOW = ("killed", "wounded")


def _cross_measure(series: list[Series], names: Names, assertions: _Units, model: QuantityModel | None,
                   focus: Series | None = None) -> list[Conflict]:
    """Killed (or wounded) against killed-or-wounded for one side and event: a part above its sum.
    With ``focus``, only the pairs that series is one side of."""
    def side(s: Series) -> tuple[Any, ...]:
        return (s.actor, s.recipient, s.kind, s.location, s.key.scope)

    sums: dict[tuple[Any, ...], list[Series]] = {}
    for s in series:
        if s.measure == "killed_or_wounded" and s.actor:
            sums.setdefault(side(s), []).append(s)
    every = [(s, whole) for s in series if s.measure in _PARTS_OF_KOW and s.actor for whole in sums.get(side(s), [])]

    def conflict(s: Series, a: _Assertion, ca: Claim, b: _Assertion, cb: Claim) -> Conflict:
        return Conflict(s.id, ca, cb, "exceeds_killed_or_wounded",
                        f"{_says(ca, a.originator, names)} {s.measure.replace('_', ' ')}, more "
                        f"than the killed or wounded: {_says(cb, b.originator, names)}",
                        list(a.claims), list(b.claims))

    return _parts_above(every, focus, assertions, model, lambda part, whole: replace(whole, measure=part.measure),
                        conflict)


def _cross_side(series: list[Series], names: Names, assertions: _Units, model: QuantityModel | None,
                focus: Series | None = None) -> list[Conflict]:
    """One country's nationals, named as such (``counts_nationals``), against everyone counted with no
    side, for one measure, kind and event: a part above its whole (17 Filipino crew missing, 16 people
    missing in all). With ``focus``, only the pairs that series is one side of."""
    def scope(s: Series) -> tuple[Any, ...]:
        return (s.measure, s.kind, s.location, s.key.scope)

    alls: dict[tuple[Any, ...], list[Series]] = {}
    for s in series:
        if not (s.actor or s.recipient):
            alls.setdefault(scope(s), []).append(s)
    every = [(s, whole) for s in series if s.actor and not s.recipient and any(map(counts_nationals, s.claims))
             for whole in alls.get(scope(s), [])]

    def conflict(s: Series, a: _Assertion, ca: Claim, b: _Assertion, cb: Claim) -> Conflict:
        return Conflict(s.id, ca, cb, "part_exceeds_whole",
                        f"{_says(ca, a.originator, names)}, a part ({names(s.actor)}'s nationals only), more "
                        f"than the whole: {_says(cb, b.originator, names)}", list(a.claims), list(b.claims))

    return _parts_above(every, focus, assertions, model, lambda part, whole: replace(whole, actor=part.actor),
                        conflict, parts=counts_nationals)


def _parts_above(every: list[tuple[Series, Series]], focus: Series | None, assertions: _Units,
                 model: QuantityModel | None, as_part: Callable[[Claim, Claim], Claim],
                 conflict: Callable[[Series, _Assertion, Claim, _Assertion, Claim], Conflict],
                 parts: Callable[[Claim], bool] = lambda c: True) -> list[Conflict]:
    """The conflicts of each (part's series, whole's series) pair: a whole figure of the part's series
    (of its claims that ``parts`` takes) above a whole figure of the whole's (``_exceeds``; ``as_part``
    makes a whole's claim read as the part's for the quantity model). With ``focus``, only the pairs
    that series is one side of."""
    pairs = [(s, whole) for s, whole in every if focus is None or focus.id in (s.id, whole.id)]
    if not pairs:
        return []
    # the reports' contexts from every pair, with a focus or without: one series' conflicts are then the
    # same as it has in the whole list
    ctx = contexts([c for s, whole in every for c in s.claims + whole.claims])
    whole_of: dict[str, list[_Assertion]] = {}

    def whole_assertions(x: Series) -> list[_Assertion]:
        if x.id not in whole_of:
            whole_of[x.id] = [a for a in assertions(x) if not a.part]
        return whole_of[x.id]

    lines: dict[str, _Timeline] = {}  # each whole's timeline, made once for every part set against it

    def line(x: Series) -> _Timeline:
        if x.id not in lines:
            lines[x.id] = _Timeline(whole_assertions(x))
        return lines[x.id]

    out = []
    for s, whole in pairs:
        mine = [a for a in whole_assertions(s) if any(map(parts, a.claims))]
        units = mine + whole_assertions(whole)
        # Only assertions with claims of one time, the part's above the whole's, can exceed each other
        # (_exceeds); in the order of every part against every whole.
        for i, j in _meet_across(_Timeline(mine), line(whole), len(mine)):
            a, b = units[i], units[j]
            if a.originator == b.originator:
                continue
            hit = _exceeds(a, b, ctx, model, as_part)
            if hit is not None:
                out.append(conflict(s, a, hit[0], b, hit[1]))
    return out


def _exceeds(a: _Assertion, b: _Assertion, ctx: dict[str, Context], model: QuantityModel | None,
             as_part: Callable[[Claim, Claim], Claim]) -> tuple[Claim, Claim] | None:
    """A part's claim above a whole's of the same time and, as the quantity model reads them with what
    makes one a part set aside (``as_part``), the same event: the dead of one attack are no part of a
    war's casualties counted by another body."""
    if _said_beside(a, b):
        return None
    ranges = [figure_interval(cb) for cb in b.claims]
    for ca in a.claims:
        ia = figure_interval(ca)
        for cb, ib in zip(b.claims, ranges, strict=True):
            if not (ia and ib and ia[0] > ib[1] and _same_time(ca, cb) == "same"):
                continue
            if model is not None and model.probability(ca, as_part(ca, cb), ctx.get(ca.doc),
                                                       ctx.get(cb.doc)) <= model.threshold:
                continue
            return ca, cb
    return None


# How likely two figures of one report, in two sentences, must be one quantity for the quantity model before
# they are weighed as rivals (_split_rivals): more likely than not. Grouping asks more of a pair
# (QuantityModel.threshold), since one wrong merge mixes two whole series, where a pair weighed here is
# only that pair, and still has to pass every other test of a conflict.
RIVAL_PROBABILITY = 0.5


def _split_rivals(series: list[Series], names: Names, assertions: _Units, model: QuantityModel | None,
                  focus: Series | None = None) -> list[Conflict]:
    """Two rivals one report sets side by side that the quantity model put in two series: whole figures of
    the same measure, kind and sides, of one place or one unnamed, each given as someone's word, by
    independent originators, at one time, that cannot both hold. A report that gives two independent
    sources' figures for one thing at one time gives them to compare them: in one sentence ("the ministry
    counted 1.1 million marchers, the union 3.5 million", worded apart enough for the model to tell two
    crowds), or in two when both estimate one whole that has no parts to tell apart (``_estimate_of_one``)
    and the model reads the pair as one quantity more likely than not (``RIVAL_PROBABILITY``). Two tolls
    in two paragraphs are not weighed so: they often count two scopes (a place, a part, a day) that their
    fields do not tell apart, and that is no conflict. Only running prose sets rivals side by side so: the
    lines of a list, a table or a fact box ("- seats won: 240", "- cost to the economy: £1.9bn") are
    items, each a thing of its own.
    With ``focus``, only the pairs that series is one side of."""
    def report(s: Series, c: Claim) -> tuple[Any, ...]:
        return c.doc, s.measure, s.kind, s.actor, s.recipient

    shared: dict[tuple[Any, ...], set[str]] = {}
    for s in series:
        for c in s.claims:
            shared.setdefault(report(s, c), set()).add(s.id)
    shared = {k: ids for k, ids in shared.items() if len(ids) > 1 and (focus is None or focus.id in ids)}
    if not shared:
        return []
    together: dict[tuple[Any, ...], list[tuple[Series, _Assertion, Claim]]] = {}
    stages: dict[int, _Stages] = {}  # each assertion's series' stages: a superseded figure is no rival
    sharing = set().union(*shared.values())
    for s in series:
        if s.id not in sharing:
            continue
        units = assertions(s)
        staged = _Stages(units)
        for a in units:
            stages[id(a)] = staged
            for c in a.claims:
                if not a.part and _attributed(c) and "\n" not in c.evidence.strip() \
                        and report(s, c) in shared:
                    together.setdefault(report(s, c), []).append((s, a, c))
    ctx = contexts(c for items in together.values() for _, _, c in items)
    listed = _one_of_several([c for s in series for c in s.claims])

    def rivals(ca: Claim, cb: Claim) -> bool:
        """One sentence sets two rivals side by side; two sentences do when both are estimates of one
        whole (``_estimate_of_one``), neither one of several its sentence lists (``_one_of_several``), of
        one place, and the model reads them as one quantity."""
        if ca.evidence_start == cb.evidence_start:
            return True
        return model is not None and _estimate_of_one(ca) and _estimate_of_one(cb) and ca.location == cb.location \
            and ca.id not in listed and cb.id not in listed \
            and model.probability(ca, cb, ctx.get(ca.doc), ctx.get(cb.doc)) > RIVAL_PROBABILITY

    out = []
    seen: set[tuple[int, int]] = set()  # one conflict per pair of assertions, as inside a series
    for items in together.values():
        for i, (sa, a, ca) in enumerate(items):
            for sb, b, cb in items[i + 1:]:
                if sa.id == sb.id or a.originator == b.originator or a.unit != b.unit or (id(a), id(b)) in seen \
                        or (ca.location and cb.location and ca.location != cb.location) \
                        or ((a.place or b.place) and ca.location != cb.location):
                    continue
                ia, ib = figure_interval(ca), figure_interval(cb)
                if ia and ib and _disjoint(ia, ib) and _same_time(ca, cb) == "same" and rivals(ca, cb) \
                        and not _outdated(ca, a, cb, b, stages):
                    seen.add((id(a), id(b)))
                    out.append(Conflict(sa.id, ca, cb, "disagree", _disagreeing(ca, a, cb, b, names),
                                        list(a.claims), list(b.claims)))
    return out


def _sentence_pairs(claims: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """Every pair of claims whose figures stand in one sentence of one report."""
    by_sentence: dict[tuple[str, int], list[Claim]] = {}
    for c in claims:
        by_sentence.setdefault((c.doc, c.evidence_start), []).append(c)
    for same in by_sentence.values():
        for i, a in enumerate(same):
            for b in same[i + 1:]:
                yield a, b


def _one_of_several(claims: list[Claim]) -> set[str]:
    """The claims whose sentence gives, in the same voice, another figure that counts something else
    (``same_voice_rivals``: two packages, two outcomes, two sub-groups). Such a figure is one item of a
    list, not the lone estimate of one whole that a figure of another sentence could rival."""
    out: set[str] = set()
    for a, b in _sentence_pairs(claims):
        if same_voice_rivals(a, b):
            out.update((a.id, b.id))
    return out


def _outdated(ca: Claim, a: _Assertion, cb: Claim, b: _Assertion, stages: dict[int, _Stages]) -> bool:
    """Whether either of two figures of two series was, by the time of the pair, an earlier stage of its
    own series (``_Stages``): its originator had given another figure for it since first giving this one."""
    late = max(ca, cb, key=statement_order)
    return any(stages[id(x)].superseded(c, x, late) for x, c in ((a, ca), (b, cb)) if id(x) in stages
               and flow_period(c) is None)


# How likely two figures of two series of one block must be one quantity for the quantity model before they
# are weighed as rivals all the same (_close_rivals): far above what grouping asks (QuantityModel.threshold),
# since grouping weighs a figure against every figure of a group, and this one pair against itself.
CLOSE_PROBABILITY = 0.9


def _close_rivals(series: list[Series], names: Names, assertions: _Units, model: QuantityModel | None,
                  focus: Series | None = None) -> list[Conflict]:
    """Two figures of two reports that the quantity model reads as one quantity almost surely
    (``CLOSE_PROBABILITY``) while grouping put them in two series of one block (measure, kind and sides):
    whole figures, each someone's word, by independent originators, of one time and one place (or one
    unnamed), that cannot both hold. Grouping weighs a figure against all of a group, so a running total
    whose figures sit beside one week's count in one report can split in two; a pair of its figures
    stated days apart by two governments is still one count they disagree on. Figures of one report are
    _split_rivals' to weigh. With ``focus``, only the pairs that series is one side of."""
    if model is None:
        return []
    blocks: dict[tuple[Any, ...], list[Series]] = {}
    for s in series:
        blocks.setdefault((s.measure, s.kind, s.actor, s.recipient), []).append(s)
    out = []
    for group in blocks.values():
        if len(group) < 2 or (focus is not None and all(s.id != focus.id for s in group)):
            continue
        items: list[tuple[date, Series, _Assertion, Claim, date | None]] = []
        for s in group:
            first = min((d for c in s.claims if (d := statement_date(c)) is not None), default=None)
            for a in assertions(s):
                if a.part or a.place:
                    continue
                items.extend((day, s, a, c, first) for c in a.claims
                             if _attributed(c) and (day := statement_date(c)) is not None)
        items.sort(key=lambda x: (x[0], x[3].doc, x[3].start))
        ctx = contexts(x[3] for x in items)
        seen: set[tuple[int, int]] = set()
        for i, j in _close_candidates(items):
            _, sa, a, ca, fa = items[i]
            _, sb, b, cb, fb = items[j]
            if (id(a), id(b)) in seen or (focus is not None and focus.id not in (sa.id, sb.id)):
                continue
            ia, ib = figure_interval(ca), figure_interval(cb)
            first = min(d for d in (fa, fb) if d is not None)
            if not (ia and ib and _disjoint(ia, ib) and _same_time(ca, cb) == "same") \
                    or _rose(ca, ia, cb, ib, first) \
                    or model.probability(ca, cb, ctx.get(ca.doc), ctx.get(cb.doc)) <= CLOSE_PROBABILITY:
                continue
            seen.add((id(a), id(b)))
            out.append(Conflict(sa.id, ca, cb, "disagree", _disagreeing(ca, a, cb, b, names),
                                list(a.claims), list(b.claims)))
    return out


def _close_candidates(items: list[tuple[date, Series, _Assertion, Claim, date | None]]) -> Iterator[tuple[int, int]]:
    """The pairs (i < j) of _close_rivals' items, in its order, that can be rivals by what each figure says
    alone: stated at most SAME_TIME_DAYS apart (the items are in time order), of two series, two reports
    and two originators, in one currency, of one place (or one unnamed) and with ranges that do not meet.
    Each item's fields are read once into arrays, and each item's week is weighed in one numpy step: a
    busy week of a running total is thousands of figures, nearly all of one series or of ranges that meet."""
    import numpy as np  # here, not at the top: every command loads this module, and few compare claims

    if len(items) < 2:
        return

    def codes(values: list[Any]) -> Any:
        index: dict[Any, int] = {}
        return np.array([index.setdefault(v, len(index)) for v in values], dtype=np.int64)

    days = [x[0].toordinal() for x in items]
    series, docs = codes([x[1].id for x in items]), codes([x[3].doc for x in items])
    origins, units = codes([x[2].originator for x in items]), codes([x[2].unit for x in items])
    places = codes([x[3].location or None for x in items])  # no place: never another place's
    unplaced = np.array([not x[3].location for x in items])
    ranges = [figure_interval(x[3]) or (math.nan, math.nan) for x in items]  # no range: meets nothing
    lows, highs = np.array([r[0] for r in ranges]), np.array([r[1] for r in ranges])
    for i in range(len(items) - 1):
        end = bisect_right(days, days[i] + SAME_TIME_DAYS, i + 1)
        if end <= i + 1:
            continue
        k = slice(i + 1, end)
        ok = (series[k] != series[i]) & (docs[k] != docs[i]) & (origins[k] != origins[i]) & (units[k] == units[i]) \
            & (unplaced[k] | unplaced[i] | (places[k] == places[i])) & ((highs[i] < lows[k]) | (highs[k] < lows[i]))
        for j in np.flatnonzero(ok).tolist():
            yield i, i + 1 + j


def _said_beside(a: _Assertion, b: _Assertion) -> bool:
    """Whether one report gives a figure of each assertion in a way that makes them no rivals
    (``_given_together``); the two assertions stay so wherever else they are restated."""
    docs = {c.doc for c in b.claims}  # figures of two reports are never given together
    return any(_given_together(ca, cb) for ca in a.claims if ca.doc in docs for cb in b.claims if cb.doc == ca.doc)


def _given_together(a: Claim, b: Claim) -> bool:
    """Whether two figures of one report are given as a whole and its parts, not as rivals:

    - one sentence gives both, one of them in the report's own voice or an unnamed one's: a report
      that sets its own figure beside a source's gives their sum, a breakdown or what one rests on
      ("three soldiers from Malawi have been killed, their governments said, which by our count brings
      the foreign troops killed to at least 17"; "as many as 600 died, a figure based on the estimate
      that roughly 750 were on board"). Rivals set side by side in one sentence are each someone's word;
    - both stand in the lines of a list, a table or a fact box (``_list_item``): such lines are items,
      each a thing of its own (one fire's deaths under its heading, both fires' under another)."""
    if a.doc != b.doc:
        return False
    if a.evidence_start == b.evidence_start and not (_attributed(a) and _attributed(b)):
        return True
    return _list_item(a) and _list_item(b)


def _list_item(c: Claim) -> bool:
    """Whether the figure stands in the lines of a list, a table or a fact box: its sentence runs over
    several lines."""
    return "\n" in c.evidence.strip()


def _attributed(c: Claim) -> bool:
    """Whether a figure is given as someone's word, not the report's own voice or an unnamed one's."""
    return bool(c.source) and c.source != "anonymous"


def find_conflicts(series: Series | Iterable[Series], names: Names | None = None,
                   originators: Originators | None = None,
                   quantities: QuantityModel | None | str = "shipped",
                   roles_of: dict[str, dict[str, Role]] | None = None) -> list[Conflict]:
    """Conflicts across one series or many: inside each series, then across measures, sides and the
    series the quantity model split between two rivals of one report. ``quantities``: the quantity model
    that weighs pairs across series, "shipped" for the one in the package (the one the series were
    made with, as build_series takes it); ``roles_of``: each series' ``roles`` by series id, where the
    caller has made them already (the estimates read them too)."""
    if isinstance(series, Series):
        return series_conflicts(series, names, originators)
    series = list(series)
    names = names or Names([c for s in series for c in s.claims])
    origin = (originators or default_originators()).in_reports(c for s in series for c in s.claims)
    units = _Units(origin, (c for s in series for c in s.claims), roles_of)
    out: list[Conflict] = []
    for s in series:
        out.extend(series_conflicts(s, names, origin, units))
    model = quantity_model(quantities)
    out.extend(_cross_measure(series, names, units, model))
    out.extend(_cross_side(series, names, units, model))
    out.extend(_split_rivals(series, names, units, model))
    out.extend(_close_rivals(series, names, units, model))
    return out


def conflicts_of(one: Series, series: Iterable[Series], names: Names | None = None,
                 originators: Originators | None = None,
                 quantities: QuantityModel | None | str = "shipped") -> list[Conflict]:
    """The conflicts one series takes part in, among all ``series``: its own, and those across measures
    (its killed against the same side's killed-or-wounded, or the reverse), sides (its nationals
    against everyone counted with no side, or the reverse) and series (a rival set beside one of its
    figures in one report)."""
    names = names or Names(one.claims)
    series = list(series)
    origin = (originators or default_originators()).in_reports(c for s in series for c in s.claims)
    model = quantity_model(quantities)
    units = _Units(origin, (c for s in series for c in s.claims))
    return (series_conflicts(one, names, origin, units) + _cross_measure(series, names, units, model, focus=one)
            + _cross_side(series, names, units, model, focus=one)
            + _split_rivals(series, names, units, model, focus=one)
            + _close_rivals(series, names, units, model, focus=one))
