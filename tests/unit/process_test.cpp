#include "common/process.hpp"

#include <doctest/doctest.h>

using namespace readygate;

TEST_CASE("a program's output, errors and exit code are captured without a shell") {
  const auto r = run_process({"sh", "-c", "echo out; echo err >&2; exit 3"});
  CHECK(r.exit_code == 3);
  CHECK(r.out == "out\n");
  CHECK(r.err == "err\n");
  const auto literal = run_process({"echo", "$(whoami); `id`"});
  CHECK(literal.out == "$(whoami); `id`\n");
}

TEST_CASE("large outputs on both streams do not deadlock") {
  const auto r = run_process({"sh", "-c", "head -c 300000 /dev/zero; head -c 300000 /dev/zero >&2"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.size() == 300000);
  CHECK(r.err.size() == 300000);
}

TEST_CASE("a missing program is exit code 127, not a crash") {
  const auto r = run_process({"readygate-no-such-program"});
  CHECK(r.exit_code == 127);
  CHECK_FALSE(r.err.empty());
}

TEST_CASE("output can be streamed in chunks instead of kept") {
  std::size_t bytes = 0, chunks = 0;
  const auto r = run_process({"sh", "-c", "head -c 1000000 /dev/zero"}, [&](std::string_view chunk) {
    bytes += chunk.size();
    ++chunks;
  });
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(bytes == 1000000);
  CHECK(chunks > 1);
}
