"""Replicas behind nginx on one machine: `make serve`, `make restart`, `make add-replica`, `make stop`.

    python deploy/serve.py start [--replicas 2] [--listen 127.0.0.1:8600] [--first-port 8601] [--runtime DIR]
    python deploy/serve.py restart [--runtime DIR]   # one replica at a time, never all down
    python deploy/serve.py add [--runtime DIR]       # one more replica, in nginx once healthy
    python deploy/serve.py stop [--runtime DIR]
    python deploy/serve.py warm --url http://127.0.0.1:8501   # one script run (the pods' startup probe)

Each replica is `python -m streamlit run server.py` (REPLICA_ARGS, the same command as the
container image's CMD) on 127.0.0.1 and its own port, configured through environment variables,
all with one shared cookie secret. The processes run detached; their pids, logs, the rendered
nginx.conf and the secret live in the runtime folder (deploy/runtime/, not committed).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RUNTIME = REPO / "deploy" / "runtime"
TEMPLATE = REPO / "deploy" / "nginx.conf"
# What one replica runs after the interpreter; deploy/Containerfile's CMD is the same.
REPLICA_ARGS = ["-m", "streamlit", "run", "server.py"]
HOST = "127.0.0.1"
HEALTH_TIMEOUT = 90.0
STOP_TIMEOUT = 20.0


def nginx_binary() -> str | None:
    # Debian installs it in /usr/sbin, which a non-root PATH often lacks.
    return shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


def cookie_secret(runtime: Path) -> str:
    """The secret every replica signs cookies with, made once and kept in the runtime folder.

    Streamlit signs its XSRF cookie with server.cookieSecret; each process would otherwise make
    up its own, and a cookie from one replica would not validate on another after a failover.
    """
    path = runtime / "cookie_secret"
    if not path.exists():
        runtime.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(32))
    return path.read_text().strip()


def replica_env(port: int, secret: str) -> dict[str, str]:
    return {
        **os.environ,
        "STREAMLIT_SERVER_PORT": str(port),
        "STREAMLIT_SERVER_ADDRESS": HOST,
        "STREAMLIT_SERVER_COOKIE_SECRET": secret,
    }


def render_nginx(runtime: Path, listen: str, ports: list[int], down: frozenset[int] = frozenset()) -> str:
    def server(port: int, extra: str = "") -> str:
        return f"server {HOST}:{port} max_fails=2 fail_timeout=10s{extra}{' down' if port in down else ''};"

    routes = "\n".join(f'        "{HOST}:{port}" replica_{port};' for port in ports)
    servers = "\n".join(f"        {server(port)}" for port in ports)
    pools = "\n".join(
        f"    upstream replica_{port} {{\n        {server(port)}\n"
        + "".join(f"        {server(other, ' backup')}\n" for other in ports if other != port)
        + "    }"
        for port in ports
    )
    text = TEMPLATE.read_text()
    for name, value in (("runtime", str(runtime)), ("listen", listen), ("routes", routes), ("servers", servers), ("pools", pools)):
        text = text.replace("{{" + name + "}}", value)
    return text


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def wait_healthy(url: str, pid: int | None = None, timeout: float = HEALTH_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not healthy(url):
        if pid is not None and not alive(pid):
            raise RuntimeError(f"process {pid} for {url} exited before it was healthy")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} not healthy after {timeout:.0f} s")
        time.sleep(0.2)


def warm(url: str, timeout: float = HEALTH_TIMEOUT) -> None:
    """One script run of the home page, as a browser's first visit would make.

    Streamlit learns st.navigation's pages on a process's first script run; until then a deep
    link (/kart) gets "page not found" (streamlit/streamlit#9624). A replica takes visitors only
    after this run.
    """
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.sync.client import connect

    address = url.replace("http://", "ws://") + "/_stcore/stream"
    deadline = time.monotonic() + timeout
    with connect(address, subprotocols=["streamlit"], origin=url, max_size=None, open_timeout=timeout) as ws:
        msg = BackMsg()
        msg.rerun_script.query_string = ""
        ws.send(msg.SerializeToString())
        while True:
            reply = ForwardMsg()
            reply.ParseFromString(ws.recv(timeout=max(0.0, deadline - time.monotonic())))
            if reply.WhichOneof("type") == "script_finished":
                return


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def start_replica(runtime: Path, port: int, secret: str) -> int:
    log = open(runtime / "logs" / f"replica-{port}.log", "ab")
    process = subprocess.Popen(
        [sys.executable, *REPLICA_ARGS], cwd=REPO, env=replica_env(port, secret), stdout=log, stderr=log, start_new_session=True
    )
    (runtime / f"replica-{port}.pid").write_text(str(process.pid))
    return process.pid


def stop_pid(pid: int, timeout: float = STOP_TIMEOUT) -> None:
    """SIGTERM (Streamlit closes its sessions), then SIGKILL if it is still there at the deadline."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + timeout
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    if alive(pid):
        os.kill(pid, signal.SIGKILL)
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass


def nginx(runtime: Path, *args: str) -> None:
    binary = nginx_binary()
    if binary is None:
        raise SystemExit("nginx not found: install it with `apt-get install nginx`")
    subprocess.run([binary, "-p", str(runtime), "-c", str(runtime / "nginx.conf"), *args], check=True)


def write_nginx(runtime: Path, state: dict, down: frozenset[int] = frozenset()) -> None:
    (runtime / "nginx.conf").write_text(render_nginx(runtime, state["listen"], state["ports"], down))
    nginx(runtime, "-t", "-q")


def load_state(runtime: Path) -> dict:
    return json.loads((runtime / "state.json").read_text())


def replica_pid(runtime: Path, port: int) -> int:
    return int((runtime / f"replica-{port}.pid").read_text())


def start(runtime: Path, listen: str, ports: list[int]) -> str:
    running = [p for p in runtime.glob("replica-*.pid") if ours(int(p.read_text()), b"streamlit")]
    if running:
        raise SystemExit(f"already serving from {runtime} ({len(running)} replicas): `make stop` first")
    for folder in ("logs", "tmp"):
        (runtime / folder).mkdir(parents=True, exist_ok=True)
    secret = cookie_secret(runtime)
    state = {"listen": listen, "ports": ports}
    (runtime / "state.json").write_text(json.dumps(state))
    url = f"http://{listen}"
    try:
        pids = {port: start_replica(runtime, port, secret) for port in state["ports"]}
        for port, pid in pids.items():
            wait_healthy(f"http://{HOST}:{port}", pid)
            warm(f"http://{HOST}:{port}")
        write_nginx(runtime, state)
        nginx(runtime)
        wait_healthy(url)
    except BaseException:
        stop(runtime)
        raise
    return url


def restart(runtime: Path) -> None:
    """One replica at a time: out of nginx, stopped, started, healthy and warm, back into nginx."""
    state = load_state(runtime)
    secret = cookie_secret(runtime)
    for port in state["ports"]:
        write_nginx(runtime, state, down=frozenset({port}))
        nginx(runtime, "-s", "reload")
        stop_pid(replica_pid(runtime, port))
        pid = start_replica(runtime, port, secret)
        wait_healthy(f"http://{HOST}:{port}", pid)
        warm(f"http://{HOST}:{port}")
        write_nginx(runtime, state)
        nginx(runtime, "-s", "reload")
        print(f"replica {port} restarted (pid {pid})", flush=True)


def ours(pid: int, word: bytes) -> bool:
    """A pid file can outlive its process (a reboot); only a process still running `word` is ours."""
    try:
        return word in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def add(runtime: Path) -> int:
    """One more replica on the next port: healthy and warm first, then into nginx."""
    state = load_state(runtime)
    port = max(state["ports"]) + 1
    pid = start_replica(runtime, port, cookie_secret(runtime))
    wait_healthy(f"http://{HOST}:{port}", pid)
    warm(f"http://{HOST}:{port}")
    state["ports"].append(port)
    write_nginx(runtime, state)
    (runtime / "state.json").write_text(json.dumps(state))
    nginx(runtime, "-s", "reload")
    return port


def stop(runtime: Path) -> None:
    pid_file = runtime / "nginx.pid"
    if pid_file.exists() and ours(pid := int(pid_file.read_text()), b"nginx"):
        stop_pid(pid)
    for pid_path in runtime.glob("replica-*.pid"):
        if ours(pid := int(pid_path.read_text()), b"streamlit"):
            stop_pid(pid)
        pid_path.unlink()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("start", "restart", "add", "stop", "warm"))
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--listen", default=f"{HOST}:8600")
    parser.add_argument("--first-port", type=int, default=8601)
    parser.add_argument("--runtime", type=Path, default=RUNTIME)
    parser.add_argument("--url", default=f"http://{HOST}:8501", help="the server to warm")
    args = parser.parse_args(argv)
    runtime = args.runtime.resolve()
    if args.action == "start":
        url = start(runtime, args.listen, [args.first_port + i for i in range(args.replicas)])
        print(f"{args.replicas} replicas behind nginx: {url}  (logs in {runtime / 'logs'}; `make stop` ends them)")
    elif args.action == "add":
        print(f"replica {add(runtime)} added")
    elif args.action == "warm":
        warm(args.url, timeout=10)
    elif args.action == "restart":
        restart(runtime)
    else:
        stop(runtime)


if __name__ == "__main__":
    main()
