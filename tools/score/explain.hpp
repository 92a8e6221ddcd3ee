#pragma once
// `--explain`: the score as a person reads it, for stderr — the verdict, the blockers, then
// each category with its weight, score, status and every deduction with its evidence.
#include <string>

#include "scoring.hpp"

namespace readygate::score {

std::string explain(const ScoreResult& result);

// "61.4": a score or points, as both the explanation and the text report print them.
std::string one_decimal(double value);

}  // namespace readygate::score
