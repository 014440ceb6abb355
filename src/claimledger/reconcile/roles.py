"""Roles: what each claim of a series is to the quantity — the whole, a part of it, an addition, a
projection, an earlier stage — and the time it speaks for (spec/reconcile.md).

Conflicts and estimates read claims through these roles, never their raw
fields, so both agree on what a figure is:

- **Time.** A figure has two dates: the *statement* (``stated`` where the text
  dates it, else the publication date: the day the figure was current) and
  the *period counted*. A figure over a stated period of more than two days
  that is not a running total is a **flow** ("1,000 in the past week",
  "crossings in 2024"), compared only with flows of the same period. Every
  other figure — a running total, a toll, a one-day event's count, a figure
  with no period — is a **stock** compared at its statement date.
- **Parts** (``part``: why it is one, "" for the whole): an addition
  (``incremental``); a figure for a place beside another place of the series
  that is not inside it ("over Kursk" where the series counts over Bryansk or
  over all of Russia too: the country is the whole's place), or for a place in
  the country the things counted were sent to or aimed at, beside figures for
  no place (troops in Kursk among those sent to Russia); else the one place a
  series names is where its event happened (a massacre "in Kishishe"); a
  flow inside a running total or inside a longer period of the series; a
  sub-kind of the series' kind ("women" among "hostages"; money is exempt:
  "€480m ($500m)" is one amount in two currencies); a sub-population named
  by a nationality that is not the counted side ("49 Tunisian pilgrims" among
  a pilgrimage's dead); a government's count of a disaster abroad, which is of
  its own nationals ("Tunisia said 49 died" at a pilgrimage in Saudi Arabia:
  abroad when the series' places are in other countries, or once another
  government there counts "its citizens"); a narrower scope the words give
  ("241 of the 242 people aboard", "died at sea", "five have been formally
  identified", "he had helped bury 11 people"); a share of a group or an addition ("3,190 of the dead", "two of them",
  "of the 21 in the crew, four", "the first consignment, some 100,000", "the
  remaining 13", "among the dead were four students", "a further 170
  deaths elsewhere"); a sub-count: one originator giving several numbers for
  one quantity, place and time in one report ("131 killed: 102 men, 17 women
  and 12 children") gives the whole once, as its largest, and the rest are
  parts; a running total counted from a later start than the others ("673
  killed since the fighting resumed on 18 March" beside the war's toll); and
  a day's count inside a longer count of the series that began before it (one
  ICBM launched on 31 October beside "more than 30 so far this year").
- **Projections** and **earlier stages** (the claim's own flags) are shown,
  never compared and never estimated.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from claimledger.models import Claim
from claimledger.reconcile.originators import Originators, default_originators
from claimledger.reconcile.quantities import country_of
from claimledger.reconcile.series import Kinds, _default_kinds, _load_gazetteer, claim_span, parse_day

FLOW_MIN_DAYS = 2


def statement_date(claim: Claim) -> date | None:
    """When the figure was current: the date the text gives for the statement, else the publication date."""
    return parse_day(claim.stated) or parse_day(claim.published)


def statement_time(claim: Claim) -> str | None:
    """The time of day of the statement where the text gives one (a live report's "12:20 -" stamp), as
    "HH:MM"; it orders a day's statements, which statement_date alone cannot."""
    stated = claim.stated or ""
    return stated[11:16] if len(stated) >= 16 and stated[10] == "T" else None


def statement_order(claim: Claim) -> tuple[date, str]:
    """A key that puts statements in the order they were made: the day, then the time of day if known."""
    return statement_date(claim) or date.min, statement_time(claim) or ""


def flow_period(claim: Claim) -> tuple[date, date] | None:
    """The period of a flow (module docstring), None for a stock."""
    if claim.cumulative:
        return None
    start, end = parse_day(claim.period_start), parse_day(claim.period_end)
    if start is None or end is None or (end - start).days <= FLOW_MIN_DAYS:
        return None
    return start, end


@dataclass(frozen=True)
class Role:
    """A claim's role in its series."""

    part: str = ""  # why the claim counts a part of the quantity, besides its place; "" for none
    place: str = ""  # the place it counts in, when that is narrower than the whole's
    projection: bool = False
    earlier: bool = False

    @property
    def whole(self) -> bool:
        return not (self.part or self.place)

    @property
    def label(self) -> str:
        """Why the claim is a part, for a reader: "in kursk only; women among the hostages"."""
        return "; ".join(x for x in (f"in {self.place} only" if self.place else "", self.part) if x)

    @property
    def usable(self) -> bool:
        """Whether the figure may enter a conflict or an estimate as a current count."""
        return not (self.projection or self.earlier)


def _report_count(c: Claim, origin: Originators) -> tuple[str, str, str, date | None, str]:
    """One originator's count in one report, place, day and currency: its smaller figures are sub-counts.
    The day, not the time of day: a live report's batches (7 hostages at 09:40, 13 at 11:05) stay parts
    of the day's 20."""
    return c.doc, origin(c), c.location or "", statement_date(c), money_unit(c)


GENERIC_KINDS = frozenset({"people", "persons"})

# Parts known only as a smaller share of something ("13 of the day's 20", "3,000 more troops"): which
# sub-group each counts is not said, so two of them, even from one report, are never the same part.
SUB_COUNT = "a sub-count"
ADDITION = "an addition to the total"
UNNAMED_PARTS = frozenset({SUB_COUNT, ADDITION})


def roles(claims: Iterable[Claim], kinds: Kinds | None = None) -> dict[str, Role]:
    """Each claim's role, by claim id (module docstring)."""
    claims = list(claims)
    kinds = kinds or _default_kinds()
    origin = default_originators()
    place_countries = {country_of(c.location) for c in claims if c.location} - {None}
    largest: dict[tuple[str, str, str, date | None, str], float] = {}
    for c in claims:
        v = _size(c)
        if v is not None and not c.incremental:
            key = _report_count(c, origin)
            largest[key] = max(largest.get(key, v), v)
    starts = [parse_day(c.period_start) for c in claims if flow_period(c) is None and not c.incremental]
    # Whether any stock is counted from before a given day (or from no stated day): once, not per claim.
    open_start = None in starts
    earliest = min((s for s in starts if s is not None), default=None)
    unplaced = any(not c.location for c in claims)
    # Once one government counts its own nationals in an event of no side ("99 of its citizens"), the event
    # is abroad for governments, and another's bare figure there ("Tunisia has reported 49") is of its own
    # too, unless the event is in its country.
    nationals_counted = any(not (c.actor or c.recipient) and origin.country(origin(c)) and _OWN.search(_after(c))
                            for c in claims)
    places = {c.location for c in claims if c.location}
    kind_of = {c.id: kinds.kind(c.item, c.category, c.measure) for c in claims}
    # The whole's kind: the kind most claims name, ties going to the kind of the largest figure
    # ("90 prisoners freed": 69 women and 21 boys are among them, not the other way round).
    counts = Counter(kind_of[c.id] for c in claims if not c.incremental)
    biggest: dict[str, float] = {}
    for c in claims:
        if not c.incremental:
            biggest[kind_of[c.id]] = max(biggest.get(kind_of[c.id], 0.0), _size(c) or 0.0)
    main = max(counts, key=lambda k: (counts[k], biggest.get(k, 0.0))) if counts else None
    stocks = any(flow_period(c) is None and not c.incremental for c in claims)
    # each stated period once: a long series restates a few periods many times over
    spans = list(dict.fromkeys(claim_span(c) for c in claims if c.period_start and c.period_end))
    inside: dict[tuple[tuple[date, date], bool], bool] = {}

    def held(period: tuple[date, date], earlier_start: bool = False) -> bool:
        if (period, earlier_start) not in inside:
            inside[(period, earlier_start)] = _inside(period, spans, earlier_start)
        return inside[(period, earlier_start)]

    out = {}
    for c in claims:
        # Every way the claim is narrower than the whole, together: "69 women" freed in the West Bank is
        # a part both by kind and by place, not the same part as "90 prisoners" freed there.
        why: list[str] = []
        place = ""
        if c.location and (any(p != c.location and country_of(p) != c.location for p in places)
                           or (unplaced and c.recipient and country_of(c.location) == c.recipient)):
            place = c.location
        if c.incremental:
            why.append(ADDITION)
        else:
            if (period := flow_period(c)) is not None and (stocks or held(period)):
                why.append(f"for {period[0].isoformat()}..{period[1].isoformat()} only")
            elif (day := day_count(c)) is not None and held(day, earlier_start=True):
                why.append(f"for {day[0].isoformat()}..{day[1].isoformat()} only")
            if c.category != "money" and main and kind_of[c.id] != main and kind_of[c.id] not in GENERIC_KINDS:
                why.append(f"{kind_of[c.id]} among the {main}")
            if (nation := nationality(c)) is not None:
                why.append(f"{nation} only")
            elif not (c.actor or c.recipient) and (state := origin.country(origin(c))) and (
                    (state not in place_countries and (place_countries or nationals_counted))
                    or _OWN.search(_after(c))):
                why.append(f"{state}'s nationals only")
            if c.cumulative and (since := parse_day(c.period_start)) is not None and (
                    open_start or (earliest is not None and earliest < since)):
                why.append(f"since {since.isoformat()} only")
            if (scope := _narrower_scope(c)) is not None:
                why.append(f"{scope} only")
            if not why and (share := _share(c)) is not None:
                why.append(share)
            if not why and (v := _size(c)) is not None and v < largest.get(
                    _report_count(c, origin), v):
                why.append(SUB_COUNT)
        out[c.id] = Role(part="; ".join(why), place=place, projection=bool(c.projection), earlier=bool(c.earlier))
    return out


# "99 of its citizens", "165 deaths among its pilgrims": a government counting its own people.
_OWN = re.compile(r"\b(?:its|their)\s+(?:own\s+)?(?:citizens|nationals|pilgrims|people|residents|workers|"
                  r"soldiers|troops|sailors|crew|students|tourists|travellers|travelers)\b", re.I)


def _after(claim: Claim, chars: int = 40) -> str:
    ev, at = claim.evidence or "", claim.start - claim.evidence_start
    end = at + len(claim.text or "")
    return ev[end:end + chars] if 0 <= at <= len(ev) else ""


def _before(claim: Claim, chars: int = 40) -> str:
    """The words of the claim's sentence (not of the one before it) right before the figure."""
    ev, at = claim.evidence or "", claim.start - claim.evidence_start
    if not 0 <= at <= len(ev):
        return ""
    return re.split(r"[.;!?\n]", ev[max(0, at - chars):at])[-1]


# Words next to a figure that narrow what it counts to a scope inside the whole's: those aboard among all
# the dead of a crash that also killed people on the ground, the dead at sea among all who died crossing,
# the victims identified so far among the dead.
_SCOPE = re.compile(r"\b(aboard|on\s+board|at\s+sea|on\s+the\s+ground|identified)\b", re.I)
# Before the figure, not where the words place the speaker: "our colleagues on the ground have documented".
_SCOPE_BEFORE = re.compile(_SCOPE.pattern + r"(?!\s+(?:have|has|had|say|says|said|told)\b)", re.I)
_GROUP_BEFORE = re.compile(r"\b(?:of|among)\s+(?:the\s+)?$", re.I)
# Those buried, among all the dead: the bodies recovered and laid to rest so far, or the ones a witness
# helped bury ("he had helped bury 11 people", "3,283 bodies had been buried"), not everyone who died.
_BURIED_BEFORE = re.compile(r"\bbur(?:y|ied)\s+(?:some\s+|about\s+|around\s+)?$", re.I)
_BURIED_AFTER = re.compile(r"^\s+(?:[a-z]+\s+)?(?:had|have|has|were|was|are)\s+(?:already\s+)?(?:been\s+)?"
                           r"buried\b", re.I)


def _narrower_scope(claim: Claim) -> str | None:
    """The narrower scope the words around the figure give it ("aboard", "at sea", "identified", "buried"),
    in its clause: "241 of the 242 people aboard", "the number who died at sea in 2024 at 53", "five have
    been formally identified", "he had helped bury 11 people"; None for none."""
    before, after = _before(claim), _after(claim)
    if _GROUP_BEFORE.search(before):
        return None  # "how many of the 24 victims have been identified": 24 is the group, not the share
    if _BURIED_BEFORE.search(before) or _BURIED_AFTER.match(after):
        return "buried"
    m = _SCOPE.search(re.split(r"[.;!?\n]", after)[0]) or _SCOPE_BEFORE.search(before)
    return re.sub(r"\s+", " ", m.group(1).lower()).replace("on board", "aboard") if m else None


# A figure given as a share of a larger group or beside one: "241 of the 242", "3,190 of the dead", "26
# people, two of them minors", "of the 21 in the crew, four were rescued", "the first consignment, some
# 100,000 doses", "the remaining 13", "among the dead were four students" and "438 of its members were
# among those notified" are sub-counts; "a further 170 deaths elsewhere" adds to a figure given before it.
_SHARE_AFTER = re.compile(r"^\s+(?:of\s+(?:the|them|those|whom)\b|"
                          r"[^.;,]{0,30}?\b(?:were|was|are|is)\s+among\b)", re.I)
_REST_BEFORE = re.compile(r"\b(?:the\s+(?:remaining|other)|among\s+them|"
                          r"among\s+(?:the|those)\b[^,]*\b(?:were|are))\s+$", re.I)
# The group named first, the share after it: "of the 21 Filipinos in the crew, four had been rescued".
_GROUP_FIRST = re.compile(r"(?:^|[\s,])(?:of|among)\s+(?:the|those|its|their)\s+[^,]*,\s*$", re.I)
# One batch of a delivery or a release told apart by its order: "the first consignment, some 100,000
# doses", "a second group of 30 prisoners": one of several that make up the total.
_BATCH_BEFORE = re.compile(r"\b(?:first|second|third|fourth|fifth|latest|last|next|initial|final|new)\s+"
                           r"(?:consignment|batch|shipment|tranche|delivery|instalment|installment|convoy|group|"
                           r"wave|round)\b(?:\s+of)?[^.;:]{0,12}$", re.I)
_ADDED_BEFORE = re.compile(r"\b(?:a\s+further|another|an\s+additional|an\s+extra)\s+$", re.I)


# A share of a group named only by a pronoun: "two of them", "227,000 of them".
_OF_PRONOUN = re.compile(r"^\s+of\s+(?:them|those|whom)\b", re.I)


def shares_unnamed_group(claims: Iterable[Claim]) -> set[str]:
    """The ids of the figures that are a share of a group their own sentence does not give: "N of them"
    with no figure before it in the sentence ("It says about 227,000 of them collapsed"). What such a
    figure counts is the group of another sentence, which its fields can only guess."""
    claims = list(claims)
    first: dict[tuple[str, int], int] = {}  # each sentence's first figure
    for c in claims:
        key = (c.doc, c.evidence_start)
        first[key] = min(first.get(key, c.start), c.start)
    return {c.id for c in claims if first[(c.doc, c.evidence_start)] >= c.start and _OF_PRONOUN.match(_after(c))}


def given_as_share(claim: Claim) -> bool:
    """Whether the words right around the figure make it a share of a group or an addition (``_share``)."""
    return _share(claim) is not None


def _share(claim: Claim) -> str | None:
    """ADDITION or SUB_COUNT when the words right around the figure make it one, else None."""
    before = _before(claim)
    if _ADDED_BEFORE.search(before):
        return ADDITION
    if _SHARE_AFTER.match(_after(claim)) or _REST_BEFORE.search(before) \
            or _GROUP_FIRST.search(before) or _BATCH_BEFORE.search(before):
        return SUB_COUNT
    return None


def money_unit(c: Claim) -> str:
    """What a number is counted in: money in its currency ("€760m ($830m)" is one amount twice)."""
    return (c.item or "") if c.category == "money" else ""


def _size(c: Claim) -> float | None:
    if c.vague:
        return None
    if c.high is not None:
        return float(c.high)
    return float(c.value) if c.value is not None else None


# Nouns after a nationality that name who speaks, not who is counted ("Spanish officials said").
_SPEAKERS = frozenset({"officials", "official", "authorities", "government", "ministry", "media", "police",
                       "army", "military", "forces", "sources", "state", "president", "prime", "minister"})
_NATION_AFTER = re.compile(r"^\s*(?:[a-z]+\s+)?([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\s+([a-z]+)")


def _named_nation(claim: Claim) -> tuple[str, str] | None:
    """The nationality the words right after the figure name, as (the word, its country's id); None when
    they name none, or name who speaks ("50 people, Spanish officials said")."""
    m = _NATION_AFTER.match(_after(claim, 40))
    gaz = _load_gazetteer()
    if m is None or gaz is None or m.group(2) in _SPEAKERS:
        return None
    found = gaz.demonym(m.group(1))
    return (m.group(1), found.id) if found is not None else None


def nationality(claim: Claim) -> str | None:
    """A nationality that narrows what the figure counts ("49 Tunisian pilgrims", "12 more Thai
    workers"), when it is not the side the claim is about; None when the words right after the figure
    name none, or name who speaks."""
    named = _named_nation(claim)
    return named[0] if named is not None and named[1] not in (claim.actor, claim.recipient) else None


def names_other_side(claim: Claim) -> bool:
    """Whether the words right after the figure name the nationals of a country other than the side the
    claim is about ("50 Russians" in a count of Mali's dead): the figure counts another side's people,
    a quantity of its own (spec, "Side"), not a sub-group of this side's, so it is set against none of
    this side's figures. A claim with no side (a disaster's dead) has no side to contradict."""
    named = _named_nation(claim)
    return bool(claim.actor) and named is not None and named[1] not in (claim.actor, claim.recipient)


def counts_nationals(claim: Claim) -> bool:
    """Whether the figure counts its side's nationals by name ("17 Filipino crew" with the Philippines as
    its side): a sub-population of everyone the event touched, whom others count with no side."""
    named = _named_nation(claim)
    return named is not None and named[1] == claim.actor


def day_count(claim: Claim) -> tuple[date, date] | None:
    """The stated day (or two) a figure that is no running total counts: one night's launches, one
    attack's toll; None when it states no such period."""
    start, end = parse_day(claim.period_start), parse_day(claim.period_end)
    if claim.cumulative or start is None or end is None or flow_period(claim) is not None:
        return None
    return start, end


def _inside(period: tuple[date, date], spans: list[tuple[date | None, date | None]],
            earlier_start: bool = False) -> bool:
    """Whether a longer stated period of the series holds this one; with ``earlier_start``, one that began
    before it: one ICBM launched on 31 October within "more than 30 missiles so far this year" is a part,
    while the toll of a one-day crash counted from that day on is the crash's toll, not a longer count."""
    return any(s is not None and e is not None and s <= period[0] and period[1] <= e and (s, e) != period
               and (not earlier_start or s < period[0]) for s, e in spans)
