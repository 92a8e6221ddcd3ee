#pragma once
// The report for people that a program prints instead of its JSON envelope (DESIGN.md, "Common
// conventions"): when it goes, and how it is painted. Colour only on a terminal, never when
// NO_COLOR is set (https://no-color.org).
#include <string>
#include <string_view>

#include "severity.hpp"

namespace readygate {

enum class OutputFormat { envelope, text };

// --format auto|text|json: auto is text when the result goes to a terminal (stdout, no -o) and
// --pretty was not asked for, the JSON envelope otherwise. Throws Error (exit 2) on any other word.
OutputFormat resolve_output_format(const std::string& format, const std::string& output, bool pretty);

enum class Paint { none, bold, dim, red, yellow, green, cyan, magenta };

class TextStyle {
 public:
  explicit TextStyle(bool colour) : m_colour(colour) {}
  // The style for a text result written to `output` ("-" is stdout): colour when that is a
  // terminal and NO_COLOR is unset.
  static TextStyle for_output(const std::string& output);

  bool colour() const { return m_colour; }
  std::string paint(Paint paint, std::string_view text) const;
  std::string severity(Severity severity) const;      // "high", painted by its weight
  std::string pass(bool passed) const;                // "✓" or "✗", green or red
  std::string section(std::string_view title) const;  // "\nTitle\n", the title in bold

 private:
  bool m_colour;
};

// Pads `text` to `width` columns (UTF-8 aware, colour codes not counted), on the right or left.
std::string pad_right(const std::string& text, std::size_t width);
std::string pad_left(const std::string& text, std::size_t width);
std::size_t display_width(std::string_view text);

}  // namespace readygate
