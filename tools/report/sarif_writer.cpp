#include "sarif_writer.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "common/utf8.hpp"
#include "severity_map.hpp"

namespace readygate::report {
namespace {

using nlohmann::json;

constexpr const char* information_uri = "https://github.com/readygate/readygate";

std::string driver_name(const std::string& tool) {
  static const std::set<std::string> ours{"scan", "bench", "healthcheck", "score", "report"};
  return ours.count(tool) ? "ready-" + tool : tool;
}

// "py.sql-injection" -> "PySqlInjection": SARIF's rule name is an identifier-like label.
std::string rule_name(const std::string& id) {
  std::string name;
  bool upper = true;
  for (const char c : id) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      name += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      upper = false;
    } else {
      upper = true;
    }
  }
  return name;
}

json rule_descriptor(const Finding& f) {
  // SARIF tags are a set: no repeats (the schema says so, and GitHub keeps only 10).
  std::vector<std::string> tags;
  const auto add_tag = [&](const std::string& tag) {
    if (!tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
  };
  add_tag(f.category);
  if (f.category == "security" || f.category == "secrets") add_tag("security");
  for (const auto& cwe : f.cwe) {
    std::string lower = cwe;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    add_tag("external/cwe/" + lower);
  }
  const std::string title = f.title.empty() ? f.rule : f.title;
  std::string help = f.fix.empty() ? f.message : f.fix;
  std::string markdown = "**" + title + "**\n\n" + f.message;
  if (!f.fix.empty()) markdown += "\n\n**Fix:** " + f.fix;
  if (!f.help.empty()) {
    help += "\n\n" + f.help;
    markdown += "\n\n" + f.help;
  }
  for (const auto& cwe : f.cwe) {
    if (cwe.rfind("CWE-", 0) == 0) {
      markdown += "\n\n[" + cwe + "](https://cwe.mitre.org/data/definitions/" + cwe.substr(4) + ".html)";
    }
  }
  return {
      {"id", f.rule},
      {"name", rule_name(f.rule)},
      {"shortDescription", {{"text", repair_utf8(title)}}},
      {"fullDescription", {{"text", repair_utf8(f.message.empty() ? title : f.message)}}},
      {"help", {{"text", repair_utf8(help.empty() ? title : help)}, {"markdown", repair_utf8(markdown)}}},
      {"defaultConfiguration", {{"level", sarif_level(f.severity)}}},
      {"properties", {{"tags", tags}, {"security-severity", security_severity(f.severity)}, {"precision", "high"}}}};
}

json region_of(const Location& l) {
  json region{{"startLine", std::max<std::size_t>(1, l.line)}};
  if (l.column > 0) region["startColumn"] = l.column;
  if (l.end_line >= l.line && l.end_line > 0) region["endLine"] = l.end_line;
  if (l.end_column > 0 && (l.end_line > l.line || l.end_column > l.column)) region["endColumn"] = l.end_column;
  if (!l.snippet.empty()) region["snippet"] = {{"text", repair_utf8(l.snippet)}};
  return region;
}

json result_of(const Finding& f, std::size_t rule_index) {
  const Location& l = *f.location;
  json artifact{{"uri", artifact_uri(l.path)}};
  if (!l.path.empty() && l.path.front() != '/') artifact["uriBaseId"] = "%SRCROOT%";
  std::string text = f.message.empty() ? (f.title.empty() ? f.rule : f.title) : f.message;
  if (f.commit) {
    // A line of an earlier commit: the file may no longer hold it, so the commit is named.
    text += " (added in commit " + f.commit->id.substr(0, 12) +
            (f.commit->author.empty() ? "" : " by " + f.commit->author) +
            (f.commit->date.empty() ? "" : " on " + f.commit->date.substr(0, 10)) +
            (f.commit->count > 1 ? "; in " + std::to_string(f.commit->count) + " commits" : "") + ")";
  }
  json result{
      {"ruleId", f.rule},
      {"ruleIndex", rule_index},
      {"level", sarif_level(f.severity)},
      {"message", {{"text", repair_utf8(text)}}},
      {"locations", json::array({{{"physicalLocation", {{"artifactLocation", artifact}, {"region", region_of(l)}}}}})}};
  if (!f.fingerprint.empty()) {
    result["partialFingerprints"] = {{"primaryLocationLineHash", f.fingerprint}};
    result["fingerprints"] = {{"readygate/v1", f.fingerprint}};
  }
  if (f.suppressed()) result["suppressions"] = json::array({{{"kind", "inSource"}}});
  if (f.baseline != BaselineState::none) result["baselineState"] = to_string(f.baseline);
  if (f.commit) {
    result["properties"] = {
        {"commit", f.commit->id}, {"author", f.commit->author}, {"date", f.commit->date}, {"commits", f.commit->count}};
  }
  return result;
}

json run_of(const ToolRun& run) {
  json rules = json::array();
  std::map<std::string, std::size_t> rule_index;
  json results = json::array();
  std::size_t without_location = 0, omitted = 0;
  for (const Finding& f : run.findings) {
    if (!f.location) {
      ++without_location;
      continue;
    }
    if (results.size() >= sarif_max_results_per_run) {
      ++omitted;
      continue;
    }
    auto [it, added] = rule_index.emplace(f.rule, rules.size());
    if (added) rules.push_back(rule_descriptor(f));
    results.push_back(result_of(f, it->second));
  }

  json notifications = json::array();
  bool successful = true;
  for (const Check& c : run.checks) {
    if (c.status != CheckStatus::warn && c.status != CheckStatus::error) continue;
    if (c.status == CheckStatus::error) successful = false;
    notifications.push_back({{"level", c.status == CheckStatus::error ? "error" : "warning"},
                             {"message", {{"text", repair_utf8(c.message.empty() ? c.title : c.message)}}},
                             {"descriptor", {{"id", c.id}}}});
  }
  // Files a tool passed over (binary, too large, …) are worth a note: they were not analysed.
  if (run.summary.contains("skipped") && run.summary["skipped"].is_object()) {
    std::string skipped;
    for (const auto& [reason, count] : run.summary["skipped"].items()) {
      if (!count.is_number_integer() || count.get<long long>() <= 0 || reason == "excluded" || reason == "other_shards")
        continue;
      skipped += (skipped.empty() ? "" : ", ") + std::to_string(count.get<long long>()) + " " + reason;
    }
    if (!skipped.empty()) {
      notifications.push_back({{"level", "note"},
                               {"message", {{"text", "files not analysed: " + skipped}}},
                               {"descriptor", {{"id", "readygate.skipped"}}}});
    }
  }
  if (omitted > 0) {
    notifications.push_back(
        {{"level", "warning"},
         {"message",
          {{"text", std::to_string(omitted) + " less severe results were left out: GitHub accepts at most " +
                        std::to_string(sarif_max_results_per_run) + " per run"}}},
         {"descriptor", {{"id", "readygate.sarif.truncated"}}}});
  }
  if (without_location > 0) {
    notifications.push_back(
        {{"level", "note"},
         {"message",
          {{"text", std::to_string(without_location) +
                        " findings without a file location are in the JUnit and Markdown reports"}}},
         {"descriptor", {{"id", "readygate.sarif.no_location"}}}});
  }
  json invocation{{"executionSuccessful", successful}};
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = notifications;

  json driver{{"name", driver_name(run.tool)}, {"informationUri", information_uri}, {"rules", rules}};
  if (!run.version.empty()) {
    driver["version"] = run.version;
    driver["semanticVersion"] = run.version;
  }
  return {{"tool", {{"driver", driver}}},
          {"automationDetails", {{"id", "readygate/" + run.tool + "/"}}},
          {"columnKind", "unicodeCodePoints"},
          {"invocations", json::array({invocation})},
          {"results", results}};
}

}  // namespace

std::string artifact_uri(std::string_view path) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string uri = !path.empty() && path.front() == '/' ? "file://" : "";
  for (const char byte : path) {
    const auto c = static_cast<unsigned char>(byte);  // isalnum and the hex digits need 0-255
    if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += hex[c >> 4];
      uri += hex[c & 0x0F];
    }
  }
  return uri;
}

nlohmann::json to_sarif(const EnvelopeSet& report) {
  json runs = json::array();
  for (const ToolRun& run : report.runs) {
    if (runs.size() >= sarif_max_runs) break;
    runs.push_back(run_of(run));
  }
  return {{"$schema", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"},
          {"version", "2.1.0"},
          {"runs", runs}};
}

}  // namespace readygate::report
