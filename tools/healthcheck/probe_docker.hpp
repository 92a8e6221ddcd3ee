#pragma once
// docker:// checks (docs/CHECKS.md, "Containers"): the target's syntax, where the daemon's socket
// is, the Engine API request, and the verdict on its answer. The transfer itself runs on the
// prober's libcurl multi handle like every other kind (prober.cpp), over the unix socket.
//
//   docker://NAME                        one container, by name or id
//   docker://?label=KEY=VALUE[&label=…]  every container (running or not) carrying all the labels:
//                                        one check per container, named after it
#include <chrono>
#include <string>
#include <vector>

#include "check_spec.hpp"
#include "probe_result.hpp"

namespace readygate::healthcheck {

struct DockerTarget {
  std::string container;            // a name or id; empty for a label filter
  std::vector<std::string> labels;  // "KEY=VALUE" or "KEY"
};

// Throws Error (exit 2) naming `where` for anything else than the two forms above.
DockerTarget parse_docker_target(const std::string& url, const std::string& where);

// The daemon's socket from DOCKER_HOST (`docker_host`, null when unset): unix:///PATH, default
// /var/run/docker.sock. Throws Error (exit 2) for tcp://, ssh:// or anything not a unix socket.
std::string docker_socket(const char* docker_host);

// "http://localhost/v1.41/containers/NAME/json", or the list with all=1 and the label filters.
std::string docker_request_url(const DockerTarget& target);

// After the transfer: the facts of the container in the daemon's answer, and a transport
// failure told in the user's terms (no socket, permission denied, refused). `os_errno` is
// libcurl's CURLINFO_OS_ERRNO.
void read_docker_answer(Attempt& attempt, const std::string& socket, long os_errno,
                        std::chrono::system_clock::time_point now);

// The verdict: the container's (docker_state.hpp), "no such container", or why the daemon's
// answer could not be used. Never throws on a hostile answer.
Verdict judge_docker(const CheckSpec& check, const Attempt& attempt);

// Every label check becomes one check per container the daemon lists now (same critical,
// timeout and retries); a label check that finds none, or cannot reach the daemon, stays as it
// is and is probed like the others (so --wait sees containers that appear later).
void expand_docker_labels(HealthConfig& config);

}  // namespace readygate::healthcheck
