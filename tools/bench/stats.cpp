#include "stats.hpp"

#include <algorithm>

namespace readygate::bench {

ErrorClass classify(CURLcode code, long status, std::optional<long> expect_status) {
  switch (code) {
    case CURLE_OK:
      break;
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return ErrorClass::connect;
    case CURLE_OPERATION_TIMEDOUT:
      return ErrorClass::timeout;
    default:
      return ErrorClass::other;
  }
  const bool expected = expect_status ? status == *expect_status : status >= 200 && status < 400;
  if (expected) return ErrorClass::none;
  if (status >= 500) return ErrorClass::http_5xx;
  if (status >= 400) return ErrorClass::http_4xx;
  return ErrorClass::other;
}

std::optional<std::size_t> protocol_index(long version) {
  switch (version) {
    case CURL_HTTP_VERSION_1_0:
      return 0;
    case CURL_HTTP_VERSION_1_1:
      return 1;
    case CURL_HTTP_VERSION_2_0:
      return 2;
    case CURL_HTTP_VERSION_3:
      return 3;
    default:
      return std::nullopt;
  }
}

void Stats::record(const Outcome& o) {
  ++requests;
  bytes += o.bytes;
  late += o.late;
  drained += o.drained;
  if (o.error != ErrorClass::none) {
    ++errors;
    ++errors_by_class[static_cast<std::size_t>(o.error)];
  }
  // A refused connection served nothing: it has no latency to speak of.
  if (o.error != ErrorClass::connect) {
    latency.record_ms(o.latency_ms);
    service.record_ms(o.service_ms);
  }
}

void Stats::merge(const Stats& other) {
  requests += other.requests;
  errors += other.errors;
  bytes += other.bytes;
  late += other.late;
  cut += other.cut;
  drained += other.drained;
  for (std::size_t i = 0; i < errors_by_class.size(); ++i) errors_by_class[i] += other.errors_by_class[i];
  latency.merge(other.latency);
  service.merge(other.service);
}

void Recording::record(std::size_t phase, std::size_t endpoint, std::size_t second, const Outcome& outcome) {
  by_phase_endpoint[phase][endpoint].record(outcome);
  if (outcome.protocol) ++protocols[*outcome.protocol];
  if (timeline.size() <= second) timeline.resize(second + 1);
  Second& s = timeline[second];
  ++s.requests;
  s.errors += outcome.error != ErrorClass::none;
  if (outcome.error != ErrorClass::connect) s.latency.record_ms(outcome.latency_ms);
}

void Recording::merge(const Recording& other) {
  for (std::size_t p = 0; p < by_phase_endpoint.size(); ++p) {
    for (std::size_t e = 0; e < by_phase_endpoint[p].size(); ++e)
      by_phase_endpoint[p][e].merge(other.by_phase_endpoint[p][e]);
  }
  for (std::size_t i = 0; i < protocols.size(); ++i) protocols[i] += other.protocols[i];
  if (timeline.size() < other.timeline.size()) timeline.resize(other.timeline.size());
  for (std::size_t i = 0; i < other.timeline.size(); ++i) {
    timeline[i].requests += other.timeline[i].requests;
    timeline[i].errors += other.timeline[i].errors;
    timeline[i].latency.merge(other.timeline[i].latency);
  }
}

}  // namespace readygate::bench
