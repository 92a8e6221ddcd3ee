#include "scan_text.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "common/error.hpp"
#include "common/finding_counts.hpp"
#include "scan_report.hpp"

namespace readygate::scan {
namespace {

constexpr Severity severities[] = {Severity::critical, Severity::high, Severity::medium, Severity::low, Severity::info};

std::string file_of(const readygate::Finding& f) {
  if (f.location) return f.location->path;
  return f.target.empty() ? "(no file)" : f.target;
}

std::string plural(std::size_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string duration(long long ms) {
  if (ms < 1000) return std::to_string(ms) + " ms";
  const long long tenths = (ms + 50) / 100;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " s";
}

// The snippet, indented, with the match marked: inverse video in colour, a caret line without.
void snippet_lines(const TextFinding& t, const TextStyle& style, std::string& out) {
  if (!t.finding.location || t.finding.location->snippet.empty()) return;
  std::string snippet = t.finding.location->snippet;
  std::replace(snippet.begin(), snippet.end(), '\t', ' ');  // one column each, like the caret line
  const std::string indent = "    ";
  if (!t.mark || t.mark->second > snippet.size() || t.mark->first >= t.mark->second) {
    out += indent + style.paint(Paint::dim, snippet) + "\n";
    return;
  }
  const auto [begin, end] = *t.mark;
  const std::string before = snippet.substr(0, begin), match = snippet.substr(begin, end - begin),
                    after = snippet.substr(end);
  if (style.colour()) {
    out += indent + before + "\033[7m" + match + "\033[27m" + after + "\n";  // inverse video
  } else {
    out += indent + snippet + "\n";
    out += indent + std::string(display_width(before), ' ') +
           std::string(std::max<std::size_t>(1, display_width(match)), '^') + "\n";
  }
}

std::string summary_line(const ScanText& scan, std::size_t shown, const std::map<Severity, std::size_t>& by_severity,
                         std::size_t suppressed, std::size_t unchanged, const TextStyle& style) {
  std::string line = plural(scan.totals.files, "file") + " scanned: ";
  if (shown == 0) {
    line += style.paint(Paint::green, "no findings");
  } else {
    std::string counts;
    for (const auto s : severities) {
      const auto it = by_severity.find(s);
      if (it == by_severity.end()) continue;
      counts += (counts.empty() ? "" : ", ") + std::to_string(it->second) + " " + style.severity(s);
    }
    line += style.paint(Paint::bold, plural(shown, "finding")) + " (" + counts + ")";
  }
  line += ", " + std::to_string(suppressed) + " suppressed";
  if (unchanged > 0) line += ", " + std::to_string(unchanged) + " in the baseline";
  line += ", " + std::to_string(scan.totals.skipped) + " skipped, in " + duration(scan.totals.duration_ms);
  return line + "\n";
}

}  // namespace

std::string render_scan_text(const ScanText& scan, const TextStyle& style) {
  std::vector<const TextFinding*> shown;
  std::size_t suppressed = 0, unchanged = 0;
  std::map<Severity, std::size_t> by_severity;
  std::map<std::string, Severity> worst;
  for (const auto& t : scan.findings) {
    if (t.finding.suppressed()) {
      ++suppressed;
    } else if (!is_open(t.finding)) {
      ++unchanged;
    } else {
      shown.push_back(&t);
      ++by_severity[t.finding.severity];
      const auto [at, added] = worst.emplace(file_of(t.finding), t.finding.severity);
      if (!added) at->second = std::max(at->second, t.finding.severity);
    }
  }
  std::stable_sort(shown.begin(), shown.end(), [&](const TextFinding* a, const TextFinding* b) {
    const auto key = [&](const TextFinding* t) {
      const auto& f = t->finding;
      const std::string file = file_of(f);
      return std::make_tuple(-static_cast<int>(worst.at(file)), file, f.location ? f.location->line : 0,
                             f.location ? f.location->column : 0, f.rule);
    };
    return key(a) < key(b);
  });

  std::string out, previous_file;
  for (const auto* t : shown) {
    const auto& f = t->finding;
    const std::string file = file_of(f);
    if (!out.empty() && file != previous_file) out += "\n";  // a blank line between files
    previous_file = file;
    std::string where = file;
    if (f.location) where += ":" + std::to_string(f.location->line) + ":" + std::to_string(f.location->column);
    out += style.paint(Paint::bold, where) + "  " + pad_right(style.severity(f.severity), 8) + "  " +
           style.paint(Paint::cyan, f.rule) + "  " + f.message;
    if (f.role && *f.role != Role::product)
      out += style.paint(Paint::dim, "  [" + std::string(to_string(*f.role)) + "]");
    out += "\n";
    snippet_lines(*t, style, out);
  }
  if (!shown.empty()) out += "\n";
  out += summary_line(scan, shown.size(), by_severity, suppressed, unchanged, style);
  return out;
}

ScanText scan_text_of(const ScanResult& result, const std::vector<Rule>& rules, long long duration_ms) {
  ScanText text;
  text.findings.reserve(result.findings.size());
  for (const auto& f : result.findings) text.findings.push_back({to_finding(f, rules[f.rule]), f.snippet_mark});
  const ScanStats& s = result.stats;
  text.totals = {s.files, s.skipped_binary + s.skipped_too_large + s.vendored + s.generated, duration_ms};
  return text;
}

ScanText scan_text_of(const std::vector<SourcedEnvelope>& envelopes) {
  ScanText text;
  for (const auto& e : envelopes) {
    const auto& d = e.document;
    if (!d.is_object() || d.value("tool", "") != "scan")
      throw_input_error(e.source + ": not a ready-scan envelope (\"tool\": \"scan\")");
    const auto summary = d.find("summary");
    if (summary == d.end() || !summary->is_object()) continue;
    const auto count = [&](const nlohmann::json& object, const char* key) -> std::size_t {
      const auto it = object.find(key);
      return it != object.end() && it->is_number_unsigned() ? it->get<std::size_t>() : 0;
    };
    text.totals.files += count(*summary, "files");
    if (const auto skipped = summary->find("skipped"); skipped != summary->end() && skipped->is_object()) {
      for (const char* key : {"binary", "too_large", "vendored", "generated"})
        text.totals.skipped += count(*skipped, key);
    }
    if (const auto ms = summary->find("duration_ms"); ms != summary->end() && ms->is_number_integer()) {
      text.totals.duration_ms += ms->get<long long>();
    }
  }
  for (auto& run : gather_envelopes(envelopes).runs) {
    for (auto& f : run.findings) text.findings.push_back({std::move(f), std::nullopt});
  }
  return text;
}

}  // namespace readygate::scan
