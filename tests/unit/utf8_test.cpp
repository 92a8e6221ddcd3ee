#include "common/utf8.hpp"

#include <doctest/doctest.h>

using namespace readygate;

TEST_CASE("valid UTF-8 is recognised and left alone") {
  const std::string text = "plain ascii, é, 日本, 🙂";
  CHECK(is_valid_utf8(text));
  CHECK(repair_utf8(text) == text);
  CHECK(count_code_points("é日🙂") == 3);
}

TEST_CASE("invalid sequences are replaced by U+FFFD, one per bad byte") {
  CHECK_FALSE(
      is_valid_utf8("a\xff"
                    "b"));
  CHECK(repair_utf8("a\xff"
                    "b") ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(repair_utf8("\xC3") == "\xEF\xBF\xBD");                                  // truncated sequence
  CHECK(repair_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong '/'
  CHECK(repair_utf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  CHECK(is_valid_utf8(repair_utf8("\xF5\x80\x80\x80 mixed \xE2\x82")));
}

TEST_CASE("truncation never cuts a sequence in half") {
  CHECK(truncate_utf8("abc", 10) == "abc");
  CHECK(truncate_utf8("ab日", 3) == "ab");
  CHECK(truncate_utf8("ab日", 5) == "ab日");
  CHECK(truncate_utf8("日本", 4) == "日");
}
