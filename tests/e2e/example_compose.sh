# examples/service/docker-compose.yml cannot be run here (no registry is reachable): its YAML is
# read with python3-yaml and held to what healthchecks-compose.json and the README rely on — the
# project name its label filter names, the nginx, postgres and redis services with a health check
# each, ports on 127.0.0.1 that match the checks' URLs, no password written in the file — and
# ready-healthcheck reads the checks file.
source "$(dirname "$0")/lib.sh"
HC="$READYGATE_HEALTHCHECK"
SERVICE="$READYGATE_SOURCE/examples/service"
python3 -c 'import yaml' 2>/dev/null || fail "python3-yaml is missing (scripts/install-deps.sh test)"

python3 - "$SERVICE/docker-compose.yml" "$SERVICE/healthchecks-compose.json" <<'PY' 2>"$ERR" || fail "$(cat "$ERR")"
import json, re, sys, urllib.parse, yaml

compose = yaml.safe_load(open(sys.argv[1]))
checks = json.load(open(sys.argv[2]))
project = compose["name"]
services = compose["services"]
problems = []
for name in ("nginx", "postgres", "redis"):
    if name not in services:
        problems.append(f"no service {name}")
        continue
    if "test" not in services[name].get("healthcheck", {}):
        problems.append(f"service {name} has no health check")
    for port in services[name].get("ports", []):
        if not str(port).startswith("127.0.0.1:"):
            problems.append(f"service {name} publishes {port} beyond 127.0.0.1")

def published(service):
    return {int(str(p).split(":")[1]) for p in services[service].get("ports", [])}

urls = {c["name"]: c["url"] for c in checks["checks"]}
kinds = {urllib.parse.urlsplit(u).scheme or "http" for u in urls.values()}
for kind in ("docker", "http", "postgres", "redis"):
    if kind not in kinds:
        problems.append(f"healthchecks-compose.json has no {kind} check")
for url in urls.values():
    parts = urllib.parse.urlsplit(url)
    if parts.scheme == "docker":
        labels = urllib.parse.parse_qs(parts.query).get("label", [])
        names = [n for n in ([parts.netloc] if parts.netloc else []) if n]
        for label in labels:
            key, _, value = label.partition("=")
            if key == "com.docker.compose.project" and value != project:
                problems.append(f"{url}: the compose project is {project}")
        for n in names:  # docker://NAME: a container_name, or compose's PROJECT-SERVICE-1
            known = {s.get("container_name") for s in services.values()} | {f"{project}-{s}-1" for s in services}
            if n not in known:
                problems.append(f"{url}: no such container in the compose file")
    elif parts.scheme in ("postgres", "redis"):
        service = parts.scheme
        if parts.hostname != "127.0.0.1" or parts.port not in published(service):
            problems.append(f"{url}: {service} is published on {sorted(published(service))}")
        if parts.password:
            problems.append(f"{url}: a password in the checks file")
base = urllib.parse.urlsplit(checks["base_url"])
if base.port not in published("nginx"):
    problems.append(f"base_url {checks['base_url']}: nginx is published on {sorted(published('nginx'))}")
password = services["postgres"]["environment"]["POSTGRES_PASSWORD"]
if not re.fullmatch(r"\$\{POSTGRES_PASSWORD:\?[^}]*\}", password):
    problems.append("POSTGRES_PASSWORD must come from the environment, not the file")
if problems:
    sys.exit("\n".join(problems))
PY

# The checks file parses; the daemon it would talk to is not there (a socket that does not exist),
# so the docker checks are down (critical: exit 1) — but no check is refused, and every kind is there.
DOCKER_HOST="unix://$WORK/no-docker.sock" run "$HC" -c "$SERVICE/healthchecks-compose.json" --retries 0 --timeout 500ms
expect_rc 1 "the docker checks should be down, none refused"
check '[.metrics.checks[] | select(.kind == "docker")][0].error | startswith("cannot reach the Docker daemon: no socket at")'
check '[.metrics.checks[].kind] | (index("postgres") != null) and (index("redis") != null) and (index("docker") != null)'
