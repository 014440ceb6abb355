"""Originators: who independently stands behind a figure, and who is a party to the fight.

A claim's *originator* is its source, with relays never counted (``via``)
and with everyone who speaks for one government or one organisation folded
into it (spec/reconcile.md): KOR, KOR-NIS, KOR-JCS and South Korea's defence
minister are one originator, ``KOR``; the UN, OHCHR and WFP are ``UN``; a
person whose role names an organisation speaks for it (the M23's spokesman for
the movement, not for Congo). An official or body the gazetteer does not know
speaks for what their words name (``Originators.in_reports``): "Kenyan
President X" for Kenya, "a UNHCR spokesman" for the UN, and an office with no
country ("the health ministry", "government spokesman X") for the government
the other sources of the same report speak for. A publisher speaking in its
own voice is its own originator; ``anonymous`` sources are one per report. The
rules' data is ``data/originators.yaml``.

A *party* is an originator whose country takes part in the fighting that the
quantity belongs to: the side counted (its own losses, its own troops sent),
or a country linked to that side in the ledger by acts of war (one side
launching at or striking another, or sending its troops to another's war).
The ledger's own claims are the only knowledge of who fights whom; a country
the claims never show fighting is not a party.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from copy import copy
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from claimledger.errors import ConfigError
from claimledger.models import Claim
from claimledger.reconcile.series import STATE_ID, _load_gazetteer

# Acts that make both sides parties to one fight: firing at, striking, or sending troops into it.
_WAR_MEASURES = frozenset({"launched", "deployed"})
_WAR_CATEGORIES = frozenset({"personnel", "munition", "weapon", "aircraft", "vehicle"})
# Gazetteer kinds a person's role may name as the body they speak for (Originators._organisation).
_ORGANISATIONS = frozenset({"organisation", "international"})
# A title written before a person's name in the sentence, up to four words after the last break
# ("Four days later, government spokesman Patrick ..." -> "government spokesman").
_TITLE = re.compile(r"(?:^|[,;:(\"“])\s*((?:[\w'’.-]+\s+){1,4})$")
# Or set before it as an apposition ("a spokesman for the same ministry, Omar ..."): up to six words.
# A country's name in the possessive, which gives the body named after it to that country ("Turkey's").
_POSSESSIVE = re.compile(r"\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s\b")
_APPOSED = re.compile(r"(?:^|[,;:(\"“])\s*((?:[\w'’.-]+\s+){0,5}[\w'’.-]+),\s*$")


class Originators:
    """Claim -> originator id (module docstring), from the gazetteer and data/originators.yaml."""

    def __init__(self, groups: dict[str, str], offices: list[str], gazetteer: Any = None,
                 bodies: Iterable[str] = ()):
        self.groups = groups  # member id -> group id
        self.offices = _words_pattern(offices)
        self.bodies = _words_pattern(bodies)
        self.gazetteer = gazetteer if gazetteer is not None else _load_gazetteer()
        self._cache: dict[str, str] = {}
        # What sources the gazetteer does not know speak for, read by ``in_reports``: in each report (by
        # report and id), and where a report says nothing, in all the reports that name them (by id)
        self.in_report: dict[tuple[str, str], str] = {}
        self.named: dict[str, str] = {}
        self._last_view: tuple[tuple[str, ...], Originators] | None = None  # in_reports' latest answer

    @classmethod
    def load(cls, extra: str | Path | None = None, gazetteer: Any = None) -> Originators:
        data = _read(resources.files("claimledger").joinpath("data/originators.yaml").read_text(encoding="utf-8"),
                     "claimledger/data/originators.yaml")
        if extra is not None:
            more = _read(Path(extra).read_text(encoding="utf-8"), str(extra))
            data["groups"].update(more["groups"])
            data["offices"] += more["offices"]
            data["bodies"] += more["bodies"]
        groups = {str(m): str(g) for g, members in data["groups"].items() for m in [g, *members]}
        return cls(groups, [str(o) for o in data["offices"]], gazetteer, [str(b) for b in data["bodies"]])

    def of_id(self, ent: str) -> str:
        """The originator an entity speaks for."""
        found = self._cache.get(ent)
        if found is None:
            found = self._cache[ent] = self._resolve(ent)
        return found

    def _resolve(self, ent: str) -> str:
        if ent in self.groups:
            return self.groups[ent]
        m = STATE_ID.match(ent)
        if m and not ent.startswith(("UN-",)):
            entry = self._entry(ent)
            kind = getattr(entry, "kind", None)
            if kind in (None, "country", "organisation", "body") or getattr(entry, "country", None) == m.group(1):
                return m.group(1)
            return ent
        entry = self._entry(ent)
        if getattr(entry, "kind", None) == "person":
            role = self._role(ent) or ""
            if (body := self._organisation(role)) is not None:
                return body
            if getattr(entry, "country", None) and self.offices is not None and self.offices.search(role):
                return str(entry.country)
        return ent

    def _organisation(self, role: str) -> str | None:
        """The organisation a person's role names, as the originator they speak for: "deputy head of
        MONUSCO" is the UN's official, the "M23 spokesman" speaks for the movement, not for the country
        the movement fights in; None when the role names none."""
        words = re.findall(r"[A-Z][A-Za-z0-9-]+", role)
        for word in words:
            if word in self.groups:
                return self.groups[word]
        lookup = getattr(self.gazetteer, "lookup", None)
        if lookup is None:
            return None
        for word in words:
            found = lookup(word)
            if getattr(found, "kind", None) in _ORGANISATIONS:
                return self.of_id(found.id)
        return None

    def _entry(self, ent: str) -> Any:
        getter = getattr(self.gazetteer, "get", None)
        try:
            return getter(ent) if getter is not None else None
        except LookupError:
            return None

    def _role(self, ent: str) -> str | None:
        role = getattr(self.gazetteer, "role", None)  # the gazetteer keeps roles apart from its entities
        try:
            return role(ent) if callable(role) else None
        except LookupError:
            return None

    def __call__(self, claim: Claim) -> str:
        src = claim.source or claim.publisher or "unknown"
        if src == "anonymous":
            return f"anonymous@{claim.doc}"
        found = self.of_id(src)
        if found == src:  # only a view (in_reports) has read what unknown sources speak for
            return self.in_report.get((claim.doc, src)) or self.named.get(src) or found
        return found

    def _unknown(self, ent: str) -> bool:
        """Whether an id is a voice the gazetteer gives no originator: no entry, or a person whose role
        (if any) names nothing they speak for."""
        if self.of_id(ent) != ent:
            return False
        entry = self._entry(ent)
        return entry is None or getattr(entry, "kind", None) == "person"

    def _named(self, words: str, sources: dict[str, str] | None = None, acronym: bool = False) -> str | None:
        """The one organisation whose id the words name ("the EU naval operation"; "the World Bank, the
        UN and the EU" name three bodies, and none); when they name an office, the body of the ledger
        whose id they name (``sources``, by id or by the id without its country: "AFAD's president"
        speaks for TUR-AFAD), else the organisation ("UNHCR spokesman", "the Houthi-run health
        ministry") or the country ("Kenyan President", "the Indian defence ministry") it belongs to;
        else None. A body with an acronym of its own (``acronym``) is no office of the country it is
        named after ("Myanmar National Democratic Alliance Army"), unless the words give it to a
        country in the possessive as a state body (``_owned_body``)."""
        tokens = re.findall(r"[A-Z][A-Za-z]+", words)
        groups = {self.groups[w] for w in tokens if w in self.groups}
        if not groups and acronym and self._owned_body(words):
            return self._country_named(words)
        if groups or not words or not self._office(words):
            return groups.pop() if len(groups) == 1 else None
        body = next((self.of_id(sources[w]) for w in tokens if sources and w in sources), None)
        return body or self._organisation(" ".join(tokens)) or (None if acronym else self._country_named(words))

    def _words(self, claim: Claim) -> str:
        """The source's name as written, with the title written just before it in the sentence when
        the title ends in an office word ("Four days later, government spokesman X said")."""
        name = (claim.names.get(claim.source or "") or "").strip()
        at = claim.evidence.find(name) if name else -1
        before = claim.evidence[:at] if at > 0 else ""
        for title in (_TITLE.search(before), _APPOSED.search(before)):
            if title is not None and self.offices is not None \
                    and self.offices.fullmatch(title.group(1).split()[-1]):
                return f"{title.group(1).strip()} {name}"
        return name

    def _owned_body(self, words: str) -> bool:
        """Whether the words give a body to a country in the possessive by a word that names a state
        body (data/originators.yaml ``bodies``): "Turkey's disaster agency AFAD" is that country's own
        agency, though it has an acronym of its own."""
        return self.bodies is not None and _POSSESSIVE.search(words) is not None \
            and self.bodies.search(words) is not None

    def _office(self, words: str) -> bool:
        """Whether the words name a government office or body: the office words of a person's role
        (data/originators.yaml) as the title's last word or anywhere in a body's name, or a body the
        gazetteer knows by a name that needs a country ("the health ministry", "authorities")."""
        bare = re.sub(r"^(?:the|a|an)\s+", "", words, flags=re.I)
        is_body = getattr(self.gazetteer, "is_body_name", None)
        return (self.offices is not None and self.offices.search(bare) is not None) \
            or (callable(is_body) and is_body(bare))

    def _country_named(self, words: str) -> str | None:
        """The one country the words name, by name or adjective ("Kenyan", "India's"), else None."""
        demonym = getattr(self.gazetteer, "demonym", None)
        lookup = getattr(self.gazetteer, "lookup", None)
        found: set[str] = set()
        tokens = re.findall(r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?", re.sub(r"['’]s\b", "", words))
        for token in tokens:
            for text in dict.fromkeys((token, token.split()[0])):
                hit = (demonym(text) if callable(demonym) else None) or (lookup(text) if callable(lookup) else None)
                if hit is not None and getattr(hit, "kind", None) == "country":
                    found.add(str(hit.id))
                    break
        return found.pop() if len(found) == 1 else None

    def in_reports(self, claims: Iterable[Claim]) -> Originators:
        """These rules, knowing what each source the gazetteer does not know speaks for, from its words
        in any of its claims in a report (a spokesman's title is written once, not beside every figure
        he gives): the organisation or country they name (``_named``); else, when they name an office
        ("the health ministry", "government spokesman X"), the report's government. In a report that
        names it no way, a source speaks for what other reports name it, if they agree ("the naval
        mission" of one report is "the EU naval mission" of another; "the health ministry" of two
        reports may be two countries').

        A report's government is the country that its sources speak for, by more than twice as many
        of them as all other governments together: a report on one country's attack quotes its
        ministries, and once the police of a country the attackers fled to; a report quoting two
        warring governments alike gives none. A source the gazetteer does not know shows its
        government only when its words name it: its id is otherwise a guess from a name ("KEN-KNCHR",
        an independent commission), which counts only against another government."""
        claims = list(claims)
        key = tuple(c.id for c in claims)
        if self._last_view is not None and self._last_view[0] == key:
            return self._last_view[1]  # one ledger's series asked for one by one (conflicts_of)
        view = self._read_reports(claims)
        self._last_view = (key, view)
        return view

    def _read_reports(self, claims: list[Claim]) -> Originators:
        """``in_reports``, without its memory of the last ledger asked for."""
        voices = [(c, c.source) for c in claims if c.source is not None and c.source != "anonymous"]
        # the ids a title may name a source by: its own, and a state body's without its country ("AFAD")
        sources = {name: src for _, src in voices
                   for name in ((src, src[4:]) if STATE_ID.match(src) and "-" in src else (src,))}
        named: dict[tuple[str, str], str] = {}  # (report, source) -> what its words there name
        known: dict[str, dict[str, set[str]]] = {}  # report -> country -> the sources that show it
        guessed: dict[str, dict[str, set[str]]] = {}  # the same, with state ids the gazetteer lacks
        for c, src in voices:
            country = self.country(self.of_id(src))
            sure = country is not None and self._entry(src) is not None
            if self._unknown(src) and (who := self._named(self._words(c), sources, src.isupper())) is not None:
                named.setdefault((c.doc, src), who)
                country = self.country(who)
                sure = country is not None
            if country is not None:
                guessed.setdefault(c.doc, {}).setdefault(country, set()).add(src)
                if sure:
                    known.setdefault(c.doc, {}).setdefault(country, set()).add(src)
        governments = {doc: top for doc, by in known.items() if (top := _dominant(by, guessed[doc])) is not None}
        view = copy(self)
        view._last_view = None
        view.in_report = {(c.doc, src): governments[c.doc] for c, src in voices
                          if c.doc in governments and (c.doc, src) not in named and self._unknown(src)
                          and not src.isupper() and self._office(self._words(c))}
        view.in_report.update(named)
        readings: dict[str, set[str]] = {}
        for (_, src), who in named.items():
            readings.setdefault(src, set()).add(who)
        view.named = {src: who.pop() for src, who in readings.items() if len(who) == 1}
        return view

    def country(self, originator: str) -> str | None:
        """The country an originator is the government of, if it is one: a country the gazetteer knows
        (MSF, AFP or HRW are three capitals too, and no government)."""
        if not (len(originator) == 3 and STATE_ID.match(originator)):
            return None
        return originator if getattr(self._entry(originator), "kind", None) == "country" else None


def _dominant(known: dict[str, set[str]], every: dict[str, set[str]]) -> str | None:
    """The country that more than twice as many sources speak for as all other countries together:
    the most shown by ``known`` sources, against ``every`` source of the others (a state id the
    gazetteer lacks, "TUR-AFAD", is no proof of a government, but a sign of a second one)."""
    top = max(known, key=lambda k: len(known[k]))
    rest = sum(len(v) for k, v in every.items() if k != top)
    return top if len(known[top]) > 2 * rest else None


def _read(text: str, origin: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{origin}: not valid YAML ({exc}); fix the file or leave it out") from exc
    groups, offices, bodies = data.get("groups") or {}, data.get("offices") or [], data.get("bodies") or []
    if not isinstance(groups, dict) or not all(isinstance(v, list) for v in groups.values()) \
            or not isinstance(offices, list) or not isinstance(bodies, list):
        raise ConfigError(f"{origin}: expected `groups` (id: [member ids]), `offices` and `bodies` (lists of "
                          "words); see data/originators.yaml")
    return {"groups": dict(groups), "offices": list(offices), "bodies": list(bodies)}


def _words_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for any of the words, as whole words, ignoring case; None for no words."""
    words = list(words)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I) if words else None


@lru_cache(maxsize=1)
def default_originators() -> Originators:
    return Originators.load()


def originator(claim: Claim) -> str:
    """The claim's originator with the packaged rules (see Originators)."""
    return default_originators()(claim)


class Parties:
    """Who fights whom, as the ledger's claims show it (module docstring)."""

    def __init__(self, claims: Iterable[Claim]):
        self.links: dict[str, set[str]] = {}
        for c in claims:
            if c.measure in _WAR_MEASURES and c.category in _WAR_CATEGORIES and c.actor and c.recipient \
                    and c.actor != c.recipient:
                self.links.setdefault(c.actor, set()).add(c.recipient)
                self.links.setdefault(c.recipient, set()).add(c.actor)

    def fighting(self, sides: Iterable[str | None]) -> set[str]:
        """The sides and every country linked to them by acts of war, directly or through an ally."""
        out: set[str] = set()
        todo = [s for s in sides if s]
        while todo:
            s = todo.pop()
            if s in out:
                continue
            out.add(s)
            todo += [t for t in self.links.get(s, ()) if t not in out]
        return out
