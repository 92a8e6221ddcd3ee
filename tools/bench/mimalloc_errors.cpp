// Linked into ready-bench with mimalloc (tools/bench/CMakeLists.txt). mimalloc's operator new is
// built as C and cannot see the C++ new handler, so when memory runs out it aborts (SIGABRT)
// instead of calling common/cli.cpp's out_of_memory (one message, exit 3). Its error hook can:
// on ENOMEM it calls the new handler, which does not return.
#include <mimalloc.h>

#include <cerrno>
#include <new>

namespace {

void on_mimalloc_error(int error, void* /*unused*/) {
  if (error != ENOMEM) return;
  if (const std::new_handler handler = std::get_new_handler()) handler();
}

// Registered before main, so before any allocation the load could make.
const bool registered = [] {
  mi_register_error(&on_mimalloc_error, nullptr);
  return true;
}();

}  // namespace
