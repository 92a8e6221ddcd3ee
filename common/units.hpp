#pragma once
// Parsing the units users type on command lines.
#include <chrono>
#include <cstdint>
#include <string>

namespace readygate {

// "1048576", "512K", "5M", "1G" (also "5MB", "5MiB"; powers of 1024). Throws Error (exit 2)
// naming `flag` on anything else.
std::uint64_t parse_byte_size(const std::string& flag, const std::string& text);

// "250ms", "5s", "2m", "1h", "1.5s" (a bare number is seconds). Throws Error (exit 2) naming
// `flag` on anything else, and on a negative duration.
std::chrono::milliseconds parse_duration(const std::string& flag, const std::string& text);

}  // namespace readygate
