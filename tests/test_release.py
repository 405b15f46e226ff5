"""Release hygiene and the promises of error messages, checked: what the quota parser's
message advertises is accepted everywhere; the licence, changelog, citation,
classifiers and the README's warning are there."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

import coalitions as co

ROOT = Path(__file__).resolve().parent.parent
IRAQ = co.load_scenario("iraq-2025")


def test_every_form_the_quota_message_advertises_is_accepted() -> None:
    with pytest.raises(co.QuotaError) as err:
        IRAQ.quota("sixty")
    message = str(err.value)
    assert "3/5" in message and "60%" in message and "seat count" in message
    assert IRAQ.quota("60%") == IRAQ.quota("3/5") == 198  # 197.4 rounded up
    assert IRAQ.quota("198") == IRAQ.quota(198) == 198
    for named in ("majority", "two-thirds", "blocking-third", "unanimity"):
        assert named in message and IRAQ.quota(named) > 0
    assert co.count_coalitions(IRAQ, "60%") == co.count_coalitions(IRAQ, "3/5") > 0


def test_the_licence_ships() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["project"]["license"] == "MIT"
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")


def test_classifiers_name_every_supported_python() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    classifiers = set(config["project"]["classifiers"])
    for minor in (11, 12, 13):
        assert f"Programming Language :: Python :: 3.{minor}" in classifiers
    assert config["project"]["requires-python"] == ">=3.11"
    assert config["project"]["optional-dependencies"]["pandas"] == ["pandas>=2"]


def test_changelog_and_citation() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## Unreleased" in changelog and "## 0.1.0" in changelog
    citation = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert re.search(r"^cff-version: 1\.2\.0$", citation, re.MULTILINE)
    assert re.search(r"^license: MIT$", citation, re.MULTILINE)
    assert re.search(r"^title: ", citation, re.MULTILINE)


def test_the_readme_warns_of_the_other_coalitions_next_to_installing() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## A short tour")[0]  # beside the install command, not at the end
    assert "pip install -q -e ." in setup
    assert "unrelated PyPI distribution is also called `coalitions`" in setup
    assert "parliament-coalitions" in setup
