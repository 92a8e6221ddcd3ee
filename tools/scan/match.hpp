#pragma once
// What a rule's matcher hands to the judge (a match: spans in the file's text), and what the
// judge keeps (a candidate: plain numbers, so that a file with a million matches costs memory
// in proportion, and strings are made only for what is reported).
#include <cstddef>

#include "common/severity.hpp"

namespace readygate::scan {

struct Span {
  std::size_t begin = 0, end = 0;  // byte offsets, end exclusive
  bool empty() const { return end <= begin; }
};

struct RawMatch {
  Span whole;     // what the matcher matched
  Span location;  // what is reported: a (?P<loc…>) group, or the whole match
  Span secret;    // a (?P<secret>…) group, when the rule has one and it took part
  Span name;      // a (?P<name>…) group, likewise
  bool has_secret = false, has_name = false;
};

struct Candidate {
  std::size_t rule = 0;
  std::size_t line = 0, column = 0, end_line = 0, end_column = 0;
  std::size_t line_offset = 0;  // where the location starts within its line
  Span secret_span;             // empty: the rule names no secret
  Severity severity = Severity::info;
  bool suppressed = false;

  bool has_secret() const { return !secret_span.empty(); }
};

}  // namespace readygate::scan
