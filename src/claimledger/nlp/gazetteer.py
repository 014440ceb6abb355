"""Entity gazetteer: the names of countries, state bodies, organisations,
media, people and places, mapped to the entity ids of spec/claims.md
("Entity ids").

The data ships as ``claimledger/data/gazetteer.yaml`` (its header describes the
format); users extend it with their own files in the same format. The nlp stage
builds a PhraseMatcher from :meth:`Gazetteer.phrases` and resolves the spans it
finds with :meth:`Gazetteer.lookup`, :meth:`Gazetteer.demonym` and
:meth:`Gazetteer.body`; extraction writes the resulting ids into claims.

Matching rules, shared by every method:

- a name written in capitals ("AP", "U.S.", "G7") matches only in capitals;
- other names match whatever their case and accents, except that a one-word
  name never matches an all-lowercase word, with or without an article
  ("turkey", "chad", "guardian", "the national");
- a leading lowercase "the " is optional on both sides, while a capital "The "
  in the data belongs to a title and is required ("The War Zone", so that
  "war zone" is not an outlet);
- a trailing possessive ("'s", "’s", "s'") is ignored; curly quotes and dashes
  are normalised.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from claimledger.errors import ConfigError

__all__ = ["Entity", "Gazetteer", "case_sensitive", "match_keys", "normalise", "slugify"]

SECTIONS = ("countries", "bodies", "organisations", "international", "media", "people", "places")
KINDS = {
    "countries": "country",
    "organisations": "organisation",
    "international": "international",
    "media": "media",
    "people": "person",
    "places": "place",
}
# When one surface form names entities of several sections, lookup() prefers the
# specific to the general, and a capital as the government to the city as a place.
LOOKUP_ORDER = ("organisations", "international", "media", "people", "countries", "places")

_ISO3 = r"[A-Z]{3}"
_ACRONYM = r"[A-Z0-9]+(?:-[A-Z0-9]+)*"
_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
ID_PATTERNS = {
    "countries": re.compile(_ISO3),
    "organisations": re.compile(rf"{_ISO3}-{_ACRONYM}|{_SLUG}"),
    "international": re.compile(_ACRONYM),
    "media": re.compile(_ACRONYM),
    "people": re.compile(_SLUG),
    "places": re.compile(_SLUG),
}
_ID_RULES = {
    "countries": "an ISO 3166-1 alpha-3 code in capitals, such as PRK",
    "organisations": "<ISO3>-<ACRONYM> for a state body (KOR-NIS), else a lowercase slug (hamas)",
    "international": "an upper-case acronym or name with hyphens, such as UN or WORLD-BANK",
    "media": "an upper-case acronym or name with hyphens, such as AP or AL-JAZEERA",
    "people": "a lowercase slug of the full name, such as kim-jong-un",
    "places": "a lowercase slug of the name, such as kursk or khan-younis",
}
_ACRONYM_RE = re.compile(_ACRONYM)
_BODY_ID_RE = re.compile(rf"({_ISO3})-({_ACRONYM})")
_FIELDS = {
    "countries": ("id", "names", "demonyms", "metonyms", "local_names"),
    "bodies": ("acronym", "means_country", "names"),
    "organisations": ("id", "names", "country", "local_names", "bodies"),
    "international": ("id", "names", "country"),
    "media": ("id", "names", "country", "local_names"),
    "people": ("id", "names", "country", "role"),
    "places": ("id", "names", "country"),
}
_LIST_FIELDS = ("names", "demonyms", "metonyms", "local_names", "bodies")
# Key of the bodies entry whose names mean the state itself ("US officials" -> USA).
_COUNTRY_ITSELF = "=country"
# Words after a name that still point at the name: "a Pentagon official" -> USA-DOD.
_ROLE_NOUNS = frozenset(
    ["official", "officials", "source", "sources", "spokesman", "spokeswoman", "spokesperson", "spokespeople"]
)
_PACKAGED = "claimledger/data/gazetteer.yaml"
_ANSWERS_KEPT = 100_000  # texts whose candidates a Gazetteer keeps; past it, it starts again

_PUNCT = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u02bc": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
})
# Letters that Unicode does not decompose into a base letter and an accent.
_FOLD = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "æ": "ae", "Æ": "AE"}
)


@dataclass(frozen=True)
class Entity:
    """One thing a claim can name: its id (spec/claims.md), kind and canonical name.

    ``country`` is the state the entity belongs to; for a country it is its own id.
    """

    id: str
    kind: str  # "country" | "body" | "organisation" | "international" | "media" | "person" | "place"
    name: str  # canonical name: the first of its names
    country: str | None = None


def normalise(text: str) -> str:
    """The text as names are compared: quotes, dashes and spaces normalised, possessive dropped."""
    t = " ".join(unicodedata.normalize("NFC", text).translate(_PUNCT).split())
    t = t.strip(" \"()[]{},;:")
    if t.endswith("'s"):
        t = t[:-2]
    elif t.endswith("s'"):
        t = t[:-1]
    return t.rstrip()


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def case_sensitive(surface: str) -> bool:
    """True for a name written in capitals ("AP", "U.S.", "G7"): it matches only as written.

    A PhraseMatcher built from :meth:`Gazetteer.phrases` should match these on ORTH
    and the others on LOWER.
    """
    letters = [c for c in surface if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _key(form: str) -> str:
    return _fold(form) if case_sensitive(form) else _fold(form).casefold()


def _surface_forms(surface: str) -> list[str]:
    """A name as indexed: itself and, after a lowercase "the ", the rest ("the Kremlin")."""
    n = normalise(surface)
    forms = [n]
    if n.startswith("the ") and len(n) > 4:
        forms.append(n[4:])
    return forms


def _phrase_forms(surface: str) -> list[str]:
    """A name as phrases() gives it: as written, without a lowercase "the ", and unaccented.

    A PhraseMatcher compares token texts, so the variants lookup() folds away must be listed.
    """
    forms = [surface]
    if surface.startswith("the ") and len(surface) > 4:
        forms.append(surface[4:])
    forms += [_fold(f) for f in forms if _fold(f) != f]
    return forms


def _query_forms(text: str) -> list[str]:
    """A queried text as tried: itself and without a leading article of any case."""
    n = normalise(text)
    forms = [n]
    for article in ("the ", "a ", "an "):
        if n[: len(article)].lower() == article and len(n) > len(article):
            if article == "the " or n[0].islower():
                forms.append(n[len(article):])
            break
    return forms


def _one_lowercase_word(form: str) -> bool:
    """True for one all-lowercase word, with or without an article before it: "guardian", "the national".
    Such a form never matches a one-word name written with a capital ("The National", "The Independent"),
    which in lowercase is an adjective or a common noun ("the national statistics office")."""
    if form != form.lower():
        return False
    words = form.split(" ")
    return len(words) == 1 or len(words) == 2 and words[0] in ("the", "a", "an")


def match_keys(surface: str) -> tuple[str, ...]:
    """The keys a name is indexed under; two names sharing a key are the same surface form."""
    return tuple(_key(form) for form in _surface_forms(surface))


def slugify(text: str) -> str:
    """Lowercase ASCII slug of a name, the spec's form for people, places and anything else."""
    t = _fold(normalise(text)).lower().replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


class _Index:
    """Surface forms -> a value, under the matching rules of the module docstring."""

    def __init__(self, lowercase_words: bool = False):
        self._exact: dict[str, Any] = {}
        self._folded: dict[str, tuple[Any, bool]] = {}
        # Generic body names are common nouns: "army" and "police" match in lowercase.
        self._lowercase_words = lowercase_words

    def add(self, surface: str, value: Any) -> None:
        for form in _surface_forms(surface):
            if case_sensitive(form):
                self._exact[_fold(form)] = value
            else:
                self._folded[_fold(form).casefold()] = (value, form == form.lower())

    def get(self, text: str) -> Any:
        for form in _query_forms(text):
            if not form:
                continue
            hit = self._exact.get(_fold(form))
            if hit is not None:
                return hit
            entry = self._folded.get(_fold(form).casefold())
            if entry is None:
                continue
            value, lowercase_surface = entry
            one_lowercase_word = _one_lowercase_word(form)
            if one_lowercase_word and not (lowercase_surface or self._lowercase_words):
                continue
            return value
        return None


@dataclass
class _Entry:
    """One entry of one section, merged across files."""

    section: str
    key: str  # id; for bodies the acronym or _COUNTRY_ITSELF
    where: str  # "file: section[i] (id)" of its first definition, for error messages
    rank: tuple[int, int]  # (file, position) of its latest definition
    names: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    metonyms: list[str] = field(default_factory=list)
    local_names: list[str] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    country: str | None = None
    role: str | None = None

    def merge(self, later: _Entry) -> None:
        """Names are merged, earlier first; scalar fields given later replace earlier ones."""
        for name in _LIST_FIELDS:
            mine = getattr(self, name)
            mine.extend(x for x in getattr(later, name) if x not in mine)
        self.country = later.country or self.country
        self.role = later.role or self.role
        self.rank = later.rank


# libyaml's loader when PyYAML was built with it: four times faster on the packaged file.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(origin: str, text: str) -> Any:
    try:
        return yaml.load(text, Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        raise ConfigError(
            f"{origin}: not valid YAML {yaml_problem(exc, text)}. Fix the syntax; the format is in {_PACKAGED}."
        ) from exc


def yaml_problem(exc: yaml.YAMLError, text: str) -> str:
    """Where in ``text`` a YAML error is and what it is, on one line: "at line 2, column 4 (...)".

    str(exc) runs over several lines and quotes a snippet of the file; error
    messages are one line, so this takes the parts from the error's marks
    (lines and columns counted from 1, as editors do).
    """
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        if mark is not None:
            what = "; ".join(part for part in (exc.context, exc.problem) if part)
            return f"at line {mark.line + 1}, column {mark.column + 1} ({what or 'syntax error'})"
    if isinstance(exc, yaml.reader.ReaderError):  # a character YAML does not allow; no mark, a position
        at = min(exc.position, len(text))
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return f"at line {line}, column {column} (character #x{code:04x}: {exc.reason})"
    return "(" + " ".join(str(exc).split()) + ")"


def _parse(origin: str, data: Any, file_rank: int) -> list[_Entry]:
    if data is None:
        return []
    if not isinstance(data, dict):
        raise ConfigError(
            f"{origin}: the top level must be a mapping of sections ({', '.join(SECTIONS)}), "
            f"not {type(data).__name__}."
        )
    entries: list[_Entry] = []
    for section, items in data.items():
        if section not in SECTIONS:
            raise ConfigError(f"{origin}: unknown section {section!r}; use one of {', '.join(SECTIONS)}.")
        if items is None:
            continue
        if not isinstance(items, list):
            raise ConfigError(
                f"{origin}: section {section!r} must be a list of entries, not {type(items).__name__}."
            )
        seen: set[str] = set()
        for i, item in enumerate(items):
            entry = _parse_entry(section, item, f"{origin}: {section}[{i}]", (file_rank, i))
            if entry.key in seen:
                raise ConfigError(
                    f"{entry.where}: {entry.key!r} appears twice in this file; merge the two entries."
                )
            seen.add(entry.key)
            entries.append(entry)
    return entries


def _parse_entry(section: str, item: Any, where: str, rank: tuple[int, int]) -> _Entry:
    if not isinstance(item, dict):
        raise ConfigError(
            f"{where}: an entry must be a mapping such as {{id: ..., names: [...]}}, not {item!r}."
        )
    label = item.get("id", item.get("acronym"))
    if isinstance(label, str):
        where = f"{where} ({label})"
    unknown = sorted(str(k) for k in item if k not in _FIELDS[section])
    if unknown:
        raise ConfigError(
            f"{where}: unknown field(s) {', '.join(unknown)}; "
            f"a {section} entry has {', '.join(_FIELDS[section])}."
        )
    if section == "bodies":
        key = _body_key(item, where)
    else:
        ident = item.get("id")
        if not isinstance(ident, str) or not ident:
            raise ConfigError(f"{where}: missing 'id' (a string); give {_ID_RULES[section]}.")
        if not ID_PATTERNS[section].fullmatch(ident):
            raise ConfigError(
                f"{where}: id {ident!r} does not follow the convention for {section}: {_ID_RULES[section]}."
            )
        key = ident
    entry = _Entry(section=section, key=key, where=where, rank=rank)
    for name in _LIST_FIELDS:
        if name not in _FIELDS[section]:
            continue
        value = item.get(name)
        if value is None:
            continue
        well_formed = isinstance(value, list) and all(isinstance(x, str) and x.strip() for x in value)
        if not well_formed or not value:
            raise ConfigError(
                f"{where}: '{name}' must be a non-empty list of non-empty strings, not {value!r}."
            )
        if name == "bodies":
            bad = [x for x in value if not _ACRONYM_RE.fullmatch(x)]
            if bad:
                raise ConfigError(f"{where}: 'bodies' lists acronyms of the bodies section; {bad!r} are not.")
        setattr(entry, name, list(dict.fromkeys(value)))
    for name in ("country", "role"):
        value = item.get(name)
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{where}: '{name}' must be a string, not {value!r}.")
        if name == "country" and not ID_PATTERNS["countries"].fullmatch(value):
            raise ConfigError(f"{where}: country {value!r} must be an ISO 3166-1 alpha-3 code in capitals.")
        setattr(entry, name, value)
    return entry


def _body_key(item: dict[str, Any], where: str) -> str:
    means_country = item.get("means_country", False)
    acronym = item.get("acronym")
    if not isinstance(means_country, bool):
        raise ConfigError(f"{where}: 'means_country' must be true or false, not {means_country!r}.")
    if means_country:
        if acronym is not None:
            raise ConfigError(
                f"{where}: an entry has either an 'acronym' or 'means_country: true', not both."
            )
        return _COUNTRY_ITSELF
    if not isinstance(acronym, str) or not _ACRONYM_RE.fullmatch(acronym):
        raise ConfigError(
            f"{where}: missing or malformed 'acronym' ({acronym!r}); "
            "give capitals and digits, such as MOD or JCS."
        )
    return acronym


def _check_references(e: _Entry, countries: set[str], acronyms: set[str]) -> None:
    """Once all files are merged: an entry has names, and the countries and bodies it names exist.

    (A later file may give an existing id without names, to change its role or country.)
    """
    if not e.names:
        raise ConfigError(f"{e.where}: missing 'names' (a list of at least one name).")
    if e.country is not None and e.country not in countries:
        raise ConfigError(f"{e.where}: country {e.country!r} is not in the countries section; add it there.")
    match = _BODY_ID_RE.fullmatch(e.key) if e.section == "organisations" else None
    if match:
        if match[1] not in countries:
            raise ConfigError(f"{e.where}: the id's prefix {match[1]!r} is not in the countries section.")
        if e.country is not None and e.country != match[1]:
            raise ConfigError(
                f"{e.where}: a state body's id starts with its country; {e.key!r} has country {e.country!r}."
            )
    unknown = [a for a in e.bodies if a not in acronyms]
    if unknown:
        raise ConfigError(f"{e.where}: 'bodies' names {unknown!r}, which the bodies section does not define.")


class Gazetteer:
    """Names -> entities, with the state bodies formed from a country of context.

    Build it with :meth:`load`; each instance reads the packaged file once.
    """

    def __init__(self, sources: Iterable[tuple[str, Any]] = ()):
        """Build from parsed YAML documents, each with the name that error messages use."""
        merged: dict[tuple[str, str], _Entry] = {}
        for file_rank, (origin, data) in enumerate(sources):
            for entry in _parse(origin, data, file_rank):
                earlier = merged.get((entry.section, entry.key))
                if earlier is None:
                    merged[(entry.section, entry.key)] = entry
                else:
                    earlier.merge(entry)
        self._build(sorted(merged.values(), key=lambda e: e.rank))

    @classmethod
    def load(cls, extra: Iterable[str | Path] | str | Path = ()) -> Gazetteer:
        """The packaged gazetteer, extended by the user's files in order (later files win)."""
        packaged = resources.files("claimledger").joinpath("data", "gazetteer.yaml")
        text = packaged.read_text(encoding="utf-8")
        sources = [(_PACKAGED, _read_yaml(_PACKAGED, text))]
        for path in [extra] if isinstance(extra, str | Path) else extra:
            try:
                text = Path(path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise ConfigError(
                    f"{path}: cannot read this gazetteer file ({exc}); check the path."
                ) from exc
            sources.append((str(path), _read_yaml(str(path), text)))
        return cls(sources)

    # --- building

    def _build(self, entries: list[_Entry]) -> None:
        self._answers: dict[str, list[Entity]] = {}  # candidates() by text
        self._entities: dict[str, Entity] = {}
        self._roles: dict[str, str] = {}
        self._where: dict[str, str] = {}
        self._sections: dict[str, _Index] = {s: _Index() for s in LOOKUP_ORDER}
        self._people_full = _Index()  # multi-word person names, for "Defence Minister Boris Pistorius"
        self._demonyms = _Index()
        self._countryish = _Index()  # country names, metonyms, demonyms, places -> the country
        self._generic = _Index(lowercase_words=True)  # generic body names -> acronym
        self._body_names: dict[str, str] = {}  # acronym -> canonical name
        self._local: dict[str, _Index] = {}  # country id -> its bodies' names and local names
        self._local_names = _Index(lowercase_words=True)  # every local name, for is_body_name
        self._serves: dict[tuple[str, str], Entity] = {}  # (country, acronym) -> the organisation
        self._synthesised: dict[str, Entity] = {}
        phrases: dict[tuple[str, str | None, str], Entity | None] = {}

        countries = {e.key for e in entries if e.section == "countries"}
        acronyms = {e.key for e in entries if e.section == "bodies" and e.key != _COUNTRY_ITSELF}
        for e in entries:
            _check_references(e, countries, acronyms)

        for e in entries:
            if e.section == "bodies":
                if e.key != _COUNTRY_ITSELF:
                    self._body_names[e.key] = e.names[0]
                for name in e.names:
                    self._generic.add(name, e.key)
                    for form in _phrase_forms(name):
                        phrases[(form, None, "BODY")] = None
                continue
            kind = KINDS[e.section]
            country = e.key if e.section == "countries" else e.country
            if e.section == "organisations" and country is None and _BODY_ID_RE.fullmatch(e.key):
                country = e.key[:3]
            if e.key in self._entities:  # entries of one section are merged: this is another section
                raise ConfigError(
                    f"{e.where}: id {e.key!r} is also used by {self._where[e.key]}; an id names one entity."
                )
            entity = Entity(e.key, kind, e.names[0], country)
            self._entities[e.key] = entity
            self._where[e.key] = e.where
            if e.role:
                self._roles[e.key] = e.role
            for name in e.names + e.metonyms:
                self._sections[e.section].add(name, entity)
                for form in _phrase_forms(name):
                    phrases[(form, entity.id, "ENTITY")] = entity
                if e.section == "people" and " " in normalise(name):
                    self._people_full.add(name, entity)
            for name in e.demonyms:
                self._demonyms.add(name, entity)
                for form in _phrase_forms(name):
                    phrases[(form, entity.id, "DEMONYM")] = entity
            if country is not None and e.section == "places":
                for name in e.names:
                    self._countryish.add(name, country)
            if country is not None and e.section in ("organisations", "media", "international", "countries"):
                local = self._local.setdefault(country, _Index(lowercase_words=True))
                if e.section != "countries":
                    for name in e.names:
                        local.add(name, entity)
                for name in e.local_names:
                    local.add(name, entity)
                    self._local_names.add(name, True)
                    for form in _phrase_forms(name):
                        phrases[(form, None, "BODY")] = None
                for acronym in e.bodies:
                    self._serves[(country, acronym)] = entity
        # Added after the places, so that a country's own names win ("Moscow" -> RUS).
        for e in entries:
            if e.section == "countries":
                for name in e.names + e.metonyms + e.demonyms:
                    self._countryish.add(name, e.key)
        self._phrases = [(surface, entity, label) for (surface, _, label), entity in phrases.items()]

    # --- queries

    def get(self, entity_id: str) -> Entity | None:
        """The entity with this id, including a state body formed from a country ("RUS-MOD")."""
        entity = self._entities.get(entity_id)
        if entity is not None:
            return entity
        match = _BODY_ID_RE.fullmatch(entity_id)
        if match and match[1] in self._entities and match[2] in self._body_names:
            return self._body_entity(match[1], match[2])
        return None

    def role(self, entity_id: str) -> str | None:
        """A person's role as the data describes it ("president of Ukraine")."""
        return self._roles.get(entity_id)

    def entities(self, kind: str | None = None) -> Iterator[Entity]:
        """Every entity the files define (not the bodies formed on demand), optionally of one kind."""
        return (e for e in self._entities.values() if kind is None or e.kind == kind)

    def lookup(self, text: str) -> Entity | None:
        """The entity a name, alias, metonym or person name stands for, else None."""
        found = self.candidates(text)
        return found[0] if found else None

    def candidates(self, text: str) -> list[Entity]:
        """Every entity the text may name, best first (see LOOKUP_ORDER); [] when none.

        Tried in turn, the first that finds something wins: the name itself; the
        name without a trailing role noun ("Pentagon official"); a country and one
        of its bodies ("Russia's Defence Ministry", "Joint Chiefs of Staff in
        Seoul", "US officials"); a person's full name after a title ("German
        Defence Minister Boris Pistorius").
        """
        # every mention of every document asks, most of them for the same few hundred names: each text's
        # answer is kept (it depends on the files alone), a copy handed out
        found = self._answers.get(text)
        if found is None:
            if len(self._answers) >= _ANSWERS_KEPT:
                self._answers.clear()
            found = self._answers[text] = self._candidates(text)
        return list(found)

    def _candidates(self, text: str) -> list[Entity]:
        found = self._direct(text)
        if found:
            return found
        words = normalise(text).split(" ")
        if len(words) > 1 and words[-1].lower() in _ROLE_NOUNS:
            found = self._direct(" ".join(words[:-1]))
            if found:
                return found
        for country, rest in self._splits(text):
            body = self._resolve_body(country, rest)
            if body is not None:
                return [body]
        for i in range(1, len(words) - 1):
            person = self._people_full.get(" ".join(words[i:]))
            if person is not None:
                return [person]
        return []

    def _direct(self, text: str) -> list[Entity]:
        found: list[Entity] = []
        for section in LOOKUP_ORDER:
            entity = self._sections[section].get(text)
            if entity is not None and entity not in found:
                found.append(entity)
        return found

    def demonym(self, text: str) -> Entity | None:
        """The country of a demonym: "North Korean", "Russians" -> the country."""
        return self._demonyms.get(text)

    def body(self, country_id: str, text: str) -> Entity | None:
        """The body of a country that a name means: ("KOR", "Joint Chiefs of Staff") -> KOR-JCS.

        A specific organisation of that country wins over the generic body, and
        words meaning the state itself ("officials", "government") give the
        country. The country's own name may be part of the text ("South Korea's
        spy agency", "General Staff of Ukraine"). None when the text is not a body
        of that country.
        """
        if country_id not in self._entities or self._entities[country_id].kind != "country":
            return None
        body = self._resolve_body(country_id, text)
        if body is not None:
            return body
        for country, rest in self._splits(text):
            if country == country_id:
                body = self._resolve_body(country_id, rest)
                if body is not None:
                    return body
        return None

    def is_body_name(self, text: str) -> bool:
        """True for a name that needs a country to mean anything ("Defence Ministry", "spy agency")."""
        return self._generic.get(text) is not None or self._local_names.get(text) is not None

    def phrases(self) -> Iterator[tuple[str, Entity | None, str]]:
        """Every surface form with its entity and a label: "ENTITY", "DEMONYM" or "BODY" (entity None).

        A surface form can come more than once, with entities of different
        sections ("Moscow": RUS and the city); :meth:`lookup` decides between them.
        Match the forms for which :func:`case_sensitive` is true on ORTH, the rest on LOWER.
        """
        return iter(self._phrases)

    # --- helpers

    def _resolve_body(self, country_id: str, text: str) -> Entity | None:
        words = normalise(text).split(" ")
        tries = [text]
        if len(words) > 1 and words[-1].lower() in _ROLE_NOUNS:
            tries.append(" ".join(words[:-1]))
        for t in tries:
            local = self._local.get(country_id)
            hit = local.get(t) if local is not None else None
            if hit is not None:
                return hit
            acronym = self._generic.get(t)
            if acronym is not None:
                return self._body_entity(country_id, acronym)
        return None

    def _body_entity(self, country_id: str, acronym: str) -> Entity:
        if acronym == _COUNTRY_ITSELF:
            return self._entities[country_id]
        serving = self._serves.get((country_id, acronym))
        if serving is not None:
            return serving
        entity_id = f"{country_id}-{acronym}"
        entity = self._entities.get(entity_id) or self._synthesised.get(entity_id)
        if entity is None:
            country_name = self._entities[country_id].name
            entity = Entity(entity_id, "body", f"{self._body_names[acronym]} ({country_name})", country_id)
            self._synthesised[entity_id] = entity
        return entity

    def _splits(self, text: str) -> Iterator[tuple[str, str]]:
        """(country id, rest) for "<country> <rest>" and "<rest> of|in <country>"."""
        for n in _query_forms(text):
            words = n.split(" ")
            for i in range(1, len(words)):
                country = self._countryish.get(" ".join(words[:i]))
                if country is not None:
                    yield country, " ".join(words[i:])
            for sep in (" of ", " in "):
                left, found, right = n.rpartition(sep)
                if found and left:
                    country = self._countryish.get(right)
                    if country is not None:
                        yield country, left
