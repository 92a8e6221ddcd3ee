#pragma once
// Scanning trees: list the files, read each once, run the engine on worker threads, and count
// what was scanned, skipped and unreadable. Per-file problems are counted and warned about;
// they never stop the run.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/progress.hpp"
#include "common/walk.hpp"
#include "engine.hpp"
#include "finding.hpp"
#include "role.hpp"

namespace readygate::scan {

struct Shard {
  unsigned index = 1, count = 1;  // 1-based: --shard 2/4 is index 2 of 4
};

// "K/N" with 1 <= K <= N; throws Error (exit 2) otherwise.
Shard parse_shard(const std::string& text);

struct ScanOptions {
  std::vector<std::string> paths{"."};
  ListOptions listing;
  std::uint64_t max_file_size = 5ULL * 1024 * 1024;
  unsigned jobs = 0;  // 0: one per core
  std::optional<Shard> shard;
  ProgressMode progress = ProgressMode::automatic;
  std::vector<RoleOverride> roles;  // --role ROLE=GLOB, in order
  std::vector<Role> include_roles;  // vendored / generated files to scan all the same
};

struct ScanStats {
  std::size_t files = 0;  // scanned
  std::uint64_t bytes = 0;
  std::size_t skipped_binary = 0;
  std::size_t skipped_too_large = 0;
  std::size_t excluded = 0;
  std::size_t symlinks = 0;
  std::size_t special = 0;
  std::size_t other_shards = 0;
  std::size_t vendored = 0, generated = 0;  // not scanned: their role says so
  std::vector<std::string> unreadable;      // "path: reason", sorted
  // Files with more findings than the engine's cap, and how many each had past it; sorted.
  std::vector<std::pair<std::string, std::size_t>> over_cap;
  std::vector<std::string> warnings;  // from the engine ("path:line: …"), sorted
};

struct ScanResult {
  std::vector<Finding> findings;  // sorted by path, line, column, rule id
  ScanStats stats;
};

// Throws Error (exit 2) when a path does not exist.
ScanResult scan_paths(const RuleEngine& engine, const ScanOptions& options);

}  // namespace readygate::scan
