"""The public Python API: exactly these names, each resolving, and a light import."""
from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path

import pytest

import claimledger

# The documented public API (claimledger/__init__.py and the README's "Python API").
PUBLIC_API = (
    "Claim",
    "ClaimLedgerError",
    "ConfigError",
    "Document",
    "ExtractError",
    "Extractor",
    "FetchError",
    "IngestError",
    "ModelNotFoundError",
    "NotFoundError",
    "StoreError",
    "__version__",
    "iter_documents",
    "open_store",
)
ERRORS = ("ClaimLedgerError", "ConfigError", "ExtractError", "FetchError", "IngestError", "ModelNotFoundError",
          "NotFoundError", "StoreError")
README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_all_is_exactly_the_public_api() -> None:
    assert len(claimledger.__all__) == len(set(claimledger.__all__))
    assert sorted(claimledger.__all__) == sorted(PUBLIC_API)


@pytest.mark.parametrize("name", PUBLIC_API)
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(claimledger, name) is not None


def test_star_import_gives_the_public_api() -> None:
    namespace: dict[str, object] = {}
    exec("from claimledger import *", namespace)
    assert set(PUBLIC_API) - {"__version__"} <= set(namespace)


def test_errors_share_one_base() -> None:
    for name in ERRORS:
        assert issubclass(getattr(claimledger, name), claimledger.ClaimLedgerError)
    assert issubclass(claimledger.FetchError, claimledger.IngestError)


def test_version_is_the_installed_distributions() -> None:
    assert claimledger.__version__ == importlib.metadata.version("claimledger")


def test_names_the_readme_imports_are_public() -> None:
    imported = set()
    for names in re.findall(r"^from claimledger import (.+)$", README, re.M):
        imported |= {n.strip() for n in names.split(",")}
    assert imported, "the README imports nothing from claimledger"
    assert imported <= set(PUBLIC_API)


def test_importing_claimledger_does_not_import_spacy() -> None:
    proc = subprocess.run([sys.executable, "-c", "import claimledger, sys; print('spacy' in sys.modules)"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"
