#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <set>
#include <utility>

#include "cli.hpp"

namespace corpus_scan::cli {

namespace fs = std::filesystem;

namespace {

using DirId = std::pair<dev_t, ino_t>;

void walk_one(const std::string& path, std::set<DirId>& ancestors,
              const std::function<void(const Input&)>& visit) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    const int err = errno;
    struct stat lst {};
    if (::lstat(path.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode))
      return visit({path, "broken-link", std::string("symbolic link points nowhere: ") + std::strerror(err)});
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
  if (ec) return visit({path, "unreadable", ec.message()});
  std::sort(names.begin(), names.end());  // byte order: deterministic whatever the locale
  ancestors.insert(id);
  const std::string prefix = path.ends_with('/') ? path : path + "/";
  for (const std::string& name : names) walk_one(prefix + name, ancestors, visit);
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
    walk_one(path, ancestors, visit);
  }
}

FileReport scan_input(const Input& input, const ScanOptions& options, const Normalizer& normalizer) {
  DecodeResult decoded;
  if (!input.error_code.empty()) {
    decoded.skip = SkipReason{input.error_code, input.error_message};
  } else if (input.path == "-") {
    std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    decoded = decode_bytes(std::move(bytes), options.read);
  } else {
    decoded = read_file(input.path, options.read);
  }
  return analyze(input.path, std::move(decoded), options, normalizer);
}

}  // namespace corpus_scan::cli
