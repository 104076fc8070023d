// Reading scan's JSON Lines back, for the subcommands that consume them (merge, report).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace corpus_scan::cli {

using Json = nlohmann::json;

// Calls `visit(record, where)` for every non-blank line of `files` ("-" or none: standard input),
// `where` being "FILE:LINE". A line that is not JSON, or a record `visit` rejects by throwing,
// stops the run with that location (std::runtime_error): a result built from part of the input
// would be wrong without a word.
void for_each_record(const std::vector<std::string>& files,
                     const std::function<void(const Json& record, const std::string& where)>& visit);

// The "path" of a record: a string, or the bytes of {"bytes": base64} for a name that is not UTF-8.
std::string record_path(const Json& record);

}  // namespace corpus_scan::cli
