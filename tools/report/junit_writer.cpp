#include "junit_writer.hpp"

#include <algorithm>
#include <cstdio>
#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <string_view>
#include <unordered_map>

#include "check_text.hpp"
#include "xml_text.hpp"

namespace readygate::report {
namespace {

struct Counts {
  std::size_t tests = 0, failures = 0, errors = 0, skipped = 0;
  void add(const Counts& other) {
    tests += other.tests;
    failures += other.failures;
    errors += other.errors;
    skipped += other.skipped;
  }
};

// What fails the gate, decided once for the whole report.
struct Gate {
  bool failed = false;
  std::optional<Severity> fail_on;      // findings at or above it fail their rule
  std::set<std::string> blocker_about;  // "tool:fingerprint" of findings the score blocks on

  bool blocks(const std::string& tool, const Finding& f) const {
    if (!failed || !is_open(f)) return false;
    return (fail_on && counts_against(f, *fail_on)) || blocker_about.count(tool + ":" + f.fingerprint) > 0;
  }
};

// A producer's own --fail-on check ("scan.fail_on", titled "No findings at or above high"), failed.
std::optional<Severity> failed_fail_on(const ToolRun& run) {
  for (const Check& c : run.checks) {
    if (c.id != run.tool + ".fail_on" || c.status != CheckStatus::fail) continue;
    const std::size_t space = c.title.rfind(' ');
    if (space != std::string::npos) return parse_severity(c.title.substr(space + 1));
  }
  return std::nullopt;
}

Gate decide_gate(const EnvelopeSet& report, const JunitOptions& options) {
  Gate gate;
  gate.fail_on = options.fail_on;
  if (options.fail_on) {
    for (const ToolRun& run : report.runs) {
      gate.failed = gate.failed || std::any_of(run.findings.begin(), run.findings.end(),
                                               [&](const Finding& f) { return counts_against(f, *options.fail_on); });
    }
  }
  if (report.score) {
    gate.failed = gate.failed || !report.score->passed;
    gate.blocker_about.insert(report.score->blocker_evidence.begin(), report.score->blocker_evidence.end());
  } else if (!options.fail_on) {
    // No gate of ready-report's own: the producers' verdicts stand.
    for (const ToolRun& run : report.runs) {
      for (const Check& c : run.checks) gate.failed = gate.failed || is_failure(c.status);
      if (const auto level = failed_fail_on(run); level && (!gate.fail_on || *level < *gate.fail_on)) {
        gate.fail_on = level;
      }
    }
  }
  return gate;
}

void set(pugi::xml_node node, const char* name, const std::string& value) {
  node.append_attribute(name).set_value(xml_safe(value).c_str());
}

void set_text(pugi::xml_node node, const std::string& text) { node.text().set(xml_safe(text).c_str()); }

pugi::xml_node add_case(pugi::xml_node suite, const std::string& tool, const std::string& name, Counts& counts) {
  pugi::xml_node testcase = suite.append_child("testcase");
  set(testcase, "name", name);
  set(testcase, "classname", "readygate." + tool);
  set(testcase, "time", "0");
  ++counts.tests;
  return testcase;
}

void add_check(pugi::xml_node suite, const std::string& tool, const Check& c, const Gate& gate, Counts& counts) {
  pugi::xml_node testcase = add_case(suite, tool, c.id + (c.title.empty() ? "" : ": " + c.title), counts);
  const std::string detail = describe_check(c);
  if (is_failure(c.status) && gate.failed) {
    const bool failed = c.status == CheckStatus::fail;
    pugi::xml_node problem = testcase.append_child(failed ? "failure" : "error");
    set(problem, "type", "check");
    set(problem, "message", detail);
    set_text(problem, detail);
    ++(failed ? counts.failures : counts.errors);
    return;
  }
  if (c.status == CheckStatus::skip) {
    set(testcase.append_child("skipped"), "message", detail);
    ++counts.skipped;
  }
  std::string out = std::string(to_string(c.status)) + ": " + detail;
  if (is_failure(c.status)) out += "\n(the gate passed: this check does not decide it)";
  set_text(testcase.append_child("system-out"), out);
}

// "src/app.py:12:5 high Use of eval(): message" and the redacted snippet under it.
std::string finding_line(const Finding& f) {
  std::string where = f.target.empty() ? "(no file)" : f.target;
  if (f.location) {
    where = f.location->path + ":" + std::to_string(f.location->line);
    if (f.location->column > 0) where += ":" + std::to_string(f.location->column);
  }
  std::string line = where + " " + std::string(to_string(f.severity)) + " " + (f.title.empty() ? f.rule : f.title);
  if (!f.message.empty()) line += ": " + f.message;
  if (!is_open(f))
    line += f.suppressed() ? " (suppressed in the source)" : " (already in the baseline)";
  else if (!counts_for_gate(f))
    line += " (in a " + std::string(to_string(*f.role)) + " file: does not count)";
  if (f.location && !f.location->snippet.empty()) line += "\n    " + f.location->snippet;
  if (!f.fix.empty()) line += "\n    fix: " + f.fix;
  return line + "\n";
}

void add_rule(pugi::xml_node suite, const ToolRun& run, const std::vector<const Finding*>& findings, const Gate& gate,
              Counts& counts) {
  const Finding& first = *findings.front();
  pugi::xml_node testcase =
      add_case(suite, run.tool, first.rule + (first.title.empty() ? "" : ": " + first.title), counts);
  std::string failing, passing;
  std::size_t blocking = 0, open = 0;
  const Finding* worst = nullptr;
  for (const Finding* f : findings) {
    open += is_open(*f);
    if (gate.blocks(run.tool, *f)) {
      ++blocking;
      if (!worst || f->severity > worst->severity) worst = f;
      failing += finding_line(*f);
    } else {
      passing += finding_line(*f);
    }
  }
  if (worst) {
    pugi::xml_node failure = testcase.append_child("failure");
    set(failure, "type", std::string(to_string(worst->severity)));
    const std::string noun = blocking == 1 ? " finding" : " findings";
    set(failure, "message",
        std::to_string(blocking) + noun +
            (gate.fail_on ? " at or above " + std::string(to_string(*gate.fail_on)) : " blocking the gate"));
    set_text(failure, failing);
    ++counts.failures;
  } else if (open == 0) {
    set(testcase.append_child("skipped"), "message",
        std::to_string(findings.size()) + " finding(s), all suppressed or already in the baseline");
    ++counts.skipped;
  }
  if (!passing.empty()) set_text(testcase.append_child("system-out"), passing);
}

// One case per rule, in the order of the rule's first (most severe) finding.
void add_rules(pugi::xml_node suite, const ToolRun& run, const Gate& gate, Counts& counts) {
  std::vector<std::vector<const Finding*>> rules;
  std::unordered_map<std::string_view, std::size_t> index;  // rule -> its place in `rules`
  for (const Finding& f : run.findings) {
    const auto [at, added] = index.try_emplace(f.rule, rules.size());
    if (added) rules.emplace_back();
    rules[at->second].push_back(&f);
  }
  for (const auto& findings : rules) add_rule(suite, run, findings, gate, counts);
}

void add_blockers(pugi::xml_node suite, const Score& score, Counts& counts) {
  for (const std::string& reason : score.blockers) {
    pugi::xml_node testcase = add_case(suite, "score", "blocker: " + reason, counts);
    pugi::xml_node failure = testcase.append_child("failure");
    set(failure, "type", "blocker");
    set(failure, "message", reason);
    set_text(failure, "the gate fails whatever the score: " + reason);
    ++counts.failures;
  }
}

std::string seconds(long long milliseconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", static_cast<double>(milliseconds) / 1000.0);
  return text;
}

}  // namespace

std::string to_junit(const EnvelopeSet& report, const JunitOptions& options) {
  const Gate gate = decide_gate(report, options);
  pugi::xml_document doc;
  pugi::xml_node declaration = doc.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  pugi::xml_node suites = doc.append_child("testsuites");
  set(suites, "name", "readygate");
  Counts total;
  long long total_ms = 0;
  for (const ToolRun& run : report.runs) {
    pugi::xml_node suite = suites.append_child("testsuite");
    Counts counts;
    for (const Check& c : run.checks) add_check(suite, run.tool, c, gate, counts);
    if (run.tool == "score" && report.score) add_blockers(suite, *report.score, counts);
    add_rules(suite, run, gate, counts);
    // Counts are known only now; pugixml writes attributes in the start tag whenever they are added.
    set(suite, "name", "readygate." + run.tool);
    set(suite, "tests", std::to_string(counts.tests));
    set(suite, "failures", std::to_string(counts.failures));
    set(suite, "errors", std::to_string(counts.errors));
    set(suite, "skipped", std::to_string(counts.skipped));
    set(suite, "time", seconds(run.duration_ms));
    if (!run.started.empty()) set(suite, "timestamp", run.started);
    total.add(counts);
    total_ms += run.duration_ms;
  }
  set(suites, "tests", std::to_string(total.tests));
  set(suites, "failures", std::to_string(total.failures));
  set(suites, "errors", std::to_string(total.errors));
  set(suites, "time", seconds(total_ms));
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  return out.str();
}

}  // namespace readygate::report
