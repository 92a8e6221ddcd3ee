#include "test_reports.hpp"

#include <charconv>
#include <cstdint>
#include <optional>
#include <pugixml.hpp>
#include <sstream>
#include <string_view>
#include <vector>

#include "common/decimal.hpp"
#include "common/error.hpp"
#include "common/json_stream.hpp"

namespace readygate::score {
namespace {

std::string position(const std::string& text, std::ptrdiff_t offset) {
  std::size_t line = 1, column = 1;
  for (std::ptrdiff_t i = 0; i < offset && static_cast<std::size_t>(i) < text.size(); ++i) {
    if (text[static_cast<std::size_t>(i)] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

pugi::xml_document parse_xml(const std::string& path, const std::string& text) {
  pugi::xml_document doc;
  const pugi::xml_parse_result result = doc.load_buffer(text.data(), text.size());
  if (!result) {
    throw_input_error(path + ":" + position(text, result.offset) + ": malformed XML: " + result.description());
  }
  return doc;
}

void count_case(const pugi::xml_node& testcase, TestResults& results) {
  ++results.tests;
  const std::string id =
      std::string(testcase.attribute("classname").value()) + "." + testcase.attribute("name").value();
  if (testcase.child("failure")) {
    ++results.failures;
    results.failed.push_back(id);
  } else if (testcase.child("error")) {
    ++results.errors;
    results.failed.push_back(id);
  } else if (testcase.child("skipped")) {
    ++results.skipped;
  }
}

// Every <testcase> under `root`, through nested <testsuite>s at any depth, in file order: a
// work list, not recursion, so a report nested a million levels deep cannot exhaust the stack.
void count_cases(const pugi::xml_node& root, TestResults& results) {
  std::vector<pugi::xml_node> pending;
  const auto push_children = [&](const pugi::xml_node& node) {
    for (pugi::xml_node child = node.last_child(); child; child = child.previous_sibling()) pending.push_back(child);
  };
  push_children(root);
  while (!pending.empty()) {
    const pugi::xml_node node = pending.back();
    pending.pop_back();
    const std::string_view name = node.name();
    if (name == "testcase") {
      count_case(node, results);
    } else if (name == "testsuite" || name == "testsuites") {
      push_children(node);
    }
  }
}

void add_junit(const std::string& text, const std::string& path, TestResults& results) {
  const pugi::xml_document doc = parse_xml(path, text);
  const std::string root = doc.document_element().name();
  if (root != "testsuites" && root != "testsuite") {
    throw_input_error(path + ": not a JUnit report (the root element is <" + root +
                      ">, not <testsuites> or <testsuite>)");
  }
  count_cases(doc, results);
  results.sources.push_back(path);
}

}  // namespace

TestResults read_junit(const std::vector<std::string>& paths) {
  TestResults results;
  for (const auto& path : paths) add_junit(read_input(path), path, results);
  return results;
}

TestResults parse_junit_text(const std::string& text, const std::string& source) {
  TestResults results;
  add_junit(text, source, results);
  return results;
}

namespace {

// A whole, non-negative line count as lcov writes it ("LF:120"); nothing else.
std::optional<std::uint64_t> line_count(std::string_view text) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty() || value > (std::uint64_t{1} << 53)) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

double read_coverage(const std::string& path) { return parse_coverage_text(read_input(path), path); }

double parse_coverage_text(const std::string& text, const std::string& path) {
  if (text.find("<coverage") != std::string::npos) {
    const pugi::xml_document doc = parse_xml(path, text);
    const pugi::xml_attribute rate = doc.child("coverage").attribute("line-rate");
    if (!rate) throw_input_error(path + ": a Cobertura report needs <coverage line-rate=\"…\">");
    // The whole attribute must be a number from 0 to 1: "nan", "inf" and "abc" are not rates.
    const std::string_view value = rate.value();
    const std::optional<DecimalPrefix> rate_value = read_decimal_prefix(value);
    if (!rate_value || rate_value->length != value.size() || !(rate_value->value >= 0 && rate_value->value <= 1)) {
      throw_input_error(path + ": line-rate \"" + std::string(value.substr(0, 40)) + "\" is not a number from 0 to 1");
    }
    return rate_value->value;
  }
  // lcov: sum LF (lines found) and LH (lines hit) over every record; a record hits at most
  // the lines it has.
  std::istringstream in(text);
  std::string line;
  std::uint64_t found = 0, hit = 0, record_found = 0, record_hit = 0;
  bool lcov = false;
  std::size_t number = 0;
  const auto fail = [&](const std::string& why) {
    throw_input_error(path + ":" + std::to_string(number) + ": " + why);
  };
  const auto close_record = [&] {
    if (record_hit > record_found) {
      fail("LH:" + std::to_string(record_hit) + " is more than the record's LF:" + std::to_string(record_found));
    }
    found += record_found;
    hit += record_hit;
    record_found = record_hit = 0;
  };
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const bool lf = line.rfind("LF:", 0) == 0, lh = line.rfind("LH:", 0) == 0;
    if (lf || lh) {
      const auto count = line_count(std::string_view(line).substr(3));
      if (!count) fail("'" + line.substr(0, 40) + "' is not a line count (a whole number from 0)");
      (lf ? record_found : record_hit) += *count;
      lcov = lcov || lf;
    } else if (line == "end_of_record") {
      close_record();
    }
  }
  close_record();
  if (!lcov) throw_input_error(path + ": neither a Cobertura XML report nor an lcov .info file");
  return found > 0 ? static_cast<double>(hit) / static_cast<double>(found) : 0.0;
}

}  // namespace readygate::score
