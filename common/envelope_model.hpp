#pragma once
// Envelopes of any tool, read into one typed model per tool: what ready-report renders and
// ready-score weighs. Every field read is type-checked, so a malformed envelope is an input
// error naming the field, never a crash or a silent default.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "check.hpp"
#include "envelope.hpp"
#include "finding.hpp"
#include "finding_counts.hpp"

namespace readygate {

// One tool's results; several envelopes of one tool (shards) become one run.
struct ToolRun {
  std::string tool, version, target, started;
  long long duration_ms = 0;
  nlohmann::json summary = nlohmann::json::object();
  nlohmann::json metrics = nlohmann::json::object();  // the first envelope's
  std::vector<nlohmann::json> all_metrics;            // every envelope's, to merge
  std::vector<Check> checks;
  std::vector<Finding> findings;  // sorted: most severe first, then path, line, rule
};

struct Score {
  double value = 0;
  bool passed = false;  // "gate": "pass"
  std::optional<double> min;
  std::vector<std::string> blockers;
  std::vector<std::string> blocker_evidence;  // what blockers are about, when given: "scan:<fingerprint>"
  nlohmann::json categories = nlohmann::json::array();
  std::optional<double> evidence_coverage;  // the share (0–1) of the counted weight that had evidence
};

struct EnvelopeSet {
  std::vector<ToolRun> runs;  // sorted by tool name
  std::optional<Score> score;
};

struct SourcedEnvelope {
  nlohmann::json document;
  std::string source;  // file name or <stdin>, for error messages
};

// Gathers envelopes of any tool (unknown tools too), flattening the "inputs" a score envelope
// embeds. Findings of one tool that share a fingerprint are kept once. Throws Error (exit 2)
// on a document that is not an envelope or has a field of the wrong type, naming the field.
EnvelopeSet gather_envelopes(const std::vector<SourcedEnvelope>& envelopes);

}  // namespace readygate
