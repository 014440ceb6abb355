"""The README says what the code does: every command, every setting, the two set-up commands and CI."""
from __future__ import annotations

import argparse
import dataclasses
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from claimledger.cli import build_parser
from claimledger.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
CI_RUN = ROOT / ".ci" / "run"


def _subparsers(parser: argparse.ArgumentParser) -> argparse._SubParsersAction:
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


SUBCOMMANDS = sorted(_subparsers(build_parser()).choices)


def section(title: str) -> str:
    """The README's text under the `## title` heading, up to the next `## ` heading."""
    m = re.search(rf"^## {re.escape(title)}\b.*?$(.*?)(?=^## |\Z)", README, re.M | re.S)
    assert m, f"README has no '## {title}' section"
    return m.group(1)


def test_the_parser_has_the_commands() -> None:
    assert {"ingest", "claims", "show", "extract", "export", "eval", "series", "timeline", "conflicts",
            "sources"} <= set(SUBCOMMANDS)


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_every_subcommand_is_in_the_readme(name: str) -> None:
    assert re.search(rf"`claimledger {re.escape(name)}\b", section("Commands")), (
        f"`claimledger {name}` is missing from the README's command table")


@pytest.mark.parametrize("option", ["--db", "--config", "--gazetteer"])
def test_global_options_are_in_the_readme(option: str) -> None:
    assert option in [a for action in build_parser()._actions for a in action.option_strings]
    assert f"`{option}" in section("Commands")


def test_every_setting_is_in_the_readme_settings_table() -> None:
    fields = {f.name for f in dataclasses.fields(Settings)}
    documented = set(re.findall(r"^\| `(\w+)` \|", section("Settings"), re.M))
    assert fields == documented


def setup_commands() -> list[str]:
    block = re.search(r"```\n(.*?)```", section("Set-up: two commands"), re.S)
    assert block, "no code block in the README's set-up section"
    return [line.split("#", 1)[0].strip() for line in block.group(1).splitlines() if line.strip()]


def test_the_readme_set_up_commands_are_make_demo_and_make_test() -> None:
    assert setup_commands() == ["make demo", "make test"]


@pytest.mark.parametrize("target", ["demo", "test"])
def test_set_up_commands_are_makefile_targets(target: str) -> None:
    assert f"make {target}" in setup_commands()
    assert re.search(rf"^{target}\s*:", MAKEFILE, re.M), f"the Makefile has no `{target}` target"


def test_make_test_runs_pytest() -> None:
    recipe = re.search(r"^test\s*:.*?\n((?:\t.*\n?)+)", MAKEFILE, re.M)
    assert recipe and "pytest" in recipe.group(1)


def test_ci_runs_make_test() -> None:
    assert CI_RUN.is_file()
    assert os.access(CI_RUN, os.X_OK), ".ci/run is not executable"
    commands = [line.strip() for line in CI_RUN.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.lstrip().startswith("#")]
    assert "make test" in commands


def test_every_guarantee_names_tests_that_exist() -> None:
    named = re.findall(r"`(test_\w+\.py)::(test_\w+)`", section("Guarantees"))
    assert len(named) >= 20
    for file, test in named:
        source = (ROOT / "tests" / file).read_text(encoding="utf-8")
        assert re.search(rf"^def {test}\(", source, re.M), f"{file} has no {test}"


def python_examples() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README, re.S)


@pytest.mark.parametrize("number", range(len(python_examples())))
def test_the_readme_python_examples_run_as_written(number: int, tmp_path: Path) -> None:
    """Each ```python block of the README, verbatim, in a fresh interpreter: no undefined name, no model
    that `make` does not install."""
    code = python_examples()[number]
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip(), "an example should show what it made"


def test_the_readme_reconciliation_commands_run_as_written() -> None:
    """The commands that make the README's dev reconciliation numbers, verbatim (the bench line, which
    takes minutes, aside), and the shared scorer reads what they wrote."""
    if not (ROOT.parent / "shared" / "eval" / "dev" / "gold.jsonl").is_file():
        pytest.skip("../shared/eval is not here")
    block = re.search(r"```\n(.*?)```", section("Reconciliation"), re.S)
    assert block
    lines = block.group(1).replace("\\\n", " ").splitlines()
    commands = [line.split("#", 1)[0].strip() for line in lines if not line.startswith(".venv/bin/python bench/")]
    assert any("ingest --annotated" in c for c in commands) and any("score_reconcile.py" in c for c in commands)
    for command in filter(None, commands):
        done = subprocess.run(["bash", "-c", command], cwd=ROOT, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, f"{command}\n{done.stderr}"
    assert "purity" in done.stdout
