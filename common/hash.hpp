#pragma once
// Stable content hashes (SHA-256 via OpenSSL's libcrypto) for fingerprints.
#include <cstdint>
#include <string>
#include <string_view>

namespace readygate {

// Lower-case hex SHA-256 of `data`: the same bytes give the same digest on every machine.
std::string sha256_hex(std::string_view data);

}  // namespace readygate

namespace readygate {

// 64-bit FNV-1a: cheap, stable across machines and runs; for sharding, not for security.
std::uint64_t stable_hash64(std::string_view data);

}  // namespace readygate
