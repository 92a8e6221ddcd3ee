#pragma once
// Reading a stream of JSON documents: NDJSON, concatenated or pretty-printed, from stdin
// ("-") and files. A malformed document is an input error naming source, line and column.
//
// Limits (hostile input is normal input): a document may nest arrays and objects at most
// max_json_depth levels deep, and every number must fit a double. Past either, the reader
// stops with an input error at the position (and field) where it happened, so no code after
// it ever meets a value deep enough to exhaust the stack.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace readygate {

using nlohmann::json;

// Deeper than any readygate document: an envelope is under 10 levels, and a score envelope
// embedding scores adds 2 per level of embedding.
inline constexpr std::size_t max_json_depth = 256;

// Every whitespace-separated JSON document in `text`. `source` names it in error messages.
// Throws Error (exit 2) on malformed or truncated JSON, a number too large for a double or
// nesting deeper than max_json_depth: "source:line:column: message".
std::vector<json> parse_json_documents(std::string_view text, const std::string& source);

// One JSON document from text nobody vouches for (a server's response body): nothing when it
// is not exactly one JSON document within the limits above.
std::optional<json> parse_json_untrusted(std::string_view text);

// Reads one file, or stdin when `path` is "-". Throws Error (exit 2) when it cannot be read.
std::string read_input(const std::string& path);

// parse_json_documents over each input in order; no inputs means stdin.
std::vector<json> read_json_documents(const std::vector<std::string>& paths);

}  // namespace readygate
