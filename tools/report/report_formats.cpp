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
     [](const EnvelopeSet& r, const ReportCommand&, bool pretty) { return json_text(to_sarif(r), pretty); }},
    {"--junit", &ReportCommand::junit, [](const EnvelopeSet& r, const ReportCommand&, bool) { return to_junit(r); }},
    {"--codequality", &ReportCommand::codequality,
     [](const EnvelopeSet& r, const ReportCommand&, bool pretty) { return json_text(to_codequality(r), pretty); }},
    {"--markdown", &ReportCommand::markdown,
     [](const EnvelopeSet& r, const ReportCommand& c, bool) { return to_markdown(r, {c.fail_on}); }},
}};

}  // namespace

std::span<const ReportFormat> report_formats() { return formats; }

}  // namespace readygate::report
