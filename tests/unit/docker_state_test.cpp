// docker:// checks: the Engine API's answers read (documents written from the v1.41 reference for
// ContainerInspect and ContainerList), the verdict on a container, the target syntax, DOCKER_HOST,
// and the container facts through the metrics' JSON and the text report.
#include "docker_state.hpp"

#include <doctest/doctest.h>

#include "check_spec.hpp"
#include "common/error.hpp"
#include "golden.hpp"
#include "healthcheck_text.hpp"
#include "probe_docker.hpp"

using namespace readygate;
using namespace readygate::healthcheck;

namespace {

// 2026-12-02T01:00:00Z
const auto now = std::chrono::system_clock::time_point(std::chrono::seconds(1796173200));

std::string inspect(const std::string& status, const std::string& health, const std::string& extra = "") {
  return R"({"Id": "6705bf2420d071cfc2c9abac057410e71aa05bdec4111eb0622a5e7f34b40ac9", "Name": "/web",
    "RestartCount": 2, )" +
         extra + R"("State": {"Status": ")" + status + R"(", "Running": )" + (status == "running" ? "true" : "false") +
         R"(, "Paused": false, "Restarting": false, "OOMKilled": false, "Dead": false, "Pid": 1868,
    "ExitCode": 3, "Error": "", "StartedAt": "2026-12-02T00:55:00.519199423Z",
    "FinishedAt": "0001-01-01T00:00:00Z")" +
         health + "}}";
}

const std::string healthy_log = R"(, "Health": {"Status": "healthy", "FailingStreak": 0, "Log": [
  {"Start": "2026-12-02T00:59:58.1Z", "End": "2026-12-02T00:59:58.2Z", "ExitCode": 0, "Output": "ok\n"}]})";
const std::string unhealthy_log = R"(, "Health": {"Status": "unhealthy", "FailingStreak": 3, "Log": [
  {"Start": "2026-12-02T00:59:57.1Z", "End": "2026-12-02T00:59:57.2Z", "ExitCode": 0, "Output": "ok"},
  {"Start": "2026-12-02T00:59:58.1Z", "End": "2026-12-02T00:59:58.2Z", "ExitCode": 1,
   "Output": "checking\nGET https://admin:s3cret@db/health failed\n"}]})";

}  // namespace

TEST_CASE("docker inspect: a running, healthy container") {
  const auto f = read_container_inspect(inspect("running", healthy_log), now);
  REQUIRE(f);
  CHECK(f->id == "6705bf2420d0");
  CHECK(f->name == "web");
  CHECK(f->state == "running");
  CHECK(f->health == "healthy");
  CHECK(f->health_log == "ok");
  CHECK(f->restart_count == 2);
  CHECK(f->started_at == "2026-12-02T00:55:00.519199423Z");
  REQUIRE(f->uptime_s);
  CHECK(*f->uptime_s == 300);
  CHECK(!f->exit_code);
  CHECK(container_verdict(*f).health == Health::healthy);
}

TEST_CASE("docker inspect: unhealthy says the last line of the last health check, credentials hidden") {
  const auto f = read_container_inspect(inspect("running", unhealthy_log), now);
  REQUIRE(f);
  CHECK(f->health == "unhealthy");
  CHECK(f->health_log == "GET https://****:****@db/health failed");
  const Verdict v = container_verdict(*f);
  CHECK(v.health == Health::unhealthy);
  CHECK(v.reason == "running, but its health check says unhealthy: GET https://****:****@db/health failed");
}

TEST_CASE("docker inspect: no health check, starting, exited, restarting, paused, dead") {
  const auto none = read_container_inspect(inspect("running", ""), now);
  REQUIRE(none);
  CHECK(none->health.empty());
  CHECK(container_verdict(*none).health == Health::healthy);

  const auto starting = read_container_inspect(
      inspect("running", R"(, "Health": {"Status": "starting", "FailingStreak": 0, "Log": []})"), now);
  REQUIRE(starting);
  CHECK(container_verdict(*starting).health == Health::unhealthy);
  CHECK(container_verdict(*starting).reason == "running, its health check is still starting");

  const auto exited = read_container_inspect(inspect("exited", ""), now);
  REQUIRE(exited);
  CHECK(exited->exit_code == 3L);
  CHECK(!exited->uptime_s);
  CHECK(container_verdict(*exited).reason == "exited with code 3 after 2 restart(s)");

  const auto restarting = read_container_inspect(inspect("restarting", ""), now);
  REQUIRE(restarting);
  CHECK(container_verdict(*restarting).reason == "restarting (restarted 2 times)");
  CHECK(container_verdict(*read_container_inspect(inspect("paused", ""), now)).reason == "paused");
  CHECK(container_verdict(*read_container_inspect(inspect("dead", ""), now)).health == Health::unhealthy);
  CHECK(container_verdict(*read_container_inspect(inspect("created", ""), now)).reason == "created, never started");
}

TEST_CASE("docker inspect: garbage is nothing, never a crash") {
  for (const std::string& body : std::vector<std::string>{
           "", "not json", "[]", "{}", R"({"Id": 5, "State": {}})", R"({"Id": "x", "State": "running"})",
           R"({"Id": "x", "State": {"Status": 7}})", R"({"Id": "x", "State": {"Status": "running", "Health": []}})",
           std::string(200, '['), "{\"Id\": \"x\", \"State\": {\"Status\": \"running\"}} trailing"}) {
    const auto f = read_container_inspect(body, now);
    if (f) {  // a sparse but valid description: read what is there
      CHECK(f->state == "running");
    }
  }
  CHECK(!read_container_inspect("not json", now));
  CHECK(!read_container_inspect(R"({"Id": "x", "State": "running"})", now));
  const auto sparse = read_container_inspect(R"({"Id": "x", "State": {"Status": "running", "Health": []}})", now);
  REQUIRE(sparse);
  CHECK(sparse->health.empty());
  CHECK(!sparse->uptime_s);  // no StartedAt
}

TEST_CASE("docker list: names, states and the verdict on a label filter") {
  const std::string body = R"json([
    {"Id": "aaaaaaaaaaaaaaaa", "Names": ["/shop-web-1"], "State": "running", "Status": "Up 5 minutes (healthy)",
     "Labels": {"com.docker.compose.project": "shop"}},
    {"Id": "bbbbbbbbbbbbbbbb", "Names": ["/shop-db-1"], "State": "running", "Status": "Up 1 second (health: starting)"},
    {"Id": "cccccccccccccccc", "Names": [], "State": "exited", "Status": "Exited (3) 2 seconds ago"}])json";
  const auto listed = read_container_list(body);
  REQUIRE(listed);
  REQUIRE(listed->size() == 3);
  CHECK((*listed)[0].name == "shop-web-1");
  CHECK((*listed)[2].name == "cccccccccccc");  // no name: the short id
  const Verdict v = listed_verdict(*listed, "label a=b");
  CHECK(v.health == Health::unhealthy);
  CHECK(v.reason == "shop-db-1 Up 1 second (health: starting), cccccccccccc Exited (3) 2 seconds ago");
  CHECK(listed_verdict({(*listed)[0]}, "label a=b").health == Health::healthy);
  CHECK(listed_verdict({}, "label a=b").reason == "no container matches label a=b");
  CHECK(!read_container_list("{}"));
  CHECK(!read_container_list(R"([{"Names": ["/x"]}])"));
  CHECK(daemon_message(R"({"message": "No such container: web\n"})") == "No such container: web");
  CHECK(daemon_message("<html>") == "");
}

TEST_CASE("docker times: RFC 3339 as Docker writes it; Go's zero time is never") {
  CHECK(parse_docker_time("1970-01-01T00:00:00Z") == 0);
  CHECK(parse_docker_time("2026-12-02T01:00:00.123456789Z") == 1796173200);
  CHECK(parse_docker_time("2026-12-02T02:00:00+01:00") == 1796173200);
  CHECK(!parse_docker_time("0001-01-01T00:00:00Z"));
  CHECK(!parse_docker_time("2026-12-02 01:00:00"));
  CHECK(!parse_docker_time("2026-13-02T01:00:00Z"));
  CHECK(!parse_docker_time(""));
  CHECK(format_uptime(12) == "12s");
  CHECK(format_uptime(250) == "4m 10s");
  CHECK(format_uptime(7500) == "2h 5m");
  CHECK(format_uptime(3 * 86400 + 4 * 3600) == "3d 4h");
}

TEST_CASE("docker targets: a name, a label filter, and what is refused") {
  CHECK(parse_docker_target("docker://web", "t").container == "web");
  const auto labels = parse_docker_target("docker://?label=com.docker.compose.project=shop&label=tier", "t");
  CHECK(labels.container.empty());
  CHECK(labels.labels == std::vector<std::string>{"com.docker.compose.project=shop", "tier"});
  CHECK(docker_request_url(parse_docker_target("docker://web", "t")) == "http://localhost/v1.41/containers/web/json");
  CHECK(docker_request_url(parse_docker_target("docker://?label=a=b", "t")) ==
        "http://localhost/v1.41/containers/json?all=1&filters=%7B%22label%22%3A%5B%22a%3Db%22%5D%7D");
  for (const char* bad : {"docker://", "docker://we/b", "docker://-x", "docker://?name=x",
                          "docker://?label=", "docker://?label==x", "docker://?label=a b", "docker://web?x"}) {
    CHECK_THROWS_AS(parse_docker_target(bad, "t"), Error);
  }
  CheckSpec spec = parse_check_flag("docker://?label=com.docker.compose.project=shop");
  CHECK(spec.kind == ProbeKind::docker);
  CHECK(spec.name == "label=com.docker.compose.project=shop");
  CHECK(parse_check_flag("cache=docker://redis-1").name == "cache");
}

TEST_CASE("docker socket: DOCKER_HOST unix:// only, default /var/run/docker.sock") {
  CHECK(docker_socket(nullptr) == "/var/run/docker.sock");
  CHECK(docker_socket("") == "/var/run/docker.sock");
  CHECK(docker_socket("unix:///tmp/d/docker.sock") == "/tmp/d/docker.sock");
  CHECK_THROWS_AS(docker_socket("tcp://10.0.0.1:2376"), Error);
  CHECK_THROWS_AS(docker_socket("ssh://user@host"), Error);
  CHECK_THROWS_AS(docker_socket("unix://relative"), Error);
}

TEST_CASE("docker verdicts on the daemon's answers: 404, errors, garbage, transport") {
  const CheckSpec web = parse_check_flag("docker://web");
  Attempt a;
  a.transport_ok = true;
  a.http_status = 404;
  a.body = R"({"message": "No such container: web"})";
  CHECK(judge_docker(web, a).reason == "no such container \"web\"");
  a.http_status = 500;
  a.body = R"({"message": "driver failed"})";
  CHECK(judge_docker(web, a).reason == "the Docker daemon answered HTTP 500: driver failed");
  a.http_status = 200;
  a.body = "garbage";
  read_docker_answer(a, "/s", 0, now);
  CHECK(judge_docker(web, a).reason == "the Docker daemon's answer is not a container description");
  a.body = inspect("exited", "");
  read_docker_answer(a, "/s", 0, now);
  CHECK(judge_docker(web, a).reason == "exited with code 3 after 2 restart(s)");

  Attempt down;
  down.error = "Couldn't connect to server";
  read_docker_answer(down, "/run/x.sock", ENOENT, now);
  CHECK(judge_docker(web, down).reason ==
        "cannot reach the Docker daemon: no socket at /run/x.sock (is dockerd running? DOCKER_HOST?)");
  Attempt denied;
  read_docker_answer(denied, "/run/x.sock", EACCES, now);
  CHECK(judge_docker(web, denied).reason.rfind("permission denied on the Docker socket /run/x.sock", 0) == 0);
}

TEST_CASE("docker facts in the metrics' JSON: written, read back, absent for other kinds") {
  HealthMetrics m;
  HealthCheckMetrics c;
  c.name = "web";
  c.target = "docker://web";
  c.kind = "docker";
  c.status = Health::unhealthy;
  c.error = "exited with code 3";
  c.container = ContainerFacts{"6705bf2420d0", "web", "exited", "", "", 3L, 1, "2026-12-02T00:55:00Z", std::nullopt};
  HealthCheckMetrics plain;
  plain.name = "api";
  plain.kind = "http";
  m.checks = {c, plain};
  const auto j = to_json(m);
  CHECK(j["checks"][0]["container"]["state"] == "exited");
  CHECK(j["checks"][0]["container"]["exit_code"] == 3);
  CHECK(j["checks"][0]["container"]["health"].is_null());
  CHECK(j["checks"][0]["container"]["uptime_s"].is_null());
  CHECK(!j["checks"][1].contains("container"));
  const HealthMetrics back = health_metrics_from_json(j, "test");
  REQUIRE(back.checks[0].container);
  CHECK(back.checks[0].container->exit_code == 3L);
  CHECK(back.checks[0].container->restart_count == 1);
  CHECK(!back.checks[1].container);
}

TEST_CASE("healthcheck text: docker checks add a Containers table with the daemon's facts") {
  const auto docker_check = [](std::string name, Health status, std::string error, ContainerFacts facts) {
    HealthCheckMetrics c;
    c.name = std::move(name);
    c.target = "docker://" + c.name;
    c.kind = "docker";
    c.status = status;
    c.critical = true;
    c.attempts = 1;
    c.latency_ms = 1.25;
    c.error = std::move(error);
    c.container = std::move(facts);
    return c;
  };
  HealthMetrics m;
  m.checks = {
      docker_check(
          "shop-web-1", Health::healthy, "",
          {"6705bf2420d0", "shop-web-1", "running", "healthy", "ok", std::nullopt, 0, "2026-12-02T00:00:00Z", 7500}),
      docker_check("shop-worker-1", Health::healthy, "",
                   {"a1b2c3d4e5f6", "shop-worker-1", "running", "", "", std::nullopt, 0, "2026-12-02T00:59:48Z", 12}),
      docker_check("shop-db-1", Health::unhealthy, "running, but its health check says unhealthy: no response",
                   {"0f0e0d0c0b0a", "shop-db-1", "running", "unhealthy", "no response", std::nullopt, 4,
                    "2026-12-01T22:00:00Z", 3 * 86400 + 4 * 3600}),
      docker_check("shop-migrate-1", Health::unhealthy, "exited with code 3",
                   {"998877665544", "shop-migrate-1", "exited", "", "", 3L, 0, "2026-12-02T00:58:00Z", std::nullopt})};
  const std::string text = render_healthcheck_text(m, {}, TextStyle(false));
  CHECK(text.find("running, no health check") != std::string::npos);
  test::check_golden("healthcheck_text_containers.txt", text);
}
