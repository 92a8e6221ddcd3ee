#include "markdown_writer.hpp"

#include "common/utf8.hpp"
#include "markdown_sections.hpp"

namespace readygate::report {

std::string table_cell(std::string_view text, std::size_t max_bytes) {
  std::string cell;
  for (const char c : repair_utf8(text)) {
    if (c == '|')
      cell += "\\|";
    else if (c == '\n' || c == '\r' || c == '\t')
      cell += ' ';
    else if (c == '`')
      cell += '\'';
    else
      cell += c;
  }
  if (cell.size() > max_bytes) cell = std::string(truncate_utf8(cell, max_bytes)) + "…";
  return cell;
}

std::string to_markdown(const EnvelopeSet& report, const MarkdownOptions& options) {
  std::string out;
  markdown::verdict(report, options, out);
  if (report.score) {
    markdown::blockers(*report.score, out);
    markdown::categories(*report.score, out);
  }
  markdown::findings(report, out);
  markdown::checks(report, out);
  for (const ToolRun& run : report.runs) {
    if (run.tool == "bench") markdown::load_figures(run, out);
  }
  markdown::header_audit(report, out);
  if (out.size() > max_markdown_bytes) {
    const std::string note =
        "\n\n_The summary was cut here: it would be longer than 1 MiB. The full results are in the "
        "SARIF, JUnit and JSON reports._\n";
    std::size_t cut = out.rfind('\n', max_markdown_bytes - note.size());
    out.resize(cut == std::string::npos ? 0 : cut);
    // A cut inside a ```mermaid block would swallow the note (and break the chart): close it.
    std::size_t fences = 0;
    for (std::size_t at = out.find("\n```"); at != std::string::npos; at = out.find("\n```", at + 1)) ++fences;
    if (fences % 2 == 1) out += "\n```";
    out += note;
  }
  return out;
}

}  // namespace readygate::report
