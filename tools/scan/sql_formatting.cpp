// The "sql-formatting" analyzer (analyzers.hpp).
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "analyzers.hpp"
#include "char_class.hpp"
#include "provenance.hpp"

namespace readygate::scan {
namespace {

// Reads as SQL: a statement's start (keywords all upper- or all lower-case, as people write
// them; "Select a file from…" is prose), or an upper-case clause that is appended to one.
// A cheap look before the expressions: does the text start (after white space and a '(') with
// a word a statement can start with?
bool starts_like_sql(std::string_view content) {
  std::size_t i = content.find_first_not_of(" \t\r\n(");
  if (i == std::string_view::npos) return false;
  char word[8] = {};
  std::size_t n = 0;
  for (; i < content.size() && n < 7 && is_alpha(static_cast<unsigned char>(content[i])); ++i) {
    word[n++] = static_cast<char>(std::tolower(static_cast<unsigned char>(content[i])));
  }
  const std::string_view w(word, n);
  return w == "select" || w == "insert" || w == "update" || w == "delete" || w == "replace" || w == "with" ||
         w == "merge";
}

bool reads_as_sql(std::string_view content, bool clauses) {
  static const RE2 statement(
      R"(^\s*\(?\s*(?:SELECT\s[\s\S]*?\sFROM\s|INSERT\s+(?:OR\s+[A-Z]+\s+)?INTO\s|UPDATE\s+\S+\s+SET\s|DELETE\s+FROM\s|REPLACE\s+INTO\s|MERGE\s+INTO\s|WITH\s+(?:RECURSIVE\s+)?[\w"]+(?:\s*\([^)]*\))?\s+AS\s*\())");
  // Lower-case SQL is as common, and so is prose that starts like it ("delete from your
  // account", "select one from the list"): the word after FROM or INTO must not be English.
  static const RE2 lower_statement(
      R"(^\s*\(?\s*(?:select\s[\s\S]*?\sfrom|insert\s+(?:or\s+[a-z]+\s+)?into|delete\s+from|replace\s+into)\s+([\w."`\[\]{}$]+)|^\s*\(?\s*(?:update\s+\S+\s+set\s|with\s+(?:recursive\s+)?[\w"]+(?:\s*\([^)]*\))?\s+as\s*\())");
  static const RE2 english(
      R"((?i)the|a|an|your|my|our|their|this|that|these|those|his|her|its|which|what|one|all|any|each|every|some|here|there|it|them|list|menu)");
  static const RE2 clause(
      R"(^\s*(?:WHERE|AND|OR|ORDER\s+BY|GROUP\s+BY|HAVING|LIMIT|OFFSET|VALUES|SET|(?:LEFT\s+|INNER\s+)?JOIN)\s+\S)");
  const re2::StringPiece piece(content.data(), content.size());
  if (RE2::PartialMatch(piece, statement) || (clauses && RE2::PartialMatch(piece, clause))) return true;
  re2::StringPiece table;
  if (!RE2::PartialMatch(piece, lower_statement, &table)) return false;
  return !table.data() || !RE2::FullMatch(table, english);
}

// Placeholder lists built for parameters are not values: ",".join("?" * n), {placeholders}.
bool builds_placeholders(std::string_view code) {
  static const RE2 placeholders(
      R"((?i)placeholder|qmark|\bmarks\b|\bbind\w*|param_?list|['"][?%]s?['"]\s*\*|['"],\s*['"]\s*\.join\s*\(\s*(?:\[\s*)?(?:\(\s*)?(?:['"]|\w*(?:placeholder|qmark|marks|param))|\.join\s*\(\s*\[?\s*['"][?%]s?['"])");
  return RE2::PartialMatch(re2::StringPiece(code.data(), code.size()), placeholders);
}

// Values passed through a quoting or escaping function (or made numbers) are safe whatever
// they held.
bool quoted_values(std::string_view code) {
  static const RE2 quoting(
      R"((?i)quote_?(?:name|ident\w*|table|column|schema)|\bqn2?\s*\(|\bquote\s*\(|escape(?:_?(?:id\w*|string|literal|name))?\s*\(|wrap_?single_?quote|\.literal\s*\(|\bquoted\w*|\bescaped\w*|\bformat_(?:table|column|sequence|schema|label|constraint|index)\w*\s*\(|\bidentifier_preparer\b|\b(?:int|float)\s*\()");
  return RE2::PartialMatch(re2::StringPiece(code.data(), code.size()), quoting);
}

}  // namespace

enum class SqlValues { from_outside, from_inside };

constexpr std::array<std::string_view, 17> sql_sinks{
    "execute", "executemany", "executescript",   "mogrify",           "raw",       "RawSQL",
    "extra",   "query",       "whereRaw",        "orWhereRaw",        "havingRaw", "orderByRaw",
    "joinRaw", "selectRaw",   "$queryRawUnsafe", "$executeRawUnsafe", "unsafe"};

namespace {

class SqlFinder {
 public:
  SqlFinder(const FileContext& file, const MatchSink& sink, SqlValues wanted)
      : m_text(file.text()),
        m_layout(file.layout()),
        m_file(file),
        m_sink(sink),
        m_python(file.language() == "python"),
        m_wanted(wanted) {}

  void run() {
    // Calls first: a statement is reported once, at the call when there is one.
    sink_calls();
    literal_groups();
  }

 private:
  // The next code character at or after `pos` (skipping white space and comments), or npos.
  // The layout is asked only where a comment may start: this runs for every literal.
  std::size_t next_code(std::size_t pos) const {
    while (pos < m_text.size()) {
      const char c = m_text[pos];
      if ((c == '#' || c == '/') && m_layout.kind_at(pos) == TextKind::comment) {
        while (pos < m_text.size() && m_layout.kind_at(pos) == TextKind::comment) ++pos;
        continue;
      }
      if (c == '\\' && pos + 1 < m_text.size() && m_text[pos + 1] == '\n') {
        pos += 2;
        continue;
      }
      if (!is_space(static_cast<unsigned char>(c))) return pos;
      ++pos;
    }
    return std::string_view::npos;
  }

  std::size_t statement_start(std::size_t pos) const {
    const std::size_t line = m_layout.statement_first_line(m_file.lines().line_of(pos));
    return static_cast<std::size_t>(m_file.lines().line_text(line).data() - m_text.data());
  }

  // The previous code character before `pos`, or npos.
  std::size_t previous_code(std::size_t pos) const {
    while (pos > 0) {
      --pos;
      if (m_layout.kind_at(pos) == TextKind::comment) continue;
      if (!is_space(static_cast<unsigned char>(m_text[pos]))) return pos;
    }
    return std::string_view::npos;
  }

  bool starts_string(std::size_t pos, std::size_t& index) const {
    const auto& strings = m_layout.strings();
    const auto it = std::lower_bound(strings.begin(), strings.end(), pos,
                                     [](const StringLiteral& l, std::size_t o) { return l.begin < o; });
    if (it == strings.end() || it->begin != pos) return false;
    index = static_cast<std::size_t>(it - strings.begin());
    return true;
  }

  // An operand after `+` at `pos` that is not a string literal: a value joined in (unless it
  // is a list of placeholders).
  bool value_operand_at(std::size_t pos) const {
    if (pos == std::string_view::npos) return false;
    std::size_t index = 0;
    if (starts_string(pos, index)) return m_layout.strings()[index].interpolated;
    const auto c = static_cast<unsigned char>(m_text[pos]);
    if (!((is_name_char(c) && !is_digit(c)) || c == '(' || c == '[')) return false;
    std::size_t end = pos;
    while (end < m_text.size() && (is_name_char(static_cast<unsigned char>(m_text[end])) || m_text[end] == '.')) ++end;
    return !builds_placeholders(m_text.substr(pos, end - pos));
  }

  // Formatting applied right after the literal group that ends at `end`: % (with a format
  // in the text), .format(, .replace(, or + with a value.
  bool formatted_after(std::size_t end, std::string_view content) const {
    const std::size_t next = next_code(end);
    if (next == std::string_view::npos) return false;
    const char c = m_text[next];
    if (c == '%' && m_python) {
      if (next + 1 < m_text.size() && m_text[next + 1] == '=') return false;
      if (builds_placeholders(m_text.substr(next, 200))) return false;  // % ",".join(["%s"] * n)
      static const RE2 format(R"(%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdrifxXeEgGcoab])");
      return RE2::PartialMatch(re2::StringPiece(content.data(), content.size()), format);
    }
    if (c == '.') {
      const std::string_view rest = m_text.substr(next, 10);
      return rest.substr(0, 7) == ".format" || rest.substr(0, 8) == ".replace";
    }
    if (c == '+') return value_operand_at(next_code(next + 1));
    return false;
  }

  bool value_before(std::size_t begin) const {
    const std::size_t before = previous_code(begin);
    if (before == std::string_view::npos || m_text[before] != '+') return false;
    const std::size_t operand = previous_code(before);
    if (operand == std::string_view::npos) return false;
    const auto c = static_cast<unsigned char>(m_text[operand]);
    if (m_layout.kind_at(operand) != TextKind::code) return false;
    return is_name_char(c) || c == ')' || c == ']';
  }

  // A template literal with a tag (sql`…`, Prisma.sql`…`, sql<Row>`…`) is escaped by its tag.
  bool tagged(const StringLiteral& literal) const {
    if (!literal.template_literal) return false;
    std::size_t before = literal.begin;
    while (before > 0 && (m_text[before - 1] == ' ' || m_text[before - 1] == '\t')) --before;
    if (before > 0 && m_text[before - 1] == '>') {  // a type argument: back to its '<' on this line
      const std::size_t line_start = m_text.rfind('\n', before - 1);
      const std::size_t open = m_text.rfind('<', before - 1);
      if (open == std::string_view::npos || (line_start != std::string_view::npos && open < line_start)) return false;
      before = open;
    }
    return before > 0 && (is_name_char(static_cast<unsigned char>(m_text[before - 1])) || m_text[before - 1] == ')');
  }

  std::string_view content_of(const StringLiteral& l) const {
    return m_text.substr(l.content_begin, l.content_end - l.content_begin);
  }

  // Where the values end that formatting after `pos` brings in: at a comma or closing bracket
  // of the enclosing expression, or the end of the statement.
  std::size_t operand_end(std::size_t pos) const {
    const std::size_t last_line = m_layout.statement_last_line(m_file.lines().line_of(pos));
    const std::string_view last = m_file.lines().line_text(last_line);
    const std::size_t statement_end = static_cast<std::size_t>(last.data() - m_text.data()) + last.size();
    int depth = 0;
    for (std::size_t i = pos; i < statement_end; ++i) {
      if (m_layout.kind_at(i) != TextKind::code) continue;
      const char c = m_text[i];
      if (c == '(' || c == '[' || c == '{') ++depth;
      if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) return i;
        --depth;
      }
      if ((c == ',' || c == ';') && depth == 0) return i;
    }
    return statement_end;
  }

  // Which way the values point decides which of the two rules reports: data from outside the
  // function (high), or values it builds or quotes itself (low).
  bool wanted(Span values) const {
    const std::string_view code = m_text.substr(values.begin, values.end - values.begin);
    if (quoted_values(code)) return false;  // quoted or escaped: neither rule's
    const bool outside = from_outside(m_file, values) && !allow_listed(values);
    return outside == (m_wanted == SqlValues::from_outside);
  }

  // A value that is one name checked against a list just before (`if level not in
  // self._levels: raise`, `elif name in ALLOWED:`): the allow-list idiom, a value the code knows.
  bool allow_listed(Span values) const {
    std::string name;
    for (std::size_t i = values.begin; i < values.end;) {
      const auto c = static_cast<unsigned char>(m_text[i]);
      if (m_layout.kind_at(i) != TextKind::code || !is_name_char(c) || is_digit(c)) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < values.end && is_name_char(static_cast<unsigned char>(m_text[j]))) ++j;
      const bool member = i > 0 && m_text[i - 1] == '.';
      const bool prefix = j < m_text.size() && (m_text[j] == '"' || m_text[j] == '\'');
      if (!member && !prefix) {
        const std::string_view word = m_text.substr(i, j - i);
        if (!name.empty() && word != name) return false;  // more than one name
        name = word;
      }
      i = j;
    }
    if (name.empty()) return false;
    const std::size_t line = m_file.lines().line_of(values.begin);
    const std::size_t from = line > 20 ? line - 20 : 1;
    const std::string_view before = m_file.lines().lines_text(from, line);
    const RE2 check("\\b(?:if|elif|assert)\\b[^\\n]*\\b" + name + "\\s+(?:not\\s+)?in\\s+[\\w.(\\[{]");
    return RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), check);
  }

  void report(std::size_t begin, std::size_t end, Span values) {
    const std::size_t line = m_layout.statement_first_line(m_file.lines().line_of(begin));
    if (m_reported.count(line)) return;  // one finding per statement
    if (!wanted(values)) {
      m_reported.insert(line);  // the other rule's: not this one's, on any path
      return;
    }
    m_reported.insert(line);
    RawMatch match;
    match.whole = {begin, end};
    match.location = {begin, end};
    m_sink(match);
  }

  void literal_groups() {
    const auto& strings = m_layout.strings();
    for (std::size_t i = 0; i < strings.size();) {
      if (strings[i].docstring || m_layout.kind_at(strings[i].begin) != TextKind::code) {
        ++i;
        continue;
      }
      // Only a literal that starts like a statement can start one.
      if (!starts_like_sql(content_of(strings[i]))) {
        ++i;
        continue;
      }
      // Literals joined by implicit concatenation or by + between literals.
      std::size_t last = i;
      std::string content(content_of(strings[i]));
      bool interpolated = strings[i].interpolated;
      while (last + 1 < strings.size()) {
        std::size_t next = next_code(strings[last].end);
        if (next != std::string_view::npos && m_text[next] == '+') next = next_code(next + 1);
        if (next == std::string_view::npos || next != strings[last + 1].begin) break;
        ++last;
        content += content_of(strings[last]);
        interpolated = interpolated || strings[last].interpolated;
      }
      const StringLiteral& first = strings[i];
      const std::size_t end = strings[last].end;
      if (!tagged(first) && reads_as_sql(content, false)) {
        const bool placeholders_only =
            interpolated && builds_placeholders(m_text.substr(first.begin, end - first.begin));
        const bool before = value_before(first.begin);
        if ((interpolated && !placeholders_only) || formatted_after(end, content) || before) {
          Span values{first.begin, operand_end(end)};
          if (before) values.begin = statement_start(first.begin);
          report(first.begin, end, values);
        }
      }
      i = last + 1;
    }
  }

  // An argument of a SQL call built by formatting, whatever its text reads as.
  void sink_calls() {
    static const std::set<std::string_view> sinks(sql_sinks.begin(), sql_sinks.end());
    for (const CallSite& call : m_file.calls()) {
      const std::string_view resolved = call.resolved;
      const std::size_t dot = resolved.rfind('.');
      const std::string_view last = dot == std::string_view::npos ? resolved : resolved.substr(dot + 1);
      if (!sinks.count(last)) continue;
      if (last != "RawSQL" && dot == std::string_view::npos) continue;  // a method of something
      const std::vector<Span> parts = split_arguments(m_text, m_layout, call.arguments);
      for (std::size_t p = 0; p < parts.size(); ++p) {
        if (formatted_argument(parts[p], p == 0)) {
          report(call.name.begin, std::min(m_text.size(), call.close + 1), parts[p]);
          break;
        }
      }
    }
  }

  // The SQL of a call: its first positional argument, or a keyword argument that holds SQL
  // (sql=, query=, where=[…], select={…}, …), built with a top-level %, .format(, + with a
  // value, or an interpolated literal — unless it only builds placeholders. Other arguments
  // are parameters: formatting them is fine.
  bool formatted_argument(Span part, bool first) const {
    if (builds_placeholders(m_text.substr(part.begin, part.end - part.begin))) return false;
    static const RE2 keyword(R"(^\s*([A-Za-z_]\w*)\s*[=:]\s*)");
    re2::StringPiece name;
    const re2::StringPiece text(m_text.data() + part.begin, part.end - part.begin);
    int depth = 0;
    if (RE2::PartialMatch(text, keyword, &name)) {
      static const std::set<std::string_view> sql_keywords{"sql",    "query",    "where",     "select",
                                                           "tables", "order_by", "statement", "text"};
      if (!sql_keywords.count(std::string_view(name.data(), name.size()))) return false;
      // where=[…] and select={…} hold SQL in their elements.
      std::size_t value = static_cast<std::size_t>(name.data() - m_text.data()) + name.size();
      while (value < part.end && (m_text[value] == ' ' || m_text[value] == '=' || m_text[value] == ':')) ++value;
      if (value < part.end && (m_text[value] == '[' || m_text[value] == '{' || m_text[value] == '(')) depth = -1;
    } else if (!first) {
      return false;
    }
    bool formatted = false;
    for (std::size_t i = part.begin; i < part.end && !formatted; ++i) {
      const TextKind kind = m_layout.kind_at(i);
      if (kind != TextKind::code) continue;
      std::size_t index = 0;
      if (starts_string(i, index)) {
        const StringLiteral& literal = m_layout.strings()[index];
        if (literal.interpolated && !tagged(literal)) formatted = true;
        continue;
      }
      const char c = m_text[i];
      if (c == '(' || c == '[' || c == '{') ++depth;
      if (c == ')' || c == ']' || c == '}') --depth;
      if (depth > 0) continue;
      if (c == '%' && m_python && i + 1 < part.end && m_text[i + 1] != '=') formatted = true;
      if (c == '.' && m_text.compare(i, 7, ".format") == 0) formatted = true;
      if (c == '+' && (value_operand_at(next_code(i + 1)) || value_before(i + 1))) formatted = true;
    }
    return formatted;
  }

  std::string_view m_text;
  const SourceLayout& m_layout;
  const FileContext& m_file;
  const MatchSink& m_sink;
  bool m_python;
  SqlValues m_wanted;
  std::set<std::size_t> m_reported;
};

}  // namespace

std::vector<std::string_view> sql_call_names() { return {sql_sinks.begin(), sql_sinks.end()}; }

void find_sql_formatting(const FileContext& file, const MatchSink& sink) {
  if (!file.layout().lexed()) return;
  SqlFinder(file, sink, SqlValues::from_outside).run();
}

void find_sql_formatting_internal(const FileContext& file, const MatchSink& sink) {
  if (!file.layout().lexed()) return;
  SqlFinder(file, sink, SqlValues::from_inside).run();
}

}  // namespace readygate::scan
