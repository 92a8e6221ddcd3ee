#include "language.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>

namespace readygate::scan {
namespace {

struct Extension {
  std::string_view suffix, language;
};

constexpr std::array<Extension, 30> extensions{{
    {".py", "python"},      {".pyw", "python"},     {".pyi", "python"},
    {".js", "javascript"},  {".mjs", "javascript"}, {".cjs", "javascript"},
    {".jsx", "javascript"}, {".ts", "typescript"},  {".tsx", "typescript"},
    {".mts", "typescript"}, {".cts", "typescript"}, {".sh", "shell"},
    {".bash", "shell"},     {".zsh", "shell"},      {".yaml", "yaml"},
    {".yml", "yaml"},       {".json", "json"},      {".toml", "toml"},
    {".ini", "ini"},        {".cfg", "ini"},        {".conf", "ini"},
    {".properties", "ini"}, {".env", "env"},        {".go", "go"},
    {".java", "java"},      {".rb", "ruby"},        {".php", "php"},
    {".cs", "csharp"},      {".tf", "terraform"},   {".dockerfile", "dockerfile"},
}};

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

std::string_view language_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  const std::string name = lower(slash == std::string_view::npos ? path : path.substr(slash + 1));
  if (name == "dockerfile" || name.rfind("dockerfile.", 0) == 0 || name == "containerfile") {
    return "dockerfile";
  }
  if (name == ".env" || name.rfind(".env.", 0) == 0) return "env";
  for (const auto& e : extensions) {
    if (ends_with(name, e.suffix)) return e.language;
  }
  return "";
}

const std::vector<std::string_view>& known_languages() {
  static const std::vector<std::string_view> languages = [] {
    std::vector<std::string_view> all;
    for (const auto& e : extensions) {
      if (std::find(all.begin(), all.end(), e.language) == all.end()) all.push_back(e.language);
    }
    return all;
  }();
  return languages;
}

}  // namespace readygate::scan
