"""A series' timeline as inline SVG: figures over time, one mark per claim.

The web page's counterpart of ``reconcile/plot.py``, drawn by hand so that the page needs no plotting
library in the browser and no image round trip: each claim that has a number and a date is one mark
(``<g class="mark" data-claim=ID>``) at the date ``plot.mark_date`` gives it (a flow at its period's end,
anything else at its statement date), coloured by its independent originator. A range is a bar from low
to high with the mark at its middle; a floor ("more than") is ▲, a ceiling ("up to") ▼, an addition ✚,
a plain figure ●; a hedged figure ("about") is hollow. Relays of one figure on one day stand side by
side, a few pixels apart, instead of hiding one another. Each mark's ``<title>`` (the hover text) gives
the figure, the originator, the relay chain, the statement date and the period counted. The low, best
and high estimate are dashed lines across.

Every string from the ledger is escaped here: the SVG goes into the page as markup.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from math import floor, log10

from claimledger.reconcile import Timeline, TimelinePoint
from claimledger.reconcile.plot import figure_points, mark_date

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
           "#bcbd22", "#7f7f7f")
WIDTH, HEIGHT = 880, 360
LEFT, RIGHT, TOP, BOTTOM = 72, 56, 24, 36


@dataclass
class Legend:
    originator: str
    name: str
    colour: str
    claims: int


@dataclass
class Chart:
    svg: str  # markup, every ledger string in it escaped
    legend: list[Legend]
    marks: int
    unplaced: list[str]  # claims with no place on the axes (vague, or no date): the table lists them


def number(v: float) -> str:
    """An axis or estimate figure, short: 15,000 · 1.2m · 62bn."""
    for size, unit in ((1e9, "bn"), (1e6, "m")):
        if abs(v) >= size:
            return f"{v / size:,.3g}{unit}"
    return f"{v:,.0f}" if abs(v) >= 10 or float(v).is_integer() else f"{v:,.2g}"


def _step(span: float, ticks: int = 5) -> float:
    """A round tick step (1, 2 or 5 times a power of ten) giving about ``ticks`` ticks over ``span``."""
    raw = span / ticks
    power = 10 ** floor(log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def _date_ticks(start: date, end: date, most: int = 7) -> list[tuple[date, str]]:
    """Round dates between start and end: every 1, 2, 7 or 14 days, else the first of every 1, 2, 3 or 6
    months, else of every year or few."""
    span = (end - start).days
    for days in (1, 2, 7, 14):
        if span / days <= most:
            first = start + timedelta(days=-start.toordinal() % days)
            return [(first + timedelta(days=k * days), (first + timedelta(days=k * days)).isoformat())
                    for k in range(span // days + 1) if first + timedelta(days=k * days) <= end]
    for months in (1, 2, 3, 6, 12, 24, 60, 120):
        if span / (30.4 * months) <= most:
            break
    out: list[tuple[date, str]] = []
    index = start.year * 12 + start.month - 1  # months since year 0
    index += -index % months
    while True:
        d = date(index // 12, index % 12 + 1, 1)
        if d > end:
            return out
        if d >= start:
            out.append((d, d.strftime("%Y") if months >= 12 else d.strftime("%Y-%m")))
        index += months


def _hover(p: TimelinePoint) -> str:
    c = p.claim
    lines = [f"{p.role.label + ': ' if p.role.label else ''}{c.text}  ({p.claim.item}, {c.measure.replace('_', ' ')})",
             f"originator: {p.originator_name}{' (party to the fighting)' if p.party else ''}",
             f"relayed: {p.relay_names}",
             f"stated: {p.stated or 'undated'}{'' if c.stated else ' (publication date)'}"]
    if c.period_start or c.period_end:
        lines.append(f"period counted: {c.period_start or '…'} to {c.period_end or '…'}")
    flags = [name for name, on in (("running total", c.cumulative), ("projection", p.role.projection),
                                   ("earlier figure", p.role.earlier), ("superseded", p.superseded)) if on]
    if flags:
        lines.append(", ".join(flags))
    lines.append(f"claim {c.id}")
    return "\n".join(lines)


def _shape(p: TimelinePoint, x: float, y: float, colour: str) -> str:
    c = p.claim
    fill = "#ffffff" if c.approx else colour
    paint = f'fill="{fill}" stroke="{colour}" stroke-width="2"'
    if c.incremental:
        return (f'<path class="shape" d="M{x - 6:.1f},{y:.1f}h12M{x:.1f},{y - 6:.1f}v12" stroke="{colour}" '
                'stroke-width="3" fill="none"/>')
    bound = c.bound or "="
    if c.low is None or c.high is None:
        if bound in (">", ">="):
            return f'<path class="shape" d="M{x:.1f},{y - 7:.1f}l6,11h-12z" {paint}/>'
        if bound in ("<", "<="):
            return f'<path class="shape" d="M{x:.1f},{y + 7:.1f}l6,-11h-12z" {paint}/>'
    return f'<circle class="shape" cx="{x:.1f}" cy="{y:.1f}" r="5.5" {paint}/>'


def timeline_svg(tl: Timeline) -> Chart:
    placed = []
    unplaced = []
    for p in tl.points:
        ends, when = figure_points(p.claim), mark_date(p.claim)
        if ends is None or when is None:
            unplaced.append(p.claim.id)
        else:
            placed.append((p, ends, when))
    colours: dict[str, str] = {}
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    for p, _ends, _when in placed:
        colours.setdefault(p.originator, PALETTE[len(colours) % len(PALETTE)])
        counts[p.originator] = counts.get(p.originator, 0) + 1
        names[p.originator] = p.originator_name
    legend = [Legend(o, names[o], colours[o], counts[o]) for o in colours]
    label = escape(f"timeline of {tl.series.name}")
    head = (f'<svg class="timeline" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{label}" '
            'xmlns="http://www.w3.org/2000/svg">')
    if not placed:
        return Chart(head + f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle" class="empty">'
                     'no dated figures to plot</text></svg>', legend, 0, unplaced)

    first, last = min(w for *_, w in placed), max(w for *_, w in placed)
    pad = timedelta(days=10) if first == last else max(timedelta(days=1), (last - first) * 0.05)
    # more room on the right, where the estimate's labels sit, than on the left
    start, end = first - pad, last + max(pad * 2, (last - first) * 0.2)
    est = tl.estimate if tl.estimate is not None and not tl.estimate.refused else None
    top = max([hi for _p, (_lo, _mid, hi), _w in placed] + [v for v in (est.high if est else None,) if v] + [1.0])
    step = _step(top * 1.1)
    ceiling = step * (int(top * 1.1 / step) + 1)
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def sx(d: date) -> float:
        return LEFT + inner_w * (d - start).days / max((end - start).days, 1)

    def sy(v: float) -> float:
        return TOP + inner_h * (1 - v / ceiling)

    out = [head, '<g class="axes">']
    tick = 0.0
    while tick <= ceiling + step / 2:
        y = sy(tick)
        out.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>'
                   f'<text class="tick" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{number(tick)}</text>')
        tick += step
    for d, text in _date_ticks(start, end):
        out.append(f'<text class="tick" x="{sx(d):.1f}" y="{HEIGHT - 12}" text-anchor="middle">{text}</text>')
    what = escape(f"{tl.series.kind} {tl.series.measure.replace('_', ' ')}")
    out.append(f'<text class="tick" x="{LEFT}" y="{TOP - 4}">{what}</text>')
    out.append(f'<line class="axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{sy(0):.1f}" y2="{sy(0):.1f}"/></g>')
    if est is not None:
        levels: dict[float, list[str]] = {}  # bounds that coincide share one line and one label
        for bound in ("low", "best", "high"):
            v = getattr(est, bound)
            if v is not None:
                levels.setdefault(v, []).append(bound)
        for v, bounds in levels.items():
            y = sy(v)
            out.append(f'<g class="estimate {" ".join(bounds)}"><line x1="{LEFT}" x2="{WIDTH - RIGHT}" '
                       f'y1="{y:.1f}" y2="{y:.1f}"/><text x="{WIDTH - RIGHT - 4}" y="{y - 5:.1f}" '
                       f'text-anchor="end">{" = ".join(bounds)} {number(v)}</text></g>')
    seen: dict[tuple[date, float], int] = {}
    for p, (lo, mid, hi), when in placed:
        colour = colours[p.originator]
        k = seen.get((when, mid), 0)
        seen[(when, mid)] = k + 1
        x = sx(when) + 8 * k  # relays of one figure on one day, side by side
        parts = [f'<g class="mark" tabindex="0" data-claim="{escape(p.claim.id)}" '
                 f'data-originator="{escape(p.originator)}"><title>{escape(_hover(p))}</title>']
        if hi > lo:
            parts.append(f'<line class="range" x1="{x:.1f}" x2="{x:.1f}" y1="{sy(lo):.1f}" y2="{sy(hi):.1f}" '
                         f'stroke="{colour}"/>')
        parts.append(_shape(p, x, sy(mid), colour) + "</g>")
        out.append("".join(parts))
    out.append("</svg>")
    return Chart("".join(out), legend, len(placed), unplaced)
