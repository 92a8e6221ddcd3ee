#pragma once
// Listing the files to look at under a path. Inside a git work tree: the tracked files plus the
// untracked ones git does not ignore (so .gitignore is respected, as git itself reads it);
// elsewhere: a directory walk. Symbolic links are never followed (no loops, nothing outside the
// tree); explicit file arguments are taken as they are.
//
// Files are handed over one by one as they are found, so a caller that processes them as they
// come holds none of the list: memory does not grow with the size of the tree.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace readygate {

struct ListOptions {
  std::vector<std::string> include;  // when non-empty, a file must match one (file_matches)
  std::vector<std::string> exclude;  // path_matches semantics
  bool default_excludes = true;      // see default_exclude_patterns()
  bool use_git = true;               // ask git for the file list inside a work tree
};

struct ListedFile {
  std::string path;      // to open
  std::string display;   // as reported: the given root joined with the relative path
  std::string relative;  // below the root (an explicit file: its name)
};

struct ListingStats {
  std::size_t excluded = 0;             // by --exclude, --include or the defaults
  std::size_t symlinks = 0;             // links seen and not followed
  std::size_t special = 0;              // sockets, FIFOs, devices
  std::vector<std::string> unreadable;  // "display: reason" for directories we could not list
  bool from_git = false;
};

using FileSink = std::function<void(ListedFile&&)>;

// Calls `sink` for each file to scan under `root`, in no particular order. Throws Error
// (exit 2) when `root` does not exist. Exclusions apply to paths below `root`, so naming an
// excluded directory explicitly still scans it.
ListingStats list_files(const std::string& root, const ListOptions& options, const FileSink& sink);

// The files under `root`, sorted by display path, with the stats (for tests and small trees).
std::vector<ListedFile> collect_files(const std::string& root, const ListOptions& options,
                                      ListingStats* stats = nullptr);

// .git, node_modules, __pycache__, .venv, venv, dist, build, minified bundles and source maps,
// and readygate's own folders (.readygate-cache, readygate-out).
const std::vector<std::string>& default_exclude_patterns();

// "src/" + "app.py" -> "src/app.py"; "." + "app.py" -> "app.py".
std::string join_display(const std::string& root, const std::string& relative);

}  // namespace readygate
