#pragma once
// Parsing the units users type on command lines.
#include <cstdint>
#include <string>

namespace readygate {

// "1048576", "512K", "5M", "1G" (also "5MB", "5MiB"; powers of 1024). Throws Error (exit 2)
// naming `flag` on anything else.
std::uint64_t parse_byte_size(const std::string& flag, const std::string& text);

}  // namespace readygate
