#pragma once
// What the fuzz targets share: the input as text, the JSON documents in it, and properties
// that must hold for every input (a failed one aborts, which libFuzzer reports as a crash).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "common/json_stream.hpp"

namespace readygate::fuzz {

inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

[[noreturn]] inline void property_failed(const char* condition, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: property failed: %s\n", file, line, condition);
  std::abort();
}

// The JSON documents of the input; none when the reader refuses it (an Error, exit 2).
inline std::vector<nlohmann::json> documents_of(std::string_view text) {
  try {
    return parse_json_documents(text, "fuzz.json");
  } catch (const Error&) {
    return {};
  }
}

}  // namespace readygate::fuzz

// Not assert(): the fuzz preset builds with NDEBUG (RelWithDebInfo).
#define FUZZ_CHECK(condition) \
  ((condition) ? static_cast<void>(0) : ::readygate::fuzz::property_failed(#condition, __FILE__, __LINE__))
