"""The model's attribute rules (POS, morphology and lemma exceptions by tag and word), applied fast.

en_core_web_sm maps its fine tags to coarse POS and morphology with an
`attribute_ruler`: 179 rules of one or two tokens each, run through spaCy's
Matcher, which tries every rule at every token and costs about a tenth of the
whole parse. Each rule is an equality (or IN, NOT_IN, REGEX) on a token's TAG,
LOWER, DEP or IS_SPACE, so `FastAttributeRules` looks up the few rules a token
can start (by its word, then by its tag) instead, and applies the same
attributes in the same order as the ruler (by rule, later rules winning): the
parse is the same, token for token. A ruler with any other kind of rule is left
as it is (`use_fast_attribute_rules`).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, cast

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

FAST_RULES = "claimledger_attribute_rules"
ATTRS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")  # the columns of `Doc.to_array` the rules read, in this order

# A token test on one column of `Doc.to_array`: (column, predicate of the value there).
Test = tuple[int, Callable[[int], bool]]


class Unsupported(ValueError):
    """A rule this module cannot apply exactly as the Matcher would."""


def use_fast_attribute_rules(nlp: Language) -> None:
    """Run the pipeline's `attribute_ruler` as `FastAttributeRules` of the same rules, when every rule is of a
    kind it reads (else leave the ruler): the ruler is kept, disabled, and the fast rules run in its place."""
    if "attribute_ruler" not in nlp.pipe_names or FAST_RULES in nlp.component_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        return
    try:
        FastAttributeRules(ruler)
    except Unsupported:
        return
    nlp.add_pipe(FAST_RULES, after="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")


@Language.factory(FAST_RULES, requires=["token.tag", "token.dep"], assigns=["token.pos", "token.morph"])
def make_fast_attribute_rules(nlp: Language, name: str) -> FastAttributeRules:
    return FastAttributeRules(cast(AttributeRuler, nlp.get_pipe("attribute_ruler")))


class FastAttributeRules:
    """An `AttributeRuler`'s rules, matched by lookup rather than by the Matcher (module docstring)."""

    def __init__(self, ruler: AttributeRuler):
        strings = ruler.vocab.strings
        self.attrs = ruler.attrs
        self.rules: list[tuple[int, list[list[Test]], int]] = []  # (rule id, token tests, index)
        # the rules that may start at a token: by its LOWER hash, by its TAG hash, or at any token
        self.by_lower: dict[int, list[int]] = {}
        self.by_tag: dict[int, list[int]] = {}
        self.anywhere: list[int] = []
        for rule_id, rule in enumerate(cast(list[dict[str, Any]], ruler.patterns)):
            index: int = rule["index"]
            for pattern in rule["patterns"]:
                if not -len(pattern) <= index < len(pattern):
                    raise Unsupported(f"index {index} outside its pattern")
                k = len(self.rules)
                self.rules.append((rule_id, [_tests(tok, strings) for tok in pattern], index))
                first = pattern[0]
                if isinstance(first.get("LOWER"), str):
                    self.by_lower.setdefault(strings.add(first["LOWER"]), []).append(k)
                elif isinstance(first.get("TAG"), str):
                    self.by_tag.setdefault(strings.add(first["TAG"]), []).append(k)
                elif isinstance(first.get("TAG"), dict) and set(first["TAG"]) == {"IN"}:
                    for tag in first["TAG"]["IN"]:
                        self.by_tag.setdefault(strings.add(tag), []).append(k)
                else:
                    self.anywhere.append(k)
        # what a token's own attributes decide, the same for every token alike: kept, so that each kind of
        # token (word, tag, dependency) is matched once (bounded: cleared when full)
        self._seen: dict[tuple[int, ...], tuple[list[int], list[int]]] = {}

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array([ATTRS[c] for c in COLUMNS]).tolist()
        found: list[tuple[int, int, int]] = []  # (rule id, start, token the attributes go on)
        for i, row in enumerate(rows):
            single, longer = self._starting(row)
            found += [(rule_id, i, i) for rule_id in single]
            for k in longer:
                rule_id, tests, index = self.rules[k]
                end = i + len(tests)
                if end <= len(rows) and all(test(rows[i + j][col]) for j, token_tests in enumerate(tests)
                                            for col, test in token_tests):
                    found.append((rule_id, i, i + index if index >= 0 else end + index))
        found.sort()  # by rule, so that later rules have precedence (as AttributeRuler.match sorts them)
        for rule_id, _, target in found:
            set_token_attrs(doc[target], self.attrs[rule_id])
        return doc

    def _starting(self, row: list[int]) -> tuple[list[int], list[int]]:
        """For a token's attributes: the one-token rules it matches (rule ids), and the longer rules that may
        start at it (indexes into `rules`, tested against the tokens after it)."""
        key = tuple(row)
        known = self._seen.get(key)
        if known is None:
            if len(self._seen) >= 100_000:
                self._seen.clear()
            single, longer = [], []
            for k in (*self.by_lower.get(row[1], ()), *self.by_tag.get(row[0], ()), *self.anywhere):
                rule_id, tests, _ = self.rules[k]
                if len(tests) > 1:
                    longer.append(k)
                elif all(test(row[col]) for col, test in tests[0]):
                    single.append(rule_id)
            known = self._seen[key] = (single, longer)
        return known

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def _tests(token: dict, strings) -> list[Test]:
    """The tests of one token of a Matcher pattern on `Doc.to_array` columns; Unsupported for any other."""
    out: list[Test] = []
    for key, spec in token.items():
        if key not in ATTRS:
            raise Unsupported(f"attribute {key}")
        out.append((COLUMNS.index(key), _predicate(key, spec, strings)))
    return out


def _predicate(key: str, spec, strings) -> Callable[[int], bool]:
    """What the Matcher asks of one attribute's value (a hash, or 0/1 for IS_SPACE)."""
    if key == "IS_SPACE" and isinstance(spec, (bool, int)):
        return int(spec).__eq__
    if isinstance(spec, str) and key != "IS_SPACE":
        return strings.add(spec).__eq__
    if isinstance(spec, dict) and len(spec) == 1 and key != "IS_SPACE":
        (op, arg), = spec.items()
        if op == "IN":
            return frozenset(strings.add(a) for a in arg).__contains__
        if op == "NOT_IN":
            members = frozenset(strings.add(a) for a in arg)
            return lambda v: v not in members
        if op == "REGEX":
            pattern = re.compile(arg)
            return lambda v: pattern.search(strings[v]) is not None
    raise Unsupported(f"{key} {spec!r}")
