"""Not found: what an address that is no page shows (the router sends such addresses here)."""

from klyngekart.ui.not_found import show_not_found

show_not_found()
