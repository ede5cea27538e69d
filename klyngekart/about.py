"""'About the programme' on the Sources & data page: what each level is, how long it lasts, when it
came and went, who owns and pays for the programme — each statement with the sources it rests on.

The statements' text lives in the i18n files (sources.about_<key>); here only which sources
carry each one, so that a test can check every id against data/sources.csv.
"""

from __future__ import annotations

STATEMENTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("owners", ("st-in-press-2016-klynger", "bu-innovationclusters-om-nic", "bu-nic-om-klyngeprogrammet")),
    ("arena", ("bu-innovationclusters-om-nic", "st-in-press-2016-klynger")),
    ("nce", ("bu-innovationclusters-om-nic", "st-in-press-2016-klynger", "bu-in-arsrapport-2022-klynger")),
    ("gce", ("bu-innovationclusters-om-nic", "st-in-press-2016-klynger")),
    ("arena_pro", ("bu-nic-arena-pro", "cl-stiim-2021")),
    ("mature", ("bu-in-modne-klynger-fullmakt-2020",)),
    ("hub_node", ("bu-nic-hub-node-2023",)),
    ("revised", ("bu-nic-om-klyngeprogrammet", "bu-siva-opptak-2024", "bu-energiaktuelt-ccc-2024", "cx-nordicedge-klyngestatus-2026")),
    ("areas", ("bu-innovationclusters-om-nic",)),
)
