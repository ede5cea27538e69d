"""deploy/serve.py's pieces that need no running server: the nginx config it renders, the secret."""

from __future__ import annotations

import os
import stat
import subprocess

import pytest

from deploy import serve


def nginx_or_skip() -> str:
    binary = serve.nginx_binary()
    if binary is None:
        if os.environ.get("KLYNGEKART_REQUIRE_BROWSER") == "1":
            pytest.fail("nginx not found: CI must install it (apt-get install nginx)")
        pytest.skip("nginx not found: install it with `apt-get install nginx` to check the proxy")
    return binary


def test_rendered_config_is_accepted_by_nginx_and_stays_in_the_runtime_folder(tmp_path):
    binary = nginx_or_skip()
    (tmp_path / "logs").mkdir()
    (tmp_path / "tmp").mkdir()
    config = serve.render_nginx(tmp_path, "127.0.0.1:18600", [18601, 18602], down=frozenset({18602}))
    assert "{{" not in config
    lines = [line.strip() for line in config.splitlines()]
    # A replica being restarted takes no new visitors, and its own visitors go to the other.
    assert lines.count("server 127.0.0.1:18601 max_fails=2 fail_timeout=10s;") == 2
    assert lines.count("server 127.0.0.1:18602 max_fails=2 fail_timeout=10s down;") == 2
    assert "server 127.0.0.1:18601 max_fails=2 fail_timeout=10s backup;" in lines
    assert "server 127.0.0.1:18602 max_fails=2 fail_timeout=10s backup down;" in lines
    (tmp_path / "nginx.conf").write_text(config)
    result = subprocess.run([binary, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    paths = [line.split()[1].rstrip(";") for line in config.splitlines() if line.strip().startswith(("pid ", "error_log ", "access_log "))]
    assert paths and all(path.startswith(str(tmp_path)) for path in paths)


def test_one_place_compresses_and_routing_follows_the_cookie():
    config = serve.render_nginx(serve.RUNTIME, "127.0.0.1:8600", [8601, 8602])
    directives = {line.strip() for line in config.splitlines()}
    assert "gzip off;" in directives
    assert {'"127.0.0.1:8601" replica_8601;', '"127.0.0.1:8602" replica_8602;', "proxy_pass http://$kk_pool;"} <= directives
    assert "proxy_set_header Upgrade $http_upgrade;" in directives
    assert "proxy_set_header Connection $connection_upgrade;" in directives


def test_cookie_secret_is_made_once_and_readable_only_by_its_owner(tmp_path):
    first = serve.cookie_secret(tmp_path / "runtime")
    assert len(first) >= 32
    assert serve.cookie_secret(tmp_path / "runtime") == first
    mode = stat.S_IMODE((tmp_path / "runtime" / "cookie_secret").stat().st_mode)
    assert mode & 0o077 == 0


def test_restart_takes_one_replica_out_at_a_time_and_back_only_when_healthy(monkeypatch, tmp_path):
    steps = []
    ports = [18601, 18602]
    (tmp_path / "state.json").write_text(f'{{"listen": "127.0.0.1:18600", "ports": {ports}}}')
    for port in ports:
        (tmp_path / f"replica-{port}.pid").write_text(str(port + 1000))

    def write_nginx(runtime, state, down=frozenset()):
        steps.append(("config", tuple(sorted(down))))

    monkeypatch.setattr(serve, "write_nginx", write_nginx)
    monkeypatch.setattr(serve, "nginx", lambda runtime, *args: steps.append(("nginx", *args)))
    monkeypatch.setattr(serve, "stop_pid", lambda pid: steps.append(("stop", pid)))
    monkeypatch.setattr(serve, "start_replica", lambda runtime, port, secret: steps.append(("start", port)) or port + 2000)
    monkeypatch.setattr(serve, "wait_healthy", lambda url, pid=None: steps.append(("healthy", url)))
    monkeypatch.setattr(serve, "warm", lambda url: steps.append(("warm", url)))
    serve.restart(tmp_path)
    expected = []
    for port in ports:
        url = f"http://127.0.0.1:{port}"
        expected += [("config", (port,)), ("nginx", "-s", "reload"), ("stop", port + 1000), ("start", port)]
        expected += [("healthy", url), ("warm", url), ("config", ()), ("nginx", "-s", "reload")]
    assert steps == expected


def test_a_replica_is_added_to_nginx_only_once_healthy_and_warm(monkeypatch, tmp_path):
    steps = []
    (tmp_path / "state.json").write_text('{"listen": "127.0.0.1:18600", "ports": [18601, 18602]}')
    monkeypatch.setattr(serve, "start_replica", lambda runtime, port, secret: steps.append(("start", port)) or 99)
    monkeypatch.setattr(serve, "wait_healthy", lambda url, pid=None: steps.append(("healthy", url)))
    monkeypatch.setattr(serve, "warm", lambda url: steps.append(("warm", url)))
    monkeypatch.setattr(serve, "write_nginx", lambda runtime, state, down=frozenset(): steps.append(("config", tuple(state["ports"]))))
    monkeypatch.setattr(serve, "nginx", lambda runtime, *args: steps.append(("nginx", *args)))
    assert serve.add(tmp_path) == 18603
    url = "http://127.0.0.1:18603"
    assert steps == [("start", 18603), ("healthy", url), ("warm", url), ("config", (18601, 18602, 18603)), ("nginx", "-s", "reload")]
    assert serve.load_state(tmp_path)["ports"] == [18601, 18602, 18603]
