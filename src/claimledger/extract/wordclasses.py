"""Word classes from WordNet 3.0: a measure for every verb, a category for every noun.

The hand-made lists of data/lexicon.yaml name the words the annotated reports
used; a report about a ferry that capsized or a militia that was routed uses
others. WordNet's hypernym hierarchy generalises: "capsize", "scuttle" and
"founder" reach *sink*, "airlift" and "ferry" reach *transport*, "trawler" and
"dinghy" reach *vessel*; WordNet's derivational links give the nouns of acts
their verb's measure ("abduction" from *abduct*, "evacuation" from *evacuate*).
`build()` walks every verb and noun of the WordNet
database up to a small set of anchor senses and writes a compact table,
`data/wordclasses.json`, which ships in the package: WordNet is needed only
to rebuild it (Debian's `wordnet-base`, read here directly in its database
format, wndb(5)), never at run time.

At run time the table is the fallback of the lexicon: a word the lexicon
names keeps the lexicon's class; any other word takes the table's.

WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
Used under the WordNet 3.0 licence, which permits use, copying and
distribution with this notice; the table is derived from it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

# Anchor senses, most specific first: the first anchor a sense reaches sets its class.
# Names are WordNet's "lemma.pos.NN" (the lemma's NN-th sense).
VERB_ANCHORS: list[tuple[str, str]] = [
    ("shoot_down.v.02", "destroyed"), ("intercept.v.01", "destroyed"), ("sink.v.02", "destroyed"),
    ("sink.v.04", "destroyed"),
    ("destroy.v.01", "destroyed"), ("destroy.v.02", "destroyed"), ("wreck.v.01", "destroyed"),
    ("damage.v.01", "damaged"),
    ("drown.v.01", "killed"), ("kill.v.01", "killed"), ("die.v.01", "killed"), ("murder.v.01", "killed"),
    ("injure.v.01", "wounded"), ("wound.v.01", "wounded"), ("injure.v.02", "wounded"),
    ("arrest.v.01", "captured"), ("capture.v.06", "captured"), ("seize.v.01", "captured"),
    ("kidnap.v.01", "captured"), ("confiscate.v.01", "captured"), ("imprison.v.01", "captured"),
    ("confine.v.01", "captured"),
    ("disappear.v.01", "missing"),
    ("free.v.01", "released"), ("release.v.01", "released"), ("rescue.v.01", "rescued"),
    ("exchange.v.01", "released"), ("repatriate.v.01", "released"),
    ("flee.v.01", "displaced"), ("evacuate.v.01", "displaced"), ("evacuate.v.02", "displaced"),
    ("displace.v.01", "displaced"), ("expel.v.01", "displaced"), ("emigrate.v.01", "displaced"),
    ("escape.v.01", "displaced"),
    ("launch.v.02", "launched"), ("fire.v.02", "launched"), ("shoot.v.01", "launched"),
    ("attack.v.01", "launched"), ("bombard.v.02", "launched"), ("bomb.v.01", "launched"),
    ("deploy.v.01", "deployed"), ("station.v.01", "deployed"), ("mobilize.v.03", "deployed"),
    ("pledge.v.01", "pledged"), ("promise.v.01", "pledged"), ("allow.v.04", "pledged"),
    ("earmark.v.01", "pledged"), ("allocate.v.01", "pledged"),
    # feeding (and its kinds: "malnourish", "breastfeed") counts the mouths fed, no supplies handed over;
    # WordNet files it under giving
    ("feed.v.01", "other"), ("feed.v.02", "other"),
    ("supply.v.01", "transferred"), ("deliver.v.01", "transferred"), ("give.v.03", "transferred"),
    ("transport.v.01", "transferred"), ("ship.v.01", "transferred"), ("sell.v.01", "transferred"),
    ("buy.v.01", "transferred"), ("pay.v.01", "transferred"), ("donate.v.01", "transferred"),
    ("transfer.v.05", "transferred"), ("lend.v.01", "transferred"),
]

NOUN_ANCHORS: list[tuple[str, str]] = [
    ("aircraft.n.01", "aircraft"), ("drone.n.04", "munition"),
    ("missile.n.01", "munition"), ("rocket.n.01", "munition"), ("projectile.n.01", "munition"),
    ("ammunition.n.01", "munition"), ("bomb.n.01", "munition"), ("explosive_device.n.01", "munition"),
    ("mine.n.02", "munition"), ("shell.n.01", "munition"), ("round.n.01", "munition"),
    ("torpedo.n.03", "munition"), ("warhead.n.01", "munition"),
    ("gun.n.01", "weapon"), ("weaponry.n.01", "weapon"), ("weapon.n.01", "weapon"), ("weapon_system.n.01", "weapon"),
    ("armored_vehicle.n.01", "vehicle"), ("vehicle.n.01", "vehicle"), ("vessel.n.02", "vehicle"),
    ("craft.n.02", "vehicle"),
    ("monetary_unit.n.01", "money"), ("money.n.01", "money"), ("money.n.02", "money"),
    ("military_personnel.n.01", "personnel"), ("serviceman.n.01", "personnel"),
    ("military_unit.n.01", "personnel"), ("military_officer.n.01", "personnel"),
    ("policeman.n.01", "personnel"), ("police.n.01", "personnel"), ("lawman.n.01", "personnel"),
    ("combatant.n.01", "personnel"), ("rescuer.n.02", "personnel"),
    ("peacekeeper.n.01", "personnel"), ("security_force.n.01", "personnel"), ("spy.n.01", "personnel"),
    ("army.n.01", "personnel"), ("mercenary.n.01", "personnel"), ("fireman.n.04", "personnel"),
    ("personnel.n.01", "personnel"), ("team.n.01", "personnel"),  # staff, workforce; teams and squads at work
    ("person.n.01", "people"), ("people.n.01", "people"), ("family.n.01", "people"), ("household.n.01", "people"),
]

# Places and states a person is kept in, whose name says what befell them: "in custody", "in jail",
# "in emergency shelters", "in tents", "took refuge", "in hospital", "at the morgue" (only the first sense counts).
STATE_ANCHORS: list[tuple[str, str]] = [
    ("confinement.n.03", "captured"), ("correctional_institution.n.01", "captured"),
    ("shelter.n.01", "displaced"), ("refuge.n.01", "displaced"), ("refugee_camp.n.01", "displaced"),
    ("hospital.n.01", "wounded"), ("morgue.n.01", "killed"),
]

# What harms a body, by kind: an injury ("wounds", "fractures", "burns") or an illness ("cholera",
# "malnutrition", "starvation"). People treated for an illness are not wounded, but both are harmed.
AILMENT_ANCHORS: list[tuple[str, str]] = [
    ("injury.n.01", "injury"), ("wound.n.01", "injury"),
    ("illness.n.01", "illness"), ("ill_health.n.01", "illness"), ("hunger.n.01", "illness"),
]

# The sense of "freeze", "block", "immobilise" that is done to assets ("prohibit the conversion or use of"):
# money frozen is money seized from its owner's use. Not the verbs' first sense, so named on its own.
ASSET_FREEZE = "freeze.v.08"

# What one says, writes or asks, counted as such ("hundreds of calls", "11,000 claims", "16 reports", "tips"):
# received or sent, it is a message, not a supply handed over. Documents that grant or entitle ("visas",
# "passes", "permits", "tickets") are handed over: their more specific anchors come first and name no message.
MESSAGE_ANCHORS: list[tuple[str, str]] = [
    ("approval.n.04", "grant"), ("legal_document.n.01", "grant"), ("commercial_document.n.01", "grant"),
    ("telephone_call.n.01", "message"), ("message.n.01", "message"), ("message.n.02", "message"),
    ("speech_act.n.01", "message"), ("utterance.n.01", "message"), ("document.n.01", "message"),
]

SPEECH_LEXFILE = 32  # verb.communication


@dataclass
class WordClasses:
    """Verb lemma → measure, noun lemma → category, derived from WordNet (see the module docstring)."""

    verb_measure: dict[str, str] = field(default_factory=dict)
    noun_category: dict[str, str] = field(default_factory=dict)
    event_measure: dict[str, str] = field(default_factory=dict)  # "arrest", "evacuation": see _event_nouns
    state_measure: dict[str, str] = field(default_factory=dict)  # "custody", "shelter": see STATE_ANCHORS
    ailments: dict[str, str] = field(default_factory=dict)  # "wound" injury, "cholera" illness: see AILMENT_ANCHORS
    freezes: frozenset[str] = frozenset()  # "freeze", "block", "immobilise" (assets): see ASSET_FREEZE
    places: frozenset[str] = frozenset()  # "state", "country", "county": see _places
    messages: frozenset[str] = frozenset()  # "call", "claim", "report": see MESSAGE_ANCHORS
    nouns_in_e: frozenset[str] = frozenset()  # "dose", "base", "grave": see singular()
    speech: frozenset[str] = frozenset()
    organisations: frozenset[str] = frozenset()  # "company", "airline", "charity": see _organisations
    version: str = ""

    @classmethod
    def load(cls) -> WordClasses:
        path = resources.files("claimledger.data").joinpath("wordclasses.json")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:  # a package built without the table: the lexicon alone decides
            return cls()
        return cls(verb_measure=data["verbs"], noun_category=data["nouns"], event_measure=data.get("events", {}),
                   state_measure=data.get("states", {}), ailments=data.get("ailments", {}),
                   freezes=frozenset(data.get("freezes", [])), places=frozenset(data.get("places", [])),
                   messages=frozenset(data.get("messages", [])), nouns_in_e=frozenset(data.get("nouns_in_e", [])),
                   speech=frozenset(data.get("speech", [])),
                   organisations=frozenset(data.get("organisations", [])), version=data.get("version", ""))

    def measure(self, lemma: str) -> str | None:
        return self.verb_measure.get(lemma)

    def category(self, lemma: str) -> str | None:
        return self.noun_category.get(lemma)

    def event(self, lemma: str) -> str | None:
        return self.event_measure.get(lemma)

    def state(self, lemma: str) -> str | None:
        return self.state_measure.get(lemma)

    def ailment(self, lemma: str) -> str | None:
        """"injury" or "illness" for a noun of what harms a body, else None."""
        return self.ailments.get(lemma)

    def is_place(self, lemma: str) -> bool:
        return lemma in self.places

    def is_message(self, lemma: str) -> bool:
        return lemma in self.messages

    def singular(self, plural: str, lemma: str) -> str:
        """The singular of a plural in -es that a lemmatizer cut too far or read as another word ("doses"
        → "dos", "bases" → "basis", "graves" → "graf"): the word without its -s where WordNet has that
        noun in -e, else the lemma ("buses" → "bus", "crises" → "crisis")."""
        if plural.endswith("es") and lemma != plural[:-1] and plural[:-1] in self.nouns_in_e:
            return plural[:-1]
        return lemma


# -- building the table from the WordNet database ---------------------------------

class _WordNet:
    """The few parts of a WordNet 3.0 database (wndb(5)) the table needs: senses in order and hypernyms."""

    def __init__(self, root: Path):
        self.root = root
        self.senses: dict[str, dict[str, list[int]]] = {}
        self.hypernyms: dict[str, dict[int, list[int]]] = {}
        self.words: dict[str, dict[int, list[str]]] = {}
        self.lexfile: dict[str, dict[int, int]] = {}  # lexicographer file: 32 verb.communication, ...
        # derivationally related forms: (synset, word number) -> [(verb synset, its word number)]
        self.derived: dict[str, dict[tuple[int, int], list[tuple[int, int]]]] = {}
        self.instances: set[int] = set()  # noun synsets of one named thing ("Paris"), not of a kind
        for pos, name in (("n", "noun"), ("v", "verb")):
            self.senses[pos] = self._index(root / f"index.{name}")
            self.hypernyms[pos], self.words[pos], self.lexfile[pos], self.derived[pos] = \
                self._data(root / f"data.{name}", self.instances)

    @staticmethod
    def _index(path: Path) -> dict[str, list[int]]:
        out = {}
        for line in path.read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue  # the licence header
            parts = line.split()
            lemma, n_synsets, n_ptr = parts[0], int(parts[2]), int(parts[3])
            offsets = parts[4 + n_ptr + 2:]
            out[lemma] = [int(o) for o in offsets[:n_synsets]]
        return out

    @staticmethod
    def _data(path: Path, instances: set[int]) -> tuple[dict[int, list[int]], dict[int, list[str]], dict[int, int],
                                                         dict[tuple[int, int], list[tuple[int, int]]]]:
        hyper: dict[int, list[int]] = {}
        words: dict[int, list[str]] = {}
        lexfile: dict[int, int] = {}
        derived: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for line in path.read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            parts = line.split(" | ")[0].split()
            offset, n_words = int(parts[0]), int(parts[3], 16)
            lexfile[offset] = int(parts[1])
            words[offset] = [parts[4 + 2 * k].lower() for k in range(n_words)]
            k = 4 + 2 * n_words
            n_ptr = int(parts[k])
            ups = []
            for p in range(n_ptr):
                symbol, target, tpos, source_target = parts[k + 1 + 4 * p: k + 5 + 4 * p]
                if symbol in ("@", "@i") and tpos == path.name[5]:
                    ups.append(int(target))
                    if symbol == "@i":
                        instances.add(offset)
                elif symbol == "+" and tpos == "v":  # "arrest" (n) -> "arrest" (v), "evacuation" -> "evacuate"
                    src, tgt = int(source_target[:2], 16), int(source_target[2:], 16)
                    derived.setdefault((offset, src), []).append((int(target), tgt))
            hyper[offset] = ups
        return hyper, words, lexfile, derived

    def synset(self, name: str) -> int:
        lemma, pos, n = name.rsplit(".", 2)
        return self.senses[pos][lemma][int(n) - 1]

    def ancestors(self, pos: str, offset: int) -> list[int]:
        """The synset and its hypernyms, breadth first, nearest first."""
        seen, queue = [offset], [offset]
        while queue:
            nxt = []
            for o in queue:
                for h in self.hypernyms[pos].get(o, []):
                    if h not in seen:
                        seen.append(h)
                        nxt.append(h)
            queue = nxt
        return seen


def _classes(wn: _WordNet, pos: str, anchors: list[tuple[str, str]], max_senses: int) -> dict[str, str]:
    """Each lemma's class: the class its most frequent senses reach, the first sense breaking ties.

    A sense that reaches no anchor votes for no class: "computer" (first a machine, then a person who
    computes) stays classless rather than taking its second sense's class."""
    anchor_of = {wn.synset(name): cls for name, cls in anchors}
    rank = {name: i for i, (name, _) in enumerate(anchors)}
    order = {wn.synset(name): rank[name] for name, _ in anchors}
    out = {}
    for lemma, offsets in wn.senses[pos].items():
        votes: dict[str, float] = {}
        weight = 0.0
        for k, offset in enumerate(offsets[:max_senses]):
            weight += 1.0 / (k + 1)
            hits = [a for a in wn.ancestors(pos, offset) if a in anchor_of]
            if hits:
                cls = anchor_of[min(hits, key=lambda a: order[a])]
                votes[cls] = votes.get(cls, 0.0) + 1.0 / (k + 1)
        if votes:
            best = max(votes.items(), key=lambda kv: (kv[1], -min(order[a] for a in order if anchor_of[a] == kv[0])))
            # a class the first sense does not reach needs a clear majority of the weight
            if best[1] >= 0.5 * weight:
                out[lemma] = best[0]
    return out


def build(wordnet_dir: str | Path, out: str | Path) -> dict[str, int]:
    """Derive the table from a WordNet 3.0 database folder (/usr/share/wordnet) and write it as JSON."""
    wn = _WordNet(Path(wordnet_dir))
    verbs = _classes(wn, "v", VERB_ANCHORS, max_senses=1)
    # verbs whose first sense is one of communication (wndb lexicographer file 32): "say", "disclose",
    # "tally"... are speech; they may bring in a speaker where the hand list of reporting verbs has none
    speech = sorted(lemma for lemma, offsets in wn.senses["v"].items()
                    if offsets and wn.lexfile["v"][offsets[0]] == SPEECH_LEXFILE and "_" not in lemma)
    nouns = _classes(wn, "n", NOUN_ANCHORS, max_senses=2)
    events = _event_nouns(wn, verbs)
    states = _classes(wn, "n", STATE_ANCHORS, max_senses=1)
    freezes = sorted(w for w in wn.words["v"][wn.synset(ASSET_FREEZE)] if "_" not in w)
    ailments = {lemma: cls for lemma, cls in _classes(wn, "n", AILMENT_ANCHORS, max_senses=2).items()
                if "_" not in lemma}
    places = _places(wn)
    organisations = _organisations(wn, nouns)
    messages = sorted(lemma for lemma, cls in _classes(wn, "n", MESSAGE_ANCHORS, max_senses=3).items()
                      if cls == "message" and "_" not in lemma)
    # nouns in -e, so that a plural in -es finds its singular ("doses" → "dose", not "dos")
    nouns_in_e = sorted(lemma for lemma, offsets in wn.senses["n"].items()
                        if lemma.endswith("e") and lemma.isalpha() and any(o not in wn.instances for o in offsets))
    data = {"version": "wordnet-3.0/1", "source": "WordNet 3.0 (Princeton University), wndb files",
            "licence": "WordNet 3.0 licence; WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.",
            "verbs": dict(sorted(verbs.items())), "nouns": dict(sorted(nouns.items())),
            "events": dict(sorted(events.items())), "states": dict(sorted(states.items())),
            "ailments": dict(sorted(ailments.items())), "freezes": freezes, "places": places,
            "speech": speech, "messages": messages, "nouns_in_e": nouns_in_e, "organisations": organisations}
    Path(out).write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    return {"verbs": len(verbs), "nouns": len(nouns), "events": len(events), "states": len(states),
            "ailments": len(ailments), "freezes": len(freezes), "places": len(places), "speech": len(speech),
            "messages": len(messages), "nouns_in_e": len(nouns_in_e), "organisations": len(organisations)}


LOCATION_LEXFILE = 15  # noun.location: "state", "province", "district", "site"
COUNTRY = "nation.n.01"


def _places(wn: _WordNet) -> list[str]:
    """Nouns of a kind of place ("states", "countries", "counties", "sites"), not the name of one: their first
    sense is in WordNet's file of locations or is a country."""
    country = wn.synset(COUNTRY)
    out = []
    for lemma, offsets in wn.senses["n"].items():
        first = offsets[0] if offsets else None
        if first is None or "_" in lemma or first in wn.instances:
            continue
        if wn.lexfile["n"][first] == LOCATION_LEXFILE or country in wn.ancestors("n", first):
            out.append(lemma)
    return sorted(out)


ORGANISATION = "organization.n.01"
GOVERNMENT = "government.n.01"  # "the regime", "the junta": a country's government, which is the country (spec)


def _organisations(wn: _WordNet, nouns: dict[str, str]) -> list[str]:
    """Nouns of a kind of organisation ("company", "carmaker", "airline", "bank", "charity") whose first two
    senses reach one: "the company" in a report stands for an organisation it named before. Nouns of
    people at work ("army", "police", "team") are left to their category: they are counted, not named; nor
    are kinds of government ("regime", "junta"), which stand for their country."""
    org, government = wn.synset(ORGANISATION), wn.synset(GOVERNMENT)
    out = []
    for lemma, offsets in wn.senses["n"].items():
        if not offsets or not lemma.isalpha() or offsets[0] in wn.instances or lemma in nouns:
            continue
        if any(government in wn.ancestors("n", o) for o in offsets[:2]):
            continue
        if any(org in wn.ancestors("n", o) for o in offsets[:2]):
            out.append(lemma)
    return sorted(out)


EVENT_LEXFILES = (4, 11)  # noun.act, noun.event: "arrest", "evacuation", "abduction"; not "attacker" (noun.person)


def _event_nouns(wn: _WordNet, verbs: dict[str, str]) -> dict[str, str]:
    """Nouns that name what a measure's verb does ("13 arrests", "2,000 evacuations", "40 abductions"):
    the noun's first sense is an act or an event, and WordNet derives that very word from a verb that
    has a measure."""
    out = {}
    for lemma, offsets in wn.senses["n"].items():
        if not offsets or "_" in lemma or wn.lexfile["n"][offsets[0]] not in EVENT_LEXFILES:
            continue
        first = offsets[0]
        number = next((k + 1 for k, w in enumerate(wn.words["n"][first]) if w.split("(")[0] == lemma), 0)
        found = {m for v, t in wn.derived["n"].get((first, number), [])
                 if (m := verbs.get(wn.words["v"][v][t - 1].split("(")[0])) is not None}
        if len(found) == 1:
            out[lemma] = found.pop()
    return out
