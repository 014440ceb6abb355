"""Doc → Claims: every figure with what is counted, what happened, who says so and when.

Pure: `extract_claims(doc, document, resources)` reads a parsed spaCy Doc, the
Document's metadata and the shared resources (lexicon, gazetteer, matchers),
and returns Claim records. No I/O, no globals, so it can run in any process.

The steps for each quantity expression found in the text:
1. the counted noun (item) through the parse: "3,000 additional troops",
   "220 units of launchers", "296 of the drones"; money takes its currency;
2. the measure from the noun itself ("casualties", "deaths") or the verb that
   governs it ("dispatched", "shot down"), turned into `planned` by a future;
3. category from item and measure;
4. actor, recipient and location from the clause (subjects, "to Russia",
   demonyms), else from the claim before it in the document;
5. period and cumulative/incremental cues from the clause;
6. source and relay chain from the attribution frames of the sentence
   (attribution.py), with the article-wide relays;
7. when the statement was made, and whether the figure is an earlier stage
   or a projection of a count (statement.py), from the frames and the period.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice

from spacy.tokens import Doc, Span, Token

from claimledger.extract.attribution import LOCAL_LEVELS, Attribution, Chain, in_dateline
from claimledger.extract.decide import DecisionModel, Features, Linear, Trace, bucket
from claimledger.extract.frames import LIST_ITEM, TABLE_ROW, line_under
from claimledger.extract.lexicon import Lexicon
from claimledger.extract.not_counts import not_a_count
from claimledger.extract.statement import Figure, StatementReader, above_participles
from claimledger.models import Claim, Document
from claimledger.nlp.entities import EntityIndex, Mention, doc_text, publisher_id, sentence_reader, slug, time_entities
from claimledger.nlp.quantities import CURRENCY_WORDS, Quantity, find_quantities
from claimledger.nlp.times import EXTRA_TIME, Period, parse_date, resolve_period

CASUALTY_MEASURES = {"killed", "wounded", "killed_or_wounded", "captured", "missing", "released"}
HARM_MEASURES = {"killed", "wounded", "killed_or_wounded", "missing"}
PERSON_CATEGORIES = {"personnel", "casualty", "people"}
SCALE_WORDS = {"hundred", "thousand", "million", "billion", "trillion", "bn", "m", "k", "mn", "dozen"}
PLACE_PREPS = {"in", "near", "at", "over", "around", "outside", "across", "inside", "into", "from", "on"}
NOT_ITEMS = {"%", "percent", "time", "year", "month", "day", "week", "hour", "minute", "kilometre",
             "kilometer", "mile", "metre", "meter", "point", "per", "cent", "mm", "km", "record"}


@dataclass
class Context:
    """What the claims before this one in the document said: the fallback for missing fields."""

    last_item: dict[str, str] = field(default_factory=dict)
    actor: dict[str, str | None] = field(default_factory=dict)
    recipient: dict[tuple[str | None, str], str | None] = field(default_factory=dict)
    sentence_actor: dict[tuple[int, str], str] = field(default_factory=dict)
    main_country: str | None = None
    one_country: bool = True  # the main country is named at least twice as often as any other
    harm: str = ""  # what harms the people the report counts: "disaster", "crime" or "" (a side, or not said)
    uprooted: bool = False  # the report is about people fleeing more than about captives
    illness: bool = False  # the report's title or lead names an illness (_about_illness)
    last_actor: str | None = None
    victims: dict[str, str] = field(default_factory=dict)  # the side of the last people harmed, held, driven out
    launcher: str | None = None
    # where each family's last actor (and the last doer, "last") was named, by paragraph, and how many figures
    # each party has done so far (sent, fired, paid: not people harmed or held, whose side is no doer)
    actor_para: dict[str, int] = field(default_factory=dict)
    actor_count: dict[str, int] = field(default_factory=dict)
    sentence_item: dict[int, str] = field(default_factory=dict)
    model: DecisionModel | None = None
    trace: Trace | None = None
    # the claim before this one: its sentence, paragraph, measure, category and whether a word set its measure
    previous: tuple[int, int, str, str, bool] | None = None
    previous_item: str = ""
    # the measure of each claim so far, by its counted noun's and its number's token, and in order
    counted: dict[int, tuple[str, bool]] = field(default_factory=dict)
    recent: list[tuple[int, str, bool]] = field(default_factory=list)  # (sentence start, measure, money)
    items: dict[int, str] = field(default_factory=dict)  # the item of each claim so far, by its number's token


DISASTERS = {"earthquake", "quake", "flood", "flooding", "storm", "hurricane", "typhoon", "cyclone", "tsunami",
             "landslide", "wildfire", "blaze", "eruption", "avalanche", "heatwave", "drought", "tornado", "mudslide",
             "crash", "collapse", "derailment", "aftershock", "downpour", "rain",
             # accidents and hazards with no side: wrecks, heat, the ordnance a war left, crushes, epidemics
             "shipwreck", "capsize", "sinking", "drown", "heat", "heatstroke", "ordnance", "unexploded", "landmine",
             "accident", "crush", "stampede", "outbreak", "epidemic"}


SOLDIER_WORDS = {"soldier", "troop", "force", "serviceman", "fighter", "unit", "personnel", "army", "military",
                 "loss", "casualty"}


def _country_of_id(eid: str | None, ents: EntityIndex) -> str | None:
    """The state an entity speaks for: a country itself, a state body's or an official's country."""
    if not eid or eid == "anonymous":
        return None
    ent = ents.gaz.get(eid)
    if ent is not None:
        if ent.kind == "country":
            return ent.id
        if ent.kind in ("person", "organisation", "body") and ent.country and (
                ent.kind == "person" or eid.startswith(ent.country + "-")):
            return ent.country
        return None
    for m in ents.by_id.get(eid, []):
        if m.kind == "person" and m.country:
            return m.country
    return None


def _victims_side(num: Token, sent: Span, ents: EntityIndex, lex: Lexicon, ctx: Context,
                  reporter: str | None = None, measure: str = "killed", category: str = "casualty",
                  violent: bool = False) -> tuple[str | None, str]:
    """Whose dead, wounded, held or displaced, when the figure's own words do not say.

    "North Korean losses ... at 300 soldiers dead" (a casualty noun of a country in the sentence),
    then a country where it happened ("strikes elsewhere in Ukraine", a place in Gaza), then the
    figure before it in the same sentence. Victims of disasters belong to no side; nor do suspects
    arrested, nor things the police seize from owners the text does not name (C16); but people the
    figure's own clause says a violent cause harmed (`violent`) are a side's, in a report of a disaster too.
    """
    casualty = category == "casualty" or measure in HARM_MEASURES
    suspects = any(t.lower_ in SUSPECT_WORDS or t.lemma_.lower() in SUSPECT_WORDS for t in sent)
    if measure == "captured" and (ctx.harm == "crime" or suspects):
        return None, ""
    words = {t.lemma_.lower() for t in sent} if casualty else set()
    for t in sent:
        if t.lemma_.lower() in ("loss", "casualty", "toll", "death", "dead") and t.i != num.i:
            for c in t.children:
                if c.dep_ in ("poss", "amod", "compound"):
                    m = ents.at(c)
                    if m and m.kind in ("country", "demonym"):
                        return m.id, f"{c.text} {t.text}"
    if words & DISASTERS and not violent or (ctx.harm == "disaster" and casualty and not violent):
        return None, ""
    # "North Korea ... had suffered some 4,700 casualties": who suffered, lost or sustained them
    t = num
    for _ in range(5):
        if t.head.i == t.i:
            break
        t = t.head
        if t.pos_ == "VERB" and t.lemma_.lower() in ("suffer", "sustain", "lose", "incur", "take", "cost") \
                and not any(c.dep_ == "prt" and c.lower_ == "in" for c in t.children):  # "Hungary has taken in"
            # "X suffered 4,700 casualties"; "the war had cost Russia dearly, with 700,000 casualties"
            role = "dobj" if t.lemma_.lower() == "cost" else "nsubj"
            for c in t.children:
                if c.dep_ == role:
                    m = _np_entity(c, ents) or _pronoun_party(c, ents, lex)  # "Chile, which lost 14 soldiers"
                    if m and m.kind in ("country", "demonym"):
                        return m.id, f"{c.text} {t.text}"
            break
    keeper = _keepers_count(sent, ents, lex)
    if keeper is not None:
        return keeper.country, f"(counted by {keeper.text})"
    for family in ("casualty", "personnel"):
        if (sent.start, family) in ctx.sentence_actor:
            return ctx.sentence_actor[(sent.start, family)], "(earlier in the sentence)"
    # the soldiers the sentence is about: "the number of North Korean soldiers killed or wounded ..."
    for t in sent:
        if t.dep_ in ("amod", "compound", "poss") and t.head.lemma_.lower() in SOLDIER_WORDS:
            m = ents.at(t)
            if m and m.kind in ("country", "demonym"):
                return m.id, f"{t.text} {t.head.text}"
    if (sent.start, "people") in ctx.sentence_actor:
        return ctx.sentence_actor[(sent.start, "people")], "(earlier in the sentence)"
    for t in sent:
        if t.dep_ == "pobj" and t.head.lower_ in ("in", "across", "inside", "throughout", "on"):
            # "in Tel Aviv's Jaffa district": the place may be the phrase's modifier
            m = ents.at(t) or next((ents.at(c) for c in t.children if c.dep_ in ("poss", "compound")
                                    and ents.at(c)), None)
            if m and m.kind == "country":
                return m.id, f"{t.head.text} {t.text}"
            if m and m.kind == "place" and m.country:
                return m.country, f"{t.head.text} {t.text}"
    if (sent.start, "target") in ctx.sentence_actor:
        return ctx.sentence_actor[(sent.start, "target")], "(the side attacked in this sentence)"
    places = [m for m in ents.starting_in(sent.start, sent.end) if m.kind == "place" and m.country]
    if places:
        return places[0].country, f"(where {places[0].text} is)"
    # people who fled go with the people who fled before them, the harmed with the harmed, captives with
    # captives (a group's own fighters it detained say nothing of whose dead a later toll counts); else
    # with the people counted before them
    if ctx.victims.get(_what_befell(measure)):
        return ctx.victims[_what_befell(measure)], "(from context)"
    for family in ("people", "casualty") if measure == "displaced" else ("casualty", "people"):
        if ctx.actor.get(family):
            return ctx.actor[family], "(from context)"
    if reporter:
        return reporter, "(the side that reports its own losses)"
    if measure in HARM_MEASURES and not ctx.one_country:
        # the dead of a report on two countries at war, or on an attack at sea, are not the more-named one's
        # by default (people who fled keep it: they mostly belong where the report is set)
        return None, ""
    return ctx.main_country, "(the country the report is about)" if ctx.main_country else ""


# The state bodies that tend a country's own people (gazetteer acronyms): health, civil defence, emergencies
KEEPER_BODIES = {"MOH", "CD", "MES"}


def _keepers_count(sent: Span, ents: EntityIndex, lex: Lexicon) -> Mention | None:
    """A country's body that tends its own people, the subject of the sentence's verb of saying or counting
    ("Lebanon's health ministry says 1,100 people have been killed"): the dead, wounded and uprooted it
    counts are its country's, whoever the sentence says harmed them. Rescuers pulling people from the sea
    count no one."""
    for m in ents.starting_in(sent.start, sent.end):
        if m.kind not in ("body", "organisation") or not m.country or m.id.rsplit("-", 1)[-1] not in KEEPER_BODIES:
            continue
        head = sent.doc[m.end - 1]
        verb = head.head.lemma_.lower()
        if head.dep_ == "nsubj" and (verb in lex.reporting_verbs or verb in lex.statement.counting_verbs):
            return m
    return None


def _violent_cause(counted: Token, gov: Token, lex: Lexicon) -> bool:
    """The figure's own clause names violence as what harmed the people: "attacks have killed 68 civilians",
    "civilians killed in air strikes", "wounded by shelling". Its victims belong to a side even in a report
    about a disaster, where the dead of the disaster itself have none."""
    verbs = [c for c in counted.children if c.dep_ in ("acl", "relcl")] + [gov]
    for verb in verbs:
        if lex.classes.measure(verb.lemma_.lower()) not in HARM_MEASURES:
            continue  # a verb of harm: "killed", "injured", "died"
        for c in verb.children:
            if c.dep_ == "nsubj":
                causes = [c]
            elif c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ in ("in", "by"):
                causes = [p for p in c.children if p.dep_ in ("pobj", "pcomp")]
            else:
                continue
            if any(t.lemma_.lower() in VIOLENCE_WORDS for t in causes):
                return True
    return False


def _carries_to(actor: str | None, family: str, para: int, ctx: Context) -> bool:
    """Whether the doer of the figures before may stand for a figure whose own words name no one who sends,
    plans or hands over its things: one named in this paragraph, or the report's recurring doer, the actor
    of more than one figure so far (a donor shipping shells, then missiles, then launchers all through a
    report). A party named once, paragraphs back, most often did something else; who sends these is not said."""
    if actor is None:
        return False
    named_at = ctx.actor_para.get(family if ctx.actor.get(family) else "last", -1)
    return named_at == para or ctx.actor_count.get(actor, 0) > 1


def _what_befell(measure: str) -> str:
    """The kind of fate a victims' figure counts, for carrying its side on: harm, capture or release, flight."""
    return "harmed" if measure in HARM_MEASURES else measure


def _proper_name(doc: Doc, mention: Mention) -> str:
    """A mention's words widened to the whole proper name around it: "CDC" in "Africa CDC"."""
    start, end = mention.start, mention.end
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].ent_iob_ != "O" \
            and doc[start - 1].text[:1].isupper():
        start -= 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].ent_iob_ != "O" and doc[end].text[:1].isupper():
        end += 1
    return mention.text if (start, end) == (mention.start, mention.end) else doc[start:end].text


def _name_speakers(claim: Claim, attribution: Attribution) -> None:
    """Every id of the source and relay chain with the words that named it (spec v1.3)."""
    for eid in (claim.source, *claim.via):
        words = claim.names.get(eid) or attribution.words.get(eid) if eid else None
        if eid and words:
            claim.names[eid] = attribution.written_name(eid, words) or words


def extract_claims(doc: Doc, document: Document, res, trace: Trace | None = None,
                   frames: list[dict] | None = None) -> list[Claim]:
    """Every claim in one parsed document (`_extract_claims`), each token's sentence looked up from a list made
    once (nlp/entities.py `sentence_reader`) while it is read: the doc is left as it came."""
    hooks = doc.user_token_hooks
    if "sent" in hooks:
        return _extract_claims(doc, document, res, trace, frames)
    hooks["sent"] = sentence_reader(doc)
    try:
        return _extract_claims(doc, document, res, trace, frames)
    finally:
        del hooks["sent"]


def _extract_claims(doc: Doc, document: Document, res, trace: Trace | None = None,
                    frames: list[dict] | None = None) -> list[Claim]:
    """Every claim in one parsed document. With `trace`, the features of every decision are kept in it
    (claimledger.train learns from them); with `frames`, the document's attribution frames are added to it."""
    lex: Lexicon = res.lexicon
    ents = EntityIndex(doc, res.gazetteer, *res.matchers)
    pub = parse_date(document.published)
    publisher = publisher_id(document.publisher, res.gazetteer)
    if publisher != document.publisher:
        document = replace(document, publisher=publisher)
    title_end = _title_end(document)
    model = getattr(res, "model", None)
    attribution = Attribution(doc, ents, lex, res.gazetteer, publisher, title_end=title_end,
                              model=model.source if model else None, trace=trace)
    main_country, one_country = ents.main_country()
    ctx = Context(main_country=main_country, one_country=one_country, harm=_harm_kind(doc, document), model=model,
                  trace=trace, uprooted=_about_uprooted(doc), illness=_about_illness(doc, lex))
    statements = StatementReader(doc, pub, lex, doc_text(doc))
    claims: list[Claim] = []
    previous: Quantity | None = None
    for q in find_quantities(doc_text(doc)):
        gap = doc_text(doc)[previous.end:q.start].lower() if previous is not None else ""
        if previous is not None and q.currency and not q.hedge and q.bound == "=" and re.fullmatch(
                r"\s*(?:[a-z]+\s*)?\(\s*", gap) and (previous.currency or gap.strip(" (") in CURRENCY_WORDS):
            # "more than 21 billion euros ($24 billion)": a conversion states the same bound
            q.bound = previous.bound
        claim = _claim_for(q, doc, document, ents, lex, attribution, ctx, pub, statements)
        if claim is not None:
            claims.append(claim)
        previous = q
    attribution.finish(claims)
    for c in claims:  # finish() may have changed the chains
        _name_speakers(c, attribution)
    if frames is not None:
        frames.extend(attribution.describe())
    _carry_event_dates(claims, title_end, doc_text(doc), _event_days(doc, pub, lex))
    _fill_from_neighbours(claims)
    _measure_from_earlier_figure(claims, doc, lex, title_end)
    return claims


EVENT_NOUNS = DISASTERS | {"attack", "strike", "raid", "assault", "bombardment", "barrage", "explosion", "blast",
                            "shelling", "ambush", "massacre", "bombing", "shooting", "stampede"}
# A sentence that brings in an event of its own ("A Ukrainian drone strike in Russia's Kursk region killed
# three", "strikes elsewhere", "died in the fighting") is not about the day reported above.
NEW_EVENT = re.compile(r"\b(?:an?|another|separate|earlier|other)\s+(?:\w+\s+){0,3}?(?:strike|attack|raid|bombing|"
                       r"explosion|blast|shelling|assault)\b|\b(?:strikes|attacks|raids)\s+elsewhere\b|"
                       r"\bfighting\b|\bthe war\b|\bconflict\b", re.I)
LEAD_PARAGRAPHS = 2  # the title, the dateline and the lead: what a report is about
# A report within a week of an event is news of it, and the event it dates in its lead is what it is about;
# an event the lead dates further back is background ("a year after the quake of March 2").
FRESH_DAYS = 7
EVENT_MEASURES = {"launched", "destroyed", "damaged", "killed", "wounded", "killed_or_wounded", "missing", "released",
                  "captured"}


def _fill_from_neighbours(claims: list[Claim]) -> None:
    """A sending side named once covers its other figures: the recipient of the nearest figure with the
    same actor and category (before or after, the title included), where a figure names none."""
    # the figures that can lend, by actor and kind of thing, in text order (claims come in text order)
    lenders: dict[tuple[str, str], list[Claim]] = {}
    for o in claims:
        if o.actor is not None and o.recipient and o.recipient != o.actor:
            lenders.setdefault((o.actor, _lending_kind(o.category)), []).append(o)
    starts = {key: [o.start for o in found] for key, found in lenders.items()}
    for c in claims:
        if c.recipient is not None or c.actor is None or c.measure not in ("deployed", "planned", "transferred",
                                                                           "launched", "pledged", "destroyed"):
            continue
        key = (c.actor, _lending_kind(c.category))
        found = lenders.get(key)
        if not found:
            continue
        # the nearest before or after; of two as near, the one before (the first in text order)
        k = bisect_left(starts[key], c.start)
        near = [o for o in (found[k - 1] if k > 0 else None, found[k] if k < len(found) else None) if o is not None]
        nearest = min(near, key=lambda o: abs(o.start - c.start))
        c.recipient = nearest.recipient
        c.cues["recipient"] = f"(as for {nearest.text!r} nearby)"
        if c.recipient != c.actor:  # it lends in turn to the figures after it
            found.insert(k, c)
            starts[key].insert(k, c.start)


# Small counts recur in a report by chance ("two children", "two helicopters"); from this value on, the same
# figure of the same kind of thing is taken to be the same count.
SAME_FIGURE_FLOOR = 3


def _measure_from_earlier_figure(claims: list[Claim], doc: Doc, lex: Lexicon, title_end: int) -> None:
    """A figure no word explains takes the measure of a figure stated before it that it refers back to:
    - the same figure repeated: "Of the 97, 74 ..." after "97 deaths", "the 14 incidents I mentioned" after
      "14 attacks": the same value, bound ("around 600" is not "more than 600") and kind of thing, either
      marked as known ("the 38 appeared in court") or with no verb of its own that says what happened to
      the things (none, or one of saying, counting or being);
    - the value of a noun that names a figure: "the figure fell to 293", "the toll of 5,300", "yesterday's
      figure was 133": the last figure of its kind of thing before it.
    The earlier figure's own words set its measure. A title's figure refers back to nothing (it opens the
    report) and borrows nothing; nor does any figure borrow from one after it."""
    same: dict[tuple, Claim] = {}  # the last figure with a word for its measure, by value, bound and kind
    named: Claim | None = None  # the last figure with a counted noun of its own: what "the figure" is about
    for c in claims:  # claims come in text order
        kind = _figure_kind(c, lex)
        key = (c.value, c.bound, kind)
        if c.measure == "other" and "measure" not in c.cues and c.start >= title_end:
            num = _claim_number(c, doc)
            lender = None
            if num is not None and named is not None and _value_of_figure_noun(num, lex):
                lender = named if _word_cued(named) and _figure_kind(named, lex) == kind else None
            elif num is not None and c.value is not None and key in same and c.value >= SAME_FIGURE_FLOOR \
                    and (_definite(num) or not _says_what_happened(num, lex)):
                lender = same[key]
            if lender is not None:
                c.measure = lender.measure
                if c.category != "money":
                    c.category = _category(c.item, c.measure, lex)
                c.cues["measure"] = f"(as for {lender.text!r} above)"
        elif _word_cued(c) and c.value is not None:
            same[key] = c
        if not c.cues.get("item", "(").startswith("("):
            named = c


def _word_cued(claim: Claim) -> bool:
    """A word of the figure's own sets its measure, not a figure it was taken from: a verb or noun of its
    measure, or a noun of people harmed or held ("62 victims", "12 hostages"), whose fate the noun says."""
    if claim.measure == "other":
        return False
    return not claim.cues.get("measure", "(").startswith("(") or (
        "measure" not in claim.cues and claim.category == "casualty")


def _definite(num: Token) -> bool:
    """The figure is marked as one the reader knows: "the 43,000", "all six", "these 14 incidents"."""
    noun = num.head if num.dep_ == "nummod" else num
    return any(c.dep_ in ("det", "predet") and c.lower_ in ("the", "these", "those", "all") and c.i < num.i
               for c in (*noun.children, *num.children))


def _claim_number(claim: Claim, doc: Doc) -> Token | None:
    span = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    return _number_token(span) if span is not None and len(span) else None


def _value_of_figure_noun(num: Token, lex: Lexicon) -> bool:
    """The figure is the value of a noun through which a figure is stated (the lexicon's report nouns:
    figure, toll, tally, estimate, ...), with no counted noun of its own: "the toll of 5,300", "the official
    figure was 133", "the figure fell to 293", "the tally passed 100"."""
    head = num.head
    if num.dep_ == "pobj" and head.lower_ == "of":
        return head.head.lemma_.lower() in lex.report_nouns
    if num.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head  # "fell to 293"
    elif num.dep_ not in ("attr", "dobj"):
        return False
    if head.lemma_.lower() in lex.reporting_verbs:
        return False  # "the report put the cost at $524 billion": who states it, not what it counts
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in lex.report_nouns for c in head.children)


def _figure_kind(claim: Claim, lex: Lexicon) -> str:
    """The kind of thing a figure counts, whatever befell it: people of any role are one kind, munitions
    and weapons another; money counts in its currency."""
    if claim.category == "money":
        return f"money:{claim.item}"
    kind = _category(claim.item, None, lex)
    return "person" if kind in PERSON_CATEGORIES else _lending_kind(kind)


def _says_what_happened(num: Token, lex: Lexicon) -> bool:
    """The figure's own clause has a verb that tells what happened to the things, even one the lexicon does not
    map ("pulled 80 people alive", "affected 174,000 people"), or where they are ("17 pupils were in the
    school"): what it says is not the other figure's. Verbs of saying and counting say nothing of it, nor
    does "be" with the figure as its attribute ("whether it is 50 or 60")."""
    verb = _governing_verb(num, lex)
    if verb is None:
        return False
    lemma = verb.lemma_.lower()
    if lemma == "be":
        counted = num.head if num.dep_ == "nummod" else num
        return counted.dep_ != "attr" and not (counted.dep_ == "conj" and counted.head.dep_ == "attr")
    return not (lemma in lex.reporting_verbs or lemma in COUNTING_VERBS)


def _lending_kind(category: str) -> str:
    """Figures of one kind lend each other their recipient: munitions and weapons are one kind."""
    return "munition|weapon" if category in ("munition", "weapon") else category


def _days(start: str, end: str) -> int:
    first, last = parse_date(start), parse_date(end)
    return (last - first).days if first and last else 0


def _event_days(doc: Doc, pub, lex: Lexicon) -> list[tuple[int, str, str, bool]]:
    """The one-day times that date an event in the text, as (offset, ISO day, the event's word, whether
    the event is fresh news): "a quake struck on Friday" → quake, "Thursday's attack" → attack. A time of
    a statement ("said on Friday") dates no event. One pass over the document's times."""
    if pub is None:
        return []
    days = []
    for sent in doc.sents:
        for s, e, text in time_entities(sent):
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            p = resolve_period(text, pub)
            # "since ... on Feb. 24, 2022" opens a span: it dates no event of the report
            if p is None or p[0] is None or p[0] != p[1] or _under_since(span):
                continue
            word = _dated_event(span.root, lex)
            if word:
                days.append((s, p[0], word, (pub - parse_date(p[0])).days <= FRESH_DAYS))
    return days


def _dated_event(root: Token, lex: Lexicon) -> str | None:
    """The event a time modifies: the noun of an event ("the attack on Monday", "Monday's attack") or the
    event that is the subject of its verb ("the earthquake struck on Friday")."""
    host = root.head.head if root.head.pos_ == "ADP" else root.head
    if host.i == root.i:
        return None
    lemma = host.lemma_.lower()
    if host.pos_ == "NOUN":
        return lemma if _event_noun(lemma, lex) else None
    if host.pos_ != "VERB" or _is_future(host, lex):  # "the swap is expected to continue on Saturday"
        return None
    # a verb alone is no sure event: "the deal struck on May 16"; of two subjects the parser gives it ("A
    # magnitude 6.8 earthquake struck"), the event's
    subjects = [c.lemma_.lower() for c in host.children if c.dep_ in ("nsubj", "nsubjpass")]
    return next((lemma for lemma in subjects if _event_noun(lemma, lex)), None)


def _event_noun(lemma: str, lex: Lexicon) -> bool:
    """A noun of an event of one day: an attack, a quake, a crash, a killing (WordNet's nouns of acts); a war
    or an occupation lasts."""
    return lemma in EVENT_NOUNS or lemma in DISASTERS or lex.classes.event(lemma) in EVENT_MEASURES


def _carry_event_dates(claims: list[Claim], title_end: int, text: str,
                       event_days: Sequence[tuple[int, str, str, bool]]) -> None:
    """One-day events: figures about the attack or the exchange a report is dated by take its day.

    A report says "Russia attacked Ukraine overnight with 728 drones" once; the drones shot down and
    the people killed in the next paragraphs happened then too. The day of the latest earlier figure
    with a one- or two-day period carries to later figures of events (casualties, launches, losses,
    releases) that name no time of their own. Running totals keep no day.
    """
    event: tuple[str, str] | None = None
    event_para = 0
    breaks = [m.end() for m in re.finditer("\n\n", text)]  # what text.count("\n\n", 0, offset) counts
    mentions = iter(sorted(d for d in event_days if d[0] >= title_end))
    mention = next(mentions, None)
    dated: dict[str, str] = {}  # the day of each event the text has dated so far, by its word
    last_day: tuple[str, str] | None = None  # the one day the text named last, for "that day"
    for c in claims:
        if c.start < title_end:
            continue
        while mention is not None and mention[0] < c.start:
            # the lead's "a quake struck on Friday" dates the event the report is about, with or without a figure
            if mention[3] and bisect_right(breaks, mention[0]) <= LEAD_PARAGRAPHS:
                event, event_para = (mention[1], mention[1]), bisect_right(breaks, mention[0])
            dated[mention[2]] = mention[1]
            last_day = (mention[1], mention[1])
            mention = next(mentions, None)
        if c.cues.get("period") == SAME_DAY_CUE and last_day is not None:
            c.period_start, c.period_end = last_day
            c.cues["period"] = "(that day: the day named above)"
        if c.period_start and c.period_start == c.period_end:
            last_day = (c.period_start, c.period_end)
        para = bisect_right(breaks, c.start)
        is_event = c.measure in EVENT_MEASURES and "standing" not in c.cues or (
            c.category == "munition" and c.measure != "planned")
        if c.period_start and c.period_end:
            # a rolling window ("in the previous 24 hours") counts a tally, not the day of one event
            window = re.search(r"\b(?:past|previous|last|preceding)\b.*\b(?:hours?|days?)\b", c.cues.get("period", ""))
            if is_event and not window:
                if _days(c.period_start, c.period_end) <= 1:
                    event = (c.period_start, c.period_end)
                    event_para = para
            continue
        # a report moves on to other events after a few paragraphs
        # an attack's or a quake's toll is of that day: "the death toll from last Friday's earthquake"
        # an event's toll is of its day when the report is about that one event (its lead dates it)
        since = re.fullmatch(r"since the (\w+)", c.cues.get("period", ""))
        if since and c.published and (since.group(1) in dated or event is not None):
            # "68,000 bookings cancelled since the accident": from the accident's day to the publication
            c.period_start = dated[since.group(1)] if since.group(1) in dated or event is None else event[0]
            c.period_end = c.published[:10]
            c.cues["period"] = f"(since the {since.group(1)}: the day of the event reported above)"
            continue
        event_toll = "toll" in c.cues.get("cumulative", "") and event_para <= 1
        running = c.cumulative and not event_toll
        # the lead's event is what the report is about; a day given further down dates its own paragraph
        reach = 5 if event_para <= LEAD_PARAGRAPHS else 0
        if c.period_start or c.period_end or event is None or running or para - event_para > reach:
            continue
        if is_event and not NEW_EVENT.search(c.evidence):
            c.period_start, c.period_end = event
            c.cues["period"] = "(the day of the event reported above)"


# Causes of harm with no side beyond DISASTERS: fire, disease, a wreck at sea (spec line 51: null for victims of
# disasters and accidents)
SIDELESS_CAUSES = DISASTERS | {"fire", "disaster", "catastrophe", "disease", "virus", "pandemic", "infection",
                               "collision", "wreck", "sink", "flood"}
# Words of armed or political violence: a report that speaks of them as often is about harm done by a side
VIOLENCE_WORDS = {"attack", "strike", "airstrike", "shelling", "bombardment", "bombing", "fighting", "clash", "war",
                  "offensive", "assault", "ambush", "raid", "massacre", "gunman", "gunmen", "gunfire", "militant",
                  "rebel", "insurgent", "jihadist", "militia", "gang", "shooting", "troop", "soldier", "army",
                  "fighter", "terrorist", "protest", "protester", "demonstrator", "riot", "execution", "shoot",
                  "missile", "drone", "shell", "artillery", "hostage", "prisoner", "detainee", "captive"}
# Words of police work: suspects arrested, goods seized, charges brought
CRIME_WORDS = {"arrest", "suspect", "suspicion", "police", "officer", "investigation", "investigator", "prosecutor",
               "smuggler", "smuggling", "trafficking", "trafficker", "criminal", "crime", "fraud", "laundering", "drug",
               "cocaine", "seizure", "looting", "warrant"}
# Words that make the people held suspects, not captives of a side: "detained on suspicion of smuggling"
SUSPECT_WORDS = {"suspect", "suspected", "suspicion", "accuse", "accused", "allege", "alleged", "smuggler",
                 "trafficker", "criminal"}


def _harm_kind(doc: Doc, document: Document) -> str:
    """What the report's harm comes from: "disaster" (a natural disaster, an accident or an epidemic: its
    dead belong to no side), "crime" (police work: the people it arrests have no opposing side, C16), else "".

    A title or lead that names a disaster decides; otherwise the words of the text vote. Its words of such
    causes ("the fire", "capsized", "the outbreak") outnumber its words of violence ("attack", "gunmen",
    "troops"): a shipwreck report whose title says only "Twelve dead as migrant boat tears apart" still
    speaks of drowning and sinking throughout. Its words of police work ("arrest", "suspect", "smuggler")
    outnumber those of violence: a report on a drug haul or a fraud ring."""
    title_end = _title_end(document)
    head = doc_text(doc)[:title_end] if title_end else doc_text(doc)[:300]
    words = {w.lower().strip(".,;:'\"") for w in head.split()}
    words |= {w[:-1] for w in words if w.endswith("s")}  # "floods"
    if words & DISASTERS:
        return "disaster"
    causes = violence = crime = 0
    for t in doc:
        lemma = t.lemma_.lower()
        if lemma in SIDELESS_CAUSES and not (lemma == "fire" and (t.pos_ != "NOUN" or t.head.lemma_.lower() in (
                "open", "return"))):
            causes += 1  # but "fired missiles", "opened fire" are violence
        elif lemma in VIOLENCE_WORDS:
            violence += 1
        elif lemma in CRIME_WORDS:
            crime += 1
    if causes > violence:
        return "disaster"
    return "crime" if crime > max(violence, 2) else ""


FLEEING_WORDS = re.compile(r"\b(?:refugees?|fle(?:e|es|eing|d)|displace(?:d|ment)|evacu\w+|asylum|exodus|"
                           r"uprooted|forced from their homes)\b", re.I)
CAPTIVE_WORDS = re.compile(r"\b(?:prisoners?|hostages?|detainees?|captives?|pows?|swaps?|exchanges?|"
                           r"released|freed)\b", re.I)


def _identified(num: Token, noun: Token | None, lex: Lexicon) -> bool:
    """The verb over a count of victims or bodies is one of identifying them ("have been identified"), on
    the figure's own line in a list ("Victims identified by DNA matching: 254")."""
    verb = _governing_verb(noun if noun is not None else num, lex)
    if verb is not None and verb.lemma_.lower() == "identify":
        return True
    bounds = _row_bounds(num.doc, num.idx)
    return bounds is not None and "identif" in doc_text(num.doc)[bounds[0]:num.idx].lower()


# "hold" detains people and the ships or planes seized with them; anything else held is owned or kept.
HOLDING_FORMS = {"hold", "holds", "held", "holding"}
HELD_CATEGORIES = PERSON_CATEGORIES | {"vehicle", "aircraft"}
ORDER_WORDS = {"contract", "deal", "agreement", "order", "sale", "tender", "notice"}
MOVING_VERBS = {"cross", "leave", "enter", "arrive", "reach", "go", "move", "head", "pour", "stream", "return"}


def _moved_across(t: Token) -> bool:
    """The verb that governs a count of people moves them from place to place ("crossed into Moldova",
    "had left the country", "have entered its territory")."""
    for _ in range(3):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t.lemma_.lower() in MOVING_VERBS
    return False


def _about_uprooted(doc: Doc) -> bool:
    """A report that speaks of people fleeing more often than of captives: people it says were taken
    in or moved are displaced, not freed."""
    text = doc_text(doc)
    return len(FLEEING_WORDS.findall(text)) > len(CAPTIVE_WORDS.findall(text))


def _title_end(document: Document) -> int:
    if document.title and document.text.startswith(document.title.strip()):
        return len(document.title.strip())
    first = document.text.split("\n", 1)[0]
    if document.title is None and "\n\n" in document.text[:400] and not first.rstrip().endswith("."):
        return len(first)
    return 0


def _claim_for(q: Quantity, doc: Doc, document: Document, ents: EntityIndex, lex: Lexicon,
               attribution: Attribution, ctx: Context, pub, statements: StatementReader) -> Claim | None:
    span = doc.char_span(q.num_start, q.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    num = _number_token(span)
    sent = num.sent
    if not q.currency and _inside_name(num, ents):  # an amount of money is no name, whatever NER says
        return None
    noun = None if q.currency else _counted_noun(num, span, lex)
    if noun is not None and not any(ch.isalpha() for ch in noun.text):
        noun = None  # "Belarus | 227 | Presidential ...": a table's bar or another figure counts nothing
    if noun is not None and _designation(num, noun, span):
        return None
    if not q.currency and not_a_count(num, noun, lex, ents):
        return None
    if noun is not None and "\n" in doc_text(doc)[min(noun.idx, num.idx):max(noun.idx, num.idx)] \
            and (_row_bounds(doc, noun.idx) or _row_bounds(doc, num.idx)):
        noun = None  # "- People evacuated: 8,300 ¶ - Schools closed": the next row's word counts nothing here
    cues: dict[str, str] = {}
    pronoun_ref = False
    # Money: currency from the symbol or the word after the figure ("21 billion euros").
    item = q.currency
    if item is None and noun is not None and noun.lower_ in CURRENCY_WORDS:
        item = CURRENCY_WORDS[noun.lower_]
    if item is None:
        after = doc_text(doc)[q.end:q.end + 20].lower()
        m = re.match(r"\s+(?:of\s+)?([a-z]+)", after)
        if m and m.group(1) in CURRENCY_WORDS:
            item = CURRENCY_WORDS[m.group(1)]
    if item is not None:
        noun_tok = None
        category = "money"
        cues["item"] = item
    else:
        noun_tok = noun
        if noun_tok is not None and noun_tok.lemma_.lower() in lex.verb_measures \
                and noun_tok.lemma_.lower() not in lex.item_category \
                and not lex.noun_measure(noun_tok.lemma_.lower()) and noun_tok.tag_ != "NNS":
            noun_tok = None  # "Up to 400,000 flee ...": a headline verb tagged as a noun; "12 strikes" is a plural
        if noun_tok is not None and (noun_tok.lower_ in ("others", "more", "ones") or noun_tok.pos_ in ("PRON", "DET")
                                     or noun_tok.lower_ in ("those", "these", "which", "whom", "them", "they")):
            # "Of those, 250 ...", "13 of which were knocked down": the thing counted before
            pronoun_ref = True
            noun_tok = None  # "killing four people and injuring 11 others": the people of the sentence
        if noun_tok is not None and noun_tok.pos_ == "PROPN" and noun_tok.ent_type_ in NAME_TYPES \
                and lex.noun_class(_item_lemma(noun_tok, lex)) is None \
                and not (noun_tok.tag_ == "NNPS" and noun_tok.i > num.i):
            # "Agadir 5", "UNIFIL (Lebanon): 10,100": a name heads the row, not the thing counted; a plural name
            # after the figure is counted ("eight straight World Cups")
            noun_tok = None
        if noun_tok is not None:
            lemma = _item_lemma(noun_tok, lex)
            if lemma in NOT_ITEMS:
                return None
            item = lemma
            cues["item"] = noun_tok.text
        else:
            if q.word_number and not q.vague and not pronoun_ref:
                # "one" or "three" alone is rarely a count ("the three of us"), but "four of them" is
                if not _bare_number_is_count(num):
                    return None
            if q.vague and q.text.lower() in ("a few", "a couple", "a handful", "numerous", "countless") :
                return None
            item = None
        category = ""
    measure, mcue, future = _measure(num, noun_tok, lex, category == "money", doc)
    if not mcue and not future:
        # no verb set the measure, but the clause may still be a plan: "Volkswagen to shed 35,000 jobs",
        # "35,000 jobs will be reduced by 2030" (spec v1.3: planned, whatever the action)
        verb = _governing_verb(noun_tok if noun_tok is not None else num, lex)
        if verb is not None and _is_future(verb, lex) and verb.lemma_.lower() not in lex.reporting_verbs:
            future, mcue = True, verb.text
            measure = measure or "other"
    row = _row_measure(num, doc, lex, item is not None and category == "money")
    if row is not None:
        # a list item or table row: only its label, its column or the line that introduces the list say
        # what happened to the things counted ("Structures destroyed: 9,418", "Province | Deaths")
        measure, mcue, future, label = row
        head = _label_noun(label, lex) if noun_tok is None and item is None and label is not None else None
        if head is not None:
            item = _item_lemma(head, lex)  # "Homes destroyed: 1,240" counts homes
            cues["item"] = head.text
    if item is None and mcue.lower() in MEASURE_NOUN_ITEMS:
        # "put casualties at several hundred", "losses had passed 1 million": the noun that set the measure
        item = MEASURE_NOUN_ITEMS[mcue.lower()]
        cues["item"] = mcue
    para = attribution.layout().paragraph(num.idx)
    before = ctx.previous
    if item is None and not pronoun_ref and before is not None and before[0] == sent.start \
            and before[3] != "money" and _compared(num):
        # "put the toll at 80, up from 67": the figure it is compared with says what both count
        item, measure, mcue = ctx.previous_item, before[2], "(as for the figure it is compared with)"
        cues["item"] = f"{mcue} {item}"
    elif item is None and before is not None and not mcue and not pronoun_ref and _elided(num, sent, para, ctx, lex):
        # "Kent reported 21 deaths, Essex 14": "14" counts what "21" counted, and what happened to them
        item, measure, mcue = ctx.previous_item, before[2], "(as for the figure before)"
        cues["item"] = f"{mcue} {item}"
    if item is None:
        item = _context_item(num, measure, ctx, sent, lex)
        cues["item"] = f"(from context) {item}"
    if measure == "rescued":
        # hostages rescued are freed from captivity; people pulled from the sea or the rubble were never held
        measure = "released" if lex.weak_noun_measures.get(item) == "captured" else "other"
    if category != "money":
        category = _category(item, measure, lex, _harmed(noun_tok if noun_tok is not None else num, lex))
        category = _phrase_category(noun_tok, category, lex)
        category = _restated_category(num, noun_tok, item, category, ctx, lex)
    if category == "people" and item in CIVIL_TRADES and noun_tok is not None and any(
            (who := ents.at(c)) is not None and who.kind in ("country", "demonym") for c in noun_tok.children):
        category = "personnel"  # "15,000 North Korean laborers in Russia": a state's workers abroad
    counted = noun_tok if noun_tok is not None else num
    if measure in ("sendlike", "pledged") and category in PERSON_CATEGORIES and counted.dep_ == "pobj" \
            and counted.head.lower_ in ("to", "for"):
        measure = "other"  # "approved $21 million in assistance to 3,800 households": those given to
    if measure == "sendlike":
        if category == "people" and ctx.uprooted:
            measure = "displaced"  # "1,200 families were moved to shelters" in a report on people fleeing
        elif category in PERSON_CATEGORIES:
            measure = "deployed"
        elif category == "munition" and _sent_against(num, noun_tok):
            measure = "launched"  # "Russia sent 810 drones against Ukraine overnight"
        else:
            measure = "transferred"
    if measure is None and item in lex.weak_noun_measures:
        measure = lex.weak_noun_measures[item]  # "another 900 remained in the morgues": bodies
    if measure is None:
        measure = _default_measure(category, item, doc, sent, num)
    if measure == "deployed" and category in ("other", "people") and item not in lex.item_category:
        measure = "other"  # "networks operating in the EU", "help arriving from seven states": not forces sent
    if measure == "other" and item in ("victim", "body", "remains") and _identified(num, noun_tok, lex):
        measure = "killed"  # "174 of the victims have been identified" counts the dead (spec v1.3)
        category = "casualty"
    if measure == "other" and not mcue and category in ("weapon", "aircraft", "vehicle", "munition") \
            and any(t.lemma_.lower() in ORDER_WORDS for t in sent):
        measure = "planned"  # "a contract for 180 K2 tanks": things ordered are still to be delivered
    if category == "money" and measure not in ("pledged", "transferred", "other") and not (
            measure == "captured" and mcue.lower().startswith(("seiz", "confiscat", "forfeit", "impound", "frozen",
                                                                "blocked", "immobili"))):
        measure = "pledged" if measure in ("planned",) else "other"  # but cash seized is captured (spec)
    if category == "money" and measure == "pledged" and _asked_for(num):
        measure = "other"  # money asked for is not promised: "an appeal that seeks $6 billion" (spec v1.3)
    if future and measure == "transferred" and _modal_giving(num, noun_tok, lex):
        measure = "pledged"  # "Berlin will supply two more systems"
    elif future and measure in ("deployed", "transferred", "released", "other", "launched") and category != "money":
        measure = "planned"
    if measure in ("pledged", "transferred", "launched") and category not in ("money",) and noun_tok is not None \
            and noun_tok.dep_ == "nsubj" and noun_tok.head.lemma_.lower() not in ARRIVING_VERBS \
            and lex.item_category.get(item) not in ("munition", "weapon", "vehicle", "aircraft"):
        measure = "other"  # "Some 40 countries sent representatives": the counted things do the giving
    if measure == "other" and category == "people" and ctx.uprooted and not future \
            and _moved_across(noun_tok if noun_tok is not None else num):
        measure = "displaced"  # "1.2 million people had crossed into Poland" in a report on people fleeing
    if future and category == "money" and measure == "transferred":
        measure = "pledged"
    if measure == "captured" and mcue.lower() in HOLDING_FORMS and category not in HELD_CATEGORIES:
        measure = "other"  # "SIPRI estimates it holds 600 warheads", "held hundreds of rallies": owned, not seized
    if measure == "missing" and category not in PERSON_CATEGORIES:
        measure = "other"  # drones that "disappeared from radar" are not missing people
    gov = _governor(num, noun_tok)
    if measure == "launched" and lex.noun_measure(item) != "launched" and (
            category not in ("munition", "weapon", "aircraft") or (
            item == "target" and gov.lemma_.lower() in ("strike", "hit", "attack", "bomb", "target"))):
        # people, money and ships are not launched ("launched an appeal", "attacked 100 ships");
        # targets struck are what was hit, not what was fired
        measure = "other"
    if measure == "transferred" and category in PERSON_CATEGORIES:
        # people handed over or taken in: captives freed, or people fleeing received by a host (spec v1.3);
        # people who are given something ("aid provided to 45,000 people") are neither
        if counted.dep_ == "pobj" and counted.head.lower_ in ("to", "for"):
            measure = "other"
        else:
            measure = "displaced" if item not in lex.weak_noun_measures and ctx.uprooted else "released"
        category = _category(item, measure, lex)
    if measure == "destroyed" and category in PERSON_CATEGORIES and (row is None or noun_tok is not None):
        measure = "killed"  # "lost two officers", "20 fighters were neutralised": people are not destroyed
    if measure in CASUALTY_MEASURES and category in ("personnel", "people"):
        category = "casualty"
    if not mcue and ctx.previous is not None and category != "money":
        p_sent, p_para, p_measure, p_category, p_cued = ctx.previous
        # "Al Haouz accounts for 542 of the deaths and Taroudant for 321", rows of a table, items of a
        # list: a figure no word explains goes on with the one before it, when it counts the same kind
        same_kind = noun_tok is None or _category(item, None, lex) == _category(ctx.previous_item, None, lex)
        gapped = p_sent == sent.start and (noun_tok is None or _governing_verb(noun_tok, lex) is None)
        if p_cued and p_measure != "other" and same_kind and (gapped or p_para == para and _in_block(doc, num)):
            measure, mcue = p_measure, "(as for the figure before)"
            category = _category(item, measure, lex)  # a casualty measure makes personnel casualties
    if not mcue or measure == "other":
        # "12 of them", "among the dead", "3,840 deaths, including about 400 foreigners": a part is counted
        # the way its whole is (a verb that says nothing of what happened does not stop it: "made 13
        # arrests, 11 of them in Ireland")
        whole = _whole_measure(num, noun_tok, sent, lex, ctx, category == "money")
        if whole is not None and whole != measure:
            measure, mcue = whole, "(as for the whole it is part of)"
            if category != "money":
                category = _category(item, measure, lex)
    category = _captive_category(category, measure, bool(mcue) or future,
                                 noun_tok if noun_tok is not None else num, lex)
    learning = ctx.model is not None or ctx.trace is not None  # the features cost time: only when used
    feats = _features(num, noun_tok, item, measure, category, mcue, future, lex, sent) if learning else {}
    if learning and ctx.previous is not None:
        p_sent, p_para, p_measure, p_category, p_cued = ctx.previous
        where = "sent" if p_sent == sent.start else "para" if p_para == para else "before"
        feats[f"prev_{where}_m={p_measure}"] = 1.0
        feats[f"prev_{where}_c={p_category}"] = 1.0
        if not mcue:
            feats[f"prev_{where}_m_nocue={p_measure}"] = 1.0
            feats[f"prev_{where}_c_nocue={p_category}"] = 1.0
    if learning:
        measure, category = _decide(feats, ctx, measure, category)
    if not mcue.startswith("(where"):  # "5,757 casualties in 50 countries, up from 4,710": not the countries
        ctx.previous = (sent.start, para, measure, category, bool(mcue) or measure != "other")
        ctx.previous_item = item
    for t in (num, noun_tok):
        if t is not None:
            ctx.counted[t.i] = (measure, category == "money")
    ctx.recent.append((sent.start, measure, category == "money"))
    if mcue:
        cues["measure"] = mcue
    chain: Chain = attribution.chain_for(num, noun_tok, q.start, anaphoric=pronoun_ref or _refers_back(num))
    actor, acue = _actor(num, noun_tok, gov, measure, category, ents, lex)
    recipient, rcue = _recipient(num, noun_tok, gov, measure, category, ents, actor)
    family = category
    if category == "money" and actor:
        ent = ents.gaz.get(actor)
        if ent is not None and ent.country and actor.startswith(ent.country + "-"):
            actor = ent.country  # the payer is the state, not its ministry
    if measure == "destroyed" and category in ("munition", "aircraft", "vehicle", "weapon"):
        # "air defences intercepted 337 drones": the subject defends; the things belong to the other side
        losing = gov.lemma_.lower() in ("lose", "abandon", "write")
        defender, dcue = (None, "") if losing else _defender(gov, ents, attribution)
        if acue.startswith("by ") and not losing:
            actor, acue = None, ""
        if defender and defender != actor:
            recipient, rcue = defender, dcue
    # the side of people harmed, held or driven out; people merely counted (voters, residents) have none
    victims = measure in CASUALTY_MEASURES | {"displaced"}
    violent = victims and _violent_cause(noun_tok if noun_tok is not None else num, gov, lex)
    if victims and ctx.harm == "disaster" and measure in HARM_MEASURES and not violent:
        actor, acue = None, ""  # "658 Egyptians died in the heat": a disaster's dead have no side (C8)
    if actor is None and victims:
        actor, acue = _victims_side(num, sent, ents, lex, ctx, _country_of_id(chain.source, ents), measure, category,
                                    violent)
        if measure == "displaced" and actor == recipient and acue.startswith("("):
            actor, acue = None, ""  # refugees counted only by the country hosting them have no side named (spec)
    elif actor is None and family == "money" and measure in ("pledged", "transferred") and ctx.actor.get("money"):
        actor, acue = ctx.actor["money"], "(the payer named before)"
    elif actor is None and (measure != "other" or category == "munition") and family not in ("money", "people"):
        # people to be reached, sent or helped have no side unless their own words name it
        if measure == "destroyed" and (sent.start, "launched") in ctx.sentence_actor:
            actor = ctx.sentence_actor[(sent.start, "launched")]
        else:
            if measure == "destroyed" and ctx.launcher:
                actor = ctx.launcher
            else:
                actor = ctx.actor.get(family) or ctx.last_actor
                if measure in ("deployed", "planned", "transferred") and not _carries_to(actor, family, para, ctx):
                    actor = None
        if actor and actor != recipient:
            acue = "(from context)"
        else:
            actor = None
    actor, acue = _settled_actor(actor, acue, num, noun_tok, gov, measure, category, recipient, sent, ents, ctx, lex)
    if actor and measure == "other" and (acue.startswith("(") and actor == chain.source
                                         or category == "money" and _asked_for(num)):
        # a figure's source is not its actor by default (who estimates or counts is kept out by _counts_only);
        # money asked for has no payer yet
        actor, acue = None, ""
    if learning:
        choice = PartyChoice(actor, acue, recipient, [("ctx_family", ctx.actor.get(family)),
                                                      ("ctx_last", ctx.last_actor),
                                                      ("main_country", ctx.main_country),
                                                      ("launcher", ctx.launcher)])
        cands = _party_candidates(num, noun_tok, gov, sent, ents, measure, category, choice, chain.source)
        if ctx.trace is not None:
            ctx.trace.actor.append(cands)
        actor, acue = _decide_party(cands, ctx.model, "actor", choice)
    if actor and actor == recipient:
        recipient = None
    location, lcue = _location(num, noun_tok, gov, ents)
    if location:
        cues["location"] = lcue
    if measure == "released" and actor and recipient is None and category in PERSON_CATEGORIES \
            and _brought_home(gov, noun_tok):
        recipient, rcue = actor, "(their own side's people, returned)"
    sending = measure in ("deployed", "planned", "transferred", "launched", "pledged")
    if recipient is None and sending and category not in ("casualty",):
        recipient, rcue = _sentence_recipient(num, sent, ents, actor, location)
        if recipient is None:
            recipient = ctx.recipient.get((actor, family)) or ctx.recipient.get((None, family))
            if recipient and recipient != actor:
                rcue = "(from context)"
            else:
                recipient = None
    if measure in CASUALTY_MEASURES - {"released"} and recipient and not rcue.startswith("to"):
        recipient = None
    if learning:
        choice = PartyChoice(recipient, rcue, actor, [("ctx_recipient", ctx.recipient.get((actor, family))),
                                                      ("ctx_family_recipient", ctx.recipient.get((None, family))),
                                                      ("main_country", ctx.main_country)])
        cands = _party_candidates(num, noun_tok, gov, sent, ents, measure, category, choice, chain.source)
        if ctx.trace is not None:
            ctx.trace.recipient.append(cands)
        recipient, rcue = _decide_party(cands, ctx.model, "recipient", choice)
    if actor:
        cues["actor"] = acue
        ctx.actor[family] = actor
        ctx.actor_para[family] = para
        ctx.sentence_actor[(sent.start, family)] = actor
        if victims:
            ctx.victims[_what_befell(measure)] = actor
        else:
            ctx.actor_count[actor] = ctx.actor_count.get(actor, 0) + 1
        if not victims and family != "money":
            ctx.last_actor = actor
            ctx.actor_para["last"] = para
        if measure == "launched":
            ctx.launcher = actor
            ctx.sentence_actor[(sent.start, "launched")] = actor
    if measure == "launched" and recipient:
        ctx.sentence_actor[(sent.start, "target")] = recipient
    if recipient:
        ctx.recipient[(actor, family)] = recipient
        ctx.recipient[(None, family)] = recipient
        cues["recipient"] = rcue
    standing = measure in EVENT_MEASURES and _standing(num, noun_tok, lex)
    if standing:
        cues["standing"] = "(people in a state, not an event of one day)"  # _carry_event_dates reads it
    event = measure in EVENT_MEASURES and not standing or category == "munition"
    period, pcue, since, pspan = _period(num, gov, sent, doc, pub, lex, attribution, event)
    if pcue:
        cues["period"] = pcue
    cumulative, ccue = _cumulative(num, q, sent, doc, lex, since)
    if cumulative:
        cues["cumulative"] = ccue
    incremental, icue = _incremental(q, num, noun_tok, doc, sent)
    if incremental:
        cues["incremental"] = icue
    if q.hedge:
        cues["value"] = q.hedge
    ctx.last_item[family] = item
    if category != "money":
        ctx.sentence_item[sent.start] = item
    claim = Claim(
        doc=document.id, start=q.start, end=q.end, text=q.text, value=q.value, low=q.low, high=q.high,
        approx=q.approx, bound=q.bound, vague=q.vague, item=item, category=category, measure=measure,
        actor=actor, recipient=recipient, location=location,
        period_start=period[0] if period else None, period_end=period[1] if period else None,
        cumulative=cumulative, incremental=incremental, publisher=document.publisher,
        evidence=sent.text.strip(), evidence_start=sent.start_char, cues=cues, published=document.published,
    )
    claim.source, claim.via = chain.source, chain.via
    if chain.cue:
        cues["source"] = chain.cue
    statement = statements.read(Figure(num, noun_tok, chain.frames, measure, period, pspan))
    claim.stated, claim.earlier, claim.projection = statement.stated, statement.earlier, statement.projection
    cues.update(statement.cues)
    # each entity by its first mention, in the order of those mentions
    named = {claim.actor, claim.recipient, claim.location, claim.source, *claim.via}
    firsts = [m for m in map(ents.first, named) if m is not None]
    for mention in sorted(firsts, key=ents.order):
        claim.names.setdefault(mention.id, _proper_name(doc, mention))
    for eid in (e for e in (claim.actor, claim.recipient, claim.location) if e and e not in claim.names):
        # a party the gazetteer does not know (`_named_party`); speakers are named by `_name_speakers`
        words = _words_of_slug(eid, sent)
        if words:
            claim.names[eid] = words
    claim.confidence = _confidence(claim, noun_tok, mcue)
    return claim


# -- learned decisions (extract/decide.py) ------------------------------------

MONEY_MEASURES = {"pledged", "transferred", "other"}


def _refers_back(num: Token) -> bool:
    """"Of those, 43 million ...", "Among them, 12 ...": a sentence that opens on what was counted before."""
    first = num.sent[0]
    if first.lower_ in ("of", "among") and first.i + 1 < len(num.doc):
        return num.doc[first.i + 1].lower_ in ("those", "these", "them", "which", "whom", "the")
    return False


def _elided(num: Token, sent: Span, para: int, ctx: Context, lex: Lexicon) -> bool:
    """A figure with no noun that stands for the noun of the figure just before it ("The state confirmed 80
    deaths. Kent has reported 21, Essex 14"): the previous figure, in this sentence or the one before and in
    the same paragraph, was counted with a noun and a measure, and no verb of this figure's own says what
    happened (it has none, or only a verb of saying or counting)."""
    if ctx.previous is None or not ctx.previous_item:
        return False
    p_sent, p_para, p_measure, p_category, p_cued = ctx.previous
    if p_para != para or not p_cued or p_measure == "other" or p_category == "money":
        return False
    if p_sent != sent.start and (sent.start == 0 or num.doc[sent.start - 1].sent.start != p_sent):
        return False
    verb = _governing_verb(num, lex)
    return verb is None or verb.lemma_.lower() in lex.reporting_verbs or verb.lemma_.lower() in COUNTING_VERBS


def _ancestors(tok: Token, hops: int) -> Iterator[Token]:
    """The heads above a token, nearest first, at most `hops` of them (the walk stops at the root)."""
    t = tok
    for _ in range(hops):
        if t.head.i == t.i:
            return
        t = t.head
        yield t


def _compares(t: Token) -> bool:
    """A word that brings in a figure to compare with: "up from", "down from", "compared with"."""
    return (t.lower_ == "from" and t.head.lower_ in ("up", "down")) or t.lemma_.lower() == "compare"


def _compared(num: Token) -> bool:
    """The figure is given to compare with another: "up from 67", "down from 303", "compared with 105"."""
    return any(_compares(t) or (t.lower_ in ("up", "down") and any(c.lower_ == "from" for c in t.children))
               for t in _ancestors(num, 3))  # "up from 67 ... and 55": 55 hangs on "up"


# Verbs that count or record a figure without saying what happened to the things counted.
COUNTING_VERBS = frozenset({"record", "register", "count", "tally", "log", "document", "list", "put", "total"})


def _in_block(doc: Doc, num: Token) -> bool:
    """The figure stands in a paragraph of several lines: a list or a table."""
    text = doc_text(doc)
    breaks = _breaks(doc)
    k = bisect_right(breaks, num.idx - 2)  # the breaks wholly before num.idx, as text.rfind finds them
    start = breaks[k - 1] if k > 0 else -1
    j = bisect_left(breaks, num.idx)  # the first at or after it, as text.find does
    end = breaks[j] if j < len(breaks) else -1
    return "\n" in text[start + 2 if start >= 0 else 0:end if end >= 0 else len(text)]


def _breaks(doc: Doc) -> list[int]:
    """Every offset where the document's text has a blank line, "\n\n" (overlapping ones too), found once."""
    found = doc.user_data.get("claimledger_breaks")
    if found is None:
        found = doc.user_data["claimledger_breaks"] = [m.start() for m in re.finditer("(?=\n\n)", doc_text(doc))]
    return found


def _word_class(t: Token | None, lex: Lexicon) -> str:
    if t is None:
        return "none"
    lem = t.lemma_.lower()
    if t.pos_ in ("NOUN", "PROPN"):
        return lex.noun_measures.get(lem) or lex.noun_class(lem) or "-"
    return lex.verb_class(lem) or lex.noun_measures.get(t.lower_) or "-"


def _features(num: Token, noun: Token | None, item: str, measure: str, category: str, mcue: str, future: bool,
              lex: Lexicon, sent: Span) -> Features:
    """What the measure and category models see: the rules' verdicts and the word classes around the figure."""
    anchor = noun if noun is not None else num
    gov = _governing_verb(anchor, lex)
    f: Features = {"bias": 1.0, f"rule_m={measure}": 1.0, f"rule_c={category}": 1.0,
                   f"rule_mc={measure}|{category}": 1.0, f"item_class={lex.noun_class(item) or '-'}": 1.0,
                   f"noun_dep={anchor.dep_}": 1.0,
                   f"gov_class={_word_class(gov, lex)}": 1.0, f"head_class={_word_class(anchor.head, lex)}": 1.0,
                   f"cue_set={bool(mcue)}": 1.0}
    if gov is not None:
        f[f"gov_class|item_class={_word_class(gov, lex)}|{lex.noun_class(item) or '-'}"] = 1.0
    if future:
        f["future"] = 1.0
    if noun is not None:
        f[f"noun_measure={lex.noun_measures.get(noun.lemma_.lower(), '-')}"] = 1.0
    for t in sent:
        if t.pos_ == "VERB" and t.i != anchor.i:
            c = _word_class(t, lex)
            if c != "-":
                f[f"sent_verb={c}"] = 1.0
    return f


def _decide(feats: Features, ctx: Context, measure: str, category: str) -> tuple[str, str]:
    """The model's measure and category where there is a model, else the rules'."""
    if ctx.trace is not None:
        ctx.trace.measure.append(feats)
    if ctx.model is None:
        if ctx.trace is not None:
            ctx.trace.category.append({**feats, f"measure={measure}": 1.0})
        return measure, category
    margin = ctx.model.margin
    if ctx.model.measure is not None:
        measure = ctx.model.measure.predict(feats, MONEY_MEASURES if category == "money" else None, measure, margin)
    cfeats = {**feats, f"measure={measure}": 1.0}
    if ctx.trace is not None:
        ctx.trace.category.append(cfeats)
    if ctx.model.category is not None and category != "money":
        category = ctx.model.category.predict(cfeats, None, category, margin)
        if category == "money":
            category = "other"  # money is a currency's, never a guess
    if category == "money" and measure not in MONEY_MEASURES:
        measure = "other"
    return measure, category


SIDE_KINDS = ("country", "demonym", "body", "organisation", "international")


def _cue_kind(cue: str) -> str:
    """The rule that named a party, as a feature: its context fallback ("(from context)") or the first word
    of its own cue ("by", "from", "to", "sent"); a demonym or possessor on the noun gives the noun's words."""
    if not cue:
        return "none"
    if cue.startswith("("):
        return cue
    first = cue.split()[0].lower()
    return first if first in ("by", "from", "to", "sent", "cost") else "words"


def _relation(tok: Token, num: Token, noun: Token | None, gov: Token) -> str:
    """How a party's word stands to the figure: on the counted noun, the governing verb's subject, agent or
    a preposition of it, or elsewhere in the sentence before or after the figure."""
    anchor = noun if noun is not None else num
    head = tok.head
    if head.i == anchor.i or head.head.i == anchor.i and head.dep_ == "prep":
        return f"noun:{tok.dep_ if head.i == anchor.i else head.lower_}"
    if head.i == gov.i:
        return f"verb:{tok.dep_}"
    if head.dep_ in ("prep", "agent") and head.head.i == gov.i:
        return f"verb:{head.lower_}"
    return "before" if tok.i < num.i else "after"


@dataclass
class PartyChoice:
    """What the rules chose for one role of a figure (actor or recipient), and what they chose for the other
    role (a party is never both), with the parties the report named before, by the context slot they sit in."""

    chosen: str | None
    cue: str
    other: str | None
    context: list[tuple[str, str | None]]


def _party_candidates(num: Token, noun: Token | None, gov: Token, sent: Span, ents: EntityIndex, measure: str,
                      category: str, choice: PartyChoice, source: str | None) -> list[tuple[Features, str | None]]:
    """The candidates for one role of a figure, for the decision model: the rules' answer, nobody, every
    party named in the sentence and the parties the report named before (the context the rules fall back
    on). Each candidate's features say how it is tied to the figure; the rules become features."""
    what = f"{measure}|{category}"
    cands: dict[str | None, Features] = {None: {"none": 1.0, f"none|{what}": 1.0, f"none|m={measure}": 1.0}}
    for m in ents.starting_in(sent.start, sent.end):
        if m.kind not in SIDE_KINDS or m.start <= num.i < m.end:
            continue
        rel = _relation(ents.doc[m.end - 1], num, noun, gov)
        f = cands.setdefault(_side(m), {})
        for name in (f"kind={m.kind}", f"rel={rel}", f"rel|m={rel}|{measure}", f"rel|c={rel}|{category}"):
            f[name] = 1.0
        f[f"dist={bucket(abs(m.start - num.i) // 4)}"] = 1.0
    for slot, eid in choice.context:
        if eid:
            f = cands.setdefault(eid, {})
            f[slot] = 1.0
            f[f"{slot}|m={measure}"] = 1.0
    rule = _cue_kind(choice.cue)
    cands.setdefault(choice.chosen, {}).update({f"rule={rule}": 1.0, f"rule|m={rule}|{measure}": 1.0, "rule": 1.0})
    for eid, f in cands.items():
        if eid is not None:
            f["bias_party"] = 1.0
            if eid == source:
                f[f"is_source|m={measure}"] = 1.0
    # who gives is never who receives
    return [(f, eid) for eid, f in cands.items() if eid is None or eid != choice.other or eid == choice.chosen]


def _decide_party(cands: list[tuple[Features, str | None]], model: DecisionModel | None, role: str,
                  choice: PartyChoice) -> tuple[str | None, str]:
    """The model's party for `role` ("actor", "recipient") among the candidates where there is a model for
    it and it is sure, else the rules'."""
    linear: Linear | None = getattr(model, role, None)
    if model is None or linear is None:
        return choice.chosen, choice.cue
    scores = {eid: linear.scores(f)[0] for f, eid in cands}
    best = max(scores, key=lambda e: scores[e])
    if best == choice.chosen or scores[best] - scores.get(choice.chosen, float("-inf")) <= model.margin:
        return choice.chosen, choice.cue
    return best, "(the decision model)" if best else ""


# -- the number and its noun ------------------------------------------------

def _number_token(span: Span) -> Token:
    """The token that carries the figure: the scale word, else the last numeric token."""
    best = span[-1]
    for t in span:
        if t.like_num or t.lower_ in SCALE_WORDS or t.lower_ in ("dozens", "hundreds", "thousands", "millions",
                                                                  "scores", "amount", "number", "quantities",
                                                                  "amounts", "numbers", "few", "handful"):
            best = t
    return best


def _designation(num: Token, noun: Token, span: Span) -> bool:
    """A number that names a model, not how many: "two new 737 Max jets": another figure before this one
    (`span`) counts the same noun, and a name follows it; or a number inside a name (`_in_name`)."""
    if _in_name(num, noun):
        return True
    nxt = num.doc[num.i + 1] if num.i + 1 < len(num.doc) else None
    if nxt is None or nxt.i == noun.i and nxt.pos_ != "PROPN" or not nxt.text[:1].isupper():
        return False
    return any(t.like_num for t in noun.doc[noun.left_edge.i:span.start] if t.head.i == noun.i)


def _in_name(num: Token, noun: Token) -> bool:
    """A figure above one before a singular noun counts nothing: English puts the noun a count modifies in
    the plural (the tagger marks "20 aircraft" plural too). With a capitalised word right before the figure
    or right after it, it is part of a name: "the 787 Dreamliner", "Note 20 Ultra", "a Planet 9 project".
    Acronyms ("12 HIMARS"), units and currencies ("500 euro", "100 kg"), a place labelling a row ("Ukraine
    300 staff") and headlines in title case (no lowercase content word) are left alone, and so is a compound
    ("a 5,000 troop deployment")."""
    doc = num.doc
    value = _digit_value(num)
    if value is None or value <= 1 or noun.tag_ not in ("NN", "NNP") or noun.lemma_.lower() != noun.lower_ \
            or noun.is_upper or noun.i <= num.i or noun.lower_ in CURRENCY_WORDS or noun.lower_ in MASS_UNITS:
        return False
    prev = doc[num.i - 1] if num.i > num.sent.start else None
    nxt = doc[num.i + 1] if num.i + 1 < len(doc) else None
    # a place before the figure labels a row ("Ukraine 300 staff"), it names no model
    named_before = prev is not None and prev.i > num.sent.start and (prev.is_title or prev.is_upper) \
        and prev.is_alpha and prev.ent_type_ not in ("GPE", "LOC", "NORP")
    named_after = nxt is not None and nxt.i == noun.i and nxt.is_title and nxt.ent_type_ != "NORP"
    if not (named_before or named_after):
        return False
    return any(t.is_lower and t.is_alpha and not t.is_stop for t in num.sent)


def _digit_value(num: Token) -> float | None:
    """The value of a figure written in digits ("787", "2,500"), else None."""
    text = num.text.replace(",", "")
    return float(text) if re.fullmatch(r"\d+(?:\.\d+)?", text) else None


def _inside_name(num: Token, ents: EntityIndex) -> bool:
    """A number that is part of a name ("Group of Seven", "G7", "Resolution 2231")."""
    m = ents.at(num)
    return m is not None and m.kind not in ("place",) and num.ent_type_ not in ("CARDINAL", "MONEY", "QUANTITY")


def _counted_noun(num: Token, span: Span, lex: Lexicon) -> Token | None:
    doc = num.doc
    # "296 of the drones", "a considerable amount of missiles", "220 units of launchers"
    nxt = span.end
    if nxt < len(doc) and doc[nxt].lower_ == "of":
        pobj = [c for c in doc[nxt].children if c.dep_ == "pobj"]
        if pobj:
            return _through_containers(pobj[0], lex)
        # parse missed it: take the next noun
        for t in doc[nxt + 1:nxt + 8]:
            if t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound":
                return _through_containers(t, lex)
            if t.is_punct:
                break
    for c in num.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            pobj = [p for p in c.children if p.dep_ == "pobj"]
            if pobj:
                return _through_containers(pobj[0], lex)
    if num.head.lemma_.lower() in ("number", "total", "count") and num.head.dep_ == "acl" and num.head.pos_ == "VERB":
        return num.head.head  # "troops numbering 11,000"
    head = num
    while head.dep_ in ("compound", "quantmod", "nummod", "amod", "nmod", "det", "advmod", "npadvmod") \
            and head.head.i != head.i and head.head.i > head.i and head.head.i - num.i <= 8:
        head = head.head
        if head.pos_ in ("NOUN", "PROPN") and head.dep_ != "compound":
            break
    if head.i != num.i and head.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") and not _cut_off(num, head, span):
        if head.pos_ == "PROPN" and head.ent_type_ in ("ORG", "GPE", "PERSON", "NORP") and head.dep_ == "compound":
            head = head.head
        if head.pos_ == "VERB" and head.tag_ not in ("VBN",):
            return None
        if head.pos_ == "PROPN":
            # "728 Shahed and decoy drones": the common noun the name belongs to.
            conj = [c for c in head.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
            if conj:
                return conj[0]
            if head.head.pos_ == "NOUN" and head.dep_ in ("compound", "amod", "nmod"):
                return head.head
        return _through_containers(head, lex)
    # The noun right after the figure, when the parse attached them otherwise.
    if span.end < len(doc):
        t = doc[span.end]
        j = span.end
        while j < len(doc) and j < span.end + 4 and doc[j].pos_ in ("ADJ", "PROPN", "NOUN", "VERB") \
                and doc[j].dep_ in ("amod", "compound", "nmod") and doc[j].head.i > j:
            j += 1
        if j < len(doc):
            t = doc[j]
        if (t.pos_ == "NOUN" or _lower_case_name(t)) and t.i - span.end < 4 and t.tag_ in ("NNS", "NN", "NNP"):
            return _through_containers(t, lex)
        # "2,000 wounded North Koreans were flown home", parsed as a clause: the plural a few words on
        for t in doc[span.end:min(span.end + 4, len(doc))]:
            if t.tag_ in ("NNS", "NNPS") and t.pos_ in ("NOUN", "PROPN"):
                between = doc[span.end:t.i]
                verbs = any(w.tag_ in ("VBN", "VBD") for w in between)
                # a verb between them is a mis-tagged participle only before a people's name
                if all(w.tag_ in ("JJ", "VBN", "VBD", "NNP") for w in between) and (not verbs or t.tag_ == "NNPS"):
                    return t
                break
            if t.is_punct or "\n" in t.text:
                break
    return None


PART_PRONOUNS = {"them", "those", "these", "which", "whom"}


def _named_part(num: Token, lex: Lexicon) -> Token | None:
    """The people a part of a group counted before is said to be ("21 of them Australian citizens", "two
    of them minors", "12 of them were children", "Of these, 84 are migrants"): the noun the figure
    counts with or is said to be, where the figure is "of" a pronoun and that noun names people."""
    of = next((c for c in num.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    verb = num.head.head if num.head.dep_ == "conj" else num.head  # "..., and 13 are Mexican nationals"
    if of is None and num.sent[0].lower_ in ("of", "among") and num.sent[0].head.i == verb.i:
        of = num.sent[0]  # "Of these, 84 are migrants"
    whole = next((o for o in of.children if o.dep_ == "pobj"), None) if of is not None else None
    if whole is None or not (whole.lower_ in PART_PRONOUNS or any(
            d.lower_ in PART_PRONOUNS for d in whole.children if d.dep_ == "det")):
        return None
    named = None
    if num.dep_ in ("nummod", "nsubj") and num.head.pos_ == "NOUN" and num.head.i > whole.i:
        named = num.head  # "21 of them Australian citizens", "35 of them children under 15"
    elif num.dep_ == "nsubj" and num.head.lemma_ == "be":
        named = next((c for c in num.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    if named is None or lex.noun_class(_item_lemma(named, lex)) not in ("people", "personnel"):
        return None
    return named


def _past_part(num: Token, item: str, lex: Lexicon) -> str:
    """What a bare figure after a named part goes on counting: the whole, not the part ("10 prisoners,
    two of them minors, were flown home, 13 were taken to Germany": prisoners). The whole is the noun a
    figure counts nearest before the part; `item` where no part of that name comes before the figure."""
    parts = [t for t in num.sent if t.i < num.i and t.like_num and (p := _named_part(t, lex)) is not None
             and _item_lemma(p, lex) == item]
    if not parts:
        return item
    wholes = [t for t in num.sent if t.i < parts[-1].i and t.pos_ in ("NOUN", "PROPN")
              and any(c.dep_ == "nummod" for c in t.children)]
    return _item_lemma(wholes[-1], lex) if wholes else item


def _lower_case_name(t: Token) -> bool:
    """A word the tagger took for a name though it is written in lower case and names nothing ("9,000
    kwacha"): a common noun."""
    return t.pos_ == "PROPN" and t.is_lower and not t.ent_type_


def _cut_off(num: Token, head: Token, span: Span) -> bool:
    """Something between the figure and the noun the parse hangs it on says the noun is not what it
    counts: a bracket ("over 400 (alliance figures)" names who counted), a line break before a line that
    starts anew (a title's "Toll rises to 80" runs on into the next line, "Rescuers ..."; hard-wrapped
    prose goes on in lower case: "sent 3,000¶troops") or a preposition after the quantity ("160 across six
    states" counts no states)."""
    doc = num.doc
    return any(t.text in ("(", "[") or t.pos_ == "ADP" and t.i >= span.end and t.lower_ != "of"
               or "\n" in t.text and t.i + 1 < len(doc) and not doc[t.i + 1].is_lower
               for t in doc[num.i + 1:head.i])


def _through_containers(noun: Token, lex: Lexicon) -> Token:
    """From "units" in "220 units of launchers" to "launchers"; not to a figure ("two consignments of 700
    and 1,000" counts consignments)."""
    seen = 0
    while noun.lemma_.lower() in lex.container_nouns and seen < 3:
        of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
        if not of:
            break
        pobj = [p for p in of[0].children if p.dep_ == "pobj"]
        if not pobj or pobj[0].like_num:
            break
        noun = pobj[0]
        seen += 1
    return noun


MASS_UNITS = {"tonne": "tonne", "tonnes": "tonne", "ton": "tonne", "tons": "tonne", "t": "tonne", "kg": "kilogram",
              "kgs": "kilogram", "kilo": "kilogram", "kilos": "kilogram", "kilogram": "kilogram",
              "kilograms": "kilogram", "gram": "gram", "grams": "gram", "g": "gram"}


def _item_lemma(noun: Token, lex: Lexicon) -> str:
    text = noun.lower_
    lemma = noun.lemma_.lower()
    if noun.tag_ in ("NNS", "NNPS"):
        lemma = lex.classes.singular(text, lemma)  # "doses", not "dos"
        lemma = _classed_singular(text, lemma, lex)
    if text in ("people", "persons"):
        return "person"
    if text in ("dead",):
        return "person"  # "233 of the dead"
    if text in ("police",):
        return "police"
    if text in MASS_UNITS:
        return MASS_UNITS[text]  # "13 tonnes of cocaine": an amount counted in tonnes
    if (singular := _capitalised_plural(noun, lex)) is not None:
        return singular
    if noun.pos_ == "PROPN" and noun.tag_ == "NNPS" and lemma.endswith("s"):
        lemma = lemma[:-1]
    if lemma.endswith("ies") and lemma == text:
        lemma = lemma[:-3] + "y"
    elif lemma == text and lemma.endswith("s") and not lemma.endswith("ss") and len(lemma) > 3 \
            and noun.tag_ in ("NNS", "NNPS"):
        lemma = lemma[:-1]
    elif lemma == text and re.fullmatch(r".*\ds", lemma):
        lemma = lemma[:-1]  # "180 K2s", "48 FA-50s": the plural of a designation
    return lemma.replace("servicemen", "serviceman")


# Irregular plural endings of English nouns and their singulars ("schoolchildren", "firemen").
IRREGULAR_PLURALS = (("children", "child"), ("women", "woman"), ("men", "man"), ("feet", "foot"), ("teeth", "tooth"),
                     ("geese", "goose"), ("mice", "mouse"))


def _classed_singular(plural: str, lemma: str, lex: Lexicon) -> str:
    """The singular of a plural whose lemma has no category but whose singular by the rules of English
    plurals has one: "quetzales" (not "quetzale"), "schoolchildren" (not itself). Else the lemma, also
    where the plural less its -s is a noun already ("miles" is "mile", not "mil")."""
    if lex.noun_class(lemma) is not None:
        return lemma
    es = plural.endswith("es") and plural[:-1] not in lex.classes.nouns_in_e
    candidates = [plural[:-2]] if es else []
    candidates += [plural[:-len(end)] + one for end, one in IRREGULAR_PLURALS if plural.endswith(end)]
    return next((c for c in candidates if len(c) > 2 and lex.noun_class(c) is not None), lemma)


def _capitalised_plural(t: Token, lex: Lexicon) -> str | None:
    """The singular of a plural common noun that opens a line or a sentence and that the tagger took
    for a name for its capital ("Troops sent: 4,000", "Families displaced: 900"), else None. Only
    where that plural names nothing and its singular is a noun with a category."""
    if t.pos_ != "PROPN" or t.ent_type_ or not t.lower_.endswith("s") or t.lower_.endswith("ss"):
        return None
    if t.i != t.sent.start and not (t.i > 0 and (t.nbor(-1).is_punct or t.nbor(-1).is_space)):
        return None
    low = t.lower_
    for singular in ((low[:-3] + "y",) if low.endswith("ies") else ()) + (low[:-1],):
        if lex.noun_class(singular):
            return singular
    return None


def _bare_number_is_count(num: Token) -> bool:
    """"killed three and wounded seven": a word number that is the object of a measure verb."""
    if num.dep_ in ("dobj", "nsubjpass", "nsubj", "pobj", "conj", "attr", "appos") \
            and num.head.pos_ in ("VERB", "AUX", "ADP", "NUM"):
        if num.head.lower_ == "of" and num.head.head.lemma_.lower() in ("group", "batch", "total", "team", "family"):
            return True  # "a group of seven"
        if num.head.lower_ == "of" or (num.i + 1 < len(num.doc) and num.nbor(1).lower_ == "of"):
            return False
        return True
    return False


MEASURE_NOUN_ITEMS = {"casualties": "casualty", "casualty": "casualty", "losses": "loss", "loss": "loss",
                      "deaths": "death", "death": "death", "fatalities": "fatality", "injuries": "injury"}


THING_FAMILIES = ("munition", "weapon", "vehicle", "aircraft")


def _context_item(num: Token, measure: str | None, ctx: Context, sent: Span, lex: Lexicon) -> str:
    """The noun a bare figure refers to: the people a part is said to be (see _named_part), what the count
    it gives the value of counts (see _valued_noun), else the last noun counted in this sentence, else a
    person."""
    doc = num.doc
    if (part := _named_part(num, lex)) is not None:
        return _item_lemma(part, lex)  # "21 of them Australian citizens": citizens, not the people of before
    whole = _whole_of(num)
    if whole is not None and whole.pos_ == "NOUN":
        return _item_lemma(whole, lex)  # "Of the aircraft, 45 crossed the line"
    if (restated := _restated(whole or num, ctx, lex)) is not None:
        return restated[0]  # "Of those 28,000, ...": what the figure counted where the report first gave it
    if (currency := _money_near(num, ctx)) is not None:
        return currency  # "promised 5 billion pesos ... only 1.2 billion had been paid out"
    valued = _valued_noun(num, lex)
    if valued is not None:
        tally, counted = valued
        toll = lex.noun_measure(tally.lemma_.lower()) == "killed"
        item = _item_lemma(counted, lex) if counted is not None else None
        if item is not None and not (toll and _category(item, None, lex) not in PERSON_CATEGORIES):
            return item
        if toll:
            return "person"  # "an earlier toll of 79", "the flood toll rose to 13": a toll counts the dead
    # "the death toll ... 225": a toll counts deaths.
    window = doc[max(sent.start, num.i - 8):num.i]
    for t in reversed(list(window)):
        if t.lemma_.lower() in ("toll",):
            if any(w.lower_ in ("death", "casualty", "dead") for w in doc[max(sent.start, t.i - 2):t.i]):
                return "death"
    # "28 were downed, while 21 vanished from radar": the thing counted just before in this sentence;
    # a noun that names a fate ("deaths") does not count the wounded or the missing
    fates = {"death": "killed", "casualty": "killed_or_wounded", "fatality": "killed", "loss": "killed_or_wounded"}
    if sent.start in ctx.sentence_item:
        item = _past_part(num, ctx.sentence_item[sent.start], lex)
        return item if fates.get(item, measure) == measure else "person"
    if measure in ("launched", "destroyed", "damaged", "transferred") and "munition" in ctx.last_item:
        return ctx.last_item["munition"]
    if measure in (None, "deployed", "planned", "other") \
            and any(ctx.last_item.get(family) == ctx.previous_item for family in THING_FAMILIES):
        # "12,241 warheads ... Of that total, some 9,614 were deployed": a bare figure that may count things
        # goes on counting the thing counted just before, not people
        return ctx.previous_item
    if measure in ("killed", "wounded", "killed_or_wounded", "captured", "missing", "released", "deployed", "planned",
                   "displaced") or measure is None:
        for family in ("casualty", "people", "personnel"):
            if family in ctx.last_item:
                item = ctx.last_item[family]
                return item if fates.get(item, measure) == measure else "person"
    return "person"


MONEY_SCALES = {"million", "billion", "trillion", "millions", "billions", "trillions"}  # what sums of money run to
MONEY_REACH = 3  # sentences back to the money an amount that names nothing may go on counting


def _money_near(num: Token, ctx: Context) -> str | None:
    """The currency of an amount in millions or billions that names nothing ("only 1.2 billion had been
    paid"): that of the money counted just before it, in its sentence or one of the few before; in a heading
    (a title's "'billions' stranded"), that of the first money the text under it states. None for any
    other figure (a list item's "6.5 million: members whose data was copied" names its thing after the
    colon), or where no money is that near."""
    sent = num.sent
    doc = num.doc
    own = [t for t in doc[max(sent.start, num.i - 1):min(sent.end, num.i + 2)] if t.i == num.i or t.like_num
           or t.lower_ in MONEY_SCALES]
    after = next((t for t in doc[num.i + 1:sent.end] if not (t.like_num or t.lower_ in MONEY_SCALES)), None)
    if not any(t.lower_ in MONEY_SCALES for t in own) or after is not None and after.text == ":":
        return None
    near = [sent.start]
    while len(near) <= MONEY_REACH and near[-1] > 0:
        near.append(doc[near[-1] - 1].sent.start)  # the sentences before, nearest first
    if ctx.recent and ctx.recent[-1][2] and ctx.recent[-1][0] in near and ctx.last_item.get("money"):
        return ctx.last_item["money"]
    under = _heading(num)
    if under is None:
        return None
    text = doc_text(doc)[under[0]:under[1]]
    for q in find_quantities(text):
        named = re.match(r"\s+(?:(?:million|billion|trillion)\s+)?(?:of\s+)?([a-z]+)", text[q.end:q.end + 30].lower())
        currency = q.currency or (CURRENCY_WORDS.get(named.group(1)) if named else None)
        if currency:
            return currency
    return None


def _heading(num: Token) -> tuple[int, int] | None:
    """The bounds of the line of text under the figure's line where that line is a title or a subheading
    over it (frames.py `line_under`), else None."""
    text = doc_text(num.doc)
    bounds = _line_at(text, num.idx)
    return line_under(text, *bounds) if bounds is not None else None


RESTATING_WORDS = {"the", "those", "these", "all"}  # "the 180", "those 28,000", "all 26": a figure given before


def _restated(num: Token, ctx: Context, lex: Lexicon) -> tuple[str, str] | None:
    """What a figure with no noun counts when a definite word marks it as one the report gave before
    ("Of those 28,000, a third left", "how many of the 38 are charged", "we expect all 26 by 2030"): the
    item the latest earlier claim of the same words was given, and the category that item has under that
    claim's measure. None for any other figure, or where that claim counted money."""
    before = num.nbor(-1) if num.i > 0 else None
    if before is None or before.lower_ not in RESTATING_WORDS or not num.like_num:
        return None
    doc = num.doc
    earlier = next((t for t in reversed(doc[:max(0, num.i - 1)]) if t.lower_ == num.lower_ and t.i in ctx.items),
                   None)
    if earlier is None:
        return None
    item, counted = ctx.items.get(earlier.i), ctx.counted.get(earlier.i)
    if not item or counted is None:
        return None
    measure, money = counted
    return None if money else (item, _category(item, measure, lex))


def _whole_of(num: Token) -> Token | None:
    """The whole a part is "of" ("59 of the 64", "Of the 180, 116 will be built", "Of the aircraft, 45
    crossed"): the figure or the definite common noun that is the object of the part's own "of", or of an
    "of" that opens its sentence and hangs from the part's verb; else None."""
    of = next((c for c in num.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None and num.sent[0].lower_ == "of" and num.sent[0].head.i == num.head.i and num.sent[0].i < num.i:
        of = num.sent[0]
    whole = next((o for o in of.children if o.dep_ == "pobj"), None) if of is not None else None
    if whole is None:
        return None
    definite = any(c.dep_ == "det" and c.lower_ in RESTATING_WORDS for c in whole.children)
    return whole if whole.like_num or whole.pos_ == "NOUN" and definite else None


def _restated_category(num: Token, noun: Token | None, item: str, category: str, ctx: Context,
                       lex: Lexicon) -> str:
    """A figure restated with no noun of its own (see _restated) keeps the category the report gave it: the
    people held, freed or harmed stay casualties ("how many of the 38 are charged"). A category the
    figure's own measure makes casualty stays. Notes the figure's item for the figures after it."""
    ctx.items[num.i] = item
    if noun is not None or category == "casualty":
        return category
    whole = _whole_of(num)
    restated = _restated(whole if whole is not None and whole.like_num else num, ctx, lex)
    return restated[1] if restated is not None and restated[0] == item else category


TALLY_NOUNS = {"number", "total", "count", "figure", "tally", "sum", "amount", "estimate", "quantity", "toll"}


def _valued_noun(num: Token, lex: Lexicon) -> tuple[Token, Token | None] | None:
    """The count a bare figure gives the value of, and the noun it counts: "puts the number of schools
    affected at 23,400", "the tally of arrests rose to 90", "expects the claim count to pass 400,000". The
    count is a word of counting (number, total, toll, ...) that the figure's phrase hangs from or whose
    verb it completes; what it counts is its "of" object, else the noun that modifies it, else None ("the
    number rose to 80", "an earlier toll of 79"). None when no such count is near."""
    t = num
    for _ in range(5):
        if t.head.i == t.i or t.lemma_.lower() in lex.reporting_verbs - TALLY_NOUNS and t.pos_ == "VERB":
            return None  # no further than a verb of saying: "put the number at 80", not "said 40 of them"
        t = t.head
        for w in (t, *(c for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.i < num.i)):
            before = w.nbor(-1) if w.i > 0 else None
            compound = before is not None and before.pos_ == "NOUN" and before.head.i == w.i
            if w.lemma_.lower() not in TALLY_NOUNS or w.i > num.i or not (
                    w.pos_ == "NOUN" or w.is_upper
                    or compound and before is not None and any(c.dep_ == "det" for c in before.children)):
                continue  # "police estimated the crowd at 3,000": a verb of counting is no count
            of = next((c for c in w.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if counted is None and compound:
                counted = before  # "the claim count", which the parser may read as a clause
            if counted is not None and counted.pos_ in ("NOUN", "ADJ") and counted.is_alpha \
                    and not _hangs_from(num, counted):
                return w, _through_containers(counted, lex)
            return w, None
    return None


def _hangs_from(num: Token, noun: Token) -> bool:
    """The figure's phrase hangs from the noun itself, with no verb between them ("estimates of the dead
    run from 150 to 600", misread with "run" a noun): the noun is where the figure is, not what it counts.
    A verb between them ("the number of schools affected at 23,400") leaves the noun counted."""
    t = num
    while t.head.i != t.i and t.i != noun.i:
        t = t.head
        if t.pos_ in ("VERB", "AUX") and t.i != noun.i:
            return False
    return t.i == noun.i


# -- measure ------------------------------------------------------------------

def _lemma(t: Token) -> str:
    """The lemma with its particle: "shot down" → shoot_down, "put up" → put_up, "brought home" → bring_home."""
    lem = t.lemma_.lower()
    if t.lower_ == "downed":
        return "down"
    if lem == "make" and _made_available(t):
        return "make_available"
    for c in t.children:
        if c.dep_ == "prt" or (c.dep_ in ("advmod", "acomp", "oprd")
                               and c.lower_ in ("home", "out", "down", "up", "over", "back", "dead", "aside")):
            return f"{lem}_{c.lower_}"
        if c.dep_ == "prep" and c.lower_ == "from" and lem in ("force", "drive", "push", "chase", "flee"):
            return f"{lem}_from"
        if lem == "take" and c.lemma_.lower() in ("prisoner", "captive", "hostage"):
            return "take_prisoner"
        if lem == "lose" and c.lower_ in ("life", "lives"):
            return "lose_life"
        if lem == "lose" and c.dep_ == "dobj" and c.lemma_.lower() in ("home", "house"):
            return "lose_home"
    return lem


def _made_available(make: Token) -> bool:
    """"made €2bn available", "will make available 300 places": "available" as the verb's complement or
    on its object, which turns making into providing."""
    objects = [c for c in make.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(w.lower_ == "available" and w.dep_ in ("amod", "ccomp", "oprd", "acomp", "xcomp")
               for w in (*make.children, *(g for o in objects for g in o.children)))


def _lookup_verb(t: Token, lex: Lexicon) -> tuple[str | None, str]:
    lem = _lemma(t)
    if lem in lex.verb_measures:
        return lex.verb_measures[lem], lem
    base = t.lemma_.lower()
    if base in lex.verb_measures and "_" in lem and lem.split("_", 1)[0] == base:
        return lex.verb_measures[base], base
    # a participle the tagger took for a noun or adjective: "those freed"
    for cut in (2, 1):
        if t.lower_.endswith("ed") and t.lower_[:-cut] in lex.verb_measures:
            return lex.verb_measures[t.lower_[:-cut]], t.lower_[:-cut]
    if t.pos_ == "VERB" or t.tag_ in ("VBN", "VBD"):
        # a verb no hand list names: its WordNet class ("capsized", "airlifted", "impounded")
        wn = lex.classes.measure(lem) or lex.classes.measure(base)
        if wn:
            return wn, lem
    return None, lem


def _verb_measure(t: Token, lex: Lexicon, money: bool) -> str | None:
    if _unfound(t):
        return "missing"
    m, lem = _lookup_verb(t, lex)
    if m is None and t.pos_ in ("NOUN",) and lem in lex.noun_measures and t.lower_ != "toll":
        return None
    if money and lem in ("release",):
        return "transferred"
    if money and t.tag_ == "VBN" and t.lemma_.lower() in lex.classes.freezes:
        return "captured"  # "€200bn of reserves frozen", "assets blocked under sanctions": seized from use
    if m == "killed" and lem == "claim" and not any(c.lower_ in ("lives", "life") for c in t.children):
        return None
    if m in ("produced", "stative"):
        return "other"
    if m is None:
        return None
    if m == "wounded" and _ailment_of(t, lex) == "illness":
        return "other"  # "treated 300 children for cholera": cared for an illness, no wound
    if m in ("killed", "wounded"):
        other = {_lookup_verb(c, lex)[0] for c in t.children if c.dep_ == "conj"}
        if t.dep_ == "conj":
            other.add(_lookup_verb(t.head, lex)[0])
        cc = {c.lower_ for c in t.children if c.dep_ == "cc"} | (
            {c.lower_ for c in t.head.children if c.dep_ == "cc"} if t.dep_ == "conj" else set())
        if {"killed", "wounded"} <= ({m} | other) and "or" in cc:
            return "killed_or_wounded"
    return m


CARE_PREPS = ("for", "with", "from")  # "treated for burns", "admitted with cholera", "suffering from hunger"


def _ailment_of(t: Token, lex: Lexicon) -> str | None:
    """What harms the people a word tells of, as WordNet's ailment class ("injury", "illness"): the object
    of its "for", "with" or "from" ("treated for malnutrition", "children with severe wounds"), else of
    its direct object's ("admitted 40 children with cholera")."""
    for w in (t, *(c for c in t.children if c.dep_ in ("dobj", "nsubjpass"))):
        for p in w.children:
            if p.dep_ == "prep" and p.lower_ in CARE_PREPS:
                for o in p.children:
                    if o.dep_ == "pobj" and (kind := lex.classes.ailment(o.lemma_.lower())):
                        return kind
    return None


def _harmed(counted: Token, lex: Lexicon) -> bool:
    """People a harm befell (spec: anyone harmed is a casualty), though no measure word says so: an
    ailment on them or on the verb that governs them ("47 children with acute malnutrition", "treated
    400 people for cholera")."""
    if _ailment_of(counted, lex):
        return True
    verb = counted.head if counted.dep_ in ("dobj", "nsubjpass", "nsubj") else None
    return verb is not None and verb.pos_ == "VERB" and _ailment_of(verb, lex) is not None


# Verbs of finding someone: not done ("have not been accounted for", "were never found") or still being
# tried ("still trying to locate 92 residents"), the people are missing.
FINDING_VERBS = {"find", "locate", "trace", "account"}
SEEKING_VERBS = FINDING_VERBS | {"reach", "contact", "rescue"}
TRYING_VERBS = {"try", "attempt", "struggle", "work", "search", "seek"}


def _unfound(t: Token) -> bool:
    if t.pos_ != "VERB":
        return False
    lem = t.lemma_.lower()
    if lem in FINDING_VERBS and any(c.dep_ == "neg" for c in t.children):
        return True
    return lem in SEEKING_VERBS and t.dep_ == "xcomp" and t.head.lemma_.lower() in TRYING_VERBS


def _standing(num: Token, noun: Token | None, lex: Lexicon) -> bool:
    """A count of people in a state at some time, not of an event that has a day: kept somewhere ("remained
    in Israeli jails") or not yet found ("still trying to reach 37 people")."""
    anchor = noun if noun is not None else num.head if num.dep_ == "nummod" else num  # "350 others remain"
    if _state_measure(anchor, noun, lex, False) is not None:
        return True
    verb = _governing_verb(anchor, lex)
    return verb is not None and _unfound(verb)


def _predicate_measure(tok: Token, lex: Lexicon) -> tuple[str, str] | None:
    """"About 600 of the casualties were deaths": a subject whose predicate noun says what happened."""
    t = tok
    for _ in range(3):
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_ == "be":
            for c in t.head.children:
                if c.dep_ in ("attr", "acomp") and c.i != t.i:
                    nm = lex.noun_measures.get(c.lemma_.lower())
                    if nm:
                        return nm, c.text
            return None
        if t.head.i == t.i:
            return None
        t = t.head
    return None


STATE_WORDS = {"wounded", "injured", "dead", "sick", "missing", "unaccounted"}
# A participle that modifies another noun ("on a given day") or heads a phrase as a preposition would
# ("given the destruction", "following the attack") describes; it is no event of the things counted.
DESCRIBING_DEPS = {"amod", "prep"}


# Measures of what is done to people and things, other than harm to life and limb: still to come ("could
# flee", "will eliminate 35,000 jobs", "will seize"), they are a count announced as intended or expected
# (spec v1.3: planned "whatever the action"). A toll that could rise still counts the dead and the hurt.
PLANNABLE_MEASURES = {"displaced", "destroyed", "captured", "damaged"}

# How a clause of its own hangs on a word: joined to it, beside it or describing it. The figure's own clause
# ends there; a measure word above tells of other things ("demanded the release of the crew, who include 29
# nationals"). A clause said of something is framed by the word it hangs on ("expects that 900,000 children
# will suffer"): that word may still make it a plan.
OWN_CLAUSE_LINKS = {"conj", "advcl", "parataxis", "relcl"}


def _measure(num: Token, noun: Token | None, lex: Lexicon, money: bool, doc: Doc) -> tuple[str | None, str, bool]:
    """The measure, the word that set it, and whether the event is future or intended (see _measure_of);
    people who will or could be driven out ("as many as 270,000 people could flee") and things that will be
    done away with ("will eliminate 35,000 jobs") are a plan. A participle or an infinitive with no tense of
    its own shares the future of the clause it hangs on ("will run 30 ferries, using 45 managers")."""
    m, cue, future = _measure_of(num, noun, lex, money, doc)
    verb = _governing_verb(noun if noun is not None else num, lex) if not future else None
    if verb is not None and _frame_is_future(verb, lex):
        future, cue = True, cue or verb.text  # "will run 30 ferries, using 45 managers"
    # money that could be lost is no plan, and things a side will hold are owned (see HOLDING_FORMS)
    if future and m in PLANNABLE_MEASURES and not money and cue.lower() not in HOLDING_FORMS:
        return "planned", cue, True
    return m, cue, future


def _measure_of(num: Token, noun: Token | None, lex: Lexicon, money: bool, doc: Doc) -> tuple[str | None, str, bool]:
    """The measure, the word that set it, and whether the event is future or intended.

    In order: a predicate noun ("600 of the casualties were deaths"); the counted noun itself
    ("casualties", "deaths"); words on the noun or figure ("soldiers killed or wounded", "with partial
    damage"); the verbs and nouns above it, nearest first, stopping at speech; then weaker evidence:
    a state adjective ("wounded soldiers", unless a verb says they were released or displaced), a
    noun met on the way up, the sentence's nearest measure word (unless it stands in another clause).
    """
    m: str | None
    anchor = noun if noun is not None else num
    if _home_again(anchor):
        return "released", "home", False
    pred = _predicate_measure(anchor, lex)
    if pred:
        return pred[0], pred[1], False
    # 1. the noun itself: "casualties", "deaths", "refugees"
    if noun is not None:
        lem = noun.lemma_.lower() if noun.lower_ != "dead" else "dead"
        m = lex.noun_measure(lem) if lem not in ("body",) else None
        if m:
            verb = _governing_verb(anchor, lex)
            future = _is_future(verb, lex) if verb is not None else False
            if m in ("killed", "wounded"):
                # "dead and wounded"
                other = {lex.noun_measures.get(c.lemma_.lower()) for c in noun.children if c.dep_ == "conj"}
                if "killed" in other or "wounded" in other:
                    return "killed_or_wounded", noun.text, future
            return m, noun.text, future
    # 2. words on the noun or the figure
    weak = None
    state = None
    mods = [*anchor.children] if noun is None else [*noun.children, *num.children]
    # the words right after: "300 soldiers dead", "1,000 wounded", "scores more hurt", "14 still missing"
    whole = _whole_of_part(anchor, num)  # its verb, and the words after it, tell of the part
    j = anchor.i + 1 if not whole else len(doc)
    while j < len(doc) and j <= anchor.i + 4 and doc[j].lower_ in ("more", "still", "others", "people", "were", "are",
                                                                   "have", "been", "reportedly", "remain",
                                                                   "remained", "remains", "reported", "listed",
                                                                   "confirmed", "feared", "now", "all", "also",
                                                                   "later", "since", "so", "far"):
        j += 1
    if j < len(doc) and j <= anchor.i + 4 and (doc[j].lower_ in STATE_WORDS or doc[j].tag_ in ("VBN", "VBD", "JJ")
                                               and _lookup_verb(doc[j], lex)[0] is not None) \
            and not _in_circumstance(anchor, doc[j]):
        mods.append(doc[j])
    for c in mods:
        if c.i == num.i:
            continue
        if c.dep_ == "prep" and c.lower_ in ("with",):
            # "18 health centres with partial damage"
            for p in c.children:
                nm = lex.noun_measures.get(p.lemma_.lower())
                if nm:
                    return nm, p.text, False
            continue
        if c.dep_ not in ("acl", "amod", "relcl", "acomp", "oprd", "advmod") and c.lower_ not in STATE_WORDS \
                and not (c.tag_ in ("VBN", "VBD", "JJ") and c.i > anchor.i):
            continue
        if not money and _struck(c, anchor, noun, lex):
            return "damaged", c.text, _is_future(c, lex)  # "the 40 depots hit"
        m = "sendlike" if _arrives(c, anchor, noun, lex) else _verb_measure(c, lex, money) or lex.noun_measures.get(
            c.lower_)
        if not m or m == "planned":
            continue
        if c.dep_ == "relcl" and c.lemma_.lower() in lex.reporting_verbs or _states_figure(c, num, lex):
            continue
        before_noun = c.i < anchor.i
        if before_noun and (c.lower_ in STATE_WORDS or c.dep_ == "amod" and c.tag_ in ("JJ", "VBN")):
            state = state or (m, c.text, False)  # "wounded soldiers": a state, unless a verb says more
            continue
        if m in ("deployed", "captured") and c.dep_ in ("acl", "relcl"):
            weak = weak or (m, c.text, _is_future(c, lex))  # "soldiers fighting for Russia", "hostages held"
            continue
        return m, c.text, _is_future(c, lex)
    # 2a. where the people counted are kept: "still in custody", "spent the night in shelters"
    kept = _state_measure(anchor, noun, lex, money)
    if kept is not None:
        return kept[0], kept[1], False
    # 2b. what a deal is for and what it is worth: "a deal for 26 jets" is a plan, "a deal worth $7.4 billion"
    #     is the contract's value, neither money paid nor promised (the dev set's and the corpus's reading)
    contract = _contract_of(anchor)
    if contract is not None:
        return ("other", contract.text, False) if money else ("planned", contract.text, True)
    if whole:
        # "killing 179 of the 181 people on board": the verb says what befell the part, not the whole
        return "other", "(the whole of a part)", False
    if noun is not None and anchor.dep_ == "pobj" and anchor.head.lower_ in WHERE_PREPS \
            and lex.classes.is_place(noun.lemma_.lower()) and not any(t.like_num for t in doc[num.i + 1:noun.i]):
        # "deaths in six states", "partners in at least 10 countries": the places where it happened
        return "other", f"(where: {anchor.head.text} {noun.text})", False
    # 3. up the tree to the governing verb, stopping at speech
    noun_weak = None
    t = anchor
    for _ in range(8):
        if t.head.i == t.i:
            break
        prev, t = t, t.head
        if prev.dep_ in OWN_CLAUSE_LINKS and prev.pos_ in ("VERB", "AUX"):
            # "... and would need $25 million", "the crew, who include 29 nationals": a clause of its own,
            # whatever the word it is joined to
            break
        if prev.i == anchor.head.i and _circumstance(prev, t) and _verb_measure(t, lex, money):
            # "evacuated 1,700 people on 14 flights", "47 are treated in three hospitals": the figure counts
            # where or how the act befell its own things, not them
            return None, f"(a circumstance of {t.text})", False
        if t.pos_ in ("VERB", "AUX") and _lemma(t) in lex.reporting_verbs and t.lemma_.lower() not in ("put", "give"):
            if prev.dep_ in ("nsubj", "nsubjpass"):
                # "460 patients were reported killed", "12 are confirmed dead": what is said of its subject
                for c in t.children:
                    if c.dep_ in ("xcomp", "oprd", "acomp") and c.i > prev.i:
                        cm = _verb_measure(c, lex, money) or lex.noun_measures.get(c.lower_)
                        if cm and cm != "planned":
                            return cm, c.text, False
            break
        if prev.lower_ == "by" and prev.dep_ == "agent":
            if t.lemma_.lower() in ("hit", "strike", "target", "pound"):
                return "launched", t.text, False  # "the bridge was hit by 12 drones"
            if anchor.head.i == prev.i and _verb_measure(t, lex, money):
                # "were killed by three gunmen", "approved by 195 votes": the verb tells of its object, not its doer
                return None, f"(the doer of {t.text})", False
        if t.lemma_ == "be":
            # "were among those freed"
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "among":
                    for w in c.subtree:
                        wm = _verb_measure(w, lex, money) or (
                            lex.noun_measures.get(w.lower_) if w.pos_ in ("NOUN", "ADJ") else None)
                        if wm and w.i != anchor.i:
                            return wm, w.text, False
            # "those who died on the aircraft were 169 Indian nationals": the subject says what happened
            if prev.dep_ == "attr":
                for c in t.children:
                    if c.dep_ in ("nsubj", "nsubjpass"):
                        for w in c.subtree:
                            if w.dep_ in ("relcl", "acl") and w.i != anchor.i:
                                wm = _verb_measure(w, lex, money)
                                if wm and wm != "planned":
                                    return wm, w.text, False
        if not money and _struck(t, anchor, noun, lex):
            return "damaged", t.text, _is_future(t, lex)
        m = None
        if _arrives(t, anchor, noun, lex):
            m = "sendlike"
        elif prev.dep_ == "xcomp" and t.lemma_.lower() in lex.future_heads:
            m = "planned"  # "aims to reach 500,000 people", "promised to import 100,000 tonnes": an intention
        elif t.pos_ in ("VERB", "AUX", "ADJ"):
            m = _verb_measure(t, lex, money) or (lex.noun_measures.get(t.lower_) if t.pos_ == "ADJ" else None)
        if m in ("transferred", "sendlike") and _message(noun, lex):
            return "other", t.text, _is_future(t, lex)  # "received hundreds of calls": messages, not supplies
        if m and prev.lower_ == "by" and prev.dep_ == "prep":
            # a figure after "by" is a margin or a means ("approved the bill by 195 votes to 106"), not what
            # the verb acts on
            return None, f"(the margin of {t.text})", False
        if m is None and t.pos_ == "VERB" and prev.dep_ in ("nsubj", "nsubjpass", "dobj"):
            # "1.5 million people have been left homeless", "were declared dead": the state the verb leaves them in
            for c in t.children:
                if c.dep_ in ("oprd", "acomp") and c.pos_ in ("ADJ", "VERB"):
                    cm = _verb_measure(c, lex, money) or lex.noun_measures.get(c.lower_)
                    if cm and cm != "planned":
                        return cm, c.text, False
        if m is None and t.pos_ == "NOUN":
            nm = _verb_measure(t, lex, money) or lex.noun_measures.get(t.lemma_.lower())
            if money and nm and prev.i == anchor.i and prev.dep_ in ("compound", "nummod", "nmod", "quantmod", "amod"):
                return nm, t.text, False  # "a $50 billion loan": the money is the loan
            if nm and t.lemma_.lower() not in ("body", "toll") and noun_weak is None:
                noun_weak = (nm, t.text, False)
            for c in t.children:
                if c.dep_ in ("amod", "acl") and c.i != anchor.i:
                    cm = _verb_measure(c, lex, money)
                    if cm and (cm != "planned" or c.dep_ == "amod") and noun_weak is None:
                        # "a planned strength of 2,500": a noun said to be intended makes its figure a plan
                        noun_weak = (cm, c.text, cm == "planned" or _is_future(c, lex))
        if m == "planned":
            # "plans to send 3,000": the verb under the plan carries the measure
            inner = [c for c in t.children if c.dep_ == "xcomp"]
            if inner:
                im = _verb_measure(inner[0], lex, money)
                if im:
                    return ("pledged" if money else "planned"), inner[0].text, True
            return "planned", t.text, True
        if m:
            if state and m not in ("released", "captured", "displaced", "transferred", "deployed"):
                return state
            return m, t.text, _is_future(t, lex)
        # sibling objects: "put casualties at several hundred", "raised its casualty estimate to 4,000"
        if t.pos_ == "VERB" and prev.dep_ in ("pobj", "prep", "dobj", "attr", "npadvmod") or t.pos_ == "ADP":
            for c in (t.head.children if t.pos_ == "ADP" else t.children):
                if _clause_apart(c):
                    continue  # "cheated 9,000 people and arrested 40 suspects": a verb of its own, no sibling
                of = [g for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
                for w in [c, *[g for g in c.children if g.dep_ == "compound"], *of]:
                    nm = lex.noun_measures.get(w.lemma_.lower())
                    if nm and w.i != anchor.i and w.lemma_.lower() not in ("body",):
                        return nm, w.text, False
                # "the number of people who died ... has climbed to 225"
                for w in of:
                    for r in w.children:
                        if r.dep_ in ("relcl", "acl") and not _states_figure(r, w, lex):
                            rm = _verb_measure(r, lex, money)
                            if rm and rm not in ("planned",):
                                return rm, r.text, False
    for candidate in (state, noun_weak, weak):
        if candidate:
            return candidate
    if noun is not None and noun.lemma_.lower() in lex.weak_noun_measures:
        return lex.weak_noun_measures[noun.lemma_.lower()], noun.text, False
    item = _item_lemma(noun, lex) if noun is not None else None
    if money or item is not None and (lex.noun_class(item) in ("personnel", "people") or item == "person"):
        return None, "", False
    # 4. nothing governs it: the nearest measure verb of the sentence that is not speech
    #    (nouns too for munitions: "the barrage of 539 drones"), unless that verb stands in a clause of its own
    #    or acts on an object of its own while a verb of their own acts on the things counted
    sent = num.sent
    munition = item is not None and lex.noun_class(item) == "munition"
    best = None
    for t in sent:
        if t.i == num.i or (noun is not None and t.i == noun.i):
            continue
        allowed = ("VERB", "AUX", "NOUN", "ADJ") if munition else ("VERB", "AUX")
        if t.pos_ in allowed and t.lemma_.lower() not in lex.reporting_verbs and t.dep_ not in DESCRIBING_DEPS \
                and not _states_figure(t, num, lex):
            m = _verb_measure(t, lex, money)
            if m and m != "planned":
                d = abs(t.i - num.i) + (0 if t.i < num.i else 2) + (0 if t.pos_ in ("VERB", "AUX") else 4)
                if best is None or d < best[0]:
                    best = (d, m, t, _is_future(t, lex))
    if best and (_other_clause(best[2], num) or _acts_on_others(best[2], anchor)
                 or _own_predicate_apart(best[2], anchor, lex)):
        return None, "", False  # the nearest measure word tells of another clause's things: none for these
    if best:
        return best[1], best[2].text, best[3]
    return None, "", False


# Verbs of coming to a place: their subject got there ("the first doses arrived", "100 tanks have reached
# the units", "the jets landed at the base", "200 lorries of aid entered the city").
ARRIVING_VERBS = {"arrive", "reach", "land", "enter"}


def _arrives(verb: Token, subject: Token, noun: Token | None, lex: Lexicon) -> bool:
    """The counted things (`subject`, the counted noun) are the subject of a verb of arriving: their
    delivery seen from where they arrive, read as things sent are. People who arrive are no delivery
    (spec: displaced, deployed or other), munitions that reach a place are fired, and a figure that
    reaches a level ("the toll reached 100") counts no things: those are left to the other rules."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in ARRIVING_VERBS and subject.dep_ == "nsubj" \
        and subject.head.i == verb.i and noun is not None \
        and _category(_item_lemma(noun, lex), None, lex) not in ("munition", *PERSON_CATEGORIES)


# Verbs of blows that landed, whose object is what was struck, not what was fired ("hit 20 depots",
# "shelled 12 villages"), unlike "launch" or "fire". "Attacked" and "targeted" tell of an attempt that may
# have missed ("attacked 100 ships, sinking two"): their objects are not said to be damaged.
STRIKING_VERBS = {"hit", "strike", "bomb", "bombard", "shell", "pound"}


def _struck(verb: Token, counted: Token, noun: Token | None, lex: Lexicon) -> bool:
    """The counted things are what a blow struck: the object of its verb ("struck 1,100 targets"), its
    passive subject ("40 depots were hit") or the noun it describes ("the depots hit"). Things struck are
    damaged (spec: `launched` is for what is fired); people attacked and munitions (WordNet's, so that
    the targets an army strikes are no "aerial targets" it launched) are left to the other rules."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in STRIKING_VERBS or noun is None:
        return False
    while counted.dep_ == "conj" and counted.head.i != verb.i:
        counted = counted.head  # "hit 12 hospitals and 3 schools"
    if not (counted.head.i == verb.i and counted.dep_ in ("dobj", "nsubjpass")
            or verb.head.i == counted.i and verb.dep_ == "acl" and verb.tag_ == "VBN"):
        return False
    item = _item_lemma(noun, lex)
    return lex.classes.category(item) != "munition" and _category(item, None, lex) not in PERSON_CATEGORIES


# Clauses that hang an event of their own on the sentence: "... to hold the line", "once the jets are
# delivered, ...", "by supplying ...". Their verb tells what the clause's own things do.
OWN_CLAUSE_DEPS = {"advcl", "xcomp", "pcomp"}


def _other_clause(verb: Token, num: Token) -> bool:
    """The verb stands in an adverbial or complement clause that does not hold the figure ("the army
    needed 200,000 shells a month to hold the line", "once the jets are delivered, the fleet will rise to
    62", "to show how the war was fought"): on its way up to the figure's own clause it passes such a
    clause's head."""
    above = {a.i for a in num.ancestors}
    t = verb
    while t.i not in above and t.head.i != t.i:
        if t.dep_ in OWN_CLAUSE_DEPS:
            return True
        t = t.head
    return False


def _acts_on_others(verb: Token, anchor: Token) -> bool:
    """The counted things are what a verb of their own acts on (its object, or its passive subject), and
    the measure verb has an object of its own ("logged 3,200 blazes and detained 40 people", "nine barges
    were held up and the port shipped 2 million tonnes"): the measure verb tells of its own object, not of
    them. An active subject is left alone: it may be a doer the measure verb's clause goes on to count."""
    own = anchor.dep_ in ("dobj", "nsubjpass") and anchor.head.pos_ in ("VERB", "AUX") \
        and anchor.head.i != verb.i
    return own and any(c.dep_ in ("dobj", "nsubjpass") and c.i != anchor.i for c in verb.children)


# How a word hangs on a verb as one of its participants: a measure word inside them is said of the verb's
# own things ("the count of sailors rescued has climbed to 30", "put the number of hurt at 45").
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "attr", "oprd", "prep", "agent", "npadvmod"}
CLAUSE_DEPS = {"conj", "relcl", "acl", "advcl", "ccomp"}  # how a clause of its own hangs on a word


def _own_predicate_apart(verb: Token, anchor: Token, lex: Lexicon) -> bool:
    """The counted things have a predicate of their own, other than being, and the measure verb stands
    outside it: in another clause, or in a conjunct with a subject of its own ("400 homes burned, and about
    2,000 bales of hay remain in the barns", "an audit of 9,000 ballots found that the mayor received 4,600
    votes"). What their own predicate says of them is all there is. A measure word among its participants
    ("the count of sailors rescued has climbed to 30"), within the noun a relative clause of theirs
    describes ("the number of hikers missing, which rescuers put at 12"), or a verb joined to theirs that
    shares its subject ("were interviewed and freed") still tells of them."""
    own = _governing_verb(anchor, lex)
    if own is None or own.lemma_.lower() == "be" or own.i == verb.i:
        return False
    holders = {own.i, own.head.i} if own.dep_ in ("relcl", "acl") else {own.i}
    t = verb  # up to the word that hangs the measure verb on the predicate's verb (or on the noun it describes)
    while t.head.i != t.i and t.head.i not in holders:
        t = t.head
    if t.head.i not in holders or t.i in holders:
        return True  # outside the figure's predicate
    if t.dep_ in ARGUMENT_DEPS or t.head.i != own.i and t.dep_ not in CLAUSE_DEPS:
        return False
    shares_subject = t.i == verb.i and t.dep_ == "conj" and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    return not shares_subject


# Prepositions of the place, the means or the origin of an act ("on 14 flights", "in three hospitals",
# "from 14 villages", "from three suppliers"); not the partitive "of", the instrument or companion "with", the
# doer "by", nor the receiver or result "to", "for", "into".
CIRCUMSTANCE_PREPS = {"in", "on", "from", "aboard", "across", "throughout", "within", "inside", "near", "outside"}


def _circumstance(prep: Token, verb: Token) -> bool:
    """`prep` hangs the counted things on `verb` as the place, the means or the origin of its act,
    and the verb has things of its own that the act befalls: its object or its passive subject."""
    if prep.dep_ != "prep" or prep.lower_ not in CIRCUMSTANCE_PREPS or verb.pos_ not in ("VERB", "AUX"):
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") and c.i != prep.i for c in verb.children)


def _in_circumstance(anchor: Token, word: Token) -> bool:
    """The counted things are the place of a phrase ("police in nine countries"), and `word` after them is not
    theirs: it tells of the phrase the place belongs to ("police in nine countries have arrested 51")."""
    return anchor.dep_ == "pobj" and anchor.head.lower_ in CIRCUMSTANCE_PREPS and word.head.i != anchor.i \
        and anchor.head.head.i != word.i


def _clause_apart(word: Token) -> bool:
    """A verb that heads a clause of its own on the word it hangs on ("... and arrested 87 suspects",
    "..., arresting 84 people"): what it tells, it tells of its own things, not of a figure beside it."""
    return word.pos_ in ("VERB", "AUX") and word.dep_ in OWN_CLAUSE_LINKS


def _message(noun: Token | None, lex: Lexicon) -> bool:
    """The counted thing is something said, written or asked (WordNet's messages and speech acts: calls,
    claims, reports, requests): received or sent, it passes on news, it is no supply handed over."""
    return noun is not None and noun.pos_ == "NOUN" and lex.classes.is_message(noun.lemma_.lower())


def _states_figure(verb: Token, num: Token, lex: Lexicon) -> bool:
    """A verb on a bare figure that a report noun holds tells who gave the figure, not what befell the
    things counted: "a count of 31 given by the ministry", "the toll of 5,300 that he had given"."""
    of = num.head
    return verb.head.i == num.i and num.like_num and verb.dep_ in ("acl", "relcl") and num.dep_ == "pobj" \
        and of.lower_ == "of" and of.head.lemma_.lower() in lex.report_nouns


def _home_again(anchor: Token) -> bool:
    """People a headline brings home with no verb: "140 soldiers and 12 civilians back home after swap",
    "20 hostages home as ...": "(back) home" right after the counted people, not a noun's modifier
    ("home ministry") nor a place ("displaced at home")."""
    doc = anchor.doc
    last = max((anchor, *anchor.conjuncts), key=lambda t: t.i)  # "140 soldiers and 12 civilians back home"
    j = last.i + 1
    if j < len(doc) and doc[j].lower_ == "back":
        j += 1
    if j >= len(doc) or doc[j].lower_ != "home" or doc[j].dep_ == "compound":
        return False
    return j + 1 >= len(doc) or doc[j + 1].pos_ not in ("NOUN", "PROPN")


PART_WORDS = {"%", "percent", "most", "all", "many", "some", "half", "none", "majority", "minority", "third", "quarter",
              "fraction", "share", "portion", "part", "each", "one", "several", "few"}


def _whole_of_part(anchor: Token, num: Token) -> bool:
    """The figure counts the whole a part is taken from: "six of the 20 passengers", "6% of the $2.7 billion"."""
    of = anchor.head
    if anchor.dep_ != "pobj" or of.lower_ != "of" or of.head.i == num.i or of.head.i > num.i:
        return False
    part = of.head
    return part.like_num or part.pos_ == "NUM" or part.lower_ in PART_WORDS


WHERE_PREPS = PLACE_PREPS | {"across", "throughout", "within", "to"}
STATE_PREPS = {"in", "inside", "into", "under", "at", "to"}
KEPT_MEASURES = {"captured", "displaced", "wounded", "killed", "missing"}


def _state_measure(anchor: Token, noun: Token | None, lex: Lexicon, money: bool) -> tuple[str, str] | None:
    """The measure of the place or state people are kept in, from the figure's own words or from a verb
    that says nothing more of them: "9,100 still in Israeli jails", "remain in custody", "spent the night
    in emergency shelters", "were taken to hospital", "under evacuation orders" (WordNet's places of
    confinement, shelter, care and the dead, and the nouns of acts)."""
    if money or noun is not None and (lex.noun_class(_item_lemma(noun, lex)) == "personnel"
                                      or noun.lemma_.lower() in lex.weak_noun_measures):
        return None  # guards at a prison, staff in a hospital: there in their role; bodies stay the dead
    says_nothing = (None, "other", "sendlike", "transferred")
    # the figure's own words, and a clause on it that says nothing more ("2,000 people living in tents")
    holders = [anchor, *(c for c in anchor.children if c.dep_ in ("acl", "relcl")
                         and _verb_measure(c, lex, money) in says_nothing)]
    verb = anchor.head
    if anchor.dep_ in ("nsubj", "nsubjpass", "dobj") and verb.pos_ in ("VERB", "AUX") \
            and _verb_measure(verb, lex, money) in says_nothing:
        more = [c for c in verb.children if c.dep_ in ("dobj", "npadvmod", "acomp", "xcomp") and c.i != anchor.i]
        if any(_verb_measure(c, lex, money) for c in more if c.pos_ != "NOUN"):
            return None  # "were reported killed at the hospital": the complement says what happened
        for c in more:
            # the state itself as the verb's object: "had taken shelter", "found refuge"
            state = lex.classes.state(c.lemma_.lower()) if c.dep_ == "dobj" and c.pos_ == "NOUN" else None
            if state is not None and state in KEPT_MEASURES:
                return state, c.text
        holders += [verb, *more]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in STATE_PREPS:
                continue
            for place in (p for p in prep.children if p.dep_ == "pobj"):
                # the place itself ("in custody"), or an act that names the state ("under arrest",
                # "under evacuation orders"; not "in cardiac arrest")
                words = [(place, prep.lower_ == "under")]
                words += [(c, True) for c in place.children if c.dep_ == "compound"]
                for w, acts in words:
                    lem = w.lemma_.lower()
                    m = lex.classes.state(lem) or (lex.noun_measure(lem) if acts else None)
                    if m in KEPT_MEASURES:
                        return m, w.text
    return None


NAME_TYPES = {"GPE", "LOC", "ORG", "PERSON", "FAC", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT"}
CONTRACT_NOUNS = {"deal", "contract", "order", "agreement", "sale", "purchase", "tender", "procurement"}
CONTRACT_VERBS = {"cover", "include", "comprise", "involve", "span"}


def _contract_of(anchor: Token) -> Token | None:
    """The deal a figure is the object or the value of: "a deal for 26 jets", "a contract worth $2bn",
    "the order covers 22 aircraft", "a deal valued at $7.4 billion"."""
    t = anchor
    for _ in range(4):
        head = t.head
        if head.i == t.i:
            return None
        if head.lemma_.lower() in CONTRACT_NOUNS and t.dep_ in ("pobj", "prep", "amod", "npadvmod", "acl",
                                                                  "compound", "nmod"):
            return head
        if head.pos_ == "VERB" and head.lemma_.lower() in CONTRACT_VERBS and t.dep_ == "dobj":
            subj = [c for c in head.children if c.dep_ == "nsubj"]
            return subj[0] if subj and subj[0].lemma_.lower() in CONTRACT_NOUNS else None
        if head.pos_ == "VERB" and head.lemma_.lower() not in ("value", "worth", "price", "estimate"):
            return None
        t = head
    return None


def _sent_against(num: Token, noun: Token | None) -> bool:
    verb = _governor(num, noun)
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep"} | {
        c.lower_ for c in (noun.children if noun is not None else []) if c.dep_ == "prep"}
    if preps & {"against", "at", "toward", "towards", "on", "over"}:
        return True
    if "to" in preps:
        return False
    return any(c.lower_ in ("overnight", "night") for c in verb.subtree)


CELL = re.compile(r"[^|\t]+?(?=\s*\||\t|\s{3,}|$)")
ROW_LABEL = re.compile(r"^\s*(?:[-–—•*·]|\d{1,2}[.)])?\s*([^:\n]{2,160}?):\s+\S")


def _row_measure(num: Token, doc: Doc, lex: Lexicon,
                 money: bool) -> tuple[str | None, str, bool, Span | None] | None:
    """The measure of a figure on a list item or a table row, from what labels it: its own words up to
    the next comma ("3,155 deaths", "11 missing"), else the item's words before (or after) a colon, the
    table's column header, or the line that introduces the list; where none of them says, the measure
    is None (the default for the thing counted), never a word from another line of the block. None
    where the figure's line is not such an item (a list item that is a whole sentence is read as one).
    The label's words come back too, for the thing counted when no noun says it (in a table whose column
    header says nothing, the row's first cell)."""
    text = doc_text(doc)
    bounds = _line_at(text, num.idx)
    if bounds is None:
        return None  # a line this long is prose, not a list item
    start, end = bounds
    line = text[start:end]
    at = num.idx - start
    label = ROW_LABEL.match(line)
    item = bool(LIST_ITEM.match(line)) or _in_block(doc, num)
    if item and label is not None and label.end(1) < at <= label.end(0) + 15 \
            and any(ch.isalpha() for ch in label.group(1)):  # a label may end in a date: "... in June 2024: 85"
        span = doc.char_span(start + label.start(1), start + label.end(1), alignment_mode="expand")
    elif item and re.match(r"[^\s:]*\s*:\s+\S", line[at:]):
        colon = line.index(":", at)
        span = doc.char_span(start + colon + 1, end, alignment_mode="expand")  # "- 204: incidents handled"
    elif item and TABLE_ROW.search(line):
        span = _column_header(doc, start, line, at)
    else:
        return None
    stop = re.search(r"[,;|(]|\s{3,}", line[at + len(num.text):])
    own_end = num.idx + len(num.text) + stop.start() if stop else end
    own = doc.char_span(num.idx + len(num.text), own_end, alignment_mode="contract")
    label_words = span if span is not None and len(span) and label is not None and label.end(1) < at else None
    for words in (own, span):
        found = _words_measure(words, lex, money) if words is not None and len(words) else None
        if found is not None:
            return (*found, label_words)
    intro = _list_intro(text, start, doc)
    found = _words_measure(intro, lex, money, verbs=False) if intro is not None else None
    if found:
        return (*found, label_words)
    if label_words is None and TABLE_ROW.search(line):
        label_words = _row_head(doc, start, line, at)  # the column's header says nothing ("Figure")
    # a label that says nothing still stands between the figure and the rows above it
    return None, "(its own label)" if span is not None else "", False, label_words


def _row_head(doc: Doc, line_start: int, row: str, at: int) -> Span | None:
    """A table row's first cell, when the figure stands in a later one: the row's label ("| Caches
    destroyed | 77 |"), which may name the thing counted where the column header ("Figure") does not."""
    cells = [m for m in CELL.finditer(row) if m.group().strip()]
    if len(cells) < 2 or cells[0].end() > at or not any(ch.isalpha() for ch in cells[0].group()):
        return None
    return doc.char_span(line_start + cells[0].start(), line_start + cells[0].end(), alignment_mode="expand")


def _row_bounds(doc: Doc, at: int) -> tuple[int, int] | None:
    """The bounds of the line holding offset `at` where it is a list item or a table row (a wrapped
    sentence's line is not), else None."""
    text = doc_text(doc)
    bounds = _line_at(text, at)
    if bounds is None:
        return None
    line = text[bounds[0]:bounds[1]]
    return bounds if LIST_ITEM.match(line) or TABLE_ROW.search(line) else None


LINE_REACH = 600  # characters: a line longer than this around a figure is prose, not a list item or a row


def _line_at(text: str, at: int) -> tuple[int, int] | None:
    """The bounds of the line holding offset `at`, looked for no further than LINE_REACH either side (so
    that a long paragraph costs each of its figures a bounded search); None for a longer line."""
    lo = max(0, at - LINE_REACH)
    before = text.rfind("\n", lo, at)
    start = before + 1 if before >= 0 else (0 if lo == 0 else -1)
    after = text.find("\n", at, at + LINE_REACH)
    end = after if after >= 0 else (len(text) if at + LINE_REACH >= len(text) else -1)
    return (start, end) if start >= 0 and end >= 0 else None


def _label_noun(label: Span, lex: Lexicon) -> Token | None:
    """The noun a list item's label counts: its first noun that is no modifier and no object of a
    preposition ("Homes destroyed", "People still staying in shelters", "Confirmed cases"). A label's
    capitalised first word that names nothing is a plural common noun the tagger took for a name
    ("Villages taken", "Troops sent")."""
    for t in label:
        common = t.pos_ == "NOUN" or t.i == label.start and not t.ent_type_ and (
            t.tag_ == "NNPS" or _capitalised_plural(t, lex) is not None)
        if common and t.dep_ not in ("compound", "pobj", "poss", "npadvmod") and t.lemma_.lower() not in NOT_ITEMS:
            return t
    return None


def _column_header(doc: Doc, line_start: int, row: str, at: int) -> Span | None:
    """The header cell above a table cell (`row` is the cell's line, from `line_start`; `at`, the cell's
    offset in it): the same column of the table's first line, if that line has no figure."""
    text = doc_text(doc)
    breaks = _breaks(doc)
    k = bisect_right(breaks, line_start - 2)  # the blank lines wholly before the row, as text.rfind finds them
    first = breaks[k - 1] + 2 if k > 0 else 0
    if first >= line_start:
        return None
    header = text[first:text.find("\n", first, line_start)]
    if any(ch.isdigit() for ch in header):
        return None
    cells = [m for m in CELL.finditer(row) if m.group().strip()]
    heads = [m for m in CELL.finditer(header) if m.group().strip()]
    column = next((i for i, m in enumerate(cells) if m.start() <= at < m.end()), None)
    if column is None or len(heads) != len(cells):
        return None
    return doc.char_span(first + heads[column].start(), first + heads[column].end(), alignment_mode="expand")


def _list_intro(text: str, line_start: int, doc: Doc) -> Span | None:
    """The line that introduces a list: the nearest line before it that ends with a colon, within the
    list's paragraph or as the paragraph before it."""
    pos = line_start - 1
    for _ in range(40):
        if pos <= 0:
            return None
        bounds = _line_at(text, pos - 1) if text[pos - 1] != "\n" else (pos, pos)
        if bounds is None:
            return None
        prev_start = bounds[0]
        line = text[prev_start:pos].strip()
        if line.endswith(":"):
            span = doc.char_span(prev_start, pos, alignment_mode="expand")
            return span[-1].sent if span is not None and len(span) else None  # its last sentence
        if line and not (LIST_ITEM.match(line) or TABLE_ROW.search(line)):
            return None
        pos = prev_start - 1
    return None


def _words_measure(span: Span, lex: Lexicon, money: bool, verbs: bool = True) -> tuple[str, str, bool] | None:
    """The measure some words on their own give: a verb of the lexicon ("Structures destroyed", "people
    displaced"), else a noun that is a measure ("Deaths"); planned where they say it is intended. Without
    `verbs` (a sentence that introduces a list), only its nouns and its intent count."""
    intended = any(t.lemma_.lower() in lex.future_heads or t.lower_ in ("proposed", "planned", "expected")
                   for t in span) or "to be" in span.text.lower()
    for t in span if verbs else ():
        if t.pos_ in ("VERB", "ADJ") or t.tag_ in ("VBN", "VBD", "VBG"):
            m = _verb_measure(t, lex, money)
            if m is not None and m != "planned":
                return m, t.text, intended
    for t in span:
        lem = "dead" if t.lower_ == "dead" else t.lemma_.lower()
        if t.pos_ in ("NOUN", "PROPN", "ADJ") and lem in lex.noun_measures and lem != "body":
            return lex.noun_measures[lem], t.text, intended
        if t.pos_ == "NOUN" and verbs:
            m = _verb_measure(t, lex, money)  # "arrests", "deliveries"
            if m is not None and m != "planned":
                return m, t.text, intended
    if intended:
        return "planned", "", True
    return None


ASKING_WORDS = {"seek", "need", "require", "request", "ask", "appeal", "call", "demand", "want", "shortfall"}


def _asked_for(num: Token) -> bool:
    """Money asked for: the nearest word above the figure that says what happens to it is one of asking
    ("seeks $6 billion", "the $2.7 billion needed", "an appeal for $71m", "would require $15m")."""
    t = num
    for _ in range(4):
        if t.head.i == t.i:
            return False
        t = t.head
        lem = t.lemma_.lower()
        if lem in ASKING_WORDS:
            return True
        if t.pos_ in ("VERB", "AUX") and lem not in ("be", "have", "worth"):
            return False
    return False


PART_PREPS = ("of", "among")
PARTITIVE_PRONOUNS = {"them", "whom", "which", "those", "these", "they", "it"}


def _whole_word(num: Token, noun: Token | None) -> Token | None:
    """The word for the whole a figure counts a part of: "12 of them", "five of the 24 victims",
    "children are among the dead", "3,840 deaths ..., including about 400 foreigners", "they included 250"."""
    anchor = noun if noun is not None else num
    heads = [anchor, num]
    if anchor.dep_ in ("nsubj", "nsubjpass") and anchor.head.pos_ in ("VERB", "AUX"):
        verb = anchor.head  # "several children are believed to be among the dead"
        heads += [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "acomp"))]
    for t in heads:
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in PART_PREPS and c.i > anchor.i:
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    h = anchor.head
    if anchor.dep_ == "pobj" and h.lower_ in ("including", "among") and h.head.i != h.i:
        return h.head
    if h.lemma_.lower() in ("include", "comprise") and anchor.dep_ in ("dobj", "attr"):
        return next((c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def _whole_measure(num: Token, noun: Token | None, sent: Span, lex: Lexicon, ctx: Context,
                   money: bool) -> str | None:
    """The measure of the whole a figure is part of, where the text links them: a figure counted before
    ("five of the 24 victims"), a word that is a measure ("among the dead"), or, for "of them" and
    "they included", the figure before it in the sentence or the one before."""
    whole = _whole_word(num, noun)
    if whole is None:
        return None
    if whole.pos_ in ("VERB", "AUX"):
        # "3,840 deaths had been recorded, including 400 foreigners": the counted thing of that verb
        whole = next((c for c in whole.subtree if c.i in ctx.counted and c.i < num.i), whole)
    if whole.i in ctx.counted:
        m, was_money = ctx.counted[whole.i]
        return m if was_money == money else None
    lem = "dead" if whole.lower_ == "dead" else whole.lemma_.lower()
    if not money and lem in lex.noun_measures and lem != "body":
        return lex.noun_measures[lem]
    if whole.lower_ in PARTITIVE_PRONOUNS:
        starts = {sent.start, sent.doc[sent.start - 1].sent.start if sent.start else sent.start}
        for start, m, was_money in reversed(ctx.recent):
            if start < min(starts):
                break  # the claims are in document order: none before this sentence's neighbour counts
            if start in starts and was_money == money:
                return m
    anchor = noun if noun is not None else num
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "including":
        # "500 deaths since the start of the war, including 31 children": the parser may hang "including"
        # on the nearest noun; the whole is then the last thing counted before it in the sentence
        for i in reversed(ctx.counted):  # in document order: stop at the sentence's start
            if i < sent.start:
                break
            if i < anchor.head.i:
                m, was_money = ctx.counted[i]
                return m if was_money == money else None
    return None


def _governing_verb(t: Token, lex: Lexicon) -> Token | None:
    for _ in range(5):
        if t.head.i == t.i:
            return t if t.pos_ in ("VERB", "AUX") else None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


RECEIVING_VERBS = {"receive", "get", "obtain", "acquire", "accept", "import"}
GIVING_VERBS = {"supply", "deliver", "provide", "give", "donate", "transfer", "send", "fund", "finance", "hand"}


def _modal_giving(num: Token, noun: Token | None, lex: Lexicon) -> bool:
    """A giver's promise: "Berlin will supply two more systems" names who binds itself to give. Things that
    only "would be delivered" or "would be handed over" are a schedule, no one's pledge: planned (spec v1.3)."""
    verb = _governing_verb(noun if noun is not None else num, lex)
    if verb is None or verb.lemma_.lower() not in GIVING_VERBS or any(c.dep_ == "auxpass" for c in verb.children):
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in verb.children)


def _is_future(verb: Token | None, lex: Lexicon) -> bool:
    if verb is None:
        return False
    if any(c.dep_ == "aux" and c.lower_ in lex.future_aux for c in verb.children):
        return True
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in verb.children):
        head = verb.head
        if verb.dep_ in ("xcomp", "ccomp", "advcl") and (
                head.lemma_.lower() in lex.future_heads or head.lemma_ == "be"):
            return True
        if verb.dep_ == "ROOT":  # headline: "North Korea to send 6,000 workers"
            return True
        if head.lemma_.lower() in lex.future_heads:
            return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lex.future_heads:
        return True
    return False


NON_FINITE_AUX = {"to", "be", "been", "being"}  # not "having": a perfect participle tells of a time before
# How a clause with no tense of its own hangs on the clause whose time it shares: "will run 30 ferries,
# using 45 managers", "would ask a judge to review 5,000 ballots", "promised to hire ... and to pay".
FRAMED_DEPS = {"advcl", "xcomp"}


def _non_finite(verb: Token) -> bool:
    """A participle or an infinitive: no auxiliary that carries a tense ("using", "to review", "to be
    melted"), unlike "is paid" or "were sent"."""
    return verb.tag_ in ("VB", "VBG", "VBN") and all(
        c.lower_ in NON_FINITE_AUX for c in verb.children if c.dep_ in ("aux", "auxpass"))


def _frame_is_future(verb: Token, lex: Lexicon) -> bool:
    """A clause with no tense of its own is future when the clause it hangs on is ("will run 30 ferries,
    using 45 managers", "would need $420 million to reach 2.1 million people"): the participle or the
    infinitive tells of the same time. A verb of speech above ends the frame (what is said may be of any
    time)."""
    t = verb
    for _ in range(3):
        own_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
        if not _non_finite(t) or not (t.dep_ in FRAMED_DEPS or t.dep_ == "conj" and own_to):
            return False
        t = t.head
        if t.pos_ not in ("VERB", "AUX") or t.lemma_.lower() in lex.reporting_verbs:
            return False
        if any(c.dep_ == "aux" and c.lower_ in lex.future_aux for c in t.children):
            return True
    return False


# Words that make an amount of money one asked for, needed, lost or counted, not one promised or paid
# (spec v1.3: "Money asked for ... is other"): "an appeal for $4.1 billion", "will cost $600 million".
MONEY_NOT_GIVEN = {"appeal", "require", "need", "ask", "request", "seek", "cost", "price", "budget", "loss", "lose",
                   "revenue", "profit", "worth", "value", "estimate", "hit", "recover", "shortfall", "gap"}


def _default_measure(category: str, item: str, doc: Doc, sent: Span, num: Token | None = None) -> str:
    if category == "personnel":
        return "deployed"
    if category == "money" and num is not None and _not_given(num):
        return "other"
    if category == "money":
        words = {t.lemma_.lower() for t in sent}
        if words & {"aid", "package", "assistance", "pledge", "support", "contribution", "loan", "fund", "finance",
                    "grant", "tranche"}:
            return "pledged"
        if num is not None and _announced(num):
            return "pledged"
    return "other"


def _not_given(num: Token) -> bool:
    """Money asked for, needed, lost or counted: a word of MONEY_NOT_GIVEN on the figure or above it. What an
    announced package is worth is the money announced ("announced a second package, worth $400 million"),
    unlike the value of a deal ("a deal worth $7.4 billion")."""
    above = {t.lemma_.lower() for t in (num, *islice(num.ancestors, 4))}
    found = above & MONEY_NOT_GIVEN
    if found == {"worth"} and not above & CONTRACT_NOUNS and _announced(num):
        return False
    return bool(found)


# Verbs that make money public as a decision (spec: "announced aid not yet delivered" is pledged), unlike
# the verbs that only state a figure ("estimated", "reported", "put at").
ANNOUNCING_VERBS = {"announce", "unveil", "detail", "outline"}


# How a figure hangs inside the object of a verb: in a noun phrase ("compensation of Rs 4 lakh"), beside a
# conversion ("400,000 rupees (about $5,300)") or as a gapped object ("announced €10 million, and Britain
# £4 million").
OBJECT_PATH_DEPS = {"nummod", "compound", "quantmod", "pobj", "prep", "nmod", "appos"}
WORTH_DEPS = {"npadvmod", "amod"}  # "announced a second package, worth $400 million"


def _announced(num: Token) -> bool:
    """Money an announcement makes public: the figure is in the direct object of an announcing verb, on its
    own or in the noun phrase that names the money ("Britain announced £120 million", "detailed a $2.5
    billion package", "announced compensation of 400,000 rupees", "announced a second package, worth $400
    million"), or the object of a gapped clause joined to it ("announced €10 million, and Britain £4 million")."""
    t = num
    for _ in range(6):
        head = t.head
        if head.i == t.i:
            return False
        if head.pos_ in ("VERB", "AUX"):
            gapped = t.dep_ == "conj" and t.pos_ in ("NUM", "NOUN", "PROPN")
            return head.lemma_.lower() in ANNOUNCING_VERBS and (t.dep_ == "dobj" or gapped)
        worth = t.dep_ in WORTH_DEPS and "worth" in (t.lower_, head.lower_)
        if t.dep_ not in OBJECT_PATH_DEPS | {"dobj"} and not worth:
            return False
        t = head
    return False


# Trades that are personnel only when a state sends them as a unit (spec v1.3: "military builders"):
# otherwise civilians at work.
CIVIL_TRADES = {"worker", "laborer", "labourer", "builder", "engineer", "contractor", "pilot", "deminer",
                "specialist", "operator", "instructor"}


def _category(item: str, measure: str | None, lex: Lexicon, harmed: bool = False) -> str:
    """The category of the thing counted; people `harmed` (see _harmed) are casualties, unless they fled
    (displaced people) or the harm is still to come ("will suffer from malnutrition")."""
    cat = lex.noun_class(item)
    if cat == "munition" and measure == "damaged" and lex.classes.category(item) != "munition":
        return "other"  # targets struck: the hand list's munition is the "aerial target" launched
    if cat in ("munition", "weapon", "vehicle", "aircraft", "money"):
        return cat  # money: a currency the quantity reader does not know ("80,000 gourdes"), by WordNet
    if item in lex.casualty_nouns or lex.noun_measure(item) in CASUALTY_MEASURES:
        return "casualty"  # "13 arrests", "40 abductions": the people they befell
    if lex.noun_measure(item) == "displaced":
        return "people"  # "2,000 evacuations"
    if cat == "personnel":
        if measure in CASUALTY_MEASURES:
            return "casualty"
        if measure in ("displaced",):
            return "people"
        if item in CIVIL_TRADES and measure not in ("deployed", "planned", "sendlike", "transferred"):
            return "people"  # workers on strike or on a payroll; workers a state sends as a unit are personnel
        return "personnel"
    if cat == "people" or item == "person":
        if measure in CASUALTY_MEASURES or harmed and measure not in ("displaced", "planned"):
            return "casualty"
        return "people"
    return "other"


CAPTIVITY_FLOOR = 3  # words of captivity a report needs before its uncounted people are taken for captives


def _about_captives(doc: Doc) -> bool:
    """A report about people held or freed: its words of captivity ("prisoners", "hostages", "freed") are
    several, and outnumber both its words of flight and its words of police work (whose people held are
    suspects: a report on arrests)."""
    found = doc.user_data.get("claimledger_captives")
    if found is None:
        text = doc_text(doc)
        held = len(CAPTIVE_WORDS.findall(text))
        found = doc.user_data["claimledger_captives"] = held >= CAPTIVITY_FLOOR and held > len(
            FLEEING_WORDS.findall(text)) and held >= sum(t.lemma_.lower() in CRIME_WORDS for t in doc)
    return found


def _captive_category(category: str, measure: str, cued: bool, counted: Token, lex: Lexicon) -> str:
    """People counted in a report about captives (see _about_captives) with no word for what befell them
    and doing nothing themselves are the captives: casualties (spec: anyone held or freed). People who act
    ("thousands gathered", "welcomed by thousands", "640 million voted") are not. People "released" who
    were only sent back or flown home are no captives (see _sent_back)."""
    if category == "casualty" and measure == "released" and _sent_back(counted, lex):
        return "people"
    if category != "people" or measure != "other" or cued or not _about_captives(counted.doc):
        return category
    top = _phrase_head(counted)
    acts = top.dep_ in ("nsubj", "csubj") and top.head.lemma_ != "be" or top.dep_ == "pobj" and top.head.lower_ == "by"
    return category if acts else "casualty"


def _phrase_head(counted: Token) -> Token:
    """The head of the phrase a counted noun ends: "thousands of people" → thousands, "the bodies of 87" → bodies."""
    top = counted
    while top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.i != top.head.i:
        top = top.head.head
    return top


def _sent_back(counted: Token, lex: Lexicon) -> bool:
    """People returned, repatriated or flown home in a report about people fleeing (see _about_uprooted):
    deportees and evacuees, who were never held (spec: refugees and people fleeing are people), unless their
    own words name them as held or harmed ("prisoners", "the wounded", "the bodies of 87")."""
    if not _about_uprooted(counted.doc):
        return False
    named = {_item_lemma(t, lex) for t in (counted, _phrase_head(counted)) if t.pos_ in ("NOUN", "PROPN", "ADJ")}
    return not any(w in lex.casualty_nouns or w in lex.weak_noun_measures or lex.noun_measure(w) for w in named)


def _phrase_category(noun: Token | None, category: str, lex: Lexicon) -> str:
    """The category of a counted noun with none of its own, from the words that modify it: the compound
    they make, where WordNet names it ("40 fire engines", "four explosive devices"), else an adjective that
    names a kind of thing ("2,300 explosive items", "9 armoured clearance machines"); for a model counted by
    its name, the kind of thing the report says it is (see _model_category)."""
    if noun is None or category != "other":
        return category
    mods = sorted((c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i),
                  key=lambda c: -c.i)
    head = _item_lemma(noun, lex)
    for mod in mods:
        kind = lex.classes.category(f"{mod.lemma_.lower()}_{head}")
        if kind in THING_FAMILIES:
            return kind
    for mod in mods:
        # an adjective says what the thing is; a noun before it, what it serves ("missile silos", "drone attacks")
        kind = lex.noun_class(mod.lemma_.lower()) if mod.dep_ == "amod" and mod.pos_ in ("ADJ", "VERB") else None
        if kind in THING_FAMILIES:
            return kind
    if noun.pos_ == "PROPN" or any(ch.isdigit() for ch in noun.text):
        return _model_category(noun, head, lex) or category
    return category


def _model_category(name: Token, lemma: str, lex: Lexicon) -> str | None:
    """The category of a model counted by its name ("12 Kestrel-7s", "40 more Warthogs"): that of the common
    noun the same name modifies elsewhere in the report ("Kestrel-7 fighter jets", "Warthog armoured
    vehicles"), or that it shares with the names joined to it ("dozens of Burkan-2 and Burkan-3 missiles")."""
    shared = _shared_noun(name)
    kind = lex.noun_class(_item_lemma(shared, lex)) if shared is not None else None
    if kind in THING_FAMILIES:
        return kind
    for t in name.doc:
        if t.i == name.i or t.lower_ != name.lower_ and _item_lemma(t, lex) != lemma:
            continue
        up = t
        for _ in range(3):
            if up.dep_ not in ("compound", "nmod", "amod", "nummod", "conj") or up.head.i == up.i:
                break
            up = up.head
            kind = lex.noun_class(_item_lemma(up, lex)) if up.pos_ == "NOUN" else None
            if kind in THING_FAMILIES:
                return kind
    return None


def _shared_noun(name: Token) -> Token | None:
    """The common noun that names joined by "and", "or" or commas modify together ("Burkan-2 and Burkan-3
    missiles", "Kestrel, Osprey and Harrier jets"), seen from the first of them; else None."""
    doc = name.doc
    joined = False
    for t in doc[name.i + 1:min(name.i + 8, len(doc))]:
        if t.lower_ in ("and", "or", ","):
            joined = True
        elif t.pos_ == "NOUN" and not any(ch.isdigit() for ch in t.text):
            return t if joined else None
        elif not (t.pos_ in ("PROPN", "NUM") or any(ch.isdigit() for ch in t.text)):
            return None
    return None


# -- who and where ----------------------------------------------------------

def _governor(num: Token, noun: Token | None) -> Token:
    t = noun if noun is not None else num
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return t
        t = t.head
    return t


GROUP_NOUNS = {"ally", "partner", "donor", "backer", "supporter", "neighbour", "neighbor", "creditor", "lender",
               "coalition"}


def _side(m: Mention) -> str:
    """The side a mention stands for: a state body acts for its country (a ministry, or an agency whose id
    is its country's code and its acronym, "UKR-SES"), anything else for itself."""
    state = m.kind == "body" or m.kind == "organisation" and m.id.startswith(f"{m.country}-")
    return m.country if m.country and state else m.id


def _np_entity(tok: Token, ents: EntityIndex) -> Mention | None:
    """The entity a noun phrase names: its own mention or, for "the North Korean army", its modifier's.

    A group named by whom it belongs to ("Ukraine's allies") is that group, not the possessor: an entity
    of its own, slugged from its words."""
    if in_dateline(tok):
        return None  # "BRUSSELS (Reuters) — ...": the dateline city does nothing
    m = ents.at(tok)
    if m:
        return m
    if tok.lemma_.lower() in GROUP_NOUNS:
        words = [t.text for t in tok.doc[tok.left_edge.i:tok.i + 1] if t.dep_ not in ("det",)]
        return Mention(slug(" ".join(words)), "organisation", tok.left_edge.i, tok.i + 1, " ".join(words))
    for c in tok.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod"):
            m = ents.at(c) or _np_entity(c, ents)
            if m:
                return m
    if tok.lemma_.lower() in ("member", "members", "country", "nation", "government", "state"):
        # "members of the Ukraine Defense Contact Group"
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    m = ents.at(p)
                    if m and m.kind in ("international", "organisation"):
                        return m
    return None


def _actor(num: Token, noun: Token | None, gov: Token, measure: str, category: str, ents: EntityIndex,
           lex: Lexicon) -> tuple[str | None, str]:
    # Whose things or people: "North Korean soldiers", "Russia's drones", "Ukrainian drones", "5,000 Ukrainians"
    if noun is not None:
        own = ents.at(noun)
        if own is not None and own.kind == "demonym":
            return own.id, noun.text
        for c in noun.children:
            if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i != num.i:
                m = ents.at(c)
                if m and m.kind in ("country", "demonym", "body", "organisation", "international"):
                    return _side(m), c.text
        # "Malawi says three of its troops died": the party the possessive pronoun stands for
        for c in noun.children:
            if c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS:
                m = _possessor_party(c, ents, lex)
                if m and m.kind in ("country", "demonym", "body", "organisation", "international"):
                    return _side(m), f"{c.text} {noun.text}"
        # "drones of Russia's army", "casualties among North Korean troops"
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "among", "from"):
                for p in c.children:
                    m = _np_entity(p, ents)
                    if m and m.kind in ("country", "demonym"):
                        return m.id, p.text
    if measure not in CASUALTY_MEASURES | {"displaced"}:
        gapped = _gapped_party(num, ents)
        if gapped is not None:
            return _side(gapped), gapped.text
    if measure not in SENDING_MEASURES | {"displaced", "released"}:
        label = _label_party(num, ents)
        if label is not None:
            return label.id, label.text
    # "North Korea's losses have reached 4,700": the possessor of the noun the figure sits under
    t = noun if noun is not None else num
    for _ in range(4):
        if t.head.i == t.i:
            break
        t = t.head
        if t.pos_ == "NOUN":
            for c in t.children:
                # "a Ukraine aid package": a country before an aid word receives, it does not pay;
                # "a $50 billion Group of Seven loan": a lender before it does
                if c.dep_ in ("poss", "amod", "compound"):
                    m = ents.at(c)
                    if m and m.kind in ("country", "demonym") and not (category == "money" and c.dep_ != "poss"):
                        return m.id, c.text
                    if m and category == "money" and m.kind in ("international", "organisation", "body"):
                        return _side(m), c.text
                if category == "money" and c.dep_ == "prep" and c.lower_ == "from":
                    for p in c.children:
                        m = _np_entity(p, ents)
                        if m and m.kind in ("country", "international", "organisation", "body"):
                            return m.id, f"from {p.text}"
        if t.pos_ in ("VERB", "AUX"):
            break
    sender = _whole_sender(num, noun, gov, ents, lex)
    if sender is not None:
        return _side(sender), f"sent by {sender.text}"
    # The doer: subject of the verb (active), or "by" agent (passive)
    verb = gov if gov.pos_ in ("VERB", "AUX") else None
    if verb is not None and _receives(verb):
        # "Ukraine has received 31 tanks from the United States": the giver is after "from"
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "from":
                for p in c.children:
                    m = _np_entity(p, ents)
                    if m and m.kind in ("country", "demonym", "body", "organisation", "international"):
                        return _side(m), f"from {p.text}"
        if measure != "other":
            return None, ""
        # "the Conservatives got 6.8 million votes", "the fund received $112 million": nothing was handed on
        # by a side, and what the subject got is its own
    if verb is not None and measure not in (CASUALTY_MEASURES - {"released"}) | {"displaced"} \
            and not _beside_the_verb(num, noun if noun is not None else num, verb):
        below = None
        for v in _verb_and_heads(verb):
            # "Norway is set to deliver 12 boats": the passive subject of a verb the doing verb completes is
            # the doer raised out of it
            subjects = ("nsubj", "nsubjpass") if below is not None and below.dep_ == "xcomp" else ("nsubj",)
            below = v
            if _counts_only(v, lex):
                break  # "the ministry has assessed 1.7 million buildings": who counts is the source (C18)
            if v.lemma_.lower() == "cost":
                # "the outage cost the bank $40 million": who pays is the one it cost, not the cause
                payer = next((c for c in v.children if c.dep_ == "dative"), None)
                m = None if payer is None else (
                    _np_entity(payer, ents) or _pronoun_party(payer, ents, lex) or _named_party(payer))
                if payer is not None and m and m.kind in ("country", "demonym", "body", "organisation",
                                                          "international"):
                    return _side(m), f"cost {payer.text}"
                break
            for c in v.children:
                if c.dep_ == "nsubj" and any(g.dep_ == "conj" for g in c.children):
                    return None, ""  # "Kyiv and Moscow are to hand over 1,000 prisoners each"
                if c.dep_ in subjects:
                    m = _np_entity(c, ents) or _pronoun_party(c, ents, lex) or _named_party(c)
                    if m and m.kind in ("country", "demonym", "body", "organisation", "international"):
                        return _side(m), f"by {c.text}"
                    if m and m.kind == "person" and m.country and measure in ("pledged", "transferred", "deployed",
                                                                             "planned", "launched"):
                        return m.country, f"by {c.text}"  # "Prime Minister Mark Carney pledged C$2bn"
                if c.dep_ == "agent":
                    for p in c.children:
                        m = _np_entity(p, ents)
                        if m and m.kind in ("country", "demonym", "body", "organisation", "international"):
                            return m.id, f"by {p.text}"
    if category == "money":
        payer = _valued_payer(num, ents, lex)
        if payer is not None:
            return _side(payer), f"pays for what it values ({payer.text})"
    return None, ""


SENT_MEASURES = {"deployed", "transferred", "launched", "pledged", "planned", "sendlike"}


def _whole_sender(num: Token, noun: Token | None, gov: Token, ents: EntityIndex, lex: Lexicon) -> Mention | None:
    """The party a whole the figure is part of was sent, fired or handed over by: "80 of the drones Russia
    launched were shot down", "among the equipment Iran has supplied, the report lists 200 missiles". The
    whole's relative clause says whose the things are; a clause of taking or harming ("the people the
    militia abducted") names the other side, not the owner."""
    for head in (num, noun if noun is not None else num, gov):
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "among"):
                continue
            for whole in prep.children:
                for verb in whole.children:
                    if verb.dep_ != "relcl" or _lookup_verb(verb, lex)[0] not in SENT_MEASURES:
                        continue
                    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                    m = None if subject is None else _np_entity(subject, ents)
                    if m is not None and m.kind in ("country", "demonym", "body", "organisation", "international"):
                        return m
    return None


# Prepositions that bring in other parties beside the verb's action: "troops from 50 countries", "casualties
# among 12 units", "talks between two sides"
PARTY_PREPS = {"from", "among", "across", "between"}


def _beside_the_verb(num: Token, counted: Token, verb: Token) -> bool:
    """The counted things sit in a prepositional phrase of other parties, not in the verb's own arguments,
    so the verb's subject neither does anything to them nor owns them: "the mission has 10,000 troops
    from 50 countries" (the countries), "killing 179 of the 181 on board" (the whole a part is taken
    from). A "from" on a word of change ("down from 303", "up from 52") compares, and names no party."""
    t = counted
    while t.i != verb.i and t.head.i != t.i:
        if t.dep_ == "pobj":
            prep = t.head
            if prep.lower_ in PARTY_PREPS and prep.head.pos_ not in ("ADV", "ADJ") \
                    or prep.lower_ == "of" and prep.head.pos_ == "NUM" and prep.head.i != num.i:
                return True
        t = t.head
    return False


# Verbs whose subject counts, surveys or estimates the things, and does nothing to them
COUNTER_VERBS = {"estimate", "assess", "put", "survey", "monitor", "track", "find", "verify", "count"}
# Reporting verbs that also do what they say: "Britain announced 107 new sanctions", "the EU would add €355m"
DOING_SPEECH = {"announce", "add", "declare", "pledge", "promise", "commit", "offer"}


def _counts_only(verb: Token, lex: Lexicon) -> bool:
    """"Police reported 22 arrests", "the agency counted 2,985 deaths", "the union claimed 2.8 million":
    the verb counts or states the figure, and its subject is the figure's source (C18)."""
    lemma = verb.lemma_.lower()
    return lemma in COUNTER_VERBS or lemma in lex.statement.counting_verbs or (
        lemma in lex.reporting_verbs and lemma not in DOING_SPEECH)


SENDING_MEASURES = {"transferred", "planned", "pledged", "launched"}
PARTY_KINDS = ("country", "organisation", "body", "international", "person")
# Hedges between a label and its figure: "Nepal (about 6,200)", "Israel around 90", "China: at least 600"
LABEL_HEDGES = [("at", "least"), ("up", "to"), ("more", "than"), ("fewer", "than"), ("less", "than"), ("about",),
                ("around",), ("nearly",), ("almost",), ("some",), ("roughly",), ("approximately",), ("over",),
                ("just",), ("under",), ("an", "estimated"), ("estimated",)]


def _label_party(num: Token, ents: EntityIndex) -> Mention | None:
    """The party a figure is set against in a list, a table or a run of names and figures: "Nepal (about
    6,200), Rwanda (about 5,900)", "- Spain: 56 rescuers", "- UNMISS (South Sudan): 17,900", "Labour 411,
    Conservatives 121", a table row that opens on "Russia | 5,459". What a stock, a force or a result
    belongs to, when the text lays it out rather than saying it in a sentence."""
    doc = num.doc
    i = num.i - 1
    for hedge in LABEL_HEDGES:
        if i - len(hedge) + 1 >= 0 and tuple(t.lower_ for t in doc[i - len(hedge) + 1:i + 1]) == hedge:
            i -= len(hedge)
            break
    mark = doc[i].text if i >= 0 else ""
    if mark in (":", "("):
        i -= 1
        if mark == ":" and i >= 0 and doc[i].text == ")":  # "UNMISS (South Sudan): 17,900": past its brackets
            opening = next((j for j in range(i - 1, max(i - 9, -1), -1) if doc[j].text == "("), None)
            i = opening - 1 if opening is not None else -1
    if i < 0 or doc[i].sent != num.sent:
        return _row_party(num, ents)
    m = ents.at(doc[i]) or _named_party(doc[i])
    if m is None or m.end != i + 1 or m.kind not in PARTY_KINDS:
        return _row_party(num, ents)
    if mark == ":":
        # a list item's label that is the party itself, not a title's speaker ("UN: 5,601 killed") nor a
        # phrase that names one ("Troops alongside the Congolese army: 10,000")
        bounds = _row_bounds(doc, num.idx)
        if bounds is None or not LIST_ITEM.match(doc_text(doc)[bounds[0]:bounds[1]]) \
                or doc_text(doc)[bounds[0]:doc[m.start].idx].strip(" -–—•*·\t").lower() not in ("", "the"):
            return None
    return m


def _gapped_party(num: Token, ents: EntityIndex) -> Mention | None:
    """The subject of a clause whose verb is left out, named just before its figure: "Britain has provided
    £4.5 million and the European Union €3 million", "France with 3,000 and Sweden with roughly 900". Each
    conjunct's figure is its own subject's, not the first clause's."""
    doc = num.doc
    i = num.i - 1
    # back over the figure's own words: its digits, currency and quotes ("GBP", "€", "4"), a hedge, a "with"
    while i > num.sent.start and (doc[i].like_num or doc[i].pos_ == "SYM" or doc[i].is_quote or doc[i].is_currency
                                  or doc[i].is_upper and len(doc[i]) == 3 and ents.at(doc[i]) is None):
        i -= 1
    for hedge in LABEL_HEDGES:
        if i - len(hedge) + 1 > num.sent.start and tuple(t.lower_ for t in doc[i - len(hedge) + 1:i + 1]) == hedge:
            i -= len(hedge)
            break
    while i > num.sent.start and doc[i].is_quote:
        i -= 1
    if doc[i].lower_ == "with":
        i -= 1
    m = ents.at(doc[i])
    if m is None or m.end != i + 1 or m.kind not in ("country", "organisation", "international", "body"):
        return None
    before = m.start - 1
    if before >= 0 and doc[before].lower_ == "the":
        before -= 1
    if before <= num.sent.start or doc[before].lower_ not in ("and", ","):
        return None
    return m


def _row_party(num: Token, ents: EntityIndex) -> Mention | None:
    """The party a table row opens on, for a figure in a later cell: "Russia | 5,459 | 1,718"."""
    doc = num.doc
    bounds = _row_bounds(doc, num.idx)
    if bounds is None:
        return None
    text = doc_text(doc)
    first = CELL.search(text, bounds[0], num.idx)
    if first is None or first.end() >= num.idx or not TABLE_ROW.search(text[bounds[0]:bounds[1]]):
        return None
    cell = doc.char_span(first.start(), first.end(), alignment_mode="contract")
    if cell is None or not len(cell):
        return None
    m = ents.at(cell[0]) or _named_party(cell[0])
    return m if m is not None and m.kind in PARTY_KINDS and m.end >= cell.end else None


def _named_party(tok: Token) -> Mention | None:
    """A party the gazetteer does not know, named by a proper noun the parser takes for an organisation or
    a group ("The Greens won 85 seats"): an entity of its own, slugged from its words."""
    if tok.pos_ != "PROPN" or tok.ent_type_ not in ("ORG", "NORP"):
        return None
    start, end = tok.i, tok.i + 1
    # back to the name's first word: of the parser's entity, or a proper noun compounded onto it ("Liberal
    # Democrats", when the parser's entity holds only "Democrats")
    while start > tok.sent.start and (tok.doc[start].ent_iob_ == "I" or tok.doc[start - 1].pos_ == "PROPN"
                                      and tok.doc[start - 1].dep_ == "compound"
                                      and start <= tok.doc[start - 1].head.i <= tok.i):
        start -= 1
    while end < tok.sent.end and tok.doc[end].ent_iob_ == "I":
        end += 1
    words = [t.text for t in tok.doc[start:end] if t.dep_ != "det"]
    return Mention(slug(" ".join(words)), "organisation", start, end, " ".join(words))


def _words_of_slug(eid: str, sent: Span) -> str | None:
    """The words of the sentence an id was slugged from ("Liberal Democrats" for liberal-democrats), so that
    the claim's `names` holds every id it uses (spec v1.3), those the gazetteer does not know included."""
    size = eid.count("-") + 1
    for t in sent:
        if t.is_title or t.is_upper:
            words = sent.doc[t.i:min(t.i + size, sent.end)].text
            if slug(words) == eid:
                return words
    return None


STATE_NOUNS = {"government", "country", "state", "authorities", "authority", "administration"}


def _pronoun_party(subject: Token, ents: EntityIndex, lex: Lexicon) -> Mention | None:
    """The party a pronoun subject stands for: "Kenya, which has about 750 officers" (the noun a relative
    clause hangs on), "FEMA said it had deployed 4,800 staff" (the speaker of the clause it is said in),
    "It has had at most 1,000 personnel" (the party named last, in this sentence or the one before), "the
    government", "his government", "the defence ministry" (its country, _government_of: spec, a country's
    government in general is the country), "the region" (the place named last, _local_government), "the
    carmaker" (the organisation named last: a definite noun of a kind of organisation, WordNet's)."""
    word = subject.lower_
    verb = subject.head
    if word in ("which", "who", "that") and verb.dep_ == "relcl":
        return _np_entity(verb.head, ents)
    if _local_government(subject, ents):
        return _local_party(subject, ents)  # "the region would pay 3 million roubles"
    if _state_in_general(subject, ents):
        return _government_of(subject, ents)  # "the federal government would spend 61.3 billion pesos"
    if _state_in_general(subject, ents, MINISTRY_NOUNS):
        # "the defence ministry has budgeted 1.4 billion zloty": a ministry the report named, else its government
        return ents.last_before(subject.i, ("body",), "ministry") or _government_of(subject, ents)
    if subject.lemma_.lower() in lex.classes.organisations and [c.lower_ for c in subject.children] == ["the"]:
        return ents.last_before(subject.i, ("organisation", "body", "international"))  # "the company paid $22m"
    if word not in ("it", "they", "we"):
        return None
    if verb.dep_ == "ccomp":
        # the speaker may be a noun of a state or an organisation ("the government said it would send ..."),
        # not another pronoun ("it expected it to climb": the second "it" is the figure)
        speaker = _subject_of(verb.head)
        if speaker is not None and speaker.i != subject.i:
            noun = speaker.pos_ == "NOUN"
            return _np_entity(speaker, ents) or (_pronoun_party(speaker, ents, lex) if noun else None) \
                or _named_party(speaker)
    before = subject.sent.start - 1
    earliest = subject.doc[before].sent.start if before >= 0 else subject.sent.start
    m = ents.last_before(subject.i, PARTY_KINDS[:4])
    return m if m is not None and m.start >= earliest else None


def _subject_of(verb: Token) -> Token | None:
    """A verb's subject, or for a verb joined to another that has none of its own, the subject they share
    ("the government declared three days of mourning and said it would pay ...")."""
    for v in (verb, verb.head) if verb.dep_ == "conj" else (verb,):
        subject = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
    return None


def _government_of(subject: Token, ents: EntityIndex) -> Mention | None:
    """The country "the government" stands for: the country named in this sentence or the one before, else
    the country the report is about, not a country named in passing paragraphs earlier ("a bus from
    Belize ... The government has promised each family 25,000 quetzales")."""
    m = ents.last_before(subject.i, ("country",))
    before = subject.sent.start - 1
    earliest = subject.doc[before].sent.start if before >= 0 else subject.sent.start
    if m is not None and m.start >= earliest:
        return m
    home, _ = ents.main_country()
    return ents.first(home) if home else m


POSSESSIVE_PRONOUNS = {"its", "their", "our"}


def _possessor_party(pronoun: Token, ents: EntityIndex, lex: Lexicon) -> Mention | None:
    """The party a possessive pronoun stands for: in a reported clause, its speaker ("Malawi says three
    of its troops died", "the union said 45,000 of its members walked out"), else the party named last
    before it in the sentence ("Kenya, which sent 400 of its officers")."""
    t = pronoun
    while t.head.i != t.i:
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in lex.reporting_verbs:
            subject = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            if subject is None:
                return None
            return _np_entity(subject, ents) or _named_party(subject)
        t = t.head
    m = ents.last_before(pronoun.i, PARTY_KINDS[:4])
    return m if m is not None and m.start >= pronoun.sent.start else None


def _verb_and_heads(verb: Token):
    yield verb
    t = verb
    for _ in range(2):
        if t.dep_ in ("xcomp", "conj", "advcl") and t.head.i != t.i:
            t = t.head
            yield t
        elif t.dep_ == "pcomp" and t.head.head.i != t.head.i:
            t = t.head.head  # "Iran retaliated by firing 14 missiles"
            yield t
        else:
            break


HOSTING_VERBS = {"host", "shelter", "welcome", "admit", "house"}


def _receives(verb: Token) -> bool:
    """A verb whose subject receives the things or takes the people in: "received", "hosts", "has taken in"."""
    lemma = verb.lemma_.lower()
    return lemma in RECEIVING_VERBS or lemma in HOSTING_VERBS or (
        lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "in" for c in verb.children))


def _recipient(num: Token, noun: Token | None, gov: Token, measure: str, category: str, ents: EntityIndex,
               actor: str | None) -> tuple[str | None, str]:
    if measure == "displaced" or measure in ("transferred", "planned") and category != "money":
        # "- Chad: 587,000 Sudanese refugees", "- Israel (Feb. 7): 3,000 Hellfire missiles": a list by receiver;
        # "Hungary has taken in 116,000, Moldova nearly 80,000": a figure's own receiver where the verb is gapped
        label = _label_party(num, ents)
        if label is not None and label.kind == "country" and label.id != actor:
            return label.id, label.text
    verb = gov if gov.pos_ in ("VERB", "AUX") else None
    if verb is not None and _receives(verb):
        # the receiver is the subject: "Chad has received 700,000 refugees", "Hungary has taken in 116,000"
        for c in verb.children:
            if c.dep_ == "nsubj":
                m = _np_entity(c, ents)
                if m and m.kind in ("country", "demonym") and m.id != actor:
                    return m.id, f"{c.text} {verb.text}"
    places = []
    for base in filter(None, [noun, verb, *(list(_verb_and_heads(verb))[1:] if verb is not None else [])]):
        for c in base.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for", "into", "in", "at", "on", "against", "toward",
                                                             "towards", "with"):
                for p in c.children:
                    if p.dep_ != "pobj":
                        continue
                    m = _np_entity(p, ents)
                    if m and m.kind in ("country", "demonym") and m.id != actor:
                        places.append((c.lower_, m.id, f"{c.text} {p.text}"))
            if c.dep_ == "dobj" and measure == "launched" and (noun is None or c.i != noun.i):
                m = _np_entity(c, ents)
                if m and m.kind in ("country",) and m.id != actor:
                    places.append(("dobj", m.id, c.text))
            if c.dep_ == "dative":
                m = _np_entity(c, ents)
                if m and m.kind in ("country",) and m.id != actor:
                    places.append(("to", m.id, c.text))
            if c.dep_ in ("advcl", "xcomp") and c.lemma_ in ("help", "support", "aid", "back", "assist"):
                for d in c.children:
                    if d.dep_ == "dobj":
                        m = _np_entity(d, ents)
                        if m and m.kind == "country" and m.id != actor:
                            places.append(("to", m.id, f"{c.text} {d.text}"))
    for prep in ("to", "for", "dobj", "into", "against", "at", "on", "in", "toward", "towards", "with"):
        for p, rid, cue in places:
            if p == prep:
                if p == "in" and measure not in ("deployed", "planned"):
                    continue
                if p == "with":
                    continue
                return rid, cue
    # "fighting for Russia", "on Russia's side": a relative or participle clause on the noun
    if noun is not None and category in ("personnel", "casualty"):
        for c in noun.children:
            if c.dep_ in ("acl", "relcl") and c.lemma_ in ("fight", "serve", "help", "support"):
                for d in c.children:
                    if d.dep_ == "prep" and d.lower_ in ("for", "alongside", "with"):
                        for p in d.children:
                            m = _np_entity(p, ents)
                            if m and m.kind == "country":
                                return m.id, f"{c.text} {d.text} {p.text}"
    return None, ""


RETURN_VERBS = {"return", "repatriate"}
RETURN_WORDS = {"home", "back"}


def _brought_home(gov: Token, noun: Token | None) -> bool:
    """The people freed are said to go back to their own side ("brought home", "handed back", "returned",
    "repatriated"), which names it as the receiving side; people merely released, freed from a prison or
    set free by their captors name none (spec: null where the text names no receiving side)."""
    verbs = list(_verb_and_heads(gov)) if gov.pos_ in ("VERB", "AUX") else []
    if any(v.lemma_.lower() in RETURN_VERBS | RECEIVING_VERBS for v in verbs):
        return True
    heads = verbs + ([noun] if noun is not None else [])  # a title's "20 hostages home"
    if any(c.lower_ in RETURN_WORDS and c.dep_ in ("advmod", "prt", "npadvmod") for h in heads for c in h.children):
        return True
    return noun is not None and any(c.dep_ == "amod" and c.lemma_.lower() in RETURN_VERBS for c in noun.children)


def _defender(gov: Token, ents: EntityIndex, attribution: Attribution) -> tuple[str | None, str]:
    """Who shot the things down: the verb's subject ("Russia's air defences", "its air defences")."""
    verb = gov if gov.pos_ in ("VERB", "AUX") else None
    if verb is None:
        return None, ""
    for c in verb.children:
        if c.dep_ in ("nsubj", "agent"):
            subj = c if c.dep_ == "nsubj" else next((p for p in c.children if p.dep_ == "pobj"), c)
            m = _np_entity(subj, ents)
            if m and m.kind in ("country", "demonym"):
                return m.id, f"by {subj.text}"
            if m and m.country:
                return m.country, f"by {subj.text}"
            poss = [p for p in subj.children if p.dep_ == "poss" and p.lower_ in ("its", "their")]
            if poss:
                last = ents.last_before(subj.i, ("country",))
                if last is not None:
                    return last.id, f"{poss[0].text} {subj.text}"
    return None, ""


def _sentence_recipient(num: Token, sent: Span, ents: EntityIndex, actor: str | None, location: str | None
                        ) -> tuple[str | None, str]:
    """"... for Ukraine", "a Ukraine aid package", "to Russia's Kursk region": the receiving side named
    anywhere in the sentence, else the country of the place the things went to."""
    def distance(t: Token) -> int:
        # the words after the figure first ("$61 billion for Ukraine, $26 billion for Israel"), nearest first
        return t.i - num.i if t.i > num.i else 1000 + num.i - t.i

    for compounds in (False, True):
        for t in sorted(sent, key=distance):
            m = ents.at(t)
            if m is None or m.kind not in ("country",) or m.id == actor:
                continue
            if not compounds and t.dep_ == "pobj" and t.head.lower_ in ("to", "for", "into"):
                return m.id, f"{t.head.text} {t.text}"
            if compounds and t.dep_ in ("compound", "nmod") and t.head.lemma_.lower() in (
                    "aid", "package", "assistance", "support", "loan", "fund", "military"):
                return m.id, f"{t.text} {t.head.text}"
    if location:
        for m in ents.by_id.get(location, []):
            if m.country and m.country != actor:
                return m.country, f"(where {m.text} is)"
    return None, ""


def _settled_actor(actor: str | None, acue: str, num: Token, noun: Token | None, gov: Token, measure: str,
                   category: str, recipient: str | None, sent: Span, ents: EntityIndex, ctx: Context, lex: Lexicon
                   ) -> tuple[str | None, str]:
    """The actor the rules chose, settled against what the whole report is about: the dead and sick of a
    report on a disaster or an illness belong to no side (spec: none for victims of disasters), not even
    the country whose toll a title counts ("Bangladesh dengue deaths pass 800"); and forces on duty that no
    one is said to have sent are the home country's (_home_force)."""
    if measure in HARM_MEASURES and actor is not None and (ctx.harm == "disaster" or ctx.illness) \
            and not _violent_cause(noun if noun is not None else num, gov, lex):
        return None, ""
    if actor is None and measure == "deployed" and recipient is None:
        return _home_force(gov, category, sent, ents, ctx, lex)
    if measure in ("destroyed", "damaged") and acue == "(from context)" and actor != ctx.launcher \
            and actor != ctx.sentence_actor.get((sent.start, "launched")) \
            and _destroyed_by_no_side(gov, noun if noun is not None else num, ents, lex):
        return None, ""  # "clearance teams have destroyed 1.8 million items": whose they were, the text does not say
    if actor is None and category == "money" and _valuing_word(num) is not None:
        payer = _price_payer(sent, ctx)
        if payer is not None and payer != recipient:
            return payer, "(who acquires what the sum values)"
    return actor, acue


def _about_illness(doc: Doc, lex: Lexicon) -> bool:
    """The report's title or lead (its first two sentences) names an illness (WordNet's ailments: "measles",
    "cholera", "dengue"): an outbreak report, whose dead died of it."""
    for i, sent in enumerate(doc.sents):
        if i == 2:
            break
        if any(t.pos_ in ("NOUN", "PROPN") and "illness" in (lex.classes.ailment(t.lemma_.lower()),
                                                          lex.classes.ailment(t.lower_)) for t in sent):
            return True
    return False


FORCE_CATEGORIES = {"personnel", "vehicle", "aircraft"}  # what a state puts on duty: its forces and their craft


def _home_force(gov: Token, category: str, sent: Span, ents: EntityIndex, ctx: Context, lex: Lexicon
                ) -> tuple[str | None, str]:
    """Whose forces are on duty when no one is said to have sent them ("710 firefighters have been fighting
    the fire", "some 300 army personnel have been deployed"): the country the report is about, whose state
    deploys its own police, troops and rescuers at home. A force abroad is said to come from someone; a
    sentence that names another country may be about one, and says nothing here."""
    home = ctx.main_country
    if home is None or not ctx.one_country or category not in FORCE_CATEGORIES or _counts_only(gov, lex):
        return None, ""  # "she counted 100 gunmen": who counts them deploys nothing
    for m in ents.starting_in(sent.start, sent.end):
        side = m.id if m.kind in ("country", "demonym") else m.country if m.kind == "place" else None
        if side is not None and side != home:
            return None, ""
    return home, "(forces at home, of the country the report is about)"


MINISTRY_NOUNS = {"ministry"}
OWNER_PRONOUNS = POSSESSIVE_PRONOUNS | {"his", "her"}


def _state_in_general(noun: Token, ents: EntityIndex, nouns: set[str] = STATE_NOUNS) -> bool:
    """A definite noun of a state's government that names no one: "the government", "the federal
    government", "his government", "the defence ministry" (with `MINISTRY_NOUNS`). Its other words only say
    which level, branch or whose (an adjective or a common noun that names no entity, a possessive pronoun);
    "the Kenyan government" names its own, and "member states" are some states, not one."""
    if noun.lemma_.lower() not in nouns:
        return False
    definite = False
    for c in noun.children:
        if c.lower_ == "the" or c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS:
            definite = True
        elif c.dep_ == "case":
            continue  # "the government's offer"
        elif not (c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "NOUN") and ents.at(c) is None):
            return False
    return definite


# Units of government below the state, and the words that put a government at one of those levels: the
# levels a local speaking body is named by (attribution's LOCAL_LEVELS), the units, and a federation's states
LOCAL_UNITS = {"region", "province", "city", "county", "municipality", "district", "territory", "prefecture"}
GOVERNMENT_LEVELS = LOCAL_UNITS | LOCAL_LEVELS | {"state", "territorial", "prefectural"}


def _local_government(noun: Token, ents: EntityIndex) -> bool:
    """A noun of the government of a place below the state that names no place itself: "the region", "the
    city", "the state government", "the provincial authorities". It stands for the place the report named
    last ("Moscow region governor ... said the region would pay"), not for the country."""
    lemma = noun.lemma_.lower()
    if lemma in LOCAL_UNITS:
        return [c.lower_ for c in noun.children] == ["the"]
    if lemma not in STATE_NOUNS - {"country", "state"}:
        return False
    levels = [c for c in noun.children if c.dep_ in ("amod", "compound") and c.lower_ in GOVERNMENT_LEVELS]
    return bool(levels) and _state_in_general(noun, ents)


def _local_party(noun: Token, ents: EntityIndex) -> Mention | None:
    """The place a local government noun stands for, as a party: the place of a known country named last
    before it (a venue, "Crocus City Hall", is no place with a government of its own)."""
    before = [m for m in ents.mentions if m.kind == "place" and m.country and m.end <= noun.i]
    return replace(max(before, key=lambda m: m.start), kind="organisation") if before else None


def _location(num: Token, noun: Token | None, gov: Token, ents: EntityIndex) -> tuple[str | None, str]:
    """The place below country level where the counted things are: "in the Kursk region", "over Moscow"."""
    bases = [b for b in (noun, gov) if b is not None]
    seen: set[int] = set()
    for base in bases:
        for t in base.subtree:
            if t.i in seen:
                continue
            seen.add(t.i)
            m = ents.at(t)
            if m is None or m.kind != "place" or t.i != m.start:
                continue
            # a preposition of place within three words before the name: "in the Kursk region"
            window = t.doc[max(base.sent.start, t.i - 3):t.i]
            prep = next((w for w in reversed(list(window)) if w.dep_ == "prep" or w.pos_ == "ADP"), None)
            if prep is not None and prep.lower_ in PLACE_PREPS | {"to", "into"}:
                return m.id, f"{prep.text} {m.text}"
    return None, ""


def _destroyed_by_no_side(gov: Token, counted: Token, ents: EntityIndex, lex: Lexicon) -> bool:
    """The clause says who destroyed or damaged the things, and that doer is no party: "rioters damaged 234
    buildings", "floods affected 350,000 people, destroying 20,000 homes", "clearance teams have destroyed
    1.8 million items". Whose the things were is then not said, and the side of the figures before is not
    theirs. A doer that names a side ("Russian air defences destroyed 337 drones") is the other side of a
    fight, and the things are most often the side's named before; things that sank or were shot down name
    no doer at all."""
    if gov.pos_ not in ("VERB", "AUX"):
        return False
    for verb in _verb_and_heads(gov):
        agent = next((p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
        doer = _subject_of(verb) or agent
        if doer is not None:
            if doer.i == counted.i or counted.i in {t.i for t in doer.subtree}:
                return False  # "two ships sank": the things themselves
            return (_np_entity(doer, ents) or _pronoun_party(doer, ents, lex) or _named_party(doer)) is None
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return False
    return False


GOODS = ("weapon", "munition", "vehicle", "aircraft", "other")  # things a party buys, orders or hands over


def _price_payer(sent: Span, ctx: Context) -> str | None:
    """The payer of a sum that values a thing its own clause names no buyer of ("The new contract is worth
    3.2 billion euros", "- Bulgaria: 16 jets, worth 2.3 billion leva"): the party that acquires or hands
    over the goods counted in this sentence or the one before, else the payer named before. A doer named
    paragraphs back most often bought something else."""
    doc = sent.doc
    starts = [sent.start] + ([doc[sent.start - 1].sent.start] if sent.start > 0 else [])
    for start in starts:
        for family in GOODS:
            if (start, family) in ctx.sentence_actor:
                return ctx.sentence_actor[(start, family)]
    return ctx.actor.get("money")


VALUING_WORDS = {"worth", "value"}  # "a deal worth $15 billion", "valued at", "a combined value of"


def _valuing_word(num: Token) -> Token | None:
    """The word a sum values something with, a few steps above it: "worth", "valued at", "a value of"."""
    t = num
    for _ in range(4):
        if t.lemma_.lower() in VALUING_WORDS:
            return t
        if t.head.i == t.i:
            break
        t = t.head
    return t if t.lemma_.lower() in VALUING_WORDS else None


def _valued_payer(num: Token, ents: EntityIndex, lex: Lexicon) -> Mention | None:
    """Who pays the sum that values a thing: "Indonesia ordered 42 jets in a deal valued at $8.1 billion",
    "India's air force flies 36 jets bought under an agreement worth 7.87 billion euros". The sum is the
    price of the deal, contract or package, and the payer is the party that takes it: the subject of the
    nearest clause above the valued thing that has one. A clause that only states or estimates the value
    ("the minister put its value at ...") names its source, not a payer."""
    t = _valuing_word(num)
    if t is None:
        return None
    for _ in range(8):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("NOUN", "PROPN"):
            # "the government's offer: ..., worth a total of GBP 2.1 billion": the thing's owner offers it
            for c in t.children:
                m = (_np_entity(c, ents) or _pronoun_party(c, ents, lex)) if c.dep_ == "poss" else None
                if m is not None and m.kind in ("country", "demonym", "body", "organisation", "international"):
                    return m
        if t.pos_ not in ("VERB", "AUX"):
            continue
        if _counts_only(t, lex):
            return None
        subjects = [c for c in t.children if c.dep_ == "nsubj"]
        subjects += [p for c in t.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        for c in subjects:  # a dateline the parser took for a subject names no one ("NEW DELHI ... - India signed")
            m = _np_entity(c, ents) or _pronoun_party(c, ents, lex) or _named_party(c)
            if m is not None and m.kind in ("country", "demonym", "body", "organisation", "international"):
                return m
        if subjects:
            return None
    return None


# -- time ---------------------------------------------------------------------

def _period(num: Token, gov: Token, sent: Span, doc: Doc, pub, lex: Lexicon, attribution: Attribution,
            event: bool = True):
    if pub is None:
        return None, "", False, None
    speech = attribution.speech_tokens(sent)
    line = _line_at(doc_text(doc), num.idx)
    line_start, line_end = line if line is not None else (sent.start_char, sent.end_char)  # a long line: prose
    item = line is not None and _listed(doc_text(doc), line_start)
    candidates: list[tuple[int, int, str]] = []
    candidates.extend(time_entities(sent))
    candidates.extend(_extra_times(sent))
    # a parsed sentence can run over several lines of a list or a table: a time on another line is
    # another item's
    candidates = [c for c in candidates if line_start <= c[0] and c[1] <= line_end]
    # Longest first so "in January and February" wins over "January".
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    used: list[tuple[int, int]] = []
    clause = _clause_tokens(num, gov)
    stating = _stating_verb(num, gov, speech)
    best = None
    same_day = False
    for s, e, text in candidates:
        if any(s < ue and us < e for us, ue in used):
            continue
        used.append((s, e))
        span = doc.char_span(s, e, alignment_mode="expand")
        # the date of a dateline ("CALAIS, France, Nov 25, 2021 (AFP) -") is the report's, not its events'
        if span is None or in_dateline(span[0]):
            continue
        root = span.root
        # What the time modifies, past its preposition: "said [on Thursday]" → said
        host = root.head.head if root.head.pos_ == "ADP" and root.head.head.i != root.head.i else root.head
        # A time that modifies the speech ("said on Thursday"), an announcement or a report noun
        # ("the January figures") dates the statement, not the events.
        # ... but a time that opens the sentence ("In the early hours of Monday, the service said it had
        # released 90") sets the scene of what is reported
        # ("In February, Zelensky gave Ukraine's losses as 45,100" dates the statement: no clause of events)
        # ... unless the time hangs on the speech verb and what it reports is not the speaker's own act: "On
        # Monday, the ministry said 50 people had been killed" dates the statement (spec: the period is not the
        # date of the statement), "In June, the group said it had killed 107 soldiers" the act
        opening = event and span.start <= sent.start + 1 and _reported_clause(gov, speech) and not (
            (host.i in speech or root.head.i in speech) and not _own_act(gov, speech))
        # a span counted over, "in the previous 24 hours", "since October", is never a statement's date:
        # "Since the start of the year, UNHCR estimates ...", "teams have registered 5,000 since Sunday";
        # nor is a time that "alone" marks as the part counted: "said 900 had crossed on Monday alone"
        before = doc_text(doc)[max(sent.start_char, s - 12):s].lower()
        # "the most since October 7", "the lowest since records began in 1979": the time a record is measured
        # from, not a span the figure counts
        if _record_since(span):
            continue
        counted_over = re.search(r"(?i)\b(?:past|previous|last|preceding)\s+(?:\w+\s+)?"
                                 r"(?:hours?|days?|weeks?|months?)\b|\bsince\b|\bso far\b", text) \
            or re.search(r"\bsince\s*$", before) or _under_since(span) or _recorded_over(host, num, text, pub) \
            or _names_counted(span, stating, num) or ALONE.match(doc_text(doc), e)
        if (root.head.i in speech or root.i in speech or host.i in speech) and not (opening or counted_over):
            continue
        # a time that opens a sentence whose main verb is speech dates the statement ("In August, a report
        # said ..."), unless the figure is an event the statement reports (the opening exception above)
        if span.start <= sent.start + 1 and sent.root.i in speech and not (opening or counted_over):
            continue
        # a figure the speech verb itself states ("put the number ... at more than 3,000 on Monday"):
        # the sentence's times date the statement
        if stating is not None and not counted_over and not any(t.i in {w.i for w in num.subtree} for t in span):
            continue
        # "the January report" dates a document; "has recorded 800 since January" counts over a span
        if not counted_over and any(h.pos_ in ("NOUN", "PROPN") and h.lemma_.lower() in lex.report_nouns
                                    for h in (root.head, host)):
            continue
        if not (opening or counted_over) and any(h.lemma_.lower() in STATEMENT_VERBS
                                                 or (h.pos_ == "VERB" and h.lemma_.lower() in lex.reporting_verbs)
                                                 for h in (root.head, host)):
            continue
        # "the Oct. 1 attack, in which Iran fired about 200 missiles": the event noun's date
        event_noun = gov.dep_ == "relcl" and host.i == gov.head.i
        # the day of the attack a whole sentence reports: "Ukraine launched its biggest drone attack early
        # Tuesday, with the ministry saying it had intercepted 337 drones"
        scene = lex.verb_measures.get(sent.root.lemma_.lower()) in ("launched", "killed") and _reaches(
            root, sent.root, speech)
        # the figures of a list item are what its line is about: "- Deaths in the fighting in May: 14"
        if not (event_noun or scene or opening or item) and not any(t.i in clause for t in span):
            continue
        # "about twice as many as in its April attack": the date of what the figure is compared with
        if _in_comparison(host) or _compared_time(root, num):
            continue
        # a time inside another clause that describes a noun ("assets frozen after the invasion in 2022"),
        # unless the noun is the one-day event the figure comes from ("the floods that struck on October 29")
        # ... the clause that describes the figure itself dates it: "the 303 it won in 2019", "29,437 recorded in 2023"
        # ... but not an estimate's: "the estimate of 3,000 troops that Washington gave last week"
        described = (host.head.i == num.i or num.dep_ == "nummod" and host.head.i == num.head.i) and not any(
            a.lemma_.lower() in lex.report_nouns for a in _ancestors(num, 4))
        if host.pos_ == "VERB" and host.i != gov.i and host.dep_ in ("relcl", "acl") and not event_noun \
                and host.head.lemma_.lower() not in EVENT_NOUNS and not item and not described:
            continue
        # the time of what is still to come in another clause ("the rest are expected to be named this week")
        if host.pos_ in ("VERB", "AUX") and host.i != gov.i and _is_future(host, lex):
            continue
        if re.search(r"\bto\s*$", before) and text.lower().startswith("last"):
            continue  # "due to last six weeks": a verb, not a time
        if SAME_DAY.fullmatch(text.strip()) or re.fullmatch(r"(?i)(?:on )?the day", text.strip()) and re.match(
                r"\s+of\b", doc_text(doc)[e:]):
            same_day = True  # the day the report has just named: _carry_event_dates finds it
            continue
        phrase = text
        if re.fullmatch(r"(?i)since(?: then)?", text.strip()):
            phrase = _since_then(doc, sent, pub)
            if not phrase:
                continue
        elif not text.lower().startswith("since") and (re.search(r"\bsince\s*$", before) or _under_since(span)):
            phrase = "since " + re.sub(r"^(?:on|in)\s+", "", text, flags=re.I)
        elif re.search(r"\bin\s*$", before):
            phrase = "in " + text
        elif re.search(r"\bby\s*$", before):
            phrase = "by " + text  # a deadline or a cut-off: "plans to open 20 more by December"
        p = resolve_period(phrase, pub)
        if p is None:
            continue
        dist = abs(span.start - num.i)
        if best is None or dist < best[0]:
            best = (dist, p, phrase, (s, e))
    if best is None and line is not None and (item or _table_row(doc_text(doc), line_start, line_end)):
        lead = _lead_in_period(doc, line_start, pub, lex)
        if lead is not None:
            return lead[0], f"(the list's lead-in: {lead[1]})", lead[1].lower().startswith("since"), None
    if best is None and same_day:
        return None, SAME_DAY_CUE, False, None
    if best is None:
        event_word = _since_event(clause, sent, lex)
        # "since the attack": dated by the attack's day, which _carry_event_dates finds
        return None, f"since the {event_word}" if event_word else "", False, None
    # the characters of the time words too: they set the period, so they do not date the statement
    return best[1], best[2], best[2].lower().startswith("since"), best[3]


def _extra_times(sent: Span) -> list[tuple[int, int, str]]:
    """The sentence's EXTRA_TIME times as (start_char, end_char, text), found once per sentence and kept in
    `doc.user_data`: a sentence's figures share them."""
    found = sent.doc.user_data.setdefault("claimledger_extra_times", {})
    if sent.start not in found:
        found[sent.start] = [(sent.start_char + m.start(), sent.start_char + m.end(), m.group(0))
                             for m in EXTRA_TIME.finditer(sent.text)]
    return found[sent.start]


ALONE = re.compile(r"\s+alone\b", re.I)
# "that day", "the same day" (and "on the day of the crash"): the day named last
SAME_DAY = re.compile(r"(?i)(?:on )?(?:that|the same) (?:day|night|morning|afternoon|evening)")
SAME_DAY_CUE = "that day"
LIST_MARK = re.compile(r"[ \t]*(?:[-*•–]|\d{1,2}[.)])[ \t]+")


def _listed(text: str, line_start: int) -> bool:
    """The line is an item of a list: "- Deaths: 39", "* 12 arrests"."""
    return LIST_MARK.match(text, line_start) is not None


def _table_row(text: str, line_start: int, line_end: int) -> bool:
    """The line is a row of a table: cells between "|"."""
    return text.count("|", line_start, line_end) >= 2


def _lead_in_period(doc: Doc, line_start: int, pub, lex: Lexicon) -> tuple[Period, str] | None:
    """The period the line that introduces a list or a table gives its items ("The main figures for 2023
    are:", "... serving in 11 missions as of December 31, 2024. The largest were:"): the last time in it
    that does not date a statement ("released its update on Monday"). Found once per list."""
    text = doc_text(doc)
    found = doc.user_data.setdefault("claimledger_lead_ins", {})  # by line: each list is walked once
    walked: list[int] = []
    start = line_start
    while start > 0 and start not in found:  # back over the list's other items, its table rows and blank lines
        walked.append(start)
        prev = text.rfind("\n", 0, start - 1) + 1
        if text[prev:start].strip() and not (_listed(text, prev) or _table_row(text, prev, start)):
            found[start] = _last_period_in(doc, prev, start - 1, pub, lex)
            break
        start = prev
    lead = found.get(start)
    for line in walked:
        found[line] = lead
    return lead


def _last_period_in(doc: Doc, start: int, end: int, pub, lex: Lexicon) -> tuple[Period, str] | None:
    """The last time between two offsets that modifies what is counted: a time that is an argument
    ("made 2025 the costliest year"), hangs on a verb of speech ("said on Monday") or is one day ("launched
    on October 27") dates something else: a statement, a start; a day counts only as a cut-off ("as of
    December 31")."""
    text = doc_text(doc)
    best = None
    for s, e, phrase in sorted(_time_spans(doc, start, end)):
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        before = text[max(start, s - 12):s].lower()
        if not (root.head.pos_ == "ADP" or root.dep_ in ("npadvmod", "advmod", "prep")):
            continue
        host = root.head.head if root.head.pos_ == "ADP" else root.head
        # ... but a verb that states a count as its object counts over a month or a year: "the region recorded
        # 127,350 cases in 2024"
        counted = next((t for c in host.children if c.dep_ in ("dobj", "attr") for t in c.subtree if t.like_num
                        and t.ent_type_ not in ("DATE", "TIME")), None)
        if host.pos_ in ("VERB", "AUX") and host.dep_ not in ("acl", "amod", "relcl") \
                and host.lemma_.lower() in STATEMENT_VERBS | lex.reporting_verbs \
                and not (counted is not None and _recorded_over(host, counted, phrase, pub)):
            continue
        if _record_since(span):
            continue
        if re.search(r"\bsince\s*$", before) and not phrase.lower().startswith("since"):
            phrase = "since " + phrase
        p = resolve_period(phrase, pub)
        if p is None or p[0] is None or p[0] == p[1] and not re.search(r"\bas of\s*$", before):
            continue
        best = (p, phrase)
    return best


def _time_spans(doc: Doc, start: int, end: int) -> list[tuple[int, int, str]]:
    """The time expressions between two offsets: the parser's DATE entities and EXTRA_TIME, longest first
    where they overlap."""
    text = doc_text(doc)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    sents = {t.sent.start: t.sent for t in span}.values()  # the sentences the span touches, in order
    spans = [e for sent in sents for e in time_entities(sent) if start <= e[0] and e[1] <= end]
    spans += [(start + m.start(), start + m.end(), m.group(0)) for m in EXTRA_TIME.finditer(text[start:end])]
    spans.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    out: list[tuple[int, int, str]] = []
    for c in spans:
        if not any(c[0] < o[1] and o[0] < c[1] for o in out):
            out.append(c)
    return out


def _compared_time(time: Token, num: Token) -> bool:
    """The time of a figure given for comparison, not of this one: "240 seats, down from 303 in 2019",
    "157,651, compared with 105,131 in 2022"; the compared figure itself keeps it."""
    marker = next((t for t in _ancestors(time, 6) if _compares(t)), None)
    return marker is not None and not (marker.left_edge.i <= num.i <= marker.right_edge.i)


def _in_comparison(tok: Token) -> bool:
    return any(t.lower_ in ("than", "as") and t.dep_ in ("prep", "mark", "advmod", "cc") for t in _ancestors(tok, 3))


def _reported_clause(gov: Token, speech: set[int]) -> bool:
    """gov heads a clause that a speech verb reports ("said it had released 90")."""
    t = gov
    for _ in range(6):
        if t.head.i == t.i:
            return False
        if t.dep_ in ("ccomp", "xcomp", "parataxis") and t.head.i in speech:
            return True
        t = t.head
    return False


def _stating_verb(num: Token, gov: Token, speech: set[int]) -> Token | None:
    """The speech verb that states the figure itself: gov ("put the toll at 80"), or the one above the
    participles the parser hung the figure's "at" on (statement.above_participles)."""
    for t in (gov, above_participles(num, gov)):
        if t.i in speech:
            return t
    return None


def _names_counted(span: Span, stating: Token | None, num: Token) -> bool:
    """The time stands in the words that name what a speech verb puts a figure on, between its object and
    the figure: "puts the number of deaths on the continent last year at 47,690" counts last year's deaths,
    wherever the parser hangs "last year"."""
    if stating is None:
        return False
    counted = next((c for c in stating.children if c.dep_ == "dobj"), None)
    return counted is not None and counted.left_edge.i <= span.start and span.end <= num.i


def _own_act(gov: Token, speech: set[int]) -> bool:
    """The clause a speech verb reports tells of the speaker's own act: its active subject is a pronoun
    or the speaker's own word ("the service said it had released 90", "the army said its troops had killed
    40"); "the ministry said 50 people had been killed" reports a count of others' deeds."""
    t = gov
    for _ in range(6):
        if t.head.i == t.i:
            return False
        if t.dep_ in ("ccomp", "xcomp", "parataxis") and t.head.i in speech:
            break
        t = t.head
    else:
        return False
    speaker = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
    for subject in (c for c in t.children if c.dep_ == "nsubj"):
        if subject.pos_ == "PRON" and subject.lower_ not in ("there", "that", "this", "which", "who"):
            return True
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        if owner is not None and owner.pos_ == "PRON":
            return True
        if speaker is not None and subject.lemma_.lower() == speaker.lemma_.lower():
            return True
    return False


def _reaches(tok: Token, top: Token, speech: set[int]) -> bool:
    """tok hangs below top without passing through a speech verb."""
    t = tok
    for _ in range(12):
        if t.i == top.i:
            return True
        if t.i in speech or t.head.i == t.i:
            return False
        t = t.head
    return False


def _recorded_over(verb: Token, num: Token, text: str, pub) -> bool:
    """A verb that states the figure as its object, with a time of a month or more: "recorded 580 casualties
    in 2023", "reported revenues of $108 billion in 2024" count over the time; a statement is made on one
    day ("reported 49 deaths on Monday" dates the report)."""
    # the figure is the object itself, or a part of it ("recorded 49 casualties in 2024, including 8 deaths"):
    # "put the toll at 600 in April" gives an estimate made in April
    if verb.pos_ != "VERB" or not any((c.dep_ in ("dobj", "attr") or c.dep_ == "prep" and c.tag_ == "VBG")
                                      and c.left_edge.i <= num.i <= c.right_edge.i
                                      and not any(t.dep_ == "prep" and t.lower_ in ("at", "to") for t in c.subtree)
                                      for c in verb.children):
        return False
    p = resolve_period(text if re.match(r"(?i)(?:in|during|for)\b", text) else "in " + text, pub)
    return p is not None and p[0] is not None and p[1] is not None and _days(p[0], p[1]) >= 27  # February too


def _since_event(clause: set[int], sent: Span, lex: Lexicon) -> str | None:
    """The event a running count starts from when no time names it: "since the accident" → accident,
    "since the fires started" → fire, "since the start of the escalation" → escalation."""
    for t in sent:
        if t.lower_ != "since" or t.head.i not in clause:
            continue
        if t.dep_ == "prep":
            word = next((c for c in t.children if c.dep_ == "pobj"), None)
        elif t.dep_ == "mark":
            word = next((c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        else:
            continue
        if word is not None and word.lemma_.lower() in ("start", "beginning", "outset", "onset"):
            of = next((c for c in word.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            word = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        # a definite event the report has told of: "since the attack", not "since an attack"
        if word is not None and word.pos_ == "NOUN" and _event_noun(word.lemma_.lower(), lex) and any(
                c.dep_ == "det" and c.lower_ in ("the", "its", "their") for c in word.children):
            return word.lemma_.lower()
    return None


SINCE_DATE = re.compile(r"\b(?:on |in )?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}"
                        r"(?:,? \d{4})?|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4}"
                        r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4})\b", re.I)


def _since_then(doc: Doc, sent: Span, pub) -> str:
    """"Since then it has killed tens of thousands", "have since been killed": since the last date the
    report named before this sentence."""
    text = doc_text(doc)
    found = doc.user_data.get("claimledger_dates")
    if found is None:  # the dates of the whole text, found once
        matches = list(SINCE_DATE.finditer(text))
        found = doc.user_data["claimledger_dates"] = ([m.end() for m in matches], [m.group(0) for m in matches])
    ends, words = found
    # A search of the text before the sentence finds the same dates as one of the whole text, up to a few
    # characters before its end (every date ends in a digit; what the search reads past one is short): the
    # dates found then, and a search of the rest only.
    k = bisect_right(ends, sent.start_char - 64)
    last = words[k - 1] if k else None
    for m in SINCE_DATE.finditer(text, ends[k - 1] if k else 0, sent.start_char):
        last = m.group(0)
    if last is None:
        return ""
    return "since " + re.sub(r"^(?:on|in)\s+", "", last, flags=re.I)


STATEMENT_VERBS = {"announce", "unveil", "publish", "release_statement", "say", "tell", "report"}


def _under_since(span: Span) -> bool:
    """"since Moscow launched its invasion on Feb. 24, 2022": the date of a clause opened by "since". A
    "since" beside the time, not above it, opens a span of its own: "returned 230 on Wednesday in the biggest
    exchange since the invasion" dates the return by Wednesday."""
    t = span.root
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and c.lower_ == "since" for c in t.children):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
        if t.lower_ == "since":
            return True
    return False


RECORD_REACH = 8  # tokens back from "since" to the superlative of a record: "the highest annual figure since"


def _record_since(span: Span) -> bool:
    """The time is what a record is measured from: the object of a "since" ("the highest since 1997", "the
    most since October 7") or the time of the clause it opens ("the lowest since records began in 1979")
    when a superlative or an ordinal comes before it in the same phrase. Such a "since" compares the figure
    with the past; it opens no span the figure counts."""
    since = _since_of(span)
    if since is None:
        return False
    for t in reversed(span.doc[max(since.sent.start, since.i - RECORD_REACH):since.i]):
        if t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG") or t.is_punct and t.text != "-" \
                or t.pos_ == "NUM":
            return False  # a clause or a count of its own: "have been killed since", "at least 120 deaths since"
        if t.tag_ in ("JJS", "RBS") or t.ent_type_ == "ORDINAL":
            return True
    return False


def _since_of(span: Span) -> Token | None:
    """The "since" a time belongs to: its first word, the word before it, its preposition, or the mark of
    the clause it dates."""
    doc = span.doc
    if span[0].lower_ == "since":
        return span[0]
    if span.start > 0 and doc[span.start - 1].lower_ == "since":
        return doc[span.start - 1]
    root = span.root
    if root.head.lower_ == "since":
        return root.head
    verb = root.head.head if root.head.pos_ == "ADP" else root.head
    return next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "since"), None)


def _clause_tokens(num: Token, gov: Token) -> set[int]:
    """Tokens of the clause the figure belongs to: the governing verb's subtree."""
    top = gov
    # climb coordinated and auxiliary structure, not into the speech verb:
    # "stormed the village on Wednesday and killed more than 100 people"
    if top.dep_ in ("xcomp", "conj") and top.head.i != top.i and top.head.pos_ in ("VERB", "AUX"):
        top = top.head
    # ... and out of a participle whose object is the figure, what the event did: "the ferry sank on Tuesday,
    # killing 12" (not "..., bringing the total to 557": a sum of another time)
    elif top.dep_ == "advcl" and top.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "mark") for c in top.children) \
            and any(c.dep_ == "dobj" and c.left_edge.i <= num.i <= c.right_edge.i for c in top.children):
        top = top.head
    return {t.i for t in top.subtree} | {t.i for t in num.subtree}


def _cumulative(num: Token, q: Quantity, sent: Span, doc: Doc, lex: Lexicon, since: bool) -> tuple[bool, str]:
    if since:
        return True, "since"
    lo = max(sent.start_char, q.start - 90)
    hi = min(sent.end_char, q.end + 70)
    # the words of the figure's own clause ("the most massive attack to date, writing that 74 drones had
    # been shot down": "to date" describes the attack, not the 74)
    clause = _clause_tokens(num, _governor(num, None))
    first = min((doc[i].idx for i in clause), default=lo)
    last = max((doc[i].idx + len(doc[i]) for i in clause), default=hi)
    lo, hi = max(lo, first), min(hi, last)
    window = doc_text(doc)[lo:hi].lower()
    for cue in lex.cumulative_cues:
        if cue in ("in all",):
            continue
        if re.search(rf"\b{re.escape(cue)}\b", window):
            if cue == "since" and re.search(r"\bsince\s+(?:then|last)\b", window) is None and \
                    not re.search(r"\b(?:have|has|had)\s+(?:\w+\s+)?since\b|\bsince\s+(?:the|it|its|\w+ \d|\d|january|"
                                  r"february|march|april|may|june|july|august|september|october|november|december|"
                                  r"20\d\d|russia|the war|the start|fighting|then)", window):
                continue
            return True, cue
    return False, ""


def _incremental(q: Quantity, num: Token, noun: Token | None, doc: Doc, sent: Span) -> tuple[bool, str]:
    before = doc_text(doc)[max(sent.start_char, q.start - 25):q.start].lower()
    after = doc_text(doc)[q.end:min(sent.end_char, q.end + 40)].lower()
    m = re.search(r"\b(another|a further|an additional|an extra|a fresh|additional|further|extra)\s*$", before)
    if m:
        # "100 killed and another 1,000 wounded" adds a different measure: not incremental.
        if m.group(1) == "another" and re.search(r"\d", doc_text(doc)[sent.start_char:q.start]) and \
                re.match(r"\s*(?:\w+\s+)?(?:were\s+|have been\s+|are\s+|reported\s+|remain\s+)?"
                         r"(?:wounded|injured|hurt|missing|killed|dead|unaccounted)", after):
            return False, ""
        return True, m.group(1)
    m = re.match(r"\s+(more|additional|extra|further|new|fresh)\b", after)
    if m and m.group(1) in ("more", "additional", "extra", "further"):
        return True, m.group(1)
    m = re.match(r"\s+(?:[\w-]+\s+){0,2}?(more)\b", after)
    if m and noun is not None and not re.match(r"\s+(?:[\w-]+\s+){0,2}?more than", after):
        return True, "more"
    if re.search(r"\badditional\b", after[:60]) and re.match(r"\s+of\s", after):
        return True, "additional"
    return False, ""


def _confidence(claim: Claim, noun: Token | None, mcue: str) -> float:
    c = 1.0
    if noun is None and claim.category != "money":
        c -= 0.25
    if not mcue:
        c -= 0.2
    if claim.source is None:
        c -= 0.1
    return round(max(c, 0.1), 2)
