"""Data values inside Markdown: shown as the text they are, never read as markup.

Streamlit renders Markdown with links, images, emphasis, LaTeX between dollar signs and, where a
caller allows it, raw HTML. A publisher name or description from the data is text: every
character Markdown gives a meaning is escaped, and HTML's own specials become entities, so a
value cannot open a link, an image, a formula or a tag whatever it holds. `check` refuses markup
in the data in the first place (klyngekart/data/validate.py); this is the second wall.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

# The ASCII punctuation Markdown gives a meaning to, '$' (Streamlit's LaTeX) included; '<', '>'
# and '&' become entities instead (a backslash before an entity would show it as text).
SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~$])")


def escape_markdown(value: object) -> str:
    """`value` as literal text in Streamlit Markdown (also inside `unsafe_allow_html` blocks)."""
    # Markdown first: escaping afterwards put a backslash inside the entity html.escape makes of
    # an apostrophe, and readers saw "it&#x27;s".
    text = SPECIAL.sub(r"\\\1", " ".join(str(value).split()))
    return html.escape(text, quote=True)


def markdown_link(text: object, url: object) -> str:
    """A Markdown link whose text is escaped and whose address is an http(s) URL with no character
    that could end the link early; anything else is shown as plain text."""
    label = escape_markdown(text)
    if not (isinstance(url, str) and url.startswith(("https://", "http://"))):
        return label
    return f"[{label}]({quote(url, safe=':/?#@!$&*+,;=%~-._')})"
