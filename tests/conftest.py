"""Shared fixtures: the tiny hand-checked dataset under tests/fixtures/data."""

import shutil
from pathlib import Path

import pytest

from klyngekart.data import Dataset, load_dataset

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"
REPO = Path(__file__).parents[1]


@pytest.fixture(scope="session")
def fixture_dataset() -> Dataset:
    return load_dataset(FIXTURE_DATA)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture data, for tests that break one file."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target
