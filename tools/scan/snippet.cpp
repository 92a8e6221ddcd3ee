#include "snippet.hpp"

#include <algorithm>
#include <cctype>

#include "common/redact.hpp"
#include "common/utf8.hpp"
#include "secret_value.hpp"

namespace readygate::scan {
namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool is_quote(char c) { return c == '"' || c == '\'' || c == '`'; }

// A character that continues a token after a secret: letters, digits and the punctuation of
// token alphabets (base64, base64url, URL escapes, "id.secret", "id:secret"). A rule's secret
// group can stop short of the token (a Slack token's random part holds '_', which the rule does
// not take): what follows it on the line is part of the same credential and is hidden too.
bool continues_token(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u < 0x80 && std::isalnum(u) != 0) || c == '-' || c == '_' || c == '+' || c == '/' || c == '=' || c == '.' ||
         c == '~' || c == '%' || c == ':';
}

// The end of the token that continues at `at` ("\/", JSON's escaped slash, continues it too);
// stops at a byte already hidden: a hidden run always reaches the end of its token already.
std::size_t token_end(std::string_view line, std::size_t at, const std::vector<char>& hidden) {
  while (at < line.size() && !hidden[at]) {
    if (continues_token(line[at])) {
      ++at;
    } else if (line[at] == '\\' && at + 1 < line.size() && line[at + 1] == '/') {
      at += 2;
    } else {
      break;
    }
  }
  return std::min(at, line.size());
}

void hide(std::vector<char>& hidden, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) hidden[i] = 1;
}

// Only letters in words joined by - _ . / ("Content-Type", "application/json", "Authorization"):
// each word lower case or capitalized. Random tokens mix cases and digits.
bool is_word_like(std::string_view value) {
  std::size_t word_start = 0;
  for (std::size_t i = 0; i <= value.size(); ++i) {
    if (i < value.size() && std::isalpha(static_cast<unsigned char>(value[i])) != 0) continue;
    if (i < value.size() && std::string_view("-_./").find(value[i]) == std::string_view::npos) return false;
    const std::string_view word = value.substr(word_start, i - word_start);
    const bool rest_lower = std::all_of(word.begin() + (word.empty() ? 0 : 1), word.end(),
                                        [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0; });
    if (!rest_lower) return false;
    word_start = i + 1;
  }
  return true;
}

// A quoted value that may be a credential no rule reported: the second value of "A, B = 'k1',
// 'k2'" or of "KEYS = ['k1', 'k2']", where the rules report one value per match. At least 8
// bytes without white space or quotes, entropy of at least 3 bits per character (what the
// generic assignment rule asks), and not only words.
bool looks_like_credential(std::string_view value) {
  return value.size() >= 8 && shannon_entropy(value) >= 3.0 && !is_word_like(value);
}

}  // namespace

std::string make_snippet(std::string_view line, std::size_t match_offset, const std::vector<std::string>& secrets) {
  SnippetMark mark;
  return make_snippet(line, match_offset, match_offset, secrets, mark);
}

std::string make_snippet(std::string_view line, std::size_t match_offset, std::size_t match_end,
                         const std::vector<std::string>& secrets, SnippetMark& mark) {
  // Which bytes of the line are hidden; each run of hidden bytes becomes one "****".
  std::vector<char> hidden(secrets.empty() ? 0 : line.size());
  for (const auto& secret : secrets) {
    if (secret.empty()) continue;
    const std::size_t keep = redacted_prefix_size(secret);
    for (std::size_t at = line.find(secret); at != std::string_view::npos; at = line.find(secret, at)) {
      // The secret, and the rest of its token, past the first `keep` bytes.
      const std::size_t end = token_end(line, at + secret.size(), hidden);
      hide(hidden, at + keep, end);
      at = std::max(end, at + 1);
    }
  }
  if (!secrets.empty()) {
    // A line that holds a secret: every quoted value on it that looks like a credential is
    // hidden too, reported or not (a rule reports one value per match, and a tuple or a list
    // holds several). Unquoted values ("A=k1,k2") are hidden only when a rule reports them.
    for (std::size_t open = 0; open < line.size(); ++open) {
      if (!is_quote(line[open])) continue;
      std::size_t close = open + 1;
      while (close < line.size() && !is_space(line[close]) && !is_quote(line[close])) ++close;
      if (close == line.size()) break;
      const std::string_view value = line.substr(open + 1, close - open - 1);
      const bool untouched =
          std::none_of(hidden.begin() + static_cast<std::ptrdiff_t>(open + 1),
                       hidden.begin() + static_cast<std::ptrdiff_t>(close), [](char h) { return h; });
      if (line[close] == line[open] && untouched && looks_like_credential(value)) {
        hide(hidden, open + 1 + redacted_prefix_size(value), close);
      }
      open = close - 1;  // the closing quote may open the next value
    }
  }
  std::string text;
  text.reserve(line.size());
  std::size_t offset = std::string::npos;  // match_offset, in `text`
  std::size_t end_offset = std::string::npos;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (i == match_offset) offset = text.size();
    if (i == match_end) end_offset = text.size();
    if (hidden.empty() || !hidden[i]) {
      text += line[i];
    } else if (i == 0 || !hidden[i - 1]) {
      text += "****";
    }
  }
  if (offset == std::string::npos) offset = text.size();
  if (end_offset == std::string::npos) end_offset = text.size();
  match_offset = offset;
  // Valid UTF-8 before the window is cut, so that repairing never lengthens the window.
  text = repair_utf8(text);
  match_offset = std::min(match_offset, text.size());
  match_end = std::clamp(end_offset, match_offset, text.size());
  std::size_t begin = 0, end = text.size();
  while (begin < end && is_space(text[begin])) ++begin;
  while (end > begin && is_space(text[end - 1])) --end;
  std::string_view trimmed = std::string_view(text).substr(begin, end - begin);
  std::string prefix, suffix;
  std::size_t start = 0;  // of the window, in `trimmed`
  if (trimmed.size() > max_snippet_bytes) {
    const std::size_t at = match_offset > begin ? match_offset - begin : 0;
    start = at > 60 ? at - 60 : 0;
    while (start > 0 && (static_cast<unsigned char>(trimmed[start]) & 0xC0) == 0x80) --start;
    if (start > 0) prefix = "…";
    const std::string_view window = truncate_utf8(trimmed.substr(start), max_snippet_bytes);
    if (start + window.size() < trimmed.size()) suffix = "…";
    trimmed = window;
  }
  // The match, in the snippet's bytes: shifted by the trim and the window, cut to what is shown.
  const std::size_t shown_begin = begin + start, shown_end = shown_begin + trimmed.size();
  const std::size_t mark_begin = std::clamp(match_offset, shown_begin, shown_end);
  const std::size_t mark_end = std::clamp(match_end, shown_begin, shown_end);
  mark = {};
  if (mark_end > mark_begin) {
    mark.begin = mark_begin - shown_begin + prefix.size();
    mark.end = mark_end - shown_begin + prefix.size();
  }
  return prefix + std::string(trimmed) + suffix;
}

std::string normalize_line(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  bool space = false;
  for (const char c : line) {
    if (is_space(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace readygate::scan
