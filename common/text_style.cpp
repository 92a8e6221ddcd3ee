#include "text_style.hpp"

#include <unistd.h>

#include <cstdlib>

#include "error.hpp"

namespace readygate {

OutputFormat resolve_output_format(const std::string& format, const std::string& output, bool pretty) {
  if (format == "json") return OutputFormat::envelope;
  if (format == "text") return OutputFormat::text;
  if (format != "auto") throw_input_error("--format: expected auto, text or json, got '" + format + "'");
  const bool terminal = output == "-" && isatty(STDOUT_FILENO) == 1;
  return terminal && !pretty ? OutputFormat::text : OutputFormat::envelope;
}

TextStyle TextStyle::for_output(const std::string& output) {
  const char* no_colour = std::getenv("NO_COLOR");
  return TextStyle(output == "-" && isatty(STDOUT_FILENO) == 1 && (no_colour == nullptr || *no_colour == '\0'));
}

std::string TextStyle::paint(Paint paint, std::string_view text) const {
  if (!m_colour || paint == Paint::none) return std::string(text);
  const char* code = "";
  switch (paint) {
    case Paint::none:
      break;
    case Paint::bold:
      code = "1";
      break;
    case Paint::dim:
      code = "2";
      break;
    case Paint::red:
      code = "1;31";
      break;
    case Paint::yellow:
      code = "33";
      break;
    case Paint::green:
      code = "32";
      break;
    case Paint::cyan:
      code = "36";
      break;
    case Paint::magenta:
      code = "35";
      break;
  }
  return "\033[" + std::string(code) + "m" + std::string(text) + "\033[0m";
}

std::string TextStyle::severity(Severity severity) const {
  const auto name = to_string(severity);
  switch (severity) {
    case Severity::critical:
    case Severity::high:
      return paint(Paint::red, name);
    case Severity::medium:
      return paint(Paint::yellow, name);
    case Severity::low:
      return paint(Paint::cyan, name);
    case Severity::info:
      return paint(Paint::dim, name);
  }
  return std::string(name);
}

std::string TextStyle::pass(bool passed) const { return passed ? paint(Paint::green, "✓") : paint(Paint::red, "✗"); }

std::string TextStyle::section(std::string_view title) const { return "\n" + paint(Paint::bold, title) + "\n"; }

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == 0x1b) {  // an SGR sequence: ESC [ … m
      while (i < text.size() && text[i] != 'm') ++i;
      continue;
    }
    if ((byte & 0xC0) != 0x80) ++width;  // count code points, not continuation bytes
  }
  return width;
}

std::string pad_right(const std::string& text, std::size_t width) {
  const std::size_t have = display_width(text);
  return have >= width ? text : text + std::string(width - have, ' ');
}

std::string pad_left(const std::string& text, std::size_t width) {
  const std::size_t have = display_width(text);
  return have >= width ? text : std::string(width - have, ' ') + text;
}

}  // namespace readygate
