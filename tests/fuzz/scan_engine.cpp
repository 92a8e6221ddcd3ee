// scan_engine: the built-in rules (one engine, built once) over the input as a file's text.
// The first byte picks the path, and with it the language, the role and the rules that apply.
#include <array>

#include "common/utf8.hpp"
#include "engine.hpp"
#include "fuzz_support.hpp"
#include "role.hpp"
#include "rule.hpp"
#include "snippet.hpp"

using namespace readygate;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const scan::RuleEngine engine(scan::builtin_rules());
  static constexpr std::array<const char*, 12> paths{"src/a.py",    "web/a.js",   "web/a.ts",       ".env",
                                                     "config.yaml", "Dockerfile", "scripts/a.sh",   "settings.json",
                                                     "a.go",        "notes.md",   "k8s/deploy.yml", "tests/test_a.py"};
  if (size == 0) return 0;
  const std::string path = paths[data[0] % paths.size()];
  const std::string_view text = fuzz::text_of(data + 1, size - 1);
  try {
    // The role as ready-scan finds it: by the path and the first 4 KiB.
    const scan::Role role = scan::role_of(path, text.substr(0, 4096), {});
    const scan::FileScan scanned = engine.scan_file(path, text, role);
    FUZZ_CHECK(scanned.findings.size() <= scan::RuleEngine::default_max_findings_per_file);
    for (const scan::Finding& finding : scanned.findings) {
      FUZZ_CHECK(finding.rule < engine.rules().size());
      FUZZ_CHECK(finding.line >= 1 && finding.end_line >= finding.line);
      FUZZ_CHECK(is_valid_utf8(finding.snippet));
      // A window of max_snippet_bytes, "…" on either side, and each invalid byte in it repaired
      // to U+FFFD (3 bytes).
      FUZZ_CHECK(finding.snippet.size() <= 3 * scan::max_snippet_bytes + 2 * std::string_view("…").size());
    }
  } catch (const Error&) {
    // not expected from a scan, but an input error is not a crash
  }
  return 0;
}
