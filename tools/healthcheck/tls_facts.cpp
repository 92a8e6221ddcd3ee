#include "tls_facts.hpp"

#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <memory>

namespace readygate::healthcheck {

std::optional<TlsFacts> tls_facts_of(CURL* easy) {
  curl_tlssessioninfo* info = nullptr;
  if (curl_easy_getinfo(easy, CURLINFO_TLS_SSL_PTR, &info) != CURLE_OK || !info ||
      info->backend != CURLSSLBACKEND_OPENSSL || !info->internals) {
    return std::nullopt;
  }
  SSL* ssl = static_cast<SSL*>(info->internals);
  TlsFacts facts;
  facts.protocol = SSL_get_version(ssl);
  if (const SSL_CIPHER* cipher = SSL_get_current_cipher(ssl)) facts.cipher = SSL_CIPHER_get_name(cipher);
  // A reference of our own, freed here: OpenSSL 3 spells it SSL_get1_peer_certificate and keeps
  // this name as a macro for it; OpenSSL 1.1 (Debian 11, where the release is built) has only this.
  const std::unique_ptr<X509, decltype(&X509_free)> cert(SSL_get_peer_certificate(ssl), &X509_free);
  if (cert) {
    int days = 0, seconds = 0;
    if (ASN1_TIME_diff(&days, &seconds, nullptr, X509_get0_notAfter(cert.get()))) {
      // Whole days, rounded toward zero; a certificate that expired within the last day counts as -1 so
      // "expired" never reads as 0 days left.
      facts.cert_days_left = (days == 0 && seconds < 0) ? -1 : days;
    }
    char issuer[512];
    X509_NAME_oneline(X509_get_issuer_name(cert.get()), issuer, sizeof issuer);
    facts.issuer = issuer;
  }
  return facts;
}

}  // namespace readygate::healthcheck
