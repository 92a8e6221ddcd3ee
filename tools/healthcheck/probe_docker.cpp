#include "probe_docker.hpp"

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

#include "common/curl.hpp"
#include "common/error.hpp"
#include "common/redact.hpp"
#include "docker_state.hpp"

namespace readygate::healthcheck {
namespace {

constexpr std::string_view prefix = "docker://";
constexpr std::size_t max_answer = 4 << 20;

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

// Printable ASCII without the characters that end or split a query parameter.
bool label_char(char c) { return c > 0x20 && c < 0x7f && c != '&' && c != '#'; }

std::string percent_encode(const std::string& text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string filter_text(const DockerTarget& target) {
  std::string out;
  for (const auto& label : target.labels) out += (out.empty() ? "label " : ", label ") + label;
  return out;
}

std::size_t on_answer(char* data, std::size_t size, std::size_t count, void* user) {
  auto* body = static_cast<std::string*>(user);
  const std::size_t n = size * count;
  if (body->size() < max_answer) body->append(data, std::min(n, max_answer - body->size()));
  return n;
}

}  // namespace

DockerTarget parse_docker_target(const std::string& url, const std::string& where) {
  const auto refuse = [&](const std::string& why) {
    throw_input_error(where + ": '" + redact_url_credentials(url) + "' " + why +
                      " (docker://NAME or docker://?label=KEY=VALUE)");
  };
  if (url.rfind(prefix, 0) != 0) refuse("is not a docker:// target");
  const std::string rest = url.substr(prefix.size());
  DockerTarget target;
  if (rest.empty()) refuse("names no container");
  if (rest.front() != '?') {
    if (!name_char(rest.front()) || rest.front() == '.' || rest.front() == '-' || rest.size() > 128 ||
        !std::all_of(rest.begin(), rest.end(), name_char)) {
      refuse("is not a container name or id");
    }
    target.container = rest;
    return target;
  }
  std::size_t start = 1;
  while (start <= rest.size()) {
    const std::size_t amp = rest.find('&', start);
    const std::string part = rest.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
    if (part.rfind("label=", 0) != 0) refuse("has a query that is not label=KEY[=VALUE]");
    const std::string label = part.substr(6);
    if (label.empty() || label.front() == '=' || label.size() > 512 ||
        !std::all_of(label.begin(), label.end(), label_char)) {
      refuse("has an empty or unprintable label");
    }
    target.labels.push_back(label);
    if (amp == std::string::npos) break;
    start = amp + 1;
  }
  return target;
}

std::string docker_socket(const char* docker_host) {
  if (docker_host == nullptr || *docker_host == '\0') return "/var/run/docker.sock";
  const std::string host = docker_host;
  if (host.rfind("unix://", 0) == 0 && host.size() > 7 && host[7] == '/') return host.substr(7);
  throw_input_error("DOCKER_HOST=" + redact_url_credentials(host) +
                    ": ready-healthcheck reaches the Docker daemon through a unix socket only "
                    "(DOCKER_HOST=unix:///path/docker.sock); for a remote daemon, forward its socket "
                    "(ssh -L /tmp/docker.sock:/var/run/docker.sock HOST) and point DOCKER_HOST there");
}

std::string docker_request_url(const DockerTarget& target) {
  const std::string base = "http://localhost/v1.41/containers/";
  if (!target.container.empty()) return base + target.container + "/json";
  const nlohmann::json filters = {{"label", target.labels}};
  return base + "json?all=1&filters=" + percent_encode(filters.dump());
}

void read_docker_answer(Attempt& a, const std::string& socket, long os_errno,
                        std::chrono::system_clock::time_point now) {
  if (!a.transport_ok) {
    const std::string at = " (" + socket + ")";
    if (os_errno == ENOENT) {
      a.error = "cannot reach the Docker daemon: no socket at " + socket + " (is dockerd running? DOCKER_HOST?)";
    } else if (os_errno == EACCES || os_errno == EPERM) {
      a.error = "permission denied on the Docker socket " + socket +
                " (run as a member of its group, usually docker, or as root)";
    } else if (os_errno == ECONNREFUSED) {
      a.error = "the Docker daemon refuses connections on " + socket + " (not running?)";
    } else {
      a.error = "no usable answer from the Docker daemon" + at + ": " + a.error;
    }
    return;
  }
  if (a.http_status == 200) {
    a.container = read_container_inspect(a.body, now);  // a list's answer is read by judge_docker
  }
}

Verdict judge_docker(const CheckSpec& check, const Attempt& a) {
  const auto unhealthy = [](std::string reason) { return Verdict{Health::unhealthy, std::move(reason)}; };
  if (!a.transport_ok) return unhealthy(a.error.empty() ? "no answer from the Docker daemon" : a.error);
  DockerTarget target;
  try {
    target = parse_docker_target(check.url, check.name);
  } catch (const Error&) {
    return unhealthy("not a docker:// target");  // validated when the config was read: not reached
  }
  const std::string message = daemon_message(a.body);
  if (a.http_status == 404 && !target.container.empty())
    return unhealthy("no such container \"" + target.container + "\"");
  if (a.http_status != 200) {
    return unhealthy("the Docker daemon answered HTTP " + std::to_string(a.http_status) +
                     (message.empty() ? "" : ": " + message));
  }
  if (target.container.empty()) {
    const auto listed = read_container_list(a.body);
    if (!listed) return unhealthy("the Docker daemon's answer is not a list of containers");
    return listed_verdict(*listed, filter_text(target));
  }
  if (!a.container) return unhealthy("the Docker daemon's answer is not a container description");
  return container_verdict(*a.container);
}

void expand_docker_labels(HealthConfig& config) {
  std::vector<CheckSpec> expanded;
  for (auto& check : config.checks) {
    if (check.kind != ProbeKind::docker || check.url.rfind("docker://?", 0) != 0) {
      expanded.push_back(std::move(check));
      continue;
    }
    const DockerTarget target = parse_docker_target(check.url, check.name);
    CurlEasy easy = make_curl_easy();
    std::string body;
    const std::string url = docker_request_url(target);
    limit_to_http(easy.get());
    curl_easy_setopt(easy.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(easy.get(), CURLOPT_UNIX_SOCKET_PATH, config.docker_socket.c_str());
    curl_easy_setopt(easy.get(), CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy.get(), CURLOPT_TIMEOUT_MS, static_cast<long>(check.timeout.count()));
    curl_easy_setopt(easy.get(), CURLOPT_PROXY, "");
    curl_easy_setopt(easy.get(), CURLOPT_WRITEFUNCTION, &on_answer);
    curl_easy_setopt(easy.get(), CURLOPT_WRITEDATA, &body);
    long status = 0;
    const bool ok = curl_easy_perform(easy.get()) == CURLE_OK &&
                    curl_easy_getinfo(easy.get(), CURLINFO_RESPONSE_CODE, &status) == CURLE_OK && status == 200;
    const auto listed = ok ? read_container_list(body) : std::nullopt;
    if (!listed || listed->empty()) {
      expanded.push_back(std::move(check));  // probed as it is: says why (no daemon, none found)
      continue;
    }
    for (const auto& container : *listed) {
      CheckSpec one = check;
      const bool plain =
          !container.name.empty() && std::all_of(container.name.begin(), container.name.end(), name_char);
      one.url = std::string(prefix) + (plain ? container.name : container.id);
      one.name = container.name;
      const auto taken = [&](const std::string& name) {
        const auto same = [&](const CheckSpec& other) { return other.name == name; };
        return std::any_of(config.checks.begin(), config.checks.end(), same) ||
               std::any_of(expanded.begin(), expanded.end(), same);
      };
      if (taken(one.name)) one.name = check.name + "/" + container.name;
      expanded.push_back(std::move(one));
    }
  }
  config.checks = std::move(expanded);
}

}  // namespace readygate::healthcheck
