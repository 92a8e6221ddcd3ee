#pragma once
// RAII over libcurl's handles, and its one-time global set-up. Every readygate program that
// talks HTTP goes through these, so set-up and clean-up happen in exactly one place.
#include <curl/curl.h>

#include <memory>
#include <string>

namespace readygate {

// curl_global_init once per process, before any thread uses libcurl.
void ensure_curl_initialised();

struct CurlEasyDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct CurlMultiDeleter {
  void operator()(CURLM* handle) const { curl_multi_cleanup(handle); }
};
struct CurlSlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

using CurlEasy = std::unique_ptr<CURL, CurlEasyDeleter>;
using CurlMulti = std::unique_ptr<CURLM, CurlMultiDeleter>;
using CurlHeaders = std::unique_ptr<curl_slist, CurlSlistDeleter>;

// Throw Error (exit 3) when libcurl cannot make a handle (out of memory).
CurlEasy make_curl_easy();
CurlMulti make_curl_multi();

// Only http and https, for the request and any redirect it follows: a URL that slipped past
// validation still cannot have libcurl read a file or speak another protocol.
void limit_to_http(CURL* easy);

// Whether this libcurl can speak HTTP/2.
bool curl_has_http2();

}  // namespace readygate
