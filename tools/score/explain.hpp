#pragma once
// `--explain`: the score as a person reads it, for stderr — the verdict, the blockers, then
// each category with its weight, score, status and every deduction with its evidence.
#include <string>

#include "scoring.hpp"

namespace readygate::score {

std::string explain(const ScoreResult& result);

}  // namespace readygate::score
