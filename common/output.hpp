#pragma once
// Writing a program's JSON result: one compact document per line, or indented with --pretty.
#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

namespace readygate {

// Writes `document` to `path` ("-" is stdout). Invalid UTF-8 is replaced, never thrown.
// Throws Error (exit 3) when the output cannot be written.
void write_json_output(const nlohmann::json& document, const std::string& path, bool pretty);

// The same, for a document with one large array: `document[array_key]` must be an empty
// array, and is written as `count` items that `item(i)` makes one at a time, so the whole
// array never has to exist in memory. The bytes are those write_json_output would write.
void write_json_output(const nlohmann::json& document, const std::string& array_key, std::size_t count,
                       const std::function<nlohmann::json(std::size_t)>& item, const std::string& path, bool pretty);

// Writes text as is to `path` ("-" is stdout); throws Error (exit 3) on failure.
void write_text_output(const std::string& text, const std::string& path);

std::string dump_json(const nlohmann::json& document, bool pretty);

}  // namespace readygate
