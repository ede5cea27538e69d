"""The real server, bound to every interface, never calls out: not at start-up and not when a
foreign site opens a websocket (security review, issue 15, findings 1 and 2).

Every outbound HTTP(S) request Streamlit could make goes through `requests`, which honours
HTTP(S)_PROXY; pointing those at a local listener turns any attempt to reach the internet into
a connection this test counts, whether or not the machine has a network.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator

import pytest

from tests.conftest import REPO
from tests.e2e.conftest import free_port, wait_healthy


class Trap:
    """A listener that counts the connections made to it and closes each at once."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return
            self.connections += 1
            connection.close()


@pytest.fixture(scope="module")
def trapped_server() -> Iterator[tuple[str, int, Trap]]:
    trap = Trap()
    port = free_port()
    proxy = f"http://127.0.0.1:{trap.port}"
    env = {**os.environ, "HTTP_PROXY": proxy, "HTTPS_PROXY": proxy, "http_proxy": proxy, "https_proxy": proxy, "NO_PROXY": "", "no_proxy": ""}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "server.py", "--server.port", str(port), "--server.address", "0.0.0.0"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_healthy(f"http://127.0.0.1:{port}", process)
        yield "127.0.0.1", port, trap
    finally:
        process.terminate()
        process.wait(timeout=15)
        trap.socket.close()


def handshake(host: str, port: int, origin: str) -> str:
    """The status line the server answers a websocket upgrade with."""
    request = (
        "GET /_stcore/stream HTTP/1.1\r\n"
        f"Host: {host}:{port}\r\n"
        "Upgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        f"Origin: {origin}\r\n\r\n"
    )
    with socket.create_connection((host, port), timeout=30) as connection:
        connection.sendall(request.encode("ascii"))
        return connection.recv(4096).decode("latin-1").split("\r\n", 1)[0]


def test_start_up_on_all_interfaces_makes_no_outbound_request(trapped_server):
    _, _, trap = trapped_server
    assert trap.connections == 0


def test_foreign_origin_websocket_is_refused_without_calling_out(trapped_server):
    host, port, trap = trapped_server
    for _ in range(3):
        assert " 403 " in handshake(host, port, "https://evil.example") + " "
    assert trap.connections == 0


def test_same_origin_websocket_still_opens(trapped_server):
    host, port, _ = trapped_server
    assert " 101 " in handshake(host, port, f"http://{host}:{port}") + " "
