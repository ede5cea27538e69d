import re

from klyngekart.ui.share import EMBED_HEIGHT
from tests.app.conftest import open_page, plotted


def test_embed_shows_one_chart_and_its_source():
    at = open_page("home", {"chart": "budget", "embed": "true", "terms": "real", "base": "2022", "lang": "en"})
    assert not at.exception
    assert len(at.get("plotly_chart")) == 1
    assert at.subheader[0].value == "Cluster programme: yearly amount, enacted budget"
    assert any(c.value.startswith("Source") and "Licence" in c.value for c in at.caption)
    assert len(at.title) == 0 and len(at.metric) == 0
    assert plotted(at)["layout"]["separators"] == ".,"


def test_embed_keys_the_numbered_milestones():
    at = open_page("home", {"chart": "budget", "embed": "true", "lang": "en"})
    # Caption values are the escaped Markdown the page sends.
    captions = [c.value.replace("\\", "") for c in at.caption]
    numbers = [re.sub(r"\D", "", a["text"]) for a in plotted(at)["layout"]["annotations"] if a["text"].startswith("<b>")]
    assert numbers and any(all(f"({n}) " in c for n in numbers) for c in captions)


def test_map_embed_credits_kartverket():
    at = open_page("home", {"chart": "map", "embed": "true", "lang": "en"})
    assert any(c.value.startswith("© Kartverket") for c in at.caption)


def test_snippet_suggests_the_height_the_embed_view_is_laid_out_for():
    at = open_page("budget", {})
    at.toggle(key="share-budget").set_value(True).run()
    assert any(f'height="{EMBED_HEIGHT}"' in c.value for c in at.code)


def test_embed_view_has_no_sidebar():
    at = open_page("home", {"chart": "budget", "embed": "true", "lang": "en"})
    assert len(at.sidebar.radio) == 0


def test_chart_without_embed_is_the_ordinary_page():
    at = open_page("home", {"chart": "budget", "lang": "en"})
    assert not at.exception
    assert at.title[0].value == "Klyngekart"
    assert len(at.sidebar.radio) == 1


def test_unknown_embed_key_shows_the_page():
    at = open_page("home", {"chart": "pie"})
    assert not at.exception
    assert at.title[0].value == "Klyngekart"


def test_share_box_gives_link_embed_and_citation():
    at = open_page("budget", {"terms": "real"})
    assert len(at.code) == 0  # drawn only when asked for
    at.toggle(key="share-budget").set_value(True).run()
    codes = [c.value for c in at.code]
    assert any("terms=real" in c for c in codes)
    assert any(c.startswith("<iframe") and "chart=budget" in c and "embed=true" in c for c in codes)
    assert any("Bearbeidet av Klyngekart" in c for c in codes)


def test_old_link_is_migrated():
    at = open_page("map", {"metric": "clusters"})
    assert not at.exception
    assert not at.info
    assert at.selectbox[0].value == "admitted"
