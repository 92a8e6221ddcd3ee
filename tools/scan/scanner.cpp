#include "scanner.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "common/bounded_queue.hpp"
#include "common/error.hpp"
#include "common/hash.hpp"
#include "common/log.hpp"

namespace readygate::scan {
namespace {

constexpr std::size_t binary_probe_bytes = 8192;

enum class ReadOutcome { ok, too_large, unreadable };

// Reads a whole file into `buffer` (reused between files to spare allocations).
ReadOutcome read_file(const ListedFile& file, std::uint64_t max_size, std::string& buffer, std::string& error) {
  const int fd = ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = std::strerror(errno);
    return ReadOutcome::unreadable;
  }
  struct stat st {};
  if (fstat(fd, &st) != 0) {
    error = std::strerror(errno);
    ::close(fd);
    return ReadOutcome::unreadable;
  }
  if (static_cast<std::uint64_t>(st.st_size) > max_size) {
    ::close(fd);
    return ReadOutcome::too_large;
  }
  buffer.resize(static_cast<std::size_t>(st.st_size));
  std::size_t total = 0;
  while (true) {
    if (total == buffer.size()) buffer.resize(std::max<std::size_t>(4096, buffer.size() * 2));
    const ssize_t n = ::read(fd, buffer.data() + total, buffer.size() - total);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = std::strerror(errno);
      ::close(fd);
      return ReadOutcome::unreadable;
    }
    if (n == 0) break;
    total += static_cast<std::size_t>(n);
    if (total > max_size) {  // grew while we read it
      ::close(fd);
      return ReadOutcome::too_large;
    }
  }
  ::close(fd);
  buffer.resize(total);
  return ReadOutcome::ok;
}

bool looks_binary(std::string_view text) {
  return std::memchr(text.data(), '\0', std::min(text.size(), binary_probe_bytes)) != nullptr;
}

// A listed file, with the path its role is judged by: as reported, unless the root lies
// outside the working directory (absolute, or ..): then below the root, so that a folder named
// "test" above the project never makes everything a test.
struct QueuedFile {
  ListedFile file;
  std::string role_path;
};

std::string role_path_of(const std::string& root, ListedFile& file) {
  const bool outside = !root.empty() && (root.front() == '/' || root.rfind("..", 0) == 0);
  return outside ? file.relative : file.display;
}

}  // namespace

Shard parse_shard(const std::string& text) {
  const std::size_t slash = text.find('/');
  try {
    if (slash != std::string::npos) {
      std::size_t used_k = 0, used_n = 0;
      const unsigned long k = std::stoul(text.substr(0, slash), &used_k);
      const unsigned long n = std::stoul(text.substr(slash + 1), &used_n);
      if (used_k == slash && used_n == text.size() - slash - 1 && k >= 1 && k <= n && n <= 10000) {
        return {static_cast<unsigned>(k), static_cast<unsigned>(n)};
      }
    }
  } catch (const std::exception&) {
  }
  throw_input_error("--shard: expected K/N with 1 <= K <= N (for example 2/4), got '" + text + "'");
}

ScanResult scan_paths(const RuleEngine& engine, const ScanOptions& options) {
  // Every path must exist before any work starts.
  for (const auto& root : options.paths) {
    struct stat st {};
    if (stat(root.c_str(), &st) != 0) throw_input_error(root + ": " + std::strerror(errno));
  }
  ScanResult result;
  ScanStats& stats = result.stats;
  std::mutex merge_mutex;
  Progress progress(options.progress, "scanning", 0);

  // The walk feeds the workers through a bounded queue: no list of every file is ever held.
  BoundedQueue<QueuedFile> queue(1024);
  std::exception_ptr failure;  // the first worker's error, rethrown once every thread is joined
  const auto worker = [&] {
    ScanStats local;
    std::vector<Finding> found;
    std::string buffer, error;
    try {
      while (auto queued = queue.pop()) {
        const ListedFile* file = &queued->file;
        switch (read_file(*file, options.max_file_size, buffer, error)) {
          case ReadOutcome::too_large:
            ++local.skipped_too_large;
            break;
          case ReadOutcome::unreadable:
            local.unreadable.push_back(file->display + ": " + error);
            break;
          case ReadOutcome::ok:
            if (looks_binary(buffer)) {
              ++local.skipped_binary;
              break;
            }
            {
              const Role role = role_of(queued->role_path, std::string_view(buffer).substr(0, 4096), options.roles);
              if (skipped_by_default(role) && std::find(options.include_roles.begin(), options.include_roles.end(),
                                                        role) == options.include_roles.end()) {
                ++(role == Role::vendored ? local.vendored : local.generated);
                break;
              }
              ++local.files;
              local.bytes += buffer.size();
              FileScan scanned = engine.scan_file(file->display, buffer, role);
              for (auto& f : scanned.findings) found.push_back(std::move(f));
              if (scanned.over_cap) local.over_cap.emplace_back(file->display, scanned.over_cap);
              for (auto& w : scanned.warnings) local.warnings.push_back(std::move(w));
            }
            break;
        }
        progress.advance();
      }
    } catch (...) {
      std::lock_guard lock(merge_mutex);
      if (!failure) failure = std::current_exception();
      queue.close();  // the walk stops feeding; the other workers drain and end
      return;
    }
    std::lock_guard lock(merge_mutex);
    stats.files += local.files;
    stats.bytes += local.bytes;
    stats.skipped_binary += local.skipped_binary;
    stats.skipped_too_large += local.skipped_too_large;
    stats.vendored += local.vendored;
    stats.generated += local.generated;
    for (auto& w : local.warnings) stats.warnings.push_back(std::move(w));
    for (auto& u : local.unreadable) stats.unreadable.push_back(std::move(u));
    for (auto& c : local.over_cap) stats.over_cap.push_back(std::move(c));
    for (auto& f : found) result.findings.push_back(std::move(f));
  };
  {
    const unsigned jobs = std::max(1u, options.jobs ? options.jobs : std::thread::hardware_concurrency());
    std::vector<std::jthread> threads;
    for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
    // Declared after the threads, so it runs first when this scope unwinds: workers see the
    // end of the queue and the threads can be joined, whether the walk ended or threw.
    struct Closer {
      BoundedQueue<QueuedFile>& queue;
      ~Closer() { queue.close(); }
    } closer{queue};

    // Overlapping paths (`src src/api`) must not scan a file twice; one path needs no memory of it.
    std::unordered_set<std::string> seen;
    const bool overlap_possible = options.paths.size() > 1;
    for (const auto& root : options.paths) {
      const ListingStats listing = list_files(root, options.listing, [&](ListedFile&& file) {
        if (options.shard && stable_hash64(file.display) % options.shard->count != options.shard->index - 1) {
          ++stats.other_shards;
          return;
        }
        if (overlap_possible && !seen.insert(file.display).second) return;
        std::string role_path = role_path_of(root, file);
        queue.push({std::move(file), std::move(role_path)});
      });
      stats.excluded += listing.excluded;
      stats.symlinks += listing.symlinks;
      stats.special += listing.special;
      for (const auto& problem : listing.unreadable) stats.unreadable.push_back(problem);
      log_debug(root + (listing.from_git ? ": listed by git" : ": directory walk"));
    }
  }
  progress.finish();
  if (failure) std::rethrow_exception(failure);

  std::sort(stats.unreadable.begin(), stats.unreadable.end());
  for (const auto& problem : stats.unreadable) log_warning(problem + " (not scanned)");
  std::sort(stats.over_cap.begin(), stats.over_cap.end());
  std::sort(stats.warnings.begin(), stats.warnings.end());
  for (const auto& w : stats.warnings) log_warning(w);
  for (const auto& [path, count] : stats.over_cap) {
    log_warning(path + ": " + std::to_string(count) + " more finding(s) past the cap of " +
                std::to_string(engine.max_findings_per_file()) +
                " per file were not reported (--max-findings-per-file)");
  }
  const auto& rules = engine.rules();
  std::sort(result.findings.begin(), result.findings.end(), [&](const Finding& a, const Finding& b) {
    return std::tie(a.path, a.line, a.column, rules[a.rule].id) < std::tie(b.path, b.line, b.column, rules[b.rule].id);
  });
  return result;
}

}  // namespace readygate::scan
