// policy: a ready-score --policy file; each JSON document goes through parse_policy.
#include "policy.hpp"

#include <cmath>

#include "fuzz_support.hpp"

using namespace readygate;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  for (const json& document : fuzz::documents_of(fuzz::text_of(data, size))) {
    try {
      const score::Policy policy = score::parse_policy(document, "policy.json");
      for (const score::Category& category : policy.categories) {
        FUZZ_CHECK(category.weight > 0 && std::isfinite(category.weight));
        (void)score::to_string(category.kind);
      }
      for (const score::Blocker blocker : policy.blockers) (void)score::to_string(blocker);
    } catch (const Error&) {
      // an invalid policy: exit 2
    }
  }
  return 0;
}
