#pragma once
// The wire names of an enum whose values count from 0, in order: one table gives both
// directions, so to_string and parse cannot drift apart.
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace readygate {

template <typename Enum, std::size_t N>
struct EnumNames {
  std::array<std::string_view, N> names;

  constexpr std::string_view operator()(Enum value) const { return names[static_cast<std::size_t>(value)]; }

  constexpr std::optional<Enum> parse(std::string_view text) const {
    for (std::size_t i = 0; i < N; ++i) {
      if (names[i] == text) return static_cast<Enum>(i);
    }
    return std::nullopt;
  }
};

}  // namespace readygate
