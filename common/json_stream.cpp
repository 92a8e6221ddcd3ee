#include "json_stream.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "error.hpp"

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

protected:
  pos_type seekoff(off_type offset, std::ios_base::seekdir dir, std::ios_base::openmode) override {
    if (offset != 0 || dir != std::ios_base::cur) return pos_type(off_type(-1));
    return pos_type(gptr() - eback());  // only tellg() is needed
  }
};

// nlohmann's message starts with "[json.exception.parse_error.101] parse error at line 1,
// column 2: "; keep only the part after the position, since ours covers the whole stream.
std::string describe(const json::parse_error& e) {
  std::string what = e.what();
  const auto colon = what.find(": ");
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

}  // namespace

std::vector<json> parse_json_documents(std::string_view text, const std::string& source) {
  std::vector<json> documents;
  TextBuffer buffer(text);
  std::istream in(&buffer);
  while (true) {
    in >> std::ws;
    if (in.peek() == std::char_traits<char>::eof()) break;
    const auto start = static_cast<std::size_t>(in.tellg());
    try {
      json document;
      in >> document;
      documents.push_back(std::move(document));
    } catch (const json::parse_error& e) {
      // e.byte counts from the start of this document, 1-based.
      const std::size_t offset = start + (e.byte > 0 ? e.byte - 1 : 0);
      const LineColumn at = line_column_at(text, offset);
      throw_input_error(source + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) +
                        ": malformed JSON: " + describe(e));
    }
  }
  return documents;
}

std::string read_input(const std::string& path) {
  if (path == "-") {
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
