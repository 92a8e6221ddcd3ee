#include "snippet.hpp"

#include <algorithm>
#include <cctype>

#include "common/redact.hpp"
#include "common/utf8.hpp"

namespace readygate::scan {
namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// A character that continues a token after a secret: letters, digits and the punctuation of
// token alphabets (base64, base64url, URL escapes, "id.secret", "id:secret"). A rule's secret
// group can stop short of the token (a Slack token's random part holds '_', which the rule does
// not take): what follows it on the line is part of the same credential and is hidden too.
bool continues_token(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u < 0x80 && std::isalnum(u) != 0) || c == '-' || c == '_' || c == '+' || c == '/' || c == '=' ||
         c == '.' || c == '~' || c == '%' || c == ':';
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

}  // namespace

std::string make_snippet(std::string_view line, std::size_t match_offset,
                         const std::vector<std::string>& secrets) {
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
  std::string text;
  text.reserve(line.size());
  std::size_t offset = std::string::npos;  // match_offset, in `text`
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (i == match_offset) offset = text.size();
    if (hidden.empty() || !hidden[i]) {
      text += line[i];
    } else if (i == 0 || !hidden[i - 1]) {
      text += "****";
    }
  }
  if (offset == std::string::npos) offset = text.size();
  match_offset = offset;
  // Valid UTF-8 before the window is cut, so that repairing never lengthens the window.
  text = repair_utf8(text);
  match_offset = std::min(match_offset, text.size());
  std::size_t begin = 0, end = text.size();
  while (begin < end && is_space(text[begin])) ++begin;
  while (end > begin && is_space(text[end - 1])) --end;
  std::string_view trimmed = std::string_view(text).substr(begin, end - begin);
  std::string prefix, suffix;
  if (trimmed.size() > max_snippet_bytes) {
    const std::size_t at = match_offset > begin ? match_offset - begin : 0;
    std::size_t start = at > 60 ? at - 60 : 0;
    while (start > 0 && (static_cast<unsigned char>(trimmed[start]) & 0xC0) == 0x80) --start;
    if (start > 0) prefix = "…";
    const std::string_view window = truncate_utf8(trimmed.substr(start), max_snippet_bytes);
    if (start + window.size() < trimmed.size()) suffix = "…";
    trimmed = window;
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
