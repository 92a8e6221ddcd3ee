#include "output.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

#include "error.hpp"

namespace readygate {

std::string dump_json(const nlohmann::json& document, bool pretty) {
  return document.dump(pretty ? 2 : -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void write_text_output(const std::string& text, const std::string& path) {
  if (path == "-") {
    std::cout << text << std::flush;
    if (!std::cout) throw_runtime_error("cannot write to standard output");
    return;
  }
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) throw_runtime_error(path + ": cannot open for writing: " + std::strerror(errno));
  file << text;
  file.close();
  if (!file) throw_runtime_error(path + ": cannot write: " + std::strerror(errno));
}

void write_json_output(const nlohmann::json& document, const std::string& path, bool pretty) {
  write_text_output(dump_json(document, pretty) + "\n", path);
}

}  // namespace readygate
