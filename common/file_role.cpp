#include "file_role.hpp"

#include <algorithm>
#include <array>

namespace readygate {
namespace {

constexpr std::array<std::string_view, 5> names{"product", "test", "example", "vendored", "generated"};

}  // namespace

std::string_view to_string(Role role) { return names[static_cast<std::size_t>(role)]; }

std::optional<Role> parse_role(std::string_view text) {
  const auto it = std::find(names.begin(), names.end(), text);
  if (it == names.end()) return std::nullopt;
  return static_cast<Role>(it - names.begin());
}

}  // namespace readygate
