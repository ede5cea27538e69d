"""The router's handling of addresses that are no page.

Streamlit runs its default page for an address its navigation does not know and shows its own
English "Page not found" box over it; on an address two segments deep the page stayed blank.
Klyngekart shows its own page instead, in the visitor's language: before the navigation resolves
the address, a request for an unknown one is pointed at the hidden not-found page.
"""

from __future__ import annotations

from collections.abc import Collection

from streamlit.runtime.scriptrunner import get_script_run_ctx


def requested_path() -> str | None:
    """The address the browser asked for, relative to the app's root, when this run was started
    by an address (a first visit, a reload, a typed or followed link); None when it names a page
    by its id (the sidebar, a page link, a rerun of the page shown)."""
    ctx = get_script_run_ctx()
    if ctx is None or ctx.pages_manager.intended_page_script_hash:
        return None
    return (ctx.pages_manager.intended_page_name or "").strip("/")


def send_unknown_addresses_to(not_found_path: str, known: Collection[str]) -> bool:
    """Point this run at the page at `not_found_path` when the address asked for is not among
    `known`; True when it did."""
    wanted = requested_path()
    if wanted is None or wanted in known or wanted == not_found_path:
        return False
    # The navigation then finds the not-found page by its address, as for any other address.
    get_script_run_ctx().pages_manager.set_script_intent("", not_found_path)
    return True
