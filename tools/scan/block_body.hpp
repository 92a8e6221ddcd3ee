#pragma once
// The block a match opens, for a rule's body_absent condition: in Python the lines below the
// match's last line that are indented more than the statement it starts (and what follows
// the colon on that line); in the JavaScript family the { … } that follows the match.
#include "file_context.hpp"
#include "match.hpp"

namespace readygate::scan {

// Empty when there is no block (the file's language has none that can be found).
Span block_after(const FileContext& file, Span match);

}  // namespace readygate::scan
