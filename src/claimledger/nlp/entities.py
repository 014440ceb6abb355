"""Entity mentions in a parsed document, linked to the spec's ids.

Gazetteer names first (countries, demonyms, capitals used for governments,
bodies, media, people, places), then spaCy's named entities for what the
gazetteer does not know: people get a slug of their full name (and later
surname-only mentions the same slug), other names a slug of the words written.
Generic bodies ("the Defence Ministry", "the Joint Chiefs of Staff") take the
country that qualifies them ("South Korea's", "Russian", "in Kyiv").
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from claimledger.nlp.gazetteer import Gazetteer, case_sensitive

TITLES = {"president", "minister", "prime", "spokesman", "spokeswoman", "spokesperson", "secretary", "general",
          "gen.", "gen", "lt.", "col.", "colonel", "chief", "lawmaker", "mp", "senator", "governor", "mayor",
          "sir", "dr", "dr.", "mr", "mr.", "mrs", "ms", "adm.", "admiral", "commander", "head", "deputy",
          "foreign", "defence", "defense", "director", "ambassador", "envoy", "king", "queen", "leader",
          "chancellor", "rear", "vice", "lieutenant", "major", "captain", "sergeant", "representative"}


def slug(text: str) -> str:
    """The spec's slug: lower case ASCII words joined by hyphens, no leading article or possessive."""
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = re.sub(r"^the\s+", "", s.strip().lower())
    s = re.sub(r"['’]s\b", "", s)
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


ADMIN_WORDS = {"region", "province", "department", "district", "oblast", "governorate", "state", "county",
               "prefecture", "municipality", "raion"}
COMMON_FIRST_WORDS = {"the", "national", "united", "south", "north", "east", "west", "world", "international",
                      "state", "general", "central", "new", "supreme", "joint", "federal", "main", "royal", "human",
                      "islamic", "european", "african", "american", "arab", "people", "democratic", "red", "air"}


def publisher_id(name: str | None, gazetteer: Gazetteer) -> str | None:
    """The entity id of an outlet from its name as a page gives it: "AP News" → AP, "Caliber.Az" →
    CALIBER-AZ, an unknown "Novaya Gazeta Europe" → NOVAYA-GAZETA-EUROPE."""
    if not name:
        return name
    if gazetteer.get(name) is not None:
        return name
    for candidate in (name, re.sub(r"(?i)\s+(?:news(?: agency| service)?|online|\.com|live)$", "", name.strip()),
                      re.sub(r"(?i)^the\s+", "", name.strip())):
        ent = gazetteer.lookup(candidate)
        if ent is not None and ent.kind in ("media", "international", "organisation"):
            return ent.id
    return name if re.fullmatch(r"[A-Z0-9-]+", name) else slug(name).upper()


@dataclass
class Mention:
    id: str
    kind: str  # country, body, organisation, international, media, person, place, demonym, other
    start: int  # token indices [start, end)
    end: int
    text: str
    country: str | None = None


class EntityIndex:
    """All mentions of one document, by token, by id and by position.

    The indexes by id and by position are built once, when the mentions are complete, so that
    what each claim asks of them ("the first mention of this id", "the mentions in this
    sentence", "the last person named before this word") costs no pass over every mention:
    extraction stays linear in the document's length.
    """

    def __init__(self, doc: Doc, gazetteer: Gazetteer, matcher: PhraseMatcher, matcher_cs: PhraseMatcher):
        self.doc = doc
        self.gaz = gazetteer
        self.by_token: dict[int, Mention] = {}
        self.mentions: list[Mention] = []
        self._surnames: dict[str, str] = {}
        self._bodies: dict[str, str] = {}
        self._states_at: list[tuple[int, int]] = []  # (start, order) of country and demonym mentions, by start
        self._build(matcher, matcher_cs)
        # mentions never overlap, so their starts are distinct: sorted by start they are in text order
        self._order = {id(m): k for k, m in enumerate(self.mentions)}
        self.in_text_order = sorted(self.mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self.in_text_order]
        self._filtered: dict[tuple[tuple[str, ...], str], list[Mention]] = {}  # for `last_before`
        self._filtered_starts: dict[tuple[tuple[str, ...], str], list[int]] = {}
        self.by_id: dict[str, list[Mention]] = {}
        for m in self.mentions:
            self.by_id.setdefault(m.id, []).append(m)
        self._main: tuple[str | None, bool] | None = None  # for `main_country`

    # -- building -------------------------------------------------------
    def _add(self, m: Mention) -> None:
        if any(i in self.by_token for i in range(m.start, m.end)):
            return
        if m.kind in ("country", "demonym"):
            insort(self._states_at, (m.start, len(self.mentions)))
        self.mentions.append(m)
        for i in range(m.start, m.end):
            self.by_token[i] = m

    def _build(self, matcher: PhraseMatcher, matcher_cs: PhraseMatcher) -> None:
        doc = self.doc
        spans: list[tuple[int, int, str]] = []
        for match_id, s, e in list(matcher(doc)) + list(matcher_cs(doc)):
            spans.append((s, e, doc.vocab.strings[match_id]))
        # Longest first, then leftmost.
        spans.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
        taken: set[int] = set()
        chosen = []
        for s, e, label in spans:
            if any(i in taken for i in range(s, e)):
                continue
            taken.update(range(s, e))
            chosen.append((s, e, label))
        for s, e, label in sorted(chosen):
            span = doc[s:e]
            text = span.text
            # A gazetteer name inside a longer PERSON name ("Kim" in "Kim Jong Un") is not the entity.
            m: Mention | None
            if label == "BODY":
                m = self._body_mention(span)
            elif label == "DEMONYM":
                dem = self.gaz.demonym(text)
                m = Mention(dem.id, "demonym", s, e, text, dem.id) if dem else None
            else:
                known = self.gaz.lookup(text)
                m = Mention(known.id, known.kind, s, e, text, known.country) if known else None
            if m and m.kind == "media" and e < len(doc) and doc[e].pos_ == "PROPN" and doc[e].text[:1].isupper() \
                    and doc[e].ent_iob_ == "I":
                m = None  # "the National" of "the National Cyber Security Centre" is no newspaper
            if m:
                if m.kind == "person":
                    self._remember_person(m.id, text)
                self._add(m)
        for ent in doc.ents:
            if any(i in self.by_token for i in range(ent.start, ent.end)):
                continue
            ent = _after_heading(ent)
            if not len(ent):
                continue
            core = _strip_the(ent)
            if len(ent) == 1 and ent.text.lower() in self._surnames and ent.label_ in ("PERSON", "ORG", "GPE", "NORP"):
                self._add(Mention(self._surnames[ent.text.lower()], "person", ent.start, ent.end, ent.text))
                continue
            if ent.label_ == "PERSON":
                # one capitalised word before a noun is a model name ("Koksan guns"), not a person
                if len(ent) == 1 and ent.end < len(doc) and doc[ent.end].pos_ == "NOUN" and ent[0].dep_ == "compound":
                    continue
                self._add_person(ent)
            elif ent.label_ in ("ORG", "GPE", "LOC", "FAC", "NORP"):
                found = self.gaz.lookup(core.text) if core is not None else None
                if found:
                    self._add(Mention(found.id, found.kind, ent.start, ent.end, ent.text, found.country))
                elif ent.label_ == "NORP":
                    people = self.gaz.demonym(ent.text)
                    if people:
                        self._add(Mention(people.id, "demonym", ent.start, ent.end, ent.text, people.id))
                elif core is not None and len(core.text) > 1:
                    kind = "place" if ent.label_ in ("GPE", "LOC", "FAC") else "organisation"
                    name = core.text
                    if kind == "place" and ent.end < len(doc) and doc[ent.end].lower_ in ADMIN_WORDS \
                            and ADMIN_WORDS & {w.lower() for w in name.split()} == set():
                        name = f"{name} {doc[ent.end].text}"  # "the Centre department" → centre-department
                    sid = slug(name)
                    if kind == "organisation" and core.text.isupper() and len(core.text) <= 6:
                        sid = core.text.upper()
                    self._add(Mention(sid, kind, ent.start, ent.end, ent.text))
        # "the North" and "the South" in a report about the two Koreas
        named = {m.id for m in self.mentions}
        for t in doc:
            if t.i in self.by_token or t.text not in ("North", "South") or t.i == 0 or doc[t.i - 1].lower_ != "the":
                continue
            if t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN":
                continue
            korea = "PRK" if t.text == "North" else "KOR"
            if {"PRK", "KOR"} & named:
                self._add(Mention(korea, "country", t.i, t.i + 1, t.text, korea))
        # Later mentions by surname ("Park said") or first word ("Kiel said") of a name given in full before.
        firsts: dict[str, Mention] = {}
        for m in sorted(self.mentions, key=lambda m: m.start):
            words = m.text.split()
            if m.kind in ("organisation", "international") and len(words) > 1 and words[0][:1].isupper() \
                    and words[0].lower() not in COMMON_FIRST_WORDS:
                firsts.setdefault(words[0].lower(), m)
        for t in doc:
            if t.i in self.by_token or t.pos_ != "PROPN" or not t.text[:1].isupper():
                continue
            key = t.lower_
            if key in self._surnames:
                self._add(Mention(self._surnames[key], "person", t.i, t.i + 1, t.text))
            elif key in firsts and firsts[key].start < t.i:
                f = firsts[key]
                self._add(Mention(f.id, f.kind, t.i, t.i + 1, t.text, f.country))

    def _add_person(self, ent: Span) -> None:
        tokens = [t for t in ent if t.text.lower().strip(".") not in TITLES and not t.is_punct or t.text == "-"]
        tokens = [t for t in tokens if t.text not in ("'s", "’s")]
        if not tokens:
            return
        name = " ".join(t.text for t in tokens).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
        known = self.gaz.lookup(name)
        if known and known.kind == "person":
            pid = known.id
        elif len(tokens) == 1 and tokens[0].text.lower() in self._surnames:
            pid = self._surnames[tokens[0].text.lower()]
        else:
            pid = slug(name)
        self._remember_person(pid, name)
        self._add(Mention(pid, "person", ent.start, ent.end, ent.text))

    def _remember_person(self, pid: str, name: str) -> None:
        parts = name.split()
        if parts:
            self._surnames.setdefault(parts[-1].lower(), pid)
            self._surnames.setdefault(parts[0].lower(), pid)

    def _body_mention(self, span: Span) -> Mention | None:
        """A generic body name: find its country in the words around it."""
        country = self._qualifier_country(span)
        key = span.text.lower()
        if country:
            ent = self.gaz.body(country, span.text)
            if ent:
                self._bodies[key] = ent.id
                start = span.start
                # Take the qualifier into the mention: "South Korea's Joint Chiefs of Staff".
                return Mention(ent.id, "body", start, span.end, span.text, country)
        if key in self._bodies:
            return Mention(self._bodies[key], "body", span.start, span.end, span.text)
        # Unqualified: the country named last before it in the sentence ("attack on Russia, with the
        # Defense Ministry saying ...").
        sent = span.sent
        k = bisect_left(self._states_at, (span.start, -1)) - 1
        if k >= 0 and self._states_at[k][0] >= sent.start:
            country = self.mentions[self._states_at[k][1]].id
            ent = self.gaz.body(country, span.text)
            if ent and ent.kind != "country":
                return Mention(ent.id, "body", span.start, span.end, span.text, country)
        return None

    def _qualifier_country(self, span: Span) -> str | None:
        doc = self.doc
        # "South Korea's Joint Chiefs", "the Russian Defence Ministry", "Ukraine's air force"
        i = span.start - 1
        while i >= 0 and doc[i].text in ("'s", "’s", "the", "The"):
            i -= 1
        j = i
        while j >= 0 and (doc[j].ent_type_ in ("GPE", "NORP") or doc[j].pos_ == "PROPN") and j > i - 4:
            j -= 1
        if i >= 0 and j < i:
            words = doc[j + 1:i + 1].text
            for cand in (words, doc[i].text):
                ent = self.gaz.lookup(cand) or self.gaz.demonym(cand)
                if ent and ent.kind == "country":
                    return ent.id
                if ent and ent.country:
                    return ent.country
        # "the Defence Ministry in Moscow", "the General Staff of Ukraine"
        k = span.end
        if k + 1 < len(doc) and doc[k].lower_ in ("in", "of"):
            e = k + 1
            while e < len(doc) and (doc[e].pos_ == "PROPN" or doc[e].lower_ == "the") and e < k + 5:
                e += 1
            if e > k + 1:
                ent = self.gaz.lookup(doc[k + 1:e].text)
                if ent and (ent.kind == "country" or ent.country):
                    return ent.id if ent.kind == "country" else ent.country
        return None

    # -- queries --------------------------------------------------------
    def at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def order(self, m: Mention) -> int:
        """Where a mention stands in `mentions` (the order they were found in)."""
        return self._order[id(m)]

    def first(self, eid: str | None) -> Mention | None:
        """The first mention (in `mentions` order) with this id."""
        found = self.by_id.get(eid) if eid is not None else None
        return found[0] if found else None

    def starting_in(self, start: int, end: int) -> list[Mention]:
        """The mentions that start at a token in [start, end), in `mentions` order."""
        lo, hi = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return sorted(self.in_text_order[lo:hi], key=self.order)

    def starting_after(self, index: int) -> Iterator[Mention]:
        """The mentions that start after token `index`, in text order."""
        ordered = self.in_text_order
        return (ordered[k] for k in range(bisect_right(self._starts, index), len(ordered)))

    def main_country(self) -> tuple[str | None, bool]:
        """The country the document is most about: the one named most often (places count twice, for their
        country); and whether it is about that one country, named at least twice as often as any other.
        Counted once per document."""
        if self._main is None:
            counts: dict[str, int] = {}
            for m in self.mentions:
                cid = m.id if m.kind in ("country", "demonym") else (m.country if m.kind == "place" else None)
                if cid:
                    counts[cid] = counts.get(cid, 0) + (2 if m.kind == "place" else 1)
            if not counts:
                self._main = (None, True)
            else:
                first, *rest = sorted(counts.values(), reverse=True)
                self._main = (max(counts, key=lambda k: counts[k]), not rest or first >= 2 * rest[0])
        return self._main

    def last_before(self, index: int, kinds: tuple[str, ...], word: str | None = None) -> Mention | None:
        """The mention of one of `kinds` (whose text holds `word`, if given) starting nearest before token `index`."""
        key = (kinds, word or "")
        found = self._filtered.get(key)
        if found is None:
            found = self._filtered[key] = [m for m in self.in_text_order if m.kind in kinds
                                           and (not word or word in m.text.lower())]
            self._filtered_starts[key] = [m.start for m in found]
        k = bisect_left(self._filtered_starts[key], index) - 1
        return found[k] if k >= 0 else None


def doc_text(doc: Doc) -> str:
    """The document's text, joined once and kept in `doc.user_data`: spaCy's Doc.text rebuilds it from the
    tokens at every read, which a per-figure read would make quadratic in the document's length."""
    text = doc.user_data.get("claimledger_text")
    if text is None:
        text = doc.user_data["claimledger_text"] = doc.text
    return text


def sentence_reader(doc: Doc) -> Callable[[Token], Span]:
    """`Token.sent` answered from the document's sentences, listed once: spaCy's own walks the tokens back and
    forth and makes two spans at every read, and extraction reads a figure's sentence many times over. For
    `doc.user_token_hooks["sent"]` while the document is read (extract/claims.py `extract_claims`)."""
    by_token: list[Span] = []
    for sent in doc.sents:
        by_token += [sent] * len(sent)
    return lambda tok: by_token[tok.i]


def time_entities(sent: Span) -> list[tuple[int, int, str]]:
    """The DATE and TIME entities of a sentence as (start_char, end_char, text), as `sent.ents` gives them.

    spaCy's `Span.ents` builds every entity span of the whole document at each call; this reads an index
    of them made once per document (in `doc.user_data`, as plain numbers), so that asking for each
    figure's sentence costs the sentence, not the document. Same rule as `Span.ents`: the entities from
    the sentence's start on, up to the first one that ends past it."""
    doc = sent.doc
    index = doc.user_data.get("claimledger_ents")
    if index is None:
        index = doc.user_data["claimledger_ents"] = [(e.start, e.end, e.start_char, e.end_char, e.label_)
                                                     for e in doc.ents]
        doc.user_data["claimledger_ent_starts"] = [e[0] for e in index]
    text = doc_text(doc)
    out = []
    for k in range(bisect_left(doc.user_data["claimledger_ent_starts"], sent.start), len(index)):
        start, end, start_char, end_char, label = index[k]
        if end > sent.end:
            break
        if label in ("DATE", "TIME"):
            out.append((start_char, end_char, text[start_char:end_char]))
    return out


def _after_heading(ent: Span) -> Span:
    """An entity without a live blog's time stamp or a list's number before it: "12:20 - Coastguard" →
    "Coastguard" (the tagger sometimes takes the heading's whole start for a name)."""
    cut = max((t.i + 1 for t in ent if t.is_punct and t.text in "-–—:|" and t.i > ent.start
               and any(any(ch.isdigit() for ch in x.text) for x in ent.doc[ent.start:t.i])), default=ent.start)
    if cut == ent.start:
        return ent
    return Span(ent.doc, cut, ent.end, label=ent.label)


def _strip_the(ent: Span) -> Span | None:
    s, e = ent.start, ent.end
    doc = ent.doc
    while s < e and doc[s].lower_ in ("the", "a", "an"):
        s += 1
    while e > s and doc[e - 1].text in ("'s", "’s"):
        e -= 1
    return doc[s:e] if e > s else None


def build_matchers(nlp, gazetteer: Gazetteer) -> tuple[PhraseMatcher, PhraseMatcher]:
    """Phrase matchers for every gazetteer name: acronyms case-sensitively, the rest on lower case."""
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    by_label: dict[tuple[str, bool], list[str]] = {}
    for text, _ent, label in gazetteer.phrases():
        acronym = case_sensitive(text)
        by_label.setdefault((label, acronym), []).append(text)
    for (label, acronym), texts in by_label.items():
        docs = list(nlp.tokenizer.pipe(sorted(set(texts))))
        (exact if acronym else lower).add(label, docs)
    return lower, exact
