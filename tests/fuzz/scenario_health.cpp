// scenario_health: a ready-bench --scenario file (parse_scenario, then the threshold scopes)
// and a ready-healthcheck --config file (parse_health_config), each JSON document as both,
// with and without a base URL given on the command line; a string document is also a
// --check NAME=URL flag.
#include "check_spec.hpp"
#include "fuzz_support.hpp"
#include "scenario.hpp"

using namespace readygate;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  for (const json& document : fuzz::documents_of(fuzz::text_of(data, size))) {
    for (const char* base_url : {"", "http://127.0.0.1:1"}) {
      try {
        const bench::Scenario scenario = bench::parse_scenario(document, "scenario.json", base_url);
        bench::check_threshold_scopes(scenario);
        for (const bench::Endpoint& endpoint : scenario.endpoints)
          (void)bench::endpoint_name(endpoint.method, endpoint.url);
        for (const bench::Phase& phase : scenario.phases) {
          for (const std::size_t index : phase.endpoints) FUZZ_CHECK(index < scenario.endpoints.size());
        }
      } catch (const Error&) {
        // an invalid scenario: exit 2
      }
      try {
        (void)healthcheck::parse_health_config(document, "health.json", base_url);
      } catch (const Error&) {
        // an invalid config: exit 2
      }
    }
    if (document.is_string()) {
      try {
        (void)healthcheck::parse_check_flag(document.get<std::string>());
      } catch (const Error&) {
      }
    }
  }
  return 0;
}
