#pragma once
// UTF-8 checks and repair for any text that goes into JSON, SARIF or XML.
#include <cstddef>
#include <string>
#include <string_view>

namespace readygate {

bool is_valid_utf8(std::string_view text);

// Returns `text` with every invalid or truncated sequence replaced by U+FFFD. Never throws.
std::string repair_utf8(std::string_view text);

// Number of code points in `text` (invalid bytes count as one each): editors' column numbers.
std::size_t count_code_points(std::string_view text);

// The longest prefix of `text` of at most `max_bytes` that does not cut a UTF-8 sequence.
std::string_view truncate_utf8(std::string_view text, std::size_t max_bytes);

}  // namespace readygate
