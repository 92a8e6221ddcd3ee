#pragma once
// Listing the files to look at under a path. Inside a git work tree: the tracked files plus the
// untracked ones git does not ignore (so .gitignore is respected, as git itself reads it);
// elsewhere: a directory walk. Symbolic links are never followed (no loops, nothing outside the
// tree); explicit file arguments are taken as they are.
#include <cstddef>
#include <filesystem>
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
  std::filesystem::path path;  // to open
  std::string display;         // as reported: the given root joined with the relative path
};

struct Listing {
  std::vector<ListedFile> files;
  std::size_t excluded = 0;                    // by --exclude, --include or the defaults
  std::size_t symlinks = 0;                    // links seen and not followed
  std::size_t special = 0;                     // sockets, FIFOs, devices
  std::vector<std::string> unreadable;         // "display: reason" for directories we could not list
  bool from_git = false;
};

// .git, node_modules, __pycache__, .venv, venv, dist, build, minified bundles and source maps.
const std::vector<std::string>& default_exclude_patterns();

// Throws Error (exit 2) when `root` does not exist. Exclusions apply to paths below `root`,
// so naming an excluded directory explicitly still scans it.
Listing list_files(const std::string& root, const ListOptions& options);

// "src/" + "app.py" -> "src/app.py"; "." + "app.py" -> "app.py".
std::string join_display(const std::string& root, const std::string& relative);

}  // namespace readygate
