#include "json_fields.hpp"

#include <algorithm>
#include <cmath>

#include "error.hpp"
#include "number_format.hpp"

namespace readygate {

using nlohmann::json;

namespace {
std::string type_of(const json& value) { return value.type_name(); }
}  // namespace

JsonFields::JsonFields(const json& object, std::string where) : m_object(object), m_where(std::move(where)) {
  if (!object.is_object()) throw_input_error(m_where + ": expected an object, got " + type_of(object));
}

void JsonFields::fail(std::string_view field, const std::string& problem) const {
  throw_input_error(m_where + ": field \"" + std::string(field) + "\": " + problem);
}

const json* JsonFields::find(std::string_view field) const {
  const auto it = m_object.find(field);
  return it == m_object.end() || it->is_null() ? nullptr : &*it;
}

std::string JsonFields::text(std::string_view field, Presence presence) const {
  const json* value = find(field);
  if (!value) {
    if (presence == Presence::required) fail(field, "is required");
    return {};
  }
  if (!value->is_string()) fail(field, "expected a string, got " + type_of(*value));
  std::string text = value->get<std::string>();
  if (presence == Presence::required && text.empty()) fail(field, "must not be empty");
  return text;
}

std::vector<std::string> JsonFields::texts(std::string_view field) const {
  std::vector<std::string> out;
  const json* value = find(field);
  if (!value) return out;
  if (!value->is_array()) fail(field, "expected an array of strings, got " + type_of(*value));
  for (const json& item : *value) {
    if (!item.is_string() || item.get<std::string>().empty())
      fail(field, "expected non-empty strings, got " + item.dump());
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::optional<double> JsonFields::number(std::string_view field, double low, double high) const {
  const json* value = find(field);
  if (!value) return std::nullopt;
  if (!value->is_number()) fail(field, "expected a number, got " + type_of(*value));
  const double n = value->get<double>();
  if (n < low || n > high) fail(field, "must be between " + format_number(low) + " and " + format_number(high));
  return n;
}

std::size_t JsonFields::count(std::string_view field, std::uint64_t most) const {
  const json* value = find(field);
  if (!value) return 0;
  if (!value->is_number_unsigned() && !(value->is_number_integer() && value->get<long long>() >= 0)) {
    fail(field, "expected a whole number, got " + value->dump().substr(0, 40));
  }
  if (value->get<std::uint64_t>() > most) fail(field, "must be at most " + std::to_string(most));
  return static_cast<std::size_t>(value->get<std::uint64_t>());
}

std::optional<std::int64_t> JsonFields::whole(std::string_view field, std::int64_t low, std::int64_t high) const {
  const json* value = find(field);
  if (!value) return std::nullopt;
  const std::string range = "a whole number from " + std::to_string(low) + " to " + std::to_string(high);
  if (!value->is_number()) fail(field, "expected " + range + ", got " + type_of(*value));
  const double n = value->get<double>();
  if (!(n >= static_cast<double>(low) && n <= static_cast<double>(high)) || n != std::floor(n)) {
    fail(field, "expected " + range + ", got " + value->dump().substr(0, 40));
  }
  return static_cast<std::int64_t>(n);
}

bool JsonFields::flag(std::string_view field) const {
  const json* value = find(field);
  if (!value) return false;
  if (!value->is_boolean()) fail(field, "expected true or false, got " + type_of(*value));
  return value->get<bool>();
}

const json& JsonFields::array(std::string_view field) const {
  static const json empty = json::array();
  const json* value = find(field);
  if (!value) return empty;
  if (!value->is_array()) fail(field, "expected an array, got " + type_of(*value));
  return *value;
}

const json* JsonFields::object(std::string_view field) const {
  const json* value = find(field);
  if (value && !value->is_object()) fail(field, "expected an object, got " + type_of(*value));
  return value;
}

void JsonFields::only(std::initializer_list<std::string_view> allowed) const {
  for (const auto& [key, value] : m_object.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      throw_input_error(m_where + ": unknown field \"" + key + "\" (known: " + list + ")");
    }
  }
}

}  // namespace readygate
