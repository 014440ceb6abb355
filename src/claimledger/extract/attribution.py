"""Who says so, and through whom: source and relay chain of each figure.

A sentence holds attribution *frames*: a speech verb with its speaker ("the
NIS said", "Lee told Reuters, citing the NIS"), "according to X", a report
noun ("the NIS's figures", "estimates by X", "casualties cited by a US
official"). Each frame covers a part of the parse (its scope). A figure's
chain is the frames whose scope holds it, outermost first; within a frame the
outlets it was told to or reported by come before the speaker and the bodies
it cites after. The last link is the source; the links between the publisher
and the source are `via`, nearest the publisher first.

Article-wide relays: a dateline credit ("SEOUL (AP) —") and a lead that says
the publisher relays a wire ("as reported by Caliber.Az citing AP") put that
wire in front of every figure the article relays. A chain seen earlier for
the same speaker lends its outer links to a shorter later chain ("The lawmaker
said ..." after "Lee told Reuters, citing the NIS").

Each claim names its source (`names`) by the words of the frame that states its
figure, where the report may name the same speaker otherwise elsewhere.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from claimledger.extract.decide import Features, Linear, Trace, bucket
from claimledger.extract.frames import ASKING, LIST_ITEM, TABLE_ROW, DocumentFrames, Lent, heading_spans, quote_spans
from claimledger.extract.lexicon import Lexicon
from claimledger.models import Claim
from claimledger.nlp.entities import EntityIndex, Mention, doc_text, slug

PERSON_ROLES = {"spokesman", "spokeswoman", "spokesperson", "minister", "president", "lawmaker", "official",
                "legislator", "mp", "senator", "congressman", "congresswoman", "adviser", "advisor", "aide",
                "coordinator", "envoy", "governor", "negotiator",
                "mayor", "chief", "head", "commander", "secretary", "ambassador", "director",
                "general", "analyst", "expert", "source", "officer", "diplomat", "representative", "member"}
TELL_VERBS = {"tell", "brief", "inform", "say"}
# Unqualified heads that stand for the government of the country in focus: "the military-led government said".
NON_STATE_GROUPS = {"rebel", "militant", "insurgent", "fighter", "militia", "group", "movement", "faction",
                    "guerrilla", "separatist", "activist", "volunteer", "charity", "society"}
# Things a figure is written in, which speak for whoever made them: "the table below", "the filing".
DOCUMENT_NOUNS = {"table", "filing", "notice", "result", "list", "chart", "record", "document", "graphic", "map"}
GOVERNMENT_WORDS = {"government", "junta", "regime", "administration", "authorities", "authority", "cabinet",
                    "military", "army", "leadership"}
# Heads of a state body's name: "the interior ministry", "border guards", "the disaster authority".
BODY_HEADS = {"ministry", "department", "agency", "service", "office", "committee", "council", "police", "army",
              "military", "force", "forces", "guard", "guards", "authority", "directorate", "institute", "bureau",
              "commission", "court", "prosecutor", "prosecutors", "coastguard", "parliament", "command", "navy",
              "corps", "secretariat", "inspectorate", "administration", "customs", "gendarmerie", "intelligence"}
# Governments below the country's: "the regional government", "provincial authorities".
LOCAL_LEVELS = {"regional", "provincial", "local", "municipal", "county", "city", "district"}
# Verbs of a body asking for money and of a body counting by asking: their subject states the figure (C30).
ASKING_VERBS = {"appeal", "ask", "seek", "request"}
SURVEY_VERBS = {"survey", "poll", "interview"}
# Possessive pronouns and the personal pronoun each stands for: "his team" speaks for "him".
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they"}
# Kinds of entity that relay a figure; other kinds in a chain are where it came from, not who passed it on.
RELAY_KINDS = {"media", "person"}
# First words of a sentence that tell whether it goes on with the last speaker.
OPENERS = {"it", "they", "he", "she", "the", "this", "these", "another", "some", "of", "in", "among", "about",
           "more", "nearly", "almost", "over", "at", "a", "most", "since", "and", "but", "also", "meanwhile",
           "separately", "elsewhere", "according", "\"", "“"}
# Words between a gapped speaker's "of" or "at" and its figure: "the union of about 3.5 million".
GAP_HEDGES = {"about", "some", "around", "nearly", "almost", "roughly", "over", "more", "than", "up", "to", "as",
              "many", "$"}
# The word that opens a paragraph the publisher adds to a relayed article (spec: "Separately, ...").
PUBLISHER_ADDS = re.compile(r"\s*(?:Separately|SEPARATELY)\b")
YEAR = re.compile(r"(?:19|20)\d\d")
CLOCK = re.compile(r"\d{1,2}[:.]\d{2}")
# "SEOUL (AP) —", also with the day: "CALAIS, France, Nov 25, 2021 (AFP) -", "Oct 24 (Reuters) -"
DATELINE = re.compile(r"^[A-Z][A-Za-z0-9 .,'’/-]{1,60}?\(([^)]{2,40})\)\s*[—–-]")


@dataclass
class Frame:
    anchor: Token
    scope: Token
    speaker: str | None
    before: list[str] = field(default_factory=list)  # outlets between publisher and speaker
    cites: list[str] = field(default_factory=list)   # what the speaker cites, further from the publisher
    cue: str = ""
    kind: str = "speech"  # speech, according, noun, citing

    def links(self) -> list[str]:
        return [*self.before, *([self.speaker] if self.speaker else []), *self.cites]


@dataclass
class Chain:
    source: str | None
    via: list[str]
    cue: str = ""
    links: list[str] = field(default_factory=list)
    explicit: bool = False
    # the frames that hold the figure, outermost first: their speech verbs and report nouns are where the
    # text dates the statement ("said on Monday", "the January figures"; extract/statement.py)
    frames: list[Frame] = field(default_factory=list)


class Attribution:
    def __init__(self, doc: Doc, ents: EntityIndex, lex: Lexicon, gazetteer, publisher: str | None,
                 title_end: int = 0, model: Linear | None = None, trace: Trace | None = None):
        self.doc = doc
        self.ents = ents
        self.lex = lex
        self.gaz = gazetteer
        self.publisher_ids = self._publisher_ids(publisher)
        self.title_end = title_end
        self._frames: dict[int, list[Frame]] = {}
        self._last_speaker: dict[str, str] = {}
        self.doc_relays: list[str] = self._dateline()
        self._lead_done = False
        self.lead_source: str | None = None
        self._chains: list[tuple[int, list[str], bool]] = []  # (claim index, links, explicit)
        self._layout: DocumentFrames | None = None
        self._by_offset: dict[int, Frame] = {}  # sentence frames by their verb's character offset
        self._sents: list[Span] | None = None
        self.model = model
        self.trace = trace
        self.words: dict[str, str] = {}  # speaker id → the words that named it, for ids no mention gives
        self._written_names: dict[str, str] = {}  # words → the noun phrase they stand in
        self._last_holding: list[Frame] = []  # the frames of the figure before, for "Of those, ..."
        self._last_turn: Lent | None = None  # the speaker's turn (a transcript label) that figure stood in
        self._by_last_name: dict[str, str] | None = None  # person ids by the last word of their first mention
        self._sent_starts: list[int] = []  # token index of each sentence's start, for bisect
        self._role_holders: dict[str, str | None] = {}  # `_role_person`, once per role
        self._found: dict[str, Frame | None] = {}  # the lead's and the title's first frames
        self._n_frames: int | None = None  # how many frames have a speaker
        self._quotes: list[tuple[int, int]] | None = None  # quoted stretches, for whom "he" can be
        self._quote_starts: list[int] = []
        self._answers: list[tuple[int, int, Lent]] | None = None  # transcript turns that answer, by start
        self._headings: list[tuple[int, int]] | None = None  # the body's heading lines (`heading_spans`)
        self._headed: dict[int, tuple[int, int]] = {}  # claim index → the stretch of text its heading heads
        self._named_at: dict[int, str] = {}  # token index → the speaker id the words there name (`_speaker`)
        self._said_as: dict[int, str] = {}  # claim index → the words that name its source where it speaks

    # -- publisher and article-wide relays ------------------------------------
    def _publisher_ids(self, publisher: str | None) -> set[str]:
        if not publisher:
            return set()
        ids = {publisher, slug(publisher), publisher.upper()}
        ent = self.gaz.lookup(publisher) or self.gaz.get(publisher) or self.gaz.get(publisher.upper())
        if ent:
            ids.add(ent.id)
        ids |= {re.sub(r"(?i)^the[\s-]+", "", i) for i in ids}  # "THE-EASTAFRICAN" is "The EastAfrican"
        return {i.upper() for i in ids} | {slug(i) for i in ids}

    def _is_publisher(self, eid: str | None) -> bool:
        return eid is not None and (eid.upper() in self.publisher_ids or slug(eid) in self.publisher_ids)

    def _dateline(self) -> list[str]:
        body = doc_text(self.doc)[self.title_end:].lstrip()
        m = DATELINE.match(body)
        if not m:
            return []
        credit = m.group(1).strip()
        ent = self.gaz.lookup(credit)
        eid = ent.id if ent else slug(credit).upper()
        return [] if self._is_publisher(eid) else [eid]

    # -- frames -------------------------------------------------------------------
    def _all_frames(self) -> None:
        """Frames of every sentence, in text order, so that "he" and "the ministry" find their antecedents."""
        for sent in self._sentence_list():
            self._frames[sent.start] = self._find_frames(sent)

    def frames(self, sent: Span) -> list[Frame]:
        if not self._frames:
            self._all_frames()
        return self._frames.get(sent.start, [])

    def layout(self) -> DocumentFrames:
        """The frames the document's layout lends past their sentences (extract/frames.py), built once."""
        if self._layout is None:
            if not self._frames:
                self._all_frames()
            starts = [s.start_char for s in self._sentence_list()]
            ends = [s.end_char for s in self._sentence_list()]

            def sentence_of(offset: int) -> tuple[int, int]:
                k = max(0, bisect_right(starts, offset) - 1)
                return starts[k], ends[k]

            self._by_offset = {f.anchor.idx: f for fs in self._frames.values() for f in fs
                               if f.kind in ("speech", "according")}
            text = doc_text(self.doc)
            names = {m.text.split()[-1] for m in self.ents.mentions if m.kind == "person" and m.text.split()} | {
                m.text for m in self.ents.mentions if m.kind != "place"}
            self._layout = DocumentFrames(text, list(self._by_offset), sentence_of, names, self.title_end)
        return self._layout

    def _lent_frame(self, lent: Lent) -> Frame | None:
        if lent.kind != "label":
            return self._by_offset.get(lent.anchor_at)
        if lent.label.upper() in ASKING:
            return None
        tok = self.doc.char_span(lent.anchor_at, lent.anchor_at + len(lent.label), alignment_mode="expand")
        if tok is None or not len(tok):
            return None
        speaker = self._label_speaker(lent.label, tok)
        if speaker:
            self.words.setdefault(speaker, lent.label)
        return Frame(tok[-1], tok[-1], speaker, cue=f"{lent.label}:", kind="speech") if speaker else None

    def _asking_outlet(self, lent: Lent | None) -> str | None:
        """The outlet whose reporter asks in a transcript's question turn, "QUESTION (Reuters):"."""
        if lent is None or lent.kind != "label" or not lent.outlet or lent.label.upper() not in ASKING:
            return None
        ent = self.gaz.lookup(lent.outlet)
        return ent.id if ent is not None and ent.kind == "media" else None

    def _answering_turn(self, lent: Lent) -> Frame | None:
        """The frame of the turn that answers a question: the first turn after it that is not a question."""
        if self._answers is None:
            self._answers = sorted((t.start, n, t) for n, t in enumerate(self.layout().lent)
                                   if t.kind == "label" and t.label.upper() not in ASKING)
        k = bisect_left(self._answers, (lent.end, -1))
        return self._lent_frame(self._answers[k][2]) if k < len(self._answers) else None

    def _label_speaker(self, label: str, span: Span) -> str | None:
        """A transcript's "KIRBY:" or "Mr. Kirby:": the person the report names so, else the label itself."""
        m = self.ents.at(span[-1])
        if m is not None and m.kind != "place":
            return m.id
        last = label.split()[-1].lower().strip(".")
        if self._by_last_name is None:
            self._by_last_name = {}
            for mention in self.ents.mentions:
                if mention.kind == "person" and mention.text.split():
                    self._by_last_name.setdefault(mention.text.split()[-1].lower(), mention.id)
        return self._by_last_name.get(last) or slug(label)

    def speech_tokens(self, sent: Span) -> set[int]:
        return {f.anchor.i for f in self.frames(sent) if f.kind == "speech"}

    def _find_frames(self, sent: Span) -> list[Frame]:
        lex = self.lex
        frames: list[Frame] = []
        for t in sent:
            lem = t.lemma_.lower()
            # "..., the IOM estimates.": a reporting verb the tagger took for a noun still has its subject
            verbal = t.pos_ in ("VERB", "AUX") or (t.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in t.children))
            finite_cite = lem == "cite" and t.tag_ in ("VBD", "VBZ", "VBP") and any(
                c.dep_ == "nsubj" for c in t.children)  # "Trump cited his endorsements from 88 generals"
            if verbal and lem in lex.reporting_verbs and (lem != "cite" or finite_cite):
                if lem in ("put", "give") and not self._reports_figure(t):
                    continue
                if lem in ("record", "register") and self._place_subject(t):
                    continue  # "Al Haouz province has recorded 1,293 deaths": they happened there
                f = self._speech_frame(t)
                if f:
                    frames.append(f)
            elif t.pos_ == "VERB" and lem in lex.classes.speech and _that_clause(t):
                # "the senator charges that donors gave millions": a verb of communication (WordNet) with a
                # "that" clause states the clause, whichever verb the hand list lacks
                f = self._speech_frame(t)
                if f:
                    frames.append(f)
            elif t.pos_ == "VERB" and self._in_statement(t):
                # "MIT laid out the logistics in a statement: ...": what a body does in its statement, it says
                f = self._speech_frame(t)
                if f:
                    frames.append(f)
            elif t.pos_ == "VERB" and (self._reports_figure(t, strict=True) or lem == "value" and any(
                    c.dep_ == "prep" and c.lower_ == "at" for c in t.children) and any(
                    c.dep_ == "nsubj" for c in t.children)):
                # "the JCS raised its casualty estimate to 4,000", "Hyundai Rotem valued its share at $6bn"
                f = self._speech_frame(t)
                if f:
                    frames.append(f)
            elif t.lower_ == "according" and any(c.lower_ == "to" for c in t.children):
                to = next(c for c in t.children if c.lower_ == "to")
                pobj = [c for c in to.children if c.dep_ == "pobj"]
                if pobj:
                    spk = self._speaker(pobj[0]) or self._np_speaker(pobj[0])
                    scope = t.head if t.head.i != t.i else t
                    f = Frame(t, scope, spk, cue=f"according to {pobj[0].text}", kind="according")
                    frames.append(f)
            elif lem == "cite" and t.tag_ == "VBN":
                # "casualties cited by a US official"
                agent = [c for c in t.children if c.dep_ == "agent"]
                if agent:
                    pobj = [c for c in agent[0].children if c.dep_ == "pobj"]
                    if pobj:
                        frames.append(Frame(t, t.head, self._speaker(pobj[0]), cue=f"cited by {pobj[0].text}",
                                            kind="noun"))
            elif t.pos_ in ("NOUN", "PROPN") and lem in lex.report_nouns and (
                    t.dep_ != "pobj" or t.head.lower_ == "to" and t.head.head.lower_ == "according"
                    or _that_clause(t)):
                f = self._noun_frame(t)
                if f:
                    frames.append(f)
        # "citing X" belongs to the nearest frame before it: "Yonhap reported on Friday, citing the NIS".
        for t in sent:
            if t.lower_ != "citing":
                continue
            cited = self._cited(t)
            owners = [f for f in frames if f.anchor.i < t.i and f.kind != "noun"]
            if not owners:
                # "Dmytro Lubinets, citing the headquarters, said ...": the frame whose speaker stands before it
                owners = [f for f in frames if f.anchor.i > t.i and f.kind == "speech"
                          and any(c.dep_ == "nsubj" and c.i < t.i for c in f.anchor.children)]
                owners = owners[:1]
            if cited and owners:
                owner = max(owners, key=lambda f: f.anchor.i) if owners[0].anchor.i < t.i else owners[0]
                owner.cites.extend(c for c in cited if c not in owner.cites)
        if not any(f.speaker for f in frames):
            intro = self._introducer(sent)
            if intro is not None:
                frames.append(intro)
        # A title of the form "Seoul: North Korea sent ..." or "Budanov: ...".
        if sent.start_char < self.title_end:
            colon = [t for t in sent if t.text == ":" and t.i - sent.start <= 5]
            tail = [t for t in sent if t.text == ":" and sent.end - t.i <= 5 and t.i - sent.start > 5]
            if tail:
                words = self.doc[tail[-1].i + 1:sent.end]
                words = words[:-1] if len(words) and words[-1].is_punct else words
                spk = self._speaker(words.root) if len(words) else None
                if spk:
                    frames.append(Frame(words.root, sent.root, spk, cue=words.text, kind="speech"))
            if colon:
                head = self.doc[sent.start:colon[0].i]
                spk = self._speaker(head.root) if self._names_speaker(head.root) else None
                if spk:
                    frames.append(Frame(head.root, sent.root, spk, cue=head.text, kind="speech"))
        # "..., the military said, as reported by Caliber.Az citing AP": an outlet's report hanging off a
        # speech verb relays that speech.
        by_anchor = {f.anchor.i: f for f in frames}
        for f in frames:
            parent = by_anchor.get(f.anchor.head.i)
            if f.kind == "speech" and parent is not None and parent is not f and f.anchor.dep_ in ("advcl", "conj") \
                    and f.speaker and self._is_media(f.speaker) and parent.kind == "speech":
                parent.before = [*f.before, f.speaker, *f.cites, *[b for b in parent.before if b != f.speaker]]
                f.kind = "relay"
        # A report noun that is itself a speaker of a speech verb ("the agency's report said") is that frame.
        speakers = {f.anchor.i for f in frames if f.kind == "noun"} & {
            c.i for f in frames if f.kind == "speech" for c in f.anchor.children if c.dep_ == "nsubj"}
        return [f for f in frames if (f.speaker or f.cites) and f.kind != "relay"
                and not (f.kind == "noun" and f.anchor.i in speakers)]

    def _names_speaker(self, tok: Token) -> bool:
        """A title's words before its colon name who speaks ("UNICEF:", "Malian security sources:") only
        when they are a name or a noun for a speaker; "Analysis:", "Transcript:", "Moscow concert hall
        attack:" label the article's kind or its topic. A name the tagger finds in the title alone, which
        neither the gazetteer nor the body knows ("Explainer:"), is such a label too."""
        m = self.ents.at(tok)
        if m is not None:
            return self.gaz.get(m.id) is not None or any(
                self.doc[x.start].idx >= self.title_end for x in self.ents.by_id.get(m.id, []))
        lem = tok.lemma_.lower()
        return lem in (
            BODY_HEADS | PERSON_ROLES | NON_STATE_GROUPS | GOVERNMENT_WORDS | self.lex.anonymous_heads
            | self.lex.anaphoric_speakers)

    def _in_statement(self, verb: Token) -> bool:
        """The verb's act is done "in a statement", "in its report", "in an update" (a report noun)."""
        return any(c.dep_ == "prep" and c.lower_ == "in" and any(
            p.dep_ == "pobj" and p.lemma_.lower() in self.lex.report_nouns and p.lemma_.lower() not in (
                "number", "figure", "data", "count", "toll", "record") for p in c.children) for c in verb.children)

    def _place_subject(self, verb: Token) -> bool:
        """The verb's subject is a place or a country as such ("the province", "Burundi alone", "the
        region", a noun of a kind of place in WordNet), which records deaths or cases by having them, not by
        counting them."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lemma_.lower() in BODY_HEADS:
            return False
        m = self.ents.at(subj)
        if m is not None:
            return m.kind in ("place", "country")
        return subj.pos_ == "NOUN" and self.lex.classes.is_place(subj.lemma_.lower())

    def _introducer(self, sent: Span) -> Frame | None:
        """A paragraph that ends with a colon and introduces what follows ("The agency set out the package
        in a statement, which read in part:"): its subject, a named body or person, speaks the quote or the
        list after it, whatever the verb."""
        if sent.start_char < self.title_end:
            return None
        text = doc_text(self.doc)
        end = text.find("\n\n", sent.start_char, sent.end_char + 40)
        # the paragraph ends with a colon in this sentence or in a fragment the parser cut off ("... 29 May:")
        if end < 0 or not text[sent.start_char:end].rstrip().endswith(":") or end - sent.end_char > 12:
            return None
        subj = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
        m = self._entity(subj)
        named = m is not None and m.kind in ("body", "organisation", "international", "person", "country", "media")
        if not named and subj.lemma_.lower() not in BODY_HEADS | self.lex.anaphoric_speakers:
            return None  # "the agency", "the ministry": the body named before
        speaker = self._speaker(subj)
        return Frame(sent.root, sent.root, speaker, cue=f"{subj.text} {sent.root.text}:", kind="speech") \
            if speaker else None

    def _doer(self, target: Token) -> Frame | None:
        """"Mark Carney has pledged C$2bn": a named person or body that does what the figure counts, with
        no one else reporting it, is its source when the act is its own statement of the figure (C30): a
        pledge or an announcement, an appeal for money ("the UN launched an appeal for $71m", "WHO is
        asking donors for $10m"), a survey, or a state body's arrests, seizures and recoveries, which it
        counts itself ("customs intercepted 116 tonnes"). "Kim Jong Un has sent troops" is not one."""
        t = _verb_above(target, 4)
        if t is None:
            return None
        for c in t.children:
            if c.dep_ != "nsubj":
                continue
            m = self._entity(c)
            if m is None:
                return None
            ent = self.gaz.get(m.id)
            state_body = m.kind in ("body",) or (ent is not None and ent.kind == "organisation" and "-" in m.id
                                                 and m.id[:3].isupper())
            lem = t.lemma_.lower()
            pledging = self.lex.verb_measures.get(lem) == "pledged" or lem in (
                "announce", "unveil", "approve", "promise", "pledge", "commit", "allocate", "earmark")
            if pledging and (m.kind == "person" or state_body or m.kind == "international"):
                return Frame(t, t, m.id, cue=f"{c.text} {t.text}", kind="speech")
            # the subject itself names the body, not a thing of its ("the UN's appeal seeks $6bn")
            named = self.ents.at(c) is not None and m.kind in ("person", "body", "organisation", "international")
            if named and (lem in ASKING_VERBS or lem in SURVEY_VERBS or _object_lemma(t) == "appeal"):
                return Frame(t, t, self._speaker(c) or m.id, cue=f"{c.text} {t.text}", kind="doer")
            seizing = self.lex.verb_class(lem) == "captured" or lem == "recover"
            if seizing and (state_body or c.lemma_.lower() in BODY_HEADS | GOVERNMENT_WORDS):
                # "Pakistan's Federal Investigation Agency arrested 17", "Greek authorities recovered 82 bodies"
                return Frame(t, t, self._speaker(c) or m.id, cue=f"{c.text} {t.text}", kind="doer")
        return None

    def _name_before(self, verb: Token, floor: int) -> Token | None:
        """The name just before a sentence-final speech verb, past an apposition in commas:
        "..., General Dan Caine, chairman of the Joint Chiefs of Staff, told reporters"."""
        j = verb.i - 1
        if j > floor and self.doc[j].text == ",":
            k = j - 1
            while k > floor and self.doc[k].text != ",":
                k -= 1
            if k > floor and self._is_person_name(self.doc[k + 1:j]):
                return self.doc[j - 1]  # "The mayor of Derna, Abdulmenam al-Ghaithi, told": the aside is the name
            j = k - 1 if k > floor else j - 1
        while j > floor and self.doc[j].pos_ in ("PROPN", "NOUN", "PUNCT") and self.doc[j].text != ",":
            m = self.ents.at(self.doc[j])
            if m and m.kind in ("person", "body", "organisation", "media", "international"):
                return self.doc[m.end - 1]
            j -= 1
        return None

    def _is_person_name(self, words: Span) -> bool:
        """An aside in commas that is a person's name and nothing else: one the entities know as a person,
        or two proper nouns at least that no entity covers ("Jean-Luc Moreau", whom no list knows)."""
        m = self.ents.at(words[-1]) if len(words) else None
        if m is not None:
            return m.kind == "person" and m.start <= words.start
        return len(words) >= 2 and all(t.pos_ == "PROPN" or t.text in "-'’" for t in words) \
            and sum(t.pos_ == "PROPN" for t in words) >= 2

    def _name_near(self, verb: Token, floor: int) -> Token | None:
        """A speech verb whose subject the parser lost: the name among the words before it,
        "..., the country's health minister, Firass Abiad, said". A person first, else a body."""
        window = []
        for j in range(verb.i - 1, max(floor, verb.i - 14), -1):
            t = self.doc[j]
            if t.head.i == verb.i and t.dep_ in ("aux", "neg"):
                continue  # "..., the National Police Service (NPS) has said"
            if t.pos_ in ("VERB", "AUX") or t.text in (";", ":") or t.like_num:
                break
            window.append(t)
        for kinds in (("person",), ("body", "organisation", "media", "international")):
            for t in window:
                m = self.ents.at(t)
                if m is not None and m.kind in kinds:
                    return self.doc[m.end - 1]
        return None

    def _reports_figure(self, verb: Token, strict: bool = False) -> bool:
        """"put the toll at", "gave its losses as", "raised its estimate to": a verb that states a figure."""
        for c in verb.children:
            if c.dep_ in ("dobj",) and (c.lemma_.lower() in self.lex.report_nouns or
                                        any(g.dep_ == "compound" and g.lemma_.lower() in self.lex.report_nouns
                                            for g in c.children)):
                if c.lemma_.lower() in ("estimate", "figure", "tally", "count", "toll", "assessment") or not strict:
                    return True
            if not strict and c.dep_ == "dobj" and c.lemma_.lower() in self.lex.noun_measures:
                return True
            if not strict and c.dep_ == "prep" and c.lower_ in ("at", "as"):
                return True
            # "gave Ukraine's own losses as 45,100 troops killed": "as" opening the figure's clause
            if not strict and any(g.dep_ == "mark" and g.lower_ == "as" for g in c.children):
                return True
        return False

    def _speech_frame(self, verb: Token) -> Frame | None:
        spk_tok = None
        shared = False  # the subject is that of the verb a participle ("saying") hangs on
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        # of two subjects the parser gives a verb, one that names its own source is the subject: "the exit
        # poll conducted by Ipsos for Sky News, the BBC and ITV projects", not "the BBC"
        spk_tok = next((c for c in subjects if _participle_agent(c) is not None), subjects[-1] if subjects else None)
        if spk_tok is None:
            for c in verb.children:
                if c.dep_ == "agent":
                    pobj = [p for p in c.children if p.dep_ == "pobj"]
                    if pobj:
                        spk_tok = pobj[0]
        if spk_tok is None and verb.dep_ in ("conj", "advcl", "xcomp") and verb.tag_ in ("VBG", "VBD", "VBZ", "VB"):
            # "Sobyanin called it ..., writing on Telegram that ...": the subject of the verb it hangs on, or of
            # the first of the verbs that verb is joined to ("Zelensky thanked ... and renewed ..., saying")
            head = verb.head
            while head.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in head.children):
                head = head.head
            for c in head.children:
                if c.dep_ == "nsubj":
                    spk_tok = c
                    shared = verb.tag_ == "VBG"  # a participle's subject is that verb's, whatever stands between
        if spk_tok is None and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.tag_ != "VBN":
            # "Yonhap news agency reported ..." parsed as a modifier; a past participle is passive, its head
            # what was said, not who says it ("the deaths recorded on each route", "traffickers accused of")
            spk_tok = verb.head
        if spk_tok is None and verb.i > verb.sent.start:
            # the parser lost the subject ("..., the National Intelligence Service (NIS) told lawmakers"), also
            # past an aside in commas ("Gov. Josh Green, after walking down Front Street, said")
            floor = max(verb.sent.start, verb.i - 12) - 1
            near = self._name_before(verb, floor) if self.doc[verb.i - 1].text == "," else None
            near = near if near is not None and self._kind_at(near) == "person" else self._name_near(verb, floor)
            if near is not None:
                spk_tok = near
        if spk_tok is None:
            return None
        if _relative(spk_tok) and spk_tok.lower_ != "what" and verb.dep_ == "relcl" and verb.head.pos_ in (
                "NOUN", "PROPN"):
            spk_tok = verb.head  # "the coastguard, which has reported 48 deaths": the relative's antecedent speaks
        elif _relative(spk_tok) or spk_tok.pos_ in ("NUM",):
            return None
        # A headline's subject that holds the figure itself: "100 soldiers killed in Kursk, Seoul's intelligence says"
        if any(t.like_num and not _ancestor_or_self(verb, t) for t in spk_tok.subtree) and spk_tok.i < verb.i:
            prev = self.doc[verb.i - 1]
            spk_tok = prev if prev.pos_ in ("NOUN", "PROPN") else None
            if spk_tok is None:
                return None
        # A sentence-final "..., Gen. Dan Caine told reporters": the name right before the verb speaks.
        # Not a subject that names its own source: "Data published by X, as of 31 December, show".
        if spk_tok.i < verb.i - 1 and any(t.text in (",", ";") for t in self.doc[spk_tok.i:verb.i]) \
                and _participle_agent(spk_tok) is None and not shared:
            near = self._name_before(verb, spk_tok.i)
            if near is not None and not _placed_in(near, spk_tok):
                spk_tok = near
        if _publishers_own(spk_tok, self.ents):
            return None
        if in_dateline(spk_tok):
            near = self._name_before(verb, dateline_end(spk_tok))
            if near is None:
                return None
            spk_tok = near
        if spk_tok.dep_ == "poss" and spk_tok.head.i < verb.i:
            spk_tok = spk_tok.head  # "Ukraine's air force reports": the possessed body speaks
        speaker = self._speaker(spk_tok) or self._np_speaker(spk_tok)
        if speaker is None:
            return None
        if speaker not in self.ents.by_id and spk_tok.tag_ in ("NN", "NNP") and \
                spk_tok.lemma_.lower() not in PERSON_ROLES:
            # a body named only by its words ("the Crotone prefecture") is the "it" of the next sentences too
            self._remember(speaker, "body")
        f = Frame(verb, verb, speaker, cue=f"{spk_tok.text} {verb.text}")
        # "Lawmaker Lee, briefed by the NIS, told reporters": the briefing body is the source
        for c in spk_tok.children:
            if c.dep_ == "acl" and c.lemma_.lower() in ("brief", "inform", "tell"):
                for a in c.children:
                    if a.dep_ == "agent":
                        for p in a.children:
                            inner = self._speaker(p) if p.dep_ == "pobj" else None
                            if inner:
                                f.cites.append(inner)
        if verb.lemma_.lower() == "quote":
            # "Park quoted the agency as saying ...": the quoted one is the speaker, the quoter a relay
            quoted = [c for c in verb.children if c.dep_ == "dobj"]
            if quoted:
                inner = self._speaker(quoted[0]) or self._np_speaker(quoted[0])
                if inner:
                    f.cites.append(inner)
        # "After a briefing from the defence ministry, lawmakers said ...": the briefing's body is the source
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("after", "following", "in"):
                for p in c.children:
                    if p.dep_ == "pobj" and p.lemma_.lower() in ("briefing", "report", "statement", "assessment"):
                        for g in p.children:
                            if g.dep_ == "prep" and g.lower_ in ("from", "by"):
                                inner = next((self._speaker(x) for x in g.children if x.dep_ == "pobj"), None)
                                if inner and inner != speaker and inner not in f.cites:
                                    f.cites.append(inner)
        # "told Reuters", "in an interview with CNN", "speaking to the BBC"
        for c in verb.children:
            if c.dep_ in ("dobj", "dative") and verb.lemma_.lower() in TELL_VERBS:
                m = self._entity(c)
                if m and m.kind == "media":
                    f.before.append(m.id)
            if c.dep_ == "prep" and c.lower_ in ("in", "to", "with"):
                for p in c.subtree:
                    m = self.ents.at(p)
                    if m and m.kind == "media" and p.i - c.i <= 5:
                        f.before.append(m.id)
                        break
        # The words right after the verb, up to the reported clause: "saying in a statement carried by TASS that"
        reported = {t.i for c in verb.children if c.dep_ in ("ccomp", "xcomp") for t in c.subtree}
        for t in self.doc[verb.i + 1:min(verb.i + 13, verb.sent.end)]:
            if t.i in reported or t.lower_ in ("that", ";") or t.like_num:
                break
            m = self.ents.at(t)
            if m and m.kind == "media" and m.id not in f.before and m.id != speaker:
                f.before.append(m.id)
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "NUM") and spk_tok.i != verb.head.i:
            f.scope = verb.head
            if verb.head.pos_ == "NUM" and verb.tag_ == "VBN":
                # "police said the 15 announced by the mayor": the figure is the agent's, whoever tells of it
                f.kind = "noun"
        return f

    def _noun_frame(self, noun: Token) -> Frame | None:
        spk = None
        for c in noun.children:
            if c.dep_ == "poss":
                spk = self._speaker(c)
            elif c.dep_ == "compound" and spk is None and self._kind_at(c) in (
                    "body", "organisation", "international", "media", "person"):
                # "a Daily Ledger report that ...", "a Reuters tally": the name before the noun made it
                spk = self._speaker(c)
            elif c.dep_ == "prep" and c.lower_ in ("by", "from", "of"):
                pobj = [p for p in c.children if p.dep_ == "pobj"]
                if pobj:
                    m = self._entity(pobj[0])
                    if m and (m.kind in ("body", "organisation", "international", "media", "person")
                              or (c.lower_ != "of" and m.kind == "country")):
                        spk = self._speaker(pobj[0])
            elif c.dep_ == "relcl":
                # "the estimate of 3,000 troops that Washington gave last week"
                for g in c.children:
                    if g.dep_ == "nsubj" and g.lower_ not in ("that", "which"):
                        spk = self._speaker(g)
        if spk is None:
            return None
        scope = noun.head if noun.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj") else noun
        if scope.dep_ == "prep":
            scope = scope.head
        if _that_clause(noun):
            scope = noun  # "a report that the firm lost $800 million": the report holds its own clause
        return Frame(noun, scope, spk, cue=noun.text, kind="noun")

    def _cited(self, citing: Token) -> list[str]:
        out = []
        for d in citing.children:
            if d.dep_ in ("dobj", "pobj", "attr", "npadvmod", "nsubj", "conj"):
                spk = self._speaker(d)
                if spk is None and d.lemma_.lower() in self.lex.report_nouns:
                    nf = self._noun_frame(d)
                    spk = nf.speaker if nf else None
                if spk:
                    out.append(spk)
                for cc in d.children:
                    if cc.dep_ == "conj":
                        s2 = self._speaker(cc)
                        if s2:
                            out.append(s2)
        return out

    # -- speakers -------------------------------------------------------------------
    def _entity(self, tok: Token) -> Mention | None:
        m = self.ents.at(tok)
        if m:
            return m
        for c in tok.children:
            if c.dep_ in ("compound", "poss", "amod", "nmod", "appos"):
                m = self.ents.at(c)
                if m:
                    return m
        return None

    def _relays(self, eid: str) -> bool:
        ent = self.gaz.get(eid)
        if ent is not None:
            return ent.kind in RELAY_KINDS
        named = self.ents.by_id.get(eid, [])
        return any(m.kind in RELAY_KINDS for m in named) or (
            eid not in ("anonymous",) and "-" in eid and eid == eid.lower() and not named)

    def _is_media(self, eid: str) -> bool:
        ent = self.gaz.get(eid)
        return bool(ent and ent.kind == "media")

    def _speaker(self, tok: Token) -> str | None:
        """Entity id of the speaker a noun phrase names, its words as written noted for the claim's `names`."""
        eid = self._speaker_id(tok)
        if eid is not None:
            self._named_at[tok.i] = eid
        if eid is not None and eid not in self.words:
            m = self.ents.at(tok)
            if m is not None and m.id == eid:
                self.words[eid] = m.text
            elif eid not in self.ents.by_id:
                phrase = self._phrase(tok)
                if phrase:
                    self.words[eid] = phrase
        return eid

    def written_name(self, eid: str, words: str | None = None) -> str | None:
        """The words that name a speaker in the claim's `names`: where the report first writes the words
        that named it (`words`, else the words noted for it, else its first mention), the whole noun phrase
        around them ("prosecutors" → "German prosecutors")."""
        words = words or self.words.get(eid) or self._words_of(eid)
        if not words:
            return None
        if words not in self._written_names:
            found = words
            # the words as a word of their own, not "UN" inside "FUNDS"
            at = _standing_at(doc_text(self.doc), words)
            span = self.doc.char_span(at, at + len(words), alignment_mode="expand") if at >= 0 else None
            if span is not None and len(span):
                whole = self._written(span.root, span.start, span.end)
                if whole and words in whole:
                    found = whole
            # a name the tagger ran into its acronym's bracket: "the Africa Centres ... (Africa CDC"
            self._written_names[words] = re.sub(r"\s*\([^()]*$", "", found) or found
        return self._written_names[words]

    def _written(self, tok: Token, start: int | None = None, end: int | None = None) -> str | None:
        """A speaker's whole noun phrase as the text writes it, with its determiner and possessor, without
        clauses, appositions or an acronym in brackets: "Britain's National Crime Agency", "the National
        Cyber Security Centre". None where the phrase is long or does not hold the words [start, end)."""
        bounds = self._written_bounds(tok, start, end)
        if bounds is None or bounds[1] - bounds[0] > 10:
            return None
        return tok.doc[bounds[0]:bounds[1]].text

    def _written_bounds(self, tok: Token, start: int | None = None, end: int | None = None) -> tuple[int, int] | None:
        """Where the phrase `_written` gives starts and stops, as token indices [first, stop), however long."""
        doc = tok.doc
        # nor a figure after it ("Georgia 33": a gapped "Georgia [reported] 33"), though a year is part of a
        # name ("Landmine Monitor 2024"); "in" or "on" and a proper name go on with it ("... in Laos"), and so
        # does a name joined inside it ("the UN Office on Drugs and Crime"); a speaker named by a common noun goes
        # on with where it is ("a nurse at the church", "rights groups based in Thailand")
        named_on = {w.i for t in tok.subtree if t.i > tok.i and t.dep_ == "prep" and _names_on(t) for w in t.subtree}
        bracket = min((i for i in named_on if doc[i].text == "("), default=None)
        if bracket is not None:
            named_on = {i for i in named_on if i < bracket}  # "... in Human Rights (CARDH)": not its acronym
        common = tok.pos_ == "NOUN"
        if start is not None and end is not None:
            named_on |= set(range(start, end))  # the words of the name itself: "for UXO/Mine Action"
        stop = next((t.i for t in tok.subtree if t.i > tok.i and t.i not in named_on and (
            t.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj")
            and not (common and t.dep_ == "acl" and _placing(t))
            or t.like_num and not YEAR.fullmatch(t.text)
            or t.dep_ == "prep" and not _names_on(t) and not (common and _places(t)) and (
                t.lower_ not in ("of", "for") or any(w.like_num for w in t.subtree)))),
            tok.right_edge.i + 1)
        stop = _clause_start(doc, tok, stop)
        while stop - 1 > tok.i and doc[stop - 1].dep_ == "case":
            stop -= 1  # "the ministry's update": the ministry, without its "'s"
        first = _phrase_start(tok)
        if start is not None and end is not None and not (first <= start and end <= stop):
            return None
        # the phrase begins after any punctuation before the words: not "(county Office of ...", but a
        # possessive ("The Philippines' Department ...") or a hyphen inside a word ("state-funded") is the name's
        words_start = start if start is not None else tok.i
        first = max([first, *(t.i + 1 for t in doc[first:words_start] if t.is_punct and t.tag_ != "POS"
                              and not (t.text == "-" and _inside_word(t)) or t.is_space)])
        first = _past_descriptor(doc[first:min(tok.i, words_start)], first)
        if any(t.is_space for t in doc[first:stop]):
            return None
        return first, stop

    def _phrase(self, tok: Token) -> str:
        """The words of a speaker's noun phrase, without its clauses and appositions: "the Federal Returning
        Officer", "Polish border guards"."""
        stop = next((t.i for t in tok.subtree if t.i > tok.i and (
            t.dep_ in ("relcl", "acl", "appos", "punct") or t.dep_ == "prep" and not _names_on(t) and (
                t.lower_ not in ("of", "for") or any(w.like_num for w in t.subtree)))),
            tok.right_edge.i + 1)
        stop = _clause_start(tok.doc, tok, stop)
        start = _phrase_start(tok)
        first = _past_descriptor(tok.doc[start:tok.i], start)
        span = tok.doc[first:stop]
        paren = next((t.i for t in span if t.text == "("), stop)
        words: list[str] = []
        for t in tok.doc[first:paren]:
            if t.text == "-" and _inside_word(t) and words:
                words[-1] += "-"  # "militia-run": one word, as written
            elif t.tag_ == "POS" and words:
                words[-1] += t.text  # "The Bahamas' Department": the possessive as written
            elif not t.is_punct and t.dep_ not in ("relcl", "acl", "appos") and not (
                    t.dep_ == "det" and t.i == first):  # "the Channel and the North Sea": inner articles stay
                if words and words[-1].endswith("-"):
                    words[-1] += t.text
                else:
                    words.append(t.text)
        return " ".join(words[:10])

    def _speaker_id(self, tok: Token) -> str | None:
        lex = self.lex
        m = self.ents.at(tok)
        lem = tok.lemma_.lower()
        if m and m.kind != "place":
            known = m.kind != "organisation" or self.gaz.get(m.id) is not None or _is_acronym(m.text)
            return self._remember((None if known else self._acronym_id(tok, m.start, m.end, m.text)) or m.id, m.kind)
        if m and m.kind == "place" and m.country and tok.pos_ == "PROPN":
            return self._remember(m.id, "body")
        if lem in ("he", "she", "i", "it", "they", "we"):
            return self._pronoun_speaker(tok, lem)
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        if (lem in lex.report_nouns or tok.lower_ in lex.report_nouns) and any(
                c.dep_ == "amod" and c.lower_ == "same" for c in tok.children):
            return self._same_report()
        office = self._persons_body(tok)
        if office is not None:
            return office
        owner = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS), None)
        if owner is not None and lem not in PERSON_ROLES:
            # "his team estimates", "its sources said": the team and the sources speak for whom "his" and "its"
            # stand for (not a role: "his spokesman" is someone else)
            found = self._possessor(owner)
            if found is not None:
                return found
        named_after = self._name_after(tok)
        if named_after is not None:
            return named_after  # "the British news agency PA": the name, not "British" plus "agency"
        # "the country's health minister, Firass Abiad, said": the name in apposition speaks
        for c in tok.children:
            if c.dep_ == "appos":
                named = self.ents.at(c) or next((self.ents.at(g) for g in c.subtree if self._kind_at(g) == "person"),
                                                None)
                # a role's apposition is a person even where the tagger took the name for an organisation
                if named is not None and (named.kind == "person" or (
                        lem in PERSON_ROLES and named.kind == "organisation" and c.pos_ == "PROPN"
                        and self.gaz.get(named.id) is None)):
                    return self._remember(named.id, "person")
        # "a South Korean legislator said ...": news names the person in the next paragraph or two
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
        if lem in PERSON_ROLES - {"source", "official", "officer", "analyst", "expert", "member"} and indefinite \
                and not any(self._kind_at(t) == "person" for t in tok.subtree):
            named = self._next_person(tok)
            if named:
                return self._remember(named.id, "person")
        # affiliation of an unnamed speaker: "US officials", "a Pentagon official", "Ukrainian intelligence sources"
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
        preps = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "at", "with")
                 for p in c.children if p.dep_ == "pobj"]
        aff = None
        for c in mods + preps:
            mm = self.ents.at(c) or (self._entity(c) if c.dep_ == "pobj" else None)
            if mm is None and c.dep_ == "poss" and c.lemma_.lower() in ("country", "territory", "nation", "state",
                                                                         "enclave", "region"):
                # "the country's air force": the country last named
                mm = self._last_mention(c.i, ("country", "place"))
                if mm is not None and mm.kind == "place":
                    country = self.gaz.get(mm.country) if mm.country else None
                    mm = Mention(country.id, "country", mm.start, mm.end, mm.text, country.id) if country else None
            if mm and mm.kind in ("body", "organisation", "international", "media"):
                aff = mm
                break
            if mm and mm.kind in ("country", "demonym") and aff is None:
                aff = mm
        if aff is not None and aff.kind in ("country", "demonym"):
            # "South Korean lawmaker Lee", "Ukraine's military intelligence": a body name among the words?
            start = _phrase_start(tok)
            words = " ".join(t.text for t in tok.subtree if t.i not in range(aff.start, aff.end)
                             and t.dep_ not in ("det", "case", "punct", "poss") and start <= t.i <= tok.i
                             and t.lower_ not in ("'s", "’s"))
            body = self.gaz.body(aff.id, words) if words else None
            if body is not None:
                return self._remember(body.id, "body")
            person = next((self.ents.at(c) for c in tok.subtree if self._kind_at(c) == "person"), None)
            if person is not None:
                return self._remember(person.id, "person")
            if tok.pos_ == "PROPN" or lem in NON_STATE_GROUPS:
                # "the Libyan Red Crescent", "Myanmar's ethnic Kokang rebels": named by their country, not it
                name = " ".join(t.text for t in self.doc[start:tok.i + 1]
                                if t.i not in range(aff.start, aff.end) and t.dep_ not in ("det", "case", "punct"))
                if name:
                    acronym = self._acronym_id(tok, start, tok.i + 1, self.doc[start:tok.i + 1].text)
                    return self._remember(acronym or slug(name), "body")
            if lem in BODY_HEADS:
                # "Morocco's interior ministry", "Polish border guards": a state body the gazetteer lacks is
                # that state's body, named by its own words (spec: <ISO3>-<NAME>)
                eid = self._acronym_id(tok, country=aff.id) or f"{aff.id}-{slug(words).upper()}" \
                    if aff.kind == "country" else None
                if eid:
                    self.words.setdefault(eid, words)
                    return self._remember(eid, "body")
            return self._remember(aff.id, "body")
        if aff is not None:
            body = self._body_within(tok, aff)
            return self._remember(body or aff.id, "body")
        if lem in NON_STATE_GROUPS and any(c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" for c in tok.children):
            # "Kokang rebels say": a group named by its own name
            name = _name_of(self.doc[_phrase_start(tok):tok.i + 1])
            return self._remember(slug(name), "body")
        determined = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)
        if determined and lem in BODY_HEADS and tok.pos_ == "NOUN":
            body = self._unnamed_state_body(tok)
            if body is not None:
                own = None if self.gaz.get(body) is not None else self._acronym_id(tok, country=body.split("-")[0])
                return self._remember(own or body, "body")
        if lem in PERSON_ROLES - {"official", "source", "officer", "analyst", "expert", "member"} \
                and not any(c.dep_ in ("poss", "compound", "amod") for c in tok.children):
            # "..., mayor says": the mayor the report names ("the city's mayor, Abdulmenam al-Ghaithi")
            role_holder = self._role_person(lem)
            if role_holder:
                return self._remember(role_holder, "person")
        if determined and (lem in lex.anaphoric_speakers or lem in PERSON_ROLES):
            # "the ministry", "the agency": the last body named so; "the lawmaker": the last person
            named_so = self._named_so_before(tok)
            if named_so is not None:
                return named_so  # "the returning officer" after "the Federal Returning Officer"
            if lem in PERSON_ROLES - {"official", "source"}:
                person = self._last_mention(tok.i, ("person",))
                if person:
                    return person.id
            named = self._last_mention(tok.i, ("body", "organisation", "international"), word=lem)
            if named:
                return self._remember(named.id, "body")
            prev = self._last_speaker.get("body") or self._last_speaker.get("any")
            if prev:
                return prev
        if determined and tok.pos_ == "NOUN":
            named = self._last_mention(tok.i, ("body", "organisation", "international"), word=lem)
            if named:
                return named.id
            named = self._last_mention(tok.i, ("place",), word=lem)
            if named and tok.dep_ in ("nsubj", "poss"):
                # "the county said", "the county's statement" after "Maui County": the place's own authority
                return self._remember(named.id, "body")
            if lem in NON_STATE_GROUPS:
                # "the group said in a statement": the organisation named last
                named = self._last_mention(tok.i, ("organisation",))
                if named:
                    return self._remember(named.id, "body")
            if lem in GOVERNMENT_WORDS:
                local = self._local_government(tok)
                if local is not None:
                    return local
                # the country named nearest to it in the sentence, else the last one before it (taking only
                # countries before it loses datelined reports: "BANGKOK — the military government said")
                sent = tok.sent
                here = [m for m in self.ents.starting_in(sent.start, sent.end) if m.kind == "country"]
                country = min(here, key=lambda m: abs(m.start - tok.i)) if here else self._last_mention(
                    tok.i, ("country",))
                if country:
                    return self._remember(country.id, "body")
        if lem in lex.anonymous_heads and lem in lex.report_nouns and any(
                self._kind_at(t) not in (None, "place") for t in tok.subtree if t.i != tok.i):
            # "figures released by the IOM", "figures the minister gave parliament": whose figures they are
            return self._np_speaker(tok)
        if lem in lex.anonymous_heads:
            qualifiers = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.lower_ not in (
                "senior", "unnamed", "anonymous", "some", "other", "several", "two", "three")]
            if qualifiers and lem in ("authority", "official", "police", "source"):
                return slug(self._phrase(tok))
            return "anonymous"
        if tok.pos_ == "PROPN" or tok.text[:1].isupper() and tok.i != tok.sent.start:
            name = _name_of(self.doc[_phrase_start(tok):tok.i + 1])
            return self._remember(slug(name), "body") if name else None
        return None

    def _acronym_id(self, tok: Token, start: int | None = None, end: int | None = None, words: str | None = None,
                    country: str | None = None) -> str | None:
        """The id of a body no list knows, where the text gives it an acronym: "the Center for Analysis and
        Research in Human Rights (CARDH)" is CARDH, as the spec names such bodies and as the report goes on to
        call it; a state body's is its country's ("Cambodia's mine authority, CMAA," is KHM-CMAA, spec:
        <ISO3>-<ACRONYM>). Its long name (`words`, or the phrase before the acronym) is how the claim names it."""
        bounds = self._written_bounds(tok, start, end)
        if bounds is None:
            return None
        acronym = _own_acronym(tok.doc, *bounds)
        if acronym is None:
            return None
        eid = f"{country}-{acronym.upper()}" if country else acronym.upper()
        self.words.setdefault(eid, words or tok.doc[bounds[0]:bounds[1]].text)
        return eid

    def _persons_body(self, tok: Token) -> str | None:
        """A body a person heads or speaks through, named by its owner: "his ministry", "her office", "the
        commissioner's office", "Smith's charity". The body speaks, not the person (spec: the body is the
        source), and it has no name but these words, which name it in the claim."""
        lem = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or self.ents.at(tok) is not None or not (
                lem in BODY_HEADS or lem in self.lex.classes.organisations):
            return None
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        personal = owner.lower_ in ("his", "her") or self._kind_at(owner) == "person" or (
            owner.pos_ == "NOUN" and owner.lemma_.lower() in PERSON_ROLES)
        if not personal:
            return None
        words = self._written(tok) or self._phrase(tok)
        eid = slug(words)
        if not eid:
            return None
        self.words.setdefault(eid, words)
        return self._remember(eid, "body")

    def _same_report(self) -> str | None:
        """"according to the same data", "the same figures show": the speaker of the last attribution of an
        earlier sentence, whose figures they are (frames are found in text order)."""
        for frames in reversed(self._frames.values()):
            found = next((f.speaker for f in reversed(frames) if f.speaker), None)
            if found is not None:
                return found
        return None

    def _local_government(self, tok: Token) -> str | None:
        """The government of a place below the country: "the Sindh government", "the Moscow region
        authorities" are the province's own, named by their words (spec: anything else is a slug of its
        name), and "the regional government" after them is that one again; not the country's."""
        place = next((m for m in (self.ents.at(t) for t in tok.doc[tok.left_edge.i:tok.i]
                                  if t.dep_ in ("compound", "amod", "nmod"))
                      if m is not None and m.kind == "place"), None)
        if place is None:
            level = any(c.dep_ == "amod" and c.lower_ in LOCAL_LEVELS for c in tok.children)
            return self._last_speaker.get("local") if level else None
        words = self._phrase(tok)
        eid = slug(words)
        if not eid:
            return None
        self.words.setdefault(eid, words)
        self._last_speaker["local"] = eid
        return self._remember(eid, "body")

    def _pronoun_speaker(self, tok: Token, lem: str) -> str | None:
        """Whom a personal pronoun stands for: "he" the person last named, "it" the body that spoke last."""
        if lem in ("he", "she", "i"):
            person = self._subject_person(tok) or self._unquoted_person(tok)
            return person.id if person else self._last_speaker.get("person")
        return self._last_speaker.get("body") or self._last_speaker.get("any")

    def _possessor(self, pronoun: Token) -> str | None:
        """Whom "his", "her", "its" or "their" stands for: a person as "he" does; a body the body that spoke
        last, else the last body named ("Oxfam opened an office. Its staff said ..."), never a person."""
        lem = POSSESSIVE_PRONOUNS[pronoun.lower_]
        if lem in ("he", "she"):
            return self._pronoun_speaker(pronoun, lem)
        named = self._last_mention(pronoun.i, ("body", "organisation", "international", "media"))
        return self._last_speaker.get("body") or (named.id if named is not None else None)

    def _name_after(self, tok: Token) -> str | None:
        """The name a common noun introduces, written right after it with no comma: "the British news agency
        PA", "the Dutch broadcaster NOS", "the rights group Haki Africa". The name is the speaker, not the
        noun with the nationality before it. Not a name that is the subject of a clause of its own ("the
        figures Reuters compiled"), a place, a country or a day."""
        if tok.pos_ != "NOUN" or tok.i + 1 >= tok.sent.end:
            return None
        first = self.doc[tok.i + 1]
        if first.pos_ != "PROPN" or not first.text[:1].isupper() or first.ent_type_ in ("DATE", "TIME"):
            return None
        m = self.ents.at(first)
        if m is not None:
            if m.start != first.i or m.kind in ("place", "country", "demonym"):
                return None
            run = self.doc[m.start:m.end]
        else:
            end = first.i
            while end < tok.sent.end and self.doc[end].pos_ == "PROPN" and self.ents.at(self.doc[end]) is None:
                end += 1
            run = self.doc[first.i:end]
        root = run.root
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.i != tok.head.i:
            return None  # "the figures Reuters compiled": the name speaks in a clause of its own
        if root.dep_ == "poss" or any(t.lower_ in ("'s", "’s") for t in self.doc[run.end:run.end + 1]):
            return None  # "the agency Frontex's figures": the possessor qualifies what follows
        if m is not None:
            return self._remember(m.id, m.kind)
        name = run.text
        self.words.setdefault(slug(name), name)
        return self._remember(slug(name), "body")

    def _body_within(self, tok: Token, aff: Mention) -> str | None:
        """A body the text names inside a larger one: "the European Union's naval mission", "the WHO's
        European office", "the UN Department of Peace Operations", "the Council of the EU". The body that
        is written speaks, not its parent (spec: the parent's id with the body's own words, named as
        written). None for the parent's own head noun ("the UN agency")."""
        lem = tok.lemma_.lower()
        if lem not in BODY_HEADS | {"mission", "operation"} or aff.kind == "media" or self.ents.at(tok):
            return None
        titled = tok.pos_ == "PROPN" and tok.text[:1].isupper()  # "Department", "Council": a name, not a noun
        if aff.end <= tok.i:
            own_tokens = [t for t in self.doc[aff.end:tok.i + 1]
                          if t.dep_ not in ("det", "case", "punct") and t.lower_ not in ("'s", "’s")]
            own = " ".join(t.text for t in own_tokens)
            named_of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" and titled
                        for p in c.children if p.dep_ == "pobj" and p.pos_ == "PROPN"]
            if named_of:
                # "the UN Department of Peace Operations": the whole name
                end = named_of[0].right_edge.i + 1
                while end < tok.sent.end and self.doc[end].pos_ == "PROPN":
                    end += 1  # the parser may leave a name's last word out of it: "of Field Support"
                own = " ".join(t.text for t in self.doc[aff.end:end] if t.dep_ not in ("det", "punct"))
                words = self.doc[aff.start:end].text
            elif own and own != tok.text or lem in ("mission", "operation"):
                words = self.doc[tok.left_edge.i:tok.i + 1].text
            else:
                return None
        elif titled and aff.start > tok.i and self.doc[aff.start - 1].lower_ in ("of", "the"):
            # "the Council of the EU": the head's own words, the parent after "of"
            own = " ".join(t.text for t in self.doc[tok.left_edge.i:tok.i + 1] if t.dep_ not in ("det", "punct"))
            words = self.doc[tok.left_edge.i:aff.end].text
        else:
            return None
        eid = f"{aff.id}-{slug(own).upper()}"
        self.words.setdefault(eid, words)
        return eid

    def _unnamed_state_body(self, tok: Token) -> str | None:
        """"The interior ministry", "the education ministry" with no country named: the body named so
        before ("Morocco's interior ministry"), else that body of the country last named (spec:
        <ISO3>-<NAME>). None for a body head with no words of its own ("the ministry")."""
        own = _own_words(tok, self.ents)
        if not own:
            return None
        words = " ".join(t.text for t in self.doc[own[0].i:tok.i + 1])
        key = slug(words)
        earlier = self._named_so_before(tok)
        if earlier is not None:
            return earlier
        # whose body: the country of the body that spoke last, else the country named last
        countries = [c for c in (self._country_of(self._last_speaker.get("body")),
                                 getattr(self._last_mention(tok.i, ("country",)), "id", None)) if c]
        for country in countries:
            known = self.gaz.body(country, words)  # "the spy agency" of South Korea is its NIS
            if known is not None and known.kind != "country":
                return known.id
        if not countries:
            return None
        eid = f"{countries[0]}-{key.upper()}"
        self.words.setdefault(eid, self.doc[tok.left_edge.i:tok.i + 1].text)
        return eid

    def _named_so_before(self, tok: Token) -> str | None:
        """A definite description that repeats the last words of a speaker's name, "the returning officer"
        after "the Federal Returning Officer", "the interior ministry" after "Morocco's interior ministry":
        that speaker. Only a description with words of its own before its head ("the officer" alone may
        be anyone)."""
        own = _own_words(tok, self.ents)
        if not own:
            return None
        key = slug(" ".join(t.text for t in self.doc[own[0].i:tok.i + 1]))
        for eid, named in self.words.items():
            if named and slug(named).endswith(key):
                return eid
        return None

    def _country_of(self, eid: str | None) -> str | None:
        """The country a body or an official speaks for, as the gazetteer or the id (<ISO3>-...) says."""
        if not eid:
            return None
        ent = self.gaz.get(eid)
        if ent is not None and ent.country:
            return ent.country
        head = eid.split("-", 1)[0]
        found = self.gaz.get(head)
        return head if "-" in eid and found is not None and found.kind == "country" else None

    def _np_speaker(self, tok: Token) -> str | None:
        """A speaker no entity names: "new government data", "a database built by the Post", "one study".
        The body named inside the phrase if there is one, else the phrase's own words."""
        if tok.pos_ not in ("NOUN", "PROPN") or _relative(tok) or tok.lower_ in ("this", "it"):
            return None
        if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT") or any(
                c.dep_ == "det" and c.lower_ in ("each", "every", "both", "either", "neither", "any", "no")
                for c in tok.children):
            return None  # "published on March 27", "each side has accused": nobody in particular
        for p in (p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                  for p in c.children if p.dep_ == "pobj"):
            maker = self._name_after(p)
            if maker is not None:
                return maker  # "a tally by the British news agency PA"
        agent = _participle_agent(tok)
        if agent is not None:
            # "the exit poll conducted by Ipsos for Sky News and the BBC": the poll's maker, not its clients
            found = self._speaker(agent) or self._np_speaker(agent)
            if found is not None:
                return found
        # not a day or a month the tagger took for a name: "a study published on Monday in Nature Medicine"
        # nor a place or a domain the phrase is "for": "the maritime prefecture for the Channel" is the prefecture,
        # nor where it is: "rights groups based in Thailand", "a doctor at the hospital in Rutshuru town"
        common = tok.pos_ == "NOUN"
        domain = {t.i for c in tok.children if c.dep_ == "prep" and (c.lower_ == "for" or common and _places(c))
                  or c.dep_ == "acl" and common and _placing(c) for t in c.subtree}
        inside = [self.ents.at(t) for t in tok.subtree if t.i != tok.i and t.ent_type_ not in ("DATE", "TIME")
                  and t.i not in domain]
        named = [m for m in inside if m is not None and m.kind != "place"]
        if named:
            best = min(named, key=lambda m: self._owner_rank(m))
            if best.kind != "person":
                body = self._body_within(self.doc[best.end - 1].head, best)
                if body is not None:
                    return self._remember(body, "body")  # "data published by the UN Department of ..."
            return self._remember(best.id, "person" if best.kind == "person" else "body")
        lem = tok.lemma_.lower()
        for c in tok.children:
            if c.dep_ == "appos" and c.pos_ == "PROPN":
                # "the regional governor, Ana Ruiz, said": the name in apposition, even one no list knows
                run = [c.doc[c.left_edge.i]]
                while run[-1].i + 1 < len(c.doc) and c.doc[run[-1].i + 1].pos_ == "PROPN":
                    run.append(c.doc[run[-1].i + 1])
                name = " ".join(t.text for t in run if t.pos_ == "PROPN")
                self.words.setdefault(slug(name), name)
                return self._remember(slug(name), "person")
        if lem in self.lex.report_nouns:
            # "the interior ministry's update", "UNHCR's report": whose it is speaks
            owner = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")), None)
            if owner is not None:
                found = self._speaker(owner)
                if found is None and owner.pos_ == "NOUN" and owner.lemma_.lower() in BODY_HEADS:
                    # "the interior ministry's update" in a report that names no country: the body by its words
                    phrase = self._phrase(owner)
                    found = slug(phrase) or None
                    if found:
                        self.words.setdefault(found, self._written(owner) or phrase)
                if found is not None:
                    return found
        written = lem in self.lex.report_nouns or lem in DOCUMENT_NOUNS
        if written or lem in self.lex.anaphoric_speakers:
            # "data published by the UN Department of Peace Operations": the body the phrase names
            for t in tok.subtree:
                if t.pos_ == "PROPN" and t.i > tok.i and t.dep_ == "pobj" and t.ent_type_ not in ("DATE", "TIME"):
                    name = self._phrase(t)
                    eid = slug(name)
                    self.words.setdefault(eid, name)
                    return self._remember(eid, "body")
            # "its statement", "the figures", "the table below": whoever spoke last
            if any(c.dep_ in ("det", "poss") for c in tok.children):
                prev = self._last_speaker.get("body") or self._last_speaker.get("any")
                if prev:
                    return prev
        words = [c.text for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i
                 and c.lower_ not in ("new", "latest", "recent", "other", "same", "such")] + [tok.text]
        found = slug(" ".join(words)) or None
        if found:
            self.words.setdefault(found, self._phrase(tok) or " ".join(words))
        return found

    def _owner_rank(self, m: Mention) -> tuple[int, int]:
        """How plainly a name inside a report's phrase is whose report it is: a body or person before a
        country or nationality ("a tally by the Spanish news agency EFE" is EFE's), and the name the
        phrase's preposition governs before a possessor that qualifies it ("a count by the UN's migration
        agency IOM" is the IOM's, not the UN's); else the first named."""
        national = m.kind in ("country", "demonym")
        qualifier = self.doc[m.end - 1].dep_ in ("poss", "case") or self.doc[m.end - 1].lower_ in ("'s", "’s")
        return (national, qualifier)

    def _role_person(self, role: str) -> str | None:
        """The person the report names in a role: "the city's mayor, X", "Mayor X", "X, the mayor"
        (the whole document's answer, found once per role)."""
        if role not in self._role_holders:
            self._role_holders[role] = self._find_role_person(role)
        return self._role_holders[role]

    def _find_role_person(self, role: str) -> str | None:
        for t in self.doc:
            if t.lemma_.lower() != role:
                continue
            for c in [*t.children, t.head]:
                m = self.ents.at(c)
                if m is not None and m.kind == "person" and (c.dep_ in ("appos", "compound") or t.dep_ in (
                        "appos", "compound")):
                    return m.id
        return None

    def _kind_at(self, tok: Token) -> str | None:
        m = self.ents.at(tok)
        return m.kind if m is not None else None

    def _next_person(self, tok: Token) -> Mention | None:
        sents = self._sentence_list()
        here = self._sentence_index(tok.i)
        window_end = sents[min(here + 2, len(sents) - 1)].end
        for m in self.ents.starting_after(tok.i):
            if m.start >= window_end:
                break
            if m.kind == "person" and " " in m.text.strip():
                return m
        return None

    def _subject_person(self, pronoun: Token) -> Mention | None:
        """The person a "he" or "she" most likely is: the last person who is the subject of a clause in
        its sentence or the one before ("Khadija Adam reached Adre in June ... she said"), where the
        nearest person mention may be a place the tagger took for a name."""
        sent = pronoun.sent
        start = self.doc[sent.start - 1].sent.start if sent.start else sent.start
        found = None
        for m in self.ents.starting_in(start, pronoun.i):
            if m.kind == "person" and self.doc[m.end - 1].dep_ in ("nsubj", "nsubjpass") and \
                    not self._quoted_apart(m, pronoun):
                if found is None or m.start > found.start:
                    found = m
        return found

    def _unquoted_person(self, pronoun: Token) -> Mention | None:
        """The last person named before a "he" or "she", past the people a quote names: in "Lee went on:
        'The left says Kim is a liar.' He concluded: ..." he is Lee, whose words named Kim (a few
        mentions back at most)."""
        m = self._last_mention(pronoun.i, ("person",))
        for _ in range(6):
            if m is None or not self._quoted_apart(m, pronoun):
                return m
            m = self._last_mention(m.start, ("person",))
        return m

    def _quoted_apart(self, m: Mention, pronoun: Token) -> bool:
        """The mention stands inside a quotation that does not also hold the pronoun."""
        if self._quotes is None:
            self._quotes = [(q.start, q.end) for q in quote_spans(doc_text(self.doc))]
            self._quote_starts = [q[0] for q in self._quotes]
        k = bisect_right(self._quote_starts, self.doc[m.start].idx) - 1
        if k < 0 or self.doc[m.start].idx >= self._quotes[k][1]:
            return False
        return not self._quotes[k][0] <= pronoun.idx < self._quotes[k][1]

    def _last_mention(self, before: int, kinds: tuple[str, ...], word: str | None = None) -> Mention | None:
        return self.ents.last_before(before, kinds, word)

    def _remember(self, eid: str, kind: str) -> str:
        if self._is_publisher(eid) or self._is_media(eid) or eid == "anonymous":
            return eid
        bucket = "person" if kind == "person" else "body"
        self._last_speaker[bucket] = eid
        self._last_speaker["any"] = eid
        return eid

    # -- chains ---------------------------------------------------------------------
    def _covers(self, f: Frame, num: Token, target: Token) -> bool:
        if _ancestor_or_self(f.scope, num) or _ancestor_or_self(f.scope, target):
            return True
        if f.kind == "noun":
            return False
        # A sentence-final attribution covers what comes before it: "..., the ministry said, AFP reported."
        if f.anchor.i > num.i and (f.kind == "according" or f.anchor.dep_ in ("ROOT", "parataxis", "ccomp", "conj")):
            between = self.doc[num.i:f.anchor.i]
            if any(t.text == ";" for t in between):
                return False
            # "..., and the Pentagon announced ...": a clause of its own, joined by "and", speaks for itself
            return not (f.anchor.dep_ == "conj" and any(_opens_clause_of(t, f.anchor) for t in between))
        return False

    def _told_within(self, f: Frame, holding: list[Frame]) -> bool:
        """The frame stands in what another speaker says, and its own speaker is no one the report names,
        only a thing of the story: "The governor said the port had put 300 tents at the depot", "The union
        said the walkout put 4,000 jobs at risk": what the port or the walkout "put" is the governor's and
        the union's figure. A body the report names keeps its frame ("Lee said the NIS counted 500 dead":
        a named source the speaker passes on), and so does a noun for people or a body ("investigators
        believe", "the consulate told the family"), which may be a source the speaker passes on unnamed."""
        if f.kind != "speech" or self._named_speaker(f.speaker) or self._could_speak(f.anchor):
            return False
        return any(g is not f and g.kind == "speech" and g.speaker and g.speaker != f.speaker and any(
            c.dep_ == "ccomp" and _ancestor_or_self(c, f.anchor) for c in g.anchor.children) for g in holding)

    def _could_speak(self, verb: Token) -> bool:
        """The verb's subject is a word for someone who can state a figure: a pronoun, a noun for people
        or for a body, an organisation (WordNet), not a place, a thing or an event ("the port", "the
        walkout", "the new shelter")."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ == "PRON":
            return True
        lem = subj.lemma_.lower()
        return lem in (BODY_HEADS | PERSON_ROLES | GOVERNMENT_WORDS | NON_STATE_GROUPS | self.lex.anonymous_heads
                       | self.lex.anaphoric_speakers | self.lex.classes.organisations) \
            or self.lex.classes.category(lem) in ("people", "personnel")

    def _gapped(self, num: Token, frames: list[Frame]) -> Frame | None:
        """A second speaker whose verb is gapped: "The ministry spoke of 1.1 million, the union of 3.5
        million"; "Police put the crowd at 107,000, the organisers at 300,000"."""
        doc = num.doc
        j = num.i - 1
        while j > num.sent.start and (doc[j].like_num or doc[j].lower_ in GAP_HEDGES):
            j -= 1
        if j <= num.sent.start:
            return None
        if doc[j].lower_ not in ("of", "at"):
            return self._gapped_report(doc[j], frames)
        head = doc[j - 1]
        if head.pos_ not in ("NOUN", "PROPN") or not (j - 4 <= head.left_edge.i):
            return None
        k = head.left_edge.i - 1
        if k <= num.sent.start or doc[k].text not in (",", ";"):
            return None
        speech = [f for f in frames if f.kind == "speech" and f.anchor.i < k
                  and any(c.dep_ == "prep" and c.lower_ == doc[j].lower_ for c in f.anchor.children)]
        if not speech:
            return None
        speaker = self._speaker(head) or self._np_speaker(head)
        return Frame(head, head, speaker, cue=f"{head.text} (the verb of {speech[0].cue!r} gapped)") \
            if speaker else None

    def _gapped_report(self, name: Token, frames: list[Frame]) -> Frame | None:
        """A name right before a figure, after a comma or "and", when the verb that reported the figure
        before it is gapped: "Officials in Kenya have reported 21 cases, Uganda 14 and Tanzania three" →
        Uganda, Tanzania. Only a name the text knows as a place, country or body, after a speech verb whose
        object is a figure."""
        m = self.ents.at(name)
        if m is None or m.kind not in ("place", "country", "body", "organisation") or name.i + 1 != m.end:
            return None
        before = self.doc[m.start - 1] if m.start > name.sent.start else None
        if before is None or before.lower_ not in (",", "and"):
            return None
        speech = [f for f in frames if f.kind == "speech" and f.anchor.i < m.start and any(
            c.dep_ == "dobj" and any(g.like_num for g in c.subtree) for c in f.anchor.children)]
        if not speech:
            return None
        speaker = self._speaker(name)
        return Frame(name, name, speaker, cue=f"{name.text} (the verb of {speech[0].cue!r} gapped)") \
            if speaker else None

    def chain_for(self, num: Token, noun: Token | None, start: int, anaphoric: bool = False) -> Chain:
        """`anaphoric`: the figure counts a part of what was counted just before ("Of those, 43 million were
        refugees"); with no frame of its own it is in the voice of the figure it refers back to."""
        sent = num.sent
        if self._our_count(num):
            # "by our count, ... at least 17": the publisher's own count (C30), whoever spoke before
            if self.trace is not None:
                self.trace.source.append([])
            self._chains.append((len(self._chains), [], False))
            self._last_holding = []
            return Chain(None, [], "", [], False)
        row = self._row_frames(num, self.frames(sent))
        frames = self.frames(sent) if row is None else row
        target = noun if noun is not None else num
        holding = [f for f in frames if self._covers(f, num, target)]
        holding = [f for f in holding if not self._told_within(f, holding)]
        gapped = self._gapped(num, frames)
        if gapped is not None:
            holding = [gapped]
        lent = self.layout().covering(num.idx)
        turn = lent if lent is not None and lent.kind == "label" else None
        if not holding and anaphoric and self._last_holding and turn is self._last_turn:
            # "Of those, ..." refers back within one speaker's turn: an answer's "About 400 of them" is the
            # answering speaker's, whoever the question quoted
            holding = list(self._last_holding)
        self._last_turn = turn
        if not holding and row and (lent is None or lent.kind == "list"):
            # a row's own attribution, wherever the parse hangs it, before the list's lead-in: "- £1.9bn:
            # the CMC's estimate of ..." (a source in brackets closing the row is the row's label)
            holding = [min(row, key=lambda f: (f.kind == "noun", _depth(f.anchor)))]
        relayed_by: Frame | None = None  # the speaker of a quote or a turn who passes on a body's figure
        if lent is not None and lent.kind == "label":
            # past the source in brackets that closes a list line, the line speaks of something else ("900
            # (defence office); the militia gives no figure")
            holding = [f for f in holding if f.anchor.idx < lent.end]
        asked_by = self._asking_outlet(lent)
        if asked_by is not None and lent is not None and not holding:
            # a question's figure with no attribution of its own repeats what the one questioned said
            answered = self._answering_turn(lent)
            holding = [answered] if answered is not None else []
        if lent is not None:
            # inside a quote, names and verbs are the speaker's own words, not who attributes them
            # and in a speaker's turn of a transcript, "we" and "our figures" are the speaker's ("BECKER: We
            # have confirmed that 12 ...": a named person who states a figure is its source)
            own = [f for f in holding if not (lent.kind == "quote" and lent.start <= f.anchor.idx < lent.end)
                   and not (lent.kind == "label" and _first_person(f))]
            if not own:
                outer = self._lent_frame(lent)
                cited = self._cited_within(holding, outer, num) if lent.kind == "quote" else []
                holding = [outer, *cited] if outer is not None else own
                relayed_by = outer if cited else None
            elif lent.kind == "label":
                # a speaker's turn that names another's figure passes it on: "WELLS: The coastguard told us
                # that 12 died" is the coastguard's, through Wells (spec: a named person who passes on a
                # body's figure is in `via`)
                outer = self._lent_frame(lent)
                if outer is not None and outer.speaker and all(f.speaker != outer.speaker for f in own):
                    holding = [outer, *own]
                    relayed_by = outer
            elif lent.kind == "quote":
                # a speaker's quote may cite a body it names ('"The ministry told us 500 died," Lee said'), but
                # a thing it speaks of is a figure of speech: '"This hall tells the story of 3,000 miners,"
                # she said' is hers
                holding = [f for f in holding if f in own or self._named_speaker(f.speaker)]
        if not holding:
            top = [f for f in frames if f.kind in ("speech", "according") and f.anchor.i != num.i
                   and not _side_clause(f.anchor)
                   and not any(t.text == ";" or _opens_clause_of(t, f.anchor)
                               for t in self.doc[min(num.i, f.anchor.i):max(num.i, f.anchor.i)])]
            if top:
                holding = [min(top, key=lambda f: _depth(f.anchor))]
        if not holding:
            doer = self._doer(target)
            if doer is not None:
                holding = [doer]
        if not holding and start >= self.title_end:
            went_on = self._goes_on(num) or self._entry_below(num) or self._heading_below(num)
            if went_on is not None:
                holding = [went_on]
        if not holding and start >= self.title_end and (self.model is not None or self.trace is not None):
            chosen = self._continuation(num)
            if chosen is not None:
                holding = [chosen]
        elif self.trace is not None:
            self.trace.source.append([])
        if not holding and start >= self.title_end:
            intro = self._data_intro()
            if intro is not None and intro.anchor.i < num.i:
                holding = [intro]
        # Outermost first: attributions after the figure from the last back, then those before it in order,
        # then report nouns ("the NIS's figures"), which stand nearest the figure.
        # A frame inside another's reported clause is nearer the source: "Bloomberg reports that ..., according
        # to the Roper Center": the Center is Bloomberg's source.
        nested = {f.anchor.i for f in holding for g in holding
                  if g is not f and g.kind == "speech" and f.kind == "according" and f.anchor.i > g.anchor.i
                  and not (f.speaker and self._is_media(f.speaker))  # "..., according to Reuters" relays
                  and any(_ancestor_or_self(c, f.anchor) for c in g.anchor.children if c.dep_ == "ccomp")}
        after = sorted((f for f in holding if f.kind != "noun" and f.anchor.i > num.i and f.anchor.i not in nested),
                       key=lambda f: -f.anchor.i)
        before = sorted((f for f in holding if f.kind != "noun" and f.anchor.i <= num.i), key=lambda f: f.anchor.i)
        before += [f for f in holding if f.anchor.i in nested]
        nouns = sorted((f for f in holding if f.kind == "noun"), key=lambda f: -_depth(f.scope))[:1]
        ordered = after + before + nouns
        # The publisher's own report ("Ukrinform, citing Reuters, reports that ...") is nearest the publisher
        # whatever the parse hangs inside it: its frame goes first, and a lead's relay is found from it.
        ordered.sort(key=lambda f: not self._is_publisher(f.speaker))
        if relayed_by is not None:
            ordered = [relayed_by, *(f for f in ordered if f is not relayed_by)]
        if asked_by is not None and ordered and asked_by not in ordered[0].links():
            # "QUESTION (AFP): ... 700 dead ...": the outlet that asks passes the figure on
            ordered = [Frame(ordered[0].anchor, ordered[0].scope, None, before=[asked_by], cue="question"), *ordered]
        links: list[str] = []
        for f in ordered:
            for link in f.links():
                if link not in links:
                    links.append(link)
        lead_links = list(links)
        links = [x for x in links if not self._is_publisher(x)]
        if len(links) > 1:
            links = [x for x in links[:-1] if self._relays(x)] + links[-1:]
        in_title = start < self.title_end
        # A lead that credits a wire for the whole article: "as reported by Caliber.Az citing AP".
        if not self._lead_done and not in_title and ordered:
            self._lead_done = True
            lead = self._lead_frame()
            if self._credits_wire(lead_links):
                self.doc_relays = [lead_links[1]] + [r for r in self.doc_relays if r != lead_links[1]]
                if len(lead_links) >= 3:
                    self.lead_source = lead_links[-1]
            elif lead is not None and self._credits_wire(lead.links()):
                # a lead with no figure of its own ("Le Nouvelliste, citing AFP, reports that ...") credits the
                # wire all the same
                self.doc_relays = [lead.links()[1]] + [r for r in self.doc_relays if r != lead.links()[1]]
        said = self._speaking_words(ordered, links[-1]) if links else None
        if said is not None:
            self._said_as[len(self._chains)] = said
        self._chains.append((len(self._chains), links, bool(links)))
        self._last_holding = ordered
        if not links:
            return Chain(None, [], "", [], False, frames=ordered)
        cue = "; ".join(f.cue for f in ordered if f.cue)
        return Chain(links[-1], links[:-1], cue, links, True, frames=ordered)

    def _speaking_words(self, ordered: list[Frame], source: str) -> str | None:
        """The words that name the source in the frame that states this figure: the claim's `names` gives the
        name under which the figure was stated ("The European Commission said ...", "the ministry said ..."),
        not the one under which the report first named the source ("the EU", "Poland's defence ministry").
        A mention of the source gives its whole name; a noun phrase that stands for it gives its words."""
        f = next((f for f in reversed(ordered) if f.speaker == source), None)
        if f is None:
            return None
        sent = f.anchor.sent
        at = [i for i in range(sent.start, sent.end) if self._named_at.get(i) == source]
        if not at:
            return None
        tok = self.doc[min(at, key=lambda i: abs(i - f.anchor.i))]
        m = self.ents.at(tok)
        if m is not None and m.id != source and m.text == self.words.get(source):
            m = Mention(source, m.kind, m.start, m.end, m.text, m.country)  # a long name known by its acronym
        if m is None or m.id != source:
            # a speaker named by a noun phrase, not a name: "the transport ministry says", "Interior Ministry
            # officials told AP": those words, which name it where this figure is stated; not a report or a
            # document ("the key figures below are from the agency", "the same data"), which names what is
            # said, nor what its owner speaks through ("its staff said", "her team estimates")
            reported = {tok.lemma_.lower(), tok.lower_} & (self.lex.report_nouns | DOCUMENT_NOUNS)
            owned = any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in tok.children)
            return self._written(tok) if tok.pos_ == "NOUN" and not reported and not owned else None
        head = tok
        while head.dep_ in ("compound", "amod", "nmod") and head.head.i > head.i and (
                head.head.pos_ == "PROPN" or head.head.lemma_.lower() in BODY_HEADS):
            head = head.head  # "UN" in "the UN Office on Drugs and Crime": the whole name, not "UN figures"
        return self._written(head, m.start, m.end) or m.text  # "Paris police", not "police"

    def _cited_within(self, frames: list[Frame], outer: Frame | None, num: Token) -> list[Frame]:
        """The frames inside a speaker's words that name someone else as the figure's source: a person or
        body the report or the gazetteer knows, not "we" or "I" (the speaker), not the speaker again, nor
        those the figure counts ("four countries, Burundi among them, have reported cases")."""
        if outer is None or not outer.speaker:
            return []
        return [f for f in frames if f.speaker and f.speaker != outer.speaker and not _first_person(f)
                and self._named_speaker(f.speaker) and not any(
                    c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i <= num.i <= c.right_edge.i
                    for c in f.anchor.children)]

    def _named_speaker(self, eid: str | None) -> bool:
        """The id is of a person or body the report or the gazetteer names, or an unnamed official."""
        return eid is not None and (eid in self.ents.by_id or self.gaz.get(eid) is not None or eid == "anonymous")

    def _our_count(self, num: Token) -> bool:
        """The figure's clause is the publisher's own reckoning: "by our count", "by our tally" (outside a
        quote, where "our" is the speaker's)."""
        for t in num.sent:
            if t.lower_ == "by" and t.dep_ == "prep" and _ancestor_or_self(t.head, num) and any(
                    p.dep_ == "pobj" and p.lemma_.lower() in self.lex.report_nouns
                    and any(c.dep_ == "poss" and c.lower_ == "our" for c in p.children) for p in t.children):
                lent = self.layout().covering(num.idx)
                return lent is None or lent.kind != "quote"
        return False

    def _row_frames(self, num: Token, frames: list[Frame]) -> list[Frame] | None:
        """The frames on the figure's own line when that line is a list item or a table row of a longer
        sentence (None when it is not): the parser runs rows that end with no full stop into one sentence,
        but each row speaks for itself ("- 430,000: customers whose records were taken, the store said
        ¶ - 4: people arrested by ...")."""
        sent = num.sent
        text = doc_text(self.doc)
        # a line's list mark may stand in a sentence of its own ("-" ¶ "£1.9bn: ..."): a few characters back
        newline = text.rfind("\n", max(0, sent.start_char - 4), num.idx)
        start = sent.start_char if newline < 0 else newline + 1
        end = text.find("\n", num.idx, sent.end_char)
        end = sent.end_char if end < 0 else end
        if (start, end) == (sent.start_char, sent.end_char):
            return None
        line = text[start:end]
        if not (LIST_ITEM.match(line) or TABLE_ROW.search(line)):
            return None
        return [f for f in frames if start <= f.anchor.idx < end]

    # -- a figure no frame of its sentence covers ------------------------------------
    def _continuation(self, num: Token) -> Frame | None:
        """Whose voice a figure with no frame of its own is in: the last speaker before it, the report's
        lead speaker, or nobody's (the publisher's own voice). The rules cannot list when a speaker goes
        on speaking, so the decision model weighs the candidates; without a model it is nobody's."""
        sents = self._sentence_list()
        here = self._sentence_index(num.i)
        layout = self.layout()
        para = layout.paragraph(num.idx)
        sent = sents[here]
        context = self._context_features(sent, para, layout)
        candidates: list[tuple[Frame | None, Features]] = [(None, {f"null:{k}": v for k, v in context.items()})]
        recent = None
        for k in range(here - 1, max(-1, here - 9), -1):
            if sents[k].start_char < self.title_end:
                break
            fs = [f for f in self.frames(sents[k]) if f.speaker]
            if fs:
                recent = (max(fs, key=lambda f: f.anchor.i), here - k)
                break
        lead = self._lead_frame()
        if lead is not None and self._sentence_index(lead.anchor.i) >= here:
            lead = None
        if recent is not None:
            f, dist = recent
            feats = self._candidate_features("recent", f, dist, para - layout.paragraph(f.anchor.idx), context)
            if lead is not None and lead.speaker == f.speaker:
                feats["recent:is_lead"] = 1.0
            candidates.append((f, feats))
        if lead is not None and (recent is None or lead.speaker != recent[0].speaker):
            dist = here - self._sentence_index(lead.anchor.i)
            candidates.append((lead, self._candidate_features("lead", lead, dist,
                                                              para - layout.paragraph(lead.anchor.idx), context)))
        title = self._title_frame()
        if title is not None and title.speaker not in {c[0].speaker for c in candidates if c[0] is not None}:
            candidates.append((title, self._candidate_features("title", title, here, para, context)))
        doer = self._subject_frame(num)
        if doer is not None and doer.speaker not in {c[0].speaker for c in candidates if c[0] is not None}:
            feats = self._candidate_features("subject", doer, 0, 0, context)
            feats[f"subject:verb_class={self.lex.verb_class(doer.anchor.lemma_.lower()) or '-'}"] = 1.0
            candidates.append((doer, feats))
        if self.trace is not None:
            self.trace.source.append([(feats, f.speaker if f else None, self._words_of(f.speaker) if f else None)
                                      for f, feats in candidates])
        if self.model is None:
            return None
        best = max(candidates, key=lambda c: self.model.probability(c[1]) if self.model else 0.0)
        return best[0]

    def _goes_on(self, num: Token) -> Frame | None:
        """A figure in a sentence with no frame of its own, in a paragraph whose earlier sentence has one
        ("Data published by UNHCR showed that 2 million had left. More than half of them, 1.2 million, had
        entered Poland."): the speaker goes on while the paragraph goes on reporting. It stops at a sentence
        that names a speaker of its own, and at the publisher's own narration of events; and it goes on
        only from a frame that opens its paragraph with a figure (past a live blog's time stamp), or into a
        sentence whose subject points back to the speaker ("It also advanced ...") or to the figures before
        ("Of those, ..."). Past events go on in the speaker's voice only right after an opening sentence that
        closes on its speaker ("More than 43,000 had arrived by boat, the ministry said. Some 32,000 were
        housed in hotels."): a speaker named earlier leaves the events to the publisher."""
        sents = self._sentence_list()
        here = self._sentence_index(num.i)
        sent = sents[here]
        if any(f.speaker for f in self.frames(sent)):
            return None
        layout = self.layout()
        para = layout.paragraph(num.idx)
        narrates = self._narrates(sent)
        for k in range(here - 1, max(-1, here - 5), -1):
            if sents[k].start_char < self.title_end or layout.paragraph(sents[k][0].idx) != para:
                return None
            fs = [f for f in self.frames(sents[k]) if f.speaker and f.kind in ("speech", "according", "noun")]
            if fs:
                # a paragraph that opens on a speaker's figures is in that speaker's voice
                opens = _opens_paragraph(layout.text[layout.body_start(para):sents[k].start_char]) and any(
                    t.like_num for t in sents[k])
                last = max(fs, key=lambda f: f.anchor.i)
                if narrates and not (opens and k == here - 1 and _trailing(last, sents[k])):
                    return None
                return last if opens or _points_back(sent) else None
            if self._narrates(sents[k]):
                return None
        return None

    def _entry_below(self, num: Token) -> Frame | None:
        """A figure in a live blog's time-stamped heading ("12:30 - 1,200 dead") takes the attribution of
        the entry's first sentence below it, as a title's figure takes the body's."""
        layout = self.layout()
        para = layout.paragraph(num.idx)
        if not layout.paragraphs[para] <= num.idx < layout.body_start(para):
            return None
        sents = self._sentence_list()
        here = self._sentence_index(num.i)
        if here + 1 >= len(sents) or layout.paragraph(sents[here + 1].start_char) != para:
            return None
        return self._first_speaker(sents[here + 1])

    def _heading_below(self, num: Token) -> Frame | None:
        """A figure in a heading line of the body (a digest's "CONGO: TOLL RISES TO 94", a live blog's "09:40 -
        Seven hostages freed") with no attribution of its own is in the voice of the text it heads, as a
        title's figure is in the body's: the first attribution of the sentence below it. `finish` puts the
        body's attribution of the same figure in its place where the section under the heading has one."""
        if self._headings is None:
            self._headings = heading_spans(doc_text(self.doc), self.title_end)
        k = bisect_right(self._headings, (num.idx, len(doc_text(self.doc)))) - 1
        if k < 0 or not self._headings[k][0] <= num.idx < self._headings[k][1]:
            return None
        section_end = self._headings[k + 1][0] if k + 1 < len(self._headings) else len(doc_text(self.doc))
        self._headed[len(self._chains)] = (self._headings[k][1], section_end)
        sents = self._sentence_list()
        below = next((s_ for s_ in sents[self._sentence_index(num.i) + 1:] if s_.start_char >= self._headings[k][1]),
                     None)
        if below is None or below.start_char >= section_end:
            return None
        return self._first_speaker(below)

    def _first_speaker(self, sent: Span) -> Frame | None:
        """The sentence's first attribution to a speaker ("X said", "according to X"), else None."""
        return next((f for f in self.frames(sent) if f.speaker and f.kind in ("speech", "according")), None)

    def _narrates(self, sent: Span) -> bool:
        """A sentence in the simple past with a subject of its own ("The Pentagon sent 1,000 soldiers",
        "Two ships sank", "The carrier was hijacked"): the publisher telling events, not a speaker's
        figures, which come as states and totals ("have been injured", "accounts for") or in the
        reported past ("had entered")."""
        root = sent.root
        aux = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
        past = root.tag_ == "VBD" or (root.tag_ == "VBN" and bool(aux) and all(a.tag_ == "VBD" and a.lemma_ == "be"
                                                                                for a in aux))
        return past and not _points_back(sent)

    def _data_intro(self) -> Frame | None:
        """An explainer's lead that names where all its figures come from, with no figure of its own: "Here
        is what the figures published by the returning officer tell us", "The data, compiled by the
        ministry, show a grim year". The body's figures that no one else speaks for are that maker's. Only a
        frame whose subject is a report noun with its maker named (a "by" agent or a possessor), in the
        first two paragraphs after the title (found once)."""
        if "intro" not in self._found:
            self._found["intro"] = None
            layout = self.layout()
            first = next((s_ for s_ in self._sentence_list() if s_.start_char >= self.title_end), None)
            last_para = layout.paragraph(first.start_char) + 1 if first is not None else -1
            for sent in self._sentence_list():
                if sent.start_char < self.title_end:
                    continue
                if layout.paragraph(sent.start_char) > last_para:
                    break
                if any(t.like_num and not YEAR.fullmatch(t.text) for t in sent):
                    continue
                found = next((f for f in self.frames(sent) if f.kind == "speech" and f.speaker
                              and self._made_by(f.anchor)), None)
                if found is not None:
                    self._found["intro"] = found
                    break
        return self._found["intro"]

    def _made_by(self, verb: Token) -> bool:
        """The verb's subject is a report noun whose maker the phrase names: "the figures published by X",
        "the ministry's data"."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return subj is not None and subj.lemma_.lower() in self.lex.report_nouns and (
            _participle_agent(subj) is not None or any(c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")
                                                       for c in subj.children))

    def _credits_wire(self, links: list[str]) -> bool:
        """The links start with the publisher reporting what a wire says: "X reports, citing AP, ..."."""
        return len(links) >= 2 and self._is_publisher(links[0]) and self._is_media(links[1])

    def _lead_frame(self) -> Frame | None:
        """The first frame with a speaker after the title: the report's lead speaker (found once)."""
        if "lead" not in self._found:
            self._found["lead"] = next((f for s_ in self._sentence_list() if s_.start_char >= self.title_end
                                        for f in self.frames(s_) if f.speaker), None)
        return self._found["lead"]

    def _title_frame(self) -> Frame | None:
        """The first frame with a speaker in the title (found once)."""
        if "title" not in self._found:
            self._found["title"] = next((f for s_ in self._sentence_list() if s_.start_char < self.title_end
                                         for f in self.frames(s_) if f.speaker), None)
        return self._found["title"]

    def _subject_frame(self, num: Token) -> Frame | None:
        """The body, person or state doing what the figure counts ("forensic teams have identified 58",
        "Greek authorities recovered 82 bodies"): a candidate source where no one reports the figure."""
        t = _verb_above(num, 6)
        if t is None:
            return None
        for c in t.children:
            if c.dep_ in ("nsubj", "agent"):
                tok = c if c.dep_ == "nsubj" else next((p for p in c.children if p.dep_ == "pobj"), None)
                if tok is None or tok.i <= num.i <= tok.right_edge.i:
                    return None
                m = self._entity(tok)
                if m is None or m.kind == "place":
                    return None
                return Frame(t, t, self._speaker(tok), cue=f"{tok.text} {t.text}", kind="doer")
        return None

    def _sentence_list(self) -> list[Span]:
        if self._sents is None:
            self._sents = list(self.doc.sents)
            self._sent_starts = [s.start for s in self._sents]
        return self._sents

    def _sentence_index(self, i: int) -> int:
        """The index in `_sentence_list` of the sentence holding token i."""
        self._sentence_list()
        return bisect_right(self._sent_starts, i) - 1

    def _words_of(self, eid: str | None) -> str | None:
        first = self.ents.first(eid)
        return first.text if first is not None else None

    def _context_features(self, sent: Span, para: int, layout: DocumentFrames) -> Features:
        first = sent[0]
        subj = [c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")]
        kind = "none"
        if subj:
            m = self._entity(subj[0])
            kind = m.kind if m is not None else ("pron" if subj[0].pos_ == "PRON" else "noun")
        if self._n_frames is None:
            self._n_frames = sum(1 for fs in self._frames.values() for f in fs if f.speaker)
        n_frames = self._n_frames
        f: Features = {"bias": 1.0, f"subj={kind}": 1.0, f"para={bucket(para, (1, 2, 3, 5, 8))}": 1.0,
                       f"frames={bucket(n_frames, (0, 1, 2, 4, 8))}": 1.0,
                       f"start={first.lower_ if first.lower_ in OPENERS else first.pos_}": 1.0}
        if layout.paragraphs[para] >= sent.start_char - 1:
            f["para_first"] = 1.0
        if any(t.lemma_.lower() in self.lex.reporting_verbs and t.pos_ == "VERB" for t in sent):
            f["speech_verb_here"] = 1.0
        elif any(t.lemma_.lower() in self.lex.classes.speech and t.pos_ == "VERB" for t in sent):
            f["communication_verb_here"] = 1.0  # WordNet's verbs of communication beyond the hand list
        if self.doc_relays:
            f["wire"] = 1.0
        return f

    def _candidate_features(self, name: str, f: Frame, sdist: int, pdist: int, context: Features) -> Features:
        kind = "anonymous" if f.speaker == "anonymous" else self._kind_of(f.speaker)
        feats = {f"{name}:{k}": v for k, v in context.items()}
        feats.update({f"{name}:sdist={bucket(sdist, (1, 2, 3, 5))}": 1.0,
                      f"{name}:pdist={bucket(pdist, (0, 1, 2))}": 1.0,
                      f"{name}:frame={f.kind}": 1.0, f"{name}:speaker={kind}": 1.0,
                      f"{name}:pdist={bucket(pdist, (0, 1, 2))}|subj": 1.0 if "subj=none" in context else 0.0})
        if f.cites:
            feats[f"{name}:cites"] = 1.0
        return feats

    def _kind_of(self, eid: str | None) -> str:
        ent = self.gaz.get(eid) if eid else None
        if ent is not None:
            return ent.kind
        first = self.ents.first(eid)
        return first.kind if first is not None else "other"

    def finish(self, claims: list[Claim]) -> None:
        """Whole-document passes: titles, relays lent by earlier chains, article-wide relays."""
        chains = [c[1] for c in self._chains]
        body = [i for i, c in enumerate(claims) if c.start >= self.title_end]
        # 1. Longer earlier chains lend their outer links: the first earlier chain in which the first link
        #    stands after others (found through an index of the earlier chains by link, not a pass over them).
        lenders: dict[str, list[int]] = {}  # link → the earlier chains that hold it first past their start
        for i in body:
            links = chains[i]
            if links:
                for j in lenders.get(links[0], []):
                    earlier = chains[j]
                    if len(earlier) <= len(links):
                        continue
                    k = earlier.index(links[0])
                    if len(links) >= 2 or all(self._is_media(x) for x in earlier[:k]):
                        chains[i] = earlier[:k] + links
                        break
            seen: set[str] = set()
            for k, link in enumerate(chains[i]):
                if link not in seen:
                    seen.add(link)
                    if k > 0:
                        lenders.setdefault(link, []).append(i)
        # 2. Article-wide relays: every relayed figure passes through them.
        if self.doc_relays:
            for i in body:
                if self._added_by_publisher(claims[i].start):
                    continue
                links = chains[i]
                relays = [r for r in self.doc_relays if r not in links]
                if links:
                    chains[i] = relays + links
                elif self.lead_source:
                    # "Caliber.Az reports, citing AP, that the JCS ...": the article relays the lead's source
                    chains[i] = list(self.doc_relays) + [self.lead_source]
                else:
                    chains[i] = list(self.doc_relays)
        # 3. A heading's figure with no attribution of its own takes the same figure's in the text it heads.
        for i, (start, end) in self._headed.items():
            section = [j for j in body if start <= claims[j].start < end and j not in self._headed]
            match = self._body_match(claims[i], claims, section)
            if match is not None and chains[match]:
                chains[i] = list(chains[match])
        # 4. Titles take their own attribution, else the body's figure's; via as in the body.
        for i, c in enumerate(claims):
            if c.start >= self.title_end:
                continue
            match = self._body_match(c, claims, body)
            own = chains[i]
            if match is not None:
                mlinks = chains[match]
                if own:
                    src = own[-1]
                    via = [x for x in mlinks[:-1] if x != src]
                    if src in mlinks:
                        via = mlinks[:mlinks.index(src)]
                    chains[i] = via + [src]
                else:
                    chains[i] = list(mlinks)
            elif own and any(chains[j] and chains[j][-1] == own[-1] for j in body):
                same = next(chains[j] for j in body if chains[j] and chains[j][-1] == own[-1])
                chains[i] = list(same)
            elif not own and self.doc_relays:
                chains[i] = list(self.doc_relays)
            elif own and self.doc_relays:
                chains[i] = [r for r in self.doc_relays if r not in own] + own
        for i, (c, links) in enumerate(zip(claims, chains, strict=True)):
            c.source = links[-1] if links else None
            c.via = links[:-1] if links else []
            said = self._said_as.get(i)
            if said is not None and c.source is not None and self._chains[i][1][-1:] == [c.source]:
                c.names[c.source] = said

    def _added_by_publisher(self, offset: int) -> bool:
        """The figure stands in a paragraph the publisher adds to what it relays, "Separately, ...": the
        article's relay does not cover it (spec: text the publisher adds itself)."""
        starts = self.layout().paragraphs
        return bool(PUBLISHER_ADDS.match(doc_text(self.doc), starts[bisect_right(starts, offset) - 1]))

    def describe(self) -> list[dict[str, Any]]:
        """The document's attribution frames, for people to read (`claimledger show`): who speaks, through
        whom, with which words, over which stretch of text. Sentence frames cover their sentence; frames
        lent by quotes, labels and lists cover what they were lent; the report-wide relay covers it all."""
        text = doc_text(self.doc)
        out: list[dict[str, Any]] = []
        if self.doc_relays:
            out.append({"kind": "report", "source": self.lead_source, "via": list(self.doc_relays),
                        "cue": "article-wide relay", "start": 0, "end": len(text)})
        for sent in self._sentence_list():
            for f in self.frames(sent):
                out.append({"kind": f.kind, "source": f.links()[-1] if f.links() else None,
                            "via": f.links()[:-1], "cue": f.cue, "start": sent.start_char, "end": sent.end_char})
        for lent in self.layout().lent:
            lf = self._lent_frame(lent)
            if lf is not None and lf.speaker:
                out.append({"kind": lent.kind, "source": lf.links()[-1], "via": lf.links()[:-1], "cue": lf.cue,
                            "start": lent.start, "end": lent.end})
        for d in out:
            d["names"] = {e: self.written_name(e) for e in [d["source"], *d["via"]] if e}
        return sorted(out, key=lambda d: (d["start"], -d["end"]))

    def _body_match(self, claim: Claim, claims: list[Claim], body: list[int]) -> int | None:
        best = None
        for j in body:
            other = claims[j]
            if other.value != claim.value or other.low != claim.low or other.high != claim.high:
                continue
            score = ((other.measure == claim.measure) * 2 + (other.category == claim.category)
                     + (other.item == claim.item))
            if best is None or score > best[0]:
                best = (score, j)
        return best[1] if best else None


def _name_of(words: Span) -> str:
    """A name's words: no determiner, punctuation, clock time or figure ("12:20 - Coastguard" → "Coastguard");
    a hyphen inside a word joins it ("Jean-Luc")."""
    last_break = max((t.i + 1 for t in words if t.is_punct and t.text in "-–—:|" and not _inside_word(t)
                      or t.like_num or t.lower_ in ("a.m.", "p.m.", "am", "pm")), default=words.start)
    return " ".join(t.text for t in words.doc[last_break:words.end] if t.dep_ not in ("det", "punct")
                    and not any(ch.isdigit() for ch in t.text))


def _phrase_start(tok: Token) -> int:
    """Where the noun phrase of tok starts on tok's own line: a phrase does not reach back across a line
    break ("PANAMA: RECORD PACE ¶ Panama's security ministry says", a heading the parser ran into the
    sentence below it), so the words before the last break are not part of the name; nor the time that
    opens a live blog's entry."""
    first = tok.left_edge.i
    for t in tok.doc[first:tok.i]:
        if "\n" in t.text or "\n" in t.whitespace_ or CLOCK.fullmatch(t.text) and (
                t.i == 0 or "\n" in t.doc[t.i - 1].text + t.doc[t.i - 1].whitespace_):
            first = t.i + 1  # nor does it hold a live blog entry's time ("11:30 - the defence force said")
    return first


def _past_descriptor(before: Span, first: int) -> int:
    """Where a proper name starts after a participle that describes its body: "the state-funded [Kenya
    National Commission]", "the Ramallah-based [Palestinian Prisoners' Society]". A name does not begin
    with such a modifier; a common noun keeps it ("the militia-run health ministry" is that ministry)."""
    for t in before:
        if t.dep_ == "amod" and t.tag_ == "VBN" and t.head.pos_ == "PROPN" and t.right_edge.i + 1 < len(before.doc) \
                and before.doc[t.right_edge.i + 1].pos_ == "PROPN":
            first = max(first, t.right_edge.i + 1)
    return first


def _standing_at(text: str, words: str) -> int:
    """Where words first stand in text as words of their own, else -1: where `(?<!\\w)words(?!\\w)` matches, found
    without compiling a pattern for every name (hundreds of them push the re module's own patterns out of its
    cache)."""
    at = text.find(words)
    while at >= 0:
        end = at + len(words)
        if not (at and (text[at - 1].isalnum() or text[at - 1] == "_")) and not (
                end < len(text) and (text[end].isalnum() or text[end] == "_")):
            return at
        at = text.find(words, at + 1)
    return -1


def _inside_word(t: Token) -> bool:
    """A hyphen with no space on either side: "Jean-Luc", not "12:20 - Coastguard"."""
    return t.i > 0 and not t.doc[t.i - 1].whitespace_ and not t.whitespace_


def dateline_end(tok: Token) -> int:
    """Index of the dash that ends the dateline of tok's sentence ("SEOUL (AP) —"), else -1."""
    return _dateline_of(tok)[0]


def in_dateline(tok: Token) -> bool:
    """A token of a dateline, "SEOUL, South Korea (AP) —" or "GAZA CITY —": it neither speaks nor acts."""
    end, dateline = _dateline_of(tok)
    return dateline and tok.i < end


def _dateline_of(tok: Token) -> tuple[int, bool]:
    """`dateline_end` of tok's sentence, and whether the words up to it are a dateline: found once per sentence
    and kept in `doc.user_data`, since every figure and frame asks."""
    doc, start = tok.doc, tok.sent.start
    found = doc.user_data.setdefault("claimledger_datelines", {})
    if start not in found:
        end = next((t.i for t in doc[start:min(start + 12, len(doc))] if t.text in ("—", "–", "--") or (
            t.text == "-" and t.i > start and doc[t.i - 1].text == ")")), -1)
        head = doc[start:end + 1].text if end >= 0 else ""
        found[start] = (end, end >= 0 and bool(DATELINE.match(head) or re.match(r"^[A-Z][A-Z .,'’/-]+[—–-]", head)))
    return found[start]


def _own_words(tok: Token, ents: EntityIndex) -> list[Token]:
    """The words a noun has of its own before it, no name or figure: "the interior [ministry]"."""
    return [t for t in tok.doc[tok.left_edge.i:tok.i] if t.dep_ in ("amod", "compound")
            and t.head.i == tok.i and ents.at(t) is None and not t.like_num]


def _opens_clause_of(tok: Token, verb: Token) -> bool:
    """"and" or "but" right before the subject of verb: "..., and the Pentagon announced"."""
    if tok.lower_ not in ("and", "but", "while", "whereas") or tok.i + 1 >= len(tok.doc):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(tok.i + 1 == s.left_edge.i for s in subjects)


def _points_back(sent: Span) -> bool:
    """The sentence's subject is a pronoun ("It also advanced ...", "They now number ...") or it opens on
    what was counted before ("Of those, ...", "Among them, ...")."""
    subjects = [c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects and subjects[0].pos_ == "PRON":
        return True
    if subjects and _counts_on(subjects[0]):
        return True
    first = sent[0]
    return first.lower_ in ("of", "among") and first.i + 1 < sent.end and \
        sent.doc[first.i + 1].lower_ in ("those", "these", "them", "which", "whom", "the", "that")


def _counts_on(subj: Token) -> bool:
    """A subject that goes on counting what the sentence before counted: a bare figure ("More than 900
    have been hurt", "Another 14 were found"; not "the last one", which has an article of its own) or
    more of the same ("A further 200 people are ...")."""
    if subj.like_num and not any(c.dep_ == "prep" or c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                 for c in subj.children):
        return True
    return any(c.dep_ in ("amod", "det") and c.lower_ in ("further", "another", "additional")
               for t in subj.subtree for c in t.children)


def _side_clause(verb: Token) -> bool:
    """A speech verb in a clause set to one side by its conjunction ("..., though analysts believe that
    spending is higher"): it speaks for its own clause, not for the sentence ("as X said" does)."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in (
        "though", "although", "while", "whereas", "because", "since", "after", "before", "when", "if", "unless")
        for c in verb.children)


def _first_person(f: Frame) -> bool:
    """The frame's speaker is "we" or "I" ("We estimate that ...", "according to our figures")."""
    if f.kind == "according":
        objs = [p for to in f.anchor.children if to.lower_ == "to" for p in to.children if p.dep_ == "pobj"]
        return any(p.lower_ in ("us", "me") or any(c.dep_ == "poss" and c.lower_ in ("our", "my")
                                                  for c in p.children) for p in objs)
    return any(c.dep_ == "nsubj" and c.lower_ in ("we", "i") for c in f.anchor.children)


def _names_on(prep: Token) -> bool:
    """A preposition that goes on with a name: "... in Laos", "... on Human Rights", "... in Aerospace"
    (a proper name after "in" or "on" is part of how the text names a body)."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return prep.lower_ in ("in", "on") and pobj is not None and pobj.pos_ == "PROPN" and pobj.ent_type_ not in (
        "DATE", "TIME") and all(t.pos_ in ("PROPN", "DET", "PUNCT", "ADP", "CCONJ") for t in pobj.subtree)


def _places(prep: Token) -> bool:
    """A preposition that says where a speaker named by a common noun is: "an official in Al Haouz province", "a
    doctor at the hospital in Rutshuru town", "customs at Rotterdam". The report names such a speaker by the
    whole phrase (no other name tells which official it is); a time or a figure in it is no place ("officials
    in March", "a rise in 2,000 cases")."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return prep.lower_ in ("in", "at") and pobj is not None and not any(
        w.like_num or w.ent_type_ in ("DATE", "TIME") for w in prep.subtree)


def _placing(acl: Token) -> bool:
    """A participle that says no more than where its noun is: "rights groups based in Thailand", "troops
    stationed at the base"."""
    return acl.tag_ == "VBN" and all(c.dep_ == "prep" and _places(c) or c.dep_ == "advmod" for c in acl.children) \
        and any(c.dep_ == "prep" for c in acl.children)


def _placed_in(name: Token, subj: Token) -> bool:
    """The name stands in a preposition of the subject's own phrase: "An official in Al Haouz province, where
    the epicentre lay, told ...", "A doctor at the hospital in Rutshuru town, who ..., said": the place says
    where the subject is, and the subject speaks. A name in apposition to it is who it is ("The mayor of
    Derna, Abdulmenam al-Ghaithi, said")."""
    t = name
    while t.i != t.head.i and t.i != subj.i:
        if t.dep_ == "prep":
            return _ancestor_or_self(subj, t)
        if t.dep_ == "appos":
            return False
        t = t.head
    return False


def _object_lemma(verb: Token) -> str | None:
    """The lemma of the verb's direct object: "launched a flash appeal" → "appeal"."""
    return next((c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"), None)


def _participle_agent(tok: Token) -> Token | None:
    """The agent of a past participle that modifies tok: "data compiled by X", "the exit poll conducted by
    Ipsos", "filings made by the company" → X, Ipsos, the company: whose data, poll or filings they are."""
    for c in tok.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":
            agent = next((a for a in c.children if a.dep_ == "agent"), None)
            pobj = next((p for p in agent.children if p.dep_ == "pobj"), None) if agent is not None else None
            if pobj is not None:
                return pobj
    return None


def _verb_above(tok: Token, hops: int) -> Token | None:
    """The first verb on the way up from tok, at most `hops` heads up."""
    t = tok
    for _ in range(hops):
        if t.head.i == t.i:
            break
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _ancestor_or_self(anc: Token, tok: Token) -> bool:
    t = tok
    for _ in range(30):
        if t.i == anc.i:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _depth(tok: Token) -> int:
    d = 0
    t = tok
    while t.head.i != t.i and d < 50:
        t = t.head
        d += 1
    return d


def _relative(tok: Token) -> bool:
    """A relative or interrogative pronoun ("who", "which", "that", "what"), not a name written in
    capitals that happens to spell one: "the WHO said" is the World Health Organization."""
    return tok.lower_ in ("that", "which", "what", "who") and not (tok.text.isupper() and len(tok.text) > 1)


def _that_clause(head: Token) -> bool:
    """The verb or noun takes a finite clause opened by "that": "charges that donors gave", "pointed out
    that", "a report that the firm lost". The complementiser marks what follows as what is stated (in a
    relative clause, "the report that the ministry published", "that" is a pronoun, not a mark)."""
    return any(c.dep_ in ("ccomp", "acl", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that"
                                                            for m in c.children) for c in head.children)


def _own_acronym(doc: Doc, first: int, stop: int) -> str | None:
    """The acronym a speaker's phrase [first, stop) gives itself, in brackets at its end or right after it,
    or set off by commas after it: "the Central Electoral Bureau (BEC)", "the mine authority, CMAA, said"."""
    for at in (stop - 3, stop):  # the bracket that closes the phrase, or the one right after it
        if first < at and at + 2 < len(doc) and doc[at].text == "(" and doc[at + 2].text == ")" \
                and _is_acronym(doc[at + 1].text):
            return doc[at + 1].text
    if stop + 1 < len(doc) and doc[stop].text == "," and _is_acronym(doc[stop + 1].text) and (
            stop + 2 == len(doc) or doc[stop + 2].is_punct and doc[stop + 2].text != "("):
        return doc[stop + 1].text
    return None


def _is_acronym(word: str) -> bool:
    """A word written as an acronym: letters with two capitals or more, "DGHS", "ISGlobal", "CMAA"."""
    return word.isalpha() and word[:1].isupper() and sum(ch.isupper() for ch in word) >= 2 and len(word) <= 10


# source round 14
# A live blog's time stamp at the head of an entry, on the entry's own line: "09:10", "08:05 IST", "4:30 p.m. -".
ENTRY_STAMP = re.compile(r"\s*\d{1,2}[:.]\d{2}\b\s*(?:[ap]\.?m\.?|[A-Z]{2,5})?\s*[-–—|]?\s*")


def _opens_paragraph(before: str) -> bool:
    """The text of a paragraph before a sentence leaves it the paragraph's first: nothing, or only the entry's
    time stamp ("09:10 The fire service says ..."), which the parser may cut off as a sentence of its own."""
    return not before.strip() or ENTRY_STAMP.fullmatch(before) is not None


def _trailing(f: Frame, sent: Span) -> bool:
    """The sentence closes on its speaker after its figures ("... at least 45 passengers, police say."): a
    speech verb that comes after every figure of the sentence, the last thing the reader was told before the
    next sentence."""
    figures = [t.i for t in sent if t.like_num and not YEAR.fullmatch(t.text)]
    return f.kind == "speech" and bool(figures) and f.anchor.i > max(figures)


def _publishers_own(tok: Token, ents: EntityIndex) -> bool:
    """"Our reporter", "our correspondent": outside a quote, "our" is the voice the text is told in, so what
    "our" people saw or counted is in that voice: the publisher's own (spec: source null), or in a transcript the
    speaker's whose turn it is ("NOOR: Our own teams have counted ..."). Not a phrase that names another body,
    which speaks itself ("our colleagues at the World Health Organization")."""
    if tok.pos_ != "NOUN" or not any(c.dep_ == "poss" and c.lower_ == "our" for c in tok.children):
        return False
    if any(m is not None and m.kind not in ("place", "country") for m in (ents.at(t) for t in tok.subtree
                                                                           if t.i != tok.i)):
        return False
    return not any(q.start <= tok.idx < q.end for q in quote_spans(doc_text(tok.doc)))


# source round 15
def _clause_start(doc: Doc, tok: Token, stop: int) -> int:
    """Where a speaker's phrase ends when a clause ends it: before the clause's first word, so that a relative
    pronoun or a subject ahead of the clause's verb ("the councils that organised ...") is not part of the name."""
    if stop >= len(doc) or doc[stop].dep_ not in ("relcl", "acl"):
        return stop
    return max(tok.i + 1, min(stop, doc[stop].left_edge.i))
