#pragma once
// Writing a program's JSON result: one compact document per line, or indented with --pretty.
#include <string>

#include <nlohmann/json.hpp>

namespace readygate {

// Writes `document` to `path` ("-" is stdout). Invalid UTF-8 is replaced, never thrown.
// Throws Error (exit 3) when the output cannot be written.
void write_json_output(const nlohmann::json& document, const std::string& path, bool pretty);

// Writes text as is to `path` ("-" is stdout); throws Error (exit 3) on failure.
void write_text_output(const std::string& text, const std::string& path);

std::string dump_json(const nlohmann::json& document, bool pretty);

}  // namespace readygate
