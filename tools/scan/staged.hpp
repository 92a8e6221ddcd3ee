#pragma once
// --staged (a pre-commit hook): what is about to be committed. The files the index changes
// (`git diff --cached`), each read as the index holds it (`git show :PATH`, not the work tree,
// which may differ), scanned whole so that context rules see their context, and reported only on
// the lines the index adds or changes.
#include "engine.hpp"
#include "scanner.hpp"

namespace readygate::scan {

// Paths are relative to the current folder, which must be inside a git work tree. Throws Error
// (exit 2) when git fails.
ScanResult scan_staged(const RuleEngine& engine, const ScanOptions& options);

}  // namespace readygate::scan
