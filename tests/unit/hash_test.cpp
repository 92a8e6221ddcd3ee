#include "common/hash.hpp"

#include <doctest/doctest.h>

using namespace readygate;

TEST_CASE("SHA-256 matches the published test vectors") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex(std::string("a\0b", 3)) != sha256_hex("ab"));
}

TEST_CASE("the sharding hash is FNV-1a 64 and stable") {
  CHECK(stable_hash64("") == 0xcbf29ce484222325ULL);
  CHECK(stable_hash64("a") == 0xaf63dc4c8601ec8cULL);
  CHECK(stable_hash64("src/app.py") == stable_hash64("src/app.py"));
}
