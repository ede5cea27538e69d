"""Where links between pages lead: a profile's way back, the address of a profile, which
addresses are pages at all, and each page's browser title. Plain functions; the Streamlit side
is klyngekart/ui/profile.py, the router and the page shell."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import urlencode

from klyngekart.i18n import DEFAULT_LANGUAGE, t
from klyngekart.ui.registry import PAGES, PageEntry
from klyngekart.urlstate import MAX_VALUE_LENGTH, Param, migrate, read_state, to_query

# Which page opened a profile. Only the map marks its links: a profile without the marker was
# opened from the explorer or from a link that named no page, and goes back to the explorer.
ORIGIN = Param("from", "clusters", ("clusters", "map"))
# The map page's open tab, as pages/map.py names it (its VIEW parameter).
MAP_VIEW = Param("view", "counties", ("counties", "towns", "table"))
# The explorer's search text is free text, not an option: kept as typed, cut to the URL limit.
SEARCH = "q"
PROFILE_PATH = next(entry.url_path for entry in PAGES if entry.key == "clusters")
# Address of the page shown for an address that is no page; never linked from the site.
NOT_FOUND_PATH = "ikke-funnet"


def origin(query: Mapping[str, str | Sequence[str]]) -> str:
    return read_state(query, [ORIGIN]).values[ORIGIN.name]


def back_target(query: Mapping[str, str | Sequence[str]], explorer: Sequence[Param], map_view: Sequence[Param]) -> tuple[str, dict[str, str]]:
    """The page key a profile's back link leads to and the view to restore there: the map's
    view for a profile opened on the map, else the explorer's search and filters. Values the
    target would not accept are dropped (so are defaults); `lang` and `cluster` never go along."""
    if origin(query) == "map":
        return "map", map_state(query, map_view)
    return "clusters", explorer_view(query, explorer)


def map_state(query: Mapping[str, str | Sequence[str]], map_view: Sequence[Param]) -> dict[str, str]:
    """The map's accepted view in `query` (its open tab included), defaults left out."""
    params = [*map_view, MAP_VIEW]
    return to_query(read_state(query, params).values, params)


def from_map(query: Mapping[str, str | Sequence[str]], map_view: Sequence[Param]) -> dict[str, str]:
    """What a profile link on the map carries: the marker and the map's view to go back to."""
    return {ORIGIN.name: "map", **map_state(query, map_view)}


def explorer_view(query: Mapping[str, str | Sequence[str]], explorer: Sequence[Param]) -> dict[str, str]:
    """The explorer's search and accepted filters in `query`, defaults left out."""
    kept = to_query(read_state(query, explorer).values, explorer)
    search = migrate(query).get(SEARCH, "").strip()
    if search and len(search) <= MAX_VALUE_LENGTH:
        kept[SEARCH] = search
    return kept


def profile_href(cluster_id: str, lang: str, kept: Mapping[str, str] | None = None) -> str:
    """A profile's address relative to the site's root (so it works under a base path too),
    carrying the view to return to and the language."""
    query = {"cluster": cluster_id, **(kept or {})}
    if lang != DEFAULT_LANGUAGE:
        query["lang"] = lang
    return f"{PROFILE_PATH}?{urlencode(query)}"


def page_for_path(path: str) -> PageEntry | None:
    """The page at `path` (no leading or trailing slash, base path removed), or None."""
    return next((entry for entry in PAGES if entry.url_path == path), None)


def page_title(entry: PageEntry | None, lang: str) -> str:
    """The browser title: the page's name, then the site's; None is the not-found page."""
    name = t(entry.title_key, lang) if entry is not None else t("notfound.title", lang)
    return t("shell.page_title", lang, page=name)
