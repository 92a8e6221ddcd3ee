#include "walk.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "error.hpp"
#include "glob.hpp"
#include "log.hpp"
#include "process.hpp"

namespace fs = std::filesystem;

namespace readygate {
namespace {

enum class Entry { file, directory };

// Include patterns select files; they never prune directories.
bool is_excluded(const std::string& relative, const ListOptions& options, Entry entry) {
  const auto matches_any = [&](const std::vector<std::string>& patterns) {
    return std::any_of(patterns.begin(), patterns.end(),
                       [&](const std::string& p) { return path_matches(p, relative); });
  };
  if (options.default_excludes && matches_any(default_exclude_patterns())) return true;
  if (matches_any(options.exclude)) return true;
  if (entry == Entry::file && !options.include.empty() &&
      std::none_of(options.include.begin(), options.include.end(),
                   [&](const std::string& p) { return file_matches(p, relative); })) {
    return true;
  }
  return false;
}

enum class Kind { regular, directory, symlink, special, missing };

Kind kind_of(const fs::path& path) {
  struct stat st {};
  if (lstat(path.c_str(), &st) != 0) return Kind::missing;
  if (S_ISLNK(st.st_mode)) return Kind::symlink;
  if (S_ISDIR(st.st_mode)) return Kind::directory;
  if (S_ISREG(st.st_mode)) return Kind::regular;
  return Kind::special;
}

void add_entry(const std::string& root, const fs::path& path, const std::string& relative,
               Kind kind, const ListOptions& options, Listing& listing) {
  switch (kind) {
    case Kind::symlink: ++listing.symlinks; return;
    case Kind::special: ++listing.special; return;
    case Kind::missing:
    case Kind::directory: return;
    case Kind::regular: break;
  }
  if (is_excluded(relative, options, Entry::file)) {
    ++listing.excluded;
    return;
  }
  listing.files.push_back({path, join_display(root, relative)});
}

void walk_directory(const std::string& root, const fs::path& dir, const std::string& relative_dir,
                    const ListOptions& options, Listing& listing) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    listing.unreadable.push_back(join_display(root, relative_dir) + ": " + ec.message());
    return;
  }
  std::vector<fs::path> children;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    children.push_back(it->path());
  }
  if (ec) listing.unreadable.push_back(join_display(root, relative_dir) + ": " + ec.message());
  std::sort(children.begin(), children.end());
  for (const auto& child : children) {
    const std::string name = child.filename().string();
    const std::string relative = relative_dir.empty() ? name : relative_dir + "/" + name;
    const Kind kind = kind_of(child);
    if (kind == Kind::directory) {
      if (is_excluded(relative, options, Entry::directory)) {
        ++listing.excluded;
        continue;
      }
      walk_directory(root, child, relative, options, listing);
    } else {
      add_entry(root, child, relative, kind, options, listing);
    }
  }
}

bool inside_git_work_tree(const fs::path& dir) {
  const ProcessResult r = run_process({"git", "-C", dir.string(), "rev-parse", "--is-inside-work-tree"});
  return r.exit_code == 0 && r.out.rfind("true", 0) == 0;
}

// Tracked files plus untracked files that are not ignored, relative to `dir`.
bool list_with_git(const std::string& root, const fs::path& dir, const ListOptions& options,
                   Listing& listing) {
  const ProcessResult r = run_process({"git", "-C", dir.string(), "ls-files", "-z", "--cached",
                                       "--others", "--exclude-standard"});
  if (r.exit_code != 0) {
    log_warning(root + ": git ls-files failed, walking the directory instead: " + r.err);
    return false;
  }
  std::vector<std::string> relatives;
  for (std::size_t start = 0; start < r.out.size();) {
    const std::size_t end = r.out.find('\0', start);
    relatives.push_back(r.out.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  std::sort(relatives.begin(), relatives.end());
  relatives.erase(std::unique(relatives.begin(), relatives.end()), relatives.end());
  for (const auto& relative : relatives) {
    if (relative.empty()) continue;
    const fs::path path = dir / relative;
    add_entry(root, path, relative, kind_of(path), options, listing);
  }
  listing.from_git = true;
  return true;
}

}  // namespace

const std::vector<std::string>& default_exclude_patterns() {
  static const std::vector<std::string> patterns{
      ".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox",
      "dist", "build", "*.min.js", "*.min.css", "*.bundle.js", "*.map"};
  return patterns;
}

std::string join_display(const std::string& root, const std::string& relative) {
  std::string base = root;
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  while (base.rfind("./", 0) == 0) base.erase(0, 2);
  if (base == ".") base.clear();
  if (relative.empty()) return base.empty() ? "." : base;
  if (base.empty()) return relative;
  if (base == "/") return "/" + relative;
  return base + "/" + relative;
}

Listing list_files(const std::string& root, const ListOptions& options) {
  Listing listing;
  struct stat st {};
  if (stat(root.c_str(), &st) != 0) {
    throw_input_error(root + ": " + std::strerror(errno));
  }
  if (!S_ISDIR(st.st_mode)) {
    // An explicit file is scanned even when it is a link or matches an exclusion.
    if (S_ISREG(st.st_mode)) {
      listing.files.push_back({fs::path(root), join_display(root, "")});
    } else {
      ++listing.special;
    }
    return listing;
  }
  const fs::path dir(root);
  if (options.use_git && inside_git_work_tree(dir) && list_with_git(root, dir, options, listing)) {
    return listing;
  }
  walk_directory(root, dir, "", options, listing);
  return listing;
}

}  // namespace readygate
