"""Page-load benchmark: prints figures, asserts nothing.

For every page: time from navigation to its main element visible in headless Chromium, as a
ratio to a bare Streamlit page with one Plotly chart loaded alternately with it in the same run;
bytes over the wire with gzip (server.py, what `make run` serves) and without (bare
dashboard.py); the AppTest rerun median (for the map also after a year change); and the
server's resident memory after ten sessions.
Run with `make bench`, or `python bench/page_load.py map budget` for some pages only.
Browser: Debian's chromium (`apt-get install chromium`).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from klyngekart.ui.registry import PAGES as ENTRIES  # noqa: E402
from tests.e2e.conftest import BROWSER_FLAGS, IDLE, chromium_path, free_port, wait_healthy  # noqa: E402

PAGES = {entry.key: ("/" + entry.url_path, entry.main_element) for entry in ENTRIES}
BARE = ("/", '[data-testid="stPlotlyChart"] .main-svg')
RUNS = 7
SESSIONS = 10


def start(script: str) -> tuple[object, str]:
    import subprocess

    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    wait_healthy(url, process)
    return process, url


def load_once(browser, url: str, selector: str) -> tuple[float, int]:
    """Seconds to the main element and bytes received, in a fresh context (cold browser cache)."""
    context = browser.new_context(viewport={"width": 1280, "height": 1600})
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    received = []
    session.on("Network.loadingFinished", lambda event: received.append(event["encodedDataLength"]))
    session.on("Network.webSocketFrameReceived", lambda event: received.append(len(event["response"]["payloadData"])))
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(selector, state="visible", timeout=120_000)
    elapsed = time.perf_counter() - started
    page.wait_for_selector(IDLE, timeout=120_000)
    page.wait_for_timeout(500)
    context.close()
    return elapsed, sum(received)


def rerun_median(page: str | None) -> float:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=60)
    at.run()
    if page:
        at.switch_page(page).run()
    times = []
    for _ in range(15):
        started = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def year_change_median() -> float:
    """Median rerun after moving the map's year slider, each time to a year not shown before in
    this process (so no chart comes from the cache): the issue's rerun target."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/map.py").run()
    low, high = int(at.slider[0].min), int(at.slider[0].max)
    years = [year for year in range(low, high + 1) if year != at.slider[0].value]
    times = []
    for year in years[::2] + years[1::2]:
        at.slider[0].set_value(year)
        started = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def resident_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main(wanted: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    unknown = set(wanted) - set(PAGES)
    if unknown:
        raise SystemExit(f"unknown pages: {', '.join(sorted(unknown))}; choose from {', '.join(PAGES)}")
    pages = {name: PAGES[name] for name in wanted or PAGES}

    app, app_url = start("server.py")
    plain, plain_url = start("dashboard.py")
    bare, bare_url = start("bench/bare_app.py")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=BROWSER_FLAGS)
            # One untimed load of each first (server caches, the first-deep-link notice), then the
            # page and the bare page alternate, so drift on the machine hits both alike.
            load_once(browser, bare_url + BARE[0], BARE[1])
            print(f"{RUNS} cold loads each, alternating with the bare page (one Plotly chart); medians")
            print(f"{'page':10} {'page s':>7} {'bare s':>7} {'ratio':>6} {'KiB gzip':>9} {'KiB plain':>10} {'rerun ms':>9}")
            for name, (path, selector) in pages.items():
                load_once(browser, app_url + path, selector)
                runs, bare_runs = [], []
                for _ in range(RUNS):
                    runs.append(load_once(browser, app_url + path, selector))
                    bare_runs.append(load_once(browser, bare_url + BARE[0], BARE[1]))
                median = statistics.median(t for t, _ in runs)
                bare_time = statistics.median(t for t, _ in bare_runs)
                _, plain_bytes = load_once(browser, plain_url + path, selector)
                script = next(e.script for e in ENTRIES if e.key == name)
                rerun = rerun_median(None if name == "home" else script) * 1000
                print(
                    f"{name:10} {median:7.2f} {bare_time:7.2f} {median / bare_time:6.2f} {runs[0][1] / 1024:9.0f}"
                    f" {plain_bytes / 1024:10.0f} {rerun:9.1f}"
                )
            print(f"bare page: {bare_runs[0][1] / 1024:.0f} KiB")
            if "map" in pages:
                print(f"map rerun after a year change (AppTest, every year once): median {year_change_median() * 1000:.0f} ms")
            contexts = []
            for _ in range(SESSIONS):
                context = browser.new_context()
                page = context.new_page()
                page.goto(app_url + "/")
                page.wait_for_selector(PAGES["home"][1], timeout=120_000)
                contexts.append(context)
            print(f"server resident memory after {SESSIONS} open sessions: {resident_mb(app.pid):.0f} MB")
            browser.close()
    finally:
        for process in (app, plain, bare):
            process.terminate()
            process.wait(timeout=15)


if __name__ == "__main__":
    main(sys.argv[1:])
