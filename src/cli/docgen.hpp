// The man page and the bash and zsh completions, generated from the command-line definition itself
// (`corpus-scan --generate man|bash|zsh`, run by the build), so they list every subcommand and
// option exactly as the parser knows them and cannot drift from it.
#pragma once

#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

namespace corpus_scan::cli {

// Returns the document for `what` ("man", "bash" or "zsh"); throws CLI::ValidationError otherwise.
std::string generate_docs(const CLI::App& app, std::string_view what);

}  // namespace corpus_scan::cli
