#pragma once
// ready-score's report for people (--format text, or a terminal): the score and its minimum,
// the gate, the blockers, every category with its score, weight and evidence (or "no
// evidence"), and each deduction with its reason and evidence. A pure function of ScoreResult.
#include <string>
#include <vector>

#include "common/text_style.hpp"
#include "scoring.hpp"

namespace readygate::score {

std::string render_score_text(const ScoreResult& result, const TextStyle& style);

// Why the gate fails, one line each: every blocker with its evidence, and the score under the
// minimum. Empty when the gate passes.
std::vector<std::string> gate_failure_reasons(const ScoreResult& result);

}  // namespace readygate::score
