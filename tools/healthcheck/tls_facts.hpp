#pragma once
// TLS facts of a live connection (protocol, cipher, certificate issuer and days to expiry),
// read from libcurl's OpenSSL session while the transfer runs.
#include <curl/curl.h>

#include <optional>

#include "probe_result.hpp"

namespace readygate::healthcheck {

// Nothing when the connection is not TLS or the TLS library is not OpenSSL.
std::optional<TlsFacts> tls_facts_of(CURL* easy);

}  // namespace readygate::healthcheck
