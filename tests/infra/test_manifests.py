"""infra/: Kubernetes manifests against the Kubernetes JSON schemas, and the wiring of the
manifests, docker-compose.yml and the Dockerfile against each other and against Settings.

Offline: the schemas come bundled in the PyPI package ``kubernetes-validate``. No cluster,
no Docker daemon.
"""

from __future__ import annotations

import copy
import re
import shlex
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from teamcredit.settings import ENV_PREFIX, Settings

REPO = Path(__file__).resolve().parents[2]
INFRA = REPO / "infra"
K8S = INFRA / "k8s"
COMPOSE = INFRA / "docker-compose.yml"
DOCKERFILE = INFRA / "Dockerfile"
DOCKERIGNORE = INFRA / "Dockerfile.dockerignore"

# Oldest Kubernetes minor we claim to support, and the newest the validator bundles.
OLDEST_K8S = "1.29.0"
SETTING_NAMES = {ENV_PREFIX + name.upper() for name in Settings.model_fields}
VAR = re.compile(r"\b" + ENV_PREFIX + r"[A-Z0-9_]+\b")
MANIFESTS = sorted(p for p in K8S.glob("*.yaml") if p.name != "kustomization.yaml")


# --- loading -------------------------------------------------------------------------


@cache
def docs(path: Path) -> tuple[dict[str, Any], ...]:
    return tuple(d for d in yaml.safe_load_all(path.read_text()) if d)


def objects() -> list[dict[str, Any]]:
    return [d for p in MANIFESTS for d in docs(p)]


def one(kind: str) -> dict[str, Any]:
    found = [o for o in objects() if o["kind"] == kind]
    assert len(found) == 1, f"expected one {kind} in infra/k8s, found {len(found)}"
    return found[0]


def pod_spec() -> dict[str, Any]:
    spec: dict[str, Any] = one("Deployment")["spec"]["template"]["spec"]
    return spec


def api_container() -> dict[str, Any]:
    containers = pod_spec()["containers"]
    assert len(containers) == 1
    container: dict[str, Any] = containers[0]
    return container


def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())
    return data


def interpolate(value: str) -> str:
    """Compose's ${VAR:-default} / ${VAR-default} with an empty environment."""
    return re.sub(r"\$\{[A-Za-z_][A-Za-z0-9_]*(?::?-([^}]*))?\}", lambda m: m.group(1) or "", value)


def dockerfile_instructions() -> list[tuple[str, str]]:
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def dockerfile_env() -> dict[str, str]:
    env: dict[str, str] = {}
    for word, rest in dockerfile_instructions():
        if word == "ENV":
            for pair in shlex.split(rest):
                key, _, value = pair.partition("=")
                env[key] = value
    return env


def k8s_env() -> dict[str, str]:
    """What the API container sees: ConfigMap and Secret through envFrom, then env."""
    env: dict[str, str] = {}
    for source in api_container().get("envFrom", []):
        if "configMapRef" in source:
            cm = one("ConfigMap")
            assert cm["metadata"]["name"] == source["configMapRef"]["name"]
            env.update(cm["data"])
        if "secretRef" in source:
            secret = one("Secret")
            assert secret["metadata"]["name"] == source["secretRef"]["name"]
            env.update(secret["stringData"])
    for item in api_container().get("env", []):
        env[item["name"]] = item.get("value", "")
    return env


def compose_api_env() -> dict[str, str]:
    env = compose()["services"]["api"]["environment"]
    assert isinstance(env, dict), "write the api's environment as a mapping"
    return {k: interpolate(str(v)) for k, v in env.items()}


# --- Kubernetes schemas ----------------------------------------------------------------


@pytest.fixture(scope="module")
def kv() -> Any:
    try:
        import kubernetes_validate
    except ImportError:  # pragma: no cover - the dev extras install it
        pytest.fail("kubernetes-validate is missing: install the test extras (make install-test)")
    return kubernetes_validate


def latest_k8s(kv: Any) -> str:
    return str(kv.utils.latest_version())


def test_manifests_exist() -> None:
    kinds = {o["kind"] for o in objects()}
    assert {
        "Namespace",
        "ConfigMap",
        "Secret",
        "Deployment",
        "Service",
        "HorizontalPodAutoscaler",
        "PodDisruptionBudget",
    } <= kinds


@pytest.mark.parametrize("version", ["oldest", "latest"])
@pytest.mark.parametrize("path", MANIFESTS, ids=lambda p: p.name)
def test_manifest_matches_kubernetes_schema(kv: Any, path: Path, version: str) -> None:
    wanted = OLDEST_K8S if version == "oldest" else latest_k8s(kv)
    for obj in docs(path):
        # strict: unknown fields (typos such as readinesProbe) are errors too. A kind the
        # validator has no schema for raises SchemaNotFoundError, which fails the test.
        kv.validate(obj, wanted, strict=True)


def test_validator_is_not_vacuous(kv: Any) -> None:
    typo = copy.deepcopy(one("Deployment"))
    container = typo["spec"]["template"]["spec"]["containers"][0]
    container["readinesProbe"] = container.pop("readinessProbe")
    wrong_type = copy.deepcopy(one("Deployment"))
    wrong_type["spec"]["replicas"] = "two"
    for bad in (typo, wrong_type):
        with pytest.raises(kv.ValidationError):
            kv.validate(bad, latest_k8s(kv), strict=True)


def test_kustomization_lists_every_manifest() -> None:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    assert sorted(kustomization["resources"]) == sorted(p.name for p in MANIFESTS)
    image_names = {i["name"] for i in kustomization.get("images", [])}
    assert api_container()["image"].split(":")[0] in image_names


# --- wiring between the objects ---------------------------------------------------------


def matches(selector: dict[str, str], labels: dict[str, str]) -> bool:
    return bool(selector) and all(labels.get(k) == v for k, v in selector.items())


def test_objects_reference_each_other() -> None:
    namespace = one("Namespace")["metadata"]["name"]
    for obj in objects():
        if obj["kind"] != "Namespace":
            assert obj["metadata"].get("namespace") == namespace, obj["metadata"]["name"]

    deployment = one("Deployment")
    pod_labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert matches(deployment["spec"]["selector"]["matchLabels"], pod_labels)
    assert matches(one("Service")["spec"]["selector"], pod_labels)
    assert matches(one("PodDisruptionBudget")["spec"]["selector"]["matchLabels"], pod_labels)
    for constraint in pod_spec().get("topologySpreadConstraints", []):
        assert matches(constraint["labelSelector"]["matchLabels"], pod_labels)

    target = one("HorizontalPodAutoscaler")["spec"]["scaleTargetRef"]
    assert (target["kind"], target["name"]) == ("Deployment", deployment["metadata"]["name"])

    port_names = {p["name"]: p["containerPort"] for p in api_container()["ports"]}
    for port in one("Service")["spec"]["ports"]:
        assert port["targetPort"] in port_names
    annotations = deployment["spec"]["template"]["metadata"]["annotations"]
    assert annotations["prometheus.io/scrape"] == "true"
    assert annotations["prometheus.io/path"] == "/metrics"
    assert int(annotations["prometheus.io/port"]) in port_names.values()
    assert int(k8s_env()["TEAMCREDIT_PORT"]) in port_names.values()


def test_probes_and_scaling() -> None:
    container = api_container()
    probe_ports = {p["name"] for p in container["ports"]}
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["startupProbe"]["httpGet"]["path"] == "/healthz"
    for probe in ("readinessProbe", "livenessProbe", "startupProbe"):
        assert container[probe]["httpGet"]["port"] in probe_ports
    # /readyz pings the graph with a 1 s budget: the probe must wait longer than that.
    assert container["readinessProbe"]["timeoutSeconds"] > 1

    deployment, hpa = one("Deployment"), one("HorizontalPodAutoscaler")
    assert deployment["spec"]["replicas"] >= 2
    assert deployment["spec"]["strategy"]["type"] == "RollingUpdate"
    assert deployment["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    assert hpa["apiVersion"] == "autoscaling/v2"
    assert 2 <= hpa["spec"]["minReplicas"] <= hpa["spec"]["maxReplicas"]
    assert [m["resource"]["name"] for m in hpa["spec"]["metrics"]] == ["cpu"]
    # Voluntary disruptions never take every replica down at once.
    assert one("PodDisruptionBudget")["spec"]["maxUnavailable"] < hpa["spec"]["minReplicas"]
    resources = container["resources"]
    for key in ("cpu", "memory"):
        assert key in resources["requests"] and key in resources["limits"]


def test_pod_is_restricted_non_root_read_only() -> None:
    pod, container = pod_spec(), api_container()
    pod_sc, sc = pod["securityContext"], container["securityContext"]
    assert pod_sc["runAsNonRoot"] is True
    assert pod_sc["seccompProfile"]["type"] == "RuntimeDefault"
    assert sc["readOnlyRootFilesystem"] is True
    assert sc["allowPrivilegeEscalation"] is False
    assert sc["capabilities"]["drop"] == ["ALL"]
    # The same uid as the image's USER.
    user = [rest for word, rest in dockerfile_instructions() if word == "USER"][-1]
    assert str(pod_sc["runAsUser"]) == user.split(":")[0]
    # /tmp is writable (an emptyDir) and DATA_DIR lives there.
    tmp_volumes = [m["name"] for m in container["volumeMounts"] if m["mountPath"] == "/tmp"]
    assert tmp_volumes
    assert any(v["name"] == tmp_volumes[0] and "emptyDir" in v for v in pod["volumes"])
    assert k8s_env()["TEAMCREDIT_DATA_DIR"].startswith("/tmp/")
    assert pod["enableServiceLinks"] is False


# --- TEAMCREDIT_* variables against Settings -------------------------------------------------


def variables_in(path: Path) -> set[str]:
    """Variables set or read by the file; comments may name others (e.g. to warn)."""
    lines = (re.sub(r"(^|\s)#.*", "", line) for line in path.read_text().splitlines())
    return set(VAR.findall("\n".join(lines)))


@pytest.mark.parametrize(
    "path",
    [*MANIFESTS, COMPOSE, DOCKERFILE],
    ids=lambda p: str(p.relative_to(INFRA)),
)
def test_every_teamcredit_variable_is_a_setting(path: Path) -> None:
    unknown = variables_in(path) - SETTING_NAMES
    assert not unknown, f"{path.name} uses variables Settings does not read: {sorted(unknown)}"


def test_variable_scan_sees_the_config_map() -> None:
    cm = one("ConfigMap")
    path = K8S / "configmap.yaml"
    assert variables_in(path) == set(cm["data"]) and "TEAMCREDIT_NEO4J_URI" in cm["data"]


def settings_from(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Settings:
    import os

    for name in list(os.environ):
        if name.startswith(ENV_PREFIX):
            monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return Settings()


@pytest.mark.parametrize("where", ["k8s", "compose"])
def test_configured_values_are_valid_settings(where: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The image's ENV first, then what the orchestrator sets on top.
    env = {k: v for k, v in dockerfile_env().items() if k.startswith(ENV_PREFIX)}
    env.update(k8s_env() if where == "k8s" else compose_api_env())
    settings = settings_from(env, monkeypatch)
    # Never the embedded graph in a container.
    assert settings.neo4j_uri is not None and not settings.embedded
    assert settings.neo4j_password
    assert settings.host == "0.0.0.0"
    assert settings.env == "prod"
    if where == "k8s":
        assert settings.neo4j_uri.startswith(("neo4j://", "neo4j+s://")), "cluster routing"


# --- docker-compose.yml ----------------------------------------------------------------------


def test_compose_wiring() -> None:
    services = compose()["services"]
    assert set(services) == {"neo4j", "api"}
    neo4j, api = services["neo4j"], services["api"]

    # Pinned (no floating neo4j:5), and at least 5.23: CALL (x) { ... } needs it.
    tag = re.fullmatch(r"neo4j:5\.(\d+)\.\d+-community", neo4j["image"])
    assert tag and int(tag.group(1)) >= 23, neo4j["image"]
    assert "cypher-shell" in neo4j["healthcheck"]["test"]
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"

    # The API reaches Neo4j by its service name, with the password Neo4j was given.
    env = compose_api_env()
    uri = env["TEAMCREDIT_NEO4J_URI"]
    assert re.fullmatch(r"bolt://neo4j:7687", uri), uri
    auth_user, _, auth_password = interpolate(neo4j["environment"]["NEO4J_AUTH"]).partition("/")
    assert (env["TEAMCREDIT_NEO4J_USER"], env["TEAMCREDIT_NEO4J_PASSWORD"]) == (
        auth_user,
        auth_password,
    )
    assert len(auth_password) >= 8, "Neo4j 5 refuses passwords shorter than 8 characters"
    healthcheck = [interpolate(str(part)) for part in neo4j["healthcheck"]["test"]]
    assert auth_password in healthcheck

    # Neo4j's image turns every other NEO4J_* variable into a config setting, and
    # strict config validation refuses unknown ones: only lower-case setting names.
    for name in neo4j["environment"]:
        assert name in ("NEO4J_AUTH", "NEO4J_ACCEPT_LICENSE_AGREEMENT") or re.match(
            r"NEO4J_[a-z]", name
        ), name

    # Named volumes are declared; ports only on loopback.
    declared = set(compose().get("volumes") or {})
    for volume in neo4j["volumes"]:
        assert volume.split(":")[0] in declared
    for service in services.values():
        for port in service.get("ports", []):
            assert str(port).startswith("127.0.0.1:"), port

    # The API image is built from the repository root with infra/Dockerfile.
    context = (INFRA / api["build"]["context"]).resolve()
    assert context == REPO
    assert (context / api["build"]["dockerfile"]).resolve() == DOCKERFILE


# --- Dockerfile --------------------------------------------------------------------------------


def test_dockerfile_shape() -> None:
    instructions = dockerfile_instructions()
    words = [w for w, _ in instructions]
    stages = [rest for w, rest in instructions if w == "FROM"]
    assert len(stages) >= 2, "multi-stage"
    base = next(rest for w, rest in instructions if w == "ARG" and rest.startswith("PYTHON_IMAGE="))
    assert base == "PYTHON_IMAGE=python:3.11-slim"

    user = [rest for w, rest in instructions if w == "USER"][-1]
    assert user.split(":")[0] not in ("0", "root")
    assert words.index("USER") > max(i for i, w in enumerate(words) if w == "FROM")
    assert [rest for w, rest in instructions if w == "EXPOSE"] == ["8000"]
    healthcheck = next(rest for w, rest in instructions if w == "HEALTHCHECK")
    assert "/healthz" in healthcheck
    env = dockerfile_env()
    assert env["TEAMCREDIT_HOST"] == "0.0.0.0"
    assert env["TEAMCREDIT_ENV"] == "prod"
    assert "TEAMCREDIT_NEO4J_URI" not in env, "the URI is the deployment's, not the image's"
    assert [rest for w, rest in instructions if w == "CMD"][-1] == '["teamcredit", "serve"]'


def test_dockerfile_copies_what_the_build_needs() -> None:
    ignore = [ln.strip() for ln in DOCKERIGNORE.read_text().splitlines()]
    ignore = [ln for ln in ignore if ln and not ln.startswith("#")]
    assert ignore[0] == "*", "an allow-list context: nothing but what is named"
    allowed = {ln[1:].rstrip("/") for ln in ignore if ln.startswith("!")}
    sources = []
    for word, rest in dockerfile_instructions():
        if word == "COPY" and not rest.startswith("--from"):
            sources += [s.rstrip("/") for s in rest.split()[:-1]]
    assert sources, "COPY instructions expected"
    for source in sources:
        assert source in allowed, f"{source} is not in the build context"
        assert (REPO / source).exists(), f"COPY {source}: no such file in the repository"
    # What `pip install .` reads.
    pyproject = (REPO / "pyproject.toml").read_text()
    readme = re.search(r'^readme\s*=\s*"([^"]+)"', pyproject, re.M)
    assert readme and readme.group(1) in sources
    assert {"pyproject.toml", "setup.py", "constraints.txt", "services"} <= set(sources)


def test_demo_document_path_in_the_image() -> None:
    # The image links /app/demo to the installed package's data/demo; README uses it.
    link = next(rest for w, rest in dockerfile_instructions() if w == "RUN" and "/app/demo" in rest)
    target = re.search(r"(/opt/venv/lib/python3\.11/site-packages/teamcredit/data/demo)", link)
    assert target, link
    assert (REPO / "services/api/teamcredit/data/demo/organization.json").is_file()
    readme = (INFRA / "README.md").read_text()
    assert "teamcredit import /app/demo/organization.json" in readme
    assert "teamcredit keys create" in readme
