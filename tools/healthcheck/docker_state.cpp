#include "docker_state.hpp"

#include <algorithm>
#include <cctype>

#include "common/json_stream.hpp"
#include "common/redact.hpp"
#include "common/utf8.hpp"

namespace readygate::healthcheck {
namespace {

using nlohmann::json;

// A string field, or nothing when it is absent, null or not a string.
std::string text_of(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

std::optional<long long> whole_of(const json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<long long>();
}

bool flag_of(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_boolean() && it->get<bool>();
}

std::string without_slash(std::string name) {
  if (!name.empty() && name.front() == '/') name.erase(0, 1);
  return name;
}

int days_from_civil(int y, int m, int d) {  // days since 1970-01-01 (Howard Hinnant's algorithm)
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace

std::string one_line(std::string_view text, std::size_t max_bytes) {
  std::string repaired = repair_utf8(text);
  while (!repaired.empty() && std::isspace(static_cast<unsigned char>(repaired.back()))) repaired.pop_back();
  const std::size_t newline = repaired.find_last_of('\n');
  std::string line = newline == std::string::npos ? repaired : repaired.substr(newline + 1);
  for (char& c : line) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  while (!line.empty() && line.front() == ' ') line.erase(0, 1);
  line = redact_url_credentials(line);
  if (line.size() > max_bytes) line = std::string(truncate_utf8(line, max_bytes)) + "…";
  return line;
}

std::optional<std::int64_t> parse_docker_time(std::string_view t) {
  // YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)
  const auto digits = [&](std::size_t at, std::size_t n) -> std::optional<int> {
    if (at + n > t.size()) return std::nullopt;
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (t[i] < '0' || t[i] > '9') return std::nullopt;
      v = v * 10 + (t[i] - '0');
    }
    return v;
  };
  const auto year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
  const auto hour = digits(11, 2), minute = digits(14, 2), second = digits(17, 2);
  if (!year || !month || !day || !hour || !minute || !second || t[4] != '-' || t[7] != '-' ||
      (t[10] != 'T' && t[10] != 't') || t[13] != ':' || t[16] != ':')
    return std::nullopt;
  if (*year < 1970 || *month < 1 || *month > 12 || *day < 1 || *day > 31 || *hour > 23 || *minute > 59 || *second > 60)
    return std::nullopt;
  std::size_t at = 19;
  if (at < t.size() && t[at] == '.') {
    ++at;
    const std::size_t start = at;
    while (at < t.size() && t[at] >= '0' && t[at] <= '9') ++at;
    if (at == start) return std::nullopt;
  }
  std::int64_t offset = 0;
  if (at + 1 == t.size() && (t[at] == 'Z' || t[at] == 'z')) {
    // UTC
  } else if (at + 6 == t.size() && (t[at] == '+' || t[at] == '-') && t[at + 3] == ':') {
    const auto oh = digits(at + 1, 2), om = digits(at + 4, 2);
    if (!oh || !om || *oh > 23 || *om > 59) return std::nullopt;
    offset = (t[at] == '+' ? 1 : -1) * (*oh * 3600LL + *om * 60LL);
  } else {
    return std::nullopt;
  }
  const std::int64_t seconds_of_day = *hour * 3600LL + *minute * 60LL + *second;
  return static_cast<std::int64_t>(days_from_civil(*year, *month, *day)) * 86400 + seconds_of_day - offset;
}

std::string format_uptime(long long s) {
  if (s < 60) return std::to_string(s) + "s";
  if (s < 3600) return std::to_string(s / 60) + "m " + std::to_string(s % 60) + "s";
  if (s < 86400) return std::to_string(s / 3600) + "h " + std::to_string(s % 3600 / 60) + "m";
  return std::to_string(s / 86400) + "d " + std::to_string(s % 86400 / 3600) + "h";
}

std::optional<ContainerFacts> read_container_inspect(std::string_view body, std::chrono::system_clock::time_point now) {
  const auto document = parse_json_untrusted(body);
  if (!document || !document->is_object()) return std::nullopt;
  const json& d = *document;
  const auto state_it = d.find("State");
  if (text_of(d, "Id").empty() || state_it == d.end() || !state_it->is_object()) return std::nullopt;
  const json& state = *state_it;
  ContainerFacts f;
  f.id = text_of(d, "Id").substr(0, 12);
  f.name = one_line(without_slash(text_of(d, "Name")), 128);
  f.state = one_line(text_of(state, "Status"), 32);
  if (f.state.empty()) return std::nullopt;
  f.restart_count = static_cast<long>(std::max(0LL, whole_of(d, "RestartCount").value_or(0)));
  if (const auto health = state.find("Health"); health != state.end() && health->is_object()) {
    f.health = one_line(text_of(*health, "Status"), 32);
    if (f.health == "none") f.health.clear();
    if (const auto log = health->find("Log");
        log != health->end() && log->is_array() && !log->empty() && log->back().is_object()) {
      f.health_log = one_line(text_of(log->back(), "Output"));
    }
  }
  if (f.state == "exited" || f.state == "dead") f.exit_code = whole_of(state, "ExitCode");
  if (const auto started = parse_docker_time(text_of(state, "StartedAt"))) {
    f.started_at = text_of(state, "StartedAt");
    if (f.state == "running" || f.state == "paused" || flag_of(state, "Running")) {
      const auto now_s = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
      f.uptime_s = std::max<long long>(0, now_s - *started);
    }
  }
  return f;
}

std::optional<std::vector<ListedContainer>> read_container_list(std::string_view body) {
  const auto document = parse_json_untrusted(body);
  if (!document || !document->is_array()) return std::nullopt;
  std::vector<ListedContainer> out;
  for (const json& item : *document) {
    if (!item.is_object() || text_of(item, "Id").empty()) return std::nullopt;
    ListedContainer c;
    c.id = text_of(item, "Id").substr(0, 12);
    if (const auto names = item.find("Names");
        names != item.end() && names->is_array() && !names->empty() && names->front().is_string()) {
      c.name = one_line(without_slash(names->front().get<std::string>()), 128);
    }
    if (c.name.empty()) c.name = c.id;
    c.state = one_line(text_of(item, "State"), 32);
    c.status = one_line(text_of(item, "Status"), 80);
    out.push_back(std::move(c));
  }
  return out;
}

std::string daemon_message(std::string_view body) {
  const auto document = parse_json_untrusted(body);
  if (!document || !document->is_object()) return "";
  return one_line(text_of(*document, "message"), 200);
}

Verdict container_verdict(const ContainerFacts& f) {
  const auto unhealthy = [](std::string reason) { return Verdict{Health::unhealthy, std::move(reason)}; };
  const std::string log = f.health_log.empty() ? "" : ": " + f.health_log;
  if (f.state == "running") {
    if (f.health.empty() || f.health == "healthy") return {Health::healthy, ""};
    if (f.health == "starting") return unhealthy("running, its health check is still starting" + log);
    if (f.health == "unhealthy") return unhealthy("running, but its health check says unhealthy" + log);
    return unhealthy("running, with an unknown health status \"" + f.health + "\"");
  }
  if (f.state == "exited") {
    return unhealthy("exited" + (f.exit_code ? " with code " + std::to_string(*f.exit_code) : std::string()) +
                     (f.restart_count ? " after " + std::to_string(f.restart_count) + " restart(s)" : ""));
  }
  if (f.state == "restarting") return unhealthy("restarting (restarted " + std::to_string(f.restart_count) + " times)");
  if (f.state == "paused") return unhealthy("paused");
  if (f.state == "created") return unhealthy("created, never started");
  if (f.state == "dead") return unhealthy("dead (the daemon could not stop or remove it)");
  if (f.state == "removing") return unhealthy("being removed");
  return unhealthy("in state \"" + f.state + "\"");
}

Verdict listed_verdict(const std::vector<ListedContainer>& containers, const std::string& filter) {
  if (containers.empty()) return {Health::unhealthy, "no container matches " + filter};
  std::string down;
  for (const auto& c : containers) {
    const bool up = c.state == "running" && c.status.find("(unhealthy)") == std::string::npos &&
                    c.status.find("(health: starting)") == std::string::npos;
    if (!up) down += (down.empty() ? "" : ", ") + c.name + " " + (c.status.empty() ? c.state : c.status);
  }
  if (down.empty()) return {Health::healthy, ""};
  return {Health::unhealthy, down};
}

}  // namespace readygate::healthcheck
