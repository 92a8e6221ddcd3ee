#pragma once
// What part a file plays in its project (ready-scan decides it by path: tools/scan/role.hpp).
// A finding carries its file's role; the gate counts product code, and secrets anywhere.
#include <optional>
#include <string_view>

namespace readygate {

enum class Role { product, test, example, vendored, generated };

std::string_view to_string(Role role);  // "product", "test", …
std::optional<Role> parse_role(std::string_view text);

}  // namespace readygate
