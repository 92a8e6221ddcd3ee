#pragma once
// Secrets never leave a readygate program in full: findings, logs, argv echoes and errors all
// pass through these. There is deliberately no way to turn them off.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace readygate {

// At most the first 4 characters survive (fewer for short secrets), then "****".
std::string redact_secret(std::string_view secret);

// How many leading bytes of `secret` redact_secret keeps: min(4, a third of its length), never
// cutting a UTF-8 sequence.
std::size_t redacted_prefix_size(std::string_view secret);

// Every URL in `text` loses its userinfo and the values of its credential-like query
// parameters: "https://user:pass@host/" -> "https://****:****@host/", "https://TOKEN@host/" ->
// "https://****@host/", "…?api_key=abc&page=2" -> "…?api_key=****&page=2". Text without
// credentials is unchanged.
std::string redact_url_credentials(std::string_view text);

// Every occurrence of a known secret (a password the program was given) in `text` becomes "****".
std::string mask_known_secret(std::string text, std::string_view secret);

// "Name: value" -> "Name: ****", whatever the name: a header's value is never echoed.
// Text without a colon is all value: "****".
std::string redact_header(std::string_view header);

// argv[1..] as the envelope's run.args echo it: URLs without credentials, and the values of
// options that carry secrets (-H/--header, --body) hidden in every spelling boost accepts
// ("-H V", "-HV", "--header V", "--header=V", "--head=V", "-qHV").
std::vector<std::string> redact_arguments(const std::vector<std::string>& arguments);

}  // namespace readygate
