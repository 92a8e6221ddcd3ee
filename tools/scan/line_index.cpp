#include "line_index.hpp"

#include <algorithm>
#include <cstring>

#include "common/utf8.hpp"

namespace readygate::scan {

LineIndex::LineIndex(std::string_view text) : m_text(text) {
  m_starts.push_back(0);
  const char* begin = text.data();
  const char* end = begin + text.size();
  for (const char* p = begin; p < end;) {
    const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (!nl) break;
    p = static_cast<const char*>(nl) + 1;
    if (p < end) m_starts.push_back(static_cast<std::size_t>(p - begin));
  }
}

std::size_t LineIndex::line_of(std::size_t offset) const {
  const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
  return static_cast<std::size_t>(it - m_starts.begin());
}

std::size_t LineIndex::column_of(std::size_t offset) const {
  const std::size_t start = m_starts[line_of(offset) - 1];
  return count_code_points(m_text.substr(start, offset - start)) + 1;
}

std::string_view LineIndex::line_text(std::size_t line) const { return lines_text(line, line); }

std::string_view LineIndex::lines_text(std::size_t first, std::size_t last) const {
  first = std::clamp<std::size_t>(first, 1, m_starts.size());
  last = std::clamp<std::size_t>(last, first, m_starts.size());
  const std::size_t begin = m_starts[first - 1];
  std::size_t end = last < m_starts.size() ? m_starts[last] : m_text.size();
  if (end > begin && m_text[end - 1] == '\n') --end;
  if (end > begin && m_text[end - 1] == '\r') --end;
  return m_text.substr(begin, end - begin);
}

}  // namespace readygate::scan
