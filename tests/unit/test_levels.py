"""Every level in the contract is known wherever levels are listed: labels, colours, map order."""

import pytest

from klyngekart.data.schema import LEVELS
from klyngekart.figures.style import LEVEL_COLOURS
from klyngekart.i18n import t
from klyngekart.mapping import LEVEL_RANK


def test_revised_programme_levels_in_contract():
    assert "NIC Explore" in LEVELS
    assert {"Mature cluster", "NCE"} <= set(LEVELS)


@pytest.mark.parametrize("level", LEVELS)
def test_level_known_to_labels_colours_and_map(level):
    for lang in ("nb", "en"):
        label = t(f"clusters.level_{level}", lang)
        assert label and "clusters.level_" not in label
    assert level in LEVEL_COLOURS
    assert level in LEVEL_RANK


def test_new_level_validates(data_copy):
    from klyngekart.data import load_dataset

    path = data_copy / "cluster_levels.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("arena-split,Arena,2012", "arena-split,NIC Explore,2012", 1), encoding="utf-8")
    levels = load_dataset(data_copy)["cluster_levels"]
    assert "NIC Explore" in set(levels["level"])
