#include "step_outputs.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

#include "common/error.hpp"
#include "common/finding_counts.hpp"
#include "common/number_format.hpp"

namespace readygate::report {
namespace {

void write_lines(const std::string& path, const std::string& text, std::ios::openmode mode, const char* flag) {
  std::ofstream file(path, std::ios::binary | mode);
  if (file) file << text;
  if (file) file.close();
  if (!file) throw_runtime_error(std::string(flag) + " " + path + ": cannot write: " + std::strerror(errno));
}

}  // namespace

Verdict verdict_of(const EnvelopeSet& report, bool fail_on_passed) {
  Verdict verdict;
  for (const auto& run : report.runs) verdict.findings += count_open(run.findings);
  if (report.score) {
    verdict.score = report.score->value;
    verdict.passed = report.score->passed;
  } else {
    verdict.passed = fail_on_passed;
  }
  return verdict;
}

void write_step_outputs(const StepOutputs& outputs, const Verdict& verdict, const std::string& sarif) {
  const std::string score = verdict.score ? format_number(*verdict.score) : "";
  const std::string passed = verdict.passed ? "true" : "false";
  const std::string findings = std::to_string(verdict.findings);
  if (!outputs.github_output.empty()) {
    // One line per output: a line break in the value would start another output.
    if (sarif.find_first_of("\r\n") != std::string::npos) {
      throw_input_error("--github-output: the --sarif path has a line break; it cannot be a step output");
    }
    write_lines(outputs.github_output,
                "score=" + score + "\npassed=" + passed + "\nfindings=" + findings + "\nsarif=" + sarif + "\n",
                std::ios::app, "--github-output");
  }
  if (!outputs.dotenv.empty()) {
    write_lines(outputs.dotenv,
                "READYGATE_SCORE=" + score + "\nREADYGATE_PASSED=" + passed + "\nREADYGATE_FINDINGS=" + findings + "\n",
                std::ios::trunc, "--dotenv");
  }
}

}  // namespace readygate::report
