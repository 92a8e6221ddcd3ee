#include "file_context.hpp"

#include "language.hpp"

namespace readygate::scan {

FileContext::FileContext(const std::string& path, std::string_view text, Role role,
                         const std::set<std::string, std::less<>>* wanted_calls)
    : m_path(path), m_text(text), m_language(language_of(path)), m_role(role), m_wanted_calls(wanted_calls) {}

const LineIndex& FileContext::lines() const {
  if (!m_lines) m_lines.emplace(m_text);
  return *m_lines;
}

const SourceLayout& FileContext::layout() const {
  if (!m_layout) m_layout = lay_out(m_path, m_text);
  return *m_layout;
}

const std::vector<CallSite>& FileContext::calls() const {
  if (!m_calls) {
    const bool python = m_language == "python";
    if (python || m_language == "javascript" || m_language == "typescript") {
      const NameTable names = python ? python_names(m_text, layout()) : javascript_names(m_text, layout());
      m_calls = find_calls(m_text, layout(), names, python, m_wanted_calls);
    } else {
      m_calls.emplace();
    }
  }
  return *m_calls;
}

const Provenance& FileContext::provenance() const {
  if (!m_provenance) m_provenance = std::make_unique<Provenance>(*this);
  return *m_provenance;
}

const Suppressions& FileContext::suppressions() const {
  if (!m_suppressions) {
    // Most files carry no marker at all: then there is nothing to lex for.
    const bool any =
        m_text.find("ready:ignore") != std::string_view::npos || m_text.find("nosec") != std::string_view::npos ||
        m_text.find("nosemgrep") != std::string_view::npos || m_text.find("gitleaks:allow") != std::string_view::npos ||
        m_text.find("pragma: allowlist") != std::string_view::npos;
    static const SourceLayout none;
    if (!any) {
      m_suppressions.emplace(std::vector<SuppressionMarker>{}, lines(), none);
    } else {
      m_suppressions.emplace(find_markers(m_text, lines(), layout(), layout().lexed()), lines(), layout());
    }
  }
  return *m_suppressions;
}

}  // namespace readygate::scan
