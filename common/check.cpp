#include "check.hpp"

#include "enum_names.hpp"
#include "error.hpp"
#include "json_fields.hpp"

namespace readygate {
namespace {

constexpr EnumNames<CheckStatus, 5> names{{"pass", "warn", "fail", "skip", "error"}};

}  // namespace

std::string_view to_string(CheckStatus status) { return names(status); }
std::optional<CheckStatus> parse_check_status(std::string_view text) { return names.parse(text); }

nlohmann::json to_json(const Check& check) {
  nlohmann::json out{
      {"id", check.id}, {"title", check.title}, {"status", to_string(check.status)}, {"message", check.message}};
  if (check.value) out["value"] = *check.value;
  if (check.limit) out["limit"] = *check.limit;
  if (!check.op.empty()) out["op"] = check.op;
  if (!check.unit.empty()) out["unit"] = check.unit;
  return out;
}

Check check_from_json(const nlohmann::json& object, const std::string& where) {
  const JsonFields f(object, where);
  const std::string status = f.text("status");
  const auto parsed = parse_check_status(status);
  if (!parsed)
    throw_input_error(where + ": field \"status\": expected pass, warn, fail, skip or error, got \"" + status + "\"");
  Check check{f.text("id"),      f.text("title"),   *parsed,      f.text("message"),
              f.number("value"), f.number("limit"), f.text("op"), f.text("unit")};
  if (check.id.empty()) throw_input_error(where + ": field \"id\": a check needs an id");
  return check;
}

}  // namespace readygate
