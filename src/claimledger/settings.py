"""Settings: defaults → a TOML config file → the command line, resolved once into one object.

The config file is `--config FILE`, else `claimledger.toml` in the working
directory when present. Keys (all optional):

    db = "ledger.db"                 # the ledger; default claimledger.db here
    gazetteer = ["my-entities.yaml"] # extra gazetteer files
    lexicon = "my-words.yaml"        # extra lexicon file
    model = "en_core_web_sm"         # spaCy model package to load
    decisions = "rules"              # "rules" (default), "model" (the trained decision model), or a model file
"""
from __future__ import annotations

import argparse
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from claimledger.errors import ConfigError

DEFAULT_CONFIG = "claimledger.toml"


@dataclass
class Settings:
    db: str | None = None
    gazetteer: list[str] = field(default_factory=list)
    lexicon: str | None = None
    model: str | None = None
    decisions: str = "rules"

    @classmethod
    def from_file(cls, path: str | Path) -> Settings:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read the settings file ({exc.strerror})") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc}); fix the file or pass --config") from exc
        unknown = set(data) - {"db", "gazetteer", "lexicon", "model", "decisions"}
        if unknown:
            raise ConfigError(f"{path}: unknown settings {sorted(unknown)}; "
                              "known: db, gazetteer, lexicon, model, decisions")
        gaz = data.get("gazetteer") or []
        decisions = data.get("decisions", "rules")
        if not isinstance(decisions, str) or not decisions:
            raise ConfigError(f"{path}: decisions must be \"rules\", \"model\" or the path of a model file")
        return cls(db=data.get("db"), gazetteer=[gaz] if isinstance(gaz, str) else list(gaz),
                   lexicon=data.get("lexicon"), model=data.get("model"), decisions=decisions)

    @classmethod
    def resolve(cls, args: argparse.Namespace) -> Settings:
        config = getattr(args, "config", None)
        if config:
            s = cls.from_file(config)
        elif Path(DEFAULT_CONFIG).is_file():
            s = cls.from_file(DEFAULT_CONFIG)
        else:
            s = cls()
        if getattr(args, "db", None):
            s.db = args.db
        if getattr(args, "decisions", None):
            s.decisions = args.decisions
        if s.decisions not in ("rules", "model") and not Path(s.decisions).is_file():
            raise ConfigError(f"{s.decisions}: decision model file not found (decisions: rules, model or a file)")
        if getattr(args, "gazetteer", None):
            s.gazetteer = [*s.gazetteer, *args.gazetteer]
        for g in s.gazetteer:
            if not Path(g).is_file():
                raise ConfigError(f"{g}: gazetteer file not found")
        return s
