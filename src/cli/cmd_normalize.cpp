// `corpus-scan normalize [FILE...]`: a line filter. Exactly one output line per input line (LF,
// CRLF or lone CR), blank lines kept, so it can sit anywhere in a shell pipeline.
#include <cerrno>
#include <cstring>
#include <memory>

#include <spdlog/spdlog.h>

#include "cli.hpp"

namespace corpus_scan::cli {

namespace {

struct NormalizeCommand {
  std::vector<std::string> files;
  NormalizeFlags normalize;
};

// Streams one input line by line, holding at most one line (plus a read buffer) in memory.
// Returns false when the input could not be read.
bool filter_stream(std::FILE* in, const Normalizer& normalizer) {
  std::string pending;  // bytes of the current, unfinished line
  std::string out;
  std::uint64_t offset = 0;
  bool cr_seen = false;  // the previous chunk ended with CR: a following LF belongs to it
  char buf[1 << 16];
  auto emit = [&](std::string_view line) {
    out.clear();
    normalizer.normalize_line(line, offset, out, nullptr);
    out.push_back('\n');
    write_stdout(out);
  };
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, in)) > 0) {
    std::size_t i = 0;
    if (cr_seen && buf[0] == '\n') ++i;
    cr_seen = false;
    std::size_t start = i;
    for (; i < n; ++i) {
      const char c = buf[i];
      if (c != '\n' && c != '\r') continue;
      pending.append(buf + start, i - start);
      emit(pending);
      offset += pending.size();
      pending.clear();
      if (c == '\r') {
        if (i + 1 < n) {
          if (buf[i + 1] == '\n') ++i;
        } else {
          cr_seen = true;
        }
      }
      start = i + 1;
    }
    pending.append(buf + start, n - start);
  }
  const bool ok = !std::ferror(in);
  if (!pending.empty()) emit(pending);
  std::fflush(stdout);
  return ok;
}

}  // namespace

void setup_normalize(CLI::App& app) {
  auto opts = std::make_shared<NormalizeCommand>();
  CLI::App* cmd = app.add_subcommand("normalize", "Repair MT and mixed Chinese/English artifacts, line by line");
  cmd->footer(
      "Examples:\n  printf 'Xi \\xe2\\x80\\x98an at 8: 00 pm\\n' | corpus-scan normalize\n"
      "  corpus-scan normalize --disable glued-words,missing-space data/001_2725a3a24cc2e181.txt > clean.txt");
  cmd->add_option("files", opts->files, "Files to normalize (default: standard input; '-' also means it)");
  add_normalize_flags(*cmd, opts->normalize);
  cmd->callback([opts] {
    const Normalizer normalizer(opts->normalize.to_options());
    std::vector<std::string> files = opts->files;
    if (files.empty()) files.push_back("-");
    for (const std::string& file : files) {
      if (file == "-") {
        if (!filter_stream(stdin, normalizer)) {
          spdlog::warn("-: read error: {}", std::strerror(errno));
          g_exit_status = std::max<int>(g_exit_status, kSomeSkipped);
        }
        continue;
      }
      std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(file.c_str(), "rb"), &std::fclose);
      if (!f || !filter_stream(f.get(), normalizer)) {
        spdlog::warn("{}: skipped (unreadable): {}", file, std::strerror(errno));
        g_exit_status = std::max<int>(g_exit_status, kSomeSkipped);
      }
    }
  });
}

}  // namespace corpus_scan::cli
