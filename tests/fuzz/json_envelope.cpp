// json_envelope: the envelope reader of ready-report and ready-score. The input is a stream of
// JSON documents (parse_json_documents), gathered as envelopes (gather_envelopes); the same
// text also goes through parse_json_untrusted, the reader of servers' response bodies.
#include "common/envelope_model.hpp"
#include "common/output.hpp"
#include "fuzz_support.hpp"

using namespace readygate;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::text_of(data, size);
  if (const auto body = parse_json_untrusted(text)) {
    (void)dump_json(*body, false);
  }
  try {
    std::vector<SourcedEnvelope> envelopes;
    for (json& document : parse_json_documents(text, "fuzz.json"))
      envelopes.push_back({std::move(document), "fuzz.json"});
    const EnvelopeSet set = gather_envelopes(envelopes);
    std::size_t counted = 0;
    for (const ToolRun& run : set.runs) {
      for (const Finding& finding : run.findings) counted += counts_against(finding, Severity::low) ? 1 : 0;
    }
    for (std::size_t i = 1; i < set.runs.size(); ++i) FUZZ_CHECK(set.runs[i - 1].tool < set.runs[i].tool);
    (void)counted;
  } catch (const Error&) {
    // malformed JSON or not an envelope: exit 2, as it should be
  }
  return 0;
}
