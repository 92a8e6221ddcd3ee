#include "output.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

#include "error.hpp"

namespace readygate {
namespace {

// stdout or a file, with the one error message for each way writing can fail.
class Output {
 public:
  explicit Output(const std::string& path) : m_path(path) {
    if (path == "-") return;
    m_file.open(path, std::ios::binary | std::ios::trunc);
    if (!m_file) throw_runtime_error(path + ": cannot open for writing: " + std::strerror(errno));
  }
  std::ostream& stream() { return m_path == "-" ? std::cout : m_file; }
  void finish() {
    if (m_path == "-") {
      std::cout.flush();
      if (!std::cout) throw_runtime_error("cannot write to standard output");
      return;
    }
    m_file.close();
    if (!m_file) throw_runtime_error(m_path + ": cannot write: " + std::strerror(errno));
  }

 private:
  std::string m_path;
  std::ofstream m_file;
};

}  // namespace

std::string dump_json(const nlohmann::json& document, bool pretty) {
  return document.dump(pretty ? 2 : -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void write_text_output(const std::string& text, const std::string& path) {
  Output out(path);
  out.stream() << text;
  out.finish();
}

void write_json_output(const nlohmann::json& document, const std::string& path, bool pretty) {
  write_text_output(dump_json(document, pretty) + "\n", path);
}

void write_json_output(const nlohmann::json& document, const std::string& array_key, std::size_t count,
                       const std::function<nlohmann::json(std::size_t)>& item, const std::string& path, bool pretty) {
  // The empty array stands where the items go: a quoted key followed by [] can only be a key.
  const std::string text = dump_json(document, pretty);
  const std::string placeholder = "\"" + array_key + "\":" + (pretty ? " []" : "[]");
  const std::size_t at = text.find(placeholder);
  if (at == std::string::npos || count == 0) {
    write_text_output(text + "\n", path);
    return;
  }
  Output out(path);
  std::ostream& stream = out.stream();
  stream << std::string_view(text).substr(0, at + placeholder.size() - 1);  // up to and with '['
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) stream << ',';
    if (!pretty) {
      stream << dump_json(item(i), false);
      continue;
    }
    // Items of a top-level array sit two levels deep: indent each of their lines by four.
    stream << "\n    ";
    for (const char c : dump_json(item(i), true)) {
      stream << c;
      if (c == '\n') stream << "    ";
    }
  }
  if (pretty) stream << "\n  ";
  stream << std::string_view(text).substr(at + placeholder.size() - 1) << '\n';
  out.finish();
}

}  // namespace readygate
