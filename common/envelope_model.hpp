#pragma once
// Envelopes of any tool, read into one typed model per tool: what ready-report renders and
// ready-score weighs. Every field read is type-checked, so a malformed envelope is an input
// error naming the field, never a crash or a silent default.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "envelope.hpp"
#include "severity.hpp"

namespace readygate {

struct Location {
  std::string path;
  std::size_t line = 0, column = 0, end_line = 0, end_column = 0;  // 0: unknown
  std::string snippet;
};

struct Finding {
  std::string rule, title, category, message, fix, help, fingerprint;
  Severity severity = Severity::medium;
  std::vector<std::string> cwe;
  std::optional<Location> location;  // findings without one (a missing header) skip SARIF
  std::string target;                // what they are about instead (a URL), when given
  bool suppressed = false;
  std::string baseline_state;  // "", "new" or "unchanged"
  std::string role = "product";  // the file's role: product, test, example, vendored, generated
  // ready-scan --history: the commit that first added the line, and how many commits did.
  struct Commit {
    std::string id, author, date;
    std::size_t count = 1;
  };
  std::optional<Commit> commit;
};

// One tool's results; several envelopes of one tool (shards) become one run.
struct ToolRun {
  std::string tool, version, target, started;
  long long duration_ms = 0;
  nlohmann::json summary = nlohmann::json::object();
  nlohmann::json metrics = nlohmann::json::object();       // the first envelope's
  std::vector<nlohmann::json> all_metrics;                   // every envelope's, to merge
  std::vector<Check> checks;
  std::vector<Finding> findings;  // sorted: most severe first, then path, line, rule
};

struct Score {
  double value = 0;
  std::string gate;  // "pass" or "fail"
  std::optional<double> min;
  std::vector<std::string> blockers;
  nlohmann::json categories = nlohmann::json::array();
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

// The finding is in product code, or is a secret (a credential leaks from a test file too).
bool counts_for_gate(const Finding& finding);

// The finding counts against --fail-on: unsuppressed, not a known baseline finding, severe
// enough, and counts for the gate.
bool counts_against(const Finding& finding, Severity threshold);

}  // namespace readygate
