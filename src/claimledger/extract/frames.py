"""Attribution frames that reach past their sentence: quotations, speaker labels, introduced lists.

A sentence's own frames ("the NIS said", "according to X") are found by
extract/attribution.py. A figure with none of them may still be in somebody's
voice, and the document's layout says whose:

- **quotations**: a figure inside quotation marks is the quoted speaker's, even
  when the quote runs over several sentences or paragraphs and the speech verb
  sits in another sentence (`"...," she said. "... 25 million more ..."`);
  a quote with no speech verb of its own continues the quote before it in the
  same paragraph;
- **speaker labels**: in a transcript a paragraph opened by "NAME:" is NAME's,
  and so are the paragraphs after it up to the next label;
- **introduced lists**: a paragraph that ends with a colon and holds a frame
  ("The ministry gave these figures:") lends it to the paragraphs that follow
  while they are list items, and to the first paragraph after it in any case.

A digest's or a live blog's heading line ("CONGO: TOLL RISES TO 94" over the
section's text) is no speaker's label (`heading_line`); `heading_spans` finds
the body's headings for extract/attribution.py, whose figures are in the voice
of the text below them, as a title's are in the body's.

`DocumentFrames` computes these once per document from the text and the
sentence frames and answers, for a character offset, the frame that covers it.
"""
from __future__ import annotations

import heapq
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

OPENING = "“«"
CLOSING = "”»"
QUOTE_MARK = re.compile("[\n\"'" + re.escape(OPENING + CLOSING) + "]")
LABEL = re.compile(r"^[\"“]?\s*((?:[A-Z][A-Za-z.'’-]*\s){0,3}[A-Z][A-Za-z.'’-]*)(?:\s\(([^)]{1,30})\))?\s?:\s+\S")
# A live blog's entry heading that names who speaks: "17:50 - Macron: over €2 billion".
HEADING = re.compile(r"(?m)^[ \t]*\d{1,2}[:.]\d{2}[^\n]{0,15}?[-–—][ \t]*([A-Z][\w.'’ -]{1,40}?):[ \t]+\S[^\n]*$")
# A live blog's entry heading on a line of its own, the entry's text on the next: "8:45 p.m. - Toll rises".
CLOCK_LINE = re.compile(r"[ \t]*\d{1,2}[:.]\d{2}\b[^\n]{0,100}\n(?=[ \t]*\S)")
# Labels of the people asking, not answering: their figures have frames of their own ("X said ...").
ASKING = {"Q", "QUESTION", "REPORTER", "INTERVIEWER", "HOST", "ANCHOR", "MODERATOR"}
LIST_ITEM = re.compile(r"^\s*(?:[-–—•*·]|\d{1,2}[.)]\s|\(\w\)\s)")
TABLE_ROW = re.compile(r"\S(?:\s*\|\s*|\s{3,}|\t)\S")
# A list line whose figure closes on its source in brackets, at the line's end or before a clause of the
# publisher's own after a semicolon: "- Towns seized: more than 20 (alliance statements)", "- Troops: about
# 900 (defence ministry); the rebels deny it".
LINE_SOURCE = re.compile(r"(?m)^(\s*(?:[-–—•*·]|\d{1,2}[.)])\s.*?)\(([A-Za-z][^()\n]{1,50})\)\s*(?:;[^\n]*)?$")
NON_SPACE = re.compile(r"\S")
# How a line that ends a sentence ends: its last mark, maybe inside a closing quote or bracket.
SENTENCE_END = re.compile(r"[.!?:;,…][\"'”’)\]]*\s*$")
QUOTE_ATTACH = 80  # characters between a quote and the speech verb that introduces or closes it


@dataclass
class Quote:
    start: int
    end: int
    speaker_at: int | None = None  # character offset of the speech verb that attributes the quote


def quote_spans(text: str) -> list[Quote]:
    """Quoted stretches of the text. Curly quotes open and close; straight double quotes and two
    apostrophes toggle. A quote left open at a paragraph's end goes on into the next paragraph when
    that opens with a quotation mark (the news convention for a quote of several paragraphs), else it
    ends with its paragraph."""
    spans: list[Quote] = []
    open_at: int | None = None
    i, n = 0, len(text)
    while i < n:
        mark = QUOTE_MARK.search(text, i)  # past the characters none of the cases below looks at
        if mark is None:
            break
        i = mark.start()
        ch = text[i]
        if text.startswith("\n\n", i):
            if open_at is not None:
                j = i
                while j < n and text[j] in "\n \t":
                    j += 1
                if not (j < n and (text[j] in OPENING or text[j] == '"' or text.startswith("''", j))):
                    spans.append(Quote(open_at, i))
                    open_at = None
                else:
                    i = j + (2 if text.startswith("''", j) else 1)  # the reopening mark continues the quote
                    continue
            i += 2
            continue
        two = text.startswith("''", i)
        if ch in OPENING and open_at is None:
            open_at = i + 1
        elif ch in CLOSING and open_at is not None:
            spans.append(Quote(open_at, i))
            open_at = None
        elif ch == '"' or two:
            if open_at is None:
                open_at = i + (2 if two else 1)
            else:
                spans.append(Quote(open_at, i))
                open_at = None
            if two:
                i += 1
        i += 1
    if open_at is not None:
        spans.append(Quote(open_at, n))
    return [q for q in spans if q.end - q.start >= 3]


def _heads(line: str, below: str) -> bool:
    """`line` is a heading over `below`: it stops with no mark that ends a sentence, and `below` is text that
    does. A digest's section heading, not a speaker's turn of a transcript, whose words end as sentences do,
    nor a row of a list or a table, whose next line is another row."""
    return bool(line.strip()) and bool(below.strip()) and not SENTENCE_END.search(line) \
        and bool(SENTENCE_END.search(below)) and not (LIST_ITEM.match(line) or TABLE_ROW.search(line))


def _line_from(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start:end if end >= 0 else len(text)]


def heading_line(text: str, start: int) -> bool:
    """The line at `start` is a heading over the line right below it (`_heads`): "ECUADOR: 9.5 TONNES SEIZED ¶
    Police said on Monday they had found ...", "Kelowna: 2,400 homes under evacuation order ¶ ..."."""
    end = text.find("\n", start)
    return end >= 0 and _heads(text[start:end], _line_from(text, end + 1))


def heading_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """The heading lines of the text from `start` on (past the title), as (start, end) offsets: a line that is
    a heading (`_heads`) over the next line of text, on the next line or in the next paragraph ("09:40 -
    Seven hostages freed ¶¶ "Seven hostages have crossed," the army said.")."""
    return [(m.start(), m.end()) for m in re.finditer(r"(?m)^[^\n]*\S[^\n]*$", text)
            if m.start() >= start and line_under(text, m.start(), m.end()) is not None]


def line_under(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The bounds of the next line of text below the line text[start:end] (on the next line or in the next
    paragraph) where that line is a heading over it (`_heads`); None where it is not."""
    below = NON_SPACE.search(text, end)
    if below is None:
        return None
    under = _line_from(text, below.start())
    return (below.start(), below.start() + len(under)) if _heads(text[start:end], under) else None


def paragraph_starts(text: str) -> list[int]:
    starts = [0]
    for m in re.finditer(r"\n\s*\n", text):
        starts.append(m.end())
    return starts


@dataclass
class Lent:
    """A frame lent to a stretch of text: where it covers and where its speech verb stands."""
    start: int
    end: int
    anchor_at: int
    kind: str  # quote, label, list
    label: str = ""
    outlet: str = ""  # the outlet in brackets after a label: "QUESTION (AFP):" → "AFP"


class DocumentFrames:
    """The frames a document's layout lends past their sentences (see the module docstring).

    `frame_at(offset)` takes the character offset of a speech verb and returns the sentence frame
    anchored there; labels, which have no verb, come back as their text for the caller to resolve.
    """

    def __init__(self, text: str, frame_offsets: list[int], sentence_of: Callable[[int], tuple[int, int]],
                 names: set[str] | None = None, title_end: int = 0):
        self.text = text
        self.title_end = title_end  # a title's "Wildfires: the day's headlines" names a topic, never a speaker
        self.names = names or set()  # last names of the people the text names, for "Kirby:" labels
        self.paragraphs = paragraph_starts(text)
        self.frame_offsets = sorted(frame_offsets)
        self.sentence_of = sentence_of
        self.quotes = quote_spans(text)
        self._quote_starts = [q.start for q in self.quotes]
        self.lent: list[Lent] = []
        self._cover_bounds: list[int] | None = None  # `covering`'s index, built at its first call
        self._cover: list[Lent | None] = []
        self._attribute_quotes()
        self._labels()
        self._lists()
        self._line_sources()
        self._headings()

    def paragraph(self, offset: int) -> int:
        """The index of the paragraph holding a character offset."""
        return bisect_right(self.paragraphs, offset) - 1

    def body_start(self, k: int) -> int:
        """Where paragraph k's own text starts: past a live blog's time-stamped heading line."""
        heading = CLOCK_LINE.match(self.text, self.paragraphs[k])
        return heading.end() if heading else self.paragraphs[k]

    def _paragraph_end(self, k: int) -> int:
        return self.paragraphs[k + 1] if k + 1 < len(self.paragraphs) else len(self.text)

    def _inside_quote(self, offset: int) -> Quote | None:
        """The quote holding offset (quotes are found left to right and never overlap)."""
        k = bisect_right(self._quote_starts, offset) - 1
        return self.quotes[k] if k >= 0 and offset < self.quotes[k].end else None

    def _attribute_quotes(self) -> None:
        """Each quote's speech verb: the nearest frame outside every quote in the sentences the quote
        touches (or the one right after it); failing that, the speaker of the quote before it in the
        same paragraph."""
        outside = [o for o in self.frame_offsets if self._inside_quote(o) is None]
        previous: Quote | None = None
        for q in self.quotes:
            lo = self.sentence_of(q.start)[0]
            hi = self.sentence_of(max(q.start, q.end - 1))[1]
            after = self.sentence_of(min(len(self.text) - 1, hi + 1))[1] if hi + 1 < len(self.text) else hi
            # a speech verb after the quote closes it only in the quote's own paragraph: one that opens the
            # next paragraph ("¶ The agency's chief warned that ...") starts a statement of its own
            near = [o for o in outside[bisect_left(outside, lo):bisect_left(outside, after)]
                    if o < q.start or (o < hi or o - q.end <= QUOTE_ATTACH)
                    and self.paragraph(o) == self.paragraph(max(q.start, q.end - 1))]
            intro = self._introduced_by(q.start)
            if near:
                q.speaker_at = min(near, key=lambda o: min(abs(o - q.start), abs(o - q.end)))
            elif intro is not None:
                q.speaker_at = intro  # 'the ministry said: ¶ "..."': a quote opening the paragraph after a colon
            elif previous is not None and previous.speaker_at is not None and \
                    self.paragraph(previous.start) >= self.paragraph(q.start) - 1:
                q.speaker_at = previous.speaker_at
            else:
                q.speaker_at = self._speaker_before(q)
            if q.speaker_at is not None:
                self.lent.append(Lent(q.start, q.end, q.speaker_at, "quote"))
            previous = q

    def _speaker_before(self, q: Quote) -> int | None:
        """A quote that opens its paragraph with no speech verb of its own is in the voice of the last
        speaker of the paragraph before ("..., the agency said in a statement on Monday. ¶ "Most of the
        displaced are children ...""): news names the speaker once and then gives the quote."""
        k = self.paragraph(q.start)
        if k == 0 or self.text[self.paragraphs[k]:q.start].strip() not in ('"', "''", *OPENING):
            return None
        own = [o for o in self._frames_between(self.paragraphs[k - 1], self.paragraphs[k])
               if self._inside_quote(o) is None]
        return own[-1] if own else None

    def _introduced_by(self, offset: int) -> int | None:
        """The frame of the paragraph before offset's when that paragraph ends with a colon."""
        k = self.paragraph(offset)
        if k == 0:
            return None
        start, end = self.paragraphs[k - 1], self.paragraphs[k]
        if not self.text[start:end].rstrip().endswith(":"):
            return None
        own = self._frames_between(start, end)
        return own[-1] if own else None

    def _frames_between(self, start: int, end: int) -> list[int]:
        """The frame offsets in [start, end)."""
        return self.frame_offsets[bisect_left(self.frame_offsets, start):bisect_left(self.frame_offsets, end)]

    def _labels(self) -> None:
        """"NAME: ..." paragraphs of a transcript, each label covering up to the next one; not the title nor a
        paragraph that opens with a heading line ("ECUADOR: 9.5 TONNES SEIZED ¶ Police said ...")."""
        found = []
        for k, start in enumerate(self.paragraphs):
            if start < self.title_end or heading_line(self.text, start):
                continue
            m = LABEL.match(self.text[start:start + 60])
            if m and self._is_label(m.group(1)):
                found.append((k, start + m.start(1), m.group(1), m.group(2) or ""))
        # a label only where the text is a transcript: two labelled paragraphs at least
        if len(found) < 2:
            return
        for n, (_, at, label, outlet) in enumerate(found):
            nxt = found[n + 1][0] if n + 1 < len(found) else len(self.paragraphs)
            end = self._paragraph_end(nxt - 1)
            self.lent.append(Lent(at + len(label), end, at, "label", label, outlet.strip()))

    def _is_label(self, label: str) -> bool:
        """A speaker's name in capitals ("KIRBY", "MARIA VAN KERKHOVE"), a name the text gives a person, or
        the label of the one asking ("Q:"), whose turn ends the answer before it."""
        letters = [c for c in label if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters) or label.split()[-1] in self.names \
            or label in self.names or label.upper() in ASKING

    def _is_block(self, k: int) -> bool:
        """A paragraph of several lines that are list items or table rows."""
        lines = [ln for ln in self.text[self.paragraphs[k]:self._paragraph_end(k)].strip().split("\n") if ln.strip()]
        return len(lines) >= 2 and sum(bool(LIST_ITEM.match(ln) or TABLE_ROW.search(ln)) for ln in lines) \
            >= len(lines) - 1

    def _lists(self) -> None:
        """A paragraph with a frame lends it to what it introduces: the paragraph after a colon, and the
        lists and tables that follow ("..., according to the JMIC. ¶ Ship | Attacked | Crew killed ...")."""
        for k in range(len(self.paragraphs) - 1):
            start, end = self.paragraphs[k], self._paragraph_end(k)
            body = self.text[start:end].rstrip()
            own = self._frames_between(start, end)
            if not own:
                continue
            colon = body.endswith(":")
            if not colon and not self._is_block(k + 1):
                continue
            last = k + 1
            while last + 1 < len(self.paragraphs) and (self._list_item_at(self.paragraphs[last + 1])
                                                       or self._is_block(last + 1)):
                last += 1
            self.lent.append(Lent(self.paragraphs[k + 1], self._paragraph_end(last), own[-1], "list"))

    def _list_item_at(self, offset: int) -> bool:
        """LIST_ITEM matches the text from offset on: read past the leading white space and the few
        characters a list mark takes, never the rest of the document."""
        first = NON_SPACE.search(self.text, offset)
        end = first.start() + 4 if first is not None else len(self.text)
        return bool(LIST_ITEM.match(self.text[offset:end]))

    def _headings(self) -> None:
        for m in HEADING.finditer(self.text):
            if self._is_label(m.group(1)):
                self.lent.append(Lent(m.end(1), m.end(), m.start(1), "label", m.group(1)))

    def _line_sources(self) -> None:
        """List items and table rows that name their own source in brackets at the end: "... 2,389 (MNDAA)"."""
        for m in LINE_SOURCE.finditer(self.text):
            label = m.group(2).split(",")[0].strip()
            if label and not label[0].isdigit():
                at = m.start(2)
                self.lent.append(Lent(m.start(1), m.start(2), at, "label", label))

    def covering(self, offset: int) -> Lent | None:
        """The innermost lent frame over a character offset: a quote before a list before a label (the
        shortest; of equally short ones the first lent)."""
        if self._cover_bounds is None:
            self._index_cover()
        assert self._cover_bounds is not None
        k = bisect_right(self._cover_bounds, offset) - 1
        return self._cover[k] if k >= 0 else None

    def _index_cover(self) -> None:
        """Cut the text at every lent frame's start and end: within each piece the innermost frame is one
        and the same, found once by a sweep with a heap (shortest first, then first lent)."""
        events = sorted({b for lent in self.lent for b in (lent.start, lent.end)})
        by_start: dict[int, list[int]] = {}
        for n, lent in enumerate(self.lent):
            if lent.start < lent.end:
                by_start.setdefault(lent.start, []).append(n)
        heap: list[tuple[int, int]] = []
        self._cover_bounds, self._cover = [], []
        for at in events:
            for n in by_start.get(at, []):
                heapq.heappush(heap, (self.lent[n].end - self.lent[n].start, n))
            while heap and self.lent[heap[0][1]].end <= at:
                heapq.heappop(heap)
            self._cover_bounds.append(at)
            self._cover.append(self.lent[heap[0][1]] if heap else None)
