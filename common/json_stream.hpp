#pragma once
// Reading a stream of JSON documents: NDJSON, concatenated or pretty-printed, from stdin
// ("-") and files. A malformed document is an input error naming source, line and column.
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace readygate {

using nlohmann::json;

// Every whitespace-separated JSON document in `text`. `source` names it in error messages.
// Throws Error (exit 2) on malformed or truncated JSON: "source:line:column: message".
std::vector<json> parse_json_documents(std::string_view text, const std::string& source);

// Reads one file, or stdin when `path` is "-". Throws Error (exit 2) when it cannot be read.
std::string read_input(const std::string& path);

// parse_json_documents over each input in order; no inputs means stdin.
std::vector<json> read_json_documents(const std::vector<std::string>& paths);

}  // namespace readygate
