#include "junit_writer.hpp"

#include <cstdio>
#include <pugixml.hpp>
#include <sstream>

#include "check_text.hpp"
#include "xml_text.hpp"

namespace readygate::report {
namespace {

struct Counts {
  std::size_t tests = 0, failures = 0, errors = 0, skipped = 0;
};

void set(pugi::xml_node node, const char* name, const std::string& value) {
  node.append_attribute(name).set_value(xml_safe(value).c_str());
}

void add_check(pugi::xml_node suite, const std::string& tool, const Check& c, Counts& counts) {
  pugi::xml_node testcase = suite.append_child("testcase");
  set(testcase, "name", c.id + (c.title.empty() ? "" : ": " + c.title));
  set(testcase, "classname", "readygate." + tool);
  set(testcase, "time", "0");
  ++counts.tests;
  const std::string detail = describe_check(c);
  if (is_failure(c.status)) {
    const bool failed = c.status == CheckStatus::fail;
    pugi::xml_node problem = testcase.append_child(failed ? "failure" : "error");
    set(problem, "type", "check");
    set(problem, "message", detail);
    problem.text().set(xml_safe(detail).c_str());
    ++(failed ? counts.failures : counts.errors);
  } else if (c.status == CheckStatus::skip) {
    set(testcase.append_child("skipped"), "message", detail);
    ++counts.skipped;
  } else if (c.status == CheckStatus::warn) {
    testcase.append_child("system-out").text().set(xml_safe("warning: " + detail).c_str());
  }
}

void add_finding(pugi::xml_node suite, const Finding& f, Counts& counts) {
  pugi::xml_node testcase = suite.append_child("testcase");
  std::string where = f.target.empty() ? "(no file)" : f.target;
  std::string position;
  if (f.location) {
    where = f.location->path + ":" + std::to_string(f.location->line);
    position =
        f.location->path + ":" + std::to_string(f.location->line) + ":" + std::to_string(f.location->column) + ": ";
  }
  set(testcase, "name", f.rule + " at " + where);
  set(testcase, "classname", f.location ? f.location->path : "readygate.findings");
  set(testcase, "time", "0");
  ++counts.tests;
  const std::string title = f.title.empty() ? f.rule : f.title;
  if (!is_open(f)) {
    set(testcase.append_child("skipped"), "message",
        f.suppressed() ? title + ": suppressed in the source" : title + ": already in the baseline");
    ++counts.skipped;
    return;
  }
  std::string body = position + "[" + std::string(to_string(f.severity)) + "] " + title;
  if (!f.message.empty()) body += ": " + f.message;
  if (f.location && !f.location->snippet.empty()) body += "\n    " + f.location->snippet;
  if (!f.fix.empty()) body += "\nFix: " + f.fix;
  pugi::xml_node failure = testcase.append_child("failure");
  set(failure, "type", std::string(to_string(f.severity)));
  set(failure, "message", title + " at " + where);
  failure.text().set(xml_safe(body).c_str());
  ++counts.failures;
}

std::string seconds(long long milliseconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", static_cast<double>(milliseconds) / 1000.0);
  return text;
}

}  // namespace

std::string to_junit(const EnvelopeSet& report) {
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
    for (const Check& c : run.checks) add_check(suite, run.tool, c, counts);
    for (const Finding& f : run.findings) add_finding(suite, f, counts);
    // Counts are known only now; pugixml writes attributes in the start tag whenever they are added.
    set(suite, "name", "readygate." + run.tool);
    set(suite, "tests", std::to_string(counts.tests));
    set(suite, "failures", std::to_string(counts.failures));
    set(suite, "errors", std::to_string(counts.errors));
    set(suite, "skipped", std::to_string(counts.skipped));
    set(suite, "time", seconds(run.duration_ms));
    if (!run.started.empty()) set(suite, "timestamp", run.started);
    total.tests += counts.tests;
    total.failures += counts.failures;
    total.errors += counts.errors;
    total.skipped += counts.skipped;
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
