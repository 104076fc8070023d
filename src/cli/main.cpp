// corpus-scan: the thin executable over the corpus_scan library. It owns the process: argument
// parsing, logging to stderr, stdout, and the exit status.
#include <csignal>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string_view>

#include <spdlog/spdlog.h>

#include "cli.hpp"
#include "config.hpp"
#include "docgen.hpp"
#include "progress.hpp"

using namespace corpus_scan::cli;

int main(int argc, char** argv) {
  // A closed pipe must surface as EPIPE from fwrite (and end the run quietly), not kill us.
  std::signal(SIGPIPE, SIG_IGN);
  // Likewise a file-size limit (ulimit -f) must surface as EFBIG, with a message, not a core dump.
  std::signal(SIGXFSZ, SIG_IGN);
  static char stdout_buffer[1 << 16];
  std::setvbuf(stdout, stdout_buffer, _IOFBF, sizeof stdout_buffer);

  // Colour only on a terminal without NO_COLOR; messages clear the progress bar before printing.
  auto logger = std::make_shared<spdlog::logger>("corpus-scan", progress_aware_stderr_sink());
  logger->set_pattern("corpus-scan: %^%l%$: %v");
  spdlog::set_default_logger(logger);
  spdlog::set_level(spdlog::level::warn);

  CLI::App app{"corpus-scan: split multi-article dumps of machine-translated news into articles, repair "
               "MT and mixed Chinese/English artifacts, and report per-article statistics as JSON Lines."};
  // Handled before parsing so that `--version` works without a subcommand (CLI11 2.1 would
  // otherwise report the missing subcommand first).
  app.add_flag_callback("-V,--version", [] {}, "Print the version and exit");
  if (argc == 2 && (std::string_view(argv[1]) == "--version" || std::string_view(argv[1]) == "-V")) {
    std::printf("corpus-scan %s\n", CORPUS_SCAN_VERSION);
    return kOk;
  }
  app.require_subcommand(1);
  bool quiet = false;
  int verbose = 0;
  app.add_flag("-q,--quiet", quiet, "Only log errors")->group("Logging");
  auto* verbose_opt = app.add_flag("-v,--verbose", verbose, "Log more (-v info, -vv debug)")->group("Logging");
  verbose_opt->excludes(app.get_option("--quiet"));
  app.footer("Run 'corpus-scan SUBCOMMAND --help' for a subcommand's options and an example.\n"
             "Exit status: 0 all inputs processed, 1 some input skipped, 2 usage error or failure.");
  app.parse_complete_callback([&] {
    if (quiet) spdlog::set_level(spdlog::level::err);
    else if (verbose == 1) spdlog::set_level(spdlog::level::info);
    else if (verbose >= 2) spdlog::set_level(spdlog::level::debug);
  });

  setup_scan(app);
  setup_normalize(app);
  setup_split(app);
  setup_explain(app);
  setup_merge(app);
  setup_report(app);
  add_config_support(app, argc, argv);
  // For the build: the man page and shell completions, written from the parser's own definition.
  if (argc == 3 && std::string_view(argv[1]) == "--generate") {
    try {
      write_stdout(generate_docs(app, argv[2]));
      return std::fflush(stdout) == 0 ? kOk : kFailed;
    } catch (const CLI::Error& e) {
      return app.exit(e) == 0 ? kOk : kFailed;
    }
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" that exit 0; real usage errors exit 2.
    const int code = app.exit(e);
    return code == 0 ? kOk : kFailed;
  } catch (const BrokenPipe&) {
    return g_exit_status;
  } catch (const WriteFailed& e) {
    spdlog::error("cannot write to standard output: {}; the output is incomplete (its last record may be cut short)", e.message);
    return kFailed;
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return kFailed;
  }
  if (std::fflush(stdout) != 0) {
    if (errno == EPIPE) return g_exit_status;
    spdlog::error("cannot write to standard output: {}; the output is incomplete (its last record may be cut short)", std::strerror(errno));
    return kFailed;
  }
  return g_exit_status;
}
