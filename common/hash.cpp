#include "hash.hpp"

#include <openssl/evp.h>

#include "error.hpp"

namespace readygate {

std::string sha256_hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    throw_runtime_error("SHA-256 failed in libcrypto");
  }
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(std::size_t{length} * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 0x0F];
  }
  return out;
}

}  // namespace readygate

namespace readygate {

std::uint64_t stable_hash64(std::string_view data) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : data) {
    hash ^= static_cast<unsigned char>(c);  // the byte, not a sign-extended char
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

}  // namespace readygate
