"""Extraction in worker processes: `ingest --workers N` and `extract --workers N`, or on a Dask
cluster: `--engine dask [--scheduler ADDRESS]`.

Parsing is nearly all of extraction's time and one spaCy pipeline keeps one core busy, so N worker
processes, each with its own Extractor built from the same settings, extract N documents at once.
Everything that has an order or touches the ledger stays in the parent: reading the sources,
deciding what needs extracting (a document already stored is never sent), writing each result.
Documents go out in batches and their claims come back in the order they went out, so a run with
workers writes the same ledger, in the same order, as a run without.

Workers are started with "spawn": the parent may run threads (the progress bar's), and a forked
child of a threaded process can hang. Each worker loads the model once; a document whose
extraction fails comes back as its ExtractError, as with one process.

`DaskWorkers` does the same on a Dask distributed cluster: each batch is one partition of the
input, mapped over the cluster's workers (each builds its Extractor once and keeps it on the
worker), gathered in order; the parent writes. Without a scheduler address it starts a
LocalCluster of N worker processes on this machine. Workers of a remote cluster need claimledger
and its model installed, the same version as the parent's.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from claimledger.errors import ClaimLedgerError
from claimledger.models import Claim, Document

# Documents per worker in one batch: enough to keep every worker busy while the parent writes.
BATCH_PER_WORKER = 8

_extractor: Any = None  # the worker's own Extractor, built once by _start


def _start(options: dict[str, Any]) -> None:
    global _extractor
    from claimledger.pipeline import Extractor

    _extractor = Extractor(**options)


def _extract(document: Document) -> list[Claim] | ClaimLedgerError:
    try:
        return _extractor.extract(document)
    except ClaimLedgerError as exc:
        return exc


class Workers:
    """A pool of extracting processes; use as a context manager."""

    def __init__(self, workers: int, options: dict[str, Any]):
        self.workers = workers
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_start, initargs=(options,))

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    @property
    def batch(self) -> int:
        return self.workers * BATCH_PER_WORKER

    def extract(self, documents: Sequence[Document]) -> Iterator[tuple[Document, list[Claim] | ClaimLedgerError]]:
        """Each document with its claims or its error, in the order given."""
        yield from zip(documents, self._pool.map(_extract, documents, chunksize=1), strict=True)


def _dask_extract(document: Document, options: dict[str, Any]) -> list[Claim] | ClaimLedgerError:
    """One document's claims on a Dask worker, with the worker's own Extractor for these options."""
    from distributed import get_worker

    worker = get_worker()
    key = repr(sorted(options.items()))
    cache = worker.__dict__.setdefault("_claimledger_extractors", {})
    if key not in cache:
        from claimledger.pipeline import Extractor

        cache[key] = Extractor(**options)
    try:
        return cache[key].extract(document)
    except ClaimLedgerError as exc:
        return exc


class DaskWorkers:
    """Extraction on a Dask distributed cluster (module docstring); the interface of `Workers`."""

    def __init__(self, workers: int, options: dict[str, Any], scheduler: str | None = None):
        from distributed import Client, LocalCluster

        self.workers = workers
        self.options = options
        self._cluster = None
        if scheduler:
            self._client = Client(scheduler, timeout="10s")
        else:
            self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                         dashboard_address=None, silence_logs=True)
            self._client = Client(self._cluster)

    def __enter__(self) -> DaskWorkers:
        return self

    def __exit__(self, *exc: object) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    @property
    def batch(self) -> int:
        return max(self.workers, len(self._client.scheduler_info().get("workers", {})) or 1) * BATCH_PER_WORKER

    def extract(self, documents: Sequence[Document]) -> Iterator[tuple[Document, list[Claim] | ClaimLedgerError]]:
        """Each document with its claims or its error, in the order given (one partition of the input)."""
        futures = self._client.map(_dask_extract, list(documents), options=self.options, pure=False)
        yield from zip(documents, self._client.gather(futures), strict=True)
