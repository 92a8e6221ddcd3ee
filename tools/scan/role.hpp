#pragma once
// What part a file plays in its project, by its path (and, for generated files, its first
// lines). Findings carry their file's role; the gate counts product code (and secrets anywhere).
//   test       tests/ test/ __tests__/ spec/ fixtures/ testdata/ __mocks__/, test_*.py,
//              *_test.py, conftest.py, *.test.[cm]?[jt]sx?, *.spec.[cm]?[jt]sx?, *_test.go
//   example    examples/ example/ docs/ doc/ samples/ sample/, and benchmarks/ benchmark/ bench/
//              (scripts that measure the project, run by its developers, not shipped to users)
//   vendored   vendor/ vendors/ third_party/ third-party/ thirdparty/ *.min.js, *.bundle.js,
//              *-bundle.js
//   generated  *.gen.ts, *.gen.js, *.gen.go, *_pb2.py, *_pb2_grpc.py, *.pb.go, or a file whose
//              first lines say @generated, DO NOT EDIT, auto-generated or "Code generated"
//   product    everything else
// Generated wins over vendored, vendored over test, test over example. --role ROLE=GLOB
// overrides, the last matching one winning.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/file_role.hpp"

namespace readygate::scan {

// The enum crosses the pipe, so it lives in common/; scan::Role still names it.
using readygate::parse_role;
using readygate::Role;

struct RoleOverride {
  Role role = Role::product;
  std::string glob;  // gitignore-flavoured, as --exclude takes them
};

// "test=tests/e2e/**" -> an override; throws Error (exit 2) on anything else.
RoleOverride parse_role_override(const std::string& text);

// The role of the file at `path` whose text starts with `head`.
Role role_of(std::string_view path, std::string_view head, const std::vector<RoleOverride>& overrides);

// Vendored and generated files are not scanned unless asked for.
inline bool skipped_by_default(Role role) { return role == Role::vendored || role == Role::generated; }

}  // namespace readygate::scan
