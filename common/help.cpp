#include "help.hpp"

#include <cstdio>
#include <sstream>

#include "version.hpp"

namespace readygate {

namespace {

// The whole family, for SEE ALSO.
const char* const programs[] = {"ready-scan",  "ready-bench",  "ready-healthcheck",
                                "ready-score", "ready-report", "ready-gate"};
constexpr const char* homepage = "https://github.com/readygate/readygate";

std::vector<std::string> paragraphs(const std::string& text) {
  std::vector<std::string> result;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find("\n\n", start);
    result.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 2;
  }
  return result;
}

std::string see_also(const std::string& self, const std::string& suffix) {
  std::string list;
  for (const char* program : programs) {
    if (program == self) continue;
    if (!list.empty()) list += ", ";
    list += program + suffix;
  }
  return list;
}

// roff: a line starting with '.' or '\'' would be a request, a backslash an escape, '-' a hyphen;
// anything beyond ASCII is written as \[uXXXX] (troff reads bytes, not UTF-8).
std::string roff_escape(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    line_start = c == '\n';
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      // Our own help text: valid UTF-8 of two to four bytes.
      const int length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      unsigned code = static_cast<unsigned>(c) & (0x7Fu >> length);
      for (int k = 1; k < length && i + 1 < text.size(); ++k)
        code = (code << 6) | (static_cast<unsigned char>(text[++i]) & 0x3F);
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, "\\[u%04X]", code);
      out += buffer;
    }
  }
  return out;
}

// "-c, --config FILE" (program_options writes "-c [ --config ] FILE").
std::string option_label(const boost::program_options::option_description& option) {
  std::string label = option.format_name();
  if (const auto open = label.find(" [ "); open != std::string::npos && label.back() == ']')
    label = label.substr(0, open) + ", " + label.substr(open + 3, label.size() - open - 5);
  const std::string parameter = option.format_parameter();
  if (!parameter.empty()) label += ' ' + parameter;
  return label;
}

}  // namespace

std::string wrap(const std::string& text, unsigned width, const std::string& indent) {
  std::istringstream words(text);
  std::string word, out, line = indent;
  while (words >> word) {
    if (line.size() > indent.size() && line.size() + 1 + word.size() > width) {
      out += line + '\n';
      line = indent;
    }
    if (line.size() > indent.size()) line += ' ';
    line += word;
  }
  if (line.size() > indent.size()) out += line + '\n';
  return out;
}

void write_help(std::ostream& out, const ToolSpec& spec, const boost::program_options::options_description& options,
                unsigned width) {
  const std::string indent = "    ";
  out << "NAME\n" << indent << spec.program << " - " << spec.summary << "\n\n";
  out << "SYNOPSIS\n" << indent << spec.usage << "\n\n";
  out << "DESCRIPTION\n";
  for (const std::string& paragraph : paragraphs(spec.description)) out << wrap(paragraph, width, indent) << '\n';
  out << "OPTIONS\n";
  std::ostringstream table;
  table << options;  // program_options aligns the columns itself
  std::istringstream lines(table.str());
  bool leading = true;
  for (std::string line; std::getline(lines, line);) {
    line.erase(line.find_last_not_of(' ') + 1);  // program_options pads wrapped lines
    if (leading && line.empty()) continue;
    leading = false;
    out << (line.empty() ? "" : "  ") << line << '\n';
  }
  out << "\nEXIT STATUS\n";
  for (const auto& [code, meaning] : spec.exit_status) {
    std::string text = wrap(meaning, width, indent + "    ");
    text.replace(0, indent.size() + 4, indent + std::to_string(code) + "   ");
    out << text;
  }
  if (!spec.examples.empty()) {
    out << "\nEXAMPLES\n";
    for (const auto& [command, what] : spec.examples)
      out << indent << command << '\n' << wrap(what, width, indent + "    ") << '\n';
  } else {
    out << '\n';
  }
  out << "SEE ALSO\n" << wrap(see_also(spec.program, "(1)") + "; " + homepage, width, indent);
}

void write_man_page(std::ostream& out, const ToolSpec& spec,
                    const boost::program_options::options_description& options) {
  out << ".TH " << roff_escape(spec.program) << " 1 \"\" \"readygate " << readygate_version << "\" \"readygate\"\n";
  out << ".SH NAME\n" << roff_escape(spec.program) << " \\- " << roff_escape(spec.summary) << '\n';
  out << ".SH SYNOPSIS\n.B " << roff_escape(spec.usage) << '\n';
  out << ".SH DESCRIPTION\n";
  bool first = true;
  for (const std::string& paragraph : paragraphs(spec.description)) {
    if (!first) out << ".PP\n";
    first = false;
    out << roff_escape(wrap(paragraph, 100, ""));
  }
  out << ".SH OPTIONS\n";
  for (const auto& option : options.options()) {
    out << ".TP\n.B " << roff_escape(option_label(*option)) << '\n' << roff_escape(option->description()) << '\n';
  }
  out << ".SH EXIT STATUS\n";
  for (const auto& [code, meaning] : spec.exit_status)
    out << ".TP\n.B " << code << '\n' << roff_escape(meaning) << '\n';
  if (!spec.examples.empty()) {
    out << ".SH EXAMPLES\n";
    for (const auto& [command, what] : spec.examples)
      out << ".TP\n.B " << roff_escape(command) << '\n' << roff_escape(what) << '\n';
  }
  out << ".SH SEE ALSO\n";
  std::vector<std::string> others;
  for (const char* program : programs)
    if (program != spec.program) others.emplace_back(program);
  for (std::size_t i = 0; i < others.size(); ++i)
    out << ".BR " << roff_escape(others[i]) << " (1)" << (i + 1 < others.size() ? "," : "") << '\n';
  out << ".PP\n" << homepage << '\n';
}

}  // namespace readygate
