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
# Each key of the config file with the type it takes, as the error message says it.
KEYS = {
    "db": "a string (the ledger's file path)",
    "gazetteer": "a string or a list of strings (gazetteer file paths)",
    "lexicon": "a string (a lexicon file path)",
    "model": "a string (a spaCy model package name)",
    "decisions": 'a string ("rules", "model" or the path of a model file)',
}


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
        except UnicodeDecodeError as exc:
            raise ConfigError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); "
                              "save the settings file as UTF-8") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc}); fix the file or pass --config") from exc
        unknown = set(data) - set(KEYS)
        if unknown:
            raise ConfigError(f"{path}: unknown settings {sorted(unknown)}; known: {', '.join(KEYS)}")
        for key, value in data.items():
            _check(path, key, value)
        gaz = data.get("gazetteer") or []
        return cls(db=data.get("db"), gazetteer=[gaz] if isinstance(gaz, str) else list(gaz),
                   lexicon=data.get("lexicon"), model=data.get("model"), decisions=data.get("decisions", "rules"))

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


def _toml_type(value: object) -> str:
    """What a TOML value is, in the file's own terms."""
    kinds = ((bool, "a boolean"), (int, "an integer"), (float, "a float"), (str, "a string"), (list, "an array"),
             (dict, "a table"))
    return next((name for kind, name in kinds if isinstance(value, kind)), "a date or time")


def _check(path: str | Path, key: str, value: object) -> None:
    """Raise ConfigError unless ``value`` has the type ``key`` takes (KEYS); strings must not be empty."""
    if key == "gazetteer" and isinstance(value, list):
        ok = all(isinstance(v, str) and v for v in value)
    else:
        ok = isinstance(value, str) and bool(value)
    if not ok:
        shown = "an empty string" if value == "" else f"{_toml_type(value)} ({value!r})"
        raise ConfigError(f"{path}: setting {key!r} must be {KEYS[key]}, not {shown}")
