#pragma once
// Judging a captured secret value: its entropy, and whether it is only a placeholder.
#include <string_view>

namespace readygate::scan {

// Shannon entropy of the byte distribution, in bits per character (0 for empty text).
double shannon_entropy(std::string_view text);

// True for values that stand in for a secret rather than being one: "<your-key>", "${VAR}",
// "{{ token }}", "{password}", "%(pw)s", "$DB_PASSWORD", "changeme", "xxxx", "****", "example", "dummy",
// a value of one repeated character, and the like. Such values are never reported.
bool is_placeholder(std::string_view value);

}  // namespace readygate::scan
