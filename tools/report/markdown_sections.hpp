#pragma once
// The sections of the Markdown summary (markdown_writer.hpp gives their order), each appending
// to `out`, and what they share. Internal to readygate_report.
#include <map>
#include <string>

#include "common/envelope_model.hpp"
#include "markdown_writer.hpp"

namespace readygate::report::markdown {

// markdown_score.cpp: the first heading, the blockers, the categories of a ready-score envelope.
void verdict(const EnvelopeSet& report, const MarkdownOptions& options, std::string& out);
void blockers(const Score& score, std::string& out);
void categories(const Score& score, std::string& out);

// markdown_findings.cpp
void findings(const EnvelopeSet& report, std::string& out);
void header_audit(const EnvelopeSet& report, std::string& out);
// A finding of ready-healthcheck's header audit: rendered grouped by header, not with the rest.
bool is_header_finding(const std::string& tool, const Finding& finding);

// markdown_load.cpp: the checks of every tool but ready-score, and ready-bench's figures.
void checks(const EnvelopeSet& report, std::string& out);
void load_figures(const ToolRun& bench, std::string& out);

// "2 critical, 5 medium", or "none".
std::string severity_counts(const std::map<Severity, std::size_t>& counts);
// "1 finding", "3 findings".
std::string count_of(std::size_t n, const char* one, const char* many);

}  // namespace readygate::report::markdown
