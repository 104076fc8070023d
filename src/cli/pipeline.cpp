// The runner shared by scan, split and explain: walks the inputs, analyzes files on a pool of
// worker threads and writes their records in input order.
//
// Files are independent, so each worker runs the whole pipeline on one file. Ordering and memory:
// at most `window` files are in flight (read, analyzed, waiting to be written), so peak memory is
// a small constant times the largest file, whatever the size of the corpus.
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <future>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "cli.hpp"
#include "progress.hpp"

namespace corpus_scan::cli {

namespace {

// A fixed pool of threads running queued tasks.
class WorkerPool {
 public:
  explicit WorkerPool(unsigned threads) {
    for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
  }
  ~WorkerPool() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_all();
    for (std::thread& t : workers_) t.join();
  }
  void submit(std::function<void()> task) {
    {
      std::lock_guard lock(mutex_);
      tasks_.push_back(std::move(task));
    }
    ready_.notify_one();
  }

 private:
  void work() {
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
        if (tasks_.empty()) return;
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      task();
    }
  }
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> tasks_;
  std::vector<std::thread> workers_;
  bool stopping_ = false;
};

using InputSource = std::function<void(const std::function<void(const Input&)>&)>;

// Calls `visit` with each path of a --files-from list, streaming (the list may be long).
// Newline-separated lists may have CRLF line ends; blank lines are not paths.
void read_path_list(const std::string& list, bool null_separated, const std::function<void(std::string)>& visit) {
  struct ListFile {  // closes what it opened, frees getdelim's buffer, whatever `visit` throws
    std::FILE* file = nullptr;
    bool owned = false;
    char* line = nullptr;
    std::size_t capacity = 0;
    ~ListFile() {
      std::free(line);
      if (owned && file) std::fclose(file);
    }
  } in;
  in.owned = list != "-";
  in.file = in.owned ? std::fopen(list.c_str(), "rb") : stdin;
  if (!in.file) throw std::runtime_error("cannot read --files-from " + list + ": " + std::strerror(errno));
  const int separator = null_separated ? '\0' : '\n';
  ssize_t n;
  while ((n = ::getdelim(&in.line, &in.capacity, separator, in.file)) > 0) {
    std::string path(in.line, static_cast<std::size_t>(n));
    if (path.back() == static_cast<char>(separator)) path.pop_back();
    if (!null_separated && !path.empty() && path.back() == '\r') path.pop_back();
    if (!path.empty()) visit(std::move(path));
  }
  if (std::ferror(in.file)) throw std::runtime_error("cannot read --files-from " + list + ": " + std::strerror(errno));
}

std::uint64_t file_size(const std::string& path) {
  struct stat st {};
  return path != "-" && ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) ? static_cast<std::uint64_t>(st.st_size) : 0;
}

// The runner itself: `inputs` yields the inputs in output order; `progress` (may be null) hears
// of every file written.
void run_inputs(const InputSource& inputs, const ScanOptions& options, unsigned threads, const RecordWriter& write,
                ProgressBar* progress) {
  const Normalizer normalizer(options.normalize);
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  std::string out;
  auto emit = [&](const FileReport& report) {
    if (report.skip) {
      log_skip(report);
      g_exit_status = std::max<int>(g_exit_status, kSomeSkipped);
    }
    out.clear();
    write(report, out);
    write_stdout(out);
    if (progress) progress->file_done(report.source ? report.source->original.size() : file_size(report.path));
  };
  if (threads == 1) {
    inputs([&](const Input& input) { emit(scan_input(input, options, normalizer)); });
    return;
  }
  // Futures in input order; the oldest is written before more than `window` files are in flight.
  const std::size_t window = 2 * static_cast<std::size_t>(threads);
  std::deque<std::future<FileReport>> in_flight;
  WorkerPool pool(threads);
  auto write_oldest = [&] {
    FileReport report = in_flight.front().get();
    in_flight.pop_front();
    emit(report);
  };
  try {
    inputs([&](const Input& input) {
      auto task = std::make_shared<std::packaged_task<FileReport()>>(
          [input, &options, &normalizer] { return scan_input(input, options, normalizer); });
      in_flight.push_back(task->get_future());
      pool.submit([task] { (*task)(); });
      while (in_flight.size() >= window) write_oldest();
    });
    while (!in_flight.empty()) write_oldest();
  } catch (...) {
    // Let queued work finish before the pool (and the options it references) go away.
    for (auto& f : in_flight) f.wait();
    throw;
  }
}

}  // namespace

Shard Shard::parse(const std::string& text) {
  Shard shard;
  const auto slash = text.find('/');
  auto number = [&](std::string_view digits, std::uint64_t& value) {
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    return ec == std::errc() && end == digits.data() + digits.size() && !digits.empty();
  };
  const std::string_view view(text);
  if (slash == std::string::npos || !number(view.substr(0, slash), shard.index) ||
      !number(view.substr(slash + 1), shard.count) || shard.index < 1 || shard.index > shard.count)
    throw CLI::ValidationError("expected K/N with 1 <= K <= N (e.g. 3/8), got '" + text + "'");
  return shard;
}

bool Shard::contains(std::string_view path) const {
  if (count == 1) return true;
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a 64: simple enough to reproduce anywhere
  for (const char c : path) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash % count == index - 1;
}

void for_each_input(const PipelineFlags& flags, const std::function<void(const Input&)>& visit) {
  const Shard shard = flags.shard.empty() ? Shard{} : Shard::parse(flags.shard);
  auto keep = [&](const Input& input) {
    if (shard.contains(input.path)) visit(input);
  };
  walk_inputs(flags.paths, keep);
  if (!flags.files_from.empty())
    read_path_list(flags.files_from, flags.null_separated, [&](std::string path) { walk_inputs({std::move(path)}, keep); });
}

ScanOptions PipelineFlags::to_options() const {
  ScanOptions options;
  options.normalize = normalize.to_options();
  options.read.encoding = read.encoding;
  options.quality = quality;
  return options;
}

void add_pipeline_flags(CLI::App& cmd, PipelineFlags& flags, const std::string& what) {
  cmd.add_option("paths", flags.paths, "Files and directories to " + what + " ('-' reads standard input)");
  cmd.add_option("-j,--threads", flags.threads, "Worker threads (default: all cores); output is the same for any number")
      ->check(CLI::Range(0u, 1024u));
  auto* files_from = cmd.add_option("--files-from", flags.files_from,
                                    "Also read the paths listed in FILE, one a line ('-': standard input)")
                         ->type_name("FILE")
                         ->configurable(false)
                         ->group("Inputs");
  cmd.add_flag("-0,--null", flags.null_separated, "The --files-from list is NUL-separated (find -print0)")
      ->needs(files_from)
      ->configurable(false)
      ->group("Inputs");
  cmd.add_option("--shard", flags.shard,
                 "Read only share K of N of the inputs (1 <= K <= N; split by a hash of each path, so N runs "
                 "together read every input once)")
      ->type_name("K/N")
      ->check(CLI::Validator(
          [](std::string& text) {
            try {
              Shard::parse(text);
              return std::string();
            } catch (const CLI::ValidationError& e) {
              return std::string(e.what());
            }
          },
          ""))
      ->configurable(false)
      ->group("Inputs");
  cmd.add_flag("--no-progress", flags.no_progress, "Never draw the progress bar (drawn only when stderr is a terminal)");
  add_normalize_flags(cmd, flags.normalize);
  add_read_flags(cmd, flags.read);
}

void run_records(const std::vector<std::string>& paths, const ScanOptions& options, unsigned threads,
                 const RecordWriter& write) {
  run_inputs([&](const auto& visit) { walk_inputs(paths, visit); }, options, threads, write, nullptr);
}

void run_records(const PipelineFlags& flags, const RecordWriter& write) {
  if (flags.paths.empty() && flags.files_from.empty())
    throw CLI::RequiredError("PATH or --files-from (give files or directories to read)");
  if (flags.files_from == "-" && std::find(flags.paths.begin(), flags.paths.end(), "-") != flags.paths.end())
    throw CLI::ValidationError("--files-from", "'-' cannot be both the list of paths and an input");
  const ScanOptions options = flags.to_options();
  std::unique_ptr<ProgressBar> progress;
  if (progress_wanted(flags.no_progress)) {
    WorkCounter count;
    // A list on standard input can be read only once: no total, so no time left.
    if (flags.files_from != "-")
      count = [&flags](const std::function<void(std::uint64_t)>& add, const std::atomic<bool>& stop) {
        struct Stopped {};
        try {
          for_each_input(flags, [&](const Input& input) {
            if (stop) throw Stopped{};
            add(input.error_code.empty() ? file_size(input.path) : 0);
          });
        } catch (const Stopped&) {
        } catch (const std::exception&) {
          // The run itself reports a list it cannot read; the bar just goes without a total.
        }
      };
    progress = std::make_unique<ProgressBar>(std::move(count));
  }
  run_inputs([&](const auto& visit) { for_each_input(flags, visit); }, options, flags.threads, write, progress.get());
}

}  // namespace corpus_scan::cli
