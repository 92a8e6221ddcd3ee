#pragma once
// Which language a file is written in, by its name: rules select files by language.
#include <string_view>
#include <vector>

namespace readygate::scan {

// "python", "javascript", "typescript", … or "" when the name says nothing.
std::string_view language_of(std::string_view path);

// Every language name a rule may use.
const std::vector<std::string_view>& known_languages();

}  // namespace readygate::scan
