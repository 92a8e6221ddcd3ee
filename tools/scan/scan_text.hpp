#pragma once
// ready-scan's report for people (docs/SCAN.md, "Text output"): what --format text prints, and
// what a terminal gets by default. One pure function of a fixed model, so that it is tested
// against golden text; the JSON envelope is untouched by it.
//
//   src/app.py:12:5  critical  py.eval  eval() runs whatever the string holds
//       result = eval(request.args["q"])
//                ^^^^^^^^^^^^^^^^^^^^^^^
//
//   3 files scanned: 1 finding (1 critical), 1 suppressed, 0 skipped, in 12 ms
//
// Files in the order of their worst finding, then by path; in a file, by line. Suppressed and
// baseline (unchanged) findings are not listed, only counted.
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/envelope_model.hpp"
#include "common/finding.hpp"
#include "common/text_style.hpp"
#include "finding.hpp"
#include "rule.hpp"
#include "scanner.hpp"

namespace readygate::scan {

struct TextFinding {
  readygate::Finding finding;
  // Where the match is in finding.location->snippet (bytes, [first, second)); none: not marked
  // (a finding read back from an envelope, whose wire record does not say).
  std::optional<std::pair<std::size_t, std::size_t>> mark;
};

struct ScanTotals {
  std::size_t files = 0;    // scanned
  std::size_t skipped = 0;  // binary, too large, vendored, generated
  long long duration_ms = 0;
};

struct ScanText {
  std::vector<TextFinding> findings;  // every finding, suppressed and baseline ones too
  ScanTotals totals;
};

std::string render_scan_text(const ScanText& scan, const TextStyle& style);

// The model of this run: its findings (as the wire records) and its statistics.
ScanText scan_text_of(const ScanResult& result, const std::vector<Rule>& rules, long long duration_ms);

// The model of earlier runs, from their envelopes (ready-scan --show): the findings as
// gather_envelopes merges them (shards and --history together, one per fingerprint) and the
// totals summed over every scan envelope's summary. Envelopes of other tools are refused.
ScanText scan_text_of(const std::vector<SourcedEnvelope>& envelopes);

}  // namespace readygate::scan
