#include "walk.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

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

// One walk or git listing: its options, where files go, and what it counted.
struct Lister {
  const std::string& root;
  const ListOptions& options;
  const FileSink& sink;
  ListingStats stats;
  std::size_t handed_on = 0;

  void add(const fs::path& path, const std::string& relative, Kind kind) {
    switch (kind) {
      case Kind::symlink:
        ++stats.symlinks;
        return;
      case Kind::special:
        ++stats.special;
        return;
      case Kind::missing:
      case Kind::directory:
        return;
      case Kind::regular:
        break;
    }
    if (is_excluded(relative, options, Entry::file)) {
      ++stats.excluded;
      return;
    }
    sink({path.string(), join_display(root, relative), relative});
    ++handed_on;
  }
};

void walk_directory(Lister& lister, const fs::path& dir, const std::string& relative_dir) {
  const std::string& root = lister.root;
  ListingStats& listing = lister.stats;
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
      if (is_excluded(relative, lister.options, Entry::directory)) {
        ++listing.excluded;
        continue;
      }
      walk_directory(lister, child, relative);
    } else {
      lister.add(child, relative, kind);
    }
  }
}

bool inside_git_work_tree(const fs::path& dir) {
  const ProcessResult r = run_process({"git", "-C", dir.string(), "rev-parse", "--is-inside-work-tree"});
  return r.exit_code == 0 && r.out.rfind("true", 0) == 0;
}

// Tracked files plus untracked files that are not ignored, relative to `dir`, handed on as
// git writes them (NUL-separated; a name may straddle two chunks).
bool list_with_git(Lister& lister, const fs::path& dir) {
  std::string partial;
  const auto on_output = [&](std::string_view chunk) {
    while (!chunk.empty()) {
      const std::size_t end = chunk.find('\0');
      if (end == std::string_view::npos) {
        partial.append(chunk);
        return;
      }
      partial.append(chunk.substr(0, end));
      chunk.remove_prefix(end + 1);
      if (!partial.empty()) {
        const fs::path path = dir / partial;
        lister.add(path, partial, kind_of(path));
      }
      partial.clear();
    }
  };
  // --deduplicate: a file with merge conflicts is listed once, not once per stage.
  const ProcessResult r = run_process(
      {"git", "-C", dir.string(), "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--deduplicate"},
      on_output);
  if (r.exit_code != 0) {
    // Files already handed on cannot be taken back: fall back to a walk only if there were none.
    if (lister.handed_on > 0) throw_runtime_error(lister.root + ": git ls-files failed part-way: " + r.err);
    log_warning(lister.root + ": git ls-files failed, walking the directory instead: " + r.err);
    lister.stats = {};
    return false;
  }
  lister.stats.from_git = true;
  return true;
}

}  // namespace

const std::vector<std::string>& default_exclude_patterns() {
  static const std::vector<std::string> patterns{
      ".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", "dist", "build", "*.min.js",
      "*.min.css", "*.bundle.js", "*.map",
      // readygate's own build cache in CI (ci-templates/readygate.gitlab-ci.yml), and ready-gate's
      // default results folder: a second gate run must not report the first one's snippets
      ".readygate-cache", "readygate-out"};
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

ListingStats list_files(const std::string& root, const ListOptions& options, const FileSink& sink) {
  Lister lister{root, options, sink, {}};
  struct stat st {};
  if (stat(root.c_str(), &st) != 0) {
    throw_input_error(root + ": " + std::strerror(errno));
  }
  if (!S_ISDIR(st.st_mode)) {
    // An explicit file is scanned even when it is a link or matches an exclusion.
    if (S_ISREG(st.st_mode)) {
      sink({root, join_display(root, ""), fs::path(root).filename().string()});  // as given, maybe a link
    } else {
      ++lister.stats.special;
    }
    return lister.stats;
  }
  const fs::path dir(root);
  if (options.use_git && inside_git_work_tree(dir) && list_with_git(lister, dir)) return lister.stats;
  walk_directory(lister, dir, "");
  return lister.stats;
}

std::vector<ListedFile> collect_files(const std::string& root, const ListOptions& options, ListingStats* stats) {
  std::vector<ListedFile> files;
  const ListingStats s = list_files(root, options, [&](ListedFile&& f) { files.push_back(std::move(f)); });
  if (stats) *stats = s;
  std::sort(files.begin(), files.end(), [](const ListedFile& a, const ListedFile& b) { return a.display < b.display; });
  return files;
}

}  // namespace readygate
