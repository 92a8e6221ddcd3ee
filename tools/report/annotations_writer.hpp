#pragma once
// GitHub workflow commands (annotations on the pull request's files):
//   ::error file=src/app.py,line=12,col=5,endLine=12,endColumn=15,title=py.eval: Use of eval()::message
// Property values escape % \r \n : , and messages escape % \r \n, as GitHub's toolkit does.
// Most severe first; GitHub shows at most 10 of each level per step and drops the rest
// silently, so at most 10 are written per level, followed by one notice saying how many more
// there are. Failed checks become file-less errors.
#include <string>
#include <string_view>

#include "common/envelope_model.hpp"

namespace readygate::report {

inline constexpr std::size_t annotations_per_level = 10;

std::string to_annotations(const EnvelopeSet& report);

std::string escape_annotation_data(std::string_view text);
std::string escape_annotation_property(std::string_view text);

}  // namespace readygate::report
