# cmake -DINPUT=file -DOUTPUT=file.cpp -DNAMESPACE=ns -DFUNCTION=name -P embed_text.cmake
# Writes a C++ function returning the file's text, so data files ship inside the binary.
file(READ "${INPUT}" content)
string(FIND "${content}" ")EMBED\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )EMBED\"")
endif()
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT} by cmake/embed_text.cmake; do not edit.
#include <string_view>
namespace ${NAMESPACE} {
std::string_view ${FUNCTION}() {
  static constexpr std::string_view text = R\"EMBED(${content})EMBED\";
  return text;
}
}
")
# Only when the text changed, so what includes it is not rebuilt for nothing. (configure_file,
# not file(COPY_FILE … ONLY_IF_DIFFERENT): that needs CMake 3.21, Debian 11 has 3.18.)
configure_file("${OUTPUT}.tmp" "${OUTPUT}" COPYONLY)
file(REMOVE "${OUTPUT}.tmp")
