"""A report's text as HTML, every claim highlighted, its attribution frames and relay words marked.

The web page's counterpart of `claimledger show`. The text is cut at every place where something starts
or ends (a claim's figure, a frame's stretch, a speaker's or relay's name, a frame's cue words) and each
piece is written escaped, inside one element saying what covers it:

- ``<mark class="claim" data-claim=ID>``: a claim's figure (fields on hover, in its ``title``; all of them
  on click);
- ``data-frames="0 3"`` on every piece: the frames (numbered as ``frames`` lists them) that cover it, so
  that the page can light one frame's stretch;
- class ``who``, ``relay``, ``cue``: the words that name a frame's speaker, an outlet or person it went
  through, and the frame's own cue words ("according to", "told").

Nothing of the report is ever markup: ``<script>`` in a report is shown as the eight characters typed.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable
from html import escape
from typing import Any

from claimledger.models import Claim
from claimledger.reconcile import Names, format_figure


def claim_summary(c: Claim, names: Names) -> str:
    """One claim's fields in a line or two, for a hover."""
    who = names(c.source) or "the publisher's own voice"
    via = " via " + " ← ".join(names(v) for v in c.via) if c.via else ""
    period = f"; period {c.period_start or '…'} to {c.period_end or '…'}" if (c.period_start or c.period_end) else ""
    place = f" in {names(c.location)}" if c.location else ""
    return (f"{format_figure(c)} {c.item} · {c.category} · {c.measure.replace('_', ' ')} · "
            f"{names(c.actor) or '?'} → {names(c.recipient) or '–'}{place}{period}\nsource: {who}{via}")


def _word_marks(text: str, frames: list[dict[str, Any]]) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each frame's speaker name, relay names and cue words, within the frame."""
    marks = []
    for f in frames:
        start, end = max(0, f["start"]), min(len(text), f["end"])
        words = [(f["names"].get(f["source"]), "who")] if f.get("source") else []
        words += [(f["names"].get(v), "relay") for v in f.get("via", [])]
        words.append((f.get("cue"), "cue"))
        for word, kind in words:
            word = (word or "").strip()
            if not word:
                continue
            at = text.find(word, start, end)
            while at != -1:
                marks.append((at, at + len(word), kind))
                at = text.find(word, at + len(word), end)
    return marks


def render_text(text: str, claims: Iterable[Claim], frames: list[dict[str, Any]], names: Names,
                wrong: Collection[str] = ()) -> str:
    """The text as escaped HTML with its claims, frames and marked words (module docstring)."""
    claims = sorted(claims, key=lambda c: (c.start, c.end))
    size = len(text)
    words = _word_marks(text, frames)
    cuts = {0, size}
    for c in claims:
        cuts.update((min(max(c.start, 0), size), min(max(c.end, 0), size)))
    for f in frames:
        cuts.update((min(max(f["start"], 0), size), min(max(f["end"], 0), size)))
    for start, end, _kind in words:
        cuts.update((start, end))
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:], strict=False):
        piece = escape(text[a:b])
        covering = [c for c in claims if c.start <= a and b <= c.end]
        inside = " ".join(str(i) for i, f in enumerate(frames) if f["start"] <= a and b <= f["end"])
        kinds = sorted({kind for start, end, kind in words if start <= a and b <= end})
        if covering:
            c = covering[0]
            classes = " ".join(["claim", *(["wrong"] if c.id in wrong else []), *kinds])
            out.append(f'<mark class="{classes}" data-claim="{escape(c.id)}" data-frames="{inside}" '
                       f'title="{escape(claim_summary(c, names))}">{piece}</mark>')
        else:
            out.append(f'<span class="{" ".join(kinds)}" data-frames="{inside}">{piece}</span>'
                       if kinds or inside else piece)
    return "".join(out)
