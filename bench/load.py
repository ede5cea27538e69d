"""Load test: concurrent protocol-level Streamlit sessions, no browser. Prints figures, asserts nothing.

Each session does what a visitor's browser does on the wire: GET the page (which hands out the
proxy's route cookie), open the websocket /_stcore/stream with that cookie, send a BackMsg
rerun_script for the page (query string and page name, as the frontend does on load), then
change a filter `--changes` times (the widget's new value in widget_states, the latest query
string the app wrote, the page's script hash). A run is timed from the BackMsg to the
ForwardMsg script_finished. All sessions start together and stay open until all are done.

Targets: one process (`streamlit run server.py`) and N replicas behind nginx (deploy/serve.py),
both started here on 127.0.0.1 and stopped at the end. Prints sessions ok, errors, p50/p95 per
run, CPU-seconds per run of the server processes (from /proc/<pid>/stat before and after), RSS
per session, and each replica's share of the sessions (from the proxy's X-Upstream header).
Then, on one session alone, the median CPU of a run of a view seen before.

    python bench/load.py                       # 30 sessions, budget page, both targets
    python bench/load.py --sessions 60 --target proxy --page map
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import websockets  # noqa: E402
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from deploy import serve  # noqa: E402
from tests.e2e.conftest import free_port  # noqa: E402

# Page → (address path, key of the filter widget to change). The filter cycles through its options.
PAGES = {
    "budget": ("budsjett", "budget-programme"),
    "map": ("kart", "map-metric"),
    "clusters": ("klynger", "filter-level"),
}
MAX_SESSIONS = 200
RUN_TIMEOUT = 120.0
TOTAL_TIMEOUT = 900.0
SEEN_REPEATS = 12
CLK_TCK = 100  # os.sysconf("SC_CLK_TCK") on Linux


@dataclass
class Session:
    runs: list[float] = field(default_factory=list)
    upstream: str = ""
    error: str = ""


@dataclass
class Widget:
    id: str
    kind: str
    options: list[str]
    value: str


class Client:
    """One visitor's websocket, speaking Streamlit's protobufs."""

    def __init__(self, base: str, path: str):
        self.base, self.path = base, path
        self.query = ""
        self.page_hash = ""
        self.widgets: dict[str, Widget] = {}
        self.upstream = ""
        self.ws = None

    async def open(self) -> None:
        cookie, self.upstream = await asyncio.to_thread(self._get_page)
        headers = {"Cookie": cookie} if cookie else {}
        self.ws = await websockets.connect(
            self.base.replace("http://", "ws://") + "/_stcore/stream",
            subprotocols=["streamlit"],
            origin=self.base,
            additional_headers=headers,
            max_size=None,
            open_timeout=RUN_TIMEOUT,
        )
        self.upstream = self.ws.response.headers.get("X-Upstream", self.upstream)

    def _get_page(self) -> tuple[str, str]:
        with urllib.request.urlopen(f"{self.base}/{self.path}", timeout=RUN_TIMEOUT) as response:
            cookies = [c.split(";", 1)[0] for c in response.headers.get_all("Set-Cookie") or ()]
            return "; ".join(cookies), response.headers.get("X-Upstream", "")

    async def run(self, widget: Widget | None = None, value: str = "") -> float:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query
        state.page_script_hash = self.page_hash
        state.page_name = self.path
        if widget is not None:
            proto = state.widget_states.widgets.add()
            proto.id = widget.id
            proto.string_value = value
            widget.value = value
        started = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        await asyncio.wait_for(self._until_finished(), RUN_TIMEOUT)
        return time.perf_counter() - started

    async def _until_finished(self) -> None:
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await self.ws.recv())
            kind = msg.WhichOneof("type")
            if kind == "navigation":
                self.page_hash = msg.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif kind == "page_not_found":
                raise RuntimeError(f"page not found: {self.path}")
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                self._note_element(msg.delta.new_element)
            elif kind == "script_finished":
                if msg.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                    return
                if msg.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    raise RuntimeError(f"script finished with status {msg.script_finished}")

    def _note_element(self, element) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception":
            raise RuntimeError(f"exception on the page: {element.exception.message[:200]}")
        if kind in ("selectbox", "radio", "select_slider"):
            proto = getattr(element, kind)
            options = list(proto.options)
            value = proto.raw_value if proto.HasField("raw_value") else options[proto.default] if proto.HasField("default") else ""
            self.widgets[proto.id] = Widget(proto.id, kind, options, value)

    def widget(self, key: str) -> Widget:
        found = [w for w in self.widgets.values() if w.id.endswith("-" + key)]
        if not found:
            raise RuntimeError(f"no widget with key {key} on {self.path}: {sorted(self.widgets)}")
        return found[0]

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()


def next_value(widget: Widget, step: int) -> str:
    return widget.options[(widget.options.index(widget.value) + step) % len(widget.options)]


async def session(base: str, page: str, changes: int, done: asyncio.Event, finished: list[int], total: int) -> Session:
    path, key = PAGES[page]
    result = Session()
    client = Client(base, path)
    try:
        await client.open()
        result.upstream = client.upstream
        result.runs.append(await client.run())
        for _ in range(changes):
            widget = client.widget(key)
            result.runs.append(await client.run(widget, next_value(widget, 1)))
    except Exception as error:  # every failure is counted and named, not raised
        result.error = f"{type(error).__name__}: {error}"
    finished.append(1)
    if len(finished) == total:
        done.set()
    try:
        await done.wait()  # keep the websocket open until every session is done (RSS is read then)
    finally:
        await client.close()
    return result


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / CLK_TCK


def rss_mb(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) / 1024
    return total


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
        except (OSError, ValueError):
            continue
    return found


async def load(base: str, page: str, sessions: int, changes: int, pids: list[int], proxy: list[int] = ()) -> None:
    # Warm-up: the first script run of a fresh process registers st.navigation's pages (the very
    # first deep link would otherwise be "not found"), and every view is drawn once.
    await asyncio.gather(*(warm(base, page, changes) for _ in range(max(1, len(pids)) * 2)))
    rss_before, cpu_before, proxy_before = rss_mb(pids), cpu_seconds(pids), cpu_seconds(proxy)
    done, finished = asyncio.Event(), []
    started = time.perf_counter()
    tasks = [asyncio.create_task(session(base, page, changes, done, finished, sessions)) for _ in range(sessions)]
    while len(finished) < sessions:
        await asyncio.sleep(0.05)
    rss_after, cpu_after, proxy_after = rss_mb(pids), cpu_seconds(pids), cpu_seconds(proxy)
    wall = time.perf_counter() - started
    results = await asyncio.gather(*tasks)
    report(results, wall, cpu_after - cpu_before, (rss_after - rss_before) / sessions)
    print(f"  server RSS {rss_before:.0f} MB before the sessions, {rss_after:.0f} MB with all {sessions} open ({len(pids)} processes)")
    if proxy:
        print(f"  nginx CPU for the whole test {proxy_after - proxy_before:.2f} s")


async def warm(base: str, page: str, changes: int) -> None:
    client = Client(base, "")
    await client.open()
    await client.run()
    await client.close()
    done = asyncio.Event()
    done.set()
    result = await session(base, page, changes, done, [], -1)
    if result.error:
        raise RuntimeError(f"warm-up failed: {result.error}")


def report(results: list[Session], wall: float, cpu: float, rss_per_session: float) -> None:
    ok = [r for r in results if not r.error]
    runs = sorted(t for r in ok for t in r.runs)
    changes = sorted(t for r in ok for t in r.runs[1:])
    print(f"  sessions ok {len(ok)}/{len(results)}, errors {len(results) - len(ok)}, wall {wall:.1f} s")
    for error, count in Counter(r.error for r in results if r.error).most_common(3):
        print(f"    {count} x {error}")
    if runs:
        print(f"  per run (load + changes, {len(runs)}): p50 {quantile(runs, 0.5):.2f} s  p95 {quantile(runs, 0.95):.2f} s  max {runs[-1]:.2f} s")
    if changes:
        print(f"  per filter change ({len(changes)}): p50 {quantile(changes, 0.5):.2f} s  p95 {quantile(changes, 0.95):.2f} s")
        print(f"  server CPU per run {cpu / len(runs):.3f} s ({cpu:.1f} s for {len(runs)} runs)")
    print(f"  server RSS change per open session {rss_per_session:+.2f} MB (garbage freed meanwhile can make it negative)")
    shares = Counter(r.upstream or "direct" for r in results)
    print("  sessions per replica: " + ", ".join(f"{name} {count}" for name, count in sorted(shares.items())))


def quantile(values: list[float], q: float) -> float:
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


async def seen_view_cpu(base: str, page: str, pid: int) -> None:
    """One session alone, so a run's CPU is the server's CPU between request and finish."""
    path, key = PAGES[page]
    client = Client(base, path)
    await client.open()
    await client.run()
    widget = client.widget(key)
    for _ in widget.options:  # every view once: from here on all are seen
        await client.run(widget, next_value(widget, 1))
    cpu = []
    for _ in range(SEEN_REPEATS):
        before = cpu_seconds([pid])
        await client.run(widget, next_value(widget, 1))
        cpu.append(cpu_seconds([pid]) - before)
    await client.close()
    print(f"  CPU per run of a seen view ({page}, one session, {SEEN_REPEATS} runs): median {statistics.median(cpu):.3f} s"
          f" (clock tick {1 / CLK_TCK:.2f} s)")


def single(page: str, sessions: int, changes: int) -> None:
    runtime = Path(tempfile.mkdtemp(prefix="klyngekart-load-"))
    (runtime / "logs").mkdir()
    port = free_port()
    pid = serve.start_replica(runtime, port, serve.cookie_secret(runtime))
    base = f"http://{serve.HOST}:{port}"
    try:
        serve.wait_healthy(base, pid)
        print(f"one process ({base}), {sessions} sessions, {page}, {changes} filter changes each")
        asyncio.run(asyncio.wait_for(load(base, page, sessions, changes, [pid]), TOTAL_TIMEOUT))
        asyncio.run(asyncio.wait_for(seen_view_cpu(base, page, pid), TOTAL_TIMEOUT))
    finally:
        serve.stop_pid(pid)


def proxied(page: str, sessions: int, changes: int, replicas: int) -> None:
    runtime = Path(tempfile.mkdtemp(prefix="klyngekart-load-"))
    listen = f"{serve.HOST}:{free_port()}"
    base = serve.start(runtime, listen, [free_port() for _ in range(replicas)])
    try:
        pids = [serve.replica_pid(runtime, port) for port in serve.load_state(runtime)["ports"]]
        master = int((runtime / "nginx.pid").read_text())
        print(f"{replicas} replicas behind nginx ({base}), {sessions} sessions, {page}, {changes} filter changes each")
        asyncio.run(asyncio.wait_for(load(base, page, sessions, changes, pids, [master, *children(master)]), TOTAL_TIMEOUT))
    finally:
        serve.stop(runtime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--changes", type=int, default=3)
    parser.add_argument("--page", choices=sorted(PAGES), default="budget")
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--target", choices=("single", "proxy", "both"), default="both")
    args = parser.parse_args()
    if not 1 <= args.sessions <= MAX_SESSIONS:
        raise SystemExit(f"--sessions must be 1..{MAX_SESSIONS}")
    if args.target in ("single", "both"):
        single(args.page, args.sessions, args.changes)
    if args.target in ("proxy", "both"):
        proxied(args.page, args.sessions, args.changes, args.replicas)


if __name__ == "__main__":
    main()
