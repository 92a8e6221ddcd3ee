#pragma once
// What `ready-scan` does once its flags are parsed: load and select rules, scan, fingerprint,
// apply baseline / diff / severity filters, and write the envelope. main.cpp only declares flags.
#include <optional>
#include <string>
#include <vector>

#include "common/cli.hpp"
#include "common/envelope.hpp"
#include "common/severity.hpp"
#include "history.hpp"
#include "scanner.hpp"

namespace readygate::scan {

struct ScanCommand {
  ScanOptions scan;
  std::vector<std::string> rule_files;
  bool builtin_rules = true;
  std::vector<std::string> enable_only, disable;
  std::optional<Severity> min_severity, fail_on;
  std::optional<std::string> baseline;
  std::optional<std::string> diff_base;
  bool list_rules = false;
  std::optional<HistoryOptions> history;     // --history: added lines of commits, secrets rules
  bool staged = false;                       // --staged: the index's content
  std::size_t max_findings_per_file = 1000;  // 0: no cap
  std::vector<std::string> ignore_files;     // --ignore-file, besides .readygateignore/.gitleaksignore
  std::vector<std::string> show;             // --show FILE: print earlier envelopes as text, do not scan
};

// Writes the envelope, or the text report (scan_text.hpp) when common.output_format() says so.
// Returns ExitCode::check_failed when --fail-on is crossed, after saying why on stderr
// (fail_on_reason). Throws Error for bad input.
ExitCode run_scan_command(const ScanCommand& command, const CommonOptions& common, const RunInfo& run);

}  // namespace readygate::scan
