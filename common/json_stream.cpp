#include "json_stream.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "error.hpp"
#include "log.hpp"

namespace readygate {
namespace {

struct LineColumn {
  std::size_t line = 1, column = 1;
};

LineColumn line_column_at(std::string_view text, std::size_t offset) {
  LineColumn at;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++at.line;
      at.column = 1;
    } else {
      ++at.column;
    }
  }
  return at;
}

// An input stream over text that is already in memory, without copying it (istringstream would).
class TextBuffer : public std::streambuf {
 public:
  explicit TextBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());  // read-only: only the get area is used
    setg(begin, begin, begin + text.size());
  }
  std::size_t offset() const { return static_cast<std::size_t>(gptr() - eback()); }

 protected:
  pos_type seekoff(off_type offset, std::ios_base::seekdir dir, std::ios_base::openmode) override {
    if (offset != 0 || dir != std::ios_base::cur) return pos_type(off_type(-1));
    return pos_type(gptr() - eback());  // only tellg() is needed
  }
};

// nlohmann's message starts with "[json.exception.parse_error.101] parse error at line 1,
// column 2: "; keep only the part after the position, since ours covers the whole stream.
std::string describe(const nlohmann::detail::exception& e) {
  std::string what = e.what();
  const auto bracket = what.find("] ");
  if (bracket != std::string::npos) what = what.substr(bracket + 2);
  const auto colon = what.find(": ");
  return colon == std::string::npos || what.rfind("parse error", 0) != 0 ? what : what.substr(colon + 2);
}

// Builds the document as nlohmann's own DOM parser does, with the limits of the header: it
// refuses to open a container past max_json_depth, and remembers where and why it stopped.
class BoundedDom final : public nlohmann::json_sax<json> {
 public:
  explicit BoundedDom(const TextBuffer& buffer) : m_buffer(buffer) {}

  json& root() { return m_root; }
  // Why parsing stopped, and the offset (from the start of the document's stream) where.
  const std::string& problem() const { return m_problem; }
  std::size_t problem_offset() const { return m_problem_offset; }
  bool from_parser() const { return m_from_parser; }
  std::size_t parser_position() const { return m_parser_position; }

  bool null() override { return add(nullptr); }
  bool boolean(bool value) override { return add(value); }
  bool number_integer(number_integer_t value) override { return add(value); }
  bool number_unsigned(number_unsigned_t value) override { return add(value); }
  bool number_float(number_float_t value, const string_t&) override { return add(value); }
  bool string(string_t& value) override { return add(std::move(value)); }
  bool binary(binary_t& value) override { return add(json::binary(std::move(value))); }
  bool start_object(std::size_t) override { return open(json::object()); }
  bool key(string_t& value) override {
    m_keys.back() = value;
    m_key = &(*m_stack.back())[value];
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(json::array()); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override {
    m_from_parser = true;
    m_parser_position = position;
    m_problem = describe(e);
    if (e.id == 406) m_problem = "a number too large for a double (" + m_problem + ")";
    m_problem += field();
    return false;
  }

 private:
  // " (field \"run.duration_ms\")" for the innermost keys, when there are any.
  std::string field() const {
    std::string path;
    for (const auto& k : m_keys) {
      if (!k.empty()) path += (path.empty() ? "" : ".") + k;
    }
    return path.empty() ? "" : " (field \"" + path + "\")";
  }

  json* place(json&& value) {
    if (m_stack.empty()) {
      m_root = std::move(value);
      return &m_root;
    }
    json& top = *m_stack.back();
    if (top.is_array()) {
      top.push_back(std::move(value));
      return &top.back();
    }
    *m_key = std::move(value);
    return m_key;
  }
  bool add(json&& value) {
    place(std::move(value));
    return true;
  }
  bool open(json&& container) {
    if (m_stack.size() >= max_json_depth) {
      m_problem = "nested deeper than " + std::to_string(max_json_depth) + " levels" + field();
      m_problem_offset = m_buffer.offset();
      return false;
    }
    m_stack.push_back(place(std::move(container)));
    m_keys.emplace_back();
    return true;
  }
  bool close() {
    m_stack.pop_back();
    m_keys.pop_back();
    return true;
  }

  const TextBuffer& m_buffer;
  json m_root;
  std::vector<json*> m_stack;
  std::vector<std::string> m_keys;  // the key being read at each open object ("" in arrays)
  json* m_key = nullptr;
  std::string m_problem;
  std::size_t m_problem_offset = 0;
  bool m_from_parser = false;
  std::size_t m_parser_position = 0;
};

struct Parsed {
  std::vector<json> documents;
  std::string problem;  // empty: all parsed
  std::size_t offset = 0;
};

Parsed parse_all(std::string_view text, std::size_t most) {
  Parsed parsed;
  TextBuffer buffer(text);
  std::istream in(&buffer);
  while (true) {
    in >> std::ws;
    if (in.peek() == std::char_traits<char>::eof()) break;
    const std::size_t start = buffer.offset();
    if (parsed.documents.size() == most) {
      parsed.problem = "more than one document";
      parsed.offset = start;
      break;
    }
    BoundedDom dom(buffer);
    if (!json::sax_parse(in, &dom, json::input_format_t::json, false)) {
      parsed.problem = dom.problem();
      // The parser counts from the start of this document, 1-based; the depth limit knows the
      // stream's offset just past the bracket.
      parsed.offset = dom.from_parser() ? start + (dom.parser_position() > 0 ? dom.parser_position() - 1 : 0)
                                        : (dom.problem_offset() > 0 ? dom.problem_offset() - 1 : 0);
      break;
    }
    parsed.documents.push_back(std::move(dom.root()));
  }
  return parsed;
}

}  // namespace

std::vector<json> parse_json_documents(std::string_view text, const std::string& source) {
  Parsed parsed = parse_all(text, std::string_view::npos);
  if (!parsed.problem.empty()) {
    const LineColumn at = line_column_at(text, parsed.offset);
    throw_input_error(source + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) +
                      ": malformed JSON: " + parsed.problem);
  }
  return std::move(parsed.documents);
}

std::optional<json> parse_json_untrusted(std::string_view text) {
  Parsed parsed = parse_all(text, 1);
  if (!parsed.problem.empty() || parsed.documents.size() != 1) return std::nullopt;
  return std::move(parsed.documents.front());
}

std::string read_input(const std::string& path) {
  if (path == "-") {
    // A person who ran ready-score or ready-report without arguments sees why nothing happens.
    if (isatty(STDIN_FILENO) == 1)
      log_info("waiting for JSON on standard input (a terminal): end it with Ctrl-D, or name the files to read");
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    return buffer.str();
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw_input_error(path + ": is a directory, not a file");
  std::ifstream file(path, std::ios::binary);
  if (!file) throw_input_error(path + ": cannot open: " + std::strerror(errno));
  std::string content{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
  if (file.bad()) throw_input_error(path + ": cannot read: " + std::strerror(errno));
  return content;
}

std::vector<json> read_json_documents(const std::vector<std::string>& paths) {
  const std::vector<std::string> inputs = paths.empty() ? std::vector<std::string>{"-"} : paths;
  std::vector<json> all;
  for (const auto& path : inputs) {
    auto documents = parse_json_documents(read_input(path), path == "-" ? "<stdin>" : path);
    for (auto& document : documents) all.push_back(std::move(document));
  }
  return all;
}

}  // namespace readygate
