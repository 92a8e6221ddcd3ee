#pragma once
// Byte offsets to 1-based line and column numbers, for one file's text.
#include <cstddef>
#include <string_view>
#include <vector>

namespace readygate::scan {

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  std::size_t line_count() const { return m_starts.size(); }
  // 1-based line containing byte `offset`.
  std::size_t line_of(std::size_t offset) const;
  // 1-based column of `offset` in code points (editors' columns).
  std::size_t column_of(std::size_t offset) const;
  // The text of 1-based `line`, without its "\n" or "\r\n".
  std::string_view line_text(std::size_t line) const;
  // Lines first..last (1-based, clamped), joined as in the file.
  std::string_view lines_text(std::size_t first, std::size_t last) const;

 private:
  std::string_view m_text;
  std::vector<std::size_t> m_starts;  // offset where each line starts
};

}  // namespace readygate::scan
