#pragma once
// "Is this line inside a loop / an async function / a request handler?" answered from
// indentation, the way people read code: walk up from the line, and each non-blank line that
// is indented less than everything seen so far is an enclosing block's header. Works for
// Python, and for JavaScript and TypeScript as formatted by every formatter in use.
#include <re2/re2.h>

#include <cstddef>
#include <string_view>

#include "line_index.hpp"

namespace readygate::scan {

struct BlockContext {
  const RE2* header = nullptr;  // an enclosing line that makes the target count
  const RE2* skip = nullptr;    // a header that does not count (a retry loop); may be null
  const RE2* stop = nullptr;    // an enclosing line that ends the search (a plain def); may be null
  std::size_t max_lines = 200;  // how far up to look
  bool comprehension = false;   // Python: [f(x) for x in y] is a loop around f(x)
};

// Width of the leading white space (a tab advances to the next multiple of 8).
std::size_t indentation(std::string_view line);

// True when the target at (1-based) `line`, byte `column_offset` of that line, is inside a
// block whose header matches `context.header` and not `context.skip`, with no `context.stop`
// line between. On the target's own line, the text before the target counts as a header (a
// one-line loop: `for (const id of ids) await get(id);`), and with `comprehension`, a `for`
// after the target at its own bracket depth does too (`[get(i) for i in ids]`), while the
// iterable of a loop (`for o in Order.objects.all():`) is not inside it. Blank lines, comments,
// lines that start with a closing bracket and lone opening braces are passed over.
bool is_inside(const LineIndex& lines, std::size_t line, std::size_t column_offset, const BlockContext& context);

}  // namespace readygate::scan
