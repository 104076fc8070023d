#include <cerrno>
#include <cstring>

#include <spdlog/spdlog.h>

#include "cli.hpp"

namespace corpus_scan::cli {

int g_exit_status = kOk;

void write_stdout(std::string_view data) {
  if (data.empty()) return;
  const std::size_t n = std::fwrite(data.data(), 1, data.size(), stdout);
  if (n != data.size()) {
    if (errno == EPIPE) throw BrokenPipe{};
    throw WriteFailed{std::strerror(errno)};
  }
}

NormalizeOptions NormalizeFlags::to_options() const {
  NormalizeOptions options;
  auto parse = [](const std::string& name) {
    const auto kind = kind_from_name(name);
    if (!kind) {
      std::string known;
      for (EditKind k : all_kinds()) known += std::string(known.empty() ? "" : ", ") + std::string(kind_name(k));
      throw CLI::ValidationError("unknown normalizer kind '" + name + "' (known kinds: " + known + ")");
    }
    return *kind;
  };
  if (!only.empty()) {
    options.enabled.fill(false);
    for (const std::string& name : only) options.set(parse(name), true);
  }
  for (const std::string& name : disable) options.set(parse(name), false);
  if (!options.on(EditKind::Unicode)) options.form = UnicodeForm::None;
  else if (nfkc) options.form = UnicodeForm::NFKC;
  return options;
}

void add_normalize_flags(CLI::App& cmd, NormalizeFlags& flags) {
  cmd.add_option("--disable", flags.disable,
                 "Switch off these normalizer kinds (comma-separated): whitespace, cjk-punct-in-latin, "
                 "split-ellipsis, split-dash, broken-apostrophe, split-number, missing-space, split-domain, "
                 "glued-words, repetition-loop, lost-chars, unicode")
      ->delimiter(',')
      ->allow_extra_args(false)  // one (comma-separated) value per flag: `--only KIND PATH` leaves PATH
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->group("Normalizer");
  cmd.add_option("--only", flags.only, "Switch on only these normalizer kinds (comma-separated)")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->group("Normalizer");
  cmd.add_flag("--nfkc", flags.nfkc, "Use Unicode NFKC instead of NFC for the unicode kind")->group("Normalizer");
}

void add_read_flags(CLI::App& cmd, ReadFlags& flags) {
  cmd.add_option("--encoding", flags.encoding,
                 "Decode every input with this encoding (an ICU name such as GB18030, Big5, UTF-16LE) "
                 "instead of detecting it")
      ->check(CLI::Validator(
          [](const std::string& name) {
            return is_known_encoding(name) ? std::string()
                                           : "unknown encoding '" + name + "' (an ICU converter name; `uconv -l` lists them)";
          },
          "ENCODING"));
}

void log_skip(const FileReport& report) {
  spdlog::warn("{}: skipped ({}): {}", report.path, report.skip->code, report.skip->message);
}

}  // namespace corpus_scan::cli
