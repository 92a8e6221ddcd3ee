#include "report_formats.hpp"

#include <array>

#include "codequality_writer.hpp"
#include "common/output.hpp"
#include "junit_writer.hpp"
#include "markdown_writer.hpp"
#include "sarif_writer.hpp"

namespace readygate::report {
namespace {

std::string json_text(const nlohmann::json& document, bool pretty) { return dump_json(document, pretty) + "\n"; }

const std::array<ReportFormat, 4> formats{{
    {"--sarif", &ReportCommand::sarif,
     [](const EnvelopeSet& r, const RenderOptions& o) { return json_text(to_sarif(r), o.pretty); }},
    {"--junit", &ReportCommand::junit,
     [](const EnvelopeSet& r, const RenderOptions& o) { return to_junit(r, JunitOptions{o.fail_on}); }},
    {"--codequality", &ReportCommand::codequality,
     [](const EnvelopeSet& r, const RenderOptions& o) { return json_text(to_codequality(r), o.pretty); }},
    {"--markdown", &ReportCommand::markdown,
     [](const EnvelopeSet& r, const RenderOptions& o) { return to_markdown(r, MarkdownOptions{o.fail_on}); }},
}};

}  // namespace

std::span<const ReportFormat> report_formats() { return formats; }

}  // namespace readygate::report
