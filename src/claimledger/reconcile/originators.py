"""Originators: who independently stands behind a figure, and who is a party to the fight.

A claim's *originator* is its source, with relays never counted (``via``)
and with everyone who speaks for one government or one organisation folded
into it (spec/reconcile.md): KOR, KOR-NIS, KOR-JCS and South Korea's defence
minister are one originator, ``KOR``; the UN, OHCHR and WFP are ``UN``; a
person whose role names an organisation speaks for it (the M23's spokesman for
the movement, not for Congo). A publisher speaking in its own voice is its own
originator; ``anonymous`` sources are one per report. The rules' data is
``data/originators.yaml``.

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


class Originators:
    """Claim -> originator id (module docstring), from the gazetteer and data/originators.yaml."""

    def __init__(self, groups: dict[str, str], offices: list[str], gazetteer: Any = None):
        self.groups = groups  # member id -> group id
        self.offices = re.compile(r"\b(?:" + "|".join(re.escape(o) for o in offices) + r")\b", re.I) \
            if offices else None
        self.gazetteer = gazetteer if gazetteer is not None else _load_gazetteer()
        self._cache: dict[str, str] = {}

    @classmethod
    def load(cls, extra: str | Path | None = None, gazetteer: Any = None) -> Originators:
        data = _read(resources.files("claimledger").joinpath("data/originators.yaml").read_text(encoding="utf-8"),
                     "claimledger/data/originators.yaml")
        if extra is not None:
            more = _read(Path(extra).read_text(encoding="utf-8"), str(extra))
            data["groups"].update(more["groups"])
            data["offices"] += more["offices"]
        groups = {str(m): str(g) for g, members in data["groups"].items() for m in [g, *members]}
        return cls(groups, [str(o) for o in data["offices"]], gazetteer)

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
        return self.of_id(src)

    def country(self, originator: str) -> str | None:
        """The country an originator is the government of, if it is one: a country the gazetteer knows
        (MSF, AFP or HRW are three capitals too, and no government)."""
        if not (len(originator) == 3 and STATE_ID.match(originator)):
            return None
        return originator if getattr(self._entry(originator), "kind", None) == "country" else None


def _read(text: str, origin: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{origin}: not valid YAML ({exc}); fix the file or leave it out") from exc
    groups, offices = data.get("groups") or {}, data.get("offices") or []
    if not isinstance(groups, dict) or not all(isinstance(v, list) for v in groups.values()) \
            or not isinstance(offices, list):
        raise ConfigError(f"{origin}: expected `groups` (id: [member ids]) and `offices` (a list of words); "
                          "see data/originators.yaml")
    return {"groups": dict(groups), "offices": list(offices)}


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
