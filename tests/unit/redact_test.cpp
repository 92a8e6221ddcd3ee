#include <doctest/doctest.h>

#include "common/redact.hpp"

using namespace readygate;

TEST_CASE("at most four characters of a secret survive") {
  CHECK(redact_secret("AKIA2OGYBAH6STMMNXNN") == "AKIA****");
  CHECK(redact_secret("hunter22") == "hu****");
  CHECK(redact_secret("ab") == "****");
  CHECK(redact_secret("") == "****");
}

TEST_CASE("credentials in URLs are hidden, the rest kept") {
  CHECK(redact_url_credentials("postgres://app:s3cr3t@db:5432/x") == "postgres://app:****@db:5432/x");
  CHECK(redact_url_credentials("see http://user:pw@host/a and https://h/b") == "see http://user:****@host/a and https://h/b");
  CHECK(redact_url_credentials("https://host:8443/path") == "https://host:8443/path");
  CHECK(redact_url_credentials("no url here") == "no url here");
}

TEST_CASE("sensitive headers are redacted, others kept") {
  CHECK(redact_header("Authorization: Bearer abcdefghijklmnop") == "Authorization: Bear****");
  CHECK(redact_header("cookie: session=0123456789") == "cookie: sess****");
  CHECK(redact_header("X-Api-Key: 0123456789abcdef") == "X-Api-Key: 0123****");
  CHECK(redact_header("Accept: application/json") == "Accept: application/json");
  CHECK(redact_argument("--url=https://u:p4ssw0rd@h/") == "--url=https://u:****@h/");
}
