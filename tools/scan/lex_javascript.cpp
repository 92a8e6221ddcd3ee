// The JavaScript/TypeScript lexer of source_layout.hpp (and, without regex literals and JSX,
// the one for other C-family languages): // and /* */ comments, '…' "…" strings, template
// literals with ${…} as code, regex literals, JSX text, and the lines an expression spans
// inside ( or [.
#include <algorithm>
#include <array>
#include <cctype>

#include "char_class.hpp"
#include "source_layout.hpp"

namespace readygate::scan {
namespace {

constexpr int max_nesting = 16;                   // templates in templates, JSX in JSX, …
constexpr std::size_t max_jsx_element = 1 << 16;  // an element that does not close by then is not JSX

// Words after which an expression (so a regex literal or JSX) may start.
bool keyword_before_expression(std::string_view word) {
  // Asked for every word of a file: most are rejected by their length or first letter.
  if (word.size() < 2 || word.size() > 10) return false;
  switch (word[0]) {
    case 'r':
    case 't':
    case 'i':
    case 'o':
    case 'n':
    case 'd':
    case 'v':
    case 'c':
    case 'e':
    case 'y':
    case 'a':
      break;
    default:
      return false;
  }
  static constexpr std::array words{"return", "typeof", "instanceof", "in",   "of",    "new",   "delete", "void",
                                    "throw",  "case",   "do",         "else", "yield", "await", "default"};
  return std::find(words.begin(), words.end(), word) != words.end();
}

class JavaScriptLexer {
 public:
  JavaScriptLexer(std::string_view text, bool jsx, bool regex_literals)
      : m_text(text), m_jsx(jsx), m_regex(regex_literals) {}

  SourceLayout run() {
    code(0, '\0', 0);
    m_out.finish();
    return std::move(m_out);
  }

 private:
  bool at(std::size_t i, char c) const { return i < m_text.size() && m_text[i] == c; }

  void newline(bool continues) {
    ++m_line;
    if (continues) m_out.continue_line(m_line);
  }

  // Code from `pos` to `close` at depth 0 (NUL: the end); returns the position after it.
  std::size_t code(std::size_t pos, char close, int nesting) {
    // ( and [ inside the innermost { … }: a newline there continues the expression.
    std::vector<int> parens{0};
    int braces = 0;
    bool expression_may_start = true;  // the previous token lets a regex or JSX start here
    std::string_view last_word;        // the previous token, when it was a word (decided when the next comes)
    while (pos < m_text.size()) {
      const auto c = static_cast<unsigned char>(m_text[pos]);
      // The common bytes first: names and white space say nothing about nesting.
      if (is_name_char(c)) {
        std::size_t end = pos + 1;
        while (end < m_text.size() && is_name_char(static_cast<unsigned char>(m_text[end]))) ++end;
        last_word = m_text.substr(pos, end - pos);
        pos = end;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r') {
        ++pos;
        continue;
      }
      if (!last_word.empty()) {
        expression_may_start = keyword_before_expression(last_word);
        last_word = {};
      }
      if (c == '/' && at(pos + 1, '/')) {
        std::size_t end = m_text.find('\n', pos);
        if (end == std::string_view::npos) end = m_text.size();
        m_out.add_region(pos, end, TextKind::comment);
        pos = end;
      } else if (c == '/' && at(pos + 1, '*')) {
        std::size_t end = m_text.find("*/", pos + 2);
        end = end == std::string_view::npos ? m_text.size() : end + 2;
        for (std::size_t i = pos; i < end; ++i) {
          if (m_text[i] == '\n') newline(parens.back() > 0);
        }
        m_out.add_region(pos, end, TextKind::comment);
        pos = end;
      } else if (c == '\n') {
        newline(parens.back() > 0 || close != '\0');
        ++pos;
      } else if (c == '"' || c == '\'') {
        pos = quoted(pos);
        expression_may_start = false;
      } else if (c == '`') {
        pos = template_literal(pos, nesting);
        expression_may_start = false;
      } else if (c == '/' && m_regex && expression_may_start) {
        pos = regex_literal(pos);
        expression_may_start = false;
      } else if (c == '<' && m_jsx && expression_may_start && nesting < max_nesting && looks_like_jsx(pos)) {
        const std::size_t end = jsx_element(pos, nesting + 1);
        if (end == 0) {  // not JSX after all: an operator
          ++pos;
          expression_may_start = true;
        } else {
          pos = end;
          expression_may_start = false;
        }
      } else if (c == '(' || c == '[') {
        ++parens.back();
        ++pos;
        expression_may_start = true;
      } else if (c == ')' || c == ']') {
        if (parens.back() > 0) --parens.back();
        ++pos;
        expression_may_start = false;
      } else if (c == '{') {
        ++braces;
        parens.push_back(0);
        ++pos;
        expression_may_start = true;
      } else if (c == '}') {
        if (close == '}' && braces == 0) return pos + 1;
        if (braces > 0) {
          --braces;
          parens.pop_back();
        }
        ++pos;
        expression_may_start = true;
      } else {
        if (!is_space(c)) expression_may_start = true;  // an operator or punctuation
        ++pos;
      }
    }
    return pos;
  }

  // '…' or "…"; an unterminated one ends with its line.
  std::size_t quoted(std::size_t pos) {
    const char quote = m_text[pos];
    StringLiteral literal;
    literal.begin = pos;
    literal.content_begin = pos + 1;
    std::size_t i = pos + 1;
    literal.content_end = literal.end = m_text.size();
    while (i < m_text.size()) {
      const char c = m_text[i];
      if (c == '\\') {
        if (at(i + 1, '\n')) newline(true);
        i += 2;
        continue;
      }
      if (c == quote) {
        literal.content_end = i;
        literal.end = i + 1;
        break;
      }
      if (c == '\n') {
        literal.content_end = literal.end = i;
        break;
      }
      ++i;
    }
    literal.end = std::min(literal.end, m_text.size());
    literal.content_end = std::min(literal.content_end, literal.end);
    m_out.add_region(literal.content_begin, literal.content_end, TextKind::string);
    m_out.add_string(literal);
    return std::max(literal.end, pos + 1);
  }

  std::size_t template_literal(std::size_t pos, int nesting) {
    StringLiteral literal;
    literal.begin = pos;
    literal.content_begin = pos + 1;
    literal.template_literal = true;
    std::size_t i = pos + 1, segment = i;
    literal.content_end = literal.end = m_text.size();
    while (i < m_text.size()) {
      const char c = m_text[i];
      if (c == '\\') {
        if (at(i + 1, '\n')) newline(true);
        i += 2;
        continue;
      }
      if (c == '`') {
        literal.content_end = i;
        literal.end = i + 1;
        break;
      }
      if (c == '\n') newline(true);
      if (c == '$' && at(i + 1, '{') && nesting < max_nesting) {
        m_out.add_region(segment, i, TextKind::string);
        i = code(i + 2, '}', nesting + 1);
        literal.interpolated = true;
        segment = i;
        continue;
      }
      ++i;
    }
    literal.end = std::min(literal.end, m_text.size());
    literal.content_end = std::min(literal.content_end, literal.end);
    m_out.add_region(segment, std::max(segment, literal.content_end), TextKind::string);
    m_out.add_string(literal);
    return std::max(literal.end, pos + 1);
  }

  // /…/flags: a class [...] may hold '/'; a line break ends an unterminated one.
  std::size_t regex_literal(std::size_t pos) {
    std::size_t i = pos + 1;
    bool in_class = false;
    while (i < m_text.size() && m_text[i] != '\n') {
      const char c = m_text[i];
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '[') in_class = true;
      if (c == ']') in_class = false;
      if (c == '/' && !in_class) break;
      ++i;
    }
    const std::size_t content_end = std::min(i, m_text.size());
    m_out.add_region(pos + 1, content_end, TextKind::string);
    if (i < m_text.size() && m_text[i] == '/') ++i;
    while (i < m_text.size() && is_alpha(static_cast<unsigned char>(m_text[i]))) ++i;
    return std::max(i, pos + 1);
  }

  // '<' followed by a tag name or '>' (a fragment), and not a TypeScript generic (<T,> or
  // <T extends …>).
  bool looks_like_jsx(std::size_t pos) const {
    if (at(pos + 1, '>')) return true;
    if (pos + 1 >= m_text.size() || !is_alpha(static_cast<unsigned char>(m_text[pos + 1]))) return false;
    std::size_t end = pos + 1;
    while (end < m_text.size() && (is_name_char(static_cast<unsigned char>(m_text[end])) || m_text[end] == '.' ||
                                   m_text[end] == '-' || m_text[end] == ':')) {
      ++end;
    }
    if (at(end, ',')) return false;
    const std::string_view rest = m_text.substr(end, 9);
    return rest.substr(0, 9) != " extends ";
  }

  // One JSX element from its '<'; returns the position after it, or 0 when it does not close
  // within max_jsx_element bytes (then it was not JSX: nothing it added is kept).
  std::size_t jsx_element(std::size_t pos, int nesting) {
    const SourceLayout::Mark mark = m_out.mark(m_line);
    const std::size_t end = jsx_element_inner(pos, nesting);
    if (end == 0) {
      m_out.rewind(mark, m_line);
      m_line = mark.line;
    }
    return end;
  }

  std::size_t jsx_element_inner(std::size_t pos, int nesting) {
    const std::size_t limit = std::min(m_text.size(), pos + max_jsx_element);
    std::size_t i = pos + 1;
    // The tag and its attributes.
    while (i < limit && m_text[i] != '>') {
      const char c = m_text[i];
      if (c == '/' && at(i + 1, '>')) return i + 2;  // self-closing
      if (c == '"' || c == '\'') {
        i = quoted(i);
      } else if (c == '{') {
        i = code(i + 1, '}', nesting);
      } else {
        if (c == '\n') newline(true);
        ++i;
      }
    }
    if (i >= limit) return 0;
    ++i;  // '>'
    // The children: text, {expressions}, elements, up to the closing tag.
    std::size_t text_start = i;
    while (i < limit) {
      const char c = m_text[i];
      if (c == '{' || c == '<') {
        m_out.add_region(text_start, i, TextKind::string);
        if (c == '{') {
          i = code(i + 1, '}', nesting);
        } else if (at(i + 1, '/')) {
          const std::size_t close = m_text.find('>', i);
          return close == std::string_view::npos || close >= limit ? 0 : close + 1;
        } else {
          if (nesting >= max_nesting) return 0;
          const std::size_t end = jsx_element_inner(i, nesting + 1);
          if (end == 0) return 0;
          i = end;
        }
        text_start = i;
        continue;
      }
      if (c == '\n') newline(true);
      ++i;
    }
    return 0;
  }

  std::string_view m_text;
  bool m_jsx, m_regex;
  SourceLayout m_out{true};
  std::size_t m_line = 1;
};

}  // namespace

SourceLayout lex_javascript(std::string_view text, bool jsx, bool regex_literals) {
  return JavaScriptLexer(text, jsx, regex_literals).run();
}

}  // namespace readygate::scan
