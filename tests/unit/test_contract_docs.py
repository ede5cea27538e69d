"""data/README.md describes every table and column that the code enforces."""

import re

from klyngekart.data.schema import TABLES
from tests.conftest import REPO


def test_readme_names_every_table_and_column():
    readme = (REPO / "data" / "README.md").read_text(encoding="utf-8")
    for table in TABLES:
        assert table.file.rsplit("/", 1)[-1] in readme, table.file
        for column in table.column_names:
            assert re.search(rf"\b{re.escape(column)}\b", readme), f"{table.file}: {column}"
