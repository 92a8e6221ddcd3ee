#include "common/redact.hpp"

#include <doctest/doctest.h>

using namespace readygate;

TEST_CASE("at most four characters of a secret survive") {
  CHECK(redact_secret("AKIA2OGYBAH6STMMNXNN") == "AKIA****");
  CHECK(redact_secret("hunter22") == "hu****");
  CHECK(redact_secret("ab") == "****");
  CHECK(redact_secret("") == "****");
  CHECK(redacted_prefix_size("AKIA2OGYBAH6STMMNXNN") == 4);
  CHECK(redacted_prefix_size("hunter22") == 2);
  CHECK(redacted_prefix_size("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9") == 2);  // "éééé": never half a character
}

TEST_CASE("every part of a URL's userinfo is hidden, the rest kept") {
  CHECK(redact_url_credentials("postgres://app:s3cr3t@db:5432/x") == "postgres://****:****@db:5432/x");
  CHECK(redact_url_credentials("see http://user:pw@host/a and https://h/b") ==
        "see http://****:****@host/a and https://h/b");
  CHECK(redact_url_credentials("https://host:8443/path") == "https://host:8443/path");
  CHECK(redact_url_credentials("no url here") == "no url here");
  // A token alone is the userinfo (GitHub, GitLab and many token schemes use this form).
  CHECK(redact_url_credentials("https://ghp_0123456789abcdef@github.com/o/r.git") == "https://****@github.com/o/r.git");
  CHECK(redact_url_credentials("https://TOKEN:x-oauth-basic@host/") == "https://****:****@host/");
  CHECK(redact_url_credentials("http://a@b@host/p?q=a@b") == "http://****@host/p?q=a@b");
}

TEST_CASE("credential-like query parameters are hidden") {
  CHECK(redact_url_credentials("https://h/x?api_key=abc123&page=2") == "https://h/x?api_key=****&page=2");
  CHECK(redact_url_credentials("https://h/x?sv=2021&sig=AbCd%2B&se=1#frag") ==
        "https://h/x?sv=2021&sig=****&se=1#frag");
  CHECK(redact_url_credentials("\"https://h/?access_token=t0k3n\" rest") == "\"https://h/?access_token=****\" rest");
  CHECK(redact_url_credentials("https://h/?page=1&q=hello") == "https://h/?page=1&q=hello");
}

TEST_CASE("a header's value is hidden whatever its name") {
  CHECK(redact_header("Authorization: Bearer abcdefghijklmnop") == "Authorization: ****");
  CHECK(redact_header("Ocp-Apim-Subscription-Key: 0123456789abcdef") == "Ocp-Apim-Subscription-Key: ****");
  CHECK(redact_header("X-Honeycomb-Team:abc") == "X-Honeycomb-Team:****");
  CHECK(redact_header("no colon at all") == "****");
}

TEST_CASE("secret option values are hidden in every spelling") {
  const std::vector<std::string> args{"--url",
                                      "https://u:p4ssw0rd@h/",
                                      "-H",
                                      "X-Access-Key: k1",
                                      "-HCookie: k2",
                                      "--header=Cookie: k3",
                                      "--header",
                                      "Cookie: k4",
                                      "--head=X: k5",
                                      "-qH",
                                      "X: k6",
                                      "-qHX: k7",
                                      "-H=X: k8",
                                      "--body",
                                      "{\"password\": \"k9\"}",
                                      "--body=@req.json",
                                      "--",
                                      "-Hpositional"};
  const auto out = redact_arguments(args);
  REQUIRE(out.size() == args.size());
  CHECK(out[1] == "https://****:****@h/");
  CHECK(out[3] == "X-Access-Key: ****");
  CHECK(out[4] == "-HCookie: ****");
  CHECK(out[5] == "--header=Cookie: ****");
  CHECK(out[7] == "Cookie: ****");
  CHECK(out[8] == "--head=X: ****");
  CHECK(out[10] == "X: ****");
  CHECK(out[11] == "-qHX: ****");
  CHECK(out[12] == "-H=X: ****");
  CHECK(out[14] == "****");
  CHECK(out[15] == "--body=@req.json");
  CHECK(out[17] == "-Hpositional");  // after "--", an argument is not an option
  for (const auto& a : out) CHECK_MESSAGE(a.find(": k") == std::string::npos, a);
}

TEST_CASE("a URL inside another's path or query loses its credentials too") {
  // Found by the text_redaction fuzz target.
  CHECK(redact_url_credentials("https://ci.example.com/login?next=https://deploy:hunter2@internal.example.com/") ==
        "https://ci.example.com/login?next=https://****:****@internal.example.com/");
  CHECK(redact_url_credentials("://://u@") == "://://****@");
  CHECK(redact_url_credentials("https://a/x?next=https://b/?token=t0k&page=1") ==
        "https://a/x?next=https://b/?token=****&page=1");
}
