#include "resp.hpp"

#include <utility>

namespace readygate::healthcheck {
namespace {

RespParse invalid(std::string why) {
  RespParse p;
  p.status = RespStatus::invalid;
  p.error = std::move(why);
  return p;
}

// A decimal length or integer: an optional '-' then 1–18 digits (no overflow possible).
bool parse_integer(std::string_view text, long long& out) {
  const bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  if (text.empty() || text.size() > 18) return false;
  long long value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  out = negative ? -value : value;
  return true;
}

struct Frame {
  RespValue* array;
  std::size_t remaining;
};

}  // namespace

RespParse parse_resp(std::string_view buffer, const RespLimits& limits) {
  RespParse result;
  std::vector<Frame> stack;
  std::size_t pos = 0, items = 0;
  const auto place = [&]() -> RespValue& {
    if (stack.empty()) return result.value;
    Frame& top = stack.back();
    --top.remaining;
    return top.array->items.emplace_back();
  };
  while (true) {
    if (pos >= buffer.size()) return {};
    const std::size_t window = std::min(buffer.size() - pos, limits.max_line + 2);
    const std::size_t end = buffer.substr(pos, window).find("\r\n");
    if (end == std::string_view::npos) {
      if (window == limits.max_line + 2) return invalid("a line longer than " + std::to_string(limits.max_line));
      // A wrong first byte needs no more bytes to be refused.
      const char first = buffer[pos];
      if (first != '+' && first != '-' && first != ':' && first != '$' && first != '*')
        return invalid("not a RESP reply: it starts with \"" + resp_excerpt(buffer.substr(pos)) + "\"");
      return {};
    }
    const char type = buffer[pos];
    const std::string_view line = buffer.substr(pos + 1, end - 1);
    const std::size_t after = pos + end + 2;
    if (after > limits.max_total) return invalid("a reply longer than " + std::to_string(limits.max_total) + " bytes");
    long long number = 0;
    switch (type) {
      case '+':
      case '-': {
        RespValue& v = place();
        v.type = type == '+' ? RespValue::Type::simple : RespValue::Type::error;
        v.text = std::string(line);
        pos = after;
        break;
      }
      case ':': {
        if (!parse_integer(line, number)) return invalid("a malformed integer");
        RespValue& v = place();
        v.type = RespValue::Type::integer;
        v.integer = number;
        pos = after;
        break;
      }
      case '$': {
        if (!parse_integer(line, number) || number < -1) return invalid("a malformed bulk length");
        if (number == -1) {
          place().type = RespValue::Type::null;
          pos = after;
          break;
        }
        const auto length = static_cast<std::size_t>(number);
        if (length > limits.max_bulk) return invalid("a bulk string of " + std::to_string(length) + " bytes");
        if (after + length + 2 > limits.max_total)
          return invalid("a reply longer than " + std::to_string(limits.max_total) + " bytes");
        if (buffer.size() < after + length + 2) return {};
        if (buffer.substr(after + length, 2) != "\r\n") return invalid("a bulk string without its CRLF");
        RespValue& v = place();
        v.type = RespValue::Type::bulk;
        v.text = std::string(buffer.substr(after, length));
        pos = after + length + 2;
        break;
      }
      case '*': {
        if (!parse_integer(line, number) || number < -1) return invalid("a malformed array length");
        if (number == -1) {
          place().type = RespValue::Type::null;
          pos = after;
          break;
        }
        const auto count = static_cast<std::size_t>(number);
        items += count;
        if (items > limits.max_items) return invalid("more than " + std::to_string(limits.max_items) + " array items");
        if (count > 0 && stack.size() >= limits.max_depth)
          return invalid("arrays nested deeper than " + std::to_string(limits.max_depth));
        RespValue& v = place();
        v.type = RespValue::Type::array;
        pos = after;
        if (count > 0) {
          v.items.reserve(count);
          stack.push_back({&v, count});
          continue;  // its items come next
        }
        break;
      }
      default:
        return invalid("not a RESP reply: it starts with \"" + resp_excerpt(buffer.substr(pos)) + "\"");
    }
    while (!stack.empty() && stack.back().remaining == 0) stack.pop_back();
    if (stack.empty()) {
      result.status = RespStatus::complete;
      result.consumed = pos;
      return result;
    }
  }
}

std::string resp_excerpt(std::string_view bytes, std::size_t max) {
  std::string out;
  for (const char c : bytes.substr(0, max)) {
    if (c == '\r' || c == '\n') break;
    const auto u = static_cast<unsigned char>(c);
    out += u >= 0x20 && u < 0x7f ? c : '?';
  }
  return out;
}

}  // namespace readygate::healthcheck
