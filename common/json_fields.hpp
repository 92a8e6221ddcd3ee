#pragma once
// Reading the fields of one JSON object for people: a missing field, a wrong type or a value
// out of range is an input error (exit 2) that names the place and the field, e.g.
//   rules.json: rule 3 ("py.eval"): field "severity": expected a string, got number
// A field that is absent or null reads as absent.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace readygate {

enum class Presence { optional, required };

class JsonFields {
 public:
  // Throws Error (exit 2) unless `object` is a JSON object. `where` starts every message.
  JsonFields(const nlohmann::json& object, std::string where);

  [[noreturn]] void fail(std::string_view field, const std::string& problem) const;
  const std::string& where() const { return m_where; }

  const nlohmann::json* find(std::string_view field) const;  // null when absent or null
  // A string; a required one must be present and non-empty. Absent optional: "".
  std::string text(std::string_view field, Presence presence = Presence::optional) const;
  std::vector<std::string> texts(std::string_view field) const;  // an array of non-empty strings
  std::optional<double> number(std::string_view field, double low = -std::numeric_limits<double>::infinity(),
                               double high = std::numeric_limits<double>::infinity()) const;
  // A whole number >= 0 and <= `most`; absent: 0. 1.5 or -1 is an error, never truncated.
  std::size_t count(std::string_view field, std::uint64_t most = std::uint64_t{1} << 53) const;
  // A whole number in [low, high] (2.0 is whole, 2.5 is not); absent: nothing.
  std::optional<std::int64_t> whole(std::string_view field, std::int64_t low, std::int64_t high) const;
  bool flag(std::string_view field) const;                     // true or false; absent: false
  const nlohmann::json& array(std::string_view field) const;   // absent: an empty array
  const nlohmann::json* object(std::string_view field) const;  // absent: null

  // Rejects any field not in `allowed`, so that a misspelt field is an error, not ignored.
  void only(std::initializer_list<std::string_view> allowed) const;

 private:
  const nlohmann::json& m_object;
  std::string m_where;
};

}  // namespace readygate
