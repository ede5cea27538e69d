import pytest
from starlette.applications import Starlette
from starlette.routing import WebSocketRoute
from starlette.testclient import TestClient
from starlette.websockets import WebSocket, WebSocketDisconnect

from klyngekart.origin_guard import OriginGuard, same_site


@pytest.mark.parametrize(
    ("origin", "host", "extra", "allowed"),
    [
        (None, "example.org", set(), True),
        ("https://example.org", "example.org", set(), True),
        ("http://localhost:8501", "localhost:8501", set(), True),
        ("http://LOCALHOST:8501", "localhost:8501", set(), True),
        ("https://evil.example", "example.org", set(), False),
        ("http://localhost:8502", "localhost:8501", set(), False),
        ("https://example.org.evil.example", "example.org", set(), False),
        ("null", "example.org", set(), False),
        ("https://evil.example", None, set(), False),
        ("https://partner.example/", "example.org", {"https://partner.example"}, True),
    ],
)
def test_same_site(origin, host, extra, allowed):
    assert same_site(origin, host, extra) is allowed


async def echo(websocket: WebSocket) -> None:
    await websocket.accept()
    await websocket.send_text("open")
    await websocket.close()


def client() -> TestClient:
    inner = Starlette(routes=[WebSocketRoute("/_stcore/stream", echo)])
    return TestClient(OriginGuard(inner), base_url="http://testserver")


def test_foreign_websocket_is_closed_before_the_app_sees_it():
    with pytest.raises(WebSocketDisconnect) as refused:
        with client().websocket_connect("/_stcore/stream", headers={"Origin": "https://evil.example"}):
            pass
    assert refused.value.code == 1008


def test_same_origin_websocket_reaches_the_app():
    with client().websocket_connect("/_stcore/stream", headers={"Origin": "http://testserver"}) as websocket:
        assert websocket.receive_text() == "open"
