"""Plot a timeline: the figures of one series over time, readable without the table.

- One mark per assertion (``sources.assertions``): a primary source stating
  a figure, however many outlets relayed it. Relays are written next to the
  mark ("via AP → CALIBER-AZ"), never drawn as marks of their own, so the
  eye counts independent sources, not reports.
- One colour per independent originator (reconcile/originators.py: one
  government, one organisation), named in the legend with its report count;
  each mark at its statement date (the date the text gives for the
  statement, else the publication date) or, for a flow, its period's end.
- Ranges are vertical bars from low to high with the mark at the midpoint;
  floors ("more than") are ▲, ceilings ("up to") ▼, additions ("3,000
  more") ✚, plain figures ●; hedged figures ("about") are hollow. Vague amounts and undated claims have no
  place on the axes and are left out (the table lists them).
- The title is the series name, the subtitle the low / best / high estimate.

``plot_timeline`` returns the matplotlib Figure so callers (and tests) can
count the marks from the figure itself (``count_marks``). Output format
follows the file suffix: .png, .svg, or .html (the SVG inside a small
standalone page). matplotlib is imported when a plot is drawn, not when the
package is imported, and only through its object API on an Agg canvas: no
pyplot state, no display.
"""
from __future__ import annotations

import html
import io
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimledger.display import clean
from claimledger.errors import ClaimLedgerError, ConfigError
from claimledger.models import Claim
from claimledger.reconcile.estimate import Estimate, estimate
from claimledger.reconcile.originators import originator
from claimledger.reconcile.roles import flow_period, statement_date
from claimledger.reconcile.series import Names, Series
from claimledger.reconcile.sources import Assertion, assertions, format_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FORMATS = (".png", ".svg", ".html")


def _plain(text: str) -> str:
    """Report text as matplotlib should draw it: as typed. A pair of "$" starts mathtext, which garbles
    "US$5 ... $6" and fails outright on "$\\frac{$"; an escaped "\\$" is drawn as a dollar sign. Control
    characters are shown escaped, as on the terminal (display.py)."""
    return clean(text).replace("$", r"\$")


def _marker(a: Assertion) -> str:
    bound = a.claim.bound or "="
    if a.claim.incremental:
        return "P"
    if a.claim.low is not None and a.claim.high is not None:
        return "o"
    if bound in (">", ">="):
        return "^"
    if bound in ("<", "<="):
        return "v"
    return "o"


def _relay_label(a: Assertion, names: Names, limit: int = 2) -> str:
    chains = [r.chain for r in a.relays if r.chain]
    if not chains:
        return ""
    shown = ["via " + " → ".join(names(x) for x in chain) for chain in chains[:limit]]
    more = f" (+{len(chains) - limit} more)" if len(chains) > limit else ""
    return "; ".join(shown) + more


def _number(v: float | None) -> str:
    if v is None:
        return "–"
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.1f}"


def figure_points(claim: Claim) -> tuple[float, float, float] | None:
    """(low end, mark, high end) of a figure on the axis, or None if it has no number."""
    if claim.vague:
        return None
    if claim.low is not None and claim.high is not None:
        lo, hi = float(min(claim.low, claim.high)), float(max(claim.low, claim.high))
        return lo, (lo + hi) / 2, hi
    if claim.value is not None:
        v = float(claim.value)
        return v, v, v
    return None


def mark_date(claim: Claim) -> Any:
    """Where a figure sits in time: a flow at its period's end, anything else at its statement date."""
    period = flow_period(claim)
    return period[1] if period else statement_date(claim)


def plot_timeline(series: Series, path: str | Path | None = None, names: Names | None = None,
                  est: Estimate | None = None) -> Figure:
    """Draw ``series`` and, when ``path`` is given, write it (.png, .svg or .html). Returns the figure."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    if path is not None and Path(path).suffix.lower() not in FORMATS:
        raise ClaimLedgerError(f"{path}: cannot tell the plot format; name the file .png, .svg or .html")
    names = names or Names(series.claims)
    fig = Figure(figsize=(10, 5.5), layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()

    plotted = [a for a in assertions(series.claims)
               if figure_points(a.claim) is not None and mark_date(a.claim) is not None]
    palette = [f"C{i}" for i in range(10)]
    colours: dict[str, str] = {}
    reports: dict[str, int] = {}
    for a in plotted:
        who = originator(a.claim)
        colours.setdefault(who, palette[len(colours) % len(palette)])
        reports[who] = reports.get(who, 0) + len(a.claims)

    placed: dict[tuple[float, float], int] = {}  # marks already labelled at one spot
    for a in plotted:
        lo, mid, hi = figure_points(a.claim)  # type: ignore[misc]  # filtered above
        when = float(date2num(mark_date(a.claim)))
        # Two sources with one figure on one day share a spot: stack their labels, not overprint them.
        stacked = placed.get((when, mid), 0)
        placed[(when, mid)] = stacked + 1
        colour = colours[originator(a.claim)]
        if hi > lo:
            ax.vlines(when, lo, hi, colors=colour, linewidth=2.5, alpha=0.6)
        ax.scatter(
            [when], [mid], marker=_marker(a), s=70, zorder=3,
            facecolors="none" if a.approx else colour, edgecolors=colour, linewidths=1.8,
        )
        text = format_figure(a.claim)
        if a.claim.location:  # a part of the whole, counted in one place
            text += f" in {names(a.claim.location)}"
        relay = _relay_label(a, names)
        ax.annotate(
            _plain(f"{text}\n{relay}" if relay else text), (when, mid), xytext=(6, 4 - 20 * stacked),
            textcoords="offset points",
            fontsize=7, color="0.25",
        )

    ax.set_title(_plain(series.name), loc="left", fontsize=12)
    est = est if est is not None else estimate(series, names=names)
    if est is not None and est.refused:
        fig.suptitle(_plain(f"no estimate: {est.refused}"), x=0.01, ha="left", fontsize=9, color="0.35")
    elif est is not None:
        fig.suptitle(
            f"low {_number(est.low)} · best {_number(est.best)} · high {_number(est.high)}"
            f"  across {len(est.sources)} independent source{'s' if len(est.sources) != 1 else ''}",
            x=0.01, ha="left", fontsize=9, color="0.35",
        )
    ax.set_ylabel(_plain(f"{series.kind} {series.measure.replace('_', ' ')}"))
    if plotted:
        locator = AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        # One legend entry per source, drawn as a plain dot whatever its marks' shapes.
        handles = [Line2D([], [], marker="o", linestyle="", color=colour,
                          label=_plain(f"{names(src)} ({reports[src]} report{'s' if reports[src] != 1 else ''})"))
                   for src, colour in colours.items()]
        ax.legend(handles=handles, title="originator", fontsize=8, title_fontsize=8, loc="best")
        ax.set_ylim(bottom=0)
    else:
        ax.text(0.5, 0.5, "no dated figures to plot", ha="center", va="center", transform=ax.transAxes)
    ax.grid(True, alpha=0.3)
    ax.text(1.0, -0.12, "● figure  ▲ floor  ▼ ceiling  ✚ addition  ○ approximate  | range",
            transform=ax.transAxes, ha="right", fontsize=7, color="0.4")

    if path is not None:
        write_figure(fig, path, title=series.name)
    return fig


def write_figure(fig: Figure, path: str | Path, title: str = "claimledger timeline") -> Path:
    """Write ``fig`` in the format its suffix names; .html wraps the SVG in a standalone page.

    A file that cannot be written (no such directory, no permission) is a
    ConfigError naming the path and the reason, like an unwritable export.
    """
    path = Path(path)
    try:
        return _write(fig, path, title)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ConfigError(f"{path}: cannot write the plot ({reason}); choose a file in a writable directory") from exc


def _write(fig: Figure, path: Path, title: str) -> Path:
    suffix = path.suffix.lower()
    if suffix == ".html":
        buf = io.StringIO()
        fig.savefig(buf, format="svg")
        svg = buf.getvalue()
        svg = svg[svg.index("<svg"):]  # drop the XML prolog and doctype: inline SVG in HTML
        page = (
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{html.escape(title)}</title>\n"
            "<style>body{font-family:sans-serif;margin:1.5em}svg{max-width:100%;height:auto}</style>\n"
            f"</head>\n<body>\n<h1>{html.escape(title)}</h1>\n{svg}\n</body>\n</html>\n"
        )
        path.write_text(page, encoding="utf-8")
    elif suffix in (".png", ".svg"):
        fig.savefig(path, format=suffix[1:], dpi=120)
    else:
        raise ClaimLedgerError(f"{path}: cannot tell the plot format; name the file .png, .svg or .html")
    return path


def count_marks(fig: Figure | Iterable[Any]) -> int:
    """The number of figure marks drawn: points in the axes' scatter collections.

    Range bars (LineCollections) and legend handles are not counted: a range
    is one mark with its bar.
    """
    import numpy as np
    from matplotlib.collections import PathCollection

    axes = fig.axes if hasattr(fig, "axes") else list(fig)
    return sum(int(np.asarray(c.get_offsets()).shape[0])
               for ax in axes for c in ax.collections if isinstance(c, PathCollection))
