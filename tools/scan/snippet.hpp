#pragma once
// The line shown with a finding: trimmed, every known secret on it redacted, valid UTF-8,
// and at most max_snippet_bytes long (a window around the match on very long lines).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace readygate::scan {

inline constexpr std::size_t max_snippet_bytes = 200;

// `line` is the raw line; `match_offset` is where the finding starts within it; `secrets` are
// every secret value found on that line, by any rule. Each occurrence keeps its first
// characters (redact_secret) and loses the rest of its token too, where the rule's capture
// stopped short of it. On a line with a secret, every other quoted value that looks like a
// credential (a tuple's or a list's other values) is redacted the same way. Redaction happens
// before any cutting, so no part of a secret can survive a window boundary.
std::string make_snippet(std::string_view line, std::size_t match_offset, const std::vector<std::string>& secrets);

// Where the match is in a snippet, in bytes: [begin, end), for the text report's marker; empty
// when the match is not in the snippet (cut away by the window). Not on the wire.
struct SnippetMark {
  std::size_t begin = 0, end = 0;
};

// The same snippet, and in `mark` where [match_offset, match_end) of `line` ended up in it (a
// redacted secret marks its "****" too).
std::string make_snippet(std::string_view line, std::size_t match_offset, std::size_t match_end,
                         const std::vector<std::string>& secrets, SnippetMark& mark);

// The line with runs of white space folded to one space and the ends trimmed.
std::string normalize_line(std::string_view line);

}  // namespace readygate::scan
