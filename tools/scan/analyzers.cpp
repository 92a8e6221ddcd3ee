#include "analyzers.hpp"

#include <array>

namespace readygate::scan {
namespace {

struct Entry {
  std::string_view name;
  Analyzer analyzer;
};

constexpr std::array analyzers{
    Entry{"sql-formatting", &find_sql_formatting},
    Entry{"sql-formatting-internal", &find_sql_formatting_internal},
};

}  // namespace

Analyzer find_analyzer(std::string_view name) {
  for (const auto& entry : analyzers) {
    if (entry.name == name) return entry.analyzer;
  }
  return nullptr;
}

std::vector<std::string_view> analyzer_call_names() { return sql_call_names(); }

std::vector<std::string_view> analyzer_names() {
  std::vector<std::string_view> names;
  names.reserve(std::size(analyzers));
  for (const auto& entry : analyzers) names.push_back(entry.name);
  return names;
}

}  // namespace readygate::scan
