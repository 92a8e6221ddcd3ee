#include "test_reports.hpp"

#include <pugixml.hpp>

#include <sstream>

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

void count_cases(const pugi::xml_node& node, TestResults& results) {
  for (const pugi::xml_node child : node.children()) {
    const std::string name = child.name();
    if (name == "testcase") {
      ++results.tests;
      const std::string id = std::string(child.attribute("classname").value()) + "." + child.attribute("name").value();
      if (child.child("failure")) {
        ++results.failures;
        results.failed.push_back(id);
      } else if (child.child("error")) {
        ++results.errors;
        results.failed.push_back(id);
      } else if (child.child("skipped")) {
        ++results.skipped;
      }
    } else if (name == "testsuite" || name == "testsuites") {
      count_cases(child, results);
    }
  }
}

}  // namespace

TestResults read_junit(const std::vector<std::string>& paths) {
  TestResults results;
  for (const auto& path : paths) {
    const std::string text = read_input(path);
    const pugi::xml_document doc = parse_xml(path, text);
    const std::string root = doc.document_element().name();
    if (root != "testsuites" && root != "testsuite") {
      throw_input_error(path + ": not a JUnit report (the root element is <" + root + ">, not <testsuites> or <testsuite>)");
    }
    count_cases(doc, results);
    results.sources.push_back(path);
  }
  return results;
}

double read_coverage(const std::string& path) {
  const std::string text = read_input(path);
  if (text.find("<coverage") != std::string::npos) {
    const pugi::xml_document doc = parse_xml(path, text);
    const pugi::xml_attribute rate = doc.child("coverage").attribute("line-rate");
    if (!rate) throw_input_error(path + ": a Cobertura report needs <coverage line-rate=\"…\">");
    const double value = rate.as_double(-1.0);
    if (value < 0 || value > 1) throw_input_error(path + ": line-rate \"" + rate.value() + "\" is not between 0 and 1");
    return value;
  }
  // lcov: sum LF (lines found) and LH (lines hit) over every record.
  std::istringstream in(text);
  std::string line;
  double found = 0, hit = 0;
  bool lcov = false;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    try {
      if (line.rfind("LF:", 0) == 0) {
        found += std::stod(line.substr(3));
        lcov = true;
      } else if (line.rfind("LH:", 0) == 0) {
        hit += std::stod(line.substr(3));
      }
    } catch (const std::logic_error&) {
      throw_input_error(path + ":" + std::to_string(number) + ": '" + line + "' is not a line count");
    }
  }
  if (!lcov) throw_input_error(path + ": neither a Cobertura XML report nor an lcov .info file");
  return found > 0 ? hit / found : 0.0;
}

}  // namespace readygate::score
