// report_writers: envelopes gathered as in json_envelope, then rendered by every writer of
// ready-report, checking what each format promises: JUnit is well-formed XML 1.0, annotations
// are one workflow command per line, everything is valid UTF-8.
#include <pugixml.hpp>

#include "annotations_writer.hpp"
#include "codequality_writer.hpp"
#include "common/envelope_model.hpp"
#include "common/output.hpp"
#include "common/utf8.hpp"
#include "fuzz_support.hpp"
#include "junit_writer.hpp"
#include "markdown_writer.hpp"
#include "sarif_writer.hpp"

using namespace readygate;

namespace {

// No C0 control other than tab, LF and CR, and no U+FFFE or U+FFFF, raw or as a reference.
bool xml_chars_allowed(std::string_view xml) {
  for (std::size_t i = 0; i < xml.size(); ++i) {
    const auto byte = static_cast<unsigned char>(xml[i]);
    if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') return false;
    if (byte == 0xEF && xml.substr(i, 3) == "\xEF\xBF\xBE") return false;
    if (byte == 0xEF && xml.substr(i, 3) == "\xEF\xBF\xBF") return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  EnvelopeSet set;
  try {
    std::vector<SourcedEnvelope> envelopes;
    for (json& document : parse_json_documents(fuzz::text_of(data, size), "fuzz.json")) {
      envelopes.push_back({std::move(document), "fuzz.json"});
    }
    set = gather_envelopes(envelopes);
  } catch (const Error&) {
    return 0;
  }
  try {
    const std::string sarif = dump_json(report::to_sarif(set), false);
    FUZZ_CHECK(is_valid_utf8(sarif));

    const std::string codequality = dump_json(report::to_codequality(set), false);
    FUZZ_CHECK(is_valid_utf8(codequality));

    const std::string junit = report::to_junit(set);
    FUZZ_CHECK(is_valid_utf8(junit));
    FUZZ_CHECK(xml_chars_allowed(junit));
    pugi::xml_document parsed;
    FUZZ_CHECK(parsed.load_buffer(junit.data(), junit.size()));

    const std::string annotations = report::to_annotations(set);
    FUZZ_CHECK(is_valid_utf8(annotations));
    for (std::size_t start = 0; start < annotations.size();) {
      const std::size_t end = annotations.find('\n', start);
      FUZZ_CHECK(end != std::string::npos);  // every command ends its line
      FUZZ_CHECK(annotations.compare(start, 2, "::") == 0);
      start = end + 1;
    }

    const std::string markdown = report::to_markdown(set);
    FUZZ_CHECK(is_valid_utf8(markdown));
    FUZZ_CHECK(markdown.size() <= report::max_markdown_bytes + 4096);
  } catch (const Error&) {
    // a writer may refuse what it cannot represent, as an input error
  }
  return 0;
}
