#pragma once
// Matchers written in C++ for what a regular expression cannot see (a rule's "analyzer"), one
// file each, registered in one table (analyzers.cpp). An analyzer reads the file's layout and
// calls, and hands its matches to the judge like any other matcher.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "file_context.hpp"
#include "match.hpp"

namespace readygate::scan {

using MatchSink = std::function<void(const RawMatch&)>;
using Analyzer = void (*)(const FileContext& file, const MatchSink& sink);

// The last names of the calls the analyzers look at (a SQL sink's execute, raw, …).
std::vector<std::string_view> analyzer_call_names();

// The analyzer of that name, or null.
Analyzer find_analyzer(std::string_view name);
std::vector<std::string_view> analyzer_names();

// sql_formatting.cpp: SQL text built by formatting — a literal (or literals joined by implicit
// concatenation or +) that reads as SQL (SELECT … FROM, INSERT INTO, UPDATE … SET, DELETE FROM,
// REPLACE INTO, WITH … AS (; an upper-case WHERE/AND/ORDER BY fragment only as an argument of
// a SQL call) and is an f-string or
// template with placeholders, or is followed by %, .format(, .replace( or + with a value; and
// any argument of a SQL call (execute, executemany, executescript, mogrify, raw, RawSQL,
// extra, query, whereRaw, $queryRawUnsafe, …) built the same way. Tagged templates (sql`…`)
// and placeholder lists (",".join("?" * n)) are safe.
// "sql-formatting" reports what is formatted with values from outside the function (request
// data, parameters: provenance.hpp); "sql-formatting-internal" the rest (values the code builds
// or quotes itself, as ORMs do), so that the two can carry different severities.
void find_sql_formatting(const FileContext& file, const MatchSink& sink);
void find_sql_formatting_internal(const FileContext& file, const MatchSink& sink);
std::vector<std::string_view> sql_call_names();

}  // namespace readygate::scan
