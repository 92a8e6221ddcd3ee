#include "bench_outcome.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "common/number_format.hpp"
#include "stats.hpp"

namespace readygate::bench {
namespace {

std::size_t class_count(const BenchFigures& f, const char* name) {
  const auto it = f.errors_by_class.find(name);
  return it == f.errors_by_class.end() ? 0 : it->second;
}

// "127.0.0.1:9" for http://user:secret@127.0.0.1:9/path (never the credentials).
std::string host_port(const std::string& url) {
  const std::size_t scheme = url.find("://");
  std::string rest = scheme == std::string::npos ? url : url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const std::size_t at = rest.rfind('@'); at != std::string::npos) rest = rest.substr(at + 1);
  const bool has_port = !rest.empty() && rest.back() != ']' && rest.find(':', rest.rfind(']') + 1) != std::string::npos;
  if (!has_port) rest += url.rfind("https://", 0) == 0 ? ":443" : ":80";
  return rest;
}

std::string hosts(const Scenario& s) {
  std::vector<std::string> seen;
  for (const auto& e : s.endpoints) {
    const std::string h = host_port(e.url);
    if (std::find(seen.begin(), seen.end(), h) == seen.end()) seen.push_back(h);
  }
  std::string out;
  for (std::size_t i = 0; i < seen.size() && i < 3; ++i) out += (i ? ", " : "") + seen[i];
  if (seen.size() > 3) out += ", …";
  return out;
}

std::string expected_statuses(const Scenario& s) {
  std::vector<long> codes;
  bool default_range = false;
  for (const auto& e : s.endpoints) {
    if (!e.expect_status) {
      default_range = true;
    } else if (std::find(codes.begin(), codes.end(), *e.expect_status) == codes.end()) {
      codes.push_back(*e.expect_status);
    }
  }
  std::string out = default_range ? "200–399" : "";
  for (long c : codes) out += (out.empty() ? "" : ", ") + std::to_string(c);
  return "expected " + out;
}

std::string why(std::string_view name, const Scenario& s) {
  if (name == "connect") return "could not connect to " + hosts(s);
  if (name == "timeout") return "no answer within " + duration_text(s.timeout);
  if (name == "http_4xx") return "answered 4xx; " + expected_statuses(s);
  if (name == "http_5xx") return "answered 5xx; " + expected_statuses(s);
  return "reset, not HTTP, or another status than the " + expected_statuses(s).substr(9) + " expected";
}

}  // namespace

std::string cut_note(std::uint64_t cut, const Phase& phase, std::chrono::milliseconds grace) {
  // The command line's one phase is "run"; a scenario's phases have their own names.
  const std::string span = phase.duration ? duration_text(*phase.duration) : "?";
  const std::string where = phase.name == "run" ? "-d " + span : "phase " + phase.name + " (" + span + ")";
  return grouped(cut) + (cut == 1 ? " request" : " requests") + " in flight at the end of " + where +
         (cut == 1 ? " was" : " were") + " cut after a grace of " + duration_text(grace) +
         " (counted as cut: neither errors nor successes)";
}

std::string duration_text(std::chrono::milliseconds d) {
  if (d.count() < 1000) return std::to_string(d.count()) + "ms";
  return format_number(static_cast<double>(d.count()) / 1000.0) + "s";
}

std::string grouped(std::uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string errors_warning(const BenchFigures& f) {
  if (f.errors == 0) return "";
  const double percent =
      f.requests ? std::round(static_cast<double>(f.errors) / static_cast<double>(f.requests) * 10000.0) / 100.0 : 0.0;
  std::string out = grouped(f.errors) + (f.errors == 1 ? " error of " : " errors of ") + grouped(f.requests) +
                    " requests (" + format_number(percent) + " %)";
  std::string classes;
  for (const char* name : error_class_names) {
    if (const std::size_t n = class_count(f, name)) classes += (classes.empty() ? "" : ", ") + grouped(n) + " " + name;
  }
  return out + (classes.empty() ? "" : ": " + classes);
}

std::optional<std::string> no_success_reason(const BenchFigures& f, const Scenario& s) {
  if (f.requests == 0) return "no request was sent";
  if (f.errors < f.requests) return std::nullopt;
  std::string out = "no request succeeded: ";
  bool first = true;
  for (const char* name : error_class_names) {
    const std::size_t n = class_count(f, name);
    if (n == 0) continue;
    out += (first ? "" : "; ") + grouped(n) + " of " + grouped(f.requests) + " " + name +
           (n == 1 ? " error (" : " errors (") + why(name, s) + ")";
    first = false;
  }
  if (first) out += grouped(f.errors) + " of " + grouped(f.requests) + " failed";
  return out;
}

}  // namespace readygate::bench
