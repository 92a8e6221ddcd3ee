#include "annotations_writer.hpp"

#include <algorithm>
#include <map>
#include <vector>

#include "check_text.hpp"
#include "common/utf8.hpp"
#include "severity_map.hpp"

namespace readygate::report {
namespace {

struct Annotation {
  std::string level;       // error, warning, notice
  std::string properties;  // "file=…,line=…,title=…"
  std::string message;
};

std::string command(const Annotation& a) {
  return "::" + a.level + (a.properties.empty() ? "" : " " + a.properties) + "::" + a.message + "\n";
}

}  // namespace

std::string escape_annotation_data(std::string_view text) {
  std::string out;
  for (const char c : repair_utf8(text)) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

std::string escape_annotation_property(std::string_view text) {
  std::string out;
  for (const char c : escape_annotation_data(text)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

std::string to_annotations(const EnvelopeSet& report) {
  // Findings come most severe first within a run; gather all runs, then order by level.
  std::map<std::string, std::vector<Annotation>> by_level;
  for (const ToolRun& run : report.runs) {
    for (const Check& c : run.checks) {
      if (!is_failure(c.status)) continue;
      by_level["error"].push_back(
          {"error", "title=" + escape_annotation_property(c.id), escape_annotation_data(describe_check(c))});
    }
  }
  std::vector<const Finding*> findings;
  for (const ToolRun& run : report.runs) {
    for (const Finding& f : run.findings) {
      if (is_open(f)) findings.push_back(&f);
    }
  }
  std::stable_sort(findings.begin(), findings.end(),
                   [](const Finding* a, const Finding* b) { return a->severity > b->severity; });
  for (const Finding* f : findings) {
    std::string properties;
    if (f->location) {
      const Location& l = *f->location;
      properties =
          "file=" + escape_annotation_property(l.path) + ",line=" + std::to_string(std::max<std::size_t>(1, l.line));
      if (l.column > 0) properties += ",col=" + std::to_string(l.column);
      if (l.end_line > 0) properties += ",endLine=" + std::to_string(l.end_line);
      if (l.end_column > 0 && l.end_line == l.line) properties += ",endColumn=" + std::to_string(l.end_column);
      properties += ",";
    }
    const std::string title = f->rule + ": " + (f->title.empty() ? f->rule : f->title);
    properties += "title=" + escape_annotation_property(title);
    std::string message = f->message.empty() ? title : f->message;
    if (!f->fix.empty()) message += "\nFix: " + f->fix;
    const std::string level(annotation_command(f->severity));
    by_level[level].push_back({level, properties, escape_annotation_data(message)});
  }
  // The closing notice is itself a notice: when it is needed, notices get one place less.
  const auto over = [&](const char* level, std::size_t cap) {
    const std::size_t n = by_level[level].size();
    return n > cap ? n - cap : 0;
  };
  const bool needs_notice = over("error", annotations_per_level) + over("warning", annotations_per_level) +
                                over("notice", annotations_per_level) >
                            0;
  std::string out;
  std::size_t hidden = 0;
  for (const char* level : {"error", "warning", "notice"}) {
    const std::size_t cap =
        needs_notice && std::string_view(level) == "notice" ? annotations_per_level - 1 : annotations_per_level;
    const auto& list = by_level[level];
    for (std::size_t i = 0; i < list.size() && i < cap; ++i) out += command(list[i]);
    hidden += over(level, cap);
  }
  if (hidden > 0) {
    out += command({"notice", "title=readygate",
                    escape_annotation_data(std::to_string(hidden) +
                                           " more findings are not annotated (GitHub shows at most 10 per level): "
                                           "see the job summary or the SARIF upload")});
  }
  return out;
}

}  // namespace readygate::report
