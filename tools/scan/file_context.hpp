#pragma once
// One file being scanned, and what is worked out about it once, only when a rule needs it:
// its line index, its layout (source_layout.hpp) and its suppression markers. Per file, on one
// thread: nothing here is shared.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "call_sites.hpp"
#include "line_index.hpp"
#include "provenance.hpp"
#include "role.hpp"
#include "source_layout.hpp"
#include "suppression.hpp"

namespace readygate::scan {

class FileContext {
 public:
  // `wanted_calls`: the last names of the calls the rules ask about (call_sites.hpp).
  FileContext(const std::string& path, std::string_view text, Role role,
              const std::set<std::string, std::less<>>* wanted_calls = nullptr);

  const std::string& path() const { return m_path; }
  std::string_view text() const { return m_text; }
  std::string_view language() const { return m_language; }
  Role role() const { return m_role; }

  const LineIndex& lines() const;
  const SourceLayout& layout() const;
  const Suppressions& suppressions() const;
  // The calls in the code, their names resolved through the file's imports (Python and the
  // JavaScript family; none for other languages).
  const std::vector<CallSite>& calls() const;
  // Where values come from (provenance.hpp), worked out on first use.
  const Provenance& provenance() const;
  // The kind of text at `offset`.
  TextKind kind_at(std::size_t offset) const { return layout().kind_at(offset); }

 private:
  const std::string& m_path;
  std::string_view m_text;
  std::string_view m_language;
  Role m_role;
  const std::set<std::string, std::less<>>* m_wanted_calls;
  mutable std::optional<LineIndex> m_lines;
  mutable std::optional<SourceLayout> m_layout;
  mutable std::optional<Suppressions> m_suppressions;
  mutable std::optional<std::vector<CallSite>> m_calls;
  mutable std::unique_ptr<Provenance> m_provenance;
};

}  // namespace readygate::scan
