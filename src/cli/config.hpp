// Defaults for any option from a config file and from environment variables, and
// `--print-config` to show the settings in force.
//
// Precedence, highest first: the command line, the environment (CORPUS_SCAN_<OPTION>, e.g.
// CORPUS_SCAN_THREADS=4), the config file, the built-in default. The config file is TOML (or INI):
// `[scan]` sections hold one subcommand's settings, keys before any section apply to every
// subcommand that has that option. It is the file given by --config or $CORPUS_SCAN_CONFIG (which
// must then exist), else $XDG_CONFIG_HOME/corpus-scan/config.toml (~/.config/...) when present.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace corpus_scan::cli {

// Call once, after every subcommand is set up: gives each configurable option with a long name its
// environment variable, adds --config to `app` and --print-config to every subcommand, and lets
// the global options (-q, -v, --config) follow the subcommand. Keeps `argv` to tell, in
// --print-config, which settings came from the command line.
void add_config_support(CLI::App& app, int argc, const char* const* argv);

// "CORPUS_SCAN_" + the option's long name in upper case with '-' as '_'.
std::string env_name(const std::string& long_name);

}  // namespace corpus_scan::cli
