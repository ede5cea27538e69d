import pandas as pd

from klyngekart.markdown import markdown_table


def test_table_with_links_and_escaping():
    rows = pd.DataFrame(
        {
            "name": ["NCE | Ocean [test]", "Arena *bio*"],
            "profile": ["klynger?cluster=nce-ocean", None],
            "source": ["SSB", "Innovasjon Norge"],
            "source_url": ["https://www.ssb.no/a b", "javascript:alert(1)"],
            "level": ["NCE", pd.NA],
        }
    )
    table = markdown_table(rows, {"name": "Klynge", "level": "Nivå", "source": "Kilde"}, {"name": "profile", "source": "source_url"})
    assert table.splitlines() == [
        "| Klynge | Nivå | Kilde |",
        "|---|---|---|",
        r"| [NCE \| Ocean \[test\]](klynger?cluster=nce-ocean) | NCE | [SSB](https://www.ssb.no/a%20b) |",
        r"| Arena \*bio\* |  | Innovasjon Norge |",
    ]


def test_empty_rows_give_the_heading_only():
    assert markdown_table(pd.DataFrame({"a": []}), {"a": "A"}) == "| A |\n|---|"
