#pragma once
// What may go into an HTTP request that readygate sends: checked where a request is described
// (flags, scenario files, health configs), before anything is sent. A header or method with a
// line break would let one field inject another header or a second request on the connection.
// Messages name the place, never a header's value (it may be a credential).
#include <string>
#include <string_view>

namespace readygate {

// "Name: value": a name of RFC 9110 token characters, a value without CR, LF or NUL.
// Throws Error (exit 2) starting with `where`.
void check_header_syntax(std::string_view header, const std::string& where);

// GET, POST, PROPFIND…: one RFC 9110 token. Throws Error (exit 2) starting with `where`.
void check_method_syntax(std::string_view method, const std::string& where);

// The scheme of a URL, lower-cased ("https"), or "" when it has none.
std::string url_scheme(std::string_view url);

// An http:// or https:// URL without spaces or control characters (other schemes would have
// libcurl read files or speak gopher). Throws Error (exit 2) starting with `where`; the URL is
// quoted without its credentials.
void check_http_url(std::string_view url, const std::string& where);

// Spaces or control characters anywhere in a URL: throws Error (exit 2) starting with `where`.
void check_url_characters(std::string_view url, const std::string& where);

}  // namespace readygate
