#pragma once
// Gitignore-flavoured globs for --include/--exclude and rule path filters.
//   *      any run of characters within one path component
//   ?      one character other than '/'
//   [a-z]  a class ([!…] or [^…] negates)
//   **     any run of characters, '/' included ("**/" also matches nothing)
// Paths are relative and '/'-separated.
#include <string_view>

namespace readygate {

// `pattern` against the whole of `text`.
bool glob_match(std::string_view pattern, std::string_view text);

// Exclusion semantics: a pattern without '/' matches any single component (a directory or the
// file name: `node_modules`, `*.min.js`); a pattern with '/' matches the path or one of its
// leading directories (`src/vendor` excludes everything below it). A leading '/' is ignored.
bool path_matches(std::string_view pattern, std::string_view relative_path);

// Inclusion semantics: a pattern without '/' matches the file name; with '/', the whole path.
bool file_matches(std::string_view pattern, std::string_view relative_path);

}  // namespace readygate
