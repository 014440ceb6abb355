"""The one orchestrator. The stages, in order:

1. ingest   — sources (files, directories, URLs, feeds) → Document (claimledger.ingest)
2. nlp      — the English spaCy pipeline, with paragraph breaks as sentence breaks
3. extract  — parsed Doc + resources → Claim records (claimledger.extract.claims, pure)
4. ledger   — Document + claims stored in one transaction (claimledger.store)

`Extractor` holds what extraction needs (the spaCy pipeline, gazetteer,
lexicon, phrase matchers), built once from Settings and passed down; nothing
is loaded at import time.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

from claimledger.errors import ClaimLedgerError, ConfigError, ExtractError, TooLongError
from claimledger.models import Claim, Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    from claimledger.extract.decide import DecisionModel
    from claimledger.extract.lexicon import Lexicon
    from claimledger.nlp.gazetteer import Gazetteer


@dataclass
class Resources:
    """Read-only inputs of extraction besides the document: shareable across documents and processes."""

    gazetteer: Gazetteer
    lexicon: Lexicon
    matchers: tuple[PhraseMatcher, PhraseMatcher]
    model: DecisionModel | None = None  # the learned decisions (extract/decide.py); None: the rules alone
    fingerprint: str = ""  # which gazetteer, lexicon and decisions these are (`fingerprint`)

    @classmethod
    def build(cls, nlp: Language, gazetteer: str | Path | Iterable[str | Path] | None = None,
              lexicon: str | Path | None = None, decisions: str | Path | bool | None = None) -> Resources:
        """`decisions`: "rules" (or None or False) for the rules alone, "model" (or True) for the model shipped
        in the package, or a model file (see extract/decide.py on why the rules are the default)."""
        from claimledger.extract.decide import DecisionModel
        from claimledger.extract.lexicon import Lexicon
        from claimledger.nlp.entities import build_matchers
        from claimledger.nlp.gazetteer import Gazetteer

        extra = [gazetteer] if isinstance(gazetteer, (str, Path)) else list(gazetteer or [])
        gaz = Gazetteer.load(extra)
        if decisions in (None, False, "rules"):
            model = None
        else:
            model = DecisionModel.load(None if decisions is True or decisions == "model" else str(decisions))
            if model is None:
                raise ConfigError(f"{decisions}: no decision model there; run `claimledger train` to make one")
        model_file = decisions if isinstance(decisions, (str, Path)) and decisions != "model" else None
        used = "rules" if model is None else _digest([model_file or _packaged("decisions.json")])
        words = [_packaged(n) for n in LEXICON_FILES] + ([lexicon] if lexicon else [])
        return cls(gazetteer=gaz, lexicon=Lexicon.load(lexicon), matchers=build_matchers(nlp, gaz), model=model,
                   fingerprint=f"gazetteer {_digest([_packaged('gazetteer.yaml'), *extra])}; "
                               f"lexicon {_digest(words)}; decisions {used}")

    def with_model(self, model: DecisionModel | None) -> Resources:
        return replace(self, model=model)

    def without_model(self) -> Resources:
        return replace(self, model=None)


# The packaged files the lexicon is read from (extract/lexicon.py, extract/wordclasses.py).
LEXICON_FILES = ("lexicon.yaml", "statement.yaml", "wordclasses.json")


def _packaged(name: str) -> Traversable:
    return resources.files("claimledger").joinpath("data", name)


def _digest(files: Iterable[str | Path | Traversable]) -> str:
    """The first 12 hex digits of the SHA-256 of the files' bytes, in order: what they say, not where."""
    h = hashlib.sha256()
    for f in files:
        h.update((f if isinstance(f, Traversable) else Path(f)).read_bytes())
        h.update(b"\x00")
    return h.hexdigest()[:12]


def extractor_version(nlp: Language, resources: Resources) -> str:
    """claimledger's version, the parser's and the fingerprint of the resources: two extractors that agree
    on this string make the same claims of the same text."""
    from claimledger import __version__

    meta = nlp.meta
    return (f"claimledger {__version__}; parser {meta.get('lang', '?')}_{meta.get('name', '?')} "
            f"{meta.get('version', '?')}; {resources.fingerprint}")


class Extractor:
    """Documents in, claims out. Build once, call many times."""

    def __init__(self, nlp: Language | None = None, gazetteer: str | Path | Iterable[str | Path] | None = None,
                 lexicon: str | Path | None = None, model: str | None = None,
                 decisions: str | Path | bool | None = None):
        from claimledger.nlp import factories  # noqa: F401  (registers the components)
        from claimledger.nlp.model import load_english

        self.nlp = nlp if nlp is not None else load_english(model)
        factories.prepare(self.nlp)
        self.resources = Resources.build(self.nlp, gazetteer=gazetteer, lexicon=lexicon, decisions=decisions)
        self.version = extractor_version(self.nlp, self.resources)
        """What makes this extractor's claims what they are, recorded on each claim (`Claim.extracted_with`)."""

    def extract(self, document: Document) -> list[Claim]:
        """The claims of one document; ExtractError when it is too long or extraction fails on it."""
        self._check_length(document)
        return self._extract_parsed(self.nlp(document.text), document)

    def frames(self, document: Document) -> list[dict]:
        """The document's attribution frames (extract/attribution.py `describe`): who speaks over which text."""
        from claimledger.extract.claims import extract_claims

        self._check_length(document)
        out: list[dict] = []
        extract_claims(self.nlp(document.text), document, self.resources, frames=out)
        return out

    def _check_length(self, document: Document) -> None:
        if len(document.text) > self.nlp.max_length:
            raise TooLongError(document.id, f"{len(document.text):,} characters, more than the {self.nlp.max_length:,} "
                                            "one document may have (README, Limits): split it into parts and "
                                            "ingest those")

    def _extract_parsed(self, parsed: Doc, document: Document) -> list[Claim]:
        from claimledger.extract.claims import extract_claims

        try:
            claims = extract_claims(parsed, document, self.resources)
            for c in claims:
                c.extracted_with = self.version
            return claims
        except ClaimLedgerError:
            raise
        except Exception as exc:  # a defect on one document must not end a batch of thousands
            raise ExtractError(document.id, f"{type(exc).__name__}: {exc}") from exc

    def extract_many(self, documents: Iterable[Document],
                     batch_size: int = 16) -> Iterator[tuple[Document, list[Claim] | ExtractError]]:
        """Each document with its claims, or with the ExtractError that stopped it: the batch goes on."""
        docs = list(documents) if not isinstance(documents, list) else documents
        fitting = []
        for d in docs:
            try:
                self._check_length(d)
                fitting.append(d)
            except ExtractError as exc:
                yield d, exc  # too long to parse: reported, and the rest of the batch goes on
        texts = (d.text for d in fitting)
        for document, parsed in zip(fitting, self.nlp.pipe(texts, batch_size=batch_size), strict=True):
            try:
                yield document, self._extract_parsed(parsed, document)
            except ExtractError as exc:
                yield document, exc
