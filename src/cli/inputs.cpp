#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <new>
#include <set>
#include <utility>

#include "cli.hpp"

namespace corpus_scan::cli {

namespace fs = std::filesystem;

namespace {

using DirId = std::pair<dev_t, ino_t>;

// `listed`: the path came from reading its directory, so a path that is gone by now vanished
// while the run was going (another job deleted or renamed it), rather than never existing.
void walk_one(const std::string& path, bool listed, std::set<DirId>& ancestors,
              const std::function<void(const Input&)>& visit) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    const int err = errno;
    struct stat lst {};
    const bool is_link = ::lstat(path.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode);
    if (err == ELOOP) return visit({path, "link-loop", std::string("symbolic link loop: ") + std::strerror(err)});
    if (is_link) return visit({path, "broken-link", std::string("symbolic link points nowhere: ") + std::strerror(err)});
    if (listed && err == ENOENT)
      return visit({path, "vanished", "listed in its directory, then gone before it could be read"});
    return visit({path, "unreadable", std::strerror(err)});
  }
  if (S_ISREG(st.st_mode)) return visit({path, "", ""});
  if (!S_ISDIR(st.st_mode)) return visit({path, "not-a-file", "not a regular file or directory"});

  const DirId id{st.st_dev, st.st_ino};
  if (ancestors.count(id)) return visit({path, "link-loop", "directory already being visited (symbolic link loop)"});
  std::error_code ec;
  fs::directory_iterator it(path, ec);
  if (ec) return visit({path, "unreadable", ec.message()});
  std::vector<std::string> names;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    names.push_back(it->path().filename().string());
  }
  // A listing that fails half-way is reported, and what was listed is still read: nothing that
  // could be reached goes unaccounted for.
  if (ec) visit({path, "unreadable", "directory listing stopped early: " + ec.message()});
  std::sort(names.begin(), names.end());  // byte order: deterministic whatever the locale
  ancestors.insert(id);
  const std::string prefix = path.ends_with('/') ? path : path + "/";
  for (const std::string& name : names) walk_one(prefix + name, true, ancestors, visit);
  ancestors.erase(id);
}

}  // namespace

void walk_inputs(const std::vector<std::string>& paths, const std::function<void(const Input&)>& visit) {
  std::set<DirId> ancestors;
  for (const std::string& path : paths) {
    if (path == "-") {
      visit({"-", "", ""});
      continue;
    }
    walk_one(path, false, ancestors, visit);
  }
}

namespace {

DecodeResult read_input(const Input& input, const ReadOptions& options) {
  if (!input.error_code.empty()) return {std::nullopt, SkipReason{input.error_code, input.error_message}};
  if (input.path == "-") return read_descriptor(STDIN_FILENO, options);
  DecodeResult decoded = read_file(input.path, options);
  // The walker saw this file a moment ago: if it is gone now, it vanished during the run.
  if (decoded.skip && decoded.skip->error_number == ENOENT)
    decoded.skip = SkipReason{"vanished", "found by the walk, then gone before it could be read", ENOENT};
  return decoded;
}

}  // namespace

FileReport scan_input(const Input& input, const ScanOptions& options, const Normalizer& normalizer) {
  // One file must never end a night's run: whatever escapes the pipeline for this file becomes
  // its skipped record (exit status 1), and the run goes on with the next file.
  auto skipped = [&](std::string code, std::string message) {
    DecodeResult failed;
    failed.skip = SkipReason{std::move(code), std::move(message)};
    return analyze(input.path, std::move(failed), options, normalizer);
  };
  try {
    return analyze(input.path, read_input(input, options.read), options, normalizer);
  } catch (const std::bad_alloc&) {
    return skipped("too-large", "not enough memory to process this file");
  } catch (const std::exception& e) {
    return skipped("failed", std::string("internal error while processing this file: ") + e.what());
  }
}

}  // namespace corpus_scan::cli
