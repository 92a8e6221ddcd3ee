#include "curl.hpp"

#include <mutex>

#include "error.hpp"

namespace readygate {

void ensure_curl_initialised() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw_runtime_error("libcurl could not be initialised");
  });
}

CurlEasy make_curl_easy() {
  ensure_curl_initialised();
  CurlEasy handle(curl_easy_init());
  if (!handle) throw_runtime_error("libcurl could not create a handle");
  return handle;
}

CurlMulti make_curl_multi() {
  ensure_curl_initialised();
  CurlMulti handle(curl_multi_init());
  if (!handle) throw_runtime_error("libcurl could not create a multi handle");
  return handle;
}

void limit_to_http(CURL* easy) {
  // The _STR options came with libcurl 7.85 and deprecate the bitmask ones (a warning, so an
  // error under -Werror); Debian 11, where the release is built, has 7.74.
#if LIBCURL_VERSION_NUM >= 0x075500
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
  curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
}

bool curl_has_http2() {
  ensure_curl_initialised();
  const curl_version_info_data* info = curl_version_info(CURLVERSION_NOW);
  return info && (info->features & CURL_VERSION_HTTP2);
}

}  // namespace readygate
