"""The one orchestrator. The stages, in order:

1. ingest   — sources (files, directories, URLs, feeds) → Document (claimledger.ingest)
2. nlp      — the English spaCy pipeline, with paragraph breaks as sentence breaks and the model's
               attribute rules applied by lookup (nlp/attribute_rules.py: the same parse, faster)
3. extract  — parsed Doc + resources → Claim records (claimledger.extract.claims, pure)
4. ledger   — Document + claims stored in one transaction (claimledger.store)

`Extractor` holds what extraction needs (the spaCy pipeline, gazetteer,
lexicon, phrase matchers), built once from Settings and passed down; nothing
is loaded at import time.

A document longer than one piece (`Extractor.piece_length`, 100,000 characters,
and never more than half the parser's limit, `nlp.max_length`) is read in
pieces (`pieces`): cut after blank lines where it can be, each piece parsed and
extracted with the document's head (its title and lead) and the paragraphs just
before it in front, so that an article-wide relay named at the top, the
report's main country and a quote running on from the paragraph before still
reach it; the claims are shifted back to offsets into the whole text. Memory
is that of one piece; time stays linear in the text's length.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

from claimledger.errors import ClaimLedgerError, ConfigError, ExtractError
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


# Where a piece may end, best first: after a blank line, after a sentence or a line, after a space.
BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"(?<=[.!?])\s+|\n"), re.compile(r"\s+"))


def _last_break(text: str, lo: int, hi: int, patterns: tuple[re.Pattern[str], ...] = BREAKS) -> int | None:
    """The end of the last break in text[lo:hi] of the best kind there is one of in its second half (so
    that no piece is less than half full), else in the whole of it past lo; else None."""
    for floor in (lo + (hi - lo) // 2, lo):
        for pattern in patterns:
            last = None
            for m in pattern.finditer(text, max(lo, floor - 2), hi):
                if m.end() > floor:
                    last = m.end()
            if last is not None:
                return last
    return None


@dataclass
class Piece:
    """One piece of a long document: the text parsed (`context` + the piece itself) and where it lies."""

    start: int  # offset of the piece in the whole text
    end: int
    context: str  # the document's head and the paragraphs before the piece, parsed in front of it, or ""
    head: int = 0  # how many characters of the context are the document's head (text[:head])


def pieces(text: str, size: int, context: int) -> list[Piece]:
    """Cut text into pieces of at most `size` characters, after blank lines where there are any (else after a
    sentence, a space, or anywhere). Every piece but the first gets, in front, the document's leading
    paragraphs and the paragraphs right before it, each up to `context` characters (whole paragraphs only)."""
    starts = [0]
    while len(text) - starts[-1] > size:
        lo = starts[-1]
        starts.append(_last_break(text, lo, lo + size) or lo + size)
    head = _last_break(text, 0, min(context, len(text)), BREAKS[:1]) or 0  # whole leading paragraphs
    out = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(text)
        before = ""
        if k > 0:
            h = min(head, start)
            lo = max(h, start - context)
            # the paragraphs before the piece: from the first paragraph start in [lo, start), or from the
            # head's end when the window reaches it (the context is then the text before the piece)
            tail = h if lo == h else next((m.end() for m in BREAKS[0].finditer(text, lo, start)
                                           if m.end() < start), start)
            before = text[:h] + text[tail:start]
        out.append(Piece(start, end, before, h if k > 0 else 0))
    return out


def extractor_version(nlp: Language, resources: Resources) -> str:
    """claimledger's version, the parser's and the fingerprint of the resources: two extractors that agree
    on this string make the same claims of the same text."""
    from claimledger import __version__

    meta = nlp.meta
    return (f"claimledger {__version__}; parser {meta.get('lang', '?')}_{meta.get('name', '?')} "
            f"{meta.get('version', '?')}; {resources.fingerprint}")


class Extractor:
    """Documents in, claims out. Build once, call many times.

    A document longer than `piece_length` characters (or than half `nlp.max_length`, if less) is read in
    pieces of at most that many, each with up to `context_length` characters (a quarter of the limit at
    most) of the document's head and of the text before it in front (module docstring)."""

    piece_length = 100_000  # characters: spaCy needs about 1 GB per 100,000 (its docs, Language.max_length)
    context_length = 5_000

    def __init__(self, nlp: Language | None = None, gazetteer: str | Path | Iterable[str | Path] | None = None,
                 lexicon: str | Path | None = None, model: str | None = None,
                 decisions: str | Path | bool | None = None):
        from claimledger.nlp import factories  # noqa: F401  (registers the components)
        from claimledger.nlp.attribute_rules import use_fast_attribute_rules
        from claimledger.nlp.model import load_english

        self.nlp = nlp if nlp is not None else load_english(model)
        factories.prepare(self.nlp)
        use_fast_attribute_rules(self.nlp)
        self.resources = Resources.build(self.nlp, gazetteer=gazetteer, lexicon=lexicon, decisions=decisions)
        self.version = extractor_version(self.nlp, self.resources)
        """What makes this extractor's claims what they are, recorded on each claim (`Claim.extracted_with`)."""

    def extract(self, document: Document) -> list[Claim]:
        """The claims of one document, a long one read in pieces; ExtractError when extraction fails on it."""
        if self._fits(document):
            return self._extract_parsed(self.nlp(document.text), document)
        claims: list[Claim] = []
        for piece, part in self._pieces(document):
            claims += _shifted(self._extract_parsed(self.nlp(part.text), part), piece)
        return claims

    def frames(self, document: Document) -> list[dict]:
        """The document's attribution frames (extract/attribution.py `describe`): who speaks over which text."""
        from claimledger.extract.claims import extract_claims

        if self._fits(document):
            out: list[dict] = []
            extract_claims(self.nlp(document.text), document, self.resources, frames=out)
            return out
        whole: list[dict] = []
        for piece, part in self._pieces(document):
            found: list[dict] = []
            extract_claims(self.nlp(part.text), part, self.resources, frames=found)
            shift = piece.start - len(piece.context)
            for f in found:
                if f["kind"] == "report":  # the article-wide relay covers the whole text, once
                    if piece.start == 0:
                        whole.append({**f, "end": len(document.text)})
                elif f["start"] >= len(piece.context):
                    whole.append({**f, "start": f["start"] + shift, "end": f["end"] + shift})
        return whole

    def _piece_size(self) -> int:
        return min(self.piece_length, self.nlp.max_length // 2)

    def _fits(self, document: Document) -> bool:
        """Short enough to parse in one piece."""
        return len(document.text) <= self._piece_size()

    def _pieces(self, document: Document) -> Iterator[tuple[Piece, Document]]:
        """The pieces of a long document, each as a Document of its own (its context in front)."""
        context = min(self.context_length, self.nlp.max_length // 4)
        for piece in pieces(document.text, self._piece_size(), context):
            text = piece.context + document.text[piece.start:piece.end]
            # a piece with no head in front has no title; "" also keeps a first line from passing for one
            title = document.title if piece.start == 0 or piece.head else ""
            yield piece, replace(document, text=text, title=title)

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
            if self._fits(d):
                fitting.append(d)
                continue
            try:
                yield d, self.extract(d)  # longer than one piece: read in pieces
            except ExtractError as exc:
                yield d, exc
        texts = (d.text for d in fitting)
        for document, parsed in zip(fitting, self.nlp.pipe(texts, batch_size=batch_size), strict=True):
            try:
                yield document, self._extract_parsed(parsed, document)
            except ExtractError as exc:
                yield document, exc


def _shifted(claims: list[Claim], piece: Piece) -> list[Claim]:
    """A piece's own claims (not those of the context in front of it), with offsets into the whole text."""
    shift = piece.start - len(piece.context)
    out = []
    for c in claims:
        if c.start < len(piece.context):
            continue
        c.start, c.end, c.evidence_start = c.start + shift, c.end + shift, c.evidence_start + shift
        out.append(c)
    return out
