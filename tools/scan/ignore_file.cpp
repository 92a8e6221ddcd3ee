#include "ignore_file.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "char_class.hpp"
#include "common/json_stream.hpp"

namespace readygate::scan {
namespace {

bool all_of(std::string_view s, bool (*pred)(unsigned char)) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [&](char c) { return pred(static_cast<unsigned char>(c)); });
}

bool hex(unsigned char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool digit(unsigned char c) { return is_digit(c); }

std::string without_dot_slash(std::string_view path) {
  while (path.substr(0, 2) == "./") path.remove_prefix(2);
  return std::string(path);
}

// Each meaningful line (comments and blank lines skipped) with its 1-based number.
template <typename Visit>
void each_line(std::string_view text, Visit&& visit) {
  std::size_t number = 0;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    ++number;
    std::string_view line = trim_space(text.substr(start, end - start));
    if (!line.empty() && line.front() != '#') visit(line, number);
    start = end + 1;
  }
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

void read_readygate_ignore(std::string_view text, const std::string& name, IgnoreList& into) {
  each_line(text, [&](std::string_view line, std::size_t number) {
    const std::string_view fingerprint = trim_space(line.substr(0, line.find('#')));
    if (fingerprint.size() >= 16 && all_of(fingerprint, hex)) {
      std::string lower(fingerprint);
      std::transform(lower.begin(), lower.end(), lower.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      into.fingerprints.insert(std::move(lower));
    } else {
      into.warnings.push_back(name + ":" + std::to_string(number) +
                              ": not a finding fingerprint (hex digits), ignored");
    }
  });
}

void read_gitleaks_ignore(std::string_view text, const std::string& name, IgnoreList& into) {
  each_line(text, [&](std::string_view line, std::size_t number) {
    // [COMMIT:]FILE:RULE:LINE, read from the right: FILE may hold ':' itself.
    const std::size_t last = line.rfind(':');
    const std::size_t rule =
        last == std::string_view::npos || last == 0 ? std::string_view::npos : line.rfind(':', last - 1);
    if (rule == std::string_view::npos || !all_of(line.substr(last + 1), digit) || last - rule < 2 || rule == 0) {
      into.warnings.push_back(name + ":" + std::to_string(number) +
                              ": not a gitleaks fingerprint ([COMMIT:]FILE:RULE:LINE), ignored");
      return;
    }
    std::string_view file = line.substr(0, rule);
    std::string commit;
    const std::size_t colon = file.find(':');
    if (colon == 40 && all_of(file.substr(0, 40), hex)) {
      commit = std::string(file.substr(0, 40));
      file.remove_prefix(41);
    }
    const std::string_view digits = line.substr(last + 1);
    if (digits.size() > 12) {
      into.warnings.push_back(name + ":" + std::to_string(number) + ": line number out of range, ignored");
      return;
    }
    into.secret_places.insert(
        {commit, without_dot_slash(file), static_cast<std::size_t>(std::stoull(std::string(digits)))});
  });
}

IgnoreList read_ignore_files(const std::string& folder, const std::vector<std::string>& more_files) {
  IgnoreList list;
  const std::filesystem::path base(folder.empty() ? "." : folder);
  std::error_code error;
  for (const auto& [name, reader] :
       {std::pair{".readygateignore", &read_readygate_ignore}, std::pair{".gitleaksignore", &read_gitleaks_ignore}}) {
    const std::filesystem::path path = base / name;
    if (std::filesystem::is_regular_file(path, error)) reader(read_file(path), path.generic_string(), list);
  }
  for (const auto& file : more_files) {
    const bool gitleaks =
        std::string_view(file).size() >= 14 && std::string_view(file).substr(file.size() - 14) == "gitleaksignore";
    (gitleaks ? read_gitleaks_ignore : read_readygate_ignore)(read_input(file), file, list);
  }
  return list;
}

std::size_t apply_ignore_list(std::vector<Finding>& findings, const std::vector<Rule>& rules, const IgnoreList& list) {
  std::size_t suppressed = 0;
  for (Finding& finding : findings) {
    if (finding.suppressed) continue;
    bool ignore = list.fingerprints.count(finding.fingerprint) > 0;
    if (!ignore && rules[finding.rule].category == "secrets") {
      const std::string path = without_dot_slash(finding.path);
      ignore = list.secret_places.count({std::string(), path, finding.line}) > 0 ||
               (finding.commit && list.secret_places.count({finding.commit->id, path, finding.line}) > 0);
    }
    if (ignore) {
      finding.suppressed = true;
      ++suppressed;
    }
  }
  return suppressed;
}

}  // namespace readygate::scan
