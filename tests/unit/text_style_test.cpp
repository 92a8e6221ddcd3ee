#include "common/text_style.hpp"

#include <doctest/doctest.h>

#include "common/error.hpp"

using namespace readygate;

TEST_CASE("--format: text and json are forced, auto follows the output, anything else is refused") {
  CHECK(resolve_output_format("json", "-", false) == OutputFormat::envelope);
  CHECK(resolve_output_format("text", "out.txt", true) == OutputFormat::text);
  // A file is never a terminal; --pretty asks for JSON.
  CHECK(resolve_output_format("auto", "out.json", false) == OutputFormat::envelope);
  CHECK(resolve_output_format("auto", "-", true) == OutputFormat::envelope);
  CHECK_THROWS_AS(resolve_output_format("yaml", "-", false), Error);
}

TEST_CASE("text style: no colour codes without colour; widths ignore colour and count code points") {
  const TextStyle plain(false), coloured(true);
  CHECK(plain.severity(Severity::high) == "high");
  CHECK(plain.pass(true) == "✓");
  CHECK(coloured.severity(Severity::high) == "\033[1;31mhigh\033[0m");
  CHECK(display_width(coloured.severity(Severity::high)) == 4);
  CHECK(display_width("✓ ok") == 4);
  CHECK(pad_right(coloured.pass(false), 3) == coloured.pass(false) + "  ");
  CHECK(pad_right("longer", 3) == "longer");
  CHECK(pad_left("—", 3) == "  —");
  CHECK(plain.section("Checks") == "\nChecks\n");
}
