#include "fingerprint.hpp"

#include <map>
#include <tuple>

#include "common/fingerprint.hpp"

namespace readygate::scan {

void assign_fingerprints(std::vector<Finding>& findings, const std::vector<Rule>& rules) {
  std::map<std::tuple<std::size_t, std::string, std::string>, std::size_t> occurrences;
  for (auto& f : findings) {
    const std::size_t occurrence = occurrences[{f.rule, f.path, f.line_digest}]++;
    f.fingerprint = fingerprint({rules[f.rule].id, f.path, f.line_digest, std::to_string(occurrence)});
  }
}

}  // namespace readygate::scan
