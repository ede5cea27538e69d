"""Validated query parameters: the view's state in the URL.

Values are plain strings checked against the allowed options or a numeric range; nothing in a
URL is ever evaluated, unpickled or rendered as HTML. An unknown or malformed value falls back
to the default, and the caller is told which parameters were ignored so the page can say so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# A value longer than this is never a valid option; cut the work short on hostile input.
MAX_VALUE_LENGTH = 80

# Links outlive the names in them. When a parameter or value is renamed, the old form is listed
# here and read as the new one; a retired name is never reused for something else.
RENAMED_PARAMETERS: dict[str, str] = {}
RENAMED_VALUES: dict[tuple[str, str], str] = {
    # Before release 2026.11.1 the map's count of admitted clusters was called "clusters".
    ("metric", "clusters"): "admitted",
}
# A parameter retired in favour of another that says the same thing differently:
# (old name, old value) → (new name, new value), applied unless the link also names the new one.
# The budget page chose one "component" until release 2026.12.1 (all frames, the whole programme
# or one level); now one-level figures are shown as parts beside the whole, or hidden.
RETIRED_VALUES: dict[tuple[str, str], tuple[str, str]] = {
    ("component", "frames"): ("parts", "show"),
    ("component", "all"): ("parts", "hide"),
    **{("component", level): ("parts", "show") for level in ("Arena", "Arena Pro", "NCE", "GCE")},
}


@dataclass(frozen=True)
class Param:
    name: str
    default: str
    options: tuple[str, ...] = ()
    int_range: tuple[int, int] | None = None

    def parse(self, raw: str) -> str | None:
        """The accepted value for `raw`, or None when it is not allowed."""
        if len(raw) > MAX_VALUE_LENGTH:
            return None
        if self.int_range is not None:
            low, high = self.int_range
            return raw if raw.isdigit() and raw.isascii() and low <= int(raw) <= high else None
        return raw if raw in self.options else None


@dataclass(frozen=True)
class State:
    values: dict[str, str]
    ignored: tuple[str, ...]  # names of parameters whose value was not allowed


def _last(value: str | Sequence[str]) -> str:
    if isinstance(value, str):
        return value
    return value[-1] if value else ""


def migrate(query: Mapping[str, str | Sequence[str]]) -> dict[str, str]:
    """The query with retired parameter names and values replaced by their current forms."""
    current: dict[str, str] = {}
    for name, value in query.items():
        current[RENAMED_PARAMETERS.get(name, name)] = _last(value)
    for (name, old), new in RENAMED_VALUES.items():
        if current.get(name) == old:
            current[name] = new
    for (name, old), (new_name, new_value) in RETIRED_VALUES.items():
        if current.get(name) == old:
            current.setdefault(new_name, new_value)
    return current


def read_state(query: Mapping[str, str | Sequence[str]], params: Sequence[Param]) -> State:
    query = migrate(query)
    values, ignored = {}, []
    for param in params:
        if param.name not in query:
            values[param.name] = param.default
            continue
        accepted = param.parse(_last(query[param.name]))
        if accepted is None:
            ignored.append(param.name)
            values[param.name] = param.default
        else:
            values[param.name] = accepted
    return State(values, tuple(ignored))


def to_query(values: Mapping[str, str], params: Sequence[Param]) -> dict[str, str]:
    """The query parameters for `values`, leaving out defaults so links stay short."""
    return {p.name: values[p.name] for p in params if p.name in values and values[p.name] != p.default}
