"""Reconcile: from many reports' claims to one picture per quantity.

Pure functions over ``list[Claim]`` (no ledger access; plotting writes the
file it is asked to):

- ``build_series(claims)`` groups claims about one quantity (``series``):
  blocks split into events by the quantity model (``quantities``);
- ``roles(claims)`` says what each claim is to its quantity: the whole, a
  part and why, a projection, an earlier figure; ``statement_date`` when it
  was said (``roles``);
- ``originator(claim)`` folds one government's or organisation's voices into
  one; ``Parties`` says who fights whom (``originators``);
- ``timeline(series)`` lays one series out in time order with its
  assertions, figures, conflicts and estimate (``timeline``);
- ``group_by_source`` / ``assertions`` / ``figures`` count independent
  primary sources and show the relays under each (``sources``);
- ``find_conflicts(series)`` lists figures that cannot both hold (``conflicts``);
- ``estimate(series)`` gives the current low / best / high with a reason for
  each (``estimate``);
- ``review``: analysts' corrections applied to claims, series and conflicts;
- ``plot_timeline(series, path)`` draws it (``plot``, matplotlib on demand).

Hands on to the CLI (``claimledger.cli_reconcile``), the HTTP API and the web UI.
"""
from claimledger.reconcile.conflicts import APPROX_TOLERANCE, Conflict, conflicts_of, figure_interval, find_conflicts
from claimledger.reconcile.estimate import Estimate, estimate
from claimledger.reconcile.originators import Originators, Parties, originator
from claimledger.reconcile.plot import count_marks, plot_timeline
from claimledger.reconcile.quantities import BlockKey, QuantityModel, block_key
from claimledger.reconcile.roles import Role, roles, statement_date
from claimledger.reconcile.series import (
    Kinds,
    Names,
    Series,
    SeriesKey,
    build_series,
    claim_date,
    claim_span,
    find_series,
    primary_source,
    series_id,
)
from claimledger.reconcile.sources import (
    Assertion,
    FigureGroup,
    SourceGroup,
    assertions,
    figures,
    format_figure,
    group_by_source,
    relay_of,
)
from claimledger.reconcile.timeline import Timeline, TimelinePoint, timeline

__all__ = [
    "APPROX_TOLERANCE",
    "Assertion",
    "BlockKey",
    "Conflict",
    "Estimate",
    "FigureGroup",
    "Kinds",
    "Names",
    "Originators",
    "Parties",
    "QuantityModel",
    "Role",
    "Series",
    "SeriesKey",
    "SourceGroup",
    "Timeline",
    "TimelinePoint",
    "assertions",
    "block_key",
    "build_series",
    "claim_date",
    "claim_span",
    "conflicts_of",
    "count_marks",
    "estimate",
    "figure_interval",
    "figures",
    "find_conflicts",
    "find_series",
    "format_figure",
    "group_by_source",
    "originator",
    "plot_timeline",
    "primary_source",
    "relay_of",
    "roles",
    "series_id",
    "statement_date",
    "timeline",
]
