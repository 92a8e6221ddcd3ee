#include "fingerprint.hpp"

#include <map>
#include <tuple>

#include "common/hash.hpp"

namespace readygate::scan {

void assign_fingerprints(std::vector<Finding>& findings, const std::vector<Rule>& rules) {
  std::map<std::tuple<std::size_t, std::string, std::string>, std::size_t> occurrences;
  for (auto& f : findings) {
    const std::size_t occurrence = occurrences[{f.rule, f.path, f.line_digest}]++;
    std::string input = rules[f.rule].id;
    for (const std::string& part : {f.path, f.line_digest, std::to_string(occurrence)}) {
      input += '\0';
      input += part;
    }
    f.fingerprint = sha256_hex(input).substr(0, 32);
  }
}

}  // namespace readygate::scan
