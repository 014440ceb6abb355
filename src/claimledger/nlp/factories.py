"""spaCy components of claimledger, registered here (and `claimledger_attribute_rules`, which
nlp/attribute_rules.py registers beside the code it runs).

- `claimledger_paragraphs` (v1): a blank line always starts a new sentence,
  so a title or a dateline never runs into the lead.
- `claimledger_attribute_rules`: the model's attribute rules by lookup, the
  same parse faster (nlp/attribute_rules.py; `Extractor` puts it in place).
- `claimledger` (v1): the whole extractor as a component; the claims of a doc
  go on `doc._.claims` (a list of Claim). Its document metadata comes from
  `doc._.claimledger_meta` (a dict with id, published, publisher, title) when
  set, else the doc has no id or date.

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("claimledger")
    doc = nlp(text)
    doc._.claims
"""
from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from claimledger.extract.frames import CLOCK_LINE

if not Doc.has_extension("claims"):
    Doc.set_extension("claims", default=None)
if not Doc.has_extension("claimledger_meta"):
    Doc.set_extension("claimledger_meta", default=None)


@Language.component("claimledger_paragraphs", assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line starts a new sentence, and so does the line after a live blog's time-stamped heading,
    whose words would otherwise run into the entry's first sentence and lend it their subject."""
    text = doc.text
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text and (
                tok.text.count("\n") >= 2 or CLOCK_LINE.match(text, text.rfind("\n", 0, tok.idx) + 1)):
            doc[tok.i + 1].is_sent_start = True
    return doc


@Language.factory(
    "claimledger",
    default_config={"gazetteer": None, "lexicon": None},
    requires=["token.dep", "token.lemma", "doc.ents"],
    assigns=["doc._.claims"],
)
def make_claimledger(nlp: Language, name: str, gazetteer: str | None, lexicon: str | None) -> ClaimLedgerComponent:
    prepare(nlp)
    return ClaimLedgerComponent(nlp, gazetteer=gazetteer, lexicon=lexicon)


def prepare(nlp: Language) -> None:
    """What extraction needs of the pipeline before the parse, done once: paragraph breaks as sentence
    breaks (before the parser) and outlet names such as "Caliber.Az" kept as one token."""
    from spacy.util import compile_infix_regex, compile_prefix_regex

    if "claimledger_paragraphs" not in nlp.pipe_names:
        first = next((n for n in ("parser", "senter", "tagger", "tok2vec") if n in nlp.pipe_names), None)
        nlp.add_pipe("claimledger_paragraphs", before=first) if first else nlp.add_pipe("claimledger_paragraphs")
    infixes = [p for p in (nlp.Defaults.infixes or [])
               if not (isinstance(p, str) and r"\." in p and "(?=[" in p and "(?<=[" in p)]
    if isinstance(nlp.tokenizer, Tokenizer):
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        nlp.tokenizer.prefix_search = compile_prefix_regex([*(nlp.Defaults.prefixes or []), CURRENCY_LETTERS]).search


# Letters of a currency written onto an amount ("$A25,474,373", "PS21,700" for £, "Y28,030" for ¥,
# "RM3,500"): a token of their own, so that the amount is a number the parse can count with. Only before
# thousands commas, never "A380" or "PS5" ("PS2.7m" stays one token, which the parse already counts).
CURRENCY_LETTERS = r"(?:AU|A|PS|Y|RM|Rs|R|S)(?=\d{1,3}(?:,\d{3})+(?!\d))"


class ClaimLedgerComponent:
    """Puts the claims of each doc on doc._.claims."""

    def __init__(self, nlp: Language, gazetteer: str | None = None, lexicon: str | None = None):
        from claimledger.pipeline import Resources, extractor_version

        self.resources = Resources.build(nlp, gazetteer=gazetteer, lexicon=lexicon)
        self.version = extractor_version(nlp, self.resources)

    def __call__(self, doc: Doc) -> Doc:
        from claimledger.extract.claims import extract_claims
        from claimledger.models import Document

        meta: dict[str, Any] = doc._.claimledger_meta or {}
        document = Document(id=str(meta.get("id", "doc")), text=doc.text, published=meta.get("published"),
                            publisher=meta.get("publisher"), title=meta.get("title"))
        doc._.claims = extract_claims(doc, document, self.resources)
        for claim in doc._.claims:
            claim.extracted_with = self.version
        return doc
