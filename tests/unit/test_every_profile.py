"""Every profile of the real dataset, in both languages: what the page writes is text or nothing.

A cell the sources leave empty is NaN or NA in pandas; NaN prints as 'nan' and NA fails a truth
test, so either reaching a page is a defect (a 1990s restructuring area without years or county
did both)."""

import pandas as pd
import pytest

from klyngekart.clusters import profile
from klyngekart.data import load_dataset
from klyngekart.i18n import LANGUAGES
from klyngekart.regions import region_profile
from tests.conftest import REPO


@pytest.fixture(scope="module")
def ds():
    return load_dataset(REPO / "data")


def is_text_or_nothing(value: object) -> bool:
    return value is None or (isinstance(value, str) and value.strip().lower() not in ("nan", "<na>", "none"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_restructuring_area_profile(ds, lang):
    names = "name" if lang == "nb" else "name_en"
    for region_id in ds["restructuring_regions"]["region_id"]:
        found = region_profile(ds, region_id, names)
        for field in ("name", "period", "county_then", "county_today", "note"):
            assert is_text_or_nothing(getattr(found, field)), (region_id, field, getattr(found, field))
        assert all(isinstance(m, str) and m for m in found.municipalities), region_id


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_cluster_profile(ds, lang):
    for cluster_id in ds["clusters"]["cluster_id"]:
        found = profile(ds, cluster_id, lang)
        for field in ("county_then", "county_today", "host"):
            assert is_text_or_nothing(getattr(found, field)), (cluster_id, field, getattr(found, field))
        assert is_text_or_nothing(found.years(lang)), cluster_id
        assert found.level is None or isinstance(found.level, str)
        assert not pd.isna(found.cluster["name"])
