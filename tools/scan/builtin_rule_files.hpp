#pragma once
// The built-in rule files (tools/scan/rules/*.json), compiled into the binary in the order
// tools/scan/CMakeLists.txt lists them: that order is the rules' order (a group's first rule
// wins; of two rules flagging one secret, the earlier on a tie).
#include <string_view>
#include <vector>

namespace readygate::scan {

struct BuiltinRuleFile {
  std::string_view name;  // "secrets.json"
  std::string_view text;
};

const std::vector<BuiltinRuleFile>& builtin_rule_files();

}  // namespace readygate::scan
