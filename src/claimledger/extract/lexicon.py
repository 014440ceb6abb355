"""The word lists of data/lexicon.yaml as sets and tables, extensible by a user file."""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from claimledger.errors import ConfigError
from claimledger.extract.wordclasses import WordClasses
from claimledger.nlp.gazetteer import yaml_problem


@dataclass
class StatementCues:
    """The word classes of data/statement.yaml (extract/statement.py): earlier stages and projections."""

    earlier_adverbs: set[str] = field(default_factory=set)
    initial_adverbs: set[str] = field(default_factory=set)
    earlier_adjectives: set[str] = field(default_factory=set)
    count_nouns: set[str] = field(default_factory=set)
    undated_nouns: set[str] = field(default_factory=set)
    change_words: set[str] = field(default_factory=set)
    revision_verbs: set[str] = field(default_factory=set)
    revision_adverbs: set[str] = field(default_factory=set)
    state_verbs: set[str] = field(default_factory=set)
    counting_verbs: set[str] = field(default_factory=set)
    growth_verbs: set[str] = field(default_factory=set)
    possibility_modals: set[str] = field(default_factory=set)
    future_modals: set[str] = field(default_factory=set)
    likelihood_adverbs: set[str] = field(default_factory=set)
    expectation_heads: set[str] = field(default_factory=set)
    projection_words: set[str] = field(default_factory=set)
    moment_words: set[str] = field(default_factory=set)
    final_adjectives: set[str] = field(default_factory=set)


@dataclass
class Lexicon:
    item_category: dict[str, str] = field(default_factory=dict)
    casualty_nouns: set[str] = field(default_factory=set)
    container_nouns: set[str] = field(default_factory=set)
    noun_measures: dict[str, str] = field(default_factory=dict)
    weak_noun_measures: dict[str, str] = field(default_factory=dict)
    verb_measures: dict[str, str] = field(default_factory=dict)
    future_heads: set[str] = field(default_factory=set)
    future_aux: set[str] = field(default_factory=set)
    reporting_verbs: set[str] = field(default_factory=set)
    report_nouns: set[str] = field(default_factory=set)
    anaphoric_speakers: set[str] = field(default_factory=set)
    anonymous_heads: set[str] = field(default_factory=set)
    cumulative_cues: list[str] = field(default_factory=list)
    classes: WordClasses = field(default_factory=WordClasses)
    statement: StatementCues = field(default_factory=StatementCues)

    def verb_class(self, lemma: str) -> str | None:
        """The measure a verb sets: the hand list's, else WordNet's (extract/wordclasses.py)."""
        return self.verb_measures.get(lemma) or self.classes.measure(lemma)

    def noun_measure(self, lemma: str) -> str | None:
        """The measure a counted noun names itself ("deaths", "13 arrests", "40 abductions"): the hand
        list's, else WordNet's nouns of acts and events derived from a measure's verb."""
        return self.noun_measures.get(lemma) or self.classes.event(lemma)

    def noun_class(self, lemma: str) -> str | None:
        """The category of a counted noun: the hand list's, else WordNet's."""
        return self.item_category.get(lemma) or self.classes.category(lemma)

    @classmethod
    def load(cls, extra: str | Path | None = None) -> Lexicon:
        lex = cls(classes=WordClasses.load())
        for name in ("lexicon.yaml", "statement.yaml"):
            text = resources.files("claimledger.data").joinpath(name).read_text(encoding="utf-8")
            lex._merge(yaml.safe_load(text), name)
        if extra:
            try:
                text = Path(extra).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise ConfigError(f"{extra}: cannot read the lexicon file ({exc}); check the path") from exc
            try:
                data = yaml.safe_load(text)
            except yaml.YAMLError as exc:
                raise ConfigError(f"{extra}: not valid YAML {yaml_problem(exc, text)}; "
                                  "fix the syntax (data/lexicon.yaml shows the format)") from exc
            lex._merge(data or {}, str(extra))  # an empty file adds nothing
        return lex

    def _merge(self, data: dict, origin: str) -> None:
        if not isinstance(data, dict):
            raise ConfigError(f"{origin}: a lexicon file is a mapping of list names to lists")
        _check_shapes(data, origin)
        for category, words in (data.get("items") or {}).items():
            for w in words:
                self.item_category.setdefault(w, category)
        for measure, words in (data.get("verb_measures") or {}).items():
            for w in words:
                self.verb_measures.setdefault(w, measure)
        self.noun_measures.update(data.get("noun_measures") or {})
        self.weak_noun_measures.update(data.get("weak_noun_measures") or {})
        for name in ("casualty_nouns", "container_nouns", "future_heads", "future_aux", "reporting_verbs",
                     "report_nouns", "anaphoric_speakers", "anonymous_heads"):
            getattr(self, name).update(data.get(name) or [])
        self.cumulative_cues.extend(data.get("cumulative_cues") or [])
        for name, words in (data.get("statement") or {}).items():
            if name not in StatementCues.__dataclass_fields__:
                known = ", ".join(StatementCues.__dataclass_fields__)
                raise ConfigError(f"{origin}: no statement word list called {name!r} (the lists are {known})")
            getattr(self.statement, name).update(words or [])


# The lists that are mappings (name → word list, or word → measure), and those that are lists of words.
_MAPPINGS = ("items", "verb_measures", "noun_measures", "weak_noun_measures", "statement")
_WORD_LISTS = ("casualty_nouns", "container_nouns", "future_heads", "future_aux", "reporting_verbs", "report_nouns",
               "anaphoric_speakers", "anonymous_heads", "cumulative_cues")


def _check_shapes(data: dict, origin: str) -> None:
    """ConfigError, not a traceback, when a user file has a list where a mapping goes or the reverse."""
    for name, value in data.items():
        if value is None:
            continue
        if name in _MAPPINGS:
            if not isinstance(value, dict):
                raise ConfigError(f"{origin}: {name!r} must be a mapping, not {type(value).__name__}")
            if name in ("items", "verb_measures", "statement"):  # each name maps to a list of words
                bad = [k for k, words in value.items() if words is not None and not isinstance(words, list)]
                if bad:
                    raise ConfigError(f"{origin}: {name}.{bad[0]} must be a list of words")
        elif name in _WORD_LISTS and not isinstance(value, list):
            raise ConfigError(f"{origin}: {name!r} must be a list of words, not {type(value).__name__}")
