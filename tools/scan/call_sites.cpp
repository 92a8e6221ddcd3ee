#include "call_sites.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "char_class.hpp"

namespace readygate::scan {
namespace {

bool is_keyword(std::string_view word, bool python) {
  static constexpr std::array python_words{"if",  "elif",   "while",    "for",   "return", "not",    "and",   "or",
                                           "in",  "is",     "lambda",   "with",  "assert", "except", "yield", "await",
                                           "del", "global", "nonlocal", "raise", "import", "from",   "as",    "print_"};
  static constexpr std::array js_words{"if",  "for",   "while", "switch", "catch", "function", "return", "typeof",
                                       "new", "await", "yield", "delete", "void",  "in",       "of",     "instanceof",
                                       "do",  "else",  "case",  "throw",  "super", "import",   "export"};
  const auto has = [&](const auto& words) { return std::find(words.begin(), words.end(), word) != words.end(); };
  return python ? has(python_words) : has(js_words);
}

// The word that ends just before `end` (after skipping spaces and tabs), or "".
std::string_view word_before(std::string_view text, std::size_t end) {
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  std::size_t begin = end;
  while (begin > 0 && is_name_char(static_cast<unsigned char>(text[begin - 1]))) --begin;
  return text.substr(begin, end - begin);
}

// Iterates over the code of [begin, end): `visit(i)` for each code byte, skipping the regions
// that are not code.
template <typename Visit>
void each_code_byte(const SourceLayout& layout, std::size_t begin, std::size_t end, Visit&& visit) {
  const auto& regions = layout.regions();
  auto region = std::upper_bound(regions.begin(), regions.end(), begin,
                                 [](std::size_t o, const Region& r) { return o < r.begin; });
  if (region != regions.begin() && std::prev(region)->end > begin) --region;
  for (std::size_t i = begin; i < end;) {
    if (region != regions.end() && i >= region->begin) {
      i = std::max(i, region->end);
      ++region;
      continue;
    }
    const std::size_t stop = region != regions.end() ? std::min(end, region->begin) : end;
    for (; i < stop; ++i) {
      if (!visit(i)) return;
    }
  }
}

}  // namespace

std::vector<CallSite> find_calls(std::string_view text, const SourceLayout& layout, const NameTable& names, bool python,
                                 const std::set<std::string, std::less<>>* wanted) {
  std::vector<CallSite> calls;
  struct Open {
    char bracket;
    std::size_t call;  // index into calls, or npos
  };
  std::vector<Open> open;
  std::vector<std::pair<std::size_t, std::size_t>> closed_calls;  // close position -> call index, in order
  each_code_byte(layout, 0, text.size(), [&](std::size_t i) {
    const char c = text[i];
    if (c == '(') {
      std::size_t call = std::string_view::npos;
      // The callee: a dotted name just before, maybe after `require('m')` or another call.
      std::size_t end = i;
      while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
      std::size_t begin = end;
      while (begin > 0) {
        const auto b = static_cast<unsigned char>(text[begin - 1]);
        if (is_name_char(b) || b == '.' || (b == '?' && begin < end && text[begin] == '.')) {
          --begin;
        } else {
          break;
        }
      }
      std::string prefix;
      if (begin > 0 && begin < end && text[begin] == '.' && text[begin - 1] == ')') {
        // require('m').f(…): the call that closed just before, if it is require of a literal.
        const auto it =
            std::lower_bound(closed_calls.begin(), closed_calls.end(), std::make_pair(begin - 1, std::size_t{0}));
        if (it != closed_calls.end() && it->first == begin - 1) {
          const CallSite& before = calls[it->second];
          const std::string_view before_name = text.substr(before.name.begin, before.name.end - before.name.begin);
          const std::string_view argument =
              text.substr(before.arguments.begin, before.arguments.end - before.arguments.begin);
          if (before_name == "require" && argument.size() >= 2 &&
              (argument.front() == '\'' || argument.front() == '"')) {
            std::string_view module = argument.substr(1, argument.size() - 2);
            if (module.substr(0, 5) == "node:") module.remove_prefix(5);
            prefix.assign(module.data(), module.size());
          }
        }
        if (prefix.empty()) prefix = "?";  // a method of something we cannot name
      }
      const std::string_view dotted = text.substr(begin, end - begin);
      const bool has_name = std::any_of(dotted.begin(), dotted.end(),
                                        [](char ch) { return is_name_char(static_cast<unsigned char>(ch)); });
      const std::string_view head = dotted.substr(0, dotted.find('.'));
      const std::string_view before_word = word_before(text, begin);
      const bool definition = python ? (before_word == "def" || before_word == "class")
                                     : (before_word == "function" || before_word == "class");
      const std::size_t last_dot = dotted.rfind('.');
      const std::string_view last = last_dot == std::string_view::npos ? dotted : dotted.substr(last_dot + 1);
      const bool interesting = !wanted || wanted->count(last) || last == "require" ||
                               (last_dot == std::string_view::npos && names.bindings().count(last));
      if (interesting && has_name && !definition && !is_keyword(dotted, python) &&
          !(!head.empty() && is_digit(static_cast<unsigned char>(head.front())))) {
        CallSite site;
        site.name = {begin, end};
        std::string written(dotted);
        if (written.find('?') != std::string::npos) std::erase(written, '?');
        if (!prefix.empty()) {
          site.resolved = prefix;  // written starts with '.'
          site.resolved.append(written);
        } else {
          site.resolved = names.resolve(written, &site.also);
        }
        site.constructed = before_word == "new";
        site.arguments = {i + 1, text.size()};
        site.close = text.size();
        call = calls.size();
        calls.push_back(std::move(site));
      }
      open.push_back({'(', call});
    } else if (c == '[' || c == '{') {
      open.push_back({c, std::string_view::npos});
    } else if (c == ')' || c == ']' || c == '}') {
      const char expected = c == ')' ? '(' : c == ']' ? '[' : '{';
      // Unbalanced input: pop to the matching bracket if there is one, else ignore it.
      auto it = std::find_if(open.rbegin(), open.rend(), [&](const Open& o) { return o.bracket == expected; });
      if (it == open.rend()) return true;
      const std::size_t at = static_cast<std::size_t>(open.rend() - it) - 1;
      const Open o = open[at];
      open.resize(at);
      if (o.call != std::string_view::npos) {
        CallSite& site = calls[o.call];
        site.close = i;
        site.arguments.end = i;
        closed_calls.emplace_back(i, o.call);
      }
    }
    return true;
  });
  // A JavaScript method written `name(params) {` defines the method: it is not a call.
  if (!python) {
    std::erase_if(calls, [&](const CallSite& site) {
      if (site.close >= text.size() || site.constructed) return false;
      const std::string_view name = text.substr(site.name.begin, site.name.end - site.name.begin);
      if (name.find('.') != std::string_view::npos) return false;
      std::size_t next = site.close + 1;
      while (next < text.size() && is_space(static_cast<unsigned char>(text[next]))) ++next;
      return next < text.size() && text[next] == '{';
    });
  }
  return calls;
}

std::vector<Span> split_arguments(std::string_view text, const SourceLayout& layout, Span arguments) {
  std::vector<Span> parts;
  int depth = 0;
  std::size_t start = arguments.begin;
  each_code_byte(layout, arguments.begin, arguments.end, [&](std::size_t i) {
    const char c = text[i];
    if (c == '(' || c == '[' || c == '{') ++depth;
    if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
    if (c == ',' && depth == 0) {
      parts.push_back({start, i});
      start = i + 1;
    }
    return true;
  });
  parts.push_back({start, arguments.end});
  // Trim white space, and drop an empty last part (a trailing comma) or an empty list.
  for (auto& p : parts) {
    while (p.begin < p.end && is_space(static_cast<unsigned char>(text[p.begin]))) ++p.begin;
    while (p.end > p.begin && is_space(static_cast<unsigned char>(text[p.end - 1]))) --p.end;
  }
  if (!parts.empty() && parts.back().empty()) parts.pop_back();
  return parts;
}

bool is_literal(std::string_view text, const SourceLayout& layout, Span part) {
  if (part.empty()) return false;
  const auto& strings = layout.strings();
  bool literal = true;
  std::size_t skip_until = part.begin;
  each_code_byte(layout, part.begin, part.end, [&](std::size_t i) {
    if (i < skip_until) return true;
    const auto c = static_cast<unsigned char>(text[i]);
    // A string literal starting here (its prefix is a word): literal unless interpolated.
    const auto s = std::lower_bound(strings.begin(), strings.end(), i,
                                    [](const StringLiteral& l, std::size_t o) { return l.begin < o; });
    if (s != strings.end() && s->begin == i) {
      if (s->interpolated) {
        literal = false;
        return false;
      }
      skip_until = s->end;
      return true;
    }
    if (is_digit(c)) {
      std::size_t j = i;
      while (j < part.end && (is_name_char(static_cast<unsigned char>(text[j])) || text[j] == '.')) ++j;
      skip_until = j;
      return true;
    }
    if (is_name_char(c)) {
      std::size_t j = i;
      while (j < part.end && is_name_char(static_cast<unsigned char>(text[j]))) ++j;
      const std::string_view word = text.substr(i, j - i);
      std::size_t after = j;
      while (after < part.end && (text[after] == ' ' || text[after] == '\t')) ++after;
      const bool object_key = after < part.end && text[after] == ':';  // { shell: true }
      if (object_key || word == "None" || word == "True" || word == "False" || word == "null" || word == "true" ||
          word == "false" || word == "undefined") {
        skip_until = j;
        return true;
      }
      literal = false;
      return false;
    }
    static constexpr std::string_view allowed = " \t\r\n()[]{},+*-:";
    if (allowed.find(static_cast<char>(c)) == std::string_view::npos) {
      literal = false;
      return false;
    }
    return true;
  });
  return literal;
}

}  // namespace readygate::scan
