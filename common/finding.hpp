#pragma once
// A finding (docs/ENVELOPE.md, "A finding"), the one record every tool writes into "findings"
// and every reader reads from there:
//   {"rule", "title", "severity", "category", "cwe": [...], "message", "fix", "help",
//    "location": {"path", "line", "column", "end_line", "end_column", "snippet"},
//    "target", "role", "fingerprint", "suppressed", "baseline_state": "new|unchanged",
//    "commit": {"id", "author", "date", "count"}}
// "fix", "help" and "target" are written when not empty; "location", "role", "baseline_state"
// and "commit" when known. Written by to_json and read by finding_from_json, nowhere else.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "file_role.hpp"
#include "severity.hpp"

namespace readygate {

struct Location {
  std::string path;                                                // as the user named it, '/'-separated
  std::size_t line = 0, column = 0, end_line = 0, end_column = 0;  // 1-based, 0: unknown; end_column exclusive
  std::string snippet;                                             // the line, trimmed, secrets redacted
};

// Inline markers (ready:ignore, nosec, …) and .readygateignore both live in the repository:
// "suppressed": true on the wire, kind "inSource" in SARIF.
enum class Suppression { none, in_source };

// Against a --baseline: "baseline_state" on the wire, absent without a baseline.
enum class BaselineState { none, fresh /* "new" */, unchanged };
std::string_view to_string(BaselineState state);  // "", "new", "unchanged" (SARIF's names too)

struct Finding {
  std::string rule, title, category, message, fix, help, fingerprint;
  Severity severity = Severity::medium;
  std::vector<std::string> cwe;
  std::optional<Location> location;  // findings without one (a missing header) skip SARIF
  std::string target;                // what they are about instead (a URL), when given
  Suppression suppression = Suppression::none;
  BaselineState baseline = BaselineState::none;
  std::optional<Role> role;  // the file's; absent (a header finding) counts as product
  // ready-scan --history: the commit that first added the line, and how many commits did.
  struct Commit {
    std::string id, author, date;
    std::size_t count = 1;
  };
  std::optional<Commit> commit;

  bool suppressed() const { return suppression != Suppression::none; }
};

nlohmann::json to_json(const Finding& finding);

// Type-checks every field: throws Error (exit 2) naming `where` and the field. A missing rule
// reads as "unknown", a missing severity as medium, a location without a path as none.
Finding finding_from_json(const nlohmann::json& object, const std::string& where);

}  // namespace readygate
