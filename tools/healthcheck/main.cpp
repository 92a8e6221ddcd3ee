// ready-healthcheck: probes services (HTTP, HTTPS, TCP), audits security headers, and waits for
// services to come up in CI.
#include "common/cli.hpp"
#include "common/units.hpp"
#include "healthcheck_command.hpp"

using namespace readygate;

int main(int argc, char* argv[]) {
  return run_main("ready-healthcheck", [&] {
    healthcheck::HealthcheckCommand command;
    std::string config, wait, interval, timeout;
    unsigned retries = 0;
    int warn_days = 0, fail_days = 0;
    po::options_description checks("Checks");
    checks.add_options()(
        "check", po::value(&command.checks)->value_name("[NAME=]URL"),
        "a check: http://, https://, tcp://host:port, postgres://, redis:// or docker://NAME|?label=K=V "
        "(repeatable; also positional); without NAME= it is named by the URL's host and path")(
        "checks,c", po::value(&config)->value_name("FILE"), "checks with their expectations (JSON)")(
        "base-url", po::value(&command.base_url)->value_name("URL"), "where a config's relative URLs point")(
        "header,H", po::value(&command.headers)->value_name("'Name: value'"),
        "a header for every HTTP check (repeatable)");
    po::options_description waiting("Waiting and retries");
    waiting.add_options()("wait", po::value(&wait)->value_name("D"),
                          "poll until every critical check is healthy, for at most D")(
        "interval", po::value(&interval)->value_name("D"), "between polls with --wait (default 1s)")(
        "retries", po::value(&retries)->value_name("N"), "tries after the first, with backoff (default 2)")(
        "timeout", po::value(&timeout)->value_name("D"), "per attempt (default 5s)");
    po::options_description security("TLS and security headers");
    security.add_options()("audit-headers", po::bool_switch(&command.audit_headers),
                           "report missing or weak security headers as findings")(
        "cert-warn-days", po::value(&warn_days)->value_name("N"),
        "a certificate expiring sooner is degraded (default 30)")(
        "cert-fail-days", po::value(&fail_days)->value_name("N"),
        "a certificate expiring sooner is unhealthy (default 7)")(
        "cacert", po::value(&command.cacert)->value_name("FILE"), "trust this CA bundle (test setups)")(
        "insecure", po::bool_switch(&command.insecure), "do not verify TLS certificates (test setups)");
    po::options_description options;
    options.add(checks).add(waiting).add(security);
    po::positional_options_description positional;
    positional.add("check", -1);
    const ToolSpec spec{
        "ready-healthcheck",
        "probe a service's health endpoints, TLS certificates and security headers",
        "ready-healthcheck [URL...] [--check [NAME=]URL...] [-c FILE] [--wait D] [--audit-headers]",
        "Probes every check at once: HTTP(S) status, body substring or regex, a JSON field's value and a "
        "latency budget; TCP connect; for https the TLS protocol, cipher and certificate expiry. --wait "
        "polls until every critical check is healthy or time runs out; --audit-headers reports missing or "
        "weak security headers as findings.\n\n"
        "Certificates are verified unless --insecure. Credentials in URLs are redacted and header "
        "values never written.",
        {{0, "every critical check is healthy"},
         {1, "a critical check is not"},
         {2, "bad usage or config"},
         {3, "runtime error"}},
        {{"ready-healthcheck --check api=http://127.0.0.1:8080/health --wait 60s", "wait for a service to come up"},
         {"ready-healthcheck http://127.0.0.1:8080/health", "one check, named 127.0.0.1:8080/health"},
         {"ready-healthcheck -c healthchecks.json --base-url https://staging.example.com --audit-headers",
          "checks from a file, with the header audit"},
         {"ready-healthcheck --check db=tcp://127.0.0.1:5432", "a TCP port"},
         {"ready-healthcheck db=postgres://app@127.0.0.1:5432/app cache=redis://127.0.0.1:6379",
          "PostgreSQL accepting connections (PQping), Redis answering PING"},
         {"ready-healthcheck 'docker://?label=com.docker.compose.project=shop' --wait 60s",
          "every container of a compose project, running and healthy"}}};
    CommonOptions common;
    common.offers_text = true;
    const auto values = parse_command_line(argc, argv, spec, options, positional, common);
    if (!values) return ExitCode::ok;
    if (!config.empty()) command.config = config;
    if (!wait.empty()) command.wait = parse_duration("--wait", wait);
    if (!interval.empty()) command.interval = parse_duration("--interval", interval);
    if (!timeout.empty()) command.timeout = parse_duration("--timeout", timeout);
    if (command.timeout && command.timeout->count() == 0) throw_input_error("--timeout: must be more than 0");
    if (values->count("retries")) {
      if (retries > 100) throw_input_error("--retries: at most 100");
      command.retries = retries;
    }
    if (values->count("cert-warn-days")) command.cert_warn_days = warn_days;
    if (values->count("cert-fail-days")) command.cert_fail_days = fail_days;
    RunInfo run;
    run.args = program_arguments(argc, argv);
    return healthcheck::run_healthcheck_command(command, common, run);
  });
}
