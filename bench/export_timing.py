"""Export benchmark: prints seconds for the first image in a process (starts kaleido's browser)
and for each further one (reuses it), for every exportable chart in PNG and SVG.
Run with `make bench`. Browser: Debian's chromium (`apt-get install chromium`)."""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from klyngekart.charts.registry import CHARTS  # noqa: E402
from klyngekart.data import load_dataset  # noqa: E402
from klyngekart.export.cli import export_chart  # noqa: E402


def timed(*args) -> tuple[float, int]:
    started = time.perf_counter()
    payload = export_chart(*args)
    return time.perf_counter() - started, len(payload)


def main() -> None:
    ds = load_dataset()
    first, size = timed(ds, "budget", "png", "nb", [], "http://localhost:8501", None)
    print(f"first export in the process (starts the browser): {first:.2f} s, {size / 1024:.0f} KiB")
    later = []
    for name in CHARTS:
        for fmt in ("png", "svg"):
            seconds, size = timed(ds, name, fmt, "en", [], "http://localhost:8501", None)
            later.append(seconds)
            print(f"  {name:8} {fmt}: {seconds:.2f} s, {size / 1024:.0f} KiB")
    print(f"further exports: median {statistics.median(later):.2f} s, max {max(later):.2f} s")


if __name__ == "__main__":
    main()
