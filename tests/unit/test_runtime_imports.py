"""`make run` installs requirements.txt only: the app must import nothing else. shapely came in
through the development requirements and crashed the map on a fresh `make run` before this test."""

import ast
import re
import sys
from importlib.metadata import PackageNotFoundError, distribution, packages_distributions

from tests.conftest import REPO


def imported_modules() -> dict[str, str]:
    """Top-level module → a file of the app that imports it (also inside functions)."""
    found: dict[str, str] = {}
    for path in [*REPO.glob("klyngekart/**/*.py"), *REPO.glob("pages/*.py"), REPO / "dashboard.py", REPO / "server.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], str(path.relative_to(REPO)))
    return found


def required_distributions() -> set[str]:
    """The distributions requirements.txt pins and everything they install in turn (starlette
    comes with streamlit, for example)."""
    lines = (REPO / "requirements.txt").read_text(encoding="utf-8").splitlines()
    pending = [line.split("==")[0].strip().lower() for line in lines if line.strip() and not line.startswith("#")]
    found: set[str] = set()
    while pending:
        name = pending.pop()
        if name in found:
            continue
        found.add(name)
        for requirement in distribution(name).requires or []:
            if "extra ==" in requirement:
                continue
            wanted = re.split(r"[ ;<>=!~\[(]", requirement, maxsplit=1)[0].lower().replace("_", "-")
            try:
                distribution(wanted)
            except PackageNotFoundError:
                continue  # for another platform or Python version
            pending.append(wanted)
    return found


def test_the_app_imports_only_the_standard_library_and_its_runtime_requirements():
    required = required_distributions()
    providers = packages_distributions()
    outside = {
        module: where
        for module, where in imported_modules().items()
        if module not in sys.stdlib_module_names
        and module != "klyngekart"
        and not {name.lower().replace("_", "-") for name in providers.get(module, [])} & required
    }
    assert outside == {}
