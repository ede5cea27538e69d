"""Random query strings on every page: no page may raise, whatever the URL holds.

The parser itself takes thousands of examples in tests/unit/test_urlstate.py, against every
registered chart's and filter's parameter list; here a smaller sample per page is enough to
catch a page that reads the URL without the parser.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.app.conftest import PAGES, open_page

NAMES = st.sampled_from(["lang", "embed", "year", "cluster", "metric", "x"]) | st.text(min_size=1, max_size=12)
VALUES = st.text(max_size=40) | st.sampled_from(["nb", "en", "", "2022", "-1", "<script>", "%00", "../../etc"])


@pytest.mark.parametrize("page", PAGES)
def test_random_query_strings_never_raise(page):
    at = open_page(page)

    @settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(st.dictionaries(NAMES, VALUES, max_size=4))
    def run(query):
        at.query_params.clear()
        for name, value in query.items():
            at.query_params[name] = value
        at.run()
        assert not at.exception
        assert at.title[0].value

    run()
