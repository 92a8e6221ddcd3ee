# cmake -DOUTPUT=file.cpp -DFILES="a.json|b.json" -P embed_rules.cmake
# Writes the built-in rule files, in the order given, as one table the scanner reads: adding a
# rule file is one line in tools/scan/CMakeLists.txt.
set(body "")
string(REPLACE "|" ";" FILES "${FILES}")
foreach(input IN LISTS FILES)
  file(READ "${input}" content)
  string(FIND "${content}" ")EMBED\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${input} contains the raw-string delimiter )EMBED\"")
  endif()
  get_filename_component(name "${input}" NAME)
  string(APPEND body "    {\"${name}\", R\"EMBED(${content})EMBED\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp"
"// Generated from tools/scan/rules/ by cmake/embed_rules.cmake; do not edit.
#include \"builtin_rule_files.hpp\"
namespace readygate::scan {
const std::vector<BuiltinRuleFile>& builtin_rule_files() {
  static const std::vector<BuiltinRuleFile> files{
${body}  };
  return files;
}
}
")
# Only when the text changed, so what includes it is not rebuilt for nothing. (configure_file,
# not file(COPY_FILE … ONLY_IF_DIFFERENT): that needs CMake 3.21, Debian 11 has 3.18.)
configure_file("${OUTPUT}.tmp" "${OUTPUT}" COPYONLY)
file(REMOVE "${OUTPUT}.tmp")
