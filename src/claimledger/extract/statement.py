"""When a figure was stated, and whether it is an earlier stage or a projection of a count.

spec/reconcile.md compares a running total at the time each figure was current ("Same time"), and
keeps earlier counts and projections out of conflicts and estimates. This stage reads the three
things the ledger needs from the words around one figure, once its counted noun, period and
attribution frames are known, and hands them to the claim as a `Statement`:

- `stated`: the day the source made the statement, where the text dates it: a time on the speech
  verb or the report noun that carries the figure ("said on Monday", "In late December, the JCS
  estimated", "the NIS's January figures", "an assessment published on March 27"), a count's "as
  of last week", or the time given with an earlier stage ("up from 67 on Friday"). The words that
  set the figure's period never date its statement too. nlp/times.statement_day makes the words
  one day; None where nothing dates the statement (the publication date then stands).
- `earlier`: the text gives the figure as an earlier stage of a count that has changed since: an
  adverb on the verb that states it ("had earlier put", "initially reported"), an adjective on the
  count noun that holds or states it ("an earlier count of", "the previous estimate", "last
  month's figure"), the "from" end of a change ("up from 58", "rose from 20 to 58": 20, not 58), a
  relative clause saying it was revised since. A comparison with a year before ("up from 4,789 in
  2023", "a year earlier") counts another period, not an earlier stage of this count.
- `projection`: the figure is what a count could, will or is expected to reach ("could reach
  20,000", "will likely exceed 3,000", "is expected to rise to"), the count of an event that may
  happen ("up to 100,000 could flee"), or a forecast itself ("projected 350 seats"). A plan
  (measure planned or pledged: "will send 12,000 troops") never is, nor an uncertain past ("as
  many as 600 may have died").

Which words count is data (data/statement.yaml, `Lexicon.statement`); where they apply is the parse's.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from claimledger.extract.attribution import Frame, in_dateline
from claimledger.extract.frames import LIST_ITEM, TABLE_ROW
from claimledger.extract.lexicon import Lexicon
from claimledger.nlp.entities import time_entities
from claimledger.nlp.times import EXTRA_TIME, MONTHS, STATEMENT_TIME, parse_date, statement_day

# How a time attaches to the word it dates: "said on Monday", "told reporters last week" (no preposition),
# "figures as of March". "for 2024", "since October", "between ..." say what is counted, not when it was said.
STATEMENT_PREPS = {"", "on", "in", "at", "by", "during", "as of"}
TIME_DEPS = {"npadvmod", "tmod", "advmod", "compound", "poss", "nmod", "amod"}
# A comparison with a year before counts another period: "up from 4,789 in 2023", "a year earlier".
OTHER_YEAR = re.compile(r"\b(?:(?:a|one|two|three|\d+) years? (?:earlier|before|ago)|(?:the )?(?:previous|prior|"
                        r"preceding) year|last year|(?:in|during|for) (?:19|20)\d\d)\b", re.I)
# A whole month or year, unless a day or a part of it makes it a point ("in March", "in 2023"; not "March 3",
# "late August"): on a verb of counting, the time counted (StatementReader._counted_over).
WHOLE_PERIOD = re.compile(r"\b(?:\d{4}|year|month|" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b", re.I)
POINT_IN_PERIOD = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b|\b(?:early|mid|late|end|beginning|start|earlier)\b", re.I)
PLANS = {"planned", "pledged"}
# The prepositions that tie a figure to the verb it is an argument of: "rise to 20,000", "including 41,000".
ARGUMENT_PREPS = {"to", "at", "above", "over", "beyond", "past", "between", "by", "including", "of"}
VERBS = ("VERB", "AUX")
NOUNS = ("NOUN", "PROPN")


@dataclass
class Figure:
    """What the stages before this one found about a figure, as far as this stage reads it."""

    num: Token  # the token that carries the figure
    noun: Token | None  # the counted noun, when there is one
    frames: list[Frame]  # the attribution frames that hold it (attribution.Chain.frames)
    measure: str
    period: tuple[str | None, str | None] | None = None
    period_span: tuple[int, int] | None = None  # characters of the time words that set the period

    @property
    def anchor(self) -> Token:
        return self.noun if self.noun is not None else self.num


@dataclass
class Statement:
    """The claim's `stated`, `earlier` and `projection`, with the words that set each (for `cues`)."""

    stated: str | None = None
    earlier: bool = False
    projection: bool = False
    cues: dict[str, str] = field(default_factory=dict)


class StatementReader:
    """The statements of one parsed document's figures: `read(figure)`. Built once per document."""

    def __init__(self, doc: Doc, published: str | date | None, lex: Lexicon, text: str | None = None):
        self.doc = doc
        self.pub = parse_date(published) if isinstance(published, str) or published is None else published
        self.lex = lex
        self.cues = lex.statement
        self.text = text if text is not None else doc.text
        self._times: dict[int, list[Span]] = {}
        self._stamps = _stamps(self.text)
        self._stamp_offsets = [st[0] for st in self._stamps]
        self._newlines = [m.start() for m in re.finditer("\n", self.text)]

    def read(self, fig: Figure) -> Statement:
        out = Statement()
        earlier, scope = self._earlier(fig)
        if earlier:
            out.earlier, out.cues["earlier"] = True, earlier
        stated, scue = self._stated(fig, scope)
        if stated:
            out.stated, out.cues["stated"] = stated, scue
        elif self._stamps and self.pub is not None:
            k = bisect_right(self._stamp_offsets, fig.num.idx)
            stamp = self._stamps[k - 1] if k > 0 else None
            if stamp is not None:
                out.stated, out.cues["stated"] = f"{self.pub.isoformat()}T{stamp[1]}", stamp[2]
        projection = self._projection(fig)
        if projection:
            out.projection, out.cues["projection"] = True, projection
        return out

    # -- stated ---------------------------------------------------------------------------------
    def _stated(self, fig: Figure, scope: Token | None) -> tuple[str | None, str]:
        """The day of the best time that dates the statement, and its words: ranked by what it hangs on
        (`_statement_times`), then by its distance from the figure."""
        best = min(self._statement_times(fig, scope), default=None)
        return (best[1], best[2]) if best else (None, "")

    def _statement_times(self, fig: Figure, scope: Token | None) -> Iterator[tuple[tuple[int, int], str, str]]:
        """Every time that dates the figure's statement, as ((rank, distance), day, words). Rank 0: inside
        `scope`, the phrase that gives the figure as an earlier stage ("up from 67 on Friday", "an earlier
        count of 31 given overnight"), where nothing else counts, since the statement around it is a later
        one; 1: on a word that states the figure (`_statement_hosts`); 2: a count's "as of"."""
        hosts = self._statement_hosts(fig)
        clause = {t.i for t in self._clause(fig.anchor)}
        sents = {fig.num.sent.start: fig.num.sent}
        sents.update({h.sent.start: h.sent for h in hosts.values()})
        item_line = self._item_line(fig.num.idx)
        for sent in sents.values():
            for span in self._time_spans(sent):
                if fig.period_span and span.start_char < fig.period_span[1] and fig.period_span[0] < span.end_char:
                    continue  # these words set the period: what is counted, not when it was said
                if in_dateline(span[0]):
                    continue  # "MOSCOW, March 23 (Reuters) -" dates the report
                if sent.start == fig.num.sent.start and item_line and "\n" in \
                        self.text[min(span.start_char, fig.num.idx):max(span.end_char, fig.num.idx)]:
                    continue  # another line of a list or a table, which the parse took for one sentence
                host, prep = _attachment(span)
                if scope is not None:
                    if not scope.left_edge.i <= span.start <= span.end - 1 <= scope.right_edge.i:
                        continue
                    rank = 0
                elif prep not in STATEMENT_PREPS or (not prep and span.root.dep_ not in TIME_DEPS):
                    continue
                elif host.i in hosts or (host.dep_ in ("acl", "relcl") and host.head.i in hosts
                                         and host.head.pos_ in NOUNS) or self._message_of(host, hosts) \
                        or _participle_of(host, hosts, fig.num):
                    rank = 1  # "said on Monday", "the January figures", "an assessment published on March 27",
                    # "said in a statement on Tuesday"
                elif prep == "as of" and host.i in clause:
                    rank = 2  # "17 had not been accounted for as of last week"
                else:
                    continue
                day = statement_day(span.text, self.pub)
                if day is None or (rank and self._counted_over(host, prep, span)):
                    continue
                distance = abs(span.start - fig.num.i) if sent.start == fig.num.sent.start else len(self.doc)
                words = f"{prep} {span.text}" if prep and not span.text.lower().startswith(prep) else span.text
                yield (rank, distance), day, words

    def _message_of(self, noun: Token, hosts: dict[int, Token]) -> bool:
        """noun is the message through which a word that states the figure states it: "said [in a statement]
        on Tuesday", "[At a news briefing] on Monday, the governor said": a report noun, or a noun of
        WordNet's messages, itself or by its compound, in a phrase on that word."""
        if noun.pos_ not in NOUNS or noun.dep_ != "pobj" or noun.head.head.i not in hosts:
            return False
        words = (noun, *(c for c in noun.children if c.dep_ == "compound"))
        return any(w.lemma_.lower() in self.lex.report_nouns or self.lex.classes.is_message(w.lemma_.lower())
                   for w in words)

    def _item_line(self, offset: int) -> bool:
        """The line holding offset is an item of a list or a row of a table."""
        k = bisect_left(self._newlines, offset)  # the first line break at or after offset, as str.find finds it
        end = self._newlines[k] if k < len(self._newlines) else -1
        before = self._newlines[k - 1] if k > 0 else -1  # the last one before it, as str.rfind finds it
        line = self.text[before + 1:end if end >= 0 else len(self.text)]
        return bool(LIST_ITEM.match(line) or TABLE_ROW.search(line))

    def _counted_over(self, host: Token, prep: str, span: Span) -> bool:
        """A whole month or year on a verb of counting is the time counted, not the day of a statement:
        "deaths recorded on each route in 2023", "counted 695 boats arriving last year", "reported revenues of
        11.13 trillion roubles in 2024"; but "In November the Pentagon estimated 11,000", "told senators in
        May", "had recorded 28,700 by late 2024" and "in late August" date what was said."""
        if prep not in ("", "in", "during") or host.lemma_.lower() not in self.cues.counting_verbs:
            return False
        if not WHOLE_PERIOD.search(span.text) or POINT_IN_PERIOD.search(span.text):
            return False  # a day, or a part of a month: a point in time
        if host.dep_ in ("acl", "relcl") and host.head.lemma_.lower() not in self.lex.report_nouns:
            return True  # "deaths recorded in 2023", "the 29,437 recorded in 2023": it describes what is counted
        counted = [c for c in host.children if c.dep_ == "dobj"]
        return any(c.lemma_.lower() in self.lex.noun_measures or any(w.like_num for w in c.subtree) for c in counted)

    def _statement_hosts(self, fig: Figure) -> dict[int, Token]:
        """The words a statement's time hangs on: the speech verbs and report nouns of the frames that hold
        the figure and of the reporting verbs above it, the report nouns that state it, and for each of these
        the reporting verbs and report nouns above it in turn ("Data published as of 31 December show the
        deaths recorded on each route: ¶ - All routes: 3,155 deaths")."""
        above = {t.i for t in self._above(fig.anchor)}
        ancestors = {t.i for t in fig.anchor.ancestors}
        starts: list[Token] = []
        for f in fig.frames:
            if f.kind == "doer":
                continue  # the one who does what is counted: its time is the event's
            if f.anchor.i in ancestors and f.anchor.i not in above:
                continue  # a speech the figure's own statement is only a side clause of (`_above`)
            if f.anchor.lower_ == "according":  # "according to figures released on Monday"
                starts += [p for to in f.anchor.children if to.lower_ == "to" for p in to.children if p.dep_ == "pobj"]
            else:
                starts.append(f.anchor)
        # "the 100 million it reported in October", "the 15 announced by police on Wednesday"
        starts += [c for t in (fig.anchor, fig.num) for c in t.children
                   if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in self.lex.reporting_verbs]
        hosts: dict[int, Token] = {t.i: t for t in starts}
        for t in (*starts, fig.anchor):
            for a in (t, *self._above(t)):
                if self._states(a):
                    hosts[a.i] = a
                if a.pos_ in VERBS:  # "The January figures were 300"
                    hosts.update({c.i: c for c in a.children if c.dep_ in ("nsubj", "nsubjpass")
                                  and c.lemma_.lower() in self.lex.report_nouns})
        hosts.pop(fig.anchor.i, None)
        return hosts

    def _states(self, t: Token) -> bool:
        """A reporting verb or a report noun: a word through which a source states a figure."""
        lemma = t.lemma_.lower()
        if t.pos_ in VERBS:
            return lemma in self.lex.reporting_verbs
        return t.pos_ in NOUNS and lemma in self.lex.report_nouns and lemma not in self.cues.undated_nouns

    def _above(self, tok: Token) -> list[Token]:
        """The words above tok whose statement it is part of: its ancestors, up to the clause edge above the
        nearest word that states it. "Ruto said Wednesday he would not sign, a day after a rights body said
        22 were killed": the 22 is the rights body's, and no part of what was said on Wednesday; "saying that
        3,958 bodies had been recovered" goes on with the statement it is part of."""
        out: list[Token] = []
        stated = False
        t = tok
        while t.head.i != t.i:
            if stated and t.dep_ in ("relcl", "acl", "pcomp", "csubj", "advcl") and not (
                    t.dep_ == "advcl" and self._states(t)):
                break
            t = t.head
            out.append(t)
            stated = stated or self._states(t)
        return out

    def _time_spans(self, sent: Span) -> list[Span]:
        """A sentence's time expressions, the longest first where they overlap (as extract/claims.py's period)."""
        if sent.start not in self._times:
            found = [(s, e) for s, e, _ in time_entities(sent)]
            for pattern in (EXTRA_TIME, STATEMENT_TIME):
                found += [m.span() for m in pattern.finditer(self.text, sent.start_char, sent.end_char)]
            # an entity can run past the sentence's end ("on Sunday. Most"): cut at the sentence and its stop
            found = [(s, s + len(self.text[s:min(e, sent.end_char)].rstrip(" .;:,\n"))) for s, e in found]
            found.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
            spans: list[Span] = []
            for s, e in found:
                span = self.doc.char_span(s, e, alignment_mode="expand")
                if span is not None and len(span) and not any(span.start < o.end and o.start < span.end for o in spans):
                    spans.append(span)
            self._times[sent.start] = spans
        return self._times[sent.start]

    # -- earlier ----------------------------------------------------------------------------------
    def _change_origin(self, anchor: Token) -> Token | None:
        """The "from" of a change whose earlier end is the figure: "up from 58", "rose from 20 to 58" (20),
        "revised down from 31", and a figure joined to one ("up from 67 on Friday and 55 on Thursday")."""
        t = anchor
        for _ in range(3):
            if t.dep_ in ("pobj", "conj") or t.head.i == t.i:
                break
            if t.dep_ not in ("nummod", "quantmod", "compound", "nmod", "appos"):
                return None
            t = t.head
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
            for c in t.children:  # "up from 67 ... and 55": joined to the change word itself
                if c.dep_ == "prep" and c.lower_ == "from" and self._changes(t):
                    return c
        if t.dep_ != "pobj" or t.head.lower_ != "from":
            return None
        return t.head if self._changes(t.head.head, t.head) else None

    def _changes(self, t: Token, source: Token | None = None) -> bool:
        """A word a change of a count hangs on: "rose", "up", "revised down", "an increase". With `source`, its
        "from": then a verb that takes an object needs a direction or an end too ("lowered to 97, from 115",
        "revised down from 31"), since "raised $110 million from 140,000 donors" says where, not how much before."""
        words = {t.lemma_.lower(), t.lower_}
        directions = {c.lower_ for c in t.children if c.dep_ in ("prt", "advmod")}
        if not (words | directions) & self.cues.change_words:
            return False
        if source is None or t.pos_ not in VERBS or directions & self.cues.change_words:
            return True
        ends = [c for c in (*t.children, *source.children) if c.dep_ == "prep" and c.lower_ == "to"]
        return bool(ends) or not any(c.dep_ == "dobj" for c in t.children)

    def _other_period(self, fig: Figure, origin: Token) -> bool:
        """The figure a change starts from counts another year: "up from 4,789 in 2023", "a year earlier"."""
        if fig.period and fig.period[0] and fig.period[1]:
            first, last = parse_date(fig.period[0]), parse_date(fig.period[1])
            if first and last and (last - first).days >= 300:
                return True
        words = self.doc[origin.i:origin.right_edge.i + 1].text
        return bool(OTHER_YEAR.search(words))

    def _earlier(self, fig: Figure) -> tuple[str, Token | None]:
        """The words that make the figure an earlier stage (module docstring), and the phrase that holds it
        as one when the statement around it is a later one ("up from 58", "an earlier count of 31"); None
        where the earlier stage is the statement itself ("had earlier put", "its previous statement").
        The cues are tried strongest first; the first that holds decides."""
        for cue in (self._from_a_change, self._count_revised, self._earlier_noun, self._earlier_adverb,
                    self._revised_since, self._past_moment, self._looking_back):
            found = cue(fig)
            if found is not None:
                return found
        return "", None

    def _from_a_change(self, fig: Figure) -> tuple[str, Token | None] | None:
        """"up from 58", "rose from 20 to 58" (20), "lowered to 97, from the 115"; not "up from 4,789 in 2023",
        which is another period's count, not an earlier stage of this one."""
        origin = self._change_origin(fig.anchor)
        if origin is None or self._other_period(fig, origin):
            return None
        return f"{origin.head.text} {origin.text}", origin

    def _count_revised(self, fig: Figure) -> tuple[str, Token | None] | None:
        """A count that a change or a revision acts on: "raising the estimate of 3,000 troops"."""
        for noun in self._holding_nouns(fig.anchor):
            if noun.dep_ == "dobj" and (noun.head.lemma_.lower() in self.cues.revision_verbs
                                        or self._changes(noun.head)):
                return f"{noun.head.text} the {noun.text}", noun
        return None

    def _earlier_noun(self, fig: Figure) -> tuple[str, Token | None] | None:
        """"an earlier count of 64", "the previous estimate of 9,000", "last month's figure was 400": an earlier
        word on a count noun that holds the figure or, as its subject, gives it (not where the figure is
        the new end of a change: "the previous estimate was raised to 12,500")."""
        holding = self._holding_nouns(fig.anchor)
        stating = [] if self._change_target(fig.anchor) else self._stating_nouns(fig)
        for noun in (*holding, *stating):
            for c in noun.children:
                if c.dep_ in ("amod", "advmod", "compound", "nmod") and c.lower_ in self.cues.earlier_adjectives:
                    words = f"{c.text} {noun.text}"
                elif c.dep_ == "poss" and _past_time(c):
                    words = f"{self.doc[c.left_edge.i:c.i + 1].text}'s {noun.text}"
                else:
                    continue
                return words, noun if any(noun.i == h.i for h in holding) else None
        return None

    def _earlier_adverb(self, fig: Figure) -> tuple[str, Token | None] | None:
        """"had earlier put the toll at 20", "initially reported 18": an adverb on the verb that states the
        figure ("earlier" only with "had": "the ministry said earlier" may well still stand). A pledge or a
        plan is an act, not a count that changes: "Days earlier, Washington had announced a separate $725
        million package" is another package, not an earlier stage of this one."""
        if fig.measure in PLANS:
            return None
        for verb in self._stating_verbs(fig):
            for c in verb.children:
                if c.dep_ != "advmod":
                    continue
                if c.lower_ in self.cues.initial_adverbs:
                    return f"{c.text} {verb.text}", None
                if c.lower_ in self.cues.earlier_adverbs and _pluperfect(verb):
                    return f"had {c.text} {verb.text}", None
        return None

    def _revised_since(self, fig: Figure) -> tuple[str, Token | None] | None:
        """"17 had not been accounted for, a figure it has since revised down"; "attributed 4,789 deaths to
        heat, though its numbers have been revised upward since"."""
        cues = self.cues
        for t in (*fig.anchor.children, *fig.num.children):
            if t.dep_ == "appos" and t.lemma_.lower() in cues.count_nouns:
                for r in t.children:
                    if r.dep_ == "relcl" and r.lemma_.lower() in cues.revision_verbs:
                        return f"{t.text} ... {r.text}", None
        for verb in self._clause(fig.anchor):
            for c in verb.children:
                if c.dep_ not in ("advcl", "conj", "parataxis") or c.lemma_.lower() not in cues.revision_verbs:
                    continue
                after = next((a for a in c.children if a.dep_ == "advmod" and a.lower_ in cues.revision_adverbs), None)
                if after is not None:
                    return f"{c.text} {after.text}", None
        return None

    def _past_moment(self, fig: Figure) -> tuple[str, Token | None] | None:
        """"On the first evening, volunteers told local media that around 50 bodies had been recovered", "on
        the night of the attack the authorities spoke of about 40 dead": a past moment with no day to it, on
        the verb that states the figure in the past tense, places the statement in the story the report
        tells; what it gave is a stage the count had reached then, not the report's current count."""
        for verb in self._stating_verbs(fig):
            if not _past(verb):
                continue
            for span in self._time_spans(verb.sent):
                host, prep = _attachment(span)
                if host.i != verb.i or prep not in STATEMENT_PREPS:
                    continue
                top = span.root
                while top.head.i != verb.i and top.head.i != top.i:
                    top = top.head
                if statement_day(self.doc[top.left_edge.i:top.right_edge.i + 1].text, self.pub):
                    continue  # "on Sunday evening": a day after all
                if {t.lower_ for t in span} & self.cues.moment_words:
                    return (f"{prep} {span.text}" if prep and not span.text.lower().startswith(prep)
                            else span.text), None
        return None

    def _looking_back(self, fig: Figure) -> tuple[str, Token | None] | None:
        """"Moscow has not published its losses since early in the war, when it admitted about 6,000 had
        died": a statement made at a past time the sentence looks back to ("since ...", or a past moment with
        no day), given by a "when" clause that follows it. The parse may hang the clause's verb on the
        figure's own ("when it admitted about 6,000 soldiers had died" with "admitted" under "died")."""
        verbs = self._stating_verbs(fig) + [c for t in self._clause(fig.anchor) for c in t.children
                                            if c.dep_ in ("advcl", "relcl") and c.i < fig.num.i
                                            and c.lemma_.lower() in self.lex.reporting_verbs]
        for verb in verbs:
            when = next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "when" and c.i < verb.i),
                        None)
            if when is None:
                continue
            last = when.i - 1
            while last >= verb.sent.start and self.doc[last].is_punct:
                last -= 1
            if last < verb.sent.start:
                continue
            top = self.doc[last]
            while top.head.i != top.i and top.head.i < when.i and top.head.pos_ not in VERBS:
                top = top.head
            phrase = self.doc[top.left_edge.i:last + 1]
            words = {t.lower_ for t in phrase}
            if "since" in words or (words & self.cues.moment_words and not statement_day(phrase.text, self.pub)):
                return f"{phrase.text}, when ... {verb.text}", None
        return None

    def _change_target(self, anchor: Token) -> bool:
        """The figure is where a change went: "revised to 58", "rose from 20 to 58" (58)."""
        t = anchor
        while t.dep_ in ("nummod", "quantmod", "compound") and t.head.i != t.i:
            t = t.head
        if t.dep_ != "pobj" or t.head.lower_ != "to":
            return False
        above = t.head.head  # "rose to 58", or the "from" of "rose from 20 to 58"
        return self._changes(above.head if above.lower_ == "from" else above)

    def _holding_nouns(self, anchor: Token) -> list[Token]:
        """Count nouns the figure sits in: "an earlier count of 26,000", "the previous estimate, 20"."""
        nouns = []
        for t in anchor.ancestors:
            if t.pos_ in VERBS:
                break
            if t.pos_ in NOUNS and t.lemma_.lower() in self.cues.count_nouns:
                nouns.append(t)
        return nouns

    def _stating_nouns(self, fig: Figure) -> list[Token]:
        """Count nouns that give the figure as subjects of the verb that states it: "its previous statement
        had put the number at 22", "earlier estimates had ranged from 24 to 38"."""
        verbs = [v for v in self._clause(fig.anchor) if v.pos_ in VERBS] + [f.anchor for f in fig.frames]
        return [c for v in verbs for c in v.children
                if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in self.cues.count_nouns]

    def _stating_verbs(self, fig: Figure) -> list[Token]:
        """The verbs that state the figure: its frames' speech verbs and the reporting verbs above it."""
        verbs = [f.anchor for f in fig.frames if f.kind not in ("doer", "noun") and f.anchor.pos_ in VERBS]
        return verbs + [t for t in self._above(fig.anchor) if t.pos_ in VERBS and self._states(t)]

    def _clause(self, anchor: Token) -> list[Token]:
        """The figure's ancestors up to the first reporting verb, which is included."""
        out = []
        for t in anchor.ancestors:
            out.append(t)
            if t.pos_ in VERBS and t.lemma_.lower() in self.lex.reporting_verbs:
                break
        return out

    # -- projection ---------------------------------------------------------------------------------
    def _projection(self, fig: Figure) -> str:
        """The words that make the figure a projection of a count (module docstring), else "".

        A count's growth ("could reach", "will rise to", "is expected to exceed") and a forecaster's
        future ("the IPC projects that 132,000 children will suffer") are projections whatever measure the
        figure got; a possible or expected event ("could flee", "is expected to displace") is one unless it
        is a plan ("could send 5,000 more troops", "are expected to be released": measure planned)."""
        cues = self.cues
        plan = fig.measure in PLANS
        anchor = fig.anchor
        for t in (*anchor.children, *fig.num.children):
            if t.dep_ == "amod" and t.lemma_.lower() in cues.projection_words:
                return t.text  # "a projected 20,000"
        final = self._final_count(anchor)
        if final:
            return final
        verb, noun = self._predicate(anchor)
        if noun is not None:
            return noun.text  # "a forecast of 3,000 deaths"
        if verb is None:
            return ""
        lemma = verb.lemma_.lower()
        aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if lemma in cues.projection_words:
            return verb.text  # "exit polls had projected 350 seats"
        if any(a.lemma_ == "have" for a in aux):
            return ""  # "may have died", "were likely to have boarded": an uncertain past
        if lemma in cues.state_verbs:
            return ""  # "could be", "could number", "could hold": today's count or a capacity, uncertain
        growth = lemma in cues.growth_verbs
        modal = next((a for a in aux if a.lower_ in cues.possibility_modals | cues.future_modals), None)
        possible = modal is not None and modal.lower_ in cues.possibility_modals
        likely = next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ in cues.likelihood_adverbs), None)
        forecaster = verb.head if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in cues.projection_words else None
        expecting = self._expectation(verb)
        said = self.doc[min(w.i for w in (modal or verb, likely or verb)):verb.i + 1].text  # "could be flooded"
        if forecaster is not None and (modal is not None or growth):
            return f"{forecaster.text} ... {said}"  # "projects that 132,000 children will suffer"
        if growth and (modal is not None or likely is not None or expecting is not None):
            return f"{expecting.text} ... {said}" if expecting is not None else said  # "could reach", "will rise to"
        if plan:
            return ""
        if possible or likely is not None and modal is not None:
            return said  # "up to 100,000 could flee", "will likely displace"
        if expecting is not None:
            return f"{expecting.text} ... {verb.text}"  # "is expected to displace 100,000"
        return ""

    def _final_count(self, anchor: Token) -> str:
        """"he feared the final toll would be several hundred, maybe close to a thousand": the figure of a
        count still to be known (a final, eventual or ultimate one) under a modal."""
        cues = self.cues
        verb = next((t for t in anchor.ancestors if t.pos_ in VERBS), None)
        if verb is None:
            return ""
        modal = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in cues.possibility_modals
                      | cues.future_modals), None)
        if modal is None:
            return ""
        for subject in verb.children:
            if subject.dep_ not in ("nsubj", "nsubjpass") or subject.lemma_.lower() not in cues.count_nouns:
                continue
            final = next((c for c in subject.children if c.dep_ == "amod" and c.lower_ in cues.final_adjectives),
                         None)
            if final is not None:
                return f"{final.text} {subject.text} {modal.text} {verb.text}"
        return ""

    def _predicate(self, anchor: Token) -> tuple[Token | None, Token | None]:
        """The verb the figure is an argument of ("could reach [20,000]", "[20,000] could flee", "rise [to
        20,000]", "[including 41,000]"), or the projection noun it is "of" ("a forecast of 3,000"); a figure
        deeper inside another noun ("the identification of the remaining five") has neither."""
        t = anchor
        while t.dep_ in ("conj", "appos") and t.head.i != t.i:
            t = t.head
        head = t.head
        if head.i == t.i:
            return None, None
        if t.dep_ == "pobj":
            prep = head
            head = prep.head
            if head.pos_ in NOUNS and prep.lower_ == "of" and head.lemma_.lower() in self.cues.projection_words:
                return None, head
            return (head, None) if head.pos_ in VERBS and prep.lower_ in ARGUMENT_PREPS else (None, None)
        if t.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "oprd", "npadvmod") and head.pos_ in VERBS:
            return head, None
        return None, None

    def _expectation(self, verb: Token) -> Token | None:
        """"is expected to rise", "is likely to exceed", "is forecast to reach": the head that expects it."""
        t = verb
        for _ in range(2):
            if t.dep_ not in ("xcomp", "ccomp", "advcl") or t.head.i == t.i:
                return None
            if not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
                return None
            t = t.head
            if t.lemma_.lower() in self.cues.expectation_heads:
                return t
            if t.lemma_ != "be":
                return None
        return None


def _attachment(span: Span) -> tuple[Token, str]:
    """The word a time expression modifies, past its prepositions, and the first of them: "said [on Monday]"
    → (said, "on"); "accounted for [as of last week]" → (accounted, "as of")."""
    root = span.root
    words = span.text.lower()
    prep = "as of" if words.startswith(("as of ", "as at ")) else root.lower_ if root.pos_ == "ADP" else ""
    host = root.head
    while host.pos_ == "ADP" and host.head.i != host.i:
        prep = prep or host.lower_
        host = host.head
    return host, prep


def _bare_participle(verb: Token) -> bool:
    """A participle with no subject or auxiliary of its own: "soldiers killed or wounded", "killing 12"; also
    a past form the tagger took for a finite verb where no finite verb can be, in an adverbial clause with
    neither subject nor conjunction."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return False
    return verb.tag_ in ("VBN", "VBG") or verb.tag_ == "VBD" and verb.dep_ == "advcl" and not any(
        c.dep_ == "mark" for c in verb.children)


def above_participles(num: Token, verb: Token) -> Token:
    """The verb that gives a figure "at" or "as" ("put the toll at 80"), above the subjectless participles
    the parser may hang that "at" on: "put the number of soldiers killed or wounded at more than 3,000" →
    put (killed and wounded describe the soldiers, not the figure); verb itself otherwise."""
    t = verb
    if num.dep_ == "pobj" and num.head.lower_ in ("at", "as") and num.head.head.i == verb.i:
        while t.dep_ in ("advcl", "conj") and _bare_participle(t) and t.head.pos_ == "VERB":
            t = t.head
    return t


def _participle_of(host: Token, hosts: dict[int, Token], num: Token) -> bool:
    """host is a subjectless participle the parser hung a stated figure on, below the word that states it:
    "put the number of soldiers killed or wounded at more than 3,000 on Monday" (the time is the putting's)."""
    top = above_participles(num, host)
    return top.i != host.i and top.i in hosts


def _past_time(poss: Token) -> bool:
    """A possessive that names a past time: "last month's", "yesterday's", "the previous week's"."""
    words = {t.lower_ for t in poss.subtree}
    return poss.ent_type_ in ("DATE", "TIME") and bool(words & {"last", "yesterday", "previous", "prior"})


def _past(verb: Token) -> bool:
    """The verb states in a past tense: "told", "spoke", "had given", "was reporting"."""
    return verb.tag_ in ("VBD", "VBN") or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


# A live report's time stamps, one at the head of each entry: "12:20 - Coastguard: 43 bodies recovered",
# "18.45 | Prefecture: 59 dead", "08:20 GMT - First toll".
STAMP = re.compile(r"^[ \t]*([01]?\d|2[0-3])[:.h]([0-5]\d)(?:[ \t]*(?:GMT|UTC|BST|CET|CEST|EST|EDT|local time|"
                   r"[ap]\.?m\.?))?[ \t]*[-\u2013\u2014|:][ \t]", re.M | re.I)


def _stamps(text: str) -> list[tuple[int, str, str]]:
    """The time stamps of a live report, as (offset, "HH:MM", words); none unless the text has two or more
    (one "12:20 -" line is not a live report)."""
    found = [(m.start(), f"{int(m.group(1)):02d}:{m.group(2)}", m.group(0).strip(" \t-\u2013\u2014|:"))
             for m in STAMP.finditer(text)]
    return found if len(found) >= 2 else []


def _pluperfect(verb: Token) -> bool:
    """"had earlier put", "had previously been reported": the verb or the one it hangs on has "had"."""
    for v in (verb, verb.head):
        if any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in v.children):
            return True
    return False


