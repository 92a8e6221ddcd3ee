#pragma once
// "Is this line inside a loop / an async function / a request handler?" answered from
// indentation, the way people read code: walk up from the line, and each non-blank line that
// is indented less than everything seen so far is an enclosing block's header. Works for
// Python, and for JavaScript and TypeScript as formatted by every formatter in use.
#include <cstddef>
#include <string_view>

#include <re2/re2.h>

#include "line_index.hpp"

namespace readygate::scan {

struct BlockContext {
  const RE2* header = nullptr;  // an enclosing line that makes the target count
  const RE2* skip = nullptr;    // a header that does not count (a retry loop); may be null
  const RE2* stop = nullptr;    // an enclosing line that ends the search (a plain def); may be null
  std::size_t max_lines = 200;  // how far up to look
};

// Width of the leading white space (a tab advances to the next multiple of 8).
std::size_t indentation(std::string_view line);

// True when `line` (1-based) is inside a block whose header matches `context.header` and not
// `context.skip`, with no `context.stop` line between. The target line itself counts as its
// own header when the header pattern occurs on it (one-line loops, comprehensions). Blank
// lines, comment-only lines and lines that start with a closing bracket are passed over.
bool is_inside(const LineIndex& lines, std::size_t line, const BlockContext& context);

}  // namespace readygate::scan
