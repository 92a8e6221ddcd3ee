#pragma once
// Golden text: a rendered report against tests/unit/golden/<name>. With READYGATE_UPDATE_GOLDEN=1
// in the environment the file is (re)written instead, to review with `git diff`.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace readygate::test {

inline void check_golden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(READYGATE_FIXTURES) + "/../unit/golden/" + name;
  if (const char* update = std::getenv("READYGATE_UPDATE_GOLDEN"); update != nullptr && *update == '1') {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "no golden file " << path << " (READYGATE_UPDATE_GOLDEN=1 writes it)");
  std::ostringstream expected;
  expected << in.rdbuf();
  CHECK_MESSAGE(actual == expected.str(), "differs from " << path << "; got:\n" << actual);
}

}  // namespace readygate::test
