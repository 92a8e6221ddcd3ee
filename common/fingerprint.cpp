#include "fingerprint.hpp"

#include "hash.hpp"

namespace readygate {

std::string fingerprint(std::initializer_list<std::string_view> parts) {
  std::string input;
  bool first = true;
  for (const std::string_view part : parts) {
    if (!first) input += '\0';
    input += part;
    first = false;
  }
  return sha256_hex(input).substr(0, 32);
}

std::string fingerprint_of(const Finding& f) {
  if (!f.fingerprint.empty()) return f.fingerprint;
  if (!f.location) return fingerprint({f.rule, f.target});
  return fingerprint({f.rule, f.location->path, sha256_hex(f.location->snippet)});
}

}  // namespace readygate
