// The Python lexer of source_layout.hpp: comments, string literals with their prefixes,
// f-strings' {…} parts as code, docstrings, and the lines a logical line spans.
#include <cctype>

#include "char_class.hpp"
#include "source_layout.hpp"

namespace readygate::scan {
namespace {

constexpr int max_nesting = 16;  // f-strings inside f-string expressions, and so on

// r, u, b, f, br, rb, fr, rf in any case.
bool is_string_prefix(std::string_view word) {
  if (word.empty() || word.size() > 2) return false;
  bool raw = false, bytes = false, format = false, unicode = false;
  for (const char c : word) {
    switch (std::tolower(static_cast<unsigned char>(c))) {
      case 'r':
        if (raw) return false;
        raw = true;
        break;
      case 'b':
        if (bytes) return false;
        bytes = true;
        break;
      case 'f':
        if (format) return false;
        format = true;
        break;
      case 'u':
        if (unicode) return false;
        unicode = true;
        break;
      default:
        return false;
    }
  }
  return !(unicode && word.size() > 1) && !(bytes && format);
}

class PythonLexer {
 public:
  explicit PythonLexer(std::string_view text) : m_text(text) {}

  SourceLayout run() {
    code(0, '\0', 0, false);
    end_logical_line();
    m_out.finish();
    return std::move(m_out);
  }

 private:
  bool at(std::size_t i, char c) const { return i < m_text.size() && m_text[i] == c; }

  // A newline at `i` was consumed; `continues`: the next line belongs to this statement.
  void newline(bool continues) {
    ++m_line;
    if (continues) m_out.continue_line(m_line);
  }

  // Something other than a string or a comment at the top level: this logical line is not
  // only strings, so it is no docstring.
  void significant(bool top) {
    if (!top) return;
    m_line_start = false;
    m_candidate = false;
  }

  void end_logical_line() {
    if (m_candidate) {
      for (std::size_t i = m_candidate_string; i < m_out.strings().size(); ++i)
        m_out.strings_to_edit()[i].docstring = true;
      auto& regions = m_out.regions_to_edit();
      for (std::size_t i = m_candidate_region; i < regions.size(); ++i) {
        if (regions[i].kind == TextKind::string) regions[i].kind = TextKind::docstring;
      }
    }
    m_candidate = false;
    m_line_start = true;
  }

  // Code from `pos` until `close` at bracket depth 0 (or the end of the text when close is
  // NUL); returns the position after `close`. Inside a one-line f-string, a newline ends it.
  std::size_t code(std::size_t pos, char close, int nesting, bool stop_at_newline) {
    int depth = 0;
    const bool top_level = close == '\0';
    while (pos < m_text.size()) {
      const auto c = static_cast<unsigned char>(m_text[pos]);
      const bool top = top_level && depth == 0;
      if (c == '#') {
        std::size_t end = m_text.find('\n', pos);
        if (end == std::string_view::npos) end = m_text.size();
        m_out.add_region(pos, end, TextKind::comment);
        pos = end;
      } else if (c == '\\' && (at(pos + 1, '\n') || (at(pos + 1, '\r') && at(pos + 2, '\n')))) {
        pos += at(pos + 1, '\r') ? 3U : 2U;
        newline(true);
      } else if (c == '\n') {
        if (stop_at_newline && !top_level) return pos;
        ++pos;
        const bool continues = !top_level || depth > 0;
        newline(continues);
        if (!continues) end_logical_line();
      } else if (c == '(' || c == '[' || c == '{') {
        significant(top);
        ++depth;
        ++pos;
      } else if (c == ')' || c == ']' || c == '}') {
        if (!top_level && depth == 0 && c == static_cast<unsigned char>(close)) return pos + 1;
        if (depth > 0) --depth;
        significant(top_level && depth == 0);
        ++pos;
      } else if (c == '"' || c == '\'') {
        pos = string_literal(pos, pos, nesting, top);
      } else if (is_name_char(c)) {
        std::size_t end = pos;
        while (end < m_text.size() && is_name_char(static_cast<unsigned char>(m_text[end]))) ++end;
        if ((at(end, '"') || at(end, '\'')) && is_string_prefix(m_text.substr(pos, end - pos))) {
          pos = string_literal(pos, end, nesting, top);
        } else {
          significant(top);
          pos = end;
        }
      } else if (c == ';' && top) {
        end_logical_line();
        ++pos;
      } else {
        if (!is_space(c)) significant(top);
        ++pos;
      }
    }
    return pos;
  }

  // The literal whose prefix starts at `begin` and whose quote is at `quote_at`.
  std::size_t string_literal(std::size_t begin, std::size_t quote_at, int nesting, bool top) {
    StringLiteral literal;
    literal.begin = begin;
    bool raw = false, format = false;
    for (std::size_t i = begin; i < quote_at; ++i) {
      const char p = static_cast<char>(std::tolower(static_cast<unsigned char>(m_text[i])));
      raw = raw || p == 'r';
      format = format || p == 'f';
    }
    (void)raw;  // a backslash escapes the quote in raw strings too: the same scan serves both
    const char quote = m_text[quote_at];
    const bool triple = at(quote_at + 1, quote) && at(quote_at + 2, quote);
    literal.content_begin = quote_at + (triple ? 3 : 1);
    if (top && m_line_start) {  // a logical line that starts with a string: maybe only strings
      m_candidate = true;
      m_candidate_string = m_out.strings().size();
      m_candidate_region = m_out.regions().size();
    }
    if (top) m_line_start = false;

    std::size_t i = literal.content_begin, segment = i;
    literal.content_end = literal.end = m_text.size();
    while (i < m_text.size()) {
      const char c = m_text[i];
      if (c == '\\') {
        if (at(i + 1, '\n')) newline(true);
        i += 2;
        continue;
      }
      if (c == quote && (!triple || (at(i + 1, quote) && at(i + 2, quote)))) {
        literal.content_end = i;
        literal.end = i + (triple ? 3 : 1);
        break;
      }
      if (c == '\n') {
        if (!triple) {  // unterminated: it ends with its line
          literal.content_end = literal.end = i;
          break;
        }
        newline(true);
      }
      if (format && c == '{') {
        if (at(i + 1, '{')) {
          i += 2;
          continue;
        }
        if (nesting < max_nesting) {
          m_out.add_region(segment, i, TextKind::string);
          i = code(i + 1, '}', nesting + 1, !triple);
          literal.interpolated = true;
          segment = i;
          continue;
        }
      }
      ++i;
    }
    if (literal.end > m_text.size()) literal.end = m_text.size();
    m_out.add_region(segment, std::max(segment, literal.content_end), TextKind::string);
    m_out.add_string(literal);
    return std::max(literal.end, begin + 1);
  }

  std::string_view m_text;
  SourceLayout m_out{true};
  std::size_t m_line = 1;
  bool m_line_start = true;  // nothing significant yet on this logical line
  bool m_candidate = false;  // this logical line is, so far, only string literals
  std::size_t m_candidate_string = 0, m_candidate_region = 0;
};

}  // namespace

SourceLayout lex_python(std::string_view text) { return PythonLexer(text).run(); }

}  // namespace readygate::scan
