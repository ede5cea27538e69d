"""The real server, bound to every interface, never calls out: not at start-up and not when a
foreign site opens a websocket (security review, issue 15, findings 1 and 2)."""

import socket


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
