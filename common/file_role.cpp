#include "file_role.hpp"

#include "enum_names.hpp"

namespace readygate {
namespace {

constexpr EnumNames<Role, 5> names{{"product", "test", "example", "vendored", "generated"}};

}  // namespace

std::string_view to_string(Role role) { return names(role); }
std::optional<Role> parse_role(std::string_view text) { return names.parse(text); }

}  // namespace readygate
