#include "finding.hpp"

#include <algorithm>
#include <cstdint>

#include "error.hpp"
#include "json_fields.hpp"

namespace readygate {

using nlohmann::json;

std::string_view to_string(BaselineState state) {
  switch (state) {
    case BaselineState::fresh:
      return "new";
    case BaselineState::unchanged:
      return "unchanged";
    case BaselineState::none:
      break;
  }
  return "";
}

json to_json(const Finding& f) {
  json out{
      {"rule", f.rule}, {"title", f.title},     {"severity", to_string(f.severity)}, {"category", f.category},
      {"cwe", f.cwe},   {"message", f.message}, {"fingerprint", f.fingerprint},      {"suppressed", f.suppressed()}};
  if (!f.fix.empty()) out["fix"] = f.fix;
  if (!f.help.empty()) out["help"] = f.help;
  if (!f.target.empty()) out["target"] = f.target;
  if (f.role) out["role"] = to_string(*f.role);
  if (const Location* l = f.location ? &*f.location : nullptr) {
    out["location"] = {{"path", l->path},
                       {"line", l->line},
                       {"column", l->column},
                       {"end_line", l->end_line},
                       {"end_column", l->end_column},
                       {"snippet", l->snippet}};
  }
  if (f.baseline != BaselineState::none) out["baseline_state"] = to_string(f.baseline);
  if (f.commit) {
    out["commit"] = {
        {"id", f.commit->id}, {"author", f.commit->author}, {"date", f.commit->date}, {"count", f.commit->count}};
  }
  return out;
}

Finding finding_from_json(const json& object, const std::string& where) {
  const JsonFields f(object, where);
  Finding finding;
  finding.rule = f.text("rule");
  if (finding.rule.empty()) finding.rule = "unknown";
  finding.title = f.text("title");
  finding.category = f.text("category");
  finding.message = f.text("message");
  finding.fix = f.text("fix");
  finding.help = f.text("help");
  finding.fingerprint = f.text("fingerprint");
  finding.cwe = f.texts("cwe");
  if (f.flag("suppressed")) finding.suppression = Suppression::in_source;
  // Other values ("absent", "updated": SARIF's other states) read as no baseline.
  if (const std::string state = f.text("baseline_state"); state == "new") {
    finding.baseline = BaselineState::fresh;
  } else if (state == "unchanged") {
    finding.baseline = BaselineState::unchanged;
  }
  finding.target = f.text("target");
  if (const json* commit = f.object("commit")) {
    const JsonFields c(*commit, where + ": commit");
    finding.commit = Finding::Commit{c.text("id", Presence::required), c.text("author"), c.text("date"),
                                     std::max<std::size_t>(1, c.count("count"))};
  }
  if (const std::string role = f.text("role"); !role.empty()) {
    finding.role = parse_role(role);
    if (!finding.role) {
      throw_input_error(where + ": field \"role\": expected product, test, example, vendored or generated, got \"" +
                        role + "\"");
    }
  }
  const std::string severity = f.text("severity");
  const auto parsed = parse_severity(severity.empty() ? "medium" : severity);
  if (!parsed) throw_input_error(where + ": field \"severity\": unknown severity \"" + severity + "\"");
  finding.severity = *parsed;
  if (const json* location = f.object("location")) {
    const JsonFields l(*location, where + ": location");
    Location loc;
    loc.path = l.text("path");
    // SARIF and editors take 32-bit positions; no file has two billion lines.
    constexpr std::uint64_t most = 2'147'483'647;
    loc.line = l.count("line", most);
    loc.column = l.count("column", most);
    loc.end_line = l.count("end_line", most);
    loc.end_column = l.count("end_column", most);
    loc.snippet = l.text("snippet");
    if (!loc.path.empty()) finding.location = std::move(loc);
  }
  return finding;
}

}  // namespace readygate
