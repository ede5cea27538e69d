"""The real server under `streamlit run server.py`, bound to every interface, with every outbound
HTTP(S) request routed to a counting trap.

Every request Streamlit could make to the internet goes through `requests`, which honours
HTTP(S)_PROXY; pointing those at a local listener turns any attempt into a connection the trap
counts, whether or not the machine has a network.
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


@pytest.fixture(scope="session")
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
